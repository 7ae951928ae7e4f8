/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define PATELLA_METRES_PER_MILE 1609.344
#define PATELLA_METRES_PER_KM   1000.0

typedef enum
{
  PATELLA_UNIT_KM,
  PATELLA_UNIT_MI,
} PatellaDistanceUnit;

PatellaDistanceUnit patella_unit_for_locale     (void);
PatellaDistanceUnit patella_unit_from_setting   (const char          *setting);
PatellaDistanceUnit patella_unit_get_preferred  (void);
void                patella_unit_set_preferred  (PatellaDistanceUnit unit);
double              patella_unit_metres_per     (PatellaDistanceUnit  unit);
const char         *patella_unit_get_symbol     (PatellaDistanceUnit  unit);
double              patella_metres_to_unit      (gint64               metres,
                                                 PatellaDistanceUnit  unit);
gint64              patella_unit_to_metres      (double               value,
                                                 PatellaDistanceUnit  unit);
char               *patella_format_distance     (gint64               metres,
                                                 PatellaDistanceUnit  unit);
char               *patella_format_duration     (gint64               seconds);
char               *patella_format_pace         (gint64               metres,
                                                 gint64               seconds,
                                                 PatellaDistanceUnit  unit);

G_END_DECLS
