/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "patella-shoes"

#include "config.h"

#include "patella-shoes.h"
#include "patella-store-private.h"

/* Shoes and runs by identity, and shoes written whole: what an import of
 * another Patella's export needs beyond what the user types. The callers
 * check the rows and emit the store's changes. */

/**
 * patella_shoe_find_id:
 * @uuid: (nullable): a shoe's identity
 * @name: (nullable): a shoe's name, in any case
 * @same: (out) (optional): whether the shoe found has @uuid
 *
 * Returns: the shoe with @uuid, else the one named @name, 0 when there is
 *   none, or -1 with @error set
 */
gint64
patella_shoe_find_id (PatellaStore  *store,
                      const char    *uuid,
                      const char    *name,
                      gboolean      *same,
                      GError       **error)
{
  gboolean found_by_uuid;
  gint64 id;

  g_return_val_if_fail (PATELLA_IS_STORE (store), -1);

  id = patella_store_find_same (store, "SELECT id FROM shoe WHERE uuid = ?1;", uuid,
                                "SELECT id FROM shoe WHERE name = ?1 COLLATE NOCASE;", name,
                                &found_by_uuid, error);
  if (same != NULL)
    *same = found_by_uuid;
  return id;
}

/* Returns: the default shoe, or 0 when there is none */
gint64
patella_shoe_get_default_id (PatellaStore *store)
{
  g_return_val_if_fail (PATELLA_IS_STORE (store), 0);

  return patella_store_query_int (store, "SELECT id FROM shoe WHERE is_default = 1;", 0);
}

/* Frees the strings of @record, which owns them. */
void
patella_shoe_record_clear (PatellaShoeRecord *record)
{
  g_clear_pointer (&record->uuid, g_free);
  g_clear_pointer (&record->name, g_free);
  g_clear_pointer (&record->brand, g_free);
  g_clear_pointer (&record->first_used, g_free);
}

/**
 * patella_shoe_put_record:
 * @id: the shoe this row rewrites, keeping its identity (runs and other
 *   programs refer to it), or 0 for a new shoe with the row's identity
 * @row: the shoe; a %NULL brand is none
 *
 * Writes a shoe whole: the only writer of shoe rows, for a shoe the user
 * adds and an import alike. A default shoe takes the place of the default
 * there was. After a new shoe, sqlite3_last_insert_rowid() is its id.
 */
gboolean
patella_shoe_put_record (PatellaStore             *store,
                         gint64                    id,
                         const PatellaShoeRecord  *row,
                         GError                  **error)
{
  g_autoptr(PatellaTransaction) tx = NULL;
  g_autoptr(PatellaStmt) stmt = NULL;

  g_return_val_if_fail (PATELLA_IS_STORE (store), FALSE);
  g_return_val_if_fail (row != NULL && row->name != NULL, FALSE);

  tx = patella_store_transaction (store, error);
  if (tx == NULL)
    return FALSE;

  if (row->is_default &&
      !patella_store_exec (store, "UPDATE shoe SET is_default = 0 WHERE is_default = 1;", error))
    return FALSE;

  if (id > 0)
    stmt = patella_store_prepare (store,
                                  "UPDATE shoe SET name = ?1, brand = ?2, first_used = ?3,"
                                  " initial_m = ?4, warn_m = ?5, limit_m = ?6, retired = ?7,"
                                  " is_default = ?8, created_us = ?9 WHERE id = ?10;",
                                  error);
  else
    stmt = patella_store_prepare (store,
                                  "INSERT INTO shoe (name, brand, first_used, initial_m,"
                                  " warn_m, limit_m, retired, is_default, created_us, uuid)"
                                  " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?11);",
                                  error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, row->name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, row->brand != NULL ? row->brand : "", -1, SQLITE_TRANSIENT);
  if (row->first_used != NULL)
    sqlite3_bind_text (stmt, 3, row->first_used, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 4, row->initial_m);
  sqlite3_bind_int64 (stmt, 5, row->warn_m);
  sqlite3_bind_int64 (stmt, 6, row->limit_m);
  sqlite3_bind_int (stmt, 7, row->retired ? 1 : 0);
  sqlite3_bind_int (stmt, 8, row->is_default ? 1 : 0);
  sqlite3_bind_int64 (stmt, 9, row->created_us);
  if (id > 0)
    sqlite3_bind_int64 (stmt, 10, id);
  else if (row->uuid != NULL)
    sqlite3_bind_text (stmt, 11, row->uuid, -1, SQLITE_TRANSIENT);

  return patella_store_step_done (store, stmt, error) && patella_transaction_commit (tx, error);
}

/* Returns: the run with @uuid, 0 when there is none, or -1 with @error set */
gint64
patella_run_find_id (PatellaStore  *store,
                     const char    *uuid,
                     GError       **error)
{
  g_return_val_if_fail (PATELLA_IS_STORE (store), -1);
  g_return_val_if_fail (uuid != NULL, -1);

  return patella_store_find_id (store, "SELECT id FROM run WHERE uuid = ?1;", uuid, error);
}

/* Returns: how many runs were created at @created_us, or -1 with @error set */
gint64
patella_runs_count_created (PatellaStore  *store,
                            gint64         created_us,
                            GError       **error)
{
  g_autoptr(PatellaStmt) stmt = NULL;

  g_return_val_if_fail (PATELLA_IS_STORE (store), -1);

  stmt = patella_store_prepare (store, "SELECT count(*) FROM run WHERE created_us = ?1;", error);
  if (stmt == NULL)
    return -1;

  sqlite3_bind_int64 (stmt, 1, created_us);
  if (patella_store_step (store, stmt, error) != SQLITE_ROW)
    return -1;

  return sqlite3_column_int64 (stmt, 0);
}
