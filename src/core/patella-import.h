/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "patella-store.h"

G_BEGIN_DECLS

/* Larger files are refused before they are read. */
#define PATELLA_IMPORT_MAX_BYTES (32 * 1024 * 1024)
/* JSON nested deeper than this is refused before it is parsed. */
#define PATELLA_IMPORT_MAX_DEPTH 16

typedef enum
{
  PATELLA_IMPORT_KEEP_EXISTING = 0,
  PATELLA_IMPORT_REPLACE       = 1 << 0,
} PatellaImportFlags;

/**
 * PatellaImportReport:
 * @imported: items added, all kinds together
 * @replaced: existing items replaced (with %PATELLA_IMPORT_REPLACE)
 * @skipped: items left out
 * @reasons: (element-type utf8): one sentence per skipped item, saying why
 * @journal: @runs: @shoes: @sessions: @routines: items added of each kind
 */
typedef struct
{
  guint      imported;
  guint      replaced;
  guint      skipped;
  GPtrArray *reasons;
  guint      journal;
  guint      runs;
  guint      shoes;
  guint      sessions;
  guint      routines;
} PatellaImportReport;

void                 patella_import_report_free      (PatellaImportReport *report);
char                *patella_import_report_to_string (const PatellaImportReport *report);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PatellaImportReport, patella_import_report_free)

/* Called with the share done, from 0 to 1. */
typedef void (*PatellaImportProgressFunc) (double   fraction,
                                           gpointer user_data);

/* A checked Patella export, ready to be written. */
typedef struct _PatellaImportData PatellaImportData;

PatellaImportData *patella_import_data_parse (const char   *data,
                                              gsize         length,
                                              GError      **error);
guint              patella_import_data_get_n_items (PatellaImportData *data);
void               patella_import_data_free  (PatellaImportData *data);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PatellaImportData, patella_import_data_free)

GBytes              *patella_import_read_file (const char                 *path,
                                               GError                    **error);
PatellaImportReport *patella_import_json      (PatellaStore               *store,
                                               const char                 *data,
                                               gsize                       length,
                                               PatellaImportFlags          flags,
                                               PatellaImportProgressFunc   progress,
                                               gpointer                    user_data,
                                               GCancellable               *cancellable,
                                               GError                    **error);
PatellaImportReport *patella_import_gpx       (PatellaStore               *store,
                                               const char                 *data,
                                               gsize                       length,
                                               const char                 *shoe,
                                               PatellaImportProgressFunc   progress,
                                               gpointer                    user_data,
                                               GCancellable               *cancellable,
                                               GError                    **error);
PatellaImportReport *patella_import_file      (PatellaStore               *store,
                                               const char                 *path,
                                               PatellaImportFlags          flags,
                                               const char                 *shoe,
                                               PatellaImportProgressFunc   progress,
                                               gpointer                    user_data,
                                               GCancellable               *cancellable,
                                               GError                    **error);

G_END_DECLS
