/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "patella-clock.h"
#include "patella-notifier.h"
#include "patella-reminder-service.h"
#include "patella-store.h"
#include "patella-timer.h"
#include "patella-walk-run.h"

G_BEGIN_DECLS

#define PATELLA_TYPE_APPLICATION (patella_application_get_type ())

G_DECLARE_FINAL_TYPE (PatellaApplication, patella_application, PATELLA, APPLICATION,
                      AdwApplication)

PatellaApplication *patella_application_new          (void);
PatellaStore       *patella_application_get_store    (PatellaApplication  *self);
const GError       *patella_application_get_store_error (PatellaApplication *self);
gboolean            patella_application_reopen_store (PatellaApplication  *self,
                                                      GError             **error);
gboolean            patella_application_start_fresh  (PatellaApplication  *self,
                                                      char               **moved_to,
                                                      GError             **error);
PatellaNotifier    *patella_application_get_notifier (PatellaApplication  *self);
void                patella_application_set_notifier (PatellaApplication  *self,
                                                      PatellaNotifier     *notifier);
PatellaClock       *patella_application_get_clock    (PatellaApplication  *self);
PatellaReminderService *patella_application_get_reminders (PatellaApplication *self);
gboolean            patella_application_get_quitting (PatellaApplication  *self);
GSettings          *patella_application_get_settings (PatellaApplication  *self);
PatellaTimer       *patella_application_get_ice_timer (PatellaApplication *self);
PatellaWalkRun     *patella_application_get_walk_run  (PatellaApplication *self);

G_END_DECLS
