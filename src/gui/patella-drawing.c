/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "patella-drawing"

#include "config.h"

#include "patella-drawing.h"

/* What the drawn widgets (the pain and load charts, the countdown ring, the
 * wear bar) share: their size, the colours of the style they draw with,
 * rounded shapes, text, and the value a screen reader reads. */

static GQuark
size_quark (void)
{
  return g_quark_from_static_string ("patella-drawing-size");
}

static void
measure_fixed (GtkWidget      *widget,
               GtkOrientation  orientation,
               int             for_size,
               int            *minimum,
               int            *natural,
               int            *minimum_baseline,
               int            *natural_baseline)
{
  const PatellaDrawingSize *size = g_type_get_qdata (G_OBJECT_TYPE (widget), size_quark ());

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = size->min_width;
      *natural = size->natural_width;
    }
  else
    {
      *minimum = size->min_height;
      *natural = size->natural_height;
    }
}

/**
 * patella_drawing_setup_class:
 * @css_name: the widget's name in style sheets
 * @role: what the drawing is to screen readers
 * @size: (not nullable): how big it is, kept for the life of the program
 *   (most often a static const)
 * @snapshot: how it draws
 * @finalize: (nullable): what it frees, chaining up itself
 *
 * Sets up the class of a drawn widget.
 */
void
patella_drawing_setup_class (GtkWidgetClass           *widget_class,
                             const char               *css_name,
                             GtkAccessibleRole         role,
                             const PatellaDrawingSize *size,
                             PatellaSnapshotFunc       snapshot,
                             PatellaFinalizeFunc       finalize)
{
  g_return_if_fail (GTK_IS_WIDGET_CLASS (widget_class));
  g_return_if_fail (css_name != NULL && size != NULL && snapshot != NULL);

  g_type_set_qdata (G_TYPE_FROM_CLASS (widget_class), size_quark (), (gpointer) size);
  if (finalize != NULL)
    G_OBJECT_CLASS (widget_class)->finalize = finalize;
  widget_class->snapshot = snapshot;
  widget_class->measure = measure_fixed;
  gtk_widget_class_set_css_name (widget_class, css_name);
  gtk_widget_class_set_accessible_role (widget_class, role);
}

/**
 * patella_drawing_get_foreground:
 * @color: (out): the text colour of @widget's style
 */
void
patella_drawing_get_foreground (GtkWidget *widget,
                                GdkRGBA   *color)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (color != NULL);

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), color);
  G_GNUC_END_IGNORE_DEPRECATIONS
}

/**
 * patella_drawing_lookup_color:
 * @name: a named colour of the style sheet: "accent_bg_color"
 * @fallback: (nullable): the colour to use if the style has none by that
 *   name, as gdk_rgba_parse() reads it; %NULL for the text colour
 * @color: (out): the colour
 */
void
patella_drawing_lookup_color (GtkWidget  *widget,
                              const char *name,
                              const char *fallback,
                              GdkRGBA    *color)
{
  gboolean found;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (name != NULL && color != NULL);

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  found = gtk_style_context_lookup_color (gtk_widget_get_style_context (widget), name, color);
  G_GNUC_END_IGNORE_DEPRECATIONS

  if (found)
    return;
  if (fallback == NULL || !gdk_rgba_parse (color, fallback))
    patella_drawing_get_foreground (widget, color);
}

/**
 * patella_drawing_append_rounded:
 * @radius: the corners' radius
 *
 * Fills @bounds with @color, its corners rounded.
 */
void
patella_drawing_append_rounded (GtkSnapshot           *snapshot,
                                const graphene_rect_t *bounds,
                                float                  radius,
                                const GdkRGBA         *color)
{
  GskRoundedRect rect;

  g_return_if_fail (GTK_IS_SNAPSHOT (snapshot));
  g_return_if_fail (bounds != NULL && color != NULL);

  gsk_rounded_rect_init_from_rect (&rect, bounds, radius);
  gtk_snapshot_push_rounded_clip (snapshot, &rect);
  gtk_snapshot_append_color (snapshot, color, bounds);
  gtk_snapshot_pop (snapshot);
}

/**
 * patella_drawing_append_layout:
 * @x: where the text's left edge goes
 * @y: where the text's top goes
 *
 * Draws @layout in @color.
 */
void
patella_drawing_append_layout (GtkSnapshot   *snapshot,
                               PangoLayout   *layout,
                               float          x,
                               float          y,
                               const GdkRGBA *color)
{
  g_return_if_fail (GTK_IS_SNAPSHOT (snapshot));
  g_return_if_fail (PANGO_IS_LAYOUT (layout));
  g_return_if_fail (color != NULL);

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
}

/**
 * patella_drawing_set_value:
 * @max: the value when full
 * @now: the value shown, from 0 to @max
 *
 * Tells screen readers the value a drawn bar or ring shows.
 */
void
patella_drawing_set_value (GtkWidget *widget,
                           double     max,
                           double     now)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_MIN, 0.0,
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_MAX, max,
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_NOW, now,
                                  -1);
}
