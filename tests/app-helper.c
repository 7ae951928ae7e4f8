/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The real application on a fake clock, for end-to-end tests: it runs as
 * `patella` does (arguments included) while the test moves time forward by
 * writing "advance SECONDS" lines to its standard input; "quit" ends it.
 * PATELLA_TEST_NOW (ISO 8601) is the starting time. */
#include "config.h"

#include <gio/gunixinputstream.h>
#include <stdio.h>

#include "patella-application.h"

static PatellaClock *fake_clock;
static PatellaApplication *app;

static void
line_read_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  GDataInputStream *input = G_DATA_INPUT_STREAM (source);
  g_autofree char *line = g_data_input_stream_read_line_finish (input, result, NULL, NULL);
  gint64 seconds;

  if (line == NULL || g_str_equal (line, "quit"))
    {
      g_application_quit (G_APPLICATION (app));
      return;
    }

  if (sscanf (line, "advance %" G_GINT64_FORMAT, &seconds) == 1)
    patella_clock_advance (fake_clock, seconds * G_USEC_PER_SEC);

  /* Let the application react before the test looks. */
  while (g_main_context_iteration (NULL, FALSE))
    ;
  printf ("ok\n");
  fflush (stdout);

  g_data_input_stream_read_line_async (input, G_PRIORITY_DEFAULT, NULL, line_read_cb, NULL);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GInputStream) raw = g_unix_input_stream_new (0, FALSE);
  g_autoptr(GDataInputStream) input = g_data_input_stream_new (raw);
  g_autoptr(GDateTime) start = NULL;
  const char *now = g_getenv ("PATELLA_TEST_NOW");
  int status;

  g_assert_nonnull (now);
  start = g_date_time_new_from_iso8601 (now, NULL);
  g_assert_nonnull (start);

  fake_clock = patella_clock_new_fake (g_date_time_to_unix (start) * G_USEC_PER_SEC);
  patella_clock_set_default (fake_clock);

  app = patella_application_new ();
  g_data_input_stream_read_line_async (input, G_PRIORITY_DEFAULT, NULL, line_read_cb, NULL);

  status = g_application_run (G_APPLICATION (app), argc, argv);

  g_clear_object (&app);
  patella_clock_set_default (NULL);
  g_clear_object (&fake_clock);

  return status;
}
