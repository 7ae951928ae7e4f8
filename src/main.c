/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "patella"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "patella-application.h"

int
main (int    argc,
      char **argv)
{
  g_autoptr(PatellaApplication) app = NULL;
  /* Like patella-cli: lets an uninstalled build find its translations. */
  const char *localedir = g_getenv ("PATELLA_LOCALEDIR");

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = patella_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
