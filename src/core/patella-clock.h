/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define PATELLA_TYPE_CLOCK (patella_clock_get_type ())

G_DECLARE_FINAL_TYPE (PatellaClock, patella_clock, PATELLA, CLOCK, GObject)

PatellaClock *patella_clock_new_real    (void);
PatellaClock *patella_clock_new_fake    (gint64        now_us);
gboolean      patella_clock_is_fake     (PatellaClock *self);
gint64        patella_clock_get_now     (PatellaClock *self);
GDateTime    *patella_clock_get_now_local (PatellaClock *self);
char         *patella_clock_get_today   (PatellaClock *self);
void          patella_clock_set_now     (PatellaClock *self,
                                         gint64        now_us);
void          patella_clock_advance     (PatellaClock *self,
                                         gint64        delta_us);

GDateTime    *patella_date_time_new_local (gint64      instant_us);

PatellaClock *patella_clock_get_default (void);
void          patella_clock_set_default (PatellaClock *clock);

G_END_DECLS
