/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "patella-plan"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "patella-journal.h"
#include "patella-plan-private.h"
#include "patella-shoes.h"

/* What the plan holds for today, and its decisions told in words. */

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
        run_s = patella_plan_phase_run_done (phase, event->duration_s);

      total += run_s;
      *longest = MAX (*longest, MIN (run_s, phase->kind == PATELLA_PLAN_KIND_BUILD_BACK
                                              ? run_s : phase->run_s));
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

      /* The reason says it is paused, and why ("Paused: you noted …"). */
      decision = patella_plan_get_last_decision (plan);
      reason = decision != NULL ? patella_plan_event_get_reason (decision)
                                : g_strdup (_("The plan is paused."));
      result->kind = PATELLA_PLAN_TODAY_PAUSED;
      /* Translators: the reason the plan was paused, a sentence or two */
      result->text = g_strdup_printf (_("%s Resume it when you are ready."), reason);
      return g_steal_pointer (&result);
    }

  result->routine_key = phase->routine_key;
  last = patella_plan_last_session (plan);

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
