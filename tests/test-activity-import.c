/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Device-file imports: containers, the report, and the runs they become. */
#include "config.h"

#include <archive.h>
#include <archive_entry.h>
#include <gio/gio.h>
#include <string.h>

#include "patella-activity-import.h"
#include "patella-error.h"
#include "patella-test-fit.h"
#include "patella-test-utils.h"

#define TCX_RUN(start, metres, seconds) \
  "<?xml version=\"1.0\"?>\n<TrainingCenterDatabase><Activities><Activity Sport=\"Running\">" \
  "<Id>" start "</Id><Lap StartTime=\"" start "\"><TotalTimeSeconds>" seconds \
  "</TotalTimeSeconds><DistanceMeters>" metres "</DistanceMeters></Lap></Activity>" \
  "</Activities></TrainingCenterDatabase>\n"

#define GPX_RUN(t1, t2) \
  "<?xml version=\"1.0\"?>\n<gpx version=\"1.1\"><trk><trkseg>" \
  "<trkpt lat=\"0\" lon=\"0\"><time>" t1 "</time></trkpt>" \
  "<trkpt lat=\"0\" lon=\"0.045\"><time>" t2 "</time></trkpt>" \
  "</trkseg></trk></gpx>\n"

static void
write_bytes (const char *path,
             GBytes     *bytes)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_path_get_dirname (path);

  g_mkdir_with_parents (dir, 0700);
  g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);
}

static void
write_text (const char *path,
            const char *text)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (text, strlen (text));

  write_bytes (path, bytes);
}

static GBytes *
gzip (GBytes *bytes)
{
  g_autoptr(GZlibCompressor) compressor = g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP, 6);
  g_autoptr(GInputStream) memory = g_memory_input_stream_new_from_bytes (bytes);
  g_autoptr(GInputStream) stream = g_converter_input_stream_new (memory, G_CONVERTER (compressor));
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;

  g_output_stream_splice (out, stream, G_OUTPUT_STREAM_SPLICE_CLOSE_TARGET, NULL, &error);
  g_assert_no_error (error);
  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (out));
}

/* A zip archive with the given entries: name, bytes, name, bytes… */
static void
write_zip (const char *path,
           ...)
{
  struct archive *archive = archive_write_new ();
  const char *name;
  va_list args;

  archive_write_set_format_zip (archive);
  g_assert_cmpint (archive_write_open_filename (archive, path), ==, ARCHIVE_OK);

  va_start (args, path);
  while ((name = va_arg (args, const char *)) != NULL)
    {
      GBytes *bytes = va_arg (args, GBytes *);
      struct archive_entry *entry = archive_entry_new ();

      archive_entry_set_pathname (entry, name);
      archive_entry_set_size (entry, (la_int64_t) g_bytes_get_size (bytes));
      archive_entry_set_filetype (entry, AE_IFREG);
      archive_entry_set_perm (entry, 0644);
      g_assert_cmpint (archive_write_header (archive, entry), ==, ARCHIVE_OK);
      archive_write_data (archive, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
      archive_entry_free (entry);
    }
  va_end (args);

  archive_write_close (archive);
  archive_write_free (archive);
}

static gboolean
has_line (GPtrArray  *lines,
          const char *part1,
          const char *part2)
{
  for (guint i = 0; i < lines->len; i++)
    {
      const char *line = g_ptr_array_index (lines, i);

      if (strstr (line, part1) != NULL && (part2 == NULL || strstr (line, part2) != NULL))
        return TRUE;
    }

  return FALSE;
}

static PatellaActivityReport *
read_paths (const char *first,
            ...)
{
  g_autoptr(GPtrArray) paths = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  PatellaActivityReport *report;
  const char *path;
  va_list args;

  va_start (args, first);
  for (path = first; path != NULL; path = va_arg (args, const char *))
    g_ptr_array_add (paths, (gpointer) path);
  va_end (args);
  g_ptr_array_add (paths, NULL);

  report = patella_activity_read_paths ((const char * const *) paths->pdata, NULL, NULL, NULL,
                                        &error);
  g_assert_no_error (error);
  return report;
}

static void
test_gz (void)
{
  g_autofree char *dir = patella_test_make_dir ();
  g_autofree char *fit = g_build_filename (dir, "Run.FIT.gz", NULL);
  g_autofree char *tcx = g_build_filename (dir, "run.tcx.gz", NULL);
  g_autofree char *broken = g_build_filename (dir, "broken.gpx.gz", NULL);
  g_autoptr(GBytes) run = fit_make_run ("2026-03-10T06:30:00Z", 10000, 3000, 1, 0);
  g_autoptr(GBytes) packed = gzip (run);
  static const char tcx_text[] = TCX_RUN ("2026-03-11T06:30:00Z", "8000", "2400");
  g_autoptr(GBytes) tcx_bytes = g_bytes_new_static (tcx_text, strlen (tcx_text));
  g_autoptr(GBytes) tcx_packed = gzip (tcx_bytes);
  g_autoptr(PatellaActivityReport) report = NULL;
  PatellaFoundActivity *found;

  write_bytes (fit, packed);
  write_bytes (tcx, tcx_packed);
  /* A gzip header, then garbage. */
  write_text (broken, "\x1f\x8b\x08\x00garbage, not deflate data at all");

  report = read_paths (fit, tcx, broken, NULL);
  g_assert_cmpuint (report->files_read, ==, 2);
  g_assert_cmpuint (report->files_failed, ==, 1);
  g_assert_cmpuint (report->found->len, ==, 2);
  found = g_ptr_array_index (report->found, 0);
  g_assert_cmpint (found->activity->source, ==, PATELLA_SOURCE_FIT);
  g_assert_cmpint (found->activity->distance_m, ==, 10000);
  found = g_ptr_array_index (report->found, 1);
  g_assert_cmpint (found->activity->source, ==, PATELLA_SOURCE_TCX);
  g_assert_cmpint (found->activity->distance_m, ==, 8000);
  g_assert_true (has_line (report->problems, "broken.gpx.gz", "not a valid gzip file"));

  patella_test_remove_dir (dir);
}

/* A Strava-like bulk export in a folder: activities in a subfolder, a zip
 * inside, a CSV and a photo beside them, and one corrupt file. */
static char *
make_export_folder (void)
{
  char *dir = patella_test_make_dir ();
  g_autofree char *sub = g_build_filename (dir, "activities", NULL);
  g_autofree char *zip = g_build_filename (dir, "more.zip", NULL);
  g_autoptr(GBytes) fit1 = fit_make_run ("2026-04-01T06:00:00Z", 5000, 1500, 1, 0);
  g_autoptr(GBytes) fit2 = fit_make_run ("2026-04-02T06:00:00Z", 6000, 1800, 1, 0);
  g_autoptr(GBytes) fit3 = fit_make_run ("2026-04-03T06:00:00Z", 7000, 2100, 1, 0);
  g_autoptr(GBytes) fit3_gz = gzip (fit3);
  g_autoptr(GBytes) ride = fit_make_run ("2026-04-04T06:00:00Z", 40000, 5000, 2, 0);
  g_autoptr(GBytes) csv = g_bytes_new_static ("id,name\n1,run\n", 14);
  g_autoptr(GBytes) corrupt = NULL;
  g_autofree char *path = NULL;

  {
    /* A good file with one byte flipped: the CRC catches it. */
    g_autoptr(GByteArray) copy = g_byte_array_new ();

    g_byte_array_append (copy, g_bytes_get_data (fit1, NULL), g_bytes_get_size (fit1));
    copy->data[40] ^= 0x55;
    corrupt = g_byte_array_free_to_bytes (g_steal_pointer (&copy));
  }

  path = g_build_filename (sub, "1001.fit", NULL);
  write_bytes (path, fit1);
  g_free (path);
  path = g_build_filename (sub, "deeper", "1002.gpx", NULL);
  write_text (path, GPX_RUN ("2026-04-05T06:00:00Z", "2026-04-05T06:25:00Z"));
  g_free (path);
  path = g_build_filename (sub, "1003.fit", NULL);
  write_bytes (path, corrupt);
  g_free (path);
  path = g_build_filename (dir, "activities.csv", NULL);
  write_bytes (path, csv);
  g_free (path);
  path = g_build_filename (dir, "photo.jpg", NULL);
  write_text (path, "\xff\xd8\xff\xe0 not really a photo");

  write_zip (zip, "activities/2001.fit", fit2, "activities/2002.fit.gz", fit3_gz,
             "activities/2003.fit", ride, "activities.csv", csv, "media/x.jpg", csv, NULL);

  return dir;
}

static void
test_folder_and_zip (void)
{
  g_autofree char *dir = make_export_folder ();
  g_autoptr(PatellaActivityReport) report = read_paths (dir, NULL);
  g_autofree char *text = patella_activity_report_to_string (report);
  g_autofree char *name = g_build_filename (dir, "activities", "1003.fit", NULL);

  /* 1001.fit, 1002.gpx, and three in the zip */
  g_assert_cmpuint (report->files_read, ==, 5);
  g_assert_cmpuint (report->found->len, ==, 5);
  /* activities.csv and photo.jpg beside, two in the zip: counted, not listed */
  g_assert_cmpuint (report->files_ignored, ==, 4);
  g_assert_cmpuint (report->files_failed, ==, 1);
  g_assert_cmpuint (report->problems->len, ==, 1);
  g_assert_true (has_line (report->problems, name, "checksum (CRC)"));
  g_assert_null (strstr (text, "activities.csv"));
  g_assert_nonnull (strstr (text, "ignored 4 files"));
  {
    PatellaFoundActivity *found = g_ptr_array_index (report->found, 4);

    g_assert_nonnull (strstr (found->file, "more.zip: activities/2003.fit"));
    g_assert_false (found->activity->is_run);
  }

  patella_test_remove_dir (dir);
}

static void
test_explicit_not_activity (void)
{
  g_autofree char *dir = patella_test_make_dir ();
  g_autofree char *text = g_build_filename (dir, "notes.txt", NULL);
  g_autofree char *missing = g_build_filename (dir, "missing.fit", NULL);
  g_autofree char *zip = g_build_filename (dir, "fake.zip", NULL);
  g_autoptr(PatellaActivityReport) report = NULL;

  write_text (text, "hello");
  write_text (zip, "not a zip");
  report = read_paths (text, missing, zip, NULL);
  g_assert_cmpuint (report->files_read, ==, 0);
  g_assert_cmpuint (report->files_failed, ==, 3);
  g_assert_true (has_line (report->problems, "notes.txt", "Patella reads FIT, TCX and GPX"));
  g_assert_true (has_line (report->problems, "missing.fit", "No such file"));
  g_assert_true (has_line (report->problems, "fake.zip", "not a readable zip archive"));

  patella_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/activity-import/gz", test_gz);
  g_test_add_func ("/activity-import/folder-and-zip", test_folder_and_zip);
  g_test_add_func ("/activity-import/explicit-not-activity", test_explicit_not_activity);

  return g_test_run ();
}
