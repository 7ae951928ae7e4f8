/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "patella-activity-import"

#include "config.h"

#include <glib/gi18n.h>

#include "patella-activity-import.h"
#include "patella-error.h"
#include "patella-parse.h"
#include "patella-shoes.h"
#include "patella-units.h"

/* The one writer of device runs: what the readers found becomes runs
 * through the run model, the same as a run the user logs, with duplicates,
 * other sports and unusable activities skipped and said why. */

static void
skip (PatellaActivityReport *report,
      guint                 *counter,
      char                  *reason)
{
  (*counter)++;
  g_ptr_array_add (report->skipped, reason);
}

static gboolean
write_one (PatellaActivityReport *report,
           PatellaStore          *store,
           PatellaFoundActivity  *found,
           gint64                 shoe_id,
           GError               **error)
{
  PatellaActivity *activity = found->activity;
  g_autofree char *day = patella_activity_get_day (activity);
  g_autofree char *distance = patella_format_distance (activity->distance_m,
                                                       patella_unit_get_preferred ());
  g_autoptr(GPtrArray) same = NULL;
  PatellaRun run = { 0 };

  if (!activity->is_run)
    {
      skip (report, &report->other_sports,
            g_strdup_printf (_("%s: a %s activity, not a run."), found->file, activity->sport));
      return TRUE;
    }

  if (activity->problem != NULL)
    {
      skip (report, &report->unusable,
            g_strdup_printf ("%s: %s.", found->file, activity->problem));
      return TRUE;
    }

  if (day == NULL)
    {
      skip (report, &report->unusable,
            g_strdup_printf (_("%s: it has no start time between 1900 and 2999, so its day is "
                               "unknown."), found->file));
      return TRUE;
    }

  if (activity->distance_m < 1 || activity->distance_m > PATELLA_RUN_MAX_M)
    {
      skip (report, &report->unusable,
            g_strdup_printf (_("%s: its distance (%s) is not between 1 m and 300 km."),
                             found->file, distance));
      return TRUE;
    }

  if (activity->duration_s > PATELLA_DURATION_MAX_S)
    {
      skip (report, &report->unusable,
            g_strdup_printf (_("%s: it lasts more than 48 hours, too long for a run."),
                             found->file));
      return TRUE;
    }

  run.day = day;
  run.distance_m = activity->distance_m;
  run.duration_s = activity->duration_s;
  run.shoe_id = shoe_id;
  run.pain = -1;
  run.note = NULL;
  run.start_us = activity->start_us;
  run.source = activity->source;
  run.cadence_spm = activity->cadence_spm <= 400 ? activity->cadence_spm : 0;
  run.has_descent = activity->has_descent && activity->descent_m <= 100000;
  run.descent_m = activity->descent_m;

  same = patella_runs_find_same (store, activity->start_us, day, activity->distance_m, error);
  if (same == NULL)
    return FALSE;

  if (same->len > 0)
    {
      PatellaRun *existing = g_ptr_array_index (same, 0);
      /* A typed run takes what it still lacks, from each file that has it
       * (a GPX gave the start, a FIT later gives the cadence). */
      gboolean typed = (existing->source == PATELLA_SOURCE_MANUAL ||
                        existing->source == PATELLA_SOURCE_JSON) &&
                       (existing->start_us == 0 || existing->duration_s == 0 ||
                        (existing->cadence_spm == 0 && run.cadence_spm > 0) ||
                        (!existing->has_descent && run.has_descent));
      gboolean better = existing->source != PATELLA_SOURCE_MANUAL &&
                        existing->source != PATELLA_SOURCE_JSON &&
                        patella_source_rank (activity->source) >
                        patella_source_rank (existing->source);

      if (typed || better)
        {
          if (!patella_run_merge_measured (store, existing->id, &run, better, error))
            return FALSE;
          report->updated++;
          return TRUE;
        }

      skip (report, &report->duplicates,
            g_strdup_printf (_("%s: the run of %s on %s is already there; skipped as a "
                               "duplicate."), found->file, distance, day));
      return TRUE;
    }

  /* Notifications wait for the commit: a rolled-back import notifies nothing. */
  report->last_run_id = patella_run_add (store, NULL, &run, error);
  if (report->last_run_id == 0)
    return FALSE;

  report->imported++;
  return TRUE;
}

/**
 * patella_activity_report_write:
 * @shoe_id: the shoe of new runs: a shoe's id, %PATELLA_SHOE_DEFAULT or
 *   %PATELLA_SHOE_NONE
 *
 * Stores the runs that were read, all in one transaction: each running
 * activity becomes a run unless it is already there (started within 60 s
 * with a distance within 3 %). A better source (FIT, then TCX, then GPX)
 * updates a run imported from a worse one; a typed run on the same day
 * gets what it lacks. Other sports and duplicates are skipped with their
 * reason.
 *
 * Returns: %FALSE with @error set, and nothing written, when the store
 *   refused a write or @cancellable was cancelled
 */
gboolean
patella_activity_report_write (PatellaActivityReport  *report,
                               PatellaStore           *store,
                               PatellaNotifier        *notifier,
                               gint64                  shoe_id,
                               GCancellable           *cancellable,
                               GError                **error)
{
  g_autoptr(PatellaTransaction) tx = NULL;
  g_autoptr(GError) local_error = NULL;
  guint imported = report->imported;
  guint updated = report->updated;

  g_return_val_if_fail (report != NULL, FALSE);
  g_return_val_if_fail (PATELLA_IS_STORE (store), FALSE);
  g_return_val_if_fail (notifier == NULL || PATELLA_IS_NOTIFIER (notifier), FALSE);

  if (report->found->len == 0)
    return TRUE;

  if (!patella_store_check_writable (store, error))
    return FALSE;
  tx = patella_store_transaction (store, error);
  if (tx == NULL)
    return FALSE;

  for (guint i = 0; i < report->found->len; i++)
    {
      if (g_cancellable_set_error_if_cancelled (cancellable, error) ||
          !write_one (report, store, g_ptr_array_index (report->found, i), shoe_id, error))
        goto fail;
    }

  if (!patella_transaction_commit (tx, error))
    goto fail;

  patella_store_emit_changed (store, "runs");

  if (notifier != NULL && !patella_shoes_check_notifications (store, notifier, &local_error))
    g_message ("Could not check shoe notifications: %s", local_error->message);

  return TRUE;

fail:
  g_clear_pointer (&tx, patella_transaction_free);
  /* The runs already stored in this import are gone again. */
  report->imported = imported;
  report->updated = updated;
  report->last_run_id = 0;
  patella_store_emit_changed (store, "runs");
  g_prefix_error (error, _("Nothing was imported: "));
  return FALSE;
}

/**
 * patella_activity_import:
 *
 * Reads @paths with patella_activity_read_paths() and writes what they hold
 * with patella_activity_report_write().
 *
 * Returns: (transfer full): the report, or %NULL with @error set and
 *   nothing written
 */
PatellaActivityReport *
patella_activity_import (PatellaStore                *store,
                         PatellaNotifier             *notifier,
                         const char * const          *paths,
                         gint64                       shoe_id,
                         PatellaActivityProgressFunc  progress,
                         gpointer                     user_data,
                         GCancellable                *cancellable,
                         GError                     **error)
{
  g_autoptr(PatellaActivityReport) report = NULL;

  g_return_val_if_fail (PATELLA_IS_STORE (store), NULL);

  report = patella_activity_read_paths (paths, progress, user_data, cancellable, error);
  if (report == NULL)
    return NULL;

  if (!patella_activity_report_write (report, store, notifier, shoe_id, cancellable, error))
    return NULL;

  return g_steal_pointer (&report);
}
