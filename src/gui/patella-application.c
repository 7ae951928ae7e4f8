/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "patella-application"

#include "config.h"

#include <glib/gi18n.h>

#include "patella-accessible.h"
#include "patella-application.h"
#include "patella-autostart.h"
#include "patella-data-actions.h"
#include "patella-import-folder.h"
#include "patella-guidance-window.h"
#include "patella-libnotify-notifier.h"
#include "patella-preferences-window.h"
#include "patella-reminder-service.h"
#include "patella-report-dialog.h"
#include "patella-check-in.h"
#include "patella-timer.h"
#include "patella-walk-run.h"
#include "patella-window.h"

struct _PatellaApplication
{
  AdwApplication   parent_instance;

  PatellaContext         *context;
  GSettings              *settings;     /* the context's, kept for brevity */
  PatellaTimer           *ice_timer;    /* the context's, followed for holding */
  PatellaWalkRun         *walk_run;
  gboolean                held_for_walk_run;
  PatellaNotifier        *pending_notifier; /* set before start-up, by tests */

  gboolean                held_for_reminders;
  gboolean                held_for_timer;
  gboolean                start_in_background;
  gboolean                quitting;
};

static void start_at_login_changed_cb (PatellaApplication *self);

G_DEFINE_FINAL_TYPE (PatellaApplication, patella_application, ADW_TYPE_APPLICATION)

/* The main window, even while Preferences or Guidance is the active one. */
static PatellaWindow *
get_window (PatellaApplication *self)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    if (PATELLA_IS_WINDOW (l->data))
      return PATELLA_WINDOW (l->data);

  return NULL;
}

static PatellaWindow *
ensure_window (PatellaApplication *self)
{
  PatellaWindow *window = get_window (self);

  if (window == NULL)
    window = patella_window_new (self);

  return window;
}

static void
quit_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  PatellaApplication *self = user_data;
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (self));

  self->quitting = TRUE;

  /* Closing through the windows lets each one save what is being edited. */
  for (GList *l = g_list_copy (windows); l != NULL; l = g_list_delete_link (l, l))
    gtk_window_close (l->data);

  /* A window with a change it could not save stays open and asks; Patella
   * quits when the last window goes. */
  if (gtk_application_get_windows (GTK_APPLICATION (self)) != NULL)
    return;

  g_application_quit (G_APPLICATION (self));
}

static void
window_removed_cb (PatellaApplication *self,
                   GtkWindow          *window,
                   gpointer            user_data)
{
  if (self->quitting && gtk_application_get_windows (GTK_APPLICATION (self)) == NULL)
    g_application_quit (G_APPLICATION (self));
}

static void
preferences_activated (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  PatellaApplication *self = user_data;
  PatellaWindow *window = ensure_window (self);
  PatellaPreferencesWindow *prefs = patella_preferences_window_new (GTK_WINDOW (window),
                                                                    self->context);

  gtk_window_present (GTK_WINDOW (window));
  gtk_window_present (GTK_WINDOW (prefs));
}

/* The report for a clinician (patella-report-dialog.c). */
static void
clinician_report_activated (GSimpleAction *action,
                            GVariant      *parameter,
                            gpointer       user_data)
{
  PatellaApplication *self = user_data;
  PatellaWindow *window = ensure_window (self);
  PatellaStore *store = patella_context_get_store (self->context);

  gtk_window_present (GTK_WINDOW (window));
  if (store != NULL)
    gtk_window_present (GTK_WINDOW (patella_report_dialog_new (GTK_WINDOW (window), store,
                                                               self->settings)));
}

static void
guidance_activated (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  PatellaApplication *self = user_data;
  PatellaWindow *window = ensure_window (self);

  gtk_window_present (GTK_WINDOW (window));
  gtk_window_present (GTK_WINDOW (patella_guidance_window_new (GTK_WINDOW (window))));
}

static void
about_activated (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  PatellaApplication *self = user_data;
  PatellaWindow *window = ensure_window (self);
  static const char *developers[] = { "The Patella developers", NULL };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", window,
                        "modal", TRUE,
                        "application-name", _("Patella"),
                        "application-icon", APP_ID,
                        "version", VERSION,
                        "developer-name", _("The Patella developers"),
                        "developers", developers,
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "website", "https://github.com/patella/patella",
                        "issue-url", "https://github.com/patella/patella/issues",
                        "comments", _("A recovery companion for runner’s knee: a pain journal, "
                                      "exercise and icing timers, and shoe mileage.\n\n"
                                      "Patella does not replace a clinician. Get urgent care the "
                                      "same day when the knee locks, cannot take weight, is very "
                                      "swollen, hot and red, or hurts after a fall or twist with "
                                      "a pop. See a GP or physiotherapist within days for "
                                      "swelling, a knee that gives way, or pain that has not "
                                      "improved two weeks after it began."),
                        /* Translators: replace with your names, one per line */
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static void
show_view_activated (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  PatellaApplication *self = user_data;
  PatellaWindow *window = ensure_window (self);

  patella_window_show_view (window, g_variant_get_string (parameter, NULL));
  gtk_window_present (GTK_WINDOW (window));
}

/* Holds the application once while @running; @held is whether it does. */
static void
hold_while (PatellaApplication *self,
            gboolean            running,
            gboolean           *held)
{
  if (running && !*held)
    g_application_hold (G_APPLICATION (self));
  else if (!running && *held)
    g_application_release (G_APPLICATION (self));
  *held = running;
}

/* A running icing timer keeps the application alive with its window closed,
 * so that "done" still arrives. */
static void
ice_timer_state_changed_cb (PatellaApplication *self)
{
  hold_while (self,
              self->ice_timer != NULL &&
              patella_timer_get_state (self->ice_timer) == PATELLA_TIMER_RUNNING,
              &self->held_for_timer);
}

/* So does a walk/run session: its end is told with the window closed. */
static void
walk_run_state_changed_cb (PatellaApplication *self)
{
  hold_while (self,
              self->walk_run != NULL &&
              patella_walk_run_get_state (self->walk_run) == PATELLA_WALK_RUN_RUNNING,
              &self->held_for_walk_run);
}

static void
start_icing_activated (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  PatellaApplication *self = user_data;
  PatellaWindow *window = ensure_window (self);
  g_autoptr(GError) error = NULL;
  int minutes = patella_context_get_ice_minutes (self->context);

  patella_window_show_view (window, "timers");
  gtk_window_present (GTK_WINDOW (window));

  if (self->ice_timer != NULL && !patella_timer_is_active (self->ice_timer) &&
      !patella_timer_start (self->ice_timer, minutes, &error))
    patella_window_add_toast (window, adw_toast_new (error->message));
}

/* The recovery plan's window, from anywhere (a script, a screenshot). */
static void
plan_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  PatellaApplication *self = user_data;
  PatellaWindow *window = ensure_window (self);

  gtk_window_present (GTK_WINDOW (window));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.plan", NULL);
}

/* A click on a notification other than a reminder (the reminder service
 * answers those) opens the place it is about. */
static void
notification_action_invoked_cb (PatellaApplication *self,
                                const char         *id,
                                const char         *action)
{
  PatellaWindow *window;
  gint64 shoe_id;

  if (!g_str_equal (action, "default"))
    return;

  if (g_str_has_prefix (id, "icing-done:") || g_str_has_prefix (id, "exercise-"))
    {
      g_action_group_activate_action (G_ACTION_GROUP (self), "show-view",
                                      g_variant_new_string ("timers"));
    }
  else if ((g_str_has_prefix (id, "shoe-warn:") || g_str_has_prefix (id, "shoe-replace:")) &&
           g_ascii_string_to_signed (strchr (id, ':') + 1, 10, 1, G_MAXINT64, &shoe_id, NULL))
    {
      window = ensure_window (self);
      patella_window_show_view (window, "shoes");
      gtk_window_present (GTK_WINDOW (window));
      gtk_widget_activate_action (GTK_WIDGET (patella_window_get_shoes_page (window)),
                                  "shoes.open-shoe", "x", shoe_id);
    }
}

static void
notifier_changed_cb (PatellaApplication *self)
{
  PatellaNotifier *notifier = patella_context_get_notifier (self->context);

  if (notifier != NULL)
    g_signal_connect_object (notifier, "action-invoked",
                             G_CALLBACK (notification_action_invoked_cb), self,
                             G_CONNECT_SWAPPED);
}

static const GActionEntry app_entries[] = {
  { "start-icing", start_icing_activated },
  { "plan", plan_activated },
  { "quit", quit_activated },
  { "preferences", preferences_activated },
  { "about", about_activated },
  { "guidance", guidance_activated },
  { "clinician-report", clinician_report_activated },
  { "show-view", show_view_activated, "s" },
};

static void
reminder_start_requested_cb (PatellaApplication *self)
{
  if (g_action_map_lookup_action (G_ACTION_MAP (self), "start-icing") != NULL)
    g_action_group_activate_action (G_ACTION_GROUP (self), "start-icing", NULL);
  else
    g_action_group_activate_action (G_ACTION_GROUP (self), "show-view",
                                    g_variant_new_string ("timers"));
}

static void
reminder_open_requested_cb (PatellaApplication *self)
{
  g_action_group_activate_action (G_ACTION_GROUP (self), "show-view",
                                  g_variant_new_string ("timers"));
}

/* "Change Shoe" on an imported run's notification: its editor. */
static void
import_folder_change_shoe_cb (PatellaApplication *self,
                              gint64              run_id)
{
  PatellaWindow *window = ensure_window (self);

  gtk_window_present (GTK_WINDOW (window));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.edit-run", "x", run_id);
}

/* Reminders and an import folder keep Patella running with its window
 * closed. */
static void
update_hold (PatellaApplication *self)
{
  g_autofree char *folder = self->settings != NULL
                            ? g_settings_get_string (self->settings, "import-folder") : NULL;
  gboolean want = patella_context_get_reminders (self->context) != NULL && self->settings != NULL &&
                  (g_settings_get_boolean (self->settings, "reminders-enabled") ||
                   (folder != NULL && folder[0] != '\0'));

  if (want == self->held_for_reminders)
    return;

  self->held_for_reminders = want;
  if (want)
    g_application_hold (G_APPLICATION (self));
  else
    g_application_release (G_APPLICATION (self));
}

/* The morning check-in's day, opened in the journal. */
static void
check_in_open_day_cb (PatellaApplication *self,
                      const char         *day)
{
  PatellaWindow *window = ensure_window (self);

  gtk_window_present (GTK_WINDOW (window));
  gtk_widget_activate_action_variant (GTK_WIDGET (window), "win.open-day",
                                      g_variant_new_string (day));
}

/* The context replaced its background services: follow them. */
static void
services_changed_cb (PatellaApplication *self)
{
  PatellaReminderService *reminders = patella_context_get_reminders (self->context);
  PatellaCheckInService *check_in = patella_context_get_check_in (self->context);
  PatellaImportFolder *import_folder = patella_context_get_import_folder (self->context);

  if (import_folder != NULL)
    g_signal_connect_object (import_folder, "change-shoe-requested",
                             G_CALLBACK (import_folder_change_shoe_cb), self, G_CONNECT_SWAPPED);
  if (reminders != NULL)
    {
      g_signal_connect_object (reminders, "start-requested",
                               G_CALLBACK (reminder_start_requested_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (reminders, "open-requested",
                               G_CALLBACK (reminder_open_requested_cb), self, G_CONNECT_SWAPPED);
    }
  if (check_in != NULL)
    g_signal_connect_object (check_in, "open-day-requested",
                             G_CALLBACK (check_in_open_day_cb), self, G_CONNECT_SWAPPED);

  update_hold (self);
}

/* ... and its timers, which go with the store. */
static void
store_changed_cb (PatellaApplication *self)
{
  PatellaTimer *ice_timer = patella_context_get_ice_timer (self->context);
  PatellaWalkRun *walk_run = patella_context_get_walk_run (self->context);

  if (g_set_object (&self->ice_timer, ice_timer) && ice_timer != NULL)
    g_signal_connect_object (ice_timer, "notify::state",
                             G_CALLBACK (ice_timer_state_changed_cb), self, G_CONNECT_SWAPPED);
  ice_timer_state_changed_cb (self);

  if (g_set_object (&self->walk_run, walk_run) && walk_run != NULL)
    g_signal_connect_object (walk_run, "notify::state",
                             G_CALLBACK (walk_run_state_changed_cb), self, G_CONNECT_SWAPPED);
  walk_run_state_changed_cb (self);
}

static void
open_store (PatellaApplication *self)
{
  if (!patella_context_open_store (self->context, NULL, NULL))
    g_message ("Could not open the database: %s",
               patella_context_get_store_error (self->context)->message);
}

static void
patella_application_startup (GApplication *app)
{
  PatellaApplication *self = PATELLA_APPLICATION (app);
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *prefs_accels[] = { "<Control>comma", NULL };
  static const char *close_accels[] = { "<Control>w", NULL };

  G_APPLICATION_CLASS (patella_application_parent_class)->startup (app);
  patella_accessible_init ();

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_entries,
                                   G_N_ELEMENTS (app_entries), self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  /* Every window and dialog has GtkWindow's window.close. */
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "window.close", close_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.preferences",
                                         prefs_accels);
  patella_data_actions_install (self);

  self->settings = patella_context_load_settings ();
  self->context = patella_context_new (NULL, self->settings, NULL);
  patella_context_set_run_services (self->context, TRUE);
  g_signal_connect_object (self->context, "notify::store",
                           G_CALLBACK (store_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->context, "services-changed",
                           G_CALLBACK (services_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->context, "notify::notifier",
                           G_CALLBACK (notifier_changed_cb), self, G_CONNECT_SWAPPED);
  if (self->settings != NULL)
    {
      g_signal_connect_object (self->settings, "changed::reminders-enabled",
                               G_CALLBACK (update_hold), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->settings, "changed::import-folder",
                               G_CALLBACK (update_hold), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->settings, "changed::start-at-login",
                               G_CALLBACK (start_at_login_changed_cb), self, G_CONNECT_SWAPPED);
    }
  if (self->pending_notifier == NULL)
    self->pending_notifier = patella_libnotify_notifier_new (APP_ID);
  patella_context_set_notifier (self->context, self->pending_notifier);
  g_clear_object (&self->pending_notifier);

  open_store (self);
  patella_data_actions_daily_backup (self);
}

static void
background_request_done_cb (GObject      *source,
                            GAsyncResult *result,
                            gpointer      user_data)
{
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;

  reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (source), result, &error);
  if (reply == NULL)
    g_message ("The Background portal did not answer: %s", error->message);
}

/* Inside Flatpak, starting at login is the Background portal's to grant. */
static void
request_background (PatellaApplication *self,
                    gboolean            autostart)
{
  GDBusConnection *bus = g_application_get_dbus_connection (G_APPLICATION (self));
  g_autoptr(GVariantBuilder) options = g_variant_builder_new (G_VARIANT_TYPE_VARDICT);
  const char *commandline[] = { "patella", "--background", NULL };

  if (bus == NULL)
    return;

  g_variant_builder_add (options, "{sv}", "reason",
                         g_variant_new_string (_("Remind you to ice your knee")));
  g_variant_builder_add (options, "{sv}", "autostart", g_variant_new_boolean (autostart));
  g_variant_builder_add (options, "{sv}", "commandline",
                         g_variant_new_strv (commandline, -1));
  g_variant_builder_add (options, "{sv}", "dbus-activatable", g_variant_new_boolean (FALSE));

  g_dbus_connection_call (bus,
                          "org.freedesktop.portal.Desktop",
                          "/org/freedesktop/portal/desktop",
                          "org.freedesktop.portal.Background",
                          "RequestBackground",
                          g_variant_new ("(sa{sv})", "", options),
                          G_VARIANT_TYPE ("(o)"),
                          G_DBUS_CALL_FLAGS_NONE,
                          -1, NULL,
                          background_request_done_cb, NULL);
}

static void
start_at_login_changed_cb (PatellaApplication *self)
{
  gboolean enabled = g_settings_get_boolean (self->settings, "start-at-login");
  g_autoptr(GError) error = NULL;

  if (patella_autostart_is_sandboxed ())
    request_background (self, enabled);
  else if (!patella_autostart_set_enabled (enabled, &error))
    g_message ("Could not change starting at login: %s", error->message);
}

static int
patella_application_handle_local_options (GApplication *app,
                                          GVariantDict *options)
{
  PatellaApplication *self = PATELLA_APPLICATION (app);
  g_autoptr(GError) error = NULL;

  if (!g_variant_dict_contains (options, "background"))
    return -1;

  /* Already running: there is nothing more to start. */
  if (!g_application_register (app, NULL, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  if (g_application_get_is_remote (app))
    return 0;

  self->start_in_background = TRUE;
  return -1;
}

static void
patella_application_activate (GApplication *app)
{
  PatellaApplication *self = PATELLA_APPLICATION (app);

  /* Started at login for reminders: no window until the user asks. */
  if (self->start_in_background)
    {
      self->start_in_background = FALSE;
      if (self->held_for_reminders)
        return;
    }

  gtk_window_present (GTK_WINDOW (ensure_window (self)));
}

static void
patella_application_dispose (GObject *object)
{
  PatellaApplication *self = (PatellaApplication *)object;

  g_clear_object (&self->ice_timer);
  g_clear_object (&self->walk_run);
  g_clear_object (&self->pending_notifier);
  g_clear_object (&self->context);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (patella_application_parent_class)->dispose (object);
}

static void
patella_application_class_init (PatellaApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = patella_application_dispose;

  app_class->startup = patella_application_startup;
  app_class->activate = patella_application_activate;
  app_class->handle_local_options = patella_application_handle_local_options;
}

static void
patella_application_init (PatellaApplication *self)
{
  static const GOptionEntry entries[] = {
    { "background", 0, 0, G_OPTION_ARG_NONE, NULL,
      N_("Start without a window, to keep icing reminders coming"), NULL },
    { NULL }
  };

  g_application_add_main_option_entries (G_APPLICATION (self), entries);
  g_signal_connect (self, "window-removed", G_CALLBACK (window_removed_cb), NULL);
}

PatellaApplication *
patella_application_new (void)
{
  return g_object_new (PATELLA_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       "resource-base-path", "/io/github/patella/Patella",
                       NULL);
}

/**
 * patella_application_get_context:
 *
 * Returns: (transfer none) (nullable): what the application shares with its
 *   windows; %NULL before start-up
 */
PatellaContext *
patella_application_get_context (PatellaApplication *self)
{
  g_return_val_if_fail (PATELLA_IS_APPLICATION (self), NULL);

  return self->context;
}

gboolean
patella_application_reopen_store (PatellaApplication  *self,
                                  GError             **error)
{
  g_return_val_if_fail (PATELLA_IS_APPLICATION (self), FALSE);

  return patella_context_open_store (self->context, NULL, error);
}

/**
 * patella_application_start_fresh:
 * @moved_to: (out) (optional): where the unreadable file was moved
 *
 * Moves an unreadable database aside, keeping it, and opens a new one.
 */
gboolean
patella_application_start_fresh (PatellaApplication  *self,
                                 char               **moved_to,
                                 GError             **error)
{
  g_autofree char *path = patella_store_get_default_path ();

  g_return_val_if_fail (PATELLA_IS_APPLICATION (self), FALSE);
  g_return_val_if_fail (patella_context_get_store (self->context) == NULL, FALSE);

  if (!patella_store_move_aside (path, patella_context_get_clock (self->context), moved_to, error))
    return FALSE;

  return patella_application_reopen_store (self, error);
}

/* Quit was chosen: windows close without asking. */
gboolean
patella_application_get_quitting (PatellaApplication *self)
{
  g_return_val_if_fail (PATELLA_IS_APPLICATION (self), FALSE);

  return self->quitting;
}

/* For tests: a recording notifier instead of the desktop's, before or
 * after start-up. */
void
patella_application_set_notifier (PatellaApplication *self,
                                  PatellaNotifier    *notifier)
{
  g_return_if_fail (PATELLA_IS_APPLICATION (self));

  if (self->context == NULL)
    g_set_object (&self->pending_notifier, notifier);
  else
    patella_context_set_notifier (self->context, notifier);
}
