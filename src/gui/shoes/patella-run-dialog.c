/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "patella-run-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "patella-error.h"
#include "patella-parse.h"
#include "patella-pickers.h"
#include "patella-run-dialog.h"
#include "patella-shoes.h"

struct _PatellaRunDialog
{
  AdwWindow            parent_instance;

  GtkSpinButton       *distance_spin;
  GtkAdjustment       *distance_adjustment;
  AdwActionRow        *distance_row;
  AdwEntryRow         *date_row;
  AdwEntryRow         *duration_row;
  AdwComboRow         *shoe_row;
  AdwComboRow         *pain_row;
  AdwEntryRow         *note_row;
  GtkLabel            *error_label;
  GtkWidget           *log_button;

  PatellaStore        *store;
  PatellaNotifier     *notifier;
  PatellaDistanceUnit  unit;
  GArray              *shoe_ids;   /* gint64 per shoe_row item */

  /* When editing a run: its id, and its distance as stored and as shown,
   * so that saving without touching the distance keeps it to the metre. */
  gint64               run_id;
  gint64               shown_distance_m;
  char                *shown_distance;
  gint64               typed_m;  /* what a unit typed into the field came to; -1: none */
  char                *bad_distance_error;  /* why what was typed is no distance */
  char                *bad_distance_shown;  /* what the field shows instead of it */
  PatellaRun           shown;          /* the run as the form first showed it */
  char                *shown_day;
  char                *shown_note;
};

G_DEFINE_FINAL_TYPE (PatellaRunDialog, patella_run_dialog, ADW_TYPE_WINDOW)

enum {
  LOGGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
show_error (PatellaRunDialog *self,
            const char       *message)
{
  gtk_label_set_text (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
}

/* The spin button shows its last value again in place of what could not
 * be read: kept, so that Log says what was wrong with what was typed, not
 * with the number shown. */
static gboolean
keep_bad_distance_cb (gpointer data)
{
  PatellaRunDialog *self = data;

  g_free (self->bad_distance_shown);
  self->bad_distance_shown = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->distance_spin)));
  g_object_unref (self);
  return G_SOURCE_REMOVE;
}

static gboolean
has_letter_or_sign (const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    if (g_ascii_isalpha (*p) || *p == '-')
      return TRUE;

  return FALSE;
}

/* The field takes a unit typed after the number, as patella-cli does.
 * What it cannot read is said at once, as the user leaves the field. */
static int
distance_input_cb (GtkSpinButton    *spin,
                   double           *new_value,
                   PatellaRunDialog *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (spin));
  g_autoptr(GError) error = NULL;
  gint64 metres;

  g_clear_pointer (&self->bad_distance_error, g_free);
  g_clear_pointer (&self->bad_distance_shown, g_free);
  if (!patella_parse_distance (text, self->unit, &metres, &error))
    {
      /* Not for the 0 the field starts with (Log says a run needs more), nor
       * as the dialog closes, its parts going. */
      if (g_ascii_strtod (text, NULL) == 0 && !has_letter_or_sign (text))
        return GTK_INPUT_ERROR;
      if (gtk_widget_in_destruction (GTK_WIDGET (self)) || self->error_label == NULL)
        return GTK_INPUT_ERROR;
      self->bad_distance_error = g_strdup (error->message);
      show_error (self, error->message);
      g_idle_add (keep_bad_distance_cb, g_object_ref (self));
      return GTK_INPUT_ERROR;
    }

  *new_value = (double) metres / patella_unit_metres_per (self->unit);
  /* A unit of its own ("3mi"): the metres are what was typed. */
  self->typed_m = has_letter_or_sign (text) ? metres : -1;
  return TRUE;
}

/* "3mi" turned into km in the field is shown rounded (4.83): the run keeps
 * the metres typed (4 828), as long as the field shows what it turned into. */
static void
distance_value_changed_cb (GtkSpinButton    *spin,
                           PatellaRunDialog *self)
{
  if (self->typed_m < 0)
    return;

  g_free (self->shown_distance);
  self->shown_distance = g_strdup (gtk_editable_get_text (GTK_EDITABLE (spin)));
  self->shown_distance_m = self->typed_m;
  self->typed_m = -1;
}

/* Reads the form into @run (its strings point into the form and @day).
 * On bad input, says why and which row to fix. */
static gboolean
read_run (PatellaRunDialog  *self,
          PatellaRun        *run,
          char             **day,
          GtkWidget        **bad_row,
          GError           **error)
{
  const char *date_text = gtk_editable_get_text (GTK_EDITABLE (self->date_row));
  const char *duration_text = gtk_editable_get_text (GTK_EDITABLE (self->duration_row));
  guint shoe_index = adw_combo_row_get_selected (self->shoe_row);
  guint pain_index = adw_combo_row_get_selected (self->pain_row);
  GDate date;

  *run = (PatellaRun) { .shoe_id = PATELLA_SHOE_NONE, .pain = -1 };

  /* Left as shown, an edited run keeps its distance to the metre (the
   * field rounds it). */
  if (self->bad_distance_error != NULL &&
      g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->distance_spin)),
                 self->bad_distance_shown) == 0)
    {
      g_set_error_literal (error, PATELLA_ERROR, PATELLA_ERROR_INVALID, self->bad_distance_error);
      *bad_row = GTK_WIDGET (self->distance_row);
      return FALSE;
    }
  if (self->shown_distance != NULL &&
      g_str_equal (gtk_editable_get_text (GTK_EDITABLE (self->distance_spin)), self->shown_distance))
    {
      run->distance_m = self->shown_distance_m;
    }
  else if (!patella_parse_distance (gtk_editable_get_text (GTK_EDITABLE (self->distance_spin)),
                                    self->unit, &run->distance_m, error))
    {
      /* "3mi" is 3 miles, "5km" 5 km, a bare number the unit shown; any
       * other unit is refused, never dropped. */
      *bad_row = GTK_WIDGET (self->distance_row);
      return FALSE;
    }

  if (!patella_parse_date (date_text, &date, error))
    {
      *bad_row = GTK_WIDGET (self->date_row);
      return FALSE;
    }
  *day = patella_date_to_string (&date);
  run->day = *day;

  if (*duration_text != '\0' && !patella_parse_duration (duration_text, &run->duration_s, error))
    {
      *bad_row = GTK_WIDGET (self->duration_row);
      return FALSE;
    }

  if (shoe_index != GTK_INVALID_LIST_POSITION && shoe_index < self->shoe_ids->len)
    run->shoe_id = g_array_index (self->shoe_ids, gint64, shoe_index);

  /* Item 0 is "not recorded", then 0 to 10. */
  if (pain_index != GTK_INVALID_LIST_POSITION && pain_index > 0)
    run->pain = (int) pain_index - 1;

  run->note = (char *) gtk_editable_get_text (GTK_EDITABLE (self->note_row));
  return TRUE;
}

static void
log_button_clicked_cb (PatellaRunDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *day = NULL;
  GtkWidget *bad_row = NULL;
  PatellaRun run;
  gint64 id;

  if (!read_run (self, &run, &day, &bad_row, &error))
    {
      show_error (self, error->message);
      gtk_widget_grab_focus (bad_row);
      return;
    }

  if (self->run_id != 0)
    {
      /* Only what the user changed: another program may have changed the
       * rest of the run since the dialog opened. */
      run.id = self->run_id;
      id = patella_run_edit_changes (self->store, self->notifier, &self->shown, &run, &error) ?
           run.id : 0;
    }
  else
    {
      id = patella_run_add (self->store, self->notifier, &run, &error);
    }
  if (id == 0)
    {
      show_error (self, error->message);
      gtk_widget_grab_focus (GTK_WIDGET (self->distance_spin));
      return;
    }

  g_signal_emit (self, signals[LOGGED], 0, id);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
log_activated (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  log_button_clicked_cb (PATELLA_RUN_DIALOG (widget));
}

static void
fill_shoes (PatellaRunDialog *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) shoes = NULL;
  g_autoptr(GError) error = NULL;
  gint64 none = PATELLA_SHOE_NONE;
  guint selected = 0;

  g_array_set_size (self->shoe_ids, 0);
  gtk_string_list_append (names, _("No shoes"));
  g_array_append_val (self->shoe_ids, none);

  shoes = patella_shoes_list (self->store, PATELLA_SHOES_ACTIVE, &error);
  if (shoes == NULL)
    g_message ("Could not list the shoes: %s", error->message);

  for (guint i = 0; shoes != NULL && i < shoes->len; i++)
    {
      const PatellaShoe *shoe = g_ptr_array_index (shoes, i);

      if (shoe->is_default)
        selected = self->shoe_ids->len;
      gtk_string_list_append (names, shoe->name);
      g_array_append_val (self->shoe_ids, shoe->id);
    }

  adw_combo_row_set_model (self->shoe_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->shoe_row, selected);
}

static void
fill_pain (PatellaRunDialog *self)
{
  g_autoptr(GtkStringList) levels = gtk_string_list_new (NULL);

  gtk_string_list_append (levels, _("Not recorded"));
  for (int i = 0; i <= 10; i++)
    {
      g_autofree char *text = g_strdup_printf ("%d", i);

      gtk_string_list_append (levels, text);
    }

  adw_combo_row_set_model (self->pain_row, G_LIST_MODEL (levels));
  adw_combo_row_set_selected (self->pain_row, 0);
}

static void
patella_run_dialog_dispose (GObject *object)
{
  PatellaRunDialog *self = (PatellaRunDialog *)object;

  g_clear_object (&self->store);
  g_clear_object (&self->notifier);
  gtk_widget_dispose_template (GTK_WIDGET (self), PATELLA_TYPE_RUN_DIALOG);

  G_OBJECT_CLASS (patella_run_dialog_parent_class)->dispose (object);
}

static void
patella_run_dialog_finalize (GObject *object)
{
  PatellaRunDialog *self = (PatellaRunDialog *)object;

  g_clear_pointer (&self->shoe_ids, g_array_unref);
  g_free (self->shown_distance);
  g_free (self->bad_distance_error);
  g_free (self->bad_distance_shown);
  g_free (self->shown_day);
  g_free (self->shown_note);

  G_OBJECT_CLASS (patella_run_dialog_parent_class)->finalize (object);
}

static void
patella_run_dialog_class_init (PatellaRunDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = patella_run_dialog_dispose;
  object_class->finalize = patella_run_dialog_finalize;

  /**
   * PatellaRunDialog::logged:
   * @id: the run's id
   *
   * Emitted once the run is saved (logged, or edited), just before the
   * dialog closes.
   */
  signals[LOGGED] = g_signal_new ("logged",
                                  G_TYPE_FROM_CLASS (klass),
                                  G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL,
                                  G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/patella/Patella/ui/patella-run-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, PatellaRunDialog, distance_spin);
  gtk_widget_class_bind_template_child (widget_class, PatellaRunDialog, distance_adjustment);
  gtk_widget_class_bind_template_child (widget_class, PatellaRunDialog, distance_row);
  gtk_widget_class_bind_template_child (widget_class, PatellaRunDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, PatellaRunDialog, duration_row);
  gtk_widget_class_bind_template_child (widget_class, PatellaRunDialog, shoe_row);
  gtk_widget_class_bind_template_child (widget_class, PatellaRunDialog, pain_row);
  gtk_widget_class_bind_template_child (widget_class, PatellaRunDialog, note_row);
  gtk_widget_class_bind_template_child (widget_class, PatellaRunDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, PatellaRunDialog, log_button);
  gtk_widget_class_bind_template_callback (widget_class, log_button_clicked_cb);

  /* Ctrl+Enter logs from any field (a spin button cannot activate the default
   * widget before GTK 4.14). */
  gtk_widget_class_install_action (widget_class, "run.log", NULL, log_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                       "run.log", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK,
                                       "run.log", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK,
                                       "window.close", NULL);
}

static void
patella_run_dialog_init (PatellaRunDialog *self)
{
  self->shoe_ids = g_array_new (FALSE, TRUE, sizeof (gint64));

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_window_set_default_widget (GTK_WINDOW (self), self->log_button);
  patella_date_picker_add_to_row (GTK_WIDGET (self->date_row));
}

PatellaRunDialog *
patella_run_dialog_new (GtkWindow           *parent,
                        PatellaStore        *store,
                        PatellaNotifier     *notifier,
                        PatellaDistanceUnit  unit)
{
  PatellaRunDialog *self;
  g_autofree char *today = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (PATELLA_IS_STORE (store), NULL);
  g_return_val_if_fail (notifier == NULL || PATELLA_IS_NOTIFIER (notifier), NULL);

  /* A dialog to screen readers (issue 17): without the role on the instance,
   * GTK 4.8 gave this window the role "filler". */
  self = g_object_new (PATELLA_TYPE_RUN_DIALOG,
                       "transient-for", parent,
                       "accessible-role", GTK_ACCESSIBLE_ROLE_DIALOG,
                       NULL);
  self->store = g_object_ref (store);
  self->notifier = notifier != NULL ? g_object_ref (notifier) : NULL;
  self->unit = unit;

  today = patella_clock_get_today (patella_store_get_clock (store));
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), today);

  /* At most 300 km in one run, in the user's unit. */
  gtk_adjustment_set_upper (self->distance_adjustment,
                            (double) PATELLA_RUN_MAX_M / patella_unit_metres_per (unit));
  adw_action_row_set_subtitle (self->distance_row, unit == PATELLA_UNIT_MI
                                                   ? _("In miles") : _("In kilometres"));
  /* Named by its row ("Distance"), as every row's control is; the unit
   * as its description. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->distance_spin),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  unit == PATELLA_UNIT_MI ? _("In miles") : _("In kilometres"),
                                  -1);

  self->typed_m = -1;
  g_signal_connect (self->distance_spin, "input", G_CALLBACK (distance_input_cb), self);
  g_signal_connect (self->distance_spin, "value-changed", G_CALLBACK (distance_value_changed_cb),
                    self);
  fill_shoes (self);
  fill_pain (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->distance_spin));

  return self;
}

/**
 * patella_run_dialog_new_for_run:
 * @run: the run to edit, as patella_runs_list() gives it
 *
 * A dialog showing @run, which saves the changes to it in place.
 */
PatellaRunDialog *
patella_run_dialog_new_for_run (GtkWindow           *parent,
                                PatellaStore        *store,
                                PatellaNotifier     *notifier,
                                PatellaDistanceUnit  unit,
                                const PatellaRun    *run)
{
  PatellaRunDialog *self;
  guint shoe_index = 0;

  g_return_val_if_fail (run != NULL && run->id > 0, NULL);

  self = patella_run_dialog_new (parent, store, notifier, unit);
  self->run_id = run->id;
  gtk_window_set_title (GTK_WINDOW (self), _("Edit Run"));
  gtk_button_set_label (GTK_BUTTON (self->log_button), _("_Save"));
  gtk_widget_set_tooltip_text (self->log_button, _("Save the run (Ctrl+Enter)"));

  gtk_spin_button_set_value (self->distance_spin,
                             (double) run->distance_m / patella_unit_metres_per (unit));
  self->shown_distance = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->distance_spin)));
  self->shown_distance_m = run->distance_m;
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), run->day);
  if (run->duration_s > 0)
    {
      g_autofree char *duration = patella_format_duration (run->duration_s);

      gtk_editable_set_text (GTK_EDITABLE (self->duration_row), duration);
    }
  gtk_editable_set_text (GTK_EDITABLE (self->note_row), run->note != NULL ? run->note : "");
  adw_combo_row_set_selected (self->pain_row, run->pain >= 0 ? (guint) run->pain + 1 : 0);

  /* The run's shoes, also when they are retired and so not in the list. */
  if (run->shoe_id > 0)
    {
      for (guint i = 0; i < self->shoe_ids->len; i++)
        if (g_array_index (self->shoe_ids, gint64, i) == run->shoe_id)
          shoe_index = i;

      if (shoe_index == 0)
        {
          GtkStringList *names = GTK_STRING_LIST (adw_combo_row_get_model (self->shoe_row));

          gtk_string_list_append (names, run->shoe_name);
          g_array_append_val (self->shoe_ids, run->shoe_id);
          shoe_index = self->shoe_ids->len - 1;
        }
    }
  adw_combo_row_set_selected (self->shoe_row, shoe_index);

  /* Read back as saving reads it, so that a field left alone compares equal. */
  {
    g_autoptr(GError) error = NULL;
    GtkWidget *bad_row = NULL;

    if (read_run (self, &self->shown, &self->shown_day, &bad_row, &error))
      {
        self->shown_note = g_strdup (self->shown.note);
        self->shown.note = self->shown_note;
        self->shown.id = run->id;
      }
  }

  return self;
}
