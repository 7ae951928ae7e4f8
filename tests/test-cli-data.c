/* SPDX-License-Identifier: GPL-3.0-or-later */
/* patella-cli export, import, backup and restore, as a person uses them. */
#include "config.h"

#include <sys/stat.h>
#include <sys/wait.h>

#include "patella-store.h"
#include "patella-test-cli.h"
#include "patella-test-data.h"
#include "patella-test-db.h"
#include "patella-test-utils.h"

static char *
make_db (const char *dir,
         const char *name,
         gboolean    fill)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (dir, name, NULL);
  g_autoptr(PatellaStore) store = patella_store_open (path, NULL, &error);

  g_assert_no_error (error);
  if (fill)
    patella_test_fill_store (store);
  g_assert_true (patella_store_exec (store, "PRAGMA wal_checkpoint(TRUNCATE);", &error));
  return path;
}

static void
test_round_trip (void)
{
  g_autofree char *dir = patella_test_make_dir ();
  g_autofree char *db = make_db (dir, "a.db", TRUE);
  g_autofree char *empty = make_db (dir, "b.db", FALSE);
  g_autofree char *first = g_build_filename (dir, "first.json", NULL);
  g_autofree char *second = g_build_filename (dir, "second.json", NULL);
  g_autofree char *first_sum = NULL;
  g_autofree char *second_sum = NULL;
  g_auto(PatellaCliResult) export1 = { 0 };
  g_auto(PatellaCliResult) import1 = { 0 };
  g_auto(PatellaCliResult) export2 = { 0 };
  g_auto(PatellaCliResult) to_stdout = { 0 };
  g_auto(PatellaCliResult) csv = { 0 };
  g_auto(PatellaCliResult) folder = { 0 };
  g_autofree char *csv_dir = g_build_filename (dir, "csv", NULL);
  g_autofree char *runs_csv = g_build_filename (csv_dir, "patella-runs.csv", NULL);
  GStatBuf st;

  patella_test_run_cli_db (&export1, db, "export", "--format", "json", "--output", first);
  g_assert_cmpint (export1.status, ==, 0);
  g_assert_cmpint (g_stat (first, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  patella_test_run_cli_db (&import1, empty, "import", first);
  g_assert_cmpint (import1.status, ==, 0);
  g_assert_nonnull (strstr (import1.out, "Imported 14 items"));

  patella_test_run_cli_db (&export2, empty, "export", "--output", second);
  g_assert_cmpint (export2.status, ==, 0);

  first_sum = patella_test_file_checksum (first);
  second_sum = patella_test_file_checksum (second);
  g_assert_cmpstr (first_sum, ==, second_sum);

  patella_test_run_cli_db (&to_stdout, db, "export");
  g_assert_cmpint (to_stdout.status, ==, 0);
  g_assert_true (g_str_has_prefix (to_stdout.out, "{\n  \"format\" : \"patella-export\""));

  patella_test_run_cli_db (&csv, db, "export", "--format", "csv", "--table", "shoes");
  g_assert_cmpint (csv.status, ==, 0);
  g_assert_true (g_str_has_prefix (csv.out, "name,brand,first_used,"));

  g_assert_cmpint (g_mkdir (csv_dir, 0700), ==, 0);
  patella_test_run_cli_db (&folder, db, "export", "--format", "csv", "--output", csv_dir);
  g_assert_cmpint (folder.status, ==, 0);
  g_assert_true (g_file_test (runs_csv, G_FILE_TEST_EXISTS));

  patella_test_remove_dir (dir);
}

static void
test_backup_and_restore (void)
{
  g_autofree char *dir = patella_test_make_dir ();
  g_autofree char *db = make_db (dir, "patella.db", TRUE);
  g_autofree char *before = patella_test_dump_db (db);
  g_autofree char *after = NULL;
  g_autofree char *today = NULL;
  g_auto(PatellaCliResult) backup = { 0 };
  g_auto(PatellaCliResult) list = { 0 };
  g_auto(PatellaCliResult) change = { 0 };
  g_auto(PatellaCliResult) refused = { 0 };
  g_auto(PatellaCliResult) restore = { 0 };

  patella_test_run_cli_db (&backup, db, "backup");
  g_assert_cmpint (backup.status, ==, 0);
  g_assert_nonnull (strstr (backup.out, "Backed up to "));

  patella_test_run_cli_db (&list, db, "backup", "--list");
  g_assert_cmpint (list.status, ==, 0);
  today = g_strndup (list.out, 10);

  patella_test_run_cli_db (&change, db, "journal", "add", "--date", "2026-01-01", "--pain", "9");
  g_assert_cmpint (change.status, ==, 0);

  /* Not without confirmation. */
  patella_test_run_cli_db (&refused, db, "restore", today);
  g_assert_cmpint (refused.status, ==, 1);
  g_assert_nonnull (strstr (refused.err, "add --yes"));

  patella_test_run_cli_db (&restore, db, "restore", today, "--yes");
  g_assert_cmpint (restore.status, ==, 0);
  g_assert_nonnull (strstr (restore.out, "The data as it was is kept in "));
  g_assert_nonnull (strstr (restore.out, ".before-restore-"));

  after = patella_test_dump_db (db);
  g_assert_cmpstr (after, ==, before);

  patella_test_remove_dir (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli-data/round-trip", test_round_trip);
  g_test_add_func ("/cli-data/backup-and-restore", test_backup_and_restore);

  return g_test_run ();
}
