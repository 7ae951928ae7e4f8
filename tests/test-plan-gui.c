/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>

#include "patella-application.h"
#include "patella-journal.h"
#include "patella-journal-page.h"
#include "patella-plan.h"
#include "patella-plan-window.h"
#include "patella-test-utils.h"
#include "patella-timers-page.h"
#include "patella-today-card.h"
#include "patella-walk-run-view.h"
#include "patella-window.h"
#include "patella-test-gui.h"

/* The recovery plan in real windows on a fake clock: the Today card,
 * starting the session from it, the walk/run timer's cues and its
 * end-of-session questions, and the plan window. */

/* 2026-03-16 10:00:00 Europe/Berlin, a Monday */
#define T0 G_GINT64_CONSTANT (1773651600000000)
#define MINUTE (G_GINT64_CONSTANT (60) * G_USEC_PER_SEC)

typedef struct
{
  PatellaAppFixture  base;
  PatellaWindow     *window;
} Fixture;

static PatellaApplication *test_app;
static PatellaClock *fake_clock;

static PatellaStore *
store (void)
{
  return patella_context_get_store (patella_application_get_context (test_app));
}

/* The card comes a few frames after the first. */
static GtkWidget *
wait_for_card (Fixture *fixture)
{
  GtkWidget *card = NULL;

  for (guint waited = 0; waited < 3000 && card == NULL; waited += 20)
    {
      wait_ms (20);
      card = find_by_type (GTK_WIDGET (fixture->window), PATELLA_TYPE_TODAY_CARD);
    }

  g_assert_nonnull (card);
  flush_events ();
  return card;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  PatellaJournalChange change = PATELLA_JOURNAL_CHANGE_INIT;

  patella_clock_set_now (fake_clock, T0);
  patella_app_fixture_set_up (&fixture->base, data);

  /* A journal, so that the journal view opens on its editor. */
  change.pain_rest = 1;
  g_assert_true (patella_journal_save (store (), "2026-03-15", &change, NULL, &error));
  g_assert_no_error (error);

  fixture->window = patella_window_new (test_app);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 900, 700);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  PatellaWalkRun *walk_run = patella_context_get_walk_run (patella_application_get_context (test_app));

  if (walk_run != NULL)
    {
      patella_walk_run_stop (walk_run, NULL);
      patella_walk_run_discard (walk_run, NULL);
    }

  patella_app_fixture_tear_down (&fixture->base, data);
}

static void
start_plan (int phase)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (patella_plan_start (store (), phase, PATELLA_PLAN_RULE_STRICT, &error));
  g_assert_no_error (error);
}

/* The today card's lines, top to bottom: its title, the day's
 * prescription, the load warning, the plan's last decision. */
enum
{
  CARD_TITLE,
  CARD_PRESCRIPTION,
  CARD_LOAD,
  CARD_DECISION,
};

static const char *
card_line (GtkWidget *card,
           guint      line)
{
  return gtk_label_get_text (get_label_at (card, line));
}

/* The walk/run card's lines of text while a session runs, top to bottom:
 * the interval, the progress, what comes next. */
enum
{
  SESSION_INTERVAL,
  SESSION_PROGRESS,
  SESSION_NEXT,
};

static const char *
session_line (GtkWidget *view,
              guint      line)
{
  GtkStack *stack = get_by_type (view, GTK_TYPE_STACK);

  return gtk_label_get_text (get_label_at (gtk_stack_get_visible_child (stack), line));
}

static void
test_today_card (Fixture       *fixture,
                 gconstpointer  data)
{
  GtkWidget *card;
  GtkWidget *button;

  gtk_window_present (GTK_WINDOW (fixture->window));
  card = wait_for_card (fixture);

  /* No plan yet: one button that opens the plan. */
  g_assert_cmpstr (card_line (card, CARD_TITLE), ==, "Today");
  g_assert_nonnull (strstr (card_line (card, CARD_PRESCRIPTION), "No recovery plan yet"));
  button = get_by_label (card, GTK_TYPE_BUTTON, "Start a Plan…");
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (button)), ==, "_Start a Plan…");

  /* Started elsewhere (the CLI, the plan window): the card follows. */
  start_plan (3);
  flush_events ();
  g_assert_cmpstr (card_line (card, CARD_TITLE), ==, "Today · Phase 3 of 9: Walk/Run 1");
  g_assert_cmpstr (card_line (card, CARD_PRESCRIPTION), ==,
                   "Walk/run: a 5-minute warm-up walk, then 6 × (2 min run, 3 min walk).");
  g_assert_cmpstr (card_line (card, CARD_DECISION), ==, "Started at phase 3: Walk/Run 1.");
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (button)), ==, "_Start Today’s Session");
  g_assert_true (gtk_widget_get_mapped (card));

  /* The card sits above the day's editor. */
  g_assert_true (gtk_widget_get_ancestor (card, PATELLA_TYPE_JOURNAL_PAGE) != NULL);
}

/* From the card to the Timers view, through the intervals to the questions
 * at the end, and into the plan. */
static void
test_session_from_card (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PatellaPlan) plan = NULL;
  PatellaWalkRun *walk_run = patella_context_get_walk_run (patella_application_get_context (test_app));
  GtkWidget *card;
  GtkWidget *view;
  GtkWidget *holder;
  GtkStack *stack;
  const PatellaPlanEvent *session;
  guint cues;

  start_plan (3);
  gtk_window_present (GTK_WINDOW (fixture->window));
  card = wait_for_card (fixture);

  g_assert_true (gtk_widget_activate_action (card, "today.start", NULL));
  flush_events ();
  g_assert_cmpstr (patella_window_get_visible_view (fixture->window), ==, "timers");
  g_assert_cmpint (patella_walk_run_get_state (walk_run), ==, PATELLA_WALK_RUN_RUNNING);

  view = find_by_type (GTK_WIDGET (fixture->window), PATELLA_TYPE_WALK_RUN_VIEW);
  g_assert_nonnull (view);
  stack = get_by_type (view, GTK_TYPE_STACK);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "play");
  g_assert_cmpstr (session_line (view, SESSION_INTERVAL), ==,
                   "Warm-up walk");
  g_assert_cmpstr (session_line (view, SESSION_NEXT), ==,
                   "Next: Run, 2 min");

  /* The first run begins at 5 minutes: shown and cued at once. */
  cues = patella_walk_run_view_get_cues (PATELLA_WALK_RUN_VIEW (view));
  patella_clock_set_now (fake_clock, T0 + 5 * MINUTE);
  patella_walk_run_tick (walk_run);
  g_assert_cmpstr (session_line (view, SESSION_INTERVAL), ==, "Run");
  g_assert_cmpstr (session_line (view, SESSION_PROGRESS), ==,
                   "Round 1 of 6 · 30:00 left");
  g_assert_cmpstr (session_line (view, SESSION_NEXT), ==,
                   "Next: Walk, 3 min");
  g_assert_cmpuint (patella_walk_run_view_get_cues (PATELLA_WALK_RUN_VIEW (view)), ==, cues + 1);

  /* Pause and resume from the card. */
  g_assert_true (gtk_widget_activate_action (view, "walk-run.pause", NULL));
  g_assert_cmpint (patella_walk_run_get_state (walk_run), ==, PATELLA_WALK_RUN_PAUSED);
  g_assert_nonnull (strstr (session_line (view, SESSION_PROGRESS),
                            "Paused"));
  g_assert_true (gtk_widget_activate_action (view, "walk-run.pause", NULL));
  g_assert_cmpint (patella_walk_run_get_state (walk_run), ==, PATELLA_WALK_RUN_RUNNING);

  /* The end asks the pain during. */
  patella_clock_set_now (fake_clock, T0 + 36 * MINUTE);
  patella_walk_run_tick (walk_run);
  flush_events ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "pain");

  /* A distance that is not one is refused, and nothing is logged. */
  gtk_check_button_set_active (get_by_label (view, GTK_TYPE_CHECK_BUTTON, "Log the run, on the default shoe"), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (get_by_label (view, GTK_TYPE_ENTRY, "Distance of the run, like 3.5km")), "far");
  gtk_range_set_value (GTK_RANGE (get_by_type (view, GTK_TYPE_SCALE)), 2);
  g_assert_true (gtk_widget_activate_action (view, "walk-run.log", NULL));
  g_assert_cmpint (patella_walk_run_get_state (walk_run), ==, PATELLA_WALK_RUN_FINISHED);
  g_assert_cmpint (patella_store_query_int (store (), "SELECT count(*) FROM run;", -1), ==, 0);

  gtk_editable_set_text (GTK_EDITABLE (get_by_label (view, GTK_TYPE_ENTRY,
                                                     "Distance of the run, like 3.5km")),
                         "3.2km");
  /* Back to idle, the card moves last. Something else (a screen reader)
   * may hold on to the flow box child it leaves: the card must still move,
   * not vanish. */
  holder = g_object_ref (gtk_widget_get_parent (view));
  g_assert_true (gtk_widget_activate_action (view, "walk-run.log", NULL));
  flush_events ();
  g_assert_cmpint (patella_walk_run_get_state (walk_run), ==, PATELLA_WALK_RUN_IDLE);
  g_assert_true (GTK_IS_FLOW_BOX_CHILD (gtk_widget_get_parent (view)));
  g_assert_true (gtk_widget_get_parent (view) != holder);
  g_assert_null (gtk_widget_get_next_sibling (gtk_widget_get_parent (view)));
  g_object_unref (holder);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "idle");
  g_assert_cmpint (patella_store_query_int (store (), "SELECT distance_m FROM run;", -1), ==, 3200);
  g_assert_cmpint (patella_store_query_int (store (), "SELECT pain FROM run;", -1), ==, 2);

  plan = patella_plan_load (store (), &error);
  g_assert_no_error (error);
  session = g_ptr_array_index (plan->events, plan->events->len - 1);
  g_assert_cmpint (session->kind, ==, PATELLA_PLAN_EVENT_SESSION);
  g_assert_cmpint (session->pain, ==, 2);
  g_assert_cmpstr (session->day, ==, "2026-03-16");

  /* The plan window asks the pain an hour after, and records it. */
  {
    PatellaPlanWindow *plan_window = patella_plan_window_new (GTK_WINDOW (fixture->window),
                                                              store ());
    GtkWidget *after_row = get_by_label (GTK_WIDGET (plan_window), ADW_TYPE_ACTION_ROW,
                                         "Pain an Hour After");

    gtk_window_present (GTK_WINDOW (plan_window));
    flush_events ();
    g_assert_true (gtk_widget_get_visible (after_row));
    gtk_spin_button_set_value (GTK_SPIN_BUTTON (get_by_type (after_row, GTK_TYPE_SPIN_BUTTON)), 1);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (plan_window), "plan.rate-after",
                                               NULL));
    flush_events ();
    g_assert_false (gtk_widget_get_visible (after_row));
    g_assert_cmpint (patella_store_query_int (store (), "SELECT pain_after FROM plan_event "
                                                        "WHERE kind = 'session';", -1), ==, 1);
    gtk_window_destroy (GTK_WINDOW (plan_window));
    flush_events ();
  }

  /* Back in the journal, the card says the day's session is done. */
  patella_window_show_view (fixture->window, "journal");
  flush_events ();
  g_assert_nonnull (strstr (card_line (card, CARD_PRESCRIPTION), "session is logged"));
}

/* The plan window's "Start at Phase" row. */
static GtkWidget *
phase_row (PatellaPlanWindow *plan_window)
{
  return get_by_label (GTK_WIDGET (plan_window), ADW_TYPE_ACTION_ROW, "Start at Phase");
}

static void
test_plan_window (Fixture       *fixture,
                  gconstpointer  data)
{
  PatellaPlanWindow *plan_window;
  GtkWidget *ladder;
  GtkLabel *current;

  gtk_window_present (GTK_WINDOW (fixture->window));
  plan_window = patella_plan_window_new (GTK_WINDOW (fixture->window), store ());
  gtk_window_present (GTK_WINDOW (plan_window));
  flush_events ();

  /* No plan: starting asks the phase and the rule. */
  g_assert_true (gtk_widget_get_visible (phase_row (plan_window)));
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (get_by_type (phase_row (plan_window), GTK_TYPE_SPIN_BUTTON)), 4);
  gtk_drop_down_set_selected (get_by_type (get_by_label (GTK_WIDGET (plan_window), ADW_TYPE_ACTION_ROW, "Pain Rule"),
                 GTK_TYPE_DROP_DOWN), 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (plan_window), "plan.start", NULL));
  flush_events ();

  {
    g_autoptr(PatellaPlan) plan = patella_plan_load (store (), NULL);

    g_assert_cmpint (plan->phase, ==, 4);
    g_assert_cmpint (plan->rule, ==, PATELLA_PLAN_RULE_STANDARD);
  }

  /* The ladder marks the current phase; the history has the start. */
  ladder = get_by_label (GTK_WIDGET (plan_window), ADW_TYPE_PREFERENCES_GROUP, "Phases");
  current = find_label (ladder, "4. Walk/Run 2");
  g_assert_nonnull (current);
  g_assert_nonnull (find_label (ladder, "9. Build Back"));
  g_assert_nonnull (find_label (GTK_WIDGET (plan_window), "Started at phase 4: Walk/Run 2."));

  /* Pause: the card in the journal says so, and the window offers resume. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (plan_window), "plan.pause", NULL));
  flush_events ();
  g_assert_true (gtk_widget_get_visible (get_by_label (GTK_WIDGET (plan_window), GTK_TYPE_BUTTON, "Resume")));
  g_assert_nonnull (find_label (GTK_WIDGET (plan_window), "Paused at phase 4, as you asked."));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (plan_window), "plan.stop", NULL));
  flush_events ();
  /* Starting again proposes where it stopped. */
  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (get_by_type (phase_row (plan_window), GTK_TYPE_SPIN_BUTTON))), ==, 4);

  gtk_window_destroy (GTK_WINDOW (plan_window));
  flush_events ();
}

/* The button of the plan window that has the keyboard focus, which a user
 * can see. */
static void
assert_focus_on (GtkWindow  *window,
                 const char *button)
{
  GtkWidget *focus = gtk_window_get_focus (window);

  g_assert_nonnull (focus);
  g_assert_true (gtk_widget_get_mapped (focus));
  g_assert_true (focus == get_by_label (GTK_WIDGET (window), GTK_TYPE_BUTTON, button));
}

static gboolean
button_is_hidden (gpointer data)
{
  return !gtk_widget_get_visible (GTK_WIDGET (data));
}

/* Start, Pause, Resume and Stop, by keyboard: each hides the button pressed,
 * and the focus goes to the one that takes its place, never stays on a
 * hidden button. */
static void
test_plan_window_keeps_focus (Fixture       *fixture,
                              gconstpointer  data)
{
  GtkWindow *plan_window;
  GtkWidget *pressed;
  struct { gboolean tab; const char *press; const char *then; } steps[] = {
    { FALSE, "Start the Plan", "Pause" },
    { FALSE, "Pause", "Resume" },
    { FALSE, "Resume", "Pause" },
    { TRUE, "Stop", "Start the Plan" },
  };

  gtk_window_present (GTK_WINDOW (fixture->window));
  plan_window = GTK_WINDOW (patella_plan_window_new (GTK_WINDOW (fixture->window), store ()));
  gtk_window_present (plan_window);
  flush_events ();

  gtk_widget_grab_focus (get_by_label (GTK_WIDGET (plan_window), GTK_TYPE_BUTTON, "Start the Plan"));
  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      if (steps[i].tab)
        g_signal_emit_by_name (plan_window, "move-focus", GTK_DIR_TAB_FORWARD);
      assert_focus_on (plan_window, steps[i].press);
      /* Enter or Space on the focused button, which works it as it comes
       * up again. */
      pressed = gtk_window_get_focus (plan_window);
      gtk_widget_activate (pressed);
      wait_until (button_is_hidden, pressed, 2000);
      flush_events ();
      assert_focus_on (plan_window, steps[i].then);
    }

  /* On a rung of the ladder when the plan changes: on the same rung after. */
  gtk_widget_grab_focus (get_by_label (GTK_WIDGET (plan_window), ADW_TYPE_ACTION_ROW, "3. Walk/Run 1"));
  start_plan (2);
  flush_events ();
  g_assert_true (gtk_window_get_focus (plan_window) ==
                 get_by_label (GTK_WIDGET (plan_window), ADW_TYPE_ACTION_ROW, "3. Walk/Run 1"));

  gtk_window_destroy (plan_window);
  flush_events ();
}

/* The morning check-in's "Rate in Patella…" opens that day's entry. */
static void
test_open_day (Fixture       *fixture,
               gconstpointer  data)
{
  GtkWidget *page;

  gtk_window_present (GTK_WINDOW (fixture->window));
  patella_window_show_view (fixture->window, "shoes");
  flush_events ();
  page = find_by_type (GTK_WIDGET (fixture->window), PATELLA_TYPE_JOURNAL_PAGE);
  g_assert_cmpstr (patella_journal_page_get_day (PATELLA_JOURNAL_PAGE (page)), ==, "2026-03-16");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.open-day", "s",
                                             "2026-03-15"));
  flush_events ();
  g_assert_cmpstr (patella_window_get_visible_view (fixture->window), ==, "journal");
  g_assert_cmpstr (patella_journal_page_get_day (PATELLA_JOURNAL_PAGE (page)), ==, "2026-03-15");

  /* A day in the future is not opened. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.open-day", "s",
                                             "2026-03-20"));
  flush_events ();
  g_assert_cmpstr (patella_journal_page_get_day (PATELLA_JOURNAL_PAGE (page)), ==, "2026-03-15");
}

int
main (int    argc,
      char **argv)
{
  test_app = patella_test_gui_init_at (&argc, &argv, T0, &fake_clock);

#define ADD(name, func) \
  g_test_add ("/plan-gui/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("today-card", test_today_card);
  ADD ("session-from-card", test_session_from_card);
  ADD ("plan-window", test_plan_window);
  ADD ("plan-window-keeps-focus", test_plan_window_keeps_focus);
  ADD ("open-day", test_open_day);

#undef ADD

  return patella_test_gui_run (&test_app);
}
