/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define PATELLA_TYPE_GUIDANCE_WINDOW (patella_guidance_window_get_type ())

G_DECLARE_FINAL_TYPE (PatellaGuidanceWindow, patella_guidance_window,
                      PATELLA, GUIDANCE_WINDOW, AdwPreferencesWindow)

PatellaGuidanceWindow *patella_guidance_window_new (GtkWindow *parent);

G_END_DECLS
