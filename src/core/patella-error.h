/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define PATELLA_ERROR (patella_error_quark ())

/**
 * PatellaError:
 * @PATELLA_ERROR_NOT_DATABASE: the file is not a Patella database, or is corrupt
 * @PATELLA_ERROR_NEWER_SCHEMA: the database was written by a newer Patella
 * @PATELLA_ERROR_READ_ONLY: the database can only be read
 * @PATELLA_ERROR_DISK_FULL: there is no room left to write
 * @PATELLA_ERROR_BUSY: another program holds the database locked
 * @PATELLA_ERROR_CONSTRAINT: the change breaks a rule of the data
 * @PATELLA_ERROR_INVALID: the input was refused
 * @PATELLA_ERROR_NOT_FOUND: the thing asked for does not exist
 * @PATELLA_ERROR_IO: the file system refused an operation
 * @PATELLA_ERROR_FAILED: anything else
 */
typedef enum
{
  PATELLA_ERROR_NOT_DATABASE,
  PATELLA_ERROR_NEWER_SCHEMA,
  PATELLA_ERROR_READ_ONLY,
  PATELLA_ERROR_DISK_FULL,
  PATELLA_ERROR_BUSY,
  PATELLA_ERROR_CONSTRAINT,
  PATELLA_ERROR_INVALID,
  PATELLA_ERROR_NOT_FOUND,
  PATELLA_ERROR_IO,
  PATELLA_ERROR_FAILED,
} PatellaError;

GQuark   patella_error_quark  (void);
gboolean patella_error_refuse (GError       **error,
                               PatellaError   code,
                               const char    *format,
                               ...) G_GNUC_PRINTF (3, 4);
PatellaError patella_error_from_errno (int errsv);

G_END_DECLS
