/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "patella-plan"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "patella-error.h"
#include "patella-journal.h"
#include "patella-parse.h"
#include "patella-plan-private.h"
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

#define REST_PAIN_HIGH     5   /* pain at rest above this … */
#define REST_PAIN_DAYS     2   /* … on this many days of a week: a red flag */
#define DECIDE_AFTER_DAYS  2   /* a session without its morning is decided then */

/* Writing */

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
  patella_plan_copy_day (event->day, today);
  event->at_us = patella_clock_get_now (clock);
  event->phase = plan->phase;
  event->pain = PATELLA_PAIN_NONE;
  event->pain_after = PATELLA_PAIN_NONE;
  event->decided = TRUE;
  event->decision = decision;
  event->reason = g_strdup (reason);
  patella_plan_copy_day (event->ref_day, ref_day);
  event->value = value;
  event->ex_level = plan->ex_level;

  if (!patella_plan_insert_event (store, plan, event, error))
    {
      patella_plan_event_free (event);
      return FALSE;
    }

  return patella_plan_save_row (store, plan, error);
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

/* A red flag noted in the journal of the last week: the advice's same-day
 * and soon signs (swelling, locking, giving way) and pain at rest above
 * 5/10 on two or more days. A plan just started heeds what was noted before
 * it (the plan is no reason to run on a swollen knee); once resumed, only
 * what is noted after the resume: the user has had it seen to. */
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
  gint64 since_us = since != NULL && since->decision == PATELLA_PLAN_DECISION_RESUME
                    ? since->at_us : 0;
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
            patella_plan_copy_day (flag_day, patella_journal_entry_get_day (entry));
          }

      if (patella_journal_entry_get_pain_rest (entry) > REST_PAIN_HIGH)
        {
          high_rest++;
          new_high |= fresh;
          if (*reason == NULL && high_rest >= REST_PAIN_DAYS && new_high)
            {
              *reason = "rest-pain";
              patella_plan_copy_day (flag_day, patella_journal_entry_get_day (entry));
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
  if (strcmp (today, patella_plan_latest_day (plan)) < 0)
    return TRUE;

  if (!check_red_flags (store, plan, today, &flag, flag_day, error))
    return FALSE;
  if (flag != NULL)
    {
      pending = patella_plan_pending_session (plan);
      if (pending != NULL && !mark_decided (store, pending, error))
        return FALSE;
      plan->state = PATELLA_PLAN_STATE_PAUSED;
      plan->streak = 0;
      return add_decision (store, plan, PATELLA_PLAN_DECISION_PAUSED, flag, flag_day, -1, error);
    }

  pending = patella_plan_pending_session (plan);
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
finish (PatellaTransaction  *tx,
        PatellaStore        *store,
        GError             **error)
{
  if (!patella_transaction_commit (tx, error))
    return FALSE;

  patella_store_emit_changed (store, "plan");
  return TRUE;
}

/* Starts @tx and loads the plan in it; on failure @tx is left unset. */
static PatellaPlan *
begin_and_load (PatellaStore         *store,
                PatellaTransaction  **tx,
                GError              **error)
{
  g_autoptr(PatellaTransaction) started = NULL;
  PatellaPlan *plan;

  if (!patella_store_check_writable (store, error))
    return NULL;
  started = patella_store_transaction (store, error);
  if (started == NULL)
    return NULL;

  plan = patella_plan_load (store, error);
  if (plan != NULL)
    *tx = g_steal_pointer (&started);

  return plan;
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

  /* Nothing was decided: freeing @tx rolls the empty transaction back. */
  if (plan->events->len == n_events)
    return TRUE;

  return finish (tx, store, error);
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
  g_autoptr(PatellaPlan) fresh = g_new0 (PatellaPlan, 1);
  g_autofree char *uuid = g_uuid_string_random ();
  PatellaPlanRecord row = { 0 };
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
    return patella_error_refuse (error, PATELLA_ERROR_INVALID,
                                 _("The last plan was stopped at phase %d; choose where to "
                                   "start again: a phase from 1 to %d (%d goes on where it "
                                   "stopped)"),
                                 plan->phase, PATELLA_PLAN_N_PHASES, plan->phase);

  clock = patella_store_get_clock (store);
  today = patella_clock_get_today (clock);

  row.uuid = uuid;
  row.started_day = today;
  row.started_us = patella_clock_get_now (clock);
  row.rule = patella_plan_rule_get_id (rule);
  row.state = "active";
  row.phase = phase != 0 ? phase : PATELLA_PLAN_PHASE_EARLY;
  fresh->id = patella_plan_put_record (store, &row, error);
  if (fresh->id == 0)
    return FALSE;

  fresh->uuid = g_steal_pointer (&uuid);
  fresh->state = PATELLA_PLAN_STATE_ACTIVE;
  fresh->rule = rule;
  patella_plan_copy_day (fresh->started_day, today);
  fresh->phase = phase != 0 ? phase : PATELLA_PLAN_PHASE_EARLY;
  fresh->events = g_ptr_array_new_with_free_func ((GDestroyNotify) patella_plan_event_free);

  if (!add_decision (store, fresh, PATELLA_PLAN_DECISION_START, "start", NULL, -1, error))
    return FALSE;
  /* A red flag already noted pauses it at once. */
  if (!update_in_transaction (store, fresh, FALSE, error))
    return FALSE;

  return finish (tx, store, error);
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

/* Pauses the running plan (@paused), or resumes the paused one. */
static gboolean
set_paused (PatellaStore  *store,
            gboolean       paused,
            GError       **error)
{
  g_autoptr(PatellaTransaction) tx = NULL;
  g_autoptr(PatellaPlan) plan = NULL;
  PatellaPlanState from = paused ? PATELLA_PLAN_STATE_ACTIVE : PATELLA_PLAN_STATE_PAUSED;
  PatellaPlanState to = paused ? PATELLA_PLAN_STATE_PAUSED : PATELLA_PLAN_STATE_ACTIVE;

  plan = begin_and_load (store, &tx, error);
  if (plan == NULL)
    return FALSE;

  if (plan->state == to && paused)
    return patella_error_refuse (error, PATELLA_ERROR_INVALID,
                                 _("The plan is already paused; resume it with "
                                   "“plan resume”"));
  if (plan->state == to)
    return patella_error_refuse (error, PATELLA_ERROR_INVALID,
                                 _("The plan is not paused; it is running at phase %d"),
                                 plan->phase);
  if (plan->state != from)
    return refuse_no_plan (plan, error);

  plan->state = to;
  plan->streak = 0;
  if (!add_decision (store, plan,
                     paused ? PATELLA_PLAN_DECISION_PAUSED : PATELLA_PLAN_DECISION_RESUME,
                     paused ? "user" : "resumed", NULL, -1, error))
    return FALSE;

  return finish (tx, store, error);
}

gboolean
patella_plan_pause (PatellaStore  *store,
                    GError       **error)
{
  g_return_val_if_fail (PATELLA_IS_STORE (store), FALSE);

  return set_paused (store, TRUE, error);
}

gboolean
patella_plan_resume (PatellaStore  *store,
                     GError       **error)
{
  g_return_val_if_fail (PATELLA_IS_STORE (store), FALSE);

  return set_paused (store, FALSE, error);
}

gboolean
patella_plan_stop (PatellaStore  *store,
                   GError       **error)
{
  g_autoptr(PatellaTransaction) tx = NULL;
  g_autoptr(PatellaPlan) plan = NULL;

  g_return_val_if_fail (PATELLA_IS_STORE (store), FALSE);

  plan = begin_and_load (store, &tx, error);
  if (plan == NULL)
    return FALSE;

  if (plan->state != PATELLA_PLAN_STATE_ACTIVE && plan->state != PATELLA_PLAN_STATE_PAUSED)
    return refuse_no_plan (plan, error);

  plan->state = PATELLA_PLAN_STATE_STOPPED;
  if (!add_decision (store, plan, PATELLA_PLAN_DECISION_STOP, "stopped", NULL, -1, error))
    return FALSE;

  return finish (tx, store, error);
}

/**
 * patella_plan_log:
 * @day: (nullable): the session's local day, or %NULL for today
 * @pain: pain during, 0–10
 * @pain_after: pain about an hour after, 0–10, or %PATELLA_PAIN_NONE
 * @note: (nullable): a note
 *
 * Logs the session the plan prescribed, as prescribed: the same as
 * patella_plan_log_session() with the prescribed length.
 */
gboolean
patella_plan_log (PatellaStore  *store,
                  const char    *day,
                  int            pain,
                  int            pain_after,
                  const char    *note,
                  GError       **error)
{
  return patella_plan_log_session (store, day, pain, pain_after, note, PATELLA_PLAN_NONE, error);
}

/**
 * patella_plan_log_session:
 * @day: (nullable): the session's local day, or %NULL for today
 * @pain: pain during, 0–10
 * @pain_after: pain about an hour after, 0–10, or %PATELLA_PAIN_NONE
 * @note: (nullable): a note
 * @duration_s: how long the session lasted, warm-up included, or
 *   %PATELLA_PLAN_NONE for as long as prescribed
 *
 * Logs a session of the plan. One session a day: a second one for the
 * same day, a day before the last session, before the plan started or in
 * the future is refused. The session before is decided first, with what
 * is known by then; a session with too much pain is decided at once. A
 * session stopped early counts with the running it had.
 */
gboolean
patella_plan_log_session (PatellaStore  *store,
                          const char    *day,
                          int            pain,
                          int            pain_after,
                          const char    *note,
                          gint64         duration_s,
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
  if (duration_s != PATELLA_PLAN_NONE && (duration_s < 0 || duration_s > PATELLA_DURATION_MAX_S))
    return patella_error_refuse (error, PATELLA_ERROR_INVALID,
                                 _("A session of %lld seconds is not accepted; it can "
                                   "last at most 48 hours"), (long long) duration_s);

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
    return patella_error_refuse (error, PATELLA_ERROR_INVALID,
                                 _("The plan is paused; resume it before logging a session"));
  if (plan->state != PATELLA_PLAN_STATE_ACTIVE)
    return refuse_no_plan (plan, error);

  if (strcmp (session_day, plan->started_day) < 0)
    return patella_error_refuse (error, PATELLA_ERROR_INVALID,
                                 _("%s is before the plan started (%s); log a session from "
                                   "%s on"), session_day, plan->started_day, plan->started_day);

  if (strcmp (today, patella_plan_latest_day (plan)) < 0)
    return patella_error_refuse (error, PATELLA_ERROR_INVALID,
                                 _("Today (%s) is before the plan’s latest entry (%s): has the "
                                   "clock been set back? Nothing was logged"),
                                 today, patella_plan_latest_day (plan));

  last = patella_plan_last_session (plan);
  if (last != NULL && strcmp (session_day, last->day) == 0)
    return patella_error_refuse (error, PATELLA_ERROR_INVALID,
                                 _("A plan session is already logged for %s; the plan counts "
                                   "one session a day"), session_day);
  if (last != NULL && strcmp (session_day, last->day) < 0)
    return patella_error_refuse (error, PATELLA_ERROR_INVALID,
                                 _("%s is before the last logged session (%s); sessions are "
                                   "logged in order"), session_day, last->day);

  /* The session before is decided with what is known now. */
  if (!update_in_transaction (store, plan, TRUE, error))
    return FALSE;
  if (plan->state != PATELLA_PLAN_STATE_ACTIVE)
    return finish (tx, store, error);

  prescription = patella_plan_get_today (plan, session_day);
  session = g_new0 (PatellaPlanEvent, 1);
  session->kind = PATELLA_PLAN_EVENT_SESSION;
  patella_plan_copy_day (session->day, session_day);
  session->at_us = patella_clock_get_now (clock);
  session->phase = plan->phase;
  session->pain = pain;
  session->pain_after = pain_after;
  if (duration_s != PATELLA_PLAN_NONE)
    session->duration_s = duration_s;
  else if (prescription->duration_s > 0)
    session->duration_s = prescription->duration_s;
  else
    session->duration_s = patella_plan_phase_seconds (patella_plan_get_phase (plan->phase));
  session->value = -1;
  session->ex_level = -1;
  session->note = g_strdup (note != NULL ? note : "");
  if (!patella_plan_insert_event (store, plan, session, error))
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

  return finish (tx, store, error);
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

  session = patella_plan_pending_session (plan);
  if (plan->state != PATELLA_PLAN_STATE_ACTIVE || session == NULL)
    return patella_error_refuse (error, PATELLA_ERROR_INVALID,
                                 _("No plan session waits for its rating an hour after"));

  stmt = patella_store_prepare (store, "UPDATE plan_event SET pain_after = ? WHERE id = ?;",
                                error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, pain_after);
  sqlite3_bind_int64 (stmt, 2, session->id);
  if (!patella_store_step_done (store, stmt, error))
    return FALSE;

  return finish (tx, store, error);
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
