/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>

#include "patella-application.h"
#include "patella-journal.h"
#include "patella-journal-editor.h"
#include "patella-journal-form.h"
#include "patella-journal-history.h"
#include "patella-journal-page.h"
#include "patella-journal-row.h"
#include "patella-pain-chart.h"
#include "patella-pickers.h"
#include "patella-window.h"
#include "patella-test-db.h"
#include "patella-test-gui.h"
#include "patella-test-journal.h"

/* The journal used by keyboard alone: each key goes where GTK sends a key
 * press, to the focused widget of the window (or of the popover open in
 * it), through the event controllers and key bindings on the way, as
 * GTK's own dispatch does; nothing here calls the widget that should
 * react. Not real X key events: the GUI tests share one X server, and a
 * key typed there goes to whichever test's window has the input focus.
 * The test runs alone (tests/meson.build): GTK moves the focus differently
 * in a window that has just lost the X focus to another test's window. */

typedef PatellaAppFixture Fixture;

static PatellaApplication *test_app;


/* Keys */

static GtkWidget *
focus_of (GtkWidget *window)
{
  return gtk_root_get_focus (GTK_ROOT (window));
}

static gboolean
trigger_matches (GtkShortcutTrigger *trigger,
                 guint               keyval,
                 GdkModifierType     state)
{
  GdkModifierType mask = GDK_CONTROL_MASK | GDK_SHIFT_MASK | GDK_ALT_MASK | GDK_SUPER_MASK;

  if (GTK_IS_ALTERNATIVE_TRIGGER (trigger))
    return trigger_matches (gtk_alternative_trigger_get_first (GTK_ALTERNATIVE_TRIGGER (trigger)),
                            keyval, state) ||
           trigger_matches (gtk_alternative_trigger_get_second (GTK_ALTERNATIVE_TRIGGER (trigger)),
                            keyval, state);

  if (!GTK_IS_KEYVAL_TRIGGER (trigger))
    return FALSE;

  return gdk_keyval_to_lower (gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger))) ==
         gdk_keyval_to_lower (keyval) &&
         (gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) & mask) == (state & mask);
}

/* What one controller of @widget does with the key; TRUE if it took it. */
static gboolean
controller_takes_key (GtkEventController *controller,
                      GtkWidget          *widget,
                      guint               keyval,
                      GdkModifierType     state)
{
  gboolean handled = FALSE;

  if (!gtk_widget_is_sensitive (widget))
    return FALSE;

  if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
    {
      g_signal_emit_by_name (controller, "key-pressed", keyval, 0, state, &handled);
      if (handled)
        g_signal_emit_by_name (controller, "key-released", keyval, 0, state);
      return handled;
    }

  if (GTK_IS_SHORTCUT_CONTROLLER (controller))
    {
      GListModel *shortcuts = G_LIST_MODEL (controller);

      for (guint i = 0; i < g_list_model_get_n_items (shortcuts); i++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (shortcuts, i);

          if (trigger_matches (gtk_shortcut_get_trigger (shortcut), keyval, state) &&
              gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0, widget,
                                            gtk_shortcut_get_arguments (shortcut)))
            return TRUE;
        }
    }

  return FALSE;
}

static gboolean
phase_takes_key (GtkWidget           *widget,
                 GtkPropagationPhase  phase,
                 guint                keyval,
                 GdkModifierType      state)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (gtk_event_controller_get_propagation_phase (controller) == phase &&
          controller_takes_key (controller, widget, keyval, state))
        return TRUE;
    }

  return FALSE;
}

static void
frame_painted_cb (GdkFrameClock *clock,
                  gpointer       data)
{
  *(gboolean *) data = TRUE;
}

static gboolean
frame_timeout_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Lets @widget's surface lay out and paint what changed, as the screen does
 * before a person types the next key: GTK moves the focus by where widgets
 * are on screen, and a widget not laid out yet has no place. */
static void
wait_for_frame (GtkWidget *widget)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);
  gboolean painted = FALSE;
  gboolean timed_out = FALSE;
  gulong handler;
  guint timeout;

  if (clock == NULL)
    return;

  handler = g_signal_connect (clock, "after-paint", G_CALLBACK (frame_painted_cb), &painted);
  timeout = g_timeout_add (1000, frame_timeout_cb, &timed_out);
  gtk_widget_queue_draw (widget);
  while (!painted && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (clock, handler);
  if (!timed_out)
    g_source_remove (timeout);
}

/* A key pressed with @state held, typed into @window: to its focused
 * widget, down from the window, or the popover open in it, that holds it
 * (the capture phase), then back up (the target and bubble phases), as GTK
 * delivers a key press. */
static void
press_key (GtkWidget       *window,
           guint            keyval,
           GdkModifierType  state)
{
  GtkWidget *focus = focus_of (window);
  GtkWidget *top = focus != NULL ? GTK_WIDGET (gtk_widget_get_native (focus)) : window;
  g_autoptr(GPtrArray) path = g_ptr_array_new ();

  /* A key shows where the focus is, as in GTK. */
  gtk_window_set_focus_visible (GTK_WINDOW (window), TRUE);
  wait_for_frame (top);

  for (GtkWidget *w = focus != NULL ? focus : window; w != NULL; w = gtk_widget_get_parent (w))
    {
      g_ptr_array_insert (path, 0, w);
      if (w == top)
        break;
    }

  for (guint i = 0; i < path->len; i++)
    if (phase_takes_key (g_ptr_array_index (path, i), GTK_PHASE_CAPTURE, keyval, state))
      goto done;

  for (guint i = path->len; i > 0; i--)
    {
      GtkWidget *w = g_ptr_array_index (path, i - 1);

      if ((i == path->len && phase_takes_key (w, GTK_PHASE_TARGET, keyval, state)) ||
          phase_takes_key (w, GTK_PHASE_BUBBLE, keyval, state))
        goto done;
    }

done:
  flush_events ();
}

static void
press (GtkWidget *window,
       guint      keyval)
{
  press_key (window, keyval, 0);
}

static char *
describe (GtkWidget *widget)
{
  if (widget == NULL)
    return g_strdup ("nothing");

  if (GTK_IS_CHECK_BUTTON (widget) && gtk_check_button_get_label (GTK_CHECK_BUTTON (widget)))
    return g_strdup_printf ("%s '%s'", G_OBJECT_TYPE_NAME (widget),
                            gtk_check_button_get_label (GTK_CHECK_BUTTON (widget)));

  return g_strdup (G_OBJECT_TYPE_NAME (widget));
}

/* @window's keyboard focus is on @expected (in a popover, if one is open). */
#define assert_focus(window, expected) \
  G_STMT_START { \
    GtkWidget *focus_ = focus_of (window); \
    if (focus_ != (GtkWidget *) (expected)) \
      { \
        g_autofree char *had_ = describe (focus_); \
        g_autofree char *wanted_ = describe ((GtkWidget *) (expected)); \
        g_test_message ("focus on %s, expected %s", had_, wanted_); \
      } \
    g_assert_true (focus_ == (GtkWidget *) (expected)); \
  } G_STMT_END

/* The journal */

static PatellaJournalPage *
get_page (PatellaWindow *window)
{
  return PATELLA_JOURNAL_PAGE (find_by_type (GTK_WIDGET (window), PATELLA_TYPE_JOURNAL_PAGE));
}

/* The editor is whole and laid out: Tab follows what is on screen, so a
 * key is typed once the window shows its fields where they stay. */
static gboolean
editor_laid_out (gpointer data)
{
  GtkWidget *notes = find_by_label (data, GTK_TYPE_TEXT_VIEW, "Notes");
  GtkWidget *scale = find_by_label (data, GTK_TYPE_SCALE, "Pain at rest");

  return notes != NULL && gtk_widget_get_mapped (notes) &&
         gtk_widget_get_width (scale) >= 200 && gtk_widget_get_height (notes) >= 100;
}

/* A window with the journal's editor, everything below the fold built. */
static PatellaWindow *
open_journal (Fixture *fixture)
{
  PatellaWindow *window = patella_window_new (fixture->app);
  PatellaJournalPage *page;

  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 900);
  gtk_window_present (GTK_WINDOW (window));
  flush_events ();
  page = get_page (window);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "journal.start", NULL));
  g_assert_true (wait_until (editor_laid_out, page, 3000));
  return window;
}

/* A rating switched on by Space: Tab goes on to its slider, then to the
 * next rating's switch, as they read. */
static void
test_tab_from_switch_to_slider (Fixture       *fixture,
                                gconstpointer  data)
{
  PatellaWindow *window = open_journal (fixture);
  GtkWidget *win = GTK_WIDGET (window);
  GtkWidget *page = GTK_WIDGET (get_page (window));
  static const char * const ratings[][2] = {
    { "Rate pain at rest", "Pain at rest" },
    { "Rate pain during activity", "Pain during activity" },
    { "Rate pain the next morning", "Pain the next morning" },
  };

  /* The day's first field has the focus: the first rating's switch. */
  assert_focus (win, get_by_label (page, GTK_TYPE_SWITCH, ratings[0][0]));

  for (guint i = 0; i < G_N_ELEMENTS (ratings); i++)
    {
      GtkWidget *rated = get_by_label (page, GTK_TYPE_SWITCH, ratings[i][0]);
      GtkWidget *scale = get_by_label (page, GTK_TYPE_SCALE, ratings[i][1]);

      assert_focus (win, rated);
      /* Tab at once, before the switch would have finished sliding. */
      press (win, GDK_KEY_space);
      press (win, GDK_KEY_Tab);
      assert_focus (win, scale);
      g_assert_true (gtk_switch_get_active (GTK_SWITCH (rated)));
      /* The slider takes the arrows. */
      press (win, GDK_KEY_Right);
      g_assert_cmpfloat (gtk_range_get_value (GTK_RANGE (scale)), ==, 1);
      press (win, GDK_KEY_Tab);
    }

  /* After the last rating: the symptoms; and back again with Shift+Tab. */
  g_assert_true (GTK_IS_CHECK_BUTTON (focus_of (win)));
  press_key (win, GDK_KEY_Tab, GDK_SHIFT_MASK);
  assert_focus (win, get_by_label (page, GTK_TYPE_SCALE, ratings[2][1]));
  press_key (win, GDK_KEY_Tab, GDK_SHIFT_MASK);
  assert_focus (win, get_by_label (page, GTK_TYPE_SWITCH, ratings[2][0]));
  press_key (win, GDK_KEY_Tab, GDK_SHIFT_MASK);
  assert_focus (win, get_by_label (page, GTK_TYPE_SCALE, ratings[1][1]));

  /* Switched off again, the slider is out of the way. */
  press_key (win, GDK_KEY_Tab, GDK_SHIFT_MASK);
  press (win, GDK_KEY_Return);
  g_assert_false (gtk_switch_get_active (get_by_label (page, GTK_TYPE_SWITCH, ratings[1][0])));
  press (win, GDK_KEY_Tab);
  assert_focus (win, get_by_label (page, GTK_TYPE_SWITCH, ratings[2][0]));
}

/* The day of the history row that has the focus, or NULL. */
static const char *
focused_day (GtkWidget *window)
{
  GtkWidget *focus = focus_of (window);
  GtkWidget *row = focus != NULL ? gtk_widget_get_first_child (focus) : NULL;
  GtkListItem *item;

  if (row == NULL || !PATELLA_IS_JOURNAL_ROW (row))
    return NULL;

  item = g_object_get_data (G_OBJECT (row), "patella-list-item");
  g_assert_nonnull (item);
  return patella_journal_entry_get_day (gtk_list_item_get_item (item));
}

static gboolean
in_history (GtkWidget *window)
{
  GtkWidget *focus = focus_of (window);

  return focus != NULL && gtk_widget_get_ancestor (focus, PATELLA_TYPE_JOURNAL_HISTORY) != NULL;
}

/* Presses Tab (or Shift+Tab) until @widget has the focus; fails the test
 * after a round of the window without it. */
static void
tab_to (GtkWidget       *window,
        GtkWidget       *widget,
        GdkModifierType  state)
{
  for (guint i = 0; i < 60 && focus_of (window) != widget; i++)
    press_key (window, GDK_KEY_Tab, state);

  assert_focus (window, widget);
}

static void
tab_into_history (GtkWidget *window)
{
  for (guint i = 0; i < 60 && focused_day (window) == NULL; i++)
    press (window, GDK_KEY_Tab);

  g_assert_nonnull (focused_day (window));
}

static char *
day_before (Fixture *fixture,
            int      days)
{
  PatellaClock *clock = patella_context_get_clock (patella_application_get_context (fixture->app));
  g_autofree char *today = patella_clock_get_today (clock);

  return patella_day_add_days (today, -days);
}

static gint64
count_days (Fixture *fixture)
{
  return patella_test_db_query_int (fixture->db, "SELECT count(*) FROM journal_entry;");
}

/* Whether @widget draws a focus ring around @around (a 2 px border, a few
 * pixels inside it at most), on top of what it draws. */
static gboolean
draws_focus_ring (GtkWidget *widget,
                  GtkWidget *around)
{
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  GskRenderNode *node;
  graphene_rect_t bounds;
  gboolean found = FALSE;

  g_assert_true (gtk_widget_compute_bounds (around, widget, &bounds));
  GTK_WIDGET_GET_CLASS (widget)->snapshot (widget, snapshot);
  node = gtk_snapshot_free_to_node (snapshot);

  for (guint i = 0; node != NULL && !found; i++)
    {
      GskRenderNode *child;
      const GskRoundedRect *outline;

      if (gsk_render_node_get_node_type (node) == GSK_CONTAINER_NODE)
        {
          if (i >= gsk_container_node_get_n_children (node))
            break;
          child = gsk_container_node_get_child (node, i);
        }
      else if (i == 0)
        child = node;
      else
        break;

      if (gsk_render_node_get_node_type (child) != GSK_BORDER_NODE)
        continue;

      outline = gsk_border_node_get_outline (child);
      found = gsk_border_node_get_widths (child)[0] == 2 &&
              outline->bounds.origin.x >= bounds.origin.x &&
              outline->bounds.origin.x <= bounds.origin.x + 8 &&
              outline->bounds.origin.y >= bounds.origin.y &&
              outline->bounds.origin.y <= bounds.origin.y + 8 &&
              outline->bounds.size.width >= bounds.size.width - 16 &&
              outline->bounds.size.height >= bounds.size.height - 16;
    }

  g_clear_pointer (&node, gsk_render_node_unref);
  return found;
}

/* History, a day, Enter: its editor; Shift+Tab to Delete, Enter. */
static void
delete_focused_day (GtkWidget *window)
{
  GtkWidget *page = GTK_WIDGET (get_page (PATELLA_WINDOW (window)));
  g_autofree char *day = g_strdup (focused_day (window));

  g_assert_nonnull (day);
  press (window, GDK_KEY_Return);
  g_assert_cmpstr (patella_journal_page_get_day (PATELLA_JOURNAL_PAGE (page)), ==, day);
  g_assert_false (in_history (window));
  tab_to (window, get_by_label (page, GTK_TYPE_BUTTON, "Delete This Day’s Entry"),
          GDK_SHIFT_MASK);
  press (window, GDK_KEY_Return);
  /* A button is clicked when its key goes up, or a moment later. */
  wait_ms (300);
}

#define THREE_DAYS \
  "INSERT INTO journal_entry (day, pain_rest, created_us, updated_us) VALUES" \
  " (date ('now', 'localtime', '-1 days'), 1, 0, 0)," \
  " (date ('now', 'localtime', '-2 days'), 2, 0, 0)," \
  " (date ('now', 'localtime', '-3 days'), 3, 0, 0);"

/* A day deleted: the focus goes to the next day in the history (the one
 * before when it was the last, the empty page when none is left), where a
 * keyboard user sees it; Undo is in the toast. */
static void
delete_moves_focus_to_next_day (Fixture *fixture,
                                int      width)
{
  PatellaWindow *window = patella_window_new (fixture->app);
  GtkWidget *win = GTK_WIDGET (window);
  GtkWidget *page;
  g_autofree char *first = day_before (fixture, 1);
  g_autofree char *second = day_before (fixture, 2);
  g_autofree char *third = day_before (fixture, 3);
  GtkWidget *undo;
  GtkWidget *empty;

  gtk_window_set_default_size (GTK_WINDOW (window), width, 800);
  gtk_window_present (GTK_WINDOW (window));
  flush_events ();
  page = GTK_WIDGET (get_page (window));
  g_assert_true (wait_until (editor_laid_out, page, 3000));
  if (width < 600)
    g_assert_true (gtk_widget_activate_action (page, "journal.show-history", NULL));
  tab_into_history (win);
  g_assert_cmpstr (focused_day (win), ==, first);
  press (win, GDK_KEY_Down);
  g_assert_cmpstr (focused_day (win), ==, second);

  /* The middle day: the focus on the next one. */
  delete_focused_day (win);
  g_assert_cmpint (count_days (fixture), ==, 2);
  g_assert_cmpstr (focused_day (win), ==, third);
  g_assert_true (gtk_widget_is_drawable (focus_of (win)));

  /* Undo is reached by Tab (on a phone, after the view switcher below);
   * the day comes back, and the focus with it. */
  undo = GTK_WIDGET (find_button (win, "_Undo"));
  g_assert_nonnull (undo);
  g_assert_true (gtk_widget_is_drawable (undo));
  tab_to (win, undo, 0);
  press (win, GDK_KEY_Return);
  wait_ms (300);
  g_assert_cmpint (count_days (fixture), ==, 3);
  g_assert_cmpstr (focused_day (win), ==, second);
  g_assert_true (gtk_widget_is_drawable (focus_of (win)));

  /* The last day: the focus on the one before. */
  press (win, GDK_KEY_Down);
  g_assert_cmpstr (focused_day (win), ==, third);
  delete_focused_day (win);
  g_assert_cmpint (count_days (fixture), ==, 2);
  g_assert_cmpstr (focused_day (win), ==, second);
  delete_focused_day (win);
  g_assert_cmpint (count_days (fixture), ==, 1);
  g_assert_cmpstr (focused_day (win), ==, first);

  /* None left: the page that says so. */
  delete_focused_day (win);
  g_assert_cmpint (count_days (fixture), ==, 0);
  empty = find_by_label (page, ADW_TYPE_STATUS_PAGE, "No Days Yet");
  g_assert_nonnull (empty);
  assert_focus (win, empty);
  g_assert_true (gtk_widget_is_drawable (empty));
  /* With a ring around it that shows the focus. */
  g_assert_true (draws_focus_ring (find_by_type (page, PATELLA_TYPE_JOURNAL_HISTORY), empty));

  /* Out of the way of Tab once the focus has moved on. */
  press (win, GDK_KEY_Tab);
  g_assert_false (gtk_widget_get_focusable (empty));
}

static void
test_delete_focus_wide (Fixture       *fixture,
                        gconstpointer  data)
{
  delete_moves_focus_to_next_day (fixture, 1000);
}

/* On a phone the history comes back, the focus on the next day. */
static void
test_delete_focus_narrow (Fixture       *fixture,
                          gconstpointer  data)
{
  delete_moves_focus_to_next_day (fixture, 360);
}

static gboolean
one_day_found (gpointer data)
{
  PatellaJournalModel *model = patella_journal_page_get_model (data);
  GtkWidget *view = find_by_label (data, GTK_TYPE_LIST_VIEW, "Journal history");
  guint rows = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (view); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    rows += gtk_widget_get_child_visible (child) && gtk_widget_get_mapped (child);

  return g_list_model_get_n_items (G_LIST_MODEL (model)) == 1 && rows == 1;
}

/* Enter on a day found by the search, and Enter again: the day is opened,
 * the focus on its first field, and nothing is deleted. */
static void
test_enter_twice_keeps_day (Fixture       *fixture,
                            gconstpointer  data)
{
  PatellaWindow *window = open_journal (fixture);
  GtkWidget *win = GTK_WIDGET (window);
  GtkWidget *page = GTK_WIDGET (get_page (window));
  g_autofree char *second = day_before (fixture, 2);
  GtkWidget *search;

  press_key (win, GDK_KEY_f, GDK_CONTROL_MASK);
  search = get_by_label (page, GTK_TYPE_SEARCH_ENTRY, "Search notes and symptoms");
  g_assert_true (gtk_widget_is_ancestor (focus_of (win), search));
  gtk_editable_set_text (GTK_EDITABLE (search), "stairs");
  g_assert_true (wait_until (one_day_found, page, 3000));
  press (win, GDK_KEY_Tab);
  g_assert_cmpstr (focused_day (win), ==, second);
  press (win, GDK_KEY_Return);
  press (win, GDK_KEY_Return);
  wait_ms (300);

  g_assert_cmpint (count_days (fixture), ==, 3);
  g_assert_cmpstr (patella_journal_page_get_day (PATELLA_JOURNAL_PAGE (page)), ==, second);
  assert_focus (win, get_by_label (page, GTK_TYPE_SCALE, "Pain at rest"));
}

/* The trend chart is a Tab stop: with the focus, it shows a focus ring. */
static void
test_chart_shows_focus (Fixture       *fixture,
                        gconstpointer  data)
{
  PatellaWindow *window = open_journal (fixture);
  GtkWidget *win = GTK_WIDGET (window);
  GtkWidget *chart = get_by_type (GTK_WIDGET (get_page (window)), PATELLA_TYPE_PAIN_CHART);

  g_assert_false (draws_focus_ring (chart, chart));
  tab_to (win, chart, 0);
  g_assert_true (draws_focus_ring (chart, chart));
  press (win, GDK_KEY_Tab);
  g_assert_false (draws_focus_ring (chart, chart));
}

/* The calendar */

static gboolean
popover_mapped (gpointer data)
{
  return gtk_widget_get_mapped (GTK_WIDGET (gtk_menu_button_get_popover (data)));
}

/* @data is within its window: scrolled into view. */
static gboolean
in_view (gpointer data)
{
  GtkWidget *widget = data;
  GtkWidget *window = GTK_WIDGET (gtk_widget_get_root (widget));
  graphene_rect_t bounds;

  return gtk_widget_compute_bounds (widget, window, &bounds) &&
         bounds.origin.y >= 0 &&
         bounds.origin.y + bounds.size.height <= gtk_widget_get_height (window);
}

/* Tab (or Shift+Tab, with @state) to @picker, a calendar's menu button,
 * and open it with @keyval once it is scrolled into view, as a user sees
 * it. A popover closes when another test's window takes the X focus: then
 * it is opened again. */
static GtkCalendar *
open_calendar (GtkWidget       *window,
               GtkWidget       *picker,
               GdkModifierType  state,
               guint            keyval)
{
  GtkPopover *popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (picker));

  for (guint i = 0; i < 60 && !gtk_widget_is_ancestor (focus_of (window), picker); i++)
    press_key (window, GDK_KEY_Tab, state);
  g_assert_true (gtk_widget_is_ancestor (focus_of (window), picker));
  g_assert_true (wait_until (in_view, picker, 2000));

  for (guint i = 0; i < 5 && !gtk_widget_get_mapped (GTK_WIDGET (popover)); i++)
    {
      press (window, keyval);
      wait_until (popover_mapped, picker, 600);
    }
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (popover)));

  return GTK_CALENDAR (get_by_type (GTK_WIDGET (popover), GTK_TYPE_CALENDAR));
}

static char *
calendar_day (GtkCalendar *calendar)
{
  g_autoptr(GDateTime) date = gtk_calendar_get_date (calendar);

  return g_date_time_format (date, "%Y-%m-%d");
}

/* The calendar beside the day's title, by keyboard: it opens with the
 * focus on the day shown, the arrows move from there, Enter picks. */
static void
test_calendar_starts_on_day_shown (Fixture       *fixture,
                                   gconstpointer  data)
{
  PatellaWindow *window = open_journal (fixture);
  GtkWidget *win = GTK_WIDGET (window);
  PatellaJournalPage *page = get_page (window);
  GtkWidget *picker = get_by_label (GTK_WIDGET (page), GTK_TYPE_MENU_BUTTON, "Write Another Day");
  g_autofree char *today = day_before (fixture, 0);
  g_autofree char *yesterday = day_before (fixture, 1);
  g_autofree char *week_before = day_before (fixture, 8);
  g_autofree char *shown = NULL;
  GtkCalendar *calendar;

  calendar = open_calendar (win, picker, GDK_SHIFT_MASK, GDK_KEY_space);
  assert_focus (win, calendar);
  shown = calendar_day (calendar);
  g_assert_cmpstr (shown, ==, today);
  press (win, GDK_KEY_Left);
  press (win, GDK_KEY_Return);
  g_assert_false (gtk_widget_get_visible (gtk_widget_get_ancestor (GTK_WIDGET (calendar),
                                                                   GTK_TYPE_POPOVER)));
  g_assert_cmpstr (patella_journal_page_get_day (page), ==, yesterday);

  /* Again, from the day now shown: a week back with Up. */
  calendar = open_calendar (win, picker, GDK_SHIFT_MASK, GDK_KEY_Return);
  assert_focus (win, calendar);
  g_clear_pointer (&shown, g_free);
  shown = calendar_day (calendar);
  g_assert_cmpstr (shown, ==, yesterday);
  press (win, GDK_KEY_Up);
  press (win, GDK_KEY_space);
  g_assert_cmpstr (patella_journal_page_get_day (page), ==, week_before);

  /* Escape closes it, and nothing is chosen. */
  calendar = open_calendar (win, picker, GDK_SHIFT_MASK, GDK_KEY_space);
  press (win, GDK_KEY_Left);
  press (win, GDK_KEY_Escape);
  g_assert_false (gtk_widget_get_visible (gtk_widget_get_ancestor (GTK_WIDGET (calendar),
                                                                   GTK_TYPE_POPOVER)));
  g_assert_cmpstr (patella_journal_page_get_day (page), ==, week_before);
}

/* A date typed in a row: its calendar opens on that date; the month
 * flips as the keys go past its end, Page Up goes a month back. */
static void
test_row_calendar_by_keyboard (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *row = adw_entry_row_new ();
  GtkWidget *picker;
  GtkCalendar *calendar;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), "Date");
  gtk_list_box_append (GTK_LIST_BOX (list), row);
  gtk_window_set_child (GTK_WINDOW (window), list);
  patella_date_picker_add_to_row (row);
  picker = find_by_type (row, GTK_TYPE_MENU_BUTTON);
  gtk_editable_set_text (GTK_EDITABLE (row), "2026-03-31");
  gtk_window_present (GTK_WINDOW (window));
  flush_events ();

  calendar = open_calendar (window, picker, 0, GDK_KEY_Return);
  assert_focus (window, calendar);
  press (window, GDK_KEY_Right);
  press (window, GDK_KEY_Return);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "2026-04-01");

  calendar = open_calendar (window, picker, 0, GDK_KEY_Return);
  press (window, GDK_KEY_Page_Up);
  press (window, GDK_KEY_Page_Up);
  press (window, GDK_KEY_End);
  press (window, GDK_KEY_Return);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "2026-02-28");

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int    argc,
      char **argv)
{
  test_app = patella_test_gui_init (&argc, &argv, NULL);

#define ADD(name, data, func) \
  g_test_add ("/journal-keyboard/" name, Fixture, data, patella_app_fixture_set_up_sql, func, \
              patella_app_fixture_tear_down)

  ADD ("tab-from-switch-to-slider", NULL, test_tab_from_switch_to_slider);
  ADD ("delete-focus-wide", THREE_DAYS, test_delete_focus_wide);
  ADD ("delete-focus-narrow", THREE_DAYS, test_delete_focus_narrow);
  ADD ("enter-twice-keeps-day",
       "INSERT INTO journal_entry (day, pain_rest, note, created_us, updated_us) VALUES"
       " (date ('now', 'localtime', '-1 days'), 1, 'easy walk', 0, 0),"
       " (date ('now', 'localtime', '-2 days'), 2, 'stairs hurt', 0, 0),"
       " (date ('now', 'localtime', '-3 days'), 3, 'rest day', 0, 0);",
       test_enter_twice_keeps_day);

  ADD ("chart-shows-focus", THREE_DAYS, test_chart_shows_focus);
  ADD ("calendar-starts-on-day-shown", NULL, test_calendar_starts_on_day_shown);
  g_test_add_func ("/journal-keyboard/row-calendar", test_row_calendar_by_keyboard);

#undef ADD

  return patella_test_gui_run (&test_app);
}
