/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "patella-error.h"
#include "patella-journal.h"
#include "patella-parse.h"
#include "patella-plan.h"
#include "patella-shoes.h"
#include "patella-test-data.h"
#include "patella-test-db.h"
#include "patella-test-store.h"

/* Scenarios of the recovery plan on a fake clock, in Europe/Berlin (the
 * suite's TZ). 2026-03-16 is a Monday. */

typedef PatellaStoreFixture Fixture;

static void
journal (Fixture    *fixture,
         const char *day,
         int         rest,
         int         morning)
{
  g_autoptr(GError) error = NULL;
  PatellaJournalChange change = PATELLA_JOURNAL_CHANGE_INIT;

  change.pain_rest = rest;
  change.pain_morning = morning;
  g_assert_true (patella_journal_save (fixture->store, day, &change, NULL, &error));
  g_assert_no_error (error);
}

static void
symptom (Fixture    *fixture,
         const char *day,
         const char *code)
{
  g_autoptr(GError) error = NULL;
  PatellaJournalChange change = PATELLA_JOURNAL_CHANGE_INIT;
  const char *codes[] = { code, NULL };

  change.pain_rest = 2;
  change.symptoms = codes;
  g_assert_true (patella_journal_save (fixture->store, day, &change, NULL, &error));
  g_assert_no_error (error);
}

static void
start (Fixture         *fixture,
       int              phase,
       PatellaPlanRule  rule)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (patella_plan_start (fixture->store, phase, rule, &error));
  g_assert_no_error (error);
}

static void
log_session (Fixture *fixture,
             int      pain,
             int      pain_after)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (patella_plan_log (fixture->store, NULL, pain, pain_after, NULL, &error));
  g_assert_no_error (error);
}

static void
update (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (patella_plan_update (fixture->store, &error));
  g_assert_no_error (error);
}

static PatellaPlan *
load (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  PatellaPlan *plan = patella_plan_load (fixture->store, &error);

  g_assert_no_error (error);
  g_assert_nonnull (plan);
  return plan;
}

static int
phase_now (Fixture *fixture)
{
  g_autoptr(PatellaPlan) plan = load (fixture);

  return plan->phase;
}

/* The latest decision: its id and its sentence. */
static char *
last_reason (Fixture *fixture,
             char   **decision)
{
  g_autoptr(PatellaPlan) plan = load (fixture);
  const PatellaPlanEvent *event = patella_plan_get_last_decision (plan);

  g_assert_nonnull (event);
  if (decision != NULL)
    *decision = g_strdup (patella_plan_decision_get_id (event->decision));
  return patella_plan_event_get_reason (event);
}

static void
assert_decision (Fixture    *fixture,
                 const char *expected_decision,
                 const char *expected_reason)
{
  g_autofree char *decision = NULL;
  g_autofree char *reason = last_reason (fixture, &decision);

  g_assert_cmpstr (decision, ==, expected_decision);
  if (expected_reason != NULL)
    g_assert_cmpstr (reason, ==, expected_reason);
}

static guint
n_decisions (Fixture *fixture)
{
  return (guint) patella_store_query_int (fixture->store,
                                          "SELECT count(*) FROM plan_event WHERE kind = 'decision';",
                                          -1);
}

/* A good session on @day (pain 1, settled), rated the next morning 1/10. */
static void
good_day (Fixture    *fixture,
          const char *day)
{
  g_autofree char *next = patella_day_add_days (day, 1);

  patella_store_fixture_at (fixture, day, 18, 0);
  log_session (fixture, 1, 1);
  patella_store_fixture_at (fixture, next, 8, 0);
  journal (fixture, day, 1, 1);
  update (fixture);
}

static void
assert_refused_unchanged (Fixture  *fixture,
                          gboolean  ok,
                          GError  **error,
                          const char *before,
                          const char *needle)
{
  g_autofree char *after = NULL;

  g_assert_false (ok);
  g_assert_error (*error, PATELLA_ERROR, PATELLA_ERROR_INVALID);
  if (needle != NULL && strstr ((*error)->message, needle) == NULL)
    g_error ("“%s” not in “%s”", needle, (*error)->message);
  after = patella_test_dump_db (fixture->path);
  g_assert_cmpstr (after, ==, before);
  g_clear_error (error);
}

/* Tests */

static void
test_start_default (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(PatellaPlan) plan = NULL;
  g_autoptr(PatellaPlanToday) today = NULL;

  patella_store_fixture_at (fixture, "2026-03-16", 9, 0);
  plan = load (fixture);
  g_assert_cmpint (plan->state, ==, PATELLA_PLAN_STATE_NONE);
  g_clear_pointer (&plan, patella_plan_free);

  start (fixture, 0, PATELLA_PLAN_RULE_STRICT);
  plan = load (fixture);
  g_assert_cmpint (plan->state, ==, PATELLA_PLAN_STATE_ACTIVE);
  g_assert_cmpint (plan->phase, ==, 1);
  g_assert_cmpint (plan->rule, ==, PATELLA_PLAN_RULE_STRICT);
  g_assert_cmpstr (plan->started_day, ==, "2026-03-16");
  g_assert_cmpint (strlen (plan->uuid), ==, 36);
  assert_decision (fixture, "start", "Started at phase 1: Calm and Strengthen.");

  today = patella_plan_get_today (plan, "2026-03-16");
  g_assert_cmpint (today->kind, ==, PATELLA_PLAN_TODAY_SESSION);
  g_assert_nonnull (strstr (today->text, "brisk 20-minute walk"));
  g_assert_cmpstr (today->routine_key, ==, "builtin:early");
}

static void
test_start_twice (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  gboolean ok;

  start (fixture, 3, PATELLA_PLAN_RULE_STRICT);
  before = patella_test_dump_db (fixture->path);
  ok = patella_plan_start (fixture->store, 1, PATELLA_PLAN_RULE_STRICT, &error);
  assert_refused_unchanged (fixture, ok, &error, before, "already running (phase 3");
}

static void
test_phase_out_of_range (Fixture       *fixture,
                         gconstpointer  data)
{
  int bad[] = { -1, 10, 99 };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *before = patella_test_dump_db (fixture->path);
      gboolean ok = patella_plan_start (fixture->store, bad[i], PATELLA_PLAN_RULE_STRICT, &error);

      assert_refused_unchanged (fixture, ok, &error, before, "phases 1 to 9");
    }
  {
    g_autoptr(PatellaPlan) plan = load (fixture);

    g_assert_cmpint (plan->state, ==, PATELLA_PLAN_STATE_NONE);
  }
}

static void
test_advance_after_two_good (Fixture       *fixture,
                             gconstpointer  data)
{
  patella_store_fixture_at (fixture, "2026-03-16", 9, 0);
  start (fixture, 3, PATELLA_PLAN_RULE_STRICT);

  good_day (fixture, "2026-03-16");
  assert_decision (fixture, "hold",
                   "Held at phase 3: the session yesterday was 1/10; one more like it to advance.");
  g_assert_cmpint (phase_now (fixture), ==, 3);

  good_day (fixture, "2026-03-18");
  assert_decision (fixture, "advance",
                   "Advanced to phase 4: two sessions in a row within your rule, the last one "
                   "yesterday (1/10).");
  g_assert_cmpint (phase_now (fixture), ==, 4);
}

static void
test_hold_acceptable_strict (Fixture       *fixture,
                             gconstpointer  data)
{
  patella_store_fixture_at (fixture, "2026-03-16", 9, 0);
  start (fixture, 3, PATELLA_PLAN_RULE_STRICT);
  good_day (fixture, "2026-03-16");

  /* Tuesday 4/10: acceptable, not within the strict rule. */
  patella_store_fixture_at (fixture, "2026-03-17", 18, 0);
  log_session (fixture, 4, 2);
  patella_store_fixture_at (fixture, "2026-03-19", 9, 0);
  journal (fixture, "2026-03-17", 1, 1);
  update (fixture);
  assert_decision (fixture, "hold",
                   "Held at phase 3: the session on Tuesday was 4/10, above what your rule allows "
                   "to advance.");

  /* The streak started over: one more good session is not enough. */
  good_day (fixture, "2026-03-20");
  g_assert_cmpint (phase_now (fixture), ==, 3);
  good_day (fixture, "2026-03-22");
  g_assert_cmpint (phase_now (fixture), ==, 4);
}

static void
test_standard_rule (Fixture       *fixture,
                    gconstpointer  data)
{
  patella_store_fixture_at (fixture, "2026-03-16", 9, 0);
  start (fixture, 3, PATELLA_PLAN_RULE_STANDARD);

  for (int i = 0; i < 2; i++)
    {
      g_autofree char *day = patella_day_add_days ("2026-03-16", 2 * i);
      g_autofree char *next = patella_day_add_days (day, 1);

      patella_store_fixture_at (fixture, day, 18, 0);
      log_session (fixture, 4, 3);
      patella_store_fixture_at (fixture, next, 8, 0);
      journal (fixture, day, 1, 1);
      update (fixture);
    }

  g_assert_cmpint (phase_now (fixture), ==, 4);
  assert_decision (fixture, "advance", NULL);
}

static void
test_strict_is_default_limit (Fixture       *fixture,
                              gconstpointer  data)
{
  g_assert_cmpint (patella_plan_rule_get_limit (PATELLA_PLAN_RULE_STRICT), ==, 2);
  g_assert_cmpint (patella_plan_rule_get_limit (PATELLA_PLAN_RULE_STANDARD), ==, 5);
}

/* What the Timers page toasts after logging: the decisions made at once. */
static void
test_reasons_since (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GPtrArray) none = NULL;
  g_autoptr(GPtrArray) reasons = NULL;
  guint n_events;

  g_assert_cmpuint (patella_plan_count_events (fixture->store), ==, 0);
  patella_store_fixture_at (fixture, "2026-03-16", 9, 0);
  start (fixture, 5, PATELLA_PLAN_RULE_STANDARD);

  /* Within the rule: nothing decided until the morning after. */
  patella_store_fixture_at (fixture, "2026-03-16", 18, 0);
  n_events = patella_plan_count_events (fixture->store);
  g_assert_cmpuint (n_events, >, 0);
  log_session (fixture, 1, PATELLA_PAIN_NONE);
  none = patella_plan_get_reasons_since (fixture->store, n_events);
  g_assert_cmpuint (none->len, ==, 0);

  patella_store_fixture_at (fixture, "2026-03-17", 18, 0);
  n_events = patella_plan_count_events (fixture->store);
  log_session (fixture, 7, PATELLA_PAIN_NONE);
  reasons = patella_plan_get_reasons_since (fixture->store, n_events);
  /* The pending session is decided first, then today's. */
  g_assert_cmpuint (reasons->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (reasons, 0), ==,
                   "Held at phase 5: no morning rating after the session yesterday. Rate the "
                   "morning in the journal.");
  g_assert_cmpstr (g_ptr_array_index (reasons, 1), ==,
                   "Stepped back to phase 4: the session today was 7/10, too much (above 5).");
}

static void
test_step_back_worse_morning (Fixture       *fixture,
                              gconstpointer  data)
{
  patella_store_fixture_at (fixture, "2026-03-15", 20, 0);
  journal (fixture, "2026-03-15", 1, 1);
  patella_store_fixture_at (fixture, "2026-03-16", 9, 0);
  start (fixture, 4, PATELLA_PLAN_RULE_STRICT);

  patella_store_fixture_at (fixture, "2026-03-16", 18, 0);
  log_session (fixture, 2, 1);
  g_assert_cmpint (phase_now (fixture), ==, 4);
  patella_store_fixture_at (fixture, "2026-03-17", 8, 0);
  journal (fixture, "2026-03-16", 1, 4);
  update (fixture);

  g_assert_cmpint (phase_now (fixture), ==, 3);
  assert_decision (fixture, "step-back",
                   "Stepped back to phase 3: the morning after the session yesterday was worse "
                   "than usual (4/10).");
}

/* A session logged in too much pain is decided at once, without waiting
 * for the morning: where the plan starts, the rule, the pain, and the phase
 * and decision that follow. */
typedef struct
{
  int               start_phase;
  PatellaPlanRule   rule;
  int               pain;
  int               phase_after;
  const char       *decision;   /* NULL: not checked */
  const char       *reason;
} TooMuchCase;

/* Above the standard rule's 5: one phase back. */
static const TooMuchCase step_back_too_much = {
  5, PATELLA_PLAN_RULE_STANDARD, 7, 4, "step-back",
  "Stepped back to phase 4: the session today was 7/10, too much (above 5).",
};

/* From the first walk/run phase, back past the readiness check. */
static const TooMuchCase step_back_skips_readiness = {
  3, PATELLA_PLAN_RULE_STRICT, 8, 1, NULL, NULL,
};

/* Nothing below the first phase: it holds, and says so. */
static const TooMuchCase step_back_at_first_phase = {
  1, PATELLA_PLAN_RULE_STRICT, 6, 1, "hold",
  "Held at phase 1, the first: the session today was 6/10, too much (above 5). "
  "Keep to this phase until sessions settle.",
};

static void
test_too_much_decided_at_once (Fixture       *fixture,
                               gconstpointer  data)
{
  const TooMuchCase *c = data;

  patella_store_fixture_at (fixture, "2026-03-16", 9, 0);
  start (fixture, c->start_phase, c->rule);
  patella_store_fixture_at (fixture, "2026-03-16", 18, 0);
  log_session (fixture, c->pain, PATELLA_PAIN_NONE);
  g_assert_cmpint (phase_now (fixture), ==, c->phase_after);
  if (c->decision != NULL)
    assert_decision (fixture, c->decision, c->reason);
}

static void
test_readiness_check (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(PatellaPlan) plan = NULL;
  g_autoptr(PatellaPlanToday) today = NULL;

  patella_store_fixture_at (fixture, "2026-03-16", 9, 0);
  start (fixture, 2, PATELLA_PLAN_RULE_STANDARD);
  plan = load (fixture);
  today = patella_plan_get_today (plan, "2026-03-16");
  g_assert_nonnull (strstr (today->text, "single-leg squats"));

  /* 3/10 is within the standard rule but more than mild: not ready. */
  patella_store_fixture_at (fixture, "2026-03-16", 18, 0);
  log_session (fixture, 3, 2);
  patella_store_fixture_at (fixture, "2026-03-17", 8, 0);
  journal (fixture, "2026-03-16", 1, 1);
  update (fixture);
  g_assert_cmpint (phase_now (fixture), ==, 2);
  assert_decision (fixture, "hold",
                   "Not ready to run yet: the readiness check yesterday was 3/10. Keep up the "
                   "strength work and try again.");

  /* One passed check is enough. */
  good_day (fixture, "2026-03-18");
  g_assert_cmpint (phase_now (fixture), ==, 3);
  assert_decision (fixture, "advance",
                   "Ready to run: the readiness check yesterday was 1/10. Walk/run starts.");
}

static void
test_red_flag_pause_and_resume (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PatellaPlan) plan = NULL;
  g_autoptr(PatellaPlanToday) today = NULL;
  g_autofree char *before = NULL;

  patella_store_fixture_at (fixture, "2026-03-16", 9, 0);
  start (fixture, 4, PATELLA_PLAN_RULE_STRICT);
  good_day (fixture, "2026-03-16");

  patella_store_fixture_at (fixture, "2026-03-17", 20, 0);
  symptom (fixture, "2026-03-17", "swelling");
  update (fixture);

  plan = load (fixture);
  g_assert_cmpint (plan->state, ==, PATELLA_PLAN_STATE_PAUSED);
  assert_decision (fixture, "paused",
                   "Paused: you noted swelling, locking or a knee that gives way today. See a "
                   "doctor or physiotherapist before running again.");
  today = patella_plan_get_today (plan, "2026-03-17");
  g_assert_cmpint (today->kind, ==, PATELLA_PLAN_TODAY_PAUSED);
  g_assert_nonnull (strstr (today->text, "physiotherapist"));

  /* No session while paused. */
  patella_store_fixture_at (fixture, "2026-03-18", 18, 0);
  before = patella_test_dump_db (fixture->path);
  assert_refused_unchanged (fixture,
                            patella_plan_log (fixture->store, NULL, 1, 1, NULL, &error),
                            &error, before, "paused");

  /* Resumed after seeing someone: the old entry does not pause it again. */
  g_assert_true (patella_plan_resume (fixture->store, &error));
  g_assert_no_error (error);
  update (fixture);
  g_clear_pointer (&plan, patella_plan_free);
  plan = load (fixture);
  g_assert_cmpint (plan->state, ==, PATELLA_PLAN_STATE_ACTIVE);
  g_assert_cmpint (plan->phase, ==, 4);
  g_assert_cmpint (plan->streak, ==, 0);
  assert_decision (fixture, "resume", "Resumed at phase 4.");

  /* A new one does. */
  patella_store_fixture_at (fixture, "2026-03-19", 9, 0);
  symptom (fixture, "2026-03-19", "locking");
  update (fixture);
  assert_decision (fixture, "paused", NULL);
}

/* Started on a day the journal already notes swelling: paused at once, as
 * any red flag pauses it; resumed, that entry does not pause it again. */
static void
test_red_flag_before_start (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PatellaPlan) plan = NULL;

  patella_store_fixture_at (fixture, "2026-03-16", 8, 0);
  symptom (fixture, "2026-03-16", "swelling");
  patella_store_fixture_at (fixture, "2026-03-16", 9, 0);
  start (fixture, 3, PATELLA_PLAN_RULE_STRICT);

  plan = load (fixture);
  g_assert_cmpint (plan->state, ==, PATELLA_PLAN_STATE_PAUSED);
  assert_decision (fixture, "paused", NULL);

  g_assert_true (patella_plan_resume (fixture->store, &error));
  g_assert_no_error (error);
  update (fixture);
  g_clear_pointer (&plan, patella_plan_free);
  plan = load (fixture);
  g_assert_cmpint (plan->state, ==, PATELLA_PLAN_STATE_ACTIVE);
}

static void
test_rest_pain_pause (Fixture       *fixture,
                      gconstpointer  data)
{
  patella_store_fixture_at (fixture, "2026-03-16", 9, 0);
  start (fixture, 3, PATELLA_PLAN_RULE_STRICT);
  journal (fixture, "2026-03-16", 6, PATELLA_PAIN_NONE);
  update (fixture);
  assert_decision (fixture, "start", NULL);

  patella_store_fixture_at (fixture, "2026-03-18", 9, 0);
  journal (fixture, "2026-03-18", 7, PATELLA_PAIN_NONE);
  update (fixture);
  assert_decision (fixture, "paused",
                   "Paused: pain at rest above 5/10 on two or more days, the last today. See a "
                   "doctor or physiotherapist soon.");
}

static void
test_missed_week (Fixture       *fixture,
                  gconstpointer  data)
{
  guint n;

  patella_store_fixture_at (fixture, "2026-03-16", 9, 0);
  start (fixture, 3, PATELLA_PLAN_RULE_STRICT);
  good_day (fixture, "2026-03-16");

  patella_store_fixture_at (fixture, "2026-03-23", 9, 0);
  update (fixture);
  assert_decision (fixture, "hold",
                   "Repeating phase 3: no session for a week or more (since 2026-03-16).");
  n = n_decisions (fixture);

  /* Once, not every day after. */
  patella_store_fixture_at (fixture, "2026-03-25", 9, 0);
  update (fixture);
  g_assert_cmpuint (n_decisions (fixture), ==, n);

  /* The good session before the gap does not count toward advancing. */
  good_day (fixture, "2026-03-25");
  g_assert_cmpint (phase_now (fixture), ==, 3);
  good_day (fixture, "2026-03-27");
  g_assert_cmpint (phase_now (fixture), ==, 4);
}

static void
test_last_phase (Fixture       *fixture,
                 gconstpointer  data)
{
  patella_store_fixture_at (fixture, "2026-03-16", 9, 0);
  start (fixture, 9, PATELLA_PLAN_RULE_STRICT);
  good_day (fixture, "2026-03-16");
  good_day (fixture, "2026-03-18");
  g_assert_cmpint (phase_now (fixture), ==, 9);
  assert_decision (fixture, "hold",
                   "Kept at phase 9, the last one: two good sessions in a row, the last one "
                   "yesterday (1/10).");
}

static void
test_build_back_ten_percent (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(PatellaPlan) plan = NULL;
  g_autoptr(PatellaPlanToday) first = NULL;
  g_autoptr(PatellaPlanToday) later = NULL;
  int previous_week = 0;

  patella_store_fixture_at (fixture, "2026-03-16", 9, 0);
  start (fixture, 9, PATELLA_PLAN_RULE_STRICT);
  plan = load (fixture);
  first = patella_plan_get_today (plan, "2026-03-16");
  g_assert_cmpint (first->run_s, ==, 30 * 60);
  g_assert_cmpint (first->duration_s, ==, 35 * 60);
  g_clear_pointer (&plan, patella_plan_free);

  /* Three weeks of three sessions: no week more than 10 % above the one before. */
  for (int week = 0; week < 3; week++)
    {
      int week_s = 0;

      for (int s = 0; s < 3; s++)
        {
          g_autofree char *day = patella_day_add_days ("2026-03-16", week * 7 + s * 2);
          g_autoptr(PatellaPlanToday) today = NULL;

          plan = load (fixture);
          today = patella_plan_get_today (plan, day);
          g_clear_pointer (&plan, patella_plan_free);
          g_assert_cmpint (today->kind, ==, PATELLA_PLAN_TODAY_SESSION);
          week_s += today->run_s;
          good_day (fixture, day);
        }
      if (previous_week > 0)
        g_assert_cmpint (week_s, <=, previous_week * 110 / 100 + 60);
      g_assert_cmpint (week_s, >=, previous_week);
      previous_week = week_s;
    }

  plan = load (fixture);
  later = patella_plan_get_today (plan, "2026-04-06");
  g_assert_cmpint (later->run_s, >, 30 * 60);
}

static void
test_exercise_progression (Fixture       *fixture,
                           gconstpointer  data)
{
  const PatellaExercise *bridge = patella_exercise_lookup ("glute-bridge");
  const PatellaExercise *wall = patella_exercise_lookup ("wall-sit");
  PatellaRoutineStep base = { 0 };
  PatellaRoutineStep out;
  g_autoptr(PatellaPlan) plan = NULL;
  g_autoptr(PatellaRoutine) routine = NULL;

  g_assert_nonnull (bridge);
  g_assert_nonnull (wall);
  base.exercise = bridge;
  base.sets = 3;
  base.reps = 12;
  base.hold_s = 3;

  /* Reps first, then a set, then range; never past the ceiling. */
  g_assert_false (patella_plan_progress_step (&base, 0, &out));
  g_assert_cmpint (out.reps, ==, 12);
  g_assert_false (patella_plan_progress_step (&base, 1, &out));
  g_assert_cmpint (out.reps, ==, 15);
  g_assert_cmpint (out.sets, ==, 3);
  g_assert_false (patella_plan_progress_step (&base, 2, &out));
  g_assert_cmpint (out.sets, ==, 4);
  g_assert_true (patella_plan_progress_step (&base, 3, &out));
  g_assert_true (patella_plan_progress_step (&base, 7, &out));
  g_assert_cmpint (out.sets, ==, 4);
  g_assert_cmpint (out.reps, ==, 15);

  /* A timed hold grows toward 45 s. */
  base.exercise = wall;
  base.reps = 0;
  base.hold_s = 30;
  patella_plan_progress_step (&base, 1, &out);
  g_assert_cmpint (out.hold_s, ==, 45);

  /* In the plan: two sessions at ≤ 2/10 raise the level; too much lowers it. */
  patella_store_fixture_at (fixture, "2026-03-16", 9, 0);
  start (fixture, 9, PATELLA_PLAN_RULE_STRICT);
  good_day (fixture, "2026-03-16");
  good_day (fixture, "2026-03-18");
  plan = load (fixture);
  g_assert_cmpint (plan->ex_level, ==, 1);
  routine = patella_plan_get_routine (plan);
  g_assert_nonnull (routine);
  for (guint i = 0; i < routine->steps->len; i++)
    {
      PatellaRoutineStep *step = &g_array_index (routine->steps, PatellaRoutineStep, i);

      if (step->exercise == bridge)
        g_assert_cmpint (step->reps, >, bridge->reps);
    }
  g_clear_pointer (&plan, patella_plan_free);

  patella_store_fixture_at (fixture, "2026-03-20", 18, 0);
  log_session (fixture, 6, PATELLA_PAIN_NONE);
  plan = load (fixture);
  g_assert_cmpint (plan->ex_level, ==, 0);
}

static void
test_exercise_ceiling (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(PatellaPlan) plan = NULL;

  patella_store_fixture_at (fixture, "2026-03-02", 9, 0);
  start (fixture, 9, PATELLA_PLAN_RULE_STRICT);
  for (int i = 0; i < 10; i++)
    {
      g_autofree char *day = patella_day_add_days ("2026-03-02", 2 * i);

      good_day (fixture, day);
    }
  plan = load (fixture);
  g_assert_cmpint (plan->ex_level, ==, PATELLA_PLAN_EXERCISE_CEILING);
}

static void
test_no_morning_rating (Fixture       *fixture,
                        gconstpointer  data)
{
  patella_store_fixture_at (fixture, "2026-03-16", 9, 0);
  start (fixture, 3, PATELLA_PLAN_RULE_STRICT);
  patella_store_fixture_at (fixture, "2026-03-16", 18, 0);
  log_session (fixture, 1, 1);

  /* The next day without a rating: still waiting. */
  patella_store_fixture_at (fixture, "2026-03-17", 20, 0);
  update (fixture);
  assert_decision (fixture, "start", NULL);

  /* Two days later it is decided without it. */
  patella_store_fixture_at (fixture, "2026-03-18", 9, 0);
  update (fixture);
  assert_decision (fixture, "hold",
                   "Held at phase 3: no morning rating after the session on Monday. Rate the "
                   "morning in the journal.");
}

static void
test_next_session_decides_pending (Fixture       *fixture,
                                   gconstpointer  data)
{
  g_autoptr(PatellaPlan) plan = NULL;

  patella_store_fixture_at (fixture, "2026-03-16", 9, 0);
  start (fixture, 3, PATELLA_PLAN_RULE_STRICT);
  patella_store_fixture_at (fixture, "2026-03-16", 18, 0);
  log_session (fixture, 1, 1);
  patella_store_fixture_at (fixture, "2026-03-17", 18, 0);
  log_session (fixture, 1, 1);

  plan = load (fixture);
  g_assert_cmpuint (plan->events->len, ==, 4);
  assert_decision (fixture, "hold", NULL);
  g_assert_true (((PatellaPlanEvent *) g_ptr_array_index (plan->events, 1))->decided);
  g_assert_false (((PatellaPlanEvent *) g_ptr_array_index (plan->events, 3))->decided);
}

/* A log the plan refuses, after a plan started on 2026-03-16 at 09:00 at
 * phase 3 and, for some, a session logged before. */
typedef struct
{
  const char *logged_day;    /* a session logged then, with pain 1; NULL: none */
  int         logged_hour;
  int         logged_after;
  const char *now_day;
  int         now_hour;
  const char *day;           /* the day logged; NULL: today */
  int         pain;
  int         after;
  const char *message;
} RefusedLog;

static const RefusedLog two_sessions_a_day = {
  "2026-03-16", 10, PATELLA_PAIN_NONE, "2026-03-16", 19, NULL, 2, PATELLA_PAIN_NONE,
  "one session a day"
};
static const RefusedLog future_date = {
  NULL, 0, 0, "2026-03-16", 9, "2026-03-17", 1, 1, "in the future"
};
static const RefusedLog before_plan_start = {
  NULL, 0, 0, "2026-03-16", 9, "2026-03-15", 1, 1, "before the plan started (2026-03-16)"
};
static const RefusedLog log_in_order = {
  "2026-03-18", 18, 1, "2026-03-18", 18, "2026-03-17", 1, 1, "before the last logged session"
};

static void
test_refused_log (Fixture       *fixture,
                  gconstpointer  data)
{
  const RefusedLog *c = data;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;

  patella_store_fixture_at (fixture, "2026-03-16", 9, 0);
  start (fixture, 3, PATELLA_PLAN_RULE_STRICT);
  if (c->logged_day != NULL)
    {
      patella_store_fixture_at (fixture, c->logged_day, c->logged_hour, 0);
      log_session (fixture, 1, c->logged_after);
    }
  patella_store_fixture_at (fixture, c->now_day, c->now_hour, 0);
  before = patella_test_dump_db (fixture->path);
  assert_refused_unchanged (fixture,
                            patella_plan_log (fixture->store, c->day, c->pain, c->after, NULL,
                                              &error),
                            &error, before, c->message);
}

static void
test_clock_set_back (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;

  patella_store_fixture_at (fixture, "2026-03-16", 9, 0);
  start (fixture, 3, PATELLA_PLAN_RULE_STRICT);
  patella_store_fixture_at (fixture, "2026-03-20", 18, 0);
  log_session (fixture, 1, 1);

  /* The clock goes back two days: nothing is decided, nothing logged. */
  patella_store_fixture_at (fixture, "2026-03-18", 9, 0);
  before = patella_test_dump_db (fixture->path);
  update (fixture);
  patella_test_assert_db_unchanged (fixture->path, before);
  assert_refused_unchanged (fixture,
                            patella_plan_log (fixture->store, NULL, 1, 1, NULL, &error),
                            &error, before, "clock been set back");
}

static void
test_pain_out_of_range (Fixture       *fixture,
                        gconstpointer  data)
{
  int bad[][2] = { { 11, PATELLA_PAIN_NONE }, { -3, PATELLA_PAIN_NONE }, { 2, 12 } };

  patella_store_fixture_at (fixture, "2026-03-16", 9, 0);
  start (fixture, 3, PATELLA_PLAN_RULE_STRICT);
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *before = patella_test_dump_db (fixture->path);

      assert_refused_unchanged (fixture,
                                patella_plan_log (fixture->store, NULL, bad[i][0], bad[i][1],
                                                  NULL, &error),
                                &error, before, "0 (none) to 10");
    }

  /* A session's length: from 0 to 48 hours. */
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *before = patella_test_dump_db (fixture->path);
      gint64 bad_s[] = { -60, PATELLA_DURATION_MAX_S + 1 };

      assert_refused_unchanged (fixture,
                                patella_plan_log_session (fixture->store, NULL, 1, PATELLA_PAIN_NONE,
                                                          NULL, bad_s[i], &error),
                                &error, before, "at most 48 hours");
    }
}

static void
test_no_plan (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = patella_test_dump_db (fixture->path);

  assert_refused_unchanged (fixture, patella_plan_log (fixture->store, NULL, 1, 1, NULL, &error),
                            &error, before, "No plan has been started");
  g_clear_error (&error);
  assert_refused_unchanged (fixture, patella_plan_pause (fixture->store, &error),
                            &error, before, "No plan has been started");
  g_clear_error (&error);
  assert_refused_unchanged (fixture, patella_plan_stop (fixture->store, &error),
                            &error, before, "No plan has been started");
}

static void
test_pause_resume_user (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;

  patella_store_fixture_at (fixture, "2026-03-16", 9, 0);
  start (fixture, 3, PATELLA_PLAN_RULE_STRICT);
  g_assert_true (patella_plan_pause (fixture->store, &error));
  g_assert_no_error (error);
  assert_decision (fixture, "paused", "Paused at phase 3, as you asked.");

  before = patella_test_dump_db (fixture->path);
  assert_refused_unchanged (fixture, patella_plan_pause (fixture->store, &error),
                            &error, before, "already paused");
  g_clear_error (&error);

  /* A paused plan makes no decisions, not even a missed week. */
  patella_store_fixture_at (fixture, "2026-04-16", 9, 0);
  update (fixture);
  assert_decision (fixture, "paused", NULL);

  g_assert_true (patella_plan_resume (fixture->store, &error));
  g_assert_no_error (error);
  g_free (before);
  before = patella_test_dump_db (fixture->path);
  assert_refused_unchanged (fixture, patella_plan_resume (fixture->store, &error),
                            &error, before, "not paused");
}

static void
test_stop_keeps_history (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PatellaPlan) plan = NULL;
  g_autofree char *before = NULL;

  patella_store_fixture_at (fixture, "2026-03-16", 9, 0);
  start (fixture, 3, PATELLA_PLAN_RULE_STRICT);
  good_day (fixture, "2026-03-16");
  g_assert_true (patella_plan_stop (fixture->store, &error));
  g_assert_no_error (error);
  assert_decision (fixture, "stop", "Stopped at phase 3. The history is kept.");

  plan = load (fixture);
  g_assert_cmpint (plan->state, ==, PATELLA_PLAN_STATE_STOPPED);
  g_assert_cmpuint (plan->events->len, ==, 4);
  g_clear_pointer (&plan, patella_plan_free);

  /* Starting again asks where to start. */
  before = patella_test_dump_db (fixture->path);
  assert_refused_unchanged (fixture,
                            patella_plan_start (fixture->store, 0, PATELLA_PLAN_RULE_STRICT,
                                                &error),
                            &error, before, "choose where to start again");

  start (fixture, 2, PATELLA_PLAN_RULE_STRICT);
  plan = load (fixture);
  g_assert_cmpint (plan->phase, ==, 2);
  g_assert_cmpuint (plan->events->len, ==, 1);
  g_assert_cmpint (patella_store_query_int (fixture->store, "SELECT count(*) FROM plan_event;", -1),
                   ==, 5);
}

static void
test_today_sequence (Fixture       *fixture,
                     gconstpointer  data)
{
  PatellaPlanTodayKind kinds[3];

  patella_store_fixture_at (fixture, "2026-03-16", 9, 0);
  start (fixture, 3, PATELLA_PLAN_RULE_STRICT);
  patella_store_fixture_at (fixture, "2026-03-16", 18, 0);
  log_session (fixture, 1, 1);

  for (int i = 0; i < 3; i++)
    {
      g_autoptr(PatellaPlan) plan = load (fixture);
      g_autofree char *day = patella_day_add_days ("2026-03-16", i);
      g_autoptr(PatellaPlanToday) today = patella_plan_get_today (plan, day);

      kinds[i] = today->kind;
      if (i == 2)
        {
          g_assert_cmpint (today->run_s, ==, 120);
          g_assert_cmpint (today->walk_s, ==, 180);
          g_assert_cmpint (today->repeats, ==, 6);
          g_assert_cmpint (today->duration_s, ==, 35 * 60);
          g_assert_cmpstr (today->text, ==,
                           "Walk/run: a 5-minute warm-up walk, then 6 × (2 min run, 3 min walk).");
        }
    }
  g_assert_cmpint (kinds[0], ==, PATELLA_PLAN_TODAY_DONE);
  g_assert_cmpint (kinds[1], ==, PATELLA_PLAN_TODAY_REST);
  g_assert_cmpint (kinds[2], ==, PATELLA_PLAN_TODAY_SESSION);
}

static void
test_decision_dated_when_made (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(PatellaPlan) plan = NULL;
  const PatellaPlanEvent *decision;

  patella_store_fixture_at (fixture, "2026-03-16", 9, 0);
  start (fixture, 3, PATELLA_PLAN_RULE_STRICT);
  good_day (fixture, "2026-03-16");
  plan = load (fixture);
  decision = patella_plan_get_last_decision (plan);
  g_assert_cmpstr (decision->day, ==, "2026-03-17");
  g_assert_cmpstr (decision->ref_day, ==, "2026-03-16");
  g_assert_cmpint (decision->value, ==, 1);
  g_assert_cmpint (strlen (decision->uuid), ==, 36);
}

/* Summer time starts in Berlin on 2026-03-29 at 02:00. A session from 01:40
 * to 03:15 local time is logged on the day it started, and the next
 * morning is the 30th whatever the hour count. */
static void
test_dst_change_during_session (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(PatellaPlan) plan = NULL;
  const PatellaPlanEvent *session;

  patella_store_fixture_at (fixture, "2026-03-27", 9, 0);
  start (fixture, 3, PATELLA_PLAN_RULE_STRICT);
  patella_store_fixture_at (fixture, "2026-03-29", 1, 40);
  patella_clock_advance (fixture->clock, G_GINT64_CONSTANT (35) * 60 * G_USEC_PER_SEC);
  log_session (fixture, 1, 1);

  plan = load (fixture);
  session = g_ptr_array_index (plan->events, 1);
  g_assert_cmpstr (session->day, ==, "2026-03-29");
  g_clear_pointer (&plan, patella_plan_free);

  /* 23 hours later it is the next morning, not the same day. */
  patella_clock_advance (fixture->clock, G_GINT64_CONSTANT (23) * 3600 * G_USEC_PER_SEC);
  journal (fixture, "2026-03-29", 1, 1);
  update (fixture);
  plan = load (fixture);
  g_assert_cmpstr (patella_plan_get_last_decision (plan)->day, ==, "2026-03-30");
  assert_decision (fixture, "hold", NULL);
}

static void
test_reasons_translated_days (Fixture       *fixture,
                              gconstpointer  data)
{
  PatellaPlanEvent event = { 0 };
  g_autofree char *far = NULL;

  event.kind = PATELLA_PLAN_EVENT_DECISION;
  event.decision = PATELLA_PLAN_DECISION_HOLD;
  event.reason = (char *) "acceptable";
  event.phase = 3;
  event.value = 4;
  g_strlcpy (event.day, "2026-03-20", sizeof event.day);
  g_strlcpy (event.ref_day, "2026-03-10", sizeof event.ref_day);
  far = patella_plan_event_get_reason (&event);
  g_assert_cmpstr (far, ==, "Held at phase 3: the session on 2026-03-10 was 4/10, above what your "
                            "rule allows to advance.");
}

/* Rated an hour after, later: counts in the decision; refused once decided. */
static void
test_rate_after (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;

  patella_store_fixture_at (fixture, "2026-03-16", 9, 0);
  start (fixture, 3, PATELLA_PLAN_RULE_STRICT);
  patella_store_fixture_at (fixture, "2026-03-16", 18, 0);
  log_session (fixture, 1, PATELLA_PAIN_NONE);

  patella_store_fixture_at (fixture, "2026-03-16", 19, 10);
  before = patella_test_dump_db (fixture->path);
  assert_refused_unchanged (fixture, patella_plan_rate_after (fixture->store, 11, &error),
                            &error, before, "0 (none) to 10");
  g_assert_true (patella_plan_rate_after (fixture->store, 4, &error));
  g_assert_no_error (error);

  patella_store_fixture_at (fixture, "2026-03-17", 8, 0);
  journal (fixture, "2026-03-16", 1, 1);
  update (fixture);
  assert_decision (fixture, "hold",
                   "Held at phase 3: an hour after the session yesterday the knee was still 4/10.");

  g_clear_pointer (&before, g_free);
  before = patella_test_dump_db (fixture->path);
  assert_refused_unchanged (fixture, patella_plan_rate_after (fixture->store, 1, &error),
                            &error, before, "No plan session waits");
}

/* The time zone changes after a session (a flight east): the session keeps
 * its day; the new zone's today decides what comes next. */
static void
test_time_zone_change (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PatellaPlan) plan = NULL;
  g_autofree char *before = NULL;
  g_autofree char *today = NULL;

  patella_store_fixture_at (fixture, "2026-03-16", 9, 0);
  start (fixture, 3, PATELLA_PLAN_RULE_STRICT);
  patella_store_fixture_at (fixture, "2026-03-16", 22, 30);
  log_session (fixture, 1, 1);

  /* 22:30 in Berlin is 06:30 the next day in Tokyo. */
  g_setenv ("TZ", "Asia/Tokyo", TRUE);
  today = patella_clock_get_today (fixture->clock);
  g_assert_cmpstr (today, ==, "2026-03-17");
  plan = load (fixture);
  g_assert_cmpstr (((PatellaPlanEvent *) g_ptr_array_index (plan->events, 1))->day, ==,
                   "2026-03-16");
  g_clear_pointer (&plan, patella_plan_free);

  /* Back west the same instant is the 16th again: one session a day. */
  g_setenv ("TZ", "America/New_York", TRUE);
  before = patella_test_dump_db (fixture->path);
  assert_refused_unchanged (fixture, patella_plan_log (fixture->store, NULL, 1, 1, NULL, &error),
                            &error, before, "one session a day");
  g_setenv ("TZ", "Europe/Berlin", TRUE);
}

static void
add_run (Fixture    *fixture,
         const char *day,
         gint64      metres)
{
  patella_test_add_run (fixture->store, NULL, day, metres, PATELLA_SHOE_DEFAULT, "");
}

/* The Shoes view's load checks apply once the plan runs again. */
static void
test_load_checks (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PatellaPlan) plan = NULL;
  g_autoptr(GPtrArray) warnings = NULL;

  /* Monday 16 March: last week 10 km, this week already 12 km. */
  patella_store_fixture_at (fixture, "2026-03-18", 9, 0);
  add_run (fixture, "2026-03-10", 5000);
  add_run (fixture, "2026-03-12", 5000);
  add_run (fixture, "2026-03-16", 6000);
  add_run (fixture, "2026-03-17", 6000);

  start (fixture, 1, PATELLA_PLAN_RULE_STRICT);
  plan = load (fixture);
  warnings = patella_plan_get_load_warnings (fixture->store, plan, PATELLA_UNIT_KM,
                                             &error);
  g_assert_no_error (error);
  g_assert_cmpuint (warnings->len, ==, 0);
  g_clear_pointer (&warnings, g_ptr_array_unref);
  g_clear_pointer (&plan, patella_plan_free);

  g_assert_true (patella_plan_stop (fixture->store, &error));
  start (fixture, 9, PATELLA_PLAN_RULE_STRICT);
  plan = load (fixture);
  warnings = patella_plan_get_load_warnings (fixture->store, plan, PATELLA_UNIT_KM,
                                             &error);
  g_assert_no_error (error);
  g_assert_cmpuint (warnings->len, >=, 1);
  g_assert_cmpint (((PatellaLoadWarning *) g_ptr_array_index (warnings, 0))->kind, ==,
                   PATELLA_LOAD_WEEK_OVER_10);
}

static void
test_phase_ladder (Fixture       *fixture,
                   gconstpointer  data)
{
  const PatellaPlanPhase *first = patella_plan_get_phase (PATELLA_PLAN_PHASE_WALK_RUN);
  const PatellaPlanPhase *continuous = patella_plan_get_phase (8);

  /* Six walk/run phases, from 2 min run : 3 min walk to continuous. */
  g_assert_cmpint (first->run_s, ==, 120);
  g_assert_cmpint (first->walk_s, ==, 180);
  g_assert_cmpint (continuous->walk_s, ==, 0);
  for (int i = PATELLA_PLAN_PHASE_WALK_RUN; i < PATELLA_PLAN_PHASE_WALK_RUN + 6; i++)
    g_assert_cmpint (patella_plan_get_phase (i)->kind, ==, PATELLA_PLAN_KIND_WALK_RUN);
  for (int i = PATELLA_PLAN_PHASE_WALK_RUN + 1; i < PATELLA_PLAN_PHASE_WALK_RUN + 6; i++)
    g_assert_cmpint (patella_plan_get_phase (i)->run_s, >, patella_plan_get_phase (i - 1)->run_s);
  g_assert_null (patella_plan_get_phase (0));
  g_assert_null (patella_plan_get_phase (10));
  g_assert_cmpint (patella_plan_get_phase (9)->kind, ==, PATELLA_PLAN_KIND_BUILD_BACK);
}

/* What the Timers page starts for today's session: the routine up to the
 * readiness check, walk/run from then on; on a rest day always the routine. */
static void
test_today_walk_run (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(PatellaPlan) plan = NULL;
  g_autoptr(PatellaPlanToday) today = NULL;
  PatellaPlanToday rest = { .kind = PATELLA_PLAN_TODAY_REST, .phase = PATELLA_PLAN_PHASE_WALK_RUN };
  PatellaPlanToday session = { .kind = PATELLA_PLAN_TODAY_SESSION };

  patella_store_fixture_at (fixture, "2026-03-16", 9, 0);
  start (fixture, PATELLA_PLAN_PHASE_EARLY, PATELLA_PLAN_RULE_STRICT);
  plan = load (fixture);
  today = patella_plan_get_today (plan, "2026-03-16");
  g_assert_cmpint (today->kind, ==, PATELLA_PLAN_TODAY_SESSION);
  g_assert_false (patella_plan_today_is_walk_run (today));

  session.phase = PATELLA_PLAN_PHASE_READINESS;
  g_assert_false (patella_plan_today_is_walk_run (&session));
  session.phase = PATELLA_PLAN_PHASE_WALK_RUN;
  g_assert_true (patella_plan_today_is_walk_run (&session));
  session.phase = PATELLA_PLAN_PHASE_BUILD_BACK;
  g_assert_true (patella_plan_today_is_walk_run (&session));
  g_assert_false (patella_plan_today_is_walk_run (&rest));
}

/* A plan is under way, and the journal shows its Today card, from its start
 * until it is stopped, paused or not. */
static void
test_under_way (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PatellaPlan) none = patella_plan_load (fixture->store, &error);
  g_autoptr(PatellaPlan) active = NULL;
  g_autoptr(PatellaPlan) paused = NULL;
  g_autoptr(PatellaPlan) stopped = NULL;

  g_assert_no_error (error);
  g_assert_false (patella_plan_is_under_way (none));

  patella_store_fixture_at (fixture, "2026-03-16", 9, 0);
  start (fixture, 2, PATELLA_PLAN_RULE_STRICT);
  active = load (fixture);
  g_assert_true (patella_plan_is_under_way (active));

  g_assert_true (patella_plan_pause (fixture->store, &error));
  paused = load (fixture);
  g_assert_true (patella_plan_is_under_way (paused));

  g_assert_true (patella_plan_stop (fixture->store, &error));
  stopped = load (fixture);
  g_assert_false (patella_plan_is_under_way (stopped));
}

/* A plan written whole, as an import writes one from another Patella: it
 * loads back as it was, empty columns and all, and goes on from there. */
static void
test_put_record (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PatellaPlan) plan = NULL;
  PatellaPlanRecord row = {
    "c2d4e6f8-0a1b-4c3d-8e5f-6a7b8c9d0e1f", "2026-03-02", 1000, "standard", "paused", 5, 1, 2, 1,
  };
  PatellaPlanEventRecord session = {
    "7b7c5a2e-1d34-4f6e-9a3b-2c1d0e9f8a71", 0, "2026-03-12", 2000, "session", 5, 3,
    PATELLA_PLAN_NONE, 1800, FALSE, NULL, NULL, NULL, PATELLA_PLAN_NONE, PATELLA_PLAN_NONE,
    "felt fine",
  };
  PatellaPlanEventRecord decision = {
    "0e1d2c3b-4a59-4687-9a6b-5c4d3e2f1a0b", 0, "2026-03-13", 3000, "decision", 5,
    PATELLA_PLAN_NONE, PATELLA_PLAN_NONE, PATELLA_PLAN_NONE, TRUE, "paused", "red-flag",
    "2026-03-12", 6, 2, NULL,
  };
  const PatellaPlanEvent *event;
  gint64 id;

  patella_store_fixture_at (fixture, "2026-03-16", 9, 0);
  id = patella_plan_put_record (fixture->store, &row, &error);
  g_assert_no_error (error);
  g_assert_cmpint (patella_plan_find (fixture->store, row.uuid, &error), ==, id);
  session.plan_id = decision.plan_id = id;
  g_assert_cmpint (patella_plan_event_put_record (fixture->store, &session, &error), >, 0);
  g_assert_cmpint (patella_plan_event_put_record (fixture->store, &decision, &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpint (patella_plan_event_find (fixture->store, decision.uuid, &error), >, 0);

  plan = load (fixture);
  g_assert_cmpstr (plan->uuid, ==, row.uuid);
  g_assert_cmpstr (plan->started_day, ==, "2026-03-02");
  g_assert_cmpint (plan->rule, ==, PATELLA_PLAN_RULE_STANDARD);
  g_assert_cmpint (plan->state, ==, PATELLA_PLAN_STATE_PAUSED);
  g_assert_cmpint (plan->phase, ==, 5);
  g_assert_cmpint (plan->streak, ==, 1);
  g_assert_cmpint (plan->ex_level, ==, 2);
  g_assert_cmpuint (plan->events->len, ==, 2);
  event = g_ptr_array_index (plan->events, 0);
  g_assert_cmpstr (event->uuid, ==, session.uuid);
  g_assert_cmpint (event->kind, ==, PATELLA_PLAN_EVENT_SESSION);
  g_assert_cmpint (event->pain, ==, 3);
  g_assert_cmpint (event->pain_after, ==, PATELLA_PAIN_NONE);
  g_assert_cmpint (event->duration_s, ==, 1800);
  g_assert_cmpstr (event->ref_day, ==, "");
  g_assert_cmpint (event->value, ==, -1);
  g_assert_cmpstr (event->note, ==, "felt fine");
  event = patella_plan_get_last_decision (plan);
  g_assert_cmpint (event->decision, ==, PATELLA_PLAN_DECISION_PAUSED);
  g_assert_cmpstr (event->ref_day, ==, "2026-03-12");
  g_assert_cmpint (event->value, ==, 6);
  g_assert_cmpint (event->ex_level, ==, 2);
  g_assert_cmpstr (event->note, ==, "");

  /* It goes on where it was. */
  g_assert_true (patella_plan_resume (fixture->store, &error));
  g_assert_no_error (error);
  g_clear_pointer (&plan, patella_plan_free);
  plan = load (fixture);
  g_assert_cmpint (plan->state, ==, PATELLA_PLAN_STATE_ACTIVE);
  g_assert_cmpint (plan->phase, ==, 5);

  /* One open plan at a time, and no event without its plan. */
  row.uuid = "9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a";
  g_assert_cmpint (patella_plan_put_record (fixture->store, &row, &error), ==, 0);
  g_assert_error (error, PATELLA_ERROR, PATELLA_ERROR_CONSTRAINT);
  g_clear_error (&error);
  session.uuid = "1f2e3d4c-5b6a-4798-8a7b-6c5d4e3f2a1b";
  session.plan_id = 0;
  g_assert_cmpint (patella_plan_event_put_record (fixture->store, &session, &error), ==, 0);
  g_assert_error (error, PATELLA_ERROR, PATELLA_ERROR_CONSTRAINT);
  g_assert_cmpint (patella_store_query_int (fixture->store, "SELECT count(*) FROM plan;", -1),
                   ==, 1);
  g_assert_cmpint (patella_store_query_int (fixture->store, "SELECT count(*) FROM plan_event;",
                                            -1), ==, 3);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD_DATA(name, data, func) \
  g_test_add ("/plan/" name, Fixture, data, patella_store_fixture_set_up, func, \
              patella_store_fixture_tear_down)
#define ADD(name, func) ADD_DATA (name, NULL, func)

  ADD ("start-default", test_start_default);
  ADD ("start-twice", test_start_twice);
  ADD ("phase-out-of-range", test_phase_out_of_range);
  ADD ("advance-after-two-good", test_advance_after_two_good);
  ADD ("hold-acceptable-strict", test_hold_acceptable_strict);
  ADD ("standard-rule", test_standard_rule);
  ADD ("rule-limits", test_strict_is_default_limit);
  ADD_DATA ("step-back-too-much", &step_back_too_much, test_too_much_decided_at_once);
  ADD ("step-back-worse-morning", test_step_back_worse_morning);
  ADD_DATA ("step-back-skips-readiness", &step_back_skips_readiness,
            test_too_much_decided_at_once);
  ADD_DATA ("step-back-at-first-phase", &step_back_at_first_phase,
            test_too_much_decided_at_once);
  ADD ("readiness-check", test_readiness_check);
  ADD ("red-flag-pause-resume", test_red_flag_pause_and_resume);
  ADD ("red-flag-before-start", test_red_flag_before_start);
  ADD ("rest-pain-pause", test_rest_pain_pause);
  ADD ("missed-week", test_missed_week);
  ADD ("last-phase", test_last_phase);
  ADD ("build-back-ten-percent", test_build_back_ten_percent);
  ADD ("exercise-progression", test_exercise_progression);
  ADD ("exercise-ceiling", test_exercise_ceiling);
  ADD ("no-morning-rating", test_no_morning_rating);
  ADD ("next-session-decides-pending", test_next_session_decides_pending);
  ADD_DATA ("two-sessions-a-day", &two_sessions_a_day, test_refused_log);
  ADD_DATA ("future-date", &future_date, test_refused_log);
  ADD_DATA ("before-plan-start", &before_plan_start, test_refused_log);
  ADD ("clock-set-back", test_clock_set_back);
  ADD_DATA ("log-in-order", &log_in_order, test_refused_log);
  ADD ("pain-out-of-range", test_pain_out_of_range);
  ADD ("no-plan", test_no_plan);
  ADD ("pause-resume-user", test_pause_resume_user);
  ADD ("stop-keeps-history", test_stop_keeps_history);
  ADD ("under-way", test_under_way);
  ADD ("today-sequence", test_today_sequence);
  ADD ("decision-dated-when-made", test_decision_dated_when_made);
  ADD ("dst-change-during-session", test_dst_change_during_session);
  ADD ("reason-far-day", test_reasons_translated_days);
  ADD ("rate-after", test_rate_after);
  ADD ("time-zone-change", test_time_zone_change);
  ADD ("load-checks", test_load_checks);
  ADD ("phase-ladder", test_phase_ladder);
  ADD ("today-walk-run", test_today_walk_run);
  ADD ("reasons-since", test_reasons_since);
  ADD ("put-record", test_put_record);

  return g_test_run ();
}
