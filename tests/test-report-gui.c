/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <sys/stat.h>


#include "patella-application.h"
#include "patella-insights-view.h"
#include "patella-journal-page.h"
#include "patella-preferences-window.h"
#include "patella-report-dialog.h"
#include "patella-context.h"
#include "patella-test-db.h"
#include "patella-test-gui.h"
#include "patella-test-store.h"
#include "patella-window.h"

#define exec patella_store_fixture_exec

/* The report dialog, the name in Preferences and the Journal's insights, in
 * real windows. The fake clock's today is 2026-03-14. */

/* Three short and three long runs with their next mornings, a note. */
static void
fill (PatellaStoreFixture *fixture)
{
  exec (fixture,
        "INSERT INTO run (day, distance_m, created_us) VALUES"
        " ('2026-03-01', 3000, 1), ('2026-03-02', 4000, 1), ('2026-03-03', 5000, 1),"
        " ('2026-03-05', 8000, 1), ('2026-03-06', 9000, 1), ('2026-03-07', 10000, 1);"
        "INSERT INTO journal_entry (day, pain_rest, pain_morning, note, created_us, updated_us)"
        " VALUES ('2026-03-01', 1, 1, 'Stairs hurt', 1, 1), ('2026-03-02', 1, 2, '', 1, 1),"
        " ('2026-03-03', 1, 3, '', 1, 1), ('2026-03-05', 1, 4, '', 1, 1),"
        " ('2026-03-06', 1, 4, '', 1, 1), ('2026-03-07', 1, 5, '', 1, 1);");
}

static GSettings *
make_settings (const char *name)
{
  GSettings *settings = patella_context_load_settings ();

  g_assert_nonnull (settings);
  g_settings_set_string (settings, "report-name", name);
  g_settings_set_string (settings, "distance-unit", "km");
  return settings;
}

static char *
pdf_text (const char *pdf)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autoptr(GRegex) spaces = g_regex_new ("\\s+", 0, 0, NULL);
  const char *argv[] = { "pdftotext", "-raw", "-enc", "UTF-8", pdf, "-", NULL };
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, NULL,
                &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return g_regex_replace_literal (spaces, out, -1, 0, " ", 0, NULL);
}

/* The report dialog over the fixture's store, on screen. */
static PatellaReportDialog *
open_dialog (PatellaStoreFixture *fixture,
             GSettings           *settings)
{
  PatellaReportDialog *dialog = patella_report_dialog_new (NULL, fixture->store, settings);

  gtk_window_present (GTK_WINDOW (dialog));
  flush_events ();
  return dialog;
}

/* The text of the PDF the dialog's @action ("report.save-to",
 * "report.print-to") wrote to @pdf. */
static char *
written_text (PatellaReportDialog *dialog,
              const char          *action,
              const char          *pdf)
{
  gtk_widget_activate_action (GTK_WIDGET (dialog), action, "s", pdf);
  flush_events ();
  g_assert_true (g_file_test (pdf, G_FILE_TEST_EXISTS));
  return pdf_text (pdf);
}

static void
test_save (PatellaStoreFixture *fixture,
           gconstpointer        data)
{
  g_autoptr(GSettings) settings = make_settings ("Alex Window");
  g_autofree char *pdf = g_build_filename (fixture->dir, "report.pdf", NULL);
  g_autofree char *text = NULL;
  PatellaReportDialog *dialog;
  GtkSwitch *notes;
  struct stat st;

  fill (fixture);
  dialog = open_dialog (fixture, settings);

  /* The last six weeks, notes off. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (get_by_label (GTK_WIDGET (dialog),
                                                                      ADW_TYPE_ENTRY_ROW,
                                                                      "From (YYYY-MM-DD)"))),
                   ==, "2026-02-01");
  notes = GTK_SWITCH (find_by_type (GTK_WIDGET (dialog), GTK_TYPE_SWITCH));
  g_assert_false (gtk_switch_get_active (notes));
  gtk_switch_set_active (notes, TRUE);

  text = written_text (dialog, "report.save-to", pdf);
  g_assert_cmpint (g_stat (pdf, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_nonnull (strstr (text, "Knee report for Alex Window"));
  g_assert_nonnull (strstr (text, "Period: 2026-02-01 to 2026-03-14 (42 days)"));
  g_assert_nonnull (strstr (text, "2026-03-01 Stairs hurt"));
  g_assert_nonnull (strstr (text, "Next-morning pain was higher after runs longer than 5.0 km"));

  gtk_window_destroy (GTK_WINDOW (dialog));
  flush_events ();
}

/* Printing goes through GtkPrintOperation with the same renderer; exported
 * to a file, its pages can be read back. */
static void
test_print (PatellaStoreFixture *fixture,
            gconstpointer        data)
{
  g_autoptr(GSettings) settings = make_settings ("Alex Printer");
  g_autofree char *pdf = g_build_filename (fixture->dir, "printed.pdf", NULL);
  g_autofree char *text = NULL;
  PatellaReportDialog *dialog;

  fill (fixture);
  dialog = open_dialog (fixture, settings);

  text = written_text (dialog, "report.print-to", pdf);
  g_assert_nonnull (strstr (text, "Knee report for Alex Printer"));
  g_assert_nonnull (strstr (text, "Journal entries on 6 of 42 days."));
  g_assert_nonnull (strstr (text, "page 1 of"));
  g_assert_nonnull (strstr (text, "It is not a diagnosis"));
  /* Notes stay out unless switched on. */
  g_assert_null (strstr (text, "Stairs hurt"));

  gtk_window_destroy (GTK_WINDOW (dialog));
  flush_events ();
}

static void
test_bad_period (PatellaStoreFixture *fixture,
                 gconstpointer        data)
{
  g_autoptr(GSettings) settings = make_settings ("");
  g_autofree char *pdf = g_build_filename (fixture->dir, "report.pdf", NULL);
  PatellaReportDialog *dialog;
  GtkWidget *from_row;
  GtkLabel *message;

  dialog = open_dialog (fixture, settings);

  from_row = get_by_label (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, "From (YYYY-MM-DD)");
  gtk_editable_set_text (GTK_EDITABLE (from_row), "2026-03-20");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "report.save-to", "s", pdf);
  flush_events ();

  /* Said in the dialog; nothing written. */
  message = find_label (GTK_WIDGET (dialog), "before it starts");
  g_assert_nonnull (message);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (message)));
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));

  /* Put right, it saves and the message goes. */
  gtk_editable_set_text (GTK_EDITABLE (from_row), "2026-03-01");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "report.save-to", "s", pdf);
  flush_events ();
  g_assert_true (g_file_test (pdf, G_FILE_TEST_EXISTS));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (message)));

  gtk_window_destroy (GTK_WINDOW (dialog));
  flush_events ();
}

static void
test_preferences_name (void)
{
  g_autoptr(GSettings) settings = make_settings ("");
  g_autoptr(PatellaContext) context = patella_context_new (NULL, settings, NULL);
  PatellaPreferencesWindow *prefs = patella_preferences_window_new (NULL, context);
  GtkWidget *row;

  gtk_window_present (GTK_WINDOW (prefs));
  flush_events ();

  row = find_by_label (GTK_WIDGET (prefs), ADW_TYPE_ENTRY_ROW, "Your Name");
  g_assert_nonnull (row);
  gtk_editable_set_text (GTK_EDITABLE (row), "Sam Runner");
  flush_events ();
  {
    g_autofree char *name = g_settings_get_string (settings, "report-name");

    g_assert_cmpstr (name, ==, "Sam Runner");
  }

  gtk_window_destroy (GTK_WINDOW (prefs));
  flush_events ();
}

static gboolean
has_row (GtkWidget  *view,
         const char *id)
{
  return find_by_name (view, id) != NULL;
}

static void
test_insights_view (PatellaStoreFixture *fixture,
                    gconstpointer        data)
{
  g_autoptr(GSettings) settings = make_settings ("");
  GtkWidget *window = gtk_window_new ();
  GtkWidget *view = patella_insights_view_new (fixture->store);
  GtkLabel *label;

  gtk_window_set_child (GTK_WINDOW (window), view);
  gtk_window_present (GTK_WINDOW (window));
  flush_events ();

  /* Nothing to compare yet: it says what comparisons need. */
  g_assert_nonnull (find_label (view, "Comparisons appear here once there are enough entries"));
  g_assert_false (has_row (view, "long-runs"));

  fill (fixture);
  patella_store_emit_changed (fixture->store, "journal");
  flush_events ();
  label = find_label (view, "Next-morning pain was higher after runs longer than 5.0 km");
  g_assert_nonnull (label);
  g_assert_true (gtk_widget_is_visible (GTK_WIDGET (label)));
  g_assert_nonnull (find_label (view, "not what caused it"));

  /* One long morning unrated: it says what is needed. */
  exec (fixture, "UPDATE journal_entry SET pain_morning = NULL WHERE day = '2026-03-07';");
  patella_store_emit_changed (fixture->store, "journal");
  flush_events ();
  g_assert_null (find_label (view, "was higher after"));
  g_assert_nonnull (find_label (view, "1 more rated morning after a run longer than 5.0 km"));

  gtk_window_destroy (GTK_WINDOW (window));
  flush_events ();
}

static gboolean
page_has_insights (gpointer data)
{
  return find_by_type (GTK_WIDGET (data), PATELLA_TYPE_INSIGHTS_VIEW) != NULL;
}

static PatellaApplication *test_app;

/* The real window on the real clock: the runs are counted back from today. */
static void
test_journal_page (PatellaAppFixture *fixture,
                   gconstpointer      data)
{
  g_autoptr(GSettings) settings = make_settings ("");
  g_autoptr(GError) error = NULL;
  PatellaWindow *window;
  GtkWidget *page;
  GtkWidget *view;

  patella_test_db_exec (fixture->db, "WITH RECURSIVE n (i, m) AS (SELECT 1, 3000 UNION ALL SELECT i + 1, m + 1000 FROM n"
    "  WHERE i < 6)"
    " INSERT INTO run (day, distance_m, created_us)"
    " SELECT date ('now', 'localtime', '-' || i || ' days'), m, 1 FROM n;"
    "INSERT INTO journal_entry (day, pain_rest, pain_morning, created_us, updated_us)"
    " SELECT day, 1, distance_m / 2000, 1, 1 FROM run;");
  patella_application_reopen_store (test_app, &error);
  g_assert_no_error (error);

  window = patella_window_new (test_app);
  gtk_window_present (GTK_WINDOW (window));
  page = find_by_type (GTK_WIDGET (window), PATELLA_TYPE_JOURNAL_PAGE);

  /* Not in the first frame: a frame or two later. */
  for (guint waited = 0; waited < 3000 && !page_has_insights (page); waited += 20)
    {
      g_usleep (20000);
      flush_events ();
    }
  view = find_by_type (page, PATELLA_TYPE_INSIGHTS_VIEW);
  g_assert_nonnull (view);
  g_assert_nonnull (find_label (view, "Next-morning pain was higher after runs longer than"));
}

int
main (int    argc,
      char **argv)
{
  test_app = patella_test_gui_init (&argc, &argv, NULL);

#define ADD patella_store_test_add

  ADD ("/report-gui/save", test_save);
  ADD ("/report-gui/print", test_print);
  ADD ("/report-gui/bad-period", test_bad_period);
  g_test_add_func ("/report-gui/preferences-name", test_preferences_name);
  ADD ("/report-gui/insights-view", test_insights_view);
  patella_app_test_add ("/report-gui/journal-page", test_journal_page);

  return patella_test_gui_run (&test_app);
}
