/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "patella-plan"

#include "config.h"

#include <string.h>

#include "patella-parse.h"
#include "patella-plan-private.h"
#include "patella-store-private.h"

/* The plan's rows: the plan and its history read from the store, and
 * written a row at a time. */

#define PLAN_COLUMNS \
  "SELECT id, uuid, started_day, rule, state, phase, streak, ex_level, ex_streak FROM plan "
#define EVENT_COLUMNS \
  "SELECT id, uuid, kind, day, at_us, phase, pain, pain_after, duration_s, decided, decision," \
  " reason, ref_day, value, ex_level, note FROM plan_event "

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
  patella_plan_copy_day (event->day, (const char *) sqlite3_column_text (stmt, 3));
  event->at_us = sqlite3_column_int64 (stmt, 4);
  event->phase = sqlite3_column_int (stmt, 5);
  event->pain = column_int_or (stmt, 6, PATELLA_PAIN_NONE);
  event->pain_after = column_int_or (stmt, 7, PATELLA_PAIN_NONE);
  event->duration_s = column_int_or (stmt, 8, 0);
  event->decided = sqlite3_column_int (stmt, 9) != 0;
  event->decision = patella_plan_decision_from_id ((const char *) sqlite3_column_text (stmt, 10));
  event->reason = g_strdup ((const char *) sqlite3_column_text (stmt, 11));
  patella_plan_copy_day (event->ref_day, (const char *) sqlite3_column_text (stmt, 12));
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
  patella_plan_copy_day (plan->started_day, (const char *) sqlite3_column_text (stmt, 2));
  plan->rule = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 3), "standard") == 0
                 ? PATELLA_PLAN_RULE_STANDARD : PATELLA_PLAN_RULE_STRICT;
  plan->state = patella_plan_state_from_id ((const char *) sqlite3_column_text (stmt, 4));
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

const PatellaPlanEvent *
patella_plan_last_session (const PatellaPlan *plan)
{
  for (guint i = plan->events->len; i > 0; i--)
    {
      const PatellaPlanEvent *event = g_ptr_array_index (plan->events, i - 1);

      if (event->kind == PATELLA_PLAN_EVENT_SESSION)
        return event;
    }

  return NULL;
}

PatellaPlanEvent *
patella_plan_pending_session (PatellaPlan *plan)
{
  PatellaPlanEvent *event = (PatellaPlanEvent *) patella_plan_last_session (plan);

  return event != NULL && !event->decided ? event : NULL;
}

/* The latest day any event of the plan is about. */
const char *
patella_plan_latest_day (const PatellaPlan *plan)
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

/**
 * patella_plan_get_pending:
 *
 * Returns: (nullable): the last session, while it waits for its decision
 */
const PatellaPlanEvent *
patella_plan_get_pending (const PatellaPlan *plan)
{
  g_return_val_if_fail (plan != NULL, NULL);

  return patella_plan_pending_session ((PatellaPlan *) plan);
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

/* Writing rows whole, identity and instants included: the only INSERTs
 * into plan and plan_event, for a plan the user starts, the decisions it
 * takes and an import of another Patella's export alike. The callers check
 * the rows, hold the transaction and emit the store's change. */

/**
 * patella_plan_put_record:
 * @row: the whole row
 *
 * Writes a new plan row, inside the caller's transaction when there is one.
 * The store refuses a second plan that is not stopped.
 *
 * Returns: the new plan's id, or 0 with @error set
 */
gint64
patella_plan_put_record (PatellaStore             *store,
                         const PatellaPlanRecord  *row,
                         GError                  **error)
{
  g_autoptr(PatellaStmt) stmt = NULL;

  g_return_val_if_fail (PATELLA_IS_STORE (store), 0);
  g_return_val_if_fail (row != NULL && row->uuid != NULL && row->started_day != NULL &&
                        row->rule != NULL && row->state != NULL, 0);

  stmt = patella_store_prepare (store,
                                "INSERT INTO plan (uuid, started_day, started_us, rule, state,"
                                " phase, streak, ex_level, ex_streak)"
                                " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9);", error);
  if (stmt == NULL)
    return 0;

  sqlite3_bind_text (stmt, 1, row->uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, row->started_day, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, row->started_us);
  sqlite3_bind_text (stmt, 4, row->rule, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, row->state, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 6, row->phase);
  sqlite3_bind_int64 (stmt, 7, row->streak);
  sqlite3_bind_int64 (stmt, 8, row->ex_level);
  sqlite3_bind_int64 (stmt, 9, row->ex_streak);
  if (!patella_store_step_done (store, stmt, error))
    return 0;

  return sqlite3_last_insert_rowid (patella_store_get_db (store));
}

/**
 * patella_plan_event_put_record:
 * @row: the whole row
 *
 * Writes a new event of a plan, inside the caller's transaction when there
 * is one. The store refuses a second session of a plan on one day.
 *
 * Returns: the new event's id, or 0 with @error set
 */
gint64
patella_plan_event_put_record (PatellaStore                  *store,
                               const PatellaPlanEventRecord  *row,
                               GError                       **error)
{
  g_autoptr(PatellaStmt) stmt = NULL;

  g_return_val_if_fail (PATELLA_IS_STORE (store), 0);
  g_return_val_if_fail (row != NULL && row->uuid != NULL && row->day != NULL &&
                        row->kind != NULL, 0);

  stmt = patella_store_prepare (store,
                                "INSERT INTO plan_event (uuid, plan_id, day, at_us, kind, phase,"
                                " pain, pain_after, duration_s, decided, decision, reason, ref_day,"
                                " value, ex_level, note)"
                                " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13,"
                                " ?14, ?15, ?16);", error);
  if (stmt == NULL)
    return 0;

  sqlite3_bind_text (stmt, 1, row->uuid, -1, SQLITE_TRANSIENT);
  patella_stmt_bind_optional (stmt, 2, row->plan_id, 0);
  sqlite3_bind_text (stmt, 3, row->day, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 4, row->at_us);
  sqlite3_bind_text (stmt, 5, row->kind, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 6, row->phase);
  patella_stmt_bind_optional (stmt, 7, row->pain, PATELLA_PLAN_NONE);
  patella_stmt_bind_optional (stmt, 8, row->pain_after, PATELLA_PLAN_NONE);
  patella_stmt_bind_optional (stmt, 9, row->duration_s, PATELLA_PLAN_NONE);
  sqlite3_bind_int (stmt, 10, row->decided ? 1 : 0);
  patella_stmt_bind_optional_text (stmt, 11, row->decision);
  sqlite3_bind_text (stmt, 12, row->reason != NULL ? row->reason : "", -1, SQLITE_TRANSIENT);
  patella_stmt_bind_optional_text (stmt, 13, row->ref_day);
  patella_stmt_bind_optional (stmt, 14, row->value, PATELLA_PLAN_NONE);
  patella_stmt_bind_optional (stmt, 15, row->ex_level, PATELLA_PLAN_NONE);
  sqlite3_bind_text (stmt, 16, row->note != NULL ? row->note : "", -1, SQLITE_TRANSIENT);
  if (!patella_store_step_done (store, stmt, error))
    return 0;

  return sqlite3_last_insert_rowid (patella_store_get_db (store));
}

/* Returns: the plan with @uuid, 0 when there is none, or -1 with @error set */
gint64
patella_plan_find (PatellaStore  *store,
                   const char    *uuid,
                   GError       **error)
{
  g_return_val_if_fail (PATELLA_IS_STORE (store), -1);

  return patella_store_find_id (store, "SELECT id FROM plan WHERE uuid = ?1;", uuid, error);
}

/* Returns: the plan event with @uuid, 0 when there is none, or -1 with
 *   @error set */
gint64
patella_plan_event_find (PatellaStore  *store,
                         const char    *uuid,
                         GError       **error)
{
  g_return_val_if_fail (PATELLA_IS_STORE (store), -1);

  return patella_store_find_id (store, "SELECT id FROM plan_event WHERE uuid = ?1;", uuid,
                                error);
}

/* Writes what a decision changed in the plan's own row. */
gboolean
patella_plan_save_row (PatellaStore  *store,
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

static gint64
optional_int (int value,
              int none)
{
  return value == none ? PATELLA_PLAN_NONE : value;
}

/* Adds @event to @plan, stored with a new identity; @plan takes it. */
gboolean
patella_plan_insert_event (PatellaStore      *store,
                           PatellaPlan       *plan,
                           PatellaPlanEvent  *event,
                           GError           **error)
{
  gboolean session = event->kind == PATELLA_PLAN_EVENT_SESSION;
  PatellaPlanEventRecord row = { 0 };

  event->uuid = g_uuid_string_random ();
  row.uuid = event->uuid;
  row.plan_id = plan->id;
  row.day = event->day;
  row.at_us = event->at_us;
  row.kind = session ? "session" : "decision";
  row.phase = event->phase;
  row.pain = optional_int (event->pain, PATELLA_PAIN_NONE);
  row.pain_after = optional_int (event->pain_after, PATELLA_PAIN_NONE);
  row.duration_s = session ? event->duration_s : PATELLA_PLAN_NONE;
  row.decided = event->decided;
  row.decision = session ? NULL : patella_plan_decision_get_id (event->decision);
  row.reason = event->reason;
  row.ref_day = event->ref_day[0] != '\0' ? event->ref_day : NULL;
  row.value = optional_int (event->value, -1);
  row.ex_level = optional_int (event->ex_level, -1);
  row.note = event->note;

  event->id = patella_plan_event_put_record (store, &row, error);
  if (event->id == 0)
    return FALSE;

  g_ptr_array_add (plan->events, event);
  return TRUE;
}
