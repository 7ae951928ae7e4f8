/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Benchmark helper for the store (never installed, never part of the test
 * suite):
 *
 *   bench-store gen empty|ten-year|stress DB [SEED]
 *       writes a deterministic dataset, ending today, in one transaction
 *       with prepared statements against the real schema;
 *   bench-store status-sql DB
 *       prints, as SQL, every read that patella_status_collect() runs, so
 *       that the sqlite3 program can run the very same queries;
 *   bench-store log-run DB N
 *       logs N runs one by one through patella_run_add() (one committed
 *       transaction each, WAL with synchronous=FULL) and prints each time;
 *   bench-store insights-sql DB
 *       prints, as SQL, every read that patella_insights_recent() runs;
 *   bench-store insights DB N
 *       computes the insights of the last year N times, printing each time;
 *   bench-store import DB SEED
 *       writes the ten-year dataset through the core API (journal, shoes,
 *       runs, icing, exercise) in one outer transaction and prints rows and
 *       seconds;
 *   bench-store metronome SECONDS SPM
 *       runs the walk/run metronome for SECONDS and prints how late each
 *       tick came, beside a naive chain of g_timeout_add() of one period
 *       each (the baseline, in the same main loop);
 *   bench-store plan DB
 *       follows the recovery plan over the last 60 days on a fake clock,
 *       one session every other day, and prints the time of each decision
 *       (logging a session, which decides the one before, then reading the
 *       plan and today's prescription) and, as the baseline, the journal
 *       advice for the same day.
 */
#define G_LOG_DOMAIN "bench-store"

#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>

#include "patella-exercises.h"
#include "patella-insights.h"
#include "patella-advice.h"
#include "patella-error.h"
#include "patella-journal.h"
#include "patella-metronome.h"
#include "patella-plan.h"
#include "patella-shoes.h"
#include "patella-status.h"
#include "patella-store-private.h"
#include "patella-store.h"
#include "patella-timer.h"

typedef struct
{
  guint n_days;      /* journal entries, one a day, ending today */
  guint n_runs;
  guint n_shoes;
  guint n_icing;
  guint n_exercise;
} DatasetSize;

static const DatasetSize size_empty = { 0, 0, 0, 0, 0 };
/* Ten years of daily use. */
static const DatasetSize size_ten_year = { 3650, 3000, 15, 12000, 5000 };
/* Far more than anyone writes: 274 years of journal, 200 000 runs. */
static const DatasetSize size_stress = { 100000, 200000, 200, 120000, 50000 };

static const char * const notes[] = {
  "",
  "",
  "Easy day.",
  "Knee stiff after sitting at work.",
  "Stairs were fine today.",
  "Ached a little going downhill on the long run.",
  "Iced twice after the run, felt better by evening.",
  "Did the clamshells and bridges, no pain.",
  "Sharp twinge on the stairs, took a rest day.",
  "Morning stiffness gone within ten minutes.",
  "Tried a higher cadence, around 175, knee felt quieter.",
  "Long drive, kneecap ache afterwards.",
};

static const char * const symptoms[] = {
  "ache-behind-kneecap", "pain-stairs", "pain-downhill", "pain-sitting",
  "pain-squatting", "grinding",
};

static const char * const brands[] = {
  "Trail", "Road", "Track", "Daily", "Tempo",
};

static const char * const routines[] = {
  "Early Phase (Isometric)", "Strength", "Stretching", "5-Minute Warm-Up",
};

static const char * const run_notes[] = {
  "", "", "", "Easy", "Intervals", "Long run", "Hills", "Recovery",
};

static int
die (const char *what,
     GError     *error)
{
  g_printerr ("bench-store: %s: %s\n", what, error != NULL ? error->message : "failed");
  return 1;
}

/* Day @n_back days before @end, as "YYYY-MM-DD". */
static void
day_before (const GDate *end,
            guint        n_back,
            char         out[11])
{
  GDate date = *end;

  g_date_subtract_days (&date, n_back);
  g_snprintf (out, 11, "%04u-%02u-%02u", g_date_get_year (&date), g_date_get_month (&date),
              g_date_get_day (&date));
}

/* Midnight UTC of @end minus @n_back days, plus @seconds: good enough for a
 * session's instants, which only have to fall on or near their day. */
static gint64
instant_before (const GDate *end,
                guint        n_back,
                gint64       seconds)
{
  GDate date = *end;
  GDate epoch;

  g_date_clear (&epoch, 1);
  g_date_set_dmy (&epoch, 1, 1, 1970);
  g_date_subtract_days (&date, n_back);

  return ((gint64) g_date_days_between (&epoch, &date) * 86400 + seconds) * G_USEC_PER_SEC;
}

static void
get_today (GDate *today)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  g_date_clear (today, 1);
  g_date_set_dmy (today, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
}

/* Which of @n_days days (counted back from today) holds run @i of @n. */
static guint
spread (guint i,
        guint n,
        guint n_days)
{
  /* Oldest first: run 0 is n_days - 1 days back. */
  return (guint) (n_days - 1 - ((guint64) i * n_days) / n);
}

static gboolean
generate (PatellaStore       *store,
          const DatasetSize  *size,
          guint32             seed,
          GError            **error)
{
  g_autoptr(PatellaTransaction) tx = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  g_autoptr(PatellaStmt) entry = NULL;
  g_autoptr(PatellaStmt) symptom = NULL;
  g_autoptr(PatellaStmt) shoe = NULL;
  g_autoptr(PatellaStmt) run = NULL;
  g_autoptr(PatellaStmt) session = NULL;
  guint n_days = MAX (size->n_days, 3650);
  guint n_active = MIN (size->n_shoes, 2);
  guint n_retired = size->n_shoes - n_active;
  guint active_runs = 60;   /* few enough to stay below the warning mark */
  guint retired_total = size->n_runs - MIN (size->n_runs, n_active * active_runs);
  gint64 created_us = g_get_real_time ();
  GDate today;
  char day[11];

  get_today (&today);

  tx = patella_store_transaction (store, error);
  if (tx == NULL)
    return FALSE;

  entry = patella_store_prepare (store,
                                 "INSERT INTO journal_entry (day, pain_rest, pain_activity,"
                                 "  pain_morning, note, created_us, updated_us) "
                                 "VALUES (?, ?, ?, ?, ?, ?, ?);", error);
  symptom = patella_store_prepare (store,
                                   "INSERT INTO journal_symptom (day, code) VALUES (?, ?);",
                                   error);
  shoe = patella_store_prepare (store,
                                "INSERT INTO shoe (id, name, brand, first_used, retired,"
                                "  is_default, created_us) VALUES (?, ?, ?, ?, ?, ?, ?);",
                                error);
  run = patella_store_prepare (store,
                               "INSERT INTO run (day, distance_m, duration_s, shoe_id, pain,"
                               "  note, created_us) VALUES (?, ?, ?, ?, ?, ?, ?);", error);
  session = patella_store_prepare (store,
                                   "INSERT INTO session (kind, day, state, started_us, planned_s,"
                                   "  ended_us, duration_s, routine, pain) "
                                   "VALUES (?, ?, 'finished', ?, ?, ?, ?, ?, ?);", error);
  if (entry == NULL || symptom == NULL || shoe == NULL || run == NULL || session == NULL)
    return FALSE;

  /* The journal: one entry a day, oldest first, ending today. */
  for (guint i = 0; i < size->n_days; i++)
    {
      guint back = size->n_days - 1 - i;
      int rest = g_rand_int_range (rand, 0, 5);
      const char *note = notes[g_rand_int_range (rand, 0, G_N_ELEMENTS (notes))];

      day_before (&today, back, day);
      sqlite3_reset (entry);
      sqlite3_bind_text (entry, 1, day, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (entry, 2, rest);
      if (g_rand_boolean (rand))
        sqlite3_bind_int (entry, 3, MIN (rest + g_rand_int_range (rand, 0, 4), 10));
      else
        sqlite3_bind_null (entry, 3);
      sqlite3_bind_int (entry, 4, g_rand_int_range (rand, 0, 4));
      sqlite3_bind_text (entry, 5, note, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (entry, 6, created_us);
      sqlite3_bind_int64 (entry, 7, created_us);
      if (!patella_store_step_done (store, entry, error))
        return FALSE;

      if (g_rand_int_range (rand, 0, 4) == 0)
        {
          sqlite3_reset (symptom);
          sqlite3_bind_text (symptom, 1, day, -1, SQLITE_TRANSIENT);
          sqlite3_bind_text (symptom, 2, symptoms[g_rand_int_range (rand, 0, G_N_ELEMENTS (symptoms))],
                             -1, SQLITE_STATIC);
          if (!patella_store_step_done (store, symptom, error))
            return FALSE;
        }
    }

  /* Shoes: the older ones retired, the newest the default. */
  for (guint i = 0; i < size->n_shoes; i++)
    {
      g_autofree char *name = g_strdup_printf ("Shoe %03u", i + 1);
      guint first_run = i < n_retired ? (guint) ((guint64) i * retired_total / n_retired)
                                      : retired_total + (i - n_retired) * active_runs;

      day_before (&today, spread (MIN (first_run, size->n_runs - 1), size->n_runs, n_days), day);
      sqlite3_reset (shoe);
      sqlite3_bind_int64 (shoe, 1, i + 1);
      sqlite3_bind_text (shoe, 2, name, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (shoe, 3, brands[i % G_N_ELEMENTS (brands)], -1, SQLITE_STATIC);
      sqlite3_bind_text (shoe, 4, day, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (shoe, 5, i < n_retired);
      sqlite3_bind_int (shoe, 6, i + 1 == size->n_shoes);
      sqlite3_bind_int64 (shoe, 7, created_us);
      if (!patella_store_step_done (store, shoe, error))
        return FALSE;
    }

  /* Runs, oldest first, each shoe worn in turn. */
  for (guint i = 0; i < size->n_runs; i++)
    {
      guint shoe_index;
      gint64 distance_m;

      if (size->n_shoes == 0)
        shoe_index = G_MAXUINT;
      else if (i < retired_total)
        shoe_index = (guint) ((guint64) i * n_retired / retired_total);
      else
        shoe_index = MIN (n_retired + (i - retired_total) / active_runs, size->n_shoes - 1);

      distance_m = shoe_index >= n_retired ? g_rand_int_range (rand, 3000, 7000)
                                           : g_rand_int_range (rand, 3000, 16000);
      day_before (&today, spread (i, size->n_runs, n_days), day);
      sqlite3_reset (run);
      sqlite3_bind_text (run, 1, day, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (run, 2, distance_m);
      sqlite3_bind_int64 (run, 3, distance_m * g_rand_int_range (rand, 300, 420) / 1000);
      if (shoe_index == G_MAXUINT)
        sqlite3_bind_null (run, 4);
      else
        sqlite3_bind_int64 (run, 4, shoe_index + 1);
      sqlite3_bind_int (run, 5, g_rand_int_range (rand, 0, 6));
      sqlite3_bind_text (run, 6, run_notes[g_rand_int_range (rand, 0, G_N_ELEMENTS (run_notes))],
                         -1, SQLITE_STATIC);
      sqlite3_bind_int64 (run, 7, created_us);
      if (!patella_store_step_done (store, run, error))
        return FALSE;
    }

  /* Icing and exercise sessions, all finished, none today. */
  for (guint i = 0; i < size->n_icing + size->n_exercise; i++)
    {
      gboolean icing = i < size->n_icing;
      guint n = icing ? size->n_icing : size->n_exercise;
      guint k = icing ? i : i - size->n_icing;
      guint back = 1 + spread (k, n, n_days - 1);
      gint64 duration_s = icing ? 15 * 60 : g_rand_int_range (rand, 10, 40) * 60;
      /* Sessions of one day are consecutive here: spread them over the day
       * so that no two start at the same instant (an import would take the
       * second for a duplicate). */
      gint64 hour = icing ? 7 + (k % 4) * 4 : 8 + (k % 2) * 9;
      gint64 started_us = instant_before (&today, back,
                                          hour * 3600 + g_rand_int_range (rand, 0, 60) * 60);

      day_before (&today, back, day);
      sqlite3_reset (session);
      sqlite3_bind_text (session, 1, icing ? "icing" : "exercise", -1, SQLITE_STATIC);
      sqlite3_bind_text (session, 2, day, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (session, 3, started_us);
      sqlite3_bind_int64 (session, 4, duration_s);
      sqlite3_bind_int64 (session, 5, started_us + duration_s * G_USEC_PER_SEC);
      sqlite3_bind_int64 (session, 6, duration_s);
      if (icing)
        {
          sqlite3_bind_null (session, 7);
          sqlite3_bind_null (session, 8);
        }
      else
        {
          sqlite3_bind_text (session, 7, routines[g_rand_int_range (rand, 0, G_N_ELEMENTS (routines))],
                             -1, SQLITE_STATIC);
          sqlite3_bind_int (session, 8, g_rand_int_range (rand, 0, 4));
        }
      if (!patella_store_step_done (store, session, error))
        return FALSE;
    }

  if (!patella_transaction_commit (tx, error))
    return FALSE;

  return patella_store_exec (store, "ANALYZE; PRAGMA wal_checkpoint(TRUNCATE);", error);
}

static int
cmd_gen (int    argc,
         char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PatellaStore) store = NULL;
  g_autoptr(PatellaClock) clock = patella_clock_new_real ();
  g_autofree char *tmp = NULL;
  const DatasetSize *size;
  guint32 seed = argc > 4 ? (guint32) g_ascii_strtoull (argv[4], NULL, 10) : 9;
  gint64 start = g_get_monotonic_time ();

  if (argc < 4)
    return die ("usage", NULL);

  if (g_str_equal (argv[2], "empty"))
    size = &size_empty;
  else if (g_str_equal (argv[2], "ten-year"))
    size = &size_ten_year;
  else if (g_str_equal (argv[2], "stress"))
    size = &size_stress;
  else
    return die ("dataset must be empty, ten-year or stress", NULL);

  /* Written aside and renamed, so that a cached file is always complete. */
  tmp = g_strconcat (argv[3], ".tmp", NULL);
  g_remove (tmp);
  store = patella_store_open (tmp, clock, &error);
  if (store == NULL || !generate (store, size, seed, &error))
    return die ("generate", error);
  g_clear_object (&store);

  if (g_rename (tmp, argv[3]) != 0)
    return die ("rename", NULL);

  g_print ("generated %s in %.2f s\n", argv[2],
           (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC);
  return 0;
}

static int
trace_cb (unsigned int  type,
          void         *data,
          void         *p,
          void         *x)
{
  GString *out = data;
  char *sql;

  if (type != SQLITE_TRACE_STMT || g_str_has_prefix ((const char *) x, "--"))
    return 0;

  sql = sqlite3_expanded_sql (p);
  if (sql != NULL)
    {
      const char *s = sql;

      while (g_ascii_isspace (*s))
        s++;
      if (g_ascii_strncasecmp (s, "SELECT", 6) == 0 || g_ascii_strncasecmp (s, "WITH", 4) == 0)
        {
          g_string_append (out, s);
          if (!g_str_has_suffix (s, ";"))
            g_string_append_c (out, ';');
          g_string_append_c (out, '\n');
        }
      sqlite3_free (sql);
    }

  return 0;
}

/* The database named on the command line (argv[2]), on the real clock;
 * %NULL, and why said, when there is none or it does not open. */
static PatellaStore *
open_named_store (int    argc,
                  char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PatellaClock) clock = NULL;
  PatellaStore *store;

  if (argc < 3)
    {
      die ("usage", NULL);
      return NULL;
    }

  clock = patella_clock_new_real ();
  store = patella_store_open (argv[2], clock, &error);
  if (store == NULL)
    die ("open", error);
  return store;
}

/* Starts writing each statement @store runs to @out; %NULL stops. */
static void
trace_sql (PatellaStore *store,
           GString      *out)
{
  sqlite3_trace_v2 (patella_store_get_db (store), out != NULL ? SQLITE_TRACE_STMT : 0,
                    out != NULL ? trace_cb : NULL, out);
}

static int
cmd_status_sql (int    argc,
                char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PatellaStore) store = open_named_store (argc, argv);
  g_autoptr(GString) out = g_string_new (NULL);
  PatellaStatus *status;

  if (store == NULL)
    return 1;

  trace_sql (store, out);
  status = patella_status_collect (store, NULL, &error);
  trace_sql (store, NULL);
  if (status == NULL)
    return die ("status", error);
  patella_status_free (status);

  fputs (out->str, stdout);
  return 0;
}

static int
cmd_insights_sql (int    argc,
                  char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PatellaStore) store = open_named_store (argc, argv);
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GPtrArray) insights = NULL;

  if (store == NULL)
    return 1;

  trace_sql (store, out);
  insights = patella_insights_recent (store, PATELLA_UNIT_KM, &error);
  trace_sql (store, NULL);
  if (insights == NULL)
    return die ("insights", error);

  fputs (out->str, stdout);
  return 0;
}

/* In one process, as the Journal computes them: the first run prepares the
 * statements, the later ones find them cached. */
static int
cmd_insights (int    argc,
              char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PatellaStore) store = open_named_store (argc, argv);
  guint n = argc > 3 ? (guint) g_ascii_strtoull (argv[3], NULL, 10) : 5;

  if (store == NULL)
    return 1;

  for (guint i = 0; i < n; i++)
    {
      gint64 start = g_get_monotonic_time ();
      g_autoptr(GPtrArray) insights = patella_insights_recent (store, PATELLA_UNIT_KM, &error);

      if (insights == NULL)
        return die ("insights", error);
      printf ("insights-us %" G_GINT64_FORMAT " %u\n", g_get_monotonic_time () - start,
              insights->len);
    }

  return 0;
}

static int
cmd_log_run (int    argc,
             char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PatellaStore) store = NULL;
  g_autoptr(PatellaClock) clock = patella_clock_new_real ();
  g_autofree char *today = NULL;
  guint n;

  if (argc < 4)
    return die ("usage", NULL);

  n = (guint) g_ascii_strtoull (argv[3], NULL, 10);
  store = patella_store_open (argv[2], clock, &error);
  if (store == NULL)
    return die ("open", error);

  g_print ("synchronous=%" G_GINT64_FORMAT " journal_mode_wal=%d\n",
           patella_store_query_int (store, "PRAGMA synchronous;", -1),
           patella_store_query_int (store, "SELECT journal_mode = 'wal' FROM pragma_journal_mode;", -1) == 1);

  today = patella_clock_get_today (clock);
  for (guint i = 0; i < n; i++)
    {
      PatellaRun run = { 0, today, 5000 + i, 1800, PATELLA_SHOE_DEFAULT, NULL, 2, (char *) "" };
      gint64 start = g_get_monotonic_time ();

      if (patella_run_add (store, NULL, &run, &error) <= 0)
        return die ("run add", error);
      g_print ("log-run-us %" G_GINT64_FORMAT "\n", g_get_monotonic_time () - start);
    }

  return 0;
}

/* The ten-year dataset again, but every row through the same core functions
 * that the views and the command line use. */
static int
cmd_import (int    argc,
            char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PatellaStore) store = NULL;
  g_autoptr(PatellaTransaction) tx = NULL;
  g_autoptr(PatellaClock) clock = patella_clock_new_real ();
  g_autoptr(GRand) rand = NULL;
  const DatasetSize *size = &size_ten_year;
  gint64 shoe_ids[16] = { 0 };
  guint64 rows = 0;
  gint64 start;
  GDate today;
  char day[11];

  if (argc < 3)
    return die ("usage", NULL);

  rand = g_rand_new_with_seed (argc > 3 ? (guint32) g_ascii_strtoull (argv[3], NULL, 10) : 9);
  g_remove (argv[2]);
  store = patella_store_open (argv[2], clock, &error);
  if (store == NULL)
    return die ("open", error);

  get_today (&today);
  start = g_get_monotonic_time ();
  tx = patella_store_transaction (store, &error);
  if (tx == NULL)
    return die ("begin", error);

  for (guint i = 0; i < size->n_days; i++)
    {
      PatellaJournalChange change = PATELLA_JOURNAL_CHANGE_INIT;
      const char *some[2] = { NULL, NULL };

      day_before (&today, size->n_days - 1 - i, day);
      change.pain_rest = g_rand_int_range (rand, 0, 5);
      change.pain_morning = g_rand_int_range (rand, 0, 4);
      change.note = notes[g_rand_int_range (rand, 0, G_N_ELEMENTS (notes))];
      if (g_rand_int_range (rand, 0, 4) == 0)
        {
          some[0] = symptoms[g_rand_int_range (rand, 0, G_N_ELEMENTS (symptoms))];
          change.symptoms = some;
        }
      if (!patella_journal_save (store, day, &change, NULL, &error))
        return die ("journal", error);
      rows++;
    }

  for (guint i = 0; i < size->n_shoes; i++)
    {
      g_autofree char *name = g_strdup_printf ("Shoe %03u", i + 1);
      PatellaShoeInput input = { name, brands[i % G_N_ELEMENTS (brands)], NULL, 0, 0, 0,
                                 i + 1 == size->n_shoes };

      shoe_ids[i] = patella_shoe_add (store, NULL, &input, &error);
      if (shoe_ids[i] <= 0)
        return die ("shoe", error);
      rows++;
    }

  for (guint i = 0; i < size->n_runs; i++)
    {
      PatellaRun run = { 0 };

      day_before (&today, spread (i, size->n_runs, size->n_days), day);
      run.day = day;
      run.distance_m = g_rand_int_range (rand, 3000, 16000);
      run.duration_s = run.distance_m * 360 / 1000;
      run.shoe_id = shoe_ids[i * size->n_shoes / size->n_runs];
      run.pain = g_rand_int_range (rand, 0, 6);
      run.note = (char *) run_notes[g_rand_int_range (rand, 0, G_N_ELEMENTS (run_notes))];
      if (patella_run_add (store, NULL, &run, &error) <= 0)
        return die ("run", error);
      rows++;
    }

  for (guint i = 0; i < size->n_icing; i++)
    {
      day_before (&today, 1 + spread (i, size->n_icing, size->n_days - 1), day);
      if (!patella_ice_log (store, day, 15, &error))
        return die ("icing", error);
      rows++;
    }

  for (guint i = 0; i < size->n_exercise; i++)
    {
      guint back = 1 + spread (i, size->n_exercise, size->n_days - 1);

      if (!patella_exercise_log_session (store, routines[i % G_N_ELEMENTS (routines)],
                                         instant_before (&today, back, 12 * 3600),
                                         20 * 60, g_rand_int_range (rand, 0, 4), &error))
        return die ("exercise", error);
      rows++;
    }

  if (!patella_transaction_commit (tx, &error))
    return die ("commit", error);

  g_print ("import-rows %" G_GUINT64_FORMAT " import-us %" G_GINT64_FORMAT "\n",
           rows, g_get_monotonic_time () - start);
  return 0;
}

typedef struct
{
  gint64   start_us;
  int      spm;
  guint64  n;
  GArray  *late;
} NaiveChain;

/* The baseline: each tick waits one period after the one before. */
static gboolean
naive_tick_cb (gpointer data)
{
  NaiveChain *chain = data;
  gint64 due = patella_metronome_tick_instant (chain->start_us, chain->spm, ++chain->n);
  gint64 late = g_get_monotonic_time () - due;

  g_array_append_val (chain->late, late);
  g_timeout_add (60000 / chain->spm, naive_tick_cb, chain);
  return G_SOURCE_REMOVE;
}

typedef struct
{
  GMutex  mutex;
  GArray *late;
} Lateness;

/* In the metronome's thread. */
static void
metronome_tick_cb (guint64  n,
                   gint64   late_us,
                   gpointer data)
{
  Lateness *lateness = data;

  g_mutex_lock (&lateness->mutex);
  g_array_append_val (lateness->late, late_us);
  g_mutex_unlock (&lateness->mutex);
}

static gboolean
quit_cb (gpointer data)
{
  g_main_loop_quit (data);
  return G_SOURCE_REMOVE;
}

static int
compare_gint64 (gconstpointer a,
                gconstpointer b)
{
  gint64 x = *(const gint64 *) a;
  gint64 y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

static void
print_lateness (const char *name,
                GArray     *late)
{
  gint64 max_abs = 0;

  for (guint i = 0; i < late->len; i++)
    max_abs = MAX (max_abs, ABS (g_array_index (late, gint64, i)));
  g_array_sort (late, compare_gint64);
  g_print ("%s ticks %u p50-us %" G_GINT64_FORMAT " p99-us %" G_GINT64_FORMAT
           " max-us %" G_GINT64_FORMAT "\n",
           name, late->len, g_array_index (late, gint64, late->len / 2),
           g_array_index (late, gint64, late->len * 99 / 100), max_abs);
}

static int
cmd_metronome (int    argc,
               char **argv)
{
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  Lateness lateness = { 0 };
  g_autoptr(PatellaMetronome) metronome = patella_metronome_new (metronome_tick_cb, &lateness);
  NaiveChain chain = { 0 };
  guint seconds;
  int spm;

  if (argc < 4)
    return die ("usage", NULL);

  seconds = (guint) g_ascii_strtoull (argv[2], NULL, 10);
  spm = (int) g_ascii_strtoull (argv[3], NULL, 10);
  if (seconds == 0 || spm <= 0)
    return die ("metronome needs SECONDS and SPM", NULL);

  chain.spm = spm;
  chain.late = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_mutex_init (&lateness.mutex);
  lateness.late = g_array_new (FALSE, FALSE, sizeof (gint64));

  patella_metronome_start (metronome, spm);
  chain.start_us = g_get_monotonic_time ();
  g_timeout_add (60000 / spm, naive_tick_cb, &chain);
  g_timeout_add_seconds (seconds, quit_cb, loop);
  g_main_loop_run (loop);

  patella_metronome_stop (metronome);
  print_lateness ("metronome", lateness.late);
  print_lateness ("naive", chain.late);
  g_array_unref (chain.late);
  g_array_unref (lateness.late);
  g_mutex_clear (&lateness.mutex);
  return 0;
}

static gint64
local_instant (const char *day,
               int         hour)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_local ();
  g_autoptr(GDateTime) dt = NULL;
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_parse (&date, day);
  dt = g_date_time_new (tz, g_date_get_year (&date), g_date_get_month (&date),
                        g_date_get_day (&date), hour, 0, 0);
  return g_date_time_to_unix (dt) * G_USEC_PER_SEC;
}

static int
cmd_plan (int    argc,
          char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PatellaStore) store = NULL;
  g_autoptr(PatellaClock) clock = NULL;
  GDate today;
  char day[11];

  if (argc < 3)
    return die ("usage", NULL);

  get_today (&today);
  day_before (&today, 60, day);
  clock = patella_clock_new_fake (local_instant (day, 9));
  store = patella_store_open (argv[2], clock, &error);
  if (store == NULL)
    return die ("open", error);

  if (!patella_plan_start (store, PATELLA_PLAN_PHASE_WALK_RUN, PATELLA_PLAN_RULE_STANDARD, &error))
    return die ("start", error);

  for (int back = 60; back >= 0; back -= 2)
    {
      g_autoptr(PatellaPlan) plan = NULL;
      g_autoptr(PatellaPlanToday) prescription = NULL;
      g_autoptr(GPtrArray) advice = NULL;
      gint64 t0, t1, t2;

      day_before (&today, (guint) back, day);
      patella_clock_set_now (clock, local_instant (day, 18));

      t0 = g_get_monotonic_time ();
      if (!patella_plan_update (store, &error) ||
          !patella_plan_log (store, NULL, 2, 1, NULL, &error))
        {
          /* A red flag of the generated journal pauses the plan: go on. */
          if (!g_error_matches (error, PATELLA_ERROR, PATELLA_ERROR_INVALID))
            return die ("log", error);
          g_clear_error (&error);
          if (!patella_plan_resume (store, &error))
            return die ("resume", error);
        }
      plan = patella_plan_load (store, &error);
      if (plan == NULL)
        return die ("load", error);
      prescription = patella_plan_get_today (plan, day);
      t1 = g_get_monotonic_time ();
      advice = patella_advice_for_day (store, day, &error);
      if (advice == NULL)
        return die ("advice", error);
      t2 = g_get_monotonic_time ();

      g_print ("plan-us %" G_GINT64_FORMAT " advice-us %" G_GINT64_FORMAT " phase %d\n",
               t1 - t0, t2 - t1, plan->phase);
    }

  return 0;
}

int
main (int    argc,
      char **argv)
{
  if (argc >= 2 && g_str_equal (argv[1], "gen"))
    return cmd_gen (argc, argv);
  if (argc >= 2 && g_str_equal (argv[1], "status-sql"))
    return cmd_status_sql (argc, argv);
  if (argc >= 2 && g_str_equal (argv[1], "insights-sql"))
    return cmd_insights_sql (argc, argv);
  if (argc >= 2 && g_str_equal (argv[1], "insights"))
    return cmd_insights (argc, argv);
  if (argc >= 2 && g_str_equal (argv[1], "log-run"))
    return cmd_log_run (argc, argv);
  if (argc >= 2 && g_str_equal (argv[1], "import"))
    return cmd_import (argc, argv);
  if (argc >= 2 && g_str_equal (argv[1], "plan"))
    return cmd_plan (argc, argv);
  if (argc >= 2 && g_str_equal (argv[1], "metronome"))
    return cmd_metronome (argc, argv);

  g_printerr ("usage: bench-store gen empty|ten-year|stress DB [SEED] | status-sql DB | "
              "insights-sql DB | insights DB N | log-run DB N | import DB [SEED] | plan DB |\n"
              " metronome SECONDS SPM\n");
  return 2;
}
