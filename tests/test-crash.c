/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Crash safety: a writer is killed with SIGKILL at a random moment, over and
 * over; every write it reported as committed must be there, and the
 * database must pass PRAGMA integrity_check, after each kill. */
#include "config.h"

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>
#include <sqlite3.h>

#include "patella-test-utils.h"
#include "patella-store.h"

#define N_RUNS 200

static gint64
query_int (sqlite3    *db,
           const char *sql,
           gint64      value)
{
  sqlite3_stmt *stmt = NULL;
  gint64 result = -1;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_int64 (stmt, 1, value);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    result = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return result;
}

static void
check_database (const char *path,
                GArray     *reported,
                guint       from)
{
  sqlite3_stmt *stmt = NULL;
  sqlite3 *db = NULL;

  /* Read-write, as the app opens it, so that a hot journal or log is recovered. */
  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 5000);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA integrity_check;", -1, &stmt, NULL), ==,
                   SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "ok");
  sqlite3_finalize (stmt);

  for (guint i = from; i < reported->len; i++)
    {
      gint64 n = g_array_index (reported, gint64, i);

      if (query_int (db, "SELECT count(*) FROM run WHERE created_us = ?1;", n) != 1)
        g_error ("write %" G_GINT64_FORMAT " was reported as committed but is missing", n);
    }

  sqlite3_close (db);
}

static void
test_sigkill (void)
{
  g_autofree char *dir = patella_test_make_dir ();
  g_autofree char *db = g_build_filename (dir, "patella.db", NULL);
  g_autoptr(GArray) reported = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GRand) rand = g_rand_new ();
  const char *writer = g_getenv ("PATELLA_CRASH_WRITER");
  gint64 next = 1;
  guint killed_mid_run = 0;

  g_assert_nonnull (writer);
  g_test_message ("seed: %u", g_rand_int (rand));

  for (guint run = 0; run < N_RUNS; run++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *start = g_strdup_printf ("%" G_GINT64_FORMAT, next);
      g_autoptr(GString) out = g_string_new (NULL);
      const char *argv[] = { writer, db, start, NULL };
      char buffer[4096];
      GPid pid;
      int out_fd;
      int status;
      ssize_t n;
      guint before = reported->len;

      g_assert_true (g_spawn_async_with_pipes (NULL, (char **) argv, NULL,
                                               G_SPAWN_DO_NOT_REAP_CHILD |
                                               G_SPAWN_STDERR_TO_DEV_NULL,
                                               NULL, NULL, &pid, NULL, &out_fd, NULL, &error));
      g_assert_no_error (error);

      /* Every other run, wait for the first committed write (a sanitizer
       * build starts slowly); then kill at a random moment. */
      if (run % 2 == 0)
        {
          while (strchr (out->str, '\n') == NULL &&
                 (n = read (out_fd, buffer, sizeof buffer)) > 0)
            g_string_append_len (out, buffer, n);
        }
      g_usleep (g_rand_int_range (rand, 0, 30000));
      kill (pid, SIGKILL);
      g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
      g_spawn_close_pid (pid);

      while ((n = read (out_fd, buffer, sizeof buffer)) > 0)
        g_string_append_len (out, buffer, n);
      close (out_fd);

      {
        g_auto(GStrv) lines = g_strsplit (out->str, "\n", -1);

        for (guint i = 0; lines[i] != NULL; i++)
          {
            gint64 value;

            /* A line cut short by the kill was not reported. */
            if (lines[i + 1] == NULL || *lines[i] == '\0')
              continue;
            value = g_ascii_strtoll (lines[i], NULL, 10);
            g_array_append_val (reported, value);
            next = MAX (next, value + 1);
          }
      }

      /* Numbers never reported may or may not be there: skip past them. */
      next += 1000;

      if (WIFSIGNALED (status) && reported->len > before)
        killed_mid_run++;

      /* Integrity each time, and this run's writes: earlier ones at the end. */
      check_database (db, reported, before);
    }

  check_database (db, reported, 0);

  g_test_message ("%u writes reported over %d runs; %u kills came during writes",
                  reported->len, N_RUNS, killed_mid_run);
  g_assert_cmpuint (reported->len, >, 0);
  g_assert_cmpuint (killed_mid_run, >=, N_RUNS / 2);

  patella_test_remove_dir (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/crash/sigkill", test_sigkill);

  return g_test_run ();
}
