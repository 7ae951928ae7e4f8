/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "patella-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "patella-cli-private.h"
#include "patella-report-renderer.h"

int
patella_cli_report_run (PatellaCliContext  *ctx,
                        int                 argc,
                        char              **argv)
{
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *output = NULL;
  g_autofree char *name = NULL;
  GSettings *settings;
  g_autoptr(PatellaReport) report = NULL;
  g_autoptr(GError) error = NULL;
  PatellaReportOptions options = { 0 };
  gboolean notes = FALSE;
  gboolean force = FALSE;
  PatellaStore *store;
  guint n_pages = 0;
  int rc;
  GOptionEntry entries[] = {
    { "from", 0, 0, G_OPTION_ARG_STRING, &from,
      N_("The first day, YYYY-MM-DD (default: six weeks before the last)"), "DATE" },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to,
      N_("The last day, YYYY-MM-DD (default: today)"), "DATE" },
    { "notes", 0, 0, G_OPTION_ARG_NONE, &notes,
      N_("Include the journal’s notes (left out by default: they can be private)"), NULL },
    { "output", 0, 0, G_OPTION_ARG_FILENAME, &output, N_("The PDF file to write"), "FILE.pdf" },
    { "force", 0, 0, G_OPTION_ARG_NONE, &force, N_("Replace the file if it exists"), NULL },
    { NULL }
  };

  rc = patella_cli_parse_options ("report", "",
                                  _("Write a report for a clinician as a PDF: pain, symptoms, "
                                    "advice, load and treatment over a period."),
                                  entries, &argc, &argv);
  if (rc != PATELLA_CLI_OK)
    return rc;

  if (output == NULL || *output == '\0')
    return patella_cli_usage_error ("report", _("report needs --output FILE.pdf"));

  if (!g_str_has_suffix (output, ".pdf") && !g_str_has_suffix (output, ".PDF"))
    return patella_cli_refuse (_("“%s” does not end in .pdf; the report is written as a PDF "
                                 "file"), output);

  if (!force && g_file_test (output, G_FILE_TEST_EXISTS))
    return patella_cli_refuse (_("“%s” exists already; add --force to replace it"), output);

  store = patella_cli_get_store (ctx, &error);
  if (store == NULL)
    return patella_cli_fail (g_steal_pointer (&error));

  settings = patella_context_get_settings (ctx->context);
  if (settings != NULL)
    name = g_settings_get_string (settings, "report-name");

  options.from = from;
  options.to = to;
  options.name = name;
  options.include_notes = notes;
  options.ice_goal = patella_context_get_ice_goal (ctx->context);
  options.unit = ctx->unit;

  report = patella_report_build (store, &options, &error);
  if (report == NULL)
    return patella_cli_fail (g_steal_pointer (&error));

  if (!patella_report_write_pdf (report, output, force, &n_pages, &error))
    return patella_cli_fail (g_steal_pointer (&error));

  /* Translators: the pages, the first and last day, the file */
  g_print (ngettext ("Wrote a %u-page report for %s to %s to %s.\n",
                     "Wrote a %u-page report for %s to %s to %s.\n", n_pages),
           n_pages, report->from, report->to, output);
  if (report->n_entries == 0)
    g_print (_("The period has no journal entries; the report says so.\n"));

  return PATELLA_CLI_OK;
}
