/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "patella-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "patella-cli-private.h"
#include "patella-insights.h"

static void
print_text (GPtrArray *insights)
{
  gboolean any_enough = FALSE;
  gboolean any_needed = FALSE;

  if (insights->len == 0)
    {
      g_print (_("No insights yet: they compare the next-morning pain after runs and exercise, "
                 "and need runs or exercise sessions with the next morning rated in the "
                 "journal.\n"));
      return;
    }

  for (guint i = 0; i < insights->len; i++)
    {
      PatellaInsight *insight = g_ptr_array_index (insights, i);

      if (!insight->enough)
        continue;
      if (!any_enough)
        g_print (_("From your entries of the last 12 months:\n"));
      any_enough = TRUE;
      g_print ("  • %s\n", insight->text);
    }

  for (guint i = 0; i < insights->len; i++)
    {
      PatellaInsight *insight = g_ptr_array_index (insights, i);

      if (insight->enough)
        continue;
      if (!any_needed)
        g_print (_("Not shown yet (each comparison needs at least 3 days on each side):\n"));
      any_needed = TRUE;
      g_print ("  • %s\n", insight->text);
    }

  g_print ("%s\n", patella_insights_get_caveat ());
}

/* Only the comparisons with enough days: scripts get figures, never a
 * comparison of two mornings. */
static void
print_json (GPtrArray *insights)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_array (builder);
  for (guint i = 0; i < insights->len; i++)
    {
      PatellaInsight *insight = g_ptr_array_index (insights, i);

      if (!insight->enough)
        continue;

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_string_value (builder, insight->id);
      json_builder_set_member_name (builder, "text");
      json_builder_add_string_value (builder, insight->text);
      json_builder_set_member_name (builder, "n_with");
      json_builder_add_int_value (builder, insight->n_with);
      json_builder_set_member_name (builder, "n_without");
      json_builder_add_int_value (builder, insight->n_without);
      json_builder_set_member_name (builder, "mean_with");
      json_builder_add_double_value (builder, round (insight->mean_with * 100) / 100);
      json_builder_set_member_name (builder, "mean_without");
      json_builder_add_double_value (builder, round (insight->mean_without * 100) / 100);
      json_builder_set_member_name (builder, "effect");
      json_builder_add_double_value (builder, insight->effect);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  root = json_builder_get_root (builder);
  patella_cli_print_json (root);
}

int
patella_cli_insights_run (PatellaCliContext  *ctx,
                          int                 argc,
                          char              **argv)
{
  g_autoptr(GPtrArray) insights = NULL;
  g_autoptr(GError) error = NULL;
  PatellaCliFormat format;
  PatellaStore *store;
  int rc;

  rc = patella_cli_open_for_format (ctx, "insights",
                                      _("Compare the next-morning pain after long and short "
                                        "runs, in each pair of shoes, after exercise, and pain "
                                        "in weeks whose distance rose, over the last 12 months."),
                                      &argc, &argv, &format, &store);
  if (rc != PATELLA_CLI_OK)
    return rc;

  insights = patella_insights_recent (store, ctx->unit, &error);
  if (insights == NULL)
    return patella_cli_fail (g_steal_pointer (&error));

  if (format == PATELLA_CLI_FORMAT_JSON)
    print_json (insights);
  else
    print_text (insights);

  return PATELLA_CLI_OK;
}
