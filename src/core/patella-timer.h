/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "patella-notifier.h"
#include "patella-store.h"

G_BEGIN_DECLS

#define PATELLA_ICE_MIN_MINUTES 15
#define PATELLA_ICE_MAX_MINUTES 20

/**
 * PatellaTimerState:
 * @PATELLA_TIMER_IDLE: no session yet
 * @PATELLA_TIMER_RUNNING: counting down to an instant stored in the database
 * @PATELLA_TIMER_PAUSED: holding what remains
 * @PATELLA_TIMER_FINISHED: the last session ran to its end
 * @PATELLA_TIMER_CANCELLED: the last session was stopped early (kept as a
 *   partial session with its real duration)
 */
typedef enum
{
  PATELLA_TIMER_IDLE,
  PATELLA_TIMER_RUNNING,
  PATELLA_TIMER_PAUSED,
  PATELLA_TIMER_FINISHED,
  PATELLA_TIMER_CANCELLED,
} PatellaTimerState;

#define PATELLA_TYPE_TIMER (patella_timer_get_type ())

G_DECLARE_FINAL_TYPE (PatellaTimer, patella_timer, PATELLA, TIMER, GObject)

PatellaTimer      *patella_timer_new            (PatellaStore     *store,
                                                 PatellaNotifier  *notifier);
void               patella_timer_set_notifier   (PatellaTimer     *self,
                                                 PatellaNotifier  *notifier);
void               patella_timer_set_auto_tick  (PatellaTimer     *self,
                                                 gboolean          auto_tick);
gboolean           patella_timer_restore        (PatellaTimer     *self,
                                                 GError          **error);

gboolean           patella_timer_start          (PatellaTimer     *self,
                                                 int               minutes,
                                                 GError          **error);
gboolean           patella_timer_pause          (PatellaTimer     *self,
                                                 GError          **error);
gboolean           patella_timer_resume         (PatellaTimer     *self,
                                                 GError          **error);
gboolean           patella_timer_add_minute     (PatellaTimer     *self,
                                                 GError          **error);
gboolean           patella_timer_stop           (PatellaTimer     *self,
                                                 GError          **error);
gboolean           patella_timer_tick           (PatellaTimer     *self);

PatellaTimerState  patella_timer_get_state      (PatellaTimer     *self);
gboolean           patella_timer_is_active      (PatellaTimer     *self);
gint64             patella_timer_get_session_id (PatellaTimer     *self);
gint64             patella_timer_get_remaining  (PatellaTimer     *self);
gint64             patella_timer_get_planned    (PatellaTimer     *self);
gint64             patella_timer_get_ends_at    (PatellaTimer     *self);
gboolean           patella_timer_can_add_minute (PatellaTimer     *self);

gboolean           patella_ice_check_minutes    (int               minutes,
                                                 GError          **error);
gboolean           patella_ice_log              (PatellaStore     *store,
                                                 const char       *day,
                                                 int               minutes,
                                                 GError          **error);
guint              patella_ice_count_day        (PatellaStore     *store,
                                                 const char       *day);
gboolean           patella_ice_get_running      (PatellaStore     *store,
                                                 gint64           *ends_us,
                                                 gint64           *remaining_s);

G_END_DECLS
