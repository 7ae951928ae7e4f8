/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The app's window and patella-cli on one database, in any order: nothing
 * either saved is overwritten, and the window shows what the other wrote. */
#include "config.h"

#include <adwaita.h>
#include <sqlite3.h>
#include <sys/wait.h>

#include "patella-application.h"
#include "patella-backup.h"
#include "patella-journal-page.h"
#include "patella-test-cli.h"
#include "patella-test-db.h"
#include "patella-test-gui.h"
#include "patella-test-journal.h"
#include "patella-test-utils.h"
#include "patella-window.h"

typedef PatellaAppFixture Fixture;

static PatellaApplication *test_app;

/* Runs the real patella-cli on the fixture's database, as a user in a
 * terminal beside the window would. */
static void
run_cli (Fixture            *fixture,
         const char * const *args)
{
  g_auto(PatellaCliResult) result = { 0 };

  patella_test_run_cli_argv (&result, fixture->db, args);
  if (result.status != 0)
    g_error ("patella-cli failed: %s", result.err);
}

#define cli(fixture, ...) run_cli ((fixture), (const char *[]) { __VA_ARGS__, NULL })

static PatellaJournalPage *
get_page (PatellaWindow *window)
{
  return PATELLA_JOURNAL_PAGE (find_by_type (GTK_WIDGET (window), PATELLA_TYPE_JOURNAL_PAGE));
}

static char *
shown_note (PatellaJournalPage *page)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (get_by_label (GTK_WIDGET (page), GTK_TYPE_TEXT_VIEW, "Notes"));
  GtkTextIter start;
  GtkTextIter end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

typedef struct
{
  PatellaJournalPage *page;
  const char         *text;
} NoteWait;

static gboolean
note_is (gpointer data)
{
  NoteWait *wait = data;
  g_autofree char *note = shown_note (wait->page);

  return g_strcmp0 (note, wait->text) == 0;
}

static PatellaJournalPage *
start_today (Fixture *fixture)
{
  PatellaJournalPage *page = get_page (patella_app_fixture_open_window (fixture));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "journal.start", NULL));
  flush_events ();
  return page;
}

/* The command line writes the morning rating and a note while the window
 * has the day open; the window shows them, and ticking a symptom there does
 * not write its stale copy back. */
static void
test_cli_changes_kept (Fixture       *fixture,
                       gconstpointer  data)
{
  PatellaJournalPage *page = start_today (fixture);
  NoteWait wait = { page, "from the terminal" };
  g_autofree char *morning = NULL;
  g_autofree char *note = NULL;
  g_autofree char *symptoms = NULL;
  g_autofree char *rest = NULL;

  gtk_switch_set_active (get_by_label (GTK_WIDGET (page), GTK_TYPE_SWITCH, "Rate pain at rest"), TRUE);
  gtk_range_set_value (GTK_RANGE (get_by_label (GTK_WIDGET (page), GTK_TYPE_SCALE, "Pain at rest")), 3);
  wait_ms (900);

  cli (fixture, "journal", "add", "--pain-morning", "2", "--note", "from the terminal",
       "--symptom", "grinding");

  /* Shown within a second, with nothing done in the window. */
  g_assert_true (wait_until (note_is, &wait, 1500));
  g_assert_true (gtk_switch_get_active (get_by_label (GTK_WIDGET (page), GTK_TYPE_SWITCH, "Rate pain the next morning")));
  g_assert_cmpfloat (gtk_range_get_value (GTK_RANGE (get_by_label (GTK_WIDGET (page), GTK_TYPE_SCALE, "Pain the next morning"))), ==, 2);
  g_assert_true (gtk_check_button_get_active (find_check (GTK_WIDGET (page), "Grinding or clicking")));

  gtk_check_button_set_active (find_check (GTK_WIDGET (page), "Swelling"), TRUE);
  wait_ms (900);

  morning = patella_test_db_query_text (fixture->db, "SELECT pain_morning FROM journal_entry;", NULL);
  note = patella_test_db_query_text (fixture->db, "SELECT note FROM journal_entry;", NULL);
  rest = patella_test_db_query_text (fixture->db, "SELECT pain_rest FROM journal_entry;", NULL);
  symptoms = patella_test_db_query_text (fixture->db, "SELECT group_concat (code, ' ') FROM"
                                      " (SELECT code FROM journal_symptom ORDER BY code);", NULL);
  g_assert_cmpstr (morning, ==, "2");
  g_assert_cmpstr (note, ==, "from the terminal");
  g_assert_cmpstr (rest, ==, "3");
  g_assert_cmpstr (symptoms, ==, "grinding swelling");
}

/* The user types while another program changes the note: the user's text
 * stays and is saved, the other is offered, and choosing it brings it back. */
static void
test_conflict_offers_both (Fixture       *fixture,
                           gconstpointer  data)
{
  PatellaJournalPage *page = start_today (fixture);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (get_by_label (GTK_WIDGET (page), GTK_TYPE_TEXT_VIEW, "Notes"));
  g_autofree char *note = NULL;
  g_autofree char *kept = NULL;
  NoteWait other = { page, "written in the terminal" };

  gtk_text_buffer_set_text (buffer, "first", -1);
  wait_ms (900);

  /* Typing, and before the save the other program writes. */
  gtk_text_buffer_set_text (buffer, "first, then more", -1);
  cli (fixture, "journal", "add", "--note", "written in the terminal");
  g_assert_true (patella_store_check_external (patella_context_get_store (patella_application_get_context (fixture->app))));
  flush_events ();

  g_assert_true (gtk_widget_get_visible (journal_conflict (page)));
  g_assert_nonnull (strstr (gtk_label_get_text (get_by_type (journal_conflict (page), GTK_TYPE_LABEL)), "note"));
  note = shown_note (page);
  g_assert_cmpstr (note, ==, "first, then more");

  wait_ms (900);
  kept = patella_test_db_query_text (fixture->db, "SELECT note FROM journal_entry;", NULL);
  g_assert_cmpstr (kept, ==, "first, then more");

  /* The other version was kept to choose: "Use Other Version". */
  cli (fixture, "journal", "add", "--note", "written in the terminal");
  gtk_text_buffer_set_text (buffer, "mine again", -1);
  g_assert_true (patella_store_check_external (patella_context_get_store (patella_application_get_context (fixture->app))));
  flush_events ();
  g_assert_true (gtk_widget_get_visible (journal_conflict (page)));

  /* The user's version is saved while the card waits for a choice… */
  wait_ms (900);
  g_free (kept);
  kept = patella_test_db_query_text (fixture->db, "SELECT note FROM journal_entry;", NULL);
  g_assert_cmpstr (kept, ==, "mine again");

  /* …and the other version, kept by the window, comes back when chosen. */
  g_signal_emit_by_name (find_button (GTK_WIDGET (page), "Use _Other"), "clicked");
  g_assert_true (note_is (&other));
  g_assert_false (gtk_widget_get_visible (journal_conflict (page)));
  wait_ms (900);
  g_free (kept);
  kept = patella_test_db_query_text (fixture->db, "SELECT note FROM journal_entry;", NULL);
  g_assert_cmpstr (kept, ==, "written in the terminal");
}

/* A first-time user's window shows the welcome page; a first entry written
 * with the command line opens the journal, saying the day is saved. */
static void
test_first_entry_from_cli (Fixture       *fixture,
                           gconstpointer  data)
{
  PatellaJournalPage *page = get_page (patella_app_fixture_open_window (fixture));
  GtkStack *stack = GTK_STACK (adw_bin_get_child (ADW_BIN (page)));

  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "welcome");
  cli (fixture, "journal", "add", "--pain", "3", "--note", "first words");

  for (guint waited = 0; waited < 1500 &&
       g_strcmp0 (gtk_stack_get_visible_child_name (stack), "journal") != 0; waited += 20)
    wait_ms (20);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "journal");
  g_assert_cmpfloat (gtk_range_get_value (GTK_RANGE (get_by_label (GTK_WIDGET (page), GTK_TYPE_SCALE, "Pain at rest"))), ==, 3);
  g_assert_nonnull (strstr (gtk_label_get_text (journal_save_state (page)),
                            "Saved automatically"));
}

/* A plan started on a new database (here with patella-cli; the main menu
 * does the same) leaves the welcome page for the journal and its Today card. */
static void
test_plan_opens_journal (Fixture       *fixture,
                         gconstpointer  data)
{
  PatellaJournalPage *page = get_page (patella_app_fixture_open_window (fixture));
  GtkStack *stack = GTK_STACK (adw_bin_get_child (ADW_BIN (page)));

  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "welcome");
  cli (fixture, "plan", "start", "--phase", "3");

  for (guint waited = 0; waited < 1500 &&
       g_strcmp0 (gtk_stack_get_visible_child_name (stack), "journal") != 0; waited += 20)
    wait_ms (20);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "journal");
}

/* Runs logged with the command line show in the open window's shoes. */
static void
test_cli_runs_shown (Fixture       *fixture,
                     gconstpointer  data)
{
  PatellaWindow *window;
  AdwViewStack *stack;

  cli (fixture, "shoe", "add", "Road pair", "--default");
  window = patella_app_fixture_open_window (fixture);
  stack = get_by_type (GTK_WIDGET (window), ADW_TYPE_VIEW_STACK);
  adw_view_stack_set_visible_child_name (stack, "shoes");
  flush_events ();
  g_assert_nonnull (find_label (GTK_WIDGET (window), "0.0 km"));

  cli (fixture, "run", "add", "--distance", "7.3km");

  for (guint waited = 0; waited < 1500 && find_label (GTK_WIDGET (window), "7.3 km") == NULL;
       waited += 20)
    wait_ms (20);
  g_assert_nonnull (find_label (GTK_WIDGET (window), "7.3 km"));
}

static GtkListBoxRow *
focused_list_row (GtkWidget *window)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

  return focus != NULL ? GTK_LIST_BOX_ROW (gtk_widget_get_ancestor (focus,
                                                                    GTK_TYPE_LIST_BOX_ROW))
                       : NULL;
}

/* The shoes list is rebuilt when another program logs a run: the keyboard
 * focus stays on the same pair. */
static void
test_focus_kept (Fixture       *fixture,
                 gconstpointer  data)
{
  PatellaWindow *window;
  AdwViewStack *stack;
  GtkLabel *trail;
  GtkListBoxRow *row;

  cli (fixture, "shoe", "add", "Road pair", "--default");
  cli (fixture, "shoe", "add", "Trail pair");
  window = patella_app_fixture_open_window (fixture);
  stack = get_by_type (GTK_WIDGET (window), ADW_TYPE_VIEW_STACK);
  adw_view_stack_set_visible_child_name (stack, "shoes");
  flush_events ();

  trail = find_label (GTK_WIDGET (window), "Trail pair");
  g_assert_nonnull (trail);
  row = GTK_LIST_BOX_ROW (gtk_widget_get_ancestor (GTK_WIDGET (trail), GTK_TYPE_LIST_BOX_ROW));
  g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (row)));
  g_assert_true (focused_list_row (GTK_WIDGET (window)) == row);

  cli (fixture, "run", "add", "--distance", "4.2km", "--shoe", "Trail pair");
  for (guint waited = 0; waited < 1500 && find_label (GTK_WIDGET (window), "4.2 km") == NULL;
       waited += 20)
    wait_ms (20);
  g_assert_nonnull (find_label (GTK_WIDGET (window), "4.2 km"));

  /* A new row, in the same place, has the focus. */
  row = focused_list_row (GTK_WIDGET (window));
  g_assert_nonnull (row);
  g_assert_nonnull (find_label (GTK_WIDGET (row), "Trail pair"));
}

/* Preferences → Backups → Restore, then a tick in the editor: the restored
 * day stays as the backup had it. */
static void
test_restore_not_undone (Fixture       *fixture,
                         gconstpointer  data)
{
  PatellaStore *store = patella_context_get_store (patella_application_get_context (fixture->app));
  g_autoptr(GError) error = NULL;
  g_autofree char *backup = NULL;
  g_autofree char *rest = NULL;
  g_autofree char *note = NULL;
  g_autofree char *symptoms = NULL;
  PatellaJournalPage *page;
  GtkTextBuffer *buffer;

  cli (fixture, "journal", "add", "--pain", "2", "--note", "before");
  backup = patella_backup_create (store, &error);
  g_assert_no_error (error);

  page = get_page (patella_app_fixture_open_window (fixture));
  buffer = gtk_text_view_get_buffer (get_by_label (GTK_WIDGET (page), GTK_TYPE_TEXT_VIEW, "Notes"));
  gtk_range_set_value (GTK_RANGE (get_by_label (GTK_WIDGET (page), GTK_TYPE_SCALE, "Pain at rest")), 6);
  gtk_text_buffer_set_text (buffer, "after", -1);
  wait_ms (900);

  g_assert_true (patella_backup_restore (store, backup, NULL, &error));
  g_assert_no_error (error);
  flush_events ();
  g_assert_cmpfloat (gtk_range_get_value (GTK_RANGE (get_by_label (GTK_WIDGET (page), GTK_TYPE_SCALE, "Pain at rest"))), ==, 2);

  gtk_check_button_set_active (find_check (GTK_WIDGET (page), "Swelling"), TRUE);
  wait_ms (900);

  rest = patella_test_db_query_text (fixture->db, "SELECT pain_rest FROM journal_entry;", NULL);
  note = patella_test_db_query_text (fixture->db, "SELECT note FROM journal_entry;", NULL);
  symptoms = patella_test_db_query_text (fixture->db, "SELECT group_concat (code) FROM journal_symptom;", NULL);
  g_assert_cmpstr (rest, ==, "2");
  g_assert_cmpstr (note, ==, "before");
  g_assert_cmpstr (symptoms, ==, "swelling");
}

static gboolean
label_has_not_saved (gpointer data)
{
  return strstr (gtk_label_get_text (data), "Not saved") != NULL;
}

static gboolean
note_saved (gpointer data)
{
  Fixture *fixture = data;
  g_autofree char *note = patella_test_db_query_text (fixture->db, "SELECT note FROM journal_entry;", NULL);

  return g_strcmp0 (note, "typed while locked") == 0;
}

/* A save refused by another program's lock stays pending: it is shown as not
 * saved, tried again by itself, and closing the window waits or asks. */
static void
test_failed_save_not_lost (Fixture       *fixture,
                           gconstpointer  data)
{
  PatellaStore *store = patella_context_get_store (patella_application_get_context (fixture->app));
  PatellaJournalPage *page = start_today (fixture);
  GtkWidget *window = GTK_WIDGET (gtk_widget_get_root (GTK_WIDGET (page)));
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (get_by_label (GTK_WIDGET (page), GTK_TYPE_TEXT_VIEW, "Notes"));
  AdwMessageDialog *dialog;
  sqlite3 *locker = NULL;

  g_assert_true (patella_store_exec (store, "PRAGMA busy_timeout = 100;", NULL));
  g_assert_cmpint (sqlite3_open (fixture->db, &locker), ==, SQLITE_OK);

  /* Retried by itself once the lock is gone. */
  g_assert_cmpint (sqlite3_exec (locker, "BEGIN IMMEDIATE;", NULL, NULL, NULL), ==, SQLITE_OK);
  gtk_text_buffer_set_text (buffer, "typed while locked", -1);
  g_assert_true (wait_until (label_has_not_saved, journal_save_state (page), 2000));
  g_assert_nonnull (strstr (gtk_label_get_text (journal_save_state (page)),
                            "tries again by itself"));
  g_assert_cmpint (sqlite3_exec (locker, "COMMIT;", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_true (wait_until (note_saved, fixture, 4000));

  /* Closed while a save fails: the window stays and asks. */
  g_assert_cmpint (sqlite3_exec (locker, "BEGIN IMMEDIATE;", NULL, NULL, NULL), ==, SQLITE_OK);
  gtk_text_buffer_set_text (buffer, "typed before closing", -1);
  gtk_window_close (GTK_WINDOW (window));
  flush_events ();
  g_assert_true (gtk_widget_get_visible (window));
  dialog = find_message_dialog (NULL);
  g_assert_nonnull (dialog);

  /* The lock goes; "Try Again" saves and closes. */
  g_assert_cmpint (sqlite3_exec (locker, "COMMIT;", NULL, NULL, NULL), ==, SQLITE_OK);
  adw_message_dialog_response (dialog, "retry");
  flush_events ();
  {
    g_autofree char *note = patella_test_db_query_text (fixture->db, "SELECT note FROM journal_entry;", NULL);

    g_assert_cmpstr (note, ==, "typed before closing");
  }

  sqlite3_close (locker);
}

int
main (int    argc,
      char **argv)
{
  test_app = patella_test_gui_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/many-writers-gui/" name, Fixture, NULL, patella_app_fixture_set_up, func, \
              patella_app_fixture_tear_down)

  ADD ("cli-changes-kept", test_cli_changes_kept);
  ADD ("conflict-offers-both", test_conflict_offers_both);
  ADD ("cli-runs-shown", test_cli_runs_shown);
  ADD ("first-entry-from-cli", test_first_entry_from_cli);
  ADD ("plan-opens-journal", test_plan_opens_journal);
  ADD ("focus-kept", test_focus_kept);
  ADD ("restore-not-undone", test_restore_not_undone);
  ADD ("failed-save-not-lost", test_failed_save_not_lost);

#undef ADD

  return patella_test_gui_run (&test_app);
}
