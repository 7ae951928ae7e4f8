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
#include "patella-store-private.h"
#include "patella-store.h"

#define BUSY_TIMEOUT_MS 5000
#define SQLITE_MAGIC "SQLite format 3"

struct _PatellaStore
{
  GObject       parent_instance;

  char         *path;
  sqlite3      *db;
  PatellaClock *clock;
  GHashTable   *statements;
  GError       *read_only_reason;
  guint         depth;
  int           schema_version;
  guint         busy_timeout_ms;

  /* Watching for other programs' commits (patella_store_watch()). */
  GFileMonitor *monitor;
  guint         check_source;
  gint64        data_version;
  dev_t         device;
  ino_t         inode;
};

G_DEFINE_FINAL_TYPE (PatellaStore, patella_store, G_TYPE_OBJECT)

static gboolean file_was_replaced (PatellaStore *self);
static void     reopen            (PatellaStore *self);

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

/**
 * patella_store_set_error:
 * @rc: an SQLite result code
 *
 * Turns an SQLite failure into a #PatellaError a person can act on.
 *
 * Returns: %FALSE, always, so that callers can `return patella_store_set_error (…)`
 */
gboolean
patella_store_set_error (PatellaStore  *self,
                         int            rc,
                         GError       **error)
{
  g_autofree char *name = NULL;
  const char *detail;

  g_return_val_if_fail (PATELLA_IS_STORE (self), FALSE);

  name = display_name (self->path);
  detail = self->db != NULL ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc);
  g_debug ("SQLite error %d on %s: %s", rc, self->path, detail);

  switch (rc & 0xff)
    {
    case SQLITE_NOTADB:
    case SQLITE_CORRUPT:
      g_set_error (error, PATELLA_ERROR, PATELLA_ERROR_NOT_DATABASE,
                   _("“%s” is not a Patella database or is damaged; it was left as it is"),
                   name);
      break;

    case SQLITE_FULL:
      g_set_error (error, PATELLA_ERROR, PATELLA_ERROR_DISK_FULL,
                   _("There is no room left to save to “%s”. Nothing was changed; free some "
                     "disk space and try again."), name);
      break;

    case SQLITE_READONLY:
    case SQLITE_PERM:
      g_set_error (error, PATELLA_ERROR, PATELLA_ERROR_READ_ONLY,
                   _("“%s” can only be read, so nothing was changed. Check that the file and "
                     "its folder may be written to."), name);
      break;

    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error (error, PATELLA_ERROR, PATELLA_ERROR_BUSY,
                   _("Another program is using “%s”, so nothing was changed. Try again in a "
                     "moment."), name);
      break;

    case SQLITE_CONSTRAINT:
      g_set_error (error, PATELLA_ERROR, PATELLA_ERROR_CONSTRAINT,
                   _("The change was refused because it breaks a rule of the data (%s); "
                     "nothing was changed"), detail);
      break;

    case SQLITE_IOERR:
      if (self->db != NULL && sqlite3_system_errno (self->db) == ENOSPC)
        {
          g_set_error (error, PATELLA_ERROR, PATELLA_ERROR_DISK_FULL,
                       _("There is no room left to save to “%s”. Nothing was changed; free "
                         "some disk space and try again."), name);
          break;
        }
      G_GNUC_FALLTHROUGH;
    case SQLITE_CANTOPEN:
      g_set_error (error, PATELLA_ERROR, PATELLA_ERROR_IO,
                   _("Could not read or write “%s”: %s"), name, detail);
      break;

    default:
      g_set_error (error, PATELLA_ERROR, PATELLA_ERROR_FAILED,
                   _("The database “%s” reported an error: %s"), name, detail);
      break;
    }

  return FALSE;
}

gboolean
patella_store_exec (PatellaStore  *self,
                    const char    *sql,
                    GError       **error)
{
  int rc;

  g_return_val_if_fail (PATELLA_IS_STORE (self), FALSE);
  g_return_val_if_fail (sql != NULL, FALSE);

  rc = sqlite3_exec (self->db, sql, NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    return patella_store_set_error (self, rc, error);

  return TRUE;
}

/**
 * patella_store_query_int:
 *
 * Runs a constant query (no user text) that yields one integer.
 */
gint64
patella_store_query_int (PatellaStore *self,
                         const char   *sql,
                         gint64        fallback)
{
  g_autoptr(PatellaStmt) stmt = NULL;

  g_return_val_if_fail (PATELLA_IS_STORE (self), fallback);

  stmt = patella_store_prepare (self, sql, NULL);
  if (stmt == NULL || sqlite3_step (stmt) != SQLITE_ROW)
    return fallback;

  return sqlite3_column_int64 (stmt, 0);
}

/**
 * patella_store_find_id:
 * @sql: a query that yields the id of one row, with @text as ?1
 * @text: (nullable): what to look for; %NULL finds nothing
 *
 * Returns: the id found, 0 when there is no such row, or -1 with @error set
 */
gint64
patella_store_find_id (PatellaStore  *self,
                       const char    *sql,
                       const char    *text,
                       GError       **error)
{
  g_autoptr(PatellaStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (PATELLA_IS_STORE (self), -1);

  if (text == NULL)
    return 0;

  stmt = patella_store_prepare (self, sql, error);
  if (stmt == NULL)
    return -1;

  sqlite3_bind_text (stmt, 1, text, -1, SQLITE_TRANSIENT);
  rc = patella_store_step (self, stmt, error);
  if (rc == SQLITE_ROW)
    return sqlite3_column_int64 (stmt, 0);

  return rc == SQLITE_DONE ? 0 : -1;
}

/**
 * patella_store_find_same:
 * @uuid_sql: a query for the row with the identity ?1
 * @uuid: (nullable): the identity
 * @key_sql: a query for the row with the key ?1 (a name, a day)
 * @key: (nullable): the key
 * @same: (out): whether the row found has @uuid
 *
 * Finds the row an imported item stands for: the one with its identity,
 * else the one with its key.
 *
 * Returns: the id found, 0 when there is none, or -1 with @error set
 */
gint64
patella_store_find_same (PatellaStore  *self,
                         const char    *uuid_sql,
                         const char    *uuid,
                         const char    *key_sql,
                         const char    *key,
                         gboolean      *same,
                         GError       **error)
{
  gint64 id = patella_store_find_id (self, uuid_sql, uuid, error);

  *same = id > 0;
  if (id == 0)
    id = patella_store_find_id (self, key_sql, key, error);
  return id;
}

static gboolean
query_int_checked (PatellaStore  *self,
                   const char    *sql,
                   gint64        *value,
                   GError       **error)
{
  g_autoptr(PatellaStmt) stmt = NULL;
  int rc;

  stmt = patella_store_prepare (self, sql, error);
  if (stmt == NULL)
    return FALSE;

  rc = patella_store_step (self, stmt, error);
  if (rc < 0)
    return FALSE;

  *value = rc == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
  return TRUE;
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

      if (tx == NULL || !query_int_checked (self, "PRAGMA user_version;", &current, error))
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

static void
close_database (PatellaStore *self)
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

  if (!query_int_checked (self, "SELECT count(*) FROM sqlite_master;", &n_tables, error) ||
      !query_int_checked (self, "PRAGMA application_id;", &app_id, error) ||
      !query_int_checked (self, "PRAGMA user_version;", &version, error))
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

static void
remember_file (PatellaStore *self)
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

static gboolean
open_file (PatellaStore  *self,
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

  remember_file (self);

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
      close_database (self);
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

      close_database (self);
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

  if (!open_file (self, error))
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

  if (!query_int_checked (self, "PRAGMA user_version;", &version, error))
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

sqlite3 *
patella_store_get_db (PatellaStore *self)
{
  g_return_val_if_fail (PATELLA_IS_STORE (self), NULL);

  return self->db;
}

/**
 * patella_store_prepare:
 * @sql: a statement with `?` parameters; a string that lives as long as the
 *   program (it keys the statement cache)
 *
 * Returns: (transfer none): a reset statement; release it with
 *   patella_stmt_release() (or g_autoptr(PatellaStmt)), never finalize it
 */
PatellaStmt *
patella_store_prepare (PatellaStore  *self,
                       const char    *sql,
                       GError       **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (PATELLA_IS_STORE (self), NULL);
  g_return_val_if_fail (sql != NULL, NULL);

  stmt = g_hash_table_lookup (self->statements, sql);
  if (stmt != NULL)
    return stmt;

  rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      patella_store_set_error (self, rc, error);
      return NULL;
    }

  g_hash_table_insert (self->statements, (gpointer) sql, stmt);
  return stmt;
}

/**
 * patella_store_step:
 *
 * Returns: %SQLITE_ROW or %SQLITE_DONE, or -1 with @error set
 */
int
patella_store_step (PatellaStore  *self,
                    PatellaStmt   *stmt,
                    GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW || rc == SQLITE_DONE)
    return rc;

  patella_store_set_error (self, rc, error);
  return -1;
}

gboolean
patella_store_step_done (PatellaStore  *self,
                         PatellaStmt   *stmt,
                         GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_DONE || rc == SQLITE_ROW)
    return TRUE;

  return patella_store_set_error (self, rc, error);
}

void
patella_stmt_release (PatellaStmt *stmt)
{
  if (stmt == NULL)
    return;

  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
}

/* Binds @value, or NULL when it is @none: a column a row may leave empty. */
void
patella_stmt_bind_optional (PatellaStmt *stmt,
                            int          index,
                            gint64       value,
                            gint64       none)
{
  if (value == none)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_int64 (stmt, index, value);
}

/* Binds @text, or NULL when it is %NULL. */
void
patella_stmt_bind_optional_text (PatellaStmt *stmt,
                                 int          index,
                                 const char  *text)
{
  if (text == NULL)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

/* Returns: (nullable): column @column of the current row, %NULL for NULL */
char *
patella_stmt_dup_text (PatellaStmt *stmt,
                       int          column)
{
  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    return NULL;

  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

/**
 * patella_store_step_row:
 * @missing: the message for %PATELLA_ERROR_NOT_FOUND when there is no row:
 *   what is gone and why it may be
 *
 * Steps @stmt to the one row a lookup by id expects.
 *
 * Returns: %TRUE on a row, %FALSE with @error set otherwise
 */
gboolean
patella_store_step_row (PatellaStore  *self,
                        PatellaStmt   *stmt,
                        const char    *missing,
                        GError       **error)
{
  int rc;

  g_return_val_if_fail (PATELLA_IS_STORE (self), FALSE);
  g_return_val_if_fail (missing != NULL, FALSE);

  rc = patella_store_step (self, stmt, error);
  if (rc == SQLITE_DONE)
    return patella_error_refuse (error, PATELLA_ERROR_NOT_FOUND, "%s", missing);

  return rc == SQLITE_ROW;
}

/**
 * patella_store_collect:
 * @from_row: makes an element of the current row
 * @free_func: frees an element
 *
 * Steps @stmt to its end, one element a row.
 *
 * Returns: (transfer full): the elements in the statement's order, or %NULL
 *   with @error set
 */
GPtrArray *
patella_store_collect (PatellaStore    *self,
                       PatellaStmt     *stmt,
                       PatellaRowFunc   from_row,
                       GDestroyNotify   free_func,
                       GError         **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (free_func);
  int rc;

  g_return_val_if_fail (PATELLA_IS_STORE (self), NULL);
  g_return_val_if_fail (from_row != NULL, NULL);

  while ((rc = patella_store_step (self, stmt, error)) == SQLITE_ROW)
    g_ptr_array_add (rows, from_row (stmt));

  if (rc != SQLITE_DONE)
    return NULL;

  return g_steal_pointer (&rows);
}

/* Starts a write transaction, or a savepoint inside one: only through
 * patella_store_transaction(), which rolls it back when it is dropped. */
static gboolean
patella_store_begin (PatellaStore  *self,
                     GError       **error)
{
  g_return_val_if_fail (PATELLA_IS_STORE (self), FALSE);

  /* A write must never go to a file that was replaced under us. */
  if (self->depth == 0 && file_was_replaced (self))
    reopen (self);

  if (!patella_store_check_writable (self, error))
    return FALSE;

  if (!patella_store_exec (self, self->depth == 0 ? "BEGIN IMMEDIATE;" : "SAVEPOINT nested;",
                           error))
    return FALSE;

  self->depth++;
  return TRUE;
}

static gboolean
patella_store_commit (PatellaStore  *self,
                      GError       **error)
{
  g_return_val_if_fail (PATELLA_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->depth > 0, FALSE);

  if (!patella_store_exec (self, self->depth == 1 ? "COMMIT;" : "RELEASE nested;", error))
    return FALSE;

  self->depth--;
  return TRUE;
}

static void
patella_store_rollback (PatellaStore *self)
{
  g_return_if_fail (PATELLA_IS_STORE (self));

  if (self->depth == 0)
    return;

  if (self->depth == 1)
    sqlite3_exec (self->db, "ROLLBACK;", NULL, NULL, NULL);
  else
    sqlite3_exec (self->db, "ROLLBACK TO nested; RELEASE nested;", NULL, NULL, NULL);

  self->depth--;
}

struct _PatellaTransaction
{
  PatellaStore *store;
  gboolean committed;
};

/**
 * patella_store_transaction:
 *
 * Starts a write transaction (or a savepoint inside one) that is rolled back
 * when it is freed uncommitted:
 *
 * |[<!-- language="C" -->
 * g_autoptr(PatellaTransaction) tx = patella_store_transaction (store, error);
 *
 * if (tx == NULL || !write_something (store, error))
 *   return FALSE;
 * return patella_transaction_commit (tx, error);
 * ]|
 *
 * Declare it before the statements it covers, so that they are released
 * first.
 *
 * Returns: (transfer full) (nullable): the transaction, or %NULL with @error set
 */
PatellaTransaction *
patella_store_transaction (PatellaStore  *self,
                           GError       **error)
{
  PatellaTransaction *tx;

  g_return_val_if_fail (PATELLA_IS_STORE (self), NULL);

  if (!patella_store_begin (self, error))
    return NULL;

  tx = g_new0 (PatellaTransaction, 1);
  tx->store = g_object_ref (self);
  return tx;
}

/**
 * patella_transaction_commit:
 *
 * Commits @tx. When the commit fails, freeing @tx rolls it back.
 */
gboolean
patella_transaction_commit (PatellaTransaction  *tx,
                            GError             **error)
{
  g_return_val_if_fail (tx != NULL, FALSE);
  g_return_val_if_fail (!tx->committed, FALSE);

  if (!patella_store_commit (tx->store, error))
    return FALSE;

  tx->committed = TRUE;
  return TRUE;
}

/**
 * patella_transaction_free:
 *
 * Rolls @tx back unless it was committed, and frees it.
 */
void
patella_transaction_free (PatellaTransaction *tx)
{
  if (tx == NULL)
    return;

  if (!tx->committed)
    patella_store_rollback (tx->store);
  g_object_unref (tx->store);
  g_free (tx);
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
          g_autofree char *name = display_name (from);

          g_set_error (error, PATELLA_ERROR, patella_error_from_errno (saved),
                       _("Could not move “%s” aside: %s"), name, g_strerror (saved));
          return FALSE;
        }
    }

  if (new_path != NULL)
    *new_path = g_steal_pointer (&target);

  return TRUE;
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

static gboolean
file_was_replaced (PatellaStore *self)
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
static void
reopen (PatellaStore *self)
{
  g_autoptr(GError) error = NULL;

  g_debug ("%s was replaced; opening the new file", self->path);

  /* The -wal file beside the path still holds the old file's pages, and a
   * connection to the new file would read them as its own: empty it into
   * the old file first. */
  sqlite3_exec (self->db, "PRAGMA wal_checkpoint(TRUNCATE);", NULL, NULL, NULL);
  close_database (self);
  g_clear_error (&self->read_only_reason);
  self->depth = 0;

  if (!open_file (self, &error))
    {
      g_autofree char *name = display_name (self->path);

      g_message ("Could not open the replaced database: %s", error->message);
      if (self->db != NULL)
        close_database (self);
      sqlite3_open_v2 (":memory:", &self->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_MEMORY, NULL);
      self->read_only_reason =
        g_error_new (PATELLA_ERROR, PATELLA_ERROR_NOT_DATABASE,
                     _("“%s” was replaced by another program with a file Patella cannot use "
                       "(%s). Nothing was written to it; restart Patella once the file is "
                       "right."), name, error->message);
      remember_file (self);
    }

  g_signal_emit (self, signals[REOPENED], 0);
  patella_store_emit_all_changed (self);
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

  if (file_was_replaced (self))
    {
      reopen (self);
      return TRUE;
    }

  if (!query_int_checked (self, "PRAGMA data_version;", &version, NULL))
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
  query_int_checked (self, "PRAGMA data_version;", &self->data_version, NULL);
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
