/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "patella-countdown-ring"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "patella-countdown-ring.h"
#include "patella-drawing.h"

/* A ring that empties as time runs out, with the time left in its middle.
 * It redraws only when it is given a new value. */
struct _PatellaCountdownRing
{
  GtkWidget  parent_instance;

  int        remaining_s;
  int        total_s;
  char      *text;
  char      *spoken;
};

G_DEFINE_FINAL_TYPE (PatellaCountdownRing, patella_countdown_ring, GTK_TYPE_WIDGET)

#define RING_WIDTH 10.0
#define MIN_SIZE   120

static const PatellaDrawingSize countdown_ring_size = { MIN_SIZE, 200, MIN_SIZE, 200 };

static void
patella_countdown_ring_snapshot (GtkWidget   *widget,
                                 GtkSnapshot *snapshot)
{
  PatellaCountdownRing *self = PATELLA_COUNTDOWN_RING (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  double size = MIN (width, height);
  double radius = size / 2.0 - RING_WIDTH;
  double fraction = self->total_s > 0 ? (double) self->remaining_s / self->total_s : 0.0;
  GdkRGBA fg;
  GdkRGBA accent;
  cairo_t *cr;

  if (radius <= 0)
    return;

  patella_drawing_get_foreground (widget, &fg);
  patella_drawing_lookup_color (widget,
                                gtk_widget_has_css_class (widget, "rest") ? "success_color" :
                                gtk_widget_has_css_class (widget, "ready") ? "warning_color" :
                                "accent_color", NULL, &accent);

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  cairo_set_line_width (cr, RING_WIDTH);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);

  /* The track */
  cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, fg.alpha * 0.15);
  cairo_arc (cr, width / 2.0, height / 2.0, radius, 0, 2 * G_PI);
  cairo_stroke (cr);

  /* What remains, from twelve o'clock */
  if (fraction > 0)
    {
      gdk_cairo_set_source_rgba (cr, &accent);
      cairo_arc (cr, width / 2.0, height / 2.0, radius,
                 -G_PI / 2, -G_PI / 2 + 2 * G_PI * CLAMP (fraction, 0.0, 1.0));
      cairo_stroke (cr);
    }

  cairo_destroy (cr);

  if (self->text != NULL)
    {
      g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, self->text);
      PangoFontDescription *font = pango_font_description_new ();
      int text_width;
      int text_height;

      pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
      pango_font_description_set_absolute_size (font, MAX (size / 6.0, 10.0) * PANGO_SCALE);
      pango_layout_set_font_description (layout, font);
      pango_font_description_free (font);
      pango_layout_get_pixel_size (layout, &text_width, &text_height);

      patella_drawing_append_layout (snapshot, layout, (width - text_width) / 2.0,
                                     (height - text_height) / 2.0, &fg);
    }
}

static void
patella_countdown_ring_finalize (GObject *object)
{
  PatellaCountdownRing *self = (PatellaCountdownRing *)object;

  g_free (self->text);
  g_free (self->spoken);

  G_OBJECT_CLASS (patella_countdown_ring_parent_class)->finalize (object);
}

static void
patella_countdown_ring_class_init (PatellaCountdownRingClass *klass)
{
  patella_drawing_setup_class (GTK_WIDGET_CLASS (klass), "countdownring",
                               GTK_ACCESSIBLE_ROLE_PROGRESS_BAR, &countdown_ring_size,
                               patella_countdown_ring_snapshot, patella_countdown_ring_finalize);
}

static void
patella_countdown_ring_init (PatellaCountdownRing *self)
{
}

void
patella_countdown_ring_set_value (PatellaCountdownRing *self,
                                  int                   remaining_s,
                                  int                   total_s)
{
  g_return_if_fail (PATELLA_IS_COUNTDOWN_RING (self));

  if (self->remaining_s == remaining_s && self->total_s == total_s)
    return;

  self->remaining_s = remaining_s;
  self->total_s = total_s;
  patella_drawing_set_value (GTK_WIDGET (self), MAX (total_s, 0), MAX (remaining_s, 0));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * patella_countdown_ring_set_text:
 * @text: shown in the middle: "14:59"
 * @spoken: (nullable): what a screen reader says: "14 minutes 59 seconds left"
 */
void
patella_countdown_ring_set_text (PatellaCountdownRing *self,
                                 const char           *text,
                                 const char           *spoken)
{
  g_return_if_fail (PATELLA_IS_COUNTDOWN_RING (self));

  /* "15:00" reads "not started" and then "left": the words change alone. */
  if (g_strcmp0 (self->text, text) == 0 && g_strcmp0 (self->spoken, spoken) == 0)
    return;

  g_free (self->text);
  self->text = g_strdup (text);
  g_free (self->spoken);
  self->spoken = g_strdup (spoken);
  /* GTK 4.8 gives AT-SPI's Value interface to its own ranges and bars only:
   * the time left also goes in the description, which screen readers read. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT,
                                  spoken != NULL ? spoken : (text != NULL ? text : ""),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  spoken != NULL ? spoken : (text != NULL ? text : ""),
                                  -1);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

const char *
patella_countdown_ring_get_text (PatellaCountdownRing *self)
{
  g_return_val_if_fail (PATELLA_IS_COUNTDOWN_RING (self), NULL);

  return self->text;
}

/* The text of a ring counting down: "14:05". */
char *
patella_countdown_ring_format_clock (int seconds)
{
  return g_strdup_printf ("%d:%02d", seconds / 60, seconds % 60);
}
