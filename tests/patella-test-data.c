/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "patella-test"

#include "config.h"

#include "patella-shoes.h"
#include "patella-test-data.h"

/* A bit of everything the user can enter, with text that needs quoting in
 * CSV and JSON and text that looks like SQL. */
void
patella_test_fill_store (PatellaStore *store)
{
  g_autoptr(GError) error = NULL;

  patella_store_exec (store,
    "INSERT INTO shoe (name, brand, first_used, initial_m, warn_m, limit_m, retired, is_default,"
    " created_us) VALUES"
    " ('Daily trainer', 'Brand, \"quoted\"', '2026-01-02', 12000, 482803, 804672, 0, 1, 100),"
    " ('old racer''); DROP TABLE run;--', '', NULL, 0, 160934, 160934, 1, 0, 200),"
    " ('Trail ☃', 'Ünïcode', '2025-12-31', 500000, 600000, 700000, 0, 0, 300);"
    "INSERT INTO run (day, distance_m, duration_s, shoe_id, pain, note, created_us) VALUES"
    " ('2026-03-01', 5000, 1800, 1, 2, 'easy', 1000),"
    " ('2026-03-01', 3000, NULL, NULL, NULL, '', 1001),"
    " ('2026-03-03', 10000, 3600, 3, 4, 'line one\nline \"two\", three', 1002),"
    " ('2026-03-05', 8000, 2800, 2, 0, '''; DELETE FROM shoe; --', 1003);"
    "INSERT INTO journal_entry (day, pain_rest, pain_activity, pain_morning, note, created_us,"
    " updated_us) VALUES"
    " ('2026-03-01', 2, 4, NULL, 'Sore after run, ice helped', 10, 11),"
    " ('2026-03-02', 1, NULL, 3, '', 20, 20),"
    " ('2026-03-04', 0, 0, 0, 'Ünïcode ☃ and \"quotes\"\r\nand a CRLF', 30, 35);"
    "INSERT INTO journal_symptom (day, code) VALUES"
    " ('2026-03-01', 'swelling'), ('2026-03-01', 'pain-stairs'), ('2026-03-04', 'grinding');"
    "INSERT INTO session (kind, day, state, started_us, planned_s, ends_us, remaining_s, ended_us,"
    " duration_s, routine, pain) VALUES"
    " ('icing', '2026-03-01', 'finished', 5000, 900, NULL, NULL, 5900, 900, NULL, NULL),"
    " ('exercise', '2026-03-01', 'stopped', 6000, 1200, NULL, NULL, 6600, 600, 'Knee basics', 3),"
    " ('icing', '2026-03-02', 'paused', 7000, 900, NULL, 300, NULL, NULL, NULL, NULL);"
    "INSERT INTO routine (id, name, created_us) VALUES (1, 'My, routine', 40);"
    "INSERT INTO routine_step (routine_id, position, exercise, sets, reps, hold_s, rest_s,"
    " per_side) VALUES (1, 0, 'wall-sit', 3, 0, 30, 60, 0), (1, 1, 'clamshell', 2, 15, 0, 30, 1);",
    &error);
  g_assert_no_error (error);
}

/* Six weeks for the clinician report, 2026-02-01 to 2026-03-14, and a run
 * just before them: pains, symptoms and a note in the journal, runs in two
 * shoes and in none, icing and exercise sessions. */
void
patella_test_fill_report (PatellaStore *store)
{
  g_autoptr(GError) error = NULL;

  patella_store_exec (store,
    "INSERT INTO shoe (name, brand, created_us) VALUES ('Road', 'Maker X', 1), ('Trail', '', 1);"
    "INSERT INTO journal_entry (day, pain_rest, pain_activity, pain_morning, note, created_us,"
    " updated_us) VALUES"
    " ('2026-02-02', 4, 1, NULL, '', 1, 1),"
    " ('2026-02-03', 4, 4, NULL, '', 1, 1),"
    " ('2026-02-04', 4, 7, NULL, '', 1, 1),"
    " ('2026-03-01', 2, NULL, NULL, 'Stairs hurt', 1, 1),"
    " ('2026-03-05', 2, NULL, NULL, '', 1, 1),"
    " ('2026-03-09', 2, NULL, NULL, '', 1, 1),"
    " ('2026-03-10', 2, NULL, NULL, '', 1, 1),"
    " ('2026-03-12', 2, NULL, 3, '', 1, 1);"
    "INSERT INTO journal_symptom (day, code) VALUES"
    " ('2026-03-01', 'pain-stairs'), ('2026-03-05', 'swelling');"
    "INSERT INTO run (day, distance_m, shoe_id, created_us) VALUES"
    " ('2026-01-27', 5000, 1, 1),"
    " ('2026-02-03', 10000, 2, 1),"
    " ('2026-02-05', 10000, NULL, 1),"
    " ('2026-03-10', 12000, 2, 1);"
    "INSERT INTO session (kind, day, state, started_us, planned_s, ended_us, duration_s) VALUES"
    " ('icing', '2026-03-01', 'finished', 1, 900, 2, 900),"
    " ('icing', '2026-03-01', 'finished', 1, 900, 2, 900),"
    " ('icing', '2026-03-01', 'finished', 1, 900, 2, 900),"
    " ('icing', '2026-03-01', 'finished', 1, 900, 2, 900),"
    " ('icing', '2026-03-02', 'finished', 1, 900, 2, 900),"
    " ('exercise', '2026-02-02', 'finished', 1, 900, 2, 900),"
    " ('exercise', '2026-02-04', 'finished', 1, 900, 2, 900),"
    " ('exercise', '2026-02-06', 'finished', 1, 900, 2, 900),"
    " ('exercise', '2026-02-10', 'finished', 1, 900, 2, 900);",
    &error);
  g_assert_no_error (error);
}

/**
 * patella_test_add_run:
 * @notifier: (nullable): where the shoe's notifications go
 * @shoe_id: a shoe, %PATELLA_SHOE_DEFAULT or %PATELLA_SHOE_NONE
 * @note: (nullable): the run's note
 *
 * Adds a run without pain ratings through the model, as the app does.
 *
 * Returns: the run's id
 */
gint64
patella_test_add_run (PatellaStore    *store,
                      PatellaNotifier *notifier,
                      const char      *day,
                      gint64           metres,
                      gint64           shoe_id,
                      const char      *note)
{
  g_autoptr(GError) error = NULL;
  PatellaRun run = { .day = (char *) day, .distance_m = metres, .shoe_id = shoe_id,
                     .pain = -1, .note = (char *) note };
  gint64 id = patella_run_add (store, notifier, &run, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}
