/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "patella-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "patella-cli-private.h"
#include "patella-error.h"
#include "patella-parse.h"
#include "patella-timer.h"

/* Whole minutes only: "15", not "15.5" or "15min". */
static gboolean
parse_minutes (const char  *text,
               int         *minutes,
               GError     **error)
{
  g_autofree char *copy = g_strstrip (g_strdup (text));
  guint64 value = 0;

  if (!g_ascii_string_to_unsigned (copy, 10, 0, 1000, &value, NULL))
    {
      g_set_error (error, PATELLA_ERROR, PATELLA_ERROR_INVALID,
                   _("“%s” is not a number of minutes; ice for a whole number of minutes from "
                     "15 to 20"), copy);
      return FALSE;
    }

  *minutes = (int) value;
  return patella_ice_check_minutes (*minutes, error);
}

static int
ice_log (PatellaCliContext  *ctx,
         int                 argc,
         char              **argv)
{
  g_autofree char *date_text = NULL;
  g_autofree char *minutes_text = NULL;
  g_autofree char *day = NULL;
  g_autoptr(GError) error = NULL;
  PatellaStore *store;
  int minutes = 0;
  int rc;
  GOptionEntry entries[] = {
    patella_cli_date_entry (&date_text),
    { "minutes", 0, 0, G_OPTION_ARG_STRING, &minutes_text,
      N_("How long the ice was on, 15 to 20 minutes"), "N" },
    { NULL }
  };

  rc = patella_cli_parse_options ("ice log", "", _("Record an icing session done without the "
                                                   "timer."),
                                  entries, &argc, &argv);
  if (rc != PATELLA_CLI_OK)
    return rc;

  if (minutes_text == NULL)
    return patella_cli_usage_error ("ice log", _("ice log needs --minutes N, from 15 to 20"));

  if (!parse_minutes (minutes_text, &minutes, &error))
    return patella_cli_fail (g_steal_pointer (&error));

  rc = patella_cli_open_day (ctx, date_text, &day, &store);
  if (rc != PATELLA_CLI_OK)
    return rc;

  if (!patella_ice_log (store, day, minutes, &error))
    return patella_cli_fail (g_steal_pointer (&error));

  g_print (_("Logged %d minutes of icing on %s.\n"), minutes, day);
  return PATELLA_CLI_OK;
}

int
patella_cli_ice_run (PatellaCliContext  *ctx,
                     int                 argc,
                     char              **argv)
{
  if (argc < 2 || g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h"))
    {
      FILE *stream = argc < 2 ? stderr : stdout;

      fprintf (stream, "%s\n", _("Usage: patella-cli ice log [--date DATE] --minutes N"));
      fprintf (stream, "\n%s\n", _("Record an icing session of 15 to 20 minutes."));
      return argc < 2 ? PATELLA_CLI_USAGE : -1;
    }

  if (g_str_equal (argv[1], "log"))
    return ice_log (ctx, argc - 1, argv + 1);

  return patella_cli_usage_error ("ice", _("Unknown ice command “%s”; use “ice log”"), argv[1]);
}
