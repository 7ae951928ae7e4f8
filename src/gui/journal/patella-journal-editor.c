/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "patella-journal-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "patella-error.h"
#include "patella-advice.h"
#include "patella-insights-view.h"
#include "patella-journal.h"
#include "patella-journal-advice.h"
#include "patella-journal-edit.h"
#include "patella-journal-editor.h"
#include "patella-journal-form.h"
#include "patella-journal-row.h"
#include "patella-journal-trend.h"
#include "patella-pickers.h"
#include "patella-today-card.h"
#include "patella-toast.h"
#include "patella-view.h"
#include "patella-wrap-bin.h"

/* Saved this long after the last change, and always on close. */
#define SAVE_DELAY_MS 500
/* A save that failed is tried again after 1 s, then 2, 4… up to this. */
#define RETRY_MAX_S 30

/* One day of the journal, written as the user goes: the editor pane of the
 * journal page's leaflet, with the day's advice, the symptoms, the note and
 * the trend below. It saves by itself, keeps what the user typed while the
 * database is busy, and shows what another program changed meanwhile. */
struct _PatellaJournalEditor
{
  GtkWidget             parent_instance;

  PatellaStore         *store;
  char                 *day;           /* the day being edited */
  gboolean              has_entry;     /* that day has an entry in the store */
  PatellaJournalEdit   *edit;          /* what the user changed in that day */
  GPtrArray            *pending;       /* edits of other days whose save failed */
  gboolean              folded;
  guint                 save_source;
  guint                 retry_source;
  guint                 retry_delay_s;
  PatellaJournalFields  conflicts;     /* changed here and elsewhere at once */
  PatellaJournalEntry  *other;         /* the other program's version of them */
  GtkWidget            *window;
  gulong                close_request_id;
  GtkWidget            *insights_view; /* added after the first frame */
  GtkWidget            *today_card;    /* built after the first frame */
  GtkWidget            *day_picker;

  GtkWidget            *column;
  GtkLabel             *day_title;
  GtkLabel             *save_label;
  GtkWidget            *today_button;
  GtkWidget            *conflict_box;
  GtkLabel             *conflict_label;
  PatellaJournalAdvice *advice;
  PatellaJournalForm   *form;
  GtkWidget            *lower_box;
  PatellaJournalTrend  *trend;
  GtkLabel             *disclaimer_label;
};

static gboolean retry_cb (gpointer data);

G_DEFINE_FINAL_TYPE (PatellaJournalEditor, patella_journal_editor, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DAY,
  PROP_HAS_ENTRY,
  PROP_FOLDED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  ENTRY_RESTORED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Helpers */

static char *
get_today (PatellaJournalEditor *self)
{
  return patella_clock_get_today (patella_store_get_clock (self->store));
}

/* The date, then the state, a line each whatever they say: the fields
 * below must not move while the user edits them (a longer or shorter state
 * would wrap to more or fewer lines). A line too long for a phone ends in
 * "…"; the whole text is the tooltip, and screen readers read it all. */
static void
set_save_state (PatellaJournalEditor *self,
                const char           *state)
{
  g_autofree char *today = get_today (self);
  g_autofree char *text = NULL;

  if (g_strcmp0 (self->day, today) == 0)
    {
      g_autofree char *date = patella_journal_format_day (self->day, TRUE);

      text = g_strdup_printf ("%s\n%s", date, state);
    }
  else
    {
      text = g_strdup (state);
    }

  gtk_label_set_wrap (self->save_label, FALSE);
  gtk_label_set_ellipsize (self->save_label, PANGO_ELLIPSIZE_END);
  gtk_label_set_text (self->save_label, text);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->save_label), text);
}

static void
set_stored_state (PatellaJournalEditor *self)
{
  set_save_state (self, self->has_entry ? _("Saved automatically as you go")
                                        : _("Not written yet; saves itself"));
}

static void
set_has_entry (PatellaJournalEditor *self,
               gboolean              has_entry)
{
  g_autofree char *today = self->store != NULL ? get_today (self) : NULL;

  gtk_widget_set_visible (self->today_button, today != NULL && g_strcmp0 (self->day, today) != 0);
  if (self->has_entry == has_entry)
    return;

  self->has_entry = has_entry;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HAS_ENTRY]);
}

static void
schedule_retry (PatellaJournalEditor *self)
{
  if (self->retry_source != 0)
    return;

  self->retry_delay_s = CLAMP (self->retry_delay_s * 2, 1, RETRY_MAX_S);
  self->retry_source = g_timeout_add_seconds (self->retry_delay_s, retry_cb, self);
}

/* Edits of days left while their save failed are saved with the next try. */
static gboolean
save_pending (PatellaJournalEditor  *self,
              GError               **error)
{
  while (self->pending->len > 0)
    {
      PatellaJournalEdit *edit = g_ptr_array_index (self->pending, 0);

      if (!patella_journal_edit_save (edit, self->store, PATELLA_PAIN_KEEP, error))
        return FALSE;
      g_ptr_array_remove_index (self->pending, 0);
    }

  return TRUE;
}

static gboolean
save_timeout_cb (gpointer data)
{
  PatellaJournalEditor *self = data;

  self->save_source = 0;
  patella_journal_editor_save (self);
  return G_SOURCE_REMOVE;
}

static gboolean
retry_cb (gpointer data)
{
  PatellaJournalEditor *self = data;

  self->retry_source = 0;
  patella_journal_editor_save (self);
  return G_SOURCE_REMOVE;
}

/* The user changed a field: saved soon. */
static void
editor_changed (PatellaJournalEditor *self)
{
  if (self->store == NULL || self->edit == NULL)
    return;

  if (patella_journal_edit_get_dirty (self->edit) == 0)
    return;

  /* Saved at most SAVE_DELAY_MS after the first change, also while the user
   * goes on typing: a crash loses no more than that. */
  set_save_state (self, _("Saving…"));
  if (self->save_source == 0)
    self->save_source = g_timeout_add (SAVE_DELAY_MS, save_timeout_cb, self);
}

static void
hide_conflict (PatellaJournalEditor *self)
{
  self->conflicts = PATELLA_JOURNAL_FIELD_NONE;
  g_clear_object (&self->other);
  gtk_widget_set_visible (self->conflict_box, FALSE);
}

/* @other: the stored entry that differs: kept here, since saving the
 * user's version replaces it in the database. */
static void
show_conflict (PatellaJournalEditor *self,
               PatellaJournalFields  conflicts,
               PatellaJournalEntry  *other)
{
  g_autofree char *list = NULL;
  g_autofree char *text = NULL;

  self->conflicts |= conflicts;
  g_set_object (&self->other, other);

  list = patella_journal_fields_describe (self->conflicts);
  text = g_strdup_printf (_("Another program changed this day’s %s while you were editing it. "
                            "Your version is shown and saved; the other one is kept here until "
                            "you choose."), list);
  gtk_label_set_text (self->conflict_label, text);
  gtk_widget_set_visible (self->conflict_box, TRUE);
}

/* Fills the editor with @day's entry, or with a blank one. */
static void
load_day (PatellaJournalEditor *self,
          const char           *day)
{
  g_autoptr(PatellaJournalEntry) entry = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *today = NULL;
  g_autofree char *title = NULL;
  char *new_day;

  /* A day left with a change that could not be saved keeps it, to be
   * saved with the next try. */
  if (!patella_journal_editor_save (self) && self->edit != NULL &&
      patella_journal_edit_get_dirty (self->edit) != 0)
    g_ptr_array_add (self->pending, g_steal_pointer (&self->edit));
  patella_journal_form_set_edit (self->form, NULL);
  g_clear_pointer (&self->edit, patella_journal_edit_free);
  hide_conflict (self);

  /* @day may be self->day itself. */
  new_day = g_strdup (day);
  g_free (self->day);
  self->day = new_day;
  day = new_day;

  entry = patella_journal_get (self->store, day, &error);
  if (error != NULL)
    g_message ("Could not read the journal: %s", error->message);
  self->edit = patella_journal_edit_new (day, entry);

  patella_journal_form_set_edit (self->form, self->edit);
  patella_journal_form_show (self->form, day, entry, ~0);

  today = get_today (self);
  if (g_strcmp0 (day, today) == 0)
    title = g_strdup (_("Today"));
  else
    title = patella_journal_format_day (day, TRUE);
  gtk_label_set_text (self->day_title, title);
  /* The calendar opens on the day shown. */
  patella_date_picker_set_day (self->day_picker, day);
  set_has_entry (self, entry != NULL);
  set_stored_state (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DAY]);

  patella_journal_advice_show (self->advice, self->store, day, FALSE);
}

/* Another program, a restore or this app changed the day: fields the user
 * is not editing show what is stored now. */
static void
reload_day (PatellaJournalEditor *self)
{
  g_autoptr(PatellaJournalEntry) entry = NULL;
  g_autoptr(GError) error = NULL;
  PatellaJournalFields conflicts = PATELLA_JOURNAL_FIELD_NONE;
  PatellaJournalFields changed;

  if (self->edit == NULL || self->day == NULL)
    return;

  entry = patella_journal_get (self->store, self->day, &error);
  if (error != NULL)
    return;

  changed = patella_journal_edit_update (self->edit, entry, &conflicts);
  if (changed == PATELLA_JOURNAL_FIELD_NONE && conflicts == PATELLA_JOURNAL_FIELD_NONE)
    return;

  patella_journal_form_show (self->form, self->day, entry, changed & ~conflicts);
  if (conflicts != PATELLA_JOURNAL_FIELD_NONE)
    show_conflict (self, conflicts, entry);

  if (self->has_entry != (entry != NULL))
    {
      set_has_entry (self, entry != NULL);
      if (patella_journal_edit_get_dirty (self->edit) == 0)
        set_stored_state (self);
    }
}

/* What the user typed, for the clipboard when it cannot be saved. */
static char *
describe_unsaved (PatellaJournalEditor *self)
{
  g_autofree char *note = patella_journal_form_get_note (self->form);
  g_autofree char *date = patella_journal_format_day (self->day, FALSE);
  int rest = patella_journal_form_get_pain_rest (self->form);

  if (rest == PATELLA_PAIN_NONE)
    /* Translators: the day, then the note; the dash is a rating not given */
    return g_strdup_printf (_("%s — pain at rest –\n%s"), date, note);

  /* Translators: the day, then the pain ratings, then the note */
  return g_strdup_printf (_("%s — pain at rest %d/10\n%s"), date, rest, note);
}

/* Callbacks */

static void
store_changed_cb (PatellaJournalEditor *self,
                  const char           *what)
{
  patella_journal_trend_refresh (self->trend);
  if (g_strcmp0 (what, "journal") == 0)
    {
      reload_day (self);
      patella_journal_advice_show (self->advice, self->store, self->day, TRUE);
    }
}

static void
keep_mine_clicked_cb (PatellaJournalEditor *self)
{
  hide_conflict (self);
}

/* The other program's version comes back: shown, and saved as the user's
 * choice over the user's own, which was saved meanwhile. */
static void
use_other_clicked_cb (PatellaJournalEditor *self)
{
  PatellaJournalFields fields = self->conflicts;
  g_autoptr(PatellaJournalEntry) other = g_steal_pointer (&self->other);

  hide_conflict (self);
  if (other != NULL)
    patella_journal_form_take (self->form, other, fields);
}

/* Any day up to today can be written, or rated the next morning, from the
 * calendar beside the day's title; a day to come is refused, as in the core. */
static void
day_picked_cb (const char *day,
               gpointer    user_data)
{
  PatellaJournalEditor *self = user_data;
  g_autofree char *normal = NULL;
  g_autoptr(GError) error = NULL;

  if (self->store == NULL)
    return;

  if (!patella_journal_check_day (self->store, day, &normal, &error))
    {
      patella_toast_show_text (GTK_WIDGET (self), error->message);
      return;
    }

  load_day (self, normal);
}

static void
undo_delete_clicked_cb (PatellaJournalEditor *self,
                        AdwToast             *toast)
{
  PatellaJournalEntry *entry = g_object_get_data (G_OBJECT (toast), "patella-deleted");
  g_autoptr(GError) error = NULL;

  if (entry == NULL || self->store == NULL)
    return;

  if (!patella_journal_put (self->store, entry, &error))
    {
      patella_toast_show_text (GTK_WIDGET (self), error->message);
      return;
    }

  if (g_strcmp0 (self->day, patella_journal_entry_get_day (entry)) == 0)
    load_day (self, self->day);
  g_signal_emit (self, signals[ENTRY_RESTORED], 0, patella_journal_entry_get_day (entry));
}

static void
unsaved_response_cb (AdwMessageDialog     *dialog,
                     const char           *response,
                     PatellaJournalEditor *self)
{
  GtkWidget *window = self->window;

  if (g_str_equal (response, "copy"))
    {
      g_autofree char *text = describe_unsaved (self);

      gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), text);
      patella_toast_show_text (GTK_WIDGET (self),
                               _("Copied: paste it somewhere safe, then close again"));
    }
  else if (g_str_equal (response, "discard"))
    {
      g_clear_handle_id (&self->retry_source, g_source_remove);
      g_ptr_array_set_size (self->pending, 0);
      if (self->edit != NULL)
        patella_journal_edit_drop (self->edit, ~0);
      if (window != NULL)
        gtk_window_close (GTK_WINDOW (window));
    }
  else if (g_str_equal (response, "retry"))
    {
      if (window != NULL)
        gtk_window_close (GTK_WINDOW (window));
    }
}

/* Closing waits for a pending save (one more try, which waits as long as the
 * busy timeout for a lock to go), and asks when it still fails. */
static gboolean
window_close_request_cb (PatellaJournalEditor *self)
{
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;

  /* One more try that waits a little longer for a lock to go. */
  if (self->store != NULL && patella_journal_editor_has_unsaved (self))
    {
      guint busy_ms = patella_store_get_busy_timeout (self->store);
      gboolean saved;

      patella_store_set_busy_timeout (self->store, MAX (busy_ms, 2000));
      saved = patella_journal_editor_save (self);
      patella_store_set_busy_timeout (self->store, busy_ms);
      if (saved)
        return FALSE;
    }
  else if (patella_journal_editor_save (self))
    {
      return FALSE;
    }

  body = g_strdup_printf (_("%s Close anyway, and your latest changes to the journal are lost; "
                            "copy them first to keep them elsewhere."),
                          gtk_label_get_text (self->save_label));
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self->window),
                                                      _("Changes Not Saved"), body));
  adw_message_dialog_add_responses (dialog,
                                    "discard", _("_Close Without Saving"),
                                    "copy", _("C_opy Changes"),
                                    "retry", _("_Try Again"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (dialog, "retry", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "retry");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (unsaved_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));

  return TRUE;
}

/* Overrides */

static void
patella_journal_editor_root (GtkWidget *widget)
{
  PatellaJournalEditor *self = PATELLA_JOURNAL_EDITOR (widget);
  GtkRoot *root;

  GTK_WIDGET_CLASS (patella_journal_editor_parent_class)->root (widget);

  root = gtk_widget_get_root (widget);
  if (!GTK_IS_WINDOW (root))
    return;

  self->window = GTK_WIDGET (root);
  self->close_request_id = g_signal_connect_swapped (root, "close-request",
                                                     G_CALLBACK (window_close_request_cb), self);
}

static void
patella_journal_editor_unroot (GtkWidget *widget)
{
  PatellaJournalEditor *self = PATELLA_JOURNAL_EDITOR (widget);

  patella_journal_editor_save (self);

  if (self->window != NULL)
    {
      g_clear_signal_handler (&self->close_request_id, self->window);
      self->window = NULL;
    }

  GTK_WIDGET_CLASS (patella_journal_editor_parent_class)->unroot (widget);
}

static void
patella_journal_editor_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  PatellaJournalEditor *self = PATELLA_JOURNAL_EDITOR (object);

  switch (prop_id)
    {
    case PROP_DAY:
      g_value_set_string (value, self->day);
      break;

    case PROP_HAS_ENTRY:
      g_value_set_boolean (value, self->has_entry);
      break;

    case PROP_FOLDED:
      g_value_set_boolean (value, self->folded);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
patella_journal_editor_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  PatellaJournalEditor *self = PATELLA_JOURNAL_EDITOR (object);

  switch (prop_id)
    {
    case PROP_FOLDED:
      patella_view_update_boolean (object, &self->folded, value, pspec);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
patella_journal_editor_dispose (GObject *object)
{
  PatellaJournalEditor *self = PATELLA_JOURNAL_EDITOR (object);

  /* Nothing typed is lost, however the editor goes away. */
  if (self->pending != NULL)
    patella_journal_editor_save (self);
  g_clear_handle_id (&self->save_source, g_source_remove);
  g_clear_handle_id (&self->retry_source, g_source_remove);
  if (self->form != NULL)
    patella_journal_form_set_edit (self->form, NULL);
  g_clear_pointer (&self->edit, patella_journal_edit_free);
  g_clear_pointer (&self->pending, g_ptr_array_unref);
  g_clear_object (&self->other);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_func (self->store, store_changed_cb, self);
  g_clear_object (&self->store);

  gtk_widget_dispose_template (GTK_WIDGET (self), PATELLA_TYPE_JOURNAL_EDITOR);
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self));
       child != NULL;
       child = gtk_widget_get_first_child (GTK_WIDGET (self)))
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (patella_journal_editor_parent_class)->dispose (object);
}

static void
patella_journal_editor_finalize (GObject *object)
{
  PatellaJournalEditor *self = PATELLA_JOURNAL_EDITOR (object);

  g_free (self->day);

  G_OBJECT_CLASS (patella_journal_editor_parent_class)->finalize (object);
}

static void
patella_journal_editor_class_init (PatellaJournalEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = patella_journal_editor_dispose;
  object_class->finalize = patella_journal_editor_finalize;
  object_class->get_property = patella_journal_editor_get_property;
  object_class->set_property = patella_journal_editor_set_property;
  widget_class->root = patella_journal_editor_root;
  widget_class->unroot = patella_journal_editor_unroot;

  properties[PROP_DAY] =
    g_param_spec_string ("day", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_HAS_ENTRY] =
    g_param_spec_boolean ("has-entry", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* Whether the leaflet shows one pane at a time: the History button shows then. */
  properties[PROP_FOLDED] = patella_view_param_spec_folded ();
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* A deleted day came back with the toast's Undo: its button goes, and
   * with it the keyboard focus, unless the page puts it somewhere. */
  signals[ENTRY_RESTORED] =
    g_signal_new ("entry-restored", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  g_type_ensure (PATELLA_TYPE_JOURNAL_ADVICE);
  g_type_ensure (PATELLA_TYPE_JOURNAL_FORM);
  g_type_ensure (PATELLA_TYPE_JOURNAL_TREND);
  g_type_ensure (PATELLA_TYPE_WRAP_BIN);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/patella/Patella/ui/patella-journal-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, PatellaJournalEditor, column);
  gtk_widget_class_bind_template_child (widget_class, PatellaJournalEditor, day_title);
  gtk_widget_class_bind_template_child (widget_class, PatellaJournalEditor, save_label);
  gtk_widget_class_bind_template_child (widget_class, PatellaJournalEditor, today_button);
  gtk_widget_class_bind_template_child (widget_class, PatellaJournalEditor, conflict_box);
  gtk_widget_class_bind_template_child (widget_class, PatellaJournalEditor, conflict_label);
  gtk_widget_class_bind_template_child (widget_class, PatellaJournalEditor, advice);
  gtk_widget_class_bind_template_child (widget_class, PatellaJournalEditor, form);
  gtk_widget_class_bind_template_child (widget_class, PatellaJournalEditor, lower_box);
  gtk_widget_class_bind_template_child (widget_class, PatellaJournalEditor, trend);
  gtk_widget_class_bind_template_child (widget_class, PatellaJournalEditor, disclaimer_label);
  gtk_widget_class_bind_template_callback (widget_class, keep_mine_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, use_other_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, editor_changed);
}

static void
patella_journal_editor_init (PatellaJournalEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->pending = g_ptr_array_new_with_free_func ((GDestroyNotify) patella_journal_edit_free);

  self->day_picker = patella_date_picker_new (day_picked_cb, self);
  gtk_widget_set_tooltip_text (self->day_picker, _("Write Another Day"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->day_picker),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Write Another Day"), -1);
  gtk_box_insert_child_after (GTK_BOX (gtk_widget_get_parent (self->today_button)),
                              self->day_picker, self->today_button);

  gtk_label_set_text (self->disclaimer_label, patella_advice_get_disclaimer ());
  gtk_widget_set_visible (self->today_button, FALSE);
}

/* Public API */

/**
 * patella_journal_editor_set_store:
 * @store: (nullable): the journal's store
 *
 * Saves what is pending in the store shown so far, then shows today's entry
 * in @store.
 */
void
patella_journal_editor_set_store (PatellaJournalEditor *self,
                                  PatellaStore         *store)
{
  g_autofree char *today = NULL;

  g_return_if_fail (PATELLA_IS_JOURNAL_EDITOR (self));
  g_return_if_fail (store == NULL || PATELLA_IS_STORE (store));

  if (store == self->store)
    return;

  patella_journal_editor_save (self);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_func (self->store, store_changed_cb, self);
  g_set_object (&self->store, store);
  patella_journal_advice_show (self->advice, NULL, NULL, FALSE);
  if (self->insights_view != NULL)
    patella_insights_view_set_store (PATELLA_INSIGHTS_VIEW (self->insights_view), store);
  if (self->today_card != NULL)
    patella_today_card_set_store (PATELLA_TODAY_CARD (self->today_card), store);
  patella_journal_trend_set_store (self->trend, store);

  if (store == NULL)
    return;

  g_signal_connect_swapped (store, "changed", G_CALLBACK (store_changed_cb), self);
  today = get_today (self);
  load_day (self, today);
}

/**
 * patella_journal_editor_get_day:
 *
 * Returns: (transfer none) (nullable): the day the editor shows
 */
const char *
patella_journal_editor_get_day (PatellaJournalEditor *self)
{
  g_return_val_if_fail (PATELLA_IS_JOURNAL_EDITOR (self), NULL);

  return self->day;
}

/**
 * patella_journal_editor_get_has_entry:
 *
 * Returns: whether the day shown has an entry in the store
 */
gboolean
patella_journal_editor_get_has_entry (PatellaJournalEditor *self)
{
  g_return_val_if_fail (PATELLA_IS_JOURNAL_EDITOR (self), FALSE);

  return self->has_entry;
}

/* Shows @day, after saving the day shown so far. */
void
patella_journal_editor_show_day (PatellaJournalEditor *self,
                                 const char           *day)
{
  g_return_if_fail (PATELLA_IS_JOURNAL_EDITOR (self));
  g_return_if_fail (day != NULL);

  if (self->store != NULL)
    load_day (self, day);
}

/**
 * patella_journal_editor_save:
 *
 * Writes the fields the user changed, and only those. Called after a pause
 * in typing, when another day is chosen, and when the window closes. A save
 * that fails stays pending: it is shown as not saved and tried again.
 *
 * Returns: %FALSE if a change could not be saved
 */
gboolean
patella_journal_editor_save (PatellaJournalEditor *self)
{
  g_autoptr(GError) error = NULL;
  gboolean current;

  g_return_val_if_fail (PATELLA_IS_JOURNAL_EDITOR (self), FALSE);

  g_clear_handle_id (&self->save_source, g_source_remove);

  if (self->store == NULL)
    return TRUE;

  current = self->edit != NULL && patella_journal_edit_get_dirty (self->edit) != 0;
  if (!current && self->pending->len == 0)
    return TRUE;

  if (!save_pending (self, &error) ||
      (current && !patella_journal_edit_save (self->edit, self->store, PATELLA_PAIN_KEEP,
                                              &error)))
    {
      g_autofree char *text = NULL;

      /* The app tries again by itself: no "try again" for the user. */
      if (g_error_matches (error, PATELLA_ERROR, PATELLA_ERROR_BUSY))
        text = g_strdup (_("Not saved yet: another program is using the journal. Patella tries "
                           "again by itself."));
      else
        text = g_strdup_printf (_("Not saved — retrying: %s"), error->message);

      /* A failure is read whole, even if what is below moves for it. */
      gtk_label_set_ellipsize (self->save_label, PANGO_ELLIPSIZE_NONE);
      gtk_label_set_wrap (self->save_label, TRUE);
      gtk_label_set_text (self->save_label, text);
      schedule_retry (self);
      return FALSE;
    }

  g_clear_handle_id (&self->retry_source, g_source_remove);
  self->retry_delay_s = 0;

  if (current)
    {
      set_has_entry (self, patella_journal_edit_get_stored (self->edit) != NULL);
      set_save_state (self, _("Saved"));
    }

  return TRUE;
}

/**
 * patella_journal_editor_has_unsaved:
 *
 * Returns: whether a change is waiting to be saved
 */
gboolean
patella_journal_editor_has_unsaved (PatellaJournalEditor *self)
{
  g_return_val_if_fail (PATELLA_IS_JOURNAL_EDITOR (self), FALSE);

  return self->pending->len > 0 ||
         (self->edit != NULL && patella_journal_edit_get_dirty (self->edit) != 0);
}

/* Deletes the day shown, as the editor shows it; the toast's Undo puts it back. */
void
patella_journal_editor_delete (PatellaJournalEditor *self)
{
  g_autoptr(PatellaJournalEntry) entry = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *date = NULL;
  g_autofree char *title = NULL;
  AdwToast *toast;

  g_return_if_fail (PATELLA_IS_JOURNAL_EDITOR (self));

  if (self->store == NULL || !self->has_entry)
    return;

  patella_journal_editor_save (self);
  entry = patella_journal_get (self->store, self->day, &error);
  if (entry == NULL || !patella_journal_delete (self->store, self->day, &error))
    {
      if (error != NULL)
        patella_toast_show_text (GTK_WIDGET (self), error->message);
      return;
    }

  load_day (self, self->day);

  date = patella_journal_format_day (patella_journal_entry_get_day (entry), FALSE);
  title = g_strdup_printf (_("Entry for %s deleted"), date);
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_object_set_data_full (G_OBJECT (toast), "patella-deleted", g_steal_pointer (&entry),
                          g_object_unref);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (undo_delete_clicked_cb), self,
                           G_CONNECT_SWAPPED);
  patella_toast_show (GTK_WIDGET (self), toast);
}

/* The day's first field, not whatever comes first in the editor (the Delete
 * button): Enter once more must not delete the day. */
void
patella_journal_editor_focus_first (PatellaJournalEditor *self)
{
  g_return_if_fail (PATELLA_IS_JOURNAL_EDITOR (self));

  patella_journal_form_focus_first (self->form);
}

/* The sections below the fold at the default window size (symptoms, notes,
 * trend, insights), shown a frame after the first: see the journal page. */
void
patella_journal_editor_show_below_fold (PatellaJournalEditor *self)
{
  g_return_if_fail (PATELLA_IS_JOURNAL_EDITOR (self));

  patella_journal_form_show_below_fold (self->form);
  gtk_widget_set_visible (self->lower_box, TRUE);
  /* The insights (patella-insights-view.c) go below the editor. */
  if (self->insights_view == NULL)
    {
      self->insights_view = patella_insights_view_new (NULL);
      gtk_box_append (GTK_BOX (self->lower_box), self->insights_view);
    }
  patella_insights_view_set_store (PATELLA_INSIGHTS_VIEW (self->insights_view), self->store);
}

/* The recovery plan's Today card, at the top of the editor. */
void
patella_journal_editor_show_today_card (PatellaJournalEditor *self)
{
  g_return_if_fail (PATELLA_IS_JOURNAL_EDITOR (self));

  if (self->today_card != NULL || self->store == NULL)
    return;

  self->today_card = patella_today_card_new (self->store);
  gtk_box_prepend (GTK_BOX (self->column), self->today_card);
}
