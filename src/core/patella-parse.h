/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "patella-units.h"

G_BEGIN_DECLS

#define PATELLA_NAME_MAX_CHARS 100
#define PATELLA_NOTE_MAX_CHARS 10000
#define PATELLA_DISTANCE_MAX_M G_GINT64_CONSTANT (10000000)
#define PATELLA_DURATION_MAX_S (48 * 3600)

/* An optional pain rating that was not given. */
#define PATELLA_PAIN_NONE (-1)

gboolean  patella_parse_distance (const char           *text,
                                  PatellaDistanceUnit   default_unit,
                                  gint64               *metres,
                                  GError              **error);
gboolean  patella_parse_duration (const char           *text,
                                  gint64               *seconds,
                                  GError              **error);
gboolean  patella_parse_date     (const char           *text,
                                  GDate                *date,
                                  GError              **error);
gboolean  patella_parse_pain     (const char           *text,
                                  int                  *pain,
                                  GError              **error);
gboolean  patella_parse_optional_pain (const char  *text,
                                       int         *pain,
                                       GError     **error);
gboolean  patella_check_pain     (int                   pain,
                                  GError              **error);
char     *patella_parse_name     (const char           *text,
                                  GError              **error);
gboolean  patella_check_text     (const char           *text,
                                  gsize                 max_chars,
                                  GError              **error);
char     *patella_date_to_string (const GDate          *date);

G_END_DECLS
