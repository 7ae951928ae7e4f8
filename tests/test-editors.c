/* SPDX-License-Identifier: GPL-3.0-or-later */
/* An editor writes only what the user changed: nothing another program saved
 * meanwhile is overwritten with a stale copy. */
#include "config.h"

#include "patella-error.h"
#include "patella-journal-edit.h"
#include "patella-shoes.h"
#include "patella-test-data.h"
#include "patella-test-store.h"

typedef PatellaStoreFixture Fixture;

#define fixture_set_up patella_store_fixture_set_up
#define fixture_tear_down patella_store_fixture_tear_down

#define DAY "2026-03-14"

static PatellaStore *
open_second (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  PatellaStore *store = patella_store_open (fixture->path, fixture->clock, &error);

  g_assert_no_error (error);
  return store;
}

static PatellaJournalEntry *
get (PatellaStore *store)
{
  g_autoptr(GError) error = NULL;
  PatellaJournalEntry *entry = patella_journal_get (store, DAY, &error);

  g_assert_no_error (error);
  return entry;
}

static void
cli_writes (PatellaStore *store,
            int           morning,
            const char   *note,
            const char   *symptom)
{
  g_autoptr(GError) error = NULL;
  PatellaJournalChange change = PATELLA_JOURNAL_CHANGE_INIT;
  const char *codes[] = { symptom, NULL };

  change.pain_rest_if_new = 1;
  change.pain_morning = morning;
  change.note = note;
  if (symptom != NULL)
    change.symptoms_add = codes;
  g_assert_true (patella_journal_save (store, DAY, &change, NULL, &error));
  g_assert_no_error (error);
}

/* The window opens the day the command line wrote with @note: an edit of
 * the stored entry, nothing changed yet. */
static PatellaJournalEdit *
open_day (Fixture      *fixture,
          PatellaStore *cli,
          const char   *note)
{
  g_autoptr(PatellaJournalEntry) opened = NULL;

  cli_writes (cli, PATELLA_PAIN_NONE, note, NULL);
  opened = get (fixture->store);
  return patella_journal_edit_new (DAY, opened);
}

static void
test_writes_only_changes (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(PatellaStore) cli = open_second (fixture);
  g_autoptr(PatellaJournalEntry) after = NULL;
  g_autoptr(PatellaJournalEdit) edit = NULL;
  g_autoptr(GError) error = NULL;

  edit = open_day (fixture, cli, "first");

  /* The command line changes the morning rating, the note and a symptom
   * while the window has the day open. */
  cli_writes (cli, 2, "typed at the terminal", "grinding");

  /* The user ticks a symptom in the window. */
  patella_journal_edit_set_symptom (edit, "swelling", TRUE);
  g_assert_cmpint (patella_journal_edit_get_dirty (edit), ==, PATELLA_JOURNAL_FIELD_SYMPTOMS);
  g_assert_true (patella_journal_edit_save (edit, fixture->store, 0, &error));
  g_assert_no_error (error);

  after = get (fixture->store);
  g_assert_cmpint (patella_journal_entry_get_pain_morning (after), ==, 2);
  g_assert_cmpstr (patella_journal_entry_get_note (after), ==, "typed at the terminal");
  g_assert_true (patella_journal_entry_has_symptom (after, "grinding"));
  g_assert_true (patella_journal_entry_has_symptom (after, "swelling"));
  g_assert_cmpint (patella_journal_entry_get_pain_rest (after), ==, 1);
  g_assert_cmpint (patella_journal_edit_get_dirty (edit), ==, PATELLA_JOURNAL_FIELD_NONE);
}

static void
test_untouched_fields_follow (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(PatellaStore) cli = open_second (fixture);
  g_autoptr(PatellaJournalEntry) now = NULL;
  g_autoptr(PatellaJournalEdit) edit = NULL;
  PatellaJournalFields conflicts = PATELLA_JOURNAL_FIELD_NONE;
  PatellaJournalFields changed;

  edit = open_day (fixture, cli, "");
  patella_journal_edit_set_pain_activity (edit, 4);

  cli_writes (cli, 3, "from elsewhere", "locking");
  now = get (fixture->store);
  changed = patella_journal_edit_update (edit, now, &conflicts);

  g_assert_cmpint (changed, ==, PATELLA_JOURNAL_FIELD_MORNING | PATELLA_JOURNAL_FIELD_NOTE |
                                PATELLA_JOURNAL_FIELD_SYMPTOMS);
  g_assert_cmpint (conflicts, ==, PATELLA_JOURNAL_FIELD_NONE);
  g_assert_cmpint (patella_journal_edit_get_dirty (edit), ==, PATELLA_JOURNAL_FIELD_ACTIVITY);
}

static void
test_conflict_keeps_users_text (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(PatellaStore) cli = open_second (fixture);
  g_autoptr(PatellaJournalEntry) now = NULL;
  g_autoptr(PatellaJournalEntry) after = NULL;
  g_autoptr(PatellaJournalEdit) edit = NULL;
  g_autoptr(GError) error = NULL;
  PatellaJournalFields conflicts = PATELLA_JOURNAL_FIELD_NONE;

  edit = open_day (fixture, cli, "start");
  patella_journal_edit_set_note (edit, "start, and what I am typing");

  cli_writes (cli, PATELLA_PAIN_NONE, "start, and the terminal's words", NULL);
  now = get (fixture->store);
  patella_journal_edit_update (edit, now, &conflicts);
  g_assert_cmpint (conflicts, ==, PATELLA_JOURNAL_FIELD_NOTE);

  /* The other text is still there to offer… */
  g_assert_cmpstr (patella_journal_entry_get_note (patella_journal_edit_get_stored (edit)), ==,
                   "start, and the terminal's words");
  /* …and the user's text is what is saved unless the user picks the other. */
  g_assert_true (patella_journal_edit_save (edit, fixture->store, 0, &error));
  after = get (fixture->store);
  g_assert_cmpstr (patella_journal_entry_get_note (after), ==, "start, and what I am typing");
}

static void
test_failed_save_stays_pending (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(PatellaStore) cli = open_second (fixture);
  g_autoptr(PatellaJournalEdit) edit = patella_journal_edit_new (DAY, NULL);
  g_autoptr(PatellaJournalEntry) after = NULL;
  g_autoptr(GError) error = NULL;

  patella_journal_edit_set_note (edit, "written while locked");

  /* Another program holds the write lock past the busy timeout. */
  g_assert_true (patella_store_exec (cli, "PRAGMA busy_timeout = 0; BEGIN IMMEDIATE;", NULL));
  g_assert_true (patella_store_exec (fixture->store, "PRAGMA busy_timeout = 50;", NULL));
  g_assert_false (patella_journal_edit_save (edit, fixture->store, 0, &error));
  g_assert_error (error, PATELLA_ERROR, PATELLA_ERROR_BUSY);
  g_clear_error (&error);
  g_assert_cmpint (patella_journal_edit_get_dirty (edit), ==, PATELLA_JOURNAL_FIELD_NOTE);

  /* Released: the same edit saves. */
  g_assert_true (patella_store_exec (cli, "COMMIT;", NULL));
  g_assert_true (patella_journal_edit_save (edit, fixture->store, 0, &error));
  g_assert_no_error (error);
  after = get (fixture->store);
  g_assert_cmpstr (patella_journal_entry_get_note (after), ==, "written while locked");
}

static gint64
add_run (PatellaStore *store,
         const char   *note)
{
  return patella_test_add_run (store, NULL, DAY, 5000, PATELLA_SHOE_NONE, note);
}

/* The run dialog saves the distance the user changed; the note the command
 * line changed meanwhile stays. */
static void
test_run_keeps_other_changes (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(PatellaStore) cli = open_second (fixture);
  g_autoptr(GError) error = NULL;
  g_autoptr(PatellaRun) shown = NULL;
  g_autoptr(PatellaRun) other = NULL;
  g_autoptr(PatellaRun) after = NULL;
  gint64 id = add_run (fixture->store, "first");
  PatellaRun edited;

  shown = patella_run_get (fixture->store, id, &error);
  g_assert_no_error (error);

  other = patella_run_get (cli, id, &error);
  g_free (other->note);
  other->note = g_strdup ("from the terminal");
  other->pain = 3;
  g_assert_true (patella_run_edit (cli, NULL, other, &error));
  g_assert_no_error (error);

  edited = *shown;
  edited.distance_m = 7000;
  g_assert_true (patella_run_edit_changes (fixture->store, NULL, shown, &edited, &error));
  g_assert_no_error (error);

  after = patella_run_get (fixture->store, id, &error);
  g_assert_cmpint (after->distance_m, ==, 7000);
  g_assert_cmpstr (after->note, ==, "from the terminal");
  g_assert_cmpint (after->pain, ==, 3);
}

static void
test_shoe_keeps_other_changes (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(PatellaStore) cli = open_second (fixture);
  g_autoptr(GError) error = NULL;
  g_autoptr(PatellaShoe) after = NULL;
  PatellaShoeInput shown = { .name = "Road pair", .brand = "", .first_used = "",
                             .warn_m = 482803, .limit_m = 804672 };
  PatellaShoeInput edited;
  PatellaShoeInput renamed;
  gint64 id = patella_shoe_add (fixture->store, NULL, &shown, &error);

  g_assert_no_error (error);

  /* Renamed on the command line… */
  renamed = shown;
  renamed.name = "Road pair (old)";
  g_assert_true (patella_shoe_edit (cli, NULL, id, &renamed, &error));

  /* …while the window changes the limit. */
  edited = shown;
  edited.limit_m = 643738;
  g_assert_true (patella_shoe_edit_changes (fixture->store, NULL, id, &shown, &edited, &error));
  g_assert_no_error (error);

  after = patella_shoe_get (fixture->store, id, &error);
  g_assert_cmpstr (after->name, ==, "Road pair (old)");
  g_assert_cmpint (after->limit_m, ==, 643738);
}

/* Ticking a symptom on a day without an entry rates nothing: pain at rest
 * stays unrated until the user rates it, and can be unrated again. */
static void
test_symptom_rates_nothing (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(PatellaJournalEdit) edit = patella_journal_edit_new (DAY, NULL);
  g_autoptr(PatellaJournalEntry) ticked = NULL;
  g_autoptr(PatellaJournalEntry) rated = NULL;
  g_autoptr(PatellaJournalEntry) unrated = NULL;
  g_autoptr(GError) error = NULL;

  patella_journal_edit_set_symptom (edit, "swelling", TRUE);
  g_assert_cmpint (patella_journal_edit_get_dirty (edit), ==, PATELLA_JOURNAL_FIELD_SYMPTOMS);
  g_assert_true (patella_journal_edit_save (edit, fixture->store, PATELLA_PAIN_KEEP, &error));
  g_assert_no_error (error);
  ticked = get (fixture->store);
  g_assert_cmpint (patella_journal_entry_get_pain_rest (ticked), ==, PATELLA_PAIN_NONE);
  g_assert_cmpint (patella_journal_entry_get_max_pain (ticked), ==, PATELLA_PAIN_NONE);
  g_assert_true (patella_journal_entry_has_symptom (ticked, "swelling"));

  patella_journal_edit_set_pain_rest (edit, 3);
  g_assert_true (patella_journal_edit_save (edit, fixture->store, PATELLA_PAIN_KEEP, &error));
  rated = get (fixture->store);
  g_assert_cmpint (patella_journal_entry_get_pain_rest (rated), ==, 3);

  patella_journal_edit_set_pain_rest (edit, PATELLA_PAIN_NONE);
  g_assert_true (patella_journal_edit_save (edit, fixture->store, PATELLA_PAIN_KEEP, &error));
  unrated = get (fixture->store);
  g_assert_cmpint (patella_journal_entry_get_pain_rest (unrated), ==, PATELLA_PAIN_NONE);
}

/* The conflict card names the fields another program changed, in the
 * editor's order, whatever order they were found in. */
static void
test_fields_described (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *none = patella_journal_fields_describe (PATELLA_JOURNAL_FIELD_NONE);
  g_autofree char *two = patella_journal_fields_describe (PATELLA_JOURNAL_FIELD_NOTE |
                                                          PATELLA_JOURNAL_FIELD_REST);
  g_autofree char *all = patella_journal_fields_describe (~0);

  g_assert_cmpstr (none, ==, "");
  g_assert_cmpstr (two, ==, "pain at rest, note");
  g_assert_cmpstr (all, ==, "pain at rest, pain during activity, pain the next morning, "
                            "symptoms, note");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/editors/journal/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("writes-only-changes", test_writes_only_changes);
  ADD ("symptom-rates-nothing", test_symptom_rates_nothing);
  ADD ("untouched-fields-follow", test_untouched_fields_follow);
  ADD ("conflict-keeps-users-text", test_conflict_keeps_users_text);
  ADD ("failed-save-stays-pending", test_failed_save_stays_pending);
  ADD ("fields-described", test_fields_described);
  g_test_add ("/editors/run/keeps-other-changes", Fixture, NULL, fixture_set_up,
              test_run_keeps_other_changes, fixture_tear_down);
  g_test_add ("/editors/shoe/keeps-other-changes", Fixture, NULL, fixture_set_up,
              test_shoe_keeps_other_changes, fixture_tear_down);

  return g_test_run ();
}
