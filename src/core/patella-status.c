/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "patella-status"

#include "config.h"

#include <glib/gi18n.h>

#include "patella-advice.h"
#include "patella-reminders.h"
#include "patella-shoes.h"
#include "patella-status.h"
#include "patella-store-private.h"
#include "patella-timer.h"


void
patella_shoe_summary_free (PatellaShoeSummary *summary)
{
  if (summary == NULL)
    return;

  g_free (summary->name);
  g_free (summary->brand);
  g_free (summary);
}

/* Returns: (transfer full): the fields `status` and `shoe list` report */
PatellaShoeSummary *
patella_shoe_to_summary (const PatellaShoe *shoe)
{
  PatellaShoeSummary *summary;

  g_return_val_if_fail (shoe != NULL, NULL);

  summary = g_new0 (PatellaShoeSummary, 1);
  summary->name = g_strdup (shoe->name);
  summary->brand = g_strdup (shoe->brand);
  summary->distance_m = shoe->distance_m;
  summary->warn_m = shoe->warn_m;
  summary->limit_m = shoe->limit_m;
  summary->retired = shoe->retired;
  summary->is_default = shoe->is_default;
  summary->status = shoe->status;

  return summary;
}

void
patella_status_free (PatellaStatus *status)
{
  if (status == NULL)
    return;

  g_free (status->today);
  g_clear_pointer (&status->shoes, g_ptr_array_unref);
  g_clear_pointer (&status->advice, g_ptr_array_unref);
  g_clear_pointer (&status->advice_items, g_ptr_array_unref);
  g_clear_object (&status->journal_today);
  g_free (status);
}

static gint64
collect_next_reminder (PatellaStore *store,
                       GSettings    *settings)
{
  g_autoptr(PatellaReminderConfig) config = patella_reminder_config_from_settings (settings);

  return patella_reminders_next_due (store, config);
}

static gboolean
collect_ice (PatellaStore   *store,
             GSettings      *settings,
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
  status->ice_goal = patella_reminders_get_ice_goal (settings);
  status->next_ice_reminder_us = collect_next_reminder (store, settings);
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
  g_autoptr(GPtrArray) shoes = patella_shoes_list (store, PATELLA_SHOES_ACTIVE, error);

  if (shoes == NULL)
    return FALSE;

  for (guint i = 0; i < shoes->len; i++)
    g_ptr_array_add (status->shoes, patella_shoe_to_summary (g_ptr_array_index (shoes, i)));

  return TRUE;
}

/* This week's and last week's load checks, each with its source. */
static gboolean
collect_load_advice (PatellaStore   *store,
                     PatellaStatus  *status,
                     GError        **error)
{
  g_autoptr(GPtrArray) warnings = NULL;

  warnings = patella_runs_check_load (store, 2, patella_unit_get_preferred (), NULL, error);
  if (warnings == NULL)
    return FALSE;

  for (guint i = 0; i < warnings->len; i++)
    {
      const PatellaLoadWarning *warning = g_ptr_array_index (warnings, i);

      PatellaAdviceItem *item = g_new0 (PatellaAdviceItem, 1);

      /* Translators: a load warning, then where its rule comes from */
      g_ptr_array_add (status->advice, g_strdup_printf (_("%s Source: %s."),
                                                        warning->message, warning->source));

      item->id = g_strdup (warning->id);
      item->kind = g_strdup ("load");
      item->text = g_strdup (warning->message);
      item->why = g_strdup (warning->why);
      item->source = g_strdup (warning->source);
      item->evidence = g_strdup (patella_evidence_get_id (warning->evidence));
      g_ptr_array_add (status->advice_items, item);
    }

  return TRUE;
}

static gboolean
collect_journal (PatellaStore   *store,
                 PatellaStatus  *status,
                 GError        **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GPtrArray) advice = NULL;

  status->journal_today = patella_journal_get (store, status->today, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  advice = patella_advice_for_day (store, status->today, error);
  if (advice == NULL)
    return FALSE;

  for (guint i = 0; i < advice->len; i++)
    {
      const PatellaAdviceRule *rule = g_ptr_array_index (advice, i);

      g_ptr_array_add (status->advice, g_strdup (patella_advice_rule_get_text (rule)));
      g_ptr_array_add (status->advice_items, patella_advice_item_new_for_rule (rule));
    }

  return TRUE;
}

/**
 * patella_status_collect:
 *
 * Gathers what `patella-cli status` reports: today's icing against the goal,
 * the next reminder, the active shoes, today's journal entry and the advice
 * that applies today: the journal's rules (sooner first), then the load
 * checks. @settings (nullable: the defaults) gives the goal and the
 * reminders' times.
 */
PatellaStatus *
patella_status_collect (PatellaStore  *store,
                        GSettings     *settings,
                        GError       **error)
{
  g_autoptr(PatellaStatus) status = NULL;

  g_return_val_if_fail (PATELLA_IS_STORE (store), NULL);

  status = g_new0 (PatellaStatus, 1);
  status->today = patella_clock_get_today (patella_store_get_clock (store));
  status->shoes = g_ptr_array_new_with_free_func ((GDestroyNotify) patella_shoe_summary_free);
  status->advice = g_ptr_array_new_with_free_func (g_free);
  status->advice_items = g_ptr_array_new_with_free_func ((GDestroyNotify) patella_advice_item_free);

  if (!collect_ice (store, settings, status, error) ||
      !collect_shoes (store, status, error) ||
      !collect_journal (store, status, error) ||
      !collect_load_advice (store, status, error))
    return NULL;

  collect_ice_running (store, status);

  return g_steal_pointer (&status);
}
