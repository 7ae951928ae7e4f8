/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "patella-shoes-view"

#include "config.h"

#include "patella-shoes-view.h"

/* The Shoes page's widgets: the list of pairs and one pair's page, one
 * slid over the other. Built from their templates only when the page is
 * first needed (PatellaShoesPage, which the window holds from start-up,
 * creates this). */
struct _PatellaShoesView
{
  PatellaView             parent_instance;

  GtkStack               *page_stack;
  PatellaShoeListView    *list_view;
  PatellaShoeDetailsView *details_view;
};

G_DEFINE_FINAL_TYPE (PatellaShoesView, patella_shoes_view, PATELLA_TYPE_VIEW)

static void
details_finished_cb (PatellaShoesView *self)
{
  patella_shoes_view_show_list (self);
}

static void
patella_shoes_view_constructed (GObject *object)
{
  PatellaShoesView *self = PATELLA_SHOES_VIEW (object);
  PatellaContext *context = patella_view_get_context (PATELLA_VIEW (self));

  G_OBJECT_CLASS (patella_shoes_view_parent_class)->constructed (object);

  patella_shoe_list_view_set_context (self->list_view, context);
  patella_shoe_details_view_set_context (self->details_view, context);
}

static void
patella_shoes_view_class_init (PatellaShoesViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = patella_shoes_view_constructed;

  /* No dispose: the bound stack is the bin's child, which AdwBin unparents
   * itself (gtk_widget_dispose_template() would do it twice). */
  g_type_ensure (PATELLA_TYPE_SHOE_LIST_VIEW);
  g_type_ensure (PATELLA_TYPE_SHOE_DETAILS_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/patella/Patella/ui/patella-shoes-view.ui");
  gtk_widget_class_bind_template_child (widget_class, PatellaShoesView, page_stack);
  gtk_widget_class_bind_template_child (widget_class, PatellaShoesView, list_view);
  gtk_widget_class_bind_template_child (widget_class, PatellaShoesView, details_view);
  gtk_widget_class_bind_template_callback (widget_class, details_finished_cb);
}

static void
patella_shoes_view_init (PatellaShoesView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
patella_shoes_view_new (PatellaContext *context)
{
  g_return_val_if_fail (PATELLA_IS_CONTEXT (context), NULL);

  return g_object_new (PATELLA_TYPE_SHOES_VIEW, "context", context, NULL);
}

/**
 * patella_shoes_view_get_list_view:
 *
 * Returns: (transfer none): the list of pairs
 */
PatellaShoeListView *
patella_shoes_view_get_list_view (PatellaShoesView *self)
{
  g_return_val_if_fail (PATELLA_IS_SHOES_VIEW (self), NULL);

  return self->list_view;
}

/**
 * patella_shoes_view_get_details_view:
 *
 * Returns: (transfer none): one pair's page
 */
PatellaShoeDetailsView *
patella_shoes_view_get_details_view (PatellaShoesView *self)
{
  g_return_val_if_fail (PATELLA_IS_SHOES_VIEW (self), NULL);

  return self->details_view;
}

void
patella_shoes_view_show_list (PatellaShoesView *self)
{
  g_return_if_fail (PATELLA_IS_SHOES_VIEW (self));

  gtk_stack_set_visible_child (self->page_stack, GTK_WIDGET (self->list_view));
}

/**
 * patella_shoes_view_open_shoe:
 * @id: the pair to show, or 0 for the New Shoes form
 */
void
patella_shoes_view_open_shoe (PatellaShoesView *self,
                              gint64            id)
{
  g_return_if_fail (PATELLA_IS_SHOES_VIEW (self));

  gtk_stack_set_visible_child (self->page_stack, GTK_WIDGET (self->details_view));
  patella_shoe_details_view_open (self->details_view, id);
}

gboolean
patella_shoes_view_is_showing_shoe (PatellaShoesView *self)
{
  g_return_val_if_fail (PATELLA_IS_SHOES_VIEW (self), FALSE);

  return gtk_stack_get_visible_child (self->page_stack) == GTK_WIDGET (self->details_view);
}
