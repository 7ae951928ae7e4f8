/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "patella-import-folder"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "patella-activity-import.h"
#include "patella-import-folder.h"
#include "patella-shoes.h"
#include "patella-units.h"

/* The folder a sync tool or a watch app writes finished activities into
 * (the "import-folder" setting; empty: off). New files are imported when
 * Patella starts (those changed since the last look) and, while it runs,
 * as they arrive: a file monitor, no polling. Each new run goes on the
 * default shoe and is announced with a notification that offers to change
 * the shoe. */

struct _PatellaImportFolder
{
  GObject           parent_instance;

  PatellaStore     *store;
  PatellaNotifier  *notifier;
  GSettings        *settings;
  char             *path;
  GFileMonitor     *monitor;
  guint             scan_id;
};

G_DEFINE_FINAL_TYPE (PatellaImportFolder, patella_import_folder, G_TYPE_OBJECT)

enum {
  RUNS_IMPORTED,
  CHANGE_SHOE_REQUESTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
notify_runs (PatellaImportFolder         *self,
             const PatellaActivityReport *report,
             const char                  *label)
{
  g_autoptr(PatellaNotification) notification = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  g_autofree char *title = NULL;

  if (report->imported == 0)
    return;

  id = g_strdup_printf ("import-run:%" G_GINT64_FORMAT, report->last_run_id);

  if (report->imported == 1)
    {
      g_autoptr(PatellaRun) run = patella_run_get (self->store, report->last_run_id, &error);
      g_autofree char *distance = NULL;

      if (run == NULL)
        {
          g_message ("Could not read the imported run: %s", error->message);
          return;
        }

      distance = patella_format_distance (run->distance_m, patella_unit_get_preferred ());
      if (run->shoe_name != NULL)
        /* Translators: "Imported a run of 5.2 km on Pegasus 40" (a distance, a shoe) */
        title = g_strdup_printf (_("Imported a run of %s on %s"), distance, run->shoe_name);
      else
        title = g_strdup_printf (_("Imported a run of %s"), distance);
    }
  else
    {
      title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Imported %u run",
                                            "Imported %u runs", report->imported),
                               report->imported);
    }

  notification = patella_notification_new (id, title, label, "x-patella.import");
  patella_notification_add_action (notification, "default", _("Open"));
  if (report->imported == 1)
    patella_notification_add_action (notification, "change-shoe", _("Change Shoe"));

  if (!patella_notifier_send (self->notifier, notification, &error))
    g_debug ("Import notification not shown: %s", error->message);
}

static guint
import_paths (PatellaImportFolder *self,
              const char * const  *paths,
              const char          *label)
{
  g_autoptr(PatellaActivityReport) report = NULL;
  g_autoptr(GError) error = NULL;

  report = patella_activity_import (self->store, self->notifier, paths, PATELLA_SHOE_DEFAULT,
                                    NULL, NULL, NULL, &error);
  if (report == NULL)
    {
      g_message ("Could not import from the import folder: %s", error->message);
      return 0;
    }

  for (guint i = 0; i < report->problems->len; i++)
    g_message ("Import folder: %s", (const char *) g_ptr_array_index (report->problems, i));

  if (report->imported > 0)
    {
      notify_runs (self, report, label);
      g_signal_emit (self, signals[RUNS_IMPORTED], 0, report->imported);
    }

  return report->imported;
}

/**
 * patella_import_folder_import_file:
 *
 * Imports one activity file (or zip archive) that arrived in the folder.
 *
 * Returns: how many runs were added
 */
guint
patella_import_folder_import_file (PatellaImportFolder *self,
                                   const char          *path)
{
  const char *paths[] = { path, NULL };
  g_autofree char *name = NULL;
  g_autofree char *label = NULL;

  g_return_val_if_fail (PATELLA_IS_IMPORT_FOLDER (self), 0);
  g_return_val_if_fail (path != NULL, 0);

  if (patella_store_is_read_only (self->store))
    return 0;

  name = g_filename_display_basename (path);
  label = g_strdup_printf (_("From “%s” in the import folder"), name);
  return import_paths (self, paths, label);
}

static void
collect_new_files (const char *folder,
                   gint64      since_us,
                   GPtrArray  *paths,
                   guint       depth)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;

  if (dir == NULL)
    return;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (folder, name, NULL);
      GStatBuf st;

      if (g_file_test (child, G_FILE_TEST_IS_SYMLINK) || g_stat (child, &st) != 0)
        continue;

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        {
          if (depth < 8)
            collect_new_files (child, since_us, paths, depth + 1);
          continue;
        }

      if (!patella_activity_path_is_candidate (child))
        continue;

      /* The change time, not the modification time: sync tools keep the
       * watch's modification time, but a file that arrived here has a new
       * change time. */
      if ((gint64) st.st_ctime * G_USEC_PER_SEC >= since_us)
        g_ptr_array_add (paths, g_steal_pointer (&child));
    }
}

/**
 * patella_import_folder_scan:
 *
 * Imports the files that changed since the last scan.
 *
 * Returns: how many runs were added
 */
guint
patella_import_folder_scan (PatellaImportFolder *self)
{
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  gint64 since_us;
  gint64 now_us;
  guint imported = 0;

  g_return_val_if_fail (PATELLA_IS_IMPORT_FOLDER (self), 0);

  if (self->path == NULL || patella_store_is_read_only (self->store))
    return 0;

  now_us = patella_clock_get_now (patella_store_get_clock (self->store));
  since_us = self->settings != NULL
             ? g_settings_get_int64 (self->settings, "import-folder-scanned-us") : 0;

  /* A second of slack: file times have whole seconds on some file systems. */
  collect_new_files (self->path, since_us - G_USEC_PER_SEC, paths, 0);

  if (paths->len == 1)
    {
      imported = patella_import_folder_import_file (self, g_ptr_array_index (paths, 0));
    }
  else if (paths->len > 1)
    {
      g_autofree char *label = g_filename_display_name (self->path);
      g_autofree char *body = g_strdup_printf (_("From the import folder “%s”"), label);

      g_ptr_array_add (paths, NULL);
      imported = import_paths (self, (const char * const *) paths->pdata, body);
    }

  if (self->settings != NULL)
    g_settings_set_int64 (self->settings, "import-folder-scanned-us", now_us);

  return imported;
}

static void
monitor_changed_cb (GFileMonitor      *monitor,
                    GFile             *file,
                    GFile             *other_file,
                    GFileMonitorEvent  event,
                    gpointer           user_data)
{
  PatellaImportFolder *self = user_data;
  g_autofree char *path = NULL;

  /* A file is complete when its writer closes it, or when it is moved or
   * renamed into place. */
  if (event == G_FILE_MONITOR_EVENT_RENAMED && other_file != NULL)
    path = g_file_get_path (other_file);
  else if (event == G_FILE_MONITOR_EVENT_CHANGES_DONE_HINT ||
           event == G_FILE_MONITOR_EVENT_MOVED_IN)
    path = g_file_get_path (file);

  if (path == NULL || !patella_activity_path_is_candidate (path) ||
      !g_file_test (path, G_FILE_TEST_IS_REGULAR))
    return;

  patella_import_folder_import_file (self, path);
}

/* After the first frame: a start-up never waits for a folder. */
static gboolean
scan_cb (gpointer user_data)
{
  PatellaImportFolder *self = user_data;

  self->scan_id = 0;
  patella_import_folder_scan (self);
  return G_SOURCE_REMOVE;
}

static void
reload (PatellaImportFolder *self)
{
  g_autofree char *path = NULL;
  g_autoptr(GFile) folder = NULL;
  g_autoptr(GError) error = NULL;

  if (self->monitor != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->monitor, monitor_changed_cb, self);
      g_file_monitor_cancel (self->monitor);
      g_clear_object (&self->monitor);
    }
  g_clear_pointer (&self->path, g_free);
  g_clear_handle_id (&self->scan_id, g_source_remove);

  path = self->settings != NULL ? g_settings_get_string (self->settings, "import-folder") : NULL;
  if (path == NULL || path[0] == '\0')
    return;

  if (!g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_message ("The import folder “%s” is not there; nothing is imported from it", path);
      return;
    }

  self->path = g_steal_pointer (&path);
  folder = g_file_new_for_path (self->path);
  self->monitor = g_file_monitor_directory (folder, G_FILE_MONITOR_WATCH_MOVES, NULL, &error);
  if (self->monitor == NULL)
    g_message ("Cannot watch the import folder: %s", error->message);
  else
    g_signal_connect (self->monitor, "changed", G_CALLBACK (monitor_changed_cb), self);

  self->scan_id = g_idle_add_full (G_PRIORITY_LOW, scan_cb, self, NULL);
}

static void
action_invoked_cb (PatellaImportFolder *self,
                   const char          *id,
                   const char          *action)
{
  gint64 run_id;

  if (!g_str_has_prefix (id, "import-run:"))
    return;

  run_id = g_ascii_strtoll (id + strlen ("import-run:"), NULL, 10);
  if (g_str_equal (action, "change-shoe") || g_str_equal (action, "default"))
    g_signal_emit (self, signals[CHANGE_SHOE_REQUESTED], 0, run_id);
}

static void
patella_import_folder_dispose (GObject *object)
{
  PatellaImportFolder *self = PATELLA_IMPORT_FOLDER (object);

  g_clear_handle_id (&self->scan_id, g_source_remove);
  if (self->monitor != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->monitor, monitor_changed_cb, self);
      g_file_monitor_cancel (self->monitor);
      g_clear_object (&self->monitor);
    }
  g_clear_object (&self->settings);
  g_clear_object (&self->notifier);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (patella_import_folder_parent_class)->dispose (object);
}

static void
patella_import_folder_finalize (GObject *object)
{
  PatellaImportFolder *self = PATELLA_IMPORT_FOLDER (object);

  g_free (self->path);

  G_OBJECT_CLASS (patella_import_folder_parent_class)->finalize (object);
}

static void
patella_import_folder_class_init (PatellaImportFolderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = patella_import_folder_dispose;
  object_class->finalize = patella_import_folder_finalize;

  /**
   * PatellaImportFolder::runs-imported:
   * @n_runs: how many runs were added
   */
  signals[RUNS_IMPORTED] = g_signal_new ("runs-imported", G_TYPE_FROM_CLASS (klass),
                                         G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                         G_TYPE_NONE, 1, G_TYPE_UINT);

  /**
   * PatellaImportFolder::change-shoe-requested:
   * @run_id: the run whose notification was answered
   */
  signals[CHANGE_SHOE_REQUESTED] = g_signal_new ("change-shoe-requested",
                                                 G_TYPE_FROM_CLASS (klass),
                                                 G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                                 G_TYPE_NONE, 1, G_TYPE_INT64);
}

static void
patella_import_folder_init (PatellaImportFolder *self)
{
}

/**
 * patella_import_folder_new:
 * @settings: (nullable): where the folder is set; %NULL: off
 *
 * Starts watching the import folder, if one is set, and imports what
 * arrived in it since the last time once the main loop is idle.
 */
PatellaImportFolder *
patella_import_folder_new (PatellaStore    *store,
                           PatellaNotifier *notifier,
                           GSettings       *settings)
{
  PatellaImportFolder *self;

  g_return_val_if_fail (PATELLA_IS_STORE (store), NULL);
  g_return_val_if_fail (PATELLA_IS_NOTIFIER (notifier), NULL);
  g_return_val_if_fail (settings == NULL || G_IS_SETTINGS (settings), NULL);

  self = g_object_new (PATELLA_TYPE_IMPORT_FOLDER, NULL);
  self->store = g_object_ref (store);
  self->notifier = g_object_ref (notifier);
  self->settings = settings != NULL ? g_object_ref (settings) : NULL;

  if (self->settings != NULL)
    g_signal_connect_object (self->settings, "changed::import-folder", G_CALLBACK (reload),
                             self, G_CONNECT_SWAPPED);
  g_signal_connect_object (notifier, "action-invoked", G_CALLBACK (action_invoked_cb), self,
                           G_CONNECT_SWAPPED);

  reload (self);
  return self;
}

/**
 * patella_import_folder_get_path:
 *
 * Returns: (nullable): the folder being watched, or %NULL when off
 */
const char *
patella_import_folder_get_path (PatellaImportFolder *self)
{
  g_return_val_if_fail (PATELLA_IS_IMPORT_FOLDER (self), NULL);

  return self->path;
}
