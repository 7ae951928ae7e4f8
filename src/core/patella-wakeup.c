/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "patella-wakeup"

#include "config.h"

#include "patella-wakeup.h"

#define MAX_SLEEP_S (10 * 60)

static gboolean
timeout_cb (gpointer data)
{
  PatellaWakeup *self = data;

  self->timeout_id = 0;
  self->check (self->service);
  return G_SOURCE_REMOVE;
}

static gboolean
first_check_cb (gpointer data)
{
  PatellaWakeup *self = data;

  self->first_check_id = 0;
  self->check (self->service);
  return G_SOURCE_REMOVE;
}

/**
 * patella_wakeup_init:
 * @service: the service that embeds @self; the clock's signal follows its life
 * @check: what looks again and calls patella_wakeup_at() for the next time
 *
 * Starts with a first look once the main loop is idle (a D-Bus round trip
 * has no place on the way to a window's first frame).
 */
void
patella_wakeup_init (PatellaWakeup     *self,
                     GObject           *service,
                     PatellaClock      *clock,
                     PatellaWakeupFunc  check)
{
  self->clock = g_object_ref (clock);
  self->check = check;
  self->service = service;
  g_signal_connect_object (clock, "changed", G_CALLBACK (check), service, G_CONNECT_SWAPPED);
  self->first_check_id = g_idle_add_full (G_PRIORITY_LOW, first_check_cb, self, NULL);
}

/**
 * patella_wakeup_at:
 * @next_us: when something falls due, or 0 for nothing
 * @min_delay_s: the shortest wait; 0 looks again as soon as the loop is idle
 *
 * Replaces the wake-up planned before. A fake clock moves only when a test
 * moves it, and then the service looks again at once: no timer for it.
 */
void
patella_wakeup_at (PatellaWakeup *self,
                   gint64         next_us,
                   guint          min_delay_s)
{
  gint64 delay_s;

  g_clear_handle_id (&self->timeout_id, g_source_remove);

  if (next_us == 0 || patella_clock_is_fake (self->clock))
    return;

  delay_s = (next_us - patella_clock_get_now (self->clock) + G_USEC_PER_SEC - 1) / G_USEC_PER_SEC;
  delay_s = CLAMP (delay_s, (gint64) min_delay_s, MAX_SLEEP_S);

  if (delay_s == 0)
    self->timeout_id = g_idle_add (timeout_cb, self);
  else
    self->timeout_id = g_timeout_add_seconds ((guint) delay_s, timeout_cb, self);
}

/* Stops every wake-up; for the service's dispose. */
void
patella_wakeup_clear (PatellaWakeup *self)
{
  g_clear_handle_id (&self->timeout_id, g_source_remove);
  g_clear_handle_id (&self->first_check_id, g_source_remove);
  g_clear_object (&self->clock);
}
