/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <json-glib/json-glib.h>
#include <sqlite3.h>

#include "patella-test-cli.h"
#include "patella-test-utils.h"

typedef PatellaCliFixture Fixture;
typedef PatellaCliResult Result;

/* Runs the built patella-cli on the fixture's database with @args. */
static void
run_cli_argv (Fixture            *fixture,
              Result             *result,
              const char * const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();

  g_ptr_array_add (argv, (char *) "--db");
  g_ptr_array_add (argv, fixture->db);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);

  patella_test_run_cli_argv (result, NULL, (const char * const *) argv->pdata);
}

#define run_cli(fixture, result, ...) \
  run_cli_argv (fixture, result, (const char *[]) { __VA_ARGS__, NULL })

static void
run_ok (Fixture            *fixture,
        const char         *expected_out,
        const char * const *args)
{
  g_auto(PatellaCliResult) result = { 0 };

  run_cli_argv (fixture, &result, args);
  g_assert_cmpstr (result.err, ==, "");
  g_assert_cmpint (result.status, ==, 0);
  if (expected_out != NULL)
    g_assert_cmpstr (result.out, ==, expected_out);
}

#define RUN_OK(fixture, expected, ...) \
  run_ok (fixture, expected, (const char *[]) { __VA_ARGS__, NULL })

/* Everything in the shoe, run and notification tables, as text. */
static char *
dump_db (const char *path)
{
  const char *queries[] = {
    "SELECT * FROM shoe ORDER BY id;",
    "SELECT * FROM run ORDER BY id;",
    "SELECT * FROM notification_sent ORDER BY key;",
  };
  g_autoptr(GString) out = g_string_new (NULL);
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    {
      sqlite3_stmt *stmt = NULL;

      g_assert_cmpint (sqlite3_prepare_v2 (db, queries[q], -1, &stmt, NULL), ==, SQLITE_OK);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          for (int c = 0; c < sqlite3_column_count (stmt); c++)
            g_string_append_printf (out, "%s|", (const char *) sqlite3_column_text (stmt, c));
          g_string_append_c (out, '\n');
        }
      sqlite3_finalize (stmt);
    }
  sqlite3_close (db);

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
set_up_shoes (Fixture *fixture)
{
  RUN_OK (fixture,
          "Added “Road pair”, the default shoe: warns at 482.8 km, replace at 804.7 km.\n",
          "shoe", "add", "Road pair", "--brand", "Maker A", "--default");
  RUN_OK (fixture,
          "Added “Easy pair”: warns at 402.3 km, replace at 643.7 km.\n",
          "shoe", "add", "Easy pair", "--initial", "100mi", "--warn", "250mi", "--limit", "400mi");
  RUN_OK (fixture,
          "Logged 8.0 km on 2026-03-01, 5:00 /km.\n"
          "“Road pair” has run 8.0 km of 804.7 km.\n",
          "run", "add", "--distance", "8km", "--duration", "40:00", "--pain", "2",
          "--date", "2026-03-01", "--note", "easy, fine");
  RUN_OK (fixture,
          "Logged 8.0 km on 2026-03-02.\n"
          "“Easy pair” has run 169.0 km of 643.7 km.\n",
          "run", "add", "--distance", "5mi", "--shoe", "easy pair", "--date", "2026-03-02");
}

static void
test_golden_text (Fixture       *fixture,
                  gconstpointer  data)
{
  set_up_shoes (fixture);

  RUN_OK (fixture,
          "Easy pair: 169.0 km of 643.7 km, fine\n"
          "Road pair (Maker A), default: 8.0 km of 804.7 km, fine\n",
          "shoe", "list");
  RUN_OK (fixture,
          "name,brand,distance_m,warn_m,limit_m,retired,default,status\n"
          "Easy pair,,168981,402336,643738,false,false,ok\n"
          "Road pair,Maker A,8000,482803,804672,false,true,ok\n",
          "shoe", "list", "--format", "csv");
  RUN_OK (fixture,
          "2026-03-01  8.0 km  40:00 (5:00 /km)  Road pair  pain 2/10  “easy, fine”\n"
          "2026-03-02  8.0 km  Easy pair\n",
          "run", "list");
  RUN_OK (fixture,
          "date,distance_m,duration_s,shoe,pain,note\n"
          "2026-03-01,8000,2400,Road pair,2,\"easy, fine\"\n",
          "run", "list", "--shoe", "ROAD PAIR", "--format", "csv");

  RUN_OK (fixture, "Retired “Road pair”; its runs are kept.\n", "shoe", "retire", "road pair");
  RUN_OK (fixture, "“Road pair” was already retired.\n", "shoe", "retire", "Road pair");
  RUN_OK (fixture,
          "Easy pair: 169.0 km of 643.7 km, fine\n"
          "Road pair (Maker A): 8.0 km of 804.7 km, retired\n",
          "shoe", "list");

  /* No default shoe any more: the run has none. */
  RUN_OK (fixture, "Logged 1.0 km on 2026-03-03.\n",
          "run", "add", "--distance", "1000m", "--date", "2026-03-03");
}

static void
test_json (Fixture       *fixture,
           gconstpointer  data)
{
  g_auto(PatellaCliResult) shoes = { 0 };
  g_auto(PatellaCliResult) runs = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonArray *array;
  JsonObject *object;

  set_up_shoes (fixture);

  run_cli (fixture, &shoes, "shoe", "list", "--format", "json");
  g_assert_cmpint (shoes.status, ==, 0);
  json_parser_load_from_data (parser, shoes.out, -1, &error);
  g_assert_no_error (error);
  array = json_node_get_array (json_parser_get_root (parser));
  g_assert_cmpuint (json_array_get_length (array), ==, 2);
  object = json_array_get_object_element (array, 1);
  g_assert_cmpstr (json_object_get_string_member (object, "name"), ==, "Road pair");
  g_assert_cmpstr (json_object_get_string_member (object, "brand"), ==, "Maker A");
  g_assert_cmpint (json_object_get_int_member (object, "distance_m"), ==, 8000);
  g_assert_cmpint (json_object_get_int_member (object, "warn_m"), ==, 482803);
  g_assert_cmpint (json_object_get_int_member (object, "limit_m"), ==, 804672);
  g_assert_false (json_object_get_boolean_member (object, "retired"));
  g_assert_true (json_object_get_boolean_member (object, "default"));
  g_assert_cmpstr (json_object_get_string_member (object, "status"), ==, "ok");

  run_cli (fixture, &runs, "run", "list", "--format", "json");
  g_assert_cmpint (runs.status, ==, 0);
  json_parser_load_from_data (parser, runs.out, -1, &error);
  g_assert_no_error (error);
  array = json_node_get_array (json_parser_get_root (parser));
  g_assert_cmpuint (json_array_get_length (array), ==, 2);
  object = json_array_get_object_element (array, 0);
  g_assert_cmpstr (json_object_get_string_member (object, "date"), ==, "2026-03-01");
  g_assert_cmpint (json_object_get_int_member (object, "distance_m"), ==, 8000);
  g_assert_cmpint (json_object_get_int_member (object, "duration_s"), ==, 2400);
  g_assert_cmpstr (json_object_get_string_member (object, "shoe"), ==, "Road pair");
  g_assert_cmpint (json_object_get_int_member (object, "pain"), ==, 2);
  object = json_array_get_object_element (array, 1);
  g_assert_true (json_object_get_null_member (object, "duration_s"));
  g_assert_true (json_object_get_null_member (object, "pain"));
  g_assert_cmpstr (json_object_get_string_member (object, "shoe"), ==, "Easy pair");
}

static void
test_bad_input_refused (Fixture       *fixture,
                        gconstpointer  data)
{
  const char *cases[][12] = {
    { "run", "add", "--distance", "-5km" },
    { "run", "add", "--distance", "0" },
    { "run", "add", "--distance", "nan" },
    { "run", "add", "--distance", "inf" },
    { "run", "add", "--distance", "1e309km" },
    { "run", "add", "--distance", "5.2 parsecs" },
    { "run", "add", "--distance", "400km" },
    { "run", "add", "--distance", "5km", "--shoe", "Nope" },
    { "run", "add", "--distance", "5km", "--date", "2026-02-30" },
    { "run", "add", "--distance", "5km", "--pain", "11" },
    { "run", "add", "--distance", "5km", "--duration", "5:99" },
    { "run", "add", "--distance", "5km", "--note", "bad \xff note" },
    { "run", "list", "--shoe", "Nope" },
    { "shoe", "add", "ROAD PAIR" },
    { "shoe", "add", "easy pair" },
    { "shoe", "add", "New", "--warn", "600mi" },
    { "shoe", "add", "New", "--limit", "50mi" },
    { "shoe", "add", "New", "--warn", "50mi" },
    { "shoe", "add", "New", "--limit", "2000km" },
    { "shoe", "add", "New", "--initial", "-3km" },
    { "shoe", "add", "" },
    { "shoe", "add", "   " },
    { "shoe", "add", "\xff\xfe" },
    { "shoe", "retire", "Nope" },
  };
  g_autofree char *before = NULL;

  set_up_shoes (fixture);
  before = dump_db (fixture->db);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(PatellaCliResult) result = { 0 };
      g_autofree char *after = NULL;

      run_cli_argv (fixture, &result, cases[i]);
      g_test_message ("case %u", i);
      patella_test_assert_refused (&result, NULL);

      after = dump_db (fixture->db);
      g_assert_cmpstr (before, ==, after);
    }
}

static void
test_messages_say_what_is_accepted (Fixture       *fixture,
                                    gconstpointer  data)
{
  static const struct {
    const char *args[8];
    const char *expected;
  } cases[] = {
    { { "run", "add", "--distance", "400km" }, "at most 300 km" },
    { { "run", "add", "--distance", "5.2 parsecs" }, "use mi, km or m" },
    { { "run", "add", "--distance", "5km", "--shoe", "Nope" }, "the shoes are “Easy pair”, “Road pair”" },
    { { "shoe", "add", "road pair" }, "already a shoe called “Road pair”" },
    { { "shoe", "add", "New", "--limit", "50mi" }, "between 100 and 1 000 mi" },
    { { "shoe", "add", "New", "--warn", "450mi", "--limit", "400mi" }, "at or before the limit" },
  };

  set_up_shoes (fixture);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(PatellaCliResult) result = { 0 };

      run_cli_argv (fixture, &result, cases[i].args);
      g_assert_cmpint (result.status, ==, 1);
      g_assert_nonnull (strstr (result.err, cases[i].expected));
    }
}

static void
test_usage_errors (Fixture       *fixture,
                   gconstpointer  data)
{
  const char *cases[][6] = {
    { "shoe" },
    { "shoe", "polish" },
    { "shoe", "add" },
    { "shoe", "add", "A", "B" },
    { "shoe", "list", "--format", "yaml" },
    { "run", "add" },
    { "run", "add", "--distance", "5km", "extra" },
    { "run", "list", "--colour" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(PatellaCliResult) result = { 0 };

      run_cli_argv (fixture, &result, cases[i]);
      g_assert_cmpint (result.status, ==, 2);
      g_assert_true (g_str_has_prefix (result.err, "patella-cli: "));
    }

  g_assert_false (g_file_test (fixture->db, G_FILE_TEST_EXISTS));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) patella_cli_test_add ("/cli-shoes/" name, (func))

  ADD ("golden-text", test_golden_text);
  ADD ("json", test_json);
  ADD ("bad-input-refused", test_bad_input_refused);
  ADD ("messages-say-what-is-accepted", test_messages_say_what_is_accepted);
  ADD ("usage-errors", test_usage_errors);

#undef ADD

  return g_test_run ();
}
