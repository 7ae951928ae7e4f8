/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "patella-check-in.h"
#include "patella-clock.h"
#include "patella-import-folder.h"
#include "patella-notifier.h"
#include "patella-reminder-service.h"
#include "patella-store.h"
#include "patella-timer.h"
#include "patella-units.h"
#include "patella-walk-run.h"

G_BEGIN_DECLS

#define PATELLA_TYPE_CONTEXT (patella_context_get_type ())

G_DECLARE_FINAL_TYPE (PatellaContext, patella_context, PATELLA, CONTEXT, GObject)

/* What one program shares with all its parts: the store, the clock, the
 * notifier and the settings, and (with services on) the timers and the
 * background services that live as long as the store. The application owns
 * one and hands it to every view; patella-cli wraps one; tests build one over
 * a temporary database. Only the context reads GSettings. */

PatellaContext         *patella_context_new               (PatellaClock     *clock,
                                                           GSettings        *settings,
                                                           PatellaNotifier  *notifier);
GSettings              *patella_context_load_settings     (void);

PatellaClock           *patella_context_get_clock         (PatellaContext   *self);
GSettings              *patella_context_get_settings      (PatellaContext   *self);
PatellaNotifier        *patella_context_get_notifier      (PatellaContext   *self);
void                    patella_context_set_notifier      (PatellaContext   *self,
                                                           PatellaNotifier  *notifier);

PatellaStore           *patella_context_get_store         (PatellaContext   *self);
const GError           *patella_context_get_store_error   (PatellaContext   *self);
gboolean                patella_context_open_store        (PatellaContext   *self,
                                                           const char       *path,
                                                           GError          **error);
void                    patella_context_set_store         (PatellaContext   *self,
                                                           PatellaStore     *store);
void                    patella_context_close_store       (PatellaContext   *self);

void                    patella_context_set_run_services  (PatellaContext   *self,
                                                           gboolean          run_services);
PatellaTimer           *patella_context_get_ice_timer     (PatellaContext   *self);
PatellaWalkRun         *patella_context_get_walk_run      (PatellaContext   *self);
PatellaReminderService *patella_context_get_reminders     (PatellaContext   *self);
PatellaCheckInService  *patella_context_get_check_in      (PatellaContext   *self);
PatellaImportFolder    *patella_context_get_import_folder (PatellaContext   *self);

PatellaDistanceUnit     patella_context_get_unit          (PatellaContext   *self);
guint                   patella_context_get_ice_goal      (PatellaContext   *self);
guint                   patella_context_get_exercise_goal (PatellaContext   *self);
int                     patella_context_get_ice_minutes   (PatellaContext   *self);

G_END_DECLS
