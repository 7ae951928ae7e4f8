/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "patella-insights-view"

#include "config.h"

#include <glib/gi18n.h>

#include "patella-insights.h"
#include "patella-insights-view.h"
#include "patella-units.h"

/* The Journal's insights: the comparisons with enough days first, then
 * what each of the others still needs. Recomputed whenever the store
 * changes (a few queries over the last year). */

struct _PatellaInsightsView
{
  AdwBin               parent_instance;

  PatellaStore        *store;
  guint                refresh_source;

  AdwPreferencesGroup *group;
  GtkLabel            *empty_label;
  GtkListBox          *list;
};

G_DEFINE_FINAL_TYPE (PatellaInsightsView, patella_insights_view, ADW_TYPE_BIN)

static GtkWidget *
make_row (const PatellaInsight *insight)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *label = gtk_label_new (insight->text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_margin_top (label, 10);
  gtk_widget_set_margin_bottom (label, 10);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  if (!insight->enough)
    gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_set_name (row, insight->id);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  insight->text, -1);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
  return row;
}

/**
 * patella_insights_view_refresh:
 *
 * Computes the insights again and shows them.
 */
void
patella_insights_view_refresh (PatellaInsightsView *self)
{
  g_autoptr(GPtrArray) insights = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *child;
  gboolean any_enough = FALSE;

  g_return_if_fail (PATELLA_IS_INSIGHTS_VIEW (self));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);

  if (self->store != NULL)
    insights = patella_insights_recent (self->store, patella_unit_get_preferred (), &error);
  if (error != NULL)
    g_message ("Could not compute the insights: %s", error->message);

  for (guint pass = 0; insights != NULL && pass < 2; pass++)
    for (guint i = 0; i < insights->len; i++)
      {
        const PatellaInsight *insight = g_ptr_array_index (insights, i);

        if (insight->enough != (pass == 0))
          continue;
        any_enough |= insight->enough;
        gtk_list_box_append (self->list, make_row (insight));
      }

  gtk_widget_set_visible (GTK_WIDGET (self->list), insights != NULL && insights->len > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->empty_label), insights == NULL || insights->len == 0);
  adw_preferences_group_set_description (self->group,
                                         any_enough ? patella_insights_get_caveat () : NULL);
}

static gboolean
refresh_cb (gpointer data)
{
  PatellaInsightsView *self = data;

  self->refresh_source = 0;
  patella_insights_view_refresh (self);
  return G_SOURCE_REMOVE;
}

/* Another program's change comes as one signal per kind of data: the
 * insights are worked out once for them all. */
static void
store_changed_cb (PatellaInsightsView *self,
                  const char          *what)
{
  if (self->refresh_source == 0)
    self->refresh_source = g_idle_add (refresh_cb, self);
}

void
patella_insights_view_set_store (PatellaInsightsView *self,
                                 PatellaStore        *store)
{
  g_return_if_fail (PATELLA_IS_INSIGHTS_VIEW (self));
  g_return_if_fail (store == NULL || PATELLA_IS_STORE (store));

  if (self->store == store)
    return;

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_func (self->store, store_changed_cb, self);
  g_set_object (&self->store, store);
  if (store != NULL)
    g_signal_connect_object (store, "changed", G_CALLBACK (store_changed_cb), self,
                             G_CONNECT_SWAPPED);

  patella_insights_view_refresh (self);
}

static void
patella_insights_view_dispose (GObject *object)
{
  PatellaInsightsView *self = PATELLA_INSIGHTS_VIEW (object);

  g_clear_handle_id (&self->refresh_source, g_source_remove);

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_func (self->store, store_changed_cb, self);
  g_clear_object (&self->store);

  /* AdwBin drops its child, the template's group, itself. */

  G_OBJECT_CLASS (patella_insights_view_parent_class)->dispose (object);
}

static void
patella_insights_view_class_init (PatellaInsightsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = patella_insights_view_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/patella/Patella/ui/patella-insights-view.ui");
  gtk_widget_class_bind_template_child (widget_class, PatellaInsightsView, group);
  gtk_widget_class_bind_template_child (widget_class, PatellaInsightsView, empty_label);
  gtk_widget_class_bind_template_child (widget_class, PatellaInsightsView, list);
}

static void
patella_insights_view_init (PatellaInsightsView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
patella_insights_view_new (PatellaStore *store)
{
  GtkWidget *view = g_object_new (PATELLA_TYPE_INSIGHTS_VIEW, NULL);

  patella_insights_view_set_store (PATELLA_INSIGHTS_VIEW (view), store);
  return view;
}
