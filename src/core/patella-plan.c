/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "patella-plan"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "patella-error.h"
#include "patella-journal.h"
#include "patella-parse.h"
#include "patella-plan.h"
#include "patella-shoes.h"
#include "patella-store-private.h"

/* The recovery plan: a ladder of phases and decisions taken from the knee's
 * answer. A session waits for its next morning (the journal's morning
 * rating of its day); it is decided once that morning is rated, when the
 * next session is logged, or two days later without it. Decisions are
 * stored as they are made and never rewritten: a journal edited later
 * changes what comes next, not the history.
 *
 * Rules (the Guidance page, "Return to running"):
 * - pain during above 5/10, or a morning worse than the usual: step back;
 * - within the rule (≤ 2/10 strict, ≤ 5/10 standard), settled an hour
 *   after and a morning no worse: good; two good in a row: advance;
 * - anything else (acceptable, not settled, no morning rating): hold;
 * - a red flag in the journal (swelling, locking, giving way, or pain at
 *   rest above 5/10 on two days of a week): pause, see a clinician;
 * - a week without a session: repeat the phase (the streak starts over).
 * Days are local calendar days as the journal has them, so a daylight
 * saving change or a session across midnight never moves a session. */

#define PLAN_COLUMNS \
  "SELECT id, uuid, started_day, rule, state, phase, streak, ex_level, ex_streak FROM plan "
#define EVENT_COLUMNS \
  "SELECT id, uuid, kind, day, at_us, phase, pain, pain_after, duration_s, decided, decision," \
  " reason, ref_day, value, ex_level, note FROM plan_event "

#define REST_PAIN_HIGH     5   /* pain at rest above this … */
#define REST_PAIN_DAYS     2   /* … on this many days of a week: a red flag */
#define DECIDE_AFTER_DAYS  2   /* a session without its morning is decided then */

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

static int
decision_from_id (const char *id)
{
  for (guint i = 0; i < G_N_ELEMENTS (decision_ids); i++)
    if (g_strcmp0 (decision_ids[i], id) == 0)
      return (int) i;

  return PATELLA_PLAN_DECISION_HOLD;
}

static PatellaPlanState
state_from_id (const char *id)
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

static void
copy_day (char        dest[11],
          const char *day)
{
  g_strlcpy (dest, day != NULL ? day : "", 11);
}

static int
column_int_or (PatellaStmt *stmt,
               int          column,
               int          fallback)
{
  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    return fallback;

  return sqlite3_column_int (stmt, column);
}

static PatellaPlanEvent *
event_from_row (PatellaStmt *stmt)
{
  PatellaPlanEvent *event = g_new0 (PatellaPlanEvent, 1);

  event->id = sqlite3_column_int64 (stmt, 0);
  event->uuid = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
  event->kind = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 2), "session") == 0
                  ? PATELLA_PLAN_EVENT_SESSION : PATELLA_PLAN_EVENT_DECISION;
  copy_day (event->day, (const char *) sqlite3_column_text (stmt, 3));
  event->at_us = sqlite3_column_int64 (stmt, 4);
  event->phase = sqlite3_column_int (stmt, 5);
  event->pain = column_int_or (stmt, 6, PATELLA_PAIN_NONE);
  event->pain_after = column_int_or (stmt, 7, PATELLA_PAIN_NONE);
  event->duration_s = column_int_or (stmt, 8, 0);
  event->decided = sqlite3_column_int (stmt, 9) != 0;
  event->decision = decision_from_id ((const char *) sqlite3_column_text (stmt, 10));
  event->reason = g_strdup ((const char *) sqlite3_column_text (stmt, 11));
  copy_day (event->ref_day, (const char *) sqlite3_column_text (stmt, 12));
  event->value = column_int_or (stmt, 13, -1);
  event->ex_level = column_int_or (stmt, 14, -1);
  event->note = g_strdup ((const char *) sqlite3_column_text (stmt, 15));
  return event;
}

/* Reading */

/**
 * patella_plan_load:
 *
 * The latest plan, stopped or not, with its history.
 *
 * Returns: (transfer full): the plan (state %PATELLA_PLAN_STATE_NONE when
 *   none was ever started), or %NULL with @error set
 */
PatellaPlan *
patella_plan_load (PatellaStore  *store,
                   GError       **error)
{
  g_autoptr(PatellaPlan) plan = g_new0 (PatellaPlan, 1);
  g_autoptr(PatellaStmt) stmt = NULL;
  g_autoptr(PatellaStmt) events = NULL;
  int rc;

  g_return_val_if_fail (PATELLA_IS_STORE (store), NULL);

  plan->events = g_ptr_array_new_with_free_func ((GDestroyNotify) patella_plan_event_free);
  plan->state = PATELLA_PLAN_STATE_NONE;
  plan->phase = PATELLA_PLAN_PHASE_EARLY;

  stmt = patella_store_prepare (store, PLAN_COLUMNS "ORDER BY id DESC LIMIT 1;", error);
  if (stmt == NULL)
    return NULL;

  rc = patella_store_step (store, stmt, error);
  if (rc == SQLITE_DONE)
    return g_steal_pointer (&plan);
  if (rc != SQLITE_ROW)
    return NULL;

  plan->id = sqlite3_column_int64 (stmt, 0);
  plan->uuid = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
  copy_day (plan->started_day, (const char *) sqlite3_column_text (stmt, 2));
  plan->rule = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 3), "standard") == 0
                 ? PATELLA_PLAN_RULE_STANDARD : PATELLA_PLAN_RULE_STRICT;
  plan->state = state_from_id ((const char *) sqlite3_column_text (stmt, 4));
  plan->phase = sqlite3_column_int (stmt, 5);
  plan->streak = sqlite3_column_int (stmt, 6);
  plan->ex_level = sqlite3_column_int (stmt, 7);
  plan->ex_streak = sqlite3_column_int (stmt, 8);

  events = patella_store_prepare (store, EVENT_COLUMNS "WHERE plan_id = ? ORDER BY id;", error);
  if (events == NULL)
    return NULL;

  sqlite3_bind_int64 (events, 1, plan->id);
  while ((rc = patella_store_step (store, events, error)) == SQLITE_ROW)
    g_ptr_array_add (plan->events, event_from_row (events));
  if (rc != SQLITE_DONE)
    return NULL;

  return g_steal_pointer (&plan);
}

const PatellaPlanEvent *
patella_plan_get_last_decision (const PatellaPlan *plan)
{
  g_return_val_if_fail (plan != NULL, NULL);

  for (guint i = plan->events->len; i > 0; i--)
    {
      const PatellaPlanEvent *event = g_ptr_array_index (plan->events, i - 1);

      if (event->kind == PATELLA_PLAN_EVENT_DECISION)
        return event;
    }

  return NULL;
}

/**
 * patella_plan_count_events:
 *
 * Returns: how many events the plan in @store has, 0 without a plan; give
 *   it to patella_plan_get_reasons_since() after logging a session
 */
guint
patella_plan_count_events (PatellaStore *store)
{
  g_autoptr(PatellaPlan) plan = NULL;

  g_return_val_if_fail (PATELLA_IS_STORE (store), 0);

  plan = patella_plan_load (store, NULL);

  return plan != NULL ? plan->events->len : 0;
}

/**
 * patella_plan_get_reasons_since:
 * @n_events: what patella_plan_count_events() returned before
 *
 * What the plan decided since it had @n_events events (at once, when a
 * session is logged), oldest first, in words.
 *
 * Returns: (transfer container) (element-type utf8): the reasons, maybe none
 */
GPtrArray *
patella_plan_get_reasons_since (PatellaStore *store,
                                guint         n_events)
{
  g_autoptr(PatellaPlan) plan = NULL;
  GPtrArray *reasons = g_ptr_array_new_with_free_func (g_free);

  g_return_val_if_fail (PATELLA_IS_STORE (store), reasons);

  plan = patella_plan_load (store, NULL);
  for (guint i = n_events; plan != NULL && i < plan->events->len; i++)
    {
      const PatellaPlanEvent *event = g_ptr_array_index (plan->events, i);

      if (event->kind == PATELLA_PLAN_EVENT_DECISION)
        g_ptr_array_add (reasons, patella_plan_event_get_reason (event));
    }

  return reasons;
}

static const PatellaPlanEvent *
last_session (const PatellaPlan *plan)
{
  for (guint i = plan->events->len; i > 0; i--)
    {
      const PatellaPlanEvent *event = g_ptr_array_index (plan->events, i - 1);

      if (event->kind == PATELLA_PLAN_EVENT_SESSION)
        return event;
    }

  return NULL;
}

static PatellaPlanEvent *
pending_session (PatellaPlan *plan)
{
  PatellaPlanEvent *event = (PatellaPlanEvent *) last_session (plan);

  return event != NULL && !event->decided ? event : NULL;
}

/* The latest day any event of the plan is about. */
static const char *
latest_day (const PatellaPlan *plan)
{
  const char *latest = plan->started_day;

  for (guint i = 0; i < plan->events->len; i++)
    {
      const PatellaPlanEvent *event = g_ptr_array_index (plan->events, i);

      if (strcmp (event->day, latest) > 0)
        latest = event->day;
    }

  return latest;
}

/* "today", "yesterday", "on Tuesday" for a day in the week before @from,
 * else "on 2026-03-10". */
static char *
format_day (const char *day,
            const char *from)
{
  int diff = patella_day_diff (day, from);
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_parse (&date, day);
  if (diff < 0 || diff > 6 || !g_date_valid (&date))
    /* Translators: a day as in "the session on 2026-03-10" */
    return g_strdup_printf (_("on %s"), day);

  if (diff == 0)
    return g_strdup (_("today"));
  if (diff == 1)
    return g_strdup (_("yesterday"));

  switch (g_date_get_weekday (&date))
    {
    case G_DATE_MONDAY:
      return g_strdup (_("on Monday"));
    case G_DATE_TUESDAY:
      return g_strdup (_("on Tuesday"));
    case G_DATE_WEDNESDAY:
      return g_strdup (_("on Wednesday"));
    case G_DATE_THURSDAY:
      return g_strdup (_("on Thursday"));
    case G_DATE_FRIDAY:
      return g_strdup (_("on Friday"));
    case G_DATE_SATURDAY:
      return g_strdup (_("on Saturday"));
    case G_DATE_SUNDAY:
      return g_strdup (_("on Sunday"));
    default:
      return g_strdup_printf (_("on %s"), day);
    }
}

/**
 * patella_plan_event_get_reason:
 *
 * Returns: (transfer full): the decision's reason as a sentence, translated,
 *   with the days it names as seen from the day it was made
 */
char *
patella_plan_event_get_reason (const PatellaPlanEvent *event)
{
  g_autofree char *when = NULL;
  const char *reason;
  int phase;
  int value;

  g_return_val_if_fail (event != NULL, NULL);

  reason = event->reason != NULL ? event->reason : "";
  phase = event->phase;
  value = event->value;
  when = format_day (event->ref_day[0] != '\0' ? event->ref_day : event->day, event->day);

  if (event->kind == PATELLA_PLAN_EVENT_SESSION)
    return g_strdup_printf (_("Session logged: pain during %d/10."), event->pain);

  if (g_str_equal (reason, "start"))
    return g_strdup_printf (_("Started at phase %d: %s."), phase,
                            patella_plan_phase_get_name (patella_plan_get_phase (phase)));
  if (g_str_equal (reason, "two-good"))
    return g_strdup_printf (_("Advanced to phase %d: two sessions in a row within your rule, the "
                              "last one %s (%d/10)."), phase, when, value);
  if (g_str_equal (reason, "ready"))
    return g_strdup_printf (_("Ready to run: the readiness check %s was %d/10. Walk/run starts."),
                            when, value);
  if (g_str_equal (reason, "one-good"))
    return g_strdup_printf (_("Held at phase %d: the session %s was %d/10; one more like it to "
                              "advance."), phase, when, value);
  if (g_str_equal (reason, "acceptable"))
    return g_strdup_printf (_("Held at phase %d: the session %s was %d/10, above what your rule "
                              "allows to advance."), phase, when, value);
  if (g_str_equal (reason, "not-settled"))
    return g_strdup_printf (_("Held at phase %d: an hour after the session %s the knee was still "
                              "%d/10."), phase, when, value);
  if (g_str_equal (reason, "no-morning"))
    return g_strdup_printf (_("Held at phase %d: no morning rating after the session %s. Rate "
                              "the morning in the journal."), phase, when);
  if (g_str_equal (reason, "not-ready"))
    return g_strdup_printf (_("Not ready to run yet: the readiness check %s was %d/10. Keep up "
                              "the strength work and try again."), when, value);
  if (g_str_equal (reason, "missed-week"))
    return g_strdup_printf (_("Repeating phase %d: no session for a week or more (since %s)."),
                            phase, event->ref_day);
  if (g_str_equal (reason, "top"))
    return g_strdup_printf (_("Kept at phase %d, the last one: two good sessions in a row, the "
                              "last one %s (%d/10)."), phase, when, value);
  if (g_str_equal (reason, "resumed"))
    return g_strdup_printf (_("Resumed at phase %d."), phase);
  if (g_str_equal (reason, "too-much"))
    return g_strdup_printf (_("Stepped back to phase %d: the session %s was %d/10, too much "
                              "(above 5)."), phase, when, value);
  if (g_str_equal (reason, "too-much-first"))
    return g_strdup_printf (_("Held at phase %d, the first: the session %s was %d/10, too much "
                              "(above 5). Keep to this phase until sessions settle."),
                            phase, when, value);
  if (g_str_equal (reason, "morning-worse-first"))
    return g_strdup_printf (_("Held at phase %d, the first: the morning after the session %s was "
                              "worse than usual (%d/10)."), phase, when, value);
  if (g_str_equal (reason, "morning-worse"))
    return g_strdup_printf (_("Stepped back to phase %d: the morning after the session %s was "
                              "worse than usual (%d/10)."), phase, when, value);
  if (g_str_equal (reason, "user"))
    return g_strdup_printf (_("Paused at phase %d, as you asked."), phase);
  if (g_str_equal (reason, "red-flag"))
    return g_strdup_printf (_("Paused: you noted swelling, locking or a knee that gives way %s. "
                              "See a doctor or physiotherapist before running again."), when);
  if (g_str_equal (reason, "rest-pain"))
    return g_strdup_printf (_("Paused: pain at rest above 5/10 on two or more days, the last "
                              "%s. See a doctor or physiotherapist soon."), when);
  if (g_str_equal (reason, "stopped"))
    return g_strdup_printf (_("Stopped at phase %d. The history is kept."), phase);

  return g_strdup (reason);
}

/* Today */

/* The run time of the sessions from @from to @to, and the longest run. */
static int
run_seconds_between (const PatellaPlan *plan,
                     const char        *from,
                     const char        *to,
                     int               *longest)
{
  int total = 0;

  for (guint i = 0; i < plan->events->len; i++)
    {
      const PatellaPlanEvent *event = g_ptr_array_index (plan->events, i);
      const PatellaPlanPhase *phase = patella_plan_get_phase (event->phase);
      int run_s;

      if (event->kind != PATELLA_PLAN_EVENT_SESSION || phase == NULL ||
          phase->kind == PATELLA_PLAN_KIND_EARLY || phase->kind == PATELLA_PLAN_KIND_READINESS ||
          strcmp (event->day, from) < 0 || strcmp (event->day, to) > 0)
        continue;

      if (phase->kind == PATELLA_PLAN_KIND_BUILD_BACK)
        run_s = MAX (event->duration_s - PATELLA_PLAN_WARM_UP_S, 0);
      else
        run_s = phase->repeats * phase->run_s;

      total += run_s;
      *longest = MAX (*longest, phase->kind == PATELLA_PLAN_KIND_BUILD_BACK ? run_s : phase->run_s);
    }

  return total;
}

/* The day the plan last came to the build-back phase. */
static const char *
build_back_since (const PatellaPlan *plan)
{
  const char *since = plan->started_day;
  int previous = 0;

  for (guint i = 0; i < plan->events->len; i++)
    {
      const PatellaPlanEvent *event = g_ptr_array_index (plan->events, i);

      if (event->kind != PATELLA_PLAN_EVENT_DECISION)
        continue;
      if (event->phase == PATELLA_PLAN_PHASE_BUILD_BACK && previous != PATELLA_PLAN_PHASE_BUILD_BACK)
        since = event->day;
      previous = event->phase;
    }

  return since;
}

/* The build-back's run today grows by 10 % for each week in the phase, so
 * that no week is more than 10 % above the one before, and a run is never
 * more than 10 % longer than the longest of the 30 days before (the load
 * checks of the Shoes view). */
static int
build_back_run_seconds (const PatellaPlan *plan,
                        const char        *today)
{
  const PatellaPlanPhase *phase = patella_plan_get_phase (PATELLA_PLAN_PHASE_BUILD_BACK);
  g_autofree char *yesterday = patella_day_add_days (today, -1);
  g_autofree char *month_from = patella_day_add_days (today, -30);
  int weeks = MAX (patella_day_diff (build_back_since (plan), today), 0) / 7;
  double run_s = phase->run_s;
  int longest = 0;

  run_seconds_between (plan, month_from, yesterday, &longest);

  for (int i = 0; i < weeks && i < 52; i++)
    run_s *= (100 + PATELLA_PLAN_BUILD_PERCENT) / 100.0;
  if (longest > 0)
    run_s = MIN (run_s, longest * (100 + PATELLA_PLAN_BUILD_PERCENT) / 100.0);
  else
    run_s = phase->run_s;
  run_s = MAX (run_s, phase->run_s);

  return (int) run_s / 60 * 60;
}

/**
 * patella_plan_get_today:
 * @today: the local day, `YYYY-MM-DD`
 *
 * What the plan prescribes for @today: the phase's session every other day,
 * the strength routine on the days between.
 *
 * Returns: (transfer full): the prescription
 */
PatellaPlanToday *
patella_plan_get_today (const PatellaPlan *plan,
                        const char        *today)
{
  g_autoptr(PatellaPlanToday) result = g_new0 (PatellaPlanToday, 1);
  const PatellaPlanPhase *phase;
  const PatellaPlanEvent *last;
  const PatellaPlanEvent *decision;
  g_autofree char *what = NULL;

  g_return_val_if_fail (plan != NULL, NULL);
  g_return_val_if_fail (today != NULL, NULL);

  result->phase = plan->phase;
  phase = patella_plan_get_phase (plan->phase);

  if (plan->state == PATELLA_PLAN_STATE_NONE || phase == NULL)
    {
      result->kind = PATELLA_PLAN_TODAY_NONE;
      result->text = g_strdup (_("No recovery plan yet. Start one to be guided back to running, "
                                 "step by step."));
      return g_steal_pointer (&result);
    }

  if (plan->state == PATELLA_PLAN_STATE_STOPPED)
    {
      result->kind = PATELLA_PLAN_TODAY_STOPPED;
      result->text = g_strdup_printf (_("The plan is stopped (at phase %d). Start it again to "
                                        "go on."), plan->phase);
      return g_steal_pointer (&result);
    }

  if (plan->state == PATELLA_PLAN_STATE_PAUSED)
    {
      g_autofree char *reason = NULL;

      decision = patella_plan_get_last_decision (plan);
      reason = decision != NULL ? patella_plan_event_get_reason (decision) : g_strdup ("");
      result->kind = PATELLA_PLAN_TODAY_PAUSED;
      result->text = g_strdup_printf (_("The plan is paused. %s Resume it when you are ready."),
                                      reason);
      return g_steal_pointer (&result);
    }

  result->routine_key = phase->routine_key;
  last = last_session (plan);

  if (last != NULL && strcmp (last->day, today) == 0)
    {
      result->kind = PATELLA_PLAN_TODAY_DONE;
      result->text = g_strdup (_("Today’s session is logged. Tomorrow is a rest day from "
                                 "running."));
      return g_steal_pointer (&result);
    }

  if (last != NULL && phase->kind != PATELLA_PLAN_KIND_EARLY &&
      patella_day_diff (last->day, today) == 1)
    {
      result->kind = PATELLA_PLAN_TODAY_REST;
      result->text = g_strdup (_("Rest day from running: do the strength routine, and ice "
                                 "afterwards if it helps."));
      return g_steal_pointer (&result);
    }

  result->kind = PATELLA_PLAN_TODAY_SESSION;
  result->run_s = phase->run_s;
  result->walk_s = phase->walk_s;
  result->repeats = phase->repeats;
  result->duration_s = patella_plan_phase_seconds (phase);

  switch (phase->kind)
    {
    case PATELLA_PLAN_KIND_EARLY:
      result->text = g_strdup_printf (_("The early-phase strength routine (holds and shallow "
                                        "angles), then a brisk %d-minute walk."),
                                      phase->walk_s / 60);
      break;
    case PATELLA_PLAN_KIND_READINESS:
      result->text = g_strdup (_("Readiness check: walk briskly for 30 minutes, then do 5 "
                                 "single-leg squats on each side. Log the most pain you felt: "
                                 "no more than mild (2/10) means you are ready to run."));
      break;
    case PATELLA_PLAN_KIND_WALK_RUN:
      what = patella_plan_phase_describe (phase);
      result->text = g_strdup_printf (_("Walk/run: a 5-minute warm-up walk, then %s."), what);
      break;
    case PATELLA_PLAN_KIND_BUILD_BACK:
    default:
      result->run_s = build_back_run_seconds (plan, today);
      result->duration_s = PATELLA_PLAN_WARM_UP_S + result->run_s;
      result->text = g_strdup_printf (_("A 5-minute warm-up walk, then a continuous run of %d "
                                        "minutes (at most 10%% more a week)."),
                                      result->run_s / 60);
      break;
    }

  return g_steal_pointer (&result);
}

/* Writing */

static gboolean
save_plan_row (PatellaStore  *store,
               PatellaPlan   *plan,
               GError       **error)
{
  g_autoptr(PatellaStmt) stmt = NULL;

  stmt = patella_store_prepare (store,
                                "UPDATE plan SET state = ?, phase = ?, streak = ?, ex_level = ?,"
                                " ex_streak = ? WHERE id = ?;", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, patella_plan_state_get_id (plan->state), -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 2, plan->phase);
  sqlite3_bind_int (stmt, 3, plan->streak);
  sqlite3_bind_int (stmt, 4, plan->ex_level);
  sqlite3_bind_int (stmt, 5, plan->ex_streak);
  sqlite3_bind_int64 (stmt, 6, plan->id);
  return patella_store_step_done (store, stmt, error);
}

static void
bind_int_or_null (PatellaStmt *stmt,
                  int          column,
                  int          value,
                  int          none)
{
  if (value == none)
    sqlite3_bind_null (stmt, column);
  else
    sqlite3_bind_int (stmt, column, value);
}

static gboolean
insert_event (PatellaStore      *store,
              PatellaPlan       *plan,
              PatellaPlanEvent  *event,
              GError           **error)
{
  g_autoptr(PatellaStmt) stmt = NULL;

  stmt = patella_store_prepare (store,
                                "INSERT INTO plan_event (uuid, plan_id, day, at_us, kind, phase,"
                                " pain, pain_after, duration_s, decided, decision, reason, ref_day,"
                                " value, ex_level, note)"
                                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?);", error);
  if (stmt == NULL)
    return FALSE;

  event->uuid = g_uuid_string_random ();
  sqlite3_bind_text (stmt, 1, event->uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, plan->id);
  sqlite3_bind_text (stmt, 3, event->day, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 4, event->at_us);
  sqlite3_bind_text (stmt, 5, event->kind == PATELLA_PLAN_EVENT_SESSION ? "session" : "decision",
                     -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 6, event->phase);
  bind_int_or_null (stmt, 7, event->pain, PATELLA_PAIN_NONE);
  bind_int_or_null (stmt, 8, event->pain_after, PATELLA_PAIN_NONE);
  if (event->kind == PATELLA_PLAN_EVENT_SESSION)
    sqlite3_bind_int (stmt, 9, event->duration_s);
  else
    sqlite3_bind_null (stmt, 9);
  sqlite3_bind_int (stmt, 10, event->decided ? 1 : 0);
  if (event->kind == PATELLA_PLAN_EVENT_DECISION)
    sqlite3_bind_text (stmt, 11, patella_plan_decision_get_id (event->decision), -1, SQLITE_STATIC);
  else
    sqlite3_bind_null (stmt, 11);
  sqlite3_bind_text (stmt, 12, event->reason != NULL ? event->reason : "", -1, SQLITE_TRANSIENT);
  if (event->ref_day[0] != '\0')
    sqlite3_bind_text (stmt, 13, event->ref_day, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, 13);
  bind_int_or_null (stmt, 14, event->value, -1);
  bind_int_or_null (stmt, 15, event->ex_level, -1);
  sqlite3_bind_text (stmt, 16, event->note != NULL ? event->note : "", -1, SQLITE_TRANSIENT);
  if (!patella_store_step_done (store, stmt, error))
    return FALSE;

  event->id = sqlite3_last_insert_rowid (patella_store_get_db (store));
  g_ptr_array_add (plan->events, event);
  return TRUE;
}

static gboolean
add_decision (PatellaStore         *store,
              PatellaPlan          *plan,
              PatellaPlanDecision   decision,
              const char           *reason,
              const char           *ref_day,
              int                   value,
              GError              **error)
{
  PatellaClock *clock = patella_store_get_clock (store);
  g_autofree char *today = patella_clock_get_today (clock);
  PatellaPlanEvent *event = g_new0 (PatellaPlanEvent, 1);

  event->kind = PATELLA_PLAN_EVENT_DECISION;
  copy_day (event->day, today);
  event->at_us = patella_clock_get_now (clock);
  event->phase = plan->phase;
  event->pain = PATELLA_PAIN_NONE;
  event->pain_after = PATELLA_PAIN_NONE;
  event->decided = TRUE;
  event->decision = decision;
  event->reason = g_strdup (reason);
  copy_day (event->ref_day, ref_day);
  event->value = value;
  event->ex_level = plan->ex_level;

  if (!insert_event (store, plan, event, error))
    {
      patella_plan_event_free (event);
      return FALSE;
    }

  return save_plan_row (store, plan, error);
}

static gboolean
mark_decided (PatellaStore      *store,
              PatellaPlanEvent  *session,
              GError           **error)
{
  g_autoptr(PatellaStmt) stmt = NULL;

  stmt = patella_store_prepare (store, "UPDATE plan_event SET decided = 1 WHERE id = ?;", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, session->id);
  if (!patella_store_step_done (store, stmt, error))
    return FALSE;

  session->decided = TRUE;
  return TRUE;
}

static int
phase_below (int phase)
{
  phase--;
  /* The readiness check is a gate, not a load: stepping back from the first
   * walk/run phase goes to the early phase. */
  if (phase == PATELLA_PLAN_PHASE_READINESS)
    phase--;
  return MAX (phase, PATELLA_PLAN_PHASE_EARLY);
}

static void
progress_exercise (PatellaPlan *plan,
                   int          pain)
{
  if (pain > PATELLA_PLAN_TOO_MUCH)
    {
      plan->ex_level = MAX (plan->ex_level - 1, 0);
      plan->ex_streak = 0;
    }
  else if (pain <= PATELLA_PLAN_STRICT_LIMIT)
    {
      if (++plan->ex_streak >= PATELLA_PLAN_GOOD_IN_A_ROW)
        {
          plan->ex_level = MIN (plan->ex_level + 1, PATELLA_PLAN_EXERCISE_CEILING);
          plan->ex_streak = 0;
        }
    }
  else
    plan->ex_streak = 0;
}

/* The usual morning before @day: the latest morning rating of the week
 * before, else the pain at rest of @day; -1 when nothing is known. */
static gboolean
usual_morning (PatellaStore  *store,
               const char    *day,
               int           *usual,
               GError       **error)
{
  g_autofree char *from = patella_day_add_days (day, -PATELLA_PLAN_MISSED_DAYS);
  g_autofree char *to = patella_day_add_days (day, -1);
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(PatellaJournalEntry) entry = NULL;
  g_autoptr(GError) local_error = NULL;

  *usual = -1;
  entries = patella_journal_list (store, from, to, error);
  if (entries == NULL)
    return FALSE;

  for (guint i = entries->len; i > 0; i--)
    {
      int morning = patella_journal_entry_get_pain_morning (g_ptr_array_index (entries, i - 1));

      if (morning != PATELLA_PAIN_NONE)
        {
          *usual = morning;
          return TRUE;
        }
    }

  entry = patella_journal_get (store, day, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (entry != NULL)
    *usual = patella_journal_entry_get_pain_rest (entry);

  return TRUE;
}

static gboolean
decide_session (PatellaStore      *store,
                PatellaPlan       *plan,
                PatellaPlanEvent  *session,
                int                morning,
                GError           **error)
{
  const PatellaPlanPhase *phase = patella_plan_get_phase (plan->phase);
  int limit = patella_plan_rule_get_limit (plan->rule);
  int usual = -1;
  gboolean worse;

  if (!mark_decided (store, session, error))
    return FALSE;

  progress_exercise (plan, session->pain);

  if (session->pain > PATELLA_PLAN_TOO_MUCH)
    {
      /* In the first phase there is nothing to step back to: it holds. */
      gboolean at_bottom = phase_below (plan->phase) == plan->phase;

      plan->phase = phase_below (plan->phase);
      plan->streak = 0;
      return add_decision (store, plan,
                           at_bottom ? PATELLA_PLAN_DECISION_HOLD : PATELLA_PLAN_DECISION_STEP_BACK,
                           at_bottom ? "too-much-first" : "too-much",
                           session->day, session->pain, error);
    }

  if (morning != PATELLA_PAIN_NONE && !usual_morning (store, session->day, &usual, error))
    return FALSE;

  /* Without a usual morning to compare with, more than mild is worse. */
  worse = morning != PATELLA_PAIN_NONE &&
          (usual >= 0 ? morning > usual : morning > PATELLA_PLAN_MILD);
  if (worse)
    {
      gboolean at_bottom = phase_below (plan->phase) == plan->phase;

      plan->phase = phase_below (plan->phase);
      plan->streak = 0;
      return add_decision (store, plan,
                           at_bottom ? PATELLA_PLAN_DECISION_HOLD : PATELLA_PLAN_DECISION_STEP_BACK,
                           at_bottom ? "morning-worse-first" : "morning-worse",
                           session->day, morning, error);
    }

  if (phase->kind == PATELLA_PLAN_KIND_READINESS)
    {
      plan->streak = 0;
      if (session->pain <= PATELLA_PLAN_MILD)
        {
          plan->phase++;
          return add_decision (store, plan, PATELLA_PLAN_DECISION_ADVANCE, "ready",
                               session->day, session->pain, error);
        }
      return add_decision (store, plan, PATELLA_PLAN_DECISION_HOLD, "not-ready",
                           session->day, session->pain, error);
    }

  if (session->pain > limit)
    {
      plan->streak = 0;
      return add_decision (store, plan, PATELLA_PLAN_DECISION_HOLD, "acceptable",
                           session->day, session->pain, error);
    }

  if (session->pain_after != PATELLA_PAIN_NONE && session->pain_after > limit)
    {
      plan->streak = 0;
      return add_decision (store, plan, PATELLA_PLAN_DECISION_HOLD, "not-settled",
                           session->day, session->pain_after, error);
    }

  if (morning == PATELLA_PAIN_NONE)
    {
      plan->streak = 0;
      return add_decision (store, plan, PATELLA_PLAN_DECISION_HOLD, "no-morning",
                           session->day, -1, error);
    }

  if (++plan->streak < PATELLA_PLAN_GOOD_IN_A_ROW)
    return add_decision (store, plan, PATELLA_PLAN_DECISION_HOLD, "one-good",
                         session->day, session->pain, error);

  plan->streak = 0;
  if (plan->phase == PATELLA_PLAN_N_PHASES)
    return add_decision (store, plan, PATELLA_PLAN_DECISION_HOLD, "top",
                         session->day, session->pain, error);

  plan->phase++;
  return add_decision (store, plan, PATELLA_PLAN_DECISION_ADVANCE, "two-good",
                       session->day, session->pain, error);
}

/* When the plan was last (re)started or resumed, and on which day. */
static const PatellaPlanEvent *
last_start (const PatellaPlan *plan)
{
  for (guint i = plan->events->len; i > 0; i--)
    {
      const PatellaPlanEvent *event = g_ptr_array_index (plan->events, i - 1);

      if (event->kind == PATELLA_PLAN_EVENT_DECISION &&
          (event->decision == PATELLA_PLAN_DECISION_START ||
           event->decision == PATELLA_PLAN_DECISION_RESUME))
        return event;
    }

  return NULL;
}

/* A red flag noted in the journal since the plan started or resumed: the
 * advice's same-day and soon signs (swelling, locking, giving way) and
 * pain at rest above 5/10 on two or more days of the last week. */
static gboolean
check_red_flags (PatellaStore  *store,
                 PatellaPlan   *plan,
                 const char    *today,
                 const char   **reason,
                 char          *flag_day,
                 GError       **error)
{
  const PatellaPlanEvent *since = last_start (plan);
  g_autofree char *from = patella_day_add_days (today, -(PATELLA_PLAN_MISSED_DAYS - 1));
  g_autoptr(GPtrArray) entries = NULL;
  gint64 since_us = since != NULL ? since->at_us : 0;
  guint high_rest = 0;
  gboolean new_high = FALSE;

  *reason = NULL;
  entries = patella_journal_list (store, from, today, error);
  if (entries == NULL)
    return FALSE;

  for (guint i = 0; i < entries->len; i++)
    {
      PatellaJournalEntry *entry = g_ptr_array_index (entries, i);
      const char * const *codes = patella_journal_entry_get_symptoms (entry);
      gboolean fresh = patella_journal_entry_get_updated_us (entry) > since_us;

      for (guint j = 0; codes[j] != NULL && fresh; j++)
        if (patella_symptom_is_red_flag (codes[j]))
          {
            *reason = "red-flag";
            copy_day (flag_day, patella_journal_entry_get_day (entry));
          }

      if (patella_journal_entry_get_pain_rest (entry) > REST_PAIN_HIGH)
        {
          high_rest++;
          new_high |= fresh;
          if (*reason == NULL && high_rest >= REST_PAIN_DAYS && new_high)
            {
              *reason = "rest-pain";
              copy_day (flag_day, patella_journal_entry_get_day (entry));
            }
        }
    }

  return TRUE;
}

static gboolean
morning_of (PatellaStore  *store,
            const char    *day,
            int           *morning,
            GError       **error)
{
  g_autoptr(PatellaJournalEntry) entry = NULL;
  g_autoptr(GError) local_error = NULL;

  entry = patella_journal_get (store, day, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  *morning = entry != NULL ? patella_journal_entry_get_pain_morning (entry) : PATELLA_PAIN_NONE;
  return TRUE;
}

/* Inside a transaction: takes every decision that is due. With @force, a
 * pending session is decided now, with or without its morning. */
static gboolean
update_in_transaction (PatellaStore  *store,
                       PatellaPlan   *plan,
                       gboolean       force,
                       GError       **error)
{
  g_autofree char *today = patella_clock_get_today (patella_store_get_clock (store));
  PatellaPlanEvent *pending;
  const PatellaPlanEvent *decision;
  const char *flag = NULL;
  char flag_day[11] = "";
  const char *ref;

  if (plan->state != PATELLA_PLAN_STATE_ACTIVE)
    return TRUE;

  /* A clock set back: decide nothing until it has caught up again. */
  if (strcmp (today, latest_day (plan)) < 0)
    return TRUE;

  if (!check_red_flags (store, plan, today, &flag, flag_day, error))
    return FALSE;
  if (flag != NULL)
    {
      pending = pending_session (plan);
      if (pending != NULL && !mark_decided (store, pending, error))
        return FALSE;
      plan->state = PATELLA_PLAN_STATE_PAUSED;
      plan->streak = 0;
      return add_decision (store, plan, PATELLA_PLAN_DECISION_PAUSED, flag, flag_day, -1, error);
    }

  pending = pending_session (plan);
  if (pending != NULL)
    {
      int morning;

      if (!morning_of (store, pending->day, &morning, error))
        return FALSE;
      if (morning != PATELLA_PAIN_NONE || force ||
          patella_day_diff (pending->day, today) >= DECIDE_AFTER_DAYS)
        return decide_session (store, plan, pending, morning, error);
      return TRUE;
    }

  /* A missed week: once, until the next session. */
  ref = plan->started_day;
  for (guint i = 0; i < plan->events->len; i++)
    {
      const PatellaPlanEvent *event = g_ptr_array_index (plan->events, i);

      if (strcmp (event->day, ref) > 0 &&
          (event->kind == PATELLA_PLAN_EVENT_SESSION ||
           event->decision == PATELLA_PLAN_DECISION_START ||
           event->decision == PATELLA_PLAN_DECISION_RESUME))
        ref = event->day;
    }
  decision = patella_plan_get_last_decision (plan);
  if (decision != NULL && g_strcmp0 (decision->reason, "missed-week") == 0)
    return TRUE;
  if (patella_day_diff (ref, today) >= PATELLA_PLAN_MISSED_DAYS)
    {
      g_autofree char *ref_day = g_strdup (ref);

      plan->streak = 0;
      return add_decision (store, plan, PATELLA_PLAN_DECISION_HOLD, "missed-week", ref_day, -1,
                           error);
    }

  return TRUE;
}

static gboolean
finish (PatellaStore        *store,
        PatellaTransaction  *tx,
        GError             **error)
{
  if (!patella_transaction_commit (tx, error))
    return FALSE;

  patella_store_emit_changed (store, "plan");
  return TRUE;
}

/* The plan, loaded inside the write transaction @tx that changes it. */
static PatellaPlan *
begin_and_load (PatellaStore        *store,
                PatellaTransaction **tx,
                GError             **error)
{
  if (!patella_store_check_writable (store, error))
    return NULL;

  *tx = patella_store_transaction (store, error);
  if (*tx == NULL)
    return NULL;

  return patella_plan_load (store, error);
}

/**
 * patella_plan_update:
 *
 * Takes the decisions that are due today: a session whose morning is rated
 * (or two days old), a red flag in the journal, a missed week. Does nothing
 * on a read-only store.
 */
gboolean
patella_plan_update (PatellaStore  *store,
                     GError       **error)
{
  g_autoptr(PatellaTransaction) tx = NULL;
  g_autoptr(PatellaPlan) plan = NULL;
  guint n_events;

  g_return_val_if_fail (PATELLA_IS_STORE (store), FALSE);

  if (patella_store_is_read_only (store))
    return TRUE;

  plan = begin_and_load (store, &tx, error);
  if (plan == NULL)
    return FALSE;

  /* One decision a round: a session decided may leave a missed week due. */
  n_events = plan->events->len;
  for (guint round = 0; round < 3; round++)
    {
      guint before = plan->events->len;

      if (!update_in_transaction (store, plan, FALSE, error))
        return FALSE;
      if (plan->events->len == before)
        break;
    }

  if (plan->events->len == n_events)
    return TRUE;

  return finish (store, tx, error);
}

static gboolean
refuse_open_plan (PatellaPlan  *plan,
                  GError      **error)
{
  const PatellaPlanPhase *phase = patella_plan_get_phase (plan->phase);

  if (plan->state == PATELLA_PLAN_STATE_ACTIVE)
    return patella_error_refuse (error, PATELLA_ERROR_INVALID,
                                 _("A plan is already running (phase %d, %s, since %s); stop it "
                                   "before starting another"),
                                 plan->phase, patella_plan_phase_get_name (phase),
                                 plan->started_day);

  return patella_error_refuse (error, PATELLA_ERROR_INVALID,
                               _("A plan is paused at phase %d (%s); resume it, or stop it "
                                 "before starting another"),
                               plan->phase, patella_plan_phase_get_name (phase));
}

/**
 * patella_plan_start:
 * @phase: 1 … %PATELLA_PLAN_N_PHASES, or 0 for the first phase of a new
 *   plan (refused after a stopped plan: where to start again is asked)
 *
 * Starts a new plan today. The history of a stopped plan is kept.
 */
gboolean
patella_plan_start (PatellaStore     *store,
                    int               phase,
                    PatellaPlanRule   rule,
                    GError          **error)
{
  g_autoptr(PatellaTransaction) tx = NULL;
  g_autoptr(PatellaPlan) plan = NULL;
  g_autoptr(PatellaStmt) stmt = NULL;
  g_autoptr(PatellaPlan) fresh = g_new0 (PatellaPlan, 1);
  g_autofree char *uuid = g_uuid_string_random ();
  PatellaClock *clock;
  g_autofree char *today = NULL;

  g_return_val_if_fail (PATELLA_IS_STORE (store), FALSE);

  if (phase != 0 && !patella_plan_check_phase (phase, error))
    return FALSE;

  plan = begin_and_load (store, &tx, error);
  if (plan == NULL)
    return FALSE;

  if (plan->state == PATELLA_PLAN_STATE_ACTIVE || plan->state == PATELLA_PLAN_STATE_PAUSED)
    return refuse_open_plan (plan, error);

  if (phase == 0 && plan->state == PATELLA_PLAN_STATE_STOPPED)
    {
      return patella_error_refuse (error, PATELLA_ERROR_INVALID,
                                   _("The last plan was stopped at phase %d; choose where to "
                                     "start again: a phase from 1 to %d (%d goes on where it "
                                     "stopped)"),
                                   plan->phase, PATELLA_PLAN_N_PHASES, plan->phase);
    }

  clock = patella_store_get_clock (store);
  today = patella_clock_get_today (clock);

  stmt = patella_store_prepare (store,
                                "INSERT INTO plan (uuid, started_day, started_us, rule, state,"
                                " phase) VALUES (?, ?, ?, ?, 'active', ?);", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, today, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, patella_clock_get_now (clock));
  sqlite3_bind_text (stmt, 4, patella_plan_rule_get_id (rule), -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 5, phase != 0 ? phase : PATELLA_PLAN_PHASE_EARLY);
  if (!patella_store_step_done (store, stmt, error))
    return FALSE;

  fresh->id = sqlite3_last_insert_rowid (patella_store_get_db (store));
  fresh->uuid = g_steal_pointer (&uuid);
  fresh->state = PATELLA_PLAN_STATE_ACTIVE;
  fresh->rule = rule;
  copy_day (fresh->started_day, today);
  fresh->phase = phase != 0 ? phase : PATELLA_PLAN_PHASE_EARLY;
  fresh->events = g_ptr_array_new_with_free_func ((GDestroyNotify) patella_plan_event_free);

  if (!add_decision (store, fresh, PATELLA_PLAN_DECISION_START, "start", NULL, -1, error))
    return FALSE;

  return finish (store, tx, error);
}

static gboolean
refuse_no_plan (PatellaPlan  *plan,
                GError      **error)
{
  if (plan->state == PATELLA_PLAN_STATE_NONE)
    return patella_error_refuse (error, PATELLA_ERROR_INVALID,
                                 _("No plan has been started; start one first "
                                   "(patella-cli plan start)"));

  return patella_error_refuse (error, PATELLA_ERROR_INVALID,
                               _("The plan is stopped; start a new one first "
                                 "(patella-cli plan start --phase N)"));
}

/* Whether a plan in its state may go to @to by the user's word. */
static gboolean
check_move (PatellaPlan       *plan,
            PatellaPlanState   to,
            GError           **error)
{
  switch (to)
    {
    case PATELLA_PLAN_STATE_PAUSED:
      if (plan->state == PATELLA_PLAN_STATE_PAUSED)
        return patella_error_refuse (error, PATELLA_ERROR_INVALID,
                                     _("The plan is already paused; resume it with "
                                       "“plan resume”"));
      if (plan->state != PATELLA_PLAN_STATE_ACTIVE)
        return refuse_no_plan (plan, error);
      break;

    case PATELLA_PLAN_STATE_ACTIVE:
      if (plan->state == PATELLA_PLAN_STATE_ACTIVE)
        return patella_error_refuse (error, PATELLA_ERROR_INVALID,
                                     _("The plan is not paused; it is running at phase %d"),
                                     plan->phase);
      if (plan->state != PATELLA_PLAN_STATE_PAUSED)
        return refuse_no_plan (plan, error);
      break;

    case PATELLA_PLAN_STATE_NONE:
    case PATELLA_PLAN_STATE_STOPPED:
    default:
      if (plan->state != PATELLA_PLAN_STATE_ACTIVE && plan->state != PATELLA_PLAN_STATE_PAUSED)
        return refuse_no_plan (plan, error);
      break;
    }

  return TRUE;
}

/* Pauses, resumes or stops the plan, and records the decision. */
static gboolean
move_plan (PatellaStore         *store,
           PatellaPlanState      to,
           PatellaPlanDecision   decision,
           const char           *reason,
           GError              **error)
{
  g_autoptr(PatellaTransaction) tx = NULL;
  g_autoptr(PatellaPlan) plan = NULL;

  g_return_val_if_fail (PATELLA_IS_STORE (store), FALSE);

  plan = begin_and_load (store, &tx, error);
  if (plan == NULL || !check_move (plan, to, error))
    return FALSE;

  plan->state = to;
  /* A pause breaks the run of good sessions, and so does coming back. */
  if (to != PATELLA_PLAN_STATE_STOPPED)
    plan->streak = 0;
  if (!add_decision (store, plan, decision, reason, NULL, -1, error))
    return FALSE;

  return finish (store, tx, error);
}

gboolean
patella_plan_pause (PatellaStore  *store,
                    GError       **error)
{
  return move_plan (store, PATELLA_PLAN_STATE_PAUSED, PATELLA_PLAN_DECISION_PAUSED, "user",
                    error);
}

gboolean
patella_plan_resume (PatellaStore  *store,
                     GError       **error)
{
  return move_plan (store, PATELLA_PLAN_STATE_ACTIVE, PATELLA_PLAN_DECISION_RESUME, "resumed",
                    error);
}

gboolean
patella_plan_stop (PatellaStore  *store,
                   GError       **error)
{
  return move_plan (store, PATELLA_PLAN_STATE_STOPPED, PATELLA_PLAN_DECISION_STOP, "stopped",
                    error);
}

/**
 * patella_plan_log:
 * @day: (nullable): the session's local day, or %NULL for today
 * @pain: pain during, 0–10
 * @pain_after: pain about an hour after, 0–10, or %PATELLA_PAIN_NONE
 * @note: (nullable): a note
 *
 * Logs the session the plan prescribed. One session a day: a second one
 * for the same day, a day before the last session, before the plan started
 * or in the future is refused. The session before is decided first, with
 * what is known by then; a session with too much pain is decided at once.
 */
gboolean
patella_plan_log (PatellaStore  *store,
                  const char    *day,
                  int            pain,
                  int            pain_after,
                  const char    *note,
                  GError       **error)
{
  g_autoptr(PatellaTransaction) tx = NULL;
  g_autoptr(PatellaPlan) plan = NULL;
  g_autofree char *session_day = NULL;
  g_autofree char *today = NULL;
  g_autoptr(PatellaPlanToday) prescription = NULL;
  const PatellaPlanEvent *last;
  PatellaPlanEvent *session;
  PatellaClock *clock;

  g_return_val_if_fail (PATELLA_IS_STORE (store), FALSE);

  if (!patella_check_pain (pain, error))
    return FALSE;
  if (pain_after != PATELLA_PAIN_NONE && !patella_check_pain (pain_after, error))
    return FALSE;
  if (note != NULL && !patella_check_text (note, 10000, error))
    return FALSE;

  clock = patella_store_get_clock (store);
  today = patella_clock_get_today (clock);
  if (day == NULL)
    session_day = g_strdup (today);
  else if (!patella_journal_check_day (store, day, &session_day, error))
    return FALSE;

  plan = begin_and_load (store, &tx, error);
  if (plan == NULL)
    return FALSE;

  if (plan->state == PATELLA_PLAN_STATE_PAUSED)
    {
      return patella_error_refuse (error, PATELLA_ERROR_INVALID,
                                   _("The plan is paused; resume it before logging a session"));
    }
  if (plan->state != PATELLA_PLAN_STATE_ACTIVE)
    return refuse_no_plan (plan, error);

  if (strcmp (session_day, plan->started_day) < 0)
    {
      return patella_error_refuse (error, PATELLA_ERROR_INVALID,
                                   _("%s is before the plan started (%s); log a session from "
                                     "%s on"), session_day, plan->started_day, plan->started_day);
    }

  if (strcmp (today, latest_day (plan)) < 0)
    {
      return patella_error_refuse (error, PATELLA_ERROR_INVALID,
                                   _("Today (%s) is before the plan’s latest entry (%s): has the "
                                     "clock been set back? Nothing was logged"),
                                   today, latest_day (plan));
    }

  last = last_session (plan);
  if (last != NULL && strcmp (session_day, last->day) == 0)
    {
      return patella_error_refuse (error, PATELLA_ERROR_INVALID,
                                   _("A plan session is already logged for %s; the plan counts "
                                     "one session a day"), session_day);
    }
  if (last != NULL && strcmp (session_day, last->day) < 0)
    {
      return patella_error_refuse (error, PATELLA_ERROR_INVALID,
                                   _("%s is before the last logged session (%s); sessions are "
                                     "logged in order"), session_day, last->day);
    }

  /* The session before is decided with what is known now. */
  if (!update_in_transaction (store, plan, TRUE, error))
    return FALSE;
  if (plan->state != PATELLA_PLAN_STATE_ACTIVE)
    return finish (store, tx, error);

  prescription = patella_plan_get_today (plan, session_day);
  session = g_new0 (PatellaPlanEvent, 1);
  session->kind = PATELLA_PLAN_EVENT_SESSION;
  copy_day (session->day, session_day);
  session->at_us = patella_clock_get_now (clock);
  session->phase = plan->phase;
  session->pain = pain;
  session->pain_after = pain_after;
  session->duration_s = prescription->duration_s > 0
                          ? prescription->duration_s
                          : patella_plan_phase_seconds (patella_plan_get_phase (plan->phase));
  session->value = -1;
  session->ex_level = -1;
  session->note = g_strdup (note != NULL ? note : "");
  if (!insert_event (store, plan, session, error))
    {
      patella_plan_event_free (session);
      return FALSE;
    }

  /* Too much is known at once; so is a red flag noted today. */
  if (pain > PATELLA_PLAN_TOO_MUCH)
    {
      if (!decide_session (store, plan, session, PATELLA_PAIN_NONE, error))
        return FALSE;
    }
  else if (!update_in_transaction (store, plan, FALSE, error))
    return FALSE;

  return finish (store, tx, error);
}

/**
 * patella_plan_get_pending:
 *
 * Returns: (nullable): the last session, while it waits for its decision
 */
const PatellaPlanEvent *
patella_plan_get_pending (const PatellaPlan *plan)
{
  g_return_val_if_fail (plan != NULL, NULL);

  return pending_session ((PatellaPlan *) plan);
}

/**
 * patella_plan_rate_after:
 * @pain_after: pain about an hour after the session, 0–10
 *
 * Adds the rating an hour after to the last session, while it waits for
 * its decision (a decided session keeps what it was decided on).
 */
gboolean
patella_plan_rate_after (PatellaStore  *store,
                         int            pain_after,
                         GError       **error)
{
  g_autoptr(PatellaTransaction) tx = NULL;
  g_autoptr(PatellaPlan) plan = NULL;
  g_autoptr(PatellaStmt) stmt = NULL;
  PatellaPlanEvent *session;

  g_return_val_if_fail (PATELLA_IS_STORE (store), FALSE);

  if (!patella_check_pain (pain_after, error))
    return FALSE;

  plan = begin_and_load (store, &tx, error);
  if (plan == NULL)
    return FALSE;

  session = pending_session (plan);
  if (plan->state != PATELLA_PLAN_STATE_ACTIVE || session == NULL)
    {
      return patella_error_refuse (error, PATELLA_ERROR_INVALID,
                                   _("No plan session waits for its rating an hour after"));
    }

  stmt = patella_store_prepare (store, "UPDATE plan_event SET pain_after = ? WHERE id = ?;",
                                error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, pain_after);
  sqlite3_bind_int64 (stmt, 2, session->id);
  if (!patella_store_step_done (store, stmt, error))
    return FALSE;

  return finish (store, tx, error);
}

/**
 * patella_plan_had_session:
 *
 * Returns: whether a plan session is logged for @day (any plan)
 */
gboolean
patella_plan_had_session (PatellaStore *store,
                          const char   *day)
{
  g_autoptr(PatellaStmt) stmt = NULL;

  g_return_val_if_fail (PATELLA_IS_STORE (store), FALSE);
  g_return_val_if_fail (day != NULL, FALSE);

  stmt = patella_store_prepare (store,
                                "SELECT 1 FROM plan_event WHERE kind = 'session' AND day = ?"
                                " LIMIT 1;", NULL);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, day, -1, SQLITE_TRANSIENT);
  return patella_store_step (store, stmt, NULL) == SQLITE_ROW;
}

/**
 * patella_plan_get_load_warnings:
 *
 * The Shoes view's load checks of this week's runs (a week more than 10 %
 * above the one before, a run more than 10 % longer than the longest of 30
 * days), once the plan is running again: they hold whatever the phase says.
 *
 * Returns: (transfer full) (element-type PatellaLoadWarning): the warnings,
 *   none before the walk/run phases or without an active plan; %NULL with
 *   @error set
 */
GPtrArray *
patella_plan_get_load_warnings (PatellaStore         *store,
                                const PatellaPlan    *plan,
                                PatellaDistanceUnit   unit,
                                GError              **error)
{
  g_return_val_if_fail (PATELLA_IS_STORE (store), NULL);
  g_return_val_if_fail (plan != NULL, NULL);

  if (plan->state != PATELLA_PLAN_STATE_ACTIVE || plan->phase < PATELLA_PLAN_PHASE_WALK_RUN)
    return g_ptr_array_new_with_free_func ((GDestroyNotify) patella_load_warning_free);

  return patella_runs_check_load (store, 1, unit, NULL, error);
}

/**
 * patella_plan_is_under_way:
 * @plan: (nullable): a plan, as loaded
 *
 * Returns: whether @plan has been started and not stopped or finished:
 *   active or paused. Its Today card has something to say then.
 */
gboolean
patella_plan_is_under_way (const PatellaPlan *plan)
{
  return plan != NULL && (plan->state == PATELLA_PLAN_STATE_ACTIVE ||
                          plan->state == PATELLA_PLAN_STATE_PAUSED);
}
