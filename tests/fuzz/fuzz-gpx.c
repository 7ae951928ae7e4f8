/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libFuzzer target: the GPX parser. */
#include "config.h"

#include "patella-import.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GPtrArray) tracks = NULL;
  g_autoptr(GError) error = NULL;

  tracks = patella_gpx_parse ((const char *) data, size, &error);
  g_assert ((tracks == NULL) != (error == NULL));

  for (guint i = 0; tracks != NULL && i < tracks->len; i++)
    {
      PatellaGpxTrack *track = g_ptr_array_index (tracks, i);

      g_assert (track->distance_m >= 0);
      g_assert (track->day == NULL || strlen (track->day) == 10);
    }

  return 0;
}
