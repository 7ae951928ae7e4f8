/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "patella-plan"

#include "config.h"

#include "patella-plan.h"

/* The plan's rows written whole, identity and instants included: the only
 * INSERTs into plan and plan_event, for a plan the user starts, the
 * decisions it takes and an import of another Patella's export alike. The
 * callers check the rows, hold the transaction and emit the store's
 * change. */

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
