/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "patella-exercises"

#include "config.h"

#include <glib/gi18n.h>

#include "patella-error.h"
#include "patella-exercises.h"
#include "patella-parse.h"
#include "patella-session.h"
#include "patella-store-private.h"

#define STOP_SHARP N_("Stop at sharp pain, or when the pain goes above 5 out of 10.")

/* Prescriptions from GUIDANCE.md; the words are the project's own. */
static const PatellaExercise catalog[] = {
  {
    "quad-set", N_("Quadriceps Set"),
    N_("Sit or lie with the leg straight, a rolled towel under the knee."),
    N_("Tighten the muscle on the front of the thigh so the back of the knee presses into the "
       "towel. Hold, then relax."),
    N_("The front of the thigh working hard; the kneecap may glide upwards a little."),
    N_("Bending the knee or holding your breath."),
    STOP_SHARP,
    10, 0, 10, 5, FALSE,
  },
  {
    "straight-leg-raise", N_("Straight-Leg Raise"),
    N_("Lie on your back, one knee bent with the foot flat, the other leg straight."),
    N_("Tighten the thigh of the straight leg, lift it to the height of the other knee, and "
       "lower it slowly."),
    N_("The front of the thigh and the hip working; the knee stays straight."),
    N_("Arching the lower back or letting the knee of the lifted leg bend."),
    STOP_SHARP,
    3, 12, 0, 30, TRUE,
  },
  {
    "clamshell", N_("Clamshell"),
    N_("Lie on your side, hips and knees bent, heels together, head resting on your arm."),
    N_("Keeping the feet together, open the top knee like a shell, then close it slowly."),
    N_("The side and back of the hip working."),
    N_("Rolling the pelvis backwards as the knee opens."),
    STOP_SHARP,
    3, 15, 0, 30, TRUE,
  },
  {
    "glute-bridge", N_("Glute Bridge"),
    N_("Lie on your back, knees bent, feet flat and hip-width apart, arms by your sides."),
    N_("Squeeze the buttocks and lift the hips until knees, hips and shoulders line up. Hold at "
       "the top, then lower slowly."),
    N_("The buttocks and the back of the thighs working."),
    N_("Pushing the lower back into an arch, or letting the knees fall inwards."),
    STOP_SHARP,
    3, 12, 3, 30, FALSE,
  },
  {
    "wall-sit", N_("Wall Sit"),
    N_("Stand with your back against a wall, feet hip-width apart, half a step away from it."),
    N_("Slide down only a little, to a shallow bend, and hold. Go deeper on later weeks as pain "
       "allows."),
    N_("The thighs working steadily, without pain at the front of the knee."),
    N_("Knees moving ahead of the toes or falling inwards; sitting deeper than is comfortable."),
    STOP_SHARP,
    3, 0, 30, 60, FALSE,
  },
  {
    "step-down", N_("Step-Down"),
    N_("Stand on a low step on one leg, the other foot free over the edge."),
    N_("Bend the standing knee to lower the free heel towards the floor over three seconds, "
       "then straighten up."),
    N_("The thigh and hip of the standing leg controlling the movement."),
    N_("The knee drifting inwards: keep it over the second toe. Do not let the hip drop."),
    STOP_SHARP,
    3, 10, 0, 45, TRUE,
  },
  {
    "hamstring-stretch", N_("Hamstring Stretch"),
    N_("Lie on your back and loop a towel around one foot."),
    N_("Raise the leg, knee almost straight, until you feel a stretch, and hold it still."),
    N_("A gentle pull at the back of the thigh."),
    N_("Bouncing, or pulling so hard that it hurts."),
    N_("Stop if you feel pain in the knee or a tingling down the leg."),
    3, 0, 30, 10, TRUE,
  },
  {
    "calf-stretch", N_("Calf Stretch"),
    N_("Stand facing a wall, hands on it, one foot a long step behind the other."),
    N_("Keep the back heel down and the back knee straight, and lean towards the wall. Hold."),
    N_("A stretch in the calf of the back leg."),
    N_("Letting the back heel lift or the foot turn out."),
    N_("Stop if the stretch turns into pain."),
    3, 0, 30, 10, TRUE,
  },
  {
    "quad-stretch", N_("Quadriceps Stretch"),
    N_("Stand tall holding a wall or a chair for balance."),
    N_("Bend one knee and hold the ankle behind you, knees side by side. Hold."),
    N_("A stretch along the front of the thigh."),
    N_("Arching the back or pulling the heel hard into the buttock."),
    N_("Stop if the front of the knee hurts; loop a towel around the ankle instead."),
    3, 0, 30, 10, TRUE,
  },
  {
    "it-band-roll", N_("Outer Thigh Foam Roll"),
    N_("Lie on your side with a foam roller under the outer thigh, supported on your forearm."),
    N_("Roll slowly between the hip and just above the knee."),
    N_("Firm pressure along the outside of the thigh."),
    N_("Rolling over the knee joint itself."),
    N_("Stop if the pressure becomes sharp; take some weight onto the other leg."),
    1, 0, 60, 10, TRUE,
  },
  {
    "warm-up", N_("Warm-Up"),
    N_("Stand with room to move, in your running shoes."),
    N_("Walk briskly or march on the spot, then add gentle leg swings and easy heel raises."),
    N_("Warmth in the legs and a slightly faster breath."),
    N_("Jumping or sprinting before the five minutes are up."),
    STOP_SHARP,
    1, 0, 300, 0, FALSE,
  },
};

typedef struct
{
  const char                     *key;
  const char                     *name;
  const PatellaRoutineStepRecord *steps;
  guint                           n_steps;
} BuiltinRoutine;

static const PatellaRoutineStepRecord early_steps[] = {
  { "quad-set", 10, 0, 10, 5, FALSE },
  { "straight-leg-raise", 3, 12, 0, 30, TRUE },
  { "wall-sit", 3, 0, 30, 60, FALSE },
};

static const PatellaRoutineStepRecord strength_steps[] = {
  { "clamshell", 3, 15, 0, 30, TRUE },
  { "glute-bridge", 3, 12, 3, 30, FALSE },
  { "wall-sit", 3, 0, 45, 60, FALSE },
  { "step-down", 3, 10, 0, 45, TRUE },
};

static const PatellaRoutineStepRecord stretching_steps[] = {
  { "hamstring-stretch", 3, 0, 30, 10, TRUE },
  { "calf-stretch", 3, 0, 30, 10, TRUE },
  { "quad-stretch", 3, 0, 30, 10, TRUE },
  { "it-band-roll", 1, 0, 60, 0, TRUE },
};

static const PatellaRoutineStepRecord warm_up_steps[] = {
  { "warm-up", 1, 0, 300, 0, FALSE },
};

static const BuiltinRoutine builtin_routines[] = {
  { "builtin:early", N_("Early Phase (Isometric)"), early_steps, G_N_ELEMENTS (early_steps) },
  { "builtin:strength", N_("Strength"), strength_steps, G_N_ELEMENTS (strength_steps) },
  { "builtin:stretching", N_("Stretching"), stretching_steps, G_N_ELEMENTS (stretching_steps) },
  { "builtin:warm-up", N_("5-Minute Warm-Up"), warm_up_steps, G_N_ELEMENTS (warm_up_steps) },
};

/* How long one rep takes, before any hold at the top. */
#define REP_SECONDS 3

const PatellaExercise *
patella_exercise_lookup (const char *id)
{
  if (id == NULL)
    return NULL;

  for (guint i = 0; i < G_N_ELEMENTS (catalog); i++)
    if (g_str_equal (catalog[i].id, id))
      return &catalog[i];

  return NULL;
}

/**
 * patella_exercises_get_catalog:
 * @n_exercises: (out): how many there are
 *
 * Returns: (transfer none) (array length=n_exercises): the catalog
 */
const PatellaExercise *
patella_exercises_get_catalog (guint *n_exercises)
{
  g_return_val_if_fail (n_exercises != NULL, NULL);

  *n_exercises = G_N_ELEMENTS (catalog);
  return catalog;
}

/**
 * patella_routine_step_seconds:
 *
 * Returns: how long one set of @step takes on one side, in seconds
 */
int
patella_routine_step_seconds (const PatellaRoutineStep *step)
{
  g_return_val_if_fail (step != NULL, 0);

  if (step->reps > 0)
    return step->reps * (REP_SECONDS + step->hold_s);

  return step->hold_s;
}

PatellaRoutine *
patella_routine_new (const char *name)
{
  PatellaRoutine *routine = g_new0 (PatellaRoutine, 1);

  routine->name = g_strdup (name != NULL ? name : "");
  routine->steps = g_array_new (FALSE, TRUE, sizeof (PatellaRoutineStep));

  return routine;
}

PatellaRoutine *
patella_routine_copy (const PatellaRoutine *routine)
{
  PatellaRoutine *copy;

  g_return_val_if_fail (routine != NULL, NULL);

  copy = patella_routine_new (routine->name);
  copy->id = routine->id;
  copy->key = g_strdup (routine->key);
  g_array_append_vals (copy->steps, routine->steps->data, routine->steps->len);

  return copy;
}

void
patella_routine_free (PatellaRoutine *routine)
{
  if (routine == NULL)
    return;

  g_free (routine->key);
  g_free (routine->name);
  g_array_unref (routine->steps);
  g_free (routine);
}

void
patella_routine_add_step (PatellaRoutine        *routine,
                          const PatellaExercise *exercise,
                          int                    sets,
                          int                    reps,
                          int                    hold_s,
                          int                    rest_s,
                          gboolean               per_side)
{
  PatellaRoutineStep step = { exercise, sets, reps, hold_s, rest_s, !!per_side };

  g_return_if_fail (routine != NULL);

  g_array_append_val (routine->steps, step);
}

/**
 * patella_routine_validate:
 *
 * A routine needs a name, at least one exercise, 1–20 sets per exercise,
 * reps (1–100) or a hold time, holds and rests of at most 10 minutes.
 */
gboolean
patella_routine_validate (const PatellaRoutine  *routine,
                          GError               **error)
{
  g_autofree char *name = NULL;

  g_return_val_if_fail (routine != NULL, FALSE);

  name = patella_parse_name (routine->name, error);
  if (name == NULL)
    return FALSE;

  if (routine->steps->len == 0)
    return patella_error_refuse (error, PATELLA_ERROR_INVALID,
                                 _("The routine “%s” has no exercises; add at least one"), name);

  if (routine->steps->len > PATELLA_ROUTINE_MAX_STEPS)
    return patella_error_refuse (error, PATELLA_ERROR_INVALID,
                                 _("The routine “%s” has %u exercises; at most %d are accepted"),
                                 name, routine->steps->len, PATELLA_ROUTINE_MAX_STEPS);

  for (guint i = 0; i < routine->steps->len; i++)
    {
      const PatellaRoutineStep *step = &g_array_index (routine->steps, PatellaRoutineStep, i);
      const char *ex;

      if (step->exercise == NULL)
        return patella_error_refuse (error, PATELLA_ERROR_INVALID,
                                     _("Exercise %u of the routine is not one Patella knows; choose one "
                                       "from the list"), i + 1);

      ex = _(step->exercise->name);

      if (step->sets < 1 || step->sets > PATELLA_ROUTINE_MAX_SETS)
        return patella_error_refuse (error, PATELLA_ERROR_INVALID,
                                     _("%s: %d sets is not accepted; use 1 to %d sets"),
                                     ex, step->sets, PATELLA_ROUTINE_MAX_SETS);

      if (step->reps < 0 || step->reps > PATELLA_ROUTINE_MAX_REPS)
        return patella_error_refuse (error, PATELLA_ERROR_INVALID,
                                     _("%s: %d repetitions is not accepted; use 1 to %d, or 0 for a "
                                       "timed hold"), ex, step->reps, PATELLA_ROUTINE_MAX_REPS);

      if (step->hold_s < 0 || step->hold_s > PATELLA_ROUTINE_MAX_HOLD_S)
        return patella_error_refuse (error, PATELLA_ERROR_INVALID,
                                     _("%s: a hold of %d seconds is not accepted; hold for 0 to %d "
                                       "seconds (10 minutes)"), ex, step->hold_s,
                                     PATELLA_ROUTINE_MAX_HOLD_S);

      if (step->reps == 0 && step->hold_s == 0)
        return patella_error_refuse (error, PATELLA_ERROR_INVALID,
                                     _("%s: give a number of repetitions or a hold time"), ex);

      if (step->rest_s < 0 || step->rest_s > PATELLA_ROUTINE_MAX_REST_S)
        return patella_error_refuse (error, PATELLA_ERROR_INVALID,
                                     _("%s: a rest of %d seconds is not accepted; rest for 0 to %d "
                                       "seconds (10 minutes)"), ex, step->rest_s,
                                     PATELLA_ROUTINE_MAX_REST_S);

      if (patella_routine_step_seconds (step) > PATELLA_ROUTINE_MAX_HOLD_S)
        return patella_error_refuse (error, PATELLA_ERROR_INVALID,
                                     _("%s: one set would last %d seconds; keep a set to 10 minutes "
                                       "or less"), ex, patella_routine_step_seconds (step));
    }

  return TRUE;
}

/* Work and rest, without the pauses to get ready. */
int
patella_routine_total_seconds (const PatellaRoutine *routine)
{
  int total = 0;

  g_return_val_if_fail (routine != NULL, 0);

  for (guint i = 0; i < routine->steps->len; i++)
    {
      const PatellaRoutineStep *step = &g_array_index (routine->steps, PatellaRoutineStep, i);
      int sides = step->per_side ? 2 : 1;

      total += step->sets * sides * patella_routine_step_seconds (step);
      total += MAX (step->sets - 1, 0) * step->rest_s;
    }

  return total;
}

/**
 * patella_routines_get_builtin:
 *
 * Returns: (transfer full) (element-type PatellaRoutine): the routines that
 *   come with Patella, names translated
 */
GPtrArray *
patella_routines_get_builtin (void)
{
  GPtrArray *result = g_ptr_array_new_with_free_func ((GDestroyNotify) patella_routine_free);

  for (guint i = 0; i < G_N_ELEMENTS (builtin_routines); i++)
    {
      const BuiltinRoutine *b = &builtin_routines[i];
      PatellaRoutine *routine = patella_routine_new (_(b->name));

      routine->key = g_strdup (b->key);
      for (guint j = 0; j < b->n_steps; j++)
        {
          const PatellaRoutineStepRecord *s = &b->steps[j];

          patella_routine_add_step (routine, patella_exercise_lookup (s->exercise),
                                    s->sets, s->reps, s->hold_s, s->rest_s, s->per_side);
        }

      g_ptr_array_add (result, routine);
    }

  return result;
}

static gboolean
load_steps (PatellaStore    *store,
            PatellaRoutine  *routine,
            GError         **error)
{
  g_autoptr(PatellaStmt) stmt = NULL;
  int rc;

  stmt = patella_store_prepare (store,
                                "SELECT exercise, sets, reps, hold_s, rest_s, per_side "
                                "FROM routine_step WHERE routine_id = ? ORDER BY position;",
                                error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, routine->id);
  while ((rc = patella_store_step (store, stmt, error)) == SQLITE_ROW)
    {
      const PatellaExercise *exercise =
        patella_exercise_lookup ((const char *) sqlite3_column_text (stmt, 0));

      /* An exercise a newer Patella added is skipped rather than guessed. */
      if (exercise == NULL)
        continue;

      patella_routine_add_step (routine, exercise,
                                sqlite3_column_int (stmt, 1), sqlite3_column_int (stmt, 2),
                                sqlite3_column_int (stmt, 3), sqlite3_column_int (stmt, 4),
                                sqlite3_column_int (stmt, 5) != 0);
    }

  return rc == SQLITE_DONE;
}

/**
 * patella_routines_list:
 *
 * Returns: (transfer full) (element-type PatellaRoutine): the built-in
 *   routines, then the user's by name
 */
GPtrArray *
patella_routines_list (PatellaStore  *store,
                       GError       **error)
{
  g_autoptr(GPtrArray) result = patella_routines_get_builtin ();
  g_autoptr(PatellaStmt) stmt = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  int rc;

  g_return_val_if_fail (PATELLA_IS_STORE (store), NULL);

  stmt = patella_store_prepare (store, "SELECT id FROM routine ORDER BY name;", error);
  if (stmt == NULL)
    return NULL;

  while ((rc = patella_store_step (store, stmt, error)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  if (rc != SQLITE_DONE)
    return NULL;
  g_clear_pointer (&stmt, patella_stmt_release);

  for (guint i = 0; i < ids->len; i++)
    {
      PatellaRoutine *routine = patella_routine_load (store, g_array_index (ids, gint64, i),
                                                      error);

      if (routine == NULL)
        return NULL;
      g_ptr_array_add (result, routine);
    }

  return g_steal_pointer (&result);
}

PatellaRoutine *
patella_routine_load (PatellaStore  *store,
                      gint64         id,
                      GError       **error)
{
  g_autoptr(PatellaRoutine) routine = NULL;
  g_autoptr(PatellaStmt) stmt = NULL;

  g_return_val_if_fail (PATELLA_IS_STORE (store), NULL);

  stmt = patella_store_prepare (store, "SELECT name FROM routine WHERE id = ?;", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);
  if (!patella_store_step_row (store, stmt, _("The routine was not found; it may have been deleted"),
                               error))
    return NULL;

  routine = patella_routine_new ((const char *) sqlite3_column_text (stmt, 0));
  routine->id = id;
  g_clear_pointer (&stmt, patella_stmt_release);

  if (!load_steps (store, routine, error))
    return NULL;

  return g_steal_pointer (&routine);
}

/* Inside the caller's transaction: the steps of routine @id, in order,
 * instead of the ones it had. */
static gboolean
write_steps (PatellaStore                    *store,
             gint64                           id,
             const PatellaRoutineStepRecord  *steps,
             guint                            n_steps,
             GError                         **error)
{
  g_autoptr(PatellaStmt) clear = NULL;

  clear = patella_store_prepare (store, "DELETE FROM routine_step WHERE routine_id = ?;", error);
  if (clear == NULL)
    return FALSE;
  sqlite3_bind_int64 (clear, 1, id);
  if (!patella_store_step_done (store, clear, error))
    return FALSE;

  for (guint i = 0; i < n_steps; i++)
    {
      g_autoptr(PatellaStmt) stmt = NULL;

      stmt = patella_store_prepare (store,
                                    "INSERT INTO routine_step (routine_id, position, exercise,"
                                    "  sets, reps, hold_s, rest_s, per_side) "
                                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?);",
                                    error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_int (stmt, 2, (int) i);
      sqlite3_bind_text (stmt, 3, steps[i].exercise, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 4, steps[i].sets);
      sqlite3_bind_int64 (stmt, 5, steps[i].reps);
      sqlite3_bind_int64 (stmt, 6, steps[i].hold_s);
      sqlite3_bind_int64 (stmt, 7, steps[i].rest_s);
      sqlite3_bind_int (stmt, 8, steps[i].per_side ? 1 : 0);
      if (!patella_store_step_done (store, stmt, error))
        return FALSE;
    }

  return TRUE;
}

/* The one INSERT into routine, bound and not yet run: saving a routine and
 * an import tell its errors in their own words. %NULL @uuid: a new one. */
static PatellaStmt *
prepare_insert (PatellaStore  *store,
                const char    *name,
                gint64         created_us,
                const char    *uuid,
                GError       **error)
{
  PatellaStmt *stmt = patella_store_prepare (store, "INSERT INTO routine (name, created_us, uuid)"
                                             " VALUES (?1, ?2, ?3);", error);

  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, created_us);
  patella_stmt_bind_optional_text (stmt, 3, uuid);
  return stmt;
}

/**
 * patella_routine_find:
 * @uuid: (nullable): the routine's identity
 * @name: the routine's name, in any case
 * @same: (out): whether the routine found has @uuid
 *
 * Returns: the saved routine with @uuid, else the one named @name, 0 when
 *   there is none, or -1 with @error set
 */
gint64
patella_routine_find (PatellaStore  *store,
                      const char    *uuid,
                      const char    *name,
                      gboolean      *same,
                      GError       **error)
{
  g_return_val_if_fail (PATELLA_IS_STORE (store), -1);

  return patella_store_find_same (store, "SELECT id FROM routine WHERE uuid = ?1;", uuid,
                                  "SELECT id FROM routine WHERE name = ?1 COLLATE NOCASE;", name,
                                  same, error);
}

/**
 * patella_routine_put_record:
 * @replace_id: a saved routine that this one takes the place of, or 0
 * @uuid: (nullable): the identity; %NULL: a new one
 * @steps: (array length=n_steps): the steps, exercises by their ids
 *
 * Writes a routine whole, as another Patella saved it: its identity,
 * creation instant and steps kept. The caller emits the change.
 */
gboolean
patella_routine_put_record (PatellaStore                    *store,
                            gint64                           replace_id,
                            const char                      *uuid,
                            const char                      *name,
                            gint64                           created_us,
                            const PatellaRoutineStepRecord  *steps,
                            guint                            n_steps,
                            GError                         **error)
{
  g_autoptr(PatellaTransaction) tx = NULL;
  g_autoptr(PatellaStmt) stmt = NULL;

  g_return_val_if_fail (PATELLA_IS_STORE (store), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  tx = patella_store_transaction (store, error);
  if (tx == NULL)
    return FALSE;

  if (replace_id > 0)
    {
      if (!patella_store_exec_id (store, "DELETE FROM routine WHERE id = ?;", replace_id, error))
        return FALSE;
    }

  stmt = prepare_insert (store, name, created_us, uuid, error);
  if (stmt == NULL)
    return FALSE;
  return patella_store_step_done (store, stmt, error) &&
         write_steps (store, sqlite3_last_insert_rowid (patella_store_get_db (store)), steps,
                      n_steps, error) &&
         patella_transaction_commit (tx, error);
}

/**
 * patella_routine_save:
 *
 * Creates the routine (its id is set) or replaces the saved one with the same
 * id. A refused routine changes nothing.
 */
gboolean
patella_routine_save (PatellaStore    *store,
                      PatellaRoutine  *routine,
                      GError         **error)
{
  g_autoptr(PatellaTransaction) tx = NULL;
  g_autoptr(PatellaStmt) stmt = NULL;
  g_autofree char *name = NULL;
  g_autofree char *folded = NULL;
  gint64 id = routine->id;

  g_return_val_if_fail (PATELLA_IS_STORE (store), FALSE);
  g_return_val_if_fail (routine != NULL, FALSE);

  if (routine->key != NULL)
    return patella_error_refuse (error, PATELLA_ERROR_INVALID,
                                 _("A routine that comes with Patella cannot be changed; save it "
                                   "under a new name"));

  if (!patella_routine_validate (routine, error))
    return FALSE;

  name = patella_parse_name (routine->name, error);
  folded = g_utf8_casefold (name, -1);
  for (guint i = 0; i < G_N_ELEMENTS (builtin_routines); i++)
    {
      g_autofree char *other = g_utf8_casefold (_(builtin_routines[i].name), -1);

      if (g_str_equal (folded, other))
        return patella_error_refuse (error, PATELLA_ERROR_INVALID,
                                     _("“%s” is the name of a routine that comes with Patella; choose "
                                       "another name"), name);
    }

  if ((tx = patella_store_transaction (store, error)) == NULL)
    return FALSE;

  if (id == 0)
    {
      stmt = prepare_insert (store, name, patella_clock_get_now (patella_store_get_clock (store)),
                             NULL, error);
      if (stmt == NULL)
        return FALSE;
    }
  else
    {
      stmt = patella_store_prepare (store, "UPDATE routine SET name = ? WHERE id = ?;", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 2, id);
    }

  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      if (sqlite3_extended_errcode (patella_store_get_db (store)) == SQLITE_CONSTRAINT_UNIQUE)
        g_set_error (error, PATELLA_ERROR, PATELLA_ERROR_CONSTRAINT,
                     _("A routine named “%s” already exists; choose another name"), name);
      else
        patella_store_set_error (store, sqlite3_errcode (patella_store_get_db (store)), error);
      return FALSE;
    }

  if (id == 0)
    id = sqlite3_last_insert_rowid (patella_store_get_db (store));
  else if (sqlite3_changes (patella_store_get_db (store)) != 1)
    {
      g_set_error (error, PATELLA_ERROR, PATELLA_ERROR_NOT_FOUND,
                   _("The routine was not found; it may have been deleted"));
      return FALSE;
    }
  g_clear_pointer (&stmt, patella_stmt_release);

  {
    g_autoptr(GArray) rows = g_array_sized_new (FALSE, FALSE, sizeof (PatellaRoutineStepRecord),
                                                routine->steps->len);

    for (guint i = 0; i < routine->steps->len; i++)
      {
        const PatellaRoutineStep *step = &g_array_index (routine->steps, PatellaRoutineStep, i);
        PatellaRoutineStepRecord row = { step->exercise->id, step->sets, step->reps, step->hold_s,
                                      step->rest_s, step->per_side };

        g_array_append_val (rows, row);
      }

    if (!write_steps (store, id, (const PatellaRoutineStepRecord *) rows->data, rows->len, error))
      return FALSE;
  }

  if (!patella_transaction_commit (tx, error))
    return FALSE;

  routine->id = id;
  g_free (routine->name);
  routine->name = g_steal_pointer (&name);
  patella_store_emit_changed (store, "routines");
  return TRUE;
}

gboolean
patella_routine_delete (PatellaStore  *store,
                        gint64         id,
                        GError       **error)
{
  g_autoptr(PatellaTransaction) tx = NULL;

  g_return_val_if_fail (PATELLA_IS_STORE (store), FALSE);

  if ((tx = patella_store_transaction (store, error)) == NULL)
    return FALSE;

  if (!patella_store_exec_id (store, "DELETE FROM routine WHERE id = ?;", id, error))
    return FALSE;

  if (sqlite3_changes (patella_store_get_db (store)) != 1)
    {
      g_set_error (error, PATELLA_ERROR, PATELLA_ERROR_NOT_FOUND,
                   _("The routine was not found; it may have been deleted"));
      return FALSE;
    }

  if (!patella_transaction_commit (tx, error))
    return FALSE;

  patella_store_emit_changed (store, "routines");
  return TRUE;
}

/**
 * patella_exercise_log_session:
 * @pain: pain during the session, 0–10
 *
 * Records an exercise session that was done.
 */
gboolean
patella_exercise_log_session (PatellaStore  *store,
                              const char    *routine_name,
                              gint64         started_us,
                              gint64         duration_s,
                              int            pain,
                              GError       **error)
{
  return patella_exercise_log_routine (store, routine_name, started_us, duration_s, duration_s,
                                       pain, error);
}

/**
 * patella_exercise_log_routine:
 * @planned_s: how long the whole routine takes
 *
 * Records an exercise session of a routine that may have been stopped
 * early. Less than half of the routine is kept as a partial session, which
 * does not count toward the week's sessions.
 */
gboolean
patella_exercise_log_routine (PatellaStore  *store,
                              const char    *routine_name,
                              gint64         started_us,
                              gint64         duration_s,
                              gint64         planned_s,
                              int            pain,
                              GError       **error)
{
  PatellaSessionRecord row = PATELLA_SESSION_RECORD_INIT;
  g_autoptr(GDateTime) start = NULL;
  g_autofree char *day = NULL;

  g_return_val_if_fail (PATELLA_IS_STORE (store), FALSE);
  g_return_val_if_fail (routine_name != NULL, FALSE);

  if (!patella_check_pain (pain, error))
    return FALSE;

  if (duration_s < 0 || duration_s > PATELLA_DURATION_MAX_S)
    return patella_error_refuse (error, PATELLA_ERROR_INVALID,
                                 _("A session of %lld seconds is not accepted; it can "
                                   "last at most 48 hours"), (long long) duration_s);

  start = patella_date_time_new_local (started_us);
  if (start == NULL)
    return patella_error_refuse (error, PATELLA_ERROR_INVALID,
                                 _("The session’s start time is out of range"));
  day = g_date_time_format (start, "%Y-%m-%d");

  row.kind = "exercise";
  row.day = day;
  row.planned_s = MAX (planned_s, 1);
  /* Less than half of the routine is a partial session. */
  row.state = duration_s * 2 >= row.planned_s ? "finished" : "stopped";
  row.started_us = started_us;
  row.ended_us = started_us + duration_s * G_USEC_PER_SEC;
  row.duration_s = duration_s;
  row.routine = routine_name;
  row.pain = pain;
  return patella_session_add (store, &row, error) != 0;
}

/**
 * patella_exercise_count_week:
 *
 * Returns: the exercise sessions done this week, Monday to today
 */
guint
patella_exercise_count_week (PatellaStore *store)
{
  g_autoptr(PatellaStmt) stmt = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GDateTime) monday = NULL;
  g_autofree char *from = NULL;

  g_return_val_if_fail (PATELLA_IS_STORE (store), 0);

  now = patella_clock_get_now_local (patella_store_get_clock (store));
  monday = g_date_time_add_days (now, 1 - g_date_time_get_day_of_week (now));
  from = g_date_time_format (monday, "%Y-%m-%d");

  stmt = patella_store_prepare (store,
                                "SELECT count(*) FROM session "
                                "WHERE kind = 'exercise' AND state = 'finished' AND day >= ?;",
                                NULL);
  if (stmt == NULL)
    return 0;

  sqlite3_bind_text (stmt, 1, from, -1, SQLITE_TRANSIENT);
  if (patella_store_step (store, stmt, NULL) != SQLITE_ROW)
    return 0;

  return (guint) sqlite3_column_int (stmt, 0);
}
