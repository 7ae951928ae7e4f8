/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "patella-metronome"

#include "config.h"

#include "patella-metronome.h"

/* A step-rate metronome. It ticks from a thread of its own, so that a busy
 * main loop (a redraw, a database write, another program on the CPU) never
 * delays a tick; each tick's time is worked out from the start, never from
 * the tick before, so a late wake-up never shifts the ticks after it.
 * Ticks are intervals of real time, not instants of the day: they are timed
 * on the monotonic clock, which a clock change, a time zone or the fake
 * clock of the tests do not move. */

struct _PatellaMetronome
{
  PatellaMetronomeFunc  func;
  gpointer              user_data;

  GMutex                mutex;
  GCond                 cond;
  GThread              *thread;
  gboolean              stopping;
  int                   spm;
  gint64                start_us;
};

/* Your own step rate raised by @percent (5 or 10 in the app). */
int
patella_metronome_target (int cadence_spm,
                          int percent)
{
  return (cadence_spm * (100 + percent) + 50) / 100;
}

/* The @n-th tick from @start_us, computed from the start rather than added
 * up, so that rounding never accumulates into drift. */
gint64
patella_metronome_tick_instant (gint64  start_us,
                                int     spm,
                                guint64 n)
{
  g_return_val_if_fail (spm > 0, start_us);

  return start_us + (gint64) (n * G_GUINT64_CONSTANT (60000000) / (guint64) spm);
}

static gpointer
run_thread (gpointer data)
{
  PatellaMetronome *self = data;
  guint64 n = 0;

  g_mutex_lock (&self->mutex);
  while (!self->stopping)
    {
      gint64 due = patella_metronome_tick_instant (self->start_us, self->spm, ++n);
      gint64 now = g_get_monotonic_time ();

      /* Behind by a whole beat or more (a suspend): skip to the next one. */
      while (due < now - 60000000 / self->spm)
        due = patella_metronome_tick_instant (self->start_us, self->spm, ++n);

      while (!self->stopping && g_get_monotonic_time () < due)
        g_cond_wait_until (&self->cond, &self->mutex, due);
      if (self->stopping)
        break;

      g_mutex_unlock (&self->mutex);
      self->func (n, g_get_monotonic_time () - due, self->user_data);
      g_mutex_lock (&self->mutex);
    }
  g_mutex_unlock (&self->mutex);

  return NULL;
}

PatellaMetronome *
patella_metronome_new (PatellaMetronomeFunc func,
                       gpointer             user_data)
{
  PatellaMetronome *self;

  g_return_val_if_fail (func != NULL, NULL);

  self = g_new0 (PatellaMetronome, 1);
  self->func = func;
  self->user_data = user_data;
  g_mutex_init (&self->mutex);
  g_cond_init (&self->cond);
  return self;
}

void
patella_metronome_free (PatellaMetronome *self)
{
  if (self == NULL)
    return;

  patella_metronome_stop (self);
  g_mutex_clear (&self->mutex);
  g_cond_clear (&self->cond);
  g_free (self);
}

/* Starts (again) at @spm: the first tick comes one beat from now. */
void
patella_metronome_start (PatellaMetronome *self,
                         int               spm)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (spm > 0);

  patella_metronome_stop (self);
  self->spm = spm;
  self->start_us = g_get_monotonic_time ();
  self->stopping = FALSE;
  self->thread = g_thread_new ("patella-metronome", run_thread, self);
}

/* Returns once the thread has ended: no tick comes after it. */
void
patella_metronome_stop (PatellaMetronome *self)
{
  g_return_if_fail (self != NULL);

  if (self->thread == NULL)
    return;

  g_mutex_lock (&self->mutex);
  self->stopping = TRUE;
  g_cond_signal (&self->cond);
  g_mutex_unlock (&self->mutex);

  g_thread_join (g_steal_pointer (&self->thread));
}

gboolean
patella_metronome_is_running (PatellaMetronome *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->thread != NULL;
}

int
patella_metronome_get_spm (PatellaMetronome *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->spm;
}
