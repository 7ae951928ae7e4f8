/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "patella-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "patella-activity-import.h"
#include "patella-backup.h"
#include "patella-data-actions.h"
#include "patella-error.h"
#include "patella-export.h"
#include "patella-import.h"
#include "patella-shoes.h"
#include "patella-window.h"

/* Export, import and backups for the app: actions app.export,
 * app.export-csv and app.import, and the daily backup. The work is done by the core; this only asks and tells. */

static GtkWindow *
get_window (PatellaApplication *app)
{
  return gtk_application_get_active_window (GTK_APPLICATION (app));
}

static void
toast (PatellaApplication *app,
       const char         *text)
{
  GtkWindow *window = get_window (app);

  if (PATELLA_IS_WINDOW (window))
    patella_window_add_toast (PATELLA_WINDOW (window), adw_toast_new (text));
}

static void
show_message (GtkWindow  *parent,
              const char *heading,
              const char *body)
{
  GtkWidget *dialog = adw_message_dialog_new (parent, heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static PatellaStore *
get_writable_store (PatellaApplication *app)
{
  PatellaStore *store = patella_context_get_store (patella_application_get_context (app));
  g_autoptr(GError) error = NULL;

  if (store == NULL)
    {
      show_message (get_window (app), _("No Database"),
                    _("Patella could not open its database, so there is nothing to work on."));
      return NULL;
    }

  return store;
}

/* ------------------------------------------------------------------ export */

static void
export_response_cb (GtkNativeDialog *chooser,
                    int              response,
                    gpointer         user_data)
{
  PatellaApplication *app = PATELLA_APPLICATION (user_data);
  gboolean csv = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (chooser), "csv"));
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  PatellaStore *store;
  gboolean ok;

  if (response != GTK_RESPONSE_ACCEPT)
    goto out;

  store = patella_context_get_store (patella_application_get_context (app));
  file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  path = file != NULL ? g_file_get_path (file) : NULL;
  if (store == NULL || path == NULL)
    goto out;

  if (csv)
    {
      ok = patella_export_csv_to_folder (store, path, &error);
    }
  else
    {
      g_autofree char *json = NULL;
      gsize length = 0;

      json = patella_export_json (store, &length, &error);
      ok = json != NULL && patella_export_write_file (path, json, length, &error);
    }

  if (ok)
    toast (app, csv ? _("Exported four CSV files") : _("Exported everything"));
  else
    show_message (get_window (app), _("Export Failed"), error->message);

out:
  g_object_unref (chooser);
}

static void
start_export (PatellaApplication *app,
              gboolean            csv)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *name = NULL;

  if (get_writable_store (app) == NULL)
    return;

  if (csv)
    chooser = gtk_file_chooser_native_new (_("Export as CSV to a Folder"), get_window (app),
                                           GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER,
                                           _("_Export"), _("_Cancel"));
  else
    chooser = gtk_file_chooser_native_new (_("Export Everything"), get_window (app),
                                           GTK_FILE_CHOOSER_ACTION_SAVE,
                                           _("_Export"), _("_Cancel"));

  if (!csv)
    {
      now = g_date_time_new_now_local ();
      name = g_date_time_format (now, "patella-export-%Y-%m-%d.json");
      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
    }

  g_object_set_data (G_OBJECT (chooser), "csv", GINT_TO_POINTER (csv));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (export_response_cb), app);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
export_activated (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  start_export (PATELLA_APPLICATION (user_data), FALSE);
}

static void
export_csv_activated (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  start_export (PATELLA_APPLICATION (user_data), TRUE);
}

/* ------------------------------------------------------------------ import */

typedef struct
{
  PatellaApplication *app;
  char               *db_path;
  GStrv               files;
  gboolean            activities; /* device files, not a Patella export */
  char               *shoe;       /* NULL: the default shoe; "": none */
  PatellaImportFlags  flags;
  GCancellable       *cancellable;
  GtkWidget          *progress_dialog;
  GtkWidget          *progress_bar;
  int                 permille;   /* written by the worker, atomically */
  int                 files_done; /* the same */
  int                 files_total;
  guint               pulse_id;
} ImportJob;

static void
import_job_free (ImportJob *job)
{
  g_clear_handle_id (&job->pulse_id, g_source_remove);
  g_clear_object (&job->app);
  g_free (job->db_path);
  g_strfreev (job->files);
  g_free (job->shoe);
  g_clear_object (&job->cancellable);
  g_free (job);
}

static void
import_progress_cb (double   fraction,
                    gpointer user_data)
{
  ImportJob *job = user_data;

  g_atomic_int_set (&job->permille, (int) (fraction * 1000));
}

static void
activity_progress_cb (guint    done,
                      guint    total,
                      gpointer user_data)
{
  ImportJob *job = user_data;

  g_atomic_int_set (&job->files_done, (int) done);
  g_atomic_int_set (&job->files_total, (int) total);
  g_atomic_int_set (&job->permille, total > 0 ? (int) (1000.0 * done / total) : 0);
}

static gboolean
update_progress_cb (gpointer user_data)
{
  ImportJob *job = user_data;
  int total = g_atomic_int_get (&job->files_total);

  if (job->progress_dialog == NULL)
    return G_SOURCE_CONTINUE;

  gtk_progress_bar_set_fraction (GTK_PROGRESS_BAR (job->progress_bar),
                                 g_atomic_int_get (&job->permille) / 1000.0);
  if (total > 0)
    {
      int done = g_atomic_int_get (&job->files_done);
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "%d of %d file",
                                                            "%d of %d files", total),
                                               done, total);

      gtk_progress_bar_set_text (GTK_PROGRESS_BAR (job->progress_bar), text);
      gtk_progress_bar_set_show_text (GTK_PROGRESS_BAR (job->progress_bar), TRUE);
    }
  return G_SOURCE_CONTINUE;
}

/* Device files: through the activity reader and writer, file by file. */
static char *
import_activities (ImportJob     *job,
                   PatellaStore  *store,
                   GCancellable  *cancellable,
                   GError       **error)
{
  g_autoptr(PatellaActivityReport) report = NULL;
  gint64 shoe_id = PATELLA_SHOE_DEFAULT;

  if (job->shoe != NULL && job->shoe[0] == '\0')
    {
      shoe_id = PATELLA_SHOE_NONE;
    }
  else if (job->shoe != NULL)
    {
      g_autoptr(PatellaShoe) shoe = patella_shoe_find (store, job->shoe, error);

      if (shoe == NULL)
        return NULL;
      shoe_id = shoe->id;
    }

  report = patella_activity_import (store, NULL, (const char * const *) job->files, shoe_id,
                                    activity_progress_cb, job, cancellable, error);
  if (report == NULL)
    return NULL;

  /* Worded as patella-cli says it; with several files, each with its reason. */
  if (report->files_read == 0)
    {
      g_autofree char *why = patella_activity_report_explain_nothing (report, job->files[0]);
      g_autofree char *listed = report->problems->len > 1
                                ? patella_activity_report_to_string (report) : NULL;

      g_set_error (error, PATELLA_ERROR, PATELLA_ERROR_INVALID, "%s%s%s",
                   listed != NULL ? listed : "", listed != NULL ? "\n" : "", why);
      return NULL;
    }

  return patella_activity_report_to_string (report);
}

/* In a worker thread, on a connection of its own: the window stays live. */
static void
import_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ImportJob *job = task_data;
  g_autoptr(PatellaStore) store = NULL;
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  store = patella_store_open (job->db_path, NULL, &error);
  if (store == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (job->activities)
    {
      text = import_activities (job, store, cancellable, &error);
    }
  else
    {
      g_autoptr(PatellaImportReport) report = NULL;

      report = patella_import_file (store, job->files[0], job->flags, job->shoe,
                                    import_progress_cb, job, cancellable, &error);
      if (report != NULL)
        text = patella_import_report_to_string (report);
    }

  if (text == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, text, g_free);
}

static void
import_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  ImportJob *job = g_task_get_task_data (G_TASK (result));
  g_autofree char *report = NULL;
  g_autoptr(GError) error = NULL;
  PatellaStore *store;

  report = g_task_propagate_pointer (G_TASK (result), &error);
  g_clear_handle_id (&job->pulse_id, g_source_remove);
  if (job->progress_dialog != NULL)
    {
      GtkWidget *dialog = job->progress_dialog;

      g_object_remove_weak_pointer (G_OBJECT (dialog), (gpointer *) &job->progress_dialog);
      job->progress_dialog = NULL;
      gtk_window_destroy (GTK_WINDOW (dialog));
    }

  if (report == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_message (get_window (job->app), _("Nothing Was Imported"), error->message);
      else
        toast (job->app, _("Import cancelled; nothing was imported"));
      return;
    }

  /* The import wrote through its own connection: tell the views. */
  store = patella_context_get_store (patella_application_get_context (job->app));
  if (store != NULL)
    {
      patella_store_emit_changed (store, "journal");
      patella_store_emit_changed (store, "shoes");
      patella_store_emit_changed (store, "runs");
      patella_store_emit_changed (store, "sessions");
      patella_store_emit_changed (store, "routines");

      /* Imported runs count like logged ones: a pair may have reached a mark. */
      if (!patella_shoes_check_notifications (store,
                                              patella_context_get_notifier (patella_application_get_context (job->app)),
                                              &error))
        g_message ("Could not check the shoes after the import: %s", error->message);
    }

  show_message (get_window (job->app), _("Import Finished"), report);
}

static void
progress_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      gpointer          user_data)
{
  ImportJob *job = user_data;

  g_signal_handlers_disconnect_by_func (dialog, progress_response_cb, job);
  g_cancellable_cancel (job->cancellable);
}

static void
run_import (ImportJob *job)
{
  g_autoptr(GTask) task = NULL;
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (get_window (job->app), _("Importing…"), NULL);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"));
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  job->progress_bar = gtk_progress_bar_new ();
  gtk_accessible_update_property (GTK_ACCESSIBLE (job->progress_bar),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Import progress"), -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), job->progress_bar);
  job->progress_dialog = dialog;
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &job->progress_dialog);
  g_signal_connect (dialog, "response", G_CALLBACK (progress_response_cb), job);
  gtk_window_present (GTK_WINDOW (dialog));
  job->pulse_id = g_timeout_add (100, update_progress_cb, job);

  task = g_task_new (NULL, job->cancellable, import_done_cb, NULL);
  g_task_set_task_data (task, job, (GDestroyNotify) import_job_free);
  g_task_run_in_thread (task, import_thread);
}

static void
choice_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    gpointer          user_data)
{
  ImportJob *job = user_data;
  GtkWidget *dropdown = g_object_get_data (G_OBJECT (dialog), "shoes");

  /* One answer per dialog: the job is gone after it. */
  g_signal_handlers_disconnect_by_func (dialog, choice_response_cb, job);

  if (g_str_equal (response, "cancel"))
    {
      import_job_free (job);
      return;
    }

  if (g_str_equal (response, "replace"))
    job->flags = PATELLA_IMPORT_REPLACE;

  if (dropdown != NULL)
    {
      GtkStringObject *item = gtk_drop_down_get_selected_item (GTK_DROP_DOWN (dropdown));
      guint position = gtk_drop_down_get_selected (GTK_DROP_DOWN (dropdown));

      g_clear_pointer (&job->shoe, g_free);
      job->shoe = position == 0 || item == NULL ? g_strdup ("")
                                                : g_strdup (gtk_string_object_get_string (item));
    }

  run_import (job);
}

/* Active shoes, the default first after "No shoe"; %NULL when there is no
 * shoe to choose. */
static GtkWidget *
make_shoe_dropdown (PatellaStore *store)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) shoes = patella_shoes_list (store, PATELLA_SHOES_ACTIVE, NULL);
  GtkWidget *dropdown;

  if (shoes == NULL || shoes->len == 0)
    return NULL;

  gtk_string_list_append (names, _("No shoe"));
  for (guint i = 0; i < shoes->len; i++)
    {
      PatellaShoe *shoe = g_ptr_array_index (shoes, i);

      if (shoe->is_default)
        gtk_string_list_append (names, shoe->name);
    }
  for (guint i = 0; i < shoes->len; i++)
    {
      PatellaShoe *shoe = g_ptr_array_index (shoes, i);

      if (!shoe->is_default)
        gtk_string_list_append (names, shoe->name);
    }

  dropdown = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&names)), NULL);
  /* The default shoe when there is one, else none. */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown),
                              patella_shoe_get_default_id (store) != 0 ? 1 : 0);
  gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Shoe for the imported runs"), -1);
  return dropdown;
}

/* What the import will read, in the question: one file, several, a folder
 * or a zip archive. */
static char *
describe_activities (const char * const *paths)
{
  guint n = g_strv_length ((char **) paths);
  g_autofree char *lower = g_ascii_strdown (paths[0], -1);
  g_autofree char *name = g_filename_display_basename (paths[0]);

  if (n > 1)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "Each run in the %u chosen file becomes a run in "
                                         "Patella.",
                                         "Each run in the %u chosen files becomes a run in "
                                         "Patella.", n), n);

  if (g_file_test (paths[0], G_FILE_TEST_IS_DIR))
    return g_strdup_printf (_("Each run in the folder “%s” and the folders in it becomes a run "
                              "in Patella."), name);

  if (g_str_has_suffix (lower, ".zip"))
    return g_strdup_printf (_("Each run in the archive “%s” becomes a run in Patella."), name);

  return g_strdup_printf (_("Each run in “%s” becomes a run in Patella."), name);
}

static gboolean
looks_like_activities (const char *path)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);

  return patella_activity_path_is_candidate (path) || g_str_has_suffix (lower, ".zip") ||
         g_file_test (path, G_FILE_TEST_IS_DIR);
}

/* Asks how to import @paths, then imports them: one Patella export, or
 * activity files. */
static void
begin_import (PatellaApplication *app,
              const char * const *paths)
{
  PatellaStore *store = get_writable_store (app);
  ImportJob *job;
  GtkWidget *dialog;

  if (store == NULL)
    return;

  job = g_new0 (ImportJob, 1);
  job->app = g_object_ref (app);
  job->db_path = g_strdup (patella_store_get_path (store));
  job->files = g_strdupv ((char **) paths);
  job->cancellable = g_cancellable_new ();
  job->activities = g_strv_length (job->files) > 1 || looks_like_activities (job->files[0]);

  if (job->activities)
    {
      GtkWidget *dropdown = make_shoe_dropdown (store);
      g_autofree char *what = describe_activities ((const char * const *) job->files);
      g_autofree char *body = g_strdup_printf ("%s %s", what,
                                               _("Runs that are already there are skipped; "
                                                 "other sports are left out."));

      dialog = adw_message_dialog_new (get_window (app), _("Import Runs?"), body);
      /* Without a shoe there is nothing to choose: the runs have none. */
      if (dropdown != NULL)
        {
          adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), dropdown);
          g_object_set_data (G_OBJECT (dialog), "shoes", dropdown);
        }
      else
        {
          g_free (job->shoe);
          job->shoe = g_strdup ("");
        }
      adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                        "cancel", _("_Cancel"),
                                        "import", _("_Import"),
                                        NULL);
      adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "import");
    }
  else
    {
      dialog = adw_message_dialog_new (get_window (app), _("Import a Patella Export?"),
                                       _("Days, shoes and routines that are already in Patella "
                                         "can be kept as they are, or replaced by the ones in "
                                         "the file. Either way, nothing is imported if anything "
                                         "in the file is wrong."));
      adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                        "cancel", _("_Cancel"),
                                        "replace", _("_Replace Existing"),
                                        "import", _("_Keep Existing"),
                                        NULL);
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "replace",
                                                  ADW_RESPONSE_DESTRUCTIVE);
      adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "import");
    }

  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "import",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (choice_response_cb), job);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
import_file_response_cb (GtkNativeDialog *chooser,
                         int              response,
                         gpointer         user_data)
{
  PatellaApplication *app = PATELLA_APPLICATION (user_data);

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));
      g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);

      for (guint i = 0; i < g_list_model_get_n_items (files); i++)
        {
          g_autoptr(GFile) file = g_list_model_get_item (files, i);
          char *path = g_file_get_path (file);

          if (path != NULL)
            g_ptr_array_add (paths, path);
        }
      g_ptr_array_add (paths, NULL);

      if (paths->len > 1)
        begin_import (app, (const char * const *) paths->pdata);
    }

  g_object_unref (chooser);
}

/* app.import-file("PATH"): the same, for a file chosen elsewhere. */
static void
import_file_activated (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  const char *paths[] = { g_variant_get_string (parameter, NULL), NULL };

  begin_import (PATELLA_APPLICATION (user_data), paths);
}

/* app.import-files(["PATH", …]): several files or folders, dropped or
 * chosen elsewhere. */
static void
import_files_activated (GSimpleAction *action,
                        GVariant      *parameter,
                        gpointer       user_data)
{
  g_autofree const char **paths = g_variant_get_strv (parameter, NULL);

  if (paths[0] != NULL)
    begin_import (PATELLA_APPLICATION (user_data), paths);
}

static void
import_activated (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  PatellaApplication *app = PATELLA_APPLICATION (user_data);
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  if (get_writable_store (app) == NULL)
    return;

  chooser = gtk_file_chooser_native_new (_("Import"), get_window (app),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("Patella exports and activity files"));
  {
    static const char * const patterns[] = {
      "*.json", "*.fit", "*.tcx", "*.gpx", "*.fit.gz", "*.tcx.gz", "*.gpx.gz", "*.zip",
      "*.JSON", "*.FIT", "*.TCX", "*.GPX", "*.FIT.GZ", "*.TCX.GZ", "*.GPX.GZ", "*.ZIP",
    };

    for (guint i = 0; i < G_N_ELEMENTS (patterns); i++)
      gtk_file_filter_add_pattern (filter, patterns[i]);
  }
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  /* A Patella export, or as many activity files as you like. */
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), TRUE);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (import_file_response_cb), app);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static const GActionEntry data_entries[] = {
  { "export", export_activated },
  { "export-csv", export_csv_activated },
  { "import", import_activated },
  { "import-file", import_file_activated, "s" },
  { "import-files", import_files_activated, "as" },
};

/* ----------------------------------------------------------------- backups */

static gboolean
daily_backup_cb (gpointer user_data)
{
  PatellaApplication *app = user_data;
  PatellaStore *store = patella_context_get_store (patella_application_get_context (app));
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  if (store == NULL || patella_store_is_read_only (store))
    return G_SOURCE_CONTINUE;

  path = patella_backup_run_daily (store, NULL, &error);
  if (path == NULL)
    g_message ("%s", error->message);

  return G_SOURCE_CONTINUE;
}

/**
 * patella_data_actions_daily_backup:
 *
 * Makes today's backup if there is none, once the main loop is idle and
 * every hour after.
 */
static void
remove_source (gpointer data)
{
  g_source_remove (GPOINTER_TO_UINT (data));
}

static gboolean
first_backup_cb (gpointer user_data)
{
  daily_backup_cb (user_data);
  g_object_steal_data (G_OBJECT (user_data), "patella-first-backup");
  return G_SOURCE_REMOVE;
}

void
patella_data_actions_daily_backup (PatellaApplication *app)
{
  guint id;

  /* After the first frame, not before it: start-up stays quick. */
  id = g_idle_add_full (G_PRIORITY_LOW, first_backup_cb, app, NULL);
  g_object_set_data_full (G_OBJECT (app), "patella-first-backup", GUINT_TO_POINTER (id),
                          remove_source);
  /* The timers go with the application. */
  id = g_timeout_add_seconds_full (G_PRIORITY_LOW, 3600, daily_backup_cb, app, NULL);
  g_object_set_data_full (G_OBJECT (app), "patella-daily-backup", GUINT_TO_POINTER (id),
                          remove_source);
}

void
patella_data_actions_install (PatellaApplication *app)
{
  g_action_map_add_action_entries (G_ACTION_MAP (app), data_entries,
                                   G_N_ELEMENTS (data_entries), app);
}
