/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define PATELLA_TYPE_TIMERS_VIEW (patella_timers_view_get_type ())

G_DECLARE_FINAL_TYPE (PatellaTimersView, patella_timers_view, PATELLA, TIMERS_VIEW, AdwBin)

GtkWidget *patella_timers_view_new (void);

G_END_DECLS
