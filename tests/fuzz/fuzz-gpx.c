/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libFuzzer target: the GPX reader. */
#include "config.h"

#include "patella-gpx.h"

#include "fuzz-activity.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GPtrArray) activities = NULL;
  g_autoptr(GError) error = NULL;

  activities = patella_gpx_read ((const char *) data, size, &error);
  fuzz_check_activities (activities, error);

  return 0;
}
