/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "patella-reminders"

#include "config.h"

#include <glib/gi18n.h>

#include "patella-reminder-service.h"
#include "patella-wakeup.h"

/* Keeps icing reminders coming while Patella runs, window or not: one
 * wake-up at the next slot (PatellaWakeup), a check, a notification, and
 * the answers to its actions. */

struct _PatellaReminderService
{
  GObject                parent_instance;

  PatellaStore          *store;
  PatellaNotifier       *notifier;
  GSettings             *settings;
  PatellaReminderConfig *config;
  PatellaWakeup          wakeup;
  gint64                 next_us;
};

G_DEFINE_FINAL_TYPE (PatellaReminderService, patella_reminder_service, G_TYPE_OBJECT)

enum {
  START_REQUESTED,
  OPEN_REQUESTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
schedule (PatellaReminderService *self)
{
  self->next_us = patella_reminders_next_due (self->store, self->config);
  patella_wakeup_at (&self->wakeup, self->next_us, 0);
}

static void
reload_config (PatellaReminderService *self)
{
  g_clear_pointer (&self->config, patella_reminder_config_free);
  self->config = patella_reminder_config_from_settings (self->settings);
}

static void
settings_changed_cb (PatellaReminderService *self,
                     const char             *key)
{
  reload_config (self);
  schedule (self);
}

static void
store_changed_cb (PatellaReminderService *self,
                  const char             *what)
{
  /* A finished session can meet the day's goal. */
  schedule (self);
}

static void
action_invoked_cb (PatellaReminderService *self,
                   const char             *id,
                   const char             *action)
{
  g_autoptr(GError) error = NULL;
  gboolean ok = TRUE;

  if (!g_str_has_prefix (id, "ice-reminder:"))
    return;

  if (g_str_equal (action, "snooze"))
    {
      ok = patella_reminders_snooze (self->store, id, &error);
    }
  else if (g_str_equal (action, "start"))
    {
      ok = patella_reminders_mark_started (self->store, id, &error);
      g_signal_emit (self, signals[START_REQUESTED], 0);
    }
  else if (g_str_equal (action, "default"))
    {
      g_signal_emit (self, signals[OPEN_REQUESTED], 0);
    }

  if (!ok)
    g_message ("Could not record the answer to %s: %s", id, error->message);

  schedule (self);
}

static void
patella_reminder_service_dispose (GObject *object)
{
  PatellaReminderService *self = (PatellaReminderService *)object;

  patella_wakeup_clear (&self->wakeup);
  g_clear_object (&self->store);
  g_clear_object (&self->notifier);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (patella_reminder_service_parent_class)->dispose (object);
}

static void
patella_reminder_service_finalize (GObject *object)
{
  PatellaReminderService *self = (PatellaReminderService *)object;

  g_clear_pointer (&self->config, patella_reminder_config_free);

  G_OBJECT_CLASS (patella_reminder_service_parent_class)->finalize (object);
}

static void
patella_reminder_service_class_init (PatellaReminderServiceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = patella_reminder_service_dispose;
  object_class->finalize = patella_reminder_service_finalize;

  /**
   * PatellaReminderService::start-requested:
   *
   * The user chose "Start Timer" on a reminder.
   */
  signals[START_REQUESTED] = g_signal_new ("start-requested",
                                           G_TYPE_FROM_CLASS (klass),
                                           G_SIGNAL_RUN_LAST,
                                           0, NULL, NULL, NULL,
                                           G_TYPE_NONE, 0);

  /**
   * PatellaReminderService::open-requested:
   *
   * The user clicked a reminder: the Timers view should be shown.
   */
  signals[OPEN_REQUESTED] = g_signal_new ("open-requested",
                                          G_TYPE_FROM_CLASS (klass),
                                          G_SIGNAL_RUN_LAST,
                                          0, NULL, NULL, NULL,
                                          G_TYPE_NONE, 0);
}

static void
patella_reminder_service_init (PatellaReminderService *self)
{
}

/**
 * patella_reminder_service_new:
 * @settings: (nullable): Patella's settings; %NULL uses the defaults
 *
 * Starts keeping reminders on @store, sent through @notifier. A reminder
 * that is due already is sent once the main loop is idle, not on the way
 * to a window's first frame: sending is a D-Bus round trip.
 */
PatellaReminderService *
patella_reminder_service_new (PatellaStore    *store,
                              PatellaNotifier *notifier,
                              GSettings       *settings)
{
  PatellaReminderService *self;

  g_return_val_if_fail (PATELLA_IS_STORE (store), NULL);
  g_return_val_if_fail (PATELLA_IS_NOTIFIER (notifier), NULL);
  g_return_val_if_fail (settings == NULL || G_IS_SETTINGS (settings), NULL);

  self = g_object_new (PATELLA_TYPE_REMINDER_SERVICE, NULL);
  self->store = g_object_ref (store);
  self->notifier = g_object_ref (notifier);
  self->settings = settings != NULL ? g_object_ref (settings) : NULL;
  reload_config (self);

  if (self->settings != NULL)
    g_signal_connect_object (self->settings, "changed", G_CALLBACK (settings_changed_cb), self,
                             G_CONNECT_SWAPPED);
  g_signal_connect_object (store, "changed::sessions", G_CALLBACK (store_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (notifier, "action-invoked", G_CALLBACK (action_invoked_cb), self,
                           G_CONNECT_SWAPPED);
  patella_wakeup_init (&self->wakeup, G_OBJECT (self), patella_store_get_clock (store),
                       (PatellaWakeupFunc) patella_reminder_service_check_now);

  schedule (self);

  return self;
}

/* Sends the reminder that is due, if any, and plans the next wake-up. */
void
patella_reminder_service_check_now (PatellaReminderService *self)
{
  g_autoptr(PatellaReminderSlot) slot = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (PATELLA_IS_REMINDER_SERVICE (self));

  slot = patella_reminders_check (self->store, self->config, &error);
  if (error != NULL)
    g_message ("Could not check icing reminders: %s", error->message);

  if (slot != NULL)
    {
      g_autoptr(PatellaNotification) n =
        patella_reminder_slot_build_notification (slot, self->config);
      g_autoptr(GError) send_error = NULL;

      if (!patella_notifier_send (self->notifier, n, &send_error))
        g_debug ("Reminder not shown: %s", send_error->message);
    }

  schedule (self);
}

/**
 * patella_reminder_service_get_next:
 *
 * Returns: when the next reminder is due, or 0 when reminders are off
 */
gint64
patella_reminder_service_get_next (PatellaReminderService *self)
{
  g_return_val_if_fail (PATELLA_IS_REMINDER_SERVICE (self), 0);

  return self->next_us;
}

const PatellaReminderConfig *
patella_reminder_service_get_config (PatellaReminderService *self)
{
  g_return_val_if_fail (PATELLA_IS_REMINDER_SERVICE (self), NULL);

  return self->config;
}
