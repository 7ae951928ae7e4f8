/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "patella-autostart"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <errno.h>

#include "patella-autostart.h"
#include "patella-error.h"

/* "Start at login" outside a sandbox: an XDG autostart entry that starts
 * Patella without a window, for reminders. Inside Flatpak the Background
 * portal does this instead (see the application). */

gboolean
patella_autostart_is_sandboxed (void)
{
  return g_file_test ("/.flatpak-info", G_FILE_TEST_EXISTS);
}

/**
 * patella_autostart_get_path:
 *
 * Returns: (transfer full): `$XDG_CONFIG_HOME/autostart/APP_ID.desktop`
 */
char *
patella_autostart_get_path (void)
{
  return g_build_filename (g_get_user_config_dir (), "autostart", APP_ID ".desktop", NULL);
}

gboolean
patella_autostart_is_enabled (void)
{
  g_autofree char *path = patella_autostart_get_path ();

  return g_file_test (path, G_FILE_TEST_IS_REGULAR);
}

gboolean
patella_autostart_set_enabled (gboolean   enabled,
                               GError   **error)
{
  g_autofree char *path = patella_autostart_get_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(GKeyFile) entry = NULL;
  g_autoptr(GError) local_error = NULL;

  if (!enabled)
    {
      if (g_remove (path) != 0 && errno != ENOENT)
        {
          int saved = errno;

          g_set_error (error, PATELLA_ERROR, patella_error_from_errno (saved),
                       _("Could not remove “%s”: %s"), path, g_strerror (saved));
          return FALSE;
        }

      return TRUE;
    }

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;

      g_set_error (error, PATELLA_ERROR, patella_error_from_errno (saved),
                   _("Could not create the folder “%s”: %s"), dir, g_strerror (saved));
      return FALSE;
    }

  entry = g_key_file_new ();
  g_key_file_set_string (entry, G_KEY_FILE_DESKTOP_GROUP, G_KEY_FILE_DESKTOP_KEY_TYPE,
                         G_KEY_FILE_DESKTOP_TYPE_APPLICATION);
  g_key_file_set_string (entry, G_KEY_FILE_DESKTOP_GROUP, G_KEY_FILE_DESKTOP_KEY_NAME, "Patella");
  g_key_file_set_string (entry, G_KEY_FILE_DESKTOP_GROUP, G_KEY_FILE_DESKTOP_KEY_COMMENT,
                         "Icing reminders for runner’s knee recovery");
  g_key_file_set_string (entry, G_KEY_FILE_DESKTOP_GROUP, G_KEY_FILE_DESKTOP_KEY_EXEC,
                         "patella --background");
  g_key_file_set_string (entry, G_KEY_FILE_DESKTOP_GROUP, G_KEY_FILE_DESKTOP_KEY_ICON, APP_ID);
  g_key_file_set_boolean (entry, G_KEY_FILE_DESKTOP_GROUP, G_KEY_FILE_DESKTOP_KEY_NO_DISPLAY,
                          TRUE);
  g_key_file_set_boolean (entry, G_KEY_FILE_DESKTOP_GROUP, "X-GNOME-Autostart-enabled", TRUE);

  if (!g_key_file_save_to_file (entry, path, &local_error))
    {
      g_set_error (error, PATELLA_ERROR, PATELLA_ERROR_IO,
                   _("Could not write “%s”: %s"), path, local_error->message);
      return FALSE;
    }

  return TRUE;
}
