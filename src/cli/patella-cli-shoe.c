/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "patella-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "patella-cli-private.h"
#include "patella-parse.h"
#include "patella-shoes.h"

/* "0" is a fine initial distance, though not a fine run. */
static gboolean
parse_initial (const char           *text,
               PatellaDistanceUnit   unit,
               gint64               *metres,
               GError              **error)
{
  g_autofree char *copy = g_strstrip (g_strdup (text));
  const char *zeros[] = { "0", "0mi", "0km", "0m", "0 mi", "0 km", "0 m" };

  for (guint i = 0; i < G_N_ELEMENTS (zeros); i++)
    {
      if (g_str_equal (copy, zeros[i]))
        {
          *metres = 0;
          return TRUE;
        }
    }

  return patella_parse_distance (text, unit, metres, error);
}

static int
shoe_add (PatellaCliContext  *ctx,
          int                 argc,
          char              **argv)
{
  g_autofree char *brand = NULL;
  g_autofree char *warn_text = NULL;
  g_autofree char *limit_text = NULL;
  g_autofree char *initial_text = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PatellaShoe) shoe = NULL;
  g_autofree char *warn = NULL;
  g_autofree char *limit = NULL;
  gboolean make_default = FALSE;
  PatellaShoeInput input = { 0 };
  PatellaStore *store;
  gint64 id;
  int rc;
  GOptionEntry entries[] = {
    { "brand", 0, 0, G_OPTION_ARG_FILENAME, &brand, N_("The maker"), "TEXT" },
    { "warn", 0, 0, G_OPTION_ARG_STRING, &warn_text,
      N_("Warn when the pair reaches this distance (default 300mi)"), "DIST" },
    { "limit", 0, 0, G_OPTION_ARG_STRING, &limit_text,
      N_("Replace the pair at this distance (default 500mi)"), "DIST" },
    { "initial", 0, 0, G_OPTION_ARG_STRING, &initial_text,
      N_("How far the pair has already run"), "DIST" },
    { "default", 0, 0, G_OPTION_ARG_NONE, &make_default,
      N_("Log runs on this pair when no shoe is given"), NULL },
    { NULL }
  };

  rc = patella_cli_parse_options ("shoe add", _("NAME"), _("Add a pair of running shoes."),
                                  entries, &argc, &argv);
  if (rc != PATELLA_CLI_OK)
    return rc;

  if (argc < 2)
    return patella_cli_usage_error ("shoe add", _("shoe add needs the shoe’s NAME"));
  if (argc > 2)
    return patella_cli_usage_error ("shoe add", _("Unexpected argument “%s”; put a name with "
                                                  "spaces in quotes"), argv[2]);

  input.name = argv[1];
  input.brand = brand;
  input.make_default = make_default;

  if (warn_text != NULL && !patella_parse_distance (warn_text, ctx->unit, &input.warn_m, &error))
    return patella_cli_fail (g_steal_pointer (&error));
  if (limit_text != NULL &&
      !patella_parse_distance (limit_text, ctx->unit, &input.limit_m, &error))
    return patella_cli_fail (g_steal_pointer (&error));
  if (initial_text != NULL && !parse_initial (initial_text, ctx->unit, &input.initial_m, &error))
    return patella_cli_fail (g_steal_pointer (&error));

  store = patella_cli_get_store (ctx, &error);
  if (store == NULL)
    return patella_cli_fail (g_steal_pointer (&error));

  id = patella_shoe_add (store, patella_cli_get_notifier (ctx), &input, &error);
  if (id == 0)
    return patella_cli_fail (g_steal_pointer (&error));

  shoe = patella_shoe_get (store, id, &error);
  if (shoe == NULL)
    return patella_cli_fail (g_steal_pointer (&error));

  warn = patella_format_distance (shoe->warn_m, ctx->unit);
  limit = patella_format_distance (shoe->limit_m, ctx->unit);
  if (shoe->is_default)
    /* Translators: name, warn distance, limit */
    g_print (_("Added “%s”, the default shoe: warns at %s, replace at %s.\n"),
             shoe->name, warn, limit);
  else
    /* Translators: name, warn distance, limit */
    g_print (_("Added “%s”: warns at %s, replace at %s.\n"), shoe->name, warn, limit);

  return PATELLA_CLI_OK;
}

static void
print_list_text (PatellaCliContext *ctx,
                 GPtrArray         *shoes)
{
  if (shoes->len == 0)
    {
      g_print (_("No shoes yet; add one with “patella-cli shoe add NAME”.\n"));
      return;
    }

  for (guint i = 0; i < shoes->len; i++)
    {
      const PatellaShoe *shoe = g_ptr_array_index (shoes, i);
      g_autofree char *distance = patella_format_distance (shoe->distance_m, ctx->unit);
      g_autofree char *limit = patella_format_distance (shoe->limit_m, ctx->unit);
      g_autofree char *brand = *shoe->brand != '\0' ? g_strdup_printf (" (%s)", shoe->brand)
                                                     : g_strdup ("");

      /* Translators: name, brand, default mark, distance, limit, status */
      g_print (_("%s%s%s: %s of %s, %s\n"),
               shoe->name, brand, shoe->is_default ? _(", default") : "",
               distance, limit, patella_shoe_status_get_label (shoe->status));
    }
}

static void
print_list_csv (GPtrArray *shoes)
{
  g_print ("name,brand,distance_m,warn_m,limit_m,retired,default,status\n");

  for (guint i = 0; i < shoes->len; i++)
    {
      const PatellaShoe *shoe = g_ptr_array_index (shoes, i);
      g_autofree char *name = patella_cli_csv_field (shoe->name);
      g_autofree char *brand = patella_cli_csv_field (shoe->brand);

      g_print ("%s,%s,%" G_GINT64_FORMAT ",%" G_GINT64_FORMAT ",%" G_GINT64_FORMAT ",%s,%s,%s\n",
               name, brand, shoe->distance_m, shoe->warn_m, shoe->limit_m,
               shoe->retired ? "true" : "false", shoe->is_default ? "true" : "false",
               patella_shoe_status_to_string (shoe->status));
    }
}

static void
print_list_json (GPtrArray *shoes)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_array (builder);
  for (guint i = 0; i < shoes->len; i++)
    {
      PatellaShoeSummary *summary = patella_shoe_to_summary (g_ptr_array_index (shoes, i));

      patella_cli_add_shoe_json (builder, summary);
      patella_shoe_summary_free (summary);
    }
  json_builder_end_array (builder);

  root = json_builder_get_root (builder);
  patella_cli_print_json (root);
}

static int
shoe_list (PatellaCliContext  *ctx,
           int                 argc,
           char              **argv)
{
  g_autofree char *format_text = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) shoes = NULL;
  PatellaCliFormat format;
  PatellaStore *store;
  int rc;
  GOptionEntry entries[] = {
    { "format", 0, 0, G_OPTION_ARG_STRING, &format_text, N_("Output format: text, csv or json"),
      "FORMAT" },
    { NULL }
  };

  rc = patella_cli_parse_options ("shoe list", "", _("List the shoes, retired ones too."),
                                  entries, &argc, &argv);
  if (rc != PATELLA_CLI_OK)
    return rc;

  rc = patella_cli_parse_format ("shoe list", format_text, TRUE, &format);
  if (rc != PATELLA_CLI_OK)
    return rc;

  store = patella_cli_get_store (ctx, &error);
  if (store == NULL)
    return patella_cli_fail (g_steal_pointer (&error));

  shoes = patella_shoes_list (store, PATELLA_SHOES_ALL, &error);
  if (shoes == NULL)
    return patella_cli_fail (g_steal_pointer (&error));

  if (format == PATELLA_CLI_FORMAT_JSON)
    print_list_json (shoes);
  else if (format == PATELLA_CLI_FORMAT_CSV)
    print_list_csv (shoes);
  else
    print_list_text (ctx, shoes);

  return PATELLA_CLI_OK;
}

static int
shoe_retire (PatellaCliContext  *ctx,
             int                 argc,
             char              **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PatellaShoe) shoe = NULL;
  PatellaStore *store;
  int rc;
  GOptionEntry entries[] = { { NULL } };

  rc = patella_cli_parse_options ("shoe retire", _("NAME"),
                                  _("Retire a pair; its runs and distance are kept."),
                                  entries, &argc, &argv);
  if (rc != PATELLA_CLI_OK)
    return rc;

  if (argc < 2)
    return patella_cli_usage_error ("shoe retire", _("shoe retire needs the shoe’s NAME"));
  if (argc > 2)
    return patella_cli_usage_error ("shoe retire", _("Unexpected argument “%s”; put a name "
                                                     "with spaces in quotes"), argv[2]);

  store = patella_cli_get_store (ctx, &error);
  if (store == NULL)
    return patella_cli_fail (g_steal_pointer (&error));

  shoe = patella_shoe_find (store, argv[1], &error);
  if (shoe == NULL)
    return patella_cli_fail (g_steal_pointer (&error));

  if (shoe->retired)
    {
      g_print (_("“%s” was already retired.\n"), shoe->name);
      return PATELLA_CLI_OK;
    }

  if (!patella_shoe_set_retired (store, patella_cli_get_notifier (ctx), shoe->id, TRUE, &error))
    return patella_cli_fail (g_steal_pointer (&error));

  g_print (_("Retired “%s”; its runs are kept.\n"), shoe->name);
  return PATELLA_CLI_OK;
}

int
patella_cli_shoe_run (PatellaCliContext  *ctx,
                      int                 argc,
                      char              **argv)
{
  if (argc >= 2 && g_str_equal (argv[1], "add"))
    return shoe_add (ctx, argc - 1, argv + 1);
  if (argc >= 2 && g_str_equal (argv[1], "list"))
    return shoe_list (ctx, argc - 1, argv + 1);
  if (argc >= 2 && g_str_equal (argv[1], "retire"))
    return shoe_retire (ctx, argc - 1, argv + 1);

  if (argc >= 2 && (g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h")))
    {
      g_print ("%s\n", _("Usage: patella-cli shoe add|list|retire [OPTIONS…]"));
      return -1;
    }

  if (argc < 2)
    return patella_cli_usage_error ("shoe", _("shoe needs a subcommand: add, list or retire"));

  return patella_cli_usage_error ("shoe", _("Unknown subcommand “%s”; use add, list or retire"),
                                  argv[1]);
}
