/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "patella-error"

#include "config.h"

#include <errno.h>

#include "patella-error.h"

G_DEFINE_QUARK (patella-error-quark, patella_error)

/**
 * patella_error_refuse:
 * @format: a message a person can act on: what was wrong and what is accepted
 *
 * Sets @error, for the many places that refuse an input.
 *
 * Returns: %FALSE, so that callers can `return patella_error_refuse (…)`
 */
gboolean
patella_error_refuse (GError       **error,
                      PatellaError   code,
                      const char    *format,
                      ...)
{
  va_list args;

  va_start (args, format);
  if (error != NULL)
    *error = g_error_new_valist (PATELLA_ERROR, code, format, args);
  va_end (args);

  return FALSE;
}

/**
 * patella_error_from_errno:
 * @errsv: an `errno` value, saved right after the call that failed
 *
 * The one mapping from the file system's refusals to Patella's error codes:
 * a missing file, a file or folder that may not be written, a full disk,
 * and anything else as an input/output error.
 *
 * Returns: the #PatellaError code for @errsv
 */
PatellaError
patella_error_from_errno (int errsv)
{
  switch (errsv)
    {
    case ENOENT:
      return PATELLA_ERROR_NOT_FOUND;
    case EACCES:
    case EPERM:
    case EROFS:
      return PATELLA_ERROR_READ_ONLY;
    case ENOSPC:
#ifdef EDQUOT
    case EDQUOT:
#endif
      return PATELLA_ERROR_DISK_FULL;
    default:
      return PATELLA_ERROR_IO;
    }
}
