/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "patella-settings"

#include "config.h"

#include "patella-settings.h"

/**
 * patella_settings_new:
 *
 * Returns: (transfer full) (nullable): Patella's settings, or %NULL when the
 *   schema is not installed (an uninstalled patella-cli), so that callers fall
 *   back to the defaults instead of aborting
 */
GSettings *
patella_settings_new (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, BASE_ID, TRUE);

  if (schema == NULL)
    return NULL;

  return g_settings_new_full (schema, NULL, NULL);
}
