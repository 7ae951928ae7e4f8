/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "patella-view.h"
#include "patella-exercises.h"

G_BEGIN_DECLS

#define PATELLA_TYPE_ROUTINE_VIEW (patella_routine_view_get_type ())

G_DECLARE_FINAL_TYPE (PatellaRoutineView, patella_routine_view, PATELLA, ROUTINE_VIEW, PatellaView)

GtkWidget *patella_routine_view_new        (PatellaContext       *context);
gboolean   patella_routine_view_is_playing (PatellaRoutineView   *self);
void       patella_routine_view_play_plan  (PatellaRoutineView   *self,
                                            const PatellaRoutine *routine,
                                            gboolean              for_plan);

G_END_DECLS
