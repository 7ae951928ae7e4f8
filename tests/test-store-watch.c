/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A store follows what other programs commit to its database, and a file
 * replaced under it, without a timer. */
#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "patella-journal.h"
#include "patella-test-store.h"

typedef PatellaStoreFixture Fixture;

#define fixture_set_up patella_store_fixture_set_up
#define fixture_tear_down patella_store_fixture_tear_down

typedef struct
{
  GHashTable *kinds;
  guint       reopened;
} Seen;

static void
changed_cb (PatellaStore *store,
            const char   *what,
            Seen         *seen)
{
  g_hash_table_add (seen->kinds, g_strdup (what));
}

static void
reopened_cb (PatellaStore *store,
             Seen         *seen)
{
  seen->reopened++;
}

/* Runs the main loop until @kind was announced, for at most 5 s. */
static gboolean
wait_for (Seen       *seen,
          const char *kind)
{
  gint64 until = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  while (!g_hash_table_contains (seen->kinds, kind) && g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, FALSE) || (g_usleep (1000), TRUE);

  return g_hash_table_contains (seen->kinds, kind);
}

static void
save_day (PatellaStore *store,
          const char   *day,
          int           pain,
          const char   *note)
{
  g_autoptr(GError) error = NULL;
  PatellaJournalChange change = PATELLA_JOURNAL_CHANGE_INIT;

  change.pain_rest = pain;
  change.note = note;
  g_assert_true (patella_journal_save (store, day, &change, NULL, &error));
  g_assert_no_error (error);
}

static void
test_other_program_commits (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(PatellaStore) other = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PatellaJournalEntry) entry = NULL;
  Seen seen = { g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL), 0 };

  patella_store_watch (fixture->store);
  g_signal_connect (fixture->store, "changed", G_CALLBACK (changed_cb), &seen);

  /* Nothing changes, nothing is said. */
  for (guint i = 0; i < 50; i++)
    g_main_context_iteration (NULL, FALSE);
  g_assert_cmpuint (g_hash_table_size (seen.kinds), ==, 0);

  /* Another connection is another program, as far as SQLite is concerned. */
  other = patella_store_open (fixture->path, fixture->clock, &error);
  g_assert_no_error (error);
  save_day (other, "2026-03-14", 4, "from the command line");

  g_assert_true (wait_for (&seen, "journal"));
  g_assert_true (g_hash_table_contains (seen.kinds, "runs"));
  entry = patella_journal_get (fixture->store, "2026-03-14", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (patella_journal_entry_get_note (entry), ==, "from the command line");

  /* Its own commits are its own: said once, by the writer, not again. */
  g_hash_table_remove_all (seen.kinds);
  save_day (fixture->store, "2026-03-13", 2, "");
  g_assert_true (g_hash_table_contains (seen.kinds, "journal"));
  g_hash_table_remove_all (seen.kinds);
  for (guint i = 0; i < 200; i++)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (500);
    }
  g_assert_cmpuint (g_hash_table_size (seen.kinds), ==, 0);

  g_hash_table_unref (seen.kinds);
}

/* A sync tool or a copied-back backup puts another file in place: the store
 * reads and writes the new file from then on, and both stay intact. */
static void
test_file_replaced (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *copy_path = g_build_filename (fixture->dir, "copy.db", NULL);
  g_autoptr(PatellaJournalEntry) entry = NULL;
  Seen seen = { g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL), 0 };
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  patella_store_watch (fixture->store);
  g_signal_connect (fixture->store, "changed", G_CALLBACK (changed_cb), &seen);
  g_signal_connect (fixture->store, "reopened", G_CALLBACK (reopened_cb), &seen);
  save_day (fixture->store, "2026-03-10", 1, "old file");

  {
    g_autoptr(PatellaStore) copy = patella_store_open (copy_path, fixture->clock, &error);

    g_assert_no_error (error);
    save_day (copy, "2026-03-11", 5, "new file");
  }

  /* As sync tools do: the new file is renamed over the old one. */
  g_hash_table_remove_all (seen.kinds);
  g_assert_cmpint (g_rename (copy_path, fixture->path), ==, 0);

  g_assert_true (wait_for (&seen, "journal"));
  g_assert_cmpuint (seen.reopened, ==, 1);
  entry = patella_journal_get (fixture->store, "2026-03-11", &error);
  g_assert_no_error (error);
  g_assert_nonnull (entry);

  save_day (fixture->store, "2026-03-12", 3, "after the swap");

  g_assert_cmpint (sqlite3_open_v2 (fixture->path, &db, SQLITE_OPEN_READONLY, NULL), ==,
                   SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA integrity_check;", -1, &stmt, NULL), ==,
                   SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "ok");
  sqlite3_finalize (stmt);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT group_concat (day, ' ') FROM"
                                           " (SELECT day FROM journal_entry ORDER BY day);",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "2026-03-11 2026-03-12");
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  g_hash_table_unref (seen.kinds);
}

/* Replaced, and a write comes before the main loop noticed: it goes to the
 * new file, never to the old one. */
static void
test_write_after_replace (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *copy_path = g_build_filename (fixture->dir, "copy.db", NULL);
  g_autoptr(PatellaStore) check = NULL;
  g_autoptr(PatellaJournalEntry) entry = NULL;

  save_day (fixture->store, "2026-03-10", 1, "old file");
  {
    g_autoptr(PatellaStore) copy = patella_store_open (copy_path, fixture->clock, &error);

    g_assert_no_error (error);
  }
  g_assert_cmpint (g_rename (copy_path, fixture->path), ==, 0);

  save_day (fixture->store, "2026-03-12", 3, "after the swap");

  check = patella_store_open (fixture->path, fixture->clock, &error);
  g_assert_no_error (error);
  entry = patella_journal_get (check, "2026-03-12", &error);
  g_assert_no_error (error);
  g_assert_nonnull (entry);
  g_assert_cmpstr (patella_journal_entry_get_note (entry), ==, "after the swap");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/store-watch/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("other-program-commits", test_other_program_commits);
  ADD ("file-replaced", test_file_replaced);
  ADD ("write-after-replace", test_write_after_replace);

  return g_test_run ();
}
