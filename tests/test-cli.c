/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <json-glib/json-glib.h>

#include "patella-test-cli.h"
#include "patella-test-db.h"
#include "patella-test-utils.h"

typedef PatellaCliFixture Fixture;
typedef PatellaCliResult Result;

/* run_cli (&result, PATELLA_DB or NULL, args…, NULL) */
#define run_cli(result, env_db, ...) patella_test_run_cli (result, env_db, __VA_ARGS__)

static void
assert_one_error_line (const Result *result)
{
  g_assert_true (g_str_has_prefix (result->err, "patella-cli: "));
  g_assert_cmpstr (result->out, ==, "");
}

static void
test_version_and_help (Fixture       *fixture,
                       gconstpointer  data)
{
  g_auto(PatellaCliResult) version = { 0 };
  g_auto(PatellaCliResult) help = { 0 };
  g_auto(PatellaCliResult) status_help = { 0 };

  run_cli (&version, NULL, "--version", NULL);
  g_assert_cmpint (version.status, ==, 0);
  g_assert_cmpstr (version.out, ==, "patella-cli " VERSION "\n");

  run_cli (&help, NULL, "--help", NULL);
  g_assert_cmpint (help.status, ==, 0);
  g_assert_nonnull (strstr (help.out, "--db FILE"));
  g_assert_nonnull (strstr (help.out, "status"));

  run_cli (&status_help, NULL, "status", "--help", NULL);
  g_assert_cmpint (status_help.status, ==, 0);
  g_assert_nonnull (strstr (status_help.out, "--format"));
}

static void
test_usage_errors (Fixture       *fixture,
                   gconstpointer  data)
{
  g_auto(PatellaCliResult) none = { 0 };
  g_auto(PatellaCliResult) unknown = { 0 };
  g_auto(PatellaCliResult) option = { 0 };
  g_auto(PatellaCliResult) sub_option = { 0 };
  g_auto(PatellaCliResult) format = { 0 };
  g_auto(PatellaCliResult) no_db = { 0 };

  run_cli (&none, fixture->db, NULL);
  g_assert_cmpint (none.status, ==, 2);

  run_cli (&unknown, fixture->db, "fly", NULL);
  g_assert_cmpint (unknown.status, ==, 2);
  assert_one_error_line (&unknown);
  g_assert_nonnull (strstr (unknown.err, "fly"));
  g_assert_nonnull (strstr (unknown.err, "--help"));

  run_cli (&option, fixture->db, "--frobnicate", "status", NULL);
  g_assert_cmpint (option.status, ==, 2);
  assert_one_error_line (&option);

  run_cli (&sub_option, fixture->db, "status", "--colour", NULL);
  g_assert_cmpint (sub_option.status, ==, 2);
  assert_one_error_line (&sub_option);

  run_cli (&format, fixture->db, "status", "--format", "yaml", NULL);
  g_assert_cmpint (format.status, ==, 2);
  g_assert_nonnull (strstr (format.err, "text or json"));

  run_cli (&no_db, NULL, "--db", NULL);
  g_assert_cmpint (no_db.status, ==, 2);

  /* None of these created the database. */
  g_assert_false (g_file_test (fixture->db, G_FILE_TEST_EXISTS));
}

static void
test_status_json_new_database (Fixture       *fixture,
                               gconstpointer  data)
{
  g_auto(PatellaCliResult) result = { 0 };
  g_autoptr(JsonNode) root = NULL;
  JsonObject *object;

  run_cli (&result, NULL, "--db", fixture->db, "status", "--format", "json", NULL);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_cmpstr (result.err, ==, "");

  root = patella_test_parse_json (result.out);
  object = json_node_get_object (root);
  g_assert_cmpint (json_object_get_int_member (object, "ice_sessions_today"), ==, 0);
  g_assert_cmpint (json_object_get_int_member (object, "ice_goal"), ==, 4);
  /* Reminders are on by default: the next one is within a day. */
  {
    g_autoptr(GDateTime) next = NULL;
    g_autoptr(GDateTime) now = g_date_time_new_now_local ();
    GTimeSpan ahead;

    next = g_date_time_new_from_iso8601 (json_object_get_string_member (object,
                                                                        "next_ice_reminder"),
                                         NULL);
    g_assert_nonnull (next);
    ahead = g_date_time_difference (next, now);
    g_assert_cmpint (ahead, >, -G_TIME_SPAN_HOUR);
    g_assert_cmpint (ahead, <=, G_TIME_SPAN_DAY);
  }
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object, "shoes")), ==, 0);
  g_assert_true (json_object_has_member (object, "advice"));
  g_assert_true (g_file_test (fixture->db, G_FILE_TEST_IS_REGULAR));
}

static void
test_status_existing_database (Fixture       *fixture,
                               gconstpointer  data)
{
  g_auto(PatellaCliResult) first = { 0 };
  g_auto(PatellaCliResult) result = { 0 };
  g_auto(PatellaCliResult) text = { 0 };
  g_autoptr(JsonNode) root = NULL;
  JsonArray *shoes;
  JsonObject *shoe;

  run_cli (&first, NULL, "--db", fixture->db, "status", NULL);
  g_assert_cmpint (first.status, ==, 0);

  /* 310 miles on a pair warned at 300: "warn". */
  patella_test_db_exec (fixture->db, "INSERT INTO shoe (name, brand, initial_m, is_default, created_us)"
                                 " VALUES ('Road pair', 'Maker A', 498897, 1, 0);");

  run_cli (&result, fixture->db, "status", "--format=json", NULL);
  g_assert_cmpint (result.status, ==, 0);
  root = patella_test_parse_json (result.out);
  shoes = json_object_get_array_member (json_node_get_object (root), "shoes");
  g_assert_cmpuint (json_array_get_length (shoes), ==, 1);
  shoe = json_array_get_object_element (shoes, 0);
  g_assert_cmpstr (json_object_get_string_member (shoe, "name"), ==, "Road pair");
  g_assert_cmpstr (json_object_get_string_member (shoe, "brand"), ==, "Maker A");
  g_assert_cmpint (json_object_get_int_member (shoe, "distance_m"), ==, 498897);
  g_assert_cmpint (json_object_get_int_member (shoe, "warn_m"), ==, 482803);
  g_assert_cmpint (json_object_get_int_member (shoe, "limit_m"), ==, 804672);
  g_assert_false (json_object_get_boolean_member (shoe, "retired"));
  g_assert_true (json_object_get_boolean_member (shoe, "default"));
  g_assert_cmpstr (json_object_get_string_member (shoe, "status"), ==, "warn");

  run_cli (&text, fixture->db, "status", NULL);
  g_assert_cmpint (text.status, ==, 0);
  g_assert_nonnull (strstr (text.out, "Icing: 0 of 4 sessions"));
  g_assert_nonnull (strstr (text.out, "Road pair"));
  g_assert_nonnull (strstr (text.out, "nearing replacement"));
}

static void
test_db_option_overrides_environment (Fixture       *fixture,
                                      gconstpointer  data)
{
  g_autofree char *env_db = g_build_filename (fixture->dir, "env.db", NULL);
  g_autofree char *opt_db = g_build_filename (fixture->dir, "option.db", NULL);
  g_auto(PatellaCliResult) from_env = { 0 };
  g_auto(PatellaCliResult) from_option = { 0 };

  run_cli (&from_env, env_db, "status", NULL);
  g_assert_cmpint (from_env.status, ==, 0);
  g_assert_true (g_file_test (env_db, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (opt_db, G_FILE_TEST_EXISTS));

  g_remove (env_db);
  run_cli (&from_option, env_db, "--db", opt_db, "status", NULL);
  g_assert_cmpint (from_option.status, ==, 0);
  g_assert_true (g_file_test (opt_db, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (env_db, G_FILE_TEST_EXISTS));
}

static void
test_random_bytes_refused (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "random.db", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_auto(PatellaCliResult) result = { 0 };

  patella_test_write_random_file (path, 20000);
  before = patella_test_file_checksum (path);

  run_cli (&result, NULL, "--db", path, "status", "--format", "json", NULL);
  g_assert_cmpint (result.status, ==, 1);
  assert_one_error_line (&result);
  g_assert_nonnull (strstr (result.err, "random.db"));
  g_assert_nonnull (g_strstr_len (result.err, -1, "not a Patella database"));
  g_assert_cmpint (strchr (result.err, '\n') - result.err + 1, ==, strlen (result.err));

  after = patella_test_file_checksum (path);
  g_assert_cmpstr (before, ==, after);
  g_assert_false (g_file_test (fixture->db, G_FILE_TEST_EXISTS));
}

static void
test_newer_database_still_reads (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_auto(PatellaCliResult) first = { 0 };
  g_auto(PatellaCliResult) result = { 0 };

  run_cli (&first, fixture->db, "status", NULL);
  g_assert_cmpint (first.status, ==, 0);

  patella_test_db_exec (fixture->db, "PRAGMA user_version = 42;");

  run_cli (&result, fixture->db, "status", "--format", "json", NULL);
  g_assert_cmpint (result.status, ==, 0);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) patella_cli_test_add ("/cli/" name, (func))

  ADD ("version-and-help", test_version_and_help);
  ADD ("usage-errors", test_usage_errors);
  ADD ("status-json-new-database", test_status_json_new_database);
  ADD ("status-existing-database", test_status_existing_database);
  ADD ("db-option-overrides-environment", test_db_option_overrides_environment);
  ADD ("random-bytes-refused", test_random_bytes_refused);
  ADD ("newer-database-still-reads", test_newer_database_still_reads);

#undef ADD

  return g_test_run ();
}
