/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>

#include "patella-store.h"
#include "patella-test-cli.h"
#include "patella-test-data.h"
#include "patella-test-utils.h"

/* `patella-cli report` as a user runs it, read back with poppler-utils:
 * pdftotext for the figures and dates (in English and German), pdffonts for
 * embedded fonts, pdfinfo for pages and paper, pdftoppm for ink on every
 * page. The name on the title comes from GSettings, through a keyfile. */

#define FROM "2026-02-01"
#define TO   "2026-03-14"

typedef struct
{
  char *dir;
  char *db;
  char *pdf;
} Fixture;

/* The database as patella-cli opens it, on the real clock. */
static PatellaStore *
open_store (const char *db)
{
  g_autoptr(PatellaClock) clock = patella_clock_new_real ();
  g_autoptr(GError) error = NULL;
  PatellaStore *store = patella_store_open (db, clock, &error);

  g_assert_no_error (error);
  return store;
}

static void
exec_sql (const char *db,
          const char *sql)
{
  g_autoptr(PatellaStore) store = open_store (db);
  g_autoptr(GError) error = NULL;

  patella_store_exec (store, sql, &error);
  g_assert_no_error (error);
}

static void
fill (Fixture *fixture)
{
  g_autoptr(PatellaStore) store = open_store (fixture->db);

  patella_test_fill_report (store);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *settings_dir = NULL;
  g_autofree char *keyfile = NULL;
  g_autoptr(GError) error = NULL;

  fixture->dir = patella_test_make_dir ();
  fixture->db = g_build_filename (fixture->dir, "patella.db", NULL);
  fixture->pdf = g_build_filename (fixture->dir, "report.pdf", NULL);

  /* The name on the report, as Preferences would have stored it. */
  settings_dir = g_build_filename (fixture->dir, "config", "glib-2.0", "settings", NULL);
  g_assert_cmpint (g_mkdir_with_parents (settings_dir, 0700), ==, 0);
  keyfile = g_build_filename (settings_dir, "keyfile", NULL);
  g_file_set_contents (keyfile,
                       "[io/github/patella/Patella]\n"
                       "report-name='Alex Example'\n"
                       "distance-unit='km'\n", -1, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  patella_test_remove_dir (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->db);
  g_free (fixture->pdf);
}

/* patella-cli with the fixture's database and settings; @language "de" for German. */
static void
run_cli (Fixture    *fixture,
         PatellaCliResult     *result,
         const char *language,
         ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autofree char *config = g_build_filename (fixture->dir, "config", NULL);
  const char *envs[] = {
    "PATELLA_DB", fixture->db,
    "GSETTINGS_BACKEND", "keyfile",
    "XDG_CONFIG_HOME", config,
    "LANGUAGE", language,
    NULL,
  };
  const char *arg;
  va_list args;

  g_ptr_array_add (argv, (char *) g_getenv ("PATELLA_CLI"));
  g_ptr_array_add (argv, "report");
  va_start (args, language);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  patella_test_run_argv (result, envs, (const char * const *) argv->pdata);
}

/* What pdftotext reads in drawing order (-raw: table rows stay rows), with every run of white space made one space, so
 * that a sentence wrapped across lines is still found whole. */
static char *
pdf_text (const char *pdf)
{
  g_auto(PatellaCliResult) result = { 0 };
  g_autoptr(GRegex) spaces = g_regex_new ("\\s+", 0, 0, NULL);
  const char *argv[] = { "pdftotext", "-raw", "-enc", "UTF-8", pdf, "-", NULL };

  patella_test_run_argv (&result, NULL, argv);
  g_assert_cmpint (result.status, ==, 0);
  return g_regex_replace_literal (spaces, result.out, -1, 0, " ", 0, NULL);
}

static void
assert_contains (const char *text,
                 const char *expected)
{
  if (strstr (text, expected) == NULL)
    g_error ("“%s” not found in the PDF's text:\n%s", expected, text);
}

static char *
pdf_info (const char *pdf,
          const char *key)
{
  g_auto(PatellaCliResult) result = { 0 };
  g_auto(GStrv) lines = NULL;
  const char *argv[] = { "pdfinfo", pdf, NULL };

  patella_test_run_argv (&result, NULL, argv);
  g_assert_cmpint (result.status, ==, 0);
  lines = g_strsplit (result.out, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], key))
      return g_strstrip (g_strdup (lines[i] + strlen (key) + 1));

  g_error ("pdfinfo gave no “%s”", key);
}

static void
test_english (Fixture       *fixture,
              gconstpointer  data)
{
  g_auto(PatellaCliResult) result = { 0 };
  g_autofree char *text = NULL;
  g_autofree char *pages = NULL;
  g_autofree char *size = NULL;
  struct stat st;

  fill (fixture);
  run_cli (fixture, &result, "C", "--from", FROM, "--to", TO, "--output", fixture->pdf, NULL);
  g_assert_cmpstr (result.err, ==, "");
  g_assert_cmpint (result.status, ==, 0);
  g_assert_nonnull (strstr (result.out, "report for 2026-02-01 to 2026-03-14"));

  /* Readable by its owner only. */
  g_assert_cmpint (g_stat (fixture->pdf, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  text = pdf_text (fixture->pdf);
  assert_contains (text, "Knee report for Alex Example");
  assert_contains (text, "Period: 2026-02-01 to 2026-03-14 (42 days)");
  assert_contains (text, "Journal entries on 8 of 42 days.");
  assert_contains (text, "0–2 (safe) on 1, 3–5 (acceptable) on 1, above 5 (too much) on 1.");
  assert_contains (text, "Trend: Better: pain at rest averaged 2.0 at the end of the period "
                         "against 4.0 at its start.");
  assert_contains (text, "1 point or more lower is better");
  /* The week of Feb 2: 3 of 7 days noted, at rest 4.0, 20 km, +300 % on the week before. */
  assert_contains (text, "2026-02-02 3/7 4.0 4.0 – 2 20.0 km +300 % 3/3 0");
  assert_contains (text, "Swelling (red flag): 2026-03-05");
  assert_contains (text, "2026-03-01");
  assert_contains (text, "See a clinician (Within days):");
  assert_contains (text, "3 runs, 32.0 km in all; the longest 12.0 km on 2026-03-10.");
  assert_contains (text, "Trail: 22.0 km (2 runs)");
  assert_contains (text, "Step rate (cadence) is not recorded.");
  assert_contains (text, "The week of Feb 2 (20.0 km) is 300% above the week before (5.0 km)");
  assert_contains (text, "Icing: 5 sessions; the goal of 4 a day was met on 1 of 42 days.");
  assert_contains (text, "Exercise: 4 sessions; the goal of 3 a week was met in 1 of 5 whole "
                         "weeks.");
  assert_contains (text, "It is not a diagnosis");
  /* Notes are private unless asked for; brands are never printed. */
  g_assert_null (strstr (text, "Stairs hurt"));
  g_assert_null (strstr (text, "Maker X"));

  pages = pdf_info (fixture->pdf, "Pages:");
  g_assert_cmpint (atoi (pages), >=, 1);
  g_assert_cmpint (atoi (pages), <=, 2);
  /* C.UTF-8 prints on A4. */
  size = pdf_info (fixture->pdf, "Page size:");
  g_assert_cmpstr (size, ==, "595.276 x 841.89 pts (A4)");
}

static void
test_german (Fixture       *fixture,
             gconstpointer  data)
{
  g_auto(PatellaCliResult) result = { 0 };
  g_autofree char *text = NULL;

  fill (fixture);
  run_cli (fixture, &result, "de", "--from", FROM, "--to", TO, "--output", fixture->pdf, NULL);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_nonnull (strstr (result.out, "Bericht"));

  text = pdf_text (fixture->pdf);
  assert_contains (text, "Kniebericht für Alex Example");
  assert_contains (text, "Zeitraum: 2026-02-01 bis 2026-03-14 (42 Tage)");
  assert_contains (text, "Besser: Der Schmerz in Ruhe lag am Ende des Zeitraums im Mittel bei "
                         "2.0 gegenüber 4.0 an seinem Anfang.");
  assert_contains (text, "Schwellung (Warnzeichen): 2026-03-05");
  assert_contains (text, "3 Läufe, insgesamt 32.0 km; der längste 12.0 km am 2026-03-10.");
  assert_contains (text, "Kühlen: 5 Einheiten");
  assert_contains (text, "keine Diagnose");
  g_assert_null (strstr (text, "Knee report"));
}

static void
test_fonts_and_ink (Fixture       *fixture,
                    gconstpointer  data)
{
  g_auto(PatellaCliResult) result = { 0 };
  g_auto(GStrv) lines = NULL;
  g_autofree char *prefix = g_build_filename (fixture->dir, "page", NULL);
  const char *fonts[] = { "pdffonts", fixture->pdf, NULL };
  const char *render[] = { "pdftoppm", "-r", "40", "-gray", fixture->pdf, prefix, NULL };
  guint n_fonts = 0;
  guint n_pages = 0;

  fill (fixture);
  run_cli (fixture, &result, "C", "--from", FROM, "--to", TO, "--notes", "--output",
           fixture->pdf, NULL);
  g_assert_cmpint (result.status, ==, 0);

  /* Every font is embedded: "emb" is the third column from the right's left. */
  patella_test_run_argv (&result, NULL, fonts);
  g_assert_cmpint (result.status, ==, 0);
  lines = g_strsplit (result.out, "\n", -1);
  for (guint i = 2; lines[i] != NULL; i++)
    {
      g_auto(GStrv) words = NULL;
      guint n = 0;

      if (*lines[i] == '\0')
        continue;
      words = g_strsplit_set (lines[i], " ", -1);
      /* name type [type…] encoding emb sub uni object ID */
      for (guint k = 0; words[k] != NULL; k++)
        {
          if (*words[k] != '\0')
            words[n++] = words[k];
          else
            g_free (words[k]);
        }
      words[n] = NULL;
      g_assert_cmpuint (n, >=, 7);
      g_assert_cmpstr (words[n - 5], ==, "yes");
      n_fonts++;
    }
  g_assert_cmpuint (n_fonts, >, 0);

  /* Each page rendered has ink on it: never a blank page. */
  patella_test_run_argv (&result, NULL, render);
  g_assert_cmpint (result.status, ==, 0);
  for (guint page = 1; page <= 9; page++)
    {
      g_autofree char *path = g_strdup_printf ("%s-%u.pgm", prefix, page);
      g_autofree char *pixels = NULL;
      gsize length = 0;
      guint dark = 0;
      guint width;
      guint height;
      int header = 0;

      if (!g_file_get_contents (path, &pixels, &length, NULL))
        continue;
      n_pages++;
      g_assert_cmpint (sscanf (pixels, "P5 %u %u 255%n", &width, &height, &header), ==, 2);
      header++;
      g_assert_cmpuint (length, ==, (gsize) header + (gsize) width * height);
      for (gsize k = header; k < length; k++)
        dark += (guchar) pixels[k] < 200;
      g_assert_cmpuint (dark, >, width * height / 1000);
    }
  g_assert_cmpuint (n_pages, >=, 1);
  g_assert_cmpuint (n_pages, <=, 2);
}

static void
test_notes (Fixture       *fixture,
            gconstpointer  data)
{
  g_auto(PatellaCliResult) result = { 0 };
  g_autofree char *text = NULL;
  g_autofree char *pages = NULL;
  g_autoptr(GString) huge = g_string_new (NULL);
  g_autofree char *sql = NULL;

  fill (fixture);
  /* The longest note the journal takes, a right-to-left one and a CJK one. */
  for (guint i = 0; huge->len < 9990; i++)
    g_string_append_printf (huge, "word%u ", i);
  g_string_truncate (huge, 9990);
  sql = g_strdup_printf ("UPDATE journal_entry SET note = '%s' WHERE day = '2026-03-09';"
                         "UPDATE journal_entry SET note = 'مرحبا بالعالم' WHERE day = '2026-03-10';"
                         "UPDATE journal_entry SET note = '膝が痛い 你好' WHERE day = '2026-03-12';",
                         huge->str);
  exec_sql (fixture->db, sql);

  run_cli (fixture, &result, "C", "--from", FROM, "--to", TO, "--notes", "--output",
           fixture->pdf, NULL);
  g_assert_cmpint (result.status, ==, 0);

  text = pdf_text (fixture->pdf);
  assert_contains (text, "Notes");
  assert_contains (text, "2026-03-01 Stairs hurt");
  assert_contains (text, "word0 word1 word2");
  assert_contains (text, "(shortened)");
  g_assert_null (strstr (text, "word1500"));
  assert_contains (text, "2026-03-10");
  assert_contains (text, "2026-03-12");
  pages = pdf_info (fixture->pdf, "Pages:");
  g_assert_cmpint (atoi (pages), <=, 3);
}

static void
test_empty (Fixture       *fixture,
            gconstpointer  data)
{
  g_auto(PatellaCliResult) result = { 0 };
  g_autofree char *text = NULL;

  /* A new database: the report says what is missing. */
  run_cli (fixture, &result, "C", "--output", fixture->pdf, NULL);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_nonnull (strstr (result.out, "has no journal entries"));

  text = pdf_text (fixture->pdf);
  assert_contains (text, "No journal entries in this period: there is no pain to show.");
  assert_contains (text, "Not enough entries to tell a trend");
  assert_contains (text, "No symptoms were noted in this period.");
  assert_contains (text, "No runs were logged in this period.");
  assert_contains (text, "No comparison has enough entries yet");
  assert_contains (text, "It is not a diagnosis");
}

static void
test_bad_input (Fixture       *fixture,
                gconstpointer  data)
{
  g_auto(PatellaCliResult) result = { 0 };
  g_autofree char *folder = g_build_filename (fixture->dir, "folder.pdf", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) tomorrow = g_date_time_add_days (now, 1);
  g_autofree char *future = g_date_time_format (tomorrow, "%Y-%m-%d");

  fill (fixture);

  run_cli (fixture, &result, "C", "--from", TO, "--to", FROM, "--output", fixture->pdf, NULL);
  g_assert_cmpint (result.status, ==, 1);
  g_assert_nonnull (strstr (result.err, "patella-cli: The period ends (2026-02-01) before it "
                                        "starts (2026-03-14)"));
  g_assert_false (g_file_test (fixture->pdf, G_FILE_TEST_EXISTS));

  run_cli (fixture, &result, "C", "--to", future, "--output", fixture->pdf, NULL);
  g_assert_cmpint (result.status, ==, 1);
  g_assert_nonnull (strstr (result.err, "ends in the future"));

  run_cli (fixture, &result, "C", "--from", "14.03.2026", "--output", fixture->pdf, NULL);
  g_assert_cmpint (result.status, ==, 1);
  g_assert_nonnull (strstr (result.err, "YYYY-MM-DD"));

  run_cli (fixture, &result, "C", NULL);
  g_assert_cmpint (result.status, ==, 2);
  g_assert_nonnull (strstr (result.err, "--output FILE.pdf"));

  run_cli (fixture, &result, "C", "--output", "report.txt", NULL);
  g_assert_cmpint (result.status, ==, 1);
  g_assert_nonnull (strstr (result.err, "does not end in .pdf"));

  run_cli (fixture, &result, "C", "--output", "/nonexistent-folder/report.pdf", NULL);
  g_assert_cmpint (result.status, ==, 1);
  g_assert_nonnull (strstr (result.err, "Could not write the report to "
                                        "“/nonexistent-folder/report.pdf”: No such file"));

  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  run_cli (fixture, &result, "C", "--output", folder, "--force", NULL);
  g_assert_cmpint (result.status, ==, 1);
  g_assert_nonnull (strstr (result.err, "Could not write the report"));

  /* An existing file is kept unless --force. */
  g_file_set_contents (fixture->pdf, "mine", -1, NULL);
  run_cli (fixture, &result, "C", "--output", fixture->pdf, NULL);
  g_assert_cmpint (result.status, ==, 1);
  g_assert_nonnull (strstr (result.err, "exists already; add --force to replace it"));
  g_file_get_contents (fixture->pdf, &contents, NULL, NULL);
  g_assert_cmpstr (contents, ==, "mine");
  g_clear_pointer (&contents, g_free);

  run_cli (fixture, &result, "C", "--output", fixture->pdf, "--force", NULL);
  g_assert_cmpint (result.status, ==, 0);
  g_file_get_contents (fixture->pdf, &contents, NULL, NULL);
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
}

/* US Letter where the locale says so. The locale is compiled into the test's
 * folder (LOCPATH) when the system has not generated it. */
static void
test_letter (Fixture       *fixture,
             gconstpointer  data)
{
  g_auto(PatellaCliResult) result = { 0 };
  g_autofree char *size = NULL;
  g_autofree char *config = g_build_filename (fixture->dir, "config", NULL);
  g_autofree char *locales = g_build_filename (fixture->dir, "locales", NULL);
  g_autofree char *target = g_build_filename (locales, "en_US.UTF-8", NULL);
  const char *localedef[] = { "localedef", "-i", "en_US", "-f", "UTF-8", target, NULL };
  const char *envs[] = {
    "PATELLA_DB", fixture->db, "LC_ALL", NULL, "LANG", "C.UTF-8", "LC_PAPER", "en_US.UTF-8",
    "LOCPATH", NULL, "GSETTINGS_BACKEND", "keyfile", "XDG_CONFIG_HOME", config, NULL,
  };
  const char *argv[] = {
    g_getenv ("PATELLA_CLI"), "report", "--output", fixture->pdf, NULL,
  };

  if (setlocale (LC_PAPER, "en_US.UTF-8") != NULL)
    {
      setlocale (LC_PAPER, "C.UTF-8");
    }
  else
    {
      g_assert_cmpint (g_mkdir (locales, 0700), ==, 0);
      patella_test_run_argv (&result, NULL, localedef);
      if (!g_file_test (target, G_FILE_TEST_IS_DIR))
        {
          g_test_skip ("the en_US.UTF-8 locale could not be made");
          return;
        }
      envs[9] = locales;
    }

  patella_test_run_argv (&result, envs, argv);
  g_assert_cmpint (result.status, ==, 0);
  size = pdf_info (fixture->pdf, "Page size:");
  g_assert_cmpstr (size, ==, "612 x 792 pts (letter)");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ((path), Fixture, NULL, fixture_set_up, (func), fixture_tear_down)

  ADD ("/report-pdf/english", test_english);
  ADD ("/report-pdf/german", test_german);
  ADD ("/report-pdf/fonts-and-ink", test_fonts_and_ink);
  ADD ("/report-pdf/notes", test_notes);
  ADD ("/report-pdf/empty", test_empty);
  ADD ("/report-pdf/bad-input", test_bad_input);
  ADD ("/report-pdf/letter", test_letter);

  return g_test_run ();
}
