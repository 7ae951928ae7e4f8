/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "patella-store"

#include "config.h"

#include <glib/gi18n.h>

#include "patella-error.h"
#include "patella-store-internal.h"

/* Statements (a cache of prepared ones), the errors SQLite reports in
 * words a person can act on, and write transactions. */

/**
 * patella_store_set_error:
 * @rc: an SQLite result code
 *
 * Turns an SQLite failure into a #PatellaError a person can act on.
 *
 * Returns: %FALSE, always, so that callers can `return patella_store_set_error (…)`
 */
gboolean
patella_store_set_error (PatellaStore  *self,
                         int            rc,
                         GError       **error)
{
  g_autofree char *name = NULL;
  const char *detail;

  g_return_val_if_fail (PATELLA_IS_STORE (self), FALSE);

  name = g_filename_display_name (self->path);
  detail = self->db != NULL ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc);
  g_debug ("SQLite error %d on %s: %s", rc, self->path, detail);

  switch (rc & 0xff)
    {
    case SQLITE_NOTADB:
    case SQLITE_CORRUPT:
      g_set_error (error, PATELLA_ERROR, PATELLA_ERROR_NOT_DATABASE,
                   _("“%s” is not a Patella database or is damaged; it was left as it is"),
                   name);
      break;

    case SQLITE_FULL:
      g_set_error (error, PATELLA_ERROR, PATELLA_ERROR_DISK_FULL,
                   _("There is no room left to save to “%s”. Nothing was changed; free some "
                     "disk space and try again."), name);
      break;

    case SQLITE_READONLY:
    case SQLITE_PERM:
      g_set_error (error, PATELLA_ERROR, PATELLA_ERROR_READ_ONLY,
                   _("“%s” can only be read, so nothing was changed. Check that the file and "
                     "its folder may be written to."), name);
      break;

    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error (error, PATELLA_ERROR, PATELLA_ERROR_BUSY,
                   _("Another program is using “%s”, so nothing was changed. Try again in a "
                     "moment."), name);
      break;

    case SQLITE_CONSTRAINT:
      g_set_error (error, PATELLA_ERROR, PATELLA_ERROR_CONSTRAINT,
                   _("The change was refused because it breaks a rule of the data (%s); "
                     "nothing was changed"), detail);
      break;

    case SQLITE_IOERR:
      if (self->db != NULL && sqlite3_system_errno (self->db) == ENOSPC)
        {
          g_set_error (error, PATELLA_ERROR, PATELLA_ERROR_DISK_FULL,
                       _("There is no room left to save to “%s”. Nothing was changed; free "
                         "some disk space and try again."), name);
          break;
        }
      G_GNUC_FALLTHROUGH;
    case SQLITE_CANTOPEN:
      g_set_error (error, PATELLA_ERROR, PATELLA_ERROR_IO,
                   _("Could not read or write “%s”: %s"), name, detail);
      break;

    default:
      g_set_error (error, PATELLA_ERROR, PATELLA_ERROR_FAILED,
                   _("The database “%s” reported an error: %s"), name, detail);
      break;
    }

  return FALSE;
}

gboolean
patella_store_exec (PatellaStore  *self,
                    const char    *sql,
                    GError       **error)
{
  int rc;

  g_return_val_if_fail (PATELLA_IS_STORE (self), FALSE);
  g_return_val_if_fail (sql != NULL, FALSE);

  rc = sqlite3_exec (self->db, sql, NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    return patella_store_set_error (self, rc, error);

  return TRUE;
}

/**
 * patella_store_query_int:
 *
 * Runs a constant query (no user text) that yields one integer.
 */
gint64
patella_store_query_int (PatellaStore *self,
                         const char   *sql,
                         gint64        fallback)
{
  g_autoptr(PatellaStmt) stmt = NULL;

  g_return_val_if_fail (PATELLA_IS_STORE (self), fallback);

  stmt = patella_store_prepare (self, sql, NULL);
  if (stmt == NULL || sqlite3_step (stmt) != SQLITE_ROW)
    return fallback;

  return sqlite3_column_int64 (stmt, 0);
}

/**
 * patella_store_find_id:
 * @sql: a query that yields the id of one row, with @text as ?1
 * @text: (nullable): what to look for; %NULL finds nothing
 *
 * Returns: the id found, 0 when there is no such row, or -1 with @error set
 */
gint64
patella_store_find_id (PatellaStore  *self,
                       const char    *sql,
                       const char    *text,
                       GError       **error)
{
  g_autoptr(PatellaStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (PATELLA_IS_STORE (self), -1);

  if (text == NULL)
    return 0;

  stmt = patella_store_prepare (self, sql, error);
  if (stmt == NULL)
    return -1;

  sqlite3_bind_text (stmt, 1, text, -1, SQLITE_TRANSIENT);
  rc = patella_store_step (self, stmt, error);
  if (rc == SQLITE_ROW)
    return sqlite3_column_int64 (stmt, 0);

  return rc == SQLITE_DONE ? 0 : -1;
}

/**
 * patella_store_find_same:
 * @uuid_sql: a query for the row with the identity ?1
 * @uuid: (nullable): the identity
 * @key_sql: a query for the row with the key ?1 (a name, a day)
 * @key: (nullable): the key
 * @same: (out): whether the row found has @uuid
 *
 * Finds the row an imported item stands for: the one with its identity,
 * else the one with its key.
 *
 * Returns: the id found, 0 when there is none, or -1 with @error set
 */
gint64
patella_store_find_same (PatellaStore  *self,
                         const char    *uuid_sql,
                         const char    *uuid,
                         const char    *key_sql,
                         const char    *key,
                         gboolean      *same,
                         GError       **error)
{
  gint64 id = patella_store_find_id (self, uuid_sql, uuid, error);

  *same = id > 0;
  if (id == 0)
    id = patella_store_find_id (self, key_sql, key, error);
  return id;
}

gboolean
patella_store_query_int_checked (PatellaStore  *self,
                                 const char    *sql,
                                 gint64        *value,
                                 GError       **error)
{
  g_autoptr(PatellaStmt) stmt = NULL;
  int rc;

  stmt = patella_store_prepare (self, sql, error);
  if (stmt == NULL)
    return FALSE;

  rc = patella_store_step (self, stmt, error);
  if (rc < 0)
    return FALSE;

  *value = rc == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
  return TRUE;
}

sqlite3 *
patella_store_get_db (PatellaStore *self)
{
  g_return_val_if_fail (PATELLA_IS_STORE (self), NULL);

  return self->db;
}

/**
 * patella_store_prepare:
 * @sql: a statement with `?` parameters; a string that lives as long as the
 *   program (it keys the statement cache)
 *
 * Returns: (transfer none): a reset statement; release it with
 *   patella_stmt_release() (or g_autoptr(PatellaStmt)), never finalize it
 */
PatellaStmt *
patella_store_prepare (PatellaStore  *self,
                       const char    *sql,
                       GError       **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (PATELLA_IS_STORE (self), NULL);
  g_return_val_if_fail (sql != NULL, NULL);

  stmt = g_hash_table_lookup (self->statements, sql);
  if (stmt != NULL)
    return stmt;

  rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      patella_store_set_error (self, rc, error);
      return NULL;
    }

  g_hash_table_insert (self->statements, (gpointer) sql, stmt);
  return stmt;
}

/**
 * patella_store_step:
 *
 * Returns: %SQLITE_ROW or %SQLITE_DONE, or -1 with @error set
 */
int
patella_store_step (PatellaStore  *self,
                    PatellaStmt   *stmt,
                    GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW || rc == SQLITE_DONE)
    return rc;

  patella_store_set_error (self, rc, error);
  return -1;
}

gboolean
patella_store_step_done (PatellaStore  *self,
                         PatellaStmt   *stmt,
                         GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_DONE || rc == SQLITE_ROW)
    return TRUE;

  return patella_store_set_error (self, rc, error);
}

void
patella_stmt_release (PatellaStmt *stmt)
{
  if (stmt == NULL)
    return;

  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
}

/* Binds @value, or NULL when it is @none: a column a row may leave empty. */
void
patella_stmt_bind_optional (PatellaStmt *stmt,
                            int          index,
                            gint64       value,
                            gint64       none)
{
  if (value == none)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_int64 (stmt, index, value);
}

/* Binds @text, or NULL when it is %NULL. */
void
patella_stmt_bind_optional_text (PatellaStmt *stmt,
                                 int          index,
                                 const char  *text)
{
  if (text == NULL)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

/* Returns: (nullable): column @column of the current row, %NULL for NULL */
char *
patella_stmt_dup_text (PatellaStmt *stmt,
                       int          column)
{
  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    return NULL;

  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

/**
 * patella_store_exec_id:
 * @sql: a statement whose one parameter is a row's id, as
 *   `DELETE FROM run WHERE id = ?;`
 *
 * Runs @sql for row @id.
 */
gboolean
patella_store_exec_id (PatellaStore  *self,
                       const char    *sql,
                       gint64         id,
                       GError       **error)
{
  g_autoptr(PatellaStmt) stmt = NULL;

  g_return_val_if_fail (PATELLA_IS_STORE (self), FALSE);

  stmt = patella_store_prepare (self, sql, error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  return patella_store_step_done (self, stmt, error);
}

/**
 * patella_store_step_row:
 * @missing: the message for %PATELLA_ERROR_NOT_FOUND when there is no row:
 *   what is gone and why it may be
 *
 * Steps @stmt to the one row a lookup by id expects.
 *
 * Returns: %TRUE on a row, %FALSE with @error set otherwise
 */
gboolean
patella_store_step_row (PatellaStore  *self,
                        PatellaStmt   *stmt,
                        const char    *missing,
                        GError       **error)
{
  int rc;

  g_return_val_if_fail (PATELLA_IS_STORE (self), FALSE);
  g_return_val_if_fail (missing != NULL, FALSE);

  rc = patella_store_step (self, stmt, error);
  if (rc == SQLITE_DONE)
    return patella_error_refuse (error, PATELLA_ERROR_NOT_FOUND, "%s", missing);

  return rc == SQLITE_ROW;
}

/**
 * patella_store_collect:
 * @from_row: makes an element of the current row
 * @free_func: frees an element
 *
 * Steps @stmt to its end, one element a row.
 *
 * Returns: (transfer full): the elements in the statement's order, or %NULL
 *   with @error set
 */
GPtrArray *
patella_store_collect (PatellaStore    *self,
                       PatellaStmt     *stmt,
                       PatellaRowFunc   from_row,
                       GDestroyNotify   free_func,
                       GError         **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (free_func);
  int rc;

  g_return_val_if_fail (PATELLA_IS_STORE (self), NULL);
  g_return_val_if_fail (from_row != NULL, NULL);

  while ((rc = patella_store_step (self, stmt, error)) == SQLITE_ROW)
    g_ptr_array_add (rows, from_row (stmt));

  if (rc != SQLITE_DONE)
    return NULL;

  return g_steal_pointer (&rows);
}

/* Starts a write transaction, or a savepoint inside one: only through
 * patella_store_transaction(), which rolls it back when it is dropped. */
static gboolean
patella_store_begin (PatellaStore  *self,
                     GError       **error)
{
  g_return_val_if_fail (PATELLA_IS_STORE (self), FALSE);

  /* A write must never go to a file that was replaced under us. */
  if (self->depth == 0 && patella_store_file_was_replaced (self))
    patella_store_reopen (self);

  if (!patella_store_check_writable (self, error))
    return FALSE;

  if (!patella_store_exec (self, self->depth == 0 ? "BEGIN IMMEDIATE;" : "SAVEPOINT nested;",
                           error))
    return FALSE;

  self->depth++;
  return TRUE;
}

static gboolean
patella_store_commit (PatellaStore  *self,
                      GError       **error)
{
  g_return_val_if_fail (PATELLA_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->depth > 0, FALSE);

  if (!patella_store_exec (self, self->depth == 1 ? "COMMIT;" : "RELEASE nested;", error))
    return FALSE;

  self->depth--;
  return TRUE;
}

static void
patella_store_rollback (PatellaStore *self)
{
  g_return_if_fail (PATELLA_IS_STORE (self));

  if (self->depth == 0)
    return;

  if (self->depth == 1)
    sqlite3_exec (self->db, "ROLLBACK;", NULL, NULL, NULL);
  else
    sqlite3_exec (self->db, "ROLLBACK TO nested; RELEASE nested;", NULL, NULL, NULL);

  self->depth--;
}

struct _PatellaTransaction
{
  PatellaStore *store;
  gboolean committed;
};

/**
 * patella_store_transaction:
 *
 * Starts a write transaction (or a savepoint inside one) that is rolled back
 * when it is freed uncommitted:
 *
 * |[<!-- language="C" -->
 * g_autoptr(PatellaTransaction) tx = patella_store_transaction (store, error);
 *
 * if (tx == NULL || !write_something (store, error))
 *   return FALSE;
 * return patella_transaction_commit (tx, error);
 * ]|
 *
 * Declare it before the statements it covers, so that they are released
 * first.
 *
 * Returns: (transfer full) (nullable): the transaction, or %NULL with @error set
 */
PatellaTransaction *
patella_store_transaction (PatellaStore  *self,
                           GError       **error)
{
  PatellaTransaction *tx;

  g_return_val_if_fail (PATELLA_IS_STORE (self), NULL);

  if (!patella_store_begin (self, error))
    return NULL;

  tx = g_new0 (PatellaTransaction, 1);
  tx->store = g_object_ref (self);
  return tx;
}

/**
 * patella_transaction_commit:
 *
 * Commits @tx. When the commit fails, freeing @tx rolls it back.
 */
gboolean
patella_transaction_commit (PatellaTransaction  *tx,
                            GError             **error)
{
  g_return_val_if_fail (tx != NULL, FALSE);
  g_return_val_if_fail (!tx->committed, FALSE);

  if (!patella_store_commit (tx->store, error))
    return FALSE;

  tx->committed = TRUE;
  return TRUE;
}

/**
 * patella_transaction_free:
 *
 * Rolls @tx back unless it was committed, and frees it.
 */
void
patella_transaction_free (PatellaTransaction *tx)
{
  if (tx == NULL)
    return;

  if (!tx->committed)
    patella_store_rollback (tx->store);
  g_object_unref (tx->store);
  g_free (tx);
}
