/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "patella-store"

#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "patella-error.h"
#include "patella-schema.h"
#include "patella-store-internal.h"

#define BUSY_TIMEOUT_MS 5000
#define SQLITE_MAGIC "SQLite format 3"

G_DEFINE_FINAL_TYPE (PatellaStore, patella_store, G_TYPE_OBJECT)

enum {
  CHANGED,
  REOPENED,
  N_SIGNALS
};

/* Every kind of data the "changed" signal names. */
static const char * const kinds[] = { "journal", "runs", "shoes", "sessions", "routines", "plan" };

static guint signals[N_SIGNALS];

static void
finalize_statement (gpointer data)
{
  sqlite3_finalize (data);
}

static char *
display_name (const char *path)
{
  return g_filename_display_name (path);
}

/* Looks at the first bytes without SQLite so that a foreign file is never
 * touched: SQLite itself may write to a file it opens read-write. */
static gboolean
check_header (const char  *path,
              gboolean    *exists,
              GError     **error)
{
  g_autofree char *name = display_name (path);
  char header[16] = { 0 };
  struct stat st;
  ssize_t n;
  int fd;

  *exists = FALSE;

  if (g_stat (path, &st) != 0)
    {
      if (errno == ENOENT)
        return TRUE;

      g_set_error (error, PATELLA_ERROR, PATELLA_ERROR_IO,
                   _("Could not read “%s”: %s"), name, g_strerror (errno));
      return FALSE;
    }

  *exists = TRUE;

  if (!S_ISREG (st.st_mode))
    {
      g_set_error (error, PATELLA_ERROR, PATELLA_ERROR_NOT_DATABASE,
                   _("“%s” is not a file, so it cannot be a Patella database"), name);
      return FALSE;
    }

  if (st.st_size == 0)
    return TRUE;

  fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0)
    {
      int saved = errno;

      g_set_error (error, PATELLA_ERROR,
                   patella_error_from_errno (saved),
                   _("Could not read “%s”: %s"), name, g_strerror (saved));
      return FALSE;
    }

  n = read (fd, header, sizeof header);
  close (fd);

  if (n != (ssize_t) sizeof header || memcmp (header, SQLITE_MAGIC, sizeof SQLITE_MAGIC) != 0)
    {
      g_set_error (error, PATELLA_ERROR, PATELLA_ERROR_NOT_DATABASE,
                   _("“%s” is not a Patella database or is damaged; it was left as it is"),
                   name);
      return FALSE;
    }

  return TRUE;
}

static gboolean
create_file (const char  *path,
             GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  int fd;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;
      g_autofree char *name = display_name (dir);

      g_set_error (error, PATELLA_ERROR, patella_error_from_errno (saved),
                   _("Could not create the folder “%s”: %s"), name, g_strerror (saved));
      return FALSE;
    }

  fd = g_open (path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved = errno;
      g_autofree char *name = display_name (path);

      if (saved == EEXIST)
        return TRUE;

      g_set_error (error, PATELLA_ERROR,
                   patella_error_from_errno (saved),
                   _("Could not create “%s”: %s"), name, g_strerror (saved));
      return FALSE;
    }

  fchmod (fd, 0600);
  close (fd);
  return TRUE;
}

static void
patella_store_finalize (GObject *object)
{
  PatellaStore *self = (PatellaStore *)object;

  if (self->monitor != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->monitor, self);
      g_file_monitor_cancel (self->monitor);
      g_clear_object (&self->monitor);
    }
  g_clear_handle_id (&self->check_source, g_source_remove);
  g_clear_pointer (&self->statements, g_hash_table_unref);
  if (self->db != NULL)
    sqlite3_close_v2 (self->db);
  g_clear_object (&self->clock);
  g_clear_error (&self->read_only_reason);
  g_free (self->path);

  G_OBJECT_CLASS (patella_store_parent_class)->finalize (object);
}

static void
patella_store_class_init (PatellaStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = patella_store_finalize;

  /**
   * PatellaStore::changed:
   * @what: the kind of data that changed: "journal", "runs", "shoes", "sessions"…
   *
   * Emitted after a change made through this store was committed.
   */
  signals[CHANGED] = g_signal_new ("changed",
                                   G_TYPE_FROM_CLASS (klass),
                                   G_SIGNAL_RUN_LAST | G_SIGNAL_DETAILED,
                                   0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 1, G_TYPE_STRING);

  /**
   * PatellaStore::reopened:
   *
   * Emitted when the database file was replaced by another (a sync tool, a
   * backup copied back) and the store now reads and writes the new one.
   */
  signals[REOPENED] = g_signal_new ("reopened",
                                    G_TYPE_FROM_CLASS (klass),
                                    G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL,
                                    G_TYPE_NONE, 0);
}

static void
patella_store_init (PatellaStore *self)
{
  self->busy_timeout_ms = BUSY_TIMEOUT_MS;
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, finalize_statement);
}


/* Each migration runs under the write lock, and the version is read again
 * inside it: when several programs open a new database at once, the first
 * migrates and the others find the work done. */
static gboolean
migrate (PatellaStore  *self,
         GError       **error)
{
  for (guint version = self->schema_version + 1; version <= patella_schema_n_migrations; version++)
    {
      g_autofree char *bump = g_strdup_printf ("PRAGMA user_version = %u;", version);
      g_autoptr(PatellaTransaction) tx = patella_store_transaction (self, error);
      gint64 current;

      if (tx == NULL || !patella_store_query_int_checked (self, "PRAGMA user_version;", &current, error))
        return FALSE;

      if (current >= version)
        {
          self->schema_version = (int) current;
          version = (guint) current;
          continue;
        }

      if (!patella_store_exec (self, patella_schema_migrations[version - 1], error) ||
          !patella_store_exec (self, bump, error) ||
          !patella_transaction_commit (tx, error))
        {
          g_prefix_error (error, _("Could not update the database to version %u: "), version);
          return FALSE;
        }

      self->schema_version = version;
      g_debug ("Migrated %s to schema version %u", self->path, version);
    }

  return TRUE;
}

/* @immutable: read-only, without the -shm file or locks. For a file on a
 * read-only medium, or one this user may not write, whose -wal file holds
 * nothing: no other program can be changing it, and no -shm file is left
 * behind with the wrong owner or mode. */
static gboolean
open_database (PatellaStore  *self,
               int            flags,
               gboolean       immutable,
               GError       **error)
{
  g_autofree char *uri = NULL;
  int rc;

  if (immutable)
    {
      g_autofree char *file_uri = g_filename_to_uri (self->path, NULL, NULL);

      uri = g_strconcat (file_uri, "?immutable=1", NULL);
      flags = SQLITE_OPEN_READONLY | SQLITE_OPEN_URI;
    }

  rc = sqlite3_open_v2 (uri != NULL ? uri : self->path, &self->db, flags | SQLITE_OPEN_NOFOLLOW,
                        NULL);
  if (rc != SQLITE_OK)
    {
      patella_store_set_error (self, rc, error);
      sqlite3_close_v2 (self->db);
      self->db = NULL;
      return FALSE;
    }

  sqlite3_extended_result_codes (self->db, TRUE);
  sqlite3_busy_timeout (self->db, (int) self->busy_timeout_ms);
  return TRUE;
}

void
patella_store_close_database (PatellaStore *self)
{
  g_hash_table_remove_all (self->statements);
  sqlite3_close_v2 (self->db);
  self->db = NULL;
}

/* Tells a Patella database, or a new empty one, from any other SQLite file. */
static gboolean
check_identity (PatellaStore  *self,
                GError       **error)
{
  g_autofree char *name = display_name (self->path);
  gint64 app_id;
  gint64 n_tables;

  gint64 version;

  /* The first read of a damaged file fails here, before anything is written.
   * One read transaction, so that another program creating the database at
   * the same moment is seen before or after, never half-way. */
  if (!patella_store_exec (self, "BEGIN;", error))
    return FALSE;

  if (!patella_store_query_int_checked (self, "SELECT count(*) FROM sqlite_master;", &n_tables, error) ||
      !patella_store_query_int_checked (self, "PRAGMA application_id;", &app_id, error) ||
      !patella_store_query_int_checked (self, "PRAGMA user_version;", &version, error))
    {
      sqlite3_exec (self->db, "ROLLBACK;", NULL, NULL, NULL);
      return FALSE;
    }

  sqlite3_exec (self->db, "COMMIT;", NULL, NULL, NULL);
  self->schema_version = (int) version;

  if (app_id == PATELLA_APPLICATION_ID)
    return TRUE;

  if (app_id == 0 && n_tables == 0 && self->schema_version == 0)
    return TRUE;

  g_set_error (error, PATELLA_ERROR, PATELLA_ERROR_NOT_DATABASE,
               _("“%s” is a database of another program, not Patella’s; it was left as it is"),
               name);
  return FALSE;
}

static gboolean
configure (PatellaStore  *self,
           GError       **error)
{
  if (!patella_store_exec (self, "PRAGMA foreign_keys = ON;", error))
    return FALSE;

  if (self->read_only_reason != NULL)
    return TRUE;

  /* Turning a new file to WAL needs it to itself for a moment, and SQLite
   * does not wait for that with the busy handler: another program opening
   * the same new file then gets "locked". Wait as long as the busy timeout. */
  for (guint waited_ms = 0;; waited_ms += 5)
    {
      int rc = sqlite3_exec (self->db, "PRAGMA journal_mode = WAL;", NULL, NULL, NULL);

      if (rc == SQLITE_OK)
        break;
      if ((rc & 0xff) != SQLITE_BUSY || waited_ms >= BUSY_TIMEOUT_MS)
        return patella_store_set_error (self, rc, error);
      g_usleep (5000);
    }

  return patella_store_exec (self, "PRAGMA synchronous = FULL;", error);
}

void
patella_store_remember_file (PatellaStore *self)
{
  struct stat st;

  if (g_stat (self->path, &st) == 0)
    {
      self->device = st.st_dev;
      self->inode = st.st_ino;
    }
}

/* Opens self->path: checks, creates, migrates. */
static gboolean
can_write (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);

  /* The folder too: the -wal and -shm files are made beside the file. */
  return access (path, W_OK) == 0 && access (dir, W_OK) == 0;
}

/* Whether the -wal file holds changes not yet copied into the file. */
static gboolean
wal_has_data (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  struct stat st;

  return g_stat (wal, &st) == 0 && st.st_size > 0;
}

gboolean
patella_store_open_file (PatellaStore  *self,
                         GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  gboolean exists;

  if (!check_header (self->path, &exists, error))
    return FALSE;

  if (!exists && !create_file (self->path, error))
    return FALSE;

  /* SQLite refuses a path with a symbolic link in it (the data folder is
   * often reached through one): it gets the real path. */
  {
    g_autofree char *real = realpath (self->path, NULL);

    if (real == NULL)
      {
        int saved = errno;
        g_autofree char *name = display_name (self->path);

        g_set_error (error, PATELLA_ERROR, patella_error_from_errno (saved),
                     _("Could not follow the path “%s”: %s"), name, g_strerror (saved));
        return FALSE;
      }
    g_free (self->path);
    self->path = g_steal_pointer (&real);
  }

  patella_store_remember_file (self);

  if (!can_write (self->path))
    {
      if (!open_database (self, SQLITE_OPEN_READONLY, !wal_has_data (self->path), error))
        return FALSE;
    }
  else if (!open_database (self, SQLITE_OPEN_READWRITE, FALSE, error))
    {
      return FALSE;
    }

  if (!check_identity (self, &local_error))
    {
      g_autofree char *name = display_name (self->path);

      /* A full disk leaves no room for the -shm file: read without it. */
      if (!g_error_matches (local_error, PATELLA_ERROR, PATELLA_ERROR_DISK_FULL) ||
          wal_has_data (self->path))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }

      g_clear_error (&local_error);
      patella_store_close_database (self);
      if (!open_database (self, SQLITE_OPEN_READONLY, TRUE, error) ||
          !check_identity (self, error))
        return FALSE;

      self->read_only_reason =
        g_error_new (PATELLA_ERROR, PATELLA_ERROR_DISK_FULL,
                     _("There is no room left on the disk of “%s”, so it is open read-only: "
                       "nothing can be saved until some disk space is freed."), name);
    }

  if (self->schema_version > PATELLA_SCHEMA_VERSION)
    {
      g_autofree char *name = display_name (self->path);

      patella_store_close_database (self);
      if (!open_database (self, SQLITE_OPEN_READONLY, FALSE, error))
        return FALSE;

      self->read_only_reason =
        g_error_new (PATELLA_ERROR, PATELLA_ERROR_NEWER_SCHEMA,
                     _("“%s” was saved by a newer version of Patella (data version %d; this "
                       "version knows up to %d). It is open read-only so that nothing is lost: "
                       "update Patella to make changes."),
                     name, self->schema_version, PATELLA_SCHEMA_VERSION);
    }
  else if (self->read_only_reason == NULL && sqlite3_db_readonly (self->db, "main") == 1)
    {
      g_autofree char *name = display_name (self->path);

      if (self->schema_version < PATELLA_SCHEMA_VERSION)
        {
          g_set_error (error, PATELLA_ERROR, PATELLA_ERROR_READ_ONLY,
                       _("“%s” can only be read and needs an update before Patella can use "
                         "it. Check that the file and its folder may be written to."), name);
          return FALSE;
        }

      self->read_only_reason =
        g_error_new (PATELLA_ERROR, PATELLA_ERROR_READ_ONLY,
                     _("“%s” can only be read, so changes cannot be saved. Check that the file "
                       "and its folder may be written to."), name);
    }

  if (!configure (self, error))
    return FALSE;

  if (self->read_only_reason == NULL && !migrate (self, error))
    return FALSE;

  self->data_version = -1;
  return TRUE;
}

/**
 * patella_store_get_default_path:
 *
 * Returns: (transfer full): `$PATELLA_DB` if set, else
 *   `$XDG_DATA_HOME/patella/patella.db`
 */
char *
patella_store_get_default_path (void)
{
  const char *env = g_getenv ("PATELLA_DB");

  if (env != NULL && *env != '\0')
    return g_strdup (env);

  return g_build_filename (g_get_user_data_dir (), "patella", "patella.db", NULL);
}

/**
 * patella_store_open:
 * @path: (nullable): the database file, or %NULL for the default
 * @clock: (nullable): the clock, or %NULL for the default one
 *
 * Opens (creating and migrating when needed) a Patella database. A file that
 * is not a Patella database is refused and never written to. A file written
 * by a newer Patella opens read-only; patella_store_get_read_only_reason()
 * says why.
 */
PatellaStore *
patella_store_open (const char    *path,
                    PatellaClock  *clock,
                    GError       **error)
{
  g_autoptr(PatellaStore) self = NULL;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (PATELLA_TYPE_STORE, NULL);
  self->path = path != NULL ? g_strdup (path) : patella_store_get_default_path ();
  self->clock = g_object_ref (clock != NULL ? clock : patella_clock_get_default ());

  if (!patella_store_open_file (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

const char *
patella_store_get_path (PatellaStore *self)
{
  g_return_val_if_fail (PATELLA_IS_STORE (self), NULL);

  return self->path;
}

PatellaClock *
patella_store_get_clock (PatellaStore *self)
{
  g_return_val_if_fail (PATELLA_IS_STORE (self), NULL);

  return self->clock;
}

gboolean
patella_store_is_read_only (PatellaStore *self)
{
  g_return_val_if_fail (PATELLA_IS_STORE (self), TRUE);

  return self->read_only_reason != NULL;
}

/**
 * patella_store_get_read_only_reason:
 *
 * Returns: (nullable) (transfer none): why the store is read-only, or %NULL
 */
const GError *
patella_store_get_read_only_reason (PatellaStore *self)
{
  g_return_val_if_fail (PATELLA_IS_STORE (self), NULL);

  return self->read_only_reason;
}

int
patella_store_get_schema_version (PatellaStore *self)
{
  g_return_val_if_fail (PATELLA_IS_STORE (self), 0);

  return self->schema_version;
}

/**
 * patella_store_upgrade:
 *
 * Brings a database whose content was replaced whole (a restored backup of
 * an older version) to this version's schema, as opening it would.
 */
gboolean
patella_store_upgrade (PatellaStore  *self,
                       GError       **error)
{
  gint64 version;

  g_return_val_if_fail (PATELLA_IS_STORE (self), FALSE);

  if (!patella_store_query_int_checked (self, "PRAGMA user_version;", &version, error))
    return FALSE;

  self->schema_version = (int) version;
  return migrate (self, error);
}

gboolean
patella_store_check_writable (PatellaStore  *self,
                              GError       **error)
{
  g_return_val_if_fail (PATELLA_IS_STORE (self), FALSE);

  if (self->read_only_reason != NULL)
    {
      g_propagate_error (error, g_error_copy (self->read_only_reason));
      return FALSE;
    }

  return TRUE;
}


void
patella_store_emit_changed (PatellaStore *self,
                            const char   *what)
{
  g_return_if_fail (PATELLA_IS_STORE (self));
  g_return_if_fail (what != NULL);

  g_signal_emit (self, signals[CHANGED], g_quark_from_string (what), what);
}


/**
 * patella_store_emit_all_changed:
 *
 * Says that any kind of data may have changed: after a restore, an import,
 * or another program's commit.
 */
void
patella_store_emit_all_changed (PatellaStore *self)
{
  g_return_if_fail (PATELLA_IS_STORE (self));

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    patella_store_emit_changed (self, kinds[i]);
}


/**
 * patella_store_set_busy_timeout:
 * @ms: how long a statement waits for another program's lock
 *
 * The app sets a short wait and tries a refused save again by itself, so
 * that its window never freezes for the default 5 s.
 */
void
patella_store_set_busy_timeout (PatellaStore *self,
                                guint         ms)
{
  g_return_if_fail (PATELLA_IS_STORE (self));

  self->busy_timeout_ms = ms;
  if (self->db != NULL)
    sqlite3_busy_timeout (self->db, (int) ms);
}

guint
patella_store_get_busy_timeout (PatellaStore *self)
{
  g_return_val_if_fail (PATELLA_IS_STORE (self), 0);

  return self->busy_timeout_ms;
}

/* After patella_store_reopen(): the views read everything again. */
void
patella_store_emit_reopened (PatellaStore *self)
{
  g_signal_emit (self, signals[REOPENED], 0);
  patella_store_emit_all_changed (self);
}
