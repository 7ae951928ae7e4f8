/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "patella-import"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

#include "patella-activity.h"
#include "patella-export.h"
#include "patella-import-private.h"
#include "patella-journal.h"
#include "patella-units.h"

/* Reading a Patella export: every item checked before anything is written. */

/* The member readers of patella-import-fields.c, by short names. */
#define refuse_member patella_import_refuse_member
#define get_int       patella_import_get_int
#define get_bool      patella_import_get_bool
#define get_text      patella_import_get_text
#define get_uuid      patella_import_get_uuid
#define is_one_of     patella_import_is_one_of
typedef ImportWhere Where;

static void
import_shoe_free (PatellaShoeRecord *shoe)
{
  patella_shoe_record_clear (shoe);
  g_free (shoe);
}

static void
import_run_free (ImportRun *run)
{
  g_free (run->uuid);
  g_free (run->day);
  g_free (run->shoe);
  g_free (run->shoe_uuid);
  g_free (run->note);
  g_free (run->source);
  g_free (run);
}

static void
import_entry_free (ImportEntry *entry)
{
  g_free (entry->uuid);
  g_free (entry->day);
  g_strfreev (entry->symptoms);
  g_free (entry->note);
  g_free (entry);
}

static void
import_session_free (ImportSession *session)
{
  g_free (session->uuid);
  g_free (session->kind);
  g_free (session->day);
  g_free (session->state);
  g_free (session->routine);
  g_free (session);
}

static void
import_step_clear (PatellaRoutineStepRecord *step)
{
  g_free ((char *) step->exercise);
}

static void
import_routine_free (ImportRoutine *routine)
{
  g_free (routine->uuid);
  g_free (routine->name);
  g_array_unref (routine->steps);
  g_free (routine);
}

void
patella_import_data_free (PatellaImportData *data)
{
  if (data == NULL)
    return;

  g_ptr_array_unref (data->shoes);
  g_ptr_array_unref (data->runs);
  g_ptr_array_unref (data->journal);
  g_ptr_array_unref (data->sessions);
  g_ptr_array_unref (data->routines);
  for (guint i = 0; i < PLAN_N_TABLES; i++)
    g_clear_pointer (&data->plan_rows[i], g_ptr_array_unref);
  g_free (data);
}

guint
patella_import_data_get_n_items (PatellaImportData *data)
{
  guint n = data->shoes->len + data->runs->len + data->journal->len + data->sessions->len +
            data->routines->len;

  for (guint i = 0; i < PLAN_N_TABLES; i++)
    n += data->plan_rows[i]->len;

  return n;
}

static gboolean
parse_shoe (JsonObject  *object,
            const Where *where,
            GPtrArray   *out,
            GError     **error)
{
  PatellaShoeRecord *shoe = g_new0 (PatellaShoeRecord, 1);

  g_ptr_array_add (out, shoe);

  if (!get_uuid (object, where, "uuid", &shoe->uuid, error) ||
      !get_text (object, where, "name", FALSE, TEXT_NAME, &shoe->name, error) ||
      !get_text (object, where, "brand", TRUE, TEXT_SHORT, &shoe->brand, error) ||
      !get_text (object, where, "first_used", TRUE, TEXT_DATE, &shoe->first_used, error) ||
      !get_int (object, where, "initial_m", FALSE, 0, PATELLA_DISTANCE_MAX_M, &shoe->initial_m,
                error) ||
      !get_int (object, where, "warn_m", FALSE, 160934, 1609344, &shoe->warn_m, error) ||
      !get_int (object, where, "limit_m", FALSE, 160934, 1609344, &shoe->limit_m, error) ||
      !get_bool (object, where, "retired", &shoe->retired, error) ||
      !get_bool (object, where, "default", &shoe->is_default, error) ||
      !get_int (object, where, "created_us", FALSE, 0, INSTANT_MAX_US, &shoe->created_us, error))
    return FALSE;

  if (shoe->brand == NULL)
    shoe->brand = g_strdup ("");

  if (shoe->warn_m > shoe->limit_m)
    return refuse_member (error, where, "warn_m", _("at most “limit_m”"));

  return TRUE;
}

static gboolean
parse_run (JsonObject  *object,
           const Where *where,
           GPtrArray   *out,
           GError     **error)
{
  ImportRun *run = g_new0 (ImportRun, 1);

  g_ptr_array_add (out, run);

  if (!get_uuid (object, where, "uuid", &run->uuid, error) ||
      !get_text (object, where, "date", FALSE, TEXT_DATE, &run->day, error) ||
      !get_int (object, where, "distance_m", FALSE, 1, RUN_DISTANCE_MAX_M, &run->distance_m,
                error) ||
      !get_int (object, where, "duration_s", TRUE, 1, RUN_DURATION_MAX_S, &run->duration_s,
                error) ||
      !get_text (object, where, "shoe", TRUE, TEXT_NAME, &run->shoe, error) ||
      !get_uuid (object, where, "shoe_uuid", &run->shoe_uuid, error) ||
      !get_int (object, where, "pain", TRUE, 0, 10, &run->pain, error) ||
      !get_text (object, where, "note", TRUE, TEXT_NOTE, &run->note, error) ||
      !get_int (object, where, "created_us", FALSE, 0, INSTANT_MAX_US, &run->created_us, error) ||
      !get_int (object, where, "start_us", TRUE, 1, INSTANT_MAX_US, &run->start_us, error) ||
      !get_text (object, where, "source", TRUE, TEXT_WORD, &run->source, error) ||
      !get_int (object, where, "cadence_spm", TRUE, 1, 400, &run->cadence_spm, error) ||
      !get_int (object, where, "descent_m", TRUE, 0, 100000, &run->descent_m, error))
    return FALSE;

  if (run->note == NULL)
    run->note = g_strdup ("");

  {
    PatellaSource source;

    if (run->source != NULL && !patella_source_from_string (run->source, &source))
      return refuse_member (error, where, "source",
                            _("one of “manual”, “json”, “fit”, “tcx”, “gpx”"));
  }

  return TRUE;
}

static gboolean
parse_entry (JsonObject  *object,
             const Where *where,
             GPtrArray   *out,
             GError     **error)
{
  ImportEntry *entry = g_new0 (ImportEntry, 1);
  JsonNode *symptoms;
  g_autoptr(GStrvBuilder) codes = g_strv_builder_new ();

  g_ptr_array_add (out, entry);

  if (!get_uuid (object, where, "uuid", &entry->uuid, error) ||
      !get_text (object, where, "date", FALSE, TEXT_DATE, &entry->day, error) ||
      !get_int (object, where, "pain_rest", TRUE, 0, 10, &entry->pain_rest, error) ||
      !get_int (object, where, "pain_activity", TRUE, 0, 10, &entry->pain_activity, error) ||
      !get_int (object, where, "pain_morning", TRUE, 0, 10, &entry->pain_morning, error) ||
      !get_text (object, where, "note", TRUE, TEXT_NOTE, &entry->note, error) ||
      !get_int (object, where, "created_us", FALSE, 0, INSTANT_MAX_US, &entry->created_us,
                error) ||
      !get_int (object, where, "updated_us", FALSE, 0, INSTANT_MAX_US, &entry->updated_us,
                error))
    return FALSE;

  if (entry->note == NULL)
    entry->note = g_strdup ("");

  symptoms = json_object_get_member (object, "symptoms");
  if (symptoms != NULL && !JSON_NODE_HOLDS_NULL (symptoms))
    {
      JsonArray *array;

      if (!JSON_NODE_HOLDS_ARRAY (symptoms))
        return refuse_member (error, where, "symptoms", _("a list of symptom codes"));

      array = json_node_get_array (symptoms);
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *code = json_array_get_element (array, i);
          const char *text;

          if (!JSON_NODE_HOLDS_VALUE (code) || json_node_get_value_type (code) != G_TYPE_STRING)
            return refuse_member (error, where, "symptoms", _("a list of symptom codes"));

          text = json_node_get_string (code);
          if (!patella_symptom_check (text, NULL))
            return refuse_member (error, where, "symptoms",
                                  _("a list of known symptom codes, such as “swelling”"));

          for (guint j = 0; j < i; j++)
            if (g_str_equal (json_array_get_string_element (array, j), text))
              return refuse_member (error, where, "symptoms",
                                    _("a list of symptom codes, each once"));

          g_strv_builder_add (codes, text);
        }
    }

  entry->symptoms = g_strv_builder_end (codes);
  return TRUE;
}

static gboolean
parse_session (JsonObject  *object,
               const Where *where,
               GPtrArray   *out,
               GError     **error)
{
  static const char * const kinds[] = { "icing", "exercise", NULL };
  static const char * const states[] = { "running", "paused", "finished", "stopped",
                                         "cancelled", NULL };
  ImportSession *session = g_new0 (ImportSession, 1);

  g_ptr_array_add (out, session);

  if (!get_uuid (object, where, "uuid", &session->uuid, error) ||
      !get_text (object, where, "kind", FALSE, TEXT_WORD, &session->kind, error) ||
      !get_text (object, where, "date", FALSE, TEXT_DATE, &session->day, error) ||
      !get_text (object, where, "state", FALSE, TEXT_WORD, &session->state, error) ||
      !get_int (object, where, "started_us", FALSE, 0, INSTANT_MAX_US, &session->started_us,
                error) ||
      !get_int (object, where, "planned_s", FALSE, 1, SESSION_MAX_S, &session->planned_s,
                error) ||
      !get_int (object, where, "ends_us", TRUE, 0, INSTANT_MAX_US, &session->ends_us, error) ||
      !get_int (object, where, "remaining_s", TRUE, 0, SESSION_MAX_S, &session->remaining_s,
                error) ||
      !get_int (object, where, "ended_us", TRUE, 0, INSTANT_MAX_US, &session->ended_us, error) ||
      !get_int (object, where, "duration_s", TRUE, 0, SESSION_MAX_S, &session->duration_s,
                error) ||
      !get_text (object, where, "routine", TRUE, TEXT_SHORT, &session->routine, error) ||
      !get_int (object, where, "pain", TRUE, 0, 10, &session->pain, error))
    return FALSE;

  if (!is_one_of (session->kind, kinds))
    return refuse_member (error, where, "kind", _("“icing” or “exercise”"));

  if (!is_one_of (session->state, states))
    return refuse_member (error, where, "state",
                          _("one of “running”, “paused”, “finished”, “stopped”, “cancelled”"));

  if (g_str_equal (session->state, "running") && session->ends_us == NONE)
    return refuse_member (error, where, "ends_us", _("a time for a running session"));

  if (g_str_equal (session->state, "paused") && session->remaining_s == NONE)
    return refuse_member (error, where, "remaining_s", _("a number for a paused session"));

  /* A session lasts at most two days: an end years away would break every
   * view that shows it. */
  if (session->ends_us != NONE &&
      (session->ends_us < session->started_us ||
       session->ends_us - session->started_us > (gint64) SESSION_MAX_S * G_USEC_PER_SEC))
    return refuse_member (error, where, "ends_us",
                          _("a time from “started_us” to 48 hours after it"));

  if (session->ended_us != NONE &&
      (session->ended_us < session->started_us ||
       session->ended_us - session->started_us > (gint64) SESSION_MAX_S * G_USEC_PER_SEC))
    return refuse_member (error, where, "ended_us",
                          _("a time from “started_us” to 48 hours after it"));

  return TRUE;
}

static gboolean
parse_routine (JsonObject  *object,
               const Where *where,
               GPtrArray   *out,
               GError     **error)
{
  ImportRoutine *routine = g_new0 (ImportRoutine, 1);
  JsonNode *steps;
  JsonArray *array;

  routine->steps = g_array_new (FALSE, TRUE, sizeof (PatellaRoutineStepRecord));
  g_array_set_clear_func (routine->steps, (GDestroyNotify) import_step_clear);
  g_ptr_array_add (out, routine);

  if (!get_uuid (object, where, "uuid", &routine->uuid, error) ||
      !get_text (object, where, "name", FALSE, TEXT_NAME, &routine->name, error) ||
      !get_int (object, where, "created_us", FALSE, 0, INSTANT_MAX_US, &routine->created_us,
                error))
    return FALSE;

  steps = json_object_get_member (object, "steps");
  if (steps == NULL || !JSON_NODE_HOLDS_ARRAY (steps))
    return refuse_member (error, where, "steps", _("a list of steps"));

  array = json_node_get_array (steps);
  if (json_array_get_length (array) > 100)
    return refuse_member (error, where, "steps", _("a list of at most 100 steps"));

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      PatellaRoutineStepRecord *step;
      JsonObject *step_object;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        return refuse_member (error, where, "steps", _("a list of step objects"));

      step_object = json_node_get_object (node);
      /* Cleared, and freed with the routine from now on. */
      g_array_set_size (routine->steps, i + 1);
      step = &g_array_index (routine->steps, PatellaRoutineStepRecord, i);

      if (!get_text (step_object, where, "exercise", FALSE, TEXT_NAME, (char **) &step->exercise,
                     error) ||
          !get_int (step_object, where, "sets", FALSE, 1, 20, &step->sets, error) ||
          !get_int (step_object, where, "reps", FALSE, 0, 100, &step->reps, error) ||
          !get_int (step_object, where, "hold_s", FALSE, 0, 600, &step->hold_s, error) ||
          !get_int (step_object, where, "rest_s", FALSE, 0, 600, &step->rest_s, error) ||
          !get_bool (step_object, where, "per_side", &step->per_side, error))
        return FALSE;
    }

  return TRUE;
}

typedef gboolean (*ParseItemFunc) (JsonObject  *object,
                                   const Where *where,
                                   GPtrArray   *out,
                                   GError     **error);

static gboolean
parse_list (JsonObject    *root,
            gint64         version,
            const char    *member,
            ParseItemFunc  parse_item,
            GPtrArray     *out,
            GError       **error)
{
  JsonNode *node = json_object_get_member (root, member);
  JsonArray *array;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    return refuse (error, _("“%s” must be a list; nothing was imported"), member);

  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *item = json_array_get_element (array, i);
      Where where = { member, i, version >= 2 };

      if (!JSON_NODE_HOLDS_OBJECT (item))
        return refuse (error, _("In “%s”, item %u is not an object; nothing was imported"),
                       member, i + 1);

      if (!parse_item (json_node_get_object (item), &where, out, error))
        return FALSE;
    }

  return TRUE;
}

static const char * const plan_rules[] = { "strict", "standard", NULL };
static const char * const plan_states[] = { "active", "paused", "stopped", NULL };
static const char * const event_kinds[] = { "session", "decision", NULL };
static const char * const decisions[] = { "start", "advance", "hold", "step-back", "paused",
                                          "resume", "stop", NULL };
static const char * const walk_run_states[] = { "running", "paused", "finished", "stopped",
                                                "logged", NULL };

static const PlanColumn plan_columns[] = {
  { "uuid", PLAN_COL_UUID },
  { "started_day", PLAN_COL_DATE },
  { "started_us", PLAN_COL_INT, FALSE, 0, INSTANT_MAX_US },
  { "rule", PLAN_COL_WORD, FALSE, 0, 0, plan_rules },
  { "state", PLAN_COL_WORD, FALSE, 0, 0, plan_states },
  { "phase", PLAN_COL_INT, FALSE, 1, 9 },
  { "streak", PLAN_COL_INT, FALSE, 0, 10000 },
  { "ex_level", PLAN_COL_INT, FALSE, 0, 3 },
  { "ex_streak", PLAN_COL_INT, FALSE, 0, 10000 },
};

static const PlanColumn plan_event_columns[] = {
  { "uuid", PLAN_COL_UUID },
  { "plan_uuid", PLAN_COL_UUID },
  { "date", PLAN_COL_DATE },
  { "at_us", PLAN_COL_INT, FALSE, 0, INSTANT_MAX_US },
  { "kind", PLAN_COL_WORD, FALSE, 0, 0, event_kinds },
  { "phase", PLAN_COL_INT, FALSE, 1, 9 },
  { "pain", PLAN_COL_INT, TRUE, 0, 10 },
  { "pain_after", PLAN_COL_INT, TRUE, 0, 10 },
  { "duration_s", PLAN_COL_INT, TRUE, 0, SESSION_MAX_S },
  { "decided", PLAN_COL_INT, FALSE, 0, 1 },
  { "decision", PLAN_COL_WORD, TRUE, 0, 0, decisions },
  { "reason", PLAN_COL_TEXT, FALSE, 0, PATELLA_NAME_MAX_CHARS },
  { "ref_day", PLAN_COL_DATE, TRUE },
  { "value", PLAN_COL_INT, TRUE, G_MININT32, G_MAXINT32 },
  { "ex_level", PLAN_COL_INT, TRUE, 0, 3 },
  { "note", PLAN_COL_TEXT, FALSE, 0, PATELLA_NOTE_MAX_CHARS },
};

static const PlanColumn walk_run_columns[] = {
  { "uuid", PLAN_COL_UUID },
  { "date", PLAN_COL_DATE },
  { "phase", PLAN_COL_INT, FALSE, 1, 9 },
  { "warm_up_s", PLAN_COL_INT, FALSE, 0, SESSION_MAX_S },
  { "run_s", PLAN_COL_INT, FALSE, 1, SESSION_MAX_S },
  { "walk_s", PLAN_COL_INT, FALSE, 0, SESSION_MAX_S },
  { "repeats", PLAN_COL_INT, FALSE, 1, 50 },
  { "state", PLAN_COL_WORD, FALSE, 0, 0, walk_run_states },
  { "started_us", PLAN_COL_INT, FALSE, 0, INSTANT_MAX_US },
  { "ends_us", PLAN_COL_INT, TRUE, 0, INSTANT_MAX_US },
  { "remaining_s", PLAN_COL_INT, TRUE, 0, SESSION_MAX_S },
  { "ended_us", PLAN_COL_INT, TRUE, 0, INSTANT_MAX_US },
  { "pain", PLAN_COL_INT, TRUE, 0, 10 },
};

const PlanTable patella_import_plan_tables[PLAN_N_TABLES] = {
  [PLAN_TABLE_PLANS] = { "plans", plan_columns, G_N_ELEMENTS (plan_columns) },
  [PLAN_TABLE_EVENTS] = { "plan_events", plan_event_columns, G_N_ELEMENTS (plan_event_columns) },
  [PLAN_TABLE_WALK_RUNS] = { "walk_runs", walk_run_columns, G_N_ELEMENTS (walk_run_columns) },
};

static gboolean
check_plan_row (JsonObject       *object,
                const Where      *where,
                const PlanTable  *table,
                GError          **error)
{
  for (guint i = 0; i < table->n_columns; i++)
    {
      const PlanColumn *column = &table->columns[i];
      g_autofree char *text = NULL;
      gint64 value;

      switch (column->kind)
        {
        case PLAN_COL_UUID:
          if (!get_text (object, where, column->name, FALSE, TEXT_UUID, &text, error))
            return FALSE;
          break;
        case PLAN_COL_DATE:
          if (!get_text (object, where, column->name, column->optional, TEXT_DATE, &text, error))
            return FALSE;
          break;
        case PLAN_COL_INT:
          if (!get_int (object, where, column->name, column->optional, column->min, column->max,
                        &value, error))
            return FALSE;
          break;
        case PLAN_COL_WORD:
          if (!get_text (object, where, column->name, column->optional, TEXT_WORD, &text, error))
            return FALSE;
          if (text != NULL && !g_strv_contains (column->words, text))
            {
              g_autofree char *words = g_strjoinv ("”, “", (char **) column->words);
              g_autofree char *expected = g_strdup_printf (_("one of “%s”"), words);

              return refuse_member (error, where, column->name, expected);
            }
          break;
        case PLAN_COL_TEXT:
          if (!get_text (object, where, column->name, FALSE,
                         column->max > PATELLA_NAME_MAX_CHARS ? TEXT_NOTE : TEXT_SHORT, &text,
                         error))
            return FALSE;
          break;
        default:
          g_assert_not_reached ();
        }
    }

  return TRUE;
}

/* The recovery plan's lists, from version 2 on. */
static gboolean
parse_plan_tables (JsonObject         *root,
                   gint64              version,
                   PatellaImportData  *data,
                   GError            **error)
{
  for (guint t = 0; t < PLAN_N_TABLES; t++)
    {
      const PlanTable *table = &patella_import_plan_tables[t];
      JsonNode *node = json_object_get_member (root, table->member);
      JsonArray *array;

      if (node == NULL || JSON_NODE_HOLDS_NULL (node))
        continue;

      if (!JSON_NODE_HOLDS_ARRAY (node))
        return refuse (error, _("“%s” must be a list; nothing was imported"), table->member);

      array = json_node_get_array (node);
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *item = json_array_get_element (array, i);
          Where where = { table->member, i, TRUE };

          if (!JSON_NODE_HOLDS_OBJECT (item))
            return refuse (error, _("In “%s”, item %u is not an object; nothing was imported"),
                           table->member, i + 1);

          if (!check_plan_row (json_node_get_object (item), &where, table, error))
            return FALSE;

          g_ptr_array_add (data->plan_rows[t], json_object_ref (json_node_get_object (item)));
        }
    }

  return TRUE;
}

/* json-glib's parser recurses: refuse deep nesting before it sees it. An
 * escaped NUL is refused here too, where escapes are told from text. */
static gboolean
check_depth (const char  *data,
             gsize        length,
             GError     **error)
{
  gboolean in_string = FALSE;
  guint depth = 0;

  for (gsize i = 0; i < length; i++)
    {
      char c = data[i];

      if (in_string)
        {
          /* json-glib hands out C strings: an escaped NUL would cut one short.
           * The literal text "\\u0000" is an escaped backslash, and fine. */
          if (c == '\\' && i + 5 < length && memcmp (data + i + 1, "u0000", 5) == 0)
            return refuse (error, _("The file holds a NUL character (\\u0000), which no "
                                    "Patella text contains; nothing was imported"));
          if (c == '\\')
            i++;
          else if (c == '"')
            in_string = FALSE;
        }
      else if (c == '"')
        in_string = TRUE;
      else if (c == '[' || c == '{')
        {
          if (++depth > PATELLA_IMPORT_MAX_DEPTH)
            return refuse (error, _("The file nests lists and objects more than %d deep, so it "
                                    "is not a Patella export"), PATELLA_IMPORT_MAX_DEPTH);
        }
      else if ((c == ']' || c == '}') && depth > 0)
        depth--;
    }

  return TRUE;
}

/**
 * patella_import_data_parse:
 *
 * Parses and checks a Patella export (docs/export-format.md) without
 * touching any database: every value is checked against the rules the
 * database applies.
 *
 * Returns: (transfer full): the checked data, or %NULL with @error set
 */
PatellaImportData *
patella_import_data_parse (const char  *data,
                           gsize        length,
                           GError     **error)
{
  g_autoptr(PatellaImportData) result = NULL;
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) local_error = NULL;
  JsonObject *root_object;
  JsonNode *root;
  JsonNode *node;
  const char *format;
  gint64 version;

  if (!patella_import_check_input (data, length, error) || !check_depth (data, length, error))
    return NULL;

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, data, (gssize) length, &local_error))
    {
      refuse (error, _("The file is not valid JSON: %s"), local_error->message);
      return NULL;
    }

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      refuse (error, _("The file is not a Patella export: it holds no JSON object"));
      return NULL;
    }

  root_object = json_node_get_object (root);
  node = json_object_get_member (root_object, "format");
  format = node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
           json_node_get_value_type (node) == G_TYPE_STRING ? json_node_get_string (node) : NULL;
  if (g_strcmp0 (format, PATELLA_EXPORT_FORMAT) != 0)
    {
      refuse (error, _("The file is not a Patella export: its “format” is not "
                       "“patella-export”"));
      return NULL;
    }

  node = json_object_get_member (root_object, "version");
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_INT64 || json_node_get_int (node) < 1)
    {
      refuse (error, _("The Patella export has no valid “version”; nothing was imported"));
      return NULL;
    }

  version = json_node_get_int (node);
  if (version > PATELLA_EXPORT_VERSION)
    {
      refuse (error, _("The file was exported by a newer Patella (export format version %lld; "
                       "this version reads up to %d). Update Patella to import it; nothing was "
                       "imported."), (long long) version, PATELLA_EXPORT_VERSION);
      return NULL;
    }

  result = g_new0 (PatellaImportData, 1);
  result->version = version;
  result->shoes = g_ptr_array_new_with_free_func ((GDestroyNotify) import_shoe_free);
  result->runs = g_ptr_array_new_with_free_func ((GDestroyNotify) import_run_free);
  result->journal = g_ptr_array_new_with_free_func ((GDestroyNotify) import_entry_free);
  result->sessions = g_ptr_array_new_with_free_func ((GDestroyNotify) import_session_free);
  result->routines = g_ptr_array_new_with_free_func ((GDestroyNotify) import_routine_free);

  for (guint i = 0; i < PLAN_N_TABLES; i++)
    result->plan_rows[i] = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);

  if (!parse_plan_tables (root_object, version, result, error) ||
      !parse_list (root_object, version, "shoes", parse_shoe, result->shoes, error) ||
      !parse_list (root_object, version, "runs", parse_run, result->runs, error) ||
      !parse_list (root_object, version, "journal", parse_entry, result->journal, error) ||
      !parse_list (root_object, version, "sessions", parse_session, result->sessions, error) ||
      !parse_list (root_object, version, "routines", parse_routine, result->routines, error))
    return NULL;

  /* What the database would refuse anyway, said clearly. */
  for (guint i = 0, n_default = 0; i < result->shoes->len; i++)
    {
      PatellaShoeRecord *shoe = g_ptr_array_index (result->shoes, i);

      if (shoe->is_default && ++n_default > 1)
        {
          refuse (error, _("The export has more than one default shoe; nothing was imported"));
          return NULL;
        }
    }

  return g_steal_pointer (&result);
}
