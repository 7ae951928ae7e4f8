/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <sys/wait.h>

#include "patella-test-cli.h"
#include "patella-test-utils.h"

/* patella-cli in German, from the translations built into the build's po
 * folder ($PATELLA_LOCALEDIR). LC_ALL=C.UTF-8 needs no generated locale;
 * glibc still follows LANGUAGE with it. */

typedef PatellaCliFixture Fixture;

/* patella-cli in German, on @db. */
#define run_cli_de(result, db, ...) \
  patella_test_run_cli_env ((result), \
                            (const char *[]) { "PATELLA_DB", (db), "LC_ALL", "C.UTF-8", \
                                               "LANGUAGE", "de", NULL }, \
                            (const char *[]) { __VA_ARGS__, NULL })

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
  g_auto(PatellaCliResult) help = { 0 };
  g_auto(PatellaCliResult) journal_help = { 0 };

  run_cli_de (&help, fixture->db, "--help");
  g_assert_cmpint (help.status, ==, 0);
  g_assert_true (g_str_has_prefix (help.out, "Aufruf: patella-cli"));
  assert_contains (help.out, "Befehle:");
  assert_contains (help.out, "Optionen:");
  assert_contains (help.out, "Diese Hilfe anzeigen");
  /* Command names and option names stay as they are. */
  assert_contains (help.out, "  status ");
  assert_contains (help.out, "--db FILE");
  g_assert_null (strstr (help.out, "Usage:"));

  run_cli_de (&journal_help, fixture->db, "journal", "add", "--help");
  g_assert_cmpint (journal_help.status, ==, 0);
  assert_contains (journal_help.out, "--pain-activity");
  assert_contains (journal_help.out, "Schmerz bei Aktivität");
}

static void
test_status (Fixture       *fixture,
             gconstpointer  data)
{
  g_auto(PatellaCliResult) status = { 0 };
  g_auto(PatellaCliResult) json = { 0 };

  run_cli_de (&status, fixture->db, "status");
  g_assert_cmpint (status.status, ==, 0);
  g_assert_true (g_str_has_prefix (status.out, "Heute: "));
  assert_contains (status.out, "Kühlen: 0 von ");
  assert_contains (status.out, "Schuhe: noch keine");
  assert_contains (status.out, "Patella ersetzt weder Ärztin, Arzt noch Physiotherapie.");

  /* JSON member names are not translated. */
  run_cli_de (&json, fixture->db, "status", "--format", "json");
  g_assert_cmpint (json.status, ==, 0);
  assert_contains (json.out, "\"today\"");
}

static void
test_journal (Fixture       *fixture,
              gconstpointer  data)
{
  g_auto(PatellaCliResult) add = { 0 };
  g_auto(PatellaCliResult) list = { 0 };

  run_cli_de (&add, fixture->db, "journal", "add", "--date", "2026-03-14", "--pain", "4",
              "--pain-activity", "4", "--symptom", "pain-stairs");
  g_assert_cmpint (add.status, ==, 0);
  assert_contains (add.out, "2026-03-14: Eintrag hinzugefügt");

  run_cli_de (&list, fixture->db, "journal", "list");
  g_assert_cmpint (list.status, ==, 0);
  /* The zones belong to pain during activity only. */
  assert_contains (list.out, "in Ruhe 4/10 · bei Aktivität 4/10, Akzeptabel (3–5)");
  assert_contains (list.out, "Symptome: Schmerz beim Treppensteigen");
}

static void
test_errors (Fixture       *fixture,
             gconstpointer  data)
{
  g_auto(PatellaCliResult) unknown = { 0 };
  g_auto(PatellaCliResult) pain = { 0 };
  g_auto(PatellaCliResult) distance = { 0 };

  run_cli_de (&unknown, fixture->db, "fly");
  g_assert_cmpint (unknown.status, ==, 2);
  g_assert_cmpstr (unknown.out, ==, "");
  g_assert_true (g_str_has_prefix (unknown.err, "patella-cli: Unbekannter Befehl „fly“\n"));
  assert_contains (unknown.err, "Versuche „patella-cli --help“ für die Befehle.");

  run_cli_de (&pain, fixture->db, "journal", "add", "--pain", "11");
  g_assert_cmpint (pain.status, !=, 0);
  g_assert_true (g_str_has_prefix (pain.err, "patella-cli: "));
  assert_contains (pain.err, "außerhalb des Bereichs");

  run_cli_de (&distance, fixture->db, "run", "add", "--distance", "far");
  g_assert_cmpint (distance.status, !=, 0);
  g_assert_true (g_str_has_prefix (distance.err, "patella-cli: „far“ ist keine Distanz"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) patella_cli_test_add ("/cli-l10n/" name, (func))

  ADD ("catalog-built", test_catalog_built);
  ADD ("help", test_help);
  ADD ("status", test_status);
  ADD ("journal", test_journal);
  ADD ("errors", test_errors);

#undef ADD

  return g_test_run ();
}
