/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "patella-test"

#include "config.h"

#include "patella-test-store.h"

/* A new database at @now_us on the fake clock. */
void
patella_store_fixture_open (PatellaStoreFixture *fixture,
                            gint64               now_us)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = patella_test_make_dir ();
  fixture->path = g_build_filename (fixture->dir, "patella.db", NULL);
  fixture->clock = patella_clock_new_fake (now_us);
  fixture->store = patella_store_open (fixture->path, fixture->clock, &error);
  g_assert_no_error (error);
  fixture->notifier = patella_recording_notifier_new ();
}

/* Closes the store and opens the file again, as the next run of a program
 * would; the store must have been let go of everywhere else. */
void
patella_store_fixture_reopen (PatellaStoreFixture *fixture)
{
  g_autoptr(GError) error = NULL;

  g_assert_finalize_object (fixture->store);
  fixture->store = patella_store_open (fixture->path, fixture->clock, &error);
  g_assert_no_error (error);
}

void
patella_store_fixture_set_up (PatellaStoreFixture *fixture,
                              gconstpointer        data)
{
  patella_store_fixture_open (fixture, PATELLA_TEST_NOW_US);
}

void
patella_store_fixture_tear_down (PatellaStoreFixture *fixture,
                                 gconstpointer        data)
{
  g_clear_object (&fixture->notifier);
  g_assert_finalize_object (fixture->store);
  g_clear_object (&fixture->clock);
  patella_test_remove_dir (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
}
