/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libFuzzer target: the distance, duration and date parsers. */
#include "config.h"

#include "patella-parse.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autofree char *text = g_strndup ((const char *) data, size);
  g_autoptr(GError) error = NULL;
  gint64 metres = -1;
  gint64 seconds = -1;
  GDate date;

  if (patella_parse_distance (text, PATELLA_UNIT_KM, &metres, &error))
    g_assert (metres >= 0 && metres <= PATELLA_DISTANCE_MAX_M);
  else
    g_assert (error != NULL);
  g_clear_error (&error);

  if (patella_parse_distance (text, PATELLA_UNIT_MI, &metres, &error))
    g_assert (metres >= 0 && metres <= PATELLA_DISTANCE_MAX_M);
  g_clear_error (&error);

  if (patella_parse_duration (text, &seconds, &error))
    g_assert (seconds >= 0 && seconds <= PATELLA_DURATION_MAX_S);
  else
    g_assert (error != NULL);
  g_clear_error (&error);

  if (patella_parse_date (text, &date, &error))
    {
      g_autofree char *back = patella_date_to_string (&date);

      g_assert (g_date_valid (&date));
      g_assert (strlen (back) == 10);
    }
  else
    {
      g_assert (error != NULL);
    }

  return 0;
}
