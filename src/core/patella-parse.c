/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "patella-parse"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "patella-error.h"
#include "patella-parse.h"

typedef struct
{
  const char          *name;
  PatellaDistanceUnit  unit;
  double               metres;
} UnitName;

static const UnitName unit_names[] = {
  { "mi",         PATELLA_UNIT_MI, PATELLA_METRES_PER_MILE },
  { "mile",       PATELLA_UNIT_MI, PATELLA_METRES_PER_MILE },
  { "miles",      PATELLA_UNIT_MI, PATELLA_METRES_PER_MILE },
  { "km",         PATELLA_UNIT_KM, 1000.0 },
  { "kilometre",  PATELLA_UNIT_KM, 1000.0 },
  { "kilometres", PATELLA_UNIT_KM, 1000.0 },
  { "kilometer",  PATELLA_UNIT_KM, 1000.0 },
  { "kilometers", PATELLA_UNIT_KM, 1000.0 },
  { "m",          PATELLA_UNIT_KM, 1.0 },
  { "metre",      PATELLA_UNIT_KM, 1.0 },
  { "metres",     PATELLA_UNIT_KM, 1.0 },
  { "meter",      PATELLA_UNIT_KM, 1.0 },
  { "meters",     PATELLA_UNIT_KM, 1.0 },
};

static gboolean
check_utf8 (const char  *text,
            GError     **error)
{
  if (!g_utf8_validate (text, -1, NULL))
    return patella_error_refuse (error, PATELLA_ERROR_INVALID,
                                 _("The text is not valid UTF-8; use plain text"));

  return TRUE;
}

/* Skips [0-9]+ and returns how many digits there were. */
static gsize
skip_digits (const char **p)
{
  const char *start = *p;

  while (g_ascii_isdigit (**p))
    (*p)++;

  return *p - start;
}

/**
 * patella_parse_distance:
 * @text: "5.2mi", "8 km", "800m" or a bare number in @default_unit
 * @metres: (out): the distance in whole metres
 *
 * Returns: %TRUE if @text is a distance above zero
 */
gboolean
patella_parse_distance (const char           *text,
                        PatellaDistanceUnit   default_unit,
                        gint64               *metres,
                        GError              **error)
{
  g_autofree char *copy = NULL;
  g_autofree char *number = NULL;
  const char *p;
  const char *unit_start;
  double factor = patella_unit_metres_per (default_unit);
  double value;
  double result;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (metres != NULL, FALSE);

  if (!check_utf8 (text, error))
    return FALSE;

  copy = g_strstrip (g_strdup (text));
  p = copy;

  if (*p == '-')
    return patella_error_refuse (error, PATELLA_ERROR_INVALID,
                                 _("“%s” is negative; a distance must be more than 0, like 5.2mi, "
                                   "8km or 800m"), copy);

  if (skip_digits (&p) == 0)
    return patella_error_refuse (error, PATELLA_ERROR_INVALID,
                                 _("“%s” is not a distance; write a number and a unit, like 5.2mi, "
                                   "8km or 800m"), copy);

  if (*p == '.' || *p == ',')
    {
      p++;
      skip_digits (&p);
    }

  if ((*p == 'e' || *p == 'E') && (g_ascii_isdigit (p[1]) ||
                                   ((p[1] == '+' || p[1] == '-') && g_ascii_isdigit (p[2]))))
    {
      p += 2;
      skip_digits (&p);
    }

  number = g_strndup (copy, p - copy);
  g_strdelimit (number, ",", '.');
  value = g_ascii_strtod (number, NULL);

  unit_start = p;
  while (g_ascii_isspace (*unit_start))
    unit_start++;

  if (*unit_start != '\0')
    {
      gboolean found = FALSE;

      for (guint i = 0; i < G_N_ELEMENTS (unit_names); i++)
        {
          if (g_ascii_strcasecmp (unit_start, unit_names[i].name) == 0)
            {
              factor = unit_names[i].metres;
              found = TRUE;
              break;
            }
        }

      if (!found)
        return patella_error_refuse (error, PATELLA_ERROR_INVALID,
                                     _("“%s” is not a unit Patella knows; use mi, km or m, like 5.2mi, "
                                       "8km or 800m"), unit_start);
    }

  result = value * factor;

  if (!isfinite (result) || result > (double) PATELLA_DISTANCE_MAX_M)
    return patella_error_refuse (error, PATELLA_ERROR_INVALID,
                                 _("“%s” is too far; a distance can be at most 10 000 km"), copy);

  if (llround (result) <= 0)
    return patella_error_refuse (error, PATELLA_ERROR_INVALID,
                                 _("“%s” is zero; a distance must be more than 0, like 5.2mi, 8km or "
                                   "800m"), copy);

  *metres = llround (result);
  return TRUE;
}

static gboolean
parse_field (const char **p,
             gsize        min_digits,
             gsize        max_digits,
             gint64      *out)
{
  const char *start = *p;
  gsize n = skip_digits (p);

  if (n < min_digits || n > max_digits)
    return FALSE;

  *out = g_ascii_strtoll (start, NULL, 10);
  return TRUE;
}

/**
 * patella_parse_duration:
 * @text: "[H:]MM:SS", like "45:30" or "1:02:03"
 * @seconds: (out): the duration in seconds
 */
gboolean
patella_parse_duration (const char  *text,
                        gint64      *seconds,
                        GError     **error)
{
  g_autofree char *copy = NULL;
  gint64 fields[3] = { 0 };
  guint n_fields = 0;
  const char *p;
  gint64 total;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (seconds != NULL, FALSE);

  if (!check_utf8 (text, error))
    return FALSE;

  copy = g_strstrip (g_strdup (text));
  p = copy;

  while (n_fields < 3)
    {
      if (!parse_field (&p, 1, 4, &fields[n_fields]))
        break;

      n_fields++;
      if (*p != ':')
        break;
      p++;
    }

  if (*p != '\0' || n_fields < 2)
    return patella_error_refuse (error, PATELLA_ERROR_INVALID,
                                 _("“%s” is not a duration; write minutes and seconds as MM:SS, or "
                                   "H:MM:SS, like 45:30 or 1:05:00"), copy);

  if (n_fields == 3)
    {
      if (fields[1] > 59 || fields[2] > 59)
        return patella_error_refuse (error, PATELLA_ERROR_INVALID,
                                     _("“%s” is not a duration; minutes and seconds go from 00 to 59, "
                                       "like 1:05:00"), copy);
      total = fields[0] * 3600 + fields[1] * 60 + fields[2];
    }
  else
    {
      if (fields[1] > 59)
        return patella_error_refuse (error, PATELLA_ERROR_INVALID,
                                     _("“%s” is not a duration; seconds go from 00 to 59, like 45:30"),
                                     copy);
      total = fields[0] * 60 + fields[1];
    }

  if (total <= 0)
    return patella_error_refuse (error, PATELLA_ERROR_INVALID,
                                 _("“%s” is zero; a duration must be longer than 0 seconds"), copy);

  if (total > PATELLA_DURATION_MAX_S)
    return patella_error_refuse (error, PATELLA_ERROR_INVALID,
                                 _("“%s” is too long; a duration can be at most 48:00:00"), copy);

  *seconds = total;
  return TRUE;
}

/**
 * patella_parse_date:
 * @text: a calendar date, "YYYY-MM-DD", between the years 1900 and 2999
 * @date: (out caller-allocates): the date
 */
gboolean
patella_parse_date (const char  *text,
                    GDate       *date,
                    GError     **error)
{
  g_autofree char *copy = NULL;
  const char *p;
  gint64 year;
  gint64 month;
  gint64 day;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (date != NULL, FALSE);

  if (!check_utf8 (text, error))
    return FALSE;

  copy = g_strstrip (g_strdup (text));
  p = copy;

  if (!parse_field (&p, 4, 4, &year) || *p++ != '-' ||
      !parse_field (&p, 2, 2, &month) || *p++ != '-' ||
      !parse_field (&p, 2, 2, &day) || *p != '\0')
    return patella_error_refuse (error, PATELLA_ERROR_INVALID,
                                 _("“%s” is not a date; write it as YYYY-MM-DD, like 2026-03-14"), copy);

  if (year < 1900 || year > 2999)
    return patella_error_refuse (error, PATELLA_ERROR_INVALID,
                                 _("“%s” is out of range; dates go from 1900-01-01 to 2999-12-31"), copy);

  if (!g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    return patella_error_refuse (error, PATELLA_ERROR_INVALID,
                                 _("“%s” is not a day of the calendar; check the month and the day"),
                                 copy);

  g_date_clear (date, 1);
  g_date_set_dmy (date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
  return TRUE;
}

/**
 * patella_date_to_string:
 *
 * Returns: (transfer full): "YYYY-MM-DD"
 */
char *
patella_date_to_string (const GDate *date)
{
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  return g_strdup_printf ("%04u-%02u-%02u",
                          (guint) g_date_get_year (date),
                          (guint) g_date_get_month (date),
                          (guint) g_date_get_day (date));
}

gboolean
patella_check_pain (int      pain,
                    GError **error)
{
  if (pain < 0 || pain > 10)
    return patella_error_refuse (error, PATELLA_ERROR_INVALID,
                                 _("Pain %d is out of range; rate pain with a whole number from 0 (none) "
                                   "to 10 (worst)"), pain);

  return TRUE;
}

/**
 * patella_parse_pain:
 * @text: a whole number from 0 to 10
 * @pain: (out): the pain
 */
gboolean
patella_parse_pain (const char  *text,
                    int         *pain,
                    GError     **error)
{
  g_autofree char *copy = NULL;
  const char *p;
  gint64 value;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (pain != NULL, FALSE);

  if (!check_utf8 (text, error))
    return FALSE;

  copy = g_strstrip (g_strdup (text));
  p = copy;

  if (*p == '-' && g_ascii_isdigit (p[1]))
    return patella_error_refuse (error, PATELLA_ERROR_INVALID,
                                 _("Pain “%s” is out of range; rate pain with a whole number from 0 "
                                   "(none) to 10 (worst)"), copy);

  if (!parse_field (&p, 1, 3, &value) || *p != '\0')
    return patella_error_refuse (error, PATELLA_ERROR_INVALID,
                                 _("“%s” is not a pain rating; use a whole number from 0 (none) to 10 "
                                   "(worst)"), copy);

  if (value > 10)
    return patella_error_refuse (error, PATELLA_ERROR_INVALID,
                                 _("Pain “%s” is out of range; rate pain with a whole number from 0 "
                                   "(none) to 10 (worst)"), copy);

  *pain = (int) value;
  return TRUE;
}

/**
 * patella_parse_optional_pain:
 * @text: a whole number from 0 to 10, or "none" (any case)
 * @pain: (out): the pain, or %PATELLA_PAIN_NONE for "none"
 *
 * For the ratings a day may leave out (during activity, the next morning),
 * which "none" takes back.
 */
gboolean
patella_parse_optional_pain (const char  *text,
                             int         *pain,
                             GError     **error)
{
  g_autofree char *copy = NULL;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (pain != NULL, FALSE);

  if (!check_utf8 (text, error))
    return FALSE;

  copy = g_strstrip (g_strdup (text));
  if (g_ascii_strcasecmp (copy, "none") == 0)
    {
      *pain = PATELLA_PAIN_NONE;
      return TRUE;
    }

  /* A word, not a number: "none" is the other choice. */
  if (!g_ascii_isdigit (*copy) && *copy != '-')
    return patella_error_refuse (error, PATELLA_ERROR_INVALID,
                                 _("“%s” is neither a rating nor “none”; rate pain with a whole "
                                   "number from 0 (none) to 10 (worst), or give “none” to clear "
                                   "it"), copy);

  return patella_parse_pain (copy, pain, error);
}

/**
 * patella_check_text:
 * @max_chars: the most characters allowed
 *
 * Checks free text such as a note: valid UTF-8 and not too long.
 */
gboolean
patella_check_text (const char  *text,
                    gsize        max_chars,
                    GError     **error)
{
  glong n;

  g_return_val_if_fail (text != NULL, FALSE);

  if (!check_utf8 (text, error))
    return FALSE;

  n = g_utf8_strlen (text, -1);
  if ((gsize) n > max_chars)
    return patella_error_refuse (error, PATELLA_ERROR_INVALID,
                                 _("The text is %ld characters long; at most %lu are accepted"),
                                 n, (gulong) max_chars);

  return TRUE;
}

/**
 * patella_parse_name:
 *
 * A name, such as a shoe's: trimmed, 1 to 100 characters on one line.
 *
 * Returns: (transfer full) (nullable): the trimmed name in NFC, or %NULL
 */
char *
patella_parse_name (const char  *text,
                    GError     **error)
{
  g_autofree char *normal = NULL;

  g_return_val_if_fail (text != NULL, NULL);

  if (!check_utf8 (text, error))
    return NULL;

  normal = g_utf8_normalize (text, -1, G_NORMALIZE_NFC);
  g_strstrip (normal);

  if (*normal == '\0')
    {
      patella_error_refuse (error, PATELLA_ERROR_INVALID,
                            _("The name is empty; give a name of 1 to 100 characters"));
      return NULL;
    }

  for (const char *p = normal; *p != '\0'; p = g_utf8_next_char (p))
    {
      if (g_unichar_iscntrl (g_utf8_get_char (p)))
        {
          patella_error_refuse (error, PATELLA_ERROR_INVALID,
                                _("The name contains a line break or a control character; give a name "
                                  "of 1 to 100 characters on one line"));
          return NULL;
        }
    }

  if (g_utf8_strlen (normal, -1) > PATELLA_NAME_MAX_CHARS)
    {
      patella_error_refuse (error, PATELLA_ERROR_INVALID,
                            _("The name is %ld characters long; give a name of 1 to 100 characters"),
                            g_utf8_strlen (normal, -1));
      return NULL;
    }

  return g_steal_pointer (&normal);
}
