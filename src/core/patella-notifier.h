/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "patella-store.h"

G_BEGIN_DECLS

/* A desktop notification, independent of how it is delivered. */
typedef struct
{
  char       *id;        /* stable: "icing-done:42"; a new one with the same id replaces it */
  char       *title;
  char       *body;
  char       *category;  /* freedesktop category, "x-patella.icing" … */
  gboolean    urgent;
  GPtrArray  *actions;   /* action id, label, action id, label… ("default" = body click) */
} PatellaNotification;

#define PATELLA_TYPE_NOTIFICATION (patella_notification_get_type ())

GType                patella_notification_get_type   (void) G_GNUC_CONST;
PatellaNotification *patella_notification_new        (const char                *id,
                                                      const char                *title,
                                                      const char                *body,
                                                      const char                *category);
void                 patella_notification_add_action (PatellaNotification       *self,
                                                      const char                *action,
                                                      const char                *label);
PatellaNotification *patella_notification_copy       (const PatellaNotification *self);
void                 patella_notification_free       (PatellaNotification       *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PatellaNotification, patella_notification_free)

#define PATELLA_TYPE_NOTIFIER (patella_notifier_get_type ())

G_DECLARE_INTERFACE (PatellaNotifier, patella_notifier, PATELLA, NOTIFIER, GObject)

struct _PatellaNotifierInterface
{
  GTypeInterface parent_iface;

  gboolean (*send)     (PatellaNotifier           *self,
                        const PatellaNotification *notification,
                        GError                   **error);
  void     (*withdraw) (PatellaNotifier           *self,
                        const char                *id);
};

gboolean patella_notifier_send          (PatellaNotifier           *self,
                                         const PatellaNotification *notification,
                                         GError                   **error);
void     patella_notifier_withdraw      (PatellaNotifier           *self,
                                         const char                *id);
void     patella_notifier_emit_action   (PatellaNotifier           *self,
                                         const char                *id,
                                         const char                *action);

gboolean patella_notification_was_sent  (PatellaStore              *store,
                                         const char                *key);
gboolean patella_notification_mark_sent (PatellaStore              *store,
                                         const char                *key,
                                         GError                   **error);
gboolean patella_notification_forget    (PatellaStore              *store,
                                         const char                *key,
                                         GError                   **error);
gboolean patella_notifier_send_once     (PatellaNotifier           *self,
                                         PatellaStore              *store,
                                         const PatellaNotification *notification,
                                         GError                   **error);

#define PATELLA_TYPE_RECORDING_NOTIFIER (patella_recording_notifier_get_type ())

G_DECLARE_FINAL_TYPE (PatellaRecordingNotifier, patella_recording_notifier,
                      PATELLA, RECORDING_NOTIFIER, GObject)

PatellaNotifier *patella_recording_notifier_new       (void);
GPtrArray       *patella_recording_notifier_get_sent  (PatellaRecordingNotifier *self);
guint            patella_recording_notifier_count     (PatellaRecordingNotifier *self,
                                                       const char               *id_prefix);
void             patella_recording_notifier_clear     (PatellaRecordingNotifier *self);

G_END_DECLS
