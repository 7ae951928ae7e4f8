/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "patella-notifier.h"
#include "patella-plan.h"
#include "patella-store.h"

G_BEGIN_DECLS

typedef enum
{
  PATELLA_WALK_RUN_WARM_UP,
  PATELLA_WALK_RUN_RUN,
  PATELLA_WALK_RUN_WALK,
} PatellaWalkRunKind;

typedef struct
{
  PatellaWalkRunKind kind;
  int                start_s;   /* from the start of the session */
  int                length_s;
  int                repeat;    /* 1-based; 0 for the warm-up */
} PatellaWalkRunInterval;

typedef enum
{
  PATELLA_WALK_RUN_IDLE,
  PATELLA_WALK_RUN_RUNNING,
  PATELLA_WALK_RUN_PAUSED,
  PATELLA_WALK_RUN_FINISHED,   /* ran to its end: pain still to ask */
  PATELLA_WALK_RUN_STOPPED,    /* stopped early: pain still to ask */
} PatellaWalkRunState;

/* One row of the walk_run table, whole: a session as the timer starts it,
 * or as an export holds it. PATELLA_PLAN_NONE: an empty column. */
typedef struct
{
  const char *uuid;
  const char *day;          /* "YYYY-MM-DD" */
  gint64      phase;
  gint64      warm_up_s;
  gint64      run_s;
  gint64      walk_s;
  gint64      repeats;
  const char *state;        /* "running", "paused", "finished", "stopped", "logged" */
  gint64      started_us;
  gint64      ends_us;
  gint64      remaining_s;
  gint64      ended_us;
  gint64      pain;
} PatellaWalkRunRecord;

gint64      patella_walk_run_put_record         (PatellaStore                *store,
                                                 const PatellaWalkRunRecord  *row,
                                                 GError                     **error);
gint64      patella_walk_run_find               (PatellaStore                *store,
                                                 const char                  *uuid,
                                                 GError                     **error);

GArray     *patella_walk_run_intervals          (int                     warm_up_s,
                                                 int                     run_s,
                                                 int                     walk_s,
                                                 int                     repeats);
const char *patella_walk_run_kind_get_label     (PatellaWalkRunKind      kind);

#define PATELLA_TYPE_WALK_RUN (patella_walk_run_get_type ())

G_DECLARE_FINAL_TYPE (PatellaWalkRun, patella_walk_run, PATELLA, WALK_RUN, GObject)

PatellaWalkRun         *patella_walk_run_new            (PatellaStore     *store,
                                                         PatellaNotifier  *notifier);
void                    patella_walk_run_set_notifier   (PatellaWalkRun   *self,
                                                         PatellaNotifier  *notifier);
void                    patella_walk_run_set_auto_tick  (PatellaWalkRun   *self,
                                                         gboolean          auto_tick);
gboolean                patella_walk_run_restore        (PatellaWalkRun   *self,
                                                         GError          **error);
gboolean                patella_walk_run_start          (PatellaWalkRun   *self,
                                                         int               phase,
                                                         int               warm_up_s,
                                                         int               run_s,
                                                         int               walk_s,
                                                         int               repeats,
                                                         GError          **error);
gboolean                patella_walk_run_pause          (PatellaWalkRun   *self,
                                                         GError          **error);
gboolean                patella_walk_run_resume         (PatellaWalkRun   *self,
                                                         GError          **error);
gboolean                patella_walk_run_stop           (PatellaWalkRun   *self,
                                                         GError          **error);
gboolean                patella_walk_run_tick           (PatellaWalkRun   *self);
gboolean                patella_walk_run_finish         (PatellaWalkRun   *self,
                                                         int               pain,
                                                         GError          **error);
gboolean                patella_walk_run_discard        (PatellaWalkRun   *self,
                                                         GError          **error);

PatellaWalkRunState     patella_walk_run_get_state      (PatellaWalkRun   *self);
gint64                  patella_walk_run_get_id         (PatellaWalkRun   *self);
const char             *patella_walk_run_get_day        (PatellaWalkRun   *self);
int                     patella_walk_run_get_phase      (PatellaWalkRun   *self);
int                     patella_walk_run_get_total      (PatellaWalkRun   *self);
int                     patella_walk_run_get_elapsed    (PatellaWalkRun   *self);
int                     patella_walk_run_get_run_seconds (PatellaWalkRun  *self);
GArray                 *patella_walk_run_get_intervals  (PatellaWalkRun   *self);
int                     patella_walk_run_get_index      (PatellaWalkRun   *self);
int                     patella_walk_run_get_interval_remaining (PatellaWalkRun *self);
gint64                  patella_walk_run_get_next_change (PatellaWalkRun  *self);

G_END_DECLS
