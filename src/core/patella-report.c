/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "patella-report"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "patella-error.h"
#include "patella-insights.h"
#include "patella-journal.h"
#include "patella-parse.h"
#include "patella-report.h"
#include "patella-store-private.h"

/* What a clinician is shown: built from the store for a period, drawn by
 * the report renderer. Everything that needs counting or a rule is done
 * here, so that it is tested without cairo. */

/* The load checks look at the 30 days before each run. */
#define LOAD_LOOKBACK_DAYS 37

static void
symptom_free (PatellaReportSymptom *symptom)
{
  g_ptr_array_unref (symptom->days);
  g_free (symptom);
}

static void
shoe_free (PatellaReportShoe *shoe)
{
  g_free (shoe->name);
  g_free (shoe);
}

static void
note_free (PatellaReportNote *note)
{
  g_free (note->note);
  g_free (note);
}

static gboolean
to_date (const char *day,
         GDate      *date)
{
  g_date_clear (date, 1);
  g_date_set_parse (date, day);
  return g_date_valid (date);
}

static void
date_to_day (const GDate *date,
             char         out[11])
{
  g_snprintf (out, 11, "%04u-%02u-%02u", g_date_get_year (date), g_date_get_month (date),
              g_date_get_day (date));
}

/**
 * patella_report_check_period:
 * @from: (nullable): the first day as typed, or %NULL for six weeks before @to
 * @to: (nullable): the last day as typed, or %NULL for today
 * @from_out: (out) (transfer full): the first day, `YYYY-MM-DD`
 * @to_out: (out) (transfer full): the last day, `YYYY-MM-DD`
 *
 * A period runs forwards, ends today at the latest and covers at most
 * %PATELLA_REPORT_MAX_DAYS days.
 */
gboolean
patella_report_check_period (PatellaStore  *store,
                             const char    *from,
                             const char    *to,
                             char         **from_out,
                             char         **to_out,
                             GError       **error)
{
  g_autofree char *today_text = NULL;
  GDate today;
  GDate first;
  GDate last;

  g_return_val_if_fail (PATELLA_IS_STORE (store), FALSE);

  today_text = patella_clock_get_today (patella_store_get_clock (store));
  to_date (today_text, &today);

  if (to != NULL)
    {
      if (!patella_parse_date (to, &last, error))
        return FALSE;
    }
  else
    {
      last = today;
    }

  if (g_date_compare (&last, &today) > 0)
    {
      g_autofree char *text = patella_date_to_string (&last);

      g_set_error (error, PATELLA_ERROR, PATELLA_ERROR_INVALID,
                   _("The period ends in the future (%s); a report covers days up to today, "
                     "%s"), text, today_text);
      return FALSE;
    }

  if (from != NULL)
    {
      if (!patella_parse_date (from, &first, error))
        return FALSE;
    }
  else
    {
      first = last;
      g_date_subtract_days (&first, PATELLA_REPORT_DEFAULT_DAYS - 1);
    }

  if (g_date_compare (&first, &last) > 0)
    {
      g_autofree char *a = patella_date_to_string (&first);
      g_autofree char *b = patella_date_to_string (&last);

      g_set_error (error, PATELLA_ERROR, PATELLA_ERROR_INVALID,
                   _("The period ends (%s) before it starts (%s); give the earlier day first"),
                   b, a);
      return FALSE;
    }

  if (g_date_days_between (&first, &last) >= PATELLA_REPORT_MAX_DAYS)
    {
      g_set_error (error, PATELLA_ERROR, PATELLA_ERROR_INVALID,
                   _("The period is longer than three years; a report covers at most %d days"),
                   PATELLA_REPORT_MAX_DAYS);
      return FALSE;
    }

  *from_out = patella_date_to_string (&first);
  *to_out = patella_date_to_string (&last);
  return TRUE;
}

static void
read_journal (PatellaReport *report,
              GPtrArray     *entries,
              gboolean       include_notes)
{
  g_autoptr(GHashTable) symptoms = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) advice = g_hash_table_new (g_direct_hash, g_direct_equal);
  const char * const *codes = patella_symptom_get_codes ();

  if (include_notes)
    report->notes = g_ptr_array_new_with_free_func ((GDestroyNotify) note_free);

  for (guint i = 0; i < entries->len; i++)
    {
      PatellaJournalEntry *entry = g_ptr_array_index (entries, i);
      const char *day = patella_journal_entry_get_day (entry);
      int index = patella_day_diff (report->from, day);
      PatellaReportDay *d;
      const char * const *entry_symptoms;
      g_autoptr(GPtrArray) fired = NULL;

      if (index < 0 || (guint) index >= report->n_days)
        continue;

      d = &g_array_index (report->days, PatellaReportDay, index);
      d->has_entry = TRUE;
      d->pain_rest = patella_journal_entry_get_pain_rest (entry);
      d->pain_activity = patella_journal_entry_get_pain_activity (entry);
      d->pain_morning = patella_journal_entry_get_pain_morning (entry);
      report->n_entries++;

      if (d->pain_activity != PATELLA_PAIN_NONE)
        {
          report->n_activity++;
          report->zone_days[patella_pain_zone (d->pain_activity)]++;
        }

      entry_symptoms = patella_journal_entry_get_symptoms (entry);
      for (guint k = 0; entry_symptoms != NULL && entry_symptoms[k] != NULL; k++)
        {
          GPtrArray *days = g_hash_table_lookup (symptoms, entry_symptoms[k]);

          if (days == NULL)
            {
              days = g_ptr_array_new_with_free_func (g_free);
              g_hash_table_insert (symptoms, (gpointer) entry_symptoms[k], days);
            }
          g_ptr_array_add (days, g_strdup (day));
        }

      /* The advice of each journal day, as the Journal showed it then. */
      fired = patella_advice_evaluate (day, entries);
      for (guint k = 0; k < fired->len; k++)
        {
          const PatellaAdviceRule *rule = g_ptr_array_index (fired, k);
          PatellaReportAdvice *item = g_hash_table_lookup (advice, rule);

          if (item == NULL)
            {
              item = g_new0 (PatellaReportAdvice, 1);
              item->rule = rule;
              g_strlcpy (item->first, day, sizeof item->first);
              g_hash_table_insert (advice, (gpointer) rule, item);
              g_ptr_array_add (report->advice, item);
            }
          item->n_days++;
          g_strlcpy (item->last, day, sizeof item->last);
        }

      if (include_notes && *patella_journal_entry_get_note (entry) != '\0')
        {
          PatellaReportNote *note = g_new0 (PatellaReportNote, 1);

          g_strlcpy (note->day, day, sizeof note->day);
          note->note = g_strdup (patella_journal_entry_get_note (entry));
          g_ptr_array_add (report->notes, note);
        }
    }

  /* Symptoms in the app's order, red flags first. */
  for (int pass = 0; pass < 2; pass++)
    for (guint k = 0; codes[k] != NULL; k++)
      {
        GPtrArray *days = g_hash_table_lookup (symptoms, codes[k]);
        PatellaReportSymptom *symptom;

        if (days == NULL || patella_symptom_is_red_flag (codes[k]) != (pass == 0))
          continue;

        symptom = g_new0 (PatellaReportSymptom, 1);
        symptom->code = codes[k];
        symptom->label = patella_symptom_get_label (codes[k]);
        symptom->red_flag = pass == 0;
        symptom->days = days;
        g_ptr_array_add (report->symptoms, symptom);
      }
}

static int
compare_advice (gconstpointer a,
                gconstpointer b)
{
  const PatellaReportAdvice *x = *(PatellaReportAdvice * const *) a;
  const PatellaReportAdvice *y = *(PatellaReportAdvice * const *) b;

  /* Seeing a clinician before easing off; then by first day. */
  if (x->rule->kind != y->rule->kind)
    return x->rule->kind == PATELLA_ADVICE_SEE_CLINICIAN ? -1 : 1;
  return strcmp (x->first, y->first);
}

static int
compare_shoes (gconstpointer a,
               gconstpointer b)
{
  const PatellaReportShoe *x = *(PatellaReportShoe * const *) a;
  const PatellaReportShoe *y = *(PatellaReportShoe * const *) b;

  if (x->distance_m != y->distance_m)
    return x->distance_m > y->distance_m ? -1 : 1;
  return g_strcmp0 (x->name, y->name);
}

static gboolean
read_runs (PatellaStore   *store,
           PatellaReport  *report,
           const GDate    *week0,
           guint           n_weeks,
           GError        **error)
{
  g_autoptr(PatellaStmt) stmt = NULL;
  g_autoptr(GArray) load_runs = g_array_new (FALSE, TRUE, sizeof (PatellaLoadRun));
  g_autoptr(GHashTable) shoes = g_hash_table_new (g_str_hash, g_str_equal);
  PatellaReportShoe *no_shoe = NULL;
  GDate lookback = *week0;
  GDate last;
  char lookback_day[11];
  int rc;

  g_date_subtract_days (&lookback, LOAD_LOOKBACK_DAYS);
  date_to_day (&lookback, lookback_day);
  to_date (report->to, &last);

  stmt = patella_store_prepare (store,
                                "SELECT r.day, r.distance_m, s.name"
                                " FROM run r LEFT JOIN shoe s ON s.id = r.shoe_id"
                                " WHERE r.day BETWEEN ?1 AND ?2 ORDER BY r.day, r.id;",
                                error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, lookback_day, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, report->to, -1, SQLITE_TRANSIENT);
  while ((rc = patella_store_step (store, stmt, error)) == SQLITE_ROW)
    {
      const char *day = (const char *) sqlite3_column_text (stmt, 0);
      const char *name = (const char *) sqlite3_column_text (stmt, 2);
      PatellaLoadRun run = { 0 };
      int index;
      int week;
      PatellaReportShoe *shoe;

      run.distance_m = sqlite3_column_int64 (stmt, 1);
      if (!to_date (day, &run.day))
        continue;
      g_array_append_val (load_runs, run);

      week = g_date_days_between (week0, &run.day);
      if (week >= 0 && week / 7 < (int) n_weeks)
        g_array_index (report->weeks, PatellaReportWeek, week / 7).distance_m += run.distance_m;

      index = patella_day_diff (report->from, day);
      if (index < 0 || (guint) index >= report->n_days)
        continue;

      g_array_index (report->days, PatellaReportDay, index).runs++;
      g_array_index (report->days, PatellaReportDay, index).distance_m += run.distance_m;
      report->n_runs++;
      report->distance_m += run.distance_m;
      if (run.distance_m > report->longest_m)
        {
          report->longest_m = run.distance_m;
          g_strlcpy (report->longest_day, day, sizeof report->longest_day);
        }

      if (name == NULL)
        {
          if (no_shoe == NULL)
            {
              no_shoe = g_new0 (PatellaReportShoe, 1);
              g_ptr_array_add (report->shoes, no_shoe);
            }
          shoe = no_shoe;
        }
      else if ((shoe = g_hash_table_lookup (shoes, name)) == NULL)
        {
          shoe = g_new0 (PatellaReportShoe, 1);
          shoe->name = g_strdup (name);
          g_hash_table_insert (shoes, shoe->name, shoe);
          g_ptr_array_add (report->shoes, shoe);
        }
      shoe->runs++;
      shoe->distance_m += run.distance_m;
    }
  if (rc != SQLITE_DONE)
    return FALSE;

  g_ptr_array_sort (report->shoes, compare_shoes);

  /* Each week against the one before, the week before the first included. */
  {
    gint64 before = 0;

    for (guint i = 0; i < load_runs->len; i++)
      {
        const PatellaLoadRun *run = &g_array_index (load_runs, PatellaLoadRun, i);
        int days = g_date_days_between (week0, &run->day);

        if (days < 0 && days >= -7)
          before += run->distance_m;
      }

    for (guint w = 0; w < n_weeks; w++)
      {
        PatellaReportWeek *week = &g_array_index (report->weeks, PatellaReportWeek, w);

        /* A week the period cuts short at its end would be compared, part
         * against a whole week: no change is given for it. */
        week->change_percent = 0;
        week->has_change = before > 0 && g_date_days_between (week0, &last) >= (int) (w * 7 + 6);
        if (before > 0)
          week->change_percent = (int) ((week->distance_m - before) * 100 / before);
        before = week->distance_m;
      }
  }

  report->load_warnings = patella_load_check ((const PatellaLoadRun *) load_runs->data,
                                              load_runs->len, &last, n_weeks,
                                              patella_load_get_first_weekday (), report->unit);
  return TRUE;
}

/* The step rate, when the run table has one (imported from a watch). */
static gboolean
read_cadence (PatellaStore   *store,
              PatellaReport  *report,
              GError        **error)
{
  g_autoptr(PatellaStmt) stmt = NULL;

  if (patella_store_query_int (store,
                               "SELECT count(*) FROM pragma_table_info('run') "
                               "WHERE name = 'cadence_spm';", 0) == 0)
    return TRUE;

  stmt = patella_store_prepare (store,
                                "SELECT count(cadence_spm), coalesce(avg(cadence_spm), 0)"
                                " FROM run WHERE day BETWEEN ?1 AND ?2 AND cadence_spm > 0;",
                                error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, report->from, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, report->to, -1, SQLITE_TRANSIENT);
  if (patella_store_step (store, stmt, error) != SQLITE_ROW)
    return FALSE;

  report->n_cadence = (guint) sqlite3_column_int (stmt, 0);
  report->cadence_spm = sqlite3_column_double (stmt, 1);
  return TRUE;
}

static gboolean
read_sessions (PatellaStore   *store,
               PatellaReport  *report,
               GError        **error)
{
  g_autoptr(PatellaStmt) stmt = NULL;
  int rc;

  stmt = patella_store_prepare (store,
                                "SELECT day, kind, count(*) FROM session"
                                " WHERE state = 'finished' AND day BETWEEN ?1 AND ?2"
                                " GROUP BY day, kind;",
                                error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, report->from, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, report->to, -1, SQLITE_TRANSIENT);
  while ((rc = patella_store_step (store, stmt, error)) == SQLITE_ROW)
    {
      int index = patella_day_diff (report->from, (const char *) sqlite3_column_text (stmt, 0));
      gboolean icing = g_str_equal ((const char *) sqlite3_column_text (stmt, 1), "icing");
      guint count = (guint) sqlite3_column_int (stmt, 2);
      PatellaReportDay *d;

      if (index < 0 || (guint) index >= report->n_days)
        continue;

      d = &g_array_index (report->days, PatellaReportDay, index);
      if (icing)
        {
          d->icing += count;
          report->icing += count;
        }
      else
        {
          d->exercise += count;
          report->exercise += count;
        }
    }

  return rc == SQLITE_DONE;
}

/* Pain averages and sessions of each week, from the days inside the period. */
static void
sum_weeks (PatellaReport *report,
           const GDate   *week0)
{
  GDate first;

  to_date (report->from, &first);

  for (guint w = 0; w < report->weeks->len; w++)
    {
      PatellaReportWeek *week = &g_array_index (report->weeks, PatellaReportWeek, w);
      int rest = 0;
      int activity = 0;
      int morning = 0;
      guint n_rest = 0;
      guint n_activity = 0;
      guint n_morning = 0;

      for (guint k = 0; k < 7; k++)
        {
          int index = g_date_days_between (&first, week0) + (int) (w * 7 + k);
          const PatellaReportDay *d;

          if (index < 0 || (guint) index >= report->n_days)
            continue;

          d = &g_array_index (report->days, PatellaReportDay, index);
          week->n_days++;
          week->runs += d->runs;
          week->icing += d->icing;
          week->exercise += d->exercise;
          if (d->has_entry)
            week->n_entries++;
          if (d->pain_rest != PATELLA_PAIN_NONE)
            {
              n_rest++;
              rest += d->pain_rest;
            }
          if (d->pain_activity != PATELLA_PAIN_NONE)
            {
              n_activity++;
              activity += d->pain_activity;
            }
          if (d->pain_morning != PATELLA_PAIN_NONE)
            {
              n_morning++;
              morning += d->pain_morning;
            }
        }

      week->rest = n_rest > 0 ? (double) rest / n_rest : -1;
      week->activity = n_activity > 0 ? (double) activity / n_activity : -1;
      week->morning = n_morning > 0 ? (double) morning / n_morning : -1;

      if (week->n_days == 7)
        {
          report->n_whole_weeks++;
          if (week->exercise >= report->exercise_goal)
            report->exercise_goal_weeks++;
        }
    }

  for (guint i = 0; i < report->n_days; i++)
    if (g_array_index (report->days, PatellaReportDay, i).icing >= report->ice_goal)
      report->ice_goal_days++;
}

static void
find_trend (PatellaReport *report)
{
  guint span = MIN (PATELLA_REPORT_TREND_DAYS, report->n_days / 2);
  int first = 0;
  int last = 0;

  report->trend = PATELLA_REPORT_TREND_UNKNOWN;
  for (guint i = 0; i < span; i++)
    {
      const PatellaReportDay *a = &g_array_index (report->days, PatellaReportDay, i);
      const PatellaReportDay *b = &g_array_index (report->days, PatellaReportDay,
                                                  report->n_days - 1 - i);

      if (a->pain_rest != PATELLA_PAIN_NONE)
        {
          report->trend_n_first++;
          first += a->pain_rest;
        }
      if (b->pain_rest != PATELLA_PAIN_NONE)
        {
          report->trend_n_last++;
          last += b->pain_rest;
        }
    }

  if (report->trend_n_first < 3 || report->trend_n_last < 3)
    return;

  report->trend_first = (double) first / report->trend_n_first;
  report->trend_last = (double) last / report->trend_n_last;
  /* Compared in tenths, as printed, so that 1.0 points is a change. */
  if (round (report->trend_last * 10) - round (report->trend_first * 10) <=
      -PATELLA_REPORT_TREND_POINTS * 10)
    report->trend = PATELLA_REPORT_TREND_BETTER;
  else if (round (report->trend_last * 10) - round (report->trend_first * 10) >=
           PATELLA_REPORT_TREND_POINTS * 10)
    report->trend = PATELLA_REPORT_TREND_WORSE;
  else
    report->trend = PATELLA_REPORT_TREND_SAME;
}

/**
 * patella_report_format_trend:
 *
 * Returns: (transfer full): the trend in a sentence, with both averages
 */
char *
patella_report_format_trend (const PatellaReport *report)
{
  g_autofree char *first = g_strdup_printf ("%.1f", report->trend_first);
  g_autofree char *last = g_strdup_printf ("%.1f", report->trend_last);

  switch (report->trend)
    {
    case PATELLA_REPORT_TREND_BETTER:
      /* Translators: two averages of pain at rest, "2.1", "3.5" */
      return g_strdup_printf (_("Better: pain at rest averaged %s at the end of the period "
                                "against %s at its start."), last, first);
    case PATELLA_REPORT_TREND_WORSE:
      /* Translators: two averages of pain at rest */
      return g_strdup_printf (_("Worse: pain at rest averaged %s at the end of the period "
                                "against %s at its start."), last, first);
    case PATELLA_REPORT_TREND_SAME:
      /* Translators: two averages of pain at rest */
      return g_strdup_printf (_("About the same: pain at rest averaged %s at the end of the "
                                "period against %s at its start."), last, first);
    case PATELLA_REPORT_TREND_UNKNOWN:
    default:
      return g_strdup (_("Not enough entries to tell a trend: it needs at least 3 journal "
                         "days in the first and in the last 7 days of the period."));
    }
}

/**
 * patella_report_build:
 *
 * Reads everything the report shows for @options' period. An empty period
 * gives a report with nothing counted, never an error: the renderer says
 * what is missing.
 *
 * Returns: (transfer full): the report, or %NULL with @error set (a bad
 *   period, or the store failed)
 */
PatellaReport *
patella_report_build (PatellaStore                *store,
                      const PatellaReportOptions  *options,
                      GError                     **error)
{
  g_autoptr(PatellaReport) report = g_new0 (PatellaReport, 1);
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GPtrArray) insights = NULL;
  g_autofree char *lookback = NULL;
  g_autofree char *name = NULL;
  GDate first;
  GDate last;
  GDate week0;
  guint n_weeks;

  g_return_val_if_fail (PATELLA_IS_STORE (store), NULL);
  g_return_val_if_fail (options != NULL, NULL);

  if (!patella_report_check_period (store, options->from, options->to, &report->from,
                                    &report->to, error))
    return NULL;

  report->made = patella_clock_get_today (patella_store_get_clock (store));
  report->unit = options->unit;
  report->ice_goal = CLAMP (options->ice_goal, 3, 4);
  report->exercise_goal = PATELLA_REPORT_EXERCISE_GOAL;

  name = options->name != NULL ? g_strstrip (g_strdup (options->name)) : NULL;
  if (name != NULL && *name != '\0')
    /* Translators: the title of a report; %s is the person's name */
    report->title = g_strdup_printf (_("Knee report for %s"), name);
  else
    report->title = g_strdup (_("Knee report"));

  report->n_days = (guint) patella_day_diff (report->from, report->to) + 1;
  report->days = g_array_sized_new (FALSE, TRUE, sizeof (PatellaReportDay), report->n_days);
  to_date (report->from, &first);
  for (guint i = 0; i < report->n_days; i++)
    {
      PatellaReportDay d = { 0 };
      GDate date = first;

      g_date_add_days (&date, i);
      date_to_day (&date, d.day);
      d.pain_rest = d.pain_activity = d.pain_morning = PATELLA_PAIN_NONE;
      g_array_append_val (report->days, d);
    }

  to_date (report->to, &last);
  patella_load_week_start (&first, patella_load_get_first_weekday (), &week0);
  n_weeks = (guint) g_date_days_between (&week0, &last) / 7 + 1;
  report->weeks = g_array_sized_new (FALSE, TRUE, sizeof (PatellaReportWeek), n_weeks);
  for (guint w = 0; w < n_weeks; w++)
    {
      PatellaReportWeek week = { 0 };
      GDate start = week0;

      g_date_add_days (&start, 7 * w);
      date_to_day (&start, week.start);
      g_array_append_val (report->weeks, week);
    }

  report->symptoms = g_ptr_array_new_with_free_func ((GDestroyNotify) symptom_free);
  report->advice = g_ptr_array_new_with_free_func (g_free);
  report->shoes = g_ptr_array_new_with_free_func ((GDestroyNotify) shoe_free);

  /* The advice of the first days looks back two weeks. */
  lookback = patella_day_add_days (report->from, -(PATELLA_ADVICE_PAIN_DAYS + 1));
  entries = patella_journal_list (store, lookback, report->to, error);
  if (entries == NULL)
    return NULL;
  read_journal (report, entries, options->include_notes);
  g_ptr_array_sort (report->advice, compare_advice);

  if (!read_runs (store, report, &week0, n_weeks, error) ||
      !read_cadence (store, report, error) ||
      !read_sessions (store, report, error))
    return NULL;

  sum_weeks (report, &week0);
  find_trend (report);

  insights = patella_insights_collect (store, report->from, report->to, report->unit, error);
  if (insights == NULL)
    return NULL;
  report->insights = g_ptr_array_new_with_free_func ((GDestroyNotify) patella_insight_free);
  for (guint i = 0; i < insights->len; i++)
    {
      PatellaInsight *insight = g_ptr_array_index (insights, i);

      if (insight->enough)
        g_ptr_array_add (report->insights, g_ptr_array_steal_index (insights, i--));
    }

  return g_steal_pointer (&report);
}

void
patella_report_free (PatellaReport *report)
{
  if (report == NULL)
    return;

  g_free (report->from);
  g_free (report->to);
  g_free (report->made);
  g_free (report->title);
  g_clear_pointer (&report->days, g_array_unref);
  g_clear_pointer (&report->weeks, g_array_unref);
  g_clear_pointer (&report->symptoms, g_ptr_array_unref);
  g_clear_pointer (&report->advice, g_ptr_array_unref);
  g_clear_pointer (&report->load_warnings, g_ptr_array_unref);
  g_clear_pointer (&report->shoes, g_ptr_array_unref);
  g_clear_pointer (&report->insights, g_ptr_array_unref);
  g_clear_pointer (&report->notes, g_ptr_array_unref);
  g_free (report);
}

/**
 * patella_report_get_disclaimer:
 *
 * Returns: the report's last line
 */
const char *
patella_report_get_disclaimer (void)
{
  return _("This report is a self-report: the runner’s own journal entries. It is not a "
           "diagnosis and does not replace an examination.");
}

/**
 * patella_report_get_trend_rule:
 *
 * Returns: how the trend is decided, in words
 */
const char *
patella_report_get_trend_rule (void)
{
  return _("Rule: the average pain at rest of the last 7 days is compared with that of the "
           "first 7 days of the period (with at least 3 entries in each). 1 point or more "
           "lower is better, 1 point or more higher is worse, anything between is the same.");
}
