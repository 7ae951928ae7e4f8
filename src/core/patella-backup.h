/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "patella-store.h"

G_BEGIN_DECLS

#define PATELLA_BACKUP_KEEP 7

/**
 * PatellaBackup:
 * @path: the backup file
 * @day: the day it was made, YYYY-MM-DD
 * @size: its size in bytes
 */
typedef struct
{
  char   *path;
  char   *day;
  gint64  size;
} PatellaBackup;

void       patella_backup_free        (PatellaBackup  *backup);
char      *patella_backup_get_folder  (const char     *db_path);
GPtrArray *patella_backup_list        (const char     *db_path,
                                       GError        **error);
char      *patella_backup_create      (PatellaStore   *store,
                                       GError        **error);
char      *patella_backup_run_daily   (PatellaStore   *store,
                                       gboolean       *made,
                                       GError        **error);
gboolean   patella_backup_restore     (PatellaStore   *store,
                                       const char     *backup_path,
                                       char          **aside_path,
                                       GError        **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PatellaBackup, patella_backup_free)

G_END_DECLS
