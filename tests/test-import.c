/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>

#include "patella-error.h"
#include "patella-export.h"
#include "patella-import.h"
#include "patella-test-data.h"
#include "patella-test-db.h"
#include "patella-test-store.h"
#include "patella-test-utils.h"

typedef PatellaStoreFixture Fixture;

#define fixture_set_up patella_store_fixture_set_up
#define fixture_tear_down patella_store_fixture_tear_down

/* An export of the sample data, made in a database of its own. */
static char *
sample_export (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "sample.db", NULL);
  g_autoptr(PatellaStore) store = patella_store_open (path, fixture->clock, &error);
  char *json;

  g_assert_no_error (error);
  patella_test_fill_store (store);
  json = patella_export_json (store, NULL, &error);
  g_assert_no_error (error);
  return json;
}

static PatellaImportReport *
import_json_ok (Fixture            *fixture,
                const char         *json,
                PatellaImportFlags  flags)
{
  g_autoptr(GError) error = NULL;
  PatellaImportReport *report;

  report = patella_import_json (fixture->store, json, strlen (json), flags, NULL, NULL, NULL,
                                &error);
  g_assert_no_error (error);
  g_assert_nonnull (report);
  return report;
}

static void
test_merge_keeps_existing (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PatellaImportReport) report = NULL;
  g_autofree char *json = sample_export (fixture);
  g_autofree char *text = NULL;

  patella_store_exec (fixture->store,
                      "INSERT INTO shoe (name, brand, warn_m, limit_m, is_default, created_us)"
                      " VALUES ('DAILY TRAINER', 'mine', 482803, 804672, 0, 1);"
                      "INSERT INTO shoe (name, warn_m, limit_m, is_default, created_us)"
                      " VALUES ('Other', 482803, 804672, 1, 2);"
                      "INSERT INTO journal_entry (day, pain_rest, note, created_us, updated_us)"
                      " VALUES ('2026-03-01', 7, 'mine', 1, 1);",
                      &error);
  g_assert_no_error (error);

  report = import_json_ok (fixture, json, PATELLA_IMPORT_KEEP_EXISTING);
  g_assert_cmpuint (report->shoes, ==, 2);
  g_assert_cmpuint (report->journal, ==, 2);
  g_assert_cmpuint (report->runs, ==, 4);
  g_assert_cmpuint (report->replaced, ==, 0);
  g_assert_cmpuint (report->skipped, ==, 2);

  /* The existing shoe and day were kept, and the runs went to that shoe. */
  g_assert_cmpint (patella_store_query_int (fixture->store,
                                            "SELECT count(*) FROM shoe WHERE brand = 'mine';", -1),
                   ==, 1);
  g_assert_cmpint (patella_store_query_int (fixture->store,
                                            "SELECT pain_rest FROM journal_entry"
                                            " WHERE day = '2026-03-01';", -1), ==, 7);
  g_assert_cmpint (patella_store_query_int (fixture->store,
                                            "SELECT count(*) FROM run r JOIN shoe s"
                                            " ON s.id = r.shoe_id WHERE s.brand = 'mine';", -1),
                   ==, 1);
  /* The default stayed where it was. */
  g_assert_cmpint (patella_store_query_int (fixture->store,
                                            "SELECT count(*) FROM shoe WHERE is_default = 1"
                                            " AND name = 'Other';", -1), ==, 1);

  text = patella_import_report_to_string (report);
  g_assert_nonnull (strstr (text, "Imported 12 items"));
  g_assert_nonnull (strstr (text, "Skipped 2 items"));
  g_assert_nonnull (strstr (text, "Shoe “Daily trainer”: a shoe of that name is already there"));
  g_assert_nonnull (strstr (text, "Journal day 2026-03-01: that day is already written"));
}

static void
test_merge_replace (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PatellaImportReport) report = NULL;
  g_autofree char *json = sample_export (fixture);

  patella_store_exec (fixture->store,
                      "INSERT INTO shoe (name, brand, warn_m, limit_m, is_default, created_us)"
                      " VALUES ('daily trainer', 'mine', 482803, 804672, 0, 1);"
                      "INSERT INTO shoe (name, warn_m, limit_m, is_default, created_us)"
                      " VALUES ('Other', 482803, 804672, 1, 2);"
                      "INSERT INTO journal_entry (day, pain_rest, note, created_us, updated_us)"
                      " VALUES ('2026-03-01', 7, 'mine', 1, 1);"
                      "INSERT INTO journal_symptom (day, code) VALUES ('2026-03-01', 'locking');",
                      &error);
  g_assert_no_error (error);

  report = import_json_ok (fixture, json, PATELLA_IMPORT_REPLACE);
  g_assert_cmpuint (report->replaced, ==, 2);
  g_assert_cmpuint (report->skipped, ==, 0);

  g_assert_cmpint (patella_store_query_int (fixture->store,
                                            "SELECT pain_rest FROM journal_entry"
                                            " WHERE day = '2026-03-01';", -1), ==, 2);
  g_assert_cmpint (patella_store_query_int (fixture->store,
                                            "SELECT count(*) FROM journal_symptom"
                                            " WHERE code = 'locking';", -1), ==, 0);
  g_assert_cmpint (patella_store_query_int (fixture->store,
                                            "SELECT is_default FROM shoe"
                                            " WHERE name = 'Daily trainer';", -1), ==, 1);
  g_assert_cmpint (patella_store_query_int (fixture->store,
                                            "SELECT count(*) FROM shoe WHERE is_default = 1;", -1),
                   ==, 1);
  /* Full-text search follows the replaced note. */
  g_assert_cmpint (patella_store_query_int (fixture->store,
                                            "SELECT count(*) FROM journal_fts"
                                            " WHERE journal_fts MATCH 'mine';", -1), ==, 0);
  g_assert_cmpint (patella_store_query_int (fixture->store,
                                            "SELECT count(*) FROM journal_fts"
                                            " WHERE journal_fts MATCH 'helped';", -1), ==, 1);
}

/* A refused import says why, and the database is as it was. */
static void
assert_refused (Fixture                   *fixture,
                const char                *before,
                const PatellaImportReport *report,
                const GError              *error,
                const char                *message_part)
{
  g_autofree char *after = NULL;

  g_assert_null (report);
  g_assert_error (error, PATELLA_ERROR, PATELLA_ERROR_INVALID);
  if (strstr (error->message, message_part) == NULL)
    g_error ("“%s” not in “%s”", message_part, error->message);

  after = patella_test_dump_db (fixture->path);
  g_assert_cmpstr (before, ==, after);
}

static void
refuse_json (Fixture    *fixture,
             const char *json,
             const char *message_part)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PatellaImportReport) report = NULL;
  g_autofree char *before = patella_test_dump_db (fixture->path);

  report = patella_import_json (fixture->store, json, strlen (json), PATELLA_IMPORT_REPLACE, NULL,
                                NULL, NULL, &error);
  assert_refused (fixture, before, report, error, message_part);
}

static void
test_refused (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *json = sample_export (fixture);
  g_autofree char *newer = NULL;
  g_autofree char *broken_late = NULL;

  patella_test_fill_store (fixture->store);

  newer = g_strdup (json);
  memcpy (strstr (newer, "\"version\" : 2"), "\"version\" : 3", 13);
  refuse_json (fixture, newer, "exported by a newer Patella (export format version 3");

  refuse_json (fixture, "{\"format\": \"other\", \"version\": 1}", "not a Patella export");
  refuse_json (fixture, "[1, 2]", "not a Patella export");
  refuse_json (fixture, "{\"format\": \"patella-export\"}", "no valid “version”");
  refuse_json (fixture, "{\"format\": \"patella-export\", \"version\": 1.5}", "no valid");
  refuse_json (fixture, "{\"format\": \"patella-export\", \"version\": 1, \"runs\": {}}",
               "“runs” must be a list");
  refuse_json (fixture, "{\"format\": \"patella-export\", \"version\": 1, \"runs\": [3]}",
               "item 1 is not an object");
  refuse_json (fixture, "{\"format\": \"patella-export\", \"version\": 1, \"runs\": ["
               "{\"date\": \"2026-01-01\", \"distance_m\": 1e3, \"created_us\": 1}]}",
               "“distance_m” must be a whole number from 1 to 300000");
  refuse_json (fixture, "{\"format\": \"patella-export\", \"version\": 1, \"journal\": ["
               "{\"date\": \"2026-01-01\", \"pain_rest\": 2, \"symptoms\": [\"bogus\"],"
               " \"created_us\": 1, \"updated_us\": 1}]}", "known symptom codes");
  refuse_json (fixture, "{\"format\": \"patella-export\", \"version\": 1,", "not valid JSON");
  refuse_json (fixture, "", "empty");

  /* A good item and a bad one: nothing at all is imported. */
  broken_late = g_strdup (json);
  memcpy (strstr (broken_late, "\"pain_rest\" : 0"), "\"pain_rest\" :11", 15);
  refuse_json (fixture, broken_late, "In “journal”, item 3, “pain_rest”");
}

static void
test_unknown_shoe (Fixture       *fixture,
                   gconstpointer  data)
{
  refuse_json (fixture, "{\"format\": \"patella-export\", \"version\": 1, \"runs\": ["
               "{\"date\": \"2026-01-01\", \"distance_m\": 1000, \"shoe\": \"Nope\","
               " \"created_us\": 1}]}", "names the shoe “Nope”");
}

typedef struct
{
  GCancellable *cancellable;
  double        last;
  guint         calls;
  guint         cancel_after;
} Progress;

static void
on_progress (double   fraction,
             gpointer user_data)
{
  Progress *progress = user_data;

  g_assert_cmpfloat (fraction, >=, progress->last);
  g_assert_cmpfloat (fraction, <=, 1.0);
  progress->last = fraction;
  progress->calls++;
  if (progress->cancel_after > 0 && progress->calls == progress->cancel_after)
    g_cancellable_cancel (progress->cancellable);
}

/* Many runs, so that progress is reported along the way. */
static char *
many_runs (guint n)
{
  GString *out = g_string_new ("{\"format\": \"patella-export\", \"version\": 1, \"runs\": [");

  for (guint i = 0; i < n; i++)
    g_string_append_printf (out, "%s{\"date\": \"2026-01-01\", \"distance_m\": %u,"
                            " \"created_us\": %u}", i > 0 ? "," : "", i + 1, i);
  g_string_append (out, "]}");
  return g_string_free (out, FALSE);
}

static void
test_progress_and_cancel (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(PatellaImportReport) report = NULL;
  g_autofree char *json = many_runs (1000);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  Progress progress = { cancellable, 0, 0, 3 };

  before = patella_test_dump_db (fixture->path);
  report = patella_import_json (fixture->store, json, strlen (json), 0, on_progress, &progress,
                                cancellable, &error);
  g_assert_null (report);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_nonnull (strstr (error->message, "nothing was imported"));
  after = patella_test_dump_db (fixture->path);
  g_assert_cmpstr (before, ==, after);

  g_clear_error (&error);
  g_cancellable_reset (cancellable);
  progress = (Progress) { cancellable, 0, 0, 0 };
  report = patella_import_json (fixture->store, json, strlen (json), 0, on_progress, &progress,
                                cancellable, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->runs, ==, 1000);
  g_assert_cmpfloat (progress.last, ==, 1.0);
  g_assert_cmpuint (progress.calls, >, 10);
}

#define GPX_HEAD "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" \
  "<gpx version=\"1.1\" creator=\"test\" xmlns=\"http://www.topografix.com/GPX/1/1\">\n"

static const char gpx_two_tracks[] =
  GPX_HEAD
  "<trk><name>Morning run</name><trkseg>\n"
  "<trkpt lat=\"52.0\" lon=\"13.0\"><ele>30</ele><time>2026-03-10T06:30:00Z</time></trkpt>\n"
  "<trkpt lat=\"52.01\" lon=\"13.0\"><time>2026-03-10T06:35:00Z</time></trkpt>\n"
  "<trkpt lat=\"52.02\" lon=\"13.0\"><time>2026-03-10T06:40:00Z</time></trkpt>\n"
  "</trkseg></trk>\n"
  "<trk><trkseg>\n"
  "<trkpt lat=\"0\" lon=\"0\"><time>2026-03-11T23:30:00Z</time></trkpt>\n"
  "<trkpt lat=\"0\" lon=\"0.05\"><time>2026-03-12T00:00:00.5Z</time></trkpt>\n"
  "</trkseg></trk>\n"
  "<trk><name>Empty</name></trk>\n"
  "<trk><name>No time</name><trkseg><trkpt lat=\"1\" lon=\"1\"/><trkpt lat=\"1.1\" lon=\"1\"/>"
  "</trkseg></trk>\n"
  "</gpx>\n";

static void
test_gpx_import (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PatellaImportReport) report = NULL;
  g_autoptr(PatellaImportReport) again = NULL;
  g_autofree char *text = NULL;
  g_autofree char *file = g_build_filename (fixture->dir, "run.gpx", NULL);

  patella_store_exec (fixture->store,
                      "INSERT INTO shoe (name, warn_m, limit_m, is_default, created_us)"
                      " VALUES ('Default one', 482803, 804672, 1, 1),"
                      " ('Second', 482803, 804672, 0, 2);",
                      &error);
  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (file, gpx_two_tracks, -1, &error));

  report = patella_import_file (fixture->store, file, 0, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->runs, ==, 2);
  g_assert_cmpuint (report->skipped, ==, 2);
  text = patella_import_report_to_string (report);
  g_assert_nonnull (strstr (text, "run.gpx: it has no start time"));

  g_assert_cmpint (patella_store_query_int (fixture->store,
                                            "SELECT count(*) FROM run r JOIN shoe s"
                                            " ON s.id = r.shoe_id WHERE s.name = 'Default one'"
                                            " AND r.day = '2026-03-10' AND r.distance_m = 2224"
                                            " AND r.duration_s = 600;", -1), ==, 1);

  /* Again, with another shoe: the runs are there already. */
  again = patella_import_file (fixture->store, file, 0, "second", NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (again->imported, ==, 0);
  g_assert_cmpuint (again->skipped, ==, 4);
  g_assert_nonnull (strstr (g_ptr_array_index (again->reasons, 0),
                            "on 2026-03-10 is already there; skipped as a duplicate"));

  g_assert_null (patella_import_file (fixture->store, file, 0, "Nope", NULL, NULL, NULL,
                                      &error));
  g_assert_error (error, PATELLA_ERROR, PATELLA_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "There is no shoe called “Nope”; the shoes are "
                                            "“Default one”, “Second”"));
}

static void
test_gpx_no_shoe (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PatellaImportReport) report = NULL;

  report = patella_import_gpx (fixture->store, gpx_two_tracks, strlen (gpx_two_tracks), "",
                               NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (patella_store_query_int (fixture->store,
                                            "SELECT count(*) FROM run WHERE shoe_id IS NULL;", -1),
                   ==, 2);
}

static void
refuse_gpx (Fixture    *fixture,
            const char *gpx,
            const char *message_part)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PatellaImportReport) report = NULL;
  g_autofree char *before = patella_test_dump_db (fixture->path);

  report = patella_import_gpx (fixture->store, gpx, strlen (gpx), NULL, NULL, NULL, NULL, &error);
  assert_refused (fixture, before, report, error, message_part);
}

static void
test_gpx_refused (Fixture       *fixture,
                  gconstpointer  data)
{
  refuse_gpx (fixture, "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [<!ENTITY lol \"lol\">"
              "<!ENTITY lol2 \"&lol;&lol;&lol;&lol;\">]>\n<gpx><trk><name>&lol2;</name></trk></gpx>",
              "document type declaration");
  refuse_gpx (fixture, GPX_HEAD "<trk><name>&lol;</name></trk></gpx>", "not valid GPX");
  refuse_gpx (fixture, GPX_HEAD "<trk><trkseg><trkpt lat=\"1\" lon=\"1\"><time>yesterday</time>"
              "</trkpt></trkseg></trk></gpx>", "is not a date and time");
  refuse_gpx (fixture, GPX_HEAD "</gpx>", "no tracks");
  refuse_gpx (fixture, GPX_HEAD "<trk>", "not valid GPX");
  refuse_gpx (fixture, "<html><body/></html>", "not GPX");
  refuse_gpx (fixture, "<gpx><trk><trk></trk></trk></gpx>", "inside another track");
}

static void
test_file_limits (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *big = g_build_filename (fixture->dir, "big.json", NULL);
  g_autofree char *text = g_build_filename (fixture->dir, "notes.txt", NULL);
  FILE *file;

  /* A sparse 100 MB file is refused before it is read. */
  file = fopen (big, "w");
  g_assert_nonnull (file);
  g_assert_cmpint (fseek (file, 100 * 1024 * 1024, SEEK_SET), ==, 0);
  fputc ('}', file);
  fclose (file);

  g_assert_null (patella_import_file (fixture->store, big, 0, NULL, NULL, NULL, NULL, &error));
  g_assert_error (error, PATELLA_ERROR, PATELLA_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "files of at most 32 MB can be imported"));
  g_clear_error (&error);

  g_assert_null (patella_import_file (fixture->store, fixture->dir, 0, NULL, NULL, NULL, NULL,
                                      &error));
  g_assert_error (error, PATELLA_ERROR, PATELLA_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (g_file_set_contents (text, "hello", -1, NULL));
  g_assert_null (patella_import_file (fixture->store, text, 0, NULL, NULL, NULL, NULL, &error));
  g_assert_error (error, PATELLA_ERROR, PATELLA_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "neither a Patella export"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/import/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("merge-keeps-existing", test_merge_keeps_existing);
  ADD ("merge-replace", test_merge_replace);
  ADD ("refused", test_refused);
  ADD ("unknown-shoe", test_unknown_shoe);
  ADD ("progress-and-cancel", test_progress_and_cancel);
  ADD ("gpx-import", test_gpx_import);
  ADD ("gpx-no-shoe", test_gpx_no_shoe);
  ADD ("gpx-refused", test_gpx_refused);
  ADD ("file-limits", test_file_limits);

#undef ADD


  return g_test_run ();
}
