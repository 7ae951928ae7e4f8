/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "patella-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>

#include "patella-cli-private.h"
#include "patella-error.h"
#include "patella-libnotify-notifier.h"
#include "patella-parse.h"

static const PatellaCliCommand commands[] = {
  { "status", N_("Today’s icing, shoes and advice"), patella_cli_status_run },
  { "journal", N_("Write and list the daily pain journal"), patella_cli_journal_run },
  { "shoe", N_("Add, list and retire running shoes"), patella_cli_shoe_run },
  { "run", N_("Log and list runs"), patella_cli_run_run },
  { "ice", N_("Log an icing session done without the timer"), patella_cli_ice_run },
  { "export", N_("Export everything as JSON, or a table as CSV"), patella_cli_export_run },
  { "import", N_("Import a Patella export, or runs from FIT, TCX and GPX files"),
    patella_cli_import_run },
  { "backup", N_("Make or list backups"), patella_cli_backup_run },
  { "restore", N_("Restore a backup"), patella_cli_restore_run },
  { "insights", N_("Compare pain after long runs, shoes and exercise"), patella_cli_insights_run },
  { "report", N_("Write a report for a clinician as a PDF"), patella_cli_report_run },
  { "plan", N_("Follow the recovery plan back to running"), patella_cli_plan_run },
};

static void
print_help (FILE *stream)
{
  fprintf (stream, "%s\n", _("Usage: patella-cli [--db FILE] COMMAND [OPTIONS…]"));
  fprintf (stream, "\n%s\n", _("Keep a runner’s-knee recovery journal, icing sessions and shoe "
                               "mileage from the terminal."));
  fprintf (stream, "\n%s\n", _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    fprintf (stream, "  %-10s %s\n", commands[i].name, _(commands[i].summary));
  fprintf (stream, "\n%s\n", _("Options:"));
  fprintf (stream, "  --db FILE   %s\n", _("Use this database instead of the default one"));
  fprintf (stream, "  --help      %s\n", _("Show this help"));
  fprintf (stream, "  --version   %s\n", _("Show the version"));
  fprintf (stream, "\n%s\n", _("“patella-cli COMMAND --help” shows the options of a command. "
                               "PATELLA_DB=FILE in the environment also chooses the database."));
}

/* Prints "patella-cli: MESSAGE" on stderr. */
static void
print_message_v (const char *format,
                 va_list     args)
{
  g_autofree char *message = g_strdup_vprintf (format, args);

  g_printerr ("patella-cli: %s\n", message);
}

/* Prints "patella-cli: MESSAGE" on stderr and gives exit status 1. */
int
patella_cli_fail (GError *error)
{
  int rc = patella_cli_refuse ("%s", error->message);

  g_error_free (error);
  return rc;
}

int
patella_cli_refuse (const char *format,
                    ...)
{
  va_list args;

  va_start (args, format);
  print_message_v (format, args);
  va_end (args);

  return PATELLA_CLI_REFUSED;
}

int
patella_cli_usage_error (const char *command,
                         const char *format,
                         ...)
{
  va_list args;

  va_start (args, format);
  print_message_v (format, args);
  va_end (args);

  if (command != NULL)
    g_printerr (_("Try “patella-cli %s --help” for the options.\n"), command);
  else
    g_printerr (_("Try “patella-cli --help” for the commands.\n"));

  return PATELLA_CLI_USAGE;
}

/**
 * patella_cli_parse_options:
 *
 * Parses a command's options in place; leaves the arguments that are not
 * options in @argv (argv[0] being the command). "--" ends the options.
 *
 * Returns: %PATELLA_CLI_OK, or the exit status to return (after --help, 0 too,
 *   but through a negative sentinel: -1)
 */
int
patella_cli_parse_options (const char    *command,
                           const char    *parameter_string,
                           const char    *summary,
                           GOptionEntry  *entries,
                           int           *argc,
                           char        ***argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_strdup_printf ("patella-cli %s", command);

  context = g_option_context_new (parameter_string);
  g_option_context_set_summary (context, summary);
  g_option_context_set_help_enabled (context, FALSE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_set_prgname (name);

  for (int i = 1; i < *argc; i++)
    {
      if (g_str_equal ((*argv)[i], "--"))
        break;

      if (g_str_equal ((*argv)[i], "--help") || g_str_equal ((*argv)[i], "-h"))
        {
          g_autofree char *help = NULL;

          g_option_context_set_help_enabled (context, TRUE);
          help = g_option_context_get_help (context, TRUE, NULL);
          g_print ("%s", help);
          return -1;
        }
    }

  if (!g_option_context_parse (context, argc, argv, &error))
    return patella_cli_usage_error (command, "%s", error->message);

  /* Unknown options are refused by GOption, but "-x" after a lone "-" is not. */
  for (int i = 1; i < *argc; i++)
    {
      const char *arg = (*argv)[i];

      if (arg[0] == '-' && arg[1] != '\0' && !g_ascii_isdigit (arg[1]) && !g_str_equal (arg, "--"))
        return patella_cli_usage_error (command, _("Unknown option %s"), arg);
    }

  /* A command without parameters takes nothing but its options. */
  if (*parameter_string == '\0' && *argc > 1)
    return patella_cli_usage_error (command, _("“%s” is not an option of %s"), (*argv)[1],
                                    command);

  return PATELLA_CLI_OK;
}

int
patella_cli_parse_format (const char       *command,
                          const char       *text,
                          gboolean          allow_csv,
                          PatellaCliFormat *format)
{
  if (text == NULL || g_str_equal (text, "text"))
    *format = PATELLA_CLI_FORMAT_TEXT;
  else if (g_str_equal (text, "json"))
    *format = PATELLA_CLI_FORMAT_JSON;
  else if (allow_csv && g_str_equal (text, "csv"))
    *format = PATELLA_CLI_FORMAT_CSV;
  else if (allow_csv)
    return patella_cli_usage_error (command, _("Unknown format “%s”; use text, csv or json"),
                                    text);
  else
    return patella_cli_usage_error (command, _("Unknown format “%s”; use text or json"), text);

  return PATELLA_CLI_OK;
}

/**
 * patella_cli_open_for_format:
 * @summary: what the command does, for --help
 * @store: (out) (transfer none): the store, when the result is %PATELLA_CLI_OK
 *
 * Parses the options of a command whose one option is --format (text or
 * json) and that takes no parameters, then opens the store it reads.
 *
 * Returns: %PATELLA_CLI_OK, or the exit status when the command is to stop
 */
int
patella_cli_open_for_format (PatellaCliContext   *ctx,
                             const char          *command,
                             const char          *summary,
                             int                 *argc,
                             char              ***argv,
                             PatellaCliFormat    *format,
                             PatellaStore       **store)
{
  g_autofree char *format_text = NULL;
  g_autoptr(GError) error = NULL;
  int rc;
  GOptionEntry entries[] = {
    { "format", 0, 0, G_OPTION_ARG_STRING, &format_text, N_("Output format: text or json"),
      "FORMAT" },
    { NULL }
  };

  rc = patella_cli_parse_options (command, "", summary, entries, argc, argv);
  if (rc != PATELLA_CLI_OK)
    return rc;

  rc = patella_cli_parse_format (command, format_text, FALSE, format);
  if (rc != PATELLA_CLI_OK)
    return rc;

  *store = patella_cli_get_store (ctx, &error);
  if (*store == NULL)
    return patella_cli_fail (g_steal_pointer (&error));

  return PATELLA_CLI_OK;
}

/**
 * patella_cli_date_entry:
 * @date_text: (out): where the --date option goes, for patella_cli_open_day()
 *
 * Returns: the --date option of the commands that log a session
 */
GOptionEntry
patella_cli_date_entry (char **date_text)
{
  GOptionEntry entry = {
    "date", 0, 0, G_OPTION_ARG_STRING, date_text,
    N_("The day of the session, YYYY-MM-DD (default: today)"), "DATE"
  };

  return entry;
}

/**
 * patella_cli_open_day:
 * @date_text: (nullable): the --date option as given, YYYY-MM-DD
 * @day: (out) (transfer full): the day, today when no date was given
 * @store: (out) (transfer none): the store, when the result is %PATELLA_CLI_OK
 *
 * Reads the --date option of a command that logs a session, then opens the
 * store it writes to.
 *
 * Returns: %PATELLA_CLI_OK, or the exit status when @date_text is not a date
 *   or the store cannot be opened
 */
int
patella_cli_open_day (PatellaCliContext  *ctx,
                      const char         *date_text,
                      char              **day,
                      PatellaStore      **store)
{
  g_autoptr(GError) error = NULL;
  GDate date;

  *day = NULL;
  if (date_text != NULL && !patella_parse_date (date_text, &date, &error))
    return patella_cli_fail (g_steal_pointer (&error));

  *store = patella_cli_get_store (ctx, &error);
  if (*store == NULL)
    return patella_cli_fail (g_steal_pointer (&error));

  *day = date_text != NULL ? patella_date_to_string (&date) :
                             patella_clock_get_today (patella_store_get_clock (*store));
  return PATELLA_CLI_OK;
}

void
patella_cli_print_json (JsonNode *node)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *text = NULL;

  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json_generator_set_root (generator, node);
  text = json_generator_to_data (generator, NULL);
  g_print ("%s\n", text);
}

void
patella_cli_add_shoe_json (JsonBuilder              *builder,
                           const PatellaShoeSummary *shoe)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, shoe->name);
  json_builder_set_member_name (builder, "brand");
  json_builder_add_string_value (builder, shoe->brand);
  json_builder_set_member_name (builder, "distance_m");
  json_builder_add_int_value (builder, shoe->distance_m);
  json_builder_set_member_name (builder, "warn_m");
  json_builder_add_int_value (builder, shoe->warn_m);
  json_builder_set_member_name (builder, "limit_m");
  json_builder_add_int_value (builder, shoe->limit_m);
  json_builder_set_member_name (builder, "retired");
  json_builder_add_boolean_value (builder, shoe->retired);
  json_builder_set_member_name (builder, "default");
  json_builder_add_boolean_value (builder, shoe->is_default);
  json_builder_set_member_name (builder, "status");
  json_builder_add_string_value (builder, patella_shoe_status_to_string (shoe->status));
  json_builder_end_object (builder);
}

/* Quotes a CSV field when it needs it (RFC 4180). */
char *
patella_cli_csv_field (const char *text)
{
  GString *out;

  if (text == NULL)
    return g_strdup ("");

  if (strpbrk (text, ",\"\r\n") == NULL)
    return g_strdup (text);

  out = g_string_new ("\"");
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');

  return g_string_free (out, FALSE);
}

PatellaStore *
patella_cli_get_store (PatellaCliContext  *ctx,
                       GError            **error)
{
  PatellaStore *store = patella_context_get_store (ctx->context);

  if (store == NULL && patella_context_open_store (ctx->context, ctx->db_path, error))
    store = patella_context_get_store (ctx->context);

  return store;
}

PatellaNotifier *
patella_cli_get_notifier (PatellaCliContext *ctx)
{
  if (patella_context_get_notifier (ctx->context) == NULL)
    {
      g_autoptr(PatellaNotifier) notifier = patella_libnotify_notifier_new (APP_ID);

      patella_context_set_notifier (ctx->context, notifier);
    }

  return patella_context_get_notifier (ctx->context);
}

int
main (int    argc,
      char **argv)
{
  PatellaCliContext ctx = { 0 };
  g_autoptr(GSettings) settings = NULL;
  const char *localedir = g_getenv ("PATELLA_LOCALEDIR");
  int first = 1;
  int rc;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_set_prgname ("patella-cli");

  while (first < argc && argv[first][0] == '-')
    {
      const char *arg = argv[first];

      if (g_str_equal (arg, "--help") || g_str_equal (arg, "-h"))
        {
          print_help (stdout);
          return PATELLA_CLI_OK;
        }
      else if (g_str_equal (arg, "--version"))
        {
          g_print ("patella-cli %s\n", VERSION);
          return PATELLA_CLI_OK;
        }
      else if (g_str_equal (arg, "--db"))
        {
          if (first + 1 >= argc || argv[first + 1][0] == '\0')
            return patella_cli_usage_error (NULL, _("--db needs a file name"));
          g_free (ctx.db_path);
          ctx.db_path = g_strdup (argv[first + 1]);
          first += 2;
        }
      else if (g_str_has_prefix (arg, "--db="))
        {
          if (arg[5] == '\0')
            return patella_cli_usage_error (NULL, _("--db needs a file name"));
          g_free (ctx.db_path);
          ctx.db_path = g_strdup (arg + 5);
          first += 1;
        }
      else
        {
          return patella_cli_usage_error (NULL, _("Unknown option %s"), arg);
        }
    }

  if (first >= argc)
    {
      print_help (stderr);
      return PATELLA_CLI_USAGE;
    }

  settings = patella_context_load_settings ();
  ctx.context = patella_context_new (NULL, settings, NULL);
  ctx.unit = patella_context_get_unit (ctx.context);
  rc = -2;

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      if (g_str_equal (argv[first], commands[i].name))
        {
          rc = commands[i].run (&ctx, argc - first, argv + first);
          break;
        }
    }

  if (rc == -2)
    rc = patella_cli_usage_error (NULL, _("Unknown command “%s”"), argv[first]);
  else if (rc == -1)
    rc = PATELLA_CLI_OK;

  g_clear_object (&ctx.context);
  g_free (ctx.db_path);

  return rc;
}
