/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "patella-shoe-details-view"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "patella-list-box.h"
#include "patella-pickers.h"
#include "patella-run-row.h"
#include "patella-shoe-details-view.h"
#include "patella-shoe-row.h"
#include "patella-shoes.h"
#include "patella-toast.h"
#include "patella-wear-bar.h"

/* One pair's page: its wear, the form that edits it (or adds a new pair),
 * Retire and Delete, and its runs. It emits "finished" when the user is
 * done with it (saved, retired, deleted, or the pair is gone). */
struct _PatellaShoeDetailsView
{
  AdwBin               parent_instance;

  PatellaContext      *context;

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

  PatellaDistanceUnit  unit;         /* the spin buttons' unit */
  PatellaShoeInput     shown_input;  /* the form as first filled in */
  gint64               shoe_id;      /* 0: a new pair */
  gboolean             shoe_retired;
};

G_DEFINE_FINAL_TYPE (PatellaShoeDetailsView, patella_shoe_details_view, ADW_TYPE_BIN)

enum {
  FINISHED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* A spin button shows a rounded distance; the exact metres are kept beside
 * it, so that saving without touching it does not change 500 mi into
 * 805 km. */
typedef struct
{
  gint64 metres;
  double shown;
} SpinDistance;

static PatellaStore *
get_store (PatellaShoeDetailsView *self)
{
  return self->context != NULL ? patella_context_get_store (self->context) : NULL;
}

static PatellaNotifier *
get_notifier (PatellaShoeDetailsView *self)
{
  return self->context != NULL ? patella_context_get_notifier (self->context) : NULL;
}

static void
show_toast (PatellaShoeDetailsView *self,
            const char             *title)
{
  patella_toast_show_text (GTK_WIDGET (self), title);
}

static void
finish (PatellaShoeDetailsView *self)
{
  g_signal_emit (self, signals[FINISHED], 0);
}

/* The buttons sit in a flow box: its child goes with the button, or an
 * empty one keeps a place (and a negative width) for it. */
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
set_spin_metres (PatellaShoeDetailsView *self,
                 GtkSpinButton          *spin,
                 gint64                  metres)
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
get_spin_metres (PatellaShoeDetailsView *self,
                 GtkSpinButton          *spin)
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
update_unit_labels (PatellaShoeDetailsView *self)
{
  const char *unit_name = self->unit == PATELLA_UNIT_MI ? _("In miles") : _("In kilometres");
  double per_unit = patella_unit_metres_per (self->unit);
  GtkSpinButton *marks[] = { self->warn_spin, self->limit_spin };
  GtkSpinButton *spins[] = { self->initial_spin, self->warn_spin, self->limit_spin };
  AdwActionRow *rows[] = { self->initial_row, self->warn_row, self->limit_row };

  for (guint i = 0; i < G_N_ELEMENTS (marks); i++)
    {
      GtkAdjustment *adjustment = gtk_spin_button_get_adjustment (marks[i]);

      /* 100 to 1 000 miles; whole kilometres round inwards. */
      gtk_adjustment_set_lower (adjustment, ceil (PATELLA_SHOE_MARK_MIN_M / per_unit));
      gtk_adjustment_set_upper (adjustment, floor (PATELLA_SHOE_MARK_MAX_M / per_unit));
    }
  gtk_adjustment_set_upper (gtk_spin_button_get_adjustment (self->initial_spin),
                            floor (PATELLA_SHOE_INITIAL_MAX_M / per_unit));

  /* Named by their rows' titles; the unit is said after the name. */
  for (guint i = 0; i < G_N_ELEMENTS (spins); i++)
    {
      adw_action_row_set_subtitle (rows[i], unit_name);
      gtk_accessible_update_property (GTK_ACCESSIBLE (spins[i]),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, unit_name, -1);
    }
}

/* The form's strings are the form's: copy @input before the form changes. */
static void
read_form (PatellaShoeDetailsView *self,
           PatellaShoeInput       *input)
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
clear_shown_input (PatellaShoeDetailsView *self)
{
  g_free ((char *) self->shown_input.name);
  g_free ((char *) self->shown_input.brand);
  g_free ((char *) self->shown_input.first_used);
  self->shown_input = (PatellaShoeInput) { 0 };
}

static void
unit_changed_cb (PatellaShoeDetailsView *self)
{
  gint64 initial = get_spin_metres (self, self->initial_spin);
  gint64 warn = get_spin_metres (self, self->warn_spin);
  gint64 limit = get_spin_metres (self, self->limit_spin);

  /* Only the display changes: what is being edited keeps its distance. */
  self->unit = patella_context_get_unit (self->context);
  update_unit_labels (self);
  set_spin_metres (self, self->initial_spin, initial);
  set_spin_metres (self, self->warn_spin, warn);
  set_spin_metres (self, self->limit_spin, limit);

  patella_shoe_details_view_refresh (self);
}

/* Another database: the pair shown was in the one before. */
static void
store_changed_cb (PatellaShoeDetailsView *self)
{
  self->shoe_id = 0;
  finish (self);
}

/* A deleted pair, kept for the toast's Undo. */
typedef struct
{
  PatellaShoeDetailsView *self;      /* weak */
  PatellaStore           *store;
  PatellaNotifier        *notifier;  /* nullable */
  PatellaDeletedShoe     *deleted;
} DeletedPair;

static void
deleted_pair_free (gpointer  data,
                   GClosure *closure)
{
  DeletedPair *pair = data;

  g_clear_weak_pointer (&pair->self);
  g_clear_object (&pair->store);
  g_clear_object (&pair->notifier);
  g_clear_pointer (&pair->deleted, patella_deleted_shoe_free);
  g_free (pair);
}

static void
undo_delete_cb (AdwToast    *toast,
                DeletedPair *pair)
{
  g_autoptr(GError) error = NULL;

  if (patella_shoe_undelete (pair->store, pair->notifier, pair->deleted, &error) == 0 &&
      pair->self != NULL)
    show_toast (pair->self, error->message);
}

static void
delete_now (PatellaShoeDetailsView *self)
{
  g_autoptr(GError) error = NULL;
  PatellaNotifier *notifier = get_notifier (self);
  DeletedPair *pair;
  AdwToast *toast;

  pair = g_new0 (DeletedPair, 1);
  pair->deleted = patella_shoe_delete_for_undo (get_store (self), notifier, self->shoe_id, &error);
  if (pair->deleted == NULL)
    {
      deleted_pair_free (pair, NULL);
      show_toast (self, error->message);
      return;
    }
  g_set_weak_pointer (&pair->self, self);
  pair->store = g_object_ref (get_store (self));
  pair->notifier = notifier != NULL ? g_object_ref (notifier) : NULL;

  self->shoe_id = 0;
  finish (self);

  toast = adw_toast_new (_("Shoes deleted"));
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (undo_delete_cb), pair,
                         deleted_pair_free, 0);
  patella_toast_show (GTK_WIDGET (self), toast);
}

static void
delete_response_cb (PatellaShoeDetailsView *self,
                    const char             *response)
{
  if (g_strcmp0 (response, "delete") == 0 && get_store (self) != NULL && self->shoe_id > 0)
    delete_now (self);
}

static void
entry_activated_cb (PatellaShoeDetailsView *self)
{
  patella_shoe_details_view_save (self);
}

static void
patella_shoe_details_view_dispose (GObject *object)
{
  PatellaShoeDetailsView *self = PATELLA_SHOE_DETAILS_VIEW (object);

  gtk_widget_dispose_template (GTK_WIDGET (object), PATELLA_TYPE_SHOE_DETAILS_VIEW);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (patella_shoe_details_view_parent_class)->dispose (object);
}

static void
patella_shoe_details_view_finalize (GObject *object)
{
  clear_shown_input (PATELLA_SHOE_DETAILS_VIEW (object));

  G_OBJECT_CLASS (patella_shoe_details_view_parent_class)->finalize (object);
}

static void
patella_shoe_details_view_class_init (PatellaShoeDetailsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = patella_shoe_details_view_dispose;
  object_class->finalize = patella_shoe_details_view_finalize;

  /**
   * PatellaShoeDetailsView::finished:
   *
   * The user is done with the pair's page: show the list again.
   */
  signals[FINISHED] = g_signal_new ("finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (PATELLA_TYPE_WEAR_BAR);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/patella/Patella/ui/patella-shoe-details-view.ui");
  gtk_widget_class_bind_template_child (widget_class, PatellaShoeDetailsView, shoe_title);
  gtk_widget_class_bind_template_child (widget_class, PatellaShoeDetailsView, shoe_bar);
  gtk_widget_class_bind_template_child (widget_class, PatellaShoeDetailsView, shoe_summary);
  gtk_widget_class_bind_template_child (widget_class, PatellaShoeDetailsView, name_row);
  gtk_widget_class_bind_template_child (widget_class, PatellaShoeDetailsView, brand_row);
  gtk_widget_class_bind_template_child (widget_class, PatellaShoeDetailsView, first_used_row);
  gtk_widget_class_bind_template_child (widget_class, PatellaShoeDetailsView, initial_row);
  gtk_widget_class_bind_template_child (widget_class, PatellaShoeDetailsView, initial_spin);
  gtk_widget_class_bind_template_child (widget_class, PatellaShoeDetailsView, warn_row);
  gtk_widget_class_bind_template_child (widget_class, PatellaShoeDetailsView, warn_spin);
  gtk_widget_class_bind_template_child (widget_class, PatellaShoeDetailsView, limit_row);
  gtk_widget_class_bind_template_child (widget_class, PatellaShoeDetailsView, limit_spin);
  gtk_widget_class_bind_template_child (widget_class, PatellaShoeDetailsView, default_switch);
  gtk_widget_class_bind_template_child (widget_class, PatellaShoeDetailsView, edit_error_label);
  gtk_widget_class_bind_template_child (widget_class, PatellaShoeDetailsView, delete_button);
  gtk_widget_class_bind_template_child (widget_class, PatellaShoeDetailsView, retire_button);
  gtk_widget_class_bind_template_child (widget_class, PatellaShoeDetailsView, runs_group);
  gtk_widget_class_bind_template_child (widget_class, PatellaShoeDetailsView, runs_list);
}

static void
patella_shoe_details_view_init (PatellaShoeDetailsView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* Enter in a field saves the form, as in a dialog. */
  g_signal_connect_swapped (self->name_row, "entry-activated", G_CALLBACK (entry_activated_cb),
                            self);
  g_signal_connect_swapped (self->brand_row, "entry-activated", G_CALLBACK (entry_activated_cb),
                            self);
  g_signal_connect_swapped (self->first_used_row, "entry-activated",
                            G_CALLBACK (entry_activated_cb), self);
  patella_date_picker_add_to_row (GTK_WIDGET (self->first_used_row));
  self->unit = patella_unit_get_preferred ();
  update_unit_labels (self);
}

/**
 * patella_shoe_details_view_set_context:
 *
 * Sets where the pairs are read and saved, and the unit they are shown in.
 * Set once, before the view is used.
 */
void
patella_shoe_details_view_set_context (PatellaShoeDetailsView *self,
                                       PatellaContext         *context)
{
  GSettings *settings;

  g_return_if_fail (PATELLA_IS_SHOE_DETAILS_VIEW (self));
  g_return_if_fail (PATELLA_IS_CONTEXT (context));
  g_return_if_fail (self->context == NULL);

  self->context = g_object_ref (context);
  self->unit = patella_context_get_unit (context);
  update_unit_labels (self);

  settings = patella_context_get_settings (context);
  if (settings != NULL)
    g_signal_connect_object (settings, "changed::distance-unit",
                             G_CALLBACK (unit_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (context, "notify::store",
                           G_CALLBACK (store_changed_cb), self, G_CONNECT_SWAPPED);
}

/**
 * patella_shoe_details_view_open:
 * @id: the pair to show, or 0 for the New Shoes form
 *
 * Fills the form. A refresh never does, so that it never overwrites an edit
 * in progress.
 */
void
patella_shoe_details_view_open (PatellaShoeDetailsView *self,
                                gint64                  id)
{
  PatellaStore *store;
  g_autoptr(PatellaShoe) shoe = NULL;

  g_return_if_fail (PATELLA_IS_SHOE_DETAILS_VIEW (self));

  store = get_store (self);
  gtk_widget_set_visible (GTK_WIDGET (self->edit_error_label), FALSE);

  if (id > 0 && store != NULL)
    shoe = patella_shoe_get (store, id, NULL);
  self->shoe_id = shoe != NULL ? id : 0;

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
  read_form (self, &self->shown_input);
  self->shown_input.name = g_strdup (self->shown_input.name);
  self->shown_input.brand = g_strdup (self->shown_input.brand);
  self->shown_input.first_used = g_strdup (self->shown_input.first_used);

  patella_shoe_details_view_refresh (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
}

/**
 * patella_shoe_details_view_refresh:
 *
 * Reads the pair's header and runs again, keeping the focus in the runs.
 * Emits "finished" when the pair is gone (deleted by another program).
 */
void
patella_shoe_details_view_refresh (PatellaShoeDetailsView *self)
{
  PatellaStore *store;
  g_autoptr(PatellaShoe) shoe = NULL;
  g_autoptr(GPtrArray) runs = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;
  int focused;

  g_return_if_fail (PATELLA_IS_SHOE_DETAILS_VIEW (self));

  store = get_store (self);
  focused = patella_list_box_get_focused_index (self->runs_list);
  patella_list_box_remove_all (self->runs_list);

  if (self->shoe_id == 0 || store == NULL)
    {
      gtk_label_set_text (self->shoe_title, _("New Shoes"));
      gtk_widget_set_visible (GTK_WIDGET (self->shoe_bar), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->shoe_summary), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->runs_group), FALSE);
      show_button (self->delete_button, FALSE);
      show_button (self->retire_button, FALSE);
      return;
    }

  shoe = patella_shoe_get (store, self->shoe_id, &error);
  if (shoe == NULL)
    {
      self->shoe_id = 0;
      finish (self);
      return;
    }

  self->shoe_retired = shoe->retired;
  gtk_label_set_text (self->shoe_title, shoe->name);
  patella_wear_bar_set_distances (self->shoe_bar, shoe->distance_m, shoe->warn_m, shoe->limit_m);
  summary = patella_shoe_format_summary (shoe, self->unit);
  gtk_label_set_text (self->shoe_summary, summary);
  gtk_widget_set_visible (GTK_WIDGET (self->shoe_bar), TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->shoe_summary), TRUE);
  show_button (self->delete_button, TRUE);
  show_button (self->retire_button, TRUE);
  gtk_button_set_label (GTK_BUTTON (self->retire_button),
                        shoe->retired ? _("_Reactivate") : _("_Retire"));
  gtk_widget_set_sensitive (GTK_WIDGET (self->default_switch), !shoe->retired);

  runs = patella_runs_list (store, self->shoe_id, &error);
  gtk_widget_set_visible (GTK_WIDGET (self->runs_group), runs != NULL && runs->len > 0);
  for (guint i = runs != NULL ? runs->len : 0; i > 0; i--)
    gtk_list_box_append (self->runs_list,
                         patella_run_row_new (g_ptr_array_index (runs, i - 1), self->unit));
  patella_list_box_focus_index (self->runs_list, focused);
}

/**
 * patella_shoe_details_view_save:
 *
 * Adds the new pair, or saves the fields the user changed (another program
 * may have changed the others since the form was filled in). A refusal is
 * shown under the form, and nothing changes.
 */
gboolean
patella_shoe_details_view_save (PatellaShoeDetailsView *self)
{
  PatellaStore *store;
  g_autoptr(GError) error = NULL;
  PatellaShoeInput input = { 0 };
  gboolean saved;

  g_return_val_if_fail (PATELLA_IS_SHOE_DETAILS_VIEW (self), FALSE);

  store = get_store (self);
  if (store == NULL)
    return FALSE;

  read_form (self, &input);
  if (self->shoe_id == 0)
    saved = patella_shoe_add (store, get_notifier (self), &input, &error) > 0;
  else
    saved = patella_shoe_edit_changes (store, get_notifier (self), self->shoe_id,
                                       &self->shown_input, &input, &error);

  if (!saved)
    {
      gtk_label_set_text (self->edit_error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->edit_error_label), TRUE);
      return FALSE;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->edit_error_label), FALSE);
  show_toast (self, _("Shoes saved"));
  finish (self);
  return TRUE;
}

/**
 * patella_shoe_details_view_leave:
 *
 * Going back from a pair's page (Escape, Alt+Left, the back button) keeps
 * what was typed: changed fields are saved, as the journal saves as you
 * type. A change that cannot be saved keeps the page open, its reason shown.
 * Leaving the New Shoes form cancels it.
 *
 * Returns: whether the page may be left
 */
gboolean
patella_shoe_details_view_leave (PatellaShoeDetailsView *self)
{
  PatellaShoeInput input = { 0 };

  g_return_val_if_fail (PATELLA_IS_SHOE_DETAILS_VIEW (self), TRUE);

  if (self->shoe_id == 0)
    return TRUE;

  read_form (self, &input);
  if (patella_shoe_input_equal (&input, &self->shown_input))
    return TRUE;

  return patella_shoe_details_view_save (self);
}

/**
 * patella_shoe_details_view_toggle_retired:
 *
 * Retires the pair shown, or puts it back in use, and says so.
 */
void
patella_shoe_details_view_toggle_retired (PatellaShoeDetailsView *self)
{
  PatellaStore *store;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  gboolean retire;

  g_return_if_fail (PATELLA_IS_SHOE_DETAILS_VIEW (self));

  store = get_store (self);
  if (store == NULL || self->shoe_id == 0)
    return;

  retire = !self->shoe_retired;
  if (!patella_shoe_set_retired (store, get_notifier (self), self->shoe_id, retire, &error))
    {
      show_toast (self, error->message);
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
  show_toast (self, title);
  if (retire)
    finish (self);
}

/**
 * patella_shoe_details_view_delete:
 *
 * Deletes the pair shown: at once when it has no runs, else once the user
 * confirms (its runs are kept, without shoes). The toast's Undo brings the
 * pair back, with its runs.
 */
void
patella_shoe_details_view_delete (PatellaShoeDetailsView *self)
{
  PatellaStore *store;
  g_autoptr(PatellaShoe) shoe = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  GtkRoot *root;
  GtkWidget *dialog;

  g_return_if_fail (PATELLA_IS_SHOE_DETAILS_VIEW (self));

  store = get_store (self);
  if (store == NULL || self->shoe_id == 0)
    return;

  shoe = patella_shoe_get (store, self->shoe_id, NULL);
  if (shoe == NULL)
    return;

  if (shoe->n_runs == 0)
    {
      delete_now (self);
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
  root = gtk_widget_get_root (GTK_WIDGET (self));
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

/**
 * patella_shoe_details_view_get_name_row:
 *
 * Returns: (transfer none): the form's Name row
 */
GtkWidget *
patella_shoe_details_view_get_name_row (PatellaShoeDetailsView *self)
{
  g_return_val_if_fail (PATELLA_IS_SHOE_DETAILS_VIEW (self), NULL);

  return GTK_WIDGET (self->name_row);
}

/**
 * patella_shoe_details_view_get_runs_list:
 *
 * Returns: (transfer none): the pair's runs, newest first, one #PatellaRunRow
 *   each
 */
GtkWidget *
patella_shoe_details_view_get_runs_list (PatellaShoeDetailsView *self)
{
  g_return_val_if_fail (PATELLA_IS_SHOE_DETAILS_VIEW (self), NULL);

  return GTK_WIDGET (self->runs_list);
}
