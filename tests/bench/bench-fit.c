/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Benchmark helper (never installed, never part of the test suite):
 *
 *   bench-fit DIR N
 *       writes N FIT files of 1-hour runs into DIR, one a day going back
 *       from 2026-01-01, each with a record a second (compressed
 *       timestamps, a developer field), as a watch writes them.
 */
#define G_LOG_DOMAIN "bench-fit"

#include "config.h"

#include <stdlib.h>

#include "../patella-test-fit.h"

int
main (int    argc,
      char **argv)
{
  g_autoptr(GDateTime) first = NULL;
  guint n;

  if (argc != 3)
    {
      g_printerr ("usage: bench-fit DIR N\n");
      return 2;
    }

  n = (guint) atoi (argv[2]);
  g_mkdir_with_parents (argv[1], 0700);
  first = g_date_time_new_utc (2026, 1, 1, 6, 30, 0);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GDateTime) day = g_date_time_add_days (first, -(int) i);
      g_autofree char *iso = g_date_time_format_iso8601 (day);
      g_autofree char *name = g_strdup_printf ("%s/run-%04u.fit", argv[1], i);
      g_autoptr(GError) error = NULL;
      FitWriter *w = fit_writer_new ();
      FitSession session = { 0 };
      g_autoptr(GBytes) bytes = NULL;

      /* 8 to 12 km in an hour. */
      session.start = fit_time (iso);
      session.sport = 1;
      session.sub_sport = 0;
      session.elapsed_ms = 3600 * 1000;
      session.timer_ms = 3600 * 1000;
      session.distance_cm = (8000 + (i * 37) % 4000) * 100;
      session.cadence = 84;
      session.fractional = 0xff;
      session.descent_m = 0xffff;

      fit_file_id (w, 4);
      fit_records (w, session.start, 3600, 1, session.distance_cm / 3600, 84);
      fit_session (w, &session, FALSE);
      fit_activity (w, session.start + 3600, 3600);
      bytes = fit_writer_finish (w, FALSE);

      if (!g_file_set_contents (name, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                &error))
        {
          g_printerr ("bench-fit: %s\n", error->message);
          return 1;
        }
    }

  return 0;
}
