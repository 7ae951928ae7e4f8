/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "patella-walk-run"

#include "config.h"

#include <glib/gi18n.h>

#include "patella-enums.h"
#include "patella-error.h"
#include "patella-parse.h"
#include "patella-store-private.h"
#include "patella-walk-run.h"

/* The walk/run timer of the recovery plan: a warm-up walk, then run and
 * walk intervals. Like the icing timer it keeps, in the database, the UTC
 * instant it ends at (or, paused, what remains), and works out from the
 * clock where in the session it is: every interval change is an instant,
 * so the session survives closing the window, a restart and a suspend, and
 * a session that ended meanwhile is recorded at its end. */

#define STALE_AFTER_US (10 * 60 * G_USEC_PER_SEC)
#define COLUMNS \
  "SELECT id, day, phase, warm_up_s, run_s, walk_s, repeats, state, ends_us, remaining_s " \
  "FROM walk_run "

struct _PatellaWalkRun
{
  GObject              parent_instance;

  PatellaStore        *store;
  PatellaNotifier     *notifier;
  gboolean             auto_tick;
  guint                tick_id;

  gint64               id;
  char                 day[11];
  int                  phase;
  int                  run_s;
  GArray              *intervals;
  int                  total_s;
  PatellaWalkRunState  state;
  gint64               ends_us;       /* running */
  gint64               remaining_us;  /* paused, finished (0) or stopped */
  int                  index;
};

G_DEFINE_FINAL_TYPE (PatellaWalkRun, patella_walk_run, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STATE,
  PROP_INDEX,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/**
 * patella_walk_run_intervals:
 *
 * Returns: (transfer full) (element-type PatellaWalkRunInterval): the
 *   warm-up, then @repeats times a run and (when @walk_s > 0) a walk
 */
GArray *
patella_walk_run_intervals (int warm_up_s,
                            int run_s,
                            int walk_s,
                            int repeats)
{
  GArray *intervals = g_array_new (FALSE, FALSE, sizeof (PatellaWalkRunInterval));
  int at = 0;

  if (warm_up_s > 0)
    {
      PatellaWalkRunInterval warm_up = { PATELLA_WALK_RUN_WARM_UP, 0, warm_up_s, 0 };

      g_array_append_val (intervals, warm_up);
      at = warm_up_s;
    }

  for (int i = 1; i <= repeats; i++)
    {
      PatellaWalkRunInterval run = { PATELLA_WALK_RUN_RUN, at, run_s, i };

      g_array_append_val (intervals, run);
      at += run_s;
      if (walk_s > 0)
        {
          PatellaWalkRunInterval walk = { PATELLA_WALK_RUN_WALK, at, walk_s, i };

          g_array_append_val (intervals, walk);
          at += walk_s;
        }
    }

  return intervals;
}

const char *
patella_walk_run_kind_get_label (PatellaWalkRunKind kind)
{
  switch (kind)
    {
    case PATELLA_WALK_RUN_WARM_UP:
      return _("Warm-up walk");
    case PATELLA_WALK_RUN_RUN:
      return _("Run");
    case PATELLA_WALK_RUN_WALK:
    default:
      return _("Walk");
    }
}

static gint64
now_us (PatellaWalkRun *self)
{
  return patella_clock_get_now (patella_store_get_clock (self->store));
}

static gint64
total_us (PatellaWalkRun *self)
{
  return (gint64) self->total_s * G_USEC_PER_SEC;
}

static gint64
elapsed_us (PatellaWalkRun *self)
{
  gint64 remaining;

  switch (self->state)
    {
    case PATELLA_WALK_RUN_RUNNING:
      remaining = self->ends_us - now_us (self);
      break;
    case PATELLA_WALK_RUN_IDLE:
      return 0;
    default:
      remaining = self->remaining_us;
      break;
    }

  return CLAMP (total_us (self) - remaining, 0, total_us (self));
}

static int
index_at (PatellaWalkRun *self,
          gint64          elapsed)
{
  int index = 0;

  if (self->intervals == NULL || elapsed >= total_us (self))
    return self->intervals != NULL ? (int) self->intervals->len : 0;

  for (guint i = 0; i < self->intervals->len; i++)
    if ((gint64) g_array_index (self->intervals, PatellaWalkRunInterval, i).start_s *
        G_USEC_PER_SEC <= elapsed)
      index = (int) i;

  return index;
}

static gboolean tick_cb (gpointer data);

static void
schedule_tick (PatellaWalkRun *self)
{
  gint64 next;
  gint64 delay_ms;

  g_clear_handle_id (&self->tick_id, g_source_remove);
  if (!self->auto_tick || self->state != PATELLA_WALK_RUN_RUNNING)
    return;

  next = patella_walk_run_get_next_change (self);
  delay_ms = (next - now_us (self) + 999) / 1000;
  self->tick_id = g_timeout_add ((guint) CLAMP (delay_ms, 1, G_MAXINT), tick_cb, self);
}

static void
set_state (PatellaWalkRun      *self,
           PatellaWalkRunState  state)
{
  gboolean state_changed = self->state != state;
  int index;

  self->state = state;
  index = index_at (self, elapsed_us (self));

  g_object_freeze_notify (G_OBJECT (self));
  if (index != self->index)
    {
      self->index = index;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INDEX]);
    }
  if (state_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
  g_object_thaw_notify (G_OBJECT (self));

  schedule_tick (self);
}

static gboolean
finish_at_end (PatellaWalkRun  *self,
               GError         **error)
{
  g_autoptr(PatellaTransaction) tx = NULL;
  g_autoptr(PatellaStmt) stmt = NULL;
  g_autofree char *key = g_strdup_printf ("walk-run-done:%" G_GINT64_FORMAT, self->id);
  gboolean stale = now_us (self) - self->ends_us > STALE_AFTER_US;

  if ((tx = patella_store_transaction (self->store, error)) == NULL)
    return FALSE;

  stmt = patella_store_prepare (self->store,
                                "UPDATE walk_run SET state = 'finished', ended_us = ends_us,"
                                " remaining_s = 0 WHERE id = ? AND state = 'running';", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, self->id);
  if (!patella_store_step_done (self->store, stmt, error))
    return FALSE;

  /* Found over long after: recorded at its end, and not told any more. */
  if (stale && !patella_notification_mark_sent (self->store, key, error))
    return FALSE;

  if (!patella_transaction_commit (tx, error))
    return FALSE;

  if (!stale && self->notifier != NULL)
    {
      g_autoptr(PatellaNotification) n = NULL;
      g_autoptr(GError) local_error = NULL;

      n = patella_notification_new (key, _("Walk/run session done"),
                                    _("Well done. How much did the knee hurt? Rate it to log the "
                                      "session."),
                                    "x-patella.exercise");
      patella_notification_add_action (n, "default", _("Open Patella"));
      if (!patella_notifier_send_once (self->notifier, self->store, n, &local_error) &&
          local_error != NULL)
        g_message ("Could not record the walk/run notification: %s", local_error->message);
    }

  self->remaining_us = 0;
  set_state (self, PATELLA_WALK_RUN_FINISHED);
  patella_store_emit_changed (self->store, "walk-run");
  return TRUE;
}

/**
 * patella_walk_run_tick:
 *
 * Works out where the session is now; ends it at its end.
 *
 * Returns: %TRUE when the interval or the state changed (cue it)
 */
gboolean
patella_walk_run_tick (PatellaWalkRun *self)
{
  int before_index;
  PatellaWalkRunState before_state;

  g_return_val_if_fail (PATELLA_IS_WALK_RUN (self), FALSE);

  before_index = self->index;
  before_state = self->state;

  if (self->state == PATELLA_WALK_RUN_RUNNING && now_us (self) >= self->ends_us)
    {
      g_autoptr(GError) error = NULL;

      if (!finish_at_end (self, &error))
        g_message ("Could not end the walk/run session: %s", error->message);
    }
  else
    set_state (self, self->state);

  return self->index != before_index || self->state != before_state;
}

static gboolean
tick_cb (gpointer data)
{
  PatellaWalkRun *self = data;

  self->tick_id = 0;
  patella_walk_run_tick (self);
  schedule_tick (self);
  return G_SOURCE_REMOVE;
}

static void
patella_walk_run_dispose (GObject *object)
{
  PatellaWalkRun *self = PATELLA_WALK_RUN (object);

  g_clear_handle_id (&self->tick_id, g_source_remove);
  g_clear_object (&self->notifier);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (patella_walk_run_parent_class)->dispose (object);
}

static void
patella_walk_run_finalize (GObject *object)
{
  PatellaWalkRun *self = PATELLA_WALK_RUN (object);

  g_clear_pointer (&self->intervals, g_array_unref);

  G_OBJECT_CLASS (patella_walk_run_parent_class)->finalize (object);
}

static void
patella_walk_run_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  PatellaWalkRun *self = PATELLA_WALK_RUN (object);

  switch (prop_id)
    {
    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;
    case PROP_INDEX:
      g_value_set_int (value, self->index);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
patella_walk_run_class_init (PatellaWalkRunClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = patella_walk_run_dispose;
  object_class->finalize = patella_walk_run_finalize;
  object_class->get_property = patella_walk_run_get_property;

  properties[PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL, PATELLA_TYPE_WALK_RUN_STATE, PATELLA_WALK_RUN_IDLE,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_INDEX] =
    g_param_spec_int ("index", NULL, NULL, 0, G_MAXINT, 0,
                      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
patella_walk_run_init (PatellaWalkRun *self)
{
  self->state = PATELLA_WALK_RUN_IDLE;
}

/**
 * patella_walk_run_put_record:
 * @row: the whole row
 *
 * Writes a new walk/run session row, inside the caller's transaction when
 * there is one: the only INSERT into walk_run, for the timer and an import
 * alike. The store refuses a second session under way.
 *
 * Returns: the new session's id, or 0 with @error set
 */
gint64
patella_walk_run_put_record (PatellaStore                *store,
                             const PatellaWalkRunRecord  *row,
                             GError                     **error)
{
  g_autoptr(PatellaStmt) stmt = NULL;

  g_return_val_if_fail (PATELLA_IS_STORE (store), 0);
  g_return_val_if_fail (row != NULL && row->uuid != NULL && row->day != NULL &&
                        row->state != NULL, 0);

  stmt = patella_store_prepare (store,
                                "INSERT INTO walk_run (uuid, day, phase, warm_up_s, run_s, walk_s,"
                                " repeats, state, started_us, ends_us, remaining_s, ended_us, pain)"
                                " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13);",
                                error);
  if (stmt == NULL)
    return 0;

  sqlite3_bind_text (stmt, 1, row->uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, row->day, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, row->phase);
  sqlite3_bind_int64 (stmt, 4, row->warm_up_s);
  sqlite3_bind_int64 (stmt, 5, row->run_s);
  sqlite3_bind_int64 (stmt, 6, row->walk_s);
  sqlite3_bind_int64 (stmt, 7, row->repeats);
  sqlite3_bind_text (stmt, 8, row->state, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 9, row->started_us);
  patella_stmt_bind_optional (stmt, 10, row->ends_us, PATELLA_PLAN_NONE);
  patella_stmt_bind_optional (stmt, 11, row->remaining_s, PATELLA_PLAN_NONE);
  patella_stmt_bind_optional (stmt, 12, row->ended_us, PATELLA_PLAN_NONE);
  patella_stmt_bind_optional (stmt, 13, row->pain, PATELLA_PLAN_NONE);
  if (!patella_store_step_done (store, stmt, error))
    return 0;

  return sqlite3_last_insert_rowid (patella_store_get_db (store));
}

/* Returns: the walk/run session with @uuid, 0 when there is none, or -1
 *   with @error set */
gint64
patella_walk_run_find (PatellaStore  *store,
                       const char    *uuid,
                       GError       **error)
{
  g_return_val_if_fail (PATELLA_IS_STORE (store), -1);

  return patella_store_find_id (store, "SELECT id FROM walk_run WHERE uuid = ?1;", uuid, error);
}

PatellaWalkRun *
patella_walk_run_new (PatellaStore    *store,
                      PatellaNotifier *notifier)
{
  PatellaWalkRun *self;

  g_return_val_if_fail (PATELLA_IS_STORE (store), NULL);
  g_return_val_if_fail (notifier == NULL || PATELLA_IS_NOTIFIER (notifier), NULL);

  self = g_object_new (PATELLA_TYPE_WALK_RUN, NULL);
  self->store = g_object_ref (store);
  if (notifier != NULL)
    self->notifier = g_object_ref (notifier);

  return self;
}

void
patella_walk_run_set_notifier (PatellaWalkRun  *self,
                               PatellaNotifier *notifier)
{
  g_return_if_fail (PATELLA_IS_WALK_RUN (self));

  g_set_object (&self->notifier, notifier);
}

/* Ticks by itself at each interval change (the application's timer). */
void
patella_walk_run_set_auto_tick (PatellaWalkRun *self,
                                gboolean        auto_tick)
{
  g_return_if_fail (PATELLA_IS_WALK_RUN (self));

  self->auto_tick = !!auto_tick;
  schedule_tick (self);
}

static void
load_row (PatellaWalkRun *self,
          PatellaStmt    *stmt)
{
  const char *state = (const char *) sqlite3_column_text (stmt, 7);
  int warm_up_s = sqlite3_column_int (stmt, 3);
  int walk_s = sqlite3_column_int (stmt, 5);
  int repeats = sqlite3_column_int (stmt, 6);

  self->id = sqlite3_column_int64 (stmt, 0);
  g_strlcpy (self->day, (const char *) sqlite3_column_text (stmt, 1), sizeof self->day);
  self->phase = sqlite3_column_int (stmt, 2);
  self->run_s = sqlite3_column_int (stmt, 4) * repeats;
  g_clear_pointer (&self->intervals, g_array_unref);
  self->intervals = patella_walk_run_intervals (warm_up_s, sqlite3_column_int (stmt, 4), walk_s,
                                                repeats);
  self->total_s = warm_up_s + repeats * (sqlite3_column_int (stmt, 4) + walk_s);
  self->ends_us = sqlite3_column_int64 (stmt, 8);
  self->remaining_us = (gint64) sqlite3_column_int (stmt, 9) * G_USEC_PER_SEC;

  if (g_strcmp0 (state, "running") == 0)
    self->state = PATELLA_WALK_RUN_RUNNING;
  else if (g_strcmp0 (state, "paused") == 0)
    self->state = PATELLA_WALK_RUN_PAUSED;
  else if (g_strcmp0 (state, "finished") == 0)
    self->state = PATELLA_WALK_RUN_FINISHED;
  else
    self->state = PATELLA_WALK_RUN_STOPPED;
}

/**
 * patella_walk_run_restore:
 *
 * Picks up the session under way, or the last one whose pain is still to
 * ask; one that ended meanwhile is recorded at its end.
 */
gboolean
patella_walk_run_restore (PatellaWalkRun  *self,
                          GError         **error)
{
  g_autoptr(PatellaStmt) stmt = NULL;
  PatellaWalkRunState previous;
  PatellaWalkRunState loaded;
  int rc;

  g_return_val_if_fail (PATELLA_IS_WALK_RUN (self), FALSE);

  stmt = patella_store_prepare (self->store,
                                COLUMNS "WHERE state IN ('running', 'paused', 'finished', 'stopped')"
                                " ORDER BY id DESC LIMIT 1;", error);
  if (stmt == NULL)
    return FALSE;

  rc = patella_store_step (self->store, stmt, error);
  if (rc == SQLITE_DONE)
    {
      self->id = 0;
      set_state (self, PATELLA_WALK_RUN_IDLE);
      return TRUE;
    }
  if (rc != SQLITE_ROW)
    return FALSE;

  previous = self->state;
  load_row (self, stmt);
  loaded = self->state;
  if (loaded == PATELLA_WALK_RUN_RUNNING && now_us (self) >= self->ends_us)
    return finish_at_end (self, error);

  /* Back to the state as it was, so that set_state() tells what changed. */
  self->state = previous;
  set_state (self, loaded);
  return TRUE;
}

gboolean
patella_walk_run_start (PatellaWalkRun  *self,
                        int              phase,
                        int              warm_up_s,
                        int              run_s,
                        int              walk_s,
                        int              repeats,
                        GError         **error)
{
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *day = NULL;
  PatellaWalkRunRecord row = { .remaining_s = PATELLA_PLAN_NONE, .ended_us = PATELLA_PLAN_NONE,
                               .pain = PATELLA_PLAN_NONE };
  gint64 now;
  gint64 id;

  g_return_val_if_fail (PATELLA_IS_WALK_RUN (self), FALSE);

  if (self->state == PATELLA_WALK_RUN_RUNNING || self->state == PATELLA_WALK_RUN_PAUSED)
    return patella_error_refuse (error, PATELLA_ERROR_INVALID,
                                 _("A walk/run session is under way; stop it before starting "
                                   "another"));
  if (self->state == PATELLA_WALK_RUN_FINISHED || self->state == PATELLA_WALK_RUN_STOPPED)
    return patella_error_refuse (error, PATELLA_ERROR_INVALID,
                                 _("The last walk/run session waits for its pain rating; log or "
                                   "discard it first"));
  if (run_s <= 0 || walk_s < 0 || warm_up_s < 0 || repeats < 1 || repeats > 50 ||
      !patella_plan_check_phase (phase, NULL))
    return patella_error_refuse (error, PATELLA_ERROR_INVALID,
                                 _("This walk/run session has no run in it"));
  if (!patella_store_check_writable (self->store, error))
    return FALSE;

  now = now_us (self);
  day = patella_clock_get_today (patella_store_get_clock (self->store));
  g_clear_pointer (&self->intervals, g_array_unref);
  self->intervals = patella_walk_run_intervals (warm_up_s, run_s, walk_s, repeats);
  self->total_s = warm_up_s + repeats * (run_s + walk_s);
  self->run_s = run_s * repeats;
  self->phase = phase;
  self->ends_us = now + total_us (self);
  self->remaining_us = total_us (self);

  row.uuid = uuid;
  row.day = day;
  row.phase = phase;
  row.warm_up_s = warm_up_s;
  row.run_s = run_s;
  row.walk_s = walk_s;
  row.repeats = repeats;
  row.state = "running";
  row.started_us = now;
  row.ends_us = self->ends_us;
  id = patella_walk_run_put_record (self->store, &row, error);
  if (id == 0)
    return FALSE;

  self->id = id;
  g_strlcpy (self->day, day, sizeof self->day);
  self->index = -1;
  set_state (self, PATELLA_WALK_RUN_RUNNING);
  patella_store_emit_changed (self->store, "walk-run");
  return TRUE;
}

static gboolean
write_state (PatellaWalkRun  *self,
             const char      *state,
             gint64           ends_us,
             gint64           remaining_s,
             gboolean         ended,
             GError         **error)
{
  g_autoptr(PatellaStmt) stmt = NULL;

  stmt = patella_store_prepare (self->store,
                                "UPDATE walk_run SET state = ?, ends_us = ?, remaining_s = ?,"
                                " ended_us = ? WHERE id = ?;", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, state, -1, SQLITE_STATIC);
  if (ends_us > 0)
    sqlite3_bind_int64 (stmt, 2, ends_us);
  else
    sqlite3_bind_null (stmt, 2);
  sqlite3_bind_int64 (stmt, 3, remaining_s);
  if (ended)
    sqlite3_bind_int64 (stmt, 4, now_us (self));
  else
    sqlite3_bind_null (stmt, 4);
  sqlite3_bind_int64 (stmt, 5, self->id);
  return patella_store_step_done (self->store, stmt, error);
}

gboolean
patella_walk_run_pause (PatellaWalkRun  *self,
                        GError         **error)
{
  gint64 remaining;

  g_return_val_if_fail (PATELLA_IS_WALK_RUN (self), FALSE);

  patella_walk_run_tick (self);
  if (self->state != PATELLA_WALK_RUN_RUNNING)
    return patella_error_refuse (error, PATELLA_ERROR_INVALID,
                                 _("No walk/run session is running"));

  remaining = MAX (self->ends_us - now_us (self), 0);
  if (!write_state (self, "paused", 0, remaining / G_USEC_PER_SEC, FALSE, error))
    return FALSE;

  /* Whole seconds, as stored, so that a restart resumes at the same point. */
  self->remaining_us = remaining / G_USEC_PER_SEC * G_USEC_PER_SEC;
  set_state (self, PATELLA_WALK_RUN_PAUSED);
  patella_store_emit_changed (self->store, "walk-run");
  return TRUE;
}

gboolean
patella_walk_run_resume (PatellaWalkRun  *self,
                         GError         **error)
{
  gint64 ends;

  g_return_val_if_fail (PATELLA_IS_WALK_RUN (self), FALSE);

  if (self->state != PATELLA_WALK_RUN_PAUSED)
    return patella_error_refuse (error, PATELLA_ERROR_INVALID,
                                 _("No walk/run session is paused"));

  ends = now_us (self) + self->remaining_us;
  if (!write_state (self, "running", ends, self->remaining_us / G_USEC_PER_SEC, FALSE, error))
    return FALSE;

  self->ends_us = ends;
  set_state (self, PATELLA_WALK_RUN_RUNNING);
  patella_store_emit_changed (self->store, "walk-run");
  return TRUE;
}

gboolean
patella_walk_run_stop (PatellaWalkRun  *self,
                       GError         **error)
{
  gint64 remaining;

  g_return_val_if_fail (PATELLA_IS_WALK_RUN (self), FALSE);

  patella_walk_run_tick (self);
  if (self->state != PATELLA_WALK_RUN_RUNNING && self->state != PATELLA_WALK_RUN_PAUSED)
    return patella_error_refuse (error, PATELLA_ERROR_INVALID,
                                 _("No walk/run session is under way"));

  remaining = self->state == PATELLA_WALK_RUN_RUNNING ? MAX (self->ends_us - now_us (self), 0)
                                                      : self->remaining_us;
  if (!write_state (self, "stopped", 0, remaining / G_USEC_PER_SEC, TRUE, error))
    return FALSE;

  self->remaining_us = remaining / G_USEC_PER_SEC * G_USEC_PER_SEC;
  set_state (self, PATELLA_WALK_RUN_STOPPED);
  patella_store_emit_changed (self->store, "walk-run");
  return TRUE;
}

static gboolean
close_session (PatellaWalkRun  *self,
               int              pain,
               GError         **error)
{
  g_autoptr(PatellaStmt) stmt = NULL;

  stmt = patella_store_prepare (self->store,
                                "UPDATE walk_run SET state = 'logged', pain = ? WHERE id = ?;",
                                error);
  if (stmt == NULL)
    return FALSE;

  if (pain == PATELLA_PAIN_NONE)
    sqlite3_bind_null (stmt, 1);
  else
    sqlite3_bind_int (stmt, 1, pain);
  sqlite3_bind_int64 (stmt, 2, self->id);
  if (!patella_store_step_done (self->store, stmt, error))
    return FALSE;

  self->id = 0;
  set_state (self, PATELLA_WALK_RUN_IDLE);
  patella_store_emit_changed (self->store, "walk-run");
  return TRUE;
}

/**
 * patella_walk_run_finish:
 * @pain: the most pain during the session, 0–10
 *
 * Logs the ended session as the plan's session of the day it started, with
 * the time it lasted (a stopped session ran less than planned), and closes
 * it.
 */
gboolean
patella_walk_run_finish (PatellaWalkRun  *self,
                         int              pain,
                         GError         **error)
{
  g_return_val_if_fail (PATELLA_IS_WALK_RUN (self), FALSE);

  if (self->state != PATELLA_WALK_RUN_FINISHED && self->state != PATELLA_WALK_RUN_STOPPED)
    return patella_error_refuse (error, PATELLA_ERROR_INVALID,
                                 _("No walk/run session has ended"));
  if (!patella_check_pain (pain, error))
    return FALSE;

  if (!patella_plan_log_session (self->store, self->day, pain, PATELLA_PAIN_NONE, NULL,
                                 patella_walk_run_get_elapsed (self), error))
    return FALSE;

  return close_session (self, pain, error);
}

/* Closes an ended session without logging it to the plan. */
gboolean
patella_walk_run_discard (PatellaWalkRun  *self,
                          GError         **error)
{
  g_return_val_if_fail (PATELLA_IS_WALK_RUN (self), FALSE);

  if (self->state != PATELLA_WALK_RUN_FINISHED && self->state != PATELLA_WALK_RUN_STOPPED)
    return patella_error_refuse (error, PATELLA_ERROR_INVALID,
                                 _("No walk/run session has ended"));

  return close_session (self, PATELLA_PAIN_NONE, error);
}

PatellaWalkRunState
patella_walk_run_get_state (PatellaWalkRun *self)
{
  g_return_val_if_fail (PATELLA_IS_WALK_RUN (self), PATELLA_WALK_RUN_IDLE);
  return self->state;
}

gint64
patella_walk_run_get_id (PatellaWalkRun *self)
{
  g_return_val_if_fail (PATELLA_IS_WALK_RUN (self), 0);
  return self->id;
}

const char *
patella_walk_run_get_day (PatellaWalkRun *self)
{
  g_return_val_if_fail (PATELLA_IS_WALK_RUN (self), NULL);
  return self->day;
}

int
patella_walk_run_get_phase (PatellaWalkRun *self)
{
  g_return_val_if_fail (PATELLA_IS_WALK_RUN (self), 0);
  return self->phase;
}

int
patella_walk_run_get_total (PatellaWalkRun *self)
{
  g_return_val_if_fail (PATELLA_IS_WALK_RUN (self), 0);
  return self->total_s;
}

/* Whole seconds into the session. */
int
patella_walk_run_get_elapsed (PatellaWalkRun *self)
{
  g_return_val_if_fail (PATELLA_IS_WALK_RUN (self), 0);
  return (int) (elapsed_us (self) / G_USEC_PER_SEC);
}

/* The running in the session, as planned. */
int
patella_walk_run_get_run_seconds (PatellaWalkRun *self)
{
  g_return_val_if_fail (PATELLA_IS_WALK_RUN (self), 0);
  return self->run_s;
}

/**
 * patella_walk_run_get_intervals:
 *
 * Returns: (transfer none) (nullable) (element-type PatellaWalkRunInterval)
 */
GArray *
patella_walk_run_get_intervals (PatellaWalkRun *self)
{
  g_return_val_if_fail (PATELLA_IS_WALK_RUN (self), NULL);
  return self->intervals;
}

/* The current interval; the number of intervals once the session is over. */
int
patella_walk_run_get_index (PatellaWalkRun *self)
{
  g_return_val_if_fail (PATELLA_IS_WALK_RUN (self), 0);
  return index_at (self, elapsed_us (self));
}

/* Whole seconds left in the current interval, rounded up. */
int
patella_walk_run_get_interval_remaining (PatellaWalkRun *self)
{
  const PatellaWalkRunInterval *interval;
  gint64 end_us;
  int index;

  g_return_val_if_fail (PATELLA_IS_WALK_RUN (self), 0);

  index = patella_walk_run_get_index (self);
  if (self->intervals == NULL || index >= (int) self->intervals->len)
    return 0;

  interval = &g_array_index (self->intervals, PatellaWalkRunInterval, index);
  end_us = (gint64) (interval->start_s + interval->length_s) * G_USEC_PER_SEC;
  return (int) ((end_us - elapsed_us (self) + G_USEC_PER_SEC - 1) / G_USEC_PER_SEC);
}

/**
 * patella_walk_run_get_next_change:
 *
 * Returns: the instant of the next interval change (or the end) of a
 *   running session, or 0
 */
gint64
patella_walk_run_get_next_change (PatellaWalkRun *self)
{
  int index;

  g_return_val_if_fail (PATELLA_IS_WALK_RUN (self), 0);

  if (self->state != PATELLA_WALK_RUN_RUNNING)
    return 0;

  index = patella_walk_run_get_index (self);
  if (index + 1 >= (int) self->intervals->len)
    return self->ends_us;

  return self->ends_us - total_us (self) +
         (gint64) g_array_index (self->intervals, PatellaWalkRunInterval, index + 1).start_s *
         G_USEC_PER_SEC;
}
