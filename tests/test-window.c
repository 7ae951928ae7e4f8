/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>

#include "patella-application.h"
#include "patella-backup.h"
#include "patella-plan-window.h"
#include "patella-preferences-window.h"
#include "patella-shoes.h"
#include "patella-timer.h"
#include "patella-test-db.h"
#include "patella-test-utils.h"
#include "patella-window.h"
#include "patella-test-gui.h"

typedef PatellaAppFixture Fixture;

/* One registered application for the whole run, as in a real session; each
 * test points it at a database of its own. */
static PatellaApplication *test_app;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  patella_app_fixture_prepare (fixture);
  if (data != NULL)
    patella_test_write_random_file (fixture->db, GPOINTER_TO_SIZE (data));
  patella_application_reopen_store (fixture->app, NULL);
}

/* The window's views, switched by the view switchers. */
static GtkWidget *
view_stack (PatellaWindow *window)
{
  return get_by_type (GTK_WIDGET (window), ADW_TYPE_VIEW_STACK);
}

/* What the window shows: its views, or a page that says why it cannot. */
static GtkWidget *
main_stack_of (PatellaWindow *window)
{
  return gtk_widget_get_ancestor (view_stack (window), GTK_TYPE_STACK);
}

/* The banner at the top of the window that holds @widget. */
static GtkRevealer *
banner_of (gpointer widget)
{
  g_assert_nonnull (widget);
  return GTK_REVEALER (gtk_widget_get_ancestor (widget, GTK_TYPE_REVEALER));
}

/* The first-run banner, the one that offers to turn reminders off. */
static GtkRevealer *
welcome_banner (PatellaWindow *window)
{
  return banner_of (get_by_label (GTK_WIDGET (window), GTK_TYPE_BUTTON, "Turn Off"));
}

static void
test_views_switch (Fixture       *fixture,
                   gconstpointer  data)
{
  PatellaWindow *window = patella_app_fixture_open_window (fixture);
  GtkWidget *main_stack;

  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
  g_assert_nonnull (patella_context_get_store (patella_application_get_context (fixture->app)));

  main_stack = main_stack_of (window);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (main_stack)), ==, "views");
  g_assert_cmpstr (patella_window_get_visible_view (window), ==, "journal");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.view", "s", "shoes"));
  flush_events ();
  g_assert_cmpstr (patella_window_get_visible_view (window), ==, "shoes");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.view", "s", "timers"));
  g_assert_cmpstr (patella_window_get_visible_view (window), ==, "timers");

  /* The application-wide action used by notifications works too. */
  g_action_group_activate_action (G_ACTION_GROUP (fixture->app), "show-view",
                                  g_variant_new_string ("journal"));
  flush_events ();
  g_assert_cmpstr (patella_window_get_visible_view (window), ==, "journal");

  /* An unknown name leaves the view as it is. */
  patella_window_show_view (window, "nonsense");
  g_assert_cmpstr (patella_window_get_visible_view (window), ==, "journal");
}

static void
test_view_switchers_present (Fixture       *fixture,
                             gconstpointer  data)
{
  PatellaWindow *window = patella_app_fixture_open_window (fixture);
  GtkWidget *title = find_by_type (GTK_WIDGET (window), ADW_TYPE_VIEW_SWITCHER_TITLE);
  GtkWidget *bar = find_by_type (GTK_WIDGET (window), ADW_TYPE_VIEW_SWITCHER_BAR);
  GtkWidget *stack = view_stack (window);
  g_autoptr(GtkSelectionModel) pages = NULL;

  g_assert_nonnull (title);
  g_assert_nonnull (bar);
  g_assert_true (adw_view_switcher_title_get_stack (ADW_VIEW_SWITCHER_TITLE (title)) ==
                 ADW_VIEW_STACK (stack));
  g_assert_true (adw_view_switcher_bar_get_stack (ADW_VIEW_SWITCHER_BAR (bar)) ==
                 ADW_VIEW_STACK (stack));

  pages = adw_view_stack_get_pages (ADW_VIEW_STACK (stack));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (pages)), ==, 3);
}

/* The main menu's popover is built when the menu first opens. */
static gboolean
menu_has_action (GMenuModel *model,
                 const char *action)
{
  for (int i = 0; i < g_menu_model_get_n_items (model); i++)
    {
      g_autofree char *name = NULL;
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (model, i, G_MENU_LINK_SECTION);

      if (g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_ACTION, "s", &name) &&
          g_str_equal (name, action))
        return TRUE;
      if (section != NULL && menu_has_action (section, action))
        return TRUE;
    }

  return FALSE;
}

static void
test_main_menu_opens (Fixture       *fixture,
                      gconstpointer  data)
{
  PatellaWindow *window = patella_app_fixture_open_window (fixture);
  GtkMenuButton *button = get_by_label (GTK_WIDGET (window), GTK_TYPE_MENU_BUTTON, "Main Menu");
  GtkWidget *popover;

  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (button)));
  popover = GTK_WIDGET (popup_until_mapped (button));
  g_assert_true (GTK_IS_POPOVER_MENU (popover));
  g_assert_true (gtk_popover_menu_get_menu_model (GTK_POPOVER_MENU (popover)) ==
                 gtk_menu_button_get_menu_model (button));
  g_assert_nonnull (gtk_menu_button_get_menu_model (button));

  gtk_menu_button_popdown (button);
  flush_events ();
  gtk_menu_button_popup (button);
  flush_events ();
  g_assert_true (GTK_WIDGET (gtk_menu_button_get_popover (button)) == popover);
  gtk_menu_button_popdown (button);

  /* The close dialog says "choose Quit in the main menu": it is there. */
  g_assert_true (menu_has_action (gtk_menu_button_get_menu_model (button), "app.quit"));
}

static void
test_corrupt_database_offers_fresh_start (Fixture       *fixture,
                                          gconstpointer  data)
{
  g_autofree char *before = patella_test_file_checksum (fixture->db);
  g_autoptr(GDir) dir = NULL;
  PatellaWindow *window;
  GtkWidget *main_stack;
  GtkWidget *status_page;
  const char *name;
  gboolean found_aside = FALSE;

  g_assert_null (patella_context_get_store (patella_application_get_context (fixture->app)));
  window = patella_app_fixture_open_window (fixture);

  main_stack = main_stack_of (window);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (main_stack)), ==, "error");
  status_page = gtk_stack_get_child_by_name (GTK_STACK (main_stack), "error");
  g_assert_nonnull (strstr (adw_status_page_get_description (ADW_STATUS_PAGE (status_page)),
                            "patella.db"));

  /* Nothing was written to the damaged file. */
  {
    g_autofree char *now = patella_test_file_checksum (fixture->db);
    g_assert_cmpstr (before, ==, now);
  }

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.start-fresh", NULL));
  flush_events ();

  g_assert_nonnull (patella_context_get_store (patella_application_get_context (fixture->app)));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (main_stack)), ==, "views");

  /* The old file is kept beside the new one, byte for byte. */
  dir = g_dir_open (fixture->dir, 0, NULL);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      if (g_str_has_prefix (name, "patella.db.corrupt-"))
        {
          g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
          g_autofree char *sum = patella_test_file_checksum (path);

          g_assert_cmpstr (sum, ==, before);
          found_aside = TRUE;
        }
    }
  g_assert_true (found_aside);
}

/* Every view fits a phone-sized window, with the switcher at the bottom. */
static void
test_narrow_window_fits (Fixture       *fixture,
                         gconstpointer  data)
{
  static const char *views[] = { "journal", "timers", "shoes" };
  PatellaWindow *window = patella_window_new (fixture->app);

  gtk_window_set_default_size (GTK_WINDOW (window), 360, 640);
  gtk_window_present (GTK_WINDOW (window));

  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      int min_width;

      patella_window_show_view (window, views[i]);
      flush_events ();
      gtk_widget_measure (GTK_WIDGET (window), GTK_ORIENTATION_HORIZONTAL, -1,
                          &min_width, NULL, NULL, NULL);
      g_test_message ("%s: minimum width %d", views[i], min_width);
      g_assert_cmpint (min_width, <=, 360);
      g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), <=, 360);
    }

  g_assert_true (adw_view_switcher_bar_get_reveal (ADW_VIEW_SWITCHER_BAR (
    find_by_type (GTK_WIDGET (window), ADW_TYPE_VIEW_SWITCHER_BAR))));
}

static gboolean
window_is_open (PatellaWindow *window)
{
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (test_app));

  return g_list_find (windows, window) != NULL;
}

/* Reminders on and never told that Patella keeps running: a window opened
 * and closed asks what to do, and stays open until answered. */
static AdwMessageDialog *
close_with_reminders_on (Fixture        *fixture,
                         PatellaWindow **window)
{
  GSettings *settings = patella_context_get_settings (patella_application_get_context (fixture->app));
  AdwMessageDialog *dialog;

  g_settings_set_boolean (settings, "reminders-enabled", TRUE);
  g_settings_set_boolean (settings, "background-note-shown", FALSE);
  g_assert_nonnull (patella_context_get_reminders (patella_application_get_context (fixture->app)));

  *window = patella_app_fixture_open_window (fixture);
  gtk_window_close (GTK_WINDOW (*window));
  flush_events ();

  dialog = find_message_dialog (NULL);
  g_assert_nonnull (dialog);
  g_assert_true (window_is_open (*window));
  return dialog;
}

/* Closing with reminders on says once that Patella keeps running. */
static void
test_close_explains_background (Fixture       *fixture,
                                gconstpointer  data)
{
  GSettings *settings = patella_context_get_settings (patella_application_get_context (fixture->app));
  PatellaWindow *window;
  AdwMessageDialog *dialog = close_with_reminders_on (fixture, &window);

  g_assert_true (g_settings_get_boolean (settings, "background-note-shown"));

  adw_message_dialog_response (dialog, "keep");
  flush_events ();
  g_assert_false (window_is_open (window));
  g_assert_true (g_settings_get_boolean (settings, "reminders-enabled"));

  /* The second time it just closes. */
  window = patella_app_fixture_open_window (fixture);
  gtk_window_close (GTK_WINDOW (window));
  flush_events ();
  g_assert_null (find_message_dialog (NULL));
  g_assert_false (window_is_open (window));
}

static void
test_close_can_turn_off_reminders (Fixture       *fixture,
                                   gconstpointer  data)
{
  GSettings *settings = patella_context_get_settings (patella_application_get_context (fixture->app));
  PatellaWindow *window;
  AdwMessageDialog *dialog = close_with_reminders_on (fixture, &window);

  adw_message_dialog_response (dialog, "turn-off");
  flush_events ();
  g_assert_false (window_is_open (window));
  g_assert_false (g_settings_get_boolean (settings, "reminders-enabled"));

  g_settings_set_boolean (settings, "reminders-enabled", TRUE);
}


/* Where the focus stops, Tab after Tab as a user presses it, from the top of
 * @window round to the first stop again. */
static GPtrArray *
tab_stops (GtkWindow *window)
{
  GPtrArray *stops = g_ptr_array_new ();

  gtk_window_set_focus (window, NULL);
  for (guint i = 0; i < 200; i++)
    {
      GtkWidget *focus;

      g_signal_emit_by_name (window, "move-focus", GTK_DIR_TAB_FORWARD);
      focus = gtk_window_get_focus (window);
      if (focus == NULL || (stops->len > 0 && focus == g_ptr_array_index (stops, 0)))
        break;
      g_ptr_array_add (stops, focus);
    }
  g_assert_cmpuint (stops->len, >, 0);

  return stops;
}

/* The row titled @title in @window is one Tab stop, at its control, and
 * Up and Down from a neighbour land on that control. */
static GtkWidget *
assert_one_stop_at_control (GtkWindow  *window,
                            GPtrArray  *stops,
                            const char *title)
{
  GtkWidget *row = get_by_label (GTK_WIDGET (window), ADW_TYPE_ACTION_ROW, title);
  GtkWidget *control = adw_action_row_get_activatable_widget (ADW_ACTION_ROW (row));
  guint in_row = 0;

  g_assert_nonnull (control);
  for (guint i = 0; i < stops->len; i++)
    {
      GtkWidget *stop = g_ptr_array_index (stops, i);

      if (stop == row)
        g_error ("Tab stops at the row \"%s\" itself, not only at its control", title);
      if (gtk_widget_is_ancestor (stop, row))
        {
          g_assert_true (stop == control || gtk_widget_is_ancestor (stop, control));
          in_row++;
        }
    }
  if (in_row != 1)
    g_error ("the row \"%s\" is %u Tab stops, not 1", title, in_row);

  return control;
}

/* Whether the focus of @window is @control or inside it. */
static gboolean
focus_in (GtkWindow *window,
          GtkWidget *control)
{
  GtkWidget *focus = gtk_window_get_focus (window);

  return focus != NULL && (focus == control || gtk_widget_is_ancestor (focus, control));
}

/* The switch is on, or off (it moves first, then turns). */
static gboolean
switch_is_on (gpointer data)
{
  return gtk_switch_get_active (GTK_SWITCH (data));
}

static gboolean
switch_is_off (gpointer data)
{
  return !gtk_switch_get_active (GTK_SWITCH (data));
}

static gboolean
widget_is_mapped (gpointer data)
{
  return gtk_widget_get_mapped (GTK_WIDGET (data));
}

/* Down or Up, as the key does in a list when the focused widget leaves it. */
static void
press_arrow (GtkWindow *window,
             int        count)
{
  GtkWidget *list = gtk_widget_get_ancestor (gtk_window_get_focus (window), GTK_TYPE_LIST_BOX);

  g_assert_nonnull (list);
  g_signal_emit_by_name (list, "move-cursor", GTK_MOVEMENT_DISPLAY_LINES, count, FALSE, FALSE);
}

/* A row that works a control (a switch, a spin button) is one Tab stop, at
 * the control; a click on the row still works it, and the arrows move from
 * control to control. */
static void
test_control_rows_one_tab_stop (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new ("io.github.patella.Patella");
  PatellaWindow *window = patella_app_fixture_open_window (fixture);
  GtkWindow *prefs;
  const char *titles[] = { "Reminders", "Sessions a Day", "Session Length", "Start at Login", "Sounds" };
  GtkWidget *controls[G_N_ELEMENTS (titles)];
  g_autoptr(GPtrArray) stops = NULL;
  GtkWidget *reminders_row;

  /* Today's backup, which the application makes once it is idle. */
  {
    g_autoptr(GError) error = NULL;
    g_autofree char *backup = patella_backup_run_daily (
      patella_context_get_store (patella_application_get_context (test_app)), NULL, &error);

    g_assert_no_error (error);
    g_assert_nonnull (backup);
  }
  prefs = GTK_WINDOW (patella_preferences_window_new (GTK_WINDOW (window),
                                                      patella_application_get_context (test_app)));
  g_settings_set_boolean (settings, "reminders-enabled", FALSE);
  gtk_window_present (prefs);
  flush_events ();
  stops = tab_stops (prefs);
  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    controls[i] = assert_one_stop_at_control (prefs, stops, titles[i]);

  /* Down from the switch to the spin buttons below it, and Up again; a
   * click on a row first (GTK moves from the row clicked last). */
  reminders_row = get_by_label (GTK_WIDGET (prefs), ADW_TYPE_ACTION_ROW, "Reminders");
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (controls[0])));
  gtk_widget_activate (reminders_row);
  g_assert_true (wait_until (switch_is_on, controls[0], 2000));
  gtk_widget_activate (reminders_row);
  g_assert_true (wait_until (switch_is_off, controls[0], 2000));

  gtk_widget_grab_focus (controls[0]);
  press_arrow (prefs, 1);
  g_assert_true (focus_in (prefs, controls[1]));
  press_arrow (prefs, 1);
  g_assert_true (focus_in (prefs, controls[2]));
  press_arrow (prefs, -1);
  g_assert_true (focus_in (prefs, controls[1]));
  press_arrow (prefs, -1);
  g_assert_true (focus_in (prefs, controls[0]));

  /* A backup's row does nothing itself: Tab stops at its Restore button
   * only, which says which backup it restores. */
  {
    GtkWidget *backups = get_by_label (GTK_WIDGET (prefs), ADW_TYPE_PREFERENCES_GROUP, "Backups");
    GtkWidget *restore = find_by_type (backups, GTK_TYPE_BUTTON);
    GtkWidget *row;

    g_assert_nonnull (restore);
    row = gtk_widget_get_ancestor (restore, ADW_TYPE_ACTION_ROW);
    g_assert_true (g_ptr_array_find (stops, restore, NULL));
    g_assert_false (g_ptr_array_find (stops, row, NULL));
  }

  gtk_window_destroy (prefs);
  g_settings_reset (settings, "reminders-enabled");
}

/* The plan window's rows that work a drop-down or a spin button, alike. */
static void
test_plan_control_rows_one_tab_stop (Fixture       *fixture,
                                     gconstpointer  data)
{
  PatellaWindow *window = patella_app_fixture_open_window (fixture);
  PatellaStore *store = patella_context_get_store (patella_application_get_context (test_app));
  GtkWindow *plan = GTK_WINDOW (patella_plan_window_new (GTK_WINDOW (window), store));
  g_autoptr(GPtrArray) stops = NULL;
  GtkWidget *rule;
  GtkWidget *phase;
  guint selected;

  gtk_window_present (plan);
  flush_events ();
  stops = tab_stops (plan);
  phase = assert_one_stop_at_control (plan, stops, "Start at Phase");
  rule = assert_one_stop_at_control (plan, stops, "Pain Rule");

  /* A click on the rule's row opens its choices, which a choice closes. */
  selected = gtk_drop_down_get_selected (GTK_DROP_DOWN (rule));
  gtk_widget_activate (gtk_widget_get_ancestor (rule, ADW_TYPE_ACTION_ROW));
  flush_events ();
  g_assert_true (wait_until (widget_is_mapped, find_by_type (rule, GTK_TYPE_POPOVER), 2000));
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (rule)), ==, selected);
  gtk_popover_popdown (GTK_POPOVER (find_by_type (rule, GTK_TYPE_POPOVER)));
  flush_events ();

  /* Up from the rule to the phase. */
  gtk_widget_grab_focus (rule);
  press_arrow (plan, -1);
  g_assert_true (focus_in (plan, phase));

  gtk_window_destroy (plan);
}

static gboolean
widget_is_hidden (gpointer data)
{
  return !gtk_widget_get_visible (GTK_WIDGET (data));
}

/* The import folder's Stop, by keyboard: it hides itself, and the focus
 * goes on to Choose rather than stay on a button no one sees. */
static void
test_import_folder_stop_keeps_focus (Fixture       *fixture,
                                     gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new ("io.github.patella.Patella");
  PatellaWindow *window = patella_app_fixture_open_window (fixture);
  GtkWindow *prefs;
  GtkWidget *row;
  GtkWidget *stop;
  GtkWidget *choose;
  g_autofree char *folder = g_dir_make_tmp ("patella-import-XXXXXX", NULL);
  g_autofree char *after = NULL;

  g_assert_nonnull (folder);
  g_settings_set_string (settings, "import-folder", folder);
  prefs = GTK_WINDOW (patella_preferences_window_new (GTK_WINDOW (window),
                                                      patella_application_get_context (test_app)));
  gtk_window_present (prefs);
  flush_events ();
  row = get_by_label (GTK_WIDGET (prefs), ADW_TYPE_ACTION_ROW, "Import Folder");
  stop = get_by_label (row, GTK_TYPE_BUTTON, "Stop");
  choose = adw_action_row_get_activatable_widget (ADW_ACTION_ROW (row));
  g_assert_true (gtk_widget_get_visible (stop));

  gtk_widget_grab_focus (stop);
  /* Enter or Space on it. */
  gtk_widget_activate (stop);
  g_assert_true (wait_until (widget_is_hidden, stop, 2000));
  after = g_settings_get_string (settings, "import-folder");
  g_assert_cmpstr (after, ==, "");
  g_assert_true (gtk_window_get_focus (prefs) == choose);

  gtk_window_destroy (prefs);
  g_settings_reset (settings, "import-folder");
  g_rmdir (folder);
}

/* Reminder times: bad ones are explained and never stored. */
static void
test_preferences_times (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new ("io.github.patella.Patella");
  PatellaWindow *window = patella_app_fixture_open_window (fixture);
  PatellaPreferencesWindow *prefs = patella_preferences_window_new (GTK_WINDOW (window),
                                                                    patella_application_get_context (test_app));
  GtkWidget *row2 = get_by_label (GTK_WIDGET (prefs), ADW_TYPE_ENTRY_ROW, "Second Session");
  GtkWidget *row4 = get_by_label (GTK_WIDGET (prefs), ADW_TYPE_ENTRY_ROW, "Fourth Session");
  GtkWidget *error_label = find_by_role (gtk_widget_get_ancestor (row2, ADW_TYPE_PREFERENCES_GROUP),
                                         GTK_ACCESSIBLE_ROLE_ALERT, NULL);
  g_auto(GStrv) times = NULL;

  g_settings_reset (settings, "ice-times");
  g_settings_reset (settings, "ice-sessions-per-day");
  gtk_window_present (GTK_WINDOW (prefs));
  flush_events ();
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row2)), ==, "12:00");

  gtk_editable_set_text (GTK_EDITABLE (row2), "08:30");
  g_signal_emit_by_name (row2, "apply");
  g_assert_true (gtk_widget_get_visible (error_label));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (error_label)), "60 minutes"));
  times = g_settings_get_strv (settings, "ice-times");
  g_assert_cmpstr (times[1], ==, "12:00");
  g_clear_pointer (&times, g_strfreev);

  gtk_editable_set_text (GTK_EDITABLE (row2), "noon");
  g_signal_emit_by_name (row2, "apply");
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (error_label)), "HH:MM"));

  gtk_editable_set_text (GTK_EDITABLE (row2), "13:15");
  g_signal_emit_by_name (row2, "apply");
  flush_events ();
  g_assert_false (gtk_widget_get_visible (error_label));
  times = g_settings_get_strv (settings, "ice-times");
  g_assert_cmpstr (times[1], ==, "13:15");
  g_clear_pointer (&times, g_strfreev);

  /* Or chosen with the clock beside it, hours and minutes, applied on closing. */
  {
    GtkMenuButton *clock = GTK_MENU_BUTTON (find_by_type (row2, GTK_TYPE_MENU_BUTTON));
    GtkPopover *popover;
    GtkWidget *hours;

    g_assert_nonnull (clock);
    popover = popup_until_mapped (clock);
    hours = find_by_type (GTK_WIDGET (popover), GTK_TYPE_SPIN_BUTTON);
    g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (hours)), ==, 13);
    gtk_spin_button_set_value (GTK_SPIN_BUTTON (hours), 14);
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row2)), ==, "14:15");
    gtk_popover_popdown (popover);
    flush_events ();
    times = g_settings_get_strv (settings, "ice-times");
    g_assert_cmpstr (times[1], ==, "14:15");
    g_clear_pointer (&times, g_strfreev);
  }

  /* Three a day: the usual three times, and one row fewer. */
  g_settings_set_int (settings, "ice-sessions-per-day", 3);
  flush_events ();
  times = g_settings_get_strv (settings, "ice-times");
  g_assert_cmpuint (g_strv_length (times), ==, 3);
  g_assert_cmpstr (times[0], ==, "09:00");
  g_assert_false (gtk_widget_get_visible (row4));

  g_settings_reset (settings, "ice-times");
  g_settings_reset (settings, "ice-sessions-per-day");
  gtk_window_destroy (GTK_WINDOW (prefs));
}

/* A database from a newer Patella opens read-only, and the window says why. */
static void
test_newer_database_banner (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  PatellaWindow *window;
  GtkWidget *revealer;
  GtkWidget *label;

  g_assert_nonnull (patella_context_get_store (patella_application_get_context (fixture->app)));
  patella_test_db_exec (fixture->db, "PRAGMA user_version = 77;");
  patella_application_reopen_store (fixture->app, NULL);
  before = patella_test_file_checksum (fixture->db);

  window = patella_app_fixture_open_window (fixture);
  label = GTK_WIDGET (find_label (GTK_WIDGET (window), "newer version of Patella"));
  revealer = GTK_WIDGET (banner_of (label));
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (revealer)));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (label)), "newer version of Patella"));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (main_stack_of (window))),
                   ==, "views");

  /* No reminders from a database that cannot record them. */
  g_assert_null (patella_context_get_reminders (patella_application_get_context (fixture->app)));

  gtk_window_destroy (GTK_WINDOW (window));
  patella_application_reopen_store (fixture->app, NULL);
  after = patella_test_file_checksum (fixture->db);
  g_assert_cmpstr (before, ==, after);
}

static void
test_guidance_window (Fixture       *fixture,
                      gconstpointer  data)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  GtkWindow *guidance = NULL;
  GtkWidget *first;

  patella_app_fixture_open_window (fixture);
  g_action_group_activate_action (G_ACTION_GROUP (fixture->app), "guidance", NULL);
  flush_events ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (toplevels, i);

      if (g_str_equal (G_OBJECT_TYPE_NAME (item), "PatellaGuidanceWindow"))
        guidance = GTK_WINDOW (item);
    }

  g_assert_nonnull (guidance);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (guidance)));

  /* Exercise first; every number with its evidence word and source; the
   * day it was last checked. */
  first = find_by_type (GTK_WIDGET (guidance), ADW_TYPE_PREFERENCES_GROUP);
  while (first != NULL && adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (first))[0] == '\0')
    first = gtk_widget_get_next_sibling (first);
  g_assert_nonnull (first);
  g_assert_cmpstr (adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (first)), ==,
                   "What Helps Most");
  g_assert_nonnull (find_label (first, "Exercise therapy comes first"));
  g_assert_nonnull (find_label (first, "Evidence: guideline. Source: Willy et al."));
  g_assert_nonnull (find_label (GTK_WIDGET (guidance), "Evidence: common advice. Source:"));
  g_assert_nonnull (find_label (GTK_WIDGET (guidance), "Evidence: study. Source: Nielsen"));
  g_assert_nonnull (find_label (GTK_WIDGET (guidance), "Last reviewed against the sources: 3 December 2026."));
  gtk_window_destroy (guidance);
}

/* Puts @notifier in the application's place, so that a test can click
 * what it shows; returns the one it replaced, to put back at the end. */
static PatellaNotifier *
swap_notifier (Fixture         *fixture,
               PatellaNotifier *notifier)
{
  PatellaContext *context = patella_application_get_context (fixture->app);
  PatellaNotifier *previous = g_object_ref (patella_context_get_notifier (context));

  patella_application_set_notifier (fixture->app, notifier);
  return previous;
}

/* A reminder's body opens the Timers view; its Start Timer starts icing. */
static void
test_reminder_actions (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(PatellaNotifier) recording = patella_recording_notifier_new ();
  g_autoptr(PatellaNotifier) previous = NULL;
  PatellaWindow *window = patella_app_fixture_open_window (fixture);
  PatellaTimer *timer;

  previous = swap_notifier (fixture, recording);
  g_assert_nonnull (patella_context_get_reminders (patella_application_get_context (fixture->app)));
  g_assert_cmpstr (patella_window_get_visible_view (window), ==, "journal");

  patella_notifier_emit_action (recording, "ice-reminder:2026-03-10T08:00", "default");
  flush_events ();
  g_assert_cmpstr (patella_window_get_visible_view (window), ==, "timers");

  patella_window_show_view (window, "shoes");
  patella_notifier_emit_action (recording, "ice-reminder:2026-03-10T08:00", "start");
  flush_events ();
  g_assert_cmpstr (patella_window_get_visible_view (window), ==, "timers");
  timer = patella_context_get_ice_timer (patella_application_get_context (fixture->app));
  g_assert_cmpint (patella_timer_get_state (timer), ==, PATELLA_TIMER_RUNNING);
  g_assert_true (patella_timer_stop (timer, NULL));

  g_object_unref (swap_notifier (fixture, previous));
}

/* The other notifications open their place too: icing done and exercise
 * the Timers view, a shoe's notification that shoe's page. */
static void
test_notification_clicks_open_their_place (Fixture       *fixture,
                                           gconstpointer  data)
{
  g_autoptr(PatellaNotifier) recording = patella_recording_notifier_new ();
  g_autoptr(PatellaNotifier) previous = NULL;
  PatellaStore *store = patella_context_get_store (patella_application_get_context (fixture->app));
  PatellaShoeInput input = { .name = "Trail pair", .warn_m = 482803, .limit_m = 804672 };
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  PatellaWindow *window = patella_app_fixture_open_window (fixture);
  gint64 shoe_id;

  previous = swap_notifier (fixture, recording);

  patella_notifier_emit_action (recording, "icing-done:1", "default");
  flush_events ();
  g_assert_cmpstr (patella_window_get_visible_view (window), ==, "timers");

  patella_window_show_view (window, "journal");
  patella_notifier_emit_action (recording, "exercise-done:1773126000", "default");
  flush_events ();
  g_assert_cmpstr (patella_window_get_visible_view (window), ==, "timers");

  shoe_id = patella_shoe_add (store, NULL, &input, &error);
  g_assert_no_error (error);
  patella_window_show_view (window, "journal");
  id = g_strdup_printf ("shoe-replace:%" G_GINT64_FORMAT, shoe_id);
  patella_notifier_emit_action (recording, id, "default");
  flush_events ();
  g_assert_cmpstr (patella_window_get_visible_view (window), ==, "shoes");
  /* The shoe's page, with its way back, is on screen. */
  g_assert_true (gtk_widget_get_mapped (find_by_tooltip (GTK_WIDGET (window),
                                                         "Back to All Shoes")));

  g_object_unref (swap_notifier (fixture, previous));
}

/* A running icing timer shows in the header bar outside the Timers view;
 * a click goes there. */
static void
test_running_timer_in_header_bar (Fixture       *fixture,
                                  gconstpointer  data)
{
  PatellaWindow *window = patella_app_fixture_open_window (fixture);
  PatellaTimer *timer = patella_context_get_ice_timer (patella_application_get_context (fixture->app));
  GtkWidget *button = find_by_tooltip (GTK_WIDGET (window), "Show the Timers");
  g_autoptr(GError) error = NULL;

  g_assert_false (gtk_widget_get_visible (button));
  g_assert_true (patella_timer_start (timer, 15, &error));
  g_assert_no_error (error);
  patella_window_show_view (window, "journal");
  flush_events ();
  g_assert_true (gtk_widget_get_mapped (button));
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (button)), ==, "Icing 15:00");

  g_signal_emit_by_name (button, "clicked");
  flush_events ();
  g_assert_cmpstr (patella_window_get_visible_view (window), ==, "timers");
  g_assert_false (gtk_widget_get_visible (button));

  patella_window_show_view (window, "shoes");
  flush_events ();
  g_assert_true (gtk_widget_get_visible (button));
  g_assert_true (patella_timer_stop (timer, &error));
  flush_events ();
  g_assert_false (gtk_widget_get_visible (button));
}

/* The first window says that reminders are on and offers to turn them off. */
static void
test_welcome_mentions_reminders (Fixture       *fixture,
                                 gconstpointer  data)
{
  GSettings *settings = patella_context_get_settings (patella_application_get_context (fixture->app));
  PatellaWindow *window;
  GtkWidget *revealer;
  const char *text;

  g_settings_set_boolean (settings, "reminders-enabled", TRUE);
  g_settings_set_boolean (settings, "welcome-shown", FALSE);

  window = patella_app_fixture_open_window (fixture);
  revealer = GTK_WIDGET (welcome_banner (window));
  text = gtk_label_get_text (GTK_LABEL (get_by_type (revealer, GTK_TYPE_LABEL)));
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (revealer)));
  g_assert_nonnull (strstr (text, "4 times a day"));
  g_assert_nonnull (strstr (text, "08:00, 12:00, 16:00, 20:00"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.welcome-done", "b", FALSE));
  g_assert_false (gtk_revealer_get_reveal_child (GTK_REVEALER (revealer)));
  g_assert_false (g_settings_get_boolean (settings, "reminders-enabled"));
  g_assert_true (g_settings_get_boolean (settings, "welcome-shown"));
  gtk_window_destroy (GTK_WINDOW (window));

  /* Only once. */
  g_settings_set_boolean (settings, "reminders-enabled", TRUE);
  window = patella_app_fixture_open_window (fixture);
  g_assert_false (gtk_revealer_get_reveal_child (welcome_banner (window)));
}

static void
test_window_finalizes (Fixture       *fixture,
                       gconstpointer  data)
{
  PatellaWindow *window = patella_app_fixture_open_window (fixture);

  g_object_ref (window);
  gtk_window_destroy (GTK_WINDOW (window));
  flush_events ();
  g_assert_finalize_object (window);
}

int
main (int    argc,
      char **argv)
{
  test_app = patella_test_gui_init (&argc, &argv, NULL);

#define ADD(name, data, func) \
  g_test_add ("/window/" name, Fixture, data, fixture_set_up, func, \
              patella_app_fixture_tear_down)

  ADD ("views-switch", NULL, test_views_switch);
  ADD ("view-switchers-present", NULL, test_view_switchers_present);
  ADD ("main-menu-opens", NULL, test_main_menu_opens);
  ADD ("corrupt-database-offers-fresh-start", GSIZE_TO_POINTER (8192),
       test_corrupt_database_offers_fresh_start);
  ADD ("narrow-window-fits", NULL, test_narrow_window_fits);
  ADD ("close-explains-background", NULL, test_close_explains_background);
  ADD ("close-can-turn-off-reminders", NULL, test_close_can_turn_off_reminders);
  ADD ("preferences-times", NULL, test_preferences_times);
  ADD ("control-rows-one-tab-stop", NULL, test_control_rows_one_tab_stop);
  ADD ("plan-control-rows-one-tab-stop", NULL, test_plan_control_rows_one_tab_stop);
  ADD ("import-folder-stop-keeps-focus", NULL, test_import_folder_stop_keeps_focus);
  ADD ("newer-database-banner", NULL, test_newer_database_banner);
  ADD ("guidance-window", NULL, test_guidance_window);
  ADD ("reminder-actions", NULL, test_reminder_actions);
  ADD ("running-timer-in-header-bar", NULL, test_running_timer_in_header_bar);
  ADD ("notification-clicks-open-their-place", NULL, test_notification_clicks_open_their_place);
  ADD ("welcome-mentions-reminders", NULL, test_welcome_mentions_reminders);
  ADD ("window-finalizes", NULL, test_window_finalizes);

#undef ADD

  return patella_test_gui_run (&test_app);
}
