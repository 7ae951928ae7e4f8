/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <json-glib/json-glib.h>

#include "patella-test-cli.h"
#include "patella-test-db.h"
#include "patella-test-utils.h"

typedef PatellaCliFixture Fixture;

/* run_cli (&result, PATELLA_DB or NULL, args…, NULL) */
#define run_cli(result, env_db, ...) patella_test_run_cli (result, env_db, __VA_ARGS__)

static void
test_ice_log_good (Fixture       *fixture,
                   gconstpointer  data)
{
  g_auto(PatellaCliResult) today = { 0 };
  g_auto(PatellaCliResult) other = { 0 };
  g_auto(PatellaCliResult) status = { 0 };
  g_autoptr(JsonNode) root = NULL;
  JsonObject *object;

  run_cli (&today, fixture->db, "ice", "log", "--minutes", "15", NULL);
  g_assert_cmpint (today.status, ==, 0);
  g_assert_cmpstr (today.err, ==, "");

  run_cli (&other, fixture->db, "ice", "log", "--date", "2026-03-01", "--minutes", "20", NULL);
  g_assert_cmpint (other.status, ==, 0);
  g_assert_nonnull (strstr (other.out, "2026-03-01"));

  g_assert_cmpint (patella_test_db_query_int (fixture->db, "SELECT count(*) FROM session"
                                                           " WHERE kind = 'icing'"
                                                           " AND state = 'finished'"), ==, 2);
  g_assert_cmpint (patella_test_db_query_int (fixture->db, "SELECT duration_s FROM session "
                                                           "WHERE day = '2026-03-01'"), ==, 1200);

  run_cli (&status, fixture->db, "status", "--format", "json", NULL);
  g_assert_cmpint (status.status, ==, 0);
  root = patella_test_parse_json (status.out);
  object = json_node_get_object (root);
  g_assert_cmpint (json_object_get_int_member (object, "ice_sessions_today"), ==, 1);
  g_assert_true (json_object_get_null_member (object, "ice_running"));
}

static void
test_ice_log_refused (Fixture       *fixture,
                      gconstpointer  data)
{
  static const char *bad_minutes[] = { "14", "21", "x", "15.5", "-15", "0", "" };
  g_auto(PatellaCliResult) first = { 0 };
  g_auto(PatellaCliResult) bad_date = { 0 };
  g_auto(PatellaCliResult) missing = { 0 };
  g_autofree char *before = NULL;

  /* The database exists, with one session, before the refusals. */
  run_cli (&first, fixture->db, "ice", "log", "--minutes", "16", NULL);
  g_assert_cmpint (first.status, ==, 0);
  before = patella_test_file_checksum (fixture->db);

  for (guint i = 0; i < G_N_ELEMENTS (bad_minutes); i++)
    {
      g_auto(PatellaCliResult) result = { 0 };

      run_cli (&result, fixture->db, "ice", "log", "--minutes", bad_minutes[i], NULL);
      patella_test_assert_refused (&result, NULL);
      g_assert_nonnull (strstr (result.err, "15"));
      g_assert_nonnull (strstr (result.err, "20"));
    }

  run_cli (&bad_date, fixture->db, "ice", "log", "--date", "2026-02-30", "--minutes", "15", NULL);
  patella_test_assert_refused (&bad_date, "2026-02-30");

  run_cli (&missing, fixture->db, "ice", "log", NULL);
  g_assert_cmpint (missing.status, ==, 2);

  {
    g_autofree char *after = patella_test_file_checksum (fixture->db);
    g_assert_cmpstr (before, ==, after);
  }
  g_assert_cmpint (patella_test_db_query_int (fixture->db, "SELECT count(*) FROM session"), ==, 1);
}

static void
test_status_running_session (Fixture       *fixture,
                             gconstpointer  data)
{
  g_auto(PatellaCliResult) first = { 0 };
  g_auto(PatellaCliResult) json = { 0 };
  g_auto(PatellaCliResult) text = { 0 };
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *sql = NULL;
  JsonObject *running;
  gint64 now = g_get_real_time ();
  g_autoptr(GDateTime) local = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (local, "%Y-%m-%d");

  run_cli (&first, fixture->db, "status", NULL);
  g_assert_cmpint (first.status, ==, 0);

  /* As the app leaves it: a session counting down to a stored instant. */
  sql = g_strdup_printf ("INSERT INTO session (kind, day, state, started_us, planned_s, ends_us) "
                         "VALUES ('icing', '%s', 'running', %" G_GINT64_FORMAT ", 900, %"
                         G_GINT64_FORMAT ");", today, now, now + G_GINT64_CONSTANT (600000000));
  patella_test_db_exec (fixture->db, sql);

  run_cli (&json, fixture->db, "status", "--format", "json", NULL);
  g_assert_cmpint (json.status, ==, 0);
  root = patella_test_parse_json (json.out);
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

#define ADD(name, func) patella_cli_test_add ("/cli-ice/" name, (func))

  ADD ("log-good", test_ice_log_good);
  ADD ("log-refused", test_ice_log_refused);
  ADD ("status-running-session", test_status_running_session);

#undef ADD

  return g_test_run ();
}
