/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "patella-exercises.h"
#include "patella-store.h"

G_BEGIN_DECLS

#define PATELLA_PLAYER_READY_S  10   /* to get into position for a new exercise */
#define PATELLA_PLAYER_SWITCH_S 5    /* to change sides */

typedef enum
{
  PATELLA_PLAYER_IDLE,
  PATELLA_PLAYER_READY,   /* getting into position */
  PATELLA_PLAYER_WORK,    /* a set: reps or a hold */
  PATELLA_PLAYER_REST,    /* between sets */
  PATELLA_PLAYER_DONE,
} PatellaPlayerPhase;

typedef enum
{
  PATELLA_PLAYER_SIDE_BOTH,
  PATELLA_PLAYER_SIDE_LEFT,
  PATELLA_PLAYER_SIDE_RIGHT,
} PatellaPlayerSide;

/* What a tick or a command changed, for the UI to redraw and to cue. */
typedef enum
{
  PATELLA_PLAYER_CHANGED_NONE  = 0,
  PATELLA_PLAYER_CHANGED_VALUE = 1 << 0,   /* a shown number */
  PATELLA_PLAYER_CHANGED_PHASE = 1 << 1,   /* a transition: cue it */
} PatellaPlayerChange;

typedef struct _PatellaRoutinePlayer PatellaRoutinePlayer;

PatellaRoutinePlayer *patella_routine_player_new       (const PatellaRoutine  *routine);
void                  patella_routine_player_free      (PatellaRoutinePlayer  *self);

PatellaPlayerChange   patella_routine_player_start     (PatellaRoutinePlayer  *self,
                                                        gint64                 now_us);
PatellaPlayerChange   patella_routine_player_tick      (PatellaRoutinePlayer  *self,
                                                        gint64                 now_us);
PatellaPlayerChange   patella_routine_player_pause     (PatellaRoutinePlayer  *self,
                                                        gint64                 now_us);
PatellaPlayerChange   patella_routine_player_resume    (PatellaRoutinePlayer  *self,
                                                        gint64                 now_us);
PatellaPlayerChange   patella_routine_player_skip      (PatellaRoutinePlayer  *self,
                                                        gint64                 now_us);
PatellaPlayerChange   patella_routine_player_back      (PatellaRoutinePlayer  *self,
                                                        gint64                 now_us);
gboolean              patella_routine_player_finish    (PatellaRoutinePlayer  *self,
                                                        PatellaStore          *store,
                                                        int                    pain,
                                                        gint64                 now_us,
                                                        GError               **error);
gboolean              patella_routine_player_counts    (PatellaRoutinePlayer  *self,
                                                        gint64                 now_us);

const PatellaRoutine *patella_routine_player_get_routine  (PatellaRoutinePlayer *self);
PatellaPlayerPhase    patella_routine_player_get_phase    (PatellaRoutinePlayer *self);
gboolean              patella_routine_player_is_paused    (PatellaRoutinePlayer *self);
gboolean              patella_routine_player_is_running   (PatellaRoutinePlayer *self);
const PatellaRoutineStep *patella_routine_player_get_step (PatellaRoutinePlayer *self);
int                   patella_routine_player_get_set      (PatellaRoutinePlayer *self);
int                   patella_routine_player_get_n_sets   (PatellaRoutinePlayer *self);
PatellaPlayerSide     patella_routine_player_get_side     (PatellaRoutinePlayer *self);
int                   patella_routine_player_get_rep      (PatellaRoutinePlayer *self);
int                   patella_routine_player_get_remaining (PatellaRoutinePlayer *self);
int                   patella_routine_player_get_phase_length (PatellaRoutinePlayer *self);
const PatellaRoutineStep *patella_routine_player_get_next (PatellaRoutinePlayer *self,
                                                          int                  *set,
                                                          PatellaPlayerSide    *side);
guint                 patella_routine_player_get_position (PatellaRoutinePlayer *self);
guint                 patella_routine_player_get_n_positions (PatellaRoutinePlayer *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PatellaRoutinePlayer, patella_routine_player_free)

G_END_DECLS
