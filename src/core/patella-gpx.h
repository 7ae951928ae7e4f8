/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "patella-activity.h"

G_BEGIN_DECLS

GPtrArray *patella_gpx_read              (const char  *data,
                                          gsize        length,
                                          GError     **error);
double     patella_great_circle_distance (double       lat1,
                                          double       lon1,
                                          double       lat2,
                                          double       lon2);

G_END_DECLS
