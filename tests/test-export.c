/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <json-glib/json-glib.h>
#include <sys/stat.h>

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

static void
test_empty (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *json = patella_export_json (fixture->store, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (json, ==,
                   "{\n"
                   "  \"format\" : \"patella-export\",\n"
                   "  \"version\" : 2,\n"
                   "  \"journal\" : [],\n"
                   "  \"runs\" : [],\n"
                   "  \"shoes\" : [],\n"
                   "  \"sessions\" : [],\n"
                   "  \"routines\" : [],\n"
                   "  \"plans\" : [],\n"
                   "  \"plan_events\" : [],\n"
                   "  \"walk_runs\" : []\n"
                   "}\n");
}

static void
test_round_trip (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PatellaStore) other = NULL;
  g_autoptr(PatellaImportReport) report = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *file = g_build_filename (fixture->dir, "export.json", NULL);
  g_autofree char *dump = NULL;
  g_autofree char *dump_after = NULL;
  g_autofree char *other_path = NULL;
  gsize length = 0;

  patella_test_fill_store (fixture->store);
  first = patella_export_json (fixture->store, &length, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (length, ==, strlen (first));
  g_assert_true (patella_export_write_file (file, first, length, &error));
  g_assert_no_error (error);

  other = patella_store_fixture_open_other (fixture, "other.db");
  report = patella_import_file (other, file, PATELLA_IMPORT_KEEP_EXISTING, NULL, NULL, NULL,
                                NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (report);
  g_assert_cmpuint (report->skipped, ==, 0);
  g_assert_cmpuint (report->journal, ==, 3);
  g_assert_cmpuint (report->runs, ==, 4);
  g_assert_cmpuint (report->shoes, ==, 3);
  g_assert_cmpuint (report->sessions, ==, 3);
  g_assert_cmpuint (report->routines, ==, 1);
  g_assert_cmpuint (report->imported, ==, 14);

  second = patella_export_json (other, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (first, ==, second);

  /* Importing the same file again adds nothing. */
  g_clear_pointer (&report, patella_import_report_free);
  other_path = g_build_filename (fixture->dir, "other.db", NULL);
  dump = patella_test_dump_db (other_path);
  report = patella_import_file (other, file, PATELLA_IMPORT_KEEP_EXISTING, NULL, NULL, NULL,
                                NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->imported, ==, 0);
  g_assert_cmpuint (report->skipped, ==, 14);
  g_assert_cmpuint (report->reasons->len, ==, 14);
  dump_after = patella_test_dump_db (other_path);
  g_assert_cmpstr (dump, ==, dump_after);
}

static void
test_content (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonObject *object;
  JsonArray *runs;
  JsonObject *run;

  patella_test_fill_store (fixture->store);
  root = patella_export_build_json (fixture->store, &error);
  g_assert_no_error (error);
  object = json_node_get_object (root);
  g_assert_cmpstr (json_object_get_string_member (object, "format"), ==, "patella-export");
  g_assert_cmpint (json_object_get_int_member (object, "version"), ==, 2);
  /* Only the user's own data. */
  g_assert_false (json_object_has_member (object, "notification_sent"));
  g_assert_false (json_object_has_member (object, "reminder_slot"));

  runs = json_object_get_array_member (object, "runs");
  g_assert_cmpuint (json_array_get_length (runs), ==, 4);
  run = json_array_get_object_element (runs, 0);
  g_assert_cmpstr (json_object_get_string_member (run, "date"), ==, "2026-03-01");
  g_assert_cmpstr (json_object_get_string_member (run, "shoe"), ==, "Daily trainer");
  g_assert_cmpint (json_object_get_int_member (run, "distance_m"), ==, 5000);
  run = json_array_get_object_element (runs, 1);
  g_assert_true (json_object_get_null_member (run, "shoe"));
  g_assert_true (json_object_get_null_member (run, "duration_s"));

  {
    JsonArray *journal = json_object_get_array_member (object, "journal");
    JsonObject *day = json_array_get_object_element (journal, 0);
    JsonArray *symptoms = json_object_get_array_member (day, "symptoms");

    g_assert_cmpuint (json_array_get_length (symptoms), ==, 2);
    g_assert_cmpstr (json_array_get_string_element (symptoms, 0), ==, "pain-stairs");
    g_assert_cmpstr (json_array_get_string_element (symptoms, 1), ==, "swelling");
  }
}

static void
test_csv (Fixture       *fixture,
          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *runs = NULL;
  g_autofree char *journal = NULL;
  g_autofree char *shoes = NULL;
  g_autofree char *sessions = NULL;
  PatellaExportTable table;

  patella_test_fill_store (fixture->store);

  runs = patella_export_csv (fixture->store, PATELLA_EXPORT_TABLE_RUNS, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (runs, ==,
                   "date,distance_m,duration_s,shoe,pain,note,created_us,start_us,source,"
                   "cadence_spm,descent_m\r\n"
                   "2026-03-01,5000,1800,Daily trainer,2,easy,1000,,manual,,\r\n"
                   "2026-03-01,3000,,,,,1001,,manual,,\r\n"
                   "2026-03-03,10000,3600,Trail ☃,4,\"line one\nline \"\"two\"\", three\",1002,,"
                   "manual,,\r\n"
                   "2026-03-05,8000,2800,old racer'); DROP TABLE run;--,0,'; DELETE FROM shoe; --,"
                   "1003,,manual,,\r\n");

  journal = patella_export_csv (fixture->store, PATELLA_EXPORT_TABLE_JOURNAL, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (journal,
                                   "date,pain_rest,pain_activity,pain_morning,symptoms,note,"
                                   "created_us,updated_us\r\n"
                                   "2026-03-01,2,4,,pain-stairs swelling,"
                                   "\"Sore after run, ice helped\",10,11\r\n"));

  shoes = patella_export_csv (fixture->store, PATELLA_EXPORT_TABLE_SHOES, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (shoes,
                                   "name,brand,first_used,initial_m,warn_m,limit_m,retired,"
                                   "default,created_us\r\n"
                                   "Daily trainer,\"Brand, \"\"quoted\"\"\",2026-01-02,12000,"
                                   "482803,804672,0,1,100\r\n"));

  sessions = patella_export_csv (fixture->store, PATELLA_EXPORT_TABLE_SESSIONS, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (sessions, "kind,date,state,started_us,planned_s,ends_us,"
                                             "remaining_s,ended_us,duration_s,routine,pain\r\n"
                                             "icing,2026-03-01,finished,5000,900,,,5900,900,,\r\n"));

  g_assert_true (patella_export_table_from_string ("sessions", &table));
  g_assert_cmpint (table, ==, PATELLA_EXPORT_TABLE_SESSIONS);
  g_assert_false (patella_export_table_from_string ("reminder_slot", &table));
  g_assert_false (patella_export_table_from_string (NULL, &table));
}

static void
test_csv_folder_and_mode (Fixture       *fixture,
                          gconstpointer  data)
{
  static const char * const names[] = { "patella-journal.csv", "patella-runs.csv",
                                        "patella-shoes.csv", "patella-sessions.csv" };
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = g_build_filename (fixture->dir, "csv", NULL);

  patella_test_fill_store (fixture->store);
  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  g_assert_true (patella_export_csv_to_folder (fixture->store, folder, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_build_filename (folder, names[i], NULL);
      GStatBuf st;

      g_assert_cmpint (g_stat (path, &st), ==, 0);
      g_assert_cmpint (st.st_mode & 0777, ==, 0600);
    }
}

static void
test_write_refused (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "no", "such", "folder.json", NULL);

  g_assert_false (patella_export_write_file (path, "{}", 2, &error));
  g_assert_error (error, PATELLA_ERROR, PATELLA_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "Choose another place"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/export/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("empty", test_empty);
  ADD ("round-trip", test_round_trip);
  ADD ("content", test_content);
  ADD ("csv", test_csv);
  ADD ("csv-folder-and-mode", test_csv_folder_and_mode);
  ADD ("write-refused", test_write_refused);

#undef ADD

  return g_test_run ();
}
