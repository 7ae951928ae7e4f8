/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "patella-routine-player"

#include "config.h"

#include <glib/gi18n.h>

#include "patella-error.h"
#include "patella-routine-player.h"

/* The guided player as a pure sequencer: the routine is laid out as a list of
 * timed segments (get ready, a set on one side, a rest), and the caller passes
 * the time in. Nothing here touches a clock or a widget. */

typedef struct
{
  guint              step;
  int                set;
  PatellaPlayerSide  side;
  PatellaPlayerPhase phase;
  int                length_s;
} Segment;

struct _PatellaRoutinePlayer
{
  PatellaRoutine *routine;
  GArray         *segments;      /* Segment */
  guint           position;      /* index into segments; == len when done */
  gboolean        started;
  gboolean        paused;
  gint64          started_us;
  gint64          segment_ends_us;   /* while running */
  gint64          left_us;           /* while paused */
  int             shown_remaining;
  int             shown_rep;
};

static void
add_segment (PatellaRoutinePlayer *self,
             guint                 step,
             int                   set,
             PatellaPlayerSide     side,
             PatellaPlayerPhase    phase,
             int                   length_s)
{
  Segment segment = { step, set, side, phase, MAX (length_s, 1) };

  g_array_append_val (self->segments, segment);
}

static void
lay_out (PatellaRoutinePlayer *self)
{
  for (guint i = 0; i < self->routine->steps->len; i++)
    {
      const PatellaRoutineStep *step = &g_array_index (self->routine->steps,
                                                       PatellaRoutineStep, i);
      int work = patella_routine_step_seconds (step);

      add_segment (self, i, 1, step->per_side ? PATELLA_PLAYER_SIDE_LEFT : PATELLA_PLAYER_SIDE_BOTH,
                   PATELLA_PLAYER_READY, PATELLA_PLAYER_READY_S);

      for (int set = 1; set <= step->sets; set++)
        {
          if (step->per_side)
            {
              add_segment (self, i, set, PATELLA_PLAYER_SIDE_LEFT, PATELLA_PLAYER_WORK, work);
              add_segment (self, i, set, PATELLA_PLAYER_SIDE_RIGHT, PATELLA_PLAYER_READY,
                           PATELLA_PLAYER_SWITCH_S);
              add_segment (self, i, set, PATELLA_PLAYER_SIDE_RIGHT, PATELLA_PLAYER_WORK, work);
            }
          else
            {
              add_segment (self, i, set, PATELLA_PLAYER_SIDE_BOTH, PATELLA_PLAYER_WORK, work);
            }

          if (set < step->sets && step->rest_s > 0)
            add_segment (self, i, set, PATELLA_PLAYER_SIDE_BOTH, PATELLA_PLAYER_REST,
                         step->rest_s);
        }
    }
}

static const Segment *
current (PatellaRoutinePlayer *self)
{
  if (!self->started || self->position >= self->segments->len)
    return NULL;

  return &g_array_index (self->segments, Segment, self->position);
}

static gint64
left_us (PatellaRoutinePlayer *self,
         gint64                now_us)
{
  if (current (self) == NULL)
    return 0;

  if (self->paused)
    return self->left_us;

  return MAX (self->segment_ends_us - now_us, 0);
}

static int
compute_remaining (PatellaRoutinePlayer *self,
                   gint64                now_us)
{
  gint64 left = left_us (self, now_us);

  return (int) ((left + G_USEC_PER_SEC - 1) / G_USEC_PER_SEC);
}

static int
compute_rep (PatellaRoutinePlayer *self)
{
  const Segment *seg = current (self);
  const PatellaRoutineStep *step;
  int per_rep;
  int elapsed;

  if (seg == NULL || seg->phase != PATELLA_PLAYER_WORK)
    return 0;

  step = &g_array_index (self->routine->steps, PatellaRoutineStep, seg->step);
  if (step->reps == 0)
    return 0;

  per_rep = MAX (patella_routine_step_seconds (step) / step->reps, 1);
  elapsed = seg->length_s - self->shown_remaining;

  return MIN (elapsed / per_rep + 1, step->reps);
}

/* Updates what is shown and says whether it changed. */
static PatellaPlayerChange
refresh (PatellaRoutinePlayer *self,
         gint64                now_us,
         PatellaPlayerChange   change)
{
  int remaining = compute_remaining (self, now_us);
  int rep;

  if (remaining != self->shown_remaining)
    change |= PATELLA_PLAYER_CHANGED_VALUE;
  self->shown_remaining = remaining;

  rep = compute_rep (self);
  if (rep != self->shown_rep)
    change |= PATELLA_PLAYER_CHANGED_VALUE;
  self->shown_rep = rep;

  return change;
}

static void
enter (PatellaRoutinePlayer *self,
       guint                 position,
       gint64                starts_us)
{
  self->position = MIN (position, self->segments->len);
  if (self->position < self->segments->len)
    {
      const Segment *seg = &g_array_index (self->segments, Segment, self->position);

      self->segment_ends_us = starts_us + (gint64) seg->length_s * G_USEC_PER_SEC;
      self->left_us = (gint64) seg->length_s * G_USEC_PER_SEC;
    }
}

PatellaRoutinePlayer *
patella_routine_player_new (const PatellaRoutine *routine)
{
  PatellaRoutinePlayer *self;

  g_return_val_if_fail (routine != NULL, NULL);

  self = g_new0 (PatellaRoutinePlayer, 1);
  self->routine = patella_routine_copy (routine);
  self->segments = g_array_new (FALSE, TRUE, sizeof (Segment));
  lay_out (self);

  return self;
}

void
patella_routine_player_free (PatellaRoutinePlayer *self)
{
  if (self == NULL)
    return;

  patella_routine_free (self->routine);
  g_array_unref (self->segments);
  g_free (self);
}

PatellaPlayerChange
patella_routine_player_start (PatellaRoutinePlayer *self,
                              gint64                now_us)
{
  g_return_val_if_fail (self != NULL, PATELLA_PLAYER_CHANGED_NONE);

  self->started = TRUE;
  self->paused = FALSE;
  self->started_us = now_us;
  enter (self, 0, now_us);

  return refresh (self, now_us, PATELLA_PLAYER_CHANGED_PHASE);
}

/**
 * patella_routine_player_tick:
 *
 * Moves on through every segment whose time is up: after a long pause of the
 * machine, it lands where the routine would be.
 */
PatellaPlayerChange
patella_routine_player_tick (PatellaRoutinePlayer *self,
                             gint64                now_us)
{
  PatellaPlayerChange change = PATELLA_PLAYER_CHANGED_NONE;

  g_return_val_if_fail (self != NULL, PATELLA_PLAYER_CHANGED_NONE);

  if (!patella_routine_player_is_running (self))
    return change;

  while (self->position < self->segments->len && now_us >= self->segment_ends_us)
    {
      enter (self, self->position + 1, self->segment_ends_us);
      change |= PATELLA_PLAYER_CHANGED_PHASE;
    }

  return refresh (self, now_us, change);
}

PatellaPlayerChange
patella_routine_player_pause (PatellaRoutinePlayer *self,
                              gint64                now_us)
{
  PatellaPlayerChange change;

  g_return_val_if_fail (self != NULL, PATELLA_PLAYER_CHANGED_NONE);

  change = patella_routine_player_tick (self, now_us);
  if (!patella_routine_player_is_running (self))
    return change;

  self->left_us = left_us (self, now_us);
  self->paused = TRUE;

  return change | PATELLA_PLAYER_CHANGED_VALUE;
}

PatellaPlayerChange
patella_routine_player_resume (PatellaRoutinePlayer *self,
                               gint64                now_us)
{
  g_return_val_if_fail (self != NULL, PATELLA_PLAYER_CHANGED_NONE);

  if (!self->paused)
    return PATELLA_PLAYER_CHANGED_NONE;

  self->paused = FALSE;
  self->segment_ends_us = now_us + self->left_us;

  return refresh (self, now_us, PATELLA_PLAYER_CHANGED_VALUE);
}

/**
 * patella_routine_player_skip:
 *
 * Goes on to the next segment now.
 */
PatellaPlayerChange
patella_routine_player_skip (PatellaRoutinePlayer *self,
                             gint64                now_us)
{
  g_return_val_if_fail (self != NULL, PATELLA_PLAYER_CHANGED_NONE);

  if (current (self) == NULL)
    return PATELLA_PLAYER_CHANGED_NONE;

  enter (self, self->position + 1, now_us);
  return refresh (self, now_us, PATELLA_PLAYER_CHANGED_PHASE);
}

/**
 * patella_routine_player_back:
 *
 * Goes back to the start of the previous set (or the first segment).
 */
PatellaPlayerChange
patella_routine_player_back (PatellaRoutinePlayer *self,
                             gint64                now_us)
{
  guint position;

  g_return_val_if_fail (self != NULL, PATELLA_PLAYER_CHANGED_NONE);

  if (!self->started)
    return PATELLA_PLAYER_CHANGED_NONE;

  position = MIN (self->position, self->segments->len);
  while (position > 0)
    {
      position--;
      if (g_array_index (self->segments, Segment, position).phase == PATELLA_PLAYER_WORK)
        break;
    }

  /* Into a set: start with its get-ready segment, if it has one. */
  if (position > 0 &&
      g_array_index (self->segments, Segment, position - 1).phase == PATELLA_PLAYER_READY)
    position--;

  enter (self, position, now_us);
  return refresh (self, now_us, PATELLA_PLAYER_CHANGED_PHASE);
}

/**
 * patella_routine_player_finish:
 * @pain: pain during the session, 0–10
 *
 * Logs the session, done or stopped early, with the time it took.
 */
gboolean
patella_routine_player_finish (PatellaRoutinePlayer  *self,
                               PatellaStore          *store,
                               int                    pain,
                               gint64                 now_us,
                               GError               **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (PATELLA_IS_STORE (store), FALSE);

  if (!self->started)
    {
      g_set_error_literal (error, PATELLA_ERROR, PATELLA_ERROR_INVALID,
                           _("The routine was not started; there is nothing to log"));
      return FALSE;
    }

  return patella_exercise_log_routine (store, self->routine->name, self->started_us,
                                       MAX (now_us - self->started_us, 0) / G_USEC_PER_SEC,
                                       patella_routine_total_seconds (self->routine),
                                       pain, error);
}

/**
 * patella_routine_player_counts:
 *
 * Returns: whether the session, logged at @now_us, counts toward the week:
 *   at least half of the routine was done
 */
gboolean
patella_routine_player_counts (PatellaRoutinePlayer *self,
                               gint64                now_us)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->started &&
         MAX (now_us - self->started_us, 0) / G_USEC_PER_SEC * 2 >=
         MAX (patella_routine_total_seconds (self->routine), 1);
}

const PatellaRoutine *
patella_routine_player_get_routine (PatellaRoutinePlayer *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->routine;
}

PatellaPlayerPhase
patella_routine_player_get_phase (PatellaRoutinePlayer *self)
{
  const Segment *seg;

  g_return_val_if_fail (self != NULL, PATELLA_PLAYER_IDLE);

  if (!self->started)
    return PATELLA_PLAYER_IDLE;

  seg = current (self);
  return seg != NULL ? seg->phase : PATELLA_PLAYER_DONE;
}

gboolean
patella_routine_player_is_paused (PatellaRoutinePlayer *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->paused && current (self) != NULL;
}

/* Started, not paused and not over: the caller should tick. */
gboolean
patella_routine_player_is_running (PatellaRoutinePlayer *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return current (self) != NULL && !self->paused;
}

const PatellaRoutineStep *
patella_routine_player_get_step (PatellaRoutinePlayer *self)
{
  const Segment *seg;

  g_return_val_if_fail (self != NULL, NULL);

  seg = current (self);
  if (seg == NULL)
    return NULL;

  return &g_array_index (self->routine->steps, PatellaRoutineStep, seg->step);
}

int
patella_routine_player_get_set (PatellaRoutinePlayer *self)
{
  const Segment *seg;

  g_return_val_if_fail (self != NULL, 0);

  seg = current (self);
  return seg != NULL ? seg->set : 0;
}

int
patella_routine_player_get_n_sets (PatellaRoutinePlayer *self)
{
  const PatellaRoutineStep *step = patella_routine_player_get_step (self);

  return step != NULL ? step->sets : 0;
}

PatellaPlayerSide
patella_routine_player_get_side (PatellaRoutinePlayer *self)
{
  const Segment *seg;

  g_return_val_if_fail (self != NULL, PATELLA_PLAYER_SIDE_BOTH);

  seg = current (self);
  return seg != NULL ? seg->side : PATELLA_PLAYER_SIDE_BOTH;
}

/**
 * patella_routine_player_get_rep:
 *
 * Returns: the rep under way, from 1, during a set of reps; 0 otherwise
 */
int
patella_routine_player_get_rep (PatellaRoutinePlayer *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->shown_rep;
}

/* Whole seconds left in the segment, as last shown. */
int
patella_routine_player_get_remaining (PatellaRoutinePlayer *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return current (self) != NULL ? self->shown_remaining : 0;
}

int
patella_routine_player_get_phase_length (PatellaRoutinePlayer *self)
{
  const Segment *seg;

  g_return_val_if_fail (self != NULL, 0);

  seg = current (self);
  return seg != NULL ? seg->length_s : 0;
}

/**
 * patella_routine_player_get_next:
 * @set: (out) (optional): its set
 * @side: (out) (optional): its side
 *
 * Returns: (nullable): the exercise of the next set to do, %NULL at the last
 */
const PatellaRoutineStep *
patella_routine_player_get_next (PatellaRoutinePlayer *self,
                                 int                  *set,
                                 PatellaPlayerSide    *side)
{
  guint from;

  g_return_val_if_fail (self != NULL, NULL);

  from = self->started ? self->position + 1 : 0;
  for (guint i = from; i < self->segments->len; i++)
    {
      const Segment *seg = &g_array_index (self->segments, Segment, i);

      if (seg->phase != PATELLA_PLAYER_WORK)
        continue;

      if (set != NULL)
        *set = seg->set;
      if (side != NULL)
        *side = seg->side;
      return &g_array_index (self->routine->steps, PatellaRoutineStep, seg->step);
    }

  return NULL;
}

guint
patella_routine_player_get_position (PatellaRoutinePlayer *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->position;
}

guint
patella_routine_player_get_n_positions (PatellaRoutinePlayer *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->segments->len;
}
