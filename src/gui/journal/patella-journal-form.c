/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "patella-journal-form"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "patella-advice.h"
#include "patella-journal-form.h"
#include "patella-wrap-bin.h"

/* The fields of one journal day: the three pain ratings with their
 * meanings, the symptoms and the note. What the user changes goes into the
 * edit the editor gives it, and the changed signal says so; what the editor
 * shows from the store (patella_journal_form_show()) is not a change. */
struct _PatellaJournalForm
{
  GtkWidget           parent_instance;

  PatellaJournalEdit *edit;          /* (not owned): the editor's */
  gboolean            loading;       /* the fields are being filled, not edited */
  GPtrArray          *symptom_toggles;

  GtkScale           *rest_scale;
  GtkScale           *activity_scale;
  GtkScale           *morning_scale;
  GtkSwitch          *rest_switch;
  GtkSwitch          *activity_switch;
  GtkSwitch          *morning_switch;
  GtkLabel           *rest_meaning;
  GtkLabel           *activity_meaning;
  GtkLabel           *morning_meaning;
  GtkWidget          *lower_box;
  GtkFlowBox         *symptoms_box;
  GtkTextView        *note_view;
  GtkLabel           *note_counter;
};

G_DEFINE_FINAL_TYPE (PatellaJournalForm, patella_journal_form, GTK_TYPE_WIDGET)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char * const zone_classes[] = { "success", "warning", "error" };

/* Helpers */

static int
scale_value (GtkScale *scale)
{
  return (int) (gtk_range_get_value (GTK_RANGE (scale)) + 0.5);
}

static int
optional_value (GtkSwitch *rated,
                GtkScale  *scale)
{
  return gtk_switch_get_active (rated) ? scale_value (scale) : PATELLA_PAIN_NONE;
}

/* The meaning of a rating, shown beside it and given to screen readers.
 * The zones (safe, acceptable, too much) are for pain during activity only;
 * pain at rest and in the morning show the scale's number alone. */
static void
update_meaning (GtkScale  *scale,
                GtkLabel  *label,
                GtkSwitch *rated,
                gboolean   zoned)
{
  int pain = scale_value (scale);
  PatellaPainZone zone = patella_pain_zone (pain);
  g_autofree char *value_text = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (zone_classes); i++)
    gtk_widget_remove_css_class (GTK_WIDGET (label), zone_classes[i]);

  if (rated != NULL && !gtk_switch_get_active (rated))
    {
      gtk_label_set_text (label, _("Not rated"));
      gtk_widget_add_css_class (GTK_WIDGET (label), "dim-label");
      return;
    }

  gtk_widget_remove_css_class (GTK_WIDGET (label), "dim-label");

  if (!zoned)
    {
      /* Translators: a pain rating out of 10 */
      value_text = g_strdup_printf (_("%d/10"), pain);
      gtk_label_set_text (label, "");
      gtk_accessible_update_property (GTK_ACCESSIBLE (scale),
                                      GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT, value_text,
                                      -1);
      gtk_accessible_reset_property (GTK_ACCESSIBLE (scale), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
      return;
    }

  gtk_widget_add_css_class (GTK_WIDGET (label), zone_classes[zone]);
  gtk_label_set_text (label, patella_pain_zone_get_label (zone));

  value_text = patella_pain_describe (pain);
  gtk_accessible_update_property (GTK_ACCESSIBLE (scale),
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT, value_text,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  patella_pain_zone_get_label (zone),
                                  -1);
}

/* What the fields show beside themselves: the ratings' meanings, the note's length. */
static void
update_labels (PatellaJournalForm *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->note_view);
  g_autofree char *count = NULL;

  update_meaning (self->rest_scale, self->rest_meaning, self->rest_switch, FALSE);
  update_meaning (self->activity_scale, self->activity_meaning, self->activity_switch, TRUE);
  update_meaning (self->morning_scale, self->morning_meaning, self->morning_switch, FALSE);

  /* Translators: characters written in the note, and the most it takes */
  count = g_strdup_printf (_("%d / %d"), gtk_text_buffer_get_char_count (buffer),
                           PATELLA_NOTE_MAX_CHARS);
  gtk_label_set_text (self->note_counter, count);
}

static void
field_changed (PatellaJournalForm *self)
{
  update_labels (self);
  if (!self->loading)
    g_signal_emit (self, signals[CHANGED], 0);
}

static gboolean
editing (PatellaJournalForm *self)
{
  return !self->loading && self->edit != NULL;
}

/* Callbacks */

static void
rest_changed_cb (PatellaJournalForm *self)
{
  if (editing (self))
    patella_journal_edit_set_pain_rest (self->edit, optional_value (self->rest_switch,
                                                                    self->rest_scale));
  field_changed (self);
}

static void
activity_changed_cb (PatellaJournalForm *self)
{
  if (editing (self))
    patella_journal_edit_set_pain_activity (self->edit, optional_value (self->activity_switch,
                                                                        self->activity_scale));
  field_changed (self);
}

static void
morning_changed_cb (PatellaJournalForm *self)
{
  if (editing (self))
    patella_journal_edit_set_pain_morning (self->edit, optional_value (self->morning_switch,
                                                                       self->morning_scale));
  field_changed (self);
}

static void
symptom_toggled_cb (GtkCheckButton     *toggle,
                    PatellaJournalForm *self)
{
  if (editing (self))
    patella_journal_edit_set_symptom (self->edit, g_object_get_data (G_OBJECT (toggle), "code"),
                                      gtk_check_button_get_active (toggle));
  field_changed (self);
}

static void
note_changed_cb (PatellaJournalForm *self)
{
  if (editing (self))
    {
      g_autofree char *note = patella_journal_form_get_note (self);

      patella_journal_edit_set_note (self->edit, note);
    }
  field_changed (self);
}

/* Keeps the note within PATELLA_NOTE_MAX_CHARS: what does not fit is not inserted. */
static void
note_insert_text_cb (GtkTextBuffer      *buffer,
                     GtkTextIter        *location,
                     const char         *text,
                     int                 length,
                     PatellaJournalForm *self)
{
  int room = PATELLA_NOTE_MAX_CHARS - gtk_text_buffer_get_char_count (buffer);
  glong n_chars = g_utf8_strlen (text, length);
  const char *end;

  if (n_chars <= room)
    return;

  g_signal_stop_emission_by_name (buffer, "insert-text");
  gtk_widget_error_bell (GTK_WIDGET (self->note_view));
  if (room <= 0)
    return;

  end = g_utf8_offset_to_pointer (text, room);
  g_signal_handlers_block_by_func (buffer, note_insert_text_cb, self);
  gtk_text_buffer_insert (buffer, location, text, (int) (end - text));
  g_signal_handlers_unblock_by_func (buffer, note_insert_text_cb, self);
}

/* The wheel scrolls the editor, not the rating under the pointer: a rating
 * changed while scrolling past it would be saved without anyone noticing.
 * A slider takes the wheel once it has the keyboard focus. */
static gboolean
scale_scroll_cb (GtkEventControllerScroll *controller,
                 double                    dx,
                 double                    dy,
                 gpointer                  data)
{
  GtkWidget *scale = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  GtkWidget *scroller = gtk_widget_get_ancestor (scale, GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *adjustment;
  double step = 1.0;

  if (gtk_widget_has_focus (scale))
    return FALSE;

  if (scroller == NULL)
    return TRUE;

  /* A wheel's notch as GtkScrolledWindow moves it; a touchpad's pixels as they are. */
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
  if (gtk_event_controller_scroll_get_unit (controller) == GDK_SCROLL_UNIT_WHEEL)
    step = pow (gtk_adjustment_get_page_size (adjustment), 2.0 / 3.0);
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) + dy * step);

  return TRUE;
}

static void
set_up_scale (GtkScale *scale)
{
  GtkEventController *scroll =
    gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_BOTH_AXES);

  for (int i = 0; i <= 10; i++)
    gtk_scale_add_mark (scale, i, GTK_POS_BOTTOM, NULL);

  gtk_event_controller_set_propagation_phase (scroll, GTK_PHASE_CAPTURE);
  g_signal_connect (scroll, "scroll", G_CALLBACK (scale_scroll_cb), NULL);
  gtk_widget_add_controller (GTK_WIDGET (scale), scroll);
}

/* Space or Enter on a rating's switch rates it, or unrates it, at once.
 * GtkSwitch would slide first and change only at the end of its animation;
 * until then the slider stays insensitive, and a Tab pressed meanwhile
 * went past it to the next field. */
static gboolean
switch_key_pressed_cb (GtkEventControllerKey *controller,
                       guint                  keyval,
                       guint                  keycode,
                       GdkModifierType        state,
                       gpointer               data)
{
  GtkSwitch *rated = GTK_SWITCH (gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller)));

  if ((state & gtk_accelerator_get_default_mod_mask ()) != 0)
    return FALSE;

  switch (keyval)
    {
    case GDK_KEY_space:
    case GDK_KEY_KP_Space:
    case GDK_KEY_Return:
    case GDK_KEY_ISO_Enter:
    case GDK_KEY_KP_Enter:
      gtk_switch_set_active (rated, !gtk_switch_get_active (rated));
      return TRUE;

    default:
      return FALSE;
    }
}

static void
set_up_switch (GtkSwitch *rated)
{
  GtkEventController *keys = gtk_event_controller_key_new ();

  g_signal_connect (keys, "key-pressed", G_CALLBACK (switch_key_pressed_cb), NULL);
  gtk_widget_add_controller (GTK_WIDGET (rated), keys);
}

static void
set_up_symptoms (PatellaJournalForm *self)
{
  const char * const *codes = patella_symptom_get_codes ();

  self->symptom_toggles = g_ptr_array_new ();
  for (guint i = 0; codes[i] != NULL; i++)
    {
      GtkWidget *toggle = gtk_check_button_new_with_label (patella_symptom_get_label (codes[i]));

      if (patella_symptom_is_red_flag (codes[i]))
        {
          gtk_widget_set_tooltip_text (toggle, _("A reason to see a clinician"));
          gtk_widget_add_css_class (toggle, "patella-red-flag");
        }
      gtk_widget_add_css_class (toggle, "patella-symptom");
      g_object_set_data (G_OBJECT (toggle), "code", (gpointer) codes[i]);
      g_signal_connect (toggle, "toggled", G_CALLBACK (symptom_toggled_cb), self);
      gtk_flow_box_append (self->symptoms_box, toggle);
      /* The toggle takes the focus, not the flow box's child around it. */
      gtk_widget_set_focusable (gtk_widget_get_parent (toggle), FALSE);
      g_ptr_array_add (self->symptom_toggles, toggle);
    }
}

/* Overrides */

static void
patella_journal_form_dispose (GObject *object)
{
  PatellaJournalForm *self = PATELLA_JOURNAL_FORM (object);

  self->edit = NULL;
  g_clear_pointer (&self->symptom_toggles, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), PATELLA_TYPE_JOURNAL_FORM);
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self));
       child != NULL;
       child = gtk_widget_get_first_child (GTK_WIDGET (self)))
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (patella_journal_form_parent_class)->dispose (object);
}

static void
patella_journal_form_class_init (PatellaJournalFormClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = patella_journal_form_dispose;

  /* The user changed a field (not emitted while it is filled from the store). */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (PATELLA_TYPE_WRAP_BIN);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/patella/Patella/ui/patella-journal-form.ui");
  gtk_widget_class_bind_template_child (widget_class, PatellaJournalForm, rest_scale);
  gtk_widget_class_bind_template_child (widget_class, PatellaJournalForm, activity_scale);
  gtk_widget_class_bind_template_child (widget_class, PatellaJournalForm, morning_scale);
  gtk_widget_class_bind_template_child (widget_class, PatellaJournalForm, rest_switch);
  gtk_widget_class_bind_template_child (widget_class, PatellaJournalForm, activity_switch);
  gtk_widget_class_bind_template_child (widget_class, PatellaJournalForm, morning_switch);
  gtk_widget_class_bind_template_child (widget_class, PatellaJournalForm, rest_meaning);
  gtk_widget_class_bind_template_child (widget_class, PatellaJournalForm, activity_meaning);
  gtk_widget_class_bind_template_child (widget_class, PatellaJournalForm, morning_meaning);
  gtk_widget_class_bind_template_child (widget_class, PatellaJournalForm, lower_box);
  gtk_widget_class_bind_template_child (widget_class, PatellaJournalForm, symptoms_box);
  gtk_widget_class_bind_template_child (widget_class, PatellaJournalForm, note_view);
  gtk_widget_class_bind_template_child (widget_class, PatellaJournalForm, note_counter);
  gtk_widget_class_bind_template_callback (widget_class, rest_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, activity_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, morning_changed_cb);
}

static void
patella_journal_form_init (PatellaJournalForm *self)
{
  GtkTextBuffer *buffer;

  gtk_widget_init_template (GTK_WIDGET (self));

  set_up_scale (self->rest_scale);
  set_up_scale (self->activity_scale);
  set_up_scale (self->morning_scale);
  set_up_switch (self->rest_switch);
  set_up_switch (self->activity_switch);
  set_up_switch (self->morning_switch);
  set_up_symptoms (self);

  buffer = gtk_text_view_get_buffer (self->note_view);
  g_signal_connect (buffer, "insert-text", G_CALLBACK (note_insert_text_cb), self);
  g_signal_connect_swapped (buffer, "changed", G_CALLBACK (note_changed_cb), self);

  update_labels (self);
}

/* Public API */

/**
 * patella_journal_form_set_edit:
 * @edit: (nullable) (transfer none): where the user's changes go; it must
 *   outlive its use here, or be replaced first
 */
void
patella_journal_form_set_edit (PatellaJournalForm *self,
                               PatellaJournalEdit *edit)
{
  g_return_if_fail (PATELLA_IS_JOURNAL_FORM (self));

  self->edit = edit;
}

/**
 * patella_journal_form_show:
 * @day: the day shown
 * @entry: (nullable): its stored entry, or %NULL for a blank day
 * @fields: the fields to show
 *
 * Shows @fields of @entry as they are stored: not a change. A symptom the
 * user changed keeps the user's tick.
 */
void
patella_journal_form_show (PatellaJournalForm   *self,
                           const char           *day,
                           PatellaJournalEntry  *entry,
                           PatellaJournalFields  fields)
{
  g_autoptr(PatellaJournalEntry) blank = NULL;

  g_return_if_fail (PATELLA_IS_JOURNAL_FORM (self));

  if (entry == NULL)
    entry = blank = patella_journal_entry_new (day);

  self->loading = TRUE;

  /* Pain at rest may be unrated, like the other two. */
  if (fields & PATELLA_JOURNAL_FIELD_REST)
    {
      int rest = patella_journal_entry_get_pain_rest (entry);

      gtk_switch_set_active (self->rest_switch, rest != PATELLA_PAIN_NONE);
      gtk_range_set_value (GTK_RANGE (self->rest_scale), MAX (rest, 0));
    }

  if (fields & PATELLA_JOURNAL_FIELD_ACTIVITY)
    {
      int activity = patella_journal_entry_get_pain_activity (entry);

      gtk_switch_set_active (self->activity_switch, activity != PATELLA_PAIN_NONE);
      gtk_range_set_value (GTK_RANGE (self->activity_scale), MAX (activity, 0));
    }

  if (fields & PATELLA_JOURNAL_FIELD_MORNING)
    {
      int morning = patella_journal_entry_get_pain_morning (entry);

      gtk_switch_set_active (self->morning_switch, morning != PATELLA_PAIN_NONE);
      gtk_range_set_value (GTK_RANGE (self->morning_scale), MAX (morning, 0));
    }

  if (fields & PATELLA_JOURNAL_FIELD_SYMPTOMS)
    for (guint i = 0; i < self->symptom_toggles->len; i++)
      {
        const char *code = patella_symptom_get_codes ()[i];

        if (self->edit == NULL || !patella_journal_edit_changes_symptom (self->edit, code))
          gtk_check_button_set_active (g_ptr_array_index (self->symptom_toggles, i),
                                       patella_journal_entry_has_symptom (entry, code));
      }

  if (fields & PATELLA_JOURNAL_FIELD_NOTE)
    {
      g_autofree char *shown = patella_journal_form_get_note (self);
      const char *note = patella_journal_entry_get_note (entry);

      /* Setting the same text would move the cursor for nothing. */
      if (g_strcmp0 (shown, note) != 0)
        gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->note_view), note, -1);
    }

  self->loading = FALSE;
  update_labels (self);
}

/**
 * patella_journal_form_take:
 * @entry: another version of the day
 * @fields: its fields to take
 *
 * Shows @fields of @entry as the user's choice: they go into the edit, to
 * be saved over what is stored.
 */
void
patella_journal_form_take (PatellaJournalForm   *self,
                           PatellaJournalEntry  *entry,
                           PatellaJournalFields  fields)
{
  g_return_if_fail (PATELLA_IS_JOURNAL_FORM (self));
  g_return_if_fail (entry != NULL);

  if (self->edit == NULL)
    return;

  patella_journal_form_show (self, NULL, entry, fields & ~PATELLA_JOURNAL_FIELD_SYMPTOMS);

  if (fields & PATELLA_JOURNAL_FIELD_REST)
    patella_journal_edit_set_pain_rest (self->edit, patella_journal_entry_get_pain_rest (entry));
  if (fields & PATELLA_JOURNAL_FIELD_ACTIVITY)
    patella_journal_edit_set_pain_activity (self->edit,
                                            patella_journal_entry_get_pain_activity (entry));
  if (fields & PATELLA_JOURNAL_FIELD_MORNING)
    patella_journal_edit_set_pain_morning (self->edit,
                                           patella_journal_entry_get_pain_morning (entry));
  if (fields & PATELLA_JOURNAL_FIELD_NOTE)
    patella_journal_edit_set_note (self->edit, patella_journal_entry_get_note (entry));
  if (fields & PATELLA_JOURNAL_FIELD_SYMPTOMS)
    for (guint i = 0; i < self->symptom_toggles->len; i++)
      {
        const char *code = patella_symptom_get_codes ()[i];
        gboolean on = patella_journal_entry_has_symptom (entry, code);

        self->loading = TRUE;
        gtk_check_button_set_active (g_ptr_array_index (self->symptom_toggles, i), on);
        self->loading = FALSE;
        patella_journal_edit_set_symptom (self->edit, code, on);
      }

  field_changed (self);
}

/* Returns: the pain at rest, or %PATELLA_PAIN_NONE while it is unrated */
int
patella_journal_form_get_pain_rest (PatellaJournalForm *self)
{
  g_return_val_if_fail (PATELLA_IS_JOURNAL_FORM (self), PATELLA_PAIN_NONE);

  return optional_value (self->rest_switch, self->rest_scale);
}

/**
 * patella_journal_form_get_note:
 *
 * Returns: (transfer full): the note as written
 */
char *
patella_journal_form_get_note (PatellaJournalForm *self)
{
  GtkTextBuffer *buffer;
  GtkTextIter start;
  GtkTextIter end;

  g_return_val_if_fail (PATELLA_IS_JOURNAL_FORM (self), NULL);

  buffer = gtk_text_view_get_buffer (self->note_view);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* The day's first field, not whatever comes first in the editor (the Delete
 * button): Enter once more must not delete the day. The pain at rest, or
 * its switch while it is unrated. */
void
patella_journal_form_focus_first (PatellaJournalForm *self)
{
  g_return_if_fail (PATELLA_IS_JOURNAL_FORM (self));

  if (gtk_switch_get_active (self->rest_switch))
    gtk_widget_grab_focus (GTK_WIDGET (self->rest_scale));
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->rest_switch));
}

/* The symptoms and the note, below the fold at the default window size. */
void
patella_journal_form_show_below_fold (PatellaJournalForm *self)
{
  g_return_if_fail (PATELLA_IS_JOURNAL_FORM (self));

  gtk_widget_set_visible (self->lower_box, TRUE);
}
