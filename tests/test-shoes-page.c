/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>

#include "patella-application.h"
#include "patella-pickers.h"
#include "patella-run-dialog.h"
#include "patella-run-row.h"
#include "patella-shoes-page.h"
#include "patella-shoes-view.h"
#include "patella-shoes.h"
#include "patella-test-gui.h"
#include "patella-test-utils.h"
#include "patella-timer.h"
#include "patella-wear-bar.h"
#include "patella-window.h"

typedef struct
{
  char               *dir;
  char               *db;
  PatellaApplication *app;
  PatellaNotifier    *notifier;
} Fixture;

/* One registered application for the whole run, as in tests/test-window.c. */
static PatellaApplication *test_app;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->dir = patella_test_make_dir ();
  fixture->db = g_build_filename (fixture->dir, "patella.db", NULL);
  g_setenv ("PATELLA_DB", fixture->db, TRUE);

  fixture->app = test_app;
  fixture->notifier = patella_recording_notifier_new ();
  patella_application_set_notifier (fixture->app, fixture->notifier);
  patella_application_reopen_store (fixture->app, NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  GList *windows = gtk_window_list_toplevels ();

  for (GList *l = windows; l != NULL; l = l->next)
    if (PATELLA_IS_WINDOW (l->data) || PATELLA_IS_RUN_DIALOG (l->data))
      gtk_window_destroy (l->data);
  g_list_free (windows);
  flush_events ();

  g_clear_object (&fixture->notifier);
  patella_test_remove_dir (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->db);
  g_unsetenv ("PATELLA_DB");
}

static PatellaRunDialog *
find_run_dialog (void)
{
  return (PatellaRunDialog *) find_toplevel (PATELLA_TYPE_RUN_DIALOG);
}

static PatellaShoesPage *
open_shoes_page (Fixture *fixture)
{
  PatellaWindow *window = patella_window_new (fixture->app);

  gtk_window_present (GTK_WINDOW (window));
  patella_window_show_view (window, "shoes");
  flush_events ();

  return PATELLA_SHOES_PAGE (find_by_type (GTK_WIDGET (window), PATELLA_TYPE_SHOES_PAGE));
}

/* The page's widgets live in a PatellaShoesView, built when first shown. */
static PatellaShoesView *
get_view (gpointer page)
{
  GtkWidget *view = find_by_type (GTK_WIDGET (page), PATELLA_TYPE_SHOES_VIEW);

  g_assert_nonnull (view);

  return PATELLA_SHOES_VIEW (view);
}

static PatellaShoeListView *
get_list_view (gpointer page)
{
  return patella_shoes_view_get_list_view (get_view (page));
}

static PatellaShoeDetailsView *
get_details_view (gpointer page)
{
  return patella_shoes_view_get_details_view (get_view (page));
}


static gboolean
is_titled (GtkWidget     *widget,
           gconstpointer  data)
{
  const char *title = data;

  if (ADW_IS_PREFERENCES_ROW (widget))
    return g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;

  return GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), title) == 0;
}

static gboolean
is_button_labelled (GtkWidget     *widget,
                    gconstpointer  data)
{
  const char *label = data;

  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0;
}

static gboolean
has_row_titled (GtkWidget  *root,
                const char *title)
{
  return find_widget (root, is_titled, title) != NULL;
}

static gboolean
is_error_label (GtkWidget     *widget,
                gconstpointer  unused)
{
  return GTK_IS_LABEL (widget) && gtk_widget_has_css_class (widget, "error");
}

/* The Log Run dialog's parts, found as a user finds them: by their titles. */
static gpointer
dialog_row (PatellaRunDialog *dialog,
            const char       *title)
{
  GtkWidget *row = find_widget (GTK_WIDGET (dialog), is_titled, title);

  g_assert_true (ADW_IS_PREFERENCES_ROW (row));

  return row;
}

static gpointer
dialog_distance (PatellaRunDialog *dialog)
{
  return find_by_type (dialog_row (dialog, "_Distance"), GTK_TYPE_SPIN_BUTTON);
}

/* Log, or Save for a run logged before: the dialog's default button. */
static void
click_log (PatellaRunDialog *dialog)
{
  GtkWidget *button = gtk_window_get_default_widget (GTK_WINDOW (dialog));

  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  flush_events ();
}

static gboolean
dialog_shows_error (PatellaRunDialog *dialog)
{
  GtkWidget *label = find_widget (GTK_WIDGET (dialog), is_error_label, NULL);

  g_assert_nonnull (label);

  return gtk_widget_get_visible (label);
}

static void
test_log_run_moves_bar (Fixture       *fixture,
                        gconstpointer  data)
{
  PatellaStore *store = patella_context_get_store (patella_application_get_context (fixture->app));
  PatellaShoeInput input = { .name = "Road pair", .make_default = TRUE };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) runs = NULL;
  PatellaShoesPage *page;
  PatellaRunDialog *dialog;
  PatellaWearBar *bar;
  gint64 id;

  id = patella_shoe_add (store, NULL, &input, &error);
  g_assert_no_error (error);
  input.name = "Easy pair";
  input.make_default = FALSE;
  patella_shoe_add (store, NULL, &input, &error);
  g_assert_no_error (error);

  page = open_shoes_page (fixture);
  g_assert_nonnull (page);

  /* Shoes are listed by name: the first bar is Easy pair's. */
  bar = PATELLA_WEAR_BAR (find_by_type (GTK_WIDGET (page), PATELLA_TYPE_WEAR_BAR));
  g_assert_nonnull (bar);
  g_assert_cmpfloat (patella_wear_bar_get_fraction (bar), ==, 0.0);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "shoes.log-run", NULL));
  flush_events ();
  dialog = find_run_dialog ();
  g_assert_nonnull (dialog);

  /* The default shoe is preselected: item 0 is "No shoes", then by name. */
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (dialog_row (dialog, "_Shoes"))),
                    ==, 2);

  /* Zero is refused in the dialog, which stays open. */
  click_log (dialog);
  g_assert_true (find_run_dialog () == dialog);
  g_assert_true (dialog_shows_error (dialog));

  /* 100 km: the locale's unit under C.UTF-8. Log it on Easy pair. */
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (dialog_distance (dialog)), 100.0);
  adw_combo_row_set_selected (ADW_COMBO_ROW (dialog_row (dialog, "_Shoes")), 1);
  click_log (dialog);
  g_assert_null (find_run_dialog ());

  bar = PATELLA_WEAR_BAR (find_by_type (GTK_WIDGET (page), PATELLA_TYPE_WEAR_BAR));
  g_assert_cmpfloat_with_epsilon (patella_wear_bar_get_fraction (bar), 100000.0 / 804672.0,
                                  1e-9);

  runs = patella_runs_list (store, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (runs->len, ==, 1);
  g_assert_cmpint (((PatellaRun *) runs->pdata[0])->distance_m, ==, 100000);
  g_assert_cmpint (((PatellaRun *) runs->pdata[0])->shoe_id, !=, id);
}

static void
test_start_up_check_notifies (Fixture       *fixture,
                              gconstpointer  data)
{
  PatellaStore *store = patella_context_get_store (patella_application_get_context (fixture->app));
  /* Logged while the window was closed: 310 mi, past the warning. */
  PatellaShoeInput input = { .name = "Road pair", .initial_m = 498897 };
  g_autoptr(GError) error = NULL;

  patella_shoe_add (store, NULL, &input, &error);
  g_assert_no_error (error);
  /* Icing reminders may come from the real clock meanwhile: count shoes only. */
  g_assert_cmpuint (patella_recording_notifier_count (PATELLA_RECORDING_NOTIFIER (fixture->notifier),
                                                      "shoe-"), ==, 0);

  open_shoes_page (fixture);
  g_assert_cmpuint (patella_recording_notifier_count (PATELLA_RECORDING_NOTIFIER (fixture->notifier),
                                                      "shoe-warn:"), ==, 1);
}

/* The control of the row titled @title, as a click on the row works it. */
static GtkWidget *
row_control (gpointer    page,
             const char *title)
{
  GtkWidget *row = get_by_label (GTK_WIDGET (page), ADW_TYPE_ACTION_ROW, title);

  return adw_action_row_get_activatable_widget (ADW_ACTION_ROW (row));
}

static void
test_edit_keeps_exact_marks (Fixture       *fixture,
                             gconstpointer  data)
{
  PatellaStore *store = patella_context_get_store (patella_application_get_context (fixture->app));
  PatellaShoeInput input = { .name = "Road pair", .make_default = TRUE };
  g_autoptr(GError) error = NULL;
  g_autoptr(PatellaShoe) shoe = NULL;
  PatellaShoesPage *page;
  GObject *name_row;
  gint64 id;

  id = patella_shoe_add (store, NULL, &input, &error);
  g_assert_no_error (error);
  page = open_shoes_page (fixture);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "shoes.open-shoe", "x", id));
  name_row = G_OBJECT (patella_shoe_details_view_get_name_row (get_details_view (page)));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name_row)), ==, "Road pair");
  /* The marks read as the pair's summary reads them: 482.8 and 804.7 km. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row_control (page, "Warn At"))), ==,
                   "482.8");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row_control (page, "Replace At"))), ==,
                   "804.7");
  gtk_editable_set_text (GTK_EDITABLE (name_row), "Road pair 2");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "shoes.save-shoe", NULL));
  flush_events ();

  /* Shown rounded to 100 m, the marks are still exactly 300 and 500 mi. */
  shoe = patella_shoe_get (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (shoe->name, ==, "Road pair 2");
  g_assert_cmpint (shoe->warn_m, ==, PATELLA_SHOE_WARN_DEFAULT_M);
  g_assert_cmpint (shoe->limit_m, ==, PATELLA_SHOE_LIMIT_DEFAULT_M);
  g_assert_true (shoe->is_default);
}

/* Hidden, the page reads nothing; shown, it is up to date (the start-up
 * benchmark depends on this: tests/bench). */
static void
test_hidden_page_refreshes_when_shown (Fixture       *fixture,
                                       gconstpointer  data)
{
  PatellaStore *store = patella_context_get_store (patella_application_get_context (fixture->app));
  PatellaShoeInput input = { .name = "Road pair" };
  PatellaWindow *window = patella_window_new (fixture->app);
  g_autoptr(GError) error = NULL;
  GtkWidget *page;
  GtkWidget *list;

  gtk_window_present (GTK_WINDOW (window));
  patella_window_show_view (window, "journal");
  flush_events ();
  page = find_by_type (GTK_WIDGET (window), PATELLA_TYPE_SHOES_PAGE);

  /* Never shown: not even built. */
  patella_shoe_add (store, NULL, &input, &error);
  g_assert_no_error (error);
  flush_events ();
  g_assert_false (gtk_widget_get_mapped (page));
  g_assert_null (find_by_type (page, PATELLA_TYPE_SHOES_VIEW));

  patella_window_show_view (window, "shoes");
  flush_events ();
  list = patella_shoe_list_view_get_active_list (get_list_view (page));
  g_assert_true (has_row_titled (list, "Road pair"));

  /* Built, then hidden again. */
  patella_window_show_view (window, "journal");
  flush_events ();
  input.name = "Easy pair";
  patella_shoe_add (store, NULL, &input, &error);
  g_assert_no_error (error);
  flush_events ();
  g_assert_false (gtk_widget_get_mapped (page));
  g_assert_false (has_row_titled (list, "Easy pair"));

  patella_window_show_view (window, "shoes");
  flush_events ();
  g_assert_true (has_row_titled (list, "Easy pair"));
}

/* Retired shoes are read and listed once their list is opened. */
static void
test_retired_listed_when_opened (Fixture       *fixture,
                                 gconstpointer  data)
{
  PatellaStore *store = patella_context_get_store (patella_application_get_context (fixture->app));
  PatellaShoeInput input = { .name = "Easy pair" };
  g_autoptr(GError) error = NULL;
  PatellaShoesPage *page;
  GObject *expander;
  gint64 id;

  id = patella_shoe_add (store, NULL, &input, &error);
  g_assert_no_error (error);
  g_assert_true (patella_shoe_set_retired (store, NULL, id, TRUE, &error));
  g_assert_no_error (error);

  page = open_shoes_page (fixture);
  expander = G_OBJECT (patella_shoe_list_view_get_retired (get_list_view (page)));
  g_assert_true (gtk_widget_get_visible (gtk_widget_get_ancestor (GTK_WIDGET (expander),
                                                                  ADW_TYPE_PREFERENCES_GROUP)));
  g_assert_false (has_row_titled (GTK_WIDGET (expander), "Easy pair"));

  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (expander), TRUE);
  flush_events ();
  g_assert_true (has_row_titled (GTK_WIDGET (expander), "Easy pair"));

  /* Open, it follows changes at once. */
  input.name = "Gym pair";
  id = patella_shoe_add (store, NULL, &input, &error);
  g_assert_no_error (error);
  g_assert_true (patella_shoe_set_retired (store, NULL, id, TRUE, &error));
  flush_events ();
  g_assert_true (has_row_titled (GTK_WIDGET (expander), "Gym pair"));
}

/* A run is edited from its shoe's page: the dialog shows it as logged (its
 * retired shoe included), refuses a bad date without changing anything,
 * and saves in place. */
static void
test_edit_run (Fixture       *fixture,
               gconstpointer  data)
{
  PatellaStore *store = patella_context_get_store (patella_application_get_context (fixture->app));
  PatellaShoeInput input = { .name = "Easy pair" };
  PatellaRun run = { .day = "2026-11-02", .distance_m = 8047, .duration_s = 2730,
                     .pain = 3, .note = "Hills" };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) runs = NULL;
  const PatellaRun *saved;
  PatellaShoesPage *page;
  PatellaRunDialog *dialog;
  GObject *row;
  gint64 shoe_id;

  shoe_id = patella_shoe_add (store, NULL, &input, &error);
  g_assert_no_error (error);
  run.shoe_id = shoe_id;
  run.id = patella_run_add (store, NULL, &run, &error);
  g_assert_no_error (error);
  g_assert_true (patella_shoe_set_retired (store, NULL, shoe_id, TRUE, &error));

  page = open_shoes_page (fixture);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "shoes.open-shoe", "x", shoe_id));
  flush_events ();
  row = G_OBJECT (gtk_list_box_get_row_at_index (
    GTK_LIST_BOX (patella_shoe_details_view_get_runs_list (get_details_view (page))), 0));
  g_assert_nonnull (row);
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (row)), ==, "shoes.edit-run");
  g_signal_emit_by_name (row, "activate");
  flush_events ();
  dialog = find_run_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (dialog)), ==, "Edit Run");

  /* As logged, in kilometres under C.UTF-8. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (dialog_distance (dialog))),
                   ==, "8.05");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (dialog_row (dialog, "Date (YYYY-MM-DD)"))), ==,
                   "2026-11-02");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (dialog_row (dialog, "Duration, optional (MM:SS or H:MM:SS)"))),
                   ==, "45:30");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (dialog_row (dialog, "Note"))), ==,
                   "Hills");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (dialog_row (dialog, "Knee _Pain During the Run"))),
                    ==, 4);
  g_assert_cmpstr (gtk_string_object_get_string (GTK_STRING_OBJECT (
    adw_combo_row_get_selected_item (ADW_COMBO_ROW (dialog_row (dialog, "_Shoes"))))), ==,
                   "Easy pair");

  /* A date that does not exist is refused, and nothing changes. */
  gtk_editable_set_text (GTK_EDITABLE (dialog_row (dialog, "Date (YYYY-MM-DD)")), "2026-02-30");
  gtk_editable_set_text (GTK_EDITABLE (dialog_row (dialog, "Note")), "Hills, easy");
  click_log (dialog);
  g_assert_true (find_run_dialog () == dialog);
  g_assert_true (dialog_shows_error (dialog));
  runs = patella_runs_list (store, 0, &error);
  g_assert_cmpstr (((PatellaRun *) runs->pdata[0])->day, ==, "2026-11-02");
  g_assert_cmpstr (((PatellaRun *) runs->pdata[0])->note, ==, "Hills");
  g_clear_pointer (&runs, g_ptr_array_unref);

  /* Saved in place: the same run, the distance untouched to the metre. */
  gtk_editable_set_text (GTK_EDITABLE (dialog_row (dialog, "Date (YYYY-MM-DD)")), "2026-11-03");
  click_log (dialog);
  g_assert_null (find_run_dialog ());
  runs = patella_runs_list (store, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (runs->len, ==, 1);
  saved = runs->pdata[0];
  g_assert_cmpint (saved->id, ==, run.id);
  g_assert_cmpstr (saved->day, ==, "2026-11-03");
  g_assert_cmpint (saved->distance_m, ==, 8047);
  g_assert_cmpint (saved->duration_s, ==, 2730);
  g_assert_cmpint (saved->shoe_id, ==, shoe_id);
  g_assert_cmpint (saved->pain, ==, 3);
  g_assert_cmpstr (saved->note, ==, "Hills, easy");
}

/* A unit typed after the number is the unit of the run; one the dialog
 * does not know is refused, and nothing is logged. */
static void
test_log_run_typed_unit (Fixture       *fixture,
                         gconstpointer  data)
{
  PatellaStore *store = patella_context_get_store (patella_application_get_context (fixture->app));
  g_autoptr(GPtrArray) runs = NULL;
  g_autoptr(GError) error = NULL;
  PatellaShoesPage *page = open_shoes_page (fixture);
  PatellaRunDialog *dialog;
  GtkWidget *spin;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "shoes.log-run", NULL));
  flush_events ();
  dialog = find_run_dialog ();
  g_assert_nonnull (dialog);
  spin = GTK_WIDGET (dialog_distance (dialog));

  /* The day from the calendar beside the date. */
  {
    GtkWidget *date_row = GTK_WIDGET (dialog_row (dialog, "Date (YYYY-MM-DD)"));
    GtkWidget *picker = find_by_type (date_row, GTK_TYPE_MENU_BUTTON);

    g_assert_nonnull (picker);
    patella_date_picker_choose (picker, "2026-01-31");
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (date_row)), ==, "2026-01-31");
  }

  /* Said as the field is left (Tab), quoting what was typed, and again on
   * Log, though the field then shows its last number. */
  gtk_editable_set_text (GTK_EDITABLE (spin), "3 furlongs");
  gtk_spin_button_update (GTK_SPIN_BUTTON (spin));
  flush_events ();
  g_assert_true (dialog_shows_error (dialog));
  g_assert_nonnull (find_label (GTK_WIDGET (dialog), "“furlongs” is not a unit"));
  click_log (dialog);
  g_assert_true (find_run_dialog () == dialog);
  g_assert_true (dialog_shows_error (dialog));
  g_assert_nonnull (find_label (GTK_WIDGET (dialog), "“furlongs” is not a unit"));
  runs = patella_runs_list (store, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (runs->len, ==, 0);
  g_clear_pointer (&runs, g_ptr_array_unref);

  /* Kilometres are shown under C.UTF-8; 3 miles are 4 828 m. */
  gtk_editable_set_text (GTK_EDITABLE (spin), "3mi");
  click_log (dialog);
  g_assert_null (find_run_dialog ());
  runs = patella_runs_list (store, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (runs->len, ==, 1);
  g_assert_cmpint (((PatellaRun *) g_ptr_array_index (runs, 0))->distance_m, ==, 4828);
  g_assert_cmpstr (((PatellaRun *) g_ptr_array_index (runs, 0))->day, ==, "2026-01-31");
  g_clear_pointer (&runs, g_ptr_array_unref);

  /* Typed, then left with Tab: the field shows 4.83 km, the run is still
   * 4 828 m (patella-cli's figure), not 4 830. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "shoes.log-run", NULL));
  flush_events ();
  dialog = find_run_dialog ();
  spin = GTK_WIDGET (dialog_distance (dialog));
  gtk_editable_set_text (GTK_EDITABLE (spin), "3mi");
  gtk_spin_button_update (GTK_SPIN_BUTTON (spin));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (spin)), ==, "4.83");
  click_log (dialog);
  g_assert_null (find_run_dialog ());
  runs = patella_runs_list (store, 0, &error);
  g_assert_cmpuint (runs->len, ==, 2);
  g_assert_cmpint (((PatellaRun *) g_ptr_array_index (runs, 1))->distance_m, ==, 4828);
}

/* Logs a run of @distance through the Log Run dialog. */
static void
log_run_through_dialog (PatellaShoesPage *page,
                        const char       *distance)
{
  PatellaRunDialog *dialog;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "shoes.log-run", NULL));
  flush_events ();
  dialog = find_run_dialog ();
  g_assert_nonnull (dialog);
  gtk_editable_set_text (GTK_EDITABLE (dialog_distance (dialog)), distance);
  click_log (dialog);
  g_assert_null (find_run_dialog ());
}

/* "Ice your knee now?" after a run. */
static void
test_icing_offered_after_run (Fixture       *fixture,
                              gconstpointer  data)
{
  PatellaShoesPage *page = open_shoes_page (fixture);
  GtkWidget *window = GTK_WIDGET (gtk_widget_get_root (GTK_WIDGET (page)));

  log_run_through_dialog (page, "5");
  g_assert_nonnull (find_label (window, "Run logged. Ice your knee now?"));
  g_assert_nonnull (find_widget (window, is_button_labelled, "_Start Icing"));
}

/* But not while icing runs. */
static void
test_no_icing_offer_while_icing (Fixture       *fixture,
                                 gconstpointer  data)
{
  /* Started elsewhere (patella-cli, another window): no toast of its own
   * to queue the one looked at. */
  g_autoptr(PatellaTimer) timer = patella_timer_new (patella_context_get_store (patella_application_get_context (fixture->app)),
                                                      NULL);
  g_autoptr(GError) error = NULL;
  PatellaShoesPage *page = open_shoes_page (fixture);
  GtkWidget *window = GTK_WIDGET (gtk_widget_get_root (GTK_WIDGET (page)));

  g_assert_true (patella_timer_start (timer, 15, &error));
  g_assert_no_error (error);

  log_run_through_dialog (page, "5");
  g_assert_nonnull (find_label (window, "Run logged"));
  g_assert_null (find_label (window, "Ice your knee"));

  g_assert_true (patella_timer_stop (timer, &error));
}

/* A run deleted by mistake comes back with Undo, as a journal day does. */
static void
test_delete_run_and_undo (Fixture       *fixture,
                          gconstpointer  data)
{
  PatellaStore *store = patella_context_get_store (patella_application_get_context (fixture->app));
  PatellaRun run = { .day = "2026-02-03", .distance_m = 7000, .duration_s = 2400,
                     .shoe_id = PATELLA_SHOE_NONE, .pain = 2, .note = "hills" };
  g_autoptr(GPtrArray) runs = NULL;
  g_autoptr(GError) error = NULL;
  PatellaShoesPage *page = open_shoes_page (fixture);
  GtkWidget *window = GTK_WIDGET (gtk_widget_get_root (GTK_WIDGET (page)));
  GtkWidget *undo;
  PatellaRun *back;
  gint64 id;

  id = patella_run_add (store, NULL, &run, &error);
  g_assert_no_error (error);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "shoes.delete-run", "x", id));
  flush_events ();
  runs = patella_runs_list (store, 0, &error);
  g_assert_cmpuint (runs->len, ==, 0);
  g_clear_pointer (&runs, g_ptr_array_unref);

  undo = find_widget (window, is_button_labelled, "_Undo");
  g_assert_nonnull (undo);
  g_signal_emit_by_name (undo, "clicked");
  flush_events ();

  runs = patella_runs_list (store, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (runs->len, ==, 1);
  back = g_ptr_array_index (runs, 0);
  g_assert_cmpstr (back->day, ==, "2026-02-03");
  g_assert_cmpint (back->distance_m, ==, 7000);
  g_assert_cmpint (back->duration_s, ==, 2400);
  g_assert_cmpint (back->pain, ==, 2);
  g_assert_cmpstr (back->note, ==, "hills");
  g_assert_null (back->shoe_name);
}

/* A pair deleted by mistake comes back with Undo, and is listed again. */
static void
test_delete_shoe_and_undo (Fixture       *fixture,
                           gconstpointer  data)
{
  PatellaStore *store = patella_context_get_store (patella_application_get_context (fixture->app));
  PatellaShoeInput input = { .name = "Race flats", .brand = "Maker", .warn_m = 400000,
                             .limit_m = 600000 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) shoes = NULL;
  PatellaShoesPage *page;
  GtkWidget *window;
  GtkWidget *undo;
  PatellaShoe *back;
  gint64 id;

  id = patella_shoe_add (store, NULL, &input, &error);
  g_assert_no_error (error);
  page = open_shoes_page (fixture);
  window = GTK_WIDGET (gtk_widget_get_root (GTK_WIDGET (page)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "shoes.open-shoe", "x", id));
  flush_events ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "shoes.delete-shoe", NULL));
  flush_events ();
  g_assert_null (patella_shoe_get (store, id, NULL));
  g_assert_false (has_row_titled (GTK_WIDGET (get_list_view (page)), "Race flats"));

  undo = find_widget (window, is_button_labelled, "_Undo");
  g_assert_nonnull (undo);
  g_signal_emit_by_name (undo, "clicked");
  flush_events ();

  shoes = patella_shoes_list (store, PATELLA_SHOES_ALL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (shoes->len, ==, 1);
  back = g_ptr_array_index (shoes, 0);
  g_assert_cmpstr (back->name, ==, "Race flats");
  g_assert_cmpstr (back->brand, ==, "Maker");
  g_assert_cmpint (back->warn_m, ==, 400000);
  g_assert_cmpint (back->limit_m, ==, 600000);
  g_assert_true (has_row_titled (GTK_WIDGET (get_list_view (page)), "Race flats"));
}

/* A run logged or imported with no shoes is seen in the Shoes view (even
 * before any pair is added), and opens for editing, to choose its pair. */
static void
test_runs_without_shoes_shown (Fixture       *fixture,
                               gconstpointer  data)
{
  PatellaStore *store = patella_context_get_store (patella_application_get_context (fixture->app));
  PatellaRun run = { .day = "2026-02-03", .distance_m = 7000, .shoe_id = PATELLA_SHOE_NONE };
  PatellaShoeInput input = { .name = "Trail pair", .warn_m = PATELLA_SHOE_WARN_DEFAULT_M,
                             .limit_m = PATELLA_SHOE_LIMIT_DEFAULT_M };
  g_autoptr(GError) error = NULL;
  PatellaShoesPage *page;
  GtkWidget *list_view;
  GtkWidget *row;
  gint64 id;

  id = patella_run_add (store, NULL, &run, &error);
  g_assert_no_error (error);
  page = open_shoes_page (fixture);
  list_view = GTK_WIDGET (get_list_view (page));

  g_assert_true (has_row_titled (list_view, "Runs Without Shoes"));
  row = find_by_type (list_view, PATELLA_TYPE_RUN_ROW);
  g_assert_nonnull (row);
  g_assert_true (gtk_widget_is_visible (row));
  g_assert_null (find_run_dialog ());
  gtk_widget_activate (row);
  flush_events ();
  g_assert_nonnull (find_run_dialog ());
  gtk_window_destroy (GTK_WINDOW (find_run_dialog ()));

  /* Once it has its pair, it is that pair's run. */
  run.id = id;
  run.shoe_id = patella_shoe_add (store, NULL, &input, &error);
  g_assert_no_error (error);
  g_assert_true (patella_run_edit (store, NULL, &run, &error));
  g_assert_no_error (error);
  flush_events ();
  g_assert_null (find_by_type (list_view, PATELLA_TYPE_RUN_ROW));
}

/* Going back from a pair's page keeps what was typed; what cannot be saved
 * keeps the page open with its reason. */
static void
test_back_keeps_changes (Fixture       *fixture,
                         gconstpointer  data)
{
  PatellaStore *store = patella_context_get_store (patella_application_get_context (fixture->app));
  PatellaShoeInput input = { .name = "Road pair", .warn_m = 482803, .limit_m = 804672 };
  g_autoptr(GError) error = NULL;
  g_autoptr(PatellaShoe) renamed = NULL;
  g_autoptr(PatellaShoe) kept = NULL;
  PatellaShoesPage *page = open_shoes_page (fixture);
  GtkEditable *name_row;
  gint64 id = patella_shoe_add (store, NULL, &input, &error);

  g_assert_no_error (error);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "shoes.open-shoe", "x", id));
  name_row = GTK_EDITABLE (patella_shoe_details_view_get_name_row (get_details_view (page)));
  gtk_editable_set_text (name_row, "Road pair, resoled");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "shoes.back", NULL));
  flush_events ();
  g_assert_false (patella_shoes_view_is_showing_shoe (get_view (page)));
  renamed = patella_shoe_get (store, id, &error);
  g_assert_cmpstr (renamed->name, ==, "Road pair, resoled");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "shoes.open-shoe", "x", id));
  gtk_editable_set_text (name_row, "");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "shoes.back", NULL));
  flush_events ();
  g_assert_true (patella_shoes_view_is_showing_shoe (get_view (page)));
  kept = patella_shoe_get (store, id, &error);
  g_assert_cmpstr (kept->name, ==, "Road pair, resoled");
}

/* Enter in the New Shoes form adds the pair, as a dialog's default button. */
static void
test_enter_adds_shoes (Fixture       *fixture,
                       gconstpointer  data)
{
  PatellaStore *store = patella_context_get_store (patella_application_get_context (fixture->app));
  PatellaShoesPage *page = open_shoes_page (fixture);
  g_autoptr(GPtrArray) shoes = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *name_row;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "shoes.add-shoe", NULL));
  flush_events ();
  name_row = patella_shoe_details_view_get_name_row (get_details_view (page));
  gtk_editable_set_text (GTK_EDITABLE (name_row), "Trail pair");
  g_signal_emit_by_name (name_row, "entry-activated");
  flush_events ();

  shoes = patella_shoes_list (store, PATELLA_SHOES_ACTIVE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (shoes->len, ==, 1);
  g_assert_false (patella_shoes_view_is_showing_shoe (get_view (page)));
}

/* Retiring a pair says so and shows the list, where the pair now is. */
static void
test_retire_gives_feedback (Fixture       *fixture,
                            gconstpointer  data)
{
  PatellaStore *store = patella_context_get_store (patella_application_get_context (fixture->app));
  PatellaShoeInput input = { .name = "Old racers", .warn_m = 482803, .limit_m = 804672 };
  g_autoptr(GError) error = NULL;
  PatellaShoesPage *page = open_shoes_page (fixture);
  GtkWidget *window = GTK_WIDGET (gtk_widget_get_root (GTK_WIDGET (page)));
  gint64 id = patella_shoe_add (store, NULL, &input, &error);

  g_assert_no_error (error);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "shoes.open-shoe", "x", id));
  flush_events ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "shoes.toggle-retired", NULL));
  flush_events ();

  g_assert_nonnull (find_label (window, "“Old racers” retired"));
  g_assert_false (patella_shoes_view_is_showing_shoe (get_view (page)));
}

/* A pair's row shows its status in the words patella-cli uses, and its
 * distances in the unit chosen in Preferences, at once when it changes. */
static void
test_rows_follow_unit (Fixture       *fixture,
                       gconstpointer  data)
{
  PatellaContext *context = patella_application_get_context (fixture->app);
  /* 310 mi: past the 300 mi warning. */
  PatellaShoeInput input = { .name = "Road pair", .initial_m = 498897 };
  g_autoptr(GError) error = NULL;
  PatellaShoesPage *page;
  GtkWidget *list;

  patella_shoe_add (patella_context_get_store (context), NULL, &input, &error);
  g_assert_no_error (error);
  page = open_shoes_page (fixture);
  list = patella_shoe_list_view_get_active_list (get_list_view (page));

  /* Kilometres under C.UTF-8. */
  g_assert_nonnull (find_label (list, "nearing replacement"));
  g_assert_nonnull (find_label (list, "498.9 km run"));

  g_settings_set_string (patella_context_get_settings (context), "distance-unit", "mi");
  flush_events ();
  g_assert_nonnull (find_label (list, "310.0 mi run"));
  g_assert_null (find_label (list, "498.9 km run"));
  g_settings_reset (patella_context_get_settings (context), "distance-unit");
}

static void
test_page_finalizes (Fixture       *fixture,
                     gconstpointer  data)
{
  GtkWidget *page = g_object_ref_sink (patella_shoes_page_new (
    patella_application_get_context (fixture->app)));

  gtk_widget_activate_action (page, "shoes.add-shoe", NULL);
  g_assert_finalize_object (page);
}

int
main (int    argc,
      char **argv)
{
  test_app = patella_test_gui_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/shoes-page/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("log-run-moves-bar", test_log_run_moves_bar);
  ADD ("start-up-check-notifies", test_start_up_check_notifies);
  ADD ("edit-keeps-exact-marks", test_edit_keeps_exact_marks);
  ADD ("page-finalizes", test_page_finalizes);
  ADD ("hidden-page-refreshes-when-shown", test_hidden_page_refreshes_when_shown);
  ADD ("retired-listed-when-opened", test_retired_listed_when_opened);
  ADD ("edit-run", test_edit_run);
  ADD ("log-run-typed-unit", test_log_run_typed_unit);
  ADD ("icing-offered-after-run", test_icing_offered_after_run);
  ADD ("no-icing-offer-while-icing", test_no_icing_offer_while_icing);
  ADD ("delete-run-and-undo", test_delete_run_and_undo);
  ADD ("runs-without-shoes-shown", test_runs_without_shoes_shown);
  ADD ("delete-shoe-and-undo", test_delete_shoe_and_undo);
  ADD ("retire-gives-feedback", test_retire_gives_feedback);
  ADD ("back-keeps-changes", test_back_keeps_changes);
  ADD ("enter-adds-shoes", test_enter_adds_shoes);
  ADD ("rows-follow-unit", test_rows_follow_unit);

#undef ADD

  return patella_test_gui_run (&test_app);
}
