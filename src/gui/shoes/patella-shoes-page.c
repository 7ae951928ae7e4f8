/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "patella-shoes-page"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "patella-load-chart.h"
#include "patella-parse.h"
#include "patella-run-dialog.h"
#include "patella-toast.h"
#include "patella-pickers.h"
#include "patella-shoes.h"
#include "patella-timer.h"
#include "patella-context.h"
#include "patella-shoes-page.h"
#include "patella-shoes-view.h"
#include "patella-wear-bar.h"

#define CHART_WEEKS 16

/* The widgets (a PatellaShoesView) are built only when the page is first
 * shown, or when an action needs them: the page is not shown at start-up. */
struct _PatellaShoesPage
{
  AdwBin               parent_instance;

  PatellaContext       *context;

  GtkWidget           *view;              /* NULL until first needed; the child */
  PatellaShoeInput     shown_input;       /* the shoe form as first filled in */
  GtkStack            *page_stack;        /* the list and shoe pages */
  GtkStack            *list_stack;
  GtkListBox          *active_list;
  PatellaLoadChart    *chart;
  GtkBox              *warnings_box;
  AdwPreferencesGroup *retired_group;
  AdwExpanderRow      *retired_expander;
  GtkLabel            *shoe_title;
  PatellaWearBar      *shoe_bar;
  GtkLabel            *shoe_summary;
  AdwEntryRow         *name_row;
  AdwEntryRow         *brand_row;
  AdwEntryRow         *first_used_row;
  AdwActionRow        *initial_row;
  GtkSpinButton       *initial_spin;
  AdwActionRow        *warn_row;
  GtkSpinButton       *warn_spin;
  AdwActionRow        *limit_row;
  GtkSpinButton       *limit_spin;
  GtkSwitch           *default_switch;
  GtkLabel            *edit_error_label;
  GtkWidget           *delete_button;
  GtkWidget           *retire_button;
  AdwPreferencesGroup *runs_group;
  GtkListBox          *runs_list;

  PatellaStore        *store;
  GSettings           *settings;
  PatellaDistanceUnit  unit;
  GPtrArray           *retired_rows;   /* rows added to retired_expander */
  gint64               shoe_id;        /* the shoe on the shoe page; 0: a new one */
  gboolean             shoe_retired;
  gboolean             lists_stale;    /* changed while hidden: refresh when mapped */
  gboolean             retired_stale;  /* retired rows not built: the list is closed */
  guint                check_id;       /* the deferred notification check */
};

static void ensure_view (PatellaShoesPage *self);

G_DEFINE_FINAL_TYPE (PatellaShoesPage, patella_shoes_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void unit_changed_cb (PatellaShoesPage *self);

static void
context_store_changed_cb (PatellaShoesPage *self)
{
  patella_shoes_page_set_store (self, patella_context_get_store (self->context));
}

static void
patella_shoes_page_constructed (GObject *object)
{
  PatellaShoesPage *self = PATELLA_SHOES_PAGE (object);

  G_OBJECT_CLASS (patella_shoes_page_parent_class)->constructed (object);

  self->settings = patella_context_get_settings (self->context);
  if (self->settings != NULL)
    {
      g_object_ref (self->settings);
      g_signal_connect_object (self->settings, "changed::distance-unit",
                               G_CALLBACK (unit_changed_cb), self, G_CONNECT_SWAPPED);
    }
  self->unit = patella_context_get_unit (self->context);

  g_signal_connect_object (self->context, "notify::store",
                           G_CALLBACK (context_store_changed_cb), self, G_CONNECT_SWAPPED);
  context_store_changed_cb (self);
}

static void
patella_shoes_page_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  PatellaShoesPage *self = PATELLA_SHOES_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
patella_shoes_page_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  PatellaShoesPage *self = PATELLA_SHOES_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static PatellaNotifier *
get_notifier (PatellaShoesPage *self)
{
  return self->context != NULL ? patella_context_get_notifier (self->context) : NULL;
}

/* The buttons of a shoe's page sit in a flow box: its child goes with the
 * button, or an empty one keeps a place (and a negative width) for it. */
static void
show_button (GtkWidget *button,
             gboolean   shown)
{
  GtkWidget *parent = gtk_widget_get_parent (button);

  gtk_widget_set_visible (button, shown);
  if (GTK_IS_FLOW_BOX_CHILD (parent))
    gtk_widget_set_visible (parent, shown);
}

static void
add_toast (PatellaShoesPage *self,
           AdwToast         *toast)
{
  patella_toast_show (GTK_WIDGET (self), toast);
}

static void
show_error_toast (PatellaShoesPage *self,
                  const GError     *error)
{
  add_toast (self, adw_toast_new (error->message));
}

static const char *
status_label (const char *status)
{
  if (g_strcmp0 (status, "warn") == 0)
    return _("Nearing replacement");
  if (g_strcmp0 (status, "replace") == 0)
    return _("Replace");
  if (g_strcmp0 (status, "retired") == 0)
    return _("Retired");
  return _("Fine");
}

static const char *
status_style (const char *status)
{
  if (g_strcmp0 (status, "warn") == 0)
    return "warning";
  if (g_strcmp0 (status, "replace") == 0)
    return "error";
  if (g_strcmp0 (status, "retired") == 0)
    return "dim-label";
  return "success";
}

static char *
format_shoe_summary (PatellaShoesPage  *self,
                     const PatellaShoe *shoe)
{
  g_autofree char *distance = patella_format_distance (shoe->distance_m, self->unit);
  g_autofree char *warn = patella_format_distance (shoe->warn_m, self->unit);
  g_autofree char *limit = patella_format_distance (shoe->limit_m, self->unit);

  /* Translators: distance run, then the warn distance, then the limit */
  return g_strdup_printf (_("%s run · warns at %s · replace at %s"), distance, warn, limit);
}

/* One shoe in the list: name, badges, its wear bar and its numbers. */
static GtkWidget *
create_shoe_row (PatellaShoesPage  *self,
                 const PatellaShoe *shoe)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *name = gtk_label_new (shoe->name);
  GtkWidget *badge = gtk_label_new (status_label (shoe->status));
  GtkWidget *bar = patella_wear_bar_new ();
  g_autofree char *summary_text = format_shoe_summary (self, shoe);
  g_autofree char *subtitle = NULL;
  g_autofree char *accessible = NULL;
  GtkWidget *summary;

  gtk_widget_set_margin_top (box, 10);
  gtk_widget_set_margin_bottom (box, 10);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (name, TRUE);
  gtk_widget_add_css_class (name, "heading");
  gtk_box_append (GTK_BOX (top), name);

  if (shoe->is_default)
    {
      GtkWidget *mark = gtk_label_new (_("Default"));

      gtk_widget_add_css_class (mark, "patella-badge");
      gtk_widget_add_css_class (mark, "accent");
      gtk_box_append (GTK_BOX (top), mark);
    }

  gtk_widget_add_css_class (badge, "patella-badge");
  gtk_widget_add_css_class (badge, status_style (shoe->status));
  gtk_box_append (GTK_BOX (top), badge);
  gtk_box_append (GTK_BOX (box), top);

  patella_wear_bar_set_distances (PATELLA_WEAR_BAR (bar), shoe->distance_m, shoe->warn_m,
                                  shoe->limit_m);
  gtk_box_append (GTK_BOX (box), bar);

  if (*shoe->brand != '\0')
    subtitle = g_strdup_printf ("%s · %s", shoe->brand, summary_text);
  else
    subtitle = g_strdup (summary_text);
  summary = gtk_label_new (subtitle);
  gtk_label_set_xalign (GTK_LABEL (summary), 0);
  gtk_label_set_wrap (GTK_LABEL (summary), TRUE);
  gtk_widget_add_css_class (summary, "dim-label");
  gtk_widget_add_css_class (summary, "caption");
  gtk_box_append (GTK_BOX (box), summary);

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data (G_OBJECT (row), "shoe-id", GINT_TO_POINTER ((int) shoe->id));

  /* Translators: shoe name, status, then the distances */
  accessible = g_strdup_printf (_("%s, %s, %s"), shoe->name, status_label (shoe->status),
                                subtitle);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible, -1);
  /* Translators: accessible name of a shoe's wear bar */
  g_clear_pointer (&accessible, g_free);
  accessible = g_strdup_printf (_("Wear of %s against its replacement limit"), shoe->name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (bar), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible, -1);

  return row;
}

static void
clear_list_box (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static void
clear_box (GtkBox *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))) != NULL)
    gtk_box_remove (box, child);
}

static void
refresh_load (PatellaShoesPage *self)
{
  g_autoptr(GArray) weeks = NULL;
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(GError) error = NULL;

  clear_box (self->warnings_box);

  warnings = patella_runs_check_load (self->store, CHART_WEEKS, self->unit, &weeks, &error);
  if (warnings == NULL)
    {
      g_message ("Could not check the weekly load: %s", error->message);
      return;
    }

  patella_load_chart_set_data (self->chart, weeks, warnings, self->unit);

  /* The newest findings first; the chart shows the older ones. */
  for (guint i = warnings->len, shown = 0; i > 0 && shown < 3; i--, shown++)
    {
      const PatellaLoadWarning *warning = g_ptr_array_index (warnings, i - 1);
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
      gtk_box_append (self->warnings_box, box);
    }

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

static void
refresh_retired_rows (PatellaShoesPage *self)
{
  g_autoptr(GPtrArray) shoes = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < self->retired_rows->len; i++)
    adw_expander_row_remove (self->retired_expander, g_ptr_array_index (self->retired_rows, i));
  g_ptr_array_set_size (self->retired_rows, 0);

  /* Retired shoes can be many (the stress benchmark has 198): their totals
   * are read and their rows built only once the list is opened. */
  self->retired_stale = !adw_expander_row_get_expanded (self->retired_expander);
  if (self->store == NULL || self->retired_stale)
    return;

  shoes = patella_shoes_list (self->store, PATELLA_SHOES_RETIRED, &error);
  if (shoes == NULL)
    {
      g_message ("Could not list the retired shoes: %s", error->message);
      return;
    }

  for (guint i = 0; i < shoes->len; i++)
    {
      const PatellaShoe *shoe = g_ptr_array_index (shoes, i);
      g_autofree char *summary = format_shoe_summary (self, shoe);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), shoe->name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), summary);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "shoes.open-shoe");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "x", shoe->id);
      adw_expander_row_add_row (self->retired_expander, row);
      g_ptr_array_add (self->retired_rows, row);
    }
}

static void
retired_expanded_cb (PatellaShoesPage *self)
{
  if (self->retired_stale && adw_expander_row_get_expanded (self->retired_expander))
    refresh_retired_rows (self);
}

static void
refresh_lists (PatellaShoesPage *self)
{
  g_autoptr(GPtrArray) shoes = NULL;
  g_autoptr(GError) error = NULL;
  guint n_active = 0;
  gint64 n_retired = 0;

  clear_list_box (self->active_list);
  refresh_retired_rows (self);

  if (self->store == NULL)
    {
      /* Hidden until there are retired shoes: measured, even on a page not
       * shown, the expander's arrow would be rendered from SVG, which loads
       * librsvg (about 7 MiB) at start-up. */
      gtk_widget_set_visible (GTK_WIDGET (self->retired_group), FALSE);
      gtk_stack_set_visible_child_name (self->list_stack, "empty");
      return;
    }

  shoes = patella_shoes_list (self->store, PATELLA_SHOES_ACTIVE, &error);
  if (shoes == NULL)
    {
      g_message ("Could not list the shoes: %s", error->message);
      return;
    }

  for (guint i = 0; i < shoes->len; i++)
    {
      gtk_list_box_append (self->active_list,
                           create_shoe_row (self, g_ptr_array_index (shoes, i)));
      n_active++;
    }
  n_retired = patella_store_query_int (self->store,
                                       "SELECT count(*) FROM shoe WHERE retired = 1;", 0);

  if (n_active == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No active shoes"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   _("Add a pair, or reactivate a retired one"));
      gtk_list_box_append (self->active_list, row);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->retired_group), n_retired > 0);
  gtk_stack_set_visible_child_name (self->list_stack,
                                    n_active + n_retired > 0 ? "content" : "empty");

  refresh_load (self);
}

/* A spin button shows a rounded distance; the exact metres are kept beside
 * it, so that saving without touching it does not change 500 mi into
 * 805 km. */
typedef struct
{
  gint64 metres;
  double shown;
} SpinDistance;

static void
set_spin_metres (PatellaShoesPage *self,
                 GtkSpinButton    *spin,
                 gint64            metres)
{
  SpinDistance *distance = g_new0 (SpinDistance, 1);

  gtk_spin_button_set_value (spin, patella_metres_to_unit (metres, self->unit));
  /* As the text shows it, rounded to the spin button's digits. */
  gtk_spin_button_update (spin);
  distance->metres = metres;
  distance->shown = gtk_spin_button_get_value (spin);
  g_object_set_data_full (G_OBJECT (spin), "patella-distance", distance, g_free);
}

static gint64
get_spin_metres (PatellaShoesPage *self,
                 GtkSpinButton    *spin)
{
  SpinDistance *distance = g_object_get_data (G_OBJECT (spin), "patella-distance");
  double value;

  gtk_spin_button_update (spin);
  value = gtk_spin_button_get_value (spin);

  if (distance != NULL && value == distance->shown)
    return distance->metres;

  return patella_unit_to_metres (value, self->unit);
}

static void
update_unit_labels (PatellaShoesPage *self)
{
  const char *unit_name = self->unit == PATELLA_UNIT_MI ? _("In miles") : _("In kilometres");
  double per_unit = patella_unit_metres_per (self->unit);
  GtkSpinButton *spins[] = { self->warn_spin, self->limit_spin };

  adw_action_row_set_subtitle (self->initial_row, unit_name);
  adw_action_row_set_subtitle (self->warn_row, unit_name);
  adw_action_row_set_subtitle (self->limit_row, unit_name);

  for (guint i = 0; i < G_N_ELEMENTS (spins); i++)
    {
      GtkAdjustment *adjustment = gtk_spin_button_get_adjustment (spins[i]);

      /* 100 to 1 000 miles; whole kilometres round inwards. */
      gtk_adjustment_set_lower (adjustment, ceil (PATELLA_SHOE_MARK_MIN_M / per_unit));
      gtk_adjustment_set_upper (adjustment, floor (PATELLA_SHOE_MARK_MAX_M / per_unit));
    }
  gtk_adjustment_set_upper (gtk_spin_button_get_adjustment (self->initial_spin),
                            floor (PATELLA_SHOE_INITIAL_MAX_M / per_unit));

  /* Named by their rows' titles; the unit is said after the name. */
  for (guint i = 0; i < G_N_ELEMENTS (spins); i++)
    gtk_accessible_update_property (GTK_ACCESSIBLE (spins[i]),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, unit_name, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->initial_spin),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, unit_name, -1);
}

static GtkWidget *
create_run_row (PatellaShoesPage *self,
                const PatellaRun *run)
{
  g_autofree char *distance = patella_format_distance (run->distance_m, self->unit);
  g_autofree char *title = g_strdup_printf ("%s · %s", run->day, distance);
  g_autoptr(GString) subtitle = g_string_new (NULL);
  g_autofree char *delete_label = NULL;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button;

  if (run->duration_s > 0)
    {
      g_autofree char *duration = patella_format_duration (run->duration_s);
      g_autofree char *pace = patella_format_pace (run->distance_m, run->duration_s, self->unit);

      g_string_append_printf (subtitle, "%s · %s", duration, pace);
    }
  if (run->pain >= 0)
    {
      if (subtitle->len > 0)
        g_string_append (subtitle, " · ");
      /* Translators: knee pain during a run */
      g_string_append_printf (subtitle, _("pain %d/10"), run->pain);
    }
  if (*run->note != '\0')
    {
      if (subtitle->len > 0)
        g_string_append (subtitle, " · ");
      g_string_append (subtitle, run->note);
    }

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
  /* Activating the row edits the run; a pencil says so, as on entry rows. */
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "shoes.edit-run");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "x", run->id);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_widget_set_tooltip_text (row, _("Edit the run"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             g_object_new (GTK_TYPE_IMAGE,
                                           "icon-name", "document-edit-symbolic",
                                           "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                                           "css-classes", (const char *[]) { "dim-label", NULL },
                                           NULL));

  button = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "shoes.delete-run");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "x", run->id);
  /* Translators: the run's day and distance */
  delete_label = g_strdup_printf (_("Delete the run of %s"), title);
  gtk_widget_set_tooltip_text (button, delete_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  delete_label, -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);

  return row;
}

/* The shoe page's header and runs; the fields are only filled on opening,
 * so that a refresh never overwrites an edit in progress. */
static void
refresh_shoe_page (PatellaShoesPage *self)
{
  g_autoptr(PatellaShoe) shoe = NULL;
  g_autoptr(GPtrArray) runs = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;

  clear_list_box (self->runs_list);

  if (self->shoe_id == 0 || self->store == NULL)
    {
      gtk_label_set_text (self->shoe_title, _("New Shoes"));
      gtk_widget_set_visible (GTK_WIDGET (self->shoe_bar), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->shoe_summary), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->runs_group), FALSE);
      show_button (self->delete_button, FALSE);
      show_button (self->retire_button, FALSE);
      return;
    }

  shoe = patella_shoe_get (self->store, self->shoe_id, &error);
  if (shoe == NULL)
    {
      /* Deleted meanwhile, by this window or another program. */
      self->shoe_id = 0;
      gtk_stack_set_visible_child_name (self->page_stack, "list");
      return;
    }

  self->shoe_retired = shoe->retired;
  gtk_label_set_text (self->shoe_title, shoe->name);
  patella_wear_bar_set_distances (self->shoe_bar, shoe->distance_m, shoe->warn_m, shoe->limit_m);
  summary = format_shoe_summary (self, shoe);
  gtk_label_set_text (self->shoe_summary, summary);
  gtk_widget_set_visible (GTK_WIDGET (self->shoe_bar), TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->shoe_summary), TRUE);
  show_button (self->delete_button, TRUE);
  show_button (self->retire_button, TRUE);
  gtk_button_set_label (GTK_BUTTON (self->retire_button),
                        shoe->retired ? _("_Reactivate") : _("_Retire"));
  gtk_widget_set_sensitive (GTK_WIDGET (self->default_switch), !shoe->retired);

  runs = patella_runs_list (self->store, self->shoe_id, &error);
  gtk_widget_set_visible (GTK_WIDGET (self->runs_group), runs != NULL && runs->len > 0);
  for (guint i = runs != NULL ? runs->len : 0; i > 0; i--)
    gtk_list_box_append (self->runs_list, create_run_row (self, g_ptr_array_index (runs, i - 1)));
}

/* The form's strings are the form's: copy @input before the form changes. */
static void
read_shoe_form (PatellaShoesPage *self,
                PatellaShoeInput *input)
{
  input->name = gtk_editable_get_text (GTK_EDITABLE (self->name_row));
  input->brand = gtk_editable_get_text (GTK_EDITABLE (self->brand_row));
  input->first_used = gtk_editable_get_text (GTK_EDITABLE (self->first_used_row));
  input->initial_m = get_spin_metres (self, self->initial_spin);
  input->warn_m = get_spin_metres (self, self->warn_spin);
  input->limit_m = get_spin_metres (self, self->limit_spin);
  input->make_default = gtk_switch_get_active (self->default_switch);
}

static void
clear_shown_input (PatellaShoesPage *self)
{
  g_free ((char *) self->shown_input.name);
  g_free ((char *) self->shown_input.brand);
  g_free ((char *) self->shown_input.first_used);
  self->shown_input = (PatellaShoeInput) { 0 };
}

static void
open_shoe (PatellaShoesPage *self,
           gint64            id)
{
  g_autoptr(PatellaShoe) shoe = NULL;

  ensure_view (self);
  self->shoe_id = id;
  gtk_widget_set_visible (GTK_WIDGET (self->edit_error_label), FALSE);

  if (id > 0)
    shoe = patella_shoe_get (self->store, id, NULL);

  if (shoe == NULL)
    self->shoe_id = 0;

  gtk_editable_set_text (GTK_EDITABLE (self->name_row), shoe != NULL ? shoe->name : "");
  gtk_editable_set_text (GTK_EDITABLE (self->brand_row), shoe != NULL ? shoe->brand : "");
  gtk_editable_set_text (GTK_EDITABLE (self->first_used_row),
                         shoe != NULL && shoe->first_used != NULL ? shoe->first_used : "");
  set_spin_metres (self, self->initial_spin, shoe != NULL ? shoe->initial_m : 0);
  set_spin_metres (self, self->warn_spin,
                   shoe != NULL ? shoe->warn_m : PATELLA_SHOE_WARN_DEFAULT_M);
  set_spin_metres (self, self->limit_spin,
                   shoe != NULL ? shoe->limit_m : PATELLA_SHOE_LIMIT_DEFAULT_M);
  gtk_switch_set_active (self->default_switch, shoe != NULL && shoe->is_default);

  /* Read back as saving reads it, so that a field left alone compares equal. */
  clear_shown_input (self);
  read_shoe_form (self, &self->shown_input);
  self->shown_input.name = g_strdup (self->shown_input.name);
  self->shown_input.brand = g_strdup (self->shown_input.brand);
  self->shown_input.first_used = g_strdup (self->shown_input.first_used);

  refresh_shoe_page (self);
  gtk_stack_set_visible_child_name (self->page_stack, "shoe");
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
}

/* Lists and chart read every shoe's total: only worth it when seen. Hidden,
 * the page is refreshed when it is next mapped (off the start-up path). */
static void
refresh_lists_when_shown (PatellaShoesPage *self)
{
  self->lists_stale = self->view == NULL || !gtk_widget_get_mapped (GTK_WIDGET (self));
  if (!self->lists_stale)
    refresh_lists (self);
}

static gboolean
check_notifications_cb (gpointer data)
{
  PatellaShoesPage *self = data;
  PatellaNotifier *notifier = get_notifier (self);
  g_autoptr(GError) error = NULL;

  self->check_id = 0;
  if (self->store != NULL && notifier != NULL &&
      !patella_shoes_check_notifications (self->store, notifier, &error))
    g_message ("Could not check shoe notifications: %s", error->message);

  return G_SOURCE_REMOVE;
}

/* Which row of @list has the keyboard focus, or -1. */
static int
focused_row (GtkListBox *list)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (list));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  GtkWidget *row;

  if (focus == NULL || !gtk_widget_is_ancestor (focus, GTK_WIDGET (list)))
    return -1;

  row = gtk_widget_get_ancestor (focus, GTK_TYPE_LIST_BOX_ROW);
  return row != NULL ? gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row)) : -1;
}

static void
focus_row (GtkListBox *list,
           int         index)
{
  GtkListBoxRow *row = NULL;

  for (; index >= 0 && row == NULL; index--)
    row = gtk_list_box_get_row_at_index (list, index);

  if (row != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (row));
}

/* Rebuilt lists keep the user's place: the row that had the focus, or the
 * one now in its place. */
static void
refresh_keeping_focus (PatellaShoesPage *self)
{
  int active = self->view != NULL ? focused_row (self->active_list) : -1;
  int runs = self->view != NULL ? focused_row (self->runs_list) : -1;

  refresh_lists_when_shown (self);
  if (self->view != NULL &&
      g_strcmp0 (gtk_stack_get_visible_child_name (self->page_stack), "shoe") == 0)
    refresh_shoe_page (self);

  if (active >= 0)
    focus_row (self->active_list, active);
  if (runs >= 0)
    focus_row (self->runs_list, runs);
}

static void
store_changed_cb (PatellaShoesPage *self,
                  const char       *what)
{
  if (g_strcmp0 (what, "runs") == 0 || g_strcmp0 (what, "shoes") == 0)
    refresh_keeping_focus (self);
}

static void
unit_changed_cb (PatellaShoesPage *self)
{
  g_autofree char *setting = g_settings_get_string (self->settings, "distance-unit");

  if (self->view != NULL)
    {
      gint64 initial = get_spin_metres (self, self->initial_spin);
      gint64 warn = get_spin_metres (self, self->warn_spin);
      gint64 limit = get_spin_metres (self, self->limit_spin);

      /* Only the display changes: what is being edited keeps its distance. */
      self->unit = patella_unit_from_setting (setting);
      update_unit_labels (self);
      set_spin_metres (self, self->initial_spin, initial);
      set_spin_metres (self, self->warn_spin, warn);
      set_spin_metres (self, self->limit_spin, limit);
    }
  else
    {
      self->unit = patella_unit_from_setting (setting);
    }

  store_changed_cb (self, "unit");
}

static void
shoe_row_activated_cb (PatellaShoesPage *self,
                       GtkListBoxRow    *row)
{
  gint64 id = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "shoe-id"));

  if (id > 0)
    open_shoe (self, id);
}

static void
run_logged_cb (PatellaShoesPage *self,
               gint64            id)
{
  GApplication *app = g_application_get_default ();
  AdwToast *toast = adw_toast_new (_("Run logged"));

  /* Icing after a run is part of the routine (GUIDANCE.md); not asked for
   * while the knee is being iced. */
  if (app != NULL && g_action_group_has_action (G_ACTION_GROUP (app), "start-icing") &&
      (self->store == NULL || !patella_ice_get_running (self->store, NULL, NULL)))
    {
      adw_toast_set_title (toast, _("Run logged. Ice your knee now?"));
      adw_toast_set_button_label (toast, _("_Start Icing"));
      adw_toast_set_action_name (toast, "app.start-icing");
    }
  adw_toast_set_timeout (toast, 8);

  add_toast (self, toast);
}

static void
log_run_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  PatellaShoesPage *self = PATELLA_SHOES_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  PatellaRunDialog *dialog;

  if (self->store == NULL)
    return;

  dialog = patella_run_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   self->store, get_notifier (self), self->unit);
  g_signal_connect_object (dialog, "logged", G_CALLBACK (run_logged_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
add_shoe_activated (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  PatellaShoesPage *self = PATELLA_SHOES_PAGE (widget);

  if (self->store != NULL)
    open_shoe (self, 0);
}

static void
open_shoe_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  open_shoe (PATELLA_SHOES_PAGE (widget), g_variant_get_int64 (parameter));
}

static void
back_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  PatellaShoesPage *self = PATELLA_SHOES_PAGE (widget);

  ensure_view (self);
  gtk_stack_set_visible_child_name (self->page_stack, "list");
}

/* Escape and Alt+Left leave a shoe's page or the New Shoes form; on the
 * list they go on to whoever else wants them. */
static gboolean
back_pressed_cb (GtkWidget *widget,
                 GVariant  *args,
                 gpointer   user_data)
{
  PatellaShoesPage *self = PATELLA_SHOES_PAGE (widget);

  if (self->view == NULL ||
      g_strcmp0 (gtk_stack_get_visible_child_name (self->page_stack), "list") == 0)
    return FALSE;

  gtk_stack_set_visible_child_name (self->page_stack, "list");
  return TRUE;
}

static void
save_shoe_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  PatellaShoesPage *self = PATELLA_SHOES_PAGE (widget);
  g_autoptr(GError) error = NULL;
  PatellaShoeInput input = { 0 };
  gboolean saved;

  if (self->store == NULL)
    return;

  ensure_view (self);
  read_shoe_form (self, &input);

  /* Only what the user changed: another program may have changed the rest
   * since the form was filled in. */
  if (self->shoe_id == 0)
    saved = patella_shoe_add (self->store, get_notifier (self), &input, &error) > 0;
  else
    saved = patella_shoe_edit_changes (self->store, get_notifier (self), self->shoe_id,
                                       &self->shown_input, &input, &error);

  if (!saved)
    {
      gtk_label_set_text (self->edit_error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->edit_error_label), TRUE);
      return;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->edit_error_label), FALSE);
  add_toast (self, adw_toast_new (_("Shoes saved")));
  gtk_stack_set_visible_child_name (self->page_stack, "list");
}

static void
toggle_retired_activated (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  PatellaShoesPage *self = PATELLA_SHOES_PAGE (widget);
  g_autoptr(GError) error = NULL;

  g_autofree char *title = NULL;
  gboolean retire;

  if (self->store == NULL || self->shoe_id == 0)
    return;

  retire = !self->shoe_retired;
  if (!patella_shoe_set_retired (self->store, get_notifier (self), self->shoe_id, retire, &error))
    {
      show_error_toast (self, error);
      return;
    }

  gtk_switch_set_active (self->default_switch, FALSE);

  /* Said, and the pair is where the list shows it now. */
  if (retire)
    /* Translators: the shoes' name */
    title = g_strdup_printf (_("“%s” retired, with their runs, under Retired Shoes"),
                             gtk_label_get_text (self->shoe_title));
  else
    /* Translators: the shoes' name */
    title = g_strdup_printf (_("“%s” back in use"), gtk_label_get_text (self->shoe_title));
  add_toast (self, adw_toast_new (title));
  if (retire)
    gtk_stack_set_visible_child_name (self->page_stack, "list");
}

static void
delete_shoe_now (PatellaShoesPage *self)
{
  g_autoptr(GError) error = NULL;

  if (!patella_shoe_delete (self->store, get_notifier (self), self->shoe_id, &error))
    {
      show_error_toast (self, error);
      return;
    }

  self->shoe_id = 0;
  gtk_stack_set_visible_child_name (self->page_stack, "list");
  add_toast (self, adw_toast_new (_("Shoes deleted")));
}

static void
delete_response_cb (PatellaShoesPage *self,
                    const char       *response)
{
  if (g_strcmp0 (response, "delete") == 0 && self->store != NULL && self->shoe_id > 0)
    delete_shoe_now (self);
}

static void
delete_shoe_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  PatellaShoesPage *self = PATELLA_SHOES_PAGE (widget);
  g_autoptr(PatellaShoe) shoe = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *dialog;

  if (self->store == NULL || self->shoe_id == 0)
    return;

  shoe = patella_shoe_get (self->store, self->shoe_id, NULL);
  if (shoe == NULL)
    return;

  if (shoe->n_runs == 0)
    {
      delete_shoe_now (self);
      return;
    }

  /* Translators: the shoe's name */
  heading = g_strdup_printf (_("Delete “%s”?"), shoe->name);
  body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "Its %u run is kept, without shoes. To keep its "
                                       "distance with the pair, retire it instead.",
                                       "Its %u runs are kept, without shoes. To keep their "
                                       "distance with the pair, retire it instead.",
                                       shoe->n_runs), shoe->n_runs);
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading,
                                   body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "delete", _("_Delete"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (delete_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
run_saved_cb (PatellaShoesPage *self,
              gint64            id)
{
  add_toast (self, adw_toast_new (_("Run saved")));
}

static void
edit_run_activated (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  PatellaShoesPage *self = PATELLA_SHOES_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autoptr(PatellaRun) run = NULL;
  g_autoptr(GError) error = NULL;
  PatellaRunDialog *dialog;

  if (self->store == NULL)
    return;

  run = patella_run_get (self->store, g_variant_get_int64 (parameter), &error);
  if (run == NULL)
    {
      show_error_toast (self, error);
      return;
    }

  dialog = patella_run_dialog_new_for_run (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                           self->store, get_notifier (self), self->unit, run);
  g_signal_connect_object (dialog, "logged", G_CALLBACK (run_saved_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

typedef struct
{
  PatellaShoesPage *self;   /* weak */
  PatellaRun       *run;
} DeletedRun;

static void
deleted_run_free (gpointer data,
                  GClosure *closure)
{
  DeletedRun *deleted = data;

  g_clear_weak_pointer (&deleted->self);
  patella_run_free (deleted->run);
  g_free (deleted);
}

/* Undo logs the run again, as it was (under a new id). */
static void
undo_delete_run_cb (AdwToast   *toast,
                    DeletedRun *deleted)
{
  PatellaShoesPage *self = deleted->self;
  g_autoptr(GError) error = NULL;

  if (self == NULL || self->store == NULL)
    return;

  /* Stored, 0 is "no shoes"; added, 0 would be the default pair. */
  if (deleted->run->shoe_id == 0)
    deleted->run->shoe_id = PATELLA_SHOE_NONE;
  if (patella_run_add (self->store, get_notifier (self), deleted->run, &error) <= 0)
    show_error_toast (self, error);
}

static void
delete_run_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  PatellaShoesPage *self = PATELLA_SHOES_PAGE (widget);
  g_autoptr(GError) error = NULL;
  PatellaRun *run;
  DeletedRun *deleted;
  AdwToast *toast;

  if (self->store == NULL)
    return;

  run = patella_run_get (self->store, g_variant_get_int64 (parameter), &error);
  if (run == NULL ||
      !patella_run_delete (self->store, get_notifier (self), g_variant_get_int64 (parameter), &error))
    {
      if (error != NULL)
        show_error_toast (self, error);
      g_clear_pointer (&run, patella_run_free);
      return;
    }

  deleted = g_new0 (DeletedRun, 1);
  g_set_weak_pointer (&deleted->self, self);
  deleted->run = run;
  toast = adw_toast_new (_("Run deleted"));
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (undo_delete_run_cb), deleted,
                         deleted_run_free, 0);
  add_toast (self, toast);
}

static gpointer
view_child (PatellaShoesPage *self,
            const char       *name)
{
  GObject *child = gtk_widget_get_template_child (self->view, PATELLA_TYPE_SHOES_VIEW, name);

  g_assert (child != NULL);

  return child;
}

/* Builds the widgets, the first time the page is shown or an action needs
 * them. The lists are filled when the page is mapped. */
static void
ensure_view (PatellaShoesPage *self)
{
  if (self->view != NULL)
    return;

  self->view = patella_shoes_view_new ();
  /* The view's child, not a template child of its own. */
  self->page_stack = GTK_STACK (adw_bin_get_child (ADW_BIN (self->view)));
  self->list_stack = view_child (self, "list_stack");
  self->active_list = view_child (self, "active_list");
  self->chart = view_child (self, "chart");
  self->warnings_box = view_child (self, "warnings_box");
  self->retired_group = view_child (self, "retired_group");
  self->retired_expander = view_child (self, "retired_expander");
  self->shoe_title = view_child (self, "shoe_title");
  self->shoe_bar = view_child (self, "shoe_bar");
  self->shoe_summary = view_child (self, "shoe_summary");
  self->name_row = view_child (self, "name_row");
  self->brand_row = view_child (self, "brand_row");
  self->first_used_row = view_child (self, "first_used_row");
  patella_date_picker_add_to_row (GTK_WIDGET (self->first_used_row));
  self->initial_row = view_child (self, "initial_row");
  self->initial_spin = view_child (self, "initial_spin");
  self->warn_row = view_child (self, "warn_row");
  self->warn_spin = view_child (self, "warn_spin");
  self->limit_row = view_child (self, "limit_row");
  self->limit_spin = view_child (self, "limit_spin");
  self->default_switch = view_child (self, "default_switch");
  self->edit_error_label = view_child (self, "edit_error_label");
  self->delete_button = view_child (self, "delete_button");
  self->retire_button = view_child (self, "retire_button");
  self->runs_group = view_child (self, "runs_group");
  self->runs_list = view_child (self, "runs_list");

  update_unit_labels (self);
  g_signal_connect_object (self->active_list, "row-activated",
                           G_CALLBACK (shoe_row_activated_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->retired_expander, "notify::expanded",
                           G_CALLBACK (retired_expanded_cb), self, G_CONNECT_SWAPPED);
  /* Shown, if there are retired shoes, once the lists are filled. */
  gtk_widget_set_visible (GTK_WIDGET (self->retired_group), FALSE);

  adw_bin_set_child (ADW_BIN (self), self->view);

  if (self->store != NULL)
    refresh_lists_when_shown (self);
  else
    refresh_lists (self);
}

static void
patella_shoes_page_map (GtkWidget *widget)
{
  PatellaShoesPage *self = PATELLA_SHOES_PAGE (widget);

  ensure_view (self);

  GTK_WIDGET_CLASS (patella_shoes_page_parent_class)->map (widget);

  if (self->lists_stale)
    refresh_lists (self);
  self->lists_stale = FALSE;
}

static void
patella_shoes_page_dispose (GObject *object)
{
  PatellaShoesPage *self = (PatellaShoesPage *)object;

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_handle_id (&self->check_id, g_source_remove);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);

  g_clear_object (&PATELLA_SHOES_PAGE (object)->context);

  G_OBJECT_CLASS (patella_shoes_page_parent_class)->dispose (object);
}

static void
patella_shoes_page_finalize (GObject *object)
{
  PatellaShoesPage *self = (PatellaShoesPage *)object;

  clear_shown_input (self);

  g_clear_pointer (&self->retired_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (patella_shoes_page_parent_class)->finalize (object);
}

static void
patella_shoes_page_class_init (PatellaShoesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = patella_shoes_page_dispose;
  object_class->constructed = patella_shoes_page_constructed;
  object_class->get_property = patella_shoes_page_get_property;
  object_class->set_property = patella_shoes_page_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, PATELLA_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  object_class->finalize = patella_shoes_page_finalize;

  widget_class->map = patella_shoes_page_map;

  gtk_widget_class_install_action (widget_class, "shoes.log-run", NULL, log_run_activated);
  gtk_widget_class_install_action (widget_class, "shoes.add-shoe", NULL, add_shoe_activated);
  gtk_widget_class_install_action (widget_class, "shoes.open-shoe", "x", open_shoe_activated);
  gtk_widget_class_install_action (widget_class, "shoes.back", NULL, back_activated);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Escape, 0, back_pressed_cb, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Left, GDK_ALT_MASK, back_pressed_cb, NULL);
  gtk_widget_class_install_action (widget_class, "shoes.save-shoe", NULL, save_shoe_activated);
  gtk_widget_class_install_action (widget_class, "shoes.toggle-retired", NULL,
                                   toggle_retired_activated);
  gtk_widget_class_install_action (widget_class, "shoes.delete-shoe", NULL,
                                   delete_shoe_activated);
  gtk_widget_class_install_action (widget_class, "shoes.edit-run", "x", edit_run_activated);
  gtk_widget_class_install_action (widget_class, "shoes.delete-run", "x", delete_run_activated);
}

static void
patella_shoes_page_init (PatellaShoesPage *self)
{
  g_autofree char *setting = NULL;

  self->retired_rows = g_ptr_array_new ();

  self->unit = patella_unit_from_setting (setting);
}

/**
 * patella_shoes_page_set_store:
 *
 * Shows @store's shoes. The replacement notifications are checked here too,
 * so that runs logged while the window was closed (by patella-cli, or an
 * import) are noticed at start-up: from an idle callback, after the first
 * frame, like the lists of a page that is not shown.
 */
void
patella_shoes_page_set_store (PatellaShoesPage *self,
                              PatellaStore     *store)
{
  g_return_if_fail (PATELLA_IS_SHOES_PAGE (self));
  g_return_if_fail (store == NULL || PATELLA_IS_STORE (store));

  if (self->store == store)
    return;

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_set_object (&self->store, store);

  g_clear_handle_id (&self->check_id, g_source_remove);
  if (store != NULL)
    {
      g_signal_connect_object (store, "changed", G_CALLBACK (store_changed_cb), self,
                               G_CONNECT_SWAPPED);
      self->check_id = g_idle_add_full (G_PRIORITY_LOW, check_notifications_cb, self, NULL);
    }

  self->shoe_id = 0;
  if (self->view == NULL)
    return;

  gtk_stack_set_visible_child_name (self->page_stack, "list");
  if (store != NULL)
    refresh_lists_when_shown (self);
  else
    refresh_lists (self);
}

GtkWidget *
patella_shoes_page_new (PatellaContext *context)
{
  g_return_val_if_fail (PATELLA_IS_CONTEXT (context), NULL);

  return g_object_new (PATELLA_TYPE_SHOES_PAGE, "context", context, NULL);
}
