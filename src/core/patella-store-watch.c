/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "patella-store"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <errno.h>
#include <sys/stat.h>

#include "patella-error.h"
#include "patella-store-internal.h"

/* Following other programs: a replaced file is reopened, another
 * program's commit is told to the views; and a damaged file moved aside. */

/**
 * patella_store_move_aside:
 * @new_path: (out) (optional): where the file went
 *
 * Renames a damaged database (and its -wal and -shm files) to
 * `NAME.corrupt-YYYYMMDD-HHMMSS`, so that a fresh one can take its place.
 * Nothing is deleted.
 */
gboolean
patella_store_move_aside (const char    *path,
                          PatellaClock  *clock,
                          char         **new_path,
                          GError       **error)
{
  static const char * const suffixes[] = { "", "-wal", "-shm" };
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *stamp = NULL;
  g_autofree char *target = NULL;

  g_return_val_if_fail (path != NULL, FALSE);

  now = patella_clock_get_now_local (clock != NULL ? clock : patella_clock_get_default ());
  stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  target = g_strdup_printf ("%s.corrupt-%s", path, stamp);

  for (guint i = 1; g_file_test (target, G_FILE_TEST_EXISTS); i++)
    {
      g_free (target);
      target = g_strdup_printf ("%s.corrupt-%s-%u", path, stamp, i);
    }

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *from = g_strconcat (path, suffixes[i], NULL);
      g_autofree char *to = g_strconcat (target, suffixes[i], NULL);

      if (i > 0 && !g_file_test (from, G_FILE_TEST_EXISTS))
        continue;

      if (g_rename (from, to) != 0)
        {
          int saved = errno;
          g_autofree char *name = g_filename_display_name (from);

          g_set_error (error, PATELLA_ERROR, patella_error_from_errno (saved),
                       _("Could not move “%s” aside: %s"), name, g_strerror (saved));
          return FALSE;
        }
    }

  if (new_path != NULL)
    *new_path = g_steal_pointer (&target);

  return TRUE;
}

gboolean
patella_store_file_was_replaced (PatellaStore *self)
{
  struct stat st;

  if (g_stat (self->path, &st) != 0)
    return FALSE;

  return st.st_dev != self->device || st.st_ino != self->inode;
}

/* The file at self->path is another one now: stop using the old one at once
 * (its -wal and -shm files would be taken for the new file's) and open the
 * new one. A new file that Patella cannot use leaves the store empty and
 * read-only, saying why; nothing is written to that file. */
void
patella_store_reopen (PatellaStore *self)
{
  g_autoptr(GError) error = NULL;

  g_debug ("%s was replaced; opening the new file", self->path);

  /* The -wal file beside the path still holds the old file's pages, and a
   * connection to the new file would read them as its own: empty it into
   * the old file first. */
  sqlite3_exec (self->db, "PRAGMA wal_checkpoint(TRUNCATE);", NULL, NULL, NULL);
  patella_store_close_database (self);
  g_clear_error (&self->read_only_reason);
  self->depth = 0;

  if (!patella_store_open_file (self, &error))
    {
      g_autofree char *name = g_filename_display_name (self->path);

      g_message ("Could not open the replaced database: %s", error->message);
      if (self->db != NULL)
        patella_store_close_database (self);
      sqlite3_open_v2 (":memory:", &self->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_MEMORY, NULL);
      self->read_only_reason =
        g_error_new (PATELLA_ERROR, PATELLA_ERROR_NOT_DATABASE,
                     _("“%s” was replaced by another program with a file Patella cannot use "
                       "(%s). Nothing was written to it; restart Patella once the file is "
                       "right."), name, error->message);
      patella_store_remember_file (self);
    }

  patella_store_emit_reopened (self);
}

/**
 * patella_store_check_external:
 *
 * Looks whether another program committed to the database, or replaced the
 * file, since the last look; if so, reopens as needed and emits ::changed
 * for every kind of data.
 *
 * Returns: %TRUE if the data changed
 */
gboolean
patella_store_check_external (PatellaStore *self)
{
  gint64 version = -1;

  g_return_val_if_fail (PATELLA_IS_STORE (self), FALSE);

  /* Within a transaction of our own, the next commit says it all. */
  if (self->depth > 0)
    return FALSE;

  if (patella_store_file_was_replaced (self))
    {
      patella_store_reopen (self);
      return TRUE;
    }

  if (!patella_store_query_int_checked (self, "PRAGMA data_version;", &version, NULL))
    return FALSE;

  if (self->data_version == -1 || version == self->data_version)
    {
      self->data_version = version;
      return FALSE;
    }

  self->data_version = version;
  patella_store_emit_all_changed (self);
  return TRUE;
}

static gboolean
check_external_cb (gpointer data)
{
  PatellaStore *self = data;

  self->check_source = 0;
  patella_store_check_external (self);
  return G_SOURCE_REMOVE;
}

static void
folder_changed_cb (GFileMonitor      *monitor,
                   GFile             *file,
                   GFile             *other_file,
                   GFileMonitorEvent  event,
                   PatellaStore      *self)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *other = other_file != NULL ? g_file_get_basename (other_file) : NULL;
  g_autofree char *stem = g_path_get_basename (self->path);
  g_autofree char *wal = g_strconcat (stem, "-wal", NULL);

  if (event == G_FILE_MONITOR_EVENT_ATTRIBUTE_CHANGED)
    return;

  if (!g_str_equal (name, stem) && !g_str_equal (name, wal) &&
      g_strcmp0 (other, stem) != 0)
    return;

  /* A burst of writes makes one look, once the main loop is idle. */
  if (self->check_source == 0)
    self->check_source = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, check_external_cb, self, NULL);
}

/**
 * patella_store_watch:
 *
 * Follows other programs' changes to the database (patella-cli, a second
 * window, a sync tool): a file monitor on its folder wakes the store only
 * when a file of the database changes, and `PRAGMA data_version` tells a
 * commit from a checkpoint. No timer runs while nothing happens.
 */
void
patella_store_watch (PatellaStore *self)
{
  g_autoptr(GFile) folder = NULL;
  g_autofree char *dir = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (PATELLA_IS_STORE (self));

  if (self->monitor != NULL)
    return;

  dir = g_path_get_dirname (self->path);
  folder = g_file_new_for_path (dir);
  self->monitor = g_file_monitor_directory (folder, G_FILE_MONITOR_WATCH_MOVES, NULL, &error);
  if (self->monitor == NULL)
    {
      g_message ("Cannot follow changes made by other programs to %s: %s", self->path,
                 error->message);
      return;
    }

  g_signal_connect (self->monitor, "changed", G_CALLBACK (folder_changed_cb), self);
  patella_store_query_int_checked (self, "PRAGMA data_version;", &self->data_version, NULL);
}
