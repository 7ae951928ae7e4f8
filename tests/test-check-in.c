/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "patella-check-in.h"
#include "patella-error.h"
#include "patella-journal.h"
#include "patella-plan.h"
#include "patella-shoes.h"
#include "patella-test-data.h"
#include "patella-test-store.h"

/* The morning check-in on a fake clock, with a recording notifier. */

typedef struct
{
  PatellaStoreFixture    base;
  PatellaCheckInService *service;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  patella_store_fixture_set_up (&fixture->base, data);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->service);
  patella_store_fixture_tear_down (&fixture->base, data);
}

static void
start_service (Fixture *fixture)
{
  fixture->service = patella_check_in_service_new (fixture->base.store, fixture->base.notifier,
                                                   NULL);
}

static guint
sent (Fixture *fixture)
{
  return patella_recording_notifier_count (PATELLA_RECORDING_NOTIFIER (fixture->base.notifier),
                                           PATELLA_CHECK_IN_PREFIX);
}

static void
add_run (Fixture    *fixture,
         const char *day)
{
  patella_test_add_run (fixture->base.store, NULL, day, 4000, PATELLA_SHOE_DEFAULT, "");
}

static void
journal (Fixture    *fixture,
         const char *day,
         int         morning)
{
  g_autoptr(GError) error = NULL;
  PatellaJournalChange change = PATELLA_JOURNAL_CHANGE_INIT;

  change.pain_rest = 1;
  change.pain_morning = morning;
  g_assert_true (patella_journal_save (fixture->base.store, day, &change, NULL, &error));
  g_assert_no_error (error);
}

/* At the wake time the morning after a run, once, with quick ratings. */
static void
test_after_run (Fixture       *fixture,
                gconstpointer  data)
{
  PatellaNotification *n;
  GPtrArray *all;

  patella_store_fixture_at (&fixture->base, "2026-03-09", 18, 0);
  add_run (fixture, "2026-03-09");
  journal (fixture, "2026-03-09", PATELLA_PAIN_NONE);
  patella_store_fixture_at (&fixture->base, "2026-03-10", 7, 59);
  start_service (fixture);
  patella_check_in_service_check_now (fixture->service);
  g_assert_cmpuint (sent (fixture), ==, 0);

  patella_store_fixture_at (&fixture->base, "2026-03-10", 8, 0);
  g_assert_cmpuint (sent (fixture), ==, 1);
  all = patella_recording_notifier_get_sent (PATELLA_RECORDING_NOTIFIER (fixture->base.notifier));
  n = g_ptr_array_index (all, all->len - 1);
  g_assert_cmpstr (n->id, ==, "morning-check-in:2026-03-09");
  g_assert_cmpstr (n->title, ==, "How is your knee this morning?");
  g_assert_cmpstr (g_ptr_array_index (n->actions, 0), ==, "rate-0");
  g_assert_cmpstr (g_ptr_array_index (n->actions, 2), ==, "rate-2");

  /* Once per session, whatever the clock does. */
  patella_store_fixture_at (&fixture->base, "2026-03-10", 9, 0);
  patella_store_fixture_at (&fixture->base, "2026-03-10", 12, 0);
  g_assert_cmpuint (sent (fixture), ==, 1);

  /* A rating from the notification lands on the run day's entry. */
  patella_notifier_emit_action (fixture->base.notifier, n->id, "rate-2");
  {
    g_autoptr(PatellaJournalEntry) entry = patella_journal_get (fixture->base.store,
                                                                "2026-03-09", NULL);

    g_assert_cmpint (patella_journal_entry_get_pain_morning (entry), ==, 2);
  }
}

static void
test_never_when_rated (Fixture       *fixture,
                       gconstpointer  data)
{
  patella_store_fixture_at (&fixture->base, "2026-03-09", 18, 0);
  add_run (fixture, "2026-03-09");
  journal (fixture, "2026-03-09", 1);
  patella_store_fixture_at (&fixture->base, "2026-03-10", 9, 0);
  start_service (fixture);
  patella_check_in_service_check_now (fixture->service);
  g_assert_cmpuint (sent (fixture), ==, 0);
}

static void
test_nothing_yesterday (Fixture       *fixture,
                        gconstpointer  data)
{
  patella_store_fixture_at (&fixture->base, "2026-03-08", 18, 0);
  add_run (fixture, "2026-03-08");
  patella_store_fixture_at (&fixture->base, "2026-03-10", 9, 0);
  start_service (fixture);
  patella_check_in_service_check_now (fixture->service);
  g_assert_cmpuint (sent (fixture), ==, 0);
}

/* A plan session counts; the rating lets the plan decide. */
static void
test_after_plan_session (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PatellaPlan) plan = NULL;
  g_autofree char *id = NULL;

  patella_store_fixture_at (&fixture->base, "2026-03-09", 9, 0);
  g_assert_true (patella_plan_start (fixture->base.store, 3, PATELLA_PLAN_RULE_STRICT, &error));
  patella_store_fixture_at (&fixture->base, "2026-03-09", 18, 0);
  g_assert_true (patella_plan_log (fixture->base.store, NULL, 1, 1, NULL, &error));
  journal (fixture, "2026-03-09", PATELLA_PAIN_NONE);

  patella_store_fixture_at (&fixture->base, "2026-03-10", 8, 30);
  start_service (fixture);
  patella_check_in_service_check_now (fixture->service);
  g_assert_cmpuint (sent (fixture), ==, 1);

  id = g_strdup ("morning-check-in:2026-03-09");
  g_assert_true (patella_check_in_record (fixture->base.store, id, 0, &error));
  g_assert_no_error (error);
  plan = patella_plan_load (fixture->base.store, &error);
  g_assert_cmpstr (patella_plan_get_last_decision (plan)->reason, ==, "one-good");

  g_assert_false (patella_check_in_record (fixture->base.store, id, 12, &error));
  g_assert_error (error, PATELLA_ERROR, PATELLA_ERROR_INVALID);
}

/* Without an entry to add to, the notification only opens the day. */
static void
test_no_entry_opens_day (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(PatellaNotification) n = NULL;
  g_autoptr(GError) error = NULL;

  patella_store_fixture_at (&fixture->base, "2026-03-09", 18, 0);
  add_run (fixture, "2026-03-09");
  n = patella_check_in_build_notification (fixture->base.store, "2026-03-09");
  g_assert_cmpstr (g_ptr_array_index (n->actions, 0), ==, "open");
  g_assert_false (patella_check_in_record (fixture->base.store, n->id, 1, &error));
  g_assert_error (error, PATELLA_ERROR, PATELLA_ERROR_NOT_FOUND);
}

static void
test_wake_time (Fixture       *fixture,
                gconstpointer  data)
{
  const char *bad[] = { "8:00", "24:00", "07:60", "07:30x", "", "noon" };

  g_assert_true (patella_check_in_check_wake_time ("06:45", NULL));
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (patella_check_in_check_wake_time (bad[i], &error));
      g_assert_error (error, PATELLA_ERROR, PATELLA_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, "HH:MM"));
    }

  /* Before today's wake time the next look is today's; after, tomorrow's. */
  patella_store_fixture_at (&fixture->base, "2026-03-10", 6, 0);
  {
    g_autoptr(GDateTime) next = patella_date_time_new_local (patella_check_in_next (
      fixture->base.store, "06:45"));
    g_autofree char *text = g_date_time_format (next, "%F %R");

    g_assert_cmpstr (text, ==, "2026-03-10 06:45");
  }
  patella_store_fixture_at (&fixture->base, "2026-03-10", 7, 0);
  {
    g_autoptr(GDateTime) next = patella_date_time_new_local (patella_check_in_next (
      fixture->base.store, "06:45"));
    g_autofree char *text = g_date_time_format (next, "%F %R");

    g_assert_cmpstr (text, ==, "2026-03-11 06:45");
  }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/check-in/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("after-run", test_after_run);
  ADD ("never-when-rated", test_never_when_rated);
  ADD ("nothing-yesterday", test_nothing_yesterday);
  ADD ("after-plan-session", test_after_plan_session);
  ADD ("no-entry-opens-day", test_no_entry_opens_day);
  ADD ("wake-time", test_wake_time);

  return g_test_run ();
}
