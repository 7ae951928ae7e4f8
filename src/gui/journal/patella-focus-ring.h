/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void patella_focus_ring_snapshot (GtkWidget             *widget,
                                  GtkSnapshot           *snapshot,
                                  const graphene_rect_t *bounds);

G_END_DECLS
