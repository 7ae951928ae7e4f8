/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "patella-shoes"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "patella-error.h"
#include "patella-parse.h"
#include "patella-shoes-private.h"

/* Runs: checked, written with the shoe they go on, listed and loaded for
 * the load checks. A write sends the shoe notifications it calls for. */

#define RUN_COLUMNS \
  "SELECT r.id, r.day, r.distance_m, r.duration_s, r.shoe_id, s.name, r.pain, r.note, " \
  "       r.start_us, r.source, r.cadence_spm, r.descent_m, r.uuid, r.created_us " \
  "FROM run r LEFT JOIN shoe s ON s.id = r.shoe_id "

void
patella_run_free (PatellaRun *run)
{
  if (run == NULL)
    return;

  g_free (run->day);
  g_free (run->shoe_name);
  g_free (run->note);
  g_free (run->uuid);
  g_free (run);
}

static PatellaRun *
run_from_row (PatellaStmt *stmt)
{
  PatellaRun *run = g_new0 (PatellaRun, 1);

  run->id = sqlite3_column_int64 (stmt, 0);
  run->day = patella_stmt_dup_text (stmt, 1);
  run->distance_m = sqlite3_column_int64 (stmt, 2);
  run->duration_s = sqlite3_column_int64 (stmt, 3);
  run->shoe_id = sqlite3_column_int64 (stmt, 4);
  run->shoe_name = patella_stmt_dup_text (stmt, 5);
  run->pain = sqlite3_column_type (stmt, 6) == SQLITE_NULL ? -1 : sqlite3_column_int (stmt, 6);
  run->note = g_strdup ((const char *) sqlite3_column_text (stmt, 7));
  run->start_us = sqlite3_column_int64 (stmt, 8);
  if (!patella_source_from_string ((const char *) sqlite3_column_text (stmt, 9), &run->source))
    run->source = PATELLA_SOURCE_MANUAL;
  run->cadence_spm = sqlite3_column_int (stmt, 10);
  run->has_descent = sqlite3_column_type (stmt, 11) != SQLITE_NULL;
  run->descent_m = sqlite3_column_int64 (stmt, 11);
  run->uuid = patella_stmt_dup_text (stmt, 12);
  run->created_us = sqlite3_column_int64 (stmt, 13);

  return run;
}

/* A run is more than 0 and at most 300 km. */
gboolean
patella_run_check_distance (gint64   distance_m,
                            GError **error)
{
  if (distance_m <= 0)
    return patella_error_refuse (error, PATELLA_ERROR_INVALID,
                                 _("A run must be longer than 0; give a distance like 5.2mi, 8km or 800m"));

  if (distance_m > PATELLA_RUN_MAX_M)
    {
      g_autofree char *given = patella_shoes_format_both_units (distance_m);

      return patella_error_refuse (error, PATELLA_ERROR_INVALID,
                                   _("%s is too far for one run; a run can be at most 300 km (186.4 mi)"),
                                   given);
    }

  return TRUE;
}

typedef struct
{
  char   *day;
  char   *note;
  gint64  shoe_id;
} RunFields;

static void
run_fields_clear (RunFields *fields)
{
  g_free (fields->day);
  g_free (fields->note);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (RunFields, run_fields_clear)

static gboolean
check_run (PatellaStore      *store,
           const PatellaRun  *run,
           RunFields         *fields,
           GError           **error)
{
  g_autofree char *today = patella_clock_get_today (patella_store_get_clock (store));

  if (run->day != NULL)
    {
      GDate date;

      if (!patella_parse_date (run->day, &date, error))
        return FALSE;
      fields->day = patella_date_to_string (&date);
      /* A run typed for a day to come would count for a pair's wear and the
       * load. (What a device or another Patella recorded keeps its day.) */
      if (run->source == PATELLA_SOURCE_MANUAL && run->created_us == 0 &&
          strcmp (fields->day, today) > 0)
        return patella_error_refuse (error, PATELLA_ERROR_INVALID,
                                     _("%s is in the future; a run can be logged for today (%s) "
                                       "or an earlier day"), fields->day, today);
    }
  else
    {
      fields->day = g_strdup (today);
    }

  if (!patella_run_check_distance (run->distance_m, error))
    return FALSE;

  if (run->duration_s < 0 || run->duration_s > PATELLA_DURATION_MAX_S)
    return patella_error_refuse (error, PATELLA_ERROR_INVALID,
                                 _("A run’s duration must be between 0:01 and 48:00:00"));

  if (run->pain != -1 && !patella_check_pain (run->pain, error))
    return FALSE;

  if (run->note != NULL && !patella_check_text (run->note, PATELLA_NOTE_MAX_CHARS, error))
    return FALSE;

  if (run->uuid != NULL && !g_uuid_string_is_valid (run->uuid))
    return patella_error_refuse (error, PATELLA_ERROR_INVALID,
                                 _("A run’s identity must be a UUID such as "
                                   "“0f8fad5b-d9cb-469f-a165-70867728950e”"));

  if (run->created_us < 0 || run->start_us < 0 || run->cadence_spm < 0 || run->cadence_spm > 400 ||
      (run->has_descent && (run->descent_m < 0 || run->descent_m > 100000)) ||
      run->source > PATELLA_SOURCE_GPX)
    return patella_error_refuse (error, PATELLA_ERROR_INVALID,
                                 _("A run’s cadence must be at most 400 steps a minute and its "
                                   "descent at most 100 km"));

  fields->note = g_strdup (run->note != NULL ? run->note : "");
  return TRUE;
}

/* Inside the transaction: which shoe the run goes on, 0 for none. */
static gboolean
resolve_shoe (PatellaStore  *store,
              gint64         requested,
              gboolean       adding,
              gint64        *shoe_id,
              GError       **error)
{
  if (requested == PATELLA_SHOE_NONE || (requested == PATELLA_SHOE_DEFAULT && !adding))
    {
      *shoe_id = 0;
      return TRUE;
    }

  if (requested == PATELLA_SHOE_DEFAULT)
    {
      *shoe_id = patella_store_query_int (store,
                                          "SELECT id FROM shoe WHERE is_default = 1;", 0);
      return TRUE;
    }

  if (!patella_shoe_check_exists (store, requested, NULL, error))
    return FALSE;

  *shoe_id = requested;
  return TRUE;
}

static void
bind_run (PatellaStmt     *stmt,
          const RunFields *fields,
          const PatellaRun *run)
{
  sqlite3_bind_text (stmt, 1, fields->day, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, run->distance_m);
  if (run->duration_s > 0)
    sqlite3_bind_int64 (stmt, 3, run->duration_s);
  if (fields->shoe_id > 0)
    sqlite3_bind_int64 (stmt, 4, fields->shoe_id);
  if (run->pain >= 0)
    sqlite3_bind_int (stmt, 5, run->pain);
  sqlite3_bind_text (stmt, 6, fields->note, -1, SQLITE_TRANSIENT);
}

/* Parameters 8 to 11: start, source, cadence, descent. */
static void
bind_measured (PatellaStmt      *stmt,
               const PatellaRun *run)
{
  if (run->start_us > 0)
    sqlite3_bind_int64 (stmt, 8, run->start_us);
  sqlite3_bind_text (stmt, 9, patella_source_to_string (run->source), -1, SQLITE_STATIC);
  if (run->cadence_spm > 0)
    sqlite3_bind_int (stmt, 10, run->cadence_spm);
  if (run->has_descent)
    sqlite3_bind_int64 (stmt, 11, run->descent_m);
}

/**
 * patella_run_add:
 * @notifier: (nullable): sends the replacement notifications the run calls for
 * @run: the run; its shoe_id is a shoe, %PATELLA_SHOE_DEFAULT or
 *   %PATELLA_SHOE_NONE; a %NULL day is today
 *
 * Returns: the new run's id, or 0 with @error set
 */
gint64
patella_run_add (PatellaStore      *store,
                 PatellaNotifier   *notifier,
                 const PatellaRun  *run,
                 GError           **error)
{
  g_autoptr(PatellaTransaction) tx = NULL;
  g_auto(RunFields) fields = { 0 };
  g_autoptr(PatellaStmt) stmt = NULL;
  gint64 id;

  g_return_val_if_fail (PATELLA_IS_STORE (store), 0);
  g_return_val_if_fail (notifier == NULL || PATELLA_IS_NOTIFIER (notifier), 0);
  g_return_val_if_fail (run != NULL, 0);

  if (!check_run (store, run, &fields, error))
    return 0;

  tx = patella_store_transaction (store, error);
  if (tx == NULL)
    return 0;

  if (!resolve_shoe (store, run->shoe_id, TRUE, &fields.shoe_id, error))
    return 0;

  stmt = patella_store_prepare (store,
                                "INSERT INTO run (day, distance_m, duration_s, shoe_id, pain, "
                                "                 note, created_us, start_us, source, "
                                "                 cadence_spm, descent_m, uuid) "
                                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?);", error);
  if (stmt == NULL)
    return 0;

  bind_run (stmt, &fields, run);
  bind_measured (stmt, run);
  if (run->created_us > 0)
    sqlite3_bind_int64 (stmt, 7, run->created_us);
  else
    sqlite3_bind_int64 (stmt, 7, patella_clock_get_now (patella_store_get_clock (store)));
  /* Without one, the table's trigger gives the run a new identity. */
  if (run->uuid != NULL)
    sqlite3_bind_text (stmt, 12, run->uuid, -1, SQLITE_TRANSIENT);

  if (!patella_store_step_done (store, stmt, error))
    return 0;

  id = sqlite3_last_insert_rowid (patella_store_get_db (store));

  if (!patella_shoes_finish_write (tx, store, notifier, "runs", error))
    return 0;

  return id;
}

static gboolean
check_run_exists (PatellaStore  *store,
                  gint64         id,
                  GError       **error)
{
  g_autoptr(PatellaRun) run = patella_run_get (store, id, error);

  return run != NULL;
}

/* Rewrites run @run->id. An edit changes what the user sees; a replace
 * (@whole) writes the creation instant and what a device measured too. */
static gboolean
update_run (PatellaStore      *store,
            PatellaNotifier   *notifier,
            const PatellaRun  *run,
            gboolean           whole,
            GError           **error)
{
  g_autoptr(PatellaTransaction) tx = NULL;
  g_auto(RunFields) fields = { 0 };
  g_autoptr(PatellaStmt) stmt = NULL;

  if (!check_run (store, run, &fields, error))
    return FALSE;

  tx = patella_store_transaction (store, error);
  if (tx == NULL)
    return FALSE;

  if (!check_run_exists (store, run->id, error) ||
      !resolve_shoe (store, run->shoe_id, FALSE, &fields.shoe_id, error))
    return FALSE;

  if (whole)
    stmt = patella_store_prepare (store,
                                  "UPDATE run SET day = ?1, distance_m = ?2, duration_s = ?3, "
                                  "  shoe_id = ?4, pain = ?5, note = ?6, created_us = ?7, "
                                  "  start_us = ?8, source = ?9, cadence_spm = ?10, "
                                  "  descent_m = ?11 "
                                  "WHERE id = ?12;", error);
  else
    stmt = patella_store_prepare (store,
                                  "UPDATE run SET day = ?1, distance_m = ?2, duration_s = ?3, "
                                  "  shoe_id = ?4, pain = ?5, note = ?6 "
                                  "WHERE id = ?12;", error);
  if (stmt == NULL)
    return FALSE;

  bind_run (stmt, &fields, run);
  if (whole)
    {
      bind_measured (stmt, run);
      sqlite3_bind_int64 (stmt, 7, run->created_us > 0
                                   ? run->created_us
                                   : patella_clock_get_now (patella_store_get_clock (store)));
    }
  sqlite3_bind_int64 (stmt, 12, run->id);
  if (!patella_store_step_done (store, stmt, error))
    return FALSE;

  return patella_shoes_finish_write (tx, store, notifier, "runs", error);
}

/**
 * patella_run_edit:
 * @run: the run, by its id, with every field as it should be; a shoe_id of
 *   0 or less means no shoe
 */
gboolean
patella_run_edit (PatellaStore      *store,
                  PatellaNotifier   *notifier,
                  const PatellaRun  *run,
                  GError           **error)
{
  g_return_val_if_fail (PATELLA_IS_STORE (store), FALSE);
  g_return_val_if_fail (notifier == NULL || PATELLA_IS_NOTIFIER (notifier), FALSE);
  g_return_val_if_fail (run != NULL, FALSE);

  return update_run (store, notifier, run, FALSE, error);
}

/**
 * patella_run_replace:
 * @run: the run, by its id, with every field as it should be, its creation
 *   instant and what a device measured included (an import that replaces
 *   a run); a shoe_id of 0 or less means no shoe
 *
 * Its identity stays.
 */
gboolean
patella_run_replace (PatellaStore      *store,
                     const PatellaRun  *run,
                     GError           **error)
{
  g_return_val_if_fail (PATELLA_IS_STORE (store), FALSE);
  g_return_val_if_fail (run != NULL, FALSE);

  return update_run (store, NULL, run, TRUE, error);
}

gboolean
patella_run_delete (PatellaStore     *store,
                    PatellaNotifier  *notifier,
                    gint64            id,
                    GError          **error)
{
  g_autoptr(PatellaTransaction) tx = NULL;

  g_return_val_if_fail (PATELLA_IS_STORE (store), FALSE);
  g_return_val_if_fail (notifier == NULL || PATELLA_IS_NOTIFIER (notifier), FALSE);

  tx = patella_store_transaction (store, error);
  if (tx == NULL)
    return FALSE;

  if (!check_run_exists (store, id, error))
    return FALSE;

  if (!patella_store_exec_id (store, "DELETE FROM run WHERE id = ?;", id, error))
    return FALSE;

  return patella_shoes_finish_write (tx, store, notifier, "runs", error);
}

/**
 * patella_run_merge_measured:
 * @measured: what a device file measured: start, distance, duration,
 *   cadence, descent and source
 * @overwrite: %TRUE when @measured comes from a better source than the run:
 *   its distance, duration, cadence, descent, start and source replace the
 *   run's; %FALSE to fill only what the run lacks (start, duration, cadence,
 *   descent), keeping what the user typed
 *
 * The shoe, pain and note are never changed.
 */
gboolean
patella_run_merge_measured (PatellaStore      *store,
                            gint64             id,
                            const PatellaRun  *measured,
                            gboolean           overwrite,
                            GError           **error)
{
  g_autoptr(PatellaTransaction) tx = NULL;
  g_autoptr(PatellaStmt) stmt = NULL;

  g_return_val_if_fail (PATELLA_IS_STORE (store), FALSE);
  g_return_val_if_fail (measured != NULL, FALSE);

  if (!patella_run_check_distance (measured->distance_m, error))
    return FALSE;

  tx = patella_store_transaction (store, error);
  if (tx == NULL)
    return FALSE;

  if (!check_run_exists (store, id, error))
    return FALSE;

  if (overwrite)
    stmt = patella_store_prepare (store,
                                  "UPDATE run SET start_us = coalesce (?1, start_us), "
                                  "  distance_m = ?2, duration_s = coalesce (?3, duration_s), "
                                  "  cadence_spm = coalesce (?4, cadence_spm), "
                                  "  descent_m = coalesce (?5, descent_m), source = ?6 "
                                  "WHERE id = ?7;", error);
  else
    stmt = patella_store_prepare (store,
                                  "UPDATE run SET start_us = coalesce (start_us, ?1), "
                                  "  duration_s = coalesce (duration_s, ?3), "
                                  "  cadence_spm = coalesce (cadence_spm, ?4), "
                                  "  descent_m = coalesce (descent_m, ?5) "
                                  "WHERE id = ?7;", error);
  if (stmt == NULL)
    return FALSE;

  if (measured->start_us > 0)
    sqlite3_bind_int64 (stmt, 1, measured->start_us);
  sqlite3_bind_int64 (stmt, 2, measured->distance_m);
  if (measured->duration_s > 0 && measured->duration_s <= PATELLA_DURATION_MAX_S)
    sqlite3_bind_int64 (stmt, 3, measured->duration_s);
  if (measured->cadence_spm > 0 && measured->cadence_spm <= 400)
    sqlite3_bind_int (stmt, 4, measured->cadence_spm);
  if (measured->has_descent && measured->descent_m >= 0 && measured->descent_m <= 100000)
    sqlite3_bind_int64 (stmt, 5, measured->descent_m);
  sqlite3_bind_text (stmt, 6, patella_source_to_string (measured->source), -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 7, id);

  if (!patella_store_step_done (store, stmt, error))
    return FALSE;

  return patella_shoes_finish_write (tx, store, NULL, "runs", error);
}

/**
 * patella_runs_find_same:
 * @start_us: when the activity started
 * @day: its local day
 *
 * Finds the runs that are the same activity: those that started within
 * 60 s of @start_us, and typed runs (no start) on @day, in either case
 * with a distance within 3 % of @distance_m.
 *
 * Returns: (transfer full) (element-type PatellaRun): the runs, those with
 *   a start first, the closest start first
 */
GPtrArray *
patella_runs_find_same (PatellaStore  *store,
                        gint64         start_us,
                        const char    *day,
                        gint64         distance_m,
                        GError       **error)
{
  g_autoptr(PatellaStmt) stmt = NULL;

  g_return_val_if_fail (PATELLA_IS_STORE (store), NULL);
  g_return_val_if_fail (day != NULL, NULL);

  stmt = patella_store_prepare (store,
                                RUN_COLUMNS
                                "WHERE ((r.start_us BETWEEN ?1 - 60000000 AND ?1 + 60000000) "
                                "       OR (r.start_us IS NULL AND r.day = ?2)) "
                                "  AND abs (r.distance_m - ?3) <= 0.03 * max (r.distance_m, ?3) "
                                "ORDER BY r.start_us IS NULL, abs (r.start_us - ?1), r.id;",
                                error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, start_us);
  sqlite3_bind_text (stmt, 2, day, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, distance_m);

  return patella_store_collect (store, stmt, (PatellaRowFunc) run_from_row,
                                (GDestroyNotify) patella_run_free, error);
}

/**
 * patella_runs_list:
 * @shoe_id: only this shoe's runs, %PATELLA_SHOE_NONE for the runs on no
 *   shoe, or 0 for all
 *
 * Returns: (transfer full) (element-type PatellaRun): the runs, oldest first
 */
GPtrArray *
patella_runs_list (PatellaStore  *store,
                   gint64         shoe_id,
                   GError       **error)
{
  g_autoptr(PatellaStmt) stmt = NULL;

  g_return_val_if_fail (PATELLA_IS_STORE (store), NULL);

  if (shoe_id > 0)
    {
      stmt = patella_store_prepare (store,
                                    RUN_COLUMNS "WHERE r.shoe_id = ? ORDER BY r.day, r.id;",
                                    error);
      if (stmt != NULL)
        sqlite3_bind_int64 (stmt, 1, shoe_id);
    }
  else if (shoe_id == PATELLA_SHOE_NONE)
    {
      stmt = patella_store_prepare (store,
                                    RUN_COLUMNS "WHERE r.shoe_id IS NULL ORDER BY r.day, r.id;",
                                    error);
    }
  else
    {
      stmt = patella_store_prepare (store, RUN_COLUMNS "ORDER BY r.day, r.id;", error);
    }

  if (stmt == NULL)
    return NULL;

  return patella_store_collect (store, stmt, (PatellaRowFunc) run_from_row,
                                (GDestroyNotify) patella_run_free, error);
}

/**
 * patella_run_get:
 *
 * Returns: (transfer full) (nullable): the run, or %NULL with
 *   %PATELLA_ERROR_NOT_FOUND when it no longer exists
 */
PatellaRun *
patella_run_get (PatellaStore  *store,
                 gint64         id,
                 GError       **error)
{
  g_autoptr(PatellaStmt) stmt = NULL;

  g_return_val_if_fail (PATELLA_IS_STORE (store), NULL);

  stmt = patella_store_prepare (store, RUN_COLUMNS "WHERE r.id = ?;", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);
  if (!patella_store_step_row (store, stmt,
                               _("That run no longer exists; it may have been deleted by another program"),
                               error))
    return NULL;

  return run_from_row (stmt);
}

/**
 * patella_runs_load_since:
 * @since_day: "YYYY-MM-DD", the first day
 *
 * Returns: (transfer full) (element-type PatellaLoadRun): the runs from
 *   @since_day on, for the load checks
 */
GArray *
patella_runs_load_since (PatellaStore  *store,
                         const char    *since_day,
                         GError       **error)
{
  g_autoptr(PatellaStmt) stmt = NULL;
  g_autoptr(GArray) runs = NULL;
  int rc;

  g_return_val_if_fail (PATELLA_IS_STORE (store), NULL);
  g_return_val_if_fail (since_day != NULL, NULL);

  stmt = patella_store_prepare (store,
                                "SELECT day, distance_m FROM run WHERE day >= ? ORDER BY day;",
                                error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, since_day, -1, SQLITE_TRANSIENT);

  runs = g_array_new (FALSE, TRUE, sizeof (PatellaLoadRun));
  while ((rc = patella_store_step (store, stmt, error)) == SQLITE_ROW)
    {
      PatellaLoadRun run = { 0 };

      /* The schema's CHECK keeps the shape; a day that is not in the
       * calendar cannot be written through this code. */
      if (!patella_parse_date ((const char *) sqlite3_column_text (stmt, 0), &run.day, NULL))
        continue;

      run.distance_m = sqlite3_column_int64 (stmt, 1);
      g_array_append_val (runs, run);
    }

  if (rc != SQLITE_DONE)
    return NULL;

  return g_steal_pointer (&runs);
}

/**
 * patella_runs_check_load:
 * @n_weeks: how many weeks, ending with this one, to check
 * @weeks: (out) (optional) (transfer full) (element-type PatellaLoadWeek):
 *   those weeks' totals
 *
 * Returns: (transfer full) (element-type PatellaLoadWarning): what the load
 *   checks found in those weeks, oldest first
 */
GPtrArray *
patella_runs_check_load (PatellaStore         *store,
                         guint                 n_weeks,
                         PatellaDistanceUnit   unit,
                         GArray              **weeks,
                         GError              **error)
{
  g_autofree char *today_text = NULL;
  g_autofree char *since_text = NULL;
  g_autoptr(GArray) runs = NULL;
  GDateWeekday first_weekday = patella_load_get_first_weekday ();
  GDate today;
  GDate since;

  g_return_val_if_fail (PATELLA_IS_STORE (store), NULL);
  g_return_val_if_fail (n_weeks > 0, NULL);

  today_text = patella_clock_get_today (patella_store_get_clock (store));
  if (!patella_parse_date (today_text, &today, error))
    return NULL;

  /* The checked weeks, the week before them and the 30 days before that. */
  patella_load_week_start (&today, first_weekday, &since);
  g_date_subtract_days (&since, 7 * n_weeks + 31);
  since_text = patella_date_to_string (&since);

  runs = patella_runs_load_since (store, since_text, error);
  if (runs == NULL)
    return NULL;

  if (weeks != NULL)
    *weeks = patella_load_weekly_totals ((PatellaLoadRun *) (void *) runs->data, runs->len,
                                         &today, n_weeks, first_weekday);

  return patella_load_check ((PatellaLoadRun *) (void *) runs->data, runs->len, &today, n_weeks,
                             first_weekday, unit);
}

/**
 * patella_run_edit_changes:
 * @before: the run as the editor first showed it
 * @after: the run as the user left it
 *
 * Writes the fields the user changed (where @after differs from @before)
 * over the run as it is stored now, in one transaction: what another
 * program changed in the other fields meanwhile is kept.
 */
gboolean
patella_run_edit_changes (PatellaStore      *store,
                          PatellaNotifier   *notifier,
                          const PatellaRun  *before,
                          const PatellaRun  *after,
                          GError           **error)
{
  g_autoptr(PatellaTransaction) tx = NULL;
  g_autoptr(PatellaRun) stored = NULL;
  PatellaRun merged;

  g_return_val_if_fail (PATELLA_IS_STORE (store), FALSE);
  g_return_val_if_fail (before != NULL && after != NULL, FALSE);

  tx = patella_store_transaction (store, error);
  if (tx == NULL)
    return FALSE;

  stored = patella_run_get (store, after->id, error);
  if (stored == NULL)
    return FALSE;

  merged = *stored;
  if (g_strcmp0 (before->day, after->day) != 0)
    merged.day = after->day;
  if (before->distance_m != after->distance_m)
    merged.distance_m = after->distance_m;
  if (before->duration_s != after->duration_s)
    merged.duration_s = after->duration_s;
  if (before->shoe_id != after->shoe_id)
    merged.shoe_id = after->shoe_id;
  if (before->pain != after->pain)
    merged.pain = after->pain;
  if (g_strcmp0 (before->note, after->note) != 0)
    merged.note = after->note;

  /* A stored run without shoes keeps none. */
  if (merged.shoe_id == 0)
    merged.shoe_id = PATELLA_SHOE_NONE;

  if (!patella_run_edit (store, notifier, &merged, error) ||
      !patella_transaction_commit (tx, error))
    return FALSE;

  return TRUE;
}
