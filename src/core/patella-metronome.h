/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

int               patella_metronome_target       (int               cadence_spm,
                                                  int               percent);
gint64            patella_metronome_tick_instant (gint64            start_us,
                                                  int               spm,
                                                  guint64           n);

/**
 * PatellaMetronomeFunc:
 * @n: the tick's number, from 1
 * @late_us: how late it came, in microseconds
 *
 * Called from the metronome's own thread: play the tick there (GSound is
 * thread-safe), and hand anything for widgets to the main context.
 */
typedef void (*PatellaMetronomeFunc) (guint64  n,
                                      gint64   late_us,
                                      gpointer user_data);

typedef struct _PatellaMetronome PatellaMetronome;

PatellaMetronome *patella_metronome_new        (PatellaMetronomeFunc  func,
                                                gpointer              user_data);
void              patella_metronome_free       (PatellaMetronome     *self);
void              patella_metronome_start      (PatellaMetronome     *self,
                                                int                   spm);
void              patella_metronome_stop       (PatellaMetronome     *self);
gboolean          patella_metronome_is_running (PatellaMetronome     *self);
int               patella_metronome_get_spm    (PatellaMetronome     *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PatellaMetronome, patella_metronome_free)

G_END_DECLS
