/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "patella-load.h"
#include "patella-units.h"

G_BEGIN_DECLS

#define PATELLA_TYPE_LOAD_CHART (patella_load_chart_get_type ())

G_DECLARE_FINAL_TYPE (PatellaLoadChart, patella_load_chart, PATELLA, LOAD_CHART, GtkWidget)

GtkWidget *patella_load_chart_new      (void);
void       patella_load_chart_set_data (PatellaLoadChart    *self,
                                        GArray              *weeks,
                                        GPtrArray           *warnings,
                                        PatellaDistanceUnit  unit);

G_END_DECLS
