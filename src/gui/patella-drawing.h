/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef void (*PatellaSnapshotFunc) (GtkWidget      *widget,
                                     GtkSnapshot    *snapshot);
typedef void (*PatellaMeasureFunc)  (GtkWidget      *widget,
                                     GtkOrientation  orientation,
                                     int             for_size,
                                     int            *minimum,
                                     int            *natural,
                                     int            *minimum_baseline,
                                     int            *natural_baseline);

void patella_drawing_setup_class      (GtkWidgetClass        *widget_class,
                                       const char            *css_name,
                                       GtkAccessibleRole      role,
                                       PatellaSnapshotFunc    snapshot,
                                       PatellaMeasureFunc     measure);
void patella_drawing_measure          (GtkOrientation         orientation,
                                       int                    min_width,
                                       int                    natural_width,
                                       int                    min_height,
                                       int                    natural_height,
                                       int                   *minimum,
                                       int                   *natural);
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
