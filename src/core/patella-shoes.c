/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "patella-shoes"

#include "config.h"

#include <glib/gi18n.h>

#include "patella-error.h"
#include "patella-parse.h"
#include "patella-shoes.h"
#include "patella-store-private.h"

#define BRAND_MAX_CHARS 100

/* A shoe with its total, summed from the run_shoe covering index. */
#define SHOE_COLUMNS \
  "SELECT id, name, brand, first_used, initial_m, total, warn_m, limit_m, retired, " \
  "       is_default, n_runs " \
  "FROM (SELECT s.*, " \
  "        s.initial_m + coalesce ((SELECT sum (r.distance_m) FROM run r " \
  "                                 WHERE r.shoe_id = s.id), 0) AS total, " \
  "        (SELECT count (*) FROM run r WHERE r.shoe_id = s.id) AS n_runs " \
  "      FROM shoe s "

#define RUN_COLUMNS \
  "SELECT r.id, r.day, r.distance_m, r.duration_s, r.shoe_id, s.name, r.pain, r.note, " \
  "       r.start_us, r.source, r.cadence_spm, r.descent_m, r.uuid, r.created_us " \
  "FROM run r LEFT JOIN shoe s ON s.id = r.shoe_id "

static char *
dup_column (PatellaStmt *stmt,
            int          column)
{
  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    return NULL;

  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

void
patella_shoe_free (PatellaShoe *shoe)
{
  if (shoe == NULL)
    return;

  g_free (shoe->name);
  g_free (shoe->brand);
  g_free (shoe->first_used);
  g_free (shoe);
}

void
patella_run_free (PatellaRun *run)
{
  if (run == NULL)
    return;

  g_free (run->day);
  g_free (run->shoe_name);
  g_free (run->note);
  g_free (run->uuid);
  g_free (run);
}

static PatellaShoe *
shoe_from_row (PatellaStmt *stmt)
{
  PatellaShoe *shoe = g_new0 (PatellaShoe, 1);

  shoe->id = sqlite3_column_int64 (stmt, 0);
  shoe->name = dup_column (stmt, 1);
  shoe->brand = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
  shoe->first_used = dup_column (stmt, 3);
  shoe->initial_m = sqlite3_column_int64 (stmt, 4);
  shoe->distance_m = sqlite3_column_int64 (stmt, 5);
  shoe->warn_m = sqlite3_column_int64 (stmt, 6);
  shoe->limit_m = sqlite3_column_int64 (stmt, 7);
  shoe->retired = sqlite3_column_int (stmt, 8) != 0;
  shoe->is_default = sqlite3_column_int (stmt, 9) != 0;
  shoe->n_runs = (guint) sqlite3_column_int (stmt, 10);
  shoe->status = patella_shoe_status_for (shoe->retired, shoe->distance_m, shoe->warn_m,
                                          shoe->limit_m);

  return shoe;
}

static PatellaRun *
run_from_row (PatellaStmt *stmt)
{
  PatellaRun *run = g_new0 (PatellaRun, 1);

  run->id = sqlite3_column_int64 (stmt, 0);
  run->day = dup_column (stmt, 1);
  run->distance_m = sqlite3_column_int64 (stmt, 2);
  run->duration_s = sqlite3_column_int64 (stmt, 3);
  run->shoe_id = sqlite3_column_int64 (stmt, 4);
  run->shoe_name = dup_column (stmt, 5);
  run->pain = sqlite3_column_type (stmt, 6) == SQLITE_NULL ? -1 : sqlite3_column_int (stmt, 6);
  run->note = g_strdup ((const char *) sqlite3_column_text (stmt, 7));
  run->start_us = sqlite3_column_int64 (stmt, 8);
  if (!patella_source_from_string ((const char *) sqlite3_column_text (stmt, 9), &run->source))
    run->source = PATELLA_SOURCE_MANUAL;
  run->cadence_spm = sqlite3_column_int (stmt, 10);
  run->has_descent = sqlite3_column_type (stmt, 11) != SQLITE_NULL;
  run->descent_m = sqlite3_column_int64 (stmt, 11);
  run->uuid = dup_column (stmt, 12);
  run->created_us = sqlite3_column_int64 (stmt, 13);

  return run;
}

/* The user's unit first, then the other: "50.0 mi (80.5 km)". */
static char *
format_in_both_units (gint64 metres)
{
  PatellaDistanceUnit unit = patella_unit_get_preferred ();
  PatellaDistanceUnit other = unit == PATELLA_UNIT_MI ? PATELLA_UNIT_KM : PATELLA_UNIT_MI;
  g_autofree char *first = patella_format_distance (metres, unit);
  g_autofree char *second = patella_format_distance (metres, other);

  return g_strdup_printf ("%s (%s)", first, second);
}

/**
 * patella_shoe_check_marks:
 *
 * Checks a shoe's warn distance and replacement limit: each between 100 and
 * 1 000 miles, and the warning not after the limit.
 */
gboolean
patella_shoe_check_marks (gint64   warn_m,
                          gint64   limit_m,
                          GError **error)
{
  struct { gint64 value; const char *what; } marks[] = {
    /* Translators: "The %s of …": what the number is */
    { warn_m, N_("warn distance") },
    { limit_m, N_("replacement limit") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (marks); i++)
    {
      if (marks[i].value < PATELLA_SHOE_MARK_MIN_M || marks[i].value > PATELLA_SHOE_MARK_MAX_M)
        {
          g_autofree char *given = format_in_both_units (marks[i].value);

          return patella_error_refuse (error, PATELLA_ERROR_INVALID,
                                       _("A %s of %s is out of range; the warn distance and the limit must "
                                         "each be between 100 and 1 000 mi (161–1 609 km)"),
                                       _(marks[i].what), given);
        }
    }

  if (warn_m > limit_m)
    {
      g_autofree char *warn = format_in_both_units (warn_m);
      g_autofree char *limit = format_in_both_units (limit_m);

      return patella_error_refuse (error, PATELLA_ERROR_INVALID,
                                   _("The warn distance, %s, is above the limit, %s; the warning must come at "
                                     "or before the limit"), warn, limit);
    }

  return TRUE;
}

/* A run is more than 0 and at most 300 km. */
gboolean
patella_run_check_distance (gint64   distance_m,
                            GError **error)
{
  if (distance_m <= 0)
    return patella_error_refuse (error, PATELLA_ERROR_INVALID,
                                 _("A run must be longer than 0; give a distance like 5.2mi, 8km or 800m"));

  if (distance_m > PATELLA_RUN_MAX_M)
    {
      g_autofree char *given = format_in_both_units (distance_m);

      return patella_error_refuse (error, PATELLA_ERROR_INVALID,
                                   _("%s is too far for one run; a run can be at most 300 km (186.4 mi)"),
                                   given);
    }

  return TRUE;
}

/* Shoe names are compared as a person reads them: case and Unicode
 * normalization do not make a name different. */
static char *
name_key (const char *name)
{
  g_autofree char *folded = g_utf8_casefold (name, -1);

  return g_utf8_normalize (folded, -1, G_NORMALIZE_ALL);
}

static gboolean
check_name_free (PatellaStore  *store,
                 const char    *name,
                 gint64         except_id,
                 GError       **error)
{
  g_autoptr(PatellaStmt) stmt = NULL;
  g_autofree char *key = name_key (name);
  int rc;

  stmt = patella_store_prepare (store, "SELECT id, name FROM shoe;", error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = patella_store_step (store, stmt, error)) == SQLITE_ROW)
    {
      const char *other = (const char *) sqlite3_column_text (stmt, 1);
      g_autofree char *other_key = name_key (other);

      if (sqlite3_column_int64 (stmt, 0) != except_id && g_str_equal (key, other_key))
        return patella_error_refuse (error, PATELLA_ERROR_INVALID,
                                     _("There is already a shoe called “%s”; give this one a name that "
                                       "differs by more than upper and lower case"), other);
    }

  return rc == SQLITE_DONE;
}

typedef struct
{
  char   *name;
  char   *brand;
  char   *first_used;
  gint64  initial_m;
  gint64  warn_m;
  gint64  limit_m;
} ShoeFields;

static void
shoe_fields_clear (ShoeFields *fields)
{
  g_free (fields->name);
  g_free (fields->brand);
  g_free (fields->first_used);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ShoeFields, shoe_fields_clear)

static gboolean
check_shoe_input (const PatellaShoeInput  *input,
                  ShoeFields              *fields,
                  GError                 **error)
{
  if (input->name == NULL)
    return patella_error_refuse (error, PATELLA_ERROR_INVALID,
                                 _("The name is empty; give a name of 1 to 100 characters"));

  fields->name = patella_parse_name (input->name, error);
  if (fields->name == NULL)
    return FALSE;

  if (input->brand != NULL)
    {
      if (!patella_check_text (input->brand, BRAND_MAX_CHARS, error))
        return FALSE;
      fields->brand = g_strstrip (g_strdup (input->brand));
    }
  else
    {
      fields->brand = g_strdup ("");
    }

  if (input->first_used != NULL && *input->first_used != '\0')
    {
      GDate date;

      if (!patella_parse_date (input->first_used, &date, error))
        return FALSE;
      fields->first_used = patella_date_to_string (&date);
    }

  if (input->initial_m < 0 || input->initial_m > PATELLA_SHOE_INITIAL_MAX_M)
    return patella_error_refuse (error, PATELLA_ERROR_INVALID,
                                 _("The initial distance must be between 0 and 10 000 km"));

  fields->initial_m = input->initial_m;
  fields->warn_m = input->warn_m > 0 ? input->warn_m : PATELLA_SHOE_WARN_DEFAULT_M;
  fields->limit_m = input->limit_m > 0 ? input->limit_m : PATELLA_SHOE_LIMIT_DEFAULT_M;

  return patella_shoe_check_marks (fields->warn_m, fields->limit_m, error);
}

static gboolean
set_default_in_transaction (PatellaStore  *store,
                            gint64         id,
                            GError       **error)
{
  g_autoptr(PatellaStmt) clear = NULL;
  g_autoptr(PatellaStmt) set = NULL;

  clear = patella_store_prepare (store,
                                 "UPDATE shoe SET is_default = 0 "
                                 "WHERE is_default = 1 AND id <> ?;", error);
  if (clear == NULL)
    return FALSE;

  sqlite3_bind_int64 (clear, 1, id);
  if (!patella_store_step_done (store, clear, error))
    return FALSE;

  if (id <= 0)
    return TRUE;

  set = patella_store_prepare (store, "UPDATE shoe SET is_default = 1 WHERE id = ?;", error);
  if (set == NULL)
    return FALSE;

  sqlite3_bind_int64 (set, 1, id);
  return patella_store_step_done (store, set, error);
}

/* Commits @tx, tells the store's watchers and sends the notifications the
 * change calls for. */
static gboolean
finish_write (PatellaTransaction  *tx,
              PatellaStore        *store,
              PatellaNotifier     *notifier,
              const char          *what,
              GError             **error)
{
  g_autoptr(GError) local_error = NULL;

  if (!patella_transaction_commit (tx, error))
    return FALSE;

  patella_store_emit_changed (store, what);

  /* The change is saved; a notification that cannot be recorded is not a
   * reason to report it as failed. */
  if (notifier != NULL && !patella_shoes_check_notifications (store, notifier, &local_error))
    g_message ("Could not check shoe notifications: %s", local_error->message);

  return TRUE;
}

/**
 * patella_shoe_add:
 * @notifier: (nullable): sends the replacement notifications the new shoe
 *   may already call for
 *
 * Returns: the new shoe's id, or 0 with @error set
 */
gint64
patella_shoe_add (PatellaStore            *store,
                  PatellaNotifier         *notifier,
                  const PatellaShoeInput  *input,
                  GError                 **error)
{
  g_autoptr(PatellaTransaction) tx = NULL;
  g_auto(ShoeFields) fields = { 0 };
  PatellaShoeRecord row = { 0 };
  gint64 id;

  g_return_val_if_fail (PATELLA_IS_STORE (store), 0);
  g_return_val_if_fail (notifier == NULL || PATELLA_IS_NOTIFIER (notifier), 0);
  g_return_val_if_fail (input != NULL, 0);

  if (!check_shoe_input (input, &fields, error))
    return 0;

  tx = patella_store_transaction (store, error);
  if (tx == NULL)
    return 0;

  if (!check_name_free (store, fields.name, 0, error))
    return FALSE;

  /* The one writer of new shoes; the store gives the shoe its identity. */
  row.name = fields.name;
  row.brand = fields.brand;
  row.first_used = fields.first_used;
  row.initial_m = fields.initial_m;
  row.warn_m = fields.warn_m;
  row.limit_m = fields.limit_m;
  row.is_default = input->make_default;
  row.created_us = patella_clock_get_now (patella_store_get_clock (store));
  if (!patella_shoe_put_record (store, 0, &row, error))
    return FALSE;

  id = sqlite3_last_insert_rowid (patella_store_get_db (store));

  if (!finish_write (tx, store, notifier, "shoes", error))
    return 0;

  return id;
}

static gboolean
check_shoe_exists (PatellaStore  *store,
                   gint64         id,
                   gboolean      *retired,
                   GError       **error)
{
  g_autoptr(PatellaStmt) stmt = NULL;
  int rc;

  stmt = patella_store_prepare (store, "SELECT retired FROM shoe WHERE id = ?;", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  rc = patella_store_step (store, stmt, error);
  if (rc < 0)
    return FALSE;

  if (rc != SQLITE_ROW)
    return patella_error_refuse (error, PATELLA_ERROR_NOT_FOUND,
                                 _("That shoe no longer exists; it may have been deleted by another program"));

  if (retired != NULL)
    *retired = sqlite3_column_int (stmt, 0) != 0;

  return TRUE;
}

/**
 * patella_shoe_edit:
 *
 * Changes every field of shoe @id to @input's. With @input->make_default
 * unset, the shoe stops being the default if it was.
 */
gboolean
patella_shoe_edit (PatellaStore            *store,
                   PatellaNotifier         *notifier,
                   gint64                   id,
                   const PatellaShoeInput  *input,
                   GError                 **error)
{
  g_autoptr(PatellaTransaction) tx = NULL;
  g_auto(ShoeFields) fields = { 0 };
  g_autoptr(PatellaStmt) stmt = NULL;
  gboolean retired = FALSE;

  g_return_val_if_fail (PATELLA_IS_STORE (store), FALSE);
  g_return_val_if_fail (notifier == NULL || PATELLA_IS_NOTIFIER (notifier), FALSE);
  g_return_val_if_fail (input != NULL, FALSE);

  if (!check_shoe_input (input, &fields, error))
    return FALSE;

  tx = patella_store_transaction (store, error);
  if (tx == NULL)
    return FALSE;

  if (!check_shoe_exists (store, id, &retired, error) ||
      !check_name_free (store, fields.name, id, error))
    return FALSE;

  if (retired && input->make_default)
    {
      patella_error_refuse (error, PATELLA_ERROR_INVALID,
                            _("A retired shoe cannot be the default; reactivate it first"));
      return FALSE;
    }

  stmt = patella_store_prepare (store,
                                "UPDATE shoe SET name = ?, brand = ?, first_used = ?, "
                                "  initial_m = ?, warn_m = ?, limit_m = ?, is_default = ? "
                                "WHERE id = ?;", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, fields.name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, fields.brand, -1, SQLITE_TRANSIENT);
  if (fields.first_used != NULL)
    sqlite3_bind_text (stmt, 3, fields.first_used, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 4, fields.initial_m);
  sqlite3_bind_int64 (stmt, 5, fields.warn_m);
  sqlite3_bind_int64 (stmt, 6, fields.limit_m);
  sqlite3_bind_int (stmt, 7, 0);
  sqlite3_bind_int64 (stmt, 8, id);

  if (!patella_store_step_done (store, stmt, error))
    return FALSE;

  if (input->make_default && !set_default_in_transaction (store, id, error))
    return FALSE;

  return finish_write (tx, store, notifier, "shoes", error);
}

/**
 * patella_shoe_set_default:
 * @id: the shoe, or 0 for no default shoe
 */
gboolean
patella_shoe_set_default (PatellaStore  *store,
                          gint64         id,
                          GError       **error)
{
  g_autoptr(PatellaTransaction) tx = NULL;
  gboolean retired = FALSE;

  g_return_val_if_fail (PATELLA_IS_STORE (store), FALSE);

  tx = patella_store_transaction (store, error);
  if (tx == NULL)
    return FALSE;

  if (id > 0 && !check_shoe_exists (store, id, &retired, error))
    return FALSE;

  if (retired)
    {
      patella_error_refuse (error, PATELLA_ERROR_INVALID,
                            _("A retired shoe cannot be the default; reactivate it first"));
      return FALSE;
    }

  if (!set_default_in_transaction (store, id, error))
    return FALSE;

  return finish_write (tx, store, NULL, "shoes", error);
}

/**
 * patella_shoe_set_retired:
 *
 * Retires a shoe (it keeps its runs and stops being the default) or brings
 * it back.
 */
gboolean
patella_shoe_set_retired (PatellaStore     *store,
                          PatellaNotifier  *notifier,
                          gint64            id,
                          gboolean          retired,
                          GError          **error)
{
  g_autoptr(PatellaTransaction) tx = NULL;
  g_autoptr(PatellaStmt) stmt = NULL;

  g_return_val_if_fail (PATELLA_IS_STORE (store), FALSE);
  g_return_val_if_fail (notifier == NULL || PATELLA_IS_NOTIFIER (notifier), FALSE);

  tx = patella_store_transaction (store, error);
  if (tx == NULL)
    return FALSE;

  if (!check_shoe_exists (store, id, NULL, error))
    return FALSE;

  stmt = patella_store_prepare (store,
                                "UPDATE shoe SET retired = ?1, "
                                "  is_default = CASE WHEN ?1 THEN 0 ELSE is_default END "
                                "WHERE id = ?2;", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int (stmt, 1, retired ? 1 : 0);
  sqlite3_bind_int64 (stmt, 2, id);
  if (!patella_store_step_done (store, stmt, error))
    return FALSE;

  return finish_write (tx, store, notifier, "shoes", error);
}

static char *
notification_key (const char *what,
                  gint64      id)
{
  return g_strdup_printf ("shoe-%s:%" G_GINT64_FORMAT, what, id);
}

/**
 * patella_shoe_delete:
 *
 * Deletes a shoe. Its runs are kept, without a shoe; ask the user first
 * when PatellaShoe.n_runs is not 0.
 */
gboolean
patella_shoe_delete (PatellaStore     *store,
                     PatellaNotifier  *notifier,
                     gint64            id,
                     GError          **error)
{
  g_autoptr(PatellaTransaction) tx = NULL;
  g_autoptr(PatellaStmt) stmt = NULL;
  g_autofree char *warn_key = notification_key ("warn", id);
  g_autofree char *replace_key = notification_key ("replace", id);

  g_return_val_if_fail (PATELLA_IS_STORE (store), FALSE);

  tx = patella_store_transaction (store, error);
  if (tx == NULL)
    return FALSE;

  if (!check_shoe_exists (store, id, NULL, error))
    return FALSE;

  /* ON DELETE SET NULL keeps the runs. */
  stmt = patella_store_prepare (store, "DELETE FROM shoe WHERE id = ?;", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  if (!patella_store_step_done (store, stmt, error))
    return FALSE;

  /* A later shoe may get the same id: it starts with no notification sent. */
  if (!patella_notification_forget (store, warn_key, error) ||
      !patella_notification_forget (store, replace_key, error))
    return FALSE;

  if (notifier != NULL)
    {
      patella_notifier_withdraw (notifier, warn_key);
      patella_notifier_withdraw (notifier, replace_key);
    }

  return finish_write (tx, store, NULL, "shoes", error);
}

/* Returns: (transfer full) (nullable): shoe @id, or %NULL with @error set */
PatellaShoe *
patella_shoe_get (PatellaStore  *store,
                  gint64         id,
                  GError       **error)
{
  g_autoptr(PatellaStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (PATELLA_IS_STORE (store), NULL);

  stmt = patella_store_prepare (store, SHOE_COLUMNS "WHERE s.id = ?);", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);
  rc = patella_store_step (store, stmt, error);
  if (rc < 0)
    return NULL;

  if (rc != SQLITE_ROW)
    {
      patella_error_refuse (error, PATELLA_ERROR_NOT_FOUND,
                            _("That shoe no longer exists; it may have been deleted by another program"));
      return NULL;
    }

  return shoe_from_row (stmt);
}

/**
 * patella_shoes_list:
 *
 * Returns: (transfer full) (element-type PatellaShoe): the shoes, by name
 */
GPtrArray *
patella_shoes_list (PatellaStore        *store,
                    PatellaShoesFilter   filter,
                    GError             **error)
{
  g_autoptr(PatellaStmt) stmt = NULL;
  g_autoptr(GPtrArray) shoes = NULL;
  int rc;

  g_return_val_if_fail (PATELLA_IS_STORE (store), NULL);

  stmt = patella_store_prepare (store,
                                SHOE_COLUMNS "WHERE (s.retired = 0 AND ?1) OR (s.retired = 1 AND ?2)) "
                                "ORDER BY name COLLATE NOCASE, id;", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int (stmt, 1, (filter & PATELLA_SHOES_ACTIVE) != 0);
  sqlite3_bind_int (stmt, 2, (filter & PATELLA_SHOES_RETIRED) != 0);

  shoes = g_ptr_array_new_with_free_func ((GDestroyNotify) patella_shoe_free);
  while ((rc = patella_store_step (store, stmt, error)) == SQLITE_ROW)
    g_ptr_array_add (shoes, shoe_from_row (stmt));

  if (rc != SQLITE_DONE)
    return NULL;

  return g_steal_pointer (&shoes);
}

/**
 * patella_shoes_count:
 *
 * Counts shoes without summing their runs: cheaper than listing them.
 *
 * Returns: how many shoes @filter matches, or -1 with @error set
 */
gint64
patella_shoes_count (PatellaStore        *store,
                     PatellaShoesFilter   filter,
                     GError             **error)
{
  g_autoptr(PatellaStmt) stmt = NULL;

  g_return_val_if_fail (PATELLA_IS_STORE (store), -1);

  stmt = patella_store_prepare (store,
                                "SELECT count (*) FROM shoe "
                                "WHERE (retired = 0 AND ?1) OR (retired = 1 AND ?2);", error);
  if (stmt == NULL)
    return -1;

  sqlite3_bind_int (stmt, 1, (filter & PATELLA_SHOES_ACTIVE) != 0);
  sqlite3_bind_int (stmt, 2, (filter & PATELLA_SHOES_RETIRED) != 0);
  if (patella_store_step (store, stmt, error) != SQLITE_ROW)
    return -1;

  return sqlite3_column_int64 (stmt, 0);
}

/**
 * patella_shoe_find:
 * @name: a shoe's name, in any case
 *
 * Returns: (transfer full) (nullable): the shoe, or %NULL with an error that
 *   lists the shoes there are
 */
PatellaShoe *
patella_shoe_find (PatellaStore  *store,
                   const char    *name,
                   GError       **error)
{
  g_autoptr(GPtrArray) shoes = NULL;
  g_autoptr(GString) names = g_string_new (NULL);
  g_autofree char *key = NULL;

  g_return_val_if_fail (PATELLA_IS_STORE (store), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  if (!g_utf8_validate (name, -1, NULL))
    {
      patella_error_refuse (error, PATELLA_ERROR_INVALID,
                            _("The text is not valid UTF-8; use plain text"));
      return NULL;
    }

  shoes = patella_shoes_list (store, PATELLA_SHOES_ALL, error);
  if (shoes == NULL)
    return NULL;

  {
    g_autofree char *trimmed = g_strstrip (g_strdup (name));

    key = name_key (trimmed);
  }

  for (guint i = 0; i < shoes->len; i++)
    {
      PatellaShoe *shoe = g_ptr_array_index (shoes, i);
      g_autofree char *shoe_key = name_key (shoe->name);

      if (g_str_equal (key, shoe_key))
        return g_ptr_array_steal_index (shoes, i);

      if (names->len > 0)
        g_string_append (names, ", ");
      g_string_append_printf (names, "“%s”", shoe->name);
    }

  if (shoes->len == 0)
    patella_error_refuse (error, PATELLA_ERROR_NOT_FOUND,
                          _("There is no shoe called “%s”; there are no shoes yet, add one first"), name);
  else
    patella_error_refuse (error, PATELLA_ERROR_NOT_FOUND,
                          _("There is no shoe called “%s”; the shoes are %s"), name, names->str);

  return NULL;
}

typedef struct
{
  char   *day;
  char   *note;
  gint64  shoe_id;
} RunFields;

static void
run_fields_clear (RunFields *fields)
{
  g_free (fields->day);
  g_free (fields->note);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (RunFields, run_fields_clear)

static gboolean
check_run (PatellaStore      *store,
           const PatellaRun  *run,
           RunFields         *fields,
           GError           **error)
{
  if (run->day != NULL)
    {
      GDate date;

      if (!patella_parse_date (run->day, &date, error))
        return FALSE;
      fields->day = patella_date_to_string (&date);
    }
  else
    {
      fields->day = patella_clock_get_today (patella_store_get_clock (store));
    }

  if (!patella_run_check_distance (run->distance_m, error))
    return FALSE;

  if (run->duration_s < 0 || run->duration_s > PATELLA_DURATION_MAX_S)
    return patella_error_refuse (error, PATELLA_ERROR_INVALID,
                                 _("A run’s duration must be between 0:01 and 48:00:00"));

  if (run->pain != -1 && !patella_check_pain (run->pain, error))
    return FALSE;

  if (run->note != NULL && !patella_check_text (run->note, PATELLA_NOTE_MAX_CHARS, error))
    return FALSE;

  if (run->uuid != NULL && !g_uuid_string_is_valid (run->uuid))
    return patella_error_refuse (error, PATELLA_ERROR_INVALID,
                                 _("A run’s identity must be a UUID such as "
                                   "“0f8fad5b-d9cb-469f-a165-70867728950e”"));

  if (run->created_us < 0 || run->start_us < 0 || run->cadence_spm < 0 || run->cadence_spm > 400 ||
      (run->has_descent && (run->descent_m < 0 || run->descent_m > 100000)) ||
      run->source > PATELLA_SOURCE_GPX)
    return patella_error_refuse (error, PATELLA_ERROR_INVALID,
                                 _("A run’s cadence must be at most 400 steps a minute and its "
                                   "descent at most 100 km"));

  fields->note = g_strdup (run->note != NULL ? run->note : "");
  return TRUE;
}

/* Inside the transaction: which shoe the run goes on, 0 for none. */
static gboolean
resolve_shoe (PatellaStore  *store,
              gint64         requested,
              gboolean       adding,
              gint64        *shoe_id,
              GError       **error)
{
  if (requested == PATELLA_SHOE_NONE || (requested == PATELLA_SHOE_DEFAULT && !adding))
    {
      *shoe_id = 0;
      return TRUE;
    }

  if (requested == PATELLA_SHOE_DEFAULT)
    {
      *shoe_id = patella_store_query_int (store,
                                          "SELECT id FROM shoe WHERE is_default = 1;", 0);
      return TRUE;
    }

  if (!check_shoe_exists (store, requested, NULL, error))
    return FALSE;

  *shoe_id = requested;
  return TRUE;
}

static void
bind_run (PatellaStmt     *stmt,
          const RunFields *fields,
          const PatellaRun *run)
{
  sqlite3_bind_text (stmt, 1, fields->day, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, run->distance_m);
  if (run->duration_s > 0)
    sqlite3_bind_int64 (stmt, 3, run->duration_s);
  if (fields->shoe_id > 0)
    sqlite3_bind_int64 (stmt, 4, fields->shoe_id);
  if (run->pain >= 0)
    sqlite3_bind_int (stmt, 5, run->pain);
  sqlite3_bind_text (stmt, 6, fields->note, -1, SQLITE_TRANSIENT);
}

/* Parameters 8 to 11: start, source, cadence, descent. */
static void
bind_measured (PatellaStmt      *stmt,
               const PatellaRun *run)
{
  if (run->start_us > 0)
    sqlite3_bind_int64 (stmt, 8, run->start_us);
  sqlite3_bind_text (stmt, 9, patella_source_to_string (run->source), -1, SQLITE_STATIC);
  if (run->cadence_spm > 0)
    sqlite3_bind_int (stmt, 10, run->cadence_spm);
  if (run->has_descent)
    sqlite3_bind_int64 (stmt, 11, run->descent_m);
}

/**
 * patella_run_add:
 * @notifier: (nullable): sends the replacement notifications the run calls for
 * @run: the run; its shoe_id is a shoe, %PATELLA_SHOE_DEFAULT or
 *   %PATELLA_SHOE_NONE; a %NULL day is today
 *
 * Returns: the new run's id, or 0 with @error set
 */
gint64
patella_run_add (PatellaStore      *store,
                 PatellaNotifier   *notifier,
                 const PatellaRun  *run,
                 GError           **error)
{
  g_autoptr(PatellaTransaction) tx = NULL;
  g_auto(RunFields) fields = { 0 };
  g_autoptr(PatellaStmt) stmt = NULL;
  gint64 id;

  g_return_val_if_fail (PATELLA_IS_STORE (store), 0);
  g_return_val_if_fail (notifier == NULL || PATELLA_IS_NOTIFIER (notifier), 0);
  g_return_val_if_fail (run != NULL, 0);

  if (!check_run (store, run, &fields, error))
    return 0;

  tx = patella_store_transaction (store, error);
  if (tx == NULL)
    return 0;

  if (!resolve_shoe (store, run->shoe_id, TRUE, &fields.shoe_id, error))
    return FALSE;

  stmt = patella_store_prepare (store,
                                "INSERT INTO run (day, distance_m, duration_s, shoe_id, pain, "
                                "                 note, created_us, start_us, source, "
                                "                 cadence_spm, descent_m, uuid) "
                                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?);", error);
  if (stmt == NULL)
    return FALSE;

  bind_run (stmt, &fields, run);
  bind_measured (stmt, run);
  if (run->created_us > 0)
    sqlite3_bind_int64 (stmt, 7, run->created_us);
  else
    sqlite3_bind_int64 (stmt, 7, patella_clock_get_now (patella_store_get_clock (store)));
  /* Without one, the table's trigger gives the run a new identity. */
  if (run->uuid != NULL)
    sqlite3_bind_text (stmt, 12, run->uuid, -1, SQLITE_TRANSIENT);

  if (!patella_store_step_done (store, stmt, error))
    return FALSE;

  id = sqlite3_last_insert_rowid (patella_store_get_db (store));

  if (!finish_write (tx, store, notifier, "runs", error))
    return 0;

  return id;
}

static gboolean
check_run_exists (PatellaStore  *store,
                  gint64         id,
                  GError       **error)
{
  g_autoptr(PatellaRun) run = patella_run_get (store, id, error);

  return run != NULL;
}

/* Rewrites run @run->id. An edit changes what the user sees; a replace
 * (@whole) writes the creation instant and what a device measured too. */
static gboolean
update_run (PatellaStore      *store,
            PatellaNotifier   *notifier,
            const PatellaRun  *run,
            gboolean           whole,
            GError           **error)
{
  g_autoptr(PatellaTransaction) tx = NULL;
  g_auto(RunFields) fields = { 0 };
  g_autoptr(PatellaStmt) stmt = NULL;

  if (!check_run (store, run, &fields, error))
    return FALSE;

  tx = patella_store_transaction (store, error);
  if (tx == NULL)
    return FALSE;

  if (!check_run_exists (store, run->id, error) ||
      !resolve_shoe (store, run->shoe_id, FALSE, &fields.shoe_id, error))
    return FALSE;

  if (whole)
    stmt = patella_store_prepare (store,
                                  "UPDATE run SET day = ?1, distance_m = ?2, duration_s = ?3, "
                                  "  shoe_id = ?4, pain = ?5, note = ?6, created_us = ?7, "
                                  "  start_us = ?8, source = ?9, cadence_spm = ?10, "
                                  "  descent_m = ?11 "
                                  "WHERE id = ?12;", error);
  else
    stmt = patella_store_prepare (store,
                                  "UPDATE run SET day = ?1, distance_m = ?2, duration_s = ?3, "
                                  "  shoe_id = ?4, pain = ?5, note = ?6 "
                                  "WHERE id = ?12;", error);
  if (stmt == NULL)
    return FALSE;

  bind_run (stmt, &fields, run);
  if (whole)
    {
      bind_measured (stmt, run);
      sqlite3_bind_int64 (stmt, 7, run->created_us > 0
                                   ? run->created_us
                                   : patella_clock_get_now (patella_store_get_clock (store)));
    }
  sqlite3_bind_int64 (stmt, 12, run->id);
  if (!patella_store_step_done (store, stmt, error))
    return FALSE;

  return finish_write (tx, store, notifier, "runs", error);
}

/**
 * patella_run_edit:
 * @run: the run, by its id, with every field as it should be; a shoe_id of
 *   0 or less means no shoe
 */
gboolean
patella_run_edit (PatellaStore      *store,
                  PatellaNotifier   *notifier,
                  const PatellaRun  *run,
                  GError           **error)
{
  g_return_val_if_fail (PATELLA_IS_STORE (store), FALSE);
  g_return_val_if_fail (notifier == NULL || PATELLA_IS_NOTIFIER (notifier), FALSE);
  g_return_val_if_fail (run != NULL, FALSE);

  return update_run (store, notifier, run, FALSE, error);
}

/**
 * patella_run_replace:
 * @run: the run, by its id, with every field as it should be, its creation
 *   instant and what a device measured included (an import that replaces
 *   a run); a shoe_id of 0 or less means no shoe
 *
 * Its identity stays.
 */
gboolean
patella_run_replace (PatellaStore      *store,
                     const PatellaRun  *run,
                     GError           **error)
{
  g_return_val_if_fail (PATELLA_IS_STORE (store), FALSE);
  g_return_val_if_fail (run != NULL, FALSE);

  return update_run (store, NULL, run, TRUE, error);
}

gboolean
patella_run_delete (PatellaStore     *store,
                    PatellaNotifier  *notifier,
                    gint64            id,
                    GError          **error)
{
  g_autoptr(PatellaTransaction) tx = NULL;
  g_autoptr(PatellaStmt) stmt = NULL;

  g_return_val_if_fail (PATELLA_IS_STORE (store), FALSE);
  g_return_val_if_fail (notifier == NULL || PATELLA_IS_NOTIFIER (notifier), FALSE);

  tx = patella_store_transaction (store, error);
  if (tx == NULL)
    return FALSE;

  if (!check_run_exists (store, id, error))
    return FALSE;

  stmt = patella_store_prepare (store, "DELETE FROM run WHERE id = ?;", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  if (!patella_store_step_done (store, stmt, error))
    return FALSE;

  return finish_write (tx, store, notifier, "runs", error);
}

/**
 * patella_run_merge_measured:
 * @measured: what a device file measured: start, distance, duration,
 *   cadence, descent and source
 * @overwrite: %TRUE when @measured comes from a better source than the run:
 *   its distance, duration, cadence, descent, start and source replace the
 *   run's; %FALSE to fill only what the run lacks (start, duration, cadence,
 *   descent), keeping what the user typed
 *
 * The shoe, pain and note are never changed.
 */
gboolean
patella_run_merge_measured (PatellaStore      *store,
                            gint64             id,
                            const PatellaRun  *measured,
                            gboolean           overwrite,
                            GError           **error)
{
  g_autoptr(PatellaTransaction) tx = NULL;
  g_autoptr(PatellaStmt) stmt = NULL;

  g_return_val_if_fail (PATELLA_IS_STORE (store), FALSE);
  g_return_val_if_fail (measured != NULL, FALSE);

  if (!patella_run_check_distance (measured->distance_m, error))
    return FALSE;

  tx = patella_store_transaction (store, error);
  if (tx == NULL)
    return FALSE;

  if (!check_run_exists (store, id, error))
    return FALSE;

  if (overwrite)
    stmt = patella_store_prepare (store,
                                  "UPDATE run SET start_us = coalesce (?1, start_us), "
                                  "  distance_m = ?2, duration_s = coalesce (?3, duration_s), "
                                  "  cadence_spm = coalesce (?4, cadence_spm), "
                                  "  descent_m = coalesce (?5, descent_m), source = ?6 "
                                  "WHERE id = ?7;", error);
  else
    stmt = patella_store_prepare (store,
                                  "UPDATE run SET start_us = coalesce (start_us, ?1), "
                                  "  duration_s = coalesce (duration_s, ?3), "
                                  "  cadence_spm = coalesce (cadence_spm, ?4), "
                                  "  descent_m = coalesce (descent_m, ?5) "
                                  "WHERE id = ?7;", error);
  if (stmt == NULL)
    return FALSE;

  if (measured->start_us > 0)
    sqlite3_bind_int64 (stmt, 1, measured->start_us);
  sqlite3_bind_int64 (stmt, 2, measured->distance_m);
  if (measured->duration_s > 0 && measured->duration_s <= PATELLA_DURATION_MAX_S)
    sqlite3_bind_int64 (stmt, 3, measured->duration_s);
  if (measured->cadence_spm > 0 && measured->cadence_spm <= 400)
    sqlite3_bind_int (stmt, 4, measured->cadence_spm);
  if (measured->has_descent && measured->descent_m >= 0 && measured->descent_m <= 100000)
    sqlite3_bind_int64 (stmt, 5, measured->descent_m);
  sqlite3_bind_text (stmt, 6, patella_source_to_string (measured->source), -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 7, id);

  if (!patella_store_step_done (store, stmt, error))
    return FALSE;

  return finish_write (tx, store, NULL, "runs", error);
}

/**
 * patella_runs_find_same:
 * @start_us: when the activity started
 * @day: its local day
 *
 * Finds the runs that are the same activity: those that started within
 * 60 s of @start_us, and typed runs (no start) on @day, in either case
 * with a distance within 3 % of @distance_m.
 *
 * Returns: (transfer full) (element-type PatellaRun): the runs, those with
 *   a start first, the closest start first
 */
GPtrArray *
patella_runs_find_same (PatellaStore  *store,
                        gint64         start_us,
                        const char    *day,
                        gint64         distance_m,
                        GError       **error)
{
  g_autoptr(PatellaStmt) stmt = NULL;
  g_autoptr(GPtrArray) runs = NULL;
  int rc;

  g_return_val_if_fail (PATELLA_IS_STORE (store), NULL);
  g_return_val_if_fail (day != NULL, NULL);

  stmt = patella_store_prepare (store,
                                RUN_COLUMNS
                                "WHERE ((r.start_us BETWEEN ?1 - 60000000 AND ?1 + 60000000) "
                                "       OR (r.start_us IS NULL AND r.day = ?2)) "
                                "  AND abs (r.distance_m - ?3) <= 0.03 * max (r.distance_m, ?3) "
                                "ORDER BY r.start_us IS NULL, abs (r.start_us - ?1), r.id;",
                                error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, start_us);
  sqlite3_bind_text (stmt, 2, day, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, distance_m);

  runs = g_ptr_array_new_with_free_func ((GDestroyNotify) patella_run_free);
  while ((rc = patella_store_step (store, stmt, error)) == SQLITE_ROW)
    g_ptr_array_add (runs, run_from_row (stmt));

  if (rc != SQLITE_DONE)
    return NULL;

  return g_steal_pointer (&runs);
}

/**
 * patella_runs_list:
 * @shoe_id: only this shoe's runs, or 0 for all
 *
 * Returns: (transfer full) (element-type PatellaRun): the runs, oldest first
 */
GPtrArray *
patella_runs_list (PatellaStore  *store,
                   gint64         shoe_id,
                   GError       **error)
{
  g_autoptr(PatellaStmt) stmt = NULL;
  g_autoptr(GPtrArray) runs = NULL;
  int rc;

  g_return_val_if_fail (PATELLA_IS_STORE (store), NULL);

  if (shoe_id > 0)
    {
      stmt = patella_store_prepare (store,
                                    RUN_COLUMNS "WHERE r.shoe_id = ? ORDER BY r.day, r.id;",
                                    error);
      if (stmt != NULL)
        sqlite3_bind_int64 (stmt, 1, shoe_id);
    }
  else
    {
      stmt = patella_store_prepare (store, RUN_COLUMNS "ORDER BY r.day, r.id;", error);
    }

  if (stmt == NULL)
    return NULL;

  runs = g_ptr_array_new_with_free_func ((GDestroyNotify) patella_run_free);
  while ((rc = patella_store_step (store, stmt, error)) == SQLITE_ROW)
    g_ptr_array_add (runs, run_from_row (stmt));

  if (rc != SQLITE_DONE)
    return NULL;

  return g_steal_pointer (&runs);
}

/**
 * patella_run_get:
 *
 * Returns: (transfer full) (nullable): the run, or %NULL with
 *   %PATELLA_ERROR_NOT_FOUND when it no longer exists
 */
PatellaRun *
patella_run_get (PatellaStore  *store,
                 gint64         id,
                 GError       **error)
{
  g_autoptr(PatellaStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (PATELLA_IS_STORE (store), NULL);

  stmt = patella_store_prepare (store, RUN_COLUMNS "WHERE r.id = ?;", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);
  rc = patella_store_step (store, stmt, error);
  if (rc < 0)
    return NULL;

  if (rc != SQLITE_ROW)
    {
      patella_error_refuse (error, PATELLA_ERROR_NOT_FOUND,
                            _("That run no longer exists; it may have been deleted by another program"));
      return NULL;
    }

  return run_from_row (stmt);
}

/**
 * patella_runs_load_since:
 * @since_day: "YYYY-MM-DD", the first day
 *
 * Returns: (transfer full) (element-type PatellaLoadRun): the runs from
 *   @since_day on, for the load checks
 */
GArray *
patella_runs_load_since (PatellaStore  *store,
                         const char    *since_day,
                         GError       **error)
{
  g_autoptr(PatellaStmt) stmt = NULL;
  g_autoptr(GArray) runs = NULL;
  int rc;

  g_return_val_if_fail (PATELLA_IS_STORE (store), NULL);
  g_return_val_if_fail (since_day != NULL, NULL);

  stmt = patella_store_prepare (store,
                                "SELECT day, distance_m FROM run WHERE day >= ? ORDER BY day;",
                                error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, since_day, -1, SQLITE_TRANSIENT);

  runs = g_array_new (FALSE, TRUE, sizeof (PatellaLoadRun));
  while ((rc = patella_store_step (store, stmt, error)) == SQLITE_ROW)
    {
      PatellaLoadRun run = { 0 };

      /* The schema's CHECK keeps the shape; a day that is not in the
       * calendar cannot be written through this code. */
      if (!patella_parse_date ((const char *) sqlite3_column_text (stmt, 0), &run.day, NULL))
        continue;

      run.distance_m = sqlite3_column_int64 (stmt, 1);
      g_array_append_val (runs, run);
    }

  if (rc != SQLITE_DONE)
    return NULL;

  return g_steal_pointer (&runs);
}

/**
 * patella_runs_check_load:
 * @n_weeks: how many weeks, ending with this one, to check
 * @weeks: (out) (optional) (transfer full) (element-type PatellaLoadWeek):
 *   those weeks' totals
 *
 * Returns: (transfer full) (element-type PatellaLoadWarning): what the load
 *   checks found in those weeks, oldest first
 */
GPtrArray *
patella_runs_check_load (PatellaStore         *store,
                         guint                 n_weeks,
                         PatellaDistanceUnit   unit,
                         GArray              **weeks,
                         GError              **error)
{
  g_autofree char *today_text = NULL;
  g_autofree char *since_text = NULL;
  g_autoptr(GArray) runs = NULL;
  GDateWeekday first_weekday = patella_load_get_first_weekday ();
  GDate today;
  GDate since;

  g_return_val_if_fail (PATELLA_IS_STORE (store), NULL);
  g_return_val_if_fail (n_weeks > 0, NULL);

  today_text = patella_clock_get_today (patella_store_get_clock (store));
  if (!patella_parse_date (today_text, &today, error))
    return NULL;

  /* The checked weeks, the week before them and the 30 days before that. */
  patella_load_week_start (&today, first_weekday, &since);
  g_date_subtract_days (&since, 7 * n_weeks + 31);
  since_text = patella_date_to_string (&since);

  runs = patella_runs_load_since (store, since_text, error);
  if (runs == NULL)
    return NULL;

  if (weeks != NULL)
    *weeks = patella_load_weekly_totals ((PatellaLoadRun *) (void *) runs->data, runs->len,
                                         &today, n_weeks, first_weekday);

  return patella_load_check ((PatellaLoadRun *) (void *) runs->data, runs->len, &today, n_weeks,
                             first_weekday, unit);
}

static PatellaNotification *
make_notification (const PatellaShoe *shoe,
                   const char        *key,
                   gboolean           replace)
{
  PatellaDistanceUnit unit = patella_unit_get_preferred ();
  g_autofree char *distance = patella_format_distance (shoe->distance_m, unit);
  g_autofree char *mark = patella_format_distance (replace ? shoe->limit_m : shoe->warn_m, unit);
  g_autofree char *limit = patella_format_distance (shoe->limit_m, unit);
  g_autofree char *title = NULL;
  g_autofree char *body = NULL;
  PatellaNotification *notification;

  if (replace)
    {
      /* Translators: the shoe's name */
      title = g_strdup_printf (_("Time to replace “%s”"), shoe->name);
      /* Translators: the shoe's distance, then its limit */
      body = g_strdup_printf (_("These shoes have run %s, past their %s limit. Retire them in "
                                "Patella and switch to another pair; worn shoes cushion less."),
                              distance, mark);
    }
  else
    {
      /* Translators: the shoe's name */
      title = g_strdup_printf (_("“%s” are nearing replacement"), shoe->name);
      /* Translators: the shoe's distance, the warn distance, the limit */
      body = g_strdup_printf (_("These shoes have run %s, past the %s mark. Plan a new pair and "
                                "start rotating it in before they reach %s."),
                              distance, mark, limit);
    }

  notification = patella_notification_new (key, title, body, "x-patella.shoes");
  patella_notification_add_action (notification, "default", _("Show Shoes"));
  return notification;
}

/**
 * patella_shoes_check_notifications:
 *
 * Sends, once per shoe, "nearing replacement" when a shoe's total reaches
 * its warn distance and "due for replacement" when it reaches its limit;
 * re-arms a mark whose total dropped back under it. Safe to call at any
 * time, by any program: what was sent is kept in the database.
 */
gboolean
patella_shoes_check_notifications (PatellaStore     *store,
                                   PatellaNotifier  *notifier,
                                   GError          **error)
{
  g_autoptr(GPtrArray) shoes = NULL;

  g_return_val_if_fail (PATELLA_IS_STORE (store), FALSE);
  g_return_val_if_fail (PATELLA_IS_NOTIFIER (notifier), FALSE);

  /* Without a way to record what was sent, sending would repeat. */
  if (patella_store_is_read_only (store))
    return TRUE;

  shoes = patella_shoes_list (store, PATELLA_SHOES_ALL, error);
  if (shoes == NULL)
    return FALSE;

  for (guint i = 0; i < shoes->len; i++)
    {
      PatellaShoe *shoe = g_ptr_array_index (shoes, i);
      g_autofree char *warn_key = notification_key ("warn", shoe->id);
      g_autofree char *replace_key = notification_key ("replace", shoe->id);
      gboolean ok = TRUE;

      if (shoe->distance_m >= shoe->limit_m)
        {
          if (!shoe->retired && !patella_notification_was_sent (store, replace_key))
            {
              g_autoptr(PatellaNotification) n = make_notification (shoe, replace_key, TRUE);

              /* One notification for one run: reaching the limit says it all. */
              patella_notifier_withdraw (notifier, warn_key);
              ok = patella_notification_mark_sent (store, warn_key, error) &&
                   patella_notifier_send_once (notifier, store, n, error);
            }
        }
      else if (shoe->distance_m >= shoe->warn_m)
        {
          if (patella_notification_was_sent (store, replace_key))
            {
              patella_notifier_withdraw (notifier, replace_key);
              ok = patella_notification_forget (store, replace_key, error);
            }

          if (ok && !shoe->retired && !patella_notification_was_sent (store, warn_key))
            {
              g_autoptr(PatellaNotification) n = make_notification (shoe, warn_key, FALSE);

              ok = patella_notifier_send_once (notifier, store, n, error);
            }
        }
      else
        {
          for (guint k = 0; k < 2 && ok; k++)
            {
              const char *key = k == 0 ? warn_key : replace_key;

              if (patella_notification_was_sent (store, key))
                {
                  patella_notifier_withdraw (notifier, key);
                  ok = patella_notification_forget (store, key, error);
                }
            }
        }

      if (!ok)
        return FALSE;
    }

  return TRUE;
}

/**
 * patella_run_edit_changes:
 * @before: the run as the editor first showed it
 * @after: the run as the user left it
 *
 * Writes the fields the user changed (where @after differs from @before)
 * over the run as it is stored now, in one transaction: what another
 * program changed in the other fields meanwhile is kept.
 */
gboolean
patella_run_edit_changes (PatellaStore      *store,
                          PatellaNotifier   *notifier,
                          const PatellaRun  *before,
                          const PatellaRun  *after,
                          GError           **error)
{
  g_autoptr(PatellaTransaction) tx = NULL;
  g_autoptr(PatellaRun) stored = NULL;
  PatellaRun merged;

  g_return_val_if_fail (PATELLA_IS_STORE (store), FALSE);
  g_return_val_if_fail (before != NULL && after != NULL, FALSE);

  tx = patella_store_transaction (store, error);
  if (tx == NULL)
    return FALSE;

  stored = patella_run_get (store, after->id, error);
  if (stored == NULL)
    return FALSE;

  merged = *stored;
  if (g_strcmp0 (before->day, after->day) != 0)
    merged.day = after->day;
  if (before->distance_m != after->distance_m)
    merged.distance_m = after->distance_m;
  if (before->duration_s != after->duration_s)
    merged.duration_s = after->duration_s;
  if (before->shoe_id != after->shoe_id)
    merged.shoe_id = after->shoe_id;
  if (before->pain != after->pain)
    merged.pain = after->pain;
  if (g_strcmp0 (before->note, after->note) != 0)
    merged.note = after->note;

  /* A stored run without shoes keeps none. */
  if (merged.shoe_id == 0)
    merged.shoe_id = PATELLA_SHOE_NONE;

  if (!patella_run_edit (store, notifier, &merged, error) ||
      !patella_transaction_commit (tx, error))
    return FALSE;

  return TRUE;
}

/**
 * patella_shoe_edit_changes:
 * @before: the form as it was first filled in
 * @after: the form as the user left it
 *
 * Like patella_run_edit_changes(), for a shoe's details.
 */
gboolean
patella_shoe_edit_changes (PatellaStore            *store,
                           PatellaNotifier         *notifier,
                           gint64                   id,
                           const PatellaShoeInput  *before,
                           const PatellaShoeInput  *after,
                           GError                 **error)
{
  g_autoptr(PatellaTransaction) tx = NULL;
  g_autoptr(PatellaShoe) stored = NULL;
  PatellaShoeInput merged;

  g_return_val_if_fail (PATELLA_IS_STORE (store), FALSE);
  g_return_val_if_fail (before != NULL && after != NULL, FALSE);

  tx = patella_store_transaction (store, error);
  if (tx == NULL)
    return FALSE;

  stored = patella_shoe_get (store, id, error);
  if (stored == NULL)
    return FALSE;

  merged = (PatellaShoeInput) {
    .name = stored->name,
    .brand = stored->brand,
    .first_used = stored->first_used,
    .initial_m = stored->initial_m,
    .warn_m = stored->warn_m,
    .limit_m = stored->limit_m,
    .make_default = stored->is_default,
  };
  if (g_strcmp0 (before->name, after->name) != 0)
    merged.name = after->name;
  if (g_strcmp0 (before->brand, after->brand) != 0)
    merged.brand = after->brand;
  if (g_strcmp0 (before->first_used, after->first_used) != 0)
    merged.first_used = after->first_used;
  if (before->initial_m != after->initial_m)
    merged.initial_m = after->initial_m;
  if (before->warn_m != after->warn_m)
    merged.warn_m = after->warn_m;
  if (before->limit_m != after->limit_m)
    merged.limit_m = after->limit_m;
  if (before->make_default != after->make_default)
    merged.make_default = after->make_default;

  if (!patella_shoe_edit (store, notifier, id, &merged, error) ||
      !patella_transaction_commit (tx, error))
    return FALSE;

  return TRUE;
}
