/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "patella-shoes-view"

#include "config.h"

#include <glib/gi18n.h>

#include "patella-load-chart.h"
#include "patella-shoes-view.h"
#include "patella-wear-bar.h"

/* The Shoes view's widgets, built from their template only when the view is
 * first needed: PatellaShoesPage, which the window's view stack holds from
 * start-up, creates this and gives the widgets their behaviour. Its children
 * are reached with gtk_widget_get_template_child(); the stack of the list
 * and shoe pages is the child of this bin. */
struct _PatellaShoesView
{
  AdwBin parent_instance;
};

G_DEFINE_FINAL_TYPE (PatellaShoesView, patella_shoes_view, ADW_TYPE_BIN)

static const char * const children[] = {
  "list_stack",
  "active_list",
  "chart",
  "warnings_box",
  "retired_group",
  "retired_expander",
  "shoe_title",
  "shoe_bar",
  "shoe_summary",
  "name_row",
  "brand_row",
  "first_used_row",
  "initial_row",
  "initial_spin",
  "warn_row",
  "warn_spin",
  "limit_row",
  "limit_spin",
  "default_switch",
  "edit_error_label",
  "delete_button",
  "retire_button",
  "runs_group",
  "runs_list",
};

static void
patella_shoes_view_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), PATELLA_TYPE_SHOES_VIEW);

  G_OBJECT_CLASS (patella_shoes_view_parent_class)->dispose (object);
}

static void
patella_shoes_view_class_init (PatellaShoesViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = patella_shoes_view_dispose;

  g_type_ensure (PATELLA_TYPE_LOAD_CHART);
  g_type_ensure (PATELLA_TYPE_WEAR_BAR);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/patella/Patella/ui/patella-shoes-view.ui");
  /* Bound without a struct field: only looked up by name. */
  for (guint i = 0; i < G_N_ELEMENTS (children); i++)
    gtk_widget_class_bind_template_child_full (widget_class, children[i], FALSE, 0);
}

static void
patella_shoes_view_init (PatellaShoesView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
patella_shoes_view_new (void)
{
  return g_object_new (PATELLA_TYPE_SHOES_VIEW, NULL);
}
