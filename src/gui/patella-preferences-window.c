/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "patella-preferences"

#include "config.h"

#include <glib/gi18n.h>

#include "patella-check-in.h"
#include "patella-backup.h"
#include "patella-pickers.h"
#include "patella-preferences-window.h"
#include "patella-reminders.h"
#include "patella-view.h"

struct _PatellaPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  PatellaContext       *context;
  GSettings            *settings;

  AdwComboRow          *unit_row;
  GtkSwitch            *reminders_switch;
  GtkSpinButton        *sessions_spin;
  GtkSpinButton        *minutes_spin;
  AdwEntryRow          *time_rows[PATELLA_REMINDER_MAX_SLOTS];
  AdwPreferencesGroup  *times_group;
  GtkLabel             *times_error_label;
  GtkSwitch            *login_switch;
  GtkSwitch            *sounds_switch;
  AdwActionRow         *import_folder_row;
  GtkButton            *import_folder_button;
  GtkButton            *import_folder_off_button;
  AdwEntryRow          *report_name_row;
  AdwEntryRow          *wake_row;
  GtkLabel             *wake_error_label;
};

G_DEFINE_FINAL_TYPE (PatellaPreferencesWindow, patella_preferences_window,
                     ADW_TYPE_PREFERENCES_WINDOW)

/* The combo row's positions, in the order of the .ui file. */
static const char * const unit_values[] = { "default", "km", "mi" };

static gboolean
unit_get_mapping (GValue   *value,
                  GVariant *variant,
                  gpointer  user_data)
{
  const char *unit = g_variant_get_string (variant, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (unit_values); i++)
    {
      if (g_str_equal (unit, unit_values[i]))
        {
          g_value_set_uint (value, i);
          return TRUE;
        }
    }

  g_value_set_uint (value, 0);
  return TRUE;
}

static GVariant *
unit_set_mapping (const GValue       *value,
                  const GVariantType *expected_type,
                  gpointer            user_data)
{
  guint position = g_value_get_uint (value);

  if (position >= G_N_ELEMENTS (unit_values))
    position = 0;

  return g_variant_new_string (unit_values[position]);
}

static void
show_times (PatellaPreferencesWindow *self)
{
  g_auto(GStrv) times = g_settings_get_strv (self->settings, "ice-times");
  guint count = (guint) g_settings_get_int (self->settings, "ice-sessions-per-day");

  for (guint i = 0; i < PATELLA_REMINDER_MAX_SLOTS; i++)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->time_rows[i]), i < count);
      gtk_editable_set_text (GTK_EDITABLE (self->time_rows[i]),
                             i < g_strv_length (times) ? times[i] : "");
      gtk_widget_remove_css_class (GTK_WIDGET (self->time_rows[i]), "error");
    }

  gtk_widget_set_visible (GTK_WIDGET (self->times_error_label), FALSE);
}

static void
time_row_applied_cb (PatellaPreferencesWindow *self,
                     AdwEntryRow              *row)
{
  guint count = (guint) g_settings_get_int (self->settings, "ice-sessions-per-day");
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) times = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < count; i++)
    {
      g_autofree char *text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->time_rows[i])));

      g_strv_builder_add (builder, g_strstrip (text));
    }
  times = g_strv_builder_end (builder);

  /* Refused times are never stored: the message says what is accepted. */
  if (!patella_reminder_times_validate ((const char * const *) times, count, &error))
    {
      gtk_label_set_text (self->times_error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->times_error_label), TRUE);
      gtk_widget_add_css_class (GTK_WIDGET (row), "error");
      return;
    }

  g_settings_set_strv (self->settings, "ice-times", (const char * const *) times);
}

/* A wake time that is not one is never stored. */
static void
wake_row_applied_cb (PatellaPreferencesWindow *self,
                     AdwEntryRow              *row)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
  g_autoptr(GError) error = NULL;

  if (!patella_check_in_check_wake_time (text, &error))
    {
      gtk_label_set_text (self->wake_error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->wake_error_label), TRUE);
      gtk_widget_add_css_class (GTK_WIDGET (row), "error");
      return;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->wake_error_label), FALSE);
  gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
  g_settings_set_string (self->settings, "wake-time", text);
}

static void
times_changed_cb (PatellaPreferencesWindow *self)
{
  show_times (self);
}

/* A new number of sessions brings its usual times (3: 09, 14, 19 h). */
static void
count_changed_cb (PatellaPreferencesWindow *self)
{
  guint count = (guint) g_settings_get_int (self->settings, "ice-sessions-per-day");
  g_auto(GStrv) times = g_settings_get_strv (self->settings, "ice-times");

  if (g_strv_length (times) != count)
    g_settings_set_strv (self->settings, "ice-times", patella_reminder_default_times (count));
  else
    show_times (self);
}

static void
show_import_folder (PatellaPreferencesWindow *self)
{
  g_autofree char *folder = g_settings_get_string (self->settings, "import-folder");
  gboolean on = folder[0] != '\0';

  if (on)
    {
      g_autofree char *name = g_filename_display_name (folder);

      adw_action_row_set_subtitle (self->import_folder_row, name);
    }
  else
    {
      adw_action_row_set_subtitle (self->import_folder_row,
                                   _("Off: runs come only from files you import"));
    }
  /* Stop hides itself: the focus goes on to Choose, not stays on a button
   * no one sees (Enter would still work it). */
  if (!on && gtk_window_get_focus (GTK_WINDOW (self)) ==
              GTK_WIDGET (self->import_folder_off_button))
    gtk_widget_grab_focus (GTK_WIDGET (self->import_folder_button));
  gtk_widget_set_visible (GTK_WIDGET (self->import_folder_off_button), on);
}

static void
import_folder_chosen_cb (GtkNativeDialog          *chooser,
                         int                       response,
                         PatellaPreferencesWindow *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) folder = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = folder != NULL ? g_file_get_path (folder) : NULL;

      /* Inside Flatpak, the portal's document path is what the grant covers. */
      if (path != NULL)
        g_settings_set_string (self->settings, "import-folder", path);
    }

  g_object_unref (chooser);
  g_object_unref (self);
}

static void
import_folder_choose_clicked_cb (PatellaPreferencesWindow *self)
{
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Choose the Import Folder"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER, _("_Select"),
                                         _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (import_folder_chosen_cb),
                    g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
import_folder_off_clicked_cb (PatellaPreferencesWindow *self)
{
  g_settings_set_string (self->settings, "import-folder", "");
}

/* ----------------------------------------------------------------- backups */

typedef struct
{
  PatellaPreferencesWindow *window;
  char                     *path;
  char                     *day;
} RestoreRequest;

static void
restore_request_free (RestoreRequest *request)
{
  g_object_unref (request->window);
  g_free (request->path);
  g_free (request->day);
  g_free (request);
}

static void
restore_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     gpointer          user_data)
{
  RestoreRequest *request = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *aside = NULL;
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (dialog));
  PatellaStore *store;

  if (!g_str_equal (response, "restore"))
    goto out;

  store = patella_context_get_store (request->window->context);
  if (store == NULL || !patella_backup_restore (store, request->path, &aside, &error))
    {
      GtkWidget *message = adw_message_dialog_new (parent, _("Nothing Was Restored"),
                                                   error != NULL ? error->message
                                                                 : _("The database is not open."));

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (message), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (message));
      goto out;
    }

  {
    g_autofree char *text = g_strdup_printf (_("Restored the backup of %s"), request->day);

    adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (request->window),
                                      adw_toast_new (text));
  }

out:
  restore_request_free (request);
}

static void
restore_clicked_cb (GtkButton *button,
                    gpointer   user_data)
{
  PatellaPreferencesWindow *self = user_data;
  RestoreRequest *request = g_new0 (RestoreRequest, 1);
  GtkWidget *dialog;
  g_autofree char *body = NULL;

  request->window = g_object_ref (self);
  request->path = g_strdup (g_object_get_data (G_OBJECT (button), "path"));
  request->day = g_strdup (g_object_get_data (G_OBJECT (button), "day"));

  body = g_strdup_printf (_("All data will be as it was on %s. The data as it is now is kept "
                            "in a file beside the database."), request->day);
  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (button))),
                                   _("Restore This Backup?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "restore", _("_Restore"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "restore",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "restore");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (restore_response_cb), request);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The Backups group: one row per backup, newest first, each with a Restore
 * button that asks before it restores. */
static GtkWidget *
backup_group_new (PatellaPreferencesWindow *self)
{
  GtkWidget *group = adw_preferences_group_new ();
  PatellaStore *store = patella_context_get_store (self->context);
  g_autoptr(GPtrArray) backups = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *description = NULL;
  g_autofree char *today = NULL;
  g_autofree char *yesterday = NULL;

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Backups"));
  if (store == NULL)
    {
      adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                             _("The database is not open."));
      return group;
    }

  folder = patella_backup_get_folder (patella_store_get_path (store));
  description = g_strdup_printf (_("Patella keeps a copy of each of the last %d days it ran, "
                                   "in %s."), PATELLA_BACKUP_KEEP, folder);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);

  today = patella_clock_get_today (patella_store_get_clock (store));
  {
    g_autoptr(GDateTime) now = patella_clock_get_now_local (patella_store_get_clock (store));
    g_autoptr(GDateTime) before = g_date_time_add_days (now, -1);

    yesterday = g_date_time_format (before, "%Y-%m-%d");
  }

  backups = patella_backup_list (patella_store_get_path (store), NULL);
  if (backups == NULL || backups->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No backups yet"));
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
      return group;
    }

  for (guint i = 0; i < backups->len; i++)
    {
      PatellaBackup *backup = g_ptr_array_index (backups, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *button = gtk_button_new_with_mnemonic (_("_Restore…"));
      g_autofree char *size = g_format_size ((guint64) backup->size);
      g_autofree char *label = g_strdup_printf (_("Restore the backup of %s"), backup->day);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), backup->day);
      if (g_strcmp0 (backup->day, today) == 0)
        {
          g_autofree char *subtitle = g_strdup_printf (_("Today · %s"), size);
          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
        }
      else if (g_strcmp0 (backup->day, yesterday) == 0)
        {
          g_autofree char *subtitle = g_strdup_printf (_("Yesterday · %s"), size);
          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
        }
      else
        {
          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), size);
        }
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      label, -1);
      g_object_set_data_full (G_OBJECT (button), "path", g_strdup (backup->path), g_free);
      g_object_set_data_full (G_OBJECT (button), "day", g_strdup (backup->day), g_free);
      g_signal_connect_object (button, "clicked", G_CALLBACK (restore_clicked_cb), self, 0);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }

  return group;
}

static void
patella_preferences_window_constructed (GObject *object)
{
  PatellaPreferencesWindow *self = PATELLA_PREFERENCES_WINDOW (object);
  AdwPreferencesPage *page = adw_preferences_window_get_visible_page (ADW_PREFERENCES_WINDOW (self));

  G_OBJECT_CLASS (patella_preferences_window_parent_class)->constructed (object);

  if (page != NULL)
    adw_preferences_page_add (page, ADW_PREFERENCES_GROUP (backup_group_new (self)));

  self->settings = patella_context_get_settings (self->context);
  if (self->settings != NULL)
    g_object_ref (self->settings);
  if (self->settings == NULL)
    {
      gtk_widget_set_sensitive (GTK_WIDGET (self), FALSE);
      return;
    }

  g_settings_bind_with_mapping (self->settings, "distance-unit",
                                self->unit_row, "selected",
                                G_SETTINGS_BIND_DEFAULT,
                                unit_get_mapping, unit_set_mapping, NULL, NULL);
  g_settings_bind (self->settings, "reminders-enabled",
                   self->reminders_switch, "active", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "ice-sessions-per-day",
                   self->sessions_spin, "value", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "ice-minutes",
                   self->minutes_spin, "value", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "start-at-login",
                   self->login_switch, "active", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "sounds-enabled",
                   self->sounds_switch, "active", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "reminders-enabled",
                   self->times_group, "sensitive", G_SETTINGS_BIND_GET);
  g_settings_bind (self->settings, "report-name",
                   self->report_name_row, "text", G_SETTINGS_BIND_DEFAULT);

  g_signal_connect_object (self->settings, "changed::ice-times",
                           G_CALLBACK (times_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::ice-sessions-per-day",
                           G_CALLBACK (count_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::import-folder",
                           G_CALLBACK (show_import_folder), self, G_CONNECT_SWAPPED);
  show_times (self);

  {
    g_autofree char *wake = g_settings_get_string (self->settings, "wake-time");

    gtk_editable_set_text (GTK_EDITABLE (self->wake_row), wake);
  }
  show_import_folder (self);
}

static void
patella_preferences_window_dispose (GObject *object)
{
  PatellaPreferencesWindow *self = (PatellaPreferencesWindow *)object;

  g_clear_object (&self->settings);
  g_clear_object (&self->context);
  gtk_widget_dispose_template (GTK_WIDGET (self), PATELLA_TYPE_PREFERENCES_WINDOW);

  G_OBJECT_CLASS (patella_preferences_window_parent_class)->dispose (object);
}

static void
patella_preferences_window_class_init (PatellaPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = patella_preferences_window_constructed;
  object_class->dispose = patella_preferences_window_dispose;

  patella_view_class_install_field (object_class, 1, patella_view_param_spec_context (),
                                    G_STRUCT_OFFSET (PatellaPreferencesWindow, context));

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/patella/Patella/ui/patella-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, PatellaPreferencesWindow, unit_row);
  gtk_widget_class_bind_template_child (widget_class, PatellaPreferencesWindow, reminders_switch);
  gtk_widget_class_bind_template_child (widget_class, PatellaPreferencesWindow, sessions_spin);
  gtk_widget_class_bind_template_child (widget_class, PatellaPreferencesWindow, minutes_spin);
  gtk_widget_class_bind_template_child_full (widget_class, "time_row_1", FALSE,
                                             G_STRUCT_OFFSET (PatellaPreferencesWindow,
                                                              time_rows[0]));
  gtk_widget_class_bind_template_child_full (widget_class, "time_row_2", FALSE,
                                             G_STRUCT_OFFSET (PatellaPreferencesWindow,
                                                              time_rows[1]));
  gtk_widget_class_bind_template_child_full (widget_class, "time_row_3", FALSE,
                                             G_STRUCT_OFFSET (PatellaPreferencesWindow,
                                                              time_rows[2]));
  gtk_widget_class_bind_template_child_full (widget_class, "time_row_4", FALSE,
                                             G_STRUCT_OFFSET (PatellaPreferencesWindow,
                                                              time_rows[3]));
  gtk_widget_class_bind_template_child (widget_class, PatellaPreferencesWindow, times_group);
  gtk_widget_class_bind_template_child (widget_class, PatellaPreferencesWindow, times_error_label);
  gtk_widget_class_bind_template_child (widget_class, PatellaPreferencesWindow, login_switch);
  gtk_widget_class_bind_template_child (widget_class, PatellaPreferencesWindow, sounds_switch);
  gtk_widget_class_bind_template_child (widget_class, PatellaPreferencesWindow, import_folder_row);
  gtk_widget_class_bind_template_child (widget_class, PatellaPreferencesWindow,
                                        import_folder_button);
  gtk_widget_class_bind_template_child (widget_class, PatellaPreferencesWindow,
                                        import_folder_off_button);
  gtk_widget_class_bind_template_child (widget_class, PatellaPreferencesWindow, report_name_row);
  gtk_widget_class_bind_template_callback (widget_class, time_row_applied_cb);
  gtk_widget_class_bind_template_child (widget_class, PatellaPreferencesWindow, wake_row);
  gtk_widget_class_bind_template_child (widget_class, PatellaPreferencesWindow, wake_error_label);
  gtk_widget_class_bind_template_callback (widget_class, wake_row_applied_cb);
  gtk_widget_class_bind_template_callback (widget_class, import_folder_choose_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, import_folder_off_clicked_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK,
                                       "window.close", NULL);
}

static void
patella_preferences_window_init (PatellaPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  for (guint i = 0; i < G_N_ELEMENTS (self->time_rows); i++)
    patella_time_picker_add_to_row (GTK_WIDGET (self->time_rows[i]));
}

PatellaPreferencesWindow *
patella_preferences_window_new (GtkWindow      *parent,
                                PatellaContext *context)
{
  g_return_val_if_fail (PATELLA_IS_CONTEXT (context), NULL);

  return g_object_new (PATELLA_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       "context", context,
                       NULL);
}
