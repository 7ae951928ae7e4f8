/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "patella-store.h"
#include "patella-test-cli.h"

/* patella-cli runs on the real clock: the days are counted back from today. */
static void
fill (PatellaCliFixture *fixture)
{
  g_autoptr(PatellaClock) clock = patella_clock_new_real ();
  g_autoptr(PatellaStore) store = NULL;
  g_autoptr(GError) error = NULL;
  /* Short runs in "Road" with mornings 1, 2, 3; long runs in "Trail" with 4, 4, 5. */
  static const struct { int back; int metres; const char *shoe; int morning; } days[] = {
    { 9, 3000, "Road", 1 }, { 8, 4000, "Road", 2 }, { 7, 5000, "Road", 3 },
    { 5, 8000, "Trail", 4 }, { 4, 9000, "Trail", 4 }, { 3, 10000, "Trail", 5 },
  };

  store = patella_store_open (fixture->db, clock, &error);
  g_assert_no_error (error);
  patella_store_exec (store, "INSERT INTO shoe (name, created_us) VALUES ('Road', 1), ('Trail', 1);",
                      &error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (days); i++)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      g_autoptr(GDateTime) then = g_date_time_add_days (now, -days[i].back);
      g_autofree char *day = g_date_time_format (then, "%Y-%m-%d");
      g_autofree char *sql = g_strdup_printf (
        "INSERT INTO run (day, distance_m, shoe_id, created_us)"
        " VALUES ('%s', %d, (SELECT id FROM shoe WHERE name = '%s'), 1);"
        "INSERT INTO journal_entry (day, pain_rest, pain_morning, created_us, updated_us)"
        " VALUES ('%s', 1, %d, 1, 1);",
        day, days[i].metres, days[i].shoe, day, days[i].morning);

      patella_store_exec (store, sql, &error);
      g_assert_no_error (error);
    }
}

static void
test_json_golden (PatellaCliFixture *fixture,
                  gconstpointer      data)
{
  g_auto(PatellaCliResult) result = { 0 };
  g_autoptr(JsonNode) got = NULL;
  g_autoptr(JsonNode) expected = NULL;
  g_autofree char *golden = NULL;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "golden", "insights.json", NULL);
  g_autoptr(GError) error = NULL;

  fill (fixture);
  patella_test_run_cli_db (&result, fixture->db, "insights", "--format", "json");
  g_assert_cmpint (result.status, ==, 0);
  g_assert_cmpstr (result.err, ==, "");

  g_file_get_contents (path, &golden, NULL, &error);
  g_assert_no_error (error);
  got = patella_test_parse_json (result.out);
  expected = patella_test_parse_json (golden);
  if (!json_node_equal (got, expected))
    g_error ("insights JSON differs from %s:\n%s", path, result.out);

  /* The order is stable: the same document twice. */
  {
    g_auto(PatellaCliResult) again = { 0 };

    patella_test_run_cli_db (&again, fixture->db, "insights", "--format", "json");
    g_assert_cmpstr (again.out, ==, result.out);
  }
}

static void
test_json_not_enough (PatellaCliFixture *fixture,
                      gconstpointer      data)
{
  g_auto(PatellaCliResult) result = { 0 };
  g_autoptr(JsonNode) got = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PatellaClock) clock = patella_clock_new_real ();
  g_autoptr(PatellaStore) store = NULL;

  fill (fixture);
  store = patella_store_open (fixture->db, clock, &error);
  g_assert_no_error (error);
  /* One long morning unrated: long runs and the shoes drop out of the JSON. */
  patella_store_exec (store, "UPDATE journal_entry SET pain_morning = NULL WHERE pain_morning = 5;",
                      &error);
  g_assert_no_error (error);

  patella_test_run_cli_db (&result, fixture->db, "insights", "--format", "json");
  g_assert_cmpint (result.status, ==, 0);
  got = patella_test_parse_json (result.out);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (got));
  g_assert_cmpuint (json_array_get_length (json_node_get_array (got)), ==, 0);

  /* The text says what is needed. */
  patella_test_run_cli_db (&result, fixture->db, "insights");
  g_assert_cmpint (result.status, ==, 0);
  g_assert_nonnull (strstr (result.out, "1 more rated morning after a run longer than 5.0 km"));
  g_assert_nonnull (strstr (result.out, "1 more rated morning after a run in “Trail”"));
  g_assert_nonnull (strstr (result.out, "not what caused it"));
}

static void
test_text (PatellaCliFixture *fixture,
           gconstpointer      data)
{
  g_auto(PatellaCliResult) result = { 0 };

  patella_test_run_cli_db (&result, fixture->db, "insights");
  g_assert_cmpint (result.status, ==, 0);
  g_assert_nonnull (strstr (result.out, "No insights yet"));

  fill (fixture);
  patella_test_run_cli_db (&result, fixture->db, "insights");
  g_assert_cmpint (result.status, ==, 0);
  g_assert_nonnull (strstr (result.out, "From your entries of the last 12 months:\n"
                                        "  • Next-morning pain was higher after runs longer than "
                                        "5.0 km"));
  g_assert_null (strstr (result.out, "cause "));
}

static void
test_usage (PatellaCliFixture *fixture,
            gconstpointer      data)
{
  g_auto(PatellaCliResult) result = { 0 };

  patella_test_run_cli_db (&result, fixture->db, "insights", "--format", "csv");
  g_assert_cmpint (result.status, ==, 2);
  g_assert_nonnull (strstr (result.err, "use text or json"));

  patella_test_run_cli_db (&result, fixture->db, "insights", "extra");
  g_assert_cmpint (result.status, ==, 2);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  patella_cli_test_add ("/cli-insights/json-golden", test_json_golden);
  patella_cli_test_add ("/cli-insights/json-not-enough", test_json_not_enough);
  patella_cli_test_add ("/cli-insights/text", test_text);
  patella_cli_test_add ("/cli-insights/usage", test_usage);

  return g_test_run ();
}
