/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The tests' own helpers: the store fixture, a database read by another
 * program, and the CLI runner. */
#include "config.h"

#include <string.h>

#include "patella-test-cli.h"
#include "patella-test-db.h"
#include "patella-test-store.h"

typedef PatellaStoreFixture Fixture;

/* The store opens on the fake clock's time; what it writes survives a
 * reopen and is what another program reads. */
static void
test_store_fixture (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *note = NULL;

  g_assert_cmpint (patella_clock_get_now (fixture->clock), ==, PATELLA_TEST_NOW_US);
  g_assert_true (PATELLA_IS_RECORDING_NOTIFIER (fixture->notifier));
  g_assert_true (patella_store_exec (fixture->store,
                                     "INSERT INTO journal_entry (day, pain_rest, note,"
                                     " created_us, updated_us) VALUES ('2026-03-14', 2, 'kept',"
                                     " 0, 0);", &error));
  g_assert_no_error (error);

  patella_store_fixture_reopen (fixture);
  g_assert_cmpint (patella_store_query_int (fixture->store,
                                            "SELECT pain_rest FROM journal_entry;", -1), ==, 2);
  note = patella_test_db_query_text (fixture->path,
                                     "SELECT note FROM journal_entry WHERE day = ?;",
                                     "2026-03-14");
  g_assert_cmpstr (note, ==, "kept");
  g_assert_null (patella_test_db_query_text (fixture->path,
                                             "SELECT note FROM journal_entry WHERE day = ?;",
                                             "2026-03-13"));
  g_assert_cmpint (patella_test_db_query_int (fixture->path, "SELECT count(*) FROM shoe;"), ==,
                   0);
}

/* The morning set-up: 10:00 local time on the day of PATELLA_TEST_NOW_US. */
static void
test_store_fixture_morning (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autofree char *today = patella_clock_get_today (fixture->clock);

  g_assert_cmpint (patella_clock_get_now (fixture->clock), ==,
                   patella_test_local_us (2026, 3, 14, 10, 0));
  g_assert_cmpstr (today, ==, "2026-03-14");
  g_assert_true (patella_store_exec (fixture->store, "SELECT 1;", NULL));
}

/* A database changed by another program is seen by the dump. */
static void
test_dump_sees_other_program (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autofree char *before = patella_test_dump_db (fixture->path);
  g_autofree char *after = NULL;

  patella_test_db_exec (fixture->path,
                        "INSERT INTO shoe (name, warn_m, limit_m, created_us)"
                        " VALUES ('Other', 482803, 804672, 0);");
  after = patella_test_dump_db (fixture->path);
  g_assert_cmpstr (before, !=, after);
  g_assert_nonnull (strstr (after, "|Other|"));
}

/* The runner keeps the output, the error output and the exit status, with
 * PATELLA_DB as asked. */
static void
test_cli_runner (PatellaCliFixture *fixture,
                 gconstpointer      data)
{
  g_auto(PatellaCliResult) result = { 0 };
  const char *envs[] = { "PATELLA_DB", fixture->db, "LANGUAGE", "C", NULL };
  const char *args[] = { "journal", "add", "--pain", "eleven", NULL };

  patella_test_run_cli (&result, fixture->db, "status", "--format", "json", NULL);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_cmpstr (result.err, ==, "");
  json_node_unref (patella_test_parse_json (result.out));
  g_assert_true (g_file_test (fixture->db, G_FILE_TEST_EXISTS));

  patella_test_run_cli_env (&result, envs, args);
  g_assert_cmpint (result.status, ==, 1);
  g_assert_cmpstr (result.out, ==, "");
  g_assert_true (g_str_has_prefix (result.err, "patella-cli: "));

  /* With --db instead of PATELLA_DB. */
  patella_test_run_cli_db (&result, fixture->db, "journal", "add", "--pain", "3", NULL);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_cmpint (patella_test_db_query_int (fixture->db, "SELECT count(*) FROM journal_entry;"),
                   ==, 1);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  patella_store_test_add ("/support/store-fixture", test_store_fixture);
  patella_store_test_add_morning ("/support/store-fixture-morning", test_store_fixture_morning);
  patella_store_test_add ("/support/dump-sees-other-program", test_dump_sees_other_program);
  patella_cli_test_add ("/support/cli-runner", test_cli_runner);

  return g_test_run ();
}
