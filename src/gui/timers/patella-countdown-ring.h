/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define PATELLA_TYPE_COUNTDOWN_RING (patella_countdown_ring_get_type ())

G_DECLARE_FINAL_TYPE (PatellaCountdownRing, patella_countdown_ring, PATELLA, COUNTDOWN_RING,
                      GtkWidget)

void        patella_countdown_ring_set_value    (PatellaCountdownRing *self,
                                                 int                   remaining_s,
                                                 int                   total_s);
void        patella_countdown_ring_set_text     (PatellaCountdownRing *self,
                                                 const char           *text,
                                                 const char           *spoken);
const char *patella_countdown_ring_get_text     (PatellaCountdownRing *self);

char       *patella_countdown_ring_format_clock (int                   seconds);

G_END_DECLS
