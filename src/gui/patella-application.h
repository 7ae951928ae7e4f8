/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "patella-context.h"

G_BEGIN_DECLS

#define PATELLA_TYPE_APPLICATION (patella_application_get_type ())

G_DECLARE_FINAL_TYPE (PatellaApplication, patella_application, PATELLA, APPLICATION,
                      AdwApplication)

PatellaApplication *patella_application_new          (void);
PatellaContext     *patella_application_get_context  (PatellaApplication  *self);
gboolean            patella_application_reopen_store (PatellaApplication  *self,
                                                      GError             **error);
gboolean            patella_application_start_fresh  (PatellaApplication  *self,
                                                      char               **moved_to,
                                                      GError             **error);
gboolean            patella_application_get_quitting (PatellaApplication  *self);
void                patella_application_set_notifier (PatellaApplication  *self,
                                                      PatellaNotifier     *notifier);

G_END_DECLS
