/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "patella-shoes.h"

G_BEGIN_DECLS

#define PATELLA_TYPE_RUN_ROW (patella_run_row_get_type ())

G_DECLARE_FINAL_TYPE (PatellaRunRow, patella_run_row, PATELLA, RUN_ROW, AdwActionRow)

GtkWidget *patella_run_row_new (const PatellaRun    *run,
                                PatellaDistanceUnit  unit);

G_END_DECLS
