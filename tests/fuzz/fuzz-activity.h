/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* What every activity reader promises, whatever the bytes: a list of
 * activities or an error, never both; no negative totals; a day that is a
 * day or none. */

#include <string.h>

#include "patella-activity.h"

static inline void
fuzz_check_activities (GPtrArray    *activities,
                       const GError *error)
{
  g_assert ((activities == NULL) != (error == NULL));

  for (guint i = 0; activities != NULL && i < activities->len; i++)
    {
      PatellaActivity *activity = g_ptr_array_index (activities, i);
      g_autofree char *day = patella_activity_get_day (activity);

      g_assert (activity->distance_m >= 0);
      g_assert (activity->duration_s >= 0);
      g_assert (activity->cadence_spm >= 0);
      g_assert (day == NULL || strlen (day) == 10);
    }
}

/* The whole entry point of a target for a reader of text files. */
#define FUZZ_TEXT_READER(read)                                          \
  int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);         \
                                                                        \
  int                                                                   \
  LLVMFuzzerTestOneInput (const guint8 *data,                           \
                          size_t        size)                           \
  {                                                                     \
    g_autoptr(GPtrArray) activities = NULL;                             \
    g_autoptr(GError) error = NULL;                                     \
                                                                        \
    activities = read ((const char *) data, size, &error);              \
    fuzz_check_activities (activities, error);                          \
    return 0;                                                           \
  }
