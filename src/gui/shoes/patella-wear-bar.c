/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "patella-wear-bar"

#include "config.h"

#include <glib/gi18n.h>

#include "patella-drawing.h"
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

/* Room for the mark to stand out above and below the bar. */
static const PatellaDrawingSize wear_bar_size = { 48, 160, BAR_HEIGHT + 6, BAR_HEIGHT + 6 };

static double
clamp_fraction (double value)
{
  return CLAMP (value, 0.0, 1.0);
}

static void
append_rounded (GtkSnapshot     *snapshot,
                float            x,
                float            y,
                float            width,
                float            height,
                const GdkRGBA   *color)
{
  patella_drawing_append_rounded (snapshot, &GRAPHENE_RECT_INIT (x, y, width, height),
                                  height / 2, color);
}

static void
patella_wear_bar_snapshot (GtkWidget   *widget,
                           GtkSnapshot *snapshot)
{
  PatellaWearBar *self = PATELLA_WEAR_BAR (widget);
  float width = gtk_widget_get_width (widget);
  float height = gtk_widget_get_height (widget);
  float y = (height - BAR_HEIGHT) / 2;
  double fraction = patella_wear_bar_get_fraction (self);
  double warn = self->limit_m > 0 ? clamp_fraction ((double) self->warn_m / self->limit_m) : 1;
  GdkRGBA fg;
  GdkRGBA trough;
  GdkRGBA fill;
  GdkRGBA mark;

  patella_drawing_get_foreground (widget, &fg);
  if (self->distance_m >= self->limit_m && self->limit_m > 0)
    patella_drawing_lookup_color (widget, "error_color", "#c01c28", &fill);
  else if (self->distance_m >= self->warn_m && self->warn_m > 0)
    patella_drawing_lookup_color (widget, "warning_color", "#9c6e03", &fill);
  else
    patella_drawing_lookup_color (widget, "accent_bg_color", "#3584e4", &fill);

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
  patella_drawing_setup_class (GTK_WIDGET_CLASS (klass), "wearbar",
                               GTK_ACCESSIBLE_ROLE_PROGRESS_BAR, &wear_bar_size,
                               patella_wear_bar_snapshot, NULL);
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

  patella_drawing_set_value (GTK_WIDGET (self), 100.0,
                             100.0 * patella_wear_bar_get_fraction (self));
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
