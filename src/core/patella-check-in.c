/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "patella-check-in"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "patella-check-in.h"
#include "patella-error.h"
#include "patella-journal.h"
#include "patella-plan.h"
#include "patella-reminders.h"
#include "patella-store-private.h"
#include "patella-wakeup.h"

/* The morning check-in: the morning after a run or a plan session, at the
 * user's wake time, "How is your knee this morning?". The rating goes on
 * the session day's journal entry (its "next morning" pain), where the
 * plan reads it. Sent once per session day (the sent-once state is in the
 * database), never when that morning is rated already, and withdrawn when
 * it is rated in the journal meanwhile. */

/* The ratings offered as actions: servers show about three buttons. */
static const int quick_ratings[] = { 0, 2 };

gboolean
patella_check_in_check_wake_time (const char  *text,
                                  GError     **error)
{
  int hours = -1;
  int minutes = -1;
  char extra;

  if (text == NULL || sscanf (text, "%2d:%2d%c", &hours, &minutes, &extra) != 2 ||
      strlen (text) != 5 || hours < 0 || hours > 23 || minutes < 0 || minutes > 59)
    return patella_error_refuse (error, PATELLA_ERROR_INVALID,
                                 _("“%s” is not a time of day; write it as HH:MM, like 07:30"),
                                 text != NULL ? text : "");

  return TRUE;
}

static gboolean
had_run (PatellaStore *store,
         const char   *day)
{
  g_autoptr(PatellaStmt) stmt = NULL;

  stmt = patella_store_prepare (store, "SELECT 1 FROM run WHERE day = ? LIMIT 1;", NULL);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, day, -1, SQLITE_TRANSIENT);
  return patella_store_step (store, stmt, NULL) == SQLITE_ROW;
}

static char *
notification_id (const char *day)
{
  return g_strconcat (PATELLA_CHECK_IN_PREFIX, day, NULL);
}

/**
 * patella_check_in_due:
 * @wake_time: "HH:MM"
 *
 * Returns: (transfer full) (nullable): the day of yesterday's run or plan
 *   session whose morning is to be asked about now, or %NULL
 */
char *
patella_check_in_due (PatellaStore  *store,
                      const char    *wake_time,
                      GError       **error)
{
  PatellaClock *clock;
  g_autofree char *today = NULL;
  g_autofree char *day = NULL;
  g_autofree char *id = NULL;
  g_autoptr(PatellaJournalEntry) entry = NULL;
  g_autoptr(GError) local_error = NULL;
  gint64 wake_us;

  g_return_val_if_fail (PATELLA_IS_STORE (store), NULL);

  if (!patella_check_in_check_wake_time (wake_time, NULL))
    wake_time = PATELLA_CHECK_IN_DEFAULT_WAKE;

  clock = patella_store_get_clock (store);
  today = patella_clock_get_today (clock);
  wake_us = patella_reminder_slot_instant (today, wake_time);
  if (wake_us == 0 || patella_clock_get_now (clock) < wake_us)
    return NULL;

  day = patella_day_add_days (today, -1);
  id = notification_id (day);
  if (patella_notification_was_sent (store, id))
    return NULL;
  if (!had_run (store, day) && !patella_plan_had_session (store, day))
    return NULL;

  entry = patella_journal_get (store, day, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  if (entry != NULL && patella_journal_entry_get_pain_morning (entry) != PATELLA_PAIN_NONE)
    return NULL;

  return g_steal_pointer (&day);
}

/* The next instant worth a look: today's wake time, or tomorrow's. */
gint64
patella_check_in_next (PatellaStore *store,
                       const char   *wake_time)
{
  PatellaClock *clock;
  g_autofree char *today = NULL;
  g_autofree char *tomorrow = NULL;
  gint64 wake_us;

  g_return_val_if_fail (PATELLA_IS_STORE (store), 0);

  if (!patella_check_in_check_wake_time (wake_time, NULL))
    wake_time = PATELLA_CHECK_IN_DEFAULT_WAKE;

  clock = patella_store_get_clock (store);
  today = patella_clock_get_today (clock);
  wake_us = patella_reminder_slot_instant (today, wake_time);
  if (wake_us > patella_clock_get_now (clock))
    return wake_us;

  tomorrow = patella_day_add_days (today, 1);
  return patella_reminder_slot_instant (tomorrow, wake_time);
}

/**
 * patella_check_in_build_notification:
 *
 * Returns: (transfer full): "How is your knee this morning?" with quick
 *   ratings as actions, when the day has a journal entry to put them on,
 *   and opening the day for any other answer
 */
PatellaNotification *
patella_check_in_build_notification (PatellaStore *store,
                                     const char   *day)
{
  g_autofree char *id = notification_id (day);
  g_autoptr(PatellaJournalEntry) entry = patella_journal_get (store, day, NULL);
  PatellaNotification *n;

  n = patella_notification_new (id, _("How is your knee this morning?"),
                                _("Rate the pain this morning, after yesterday’s run or session: "
                                  "the plan needs it to decide what comes next."),
                                "x-patella.check-in");
  if (entry != NULL)
    for (guint i = 0; i < G_N_ELEMENTS (quick_ratings); i++)
      {
        g_autofree char *action = g_strdup_printf ("rate-%d", quick_ratings[i]);
        g_autofree char *label = NULL;

        if (quick_ratings[i] == 0)
          label = g_strdup (_("0 · No Pain"));
        else
          /* Translators: a quick rating on the morning check-in, "2 · Mild" */
          label = g_strdup_printf (_("%d · Mild"), quick_ratings[i]);
        patella_notification_add_action (n, action, label);
      }
  patella_notification_add_action (n, "open", _("Rate in Patella…"));
  patella_notification_add_action (n, "default", _("Open Patella"));
  return n;
}

/* "morning-check-in:2026-03-09" → "2026-03-09" */
char *
patella_check_in_get_day (const char *notification_id)
{
  if (notification_id == NULL || !g_str_has_prefix (notification_id, PATELLA_CHECK_IN_PREFIX))
    return NULL;

  return g_strdup (notification_id + strlen (PATELLA_CHECK_IN_PREFIX));
}

/**
 * patella_check_in_record:
 *
 * Writes @pain as the next-morning pain of the check-in's day, then lets
 * the plan take the decision that waited for it.
 */
gboolean
patella_check_in_record (PatellaStore  *store,
                         const char    *notification_id,
                         int            pain,
                         GError       **error)
{
  g_autofree char *day = patella_check_in_get_day (notification_id);
  g_autoptr(PatellaJournalEntry) entry = NULL;
  PatellaJournalChange change = PATELLA_JOURNAL_CHANGE_INIT;

  g_return_val_if_fail (PATELLA_IS_STORE (store), FALSE);

  if (day == NULL)
    return patella_error_refuse (error, PATELLA_ERROR_INVALID, _("Not a morning check-in"));
  if (!patella_check_pain (pain, error))
    return FALSE;

  entry = patella_journal_get (store, day, error);
  if (entry == NULL)
    {
      if (error != NULL && *error == NULL)
        patella_error_refuse (error, PATELLA_ERROR_NOT_FOUND,
                              _("%s has no journal entry to add the morning to"), day);
      return FALSE;
    }

  change.pain_morning = pain;
  if (!patella_journal_save (store, day, &change, NULL, error))
    return FALSE;

  return patella_plan_update (store, error);
}

/* The service */

struct _PatellaCheckInService
{
  GObject          parent_instance;

  PatellaStore    *store;
  PatellaNotifier *notifier;
  GSettings       *settings;
  PatellaWakeup    wakeup;
  char            *shown_id;     /* sent in this run, to withdraw once rated */
};

G_DEFINE_FINAL_TYPE (PatellaCheckInService, patella_check_in_service, G_TYPE_OBJECT)

enum {
  OPEN_DAY_REQUESTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static char *
get_wake_time (PatellaCheckInService *self)
{
  if (self->settings != NULL)
    return g_settings_get_string (self->settings, "wake-time");

  return g_strdup (PATELLA_CHECK_IN_DEFAULT_WAKE);
}

static void
schedule (PatellaCheckInService *self)
{
  g_autofree char *wake_time = get_wake_time (self);

  patella_wakeup_at (&self->wakeup, patella_check_in_next (self->store, wake_time), 1);
}

static void
settings_changed_cb (PatellaCheckInService *self,
                     const char            *key)
{
  if (g_strcmp0 (key, "wake-time") == 0)
    patella_check_in_service_check_now (self);
}

/* Rated in the journal meanwhile: the question is answered. */
static void
store_changed_cb (PatellaCheckInService *self,
                  const char            *what)
{
  g_autofree char *day = NULL;
  g_autoptr(PatellaJournalEntry) entry = NULL;

  if (self->shown_id == NULL)
    return;

  day = patella_check_in_get_day (self->shown_id);
  entry = patella_journal_get (self->store, day, NULL);
  if (entry != NULL && patella_journal_entry_get_pain_morning (entry) != PATELLA_PAIN_NONE)
    {
      patella_notifier_withdraw (self->notifier, self->shown_id);
      g_clear_pointer (&self->shown_id, g_free);
    }
}

static void
action_invoked_cb (PatellaCheckInService *self,
                   const char            *id,
                   const char            *action)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *day = patella_check_in_get_day (id);
  int pain;

  if (day == NULL)
    return;

  if (sscanf (action, "rate-%d", &pain) == 1)
    {
      if (!patella_check_in_record (self->store, id, pain, &error))
        {
          g_message ("Could not record the morning rating: %s", error->message);
          g_signal_emit (self, signals[OPEN_DAY_REQUESTED], 0, day);
        }
      return;
    }

  g_signal_emit (self, signals[OPEN_DAY_REQUESTED], 0, day);
}

static void
patella_check_in_service_dispose (GObject *object)
{
  PatellaCheckInService *self = PATELLA_CHECK_IN_SERVICE (object);

  patella_wakeup_clear (&self->wakeup);
  g_clear_object (&self->store);
  g_clear_object (&self->notifier);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (patella_check_in_service_parent_class)->dispose (object);
}

static void
patella_check_in_service_finalize (GObject *object)
{
  PatellaCheckInService *self = PATELLA_CHECK_IN_SERVICE (object);

  g_free (self->shown_id);

  G_OBJECT_CLASS (patella_check_in_service_parent_class)->finalize (object);
}

static void
patella_check_in_service_class_init (PatellaCheckInServiceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = patella_check_in_service_dispose;
  object_class->finalize = patella_check_in_service_finalize;

  /**
   * PatellaCheckInService::open-day-requested:
   * @day: the session's day, whose journal entry should be shown
   */
  signals[OPEN_DAY_REQUESTED] = g_signal_new ("open-day-requested",
                                              G_TYPE_FROM_CLASS (klass),
                                              G_SIGNAL_RUN_LAST,
                                              0, NULL, NULL, NULL,
                                              G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
patella_check_in_service_init (PatellaCheckInService *self)
{
}

/**
 * patella_check_in_service_new:
 * @settings: (nullable): where the wake time is; %NULL for 08:00
 */
PatellaCheckInService *
patella_check_in_service_new (PatellaStore    *store,
                              PatellaNotifier *notifier,
                              GSettings       *settings)
{
  PatellaCheckInService *self;

  g_return_val_if_fail (PATELLA_IS_STORE (store), NULL);
  g_return_val_if_fail (PATELLA_IS_NOTIFIER (notifier), NULL);

  self = g_object_new (PATELLA_TYPE_CHECK_IN_SERVICE, NULL);
  self->store = g_object_ref (store);
  self->notifier = g_object_ref (notifier);
  self->settings = settings != NULL ? g_object_ref (settings) : NULL;

  if (self->settings != NULL)
    g_signal_connect_object (self->settings, "changed", G_CALLBACK (settings_changed_cb), self,
                             G_CONNECT_SWAPPED);
  g_signal_connect_object (store, "changed", G_CALLBACK (store_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (notifier, "action-invoked", G_CALLBACK (action_invoked_cb), self,
                           G_CONNECT_SWAPPED);
  patella_wakeup_init (&self->wakeup, G_OBJECT (self), patella_store_get_clock (store),
                       (PatellaWakeupFunc) patella_check_in_service_check_now);

  schedule (self);
  return self;
}

/* Sends the check-in that is due, if any, and plans the next look. */
void
patella_check_in_service_check_now (PatellaCheckInService *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *wake_time = NULL;
  g_autofree char *day = NULL;

  g_return_if_fail (PATELLA_IS_CHECK_IN_SERVICE (self));

  wake_time = get_wake_time (self);
  day = patella_check_in_due (self->store, wake_time, &error);
  if (error != NULL)
    g_message ("Could not check the morning check-in: %s", error->message);

  if (day != NULL)
    {
      g_autoptr(PatellaNotification) n = patella_check_in_build_notification (self->store, day);
      g_autoptr(GError) send_error = NULL;

      if (patella_notifier_send_once (self->notifier, self->store, n, &send_error))
        {
          g_free (self->shown_id);
          self->shown_id = g_strdup (n->id);
        }
      else if (send_error != NULL)
        g_message ("Could not record the morning check-in: %s", send_error->message);
    }

  schedule (self);
}
