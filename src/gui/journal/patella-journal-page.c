/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "patella-journal-page"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "patella-accessible.h"
#include "patella-advice.h"
#include "patella-error.h"
#include "patella-journal.h"
#include "patella-journal-edit.h"
#include "patella-plan.h"
#include "patella-journal-model.h"
#include "patella-context.h"
#include "patella-journal-page.h"
#include "patella-journal-row.h"
#include "patella-insights-view.h"
#include "patella-pain-chart.h"
#include "patella-wrap-bin.h"
#include "patella-parse.h"
#include "patella-today-card.h"
#include "patella-pickers.h"

/* Saved this long after the last change, and always on close. */
#define SAVE_DELAY_MS 500
/* A save that failed is tried again after 1 s, then 2, 4… up to this. */
#define RETRY_MAX_S 30

struct _PatellaJournalPage
{
  AdwBin               parent_instance;

  PatellaContext       *context;

  PatellaStore        *store;
  PatellaJournalModel *model;
  char                *day;           /* the day being edited */
  gboolean             has_entry;     /* that day has an entry in the store */
  PatellaJournalEdit  *edit;          /* what the user changed in that day */
  GPtrArray           *pending;       /* edits of other days whose save failed */
  gboolean             loading;       /* the editor is being filled, not edited */
  guint                save_source;
  GtkWidget           *anchor;            /* what the user edits, kept in place */
  double               anchor_y;          /* its place in the editor's viewport */
  guint                anchor_source;
  int                  column_margin;     /* the editor column's bottom margin, as built */
  guint                retry_source;
  guint                retry_delay_s;
  PatellaJournalFields conflicts;     /* changed here and elsewhere at once */
  PatellaJournalEntry *other;         /* the other program's version of them */
  PatellaJournalEntry *deleted;       /* for "Undo" */
  GSimpleActionGroup  *window_actions;
  GtkWidget           *window;
  gulong               close_request_id;
  GPtrArray           *symptom_toggles;
  GPtrArray           *advice_rows;

  GtkStack            *stack;
  AdwLeaflet          *leaflet;
  GtkLabel            *day_title;
  GtkLabel            *save_label;
  GtkWidget           *conflict_box;
  GtkLabel            *conflict_label;
  GtkWidget           *today_button;
  GtkWidget           *day_picker;
  AdwPreferencesGroup *advice_group;
  GtkScrolledWindow   *editor_scroller;
  GtkBox              *urgent_banner;
  GtkLabel            *rest_meaning;
  GtkLabel            *activity_meaning;
  GtkLabel            *morning_meaning;
  GtkScale            *rest_scale;
  GtkScale            *activity_scale;
  GtkScale            *morning_scale;
  GtkSwitch           *rest_switch;
  GtkSwitch           *activity_switch;
  GtkSwitch           *morning_switch;
  GtkWidget           *lower_box;
  GtkWidget           *insights_view;   /* added after the first frame */
  GtkWidget           *today_card;    /* built after the first frame */
  GtkFlowBox          *symptoms_box;
  GtkTextView         *note_view;
  GtkLabel            *note_counter;
  GtkToggleButton     *range_30;
  GtkToggleButton     *range_90;
  GtkToggleButton     *range_365;
  PatellaPainChart    *chart;
  GtkLabel            *legend_label;
  GtkLabel            *disclaimer_label;
  GtkSearchBar        *search_bar;
  GtkSearchEntry      *search_entry;
  GtkStack            *history_stack;
  GtkSliceListModel   *history_slice;   /* the model as the list view sees it */
  guint                first_frame_tick_id;
  guint                first_frame_ticks;
  GtkListView         *history_view;
};

G_DEFINE_FINAL_TYPE (PatellaJournalPage, patella_journal_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
context_store_changed_cb (PatellaJournalPage *self)
{
  patella_journal_page_set_store (self, patella_context_get_store (self->context));
}

static void
patella_journal_page_constructed (GObject *object)
{
  PatellaJournalPage *self = PATELLA_JOURNAL_PAGE (object);

  G_OBJECT_CLASS (patella_journal_page_parent_class)->constructed (object);

  g_signal_connect_object (self->context, "notify::store",
                           G_CALLBACK (context_store_changed_cb), self, G_CONNECT_SWAPPED);
  context_store_changed_cb (self);
}

static void
patella_journal_page_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  PatellaJournalPage *self = PATELLA_JOURNAL_PAGE (object);

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
patella_journal_page_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  PatellaJournalPage *self = PATELLA_JOURNAL_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void show_journal (PatellaJournalPage *self);

static const char * const zone_classes[] = { "success", "warning", "error" };

static char *
get_today (PatellaJournalPage *self)
{
  return patella_clock_get_today (patella_store_get_clock (self->store));
}

static int
scale_value (GtkScale *scale)
{
  return (int) (gtk_range_get_value (GTK_RANGE (scale)) + 0.5);
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

static void
update_meanings (PatellaJournalPage *self)
{
  update_meaning (self->rest_scale, self->rest_meaning, self->rest_switch, FALSE);
  update_meaning (self->activity_scale, self->activity_meaning, self->activity_switch, TRUE);
  update_meaning (self->morning_scale, self->morning_meaning, self->morning_switch, FALSE);
}

static void
update_note_counter (PatellaJournalPage *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->note_view);
  g_autofree char *text = NULL;

  /* Translators: characters written in the note, and the most it takes */
  text = g_strdup_printf (_("%d / %d"), gtk_text_buffer_get_char_count (buffer),
                          PATELLA_NOTE_MAX_CHARS);
  gtk_label_set_text (self->note_counter, text);
}

static char *
get_note (PatellaJournalPage *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->note_view);
  GtkTextIter start;
  GtkTextIter end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
set_save_state (PatellaJournalPage *self,
                const char         *state)
{
  g_autofree char *today = get_today (self);

  if (g_strcmp0 (self->day, today) == 0)
    {
      g_autofree char *date = patella_journal_format_day (self->day, TRUE);
      g_autofree char *text = g_strdup_printf ("%s · %s", date, state);

      gtk_label_set_text (self->save_label, text);
    }
  else
    {
      gtk_label_set_text (self->save_label, state);
    }
}

static void
update_actions (PatellaJournalPage *self)
{
  g_autofree char *today = self->store != NULL ? get_today (self) : NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "journal.delete", self->has_entry);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "journal.today",
                                 today != NULL && g_strcmp0 (self->day, today) != 0);
  gtk_widget_set_visible (self->today_button, today != NULL && g_strcmp0 (self->day, today) != 0);
}

static gboolean retry_cb (gpointer data);

static void
schedule_retry (PatellaJournalPage *self)
{
  if (self->retry_source != 0)
    return;

  self->retry_delay_s = CLAMP (self->retry_delay_s * 2, 1, RETRY_MAX_S);
  self->retry_source = g_timeout_add_seconds (self->retry_delay_s, retry_cb, self);
}

/* Edits of days left while their save failed are saved with the next try. */
static gboolean
save_pending (PatellaJournalPage  *self,
              GError             **error)
{
  while (self->pending->len > 0)
    {
      PatellaJournalEdit *edit = g_ptr_array_index (self->pending, 0);

      if (!patella_journal_edit_save (edit, self->store, 0, error))
        return FALSE;
      g_ptr_array_remove_index (self->pending, 0);
    }

  return TRUE;
}

/**
 * patella_journal_page_save:
 *
 * Writes the fields the user changed, and only those. Called after a pause
 * in typing, when another day is chosen, and when the window closes. A save
 * that fails stays pending: it is shown as not saved and tried again.
 *
 * Returns: %FALSE if a change could not be saved
 */
gboolean
patella_journal_page_save (PatellaJournalPage *self)
{
  g_autoptr(GError) error = NULL;
  gboolean current;

  g_return_val_if_fail (PATELLA_IS_JOURNAL_PAGE (self), FALSE);

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

      gtk_label_set_text (self->save_label, text);
      schedule_retry (self);
      return FALSE;
    }

  g_clear_handle_id (&self->retry_source, g_source_remove);
  self->retry_delay_s = 0;

  if (current)
    {
      self->has_entry = patella_journal_edit_get_stored (self->edit) != NULL;
      set_save_state (self, _("Saved"));
      update_actions (self);
    }

  return TRUE;
}

static gboolean
retry_cb (gpointer data)
{
  PatellaJournalPage *self = data;

  self->retry_source = 0;
  patella_journal_page_save (self);
  return G_SOURCE_REMOVE;
}

/**
 * patella_journal_page_has_unsaved:
 *
 * Returns: whether a change is waiting to be saved
 */
gboolean
patella_journal_page_has_unsaved (PatellaJournalPage *self)
{
  g_return_val_if_fail (PATELLA_IS_JOURNAL_PAGE (self), FALSE);

  return self->pending->len > 0 ||
         (self->edit != NULL && patella_journal_edit_get_dirty (self->edit) != 0);
}

static gboolean
save_timeout_cb (gpointer data)
{
  PatellaJournalPage *self = data;

  self->save_source = 0;
  patella_journal_page_save (self);
  return G_SOURCE_REMOVE;
}

static void
editor_changed (PatellaJournalPage *self)
{
  update_meanings (self);
  update_note_counter (self);

  if (self->loading || self->store == NULL || self->edit == NULL)
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
clear_advice (PatellaJournalPage *self)
{
  for (guint i = 0; i < self->advice_rows->len; i++)
    {
      GtkWidget *widget = g_ptr_array_index (self->advice_rows, i);

      if (gtk_widget_get_parent (widget) == GTK_WIDGET (self->urgent_banner))
        gtk_box_remove (self->urgent_banner, widget);
      else
        adw_preferences_group_remove (self->advice_group, widget);
    }
  g_ptr_array_set_size (self->advice_rows, 0);
  gtk_widget_set_visible (GTK_WIDGET (self->advice_group), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->urgent_banner), FALSE);
}

/* Laid out like AdwActionRow's content, built from plain widgets: an action
 * row's title sits in a horizontal box and would be laid out a dozen times
 * over before each frame (see patella-wrap-bin.c). Same-day advice goes in
 * the banner, whose heading carries the icon and the word "Today". */
static GtkWidget *
create_advice_box (const PatellaAdviceRule *rule,
                   gboolean                 in_banner)
{
  g_autofree char *why = NULL;
  g_autofree char *source = NULL;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *text = gtk_label_new (patella_advice_rule_get_text (rule));
  GtkWidget *button = gtk_menu_button_new ();
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *label = gtk_label_new (NULL);

  if (!in_banner)
    {
      GtkWidget *icon = gtk_image_new_from_icon_name (rule->kind == PATELLA_ADVICE_SEE_CLINICIAN ?
                                                      "dialog-warning-symbolic" :
                                                      "dialog-information-symbolic");

      gtk_widget_add_css_class (box, "patella-advice");
      gtk_accessible_update_property (GTK_ACCESSIBLE (icon),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      rule->kind == PATELLA_ADVICE_SEE_CLINICIAN ? _("Warning") : _("Recommendation"),
                                      -1);
      gtk_box_append (GTK_BOX (box), icon);
    }

  gtk_label_set_wrap (GTK_LABEL (text), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (text), PANGO_WRAP_WORD);
  gtk_label_set_xalign (GTK_LABEL (text), 0);
  gtk_widget_set_hexpand (text, TRUE);
  gtk_box_append (GTK_BOX (box), patella_wrap_bin_new (text));

  /* Translators: how strong the evidence is ("study"), then where the rule comes from */
  source = g_strdup_printf (_("Evidence: %s. Source: %s"),
                            patella_evidence_get_label (rule->evidence),
                            patella_advice_rule_get_source (rule));
  why = g_markup_printf_escaped ("%s\n\n%s", patella_advice_rule_get_why (rule), source);
  gtk_label_set_markup (GTK_LABEL (label), why);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_widget_set_margin_top (label, 6);
  gtk_widget_set_margin_bottom (label, 6);
  gtk_widget_set_margin_start (label, 6);
  gtk_widget_set_margin_end (label, 6);
  gtk_popover_set_child (GTK_POPOVER (popover), label);

  gtk_menu_button_set_label (GTK_MENU_BUTTON (button), _("Why?"));
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), popover);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, _("Why this advice, and its source"));
  gtk_widget_add_css_class (button, "flat");
  gtk_box_append (GTK_BOX (box), button);

  return box;
}

static GtkWidget *
create_advice_row (const PatellaAdviceRule *rule)
{
  GtkWidget *row = adw_preferences_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), patella_advice_rule_get_text (rule));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_add_css_class (row, rule->kind == PATELLA_ADVICE_SEE_CLINICIAN ? "patella-advice-clinician"
                                                                            : "patella-advice-ease");
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), create_advice_box (rule, FALSE));

  return row;
}

/* The box of the editor's fields, inside its clamp and viewport. */
static GtkWidget *
editor_column (PatellaJournalPage *self)
{
  GtkWidget *child = gtk_scrolled_window_get_child (self->editor_scroller);

  if (GTK_IS_VIEWPORT (child))
    child = gtk_viewport_get_child (GTK_VIEWPORT (child));

  return ADW_IS_CLAMP (child) ? adw_clamp_get_child (ADW_CLAMP (child)) : NULL;
}

/* Whether the focus is on a field of the editor below the advice: what the
 * user is editing, which must not move. */
static gboolean
editing_below_advice (PatellaJournalPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  return focus != NULL &&
         gtk_widget_is_ancestor (focus, GTK_WIDGET (self->editor_scroller)) &&
         !gtk_widget_is_ancestor (focus, GTK_WIDGET (self->advice_group)) &&
         !gtk_widget_is_ancestor (focus, GTK_WIDGET (self->urgent_banner));
}

/* Once the editor is laid out with the advice it grew by, scrolls by as
 * much, so that what is under the pointer stays there. Where the editor is
 * too short to scroll that far, room below its end makes it long enough.
 * The scrolling waits for the layout to end: GtkViewport does not move its
 * child for a value set while it lays it out. */
static gboolean
anchor_y (PatellaJournalPage *self,
          double             *y)
{
  graphene_point_t point;

  if (self->anchor == NULL ||
      !gtk_widget_compute_point (self->anchor, GTK_WIDGET (self->editor_scroller),
                                 &GRAPHENE_POINT_INIT (0, 0), &point))
    return FALSE;

  *y = point.y;
  return TRUE;
}

static gboolean
keep_anchor_in_place_cb (gpointer user_data)
{
  PatellaJournalPage *self = user_data;
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->editor_scroller);
  GtkWidget *column = editor_column (self);
  double room = gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment);
  double target;
  double y;

  self->anchor_source = 0;
  if (column == NULL || !anchor_y (self, &y))
    return G_SOURCE_REMOVE;

  target = gtk_adjustment_get_value (adjustment) + y - self->anchor_y;
  if (target > room)
    {
      /* Scrolled once the longer editor is laid out. */
      gtk_widget_set_margin_bottom (column,
                                    gtk_widget_get_margin_bottom (column) + (int) ceil (target - room));
      return G_SOURCE_REMOVE;
    }

  g_clear_weak_pointer (&self->anchor);
  gtk_adjustment_set_value (adjustment, MAX (0, target));
  return G_SOURCE_REMOVE;
}

static void
editor_adjustment_changed_cb (GtkAdjustment      *adjustment,
                              PatellaJournalPage *self)
{
  if (self->anchor != NULL && self->anchor_source == 0)
    self->anchor_source = g_idle_add_full (G_PRIORITY_HIGH_IDLE, keep_anchor_in_place_cb,
                                           self, NULL);
}

static void
refresh_advice_keeping_place (PatellaJournalPage *self,
                              gboolean            keep_place)
{
  g_autoptr(GPtrArray) advice = NULL;
  g_autoptr(GError) error = NULL;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (keep_place && self->anchor == NULL && editing_below_advice (self))
    {
      g_set_weak_pointer (&self->anchor, gtk_root_get_focus (root));
      if (!anchor_y (self, &self->anchor_y))
        g_clear_weak_pointer (&self->anchor);
    }

  clear_advice (self);
  if (self->store == NULL || self->day == NULL)
    return;

  advice = patella_advice_for_day (self->store, self->day, &error);
  if (advice == NULL)
    {
      g_message ("Could not work out the advice: %s", error->message);
      return;
    }

  /* Same-day advice first (the core sorts it so), in the banner. */
  for (guint i = 0; i < advice->len; i++)
    {
      const PatellaAdviceRule *rule = g_ptr_array_index (advice, i);
      GtkWidget *widget;

      if (rule->urgency == PATELLA_URGENCY_SAME_DAY)
        {
          widget = create_advice_box (rule, TRUE);
          gtk_box_append (self->urgent_banner, widget);
          gtk_widget_set_visible (GTK_WIDGET (self->urgent_banner), TRUE);
        }
      else
        {
          widget = create_advice_row (rule);
          adw_preferences_group_add (self->advice_group, widget);
          gtk_widget_set_visible (GTK_WIDGET (self->advice_group), TRUE);
        }
      g_ptr_array_add (self->advice_rows, widget);
    }
}

static void
refresh_advice (PatellaJournalPage *self)
{
  refresh_advice_keeping_place (self, FALSE);
}

static guint
get_chart_days (PatellaJournalPage *self)
{
  if (gtk_toggle_button_get_active (self->range_365))
    return 365;
  if (gtk_toggle_button_get_active (self->range_90))
    return 90;
  return 30;
}

static void
refresh_chart (PatellaJournalPage *self)
{
  g_autofree char *today = NULL;
  g_autofree char *first = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GArray) activity = NULL;
  guint n_days = get_chart_days (self);

  if (self->store == NULL)
    return;

  today = get_today (self);
  first = patella_day_add_days (today, -(int) (n_days - 1));
  entries = patella_journal_list (self->store, first, today, NULL);
  activity = patella_journal_list_activity (self->store, first, today, NULL);
  patella_pain_chart_set_data (self->chart, first, n_days, entries, activity);
}

static void
update_history_state (PatellaJournalPage *self)
{
  static const char * const names[] = { "list", "no-match", "empty" };
  guint n = self->model != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->model)) : 0;
  const char *name;

  if (n > 0)
    name = "list";
  else if (self->model != NULL && patella_journal_model_get_search (self->model) != NULL)
    name = "no-match";
  else
    name = "empty";

  /* Only the child shown is visible: a hidden status page is not measured,
   * so its large icon is not rendered (through librsvg) at start-up. */
  gtk_widget_set_visible (gtk_stack_get_child_by_name (self->history_stack, name), TRUE);
  gtk_stack_set_visible_child_name (self->history_stack, name);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (!g_str_equal (names[i], name))
      gtk_widget_set_visible (gtk_stack_get_child_by_name (self->history_stack, names[i]), FALSE);
}

/* Shows @fields of @entry (or of a blank day) in the editor, as they are
 * stored: not an edit. */
static void
show_fields (PatellaJournalPage   *self,
             PatellaJournalEntry  *entry,
             PatellaJournalFields  fields)
{
  g_autoptr(PatellaJournalEntry) blank = NULL;

  if (entry == NULL)
    entry = blank = patella_journal_entry_new (self->day);

  self->loading = TRUE;

  /* Pain at rest may be unrated, like the other two (issue 17). */
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

  /* A symptom the user changed keeps the user's tick. */
  if (fields & PATELLA_JOURNAL_FIELD_SYMPTOMS)
    for (guint i = 0; i < self->symptom_toggles->len; i++)
      {
        const char *code = patella_symptom_get_codes ()[i];

        if (!patella_journal_edit_changes_symptom (self->edit, code))
          gtk_check_button_set_active (g_ptr_array_index (self->symptom_toggles, i),
                                       patella_journal_entry_has_symptom (entry, code));
      }

  if (fields & PATELLA_JOURNAL_FIELD_NOTE)
    {
      g_autofree char *shown = get_note (self);
      const char *note = patella_journal_entry_get_note (entry);

      /* Setting the same text would move the cursor for nothing. */
      if (g_strcmp0 (shown, note) != 0)
        gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->note_view), note, -1);
    }

  self->loading = FALSE;
  update_meanings (self);
  update_note_counter (self);
}

static void
hide_conflict (PatellaJournalPage *self)
{
  self->conflicts = PATELLA_JOURNAL_FIELD_NONE;
  g_clear_object (&self->other);
  gtk_widget_set_visible (self->conflict_box, FALSE);
}

/* @other: the stored entry that differs: kept here, since saving the
 * user's version replaces it in the database. */
static void
show_conflict (PatellaJournalPage   *self,
               PatellaJournalFields  conflicts,
               PatellaJournalEntry  *other)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autofree char *list = NULL;
  g_autofree char *text = NULL;

  self->conflicts |= conflicts;
  g_set_object (&self->other, other);

  if (self->conflicts & PATELLA_JOURNAL_FIELD_REST)
    g_ptr_array_add (names, (gpointer) _("pain at rest"));
  if (self->conflicts & PATELLA_JOURNAL_FIELD_ACTIVITY)
    g_ptr_array_add (names, (gpointer) _("pain during activity"));
  if (self->conflicts & PATELLA_JOURNAL_FIELD_MORNING)
    g_ptr_array_add (names, (gpointer) _("pain the next morning"));
  if (self->conflicts & PATELLA_JOURNAL_FIELD_SYMPTOMS)
    g_ptr_array_add (names, (gpointer) _("symptoms"));
  if (self->conflicts & PATELLA_JOURNAL_FIELD_NOTE)
    g_ptr_array_add (names, (gpointer) _("note"));
  g_ptr_array_add (names, NULL);

  /* Translators: the list joins field names such as "note, symptoms" */
  list = g_strjoinv (_(", "), (char **) names->pdata);
  text = g_strdup_printf (_("Another program changed this day’s %s while you were editing it. "
                            "Your version is shown and saved; the other one is kept here until "
                            "you choose."), list);
  gtk_label_set_text (self->conflict_label, text);
  gtk_widget_set_visible (self->conflict_box, TRUE);
}

/* Fills the editor with @day's entry, or with a blank one. */
static void
load_day (PatellaJournalPage *self,
          const char         *day)
{
  g_autoptr(PatellaJournalEntry) entry = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *today = NULL;
  g_autofree char *title = NULL;
  char *new_day;

  /* A day left with a change that could not be saved keeps it, to be
   * saved with the next try. */
  if (!patella_journal_page_save (self) && self->edit != NULL &&
      patella_journal_edit_get_dirty (self->edit) != 0)
    g_ptr_array_add (self->pending, g_steal_pointer (&self->edit));
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
  self->has_entry = entry != NULL;
  self->edit = patella_journal_edit_new (day, entry);

  show_fields (self, entry, ~0);

  today = get_today (self);
  if (g_strcmp0 (day, today) == 0)
    title = g_strdup (_("Today"));
  else
    title = patella_journal_format_day (day, TRUE);
  gtk_label_set_text (self->day_title, title);
  set_save_state (self, self->has_entry ? _("Saved automatically as you go")
                                        : _("Not written yet; changes save by themselves"));

  update_actions (self);
  g_clear_weak_pointer (&self->anchor);
  if (editor_column (self) != NULL)
    gtk_widget_set_margin_bottom (editor_column (self), self->column_margin);
  refresh_advice (self);
}

/* Another program, a restore or this app changed the day: fields the user
 * is not editing show what is stored now. */
static void
reload_day (PatellaJournalPage *self)
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

  show_fields (self, entry, changed & ~conflicts);
  if (conflicts != PATELLA_JOURNAL_FIELD_NONE)
    show_conflict (self, conflicts, entry);

  if (self->has_entry != (entry != NULL))
    {
      self->has_entry = entry != NULL;
      update_actions (self);
      if (patella_journal_edit_get_dirty (self->edit) == 0)
        set_save_state (self, self->has_entry ? _("Saved automatically as you go")
                                              : _("Not written yet; changes save by themselves"));
    }
}

static void
show_toast (PatellaJournalPage *self,
            AdwToast           *toast)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
  else
    g_object_unref (g_object_ref_sink (toast));
}

/* Callbacks */

/* The journal is shown once there is something in it, or a recovery plan
 * whose Today card has something to say. */
static gboolean
has_content (PatellaJournalPage *self)
{
  g_autoptr(PatellaPlan) plan = NULL;

  if (self->model != NULL && g_list_model_get_n_items (G_LIST_MODEL (self->model)) > 0)
    return TRUE;

  plan = self->store != NULL ? patella_plan_load (self->store, NULL) : NULL;
  return plan != NULL && (plan->state == PATELLA_PLAN_STATE_ACTIVE ||
                          plan->state == PATELLA_PLAN_STATE_PAUSED);
}

static void
store_changed_cb (PatellaJournalPage *self,
                  const char         *what)
{
  refresh_chart (self);
  /* A plan started from the main menu on a new database opens the journal,
   * with its Today card. */
  if (g_strcmp0 (what, "plan") == 0 &&
      g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "welcome") == 0 &&
      has_content (self))
    show_journal (self);
  if (g_strcmp0 (what, "journal") == 0)
    {
      /* A first entry written elsewhere (patella-cli) opens the journal. */
      if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "welcome") == 0 &&
          self->model != NULL && g_list_model_get_n_items (G_LIST_MODEL (self->model)) > 0)
        show_journal (self);
      reload_day (self);
      refresh_advice_keeping_place (self, TRUE);
    }
}

static void
keep_mine_clicked_cb (PatellaJournalPage *self)
{
  hide_conflict (self);
}

/* The other program's version comes back: shown, and saved as the user's
 * choice over the user's own, which was saved meanwhile. */
static void
use_other_clicked_cb (PatellaJournalPage *self)
{
  PatellaJournalFields fields = self->conflicts;
  g_autoptr(PatellaJournalEntry) other = g_steal_pointer (&self->other);

  hide_conflict (self);
  if (other == NULL || self->edit == NULL)
    return;

  show_fields (self, other, fields & ~PATELLA_JOURNAL_FIELD_SYMPTOMS);

  if (fields & PATELLA_JOURNAL_FIELD_REST)
    patella_journal_edit_set_pain_rest (self->edit, patella_journal_entry_get_pain_rest (other));
  if (fields & PATELLA_JOURNAL_FIELD_ACTIVITY)
    patella_journal_edit_set_pain_activity (self->edit,
                                            patella_journal_entry_get_pain_activity (other));
  if (fields & PATELLA_JOURNAL_FIELD_MORNING)
    patella_journal_edit_set_pain_morning (self->edit,
                                           patella_journal_entry_get_pain_morning (other));
  if (fields & PATELLA_JOURNAL_FIELD_NOTE)
    patella_journal_edit_set_note (self->edit, patella_journal_entry_get_note (other));
  if (fields & PATELLA_JOURNAL_FIELD_SYMPTOMS)
    for (guint i = 0; i < self->symptom_toggles->len; i++)
      {
        const char *code = patella_symptom_get_codes ()[i];
        gboolean on = patella_journal_entry_has_symptom (other, code);

        self->loading = TRUE;
        gtk_check_button_set_active (g_ptr_array_index (self->symptom_toggles, i), on);
        self->loading = FALSE;
        patella_journal_edit_set_symptom (self->edit, code, on);
      }

  editor_changed (self);
}

static void
model_items_changed_cb (PatellaJournalPage *self)
{
  update_history_state (self);
}

/* The day's first field: the pain at rest, or its switch while unrated. */
static void
focus_first_field (PatellaJournalPage *self)
{
  if (gtk_switch_get_active (self->rest_switch))
    gtk_widget_grab_focus (GTK_WIDGET (self->rest_scale));
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->rest_switch));
}

static void
rest_changed_cb (PatellaJournalPage *self)
{
  if (!self->loading && self->edit != NULL)
    patella_journal_edit_set_pain_rest (self->edit,
                                        gtk_switch_get_active (self->rest_switch) ?
                                        scale_value (self->rest_scale) : PATELLA_PAIN_NONE);
  editor_changed (self);
}

static void
activity_changed_cb (PatellaJournalPage *self)
{
  if (!self->loading && self->edit != NULL)
    patella_journal_edit_set_pain_activity (self->edit,
                                            gtk_switch_get_active (self->activity_switch) ?
                                            scale_value (self->activity_scale) :
                                            PATELLA_PAIN_NONE);
  editor_changed (self);
}

static void
morning_changed_cb (PatellaJournalPage *self)
{
  if (!self->loading && self->edit != NULL)
    patella_journal_edit_set_pain_morning (self->edit,
                                           gtk_switch_get_active (self->morning_switch) ?
                                           scale_value (self->morning_scale) :
                                           PATELLA_PAIN_NONE);
  editor_changed (self);
}

static void
symptom_toggled_cb (GtkCheckButton     *toggle,
                    PatellaJournalPage *self)
{
  if (!self->loading && self->edit != NULL)
    patella_journal_edit_set_symptom (self->edit, g_object_get_data (G_OBJECT (toggle), "code"),
                                      gtk_check_button_get_active (toggle));
  editor_changed (self);
}

static void
note_changed_cb (PatellaJournalPage *self)
{
  if (!self->loading && self->edit != NULL)
    {
      g_autofree char *note = get_note (self);

      patella_journal_edit_set_note (self->edit, note);
    }
  editor_changed (self);
}

/* Keeps the note within PATELLA_NOTE_MAX_CHARS: what does not fit is not inserted. */
static void
note_insert_text_cb (GtkTextBuffer      *buffer,
                     GtkTextIter        *location,
                     const char         *text,
                     int                 length,
                     PatellaJournalPage *self)
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

static void
range_toggled_cb (PatellaJournalPage *self,
                  GtkToggleButton    *button)
{
  if (gtk_toggle_button_get_active (button))
    refresh_chart (self);
}

static void
search_changed_cb (PatellaJournalPage *self)
{
  if (self->model == NULL)
    return;

  patella_journal_model_set_search (self->model,
                                    gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  update_history_state (self);
}

static void
history_activated_cb (PatellaJournalPage *self,
                      guint               position)
{
  g_autoptr(PatellaJournalEntry) entry = NULL;

  entry = g_list_model_get_item (G_LIST_MODEL (self->model), position);
  if (entry == NULL)
    return;

  /* A double click comes here twice. */
  if (g_strcmp0 (self->day, patella_journal_entry_get_day (entry)) != 0)
    load_day (self, patella_journal_entry_get_day (entry));
  adw_leaflet_set_visible_child_name (self->leaflet, "editor");

  /* The day's first field, not whatever comes first in the editor (the
   * Delete button): Enter once more must not delete the day. */
  focus_first_field (self);
}

/* One click opens a day. Not through GtkListView:single-click-activate:
 * with it, GTK 4.8 selects whatever row the pointer enters, also while the
 * list unmaps a row scrolled out of view during its allocation, and then
 * frees that row in the middle of unmapping it (a crash seen under load,
 * in gtk_widget_real_unmap). Keys and double clicks activate as in any
 * list view; this gesture on the whole list handles the single click, on a
 * row's padding and separator too. */
#define HISTORY_ROW_GAP 6

static void
history_released_cb (GtkGestureClick    *gesture,
                     int                 n_press,
                     double              x,
                     double              y,
                     PatellaJournalPage *self)
{
  GtkWidget *view = GTK_WIDGET (self->history_view);
  GtkWidget *item_widget = NULL;
  GtkListItem *item;

  if (n_press != 1)
    return;

  /* The list's own child under the pointer holds the row. */
  for (GtkWidget *widget = gtk_widget_pick (view, x, y, GTK_PICK_DEFAULT);
       widget != NULL && widget != view;
       widget = gtk_widget_get_parent (widget))
    item_widget = widget;

  /* Between two rows (the sidebar style spaces them), below the separator
   * of the one above: the one below. */
  for (GtkWidget *child = gtk_widget_get_first_child (view);
       item_widget == NULL && child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      graphene_rect_t bounds;

      if (gtk_widget_get_mapped (child) &&
          gtk_widget_compute_bounds (child, view, &bounds) &&
          y < bounds.origin.y && y >= bounds.origin.y - HISTORY_ROW_GAP)
        item_widget = child;
    }

  if (item_widget == NULL || gtk_widget_get_first_child (item_widget) == NULL)
    return;

  item = g_object_get_data (G_OBJECT (gtk_widget_get_first_child (item_widget)),
                            "patella-list-item");
  if (item != NULL)
    history_activated_cb (self, gtk_list_item_get_position (item));
}

static void
row_setup_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item)
{
  GtkWidget *row = patella_journal_row_new ();

  g_object_set_data (G_OBJECT (row), "patella-list-item", item);
  gtk_list_item_set_child (item, row);
}

static void
row_bind_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item)
{
  patella_journal_row_set_entry (PATELLA_JOURNAL_ROW (gtk_list_item_get_child (item)),
                                 gtk_list_item_get_item (item));
}

static void
row_unbind_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item)
{
  patella_journal_row_set_entry (PATELLA_JOURNAL_ROW (gtk_list_item_get_child (item)), NULL);
}

/* What the user typed, for the clipboard when it cannot be saved. */
static char *
describe_unsaved (PatellaJournalPage *self)
{
  g_autofree char *note = get_note (self);
  g_autofree char *date = patella_journal_format_day (self->day, FALSE);

  if (!gtk_switch_get_active (self->rest_switch))
    /* Translators: the day, then the note; the dash is a rating not given */
    return g_strdup_printf (_("%s — pain at rest –\n%s"), date, note);

  /* Translators: the day, then the pain ratings, then the note */
  return g_strdup_printf (_("%s — pain at rest %d/10\n%s"), date, scale_value (self->rest_scale),
                          note);
}

static void
unsaved_response_cb (AdwMessageDialog   *dialog,
                     const char         *response,
                     PatellaJournalPage *self)
{
  GtkWidget *window = self->window;

  if (g_str_equal (response, "copy"))
    {
      g_autofree char *text = describe_unsaved (self);

      gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), text);
      show_toast (self, adw_toast_new (_("Copied: paste it somewhere safe, then close again")));
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
window_close_request_cb (PatellaJournalPage *self)
{
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;

  /* One more try that waits a little longer for a lock to go. */
  if (self->store != NULL && patella_journal_page_has_unsaved (self))
    {
      guint busy_ms = patella_store_get_busy_timeout (self->store);
      gboolean saved;

      patella_store_set_busy_timeout (self->store, MAX (busy_ms, 2000));
      saved = patella_journal_page_save (self);
      patella_store_set_busy_timeout (self->store, busy_ms);
      if (saved)
        return FALSE;
    }
  else if (patella_journal_page_save (self))
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

static void
undo_delete_activated (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  PatellaJournalPage *self = user_data;
  g_autoptr(PatellaJournalEntry) entry = g_steal_pointer (&self->deleted);
  g_autoptr(GError) error = NULL;

  if (entry == NULL || self->store == NULL)
    return;

  if (!patella_journal_put (self->store, entry, &error))
    {
      show_toast (self, adw_toast_new (error->message));
      return;
    }

  if (g_strcmp0 (self->day, patella_journal_entry_get_day (entry)) == 0)
    load_day (self, self->day);
}

/* The journal is hidden while the welcome page is shown at start-up (see
 * patella_journal_page_set_store()). */
static void
show_journal (PatellaJournalPage *self)
{
  gtk_widget_set_visible (gtk_stack_get_child_by_name (self->stack, "journal"), TRUE);
  gtk_stack_set_visible_child_name (self->stack, "journal");
}

/* Actions */

static void
start_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  PatellaJournalPage *self = PATELLA_JOURNAL_PAGE (widget);

  show_journal (self);
  adw_leaflet_set_visible_child_name (self->leaflet, "editor");
  focus_first_field (self);
}

/* Any day up to today can be written, or rated the next morning, from the
 * calendar beside the day's title. */
static void
day_picked_cb (const char *day,
               gpointer    user_data)
{
  PatellaJournalPage *self = user_data;
  g_autofree char *today = get_today (self);

  if (self->store == NULL)
    return;

  if (g_strcmp0 (day, today) > 0)
    {
      show_toast (self, adw_toast_new (_("That day has not come yet; choose today or a day before")));
      return;
    }

  load_day (self, day);
  adw_leaflet_set_visible_child_name (self->leaflet, "editor");
}

static void
today_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  PatellaJournalPage *self = PATELLA_JOURNAL_PAGE (widget);
  g_autofree char *today = NULL;

  if (self->store == NULL)
    return;

  today = get_today (self);
  load_day (self, today);
}

/* A day asked for from elsewhere: the morning check-in's. */
static void
open_day_activated (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  PatellaJournalPage *self = PATELLA_JOURNAL_PAGE (widget);
  g_autofree char *day = NULL;

  if (self->store == NULL ||
      !patella_journal_check_day (self->store, g_variant_get_string (parameter, NULL), &day, NULL))
    return;

  load_day (self, day);
}

static void
delete_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  PatellaJournalPage *self = PATELLA_JOURNAL_PAGE (widget);
  g_autoptr(PatellaJournalEntry) entry = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *date = NULL;
  g_autofree char *title = NULL;
  AdwToast *toast;

  if (self->store == NULL || !self->has_entry)
    return;

  /* What is deleted, and brought back by Undo, is what the editor shows. */
  patella_journal_page_save (self);
  entry = patella_journal_get (self->store, self->day, &error);
  if (entry == NULL || !patella_journal_delete (self->store, self->day, &error))
    {
      if (error != NULL)
        show_toast (self, adw_toast_new (error->message));
      return;
    }

  g_set_object (&self->deleted, entry);
  load_day (self, self->day);

  date = patella_journal_format_day (patella_journal_entry_get_day (entry), FALSE);
  title = g_strdup_printf (_("Entry for %s deleted"), date);
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "journal-page.undo-delete");
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  show_toast (self, toast);
}

static void
show_history_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  adw_leaflet_set_visible_child_name (PATELLA_JOURNAL_PAGE (widget)->leaflet, "history");
}

static void
show_editor_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  adw_leaflet_set_visible_child_name (PATELLA_JOURNAL_PAGE (widget)->leaflet, "editor");
}

static void
search_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  PatellaJournalPage *self = PATELLA_JOURNAL_PAGE (widget);

  show_journal (self);
  adw_leaflet_set_visible_child_name (self->leaflet, "history");
  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* Overrides */

static void
patella_journal_page_root (GtkWidget *widget)
{
  PatellaJournalPage *self = PATELLA_JOURNAL_PAGE (widget);
  GtkRoot *root;

  GTK_WIDGET_CLASS (patella_journal_page_parent_class)->root (widget);

  root = gtk_widget_get_root (widget);
  if (!GTK_IS_WINDOW (root))
    return;

  self->window = GTK_WIDGET (root);
  self->close_request_id = g_signal_connect_swapped (root, "close-request",
                                                     G_CALLBACK (window_close_request_cb), self);
  /* The toast's Undo button looks for its action from the window down. */
  gtk_widget_insert_action_group (self->window, "journal-page",
                                  G_ACTION_GROUP (self->window_actions));
}

static void
patella_journal_page_unroot (GtkWidget *widget)
{
  PatellaJournalPage *self = PATELLA_JOURNAL_PAGE (widget);

  patella_journal_page_save (self);

  if (self->window != NULL)
    {
      g_clear_signal_handler (&self->close_request_id, self->window);
      gtk_widget_insert_action_group (self->window, "journal-page", NULL);
      self->window = NULL;
    }

  GTK_WIDGET_CLASS (patella_journal_page_parent_class)->unroot (widget);
}

static void
disconnect_store (PatellaJournalPage *self)
{
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_func (self->store, store_changed_cb, self);
  if (self->insights_view != NULL)
    patella_insights_view_set_store (PATELLA_INSIGHTS_VIEW (self->insights_view), NULL);
  if (self->model != NULL)
    g_signal_handlers_disconnect_by_func (self->model, model_items_changed_cb, self);

  gtk_list_view_set_model (self->history_view, NULL);
  g_clear_object (&self->history_slice);
  g_clear_object (&self->model);
  g_clear_object (&self->store);
  g_clear_object (&self->deleted);
}

/* The recovery plan's Today card, at the top of the editor. */
static void
ensure_today_card (PatellaJournalPage *self)
{
  if (self->today_card != NULL || self->store == NULL)
    return;

  self->today_card = patella_today_card_new (self->store);
  gtk_box_prepend (GTK_BOX (gtk_widget_get_parent (GTK_WIDGET (self->advice_group))),
                   self->today_card);
}

/* What waits for the frames after the first: the editor's sections below
 * the fold at the default window size (symptoms, notes, trend; in a taller
 * window they show a frame late), then the rest of the history. Hiding the
 * sections from the first frame saves about 3 % of its instructions; doing
 * the two in separate frames keeps 2 MiB off the resident memory, which
 * grows with the most work done in one frame. */
static gboolean
after_first_frame_cb (GtkWidget     *widget,
                      GdkFrameClock *frame_clock,
                      gpointer       data)
{
  PatellaJournalPage *self = data;

  /* The first tick comes before the first frame is painted. */
  self->first_frame_ticks++;
  if (self->first_frame_ticks == 1)
    return G_SOURCE_CONTINUE;
  if (self->first_frame_ticks == 2)
    {
      gtk_widget_set_visible (self->lower_box, TRUE);
      /* The insights (patella-insights-view.c) go below the editor. */
      if (self->insights_view == NULL)
        {
          self->insights_view = patella_insights_view_new (NULL);
          gtk_box_append (GTK_BOX (self->lower_box), self->insights_view);
        }
      patella_insights_view_set_store (PATELLA_INSIGHTS_VIEW (self->insights_view), self->store);
      return G_SOURCE_CONTINUE;
    }

  self->first_frame_tick_id = 0;
  if (self->history_slice != NULL)
    gtk_slice_list_model_set_size (self->history_slice, G_MAXUINT);
  ensure_today_card (self);
  return G_SOURCE_REMOVE;
}

static void
wait_for_first_frame (PatellaJournalPage *self)
{
  self->first_frame_ticks = 0;
  if (self->first_frame_tick_id == 0)
    self->first_frame_tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self),
                                                              after_first_frame_cb, self, NULL);
}

static void
patella_journal_page_dispose (GObject *object)
{
  PatellaJournalPage *self = (PatellaJournalPage *)object;

  /* Nothing typed is lost, however the page goes away. */
  patella_journal_page_save (self);
  g_clear_handle_id (&self->save_source, g_source_remove);
  g_clear_handle_id (&self->anchor_source, g_source_remove);
  g_clear_weak_pointer (&self->anchor);
  g_clear_handle_id (&self->retry_source, g_source_remove);
  g_clear_pointer (&self->edit, patella_journal_edit_free);
  g_clear_pointer (&self->pending, g_ptr_array_unref);
  g_clear_object (&self->other);

  if (self->history_view != NULL)
    disconnect_store (self);
  g_clear_pointer (&self->advice_rows, g_ptr_array_unref);
  g_clear_pointer (&self->symptom_toggles, g_ptr_array_unref);
  g_clear_object (&self->window_actions);
  if (self->first_frame_tick_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->first_frame_tick_id);
  self->first_frame_tick_id = 0;

  gtk_widget_dispose_template (GTK_WIDGET (self), PATELLA_TYPE_JOURNAL_PAGE);

  g_clear_object (&PATELLA_JOURNAL_PAGE (object)->context);

  G_OBJECT_CLASS (patella_journal_page_parent_class)->dispose (object);
}

static void
patella_journal_page_finalize (GObject *object)
{
  PatellaJournalPage *self = (PatellaJournalPage *)object;

  g_free (self->day);

  G_OBJECT_CLASS (patella_journal_page_parent_class)->finalize (object);
}

static void
patella_journal_page_class_init (PatellaJournalPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = patella_journal_page_dispose;
  object_class->constructed = patella_journal_page_constructed;
  object_class->get_property = patella_journal_page_get_property;
  object_class->set_property = patella_journal_page_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, PATELLA_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  object_class->finalize = patella_journal_page_finalize;
  widget_class->root = patella_journal_page_root;
  widget_class->unroot = patella_journal_page_unroot;

  g_type_ensure (PATELLA_TYPE_PAIN_CHART);
  g_type_ensure (PATELLA_TYPE_WRAP_BIN);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/patella/Patella/ui/patella-journal-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PatellaJournalPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, PatellaJournalPage, day_title);
  gtk_widget_class_bind_template_child (widget_class, PatellaJournalPage, save_label);
  gtk_widget_class_bind_template_child (widget_class, PatellaJournalPage, conflict_box);
  gtk_widget_class_bind_template_child (widget_class, PatellaJournalPage, conflict_label);
  gtk_widget_class_bind_template_callback (widget_class, keep_mine_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, use_other_clicked_cb);
  gtk_widget_class_bind_template_child (widget_class, PatellaJournalPage, today_button);
  gtk_widget_class_bind_template_child (widget_class, PatellaJournalPage, advice_group);
  gtk_widget_class_bind_template_child (widget_class, PatellaJournalPage, editor_scroller);
  gtk_widget_class_bind_template_child (widget_class, PatellaJournalPage, urgent_banner);
  gtk_widget_class_bind_template_child (widget_class, PatellaJournalPage, rest_meaning);
  gtk_widget_class_bind_template_child (widget_class, PatellaJournalPage, activity_meaning);
  gtk_widget_class_bind_template_child (widget_class, PatellaJournalPage, morning_meaning);
  gtk_widget_class_bind_template_child (widget_class, PatellaJournalPage, rest_scale);
  gtk_widget_class_bind_template_child (widget_class, PatellaJournalPage, activity_scale);
  gtk_widget_class_bind_template_child (widget_class, PatellaJournalPage, morning_scale);
  gtk_widget_class_bind_template_child (widget_class, PatellaJournalPage, rest_switch);
  gtk_widget_class_bind_template_child (widget_class, PatellaJournalPage, activity_switch);
  gtk_widget_class_bind_template_child (widget_class, PatellaJournalPage, morning_switch);
  gtk_widget_class_bind_template_child (widget_class, PatellaJournalPage, lower_box);
  gtk_widget_class_bind_template_child (widget_class, PatellaJournalPage, symptoms_box);
  gtk_widget_class_bind_template_child (widget_class, PatellaJournalPage, note_view);
  gtk_widget_class_bind_template_child (widget_class, PatellaJournalPage, note_counter);
  gtk_widget_class_bind_template_child (widget_class, PatellaJournalPage, range_30);
  gtk_widget_class_bind_template_child (widget_class, PatellaJournalPage, range_90);
  gtk_widget_class_bind_template_child (widget_class, PatellaJournalPage, range_365);
  gtk_widget_class_bind_template_child (widget_class, PatellaJournalPage, chart);
  gtk_widget_class_bind_template_child (widget_class, PatellaJournalPage, legend_label);
  gtk_widget_class_bind_template_child (widget_class, PatellaJournalPage, disclaimer_label);
  gtk_widget_class_bind_template_child (widget_class, PatellaJournalPage, search_bar);
  gtk_widget_class_bind_template_child (widget_class, PatellaJournalPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, PatellaJournalPage, history_stack);
  gtk_widget_class_bind_template_child (widget_class, PatellaJournalPage, history_view);

  gtk_widget_class_install_action (widget_class, "journal.start", NULL, start_activated);
  gtk_widget_class_install_action (widget_class, "journal.today", NULL, today_activated);
  gtk_widget_class_install_action (widget_class, "journal.open-day", "s", open_day_activated);
  gtk_widget_class_install_action (widget_class, "journal.delete", NULL, delete_activated);
  gtk_widget_class_install_action (widget_class, "journal.show-history", NULL,
                                   show_history_activated);
  gtk_widget_class_install_action (widget_class, "journal.show-editor", NULL,
                                   show_editor_activated);
  gtk_widget_class_install_action (widget_class, "journal.search", NULL, search_activated);
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

static void
set_up_symptoms (PatellaJournalPage *self)
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

static void
set_up_legend (PatellaJournalPage *self)
{
  g_autofree char *legend = NULL;

  legend = g_markup_printf_escaped ("<span foreground=\"#3685e3\">━</span> %s    "
                                    "<span foreground=\"#e66100\">■</span> %s    "
                                    "▲ %s    "
                                    "<span foreground=\"#21b3cc\">●</span> %s",
                                    _("Pain at rest"), _("During activity"), _("Run"),
                                    _("Icing"));
  gtk_label_set_markup (self->legend_label, legend);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->legend_label),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Legend: the line is pain at rest, squares pain during "
                                    "activity, triangles runs, dots icing sessions"),
                                  -1);
}

static void
patella_journal_page_init (PatellaJournalPage *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  GtkTextBuffer *buffer;
  GtkGesture *click;
  static const GActionEntry window_entries[] = {
    { "undo-delete", undo_delete_activated },
  };

  gtk_widget_init_template (GTK_WIDGET (self));

  /* Not a bound template child: AdwBin unparents its child itself, after
   * gtk_widget_dispose_template() would have dropped a bound one. */
  self->stack = GTK_STACK (adw_bin_get_child (ADW_BIN (self)));
  self->advice_rows = g_ptr_array_new ();
  self->pending = g_ptr_array_new_with_free_func ((GDestroyNotify) patella_journal_edit_free);
  self->window_actions = g_simple_action_group_new ();
  g_action_map_add_action_entries (G_ACTION_MAP (self->window_actions), window_entries,
                                   G_N_ELEMENTS (window_entries), self);

  set_up_scale (self->rest_scale);
  set_up_scale (self->activity_scale);
  set_up_scale (self->morning_scale);
  g_object_bind_property (self->rest_switch, "active", self->rest_scale, "sensitive",
                          G_BINDING_SYNC_CREATE);
  g_object_bind_property (self->activity_switch, "active", self->activity_scale, "sensitive",
                          G_BINDING_SYNC_CREATE);
  g_object_bind_property (self->morning_switch, "active", self->morning_scale, "sensitive",
                          G_BINDING_SYNC_CREATE);
  g_signal_connect_swapped (self->rest_scale, "value-changed", G_CALLBACK (rest_changed_cb), self);
  g_signal_connect_swapped (self->activity_scale, "value-changed",
                            G_CALLBACK (activity_changed_cb), self);
  g_signal_connect_swapped (self->morning_scale, "value-changed", G_CALLBACK (morning_changed_cb),
                            self);
  g_signal_connect_swapped (self->rest_switch, "notify::active", G_CALLBACK (rest_changed_cb),
                            self);
  g_signal_connect_swapped (self->activity_switch, "notify::active",
                            G_CALLBACK (activity_changed_cb), self);
  g_signal_connect_swapped (self->morning_switch, "notify::active",
                            G_CALLBACK (morning_changed_cb), self);

  set_up_symptoms (self);

  buffer = gtk_text_view_get_buffer (self->note_view);
  g_signal_connect (buffer, "insert-text", G_CALLBACK (note_insert_text_cb), self);
  g_signal_connect_swapped (buffer, "changed", G_CALLBACK (note_changed_cb), self);

  g_signal_connect_swapped (self->range_30, "toggled", G_CALLBACK (range_toggled_cb), self);
  g_signal_connect_swapped (self->range_90, "toggled", G_CALLBACK (range_toggled_cb), self);
  g_signal_connect_swapped (self->range_365, "toggled", G_CALLBACK (range_toggled_cb), self);

  g_signal_connect_swapped (self->search_entry, "search-changed", G_CALLBACK (search_changed_cb),
                            self);
  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));

  g_signal_connect (factory, "setup", G_CALLBACK (row_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (row_bind_cb), NULL);
  g_signal_connect (factory, "unbind", G_CALLBACK (row_unbind_cb), NULL);
  gtk_list_view_set_factory (self->history_view, factory);
  g_signal_connect_swapped (self->history_view, "activate", G_CALLBACK (history_activated_cb),
                            self);
  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect (click, "released", G_CALLBACK (history_released_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->history_view), GTK_EVENT_CONTROLLER (click));
  patella_accessible_one_tab_stop (GTK_WIDGET (self->history_view));
  self->day_picker = patella_date_picker_new (day_picked_cb, self);
  gtk_widget_set_tooltip_text (self->day_picker, _("Write Another Day"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->day_picker),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Write Another Day"), -1);
  gtk_box_insert_child_after (GTK_BOX (gtk_widget_get_parent (self->today_button)),
                              self->day_picker, self->today_button);
  self->column_margin = gtk_widget_get_margin_bottom (editor_column (self));
  g_signal_connect_object (gtk_scrolled_window_get_vadjustment (self->editor_scroller), "changed",
                           G_CALLBACK (editor_adjustment_changed_cb), self, 0);

  set_up_legend (self);
  gtk_label_set_text (self->disclaimer_label, patella_advice_get_disclaimer ());
  update_meanings (self);
  update_note_counter (self);
  update_actions (self);
  wait_for_first_frame (self);
}

/* GTK 4.8's list view keeps rows for about 200 items around what it shows;
 * building them all before the first frame was a third of the start-up of a
 * window with a journal. The first frame gets a screenful, the whole history
 * comes a frame later (tests/bench). A screenful is the window's height, or
 * the tallest monitor's when the window fills one, less the header bar and
 * the history's own header, in rows of the shortest kind: 49 px at the
 * default font size (two lines of text and 14 px of margins; a row with a
 * note is 65 px). Text grows with the font resolution (GtkSettings's
 * gtk-xft-dpi, which large text raises). Each row more costs about 0.4 % of
 * the instructions to the first frame; a row too few would leave the bottom
 * of the list empty for one frame. */
#define HISTORY_CHROME_HEIGHT    94
#define HISTORY_ROW_MARGINS      14
#define HISTORY_ROW_TEXT_HEIGHT  35
#define HISTORY_FALLBACK_ROWS    40

static guint
history_first_rows (PatellaJournalPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  int dpi = -1;
  int width;
  int height = -1;
  double row;

  if (!GTK_IS_WINDOW (root))
    return HISTORY_FALLBACK_ROWS;

  if (gtk_window_is_maximized (GTK_WINDOW (root)) ||
      gtk_window_is_fullscreen (GTK_WINDOW (root)))
    {
      GListModel *monitors = gdk_display_get_monitors (gtk_widget_get_display (GTK_WIDGET (root)));

      for (guint i = 0; i < g_list_model_get_n_items (monitors); i++)
        {
          g_autoptr(GdkMonitor) monitor = g_list_model_get_item (monitors, i);
          GdkRectangle geometry;

          gdk_monitor_get_geometry (monitor, &geometry);
          height = MAX (height, geometry.height);
        }
    }
  else
    {
      gtk_window_get_default_size (GTK_WINDOW (root), &width, &height);
    }

  if (height <= 0)
    return HISTORY_FALLBACK_ROWS;

  /* In 1024ths of a dot per inch; -1 is the default, 96. */
  g_object_get (gtk_widget_get_settings (GTK_WIDGET (self)), "gtk-xft-dpi", &dpi, NULL);
  row = HISTORY_ROW_MARGINS + HISTORY_ROW_TEXT_HEIGHT * (dpi > 0 ? dpi / 1024.0 / 96.0 : 1.0);

  return (guint) (MAX (height - HISTORY_CHROME_HEIGHT, 0) / row) + 1;
}

void
patella_journal_page_set_store (PatellaJournalPage *self,
                               PatellaStore       *store)
{
  g_autoptr(GtkNoSelection) selection = NULL;
  g_autofree char *today = NULL;
  gboolean has_entries;

  g_return_if_fail (PATELLA_IS_JOURNAL_PAGE (self));
  g_return_if_fail (store == NULL || PATELLA_IS_STORE (store));

  if (store == self->store)
    return;

  patella_journal_page_save (self);
  disconnect_store (self);
  clear_advice (self);
  if (self->today_card != NULL)
    patella_today_card_set_store (PATELLA_TODAY_CARD (self->today_card), store);

  if (store == NULL)
    return;

  self->store = g_object_ref (store);
  self->model = patella_journal_model_new (store);
  self->history_slice = gtk_slice_list_model_new (G_LIST_MODEL (g_object_ref (self->model)), 0,
                                                  history_first_rows (self));
  selection = gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->history_slice)));
  gtk_list_view_set_model (self->history_view, GTK_SELECTION_MODEL (selection));
  wait_for_first_frame (self);
  g_signal_connect_swapped (self->model, "items-changed", G_CALLBACK (model_items_changed_cb), self);
  g_signal_connect_swapped (store, "changed", G_CALLBACK (store_changed_cb), self);
  patella_journal_model_set_search (self->model,
                                    gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));

  today = get_today (self);
  load_day (self, today);
  refresh_chart (self);
  update_history_state (self);

  /* A first-time user is welcomed; anyone with a journal goes straight to it.
   * The welcome page is hidden then: measured, its large icon would be
   * rendered from SVG, which loads librsvg (about 7 MiB) at start-up. And
   * the journal is hidden behind the welcome page, so that its editor and
   * history are not measured and laid out for nothing. */
  has_entries = has_content (self);
  gtk_widget_set_visible (gtk_stack_get_child_by_name (self->stack, "welcome"), !has_entries);
  gtk_widget_set_visible (gtk_stack_get_child_by_name (self->stack, "journal"), has_entries);
  gtk_stack_set_visible_child_name (self->stack, has_entries ? "journal" : "welcome");
}

/**
 * patella_journal_page_get_model:
 *
 * Returns: (transfer none) (nullable): the history's list model
 */
PatellaJournalModel *
patella_journal_page_get_model (PatellaJournalPage *self)
{
  g_return_val_if_fail (PATELLA_IS_JOURNAL_PAGE (self), NULL);

  return self->model;
}

/**
 * patella_journal_page_get_day:
 *
 * Returns: (transfer none) (nullable): the day the editor shows
 */
const char *
patella_journal_page_get_day (PatellaJournalPage *self)
{
  g_return_val_if_fail (PATELLA_IS_JOURNAL_PAGE (self), NULL);

  return self->day;
}

GtkWidget *
patella_journal_page_new (PatellaContext *context)
{
  g_return_val_if_fail (PATELLA_IS_CONTEXT (context), NULL);

  return g_object_new (PATELLA_TYPE_JOURNAL_PAGE, "context", context, NULL);
}
