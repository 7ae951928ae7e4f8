/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* The core tests' fixture: a real database file in a folder of its own, on
 * a fake clock, with a notifier that records what it was asked to show.
 *
 *   g_test_add ("/x/y", PatellaStoreFixture, NULL,
 *               patella_store_fixture_set_up, test_y, patella_store_fixture_tear_down);
 *
 * or, the same, patella_store_test_add ("/x/y", test_y); a test that starts
 * in the morning, at PATELLA_TEST_MORNING_US, patella_store_test_add_morning.
 *
 * A test that needs more embeds it as the first member and calls these from
 * its own set-up and tear-down; one on another day calls
 * patella_store_fixture_open() with its time. */

#include "patella-notifier.h"
#include "patella-store.h"
#include "patella-test-utils.h"

G_BEGIN_DECLS

#define patella_store_test_add(path, func) \
  g_test_add ((path), PatellaStoreFixture, NULL, patella_store_fixture_set_up, (func), \
              patella_store_fixture_tear_down)

#define patella_store_test_add_morning(path, func) \
  g_test_add ((path), PatellaStoreFixture, NULL, patella_store_fixture_set_up_morning, (func), \
              patella_store_fixture_tear_down)

/* 2026-03-14 11:00 UTC */
#define PATELLA_TEST_NOW_US G_GINT64_CONSTANT (1773486000000000)
/* 2026-03-14 10:00 Europe/Berlin, a Saturday: the morning of that day */
#define PATELLA_TEST_MORNING_US G_GINT64_CONSTANT (1773478800000000)

typedef struct
{
  char            *dir;
  char            *path;
  PatellaClock    *clock;
  PatellaStore    *store;
  PatellaNotifier *notifier;   /* a recording notifier */
} PatellaStoreFixture;

void patella_store_fixture_open      (PatellaStoreFixture *fixture,
                                      gint64               now_us);
void patella_store_fixture_reopen    (PatellaStoreFixture *fixture);
PatellaStore *patella_store_fixture_open_other (PatellaStoreFixture *fixture,
                                                const char          *name);
void patella_store_fixture_set_up    (PatellaStoreFixture *fixture,
                                      gconstpointer        data);
void patella_store_fixture_set_up_morning (PatellaStoreFixture *fixture,
                                           gconstpointer        data);
void patella_store_fixture_tear_down (PatellaStoreFixture *fixture,
                                      gconstpointer        data);
void patella_store_fixture_exec      (PatellaStoreFixture *fixture,
                                      const char          *sql);
void patella_store_fixture_at        (PatellaStoreFixture *fixture,
                                      const char          *day,
                                      int                  hour,
                                      int                  minute);

gint64 patella_test_local_us         (int                  year,
                                      int                  month,
                                      int                  day,
                                      int                  hour,
                                      int                  minute);

G_END_DECLS
