/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Faults: a full disk, a read-only database, a database held locked by
 * another program. Each gives a clear message, loses nothing already saved,
 * and Patella works again once the cause is gone. */
#include "config.h"

#include <sys/wait.h>
#include <sqlite3.h>

#include "patella-error.h"
#include "patella-journal.h"
#include "patella-test-cli.h"
#include "patella-test-data.h"
#include "patella-test-db.h"
#include "patella-test-utils.h"

static void
test_disk_full (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = patella_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "patella.db", NULL);
  g_autofree char *note = g_strnfill (9000, 'x');
  g_autofree char *after = NULL;
  g_autofree char *version_line = NULL;
  g_autoptr(PatellaStore) store = patella_store_open (path, NULL, &error);
  PatellaJournalChange change = PATELLA_JOURNAL_CHANGE_INIT;
  gint64 pages;

  g_assert_no_error (error);
  patella_test_fill_store (store);
  g_assert_true (patella_store_exec (store, "PRAGMA wal_checkpoint(TRUNCATE);", &error));

  /* No page may be added: the disk is full. */
  pages = patella_store_query_int (store, "PRAGMA page_count;", -1);
  g_assert_cmpint (pages, >, 0);
  {
    g_autofree char *sql = g_strdup_printf ("PRAGMA max_page_count = %" G_GINT64_FORMAT ";",
                                            pages);
    g_assert_true (patella_store_exec (store, sql, &error));
  }

  change.pain_rest = 3;
  change.note = note;
  for (guint i = 0; i < 20 && error == NULL; i++)
    {
      g_autofree char *day = g_strdup_printf ("2026-04-%02u", i + 1);

      patella_journal_save (store, day, &change, NULL, &error);
    }
  g_assert_error (error, PATELLA_ERROR, PATELLA_ERROR_DISK_FULL);
  g_assert_nonnull (strstr (error->message, "There is no room left"));
  g_assert_nonnull (strstr (error->message, "free some disk space"));
  g_clear_error (&error);

  /* Nothing saved before was lost. */
  g_assert_cmpint (patella_store_query_int (store, "SELECT count(*) FROM journal_entry"
                                                   " WHERE day < '2026-04-01';", -1), ==, 3);
  g_assert_cmpint (patella_store_query_int (store, "SELECT count(*) FROM run;", -1), ==, 4);

  /* Room again: it works. */
  g_assert_true (patella_store_exec (store, "PRAGMA max_page_count = 1073741823;", &error));
  g_assert_true (patella_journal_save (store, "2026-05-01", &change, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (patella_store_query_int (store, "PRAGMA integrity_check;", -1), ==, 0);

  g_clear_object (&store);
  after = patella_test_dump_db (path);
  version_line = g_strdup_printf ("%d\n", PATELLA_SCHEMA_VERSION);
  g_assert_true (g_str_has_prefix (after, version_line));
  patella_test_remove_dir (dir);
}

static void
test_locked (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = patella_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "patella.db", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_auto(PatellaCliResult) locked = { 0 };
  g_auto(PatellaCliResult) again = { 0 };
  const char *argv[] = { g_getenv ("PATELLA_CLI"), "--db", path, "journal", "add",
                         "--date", "2026-04-01", "--pain", "3", NULL };
  sqlite3 *other = NULL;

  {
    g_autoptr(PatellaStore) store = patella_store_open (path, NULL, &error);

    g_assert_no_error (error);
    patella_test_fill_store (store);
  }
  before = patella_test_dump_db (path);

  /* Another program holds the database past Patella's busy timeout. */
  g_assert_cmpint (sqlite3_open (path, &other), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (other, "BEGIN EXCLUSIVE;", NULL, NULL, NULL), ==, SQLITE_OK);

  patella_test_run_argv (&locked, NULL, argv);
  g_assert_cmpint (locked.status, ==, 1);
  g_assert_nonnull (strstr (locked.err, "Another program is using"));
  g_assert_nonnull (strstr (locked.err, "Try again in a moment"));

  g_assert_cmpint (sqlite3_exec (other, "COMMIT;", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (other);

  after = patella_test_dump_db (path);
  g_assert_cmpstr (before, ==, after);

  /* The lock is gone: it works. */
  patella_test_run_argv (&again, NULL, argv);
  g_assert_cmpint (again.status, ==, 0);
  g_clear_pointer (&after, g_free);
  after = patella_test_dump_db (path);
  g_assert_nonnull (strstr (after, "2026-04-01|3|"));
  g_assert_nonnull (strstr (after, "Sore after run, ice helped"));

  patella_test_remove_dir (dir);
}

/* chmod does not stop root, so the folder is made read-only by a read-only
 * bind mount in a mount namespace of its own, where that is allowed. */
static void
test_read_only (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = patella_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "patella.db", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *unshare = NULL;
  g_auto(PatellaCliResult) probe = { 0 };
  g_auto(PatellaCliResult) refused = { 0 };
  g_auto(PatellaCliResult) again = { 0 };
  const char *cli = g_getenv ("PATELLA_CLI");
  const char *add[] = { cli, "--db", path, "journal", "add", "--date", "2026-04-01", "--pain",
                        "3", NULL };
  const char *probe_argv[] = { "unshare", "-m", "--", "sh", "-c",
                               "mount --bind \"$0\" \"$0\" && mount -o remount,ro,bind \"$0\" \"$0\"",
                               dir, NULL };

  {
    g_autoptr(PatellaStore) store = patella_store_open (path, NULL, &error);

    g_assert_no_error (error);
    patella_test_fill_store (store);
  }
  before = patella_test_dump_db (path);

  unshare = g_find_program_in_path ("unshare");
  if (unshare == NULL)
    {
      g_test_skip ("unshare is not installed: cannot make a read-only folder for root");
      patella_test_remove_dir (dir);
      return;
    }

  patella_test_run_argv (&probe, NULL, probe_argv);
  if (probe.status != 0)
    {
      g_test_skip ("No permission for a read-only bind mount (unshare -m); the read-only case "
                   "is not tested here");
      patella_test_remove_dir (dir);
      return;
    }

  {
    const char *argv[] = { "unshare", "-m", "--", "sh", "-c",
                           "mount --bind \"$0\" \"$0\" && mount -o remount,ro,bind \"$0\" \"$0\" && "
                           "exec \"$1\" --db \"$2\" journal add --date 2026-04-01 --pain 3",
                           dir, cli, path, NULL };

    patella_test_run_argv (&refused, NULL, argv);
  }
  g_assert_cmpint (refused.status, ==, 1);
  if (strstr (refused.err, "can only be read") == NULL)
    g_error ("unexpected message: %s", refused.err);
  g_assert_nonnull (strstr (refused.err, "may be written to"));

  after = patella_test_dump_db (path);
  g_assert_cmpstr (before, ==, after);

  /* Writable again: it works. */
  patella_test_run_argv (&again, NULL, add);
  g_assert_cmpint (again.status, ==, 0);
  patella_test_remove_dir (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/faults/disk-full", test_disk_full);
  g_test_add_func ("/faults/locked", test_locked);
  g_test_add_func ("/faults/read-only", test_read_only);

  return g_test_run ();
}
