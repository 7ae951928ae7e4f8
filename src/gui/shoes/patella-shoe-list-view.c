/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "patella-shoe-list-view"

#include "config.h"

#include <glib/gi18n.h>

#include "patella-list-box.h"
#include "patella-load-chart.h"
#include "patella-run-row.h"
#include "patella-shoe-list-view.h"
#include "patella-shoe-row.h"
#include "patella-shoes.h"

#define CHART_WEEKS 16

/* All the pairs: the active ones with their wear, the runs on no pair, the
 * weekly distance with its load checks, and the retired ones behind an
 * expander. Built only when
 * the Shoes page is first shown; the page says when to refresh it. */
struct _PatellaShoeListView
{
  AdwBin               parent_instance;

  PatellaContext      *context;

  GtkStack            *list_stack;
  GtkListBox          *active_list;
  AdwPreferencesGroup *shoeless_group;
  GtkListBox          *shoeless_list;
  PatellaLoadChart    *chart;
  GtkBox              *warnings_box;
  AdwPreferencesGroup *retired_group;
  AdwExpanderRow      *retired_expander;

  GPtrArray           *retired_rows;   /* rows added to retired_expander */
  gboolean             retired_stale;  /* retired rows not built: the list is closed */
};

G_DEFINE_FINAL_TYPE (PatellaShoeListView, patella_shoe_list_view, ADW_TYPE_BIN)

static PatellaStore *
get_store (PatellaShoeListView *self)
{
  return self->context != NULL ? patella_context_get_store (self->context) : NULL;
}

static void
clear_box (GtkBox *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))) != NULL)
    gtk_box_remove (box, child);
}

static GtkWidget *
create_warning (const PatellaLoadWarning *warning)
{
  /* Translators: how strong the evidence is ("study"), then where it comes from */
  g_autofree char *source = g_strdup_printf (_("Evidence: %s. Source: %s"),
                                             patella_evidence_get_label (warning->evidence),
                                             warning->source);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *message = gtk_label_new (warning->message);
  GtkWidget *source_label = gtk_label_new (source);

  gtk_label_set_wrap (GTK_LABEL (message), TRUE);
  gtk_label_set_xalign (GTK_LABEL (message), 0);
  gtk_label_set_wrap (GTK_LABEL (source_label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (source_label), 0);
  gtk_widget_add_css_class (source_label, "dim-label");
  gtk_widget_add_css_class (source_label, "caption");
  gtk_box_append (GTK_BOX (box), message);
  gtk_box_append (GTK_BOX (box), source_label);

  return box;
}

static void
refresh_load (PatellaShoeListView *self,
              PatellaStore        *store,
              PatellaDistanceUnit  unit)
{
  g_autoptr(GArray) weeks = NULL;
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(GError) error = NULL;

  clear_box (self->warnings_box);

  warnings = patella_runs_check_load (store, CHART_WEEKS, unit, &weeks, &error);
  if (warnings == NULL)
    {
      g_message ("Could not check the weekly load: %s", error->message);
      return;
    }

  patella_load_chart_set_data (self->chart, weeks, warnings, unit);

  /* The newest findings first; the chart shows the older ones. */
  for (guint i = warnings->len, shown = 0; i > 0 && shown < 3; i--, shown++)
    gtk_box_append (self->warnings_box, create_warning (g_ptr_array_index (warnings, i - 1)));

  if (warnings->len == 0)
    {
      GtkWidget *none = gtk_label_new (_("No load check fired in these weeks."));

      gtk_label_set_xalign (GTK_LABEL (none), 0);
      /* Longer in German than a phone is wide. */
      gtk_label_set_wrap (GTK_LABEL (none), TRUE);
      gtk_widget_add_css_class (none, "dim-label");
      gtk_box_append (self->warnings_box, none);
    }
}

static GtkWidget *
create_retired_row (const PatellaShoe   *shoe,
                    PatellaDistanceUnit  unit)
{
  g_autofree char *summary = patella_shoe_format_summary (shoe, unit);
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), shoe->name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), summary);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "shoes.open-shoe");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "x", shoe->id);

  return row;
}

static void
refresh_retired_rows (PatellaShoeListView *self)
{
  PatellaStore *store = get_store (self);
  g_autoptr(GPtrArray) shoes = NULL;
  g_autoptr(GError) error = NULL;
  PatellaDistanceUnit unit;

  for (guint i = 0; i < self->retired_rows->len; i++)
    adw_expander_row_remove (self->retired_expander, g_ptr_array_index (self->retired_rows, i));
  g_ptr_array_set_size (self->retired_rows, 0);

  /* Retired shoes can be many (the stress benchmark has 198): their totals
   * are read and their rows built only once the list is opened. */
  self->retired_stale = !adw_expander_row_get_expanded (self->retired_expander);
  if (store == NULL || self->retired_stale)
    return;

  shoes = patella_shoes_list (store, PATELLA_SHOES_RETIRED, &error);
  if (shoes == NULL)
    {
      g_message ("Could not list the retired shoes: %s", error->message);
      return;
    }

  unit = patella_context_get_unit (self->context);
  for (guint i = 0; i < shoes->len; i++)
    {
      GtkWidget *row = create_retired_row (g_ptr_array_index (shoes, i), unit);

      adw_expander_row_add_row (self->retired_expander, row);
      g_ptr_array_add (self->retired_rows, row);
    }
}

/* The runs on no pair, newest first; returns how many. */
static guint
refresh_shoeless (PatellaShoeListView *self,
                  PatellaStore        *store,
                  PatellaDistanceUnit  unit)
{
  g_autoptr(GPtrArray) runs = NULL;
  g_autoptr(GError) error = NULL;
  int focused = patella_list_box_get_focused_index (self->shoeless_list);

  patella_list_box_remove_all (self->shoeless_list);
  runs = store != NULL ? patella_runs_list (store, PATELLA_SHOE_NONE, &error) : NULL;
  if (runs == NULL && error != NULL)
    g_message ("Could not list the runs without shoes: %s", error->message);

  for (guint i = runs != NULL ? runs->len : 0; i > 0; i--)
    gtk_list_box_append (self->shoeless_list,
                         patella_run_row_new (g_ptr_array_index (runs, i - 1), unit));
  gtk_widget_set_visible (GTK_WIDGET (self->shoeless_group), runs != NULL && runs->len > 0);
  patella_list_box_focus_index (self->shoeless_list, focused);

  return runs != NULL ? runs->len : 0;
}

static void
retired_expanded_cb (PatellaShoeListView *self)
{
  if (self->retired_stale && adw_expander_row_get_expanded (self->retired_expander))
    refresh_retired_rows (self);
}

static void
patella_shoe_list_view_dispose (GObject *object)
{
  PatellaShoeListView *self = PATELLA_SHOE_LIST_VIEW (object);

  /* No gtk_widget_dispose_template(): the bound stack is the bin's child,
   * which AdwBin unparents itself. */
  g_clear_object (&self->context);

  G_OBJECT_CLASS (patella_shoe_list_view_parent_class)->dispose (object);
}

static void
patella_shoe_list_view_finalize (GObject *object)
{
  PatellaShoeListView *self = PATELLA_SHOE_LIST_VIEW (object);

  g_clear_pointer (&self->retired_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (patella_shoe_list_view_parent_class)->finalize (object);
}

static void
patella_shoe_list_view_class_init (PatellaShoeListViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = patella_shoe_list_view_dispose;
  object_class->finalize = patella_shoe_list_view_finalize;

  g_type_ensure (PATELLA_TYPE_LOAD_CHART);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/patella/Patella/ui/patella-shoe-list-view.ui");
  gtk_widget_class_bind_template_child (widget_class, PatellaShoeListView, list_stack);
  gtk_widget_class_bind_template_child (widget_class, PatellaShoeListView, active_list);
  gtk_widget_class_bind_template_child (widget_class, PatellaShoeListView, shoeless_group);
  gtk_widget_class_bind_template_child (widget_class, PatellaShoeListView, shoeless_list);
  gtk_widget_class_bind_template_child (widget_class, PatellaShoeListView, chart);
  gtk_widget_class_bind_template_child (widget_class, PatellaShoeListView, warnings_box);
  gtk_widget_class_bind_template_child (widget_class, PatellaShoeListView, retired_group);
  gtk_widget_class_bind_template_child (widget_class, PatellaShoeListView, retired_expander);
  gtk_widget_class_bind_template_callback (widget_class, retired_expanded_cb);
}

static void
patella_shoe_list_view_init (PatellaShoeListView *self)
{
  self->retired_rows = g_ptr_array_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
}

void
patella_shoe_list_view_set_context (PatellaShoeListView *self,
                                    PatellaContext      *context)
{
  g_return_if_fail (PATELLA_IS_SHOE_LIST_VIEW (self));
  g_return_if_fail (context == NULL || PATELLA_IS_CONTEXT (context));

  g_set_object (&self->context, context);
}

/**
 * patella_shoe_list_view_refresh:
 *
 * Reads the shoes again, keeping the focus on the row that had it (or the
 * one now in its place).
 */
void
patella_shoe_list_view_refresh (PatellaShoeListView *self)
{
  PatellaStore *store;
  g_autoptr(GPtrArray) shoes = NULL;
  g_autoptr(GError) error = NULL;
  PatellaDistanceUnit unit;
  gint64 n_retired;
  guint n_shoeless;
  int focused;

  g_return_if_fail (PATELLA_IS_SHOE_LIST_VIEW (self));

  store = get_store (self);
  focused = patella_list_box_get_focused_index (self->active_list);
  patella_list_box_remove_all (self->active_list);
  refresh_retired_rows (self);

  if (store == NULL)
    {
      refresh_shoeless (self, NULL, PATELLA_UNIT_KM);
      gtk_widget_set_visible (GTK_WIDGET (self->retired_group), FALSE);
      gtk_stack_set_visible_child_name (self->list_stack, "empty");
      return;
    }

  shoes = patella_shoes_list (store, PATELLA_SHOES_ACTIVE, &error);
  n_retired = shoes != NULL ? patella_shoes_count (store, PATELLA_SHOES_RETIRED, &error) : -1;
  if (n_retired < 0)
    {
      g_message ("Could not list the shoes: %s", error->message);
      return;
    }

  unit = patella_context_get_unit (self->context);
  for (guint i = 0; i < shoes->len; i++)
    gtk_list_box_append (self->active_list,
                         patella_shoe_row_new (g_ptr_array_index (shoes, i), unit));

  if (shoes->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No active shoes"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   _("Add a pair, or reactivate a retired one"));
      gtk_list_box_append (self->active_list, row);
    }

  n_shoeless = refresh_shoeless (self, store, unit);
  gtk_widget_set_visible (GTK_WIDGET (self->retired_group), n_retired > 0);
  gtk_stack_set_visible_child_name (self->list_stack,
                                    shoes->len + n_retired + n_shoeless > 0 ? "content"
                                                                            : "empty");

  refresh_load (self, store, unit);
  patella_list_box_focus_index (self->active_list, focused);
}

/**
 * patella_shoe_list_view_get_active_list:
 *
 * Returns: (transfer none): the list of active pairs, one #PatellaShoeRow each
 */
GtkWidget *
patella_shoe_list_view_get_active_list (PatellaShoeListView *self)
{
  g_return_val_if_fail (PATELLA_IS_SHOE_LIST_VIEW (self), NULL);

  return GTK_WIDGET (self->active_list);
}

/**
 * patella_shoe_list_view_get_retired:
 *
 * Returns: (transfer none): the expander row of the retired pairs, hidden
 *   while there are none
 */
GtkWidget *
patella_shoe_list_view_get_retired (PatellaShoeListView *self)
{
  g_return_val_if_fail (PATELLA_IS_SHOE_LIST_VIEW (self), NULL);

  return GTK_WIDGET (self->retired_expander);
}
