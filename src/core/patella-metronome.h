/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

int               patella_metronome_target       (int               cadence_spm,
                                                  int               percent);
gint64            patella_metronome_tick_instant (gint64            start_us,
                                                  int               spm,
                                                  guint64           n);

#define PATELLA_TYPE_METRONOME (patella_metronome_get_type ())

G_DECLARE_FINAL_TYPE (PatellaMetronome, patella_metronome, PATELLA, METRONOME, GObject)

PatellaMetronome *patella_metronome_new        (void);
void              patella_metronome_start      (PatellaMetronome *self,
                                                int               spm);
void              patella_metronome_stop       (PatellaMetronome *self);
gboolean          patella_metronome_is_running (PatellaMetronome *self);
int               patella_metronome_get_spm    (PatellaMetronome *self);

G_END_DECLS
