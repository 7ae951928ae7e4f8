/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

static inline int
patella_test_dump_row_cb (void  *data,
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

/* Every row of every table (the full-text index's own tables included), for
 * checking that a refused change left the database as it was. */
static inline char *
patella_test_dump_db (const char *path)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = NULL;
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db,
                                       "SELECT name FROM sqlite_master WHERE type = 'table'"
                                       " AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name;",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (tables, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_finalize (stmt);

  g_assert_cmpint (sqlite3_exec (db, "PRAGMA user_version;", patella_test_dump_row_cb, out, NULL),
                   ==, SQLITE_OK);
  for (guint i = 0; i < tables->len; i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT * FROM \"%s\" ORDER BY 1, 2;",
                                              (const char *) g_ptr_array_index (tables, i));

      g_string_append_printf (out, "== %s\n", (const char *) g_ptr_array_index (tables, i));
      g_assert_cmpint (sqlite3_exec (db, sql, patella_test_dump_row_cb, out, NULL), ==, SQLITE_OK);
    }

  sqlite3_close (db);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

G_END_DECLS
