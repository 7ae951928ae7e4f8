/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "patella-advice.h"
#include "patella-journal.h"
#include "patella-test-utils.h"

#define NONE PATELLA_PAIN_NONE
#define NO_DAY 99

typedef struct
{
  int         offset;      /* days from today: 0, -1… */
  int         rest;
  int         activity;
  int         morning;
  const char *symptom;
} Day;

typedef struct
{
  const char *name;
  Day         days[4];
  guint       n_days;
  /* A run of entries with pain, ending streak_end days from today. */
  guint       streak;
  int         streak_end;
  int         streak_gap;   /* an offset left without entry, or NO_DAY */
  int         streak_zero;  /* an offset with pain 0, or NO_DAY */
  gboolean    streak_activity_only;
  const char *expected[4];
} Case;

static const Case cases[] = {
  { "empty journal", { { 0 } }, 0, 0, 0, NO_DAY, NO_DAY, FALSE, { NULL } },
  { "calm day", { { 0, 1, 2, 1, NULL } }, 1, 0, 0, NO_DAY, NO_DAY, FALSE, { NULL } },
  { "swelling today", { { 0, 2, NONE, NONE, "swelling" } }, 1, 0, 0, NO_DAY, NO_DAY, FALSE,
    { "red-flag-symptoms", NULL } },
  { "locking today", { { 0, 0, NONE, NONE, "locking" } }, 1, 0, 0, NO_DAY, NO_DAY, FALSE,
    { "red-flag-symptoms", NULL } },
  { "instability yesterday, today not written yet", { { -1, 1, NONE, NONE, "instability" } }, 1,
    0, 0, NO_DAY, NO_DAY, FALSE, { "red-flag-symptoms", NULL } },
  { "instability yesterday, today written without", { { -1, 1, NONE, NONE, "instability" },
                                                      { 0, 1, NONE, NONE, NULL } }, 2,
    0, 0, NO_DAY, NO_DAY, FALSE, { NULL } },
  { "swelling two days ago only", { { -2, 1, NONE, NONE, "swelling" } }, 1, 0, 0, NO_DAY, NO_DAY,
    FALSE, { NULL } },
  { "grinding is no red flag", { { 0, 1, NONE, NONE, "grinding" } }, 1, 0, 0, NO_DAY, NO_DAY,
    FALSE, { NULL } },
  { "13 days of pain", { { 0 } }, 0, 13, 0, NO_DAY, NO_DAY, FALSE, { NULL } },
  { "14 days of pain up to today", { { 0 } }, 0, 14, 0, NO_DAY, NO_DAY, FALSE,
    { "pain-14-days", NULL } },
  { "14 days of pain up to yesterday", { { 0 } }, 0, 14, -1, NO_DAY, NO_DAY, FALSE,
    { "pain-14-days", NULL } },
  { "14 days of pain up to two days ago", { { 0 } }, 0, 14, -2, NO_DAY, NO_DAY, FALSE, { NULL } },
  { "30 days of pain", { { 0 } }, 0, 30, 0, NO_DAY, NO_DAY, FALSE, { "pain-14-days", NULL } },
  { "14 days with one day not written", { { 0 } }, 0, 14, 0, -6, NO_DAY, FALSE, { NULL } },
  { "14 days with one pain-free day", { { 0 } }, 0, 14, 0, NO_DAY, -6, FALSE, { NULL } },
  { "14 days of pain during activity only", { { 0 } }, 0, 14, 0, NO_DAY, NO_DAY, TRUE,
    { "pain-14-days", NULL } },
  { "activity pain 6", { { 0, 1, 6, NONE, NULL } }, 1, 0, 0, NO_DAY, NO_DAY, FALSE,
    { "activity-pain-too-much", NULL } },
  { "activity pain 5 is acceptable", { { 0, 1, 5, NONE, NULL } }, 1, 0, 0, NO_DAY, NO_DAY, FALSE,
    { NULL } },
  { "activity pain 9 yesterday", { { -1, 1, 9, NONE, NULL } }, 1, 0, 0, NO_DAY, NO_DAY, FALSE,
    { "activity-pain-too-much", NULL } },
  { "next morning worse than at rest", { { 0, 2, 3, 4, NULL } }, 1, 0, 0, NO_DAY, NO_DAY, FALSE,
    { "morning-pain-worse", NULL } },
  { "next morning as at rest", { { 0, 2, 3, 2, NULL } }, 1, 0, 0, NO_DAY, NO_DAY, FALSE,
    { NULL } },
  { "next morning better", { { 0, 4, 3, 1, NULL } }, 1, 0, 0, NO_DAY, NO_DAY, FALSE, { NULL } },
  { "yesterday's next morning worse, noted on yesterday's entry",
    { { -1, 1, 4, 3, NULL }, { 0, 1, NONE, NONE, NULL } }, 2, 0, 0, NO_DAY, NO_DAY, FALSE,
    { "morning-pain-worse", NULL } },
  { "morning worse than the morning before",
    { { -1, 5, NONE, 2, NULL }, { 0, 5, NONE, 3, NULL } }, 2, 0, 0, NO_DAY, NO_DAY, FALSE,
    { "morning-pain-worse", NULL } },
  { "morning better than the morning before",
    { { -1, 5, NONE, 3, NULL }, { 0, 5, NONE, 2, NULL } }, 2, 0, 0, NO_DAY, NO_DAY, FALSE,
    { NULL } },
  { "everything at once", { { 0, 4, 8, 6, "swelling" } }, 1, 14, 0, NO_DAY, NO_DAY, FALSE,
    { "red-flag-symptoms", "pain-14-days", "activity-pain-too-much", "morning-pain-worse" } },
};

static gint64
noon_on (int year,
         int month,
         int day)
{
  g_autoptr(GDateTime) dt = g_date_time_new_local (year, month, day, 12, 0, 0);

  return g_date_time_to_unix (dt) * G_USEC_PER_SEC;
}

static void
put_day (PatellaStore *store,
         const char   *today,
         const Day    *day)
{
  g_autofree char *date = patella_day_add_days (today, day->offset);
  g_autoptr(PatellaJournalEntry) entry = patella_journal_entry_new (date);
  g_autoptr(GError) error = NULL;

  patella_journal_entry_set_pain_rest (entry, day->rest);
  patella_journal_entry_set_pain_activity (entry, day->activity);
  patella_journal_entry_set_pain_morning (entry, day->morning);
  if (day->symptom != NULL)
    patella_journal_entry_set_symptoms (entry, (const char * const[]) { day->symptom, NULL });

  g_assert_true (patella_journal_put (store, entry, &error));
  g_assert_no_error (error);
}

static void
test_rules_table (void)
{
  g_autofree char *dir = patella_test_make_dir ();

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const Case *c = &cases[i];
      g_autofree char *path = g_strdup_printf ("%s/case-%u.db", dir, i);
      g_autoptr(PatellaClock) clock = patella_clock_new_fake (noon_on (2026, 3, 14));
      g_autoptr(PatellaStore) store = patella_store_open (path, clock, NULL);
      g_autofree char *today = patella_clock_get_today (clock);
      g_autoptr(GPtrArray) advice = NULL;
      g_autoptr(GError) error = NULL;
      guint n_expected = 0;

      g_test_message ("case: %s", c->name);
      g_assert_nonnull (store);

      for (guint s = 0; s < c->streak; s++)
        {
          Day day = { c->streak_end - (int) s, 2, NONE, NONE, NULL };

          if (day.offset == c->streak_gap)
            continue;
          if (day.offset == c->streak_zero)
            day.rest = 0;
          else if (c->streak_activity_only)
            day.rest = 0, day.activity = 3;
          put_day (store, today, &day);
        }

      for (guint d = 0; d < c->n_days; d++)
        put_day (store, today, &c->days[d]);

      advice = patella_advice_for_day (store, NULL, &error);
      g_assert_no_error (error);

      while (n_expected < G_N_ELEMENTS (c->expected) && c->expected[n_expected] != NULL)
        n_expected++;

      for (guint a = 0; a < advice->len; a++)
        g_test_message ("  got %s", ((const PatellaAdviceRule *) g_ptr_array_index (advice, a))->id);
      g_assert_cmpuint (advice->len, ==, n_expected);
      for (guint a = 0; a < n_expected; a++)
        g_assert_cmpstr (((const PatellaAdviceRule *) g_ptr_array_index (advice, a))->id, ==,
                         c->expected[a]);
    }

  patella_test_remove_dir (dir);
}

/* Advice follows the clock: yesterday's red flag still counts this morning,
 * not the day after. */
static void
test_advice_follows_clock (void)
{
  g_autofree char *dir = patella_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "patella.db", NULL);
  g_autoptr(PatellaClock) clock = patella_clock_new_fake (noon_on (2026, 3, 14));
  g_autoptr(PatellaStore) store = patella_store_open (path, clock, NULL);
  const Day swelling = { 0, 1, NONE, NONE, "swelling" };
  g_autoptr(GPtrArray) today = NULL;
  g_autoptr(GPtrArray) tomorrow = NULL;
  g_autoptr(GPtrArray) later = NULL;

  put_day (store, "2026-03-14", &swelling);
  today = patella_advice_for_day (store, NULL, NULL);
  g_assert_cmpuint (today->len, ==, 1);

  patella_clock_advance (clock, G_TIME_SPAN_DAY);
  tomorrow = patella_advice_for_day (store, NULL, NULL);
  g_assert_cmpuint (tomorrow->len, ==, 1);

  patella_clock_advance (clock, G_TIME_SPAN_DAY);
  later = patella_advice_for_day (store, NULL, NULL);
  g_assert_cmpuint (later->len, ==, 0);

  g_clear_object (&store);
  patella_test_remove_dir (dir);
}

static void
test_evaluate_ignores_later_days (void)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) advice = NULL;
  PatellaJournalEntry *later = patella_journal_entry_new ("2026-03-15");

  patella_journal_entry_set_symptoms (later, (const char * const[]) { "locking", NULL });
  patella_journal_entry_set_pain_activity (later, 9);
  g_ptr_array_add (entries, later);

  advice = patella_advice_evaluate ("2026-03-14", entries);
  g_assert_cmpuint (advice->len, ==, 0);
}

static void
test_rules_described (void)
{
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  const PatellaAdviceRule *rules;
  guint n_rules = 0;

  rules = patella_advice_get_rules (&n_rules);
  g_assert_cmpuint (n_rules, ==, 4);

  for (guint i = 0; i < n_rules; i++)
    {
      g_assert_true (g_hash_table_add (ids, (gpointer) rules[i].id));
      g_assert_true (patella_advice_lookup (rules[i].id) == &rules[i]);
      g_assert_cmpuint (strlen (patella_advice_rule_get_text (&rules[i])), >, 20);
      g_assert_cmpuint (strlen (patella_advice_rule_get_why (&rules[i])), >, 20);
      g_assert_cmpuint (strlen (patella_advice_rule_get_source (&rules[i])), >, 20);
    }

  g_assert_nonnull (strstr (patella_advice_rule_get_source (patella_advice_lookup ("activity-pain-too-much")),
                            "Thomeé"));
  g_assert_null (patella_advice_lookup ("no-such-rule"));
}

static void
test_pain_zones (void)
{
  static const struct { int pain; const char *id; } zones[] = {
    { 0, "safe" }, { 1, "safe" }, { 2, "safe" },
    { 3, "acceptable" }, { 4, "acceptable" }, { 5, "acceptable" },
    { 6, "too-much" }, { 8, "too-much" }, { 10, "too-much" },
  };
  g_autofree char *described = patella_pain_describe (4);

  for (guint i = 0; i < G_N_ELEMENTS (zones); i++)
    g_assert_cmpstr (patella_pain_zone_get_id (patella_pain_zone (zones[i].pain)), ==, zones[i].id);

  g_assert_cmpstr (patella_pain_zone_get_label (PATELLA_PAIN_ZONE_SAFE), ==, "Safe (0–2)");
  g_assert_cmpstr (patella_pain_zone_get_label (PATELLA_PAIN_ZONE_ACCEPTABLE), ==,
                   "Acceptable (3–5)");
  g_assert_cmpstr (patella_pain_zone_get_label (PATELLA_PAIN_ZONE_TOO_MUCH), ==,
                   "Too much (above 5)");
  g_assert_cmpstr (described, ==, "4/10 · Acceptable (3–5)");
  g_assert_nonnull (strstr (patella_pain_zone_get_source (), "Silbernagel"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/advice/rules-table", test_rules_table);
  g_test_add_func ("/advice/follows-clock", test_advice_follows_clock);
  g_test_add_func ("/advice/evaluate-ignores-later-days", test_evaluate_ignores_later_days);
  g_test_add_func ("/advice/rules-described", test_rules_described);
  g_test_add_func ("/advice/pain-zones", test_pain_zones);

  return g_test_run ();
}
