/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "patella-notifier.h"
#include "patella-store.h"

G_BEGIN_DECLS

#define PATELLA_CHECK_IN_PREFIX        "morning-check-in:"
#define PATELLA_CHECK_IN_DEFAULT_WAKE  "08:00"

gboolean             patella_check_in_check_wake_time (const char   *text,
                                                       GError      **error);
char                *patella_check_in_due             (PatellaStore *store,
                                                       const char   *wake_time,
                                                       GError      **error);
gint64               patella_check_in_next            (PatellaStore *store,
                                                       const char   *wake_time);
PatellaNotification *patella_check_in_build_notification (PatellaStore *store,
                                                          const char   *day);
gboolean             patella_check_in_record          (PatellaStore *store,
                                                       const char   *notification_id,
                                                       int           pain,
                                                       GError      **error);
char                *patella_check_in_get_day         (const char   *notification_id);

#define PATELLA_TYPE_CHECK_IN_SERVICE (patella_check_in_service_get_type ())

G_DECLARE_FINAL_TYPE (PatellaCheckInService, patella_check_in_service,
                      PATELLA, CHECK_IN_SERVICE, GObject)

PatellaCheckInService *patella_check_in_service_new       (PatellaStore          *store,
                                                           PatellaNotifier       *notifier,
                                                           GSettings             *settings);
void                   patella_check_in_service_check_now (PatellaCheckInService *self);

G_END_DECLS
