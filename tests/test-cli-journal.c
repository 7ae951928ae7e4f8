/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <json-glib/json-glib.h>

#include "patella-test-db.h"
#include "patella-test-cli.h"
#include "patella-test-utils.h"

typedef PatellaCliFixture Fixture;

/* run_cli (&result, DB, args…, NULL): patella-cli with `--db DB`. */
#define run_cli(result, db, ...) patella_test_run_cli_db (result, db, __VA_ARGS__)

#define RUN_OK(db, ...) \
  G_STMT_START { \
    g_auto(PatellaCliResult) ok_ = { 0 }; \
    run_cli (&ok_, db, __VA_ARGS__, NULL); \
    g_assert_cmpstr (ok_.err, ==, ""); \
    g_assert_cmpint (ok_.status, ==, 0); \
  } G_STMT_END

/* Fails unless `journal list --format csv` succeeds and prints the header
 * and then @rows. */
static void
assert_journal_csv (Fixture    *fixture,
                    const char *rows)
{
  g_auto(PatellaCliResult) list = { 0 };
  g_autofree char *expected = g_strconcat ("date,pain,pain_activity,pain_morning,symptoms,note\n",
                                           rows, NULL);

  run_cli (&list, fixture->db, "journal", "list", "--format", "csv", NULL);
  g_assert_cmpint (list.status, ==, 0);
  g_assert_cmpstr (list.out, ==, expected);
}

/* Three days, with the awkward parts: quotes, a comma, a line break, SQL. */
static void
add_three_days (Fixture *fixture)
{
  RUN_OK (fixture->db, "journal", "add", "--date", "2026-03-01", "--pain", "2",
          "--note", "Easy 5 km, \"felt fine\", then stairs;\nsecond line",
          "--symptom", "pain-stairs", "--symptom", "ache-behind-kneecap");
  RUN_OK (fixture->db, "journal", "add", "--date", "2026-03-02", "--pain", "6",
          "--pain-activity", "7", "--pain-morning", "4", "--symptom", "swelling",
          "--note", "Robert'); DROP TABLE journal_entry;--");
  RUN_OK (fixture->db, "journal", "add", "--date", "2026-03-03", "--pain", "0");
}

static void
test_list_csv_golden (Fixture       *fixture,
                      gconstpointer  data)
{
  add_three_days (fixture);
  assert_journal_csv (fixture,
                      "2026-03-01,2,,,ache-behind-kneecap;pain-stairs,"
                      "\"Easy 5 km, \"\"felt fine\"\", then stairs;\nsecond line\"\n"
                      "2026-03-02,6,7,4,swelling,Robert'); DROP TABLE journal_entry;--\n"
                      "2026-03-03,0,,,,\n");
}

static void
test_list_json_golden (Fixture       *fixture,
                       gconstpointer  data)
{
  g_auto(PatellaCliResult) result = { 0 };
  g_auto(PatellaCliResult) all = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *first;

  add_three_days (fixture);
  run_cli (&result, fixture->db, "journal", "list", "--format", "json",
           "--from", "2026-03-02", "--to", "2026-03-03", NULL);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_cmpstr (result.out, ==,
                   "[\n"
                   "  {\n"
                   "    \"date\" : \"2026-03-02\",\n"
                   "    \"pain\" : 6,\n"
                   "    \"pain_activity\" : 7,\n"
                   "    \"pain_morning\" : 4,\n"
                   "    \"symptoms\" : [\n"
                   "      \"swelling\"\n"
                   "    ],\n"
                   "    \"note\" : \"Robert'); DROP TABLE journal_entry;--\"\n"
                   "  },\n"
                   "  {\n"
                   "    \"date\" : \"2026-03-03\",\n"
                   "    \"pain\" : 0,\n"
                   "    \"pain_activity\" : null,\n"
                   "    \"pain_morning\" : null,\n"
                   "    \"symptoms\" : [],\n"
                   "    \"note\" : \"\"\n"
                   "  }\n"
                   "]\n");

  /* The note with a line break and quotes comes back as it went in. */
  run_cli (&all, fixture->db, "journal", "list", "--format", "json", NULL);
  json_parser_load_from_data (parser, all.out, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (json_parser_get_root (parser))),
                    ==, 3);
  first = json_array_get_object_element (json_node_get_array (json_parser_get_root (parser)), 0);
  g_assert_cmpstr (json_object_get_string_member (first, "note"), ==,
                   "Easy 5 km, \"felt fine\", then stairs;\nsecond line");
}

static void
test_list_text (Fixture       *fixture,
                gconstpointer  data)
{
  g_auto(PatellaCliResult) empty = { 0 };
  g_auto(PatellaCliResult) result = { 0 };

  run_cli (&empty, fixture->db, "journal", "list", NULL);
  g_assert_cmpint (empty.status, ==, 0);
  g_assert_nonnull (strstr (empty.out, "No journal entries yet"));

  add_three_days (fixture);
  run_cli (&result, fixture->db, "journal", "list", "--to", "2026-03-01", NULL);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_cmpstr (result.out, ==,
                   "2026-03-01  at rest 2/10 · during activity – · next morning –\n"
                   "  Symptoms: Ache behind the kneecap, Pain on stairs\n"
                   "  Note: Easy 5 km, \"felt fine\", then stairs;\n"
                   "        second line\n");
}

static void
test_add_updates_given_fields (Fixture       *fixture,
                               gconstpointer  data)
{
  g_auto(PatellaCliResult) first = { 0 };
  g_auto(PatellaCliResult) second = { 0 };

  run_cli (&first, fixture->db, "journal", "add", "--date", "2026-03-05", "--pain", "3",
           "--pain-activity", "4", "--symptom", "grinding", "--note", "first", NULL);
  g_assert_cmpint (first.status, ==, 0);
  g_assert_cmpstr (first.out, ==, "2026-03-05: entry added\n");

  /* No --pain needed for a day that has an entry. */
  run_cli (&second, fixture->db, "journal", "add", "--date", "2026-03-05",
           "--pain-morning", "2", NULL);
  g_assert_cmpint (second.status, ==, 0);
  g_assert_nonnull (strstr (second.out, "updated"));

  assert_journal_csv (fixture, "2026-03-05,3,4,2,grinding,first\n");
}

/* A rating given by mistake is taken back with "none", the one at rest
 * too: it is then unrated, not 0. */
static void
test_add_clears_optional_pain (Fixture       *fixture,
                               gconstpointer  data)
{
  g_auto(PatellaCliResult) first = { 0 };
  g_auto(PatellaCliResult) cleared = { 0 };
  g_auto(PatellaCliResult) refused = { 0 };
  g_auto(PatellaCliResult) text = { 0 };

  run_cli (&first, fixture->db, "journal", "add", "--date", "2026-03-05", "--pain", "3",
           "--pain-activity", "4", "--pain-morning", "2", NULL);
  g_assert_cmpint (first.status, ==, 0);

  run_cli (&cleared, fixture->db, "journal", "add", "--date", "2026-03-05",
           "--pain-activity", "none", NULL);
  g_assert_cmpint (cleared.status, ==, 0);

  run_cli (&refused, fixture->db, "journal", "add", "--date", "2026-03-05", "--pain", "none",
           NULL);
  g_assert_cmpint (refused.status, ==, 0);

  assert_journal_csv (fixture, "2026-03-05,,,2,,\n");

  run_cli (&text, fixture->db, "journal", "list", NULL);
  g_assert_nonnull (strstr (text.out, "2026-03-05  at rest – · during activity – · "
                                      "next morning 2/10"));
}

/* A symptom written on a new day rates nothing: pain at rest stays unrated
 * (null in JSON, empty in CSV), not 0/10. */
static void
test_add_symptom_rates_nothing (Fixture       *fixture,
                                gconstpointer  data)
{
  g_auto(PatellaCliResult) added = { 0 };
  g_auto(PatellaCliResult) json = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *entry;

  run_cli (&added, fixture->db, "journal", "add", "--date", "2026-03-05", "--symptom",
           "swelling", NULL);
  g_assert_cmpint (added.status, ==, 0);

  assert_journal_csv (fixture, "2026-03-05,,,,swelling,\n");

  run_cli (&json, fixture->db, "journal", "list", "--format", "json", NULL);
  json_parser_load_from_data (parser, json.out, -1, &error);
  g_assert_no_error (error);
  entry = json_array_get_object_element (json_node_get_array (json_parser_get_root (parser)), 0);
  g_assert_true (json_object_get_null_member (entry, "pain"));
}

/* --symptom adds to the day's symptoms, a red flag included; --no-symptom
 * takes one away, --clear-symptoms all of them. */
static void
test_add_symptoms_adds (Fixture       *fixture,
                        gconstpointer  data)
{
  g_auto(PatellaCliResult) first = { 0 };
  g_auto(PatellaCliResult) second = { 0 };
  g_auto(PatellaCliResult) third = { 0 };
  g_auto(PatellaCliResult) both = { 0 };
  g_auto(PatellaCliResult) cleared = { 0 };

  run_cli (&first, fixture->db, "journal", "add", "--date", "2026-03-05", "--pain", "3",
           "--symptom", "locking", "--symptom", "swelling", NULL);
  g_assert_cmpint (first.status, ==, 0);
  run_cli (&second, fixture->db, "journal", "add", "--date", "2026-03-05",
           "--symptom", "grinding", "--no-symptom", "swelling", NULL);
  g_assert_cmpint (second.status, ==, 0);
  assert_journal_csv (fixture, "2026-03-05,3,,,grinding;locking,\n");

  /* The same code both ways is refused, and nothing changes. */
  run_cli (&both, fixture->db, "journal", "add", "--date", "2026-03-05",
           "--symptom", "grinding", "--no-symptom", "grinding", NULL);
  g_assert_cmpint (both.status, ==, 1);
  g_assert_nonnull (strstr (both.err, "both --symptom and --no-symptom"));
  assert_journal_csv (fixture, "2026-03-05,3,,,grinding;locking,\n");

  run_cli (&cleared, fixture->db, "journal", "add", "--date", "2026-03-05",
           "--clear-symptoms", NULL);
  g_assert_cmpint (cleared.status, ==, 0);
  run_cli (&third, fixture->db, "journal", "add", "--date", "2026-03-05",
           "--clear-symptoms", "--symptom", "sharp-pain", NULL);
  g_assert_cmpint (third.status, ==, 0);
  assert_journal_csv (fixture, "2026-03-05,3,,,sharp-pain,\n");
}

static void
test_add_prints_advice (Fixture       *fixture,
                        gconstpointer  data)
{
  g_auto(PatellaCliResult) result = { 0 };

  run_cli (&result, fixture->db, "journal", "add", "--date", "2026-03-05", "--pain", "3",
           "--pain-activity", "8", NULL);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_nonnull (strstr (result.out, "Advice: Pain during activity went above 5/10"));
}

/* The zones belong to pain during activity; urgent advice says "Today". */
static void
test_zones_and_urgency (Fixture       *fixture,
                        gconstpointer  data)
{
  g_auto(PatellaCliResult) add = { 0 };
  g_auto(PatellaCliResult) list = { 0 };

  run_cli (&add, fixture->db, "journal", "add", "--date", "2026-03-05", "--pain", "7",
           "--pain-activity", "4", "--pain-morning", "6", "--symptom", "locking", NULL);
  g_assert_cmpint (add.status, ==, 0);
  g_assert_nonnull (strstr (add.out, "Advice: Today — Your knee locked and cannot straighten: "
                                     "get urgent medical care today.\n"));
  g_assert_null (strstr (add.out, "Rest"));

  run_cli (&list, fixture->db, "journal", "list", NULL);
  g_assert_cmpint (list.status, ==, 0);
  g_assert_nonnull (strstr (list.out, "2026-03-05  at rest 7/10 · during activity 4/10, "
                                      "Acceptable (3–5) · next morning 6/10\n"));
  g_assert_null (strstr (list.out, "Too much"));
}

typedef struct
{
  const char *name;
  const char *args[8];
  const char *message_part;
} BadInput;

static void
test_bad_input_refused (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *long_note = g_strnfill (10001, 'n');
  const BadInput cases[] = {
    { "pain -1", { "add", "--date", "2026-03-01", "--pain", "-1" }, "0 (none) to 10" },
    { "pain=-1", { "add", "--date", "2026-03-01", "--pain=-1" }, "0 (none) to 10" },
    { "pain 11", { "add", "--date", "2026-03-01", "--pain", "11" }, "0 (none) to 10" },
    { "pain x", { "add", "--date", "2026-03-01", "--pain", "x" }, "neither a rating nor “none”" },
    { "activity pain 12", { "add", "--date", "2026-03-01", "--pain-activity", "12" }, "0 (none)" },
    { "morning pain nothing", { "add", "--date", "2026-03-01", "--pain-morning", "nothing" },
      "neither a rating nor “none”" },
    { "morning pain 2.5", { "add", "--date", "2026-03-01", "--pain-morning", "2.5" }, "whole" },
    { "no such day", { "add", "--date", "2026-02-30", "--pain", "1" }, "calendar" },
    { "not a date", { "add", "--date", "14/03/2026", "--pain", "1" }, "YYYY-MM-DD" },
    { "future", { "add", "--date", "2999-01-01", "--pain", "1" }, "future" },
    { "new day with nothing", { "add", "--date", "2026-02-01" }, "a symptom or a note" },
    { "unknown symptom", { "add", "--date", "2026-03-01", "--symptom", "wobbly-knee" },
      "use one of: ache-behind-kneecap, sharp-pain, pain-stairs, pain-downhill, pain-sitting, "
      "pain-squatting, swelling, grinding, locking, instability, outer-knee-pain" },
    { "note over the limit", { "add", "--date", "2026-03-01", "--note", long_note }, "10000" },
    { "note not UTF-8", { "add", "--date", "2026-03-01", "--note", "caf\xe9" }, "UTF-8" },
    { "symptom not UTF-8", { "add", "--date", "2026-03-01", "--symptom", "sw\xfflling" },
      "UTF-8" },
    { "list from a bad day", { "list", "--from", "2026-13-01" }, "2026-13-01" },
    { "list from after to", { "list", "--from", "2026-03-02", "--to", "2026-03-01" }, "--from" },
  };
  g_autofree char *before = NULL;

  add_three_days (fixture);
  before = patella_test_dump_db (fixture->db);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GPtrArray) args = g_ptr_array_new ();
      g_auto(PatellaCliResult) result = { 0 };
      g_autofree char *after = NULL;
      const char *err;

      g_test_message ("case: %s", cases[i].name);
      g_ptr_array_add (args, (char *) "--db");
      g_ptr_array_add (args, fixture->db);
      g_ptr_array_add (args, (char *) "journal");
      for (guint a = 0; cases[i].args[a] != NULL; a++)
        g_ptr_array_add (args, (char *) cases[i].args[a]);
      g_ptr_array_add (args, NULL);

      patella_test_run_cli_argv (&result, NULL, (const char * const *) args->pdata);
      err = result.err;
      g_assert_cmpint (result.status, ==, 1);
      g_assert_cmpstr (result.out, ==, "");
      g_assert_true (g_str_has_prefix (err, "patella-cli: "));
      g_assert_true (g_str_has_suffix (err, "\n"));
      g_assert_true (strchr (err, '\n') == err + strlen (err) - 1);
      g_assert_nonnull (strstr (err, cases[i].message_part));

      after = patella_test_dump_db (fixture->db);
      g_assert_cmpstr (before, ==, after);
    }
}

static void
test_usage_errors (Fixture       *fixture,
                   gconstpointer  data)
{
  g_auto(PatellaCliResult) bare = { 0 };
  g_auto(PatellaCliResult) unknown = { 0 };
  g_auto(PatellaCliResult) option = { 0 };
  g_auto(PatellaCliResult) format = { 0 };
  g_auto(PatellaCliResult) help = { 0 };

  run_cli (&bare, fixture->db, "journal", NULL);
  g_assert_cmpint (bare.status, ==, 2);
  run_cli (&unknown, fixture->db, "journal", "remove", NULL);
  g_assert_cmpint (unknown.status, ==, 2);
  g_assert_true (g_str_has_prefix (unknown.err, "patella-cli: "));
  run_cli (&option, fixture->db, "journal", "add", "--mood", "3", NULL);
  g_assert_cmpint (option.status, ==, 2);
  run_cli (&format, fixture->db, "journal", "list", "--format", "yaml", NULL);
  g_assert_cmpint (format.status, ==, 2);
  g_assert_nonnull (strstr (format.err, "text, csv or json"));

  /* None of these opened the database. */
  g_assert_false (g_file_test (fixture->db, G_FILE_TEST_EXISTS));

  run_cli (&help, fixture->db, "journal", "add", "--help", NULL);
  g_assert_cmpint (help.status, ==, 0);
  g_assert_nonnull (strstr (help.out, "--pain-activity"));
  g_assert_nonnull (strstr (help.out, "--symptom"));
}

static void
test_status_includes_journal (Fixture       *fixture,
                              gconstpointer  data)
{
  g_auto(PatellaCliResult) before = { 0 };
  g_auto(PatellaCliResult) after = { 0 };
  g_auto(PatellaCliResult) text = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonParser) parser2 = json_parser_new ();
  JsonObject *today;
  JsonObject *item;
  JsonArray *advice;
  JsonArray *items;

  run_cli (&before, fixture->db, "status", "--format", "json", NULL);
  g_assert_cmpint (before.status, ==, 0);
  g_assert_true (json_parser_load_from_data (parser, before.out, -1, NULL));
  g_assert_true (json_object_get_null_member (json_node_get_object (json_parser_get_root (parser)),
                                              "journal_today"));

  RUN_OK (fixture->db, "journal", "add", "--pain", "4", "--pain-activity", "7", "--symptom",
          "locking");

  run_cli (&after, fixture->db, "status", "--format", "json", NULL);
  g_assert_true (json_parser_load_from_data (parser2, after.out, -1, NULL));
  today = json_object_get_object_member (json_node_get_object (json_parser_get_root (parser2)),
                                         "journal_today");
  g_assert_nonnull (today);
  g_assert_cmpint (json_object_get_int_member (today, "pain"), ==, 4);
  g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (today, "symptoms"),
                                                  0), ==, "locking");
  advice = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser2)),
                                         "advice");
  g_assert_cmpuint (json_array_get_length (advice), ==, 2);
  g_assert_nonnull (strstr (json_array_get_string_element (advice, 0), "urgent medical care today"));

  /* The same advice with its urgency, evidence and source, same-day first. */
  items = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser2)),
                                        "advice_items");
  g_assert_cmpuint (json_array_get_length (items), ==, 2);
  item = json_array_get_object_element (items, 0);
  g_assert_cmpstr (json_object_get_string_member (item, "id"), ==, "locked-knee");
  g_assert_cmpstr (json_object_get_string_member (item, "kind"), ==, "see-clinician");
  g_assert_cmpstr (json_object_get_string_member (item, "urgency"), ==, "same-day");
  g_assert_cmpstr (json_object_get_string_member (item, "evidence"), ==, "guideline");
  g_assert_cmpstr (json_object_get_string_member (item, "text"), ==,
                   json_array_get_string_element (advice, 0));
  g_assert_nonnull (strstr (json_object_get_string_member (item, "source"), "NHS"));
  g_assert_nonnull (strstr (json_object_get_string_member (item, "why"), "runner’s knee"));
  item = json_array_get_object_element (items, 1);
  g_assert_cmpstr (json_object_get_string_member (item, "id"), ==, "activity-pain-too-much");
  g_assert_cmpstr (json_object_get_string_member (item, "kind"), ==, "ease-off");
  g_assert_true (json_object_get_null_member (item, "urgency"));
  g_assert_cmpstr (json_object_get_string_member (item, "evidence"), ==, "study");
  g_assert_nonnull (strstr (json_object_get_string_member (item, "source"), "Thomeé, Phys Ther 1997"));

  run_cli (&text, fixture->db, "status", NULL);
  g_assert_nonnull (strstr (text.out, "Journal today: pain at rest 4/10 · during activity 7/10, "
                                      "Too much (above 5)"));
  g_assert_nonnull (strstr (text.out, "  • Today — Your knee locked and cannot straighten"));
  g_assert_nonnull (strstr (text.out, "    Evidence: guideline. Source: NHS"));
  g_assert_nonnull (strstr (text.out, "    Evidence: study. Source: Pain-monitoring model"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) patella_cli_test_add ("/cli-journal/" name, (func))

  ADD ("list-csv-golden", test_list_csv_golden);
  ADD ("list-json-golden", test_list_json_golden);
  ADD ("list-text", test_list_text);
  ADD ("add-updates-given-fields", test_add_updates_given_fields);
  ADD ("add-clears-optional-pain", test_add_clears_optional_pain);
  ADD ("add-symptom-rates-nothing", test_add_symptom_rates_nothing);
  ADD ("add-prints-advice", test_add_prints_advice);
  ADD ("add-symptoms-adds", test_add_symptoms_adds);
  ADD ("zones-and-urgency", test_zones_and_urgency);
  ADD ("bad-input-refused", test_bad_input_refused);
  ADD ("usage-errors", test_usage_errors);
  ADD ("status-includes-journal", test_status_includes_journal);

#undef ADD

  return g_test_run ();
}
