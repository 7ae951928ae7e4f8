/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "patella-session"

#include "config.h"

#include "patella-session.h"
#include "patella-store-private.h"

/* The session table: every icing and exercise session is written here, by
 * the icing timer, the icing log, the exercise log and an import alike. The
 * callers check what they were given and emit the store's change. */

/**
 * patella_session_insert:
 * @row: the whole row; a %NULL uuid gets a new identity
 *
 * Writes a session row, inside the caller's transaction when there is one.
 *
 * Returns: the new session's id, or 0 with @error set
 */
gint64
patella_session_insert (PatellaStore                *store,
                        const PatellaSessionRecord  *row,
                        GError                     **error)
{
  g_autoptr(PatellaStmt) stmt = NULL;

  g_return_val_if_fail (PATELLA_IS_STORE (store), 0);
  g_return_val_if_fail (row != NULL && row->kind != NULL && row->day != NULL &&
                        row->state != NULL, 0);

  stmt = patella_store_prepare (store,
                                "INSERT INTO session (kind, day, state, started_us, planned_s,"
                                " ends_us, remaining_s, ended_us, duration_s, routine, pain,"
                                " uuid)"
                                " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12);",
                                error);
  if (stmt == NULL)
    return 0;

  sqlite3_bind_text (stmt, 1, row->kind, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, row->day, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, row->state, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 4, row->started_us);
  sqlite3_bind_int64 (stmt, 5, row->planned_s);
  patella_stmt_bind_optional (stmt, 6, row->ends_us, PATELLA_SESSION_NONE);
  patella_stmt_bind_optional (stmt, 7, row->remaining_s, PATELLA_SESSION_NONE);
  patella_stmt_bind_optional (stmt, 8, row->ended_us, PATELLA_SESSION_NONE);
  patella_stmt_bind_optional (stmt, 9, row->duration_s, PATELLA_SESSION_NONE);
  patella_stmt_bind_optional_text (stmt, 10, row->routine);
  patella_stmt_bind_optional (stmt, 11, row->pain, PATELLA_SESSION_NONE);
  patella_stmt_bind_optional_text (stmt, 12, row->uuid);
  if (!patella_store_step_done (store, stmt, error))
    return 0;

  return sqlite3_last_insert_rowid (patella_store_get_db (store));
}

/**
 * patella_session_add:
 *
 * Writes a session row in a transaction of its own and tells the store's
 * watchers: a session logged after it was done.
 *
 * Returns: the new session's id, or 0 with @error set
 */
gint64
patella_session_add (PatellaStore                *store,
                     const PatellaSessionRecord  *record,
                     GError                     **error)
{
  g_autoptr(PatellaTransaction) tx = NULL;
  gint64 id;

  g_return_val_if_fail (PATELLA_IS_STORE (store), 0);

  tx = patella_store_transaction (store, error);
  if (tx == NULL)
    return 0;

  id = patella_session_insert (store, record, error);
  if (id == 0 || !patella_transaction_commit (tx, error))
    return 0;

  patella_store_emit_changed (store, "sessions");
  return id;
}

/* Returns: the id of the session with @uuid, 0 when there is none, or -1
 *   with @error set */
gint64
patella_session_find (PatellaStore  *store,
                      const char    *uuid,
                      GError       **error)
{
  g_return_val_if_fail (PATELLA_IS_STORE (store), -1);

  return patella_store_find_id (store, "SELECT id FROM session WHERE uuid = ?1;", uuid, error);
}

/* Returns: how many sessions of @kind started at @started_us, or -1 with
 *   @error set */
gint64
patella_sessions_count_start (PatellaStore  *store,
                              const char    *kind,
                              gint64         started_us,
                              GError       **error)
{
  g_autoptr(PatellaStmt) stmt = NULL;

  g_return_val_if_fail (PATELLA_IS_STORE (store), -1);

  stmt = patella_store_prepare (store,
                                "SELECT count(*) FROM session WHERE kind = ?1 AND started_us = ?2;",
                                error);
  if (stmt == NULL)
    return -1;

  sqlite3_bind_text (stmt, 1, kind, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, started_us);
  if (patella_store_step (store, stmt, error) != SQLITE_ROW)
    return -1;

  return sqlite3_column_int64 (stmt, 0);
}

/* Sets @active to whether a session of @kind is running or paused. */
gboolean
patella_session_get_active (PatellaStore  *store,
                            const char    *kind,
                            gboolean      *active,
                            GError       **error)
{
  g_autoptr(PatellaStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (PATELLA_IS_STORE (store), FALSE);

  stmt = patella_store_prepare (store,
                                "SELECT 1 FROM session WHERE kind = ?1"
                                " AND state IN ('running', 'paused');",
                                error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, kind, -1, SQLITE_TRANSIENT);
  rc = patella_store_step (store, stmt, error);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return FALSE;

  *active = rc == SQLITE_ROW;
  return TRUE;
}
