/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <sys/stat.h>
#include <sqlite3.h>

#include "patella-backup.h"
#include "patella-error.h"
#include "patella-journal.h"
#include "patella-schema.h"
#include "patella-test-data.h"
#include "patella-test-db.h"
#include "patella-test-store.h"
#include "patella-test-utils.h"

#define DAY_US (G_GINT64_CONSTANT (86400) * G_USEC_PER_SEC)

typedef PatellaStoreFixture Fixture;

#define fixture_set_up patella_store_fixture_set_up
#define fixture_tear_down patella_store_fixture_tear_down

static void
assert_mode (const char *path,
             guint       mode)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, mode);
}

static void
test_daily_and_keep_seven (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) backups = NULL;
  g_autofree char *folder = g_build_filename (fixture->dir, "backups", NULL);
  g_autofree char *notes = g_build_filename (fixture->dir, "backups", "notes.txt", NULL);
  g_autofree char *folder_got = NULL;
  g_autofree char *first = NULL;
  g_autofree char *same = NULL;
  gboolean made = FALSE;

  folder_got = patella_backup_get_folder (fixture->path);
  g_assert_cmpstr (folder_got, ==, folder);
  backups = patella_backup_list (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (backups->len, ==, 0);
  g_clear_pointer (&backups, g_ptr_array_unref);

  patella_test_fill_store (fixture->store);
  first = patella_backup_run_daily (fixture->store, &made, &error);
  g_assert_no_error (error);
  g_assert_true (made);
  g_assert_true (g_str_has_suffix (first, "/backups/patella-2026-03-14.db"));
  assert_mode (folder, 0700);
  assert_mode (first, 0600);

  same = patella_backup_run_daily (fixture->store, &made, &error);
  g_assert_no_error (error);
  g_assert_false (made);
  g_assert_cmpstr (same, ==, first);

  /* The backup holds the data. */
  {
    g_autofree char *original = patella_test_dump_db (fixture->path);
    g_autofree char *copy = patella_test_dump_db (first);

    g_assert_cmpstr (original, ==, copy);
  }

  /* Ten more days: only the newest seven stay; other files are left alone. */
  g_assert_true (g_file_set_contents (notes, "x", -1, NULL));
  for (guint i = 0; i < 10; i++)
    {
      g_autofree char *path = NULL;

      patella_clock_advance (fixture->clock, DAY_US);
      path = patella_backup_run_daily (fixture->store, &made, &error);
      g_assert_no_error (error);
      g_assert_true (made);
    }

  backups = patella_backup_list (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (backups->len, ==, PATELLA_BACKUP_KEEP);
  g_assert_cmpstr (((PatellaBackup *) g_ptr_array_index (backups, 0))->day, ==, "2026-03-24");
  g_assert_cmpstr (((PatellaBackup *) g_ptr_array_index (backups, 6))->day, ==, "2026-03-18");
  g_assert_cmpint (((PatellaBackup *) g_ptr_array_index (backups, 0))->size, >, 0);
  g_assert_true (g_file_test (notes, G_FILE_TEST_EXISTS));
}

/* The clock ran a week ahead, and Patella made a backup each of those days;
 * back at the right date, today's backup is made and kept, and the
 * future-dated ones are kept too. */
static void
test_clock_ran_ahead (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) backups = NULL;
  g_autofree char *today = NULL;
  gboolean made = FALSE;

  patella_test_fill_store (fixture->store);
  for (guint i = 1; i <= 8; i++)
    {
      g_autofree char *path = NULL;

      patella_clock_set_now (fixture->clock, PATELLA_TEST_NOW_US + i * DAY_US);
      path = patella_backup_run_daily (fixture->store, &made, &error);
      g_assert_no_error (error);
    }

  patella_clock_set_now (fixture->clock, PATELLA_TEST_NOW_US);
  today = patella_backup_run_daily (fixture->store, &made, &error);
  g_assert_no_error (error);
  g_assert_true (made);
  g_assert_true (g_file_test (today, G_FILE_TEST_EXISTS));

  backups = patella_backup_list (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (backups->len, ==, PATELLA_BACKUP_KEEP + 1);
  g_assert_cmpstr (((PatellaBackup *) g_ptr_array_index (backups, 7))->day, ==, "2026-03-14");

  /* The next day keeps both right-dated ones and the ones dated later. */
  g_clear_pointer (&backups, g_ptr_array_unref);
  patella_clock_set_now (fixture->clock, PATELLA_TEST_NOW_US + DAY_US);
  g_free (patella_backup_run_daily (fixture->store, &made, &error));
  g_assert_no_error (error);
  g_assert_true (made);
  backups = patella_backup_list (fixture->path, &error);
  g_assert_cmpuint (backups->len, ==, PATELLA_BACKUP_KEEP + 2);
}

static void
test_restore (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *backup = NULL;
  g_autofree char *aside = NULL;
  g_autofree char *before = NULL;
  g_autofree char *changed = NULL;
  g_autofree char *restored = NULL;
  g_autofree char *kept = NULL;

  patella_test_fill_store (fixture->store);
  backup = patella_backup_create (fixture->store, &error);
  g_assert_no_error (error);
  before = patella_test_dump_db (fixture->path);

  /* Yesterday's mistake. */
  patella_store_exec (fixture->store, "DELETE FROM run; DELETE FROM journal_entry;", &error);
  g_assert_no_error (error);
  changed = patella_test_dump_db (fixture->path);
  g_assert_cmpstr (changed, !=, before);

  g_assert_true (patella_backup_restore (fixture->store, backup, &aside, &error));
  g_assert_no_error (error);

  restored = patella_test_dump_db (fixture->path);
  g_assert_cmpstr (restored, ==, before);

  /* The database as it was is kept aside, readable by the user only. */
  g_assert_true (g_str_has_prefix (aside, fixture->path));
  g_assert_nonnull (strstr (aside, ".before-restore-20260314-"));
  assert_mode (aside, 0600);
  kept = patella_test_dump_db (aside);
  g_assert_cmpstr (kept, ==, changed);

  /* The store keeps working, full-text search included. */
  patella_store_exec (fixture->store,
                      "INSERT INTO run (day, distance_m, created_us) VALUES ('2026-03-14', 1, 1);",
                      &error);
  g_assert_no_error (error);
  g_assert_cmpint (patella_store_query_int (fixture->store,
                                            "SELECT count(*) FROM journal_fts"
                                            " WHERE journal_fts MATCH 'helped';", -1), ==, 1);
  g_assert_cmpint (patella_store_query_int (fixture->store, "PRAGMA journal_mode = WAL;", 0), ==,
                   0);
}

/* Yesterday's backup was made by the version before (schema 5): it is
 * restored and brought up to date, its days kept. */
static void
test_restore_older_version (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *old = g_build_filename (fixture->dir, "version-5.db", NULL);
  g_autoptr(PatellaJournalEntry) entry = NULL;
  PatellaJournalChange change = PATELLA_JOURNAL_CHANGE_INIT;
  const char *swelling[] = { "swelling", NULL };
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (old, &db), ==, SQLITE_OK);
  for (guint i = 0; i < 5; i++)
    g_assert_cmpint (sqlite3_exec (db, patella_schema_migrations[i], NULL, NULL, NULL), ==,
                     SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA user_version = 5;"
                                 "INSERT INTO journal_entry (day, pain_rest, note, created_us,"
                                 " updated_us) VALUES ('2026-03-12', 3, 'from the backup', 1, 1);"
                                 "INSERT INTO journal_symptom (day, code)"
                                 " VALUES ('2026-03-12', 'grinding');",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  g_assert_true (patella_backup_restore (fixture->store, old, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (patella_store_get_schema_version (fixture->store), ==, PATELLA_SCHEMA_VERSION);
  g_assert_cmpint (patella_store_query_int (fixture->store, "PRAGMA user_version;", 0), ==,
                   PATELLA_SCHEMA_VERSION);

  entry = patella_journal_get (fixture->store, "2026-03-12", &error);
  g_assert_no_error (error);
  g_assert_nonnull (entry);
  g_assert_cmpint (patella_journal_entry_get_pain_rest (entry), ==, 3);
  g_assert_true (patella_journal_entry_has_symptom (entry, "grinding"));

  /* What the new version allows: a day with a symptom and no rating. */
  change.symptoms_add = swelling;
  g_assert_true (patella_journal_save (fixture->store, "2026-03-13", &change, NULL, &error));
  g_assert_no_error (error);
}

static void
test_restore_refused (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *junk = g_build_filename (fixture->dir, "junk.db", NULL);
  g_autofree char *other = g_build_filename (fixture->dir, "other.db", NULL);
  g_autofree char *missing = g_build_filename (fixture->dir, "missing.db", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  sqlite3 *db = NULL;

  patella_test_fill_store (fixture->store);
  before = patella_test_dump_db (fixture->path);

  patella_test_write_random_file (junk, 8192);
  g_assert_false (patella_backup_restore (fixture->store, junk, NULL, &error));
  g_assert_error (error, PATELLA_ERROR, PATELLA_ERROR_NOT_DATABASE);
  g_assert_nonnull (strstr (error->message, "nothing was restored"));
  g_clear_error (&error);

  /* Another program's database. */
  g_assert_cmpint (sqlite3_open (other, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE t (x); PRAGMA user_version = 1;", NULL, NULL,
                                 NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  g_assert_false (patella_backup_restore (fixture->store, other, NULL, &error));
  g_assert_error (error, PATELLA_ERROR, PATELLA_ERROR_NOT_DATABASE);
  g_clear_error (&error);

  /* A newer Patella's. */
  g_assert_cmpint (sqlite3_open (other, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA application_id = 1348555884;"
                                 " PRAGMA user_version = 99;", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  g_assert_false (patella_backup_restore (fixture->store, other, NULL, &error));
  g_assert_error (error, PATELLA_ERROR, PATELLA_ERROR_NEWER_SCHEMA);
  g_clear_error (&error);

  g_assert_false (patella_backup_restore (fixture->store, missing, NULL, &error));
  g_assert_error (error, PATELLA_ERROR, PATELLA_ERROR_NOT_FOUND);

  after = patella_test_dump_db (fixture->path);
  g_assert_cmpstr (before, ==, after);
}

static void
test_folder_not_writable (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = g_build_filename (fixture->dir, "backups", NULL);
  g_autofree char *path = NULL;

  /* A file where the folder should be: no permission trick, so it works as root too. */
  g_assert_true (g_file_set_contents (folder, "", 0, NULL));
  path = patella_backup_create (fixture->store, &error);
  g_assert_null (path);
  g_assert_nonnull (error);
  g_assert_true (g_str_has_prefix (error->message, "The backup was not made: "));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/backup/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("clock-ran-ahead", test_clock_ran_ahead);

  ADD ("daily-and-keep-seven", test_daily_and_keep_seven);
  ADD ("restore", test_restore);
  ADD ("restore-refused", test_restore_refused);
  ADD ("restore-older-version", test_restore_older_version);
  ADD ("folder-not-writable", test_folder_not_writable);

#undef ADD

  return g_test_run ();
}
