/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <sqlite3.h>

#include "patella-error.h"
#include "patella-journal.h"
#include "patella-journal-model.h"
#include "patella-parse.h"
#include "patella-schema.h"
#include "patella-test-db.h"
#include "patella-test-store.h"
#include "patella-test-utils.h"
#include "patella-store-private.h"

typedef PatellaStoreFixture Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  patella_store_fixture_open (fixture, patella_test_local_us (2026, 3, 14, 12, 0));
}

static void
save_ok (Fixture                    *fixture,
         const char                 *day,
         const PatellaJournalChange *change,
         gboolean                    expect_created)
{
  g_autoptr(GError) error = NULL;
  gboolean created = !expect_created;

  g_assert_true (patella_journal_save (fixture->store, day, change, &created, &error));
  g_assert_no_error (error);
  g_assert_cmpint (created, ==, expect_created);
}

static void
save_ok_in (PatellaStore               *store,
            const char                 *day,
            const PatellaJournalChange *change)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (patella_journal_save (store, day, change, NULL, &error));
  g_assert_no_error (error);
}

static void
save_pain (Fixture    *fixture,
           const char *day,
           int         pain)
{
  PatellaJournalChange change = PATELLA_JOURNAL_CHANGE_INIT;

  change.pain_rest = pain;
  g_assert_true (patella_journal_save (fixture->store, day, &change, NULL, NULL));
}

static void
count_cb (guint *n)
{
  (*n)++;
}

static void
test_create_update_delete (Fixture       *fixture,
                           gconstpointer  data)
{
  static const char * const symptoms[] = { "swelling", "pain-stairs", "swelling", NULL };
  static const char * const fewer[] = { "grinding", NULL };
  PatellaJournalChange change = PATELLA_JOURNAL_CHANGE_INIT;
  PatellaJournalChange update = PATELLA_JOURNAL_CHANGE_INIT;
  g_autoptr(PatellaJournalEntry) entry = NULL;
  g_autoptr(PatellaJournalEntry) updated = NULL;
  g_autoptr(PatellaJournalEntry) gone = NULL;
  g_autoptr(GError) error = NULL;
  guint changes = 0;

  g_signal_connect_swapped (fixture->store, "changed::journal", G_CALLBACK (count_cb), &changes);

  change.pain_rest = 3;
  change.pain_activity = 6;
  change.symptoms = symptoms;
  change.note = "Ran 5 km; knee sore on stairs";
  save_ok (fixture, "2026-03-14", &change, TRUE);

  entry = patella_journal_get (fixture->store, "2026-03-14", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (patella_journal_entry_get_day (entry), ==, "2026-03-14");
  g_assert_cmpint (patella_journal_entry_get_pain_rest (entry), ==, 3);
  g_assert_cmpint (patella_journal_entry_get_pain_activity (entry), ==, 6);
  g_assert_cmpint (patella_journal_entry_get_pain_morning (entry), ==, PATELLA_PAIN_NONE);
  /* Once each, in catalog order. */
  g_assert_cmpstrv (patella_journal_entry_get_symptoms (entry),
                    ((const char * const[]) { "pain-stairs", "swelling", NULL }));
  g_assert_cmpstr (patella_journal_entry_get_note (entry), ==, "Ran 5 km; knee sore on stairs");
  g_assert_cmpint (patella_journal_entry_get_updated_us (entry), ==,
                   patella_test_local_us (2026, 3, 14, 12, 0));

  /* An update changes only what it names. */
  update.pain_morning = 4;
  update.symptoms = fewer;
  save_ok (fixture, "2026-03-14", &update, FALSE);

  updated = patella_journal_get (fixture->store, "2026-03-14", &error);
  g_assert_cmpint (patella_journal_entry_get_pain_rest (updated), ==, 3);
  g_assert_cmpint (patella_journal_entry_get_pain_activity (updated), ==, 6);
  g_assert_cmpint (patella_journal_entry_get_pain_morning (updated), ==, 4);
  g_assert_cmpstrv (patella_journal_entry_get_symptoms (updated),
                    ((const char * const[]) { "grinding", NULL }));
  g_assert_cmpstr (patella_journal_entry_get_note (updated), ==, "Ran 5 km; knee sore on stairs");

  /* An optional rating can be cleared again. */
  update = (PatellaJournalChange) PATELLA_JOURNAL_CHANGE_INIT;
  update.pain_activity = PATELLA_PAIN_NONE;
  save_ok (fixture, "2026-03-14", &update, FALSE);
  g_clear_object (&updated);
  updated = patella_journal_get (fixture->store, "2026-03-14", NULL);
  g_assert_cmpint (patella_journal_entry_get_pain_activity (updated), ==, PATELLA_PAIN_NONE);

  g_assert_true (patella_journal_delete (fixture->store, "2026-03-14", &error));
  g_assert_no_error (error);
  gone = patella_journal_get (fixture->store, "2026-03-14", &error);
  g_assert_no_error (error);
  g_assert_null (gone);
  g_assert_cmpint (patella_store_query_int (fixture->store,
                                            "SELECT count(*) FROM journal_symptom;", -1), ==, 0);

  g_assert_false (patella_journal_delete (fixture->store, "2026-03-14", &error));
  g_assert_error (error, PATELLA_ERROR, PATELLA_ERROR_NOT_FOUND);

  g_assert_cmpuint (changes, ==, 4);
}

static char *
entry_uuid (Fixture *fixture)
{
  g_autoptr(PatellaStmt) stmt = patella_store_prepare (fixture->store,
                                                       "SELECT uuid FROM journal_entry;", NULL);

  g_assert_nonnull (stmt);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
}

/* Editing a day rewrites the same entry: its identity (what an export and
 * another Patella know it by) and the instant it was written first stay. */
static void
test_edit_keeps_identity (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(PatellaJournalEntry) entry = NULL;
  g_autofree char *uuid = NULL;
  g_autofree char *uuid_after = NULL;
  gint64 first = patella_clock_get_now (fixture->clock);

  save_pain (fixture, "2026-03-14", 2);
  uuid = entry_uuid (fixture);
  g_assert_cmpuint (strlen (uuid), ==, 36);

  patella_clock_advance (fixture->clock, G_TIME_SPAN_HOUR);
  save_pain (fixture, "2026-03-14", 5);
  uuid_after = entry_uuid (fixture);
  g_assert_cmpstr (uuid_after, ==, uuid);
  g_assert_cmpint (patella_store_query_int (fixture->store, "SELECT count(*) FROM journal_entry;",
                                            -1), ==, 1);
  g_assert_cmpint (patella_store_query_int (fixture->store,
                                            "SELECT created_us FROM journal_entry;", -1),
                   ==, first);
  entry = patella_journal_get (fixture->store, "2026-03-14", NULL);
  g_assert_cmpint (patella_journal_entry_get_pain_rest (entry), ==, 5);
  g_assert_cmpint (patella_journal_entry_get_updated_us (entry), ==,
                   first + G_TIME_SPAN_HOUR);
}

static void
test_put_restores (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(PatellaJournalEntry) entry = patella_journal_entry_new ("2026-03-01");
  g_autoptr(PatellaJournalEntry) back = NULL;
  g_autoptr(GError) error = NULL;

  patella_journal_entry_set_pain_rest (entry, 2);
  patella_journal_entry_set_pain_morning (entry, 1);
  patella_journal_entry_set_symptoms (entry, (const char * const[]) { "locking", NULL });
  patella_journal_entry_set_note (entry, "kept");
  g_assert_true (patella_journal_put (fixture->store, entry, &error));
  g_assert_no_error (error);
  g_assert_true (patella_journal_delete (fixture->store, "2026-03-01", NULL));
  g_assert_true (patella_journal_put (fixture->store, entry, &error));

  back = patella_journal_get (fixture->store, "2026-03-01", NULL);
  g_assert_cmpint (patella_journal_entry_get_pain_morning (back), ==, 1);
  g_assert_true (patella_journal_entry_has_symptom (back, "locking"));
  g_assert_cmpstr (patella_journal_entry_get_note (back), ==, "kept");
}

typedef struct
{
  const char *name;
  const char *day;
  int         pain_rest;
  int         pain_activity;
  const char *symptom;
  const char *note;
  const char *message_part;
} BadInput;

static void
test_bad_input_changes_nothing (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autofree char *long_note = g_strnfill (PATELLA_NOTE_MAX_CHARS + 1, 'a');
  const BadInput cases[] = {
    { "pain -3", "2026-03-14", -3, PATELLA_PAIN_KEEP, NULL, NULL, "0 (none) to 10" },
    { "pain 11", "2026-03-14", 11, PATELLA_PAIN_KEEP, NULL, NULL, "0 (none) to 10" },
    { "activity 11", "2026-03-14", 2, 11, NULL, NULL, "0 (none) to 10" },
    { "no such day", "2026-02-30", 2, PATELLA_PAIN_KEEP, NULL, NULL, "calendar" },
    { "not a date", "yesterday", 2, PATELLA_PAIN_KEEP, NULL, NULL, "YYYY-MM-DD" },
    { "future", "2026-03-15", 2, PATELLA_PAIN_KEEP, NULL, NULL, "future" },
    { "new day with nothing", "2026-03-10", PATELLA_PAIN_KEEP, PATELLA_PAIN_KEEP, NULL, NULL,
      "a pain rating from 0 (none) to 10 (worst), a symptom or a note" },
    { "unknown symptom", "2026-03-14", 2, PATELLA_PAIN_KEEP, "wobbly", NULL,
      "ache-behind-kneecap, sharp-pain, pain-stairs, pain-downhill, pain-sitting, "
      "pain-squatting, swelling, grinding, locking, instability, outer-knee-pain" },
    { "note too long", "2026-03-14", 2, PATELLA_PAIN_KEEP, NULL, long_note, "10000" },
    { "invalid UTF-8", "2026-03-14", 2, PATELLA_PAIN_KEEP, NULL, "caf\xc3\x28", "UTF-8" },
  };
  PatellaJournalChange first = PATELLA_JOURNAL_CHANGE_INIT;
  g_autofree char *before = NULL;

  first.pain_rest = 1;
  first.note = "first";
  save_ok (fixture, "2026-03-14", &first, TRUE);
  before = patella_test_dump_db (fixture->path);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const char *symptoms[] = { cases[i].symptom, NULL };
      PatellaJournalChange change = PATELLA_JOURNAL_CHANGE_INIT;
      g_autoptr(GError) error = NULL;
      g_autofree char *after = NULL;

      g_test_message ("case: %s", cases[i].name);
      change.pain_rest = cases[i].pain_rest;
      change.pain_activity = cases[i].pain_activity;
      change.symptoms = cases[i].symptom != NULL ? symptoms : NULL;
      change.note = cases[i].note;

      g_assert_false (patella_journal_save (fixture->store, cases[i].day, &change, NULL, &error));
      g_assert_error (error, PATELLA_ERROR, PATELLA_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, cases[i].message_part));

      after = patella_test_dump_db (fixture->path);
      g_assert_cmpstr (before, ==, after);
    }

  /* The limit itself is accepted. */
  {
    g_autofree char *note = g_strnfill (PATELLA_NOTE_MAX_CHARS, 'b');
    PatellaJournalChange change = PATELLA_JOURNAL_CHANGE_INIT;

    change.note = note;
    save_ok (fixture, "2026-03-14", &change, FALSE);
  }
}

static void
test_text_stored_literally (Fixture       *fixture,
                            gconstpointer  data)
{
  static const char note[] = "Robert'); DROP TABLE journal_entry;-- \"quoted\" % _ \\ NULL";
  PatellaJournalChange change = PATELLA_JOURNAL_CHANGE_INIT;
  g_autoptr(PatellaJournalEntry) entry = NULL;
  g_autoptr(GPtrArray) found = NULL;

  change.pain_rest = 0;
  change.note = note;
  save_ok (fixture, "2026-03-13", &change, TRUE);

  entry = patella_journal_get (fixture->store, "2026-03-13", NULL);
  g_assert_cmpstr (patella_journal_entry_get_note (entry), ==, note);

  /* Searching with the same characters is no syntax error either. */
  found = patella_journal_fetch (fixture->store, "\"quoted\" DROP'); -- *", 0, 10, NULL);
  g_assert_nonnull (found);
  g_assert_cmpuint (found->len, ==, 1);
  g_clear_pointer (&found, g_ptr_array_unref);
  found = patella_journal_fetch (fixture->store, "\" ' ( ) * : ^ -", 0, 10, NULL);
  g_assert_nonnull (found);
}

static void
test_list_range (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) some = NULL;

  save_pain (fixture, "2026-03-12", 1);
  save_pain (fixture, "2026-03-01", 2);
  save_pain (fixture, "2026-02-20", 3);
  save_pain (fixture, "2026-03-14", 4);

  all = patella_journal_list (fixture->store, NULL, NULL, NULL);
  g_assert_cmpuint (all->len, ==, 4);
  g_assert_cmpstr (patella_journal_entry_get_day (g_ptr_array_index (all, 0)), ==, "2026-02-20");
  g_assert_cmpstr (patella_journal_entry_get_day (g_ptr_array_index (all, 3)), ==, "2026-03-14");

  some = patella_journal_list (fixture->store, "2026-03-01", "2026-03-12", NULL);
  g_assert_cmpuint (some->len, ==, 2);
  g_assert_cmpstr (patella_journal_entry_get_day (g_ptr_array_index (some, 0)), ==, "2026-03-01");
}

static void
test_search (Fixture       *fixture,
             gconstpointer  data)
{
  PatellaJournalChange change = PATELLA_JOURNAL_CHANGE_INIT;
  static const char * const swelling[] = { "swelling", NULL };
  g_autoptr(GPtrArray) found = NULL;

  change.pain_rest = 2;
  change.note = "Easy run along the river, knee fine";
  save_ok (fixture, "2026-03-10", &change, TRUE);
  change.note = "Hill repeats; downhill hurt";
  change.symptoms = swelling;
  save_ok (fixture, "2026-03-11", &change, TRUE);
  change.note = "Rest day. Iced twice.";
  change.symptoms = NULL;
  save_ok (fixture, "2026-03-12", &change, TRUE);

  g_assert_cmpint (patella_journal_count (fixture->store, NULL, NULL), ==, 3);
  g_assert_cmpint (patella_journal_count (fixture->store, "", NULL), ==, 3);
  g_assert_cmpint (patella_journal_count (fixture->store, "river", NULL), ==, 1);
  /* Words are prefixes, case does not matter, every word must be there. */
  g_assert_cmpint (patella_journal_count (fixture->store, "RIV", NULL), ==, 1);
  g_assert_cmpint (patella_journal_count (fixture->store, "knee fine", NULL), ==, 1);
  g_assert_cmpint (patella_journal_count (fixture->store, "knee hill", NULL), ==, 0);
  /* Symptoms by code or by name. */
  g_assert_cmpint (patella_journal_count (fixture->store, "swell", NULL), ==, 1);
  g_assert_cmpint (patella_journal_count (fixture->store, "Swelling", NULL), ==, 1);
  g_assert_cmpint (patella_journal_count (fixture->store, "nothing", NULL), ==, 0);

  found = patella_journal_fetch (fixture->store, "iced", 0, 10, NULL);
  g_assert_cmpuint (found->len, ==, 1);
  g_assert_cmpstr (patella_journal_entry_get_day (g_ptr_array_index (found, 0)), ==, "2026-03-12");

  /* The index follows updates and deletes. */
  change = (PatellaJournalChange) PATELLA_JOURNAL_CHANGE_INIT;
  change.note = "Bike ride";
  save_ok (fixture, "2026-03-10", &change, FALSE);
  g_assert_cmpint (patella_journal_count (fixture->store, "river", NULL), ==, 0);
  g_assert_cmpint (patella_journal_count (fixture->store, "bike", NULL), ==, 1);
  g_assert_true (patella_journal_delete (fixture->store, "2026-03-10", NULL));
  g_assert_cmpint (patella_journal_count (fixture->store, "bike", NULL), ==, 0);
  g_assert_cmpint (patella_store_query_int (fixture->store,
                                            "SELECT count(*) FROM journal_fts WHERE journal_fts"
                                            " MATCH 'bike';", -1), ==, 0);
}

static void
test_activity_derived (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GArray) days = NULL;
  PatellaDayActivity activity;

  g_assert_true (patella_store_exec (fixture->store,
                                     "INSERT INTO run (day, distance_m, created_us) VALUES"
                                     " ('2026-03-12', 5000, 0), ('2026-03-12', 3000, 0),"
                                     " ('2026-03-13', 8000, 0);"
                                     "INSERT INTO session (kind, day, state, started_us, planned_s,"
                                     "  ended_us, duration_s) VALUES"
                                     " ('icing', '2026-03-12', 'finished', 0, 900, 1, 900),"
                                     " ('icing', '2026-03-12', 'cancelled', 0, 900, 1, 60),"
                                     " ('icing', '2026-03-14', 'finished', 0, 900, 1, 900),"
                                     " ('exercise', '2026-03-14', 'finished', 0, 900, 1, 900);",
                                     NULL));

  days = patella_journal_list_activity (fixture->store, "2026-03-01", "2026-03-14", NULL);
  g_assert_cmpuint (days->len, ==, 3);
  g_assert_cmpstr (g_array_index (days, PatellaDayActivity, 0).day, ==, "2026-03-12");
  g_assert_cmpuint (g_array_index (days, PatellaDayActivity, 0).runs, ==, 2);
  g_assert_cmpint (g_array_index (days, PatellaDayActivity, 0).distance_m, ==, 8000);
  g_assert_cmpuint (g_array_index (days, PatellaDayActivity, 0).icing, ==, 1);
  g_assert_cmpuint (g_array_index (days, PatellaDayActivity, 2).icing, ==, 1);
  g_assert_cmpuint (g_array_index (days, PatellaDayActivity, 2).exercise, ==, 1);

  g_assert_true (patella_journal_get_activity (fixture->store, "2026-03-13", &activity, NULL));
  g_assert_cmpuint (activity.runs, ==, 1);
  g_assert_cmpuint (activity.icing, ==, 0);
  g_assert_true (patella_journal_get_activity (fixture->store, "2026-03-01", &activity, NULL));
  g_assert_cmpstr (activity.day, ==, "2026-03-01");
  g_assert_cmpuint (activity.runs, ==, 0);
}

static guint last_position;

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  guint      *n_signals)
{
  last_position = position;
  (*n_signals)++;
}

static void
test_model_on_demand (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(PatellaJournalModel) model = NULL;
  g_autoptr(PatellaJournalEntry) first = NULL;
  g_autoptr(PatellaJournalEntry) last = NULL;
  g_autoptr(PatellaJournalEntry) middle = NULL;
  guint n_signals = 0;

  /* 100 000 days, one a day back from 2026-03-13. */
  g_assert_true (patella_store_exec (fixture->store,
                                     "WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1"
                                     "  FROM n WHERE i < 100000)"
                                     " INSERT INTO journal_entry (day, pain_rest, note, created_us,"
                                     "  updated_us)"
                                     " SELECT date ('2026-03-14', '-' || i || ' days'), i % 11,"
                                     "  'note ' || i, 0, 0 FROM n;",
                                     NULL));

  model = patella_journal_model_new (fixture->store);
  g_signal_connect (model, "items-changed", G_CALLBACK (items_changed_cb), &n_signals);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 100000);
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (model)) == PATELLA_TYPE_JOURNAL_ENTRY);
  g_assert_cmpuint (patella_journal_model_get_n_cached (model), ==, 0);

  first = g_list_model_get_item (G_LIST_MODEL (model), 0);
  g_assert_cmpstr (patella_journal_entry_get_day (first), ==, "2026-03-13");
  last = g_list_model_get_item (G_LIST_MODEL (model), 99999);
  g_assert_cmpstr (patella_journal_entry_get_day (last), ==, "1752-05-29");
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (model), 100000));

  /* Walking the whole list keeps only a few pages. */
  for (guint i = 0; i < 100000; i += 37)
    {
      g_autoptr(PatellaJournalEntry) entry = g_list_model_get_item (G_LIST_MODEL (model), i);
      g_assert_nonnull (entry);
    }
  g_assert_cmpuint (patella_journal_model_get_n_cached (model), <=, 1000);

  middle = g_list_model_get_item (G_LIST_MODEL (model), 50000);
  g_assert_cmpstr (patella_journal_entry_get_note (middle), ==, "note 50001");

  /* A search narrows the list; a change outside what it shows says nothing. */
  patella_journal_model_set_search (model, "50001");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 1);
  g_assert_cmpuint (n_signals, ==, 1);
  save_pain (fixture, "2026-03-12", 5);
  g_assert_cmpuint (n_signals, ==, 1);
  patella_journal_model_set_search (model, "  ");
  g_assert_null (patella_journal_model_get_search (model));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 100000);
  g_assert_cmpuint (n_signals, ==, 2);

  /* A change to a row the list shows says that row changed, and only it. */
  {
    g_autoptr(PatellaJournalEntry) shown = g_list_model_get_item (G_LIST_MODEL (model), 1);
    g_autoptr(PatellaJournalEntry) again = NULL;

    g_assert_cmpstr (patella_journal_entry_get_day (shown), ==, "2026-03-12");
    save_pain (fixture, "2026-03-12", 9);
    g_assert_cmpuint (n_signals, ==, 3);
    g_assert_cmpuint (last_position, ==, 1);
    again = g_list_model_get_item (G_LIST_MODEL (model), 1);
    g_assert_cmpint (patella_journal_entry_get_pain_rest (again), ==, 9);
  }

  /* Another program's commit that touches no row (a run it logged: every
   * kind may have changed) says nothing; a change to a shown row after it
   * is still told. */
  patella_store_emit_all_changed (fixture->store);
  g_assert_cmpuint (n_signals, ==, 3);
  save_pain (fixture, "2026-03-12", 2);
  g_assert_cmpuint (n_signals, ==, 4);
  g_assert_cmpuint (last_position, ==, 1);
  {
    g_autoptr(PatellaJournalEntry) again = g_list_model_get_item (G_LIST_MODEL (model), 1);

    g_assert_cmpint (patella_journal_entry_get_pain_rest (again), ==, 2);
  }

  /* A new day comes in where it belongs. */
  save_pain (fixture, "2026-03-14", 4);
  g_assert_cmpuint (n_signals, ==, 5);
  g_assert_cmpuint (last_position, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 100001);
}

static void
test_symptom_catalog (void)
{
  const char * const *codes = patella_symptom_get_codes ();
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (g_strv_length ((GStrv) codes), ==, 16);
  for (guint i = 0; codes[i] != NULL; i++)
    {
      g_assert_nonnull (patella_symptom_get_label (codes[i]));
      g_assert_true (patella_symptom_check (codes[i], NULL));
    }

  g_assert_true (patella_symptom_is_red_flag ("swelling"));
  g_assert_true (patella_symptom_is_red_flag ("locking"));
  g_assert_true (patella_symptom_is_red_flag ("instability"));
  g_assert_true (patella_symptom_is_red_flag ("cannot-bear-weight"));
  g_assert_true (patella_symptom_is_red_flag ("hot-red-or-fever"));
  g_assert_true (patella_symptom_is_red_flag ("fall-or-twist"));
  g_assert_true (patella_symptom_is_red_flag ("night-pain"));
  g_assert_true (patella_symptom_is_red_flag ("very-swollen"));
  g_assert_true (patella_symptom_is_red_flag ("outer-knee-pain"));
  g_assert_false (patella_symptom_is_red_flag ("grinding"));
  g_assert_null (patella_symptom_get_label ("nope"));
  g_assert_false (patella_symptom_check ("Swelling", &error));
  g_assert_error (error, PATELLA_ERROR, PATELLA_ERROR_INVALID);
}

static void
test_day_arithmetic (void)
{
  g_autofree char *next = patella_day_add_days ("2024-02-28", 1);
  g_autofree char *back = patella_day_add_days ("2026-03-01", -1);

  g_assert_cmpstr (next, ==, "2024-02-29");
  g_assert_cmpstr (back, ==, "2026-02-28");
  g_assert_cmpint (patella_day_diff ("2026-03-01", "2026-03-14"), ==, 13);
  g_assert_cmpint (patella_day_diff ("2026-03-14", "2026-03-01"), ==, -13);
}

/* The first column of the first row of @sql, as text ("NULL" for null). */
static char *
raw_text (const char *path,
          const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char *text = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    text = g_strdup (sqlite3_column_type (stmt, 0) == SQLITE_NULL ?
                     "NULL" : (const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return text;
}

/* Asserts what raw_text() reads; %NULL for no row. */
static void
assert_raw_text (const char *path,
                 const char *sql,
                 const char *expected)
{
  g_autofree char *text = raw_text (path, sql);

  g_assert_cmpstr (text, ==, expected);
}

/* Version 6 lets pain at rest be unrated: the table is built again, and a
 * version-5 journal keeps its rows, ids, uuids, symptoms and search. */
static void
test_migration_rest_optional (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = patella_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "version-5.db", NULL);
  g_autoptr(PatellaClock) clock = patella_clock_new_fake (patella_test_local_us (2026,
                                                                                 3, 14, 12, 0));
  g_autoptr(PatellaStore) store = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autofree char *uuid_before = NULL;
  g_autofree char *uuid_after = NULL;
  PatellaJournalChange change = PATELLA_JOURNAL_CHANGE_INIT;
  const char *swelling[] = { "swelling", NULL };
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  for (guint i = 0; i < 5; i++)
    g_assert_cmpint (sqlite3_exec (db, patella_schema_migrations[i], NULL, NULL, NULL), ==,
                     SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db,
                                 "PRAGMA user_version = 5;"
                                 "INSERT INTO journal_entry (id, day, pain_rest, pain_activity,"
                                 "  note, created_us, updated_us) VALUES"
                                 "  (3, '2026-03-01', 2, 5, 'sore after the hills', 1, 1),"
                                 "  (7, '2026-03-02', 4, NULL, 'stairs were hard', 2, 2),"
                                 "  (9, '2026-03-03', 0, NULL, '', 3, 3);"
                                 "INSERT INTO journal_symptom (day, code) VALUES"
                                 "  ('2026-03-01', 'swelling'), ('2026-03-01', 'locking'),"
                                 "  ('2026-03-02', 'pain-stairs');",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  /* Version 5 refuses an unrated pain at rest. */
  g_assert_cmpint (sqlite3_exec (db, "INSERT INTO journal_entry (day, note, created_us,"
                                 " updated_us) VALUES ('2026-03-04', '', 4, 4);",
                                 NULL, NULL, NULL), !=, SQLITE_OK);
  sqlite3_close (db);
  uuid_before = raw_text (path, "SELECT group_concat (id || uuid) FROM journal_entry;");
  g_assert_cmpuint (strlen (uuid_before), >, 3 * 36);

  store = patella_store_open (path, clock, &error);
  g_assert_no_error (error);
  g_assert_cmpint (patella_store_get_schema_version (store), ==, 6);

  /* Every row with its id and uuid, symptoms, and the search. */
  uuid_after = raw_text (path, "SELECT group_concat (id || uuid) FROM journal_entry;");
  g_assert_cmpstr (uuid_after, ==, uuid_before);
  entries = patella_journal_list (store, "2026-03-01", "2026-03-03", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 3);
  g_assert_cmpint (patella_journal_entry_get_pain_rest (g_ptr_array_index (entries, 0)), ==, 2);
  g_assert_cmpint (patella_journal_entry_get_pain_activity (g_ptr_array_index (entries, 0)), ==, 5);
  g_assert_true (patella_journal_entry_has_symptom (g_ptr_array_index (entries, 0), "swelling"));
  g_assert_true (patella_journal_entry_has_symptom (g_ptr_array_index (entries, 0), "locking"));
  g_assert_true (patella_journal_entry_has_symptom (g_ptr_array_index (entries, 1),
                                                    "pain-stairs"));
  g_assert_cmpint (patella_journal_entry_get_pain_rest (g_ptr_array_index (entries, 2)), ==, 0);
  g_assert_cmpint (patella_journal_count (store, "hills", &error), ==, 1);
  g_assert_cmpint (patella_journal_count (store, "stairs", &error), ==, 1);
  assert_raw_text (path, "PRAGMA integrity_check;", "ok");
  assert_raw_text (path, "PRAGMA foreign_key_check;", NULL);

  /* A symptom on a new day leaves pain at rest unrated: NULL in the row. */
  change.symptoms_add = swelling;
  save_ok_in (store, "2026-03-10", &change);
  assert_raw_text (path, "SELECT coalesce (pain_rest, 'NULL') || ' ' || length (uuid)"
                         " FROM journal_entry WHERE day = '2026-03-10';", "NULL 36");

  /* The triggers are back: a new note is found, a changed one too, and a
   * deleted day takes its symptoms along. */
  change = (PatellaJournalChange) PATELLA_JOURNAL_CHANGE_INIT;
  change.note = "knee clicked on the bike";
  save_ok_in (store, "2026-03-10", &change);
  g_assert_cmpint (patella_journal_count (store, "bike", &error), ==, 1);
  change.note = "sore after the hills again";
  save_ok_in (store, "2026-03-10", &change);
  g_assert_cmpint (patella_journal_count (store, "bike", &error), ==, 0);
  g_assert_cmpint (patella_journal_count (store, "hills", &error), ==, 2);
  g_assert_true (patella_journal_delete (store, "2026-03-01", &error));
  g_assert_no_error (error);
  assert_raw_text (path, "SELECT count (*) FROM journal_symptom WHERE day = '2026-03-01';",
                   "0");
  g_assert_cmpint (patella_journal_count (store, "hills", &error), ==, 1);
  g_assert_false (patella_store_exec (store, "UPDATE journal_entry SET uuid = 'short';", NULL));
  g_assert_false (patella_store_exec (store, "UPDATE journal_entry SET pain_rest = 11;", NULL));

  g_clear_object (&store);
  patella_test_remove_dir (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/journal/" name, Fixture, NULL, fixture_set_up, func, \
              patella_store_fixture_tear_down)

  ADD ("create-update-delete", test_create_update_delete);
  ADD ("put-restores", test_put_restores);
  ADD ("edit-keeps-identity", test_edit_keeps_identity);
  ADD ("bad-input-changes-nothing", test_bad_input_changes_nothing);
  ADD ("text-stored-literally", test_text_stored_literally);
  ADD ("list-range", test_list_range);
  ADD ("search", test_search);
  ADD ("activity-derived", test_activity_derived);
  ADD ("model-on-demand", test_model_on_demand);

#undef ADD

  g_test_add_func ("/journal/symptom-catalog", test_symptom_catalog);
  g_test_add_func ("/journal/migration-rest-optional", test_migration_rest_optional);
  g_test_add_func ("/journal/day-arithmetic", test_day_arithmetic);

  return g_test_run ();
}
