/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "patella-shoes"

#include "config.h"

#include <glib/gi18n.h>

#include "patella-error.h"
#include "patella-parse.h"
#include "patella-shoes-private.h"

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

static PatellaShoe *
shoe_from_row (PatellaStmt *stmt)
{
  PatellaShoe *shoe = g_new0 (PatellaShoe, 1);

  shoe->id = sqlite3_column_int64 (stmt, 0);
  shoe->name = patella_stmt_dup_text (stmt, 1);
  shoe->brand = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
  shoe->first_used = patella_stmt_dup_text (stmt, 3);
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

/* The user's unit first, then the other: "50.0 mi (80.5 km)". */
char *
patella_shoes_format_both_units (gint64 metres)
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
          g_autofree char *given = patella_shoes_format_both_units (marks[i].value);

          return patella_error_refuse (error, PATELLA_ERROR_INVALID,
                                       _("A %s of %s is out of range; the warn distance and the limit must "
                                         "each be between 100 and 1 000 mi (161–1 609 km)"),
                                       _(marks[i].what), given);
        }
    }

  if (warn_m > limit_m)
    {
      g_autofree char *warn = patella_shoes_format_both_units (warn_m);
      g_autofree char *limit = patella_shoes_format_both_units (limit_m);

      return patella_error_refuse (error, PATELLA_ERROR_INVALID,
                                   _("The warn distance, %s, is above the limit, %s; the warning must come at "
                                     "or before the limit"), warn, limit);
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

/* Fills the name, brand, first use and distances of @fields from @input. */
static gboolean
check_shoe_input (const PatellaShoeInput  *input,
                  PatellaShoeRecord       *fields,
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
gboolean
patella_shoes_finish_write (PatellaTransaction  *tx,
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
  g_auto(PatellaShoeRecord) row = { 0 };
  gint64 id;

  g_return_val_if_fail (PATELLA_IS_STORE (store), 0);
  g_return_val_if_fail (notifier == NULL || PATELLA_IS_NOTIFIER (notifier), 0);
  g_return_val_if_fail (input != NULL, 0);

  if (!check_shoe_input (input, &row, error))
    return 0;

  tx = patella_store_transaction (store, error);
  if (tx == NULL)
    return 0;

  if (!check_name_free (store, row.name, 0, error))
    return 0;

  /* The one writer of new shoes; the store gives the shoe its identity. */
  row.is_default = input->make_default;
  row.created_us = patella_clock_get_now (patella_store_get_clock (store));
  if (!patella_shoe_put_record (store, 0, &row, error))
    return 0;

  id = sqlite3_last_insert_rowid (patella_store_get_db (store));

  if (!patella_shoes_finish_write (tx, store, notifier, "shoes", error))
    return 0;

  return id;
}

gboolean
patella_shoe_check_exists (PatellaStore  *store,
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
  g_auto(PatellaShoeRecord) fields = { 0 };
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

  if (!patella_shoe_check_exists (store, id, &retired, error) ||
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

  return patella_shoes_finish_write (tx, store, notifier, "shoes", error);
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

  if (id > 0 && !patella_shoe_check_exists (store, id, &retired, error))
    return FALSE;

  if (retired)
    {
      patella_error_refuse (error, PATELLA_ERROR_INVALID,
                            _("A retired shoe cannot be the default; reactivate it first"));
      return FALSE;
    }

  if (!set_default_in_transaction (store, id, error))
    return FALSE;

  return patella_shoes_finish_write (tx, store, NULL, "shoes", error);
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

  if (!patella_shoe_check_exists (store, id, NULL, error))
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

  return patella_shoes_finish_write (tx, store, notifier, "shoes", error);
}

/* What a deleted pair was, whole, and which runs were on it: what Undo
 * brings back. */
struct _PatellaDeletedShoe
{
  PatellaShoeRecord  record;
  GArray            *run_ids;  /* gint64 */
};

void
patella_deleted_shoe_free (PatellaDeletedShoe *deleted)
{
  if (deleted == NULL)
    return;

  patella_shoe_record_clear (&deleted->record);
  g_clear_pointer (&deleted->run_ids, g_array_unref);
  g_free (deleted);
}

/* Reads shoe @id whole, and its runs, into @deleted. */
static gboolean
read_deleted (PatellaStore        *store,
              gint64               id,
              PatellaDeletedShoe  *deleted,
              GError             **error)
{
  g_autoptr(PatellaStmt) stmt = NULL;
  PatellaShoeRecord *record = &deleted->record;
  int rc;

  stmt = patella_store_prepare (store,
                                "SELECT uuid, name, brand, first_used, initial_m, warn_m, limit_m,"
                                " retired, is_default, created_us FROM shoe WHERE id = ?;",
                                error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (patella_store_step (store, stmt, error) != SQLITE_ROW)
    return FALSE;

  record->uuid = patella_stmt_dup_text (stmt, 0);
  record->name = patella_stmt_dup_text (stmt, 1);
  record->brand = patella_stmt_dup_text (stmt, 2);
  record->first_used = patella_stmt_dup_text (stmt, 3);
  record->initial_m = sqlite3_column_int64 (stmt, 4);
  record->warn_m = sqlite3_column_int64 (stmt, 5);
  record->limit_m = sqlite3_column_int64 (stmt, 6);
  record->retired = sqlite3_column_int (stmt, 7) != 0;
  record->is_default = sqlite3_column_int (stmt, 8) != 0;
  record->created_us = sqlite3_column_int64 (stmt, 9);
  g_clear_pointer (&stmt, patella_stmt_release);

  deleted->run_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  stmt = patella_store_prepare (store, "SELECT id FROM run WHERE shoe_id = ? ORDER BY id;", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  while ((rc = patella_store_step (store, stmt, error)) == SQLITE_ROW)
    {
      gint64 run_id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (deleted->run_ids, run_id);
    }

  return rc == SQLITE_DONE;
}

static gboolean
delete_shoe (PatellaStore        *store,
             PatellaNotifier     *notifier,
             gint64               id,
             PatellaDeletedShoe  *deleted,
             GError             **error)
{
  g_autoptr(PatellaTransaction) tx = NULL;
  g_autofree char *warn_key = patella_shoe_notification_key ("warn", id);
  g_autofree char *replace_key = patella_shoe_notification_key ("replace", id);

  tx = patella_store_transaction (store, error);
  if (tx == NULL)
    return FALSE;

  if (!patella_shoe_check_exists (store, id, NULL, error))
    return FALSE;
  if (deleted != NULL && !read_deleted (store, id, deleted, error))
    return FALSE;

  /* ON DELETE SET NULL keeps the runs. */
  if (!patella_store_exec_id (store, "DELETE FROM shoe WHERE id = ?;", id, error))
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

  return patella_shoes_finish_write (tx, store, NULL, "shoes", error);
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
  g_return_val_if_fail (PATELLA_IS_STORE (store), FALSE);

  return delete_shoe (store, notifier, id, NULL, error);
}

/**
 * patella_shoe_delete_for_undo:
 *
 * Deletes a shoe as patella_shoe_delete() does, keeping what
 * patella_shoe_undelete() needs to bring it back.
 *
 * Returns: (transfer full) (nullable): the pair as it was, or %NULL with
 *   @error set
 */
PatellaDeletedShoe *
patella_shoe_delete_for_undo (PatellaStore     *store,
                              PatellaNotifier  *notifier,
                              gint64            id,
                              GError          **error)
{
  g_autoptr(PatellaDeletedShoe) deleted = g_new0 (PatellaDeletedShoe, 1);

  g_return_val_if_fail (PATELLA_IS_STORE (store), NULL);

  if (!delete_shoe (store, notifier, id, deleted, error))
    return NULL;

  return g_steal_pointer (&deleted);
}

/**
 * patella_shoe_undelete:
 *
 * Brings a deleted pair back, with its identity, and puts back on it each
 * of its runs that is still on no shoe (a run another program has given a
 * pair since keeps it). A pair of the same name added since is not
 * replaced: that is refused.
 *
 * Returns: the pair's id, or 0 with @error set
 */
gint64
patella_shoe_undelete (PatellaStore              *store,
                       PatellaNotifier           *notifier,
                       const PatellaDeletedShoe  *deleted,
                       GError                   **error)
{
  g_autoptr(PatellaTransaction) tx = NULL;
  gint64 id;

  g_return_val_if_fail (PATELLA_IS_STORE (store), 0);
  g_return_val_if_fail (deleted != NULL, 0);

  tx = patella_store_transaction (store, error);
  if (tx == NULL)
    return 0;

  if (!check_name_free (store, deleted->record.name, 0, error) ||
      !patella_shoe_put_record (store, 0, &deleted->record, error))
    return 0;
  id = sqlite3_last_insert_rowid (patella_store_get_db (store));

  for (guint i = 0; i < deleted->run_ids->len; i++)
    {
      g_autoptr(PatellaStmt) stmt = NULL;

      stmt = patella_store_prepare (store,
                                    "UPDATE run SET shoe_id = ? WHERE id = ? AND shoe_id IS NULL;",
                                    error);
      if (stmt == NULL)
        return 0;
      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_int64 (stmt, 2, g_array_index (deleted->run_ids, gint64, i));
      if (!patella_store_step_done (store, stmt, error))
        return 0;
    }

  if (!patella_shoes_finish_write (tx, store, notifier, "shoes", error))
    return 0;
  patella_store_emit_changed (store, "runs");

  return id;
}

/* Returns: (transfer full) (nullable): shoe @id, or %NULL with @error set */
PatellaShoe *
patella_shoe_get (PatellaStore  *store,
                  gint64         id,
                  GError       **error)
{
  g_autoptr(PatellaStmt) stmt = NULL;

  g_return_val_if_fail (PATELLA_IS_STORE (store), NULL);

  stmt = patella_store_prepare (store, SHOE_COLUMNS "WHERE s.id = ?);", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);
  if (!patella_store_step_row (store, stmt,
                               _("That shoe no longer exists; it may have been deleted by another program"),
                               error))
    return NULL;

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

  g_return_val_if_fail (PATELLA_IS_STORE (store), NULL);

  stmt = patella_store_prepare (store,
                                SHOE_COLUMNS "WHERE (s.retired = 0 AND ?1) OR (s.retired = 1 AND ?2)) "
                                "ORDER BY name COLLATE NOCASE, id;", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int (stmt, 1, (filter & PATELLA_SHOES_ACTIVE) != 0);
  sqlite3_bind_int (stmt, 2, (filter & PATELLA_SHOES_RETIRED) != 0);

  return patella_store_collect (store, stmt, (PatellaRowFunc) shoe_from_row,
                                (GDestroyNotify) patella_shoe_free, error);
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

/**
 * patella_shoe_input_equal:
 *
 * Returns: whether @a and @b say the same of a pair: a form left as it was
 *   filled in has nothing to save
 */
gboolean
patella_shoe_input_equal (const PatellaShoeInput *a,
                          const PatellaShoeInput *b)
{
  return g_strcmp0 (a->name, b->name) == 0 && g_strcmp0 (a->brand, b->brand) == 0 &&
         g_strcmp0 (a->first_used, b->first_used) == 0 && a->initial_m == b->initial_m &&
         a->warn_m == b->warn_m && a->limit_m == b->limit_m &&
         !a->make_default == !b->make_default;
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
