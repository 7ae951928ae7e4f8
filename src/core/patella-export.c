/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "patella-export"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <errno.h>
#include <string.h>

#include "patella-error.h"
#include "patella-export.h"
#include "patella-store-private.h"

/* One table of the export: the same columns go to JSON and to CSV. Only the
 * user's own data is exported: never notification or reminder bookkeeping. */

typedef enum
{
  COL_UUID,   /* an identity: in JSON only, a spreadsheet has no use for it */
  COL_TEXT,   /* a string, or null */
  COL_INT,    /* an integer, or null */
  COL_BOOL,   /* 0 or 1 */
  COL_LIST,   /* space-separated codes, an array in JSON */
} ColumnType;

typedef struct
{
  const char *name;
  ColumnType  type;
} Column;

typedef struct
{
  const char   *name;    /* JSON member and CSV file name */
  const char   *sql;
  const Column *columns;
  guint         n_columns;
} Table;

static const Column journal_columns[] = {
  { "date", COL_TEXT },
  { "pain_rest", COL_INT },
  { "pain_activity", COL_INT },
  { "pain_morning", COL_INT },
  { "symptoms", COL_LIST },
  { "note", COL_TEXT },
  { "created_us", COL_INT },
  { "updated_us", COL_INT },
  { "uuid", COL_UUID },
};

static const Column run_columns[] = {
  { "date", COL_TEXT },
  { "distance_m", COL_INT },
  { "duration_s", COL_INT },
  { "shoe", COL_TEXT },
  { "pain", COL_INT },
  { "note", COL_TEXT },
  { "created_us", COL_INT },
  { "uuid", COL_UUID },
  { "shoe_uuid", COL_UUID },
  { "start_us", COL_INT },
  { "source", COL_TEXT },
  { "cadence_spm", COL_INT },
  { "descent_m", COL_INT },
};

static const Column shoe_columns[] = {
  { "name", COL_TEXT },
  { "brand", COL_TEXT },
  { "first_used", COL_TEXT },
  { "initial_m", COL_INT },
  { "warn_m", COL_INT },
  { "limit_m", COL_INT },
  { "retired", COL_BOOL },
  { "default", COL_BOOL },
  { "created_us", COL_INT },
  { "uuid", COL_UUID },
};

static const Column session_columns[] = {
  { "kind", COL_TEXT },
  { "date", COL_TEXT },
  { "state", COL_TEXT },
  { "started_us", COL_INT },
  { "planned_s", COL_INT },
  { "ends_us", COL_INT },
  { "remaining_s", COL_INT },
  { "ended_us", COL_INT },
  { "duration_s", COL_INT },
  { "routine", COL_TEXT },
  { "pain", COL_INT },
  { "uuid", COL_UUID },
};

/* In PatellaExportTable order. Orders use natural keys first so that an
 * export, imported into an empty database and exported again, is identical. */
static const Table tables[] = {
  { "journal",
    "SELECT e.day, e.pain_rest, e.pain_activity, e.pain_morning,"
    "       (SELECT group_concat (code, ' ') FROM"
    "          (SELECT s.code FROM journal_symptom s WHERE s.day = e.day ORDER BY s.code)),"
    "       e.note, e.created_us, e.updated_us, e.uuid "
    "FROM journal_entry e ORDER BY e.day;",
    journal_columns, G_N_ELEMENTS (journal_columns) },
  { "runs",
    "SELECT r.day, r.distance_m, r.duration_s,"
    "       (SELECT s.name FROM shoe s WHERE s.id = r.shoe_id),"
    "       r.pain, r.note, r.created_us, r.uuid,"
    "       (SELECT s.uuid FROM shoe s WHERE s.id = r.shoe_id),"
    "       r.start_us, r.source, r.cadence_spm, r.descent_m "
    "FROM run r ORDER BY r.day, r.created_us, r.uuid;",
    run_columns, G_N_ELEMENTS (run_columns) },
  { "shoes",
    "SELECT name, brand, first_used, initial_m, warn_m, limit_m, retired, is_default,"
    "       created_us, uuid "
    "FROM shoe ORDER BY name COLLATE NOCASE, id;",
    shoe_columns, G_N_ELEMENTS (shoe_columns) },
  { "sessions",
    "SELECT kind, day, state, started_us, planned_s, ends_us, remaining_s, ended_us,"
    "       duration_s, routine, pain, uuid "
    "FROM session ORDER BY started_us, kind, uuid;",
    session_columns, G_N_ELEMENTS (session_columns) },
};

G_STATIC_ASSERT (G_N_ELEMENTS (tables) == PATELLA_EXPORT_N_TABLES);

/* The recovery plan, in JSON only: its plans, their events and the walk/run
 * sessions, each with its identity (see patella-import-parse.c for the
 * same columns read back). */
static const Column plan_columns[] = {
  { "uuid", COL_UUID },
  { "started_day", COL_TEXT },
  { "started_us", COL_INT },
  { "rule", COL_TEXT },
  { "state", COL_TEXT },
  { "phase", COL_INT },
  { "streak", COL_INT },
  { "ex_level", COL_INT },
  { "ex_streak", COL_INT },
};

static const Column plan_event_columns[] = {
  { "uuid", COL_UUID },
  { "plan_uuid", COL_UUID },
  { "date", COL_TEXT },
  { "at_us", COL_INT },
  { "kind", COL_TEXT },
  { "phase", COL_INT },
  { "pain", COL_INT },
  { "pain_after", COL_INT },
  { "duration_s", COL_INT },
  { "decided", COL_INT },
  { "decision", COL_TEXT },
  { "reason", COL_TEXT },
  { "ref_day", COL_TEXT },
  { "value", COL_INT },
  { "ex_level", COL_INT },
  { "note", COL_TEXT },
};

static const Column walk_run_columns[] = {
  { "uuid", COL_UUID },
  { "date", COL_TEXT },
  { "phase", COL_INT },
  { "warm_up_s", COL_INT },
  { "run_s", COL_INT },
  { "walk_s", COL_INT },
  { "repeats", COL_INT },
  { "state", COL_TEXT },
  { "started_us", COL_INT },
  { "ends_us", COL_INT },
  { "remaining_s", COL_INT },
  { "ended_us", COL_INT },
  { "pain", COL_INT },
};

static const Table plan_tables[] = {
  { "plans",
    "SELECT uuid, started_day, started_us, rule, state, phase, streak, ex_level, ex_streak "
    "FROM plan ORDER BY started_us, uuid;",
    plan_columns, G_N_ELEMENTS (plan_columns) },
  { "plan_events",
    "SELECT e.uuid, p.uuid, e.day, e.at_us, e.kind, e.phase, e.pain, e.pain_after, e.duration_s,"
    "       e.decided, e.decision, e.reason, e.ref_day, e.value, e.ex_level, e.note "
    "FROM plan_event e JOIN plan p ON p.id = e.plan_id ORDER BY e.at_us, e.uuid;",
    plan_event_columns, G_N_ELEMENTS (plan_event_columns) },
  { "walk_runs",
    "SELECT uuid, day, phase, warm_up_s, run_s, walk_s, repeats, state, started_us, ends_us,"
    "       remaining_s, ended_us, pain "
    "FROM walk_run ORDER BY started_us, uuid;",
    walk_run_columns, G_N_ELEMENTS (walk_run_columns) },
};

const char *
patella_export_table_to_string (PatellaExportTable table)
{
  g_return_val_if_fail (table < PATELLA_EXPORT_N_TABLES, NULL);

  return tables[table].name;
}

gboolean
patella_export_table_from_string (const char         *text,
                                  PatellaExportTable *table)
{
  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      if (text != NULL && g_str_equal (text, tables[i].name))
        {
          *table = (PatellaExportTable) i;
          return TRUE;
        }
    }

  return FALSE;
}

static void
add_column_json (JsonBuilder  *builder,
                 const Column *column,
                 sqlite3_stmt *stmt,
                 int           i)
{
  gboolean null = sqlite3_column_type (stmt, i) == SQLITE_NULL;

  json_builder_set_member_name (builder, column->name);

  switch (column->type)
    {
    case COL_UUID:
    case COL_TEXT:
      if (null)
        json_builder_add_null_value (builder);
      else
        json_builder_add_string_value (builder, (const char *) sqlite3_column_text (stmt, i));
      break;

    case COL_INT:
      if (null)
        json_builder_add_null_value (builder);
      else
        json_builder_add_int_value (builder, sqlite3_column_int64 (stmt, i));
      break;

    case COL_BOOL:
      json_builder_add_boolean_value (builder, sqlite3_column_int (stmt, i) != 0);
      break;

    case COL_LIST:
      {
        g_auto(GStrv) codes = NULL;

        json_builder_begin_array (builder);
        if (!null)
          {
            codes = g_strsplit ((const char *) sqlite3_column_text (stmt, i), " ", -1);
            for (guint j = 0; codes[j] != NULL; j++)
              if (*codes[j] != '\0')
                json_builder_add_string_value (builder, codes[j]);
          }
        json_builder_end_array (builder);
      }
      break;

    default:
      g_assert_not_reached ();
    }
}

static gboolean
add_table_json (PatellaStore  *store,
                JsonBuilder   *builder,
                const Table   *table,
                GError       **error)
{
  g_autoptr(PatellaStmt) stmt = NULL;
  int rc;

  stmt = patella_store_prepare (store, table->sql, error);
  if (stmt == NULL)
    return FALSE;

  json_builder_set_member_name (builder, table->name);
  json_builder_begin_array (builder);

  while ((rc = patella_store_step (store, stmt, error)) == SQLITE_ROW)
    {
      json_builder_begin_object (builder);
      for (guint i = 0; i < table->n_columns; i++)
        add_column_json (builder, &table->columns[i], stmt, (int) i);
      json_builder_end_object (builder);
    }

  json_builder_end_array (builder);
  return rc == SQLITE_DONE;
}

static gboolean
add_routines_json (PatellaStore  *store,
                   JsonBuilder   *builder,
                   GError       **error)
{
  g_autoptr(PatellaStmt) stmt = NULL;
  int rc;

  stmt = patella_store_prepare (store,
                                "SELECT id, name, created_us, uuid FROM routine "
                                "ORDER BY name COLLATE NOCASE, id;",
                                error);
  if (stmt == NULL)
    return FALSE;

  json_builder_set_member_name (builder, "routines");
  json_builder_begin_array (builder);

  while ((rc = patella_store_step (store, stmt, error)) == SQLITE_ROW)
    {
      g_autoptr(PatellaStmt) steps = NULL;
      int step_rc;

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, (const char *) sqlite3_column_text (stmt, 1));
      json_builder_set_member_name (builder, "created_us");
      json_builder_add_int_value (builder, sqlite3_column_int64 (stmt, 2));

      steps = patella_store_prepare (store,
                                     "SELECT exercise, sets, reps, hold_s, rest_s, per_side "
                                     "FROM routine_step WHERE routine_id = ?1 ORDER BY position;",
                                     error);
      if (steps == NULL)
        return FALSE;
      sqlite3_bind_int64 (steps, 1, sqlite3_column_int64 (stmt, 0));

      json_builder_set_member_name (builder, "uuid");
      json_builder_add_string_value (builder, (const char *) sqlite3_column_text (stmt, 3));

      json_builder_set_member_name (builder, "steps");
      json_builder_begin_array (builder);
      while ((step_rc = patella_store_step (store, steps, error)) == SQLITE_ROW)
        {
          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "exercise");
          json_builder_add_string_value (builder, (const char *) sqlite3_column_text (steps, 0));
          json_builder_set_member_name (builder, "sets");
          json_builder_add_int_value (builder, sqlite3_column_int64 (steps, 1));
          json_builder_set_member_name (builder, "reps");
          json_builder_add_int_value (builder, sqlite3_column_int64 (steps, 2));
          json_builder_set_member_name (builder, "hold_s");
          json_builder_add_int_value (builder, sqlite3_column_int64 (steps, 3));
          json_builder_set_member_name (builder, "rest_s");
          json_builder_add_int_value (builder, sqlite3_column_int64 (steps, 4));
          json_builder_set_member_name (builder, "per_side");
          json_builder_add_boolean_value (builder, sqlite3_column_int (steps, 5) != 0);
          json_builder_end_object (builder);
        }
      if (step_rc != SQLITE_DONE)
        return FALSE;
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }

  json_builder_end_array (builder);
  return rc == SQLITE_DONE;
}

/**
 * patella_export_build_json:
 *
 * Everything the user entered, as a `patella-export` version 2 document
 * (docs/export-format.md). The whole export reads one snapshot of the
 * database.
 *
 * Returns: (transfer full): the root object, or %NULL with @error set
 */
JsonNode *
patella_export_build_json (PatellaStore  *store,
                           GError       **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  gboolean ok = TRUE;

  g_return_val_if_fail (PATELLA_IS_STORE (store), NULL);

  /* One read transaction: a consistent snapshot even while others write. */
  if (!patella_store_exec (store, "BEGIN;", error))
    return NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_string_value (builder, PATELLA_EXPORT_FORMAT);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, PATELLA_EXPORT_VERSION);

  for (guint i = 0; ok && i < G_N_ELEMENTS (tables); i++)
    ok = add_table_json (store, builder, &tables[i], error);

  if (ok)
    ok = add_routines_json (store, builder, error);

  for (guint i = 0; ok && i < G_N_ELEMENTS (plan_tables); i++)
    ok = add_table_json (store, builder, &plan_tables[i], error);

  json_builder_end_object (builder);
  patella_store_exec (store, "COMMIT;", NULL);

  if (!ok)
    {
      g_prefix_error (error, _("Could not export: "));
      return NULL;
    }

  return json_builder_get_root (builder);
}

/**
 * patella_export_json:
 *
 * Returns: (transfer full): the export as pretty-printed JSON ending in a
 *   newline, or %NULL with @error set
 */
char *
patella_export_json (PatellaStore  *store,
                     gsize         *length,
                     GError       **error)
{
  g_autoptr(JsonGenerator) generator = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;
  char *result;

  root = patella_export_build_json (store, error);
  if (root == NULL)
    return NULL;

  generator = json_generator_new ();
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json_generator_set_root (generator, root);
  text = json_generator_to_data (generator, NULL);

  result = g_strconcat (text, "\n", NULL);
  if (length != NULL)
    *length = strlen (result);

  return result;
}

static void
append_csv_field (GString    *out,
                  const char *text)
{
  if (text == NULL)
    return;

  if (strpbrk (text, ",\"\r\n") == NULL)
    {
      g_string_append (out, text);
      return;
    }

  g_string_append_c (out, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

/**
 * patella_export_csv:
 *
 * One table as CSV (RFC 4180, CRLF line ends, a header line). Empty fields are
 * missing values; booleans are 0 or 1; symptoms are separated by spaces.
 *
 * Returns: (transfer full): the CSV text, or %NULL with @error set
 */
char *
patella_export_csv (PatellaStore        *store,
                    PatellaExportTable   table,
                    GError             **error)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(PatellaStmt) stmt = NULL;
  const Table *spec;
  int rc;

  g_return_val_if_fail (PATELLA_IS_STORE (store), NULL);
  g_return_val_if_fail (table < PATELLA_EXPORT_N_TABLES, NULL);

  spec = &tables[table];

  for (guint i = 0; i < spec->n_columns; i++)
    if (spec->columns[i].type != COL_UUID)
      g_string_append_printf (out, "%s%s", i > 0 ? "," : "", spec->columns[i].name);
  g_string_append (out, "\r\n");

  stmt = patella_store_prepare (store, spec->sql, error);
  if (stmt == NULL)
    return NULL;

  while ((rc = patella_store_step (store, stmt, error)) == SQLITE_ROW)
    {
      for (guint i = 0; i < spec->n_columns; i++)
        {
          if (spec->columns[i].type == COL_UUID)
            continue;
          if (i > 0)
            g_string_append_c (out, ',');
          append_csv_field (out, (const char *) sqlite3_column_text (stmt, (int) i));
        }
      g_string_append (out, "\r\n");
    }

  if (rc != SQLITE_DONE)
    return NULL;

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/**
 * patella_export_write_file:
 *
 * Writes @contents to @path atomically (a half-written export never replaces
 * a good one), readable by the user only.
 */
gboolean
patella_export_write_file (const char  *path,
                           const char  *contents,
                           gsize        length,
                           GError     **error)
{
  g_autoptr(GError) local_error = NULL;

  if (!g_file_set_contents_full (path, contents, (gssize) length,
                                 G_FILE_SET_CONTENTS_CONSISTENT, 0600, &local_error))
    {
      g_autofree char *name = g_filename_display_name (path);

      g_set_error (error, PATELLA_ERROR, PATELLA_ERROR_IO,
                   _("Could not write “%s”: %s. Choose another place to save the export."),
                   name, local_error->message);
      return FALSE;
    }

  return TRUE;
}

/**
 * patella_export_csv_to_folder:
 *
 * Writes patella-journal.csv, patella-runs.csv, patella-shoes.csv and
 * patella-sessions.csv into @folder.
 */
gboolean
patella_export_csv_to_folder (PatellaStore  *store,
                              const char    *folder,
                              GError       **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      g_autofree char *csv = NULL;
      g_autofree char *file = g_strdup_printf ("patella-%s.csv", tables[i].name);
      g_autofree char *path = g_build_filename (folder, file, NULL);

      csv = patella_export_csv (store, (PatellaExportTable) i, error);
      if (csv == NULL || !patella_export_write_file (path, csv, strlen (csv), error))
        return FALSE;
    }

  return TRUE;
}
