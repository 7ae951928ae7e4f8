/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "patella-reminders"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "patella-error.h"
#include "patella-reminders.h"
#include "patella-store-private.h"

#define MINUTE_US (G_GINT64_CONSTANT (60) * G_USEC_PER_SEC)
#define ID_PREFIX "ice-reminder:"

/* Defaults from DESIGN.md: 4 a day at 08, 12, 16, 20 h; 3 a day at 09, 14, 19 h. */
static const char * const default_times_3[] = { "09:00", "14:00", "19:00", NULL };
static const char * const default_times_4[] = { "08:00", "12:00", "16:00", "20:00", NULL };

const char * const *
patella_reminder_default_times (guint count)
{
  return count == 3 ? default_times_3 : default_times_4;
}

static gboolean
parse_hhmm (const char *text,
            int        *minutes)
{
  if (text == NULL || strlen (text) != 5 || text[2] != ':' ||
      !g_ascii_isdigit (text[0]) || !g_ascii_isdigit (text[1]) ||
      !g_ascii_isdigit (text[3]) || !g_ascii_isdigit (text[4]))
    return FALSE;

  {
    int h = (text[0] - '0') * 10 + (text[1] - '0');
    int m = (text[3] - '0') * 10 + (text[4] - '0');

    if (h > 23 || m > 59)
      return FALSE;

    *minutes = h * 60 + m;
  }

  return TRUE;
}

static int
compare_times (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/**
 * patella_reminder_times_validate:
 * @times: %NULL-terminated "HH:MM" times
 * @count: how many there must be (3 or 4)
 *
 * Refuses times that are not HH:MM, duplicates, the wrong number of times,
 * and times closer than 60 minutes apart.
 */
gboolean
patella_reminder_times_validate (const char * const  *times,
                                 guint                count,
                                 GError             **error)
{
  int minutes[PATELLA_REMINDER_MAX_SLOTS];
  guint n;

  g_return_val_if_fail (times != NULL, FALSE);

  if (count < 3 || count > 4)
    {
      g_set_error (error, PATELLA_ERROR, PATELLA_ERROR_INVALID,
                   _("Icing reminders come 3 or 4 times a day, not %u"), count);
      return FALSE;
    }

  n = g_strv_length ((char **) times);
  if (n != count)
    {
      g_set_error (error, PATELLA_ERROR, PATELLA_ERROR_INVALID,
                   ngettext ("%u time was given for %u sessions a day; give one time for each "
                             "session",
                             "%u times were given for %u sessions a day; give one time for each "
                             "session", n),
                   n, count);
      return FALSE;
    }

  for (guint i = 0; i < n; i++)
    {
      if (!parse_hhmm (times[i], &minutes[i]))
        {
          g_set_error (error, PATELLA_ERROR, PATELLA_ERROR_INVALID,
                       _("“%s” is not a time; write it as HH:MM on a 24-hour clock, like 08:00 "
                         "or 16:30"), times[i]);
          return FALSE;
        }
    }

  for (guint i = 0; i < n; i++)
    {
      for (guint j = i + 1; j < n; j++)
        {
          int gap = abs (minutes[i] - minutes[j]);

          if (gap == 0)
            {
              g_set_error (error, PATELLA_ERROR, PATELLA_ERROR_INVALID,
                           _("%s is given twice; each session needs a time of its own"),
                           times[i]);
              return FALSE;
            }

          if (gap < PATELLA_REMINDER_MIN_GAP_MIN)
            {
              g_set_error (error, PATELLA_ERROR, PATELLA_ERROR_INVALID,
                           _("%s and %s are less than an hour apart; leave at least 60 minutes "
                             "between icing sessions"), times[i], times[j]);
              return FALSE;
            }
        }
    }

  return TRUE;
}

/**
 * patella_reminder_config_new:
 *
 * Returns: (transfer full) (nullable): a checked configuration, or %NULL
 */
PatellaReminderConfig *
patella_reminder_config_new (gboolean             enabled,
                             guint                count,
                             const char * const  *times,
                             guint                minutes,
                             GError             **error)
{
  PatellaReminderConfig *config;

  if (!patella_reminder_times_validate (times, count, error))
    return NULL;

  if (minutes < 15 || minutes > 20)
    {
      g_set_error (error, PATELLA_ERROR, PATELLA_ERROR_INVALID,
                   _("An icing session lasts 15 to 20 minutes, not %u"), minutes);
      return NULL;
    }

  config = g_new0 (PatellaReminderConfig, 1);
  config->enabled = enabled;
  config->count = count;
  config->minutes = minutes;
  for (guint i = 0; i < count; i++)
    config->times[i] = g_strdup (times[i]);
  qsort (config->times, count, sizeof (char *), compare_times);

  return config;
}

PatellaReminderConfig *
patella_reminder_config_new_default (void)
{
  return patella_reminder_config_new (TRUE, PATELLA_ICE_GOAL_DEFAULT,
                                      patella_reminder_default_times (PATELLA_ICE_GOAL_DEFAULT),
                                      PATELLA_ICE_MINUTES_DEFAULT, NULL);
}

/**
 * patella_reminders_get_ice_goal:
 * @settings: (nullable): Patella's settings
 *
 * Returns: the icing sessions a day the user aims for (3–4, GUIDANCE.md):
 *   as many as there are reminders
 */
guint
patella_reminders_get_ice_goal (GSettings *settings)
{
  if (settings == NULL)
    return PATELLA_ICE_GOAL_DEFAULT;

  return (guint) g_settings_get_int (settings, "ice-sessions-per-day");
}

/**
 * patella_reminders_get_ice_minutes:
 * @settings: (nullable): Patella's settings
 *
 * Returns: how long an icing session lasts (15–20 minutes, GUIDANCE.md)
 */
int
patella_reminders_get_ice_minutes (GSettings *settings)
{
  if (settings == NULL)
    return PATELLA_ICE_MINUTES_DEFAULT;

  return g_settings_get_int (settings, "ice-minutes");
}

/**
 * patella_reminder_config_from_settings:
 * @settings: (nullable): Patella's settings
 *
 * Reads the configuration; times that do not pass the checks (edited by hand
 * with dconf, say) fall back to the defaults for the count.
 */
PatellaReminderConfig *
patella_reminder_config_from_settings (GSettings *settings)
{
  g_auto(GStrv) times = NULL;
  PatellaReminderConfig *config;
  gboolean enabled;
  guint count;
  guint minutes;

  if (settings == NULL)
    return patella_reminder_config_new_default ();

  enabled = g_settings_get_boolean (settings, "reminders-enabled");
  count = (guint) g_settings_get_int (settings, "ice-sessions-per-day");
  minutes = (guint) g_settings_get_int (settings, "ice-minutes");
  times = g_settings_get_strv (settings, "ice-times");

  config = patella_reminder_config_new (enabled, count, (const char * const *) times, minutes,
                                        NULL);
  if (config == NULL)
    config = patella_reminder_config_new (enabled, count, patella_reminder_default_times (count),
                                          minutes, NULL);

  return config;
}

void
patella_reminder_config_free (PatellaReminderConfig *config)
{
  if (config == NULL)
    return;

  for (guint i = 0; i < PATELLA_REMINDER_MAX_SLOTS; i++)
    g_free (config->times[i]);
  g_free (config);
}

void
patella_reminder_slot_free (PatellaReminderSlot *slot)
{
  if (slot == NULL)
    return;

  g_free (slot->day);
  g_free (slot->slot);
  g_free (slot);
}

/**
 * patella_reminder_slot_instant:
 * @day: a local day, YYYY-MM-DD
 * @slot: a local time, HH:MM
 *
 * A time that does not exist that day (the hour skipped when clocks go
 * forward) becomes the next minute that does. A time that happens twice (when
 * clocks go back) is its first occurrence.
 *
 * Returns: the instant, in microseconds since the epoch, or 0 if invalid
 */
gint64
patella_reminder_slot_instant (const char *day,
                               const char *slot)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_local ();
  int y, mo, d, minutes;

  if (day == NULL || sscanf (day, "%4d-%2d-%2d", &y, &mo, &d) != 3 || !parse_hhmm (slot, &minutes))
    return 0;

  /* Walk forward over a gap: at most the size of a DST jump. */
  for (int m = minutes; m < minutes + 180; m++)
    {
      g_autoptr(GDateTime) dt = NULL;
      int want_day = d;
      int want_minutes = m;

      if (m >= 24 * 60)
        break;

      dt = g_date_time_new (tz, y, mo, want_day, want_minutes / 60, want_minutes % 60, 0);
      if (dt == NULL)
        return 0;

      if (g_date_time_get_day_of_month (dt) == want_day &&
          g_date_time_get_hour (dt) == want_minutes / 60 &&
          g_date_time_get_minute (dt) == want_minutes % 60)
        {
          /* When the hour repeats, GLib may pick the second one. */
          g_autoptr(GDateTime) earlier = g_date_time_add_hours (dt, -1);

          if (g_date_time_get_day_of_month (earlier) == want_day &&
              g_date_time_get_hour (earlier) == want_minutes / 60 &&
              g_date_time_get_minute (earlier) == want_minutes % 60)
            return g_date_time_to_unix (earlier) * G_USEC_PER_SEC;

          return g_date_time_to_unix (dt) * G_USEC_PER_SEC;
        }
    }

  return 0;
}

static char *
local_day (gint64 instant_us,
           int    offset_days)
{
  g_autoptr(GDateTime) now = patella_date_time_new_local (instant_us);
  g_autoptr(GDateTime) noon = g_date_time_new_local (g_date_time_get_year (now),
                                                     g_date_time_get_month (now),
                                                     g_date_time_get_day_of_month (now),
                                                     12, 0, 0);
  g_autoptr(GDateTime) shifted = g_date_time_add_days (noon, offset_days);

  return g_date_time_format (shifted, "%Y-%m-%d");
}

typedef enum
{
  SLOT_NONE,       /* nothing recorded */
  SLOT_SNOOZED,
  SLOT_DONE,       /* fired, skipped, started, missed or suppressed */
} SlotRecord;

static SlotRecord
get_record (PatellaStore *store,
            const char   *day,
            const char   *slot,
            gint64       *snooze_until)
{
  g_autoptr(PatellaStmt) stmt = NULL;
  const char *state;

  stmt = patella_store_prepare (store,
                                "SELECT state, snooze_until_us FROM reminder_slot "
                                "WHERE day = ? AND slot = ?;", NULL);
  if (stmt == NULL)
    return SLOT_DONE;

  sqlite3_bind_text (stmt, 1, day, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, slot, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return SLOT_NONE;

  state = (const char *) sqlite3_column_text (stmt, 0);
  if (g_strcmp0 (state, "snoozed") == 0)
    {
      *snooze_until = sqlite3_column_int64 (stmt, 1);
      return SLOT_SNOOZED;
    }

  return SLOT_DONE;
}

static gboolean
set_record (PatellaStore  *store,
            const char    *day,
            const char    *slot,
            const char    *state,
            gint64         fired_us,
            gint64         snooze_until_us,
            GError       **error)
{
  g_autoptr(PatellaStmt) stmt = NULL;

  stmt = patella_store_prepare (store,
                                "INSERT INTO reminder_slot (day, slot, state, fired_us, "
                                "                           snooze_until_us) "
                                "VALUES (?1, ?2, ?3, nullif (?4, 0), nullif (?5, 0)) "
                                "ON CONFLICT (day, slot) DO UPDATE SET state = ?3, "
                                "  fired_us = coalesce (nullif (?4, 0), fired_us), "
                                "  snooze_until_us = nullif (?5, 0);",
                                error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, day, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, slot, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, state, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 4, fired_us);
  sqlite3_bind_int64 (stmt, 5, snooze_until_us);

  return patella_store_step_done (store, stmt, error);
}

static gint64
count_query (PatellaStore *store,
             const char   *sql,
             const char   *text,
             gint64        number)
{
  g_autoptr(PatellaStmt) stmt = patella_store_prepare (store, sql, NULL);

  if (stmt == NULL)
    return 0;

  if (text != NULL)
    sqlite3_bind_text (stmt, 1, text, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_int64 (stmt, 1, number);

  if (sqlite3_step (stmt) != SQLITE_ROW)
    return 0;

  return sqlite3_column_int64 (stmt, 0);
}

static gboolean
goal_met (PatellaStore                *store,
          const PatellaReminderConfig *config,
          const char                  *today)
{
  return count_query (store,
                      "SELECT count(*) FROM session "
                      "WHERE kind = 'icing' AND day = ? AND state = 'finished';",
                      today, 0) >= config->count;
}

/* A session running or paused, or one started in the last hour, makes a
 * reminder pointless; not a few seconds of icing, stopped: a session
 * stopped early counts from PATELLA_REMINDER_ICE_MIN_S on. */
static gboolean
icing_recently (PatellaStore *store,
                gint64        now)
{
  return count_query (store,
                      "SELECT count(*) FROM session WHERE kind = 'icing' AND "
                      "(state IN ('running', 'paused') OR (started_us > ? AND "
                      " (state = 'finished' OR duration_s >= "
                      G_STRINGIFY (PATELLA_REMINDER_ICE_MIN_S) ")));",
                      NULL, now - PATELLA_REMINDER_RECENT_MIN * MINUTE_US) > 0;
}

typedef struct
{
  char     *day;
  char     *slot;
  gint64    due_us;
  gboolean  snoozed;
} Candidate;

static void
candidate_clear (Candidate *c)
{
  g_free (c->day);
  g_free (c->slot);
}

/* Every slot of yesterday and today that is due at @now and not dealt with. */
static GArray *
collect_due (PatellaStore                *store,
             const PatellaReminderConfig *config,
             gint64                       now)
{
  GArray *due = g_array_new (FALSE, TRUE, sizeof (Candidate));

  g_array_set_clear_func (due, (GDestroyNotify) candidate_clear);

  for (int offset = -1; offset <= 0; offset++)
    {
      g_autofree char *day = local_day (now, offset);

      for (guint i = 0; i < config->count; i++)
        {
          gint64 instant = patella_reminder_slot_instant (day, config->times[i]);
          gint64 snooze_until = 0;
          SlotRecord record = get_record (store, day, config->times[i], &snooze_until);
          Candidate c = { 0 };

          if (record == SLOT_NONE && instant > 0 && instant <= now)
            c.due_us = instant;
          else if (record == SLOT_SNOOZED && snooze_until <= now)
            c.due_us = snooze_until, c.snoozed = TRUE;
          else
            continue;

          c.day = g_strdup (day);
          c.slot = g_strdup (config->times[i]);
          g_array_append_val (due, c);
        }
    }

  return due;
}

/**
 * patella_reminders_check:
 *
 * Decides whether an icing reminder is due now and records the decision, so
 * that no program on this database repeats it. Missed slots do not come in
 * a burst: only the latest is considered, and only while it is less than an
 * hour old. A slot is passed over when the day's goal is met, or when an
 * icing session is running or started less than an hour ago.
 *
 * Returns: (transfer full) (nullable): the slot to notify about, or %NULL
 */
PatellaReminderSlot *
patella_reminders_check (PatellaStore                *store,
                         const PatellaReminderConfig *config,
                         GError                     **error)
{
  g_autoptr(PatellaTransaction) tx = NULL;
  g_autoptr(GArray) due = NULL;
  g_autofree char *today = NULL;
  PatellaReminderSlot *result = NULL;
  const char *state;
  Candidate *latest = NULL;
  gint64 now;

  g_return_val_if_fail (PATELLA_IS_STORE (store), NULL);
  g_return_val_if_fail (config != NULL, NULL);

  if (!config->enabled || patella_store_is_read_only (store))
    return NULL;

  now = patella_clock_get_now (patella_store_get_clock (store));
  today = local_day (now, 0);
  due = collect_due (store, config, now);
  if (due->len == 0)
    return NULL;

  for (guint i = 0; i < due->len; i++)
    {
      Candidate *c = &g_array_index (due, Candidate, i);

      if (latest == NULL || c->due_us > latest->due_us)
        latest = c;
    }

  if (now - latest->due_us >= PATELLA_REMINDER_STALE_MIN * MINUTE_US)
    state = "missed";
  else if (goal_met (store, config, today) || icing_recently (store, now))
    state = "suppressed";
  else
    state = "fired";

  if ((tx = patella_store_transaction (store, error)) == NULL)
    return NULL;

  for (guint i = 0; i < due->len; i++)
    {
      Candidate *c = &g_array_index (due, Candidate, i);
      const char *c_state = c == latest ? state : "missed";

      if (!set_record (store, c->day, c->slot, c_state,
                       g_str_equal (c_state, "fired") ? now : 0, 0, error))
        return NULL;
    }

  if (!patella_transaction_commit (tx, error))
    return NULL;

  if (g_str_equal (state, "fired"))
    {
      result = g_new0 (PatellaReminderSlot, 1);
      result->day = g_steal_pointer (&latest->day);
      result->slot = g_steal_pointer (&latest->slot);
      result->due_us = latest->due_us;
      result->snoozed = latest->snoozed;
    }

  return result;
}

static void
consider (gint64 *best,
          gint64  instant)
{
  if (instant > 0 && (*best == 0 || instant < *best))
    *best = instant;
}

/**
 * patella_reminders_next_due:
 *
 * Returns: when patella_reminders_check() should run next (it may be now or
 *   in the past, when a slot is due), or 0 when reminders are off
 */
gint64
patella_reminders_next_due (PatellaStore                *store,
                            const PatellaReminderConfig *config)
{
  g_autofree char *today = NULL;
  gint64 best = 0;
  gint64 now;

  g_return_val_if_fail (PATELLA_IS_STORE (store), 0);
  g_return_val_if_fail (config != NULL, 0);

  if (!config->enabled)
    return 0;

  now = patella_clock_get_now (patella_store_get_clock (store));
  today = local_day (now, 0);

  for (int offset = -1; offset <= 1; offset++)
    {
      g_autofree char *day = local_day (now, offset);
      gboolean day_done = g_str_equal (day, today) && goal_met (store, config, today);

      for (guint i = 0; i < config->count; i++)
        {
          gint64 instant = patella_reminder_slot_instant (day, config->times[i]);
          gint64 snooze_until = 0;
          SlotRecord record = get_record (store, day, config->times[i], &snooze_until);

          if (record == SLOT_SNOOZED)
            consider (&best, snooze_until);
          else if (record == SLOT_NONE && !day_done &&
                   instant > now - PATELLA_REMINDER_STALE_MIN * MINUTE_US)
            consider (&best, instant);
        }
    }

  return best;
}

char *
patella_reminder_slot_get_id (const PatellaReminderSlot *slot)
{
  g_return_val_if_fail (slot != NULL, NULL);

  return g_strdup_printf (ID_PREFIX "%sT%s", slot->day, slot->slot);
}

static gboolean
parse_id (const char  *id,
          char       **day,
          char       **slot,
          GError     **error)
{
  int minutes;

  if (id == NULL || !g_str_has_prefix (id, ID_PREFIX) ||
      strlen (id) != strlen (ID_PREFIX) + 16 || id[strlen (ID_PREFIX) + 10] != 'T')
    goto invalid;

  *day = g_strndup (id + strlen (ID_PREFIX), 10);
  *slot = g_strdup (id + strlen (ID_PREFIX) + 11);
  if (patella_reminder_slot_instant (*day, *slot) == 0 || !parse_hhmm (*slot, &minutes))
    {
      g_clear_pointer (day, g_free);
      g_clear_pointer (slot, g_free);
      goto invalid;
    }

  return TRUE;

invalid:
  g_set_error (error, PATELLA_ERROR, PATELLA_ERROR_INVALID,
               "“%s” is not an icing reminder", id != NULL ? id : "");
  return FALSE;
}

static gboolean
answer (PatellaStore  *store,
        const char    *notification_id,
        const char    *state,
        gint64         snooze_until,
        GError       **error)
{
  g_autoptr(PatellaTransaction) tx = NULL;
  g_autofree char *day = NULL;
  g_autofree char *slot = NULL;

  g_return_val_if_fail (PATELLA_IS_STORE (store), FALSE);

  if (!parse_id (notification_id, &day, &slot, error))
    return FALSE;

  if ((tx = patella_store_transaction (store, error)) == NULL)
    return FALSE;

  if (!set_record (store, day, slot, state, 0, snooze_until, error) ||
      !patella_transaction_commit (tx, error))
    return FALSE;

  patella_store_emit_changed (store, "reminders");
  return TRUE;
}

/* The user chose "Snooze 30 min": the slot fires once more, 30 min from now. */
gboolean
patella_reminders_snooze (PatellaStore  *store,
                          const char    *notification_id,
                          GError       **error)
{
  gint64 now = patella_clock_get_now (patella_store_get_clock (store));

  return answer (store, notification_id, "snoozed",
                 now + PATELLA_REMINDER_SNOOZE_MIN * MINUTE_US, error);
}

/* The user dismissed the reminder: the slot is dropped. */
gboolean
patella_reminders_skip (PatellaStore  *store,
                        const char    *notification_id,
                        GError       **error)
{
  return answer (store, notification_id, "skipped", 0, error);
}

/* The user started the timer from the reminder. */
gboolean
patella_reminders_mark_started (PatellaStore  *store,
                                const char    *notification_id,
                                GError       **error)
{
  return answer (store, notification_id, "started", 0, error);
}

/**
 * patella_reminder_slot_build_notification:
 *
 * Returns: (transfer full): "Time to ice your knee", with the session length,
 *   the cloth barrier and the actions "Start Timer" and "Snooze 30 min"
 */
PatellaNotification *
patella_reminder_slot_build_notification (const PatellaReminderSlot   *slot,
                                          const PatellaReminderConfig *config)
{
  g_autofree char *id = patella_reminder_slot_get_id (slot);
  g_autofree char *body = NULL;
  PatellaNotification *n;

  body = g_strdup_printf (ngettext ("Ice your knee for %u minute. Keep a cloth between the ice "
                                    "and your skin.",
                                    "Ice your knee for %u minutes. Keep a cloth between the ice "
                                    "and your skin.", config->minutes),
                          config->minutes);
  n = patella_notification_new (id, _("Time to Ice Your Knee"), body, "x-patella.reminder");
  patella_notification_add_action (n, "default", _("Open Timers"));
  patella_notification_add_action (n, "start", _("Start Timer"));
  patella_notification_add_action (n, "snooze", _("Snooze 30 min"));

  return n;
}
