/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "patella-gpx"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "patella-error.h"
#include "patella-gpx.h"

/* GPX 1.0 and 1.1 tracks. A GPX file carries points, not totals: the
 * distance is summed over consecutive valid points of a segment. Apps mark
 * pauses with points outside the globe (lat 999, say): those are skipped and
 * split the segment, so the pause is neither distance nor time. */

#define refuse(error, ...) patella_error_refuse ((error), PATELLA_ERROR_INVALID, __VA_ARGS__)

#define EARTH_RADIUS_M 6371008.8
#define MAX_DEPTH 64
#define MAX_TEXT 1000
#define NONE G_MININT64
#define MAX_STEP_BACK_US (10 * 60 * G_USEC_PER_SEC)

typedef struct
{
  GPtrArray       *activities;
  PatellaActivity *activity;     /* the <trk> being read */
  gboolean         seen_root;
  guint            depth;
  gboolean         in_point;
  gboolean         point_valid;
  gboolean         collect;
  GString         *text;
  /* the track */
  double           distance;
  gint64           seconds_us;
  gboolean         have_type;
  gint64           cadence_sum;
  gint64           cadence_n;
  gboolean         have_ele;
  double           last_ele;
  double           descent;
  /* the current run of valid points */
  gboolean         have_last;
  double           last_lat;
  double           last_lon;
  gint64           piece_first_us;
  gint64           piece_last_us;
  /* the current point */
  double           lat;
  double           lon;
} GpxParser;

/**
 * patella_great_circle_distance:
 *
 * Returns: the distance in metres between two points, by the haversine
 *   formula on a sphere of the Earth's mean radius
 */
double
patella_great_circle_distance (double lat1,
                               double lon1,
                               double lat2,
                               double lon2)
{
  double phi1 = lat1 * G_PI / 180.0;
  double phi2 = lat2 * G_PI / 180.0;
  double dphi = (lat2 - lat1) * G_PI / 180.0;
  double dlambda = (lon2 - lon1) * G_PI / 180.0;
  double a;

  a = sin (dphi / 2) * sin (dphi / 2) +
      cos (phi1) * cos (phi2) * sin (dlambda / 2) * sin (dlambda / 2);
  a = CLAMP (a, 0.0, 1.0);

  return 2 * EARTH_RADIUS_M * atan2 (sqrt (a), sqrt (1 - a));
}

static gboolean
parse_coordinate (const char *text,
                  double      limit,
                  double     *value)
{
  char *end = NULL;

  if (text == NULL || *text == '\0')
    return FALSE;

  *value = g_ascii_strtod (text, &end);
  while (end != NULL && g_ascii_isspace (*end))
    end++;

  return end != NULL && *end == '\0' && isfinite (*value) && fabs (*value) <= limit;
}

/* Ends the current run of valid points: its time counts, the gap after it
 * does not. */
static void
end_piece (GpxParser *parser)
{
  if (parser->piece_first_us != NONE && parser->piece_last_us > parser->piece_first_us)
    parser->seconds_us += parser->piece_last_us - parser->piece_first_us;

  parser->have_last = FALSE;
  parser->piece_first_us = NONE;
  parser->piece_last_us = NONE;
}

static gboolean
is_running_type (const char *type)
{
  g_autofree char *lower = g_ascii_strdown (type, -1);

  /* Strava writes its activity codes: 9 is a run. */
  return lower[0] == '\0' || strstr (lower, "run") != NULL || g_str_equal (lower, "9") ||
         g_str_equal (lower, "jogging");
}

static void
gpx_start (GMarkupParseContext  *context,
           const char           *element_name,
           const char          **attribute_names,
           const char          **attribute_values,
           gpointer              user_data,
           GError              **error)
{
  GpxParser *parser = user_data;
  const char *name = patella_xml_local_name (element_name);

  parser->depth++;
  if (parser->depth > MAX_DEPTH)
    {
      refuse (error, _("The GPX file nests its elements too deeply to be a track"));
      return;
    }

  if (!parser->seen_root)
    {
      parser->seen_root = TRUE;
      if (!g_str_equal (name, "gpx"))
        refuse (error, _("This XML file is not GPX (its first element is <%s>, not <gpx>)"),
                element_name);
      return;
    }

  parser->collect = FALSE;

  if (g_str_equal (name, "trk"))
    {
      if (parser->activity != NULL)
        {
          refuse (error, _("A track starts inside another track; the GPX file is broken"));
          return;
        }
      parser->activity = patella_activity_new (PATELLA_SOURCE_GPX);
      parser->activity->sport = g_strdup ("running");
      parser->activity->is_run = TRUE;
      parser->distance = 0;
      parser->seconds_us = 0;
      parser->have_type = FALSE;
      parser->cadence_sum = 0;
      parser->cadence_n = 0;
      parser->have_ele = FALSE;
      parser->descent = 0;
      parser->have_last = FALSE;
      parser->piece_first_us = NONE;
      parser->piece_last_us = NONE;
    }
  else if (parser->activity == NULL)
    {
      return;
    }
  else if (g_str_equal (name, "trkseg"))
    {
      end_piece (parser);
    }
  else if (g_str_equal (name, "trkpt"))
    {
      const char *lat_text = NULL;
      const char *lon_text = NULL;

      for (guint i = 0; attribute_names[i] != NULL; i++)
        {
          if (g_str_equal (attribute_names[i], "lat"))
            lat_text = attribute_values[i];
          else if (g_str_equal (attribute_names[i], "lon"))
            lon_text = attribute_values[i];
        }

      parser->in_point = TRUE;
      parser->point_valid = parse_coordinate (lat_text, 90, &parser->lat) &&
                            parse_coordinate (lon_text, 180, &parser->lon);
      if (!parser->point_valid)
        {
          end_piece (parser);
          return;
        }

      if (parser->have_last)
        parser->distance += patella_great_circle_distance (parser->last_lat, parser->last_lon,
                                                           parser->lat, parser->lon);
      parser->last_lat = parser->lat;
      parser->last_lon = parser->lon;
      parser->have_last = TRUE;
    }
  else if ((parser->in_point && parser->point_valid &&
            (g_str_equal (name, "time") || g_str_equal (name, "cad") ||
             g_str_equal (name, "ele"))) ||
           (!parser->in_point && g_str_equal (name, "type") && !parser->have_type))
    {
      parser->collect = TRUE;
      g_string_truncate (parser->text, 0);
    }
}

static void
gpx_text (GMarkupParseContext  *context,
          const char           *text,
          gsize                 text_len,
          gpointer              user_data,
          GError              **error)
{
  GpxParser *parser = user_data;

  if (!parser->collect)
    return;

  if (parser->text->len + text_len > MAX_TEXT)
    {
      refuse (error, _("A <time>, <type> or number in the GPX file is too long"));
      return;
    }

  g_string_append_len (parser->text, text, (gssize) text_len);
}

static void
gpx_end (GMarkupParseContext  *context,
         const char           *element_name,
         gpointer              user_data,
         GError              **error)
{
  GpxParser *parser = user_data;
  const char *name = patella_xml_local_name (element_name);
  gboolean collected = parser->collect;

  parser->depth--;
  parser->collect = FALSE;

  if (parser->activity == NULL)
    return;

  if (collected && g_str_equal (name, "time"))
    {
      gint64 us;

      if (!patella_parse_instant (parser->text->str, &us))
        {
          int line;

          g_markup_parse_context_get_position (context, &line, NULL);
          g_strstrip (parser->text->str);
          refuse (error, _("The time “%s” on line %d is not a date and time like "
                           "2026-03-14T07:30:00Z"), parser->text->str, line);
          return;
        }

      /* Some apps (Sports Tracker) write points a few minutes out of
       * order: the piece spans its earliest to its latest time. A step
       * back of more than that is not a track. */
      if (parser->piece_last_us != NONE && us < parser->piece_last_us - MAX_STEP_BACK_US &&
          parser->activity->problem == NULL)
        parser->activity->problem = g_strdup (_("its times go backwards"));
      if (parser->activity->start_us == 0 || us < parser->activity->start_us)
        parser->activity->start_us = us;
      if (parser->piece_first_us == NONE || us < parser->piece_first_us)
        parser->piece_first_us = us;
      if (parser->piece_last_us == NONE || us > parser->piece_last_us)
        parser->piece_last_us = us;
    }
  else if (collected && g_str_equal (name, "cad"))
    {
      gint64 cadence;

      /* Garmin's track point extension counts strides, like FIT. */
      if (g_ascii_string_to_signed (g_strstrip (parser->text->str), 10, 0, 1000, &cadence,
                                    NULL) && cadence > 0)
        {
          parser->cadence_sum += cadence;
          parser->cadence_n++;
        }
    }
  else if (collected && g_str_equal (name, "ele"))
    {
      double ele;

      if (parse_coordinate (g_strstrip (parser->text->str), 20000, &ele))
        {
          if (parser->have_ele && ele < parser->last_ele)
            parser->descent += parser->last_ele - ele;
          parser->last_ele = ele;
          parser->have_ele = TRUE;
        }
    }
  else if (collected && g_str_equal (name, "type"))
    {
      g_strstrip (parser->text->str);
      parser->have_type = TRUE;
      if (parser->text->str[0] != '\0')
        {
          g_free (parser->activity->sport);
          parser->activity->sport = g_strdup (parser->text->str);
          parser->activity->is_run = is_running_type (parser->text->str);
        }
    }
  else if (g_str_equal (name, "trkpt"))
    {
      parser->in_point = FALSE;
    }
  else if (g_str_equal (name, "trk"))
    {
      PatellaActivity *activity = g_steal_pointer (&parser->activity);

      end_piece (parser);
      activity->distance_m = (gint64) MIN (round (parser->distance), (double) G_MAXINT32);
      activity->duration_s = (parser->seconds_us + G_USEC_PER_SEC / 2) / G_USEC_PER_SEC;
      if (parser->cadence_n > 0)
        activity->cadence_spm = (int) lround (2.0 * parser->cadence_sum / parser->cadence_n);
      activity->has_descent = parser->have_ele;
      activity->descent_m = (gint64) round (parser->descent);
      g_ptr_array_add (parser->activities, activity);
    }
}

static void
gpx_passthrough (GMarkupParseContext  *context,
                 const char           *text,
                 gsize                 text_len,
                 gpointer              user_data,
                 GError              **error)
{
  patella_xml_refuse_doctype (text, text_len, "GPX", error);
}

static const GMarkupParser gpx_parser = {
  gpx_start, gpx_end, gpx_text, gpx_passthrough, NULL,
};

/**
 * patella_gpx_read:
 *
 * Reads the tracks of a GPX file (1.0 or 1.1), one activity each: the
 * distance summed over consecutive valid points of a segment, the time from
 * the first to the last point of each segment, the start at the first
 * point's time, the sport from <type> (a run when there is none), cadence
 * from Garmin's track point extension, doubled.
 *
 * Returns: (transfer full) (element-type PatellaActivity): the tracks, or
 *   %NULL with @error set
 */
GPtrArray *
patella_gpx_read (const char  *data,
                  gsize        length,
                  GError     **error)
{
  g_autoptr(GPtrArray) activities = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  GpxParser parser = { 0 };

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  activities = g_ptr_array_new_with_free_func ((GDestroyNotify) patella_activity_free);
  parser.activities = activities;
  parser.text = text;

  if (!patella_xml_read (data, length, "GPX", &gpx_parser, &parser, &parser.activity, error))
    return NULL;

  if (!parser.seen_root)
    {
      refuse (error, _("The file is not GPX: it has no <gpx> element"));
      return NULL;
    }

  if (activities->len == 0)
    {
      patella_error_refuse (error, PATELLA_ERROR_NOT_FOUND,
                            _("The GPX file has no tracks (<trk>)"));
      return NULL;
    }

  return g_steal_pointer (&activities);
}
