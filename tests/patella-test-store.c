/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "patella-test"

#include "config.h"

#include <stdio.h>

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

/* Another database file @name in the fixture's folder, on its clock. */
PatellaStore *
patella_store_fixture_open_other (PatellaStoreFixture *fixture,
                                  const char          *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
  PatellaStore *store = patella_store_open (path, fixture->clock, &error);

  g_assert_no_error (error);
  return store;
}

void
patella_store_fixture_set_up (PatellaStoreFixture *fixture,
                              gconstpointer        data)
{
  patella_store_fixture_open (fixture, PATELLA_TEST_NOW_US);
}

/* The same at PATELLA_TEST_MORNING_US. */
void
patella_store_fixture_set_up_morning (PatellaStoreFixture *fixture,
                                      gconstpointer        data)
{
  patella_store_fixture_open (fixture, PATELLA_TEST_MORNING_US);
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

/* An instant of local time (the suite runs in Europe/Berlin). */
gint64
patella_test_local_us (int year,
                       int month,
                       int day,
                       int hour,
                       int minute)
{
  g_autoptr(GDateTime) dt = g_date_time_new_local (year, month, day, hour, minute, 0);

  g_assert_nonnull (dt);
  return g_date_time_to_unix (dt) * G_USEC_PER_SEC;
}

/* Sets the fake clock to @hour:@minute local time on @day, "YYYY-MM-DD". */
void
patella_store_fixture_at (PatellaStoreFixture *fixture,
                          const char          *day,
                          int                  hour,
                          int                  minute)
{
  int y, m, d;

  g_assert_cmpint (sscanf (day, "%d-%d-%d", &y, &m, &d), ==, 3);
  patella_clock_set_now (fixture->clock, patella_test_local_us (y, m, d, hour, minute));
}

/* Runs @sql, which must succeed, through the fixture's store. */
void
patella_store_fixture_exec (PatellaStoreFixture *fixture,
                            const char          *sql)
{
  g_autoptr(GError) error = NULL;

  patella_store_exec (fixture->store, sql, &error);
  g_assert_no_error (error);
}
