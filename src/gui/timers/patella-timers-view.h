/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "patella-view.h"
#include "patella-icing-view.h"
#include "patella-routine-view.h"
#include "patella-walk-run-view.h"

G_BEGIN_DECLS

#define PATELLA_TYPE_TIMERS_VIEW (patella_timers_view_get_type ())

G_DECLARE_FINAL_TYPE (PatellaTimersView, patella_timers_view, PATELLA, TIMERS_VIEW, PatellaView)

GtkWidget          *patella_timers_view_new          (PatellaContext    *context);
PatellaIcingView   *patella_timers_view_get_icing    (PatellaTimersView *self);
PatellaRoutineView *patella_timers_view_get_routine  (PatellaTimersView *self);
PatellaWalkRunView *patella_timers_view_get_walk_run (PatellaTimersView *self);

G_END_DECLS
