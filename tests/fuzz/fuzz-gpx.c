/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libFuzzer target: the GPX reader. */
#include "config.h"

#include "patella-gpx.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GPtrArray) activities = NULL;
  g_autoptr(GError) error = NULL;

  activities = patella_gpx_read ((const char *) data, size, &error);
  g_assert ((activities == NULL) != (error == NULL));

  for (guint i = 0; activities != NULL && i < activities->len; i++)
    {
      PatellaActivity *activity = g_ptr_array_index (activities, i);
      g_autofree char *day = patella_activity_get_day (activity);

      g_assert (activity->distance_m >= 0);
      g_assert (activity->duration_s >= 0);
      g_assert (day == NULL || strlen (day) == 10);
    }

  return 0;
}
