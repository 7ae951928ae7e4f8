/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "patella-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "patella-cli-private.h"
#include "patella-error.h"
#include "patella-load.h"
#include "patella-parse.h"
#include "patella-plan.h"

typedef enum
{
  PLAN_SHOW,
  PLAN_START,
  PLAN_PAUSE,
  PLAN_RESUME,
  PLAN_STOP,
} PlanAction;

static const char * const today_kinds[] = {
  "none", "session", "rest", "done", "paused", "stopped",
};

/* The decision of the contract: resuming holds the phase, a stopped plan
 * no longer goes on. */
static const char *
contract_decision (PatellaPlanDecision decision)
{
  switch (decision)
    {
    case PATELLA_PLAN_DECISION_RESUME:
      return "hold";
    case PATELLA_PLAN_DECISION_STOP:
      return "paused";
    default:
      return patella_plan_decision_get_id (decision);
    }
}

static void
add_int_or_null (JsonBuilder *builder,
                 const char  *name,
                 int          value,
                 int          none)
{
  json_builder_set_member_name (builder, name);
  if (value == none)
    json_builder_add_null_value (builder);
  else
    json_builder_add_int_value (builder, value);
}

static void
add_event_json (JsonBuilder            *builder,
                const PatellaPlanEvent *event)
{
  g_autofree char *reason = patella_plan_event_get_reason (event);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, event->uuid);
  json_builder_set_member_name (builder, "day");
  json_builder_add_string_value (builder, event->day);
  json_builder_set_member_name (builder, "kind");
  json_builder_add_string_value (builder,
                                 event->kind == PATELLA_PLAN_EVENT_SESSION ? "session" : "decision");
  json_builder_set_member_name (builder, "phase");
  json_builder_add_int_value (builder, event->phase);

  if (event->kind == PATELLA_PLAN_EVENT_SESSION)
    {
      json_builder_set_member_name (builder, "pain");
      json_builder_add_int_value (builder, event->pain);
      add_int_or_null (builder, "pain_after", event->pain_after, PATELLA_PAIN_NONE);
      json_builder_set_member_name (builder, "duration_s");
      json_builder_add_int_value (builder, event->duration_s);
      json_builder_set_member_name (builder, "note");
      json_builder_add_string_value (builder, event->note);
    }
  else
    {
      json_builder_set_member_name (builder, "decision");
      json_builder_add_string_value (builder, patella_plan_decision_get_id (event->decision));
      json_builder_set_member_name (builder, "reason");
      json_builder_add_string_value (builder, reason);
      json_builder_set_member_name (builder, "about");
      if (event->ref_day[0] != '\0')
        json_builder_add_string_value (builder, event->ref_day);
      else
        json_builder_add_null_value (builder);
    }
  json_builder_end_object (builder);
}

static void
print_json (const PatellaPlan      *plan,
            const PatellaPlanToday *today,
            GPtrArray              *warnings)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  const PatellaPlanEvent *decision = patella_plan_get_last_decision (plan);
  const PatellaPlanPhase *phase = patella_plan_get_phase (plan->phase);
  gboolean exists = plan->state != PATELLA_PLAN_STATE_NONE;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "active");
  json_builder_add_boolean_value (builder, plan->state == PATELLA_PLAN_STATE_ACTIVE);
  json_builder_set_member_name (builder, "state");
  json_builder_add_string_value (builder, patella_plan_state_get_id (plan->state));
  add_int_or_null (builder, "phase", exists ? plan->phase : 0, 0);
  json_builder_set_member_name (builder, "phase_count");
  json_builder_add_int_value (builder, PATELLA_PLAN_N_PHASES);
  json_builder_set_member_name (builder, "phase_name");
  if (exists)
    json_builder_add_string_value (builder, patella_plan_phase_get_name (phase));
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "rule");
  if (exists)
    json_builder_add_string_value (builder, patella_plan_rule_get_id (plan->rule));
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "pain_limit");
  json_builder_add_int_value (builder, patella_plan_rule_get_limit (plan->rule));
  json_builder_set_member_name (builder, "started");
  if (exists)
    json_builder_add_string_value (builder, plan->started_day);
  else
    json_builder_add_null_value (builder);

  json_builder_set_member_name (builder, "decision");
  if (decision != NULL)
    json_builder_add_string_value (builder, contract_decision (decision->decision));
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "reason");
  if (decision != NULL)
    {
      g_autofree char *reason = patella_plan_event_get_reason (decision);

      json_builder_add_string_value (builder, reason);
    }
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "decided");
  if (decision != NULL)
    json_builder_add_string_value (builder, decision->day);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "good_in_a_row");
  json_builder_add_int_value (builder, plan->streak);
  json_builder_set_member_name (builder, "exercise_level");
  json_builder_add_int_value (builder, plan->ex_level);

  json_builder_set_member_name (builder, "today");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "kind");
  json_builder_add_string_value (builder, today_kinds[today->kind]);
  json_builder_set_member_name (builder, "text");
  json_builder_add_string_value (builder, today->text);
  add_int_or_null (builder, "duration_s", today->duration_s, 0);
  add_int_or_null (builder, "run_s", today->run_s, 0);
  add_int_or_null (builder, "walk_s", today->walk_s, 0);
  add_int_or_null (builder, "repeats", today->repeats, 0);
  json_builder_set_member_name (builder, "routine");
  if (today->routine_key != NULL)
    json_builder_add_string_value (builder, today->routine_key);
  else
    json_builder_add_null_value (builder);
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "load_warnings");
  json_builder_begin_array (builder);
  for (guint i = 0; i < warnings->len; i++)
    json_builder_add_string_value (builder,
                                   ((PatellaLoadWarning *) g_ptr_array_index (warnings, i))->message);
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "history");
  json_builder_begin_array (builder);
  for (guint i = 0; i < plan->events->len; i++)
    add_event_json (builder, g_ptr_array_index (plan->events, i));
  json_builder_end_array (builder);

  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  patella_cli_print_json (root);
}

static void
print_text (const PatellaPlan      *plan,
            const PatellaPlanToday *today,
            GPtrArray              *warnings)
{
  const PatellaPlanEvent *decision = patella_plan_get_last_decision (plan);
  g_autofree char *level = NULL;

  if (plan->state == PATELLA_PLAN_STATE_NONE)
    {
      g_print ("%s\n", today->text);
      return;
    }

  g_print (_("Recovery plan: phase %d of %d, %s (%s rule: pain during at most %d/10)\n"),
           plan->phase, PATELLA_PLAN_N_PHASES,
           patella_plan_phase_get_name (patella_plan_get_phase (plan->phase)),
           plan->rule == PATELLA_PLAN_RULE_STANDARD ? _("standard") : _("strict"),
           patella_plan_rule_get_limit (plan->rule));
  g_print (_("Today: %s\n"), today->text);
  for (guint i = 0; i < warnings->len; i++)
    g_print (_("Load: %s\n"), ((PatellaLoadWarning *) g_ptr_array_index (warnings, i))->message);
  if (decision != NULL)
    {
      g_autofree char *reason = patella_plan_event_get_reason (decision);

      g_print (_("Latest decision (%s): %s\n"), decision->day, reason);
    }
  level = patella_plan_describe_level (plan->ex_level);
  g_print ("%s\n", level);
}

static int
show (PatellaCliContext *ctx,
      PatellaStore      *store,
      PatellaCliFormat   format)
{
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PatellaPlan) plan = NULL;
  g_autoptr(PatellaPlanToday) today = NULL;
  g_autofree char *day = NULL;

  if (!patella_plan_update (store, &error))
    return patella_cli_fail (g_steal_pointer (&error));

  plan = patella_plan_load (store, &error);
  if (plan == NULL)
    return patella_cli_fail (g_steal_pointer (&error));

  day = patella_clock_get_today (patella_store_get_clock (store));
  today = patella_plan_get_today (plan, day);
  if (today->kind == PATELLA_PLAN_TODAY_SESSION)
    warnings = patella_plan_get_load_warnings (store, plan, ctx->unit, &error);
  else
    warnings = g_ptr_array_new ();
  if (warnings == NULL)
    return patella_cli_fail (g_steal_pointer (&error));

  if (format == PATELLA_CLI_FORMAT_JSON)
    print_json (plan, today, warnings);
  else
    print_text (plan, today, warnings);

  return PATELLA_CLI_OK;
}

static gboolean
parse_phase (const char  *text,
             int         *phase,
             GError     **error)
{
  g_autofree char *copy = g_strstrip (g_strdup (text));
  gint64 value = 0;

  if (!g_ascii_string_to_signed (copy, 10, -1000, 1000, &value, NULL))
    return patella_error_refuse (error, PATELLA_ERROR_INVALID,
                                 _("“%s” is not a phase; choose a phase number from 1 to %d"),
                                 copy, PATELLA_PLAN_N_PHASES);

  *phase = (int) value;
  return patella_plan_check_phase (*phase, error);
}

static int
plan_action (PatellaCliContext  *ctx,
             PlanAction          action,
             const char         *command,
             int                 argc,
             char              **argv)
{
  g_autofree char *format_text = NULL;
  g_autofree char *phase_text = NULL;
  g_autofree char *rule_text = NULL;
  g_autoptr(GError) error = NULL;
  PatellaCliFormat format;
  PatellaPlanRule rule = PATELLA_PLAN_RULE_STRICT;
  PatellaStore *store;
  gboolean ok = TRUE;
  int phase = 0;
  int rc;
  GOptionEntry show_entries[] = {
    { "format", 0, 0, G_OPTION_ARG_STRING, &format_text, N_("text or json"), "FORMAT" },
    { NULL }
  };
  GOptionEntry start_entries[] = {
    { "phase", 0, 0, G_OPTION_ARG_STRING, &phase_text,
      N_("The phase to start at, 1 to 9 (default: 1; asked after a stopped plan)"), "N" },
    { "rule", 0, 0, G_OPTION_ARG_STRING, &rule_text,
      N_("strict (pain during at most 2/10, the default) or standard (at most 5/10)"), "RULE" },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format_text, N_("text or json"), "FORMAT" },
    { NULL }
  };

  rc = patella_cli_parse_options (command, "",
                                  _("Show or steer the recovery plan; every command prints the "
                                    "plan afterwards."),
                                  action == PLAN_START ? start_entries : show_entries,
                                  &argc, &argv);
  if (rc != PATELLA_CLI_OK)
    return rc;

  rc = patella_cli_parse_format (command, format_text, FALSE, &format);
  if (rc != PATELLA_CLI_OK)
    return rc;

  if (phase_text != NULL && !parse_phase (phase_text, &phase, &error))
    return patella_cli_fail (g_steal_pointer (&error));
  if (rule_text != NULL && !patella_plan_rule_from_id (rule_text, &rule, &error))
    return patella_cli_fail (g_steal_pointer (&error));

  store = patella_cli_get_store (ctx, &error);
  if (store == NULL)
    return patella_cli_fail (g_steal_pointer (&error));

  switch (action)
    {
    case PLAN_START:
      ok = patella_plan_start (store, phase, rule, &error);
      break;
    case PLAN_PAUSE:
      ok = patella_plan_pause (store, &error);
      break;
    case PLAN_RESUME:
      ok = patella_plan_resume (store, &error);
      break;
    case PLAN_STOP:
      ok = patella_plan_stop (store, &error);
      break;
    case PLAN_SHOW:
    default:
      break;
    }
  if (!ok)
    return patella_cli_fail (g_steal_pointer (&error));

  return show (ctx, store, format);
}

static int
plan_log (PatellaCliContext  *ctx,
          int                 argc,
          char              **argv)
{
  g_autofree char *date_text = NULL;
  g_autofree char *pain_text = NULL;
  g_autofree char *after_text = NULL;
  g_autofree char *note = NULL;
  g_autofree char *day = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PatellaPlan) plan = NULL;
  const PatellaPlanEvent *decision;
  PatellaStore *store;
  int pain = 0;
  int pain_after = PATELLA_PAIN_NONE;
  guint n_before;
  int rc;
  GOptionEntry entries[] = {
    patella_cli_date_entry (&date_text),
    { "pain", 0, 0, G_OPTION_ARG_STRING, &pain_text,
      N_("The most pain during the session, 0 to 10"), "N" },
    { "pain-after", 0, 0, G_OPTION_ARG_STRING, &after_text,
      N_("Pain about an hour after, 0 to 10"), "N" },
    { "note", 0, 0, G_OPTION_ARG_STRING, &note, N_("A note"), "TEXT" },
    { NULL }
  };

  rc = patella_cli_parse_options ("plan log", "",
                                  _("Log the session the plan prescribed, with the pain it "
                                    "caused."),
                                  entries, &argc, &argv);
  if (rc != PATELLA_CLI_OK)
    return rc;

  if (pain_text == NULL)
    return patella_cli_usage_error ("plan log", _("plan log needs --pain N, from 0 to 10"));

  if (!patella_parse_pain (pain_text, &pain, &error))
    return patella_cli_fail (g_steal_pointer (&error));
  if (after_text != NULL && !patella_parse_pain (after_text, &pain_after, &error))
    return patella_cli_fail (g_steal_pointer (&error));

  rc = patella_cli_open_day (ctx, date_text, &day, &store);
  if (rc != PATELLA_CLI_OK)
    return rc;

  plan = patella_plan_load (store, &error);
  if (plan == NULL)
    return patella_cli_fail (g_steal_pointer (&error));
  n_before = plan->events->len;
  g_clear_pointer (&plan, patella_plan_free);

  if (!patella_plan_log (store, day, pain, pain_after, note, &error))
    return patella_cli_fail (g_steal_pointer (&error));

  plan = patella_plan_load (store, &error);
  if (plan == NULL)
    return patella_cli_fail (g_steal_pointer (&error));

  g_print (_("Logged the session of %s: pain during %d/10.\n"), day, pain);

  /* What the new session decided at once, or decided about the one before. */
  for (guint i = n_before; i < plan->events->len; i++)
    {
      decision = g_ptr_array_index (plan->events, i);
      if (decision->kind == PATELLA_PLAN_EVENT_DECISION)
        {
          g_autofree char *reason = patella_plan_event_get_reason (decision);

          g_print ("%s\n", reason);
        }
    }

  return PATELLA_CLI_OK;
}

static void
print_usage (FILE *stream)
{
  fprintf (stream, "%s\n", _("Usage: patella-cli plan show|start [--phase N] [--rule RULE]|pause|"
                             "resume|stop [--format text|json]"));
  fprintf (stream, "%s\n", _("       patella-cli plan log [--date DATE] --pain N [--pain-after N] "
                             "[--note TEXT]"));
  fprintf (stream, "\n%s\n", _("The recovery plan: from strength work and walking back to "
                               "running, one phase at a time, as your knee allows."));
}

int
patella_cli_plan_run (PatellaCliContext  *ctx,
                      int                 argc,
                      char              **argv)
{
  if (argc < 2 || g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h"))
    {
      print_usage (argc < 2 ? stderr : stdout);
      return argc < 2 ? PATELLA_CLI_USAGE : -1;
    }

  if (g_str_equal (argv[1], "show"))
    return plan_action (ctx, PLAN_SHOW, "plan show", argc - 1, argv + 1);
  if (g_str_equal (argv[1], "start"))
    return plan_action (ctx, PLAN_START, "plan start", argc - 1, argv + 1);
  if (g_str_equal (argv[1], "pause"))
    return plan_action (ctx, PLAN_PAUSE, "plan pause", argc - 1, argv + 1);
  if (g_str_equal (argv[1], "resume"))
    return plan_action (ctx, PLAN_RESUME, "plan resume", argc - 1, argv + 1);
  if (g_str_equal (argv[1], "stop"))
    return plan_action (ctx, PLAN_STOP, "plan stop", argc - 1, argv + 1);
  if (g_str_equal (argv[1], "log"))
    return plan_log (ctx, argc - 1, argv + 1);

  return patella_cli_usage_error ("plan", _("Unknown plan command “%s”; use show, start, pause, "
                                            "resume, stop or log"), argv[1]);
}
