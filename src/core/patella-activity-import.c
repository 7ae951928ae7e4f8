/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "patella-activity-import"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <archive.h>
#include <archive_entry.h>
#include <errno.h>
#include <string.h>
#include <sys/stat.h>

#include "patella-activity-import.h"
#include "patella-error.h"
#include "patella-fit.h"
#include "patella-gpx.h"
#include "patella-parse.h"
#include "patella-tcx.h"

/* Device files come alone, gzip-compressed, in folders and in zip archives
 * (a Strava or Garmin bulk export). Each file is read on its own, so a bad
 * one is listed with its reason and never stops the others, and only one
 * file's bytes are in memory at a time. */

#define READ_CHUNK 65536

typedef struct
{
  char     *path;
  gboolean  explicit_file;
  guint     weight;         /* files for the progress: a zip's activity files */
} ListedFile;

/* Files done of total, a zip archive counting as the activity files in
 * it: a bulk export of hundreds of runs moves the bar run by run. */
typedef struct
{
  PatellaActivityProgressFunc  func;
  gpointer                     user_data;
  GCancellable                *cancellable;
  guint                        done;
  guint                        total;
} Progress;

/* One more file done; FALSE when the user cancelled. */
static gboolean
progress_step (Progress *progress)
{
  if (progress == NULL)
    return TRUE;

  progress->done = MIN (progress->done + 1, progress->total);
  if (progress->func != NULL)
    progress->func (progress->done, progress->total, progress->user_data);
  return !g_cancellable_is_cancelled (progress->cancellable);
}

static void
listed_file_free (ListedFile *file)
{
  g_free (file->path);
  g_free (file);
}

static void
found_activity_free (PatellaFoundActivity *found)
{
  g_free (found->file);
  patella_activity_free (found->activity);
  g_free (found);
}

PatellaActivityReport *
patella_activity_report_new (void)
{
  PatellaActivityReport *report = g_new0 (PatellaActivityReport, 1);

  report->found = g_ptr_array_new_with_free_func ((GDestroyNotify) found_activity_free);
  report->problems = g_ptr_array_new_with_free_func (g_free);
  report->skipped = g_ptr_array_new_with_free_func (g_free);
  return report;
}

void
patella_activity_report_free (PatellaActivityReport *report)
{
  if (report == NULL)
    return;

  g_ptr_array_unref (report->found);
  g_ptr_array_unref (report->problems);
  g_ptr_array_unref (report->skipped);
  g_free (report);
}

/**
 * patella_activity_report_to_string:
 *
 * Returns: (transfer full): how many runs were imported, updated and left
 *   out, and each file that could not be read with its reason, one a line
 */
char *
patella_activity_report_to_string (const PatellaActivityReport *report)
{
  GString *out = g_string_new (NULL);

  g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "Imported %u run",
                                            "Imported %u runs", report->imported),
                          report->imported);
  g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, " and updated %u.",
                                            " and updated %u.", report->updated),
                          report->updated);
  g_string_append_c (out, '\n');

  g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "Read %u file",
                                            "Read %u files", report->files_read),
                          report->files_read);
  g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "; %u could not be read",
                                            "; %u could not be read", report->files_failed),
                          report->files_failed);
  g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE,
                                            "; ignored %u file that is not an activity.",
                                            "; ignored %u files that are not activities.",
                                            report->files_ignored),
                          report->files_ignored);
  g_string_append_c (out, '\n');

  if (report->duplicates > 0 || report->other_sports > 0)
    {
      g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE,
                                                "Skipped %u duplicate",
                                                "Skipped %u duplicates", report->duplicates),
                              report->duplicates);
      g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE,
                                                " and %u activity of another sport.",
                                                " and %u activities of other sports.",
                                                report->other_sports),
                              report->other_sports);
      g_string_append_c (out, '\n');
    }

  for (guint i = 0; i < report->skipped->len; i++)
    g_string_append_printf (out, "  %s\n", (const char *) g_ptr_array_index (report->skipped, i));

  if (report->problems->len > 0)
    {
      g_string_append (out, _("Files that could not be read:"));
      g_string_append_c (out, '\n');
      for (guint i = 0; i < report->problems->len; i++)
        g_string_append_printf (out, "  %s\n",
                                (const char *) g_ptr_array_index (report->problems, i));
    }

  return g_string_free (out, FALSE);
}

static void
add_problem (PatellaActivityReport *report,
             const char            *name,
             const char            *reason)
{
  report->files_failed++;
  g_ptr_array_add (report->problems, g_strdup_printf ("%s: %s", name, reason));
}

/* ".fit", ".tcx", ".gpx", each also ".gz"; or ".zip". */
static gboolean
has_suffix (const char *path,
            const char *suffix)
{
  g_autofree char *lower = g_utf8_strdown (path, -1);

  return g_str_has_suffix (lower, suffix);
}

/**
 * patella_activity_report_explain_nothing:
 * @first_path: the first file or folder given, for the message
 *
 * The app and patella-cli say the same when no file could be read.
 *
 * Returns: (transfer full) (nullable): why nothing could be imported: the
 *   one file's reason, that there were no activity files, or that none of
 *   the files could be read (the report lists them); %NULL when a file was
 *   read
 */
char *
patella_activity_report_explain_nothing (const PatellaActivityReport *report,
                                         const char                  *first_path)
{
  g_return_val_if_fail (report != NULL, NULL);

  if (report->files_read > 0)
    return NULL;

  if (report->problems->len == 1)
    return g_strdup (g_ptr_array_index (report->problems, 0));

  if (report->problems->len == 0)
    {
      g_autofree char *name = g_filename_display_name (first_path);

      return g_strdup_printf (_("There are no activity files in “%s”; Patella reads FIT, TCX "
                                "and GPX files, also gzip-compressed, and zip archives"), name);
    }

  return g_strdup (_("No file could be read; Patella reads its own exports (.json), FIT, TCX and "
                     "GPX files, also gzip-compressed, folders and zip archives"));
}

/**
 * patella_activity_path_is_candidate:
 *
 * Returns: whether a file in a folder or an archive is worth reading as an
 *   activity, by its name
 */
gboolean
patella_activity_path_is_candidate (const char *path)
{
  static const char * const suffixes[] = {
    ".fit", ".tcx", ".gpx", ".fit.gz", ".tcx.gz", ".gpx.gz",
  };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    if (has_suffix (path, suffixes[i]))
      return TRUE;

  return FALSE;
}

static GBytes *
gunzip (const guint8  *data,
        gsize          length,
        GError       **error)
{
  g_autoptr(GZlibDecompressor) decompressor =
    g_zlib_decompressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP);
  g_autoptr(GInputStream) memory = g_memory_input_stream_new_from_data (data, length, NULL);
  g_autoptr(GInputStream) stream = g_converter_input_stream_new (memory,
                                                                 G_CONVERTER (decompressor));
  g_autoptr(GByteArray) out = g_byte_array_new ();
  g_autoptr(GError) local_error = NULL;
  guint8 buffer[READ_CHUNK];

  for (;;)
    {
      gssize n = g_input_stream_read (stream, buffer, sizeof buffer, NULL, &local_error);

      if (n < 0)
        {
          patella_error_refuse (error, PATELLA_ERROR_INVALID,
                                _("it is not a valid gzip file (%s)"), local_error->message);
          return NULL;
        }
      if (n == 0)
        break;
      if (out->len + (gsize) n > PATELLA_ACTIVITY_MAX_BYTES)
        {
          patella_error_refuse (error, PATELLA_ERROR_INVALID,
                                _("it unpacks to more than %d MB, too large for an activity"),
                                PATELLA_ACTIVITY_MAX_BYTES / (1024 * 1024));
          return NULL;
        }
      g_byte_array_append (out, buffer, (guint) n);
    }

  return g_byte_array_free_to_bytes (g_steal_pointer (&out));
}

static gboolean
contains (const guint8 *data,
          gsize         length,
          const char   *needle)
{
  gsize n = strlen (needle);

  length = MIN (length, 4096);
  for (gsize i = 0; i + n <= length; i++)
    if (memcmp (data + i, needle, n) == 0)
      return TRUE;

  return FALSE;
}

/**
 * patella_activity_read_bytes:
 * @name: the file's name, for the report
 * @in_container: whether the file came from a folder or an archive, where
 *   a file without an activity (a watch's sleep or course file) is only
 *   counted as ignored
 *
 * Reads one activity file, gzip-compressed or not, telling the format by
 * its content. Its activities go to the report; when it cannot be read, the
 * report lists it with the reason.
 *
 * Returns: whether the file could be read
 */
gboolean
patella_activity_read_bytes (PatellaActivityReport *report,
                             const char            *name,
                             const guint8          *data,
                             gsize                  length,
                             gboolean               in_container)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) unpacked = NULL;
  g_autoptr(GPtrArray) activities = NULL;

  g_return_val_if_fail (report != NULL, FALSE);
  g_return_val_if_fail (name != NULL, FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);

  if (length >= 2 && data[0] == 0x1f && data[1] == 0x8b)
    {
      unpacked = gunzip (data, length, &error);
      if (unpacked == NULL)
        {
          add_problem (report, name, error->message);
          return FALSE;
        }
      data = g_bytes_get_data (unpacked, &length);
    }

  if (length == 0)
    patella_error_refuse (&error, PATELLA_ERROR_INVALID, _("The file is empty"));
  else if (length >= 12 && memcmp (data + 8, ".FIT", 4) == 0)
    activities = patella_fit_read (data, length, &error);
  else if (contains (data, length, "TrainingCenterDatabase"))
    activities = patella_tcx_read ((const char *) data, length, &error);
  else if (contains (data, length, "<gpx") || contains (data, length, ":gpx"))
    activities = patella_gpx_read ((const char *) data, length, &error);
  else
    patella_error_refuse (&error, PATELLA_ERROR_INVALID,
                          _("it is neither a Patella export nor an activity file; Patella reads "
                            "FIT, TCX and GPX files, also gzip-compressed, folders and zip "
                            "archives"));

  if (activities == NULL && in_container &&
      g_error_matches (error, PATELLA_ERROR, PATELLA_ERROR_NOT_FOUND))
    {
      report->files_ignored++;
      return FALSE;
    }

  if (activities == NULL)
    {
      add_problem (report, name, error->message);
      return FALSE;
    }

  report->files_read++;
  g_ptr_array_set_free_func (activities, NULL);
  for (guint i = 0; i < activities->len; i++)
    {
      PatellaFoundActivity *found = g_new0 (PatellaFoundActivity, 1);

      found->file = g_strdup (name);
      found->activity = g_ptr_array_index (activities, i);
      g_ptr_array_add (report->found, found);
    }

  return TRUE;
}

/* libarchive's own words, or NULL when it has none. */
static const char *
archive_detail (struct archive *archive)
{
  const char *detail = archive_error_string (archive);

  return detail != NULL && detail[0] != '\0' ? detail : NULL;
}

/* How many activity files the archive holds, from its central directory;
 * at least 1. */
static guint
count_zip_entries (const char *path)
{
  struct archive *archive = archive_read_new ();
  struct archive_entry *entry;
  guint n = 0;

  archive_read_support_format_zip_seekable (archive);
  if (archive_read_open_filename (archive, path, READ_CHUNK) == ARCHIVE_OK)
    while (archive_read_next_header (archive, &entry) == ARCHIVE_OK)
      {
        const char *entry_name = archive_entry_pathname (entry);

        if (archive_entry_filetype (entry) == AE_IFREG && entry_name != NULL &&
            patella_activity_path_is_candidate (entry_name))
          n++;
        archive_read_data_skip (archive);
      }

  archive_read_free (archive);
  return MAX (n, 1);
}

static void
read_zip (PatellaActivityReport *report,
          const char            *path,
          const char            *name,
          Progress              *progress)
{
  struct archive *archive = archive_read_new ();
  struct archive_entry *entry;
  int rc;

  archive_read_support_format_zip (archive);

  if (archive_read_open_filename (archive, path, READ_CHUNK) != ARCHIVE_OK)
    {
      const char *detail = archive_detail (archive);
      g_autofree char *reason = detail != NULL
                                ? g_strdup_printf (_("it is not a readable zip archive (%s)"),
                                                   detail)
                                : g_strdup (_("it is not a readable zip archive"));

      add_problem (report, name, reason);
      archive_read_free (archive);
      return;
    }

  while ((rc = archive_read_next_header (archive, &entry)) == ARCHIVE_OK)
    {
      const char *entry_name = archive_entry_pathname (entry);
      g_autofree char *label = NULL;
      g_autoptr(GByteArray) bytes = NULL;
      gboolean too_large = FALSE;
      guint8 buffer[READ_CHUNK];
      la_ssize_t n;

      if (archive_entry_filetype (entry) != AE_IFREG)
        continue;

      if (entry_name == NULL || !patella_activity_path_is_candidate (entry_name))
        {
          report->files_ignored++;
          continue;
        }

      if (!progress_step (progress))
        break;

      label = g_strdup_printf ("%s: %s", name, entry_name);
      if (archive_entry_size_is_set (entry) &&
          archive_entry_size (entry) > PATELLA_ACTIVITY_MAX_BYTES)
        {
          g_autofree char *reason = g_strdup_printf (_("it is larger than %d MB"),
                                                     PATELLA_ACTIVITY_MAX_BYTES / (1024 * 1024));

          add_problem (report, label, reason);
          continue;
        }

      bytes = g_byte_array_new ();
      while ((n = archive_read_data (archive, buffer, sizeof buffer)) > 0)
        {
          if (bytes->len + (gsize) n > PATELLA_ACTIVITY_MAX_BYTES)
            {
              too_large = TRUE;
              break;
            }
          g_byte_array_append (bytes, buffer, (guint) n);
        }

      if (n < 0)
        {
          const char *detail = archive_detail (archive);
          g_autofree char *reason = detail != NULL
                                    ? g_strdup_printf (_("it could not be unpacked (%s)"), detail)
                                    : g_strdup (_("it could not be unpacked"));

          add_problem (report, label, reason);
          if (n == ARCHIVE_FATAL)
            break;
          continue;
        }
      if (too_large)
        {
          g_autofree char *reason = g_strdup_printf (_("it is larger than %d MB"),
                                                     PATELLA_ACTIVITY_MAX_BYTES / (1024 * 1024));

          add_problem (report, label, reason);
          continue;
        }

      patella_activity_read_bytes (report, label, bytes->data, bytes->len, TRUE);
    }

  if (rc != ARCHIVE_EOF && rc != ARCHIVE_OK)
    {
      const char *detail = archive_detail (archive);
      g_autofree char *reason = detail != NULL
                                ? g_strdup_printf (_("the archive is damaged (%s)"), detail)
                                : g_strdup (_("the archive is damaged"));

      add_problem (report, name, reason);
    }

  archive_read_free (archive);
}

static void read_file (PatellaActivityReport *report,
                       const char            *path,
                       gboolean               explicit_file,
                       Progress              *progress);

/**
 * patella_activity_read_file:
 * @explicit_file: whether the user named this file; in a folder, files that
 *   are not activities are only counted as ignored
 *
 * Reads one file: an activity file, a gzip-compressed one, or a zip
 * archive of them. Files larger than %PATELLA_ACTIVITY_MAX_BYTES are
 * refused before they are read.
 */
void
patella_activity_read_file (PatellaActivityReport *report,
                            const char            *path,
                            gboolean               explicit_file)
{
  g_return_if_fail (report != NULL);
  g_return_if_fail (path != NULL);

  read_file (report, path, explicit_file, NULL);
}

static void
read_file (PatellaActivityReport *report,
           const char            *path,
           gboolean               explicit_file,
           Progress              *progress)
{
  g_autofree char *name = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;
  GStatBuf st;

  name = g_filename_display_name (path);

  if (g_stat (path, &st) != 0)
    {
      add_problem (report, name, g_strerror (errno));
      return;
    }

  if (!S_ISREG (st.st_mode))
    {
      add_problem (report, name, _("it is not a file"));
      return;
    }

  if (has_suffix (path, ".zip"))
    {
      read_zip (report, path, name, progress);
      return;
    }

  if (!explicit_file && !patella_activity_path_is_candidate (path))
    {
      report->files_ignored++;
      return;
    }

  if (st.st_size > PATELLA_ACTIVITY_MAX_BYTES)
    {
      g_autofree char *reason = g_strdup_printf (_("it is larger than %d MB"),
                                                 PATELLA_ACTIVITY_MAX_BYTES / (1024 * 1024));

      add_problem (report, name, reason);
      return;
    }

  if (!g_file_get_contents (path, &contents, &length, NULL))
    {
      add_problem (report, name, g_strerror (errno));
      return;
    }

  patella_activity_read_bytes (report, name, (const guint8 *) contents, length,
                               !explicit_file);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static void
list_folder (const char            *folder,
             GPtrArray             *files,
             PatellaActivityReport *report,
             guint                  depth)
{
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  dir = g_dir_open (folder, 0, &error);
  if (dir == NULL)
    {
      g_autofree char *display = g_filename_display_name (folder);

      add_problem (report, display, error->message);
      return;
    }

  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  /* The same order on every file system. */
  g_ptr_array_sort (names, compare_names);

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *child = g_build_filename (folder, g_ptr_array_index (names, i), NULL);
      ListedFile *file;

      if (g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        {
          report->files_ignored++;
          continue;
        }

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        {
          if (depth < 32)
            list_folder (child, files, report, depth + 1);
          continue;
        }

      if (!patella_activity_path_is_candidate (child) && !has_suffix (child, ".zip"))
        {
          report->files_ignored++;
          continue;
        }

      file = g_new0 (ListedFile, 1);
      file->path = g_steal_pointer (&child);
      g_ptr_array_add (files, file);
    }
}

static GPtrArray *
list_files (const char * const    *paths,
            PatellaActivityReport *report)
{
  GPtrArray *files = g_ptr_array_new_with_free_func ((GDestroyNotify) listed_file_free);

  for (guint i = 0; paths[i] != NULL; i++)
    {
      if (g_file_test (paths[i], G_FILE_TEST_IS_DIR))
        {
          list_folder (paths[i], files, report, 0);
        }
      else
        {
          ListedFile *file = g_new0 (ListedFile, 1);

          file->path = g_strdup (paths[i]);
          file->explicit_file = TRUE;
          g_ptr_array_add (files, file);
        }
    }

  return files;
}

/**
 * patella_activity_read_paths:
 * @paths: files and folders
 * @progress: (nullable): called after each file, each activity file in a
 *   zip archive counting as one
 *
 * Reads every activity in @paths: files, folders (recursively) and zip
 * archives. Nothing is written.
 *
 * Returns: (transfer full): the report with what was found, or %NULL when
 *   cancelled
 */
PatellaActivityReport *
patella_activity_read_paths (const char * const          *paths,
                             PatellaActivityProgressFunc  progress,
                             gpointer                     user_data,
                             GCancellable                *cancellable,
                             GError                     **error)
{
  g_autoptr(PatellaActivityReport) report = patella_activity_report_new ();
  g_autoptr(GPtrArray) files = NULL;
  Progress steps = { progress, user_data, cancellable, 0, 0 };

  g_return_val_if_fail (paths != NULL, NULL);

  files = list_files (paths, report);

  for (guint i = 0; i < files->len; i++)
    {
      ListedFile *file = g_ptr_array_index (files, i);

      file->weight = has_suffix (file->path, ".zip") ? count_zip_entries (file->path) : 1;
      steps.total += file->weight;
    }

  for (guint i = 0; i < files->len; i++)
    {
      ListedFile *file = g_ptr_array_index (files, i);
      guint end = steps.done + file->weight;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;

      read_file (report, file->path, file->explicit_file, &steps);
      /* A file, or an archive that held fewer activity files than it listed. */
      if (steps.done < end && !g_cancellable_is_cancelled (cancellable))
        {
          steps.done = end - 1;
          progress_step (&steps);
        }
    }

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  return g_steal_pointer (&report);
}
