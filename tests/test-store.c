/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <sys/stat.h>
#include <unistd.h>

#include "patella-error.h"
#include "patella-notifier.h"
#include "patella-store-private.h"
#include "patella-store.h"
#include "patella-test-db.h"
#include "patella-test-utils.h"

typedef struct
{
  char *dir;
  char *path;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->dir = patella_test_make_dir ();
  fixture->path = g_build_filename (fixture->dir, "nested", "folder", "patella.db", NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  patella_test_remove_dir (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
}

/* The fixture's database, opened; a test fails if it does not open. */
static PatellaStore *
open_store (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  PatellaStore *store = patella_store_open (fixture->path, NULL, &error);

  g_assert_no_error (error);
  return store;
}

static void
test_create (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(PatellaStore) store = NULL;
  g_autofree char *folder = g_path_get_dirname (fixture->path);
  struct stat st;

  store = open_store (fixture);
  g_assert_nonnull (store);

  g_assert_false (patella_store_is_read_only (store));
  g_assert_cmpint (patella_store_get_schema_version (store), ==, PATELLA_SCHEMA_VERSION);
  g_assert_cmpint (patella_store_query_int (store, "PRAGMA application_id;", 0), ==,
                   PATELLA_APPLICATION_ID);
  g_assert_cmpint (patella_store_query_int (store, "PRAGMA synchronous;", 0), ==, 2);
  g_assert_cmpint (patella_store_query_int (store, "PRAGMA foreign_keys;", 0), ==, 1);
  g_assert_cmpint (patella_store_query_int (store,
                                            "SELECT count(*) FROM sqlite_master "
                                            "WHERE name IN ('journal_entry', 'journal_symptom', "
                                            "'shoe', 'run', 'session', 'notification_sent');",
                                            0), ==, 6);

  g_assert_cmpint (g_stat (fixture->path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpint (g_stat (folder, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);

  g_clear_object (&store);
  g_assert_cmpint (patella_test_db_query_int (fixture->path, "PRAGMA user_version;"), ==,
                   PATELLA_SCHEMA_VERSION);
}

static void
test_wal_mode (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(PatellaStore) store = NULL;
  g_autoptr(PatellaStmt) stmt = NULL;
  g_autoptr(GError) error = NULL;

  store = open_store (fixture);

  stmt = patella_store_prepare (store, "PRAGMA journal_mode;", &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "wal");
}

static void
test_reopen_keeps_data (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(PatellaStore) store = NULL;
  g_autoptr(GError) error = NULL;

  store = open_store (fixture);
  g_assert_true (patella_store_exec (store,
                                     "INSERT INTO shoe (name, created_us) VALUES ('Road pair', 1);",
                                     &error));
  g_assert_no_error (error);
  g_clear_object (&store);

  store = open_store (fixture);
  g_assert_cmpint (patella_store_query_int (store, "SELECT count(*) FROM shoe;", -1), ==, 1);
  g_assert_cmpint (patella_store_get_schema_version (store), ==, PATELLA_SCHEMA_VERSION);
}

static void
test_migrate_empty_file (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(PatellaStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "empty.db", NULL);
  g_autofree char *sqlite_path = g_build_filename (fixture->dir, "blank-sqlite.db", NULL);

  /* A zero-byte file, as `touch` leaves it, becomes a new database. */
  g_assert_true (g_file_set_contents (path, "", 0, NULL));
  store = patella_store_open (path, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (patella_store_get_schema_version (store), ==, PATELLA_SCHEMA_VERSION);
  g_clear_object (&store);

  /* So does a SQLite file with nothing in it yet. */
  patella_test_db_exec (sqlite_path, "PRAGMA user_version = 0; VACUUM;");
  store = patella_store_open (sqlite_path, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (patella_test_db_query_int (sqlite_path, "PRAGMA user_version;"), ==,
                   PATELLA_SCHEMA_VERSION);
}

static void
test_newer_schema_read_only (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(PatellaStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  const GError *reason;

  store = open_store (fixture);
  g_clear_object (&store);
  patella_test_db_exec (fixture->path, "PRAGMA user_version = 99; PRAGMA journal_mode = DELETE;");
  before = patella_test_file_checksum (fixture->path);

  store = open_store (fixture);
  g_assert_nonnull (store);
  g_assert_true (patella_store_is_read_only (store));

  reason = patella_store_get_read_only_reason (store);
  g_assert_error (reason, PATELLA_ERROR, PATELLA_ERROR_NEWER_SCHEMA);
  g_assert_nonnull (strstr (reason->message, "newer version of Patella"));
  g_assert_nonnull (strstr (reason->message, "patella.db"));

  /* Reading works; writing is refused with the reason. */
  g_assert_cmpint (patella_store_query_int (store, "SELECT count(*) FROM shoe;", -1), ==, 0);
  g_assert_null (patella_store_transaction (store, &error));
  g_assert_error (error, PATELLA_ERROR, PATELLA_ERROR_NEWER_SCHEMA);
  g_clear_error (&error);
  g_assert_false (patella_notification_mark_sent (store, "x", &error));
  g_assert_error (error, PATELLA_ERROR, PATELLA_ERROR_NEWER_SCHEMA);
  g_clear_object (&store);

  after = patella_test_file_checksum (fixture->path);
  g_assert_cmpstr (before, ==, after);
}

/* A file that is not Patella's database is refused as one, named in the
 * message, and left byte for byte as it was. */
typedef struct
{
  const char *name;                          /* NULL: the fixture's database */
  void      (*write) (Fixture    *fixture,
                      const char *path);
} NotDatabaseCase;

static void
write_random_bytes (Fixture    *fixture,
                    const char *path)
{
  patella_test_write_random_file (path, 65536);
}

static void
write_text (Fixture    *fixture,
            const char *path)
{
  g_assert_true (g_file_set_contents (path, "my running notes\n", -1, NULL));
}

static void
write_foreign_database (Fixture    *fixture,
                        const char *path)
{
  patella_test_db_exec (path, "CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('Ada');");
}

/* Patella's own database, its header kept and its schema page scrambled. */
static void
write_damaged_database (Fixture    *fixture,
                        const char *path)
{
  g_autoptr(PatellaStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  store = patella_store_open (path, NULL, &error);
  g_assert_no_error (error);
  g_clear_object (&store);
  patella_test_db_exec (path, "PRAGMA journal_mode = DELETE;");

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 4096);
  for (gsize i = 100; i < 4096; i++)
    contents[i] = (char) (i * 7);
  g_assert_true (g_file_set_contents (path, contents, length, NULL));
}

static const NotDatabaseCase random_bytes = { "noise.db", write_random_bytes };
static const NotDatabaseCase text_file = { "notes.txt", write_text };
static const NotDatabaseCase foreign_database = { "other.db", write_foreign_database };
static const NotDatabaseCase damaged_database = { NULL, write_damaged_database };

static void
test_not_database_untouched (Fixture       *fixture,
                             gconstpointer  data)
{
  const NotDatabaseCase *c = data;
  g_autoptr(PatellaStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = c->name != NULL ? g_build_filename (fixture->dir, c->name, NULL)
                                          : g_strdup (fixture->path);
  g_autofree char *name = g_path_get_basename (path);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  c->write (fixture, path);
  before = patella_test_file_checksum (path);

  store = patella_store_open (path, NULL, &error);
  g_assert_null (store);
  g_assert_error (error, PATELLA_ERROR, PATELLA_ERROR_NOT_DATABASE);
  g_assert_nonnull (strstr (error->message, name));

  after = patella_test_file_checksum (path);
  g_assert_cmpstr (before, ==, after);
  /* Nor is a database of Patella's own made beside it. */
  if (c->name != NULL)
    g_assert_false (g_file_test (fixture->path, G_FILE_TEST_EXISTS));
}

static void
test_folder_is_not_database (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(PatellaStore) store = NULL;
  g_autoptr(GError) error = NULL;

  store = patella_store_open (fixture->dir, NULL, &error);
  g_assert_null (store);
  g_assert_error (error, PATELLA_ERROR, PATELLA_ERROR_NOT_DATABASE);
}

static void
test_read_only_file (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(PatellaStore) store = NULL;
  g_autofree char *folder = g_path_get_dirname (fixture->path);

  if (geteuid () == 0)
    {
      g_test_skip ("root may write to any file");
      return;
    }

  store = open_store (fixture);
  g_clear_object (&store);
  patella_test_db_exec (fixture->path, "PRAGMA journal_mode = DELETE;");
  g_assert_cmpint (g_chmod (fixture->path, 0400), ==, 0);
  g_assert_cmpint (g_chmod (folder, 0500), ==, 0);

  store = open_store (fixture);
  g_assert_true (patella_store_is_read_only (store));
  g_assert_error (patella_store_get_read_only_reason (store), PATELLA_ERROR,
                  PATELLA_ERROR_READ_ONLY);

  g_chmod (folder, 0700);
}

static void
test_default_path (void)
{
  g_autofree char *path = NULL;
  g_autofree char *expected = NULL;

  g_setenv ("PATELLA_DB", "/tmp/somewhere/else.db", TRUE);
  path = patella_store_get_default_path ();
  g_assert_cmpstr (path, ==, "/tmp/somewhere/else.db");
  g_clear_pointer (&path, g_free);

  g_unsetenv ("PATELLA_DB");
  path = patella_store_get_default_path ();
  expected = g_build_filename (g_get_user_data_dir (), "patella", "patella.db", NULL);
  g_assert_cmpstr (path, ==, expected);
}

static void
test_transactions (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(PatellaStore) store = NULL;
  g_autoptr(GError) error = NULL;

  store = open_store (fixture);

  {
    g_autoptr(PatellaTransaction) outer = patella_store_transaction (store, &error);
    g_autoptr(PatellaTransaction) inner = NULL;

    g_assert_nonnull (outer);
    g_assert_true (patella_store_exec (store,
                                       "INSERT INTO shoe (name, created_us) VALUES ('A', 1);",
                                       &error));
    inner = patella_store_transaction (store, &error);
    g_assert_nonnull (inner);
    g_assert_true (patella_store_exec (store,
                                       "INSERT INTO shoe (name, created_us) VALUES ('B', 1);",
                                       &error));
    /* Dropped uncommitted: the savepoint is rolled back, the outer kept. */
    g_clear_pointer (&inner, patella_transaction_free);
    g_assert_true (patella_transaction_commit (outer, &error));
    g_assert_no_error (error);
  }
  g_assert_cmpint (patella_store_query_int (store, "SELECT count(*) FROM shoe;", -1), ==, 1);

  {
    g_autoptr(PatellaTransaction) tx = patella_store_transaction (store, &error);

    g_assert_nonnull (tx);
    g_assert_true (patella_store_exec (store,
                                       "INSERT INTO shoe (name, created_us) VALUES ('C', 1);",
                                       &error));
  }
  g_assert_cmpint (patella_store_query_int (store, "SELECT count(*) FROM shoe;", -1), ==, 1);
}

static void
test_constraint_error (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(PatellaStore) store = NULL;
  g_autoptr(GError) error = NULL;

  store = open_store (fixture);

  g_assert_false (patella_store_exec (store,
                                      "INSERT INTO journal_entry (day, pain_rest, created_us, "
                                      "updated_us) VALUES ('2026-03-01', 11, 0, 0);",
                                      &error));
  g_assert_error (error, PATELLA_ERROR, PATELLA_ERROR_CONSTRAINT);
  g_clear_error (&error);

  g_assert_true (patella_store_exec (store,
                                     "INSERT INTO shoe (name, created_us) VALUES ('Road pair', 1);",
                                     &error));
  g_assert_false (patella_store_exec (store,
                                      "INSERT INTO shoe (name, created_us) VALUES ('ROAD PAIR', 1);",
                                      &error));
  g_assert_error (error, PATELLA_ERROR, PATELLA_ERROR_CONSTRAINT);
}

static void
test_busy_error (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(PatellaStore) store = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *other = NULL;

  store = open_store (fixture);
  sqlite3_busy_timeout (patella_store_get_db (store), 50);

  g_assert_cmpint (sqlite3_open (fixture->path, &other), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (other, "BEGIN EXCLUSIVE;", NULL, NULL, NULL), ==, SQLITE_OK);

  g_assert_null (patella_store_transaction (store, &error));
  g_assert_error (error, PATELLA_ERROR, PATELLA_ERROR_BUSY);
  g_assert_nonnull (strstr (error->message, "Another program"));
  g_clear_error (&error);

  sqlite3_exec (other, "ROLLBACK;", NULL, NULL, NULL);
  sqlite3_close (other);

  {
    g_autoptr(PatellaTransaction) tx = patella_store_transaction (store, &error);

    g_assert_nonnull (tx);
    g_assert_true (patella_transaction_commit (tx, &error));
    g_assert_no_error (error);
  }
}

static void
test_move_aside (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(PatellaClock) clock = patella_clock_new_fake (G_GINT64_CONSTANT (1773500000) *
                                                          G_USEC_PER_SEC);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "patella.db", NULL);
  g_autofree char *moved = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  patella_test_write_random_file (path, 4096);
  before = patella_test_file_checksum (path);

  g_assert_true (patella_store_move_aside (path, clock, &moved, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_true (g_str_has_prefix (moved, path));
  g_assert_nonnull (strstr (moved, ".corrupt-2026031"));

  after = patella_test_file_checksum (moved);
  g_assert_cmpstr (before, ==, after);
}

static void
test_notification_once (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(PatellaStore) store = NULL;
  g_autoptr(PatellaNotifier) notifier = patella_recording_notifier_new ();
  g_autoptr(PatellaNotification) n = patella_notification_new ("shoe-warn:1", "Title", "Body",
                                                                "x-patella.shoe");
  g_autoptr(GError) error = NULL;
  PatellaRecordingNotifier *recording = PATELLA_RECORDING_NOTIFIER (notifier);

  store = open_store (fixture);

  g_assert_true (patella_notifier_send_once (notifier, store, n, &error));
  g_assert_false (patella_notifier_send_once (notifier, store, n, &error));
  g_assert_cmpuint (patella_recording_notifier_count (recording, "shoe-warn:"), ==, 1);

  /* A restart does not repeat it. */
  g_clear_object (&store);
  store = patella_store_open (fixture->path, NULL, &error);
  g_assert_false (patella_notifier_send_once (notifier, store, n, &error));
  g_assert_cmpuint (patella_recording_notifier_count (recording, NULL), ==, 1);

  /* Forgetting re-arms it. */
  g_assert_true (patella_notification_forget (store, "shoe-warn:1", &error));
  g_assert_true (patella_notifier_send_once (notifier, store, n, &error));
  g_assert_cmpuint (patella_recording_notifier_count (recording, NULL), ==, 2);
  g_assert_no_error (error);
}

static gint64
count_shoes (PatellaStore *store)
{
  return patella_store_query_int (store, "SELECT count(*) FROM shoe;", -1);
}

static void
insert_shoe (PatellaStore *store,
             const char   *name)
{
  g_autofree char *sql = g_strdup_printf ("INSERT INTO shoe (name, created_us)"
                                          " VALUES ('%s', 0);", name);

  g_assert_true (patella_store_exec (store, sql, NULL));
}

/* A transaction dropped without a commit undoes its work, an inner one
 * included; a committed one stays, and so does nothing else. */
static void
test_transaction_rolls_back (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PatellaStore) store = patella_store_open (fixture->path, NULL, &error);

  g_assert_no_error (error);

  {
    g_autoptr(PatellaTransaction) tx = patella_store_transaction (store, &error);

    g_assert_nonnull (tx);
    insert_shoe (store, "dropped");
  }
  g_assert_cmpint (count_shoes (store), ==, 0);

  {
    g_autoptr(PatellaTransaction) outer = patella_store_transaction (store, &error);

    insert_shoe (store, "outer");
    {
      g_autoptr(PatellaTransaction) inner = patella_store_transaction (store, &error);

      insert_shoe (store, "inner");
      g_assert_true (patella_transaction_commit (inner, &error));
    }
    g_assert_cmpint (count_shoes (store), ==, 2);
  }
  g_assert_cmpint (count_shoes (store), ==, 0);

  {
    g_autoptr(PatellaTransaction) tx = patella_store_transaction (store, &error);

    insert_shoe (store, "kept");
    g_assert_true (patella_transaction_commit (tx, &error));
    g_assert_no_error (error);
  }
  g_assert_cmpint (patella_test_db_query_int (fixture->path, "SELECT count(*) FROM shoe"
                                                             " WHERE name = 'kept';"), ==, 1);
}

/* What the file system refused says what the user can do about it. */
static void
test_errno_codes (void)
{
  g_assert_cmpint (patella_error_from_errno (ENOENT), ==, PATELLA_ERROR_NOT_FOUND);
  g_assert_cmpint (patella_error_from_errno (EACCES), ==, PATELLA_ERROR_READ_ONLY);
  g_assert_cmpint (patella_error_from_errno (EPERM), ==, PATELLA_ERROR_READ_ONLY);
  g_assert_cmpint (patella_error_from_errno (EROFS), ==, PATELLA_ERROR_READ_ONLY);
  g_assert_cmpint (patella_error_from_errno (ENOSPC), ==, PATELLA_ERROR_DISK_FULL);
  g_assert_cmpint (patella_error_from_errno (EIO), ==, PATELLA_ERROR_IO);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD_DATA(name, data, func) \
  g_test_add ("/store/" name, Fixture, data, fixture_set_up, func, fixture_tear_down)
#define ADD(name, func) ADD_DATA (name, NULL, func)

  ADD ("create", test_create);
  ADD ("transaction-rolls-back", test_transaction_rolls_back);
  g_test_add_func ("/store/errno-codes", test_errno_codes);
  ADD ("wal-mode", test_wal_mode);
  ADD ("reopen-keeps-data", test_reopen_keeps_data);
  ADD ("migrate-empty-file", test_migrate_empty_file);
  ADD ("newer-schema-read-only", test_newer_schema_read_only);
  ADD_DATA ("random-bytes-untouched", &random_bytes, test_not_database_untouched);
  ADD_DATA ("text-file-untouched", &text_file, test_not_database_untouched);
  ADD_DATA ("foreign-database-untouched", &foreign_database, test_not_database_untouched);
  ADD_DATA ("damaged-database-untouched", &damaged_database, test_not_database_untouched);
  ADD ("folder-is-not-database", test_folder_is_not_database);
  ADD ("read-only-file", test_read_only_file);
  ADD ("transactions", test_transactions);
  ADD ("constraint-error", test_constraint_error);
  ADD ("busy-error", test_busy_error);
  ADD ("move-aside", test_move_aside);
  ADD ("notification-once", test_notification_once);
  g_test_add_func ("/store/default-path", test_default_path);

#undef ADD
#undef ADD_DATA

  return g_test_run ();
}
