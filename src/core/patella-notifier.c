/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "patella-notifier"

#include "config.h"

#include <glib/gi18n.h>

#include "patella-notifier.h"
#include "patella-store-private.h"

G_DEFINE_BOXED_TYPE (PatellaNotification, patella_notification,
                     patella_notification_copy, patella_notification_free)

G_DEFINE_INTERFACE (PatellaNotifier, patella_notifier, G_TYPE_OBJECT)

enum {
  ACTION_INVOKED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

PatellaNotification *
patella_notification_new (const char *id,
                          const char *title,
                          const char *body,
                          const char *category)
{
  PatellaNotification *self;

  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (title != NULL, NULL);

  self = g_new0 (PatellaNotification, 1);
  self->id = g_strdup (id);
  self->title = g_strdup (title);
  self->body = g_strdup (body != NULL ? body : "");
  self->category = g_strdup (category);
  self->actions = g_ptr_array_new_with_free_func (g_free);

  return self;
}

void
patella_notification_add_action (PatellaNotification *self,
                                 const char          *action,
                                 const char          *label)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (action != NULL && label != NULL);

  g_ptr_array_add (self->actions, g_strdup (action));
  g_ptr_array_add (self->actions, g_strdup (label));
}

PatellaNotification *
patella_notification_copy (const PatellaNotification *self)
{
  PatellaNotification *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = patella_notification_new (self->id, self->title, self->body, self->category);
  copy->urgent = self->urgent;
  for (guint i = 0; i < self->actions->len; i++)
    g_ptr_array_add (copy->actions, g_strdup (g_ptr_array_index (self->actions, i)));

  return copy;
}

void
patella_notification_free (PatellaNotification *self)
{
  if (self == NULL)
    return;

  g_free (self->id);
  g_free (self->title);
  g_free (self->body);
  g_free (self->category);
  g_ptr_array_unref (self->actions);
  g_free (self);
}

static void
patella_notifier_default_init (PatellaNotifierInterface *iface)
{
  /**
   * PatellaNotifier::action-invoked:
   * @id: the notification's id
   * @action: the action's id, "default" when the body was clicked
   */
  signals[ACTION_INVOKED] = g_signal_new ("action-invoked",
                                          G_TYPE_FROM_INTERFACE (iface),
                                          G_SIGNAL_RUN_LAST,
                                          0, NULL, NULL, NULL,
                                          G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);
}

gboolean
patella_notifier_send (PatellaNotifier           *self,
                       const PatellaNotification *notification,
                       GError                   **error)
{
  g_return_val_if_fail (PATELLA_IS_NOTIFIER (self), FALSE);
  g_return_val_if_fail (notification != NULL, FALSE);

  return PATELLA_NOTIFIER_GET_IFACE (self)->send (self, notification, error);
}

void
patella_notifier_withdraw (PatellaNotifier *self,
                           const char      *id)
{
  g_return_if_fail (PATELLA_IS_NOTIFIER (self));
  g_return_if_fail (id != NULL);

  if (PATELLA_NOTIFIER_GET_IFACE (self)->withdraw != NULL)
    PATELLA_NOTIFIER_GET_IFACE (self)->withdraw (self, id);
}

/* For implementations (and tests): the user chose @action on notification @id. */
void
patella_notifier_emit_action (PatellaNotifier *self,
                              const char      *id,
                              const char      *action)
{
  g_return_if_fail (PATELLA_IS_NOTIFIER (self));

  g_signal_emit (self, signals[ACTION_INVOKED], 0, id, action);
}

gboolean
patella_notification_was_sent (PatellaStore *store,
                               const char   *key)
{
  g_autoptr(PatellaStmt) stmt = NULL;

  g_return_val_if_fail (PATELLA_IS_STORE (store), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  stmt = patella_store_prepare (store, "SELECT 1 FROM notification_sent WHERE key = ?;", NULL);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
  return sqlite3_step (stmt) == SQLITE_ROW;
}

gboolean
patella_notification_mark_sent (PatellaStore  *store,
                                const char    *key,
                                GError       **error)
{
  g_autoptr(PatellaStmt) stmt = NULL;

  g_return_val_if_fail (PATELLA_IS_STORE (store), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  if (!patella_store_check_writable (store, error))
    return FALSE;

  stmt = patella_store_prepare (store,
                                "INSERT OR IGNORE INTO notification_sent (key, sent_us) "
                                "VALUES (?, ?);", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, patella_clock_get_now (patella_store_get_clock (store)));
  return patella_store_step_done (store, stmt, error);
}

/* Re-arms a once-only notification, for instance when a shoe's total drops
 * back under a mark. */
gboolean
patella_notification_forget (PatellaStore  *store,
                             const char    *key,
                             GError       **error)
{
  g_autoptr(PatellaStmt) stmt = NULL;

  g_return_val_if_fail (PATELLA_IS_STORE (store), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  stmt = patella_store_prepare (store, "DELETE FROM notification_sent WHERE key = ?;", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
  return patella_store_step_done (store, stmt, error);
}

/**
 * patella_notifier_send_once:
 *
 * Sends @notification unless one with the same id was sent before, by any
 * program on this database. It is sent before it is marked: a crash in
 * between repeats it rather than swallowing it.
 *
 * Returns: %TRUE if it was sent now
 */
gboolean
patella_notifier_send_once (PatellaNotifier           *self,
                            PatellaStore              *store,
                            const PatellaNotification *notification,
                            GError                   **error)
{
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (PATELLA_IS_NOTIFIER (self), FALSE);
  g_return_val_if_fail (PATELLA_IS_STORE (store), FALSE);
  g_return_val_if_fail (notification != NULL, FALSE);

  if (patella_notification_was_sent (store, notification->id))
    return FALSE;

  /* No notification service is not a reason to lose the sent-once state. */
  if (!patella_notifier_send (self, notification, &local_error))
    g_debug ("Notification %s not shown: %s", notification->id, local_error->message);

  return patella_notification_mark_sent (store, notification->id, error);
}

/* The recording notifier: keeps what was sent, for tests. */

struct _PatellaRecordingNotifier
{
  GObject    parent_instance;

  GPtrArray *sent;
};

static void patella_recording_notifier_iface_init (PatellaNotifierInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (PatellaRecordingNotifier, patella_recording_notifier,
                               G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (PATELLA_TYPE_NOTIFIER,
                                                      patella_recording_notifier_iface_init))

static gboolean
patella_recording_notifier_send (PatellaNotifier           *notifier,
                                 const PatellaNotification *notification,
                                 GError                   **error)
{
  PatellaRecordingNotifier *self = PATELLA_RECORDING_NOTIFIER (notifier);

  g_ptr_array_add (self->sent, patella_notification_copy (notification));
  return TRUE;
}

static void
patella_recording_notifier_iface_init (PatellaNotifierInterface *iface)
{
  iface->send = patella_recording_notifier_send;
}

static void
patella_recording_notifier_finalize (GObject *object)
{
  PatellaRecordingNotifier *self = (PatellaRecordingNotifier *)object;

  g_clear_pointer (&self->sent, g_ptr_array_unref);

  G_OBJECT_CLASS (patella_recording_notifier_parent_class)->finalize (object);
}

static void
patella_recording_notifier_class_init (PatellaRecordingNotifierClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = patella_recording_notifier_finalize;
}

static void
patella_recording_notifier_init (PatellaRecordingNotifier *self)
{
  self->sent = g_ptr_array_new_with_free_func ((GDestroyNotify) patella_notification_free);
}

PatellaNotifier *
patella_recording_notifier_new (void)
{
  return g_object_new (PATELLA_TYPE_RECORDING_NOTIFIER, NULL);
}

/**
 * patella_recording_notifier_get_sent:
 *
 * Returns: (transfer none) (element-type PatellaNotification): what was sent, oldest first
 */
GPtrArray *
patella_recording_notifier_get_sent (PatellaRecordingNotifier *self)
{
  g_return_val_if_fail (PATELLA_IS_RECORDING_NOTIFIER (self), NULL);

  return self->sent;
}

/* How many notifications were sent whose id starts with @id_prefix. */
guint
patella_recording_notifier_count (PatellaRecordingNotifier *self,
                                  const char               *id_prefix)
{
  guint count = 0;

  g_return_val_if_fail (PATELLA_IS_RECORDING_NOTIFIER (self), 0);

  for (guint i = 0; i < self->sent->len; i++)
    {
      PatellaNotification *n = g_ptr_array_index (self->sent, i);

      if (id_prefix == NULL || g_str_has_prefix (n->id, id_prefix))
        count++;
    }

  return count;
}

void
patella_recording_notifier_clear (PatellaRecordingNotifier *self)
{
  g_return_if_fail (PATELLA_IS_RECORDING_NOTIFIER (self));

  g_ptr_array_set_size (self->sent, 0);
}
