/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "patella-view.h"

G_BEGIN_DECLS

#define PATELLA_TYPE_TIMERS_PAGE (patella_timers_page_get_type ())

G_DECLARE_FINAL_TYPE (PatellaTimersPage, patella_timers_page, PATELLA, TIMERS_PAGE, PatellaView)

GtkWidget *patella_timers_page_new (PatellaContext *context);

G_END_DECLS
