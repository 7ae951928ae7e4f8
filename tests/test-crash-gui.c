/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The window is killed with SIGKILL at random instants while a person types
 * a note, while patella-cli writes runs beside it: every save the window
 * made and every run the CLI reported is there, what was typed more than
 * about half a second before the kill is saved, and the database is intact,
 * after each kill. */
#include "config.h"

#include <signal.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include "patella-test-utils.h"

typedef struct
{
  GPid    pid;
  int     out_fd;
  GString *out;
} Child;

static void
child_setup_cb (gpointer data)
{
  /* The CLI loop and the patella-cli it runs die together. */
  setpgid (0, 0);
}

static void
spawn (Child       *child,
       const char **argv,
       char       **envp)
{
  g_autoptr(GError) error = NULL;

  child->out = g_string_new (NULL);
  g_assert_true (g_spawn_async_with_pipes (NULL, (char **) argv, envp,
                                           G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDERR_TO_DEV_NULL,
                                           child_setup_cb, NULL, &child->pid, NULL,
                                           &child->out_fd, NULL, &error));
  g_assert_no_error (error);
}

static void
read_until (Child      *child,
            const char *text)
{
  char buffer[4096];
  ssize_t n;

  while (strstr (child->out->str, text) == NULL &&
         (n = read (child->out_fd, buffer, sizeof buffer)) > 0)
    g_string_append_len (child->out, buffer, n);
}

static void
kill_and_collect (Child *child)
{
  char buffer[4096];
  ssize_t n;
  int status;

  kill (-child->pid, SIGKILL);
  kill (child->pid, SIGKILL);
  g_assert_cmpint (waitpid (child->pid, &status, 0), ==, child->pid);
  g_spawn_close_pid (child->pid);

  while ((n = read (child->out_fd, buffer, sizeof buffer)) > 0)
    g_string_append_len (child->out, buffer, n);
  close (child->out_fd);
}

static gint64
query_int (sqlite3    *db,
           const char *sql,
           const char *text)
{
  sqlite3_stmt *stmt = NULL;
  gint64 result = -1;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (text != NULL)
    sqlite3_bind_text (stmt, 1, text, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    result = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return result;
}

static void
test_gui_killed_while_typing (void)
{
  g_autofree char *dir = patella_test_make_dir ();
  g_autofree char *db_path = g_build_filename (dir, "patella.db", NULL);
  g_autoptr(GRand) rand = g_rand_new ();
  g_auto(GStrv) envp = g_environ_setenv (g_get_environ (), "PATELLA_DB", db_path, TRUE);
  const char *typer = g_getenv ("PATELLA_CRASH_TYPER");
  const char *cli = g_getenv ("PATELLA_CLI");
  guint n_runs = g_getenv ("ASAN_OPTIONS") != NULL ? 20 : 100;
  guint next_run = 1;
  guint n_saves = 0;
  guint n_cli = 0;

  g_assert_nonnull (typer);
  g_assert_nonnull (cli);

  for (guint round = 0; round < n_runs; round++)
    {
      g_autofree char *loop = NULL;
      g_auto(GStrv) typer_lines = NULL;
      g_auto(GStrv) cli_lines = NULL;
      Child app = { 0 };
      Child writer = { 0 };
      const char *typer_argv[] = { typer, NULL };
      const char *writer_argv[] = { "/bin/sh", "-c", NULL, NULL };
      gint64 killed_at;
      glong saved_max = 0;
      glong typed_before = 0;
      gint64 stored_length;
      sqlite3 *db = NULL;

      loop = g_strdup_printf ("i=%u; while :; do \"%s\" --db \"%s\" run add --date 2026-03-01"
                              " --distance 1km --note \"cli $i\" >/dev/null && echo $i;"
                              " i=$((i+1)); done", next_run, cli, db_path);
      writer_argv[2] = loop;

      spawn (&app, typer_argv, envp);
      read_until (&app, "typed");
      spawn (&writer, writer_argv, envp);

      g_usleep (g_rand_int_range (rand, 50000, 1500000));
      killed_at = g_get_monotonic_time ();
      kill_and_collect (&app);
      kill_and_collect (&writer);

      /* What the window had saved, and what was typed a while before the kill. */
      typer_lines = g_strsplit (app.out->str, "\n", -1);
      for (guint i = 0; typer_lines[i] != NULL && typer_lines[i + 1] != NULL; i++)
        {
          glong n;
          gint64 at;

          if (sscanf (typer_lines[i], "saved %ld", &n) == 1)
            {
              saved_max = MAX (saved_max, n);
              n_saves++;
            }
          else if (sscanf (typer_lines[i], "typed %ld %" G_GINT64_FORMAT, &n, &at) == 2 &&
                   at < killed_at - 1000 * 1000)
            {
              typed_before = MAX (typed_before, n);
            }
        }

      g_assert_cmpint (sqlite3_open_v2 (db_path, &db, SQLITE_OPEN_READWRITE, NULL), ==,
                       SQLITE_OK);
      sqlite3_busy_timeout (db, 5000);
      g_assert_cmpint (query_int (db, "SELECT count(*) FROM pragma_integrity_check"
                                      " WHERE integrity_check = 'ok';", NULL), ==, 1);

      stored_length = query_int (db, "SELECT coalesce ((SELECT length (note) FROM journal_entry"
                                     " ORDER BY day DESC LIMIT 1), 0);", NULL);
      if (stored_length < saved_max)
        g_error ("round %u: a saved note of %ld characters is down to %" G_GINT64_FORMAT,
                 round, saved_max, stored_length);
      if (stored_length < typed_before)
        g_error ("round %u: %ld characters were typed 1 s before the kill, %" G_GINT64_FORMAT
                 " are saved", round, typed_before, stored_length);

      cli_lines = g_strsplit (writer.out->str, "\n", -1);
      for (guint i = 0; cli_lines[i] != NULL && cli_lines[i + 1] != NULL; i++)
        {
          g_autofree char *note = g_strdup_printf ("cli %s", cli_lines[i]);

          if (query_int (db, "SELECT count(*) FROM run WHERE note = ?1;", note) != 1)
            g_error ("round %u: run “%s” was reported as added but is missing", round, note);
          next_run = MAX (next_run, (guint) g_ascii_strtoull (cli_lines[i], NULL, 10) + 1);
          n_cli++;
        }
      next_run += 1000;

      sqlite3_close (db);
      g_string_free (app.out, TRUE);
      g_string_free (writer.out, TRUE);
    }

  g_test_message ("%u rounds: %u saves by the window, %u runs by patella-cli", n_runs, n_saves,
                  n_cli);
  g_assert_cmpuint (n_saves, >, 0);
  g_assert_cmpuint (n_cli, >, 0);
  patella_test_remove_dir (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/crash-gui/killed-while-typing", test_gui_killed_while_typing);

  return g_test_run ();
}
