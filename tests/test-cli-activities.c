/* SPDX-License-Identifier: GPL-3.0-or-later */
/* patella-cli import with files from watches, and run list showing them. */
#include "config.h"

#include <string.h>

#include "patella-test-cli.h"
#include "patella-test-fit.h"

typedef PatellaCliFixture Fixture;

static void
write_bytes (const char *path,
             GBytes     *bytes)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);
}

static void
test_folder_and_run_list (Fixture       *fixture,
                          gconstpointer  data)
{
  g_auto(PatellaCliResult) result = { 0 };
  g_autofree char *folder = g_build_filename (fixture->dir, "watch", NULL);
  g_autofree char *good = g_build_filename (folder, "morning.fit", NULL);
  g_autofree char *bad = g_build_filename (folder, "broken.fit", NULL);
  g_autofree char *csv = g_build_filename (folder, "activities.csv", NULL);
  g_autoptr(GBytes) run = fit_make_run ("2026-04-10T22:30:00Z", 5200, 1800, 1, 0);
  g_autoptr(JsonNode) root = NULL;
  JsonObject *object;

  g_mkdir (folder, 0700);
  write_bytes (good, run);
  g_file_set_contents (bad, "\x0e\x20\x00\x00\x10\x00\x00\x00.FIT\x00\x00short", 19, NULL);
  g_file_set_contents (csv, "id\n", -1, NULL);

  patella_test_run_cli_db (&result, fixture->db, "shoe", "add", "Pegasus 40", "--default");
  g_assert_cmpint (result.status, ==, 0);

  patella_test_run_cli_db (&result, fixture->db, "import", folder);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_nonnull (strstr (result.out, "Imported 1 run"));
  g_assert_nonnull (strstr (result.out, "1 could not be read"));
  g_assert_nonnull (strstr (result.out, "ignored 1 file that is not an activity"));
  g_assert_nonnull (strstr (result.out, "broken.fit: The FIT file is shorter than its header "
                                        "says; it is truncated"));
  g_assert_null (strstr (result.out, "activities.csv"));

  patella_test_run_cli_db (&result, fixture->db, "run", "list", "--format", "json");
  g_assert_cmpint (result.status, ==, 0);
  root = patella_test_parse_json (result.out);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (root)), ==, 1);
  object = json_array_get_object_element (json_node_get_array (root), 0);
  g_assert_cmpint (json_object_get_int_member (object, "id"), >, 0);
  /* 22:30 UTC is 00:30 the next day in Berlin. */
  g_assert_cmpstr (json_object_get_string_member (object, "date"), ==, "2026-04-11");
  g_assert_cmpstr (json_object_get_string_member (object, "start"), ==, "2026-04-10T22:30:00Z");
  g_assert_cmpstr (json_object_get_string_member (object, "source"), ==, "fit");
  g_assert_cmpint (json_object_get_int_member (object, "cadence_spm"), ==, 171);
  g_assert_cmpint (json_object_get_int_member (object, "distance_m"), ==, 5200);
  g_assert_cmpint (json_object_get_int_member (object, "duration_s"), ==, 1800);
  g_assert_cmpstr (json_object_get_string_member (object, "shoe"), ==, "Pegasus 40");

  /* Only duplicates now: still exit 0, the file could be read. */
  patella_test_run_cli_db (&result, fixture->db, "import", good);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_nonnull (strstr (result.out, "Imported 0 runs"));
  g_assert_nonnull (strstr (result.out, "skipped as a duplicate"));
}

static void
test_nothing_readable (Fixture       *fixture,
                       gconstpointer  data)
{
  g_auto(PatellaCliResult) result = { 0 };
  g_autofree char *bad = g_build_filename (fixture->dir, "broken.fit", NULL);
  g_autofree char *other = g_build_filename (fixture->dir, "other.tcx", NULL);
  g_autoptr(GBytes) run = fit_make_run ("2026-04-10T06:00:00Z", 5200, 1800, 1, 0);
  g_autoptr(GByteArray) copy = g_byte_array_new ();

  g_byte_array_append (copy, g_bytes_get_data (run, NULL), g_bytes_get_size (run));
  copy->data[copy->len - 1] ^= 0xff;
  g_file_set_contents (bad, (const char *) copy->data, copy->len, NULL);

  patella_test_run_cli_db (&result, fixture->db, "import", bad);
  g_assert_cmpint (result.status, ==, 1);
  g_assert_true (g_str_has_prefix (result.err, "patella-cli: "));
  g_assert_nonnull (strstr (result.err, "broken.fit: The FIT file fails its checksum (CRC)"));

  g_file_set_contents (other, "<TrainingCenterDatabase>", -1, NULL);
  patella_test_run_cli_db (&result, fixture->db, "import", bad, other);
  g_assert_cmpint (result.status, ==, 1);
  g_assert_nonnull (strstr (result.err, "No file could be read"));
  g_assert_nonnull (strstr (result.out, "other.tcx: The file is not valid TCX"));

  patella_test_run_cli_db (&result, fixture->db, "run", "list", "--format", "json");
  g_assert_cmpstr (g_strstrip (result.out), ==, "[]");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) patella_cli_test_add ("/cli-activities/" name, (func))

  ADD ("folder-and-run-list", test_folder_and_run_list);
  ADD ("nothing-readable", test_nothing_readable);

  return g_test_run ();
}
