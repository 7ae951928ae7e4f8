/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "patella-tcx"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "patella-error.h"
#include "patella-tcx.h"

/* Training Center XML: Activities/Activity@Sport, with laps that carry the
 * totals the device recorded (DistanceMeters, TotalTimeSeconds, StartTime)
 * and track points that may carry RunCadence in an extension. */

#define refuse(error, ...) patella_error_refuse ((error), PATELLA_ERROR_INVALID, __VA_ARGS__)

#define MAX_DEPTH 64
#define MAX_TEXT 1000

typedef struct
{
  GPtrArray       *activities;
  PatellaActivity *activity;       /* the <Activity> being read */
  guint            depth;
  gboolean         seen_root;
  GString         *text;
  gboolean         collect;
  double           distance;
  double           seconds;
  gboolean         have_start;
  double           lap_cadence_sum;   /* AvgRunCadence weighted by lap time */
  double           lap_cadence_time;
  double           lap_seconds;
  double           lap_avg_cadence;
  gint64           point_cadence_sum;
  gint64           point_cadence_n;
  gboolean         have_altitude;
  double           last_altitude;
  double           descent;
} TcxParser;

/* The local name of the element @up levels above the current one. GMarkup
 * keeps the stack: nothing is copied or interned, so hostile files with
 * many element names cost nothing that outlives the parse. */
static const char *
parent (GMarkupParseContext *context,
        guint                up)
{
  const GSList *stack = g_markup_parse_context_get_element_stack (context);

  for (guint i = 0; i < up && stack != NULL; i++)
    stack = stack->next;

  return stack != NULL ? patella_xml_local_name (stack->data) : "";
}

static void
finish_lap (TcxParser *parser)
{
  if (parser->lap_avg_cadence > 0 && parser->lap_seconds > 0)
    {
      parser->lap_cadence_sum += parser->lap_avg_cadence * parser->lap_seconds;
      parser->lap_cadence_time += parser->lap_seconds;
    }
  parser->lap_avg_cadence = 0;
  parser->lap_seconds = 0;
}

static void
tcx_start (GMarkupParseContext  *context,
           const char           *element_name,
           const char          **attribute_names,
           const char          **attribute_values,
           gpointer              user_data,
           GError              **error)
{
  TcxParser *parser = user_data;
  const char *name = patella_xml_local_name (element_name);

  if (parser->depth >= MAX_DEPTH)
    {
      refuse (error, _("The TCX file nests its elements too deeply to be an activity"));
      return;
    }
  parser->depth++;

  if (!parser->seen_root)
    {
      parser->seen_root = TRUE;
      if (!g_str_equal (name, "TrainingCenterDatabase"))
        refuse (error, _("This XML file is not TCX (its first element is <%s>, not "
                         "<TrainingCenterDatabase>)"), element_name);
      return;
    }

  parser->collect = FALSE;

  if (g_str_equal (name, "Activity") && g_str_equal (parent (context, 1), "Activities"))
    {
      const char *sport = NULL;

      if (parser->activity != NULL)
        {
          refuse (error, _("An activity starts inside another; the TCX file is broken"));
          return;
        }

      for (guint i = 0; attribute_names[i] != NULL; i++)
        if (g_str_equal (attribute_names[i], "Sport"))
          sport = attribute_values[i];

      parser->activity = patella_activity_new (PATELLA_SOURCE_TCX);
      parser->activity->sport = g_strdup (sport != NULL ? sport : "Running");
      parser->activity->is_run = sport == NULL || g_ascii_strcasecmp (sport, "Running") == 0;
      parser->distance = 0;
      parser->seconds = 0;
      parser->have_start = FALSE;
      parser->lap_cadence_sum = 0;
      parser->lap_cadence_time = 0;
      parser->lap_seconds = 0;
      parser->lap_avg_cadence = 0;
      parser->point_cadence_sum = 0;
      parser->point_cadence_n = 0;
      parser->have_altitude = FALSE;
      parser->descent = 0;
    }
  else if (parser->activity == NULL)
    {
      return;
    }
  else if (g_str_equal (name, "Lap"))
    {
      for (guint i = 0; attribute_names[i] != NULL; i++)
        {
          gint64 us;

          if (!g_str_equal (attribute_names[i], "StartTime") || parser->have_start)
            continue;

          if (!patella_parse_instant (attribute_values[i], &us))
            {
              int line;

              g_markup_parse_context_get_position (context, &line, NULL);
              refuse (error, _("The lap start “%s” on line %d is not a date and time like "
                               "2026-03-14T07:30:00Z"), attribute_values[i], line);
              return;
            }
          parser->activity->start_us = us;
          parser->have_start = TRUE;
        }
    }
  else if ((g_str_equal (name, "DistanceMeters") && g_str_equal (parent (context, 1), "Lap")) ||
           (g_str_equal (name, "TotalTimeSeconds") && g_str_equal (parent (context, 1), "Lap")) ||
           (g_str_equal (name, "AltitudeMeters") &&
            g_str_equal (parent (context, 1), "Trackpoint")) ||
           g_str_equal (name, "RunCadence") || g_str_equal (name, "AvgRunCadence"))
    {
      parser->collect = TRUE;
      g_string_truncate (parser->text, 0);
    }
}

static void
tcx_text (GMarkupParseContext  *context,
          const char           *text,
          gsize                 text_len,
          gpointer              user_data,
          GError              **error)
{
  TcxParser *parser = user_data;

  if (!parser->collect)
    return;

  if (parser->text->len + text_len > MAX_TEXT)
    {
      refuse (error, _("A number in the TCX file is too long"));
      return;
    }

  g_string_append_len (parser->text, text, (gssize) text_len);
}

static gboolean
parse_number (GMarkupParseContext  *context,
              const char           *text,
              double                max,
              double               *value,
              GError              **error)
{
  g_autofree char *copy = g_strstrip (g_strdup (text));
  char *end = NULL;
  int line;

  *value = g_ascii_strtod (copy, &end);
  if (copy[0] != '\0' && end != NULL && *end == '\0' && isfinite (*value) &&
      fabs (*value) <= max)
    return TRUE;

  g_markup_parse_context_get_position (context, &line, NULL);
  return refuse (error, _("“%s” on line %d of the TCX file is not a number from 0 to %.0f"),
                 copy, line, max);
}

static void
tcx_end (GMarkupParseContext  *context,
         const char           *element_name,
         gpointer              user_data,
         GError              **error)
{
  TcxParser *parser = user_data;
  const char *name = patella_xml_local_name (element_name);
  gboolean collected = parser->collect;
  double value;

  parser->collect = FALSE;

  if (parser->activity != NULL && collected)
    {
      /* Altitude may be negative; everything else is not. */
      if (!parse_number (context, parser->text->str, 1e9, &value, error))
        goto out;
      if (value < 0 && !g_str_equal (name, "AltitudeMeters"))
        {
          refuse (error, _("The TCX file has a negative <%s>"), name);
          goto out;
        }

      if (g_str_equal (name, "DistanceMeters"))
        parser->distance += value;
      else if (g_str_equal (name, "TotalTimeSeconds"))
        {
          parser->seconds += value;
          parser->lap_seconds = value;
        }
      else if (g_str_equal (name, "AvgRunCadence"))
        parser->lap_avg_cadence = value;
      else if (g_str_equal (name, "RunCadence"))
        {
          if (value > 0 && value < 1000)
            {
              parser->point_cadence_sum += (gint64) value;
              parser->point_cadence_n++;
            }
        }
      else if (g_str_equal (name, "AltitudeMeters"))
        {
          if (parser->have_altitude && value < parser->last_altitude)
            parser->descent += parser->last_altitude - value;
          parser->last_altitude = value;
          parser->have_altitude = TRUE;
        }
    }
  else if (parser->activity != NULL && g_str_equal (name, "Lap"))
    {
      finish_lap (parser);
    }
  else if (parser->activity != NULL && g_str_equal (name, "Activity") &&
           g_str_equal (parent (context, 1), "Activities"))
    {
      PatellaActivity *activity = g_steal_pointer (&parser->activity);

      activity->distance_m = (gint64) MIN (round (parser->distance), (double) G_MAXINT32);
      activity->duration_s = (gint64) MIN (round (parser->seconds), (double) G_MAXINT32);
      /* RunCadence counts strides, like the watch's own figure. */
      if (parser->lap_cadence_time > 0)
        activity->cadence_spm = (int) lround (2 * parser->lap_cadence_sum /
                                              parser->lap_cadence_time);
      else if (parser->point_cadence_n > 0)
        activity->cadence_spm = (int) lround (2.0 * parser->point_cadence_sum /
                                              parser->point_cadence_n);
      activity->has_descent = parser->have_altitude;
      activity->descent_m = (gint64) round (parser->descent);
      g_ptr_array_add (parser->activities, activity);
    }

out:
  if (parser->depth > 0)
    parser->depth--;
}

static void
tcx_passthrough (GMarkupParseContext  *context,
                 const char           *text,
                 gsize                 text_len,
                 gpointer              user_data,
                 GError              **error)
{
  patella_xml_refuse_doctype (text, text_len, "TCX", error);
}

static const GMarkupParser tcx_parser = {
  tcx_start, tcx_end, tcx_text, tcx_passthrough, NULL,
};

/**
 * patella_tcx_read:
 *
 * Reads the activities of a Training Center XML file: distance as the sum of
 * the laps' DistanceMeters, duration as the sum of their TotalTimeSeconds,
 * the start as the first lap's StartTime (never Activity/Id, which some
 * exports cut to the minute), cadence from RunCadence extensions, doubled.
 *
 * Returns: (transfer full) (element-type PatellaActivity): the activities,
 *   or %NULL with @error set
 */
GPtrArray *
patella_tcx_read (const char  *data,
                  gsize        length,
                  GError     **error)
{
  g_autoptr(GPtrArray) activities = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  TcxParser parser = { 0 };

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  activities = g_ptr_array_new_with_free_func ((GDestroyNotify) patella_activity_free);
  parser.activities = activities;
  parser.text = text;

  if (!patella_xml_read (data, length, "TCX", &tcx_parser, &parser, &parser.activity, error))
    return NULL;

  if (activities->len == 0)
    {
      patella_error_refuse (error, PATELLA_ERROR_NOT_FOUND,
                            _("The TCX file has no activities (<Activity>)"));
      return NULL;
    }

  return g_steal_pointer (&activities);
}
