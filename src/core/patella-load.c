/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "patella-load"

#include "config.h"

#include <glib/gi18n.h>
#include <langinfo.h>

#include "patella-load.h"

/* The sources, as GUIDANCE.md gives them. */
/* xgettext:no-c-format */
#define SOURCE_10 N_("Common advice among runners and coaches: the 10% rule of thumb")
#define SOURCE_30 N_("Nielsen et al., J Orthop Sports Phys Ther 2014")
#define SOURCE_LONG N_("Frandsen et al., Garmin-RUNSAFE, Br J Sports Med 2025")
/* xgettext:no-c-format */
#define WHY_10 N_("A common rule of thumb is to add at most 10% a week; there is little evidence " \
                  "for the exact figure.")
/* xgettext:no-c-format */
#define WHY_30 N_("In a study of novice runners, those who raised their weekly distance by more " \
                  "than 30% tended to have more distance-related injuries; the result was not " \
                  "statistically conclusive.")
/* xgettext:no-c-format */
#define WHY_LONG N_("In a large study of runners, a single run more than 10% longer than the " \
                    "longest of the previous 30 days was linked to more running injuries.")

#define LONG_RUN_WINDOW_DAYS 30

/* What each kind of warning rests on. */
typedef struct
{
  PatellaLoadKind  kind;
  const char      *id;
  const char      *why;
  PatellaEvidence  evidence;
  const char      *source;
} LoadRule;

static const LoadRule rules[] = {
  { PATELLA_LOAD_WEEK_OVER_10, "load-week-10", WHY_10, PATELLA_EVIDENCE_COMMON_ADVICE, SOURCE_10 },
  { PATELLA_LOAD_WEEK_OVER_30, "load-week-30", WHY_30, PATELLA_EVIDENCE_STUDY, SOURCE_30 },
  { PATELLA_LOAD_LONG_RUN, "load-long-run", WHY_LONG, PATELLA_EVIDENCE_STUDY, SOURCE_LONG },
};

/**
 * patella_load_get_first_weekday:
 *
 * Returns: the day weeks start on in the user's locale; Monday when the
 *   locale does not say
 */
GDateWeekday
patella_load_get_first_weekday (void)
{
#if defined(_NL_TIME_FIRST_WEEKDAY) && defined(_NL_TIME_WEEK_1STDAY)
  union { unsigned int word; char *string; } langinfo;
  int first_weekday;
  unsigned int week_origin;
  int week_1stday;

  /* glibc: FIRST_WEEKDAY counts from 1 at the day WEEK_1STDAY names, a date
   * that is a Sunday (19971130) or a Monday (19971201). */
  langinfo.string = nl_langinfo (_NL_TIME_FIRST_WEEKDAY);
  first_weekday = langinfo.string != NULL ? langinfo.string[0] : 0;
  langinfo.string = nl_langinfo (_NL_TIME_WEEK_1STDAY);
  week_origin = langinfo.word;

  if (week_origin == 19971130)
    week_1stday = 0;
  else if (week_origin == 19971201)
    week_1stday = 1;
  else
    return G_DATE_MONDAY;

  if (first_weekday < 1 || first_weekday > 7)
    return G_DATE_MONDAY;

  /* 0 is Sunday here; GDateWeekday has Monday = 1 … Sunday = 7. */
  switch ((week_1stday + first_weekday - 1) % 7)
    {
    case 0:
      return G_DATE_SUNDAY;
    default:
      return (GDateWeekday) ((week_1stday + first_weekday - 1) % 7);
    }
#else
  return G_DATE_MONDAY;
#endif
}

/* @start: (out caller-allocates): the first day of the week holding @day */
void
patella_load_week_start (const GDate  *day,
                         GDateWeekday  first_weekday,
                         GDate        *start)
{
  guint back;

  g_return_if_fail (day != NULL && g_date_valid (day));
  g_return_if_fail (g_date_valid_weekday (first_weekday));

  back = ((guint) g_date_get_weekday (day) + 7 - (guint) first_weekday) % 7;
  *start = *day;
  g_date_subtract_days (start, back);
}

/* Totals for @n_weeks weeks ending with the one holding @today. */
static GArray *
weekly_totals (const PatellaLoadRun *runs,
               guint                 n_runs,
               const GDate          *today,
               guint                 n_weeks,
               GDateWeekday          first_weekday)
{
  GArray *weeks = g_array_sized_new (FALSE, TRUE, sizeof (PatellaLoadWeek), n_weeks);
  GDate first;

  patella_load_week_start (today, first_weekday, &first);
  g_date_subtract_days (&first, 7 * (n_weeks - 1));

  for (guint i = 0; i < n_weeks; i++)
    {
      PatellaLoadWeek week = { 0 };

      week.start = first;
      g_date_add_days (&week.start, 7 * i);
      g_array_append_val (weeks, week);
    }

  for (guint i = 0; i < n_runs; i++)
    {
      int days = g_date_days_between (&first, &runs[i].day);

      if (days < 0 || days >= (int) (7 * n_weeks))
        continue;

      g_array_index (weeks, PatellaLoadWeek, days / 7).distance_m += runs[i].distance_m;
    }

  return weeks;
}

/**
 * patella_load_weekly_totals:
 * @runs: (array length=n_runs): the runs, in any order
 * @today: the last week is the one holding this day
 * @n_weeks: how many weeks, at least 1
 *
 * Returns: (transfer full) (element-type PatellaLoadWeek): @n_weeks weeks,
 *   oldest first, weeks without runs included
 */
GArray *
patella_load_weekly_totals (const PatellaLoadRun *runs,
                            guint                 n_runs,
                            const GDate          *today,
                            guint                 n_weeks,
                            GDateWeekday          first_weekday)
{
  g_return_val_if_fail (runs != NULL || n_runs == 0, NULL);
  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);
  g_return_val_if_fail (n_weeks > 0, NULL);
  g_return_val_if_fail (g_date_valid_weekday (first_weekday), NULL);

  return weekly_totals (runs, n_runs, today, n_weeks, first_weekday);
}

void
patella_load_warning_free (PatellaLoadWarning *warning)
{
  if (warning == NULL)
    return;

  g_free (warning->message);
  g_free (warning);
}

/* A warning of @kind about @day, without its message. */
static PatellaLoadWarning *
new_warning (PatellaLoadKind  kind,
             const GDate     *day,
             gint64           distance_m,
             gint64           reference_m)
{
  PatellaLoadWarning *warning = g_new0 (PatellaLoadWarning, 1);
  const LoadRule *rule = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (rules); i++)
    if (rules[i].kind == kind)
      rule = &rules[i];
  g_assert (rule != NULL);

  warning->kind = kind;
  warning->day = *day;
  warning->distance_m = distance_m;
  warning->reference_m = reference_m;
  warning->id = rule->id;
  warning->why = _(rule->why);
  warning->evidence = rule->evidence;
  warning->source = _(rule->source);
  return warning;
}

static char *
format_day (const GDate *day)
{
  char buffer[64];

  /* Translators: a day in a load warning, strftime format */
  if (g_date_strftime (buffer, sizeof buffer, _("%b %-d"), day) == 0)
    return g_strdup ("");

  return g_strdup (buffer);
}

static PatellaLoadWarning *
week_warning (const PatellaLoadWeek *week,
              gint64                 previous_m,
              PatellaDistanceUnit    unit)
{
  g_autofree char *start = format_day (&week->start);
  g_autofree char *distance = patella_format_distance (week->distance_m, unit);
  g_autofree char *previous = patella_format_distance (previous_m, unit);
  PatellaLoadWarning *warning;
  int percent;

  /* Integer comparisons: exactly 10% or 30% more does not fire. */
  if (previous_m <= 0 || week->distance_m * 10 <= previous_m * 11)
    return NULL;

  percent = (int) ((week->distance_m - previous_m) * 100 / previous_m);

  if (week->distance_m * 10 > previous_m * 13)
    {
      warning = new_warning (PATELLA_LOAD_WEEK_OVER_30, &week->start, week->distance_m,
                             previous_m);
      /* Translators: week start, its distance, the increase, the week before's distance */
      warning->message = g_strdup_printf (_("The week of %s (%s) is %d%% above the week before "
                                            "(%s). One study suggests that more than 30%% a week "
                                            "may raise the risk of injuries such as runner’s "
                                            "knee: consider easing back."),
                                          start, distance, percent, previous);
    }
  else
    {
      warning = new_warning (PATELLA_LOAD_WEEK_OVER_10, &week->start, week->distance_m,
                             previous_m);
      /* Translators: week start, its distance, the increase, the week before's distance */
      warning->message = g_strdup_printf (_("The week of %s (%s) is %d%% above the week before "
                                            "(%s). The usual advice is to add at most 10%% a "
                                            "week; it is a rule of thumb, with little evidence "
                                            "behind the exact figure."),
                                          start, distance, percent, previous);
    }

  return warning;
}

static PatellaLoadWarning *
long_run_warning (const PatellaLoadRun *run,
                  const PatellaLoadRun *runs,
                  guint                 n_runs,
                  PatellaDistanceUnit   unit)
{
  g_autofree char *day = NULL;
  g_autofree char *distance = NULL;
  g_autofree char *longest = NULL;
  PatellaLoadWarning *warning;
  gint64 longest_m = 0;

  for (guint i = 0; i < n_runs; i++)
    {
      int before = g_date_days_between (&runs[i].day, &run->day);

      if (before >= 1 && before <= LONG_RUN_WINDOW_DAYS && runs[i].distance_m > longest_m)
        longest_m = runs[i].distance_m;
    }

  if (longest_m <= 0 || run->distance_m * 10 <= longest_m * 11)
    return NULL;

  day = format_day (&run->day);
  distance = patella_format_distance (run->distance_m, unit);
  longest = patella_format_distance (longest_m, unit);

  warning = new_warning (PATELLA_LOAD_LONG_RUN, &run->day, run->distance_m, longest_m);
  /* Translators: the run's day, its distance, the longest run before it */
  warning->message = g_strdup_printf (_("The run on %s (%s) was more than 110%% of your longest "
                                        "run in the 30 days before (%s). In a large study, "
                                        "single runs that much longer were linked to more "
                                        "running injuries."),
                                      day, distance, longest);
  return warning;
}

static int
compare_warnings (gconstpointer a,
                  gconstpointer b)
{
  const PatellaLoadWarning *wa = *(PatellaLoadWarning * const *) a;
  const PatellaLoadWarning *wb = *(PatellaLoadWarning * const *) b;
  int by_day = g_date_compare (&wa->day, &wb->day);

  return by_day != 0 ? by_day : (int) wa->kind - (int) wb->kind;
}

/**
 * patella_load_check:
 * @runs: (array length=n_runs): the runs, in any order, including the 30
 *   days and the week before the first week checked
 * @n_weeks: how many weeks, ending with the one holding @today, to check
 *
 * Checks each week against the one before (more than 10%, more than 30%)
 * and each run in those weeks against the longest run of the 30 days before
 * it (more than 110%).
 *
 * Returns: (transfer full) (element-type PatellaLoadWarning): what fired,
 *   oldest first; at most one week warning a week, the stronger one
 */
GPtrArray *
patella_load_check (const PatellaLoadRun *runs,
                    guint                 n_runs,
                    const GDate          *today,
                    guint                 n_weeks,
                    GDateWeekday          first_weekday,
                    PatellaDistanceUnit   unit)
{
  g_autoptr(GArray) weeks = NULL;
  GPtrArray *warnings;
  GDate first;

  g_return_val_if_fail (runs != NULL || n_runs == 0, NULL);
  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);
  g_return_val_if_fail (n_weeks > 0, NULL);
  g_return_val_if_fail (g_date_valid_weekday (first_weekday), NULL);

  warnings = g_ptr_array_new_with_free_func ((GDestroyNotify) patella_load_warning_free);

  /* One week more than asked, for the first week's comparison. */
  weeks = weekly_totals (runs, n_runs, today, n_weeks + 1, first_weekday);
  for (guint i = 1; i < weeks->len; i++)
    {
      PatellaLoadWarning *warning = week_warning (&g_array_index (weeks, PatellaLoadWeek, i),
                                                  g_array_index (weeks, PatellaLoadWeek,
                                                                 i - 1).distance_m,
                                                  unit);
      if (warning != NULL)
        g_ptr_array_add (warnings, warning);
    }

  first = g_array_index (weeks, PatellaLoadWeek, 1).start;
  for (guint i = 0; i < n_runs; i++)
    {
      PatellaLoadWarning *warning;

      if (g_date_compare (&runs[i].day, &first) < 0 || g_date_compare (&runs[i].day, today) > 0)
        continue;

      warning = long_run_warning (&runs[i], runs, n_runs, unit);
      if (warning != NULL)
        g_ptr_array_add (warnings, warning);
    }

  g_ptr_array_sort (warnings, compare_warnings);
  return warnings;
}
