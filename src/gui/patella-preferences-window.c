/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "patella-preferences"

#include "config.h"

#include <glib/gi18n.h>

#include "patella-check-in.h"
#include "patella-data-actions.h"
#include "patella-pickers.h"
#include "patella-preferences-window.h"
#include "patella-reminders.h"
#include "patella-settings.h"

struct _PatellaPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

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

static void
patella_preferences_window_dispose (GObject *object)
{
  PatellaPreferencesWindow *self = (PatellaPreferencesWindow *)object;

  g_clear_object (&self->settings);
  gtk_widget_dispose_template (GTK_WIDGET (self), PATELLA_TYPE_PREFERENCES_WINDOW);

  G_OBJECT_CLASS (patella_preferences_window_parent_class)->dispose (object);
}

static void
patella_preferences_window_class_init (PatellaPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = patella_preferences_window_dispose;

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

  /* Backups, with restore: see patella-data-actions.c. */
  {
    GApplication *app = g_application_get_default ();
    AdwPreferencesPage *page = adw_preferences_window_get_visible_page (ADW_PREFERENCES_WINDOW (self));

    if (page != NULL)
      adw_preferences_page_add (page, ADW_PREFERENCES_GROUP (
        patella_backup_group_new (PATELLA_IS_APPLICATION (app) ? PATELLA_APPLICATION (app) : NULL)));
  }

  self->settings = patella_settings_new ();
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

PatellaPreferencesWindow *
patella_preferences_window_new (GtkWindow *parent)
{
  return g_object_new (PATELLA_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       NULL);
}
