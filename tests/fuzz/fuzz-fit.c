/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libFuzzer target: the FIT decoder. The CRC would stop almost every
 * mutated input at the door, so half of the inputs get a correct one: the
 * decoder behind it is fuzzed too. */
#include "config.h"

#include "patella-fit.h"

#include "fuzz-activity.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

static void
check (const guint8 *data,
       size_t        size)
{
  g_autoptr(GPtrArray) activities = NULL;
  g_autoptr(GError) error = NULL;

  activities = patella_fit_read (data, size, &error);
  fuzz_check_activities (activities, error);
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  check (data, size);

  /* The same bytes with a good CRC over what the header says is there. */
  if (size >= 14 && (data[0] & 1) == 0)
    {
      g_autofree guint8 *copy = g_memdup2 (data, size);
      gsize header = MAX (copy[0], 12);
      gsize end = MIN (size - 2, header + (copy[4] | copy[5] << 8));
      guint16 crc;

      if (header > size - 2)
        return 0;
      copy[4] = (end - header) & 0xff;
      copy[5] = ((end - header) >> 8) & 0xff;
      copy[6] = 0;
      copy[7] = 0;
      if (header >= 14)
        {
          copy[12] = 0;
          copy[13] = 0;
        }
      crc = patella_fit_crc (0, copy, end);
      copy[end] = crc & 0xff;
      copy[end + 1] = crc >> 8;
      check (copy, end + 2);
    }

  return 0;
}
