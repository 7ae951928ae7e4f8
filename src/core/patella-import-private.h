/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* What the parts of the Patella import share: patella-import.c (reports,
 * files, device files), patella-import-parse.c (reading an export) and
 * patella-import-write.c (writing it). */

#include <json-glib/json-glib.h>

#include "patella-error.h"
#include "patella-exercises.h"
#include "patella-import.h"
#include "patella-parse.h"
#include "patella-shoes.h"

G_BEGIN_DECLS

/* A missing optional number. */
#define NONE G_MININT64

#define RUN_DISTANCE_MAX_M 300000
#define RUN_DURATION_MAX_S PATELLA_DURATION_MAX_S
/* 3000-01-01 00:00 UTC: no instant Patella writes is later. */
#define INSTANT_MAX_US G_GINT64_CONSTANT (32503680000000000)
/* The longest session: two days, like a run. */
#define SESSION_MAX_S (48 * 60 * 60)

/* Everything an import refuses is invalid input. */
#define refuse(error, ...) patella_error_refuse ((error), PATELLA_ERROR_INVALID, __VA_ARGS__)

/* ------------------------------------------------------- a parsed export */

typedef struct
{
  char   *uuid;
  char   *day;
  gint64  distance_m;
  gint64  duration_s;
  char   *shoe;
  char   *shoe_uuid;
  gint64  pain;
  char   *note;
  gint64  created_us;
  gint64  start_us;       /* NONE: not given */
  char   *source;         /* "manual", "fit"…; NULL: not given */
  gint64  cadence_spm;
  gint64  descent_m;
} ImportRun;

typedef struct
{
  char   *uuid;
  char   *day;
  gint64  pain_rest;
  gint64  pain_activity;
  gint64  pain_morning;
  GStrv   symptoms;
  char   *note;
  gint64  created_us;
  gint64  updated_us;
} ImportEntry;

typedef struct
{
  char   *uuid;
  char   *kind;
  char   *day;
  char   *state;
  gint64  started_us;
  gint64  planned_s;
  gint64  ends_us;
  gint64  remaining_s;
  gint64  ended_us;
  gint64  duration_s;
  char   *routine;
  gint64  pain;
} ImportSession;

typedef struct
{
  char   *uuid;
  char   *name;
  gint64  created_us;
  GArray *steps;   /* PatellaRoutineStepRecord, owning its exercise id */
} ImportRoutine;

/* The recovery plan's tables travel as plain rows, checked against these
 * columns: the plans, their events (by the plan's uuid) and walk/run
 * sessions. The writer hands each row whole to its model. */
typedef enum
{
  PLAN_COL_UUID,
  PLAN_COL_DATE,
  PLAN_COL_INT,
  PLAN_COL_WORD,
  PLAN_COL_TEXT,
} PlanColumnKind;

typedef struct
{
  const char          *name;
  PlanColumnKind       kind;
  gboolean             optional;
  gint64               min;
  gint64               max;
  const char * const  *words;   /* for PLAN_COL_WORD */
} PlanColumn;

typedef struct
{
  const char       *member;       /* the export's list */
  const PlanColumn *columns;
  guint             n_columns;
} PlanTable;

/* In the order they are written: events after their plans. */
typedef enum
{
  PLAN_TABLE_PLANS,
  PLAN_TABLE_EVENTS,
  PLAN_TABLE_WALK_RUNS,
  PLAN_N_TABLES
} PlanTableId;

extern const PlanTable patella_import_plan_tables[PLAN_N_TABLES];

struct _PatellaImportData
{
  gint64     version;
  GPtrArray *plan_rows[PLAN_N_TABLES];  /* JsonObject, checked */
  GPtrArray *shoes;     /* PatellaShoeRecord, owning its strings */
  GPtrArray *runs;
  GPtrArray *journal;
  GPtrArray *sessions;
  GPtrArray *routines;
};

/* --------------------------------------- reading an item (import-fields) */

/* ImportWhere a bad value is, for messages: "runs, item 3". */
typedef struct
{
  const char *table;
  guint       index;
  gboolean    with_uuid;  /* version 2 and later: every item has one */
} ImportWhere;

typedef enum
{
  TEXT_NOTE,   /* any text up to the note limit, may be empty */
  TEXT_NAME,   /* 1 to 100 characters on one line */
  TEXT_SHORT,  /* up to 100 characters, may be empty */
  TEXT_DATE,   /* YYYY-MM-DD from 1900 to 2999 */
  TEXT_WORD,   /* a code, checked by the caller */
  TEXT_UUID,   /* a UUID, stored in lower case */
} ImportTextKind;

gboolean patella_import_refuse_member (GError            **error,
                                       const ImportWhere  *where,
                                       const char         *member,
                                       const char         *expected);
gboolean patella_import_get_int       (JsonObject         *object,
                                       const ImportWhere  *where,
                                       const char         *member,
                                       gboolean            optional,
                                       gint64              min,
                                       gint64              max,
                                       gint64             *value,
                                       GError            **error);
gboolean patella_import_get_bool      (JsonObject         *object,
                                       const ImportWhere  *where,
                                       const char         *member,
                                       gboolean           *value,
                                       GError            **error);
gboolean patella_import_get_text      (JsonObject         *object,
                                       const ImportWhere  *where,
                                       const char         *member,
                                       gboolean            optional,
                                       ImportTextKind      kind,
                                       char              **value,
                                       GError            **error);
gboolean patella_import_get_uuid      (JsonObject         *object,
                                       const ImportWhere  *where,
                                       const char         *member,
                                       char              **value,
                                       GError            **error);
gboolean patella_import_is_one_of     (const char         *text,
                                       const char * const *words);

PatellaImportReport *patella_import_report_new   (void);
void                 patella_import_report_skip  (PatellaImportReport  *report,
                                                  char                 *reason);
gboolean             patella_import_check_input  (const char           *data,
                                                  gsize                 length,
                                                  GError              **error);

G_END_DECLS
