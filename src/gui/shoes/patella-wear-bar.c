/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "patella-wear-bar"

#include "config.h"

#include <glib/gi18n.h>

#include "patella-wear-bar.h"

/* A shoe's distance against its limit, with the warn distance marked: a
 * progress bar that GtkProgressBar cannot draw (no mark). */
struct _PatellaWearBar
{
  GtkWidget parent_instance;

  gint64    distance_m;
  gint64    warn_m;
  gint64    limit_m;
};

G_DEFINE_FINAL_TYPE (PatellaWearBar, patella_wear_bar, GTK_TYPE_WIDGET)

#define BAR_HEIGHT 8
#define MARK_WIDTH 2

static double
clamp_fraction (double value)
{
  return CLAMP (value, 0.0, 1.0);
}

static void
patella_wear_bar_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 48;
      *natural = 160;
    }
  else
    {
      /* Room for the mark to stand out above and below the bar. */
      *minimum = *natural = BAR_HEIGHT + 6;
    }
}

static void
append_rounded (GtkSnapshot     *snapshot,
                float            x,
                float            y,
                float            width,
                float            height,
                const GdkRGBA   *color)
{
  GskRoundedRect rect;
  graphene_rect_t bounds = GRAPHENE_RECT_INIT (x, y, width, height);

  gsk_rounded_rect_init_from_rect (&rect, &bounds, height / 2);
  gtk_snapshot_push_rounded_clip (snapshot, &rect);
  gtk_snapshot_append_color (snapshot, color, &bounds);
  gtk_snapshot_pop (snapshot);
}

static void
patella_wear_bar_snapshot (GtkWidget   *widget,
                           GtkSnapshot *snapshot)
{
  PatellaWearBar *self = PATELLA_WEAR_BAR (widget);
  GtkStyleContext *context = gtk_widget_get_style_context (widget);
  float width = gtk_widget_get_width (widget);
  float height = gtk_widget_get_height (widget);
  float y = (height - BAR_HEIGHT) / 2;
  double fraction = patella_wear_bar_get_fraction (self);
  double warn = self->limit_m > 0 ? clamp_fraction ((double) self->warn_m / self->limit_m) : 1;
  GdkRGBA fg;
  GdkRGBA trough;
  GdkRGBA fill;
  GdkRGBA mark;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (context, &fg);
  if (self->distance_m >= self->limit_m && self->limit_m > 0)
    {
      if (!gtk_style_context_lookup_color (context, "error_color", &fill))
        gdk_rgba_parse (&fill, "#c01c28");
    }
  else if (self->distance_m >= self->warn_m && self->warn_m > 0)
    {
      if (!gtk_style_context_lookup_color (context, "warning_color", &fill))
        gdk_rgba_parse (&fill, "#9c6e03");
    }
  else if (!gtk_style_context_lookup_color (context, "accent_bg_color", &fill))
    {
      gdk_rgba_parse (&fill, "#3584e4");
    }
  G_GNUC_END_IGNORE_DEPRECATIONS

  trough = fg;
  trough.alpha = 0.15;
  mark = fg;
  mark.alpha = 0.8;

  append_rounded (snapshot, 0, y, width, BAR_HEIGHT, &trough);
  if (fraction > 0)
    append_rounded (snapshot, 0, y, MAX (BAR_HEIGHT, width * fraction), BAR_HEIGHT, &fill);

  /* The warn mark crosses the bar, so that it shows on the fill too. */
  gtk_snapshot_append_color (snapshot, &mark,
                             &GRAPHENE_RECT_INIT (CLAMP (width * warn - MARK_WIDTH / 2.0, 0,
                                                         width - MARK_WIDTH),
                                                  0, MARK_WIDTH, height));
}

static void
patella_wear_bar_class_init (PatellaWearBarClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  widget_class->measure = patella_wear_bar_measure;
  widget_class->snapshot = patella_wear_bar_snapshot;

  gtk_widget_class_set_css_name (widget_class, "wearbar");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_PROGRESS_BAR);
}

static void
patella_wear_bar_init (PatellaWearBar *self)
{
  gtk_widget_set_valign (GTK_WIDGET (self), GTK_ALIGN_CENTER);
}

GtkWidget *
patella_wear_bar_new (void)
{
  return g_object_new (PATELLA_TYPE_WEAR_BAR, NULL);
}

void
patella_wear_bar_set_distances (PatellaWearBar *self,
                                gint64          distance_m,
                                gint64          warn_m,
                                gint64          limit_m)
{
  g_return_if_fail (PATELLA_IS_WEAR_BAR (self));

  self->distance_m = distance_m;
  self->warn_m = warn_m;
  self->limit_m = limit_m;

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_MIN, 0.0,
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_MAX, 100.0,
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_NOW,
                                  100.0 * patella_wear_bar_get_fraction (self),
                                  -1);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* How much of the limit the shoe has run, from 0 to 1. */
double
patella_wear_bar_get_fraction (PatellaWearBar *self)
{
  g_return_val_if_fail (PATELLA_IS_WEAR_BAR (self), 0);

  if (self->limit_m <= 0)
    return 0;

  return clamp_fraction ((double) self->distance_m / self->limit_m);
}
