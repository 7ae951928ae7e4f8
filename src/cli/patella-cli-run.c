/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "patella-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "patella-cli-private.h"
#include "patella-parse.h"
#include "patella-shoes.h"

static int
run_add (PatellaCliContext  *ctx,
         int                 argc,
         char              **argv)
{
  g_autofree char *date_text = NULL;
  g_autofree char *distance_text = NULL;
  g_autofree char *shoe_text = NULL;
  g_autofree char *duration_text = NULL;
  g_autofree char *pain_text = NULL;
  g_autofree char *note = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PatellaShoe) shoe = NULL;
  g_autofree char *distance = NULL;
  g_autofree char *pace = NULL;
  PatellaRun run = { .shoe_id = PATELLA_SHOE_DEFAULT, .pain = -1 };
  PatellaStore *store;
  GDate date;
  gint64 id;
  int rc;
  /* Free text is taken as bytes (FILENAME) and checked here, so that
   * invalid UTF-8 is refused with a message rather than a usage error. */
  GOptionEntry entries[] = {
    { "date", 0, 0, G_OPTION_ARG_STRING, &date_text, N_("The day of the run (default: today)"),
      "YYYY-MM-DD" },
    { "distance", 0, 0, G_OPTION_ARG_STRING, &distance_text,
      N_("How far, like 5.2mi or 8km"), "DIST" },
    { "shoe", 0, 0, G_OPTION_ARG_FILENAME, &shoe_text,
      N_("The shoes worn (default: the default shoe)"), "NAME" },
    { "duration", 0, 0, G_OPTION_ARG_STRING, &duration_text, N_("How long, like 45:30"),
      "[H:]MM:SS" },
    { "pain", 0, 0, G_OPTION_ARG_STRING, &pain_text, N_("Knee pain during the run, 0 to 10"),
      "N" },
    { "note", 0, 0, G_OPTION_ARG_FILENAME, &note, N_("A note"), "TEXT" },
    { NULL }
  };

  rc = patella_cli_parse_options ("run add", "", _("Log a run."), entries, &argc, &argv);
  if (rc != PATELLA_CLI_OK)
    return rc;

  if (distance_text == NULL)
    return patella_cli_usage_error ("run add", _("run add needs --distance, like --distance 5km"));

  /* Check what needs no database first. */
  if (!patella_parse_distance (distance_text, ctx->unit, &run.distance_m, &error) ||
      !patella_run_check_distance (run.distance_m, &error))
    return patella_cli_fail (g_steal_pointer (&error));

  if (date_text != NULL)
    {
      if (!patella_parse_date (date_text, &date, &error))
        return patella_cli_fail (g_steal_pointer (&error));
      run.day = patella_date_to_string (&date);
    }

  if (duration_text != NULL && !patella_parse_duration (duration_text, &run.duration_s, &error))
    goto refused;

  if (pain_text != NULL && !patella_parse_pain (pain_text, &run.pain, &error))
    goto refused;

  if (note != NULL && !patella_check_text (note, PATELLA_NOTE_MAX_CHARS, &error))
    goto refused;
  run.note = note;

  store = patella_cli_get_store (ctx, &error);
  if (store == NULL)
    goto refused;

  if (shoe_text != NULL)
    {
      shoe = patella_shoe_find (store, shoe_text, &error);
      if (shoe == NULL)
        goto refused;
      run.shoe_id = shoe->id;
    }

  id = patella_run_add (store, patella_cli_get_notifier (ctx), &run, &error);
  if (id == 0)
    goto refused;

  distance = patella_format_distance (run.distance_m, ctx->unit);
  pace = patella_format_pace (run.distance_m, run.duration_s, ctx->unit);

  if (run.day == NULL)
    run.day = patella_clock_get_today (patella_store_get_clock (store));

  /* The shoe it went on, the default one included, with its new total. */
  if (shoe == NULL)
    {
      g_autoptr(GPtrArray) shoes = patella_shoes_list (store, PATELLA_SHOES_ACTIVE, NULL);

      for (guint i = 0; shoes != NULL && i < shoes->len; i++)
        if (((PatellaShoe *) shoes->pdata[i])->is_default)
          shoe = g_ptr_array_steal_index (shoes, i);
    }
  else
    {
      gint64 shoe_id = shoe->id;

      g_clear_pointer (&shoe, patella_shoe_free);
      shoe = patella_shoe_get (store, shoe_id, NULL);
    }

  /* Translators: distance, day */
  g_print (_("Logged %s on %s"), distance, run.day);
  if (pace != NULL)
    /* Translators: after the distance and day: a pace, like "5:00 /km" */
    g_print (_(", %s"), pace);
  g_print (".\n");

  if (shoe != NULL)
    {
      g_autofree char *total = patella_format_distance (shoe->distance_m, ctx->unit);
      g_autofree char *limit = patella_format_distance (shoe->limit_m, ctx->unit);

      /* Translators: shoe name, its total, its limit */
      g_print (_("“%s” has run %s of %s.\n"), shoe->name, total, limit);
    }

  g_free (run.day);
  return PATELLA_CLI_OK;

refused:
  g_free (run.day);
  return patella_cli_fail (g_steal_pointer (&error));
}

static void
print_runs_text (PatellaCliContext *ctx,
                 GPtrArray         *runs)
{
  if (runs->len == 0)
    {
      g_print (_("No runs yet; log one with “patella-cli run add --distance DIST”.\n"));
      return;
    }

  for (guint i = 0; i < runs->len; i++)
    {
      const PatellaRun *run = g_ptr_array_index (runs, i);
      g_autofree char *distance = patella_format_distance (run->distance_m, ctx->unit);
      g_autoptr(GString) line = g_string_new (NULL);

      g_string_append_printf (line, "%s  %s", run->day, distance);
      if (run->duration_s > 0)
        {
          g_autofree char *duration = patella_format_duration (run->duration_s);
          g_autofree char *pace = patella_format_pace (run->distance_m, run->duration_s,
                                                       ctx->unit);

          g_string_append_printf (line, "  %s (%s)", duration, pace);
        }
      if (run->shoe_name != NULL)
        g_string_append_printf (line, "  %s", run->shoe_name);
      if (run->pain >= 0)
        /* Translators: pain during a run */
        g_string_append_printf (line, _("  pain %d/10"), run->pain);
      if (*run->note != '\0')
        g_string_append_printf (line, "  “%s”", run->note);

      g_print ("%s\n", line->str);
    }
}

static void
print_runs_csv (GPtrArray *runs)
{
  g_print ("date,distance_m,duration_s,shoe,pain,note\n");

  for (guint i = 0; i < runs->len; i++)
    {
      const PatellaRun *run = g_ptr_array_index (runs, i);
      g_autofree char *shoe = patella_cli_csv_field (run->shoe_name);
      g_autofree char *note = patella_cli_csv_field (run->note);
      g_autofree char *duration = run->duration_s > 0
                                  ? g_strdup_printf ("%" G_GINT64_FORMAT, run->duration_s)
                                  : g_strdup ("");
      g_autofree char *pain = run->pain >= 0 ? g_strdup_printf ("%d", run->pain) : g_strdup ("");

      g_print ("%s,%" G_GINT64_FORMAT ",%s,%s,%s,%s\n",
               run->day, run->distance_m, duration, shoe, pain, note);
    }
}

static void
print_runs_json (GPtrArray *runs)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_array (builder);
  for (guint i = 0; i < runs->len; i++)
    {
      const PatellaRun *run = g_ptr_array_index (runs, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_int_value (builder, run->id);
      json_builder_set_member_name (builder, "date");
      json_builder_add_string_value (builder, run->day);
      json_builder_set_member_name (builder, "distance_m");
      json_builder_add_int_value (builder, run->distance_m);
      json_builder_set_member_name (builder, "duration_s");
      if (run->duration_s > 0)
        json_builder_add_int_value (builder, run->duration_s);
      else
        json_builder_add_null_value (builder);
      json_builder_set_member_name (builder, "shoe");
      if (run->shoe_name != NULL)
        json_builder_add_string_value (builder, run->shoe_name);
      else
        json_builder_add_null_value (builder);
      json_builder_set_member_name (builder, "pain");
      if (run->pain >= 0)
        json_builder_add_int_value (builder, run->pain);
      else
        json_builder_add_null_value (builder);
      json_builder_set_member_name (builder, "note");
      json_builder_add_string_value (builder, run->note);
      json_builder_set_member_name (builder, "start");
      if (run->start_us > 0)
        {
          g_autoptr(GDateTime) start = g_date_time_new_from_unix_utc (run->start_us /
                                                                     G_USEC_PER_SEC);
          g_autofree char *text = start != NULL ? g_date_time_format_iso8601 (start) : NULL;

          json_builder_add_string_value (builder, text);
        }
      else
        {
          json_builder_add_null_value (builder);
        }
      json_builder_set_member_name (builder, "source");
      json_builder_add_string_value (builder, patella_source_to_string (run->source));
      json_builder_set_member_name (builder, "cadence_spm");
      if (run->cadence_spm > 0)
        json_builder_add_int_value (builder, run->cadence_spm);
      else
        json_builder_add_null_value (builder);
      json_builder_set_member_name (builder, "descent_m");
      if (run->has_descent)
        json_builder_add_int_value (builder, run->descent_m);
      else
        json_builder_add_null_value (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  root = json_builder_get_root (builder);
  patella_cli_print_json (root);
}

static int
run_list (PatellaCliContext  *ctx,
          int                 argc,
          char              **argv)
{
  g_autofree char *format_text = NULL;
  g_autofree char *shoe_text = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) runs = NULL;
  g_autoptr(PatellaShoe) shoe = NULL;
  PatellaCliFormat format;
  PatellaStore *store;
  int rc;
  GOptionEntry entries[] = {
    { "shoe", 0, 0, G_OPTION_ARG_FILENAME, &shoe_text, N_("Only the runs in these shoes"), "NAME" },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format_text, N_("Output format: text, csv or json"),
      "FORMAT" },
    { NULL }
  };

  rc = patella_cli_parse_options ("run list", "", _("List the runs, oldest first."),
                                  entries, &argc, &argv);
  if (rc != PATELLA_CLI_OK)
    return rc;

  rc = patella_cli_parse_format ("run list", format_text, TRUE, &format);
  if (rc != PATELLA_CLI_OK)
    return rc;

  store = patella_cli_get_store (ctx, &error);
  if (store == NULL)
    return patella_cli_fail (g_steal_pointer (&error));

  if (shoe_text != NULL)
    {
      shoe = patella_shoe_find (store, shoe_text, &error);
      if (shoe == NULL)
        return patella_cli_fail (g_steal_pointer (&error));
    }

  runs = patella_runs_list (store, shoe != NULL ? shoe->id : 0, &error);
  if (runs == NULL)
    return patella_cli_fail (g_steal_pointer (&error));

  if (format == PATELLA_CLI_FORMAT_JSON)
    print_runs_json (runs);
  else if (format == PATELLA_CLI_FORMAT_CSV)
    print_runs_csv (runs);
  else
    print_runs_text (ctx, runs);

  return PATELLA_CLI_OK;
}

int
patella_cli_run_run (PatellaCliContext  *ctx,
                     int                 argc,
                     char              **argv)
{
  if (argc >= 2 && g_str_equal (argv[1], "add"))
    return run_add (ctx, argc - 1, argv + 1);
  if (argc >= 2 && g_str_equal (argv[1], "list"))
    return run_list (ctx, argc - 1, argv + 1);

  if (argc >= 2 && (g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h")))
    {
      g_print ("%s\n", _("Usage: patella-cli run add|list [OPTIONS…]"));
      return -1;
    }

  if (argc < 2)
    return patella_cli_usage_error ("run", _("run needs a subcommand: add or list"));

  return patella_cli_usage_error ("run", _("Unknown subcommand “%s”; use add or list"), argv[1]);
}
