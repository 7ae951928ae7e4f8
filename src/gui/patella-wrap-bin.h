/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define PATELLA_TYPE_WRAP_BIN (patella_wrap_bin_get_type ())

G_DECLARE_FINAL_TYPE (PatellaWrapBin, patella_wrap_bin, PATELLA, WRAP_BIN, GtkWidget)

GtkWidget *patella_wrap_bin_new       (GtkWidget      *child);
void       patella_wrap_bin_set_child (PatellaWrapBin *self,
                                       GtkWidget      *child);

G_END_DECLS
