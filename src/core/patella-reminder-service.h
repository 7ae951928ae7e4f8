/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "patella-notifier.h"
#include "patella-reminders.h"
#include "patella-store.h"

G_BEGIN_DECLS

#define PATELLA_TYPE_REMINDER_SERVICE (patella_reminder_service_get_type ())

G_DECLARE_FINAL_TYPE (PatellaReminderService, patella_reminder_service,
                      PATELLA, REMINDER_SERVICE, GObject)

PatellaReminderService *patella_reminder_service_new       (PatellaStore           *store,
                                                            PatellaNotifier        *notifier,
                                                            GSettings              *settings);
void                    patella_reminder_service_check_now (PatellaReminderService *self);
gint64                  patella_reminder_service_get_next  (PatellaReminderService *self);
const PatellaReminderConfig *
                        patella_reminder_service_get_config (PatellaReminderService *self);

G_END_DECLS
