/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "patella-view.h"

G_BEGIN_DECLS

#define PATELLA_TYPE_SHOES_PAGE (patella_shoes_page_get_type ())

G_DECLARE_FINAL_TYPE (PatellaShoesPage, patella_shoes_page, PATELLA, SHOES_PAGE, PatellaView)

GtkWidget *patella_shoes_page_new (PatellaContext *context);

G_END_DECLS
