/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "patella-load.h"

static void
set_day (GDate      *date,
         const char *text)
{
  g_date_clear (date, 1);
  g_date_set_parse (date, text);
  g_assert_true (g_date_valid (date));
}

static char *
day_string (const GDate *date)
{
  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (date), g_date_get_month (date),
                          g_date_get_day (date));
}

static void
test_week_start (void)
{
  static const struct {
    const char   *day;
    GDateWeekday  first;
    const char   *start;
  } cases[] = {
    { "2026-03-18", G_DATE_MONDAY, "2026-03-16" },    /* a Wednesday */
    { "2026-03-18", G_DATE_SUNDAY, "2026-03-15" },
    { "2026-03-18", G_DATE_SATURDAY, "2026-03-14" },
    { "2026-03-16", G_DATE_MONDAY, "2026-03-16" },    /* a Monday */
    { "2026-03-15", G_DATE_MONDAY, "2026-03-09" },    /* a Sunday */
    { "2026-03-15", G_DATE_SUNDAY, "2026-03-15" },
    { "2026-01-01", G_DATE_MONDAY, "2025-12-29" },    /* across a year */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GDate day;
      GDate start;
      g_autofree char *text = NULL;

      set_day (&day, cases[i].day);
      patella_load_week_start (&day, cases[i].first, &start);
      text = day_string (&start);
      g_assert_cmpstr (text, ==, cases[i].start);
    }
}

static void
test_first_weekday (void)
{
  /* Whatever the locale, a real weekday comes back (Monday for C.UTF-8). */
  GDateWeekday first = patella_load_get_first_weekday ();

  g_assert_true (g_date_valid_weekday (first));
}

static GArray *
make_runs (const char * const *days,
           const gint64       *metres,
           guint               n)
{
  GArray *runs = g_array_new (FALSE, TRUE, sizeof (PatellaLoadRun));

  for (guint i = 0; i < n; i++)
    {
      PatellaLoadRun run = { 0 };

      set_day (&run.day, days[i]);
      run.distance_m = metres[i];
      g_array_append_val (runs, run);
    }

  return runs;
}

static void
test_weekly_totals (void)
{
  const char *days[] = { "2026-03-01", "2026-03-02", "2026-03-08", "2026-03-10", "2026-03-10",
                         "2026-01-01" };
  const gint64 metres[] = { 1000, 2000, 4000, 8000, 16000, 99000 };
  g_autoptr(GArray) runs = make_runs (days, metres, G_N_ELEMENTS (days));
  g_autoptr(GArray) monday = NULL;
  g_autoptr(GArray) sunday = NULL;
  GDate today;

  set_day (&today, "2026-03-11");

  /* Monday weeks: 23 Feb–1 Mar, 2–8 Mar, 9–15 Mar. */
  monday = patella_load_weekly_totals ((PatellaLoadRun *) (void *) runs->data, runs->len,
                                       &today, 3, G_DATE_MONDAY);
  g_assert_cmpuint (monday->len, ==, 3);
  g_assert_cmpint (g_array_index (monday, PatellaLoadWeek, 0).distance_m, ==, 1000);
  g_assert_cmpint (g_array_index (monday, PatellaLoadWeek, 1).distance_m, ==, 6000);
  g_assert_cmpint (g_array_index (monday, PatellaLoadWeek, 2).distance_m, ==, 24000);

  /* Sunday weeks: 22–28 Feb, 1–7 Mar, 8–14 Mar: the Sundays move. */
  sunday = patella_load_weekly_totals ((PatellaLoadRun *) (void *) runs->data, runs->len,
                                       &today, 3, G_DATE_SUNDAY);
  g_assert_cmpint (g_array_index (sunday, PatellaLoadWeek, 0).distance_m, ==, 0);
  g_assert_cmpint (g_array_index (sunday, PatellaLoadWeek, 1).distance_m, ==, 3000);
  g_assert_cmpint (g_array_index (sunday, PatellaLoadWeek, 2).distance_m, ==, 28000);
}

/* Two weeks, Monday start: the previous week's total, then this week's. */
static void
test_week_increase (void)
{
  static const struct {
    gint64 previous;
    gint64 current;
    int    expected;   /* -1: none, else PatellaLoadKind */
  } cases[] = {
    { 20000, 20000, -1 },
    { 20000, 22000, -1 },                            /* exactly 10%: not more */
    { 20000, 22001, PATELLA_LOAD_WEEK_OVER_10 },
    { 20000, 26000, PATELLA_LOAD_WEEK_OVER_10 },     /* exactly 30% */
    { 20000, 26001, PATELLA_LOAD_WEEK_OVER_30 },
    { 20000, 60000, PATELLA_LOAD_WEEK_OVER_30 },
    { 20000, 10000, -1 },                            /* a drop */
    { 0, 10000, -1 },                                /* nothing to compare with */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      /* Weekly totals made of runs short enough not to trip the long-run check. */
      g_autoptr(GArray) runs = g_array_new (FALSE, TRUE, sizeof (PatellaLoadRun));
      g_autoptr(GPtrArray) warnings = NULL;
      gint64 totals[2] = { cases[i].previous, cases[i].current };
      const char *starts[2] = { "2026-03-09", "2026-03-16" };
      guint n_week = 0;
      GDate today;

      for (guint w = 0; w < 2; w++)
        {
          /* Split each total over seven days of equal runs, plus a remainder. */
          for (guint d = 0; d < 7 && totals[w] > 0; d++)
            {
              PatellaLoadRun run = { 0 };

              set_day (&run.day, starts[w]);
              g_date_add_days (&run.day, d);
              run.distance_m = totals[w] / 7 + (d == 0 ? totals[w] % 7 : 0);
              g_array_append_val (runs, run);
            }
        }

      set_day (&today, "2026-03-22");
      warnings = patella_load_check ((PatellaLoadRun *) (void *) runs->data, runs->len, &today,
                                     1, G_DATE_MONDAY, PATELLA_UNIT_KM);

      for (guint j = 0; j < warnings->len; j++)
        {
          PatellaLoadWarning *warning = g_ptr_array_index (warnings, j);

          if (warning->kind == PATELLA_LOAD_LONG_RUN)
            continue;

          n_week++;
          g_assert_cmpint (warning->kind, ==, cases[i].expected);
          g_assert_cmpint (warning->distance_m, ==, cases[i].current);
          g_assert_cmpint (warning->reference_m, ==, cases[i].previous);
          g_assert_nonnull (warning->message);
          g_assert_nonnull (warning->source);
          /* As strong as the source: a study's "may", a rule of thumb's "rule of thumb". */
          if (warning->kind == PATELLA_LOAD_WEEK_OVER_30)
            {
              g_assert_nonnull (strstr (warning->source, "Nielsen"));
              g_assert_cmpstr (warning->id, ==, "load-week-30");
              g_assert_cmpint (warning->evidence, ==, PATELLA_EVIDENCE_STUDY);
              g_assert_nonnull (strstr (warning->message, "may raise the risk"));
              g_assert_nonnull (strstr (warning->why, "not statistically conclusive"));
            }
          else
            {
              g_assert_nonnull (strstr (warning->source, "10%"));
              g_assert_cmpstr (warning->id, ==, "load-week-10");
              g_assert_cmpint (warning->evidence, ==, PATELLA_EVIDENCE_COMMON_ADVICE);
              g_assert_nonnull (strstr (warning->message, "rule of thumb"));
            }
        }

      g_assert_cmpuint (n_week, ==, cases[i].expected < 0 ? 0 : 1);
    }
}

static void
test_long_run (void)
{
  static const struct {
    const char *earlier_day;
    gint64      earlier;
    gint64      run;
    gboolean    fires;
  } cases[] = {
    { "2026-03-01", 10000, 11000, FALSE },   /* exactly 110% */
    { "2026-03-01", 10000, 11001, TRUE },
    { "2026-02-20", 10000, 20000, TRUE },    /* 30 days before: inside */
    { "2026-02-19", 10000, 20000, FALSE },   /* 31 days before: no reference */
    { "2026-03-21", 10000, 20000, TRUE },    /* the day before */
    { "2026-03-22", 10000, 20000, FALSE },   /* the same day is not "before" */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const char *days[] = { cases[i].earlier_day, "2026-03-22" };
      const gint64 metres[] = { cases[i].earlier, cases[i].run };
      g_autoptr(GArray) runs = make_runs (days, metres, 2);
      g_autoptr(GPtrArray) warnings = NULL;
      gboolean fired = FALSE;
      GDate today;

      set_day (&today, "2026-03-22");
      warnings = patella_load_check ((PatellaLoadRun *) (void *) runs->data, runs->len, &today,
                                     1, G_DATE_MONDAY, PATELLA_UNIT_MI);

      for (guint j = 0; j < warnings->len; j++)
        {
          PatellaLoadWarning *warning = g_ptr_array_index (warnings, j);

          if (warning->kind != PATELLA_LOAD_LONG_RUN)
            continue;

          fired = TRUE;
          g_assert_cmpint (warning->distance_m, ==, cases[i].run);
          g_assert_cmpint (warning->reference_m, ==, cases[i].earlier);
          g_assert_nonnull (strstr (warning->source, "Frandsen et al., Garmin-RUNSAFE, Br J Sports Med 2025"));
          g_assert_cmpstr (warning->id, ==, "load-long-run");
          g_assert_cmpint (warning->evidence, ==, PATELLA_EVIDENCE_STUDY);
          g_assert_nonnull (strstr (warning->message, "mi"));
        }

      g_assert_cmpint (fired, ==, cases[i].fires);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/load/week-start", test_week_start);
  g_test_add_func ("/load/first-weekday", test_first_weekday);
  g_test_add_func ("/load/weekly-totals", test_weekly_totals);
  g_test_add_func ("/load/week-increase", test_week_increase);
  g_test_add_func ("/load/long-run", test_long_run);

  return g_test_run ();
}
