/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The hostile-input matrix: each case runs the real patella-cli on a
 * database holding data, and checks the exit status, that the message says
 * what is wrong, and that the database is left identical. */
#include "config.h"

#include <sys/wait.h>
#include <sqlite3.h>

#include "patella-store.h"
#include "patella-test-data.h"
#include "patella-test-db.h"
#include "patella-test-utils.h"

#define MAX_ARGS 8

typedef struct
{
  const char *args[MAX_ARGS];   /* "@NAME": tests/hostile/NAME; "%NAME": made by the test */
  int         status;
  const char *message;          /* in stderr, or in stdout when status is 0 */
} Case;

#define LONG_NOTE "%long-note"

static const Case cases[] = {
  /* Command-line numbers and text. */
  { { "journal", "add", "--pain", "99999999999999999999" }, 1, "is not a pain rating" },
  { { "journal", "add", "--pain", "-1" }, 1, "" },
  { { "journal", "add", "--pain", "NaN" }, 1, "" },
  { { "journal", "add", "--pain", "inf" }, 1, "" },
  { { "journal", "add", "--pain", "1e308" }, 1, "" },
  { { "journal", "add", "--pain", "1e-308" }, 1, "" },
  { { "journal", "add", "--pain", "3.5" }, 1, "" },
  { { "journal", "add", "--pain", "" }, 1, "" },
  { { "journal", "add", "--pain", "   " }, 1, "" },
  { { "journal", "add", "--pain", "\xff\xfe" }, 1, "UTF-8" },
  { { "journal", "add", "--pain", "3", "--pain-activity", "11" }, 1, "" },
  { { "journal", "add", "--pain", "3", "--date", "0001-01-01" }, 1, "1900-01-01 to 2999-12-31" },
  { { "journal", "add", "--pain", "3", "--date", "9999-12-31" }, 1, "1900-01-01 to 2999-12-31" },
  { { "journal", "add", "--pain", "3", "--date", "2026-02-30" }, 1, "not a day of the calendar" },
  { { "journal", "add", "--pain", "3", "--date", "2026-01-01'; DROP TABLE journal_entry;--" }, 1,
    "is not a date" },
  { { "journal", "add", "--pain", "3", "--date", "" }, 1, "" },
  { { "journal", "add", "--pain", "3", "--note", LONG_NOTE }, 1, "at most 10000" },
  { { "journal", "add", "--pain", "3", "--note", "bad \xc3\x28 utf8" }, 1, "UTF-8" },
  { { "journal", "add", "--pain", "3", "--symptom", "bogus" }, 1, "" },
  { { "journal", "add", "--pain", "3", "--symptom", "swelling' OR 1=1; --" }, 1, "" },
  { { "journal", "add", "--frobnicate" }, 2, "Unknown option" },
  { { "journal", "list", "--from", "2026-13-01" }, 1, "" },
  { { "drop", "table" }, 2, "Unknown command" },
  /* export */
  { { "export", "--format", "xml" }, 2, "use csv or json" },
  { { "export", "--format", "csv" }, 2, "add --table" },
  { { "export", "--format", "csv", "--table", "reminder_slot" }, 2, "Unknown table" },
  { { "export", "--format", "csv", "--table", "journal; DROP TABLE run" }, 2, "Unknown table" },
  { { "export", "--table", "journal" }, 2, "--table goes with --format csv" },
  { { "export", "--output", "%missing/dir/export.json" }, 1, "Choose another place" },
  { { "export", "extra" }, 2, "not an option of export" },
  /* import arguments */
  { { "import" }, 2, "Give the files or folders to import" },
  { { "import", "a.json", "b.json" }, 1, "No file could be read" },
  { { "import", "%missing.json" }, 1, "No such file" },
  { { "import", "%folder" }, 1, "There are no activity files in" },
  { { "import", "--shoe", "", "@gpx-too-long.gpx" }, 1, "The name is empty" },
  { { "import", "--shoe", "   ", "@gpx-too-long.gpx" }, 1, "The name is empty" },
  { { "import", "--shoe", "\xff", "@gpx-too-long.gpx" }, 1, "UTF-8" },
  { { "import", "--shoe", "x'; DROP TABLE shoe; --", "@gpx-too-long.gpx" }, 1, "There is no shoe called" },
  { { "import", "--shoe", "x", "--no-shoe", "@gpx-too-long.gpx" }, 2, "not both" },
  /* backup and restore */
  { { "backup", "now" }, 2, "not an option of backup" },
  { { "restore" }, 2, "Give the backup" },
  { { "restore", "1999-01-01", "--yes" }, 1, "no backup of 1999-01-01" },
  { { "restore", "@not-data.txt", "--yes" }, 1, "not a Patella backup" },
  { { "restore", "%random.db", "--yes" }, 1, "not a Patella backup" },
  { { "restore", "%missing.db", "--yes" }, 1, "No such file" },
  { { "restore", "%backup" }, 1, "add --yes to confirm" },
  /* Import files: Patella exports. */
  { { "import", "@newer-version.json" }, 1, "exported by a newer Patella" },
  { { "import", "@not-patella.json" }, 1, "not a Patella export" },
  { { "import", "@no-format.json" }, 1, "not a Patella export" },
  { { "import", "@array-root.json" }, 1, "neither a Patella export" },
  { { "import", "@broken.json" }, 1, "not valid JSON" },
  { { "import", "@nan.json" }, 1, "not valid JSON" },
  { { "import", "@infinity.json" }, 1, "not valid JSON" },
  { { "import", "@huge-number.json" }, 1, "" },
  { { "import", "@huge-integer.json" }, 1, "" },
  { { "import", "@tiny-number.json" }, 1, "“distance_m” must be a whole number" },
  { { "import", "@negative-distance.json" }, 1, "“distance_m” must be a whole number" },
  { { "import", "@zero-distance.json" }, 1, "“distance_m”" },
  { { "import", "@distance-too-long.json" }, 1, "from 1 to 300000" },
  { { "import", "@string-number.json" }, 1, "“distance_m”" },
  { { "import", "@duration-negative.json" }, 1, "“duration_s”" },
  { { "import", "@duration-48h.json" }, 1, "“duration_s”" },
  { { "import", "@empty-shoe-name.json" }, 1, "a name of 1 to 100 characters" },
  { { "import", "@whitespace-shoe-name.json" }, 1, "a name of 1 to 100 characters" },
  { { "import", "@long-shoe-name.json" }, 1, "a name of 1 to 100 characters" },
  { { "import", "@newline-shoe-name.json" }, 1, "on one line" },
  { { "import", "@escaped-nul.json" }, 1, "NUL character" },
  { { "import", "@sql-shoe-name.json" }, 1, "“warn_m”" },
  { { "import", "@warn-over-limit.json" }, 1, "at most “limit_m”" },
  { { "import", "@two-defaults.json" }, 1, "more than one default shoe" },
  { { "import", "@run-unknown-shoe.json" }, 1, "names the shoe “Nobody's shoe”" },
  { { "import", "@date-far-past.json" }, 1, "a date from 1900-01-01 to 2999-12-31" },
  { { "import", "@date-far-future.json" }, 1, "a date from 1900-01-01 to 2999-12-31" },
  { { "import", "@date-not-in-calendar.json" }, 1, "“date”" },
  { { "import", "@date-sql.json" }, 1, "“date”" },
  { { "import", "@date-number.json" }, 1, "“date”" },
  { { "import", "@pain-eleven.json" }, 1, "“pain_rest” must be null or a whole number from 0 to 10" },
  { { "import", "@pain-float.json" }, 1, "“pain_rest”" },
  { { "import", "@pain-bool.json" }, 1, "“pain_rest”" },
  { { "import", "@unknown-symptom.json" }, 1, "known symptom codes" },
  { { "import", "@duplicate-symptom.json" }, 1, "each once" },
  { { "import", "@note-too-long.json" }, 1, "at most 10000 characters" },
  { { "import", "%note-1mb.json" }, 1, "at most 10000 characters" },
  { { "import", "%deep.json" }, 1, "more than 16 deep" },
  { { "import", "@session-bad-kind.json" }, 1, "“icing” or “exercise”" },
  { { "import", "@session-running-no-end.json" }, 1, "“ends_us”" },
  { { "import", "@session-ends-far-future.json" }, 1, "“ends_us” must be null or a whole number from 0 to 32503680000000000" },
  { { "import", "@session-year-5000.json" }, 1, "“started_us” must be a whole number" },
  { { "import", "@bad-uuid.json" }, 1, "“uuid” must be a UUID" },
  { { "import", "@routine-too-many-sets.json" }, 1, "“sets”" },
  { { "import", "@item-not-object.json" }, 1, "is not an object" },
  { { "import", "@list-not-array.json" }, 1, "must be a list" },
  { { "import", "@good-then-bad.json" }, 1, "item 2, “pain_rest”" },
  { { "import", "@empty.json" }, 1, "The file is empty" },
  { { "import", "@whitespace.json" }, 1, "neither a Patella export" },
  { { "import", "@invalid-utf8.json" }, 1, "not UTF-8" },
  { { "import", "@nul-byte.json" }, 1, "not UTF-8" },
  { { "import", "@not-data.txt" }, 1, "neither a Patella export" },
  { { "import", "%random.db" }, 1, "neither a Patella export nor an activity file" },
  { { "import", "%huge.json" }, 1, "files of at most 32 MB" },
  /* Import files: GPX. */
  { { "import", "@gpx-no-points.gpx" }, 0, "it has no start time" },
  { { "import", "@gpx-no-tracks.gpx" }, 1, "no tracks" },
  { { "import", "@gpx-broken.gpx" }, 1, "not valid GPX" },
  { { "import", "@gpx-mismatched.gpx" }, 1, "not valid GPX" },
  { { "import", "@gpx-billion-laughs.gpx" }, 1, "entity expansion" },
  { { "import", "@gpx-external-entity.gpx" }, 1, "entity expansion" },
  { { "import", "@gpx-undeclared-entity.gpx" }, 1, "not valid GPX" },
  { { "import", "@gpx-bad-lat.gpx" }, 0, "it has no start time" },
  { { "import", "@gpx-nan-lat.gpx" }, 0, "it has no start time" },
  { { "import", "@gpx-no-lon.gpx" }, 0, "it has no start time" },
  { { "import", "@gpx-bad-time.gpx" }, 1, "“next Tuesday” on line" },
  { { "import", "@gpx-far-future.gpx" }, 0, "no start time between 1900 and 2999" },
  { { "import", "@gpx-far-past.gpx" }, 0, "no start time between 1900 and 2999" },
  { { "import", "@gpx-too-long.gpx" }, 0, "is not between 1 m and 300 km" },
  { { "import", "@gpx-backwards.gpx" }, 0, "its times go backwards" },
  { { "import", "@gpx-html.gpx" }, 1, "neither a Patella export" },
  { { "import", "@gpx-nested-tracks.gpx" }, 1, "inside another track" },
  { { "import", "@gpx-invalid-utf8.gpx" }, 1, "not UTF-8" },
  /* Activity files from watches. */
  { { "import", "@tcx-billion-laughs.tcx" }, 1, "entity expansion" },
  { { "import", "@tcx-external-entity.tcx" }, 1, "entity expansion" },
  { { "import", "@tcx-negative-distance.tcx" }, 1, "negative <DistanceMeters>" },
  { { "import", "@tcx-huge-distance.tcx" }, 1, "is not a number from 0 to" },
  { { "import", "@fit-truncated.fit" }, 1, "it is truncated" },
  { { "import", "@fit-bad-crc.fit" }, 1, "fails its checksum (CRC)" },
  { { "import", "@gz-garbage.fit.gz" }, 1, "not a valid gzip file" },
  { { "import", "@zip-garbage.zip" }, 1, "zip-garbage.zip: the archive is damaged" },
  { { "import", "@fit-bad-crc.fit", "@tcx-external-entity.tcx" }, 1, "No file could be read" },
};

typedef struct
{
  char *dir;
  char *db;
} Env;

static char *
resolve (Env        *env,
         const char *arg)
{
  if (arg[0] == '@')
    return g_build_filename (g_getenv ("PATELLA_HOSTILE_DIR"), arg + 1, NULL);
  if (arg[0] == '%')
    return g_build_filename (env->dir, arg + 1, NULL);
  return g_strdup (arg);
}

static void
make_files (Env *env)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *note = g_strnfill (1024 * 1024, 'n');
  g_autofree char *note_json = NULL;
  g_autofree char *long_note = g_build_filename (env->dir, "long-note", NULL);
  g_autofree char *path = NULL;
  g_autoptr(GString) deep = g_string_new ("{\"format\": \"patella-export\", \"version\": 1, "
                                          "\"journal\": ");
  FILE *file;

  note_json = g_strdup_printf ("{\"format\": \"patella-export\", \"version\": 1, \"journal\": "
                               "[{\"date\": \"2026-01-01\", \"pain_rest\": 1, \"note\": \"%s\", "
                               "\"created_us\": 1, \"updated_us\": 1}]}", note);
  path = g_build_filename (env->dir, "note-1mb.json", NULL);
  g_assert_true (g_file_set_contents (path, note_json, -1, &error));
  g_clear_pointer (&path, g_free);

  /* Deep enough to exhaust the stack of a recursive parser. */
  for (guint i = 0; i < 200000; i++)
    g_string_append_c (deep, '[');
  path = g_build_filename (env->dir, "deep.json", NULL);
  g_assert_true (g_file_set_contents (path, deep->str, (gssize) deep->len, &error));
  g_clear_pointer (&path, g_free);

  /* A sparse 100 MB file. */
  path = g_build_filename (env->dir, "huge.json", NULL);
  file = fopen (path, "w");
  g_assert_nonnull (file);
  fputc ('{', file);
  g_assert_cmpint (fseek (file, 100 * 1024 * 1024, SEEK_SET), ==, 0);
  fputc ('}', file);
  fclose (file);
  g_clear_pointer (&path, g_free);

  path = g_build_filename (env->dir, "random.db", NULL);
  patella_test_write_random_file (path, 65536);
  g_clear_pointer (&path, g_free);

  path = g_build_filename (env->dir, "folder", NULL);
  g_assert_cmpint (g_mkdir (path, 0700), ==, 0);
  g_clear_pointer (&path, g_free);

  /* 100 000 characters: under the kernel's limit for one argument. */
  {
    g_autofree char *text = g_strnfill (100000, 'x');

    g_assert_true (g_file_set_contents (long_note, text, -1, &error));
  }
}

static guint n_failed;

#define FAIL(...) G_STMT_START { g_printerr (__VA_ARGS__); g_printerr ("\n"); n_failed++; return; } G_STMT_END

static void
run_case (Env        *env,
          const Case *c,
          guint       index)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) envp = g_environ_unsetenv (g_get_environ (), "PATELLA_DB");
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *message_in;
  int wait_status;

  g_ptr_array_add (argv, g_strdup (g_getenv ("PATELLA_CLI")));
  g_ptr_array_add (argv, g_strdup ("--db"));
  g_ptr_array_add (argv, g_strdup (env->db));
  for (guint i = 0; i < MAX_ARGS && c->args[i] != NULL; i++)
    {
      if (g_str_equal (c->args[i], LONG_NOTE))
        {
          g_autofree char *path = resolve (env, c->args[i]);
          char *text = NULL;

          g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
          g_ptr_array_add (argv, text);
        }
      else
        {
          g_ptr_array_add (argv, resolve (env, c->args[i]));
        }
    }
  g_ptr_array_add (argv, NULL);

  before = patella_test_dump_db (env->db);
  g_spawn_sync (NULL, (char **) argv->pdata, envp, G_SPAWN_STDIN_FROM_DEV_NULL, NULL, NULL,
                &out, &err, &wait_status, &error);
  g_assert_no_error (error);
  after = patella_test_dump_db (env->db);

  g_test_message ("case %u: %s %s → %s%s", index, c->args[0], c->args[1] ? c->args[1] : "",
                  err, out);

  if (!WIFEXITED (wait_status))
    FAIL ("case %u (%s %s) did not exit normally", index, c->args[0],
             c->args[1] ? c->args[1] : "");
  if (WEXITSTATUS (wait_status) != c->status)
    FAIL ("case %u (%s %s): exit status %d, expected %d; stderr: %s", index, c->args[0],
             c->args[1] ? c->args[1] : "", WEXITSTATUS (wait_status), c->status, err);

  message_in = c->status == 0 ? out : err;
  if (strstr (message_in, c->message) == NULL)
    FAIL ("case %u (%s %s): “%s” not in “%s”", index, c->args[0],
             c->args[1] ? c->args[1] : "", c->message, message_in);
  /* A refusal always says something, on one "patella-cli: " line at least. */
  if (c->status != 0)
    g_assert_true (g_str_has_prefix (err, "patella-cli: "));
  g_assert_true (g_utf8_validate (err, -1, NULL));

  if (g_strcmp0 (before, after) != 0)
    FAIL ("case %u (%s %s) changed the database", index, c->args[0],
             c->args[1] ? c->args[1] : "");
}

static void
test_matrix (void)
{
  g_autoptr(GError) error = NULL;
  Env env;

  env.dir = patella_test_make_dir ();
  env.db = g_build_filename (env.dir, "patella.db", NULL);

  {
    g_autoptr(PatellaStore) store = patella_store_open (env.db, NULL, &error);

    g_assert_no_error (error);
    patella_test_fill_store (store);
    /* The store is closed here: nothing is left in a write-ahead log. */
    g_assert_true (patella_store_exec (store, "PRAGMA wal_checkpoint(TRUNCATE);", &error));
  }

  make_files (&env);

  {
    /* A real backup of this database, so that only the missing
     * confirmation refuses to restore it. */
    g_autofree char *backup = g_build_filename (env.dir, "backup", NULL);
    sqlite3 *src = NULL;
    sqlite3 *dst = NULL;
    sqlite3_backup *copy;

    g_assert_cmpint (sqlite3_open (env.db, &src), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_open (backup, &dst), ==, SQLITE_OK);
    copy = sqlite3_backup_init (dst, "main", src, "main");
    g_assert_cmpint (sqlite3_backup_step (copy, -1), ==, SQLITE_DONE);
    sqlite3_backup_finish (copy);
    sqlite3_exec (dst, "PRAGMA journal_mode = DELETE;", NULL, NULL, NULL);
    sqlite3_close (dst);
    sqlite3_close (src);
  }

  g_assert_cmpuint (G_N_ELEMENTS (cases), >=, 60);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    run_case (&env, &cases[i], i);
  g_assert_cmpuint (n_failed, ==, 0);

  patella_test_remove_dir (env.dir);
  g_free (env.dir);
  g_free (env.db);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/hostile/matrix", test_matrix);

  return g_test_run ();
}
