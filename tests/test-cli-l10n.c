/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <sys/wait.h>

#include "patella-test-utils.h"

/* patella-cli in German, from the translations built into the build's po
 * folder ($PATELLA_LOCALEDIR). LC_ALL=C.UTF-8 needs no generated locale;
 * glibc still follows LANGUAGE with it. */

typedef struct
{
  char *dir;
  char *db;
} Fixture;

typedef struct
{
  int   status;
  char *out;
  char *err;
} Result;

static void
result_clear (Result *result)
{
  g_free (result->out);
  g_free (result->err);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Result, result_clear)

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->dir = patella_test_make_dir ();
  fixture->db = g_build_filename (fixture->dir, "patella.db", NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  patella_test_remove_dir (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->db);
}

/* Runs the built patella-cli in German with @args (NULL-terminated). */
static void
run_cli_de (Result     *result,
            const char *db,
            ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) envp = g_get_environ ();
  const char *cli = g_getenv ("PATELLA_CLI");
  const char *arg;
  int wait_status;
  va_list args;

  g_assert_nonnull (cli);
  g_ptr_array_add (argv, (char *) cli);
  va_start (args, db);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  envp = g_environ_setenv (envp, "PATELLA_DB", db, TRUE);
  envp = g_environ_setenv (envp, "LC_ALL", "C.UTF-8", TRUE);
  envp = g_environ_setenv (envp, "LANGUAGE", "de", TRUE);

  g_spawn_sync (NULL, (char **) argv->pdata, envp, G_SPAWN_DEFAULT, NULL, NULL,
                &result->out, &result->err, &wait_status, &error);
  g_assert_no_error (error);

  g_assert_true (WIFEXITED (wait_status));
  result->status = WEXITSTATUS (wait_status);
}

static void
assert_contains (const char *haystack,
                 const char *needle)
{
  if (strstr (haystack, needle) == NULL)
    g_error ("“%s” not found in:\n%s", needle, haystack);
}

static void
test_catalog_built (Fixture       *fixture,
                    gconstpointer  data)
{
  const char *localedir = g_getenv ("PATELLA_LOCALEDIR");
  g_autofree char *mo = NULL;

  g_assert_nonnull (localedir);
  mo = g_build_filename (localedir, "de", "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);
  g_assert_true (g_file_test (mo, G_FILE_TEST_IS_REGULAR));
}

static void
test_help (Fixture       *fixture,
           gconstpointer  data)
{
  g_auto(Result) help = { 0 };
  g_auto(Result) journal_help = { 0 };

  run_cli_de (&help, fixture->db, "--help", NULL);
  g_assert_cmpint (help.status, ==, 0);
  g_assert_true (g_str_has_prefix (help.out, "Aufruf: patella-cli"));
  assert_contains (help.out, "Befehle:");
  assert_contains (help.out, "Optionen:");
  assert_contains (help.out, "Diese Hilfe anzeigen");
  /* Command names and option names stay as they are. */
  assert_contains (help.out, "  status ");
  assert_contains (help.out, "--db FILE");
  g_assert_null (strstr (help.out, "Usage:"));

  run_cli_de (&journal_help, fixture->db, "journal", "add", "--help", NULL);
  g_assert_cmpint (journal_help.status, ==, 0);
  assert_contains (journal_help.out, "--pain-activity");
  assert_contains (journal_help.out, "Schmerz bei Aktivität");
}

static void
test_status (Fixture       *fixture,
             gconstpointer  data)
{
  g_auto(Result) status = { 0 };
  g_auto(Result) json = { 0 };

  run_cli_de (&status, fixture->db, "status", NULL);
  g_assert_cmpint (status.status, ==, 0);
  g_assert_true (g_str_has_prefix (status.out, "Heute: "));
  assert_contains (status.out, "Kühlen: 0 von ");
  assert_contains (status.out, "Schuhe: noch keine");
  assert_contains (status.out, "Patella ersetzt weder Ärztin, Arzt noch Physiotherapie.");

  /* JSON member names are not translated. */
  run_cli_de (&json, fixture->db, "status", "--format", "json", NULL);
  g_assert_cmpint (json.status, ==, 0);
  assert_contains (json.out, "\"today\"");
}

static void
test_journal (Fixture       *fixture,
              gconstpointer  data)
{
  g_auto(Result) add = { 0 };
  g_auto(Result) list = { 0 };

  run_cli_de (&add, fixture->db, "journal", "add", "--date", "2026-03-14", "--pain", "4",
              "--pain-activity", "4", "--symptom", "pain-stairs", NULL);
  g_assert_cmpint (add.status, ==, 0);
  assert_contains (add.out, "2026-03-14: Eintrag hinzugefügt");

  run_cli_de (&list, fixture->db, "journal", "list", NULL);
  g_assert_cmpint (list.status, ==, 0);
  /* The zones belong to pain during activity only. */
  assert_contains (list.out, "in Ruhe 4/10 · bei Aktivität 4/10, Akzeptabel (3–5)");
  assert_contains (list.out, "Symptome: Schmerz beim Treppensteigen");
}

static void
test_errors (Fixture       *fixture,
             gconstpointer  data)
{
  g_auto(Result) unknown = { 0 };
  g_auto(Result) pain = { 0 };
  g_auto(Result) distance = { 0 };

  run_cli_de (&unknown, fixture->db, "fly", NULL);
  g_assert_cmpint (unknown.status, ==, 2);
  g_assert_cmpstr (unknown.out, ==, "");
  g_assert_true (g_str_has_prefix (unknown.err, "patella-cli: Unbekannter Befehl „fly“\n"));
  assert_contains (unknown.err, "Versuche „patella-cli --help“ für die Befehle.");

  run_cli_de (&pain, fixture->db, "journal", "add", "--pain", "11", NULL);
  g_assert_cmpint (pain.status, !=, 0);
  g_assert_true (g_str_has_prefix (pain.err, "patella-cli: "));
  assert_contains (pain.err, "außerhalb des Bereichs");

  run_cli_de (&distance, fixture->db, "run", "add", "--distance", "far", NULL);
  g_assert_cmpint (distance.status, !=, 0);
  g_assert_true (g_str_has_prefix (distance.err, "patella-cli: „far“ ist keine Distanz"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/cli-l10n/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("catalog-built", test_catalog_built);
  ADD ("help", test_help);
  ADD ("status", test_status);
  ADD ("journal", test_journal);
  ADD ("errors", test_errors);

#undef ADD

  return g_test_run ();
}
