/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "patella-store.h"

G_BEGIN_DECLS

/* docs/export-format.md describes the file. */
#define PATELLA_EXPORT_FORMAT  "patella-export"
#define PATELLA_EXPORT_VERSION 2

typedef enum
{
  PATELLA_EXPORT_TABLE_JOURNAL,
  PATELLA_EXPORT_TABLE_RUNS,
  PATELLA_EXPORT_TABLE_SHOES,
  PATELLA_EXPORT_TABLE_SESSIONS,
} PatellaExportTable;

#define PATELLA_EXPORT_N_TABLES 4

JsonNode   *patella_export_build_json   (PatellaStore        *store,
                                         GError             **error);
char       *patella_export_json         (PatellaStore        *store,
                                         gsize               *length,
                                         GError             **error);
char       *patella_export_csv          (PatellaStore        *store,
                                         PatellaExportTable   table,
                                         GError             **error);
gboolean    patella_export_table_from_string (const char          *text,
                                              PatellaExportTable  *table);
const char *patella_export_table_to_string   (PatellaExportTable   table);
gboolean    patella_export_write_file   (const char          *path,
                                         const char          *contents,
                                         gsize                length,
                                         GError             **error);
gboolean    patella_export_csv_to_folder (PatellaStore       *store,
                                          const char         *folder,
                                          GError            **error);

G_END_DECLS
