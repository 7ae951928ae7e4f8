/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "patella-preferences"

#include "config.h"

#include <glib/gi18n.h>

#include "patella-preferences-window.h"
#include "patella-settings.h"

struct _PatellaPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  GSettings            *settings;

  AdwComboRow          *unit_row;
  GtkSwitch            *reminders_switch;
  GtkSpinButton        *sessions_spin;
  GtkSpinButton        *minutes_spin;
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
}

static void
patella_preferences_window_init (PatellaPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

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
}

PatellaPreferencesWindow *
patella_preferences_window_new (GtkWindow *parent)
{
  return g_object_new (PATELLA_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       NULL);
}
