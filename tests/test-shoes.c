/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "patella-advice.h"
#include "patella-error.h"
#include "patella-notifier.h"
#include "patella-parse.h"
#include "patella-shoes.h"
#include "patella-status.h"
#include "patella-store-private.h"
#include "patella-store.h"
#include "patella-test-store.h"
#include "patella-test-utils.h"

/* 2026-03-18 12:00 UTC, a Wednesday. */
#define NOW_US G_GINT64_CONSTANT (1773835200000000)

typedef PatellaStoreFixture Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  patella_store_fixture_open (fixture, NOW_US);
}

static guint
count_sent (Fixture    *fixture,
            const char *prefix)
{
  return patella_recording_notifier_count (PATELLA_RECORDING_NOTIFIER (fixture->notifier),
                                           prefix);
}

static gint64
add_shoe (Fixture    *fixture,
          const char *name,
          gboolean    make_default)
{
  g_autoptr(GError) error = NULL;
  PatellaShoeInput input = { .name = name, .brand = "Brand", .make_default = make_default };
  gint64 id;

  id = patella_shoe_add (fixture->store, fixture->notifier, &input, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static gint64
add_run (Fixture    *fixture,
         const char *day,
         const char *distance,
         gint64      shoe_id)
{
  g_autoptr(GError) error = NULL;
  PatellaRun run = { .day = (char *) day, .shoe_id = shoe_id, .pain = -1 };
  gint64 id;

  g_assert_true (patella_parse_distance (distance, PATELLA_UNIT_KM, &run.distance_m, &error));
  id = patella_run_add (fixture->store, fixture->notifier, &run, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static PatellaShoe *
get_shoe (Fixture *fixture,
          gint64   id)
{
  g_autoptr(GError) error = NULL;
  PatellaShoe *shoe = patella_shoe_get (fixture->store, id, &error);

  g_assert_no_error (error);
  return shoe;
}

static char *
dump (Fixture *fixture)
{
  g_autoptr(GString) out = g_string_new (NULL);
  const char *tables[] = {
    "SELECT id, name, brand, first_used, initial_m, warn_m, limit_m, retired, is_default "
    "FROM shoe ORDER BY id;",
    "SELECT id, day, distance_m, duration_s, shoe_id, pain, note FROM run ORDER BY id;",
    "SELECT key FROM notification_sent ORDER BY key;",
  };

  for (guint t = 0; t < G_N_ELEMENTS (tables); t++)
    {
      g_autoptr(PatellaStmt) stmt = patella_store_prepare (fixture->store, tables[t], NULL);

      g_assert_nonnull (stmt);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          for (int c = 0; c < sqlite3_column_count (stmt); c++)
            g_string_append_printf (out, "%s|", (const char *) sqlite3_column_text (stmt, c));
          g_string_append_c (out, '\n');
        }
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
test_add_and_defaults (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(PatellaShoe) shoe = NULL;
  gint64 id = add_shoe (fixture, "  Road pair 2 ", TRUE);

  shoe = get_shoe (fixture, id);
  g_assert_cmpstr (shoe->name, ==, "Road pair 2");
  g_assert_cmpstr (shoe->brand, ==, "Brand");
  g_assert_cmpint (shoe->warn_m, ==, 482803);     /* 300 mi */
  g_assert_cmpint (shoe->limit_m, ==, 804672);    /* 500 mi */
  g_assert_cmpint (shoe->distance_m, ==, 0);
  g_assert_true (shoe->is_default);
  g_assert_false (shoe->retired);
  g_assert_cmpint (shoe->status, ==, PATELLA_SHOE_STATUS_OK);
}

static void
test_bad_shoes_refused (Fixture       *fixture,
                        gconstpointer  data)
{
  static const struct {
    const char *name;
    gint64      warn_m;
    gint64      limit_m;
    gint64      initial_m;
    const char *first_used;
  } cases[] = {
    { "road pair", 0, 0, 0, NULL },                        /* differs only in case */
    { "ÉCLAIR", 0, 0, 0, NULL },                         /* Unicode case too */
    { "New", 804672, 482803, 0, NULL },                  /* warn above limit */
    { "New", 0, 80467, 0, NULL },                        /* a limit of 50 mi */
    { "New", 80467, 0, 0, NULL },                        /* a warning at 50 mi */
    { "New", 0, 1609345, 0, NULL },                      /* above 1 000 mi */
    { "", 0, 0, 0, NULL },
    { "   ", 0, 0, 0, NULL },
    { "Bad \xff name", 0, 0, 0, NULL },
    { "New", 0, 0, -5, NULL },
    { "New", 0, 0, 0, "2026-02-30" },
  };
  g_autofree char *before = NULL;

  add_shoe (fixture, "Road pair", FALSE);
  add_shoe (fixture, "éclair", FALSE);
  before = dump (fixture);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *after = NULL;
      PatellaShoeInput input = {
        .name = cases[i].name,
        .warn_m = cases[i].warn_m,
        .limit_m = cases[i].limit_m,
        .initial_m = cases[i].initial_m,
        .first_used = cases[i].first_used,
      };

      g_assert_cmpint (patella_shoe_add (fixture->store, fixture->notifier, &input, &error), ==,
                       0);
      g_assert_error (error, PATELLA_ERROR, PATELLA_ERROR_INVALID);
      g_assert_cmpstr (error->message, !=, "");
      after = dump (fixture);
      g_assert_cmpstr (before, ==, after);
    }
}

static void
test_edit_keeps_names_unique (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PatellaShoe) shoe = NULL;
  gint64 a = add_shoe (fixture, "Road pair", FALSE);
  PatellaShoeInput input = { .name = "EASY PAIR" };

  add_shoe (fixture, "Easy pair", FALSE);

  g_assert_false (patella_shoe_edit (fixture->store, fixture->notifier, a, &input, &error));
  g_assert_error (error, PATELLA_ERROR, PATELLA_ERROR_INVALID);
  g_clear_error (&error);

  /* A shoe may change the case of its own name. */
  input.name = "ROAD PAIR";
  input.brand = "Maker A";
  input.first_used = "2026-01-05";
  input.initial_m = 100000;
  input.warn_m = 400000;
  input.limit_m = 700000;
  g_assert_true (patella_shoe_edit (fixture->store, fixture->notifier, a, &input, &error));
  g_assert_no_error (error);

  shoe = get_shoe (fixture, a);
  g_assert_cmpstr (shoe->name, ==, "ROAD PAIR");
  g_assert_cmpstr (shoe->brand, ==, "Maker A");
  g_assert_cmpstr (shoe->first_used, ==, "2026-01-05");
  g_assert_cmpint (shoe->distance_m, ==, 100000);
  g_assert_cmpint (shoe->warn_m, ==, 400000);
  g_assert_cmpint (shoe->limit_m, ==, 700000);
}

static void
test_exact_totals (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(PatellaTransaction) tx = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PatellaShoe) shoe = NULL;
  g_autoptr(GPtrArray) runs = NULL;
  gint64 id = add_shoe (fixture, "Long haul", TRUE);
  gint64 metres = 0;

  g_assert_true (patella_parse_distance ("5.2mi", PATELLA_UNIT_KM, &metres, &error));
  g_assert_cmpint (metres, ==, 8369);

  /* One outer transaction: each run is a savepoint inside it. */
  tx = patella_store_transaction (fixture->store, &error);
  g_assert_nonnull (tx);
  for (guint i = 0; i < 1000; i++)
    add_run (fixture, "2026-03-01", "5.2mi", PATELLA_SHOE_DEFAULT);
  g_assert_true (patella_transaction_commit (tx, &error));

  shoe = get_shoe (fixture, id);
  g_assert_cmpint (shoe->distance_m, ==, 1000 * 8369);
  g_assert_cmpuint (shoe->n_runs, ==, 1000);
  g_assert_cmpint (shoe->status, ==, PATELLA_SHOE_STATUS_REPLACE);

  runs = patella_runs_list (fixture->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (runs->len, ==, 1000);

  /* The totals come from the covering index, not a table scan. */
  g_assert_cmpint (patella_store_query_int (fixture->store,
                                            "SELECT count (*) FROM run WHERE shoe_id = 1;", 0),
                   ==, 1000);
  {
    g_autoptr(PatellaStmt) plan =
      patella_store_prepare (fixture->store,
                             "EXPLAIN QUERY PLAN SELECT sum (distance_m) FROM run "
                             "WHERE shoe_id = 1;", &error);
    gboolean covering = FALSE;

    g_assert_no_error (error);
    while (sqlite3_step (plan) == SQLITE_ROW)
      if (strstr ((const char *) sqlite3_column_text (plan, 3), "COVERING INDEX run_shoe"))
        covering = TRUE;
    g_assert_true (covering);
  }

  g_assert_cmpuint (count_sent (fixture, "shoe-warn:"), ==, 1);
  g_assert_cmpuint (count_sent (fixture, "shoe-replace:"), ==, 1);

  /* Crossing both marks in one go: one notification, the limit's. */
  {
    PatellaShoeInput input = { .name = "Worn", .initial_m = 600 * 1609 };

    patella_recording_notifier_clear (PATELLA_RECORDING_NOTIFIER (fixture->notifier));
    g_assert_cmpint (patella_shoe_add (fixture->store, fixture->notifier, &input, &error), >, 0);
    g_assert_cmpuint (count_sent (fixture, "shoe-replace:"), ==, 1);
    g_assert_cmpuint (count_sent (fixture, "shoe-warn:"), ==, 0);
  }
}

static void
test_notifications_once (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PatellaNotifier) second = NULL;
  PatellaShoeInput input = { .name = "Road pair", .initial_m = 466710, .make_default = TRUE };
  PatellaNotification *n;
  gint64 id;
  gint64 r1, r2, r4, r5;

  /* Already worn for 290 mi. */
  id = patella_shoe_add (fixture->store, fixture->notifier, &input, &error);
  g_assert_no_error (error);

  r1 = add_run (fixture, "2026-03-01", "9mi", id);
  g_assert_cmpuint (count_sent (fixture, NULL), ==, 0);

  r2 = add_run (fixture, "2026-03-02", "1mi", id);
  g_assert_cmpuint (count_sent (fixture, "shoe-warn:"), ==, 1);
  n = g_ptr_array_index (patella_recording_notifier_get_sent (
    PATELLA_RECORDING_NOTIFIER (fixture->notifier)), 0);
  g_assert_nonnull (strstr (n->title, "Road pair"));
  g_assert_cmpstr (n->category, ==, "x-patella.shoes");
  /* The memory backend has the locale's unit: km under C.UTF-8. */
  g_assert_nonnull (strstr (n->body, "482.8 km"));

  add_run (fixture, "2026-03-03", "1mi", id);
  g_assert_cmpuint (count_sent (fixture, "shoe-warn:"), ==, 1);

  r4 = add_run (fixture, "2026-03-04", "150mi", id);
  g_assert_cmpuint (count_sent (fixture, "shoe-replace:"), ==, 0);
  r5 = add_run (fixture, "2026-03-05", "50mi", id);
  g_assert_cmpuint (count_sent (fixture, "shoe-replace:"), ==, 1);
  add_run (fixture, "2026-03-06", "1mi", id);
  g_assert_cmpuint (count_sent (fixture, NULL), ==, 2);

  /* A restart: the state is in the database. */
  g_clear_object (&fixture->store);
  fixture->store = patella_store_open (fixture->path, fixture->clock, &error);
  g_assert_no_error (error);
  second = patella_recording_notifier_new ();
  g_assert_true (patella_shoes_check_notifications (fixture->store, second, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (patella_recording_notifier_count (PATELLA_RECORDING_NOTIFIER (second), NULL),
                    ==, 0);

  /* Back under the limit: the limit re-arms, the warning stays sent. */
  g_assert_true (patella_run_delete (fixture->store, fixture->notifier, r5, &error));
  g_assert_no_error (error);
  g_assert_null (patella_run_get (fixture->store, r5, &error));
  g_assert_error (error, PATELLA_ERROR, PATELLA_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (patella_notification_was_sent (fixture->store, "shoe-replace:1"));
  g_assert_true (patella_notification_was_sent (fixture->store, "shoe-warn:1"));

  /* Edits that bring it under the warning re-arm that too. */
  {
    PatellaRun edit = { .id = r4, .day = "2026-03-04", .distance_m = 1000, .shoe_id = id,
                        .pain = 3 };

    g_autoptr(PatellaRun) edited = NULL;

    g_assert_true (patella_run_edit (fixture->store, fixture->notifier, &edit, &error));
    g_assert_no_error (error);
    g_assert_true (patella_notification_was_sent (fixture->store, "shoe-warn:1"));

    /* One run read back by its id, as the run dialog opens it. */
    edited = patella_run_get (fixture->store, r4, &error);
    g_assert_no_error (error);
    g_assert_cmpint (edited->id, ==, r4);
    g_assert_cmpstr (edited->day, ==, "2026-03-04");
    g_assert_cmpint (edited->distance_m, ==, 1000);
    g_assert_cmpint (edited->shoe_id, ==, id);
    g_assert_cmpint (edited->pain, ==, 3);

    edit.id = r1;
    g_assert_true (patella_run_edit (fixture->store, fixture->notifier, &edit, &error));
    g_assert_no_error (error);
    g_assert_false (patella_notification_was_sent (fixture->store, "shoe-warn:1"));
  }

  /* And crossing again notifies again. */
  add_run (fixture, "2026-03-07", "10mi", id);
  g_assert_cmpuint (count_sent (fixture, "shoe-warn:"), ==, 2);
  g_assert_cmpuint (count_sent (fixture, NULL), ==, 3);

  g_assert_true (patella_run_delete (fixture->store, fixture->notifier, r2, &error));
  g_assert_true (patella_notification_was_sent (fixture->store, "shoe-warn:1"));
  g_assert_cmpuint (count_sent (fixture, NULL), ==, 3);
}

static void
test_default_retire_delete (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) runs = NULL;
  g_autoptr(GPtrArray) active = NULL;
  g_autoptr(GPtrArray) retired = NULL;
  gint64 a = add_shoe (fixture, "Road pair", TRUE);
  gint64 b = add_shoe (fixture, "Easy pair", TRUE);
  gint64 run;

  /* One default at a time. */
  {
    g_autoptr(PatellaShoe) shoe_a = get_shoe (fixture, a);
    g_autoptr(PatellaShoe) shoe_b = get_shoe (fixture, b);

    g_assert_false (shoe_a->is_default);
    g_assert_true (shoe_b->is_default);
  }

  /* No shoe given: the default; none asked for: none. */
  add_run (fixture, NULL, "5km", PATELLA_SHOE_DEFAULT);
  add_run (fixture, NULL, "5km", PATELLA_SHOE_NONE);
  run = add_run (fixture, NULL, "5km", a);

  runs = patella_runs_list (fixture->store, 0, &error);
  g_assert_cmpuint (runs->len, ==, 3);
  g_assert_cmpstr (((PatellaRun *) runs->pdata[0])->day, ==, "2026-03-18");
  g_assert_cmpstr (((PatellaRun *) runs->pdata[0])->shoe_name, ==, "Easy pair");
  g_assert_null (((PatellaRun *) runs->pdata[1])->shoe_name);
  g_assert_cmpint (((PatellaRun *) runs->pdata[2])->shoe_id, ==, a);
  g_clear_pointer (&runs, g_ptr_array_unref);

  /* The runs on no shoe, for the Shoes view to show. */
  runs = patella_runs_list (fixture->store, PATELLA_SHOE_NONE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (runs->len, ==, 1);
  g_assert_null (((PatellaRun *) runs->pdata[0])->shoe_name);
  g_clear_pointer (&runs, g_ptr_array_unref);

  /* Retiring the default leaves no default; the history stays. */
  g_assert_true (patella_shoe_set_retired (fixture->store, fixture->notifier, b, TRUE, &error));
  {
    g_autoptr(PatellaShoe) shoe = get_shoe (fixture, b);

    g_assert_true (shoe->retired);
    g_assert_false (shoe->is_default);
    g_assert_cmpint (shoe->status, ==, PATELLA_SHOE_STATUS_RETIRED);
    g_assert_cmpint (shoe->distance_m, ==, 5000);
  }
  g_assert_false (patella_shoe_set_default (fixture->store, b, &error));
  g_assert_error (error, PATELLA_ERROR, PATELLA_ERROR_INVALID);
  g_clear_error (&error);

  active = patella_shoes_list (fixture->store, PATELLA_SHOES_ACTIVE, &error);
  retired = patella_shoes_list (fixture->store, PATELLA_SHOES_RETIRED, &error);
  g_assert_cmpuint (active->len, ==, 1);
  g_assert_cmpuint (retired->len, ==, 1);
  g_assert_cmpint (patella_shoes_count (fixture->store, PATELLA_SHOES_ACTIVE, &error), ==, 1);
  g_assert_cmpint (patella_shoes_count (fixture->store, PATELLA_SHOES_RETIRED, &error), ==, 1);
  g_assert_cmpint (patella_shoes_count (fixture->store, PATELLA_SHOES_ALL, &error), ==, 2);
  g_assert_no_error (error);

  g_assert_true (patella_shoe_set_retired (fixture->store, fixture->notifier, b, FALSE, &error));
  g_assert_true (patella_shoe_set_default (fixture->store, b, &error));
  g_assert_no_error (error);

  /* Deleting a shoe keeps its runs, without a shoe. */
  g_assert_true (patella_shoe_delete (fixture->store, fixture->notifier, a, &error));
  g_assert_no_error (error);
  runs = patella_runs_list (fixture->store, 0, &error);
  g_assert_cmpuint (runs->len, ==, 3);
  g_assert_cmpint (((PatellaRun *) runs->pdata[2])->id, ==, run);
  g_assert_cmpint (((PatellaRun *) runs->pdata[2])->shoe_id, ==, 0);

  g_assert_null (patella_shoe_get (fixture->store, a, &error));
  g_assert_error (error, PATELLA_ERROR, PATELLA_ERROR_NOT_FOUND);
}

static void
test_bad_runs_refused (Fixture       *fixture,
                       gconstpointer  data)
{
  static const struct {
    const char *day;
    gint64      distance_m;
    gint64      duration_s;
    gint64      shoe_id;
    int         pain;
    int         code;
  } cases[] = {
    { NULL, 0, 0, PATELLA_SHOE_DEFAULT, -1, PATELLA_ERROR_INVALID },
    { NULL, -5000, 0, PATELLA_SHOE_DEFAULT, -1, PATELLA_ERROR_INVALID },
    { NULL, 400000, 0, PATELLA_SHOE_DEFAULT, -1, PATELLA_ERROR_INVALID },
    { NULL, 300001, 0, PATELLA_SHOE_DEFAULT, -1, PATELLA_ERROR_INVALID },
    { "2026-02-30", 5000, 0, PATELLA_SHOE_DEFAULT, -1, PATELLA_ERROR_INVALID },
    { "2099-01-01", 5000, 0, PATELLA_SHOE_DEFAULT, -1, PATELLA_ERROR_INVALID },  /* not yet run */
    { NULL, 5000, -1, PATELLA_SHOE_DEFAULT, -1, PATELLA_ERROR_INVALID },
    { NULL, 5000, 0, PATELLA_SHOE_DEFAULT, 11, PATELLA_ERROR_INVALID },
    { NULL, 5000, 0, 42, -1, PATELLA_ERROR_NOT_FOUND },
  };
  g_autofree char *before = NULL;

  add_shoe (fixture, "Road pair", TRUE);
  add_run (fixture, NULL, "300km", PATELLA_SHOE_DEFAULT);    /* the most a run can be */
  before = dump (fixture);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *after = NULL;
      PatellaRun run = {
        .day = (char *) cases[i].day,
        .distance_m = cases[i].distance_m,
        .duration_s = cases[i].duration_s,
        .shoe_id = cases[i].shoe_id,
        .pain = cases[i].pain,
      };

      g_assert_cmpint (patella_run_add (fixture->store, fixture->notifier, &run, &error), ==, 0);
      g_assert_error (error, PATELLA_ERROR, cases[i].code);
      after = dump (fixture);
      g_assert_cmpstr (before, ==, after);
    }

  {
    g_autoptr(GError) error = NULL;

    g_assert_null (patella_shoe_find (fixture->store, "Easy pair", &error));
    g_assert_error (error, PATELLA_ERROR, PATELLA_ERROR_NOT_FOUND);
    g_assert_nonnull (strstr (error->message, "Road pair"));
  }
}

static void
test_find_and_units (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PatellaShoe) shoe = NULL;
  g_autofree char *mi = patella_format_distance (804672, PATELLA_UNIT_MI);
  g_autofree char *km = patella_format_distance (804672, PATELLA_UNIT_KM);
  gint64 metres = 0;

  add_shoe (fixture, "Road pair", TRUE);
  shoe = patella_shoe_find (fixture->store, " ROAD PAIR ", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (shoe->name, ==, "Road pair");

  g_assert_cmpstr (mi, ==, "500.0 mi");
  g_assert_cmpstr (km, ==, "804.7 km");
  g_assert_true (patella_parse_distance ("500mi", PATELLA_UNIT_KM, &metres, NULL));
  g_assert_cmpint (metres, ==, PATELLA_SHOE_LIMIT_DEFAULT_M);
  g_assert_true (patella_parse_distance ("300", PATELLA_UNIT_MI, &metres, NULL));
  g_assert_cmpint (metres, ==, PATELLA_SHOE_WARN_DEFAULT_M);
}

static void
test_status_uses_model (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PatellaStatus) status = NULL;
  const PatellaShoeSummary *summary;
  const PatellaAdviceItem *item;
  gint64 old = add_shoe (fixture, "Old", FALSE);

  add_shoe (fixture, "Road pair", TRUE);
  g_assert_true (patella_shoe_set_retired (fixture->store, fixture->notifier, old, TRUE, &error));

  /* Last week 10 km, this week 20 km: more than 30% up, and a long run. */
  add_run (fixture, "2026-03-10", "10km", PATELLA_SHOE_DEFAULT);
  add_run (fixture, "2026-03-17", "20km", PATELLA_SHOE_DEFAULT);

  status = patella_status_collect (fixture->store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (status->shoes->len, ==, 1);
  summary = g_ptr_array_index (status->shoes, 0);
  g_assert_cmpstr (summary->name, ==, "Road pair");
  g_assert_cmpint (summary->distance_m, ==, 30000);
  g_assert_true (summary->is_default);

  g_assert_cmpuint (status->advice->len, ==, 2);
  g_assert_nonnull (strstr (g_ptr_array_index (status->advice, 0), "Nielsen"));
  g_assert_nonnull (strstr (g_ptr_array_index (status->advice, 1), "RUNSAFE"));

  /* The same, as items with their evidence. */
  g_assert_cmpuint (status->advice_items->len, ==, 2);
  item = g_ptr_array_index (status->advice_items, 0);
  g_assert_cmpstr (item->id, ==, "load-week-30");
  g_assert_cmpstr (item->kind, ==, "load");
  g_assert_null (item->urgency);
  g_assert_cmpstr (item->evidence, ==, "study");
  g_assert_nonnull (strstr (item->source, "Nielsen"));
  item = g_ptr_array_index (status->advice_items, 1);
  g_assert_cmpstr (item->id, ==, "load-long-run");
  g_assert_cmpstr (item->evidence, ==, "study");
  g_assert_nonnull (strstr (item->why, "30 days"));
}

/* A new shoe is written like an imported one: its own identity, the
 * instant it was added, and the only default when it asks to be. */
static void
test_add_writes_whole_shoe (Fixture       *fixture,
                            gconstpointer  data)
{
  gint64 road = add_shoe (fixture, "Road pair", TRUE);
  gint64 trail = add_shoe (fixture, "Trail pair", TRUE);
  gint64 spare = add_shoe (fixture, "Spare pair", FALSE);
  gint64 now = patella_clock_get_now (patella_store_get_clock (fixture->store));

  g_assert_cmpint (patella_shoe_find_id (fixture->store, NULL, "road PAIR", NULL, NULL), ==, road);
  g_assert_cmpint (patella_shoe_find_id (fixture->store, NULL, "Trail pair", NULL, NULL), ==,
                   trail);
  g_assert_cmpint (patella_shoe_find_id (fixture->store, NULL, "Spare pair", NULL, NULL), ==,
                   spare);
  g_assert_cmpint (patella_shoe_get_default_id (fixture->store), ==, trail);
  g_assert_cmpint (patella_store_query_int (fixture->store,
                                            "SELECT count(DISTINCT uuid) FROM shoe"
                                            " WHERE length (uuid) = 36;", -1), ==, 3);
  g_assert_cmpint (patella_store_query_int (fixture->store,
                                            "SELECT min (created_us) FROM shoe;", -1), ==, now);
  g_assert_cmpint (patella_store_query_int (fixture->store,
                                            "SELECT max (created_us) FROM shoe;", -1), ==, now);
}

/* The replacement rule at its edges, and its words: the Shoes page and
 * patella-cli say the same. */
static void
test_status_words (void)
{
  const gint64 warn = PATELLA_SHOE_WARN_DEFAULT_M;
  const gint64 limit = PATELLA_SHOE_LIMIT_DEFAULT_M;
  const struct
  {
    gboolean          retired;
    gint64            distance_m;
    PatellaShoeStatus status;
    const char       *string;
    const char       *label;
  } cases[] = {
    { FALSE, 0,         PATELLA_SHOE_STATUS_OK,      "ok",      "fine" },
    { FALSE, warn - 1,  PATELLA_SHOE_STATUS_OK,      "ok",      "fine" },
    { FALSE, warn,      PATELLA_SHOE_STATUS_WARN,    "warn",    "nearing replacement" },
    { FALSE, limit - 1, PATELLA_SHOE_STATUS_WARN,    "warn",    "nearing replacement" },
    { FALSE, limit,     PATELLA_SHOE_STATUS_REPLACE, "replace", "due for replacement" },
    { TRUE,  0,         PATELLA_SHOE_STATUS_RETIRED, "retired", "retired" },
    { TRUE,  limit * 2, PATELLA_SHOE_STATUS_RETIRED, "retired", "retired" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      PatellaShoeStatus status = patella_shoe_status_for (cases[i].retired, cases[i].distance_m,
                                                          warn, limit);

      g_assert_cmpint (status, ==, cases[i].status);
      g_assert_cmpstr (patella_shoe_status_to_string (status), ==, cases[i].string);
      g_assert_cmpstr (patella_shoe_status_get_label (status), ==, cases[i].label);
    }
}

/* A form left as it was filled in has nothing to save; any field changed has. */
static void
test_input_equal (void)
{
  PatellaShoeInput shown = { .name = "Road pair", .brand = "", .warn_m = 482803,
                             .limit_m = 804672, .make_default = TRUE };
  PatellaShoeInput same = shown;
  PatellaShoeInput renamed = shown;
  PatellaShoeInput marked = shown;

  renamed.name = "Road pair 2";
  marked.limit_m = 643738;
  g_assert_true (patella_shoe_input_equal (&shown, &same));
  g_assert_false (patella_shoe_input_equal (&shown, &renamed));
  g_assert_false (patella_shoe_input_equal (&shown, &marked));
}

static char *
shoe_uuid (Fixture *fixture,
           gint64   id)
{
  g_autoptr(PatellaStmt) stmt = patella_store_prepare (fixture->store,
                                                       "SELECT uuid FROM shoe WHERE id = ?;", NULL);

  sqlite3_bind_int64 (stmt, 1, id);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
}

/* A pair deleted by mistake comes back whole with Undo: its identity, its
 * marks, the default, and its runs (but not one another program has given
 * a pair since, and not over a pair of the same name added since). */
static void
test_undo_delete (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PatellaDeletedShoe) deleted = NULL;
  g_autoptr(PatellaShoe) back = NULL;
  g_autofree char *before = NULL;
  g_autofree char *uuid = NULL;
  gint64 id = add_shoe (fixture, "Road pair", TRUE);
  gint64 other = add_shoe (fixture, "Trail pair", FALSE);
  gint64 kept = add_run (fixture, "2026-03-10", "5km", id);
  gint64 moved = add_run (fixture, "2026-03-11", "8km", id);
  PatellaRun run = { .id = moved, .day = "2026-03-11", .distance_m = 8000, .shoe_id = other,
                     .pain = -1 };
  g_autoptr(PatellaRun) run_back = NULL;
  gint64 again;

  uuid = shoe_uuid (fixture, id);
  deleted = patella_shoe_delete_for_undo (fixture->store, fixture->notifier, id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (deleted);
  g_assert_null (patella_shoe_get (fixture->store, id, NULL));

  /* Meanwhile another program gives one of its runs a pair. */
  g_assert_true (patella_run_edit (fixture->store, NULL, &run, &error));
  g_assert_no_error (error);

  again = patella_shoe_undelete (fixture->store, fixture->notifier, deleted, &error);
  g_assert_no_error (error);
  back = get_shoe (fixture, again);
  g_assert_cmpstr (back->name, ==, "Road pair");
  g_assert_cmpstr (back->brand, ==, "Brand");
  g_assert_true (back->is_default);
  g_assert_cmpint (back->warn_m, ==, PATELLA_SHOE_WARN_DEFAULT_M);
  g_assert_cmpuint (back->n_runs, ==, 1);
  {
    g_autofree char *uuid_back = shoe_uuid (fixture, again);

    g_assert_cmpstr (uuid_back, ==, uuid);
  }
  run_back = patella_run_get (fixture->store, kept, &error);
  g_assert_cmpint (run_back->shoe_id, ==, again);
  g_clear_pointer (&run_back, patella_run_free);
  run_back = patella_run_get (fixture->store, moved, &error);
  g_assert_cmpint (run_back->shoe_id, ==, other);

  /* A pair named the same, added after the delete, stays; Undo refuses. */
  g_clear_pointer (&deleted, patella_deleted_shoe_free);
  deleted = patella_shoe_delete_for_undo (fixture->store, fixture->notifier, again, &error);
  g_assert_no_error (error);
  add_shoe (fixture, "ROAD PAIR", FALSE);
  before = dump (fixture);
  g_assert_cmpint (patella_shoe_undelete (fixture->store, fixture->notifier, deleted, &error), ==, 0);
  g_assert_error (error, PATELLA_ERROR, PATELLA_ERROR_INVALID);
  {
    g_autofree char *after = dump (fixture);

    g_assert_cmpstr (after, ==, before);
  }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/shoes/" name, Fixture, NULL, fixture_set_up, func, \
              patella_store_fixture_tear_down)

  ADD ("add-and-defaults", test_add_and_defaults);
  ADD ("bad-shoes-refused", test_bad_shoes_refused);
  ADD ("edit-keeps-names-unique", test_edit_keeps_names_unique);
  ADD ("exact-totals", test_exact_totals);
  ADD ("notifications-once", test_notifications_once);
  ADD ("default-retire-delete", test_default_retire_delete);
  ADD ("bad-runs-refused", test_bad_runs_refused);
  ADD ("find-and-units", test_find_and_units);
  ADD ("status-uses-model", test_status_uses_model);
  ADD ("add-writes-whole-shoe", test_add_writes_whole_shoe);
  ADD ("undo-delete", test_undo_delete);
  g_test_add_func ("/shoes/status-words", test_status_words);
  g_test_add_func ("/shoes/input-equal", test_input_equal);

#undef ADD

  return g_test_run ();
}
