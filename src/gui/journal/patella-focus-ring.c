/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "patella-focus-ring"

#include "config.h"

#include "patella-drawing.h"
#include "patella-focus-ring.h"

/* A focus ring as libadwaita draws one around a focused button, for what
 * the style sheet gives none: a drawn chart, a page that takes the focus
 * for a moment. A keyboard user must see where the focus is. */

/**
 * patella_focus_ring_snapshot:
 * @widget: the widget that draws
 * @bounds: where the ring goes, in @widget's coordinates
 *
 * Draws the ring around @bounds.
 */
void
patella_focus_ring_snapshot (GtkWidget             *widget,
                             GtkSnapshot           *snapshot,
                             const graphene_rect_t *bounds)
{
  GskRoundedRect outline;
  GdkRGBA color;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (bounds != NULL);

  patella_drawing_lookup_color (widget, "accent_color", "#3584e4", &color);
  color.alpha *= 0.5f;
  gsk_rounded_rect_init_from_rect (&outline, bounds, 6);
  gtk_snapshot_append_border (snapshot, &outline,
                              (float[4]) { 2, 2, 2, 2 },
                              (GdkRGBA[4]) { color, color, color, color });
}
