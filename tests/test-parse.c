/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "patella-error.h"
#include "patella-parse.h"
#include "patella-units.h"

typedef struct
{
  const char          *text;
  PatellaDistanceUnit  unit;
  gint64               metres;   /* -1: refused */
  const char          *message;  /* a part of the message when refused */
} DistanceCase;

static const DistanceCase distance_cases[] = {
  { "5.2mi",          PATELLA_UNIT_KM, 8369, NULL },
  { "5.2 mi",         PATELLA_UNIT_KM, 8369, NULL },
  { "8km",            PATELLA_UNIT_MI, 8000, NULL },
  { "8 KM",           PATELLA_UNIT_MI, 8000, NULL },
  { "800m",           PATELLA_UNIT_MI, 800, NULL },
  { "400mi",          PATELLA_UNIT_KM, 643738, NULL },
  { "1mi",            PATELLA_UNIT_KM, 1609, NULL },
  { "26.2 miles",     PATELLA_UNIT_KM, 42165, NULL },
  { "10 kilometres",  PATELLA_UNIT_MI, 10000, NULL },
  { "10",             PATELLA_UNIT_KM, 10000, NULL },
  { "10",             PATELLA_UNIT_MI, 16093, NULL },
  { "3,5km",          PATELLA_UNIT_MI, 3500, NULL },
  { "  7km  ",        PATELLA_UNIT_MI, 7000, NULL },
  { "1e3m",           PATELLA_UNIT_MI, 1000, NULL },
  { "-5km",           PATELLA_UNIT_KM, -1, "negative" },
  { "0",              PATELLA_UNIT_KM, -1, "zero" },
  { "0km",            PATELLA_UNIT_KM, -1, "zero" },
  { "0.0001km",       PATELLA_UNIT_KM, -1, "zero" },
  { "nan",            PATELLA_UNIT_KM, -1, "not a distance" },
  { "NaN km",         PATELLA_UNIT_KM, -1, "not a distance" },
  { "inf",            PATELLA_UNIT_KM, -1, "not a distance" },
  { "infinity",       PATELLA_UNIT_KM, -1, "not a distance" },
  { "1e309km",        PATELLA_UNIT_KM, -1, "too far" },
  { "99999999km",     PATELLA_UNIT_KM, -1, "too far" },
  { "5.2 parsecs",    PATELLA_UNIT_KM, -1, "not a unit" },
  { "5.2mi junk",     PATELLA_UNIT_KM, -1, "not a unit" },
  { "5km5",           PATELLA_UNIT_KM, -1, "not a unit" },
  { "0x10km",         PATELLA_UNIT_KM, -1, "not a unit" },
  { "",               PATELLA_UNIT_KM, -1, "not a distance" },
  { "   ",            PATELLA_UNIT_KM, -1, "not a distance" },
  { "km",             PATELLA_UNIT_KM, -1, "not a distance" },
  { ".5km",           PATELLA_UNIT_KM, -1, "not a distance" },
  { "+5km",           PATELLA_UNIT_KM, -1, "not a distance" },
  { "5\xff" "km",     PATELLA_UNIT_KM, -1, "UTF-8" },
};

static void
test_distance (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (distance_cases); i++)
    {
      const DistanceCase *c = &distance_cases[i];
      g_autoptr(GError) error = NULL;
      gint64 metres = 12345;
      gboolean ok;

      ok = patella_parse_distance (c->text, c->unit, &metres, &error);
      g_test_message ("distance case %u → %s", i, ok ? "ok" : "refused");

      if (c->metres >= 0)
        {
          g_assert_no_error (error);
          g_assert_true (ok);
          g_assert_cmpint (metres, ==, c->metres);
        }
      else
        {
          g_assert_false (ok);
          g_assert_error (error, PATELLA_ERROR, PATELLA_ERROR_INVALID);
          g_assert_nonnull (strstr (error->message, c->message));
          g_assert_cmpint (metres, ==, 12345);
        }
    }
}

typedef struct
{
  const char *text;
  gint64      seconds;   /* -1: refused */
} DurationCase;

static const DurationCase duration_cases[] = {
  { "45:30",    2730 },
  { "05:00",    300 },
  { "0:30",     30 },
  { "1:02:03",  3723 },
  { "90:00",    5400 },
  { "10:00:00", 36000 },
  { " 45:30 ",  2730 },
  { "48:00:00", 172800 },
  { "48:00:01", -1 },
  { "45",       -1 },
  { "45:60",    -1 },
  { "1:60:00",  -1 },
  { "1:00:60",  -1 },
  { "00:00",    -1 },
  { "-5:00",    -1 },
  { "4:5x",     -1 },
  { "1:2:3:4",  -1 },
  { "",         -1 },
  { ":30",      -1 },
  { "45:",      -1 },
  { "1.5:00",   -1 },
};

/* Every refusal says what would have been accepted. */
static gboolean
says_what_is_accepted (const char *message)
{
  return strstr (message, "MM:SS") != NULL || strstr (message, "00 to 59") != NULL ||
         strstr (message, "longer than 0") != NULL || strstr (message, "48:00:00") != NULL;
}

static void
test_duration (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (duration_cases); i++)
    {
      const DurationCase *c = &duration_cases[i];
      g_autoptr(GError) error = NULL;
      gint64 seconds = -7;
      gboolean ok;

      ok = patella_parse_duration (c->text, &seconds, &error);
      g_test_message ("duration “%s” → %s", c->text, ok ? "ok" : error->message);

      if (c->seconds >= 0)
        {
          g_assert_no_error (error);
          g_assert_cmpint (seconds, ==, c->seconds);
        }
      else
        {
          g_assert_false (ok);
          g_assert_error (error, PATELLA_ERROR, PATELLA_ERROR_INVALID);
          g_assert_true (says_what_is_accepted (error->message));
          g_assert_cmpint (seconds, ==, -7);
        }
    }
}

typedef struct
{
  const char *text;
  const char *normal;   /* NULL: refused */
} DateCase;

static const DateCase date_cases[] = {
  { "2026-03-14",   "2026-03-14" },
  { "2024-02-29",   "2024-02-29" },
  { "2000-02-29",   "2000-02-29" },
  { " 2026-12-31 ", "2026-12-31" },
  { "1900-01-01",   "1900-01-01" },
  { "2026-02-30",   NULL },
  { "2026-02-29",   NULL },
  { "1900-02-29",   NULL },
  { "2026-13-01",   NULL },
  { "2026-00-10",   NULL },
  { "2026-04-31",   NULL },
  { "2026-01-00",   NULL },
  { "1899-12-31",   NULL },
  { "3000-01-01",   NULL },
  { "26-03-14",     NULL },
  { "2026-3-14",    NULL },
  { "2026/03/14",   NULL },
  { "14.03.2026",   NULL },
  { "2026-03-14T10:00", NULL },
  { "yesterday",    NULL },
  { "",             NULL },
};

static void
test_date (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (date_cases); i++)
    {
      const DateCase *c = &date_cases[i];
      g_autoptr(GError) error = NULL;
      GDate date;
      gboolean ok;

      ok = patella_parse_date (c->text, &date, &error);
      g_test_message ("date “%s” → %s", c->text, ok ? "ok" : error->message);

      if (c->normal != NULL)
        {
          g_autofree char *text = NULL;

          g_assert_no_error (error);
          text = patella_date_to_string (&date);
          g_assert_cmpstr (text, ==, c->normal);
        }
      else
        {
          g_assert_false (ok);
          g_assert_error (error, PATELLA_ERROR, PATELLA_ERROR_INVALID);
        }
    }
}

static void
test_date_message (void)
{
  g_autoptr(GError) error = NULL;
  GDate date;

  g_assert_false (patella_parse_date ("2026-02-30", &date, &error));
  g_assert_nonnull (strstr (error->message, "2026-02-30"));
  g_assert_nonnull (strstr (error->message, "not a day of the calendar"));
  g_clear_error (&error);

  g_assert_false (patella_parse_date ("14/03/2026", &date, &error));
  g_assert_nonnull (strstr (error->message, "YYYY-MM-DD"));
}

/* The optional ratings also take "none"; a word is told both choices. */
static void
test_optional_pain (void)
{
  static const struct { const char *text; int pain; } cases[] = {
    { "none", PATELLA_PAIN_NONE }, { " NONE ", PATELLA_PAIN_NONE }, { "4", 4 }, { " 10", 10 },
  };
  g_autoptr(GError) error = NULL;
  int pain = 99;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_assert_true (patella_parse_optional_pain (cases[i].text, &pain, &error));
      g_assert_no_error (error);
      g_assert_cmpint (pain, ==, cases[i].pain);
    }

  pain = 99;
  g_assert_false (patella_parse_optional_pain ("nothing", &pain, &error));
  g_assert_error (error, PATELLA_ERROR, PATELLA_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "neither a rating nor “none”"));
  g_clear_error (&error);

  g_assert_false (patella_parse_optional_pain ("11", &pain, &error));
  g_assert_nonnull (strstr (error->message, "out of range"));
  g_clear_error (&error);

  g_assert_false (patella_parse_optional_pain ("n\xffne", &pain, &error));
  g_assert_nonnull (strstr (error->message, "UTF-8"));
  g_assert_cmpint (pain, ==, 99);
}

static void
test_pain (void)
{
  static const struct { const char *text; int pain; } cases[] = {
    { "0", 0 }, { "5", 5 }, { "10", 10 }, { " 3 ", 3 }, { "07", 7 },
    { "-1", -1 }, { "11", -1 }, { "100", -1 }, { "x", -1 }, { "5.5", -1 },
    { "", -1 }, { "3a", -1 }, { "1e1", -1 }, { "nan", -1 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      int pain = 99;
      gboolean ok = patella_parse_pain (cases[i].text, &pain, &error);

      g_test_message ("pain “%s” → %s", cases[i].text, ok ? "ok" : error->message);
      if (cases[i].pain >= 0)
        {
          g_assert_no_error (error);
          g_assert_cmpint (pain, ==, cases[i].pain);
        }
      else
        {
          g_assert_false (ok);
          g_assert_error (error, PATELLA_ERROR, PATELLA_ERROR_INVALID);
          g_assert_nonnull (strstr (error->message, "0"));
          g_assert_nonnull (strstr (error->message, "10"));
          g_assert_cmpint (pain, ==, 99);
        }
    }

  g_assert_true (patella_check_pain (0, NULL));
  g_assert_true (patella_check_pain (10, NULL));
  g_assert_false (patella_check_pain (-1, NULL));
  g_assert_false (patella_check_pain (11, NULL));
}

static void
test_name (void)
{
  static const struct { const char *text; const char *name; } cases[] = {
    { "Road pair 2", "Road pair 2" },
    { "  Trail shoes  ", "Trail shoes" },
    { "Café", "Café" },
    { "Cafe\xcc\x81", "Café" },   /* decomposed é is stored composed */
    { "Robert'); DROP TABLE shoe;--", "Robert'); DROP TABLE shoe;--" },
    { "", NULL },
    { "   ", NULL },
    { "two\nlines", NULL },
    { "tab\there", NULL },
    { "bad \xc3\x28 utf8", NULL },
  };
  g_autofree char *long_name = g_strnfill (101, 'a');
  g_autofree char *max_name = g_strnfill (100, 'a');
  g_autoptr(GError) error = NULL;
  g_autofree char *result = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) case_error = NULL;
      g_autofree char *name = patella_parse_name (cases[i].text, &case_error);

      if (cases[i].name != NULL)
        {
          g_assert_no_error (case_error);
          g_assert_cmpstr (name, ==, cases[i].name);
        }
      else
        {
          g_assert_null (name);
          g_assert_error (case_error, PATELLA_ERROR, PATELLA_ERROR_INVALID);
        }
    }

  result = patella_parse_name (max_name, &error);
  g_assert_no_error (error);
  g_clear_pointer (&result, g_free);

  result = patella_parse_name (long_name, &error);
  g_assert_null (result);
  g_assert_nonnull (strstr (error->message, "1 to 100"));
}

static void
test_text (void)
{
  g_autofree char *long_note = g_strnfill (10001, 'n');
  g_autoptr(GError) error = NULL;

  g_assert_true (patella_check_text ("Knee felt fine on the stairs; \"quoted\" & 'single'",
                                     PATELLA_NOTE_MAX_CHARS, &error));
  g_assert_true (patella_check_text ("ü€😀", 3, &error));
  g_assert_no_error (error);

  g_assert_false (patella_check_text (long_note, PATELLA_NOTE_MAX_CHARS, &error));
  g_assert_nonnull (strstr (error->message, "10000"));
  g_clear_error (&error);

  g_assert_false (patella_check_text ("a\xffz", PATELLA_NOTE_MAX_CHARS, &error));
  g_assert_nonnull (strstr (error->message, "UTF-8"));
}

static void
test_units (void)
{
  g_autofree char *mi = NULL;
  g_autofree char *km = NULL;
  g_autofree char *pace = NULL;
  g_autofree char *duration = NULL;

  g_assert_cmpfloat (PATELLA_METRES_PER_MILE, ==, 1609.344);
  g_assert_cmpint (patella_unit_to_metres (1.0, PATELLA_UNIT_MI), ==, 1609);
  g_assert_cmpint (patella_unit_to_metres (500.0, PATELLA_UNIT_MI), ==, 804672);
  g_assert_cmpint (patella_unit_to_metres (300.0, PATELLA_UNIT_MI), ==, 482803);
  g_assert_cmpfloat_with_epsilon (patella_metres_to_unit (804672, PATELLA_UNIT_MI), 500.0, 1e-9);

  mi = patella_format_distance (8369, PATELLA_UNIT_MI);
  g_assert_cmpstr (mi, ==, "5.2 mi");
  km = patella_format_distance (8369, PATELLA_UNIT_KM);
  g_assert_cmpstr (km, ==, "8.4 km");

  pace = patella_format_pace (10000, 3000, PATELLA_UNIT_KM);
  g_assert_cmpstr (pace, ==, "5:00 /km");
  g_assert_null (patella_format_pace (10000, 0, PATELLA_UNIT_KM));

  duration = patella_format_duration (3723);
  g_assert_cmpstr (duration, ==, "1:02:03");

  g_assert_cmpint (patella_unit_from_setting ("mi"), ==, PATELLA_UNIT_MI);
  g_assert_cmpint (patella_unit_from_setting ("km"), ==, PATELLA_UNIT_KM);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/parse/distance", test_distance);
  g_test_add_func ("/parse/duration", test_duration);
  g_test_add_func ("/parse/date", test_date);
  g_test_add_func ("/parse/date-message", test_date_message);
  g_test_add_func ("/parse/pain", test_pain);
  g_test_add_func ("/parse/optional-pain", test_optional_pain);
  g_test_add_func ("/parse/name", test_name);
  g_test_add_func ("/parse/text", test_text);
  g_test_add_func ("/parse/units", test_units);

  return g_test_run ();
}
