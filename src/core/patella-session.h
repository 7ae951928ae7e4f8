/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "patella-store.h"

G_BEGIN_DECLS

/* A missing optional number of a session row. */
#define PATELLA_SESSION_NONE G_MININT64

/* One row of the session table, whole: an icing or exercise session as the
 * timer, the icing log, the exercise log or an import writes it. */
typedef struct
{
  const char *uuid;         /* NULL: a new identity */
  const char *kind;         /* "icing" or "exercise" */
  const char *day;          /* "YYYY-MM-DD" */
  const char *state;        /* "running", "paused", "finished", "stopped", "cancelled" */
  gint64      started_us;
  gint64      planned_s;
  gint64      ends_us;      /* PATELLA_SESSION_NONE: none */
  gint64      remaining_s;  /* PATELLA_SESSION_NONE: none */
  gint64      ended_us;     /* PATELLA_SESSION_NONE: none */
  gint64      duration_s;   /* PATELLA_SESSION_NONE: none */
  const char *routine;      /* NULL: none */
  gint64      pain;         /* PATELLA_SESSION_NONE: not given */
} PatellaSessionRecord;

#define PATELLA_SESSION_RECORD_INIT \
  { NULL, NULL, NULL, NULL, 0, 0, PATELLA_SESSION_NONE, PATELLA_SESSION_NONE, \
    PATELLA_SESSION_NONE, PATELLA_SESSION_NONE, NULL, PATELLA_SESSION_NONE }

gint64   patella_session_insert       (PatellaStore                *store,
                                       const PatellaSessionRecord  *record,
                                       GError                     **error);
gint64   patella_session_add          (PatellaStore                *store,
                                       const PatellaSessionRecord  *record,
                                       GError                     **error);
gint64   patella_session_find         (PatellaStore                *store,
                                       const char                  *uuid,
                                       GError                     **error);
gint64   patella_sessions_count_start (PatellaStore                *store,
                                       const char                  *kind,
                                       gint64                       started_us,
                                       GError                     **error);
gboolean patella_session_get_active   (PatellaStore                *store,
                                       const char                  *kind,
                                       gboolean                    *active,
                                       GError                     **error);

G_END_DECLS
