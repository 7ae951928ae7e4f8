/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "patella-import"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <errno.h>
#include <fcntl.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "patella-error.h"
#include "patella-export.h"
#include "patella-activity-import.h"
#include "patella-gpx.h"
#include "patella-import.h"
#include "patella-journal.h"
#include "patella-parse.h"
#include "patella-shoes.h"
#include "patella-units.h"

/* A missing optional number. */
#define NONE G_MININT64

#define RUN_DISTANCE_MAX_M 300000
#define RUN_DURATION_MAX_S PATELLA_DURATION_MAX_S
/* 3000-01-01 00:00 UTC: no instant Patella writes is later. */
#define INSTANT_MAX_US G_GINT64_CONSTANT (32503680000000000)
/* The longest session: two days, like a run. */
#define SESSION_MAX_S (48 * 60 * 60)

/* Everything an import refuses is invalid input. */
#define refuse(error, ...) patella_error_refuse ((error), PATELLA_ERROR_INVALID, __VA_ARGS__)

/* ------------------------------------------------------------------ report */

static PatellaImportReport *
report_new (void)
{
  PatellaImportReport *report = g_new0 (PatellaImportReport, 1);

  report->reasons = g_ptr_array_new_with_free_func (g_free);
  return report;
}

void
patella_import_report_free (PatellaImportReport *report)
{
  if (report == NULL)
    return;

  g_ptr_array_unref (report->reasons);
  g_free (report);
}

static void
report_skip (PatellaImportReport *report,
             char                *reason)
{
  report->skipped++;
  g_ptr_array_add (report->reasons, reason);
}

/**
 * patella_import_report_to_string:
 *
 * Returns: (transfer full): what was imported and what was skipped, and why,
 *   one sentence a line
 */
char *
patella_import_report_to_string (const PatellaImportReport *report)
{
  GString *out = g_string_new (NULL);

  g_string_append_printf (out,
                          g_dngettext (GETTEXT_PACKAGE, "Imported %u item", "Imported %u items",
                                       report->imported),
                          report->imported);
  if (report->imported > 0)
    /* Translators: the kinds of items imported, after "Imported N items" */
    g_string_append_printf (out, _(" (%u journal days, %u runs, %u shoes, %u sessions, "
                                   "%u routines)"),
                            report->journal, report->runs, report->shoes, report->sessions,
                            report->routines);
  g_string_append (out, ".\n");

  if (report->replaced > 0)
    {
      g_string_append_printf (out,
                              g_dngettext (GETTEXT_PACKAGE, "Replaced %u existing item.",
                                           "Replaced %u existing items.", report->replaced),
                              report->replaced);
      g_string_append_c (out, '\n');
    }

  g_string_append_printf (out,
                          g_dngettext (GETTEXT_PACKAGE,
                                       "Skipped %u item as a duplicate or not importable.",
                                       "Skipped %u items as duplicates or not importable.",
                                       report->skipped),
                          report->skipped);
  g_string_append_c (out, '\n');

  for (guint i = 0; i < report->reasons->len; i++)
    g_string_append_printf (out, "  %s\n", (const char *) g_ptr_array_index (report->reasons, i));

  return g_string_free (out, FALSE);
}

/* -------------------------------------------------------------------- file */

/**
 * patella_import_read_file:
 *
 * Reads a file to import, refusing anything that is not a regular file or is
 * larger than %PATELLA_IMPORT_MAX_BYTES before reading it.
 */
GBytes *
patella_import_read_file (const char  *path,
                          GError     **error)
{
  g_autofree char *name = g_filename_display_name (path);
  g_autofree char *contents = NULL;
  gsize length = 0;
  GStatBuf st;

  if (g_stat (path, &st) != 0)
    {
      int saved = errno;

      g_set_error (error, PATELLA_ERROR,
                   saved == ENOENT ? PATELLA_ERROR_NOT_FOUND : PATELLA_ERROR_IO,
                   _("Could not read “%s”: %s"), name, g_strerror (saved));
      return NULL;
    }

  if (!S_ISREG (st.st_mode))
    {
      refuse (error, _("“%s” is not a file; choose a Patella export (.json) or a GPX file"), name);
      return NULL;
    }

  if (st.st_size > PATELLA_IMPORT_MAX_BYTES)
    {
      refuse (error, _("“%s” is %lld MB; files of at most %d MB can be imported"),
              name, (long long) (st.st_size / (1024 * 1024)),
              PATELLA_IMPORT_MAX_BYTES / (1024 * 1024));
      return NULL;
    }

  if (!g_file_get_contents (path, &contents, &length, NULL))
    {
      g_set_error (error, PATELLA_ERROR, PATELLA_ERROR_IO,
                   _("Could not read “%s”: %s"), name, g_strerror (errno));
      return NULL;
    }

  /* It may have grown in between. */
  if (length > PATELLA_IMPORT_MAX_BYTES)
    {
      refuse (error, _("“%s” is larger than %d MB; it cannot be imported"),
              name, PATELLA_IMPORT_MAX_BYTES / (1024 * 1024));
      return NULL;
    }

  return g_bytes_new_take (g_steal_pointer (&contents), length);
}

static gboolean
check_input (const char  *data,
             gsize        length,
             GError     **error)
{
  if (length > PATELLA_IMPORT_MAX_BYTES)
    return refuse (error, _("The file is larger than %d MB; it cannot be imported"),
                   PATELLA_IMPORT_MAX_BYTES / (1024 * 1024));

  if (length == 0)
    return refuse (error, _("The file is empty; choose a Patella export (.json) or a GPX file"));

  if (!g_utf8_validate_len (data, length, NULL) || memchr (data, '\0', length) != NULL)
    return refuse (error, _("The file is not UTF-8 text; choose a Patella export (.json) or a "
                            "GPX file"));

  return TRUE;
}

/* ------------------------------------------------------------- JSON export */

typedef struct
{
  char   *uuid;
  char   *name;
  char   *brand;
  char   *first_used;
  gint64  initial_m;
  gint64  warn_m;
  gint64  limit_m;
  gboolean retired;
  gboolean is_default;
  gint64  created_us;
} ImportShoe;

typedef struct
{
  char   *uuid;
  char   *day;
  gint64  distance_m;
  gint64  duration_s;
  char   *shoe;
  char   *shoe_uuid;
  gint64  pain;
  char   *note;
  gint64  created_us;
} ImportRun;

typedef struct
{
  char   *uuid;
  char   *day;
  gint64  pain_rest;
  gint64  pain_activity;
  gint64  pain_morning;
  GStrv   symptoms;
  char   *note;
  gint64  created_us;
  gint64  updated_us;
} ImportEntry;

typedef struct
{
  char   *uuid;
  char   *kind;
  char   *day;
  char   *state;
  gint64  started_us;
  gint64  planned_s;
  gint64  ends_us;
  gint64  remaining_s;
  gint64  ended_us;
  gint64  duration_s;
  char   *routine;
  gint64  pain;
} ImportSession;

typedef struct
{
  char     *exercise;
  gint64    sets;
  gint64    reps;
  gint64    hold_s;
  gint64    rest_s;
  gboolean  per_side;
} ImportStep;

typedef struct
{
  char   *uuid;
  char   *name;
  gint64  created_us;
  GArray *steps;   /* of ImportStep */
} ImportRoutine;

struct _PatellaImportData
{
  gint64     version;
  GPtrArray *shoes;
  GPtrArray *runs;
  GPtrArray *journal;
  GPtrArray *sessions;
  GPtrArray *routines;
};

static void
import_shoe_free (ImportShoe *shoe)
{
  g_free (shoe->uuid);
  g_free (shoe->name);
  g_free (shoe->brand);
  g_free (shoe->first_used);
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
import_step_clear (ImportStep *step)
{
  g_free (step->exercise);
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
  g_free (data);
}

guint
patella_import_data_get_n_items (PatellaImportData *data)
{
  return data->shoes->len + data->runs->len + data->journal->len + data->sessions->len +
         data->routines->len;
}

/* Where a bad value is, for messages: "runs, item 3". */
typedef struct
{
  const char *table;
  guint       index;
  gboolean    with_uuid;  /* version 2 and later: every item has one */
} Where;

static gboolean
refuse_member (GError     **error,
               const Where *where,
               const char  *member,
               const char  *expected)
{
  /* Translators: "In runs, item 3, “distance_m” must be a whole number from 1 to 300000" */
  return refuse (error, _("In “%s”, item %u, “%s” must be %s; nothing was imported"),
                 where->table, where->index + 1, member, expected);
}

static gboolean
get_int (JsonObject  *object,
         const Where *where,
         const char  *member,
         gboolean     optional,
         gint64       min,
         gint64       max,
         gint64      *value,
         GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);
  g_autofree char *expected = NULL;

  if (optional)
    expected = g_strdup_printf (_("null or a whole number from %lld to %lld"),
                                (long long) min, (long long) max);
  else
    expected = g_strdup_printf (_("a whole number from %lld to %lld"),
                                (long long) min, (long long) max);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      if (!optional)
        return refuse_member (error, where, member, expected);
      *value = NONE;
      return TRUE;
    }

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    return refuse_member (error, where, member, expected);

  *value = json_node_get_int (node);
  if (*value < min || *value > max)
    return refuse_member (error, where, member, expected);

  return TRUE;
}

static gboolean
get_bool (JsonObject  *object,
          const Where *where,
          const char  *member,
          gboolean    *value,
          GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    return refuse_member (error, where, member, _("true or false"));

  *value = json_node_get_boolean (node);
  return TRUE;
}

typedef enum
{
  TEXT_NOTE,   /* any text up to the note limit, may be empty */
  TEXT_NAME,   /* 1 to 100 characters on one line */
  TEXT_SHORT,  /* up to 100 characters, may be empty */
  TEXT_DATE,   /* YYYY-MM-DD from 1900 to 2999 */
  TEXT_WORD,   /* a code, checked by the caller */
  TEXT_UUID,   /* a UUID, stored in lower case */
} TextKind;

static gboolean
get_text (JsonObject  *object,
          const Where *where,
          const char  *member,
          gboolean     optional,
          TextKind     kind,
          char       **value,
          GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);
  g_autoptr(GError) local_error = NULL;
  const char *text;
  const char *expected;

  switch (kind)
    {
    case TEXT_NOTE:
      expected = _("a text of at most 10000 characters");
      break;
    case TEXT_NAME:
      expected = _("a name of 1 to 100 characters on one line");
      break;
    case TEXT_SHORT:
      expected = _("a text of at most 100 characters");
      break;
    case TEXT_DATE:
      expected = _("a date from 1900-01-01 to 2999-12-31 written as YYYY-MM-DD");
      break;
    case TEXT_UUID:
      expected = _("a UUID such as “0f8fad5b-d9cb-469f-a165-70867728950e”");
      break;
    case TEXT_WORD:
    default:
      expected = _("a text");
      break;
    }

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      if (!optional)
        return refuse_member (error, where, member, expected);
      *value = NULL;
      return TRUE;
    }

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return refuse_member (error, where, member, expected);

  text = json_node_get_string (node);

  switch (kind)
    {
    case TEXT_NOTE:
      if (!patella_check_text (text, PATELLA_NOTE_MAX_CHARS, &local_error))
        return refuse_member (error, where, member, expected);
      *value = g_strdup (text);
      break;

    case TEXT_NAME:
      *value = patella_parse_name (text, &local_error);
      if (*value == NULL)
        return refuse_member (error, where, member, expected);
      break;

    case TEXT_SHORT:
      if (!patella_check_text (text, PATELLA_NAME_MAX_CHARS, &local_error))
        return refuse_member (error, where, member, expected);
      *value = g_strdup (text);
      break;

    case TEXT_DATE:
      {
        GDate date;

        if (!patella_parse_date (text, &date, &local_error))
          return refuse_member (error, where, member, expected);
        *value = patella_date_to_string (&date);
      }
      break;

    case TEXT_UUID:
      if (!g_uuid_string_is_valid (text))
        return refuse_member (error, where, member, expected);
      *value = g_ascii_strdown (text, -1);
      break;

    case TEXT_WORD:
    default:
      if (!patella_check_text (text, PATELLA_NAME_MAX_CHARS, &local_error))
        return refuse_member (error, where, member, expected);
      *value = g_strdup (text);
      break;
    }

  return TRUE;
}

/* Version 1 exports carry no identities, and an item added to a later one
 * by hand may lack it: such rows get new ones. */
static gboolean
get_uuid (JsonObject  *object,
          const Where *where,
          const char  *member,
          char       **value,
          GError     **error)
{
  if (!where->with_uuid)
    {
      *value = NULL;
      return TRUE;
    }

  return get_text (object, where, member, TRUE, TEXT_UUID, value, error);
}

static gboolean
is_one_of (const char         *text,
           const char * const *words)
{
  return text != NULL && g_strv_contains (words, text);
}

static gboolean
parse_shoe (JsonObject  *object,
            const Where *where,
            GPtrArray   *out,
            GError     **error)
{
  ImportShoe *shoe = g_new0 (ImportShoe, 1);

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
      !get_int (object, where, "created_us", FALSE, 0, INSTANT_MAX_US, &run->created_us, error))
    return FALSE;

  if (run->note == NULL)
    run->note = g_strdup ("");

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
      !get_int (object, where, "pain_rest", FALSE, 0, 10, &entry->pain_rest, error) ||
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

  routine->steps = g_array_new (FALSE, TRUE, sizeof (ImportStep));
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
      ImportStep step = { 0 };
      JsonObject *step_object;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        return refuse_member (error, where, "steps", _("a list of step objects"));

      step_object = json_node_get_object (node);
      g_array_append_val (routine->steps, step);

      if (!get_text (step_object, where, "exercise", FALSE, TEXT_NAME,
                     &g_array_index (routine->steps, ImportStep, i).exercise, error) ||
          !get_int (step_object, where, "sets", FALSE, 1, 20,
                    &g_array_index (routine->steps, ImportStep, i).sets, error) ||
          !get_int (step_object, where, "reps", FALSE, 0, 100,
                    &g_array_index (routine->steps, ImportStep, i).reps, error) ||
          !get_int (step_object, where, "hold_s", FALSE, 0, 600,
                    &g_array_index (routine->steps, ImportStep, i).hold_s, error) ||
          !get_int (step_object, where, "rest_s", FALSE, 0, 600,
                    &g_array_index (routine->steps, ImportStep, i).rest_s, error) ||
          !get_bool (step_object, where, "per_side",
                     &g_array_index (routine->steps, ImportStep, i).per_side, error))
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

  if (!check_input (data, length, error) || !check_depth (data, length, error))
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

  if (!parse_list (root_object, version, "shoes", parse_shoe, result->shoes, error) ||
      !parse_list (root_object, version, "runs", parse_run, result->runs, error) ||
      !parse_list (root_object, version, "journal", parse_entry, result->journal, error) ||
      !parse_list (root_object, version, "sessions", parse_session, result->sessions, error) ||
      !parse_list (root_object, version, "routines", parse_routine, result->routines, error))
    return NULL;

  /* What the database would refuse anyway, said clearly. */
  for (guint i = 0, n_default = 0; i < result->shoes->len; i++)
    {
      ImportShoe *shoe = g_ptr_array_index (result->shoes, i);

      if (shoe->is_default && ++n_default > 1)
        {
          refuse (error, _("The export has more than one default shoe; nothing was imported"));
          return NULL;
        }
    }

  return g_steal_pointer (&result);
}

/* ------------------------------------------------------------------ writing */

typedef struct
{
  PatellaStore              *store;
  PatellaImportReport       *report;
  PatellaImportProgressFunc  progress;
  gpointer                   user_data;
  GCancellable              *cancellable;
  guint                      done;
  guint                      total;
} Job;

static gboolean
job_step (Job     *job,
          GError **error)
{
  job->done++;

  if (g_cancellable_set_error_if_cancelled (job->cancellable, error))
    {
      g_prefix_error (error, _("Import cancelled; nothing was imported: "));
      return FALSE;
    }

  if (job->progress != NULL && job->total > 0 &&
      (job->done == job->total || job->done % 64 == 0))
    job->progress ((double) job->done / job->total, job->user_data);

  return TRUE;
}

static void
bind_text (sqlite3_stmt *stmt,
           int           index,
           const char   *text)
{
  if (text == NULL)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

static void
bind_int (sqlite3_stmt *stmt,
          int           index,
          gint64        value)
{
  if (value == NONE)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_int64 (stmt, index, value);
}

static gint64
find_id (PatellaStore  *store,
         const char    *sql,
         const char    *text,
         GError       **error)
{
  g_autoptr(PatellaStmt) stmt = patella_store_prepare (store, sql, error);
  int rc;

  if (stmt == NULL)
    return -1;

  bind_text (stmt, 1, text);
  rc = patella_store_step (store, stmt, error);
  if (rc == SQLITE_ROW)
    return sqlite3_column_int64 (stmt, 0);

  return rc == SQLITE_DONE ? 0 : -1;
}

/* Version 1 exports carry no identities. Their runs are told apart by the
 * instant they were created, their sessions by kind and start; a key that
 * the file holds twice stands for two rows, so an export imported into an
 * empty database gives back every row, and imported again adds nothing. */
typedef struct
{
  GHashTable *seen;   /* key → times met in the file so far */
  GHashTable *added;  /* key → rows this import added */
} Occurrences;

static void
occurrences_init (Occurrences *occurrences)
{
  occurrences->seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  occurrences->added = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

static void
occurrences_clear (Occurrences *occurrences)
{
  g_clear_pointer (&occurrences->seen, g_hash_table_unref);
  g_clear_pointer (&occurrences->added, g_hash_table_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Occurrences, occurrences_clear)

static guint
occurrences_bump (GHashTable *table,
                  const char *key)
{
  guint n = GPOINTER_TO_UINT (g_hash_table_lookup (table, key));

  g_hash_table_replace (table, g_strdup (key), GUINT_TO_POINTER (n + 1));
  return n;
}

/* Whether the row with @key is one Patella had before this import. */
static gboolean
occurrences_is_known (Occurrences *occurrences,
                      const char  *key,
                      gint64       n_in_database)
{
  guint index = occurrences_bump (occurrences->seen, key);
  guint added = GPOINTER_TO_UINT (g_hash_table_lookup (occurrences->added, key));

  return (gint64) index < n_in_database - added;
}

static gint64
count_rows (PatellaStore  *store,
            const char    *sql,
            const char    *text,
            gint64         number,
            GError       **error)
{
  g_autoptr(PatellaStmt) stmt = patella_store_prepare (store, sql, error);
  int rc;

  if (stmt == NULL)
    return -1;

  if (text != NULL)
    {
      bind_text (stmt, 1, text);
      sqlite3_bind_int64 (stmt, 2, number);
    }
  else
    {
      sqlite3_bind_int64 (stmt, 1, number);
    }

  rc = patella_store_step (store, stmt, error);
  if (rc != SQLITE_ROW)
    return -1;

  return sqlite3_column_int64 (stmt, 0);
}

static gboolean
delete_row (PatellaStore  *store,
            const char    *sql,
            gint64         id,
            GError       **error)
{
  g_autoptr(PatellaStmt) stmt = patella_store_prepare (store, sql, error);

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  return patella_store_step_done (store, stmt, error);
}

static gboolean
prefix_item (GError     **error,
             const char  *table,
             guint        index)
{
  g_prefix_error (error, _("In “%s”, item %u: "), table, index + 1);
  return FALSE;
}

static void
count_written (Job   *job,
               gboolean replaced,
               guint *kind_count)
{
  if (replaced)
    {
      job->report->replaced++;
    }
  else
    {
      job->report->imported++;
      (*kind_count)++;
    }
}

static gboolean
write_shoes (Job                *job,
             PatellaImportData  *data,
             gboolean            replace,
             GError            **error)
{
  PatellaStore *store = job->store;

  for (guint i = 0; i < data->shoes->len; i++)
    {
      ImportShoe *shoe = g_ptr_array_index (data->shoes, i);
      g_autoptr(PatellaStmt) stmt = NULL;
      gboolean is_default = shoe->is_default;
      gboolean same;
      gint64 id;
      gint64 default_id;

      if (!job_step (job, error))
        return FALSE;

      id = find_id (store, "SELECT id FROM shoe WHERE uuid = ?1;", shoe->uuid, error);
      same = id > 0;
      if (id == 0)
        id = find_id (store, "SELECT id FROM shoe WHERE name = ?1 COLLATE NOCASE;", shoe->name,
                      error);
      if (id < 0)
        return prefix_item (error, "shoes", i);

      if (id > 0 && !replace)
        {
          report_skip (job->report,
                       same ?
                       g_strdup_printf (_("Shoe “%s”: the same shoe is already there."),
                                        shoe->name) :
                       g_strdup_printf (_("Shoe “%s”: a shoe of that name is already there and "
                                          "was kept as it is."), shoe->name));
          continue;
        }

      default_id = patella_store_query_int (store, "SELECT id FROM shoe WHERE is_default = 1;", 0);
      if (is_default && default_id != 0 && default_id != id)
        {
          if (replace)
            {
              if (!patella_store_exec (store, "UPDATE shoe SET is_default = 0 WHERE is_default = 1;",
                                       error))
                return prefix_item (error, "shoes", i);
            }
          else
            {
              is_default = FALSE;
            }
        }

      /* A replaced shoe keeps its own identity: runs and other programs refer
       * to it. */
      if (id > 0)
        stmt = patella_store_prepare (store,
                                      "UPDATE shoe SET name = ?1, brand = ?2, first_used = ?3,"
                                      " initial_m = ?4, warn_m = ?5, limit_m = ?6, retired = ?7,"
                                      " is_default = ?8, created_us = ?9 WHERE id = ?10;",
                                      error);
      else
        stmt = patella_store_prepare (store,
                                      "INSERT INTO shoe (name, brand, first_used, initial_m,"
                                      " warn_m, limit_m, retired, is_default, created_us, uuid)"
                                      " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?11);",
                                      error);
      if (stmt == NULL)
        return FALSE;

      bind_text (stmt, 1, shoe->name);
      bind_text (stmt, 2, shoe->brand);
      bind_text (stmt, 3, shoe->first_used);
      sqlite3_bind_int64 (stmt, 4, shoe->initial_m);
      sqlite3_bind_int64 (stmt, 5, shoe->warn_m);
      sqlite3_bind_int64 (stmt, 6, shoe->limit_m);
      sqlite3_bind_int (stmt, 7, shoe->retired);
      sqlite3_bind_int (stmt, 8, is_default);
      sqlite3_bind_int64 (stmt, 9, shoe->created_us);
      if (id > 0)
        sqlite3_bind_int64 (stmt, 10, id);
      else
        bind_text (stmt, 11, shoe->uuid);

      if (!patella_store_step_done (store, stmt, error))
        return prefix_item (error, "shoes", i);

      count_written (job, id > 0, &job->report->shoes);
    }

  return TRUE;
}

static gint64
find_run_shoe (PatellaStore  *store,
               ImportRun     *run,
               GError       **error)
{
  gint64 shoe_id = find_id (store, "SELECT id FROM shoe WHERE uuid = ?1;", run->shoe_uuid, error);

  if (shoe_id != 0)
    return shoe_id;

  if (run->shoe == NULL)
    return NONE;

  shoe_id = find_id (store, "SELECT id FROM shoe WHERE name = ?1 COLLATE NOCASE;", run->shoe,
                     error);
  if (shoe_id == 0)
    {
      refuse (error, _("the run names the shoe “%s”, which is neither in the export nor "
                       "in Patella; nothing was imported"), run->shoe);
      return -1;
    }

  return shoe_id;
}

static gboolean
write_runs (Job                *job,
            PatellaImportData  *data,
            gboolean            replace,
            GError            **error)
{
  PatellaStore *store = job->store;
  g_auto(Occurrences) occurrences = { NULL, };

  occurrences_init (&occurrences);

  for (guint i = 0; i < data->runs->len; i++)
    {
      ImportRun *run = g_ptr_array_index (data->runs, i);
      g_autoptr(PatellaStmt) stmt = NULL;
      g_autofree char *key = NULL;
      gint64 shoe_id;
      gint64 id = 0;
      gboolean known;

      if (!job_step (job, error))
        return FALSE;

      if (run->uuid != NULL)
        {
          id = find_id (store, "SELECT id FROM run WHERE uuid = ?1;", run->uuid, error);
          if (id < 0)
            return prefix_item (error, "runs", i);
          known = id > 0;
        }
      else
        {
          gint64 n = count_rows (store, "SELECT count(*) FROM run WHERE created_us = ?1;", NULL,
                                 run->created_us, error);

          if (n < 0)
            return prefix_item (error, "runs", i);
          key = g_strdup_printf ("%" G_GINT64_FORMAT, run->created_us);
          known = occurrences_is_known (&occurrences, key, n);
        }

      if (known && (id == 0 || !replace))
        {
          g_autofree char *distance = patella_format_distance (run->distance_m, PATELLA_UNIT_KM);

          report_skip (job->report,
                       g_strdup_printf (_("Run of %s on %s: the same run is already there."),
                                        distance, run->day));
          continue;
        }

      shoe_id = find_run_shoe (store, run, error);
      if (shoe_id == -1)
        return prefix_item (error, "runs", i);

      if (id > 0)
        stmt = patella_store_prepare (store,
                                      "UPDATE run SET day = ?1, distance_m = ?2, duration_s = ?3,"
                                      " shoe_id = ?4, pain = ?5, note = ?6, created_us = ?7"
                                      " WHERE id = ?9;",
                                      error);
      else
        stmt = patella_store_prepare (store,
                                      "INSERT INTO run (day, distance_m, duration_s, shoe_id, pain,"
                                      " note, created_us, uuid)"
                                      " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8);",
                                      error);
      if (stmt == NULL)
        return FALSE;

      bind_text (stmt, 1, run->day);
      sqlite3_bind_int64 (stmt, 2, run->distance_m);
      bind_int (stmt, 3, run->duration_s);
      bind_int (stmt, 4, shoe_id);
      bind_int (stmt, 5, run->pain);
      bind_text (stmt, 6, run->note);
      sqlite3_bind_int64 (stmt, 7, run->created_us);
      if (id > 0)
        sqlite3_bind_int64 (stmt, 9, id);
      else
        bind_text (stmt, 8, run->uuid);

      if (!patella_store_step_done (store, stmt, error))
        return prefix_item (error, "runs", i);

      if (key != NULL)
        occurrences_bump (occurrences.added, key);

      count_written (job, id > 0, &job->report->runs);
    }

  return TRUE;
}

static gboolean
write_journal (Job                *job,
               PatellaImportData  *data,
               gboolean            replace,
               GError            **error)
{
  PatellaStore *store = job->store;

  for (guint i = 0; i < data->journal->len; i++)
    {
      ImportEntry *entry = g_ptr_array_index (data->journal, i);
      g_autoptr(PatellaStmt) stmt = NULL;
      g_autofree char *uuid = g_strdup (entry->uuid);
      gint64 id;

      if (!job_step (job, error))
        return FALSE;

      id = find_id (store, "SELECT id FROM journal_entry WHERE uuid = ?1;", entry->uuid, error);
      if (id > 0 && !replace)
        {
          report_skip (job->report,
                       g_strdup_printf (_("Journal day %s: the same entry is already there."),
                                        entry->day));
          continue;
        }

      /* One entry a day: another entry for the day is kept unless replaced. */
      if (id == 0)
        id = find_id (store, "SELECT id FROM journal_entry WHERE day = ?1;", entry->day, error);
      if (id < 0)
        return prefix_item (error, "journal", i);

      if (id > 0 && !replace)
        {
          report_skip (job->report,
                       g_strdup_printf (_("Journal day %s: that day is already written in "
                                          "Patella and was kept as it is."), entry->day));
          continue;
        }

      if (id > 0)
        {
          if (uuid == NULL)
            {
              g_autoptr(PatellaStmt) old = NULL;

              old = patella_store_prepare (store, "SELECT uuid FROM journal_entry WHERE id = ?1;",
                                           error);
              if (old == NULL)
                return FALSE;
              sqlite3_bind_int64 (old, 1, id);
              if (patella_store_step (store, old, error) != SQLITE_ROW)
                return prefix_item (error, "journal", i);
              uuid = g_strdup ((const char *) sqlite3_column_text (old, 0));
            }

          if (!delete_row (store, "DELETE FROM journal_entry WHERE id = ?1;", id, error))
            return prefix_item (error, "journal", i);
        }

      stmt = patella_store_prepare (store,
                                    "INSERT INTO journal_entry (day, pain_rest, pain_activity,"
                                    " pain_morning, note, created_us, updated_us, uuid)"
                                    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8);",
                                    error);
      if (stmt == NULL)
        return FALSE;

      bind_text (stmt, 1, entry->day);
      sqlite3_bind_int64 (stmt, 2, entry->pain_rest);
      bind_int (stmt, 3, entry->pain_activity);
      bind_int (stmt, 4, entry->pain_morning);
      bind_text (stmt, 5, entry->note);
      sqlite3_bind_int64 (stmt, 6, entry->created_us);
      sqlite3_bind_int64 (stmt, 7, entry->updated_us);
      bind_text (stmt, 8, uuid);
      if (!patella_store_step_done (store, stmt, error))
        return prefix_item (error, "journal", i);

      for (guint j = 0; entry->symptoms[j] != NULL; j++)
        {
          g_autoptr(PatellaStmt) symptom = NULL;

          symptom = patella_store_prepare (store,
                                           "INSERT INTO journal_symptom (day, code)"
                                           " VALUES (?1, ?2);",
                                           error);
          if (symptom == NULL)
            return FALSE;
          bind_text (symptom, 1, entry->day);
          bind_text (symptom, 2, entry->symptoms[j]);
          if (!patella_store_step_done (store, symptom, error))
            return prefix_item (error, "journal", i);
        }

      count_written (job, id > 0, &job->report->journal);
    }

  return TRUE;
}

static gboolean
write_sessions (Job                *job,
                PatellaImportData  *data,
                GError            **error)
{
  PatellaStore *store = job->store;
  g_auto(Occurrences) occurrences = { NULL, };

  occurrences_init (&occurrences);

  for (guint i = 0; i < data->sessions->len; i++)
    {
      ImportSession *session = g_ptr_array_index (data->sessions, i);
      g_autoptr(PatellaStmt) stmt = NULL;
      g_autofree char *key = NULL;
      gboolean known;
      gboolean active;
      int rc;

      if (!job_step (job, error))
        return FALSE;

      if (session->uuid != NULL)
        {
          gint64 id = find_id (store, "SELECT id FROM session WHERE uuid = ?1;", session->uuid,
                               error);

          if (id < 0)
            return prefix_item (error, "sessions", i);
          known = id > 0;
        }
      else
        {
          gint64 n = count_rows (store,
                                 "SELECT count(*) FROM session WHERE kind = ?1 AND started_us = ?2;",
                                 session->kind, session->started_us, error);

          if (n < 0)
            return prefix_item (error, "sessions", i);
          key = g_strdup_printf ("%s %" G_GINT64_FORMAT, session->kind, session->started_us);
          known = occurrences_is_known (&occurrences, key, n);
        }

      if (known)
        {
          report_skip (job->report,
                       g_strdup_printf (_("Session of %s on %s: the same session is already "
                                          "there."), session->kind, session->day));
          continue;
        }

      active = g_str_equal (session->state, "running") || g_str_equal (session->state, "paused");
      if (active)
        {
          g_autoptr(PatellaStmt) other = NULL;

          other = patella_store_prepare (store,
                                         "SELECT 1 FROM session WHERE kind = ?1"
                                         " AND state IN ('running', 'paused');",
                                         error);
          if (other == NULL)
            return FALSE;
          bind_text (other, 1, session->kind);
          rc = patella_store_step (store, other, error);
          if (rc != SQLITE_ROW && rc != SQLITE_DONE)
            return prefix_item (error, "sessions", i);
          if (rc == SQLITE_ROW)
            {
              report_skip (job->report,
                           g_strdup_printf (_("Session of %s on %s: it was still running in the "
                                              "export, and one is running now."),
                                            session->kind, session->day));
              continue;
            }
        }

      stmt = patella_store_prepare (store,
                                    "INSERT INTO session (kind, day, state, started_us, planned_s,"
                                    " ends_us, remaining_s, ended_us, duration_s, routine, pain,"
                                    " uuid)"
                                    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12);",
                                    error);
      if (stmt == NULL)
        return FALSE;

      bind_text (stmt, 1, session->kind);
      bind_text (stmt, 2, session->day);
      bind_text (stmt, 3, session->state);
      sqlite3_bind_int64 (stmt, 4, session->started_us);
      sqlite3_bind_int64 (stmt, 5, session->planned_s);
      bind_int (stmt, 6, session->ends_us);
      bind_int (stmt, 7, session->remaining_s);
      bind_int (stmt, 8, session->ended_us);
      bind_int (stmt, 9, session->duration_s);
      bind_text (stmt, 10, session->routine);
      bind_int (stmt, 11, session->pain);
      bind_text (stmt, 12, session->uuid);
      if (!patella_store_step_done (store, stmt, error))
        return prefix_item (error, "sessions", i);

      if (key != NULL)
        occurrences_bump (occurrences.added, key);

      job->report->imported++;
      job->report->sessions++;
    }

  return TRUE;
}

static gboolean
write_routines (Job                *job,
                PatellaImportData  *data,
                gboolean            replace,
                GError            **error)
{
  PatellaStore *store = job->store;

  for (guint i = 0; i < data->routines->len; i++)
    {
      ImportRoutine *routine = g_ptr_array_index (data->routines, i);
      g_autoptr(PatellaStmt) stmt = NULL;
      gint64 id;
      gint64 new_id;
      gboolean same;

      if (!job_step (job, error))
        return FALSE;

      id = find_id (store, "SELECT id FROM routine WHERE uuid = ?1;", routine->uuid, error);
      same = id > 0;
      if (id == 0)
        id = find_id (store, "SELECT id FROM routine WHERE name = ?1 COLLATE NOCASE;",
                      routine->name, error);
      if (id < 0)
        return prefix_item (error, "routines", i);

      if (id > 0 && !replace)
        {
          report_skip (job->report,
                       same ?
                       g_strdup_printf (_("Routine “%s”: the same routine is already there."),
                                        routine->name) :
                       g_strdup_printf (_("Routine “%s”: a routine of that name is already there "
                                          "and was kept as it is."), routine->name));
          continue;
        }

      if (id > 0 && !delete_row (store, "DELETE FROM routine WHERE id = ?1;", id, error))
        return prefix_item (error, "routines", i);

      stmt = patella_store_prepare (store,
                                    "INSERT INTO routine (name, created_us, uuid)"
                                    " VALUES (?1, ?2, ?3);",
                                    error);
      if (stmt == NULL)
        return FALSE;
      bind_text (stmt, 1, routine->name);
      sqlite3_bind_int64 (stmt, 2, routine->created_us);
      bind_text (stmt, 3, routine->uuid);
      if (!patella_store_step_done (store, stmt, error))
        return prefix_item (error, "routines", i);
      new_id = sqlite3_last_insert_rowid (patella_store_get_db (store));

      for (guint j = 0; j < routine->steps->len; j++)
        {
          ImportStep *step = &g_array_index (routine->steps, ImportStep, j);
          g_autoptr(PatellaStmt) insert = NULL;

          insert = patella_store_prepare (store,
                                          "INSERT INTO routine_step (routine_id, position,"
                                          " exercise, sets, reps, hold_s, rest_s, per_side)"
                                          " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8);",
                                          error);
          if (insert == NULL)
            return FALSE;
          sqlite3_bind_int64 (insert, 1, new_id);
          sqlite3_bind_int (insert, 2, (int) j);
          bind_text (insert, 3, step->exercise);
          sqlite3_bind_int64 (insert, 4, step->sets);
          sqlite3_bind_int64 (insert, 5, step->reps);
          sqlite3_bind_int64 (insert, 6, step->hold_s);
          sqlite3_bind_int64 (insert, 7, step->rest_s);
          sqlite3_bind_int (insert, 8, step->per_side);
          if (!patella_store_step_done (store, insert, error))
            return prefix_item (error, "routines", i);
        }

      count_written (job, id > 0, &job->report->routines);
    }

  return TRUE;
}

/**
 * patella_import_json:
 * @flags: %PATELLA_IMPORT_REPLACE to replace journal days, shoes (matched by
 *   name, ignoring case) and routines that are already there
 *
 * Imports a Patella export, all or nothing in one transaction. Runs and
 * sessions that are already there are skipped as duplicates.
 *
 * Returns: (transfer full): the report, or %NULL with @error set and
 *   nothing changed
 */
PatellaImportReport *
patella_import_json (PatellaStore               *store,
                     const char                 *data,
                     gsize                       length,
                     PatellaImportFlags          flags,
                     PatellaImportProgressFunc   progress,
                     gpointer                    user_data,
                     GCancellable               *cancellable,
                     GError                    **error)
{
  g_autoptr(PatellaImportReport) report = report_new ();
  g_autoptr(PatellaImportData) parsed = NULL;
  gboolean replace = (flags & PATELLA_IMPORT_REPLACE) != 0;
  Job job = { store, report, progress, user_data, cancellable, 0, 0 };

  g_return_val_if_fail (PATELLA_IS_STORE (store), NULL);

  if (!patella_store_check_writable (store, error))
    return NULL;

  parsed = patella_import_data_parse (data, length, error);
  if (parsed == NULL)
    return NULL;

  job.total = patella_import_data_get_n_items (parsed);

  if (!patella_store_begin (store, error))
    return NULL;

  /* Shoes first: runs refer to them by name. */
  if (!write_shoes (&job, parsed, replace, error) ||
      !write_runs (&job, parsed, replace, error) ||
      !write_journal (&job, parsed, replace, error) ||
      !write_sessions (&job, parsed, error) ||
      !write_routines (&job, parsed, replace, error) ||
      !patella_store_commit (store, error))
    {
      patella_store_rollback (store);
      return NULL;
    }

  if (progress != NULL)
    progress (1.0, user_data);

  patella_store_emit_all_changed (store);
  return g_steal_pointer (&report);
}

/* NULL: the default shoe; "": none; else a shoe's name. */
static gboolean
find_shoe_for_device (PatellaStore  *store,
                      const char    *shoe,
                      gint64        *shoe_id,
                      GError       **error)
{
  gint64 id;

  if (shoe == NULL)
    {
      *shoe_id = PATELLA_SHOE_DEFAULT;
      return TRUE;
    }

  if (*shoe == '\0')
    {
      *shoe_id = PATELLA_SHOE_NONE;
      return TRUE;
    }

  id = find_id (store, "SELECT id FROM shoe WHERE name = ?1 COLLATE NOCASE;", shoe, error);
  if (id == 0)
    refuse (error, _("There is no shoe named “%s”; add it first or choose another shoe"), shoe);

  *shoe_id = id;
  return id > 0;
}

/* Device files go through the activity readers and writer; the report
 * says what they did in the terms of a Patella import. */
static PatellaImportReport *
import_report_from_activities (PatellaActivityReport *activities)
{
  PatellaImportReport *report = report_new ();

  report->imported = activities->imported;
  report->runs = activities->imported;
  report->replaced = activities->updated;
  for (guint i = 0; i < activities->skipped->len; i++)
    report_skip (report, g_strdup (g_ptr_array_index (activities->skipped, i)));
  for (guint i = 0; i < activities->problems->len; i++)
    report_skip (report, g_strdup (g_ptr_array_index (activities->problems, i)));

  return report;
}

static void
device_progress_cb (guint    done,
                    guint    total,
                    gpointer user_data)
{
  Job *job = user_data;

  if (job->progress != NULL && total > 0)
    job->progress ((double) done / total, job->user_data);
}

/**
 * patella_import_gpx:
 * @shoe: (nullable): the shoe for the runs: %NULL for the default shoe, ""
 *   for none, or a shoe's name
 *
 * Imports one run per track of a GPX file through the activity writer, all
 * or nothing in one transaction. Tracks that cannot be a run and runs that
 * are already there are skipped, each with its reason.
 */
PatellaImportReport *
patella_import_gpx (PatellaStore               *store,
                    const char                 *data,
                    gsize                       length,
                    const char                 *shoe,
                    PatellaImportProgressFunc   progress,
                    gpointer                    user_data,
                    GCancellable               *cancellable,
                    GError                    **error)
{
  g_autoptr(PatellaActivityReport) activities = patella_activity_report_new ();
  g_autoptr(GPtrArray) tracks = NULL;
  gint64 shoe_id;

  g_return_val_if_fail (PATELLA_IS_STORE (store), NULL);

  if (!patella_store_check_writable (store, error))
    return NULL;

  tracks = patella_gpx_read (data, length, error);
  if (tracks == NULL)
    return NULL;

  if (!find_shoe_for_device (store, shoe, &shoe_id, error))
    return NULL;

  g_ptr_array_set_free_func (tracks, NULL);
  for (guint i = 0; i < tracks->len; i++)
    {
      PatellaFoundActivity *found = g_new0 (PatellaFoundActivity, 1);

      found->file = g_strdup_printf (_("Track %u"), i + 1);
      found->activity = g_ptr_array_index (tracks, i);
      g_ptr_array_add (activities->found, found);
    }

  if (!patella_activity_report_write (activities, store, NULL, shoe_id, cancellable, error))
    return NULL;

  if (progress != NULL)
    progress (1.0, user_data);

  return import_report_from_activities (activities);
}

static PatellaImportReport *
import_device_files (PatellaStore               *store,
                     const char                 *path,
                     const char                 *shoe,
                     PatellaImportProgressFunc   progress,
                     gpointer                    user_data,
                     GCancellable               *cancellable,
                     GError                    **error)
{
  g_autoptr(PatellaActivityReport) activities = NULL;
  const char *paths[] = { path, NULL };
  Job job = { store, NULL, progress, user_data, cancellable, 0, 0 };
  gint64 shoe_id;

  if (!patella_store_check_writable (store, error) ||
      !find_shoe_for_device (store, shoe, &shoe_id, error))
    return NULL;

  activities = patella_activity_import (store, NULL, paths, shoe_id, device_progress_cb, &job,
                                        cancellable, error);
  if (activities == NULL)
    return NULL;

  if (activities->files_read == 0)
    {
      refuse (error, "%s", activities->problems->len > 0
                           ? (const char *) g_ptr_array_index (activities->problems, 0)
                           : _("There is no activity file in it"));
      return NULL;
    }

  return import_report_from_activities (activities);
}

/**
 * patella_import_file:
 *
 * Imports a Patella export, or activity files from a watch: FIT, TCX or GPX,
 * also gzip-compressed, a zip archive of them or a folder. Exports and
 * activity files are told apart by their content.
 */
PatellaImportReport *
patella_import_file (PatellaStore               *store,
                     const char                 *path,
                     PatellaImportFlags          flags,
                     const char                 *shoe,
                     PatellaImportProgressFunc   progress,
                     gpointer                    user_data,
                     GCancellable               *cancellable,
                     GError                    **error)
{
  g_autoptr(GBytes) bytes = NULL;
  const char *data;
  gsize length;
  gsize i = 0;

  /* Bulk exports can be far larger than an export: never read them whole. */
  if (g_file_test (path, G_FILE_TEST_IS_DIR) || patella_activity_path_is_candidate (path) ||
      g_str_has_suffix (path, ".zip") || g_str_has_suffix (path, ".ZIP"))
    return import_device_files (store, path, shoe, progress, user_data, cancellable, error);

  bytes = patella_import_read_file (path, error);
  if (bytes == NULL)
    return NULL;

  data = g_bytes_get_data (bytes, &length);

  /* Skip a byte order mark and white space. */
  if (length >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    i = 3;
  while (i < length && g_ascii_isspace (data[i]))
    i++;

  if (i < length && data[i] == '{')
    return patella_import_json (store, data + i, length - i, flags, progress, user_data,
                                cancellable, error);

  return import_device_files (store, path, shoe, progress, user_data, cancellable, error);
}
