/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "patella-view.h"

G_BEGIN_DECLS

#define PATELLA_TYPE_WALK_RUN_VIEW (patella_walk_run_view_get_type ())

G_DECLARE_FINAL_TYPE (PatellaWalkRunView, patella_walk_run_view, PATELLA, WALK_RUN_VIEW,
                      PatellaView)

GtkWidget *patella_walk_run_view_new         (PatellaContext     *context);
gboolean   patella_walk_run_view_start_today (PatellaWalkRunView *self,
                                              GError            **error);
guint      patella_walk_run_view_get_cues    (PatellaWalkRunView *self);

G_END_DECLS
