/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "patella-activity.h"
#include "patella-notifier.h"
#include "patella-store.h"

G_BEGIN_DECLS

/* One activity and the file it came from. */
typedef struct
{
  char            *file;       /* for people: the path, or "archive.zip: entry" */
  PatellaActivity *activity;
} PatellaFoundActivity;

/**
 * PatellaActivityReport:
 * @found: (element-type PatellaFoundActivity): the activities read, in order
 * @problems: (element-type utf8): "file: reason" for each file that could
 *   not be read
 * @files_read: files read, activities or not
 * @files_failed: files that could not be read (listed in @problems)
 * @files_ignored: files in a folder or archive that are not activities (by
 *   their name, or FIT, TCX and GPX files without one, like a watch's
 *   sleep or course files)
 * @imported: runs added
 * @updated: runs already there that this import improved
 * @duplicates: activities already there, or twice in this import
 * @other_sports: activities of another sport, left out
 * @unusable: activities that cannot be a run (no start, no distance, too long)
 * @skipped: (element-type utf8): one sentence per activity left out, saying why
 *
 * What a device-file import read and did.
 */
typedef struct
{
  GPtrArray *found;
  GPtrArray *problems;
  guint      files_read;
  guint      files_failed;
  guint      files_ignored;
  guint      imported;
  guint      updated;
  guint      duplicates;
  guint      other_sports;
  guint      unusable;
  GPtrArray *skipped;
  gint64     last_run_id;    /* the last run added, for notifications; 0: none */
} PatellaActivityReport;

/* Called after each file with how many are done of how many. */
typedef void (*PatellaActivityProgressFunc) (guint    done,
                                             guint    total,
                                             gpointer user_data);

PatellaActivityReport *patella_activity_report_new       (void);
void                   patella_activity_report_free      (PatellaActivityReport       *report);
char                  *patella_activity_report_explain_nothing (const PatellaActivityReport *report,
                                                                const char                  *first_path);
char                  *patella_activity_report_to_string (const PatellaActivityReport *report);

gboolean   patella_activity_path_is_candidate (const char                   *path);
gboolean   patella_activity_read_bytes        (PatellaActivityReport        *report,
                                               const char                   *name,
                                               const guint8                 *data,
                                               gsize                         length,
                                               gboolean                      in_container);
void       patella_activity_read_file         (PatellaActivityReport        *report,
                                               const char                   *path,
                                               gboolean                      explicit_file);
PatellaActivityReport *patella_activity_read_paths (const char * const          *paths,
                                                    PatellaActivityProgressFunc  progress,
                                                    gpointer                     user_data,
                                                    GCancellable                *cancellable,
                                                    GError                     **error);

gboolean   patella_activity_report_write      (PatellaActivityReport        *report,
                                               PatellaStore                 *store,
                                               PatellaNotifier              *notifier,
                                               gint64                        shoe_id,
                                               GCancellable                 *cancellable,
                                               GError                      **error);
PatellaActivityReport *patella_activity_import (PatellaStore                *store,
                                                PatellaNotifier             *notifier,
                                                const char * const          *paths,
                                                gint64                       shoe_id,
                                                PatellaActivityProgressFunc  progress,
                                                gpointer                     user_data,
                                                GCancellable                *cancellable,
                                                GError                     **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PatellaActivityReport, patella_activity_report_free)

G_END_DECLS
