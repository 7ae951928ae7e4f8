/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "patella-journal.h"
#include "patella-plan.h"
#include "patella-store.h"
#include "patella-test-cli.h"
#include "patella-test-db.h"
#include "patella-test-utils.h"

/* patella-cli plan on the real clock. Histories in the past are written
 * through the core on a fake clock set relative to the real today. */

typedef PatellaCliFixture Fixture;

#define run_cli(result, env_db, ...) patella_test_run_cli (result, env_db, __VA_ARGS__)

/* Today moved by @n_days, in strftime's @format. */
static char *
from_today (int         n_days,
            const char *format)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) then = g_date_time_add_days (now, n_days);

  return g_date_time_format (then, format);
}

static char *
day_from_today (int n_days)
{
  return from_today (n_days, "%Y-%m-%d");
}

static void
set_clock (PatellaClock *clock,
           int           n_days,
           int           hour)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) then = g_date_time_add_days (now, n_days);
  g_autoptr(GDateTime) at = g_date_time_new_local (g_date_time_get_year (then),
                                                   g_date_time_get_month (then),
                                                   g_date_time_get_day_of_month (then),
                                                   hour, 0, 0);

  patella_clock_set_now (clock, g_date_time_to_unix (at) * G_USEC_PER_SEC);
}

static void
rate_morning (PatellaStore *store,
              int           n_days,
              int           morning)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *day = day_from_today (n_days);
  PatellaJournalChange change = PATELLA_JOURNAL_CHANGE_INIT;

  change.pain_rest = 1;
  change.pain_morning = morning;
  g_assert_true (patella_journal_save (store, day, &change, NULL, &error));
  g_assert_no_error (error);
}

/* Six days of plan: started at phase 3, one good session held, a second
 * advanced to phase 4, then a 4/10 session two days ago still waiting. */
static void
write_history (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PatellaClock) clock = patella_clock_new_fake (0);
  g_autoptr(PatellaStore) store = NULL;

  set_clock (clock, -6, 9);
  store = patella_store_open (fixture->db, clock, &error);
  g_assert_no_error (error);

  g_assert_true (patella_plan_start (store, 3, PATELLA_PLAN_RULE_STRICT, &error));
  set_clock (clock, -6, 18);
  g_assert_true (patella_plan_log (store, NULL, 1, 1, "first", &error));
  set_clock (clock, -5, 8);
  rate_morning (store, -6, 1);
  g_assert_true (patella_plan_update (store, &error));
  set_clock (clock, -4, 18);
  g_assert_true (patella_plan_log (store, NULL, 1, PATELLA_PAIN_NONE, NULL, &error));
  set_clock (clock, -3, 8);
  rate_morning (store, -4, 1);
  g_assert_true (patella_plan_update (store, &error));
  set_clock (clock, -2, 18);
  g_assert_true (patella_plan_log (store, NULL, 4, 3, NULL, &error));
  g_assert_no_error (error);
}

/* patella-cli refuses @args with a message containing @needle, and the
 * database is as it was. */
static void
assert_refused_unchanged (Fixture            *fixture,
                          const char         *needle,
                          const char * const *args)
{
  g_auto(PatellaCliResult) result = { 0 };
  g_autofree char *before = patella_test_dump_db (fixture->db);

  patella_test_run_cli_argv (&result, fixture->db, args);
  patella_test_assert_refused (&result, needle);
  patella_test_assert_db_unchanged (fixture->db, before);
}

#define REFUSED_UNCHANGED(fixture, needle, ...) \
  assert_refused_unchanged ((fixture), (needle), (const char *[]) { __VA_ARGS__, NULL })

/* The ids are random: replace them before comparing. */
static char *
mask_ids (const char *json)
{
  g_autoptr(GRegex) regex = g_regex_new ("\"id\" : \"[0-9a-f-]{36}\"", 0, 0, NULL);

  return g_regex_replace_literal (regex, json, -1, 0, "\"id\" : \"ID\"", 0, NULL);
}

/* "@DAY-N@" becomes the day N days ago, "@WEEKDAY-N@" its weekday. */
static gboolean
expand_day (const GMatchInfo *match,
            GString          *out,
            gpointer          data)
{
  g_autofree char *kind = g_match_info_fetch (match, 1);
  g_autofree char *back = g_match_info_fetch (match, 2);
  g_autofree char *text = from_today (-(int) g_ascii_strtoll (back, NULL, 10),
                                      g_str_equal (kind, "DAY") ? "%Y-%m-%d" : "%A");

  g_string_append (out, text);
  return FALSE;
}

/* tests/golden/@name, its days relative to today filled in. */
static char *
read_golden (const char *name)
{
  g_autoptr(GRegex) regex = g_regex_new ("@(DAY|WEEKDAY)-([0-9]+)@", 0, 0, NULL);
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "golden", name, NULL);
  g_autofree char *golden = NULL;
  g_autoptr(GError) error = NULL;
  char *expanded;

  g_file_get_contents (path, &golden, NULL, &error);
  g_assert_no_error (error);
  expanded = g_regex_replace_eval (regex, golden, -1, 0, 0, expand_day, NULL, &error);
  g_assert_no_error (error);
  return expanded;
}

static void
test_show_json_golden (Fixture       *fixture,
                       gconstpointer  data)
{
  g_auto(PatellaCliResult) result = { 0 };
  g_autofree char *masked = NULL;
  g_autofree char *expected = NULL;

  write_history (fixture);
  run_cli (&result, fixture->db, "plan", "show", "--format", "json", NULL);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_cmpstr (result.err, ==, "");

  masked = mask_ids (result.out);
  expected = read_golden ("plan-show.json");
  g_assert_cmpstr (masked, ==, expected);

  /* Decided once: showing again adds nothing. */
  {
    g_auto(PatellaCliResult) again = { 0 };
    g_autofree char *masked_again = NULL;

    run_cli (&again, fixture->db, "plan", "show", "--format", "json", NULL);
    masked_again = mask_ids (again.out);
    g_assert_cmpstr (masked_again, ==, expected);
  }
}

static void
test_show_text_golden (Fixture       *fixture,
                       gconstpointer  data)
{
  g_auto(PatellaCliResult) result = { 0 };
  g_autofree char *d0 = day_from_today (0);
  g_autofree char *w2 = from_today (-2, "%A");
  g_autofree char *expected = NULL;

  write_history (fixture);
  run_cli (&result, fixture->db, "plan", "show", NULL);
  g_assert_cmpint (result.status, ==, 0);
  expected = g_strdup_printf (
    "Recovery plan: phase 4 of 9, Walk/Run 2 (strict rule: pain during at most 2/10)\n"
    "Today: Walk/run: a 5-minute warm-up walk, then 6 × (3 min run, 2 min walk).\n"
    "Latest decision (%s): Held at phase 4: the session on %s was 4/10, above what your rule "
    "allows to advance.\n"
    "Strength exercises: more reps or a longer hold\n", d0, w2);
  g_assert_cmpstr (result.out, ==, expected);
}

static void
test_show_no_plan (Fixture       *fixture,
                   gconstpointer  data)
{
  g_auto(PatellaCliResult) result = { 0 };
  g_autoptr(JsonNode) root = NULL;
  JsonObject *object;

  run_cli (&result, fixture->db, "plan", "show", "--format", "json", NULL);
  g_assert_cmpint (result.status, ==, 0);
  root = patella_test_parse_json (result.out);
  object = json_node_get_object (root);
  g_assert_false (json_object_get_boolean_member (object, "active"));
  g_assert_true (json_object_get_null_member (object, "phase"));
  g_assert_true (json_object_get_null_member (object, "decision"));
  g_assert_cmpint (json_object_get_int_member (object, "phase_count"), ==, 9);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (object, "today"),
                                                  "kind"), ==, "none");
}

static void
test_start_refused (Fixture       *fixture,
                    gconstpointer  data)
{
  const char *bad[][2] = {
    { "0", "There is no phase 0" },
    { "10", "There is no phase 10" },
    { "three", "“three” is not a phase" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_auto(PatellaCliResult) result = { 0 };

      run_cli (&result, fixture->db, "plan", "start", "--phase", bad[i][0], NULL);
      patella_test_assert_refused (&result, bad[i][1]);
    }
  /* Nothing was even created. */
  g_assert_false (g_file_test (fixture->db, G_FILE_TEST_EXISTS));

  {
    g_auto(PatellaCliResult) ok = { 0 };

    run_cli (&ok, fixture->db, "plan", "start", "--rule", "standard", NULL);
    g_assert_cmpint (ok.status, ==, 0);
    g_assert_nonnull (strstr (ok.out, "phase 1 of 9, Calm and Strengthen (standard rule: pain "
                                      "during at most 5/10)"));
    REFUSED_UNCHANGED (fixture, "A plan is already running (phase 1",
                       "plan", "start", "--phase", "3");
    REFUSED_UNCHANGED (fixture, "“lenient” is not a rule", "plan", "start", "--rule", "lenient");
  }
}

static void
test_pause_resume_stop (Fixture       *fixture,
                        gconstpointer  data)
{
  g_auto(PatellaCliResult) result = { 0 };
  g_autoptr(JsonNode) root = NULL;
  JsonObject *object;

  run_cli (&result, fixture->db, "plan", "pause", NULL);
  patella_test_assert_refused (&result, "No plan has been started");

  run_cli (&result, fixture->db, "plan", "start", "--phase", "5", NULL);
  g_assert_cmpint (result.status, ==, 0);

  run_cli (&result, fixture->db, "plan", "pause", "--format", "json", NULL);
  g_assert_cmpint (result.status, ==, 0);
  root = patella_test_parse_json (result.out);
  object = json_node_get_object (root);
  g_assert_false (json_object_get_boolean_member (object, "active"));
  g_assert_cmpstr (json_object_get_string_member (object, "decision"), ==, "paused");
  g_assert_cmpstr (json_object_get_string_member (object, "reason"), ==,
                   "Paused at phase 5, as you asked.");
  g_clear_pointer (&root, json_node_unref);

  run_cli (&result, fixture->db, "plan", "log", "--pain", "1", NULL);
  patella_test_assert_refused (&result, "paused");

  run_cli (&result, fixture->db, "plan", "resume", "--format", "json", NULL);
  g_assert_cmpint (result.status, ==, 0);
  root = patella_test_parse_json (result.out);
  object = json_node_get_object (root);
  g_assert_true (json_object_get_boolean_member (object, "active"));
  g_assert_cmpstr (json_object_get_string_member (object, "decision"), ==, "hold");
  g_assert_cmpint (json_object_get_int_member (object, "phase"), ==, 5);
  g_clear_pointer (&root, json_node_unref);

  run_cli (&result, fixture->db, "plan", "stop", "--format", "json", NULL);
  g_assert_cmpint (result.status, ==, 0);
  root = patella_test_parse_json (result.out);
  object = json_node_get_object (root);
  g_assert_false (json_object_get_boolean_member (object, "active"));
  g_assert_cmpstr (json_object_get_string_member (object, "state"), ==, "stopped");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object, "history")), ==,
                    4);

  /* Starting again asks where. */
  REFUSED_UNCHANGED (fixture, "choose where to start again", "plan", "start");
  REFUSED_UNCHANGED (fixture, "The plan is stopped", "plan", "stop");

  run_cli (&result, fixture->db, "plan", "start", "--phase", "5", NULL);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_nonnull (strstr (result.out, "Latest decision"));
}

static void
test_log (Fixture       *fixture,
          gconstpointer  data)
{
  g_auto(PatellaCliResult) result = { 0 };
  g_autofree char *before = NULL;
  g_autofree char *tomorrow = day_from_today (1);
  g_autofree char *yesterday = day_from_today (-1);
  g_autofree char *today = day_from_today (0);
  g_autofree char *expected = NULL;

  run_cli (&result, fixture->db, "plan", "log", "--pain", "1", NULL);
  patella_test_assert_refused (&result, "No plan has been started");

  run_cli (&result, fixture->db, "plan", "start", "--phase", "4", NULL);
  g_assert_cmpint (result.status, ==, 0);
  before = patella_test_dump_db (fixture->db);

  run_cli (&result, fixture->db, "plan", "log", "--pain", "11", NULL);
  patella_test_assert_refused (&result, "0 (none) to 10");
  run_cli (&result, fixture->db, "plan", "log", "--pain", "2", "--pain-after", "-1", NULL);
  g_assert_cmpint (result.status, !=, 0);
  run_cli (&result, fixture->db, "plan", "log", "--pain", "2", "--date", tomorrow, NULL);
  patella_test_assert_refused (&result, "is in the future");
  run_cli (&result, fixture->db, "plan", "log", "--pain", "2", "--date", yesterday, NULL);
  patella_test_assert_refused (&result, "before the plan started");
  run_cli (&result, fixture->db, "plan", "log", "--pain", "2", "--date", "2026-02-30", NULL);
  g_assert_cmpint (result.status, ==, 1);
  patella_test_assert_db_unchanged (fixture->db, before);

  run_cli (&result, fixture->db, "plan", "log", NULL);
  g_assert_cmpint (result.status, ==, 2);
  g_assert_nonnull (strstr (result.err, "needs --pain"));
  run_cli (&result, fixture->db, "plan", "log", "--pain", "1", "--speed", "3", NULL);
  g_assert_cmpint (result.status, ==, 2);
  patella_test_assert_db_unchanged (fixture->db, before);

  /* Too much: stepped back at once, and said so. */
  run_cli (&result, fixture->db, "plan", "log", "--pain", "7", "--pain-after", "5", "--note",
           "hill", NULL);
  g_assert_cmpint (result.status, ==, 0);
  expected = g_strdup_printf ("Logged the session of %s: pain during 7/10.\n"
                              "Stepped back to phase 3: the session today was 7/10, too much "
                              "(above 5).\n", today);
  g_assert_cmpstr (result.out, ==, expected);

  REFUSED_UNCHANGED (fixture, "one session a day", "plan", "log", "--pain", "1");
}

/* The Shoes view's load checks show beside a running phase's session. */
static void
test_load_warning (Fixture       *fixture,
                   gconstpointer  data)
{
  g_auto(PatellaCliResult) result = { 0 };
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *week_ago = day_from_today (-7);
  JsonArray *warnings;

  run_cli (&result, fixture->db, "run", "add", "--date", week_ago, "--distance", "5km", NULL);
  g_assert_cmpint (result.status, ==, 0);
  run_cli (&result, fixture->db, "run", "add", "--distance", "12km", NULL);
  g_assert_cmpint (result.status, ==, 0);

  /* Not before the plan runs again. */
  run_cli (&result, fixture->db, "plan", "start", "--phase", "1", NULL);
  g_assert_null (strstr (result.out, "Load: "));
  run_cli (&result, fixture->db, "plan", "stop", NULL);

  run_cli (&result, fixture->db, "plan", "start", "--phase", "9", NULL);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_nonnull (strstr (result.out, "\nLoad: "));

  run_cli (&result, fixture->db, "plan", "show", "--format", "json", NULL);
  root = patella_test_parse_json (result.out);
  warnings = json_object_get_array_member (json_node_get_object (root), "load_warnings");
  g_assert_cmpuint (json_array_get_length (warnings), >=, 1);
}

static void
test_usage (Fixture       *fixture,
            gconstpointer  data)
{
  g_auto(PatellaCliResult) result = { 0 };

  run_cli (&result, fixture->db, "plan", NULL);
  g_assert_cmpint (result.status, ==, 2);
  run_cli (&result, fixture->db, "plan", "advance", NULL);
  g_assert_cmpint (result.status, ==, 2);
  g_assert_nonnull (strstr (result.err, "Unknown plan command “advance”"));
  run_cli (&result, fixture->db, "plan", "show", "--format", "csv", NULL);
  g_assert_cmpint (result.status, ==, 2);
  run_cli (&result, fixture->db, "plan", "--help", NULL);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_nonnull (strstr (result.out, "plan log [--date DATE] --pain N"));
  g_assert_false (g_file_test (fixture->db, G_FILE_TEST_EXISTS));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) patella_cli_test_add ("/cli-plan/" name, (func))

  ADD ("show-json-golden", test_show_json_golden);
  ADD ("show-text-golden", test_show_text_golden);
  ADD ("show-no-plan", test_show_no_plan);
  ADD ("start-refused", test_start_refused);
  ADD ("pause-resume-stop", test_pause_resume_stop);
  ADD ("log", test_log);
  ADD ("load-warning", test_load_warning);
  ADD ("usage", test_usage);

  return g_test_run ();
}
