/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "patella-notify"

#include "config.h"

#include <glib/gi18n.h>
#include <libnotify/notify.h>

#include "patella-error.h"
#include "patella-libnotify-notifier.h"

/* Delivers notifications through the freedesktop notification service.
 * Shown notifications are kept so that their actions still reach us, with
 * or without a window, until the service closes them. */
struct _PatellaLibnotifyNotifier
{
  GObject     parent_instance;

  char       *app_id;
  GHashTable *shown;   /* id → NotifyNotification */
  gboolean    warned;
};

static void patella_libnotify_notifier_iface_init (PatellaNotifierInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (PatellaLibnotifyNotifier, patella_libnotify_notifier,
                               G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (PATELLA_TYPE_NOTIFIER,
                                                      patella_libnotify_notifier_iface_init))

typedef struct
{
  PatellaLibnotifyNotifier *self;   /* weak */
  char                     *id;
} ActionData;

static void
action_data_free (gpointer data)
{
  ActionData *action_data = data;

  if (action_data->self != NULL)
    g_object_remove_weak_pointer (G_OBJECT (action_data->self), (gpointer *) &action_data->self);
  g_free (action_data->id);
  g_free (action_data);
}

static void
action_invoked_cb (NotifyNotification *notification,
                   char               *action,
                   gpointer            user_data)
{
  ActionData *data = user_data;

  if (data->self != NULL)
    patella_notifier_emit_action (PATELLA_NOTIFIER (data->self), data->id, action);
}

static void
notification_closed_cb (NotifyNotification *notification,
                        gpointer            user_data)
{
  ActionData *data = user_data;

  if (data->self != NULL)
    {
      NotifyNotification *current = g_hash_table_lookup (data->self->shown, data->id);

      if (current == notification)
        g_hash_table_remove (data->self->shown, data->id);
    }
}

static gboolean
ensure_init (PatellaLibnotifyNotifier  *self,
             GError                   **error)
{
  if (notify_is_initted ())
    return TRUE;

  if (notify_init (self->app_id))
    return TRUE;

  g_set_error (error, PATELLA_ERROR, PATELLA_ERROR_FAILED,
               _("Desktop notifications are not available"));
  return FALSE;
}

static void
log_unavailable_once (PatellaLibnotifyNotifier *self,
                      const GError             *error)
{
  if (self->warned)
    return;

  self->warned = TRUE;
  g_message ("No notification service answered (%s); notifications will not be shown",
             error != NULL ? error->message : "unknown reason");
}

static gboolean
patella_libnotify_notifier_send (PatellaNotifier           *notifier,
                                 const PatellaNotification *notification,
                                 GError                   **error)
{
  PatellaLibnotifyNotifier *self = PATELLA_LIBNOTIFY_NOTIFIER (notifier);
  NotifyNotification *n;
  g_autoptr(GError) local_error = NULL;
  ActionData *closed_data;

  if (!ensure_init (self, &local_error))
    {
      log_unavailable_once (self, local_error);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  n = g_hash_table_lookup (self->shown, notification->id);
  if (n != NULL)
    {
      g_object_ref (n);
      notify_notification_update (n, notification->title, notification->body, NULL);
      notify_notification_clear_actions (n);
    }
  else
    {
      n = notify_notification_new (notification->title, notification->body, NULL);
      closed_data = g_new0 (ActionData, 1);
      closed_data->self = self;
      closed_data->id = g_strdup (notification->id);
      g_object_add_weak_pointer (G_OBJECT (self), (gpointer *) &closed_data->self);
      g_signal_connect_data (n, "closed", G_CALLBACK (notification_closed_cb),
                             closed_data, (GClosureNotify) (void (*) (void)) action_data_free, 0);
    }

  notify_notification_set_app_name (n, _("Patella"));
  notify_notification_set_hint_string (n, "desktop-entry", self->app_id);
  notify_notification_set_hint_string (n, "image-path", self->app_id);
  if (notification->category != NULL)
    notify_notification_set_category (n, notification->category);
  notify_notification_set_urgency (n, notification->urgent ? NOTIFY_URGENCY_CRITICAL
                                                          : NOTIFY_URGENCY_NORMAL);

  for (guint i = 0; i + 1 < notification->actions->len; i += 2)
    {
      ActionData *data = g_new0 (ActionData, 1);

      data->self = self;
      data->id = g_strdup (notification->id);
      g_object_add_weak_pointer (G_OBJECT (self), (gpointer *) &data->self);
      notify_notification_add_action (n,
                                      g_ptr_array_index (notification->actions, i),
                                      g_ptr_array_index (notification->actions, i + 1),
                                      action_invoked_cb, data, action_data_free);
    }

  if (!notify_notification_show (n, &local_error))
    {
      g_object_unref (n);
      log_unavailable_once (self, local_error);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  g_hash_table_replace (self->shown, g_strdup (notification->id), n);
  return TRUE;
}

static void
patella_libnotify_notifier_withdraw (PatellaNotifier *notifier,
                                     const char      *id)
{
  PatellaLibnotifyNotifier *self = PATELLA_LIBNOTIFY_NOTIFIER (notifier);
  NotifyNotification *n = g_hash_table_lookup (self->shown, id);

  if (n != NULL)
    {
      notify_notification_close (n, NULL);
      g_hash_table_remove (self->shown, id);
    }
}

static void
patella_libnotify_notifier_iface_init (PatellaNotifierInterface *iface)
{
  iface->send = patella_libnotify_notifier_send;
  iface->withdraw = patella_libnotify_notifier_withdraw;
}

static void
patella_libnotify_notifier_finalize (GObject *object)
{
  PatellaLibnotifyNotifier *self = (PatellaLibnotifyNotifier *)object;

  g_clear_pointer (&self->shown, g_hash_table_unref);
  g_free (self->app_id);

  G_OBJECT_CLASS (patella_libnotify_notifier_parent_class)->finalize (object);
}

static void
patella_libnotify_notifier_class_init (PatellaLibnotifyNotifierClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = patella_libnotify_notifier_finalize;
}

static void
patella_libnotify_notifier_init (PatellaLibnotifyNotifier *self)
{
  self->shown = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
}

PatellaNotifier *
patella_libnotify_notifier_new (const char *app_id)
{
  PatellaLibnotifyNotifier *self;

  g_return_val_if_fail (app_id != NULL, NULL);

  self = g_object_new (PATELLA_TYPE_LIBNOTIFY_NOTIFIER, NULL);
  self->app_id = g_strdup (app_id);

  return PATELLA_NOTIFIER (self);
}
