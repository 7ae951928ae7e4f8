/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Export → import reproduces every row and field, over generated data of
 * every kind; importing the same export again adds nothing. */
#include "config.h"

#include <json-glib/json-glib.h>
#include <sqlite3.h>
#include <string.h>

#include "patella-export.h"
#include "patella-import.h"
#include "patella-schema.h"
#include "patella-store-private.h"
#include "patella-test-db.h"
#include "patella-test-store.h"
#include "patella-test-utils.h"

typedef PatellaStoreFixture Fixture;

#define fixture_set_up patella_store_fixture_set_up
#define fixture_tear_down patella_store_fixture_tear_down

/* Texts that have broken exports before, or might: the literal text of an
 * escaped NUL, control characters, emoji, other scripts, quotes, newlines. */
static const char * const notes[] = {
  "",
  "easy day",
  "\\u0000 is what I typed",
  "tab\there, bell\a, escape\x1b, unit separator\x1f",
  "line one\nline two\r\nline three",
  "knee 🦵 ok 👍🏽, family 👨‍👩‍👧",
  "Knie schmerzt beim Treppensteigen — „Ärger“",
  "膝の痛み、階段で悪化",
  "ألم في الركبة",
  "\"quoted\" and 'single' and \\ backslash",
  "'); DROP TABLE run; --",
  "\xef\xbb\xbf BOM inside",
};

static const char * const symptoms[] = {
  "ache-behind-kneecap", "sharp-pain", "pain-stairs", "pain-downhill", "pain-sitting",
  "pain-squatting", "swelling", "grinding", "locking", "instability", "outer-knee-pain",
};

static void
exec_bound (sqlite3    *db,
            const char *sql,
            const char *format,
            ...)
{
  sqlite3_stmt *stmt = NULL;
  va_list args;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);

  va_start (args, format);
  for (int i = 0; format[i] != '\0'; i++)
    {
      switch (format[i])
        {
        case 's':
          {
            const char *text = va_arg (args, const char *);

            if (text == NULL)
              sqlite3_bind_null (stmt, i + 1);
            else
              sqlite3_bind_text (stmt, i + 1, text, -1, SQLITE_TRANSIENT);
          }
          break;
        case 'i':
          sqlite3_bind_int64 (stmt, i + 1, va_arg (args, gint64));
          break;
        case 'n':
          {
            gint64 value = va_arg (args, gint64);

            if (value < 0)
              sqlite3_bind_null (stmt, i + 1);
            else
              sqlite3_bind_int64 (stmt, i + 1, value);
          }
          break;
        default:
          g_assert_not_reached ();
        }
    }
  va_end (args);

  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_finalize (stmt);
}

static gint64
maybe (GRand *rand,
       gint64 value)
{
  return g_rand_boolean (rand) ? value : -1;
}

/* Fills @store with rows of every kind; many share the content that older
 * imports took for a duplicate. */
static void
generate (PatellaStore *store,
          guint32       seed)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  sqlite3 *db = patella_store_get_db (store);
  gint64 base_us = PATELLA_TEST_NOW_US - G_GINT64_CONSTANT (90) * 24 * 3600 * G_USEC_PER_SEC;

  g_assert_cmpint (sqlite3_exec (db, "BEGIN;", NULL, NULL, NULL), ==, SQLITE_OK);

  exec_bound (db, "INSERT INTO shoe (name, brand, first_used, initial_m, warn_m, limit_m,"
                  " retired, is_default, created_us) VALUES (?1, ?2, ?3, ?4, ?5, ?6, 0, 1, ?7);",
              "sssiiii", "Road pair", "", "2026-01-02", (gint64) 12000, (gint64) 482803,
              (gint64) 804672, base_us);
  exec_bound (db, "INSERT INTO shoe (name, brand, first_used, initial_m, warn_m, limit_m,"
                  " retired, is_default, created_us) VALUES (?1, ?2, ?3, ?4, ?5, ?6, 1, 0, ?7);",
              "sssiiii", "Trail pair ⛰", "no brand", NULL, (gint64) 0, (gint64) 300000,
              (gint64) 600000, base_us);

  for (guint i = 0; i < 45; i++)
    {
      g_autofree char *day = g_strdup_printf ("2026-%02u-%02u", 1 + i / 28, 1 + i % 28);

      exec_bound (db, "INSERT INTO journal_entry (day, pain_rest, pain_activity, pain_morning,"
                      " note, created_us, updated_us) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7);",
                  "snnnsii", day,
                  /* Pain at rest unrated on some days: null, never 0 (issue 17). */
                  maybe (rand, g_rand_int_range (rand, 0, 11)),
                  maybe (rand, g_rand_int_range (rand, 0, 11)),
                  maybe (rand, g_rand_int_range (rand, 0, 11)),
                  notes[g_rand_int_range (rand, 0, G_N_ELEMENTS (notes))],
                  base_us + i, base_us + i + g_rand_int_range (rand, 0, 1000));

      for (guint j = 0; j < G_N_ELEMENTS (symptoms); j++)
        if (g_rand_int_range (rand, 0, 6) == 0)
          exec_bound (db, "INSERT INTO journal_symptom (day, code) VALUES (?1, ?2);", "ss", day,
                      symptoms[j]);
    }

  /* Double days: two runs with the same day and distance, some created in
   * the same instant, as a batch import makes them. */
  for (guint i = 0; i < 60; i++)
    {
      g_autofree char *day = g_strdup_printf ("2026-02-%02u", 1 + i / 3);
      const char *shoe = i % 4 == 0 ? NULL : i % 4 == 1 ? "Trail pair ⛰" : "Road pair";

      static const char * const sources[] = { "manual", "json", "fit", "tcx", "gpx" };

      exec_bound (db, "INSERT INTO run (day, distance_m, duration_s, shoe_id, pain, note,"
                      " created_us, start_us, source, cadence_spm, descent_m) VALUES (?1, ?2, ?3,"
                      " (SELECT id FROM shoe WHERE name = ?4), ?5, ?6, ?7, ?8, ?9, ?10, ?11);",
                  "sinsnsinsnn", day, (gint64) (i % 3 == 2 ? 5000 : 5000 + 10 * (i % 2)),
                  maybe (rand, 1800), shoe, maybe (rand, g_rand_int_range (rand, 0, 11)),
                  notes[g_rand_int_range (rand, 0, G_N_ELEMENTS (notes))],
                  base_us + 1000 * (i / 3), maybe (rand, base_us + 7 * i),
                  sources[i % G_N_ELEMENTS (sources)], maybe (rand, g_rand_int_range (rand, 150, 190)),
                  maybe (rand, g_rand_int_range (rand, 0, 300)));
    }

  /* Icing logged twice for the same past day gets the same start. */
  for (guint i = 0; i < 30; i++)
    {
      g_autofree char *day = g_strdup_printf ("2026-03-%02u", 1 + i / 2);
      gint64 started = base_us + G_GINT64_CONSTANT (86400000000) * (i / 2);
      const char *kind = i % 5 == 4 ? "exercise" : "icing";
      const char *state = i % 7 == 3 ? "stopped" : "finished";

      exec_bound (db, "INSERT INTO session (kind, day, state, started_us, planned_s, ended_us,"
                      " duration_s, routine, pain) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9);",
                  "sssiiiisn", kind, day, state, started, (gint64) 900,
                  started + 900 * G_USEC_PER_SEC, (gint64) 900,
                  g_str_equal (kind, "exercise") ? "Knee basics" : NULL,
                  maybe (rand, g_rand_int_range (rand, 0, 11)));
    }
  exec_bound (db, "INSERT INTO session (kind, day, state, started_us, planned_s, ends_us)"
                  " VALUES ('icing', '2026-03-14', 'running', ?1, 900, ?2);",
              "ii", PATELLA_TEST_NOW_US, PATELLA_TEST_NOW_US + 900 * G_USEC_PER_SEC);

  exec_bound (db, "INSERT INTO routine (name, created_us) VALUES (?1, ?2);", "si",
              "Knee basics", base_us);
  exec_bound (db, "INSERT INTO routine_step (routine_id, position, exercise, sets, reps, hold_s,"
                  " rest_s, per_side) VALUES ((SELECT id FROM routine), 0, 'wall-sit', 3, 0, 30,"
                  " 60, 0), ((SELECT id FROM routine), 1, 'clamshell', 3, 15, 0, 30, 1);", "");

  /* A plan stopped, one running, their histories, and walk/run sessions. */
  exec_bound (db, "INSERT INTO plan (uuid, started_day, started_us, rule, state, phase, streak,"
                  " ex_level, ex_streak) VALUES (?1, '2026-01-05', ?2, 'strict', 'stopped', 4, 1,"
                  " 2, 0), (?3, '2026-02-01', ?4, 'standard', 'active', 5, 0, 1, 1);",
              "sisi", "7b7c5a2e-1d34-4f6e-9a3b-2c1d0e9f8a71", base_us,
              "c2d4e6f8-0a1b-4c3d-8e5f-6a7b8c9d0e1f", base_us + 1);
  for (guint i = 0; i < 12; i++)
    {
      g_autofree char *uuid = g_uuid_string_random ();
      g_autofree char *day = g_strdup_printf ("2026-02-%02u", 1 + i);

      exec_bound (db, "INSERT INTO plan_event (uuid, plan_id, day, at_us, kind, phase, pain,"
                      " pain_after, duration_s, decided, decision, reason, ref_day, value,"
                      " ex_level, note) VALUES (?1, (SELECT id FROM plan WHERE state = 'active'),"
                      " ?2, ?3, ?4, 5, ?5, NULL, ?6, 1, ?7, ?8, ?9, NULL, 1, ?10);",
                  "ssisnissss", uuid, day, base_us + i,
                  i % 2 == 0 ? "session" : "decision",
                  maybe (rand, g_rand_int_range (rand, 0, 11)), (gint64) 1800,
                  i % 2 == 0 ? NULL : "hold", i % 2 == 0 ? "" : "too-much-pain",
                  i % 2 == 0 ? NULL : day, notes[g_rand_int_range (rand, 0, G_N_ELEMENTS (notes))]);
    }
  exec_bound (db, "INSERT INTO walk_run (uuid, day, phase, warm_up_s, run_s, walk_s, repeats,"
                  " state, started_us, ended_us, pain) VALUES"
                  " (?1, '2026-02-02', 3, 300, 120, 180, 6, 'logged', ?2, ?3, 2),"
                  " (?4, '2026-02-04', 3, 300, 120, 180, 6, 'stopped', ?5, ?6, NULL);",
              "siisii", "0e1d2c3b-4a59-4687-9a6b-5c4d3e2f1a0b", base_us, base_us + 2000,
              "1f2e3d4c-5b6a-4798-8a7b-6c5d4e3f2a1b", base_us + 5, base_us + 900);

  g_assert_cmpint (sqlite3_exec (db, "COMMIT;", NULL, NULL, NULL), ==, SQLITE_OK);
}

static char *
export (PatellaStore *store)
{
  g_autoptr(GError) error = NULL;
  char *json = patella_export_json (store, NULL, &error);

  g_assert_no_error (error);
  return json;
}

static PatellaImportReport *
import (PatellaStore *store,
        const char   *json)
{
  g_autoptr(GError) error = NULL;
  PatellaImportReport *report;

  report = patella_import_json (store, json, strlen (json), PATELLA_IMPORT_KEEP_EXISTING, NULL,
                                NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (report);
  return report;
}

/* Every row of the user's tables, ids left out: what a user could tell apart. */
static char *
dump_rows (PatellaStore *store)
{
  static const char * const queries[] = {
    "SELECT uuid, day, pain_rest, pain_activity, pain_morning, hex (note), created_us,"
    " updated_us FROM journal_entry ORDER BY uuid;",
    "SELECT day, code FROM journal_symptom ORDER BY day, code;",
    "SELECT r.uuid, r.day, r.distance_m, r.duration_s, s.uuid, r.pain, hex (r.note),"
    " r.created_us, r.start_us, r.source, r.cadence_spm, r.descent_m"
    " FROM run r LEFT JOIN shoe s ON s.id = r.shoe_id ORDER BY r.uuid;",
    "SELECT uuid, name, brand, first_used, initial_m, warn_m, limit_m, retired, is_default,"
    " created_us FROM shoe ORDER BY uuid;",
    "SELECT uuid, kind, day, state, started_us, planned_s, ends_us, remaining_s, ended_us,"
    " duration_s, routine, pain FROM session ORDER BY uuid;",
    "SELECT r.uuid, r.name, r.created_us, s.position, s.exercise, s.sets, s.reps, s.hold_s,"
    " s.rest_s, s.per_side FROM routine r JOIN routine_step s ON s.routine_id = r.id"
    " ORDER BY r.uuid, s.position;",
    "SELECT uuid, started_day, started_us, rule, state, phase, streak, ex_level, ex_streak"
    " FROM plan ORDER BY uuid;",
    "SELECT e.uuid, p.uuid, e.day, e.at_us, e.kind, e.phase, e.pain, e.pain_after,"
    " e.duration_s, e.decided, e.decision, e.reason, e.ref_day, e.value, e.ex_level,"
    " hex (e.note) FROM plan_event e JOIN plan p ON p.id = e.plan_id ORDER BY e.uuid;",
    "SELECT uuid, day, phase, warm_up_s, run_s, walk_s, repeats, state, started_us, ends_us,"
    " remaining_s, ended_us, pain FROM walk_run ORDER BY uuid;",
  };
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      g_string_append_printf (out, "== %u\n", i);
      patella_test_db_dump_query (patella_store_get_path (store), queries[i], out);
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static gint64
count (PatellaStore *store,
       const char   *sql)
{
  return patella_store_query_int (store, sql, -1);
}

static void
test_exact (Fixture       *fixture,
            gconstpointer  data)
{
  for (guint32 seed = 1; seed <= 5; seed++)
    {
      g_autoptr(PatellaStore) source = NULL;
      g_autoptr(PatellaStore) target = NULL;
      g_autoptr(PatellaImportReport) first = NULL;
      g_autoptr(PatellaImportReport) again = NULL;
      g_autofree char *source_name = g_strdup_printf ("source-%u.db", seed);
      g_autofree char *target_name = g_strdup_printf ("target-%u.db", seed);
      g_autofree char *exported = NULL;
      g_autofree char *reexported = NULL;
      g_autofree char *source_rows = NULL;
      g_autofree char *target_rows = NULL;

      source = patella_store_fixture_open_other (fixture, source_name);
      generate (source, seed);
      exported = export (source);
      /* Unrated pain at rest is written as null. */
      g_assert_cmpint (count (source, "SELECT count(*) FROM journal_entry"
                                      " WHERE pain_rest IS NULL;"), >, 0);
      g_assert_nonnull (strstr (exported, "\"pain_rest\" : null"));

      target = patella_store_fixture_open_other (fixture, target_name);
      first = import (target, exported);
      g_assert_cmpuint (first->skipped, ==, 0);
      g_assert_cmpuint (first->runs, ==, 60);
      g_assert_cmpuint (first->sessions, ==, 31);

      source_rows = dump_rows (source);
      target_rows = dump_rows (target);
      g_assert_cmpstr (source_rows, ==, target_rows);

      reexported = export (target);
      g_assert_cmpstr (exported, ==, reexported);

      /* The same file again adds nothing. */
      again = import (target, exported);
      g_assert_cmpuint (again->imported, ==, 0);
      g_clear_pointer (&target_rows, g_free);
      target_rows = dump_rows (target);
      g_assert_cmpstr (source_rows, ==, target_rows);
      g_assert_cmpint (count (target, "PRAGMA integrity_check;"), ==, 0);
    }
}

/* Takes the identities out, as Patella before version 2 wrote them. */
static char *
as_version_1 (const char *json,
              gboolean    shift_first_run)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  static const char * const lists[] = { "journal", "runs", "shoes", "sessions", "routines" };
  JsonObject *root;

  g_assert_true (json_parser_load_from_data (parser, json, -1, NULL));
  root = json_node_get_object (json_parser_get_root (parser));
  json_object_set_int_member (root, "version", 1);
  json_object_remove_member (root, "plans");
  json_object_remove_member (root, "plan_events");
  json_object_remove_member (root, "walk_runs");

  for (guint i = 0; i < G_N_ELEMENTS (lists); i++)
    {
      JsonArray *array = json_object_get_array_member (root, lists[i]);

      for (guint j = 0; j < json_array_get_length (array); j++)
        {
          JsonObject *item = json_array_get_object_element (array, j);

          json_object_remove_member (item, "uuid");
          if (json_object_has_member (item, "shoe_uuid"))
            json_object_remove_member (item, "shoe_uuid");
        }
    }

  if (shift_first_run)
    {
      JsonObject *run = json_array_get_object_element (json_object_get_array_member (root, "runs"),
                                                       0);

      json_object_set_int_member (run, "created_us",
                                  json_object_get_int_member (run, "created_us") + 1);
    }

  json_generator_set_root (generator, json_parser_get_root (parser));
  return json_generator_to_data (generator, NULL);
}

static void
test_version_1 (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(PatellaImportReport) first = NULL;
  g_autoptr(PatellaImportReport) again = NULL;
  g_autofree char *exported = NULL;
  g_autofree char *old = NULL;

  generate (fixture->store, 7);
  exported = export (fixture->store);
  old = as_version_1 (exported, FALSE);

  {
    g_autoptr(PatellaStore) target = patella_store_fixture_open_other (fixture, "old.db");

    first = import (target, old);
    g_assert_cmpuint (first->skipped, ==, 0);
    g_assert_cmpint (count (target, "SELECT count(*) FROM run;"), ==, 60);
    g_assert_cmpint (count (target, "SELECT count(*) FROM session;"), ==, 31);
    g_assert_cmpint (count (target, "SELECT count(*) FROM journal_entry;"), ==, 45);
    g_assert_cmpint (count (target, "SELECT count(DISTINCT uuid) FROM run;"), ==, 60);
    g_assert_cmpint (count (target,
                            "SELECT count(*) FROM run WHERE length (uuid) = 36"
                            " AND substr (uuid, 15, 1) = '4';"), ==, 60);

    /* Matched by creation instant: nothing is added the second time. */
    again = import (target, old);
    g_assert_cmpuint (again->imported, ==, 0);
    g_assert_cmpint (count (target, "SELECT count(*) FROM run;"), ==, 60);
    g_assert_cmpint (count (target, "SELECT count(*) FROM session;"), ==, 31);
  }

  /* A run with the same content but another creation instant is another run. */
  {
    g_autoptr(PatellaImportReport) more = NULL;
    g_autofree char *shifted = as_version_1 (exported, TRUE);

    more = import (fixture->store, shifted);
    g_assert_cmpuint (more->imported, ==, 1);
    g_assert_cmpuint (more->runs, ==, 1);
  }
}

static void
test_migration_gives_identities (void)
{
  g_autofree char *dir = patella_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "old.db", NULL);
  g_autoptr(PatellaClock) clock = patella_clock_new_fake (PATELLA_TEST_NOW_US);
  g_autoptr(PatellaStore) store = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;

  /* A database as version 1 of the schema left it, with rows in it. */
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, patella_schema_migrations[0], NULL, NULL, NULL), ==,
                   SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db,
                                 "PRAGMA user_version = 1;"
                                 "INSERT INTO shoe (name, created_us) VALUES ('Road pair', 1);"
                                 "INSERT INTO run (day, distance_m, created_us)"
                                 " VALUES ('2026-01-01', 5000, 2), ('2026-01-01', 5000, 2);"
                                 "INSERT INTO journal_entry (day, pain_rest, created_us,"
                                 " updated_us) VALUES ('2026-01-01', 3, 1, 1);"
                                 "INSERT INTO session (kind, day, state, started_us, planned_s)"
                                 " VALUES ('icing', '2026-01-01', 'finished', 5, 900);"
                                 "INSERT INTO routine (name, created_us) VALUES ('Mine', 1);",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  store = patella_store_open (path, clock, &error);
  g_assert_no_error (error);
  g_assert_cmpint (patella_store_get_schema_version (store), ==, PATELLA_SCHEMA_VERSION);

  g_assert_cmpint (count (store, "SELECT count(DISTINCT uuid) FROM run;"), ==, 2);
  g_assert_cmpint (count (store, "SELECT count(*) FROM shoe WHERE length (uuid) = 36;"), ==, 1);
  g_assert_cmpint (count (store, "SELECT count(*) FROM journal_entry WHERE uuid IS NOT NULL;"),
                   ==, 1);
  g_assert_cmpint (count (store, "SELECT count(*) FROM session WHERE uuid IS NOT NULL;"), ==, 1);
  g_assert_cmpint (count (store, "SELECT count(*) FROM routine WHERE uuid IS NOT NULL;"), ==, 1);

  /* New rows get one too, whoever writes them. */
  g_assert_true (patella_store_exec (store, "INSERT INTO run (day, distance_m, created_us)"
                                            " VALUES ('2026-01-02', 3000, 9);", &error));
  g_assert_cmpint (count (store, "SELECT count(DISTINCT uuid) FROM run;"), ==, 3);

  g_clear_object (&store);
  patella_test_remove_dir (dir);
}

/* A plan that is open here already: the imported open plan, and its
 * events, are skipped with the reason; nothing else is lost. */
static void
test_second_open_plan (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(PatellaStore) target = patella_store_fixture_open_other (fixture, "target.db");
  g_autoptr(PatellaImportReport) report = NULL;
  g_autofree char *exported = NULL;
  gboolean named = FALSE;

  generate (fixture->store, 3);
  exported = export (fixture->store);
  g_assert_true (patella_store_exec (target,
                                     "INSERT INTO plan (uuid, started_day, started_us, rule, state,"
                                     " phase) VALUES ('9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a',"
                                     " '2026-03-01', 1, 'strict', 'active', 1);", NULL));

  report = import (target, exported);
  for (guint i = 0; i < report->reasons->len; i++)
    if (strstr (g_ptr_array_index (report->reasons, i), "“plans”, item 2") != NULL)
      named = TRUE;
  g_assert_true (named);
  g_assert_cmpint (count (target, "SELECT count(*) FROM plan;"), ==, 2);
  g_assert_cmpint (count (target, "SELECT count(*) FROM plan_event;"), ==, 0);
  g_assert_cmpint (count (target, "SELECT count(*) FROM walk_run;"), ==, 2);
  g_assert_cmpint (count (target, "SELECT count(*) FROM run;"), ==, 60);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/round-trip/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("exact", test_exact);
  ADD ("version-1", test_version_1);
  ADD ("second-open-plan", test_second_open_plan);
  g_test_add_func ("/round-trip/migration-gives-identities", test_migration_gives_identities);

  return g_test_run ();
}
