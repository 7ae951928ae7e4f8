/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "patella-error.h"
#include "patella-exercises.h"
#include "patella-routine-player.h"
#include "patella-store.h"
#include "patella-test-store.h"
#include "patella-test-utils.h"

#define SEC G_GINT64_CONSTANT (1000000)
#define T0 PATELLA_TEST_MORNING_US

typedef PatellaStoreFixture Fixture;

static gint64
query (Fixture    *fixture,
       const char *sql)
{
  return patella_store_query_int (fixture->store, sql, -1);
}

static void
test_catalog (void)
{
  static const char *expected[] = {
    "quad-set", "straight-leg-raise", "clamshell", "glute-bridge", "wall-sit", "step-down",
    "hamstring-stretch", "calf-stretch", "quad-stretch", "it-band-roll", "warm-up",
  };
  const PatellaExercise *catalog;
  guint n = 0;

  catalog = patella_exercises_get_catalog (&n);
  g_assert_cmpuint (n, ==, G_N_ELEMENTS (expected));

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      const PatellaExercise *ex = patella_exercise_lookup (expected[i]);

      g_assert_nonnull (ex);
      g_assert_true (ex == &catalog[i]);
      /* Every one says how to start, move, what to feel and avoid, and when to stop. */
      g_assert_cmpuint (strlen (ex->name), >, 0);
      g_assert_cmpuint (strlen (ex->start), >, 10);
      g_assert_cmpuint (strlen (ex->movement), >, 10);
      g_assert_cmpuint (strlen (ex->feel), >, 10);
      g_assert_cmpuint (strlen (ex->avoid), >, 10);
      g_assert_cmpuint (strlen (ex->stop), >, 10);
      g_assert_true (ex->reps > 0 || ex->hold_s > 0);
    }

  /* The numbers of GUIDANCE.md. */
  g_assert_cmpint (patella_exercise_lookup ("quad-set")->sets, ==, 10);
  g_assert_cmpint (patella_exercise_lookup ("quad-set")->hold_s, ==, 10);
  g_assert_cmpint (patella_exercise_lookup ("clamshell")->reps, ==, 15);
  g_assert_cmpint (patella_exercise_lookup ("wall-sit")->rest_s, ==, 60);
  g_assert_cmpint (patella_exercise_lookup ("step-down")->rest_s, ==, 45);
  g_assert_cmpint (patella_exercise_lookup ("warm-up")->hold_s, ==, 300);
  g_assert_null (patella_exercise_lookup ("burpee"));
  g_assert_null (patella_exercise_lookup (NULL));
}

static void
test_builtin_routines (void)
{
  g_autoptr(GPtrArray) routines = patella_routines_get_builtin ();
  static const char *keys[] = {
    "builtin:early", "builtin:strength", "builtin:stretching", "builtin:warm-up",
  };

  g_assert_cmpuint (routines->len, ==, G_N_ELEMENTS (keys));
  for (guint i = 0; i < routines->len; i++)
    {
      PatellaRoutine *routine = g_ptr_array_index (routines, i);
      g_autoptr(GError) error = NULL;

      g_assert_cmpstr (routine->key, ==, keys[i]);
      g_assert_true (patella_routine_validate (routine, &error));
      g_assert_no_error (error);
    }

  g_assert_cmpint (patella_routine_total_seconds (g_ptr_array_index (routines, 3)), ==, 300);
}

static PatellaRoutine *
make_routine (const char *name)
{
  PatellaRoutine *routine = patella_routine_new (name);

  patella_routine_add_step (routine, patella_exercise_lookup ("clamshell"), 2, 15, 0, 30, TRUE);
  patella_routine_add_step (routine, patella_exercise_lookup ("wall-sit"), 3, 0, 45, 60, FALSE);
  return routine;
}

static void
test_routine_crud (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(PatellaRoutine) routine = make_routine ("  Morning knees ");
  g_autoptr(PatellaRoutine) loaded = NULL;
  g_autoptr(PatellaRoutine) clash = make_routine ("MORNING KNEES");
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GError) error = NULL;
  const PatellaRoutineStep *step;

  g_assert_true (patella_routine_save (fixture->store, routine, &error));
  g_assert_no_error (error);
  g_assert_cmpint (routine->id, >, 0);
  g_assert_cmpstr (routine->name, ==, "Morning knees");

  loaded = patella_routine_load (fixture->store, routine->id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (loaded->name, ==, "Morning knees");
  g_assert_cmpuint (loaded->steps->len, ==, 2);
  step = &g_array_index (loaded->steps, PatellaRoutineStep, 1);
  g_assert_cmpstr (step->exercise->id, ==, "wall-sit");
  g_assert_cmpint (step->sets, ==, 3);
  g_assert_cmpint (step->hold_s, ==, 45);
  g_assert_cmpint (step->rest_s, ==, 60);
  g_assert_true (g_array_index (loaded->steps, PatellaRoutineStep, 0).per_side);

  /* Names are unique, whatever the case. */
  g_assert_false (patella_routine_save (fixture->store, clash, &error));
  g_assert_error (error, PATELLA_ERROR, PATELLA_ERROR_CONSTRAINT);
  g_clear_error (&error);

  /* Edit: fewer steps, new name. */
  g_array_set_size (loaded->steps, 1);
  g_free (loaded->name);
  loaded->name = g_strdup ("Evening");
  g_assert_true (patella_routine_save (fixture->store, loaded, &error));
  g_assert_no_error (error);
  g_assert_cmpint (query (fixture, "SELECT count(*) FROM routine_step"), ==, 1);

  all = patella_routines_list (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, 5);
  g_assert_cmpstr (((PatellaRoutine *) g_ptr_array_index (all, 4))->name, ==, "Evening");

  g_assert_true (patella_routine_delete (fixture->store, loaded->id, &error));
  g_assert_cmpint (query (fixture, "SELECT count(*) FROM routine"), ==, 0);
  g_assert_cmpint (query (fixture, "SELECT count(*) FROM routine_step"), ==, 0);
  g_assert_false (patella_routine_delete (fixture->store, loaded->id, &error));
  g_assert_error (error, PATELLA_ERROR, PATELLA_ERROR_NOT_FOUND);
}

typedef struct
{
  PatellaRoutineStepRecord  step;
  const char               *message;
} BadStep;

static void
test_routine_refused (Fixture       *fixture,
                      gconstpointer  data)
{
  static const BadStep bad[] = {
    { { "clamshell", 0, 15, 0, 30, FALSE }, "0 sets" },
    { { "clamshell", 21, 15, 0, 30, FALSE }, "21 sets" },
    { { "clamshell", 3, -1, 0, 30, FALSE }, "-1 repetitions" },
    { { "clamshell", 3, 101, 0, 30, FALSE }, "101 repetitions" },
    { { "wall-sit", 3, 0, 601, 30, FALSE }, "601 seconds" },
    { { "wall-sit", 3, 0, -5, 30, FALSE }, "-5 seconds" },
    { { "wall-sit", 3, 0, 0, 30, FALSE }, "repetitions or a hold" },
    { { "wall-sit", 3, 0, 30, 601, FALSE }, "rest of 601" },
    { { "glute-bridge", 3, 100, 10, 30, FALSE }, "10 minutes or less" },
    { { NULL, 3, 10, 0, 30, FALSE }, "not one Patella knows" },
  };
  g_autoptr(PatellaRoutine) empty = patella_routine_new ("Nothing");
  g_autoptr(PatellaRoutine) nameless = make_routine ("   ");
  g_autoptr(PatellaRoutine) builtin_name = make_routine ("strength");
  g_autoptr(GPtrArray) builtins = patella_routines_get_builtin ();
  g_autoptr(GError) error = NULL;

  g_assert_false (patella_routine_save (fixture->store, empty, &error));
  g_assert_error (error, PATELLA_ERROR, PATELLA_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "no exercises"));
  g_clear_error (&error);

  g_assert_false (patella_routine_save (fixture->store, nameless, &error));
  g_assert_error (error, PATELLA_ERROR, PATELLA_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_false (patella_routine_save (fixture->store, builtin_name, &error));
  g_assert_error (error, PATELLA_ERROR, PATELLA_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_false (patella_routine_save (fixture->store, g_ptr_array_index (builtins, 0), &error));
  g_assert_error (error, PATELLA_ERROR, PATELLA_ERROR_INVALID);
  g_clear_error (&error);

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(PatellaRoutine) routine = patella_routine_new ("Bad");
      const PatellaRoutineStepRecord *step = &bad[i].step;

      patella_routine_add_step (routine, patella_exercise_lookup ("quad-set"), 3, 0, 10, 5, FALSE);
      patella_routine_add_step (routine, patella_exercise_lookup (step->exercise), step->sets,
                                step->reps, step->hold_s, step->rest_s, step->per_side);
      g_assert_false (patella_routine_save (fixture->store, routine, &error));
      g_assert_error (error, PATELLA_ERROR, PATELLA_ERROR_INVALID);
      if (strstr (error->message, bad[i].message) == NULL)
        g_error ("case %u: “%s” lacks “%s”", i, error->message, bad[i].message);
      g_clear_error (&error);
    }

  g_assert_cmpint (query (fixture, "SELECT count(*) FROM routine"), ==, 0);
  g_assert_cmpint (query (fixture, "SELECT count(*) FROM routine_step"), ==, 0);
}

static void
test_player_sequence (void)
{
  g_autoptr(PatellaRoutine) routine = patella_routine_new ("Test");
  g_autoptr(PatellaRoutinePlayer) player = NULL;
  const PatellaRoutineStep *next;
  PatellaPlayerSide side;
  gint64 now = T0;
  int set;

  /* Clamshell 2 × 2 reps per side (3 s a rep), 30 s rest; wall sit 1 × 20 s. */
  patella_routine_add_step (routine, patella_exercise_lookup ("clamshell"), 2, 2, 0, 30, TRUE);
  patella_routine_add_step (routine, patella_exercise_lookup ("wall-sit"), 1, 0, 20, 60, FALSE);
  player = patella_routine_player_new (routine);

  g_assert_cmpint (patella_routine_player_get_phase (player), ==, PATELLA_PLAYER_IDLE);
  g_assert_false (patella_routine_player_is_running (player));

  g_assert_cmpint (patella_routine_player_start (player, now), ==,
                   PATELLA_PLAYER_CHANGED_PHASE | PATELLA_PLAYER_CHANGED_VALUE);
  g_assert_cmpint (patella_routine_player_get_phase (player), ==, PATELLA_PLAYER_READY);
  g_assert_cmpint (patella_routine_player_get_remaining (player), ==, PATELLA_PLAYER_READY_S);
  next = patella_routine_player_get_next (player, &set, &side);
  g_assert_cmpstr (next->exercise->id, ==, "clamshell");
  g_assert_cmpint (set, ==, 1);
  g_assert_cmpint (side, ==, PATELLA_PLAYER_SIDE_LEFT);

  /* Half a second: nothing shown changes. */
  now += SEC / 2;
  g_assert_cmpint (patella_routine_player_tick (player, now), ==, PATELLA_PLAYER_CHANGED_NONE);

  now = T0 + PATELLA_PLAYER_READY_S * SEC;
  g_assert_cmpint (patella_routine_player_tick (player, now), ==,
                   PATELLA_PLAYER_CHANGED_PHASE | PATELLA_PLAYER_CHANGED_VALUE);
  g_assert_cmpint (patella_routine_player_get_phase (player), ==, PATELLA_PLAYER_WORK);
  g_assert_cmpint (patella_routine_player_get_set (player), ==, 1);
  g_assert_cmpint (patella_routine_player_get_n_sets (player), ==, 2);
  g_assert_cmpint (patella_routine_player_get_side (player), ==, PATELLA_PLAYER_SIDE_LEFT);
  g_assert_cmpint (patella_routine_player_get_rep (player), ==, 1);
  g_assert_cmpint (patella_routine_player_get_remaining (player), ==, 6);

  now += 3 * SEC;
  g_assert_cmpint (patella_routine_player_tick (player, now), ==, PATELLA_PLAYER_CHANGED_VALUE);
  g_assert_cmpint (patella_routine_player_get_rep (player), ==, 2);

  /* Pause holds everything. */
  patella_routine_player_pause (player, now);
  g_assert_true (patella_routine_player_is_paused (player));
  now += 100 * SEC;
  g_assert_cmpint (patella_routine_player_tick (player, now), ==, PATELLA_PLAYER_CHANGED_NONE);
  g_assert_cmpint (patella_routine_player_get_remaining (player), ==, 3);
  patella_routine_player_resume (player, now);

  now += 3 * SEC;
  patella_routine_player_tick (player, now);
  g_assert_cmpint (patella_routine_player_get_phase (player), ==, PATELLA_PLAYER_READY);
  g_assert_cmpint (patella_routine_player_get_side (player), ==, PATELLA_PLAYER_SIDE_RIGHT);

  now += PATELLA_PLAYER_SWITCH_S * SEC;
  patella_routine_player_tick (player, now);
  g_assert_cmpint (patella_routine_player_get_phase (player), ==, PATELLA_PLAYER_WORK);
  g_assert_cmpint (patella_routine_player_get_side (player), ==, PATELLA_PLAYER_SIDE_RIGHT);

  now += 6 * SEC;
  patella_routine_player_tick (player, now);
  g_assert_cmpint (patella_routine_player_get_phase (player), ==, PATELLA_PLAYER_REST);
  g_assert_cmpint (patella_routine_player_get_remaining (player), ==, 30);
  next = patella_routine_player_get_next (player, &set, &side);
  g_assert_cmpstr (next->exercise->id, ==, "clamshell");
  g_assert_cmpint (set, ==, 2);

  /* Skip the rest; back returns to the start of the set before. */
  patella_routine_player_skip (player, now);
  g_assert_cmpint (patella_routine_player_get_phase (player), ==, PATELLA_PLAYER_WORK);
  g_assert_cmpint (patella_routine_player_get_set (player), ==, 2);
  patella_routine_player_back (player, now);
  g_assert_cmpint (patella_routine_player_get_set (player), ==, 1);
  g_assert_cmpint (patella_routine_player_get_side (player), ==, PATELLA_PLAYER_SIDE_RIGHT);
  g_assert_cmpint (patella_routine_player_get_phase (player), ==, PATELLA_PLAYER_READY);

  /* Skip to the last set of the routine: no rest after it. */
  while (patella_routine_player_get_step (player)->exercise !=
         patella_exercise_lookup ("wall-sit"))
    patella_routine_player_skip (player, now);
  g_assert_cmpint (patella_routine_player_get_phase (player), ==, PATELLA_PLAYER_READY);

  now += PATELLA_PLAYER_READY_S * SEC;
  patella_routine_player_tick (player, now);
  g_assert_cmpint (patella_routine_player_get_phase (player), ==, PATELLA_PLAYER_WORK);
  g_assert_cmpint (patella_routine_player_get_rep (player), ==, 0);
  g_assert_null (patella_routine_player_get_next (player, NULL, NULL));

  now += 20 * SEC;
  g_assert_cmpint (patella_routine_player_tick (player, now) & PATELLA_PLAYER_CHANGED_PHASE, !=,
                   0);
  g_assert_cmpint (patella_routine_player_get_phase (player), ==, PATELLA_PLAYER_DONE);
  g_assert_false (patella_routine_player_is_running (player));
}

static void
test_player_logs_one_session (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(GPtrArray) routines = patella_routines_get_builtin ();
  const PatellaRoutine *strength = g_ptr_array_index (routines, 1);
  g_autoptr(PatellaRoutinePlayer) player = patella_routine_player_new (strength);
  g_autoptr(GError) error = NULL;
  gint64 now = T0;
  guint transitions = 0;

  g_assert_cmpuint (patella_exercise_count_week (fixture->store), ==, 0);

  /* Hands-free: tick once a second until the end. */
  patella_routine_player_start (player, now);
  while (patella_routine_player_get_phase (player) != PATELLA_PLAYER_DONE)
    {
      now += SEC;
      if (patella_routine_player_tick (player, now) & PATELLA_PLAYER_CHANGED_PHASE)
        transitions++;
      g_assert_cmpint (now - T0, <, 3600 * SEC);
    }
  g_assert_cmpuint (transitions, ==, patella_routine_player_get_n_positions (player));

  /* Pain outside 0–10 is refused and nothing is stored. */
  g_assert_false (patella_routine_player_finish (player, fixture->store, 11, now, &error));
  g_assert_error (error, PATELLA_ERROR, PATELLA_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (patella_routine_player_finish (player, fixture->store, -1, now, &error));
  g_clear_error (&error);
  g_assert_cmpint (query (fixture, "SELECT count(*) FROM session"), ==, 0);

  g_assert_true (patella_routine_player_finish (player, fixture->store, 3, now, &error));
  g_assert_no_error (error);
  g_assert_cmpint (query (fixture, "SELECT count(*) FROM session"), ==, 1);
  g_assert_cmpint (query (fixture, "SELECT pain FROM session WHERE kind = 'exercise' AND "
                                   "state = 'finished' AND routine = 'Strength'"), ==, 3);
  g_assert_cmpint (query (fixture, "SELECT duration_s FROM session"), ==, (now - T0) / SEC);
  g_assert_cmpuint (patella_exercise_count_week (fixture->store), ==, 1);

  /* Next Monday starts a new week. */
  patella_clock_advance (fixture->clock, 2 * 24 * 3600 * SEC);
  g_assert_cmpuint (patella_exercise_count_week (fixture->store), ==, 0);

  /* Stopped after 2 minutes, less than half of it: kept, not counted. */
  now = patella_clock_get_now (fixture->clock);
  g_clear_pointer (&player, patella_routine_player_free);
  player = patella_routine_player_new (strength);
  patella_routine_player_start (player, now);
  g_assert_cmpint (patella_routine_total_seconds (strength), >, 2 * 2 * 60);
  g_assert_false (patella_routine_player_counts (player, now + 120 * SEC));
  g_assert_true (patella_routine_player_finish (player, fixture->store, 2, now + 120 * SEC, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (patella_exercise_count_week (fixture->store), ==, 0);
  g_assert_cmpint (query (fixture, "SELECT count(*) FROM session WHERE state = 'stopped'"), ==, 1);

  /* Half of it counts. */
  g_clear_pointer (&player, patella_routine_player_free);
  player = patella_routine_player_new (strength);
  patella_routine_player_start (player, now);
  g_assert_true (patella_routine_player_counts (player,
                                                now + patella_routine_total_seconds (strength) / 2 * SEC + SEC));
  g_assert_true (patella_routine_player_finish (player, fixture->store, 2,
                                                now + patella_routine_total_seconds (strength) / 2 * SEC + SEC,
                                                &error));
  g_assert_no_error (error);
  g_assert_cmpuint (patella_exercise_count_week (fixture->store), ==, 1);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/exercises/catalog", test_catalog);
  g_test_add_func ("/exercises/builtin-routines", test_builtin_routines);
  g_test_add_func ("/exercises/player-sequence", test_player_sequence);
  patella_store_test_add_morning ("/exercises/routine-crud", test_routine_crud);
  patella_store_test_add_morning ("/exercises/routine-refused", test_routine_refused);
  patella_store_test_add_morning ("/exercises/player-logs-one-session",
                                  test_player_logs_one_session);

  return g_test_run ();
}
