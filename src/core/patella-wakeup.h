/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "patella-clock.h"

G_BEGIN_DECLS

/* When a background service (reminders, the morning check-in) looks again:
 * once when the main loop is first idle, at the next due time on the real
 * clock (and at least every ten minutes, because the main loop's clock
 * stops while the computer sleeps), and whenever a test moves a fake clock.
 * Embedded in the service; @check is called with the service. */

typedef void (*PatellaWakeupFunc) (gpointer service);

typedef struct
{
  /*< private >*/
  PatellaClock      *clock;
  PatellaWakeupFunc  check;
  gpointer           service;
  guint              timeout_id;
  guint              first_check_id;
} PatellaWakeup;

void patella_wakeup_init  (PatellaWakeup     *self,
                           GObject           *service,
                           PatellaClock      *clock,
                           PatellaWakeupFunc  check);
void patella_wakeup_at    (PatellaWakeup     *self,
                           gint64             next_us,
                           guint              min_delay_s);
void patella_wakeup_clear (PatellaWakeup     *self);

G_END_DECLS
