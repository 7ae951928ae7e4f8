/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "patella-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "patella-advice.h"
#include "patella-cli-private.h"

static void
print_text (PatellaCliContext   *ctx,
            const PatellaStatus *status)
{
  g_print (_("Today: %s\n"), status->today);
  g_print (_("Icing: %u of %u sessions\n"), status->ice_sessions_today, status->ice_goal);

  if (status->ice_running_ends_us > 0)
    {
      g_autoptr(GDateTime) ends = patella_date_time_new_local (status->ice_running_ends_us);
      g_autofree char *when = g_date_time_format (ends, "%H:%M:%S");
      g_autofree char *left = patella_format_duration (status->ice_running_remaining_s);

      /* Translators: the end time, then minutes and seconds left, "12:15:00", "14:30" */
      g_print (_("Icing now: ends at %s (%s left)\n"), when, left);
    }

  if (status->next_ice_reminder_us > 0)
    {
      g_autoptr(GDateTime) next = patella_date_time_new_local (status->next_ice_reminder_us);
      g_autofree char *day = g_date_time_format (next, "%Y-%m-%d");
      g_autofree char *when = g_date_time_format (next, "%H:%M");

      if (g_str_equal (day, status->today))
        g_print (_("Next icing reminder: today at %s\n"), when);
      else
        g_print (_("Next icing reminder: %s at %s\n"), day, when);
    }
  else
    {
      g_print (_("Next icing reminder: none today\n"));
    }

  if (status->shoes->len == 0)
    {
      g_print (_("Shoes: none yet (add one with “patella-cli shoe add NAME”)\n"));
    }
  else
    {
      g_print (_("Shoes:\n"));
      for (guint i = 0; i < status->shoes->len; i++)
        {
          const PatellaShoeSummary *shoe = g_ptr_array_index (status->shoes, i);
          g_autofree char *distance = patella_format_distance (shoe->distance_m, ctx->unit);
          g_autofree char *limit = patella_format_distance (shoe->limit_m, ctx->unit);

          /* Translators: shoe name, a default-shoe mark, distance, limit, status */
          g_print (_("  %s%s: %s of %s, %s\n"),
                   shoe->name, shoe->is_default ? _(" (default)") : "",
                   distance, limit, patella_shoe_status_get_label (shoe->status));
        }
    }

  if (status->journal_today != NULL)
    {
      g_autofree char *pains = patella_cli_format_journal_pains (status->journal_today);

      g_print (_("Journal today: pain %s\n"), pains);
    }
  else
    {
      g_print (_("Journal today: no entry yet (add one with “patella-cli journal add --pain N”)\n"));
    }

  if (status->advice_items->len > 0)
    {
      g_print (_("Advice:\n"));
      for (guint i = 0; i < status->advice_items->len; i++)
        {
          const PatellaAdviceItem *item = g_ptr_array_index (status->advice_items, i);
          g_autofree char *line = patella_cli_format_advice (item->urgency, item->text);

          g_print ("  • %s\n", line);
          /* Translators: how strong the evidence is ("study"), then the source */
          g_print (_("    Evidence: %s. Source: %s.\n"), patella_cli_evidence_label (item->evidence),
                   item->source);
        }
    }

  g_print (_("Patella does not replace a clinician.\n"));
}

static void
print_json (const PatellaStatus *status)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);

  json_builder_set_member_name (builder, "today");
  json_builder_add_string_value (builder, status->today);
  json_builder_set_member_name (builder, "ice_sessions_today");
  json_builder_add_int_value (builder, status->ice_sessions_today);
  json_builder_set_member_name (builder, "ice_goal");
  json_builder_add_int_value (builder, status->ice_goal);

  json_builder_set_member_name (builder, "next_ice_reminder");
  if (status->next_ice_reminder_us > 0)
    {
      g_autoptr(GDateTime) next = patella_date_time_new_local (status->next_ice_reminder_us);
      g_autofree char *iso = g_date_time_format (next, "%Y-%m-%dT%H:%M:%S%:z");

      json_builder_add_string_value (builder, iso);
    }
  else
    {
      json_builder_add_null_value (builder);
    }

  json_builder_set_member_name (builder, "ice_running");
  if (status->ice_running_ends_us > 0)
    {
      g_autoptr(GDateTime) ends = patella_date_time_new_local (status->ice_running_ends_us);
      g_autofree char *iso = g_date_time_format (ends, "%Y-%m-%dT%H:%M:%S%:z");

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "ends_at");
      json_builder_add_string_value (builder, iso);
      json_builder_set_member_name (builder, "remaining_s");
      json_builder_add_int_value (builder, status->ice_running_remaining_s);
      json_builder_end_object (builder);
    }
  else
    {
      json_builder_add_null_value (builder);
    }

  json_builder_set_member_name (builder, "shoes");
  json_builder_begin_array (builder);
  for (guint i = 0; i < status->shoes->len; i++)
    patella_cli_add_shoe_json (builder, g_ptr_array_index (status->shoes, i));
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "journal_today");
  if (status->journal_today != NULL)
    patella_cli_add_journal_json (builder, status->journal_today);
  else
    json_builder_add_null_value (builder);

  json_builder_set_member_name (builder, "advice");
  json_builder_begin_array (builder);
  for (guint i = 0; i < status->advice->len; i++)
    json_builder_add_string_value (builder, g_ptr_array_index (status->advice, i));
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "advice_items");
  json_builder_begin_array (builder);
  for (guint i = 0; i < status->advice_items->len; i++)
    {
      const PatellaAdviceItem *item = g_ptr_array_index (status->advice_items, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_string_value (builder, item->id);
      json_builder_set_member_name (builder, "kind");
      json_builder_add_string_value (builder, item->kind);
      json_builder_set_member_name (builder, "urgency");
      if (item->urgency != NULL)
        json_builder_add_string_value (builder, item->urgency);
      else
        json_builder_add_null_value (builder);
      json_builder_set_member_name (builder, "text");
      json_builder_add_string_value (builder, item->text);
      json_builder_set_member_name (builder, "why");
      json_builder_add_string_value (builder, item->why);
      json_builder_set_member_name (builder, "source");
      json_builder_add_string_value (builder, item->source);
      json_builder_set_member_name (builder, "evidence");
      json_builder_add_string_value (builder, item->evidence);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  patella_cli_print_json (root);
}

int
patella_cli_status_run (PatellaCliContext  *ctx,
                        int                 argc,
                        char              **argv)
{
  g_autoptr(PatellaStatus) status = NULL;
  g_autoptr(GError) error = NULL;
  PatellaCliFormat format;
  PatellaStore *store;
  int rc;

  rc = patella_cli_open_for_format (ctx, "status", _("Show today’s icing, shoes, journal and advice."),
                                      &argc, &argv, &format, &store);
  if (rc != PATELLA_CLI_OK)
    return rc;

  status = patella_status_collect (store, patella_context_get_settings (ctx->context), &error);
  if (status == NULL)
    return patella_cli_fail (g_steal_pointer (&error));

  if (format == PATELLA_CLI_FORMAT_JSON)
    print_json (status);
  else
    print_text (ctx, status);

  return PATELLA_CLI_OK;
}
