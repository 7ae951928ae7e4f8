/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "patella-metronome"

#include "config.h"

#include "patella-metronome.h"

/* A step-rate metronome: "tick" at @spm ticks a minute. Each tick's time is
 * worked out from the start (patella_metronome_tick_instant()), never from
 * the tick before, so a late wake-up never shifts the ticks after it, and
 * the main loop is woken at high priority, a millisecond-rounded delay
 * before it. Ticks are intervals of real time, not instants of the day:
 * they are timed on the monotonic clock, which a clock change, a time zone
 * or the fake clock of the tests do not move. */

struct _PatellaMetronome
{
  GObject  parent_instance;

  int      spm;
  gint64   start_us;
  guint64  n;
  guint    timeout_id;
};

G_DEFINE_FINAL_TYPE (PatellaMetronome, patella_metronome, G_TYPE_OBJECT)

enum {
  TICK,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

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

static gboolean tick_cb (gpointer data);

static void
schedule (PatellaMetronome *self)
{
  gint64 now = g_get_monotonic_time ();
  gint64 next;

  do
    next = patella_metronome_tick_instant (self->start_us, self->spm, ++self->n);
  while (next < now);

  self->timeout_id = g_timeout_add_full (G_PRIORITY_HIGH, (guint) ((next - now) / 1000), tick_cb,
                                         self, NULL);
}

static gboolean
tick_cb (gpointer data)
{
  PatellaMetronome *self = data;
  gint64 due = patella_metronome_tick_instant (self->start_us, self->spm, self->n);
  gint64 now = g_get_monotonic_time ();

  /* A millisecond-rounded timeout may wake a little early: wait it out. */
  while (now < due)
    {
      g_usleep ((gulong) (due - now));
      now = g_get_monotonic_time ();
    }

  self->timeout_id = 0;
  schedule (self);
  g_signal_emit (self, signals[TICK], 0, (guint64) self->n - 1, now - due);
  return G_SOURCE_REMOVE;
}

static void
patella_metronome_dispose (GObject *object)
{
  PatellaMetronome *self = PATELLA_METRONOME (object);

  g_clear_handle_id (&self->timeout_id, g_source_remove);

  G_OBJECT_CLASS (patella_metronome_parent_class)->dispose (object);
}

static void
patella_metronome_class_init (PatellaMetronomeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = patella_metronome_dispose;

  /**
   * PatellaMetronome::tick:
   * @n: the tick's number, from 1
   * @late_us: how late it came, in microseconds
   */
  signals[TICK] = g_signal_new ("tick",
                                G_TYPE_FROM_CLASS (klass),
                                G_SIGNAL_RUN_LAST,
                                0, NULL, NULL, NULL,
                                G_TYPE_NONE, 2, G_TYPE_UINT64, G_TYPE_INT64);
}

static void
patella_metronome_init (PatellaMetronome *self)
{
}

PatellaMetronome *
patella_metronome_new (void)
{
  return g_object_new (PATELLA_TYPE_METRONOME, NULL);
}

/* Starts (again) at @spm: the first tick comes one beat from now. */
void
patella_metronome_start (PatellaMetronome *self,
                         int               spm)
{
  g_return_if_fail (PATELLA_IS_METRONOME (self));
  g_return_if_fail (spm > 0);

  patella_metronome_stop (self);
  self->spm = spm;
  self->start_us = g_get_monotonic_time ();
  self->n = 0;
  schedule (self);
}

void
patella_metronome_stop (PatellaMetronome *self)
{
  g_return_if_fail (PATELLA_IS_METRONOME (self));

  g_clear_handle_id (&self->timeout_id, g_source_remove);
}

gboolean
patella_metronome_is_running (PatellaMetronome *self)
{
  g_return_val_if_fail (PATELLA_IS_METRONOME (self), FALSE);

  return self->timeout_id != 0;
}

int
patella_metronome_get_spm (PatellaMetronome *self)
{
  g_return_val_if_fail (PATELLA_IS_METRONOME (self), 0);

  return self->spm;
}
