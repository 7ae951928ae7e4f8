/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "patella-insights"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdlib.h>

#include "patella-error.h"
#include "patella-insights.h"
#include "patella-journal.h"
#include "patella-load.h"
#include "patella-store-private.h"

/* How the entries are read:
 *
 * - "next-morning pain" after a day is the pain_morning rating of that
 *   day's journal entry: the journal asks, on each day, for "pain the next
 *   morning". A day without that rating is left out of a comparison.
 * - Sides are counted in days: a day with two runs counts once, by its
 *   longest run (or its most descent).
 * - A week "rose more than 10%" by the rule of the load checks: the week
 *   before had runs and this week's distance is more than 110% of it. */

#define NO_RATING (-1)

typedef struct
{
  int      day;          /* days after the window's first day; negative before it */
  gint64   distance_m;
  gint64   shoe_id;      /* 0: none */
  gint64   descent_m;    /* -1: not known */
} RunRow;

typedef struct
{
  guint       n_days;
  int         base;          /* the first day of the week before the first week */
  int        *morning;       /* per day: the next-morning rating, or NO_RATING */
  int        *rest;          /* per day: pain at rest, or NO_RATING */
  guint8     *exercise;      /* per day: an exercise session was finished */
  GArray     *runs;          /* RunRow, from @base on */
  GHashTable *shoe_names;    /* shoe id (gint64 *) → name */
  gboolean    has_descent;
} Window;

typedef struct
{
  guint n;
  int   sum;
} Side;

static void
window_clear (Window *window)
{
  g_clear_pointer (&window->morning, g_free);
  g_clear_pointer (&window->rest, g_free);
  g_clear_pointer (&window->exercise, g_free);
  g_clear_pointer (&window->runs, g_array_unref);
  g_clear_pointer (&window->shoe_names, g_hash_table_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Window, window_clear)

static void
side_add (Side *side,
          int   pain)
{
  side->n++;
  side->sum += pain;
}

static double
side_mean (const Side *side)
{
  return side->n > 0 ? (double) side->sum / side->n : 0.0;
}

static double
round_tenth (double value)
{
  return round (value * 10.0) / 10.0;
}

static char *
format_pain (double value)
{
  return g_strdup_printf ("%.1f", value);
}

/* Adds the insight: a comparison when both sides have enough days, else
 * what is still needed, from @need_with and @need_without (either may be
 * %NULL when that side has enough). */
static void
add_insight (GPtrArray  *insights,
             const char *id,
             const Side *with,
             const Side *without,
             const char *subject,
             const char *with_phrase,
             const char *without_phrase,
             const char *need_with,
             const char *need_without)
{
  PatellaInsight *insight = g_new0 (PatellaInsight, 1);
  double shown_with;
  double shown_without;

  insight->id = g_strdup (id);
  insight->n_with = with->n;
  insight->n_without = without->n;
  insight->mean_with = side_mean (with);
  insight->mean_without = side_mean (without);
  shown_with = round_tenth (insight->mean_with);
  shown_without = round_tenth (insight->mean_without);
  /* The effect as shown: the difference of the two averages as printed. */
  insight->effect = round_tenth (shown_with - shown_without);
  if (insight->effect == 0.0)
    insight->effect = 0.0;  /* no "-0" */
  insight->enough = with->n >= PATELLA_INSIGHTS_MIN_DAYS && without->n >= PATELLA_INSIGHTS_MIN_DAYS;

  if (insight->enough)
    {
      g_autofree char *a = format_pain (shown_with);
      g_autofree char *b = format_pain (shown_without);
      g_autofree char *d = format_pain (fabs (insight->effect));

      if (insight->effect != 0 && fabs (insight->effect) < PATELLA_INSIGHTS_SMALL_EFFECT - 1e-9)
        /* Translators: what was measured, the two sides, the two averages,
         * their difference (under half a point) and the days on each side */
        insight->text = g_strdup_printf (_("%s was about the same %s as %s: on average %s against "
                                           "%s out of 10, a difference of %s points (%u days "
                                           "against %u)."),
                                         subject, with_phrase, without_phrase, a, b, d,
                                         with->n, without->n);
      else if (insight->effect > 0)
        /* Translators: what was measured ("Next-morning pain"), the two sides
         * ("after runs longer than 8.0 km, your median run", "after shorter
         * runs"), the two averages, their difference and the days on each side */
        insight->text = g_strdup_printf (_("%s was higher %s than %s: on average %s against %s "
                                           "out of 10, a difference of %s points (%u days "
                                           "against %u)."),
                                         subject, with_phrase, without_phrase, a, b, d,
                                         with->n, without->n);
      else if (insight->effect < 0)
        /* Translators: as for "was higher", the other way round */
        insight->text = g_strdup_printf (_("%s was lower %s than %s: on average %s against %s "
                                           "out of 10, a difference of %s points (%u days "
                                           "against %u)."),
                                         subject, with_phrase, without_phrase, a, b, d,
                                         with->n, without->n);
      else
        /* Translators: what was measured, the two sides, the average and the
         * days on each side */
        insight->text = g_strdup_printf (_("%s was the same %s as %s: on average %s out of 10 "
                                           "on both sides (%u days against %u)."),
                                         subject, with_phrase, without_phrase, a,
                                         with->n, without->n);
    }
  else
    {
      g_autofree char *needs = NULL;

      if (need_with != NULL && need_without != NULL)
        /* Translators: two things still needed, "3 more … and 1 more …" */
        needs = g_strdup_printf (_("%s and %s"), need_with, need_without);
      else
        needs = g_strdup (need_with != NULL ? need_with : need_without);

      /* Translators: %s is what is still needed: "3 more rated mornings after …" */
      insight->text = g_strdup_printf (_("Not enough entries yet to compare: %s."), needs);
    }

  g_ptr_array_add (insights, insight);
}

static guint
missing (const Side *side)
{
  return side->n >= PATELLA_INSIGHTS_MIN_DAYS ? 0 : PATELLA_INSIGHTS_MIN_DAYS - side->n;
}

static int
compare_gint64 (gconstpointer a,
                gconstpointer b)
{
  gint64 x = *(const gint64 *) a;
  gint64 y = *(const gint64 *) b;

  return (x > y) - (x < y);
}

/* The median of @values (sorted here); the lower middle one for an even count,
 * so that a tie at the median counts as "not longer". */
static gint64
median (GArray *values)
{
  g_assert (values->len > 0);
  g_array_sort (values, compare_gint64);
  return g_array_index (values, gint64, (values->len - 1) / 2);
}

static gboolean
load_window (PatellaStore  *store,
             const char    *from,
             const char    *to,
             Window        *window,
             GError       **error)
{
  g_autoptr(PatellaStmt) runs = NULL;
  g_autoptr(PatellaStmt) entries = NULL;
  g_autoptr(PatellaStmt) sessions = NULL;
  g_autofree char *base_day = NULL;
  GDate first;
  GDate week;
  int rc;

  window->n_days = (guint) patella_day_diff (from, to) + 1;
  window->morning = g_new (int, window->n_days);
  window->rest = g_new (int, window->n_days);
  window->exercise = g_new0 (guint8, window->n_days);
  window->runs = g_array_new (FALSE, FALSE, sizeof (RunRow));
  window->shoe_names = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  for (guint i = 0; i < window->n_days; i++)
    window->morning[i] = window->rest[i] = NO_RATING;

  /* Runs from the week before the first week, for that week's change. */
  g_date_clear (&first, 1);
  g_date_set_parse (&first, from);
  patella_load_week_start (&first, patella_load_get_first_weekday (), &week);
  g_date_subtract_days (&week, 7);
  window->base = -(int) g_date_days_between (&week, &first);
  base_day = patella_date_to_string (&week);

  /* A run's descent is known only once the run table has the column. */
  window->has_descent =
    patella_store_query_int (store,
                             "SELECT count(*) FROM pragma_table_info('run') "
                             "WHERE name = 'descent_m';", 0) > 0;

  runs = patella_store_prepare (store,
                                window->has_descent
                                ? "SELECT CAST(julianday(r.day) - julianday(?1) AS INTEGER),"
                                  "  r.distance_m, coalesce(r.shoe_id, 0), s.name,"
                                  "  coalesce(r.descent_m, -1)"
                                  " FROM run r LEFT JOIN shoe s ON s.id = r.shoe_id"
                                  " WHERE r.day BETWEEN ?2 AND ?3;"
                                : "SELECT CAST(julianday(r.day) - julianday(?1) AS INTEGER),"
                                  "  r.distance_m, coalesce(r.shoe_id, 0), s.name, -1"
                                  " FROM run r LEFT JOIN shoe s ON s.id = r.shoe_id"
                                  " WHERE r.day BETWEEN ?2 AND ?3;",
                                error);
  if (runs == NULL)
    return FALSE;

  sqlite3_bind_text (runs, 1, from, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (runs, 2, base_day, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (runs, 3, to, -1, SQLITE_TRANSIENT);
  while ((rc = patella_store_step (store, runs, error)) == SQLITE_ROW)
    {
      RunRow row;

      row.day = sqlite3_column_int (runs, 0);
      row.distance_m = sqlite3_column_int64 (runs, 1);
      row.shoe_id = sqlite3_column_int64 (runs, 2);
      row.descent_m = sqlite3_column_int64 (runs, 4);
      g_array_append_val (window->runs, row);

      if (row.shoe_id != 0 && !g_hash_table_contains (window->shoe_names, &row.shoe_id))
        g_hash_table_insert (window->shoe_names, g_memdup2 (&row.shoe_id, sizeof row.shoe_id),
                             g_strdup ((const char *) sqlite3_column_text (runs, 3)));
    }
  if (rc != SQLITE_DONE)
    return FALSE;

  entries = patella_store_prepare (store,
                                   "SELECT CAST(julianday(day) - julianday(?1) AS INTEGER),"
                                   "  coalesce(pain_rest, -1), coalesce(pain_morning, -1)"
                                   " FROM journal_entry WHERE day BETWEEN ?1 AND ?2;",
                                   error);
  if (entries == NULL)
    return FALSE;

  sqlite3_bind_text (entries, 1, from, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (entries, 2, to, -1, SQLITE_TRANSIENT);
  while ((rc = patella_store_step (store, entries, error)) == SQLITE_ROW)
    {
      int day = sqlite3_column_int (entries, 0);

      if (day < 0 || (guint) day >= window->n_days)
        continue;
      window->rest[day] = sqlite3_column_int (entries, 1);
      window->morning[day] = sqlite3_column_int (entries, 2);
    }
  if (rc != SQLITE_DONE)
    return FALSE;

  sessions = patella_store_prepare (store,
                                    "SELECT DISTINCT"
                                    "  CAST(julianday(day) - julianday(?1) AS INTEGER)"
                                    " FROM session WHERE kind = 'exercise' AND state = 'finished'"
                                    "  AND day BETWEEN ?1 AND ?2;",
                                    error);
  if (sessions == NULL)
    return FALSE;

  sqlite3_bind_text (sessions, 1, from, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (sessions, 2, to, -1, SQLITE_TRANSIENT);
  while ((rc = patella_store_step (store, sessions, error)) == SQLITE_ROW)
    {
      int day = sqlite3_column_int (sessions, 0);

      if (day >= 0 && (guint) day < window->n_days)
        window->exercise[day] = 1;
    }

  return rc == SQLITE_DONE;
}

/* Per day of the window, the largest value of a run that day (-1: no run,
 * or the value unknown). */
static gint64 *
per_day_max (const Window *window,
             gboolean      descent)
{
  gint64 *days = g_new (gint64, window->n_days);

  for (guint i = 0; i < window->n_days; i++)
    days[i] = -1;

  for (guint i = 0; i < window->runs->len; i++)
    {
      const RunRow *run = &g_array_index (window->runs, RunRow, i);
      gint64 value = descent ? run->descent_m : run->distance_m;

      if (run->day >= 0 && (guint) run->day < window->n_days)
        days[run->day] = MAX (days[run->day], value);
    }

  return days;
}

/* Mornings after days whose largest run is above the median run, against
 * the other days with runs. Returns FALSE when there is nothing to compare
 * (no run, or no known value). */
static gboolean
split_by_median (const Window *window,
                 gboolean      descent,
                 gint64       *median_out,
                 Side         *with,
                 Side         *without)
{
  g_autoptr(GArray) values = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree gint64 *days = NULL;
  gint64 middle;

  for (guint i = 0; i < window->runs->len; i++)
    {
      const RunRow *run = &g_array_index (window->runs, RunRow, i);
      gint64 value = descent ? run->descent_m : run->distance_m;

      if (run->day >= 0 && (guint) run->day < window->n_days && value >= 0)
        g_array_append_val (values, value);
    }

  if (values->len == 0)
    return FALSE;

  middle = median (values);
  days = per_day_max (window, descent);
  for (guint i = 0; i < window->n_days; i++)
    {
      if (days[i] < 0 || window->morning[i] == NO_RATING)
        continue;
      side_add (days[i] > middle ? with : without, window->morning[i]);
    }

  *median_out = middle;
  return TRUE;
}

static void
add_long_runs (GPtrArray           *insights,
               const Window        *window,
               PatellaDistanceUnit  unit)
{
  g_autofree char *distance = NULL;
  g_autofree char *with_phrase = NULL;
  g_autofree char *need_with = NULL;
  g_autofree char *need_without = NULL;
  Side with = { 0 };
  Side without = { 0 };
  gint64 middle;
  guint n;

  if (!split_by_median (window, FALSE, &middle, &with, &without))
    return;

  distance = patella_format_distance (middle, unit);
  /* Translators: %s is a distance, "8.0 km" */
  with_phrase = g_strdup_printf (_("after runs longer than %s, your median run,"), distance);
  if ((n = missing (&with)) > 0)
    /* Translators: %u is a count, %s a distance */
    need_with = g_strdup_printf (ngettext ("%u more rated morning after a run longer than %s",
                                           "%u more rated mornings after runs longer than %s", n),
                                 n, distance);
  if ((n = missing (&without)) > 0)
    /* Translators: %u is a count, %s a distance */
    need_without = g_strdup_printf (ngettext ("%u more after a run of %s or less",
                                              "%u more after runs of %s or less", n),
                                    n, distance);

  add_insight (insights, "long-runs", &with, &without, _("Next-morning pain"),
               with_phrase, _("after shorter runs"), need_with, need_without);
}

static void
add_descent (GPtrArray    *insights,
             const Window *window)
{
  g_autofree char *with_phrase = NULL;
  g_autofree char *need_with = NULL;
  g_autofree char *need_without = NULL;
  Side with = { 0 };
  Side without = { 0 };
  gint64 middle;
  guint n;

  if (!window->has_descent || !split_by_median (window, TRUE, &middle, &with, &without))
    return;

  /* Translators: %d is metres of descent */
  with_phrase = g_strdup_printf (_("after runs with more than %d m of descent, your median,"),
                                 (int) middle);
  if ((n = missing (&with)) > 0)
    /* Translators: %u is a count, %d metres of descent */
    need_with = g_strdup_printf (ngettext ("%u more rated morning after a run with more than "
                                           "%d m of descent",
                                           "%u more rated mornings after runs with more than "
                                           "%d m of descent", n),
                                 n, (int) middle);
  if ((n = missing (&without)) > 0)
    /* Translators: %u is a count, %d metres of descent */
    need_without = g_strdup_printf (ngettext ("%u more after a run with %d m or less",
                                              "%u more after runs with %d m or less", n),
                                    n, (int) middle);

  add_insight (insights, "descent", &with, &without, _("Next-morning pain"),
               with_phrase, _("after runs with less descent"), need_with, need_without);
}

static int
compare_names (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  GHashTable *names = user_data;
  const char *x = g_hash_table_lookup (names, *(gint64 * const *) a);
  const char *y = g_hash_table_lookup (names, *(gint64 * const *) b);

  return g_utf8_collate (x, y);
}

/* Each pair of shoes against the others: only when runs were made in at
 * least two pairs. */
static void
add_shoes (GPtrArray    *insights,
           const Window *window)
{
  g_autoptr(GPtrArray) ids = NULL;
  g_autofree guint8 *any = NULL;
  GHashTableIter iter;
  gpointer key;

  if (g_hash_table_size (window->shoe_names) < 2)
    return;

  /* Days with a run in some pair. */
  any = g_new0 (guint8, window->n_days);
  for (guint i = 0; i < window->runs->len; i++)
    {
      const RunRow *run = &g_array_index (window->runs, RunRow, i);

      if (run->shoe_id != 0 && run->day >= 0 && (guint) run->day < window->n_days)
        any[run->day] = 1;
    }

  ids = g_ptr_array_new ();
  g_hash_table_iter_init (&iter, window->shoe_names);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (ids, key);
  g_ptr_array_sort_with_data (ids, compare_names, window->shoe_names);

  for (guint s = 0; s < ids->len; s++)
    {
      gint64 shoe_id = *(gint64 *) g_ptr_array_index (ids, s);
      const char *name = g_hash_table_lookup (window->shoe_names, &shoe_id);
      g_autofree guint8 *in_pair = g_new0 (guint8, window->n_days);
      g_autofree char *id = g_strconcat ("shoe:", name, NULL);
      g_autofree char *with_phrase = NULL;
      g_autofree char *need_with = NULL;
      g_autofree char *need_without = NULL;
      Side with = { 0 };
      Side without = { 0 };
      gboolean used = FALSE;
      guint n;

      for (guint i = 0; i < window->runs->len; i++)
        {
          const RunRow *run = &g_array_index (window->runs, RunRow, i);

          if (run->shoe_id == shoe_id && run->day >= 0 && (guint) run->day < window->n_days)
            in_pair[run->day] = used = 1;
        }
      if (!used)
        continue;

      for (guint i = 0; i < window->n_days; i++)
        {
          if (!any[i] || window->morning[i] == NO_RATING)
            continue;
          side_add (in_pair[i] ? &with : &without, window->morning[i]);
        }

      /* Translators: %s is the name the user gave a pair of shoes */
      with_phrase = g_strdup_printf (_("after runs in “%s”"), name);
      if ((n = missing (&with)) > 0)
        /* Translators: %u is a count, %s the name of a pair of shoes */
        need_with = g_strdup_printf (ngettext ("%u more rated morning after a run in “%s”",
                                               "%u more rated mornings after runs in “%s”", n),
                                     n, name);
      if ((n = missing (&without)) > 0)
        /* Translators: %u is a count */
        need_without = g_strdup_printf (ngettext ("%u more after a run in other shoes",
                                                  "%u more after runs in other shoes", n), n);

      add_insight (insights, id, &with, &without, _("Next-morning pain"),
                   with_phrase, _("after runs in your other shoes"), need_with, need_without);
    }
}

static void
add_exercise (GPtrArray    *insights,
              const Window *window)
{
  g_autofree char *need_with = NULL;
  g_autofree char *need_without = NULL;
  Side with = { 0 };
  Side without = { 0 };
  gboolean any = FALSE;
  guint n;

  for (guint i = 0; i < window->n_days; i++)
    {
      any |= window->exercise[i];
      if (window->morning[i] != NO_RATING)
        side_add (window->exercise[i] ? &with : &without, window->morning[i]);
    }

  if (!any)
    return;

  if ((n = missing (&with)) > 0)
    /* Translators: %u is a count */
    need_with = g_strdup_printf (ngettext ("%u more rated morning after a day with an exercise "
                                           "session",
                                           "%u more rated mornings after days with an exercise "
                                           "session", n), n);
  if ((n = missing (&without)) > 0)
    /* Translators: %u is a count */
    need_without = g_strdup_printf (ngettext ("%u more after a day without one",
                                              "%u more after days without one", n), n);

  add_insight (insights, "exercise", &with, &without, _("Next-morning pain"),
               _("after days with an exercise session"), _("after days without one"),
               need_with, need_without);
}

static void
add_load_rise (GPtrArray    *insights,
               const Window *window)
{
  g_autofree gint64 *weeks = NULL;
  g_autofree char *need_with = NULL;
  g_autofree char *need_without = NULL;
  Side with = { 0 };
  Side without = { 0 };
  guint n_weeks = (guint) (window->n_days - 1 - window->base) / 7 + 1;
  gboolean any = FALSE;
  guint n;

  weeks = g_new0 (gint64, n_weeks);
  for (guint i = 0; i < window->runs->len; i++)
    {
      const RunRow *run = &g_array_index (window->runs, RunRow, i);
      guint w = (guint) (run->day - window->base) / 7;

      if (w < n_weeks)
        weeks[w] += run->distance_m;
      any |= run->day >= 0;
    }

  if (!any)
    return;

  for (guint i = 0; i < window->n_days; i++)
    {
      guint w = (guint) ((int) i - window->base) / 7;
      gboolean rose;

      if (window->rest[i] == NO_RATING)
        continue;

      /* As the load checks: exactly 10% more is not a rise. */
      rose = w > 0 && weeks[w - 1] > 0 && weeks[w] * 10 > weeks[w - 1] * 11;
      side_add (rose ? &with : &without, window->rest[i]);
    }

  if ((n = missing (&with)) > 0)
    /* Translators: %u is a count of days; "%%" is a percent sign */
    need_with = g_strdup_printf (ngettext ("%u more day with pain rated in a week whose distance "
                                           "rose more than 10%%",
                                           "%u more days with pain rated in weeks whose distance "
                                           "rose more than 10%%", n), n);
  if ((n = missing (&without)) > 0)
    /* Translators: %u is a count of days */
    need_without = g_strdup_printf (ngettext ("%u more in another week",
                                              "%u more in other weeks", n), n);

  add_insight (insights, "load-rise", &with, &without, _("Pain at rest"),
               /* xgettext:no-c-format */
               _("in weeks whose distance rose more than 10%"), _("in the other weeks"),
               need_with, need_without);
}

/**
 * patella_insights_collect:
 * @from: the first day, `YYYY-MM-DD`
 * @to: the last day, `YYYY-MM-DD`, not before @from
 * @unit: the unit distances are written in
 *
 * Compares the next-morning pain after long and short runs, after runs with
 * much and little descent (when runs carry it), in each pair of shoes
 * against the others, after days with and without exercise, and pain at rest
 * in weeks whose distance rose more than 10% against the others. A
 * comparison appears only when its subject is in the data (runs, two pairs
 * of shoes, an exercise session); it is @enough only with
 * %PATELLA_INSIGHTS_MIN_DAYS days on each side.
 *
 * Returns: (transfer full) (element-type PatellaInsight): the insights, or
 *   %NULL with @error set
 */
GPtrArray *
patella_insights_collect (PatellaStore         *store,
                          const char           *from,
                          const char           *to,
                          PatellaDistanceUnit   unit,
                          GError              **error)
{
  g_auto(Window) window = { 0 };
  g_autoptr(GPtrArray) insights = NULL;
  GDate a;
  GDate b;

  g_return_val_if_fail (PATELLA_IS_STORE (store), NULL);
  g_return_val_if_fail (from != NULL && to != NULL, NULL);

  g_date_clear (&a, 1);
  g_date_clear (&b, 1);
  g_date_set_parse (&a, from);
  g_date_set_parse (&b, to);
  if (!g_date_valid (&a) || !g_date_valid (&b))
    {
      g_set_error (error, PATELLA_ERROR, PATELLA_ERROR_INVALID,
                   _("“%s” to “%s” is not a period; give days as YYYY-MM-DD"), from, to);
      return NULL;
    }
  if (g_date_compare (&a, &b) > 0)
    {
      g_set_error (error, PATELLA_ERROR, PATELLA_ERROR_INVALID,
                   _("The period ends (%s) before it starts (%s); give the earlier day first"),
                   to, from);
      return NULL;
    }

  if (!load_window (store, from, to, &window, error))
    return NULL;

  insights = g_ptr_array_new_with_free_func ((GDestroyNotify) patella_insight_free);
  add_long_runs (insights, &window, unit);
  add_descent (insights, &window);
  add_shoes (insights, &window);
  add_exercise (insights, &window);
  add_load_rise (insights, &window);

  return g_steal_pointer (&insights);
}

/**
 * patella_insights_recent:
 *
 * The insights of the last %PATELLA_INSIGHTS_WINDOW_DAYS days, today
 * included: what the knee does now matters more than what it did years ago.
 *
 * Returns: (transfer full) (element-type PatellaInsight): the insights, or
 *   %NULL with @error set
 */
GPtrArray *
patella_insights_recent (PatellaStore         *store,
                         PatellaDistanceUnit   unit,
                         GError              **error)
{
  g_autofree char *today = NULL;
  g_autofree char *from = NULL;

  g_return_val_if_fail (PATELLA_IS_STORE (store), NULL);

  today = patella_clock_get_today (patella_store_get_clock (store));
  from = patella_day_add_days (today, -(PATELLA_INSIGHTS_WINDOW_DAYS - 1));

  return patella_insights_collect (store, from, today, unit, error);
}

void
patella_insight_free (PatellaInsight *insight)
{
  if (insight == NULL)
    return;

  g_free (insight->id);
  g_free (insight->text);
  g_free (insight);
}

/**
 * patella_insights_get_caveat:
 *
 * Returns: the sentence shown with insights: they compare, they do not explain
 */
const char *
patella_insights_get_caveat (void)
{
  return _("These compare your own entries: they show what went together, not what caused "
           "it. Talk them over with your physiotherapist.");
}
