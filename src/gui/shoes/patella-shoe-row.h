/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "patella-shoes.h"

G_BEGIN_DECLS

#define PATELLA_TYPE_SHOE_ROW (patella_shoe_row_get_type ())

G_DECLARE_FINAL_TYPE (PatellaShoeRow, patella_shoe_row, PATELLA, SHOE_ROW, GtkListBoxRow)

GtkWidget *patella_shoe_row_new            (const PatellaShoe   *shoe,
                                            PatellaDistanceUnit  unit);

char      *patella_shoe_format_summary     (const PatellaShoe   *shoe,
                                            PatellaDistanceUnit  unit);

G_END_DECLS
