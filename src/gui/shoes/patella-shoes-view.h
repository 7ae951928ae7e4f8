/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define PATELLA_TYPE_SHOES_VIEW (patella_shoes_view_get_type ())

G_DECLARE_FINAL_TYPE (PatellaShoesView, patella_shoes_view, PATELLA, SHOES_VIEW, AdwBin)

GtkWidget *patella_shoes_view_new (void);

G_END_DECLS
