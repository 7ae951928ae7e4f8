/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "patella-exercises.h"
#include "patella-store.h"
#include "patella-units.h"

G_BEGIN_DECLS

/* The phase ladder: early strength work, the readiness check, six walk/run
 * phases and the build-back. Numbers: the Guidance page, "Return to
 * running". */
#define PATELLA_PLAN_N_PHASES          9
#define PATELLA_PLAN_PHASE_EARLY       1
#define PATELLA_PLAN_PHASE_READINESS   2
#define PATELLA_PLAN_PHASE_WALK_RUN    3   /* the first of six */
#define PATELLA_PLAN_PHASE_BUILD_BACK  9

#define PATELLA_PLAN_GOOD_IN_A_ROW     2   /* good sessions in a row to advance */
#define PATELLA_PLAN_STRICT_LIMIT      2   /* pain during, runner's rule */
#define PATELLA_PLAN_STANDARD_LIMIT    5   /* pain during, standard model */
#define PATELLA_PLAN_TOO_MUCH          5   /* above this: step back */
#define PATELLA_PLAN_MILD              2   /* readiness check: "no more than mild pain" */
#define PATELLA_PLAN_MISSED_DAYS       7   /* a week without a session: repeat the phase */
#define PATELLA_PLAN_WARM_UP_S         300
#define PATELLA_PLAN_BUILD_PERCENT     10  /* growth a week in the build-back */
#define PATELLA_PLAN_SESSIONS_A_WEEK   3
#define PATELLA_PLAN_EXERCISE_CEILING  3   /* reps, then a set, then range */

typedef enum
{
  PATELLA_PLAN_RULE_STRICT,     /* pain during at most 2/10 */
  PATELLA_PLAN_RULE_STANDARD,   /* pain during at most 5/10 */
} PatellaPlanRule;

typedef enum
{
  PATELLA_PLAN_KIND_EARLY,
  PATELLA_PLAN_KIND_READINESS,
  PATELLA_PLAN_KIND_WALK_RUN,
  PATELLA_PLAN_KIND_BUILD_BACK,
} PatellaPlanPhaseKind;

/* One rung of the ladder. Texts are N_(): show them through _(). */
typedef struct
{
  int                   number;       /* 1-based */
  PatellaPlanPhaseKind  kind;
  const char           *name;
  const char           *summary;
  int                   run_s;        /* one run interval; 0 for none */
  int                   walk_s;       /* one walk interval, or the brisk walk */
  int                   repeats;
  const char           *routine_key;  /* the strength routine of the phase */
} PatellaPlanPhase;

typedef enum
{
  PATELLA_PLAN_STATE_NONE,      /* no plan was ever started */
  PATELLA_PLAN_STATE_ACTIVE,
  PATELLA_PLAN_STATE_PAUSED,
  PATELLA_PLAN_STATE_STOPPED,
} PatellaPlanState;

typedef enum
{
  PATELLA_PLAN_DECISION_START,
  PATELLA_PLAN_DECISION_ADVANCE,
  PATELLA_PLAN_DECISION_HOLD,
  PATELLA_PLAN_DECISION_STEP_BACK,
  PATELLA_PLAN_DECISION_PAUSED,
  PATELLA_PLAN_DECISION_RESUME,
  PATELLA_PLAN_DECISION_STOP,
} PatellaPlanDecision;

typedef enum
{
  PATELLA_PLAN_EVENT_SESSION,
  PATELLA_PLAN_EVENT_DECISION,
} PatellaPlanEventKind;

typedef struct
{
  gint64                id;
  char                 *uuid;
  PatellaPlanEventKind  kind;
  char                  day[11];     /* the session's day, or the day decided */
  gint64                at_us;
  int                   phase;       /* the phase after the event */
  int                   pain;        /* a session: pain during */
  int                   pain_after;  /* a session: an hour after, or PATELLA_PAIN_NONE */
  int                   duration_s;  /* a session: what was prescribed */
  gboolean              decided;     /* a session: its decision is made */
  PatellaPlanDecision   decision;
  char                 *reason;      /* a reason code: "too-much" … */
  char                  ref_day[11]; /* the day the reason is about, or "" */
  int                   value;       /* the rating the reason is about, or -1 */
  int                   ex_level;    /* exercise level after a decision, or -1 */
  char                 *note;
} PatellaPlanEvent;

typedef struct
{
  gint64            id;          /* 0 when no plan was ever started */
  char             *uuid;
  PatellaPlanState  state;
  PatellaPlanRule   rule;
  char              started_day[11];
  int               phase;
  int               streak;      /* good sessions in a row */
  int               ex_level;    /* exercise progression, 0 … ceiling */
  int               ex_streak;
  GPtrArray        *events;      /* PatellaPlanEvent, oldest first */
} PatellaPlan;

/* A missing optional number of a plan row. */
#define PATELLA_PLAN_NONE G_MININT64

/* One row of the plan table, whole: a plan as it starts, or as an export
 * holds it. */
typedef struct
{
  const char *uuid;
  const char *started_day;  /* "YYYY-MM-DD" */
  gint64      started_us;
  const char *rule;         /* "strict" or "standard" */
  const char *state;        /* "active", "paused" or "stopped" */
  gint64      phase;
  gint64      streak;
  gint64      ex_level;
  gint64      ex_streak;
} PatellaPlanRecord;

/* One row of the plan_event table, whole. */
typedef struct
{
  const char *uuid;
  gint64      plan_id;      /* 0: no plan, which the store refuses */
  const char *day;          /* "YYYY-MM-DD" */
  gint64      at_us;
  const char *kind;         /* "session" or "decision" */
  gint64      phase;
  gint64      pain;         /* PATELLA_PLAN_NONE: none */
  gint64      pain_after;   /* PATELLA_PLAN_NONE: none */
  gint64      duration_s;   /* PATELLA_PLAN_NONE: none */
  gboolean    decided;
  const char *decision;     /* NULL: none */
  const char *reason;
  const char *ref_day;      /* NULL: none */
  gint64      value;        /* PATELLA_PLAN_NONE: none */
  gint64      ex_level;     /* PATELLA_PLAN_NONE: none */
  const char *note;
} PatellaPlanEventRecord;

typedef enum
{
  PATELLA_PLAN_TODAY_NONE,       /* no plan */
  PATELLA_PLAN_TODAY_SESSION,    /* the phase's session */
  PATELLA_PLAN_TODAY_REST,       /* a rest day from running: strength work */
  PATELLA_PLAN_TODAY_DONE,       /* today's session is logged */
  PATELLA_PLAN_TODAY_PAUSED,
  PATELLA_PLAN_TODAY_STOPPED,
} PatellaPlanTodayKind;

typedef struct
{
  PatellaPlanTodayKind  kind;
  char                 *text;        /* translated */
  int                   phase;
  int                   run_s;       /* the session's intervals (walk/run) */
  int                   walk_s;
  int                   repeats;
  int                   duration_s;  /* the whole session, warm-up included */
  const char           *routine_key;
} PatellaPlanToday;

/* The ladder */
const PatellaPlanPhase *patella_plan_get_phase        (int                     number);
const char             *patella_plan_phase_get_name   (const PatellaPlanPhase *phase);
char                   *patella_plan_phase_describe   (const PatellaPlanPhase *phase);
int                     patella_plan_phase_seconds    (const PatellaPlanPhase *phase);
int                     patella_plan_phase_run_done   (const PatellaPlanPhase *phase,
                                                       gint64                  duration_s);
gboolean                patella_plan_check_phase      (int                     number,
                                                       GError                **error);

const char             *patella_plan_rule_get_id      (PatellaPlanRule         rule);
gboolean                patella_plan_rule_from_id     (const char             *id,
                                                       PatellaPlanRule        *rule,
                                                       GError                **error);
int                     patella_plan_rule_get_limit   (PatellaPlanRule         rule);
const char             *patella_plan_decision_get_id  (PatellaPlanDecision     decision);
const char             *patella_plan_state_get_id     (PatellaPlanState        state);

/* Exercise progression: reps, then a set, then range or load. */
gboolean                patella_plan_progress_step    (const PatellaRoutineStep *base,
                                                       int                       level,
                                                       PatellaRoutineStep       *out);
PatellaRoutine         *patella_plan_get_routine      (const PatellaPlan        *plan);
char                   *patella_plan_describe_level   (int                       level);

/* The plan in the store */
PatellaPlan            *patella_plan_load             (PatellaStore           *store,
                                                       GError                **error);
gboolean                patella_plan_update           (PatellaStore           *store,
                                                       GError                **error);
gboolean                patella_plan_start            (PatellaStore           *store,
                                                       int                     phase,
                                                       PatellaPlanRule         rule,
                                                       GError                **error);
gboolean                patella_plan_pause            (PatellaStore           *store,
                                                       GError                **error);
gboolean                patella_plan_resume           (PatellaStore           *store,
                                                       GError                **error);
gboolean                patella_plan_stop             (PatellaStore           *store,
                                                       GError                **error);
gboolean                patella_plan_log              (PatellaStore           *store,
                                                       const char             *day,
                                                       int                     pain,
                                                       int                     pain_after,
                                                       const char             *note,
                                                       GError                **error);
gboolean                patella_plan_log_session      (PatellaStore           *store,
                                                       const char             *day,
                                                       int                     pain,
                                                       int                     pain_after,
                                                       const char             *note,
                                                       gint64                  duration_s,
                                                       GError                **error);
gboolean                patella_plan_rate_after       (PatellaStore           *store,
                                                       int                     pain_after,
                                                       GError                **error);
const PatellaPlanEvent *patella_plan_get_pending      (const PatellaPlan      *plan);
gboolean                patella_plan_had_session      (PatellaStore           *store,
                                                       const char             *day);
GPtrArray              *patella_plan_get_load_warnings (PatellaStore          *store,
                                                        const PatellaPlan     *plan,
                                                        PatellaDistanceUnit    unit,
                                                        GError               **error);

/* Rows whole, by identity (patella-plan-records.c) */
gint64                  patella_plan_put_record       (PatellaStore                  *store,
                                                       const PatellaPlanRecord       *row,
                                                       GError                       **error);
gint64                  patella_plan_event_put_record (PatellaStore                  *store,
                                                       const PatellaPlanEventRecord  *row,
                                                       GError                       **error);
gint64                  patella_plan_find             (PatellaStore                  *store,
                                                       const char                    *uuid,
                                                       GError                       **error);
gint64                  patella_plan_event_find       (PatellaStore                  *store,
                                                       const char                    *uuid,
                                                       GError                       **error);

const PatellaPlanEvent *patella_plan_get_last_decision (const PatellaPlan     *plan);
guint                   patella_plan_count_events     (PatellaStore          *store);
GPtrArray              *patella_plan_get_reasons_since (PatellaStore         *store,
                                                        guint                 n_events);
char                   *patella_plan_event_get_reason (const PatellaPlanEvent *event);
PatellaPlanToday       *patella_plan_get_today        (const PatellaPlan      *plan,
                                                       const char             *today);
gboolean                patella_plan_today_is_walk_run (const PatellaPlanToday *today);

gboolean                patella_plan_is_under_way     (const PatellaPlan      *plan);

void                    patella_plan_free             (PatellaPlan            *plan);
void                    patella_plan_event_free       (PatellaPlanEvent       *event);
void                    patella_plan_today_free       (PatellaPlanToday       *today);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PatellaPlan, patella_plan_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PatellaPlanToday, patella_plan_today_free)

G_END_DECLS
