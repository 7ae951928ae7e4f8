/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "patella-import"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <errno.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "patella-activity-import.h"
#include "patella-error.h"
#include "patella-export.h"
#include "patella-gpx.h"
#include "patella-import.h"
#include "patella-import-private.h"
#include "patella-journal.h"
#include "patella-parse.h"
#include "patella-shoes.h"
#include "patella-units.h"

/* ------------------------------------------------------------------ report */

PatellaImportReport *
patella_import_report_new (void)
{
  PatellaImportReport *report = g_new0 (PatellaImportReport, 1);

  report->reasons = g_ptr_array_new_with_free_func (g_free);
  return report;
}

void
patella_import_report_free (PatellaImportReport *report)
{
  if (report == NULL)
    return;

  g_ptr_array_unref (report->reasons);
  g_free (report);
}

void
patella_import_report_skip (PatellaImportReport *report,
             char                *reason)
{
  report->skipped++;
  g_ptr_array_add (report->reasons, reason);
}

/**
 * patella_import_report_to_string:
 *
 * Returns: (transfer full): what was imported and what was skipped, and why,
 *   one sentence a line
 */
char *
patella_import_report_to_string (const PatellaImportReport *report)
{
  GString *out = g_string_new (NULL);

  g_string_append_printf (out,
                          g_dngettext (GETTEXT_PACKAGE, "Imported %u item", "Imported %u items",
                                       report->imported),
                          report->imported);
  if (report->imported > 0)
    {
      g_autoptr(GPtrArray) kinds = g_ptr_array_new_with_free_func (g_free);
      g_autofree char *list = NULL;

      /* Translators: the kinds of items imported, after "Imported N items" */
      g_ptr_array_add (kinds, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u journal day",
                                                            "%u journal days", report->journal),
                                               report->journal));
      g_ptr_array_add (kinds, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u run", "%u runs",
                                                            report->runs), report->runs));
      g_ptr_array_add (kinds, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u shoe",
                                                            "%u shoes", report->shoes),
                                               report->shoes));
      g_ptr_array_add (kinds, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u session",
                                                            "%u sessions", report->sessions),
                                               report->sessions));
      g_ptr_array_add (kinds, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u routine",
                                                            "%u routines", report->routines),
                                               report->routines));
      g_ptr_array_add (kinds, NULL);
      list = g_strjoinv (", ", (char **) kinds->pdata);
      g_string_append_printf (out, " (%s)", list);
    }
  g_string_append (out, ".\n");

  if (report->replaced > 0)
    {
      g_string_append_printf (out,
                              g_dngettext (GETTEXT_PACKAGE, "Replaced %u existing item.",
                                           "Replaced %u existing items.", report->replaced),
                              report->replaced);
      g_string_append_c (out, '\n');
    }

  g_string_append_printf (out,
                          g_dngettext (GETTEXT_PACKAGE,
                                       "Skipped %u item as a duplicate or not importable.",
                                       "Skipped %u items as duplicates or not importable.",
                                       report->skipped),
                          report->skipped);
  g_string_append_c (out, '\n');

  for (guint i = 0; i < report->reasons->len; i++)
    g_string_append_printf (out, "  %s\n", (const char *) g_ptr_array_index (report->reasons, i));

  return g_string_free (out, FALSE);
}

/* -------------------------------------------------------------------- file */

/**
 * patella_import_read_file:
 *
 * Reads a file to import, refusing anything that is not a regular file or is
 * larger than %PATELLA_IMPORT_MAX_BYTES before reading it.
 */
GBytes *
patella_import_read_file (const char  *path,
                          GError     **error)
{
  g_autofree char *name = g_filename_display_name (path);
  g_autofree char *contents = NULL;
  gsize length = 0;
  GStatBuf st;

  if (g_stat (path, &st) != 0)
    {
      int saved = errno;

      g_set_error (error, PATELLA_ERROR,
                   patella_error_from_errno (saved),
                   _("Could not read “%s”: %s"), name, g_strerror (saved));
      return NULL;
    }

  if (!S_ISREG (st.st_mode))
    {
      refuse (error, _("“%s” is not a file; choose a Patella export (.json) or a GPX file"), name);
      return NULL;
    }

  if (st.st_size > PATELLA_IMPORT_MAX_BYTES)
    {
      refuse (error, _("“%s” is %lld MB; files of at most %d MB can be imported"),
              name, (long long) (st.st_size / (1024 * 1024)),
              PATELLA_IMPORT_MAX_BYTES / (1024 * 1024));
      return NULL;
    }

  if (!g_file_get_contents (path, &contents, &length, NULL))
    {
      g_set_error (error, PATELLA_ERROR, PATELLA_ERROR_IO,
                   _("Could not read “%s”: %s"), name, g_strerror (errno));
      return NULL;
    }

  /* It may have grown in between. */
  if (length > PATELLA_IMPORT_MAX_BYTES)
    {
      refuse (error, _("“%s” is larger than %d MB; it cannot be imported"),
              name, PATELLA_IMPORT_MAX_BYTES / (1024 * 1024));
      return NULL;
    }

  return g_bytes_new_take (g_steal_pointer (&contents), length);
}

gboolean
patella_import_check_input (const char  *data,
             gsize        length,
             GError     **error)
{
  if (length > PATELLA_IMPORT_MAX_BYTES)
    return refuse (error, _("The file is larger than %d MB; it cannot be imported"),
                   PATELLA_IMPORT_MAX_BYTES / (1024 * 1024));

  if (length == 0)
    return refuse (error, _("The file is empty; choose a Patella export (.json) or a GPX file"));

  if (!g_utf8_validate_len (data, length, NULL) || memchr (data, '\0', length) != NULL)
    return refuse (error, _("The file is not UTF-8 text; choose a Patella export (.json) or a "
                            "GPX file"));

  return TRUE;
}

/* NULL: the default shoe; "": none; else a shoe's name. */
static gboolean
find_shoe_for_device (PatellaStore  *store,
                      const char    *shoe,
                      gint64        *shoe_id,
                      GError       **error)
{
  g_autoptr(PatellaShoe) found = NULL;

  if (shoe == NULL)
    {
      *shoe_id = PATELLA_SHOE_DEFAULT;
      return TRUE;
    }

  if (*shoe == '\0')
    {
      *shoe_id = PATELLA_SHOE_NONE;
      return TRUE;
    }

  found = patella_shoe_find (store, shoe, error);
  if (found == NULL)
    return FALSE;

  *shoe_id = found->id;
  return TRUE;
}

/* Device files go through the activity readers and writer; the report
 * says what they did in the terms of a Patella import. */
static PatellaImportReport *
import_report_from_activities (PatellaActivityReport *activities)
{
  PatellaImportReport *report = patella_import_report_new ();

  report->imported = activities->imported;
  report->runs = activities->imported;
  report->replaced = activities->updated;
  for (guint i = 0; i < activities->skipped->len; i++)
    patella_import_report_skip (report, g_strdup (g_ptr_array_index (activities->skipped, i)));
  for (guint i = 0; i < activities->problems->len; i++)
    patella_import_report_skip (report, g_strdup (g_ptr_array_index (activities->problems, i)));

  return report;
}

typedef struct
{
  PatellaImportProgressFunc  progress;
  gpointer                   user_data;
} Job;

static void
device_progress_cb (guint    done,
                    guint    total,
                    gpointer user_data)
{
  Job *job = user_data;

  if (job->progress != NULL && total > 0)
    job->progress ((double) done / total, job->user_data);
}

/**
 * patella_import_gpx:
 * @shoe: (nullable): the shoe for the runs: %NULL for the default shoe, ""
 *   for none, or a shoe's name
 *
 * Imports one run per track of a GPX file through the activity writer, all
 * or nothing in one transaction. Tracks that cannot be a run and runs that
 * are already there are skipped, each with its reason.
 */
PatellaImportReport *
patella_import_gpx (PatellaStore               *store,
                    const char                 *data,
                    gsize                       length,
                    const char                 *shoe,
                    PatellaImportProgressFunc   progress,
                    gpointer                    user_data,
                    GCancellable               *cancellable,
                    GError                    **error)
{
  g_autoptr(PatellaActivityReport) activities = patella_activity_report_new ();
  g_autoptr(GPtrArray) tracks = NULL;
  g_autoptr(GError) local_error = NULL;
  gint64 shoe_id;

  g_return_val_if_fail (PATELLA_IS_STORE (store), NULL);

  if (!patella_store_check_writable (store, error))
    return NULL;

  tracks = patella_gpx_read (data, length, &local_error);
  if (tracks == NULL)
    {
      /* A GPX file without tracks, given on its own, is refused input. */
      if (local_error->code == PATELLA_ERROR_NOT_FOUND)
        local_error->code = PATELLA_ERROR_INVALID;
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  if (!find_shoe_for_device (store, shoe, &shoe_id, error))
    return NULL;

  g_ptr_array_set_free_func (tracks, NULL);
  for (guint i = 0; i < tracks->len; i++)
    {
      PatellaFoundActivity *found = g_new0 (PatellaFoundActivity, 1);

      found->file = g_strdup_printf (_("Track %u"), i + 1);
      found->activity = g_ptr_array_index (tracks, i);
      g_ptr_array_add (activities->found, found);
    }

  if (!patella_activity_report_write (activities, store, NULL, shoe_id, cancellable, error))
    return NULL;

  if (progress != NULL)
    progress (1.0, user_data);

  return import_report_from_activities (activities);
}

static PatellaImportReport *
import_device_files (PatellaStore               *store,
                     const char                 *path,
                     const char                 *shoe,
                     PatellaImportProgressFunc   progress,
                     gpointer                    user_data,
                     GCancellable               *cancellable,
                     GError                    **error)
{
  g_autoptr(PatellaActivityReport) activities = NULL;
  const char *paths[] = { path, NULL };
  Job job = { progress, user_data };
  gint64 shoe_id;

  if (!patella_store_check_writable (store, error) ||
      !find_shoe_for_device (store, shoe, &shoe_id, error))
    return NULL;

  activities = patella_activity_import (store, NULL, paths, shoe_id, device_progress_cb, &job,
                                        cancellable, error);
  if (activities == NULL)
    return NULL;

  if (activities->files_read == 0)
    {
      refuse (error, "%s", activities->problems->len > 0
                           ? (const char *) g_ptr_array_index (activities->problems, 0)
                           : _("There is no activity file in it"));
      return NULL;
    }

  return import_report_from_activities (activities);
}

/**
 * patella_import_file:
 *
 * Imports a Patella export, or activity files from a watch: FIT, TCX or GPX,
 * also gzip-compressed, a zip archive of them or a folder. Exports and
 * activity files are told apart by their content.
 */
PatellaImportReport *
patella_import_file (PatellaStore               *store,
                     const char                 *path,
                     PatellaImportFlags          flags,
                     const char                 *shoe,
                     PatellaImportProgressFunc   progress,
                     gpointer                    user_data,
                     GCancellable               *cancellable,
                     GError                    **error)
{
  g_autoptr(GBytes) bytes = NULL;
  const char *data;
  gsize length;
  gsize i = 0;

  /* Bulk exports can be far larger than an export: never read them whole. */
  if (g_file_test (path, G_FILE_TEST_IS_DIR) || patella_activity_path_is_candidate (path) ||
      g_str_has_suffix (path, ".zip") || g_str_has_suffix (path, ".ZIP"))
    return import_device_files (store, path, shoe, progress, user_data, cancellable, error);

  bytes = patella_import_read_file (path, error);
  if (bytes == NULL)
    return NULL;

  data = g_bytes_get_data (bytes, &length);

  /* Skip a byte order mark and white space. */
  if (length >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    i = 3;
  while (i < length && g_ascii_isspace (data[i]))
    i++;

  if (i < length && data[i] == '{')
    return patella_import_json (store, data + i, length - i, flags, progress, user_data,
                                cancellable, error);

  return import_device_files (store, path, shoe, progress, user_data, cancellable, error);
}
