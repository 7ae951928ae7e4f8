/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef void (*PatellaSnapshotFunc) (GtkWidget      *widget,
                                     GtkSnapshot    *snapshot);
typedef void (*PatellaFinalizeFunc) (GObject        *object);

/**
 * PatellaDrawingSize:
 *
 * The fixed sizes of a drawn widget, in pixels.
 */
typedef struct
{
  int min_width;
  int natural_width;
  int min_height;
  int natural_height;
} PatellaDrawingSize;

void patella_drawing_setup_class      (GtkWidgetClass           *widget_class,
                                       const char               *css_name,
                                       GtkAccessibleRole         role,
                                       const PatellaDrawingSize *size,
                                       PatellaSnapshotFunc       snapshot,
                                       PatellaFinalizeFunc       finalize);
void patella_drawing_get_foreground   (GtkWidget             *widget,
                                       GdkRGBA               *color);
void patella_drawing_lookup_color     (GtkWidget             *widget,
                                       const char            *name,
                                       const char            *fallback,
                                       GdkRGBA               *color);
void patella_drawing_append_rounded   (GtkSnapshot           *snapshot,
                                       const graphene_rect_t *bounds,
                                       float                  radius,
                                       const GdkRGBA         *color);
void patella_drawing_append_layout    (GtkSnapshot           *snapshot,
                                       PangoLayout           *layout,
                                       float                  x,
                                       float                  y,
                                       const GdkRGBA         *color);
void patella_drawing_set_value        (GtkWidget             *widget,
                                       double                 max,
                                       double                 now);

G_END_DECLS
