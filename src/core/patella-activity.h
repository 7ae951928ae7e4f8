/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Activity files larger than this are refused before they are read. */
#define PATELLA_ACTIVITY_MAX_BYTES (32 * 1024 * 1024)

/* Where a run came from, best source first for device files. */
typedef enum
{
  PATELLA_SOURCE_MANUAL,
  PATELLA_SOURCE_JSON,
  PATELLA_SOURCE_FIT,
  PATELLA_SOURCE_TCX,
  PATELLA_SOURCE_GPX,
} PatellaSource;

/**
 * PatellaActivity:
 * @sport: the sport as the file names it ("running", "cycling", "Biking"…)
 * @is_run: whether the sport is a kind of running (road, trail, treadmill, track)
 * @start_us: the start, microseconds since the Unix epoch (UTC); 0: unknown
 * @distance_m: the distance the device recorded
 * @duration_s: the time the device recorded, whole seconds; 0: unknown
 * @cadence_spm: steps per minute; 0: unknown
 * @has_descent: whether the file has elevation, so @descent_m means something
 * @descent_m: the total descent
 * @local_offset_s: the device's UTC offset at the end of the activity (FIT
 *   `activity.local_timestamp`), or G_MININT32 when the file does not say
 * @source: the file format
 * @problem: (nullable): why this activity cannot be a run although the file
 *   could be read, or %NULL
 *
 * One activity read from a device file, whatever its format.
 */
typedef struct
{
  char          *sport;
  gboolean       is_run;
  gint64         start_us;
  gint64         distance_m;
  gint64         duration_s;
  int            cadence_spm;
  gboolean       has_descent;
  gint64         descent_m;
  int            local_offset_s;
  PatellaSource  source;
  char          *problem;
} PatellaActivity;

PatellaActivity *patella_activity_new          (PatellaSource          source);
void             patella_activity_free         (PatellaActivity       *activity);
char            *patella_activity_get_day      (const PatellaActivity *activity);
const char      *patella_source_to_string      (PatellaSource          source);
gboolean         patella_source_from_string    (const char            *text,
                                                PatellaSource         *source);
int              patella_source_rank           (PatellaSource          source);

/* Shared by the XML readers: skips a byte order mark and white space before
 * the first element, and refuses a document type declaration. */
const char      *patella_xml_skip_prolog       (const char            *data,
                                                gsize                 *length);
gboolean         patella_xml_check_input       (const char            *data,
                                                gsize                  length,
                                                const char            *format,
                                                GError               **error);
gboolean         patella_xml_refuse_doctype    (const char            *text,
                                                gsize                  text_len,
                                                const char            *format,
                                                GError               **error);
gboolean         patella_xml_read              (const char            *data,
                                                gsize                  length,
                                                const char            *format,
                                                const GMarkupParser   *parser,
                                                gpointer               user_data,
                                                PatellaActivity      **current,
                                                GError               **error);
const char      *patella_xml_local_name        (const char            *name);
gboolean         patella_parse_instant         (const char            *text,
                                                gint64                *us);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PatellaActivity, patella_activity_free)

G_END_DECLS
