/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <json-glib/json-glib.h>
#include <sqlite3.h>

#include "patella-test-utils.h"

typedef struct
{
  char *dir;
  char *db;
} Fixture;

typedef struct
{
  int   status;
  char *out;
  char *err;
} Result;

static void
result_clear (Result *result)
{
  g_free (result->out);
  g_free (result->err);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Result, result_clear)

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->dir = patella_test_make_dir ();
  fixture->db = g_build_filename (fixture->dir, "patella.db", NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  patella_test_remove_dir (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->db);
}

/* Runs the built patella-cli with @args (NULL-terminated) and @env_db as
 * PATELLA_DB (unset when NULL). */
static void
run_cli (Result      *result,
         const char  *env_db,
         ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) envp = g_get_environ ();
  const char *cli = g_getenv ("PATELLA_CLI");
  const char *arg;
  int wait_status;
  va_list args;

  g_assert_nonnull (cli);
  g_ptr_array_add (argv, (char *) cli);
  va_start (args, env_db);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  if (env_db != NULL)
    envp = g_environ_setenv (envp, "PATELLA_DB", env_db, TRUE);
  else
    envp = g_environ_unsetenv (envp, "PATELLA_DB");

  g_spawn_sync (NULL, (char **) argv->pdata, envp, G_SPAWN_DEFAULT, NULL, NULL,
                &result->out, &result->err, &wait_status, &error);
  g_assert_no_error (error);

  g_assert_true (WIFEXITED (wait_status));
  result->status = WEXITSTATUS (wait_status);
}

static JsonNode *
parse_json (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);

  return json_node_copy (json_parser_get_root (parser));
}

static void
assert_refused (const Result *result)
{
  g_assert_cmpint (result->status, ==, 1);
  g_assert_true (g_str_has_prefix (result->err, "patella-cli: "));
  /* One line. */
  g_assert_nonnull (strchr (result->err, '\n'));
  g_assert_cmpstr (strchr (result->err, '\n'), ==, "\n");
  g_assert_cmpstr (result->out, ==, "");
}

static gint64
db_count (const char *path,
          const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 value = -1;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return value;
}

static void
test_ice_log_good (Fixture       *fixture,
                   gconstpointer  data)
{
  g_auto(Result) today = { 0 };
  g_auto(Result) other = { 0 };
  g_auto(Result) status = { 0 };
  g_autoptr(JsonNode) root = NULL;
  JsonObject *object;

  run_cli (&today, fixture->db, "ice", "log", "--minutes", "15", NULL);
  g_assert_cmpint (today.status, ==, 0);
  g_assert_cmpstr (today.err, ==, "");

  run_cli (&other, fixture->db, "ice", "log", "--date", "2026-03-01", "--minutes", "20", NULL);
  g_assert_cmpint (other.status, ==, 0);
  g_assert_nonnull (strstr (other.out, "2026-03-01"));

  g_assert_cmpint (db_count (fixture->db, "SELECT count(*) FROM session WHERE kind = 'icing' "
                                          "AND state = 'finished'"), ==, 2);
  g_assert_cmpint (db_count (fixture->db, "SELECT duration_s FROM session "
                                          "WHERE day = '2026-03-01'"), ==, 1200);

  run_cli (&status, fixture->db, "status", "--format", "json", NULL);
  g_assert_cmpint (status.status, ==, 0);
  root = parse_json (status.out);
  object = json_node_get_object (root);
  g_assert_cmpint (json_object_get_int_member (object, "ice_sessions_today"), ==, 1);
  g_assert_true (json_object_get_null_member (object, "ice_running"));
}

static void
test_ice_log_refused (Fixture       *fixture,
                      gconstpointer  data)
{
  static const char *bad_minutes[] = { "14", "21", "x", "15.5", "-15", "0", "" };
  g_auto(Result) first = { 0 };
  g_auto(Result) bad_date = { 0 };
  g_auto(Result) missing = { 0 };
  g_autofree char *before = NULL;

  /* The database exists, with one session, before the refusals. */
  run_cli (&first, fixture->db, "ice", "log", "--minutes", "16", NULL);
  g_assert_cmpint (first.status, ==, 0);
  before = patella_test_file_checksum (fixture->db);

  for (guint i = 0; i < G_N_ELEMENTS (bad_minutes); i++)
    {
      g_auto(Result) result = { 0 };

      run_cli (&result, fixture->db, "ice", "log", "--minutes", bad_minutes[i], NULL);
      assert_refused (&result);
      g_assert_nonnull (strstr (result.err, "15"));
      g_assert_nonnull (strstr (result.err, "20"));
    }

  run_cli (&bad_date, fixture->db, "ice", "log", "--date", "2026-02-30", "--minutes", "15", NULL);
  assert_refused (&bad_date);
  g_assert_nonnull (strstr (bad_date.err, "2026-02-30"));

  run_cli (&missing, fixture->db, "ice", "log", NULL);
  g_assert_cmpint (missing.status, ==, 2);

  {
    g_autofree char *after = patella_test_file_checksum (fixture->db);
    g_assert_cmpstr (before, ==, after);
  }
  g_assert_cmpint (db_count (fixture->db, "SELECT count(*) FROM session"), ==, 1);
}

static void
test_status_running_session (Fixture       *fixture,
                             gconstpointer  data)
{
  g_auto(Result) first = { 0 };
  g_auto(Result) json = { 0 };
  g_auto(Result) text = { 0 };
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *sql = NULL;
  JsonObject *running;
  sqlite3 *db = NULL;
  gint64 now = g_get_real_time ();
  g_autoptr(GDateTime) local = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (local, "%Y-%m-%d");

  run_cli (&first, fixture->db, "status", NULL);
  g_assert_cmpint (first.status, ==, 0);

  /* As the app leaves it: a session counting down to a stored instant. */
  sql = g_strdup_printf ("INSERT INTO session (kind, day, state, started_us, planned_s, ends_us) "
                         "VALUES ('icing', '%s', 'running', %" G_GINT64_FORMAT ", 900, %"
                         G_GINT64_FORMAT ");", today, now, now + G_GINT64_CONSTANT (600000000));
  g_assert_cmpint (sqlite3_open (fixture->db, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  run_cli (&json, fixture->db, "status", "--format", "json", NULL);
  g_assert_cmpint (json.status, ==, 0);
  root = parse_json (json.out);
  running = json_object_get_object_member (json_node_get_object (root), "ice_running");
  g_assert_nonnull (running);
  g_assert_cmpint (json_object_get_int_member (running, "remaining_s"), >, 500);
  g_assert_cmpint (json_object_get_int_member (running, "remaining_s"), <=, 600);
  g_assert_true (g_regex_match_simple ("^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}[+-]\\d{2}:\\d{2}$",
                                       json_object_get_string_member (running, "ends_at"), 0, 0));

  run_cli (&text, fixture->db, "status", NULL);
  g_assert_nonnull (strstr (text.out, "Icing now: ends at"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/cli-ice/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("log-good", test_ice_log_good);
  ADD ("log-refused", test_ice_log_refused);
  ADD ("status-running-session", test_status_running_session);

#undef ADD

  return g_test_run ();
}
