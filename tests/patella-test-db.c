/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "patella-test"

#include "config.h"

#include <sqlite3.h>

#include "patella-test-db.h"

static int
dump_row_cb (void  *data,
             int    n_columns,
             char **values,
             char **names)
{
  GString *out = data;

  for (int i = 0; i < n_columns; i++)
    g_string_append_printf (out, "%s%s", i > 0 ? "|" : "", values[i] != NULL ? values[i] : "NULL");
  g_string_append_c (out, '\n');
  return 0;
}

static sqlite3_stmt *
prepare_read (const char  *path,
              const char  *sql,
              sqlite3    **db)
{
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (*db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  return stmt;
}

/**
 * patella_test_dump_db:
 *
 * Every row of every table (the full-text index's own tables included), for
 * checking that a refused change left the database as it was.
 */
char *
patella_test_dump_db (const char *path)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func (g_free);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = prepare_read (path,
                                     "SELECT name FROM sqlite_master WHERE type = 'table'"
                                     " AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name;", &db);

  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (tables, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_finalize (stmt);

  g_assert_cmpint (sqlite3_exec (db, "PRAGMA user_version;", dump_row_cb, out, NULL), ==,
                   SQLITE_OK);
  for (guint i = 0; i < tables->len; i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT * FROM \"%s\" ORDER BY 1, 2;",
                                              (const char *) g_ptr_array_index (tables, i));

      g_string_append_printf (out, "== %s\n", (const char *) g_ptr_array_index (tables, i));
      g_assert_cmpint (sqlite3_exec (db, sql, dump_row_cb, out, NULL), ==, SQLITE_OK);
    }

  sqlite3_close (db);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* Appends the rows @sql finds to @out, one line each, columns split by "|". */
void
patella_test_db_dump_query (const char *path,
                            const char *sql,
                            GString    *out)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, dump_row_cb, out, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

/* Runs @sql, which must succeed, as another program would. */
void
patella_test_db_exec (const char *path,
                      const char *sql)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

/* The first column of the first row, or -1 without a row. */
gint64
patella_test_db_query_int (const char *path,
                           const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = prepare_read (path, sql, &db);
  gint64 value = -1;

  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return value;
}

/* The first column of the first row as text, with @arg (unless %NULL) bound
 * to the first parameter; %NULL without a row or for a NULL value. */
char *
patella_test_db_query_text (const char *path,
                            const char *sql,
                            const char *arg)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = prepare_read (path, sql, &db);
  char *value = NULL;

  if (arg != NULL)
    sqlite3_bind_text (stmt, 1, arg, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return value;
}

void
patella_test_assert_db_unchanged (const char *path,
                                  const char *before)
{
  g_autofree char *after = patella_test_dump_db (path);

  g_assert_cmpstr (after, ==, before);
}
