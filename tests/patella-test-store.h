/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* A real database file in a folder of its own, on a fake clock. */

#include "patella-store.h"
#include "patella-test-utils.h"

G_BEGIN_DECLS

/* 2026-03-14 11:00 UTC */
#define PATELLA_TEST_NOW_US G_GINT64_CONSTANT (1773486000000000)

typedef struct
{
  char         *dir;
  char         *path;
  PatellaClock *clock;
  PatellaStore *store;
} PatellaStoreFixture;

static inline void
patella_store_fixture_set_up (PatellaStoreFixture *fixture,
                              gconstpointer        data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = patella_test_make_dir ();
  fixture->path = g_build_filename (fixture->dir, "patella.db", NULL);
  fixture->clock = patella_clock_new_fake (PATELLA_TEST_NOW_US);
  fixture->store = patella_store_open (fixture->path, fixture->clock, &error);
  g_assert_no_error (error);
}

static inline void
patella_store_fixture_tear_down (PatellaStoreFixture *fixture,
                                 gconstpointer        data)
{
  g_assert_finalize_object (fixture->store);
  g_clear_object (&fixture->clock);
  patella_test_remove_dir (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
}

G_END_DECLS
