/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "patella-test"

#include "config.h"

#define G_SETTINGS_ENABLE_BACKEND
#include <gio/gsettingsbackend.h>
#include <gio/gunixinputstream.h>
#include <stdio.h>
#include <string.h>

#include "patella-test-db.h"
#include "patella-test-gui.h"
#include "patella-test-store.h"
#include "patella-test-utils.h"

/* The application patella_test_app_new() made, while it lives. */
static PatellaApplication *test_app;

/* What patella_test_run_driven_app() runs. */
static struct
{
  PatellaApplication     *app;
  PatellaClock           *clock;
  PatellaTestCommandFunc  command;
} driven;

/* Where the application opened its database at start-up: a folder of the
 * test program's own, removed by patella_test_gui_run(). */
static char *startup_dir;

/* The fake clock patella_test_gui_init_at() made the default, while it lives. */
static PatellaClock **gui_clock;

static gboolean
timeout_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop until it has nothing left to do, a few times over,
 * so that idle work (layout, deferred saves) happens before a test looks. */
void
flush_events (void)
{
  for (guint i = 0; i < 50; i++)
    while (g_main_context_iteration (NULL, FALSE))
      ;
}

/* Lets the main loop run for @ms, as a user's pause would. */
void
wait_ms (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, timeout_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

/* Lets the main loop run until @done says so, for @ms at most: the frames
 * after the first come slower on a busy machine. Returns what @done says
 * at the end. */
gboolean
wait_until (gboolean (*done) (gpointer data),
            gpointer   data,
            guint      ms)
{
  for (guint waited = 0; waited < ms && !done (data); waited += 20)
    wait_ms (20);

  return done (data);
}

/* Opens @button's popover and waits, up to two seconds, for it to be on
 * screen. Other tests' windows come and go on the same X server; when one
 * takes the focus, an open popover closes, so the popover is opened again
 * until it stays. Returns the popover. */
GtkPopover *
popup_until_mapped (GtkMenuButton *button)
{
  gint64 deadline = g_get_monotonic_time () + 2 * G_USEC_PER_SEC;
  GtkPopover *popover = NULL;

  while (g_get_monotonic_time () < deadline)
    {
      gboolean timed_out = FALSE;
      guint id;

      gtk_menu_button_popup (button);
      popover = gtk_menu_button_get_popover (button);
      id = g_timeout_add (100, timeout_cb, &timed_out);
      while (!timed_out && !gtk_widget_get_mapped (GTK_WIDGET (popover)))
        g_main_context_iteration (NULL, TRUE);
      if (!timed_out)
        g_source_remove (id);
      if (gtk_widget_get_mapped (GTK_WIDGET (popover)))
        break;
    }

  g_assert_nonnull (popover);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (popover)));
  return popover;
}

/* The first widget in @root's tree, depth first, that @match accepts, or
 * %NULL. */
GtkWidget *
find_widget (GtkWidget            *root,
             PatellaTestMatchFunc  match,
             gconstpointer         data)
{
  if (match (root, data))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, match, data);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
is_of_type (GtkWidget     *widget,
            gconstpointer  data)
{
  return g_type_is_a (G_OBJECT_TYPE (widget), GPOINTER_TO_SIZE (data));
}

static gboolean
has_name (GtkWidget     *widget,
          gconstpointer  data)
{
  return g_strcmp0 (gtk_widget_get_name (widget), data) == 0;
}

static gboolean
has_tooltip (GtkWidget     *widget,
             gconstpointer  data)
{
  return g_strcmp0 (gtk_widget_get_tooltip_text (widget), data) == 0;
}

static gboolean
label_contains (GtkWidget     *widget,
                gconstpointer  data)
{
  return GTK_IS_LABEL (widget) && strstr (gtk_label_get_text (GTK_LABEL (widget)), data) != NULL;
}

static gboolean
is_button_labelled (GtkWidget     *widget,
                    gconstpointer  data)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), data) == 0;
}

static gboolean
is_check_labelled (GtkWidget     *widget,
                   gconstpointer  data)
{
  return GTK_IS_CHECK_BUTTON (widget) &&
         g_strcmp0 (gtk_check_button_get_label (GTK_CHECK_BUTTON (widget)), data) == 0;
}

/* The first widget of @type in @root's tree, depth first, or %NULL. */
GtkWidget *
find_by_type (GtkWidget *root,
              GType      type)
{
  return find_widget (root, is_of_type, GSIZE_TO_POINTER (type));
}

/* The first widget named @name (gtk_widget_set_name()), or %NULL. */
GtkWidget *
find_by_name (GtkWidget  *root,
              const char *name)
{
  return find_widget (root, has_name, name);
}

/* The first widget whose tooltip is @tooltip, or %NULL. */
GtkWidget *
find_by_tooltip (GtkWidget  *root,
                 const char *tooltip)
{
  return find_widget (root, has_tooltip, tooltip);
}

/* The first label whose text contains @text, or %NULL. */
GtkLabel *
find_label (GtkWidget  *root,
            const char *text)
{
  return (GtkLabel *) find_widget (root, label_contains, text);
}

/* The first button labelled @label, or %NULL. */
GtkButton *
find_button (GtkWidget  *root,
             const char *label)
{
  return (GtkButton *) find_widget (root, is_button_labelled, label);
}

/* The first check button labelled @label, or %NULL. */
GtkCheckButton *
find_check (GtkWidget  *root,
            const char *label)
{
  return (GtkCheckButton *) find_widget (root, is_check_labelled, label);
}

/* @text as a user reads it: without the underlines that mark a mnemonic
 * when @use_underline says they do. */
static char *
strip_mnemonic (const char *text,
                gboolean    use_underline)
{
  GString *out = g_string_new (NULL);

  if (!use_underline)
    return g_strdup (text);

  for (const char *p = text; p != NULL && *p != '\0'; p++)
    {
      if (*p == '_' && p[1] != '\0')
        p++;
      g_string_append_c (out, *p);
    }

  return g_string_free (out, FALSE);
}

/* Whether @widget's accessible label (what a screen reader reads) is @label. */
static gboolean
has_accessible_label (GtkWidget  *widget,
                      const char *label)
{
  g_autofree char *mismatch = NULL;

  if (!gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL))
    return FALSE;

  mismatch = gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget),
                                                 GTK_ACCESSIBLE_PROPERTY_LABEL, label);
  return mismatch == NULL;
}

/* Whether a label that names @widget by its mnemonic reads @label. */
static gboolean
has_mnemonic_label (GtkWidget  *widget,
                    const char *label)
{
  g_autoptr(GList) labels = gtk_widget_list_mnemonic_labels (widget);

  for (GList *l = labels; l != NULL; l = l->next)
    if (GTK_IS_LABEL (l->data) && g_strcmp0 (gtk_label_get_text (l->data), label) == 0)
      return TRUE;

  return FALSE;
}

/* The text @widget shows as its own name: a label's text, a button's or a
 * check button's label, a row's, a group's or a status page's title. */
static char *
visible_label (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget))
    return g_strdup (gtk_label_get_text (GTK_LABEL (widget)));
  if (GTK_IS_BUTTON (widget))
    return strip_mnemonic (gtk_button_get_label (GTK_BUTTON (widget)),
                           gtk_button_get_use_underline (GTK_BUTTON (widget)));
  if (GTK_IS_CHECK_BUTTON (widget))
    return strip_mnemonic (gtk_check_button_get_label (GTK_CHECK_BUTTON (widget)),
                           gtk_check_button_get_use_underline (GTK_CHECK_BUTTON (widget)));
  if (ADW_IS_PREFERENCES_ROW (widget))
    return strip_mnemonic (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)),
                           adw_preferences_row_get_use_underline (ADW_PREFERENCES_ROW (widget)));
  if (ADW_IS_PREFERENCES_GROUP (widget))
    return g_strdup (adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (widget)));
  if (ADW_IS_STATUS_PAGE (widget))
    return g_strdup (adw_status_page_get_title (ADW_STATUS_PAGE (widget)));

  return NULL;
}

/* Whether @widget is named @label, as a user or a screen reader knows it:
 * by its accessible label, by a mnemonic label pointing at it, or by the
 * text it shows itself. */
gboolean
widget_has_label (GtkWidget  *widget,
                  const char *label)
{
  g_autofree char *shown = NULL;

  if (has_accessible_label (widget, label) || has_mnemonic_label (widget, label))
    return TRUE;

  shown = visible_label (widget);
  return g_strcmp0 (shown, label) == 0;
}

typedef struct
{
  GType              type;
  GtkAccessibleRole  role;
  gboolean           any_role;
  const char        *label;
} LabelQuery;

static gboolean
matches_label_query (GtkWidget     *widget,
                     gconstpointer  data)
{
  const LabelQuery *query = data;

  if (query->type != G_TYPE_INVALID && !g_type_is_a (G_OBJECT_TYPE (widget), query->type))
    return FALSE;
  if (!query->any_role &&
      gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (widget)) != query->role)
    return FALSE;

  return query->label == NULL || widget_has_label (widget, query->label);
}

/* The first widget of @type (any widget for %G_TYPE_INVALID) in @root's
 * tree, depth first, named @label (see widget_has_label()), or %NULL. */
GtkWidget *
find_by_label (GtkWidget  *root,
               GType       type,
               const char *label)
{
  LabelQuery query = { .type = type, .any_role = TRUE, .label = label };

  return find_widget (root, matches_label_query, &query);
}

/* The first widget with the accessible @role in @root's tree, depth first,
 * named @label (any, for %NULL), or %NULL. */
GtkWidget *
find_by_role (GtkWidget         *root,
              GtkAccessibleRole  role,
              const char        *label)
{
  LabelQuery query = { .type = G_TYPE_INVALID, .role = role, .label = label };

  return find_widget (root, matches_label_query, &query);
}

/* As find_by_label(), but a test fails when there is no such widget. */
gpointer
get_by_label (GtkWidget  *root,
              GType       type,
              const char *label)
{
  GtkWidget *found = find_by_label (root, type, label);

  if (found == NULL)
    g_error ("No %s named “%s”", type != G_TYPE_INVALID ? g_type_name (type) : "widget", label);
  return found;
}

/* As find_by_type(), but a test fails when there is no such widget. */
gpointer
get_by_type (GtkWidget *root,
             GType      type)
{
  GtkWidget *found = find_by_type (root, type);

  if (found == NULL)
    g_error ("No %s", g_type_name (type));
  return found;
}

typedef struct
{
  guint index;
} NthLabel;

static gboolean
is_nth_label (GtkWidget     *widget,
              gconstpointer  data)
{
  NthLabel *nth = (NthLabel *) data;

  if (!GTK_IS_LABEL (widget))
    return FALSE;
  if (nth->index == 0)
    return TRUE;
  nth->index--;
  return FALSE;
}

/* The label @index (from 0) of @root's tree, in reading order, for the lines
 * of text that have no name of their own (a card's title, its
 * prescription); a test fails when there are fewer. */
GtkLabel *
get_label_at (GtkWidget *root,
              guint      index)
{
  NthLabel nth = { index };
  GtkWidget *found = find_widget (root, is_nth_label, &nth);

  if (found == NULL)
    g_error ("No label %u under %s", index, G_OBJECT_TYPE_NAME (root));
  return GTK_LABEL (found);
}

/* The visible top-level window of @type (a dialog the view opened), or
 * %NULL. */
GtkWindow *
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (g_type_is_a (G_OBJECT_TYPE (window), type) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return GTK_WINDOW (window);
    }

  return NULL;
}

/* The visible message dialog with @heading, or any when @heading is %NULL;
 * the others are written to the test log. */
AdwMessageDialog *
find_message_dialog (const char *heading)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);
      AdwMessageDialog *dialog;

      if (!ADW_IS_MESSAGE_DIALOG (window) || !gtk_widget_get_visible (GTK_WIDGET (window)))
        continue;

      dialog = ADW_MESSAGE_DIALOG (window);
      if (heading == NULL || g_strcmp0 (adw_message_dialog_get_heading (dialog), heading) == 0)
        return dialog;
      g_test_message ("dialog: %s: %s", adw_message_dialog_get_heading (dialog),
                      adw_message_dialog_get_body (dialog));
    }

  return NULL;
}

/* The dialog with @heading, waited for up to five seconds. */
AdwMessageDialog *
wait_for_dialog (const char *heading)
{
  for (guint i = 0; i < 500; i++)
    {
      AdwMessageDialog *dialog;

      g_main_context_iteration (NULL, FALSE);
      dialog = find_message_dialog (heading);
      if (dialog != NULL)
        return dialog;
      g_usleep (10000);
    }

  g_error ("no dialog “%s”", heading);
}

/* As a click does: answer, and the dialog closes. */
void
answer (AdwMessageDialog *dialog,
        const char       *response)
{
  adw_message_dialog_response (dialog, response);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/**
 * patella_test_app_new:
 * @notifier: (nullable): a notifier to use instead of the desktop's
 *
 * The one application of a GUI test run, registered as a real session's
 * would be (not unique, so that runs side by side do not meet). The
 * #PatellaAppFixture functions use it.
 */
PatellaApplication *
patella_test_app_new (PatellaNotifier *notifier)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *startup_db = NULL;
  PatellaApplication *app = patella_application_new ();

  g_assert_null (test_app);
  /* tests/meson.build gives the tests a home of their own; the database the
   * application opens at start-up is in a folder of this program's own. */
  g_assert_nonnull (g_getenv ("XDG_DATA_HOME"));
  g_assert_null (g_getenv ("PATELLA_DB"));
  startup_dir = patella_test_make_dir ();
  startup_db = g_build_filename (startup_dir, "patella.db", NULL);
  g_setenv ("PATELLA_DB", startup_db, TRUE);
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  g_unsetenv ("PATELLA_DB");
  if (notifier != NULL)
    patella_application_set_notifier (app, notifier);

  test_app = app;
  g_object_add_weak_pointer (G_OBJECT (app), (gpointer *) &test_app);
  return app;
}

PatellaApplication *
patella_test_gui_init (int               *argc,
                       char            ***argv,
                       PatellaNotifier   *notifier)
{
  gtk_test_init (argc, argv, NULL);
  return patella_test_app_new (notifier);
}

/* The same on a fake clock at @now, made the default and kept in @clock,
 * with a recording notifier; patella_test_gui_run() releases both. */
PatellaApplication *
patella_test_gui_init_at (int               *argc,
                          char            ***argv,
                          gint64             now,
                          PatellaClock     **clock)
{
  g_autoptr(PatellaNotifier) notifier = patella_recording_notifier_new ();

  g_assert_null (gui_clock);
  *clock = patella_clock_new_fake (now);
  patella_clock_set_default (*clock);
  gui_clock = clock;
  return patella_test_gui_init (argc, argv, notifier);
}

int
patella_test_gui_run (PatellaApplication **app)
{
  int status = g_test_run ();

  g_clear_object (app);
  if (startup_dir != NULL)
    {
      patella_test_remove_dir (startup_dir);
      g_clear_pointer (&startup_dir, g_free);
    }
  if (gui_clock != NULL)
    {
      patella_clock_set_default (NULL);
      g_clear_object (gui_clock);
      gui_clock = NULL;
    }
  return status;
}

/* The folder and PATELLA_DB only, for a test that writes the file first. */
void
patella_app_fixture_prepare (PatellaAppFixture *fixture)
{
  g_assert_nonnull (test_app);

  fixture->dir = patella_test_make_dir ();
  fixture->db = g_build_filename (fixture->dir, "patella.db", NULL);
  g_setenv ("PATELLA_DB", fixture->db, TRUE);
  fixture->app = test_app;
}

void
patella_app_fixture_set_up (PatellaAppFixture *fixture,
                            gconstpointer      data)
{
  patella_app_fixture_prepare (fixture);
  patella_application_reopen_store (fixture->app, NULL);
}

/* The same, with @sql (nullable) run on the database first: the rows a
 * test starts from, given as the test's data. */
void
patella_app_fixture_set_up_sql (PatellaAppFixture *fixture,
                                gconstpointer      sql)
{
  patella_app_fixture_set_up (fixture, sql);
  if (sql != NULL)
    {
      patella_test_db_exec (fixture->db, sql);
      patella_application_reopen_store (fixture->app, NULL);
    }
}

/* Closes every window the test left open, then removes the folder. */
void
patella_app_fixture_tear_down (PatellaAppFixture *fixture,
                               gconstpointer      data)
{
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (fixture->app));

  for (GList *l = g_list_copy (windows); l != NULL; l = g_list_delete_link (l, l))
    gtk_window_destroy (l->data);
  flush_events ();

  patella_test_remove_dir (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->db);
  g_unsetenv ("PATELLA_DB");
}

PatellaWindow *
patella_app_fixture_open_window (PatellaAppFixture *fixture)
{
  PatellaWindow *window = patella_window_new (fixture->app);

  gtk_window_present (GTK_WINDOW (window));
  flush_events ();
  return window;
}

/* A context over a new database at @now_us on the fake clock, and an empty
 * window with its toast overlay, not yet shown. */
void
patella_page_fixture_open (PatellaPageFixture *fixture,
                           gint64              now_us)
{
  g_autoptr(GSettingsBackend) backend = g_memory_settings_backend_new ();
  g_autoptr(GError) error = NULL;

  fixture->dir = patella_test_make_dir ();
  fixture->db = g_build_filename (fixture->dir, "patella.db", NULL);
  fixture->clock = patella_clock_new_fake (now_us);
  fixture->notifier = patella_recording_notifier_new ();
  fixture->settings = g_settings_new_with_backend (BASE_ID, backend);
  fixture->context = patella_context_new (fixture->clock, fixture->settings, fixture->notifier);
  g_assert_true (patella_context_open_store (fixture->context, fixture->db, &error));
  g_assert_no_error (error);

  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, 900, 700);
  fixture->overlay = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->overlay));
}

void
patella_page_fixture_set_up (PatellaPageFixture *fixture,
                             gconstpointer       data)
{
  patella_page_fixture_open (fixture, PATELLA_TEST_NOW_US);
}

/* Puts @page (floating or not) in the overlay and shows the window. */
void
patella_page_fixture_show (PatellaPageFixture *fixture,
                           GtkWidget          *page)
{
  adw_toast_overlay_set_child (fixture->overlay, page);
  gtk_window_present (fixture->window);
  flush_events ();
}

/* Destroys the window and the view in it; the context and the store must
 * then go, or something kept them. */
void
patella_page_fixture_tear_down (PatellaPageFixture *fixture,
                                gconstpointer       data)
{
  gtk_window_destroy (fixture->window);
  flush_events ();

  patella_context_close_store (fixture->context);
  g_assert_finalize_object (fixture->context);
  g_clear_object (&fixture->settings);
  g_clear_object (&fixture->notifier);
  g_clear_object (&fixture->clock);
  patella_test_remove_dir (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->db);
}

static void
command_read_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  GDataInputStream *input = G_DATA_INPUT_STREAM (source);
  g_autofree char *line = g_data_input_stream_read_line_finish (input, result, NULL, NULL);
  g_autofree char *answer = NULL;
  gboolean done = TRUE;
  gint64 seconds;

  if (line == NULL || g_str_equal (line, "quit"))
    {
      g_application_quit (G_APPLICATION (driven.app));
      return;
    }

  if (sscanf (line, "advance %" G_GINT64_FORMAT, &seconds) == 1)
    patella_clock_advance (driven.clock, seconds * G_USEC_PER_SEC);
  else if (driven.command != NULL)
    done = driven.command (driven.app, line, &answer);

  /* Let the application react before the test looks. */
  for (guint i = 0; i < 20; i++)
    while (g_main_context_iteration (NULL, FALSE))
      ;
  if (done && answer != NULL)
    printf ("ok %s\n", answer);
  else
    printf (done ? "ok\n" : "failed\n");
  fflush (stdout);

  g_data_input_stream_read_line_async (input, G_PRIORITY_DEFAULT, NULL, command_read_cb, NULL);
}

/**
 * patella_test_run_driven_app:
 * @command: (nullable): the helper's own commands
 *
 * Returns: the application's exit status
 */
int
patella_test_run_driven_app (int                     argc,
                             char                  **argv,
                             PatellaTestCommandFunc  command)
{
  g_autoptr(GInputStream) raw = g_unix_input_stream_new (0, FALSE);
  g_autoptr(GDataInputStream) input = g_data_input_stream_new (raw);
  g_autoptr(GDateTime) start = NULL;
  const char *now = g_getenv ("PATELLA_TEST_NOW");
  int status;

  g_assert_nonnull (now);
  start = g_date_time_new_from_iso8601 (now, NULL);
  g_assert_nonnull (start);

  driven.clock = patella_clock_new_fake (g_date_time_to_unix (start) * G_USEC_PER_SEC);
  driven.command = command;
  patella_clock_set_default (driven.clock);

  driven.app = patella_application_new ();
  g_data_input_stream_read_line_async (input, G_PRIORITY_DEFAULT, NULL, command_read_cb, NULL);

  status = g_application_run (G_APPLICATION (driven.app), argc, argv);

  g_clear_object (&driven.app);
  patella_clock_set_default (NULL);
  g_clear_object (&driven.clock);

  return status;
}
