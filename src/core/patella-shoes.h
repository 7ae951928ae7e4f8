/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "patella-activity.h"
#include "patella-load.h"
#include "patella-notifier.h"
#include "patella-shoe-status.h"
#include "patella-store.h"
#include "patella-units.h"

G_BEGIN_DECLS

/* 300 mi and 500 mi, the GUIDANCE.md defaults, in whole metres. */
#define PATELLA_SHOE_WARN_DEFAULT_M  G_GINT64_CONSTANT (482803)
#define PATELLA_SHOE_LIMIT_DEFAULT_M G_GINT64_CONSTANT (804672)
/* Warn distance and limit each lie between 100 and 1 000 miles. */
#define PATELLA_SHOE_MARK_MIN_M      G_GINT64_CONSTANT (160934)
#define PATELLA_SHOE_MARK_MAX_M      G_GINT64_CONSTANT (1609344)
#define PATELLA_SHOE_INITIAL_MAX_M   G_GINT64_CONSTANT (10000000)
#define PATELLA_RUN_MAX_M            G_GINT64_CONSTANT (300000)

/* For PatellaRun.shoe_id when adding a run. */
#define PATELLA_SHOE_DEFAULT 0
#define PATELLA_SHOE_NONE    (-1)

typedef struct
{
  gint64    id;
  char     *name;
  char     *brand;
  char     *first_used;   /* "YYYY-MM-DD", or NULL */
  gint64    initial_m;
  gint64    distance_m;   /* total, initial distance included */
  gint64    warn_m;
  gint64    limit_m;
  gboolean  retired;
  gboolean  is_default;
  guint     n_runs;
  PatellaShoeStatus status;
} PatellaShoe;

/* What the user gives when adding or editing a shoe. */
typedef struct
{
  const char *name;
  const char *brand;       /* NULL: none */
  const char *first_used;  /* "YYYY-MM-DD", or NULL */
  gint64      initial_m;
  gint64      warn_m;      /* 0: the default, 300 mi */
  gint64      limit_m;     /* 0: the default, 500 mi */
  gboolean    make_default;
} PatellaShoeInput;

typedef struct
{
  gint64  id;
  char   *day;         /* "YYYY-MM-DD" */
  gint64  distance_m;
  gint64  duration_s;  /* 0: not given */
  gint64  shoe_id;     /* 0 once stored: none; see PATELLA_SHOE_DEFAULT when adding */
  char   *shoe_name;   /* NULL when the run has no shoe */
  int     pain;        /* -1: not given */
  char   *note;
  char   *uuid;        /* the stable identity; NULL when adding: a new one */
  gint64  created_us;  /* 0 when adding: now */
  /* What a device file measured; zero for a typed run. */
  gint64         start_us;     /* the start instant (UTC); 0: unknown */
  PatellaSource  source;
  int            cadence_spm;  /* steps a minute; 0: unknown */
  gboolean       has_descent;
  gint64         descent_m;
} PatellaRun;

/* A shoe whole, as it is stored: a checked new or edited shoe, or one as
 * another Patella wrote it (an export). patella_shoe_record_clear() frees
 * the strings of one that owns them. */
typedef struct
{
  char     *uuid;        /* NULL: a new identity */
  char     *name;
  char     *brand;       /* NULL: none */
  char     *first_used;  /* "YYYY-MM-DD", or NULL */
  gint64    initial_m;
  gint64    warn_m;
  gint64    limit_m;
  gboolean  retired;
  gboolean  is_default;
  gint64    created_us;
} PatellaShoeRecord;

typedef struct _PatellaDeletedShoe PatellaDeletedShoe;

typedef enum
{
  PATELLA_SHOES_ACTIVE  = 1 << 0,
  PATELLA_SHOES_RETIRED = 1 << 1,
  PATELLA_SHOES_ALL     = PATELLA_SHOES_ACTIVE | PATELLA_SHOES_RETIRED,
} PatellaShoesFilter;

void         patella_shoe_free               (PatellaShoe        *shoe);
void         patella_run_free                (PatellaRun         *run);
void         patella_shoe_record_clear       (PatellaShoeRecord  *record);
void         patella_deleted_shoe_free       (PatellaDeletedShoe *deleted);

gboolean     patella_shoe_check_marks        (gint64              warn_m,
                                              gint64              limit_m,
                                              GError            **error);
gboolean     patella_run_check_distance      (gint64              distance_m,
                                              GError            **error);

gint64       patella_shoe_add                (PatellaStore       *store,
                                              PatellaNotifier    *notifier,
                                              const PatellaShoeInput *input,
                                              GError            **error);
gboolean     patella_shoe_edit               (PatellaStore       *store,
                                              PatellaNotifier    *notifier,
                                              gint64              id,
                                              const PatellaShoeInput *input,
                                              GError            **error);
gboolean     patella_shoe_input_equal        (const PatellaShoeInput  *a,
                                              const PatellaShoeInput  *b);
gboolean     patella_shoe_edit_changes       (PatellaStore            *store,
                                              PatellaNotifier         *notifier,
                                              gint64                   id,
                                              const PatellaShoeInput  *before,
                                              const PatellaShoeInput  *after,
                                              GError                 **error);
gboolean     patella_shoe_set_default        (PatellaStore       *store,
                                              gint64              id,
                                              GError            **error);
gboolean     patella_shoe_set_retired        (PatellaStore       *store,
                                              PatellaNotifier    *notifier,
                                              gint64              id,
                                              gboolean            retired,
                                              GError            **error);
gboolean     patella_shoe_delete             (PatellaStore       *store,
                                              PatellaNotifier    *notifier,
                                              gint64              id,
                                              GError            **error);
PatellaDeletedShoe *patella_shoe_delete_for_undo (PatellaStore             *store,
                                                PatellaNotifier          *notifier,
                                                gint64                    id,
                                                GError                  **error);
gint64       patella_shoe_undelete           (PatellaStore              *store,
                                              PatellaNotifier           *notifier,
                                              const PatellaDeletedShoe  *deleted,
                                              GError                   **error);
PatellaShoe *patella_shoe_get                (PatellaStore       *store,
                                              gint64              id,
                                              GError            **error);
PatellaShoe *patella_shoe_find               (PatellaStore       *store,
                                              const char         *name,
                                              GError            **error);
GPtrArray   *patella_shoes_list              (PatellaStore       *store,
                                              PatellaShoesFilter  filter,
                                              GError            **error);
gint64       patella_shoes_count             (PatellaStore       *store,
                                              PatellaShoesFilter  filter,
                                              GError            **error);

gint64       patella_run_add                 (PatellaStore       *store,
                                              PatellaNotifier    *notifier,
                                              const PatellaRun   *run,
                                              GError            **error);
gboolean     patella_run_edit                (PatellaStore       *store,
                                              PatellaNotifier    *notifier,
                                              const PatellaRun   *run,
                                              GError            **error);
gboolean     patella_run_edit_changes        (PatellaStore       *store,
                                              PatellaNotifier    *notifier,
                                              const PatellaRun   *before,
                                              const PatellaRun   *after,
                                              GError            **error);
gboolean     patella_run_delete              (PatellaStore       *store,
                                              PatellaNotifier    *notifier,
                                              gint64              id,
                                              GError            **error);
PatellaRun  *patella_run_get                 (PatellaStore       *store,
                                              gint64              id,
                                              GError            **error);
gboolean     patella_run_replace             (PatellaStore       *store,
                                              const PatellaRun   *run,
                                              GError            **error);
gboolean     patella_run_merge_measured      (PatellaStore       *store,
                                              gint64              id,
                                              const PatellaRun   *measured,
                                              gboolean            overwrite,
                                              GError            **error);
GPtrArray   *patella_runs_find_same          (PatellaStore       *store,
                                              gint64              start_us,
                                              const char         *day,
                                              gint64              distance_m,
                                              GError            **error);
GPtrArray   *patella_runs_list               (PatellaStore       *store,
                                              gint64              shoe_id,
                                              GError            **error);
GArray      *patella_runs_load_since         (PatellaStore       *store,
                                              const char         *since_day,
                                              GError            **error);
GPtrArray   *patella_runs_check_load         (PatellaStore       *store,
                                              guint               n_weeks,
                                              PatellaDistanceUnit unit,
                                              GArray            **weeks,
                                              GError            **error);

/* Rows by identity, for an import (patella-shoe-records.c). */
gint64       patella_shoe_find_id            (PatellaStore             *store,
                                              const char               *uuid,
                                              const char               *name,
                                              gboolean                 *same,
                                              GError                  **error);
gint64       patella_shoe_get_default_id     (PatellaStore             *store);
gboolean     patella_shoe_put_record         (PatellaStore             *store,
                                              gint64                    id,
                                              const PatellaShoeRecord  *record,
                                              GError                  **error);
gint64       patella_run_find_id             (PatellaStore             *store,
                                              const char               *uuid,
                                              GError                  **error);
gint64       patella_runs_count_created      (PatellaStore             *store,
                                              gint64                    created_us,
                                              GError                  **error);

gboolean     patella_shoes_check_notifications (PatellaStore     *store,
                                                PatellaNotifier  *notifier,
                                                GError          **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PatellaDeletedShoe, patella_deleted_shoe_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PatellaShoe, patella_shoe_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PatellaRun, patella_run_free)
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (PatellaShoeRecord, patella_shoe_record_clear)

G_END_DECLS
