/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "patella-error.h"
#include "patella-insights.h"
#include "patella-test-store.h"

#define exec patella_store_fixture_exec

/* Runs and journal days written straight into a real database file; the
 * window below holds them all. */
#define FROM "2026-02-01"
#define TO   "2026-03-14"

static void
add_day (PatellaStoreFixture *fixture,
         const char          *day,
         int                  rest,
         int                  morning)
{
  g_autofree char *sql = NULL;

  if (morning < 0)
    sql = g_strdup_printf ("INSERT INTO journal_entry (day, pain_rest, pain_morning, created_us,"
                           " updated_us) VALUES ('%s', %d, NULL, 1, 1);", day, rest);
  else
    sql = g_strdup_printf ("INSERT INTO journal_entry (day, pain_rest, pain_morning, created_us,"
                           " updated_us) VALUES ('%s', %d, %d, 1, 1);", day, rest, morning);
  exec (fixture, sql);
}

static void
add_run (PatellaStoreFixture *fixture,
         const char          *day,
         int                  metres,
         const char          *shoe)
{
  g_autofree char *sql = NULL;

  if (shoe == NULL)
    sql = g_strdup_printf ("INSERT INTO run (day, distance_m, created_us) VALUES ('%s', %d, 1);",
                           day, metres);
  else
    sql = g_strdup_printf ("INSERT INTO run (day, distance_m, shoe_id, created_us)"
                           " VALUES ('%s', %d, (SELECT id FROM shoe WHERE name = '%s'), 1);",
                           day, metres, shoe);
  exec (fixture, sql);
}

static void
add_exercise (PatellaStoreFixture *fixture,
              const char          *day,
              const char          *state)
{
  g_autofree char *sql = g_strdup_printf ("INSERT INTO session (kind, day, state, started_us,"
                                          " planned_s, ended_us, duration_s, routine)"
                                          " VALUES ('exercise', '%s', '%s', 1, 600, 601, 600,"
                                          " 'Strength');", day, state);

  exec (fixture, sql);
}

static GPtrArray *
collect (PatellaStoreFixture *fixture)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *insights = patella_insights_collect (fixture->store, FROM, TO,
                                                  PATELLA_UNIT_KM, &error);

  g_assert_no_error (error);
  g_assert_nonnull (insights);
  return insights;
}

static PatellaInsight *
find (GPtrArray  *insights,
      const char *id)
{
  for (guint i = 0; i < insights->len; i++)
    {
      PatellaInsight *insight = g_ptr_array_index (insights, i);

      if (g_str_equal (insight->id, id))
        return insight;
    }
  return NULL;
}

/* The insight that must be there. */
static PatellaInsight *
get (GPtrArray  *insights,
     const char *id)
{
  PatellaInsight *insight = find (insights, id);

  if (insight == NULL)
    g_error ("no insight “%s”", id);
  return insight;
}

/* Collects the insights again into *@insights, the ones before freed, and
 * returns the one with @id. */
static PatellaInsight *
collect_get (PatellaStoreFixture  *fixture,
             GPtrArray           **insights,
             const char           *id)
{
  g_clear_pointer (insights, g_ptr_array_unref);
  *insights = collect (fixture);
  return get (*insights, id);
}

static void
assert_honest (const PatellaInsight *insight)
{
  g_assert_null (strstr (insight->text, "caus"));
  g_assert_null (strstr (insight->text, "because"));
}

static void
test_empty (PatellaStoreFixture *fixture,
            gconstpointer        data)
{
  g_autoptr(GPtrArray) insights = collect (fixture);

  /* No runs, no exercise: nothing to compare, nothing to ask for. */
  g_assert_cmpuint (insights->len, ==, 0);

  /* Journal days alone give no comparison either. */
  add_day (fixture, "2026-03-01", 2, 3);
  g_clear_pointer (&insights, g_ptr_array_unref);
  insights = collect (fixture);
  g_assert_cmpuint (insights->len, ==, 0);
}

/* Three short (3, 4, 5 km) and three long runs (8, 9, 10 km); the median is 5 km. */
static void
fill_long_short (PatellaStoreFixture *fixture)
{
  add_run (fixture, "2026-03-01", 3000, NULL);
  add_run (fixture, "2026-03-02", 4000, NULL);
  add_run (fixture, "2026-03-03", 5000, NULL);
  add_run (fixture, "2026-03-05", 8000, NULL);
  add_run (fixture, "2026-03-06", 9000, NULL);
  add_run (fixture, "2026-03-07", 10000, NULL);
  /* The journal's "pain the next morning" is on the day of the run. */
  add_day (fixture, "2026-03-01", 1, 1);
  add_day (fixture, "2026-03-02", 1, 2);
  add_day (fixture, "2026-03-03", 1, 3);
  add_day (fixture, "2026-03-05", 1, 4);
  add_day (fixture, "2026-03-06", 1, 4);
  add_day (fixture, "2026-03-07", 1, 5);
  /* A day without a run does not count on either side. */
  add_day (fixture, "2026-03-04", 1, 9);
}

static void
test_long_runs (PatellaStoreFixture *fixture,
                gconstpointer        data)
{
  g_autoptr(GPtrArray) insights = NULL;
  PatellaInsight *insight;

  fill_long_short (fixture);
  insight = collect_get (fixture, &insights, "long-runs");
  g_assert_true (insight->enough);
  g_assert_cmpuint (insight->n_with, ==, 3);
  g_assert_cmpuint (insight->n_without, ==, 3);
  g_assert_cmpfloat_with_epsilon (insight->mean_with, 13.0 / 3, 1e-9);
  g_assert_cmpfloat_with_epsilon (insight->mean_without, 2.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (insight->effect, 2.3, 1e-9);
  g_assert_cmpstr (insight->text, ==,
                   "Next-morning pain was higher after runs longer than 5.0 km, your median run, "
                   "than after shorter runs: on average 4.3 against 2.0 out of 10, a difference "
                   "of 2.3 points (3 days against 3).");
  assert_honest (insight);
}

static void
test_long_runs_lower (PatellaStoreFixture *fixture,
                      gconstpointer        data)
{
  g_autoptr(GPtrArray) insights = NULL;
  PatellaInsight *insight;

  fill_long_short (fixture);
  exec (fixture, "UPDATE journal_entry SET pain_morning = 6 WHERE day <= '2026-03-03';");
  insight = collect_get (fixture, &insights, "long-runs");
  g_assert_true (insight->enough);
  g_assert_cmpfloat_with_epsilon (insight->effect, -1.7, 1e-9);
  g_assert_nonnull (strstr (insight->text, "was lower after runs longer than 5.0 km"));
  g_assert_nonnull (strstr (insight->text, "4.3 against 6.0"));
  g_assert_nonnull (strstr (insight->text, "a difference of 1.7 points"));
}

static void
test_minimum_days (PatellaStoreFixture *fixture,
                   gconstpointer        data)
{
  g_autoptr(GPtrArray) insights = NULL;
  PatellaInsight *insight;

  fill_long_short (fixture);
  /* A missing rating takes the day out: two long days are left. */
  exec (fixture, "UPDATE journal_entry SET pain_morning = NULL WHERE day = '2026-03-07';");
  insight = collect_get (fixture, &insights, "long-runs");
  g_assert_false (insight->enough);
  g_assert_cmpuint (insight->n_with, ==, 2);
  g_assert_cmpuint (insight->n_without, ==, 3);
  g_assert_cmpstr (insight->text, ==,
                   "Not enough entries yet to compare: 1 more rated morning after a run longer "
                   "than 5.0 km.");

  /* And with the journal day gone altogether, the same. */
  exec (fixture, "DELETE FROM journal_entry WHERE day = '2026-03-07';");
  g_clear_pointer (&insights, g_ptr_array_unref);
  insights = collect (fixture);
  g_assert_cmpuint (get (insights, "long-runs")->n_with, ==, 2);

  /* Both sides short: both are named. */
  exec (fixture, "DELETE FROM journal_entry WHERE day IN ('2026-03-01', '2026-03-06');");
  g_clear_pointer (&insights, g_ptr_array_unref);
  insights = collect (fixture);
  g_assert_cmpstr (get (insights, "long-runs")->text, ==,
                   "Not enough entries yet to compare: 2 more rated mornings after runs longer "
                   "than 5.0 km and 1 more after a run of 5.0 km or less.");
}

static void
test_ties (PatellaStoreFixture *fixture,
           gconstpointer        data)
{
  g_autoptr(GPtrArray) insights = NULL;
  PatellaInsight *insight;
  static const char * const days[] = {
    "2026-03-01", "2026-03-02", "2026-03-03", "2026-03-05", "2026-03-06", "2026-03-07",
  };

  /* Runs equal to the median are not "longer": 5, 5, 5 against 8, 8, 8. */
  for (guint i = 0; i < G_N_ELEMENTS (days); i++)
    {
      add_run (fixture, days[i], i < 3 ? 5000 : 8000, NULL);
      add_day (fixture, days[i], 0, 3);
    }
  /* Two runs on one day count once, by the longer: still a long day. */
  add_run (fixture, "2026-03-07", 1000, NULL);

  insight = collect_get (fixture, &insights, "long-runs");
  g_assert_true (insight->enough);
  g_assert_cmpuint (insight->n_with, ==, 3);
  g_assert_cmpuint (insight->n_without, ==, 3);
  g_assert_cmpfloat (insight->effect, ==, 0.0);
  g_assert_cmpstr (insight->text, ==,
                   "Next-morning pain was the same after runs longer than 5.0 km, your median "
                   "run, as after shorter runs: on average 3.0 out of 10 on both sides (3 days "
                   "against 3).");
}

static void
test_small_effect (PatellaStoreFixture *fixture,
                   gconstpointer        data)
{
  g_autoptr(GPtrArray) insights = NULL;
  PatellaInsight *insight;

  fill_long_short (fixture);
  /* Short 3, 3, 3 against long 3, 3, 4: 0.3 points is worded as about the same. */
  exec (fixture, "UPDATE journal_entry SET pain_morning = 3 WHERE day <> '2026-03-07';"
                 "UPDATE journal_entry SET pain_morning = 4 WHERE day = '2026-03-07';");
  insight = collect_get (fixture, &insights, "long-runs");
  g_assert_true (insight->enough);
  g_assert_cmpfloat_with_epsilon (insight->effect, 0.3, 1e-9);
  g_assert_cmpstr (insight->text, ==,
                   "Next-morning pain was about the same after runs longer than 5.0 km, your "
                   "median run, as after shorter runs: on average 3.3 against 3.0 out of 10, a "
                   "difference of 0.3 points (3 days against 3).");

  /* 0.4 points (2.7 against 2.3) is still about the same… */
  exec (fixture, "UPDATE journal_entry SET pain_morning = 2 WHERE day IN ('2026-03-01', '2026-03-02');"
                 "UPDATE journal_entry SET pain_morning = 3 WHERE day IN ('2026-03-03', '2026-03-05', '2026-03-06');"
                 "UPDATE journal_entry SET pain_morning = 2 WHERE day = '2026-03-07';");
  insight = collect_get (fixture, &insights, "long-runs");
  g_assert_cmpfloat_with_epsilon (insight->effect, 0.4, 1e-9);
  g_assert_nonnull (strstr (insight->text, "was about the same after"));

  /* …0.6 points (2.3 against 1.7) is a difference. */
  exec (fixture, "UPDATE journal_entry SET pain_morning = 1 WHERE day = '2026-03-02';"
                 "UPDATE journal_entry SET pain_morning = 2 WHERE day IN ('2026-03-03', '2026-03-06');");
  insight = collect_get (fixture, &insights, "long-runs");
  g_assert_cmpfloat_with_epsilon (insight->effect, 0.6, 1e-9);
  g_assert_nonnull (strstr (insight->text, "was higher after runs longer than 5.0 km"));
  g_assert_nonnull (strstr (insight->text, "on average 2.3 against 1.7"));
}

static void
test_shoes (PatellaStoreFixture *fixture,
            gconstpointer        data)
{
  g_autoptr(GPtrArray) insights = NULL;
  PatellaInsight *insight;

  exec (fixture, "INSERT INTO shoe (name, created_us) VALUES ('Road', 1), ('Trail', 1);");
  add_run (fixture, "2026-03-01", 5000, "Road");
  add_run (fixture, "2026-03-02", 5000, "Road");
  add_run (fixture, "2026-03-03", 5000, "Road");
  add_run (fixture, "2026-03-04", 5000, "Trail");
  add_run (fixture, "2026-03-05", 5000, "Trail");
  add_day (fixture, "2026-03-01", 0, 2);
  add_day (fixture, "2026-03-02", 0, 2);
  add_day (fixture, "2026-03-03", 0, 2);
  add_day (fixture, "2026-03-04", 0, 5);
  add_day (fixture, "2026-03-05", 0, 5);

  insight = collect_get (fixture, &insights, "shoe:Trail");
  g_assert_false (insight->enough);
  g_assert_cmpstr (insight->text, ==,
                   "Not enough entries yet to compare: 1 more rated morning after a run in "
                   "“Trail”.");

  add_run (fixture, "2026-03-06", 5000, "Trail");
  add_day (fixture, "2026-03-06", 0, 5);
  insight = collect_get (fixture, &insights, "shoe:Trail");
  g_assert_true (insight->enough);
  g_assert_cmpfloat_with_epsilon (insight->effect, 3.0, 1e-9);
  g_assert_cmpstr (insight->text, ==,
                   "Next-morning pain was higher after runs in “Trail” than after runs in your "
                   "other shoes: on average 5.0 against 2.0 out of 10, a difference of 3.0 points "
                   "(3 days against 3).");
  insight = get (insights, "shoe:Road");
  g_assert_true (insight->enough);
  g_assert_cmpfloat_with_epsilon (insight->effect, -3.0, 1e-9);

  /* One pair only: nothing to compare shoes with. */
  exec (fixture, "DELETE FROM run WHERE shoe_id = (SELECT id FROM shoe WHERE name = 'Trail');");
  g_clear_pointer (&insights, g_ptr_array_unref);
  insights = collect (fixture);
  g_assert_null (find (insights, "shoe:Road"));
  g_assert_null (find (insights, "shoe:Trail"));
}

static void
test_exercise (PatellaStoreFixture *fixture,
               gconstpointer        data)
{
  g_autoptr(GPtrArray) insights = NULL;
  PatellaInsight *insight;

  add_exercise (fixture, "2026-03-01", "finished");
  add_exercise (fixture, "2026-03-02", "finished");
  add_exercise (fixture, "2026-03-02", "finished");  /* two on one day: one day */
  add_exercise (fixture, "2026-03-03", "stopped");   /* not done: does not count */
  for (int d = 1; d <= 6; d++)
    {
      g_autofree char *day = g_strdup_printf ("2026-03-%02d", d);

      add_day (fixture, day, 0, d <= 2 ? 1 : 4);
    }

  insight = collect_get (fixture, &insights, "exercise");
  g_assert_false (insight->enough);
  g_assert_cmpuint (insight->n_with, ==, 2);
  g_assert_cmpuint (insight->n_without, ==, 4);
  g_assert_cmpstr (insight->text, ==,
                   "Not enough entries yet to compare: 1 more rated morning after a day with an "
                   "exercise session.");

  add_exercise (fixture, "2026-03-04", "finished");
  insight = collect_get (fixture, &insights, "exercise");
  g_assert_true (insight->enough);
  g_assert_cmpuint (insight->n_with, ==, 3);
  g_assert_cmpuint (insight->n_without, ==, 3);
  g_assert_cmpfloat_with_epsilon (insight->effect, -2.0, 1e-9);
  g_assert_nonnull (strstr (insight->text, "was lower after days with an exercise session than "
                                           "after days without one: on average 2.0 against 4.0"));
  assert_honest (insight);
}

static void
test_load_rise (PatellaStoreFixture *fixture,
                gconstpointer        data)
{
  g_autoptr(GPtrArray) insights = NULL;
  PatellaInsight *insight;

  /* Weeks start on Monday in C.UTF-8. The window's first week (from Mon
   * 2026-02-02) is compared with the week before it (10 km). */
  add_run (fixture, "2026-01-27", 10000, NULL);
  add_run (fixture, "2026-02-03", 20000, NULL);   /* +100%: a rise */
  add_run (fixture, "2026-02-10", 22000, NULL);   /* exactly +10%: not a rise */
  add_run (fixture, "2026-02-17", 30000, NULL);   /* +36%: a rise */
  add_run (fixture, "2026-02-24", 10000, NULL);   /* less */

  /* Pain at rest: 4 in the weeks that rose, 1 in the others. */
  add_day (fixture, "2026-02-04", 4, -1);
  add_day (fixture, "2026-02-05", 4, -1);
  add_day (fixture, "2026-02-11", 1, -1);
  add_day (fixture, "2026-02-12", 1, -1);
  add_day (fixture, "2026-02-18", 4, -1);
  add_day (fixture, "2026-02-25", 1, -1);
  /* A day with a symptom and no pain at rest rated is not a 0 (issue 17). */
  exec (fixture, "INSERT INTO journal_entry (day, pain_rest, created_us, updated_us)"
                 " VALUES ('2026-02-26', NULL, 1, 1);"
                 "INSERT INTO journal_symptom (day, code) VALUES ('2026-02-26', 'swelling');");

  insight = collect_get (fixture, &insights, "load-rise");
  g_assert_true (insight->enough);
  g_assert_cmpuint (insight->n_with, ==, 3);
  g_assert_cmpuint (insight->n_without, ==, 3);
  g_assert_cmpfloat_with_epsilon (insight->effect, 3.0, 1e-9);
  g_assert_cmpstr (insight->text, ==,
                   "Pain at rest was higher in weeks whose distance rose more than 10% than in "
                   "the other weeks: on average 4.0 against 1.0 out of 10, a difference of 3.0 "
                   "points (3 days against 3).");

  /* Without runs in the window, no load comparison. */
  exec (fixture, "DELETE FROM run;");
  g_clear_pointer (&insights, g_ptr_array_unref);
  insights = collect (fixture);
  g_assert_null (find (insights, "load-rise"));
}

static void
test_descent (PatellaStoreFixture *fixture,
              gconstpointer        data)
{
  g_autoptr(GPtrArray) insights = NULL;
  PatellaInsight *insight;

  fill_long_short (fixture);
  insights = collect (fixture);
  /* No run has a descent yet (only runs from watches have one): no descent
   * comparison. */
  g_assert_null (find (insights, "descent"));

  exec (fixture,
        "UPDATE run SET descent_m = 200 WHERE day IN ('2026-03-01', '2026-03-02', '2026-03-03');"
        "UPDATE run SET descent_m = 20 WHERE day IN ('2026-03-05', '2026-03-06');");
  insight = collect_get (fixture, &insights, "descent");
  /* Median of 20, 20, 200, 200, 200 is 200: nothing is above it. */
  g_assert_false (insight->enough);
  g_assert_cmpuint (insight->n_with, ==, 0);
  g_assert_cmpuint (insight->n_without, ==, 5);
  g_assert_nonnull (strstr (insight->text, "3 more rated mornings after runs with more than 200 m "
                                           "of descent"));

  exec (fixture, "UPDATE run SET descent_m = 10 WHERE day = '2026-03-07';");
  insight = collect_get (fixture, &insights, "descent");
  /* Median of 10, 20, 20, 200, 200, 200 is 20. */
  g_assert_true (insight->enough);
  g_assert_cmpfloat_with_epsilon (insight->mean_with, 2.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (insight->mean_without, 13.0 / 3, 1e-9);
  g_assert_nonnull (strstr (insight->text, "was lower after runs with more than 20 m of descent"));
}

static void
test_bad_period (PatellaStoreFixture *fixture,
                 gconstpointer        data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) insights = NULL;

  insights = patella_insights_collect (fixture->store, TO, FROM, PATELLA_UNIT_KM, &error);
  g_assert_null (insights);
  g_assert_error (error, PATELLA_ERROR, PATELLA_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "before it starts"));
}

static void
test_recent (PatellaStoreFixture *fixture,
             gconstpointer        data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) insights = NULL;

  /* The fake clock's today is 2026-03-14: a run from two years ago is out. */
  add_run (fixture, "2024-03-01", 5000, NULL);
  insights = patella_insights_recent (fixture->store, PATELLA_UNIT_KM, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (insights->len, ==, 0);

  fill_long_short (fixture);
  g_clear_pointer (&insights, g_ptr_array_unref);
  insights = patella_insights_recent (fixture->store, PATELLA_UNIT_KM, &error);
  g_assert_no_error (error);
  g_assert_true (get (insights, "long-runs")->enough);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD patella_store_test_add

  ADD ("/insights/empty", test_empty);
  ADD ("/insights/long-runs", test_long_runs);
  ADD ("/insights/long-runs-lower", test_long_runs_lower);
  ADD ("/insights/minimum-days", test_minimum_days);
  ADD ("/insights/ties", test_ties);
  ADD ("/insights/small-effect", test_small_effect);
  ADD ("/insights/shoes", test_shoes);
  ADD ("/insights/exercise", test_exercise);
  ADD ("/insights/load-rise", test_load_rise);
  ADD ("/insights/descent", test_descent);
  ADD ("/insights/bad-period", test_bad_period);
  ADD ("/insights/recent", test_recent);

  return g_test_run ();
}
