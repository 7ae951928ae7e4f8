/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "patella-notifier.h"
#include "patella-store.h"

G_BEGIN_DECLS

/* GUIDANCE.md: 3–4 sessions a day of 15–20 minutes. */
#define PATELLA_ICE_GOAL_DEFAULT    4
#define PATELLA_ICE_MINUTES_DEFAULT 15

#define PATELLA_REMINDER_MAX_SLOTS      4
#define PATELLA_REMINDER_MIN_GAP_MIN    60
#define PATELLA_REMINDER_SNOOZE_MIN     30
#define PATELLA_REMINDER_STALE_MIN      60
#define PATELLA_REMINDER_RECENT_MIN     60
/* Icing stopped before this is not "a session in the last hour". */
#define PATELLA_REMINDER_ICE_MIN_S      300

/* What the scheduler needs from Preferences. */
typedef struct
{
  gboolean  enabled;
  guint     count;                                /* 3 or 4 */
  char     *times[PATELLA_REMINDER_MAX_SLOTS + 1]; /* "HH:MM", sorted, NULL-terminated */
  guint     minutes;                              /* session length, 15–20 */
} PatellaReminderConfig;

/* A slot that is due now. */
typedef struct
{
  char     *day;        /* the slot's local day, YYYY-MM-DD */
  char     *slot;       /* its local time, HH:MM */
  gint64    due_us;     /* when it was due: the slot, or the end of a snooze */
  gboolean  snoozed;    /* it fires again after a snooze */
} PatellaReminderSlot;

const char * const    *patella_reminder_default_times        (guint                        count);
PatellaReminderConfig *patella_reminder_config_new            (gboolean                     enabled,
                                                               guint                        count,
                                                               const char * const          *times,
                                                               guint                        minutes,
                                                               GError                     **error);
PatellaReminderConfig *patella_reminder_config_new_default    (void);
guint                  patella_reminders_get_ice_goal         (GSettings                   *settings);
int                    patella_reminders_get_ice_minutes      (GSettings                   *settings);
PatellaReminderConfig *patella_reminder_config_from_settings  (GSettings                   *settings);
void                   patella_reminder_config_free           (PatellaReminderConfig       *config);
gboolean               patella_reminder_times_validate        (const char * const          *times,
                                                               guint                        count,
                                                               GError                     **error);

gint64                 patella_reminder_slot_instant          (const char                  *day,
                                                               const char                  *slot);
PatellaReminderSlot   *patella_reminders_check                (PatellaStore                *store,
                                                               const PatellaReminderConfig *config,
                                                               GError                     **error);
gint64                 patella_reminders_next_due             (PatellaStore                *store,
                                                               const PatellaReminderConfig *config);
gboolean               patella_reminders_snooze               (PatellaStore                *store,
                                                               const char                  *notification_id,
                                                               GError                     **error);
gboolean               patella_reminders_skip                 (PatellaStore                *store,
                                                               const char                  *notification_id,
                                                               GError                     **error);
gboolean               patella_reminders_mark_started         (PatellaStore                *store,
                                                               const char                  *notification_id,
                                                               GError                     **error);

char                  *patella_reminder_slot_get_id           (const PatellaReminderSlot   *slot);
PatellaNotification   *patella_reminder_slot_build_notification (const PatellaReminderSlot *slot,
                                                                 const PatellaReminderConfig *config);
void                   patella_reminder_slot_free             (PatellaReminderSlot         *slot);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PatellaReminderConfig, patella_reminder_config_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PatellaReminderSlot, patella_reminder_slot_free)

G_END_DECLS
