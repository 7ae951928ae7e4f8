/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "patella-import"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "patella-exercises.h"
#include "patella-export.h"
#include "patella-import-private.h"
#include "patella-journal.h"
#include "patella-plan.h"
#include "patella-session.h"
#include "patella-shoes.h"
#include "patella-store-private.h"
#include "patella-units.h"
#include "patella-walk-run.h"

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
      PatellaShoeRecord *shoe = g_ptr_array_index (data->shoes, i);
      PatellaShoeRecord row = *shoe;   /* the strings stay the parsed data's */
      gboolean same;
      gint64 id;
      gint64 default_id;

      if (!job_step (job, error))
        return FALSE;

      id = patella_shoe_find_id (store, shoe->uuid, shoe->name, &same, error);
      if (id < 0)
        return prefix_item (error, "shoes", i);

      if (id > 0 && !replace)
        {
          patella_import_report_skip (job->report,
                       same ?
                       g_strdup_printf (_("Shoe “%s”: the same shoe is already there."),
                                        shoe->name) :
                       g_strdup_printf (_("Shoe “%s”: a shoe of that name is already there and "
                                          "was kept as it is."), shoe->name));
          continue;
        }

      /* Only a replacing import takes the default from the shoe there was. */
      default_id = patella_shoe_get_default_id (store);
      if (row.is_default && default_id != 0 && default_id != id && !replace)
        row.is_default = FALSE;

      if (!patella_shoe_put_record (store, id, &row, error))
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
  gint64 shoe_id = patella_shoe_find_id (store, run->shoe_uuid, NULL, NULL, error);

  if (shoe_id != 0)
    return shoe_id;

  if (run->shoe == NULL)
    return NONE;

  shoe_id = patella_shoe_find_id (store, NULL, run->shoe, NULL, error);
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
      PatellaRun model = { 0 };
      g_autofree char *key = NULL;
      gint64 shoe_id;
      gint64 id = 0;
      gboolean known;

      if (!job_step (job, error))
        return FALSE;

      if (run->uuid != NULL)
        {
          id = patella_run_find_id (store, run->uuid, error);
          if (id < 0)
            return prefix_item (error, "runs", i);
          known = id > 0;
        }
      else
        {
          gint64 n = patella_runs_count_created (store, run->created_us, error);

          if (n < 0)
            return prefix_item (error, "runs", i);
          key = g_strdup_printf ("%" G_GINT64_FORMAT, run->created_us);
          known = occurrences_is_known (&occurrences, key, n);
        }

      if (known && (id == 0 || !replace))
        {
          g_autofree char *distance = patella_format_distance (run->distance_m, PATELLA_UNIT_KM);

          patella_import_report_skip (job->report,
                       g_strdup_printf (_("Run of %s on %s: the same run is already there."),
                                        distance, run->day));
          continue;
        }

      shoe_id = find_run_shoe (store, run, error);
      if (shoe_id == -1)
        return prefix_item (error, "runs", i);

      /* Through the run model, like a run the user logs. */
      model.id = id;
      model.day = run->day;
      model.distance_m = run->distance_m;
      model.duration_s = run->duration_s != NONE ? run->duration_s : 0;
      model.shoe_id = shoe_id != NONE ? shoe_id : PATELLA_SHOE_NONE;
      model.pain = run->pain != NONE ? (int) run->pain : -1;
      model.note = run->note;
      model.uuid = run->uuid;
      model.created_us = run->created_us;
      model.start_us = run->start_us != NONE ? run->start_us : 0;
      /* What a watch measured travels with the run; an export without it
       * (older, or edited by hand) makes a run from an export. */
      if (run->source == NULL || !patella_source_from_string (run->source, &model.source))
        model.source = PATELLA_SOURCE_JSON;
      model.cadence_spm = run->cadence_spm != NONE ? (int) run->cadence_spm : 0;
      model.has_descent = run->descent_m != NONE;
      model.descent_m = run->descent_m != NONE ? run->descent_m : 0;

      if (id > 0 ? !patella_run_replace (store, &model, error)
                 : patella_run_add (store, NULL, &model, error) == 0)
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
      PatellaJournalRecord row = {
        entry->uuid, entry->day,
        entry->pain_rest != NONE ? (int) entry->pain_rest : PATELLA_PAIN_NONE,
        entry->pain_activity != NONE ? (int) entry->pain_activity : PATELLA_PAIN_NONE,
        entry->pain_morning != NONE ? (int) entry->pain_morning : PATELLA_PAIN_NONE,
        (const char * const *) entry->symptoms, entry->note, entry->created_us,
        entry->updated_us,
      };
      gboolean same;
      gint64 id;

      if (!job_step (job, error))
        return FALSE;

      /* One entry a day: another entry for the day is kept unless replaced. */
      id = patella_journal_find (store, entry->uuid, entry->day, &same, error);
      if (id < 0)
        return prefix_item (error, "journal", i);

      if (id > 0 && !replace)
        {
          patella_import_report_skip (job->report,
                       same ?
                       g_strdup_printf (_("Journal day %s: the same entry is already there."),
                                        entry->day) :
                       g_strdup_printf (_("Journal day %s: that day is already written in "
                                          "Patella and was kept as it is."), entry->day));
          continue;
        }

      if (!patella_journal_put_record (store, id, &row, error))
        return prefix_item (error, "journal", i);

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
      PatellaSessionRecord row = PATELLA_SESSION_RECORD_INIT;
      g_autofree char *key = NULL;
      gboolean known;
      gboolean active;

      if (!job_step (job, error))
        return FALSE;

      if (session->uuid != NULL)
        {
          gint64 id = patella_session_find (store, session->uuid, error);

          if (id < 0)
            return prefix_item (error, "sessions", i);
          known = id > 0;
        }
      else
        {
          gint64 n = patella_sessions_count_start (store, session->kind, session->started_us,
                                                   error);

          if (n < 0)
            return prefix_item (error, "sessions", i);
          key = g_strdup_printf ("%s %" G_GINT64_FORMAT, session->kind, session->started_us);
          known = occurrences_is_known (&occurrences, key, n);
        }

      if (known)
        {
          patella_import_report_skip (job->report,
                       g_strdup_printf (_("Session of %s on %s: the same session is already "
                                          "there."), session->kind, session->day));
          continue;
        }

      active = g_str_equal (session->state, "running") || g_str_equal (session->state, "paused");
      if (active)
        {
          gboolean other = FALSE;

          if (!patella_session_get_active (store, session->kind, &other, error))
            return prefix_item (error, "sessions", i);
          if (other)
            {
              patella_import_report_skip (job->report,
                           g_strdup_printf (_("Session of %s on %s: it was still running in the "
                                              "export, and one is running now."),
                                            session->kind, session->day));
              continue;
            }
        }

      row.uuid = session->uuid;
      row.kind = session->kind;
      row.day = session->day;
      row.state = session->state;
      row.started_us = session->started_us;
      row.planned_s = session->planned_s;
      row.ends_us = session->ends_us;
      row.remaining_s = session->remaining_s;
      row.ended_us = session->ended_us;
      row.duration_s = session->duration_s;
      row.routine = session->routine;
      row.pain = session->pain;
      if (patella_session_insert (store, &row, error) == 0)
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
      gint64 id;
      gboolean same;

      if (!job_step (job, error))
        return FALSE;

      id = patella_routine_find (store, routine->uuid, routine->name, &same, error);
      if (id < 0)
        return prefix_item (error, "routines", i);

      if (id > 0 && !replace)
        {
          patella_import_report_skip (job->report,
                       same ?
                       g_strdup_printf (_("Routine “%s”: the same routine is already there."),
                                        routine->name) :
                       g_strdup_printf (_("Routine “%s”: a routine of that name is already there "
                                          "and was kept as it is."), routine->name));
          continue;
        }

      if (!patella_routine_put_record (store, id, routine->uuid, routine->name, routine->created_us,
                                    (const PatellaRoutineStepRecord *) routine->steps->data,
                                    routine->steps->len, error))
        return prefix_item (error, "routines", i);

      count_written (job, id > 0, &job->report->routines);
    }

  return TRUE;
}

/* A checked plan row's number, or PATELLA_PLAN_NONE where it has none. */
static gint64
row_int (JsonObject *row,
         const char *member)
{
  JsonNode *node = json_object_get_member (row, member);

  return node == NULL || JSON_NODE_HOLDS_NULL (node) ? PATELLA_PLAN_NONE
                                                     : json_node_get_int (node);
}

/* A checked plan row's text, or %NULL where it has none. */
static const char *
row_text (JsonObject *row,
          const char *member)
{
  JsonNode *node = json_object_get_member (row, member);

  return node == NULL || JSON_NODE_HOLDS_NULL (node) ? NULL : json_node_get_string (node);
}

static gint64
put_plan (PatellaStore  *store,
          JsonObject    *row,
          const char    *uuid,
          GError       **error)
{
  PatellaPlanRecord plan = {
    uuid, row_text (row, "started_day"), row_int (row, "started_us"), row_text (row, "rule"),
    row_text (row, "state"), row_int (row, "phase"), row_int (row, "streak"),
    row_int (row, "ex_level"), row_int (row, "ex_streak"),
  };

  return patella_plan_put_record (store, &plan, error);
}

/* An event of a plan that is neither in the export nor here has no plan:
 * the store refuses it, and the row is skipped with the reason. */
static gint64
put_plan_event (PatellaStore  *store,
                JsonObject    *row,
                const char    *uuid,
                GError       **error)
{
  g_autofree char *plan_uuid = g_ascii_strdown (row_text (row, "plan_uuid"), -1);
  gint64 plan_id = patella_plan_find (store, plan_uuid, error);
  PatellaPlanEventRecord event = {
    uuid, plan_id, row_text (row, "date"), row_int (row, "at_us"), row_text (row, "kind"),
    row_int (row, "phase"), row_int (row, "pain"), row_int (row, "pain_after"),
    row_int (row, "duration_s"), row_int (row, "decided") != 0, row_text (row, "decision"),
    row_text (row, "reason"), row_text (row, "ref_day"), row_int (row, "value"),
    row_int (row, "ex_level"), row_text (row, "note"),
  };

  if (plan_id < 0)
    return 0;

  return patella_plan_event_put_record (store, &event, error);
}

static gint64
put_walk_run (PatellaStore  *store,
              JsonObject    *row,
              const char    *uuid,
              GError       **error)
{
  PatellaWalkRunRecord walk_run = {
    uuid, row_text (row, "date"), row_int (row, "phase"), row_int (row, "warm_up_s"),
    row_int (row, "run_s"), row_int (row, "walk_s"), row_int (row, "repeats"),
    row_text (row, "state"), row_int (row, "started_us"), row_int (row, "ends_us"),
    row_int (row, "remaining_s"), row_int (row, "ended_us"), row_int (row, "pain"),
  };

  return patella_walk_run_put_record (store, &walk_run, error);
}

typedef gint64 (*PlanRowFunc) (PatellaStore  *store,
                               JsonObject    *row,
                               const char    *uuid,
                               GError       **error);
typedef gint64 (*PlanFindFunc) (PatellaStore  *store,
                                const char    *uuid,
                                GError       **error);

/* Each table's model: how it finds a row by identity, and writes one. */
static const struct
{
  PlanFindFunc find;
  PlanRowFunc  put;
} plan_models[PLAN_N_TABLES] = {
  [PLAN_TABLE_PLANS] = { patella_plan_find, put_plan },
  [PLAN_TABLE_EVENTS] = { patella_plan_event_find, put_plan_event },
  [PLAN_TABLE_WALK_RUNS] = { patella_walk_run_find, put_walk_run },
};

/* Plans, their events and walk/run sessions, by identity: one already there
 * is the same; one that breaks a rule here (a second open plan, a second
 * session on a day, a second running walk/run) is skipped with the reason. */
static gboolean
write_plan_tables (Job                *job,
                   PatellaImportData  *data,
                   GError            **error)
{
  PatellaStore *store = job->store;

  for (guint t = 0; t < PLAN_N_TABLES; t++)
    {
      const PlanTable *table = &patella_import_plan_tables[t];

      for (guint i = 0; i < data->plan_rows[t]->len; i++)
        {
          g_autoptr(PatellaTransaction) item = NULL;
          JsonObject *row = g_ptr_array_index (data->plan_rows[t], i);
          g_autofree char *uuid = g_ascii_strdown (json_object_get_string_member (row, "uuid"),
                                                   -1);
          g_autoptr(GError) local_error = NULL;
          gint64 id;

          if (!job_step (job, error))
            return FALSE;

          id = plan_models[t].find (store, uuid, error);
          if (id < 0)
            return prefix_item (error, table->member, i);
          if (id > 0)
            {
              patella_import_report_skip (job->report,
                                          g_strdup_printf (_("In “%s”, item %u: the same item is "
                                                             "already there."),
                                                           table->member, i + 1));
              continue;
            }

          item = patella_store_transaction (store, error);
          if (item == NULL)
            return FALSE;

          if (plan_models[t].put (store, row, uuid, &local_error) == 0 ||
              !patella_transaction_commit (item, &local_error))
            {
              g_clear_pointer (&item, patella_transaction_free);
              if (!g_error_matches (local_error, PATELLA_ERROR, PATELLA_ERROR_CONSTRAINT))
                {
                  g_propagate_error (error, g_steal_pointer (&local_error));
                  return prefix_item (error, table->member, i);
                }

              patella_import_report_skip (job->report,
                                          g_strdup_printf (_("In “%s”, item %u: it does not fit "
                                                             "with what Patella has (%s)."),
                                                           table->member, i + 1,
                                                           local_error->message));
              continue;
            }

          job->report->imported++;
        }
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
  g_autoptr(PatellaTransaction) tx = NULL;
  g_autoptr(PatellaImportReport) report = patella_import_report_new ();
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

  tx = patella_store_transaction (store, error);
  if (tx == NULL)
    return NULL;

  /* Shoes first: runs refer to them by name. */
  if (!write_shoes (&job, parsed, replace, error) ||
      !write_runs (&job, parsed, replace, error) ||
      !write_journal (&job, parsed, replace, error) ||
      !write_sessions (&job, parsed, error) ||
      !write_routines (&job, parsed, replace, error) ||
      !write_plan_tables (&job, parsed, error) ||
      !patella_transaction_commit (tx, error))
    return NULL;

  if (progress != NULL)
    progress (1.0, user_data);

  patella_store_emit_all_changed (store);
  return g_steal_pointer (&report);
}
