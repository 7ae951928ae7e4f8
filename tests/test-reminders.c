/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "patella-autostart.h"
#include "patella-error.h"
#include "patella-reminder-service.h"
#include "patella-reminders.h"
#include "patella-store-private.h"
#include "patella-test-store.h"
#include "patella-test-utils.h"

/* The scheduler, driven through a table of days with the fake clock.
 * Times are local (TZ=Europe/Berlin in the test environment); an explicit
 * offset ("+02:00") picks one of the two 02:30s when clocks go back. */

typedef enum
{
  CHECK,      /* expect: the slot that fires ("2026-03-10T08:00") or NULL */
  NEXT,       /* expect: when the next check is due, local "YYYY-MM-DD HH:MM", or NULL */
  SNOOZE,     /* the last reminder is snoozed */
  SKIP,       /* the last reminder is dismissed */
  ICE_DONE,   /* a finished 15-minute icing session started at this time */
  ICE_RUNS,   /* an icing session started at this time and still running */
  ICE_BRIEF,  /* an icing session started at this time, stopped after 10 s */
  ICE_SHORT,  /* an icing session started at this time, stopped after 6 min */
  TIMES,      /* expect: new times, comma-separated (the count follows) */
  DISABLE,    /* reminders switched off */
  RESTART,    /* the program restarts: the store is opened again */
} StepKind;

typedef struct
{
  StepKind    kind;
  const char *at;
  const char *expect;
} Step;

typedef struct
{
  const char *name;
  const char *times;
  Step        steps[12];
} Scenario;

#define END { 0, NULL, NULL }

static const Scenario scenarios[] = {
  { "fires-at-slot", "08:00,12:00,16:00,20:00", {
      { CHECK, "2026-03-10 07:59", NULL },
      { CHECK, "2026-03-10 08:00", "2026-03-10T08:00" },
      END } },
  { "never-twice", "08:00,12:00,16:00,20:00", {
      { CHECK, "2026-03-10 08:00", "2026-03-10T08:00" },
      { CHECK, "2026-03-10 08:05", NULL },
      { CHECK, "2026-03-10 08:59", NULL },
      END } },
  { "restart-does-not-repeat", "08:00,12:00,16:00,20:00", {
      { CHECK, "2026-03-10 08:00", "2026-03-10T08:00" },
      { RESTART, "2026-03-10 08:01", NULL },
      { CHECK, "2026-03-10 08:01", NULL },
      { NEXT, "2026-03-10 08:02", "2026-03-10 12:00" },
      END } },
  { "goal-met", "08:00,12:00,16:00,20:00", {
      { ICE_DONE, "2026-03-10 06:00", NULL },
      { ICE_DONE, "2026-03-10 07:00", NULL },
      { ICE_DONE, "2026-03-10 09:00", NULL },
      { ICE_DONE, "2026-03-10 10:00", NULL },
      { CHECK, "2026-03-10 12:00", NULL },
      { NEXT, "2026-03-10 12:01", "2026-03-11 08:00" },
      END } },
  { "goal-not-met-yet", "08:00,12:00,16:00,20:00", {
      { ICE_DONE, "2026-03-10 06:00", NULL },
      { ICE_DONE, "2026-03-10 07:00", NULL },
      { ICE_DONE, "2026-03-10 09:00", NULL },
      { CHECK, "2026-03-10 12:00", "2026-03-10T12:00" },
      END } },
  { "session-running", "08:00,12:00,16:00,20:00", {
      { ICE_RUNS, "2026-03-10 11:55", NULL },
      { CHECK, "2026-03-10 12:00", NULL },
      { CHECK, "2026-03-10 12:30", NULL },
      END } },
  { "session-started-recently", "08:00,12:00,16:00,20:00", {
      { ICE_DONE, "2026-03-10 11:20", NULL },
      { CHECK, "2026-03-10 12:00", NULL },
      END } },
  /* A few seconds of icing, stopped, are not a session: 5 minutes are. */
  { "brief-session-does-not-count", "08:00,12:00,16:00,20:00", {
      { ICE_BRIEF, "2026-03-10 11:50", NULL },
      { CHECK, "2026-03-10 12:00", "2026-03-10T12:00" },
      END } },
  { "short-session-counts-as-recent", "08:00,12:00,16:00,20:00", {
      { ICE_SHORT, "2026-03-10 11:50", NULL },
      { CHECK, "2026-03-10 12:00", NULL },
      END } },
  { "session-over-an-hour-ago", "08:00,12:00,16:00,20:00", {
      { ICE_DONE, "2026-03-10 10:50", NULL },
      { CHECK, "2026-03-10 12:00", "2026-03-10T12:00" },
      END } },
  { "snooze-fires-once-more", "08:00,12:00,16:00,20:00", {
      { CHECK, "2026-03-10 08:00", "2026-03-10T08:00" },
      { SNOOZE, "2026-03-10 08:02", NULL },
      { NEXT, "2026-03-10 08:03", "2026-03-10 08:32" },
      { CHECK, "2026-03-10 08:31", NULL },
      { CHECK, "2026-03-10 08:32", "2026-03-10T08:00" },
      { CHECK, "2026-03-10 09:10", NULL },
      { NEXT, "2026-03-10 09:10", "2026-03-10 12:00" },
      END } },
  { "snooze-again", "08:00,12:00,16:00,20:00", {
      { CHECK, "2026-03-10 08:00", "2026-03-10T08:00" },
      { SNOOZE, "2026-03-10 08:00", NULL },
      { CHECK, "2026-03-10 08:30", "2026-03-10T08:00" },
      { SNOOZE, "2026-03-10 08:30", NULL },
      { CHECK, "2026-03-10 09:00", "2026-03-10T08:00" },
      { CHECK, "2026-03-10 09:30", NULL },
      END } },
  { "snooze-survives-restart", "08:00,12:00,16:00,20:00", {
      { CHECK, "2026-03-10 08:00", "2026-03-10T08:00" },
      { SNOOZE, "2026-03-10 08:00", NULL },
      { RESTART, "2026-03-10 08:10", NULL },
      { CHECK, "2026-03-10 08:30", "2026-03-10T08:00" },
      END } },
  { "snoozed-then-iced", "08:00,12:00,16:00,20:00", {
      { CHECK, "2026-03-10 08:00", "2026-03-10T08:00" },
      { SNOOZE, "2026-03-10 08:00", NULL },
      { ICE_RUNS, "2026-03-10 08:10", NULL },
      { CHECK, "2026-03-10 08:30", NULL },
      END } },
  { "skip-drops-slot", "08:00,12:00,16:00,20:00", {
      { CHECK, "2026-03-10 08:00", "2026-03-10T08:00" },
      { SKIP, "2026-03-10 08:01", NULL },
      { CHECK, "2026-03-10 08:40", NULL },
      { NEXT, "2026-03-10 08:40", "2026-03-10 12:00" },
      END } },
  { "late-start-within-hour", "08:00,12:00,16:00,20:00", {
      { CHECK, "2026-03-10 12:30", "2026-03-10T12:00" },
      { CHECK, "2026-03-10 12:31", NULL },
      END } },
  { "late-start-after-hour", "08:00,12:00,16:00,20:00", {
      { CHECK, "2026-03-10 13:30", NULL },
      { NEXT, "2026-03-10 13:30", "2026-03-10 16:00" },
      END } },
  { "suspend-across-slots", "08:00,12:00,16:00,20:00", {
      { CHECK, "2026-03-10 07:00", NULL },
      { CHECK, "2026-03-10 16:20", "2026-03-10T16:00" },
      { CHECK, "2026-03-10 16:25", NULL },
      END } },
  { "suspend-across-slots-stale", "08:00,12:00,16:00,20:00", {
      { CHECK, "2026-03-10 07:00", NULL },
      { CHECK, "2026-03-10 17:30", NULL },
      { CHECK, "2026-03-10 20:00", "2026-03-10T20:00" },
      END } },
  { "suspend-overnight", "08:00,12:00,16:00,20:00", {
      { CHECK, "2026-03-10 19:00", NULL },
      { CHECK, "2026-03-11 08:15", "2026-03-11T08:00" },
      END } },
  { "midnight-late-slot", "09:00,14:00,23:30", {
      { CHECK, "2026-03-10 22:00", NULL },
      { CHECK, "2026-03-11 00:10", "2026-03-10T23:30" },
      { CHECK, "2026-03-11 00:20", NULL },
      END } },
  { "midnight-stale-slot", "09:00,14:00,23:30", {
      { CHECK, "2026-03-11 00:45", NULL },
      { NEXT, "2026-03-11 00:45", "2026-03-11 09:00" },
      END } },
  { "snooze-across-midnight", "09:00,14:00,23:45", {
      { CHECK, "2026-03-10 23:45", "2026-03-10T23:45" },
      { SNOOZE, "2026-03-10 23:46", NULL },
      { NEXT, "2026-03-10 23:50", "2026-03-11 00:16" },
      { CHECK, "2026-03-11 00:16", "2026-03-10T23:45" },
      END } },
  { "spring-forward-gap", "02:30,08:00,12:00,16:00", {
      { NEXT, "2026-03-29 01:00", "2026-03-29 03:00" },
      { CHECK, "2026-03-29 01:59", NULL },
      { CHECK, "2026-03-29 03:00", "2026-03-29T02:30" },
      { CHECK, "2026-03-29 03:30", NULL },
      END } },
  { "fall-back-repeated-hour", "02:30,08:00,12:00,16:00", {
      { CHECK, "2026-10-25T02:30:00+02:00", "2026-10-25T02:30" },
      { CHECK, "2026-10-25T02:30:00+01:00", NULL },
      { CHECK, "2026-10-25T03:10:00+01:00", NULL },
      END } },
  { "settings-changed-mid-day", "08:00,12:00,16:00,20:00", {
      { CHECK, "2026-03-10 08:00", "2026-03-10T08:00" },
      { TIMES, "2026-03-10 10:00", "09:00,13:00,18:00" },
      { CHECK, "2026-03-10 12:00", NULL },
      { NEXT, "2026-03-10 12:00", "2026-03-10 13:00" },
      { CHECK, "2026-03-10 13:00", "2026-03-10T13:00" },
      END } },
  { "three-a-day", "09:00,14:00,19:00", {
      { CHECK, "2026-03-10 08:00", NULL },
      { CHECK, "2026-03-10 09:00", "2026-03-10T09:00" },
      { NEXT, "2026-03-10 09:00", "2026-03-10 14:00" },
      END } },
  { "disabled", "08:00,12:00,16:00,20:00", {
      { DISABLE, "2026-03-10 07:00", NULL },
      { CHECK, "2026-03-10 08:00", NULL },
      { NEXT, "2026-03-10 08:00", NULL },
      END } },
};

typedef struct
{
  char                  *dir;
  char                  *path;
  PatellaClock          *clock;
  PatellaStore          *store;
  PatellaReminderConfig *config;
  char                  *last_id;
} Run;

static gint64
parse_time (const char *text)
{
  g_autoptr(GDateTime) dt = NULL;
  int y, mo, d, h, mi;

  if (strchr (text, 'T') != NULL)
    {
      dt = g_date_time_new_from_iso8601 (text, NULL);
    }
  else
    {
      g_assert_cmpint (sscanf (text, "%d-%d-%d %d:%d", &y, &mo, &d, &h, &mi), ==, 5);
      dt = g_date_time_new_local (y, mo, d, h, mi, 0);
    }

  g_assert_nonnull (dt);
  return g_date_time_to_unix (dt) * G_USEC_PER_SEC;
}

static PatellaReminderConfig *
config_for (const char *times_text,
            gboolean    enabled)
{
  g_auto(GStrv) times = g_strsplit (times_text, ",", -1);
  g_autoptr(GError) error = NULL;
  PatellaReminderConfig *config;

  config = patella_reminder_config_new (enabled, g_strv_length (times),
                                        (const char * const *) times, 15, &error);
  g_assert_no_error (error);
  return config;
}

static void
add_session (Run        *run,
             gint64      started,
             gboolean    running,
             gint64      stopped_after_s)
{
  g_autoptr(PatellaStmt) stmt = NULL;
  g_autoptr(GDateTime) local = patella_date_time_new_local (started);
  g_autofree char *day = g_date_time_format (local, "%Y-%m-%d");
  g_autoptr(GError) error = NULL;

  stmt = patella_store_prepare (run->store,
                                "INSERT INTO session (kind, day, state, started_us, planned_s, "
                                "ends_us, ended_us, duration_s) "
                                "VALUES ('icing', ?, ?, ?, 900, ?, ?, ?);", &error);
  g_assert_no_error (error);
  sqlite3_bind_text (stmt, 1, day, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, running ? "running" : stopped_after_s > 0 ? "stopped" : "finished",
                     -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, started);
  sqlite3_bind_int64 (stmt, 4, started + 900 * G_USEC_PER_SEC);
  if (running)
    {
      sqlite3_bind_null (stmt, 5);
      sqlite3_bind_null (stmt, 6);
    }
  else
    {
      gint64 duration_s = stopped_after_s > 0 ? stopped_after_s : 900;

      sqlite3_bind_int64 (stmt, 5, started + duration_s * G_USEC_PER_SEC);
      sqlite3_bind_int64 (stmt, 6, duration_s);
    }
  g_assert_true (patella_store_step_done (run->store, stmt, &error));
  g_assert_no_error (error);
}

static void
open_store (Run *run)
{
  g_autoptr(GError) error = NULL;

  g_clear_object (&run->store);
  run->store = patella_store_open (run->path, run->clock, &error);
  g_assert_no_error (error);
}

static void
run_step (Run        *run,
          const Step *step)
{
  g_autoptr(GError) error = NULL;

  patella_clock_set_now (run->clock, parse_time (step->at));

  switch (step->kind)
    {
    case CHECK:
      {
        g_autoptr(PatellaReminderSlot) slot = patella_reminders_check (run->store, run->config,
                                                                       &error);
        g_autofree char *id = slot != NULL ? patella_reminder_slot_get_id (slot) : NULL;
        g_autofree char *expected = step->expect != NULL ?
                                    g_strconcat ("ice-reminder:", step->expect, NULL) : NULL;

        g_assert_no_error (error);
        g_test_message ("  %s check → %s", step->at, id != NULL ? id : "nothing");
        g_assert_cmpstr (id, ==, expected);
        if (id != NULL)
          {
            g_free (run->last_id);
            run->last_id = g_steal_pointer (&id);
          }
      }
      break;

    case NEXT:
      {
        gint64 next = patella_reminders_next_due (run->store, run->config);
        g_autofree char *text = NULL;

        if (next > 0)
          {
            g_autoptr(GDateTime) local = patella_date_time_new_local (next);
            text = g_date_time_format (local, "%Y-%m-%d %H:%M");
          }
        g_test_message ("  %s next → %s", step->at, text != NULL ? text : "none");
        g_assert_cmpstr (text, ==, step->expect);
      }
      break;

    case SNOOZE:
      g_assert_nonnull (run->last_id);
      g_assert_true (patella_reminders_snooze (run->store, run->last_id, &error));
      g_assert_no_error (error);
      break;

    case SKIP:
      g_assert_nonnull (run->last_id);
      g_assert_true (patella_reminders_skip (run->store, run->last_id, &error));
      g_assert_no_error (error);
      break;

    case ICE_DONE:
    case ICE_RUNS:
      add_session (run, parse_time (step->at), step->kind == ICE_RUNS, 0);
      break;

    case ICE_BRIEF:
    case ICE_SHORT:
      add_session (run, parse_time (step->at), FALSE, step->kind == ICE_BRIEF ? 10 : 360);
      break;

    case TIMES:
      patella_reminder_config_free (run->config);
      run->config = config_for (step->expect, TRUE);
      break;

    case DISABLE:
      run->config->enabled = FALSE;
      break;

    case RESTART:
      open_store (run);
      break;

    default:
      g_assert_not_reached ();
    }
}

static void
test_scenario (gconstpointer data)
{
  const Scenario *scenario = data;
  Run run = { 0 };

  run.dir = patella_test_make_dir ();
  run.path = g_build_filename (run.dir, "patella.db", NULL);
  run.clock = patella_clock_new_fake (0);
  run.config = config_for (scenario->times, TRUE);
  open_store (&run);

  for (guint i = 0; i < G_N_ELEMENTS (scenario->steps) && scenario->steps[i].at != NULL; i++)
    run_step (&run, &scenario->steps[i]);

  g_clear_object (&run.store);
  g_clear_object (&run.clock);
  patella_reminder_config_free (run.config);
  patella_test_remove_dir (run.dir);
  g_free (run.dir);
  g_free (run.path);
  g_free (run.last_id);
}

static void
test_times_validation (void)
{
  static const struct { const char *times; guint count; const char *message; } bad[] = {
    { "8:00,12:00,16:00,20:00",    4, "HH:MM" },
    { "08:00,12:00,16:00,24:00",   4, "HH:MM" },
    { "08:00,12:60,16:00,20:00",   4, "HH:MM" },
    { "08:00,noon,16:00,20:00",    4, "HH:MM" },
    { "08:00,12:00,12:00,20:00",   4, "twice" },
    { "08:00,12:00,16:00",         4, "give one time for each" },
    { "08:00,12:00,16:00,20:00",   3, "give one time for each" },
    { "08:00,08:30,16:00,20:00",   4, "60 minutes" },
    { "09:00,14:00,14:59",         3, "60 minutes" },
    { "08:00,10:00,12:00,14:00,16:00", 5, "3 or 4" },
  };
  static const struct { const char *times; guint count; } good[] = {
    { "08:00,12:00,16:00,20:00", 4 },
    { "09:00,14:00,19:00", 3 },
    { "20:00,08:00,16:00,12:00", 4 },
    { "07:00,08:00,09:00", 3 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_auto(GStrv) times = g_strsplit (bad[i].times, ",", -1);
      g_autoptr(GError) error = NULL;

      g_assert_false (patella_reminder_times_validate ((const char * const *) times, bad[i].count,
                                                       &error));
      g_assert_error (error, PATELLA_ERROR, PATELLA_ERROR_INVALID);
      g_test_message ("%s → %s", bad[i].times, error->message);
      g_assert_nonnull (strstr (error->message, bad[i].message));
    }

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_auto(GStrv) times = g_strsplit (good[i].times, ",", -1);
      g_autoptr(GError) error = NULL;

      g_assert_true (patella_reminder_times_validate ((const char * const *) times, good[i].count,
                                                      &error));
      g_assert_no_error (error);
    }
}

static void
test_config_sorted_and_length (void)
{
  const char *times[] = { "20:00", "08:00", "16:00", "12:00", NULL };
  g_autoptr(PatellaReminderConfig) config = NULL;
  g_autoptr(GError) error = NULL;

  config = patella_reminder_config_new (TRUE, 4, times, 15, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (config->times[0], ==, "08:00");
  g_assert_cmpstr (config->times[3], ==, "20:00");

  g_assert_null (patella_reminder_config_new (TRUE, 4, times, 21, &error));
  g_assert_error (error, PATELLA_ERROR, PATELLA_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (patella_reminder_config_new (TRUE, 4, times, 14, &error));
  g_assert_error (error, PATELLA_ERROR, PATELLA_ERROR_INVALID);
}

static void
test_defaults (void)
{
  const char * const *four = patella_reminder_default_times (4);
  const char * const *three = patella_reminder_default_times (3);
  g_autoptr(PatellaReminderConfig) config = patella_reminder_config_new_default ();

  g_assert_cmpstr (four[0], ==, "08:00");
  g_assert_cmpstr (four[1], ==, "12:00");
  g_assert_cmpstr (four[2], ==, "16:00");
  g_assert_cmpstr (four[3], ==, "20:00");
  g_assert_null (four[4]);
  g_assert_cmpstr (three[0], ==, "09:00");
  g_assert_cmpstr (three[1], ==, "14:00");
  g_assert_cmpstr (three[2], ==, "19:00");
  g_assert_null (three[3]);
  g_assert_true (config->enabled);
  g_assert_cmpuint (config->count, ==, 4);
  g_assert_cmpuint (config->minutes, ==, 15);
}

static void
test_notification_text (void)
{
  g_autoptr(PatellaReminderConfig) config = patella_reminder_config_new_default ();
  PatellaReminderSlot slot = { (char *) "2026-03-10", (char *) "08:00", 0, FALSE };
  g_autoptr(PatellaNotification) n = NULL;
  gboolean has_start = FALSE;
  gboolean has_snooze = FALSE;

  config->minutes = 18;
  n = patella_reminder_slot_build_notification (&slot, config);
  g_assert_cmpstr (n->id, ==, "ice-reminder:2026-03-10T08:00");
  g_assert_nonnull (strstr (n->body, "18 minutes"));
  g_assert_nonnull (strstr (n->body, "cloth"));

  for (guint i = 0; i + 1 < n->actions->len; i += 2)
    {
      has_start |= g_str_equal (g_ptr_array_index (n->actions, i), "start");
      has_snooze |= g_str_equal (g_ptr_array_index (n->actions, i), "snooze");
    }
  g_assert_true (has_start);
  g_assert_true (has_snooze);
}

static void
test_answer_refuses_foreign_id (void)
{
  g_autofree char *dir = patella_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "patella.db", NULL);
  g_autoptr(PatellaStore) store = patella_store_open (path, NULL, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_false (patella_reminders_snooze (store, "icing-done:3", &error));
  g_assert_error (error, PATELLA_ERROR, PATELLA_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (patella_reminders_skip (store, "ice-reminder:2026-02-30T08:00", &error));
  g_assert_error (error, PATELLA_ERROR, PATELLA_ERROR_INVALID);
  g_assert_cmpint (patella_store_query_int (store, "SELECT count(*) FROM reminder_slot;", -1),
                   ==, 0);

  g_clear_object (&store);
  patella_test_remove_dir (dir);
}

static void
count_signal_cb (gpointer  instance,
                 guint    *count)
{
  (*count)++;
}

/* The shared store fixture with its clock set to @data ("YYYY-MM-DD
 * HH:MM"), and a recording notifier, for the service tests. */
typedef struct
{
  PatellaStoreFixture       base;
  PatellaNotifier          *notifier;
  PatellaRecordingNotifier *recording;
} ServiceFixture;

static void
service_fixture_set_up (ServiceFixture *fixture,
                        gconstpointer   data)
{
  patella_store_fixture_set_up (&fixture->base, NULL);
  patella_clock_set_now (fixture->base.clock, parse_time (data));
  fixture->notifier = patella_recording_notifier_new ();
  fixture->recording = PATELLA_RECORDING_NOTIFIER (fixture->notifier);
}

static void
service_fixture_tear_down (ServiceFixture *fixture,
                           gconstpointer   data)
{
  g_clear_object (&fixture->notifier);
  patella_store_fixture_tear_down (&fixture->base, NULL);
}

/* The service, as the application runs it: the fake clock moves, the
 * recording notifier receives, and the user answers through actions. */
static void
test_service (ServiceFixture *fixture,
              gconstpointer   data)
{
  PatellaClock *clock = fixture->base.clock;
  PatellaNotifier *notifier = fixture->notifier;
  PatellaRecordingNotifier *recording = fixture->recording;
  g_autoptr(PatellaReminderService) service = NULL;
  PatellaNotification *sent;
  guint started = 0;
  guint opened = 0;

  service = patella_reminder_service_new (fixture->base.store, notifier, NULL);
  g_signal_connect (service, "start-requested", G_CALLBACK (count_signal_cb), &started);
  g_signal_connect (service, "open-requested", G_CALLBACK (count_signal_cb), &opened);
  g_assert_cmpint (patella_reminder_service_get_next (service), ==,
                   parse_time ("2026-03-10 08:00"));
  g_assert_cmpuint (patella_recording_notifier_count (recording, NULL), ==, 0);

  patella_clock_set_now (clock, parse_time ("2026-03-10 08:00"));
  g_assert_cmpuint (patella_recording_notifier_count (recording, "ice-reminder:"), ==, 1);
  sent = g_ptr_array_index (patella_recording_notifier_get_sent (recording), 0);
  g_assert_cmpstr (sent->id, ==, "ice-reminder:2026-03-10T08:00");
  g_assert_nonnull (strstr (sent->body, "15 minutes"));

  /* Snooze: exactly one more, 30 minutes later. */
  patella_notifier_emit_action (notifier, sent->id, "snooze");
  patella_clock_set_now (clock, parse_time ("2026-03-10 08:29"));
  g_assert_cmpuint (patella_recording_notifier_count (recording, NULL), ==, 1);
  patella_clock_set_now (clock, parse_time ("2026-03-10 08:30"));
  g_assert_cmpuint (patella_recording_notifier_count (recording, NULL), ==, 2);
  patella_clock_set_now (clock, parse_time ("2026-03-10 09:15"));
  g_assert_cmpuint (patella_recording_notifier_count (recording, NULL), ==, 2);

  /* Start timer and body click reach the application. */
  patella_clock_set_now (clock, parse_time ("2026-03-10 12:00"));
  g_assert_cmpuint (patella_recording_notifier_count (recording, NULL), ==, 3);
  patella_notifier_emit_action (notifier, "ice-reminder:2026-03-10T12:00", "start");
  g_assert_cmpuint (started, ==, 1);
  patella_notifier_emit_action (notifier, "ice-reminder:2026-03-10T12:00", "default");
  g_assert_cmpuint (opened, ==, 1);
  g_assert_cmpint (patella_store_query_int (fixture->base.store,
                                            "SELECT count(*) FROM reminder_slot "
                                            "WHERE state = 'started';", -1), ==, 1);

  /* Other notifications' actions are not the service's business. */
  patella_notifier_emit_action (notifier, "icing-done:4", "default");
  g_assert_cmpuint (opened, ==, 1);

}

static void
flush_main_loop (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* Patella starting after a reminder's time, with no icing since, sends
 * that reminder: once the main loop runs, not while the service (and the
 * window's first frame) is being set up. */
static void
test_service_sends_missed_at_start (ServiceFixture *fixture,
                                    gconstpointer   data)
{
  g_autoptr(PatellaReminderService) service = NULL;

  service = patella_reminder_service_new (fixture->base.store, fixture->notifier, NULL);
  g_assert_cmpuint (patella_recording_notifier_count (fixture->recording, NULL), ==, 0);

  flush_main_loop ();
  g_assert_cmpuint (patella_recording_notifier_count (fixture->recording, "ice-reminder:"), ==, 1);
  g_assert_cmpint (patella_reminder_service_get_next (service), ==,
                   parse_time ("2026-03-10 12:00"));

  /* Once only. */
  flush_main_loop ();
  g_assert_cmpuint (patella_recording_notifier_count (fixture->recording, NULL), ==, 1);
}

static void
test_autostart_entry (void)
{
  g_autofree char *path = patella_autostart_get_path ();
  g_autoptr(GKeyFile) entry = g_key_file_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *exec = NULL;

  g_assert_true (g_str_has_prefix (path, g_get_user_config_dir ()));
  g_assert_false (patella_autostart_is_enabled ());

  g_assert_true (patella_autostart_set_enabled (TRUE, &error));
  g_assert_no_error (error);
  g_assert_true (patella_autostart_is_enabled ());
  g_assert_true (g_key_file_load_from_file (entry, path, G_KEY_FILE_NONE, &error));
  exec = g_key_file_get_string (entry, G_KEY_FILE_DESKTOP_GROUP, "Exec", &error);
  g_assert_cmpstr (exec, ==, "patella --background");

  g_assert_true (patella_autostart_set_enabled (FALSE, &error));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  /* Switching off twice is fine. */
  g_assert_true (patella_autostart_set_enabled (FALSE, &error));
  g_assert_no_error (error);
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *config_home = patella_test_make_dir ();
  int status;

  /* The autostart test writes here, not into the real config folder. */
  g_setenv ("XDG_CONFIG_HOME", config_home, TRUE);
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (scenarios); i++)
    {
      g_autofree char *path = g_strdup_printf ("/reminders/scenario/%s", scenarios[i].name);

      g_test_add_data_func (path, &scenarios[i], test_scenario);
    }

  g_test_add_func ("/reminders/times-validation", test_times_validation);
  g_test_add_func ("/reminders/config-sorted-and-length", test_config_sorted_and_length);
  g_test_add_func ("/reminders/defaults", test_defaults);
  g_test_add_func ("/reminders/notification-text", test_notification_text);
  g_test_add_func ("/reminders/answer-refuses-foreign-id", test_answer_refuses_foreign_id);
  g_test_add ("/reminders/service", ServiceFixture, "2026-03-10 07:00",
              service_fixture_set_up, test_service, service_fixture_tear_down);
  g_test_add ("/reminders/service-sends-missed-at-start", ServiceFixture, "2026-03-10 08:20",
              service_fixture_set_up, test_service_sends_missed_at_start,
              service_fixture_tear_down);
  g_test_add_func ("/reminders/autostart-entry", test_autostart_entry);

  status = g_test_run ();
  patella_test_remove_dir (config_home);
  return status;
}
