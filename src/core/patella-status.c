/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "patella-status"

#include "config.h"

#include <glib/gi18n.h>

#include "patella-settings.h"
#include "patella-status.h"
#include "patella-timer.h"

#define DEFAULT_ICE_GOAL 4

void
patella_shoe_summary_free (PatellaShoeSummary *summary)
{
  if (summary == NULL)
    return;

  g_free (summary->name);
  g_free (summary->brand);
  g_free (summary->status);
  g_free (summary);
}

void
patella_status_free (PatellaStatus *status)
{
  if (status == NULL)
    return;

  g_free (status->today);
  g_clear_pointer (&status->shoes, g_ptr_array_unref);
  g_clear_pointer (&status->advice, g_ptr_array_unref);
  g_free (status);
}

static guint
get_ice_goal (void)
{
  g_autoptr(GSettings) settings = patella_settings_new ();

  if (settings == NULL)
    return DEFAULT_ICE_GOAL;

  return (guint) g_settings_get_int (settings, "ice-sessions-per-day");
}

static gboolean
collect_ice (PatellaStore   *store,
             PatellaStatus  *status,
             GError        **error)
{
  g_autoptr(PatellaStmt) stmt = NULL;
  int rc;

  stmt = patella_store_prepare (store,
                                "SELECT count(*) FROM session "
                                "WHERE kind = 'icing' AND day = ? AND state = 'finished';",
                                error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, status->today, -1, SQLITE_TRANSIENT);
  rc = patella_store_step (store, stmt, error);
  if (rc < 0)
    return FALSE;

  status->ice_sessions_today = (guint) sqlite3_column_int (stmt, 0);
  status->ice_goal = get_ice_goal ();
  return TRUE;
}

/* A running session that reached its end while no Patella ran is done too. */
static void
collect_ice_running (PatellaStore  *store,
                     PatellaStatus *status)
{
  guint done = patella_ice_count_day (store, status->today);

  if (done > status->ice_sessions_today)
    status->ice_sessions_today = done;

  if (!patella_ice_get_running (store, &status->ice_running_ends_us,
                                &status->ice_running_remaining_s))
    {
      status->ice_running_ends_us = 0;
      status->ice_running_remaining_s = 0;
    }
}

static gboolean
collect_shoes (PatellaStore   *store,
               PatellaStatus  *status,
               GError        **error)
{
  g_autoptr(PatellaStmt) stmt = NULL;
  int rc;

  stmt = patella_store_prepare (store,
                                "SELECT s.name, s.brand,"
                                "       s.initial_m + coalesce ((SELECT sum (r.distance_m) FROM run r"
                                "                               WHERE r.shoe_id = s.id), 0),"
                                "       s.warn_m, s.limit_m, s.retired, s.is_default "
                                "FROM shoe s WHERE s.retired = 0 ORDER BY s.name;",
                                error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = patella_store_step (store, stmt, error)) == SQLITE_ROW)
    {
      PatellaShoeSummary *shoe = g_new0 (PatellaShoeSummary, 1);

      shoe->name = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      shoe->brand = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      shoe->distance_m = sqlite3_column_int64 (stmt, 2);
      shoe->warn_m = sqlite3_column_int64 (stmt, 3);
      shoe->limit_m = sqlite3_column_int64 (stmt, 4);
      shoe->retired = sqlite3_column_int (stmt, 5) != 0;
      shoe->is_default = sqlite3_column_int (stmt, 6) != 0;

      if (shoe->retired)
        shoe->status = g_strdup ("retired");
      else if (shoe->distance_m >= shoe->limit_m)
        shoe->status = g_strdup ("replace");
      else if (shoe->distance_m >= shoe->warn_m)
        shoe->status = g_strdup ("warn");
      else
        shoe->status = g_strdup ("ok");

      g_ptr_array_add (status->shoes, shoe);
    }

  return rc == SQLITE_DONE;
}

/**
 * patella_status_collect:
 *
 * Gathers what `patella-cli status` reports: today's icing against the goal,
 * the next reminder, the active shoes and the advice that applies today.
 */
PatellaStatus *
patella_status_collect (PatellaStore  *store,
                        GError       **error)
{
  g_autoptr(PatellaStatus) status = NULL;

  g_return_val_if_fail (PATELLA_IS_STORE (store), NULL);

  status = g_new0 (PatellaStatus, 1);
  status->today = patella_clock_get_today (patella_store_get_clock (store));
  status->shoes = g_ptr_array_new_with_free_func ((GDestroyNotify) patella_shoe_summary_free);
  status->advice = g_ptr_array_new_with_free_func (g_free);

  if (!collect_ice (store, status, error) ||
      !collect_shoes (store, status, error))
    return NULL;

  collect_ice_running (store, status);

  return g_steal_pointer (&status);
}
