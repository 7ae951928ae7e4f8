/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "patella-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "patella-activity-import.h"
#include "patella-backup.h"
#include "patella-cli-private.h"
#include "patella-error.h"
#include "patella-export.h"
#include "patella-import.h"
#include "patella-parse.h"
#include "patella-shoes.h"

static int
write_output (const char *output,
              const char *text)
{
  g_autoptr(GError) error = NULL;
  gsize length = strlen (text);

  if (output == NULL || g_str_equal (output, "-"))
    {
      if (fwrite (text, 1, length, stdout) != length || fflush (stdout) != 0)
        return patella_cli_refuse (_("Could not write the export to the standard output"));
      return PATELLA_CLI_OK;
    }

  if (!patella_export_write_file (output, text, length, &error))
    return patella_cli_fail (g_steal_pointer (&error));

  return PATELLA_CLI_OK;
}

/* patella-cli export --format csv|json [--table TABLE] [--output FILE|FOLDER] */
int
patella_cli_export_run (PatellaCliContext  *ctx,
                        int                 argc,
                        char              **argv)
{
  g_autofree char *format_text = NULL;
  g_autofree char *table_text = NULL;
  g_autofree char *output = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  PatellaExportTable table = PATELLA_EXPORT_TABLE_JOURNAL;
  PatellaStore *store;
  gboolean csv;
  int rc;
  GOptionEntry entries[] = {
    { "format", 0, 0, G_OPTION_ARG_FILENAME, &format_text,
      N_("json (everything, the default) or csv (one table)"), "FORMAT" },
    { "table", 0, 0, G_OPTION_ARG_FILENAME, &table_text,
      N_("For csv: journal, runs, shoes or sessions"), "TABLE" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write to FILE instead of the standard output; for csv without --table, a folder "
         "that gets one file per table"), "FILE" },
    { NULL }
  };

  rc = patella_cli_parse_options ("export", "",
                                  _("Export your data: JSON holds everything and can be imported "
                                    "again; CSV holds one table for spreadsheets."),
                                  entries, &argc, &argv);
  if (rc != PATELLA_CLI_OK)
    return rc;

  if (format_text == NULL || g_str_equal (format_text, "json"))
    csv = FALSE;
  else if (g_str_equal (format_text, "csv"))
    csv = TRUE;
  else
    return patella_cli_usage_error ("export", _("Unknown format; use csv or json"));

  if (table_text != NULL && !csv)
    return patella_cli_usage_error ("export", _("--table goes with --format csv; JSON holds "
                                                "every table"));

  if (table_text != NULL && !patella_export_table_from_string (table_text, &table))
    return patella_cli_usage_error ("export", _("Unknown table; use journal, runs, shoes or "
                                                "sessions"));

  if (csv && table_text == NULL &&
      (output == NULL || !g_file_test (output, G_FILE_TEST_IS_DIR)))
    return patella_cli_usage_error ("export", _("A CSV file holds one table: add --table journal, "
                                                "runs, shoes or sessions, or give --output a "
                                                "folder to write one file per table"));

  store = patella_cli_get_store (ctx, &error);
  if (store == NULL)
    return patella_cli_fail (g_steal_pointer (&error));

  if (csv && table_text == NULL)
    {
      if (!patella_export_csv_to_folder (store, output, &error))
        return patella_cli_fail (g_steal_pointer (&error));
      return PATELLA_CLI_OK;
    }

  if (csv)
    text = patella_export_csv (store, table, &error);
  else
    text = patella_export_json (store, NULL, &error);

  if (text == NULL)
    return patella_cli_fail (g_steal_pointer (&error));

  return write_output (output, text);
}

/* A Patella export starts with "{"; everything else is taken for an
 * activity file, a folder or an archive. */
static gboolean
looks_like_export (const char *path)
{
  char head[512];
  FILE *file;
  size_t n;
  size_t i = 0;

  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR) || patella_activity_path_is_candidate (path))
    return FALSE;

  file = fopen (path, "rb");
  if (file == NULL)
    return FALSE;
  n = fread (head, 1, sizeof head, file);
  fclose (file);

  if (n >= 3 && memcmp (head, "\xef\xbb\xbf", 3) == 0)
    i = 3;
  while (i < n && g_ascii_isspace (head[i]))
    i++;

  return i < n && head[i] == '{';
}

static int
import_export (PatellaCliContext *ctx,
               PatellaStore      *store,
               const char        *path,
               gboolean           replace,
               const char        *shoe)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PatellaImportReport) report = NULL;
  g_autofree char *text = NULL;

  report = patella_import_file (store, path,
                                replace ? PATELLA_IMPORT_REPLACE : PATELLA_IMPORT_KEEP_EXISTING,
                                shoe, NULL, NULL, NULL, &error);
  if (report == NULL)
    return patella_cli_fail (g_steal_pointer (&error));

  text = patella_import_report_to_string (report);
  g_print ("%s", text);

  /* Imported runs count like logged ones: a pair may have reached a mark. */
  if (!patella_shoes_check_notifications (store, patella_cli_get_notifier (ctx), &error))
    g_printerr ("patella-cli: %s\n", error->message);

  return PATELLA_CLI_OK;
}

/* patella-cli import FILE|FOLDER... [--replace] [--shoe NAME | --no-shoe] */
int
patella_cli_import_run (PatellaCliContext  *ctx,
                        int                 argc,
                        char              **argv)
{
  g_autofree char *shoe = NULL;
  g_autofree char *why = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) device_paths = g_ptr_array_new ();
  gboolean replace = FALSE;
  gboolean no_shoe = FALSE;
  gboolean any_read = FALSE;
  gint64 shoe_id = PATELLA_SHOE_DEFAULT;
  PatellaStore *store;
  int rc;
  GOptionEntry entries[] = {
    { "replace", 0, 0, G_OPTION_ARG_NONE, &replace,
      N_("Replace journal days, shoes and routines that are already there (default: keep them)"),
      NULL },
    { "shoe", 0, 0, G_OPTION_ARG_FILENAME, &shoe,
      N_("For activity files: the shoe of the runs (default: the default shoe)"), "NAME" },
    { "no-shoe", 0, 0, G_OPTION_ARG_NONE, &no_shoe,
      N_("For activity files: log the runs without a shoe"), NULL },
    { NULL }
  };

  rc = patella_cli_parse_options ("import", "FILE|FOLDER…",
                                  _("Import a Patella export (.json), or runs from FIT, TCX and "
                                    "GPX files (also .gz), folders and zip archives."),
                                  entries, &argc, &argv);
  if (rc != PATELLA_CLI_OK)
    return rc;

  if (argc < 2)
    return patella_cli_usage_error ("import", _("Give the files or folders to import"));
  if (shoe != NULL && no_shoe)
    return patella_cli_usage_error ("import", _("Give --shoe or --no-shoe, not both"));

  if (shoe != NULL)
    {
      g_autofree char *name = patella_parse_name (shoe, &error);

      if (name == NULL)
        {
          g_prefix_error (&error, _("The shoe name was refused: "));
          return patella_cli_fail (g_steal_pointer (&error));
        }
      g_free (shoe);
      shoe = g_steal_pointer (&name);
    }
  else if (no_shoe)
    {
      shoe = g_strdup ("");
      shoe_id = PATELLA_SHOE_NONE;
    }

  store = patella_cli_get_store (ctx, &error);
  if (store == NULL)
    return patella_cli_fail (g_steal_pointer (&error));

  if (shoe != NULL && shoe[0] != '\0')
    {
      g_autoptr(PatellaShoe) found = patella_shoe_find (store, shoe, &error);

      if (found == NULL)
        return patella_cli_fail (g_steal_pointer (&error));
      shoe_id = found->id;
    }

  /* One export alone keeps its all-or-nothing answer. */
  if (argc == 2 && looks_like_export (argv[1]))
    return import_export (ctx, store, argv[1], replace, shoe);

  for (int i = 1; i < argc; i++)
    {
      if (looks_like_export (argv[i]))
        {
          if (import_export (ctx, store, argv[i], replace, shoe) == PATELLA_CLI_OK)
            any_read = TRUE;
        }
      else
        {
          g_ptr_array_add (device_paths, argv[i]);
        }
    }

  if (device_paths->len > 0)
    {
      g_autoptr(PatellaActivityReport) report = NULL;
      g_autofree char *text = NULL;

      g_ptr_array_add (device_paths, NULL);
      report = patella_activity_import (store, patella_cli_get_notifier (ctx),
                                        (const char * const *) device_paths->pdata, shoe_id,
                                        NULL, NULL, NULL, &error);
      if (report == NULL)
        return patella_cli_fail (g_steal_pointer (&error));

      why = patella_activity_report_explain_nothing (report,
                                                     g_ptr_array_index (device_paths, 0));
      any_read = any_read || report->files_read > 0;
      if (!any_read && report->problems->len <= 1)
        return patella_cli_refuse ("%s", why);

      text = patella_activity_report_to_string (report);
      g_print ("%s", text);
    }

  if (!any_read && why != NULL)
    return patella_cli_refuse ("%s", why);
  if (!any_read)
    return patella_cli_refuse (_("No file could be read; Patella reads its own exports (.json), "
                                 "FIT, TCX and GPX files, also gzip-compressed, folders and zip "
                                 "archives"));

  return PATELLA_CLI_OK;
}

/* patella-cli backup [--list] */
int
patella_cli_backup_run (PatellaCliContext  *ctx,
                        int                 argc,
                        char              **argv)
{
  g_autoptr(GError) error = NULL;
  gboolean list = FALSE;
  PatellaStore *store;
  int rc;
  GOptionEntry entries[] = {
    { "list", 0, 0, G_OPTION_ARG_NONE, &list, N_("List the backups instead of making one"), NULL },
    { NULL }
  };

  rc = patella_cli_parse_options ("backup", "",
                                  _("Make today’s backup now (Patella also makes one each day). "
                                    "The newest 7 are kept."),
                                  entries, &argc, &argv);
  if (rc != PATELLA_CLI_OK)
    return rc;

  store = patella_cli_get_store (ctx, &error);
  if (store == NULL)
    return patella_cli_fail (g_steal_pointer (&error));

  if (list)
    {
      g_autoptr(GPtrArray) backups = patella_backup_list (patella_store_get_path (store), &error);

      if (backups == NULL)
        return patella_cli_fail (g_steal_pointer (&error));

      if (backups->len == 0)
        g_print ("%s\n", _("No backups yet."));

      for (guint i = 0; i < backups->len; i++)
        {
          PatellaBackup *backup = g_ptr_array_index (backups, i);
          g_autofree char *size = g_format_size ((guint64) backup->size);

          g_print ("%s  %8s  %s\n", backup->day, size, backup->path);
        }

      return PATELLA_CLI_OK;
    }
  else
    {
      g_autofree char *path = patella_backup_create (store, &error);

      if (path == NULL)
        return patella_cli_fail (g_steal_pointer (&error));

      g_print (_("Backed up to %s\n"), path);
      return PATELLA_CLI_OK;
    }
}

/* A day (YYYY-MM-DD) names that day's backup; anything else is a path. */
static char *
find_backup (PatellaStore  *store,
             const char    *text,
             GError       **error)
{
  g_autoptr(GPtrArray) backups = NULL;
  GDate date;

  if (!patella_parse_date (text, &date, NULL))
    return g_strdup (text);

  backups = patella_backup_list (patella_store_get_path (store), error);
  if (backups == NULL)
    return NULL;

  for (guint i = 0; i < backups->len; i++)
    {
      PatellaBackup *backup = g_ptr_array_index (backups, i);

      if (g_str_equal (backup->day, text))
        return g_strdup (backup->path);
    }

  g_set_error (error, PATELLA_ERROR, PATELLA_ERROR_NOT_FOUND,
               _("There is no backup of %s; “patella-cli backup --list” shows the backups"), text);
  return NULL;
}

/* patella-cli restore BACKUP [--yes] */
int
patella_cli_restore_run (PatellaCliContext  *ctx,
                         int                 argc,
                         char              **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *aside = NULL;
  gboolean yes = FALSE;
  PatellaStore *store;
  int rc;
  GOptionEntry entries[] = {
    { "yes", 'y', 0, G_OPTION_ARG_NONE, &yes,
      N_("Restore without asking (needed when not run from a terminal)"), NULL },
    { NULL }
  };

  rc = patella_cli_parse_options ("restore", "BACKUP",
                                  _("Replace all data with a backup: give its day (YYYY-MM-DD, "
                                    "see “backup --list”) or its file. The data as it is now is "
                                    "kept aside in a file beside the database."),
                                  entries, &argc, &argv);
  if (rc != PATELLA_CLI_OK)
    return rc;

  if (argc < 2)
    return patella_cli_usage_error ("restore", _("Give the backup to restore: a day or a file"));
  if (argc > 2)
    return patella_cli_usage_error ("restore", _("Give one backup to restore"));

  store = patella_cli_get_store (ctx, &error);
  if (store == NULL)
    return patella_cli_fail (g_steal_pointer (&error));

  path = find_backup (store, argv[1], &error);
  if (path == NULL)
    return patella_cli_fail (g_steal_pointer (&error));

  if (!yes)
    {
      char answer[16] = { 0 };

      if (!isatty (STDIN_FILENO))
        return patella_cli_refuse (_("Restoring replaces all data; add --yes to confirm. "
                                     "Nothing was changed."));

      g_print (_("Replace all data with the backup %s? The data as it is now is kept aside. "
                 "[y/N] "), path);
      if (fgets (answer, sizeof answer, stdin) == NULL ||
          (answer[0] != 'y' && answer[0] != 'Y'))
        return patella_cli_refuse (_("Nothing was changed."));
    }

  if (!patella_backup_restore (store, path, &aside, &error))
    return patella_cli_fail (g_steal_pointer (&error));

  g_print (_("Restored %s. The data as it was is kept in %s\n"), path, aside);
  return PATELLA_CLI_OK;
}
