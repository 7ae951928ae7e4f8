/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "patella-timer"

#include "config.h"

#include <glib/gi18n.h>

#include "patella-enums.h"
#include "patella-error.h"
#include "patella-parse.h"
#include "patella-session.h"
#include "patella-store-private.h"
#include "patella-timer.h"

/* The icing timer. Its truth is the session row: a running session keeps the
 * UTC instant it ends at, a paused one what remains. What is shown is worked
 * out again from that at each tick, so the timer survives a closed window, a
 * restart and a suspend alike. */
struct _PatellaTimer
{
  GObject            parent_instance;

  PatellaStore      *store;
  PatellaNotifier   *notifier;

  PatellaTimerState  state;
  gint64             session_id;
  gint64             planned_s;
  gint64             ends_us;       /* when running */
  gint64             remaining_s;   /* what is shown */

  gboolean           auto_tick;
  guint              tick_id;
};

G_DEFINE_FINAL_TYPE (PatellaTimer, patella_timer, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STATE,
  PROP_REMAINING,
  PROP_PLANNED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* A session found over by more than this is recorded without a notification:
 * the ice came off long ago. */
#define STALE_AFTER_US (G_GINT64_CONSTANT (3600) * G_USEC_PER_SEC)

static gint64
now_us (PatellaTimer *self)
{
  return patella_clock_get_now (patella_store_get_clock (self->store));
}

/* Whole seconds left, rounded up: 14:59.2 shows as 15:00 until it is 14:59. */
static gint64
seconds_until (gint64 from_us,
               gint64 to_us)
{
  gint64 delta = to_us - from_us;

  if (delta <= 0)
    return 0;

  return (delta + G_USEC_PER_SEC - 1) / G_USEC_PER_SEC;
}

static gboolean tick_cb (gpointer data);

static void
update_ticking (PatellaTimer *self)
{
  gboolean want = self->auto_tick && self->state == PATELLA_TIMER_RUNNING;

  if (want && self->tick_id == 0)
    self->tick_id = g_timeout_add_seconds (1, tick_cb, self);
  else if (!want)
    g_clear_handle_id (&self->tick_id, g_source_remove);
}

static void
set_state (PatellaTimer      *self,
           PatellaTimerState  state,
           gint64             remaining_s,
           gint64             planned_s)
{
  gboolean state_changed = self->state != state;
  gboolean remaining_changed = self->remaining_s != remaining_s;
  gboolean planned_changed = self->planned_s != planned_s;

  self->state = state;
  self->remaining_s = remaining_s;
  self->planned_s = planned_s;

  update_ticking (self);

  g_object_freeze_notify (G_OBJECT (self));
  if (planned_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLANNED]);
  if (remaining_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REMAINING]);
  if (state_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
  g_object_thaw_notify (G_OBJECT (self));
}

static gboolean
finish_at_end (PatellaTimer  *self,
               gboolean       may_notify,
               GError       **error)
{
  g_autoptr(PatellaTransaction) tx = NULL;
  g_autoptr(PatellaStmt) stmt = NULL;
  g_autofree char *key = g_strdup_printf ("icing-done:%" G_GINT64_FORMAT, self->session_id);
  gboolean stale = now_us (self) - self->ends_us > STALE_AFTER_US;

  if ((tx = patella_store_transaction (self->store, error)) == NULL)
    return FALSE;

  stmt = patella_store_prepare (self->store,
                                "UPDATE session SET state = 'finished', ended_us = ends_us,"
                                " duration_s = planned_s, remaining_s = 0 "
                                "WHERE id = ? AND state = 'running';",
                                error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, self->session_id);
  if (!patella_store_step_done (self->store, stmt, error))
    return FALSE;

  /* Found over after the fact: recorded, and marked as told, so that no
   * notification arrives about ice that came off long ago. */
  if ((!may_notify || stale) && !patella_notification_mark_sent (self->store, key, error))
    return FALSE;

  if (!patella_transaction_commit (tx, error))
    return FALSE;

  /* Told before the state changes: a "finished" state may let the
   * application quit. */
  if (may_notify && !stale && self->notifier != NULL)
    {
      g_autoptr(PatellaNotification) n = NULL;
      g_autoptr(GError) local_error = NULL;

      n = patella_notification_new (key, _("Icing done — remove the ice"),
                                    _("Your icing session is over. Take the ice off and let "
                                      "the skin warm up before the next one."),
                                    "x-patella.icing");
      patella_notification_add_action (n, "default", _("Open Patella"));
      if (!patella_notifier_send_once (self->notifier, self->store, n, &local_error))
        if (local_error != NULL)
          g_message ("Could not record the icing notification: %s", local_error->message);
    }

  set_state (self, PATELLA_TIMER_FINISHED, 0, self->planned_s);
  patella_store_emit_changed (self->store, "sessions");
  return TRUE;
}

static gboolean
tick_cb (gpointer data)
{
  PatellaTimer *self = data;

  patella_timer_tick (self);
  return G_SOURCE_CONTINUE;
}

static void
patella_timer_dispose (GObject *object)
{
  PatellaTimer *self = (PatellaTimer *)object;

  g_clear_handle_id (&self->tick_id, g_source_remove);
  g_clear_object (&self->notifier);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (patella_timer_parent_class)->dispose (object);
}

static void
patella_timer_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  PatellaTimer *self = PATELLA_TIMER (object);

  switch (prop_id)
    {
    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;

    case PROP_REMAINING:
      g_value_set_int64 (value, self->remaining_s);
      break;

    case PROP_PLANNED:
      g_value_set_int64 (value, self->planned_s);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
patella_timer_class_init (PatellaTimerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = patella_timer_dispose;
  object_class->get_property = patella_timer_get_property;

  /**
   * PatellaTimer:state:
   *
   * A #PatellaTimerState.
   */
  properties[PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL,
                       PATELLA_TYPE_TIMER_STATE, PATELLA_TIMER_IDLE,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * PatellaTimer:remaining:
   *
   * Whole seconds left, as shown; notified only when that number changes.
   */
  properties[PROP_REMAINING] =
    g_param_spec_int64 ("remaining", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_PLANNED] =
    g_param_spec_int64 ("planned", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
patella_timer_init (PatellaTimer *self)
{
}

/**
 * patella_timer_new:
 * @notifier: (nullable): where "done" notifications go
 *
 * Creates the icing timer and restores a session from the database.
 */
PatellaTimer *
patella_timer_new (PatellaStore    *store,
                   PatellaNotifier *notifier)
{
  PatellaTimer *self;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (PATELLA_IS_STORE (store), NULL);
  g_return_val_if_fail (notifier == NULL || PATELLA_IS_NOTIFIER (notifier), NULL);

  self = g_object_new (PATELLA_TYPE_TIMER, NULL);
  self->store = g_object_ref (store);
  if (notifier != NULL)
    self->notifier = g_object_ref (notifier);

  if (!patella_timer_restore (self, &error))
    g_message ("Could not restore the icing timer: %s", error->message);

  return self;
}

void
patella_timer_set_notifier (PatellaTimer    *self,
                            PatellaNotifier *notifier)
{
  g_return_if_fail (PATELLA_IS_TIMER (self));
  g_return_if_fail (notifier == NULL || PATELLA_IS_NOTIFIER (notifier));

  g_set_object (&self->notifier, notifier);
}

/**
 * patella_timer_set_auto_tick:
 *
 * Ticks from the main loop once a second while a session runs, and not at
 * all otherwise. Off by default, so that tests tick by hand.
 */
void
patella_timer_set_auto_tick (PatellaTimer *self,
                             gboolean      auto_tick)
{
  g_return_if_fail (PATELLA_IS_TIMER (self));

  self->auto_tick = !!auto_tick;
  update_ticking (self);
}

/**
 * patella_timer_restore:
 *
 * Reads the running or paused icing session from the database. One that
 * ended while nobody watched is recorded as finished at its end instant,
 * without a notification.
 */
gboolean
patella_timer_restore (PatellaTimer  *self,
                       GError       **error)
{
  g_autoptr(PatellaStmt) stmt = NULL;
  gboolean running;
  int rc;

  g_return_val_if_fail (PATELLA_IS_TIMER (self), FALSE);

  stmt = patella_store_prepare (self->store,
                                "SELECT id, state, planned_s, ends_us, remaining_s FROM session "
                                "WHERE kind = 'icing' AND state IN ('running', 'paused');",
                                error);
  if (stmt == NULL)
    return FALSE;

  rc = patella_store_step (self->store, stmt, error);
  if (rc < 0)
    return FALSE;

  if (rc == SQLITE_DONE)
    {
      self->session_id = 0;
      set_state (self, PATELLA_TIMER_IDLE, 0, 0);
      return TRUE;
    }

  self->session_id = sqlite3_column_int64 (stmt, 0);
  running = g_str_equal ((const char *) sqlite3_column_text (stmt, 1), "running");
  self->planned_s = sqlite3_column_int64 (stmt, 2);
  self->ends_us = sqlite3_column_int64 (stmt, 3);

  if (!running)
    {
      set_state (self, PATELLA_TIMER_PAUSED, sqlite3_column_int64 (stmt, 4), self->planned_s);
      return TRUE;
    }

  g_clear_pointer (&stmt, patella_stmt_release);

  if (self->ends_us <= now_us (self))
    return finish_at_end (self, FALSE, error);

  set_state (self, PATELLA_TIMER_RUNNING, seconds_until (now_us (self), self->ends_us),
             self->planned_s);
  return TRUE;
}

gboolean
patella_ice_check_minutes (int      minutes,
                           GError **error)
{
  if (minutes < PATELLA_ICE_MIN_MINUTES || minutes > PATELLA_ICE_MAX_MINUTES)
    {
      g_set_error (error, PATELLA_ERROR, PATELLA_ERROR_INVALID,
                   _("%d minutes is not an icing length; ice for 15 to 20 minutes"), minutes);
      return FALSE;
    }

  return TRUE;
}

/**
 * patella_timer_start:
 * @minutes: 15 to 20
 *
 * Starts an icing session. Only one runs at a time.
 */
gboolean
patella_timer_start (PatellaTimer  *self,
                     int            minutes,
                     GError       **error)
{
  g_autoptr(PatellaTransaction) tx = NULL;
  PatellaSessionRecord row = PATELLA_SESSION_RECORD_INIT;
  g_autofree char *today = NULL;
  gint64 id;
  gint64 now;
  gint64 planned_s;

  g_return_val_if_fail (PATELLA_IS_TIMER (self), FALSE);

  if (!patella_ice_check_minutes (minutes, error))
    return FALSE;

  /* Another engine on the same file may have started one. */
  if (!patella_timer_restore (self, error))
    return FALSE;

  if (patella_timer_is_active (self))
    return patella_error_refuse (error, PATELLA_ERROR_INVALID,
                                 _("An icing session is already running; stop it before starting another"));

  now = now_us (self);
  planned_s = minutes * 60;
  today = patella_clock_get_today (patella_store_get_clock (self->store));

  if ((tx = patella_store_transaction (self->store, error)) == NULL)
    return FALSE;

  row.kind = "icing";
  row.day = today;
  row.state = "running";
  row.started_us = now;
  row.planned_s = planned_s;
  row.ends_us = now + planned_s * G_USEC_PER_SEC;
  id = patella_session_insert (self->store, &row, error);
  if (id == 0 || !patella_transaction_commit (tx, error))
    return FALSE;

  self->session_id = id;
  self->ends_us = now + planned_s * G_USEC_PER_SEC;
  set_state (self, PATELLA_TIMER_RUNNING, planned_s, planned_s);
  patella_store_emit_changed (self->store, "sessions");
  return TRUE;
}

static gboolean
update_row (PatellaTimer  *self,
            const char    *sql,
            gint64         a,
            gint64         b,
            GError       **error)
{
  g_autoptr(PatellaTransaction) tx = NULL;
  g_autoptr(PatellaStmt) stmt = NULL;

  if ((tx = patella_store_transaction (self->store, error)) == NULL)
    return FALSE;

  stmt = patella_store_prepare (self->store, sql, error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, a);
  sqlite3_bind_int64 (stmt, 2, b);
  sqlite3_bind_int64 (stmt, 3, self->session_id);
  if (!patella_store_step_done (self->store, stmt, error))
    return FALSE;

  if (sqlite3_changes (patella_store_get_db (self->store)) != 1)
    {
      patella_error_refuse (error, PATELLA_ERROR_NOT_FOUND,
                            _("The icing session was changed elsewhere; look at the timer again"));
      return FALSE;
    }

  if (!patella_transaction_commit (tx, error))
    return FALSE;

  patella_store_emit_changed (self->store, "sessions");
  return TRUE;
}

gboolean
patella_timer_pause (PatellaTimer  *self,
                     GError       **error)
{
  gint64 remaining;

  g_return_val_if_fail (PATELLA_IS_TIMER (self), FALSE);

  patella_timer_tick (self);
  if (self->state != PATELLA_TIMER_RUNNING)
    return patella_error_refuse (error, PATELLA_ERROR_INVALID, _("No icing session is running"));

  remaining = seconds_until (now_us (self), self->ends_us);
  if (!update_row (self,
                   "UPDATE session SET state = 'paused', ends_us = NULL, remaining_s = ?1"
                   " WHERE id = ?3 AND state = 'running';",
                   remaining, 0, error))
    return FALSE;

  set_state (self, PATELLA_TIMER_PAUSED, remaining, self->planned_s);
  return TRUE;
}

gboolean
patella_timer_resume (PatellaTimer  *self,
                      GError       **error)
{
  gint64 ends;

  g_return_val_if_fail (PATELLA_IS_TIMER (self), FALSE);

  if (self->state != PATELLA_TIMER_PAUSED)
    return patella_error_refuse (error, PATELLA_ERROR_INVALID, _("No icing session is paused"));

  ends = now_us (self) + self->remaining_s * G_USEC_PER_SEC;
  if (!update_row (self,
                   "UPDATE session SET state = 'running', ends_us = ?1, remaining_s = NULL"
                   " WHERE id = ?3 AND state = 'paused';",
                   ends, 0, error))
    return FALSE;

  self->ends_us = ends;
  set_state (self, PATELLA_TIMER_RUNNING, self->remaining_s, self->planned_s);
  return TRUE;
}

gboolean
patella_timer_can_add_minute (PatellaTimer *self)
{
  g_return_val_if_fail (PATELLA_IS_TIMER (self), FALSE);

  return patella_timer_is_active (self) &&
         self->planned_s + 60 <= PATELLA_ICE_MAX_MINUTES * 60;
}

/**
 * patella_timer_add_minute:
 *
 * Adds a minute to the session, never past the 20-minute ceiling.
 */
gboolean
patella_timer_add_minute (PatellaTimer  *self,
                          GError       **error)
{
  gboolean ok;

  g_return_val_if_fail (PATELLA_IS_TIMER (self), FALSE);

  patella_timer_tick (self);
  if (!patella_timer_is_active (self))
    return patella_error_refuse (error, PATELLA_ERROR_INVALID, _("No icing session is running"));

  if (!patella_timer_can_add_minute (self))
    return patella_error_refuse (error, PATELLA_ERROR_INVALID,
                                 _("An icing session lasts at most 20 minutes; this one already does"));

  if (self->state == PATELLA_TIMER_RUNNING)
    ok = update_row (self,
                     "UPDATE session SET planned_s = planned_s + ?1, ends_us = ends_us + ?2"
                     " WHERE id = ?3 AND state = 'running';",
                     60, 60 * G_USEC_PER_SEC, error);
  else
    ok = update_row (self,
                     "UPDATE session SET planned_s = planned_s + ?1, remaining_s = remaining_s + ?2"
                     " WHERE id = ?3 AND state = 'paused';",
                     60, 60, error);
  if (!ok)
    return FALSE;

  if (self->state == PATELLA_TIMER_RUNNING)
    self->ends_us += 60 * G_USEC_PER_SEC;
  set_state (self, self->state, self->remaining_s + 60, self->planned_s + 60);
  return TRUE;
}

/**
 * patella_timer_stop:
 *
 * Ends the session early; it is kept as a partial ('stopped') session with
 * the time it really lasted.
 */
gboolean
patella_timer_stop (PatellaTimer  *self,
                    GError       **error)
{
  gint64 remaining;
  gint64 now;

  g_return_val_if_fail (PATELLA_IS_TIMER (self), FALSE);

  patella_timer_tick (self);
  if (!patella_timer_is_active (self))
    return patella_error_refuse (error, PATELLA_ERROR_INVALID, _("No icing session is running"));

  now = now_us (self);
  if (self->state == PATELLA_TIMER_RUNNING)
    remaining = seconds_until (now, self->ends_us);
  else
    remaining = self->remaining_s;

  if (!update_row (self,
                   "UPDATE session SET state = 'stopped', ended_us = ?1, duration_s = ?2,"
                   " ends_us = NULL, remaining_s = NULL"
                   " WHERE id = ?3 AND state IN ('running', 'paused');",
                   now, MAX (self->planned_s - remaining, 0), error))
    return FALSE;

  set_state (self, PATELLA_TIMER_CANCELLED, remaining, self->planned_s);
  return TRUE;
}

/**
 * patella_timer_tick:
 *
 * Works out what remains from the stored end instant; the UI calls it about
 * once a second. A session that reached its end is recorded as finished and
 * "done" is notified, once.
 *
 * Returns: %TRUE when what is shown (whole seconds left, or the state) changed
 */
gboolean
patella_timer_tick (PatellaTimer *self)
{
  g_autoptr(GError) error = NULL;
  gint64 now;
  gint64 remaining;

  g_return_val_if_fail (PATELLA_IS_TIMER (self), FALSE);

  if (self->state != PATELLA_TIMER_RUNNING)
    return FALSE;

  now = now_us (self);
  if (now >= self->ends_us)
    {
      if (!finish_at_end (self, TRUE, &error))
        {
          g_message ("Could not record the end of the icing session: %s", error->message);
          return FALSE;
        }
      return TRUE;
    }

  remaining = seconds_until (now, self->ends_us);
  if (remaining == self->remaining_s)
    return FALSE;

  set_state (self, self->state, remaining, self->planned_s);
  return TRUE;
}

PatellaTimerState
patella_timer_get_state (PatellaTimer *self)
{
  g_return_val_if_fail (PATELLA_IS_TIMER (self), PATELLA_TIMER_IDLE);

  return self->state;
}

/* Running or paused: a session that is not over. */
gboolean
patella_timer_is_active (PatellaTimer *self)
{
  g_return_val_if_fail (PATELLA_IS_TIMER (self), FALSE);

  return self->state == PATELLA_TIMER_RUNNING || self->state == PATELLA_TIMER_PAUSED;
}

gint64
patella_timer_get_session_id (PatellaTimer *self)
{
  g_return_val_if_fail (PATELLA_IS_TIMER (self), 0);

  return self->session_id;
}

gint64
patella_timer_get_remaining (PatellaTimer *self)
{
  g_return_val_if_fail (PATELLA_IS_TIMER (self), 0);

  return self->remaining_s;
}

gint64
patella_timer_get_planned (PatellaTimer *self)
{
  g_return_val_if_fail (PATELLA_IS_TIMER (self), 0);

  return self->planned_s;
}

/**
 * patella_timer_get_ends_at:
 *
 * Returns: the UTC instant a running session ends at, or 0
 */
gint64
patella_timer_get_ends_at (PatellaTimer *self)
{
  g_return_val_if_fail (PATELLA_IS_TIMER (self), 0);

  return self->state == PATELLA_TIMER_RUNNING ? self->ends_us : 0;
}

/**
 * patella_ice_log:
 * @day: "YYYY-MM-DD"
 * @minutes: 15 to 20
 *
 * Records an icing session done without the timer, as finished.
 */
gboolean
patella_ice_log (PatellaStore  *store,
                 const char    *day,
                 int            minutes,
                 GError       **error)
{
  PatellaSessionRecord row = PATELLA_SESSION_RECORD_INIT;
  g_autofree char *today = NULL;
  GDate date;
  gint64 started_us;
  gint64 now;

  g_return_val_if_fail (PATELLA_IS_STORE (store), FALSE);
  g_return_val_if_fail (day != NULL, FALSE);

  if (!patella_ice_check_minutes (minutes, error))
    return FALSE;

  if (!patella_parse_date (day, &date, error))
    return FALSE;

  /* Today's session ends now; another day's is put at noon, local time. */
  now = patella_clock_get_now (patella_store_get_clock (store));
  today = patella_clock_get_today (patella_store_get_clock (store));
  if (g_str_equal (today, day))
    {
      started_us = now - (gint64) minutes * 60 * G_USEC_PER_SEC;
    }
  else
    {
      g_autoptr(GDateTime) noon = g_date_time_new_local (g_date_get_year (&date),
                                                         g_date_get_month (&date),
                                                         g_date_get_day (&date), 12, 0, 0);

      started_us = noon != NULL ? g_date_time_to_unix (noon) * G_USEC_PER_SEC : now;
    }

  row.kind = "icing";
  row.day = day;
  row.state = "finished";
  row.started_us = started_us;
  row.planned_s = minutes * 60;
  row.ended_us = started_us + (gint64) minutes * 60 * G_USEC_PER_SEC;
  row.duration_s = minutes * 60;
  return patella_session_add (store, &row, error) != 0;
}

/**
 * patella_ice_count_day:
 *
 * Returns: the icing sessions done on @day, counting one that reached its
 *   end while nothing was running to record it
 */
guint
patella_ice_count_day (PatellaStore *store,
                       const char   *day)
{
  g_autoptr(PatellaStmt) stmt = NULL;
  gint64 now;

  g_return_val_if_fail (PATELLA_IS_STORE (store), 0);

  now = patella_clock_get_now (patella_store_get_clock (store));
  stmt = patella_store_prepare (store,
                                "SELECT count(*) FROM session "
                                "WHERE kind = 'icing' AND day = ? AND (state = 'finished'"
                                "  OR (state = 'running' AND ends_us <= ?));",
                                NULL);
  if (stmt == NULL)
    return 0;

  sqlite3_bind_text (stmt, 1, day, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, now);
  if (patella_store_step (store, stmt, NULL) != SQLITE_ROW)
    return 0;

  return (guint) sqlite3_column_int (stmt, 0);
}

/**
 * patella_ice_get_running:
 * @ends_us: (out) (optional): when it ends, UTC
 * @remaining_s: (out) (optional): whole seconds left
 *
 * Returns: %TRUE when an icing session is counting down now
 */
gboolean
patella_ice_get_running (PatellaStore *store,
                         gint64       *ends_us,
                         gint64       *remaining_s)
{
  g_autoptr(PatellaStmt) stmt = NULL;
  gint64 now;
  gint64 ends;

  g_return_val_if_fail (PATELLA_IS_STORE (store), FALSE);

  now = patella_clock_get_now (patella_store_get_clock (store));
  stmt = patella_store_prepare (store,
                                "SELECT ends_us FROM session "
                                "WHERE kind = 'icing' AND state = 'running' AND ends_us > ?;",
                                NULL);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, now);
  if (patella_store_step (store, stmt, NULL) != SQLITE_ROW)
    return FALSE;

  ends = sqlite3_column_int64 (stmt, 0);
  if (ends_us != NULL)
    *ends_us = ends;
  if (remaining_s != NULL)
    *remaining_s = seconds_until (now, ends);

  return TRUE;
}
