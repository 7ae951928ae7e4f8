/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "patella-application.h"
#include "patella-shoes-page.h"

G_BEGIN_DECLS

#define PATELLA_TYPE_WINDOW (patella_window_get_type ())

G_DECLARE_FINAL_TYPE (PatellaWindow, patella_window, PATELLA, WINDOW, AdwApplicationWindow)

PatellaWindow *patella_window_new              (PatellaApplication *application);
void           patella_window_show_view        (PatellaWindow      *self,
                                                const char         *name);
const char    *patella_window_get_visible_view (PatellaWindow      *self);
void           patella_window_add_toast        (PatellaWindow      *self,
                                                AdwToast           *toast);
PatellaShoesPage *patella_window_get_shoes_page (PatellaWindow     *self);

G_END_DECLS
