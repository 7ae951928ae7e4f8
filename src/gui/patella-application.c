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
#include "patella-settings.h"
#include "patella-check-in.h"
#include "patella-timer.h"
#include "patella-walk-run.h"
#include "patella-window.h"

struct _PatellaApplication
{
  AdwApplication   parent_instance;

  GSettings              *settings;
  PatellaClock           *clock;
  PatellaStore           *store;
  GError                 *store_error;
  PatellaNotifier        *notifier;
  PatellaReminderService *reminders;
  PatellaImportFolder    *import_folder;
  PatellaTimer           *ice_timer;
  PatellaWalkRun         *walk_run;
  PatellaCheckInService  *check_in;
  gboolean                held_for_walk_run;

  gboolean                held_for_reminders;
  gboolean                held_for_timer;
  gboolean                start_in_background;
  gboolean                quitting;
};

static void start_at_login_changed_cb (PatellaApplication *self);

G_DEFINE_FINAL_TYPE (PatellaApplication, patella_application, ADW_TYPE_APPLICATION)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

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
  PatellaPreferencesWindow *prefs = patella_preferences_window_new (GTK_WINDOW (window));

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
  PatellaStore *store = patella_application_get_store (self);

  gtk_window_present (GTK_WINDOW (window));
  if (store != NULL)
    gtk_window_present (GTK_WINDOW (patella_report_dialog_new (GTK_WINDOW (window), store,
                                                               patella_application_get_settings (self))));
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

/* A running icing timer keeps the application alive with its window closed,
 * so that "done" still arrives. */
static void
ice_timer_state_changed_cb (PatellaApplication *self)
{
  gboolean running = patella_timer_get_state (self->ice_timer) == PATELLA_TIMER_RUNNING;

  if (running && !self->held_for_timer)
    g_application_hold (G_APPLICATION (self));
  else if (!running && self->held_for_timer)
    g_application_release (G_APPLICATION (self));
  self->held_for_timer = running;
}

/* So does a walk/run session: its end is told with the window closed. */
static void
walk_run_state_changed_cb (PatellaApplication *self)
{
  gboolean running = patella_walk_run_get_state (self->walk_run) == PATELLA_WALK_RUN_RUNNING;

  if (running && !self->held_for_walk_run)
    g_application_hold (G_APPLICATION (self));
  else if (!running && self->held_for_walk_run)
    g_application_release (G_APPLICATION (self));
  self->held_for_walk_run = running;
}

static void
start_icing_activated (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  PatellaApplication *self = user_data;
  PatellaWindow *window = ensure_window (self);
  g_autoptr(GError) error = NULL;
  int minutes = self->settings != NULL ? g_settings_get_int (self->settings, "ice-minutes") : 15;

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
connect_notifier (PatellaApplication *self)
{
  g_signal_connect_object (self->notifier, "action-invoked",
                           G_CALLBACK (notification_action_invoked_cb), self, G_CONNECT_SWAPPED);
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
  gboolean want = self->reminders != NULL && self->settings != NULL &&
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

static void
start_reminders (PatellaApplication *self)
{
  g_clear_object (&self->reminders);
  g_clear_object (&self->check_in);
  g_clear_object (&self->import_folder);

  if (self->store != NULL && !patella_store_is_read_only (self->store))
    {
      self->import_folder = patella_import_folder_new (self->store, self->notifier,
                                                       self->settings);
      g_signal_connect_object (self->import_folder, "change-shoe-requested",
                               G_CALLBACK (import_folder_change_shoe_cb), self,
                               G_CONNECT_SWAPPED);
      self->reminders = patella_reminder_service_new (self->store, self->notifier,
                                                      self->settings);
      g_signal_connect_object (self->reminders, "start-requested",
                               G_CALLBACK (reminder_start_requested_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (self->reminders, "open-requested",
                               G_CALLBACK (reminder_open_requested_cb), self,
                               G_CONNECT_SWAPPED);
      self->check_in = patella_check_in_service_new (self->store, self->notifier, self->settings);
      g_signal_connect_object (self->check_in, "open-day-requested",
                               G_CALLBACK (check_in_open_day_cb), self, G_CONNECT_SWAPPED);
    }

  update_hold (self);
}

static void
open_store (PatellaApplication *self)
{
  g_clear_error (&self->store_error);
  g_clear_object (&self->reminders);
  g_clear_object (&self->check_in);
  g_clear_object (&self->import_folder);
  g_clear_object (&self->store);

  self->store = patella_store_open (NULL, self->clock, &self->store_error);
  if (self->store == NULL)
    g_message ("Could not open the database: %s", self->store_error->message);
  else
    {
      patella_store_watch (self->store);
      /* A save refused by another program's lock is tried again by the
       * editor: the window must not freeze waiting for it. */
      patella_store_set_busy_timeout (self->store, 250);
    }

  g_clear_object (&self->ice_timer);
  if (self->held_for_timer)
    g_application_release (G_APPLICATION (self));
  self->held_for_timer = FALSE;
  if (self->store != NULL)
    {
      self->ice_timer = patella_timer_new (self->store, self->notifier);
      patella_timer_set_auto_tick (self->ice_timer, TRUE);
      g_signal_connect_object (self->ice_timer, "notify::state",
                               G_CALLBACK (ice_timer_state_changed_cb), self, G_CONNECT_SWAPPED);
      ice_timer_state_changed_cb (self);
    }

  g_clear_object (&self->walk_run);
  if (self->held_for_walk_run)
    g_application_release (G_APPLICATION (self));
  self->held_for_walk_run = FALSE;
  if (self->store != NULL)
    {
      g_autoptr(GError) error = NULL;

      self->walk_run = patella_walk_run_new (self->store, self->notifier);
      if (!patella_walk_run_restore (self->walk_run, &error))
        g_message ("Could not restore the walk/run session: %s", error->message);
      patella_walk_run_set_auto_tick (self->walk_run, TRUE);
      g_signal_connect_object (self->walk_run, "notify::state",
                               G_CALLBACK (walk_run_state_changed_cb), self, G_CONNECT_SWAPPED);
      walk_run_state_changed_cb (self);
    }

  start_reminders (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
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

  self->settings = patella_settings_new ();
  if (self->settings != NULL)
    {
      g_signal_connect_object (self->settings, "changed::reminders-enabled",
                               G_CALLBACK (update_hold), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->settings, "changed::import-folder",
                               G_CALLBACK (update_hold), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->settings, "changed::start-at-login",
                               G_CALLBACK (start_at_login_changed_cb), self, G_CONNECT_SWAPPED);
    }
  if (self->notifier == NULL)
    {
      self->notifier = patella_libnotify_notifier_new (APP_ID);
      connect_notifier (self);
    }

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

  g_clear_object (&self->reminders);
  g_clear_object (&self->import_folder);
  g_clear_object (&self->ice_timer);
  g_clear_object (&self->walk_run);
  g_clear_object (&self->notifier);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_clear_object (&self->clock);

  G_OBJECT_CLASS (patella_application_parent_class)->dispose (object);
}

static void
patella_application_finalize (GObject *object)
{
  PatellaApplication *self = (PatellaApplication *)object;

  g_clear_error (&self->store_error);

  G_OBJECT_CLASS (patella_application_parent_class)->finalize (object);
}

static void
patella_application_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  PatellaApplication *self = PATELLA_APPLICATION (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
patella_application_class_init (PatellaApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = patella_application_dispose;
  object_class->finalize = patella_application_finalize;
  object_class->get_property = patella_application_get_property;

  app_class->startup = patella_application_startup;
  app_class->activate = patella_application_activate;
  app_class->handle_local_options = patella_application_handle_local_options;

  /**
   * PatellaApplication:store:
   *
   * The open database, or %NULL when it could not be opened.
   */
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         PATELLA_TYPE_STORE,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
patella_application_init (PatellaApplication *self)
{
  static const GOptionEntry entries[] = {
    { "background", 0, 0, G_OPTION_ARG_NONE, NULL,
      N_("Start without a window, to keep icing reminders coming"), NULL },
    { NULL }
  };

  self->clock = g_object_ref (patella_clock_get_default ());
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
 * patella_application_get_store:
 *
 * Returns: (transfer none) (nullable): the database, or %NULL when it could not
 *   be opened (see patella_application_get_store_error())
 */
PatellaStore *
patella_application_get_store (PatellaApplication *self)
{
  g_return_val_if_fail (PATELLA_IS_APPLICATION (self), NULL);

  return self->store;
}

const GError *
patella_application_get_store_error (PatellaApplication *self)
{
  g_return_val_if_fail (PATELLA_IS_APPLICATION (self), NULL);

  return self->store_error;
}

gboolean
patella_application_reopen_store (PatellaApplication  *self,
                                  GError             **error)
{
  g_return_val_if_fail (PATELLA_IS_APPLICATION (self), FALSE);

  open_store (self);
  if (self->store == NULL)
    {
      g_propagate_error (error, g_error_copy (self->store_error));
      return FALSE;
    }

  return TRUE;
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
  g_return_val_if_fail (self->store == NULL, FALSE);

  if (!patella_store_move_aside (path, self->clock, moved_to, error))
    return FALSE;

  return patella_application_reopen_store (self, error);
}

PatellaNotifier *
patella_application_get_notifier (PatellaApplication *self)
{
  g_return_val_if_fail (PATELLA_IS_APPLICATION (self), NULL);

  return self->notifier;
}

/* For tests: a recording notifier instead of the desktop's. */
void
patella_application_set_notifier (PatellaApplication *self,
                                  PatellaNotifier    *notifier)
{
  g_return_if_fail (PATELLA_IS_APPLICATION (self));
  g_return_if_fail (PATELLA_IS_NOTIFIER (notifier));

  if (self->notifier != NULL)
    g_signal_handlers_disconnect_by_func (self->notifier, notification_action_invoked_cb, self);
  if (g_set_object (&self->notifier, notifier) && self->store != NULL)
    start_reminders (self);
  connect_notifier (self);
  if (self->ice_timer != NULL)
    patella_timer_set_notifier (self->ice_timer, notifier);
  if (self->walk_run != NULL)
    patella_walk_run_set_notifier (self->walk_run, notifier);
}

/* Quit was chosen: windows close without asking. */
gboolean
patella_application_get_quitting (PatellaApplication *self)
{
  g_return_val_if_fail (PATELLA_IS_APPLICATION (self), FALSE);

  return self->quitting;
}

/**
 * patella_application_get_reminders:
 *
 * Returns: (transfer none) (nullable): the reminder service, %NULL when the
 *   database cannot be written
 */
PatellaReminderService *
patella_application_get_reminders (PatellaApplication *self)
{
  g_return_val_if_fail (PATELLA_IS_APPLICATION (self), NULL);

  return self->reminders;
}

/**
 * patella_application_get_ice_timer:
 *
 * Returns: (transfer none) (nullable): the icing timer, %NULL without a database
 */
PatellaTimer *
patella_application_get_ice_timer (PatellaApplication *self)
{
  g_return_val_if_fail (PATELLA_IS_APPLICATION (self), NULL);

  return self->ice_timer;
}

/**
 * patella_application_get_walk_run:
 *
 * Returns: (transfer none) (nullable): the walk/run timer, %NULL without a database
 */
PatellaWalkRun *
patella_application_get_walk_run (PatellaApplication *self)
{
  g_return_val_if_fail (PATELLA_IS_APPLICATION (self), NULL);

  return self->walk_run;
}

PatellaClock *
patella_application_get_clock (PatellaApplication *self)
{
  g_return_val_if_fail (PATELLA_IS_APPLICATION (self), NULL);

  return self->clock;
}

/**
 * patella_application_get_settings:
 *
 * Returns: (transfer none) (nullable): the settings, %NULL if the schema is missing
 */
GSettings *
patella_application_get_settings (PatellaApplication *self)
{
  g_return_val_if_fail (PATELLA_IS_APPLICATION (self), NULL);

  return self->settings;
}
