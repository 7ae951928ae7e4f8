/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "patella-advice.h"
#include "patella-load.h"
#include "patella-store.h"
#include "patella-units.h"

G_BEGIN_DECLS

/* The default period: six weeks ending today. */
#define PATELLA_REPORT_DEFAULT_DAYS 42
/* The longest period a report covers: three years. */
#define PATELLA_REPORT_MAX_DAYS     1096
/* Exercise therapy three times a week (GUIDANCE.md). */
#define PATELLA_REPORT_EXERCISE_GOAL 3
/* The trend compares this many days at each end of the period. */
#define PATELLA_REPORT_TREND_DAYS    7
/* A trend moves with at least this many points of average pain at rest. */
#define PATELLA_REPORT_TREND_POINTS  1.0

typedef enum
{
  PATELLA_REPORT_TREND_UNKNOWN,  /* too few entries at one end */
  PATELLA_REPORT_TREND_BETTER,
  PATELLA_REPORT_TREND_SAME,
  PATELLA_REPORT_TREND_WORSE,
} PatellaReportTrend;

/* What the report is asked for. */
typedef struct
{
  const char          *from;          /* YYYY-MM-DD, or NULL: six weeks before @to */
  const char          *to;            /* YYYY-MM-DD, or NULL: today */
  const char          *name;          /* the person's name for the title, or NULL */
  gboolean             include_notes; /* the journal's notes: off by default, private */
  guint                ice_goal;      /* icing sessions a day, 3 or 4 */
  PatellaDistanceUnit  unit;
} PatellaReportOptions;

typedef struct
{
  char    day[11];
  gboolean has_entry;      /* a journal entry, rated or not */
  int     pain_rest;       /* PATELLA_PAIN_NONE without an entry or not rated */
  int     pain_activity;   /* PATELLA_PAIN_NONE when not rated */
  int     pain_morning;    /* the next morning; PATELLA_PAIN_NONE when not rated */
  guint   runs;
  gint64  distance_m;
  guint   icing;           /* finished icing sessions */
  guint   exercise;        /* finished exercise sessions */
} PatellaReportDay;

typedef struct
{
  char     start[11];      /* the week's first day; may lie before the period */
  guint    n_days;         /* days of the week inside the period */
  guint    n_entries;      /* journal days, rated or not */
  double   rest;           /* averages; negative when nothing was rated */
  double   activity;
  double   morning;
  guint    runs;
  gint64   distance_m;     /* the whole week's, days before the period included */
  gboolean has_change;     /* the week before had runs */
  int      change_percent; /* against the week before */
  guint    icing;
  guint    exercise;
} PatellaReportWeek;

typedef struct
{
  const char *code;
  const char *label;       /* translated */
  gboolean    red_flag;
  GPtrArray  *days;        /* char *, YYYY-MM-DD, oldest first */
} PatellaReportSymptom;

typedef struct
{
  const PatellaAdviceRule *rule;
  guint                    n_days;   /* days of the period it applied on */
  char                     first[11];
  char                     last[11];
} PatellaReportAdvice;

typedef struct
{
  char   *name;            /* NULL for runs without shoes */
  guint   runs;
  gint64  distance_m;
} PatellaReportShoe;

typedef struct
{
  char  day[11];
  char *note;
} PatellaReportNote;

typedef struct
{
  char               *from;
  char               *to;
  char               *made;            /* the day the report was made */
  char               *title;           /* "Knee report: NAME" */
  PatellaDistanceUnit unit;
  guint               n_days;
  GArray             *days;            /* PatellaReportDay, one per day of the period */
  GArray             *weeks;           /* PatellaReportWeek, oldest first */

  guint               n_entries;       /* journal days in the period */
  guint               n_activity;      /* days with pain during activity rated */
  guint               zone_days[3];    /* by PatellaPainZone, of those days */
  PatellaReportTrend  trend;
  double              trend_first;     /* average pain at rest at each end */
  double              trend_last;
  guint               trend_n_first;
  guint               trend_n_last;

  GPtrArray          *symptoms;        /* PatellaReportSymptom, red flags first */
  GPtrArray          *advice;          /* PatellaReportAdvice, clinician first */

  guint               n_runs;
  gint64              distance_m;
  gint64              longest_m;
  char                longest_day[11];
  guint               n_cadence;       /* runs with a step rate, once runs carry one */
  double              cadence_spm;     /* their average, steps per minute */
  GPtrArray          *load_warnings;   /* PatellaLoadWarning */
  GPtrArray          *shoes;           /* PatellaReportShoe, most distance first */

  guint               ice_goal;
  guint               icing;           /* sessions in the period */
  guint               ice_goal_days;   /* days the goal was met */
  guint               exercise_goal;   /* a week */
  guint               exercise;        /* sessions in the period */
  guint               exercise_goal_weeks; /* whole weeks that met the goal */
  guint               n_whole_weeks;

  GPtrArray          *insights;        /* PatellaInsight with enough days */
  GPtrArray          *notes;           /* PatellaReportNote, or NULL when not asked */
} PatellaReport;

gboolean       patella_report_check_period (PatellaStore                *store,
                                            const char                  *from,
                                            const char                  *to,
                                            char                       **from_out,
                                            char                       **to_out,
                                            GError                     **error);
PatellaReport *patella_report_build        (PatellaStore                *store,
                                            const PatellaReportOptions  *options,
                                            GError                     **error);
void           patella_report_free         (PatellaReport               *report);

char          *patella_report_format_trend (const PatellaReport         *report);
const char    *patella_report_get_trend_rule (void);
const char    *patella_report_get_disclaimer (void);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PatellaReport, patella_report_free)

G_END_DECLS
