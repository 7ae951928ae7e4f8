/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "patella-guidance.h"
#include "patella-units.h"

G_BEGIN_DECLS

/* One run as the load checks see it. */
typedef struct
{
  GDate   day;
  gint64  distance_m;
} PatellaLoadRun;

typedef struct
{
  GDate   start;       /* the week's first day */
  gint64  distance_m;
} PatellaLoadWeek;

typedef enum
{
  PATELLA_LOAD_WEEK_OVER_10,   /* a week more than 10% above the one before */
  PATELLA_LOAD_WEEK_OVER_30,   /* more than 30% above */
  PATELLA_LOAD_LONG_RUN,       /* a run longer than 110% of the longest in 30 days */
} PatellaLoadKind;

typedef struct
{
  PatellaLoadKind  kind;
  GDate            day;          /* the week's first day, or the run's day */
  gint64           distance_m;   /* the week's total, or the run */
  gint64           reference_m;  /* the week before, or the longest run before */
  char            *message;      /* a sentence for the user, worded by strength */
  const char      *id;           /* "load-week-10", "load-week-30" or "load-long-run" */
  const char      *why;          /* the rule, translated */
  PatellaEvidence  evidence;
  const char      *source;       /* where the rule comes from: authors, journal, year */
} PatellaLoadWarning;

GDateWeekday  patella_load_get_first_weekday (void);
void          patella_load_week_start        (const GDate          *day,
                                              GDateWeekday          first_weekday,
                                              GDate                *start);
GArray       *patella_load_weekly_totals     (const PatellaLoadRun *runs,
                                              guint                 n_runs,
                                              const GDate          *today,
                                              guint                 n_weeks,
                                              GDateWeekday          first_weekday);
GPtrArray    *patella_load_check             (const PatellaLoadRun *runs,
                                              guint                 n_runs,
                                              const GDate          *today,
                                              guint                 n_weeks,
                                              GDateWeekday          first_weekday,
                                              PatellaDistanceUnit   unit);
void          patella_load_warning_free      (PatellaLoadWarning   *warning);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PatellaLoadWarning, patella_load_warning_free)

G_END_DECLS
