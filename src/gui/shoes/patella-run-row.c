/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "patella-run-row"

#include "config.h"

#include <glib/gi18n.h>

#include "patella-parse.h"
#include "patella-run-row.h"

/* One run on a pair's page: day and distance, then duration, pace, pain and
 * note. Activating it edits the run (shoes.edit-run); its trash button deletes it
 * (shoes.delete-run). */
struct _PatellaRunRow
{
  AdwActionRow  parent_instance;

  GtkWidget    *delete_button;
};

G_DEFINE_FINAL_TYPE (PatellaRunRow, patella_run_row, ADW_TYPE_ACTION_ROW)

static char *
format_details (const PatellaRun    *run,
                PatellaDistanceUnit  unit)
{
  GString *details = g_string_new (NULL);

  if (run->duration_s > 0)
    {
      g_autofree char *duration = patella_format_duration (run->duration_s);
      g_autofree char *pace = patella_format_pace (run->distance_m, run->duration_s, unit);

      g_string_append_printf (details, "%s · %s", duration, pace);
    }
  if (run->pain >= 0)
    {
      if (details->len > 0)
        g_string_append (details, " · ");
      /* Translators: knee pain during a run */
      g_string_append_printf (details, _("pain %d/10"), run->pain);
    }
  if (*run->note != '\0')
    {
      if (details->len > 0)
        g_string_append (details, " · ");
      g_string_append (details, run->note);
    }

  return g_string_free (details, FALSE);
}

static void
patella_run_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), PATELLA_TYPE_RUN_ROW);

  G_OBJECT_CLASS (patella_run_row_parent_class)->dispose (object);
}

static void
patella_run_row_class_init (PatellaRunRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = patella_run_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/patella/Patella/ui/patella-run-row.ui");
  gtk_widget_class_bind_template_child (widget_class, PatellaRunRow, delete_button);
}

static void
patella_run_row_init (PatellaRunRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
patella_run_row_new (const PatellaRun    *run,
                     PatellaDistanceUnit  unit)
{
  PatellaRunRow *self;
  g_autofree char *distance = NULL;
  g_autofree char *title = NULL;
  g_autofree char *details = NULL;
  g_autofree char *delete_label = NULL;

  g_return_val_if_fail (run != NULL, NULL);

  self = g_object_new (PATELLA_TYPE_RUN_ROW, NULL);
  distance = patella_format_distance (run->distance_m, unit);
  title = g_strdup_printf ("%s · %s", run->day, distance);
  details = format_details (run, unit);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), details);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self), "x", run->id);

  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->delete_button), "x", run->id);
  /* Translators: the run's day and distance */
  delete_label = g_strdup_printf (_("Delete the run of %s"), title);
  gtk_widget_set_tooltip_text (self->delete_button, delete_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->delete_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, delete_label, -1);

  return GTK_WIDGET (self);
}
