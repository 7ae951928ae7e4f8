/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "patella-schema"

#include "config.h"

#include "patella-schema.h"
#include "patella-store.h"

/* Each entry runs in one transaction together with its user_version bump.
 * Never edit a migration that has shipped: add the next one instead. */

#define DAY_CHECK(col) \
  "CHECK (" col " GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]')"

static const char migration_1[] =
  /* A stable integer key: the full-text index refers to it, and an implicit
   * rowid may change on VACUUM. */
  "CREATE TABLE journal_entry ("
  "  id            INTEGER PRIMARY KEY,"
  "  day           TEXT NOT NULL UNIQUE " DAY_CHECK ("day") ","
  "  pain_rest     INTEGER NOT NULL CHECK (pain_rest BETWEEN 0 AND 10),"
  "  pain_activity INTEGER CHECK (pain_activity BETWEEN 0 AND 10),"
  "  pain_morning  INTEGER CHECK (pain_morning BETWEEN 0 AND 10),"
  "  note          TEXT NOT NULL DEFAULT '' CHECK (length(note) <= 10000),"
  "  created_us    INTEGER NOT NULL,"
  "  updated_us    INTEGER NOT NULL"
  ");"
  "CREATE TABLE journal_symptom ("
  "  day  TEXT NOT NULL REFERENCES journal_entry (day) ON DELETE CASCADE ON UPDATE CASCADE,"
  "  code TEXT NOT NULL CHECK (code IN ('ache-behind-kneecap', 'sharp-pain', 'pain-stairs',"
  "    'pain-downhill', 'pain-sitting', 'pain-squatting', 'swelling', 'grinding', 'locking',"
  "    'instability', 'outer-knee-pain')),"
  "  PRIMARY KEY (day, code)"
  ") WITHOUT ROWID;"
  "CREATE INDEX journal_symptom_code ON journal_symptom (code, day);"
  /* Full-text search over notes, kept in step by triggers. */
  "CREATE VIRTUAL TABLE journal_fts USING fts5 ("
  "  note, content = 'journal_entry', content_rowid = 'id', tokenize = 'unicode61'"
  ");"
  "CREATE TRIGGER journal_fts_insert AFTER INSERT ON journal_entry BEGIN"
  "  INSERT INTO journal_fts (rowid, note) VALUES (new.id, new.note);"
  "END;"
  "CREATE TRIGGER journal_fts_delete AFTER DELETE ON journal_entry BEGIN"
  "  INSERT INTO journal_fts (journal_fts, rowid, note) VALUES ('delete', old.id, old.note);"
  "END;"
  "CREATE TRIGGER journal_fts_update AFTER UPDATE OF note ON journal_entry BEGIN"
  "  INSERT INTO journal_fts (journal_fts, rowid, note) VALUES ('delete', old.id, old.note);"
  "  INSERT INTO journal_fts (rowid, note) VALUES (new.id, new.note);"
  "END;"

  "CREATE TABLE shoe ("
  "  id          INTEGER PRIMARY KEY,"
  "  name        TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(name) BETWEEN 1 AND 100),"
  "  brand       TEXT NOT NULL DEFAULT '' CHECK (length(brand) <= 100),"
  "  first_used  TEXT " DAY_CHECK ("first_used") ","
  "  initial_m   INTEGER NOT NULL DEFAULT 0 CHECK (initial_m BETWEEN 0 AND 10000000),"
  "  warn_m      INTEGER NOT NULL DEFAULT 482803 CHECK (warn_m BETWEEN 160934 AND 1609344),"
  "  limit_m     INTEGER NOT NULL DEFAULT 804672 CHECK (limit_m BETWEEN 160934 AND 1609344),"
  "  retired     INTEGER NOT NULL DEFAULT 0 CHECK (retired IN (0, 1)),"
  "  is_default  INTEGER NOT NULL DEFAULT 0 CHECK (is_default IN (0, 1)),"
  "  created_us  INTEGER NOT NULL,"
  "  CHECK (warn_m <= limit_m)"
  ");"
  "CREATE UNIQUE INDEX shoe_single_default ON shoe (is_default) WHERE is_default = 1;"

  "CREATE TABLE run ("
  "  id          INTEGER PRIMARY KEY,"
  "  day         TEXT NOT NULL " DAY_CHECK ("day") ","
  "  distance_m  INTEGER NOT NULL CHECK (distance_m > 0 AND distance_m <= 300000),"
  "  duration_s  INTEGER CHECK (duration_s > 0 AND duration_s <= 172800),"
  "  shoe_id     INTEGER REFERENCES shoe (id) ON DELETE SET NULL,"
  "  pain        INTEGER CHECK (pain BETWEEN 0 AND 10),"
  "  note        TEXT NOT NULL DEFAULT '' CHECK (length(note) <= 10000),"
  "  created_us  INTEGER NOT NULL"
  ");"
  "CREATE INDEX run_day ON run (day, distance_m);"
  /* Covering index: a shoe's total is summed from the index alone. */
  "CREATE INDEX run_shoe ON run (shoe_id, distance_m);"

  /* Icing and exercise sessions. A running session keeps the UTC instant it
   * ends at; a paused one keeps what remains. */
  "CREATE TABLE session ("
  "  id          INTEGER PRIMARY KEY,"
  "  kind        TEXT NOT NULL CHECK (kind IN ('icing', 'exercise')),"
  "  day         TEXT NOT NULL " DAY_CHECK ("day") ","
  "  state       TEXT NOT NULL CHECK (state IN ('running', 'paused', 'finished', 'stopped',"
  "                                             'cancelled')),"
  "  started_us  INTEGER NOT NULL,"
  "  planned_s   INTEGER NOT NULL CHECK (planned_s > 0),"
  "  ends_us     INTEGER,"
  "  remaining_s INTEGER CHECK (remaining_s >= 0),"
  "  ended_us    INTEGER,"
  "  duration_s  INTEGER CHECK (duration_s >= 0),"
  "  routine     TEXT,"
  "  pain        INTEGER CHECK (pain BETWEEN 0 AND 10),"
  "  CHECK (state <> 'running' OR ends_us IS NOT NULL),"
  "  CHECK (state <> 'paused' OR remaining_s IS NOT NULL)"
  ");"
  "CREATE INDEX session_day ON session (kind, day, state);"
  "CREATE INDEX session_started ON session (kind, started_us);"
  "CREATE UNIQUE INDEX session_single_active ON session (kind)"
  "  WHERE state IN ('running', 'paused');"

  /* User-made exercise routines; the built-in ones live in code. */
  "CREATE TABLE routine ("
  "  id          INTEGER PRIMARY KEY,"
  "  name        TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(name) BETWEEN 1 AND 100),"
  "  created_us  INTEGER NOT NULL"
  ");"
  "CREATE TABLE routine_step ("
  "  routine_id  INTEGER NOT NULL REFERENCES routine (id) ON DELETE CASCADE,"
  "  position    INTEGER NOT NULL CHECK (position >= 0),"
  "  exercise    TEXT NOT NULL,"
  "  sets        INTEGER NOT NULL CHECK (sets BETWEEN 1 AND 20),"
  "  reps        INTEGER NOT NULL DEFAULT 0 CHECK (reps BETWEEN 0 AND 100),"
  "  hold_s      INTEGER NOT NULL DEFAULT 0 CHECK (hold_s BETWEEN 0 AND 600),"
  "  rest_s      INTEGER NOT NULL DEFAULT 0 CHECK (rest_s BETWEEN 0 AND 600),"
  "  per_side    INTEGER NOT NULL DEFAULT 0 CHECK (per_side IN (0, 1)),"
  "  PRIMARY KEY (routine_id, position)"
  ") WITHOUT ROWID;"

  /* What was notified, so that a restart never repeats a notification. */
  "CREATE TABLE notification_sent ("
  "  key         TEXT PRIMARY KEY NOT NULL,"
  "  sent_us     INTEGER NOT NULL"
  ") WITHOUT ROWID;"

  /* Icing reminder slots: what fired and what the user did with it.
   * 'missed': passed while Patella was not running or the computer slept;
   * 'suppressed': passed over because the goal was met or icing had started. */
  "CREATE TABLE reminder_slot ("
  "  day         TEXT NOT NULL " DAY_CHECK ("day") ","
  "  slot        TEXT NOT NULL CHECK (slot GLOB '[0-2][0-9]:[0-5][0-9]'),"
  "  state       TEXT NOT NULL CHECK (state IN ('fired', 'snoozed', 'skipped', 'started',"
  "                                             'missed', 'suppressed')),"
  "  fired_us    INTEGER,"
  "  snooze_until_us INTEGER,"
  "  PRIMARY KEY (day, slot)"
  ") WITHOUT ROWID;"

  "PRAGMA application_id = 1348555884;";

/* A random (version 4) UUID, in SQL so that a migration and a trigger can
 * make one. */
#define UUID_SQL \
  "lower (hex (randomblob (4)) || '-' || hex (randomblob (2)) || '-4' ||" \
  " substr (hex (randomblob (2)), 2) || '-' ||" \
  " substr ('89AB', 1 + (abs (random ()) % 4), 1) ||" \
  " substr (hex (randomblob (2)), 2) || '-' || hex (randomblob (6)))"

/* Every row a user can create gets a stable identity that export and import
 * carry. Rows written without one (an older writer, a plain INSERT) get one
 * from the trigger in the same statement's transaction. */
#define ADD_UUID(table) \
  "ALTER TABLE " table " ADD COLUMN uuid TEXT;" \
  "UPDATE " table " SET uuid = " UUID_SQL ";" \
  "CREATE UNIQUE INDEX " table "_uuid ON " table " (uuid);" \
  "CREATE TRIGGER " table "_uuid_insert AFTER INSERT ON " table \
  "  WHEN new.uuid IS NULL BEGIN" \
  "  UPDATE " table " SET uuid = " UUID_SQL " WHERE rowid = new.rowid;" \
  "END;" \
  "CREATE TRIGGER " table "_uuid_update BEFORE UPDATE OF uuid ON " table \
  "  WHEN new.uuid IS NULL OR length (new.uuid) <> 36 BEGIN" \
  "  SELECT RAISE (ABORT, 'a uuid must be 36 characters');" \
  "END;"

static const char migration_2[] =
  ADD_UUID ("journal_entry")
  ADD_UUID ("run")
  ADD_UUID ("shoe")
  ADD_UUID ("session")
  ADD_UUID ("routine");

/* More symptoms that send to a clinician (urgently or within days): the
 * symptom table is rebuilt with the longer list in its CHECK. */
static const char migration_symptoms[] =
  "CREATE TABLE journal_symptom_new ("
  "  day  TEXT NOT NULL REFERENCES journal_entry (day) ON DELETE CASCADE ON UPDATE CASCADE,"
  "  code TEXT NOT NULL CHECK (code IN ('ache-behind-kneecap', 'sharp-pain', 'pain-stairs',"
  "    'pain-downhill', 'pain-sitting', 'pain-squatting', 'swelling', 'grinding', 'locking',"
  "    'instability', 'outer-knee-pain', 'night-pain', 'very-swollen', 'cannot-bear-weight',"
  "    'hot-red-or-fever', 'fall-or-twist')),"
  "  PRIMARY KEY (day, code)"
  ") WITHOUT ROWID;"
  "INSERT INTO journal_symptom_new (day, code) SELECT day, code FROM journal_symptom;"
  "DROP TABLE journal_symptom;"
  "ALTER TABLE journal_symptom_new RENAME TO journal_symptom;"
  "CREATE INDEX journal_symptom_code ON journal_symptom (code, day);";

/* The recovery plan (issue 19): one row per plan started, its state kept
 * current, and every event in its history. A session waits for its next
 * morning; a decision names the session or journal day it is about
 * (ref_day) and a reason code that is worded when shown. */
static const char migration_plan[] =
  "CREATE TABLE plan ("
  "  id          INTEGER PRIMARY KEY,"
  "  uuid        TEXT NOT NULL UNIQUE,"
  "  started_day TEXT NOT NULL " DAY_CHECK ("started_day") ","
  "  started_us  INTEGER NOT NULL,"
  "  rule        TEXT NOT NULL CHECK (rule IN ('strict', 'standard')),"
  "  state       TEXT NOT NULL CHECK (state IN ('active', 'paused', 'stopped')),"
  "  phase       INTEGER NOT NULL CHECK (phase BETWEEN 1 AND 9),"
  "  streak      INTEGER NOT NULL DEFAULT 0 CHECK (streak >= 0),"
  "  ex_level    INTEGER NOT NULL DEFAULT 0 CHECK (ex_level BETWEEN 0 AND 3),"
  "  ex_streak   INTEGER NOT NULL DEFAULT 0 CHECK (ex_streak >= 0)"
  ");"
  /* At most one plan that is not stopped. */
  "CREATE UNIQUE INDEX plan_single_open ON plan (state = 'stopped') WHERE state <> 'stopped';"
  "CREATE TABLE plan_event ("
  "  id          INTEGER PRIMARY KEY,"
  "  uuid        TEXT NOT NULL UNIQUE,"
  "  plan_id     INTEGER NOT NULL REFERENCES plan (id) ON DELETE CASCADE,"
  "  day         TEXT NOT NULL " DAY_CHECK ("day") ","
  "  at_us       INTEGER NOT NULL,"
  "  kind        TEXT NOT NULL CHECK (kind IN ('session', 'decision')),"
  "  phase       INTEGER NOT NULL CHECK (phase BETWEEN 1 AND 9),"
  "  pain        INTEGER CHECK (pain BETWEEN 0 AND 10),"
  "  pain_after  INTEGER CHECK (pain_after BETWEEN 0 AND 10),"
  "  duration_s  INTEGER CHECK (duration_s >= 0),"
  "  decided     INTEGER NOT NULL DEFAULT 0 CHECK (decided IN (0, 1)),"
  "  decision    TEXT CHECK (decision IN ('start', 'advance', 'hold', 'step-back', 'paused',"
  "                                       'resume', 'stop')),"
  "  reason      TEXT NOT NULL DEFAULT '',"
  "  ref_day     TEXT,"
  "  value       INTEGER,"
  "  ex_level    INTEGER,"
  "  note        TEXT NOT NULL DEFAULT '' CHECK (length(note) <= 10000),"
  "  CHECK (kind <> 'decision' OR decision IS NOT NULL)"
  ");"
  "CREATE INDEX plan_event_plan ON plan_event (plan_id, day, id);"
  "CREATE UNIQUE INDEX plan_event_one_session_a_day ON plan_event (plan_id, day)"
  "  WHERE kind = 'session';"
  /* The walk/run timer: a running one keeps the UTC instant it ends at, a
   * paused one what remains, like the icing session. */
  "CREATE TABLE walk_run ("
  "  id          INTEGER PRIMARY KEY,"
  "  uuid        TEXT NOT NULL UNIQUE,"
  "  day         TEXT NOT NULL " DAY_CHECK ("day") ","
  "  phase       INTEGER NOT NULL CHECK (phase BETWEEN 1 AND 9),"
  "  warm_up_s   INTEGER NOT NULL CHECK (warm_up_s >= 0),"
  "  run_s       INTEGER NOT NULL CHECK (run_s > 0),"
  "  walk_s      INTEGER NOT NULL CHECK (walk_s >= 0),"
  "  repeats     INTEGER NOT NULL CHECK (repeats BETWEEN 1 AND 50),"
  "  state       TEXT NOT NULL CHECK (state IN ('running', 'paused', 'finished', 'stopped',"
  "                                             'logged')),"
  "  started_us  INTEGER NOT NULL,"
  "  ends_us     INTEGER,"
  "  remaining_s INTEGER CHECK (remaining_s >= 0),"
  "  ended_us    INTEGER,"
  "  pain        INTEGER CHECK (pain BETWEEN 0 AND 10),"
  "  CHECK (state <> 'running' OR ends_us IS NOT NULL),"
  "  CHECK (state <> 'paused' OR remaining_s IS NOT NULL)"
  ");"
  "CREATE UNIQUE INDEX walk_run_single_active ON walk_run (state IN ('running', 'paused'))"
  "  WHERE state IN ('running', 'paused');";

/* Runs from device files: the instant they started (duplicate detection
 * works on it), where they came from, and what the watch measured. */
static const char migration_activity_files[] =
  "ALTER TABLE run ADD COLUMN start_us INTEGER;"
  "ALTER TABLE run ADD COLUMN source TEXT NOT NULL DEFAULT 'manual'"
  "  CHECK (source IN ('manual', 'json', 'fit', 'tcx', 'gpx'));"
  "ALTER TABLE run ADD COLUMN cadence_spm INTEGER CHECK (cadence_spm BETWEEN 1 AND 400);"
  "ALTER TABLE run ADD COLUMN descent_m INTEGER CHECK (descent_m BETWEEN 0 AND 100000);"
  "CREATE INDEX run_start ON run (start_us) WHERE start_us IS NOT NULL;";

/* Pain at rest may be left unrated, like the other two ratings (issue 17).
 * SQLite cannot drop a NOT NULL, so the table is built again with the same
 * ids (the full-text index refers to them), and what hangs on it is made
 * again: the uuid index and triggers, the full-text triggers. Dropping the
 * old table deletes the symptoms by their ON DELETE CASCADE (foreign keys
 * cannot be turned off inside the migration's transaction): they are kept
 * aside and put back. */
static const char migration_rest_optional[] =
  "CREATE TABLE journal_entry_new ("
  "  id            INTEGER PRIMARY KEY,"
  "  day           TEXT NOT NULL UNIQUE " DAY_CHECK ("day") ","
  "  pain_rest     INTEGER CHECK (pain_rest BETWEEN 0 AND 10),"
  "  pain_activity INTEGER CHECK (pain_activity BETWEEN 0 AND 10),"
  "  pain_morning  INTEGER CHECK (pain_morning BETWEEN 0 AND 10),"
  "  note          TEXT NOT NULL DEFAULT '' CHECK (length(note) <= 10000),"
  "  created_us    INTEGER NOT NULL,"
  "  updated_us    INTEGER NOT NULL,"
  "  uuid          TEXT"
  ");"
  "INSERT INTO journal_entry_new (id, day, pain_rest, pain_activity, pain_morning, note,"
  "  created_us, updated_us, uuid)"
  " SELECT id, day, pain_rest, pain_activity, pain_morning, note, created_us, updated_us, uuid"
  " FROM journal_entry;"
  "CREATE TEMP TABLE journal_symptom_kept AS SELECT day, code FROM journal_symptom;"
  "DROP TABLE journal_entry;"
  "ALTER TABLE journal_entry_new RENAME TO journal_entry;"
  "INSERT INTO journal_symptom (day, code) SELECT day, code FROM temp.journal_symptom_kept;"
  "DROP TABLE temp.journal_symptom_kept;"
  "CREATE UNIQUE INDEX journal_entry_uuid ON journal_entry (uuid);"
  "CREATE TRIGGER journal_entry_uuid_insert AFTER INSERT ON journal_entry"
  "  WHEN new.uuid IS NULL BEGIN"
  "  UPDATE journal_entry SET uuid = " UUID_SQL " WHERE rowid = new.rowid;"
  "END;"
  "CREATE TRIGGER journal_entry_uuid_update BEFORE UPDATE OF uuid ON journal_entry"
  "  WHEN new.uuid IS NULL OR length (new.uuid) <> 36 BEGIN"
  "  SELECT RAISE (ABORT, 'a uuid must be 36 characters');"
  "END;"
  "CREATE TRIGGER journal_fts_insert AFTER INSERT ON journal_entry BEGIN"
  "  INSERT INTO journal_fts (rowid, note) VALUES (new.id, new.note);"
  "END;"
  "CREATE TRIGGER journal_fts_delete AFTER DELETE ON journal_entry BEGIN"
  "  INSERT INTO journal_fts (journal_fts, rowid, note) VALUES ('delete', old.id, old.note);"
  "END;"
  "CREATE TRIGGER journal_fts_update AFTER UPDATE OF note ON journal_entry BEGIN"
  "  INSERT INTO journal_fts (journal_fts, rowid, note) VALUES ('delete', old.id, old.note);"
  "  INSERT INTO journal_fts (rowid, note) VALUES (new.id, new.note);"
  "END;"
  /* The same ids and notes: the index stays right, but build it from the
   * table again so that it surely is. */
  "INSERT INTO journal_fts (journal_fts) VALUES ('rebuild');";

const char * const patella_schema_migrations[] = {
  migration_1,
  migration_2,
  migration_symptoms,
  migration_plan,
  migration_activity_files,
  migration_rest_optional,
};

const guint patella_schema_n_migrations = G_N_ELEMENTS (patella_schema_migrations);

G_STATIC_ASSERT (G_N_ELEMENTS (patella_schema_migrations) == PATELLA_SCHEMA_VERSION);
G_STATIC_ASSERT (PATELLA_APPLICATION_ID == 1348555884);
