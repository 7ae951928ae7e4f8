/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Device-file imports: containers, the report, and the runs they become. */
#include "config.h"

#include <archive.h>
#include <archive_entry.h>
#include <gio/gio.h>
#include <string.h>
#include <sqlite3.h>

#include "patella-activity-import.h"
#include "patella-error.h"
#include "patella-export.h"
#include "patella-import.h"
#include "patella-schema.h"
#include "patella-shoes.h"
#include "patella-test-fit.h"
#include "patella-test-store.h"
#include "patella-test-utils.h"

typedef PatellaStoreFixture Fixture;

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

/* The watch's file of the morning run of 2026-04-10, @distance_m long, as
 * run.fit in the fixture's folder. */
static char *
write_run_fit (Fixture *fixture,
               int      distance_m)
{
  g_autofree char *path = g_build_filename (fixture->dir, "run.fit", NULL);
  g_autoptr(GBytes) bytes = fit_make_run ("2026-04-10T06:00:00Z", distance_m, 3000, 1, 0);

  write_bytes (path, bytes);
  return g_steal_pointer (&path);
}

/* What the user typed for that run: 10 km, pain 3. */
static void
add_typed_run (Fixture    *fixture,
               gint64      shoe_id,
               const char *note)
{
  g_autoptr(GError) error = NULL;
  PatellaRun typed = { 0 };

  /* Typed the morning after (a run of a day to come is refused). */
  patella_store_fixture_at (fixture, "2026-04-11", 9, 0);
  typed.day = (char *) "2026-04-10";
  typed.distance_m = 10000;
  typed.shoe_id = shoe_id;
  typed.pain = 3;
  typed.note = (char *) note;
  patella_run_add (fixture->store, NULL, &typed, &error);
  g_assert_no_error (error);
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

/* read_paths (path, …, NULL): what the files hold, read without error. */
#define read_paths(...) read_paths_v ((const char * const []) { __VA_ARGS__ })

static PatellaActivityReport *
read_paths_v (const char * const *paths)
{
  g_autoptr(GError) error = NULL;
  PatellaActivityReport *report;

  report = patella_activity_read_paths (paths, NULL, NULL, NULL, &error);
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
  g_autoptr(GBytes) monitoring = NULL;
  g_autofree char *path = NULL;

  {
    /* A watch's all-day monitoring file: FIT, but no activity. */
    FitWriter *w = fit_writer_new ();

    fit_file_id (w, 32);
    monitoring = fit_writer_finish (w, FALSE);
  }

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
  path = g_build_filename (sub, "monitoring.fit", NULL);
  write_bytes (path, monitoring);
  g_free (path);
  path = g_build_filename (dir, "activities.csv", NULL);
  write_bytes (path, csv);
  g_free (path);
  path = g_build_filename (dir, "photo.jpg", NULL);
  write_text (path, "\xff\xd8\xff\xe0 not really a photo");

  write_zip (zip, "activities/2001.fit", fit2, "activities/2002.fit.gz", fit3_gz,
             "activities/2003.fit", ride, "activities.csv", csv, "media/x.jpg", csv,
             "monitor/3000.fit", monitoring, NULL);

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
  /* activities.csv, photo.jpg and a monitoring FIT file beside, three in the
   * zip: counted, not listed */
  g_assert_cmpuint (report->files_ignored, ==, 6);
  g_assert_cmpuint (report->files_failed, ==, 1);
  g_assert_cmpuint (report->problems->len, ==, 1);
  g_assert_true (has_line (report->problems, name, "checksum (CRC)"));
  g_assert_null (strstr (text, "activities.csv"));
  g_assert_nonnull (strstr (text, "ignored 6 files"));
  g_assert_null (strstr (text, "monitoring.fit"));
  {
    PatellaFoundActivity *found = g_ptr_array_index (report->found, 4);

    g_assert_nonnull (strstr (found->file, "more.zip: activities/2003.fit"));
    g_assert_false (found->activity->is_run);
  }

  patella_test_remove_dir (dir);
}

typedef struct
{
  GArray       *done;
  guint         total;
  GCancellable *cancel_at_3;
} Steps;

static void
record_step (guint    done,
             guint    total,
             gpointer user_data)
{
  Steps *steps = user_data;

  g_array_append_val (steps->done, done);
  steps->total = total;
  if (done == 3 && steps->cancel_at_3 != NULL)
    g_cancellable_cancel (steps->cancel_at_3);
}

/* A bulk export is one zip of many runs: the progress counts the runs in
 * it, one by one, and Cancel stops inside it. */
static void
test_zip_progress (void)
{
  g_autofree char *dir = patella_test_make_dir ();
  g_autofree char *zip = g_build_filename (dir, "export_1.zip", NULL);
  g_autofree char *single = g_build_filename (dir, "alone.fit", NULL);
  g_autoptr(GBytes) a = fit_make_run ("2026-05-01T06:00:00Z", 5000, 1500, 1, 0);
  g_autoptr(GBytes) b = fit_make_run ("2026-05-02T06:00:00Z", 6000, 1800, 1, 0);
  g_autoptr(GBytes) c = fit_make_run ("2026-05-03T06:00:00Z", 7000, 2100, 1, 0);
  g_autoptr(GBytes) d = fit_make_run ("2026-05-04T06:00:00Z", 8000, 2400, 1, 0);
  g_autoptr(GBytes) csv = g_bytes_new_static ("id\n", 3);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(PatellaActivityReport) report = NULL;
  const char *paths[] = { zip, single, NULL };
  Steps steps = { g_array_new (FALSE, FALSE, sizeof (guint)), 0, NULL };

  write_zip (zip, "activities/1.fit", a, "activities.csv", csv, "activities/2.fit", b,
             "activities/3.fit", c, "activities/4.fit", d, NULL);
  g_assert_true (g_file_set_contents (single, g_bytes_get_data (a, NULL),
                                      (gssize) g_bytes_get_size (a), NULL));

  report = patella_activity_read_paths (paths, record_step, &steps, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->files_read, ==, 5);
  /* Four runs in the zip and one file: five steps of one. */
  g_assert_cmpuint (steps.total, ==, 5);
  g_assert_cmpuint (steps.done->len, ==, 5);
  for (guint i = 0; i < steps.done->len; i++)
    g_assert_cmpuint (g_array_index (steps.done, guint, i), ==, i + 1);

  g_clear_pointer (&report, patella_activity_report_free);
  g_array_set_size (steps.done, 0);
  steps.cancel_at_3 = cancellable;
  report = patella_activity_read_paths (paths, record_step, &steps, cancellable, &error);
  g_assert_null (report);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (steps.done->len, ==, 3);

  g_array_unref (steps.done);
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

/* ------------------------------------------------------------- writing */

/* import_ok (fixture, shoe_id, path, …, NULL): the files imported without
 * error. */
#define import_ok(fixture, shoe_id, ...) \
  import_ok_v ((fixture), (shoe_id), (const char * const []) { __VA_ARGS__ })

static PatellaActivityReport *
import_ok_v (Fixture            *fixture,
             gint64              shoe_id,
             const char * const *paths)
{
  g_autoptr(GError) error = NULL;
  PatellaActivityReport *report;

  report = patella_activity_import (fixture->store, NULL, paths, shoe_id, NULL, NULL, NULL,
                                    &error);
  g_assert_no_error (error);
  g_assert_nonnull (report);
  return report;
}

static PatellaRun *
only_run (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) runs = patella_runs_list (fixture->store, 0, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (runs->len, ==, 1);
  return g_ptr_array_steal_index (runs, 0);
}

/* The same 10 km run as the watch (FIT), Garmin Connect (TCX) and an app
 * (GPX) saw it: starts 20 and 40 s apart, distances within 3 %. */
typedef struct
{
  char *fit;
  char *tcx;
  char *gpx;
} SameRun;

static void
same_run_write (SameRun    *files,
                const char *dir)
{
  g_autoptr(GBytes) fit = fit_make_run ("2026-04-10T06:00:00Z", 10000, 3000, 1, 0);

  files->fit = g_build_filename (dir, "run.fit", NULL);
  files->tcx = g_build_filename (dir, "run.tcx", NULL);
  files->gpx = g_build_filename (dir, "run.gpx", NULL);
  write_bytes (files->fit, fit);
  write_text (files->tcx, TCX_RUN ("2026-04-10T06:00:20Z", "10150.4", "3010"));
  /* 0.09° along the equator: 10008 m */
  write_text (files->gpx,
              "<?xml version=\"1.0\"?>\n<gpx version=\"1.1\"><trk><trkseg>"
              "<trkpt lat=\"0\" lon=\"0\"><time>2026-04-10T06:00:40Z</time></trkpt>"
              "<trkpt lat=\"0\" lon=\"0.09\"><time>2026-04-10T06:50:00Z</time></trkpt>"
              "</trkseg></trk></gpx>\n");
}

static void
same_run_clear (SameRun *files)
{
  g_free (files->fit);
  g_free (files->tcx);
  g_free (files->gpx);
}

static void
test_better_source_updates (Fixture       *fixture,
                            gconstpointer  data)
{
  SameRun files;
  g_autoptr(PatellaActivityReport) gpx = NULL;
  g_autoptr(PatellaActivityReport) tcx = NULL;
  g_autoptr(PatellaActivityReport) fit = NULL;
  g_autoptr(PatellaActivityReport) again = NULL;
  g_autoptr(PatellaRun) run = NULL;
  g_autofree char *text = NULL;

  same_run_write (&files, fixture->dir);

  gpx = import_ok (fixture, PATELLA_SHOE_NONE, files.gpx, NULL);
  g_assert_cmpuint (gpx->imported, ==, 1);
  run = only_run (fixture);
  g_assert_cmpint (run->source, ==, PATELLA_SOURCE_GPX);
  g_assert_cmpint (run->distance_m, ==, 10008);
  g_assert_cmpstr (run->day, ==, "2026-04-10");
  g_clear_pointer (&run, patella_run_free);

  /* TCX is better than GPX: it updates the run. */
  tcx = import_ok (fixture, PATELLA_SHOE_NONE, files.tcx, NULL);
  g_assert_cmpuint (tcx->imported, ==, 0);
  g_assert_cmpuint (tcx->updated, ==, 1);
  run = only_run (fixture);
  g_assert_cmpint (run->source, ==, PATELLA_SOURCE_TCX);
  g_assert_cmpint (run->distance_m, ==, 10150);
  g_assert_cmpint (run->duration_s, ==, 3010);
  g_clear_pointer (&run, patella_run_free);

  /* FIT is better still. */
  fit = import_ok (fixture, PATELLA_SHOE_NONE, files.fit, NULL);
  g_assert_cmpuint (fit->updated, ==, 1);
  run = only_run (fixture);
  g_assert_cmpint (run->source, ==, PATELLA_SOURCE_FIT);
  g_assert_cmpint (run->distance_m, ==, 10000);
  g_assert_cmpint (run->duration_s, ==, 3000);
  g_assert_cmpint (run->cadence_spm, ==, 171);
  g_assert_true (run->has_descent);
  g_assert_cmpint (run->start_us, ==, (gint64) (fit_time ("2026-04-10T06:00:00Z") +
                                                PATELLA_FIT_EPOCH_S) * G_USEC_PER_SEC);

  /* The worse sources again: duplicates, and nothing changes. */
  again = import_ok (fixture, PATELLA_SHOE_NONE, files.gpx, files.tcx, files.fit, NULL);
  g_assert_cmpuint (again->imported, ==, 0);
  g_assert_cmpuint (again->updated, ==, 0);
  g_assert_cmpuint (again->duplicates, ==, 3);
  text = patella_activity_report_to_string (again);
  g_assert_nonnull (strstr (text, "run.tcx: the run of 10.2 km on 2026-04-10 is already there; "
                                  "skipped as a duplicate."));
  g_clear_pointer (&run, patella_run_free);
  run = only_run (fixture);
  g_assert_cmpint (run->source, ==, PATELLA_SOURCE_FIT);
  g_assert_cmpint (run->distance_m, ==, 10000);

  same_run_clear (&files);
}

static void
test_duplicates_in_one_call (Fixture       *fixture,
                             gconstpointer  data)
{
  SameRun files;
  g_autoptr(PatellaActivityReport) report = NULL;
  g_autoptr(PatellaRun) run = NULL;

  same_run_write (&files, fixture->dir);

  /* The best source first: the others are duplicates of it. */
  report = import_ok (fixture, PATELLA_SHOE_NONE, files.fit, files.fit, files.gpx, files.tcx,
                      NULL);
  g_assert_cmpuint (report->imported, ==, 1);
  g_assert_cmpuint (report->duplicates, ==, 3);
  run = only_run (fixture);
  g_assert_cmpint (run->source, ==, PATELLA_SOURCE_FIT);

  same_run_clear (&files);
}

static void
test_not_the_same_run (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *a = g_build_filename (fixture->dir, "a.tcx", NULL);
  g_autofree char *b = g_build_filename (fixture->dir, "b.tcx", NULL);
  g_autofree char *c = g_build_filename (fixture->dir, "c.tcx", NULL);
  g_autofree char *d = g_build_filename (fixture->dir, "d.tcx", NULL);
  g_autoptr(PatellaActivityReport) report = NULL;

  write_text (a, TCX_RUN ("2026-04-10T06:00:00Z", "5000", "1500"));
  /* Two minutes later: another run. */
  write_text (b, TCX_RUN ("2026-04-10T06:02:00Z", "5000", "1500"));
  /* Thirty seconds later but 4 % longer: another run. */
  write_text (c, TCX_RUN ("2026-04-10T06:00:30Z", "5200", "1500"));
  /* The same time of day on the next day. */
  write_text (d, TCX_RUN ("2026-04-11T06:00:00Z", "5000", "1500"));

  report = import_ok (fixture, PATELLA_SHOE_NONE, a, b, c, d, NULL);
  g_assert_cmpuint (report->imported, ==, 4);
  g_assert_cmpuint (report->duplicates, ==, 0);
}

static void
test_typed_run_filled (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *fit = NULL;
  g_autoptr(PatellaActivityReport) report = NULL;
  g_autoptr(GPtrArray) runs = NULL;
  PatellaShoeInput pegasus = { "Pegasus", NULL, NULL, 0, 0, 0, FALSE };
  PatellaShoeInput other = { "Other", NULL, NULL, 0, 0, 0, TRUE };
  PatellaRun shorter = { 0 };
  PatellaRun *run;
  gint64 pegasus_id;

  pegasus_id = patella_shoe_add (fixture->store, NULL, &pegasus, &error);
  g_assert_no_error (error);
  patella_shoe_add (fixture->store, NULL, &other, &error);
  g_assert_no_error (error);

  add_typed_run (fixture, pegasus_id, "Felt fine");
  /* Another typed run that day, 5 km: not the same run. */
  shorter.day = (char *) "2026-04-10";
  shorter.distance_m = 5000;
  shorter.shoe_id = PATELLA_SHOE_NONE;
  shorter.pain = -1;
  patella_run_add (fixture->store, NULL, &shorter, &error);
  g_assert_no_error (error);

  fit = write_run_fit (fixture, 10250);
  report = import_ok (fixture, PATELLA_SHOE_DEFAULT, fit, NULL);
  g_assert_cmpuint (report->imported, ==, 0);
  g_assert_cmpuint (report->updated, ==, 1);

  runs = patella_runs_list (fixture->store, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (runs->len, ==, 2);
  run = g_ptr_array_index (runs, 0);
  /* What the user typed stays; what the run lacked is filled. */
  g_assert_cmpint (run->distance_m, ==, 10000);
  g_assert_cmpint (run->shoe_id, ==, pegasus_id);
  g_assert_cmpint (run->pain, ==, 3);
  g_assert_cmpstr (run->note, ==, "Felt fine");
  g_assert_cmpint (run->source, ==, PATELLA_SOURCE_MANUAL);
  g_assert_cmpint (run->duration_s, ==, 3000);
  g_assert_cmpint (run->cadence_spm, ==, 171);
  g_assert_cmpint (run->start_us, >, 0);
  run = g_ptr_array_index (runs, 1);
  g_assert_cmpint (run->distance_m, ==, 5000);
  g_assert_cmpint (run->start_us, ==, 0);
}

/* Typed, then the GPX of the same run, then its FIT: each file fills what
 * the run still lacks, and what the user typed stays. */
static void
test_typed_run_filled_twice (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *gpx = g_build_filename (fixture->dir, "run.gpx", NULL);
  g_autofree char *fit = NULL;
  g_autoptr(PatellaActivityReport) first = NULL;
  g_autoptr(PatellaActivityReport) second = NULL;
  g_autoptr(GPtrArray) runs = NULL;
  PatellaRun *run;

  add_typed_run (fixture, PATELLA_SHOE_NONE, "Typed");

  /* Two points about 10 km apart along a meridian, no cadence. */
  write_text (gpx,
              "<?xml version=\"1.0\"?>\n<gpx version=\"1.1\"><trk><trkseg>"
              "<trkpt lat=\"52.0000\" lon=\"13.0\"><time>2026-04-10T06:00:10Z</time></trkpt>"
              "<trkpt lat=\"52.0899\" lon=\"13.0\"><time>2026-04-10T06:50:00Z</time></trkpt>"
              "</trkseg></trk></gpx>\n");
  first = import_ok (fixture, PATELLA_SHOE_NONE, gpx, NULL);
  g_assert_cmpuint (first->updated, ==, 1);

  fit = write_run_fit (fixture, 10000);
  second = import_ok (fixture, PATELLA_SHOE_NONE, fit, NULL);
  g_assert_cmpuint (second->updated, ==, 1);

  runs = patella_runs_list (fixture->store, PATELLA_SHOE_NONE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (runs->len, ==, 1);
  run = g_ptr_array_index (runs, 0);
  g_assert_cmpint (run->distance_m, ==, 10000);
  g_assert_cmpstr (run->note, ==, "Typed");
  g_assert_cmpint (run->pain, ==, 3);
  g_assert_cmpint (run->cadence_spm, ==, 171);
  g_assert_cmpint (run->start_us, >, 0);
}

static void
test_bulk_with_corrupt_file (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = make_export_folder ();
  g_autoptr(PatellaActivityReport) report = NULL;
  g_autofree char *text = NULL;
  PatellaShoeInput shoe = { "Daily", NULL, NULL, 0, 0, 0, TRUE };
  gint64 shoe_id = patella_shoe_add (fixture->store, NULL, &shoe, &error);

  g_assert_no_error (error);
  report = import_ok (fixture, PATELLA_SHOE_DEFAULT, dir, NULL);
  g_assert_cmpuint (report->imported, ==, 4);
  g_assert_cmpuint (report->other_sports, ==, 1);
  g_assert_cmpuint (report->files_failed, ==, 1);
  text = patella_activity_report_to_string (report);
  g_assert_nonnull (strstr (text, "Imported 4 runs"));
  g_assert_nonnull (strstr (text, "1 could not be read"));
  g_assert_nonnull (strstr (text, "1003.fit: The FIT file fails its checksum (CRC)"));
  g_assert_nonnull (strstr (text, "2003.fit: a cycling activity, not a run."));
  /* On the default shoe. */
  g_assert_cmpint (patella_store_query_int (fixture->store,
                                            "SELECT count(*) FROM run WHERE shoe_id = 1;", -1),
                   ==, 4);
  g_assert_cmpint (shoe_id, ==, 1);

  patella_test_remove_dir (dir);
}

static void
test_cancel_writes_nothing (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = make_export_folder ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(PatellaActivityReport) read = NULL;
  const char *paths[] = { dir, NULL };

  read = patella_activity_read_paths (paths, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_cancellable_cancel (cancellable);
  g_assert_false (patella_activity_report_write (read, fixture->store, NULL, PATELLA_SHOE_NONE,
                                                 cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_nonnull (strstr (error->message, "Nothing was imported"));
  g_assert_cmpuint (read->imported, ==, 0);
  g_assert_cmpint (patella_store_query_int (fixture->store, "SELECT count(*) FROM run;", -1),
                   ==, 0);

  patella_test_remove_dir (dir);
}

/* What the watch measured travels through an export and back. */
static void
test_export_round_trip (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *fit = write_run_fit (fixture, 10000);
  g_autoptr(PatellaActivityReport) report = NULL;
  g_autoptr(PatellaImportReport) imported = NULL;
  g_autoptr(PatellaStore) other = NULL;
  g_autoptr(PatellaRun) original = NULL;
  g_autoptr(PatellaRun) copy = NULL;
  g_autoptr(GPtrArray) runs = NULL;
  g_autofree char *json = NULL;

  report = import_ok (fixture, PATELLA_SHOE_NONE, fit, NULL);
  g_assert_cmpuint (report->imported, ==, 1);
  original = only_run (fixture);

  json = patella_export_json (fixture->store, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (json, "\"source\" : \"fit\""));

  other = patella_store_fixture_open_other (fixture, "other.db");
  imported = patella_import_json (other, json, strlen (json), 0, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  runs = patella_runs_list (other, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (runs->len, ==, 1);
  copy = g_ptr_array_steal_index (runs, 0);

  g_assert_cmpint (copy->start_us, ==, original->start_us);
  g_assert_cmpint (copy->source, ==, PATELLA_SOURCE_FIT);
  g_assert_cmpint (copy->cadence_spm, ==, 171);
  g_assert_true (copy->has_descent);
  g_assert_cmpint (copy->descent_m, ==, 42);

  /* An export without them (older, or written by hand) gives a run from an
   * export. */
  {
    static const char plain[] =
      "{\"format\": \"patella-export\", \"version\": 2, \"runs\": [{\"date\": \"2026-05-01\","
      " \"distance_m\": 5000, \"created_us\": 7,"
      " \"uuid\": \"0f8fad5b-d9cb-469f-a165-70867728950e\"}]}";
    g_autoptr(PatellaImportReport) more = NULL;

    more = patella_import_json (other, plain, strlen (plain), 0, NULL, NULL, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpint (patella_store_query_int (other, "SELECT count(*) FROM run WHERE"
                                                     " source = 'json' AND start_us IS NULL;",
                                              -1), ==, 1);
  }

  g_clear_object (&other);
}

/* A database of the schema before the device fields (version 4), with a typed
 * run in it. */
static void
test_migration_from_previous (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = patella_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "old.db", NULL);
  g_autoptr(PatellaStore) store = NULL;
  g_autoptr(PatellaRun) run = NULL;
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  for (guint i = 0; i < 4; i++)
    g_assert_cmpint (sqlite3_exec (db, patella_schema_migrations[i], NULL, NULL, NULL), ==,
                     SQLITE_OK);
  {
    g_autofree char *sql = g_strdup_printf ("PRAGMA user_version = %d;"
                                            "INSERT INTO run (day, distance_m, duration_s,"
                                            " created_us) VALUES ('2026-01-05', 8000, 2400, 1);",
                                            4);

    g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  }
  sqlite3_close (db);

  store = patella_store_open (path, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (patella_store_get_schema_version (store), ==, PATELLA_SCHEMA_VERSION);

  {
    g_autoptr(GPtrArray) runs = patella_runs_list (store, 0, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (runs->len, ==, 1);
    run = g_ptr_array_steal_index (runs, 0);
  }
  g_assert_cmpint (run->distance_m, ==, 8000);
  g_assert_cmpint (run->source, ==, PATELLA_SOURCE_MANUAL);
  g_assert_cmpint (run->start_us, ==, 0);
  g_assert_cmpint (run->cadence_spm, ==, 0);
  g_assert_false (run->has_descent);
  /* The new rules hold for the old rows too. */
  g_assert_false (patella_store_exec (store, "UPDATE run SET source = 'strava';", NULL));
  g_assert_false (patella_store_exec (store, "UPDATE run SET cadence_spm = 0;", NULL));

  g_clear_object (&store);
  patella_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/activity-import/gz", test_gz);
  g_test_add_func ("/activity-import/folder-and-zip", test_folder_and_zip);
  g_test_add_func ("/activity-import/zip-progress", test_zip_progress);
  g_test_add_func ("/activity-import/explicit-not-activity", test_explicit_not_activity);
  g_test_add_func ("/activity-import/migration-from-previous", test_migration_from_previous);

#define ADD(name, func) \
  g_test_add ("/activity-import/" name, Fixture, NULL, patella_store_fixture_set_up, func, \
              patella_store_fixture_tear_down)

  ADD ("better-source-updates", test_better_source_updates);
  ADD ("duplicates-in-one-call", test_duplicates_in_one_call);
  ADD ("not-the-same-run", test_not_the_same_run);
  ADD ("typed-run-filled", test_typed_run_filled);
  ADD ("typed-run-filled-twice", test_typed_run_filled_twice);
  ADD ("bulk-with-corrupt-file", test_bulk_with_corrupt_file);
  ADD ("cancel-writes-nothing", test_cancel_writes_nothing);
  ADD ("export-round-trip", test_export_round_trip);

  return g_test_run ();
}
