/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "patella-store.h"

G_BEGIN_DECLS

#define PATELLA_ROUTINE_MAX_SETS   20
#define PATELLA_ROUTINE_MAX_REPS   100
#define PATELLA_ROUTINE_MAX_HOLD_S 600
#define PATELLA_ROUTINE_MAX_REST_S 600
#define PATELLA_ROUTINE_MAX_STEPS  30

/* One exercise of the catalog. The texts are marked with N_(): show them
 * through _(). */
typedef struct
{
  const char *id;         /* stable: "quad-set" */
  const char *name;
  const char *start;      /* starting position */
  const char *movement;
  const char *feel;       /* what to feel */
  const char *avoid;      /* what to avoid */
  const char *stop;       /* when to stop */
  /* the default prescription */
  int         sets;
  int         reps;       /* 0: a timed hold */
  int         hold_s;     /* with reps: the pause at the top of each rep */
  int         rest_s;
  gboolean    per_side;
} PatellaExercise;

typedef struct
{
  const PatellaExercise *exercise;
  int                    sets;
  int                    reps;
  int                    hold_s;
  int                    rest_s;
  gboolean               per_side;
} PatellaRoutineStep;

typedef struct
{
  gint64    id;       /* 0 for a built-in routine or one not saved yet */
  char     *key;      /* "builtin:strength" for a built-in one, else NULL */
  char     *name;     /* translated for a built-in one */
  GArray   *steps;    /* PatellaRoutineStep */
} PatellaRoutine;

/* A step as it is stored, as an export has it and as the built-in
 * routines are written: the exercise by its id. */
typedef struct
{
  const char *exercise;
  gint64      sets;
  gint64      reps;
  gint64      hold_s;
  gint64      rest_s;
  gboolean    per_side;
} PatellaRoutineStepRecord;

const PatellaExercise *patella_exercise_lookup       (const char            *id);
const PatellaExercise *patella_exercises_get_catalog (guint                 *n_exercises);
int                    patella_routine_step_seconds  (const PatellaRoutineStep *step);

PatellaRoutine *patella_routine_new          (const char            *name);
PatellaRoutine *patella_routine_copy         (const PatellaRoutine  *routine);
void            patella_routine_free         (PatellaRoutine        *routine);
void            patella_routine_add_step     (PatellaRoutine        *routine,
                                              const PatellaExercise *exercise,
                                              int                    sets,
                                              int                    reps,
                                              int                    hold_s,
                                              int                    rest_s,
                                              gboolean               per_side);
gboolean        patella_routine_validate     (const PatellaRoutine  *routine,
                                              GError               **error);
int             patella_routine_total_seconds (const PatellaRoutine *routine);

GPtrArray      *patella_routines_get_builtin (void);
GPtrArray      *patella_routines_list        (PatellaStore          *store,
                                              GError               **error);
PatellaRoutine *patella_routine_load         (PatellaStore          *store,
                                              gint64                 id,
                                              GError               **error);
gboolean        patella_routine_save         (PatellaStore          *store,
                                              PatellaRoutine        *routine,
                                              GError               **error);
gboolean        patella_routine_delete       (PatellaStore          *store,
                                              gint64                 id,
                                              GError               **error);
gint64          patella_routine_find         (PatellaStore          *store,
                                              const char            *uuid,
                                              const char            *name,
                                              gboolean              *same,
                                              GError               **error);
gboolean        patella_routine_put_record   (PatellaStore          *store,
                                              gint64                 replace_id,
                                              const char            *uuid,
                                              const char            *name,
                                              gint64                 created_us,
                                              const PatellaRoutineStepRecord *steps,
                                              guint                  n_steps,
                                              GError               **error);

gboolean        patella_exercise_log_session (PatellaStore          *store,
                                              const char            *routine_name,
                                              gint64                 started_us,
                                              gint64                 duration_s,
                                              int                    pain,
                                              GError               **error);
gboolean        patella_exercise_log_routine (PatellaStore          *store,
                                              const char            *routine_name,
                                              gint64                 started_us,
                                              gint64                 duration_s,
                                              gint64                 planned_s,
                                              int                    pain,
                                              GError               **error);
guint           patella_exercise_count_week  (PatellaStore          *store);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PatellaRoutine, patella_routine_free)

G_END_DECLS
