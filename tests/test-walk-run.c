/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "patella-enums.h"
#include "patella-error.h"
#include "patella-notifier.h"
#include "patella-parse.h"
#include "patella-plan.h"
#include "patella-test-store.h"
#include "patella-test-utils.h"
#include "patella-metronome.h"
#include "patella-walk-run.h"

/* The walk/run timer on a fake clock: intervals and cues at the right
 * instants, pause, stop, restore after a restart, ended while closed. */

#define SEC G_GINT64_CONSTANT (1000000)
#define MINUTE (60 * SEC)

typedef struct
{
  PatellaStoreFixture  base;
  PatellaWalkRun      *walk_run;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  patella_store_fixture_set_up (&fixture->base, data);
  fixture->walk_run = patella_walk_run_new (fixture->base.store, fixture->base.notifier);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_assert_finalize_object (fixture->walk_run);
  patella_store_fixture_tear_down (&fixture->base, data);
}

static void
advance (Fixture *fixture,
         gint64   delta_us)
{
  patella_clock_advance (fixture->base.clock, delta_us);
}

static void
start_phase_3 (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;

  /* Walk/run 1: 5 min warm-up, 6 × (2 min run, 3 min walk). */
  g_assert_true (patella_walk_run_start (fixture->walk_run, 3, 5 * 60, 2 * 60, 3 * 60, 6, &error));
  g_assert_no_error (error);
}

static const PatellaWalkRunInterval *
current (Fixture *fixture)
{
  GArray *intervals = patella_walk_run_get_intervals (fixture->walk_run);
  int index = patella_walk_run_get_index (fixture->walk_run);

  g_assert_cmpint (index, <, (int) intervals->len);
  return &g_array_index (intervals, PatellaWalkRunInterval, index);
}

static guint
done_notifications (Fixture *fixture)
{
  return patella_recording_notifier_count (PATELLA_RECORDING_NOTIFIER (fixture->base.notifier),
                                           "walk-run-done:");
}

static void
test_intervals (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GArray) intervals = patella_walk_run_intervals (300, 120, 180, 6);
  g_autoptr(GArray) continuous = patella_walk_run_intervals (300, 1800, 0, 1);
  const PatellaWalkRunInterval *last;

  g_assert_cmpuint (intervals->len, ==, 13);
  g_assert_cmpint (g_array_index (intervals, PatellaWalkRunInterval, 0).kind, ==,
                   PATELLA_WALK_RUN_WARM_UP);
  g_assert_cmpint (g_array_index (intervals, PatellaWalkRunInterval, 1).start_s, ==, 300);
  g_assert_cmpint (g_array_index (intervals, PatellaWalkRunInterval, 2).kind, ==,
                   PATELLA_WALK_RUN_WALK);
  g_assert_cmpint (g_array_index (intervals, PatellaWalkRunInterval, 2).start_s, ==, 420);
  last = &g_array_index (intervals, PatellaWalkRunInterval, 12);
  g_assert_cmpint (last->repeat, ==, 6);
  g_assert_cmpint (last->start_s + last->length_s, ==, 35 * 60);
  g_assert_cmpuint (continuous->len, ==, 2);
}

/* Each change is cued at its instant: not a second early, at once after. */
static void
test_cues_at_instants (Fixture       *fixture,
                       gconstpointer  data)
{
  gint64 t0 = patella_clock_get_now (fixture->base.clock);

  start_phase_3 (fixture);
  g_assert_cmpint (current (fixture)->kind, ==, PATELLA_WALK_RUN_WARM_UP);
  g_assert_cmpint (patella_walk_run_get_next_change (fixture->walk_run), ==, t0 + 5 * MINUTE);
  g_assert_cmpint (patella_walk_run_get_interval_remaining (fixture->walk_run), ==, 300);

  advance (fixture, 5 * MINUTE - 1);
  g_assert_false (patella_walk_run_tick (fixture->walk_run));
  g_assert_cmpint (current (fixture)->kind, ==, PATELLA_WALK_RUN_WARM_UP);

  advance (fixture, 1);
  g_assert_true (patella_walk_run_tick (fixture->walk_run));
  g_assert_cmpint (current (fixture)->kind, ==, PATELLA_WALK_RUN_RUN);
  g_assert_cmpint (current (fixture)->repeat, ==, 1);
  g_assert_cmpint (patella_walk_run_get_next_change (fixture->walk_run), ==, t0 + 7 * MINUTE);

  /* A tick between changes changes nothing. */
  advance (fixture, 30 * SEC);
  g_assert_false (patella_walk_run_tick (fixture->walk_run));
  g_assert_cmpint (patella_walk_run_get_interval_remaining (fixture->walk_run), ==, 90);

  patella_clock_set_now (fixture->base.clock, t0 + 7 * MINUTE);
  g_assert_true (patella_walk_run_tick (fixture->walk_run));
  g_assert_cmpint (current (fixture)->kind, ==, PATELLA_WALK_RUN_WALK);

  /* Run 4 of 6 starts at 5 + 3 × 5 minutes. */
  patella_clock_set_now (fixture->base.clock, t0 + 20 * MINUTE);
  g_assert_true (patella_walk_run_tick (fixture->walk_run));
  g_assert_cmpint (current (fixture)->kind, ==, PATELLA_WALK_RUN_RUN);
  g_assert_cmpint (current (fixture)->repeat, ==, 4);

  patella_clock_set_now (fixture->base.clock, t0 + 35 * MINUTE - 1);
  patella_walk_run_tick (fixture->walk_run);
  g_assert_cmpint (patella_walk_run_get_state (fixture->walk_run), ==, PATELLA_WALK_RUN_RUNNING);
  g_assert_cmpuint (done_notifications (fixture), ==, 0);
  advance (fixture, 1);
  g_assert_true (patella_walk_run_tick (fixture->walk_run));
  g_assert_cmpint (patella_walk_run_get_state (fixture->walk_run), ==, PATELLA_WALK_RUN_FINISHED);
  g_assert_cmpuint (done_notifications (fixture), ==, 1);
  g_assert_cmpint (patella_walk_run_get_elapsed (fixture->walk_run), ==, 35 * 60);
}

static void
test_pause_shifts_changes (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 t0 = patella_clock_get_now (fixture->base.clock);

  start_phase_3 (fixture);
  advance (fixture, 4 * MINUTE);
  g_assert_true (patella_walk_run_pause (fixture->walk_run, &error));
  g_assert_no_error (error);
  g_assert_cmpint (patella_walk_run_get_next_change (fixture->walk_run), ==, 0);

  /* Ten minutes of pause hold the session where it was. */
  advance (fixture, 10 * MINUTE);
  g_assert_false (patella_walk_run_tick (fixture->walk_run));
  g_assert_cmpint (patella_walk_run_get_elapsed (fixture->walk_run), ==, 4 * 60);

  g_assert_true (patella_walk_run_resume (fixture->walk_run, &error));
  g_assert_cmpint (patella_walk_run_get_next_change (fixture->walk_run), ==, t0 + 15 * MINUTE);
  g_assert_false (patella_walk_run_resume (fixture->walk_run, &error));
  g_assert_error (error, PATELLA_ERROR, PATELLA_ERROR_INVALID);
}

/* A new program on the same database picks the session up where it is. */
static void
test_restore_after_restart (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PatellaWalkRun) again = NULL;
  gint64 t0 = patella_clock_get_now (fixture->base.clock);

  start_phase_3 (fixture);
  advance (fixture, 8 * MINUTE);

  again = patella_walk_run_new (fixture->base.store, NULL);
  g_assert_true (patella_walk_run_restore (again, &error));
  g_assert_no_error (error);
  g_assert_cmpint (patella_walk_run_get_state (again), ==, PATELLA_WALK_RUN_RUNNING);
  g_assert_cmpint (patella_walk_run_get_index (again), ==, 2);
  g_assert_cmpint (patella_walk_run_get_elapsed (again), ==, 8 * 60);
  g_assert_cmpint (patella_walk_run_get_next_change (again), ==, t0 + 10 * MINUTE);

  /* Paused, then restored: the same point. */
  g_assert_true (patella_walk_run_pause (again, &error));
  g_clear_object (&again);
  advance (fixture, 60 * MINUTE);
  again = patella_walk_run_new (fixture->base.store, NULL);
  g_assert_true (patella_walk_run_restore (again, &error));
  g_assert_cmpint (patella_walk_run_get_state (again), ==, PATELLA_WALK_RUN_PAUSED);
  g_assert_cmpint (patella_walk_run_get_elapsed (again), ==, 8 * 60);
}

/* Ended while no Patella ran: recorded at its end, and told only when
 * found soon after. */
static void
test_finished_while_closed (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PatellaWalkRun) again = NULL;
  gint64 t0 = patella_clock_get_now (fixture->base.clock);

  start_phase_3 (fixture);
  g_clear_object (&fixture->walk_run);

  patella_clock_set_now (fixture->base.clock, t0 + 3 * 60 * MINUTE);
  fixture->walk_run = patella_walk_run_new (fixture->base.store, fixture->base.notifier);
  g_assert_true (patella_walk_run_restore (fixture->walk_run, &error));
  g_assert_no_error (error);
  g_assert_cmpint (patella_walk_run_get_state (fixture->walk_run), ==, PATELLA_WALK_RUN_FINISHED);
  g_assert_cmpint (patella_store_query_int (fixture->base.store,
                                            "SELECT ended_us - started_us FROM walk_run;", -1),
                   ==, 35 * MINUTE);
  g_assert_cmpuint (done_notifications (fixture), ==, 0);

  /* Still waits for its pain rating after another restart. */
  again = patella_walk_run_new (fixture->base.store, NULL);
  g_assert_true (patella_walk_run_restore (again, &error));
  g_assert_cmpint (patella_walk_run_get_state (again), ==, PATELLA_WALK_RUN_FINISHED);
}

/* At the end: the pain during is logged as the plan's session of the day. */
static void
test_finish_logs_plan_session (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PatellaPlan) plan = NULL;
  const PatellaPlanEvent *session;

  g_assert_true (patella_plan_start (fixture->base.store, 3, PATELLA_PLAN_RULE_STRICT, &error));
  start_phase_3 (fixture);
  g_assert_false (patella_walk_run_finish (fixture->walk_run, 2, &error));
  g_assert_error (error, PATELLA_ERROR, PATELLA_ERROR_INVALID);
  g_clear_error (&error);

  advance (fixture, 12 * MINUTE);
  g_assert_true (patella_walk_run_stop (fixture->walk_run, &error));
  g_assert_cmpint (patella_walk_run_get_state (fixture->walk_run), ==, PATELLA_WALK_RUN_STOPPED);
  g_assert_false (patella_walk_run_finish (fixture->walk_run, 11, &error));
  g_assert_error (error, PATELLA_ERROR, PATELLA_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (patella_walk_run_finish (fixture->walk_run, 2, &error));
  g_assert_no_error (error);
  g_assert_cmpint (patella_walk_run_get_state (fixture->walk_run), ==, PATELLA_WALK_RUN_IDLE);

  plan = patella_plan_load (fixture->base.store, &error);
  session = g_ptr_array_index (plan->events, plan->events->len - 1);
  g_assert_cmpint (session->kind, ==, PATELLA_PLAN_EVENT_SESSION);
  g_assert_cmpint (session->pain, ==, 2);
  /* Stopped after 12 of 35 minutes: logged as 12 minutes, 4 of them running
   * (5 min warm-up, 2 run, 3 walk, 2 run), not as the planned session. */
  g_assert_cmpint (session->duration_s, ==, 12 * 60);
  g_assert_cmpint (patella_plan_phase_run_done (patella_plan_get_phase (3), session->duration_s),
                   ==, 4 * 60);
  g_assert_cmpint (patella_plan_phase_run_done (patella_plan_get_phase (3), 35 * 60), ==, 12 * 60);
  g_assert_cmpint (patella_plan_phase_run_done (patella_plan_get_phase (3), 6 * 60), ==, 60);
  g_assert_cmpint (patella_plan_phase_run_done (patella_plan_get_phase (3), 4 * 60), ==, 0);
  g_assert_cmpint (patella_store_query_int (fixture->base.store,
                                            "SELECT pain FROM walk_run WHERE state = 'logged';", -1),
                   ==, 2);
}

/* A session written whole, as an import writes one from another Patella:
 * the timer picks it up where it was, and the store refuses a second one
 * under way. */
static void
test_put_record (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *today = patella_clock_get_today (fixture->base.clock);
  gint64 now = patella_clock_get_now (fixture->base.clock);
  PatellaWalkRunRecord row = {
    "0e1d2c3b-4a59-4687-9a6b-5c4d3e2f1a0b", today, 4, 5 * 60, 3 * 60, 2 * 60, 5, "paused",
    now - 20 * MINUTE, PATELLA_PLAN_NONE, 10 * 60, PATELLA_PLAN_NONE, PATELLA_PLAN_NONE,
  };
  gint64 id;

  id = patella_walk_run_put_record (fixture->base.store, &row, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  g_assert_cmpint (patella_walk_run_find (fixture->base.store, row.uuid, &error), ==, id);

  g_assert_true (patella_walk_run_restore (fixture->walk_run, &error));
  g_assert_cmpint (patella_walk_run_get_state (fixture->walk_run), ==, PATELLA_WALK_RUN_PAUSED);
  g_assert_cmpint (patella_walk_run_get_phase (fixture->walk_run), ==, 4);
  g_assert_cmpint (patella_walk_run_get_total (fixture->walk_run), ==, 30 * 60);
  g_assert_cmpint (patella_walk_run_get_elapsed (fixture->walk_run), ==, 20 * 60);

  /* One session under way at a time, however it is written. */
  row.uuid = "1f2e3d4c-5b6a-4798-8a7b-6c5d4e3f2a1b";
  row.state = "running";
  row.ends_us = now + 10 * MINUTE;
  row.remaining_s = PATELLA_PLAN_NONE;
  g_assert_cmpint (patella_walk_run_put_record (fixture->base.store, &row, &error), ==, 0);
  g_assert_error (error, PATELLA_ERROR, PATELLA_ERROR_CONSTRAINT);
  g_assert_cmpint (patella_walk_run_find (fixture->base.store, row.uuid, NULL), ==, 0);
}

static void
test_start_refused (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  start_phase_3 (fixture);
  g_assert_false (patella_walk_run_start (fixture->walk_run, 3, 300, 120, 180, 6, &error));
  g_assert_error (error, PATELLA_ERROR, PATELLA_ERROR_INVALID);
  g_assert_cmpint (patella_store_query_int (fixture->base.store, "SELECT count(*) FROM walk_run;",
                                            -1), ==, 1);
}

/* Summer time begins at 02:00 on 2026-03-29 in Berlin: a session started at
 * 01:50 still changes every few real minutes, not an hour off. */
static void
test_dst (Fixture       *fixture,
          gconstpointer  data)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_local ();
  g_autoptr(GDateTime) start = g_date_time_new (tz, 2026, 3, 29, 1, 50, 0);
  gint64 t0 = g_date_time_to_unix (start) * SEC;

  patella_clock_set_now (fixture->base.clock, t0);
  start_phase_3 (fixture);
  g_assert_cmpstr (patella_walk_run_get_day (fixture->walk_run), ==, "2026-03-29");
  patella_clock_set_now (fixture->base.clock, t0 + 9 * MINUTE);
  patella_walk_run_tick (fixture->walk_run);
  g_assert_cmpint (current (fixture)->kind, ==, PATELLA_WALK_RUN_WALK);
  g_assert_cmpint (patella_walk_run_get_next_change (fixture->walk_run), ==, t0 + 10 * MINUTE);
  patella_clock_set_now (fixture->base.clock, t0 + 35 * MINUTE);
  patella_walk_run_tick (fixture->walk_run);
  g_assert_cmpint (patella_walk_run_get_state (fixture->walk_run), ==, PATELLA_WALK_RUN_FINISHED);
}

static void
test_metronome (Fixture       *fixture,
                gconstpointer  data)
{
  gint64 t0 = 1000 * SEC;

  g_assert_cmpint (patella_metronome_target (160, 5), ==, 168);
  g_assert_cmpint (patella_metronome_target (165, 10), ==, 182);

  /* 168 steps a minute: tick 168 falls exactly a minute on, after 5
   * minutes no drift at all. */
  g_assert_cmpint (patella_metronome_tick_instant (t0, 168, 168), ==, t0 + MINUTE);
  g_assert_cmpint (patella_metronome_tick_instant (t0, 168, 5 * 168), ==, t0 + 5 * MINUTE);
  g_assert_cmpint (patella_metronome_tick_instant (t0, 182, 1), ==, t0 + 329670);
}

typedef struct
{
  GMutex  mutex;
  GArray *ticks;
} Ticks;

/* In the metronome's thread. */
static void
count_tick_cb (guint64  n,
               gint64   late_us,
               gpointer data)
{
  Ticks *ticks = data;

  g_mutex_lock (&ticks->mutex);
  g_array_append_val (ticks->ticks, n);
  g_mutex_unlock (&ticks->mutex);
}

static guint
n_ticks (Ticks *ticks)
{
  guint n;

  g_mutex_lock (&ticks->mutex);
  n = ticks->ticks->len;
  g_mutex_unlock (&ticks->mutex);
  return n;
}

/* The metronome numbers its ticks from 1, in order, and after stop no tick
 * comes. */
static void
test_metronome_ticks (Fixture       *fixture,
                      gconstpointer  data)
{
  Ticks ticks = { 0 };
  g_autoptr(PatellaMetronome) metronome = NULL;
  gint64 deadline = g_get_monotonic_time () + 10 * SEC;
  guint stopped_at;

  g_mutex_init (&ticks.mutex);
  ticks.ticks = g_array_new (FALSE, FALSE, sizeof (guint64));
  metronome = patella_metronome_new (count_tick_cb, &ticks);
  g_assert_false (patella_metronome_is_running (metronome));
  patella_metronome_start (metronome, 600);
  g_assert_true (patella_metronome_is_running (metronome));
  g_assert_cmpint (patella_metronome_get_spm (metronome), ==, 600);

  while (n_ticks (&ticks) < 3 && g_get_monotonic_time () < deadline)
    g_usleep (10000);
  patella_metronome_stop (metronome);
  g_assert_false (patella_metronome_is_running (metronome));
  stopped_at = n_ticks (&ticks);
  g_assert_cmpuint (stopped_at, >=, 3);
  for (guint i = 0; i < stopped_at; i++)
    g_assert_cmpuint (g_array_index (ticks.ticks, guint64, i), ==, i + 1);

  g_usleep (300000);
  g_assert_cmpuint (n_ticks (&ticks), ==, stopped_at);
  g_array_unref (ticks.ticks);
  g_mutex_clear (&ticks.mutex);
}

/* Bindings and inspectors see the state as a PatellaWalkRunState, by name. */
static void
test_state_property (Fixture       *fixture,
                     gconstpointer  data)
{
  start_phase_3 (fixture);
  patella_test_assert_enum_property (fixture->walk_run, "state", PATELLA_TYPE_WALK_RUN_STATE,
                                     PATELLA_WALK_RUN_RUNNING, "running");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/walk-run/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("state-property", test_state_property);
  ADD ("intervals", test_intervals);
  ADD ("cues-at-instants", test_cues_at_instants);
  ADD ("pause-shifts-changes", test_pause_shifts_changes);
  ADD ("restore-after-restart", test_restore_after_restart);
  ADD ("finished-while-closed", test_finished_while_closed);
  ADD ("finish-logs-plan-session", test_finish_logs_plan_session);
  ADD ("start-refused", test_start_refused);
  ADD ("put-record", test_put_record);
  ADD ("dst", test_dst);
  ADD ("metronome", test_metronome);
  ADD ("metronome-ticks", test_metronome_ticks);

  return g_test_run ();
}
