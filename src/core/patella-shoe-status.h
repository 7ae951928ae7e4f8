/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* How worn a pair is: the replacement rule of GUIDANCE.md (warn at 300 mi,
 * replace at 500 mi by default, both set per pair). */
typedef enum
{
  PATELLA_SHOE_STATUS_OK,
  PATELLA_SHOE_STATUS_WARN,
  PATELLA_SHOE_STATUS_REPLACE,
  PATELLA_SHOE_STATUS_RETIRED,
} PatellaShoeStatus;

PatellaShoeStatus  patella_shoe_status_for       (gboolean           retired,
                                                  gint64             distance_m,
                                                  gint64             warn_m,
                                                  gint64             limit_m);
const char        *patella_shoe_status_to_string (PatellaShoeStatus  status);
const char        *patella_shoe_status_get_label (PatellaShoeStatus  status);

G_END_DECLS
