/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "patella-backup"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "patella-backup.h"
#include "patella-error.h"
#include "patella-store-private.h"

/* Backups live in a "backups" folder beside the database: for the default
 * database $XDG_DATA_HOME/patella/backups/. Each is a complete SQLite
 * database named after the database and the day: patella-2026-03-14.db. */

void
patella_backup_free (PatellaBackup *backup)
{
  if (backup == NULL)
    return;

  g_free (backup->path);
  g_free (backup->day);
  g_free (backup);
}

/**
 * patella_backup_get_folder:
 *
 * Returns: (transfer full): the folder of @db_path's backups
 */
char *
patella_backup_get_folder (const char *db_path)
{
  g_autofree char *dir = g_path_get_dirname (db_path);

  return g_build_filename (dir, "backups", NULL);
}

/* "patella" for "/x/patella.db". */
static char *
get_stem (const char *db_path)
{
  g_autofree char *base = g_path_get_basename (db_path);

  if (g_str_has_suffix (base, ".db") && strlen (base) > 3)
    base[strlen (base) - 3] = '\0';

  return g_steal_pointer (&base);
}

/* The day of "STEM-YYYY-MM-DD.db", or NULL. */
static char *
backup_day (const char *stem,
            const char *name)
{
  gsize stem_len = strlen (stem);
  const char *day;

  if (strncmp (name, stem, stem_len) != 0 || name[stem_len] != '-')
    return NULL;

  day = name + stem_len + 1;
  if (strlen (day) != strlen ("YYYY-MM-DD.db") || !g_str_has_suffix (day, ".db"))
    return NULL;

  for (guint i = 0; i < 10; i++)
    {
      if (i == 4 || i == 7 ? day[i] != '-' : !g_ascii_isdigit (day[i]))
        return NULL;
    }

  return g_strndup (day, 10);
}

static int
compare_newest_first (gconstpointer a,
                      gconstpointer b)
{
  const PatellaBackup *left = *(PatellaBackup **) a;
  const PatellaBackup *right = *(PatellaBackup **) b;

  return strcmp (right->day, left->day);
}

/**
 * patella_backup_list:
 *
 * Returns: (transfer full) (element-type PatellaBackup): @db_path's backups,
 *   newest first; empty when there are none
 */
GPtrArray *
patella_backup_list (const char  *db_path,
                     GError     **error)
{
  g_autoptr(GPtrArray) backups = g_ptr_array_new_with_free_func ((GDestroyNotify) patella_backup_free);
  g_autofree char *folder = patella_backup_get_folder (db_path);
  g_autofree char *stem = get_stem (db_path);
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *name;

  dir = g_dir_open (folder, 0, &local_error);
  if (dir == NULL)
    {
      g_autofree char *display = NULL;

      if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        return g_steal_pointer (&backups);

      display = g_filename_display_name (folder);
      g_set_error (error, PATELLA_ERROR, PATELLA_ERROR_IO,
                   _("Could not read the backup folder “%s”: %s"), display, local_error->message);
      return NULL;
    }

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *day = backup_day (stem, name);
      PatellaBackup *backup;
      GStatBuf st;

      if (day == NULL)
        continue;

      backup = g_new0 (PatellaBackup, 1);
      backup->path = g_build_filename (folder, name, NULL);
      backup->day = g_steal_pointer (&day);
      if (g_stat (backup->path, &st) == 0)
        backup->size = st.st_size;
      g_ptr_array_add (backups, backup);
    }

  g_ptr_array_sort (backups, compare_newest_first);
  return g_steal_pointer (&backups);
}

static gboolean
make_folder (const char  *folder,
             GError     **error)
{
  if (g_mkdir_with_parents (folder, 0700) != 0 || g_chmod (folder, 0700) != 0)
    {
      int saved = errno;
      g_autofree char *display = g_filename_display_name (folder);

      g_set_error (error, PATELLA_ERROR,
                   patella_error_from_errno (saved),
                   _("Could not create the backup folder “%s”: %s"), display,
                   g_strerror (saved));
      return FALSE;
    }

  return TRUE;
}

static gboolean
set_sqlite_error (int          rc,
                  sqlite3     *db,
                  const char  *path,
                  GError     **error)
{
  g_autofree char *display = g_filename_display_name (path);
  const char *detail = db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc);

  switch (rc & 0xff)
    {
    case SQLITE_FULL:
      g_set_error (error, PATELLA_ERROR, PATELLA_ERROR_DISK_FULL,
                   _("There is no room left to write “%s”; free some disk space and try again"),
                   display);
      break;

    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error (error, PATELLA_ERROR, PATELLA_ERROR_BUSY,
                   _("Another program is using the database, so “%s” could not be written. Try "
                     "again in a moment."), display);
      break;

    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_CANTOPEN:
      g_set_error (error, PATELLA_ERROR, PATELLA_ERROR_READ_ONLY,
                   _("Could not write “%s”: %s. Check that the folder may be written to."),
                   display, detail);
      break;

    default:
      g_set_error (error, PATELLA_ERROR, PATELLA_ERROR_IO,
                   _("Could not copy the database to “%s”: %s"), display, detail);
      break;
    }

  return FALSE;
}

/* Copies the whole of @source into @target_path, created 0600, as one
 * consistent snapshot, then renames it into place. */
static gboolean
copy_database (sqlite3     *source,
               const char  *target_path,
               GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (target_path);
  g_autofree char *base = g_path_get_basename (target_path);
  g_autofree char *template = g_strdup_printf ("%s/.%s.XXXXXX", dir, base);
  sqlite3_backup *backup;
  sqlite3 *target = NULL;
  int fd;
  int rc;

  fd = g_mkstemp_full (template, O_RDWR | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved = errno;
      g_autofree char *display = g_filename_display_name (dir);

      g_set_error (error, PATELLA_ERROR,
                   patella_error_from_errno (saved),
                   _("Could not write in “%s”: %s"), display, g_strerror (saved));
      return FALSE;
    }
  close (fd);

  rc = sqlite3_open_v2 (template, &target, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOFOLLOW, NULL);
  if (rc == SQLITE_OK)
    {
      backup = sqlite3_backup_init (target, "main", source, "main");
      if (backup == NULL)
        {
          rc = sqlite3_errcode (target);
        }
      else
        {
          rc = sqlite3_backup_step (backup, -1);
          sqlite3_backup_finish (backup);
          if (rc == SQLITE_DONE)
            rc = sqlite3_exec (target, "PRAGMA journal_mode = DELETE;", NULL, NULL, NULL);
        }
    }

  if (rc != SQLITE_OK)
    {
      set_sqlite_error (rc, target, target_path, error);
      sqlite3_close_v2 (target);
      g_remove (template);
      return FALSE;
    }

  rc = sqlite3_close (target);
  if (rc != SQLITE_OK || g_rename (template, target_path) != 0)
    {
      g_autofree char *display = g_filename_display_name (target_path);

      g_remove (template);
      g_set_error (error, PATELLA_ERROR, PATELLA_ERROR_IO,
                   _("Could not write “%s”: %s"), display, g_strerror (errno));
      return FALSE;
    }

  return TRUE;
}

/* Keeps the newest PATELLA_BACKUP_KEEP backups up to @today. Backups dated
 * later were made while the clock ran ahead: they may be the only copy of
 * those days, so they are kept, and never crowd out today's. */
static void
prune (const char *db_path,
       const char *today)
{
  g_autoptr(GPtrArray) backups = patella_backup_list (db_path, NULL);
  guint kept = 0;

  if (backups == NULL)
    return;

  for (guint i = 0; i < backups->len; i++)
    {
      PatellaBackup *backup = g_ptr_array_index (backups, i);

      if (strcmp (backup->day, today) > 0 || ++kept <= PATELLA_BACKUP_KEEP)
        continue;

      if (g_remove (backup->path) != 0)
        g_debug ("Could not remove the old backup %s: %s", backup->path, g_strerror (errno));
    }
}

/**
 * patella_backup_create:
 *
 * Copies the database, through SQLite's online backup API, to today's
 * backup file (replacing one made earlier today), readable by the user only
 * in a folder only the user may enter, and keeps the newest
 * %PATELLA_BACKUP_KEEP backups.
 *
 * Returns: (transfer full): the backup's path, or %NULL with @error set
 */
char *
patella_backup_create (PatellaStore  *store,
                       GError       **error)
{
  const char *db_path;
  g_autofree char *folder = NULL;
  g_autofree char *stem = NULL;
  g_autofree char *today = NULL;
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;

  g_return_val_if_fail (PATELLA_IS_STORE (store), NULL);

  db_path = patella_store_get_path (store);
  folder = patella_backup_get_folder (db_path);
  stem = get_stem (db_path);
  today = patella_clock_get_today (patella_store_get_clock (store));
  name = g_strdup_printf ("%s-%s.db", stem, today);
  path = g_build_filename (folder, name, NULL);

  if (!make_folder (folder, error) ||
      !copy_database (patella_store_get_db (store), path, error))
    {
      g_prefix_error (error, _("The backup was not made: "));
      return NULL;
    }

  prune (db_path, today);
  return g_steal_pointer (&path);
}

/**
 * patella_backup_run_daily:
 * @made: (out) (optional): whether a backup was made now
 *
 * Makes today's backup unless there is one already.
 *
 * Returns: (transfer full): today's backup, or %NULL with @error set
 */
char *
patella_backup_run_daily (PatellaStore  *store,
                          gboolean      *made,
                          GError       **error)
{
  g_autoptr(GPtrArray) backups = NULL;
  g_autofree char *today = NULL;

  g_return_val_if_fail (PATELLA_IS_STORE (store), NULL);

  if (made != NULL)
    *made = FALSE;

  backups = patella_backup_list (patella_store_get_path (store), error);
  if (backups == NULL)
    return NULL;

  /* Today's, not the newest: one dated later was made while the clock ran
   * ahead, and does not stand for today. */
  today = patella_clock_get_today (patella_store_get_clock (store));
  for (guint i = 0; i < backups->len; i++)
    {
      PatellaBackup *backup = g_ptr_array_index (backups, i);

      if (g_str_equal (backup->day, today))
        return g_strdup (backup->path);
    }

  if (made != NULL)
    *made = TRUE;

  return patella_backup_create (store, error);
}

/* A backup may only be restored if it is a Patella database of this
 * version, undamaged. */
static sqlite3 *
open_backup (const char  *path,
             GError     **error)
{
  g_autofree char *display = g_filename_display_name (path);
  sqlite3_stmt *stmt = NULL;
  sqlite3 *db = NULL;
  gint64 app_id = -1;
  gint64 version = -1;
  gboolean ok = FALSE;
  char header[16] = { 0 };
  FILE *file;

  file = g_fopen (path, "rb");
  if (file == NULL)
    {
      int saved = errno;

      g_set_error (error, PATELLA_ERROR,
                   patella_error_from_errno (saved),
                   _("Could not read the backup “%s”: %s"), display, g_strerror (saved));
      return NULL;
    }

  if (fread (header, 1, sizeof header, file) != sizeof header ||
      memcmp (header, "SQLite format 3", 16) != 0)
    {
      fclose (file);
      g_set_error (error, PATELLA_ERROR, PATELLA_ERROR_NOT_DATABASE,
                   _("“%s” is not a Patella backup; nothing was restored"), display);
      return NULL;
    }
  fclose (file);

  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOFOLLOW, NULL) != SQLITE_OK)
    goto out;

  if (sqlite3_prepare_v2 (db, "PRAGMA application_id;", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    app_id = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);

  if (sqlite3_prepare_v2 (db, "PRAGMA user_version;", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    version = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);

  if (app_id != PATELLA_APPLICATION_ID)
    goto out;

  if (version > PATELLA_SCHEMA_VERSION)
    {
      g_set_error (error, PATELLA_ERROR, PATELLA_ERROR_NEWER_SCHEMA,
                   _("The backup “%s” was made by a newer Patella; update Patella to restore "
                     "it. Nothing was restored."), display);
      sqlite3_close (db);
      return NULL;
    }

  /* An older version's backup is brought up to date once restored. */
  if (version < 1)
    goto out;

  if (sqlite3_prepare_v2 (db, "PRAGMA quick_check;", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    ok = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") == 0;
  sqlite3_finalize (stmt);

out:
  if (!ok)
    {
      sqlite3_close (db);
      g_set_error (error, PATELLA_ERROR, PATELLA_ERROR_NOT_DATABASE,
                   _("“%s” is not a Patella backup or is damaged; nothing was restored"),
                   display);
      return NULL;
    }

  return db;
}

/**
 * patella_backup_restore:
 * @aside_path: (out) (optional): where the database as it was went
 *
 * Replaces the whole content of @store's database with the backup at
 * @backup_path, through the store's own connection, after copying the
 * database as it was to `NAME.before-restore-YYYYMMDD-HHMMSS` beside it.
 * The caller asks for confirmation first.
 */
gboolean
patella_backup_restore (PatellaStore  *store,
                        const char    *backup_path,
                        char         **aside_path,
                        GError       **error)
{
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *stamp = NULL;
  g_autofree char *aside = NULL;
  sqlite3_backup *backup;
  sqlite3 *source;
  sqlite3 *db;
  int rc;

  g_return_val_if_fail (PATELLA_IS_STORE (store), FALSE);
  g_return_val_if_fail (backup_path != NULL, FALSE);

  if (!patella_store_check_writable (store, error))
    return FALSE;

  source = open_backup (backup_path, error);
  if (source == NULL)
    return FALSE;

  now = patella_clock_get_now_local (patella_store_get_clock (store));
  stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  aside = g_strdup_printf ("%s.before-restore-%s", patella_store_get_path (store), stamp);
  for (guint i = 1; g_file_test (aside, G_FILE_TEST_EXISTS); i++)
    {
      g_free (aside);
      aside = g_strdup_printf ("%s.before-restore-%s-%u", patella_store_get_path (store), stamp, i);
    }

  db = patella_store_get_db (store);
  if (!copy_database (db, aside, error))
    {
      sqlite3_close (source);
      g_prefix_error (error, _("Nothing was restored, because the database as it is could not be "
                               "kept aside: "));
      return FALSE;
    }

  backup = sqlite3_backup_init (db, "main", source, "main");
  if (backup == NULL)
    {
      rc = sqlite3_errcode (db);
    }
  else
    {
      rc = sqlite3_backup_step (backup, -1);
      sqlite3_backup_finish (backup);
    }
  sqlite3_close (source);

  if (rc != SQLITE_DONE)
    {
      patella_store_set_error (store, rc, error);
      g_prefix_error (error, _("The backup was not restored: "));
      return FALSE;
    }

  if (!patella_store_upgrade (store, error))
    {
      g_prefix_error (error, _("The backup was restored but could not be updated to this "
                               "version of Patella: "));
      patella_store_emit_all_changed (store);
      return FALSE;
    }

  patella_store_emit_all_changed (store);

  if (aside_path != NULL)
    *aside_path = g_steal_pointer (&aside);

  return TRUE;
}
