/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "patella-clock"

#include "config.h"

#include "patella-clock.h"

/* Every "now" in Patella comes from here, so that tests can hold time still,
 * move it forward, or make it jump as a suspended laptop would. */
struct _PatellaClock
{
  GObject  parent_instance;

  gboolean fake;
  gint64   fake_now_us;
};

G_DEFINE_FINAL_TYPE (PatellaClock, patella_clock, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];
static PatellaClock *default_clock;

static void
patella_clock_class_init (PatellaClockClass *klass)
{
  /**
   * PatellaClock::changed:
   *
   * Emitted when a fake clock is set or advanced.
   */
  signals[CHANGED] = g_signal_new ("changed",
                                   G_TYPE_FROM_CLASS (klass),
                                   G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 0);
}

static void
patella_clock_init (PatellaClock *self)
{
}

PatellaClock *
patella_clock_new_real (void)
{
  return g_object_new (PATELLA_TYPE_CLOCK, NULL);
}

PatellaClock *
patella_clock_new_fake (gint64 now_us)
{
  PatellaClock *self = g_object_new (PATELLA_TYPE_CLOCK, NULL);

  self->fake = TRUE;
  self->fake_now_us = now_us;

  return self;
}

gboolean
patella_clock_is_fake (PatellaClock *self)
{
  g_return_val_if_fail (PATELLA_IS_CLOCK (self), FALSE);

  return self->fake;
}

/**
 * patella_clock_get_now:
 *
 * Returns: microseconds since the Unix epoch, UTC
 */
gint64
patella_clock_get_now (PatellaClock *self)
{
  g_return_val_if_fail (PATELLA_IS_CLOCK (self), 0);

  if (self->fake)
    return self->fake_now_us;

  return g_get_real_time ();
}

GDateTime *
patella_clock_get_now_local (PatellaClock *self)
{
  g_return_val_if_fail (PATELLA_IS_CLOCK (self), NULL);

  return patella_date_time_new_local (patella_clock_get_now (self));
}

/**
 * patella_date_time_new_local:
 * @instant_us: microseconds since the Unix epoch, UTC
 *
 * Returns: (transfer full): the instant in the local time zone
 */
GDateTime *
patella_date_time_new_local (gint64 instant_us)
{
  g_autoptr(GDateTime) secs = NULL;
  gint64 s = instant_us / G_USEC_PER_SEC;
  gint64 rest = instant_us % G_USEC_PER_SEC;

  if (rest < 0)
    {
      s -= 1;
      rest += G_USEC_PER_SEC;
    }

  secs = g_date_time_new_from_unix_local (s);
  if (secs == NULL)
    return NULL;

  return g_date_time_add (secs, rest);
}

/**
 * patella_clock_get_today:
 *
 * Returns: (transfer full): today's local calendar date as `YYYY-MM-DD`
 */
char *
patella_clock_get_today (PatellaClock *self)
{
  g_autoptr(GDateTime) now = NULL;

  g_return_val_if_fail (PATELLA_IS_CLOCK (self), NULL);

  now = patella_clock_get_now_local (self);
  return g_date_time_format (now, "%Y-%m-%d");
}

void
patella_clock_set_now (PatellaClock *self,
                       gint64        now_us)
{
  g_return_if_fail (PATELLA_IS_CLOCK (self));
  g_return_if_fail (self->fake);

  self->fake_now_us = now_us;
  g_signal_emit (self, signals[CHANGED], 0);
}

void
patella_clock_advance (PatellaClock *self,
                       gint64        delta_us)
{
  g_return_if_fail (PATELLA_IS_CLOCK (self));
  g_return_if_fail (self->fake);

  patella_clock_set_now (self, self->fake_now_us + delta_us);
}

/**
 * patella_clock_get_default:
 *
 * Returns: (transfer none): the process-wide clock: real unless a test set a fake one
 */
PatellaClock *
patella_clock_get_default (void)
{
  if (default_clock == NULL)
    default_clock = patella_clock_new_real ();

  return default_clock;
}

void
patella_clock_set_default (PatellaClock *clock)
{
  g_return_if_fail (clock == NULL || PATELLA_IS_CLOCK (clock));

  if (clock != NULL)
    g_object_ref (clock);
  g_clear_object (&default_clock);
  default_clock = clock;
}
