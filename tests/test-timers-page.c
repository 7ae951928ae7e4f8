/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <sqlite3.h>

#include "patella-application.h"
#include "patella-countdown-ring.h"
#include "patella-error.h"
#include "patella-routine-editor.h"
#include "patella-test-utils.h"
#include "patella-timers-page.h"
#include "patella-icing-view.h"
#include "patella-routine-view.h"
#include "patella-plan-window.h"
#include "patella-window.h"
#include "patella-test-gui.h"

/* 2026-03-14 10:00:00 Europe/Berlin */
#define T0 G_GINT64_CONSTANT (1773478800000000)

typedef struct
{
  PatellaAppFixture  base;
  PatellaWindow     *window;
  GtkWidget         *page;
} Fixture;

static PatellaApplication *test_app;
static PatellaClock *fake_clock;

/* The page's cards, built when it is first shown. */
static GtkWidget *
card (Fixture *fixture,
      GType    type)
{
  GtkWidget *view = find_by_type (fixture->page, type);

  g_assert (view != NULL);
  return view;
}

static gpointer
card_child (Fixture *fixture,
            GType    card_type,
            GType    type)
{
  GtkWidget *child = find_by_type (card (fixture, card_type), type);

  g_assert_nonnull (child);
  return child;
}

static gint64
query (Fixture    *fixture,
       const char *sql)
{
  return patella_store_query_int (patella_context_get_store (patella_application_get_context (test_app)), sql, -1);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  patella_clock_set_now (fake_clock, T0);
  patella_app_fixture_set_up (&fixture->base, data);

  fixture->window = patella_window_new (test_app);
  gtk_window_present (GTK_WINDOW (fixture->window));
  patella_window_show_view (fixture->window, "timers");
  flush_events ();
  fixture->page = find_by_type (GTK_WIDGET (fixture->window), PATELLA_TYPE_TIMERS_PAGE);
  g_assert_nonnull (fixture->page);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  PatellaTimer *timer = patella_context_get_ice_timer (patella_application_get_context (test_app));

  if (timer != NULL && patella_timer_is_active (timer))
    patella_timer_stop (timer, NULL);

  patella_app_fixture_tear_down (&fixture->base, data);
}

static void
test_icing_controls (Fixture       *fixture,
                     gconstpointer  data)
{
  PatellaTimer *timer = patella_context_get_ice_timer (patella_application_get_context (test_app));
  PatellaCountdownRing *ring = card_child (fixture, PATELLA_TYPE_ICING_VIEW,
                                           PATELLA_TYPE_COUNTDOWN_RING);

  g_assert_cmpstr (patella_countdown_ring_get_text (ring), ==, "15:00");
  /* Stop does nothing while nothing runs. */
  gtk_widget_activate_action (fixture->page, "timers.ice-stop", NULL);
  g_assert_cmpint (query (fixture, "SELECT count(*) FROM session"), ==, 0);

  g_assert_true (gtk_widget_activate_action (fixture->page, "timers.ice-start-pause", NULL));
  g_assert_cmpint (patella_timer_get_state (timer), ==, PATELLA_TIMER_RUNNING);
  g_assert_cmpint (query (fixture, "SELECT ends_us FROM session WHERE state = 'running'"), ==,
                   T0 + G_GINT64_CONSTANT (900000000));

  /* The shown value changes only when whole seconds do. */
  patella_clock_advance (fake_clock, 61 * G_USEC_PER_SEC);
  patella_timer_tick (timer);
  g_assert_cmpstr (patella_countdown_ring_get_text (ring), ==, "13:59");

  g_assert_true (gtk_widget_activate_action (fixture->page, "timers.ice-add-minute", NULL));
  g_assert_cmpstr (patella_countdown_ring_get_text (ring), ==, "14:59");

  /* Space's action pauses and resumes. */
  g_assert_true (gtk_widget_activate_action (fixture->page, "timers.start-pause", NULL));
  g_assert_cmpint (patella_timer_get_state (timer), ==, PATELLA_TIMER_PAUSED);
  g_assert_null (g_main_context_find_source_by_funcs_user_data (NULL, &g_timeout_funcs, timer));
  g_assert_true (gtk_widget_activate_action (fixture->page, "timers.start-pause", NULL));
  g_assert_cmpint (patella_timer_get_state (timer), ==, PATELLA_TIMER_RUNNING);

  patella_clock_advance (fake_clock, 30 * G_USEC_PER_SEC);
  g_assert_true (gtk_widget_activate_action (fixture->page, "timers.stop", NULL));
  g_assert_cmpint (patella_timer_get_state (timer), ==, PATELLA_TIMER_CANCELLED);
  g_assert_cmpint (query (fixture, "SELECT duration_s FROM session WHERE state = 'stopped'"),
                   ==, 91);

  /* Nothing runs: no wake-ups left behind. */
  flush_events ();
  g_assert_null (g_main_context_find_source_by_funcs_user_data (NULL, &g_timeout_funcs, timer));
  g_assert_null (g_main_context_find_source_by_funcs_user_data (NULL, &g_timeout_funcs,
                                                                fixture->page));
}

/* Today's count is against the goal set in Preferences; a session that runs
 * to its end says "Done" and counts. */
static void
test_icing_goal_and_done (Fixture       *fixture,
                          gconstpointer  data)
{
  PatellaContext *context = patella_application_get_context (test_app);
  GSettings *settings = patella_context_get_settings (context);
  PatellaTimer *timer = patella_context_get_ice_timer (context);
  GtkWidget *icing = card (fixture, PATELLA_TYPE_ICING_VIEW);
  PatellaCountdownRing *ring = card_child (fixture, PATELLA_TYPE_ICING_VIEW,
                                           PATELLA_TYPE_COUNTDOWN_RING);
  GtkLabel *today = find_label (icing, "Today:");

  g_assert_nonnull (today);
  g_assert_cmpstr (gtk_label_get_text (today), ==, "Today: 0 of 4 sessions");

  g_settings_set_int (settings, "ice-sessions-per-day", 3);
  g_assert_true (gtk_widget_activate_action (fixture->page, "timers.ice-start-pause", NULL));
  patella_clock_advance (fake_clock, 15 * 60 * G_USEC_PER_SEC);
  patella_timer_tick (timer);
  flush_events ();
  g_assert_cmpint (patella_timer_get_state (timer), ==, PATELLA_TIMER_FINISHED);
  g_assert_cmpstr (patella_countdown_ring_get_text (ring), ==, "Done");
  g_assert_cmpstr (gtk_label_get_text (today), ==, "Today: 1 of 3 sessions");

  g_settings_reset (settings, "ice-sessions-per-day");
}

static void
test_routine_through_view (Fixture       *fixture,
                           gconstpointer  data)
{
  GtkWidget *routine = card (fixture, PATELLA_TYPE_ROUTINE_VIEW);
  GtkStack *stack = card_child (fixture, PATELLA_TYPE_ROUTINE_VIEW, GTK_TYPE_STACK);
  GtkDropDown *dropdown = card_child (fixture, PATELLA_TYPE_ROUTINE_VIEW, GTK_TYPE_DROP_DOWN);
  GtkLabel *week = find_label (routine, "This week:");
  GtkRange *pain = card_child (fixture, PATELLA_TYPE_ROUTINE_VIEW, GTK_TYPE_SCALE);
  GtkLabel *exercise;

  g_assert_nonnull (week);
  g_assert_cmpstr (gtk_label_get_text (week), ==, "This week: 0 of 3 sessions (at least 2)");

  /* The 5-minute warm-up: get ready, then one timed set. */
  gtk_drop_down_set_selected (dropdown, 3);
  g_assert_true (gtk_widget_activate_action (fixture->page, "timers.routine-start", NULL));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "play");
  /* The exercise under way heads the player. */
  exercise = find_label (gtk_stack_get_visible_child (stack), "Warm-Up");
  g_assert_nonnull (exercise);
  g_assert_cmpstr (gtk_label_get_text (exercise), ==, "Warm-Up");
  /* The player ticks while it plays, and only then. */
  g_assert_nonnull (g_main_context_find_source_by_funcs_user_data (NULL, &g_timeout_funcs,
                                                                   routine));

  g_assert_true (gtk_widget_activate_action (fixture->page, "timers.routine-skip", NULL));
  patella_clock_advance (fake_clock, 300 * G_USEC_PER_SEC);
  g_assert_true (gtk_widget_activate_action (fixture->page, "timers.routine-skip", NULL));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "pain");
  g_assert_null (g_main_context_find_source_by_funcs_user_data (NULL, &g_timeout_funcs,
                                                                routine));

  /* The end is told on the desktop only when the window is not in front. */
  {
    GtkRoot *root = gtk_widget_get_root (fixture->page);
    PatellaRecordingNotifier *recording =
      PATELLA_RECORDING_NOTIFIER (patella_context_get_notifier (patella_application_get_context (test_app)));

    g_assert_cmpuint (patella_recording_notifier_count (recording, "exercise-done:"), ==,
                      gtk_window_is_active (GTK_WINDOW (root)) ? 0 : 1);
  }

  gtk_range_set_value (pain, 4);
  g_assert_true (gtk_widget_activate_action (fixture->page, "timers.routine-log", NULL));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "choose");
  g_assert_cmpint (query (fixture, "SELECT count(*) FROM session WHERE kind = 'exercise'"), ==, 1);
  g_assert_cmpint (query (fixture, "SELECT pain FROM session WHERE kind = 'exercise'"), ==, 4);
  g_assert_cmpint (query (fixture, "SELECT duration_s FROM session WHERE kind = 'exercise'"),
                   ==, 300);
  g_assert_cmpstr (gtk_label_get_text (week), ==, "This week: 1 of 3 sessions (at least 2)");
}

static void
test_routine_editor (Fixture       *fixture,
                     gconstpointer  data)
{
  PatellaStore *store = patella_context_get_store (patella_application_get_context (test_app));
  PatellaRoutineEditor *editor = patella_routine_editor_new (GTK_WINDOW (fixture->window), store,
                                                             NULL);
  GtkDropDown *dropdown = card_child (fixture, PATELLA_TYPE_ROUTINE_VIEW, GTK_TYPE_DROP_DOWN);
  /* The name is the editor's only entry row. */
  GtkWidget *name_row = find_by_type (GTK_WIDGET (editor), ADW_TYPE_ENTRY_ROW);
  g_autoptr(GError) error = NULL;

  gtk_window_present (GTK_WINDOW (editor));
  g_assert_nonnull (name_row);
  gtk_editable_set_text (GTK_EDITABLE (name_row), "Evening");

  /* No exercises: refused, nothing stored. */
  g_assert_false (patella_routine_editor_save (editor, &error));
  g_assert_error (error, PATELLA_ERROR, PATELLA_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (query (fixture, "SELECT count(*) FROM routine"), ==, 0);

  patella_routine_editor_add_exercise (editor, "wall-sit");
  patella_routine_editor_add_exercise (editor, "calf-stretch");
  g_assert_true (patella_routine_editor_save (editor, &error));
  g_assert_no_error (error);
  g_assert_cmpint (query (fixture, "SELECT count(*) FROM routine_step"), ==, 2);
  g_assert_cmpint (query (fixture, "SELECT hold_s FROM routine_step WHERE exercise = 'wall-sit'"),
                   ==, 30);

  /* The view lists it after the built-in ones. */
  flush_events ();
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (dropdown)), ==, 5);
  gtk_window_destroy (GTK_WINDOW (editor));
}

/* Before the plan reaches running, the Walk/Run card says where its
 * sessions come from and opens the plan; then it offers the session. */
static void
test_walk_run_card_leads_to_the_plan (Fixture       *fixture,
                                      gconstpointer  data)
{
  PatellaStore *store = patella_context_get_store (patella_application_get_context (test_app));
  g_autoptr(GError) error = NULL;
  GtkWidget *plan_button = get_by_label (fixture->page, GTK_TYPE_BUTTON, "Recovery Plan");
  GtkWidget *start_button = get_by_label (fixture->page, GTK_TYPE_BUTTON, "Start Walk/Run");

  g_assert_true (gtk_widget_is_visible (plan_button));
  g_assert_false (gtk_widget_is_visible (start_button));
  g_assert_null (find_toplevel (PATELLA_TYPE_PLAN_WINDOW));
  gtk_widget_activate (plan_button);  /* as Enter does: clicked a moment later */
  wait_ms (400);
  g_assert_nonnull (find_toplevel (PATELLA_TYPE_PLAN_WINDOW));
  gtk_window_destroy (find_toplevel (PATELLA_TYPE_PLAN_WINDOW));

  /* Phase 3 is walk/run: today's session can start here. */
  g_assert_true (patella_plan_start (store, 3, PATELLA_PLAN_RULE_STRICT, &error));
  g_assert_no_error (error);
  flush_events ();
  g_assert_false (gtk_widget_is_visible (plan_button));
  g_assert_true (gtk_widget_is_visible (start_button));
}

int
main (int    argc,
      char **argv)
{
  test_app = patella_test_gui_init_at (&argc, &argv, T0, &fake_clock);

#define ADD(name, func) \
  g_test_add ("/timers-page/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("icing-controls", test_icing_controls);
  ADD ("icing-goal-and-done", test_icing_goal_and_done);
  ADD ("routine-through-view", test_routine_through_view);
  ADD ("routine-editor", test_routine_editor);
  ADD ("walk-run-card-leads-to-the-plan", test_walk_run_card_leads_to_the_plan);

#undef ADD

  return patella_test_gui_run (&test_app);
}
