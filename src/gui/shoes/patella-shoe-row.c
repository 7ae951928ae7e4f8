/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "patella-shoe-row"

#include "config.h"

#include <glib/gi18n.h>

#include "patella-shoe-row.h"
#include "patella-wear-bar.h"

/* One active pair in the Shoes list: its name, badges, wear bar and numbers.
 * Activating it opens the pair's page (the shoes.open-shoe action). */
struct _PatellaShoeRow
{
  GtkListBoxRow   parent_instance;

  GtkLabel       *name_label;
  GtkWidget      *default_badge;
  GtkLabel       *status_badge;
  PatellaWearBar *wear_bar;
  GtkLabel       *summary_label;
};

G_DEFINE_FINAL_TYPE (PatellaShoeRow, patella_shoe_row, GTK_TYPE_LIST_BOX_ROW)

/* The badge's colour: how urgent the status is. */
static const char *
status_style (PatellaShoeStatus status)
{
  switch (status)
    {
    case PATELLA_SHOE_STATUS_WARN:
      return "warning";
    case PATELLA_SHOE_STATUS_REPLACE:
      return "error";
    case PATELLA_SHOE_STATUS_RETIRED:
      return "dim-label";
    case PATELLA_SHOE_STATUS_OK:
    default:
      return "success";
    }
}

static void
patella_shoe_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), PATELLA_TYPE_SHOE_ROW);

  G_OBJECT_CLASS (patella_shoe_row_parent_class)->dispose (object);
}

static void
patella_shoe_row_class_init (PatellaShoeRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = patella_shoe_row_dispose;

  g_type_ensure (PATELLA_TYPE_WEAR_BAR);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/patella/Patella/ui/patella-shoe-row.ui");
  gtk_widget_class_bind_template_child (widget_class, PatellaShoeRow, name_label);
  gtk_widget_class_bind_template_child (widget_class, PatellaShoeRow, default_badge);
  gtk_widget_class_bind_template_child (widget_class, PatellaShoeRow, status_badge);
  gtk_widget_class_bind_template_child (widget_class, PatellaShoeRow, wear_bar);
  gtk_widget_class_bind_template_child (widget_class, PatellaShoeRow, summary_label);
}

static void
patella_shoe_row_init (PatellaShoeRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * patella_shoe_format_summary:
 *
 * Returns: (transfer full): the pair's distance run and its two marks, in
 *   @unit
 */
char *
patella_shoe_format_summary (const PatellaShoe   *shoe,
                             PatellaDistanceUnit  unit)
{
  g_autofree char *distance = NULL;
  g_autofree char *warn = NULL;
  g_autofree char *limit = NULL;

  g_return_val_if_fail (shoe != NULL, NULL);

  distance = patella_format_distance (shoe->distance_m, unit);
  warn = patella_format_distance (shoe->warn_m, unit);
  limit = patella_format_distance (shoe->limit_m, unit);

  /* Translators: distance run, then the warn distance, then the limit */
  return g_strdup_printf (_("%s run · warns at %s · replace at %s"), distance, warn, limit);
}

GtkWidget *
patella_shoe_row_new (const PatellaShoe   *shoe,
                      PatellaDistanceUnit  unit)
{
  PatellaShoeRow *self;
  const char *status;
  g_autofree char *summary = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *accessible = NULL;

  g_return_val_if_fail (shoe != NULL, NULL);

  self = g_object_new (PATELLA_TYPE_SHOE_ROW, NULL);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self), "x", shoe->id);

  status = patella_shoe_status_get_label (shoe->status);
  gtk_label_set_text (self->name_label, shoe->name);
  gtk_widget_set_visible (self->default_badge, shoe->is_default);
  gtk_label_set_text (self->status_badge, status);
  gtk_widget_add_css_class (GTK_WIDGET (self->status_badge), status_style (shoe->status));
  patella_wear_bar_set_distances (self->wear_bar, shoe->distance_m, shoe->warn_m, shoe->limit_m);

  summary = patella_shoe_format_summary (shoe, unit);
  if (*shoe->brand != '\0')
    subtitle = g_strdup_printf ("%s · %s", shoe->brand, summary);
  else
    subtitle = g_steal_pointer (&summary);
  gtk_label_set_text (self->summary_label, subtitle);

  /* Translators: shoe name, status, then the distances */
  accessible = g_strdup_printf (_("%s, %s, %s"), shoe->name, status, subtitle);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible, -1);
  g_clear_pointer (&accessible, g_free);
  /* Translators: accessible name of a shoe's wear bar */
  accessible = g_strdup_printf (_("Wear of %s against its replacement limit"), shoe->name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->wear_bar), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible, -1);

  return GTK_WIDGET (self);
}
