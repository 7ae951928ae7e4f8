/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "patella-plan"

#include "config.h"

#include <glib/gi18n.h>

#include "patella-error.h"
#include "patella-plan-private.h"

/* The plan's ladder of phases, the words its rows store, exercise
 * progression and the plan's values. */

static const PatellaPlanPhase phases[PATELLA_PLAN_N_PHASES] = {
  { 1, PATELLA_PLAN_KIND_EARLY, N_("Calm and Strengthen"),
    N_("Isometric and shallow-angle strength work, and a brisk walk"),
    0, 20 * 60, 1, "builtin:early" },
  { 2, PATELLA_PLAN_KIND_READINESS, N_("Readiness Check"),
    N_("Walk briskly for 30 minutes, then single-leg squats: no more than mild pain?"),
    0, 30 * 60, 1, "builtin:strength" },
  { 3, PATELLA_PLAN_KIND_WALK_RUN, N_("Walk/Run 1"), NULL, 2 * 60, 3 * 60, 6, "builtin:strength" },
  { 4, PATELLA_PLAN_KIND_WALK_RUN, N_("Walk/Run 2"), NULL, 3 * 60, 2 * 60, 6, "builtin:strength" },
  { 5, PATELLA_PLAN_KIND_WALK_RUN, N_("Walk/Run 3"), NULL, 4 * 60, 1 * 60, 6, "builtin:strength" },
  { 6, PATELLA_PLAN_KIND_WALK_RUN, N_("Walk/Run 4"), NULL, 8 * 60, 2 * 60, 3, "builtin:strength" },
  { 7, PATELLA_PLAN_KIND_WALK_RUN, N_("Walk/Run 5"), NULL, 13 * 60, 2 * 60, 2, "builtin:strength" },
  { 8, PATELLA_PLAN_KIND_WALK_RUN, N_("Walk/Run 6: Continuous"), NULL, 30 * 60, 0, 1,
    "builtin:strength" },
  { 9, PATELLA_PLAN_KIND_BUILD_BACK, N_("Build Back"),
    /* xgettext:no-c-format */
    N_("Continuous runs, growing by at most 10% a week"),
    30 * 60, 0, 1, "builtin:strength" },
};

static const char * const decision_ids[] = {
  "start", "advance", "hold", "step-back", "paused", "resume", "stop",
};

static const char * const state_ids[] = {
  "none", "active", "paused", "stopped",
};

/* Helpers */

const PatellaPlanPhase *
patella_plan_get_phase (int number)
{
  if (number < 1 || number > PATELLA_PLAN_N_PHASES)
    return NULL;

  return &phases[number - 1];
}

const char *
patella_plan_phase_get_name (const PatellaPlanPhase *phase)
{
  g_return_val_if_fail (phase != NULL, NULL);
  return _(phase->name);
}

/* The whole session: the warm-up walk and the intervals, or the brisk walk. */
int
patella_plan_phase_seconds (const PatellaPlanPhase *phase)
{
  g_return_val_if_fail (phase != NULL, 0);

  if (phase->kind == PATELLA_PLAN_KIND_EARLY || phase->kind == PATELLA_PLAN_KIND_READINESS)
    return phase->walk_s;

  return PATELLA_PLAN_WARM_UP_S + phase->repeats * (phase->run_s + phase->walk_s);
}

/* The running done in a walk/run session of @phase that lasted @duration_s
 * (warm-up included): a session stopped early ran less than planned. */
int
patella_plan_phase_run_done (const PatellaPlanPhase *phase,
                             gint64                  duration_s)
{
  gint64 cycle_s, after_warm_up_s, cycles;

  g_return_val_if_fail (phase != NULL, 0);

  cycle_s = phase->run_s + phase->walk_s;
  after_warm_up_s = duration_s - PATELLA_PLAN_WARM_UP_S;
  if (cycle_s <= 0 || after_warm_up_s <= 0)
    return 0;

  cycles = after_warm_up_s / cycle_s;
  if (cycles >= phase->repeats)
    return phase->repeats * phase->run_s;

  return (int) (cycles * phase->run_s + MIN (after_warm_up_s - cycles * cycle_s, phase->run_s));
}

/**
 * patella_plan_phase_describe:
 *
 * Returns: (transfer full): what a session of the phase is, translated
 */
char *
patella_plan_phase_describe (const PatellaPlanPhase *phase)
{
  g_return_val_if_fail (phase != NULL, NULL);

  if (phase->summary != NULL)
    return g_strdup (_(phase->summary));

  if (phase->walk_s == 0)
    return g_strdup_printf (_("Run %d minutes without a walking break"), phase->run_s / 60);

  /* Translators: a walk/run session, like "6 × (2 min run, 3 min walk)" */
  return g_strdup_printf (_("%d × (%d min run, %d min walk)"),
                          phase->repeats, phase->run_s / 60, phase->walk_s / 60);
}

gboolean
patella_plan_check_phase (int      number,
                          GError **error)
{
  if (number >= 1 && number <= PATELLA_PLAN_N_PHASES)
    return TRUE;

  return patella_error_refuse (error, PATELLA_ERROR_INVALID,
                               _("There is no phase %d; the plan has phases 1 to %d"),
                               number, PATELLA_PLAN_N_PHASES);
}

const char *
patella_plan_rule_get_id (PatellaPlanRule rule)
{
  return rule == PATELLA_PLAN_RULE_STANDARD ? "standard" : "strict";
}

gboolean
patella_plan_rule_from_id (const char       *id,
                           PatellaPlanRule  *rule,
                           GError          **error)
{
  g_return_val_if_fail (id != NULL, FALSE);

  if (g_str_equal (id, "strict"))
    *rule = PATELLA_PLAN_RULE_STRICT;
  else if (g_str_equal (id, "standard"))
    *rule = PATELLA_PLAN_RULE_STANDARD;
  else
    return patella_error_refuse (error, PATELLA_ERROR_INVALID,
                                 _("“%s” is not a rule; choose “strict” (pain during at most "
                                   "2/10) or “standard” (at most 5/10)"), id);

  return TRUE;
}

int
patella_plan_rule_get_limit (PatellaPlanRule rule)
{
  return rule == PATELLA_PLAN_RULE_STANDARD ? PATELLA_PLAN_STANDARD_LIMIT
                                            : PATELLA_PLAN_STRICT_LIMIT;
}

const char *
patella_plan_decision_get_id (PatellaPlanDecision decision)
{
  g_return_val_if_fail (decision <= PATELLA_PLAN_DECISION_STOP, NULL);
  return decision_ids[decision];
}

const char *
patella_plan_state_get_id (PatellaPlanState state)
{
  g_return_val_if_fail (state <= PATELLA_PLAN_STATE_STOPPED, NULL);
  return state_ids[state];
}

PatellaPlanDecision
patella_plan_decision_from_id (const char *id)
{
  for (guint i = 0; i < G_N_ELEMENTS (decision_ids); i++)
    if (g_strcmp0 (decision_ids[i], id) == 0)
      return (PatellaPlanDecision) i;

  return PATELLA_PLAN_DECISION_HOLD;
}

PatellaPlanState
patella_plan_state_from_id (const char *id)
{
  for (guint i = 0; i < G_N_ELEMENTS (state_ids); i++)
    if (g_strcmp0 (state_ids[i], id) == 0)
      return (PatellaPlanState) i;

  return PATELLA_PLAN_STATE_STOPPED;
}

/* Exercise progression (common practice, the Guidance page "Exercise"):
 * level 1 adds reps toward the top of the range (a longer hold for a timed
 * exercise), level 2 adds a set, level 3 asks for more range or load. */

/**
 * patella_plan_progress_step:
 * @base: the step at its default dose
 * @level: 0 … %PATELLA_PLAN_EXERCISE_CEILING (clamped)
 * @out: (out caller-allocates): the step at @level
 *
 * Returns: %TRUE when the level also asks for more range or load
 */
gboolean
patella_plan_progress_step (const PatellaRoutineStep *base,
                            int                       level,
                            PatellaRoutineStep       *out)
{
  g_return_val_if_fail (base != NULL, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  level = CLAMP (level, 0, PATELLA_PLAN_EXERCISE_CEILING);
  *out = *base;

  if (level >= 1)
    {
      if (base->reps > 0)
        out->reps = MIN (base->reps + MAX (2, base->reps / 4), PATELLA_ROUTINE_MAX_REPS);
      else
        out->hold_s = MIN (base->hold_s + base->hold_s / 2, PATELLA_ROUTINE_MAX_HOLD_S);
    }
  if (level >= 2)
    out->sets = MIN (base->sets + 1, PATELLA_ROUTINE_MAX_SETS);

  return level >= 3;
}

/**
 * patella_plan_describe_level:
 *
 * Returns: (transfer full): what the exercise level asks for, translated
 */
char *
patella_plan_describe_level (int level)
{
  switch (CLAMP (level, 0, PATELLA_PLAN_EXERCISE_CEILING))
    {
    case 0:
      return g_strdup (_("Strength exercises at their starting dose"));
    case 1:
      return g_strdup (_("Strength exercises: more reps or a longer hold"));
    case 2:
      return g_strdup (_("Strength exercises: more reps and one more set"));
    default:
      return g_strdup (_("Strength exercises at the ceiling: add range or load with your "
                         "physiotherapist"));
    }
}

/**
 * patella_plan_get_routine:
 *
 * Returns: (transfer full) (nullable): the phase's strength routine at the
 *   plan's exercise level, or %NULL without a plan
 */
PatellaRoutine *
patella_plan_get_routine (const PatellaPlan *plan)
{
  const PatellaPlanPhase *phase;
  g_autoptr(GPtrArray) builtin = NULL;

  g_return_val_if_fail (plan != NULL, NULL);

  phase = patella_plan_get_phase (plan->phase);
  if (phase == NULL)
    return NULL;

  builtin = patella_routines_get_builtin ();
  for (guint i = 0; i < builtin->len; i++)
    {
      const PatellaRoutine *routine = g_ptr_array_index (builtin, i);
      PatellaRoutine *copy;

      if (g_strcmp0 (routine->key, phase->routine_key) != 0)
        continue;

      copy = patella_routine_copy (routine);
      for (guint j = 0; j < copy->steps->len; j++)
        {
          PatellaRoutineStep *step = &g_array_index (copy->steps, PatellaRoutineStep, j);
          PatellaRoutineStep progressed;

          patella_plan_progress_step (step, plan->ex_level, &progressed);
          *step = progressed;
        }
      return copy;
    }

  return NULL;
}

void
patella_plan_event_free (PatellaPlanEvent *event)
{
  if (event == NULL)
    return;

  g_free (event->uuid);
  g_free (event->reason);
  g_free (event->note);
  g_free (event);
}

void
patella_plan_free (PatellaPlan *plan)
{
  if (plan == NULL)
    return;

  g_free (plan->uuid);
  g_clear_pointer (&plan->events, g_ptr_array_unref);
  g_free (plan);
}

/**
 * patella_plan_today_is_walk_run:
 *
 * Whether today's session is a walk/run session (from the first walk/run
 * phase on) rather than the strength routine of the early phases, which
 * rest days keep too.
 */
gboolean
patella_plan_today_is_walk_run (const PatellaPlanToday *today)
{
  const PatellaPlanPhase *phase;

  g_return_val_if_fail (today != NULL, FALSE);

  if (today->kind != PATELLA_PLAN_TODAY_SESSION)
    return FALSE;

  phase = patella_plan_get_phase (today->phase);

  return phase != NULL &&
         phase->kind != PATELLA_PLAN_KIND_EARLY && phase->kind != PATELLA_PLAN_KIND_READINESS;
}

void
patella_plan_today_free (PatellaPlanToday *today)
{
  if (today == NULL)
    return;

  g_free (today->text);
  g_free (today);
}
