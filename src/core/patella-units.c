/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "patella-units"

#include "config.h"

#include <glib/gi18n.h>
#include <langinfo.h>
#include <math.h>

#include "patella-units.h"

/**
 * patella_unit_for_locale:
 *
 * Returns: miles where the locale measures in imperial units, else kilometres
 */
PatellaDistanceUnit
patella_unit_for_locale (void)
{
#ifdef _NL_MEASUREMENT_MEASUREMENT
  const char *measurement = nl_langinfo (_NL_MEASUREMENT_MEASUREMENT);

  /* glibc: 1 is metric, 2 is imperial (US customary). */
  if (measurement != NULL && measurement[0] == 2)
    return PATELLA_UNIT_MI;
#endif

  return PATELLA_UNIT_KM;
}

PatellaDistanceUnit
patella_unit_from_setting (const char *setting)
{
  if (g_strcmp0 (setting, "mi") == 0)
    return PATELLA_UNIT_MI;

  if (g_strcmp0 (setting, "km") == 0)
    return PATELLA_UNIT_KM;

  return patella_unit_for_locale ();
}

/* The user's choice, set by the context from the settings; until then, and
 * without settings, the locale's. */
static PatellaDistanceUnit preferred_unit = -1;

/**
 * patella_unit_set_preferred:
 *
 * Sets the unit patella_unit_get_preferred() returns: the context does, from
 * the setting, and again when it changes.
 */
void
patella_unit_set_preferred (PatellaDistanceUnit unit)
{
  preferred_unit = unit;
}

/**
 * patella_unit_get_preferred:
 *
 * Returns: the unit the user chose in Preferences, or the locale's
 */
PatellaDistanceUnit
patella_unit_get_preferred (void)
{
  if ((int) preferred_unit < 0)
    return patella_unit_for_locale ();

  return preferred_unit;
}

double
patella_unit_metres_per (PatellaDistanceUnit unit)
{
  return unit == PATELLA_UNIT_MI ? PATELLA_METRES_PER_MILE : PATELLA_METRES_PER_KM;
}

const char *
patella_unit_get_symbol (PatellaDistanceUnit unit)
{
  /* Translators: unit symbols for miles and kilometres */
  return unit == PATELLA_UNIT_MI ? C_("unit", "mi") : C_("unit", "km");
}

double
patella_metres_to_unit (gint64              metres,
                        PatellaDistanceUnit unit)
{
  return (double) metres / patella_unit_metres_per (unit);
}

gint64
patella_unit_to_metres (double              value,
                        PatellaDistanceUnit unit)
{
  return (gint64) llround (value * patella_unit_metres_per (unit));
}

/**
 * patella_format_distance:
 *
 * Returns: (transfer full): the distance with one decimal and its unit, "5.2 mi"
 */
char *
patella_format_distance (gint64              metres,
                         PatellaDistanceUnit unit)
{
  double value = patella_metres_to_unit (metres, unit);

  if (unit == PATELLA_UNIT_MI)
    /* Translators: a distance in miles */
    return g_strdup_printf (_("%.1f mi"), value);

  /* Translators: a distance in kilometres */
  return g_strdup_printf (_("%.1f km"), value);
}

/**
 * patella_format_duration:
 *
 * Returns: (transfer full): "H:MM:SS" or "MM:SS"
 */
char *
patella_format_duration (gint64 seconds)
{
  if (seconds < 0)
    seconds = 0;

  if (seconds >= 3600)
    return g_strdup_printf ("%" G_GINT64_FORMAT ":%02d:%02d",
                            seconds / 3600, (int) (seconds / 60 % 60), (int) (seconds % 60));

  return g_strdup_printf ("%02d:%02d", (int) (seconds / 60), (int) (seconds % 60));
}

/**
 * patella_format_pace:
 *
 * Returns: (transfer full) (nullable): minutes per unit, "8:05 /mi", or %NULL
 *   when there is no duration
 */
char *
patella_format_pace (gint64              metres,
                     gint64              seconds,
                     PatellaDistanceUnit unit)
{
  gint64 per_unit;

  if (metres <= 0 || seconds <= 0)
    return NULL;

  per_unit = (gint64) llround ((double) seconds * patella_unit_metres_per (unit) / (double) metres);

  if (unit == PATELLA_UNIT_MI)
    /* Translators: a pace, minutes and seconds per mile */
    return g_strdup_printf (_("%d:%02d /mi"), (int) (per_unit / 60), (int) (per_unit % 60));

  /* Translators: a pace, minutes and seconds per kilometre */
  return g_strdup_printf (_("%d:%02d /km"), (int) (per_unit / 60), (int) (per_unit % 60));
}
