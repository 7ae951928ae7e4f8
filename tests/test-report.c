/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "patella-error.h"
#include "patella-report.h"
#include "patella-test-data.h"
#include "patella-test-store.h"

#define exec patella_store_fixture_exec

/* The fake clock's today is Saturday 2026-03-14; the default period is the
 * six weeks from Sunday 2026-02-01. Weeks start on Monday in C.UTF-8. */

static PatellaReport *
build (PatellaStoreFixture        *fixture,
       const PatellaReportOptions *options)
{
  g_autoptr(GError) error = NULL;
  PatellaReport *report = patella_report_build (fixture->store, options, &error);

  g_assert_no_error (error);
  g_assert_nonnull (report);
  return report;
}

static const PatellaReportOptions defaults = { NULL, NULL, NULL, FALSE, 4, PATELLA_UNIT_KM };

/* patella_test_fill_report(), and more: a note in two scripts, a run the
 * week before the first week, icing on two more days. */
static void
fill (PatellaStoreFixture *fixture)
{
  patella_test_fill_report (fixture->store);
  exec (fixture,
        "INSERT INTO journal_entry (day, pain_rest, pain_activity, pain_morning, note, created_us,"
        " updated_us) VALUES ('2026-03-02', 2, NULL, NULL, 'مرحبا بالعالم 你好，世界', 1, 1);"
        "INSERT INTO journal_symptom (day, code) VALUES ('2026-03-02', 'pain-stairs');"
        "INSERT INTO run (day, distance_m, shoe_id, created_us) VALUES ('2026-01-20', 10000, 1, 1);"
        "INSERT INTO session (kind, day, state, started_us, planned_s, ended_us, duration_s)"
        " VALUES ('icing', '2026-03-02', 'finished', 1, 900, 2, 900),"
        " ('icing', '2026-03-03', 'stopped', 1, 900, 2, 300);");
}

static const PatellaReportDay *
day_of (const PatellaReport *report,
        const char          *day)
{
  for (guint i = 0; i < report->days->len; i++)
    if (g_str_equal (g_array_index (report->days, PatellaReportDay, i).day, day))
      return &g_array_index (report->days, PatellaReportDay, i);

  g_error ("no day %s in the report", day);
}

static void
test_empty (PatellaStoreFixture *fixture,
            gconstpointer        data)
{
  g_autoptr(PatellaReport) report = build (fixture, &defaults);
  g_autofree char *trend = NULL;

  g_assert_cmpstr (report->from, ==, "2026-02-01");
  g_assert_cmpstr (report->to, ==, "2026-03-14");
  g_assert_cmpstr (report->made, ==, "2026-03-14");
  g_assert_cmpstr (report->title, ==, "Knee report");
  g_assert_cmpuint (report->n_days, ==, 42);
  g_assert_cmpuint (report->days->len, ==, 42);
  g_assert_cmpuint (report->weeks->len, ==, 7);
  g_assert_cmpstr (g_array_index (report->weeks, PatellaReportWeek, 0).start, ==, "2026-01-26");
  g_assert_cmpuint (report->n_entries, ==, 0);
  g_assert_cmpuint (report->n_runs, ==, 0);
  g_assert_cmpuint (report->symptoms->len, ==, 0);
  g_assert_cmpuint (report->advice->len, ==, 0);
  g_assert_cmpuint (report->insights->len, ==, 0);
  g_assert_cmpuint (report->shoes->len, ==, 0);
  g_assert_null (report->notes);
  g_assert_cmpint (report->trend, ==, PATELLA_REPORT_TREND_UNKNOWN);
  g_assert_cmpint (day_of (report, "2026-02-01")->pain_rest, ==, -1);

  trend = patella_report_format_trend (report);
  g_assert_nonnull (strstr (trend, "Not enough entries to tell a trend"));
}

static void
test_title (PatellaStoreFixture *fixture,
            gconstpointer        data)
{
  PatellaReportOptions options = defaults;
  g_autoptr(PatellaReport) named = NULL;
  g_autoptr(PatellaReport) blank = NULL;

  options.name = "  Alex Müller ";
  named = build (fixture, &options);
  g_assert_cmpstr (named->title, ==, "Knee report for Alex Müller");

  options.name = "   ";
  blank = build (fixture, &options);
  g_assert_cmpstr (blank->title, ==, "Knee report");
}

static void
test_bad_period (PatellaStoreFixture *fixture,
                 gconstpointer        data)
{
  static const struct { const char *from; const char *to; const char *message; } cases[] = {
    { "2026-03-10", "2026-03-01", "ends (2026-03-01) before it starts (2026-03-10)" },
    { NULL, "2026-03-15", "ends in the future (2026-03-15)" },
    { "2026-03-20", NULL, "ends (2026-03-14) before it starts (2026-03-20)" },
    { "2020-01-01", "2026-03-14", "at most 1096 days" },
    { "yesterday", NULL, "is not a date" },
    { "2026-02-30", NULL, "not a day of the calendar" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      PatellaReportOptions options = defaults;
      g_autoptr(GError) error = NULL;
      g_autoptr(PatellaReport) report = NULL;

      options.from = cases[i].from;
      options.to = cases[i].to;
      report = patella_report_build (fixture->store, &options, &error);
      g_assert_null (report);
      g_assert_error (error, PATELLA_ERROR, PATELLA_ERROR_INVALID);
      if (strstr (error->message, cases[i].message) == NULL)
        g_error ("case %u: “%s” lacks “%s”", i, error->message, cases[i].message);
    }
}

static void
test_pain (PatellaStoreFixture *fixture,
           gconstpointer        data)
{
  g_autoptr(PatellaReport) report = NULL;
  const PatellaReportWeek *week;
  g_autofree char *trend = NULL;

  fill (fixture);
  /* A day with a symptom and no pain rated: no 0 in the averages. */
  exec (fixture,
        "INSERT INTO journal_entry (day, pain_rest, created_us, updated_us)"
        " VALUES ('2026-02-06', NULL, 1, 1);"
        "INSERT INTO journal_symptom (day, code) VALUES ('2026-02-06', 'grinding');");
  report = build (fixture, &defaults);

  g_assert_cmpuint (report->n_entries, ==, 10);
  g_assert_cmpint (day_of (report, "2026-02-06")->pain_rest, ==, PATELLA_PAIN_NONE);
  g_assert_cmpint (day_of (report, "2026-02-04")->pain_rest, ==, 4);
  g_assert_cmpint (day_of (report, "2026-02-04")->pain_activity, ==, 7);
  g_assert_cmpint (day_of (report, "2026-03-12")->pain_morning, ==, 3);
  g_assert_cmpint (day_of (report, "2026-03-13")->pain_rest, ==, -1);

  /* Zones count pain during activity only. */
  g_assert_cmpuint (report->n_activity, ==, 3);
  g_assert_cmpuint (report->zone_days[PATELLA_PAIN_ZONE_SAFE], ==, 1);
  g_assert_cmpuint (report->zone_days[PATELLA_PAIN_ZONE_ACCEPTABLE], ==, 1);
  g_assert_cmpuint (report->zone_days[PATELLA_PAIN_ZONE_TOO_MUCH], ==, 1);

  week = &g_array_index (report->weeks, PatellaReportWeek, 1);
  g_assert_cmpstr (week->start, ==, "2026-02-02");
  g_assert_cmpuint (week->n_days, ==, 7);
  /* The week's journal days, the unrated one too (as the total counts it);
   * its average of pain at rest leaves that one out. */
  g_assert_cmpuint (week->n_entries, ==, 4);
  g_assert_cmpfloat_with_epsilon (week->rest, 4.0, 1e-9);
  {
    guint sum = 0;

    for (guint w = 0; w < report->weeks->len; w++)
      sum += g_array_index (report->weeks, PatellaReportWeek, w).n_entries;
    g_assert_cmpuint (sum, ==, report->n_entries);
  }
  g_assert_cmpfloat_with_epsilon (week->activity, 4.0, 1e-9);
  g_assert_cmpfloat (week->morning, <, 0);
  /* The first week holds one day of the period, the last six. */
  g_assert_cmpuint (g_array_index (report->weeks, PatellaReportWeek, 0).n_days, ==, 1);
  g_assert_cmpuint (g_array_index (report->weeks, PatellaReportWeek, 6).n_days, ==, 6);

  g_assert_cmpint (report->trend, ==, PATELLA_REPORT_TREND_BETTER);
  g_assert_cmpfloat_with_epsilon (report->trend_first, 4.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (report->trend_last, 2.0, 1e-9);
  trend = patella_report_format_trend (report);
  g_assert_cmpstr (trend, ==,
                   "Better: pain at rest averaged 2.0 at the end of the period against 4.0 at "
                   "its start.");
  g_assert_nonnull (strstr (patella_report_get_trend_rule (), "1 point or more"));
}

static void
test_trend_rule (PatellaStoreFixture *fixture,
                 gconstpointer        data)
{
  static const struct { int last_rest; PatellaReportTrend trend; } cases[] = {
    { 2, PATELLA_REPORT_TREND_BETTER },   /* 3.0 → 2.0: exactly 1 point lower */
    { 3, PATELLA_REPORT_TREND_SAME },
    { 4, PATELLA_REPORT_TREND_WORSE },    /* exactly 1 point higher */
  };

  exec (fixture,
        "INSERT INTO journal_entry (day, pain_rest, created_us, updated_us) VALUES"
        " ('2026-02-01', 3, 1, 1), ('2026-02-03', 3, 1, 1), ('2026-02-07', 3, 1, 1),"
        " ('2026-03-08', 0, 1, 1), ('2026-03-10', 0, 1, 1), ('2026-03-14', 0, 1, 1);");

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *sql = g_strdup_printf ("UPDATE journal_entry SET pain_rest = %d"
                                              " WHERE day >= '2026-03-01';", cases[i].last_rest);
      g_autoptr(PatellaReport) report = NULL;

      exec (fixture, sql);
      report = build (fixture, &defaults);
      g_assert_cmpint (report->trend, ==, cases[i].trend);
    }

  /* Two entries at one end are too few. */
  exec (fixture, "DELETE FROM journal_entry WHERE day = '2026-03-14';");
  {
    g_autoptr(PatellaReport) report = build (fixture, &defaults);

    g_assert_cmpint (report->trend, ==, PATELLA_REPORT_TREND_UNKNOWN);
    g_assert_cmpuint (report->trend_n_last, ==, 2);
  }
}

static void
test_symptoms_and_advice (PatellaStoreFixture *fixture,
                          gconstpointer        data)
{
  g_autoptr(PatellaReport) report = NULL;
  const PatellaReportSymptom *symptom;
  const PatellaReportAdvice *advice;

  fill (fixture);
  report = build (fixture, &defaults);

  g_assert_cmpuint (report->symptoms->len, ==, 2);
  symptom = g_ptr_array_index (report->symptoms, 0);
  g_assert_cmpstr (symptom->code, ==, "swelling");
  g_assert_true (symptom->red_flag);
  g_assert_cmpuint (symptom->days->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (symptom->days, 0), ==, "2026-03-05");
  symptom = g_ptr_array_index (report->symptoms, 1);
  g_assert_cmpstr (symptom->code, ==, "pain-stairs");
  g_assert_false (symptom->red_flag);
  g_assert_cmpuint (symptom->days->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (symptom->days, 1), ==, "2026-03-02");

  /* Seeing a clinician first, then easing off by first day. */
  g_assert_cmpuint (report->advice->len, ==, 4);
  advice = g_ptr_array_index (report->advice, 0);
  g_assert_cmpstr (advice->rule->id, ==, "pain-two-weeks");
  g_assert_cmpint (advice->rule->urgency, ==, PATELLA_URGENCY_SOON);
  g_assert_cmpstr (advice->first, ==, "2026-03-01");
  advice = g_ptr_array_index (report->advice, 1);
  g_assert_cmpstr (advice->rule->id, ==, "swelling");
  g_assert_cmpuint (advice->n_days, ==, 1);
  g_assert_cmpstr (advice->first, ==, "2026-03-05");
  advice = g_ptr_array_index (report->advice, 2);
  g_assert_cmpstr (advice->rule->id, ==, "activity-pain-too-much");
  g_assert_cmpstr (advice->first, ==, "2026-02-04");
  advice = g_ptr_array_index (report->advice, 3);
  g_assert_cmpstr (advice->rule->id, ==, "morning-pain-worse");
  g_assert_cmpstr (advice->last, ==, "2026-03-12");
}

static void
test_load (PatellaStoreFixture *fixture,
           gconstpointer        data)
{
  g_autoptr(PatellaReport) report = NULL;
  const PatellaReportWeek *week;
  const PatellaReportShoe *shoe;
  const PatellaLoadWarning *warning;

  fill (fixture);
  report = build (fixture, &defaults);

  /* Runs before the period count for the first week's change only. */
  g_assert_cmpuint (report->n_runs, ==, 3);
  g_assert_cmpint (report->distance_m, ==, 32000);
  g_assert_cmpint (report->longest_m, ==, 12000);
  g_assert_cmpstr (report->longest_day, ==, "2026-03-10");

  week = &g_array_index (report->weeks, PatellaReportWeek, 0);
  g_assert_cmpint (week->distance_m, ==, 5000);
  g_assert_true (week->has_change);
  g_assert_cmpint (week->change_percent, ==, -50);
  g_assert_cmpuint (week->runs, ==, 0);
  week = &g_array_index (report->weeks, PatellaReportWeek, 1);
  g_assert_cmpint (week->distance_m, ==, 20000);
  g_assert_cmpint (week->change_percent, ==, 300);
  g_assert_cmpuint (week->runs, ==, 2);
  week = &g_array_index (report->weeks, PatellaReportWeek, 6);
  g_assert_false (week->has_change);   /* the week before had no runs */
  g_assert_cmpint (week->distance_m, ==, 12000);

  g_assert_cmpuint (report->load_warnings->len, ==, 1);
  warning = g_ptr_array_index (report->load_warnings, 0);
  g_assert_cmpint (warning->kind, ==, PATELLA_LOAD_WEEK_OVER_30);
  g_assert_cmpint (warning->distance_m, ==, 20000);

  /* Distance per pair in the period, most first; runs without shoes apart. */
  g_assert_cmpuint (report->shoes->len, ==, 2);
  shoe = g_ptr_array_index (report->shoes, 0);
  g_assert_cmpstr (shoe->name, ==, "Trail");
  g_assert_cmpint (shoe->distance_m, ==, 22000);
  g_assert_cmpuint (shoe->runs, ==, 2);
  shoe = g_ptr_array_index (report->shoes, 1);
  g_assert_null (shoe->name);
  g_assert_cmpint (shoe->distance_m, ==, 10000);

  /* A week the period cuts short at its end is not compared with a whole one. */
  {
    PatellaReportOptions options = defaults;
    g_autoptr(PatellaReport) short_period = NULL;

    options.from = "2026-02-02";
    options.to = "2026-02-03";
    short_period = build (fixture, &options);
    g_assert_cmpuint (short_period->weeks->len, ==, 1);
    week = &g_array_index (short_period->weeks, PatellaReportWeek, 0);
    g_assert_false (week->has_change);
  }
}

static void
test_cadence (PatellaStoreFixture *fixture,
              gconstpointer        data)
{
  g_autoptr(PatellaReport) before = NULL;
  g_autoptr(PatellaReport) after = NULL;

  fill (fixture);
  before = build (fixture, &defaults);
  /* No run has a step rate yet (only runs from watches have one). */
  g_assert_cmpuint (before->n_cadence, ==, 0);

  /* Known for two runs of the period. */
  exec (fixture, "UPDATE run SET cadence_spm = 170 WHERE day = '2026-02-03';"
                 "UPDATE run SET cadence_spm = 176 WHERE day = '2026-03-10';"
                 "UPDATE run SET cadence_spm = 150 WHERE day = '2026-01-27';");
  after = build (fixture, &defaults);
  g_assert_cmpuint (after->n_cadence, ==, 2);
  g_assert_cmpfloat_with_epsilon (after->cadence_spm, 173.0, 1e-9);
}

static void
test_treatment (PatellaStoreFixture *fixture,
                gconstpointer        data)
{
  PatellaReportOptions options = defaults;
  g_autoptr(PatellaReport) report = NULL;
  g_autoptr(PatellaReport) three = NULL;

  fill (fixture);
  report = build (fixture, &defaults);

  /* A stopped session is not counted. */
  g_assert_cmpuint (report->icing, ==, 6);
  g_assert_cmpuint (day_of (report, "2026-03-01")->icing, ==, 4);
  g_assert_cmpuint (day_of (report, "2026-03-03")->icing, ==, 0);
  g_assert_cmpuint (report->ice_goal, ==, 4);
  g_assert_cmpuint (report->ice_goal_days, ==, 1);

  g_assert_cmpuint (report->exercise, ==, 4);
  g_assert_cmpuint (report->exercise_goal, ==, 3);
  g_assert_cmpuint (g_array_index (report->weeks, PatellaReportWeek, 1).exercise, ==, 3);
  g_assert_cmpuint (report->n_whole_weeks, ==, 5);
  g_assert_cmpuint (report->exercise_goal_weeks, ==, 1);

  options.ice_goal = 3;
  three = build (fixture, &options);
  g_assert_cmpuint (three->ice_goal_days, ==, 1);
}

static void
test_notes (PatellaStoreFixture *fixture,
            gconstpointer        data)
{
  PatellaReportOptions options = defaults;
  g_autoptr(PatellaReport) without = NULL;
  g_autoptr(PatellaReport) with = NULL;
  const PatellaReportNote *note;

  fill (fixture);
  without = build (fixture, &defaults);
  g_assert_null (without->notes);

  options.include_notes = TRUE;
  with = build (fixture, &options);
  g_assert_cmpuint (with->notes->len, ==, 2);
  note = g_ptr_array_index (with->notes, 0);
  g_assert_cmpstr (note->day, ==, "2026-03-01");
  g_assert_cmpstr (note->note, ==, "Stairs hurt");
  note = g_ptr_array_index (with->notes, 1);
  g_assert_cmpstr (note->note, ==, "مرحبا بالعالم 你好，世界");
}

static void
test_period (PatellaStoreFixture *fixture,
             gconstpointer        data)
{
  PatellaReportOptions options = defaults;
  g_autoptr(PatellaReport) report = NULL;

  fill (fixture);
  options.from = "2026-03-01";
  options.to = "2026-03-05";
  report = build (fixture, &options);
  g_assert_cmpuint (report->n_days, ==, 5);
  g_assert_cmpuint (report->n_entries, ==, 3);
  g_assert_cmpuint (report->n_runs, ==, 0);
  g_assert_cmpuint (report->icing, ==, 6);
  /* One day is a period too. */
  {
    g_autoptr(PatellaReport) one = NULL;

    options.from = options.to = "2026-03-14";
    one = build (fixture, &options);
    g_assert_cmpuint (one->n_days, ==, 1);
    g_assert_cmpint (one->trend, ==, PATELLA_REPORT_TREND_UNKNOWN);
  }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD patella_store_test_add

  ADD ("/report/empty", test_empty);
  ADD ("/report/title", test_title);
  ADD ("/report/bad-period", test_bad_period);
  ADD ("/report/pain", test_pain);
  ADD ("/report/trend-rule", test_trend_rule);
  ADD ("/report/symptoms-and-advice", test_symptoms_and_advice);
  ADD ("/report/load", test_load);
  ADD ("/report/cadence", test_cadence);
  ADD ("/report/treatment", test_treatment);
  ADD ("/report/notes", test_notes);
  ADD ("/report/period", test_period);

  return g_test_run ();
}
