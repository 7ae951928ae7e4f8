/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "patella-activity"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "patella-activity.h"
#include "patella-error.h"

static const char * const source_names[] = {
  [PATELLA_SOURCE_MANUAL] = "manual",
  [PATELLA_SOURCE_JSON] = "json",
  [PATELLA_SOURCE_FIT] = "fit",
  [PATELLA_SOURCE_TCX] = "tcx",
  [PATELLA_SOURCE_GPX] = "gpx",
};

PatellaActivity *
patella_activity_new (PatellaSource source)
{
  PatellaActivity *activity = g_new0 (PatellaActivity, 1);

  activity->source = source;
  activity->local_offset_s = G_MININT32;
  return activity;
}

void
patella_activity_free (PatellaActivity *activity)
{
  if (activity == NULL)
    return;

  g_free (activity->sport);
  g_free (activity->problem);
  g_free (activity);
}

/**
 * patella_activity_get_day:
 *
 * Returns: (transfer full) (nullable): the local day of the start in this
 *   process's time zone, "YYYY-MM-DD", or %NULL when the start is unknown or
 *   outside 1900–2999
 */
char *
patella_activity_get_day (const PatellaActivity *activity)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;

  g_return_val_if_fail (activity != NULL, NULL);

  if (activity->start_us == 0)
    return NULL;

  utc = g_date_time_new_from_unix_utc (activity->start_us / G_USEC_PER_SEC);
  if (utc == NULL)
    return NULL;

  local = g_date_time_to_local (utc);
  if (local == NULL || g_date_time_get_year (local) < 1900 || g_date_time_get_year (local) > 2999)
    return NULL;

  return g_date_time_format (local, "%Y-%m-%d");
}

const char *
patella_source_to_string (PatellaSource source)
{
  g_return_val_if_fail (source <= PATELLA_SOURCE_GPX, "manual");

  return source_names[source];
}

gboolean
patella_source_from_string (const char    *text,
                            PatellaSource *source)
{
  for (guint i = 0; i < G_N_ELEMENTS (source_names); i++)
    {
      if (text != NULL && g_str_equal (text, source_names[i]))
        {
          *source = i;
          return TRUE;
        }
    }

  return FALSE;
}

/**
 * patella_source_rank:
 *
 * Returns: how much a device file's numbers are trusted: FIT over TCX over
 *   GPX; typed and exported runs rank below every device file
 */
int
patella_source_rank (PatellaSource source)
{
  switch (source)
    {
    case PATELLA_SOURCE_FIT:
      return 3;
    case PATELLA_SOURCE_TCX:
      return 2;
    case PATELLA_SOURCE_GPX:
      return 1;
    case PATELLA_SOURCE_MANUAL:
    case PATELLA_SOURCE_JSON:
    default:
      return 0;
    }
}

/* ---------------------------------------------------------------- XML help */

/**
 * patella_xml_skip_prolog:
 * @length: (inout): the length of @data, then of what is left
 *
 * Returns: @data after a byte order mark and white space
 */
const char *
patella_xml_skip_prolog (const char *data,
                         gsize      *length)
{
  gsize i = 0;

  if (*length >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    i = 3;
  while (i < *length && g_ascii_isspace (data[i]))
    i++;

  *length -= i;
  return data + i;
}

gboolean
patella_xml_check_input (const char  *data,
                         gsize        length,
                         const char  *format,
                         GError     **error)
{
  if (length > PATELLA_ACTIVITY_MAX_BYTES)
    return patella_error_refuse (error, PATELLA_ERROR_INVALID,
                                 _("The file is larger than %d MB; it cannot be imported"),
                                 PATELLA_ACTIVITY_MAX_BYTES / (1024 * 1024));

  if (length == 0)
    return patella_error_refuse (error, PATELLA_ERROR_INVALID,
                                 _("The %s file is empty"), format);

  if (!g_utf8_validate_len (data, length, NULL) || memchr (data, '\0', length) != NULL)
    return patella_error_refuse (error, PATELLA_ERROR_INVALID,
                                 _("The %s file is not UTF-8 text"), format);

  return TRUE;
}

/* Called from a GMarkup passthrough: GMarkup never expands entities other
 * than the five predefined ones, but a document type declaration has no
 * place in an activity file, so it is refused outright. */
gboolean
patella_xml_refuse_doctype (const char  *text,
                            gsize        text_len,
                            const char  *format,
                            GError     **error)
{
  if (text_len >= 2 && text[0] == '<' && text[1] == '!' &&
      !(text_len >= 4 && text[2] == '-' && text[3] == '-') &&
      !(text_len >= 9 && strncmp (text, "<![CDATA[", 9) == 0))
    return patella_error_refuse (error, PATELLA_ERROR_INVALID,
                                 _("The %s file has a document type declaration (<!DOCTYPE> or "
                                   "<!ENTITY>); such files are refused because they can hide "
                                   "entity expansion tricks"), format);

  return TRUE;
}

/**
 * patella_xml_read:
 * @format: "GPX", "TCX": for messages
 * @parser: the reader's callbacks, called with @user_data
 * @current: (inout): the activity being read, freed when the file ends or
 *   breaks off
 *
 * Reads an activity file with GMarkup, the skeleton the XML readers share:
 * the size limit before reading, a byte order mark and white space before
 * the first element skipped, UTF-8 text only.
 *
 * Returns: whether the file was read; the reader's own refusals come back
 *   as they are, GMarkup's with what the file is not
 */
gboolean
patella_xml_read (const char           *data,
                  gsize                 length,
                  const char           *format,
                  const GMarkupParser  *parser,
                  gpointer              user_data,
                  PatellaActivity     **current,
                  GError              **error)
{
  g_autoptr(GMarkupParseContext) context = NULL;
  g_autoptr(GError) local_error = NULL;
  gboolean ok;

  if (length > PATELLA_ACTIVITY_MAX_BYTES)
    return patella_error_refuse (error, PATELLA_ERROR_INVALID,
                                 _("The file is larger than %d MB; it cannot be imported"),
                                 PATELLA_ACTIVITY_MAX_BYTES / (1024 * 1024));

  data = patella_xml_skip_prolog (data, &length);
  if (!patella_xml_check_input (data, length, format, error))
    return FALSE;

  context = g_markup_parse_context_new (parser, G_MARKUP_TREAT_CDATA_AS_TEXT, user_data, NULL);
  ok = g_markup_parse_context_parse (context, data, (gssize) length, &local_error) &&
       g_markup_parse_context_end_parse (context, &local_error);
  g_clear_pointer (current, patella_activity_free);

  if (ok)
    return TRUE;

  if (local_error->domain == PATELLA_ERROR)
    g_propagate_error (error, g_steal_pointer (&local_error));
  else
    patella_error_refuse (error, PATELLA_ERROR_INVALID,
                          /* Translators: "The file is not valid GPX: <what GMarkup says>" */
                          _("The file is not valid %s: %s"), format, local_error->message);
  return FALSE;
}

/* "gpx:trkpt" and "trkpt" alike. */
const char *
patella_xml_local_name (const char *name)
{
  const char *colon = strrchr (name, ':');

  return colon != NULL ? colon + 1 : name;
}

/**
 * patella_parse_instant:
 *
 * Reads an ISO 8601 date and time with fractional seconds; one without a
 * zone is UTC, as activity files mean it. Years outside 1900–2999 are read
 * too: patella_activity_get_day() turns them down with a reason.
 */
gboolean
patella_parse_instant (const char *text,
                       gint64     *us)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) time = NULL;
  g_autofree char *copy = g_strstrip (g_strdup (text));

  time = g_date_time_new_from_iso8601 (copy, utc);
  if (time == NULL)
    return FALSE;

  *us = g_date_time_to_unix (time) * G_USEC_PER_SEC + g_date_time_get_microsecond (time);
  return TRUE;
}
