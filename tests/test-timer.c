/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "patella-enums.h"
#include "patella-error.h"
#include "patella-notifier.h"
#include "patella-status.h"
#include "patella-store.h"
#include "patella-test-store.h"
#include "patella-test-utils.h"
#include "patella-timer.h"

#define SEC G_GINT64_CONSTANT (1000000)
#define MINUTE (60 * SEC)
#define T0 PATELLA_TEST_MORNING_US

typedef PatellaStoreFixture Fixture;

static guint
sent_done (Fixture *fixture)
{
  return patella_recording_notifier_count (PATELLA_RECORDING_NOTIFIER (fixture->notifier),
                                           "icing-done:");
}

static gint64
query (Fixture    *fixture,
       const char *sql)
{
  return patella_store_query_int (fixture->store, sql, -1);
}

static void
test_tick_reports_only_changes (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(PatellaTimer) timer = patella_timer_new (fixture->store, fixture->notifier);
  const PatellaNotification *n;

  g_assert_true (patella_timer_start (timer, 15, NULL));

  patella_clock_advance (fixture->clock, SEC / 2);
  g_assert_false (patella_timer_tick (timer));
  g_assert_cmpint (patella_timer_get_remaining (timer), ==, 900);

  patella_clock_advance (fixture->clock, SEC / 2);
  g_assert_true (patella_timer_tick (timer));
  g_assert_cmpint (patella_timer_get_remaining (timer), ==, 899);
  g_assert_false (patella_timer_tick (timer));

  patella_clock_advance (fixture->clock, 14 * MINUTE + 58 * SEC);
  g_assert_true (patella_timer_tick (timer));
  g_assert_cmpint (patella_timer_get_remaining (timer), ==, 1);
  g_assert_cmpuint (sent_done (fixture), ==, 0);

  patella_clock_advance (fixture->clock, SEC);
  g_assert_true (patella_timer_tick (timer));
  g_assert_cmpint (patella_timer_get_state (timer), ==, PATELLA_TIMER_FINISHED);
  g_assert_cmpint (patella_timer_get_remaining (timer), ==, 0);
  g_assert_cmpuint (sent_done (fixture), ==, 1);

  n = g_ptr_array_index (patella_recording_notifier_get_sent (
                           PATELLA_RECORDING_NOTIFIER (fixture->notifier)), 0);
  g_assert_true (g_str_has_prefix (n->id, "icing-done:"));
  g_assert_nonnull (strstr (n->title, "remove the ice"));

  g_assert_cmpint (query (fixture, "SELECT count(*) FROM session WHERE state = 'finished' "
                                   "AND duration_s = 900 AND ended_us = started_us + 900000000"),
                   ==, 1);

  /* Once per session. */
  patella_clock_advance (fixture->clock, MINUTE);
  g_assert_false (patella_timer_tick (timer));
  g_assert_cmpuint (sent_done (fixture), ==, 1);
}

static void
test_pause_resume (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(PatellaTimer) timer = patella_timer_new (fixture->store, fixture->notifier);
  g_autoptr(GError) error = NULL;

  g_assert_true (patella_timer_start (timer, 20, &error));
  patella_clock_advance (fixture->clock, 5 * MINUTE);
  g_assert_true (patella_timer_pause (timer, &error));
  g_assert_no_error (error);
  g_assert_cmpint (patella_timer_get_state (timer), ==, PATELLA_TIMER_PAUSED);
  g_assert_cmpint (query (fixture, "SELECT remaining_s FROM session WHERE state = 'paused'"),
                   ==, 15 * 60);
  g_assert_cmpint (query (fixture, "SELECT count(*) FROM session WHERE ends_us IS NULL"), ==, 1);

  /* Time passes while paused: nothing changes. */
  patella_clock_advance (fixture->clock, 60 * MINUTE);
  g_assert_false (patella_timer_tick (timer));
  g_assert_cmpint (patella_timer_get_remaining (timer), ==, 15 * 60);

  /* Pausing twice is refused. */
  g_assert_false (patella_timer_pause (timer, &error));
  g_assert_error (error, PATELLA_ERROR, PATELLA_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (patella_timer_resume (timer, &error));
  g_assert_no_error (error);
  g_assert_cmpint (query (fixture, "SELECT ends_us FROM session WHERE state = 'running'"), ==,
                   T0 + 65 * MINUTE + 15 * MINUTE);

  patella_clock_advance (fixture->clock, 15 * MINUTE);
  g_assert_true (patella_timer_tick (timer));
  g_assert_cmpint (patella_timer_get_state (timer), ==, PATELLA_TIMER_FINISHED);
  g_assert_cmpuint (sent_done (fixture), ==, 1);
}

static void
test_suspend_jump (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(PatellaTimer) timer = patella_timer_new (fixture->store, fixture->notifier);

  g_assert_true (patella_timer_start (timer, 15, NULL));
  patella_clock_advance (fixture->clock, 3 * MINUTE);
  patella_timer_tick (timer);

  /* The laptop sleeps for 20 minutes; on waking the first tick sees it. */
  patella_clock_advance (fixture->clock, 20 * MINUTE);
  g_assert_true (patella_timer_tick (timer));
  g_assert_cmpint (patella_timer_get_state (timer), ==, PATELLA_TIMER_FINISHED);
  /* Recorded at its true end, not at the wake-up. */
  g_assert_cmpint (query (fixture, "SELECT ended_us FROM session WHERE state = 'finished'"), ==,
                   T0 + 15 * MINUTE);
  g_assert_cmpuint (sent_done (fixture), ==, 1);

  /* A sleep of hours: recorded, but no stale "remove the ice". */
  g_assert_true (patella_timer_start (timer, 15, NULL));
  patella_clock_advance (fixture->clock, 5 * 60 * MINUTE);
  g_assert_true (patella_timer_tick (timer));
  g_assert_cmpint (patella_timer_get_state (timer), ==, PATELLA_TIMER_FINISHED);
  g_assert_cmpuint (sent_done (fixture), ==, 1);
  g_assert_cmpint (query (fixture, "SELECT count(*) FROM session WHERE state = 'finished'"),
                   ==, 2);
}

static void
test_restart_mid_session (Fixture       *fixture,
                          gconstpointer  data)
{
  PatellaTimer *timer = patella_timer_new (fixture->store, fixture->notifier);
  gint64 id;

  g_assert_true (patella_timer_start (timer, 15, NULL));
  id = patella_timer_get_session_id (timer);
  patella_clock_advance (fixture->clock, 4 * MINUTE);
  g_assert_finalize_object (timer);
  patella_store_fixture_reopen (fixture);

  timer = patella_timer_new (fixture->store, fixture->notifier);
  g_assert_cmpint (patella_timer_get_state (timer), ==, PATELLA_TIMER_RUNNING);
  g_assert_cmpint (patella_timer_get_session_id (timer), ==, id);
  g_assert_cmpint (patella_timer_get_remaining (timer), ==, 11 * 60);
  g_assert_cmpint (patella_timer_get_ends_at (timer), ==, T0 + 15 * MINUTE);

  /* A paused session comes back paused, with what remained. */
  g_assert_true (patella_timer_pause (timer, NULL));
  g_assert_finalize_object (timer);
  patella_clock_advance (fixture->clock, 30 * MINUTE);
  patella_store_fixture_reopen (fixture);

  timer = patella_timer_new (fixture->store, fixture->notifier);
  g_assert_cmpint (patella_timer_get_state (timer), ==, PATELLA_TIMER_PAUSED);
  g_assert_cmpint (patella_timer_get_remaining (timer), ==, 11 * 60);

  g_assert_true (patella_timer_resume (timer, NULL));
  patella_clock_advance (fixture->clock, 11 * MINUTE);
  g_assert_true (patella_timer_tick (timer));
  g_assert_cmpint (patella_timer_get_state (timer), ==, PATELLA_TIMER_FINISHED);
  g_assert_cmpuint (sent_done (fixture), ==, 1);
  g_assert_finalize_object (timer);
}

static void
test_finished_while_closed (Fixture       *fixture,
                            gconstpointer  data)
{
  PatellaTimer *timer = patella_timer_new (fixture->store, fixture->notifier);
  g_autofree char *key = NULL;

  g_assert_true (patella_timer_start (timer, 15, NULL));
  key = g_strdup_printf ("icing-done:%" G_GINT64_FORMAT, patella_timer_get_session_id (timer));
  patella_clock_advance (fixture->clock, 2 * MINUTE);
  g_assert_finalize_object (timer);

  /* Patella was not running when the session ended; it starts 40 min later. */
  patella_clock_advance (fixture->clock, 40 * MINUTE);
  patella_store_fixture_reopen (fixture);
  timer = patella_timer_new (fixture->store, fixture->notifier);

  g_assert_cmpint (patella_timer_get_state (timer), ==, PATELLA_TIMER_FINISHED);
  g_assert_cmpint (query (fixture, "SELECT ended_us FROM session WHERE state = 'finished'"), ==,
                   T0 + 15 * MINUTE);
  g_assert_cmpint (query (fixture, "SELECT duration_s FROM session"), ==, 900);
  /* No stale notification, now or later. */
  g_assert_cmpuint (sent_done (fixture), ==, 0);
  g_assert_true (patella_notification_was_sent (fixture->store, key));
  g_assert_false (patella_timer_tick (timer));
  g_assert_cmpuint (sent_done (fixture), ==, 0);
  g_assert_finalize_object (timer);
}

static void
test_only_one_at_a_time (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(PatellaTimer) timer = patella_timer_new (fixture->store, fixture->notifier);
  g_autoptr(PatellaTimer) other = patella_timer_new (fixture->store, fixture->notifier);
  g_autoptr(GError) error = NULL;

  g_assert_true (patella_timer_start (timer, 15, NULL));
  g_assert_false (patella_timer_start (timer, 15, &error));
  g_assert_error (error, PATELLA_ERROR, PATELLA_ERROR_INVALID);
  g_clear_error (&error);

  /* A second engine on the same file sees it too. */
  g_assert_false (patella_timer_start (other, 15, &error));
  g_assert_error (error, PATELLA_ERROR, PATELLA_ERROR_INVALID);
  g_assert_cmpint (patella_timer_get_state (other), ==, PATELLA_TIMER_RUNNING);
  g_assert_cmpint (query (fixture, "SELECT count(*) FROM session"), ==, 1);
}

static void
test_bad_length (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(PatellaTimer) timer = patella_timer_new (fixture->store, fixture->notifier);
  const int bad[] = { 14, 21, 0, -15, 60 };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (patella_timer_start (timer, bad[i], &error));
      g_assert_error (error, PATELLA_ERROR, PATELLA_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, "15 to 20"));
    }

  g_assert_cmpint (patella_timer_get_state (timer), ==, PATELLA_TIMER_IDLE);
  g_assert_cmpint (query (fixture, "SELECT count(*) FROM session"), ==, 0);
}

static void
test_add_minute_ceiling (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(PatellaTimer) timer = patella_timer_new (fixture->store, fixture->notifier);
  g_autoptr(GError) error = NULL;

  g_assert_false (patella_timer_add_minute (timer, &error));
  g_clear_error (&error);

  g_assert_true (patella_timer_start (timer, 18, NULL));
  patella_clock_advance (fixture->clock, MINUTE);
  patella_timer_tick (timer);

  g_assert_true (patella_timer_add_minute (timer, &error));
  g_assert_no_error (error);
  g_assert_cmpint (patella_timer_get_remaining (timer), ==, 18 * 60);
  g_assert_cmpint (patella_timer_get_planned (timer), ==, 19 * 60);

  /* Paused, it works on what remains. */
  g_assert_true (patella_timer_pause (timer, NULL));
  g_assert_true (patella_timer_add_minute (timer, &error));
  g_assert_cmpint (patella_timer_get_remaining (timer), ==, 19 * 60);
  g_assert_false (patella_timer_can_add_minute (timer));

  g_assert_false (patella_timer_add_minute (timer, &error));
  g_assert_error (error, PATELLA_ERROR, PATELLA_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "20 minutes"));
  g_assert_cmpint (query (fixture, "SELECT planned_s FROM session"), ==, 20 * 60);
  g_assert_cmpint (query (fixture, "SELECT remaining_s FROM session"), ==, 19 * 60);

  g_assert_true (patella_timer_resume (timer, NULL));
  g_assert_cmpint (query (fixture, "SELECT ends_us FROM session"), ==, T0 + 20 * MINUTE);
}

static void
test_stop_early (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(PatellaTimer) timer = patella_timer_new (fixture->store, fixture->notifier);
  g_autoptr(PatellaStatus) status = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (patella_timer_start (timer, 15, NULL));
  patella_clock_advance (fixture->clock, 7 * MINUTE + 30 * SEC);
  g_assert_true (patella_timer_stop (timer, &error));
  g_assert_no_error (error);

  g_assert_cmpint (patella_timer_get_state (timer), ==, PATELLA_TIMER_CANCELLED);
  g_assert_cmpint (query (fixture, "SELECT duration_s FROM session WHERE state = 'stopped'"),
                   ==, 450);
  g_assert_cmpint (query (fixture, "SELECT ended_us FROM session"), ==,
                   T0 + 7 * MINUTE + 30 * SEC);

  /* It never rings, and does not count towards the day's goal. */
  patella_clock_advance (fixture->clock, 30 * MINUTE);
  g_assert_false (patella_timer_tick (timer));
  g_assert_cmpuint (sent_done (fixture), ==, 0);
  status = patella_status_collect (fixture->store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (status->ice_sessions_today, ==, 0);

  g_assert_false (patella_timer_stop (timer, &error));
  g_assert_error (error, PATELLA_ERROR, PATELLA_ERROR_INVALID);
}

static void
test_status_running (Fixture       *fixture,
                     gconstpointer  data)
{
  PatellaTimer *timer = patella_timer_new (fixture->store, fixture->notifier);
  g_autoptr(GError) error = NULL;

  {
    g_autoptr(PatellaStatus) status = patella_status_collect (fixture->store, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpint (status->ice_running_ends_us, ==, 0);
  }

  g_assert_true (patella_timer_start (timer, 16, NULL));
  patella_clock_advance (fixture->clock, MINUTE);
  {
    g_autoptr(PatellaStatus) status = patella_status_collect (fixture->store, NULL, &error);
    g_assert_cmpint (status->ice_running_ends_us, ==, T0 + 16 * MINUTE);
    g_assert_cmpint (status->ice_running_remaining_s, ==, 15 * 60);
    g_assert_cmpuint (status->ice_sessions_today, ==, 0);
  }
  g_assert_finalize_object (timer);

  /* Ended while nothing ran: counted, no longer running. */
  patella_clock_advance (fixture->clock, 20 * MINUTE);
  {
    g_autoptr(PatellaStatus) status = patella_status_collect (fixture->store, NULL, &error);
    g_assert_cmpint (status->ice_running_ends_us, ==, 0);
    g_assert_cmpuint (status->ice_sessions_today, ==, 1);
  }
}

static void
test_auto_tick_only_while_running (Fixture       *fixture,
                                   gconstpointer  data)
{
  g_autoptr(PatellaTimer) timer = patella_timer_new (fixture->store, fixture->notifier);

  /* Idle: no source in the main context at all. */
  patella_timer_set_auto_tick (timer, TRUE);
  g_assert_false (g_main_context_pending (NULL));
  g_assert_null (g_main_context_find_source_by_funcs_user_data (NULL, &g_timeout_funcs, timer));

  g_assert_true (patella_timer_start (timer, 15, NULL));
  g_assert_nonnull (g_main_context_find_source_by_funcs_user_data (NULL, &g_timeout_funcs,
                                                                   timer));
  g_assert_true (patella_timer_pause (timer, NULL));
  g_assert_null (g_main_context_find_source_by_funcs_user_data (NULL, &g_timeout_funcs, timer));
  g_assert_true (patella_timer_resume (timer, NULL));
  g_assert_true (patella_timer_stop (timer, NULL));
  g_assert_null (g_main_context_find_source_by_funcs_user_data (NULL, &g_timeout_funcs, timer));
}

/* Bindings and inspectors see the state as a PatellaTimerState, by name. */
static void
test_state_property (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(PatellaTimer) timer = patella_timer_new (fixture->store, fixture->notifier);

  g_assert_true (patella_timer_start (timer, 15, NULL));
  patella_test_assert_enum_property (timer, "state", PATELLA_TYPE_TIMER_STATE,
                                     PATELLA_TIMER_RUNNING, "running");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) patella_store_test_add_morning ("/timer/" name, (func))

  ADD ("tick-reports-only-changes", test_tick_reports_only_changes);
  ADD ("pause-resume", test_pause_resume);
  ADD ("suspend-jump", test_suspend_jump);
  ADD ("restart-mid-session", test_restart_mid_session);
  ADD ("finished-while-closed", test_finished_while_closed);
  ADD ("only-one-at-a-time", test_only_one_at_a_time);
  ADD ("bad-length", test_bad_length);
  ADD ("add-minute-ceiling", test_add_minute_ceiling);
  ADD ("stop-early", test_stop_early);
  ADD ("status-running", test_status_running);
  ADD ("auto-tick-only-while-running", test_auto_tick_only_while_running);
  ADD ("state-property", test_state_property);

#undef ADD

  return g_test_run ();
}
