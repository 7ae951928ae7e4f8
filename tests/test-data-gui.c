/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>

#include "patella-application.h"
#include "patella-backup.h"
#include "patella-preferences-window.h"
#include "patella-test-data.h"
#include "patella-test-db.h"
#include "patella-test-utils.h"
#include "patella-window.h"
#include "patella-test-gui.h"

static PatellaApplication *test_app;

static void
collect_buttons (GtkWidget *root,
                 GPtrArray *out)
{
  if (GTK_IS_BUTTON (root) && g_object_get_data (G_OBJECT (root), "path") != NULL)
    g_ptr_array_add (out, root);

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_buttons (child, out);
}

static void
test_actions (void)
{
  g_assert_nonnull (g_action_map_lookup_action (G_ACTION_MAP (test_app), "export"));
  g_assert_nonnull (g_action_map_lookup_action (G_ACTION_MAP (test_app), "export-csv"));
  g_assert_nonnull (g_action_map_lookup_action (G_ACTION_MAP (test_app), "import"));
}

/* Yesterday's backup in two clicks: Restore… in Preferences, then Restore. */
static void
test_restore_from_preferences (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = patella_test_make_dir ();
  g_autofree char *db = g_build_filename (dir, "patella.db", NULL);
  g_autofree char *backup = NULL;
  g_autofree char *yesterday = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();
  PatellaStore *store;
  PatellaWindow *window;
  PatellaPreferencesWindow *prefs;
  AdwMessageDialog *dialog;
  GtkButton *restore = NULL;

  /* A reminder falling due while the test runs would write its slot into
   * the restored database: the comparison is of the user's data. */
  g_settings_set_boolean (patella_context_get_settings (patella_application_get_context (test_app)),
                          "reminders-enabled", FALSE);
  g_setenv ("PATELLA_DB", db, TRUE);
  g_assert_true (patella_application_reopen_store (test_app, &error));
  g_assert_no_error (error);
  store = patella_context_get_store (patella_application_get_context (test_app));
  patella_test_fill_store (store);

  backup = patella_backup_create (store, &error);
  g_assert_no_error (error);
  /* Call it yesterday's. */
  yesterday = g_build_filename (dir, "backups", "patella-2000-01-01.db", NULL);
  g_assert_cmpint (g_rename (backup, yesterday), ==, 0);
  g_assert_true (patella_store_exec (store, "PRAGMA wal_checkpoint(TRUNCATE);", &error));
  before = patella_test_dump_db (db);

  g_assert_true (patella_store_exec (store, "DELETE FROM journal_entry;", &error));

  window = patella_window_new (test_app);
  gtk_window_present (GTK_WINDOW (window));
  prefs = patella_preferences_window_new (GTK_WINDOW (window),
                                          patella_application_get_context (test_app));
  gtk_window_present (GTK_WINDOW (prefs));
  flush_events ();

  collect_buttons (GTK_WIDGET (prefs), buttons);
  for (guint i = 0; i < buttons->len; i++)
    if (g_str_equal (g_object_get_data (g_ptr_array_index (buttons, i), "day"), "2000-01-01"))
      restore = g_ptr_array_index (buttons, i);
  g_assert_nonnull (restore);

  g_signal_emit_by_name (restore, "clicked");
  flush_events ();
  dialog = find_message_dialog (NULL);
  g_assert_nonnull (dialog);
  g_assert_true (adw_message_dialog_has_response (dialog, "restore"));
  answer (dialog, "restore");
  flush_events ();

  /* The reminder service, on the real clock, notes the slots missed today
   * and yesterday once the restore tells it the data changed: its own
   * bookkeeping, not what was restored (the test failed by the time of day). */
  g_assert_true (patella_store_exec (store, "DELETE FROM reminder_slot;", &error));
  g_assert_true (patella_store_exec (store, "PRAGMA wal_checkpoint(TRUNCATE);", &error));
  after = patella_test_dump_db (db);
  g_assert_cmpstr (after, ==, before);

  gtk_window_destroy (GTK_WINDOW (prefs));
  gtk_window_destroy (GTK_WINDOW (window));
  flush_events ();
  g_unsetenv ("PATELLA_DB");
  patella_test_remove_dir (dir);
}

static const char gpx[] =
  "<?xml version=\"1.0\"?>\n<gpx version=\"1.1\" creator=\"test\">\n"
  "<trk><name>Morning</name><trkseg>\n"
  "<trkpt lat=\"52.0\" lon=\"13.0\"><time>2026-03-10T06:30:00Z</time></trkpt>\n"
  "<trkpt lat=\"52.01\" lon=\"13.0\"><time>2026-03-10T06:35:00Z</time></trkpt>\n"
  "</trkseg></trk></gpx>\n";

/* GPX import from the app: the default shoe is preselected, the import runs
 * in the background and ends with a report. */
static void
test_import_gpx (PatellaAppFixture *fixture,
                 gconstpointer      data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *file = g_build_filename (fixture->dir, "run.gpx", NULL);
  PatellaStore *store;
  PatellaWindow *window;
  AdwMessageDialog *dialog;
  GtkWidget *dropdown;
  GtkStringObject *selected;
  guint changed = 0;

  store = patella_context_get_store (patella_application_get_context (test_app));
  g_assert_true (patella_store_exec (store,
                                     "INSERT INTO shoe (name, warn_m, limit_m, is_default,"
                                     " created_us) VALUES ('Alpha', 482803, 804672, 0, 1),"
                                     " ('Beta', 482803, 804672, 1, 2);", &error));
  g_assert_true (g_file_set_contents (file, gpx, -1, &error));
  g_signal_connect_swapped (store, "changed::runs", G_CALLBACK (g_atomic_int_inc), &changed);

  window = patella_window_new (test_app);
  gtk_window_present (GTK_WINDOW (window));
  flush_events ();

  g_action_group_activate_action (G_ACTION_GROUP (test_app), "import-file",
                                  g_variant_new_string (file));
  dialog = wait_for_dialog ("Import Runs?");
  dropdown = adw_message_dialog_get_extra_child (dialog);
  selected = gtk_drop_down_get_selected_item (GTK_DROP_DOWN (dropdown));
  g_assert_cmpstr (gtk_string_object_get_string (selected), ==, "Beta");
  answer (dialog, "import");

  dialog = wait_for_dialog ("Import Finished");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "Imported 1 run"));
  g_assert_cmpuint (changed, >, 0);
  g_assert_cmpint (patella_store_query_int (store, "SELECT count(*) FROM run r JOIN shoe s"
                                                   " ON s.id = r.shoe_id WHERE s.name = 'Beta';",
                                            -1), ==, 1);
  answer (dialog, "close");

  /* Let the answered dialogs go. */
  for (guint i = 0; i < 500 && (find_message_dialog ("Import Runs?") != NULL ||
                                find_message_dialog ("Import Finished") != NULL); i++)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (10000);
    }

  /* A broken file: a clear message, nothing imported. */
  g_assert_true (g_file_set_contents (file, "<gpx><trk>", -1, &error));
  g_action_group_activate_action (G_ACTION_GROUP (test_app), "import-file",
                                  g_variant_new_string (file));
  dialog = wait_for_dialog ("Import Runs?");
  answer (dialog, "import");
  dialog = wait_for_dialog ("Nothing Was Imported");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "not valid GPX"));
  answer (dialog, "close");

  g_signal_handlers_disconnect_by_data (store, &changed);
}

static void
wait_until_gone (const char *heading)
{
  for (guint i = 0; i < 500 && find_message_dialog (heading) != NULL; i++)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (10000);
    }
}

/* Many files, a folder, and no shoe: the question says what will be read,
 * offers no shoe when there is none, and the refusals read as patella-cli's. */
static void
test_import_many_without_shoes (PatellaAppFixture *fixture,
                                gconstpointer      data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *first = g_build_filename (fixture->dir, "first.gpx", NULL);
  g_autofree char *second = g_build_filename (fixture->dir, "second.gpx", NULL);
  g_autofree char *empty = g_build_filename (fixture->dir, "Empty Folder", NULL);
  g_autofree char *notes = g_build_filename (empty, "notes.txt", NULL);
  g_autofree char *bad1 = g_build_filename (fixture->dir, "bad1.gpx", NULL);
  g_autofree char *bad2 = g_build_filename (fixture->dir, "bad2.tcx", NULL);
  g_autofree char *later = NULL;
  const char *runs[] = { first, second, NULL };
  const char *bad[] = { bad1, bad2, NULL };
  PatellaStore *store;
  PatellaWindow *window;
  AdwMessageDialog *dialog;
  const char *body;

  store = patella_context_get_store (patella_application_get_context (test_app));
  {
    g_auto(GStrv) parts = g_strsplit (gpx, "2026-03-10", -1);

    later = g_strjoinv ("2026-03-11", parts);
  }
  g_assert_true (g_file_set_contents (first, gpx, -1, &error));
  g_assert_true (g_file_set_contents (second, later, -1, &error));
  g_assert_cmpint (g_mkdir (empty, 0700), ==, 0);
  g_assert_true (g_file_set_contents (notes, "nothing to run", -1, &error));
  g_assert_true (g_file_set_contents (bad1, "<gpx><trk>", -1, &error));
  g_assert_true (g_file_set_contents (bad2, "<TrainingCenterDatabase>", -1, &error));

  window = patella_window_new (test_app);
  gtk_window_present (GTK_WINDOW (window));
  flush_events ();

  g_action_group_activate_action (G_ACTION_GROUP (test_app), "import-files",
                                  g_variant_new_strv (runs, -1));
  dialog = wait_for_dialog ("Import Runs?");
  body = adw_message_dialog_get_body (dialog);
  g_assert_nonnull (strstr (body, "Each run in the 2 chosen files becomes a run"));
  g_assert_null (strstr (body, "the file"));
  /* No shoe to offer. */
  g_assert_null (adw_message_dialog_get_extra_child (dialog));
  answer (dialog, "import");
  dialog = wait_for_dialog ("Import Finished");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "Imported 2 runs"));
  g_assert_cmpint (patella_store_query_int (store, "SELECT count(*) FROM run"
                                                   " WHERE shoe_id IS NULL;", -1), ==, 2);
  answer (dialog, "close");
  wait_until_gone ("Import Finished");

  /* A folder without activity files. */
  g_action_group_activate_action (G_ACTION_GROUP (test_app), "import-file",
                                  g_variant_new_string (empty));
  dialog = wait_for_dialog ("Import Runs?");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog),
                            "Each run in the folder “Empty Folder” and the folders in it"));
  answer (dialog, "import");
  dialog = wait_for_dialog ("Nothing Was Imported");
  body = adw_message_dialog_get_body (dialog);
  g_assert_true (g_str_has_prefix (body, "There are no activity files in “"));
  g_assert_nonnull (strstr (body, "Empty Folder”; Patella reads FIT, TCX and GPX files"));
  answer (dialog, "close");
  wait_until_gone ("Nothing Was Imported");

  /* Two broken files: each with its reason, then what Patella reads. */
  g_action_group_activate_action (G_ACTION_GROUP (test_app), "import-files",
                                  g_variant_new_strv (bad, -1));
  dialog = wait_for_dialog ("Import Runs?");
  answer (dialog, "import");
  dialog = wait_for_dialog ("Nothing Was Imported");
  body = adw_message_dialog_get_body (dialog);
  g_assert_nonnull (strstr (body, "bad1.gpx: The file is not valid GPX"));
  g_assert_nonnull (strstr (body, "bad2.tcx: "));
  g_assert_nonnull (strstr (body, "No file could be read; Patella reads its own exports"));
  g_assert_cmpint (patella_store_query_int (store, "SELECT count(*) FROM run;", -1), ==, 2);
  answer (dialog, "close");
  wait_until_gone ("Nothing Was Imported");
}

int
main (int    argc,
      char **argv)
{
  test_app = patella_test_gui_init (&argc, &argv, NULL);

  g_test_add_func ("/data-gui/actions", test_actions);
  g_test_add_func ("/data-gui/restore-from-preferences", test_restore_from_preferences);
  patella_app_test_add ("/data-gui/import-gpx", test_import_gpx);
  patella_app_test_add ("/data-gui/import-many-without-shoes", test_import_many_without_shoes);

  return patella_test_gui_run (&test_app);
}
