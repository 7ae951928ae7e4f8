/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "patella-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "patella-advice.h"
#include "patella-cli-private.h"
#include "patella-error.h"
#include "patella-journal.h"
#include "patella-parse.h"

static void
add_pain_member (JsonBuilder *builder,
                 const char  *name,
                 int          pain)
{
  json_builder_set_member_name (builder, name);
  if (pain == PATELLA_PAIN_NONE)
    json_builder_add_null_value (builder);
  else
    json_builder_add_int_value (builder, pain);
}

/* The object `journal list` prints for each entry, and `status` for today's. */
void
patella_cli_add_journal_json (JsonBuilder         *builder,
                              PatellaJournalEntry *entry)
{
  const char * const *symptoms = patella_journal_entry_get_symptoms (entry);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "date");
  json_builder_add_string_value (builder, patella_journal_entry_get_day (entry));
  add_pain_member (builder, "pain", patella_journal_entry_get_pain_rest (entry));
  add_pain_member (builder, "pain_activity", patella_journal_entry_get_pain_activity (entry));
  add_pain_member (builder, "pain_morning", patella_journal_entry_get_pain_morning (entry));
  json_builder_set_member_name (builder, "symptoms");
  json_builder_begin_array (builder);
  for (guint i = 0; symptoms[i] != NULL; i++)
    json_builder_add_string_value (builder, symptoms[i]);
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "note");
  json_builder_add_string_value (builder, patella_journal_entry_get_note (entry));
  json_builder_end_object (builder);
}

static char *
format_pain (int pain)
{
  if (pain == PATELLA_PAIN_NONE)
    return g_strdup ("–");

  return g_strdup_printf ("%d/10", pain);
}

/* "at rest 3/10 · during activity 6/10, Too much (above 5) · next morning –":
 * the zones are for pain during activity only. */
char *
patella_cli_format_journal_pains (PatellaJournalEntry *entry)
{
  int rest = patella_journal_entry_get_pain_rest (entry);
  int activity = patella_journal_entry_get_pain_activity (entry);
  g_autofree char *morning = format_pain (patella_journal_entry_get_pain_morning (entry));

  /* Unrated at rest: a dash, as for the other two ratings. */
  if (rest == PATELLA_PAIN_NONE && activity == PATELLA_PAIN_NONE)
    /* Translators: pain the next morning; the dashes are ratings not given */
    return g_strdup_printf (_("at rest – · during activity – · next morning %s"), morning);

  if (rest == PATELLA_PAIN_NONE)
    /* Translators: pain during activity, its meaning, pain the next morning; the
     * dash is a rating not given */
    return g_strdup_printf (_("at rest – · during activity %d/10, %s · next morning %s"),
                            activity, patella_pain_zone_get_label (patella_pain_zone (activity)),
                            morning);

  if (activity == PATELLA_PAIN_NONE)
    /* Translators: pain at rest, pain the next morning */
    return g_strdup_printf (_("at rest %d/10 · during activity – · next morning %s"),
                            rest, morning);

  /* Translators: pain at rest, pain during activity, its meaning, pain the next morning */
  return g_strdup_printf (_("at rest %d/10 · during activity %d/10, %s · next morning %s"),
                          rest, activity, patella_pain_zone_get_label (patella_pain_zone (activity)),
                          morning);
}

/* "Today — Your knee locked…": the urgency in words, not only in order. */
char *
patella_cli_format_advice (const char *urgency,
                           const char *text)
{
  for (PatellaUrgency u = PATELLA_URGENCY_ROUTINE; u <= PATELLA_URGENCY_SAME_DAY; u++)
    if (g_strcmp0 (urgency, patella_urgency_get_id (u)) == 0)
      /* Translators: how soon ("Today", "Within days"), then the advice */
      return g_strdup_printf (_("%s — %s"), patella_urgency_get_label (u), text);

  return g_strdup (text);
}

/* Returns: the translated evidence word for "guideline", "study" or "common advice" */
const char *
patella_cli_evidence_label (const char *evidence)
{
  for (PatellaEvidence e = PATELLA_EVIDENCE_GUIDELINE; e <= PATELLA_EVIDENCE_COMMON_ADVICE; e++)
    if (g_strcmp0 (evidence, patella_evidence_get_id (e)) == 0)
      return patella_evidence_get_label (e);

  return evidence;
}

static char *
join_symptom_labels (PatellaJournalEntry *entry)
{
  const char * const *codes = patella_journal_entry_get_symptoms (entry);
  g_autoptr(GStrvBuilder) labels = g_strv_builder_new ();
  g_auto(GStrv) strv = NULL;

  for (guint i = 0; codes[i] != NULL; i++)
    g_strv_builder_add (labels, patella_symptom_get_label (codes[i]));
  strv = g_strv_builder_end (labels);

  return g_strjoinv (", ", strv);
}

static void
print_text (GPtrArray *entries)
{
  if (entries->len == 0)
    {
      g_print (_("No journal entries yet. Add today’s with “patella-cli journal add --pain N”.\n"));
      return;
    }

  for (guint i = 0; i < entries->len; i++)
    {
      PatellaJournalEntry *entry = g_ptr_array_index (entries, i);
      g_autofree char *pains = patella_cli_format_journal_pains (entry);
      const char *note = patella_journal_entry_get_note (entry);

      g_print ("%s  %s\n", patella_journal_entry_get_day (entry), pains);
      if (patella_journal_entry_get_symptoms (entry)[0] != NULL)
        {
          g_autofree char *symptoms = join_symptom_labels (entry);

          g_print (_("  Symptoms: %s\n"), symptoms);
        }
      if (*note != '\0')
        {
          g_auto(GStrv) lines = g_strsplit (note, "\n", -1);

          g_print (_("  Note: %s\n"), lines[0]);
          for (guint j = 1; lines[j] != NULL; j++)
            g_print ("        %s\n", lines[j]);
        }
    }
}

static void
print_csv (GPtrArray *entries)
{
  g_print ("date,pain,pain_activity,pain_morning,symptoms,note\n");

  for (guint i = 0; i < entries->len; i++)
    {
      PatellaJournalEntry *entry = g_ptr_array_index (entries, i);
      int rest = patella_journal_entry_get_pain_rest (entry);
      int activity = patella_journal_entry_get_pain_activity (entry);
      int morning = patella_journal_entry_get_pain_morning (entry);
      g_autofree char *rest_text = rest == PATELLA_PAIN_NONE ? g_strdup ("") :
                                   g_strdup_printf ("%d", rest);
      g_autofree char *activity_text = activity == PATELLA_PAIN_NONE ? g_strdup ("") :
                                       g_strdup_printf ("%d", activity);
      g_autofree char *morning_text = morning == PATELLA_PAIN_NONE ? g_strdup ("") :
                                      g_strdup_printf ("%d", morning);
      g_autofree char *codes = g_strjoinv (";", (GStrv) patella_journal_entry_get_symptoms (entry));
      g_autofree char *note = patella_cli_csv_field (patella_journal_entry_get_note (entry));

      g_print ("%s,%s,%s,%s,%s,%s\n",
               patella_journal_entry_get_day (entry), rest_text,
               activity_text, morning_text, codes, note);
    }
}

static void
print_json (GPtrArray *entries)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_array (builder);
  for (guint i = 0; i < entries->len; i++)
    patella_cli_add_journal_json (builder, g_ptr_array_index (entries, i));
  json_builder_end_array (builder);

  root = json_builder_get_root (builder);
  patella_cli_print_json (root);
}

static gboolean
parse_optional_pain (const char  *text,
                     const char  *what,
                     gboolean     can_clear,
                     int         *pain,
                     GError     **error)
{
  if (text == NULL)
    return TRUE;

  if (can_clear ? patella_parse_optional_pain (text, pain, error)
                : patella_parse_pain (text, pain, error))
    return TRUE;

  g_prefix_error (error, "%s: ", what);
  return FALSE;
}

static int
journal_add (PatellaCliContext  *ctx,
             int                 argc,
             char              **argv)
{
  g_autofree char *date_text = NULL;
  g_autofree char *pain_text = NULL;
  g_autofree char *activity_text = NULL;
  g_autofree char *morning_text = NULL;
  g_autofree char *note = NULL;
  g_auto(GStrv) symptoms = NULL;
  g_auto(GStrv) no_symptoms = NULL;
  gboolean clear_symptoms = FALSE;
  static const char * const none[] = { NULL };
  g_autofree char *day = NULL;
  g_autoptr(GPtrArray) advice = NULL;
  g_autoptr(GError) error = NULL;
  PatellaJournalChange change = PATELLA_JOURNAL_CHANGE_INIT;
  PatellaStore *store;
  gboolean created = FALSE;
  GDate date;
  int rc;
  /* FILENAME arguments reach us as the bytes typed, so that text that is not
   * UTF-8 is refused by the checks below (exit 1), not by GOption (exit 2). */
  GOptionEntry entries[] = {
    { "date", 0, 0, G_OPTION_ARG_FILENAME, &date_text,
      N_("The day, YYYY-MM-DD (default: today)"), "DATE" },
    { "pain", 0, 0, G_OPTION_ARG_FILENAME, &pain_text,
      N_("Pain at rest, 0–10, or “none” to clear it"), "N" },
    { "pain-activity", 0, 0, G_OPTION_ARG_FILENAME, &activity_text,
      N_("Pain during activity, 0–10, or “none” to clear it"), "N" },
    { "pain-morning", 0, 0, G_OPTION_ARG_FILENAME, &morning_text,
      N_("Pain the next morning, 0–10, or “none” to clear it"), "N" },
    { "symptom", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &symptoms,
      N_("A symptom to add to the day’s; repeat for more"), "CODE" },
    { "no-symptom", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &no_symptoms,
      N_("A symptom to take from the day’s; repeat for more"), "CODE" },
    { "clear-symptoms", 0, 0, G_OPTION_ARG_NONE, &clear_symptoms,
      N_("Take all of the day’s symptoms away first"), NULL },
    { "note", 0, 0, G_OPTION_ARG_FILENAME, &note,
      N_("A note, up to 10 000 characters"), "TEXT" },
    { NULL }
  };

  rc = patella_cli_parse_options ("journal add", "",
                                  _("Write the journal entry of a day. For a day that has one "
                                    "already, only the values given change."),
                                  entries, &argc, &argv);
  if (rc != PATELLA_CLI_OK)
    return rc;

  if (date_text != NULL && !patella_parse_date (date_text, &date, &error))
    return patella_cli_fail (g_steal_pointer (&error));

  if (!parse_optional_pain (pain_text, "--pain", TRUE, &change.pain_rest, &error) ||
      !parse_optional_pain (activity_text, "--pain-activity", TRUE, &change.pain_activity,
                            &error) ||
      !parse_optional_pain (morning_text, "--pain-morning", TRUE, &change.pain_morning, &error))
    return patella_cli_fail (g_steal_pointer (&error));

  for (guint i = 0; symptoms != NULL && symptoms[i] != NULL; i++)
    if (!patella_symptom_check (symptoms[i], &error))
      return patella_cli_fail (g_steal_pointer (&error));
  for (guint i = 0; no_symptoms != NULL && no_symptoms[i] != NULL; i++)
    {
      if (!patella_symptom_check (no_symptoms[i], &error))
        return patella_cli_fail (g_steal_pointer (&error));
      if (symptoms != NULL && g_strv_contains ((const char * const *) symptoms, no_symptoms[i]))
        return patella_cli_fail (g_error_new (PATELLA_ERROR, PATELLA_ERROR_INVALID,
                                              _("“%s” is given with both --symptom and "
                                                "--no-symptom; give it with one of them"),
                                              no_symptoms[i]));
    }

  /* --symptom adds to the day's symptoms (red flags are never dropped by
   * naming another); --clear-symptoms starts from none. */
  if (clear_symptoms)
    change.symptoms = symptoms != NULL ? (const char * const *) symptoms : none;
  else
    change.symptoms_add = (const char * const *) symptoms;
  change.symptoms_remove = (const char * const *) no_symptoms;

  if (note != NULL && !patella_check_text (note, PATELLA_NOTE_MAX_CHARS, &error))
    {
      g_prefix_error (&error, _("The note was refused: "));
      return patella_cli_fail (g_steal_pointer (&error));
    }
  change.note = note;

  store = patella_cli_get_store (ctx, &error);
  if (store == NULL)
    return patella_cli_fail (g_steal_pointer (&error));

  if (date_text == NULL)
    day = patella_clock_get_today (patella_store_get_clock (store));
  else if (!patella_journal_check_day (store, date_text, &day, &error))
    return patella_cli_fail (g_steal_pointer (&error));

  if (!patella_journal_save (store, day, &change, &created, &error))
    return patella_cli_fail (g_steal_pointer (&error));

  if (created)
    g_print (_("%s: entry added\n"), day);
  else
    g_print (_("%s: entry updated\n"), day);

  advice = patella_advice_for_day (store, day, NULL);
  for (guint i = 0; advice != NULL && i < advice->len; i++)
    {
      const PatellaAdviceRule *rule = g_ptr_array_index (advice, i);
      g_autofree char *line = patella_cli_format_advice (patella_urgency_get_id (rule->urgency),
                                                         patella_advice_rule_get_text (rule));

      g_print (_("Advice: %s\n"), line);
    }

  return PATELLA_CLI_OK;
}

static gboolean
parse_bound (const char  *text,
             char       **day,
             GError     **error)
{
  GDate date;

  if (text == NULL)
    return TRUE;

  if (!patella_parse_date (text, &date, error))
    return FALSE;

  *day = patella_date_to_string (&date);
  return TRUE;
}

static int
journal_list (PatellaCliContext  *ctx,
              int                 argc,
              char              **argv)
{
  g_autofree char *from_text = NULL;
  g_autofree char *to_text = NULL;
  g_autofree char *format_text = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  PatellaCliFormat format;
  PatellaStore *store;
  int rc;
  GOptionEntry entries[] = {
    { "from", 0, 0, G_OPTION_ARG_FILENAME, &from_text, N_("The first day, YYYY-MM-DD"), "DATE" },
    { "to", 0, 0, G_OPTION_ARG_FILENAME, &to_text, N_("The last day, YYYY-MM-DD"), "DATE" },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format_text, N_("Output format: text, csv or json"),
      "FORMAT" },
    { NULL }
  };

  rc = patella_cli_parse_options ("journal list", "", _("Show the journal, oldest day first."),
                                  entries, &argc, &argv);
  if (rc != PATELLA_CLI_OK)
    return rc;

  rc = patella_cli_parse_format ("journal list", format_text, TRUE, &format);
  if (rc != PATELLA_CLI_OK)
    return rc;

  if (!parse_bound (from_text, &from, &error) || !parse_bound (to_text, &to, &error))
    return patella_cli_fail (g_steal_pointer (&error));

  if (from != NULL && to != NULL && g_strcmp0 (from, to) > 0)
    return patella_cli_refuse (_("--from %s comes after --to %s; give the earlier day first"),
                               from, to);

  store = patella_cli_get_store (ctx, &error);
  if (store == NULL)
    return patella_cli_fail (g_steal_pointer (&error));

  list = patella_journal_list (store, from, to, &error);
  if (list == NULL)
    return patella_cli_fail (g_steal_pointer (&error));

  switch (format)
    {
    case PATELLA_CLI_FORMAT_CSV:
      print_csv (list);
      break;
    case PATELLA_CLI_FORMAT_JSON:
      print_json (list);
      break;
    case PATELLA_CLI_FORMAT_TEXT:
    default:
      print_text (list);
      break;
    }

  return PATELLA_CLI_OK;
}

int
patella_cli_journal_run (PatellaCliContext  *ctx,
                         int                 argc,
                         char              **argv)
{
  if (argc < 2 || g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h"))
    {
      g_autofree char *usage = g_strdup_printf ("%s\n  %s\n  %s\n",
                                                _("Usage: patella-cli journal add|list [OPTIONS…]"),
                                                _("add    Write or update a day’s entry"),
                                                _("list   Show the entries"));

      if (argc < 2)
        {
          g_printerr ("%s", usage);
          return PATELLA_CLI_USAGE;
        }

      g_print ("%s", usage);
      return -1;
    }

  if (g_str_equal (argv[1], "add"))
    return journal_add (ctx, argc - 1, argv + 1);
  if (g_str_equal (argv[1], "list"))
    return journal_list (ctx, argc - 1, argv + 1);

  return patella_cli_usage_error ("journal", _("Unknown journal command “%s”; use add or list"),
                                  argv[1]);
}
