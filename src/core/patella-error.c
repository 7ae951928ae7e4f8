/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "patella-error"

#include "config.h"

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
