/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The import folder in the running application: a file that a watch app
 * drops there becomes a run and a notification, with the window open and
 * with it closed; the preference turns it on and off. */
#include "config.h"

#include <adwaita.h>
#include <utime.h>

#include "patella-application.h"
#include "patella-preferences-window.h"
#include "patella-run-dialog.h"
#include "patella-shoes.h"
#include "patella-test-fit.h"
#include "patella-test-gui.h"
#include "patella-test-utils.h"
#include "patella-window.h"

static PatellaApplication *test_app;

static gint64
count_runs (PatellaStore *store)
{
  return patella_store_query_int (store, "SELECT count(*) FROM run;", -1);
}

/* The file monitor answers from the main loop: turn it until @runs are
 * there, or give up after a few seconds. */
static void
wait_for_runs (PatellaStore *store,
               gint64        runs)
{
  for (guint i = 0; i < 500 && count_runs (store) < runs; i++)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (10000);
    }
  g_assert_cmpint (count_runs (store), ==, runs);
}

static void
drop_file (const char *folder,
           const char *name,
           GBytes     *bytes)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (folder, name, NULL);

  /* Written to a temporary name and renamed into place, as sync tools do. */
  g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);
}

static PatellaRunDialog *
find_run_dialog (void)
{
  return (PatellaRunDialog *) find_toplevel (PATELLA_TYPE_RUN_DIALOG);
}

static const PatellaNotification *
last_notification (PatellaRecordingNotifier *notifier)
{
  GPtrArray *sent = patella_recording_notifier_get_sent (notifier);

  g_assert_cmpuint (sent->len, >, 0);
  return g_ptr_array_index (sent, sent->len - 1);
}

static void
test_folder (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = patella_test_make_dir ();
  g_autofree char *db = g_build_filename (dir, "patella.db", NULL);
  g_autofree char *folder = g_build_filename (dir, "Gadgetbridge", NULL);
  g_autoptr(PatellaNotifier) notifier = patella_recording_notifier_new ();
  PatellaRecordingNotifier *recording = PATELLA_RECORDING_NOTIFIER (notifier);
  g_autoptr(GBytes) first = fit_make_run ("2026-03-10T06:30:00Z", 5200, 1800, 1, 0);
  g_autoptr(GBytes) second = fit_make_run ("2026-03-12T06:30:00Z", 8000, 2700, 1, 0);
  g_autoptr(GBytes) ride = fit_make_run ("2026-03-13T06:30:00Z", 30000, 3600, 2, 0);
  GSettings *settings = patella_context_get_settings (patella_application_get_context (test_app));
  PatellaShoeInput shoe = { "Pegasus 40", NULL, NULL, 0, 0, 0, TRUE };
  const PatellaNotification *notification;
  PatellaPreferencesWindow *preferences;
  PatellaWindow *window;
  PatellaStore *store;

  g_mkdir (folder, 0700);
  g_setenv ("PATELLA_DB", db, TRUE);
  g_assert_true (patella_application_reopen_store (test_app, &error));
  patella_application_set_notifier (test_app, notifier);
  store = patella_context_get_store (patella_application_get_context (test_app));
  patella_shoe_add (store, NULL, &shoe, &error);
  g_assert_no_error (error);

  /* Off by default: a file there is not read. */
  {
    g_autofree char *initial = g_settings_get_string (settings, "import-folder");

    g_assert_cmpstr (initial, ==, "");
  }
  drop_file (folder, "early.fit", first);

  window = patella_window_new (test_app);
  gtk_window_present (GTK_WINDOW (window));
  preferences = patella_preferences_window_new (GTK_WINDOW (window),
                                                patella_application_get_context (test_app));
  gtk_window_present (GTK_WINDOW (preferences));

  /* Turned on (as the folder chooser does): what is there is imported. */
  g_settings_set_string (settings, "import-folder", folder);
  wait_for_runs (store, 1);
  notification = last_notification (recording);
  g_assert_cmpstr (notification->title, ==, "Imported a run of 5.2 km on Pegasus 40");
  g_assert_true (g_str_has_prefix (notification->id, "import-run:"));
  g_assert_nonnull (strstr (notification->body, "early.fit"));
  g_assert_cmpuint (notification->actions->len, ==, 4);
  g_assert_cmpstr (g_ptr_array_index (notification->actions, 2), ==, "change-shoe");
  g_assert_cmpstr (g_ptr_array_index (notification->actions, 3), ==, "Change Shoe");

  /* With the window open, a file arrives. */
  drop_file (folder, "second.fit", second);
  wait_for_runs (store, 2);
  notification = last_notification (recording);
  g_assert_cmpstr (notification->title, ==, "Imported a run of 8.0 km on Pegasus 40");

  /* With the window closed, another one; a ride is not a run. */
  gtk_window_destroy (GTK_WINDOW (preferences));
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_null (gtk_application_get_active_window (GTK_APPLICATION (test_app)));
  drop_file (folder, "ride.fit", ride);
  {
    g_autoptr(GBytes) third = fit_make_run ("2026-03-14T06:30:00Z", 10000, 3600, 1, 0);

    drop_file (folder, "third.fit", third);
  }
  wait_for_runs (store, 3);
  notification = last_notification (recording);
  g_assert_cmpstr (notification->title, ==, "Imported a run of 10.0 km on Pegasus 40");
  g_assert_cmpuint (patella_recording_notifier_count (recording, "import-run:"), ==, 3);

  /* Change Shoe on the notification opens the window on that run's editor. */
  g_assert_null (find_run_dialog ());
  patella_notifier_emit_action (notifier, notification->id, "change-shoe");
  for (guint i = 0; i < 100 && find_run_dialog () == NULL; i++)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (10000);
    }
  g_assert_nonnull (find_run_dialog ());
  window = PATELLA_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (test_app)));
  if (!PATELLA_IS_WINDOW (window))
    window = PATELLA_WINDOW (gtk_window_get_transient_for (GTK_WINDOW (find_run_dialog ())));
  g_assert_true (PATELLA_IS_WINDOW (window));
  g_assert_cmpstr (patella_window_get_visible_view (window), ==, "shoes");
  gtk_window_destroy (GTK_WINDOW (find_run_dialog ()));
  gtk_window_destroy (GTK_WINDOW (window));

  /* The same file again: no second run, no notification. */
  drop_file (folder, "third-again.fit", first);
  for (guint i = 0; i < 50; i++)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (10000);
    }
  g_assert_cmpint (count_runs (store), ==, 3);
  g_assert_cmpuint (patella_recording_notifier_count (recording, "import-run:"), ==, 3);

  /* Turned off: nothing more is read. */
  g_settings_set_string (settings, "import-folder", "");
  {
    g_autoptr(GBytes) fourth = fit_make_run ("2026-03-15T06:30:00Z", 6000, 2000, 1, 0);

    drop_file (folder, "fourth.fit", fourth);
  }
  for (guint i = 0; i < 50; i++)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (10000);
    }
  g_assert_cmpint (count_runs (store), ==, 3);

  /* On again (as at the next start): what arrived since the last look is
   * imported, even with the old modification time a sync tool keeps. */
  {
    g_autofree char *fourth = g_build_filename (folder, "fourth.fit", NULL);
    struct utimbuf old_times = { 1577836800, 1577836800 };   /* 2020-01-01 */

    g_assert_cmpint (utime (fourth, &old_times), ==, 0);
    g_settings_set_int64 (settings, "import-folder-scanned-us",
                          g_get_real_time () - 60 * G_USEC_PER_SEC);
    g_settings_set_string (settings, "import-folder", folder);
    wait_for_runs (store, 4);
    g_settings_set_string (settings, "import-folder", "");
  }

  g_unsetenv ("PATELLA_DB");
  patella_test_remove_dir (dir);
}

/* Import from the app: a watch's folder, in the background, with a report
 * that lists the bad file. */
static void
test_import_dialog (PatellaAppFixture *fixture,
                    gconstpointer      data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = g_build_filename (fixture->dir, "export", NULL);
  g_autoptr(GBytes) a = fit_make_run ("2026-03-10T06:30:00Z", 5200, 1800, 1, 0);
  g_autoptr(GBytes) b = fit_make_run ("2026-03-12T06:30:00Z", 8000, 2700, 1, 0);
  g_autoptr(GBytes) broken = g_bytes_new_static ("\x0e\x20\x00\x00\x10\x00\x00\x00.FIT", 12);
  AdwMessageDialog *dialog;
  PatellaWindow *window;
  PatellaStore *store;
  const char *body;

  g_mkdir (folder, 0700);
  drop_file (folder, "a.fit", a);
  drop_file (folder, "b.fit", b);
  drop_file (folder, "broken.fit", broken);
  store = patella_context_get_store (patella_application_get_context (test_app));

  window = patella_window_new (test_app);
  gtk_window_present (GTK_WINDOW (window));

  g_action_group_activate_action (G_ACTION_GROUP (test_app), "import-file",
                                  g_variant_new_string (folder));
  dialog = wait_for_dialog ("Import Runs?");
  answer (dialog, "import");
  dialog = wait_for_dialog ("Import Finished");
  body = adw_message_dialog_get_body (dialog);
  g_assert_nonnull (strstr (body, "Imported 2 runs"));
  g_assert_nonnull (strstr (body, "broken.fit: The FIT file has a broken header"));
  answer (dialog, "close");
  /* The views hear of it. */
  g_assert_cmpint (count_runs (store), ==, 2);
}

int
main (int    argc,
      char **argv)
{
  test_app = patella_test_gui_init (&argc, &argv, NULL);

  g_test_add_func ("/import-folder/folder", test_folder);
  patella_app_test_add ("/import-folder/import-dialog", test_import_dialog);

  return patella_test_gui_run (&test_app);
}
