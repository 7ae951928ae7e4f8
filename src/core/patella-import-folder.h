/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "patella-notifier.h"
#include "patella-store.h"

G_BEGIN_DECLS

#define PATELLA_TYPE_IMPORT_FOLDER (patella_import_folder_get_type ())
G_DECLARE_FINAL_TYPE (PatellaImportFolder, patella_import_folder, PATELLA, IMPORT_FOLDER, GObject)

PatellaImportFolder *patella_import_folder_new         (PatellaStore        *store,
                                                        PatellaNotifier     *notifier,
                                                        GSettings           *settings);
const char          *patella_import_folder_get_path    (PatellaImportFolder *self);
guint                patella_import_folder_import_file (PatellaImportFolder *self,
                                                        const char          *path);
guint                patella_import_folder_scan        (PatellaImportFolder *self);

G_END_DECLS
