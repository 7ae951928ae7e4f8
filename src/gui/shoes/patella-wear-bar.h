/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define PATELLA_TYPE_WEAR_BAR (patella_wear_bar_get_type ())

G_DECLARE_FINAL_TYPE (PatellaWearBar, patella_wear_bar, PATELLA, WEAR_BAR, GtkWidget)

GtkWidget *patella_wear_bar_new          (void);
void       patella_wear_bar_set_distances (PatellaWearBar *self,
                                           gint64          distance_m,
                                           gint64          warn_m,
                                           gint64          limit_m);
double     patella_wear_bar_get_fraction (PatellaWearBar *self);

G_END_DECLS
