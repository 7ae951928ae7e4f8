/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "patella-advice.h"
#include "patella-journal.h"
#include "patella-test-store.h"
#include "patella-test-utils.h"

#define NONE PATELLA_PAIN_NONE
#define NO_DAY 99
#define MAX_DAYS 8

typedef enum
{
  SPELL_REST,       /* pain at rest only */
  SPELL_ACTIVITY,   /* pain during activity only */
  SPELL_MORNING,    /* pain the next morning only */
} SpellKind;

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
  Day         days[MAX_DAYS];
  guint       n_days;
  /* Entries with pain 2 on every day from spell_start to spell_end
   * (offsets), except spell_gap (no entry) and spell_zero (pain 0). */
  int         spell_start;
  int         spell_end;
  int         spell_gap;
  int         spell_zero;
  SpellKind   spell_kind;
  const char *expected[4];
} Case;

#define NO_SPELL 1, 0, NO_DAY, NO_DAY, SPELL_REST

static const Case cases[] = {
  { "empty journal", { { 0 } }, 0, NO_SPELL, { NULL } },
  { "calm day", { { 0, 1, 2, 1, NULL } }, 1, NO_SPELL, { NULL } },

  /* Red flags: the same day. */
  { "locking today", { { 0, 0, NONE, NONE, "locking" } }, 1, NO_SPELL, { "locked-knee", NULL } },
  { "cannot bear weight", { { 0, 3, NONE, NONE, "cannot-bear-weight" } }, 1, NO_SPELL,
    { "cannot-bear-weight", NULL } },
  { "very swollen, swelling ticked too",
    { { 0, 3, NONE, NONE, "very-swollen" }, { 0, 3, NONE, NONE, "swelling" } }, 2, NO_SPELL,
    { "very-swollen", NULL } },
  { "hot and red or a fever", { { 0, 3, NONE, NONE, "hot-red-or-fever" } }, 1, NO_SPELL,
    { "hot-red-knee", NULL } },
  { "after a fall or twist", { { 0, 4, NONE, NONE, "fall-or-twist" } }, 1, NO_SPELL,
    { "fall-or-twist", NULL } },
  { "a same-day flag yesterday, today not written yet",
    { { -1, 1, NONE, NONE, "cannot-bear-weight" } }, 1, NO_SPELL, { "cannot-bear-weight", NULL } },

  /* Within days. */
  { "swelling today", { { 0, 2, NONE, NONE, "swelling" } }, 1, NO_SPELL, { "swelling", NULL } },
  { "instability yesterday, today not written yet", { { -1, 1, NONE, NONE, "instability" } }, 1,
    NO_SPELL, { "giving-way", NULL } },
  { "instability yesterday, today written without", { { -1, 1, NONE, NONE, "instability" },
                                                      { 0, 1, NONE, NONE, NULL } }, 2,
    NO_SPELL, { NULL } },
  { "swelling two days ago only", { { -2, 1, NONE, NONE, "swelling" } }, 1, NO_SPELL, { NULL } },
  { "grinding is no reason", { { 0, 1, NONE, NONE, "grinding" } }, 1, NO_SPELL, { NULL } },
  { "pain on the outside of the knee", { { 0, 2, NONE, NONE, "outer-knee-pain" } }, 1, NO_SPELL,
    { "outer-knee-pain", NULL } },
  { "pain that wakes at night", { { 0, 2, NONE, NONE, "night-pain" } }, 1, NO_SPELL,
    { "night-pain", NULL } },

  /* Pain at rest above 5 on two or more days of the last seven. */
  { "pain at rest 9 on one day", { { 0, 9, NONE, NONE, NULL } }, 1, NO_SPELL, { NULL } },
  { "pain at rest 6 on two days this week",
    { { -5, 6, NONE, NONE, NULL }, { -3, 1, NONE, NONE, NULL }, { 0, 6, NONE, NONE, NULL } }, 3,
    NO_SPELL, { "rest-pain-high", NULL } },
  { "pain at rest 9 yesterday and the day before, today not written yet",
    { { -2, 9, NONE, NONE, NULL }, { -1, 9, NONE, NONE, NULL } }, 2, NO_SPELL,
    { "rest-pain-high", NULL } },
  { "pain at rest 6 on two days more than a week apart",
    { { -8, 6, NONE, NONE, NULL }, { 0, 6, NONE, NONE, NULL } }, 2, NO_SPELL, { NULL } },
  { "pain at rest 5 on two days is not above 5",
    { { -1, 5, NONE, NONE, NULL }, { 0, 5, NONE, NONE, NULL } }, 2, NO_SPELL, { NULL } },
  { "pain 8 only in the morning, on two days",
    { { -1, 1, NONE, 8, NULL }, { 0, 1, NONE, 8, NULL } }, 2, NO_SPELL, { NULL } },
  { "pain 8 only during activity, on two days",
    { { -1, 1, 8, NONE, NULL }, { 0, 1, 8, NONE, NULL } }, 2, NO_SPELL,
    { "activity-pain-too-much", NULL } },

  /* Two weeks in calendar days from the first painful entry. */
  { "first painful entry 13 days ago", { { 0 } }, 0, -13, 0, NO_DAY, NO_DAY, SPELL_REST,
    { NULL } },
  { "first painful entry 14 days ago", { { 0 } }, 0, -14, 0, NO_DAY, NO_DAY, SPELL_REST,
    { "pain-two-weeks", NULL } },
  { "14 days of pain up to yesterday, today not written yet", { { 0 } }, 0, -14, -1, NO_DAY,
    NO_DAY, SPELL_REST, { "pain-two-weeks", NULL } },
  { "pain up to three days ago, then nothing", { { 0 } }, 0, -20, -3, NO_DAY, NO_DAY, SPELL_REST,
    { NULL } },
  { "a day without an entry does not reset the count", { { 0 } }, 0, -14, 0, -6, NO_DAY,
    SPELL_REST, { "pain-two-weeks", NULL } },
  { "only the first and the last entry",
    { { -15, 2, NONE, NONE, NULL }, { 0, 2, NONE, NONE, NULL } }, 2, NO_SPELL,
    { "pain-two-weeks", NULL } },
  { "a day without pain resets the count", { { 0 } }, 0, -14, 0, NO_DAY, -6, SPELL_REST,
    { NULL } },
  { "today without pain", { { 0, 0, NONE, NONE, NULL } }, 1, -20, -1, NO_DAY, NO_DAY, SPELL_REST,
    { NULL } },
  { "two weeks of pain during activity only", { { 0 } }, 0, -14, 0, NO_DAY, NO_DAY,
    SPELL_ACTIVITY, { "pain-two-weeks", NULL } },
  { "two weeks of pain in the morning only", { { 0 } }, 0, -14, 0, NO_DAY, NO_DAY, SPELL_MORNING,
    { "pain-two-weeks", NULL } },

  /* Pain during activity and the next morning. */
  { "activity pain 6", { { 0, 1, 6, NONE, NULL } }, 1, NO_SPELL,
    { "activity-pain-too-much", NULL } },
  { "activity pain 5 is acceptable", { { 0, 1, 5, NONE, NULL } }, 1, NO_SPELL, { NULL } },
  { "activity pain 9 yesterday", { { -1, 1, 9, NONE, NULL } }, 1, NO_SPELL,
    { "activity-pain-too-much", NULL } },
  { "pain at rest 9 says nothing about load", { { 0, 9, 2, NONE, NULL } }, 1, NO_SPELL,
    { NULL } },
  { "next morning worse than at rest, no morning before", { { 0, 2, 3, 4, NULL } }, 1, NO_SPELL,
    { "morning-pain-worse", NULL } },
  { "next morning as at rest", { { 0, 2, 3, 2, NULL } }, 1, NO_SPELL, { NULL } },
  /* An unrated pain at rest is no 0 to compare the morning with (issue 17). */
  { "next morning rated, pain at rest not", { { 0, NONE, 3, 2, NULL } }, 1, NO_SPELL, { NULL } },
  { "next morning better", { { 0, 4, 3, 1, NULL } }, 1, NO_SPELL, { NULL } },
  { "yesterday's next morning worse, noted on yesterday's entry",
    { { -1, 1, 4, 3, NULL }, { 0, 1, NONE, NONE, NULL } }, 2, NO_SPELL,
    { "morning-pain-worse", NULL } },
  { "morning worse than the morning before",
    { { -1, 5, NONE, 2, NULL }, { 0, 5, NONE, 3, NULL } }, 2, NO_SPELL,
    { "morning-pain-worse", NULL } },
  { "morning better than the morning before",
    { { -1, 5, NONE, 3, NULL }, { 0, 5, NONE, 2, NULL } }, 2, NO_SPELL, { NULL } },
  { "the usual morning hurts as much as this one",
    { { -3, 0, NONE, 3, NULL }, { -1, 0, NONE, NONE, NULL }, { 0, 0, NONE, 3, NULL } }, 3,
    NO_SPELL, { NULL } },

  /* Week to week: each of the last two weeks worse than the one before. */
  { "two worse weeks in a row",
    { { -20, 1, NONE, NONE, NULL }, { -16, 1, NONE, NONE, NULL }, { -13, 0, NONE, NONE, NULL },
      { -9, 4, NONE, NONE, NULL }, { -3, 3, NONE, NONE, NULL }, { 0, 3, NONE, NONE, NULL } }, 6,
    NO_SPELL, { "weeks-getting-worse", NULL } },
  { "a worse week after a better one",
    { { -20, 3, NONE, NONE, NULL }, { -16, 3, NONE, NONE, NULL }, { -13, 0, NONE, NONE, NULL },
      { -9, 2, NONE, NONE, NULL }, { -3, 4, NONE, NONE, NULL }, { 0, 4, NONE, NONE, NULL } }, 6,
    NO_SPELL, { NULL } },
  { "steady weeks",
    { { -20, 0, NONE, NONE, NULL }, { -16, 3, NONE, NONE, NULL }, { -13, 0, NONE, NONE, NULL },
      { -9, 3, NONE, NONE, NULL }, { -3, 0, NONE, NONE, NULL }, { 0, 3, NONE, NONE, NULL } }, 6,
    NO_SPELL, { NULL } },
  { "a week with one entry says too little",
    { { -20, 1, NONE, NONE, NULL }, { -13, 0, NONE, NONE, NULL },
      { -9, 4, NONE, NONE, NULL }, { -3, 5, NONE, NONE, NULL }, { 0, 5, NONE, NONE, NULL } }, 5,
    NO_SPELL, { NULL } },

  /* Sooner first. */
  { "everything at once", { { 0, 6, 8, NONE, "outer-knee-pain" }, { 0, 6, 8, NONE, "locking" },
                            { -1, 6, NONE, NONE, NULL } }, 3, NO_SPELL,
    { "locked-knee", "rest-pain-high", "outer-knee-pain", "activity-pain-too-much" } },
};

/* Writes @day; a second Day for the same date adds its symptom. */
static void
put_day (PatellaStore *store,
         const char   *today,
         const Day    *day)
{
  g_autofree char *date = patella_day_add_days (today, day->offset);
  g_autoptr(PatellaJournalEntry) entry = patella_journal_get (store, date, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GStrvBuilder) symptoms = g_strv_builder_new ();
  g_auto(GStrv) codes = NULL;

  if (entry == NULL)
    entry = patella_journal_entry_new (date);
  g_strv_builder_addv (symptoms, (const char **) patella_journal_entry_get_symptoms (entry));
  if (day->symptom != NULL)
    g_strv_builder_add (symptoms, day->symptom);
  codes = g_strv_builder_end (symptoms);

  patella_journal_entry_set_pain_rest (entry, day->rest);
  patella_journal_entry_set_pain_activity (entry, day->activity);
  patella_journal_entry_set_pain_morning (entry, day->morning);
  patella_journal_entry_set_symptoms (entry, (const char * const *) codes);

  g_assert_true (patella_journal_put (store, entry, &error));
  g_assert_no_error (error);
}

static void
put_spell (PatellaStore *store,
           const char   *today,
           const Case   *c)
{
  for (int offset = c->spell_start; offset <= c->spell_end; offset++)
    {
      Day day = { offset, 2, NONE, NONE, NULL };

      if (offset == c->spell_gap)
        continue;
      if (offset == c->spell_zero)
        day.rest = 0;
      else if (c->spell_kind == SPELL_ACTIVITY)
        day.rest = 0, day.activity = 2;
      else if (c->spell_kind == SPELL_MORNING)
        day.rest = 0, day.morning = 2;
      put_day (store, today, &day);
    }
}

static const char *
rule_id (GPtrArray *advice,
         guint      i)
{
  return ((const PatellaAdviceRule *) g_ptr_array_index (advice, i))->id;
}

static void
test_rules_table (void)
{
  g_autofree char *dir = patella_test_make_dir ();

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const Case *c = &cases[i];
      g_autofree char *path = g_strdup_printf ("%s/case-%u.db", dir, i);
      g_autoptr(PatellaClock) clock =
        patella_clock_new_fake (patella_test_local_us (2026, 3, 14, 12, 0));
      g_autoptr(PatellaStore) store = patella_store_open (path, clock, NULL);
      g_autofree char *today = patella_clock_get_today (clock);
      g_autoptr(GPtrArray) advice = NULL;
      g_autoptr(GError) error = NULL;
      guint n_expected = 0;

      g_test_message ("case: %s", c->name);
      g_assert_nonnull (store);

      put_spell (store, today, c);
      for (guint d = 0; d < c->n_days; d++)
        put_day (store, today, &c->days[d]);

      advice = patella_advice_for_day (store, NULL, &error);
      g_assert_no_error (error);

      while (n_expected < G_N_ELEMENTS (c->expected) && c->expected[n_expected] != NULL)
        n_expected++;

      for (guint a = 0; a < advice->len; a++)
        g_test_message ("  got %s", rule_id (advice, a));
      g_assert_cmpuint (advice->len, ==, n_expected);
      for (guint a = 0; a < n_expected; a++)
        g_assert_cmpstr (rule_id (advice, a), ==, c->expected[a]);
    }

  patella_test_remove_dir (dir);
}

static gboolean
has_rule (GPtrArray  *advice,
          const char *id)
{
  for (guint i = 0; i < advice->len; i++)
    if (g_str_equal (rule_id (advice, i), id))
      return TRUE;

  return FALSE;
}

/* The day-by-day tests' store and clock, from noon on a day of March 2026
 * (@data points to its number). */
static const int march_1 = 1;
static const int march_14 = 14;

static void
set_up_at (PatellaStoreFixture *fixture,
           gconstpointer        data)
{
  patella_store_fixture_open (fixture, patella_test_local_us (2026, 3, *(const int *) data, 12, 0));
}

/* Advice follows the clock: yesterday's red flag still counts this morning,
 * not the day after. */
static void
test_advice_follows_clock (PatellaStoreFixture *fixture,
                           gconstpointer        data)
{
  PatellaStore *store = fixture->store;
  PatellaClock *clock = fixture->clock;
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
}

/* Day by day with a fake clock: a knee that hurts from 1 March, written
 * up on most days but not all, gets the two-week advice on 15 March and
 * not a day before; a day without pain ends it. */
static void
test_two_weeks_day_by_day (PatellaStoreFixture *fixture,
                           gconstpointer        data)
{
  PatellaStore *store = fixture->store;
  PatellaClock *clock = fixture->clock;

  for (int n = 0; n <= 20; n++)
    {
      g_autofree char *today = patella_clock_get_today (clock);
      g_autoptr(GPtrArray) advice = NULL;
      /* No entry on the 5th, 9th and 15th; no pain on the 19th. */
      gboolean written = n != 4 && n != 8 && n != 14;
      Day day = { 0, n == 18 ? 0 : 3, NONE, NONE, NULL };

      if (written)
        put_day (store, today, &day);

      advice = patella_advice_for_day (store, NULL, NULL);
      g_test_message ("%s: %u", today, advice->len);
      if (n < 14 || n >= 18)
        g_assert_false (has_rule (advice, "pain-two-weeks"));
      else
        g_assert_true (has_rule (advice, "pain-two-weeks"));

      patella_clock_advance (clock, G_TIME_SPAN_DAY);
    }
}

/* Pain at rest of 9/10 gets advice on the second such day, and for a week. */
static void
test_rest_pain_day_by_day (PatellaStoreFixture *fixture,
                           gconstpointer        data)
{
  PatellaStore *store = fixture->store;
  PatellaClock *clock = fixture->clock;

  for (int n = 0; n < 10; n++)
    {
      g_autofree char *today = patella_clock_get_today (clock);
      g_autoptr(GPtrArray) advice = NULL;
      Day day = { 0, n == 0 || n == 2 ? 9 : 0, NONE, NONE, NULL };

      put_day (store, today, &day);
      advice = patella_advice_for_day (store, NULL, NULL);
      /* 9/10 on the 1st and the 3rd: from the 3rd until the 7th. */
      g_assert_cmpint (has_rule (advice, "rest-pain-high"), ==, n >= 2 && n <= 6);
      g_assert_false (has_rule (advice, "activity-pain-too-much"));

      patella_clock_advance (clock, G_TIME_SPAN_DAY);
    }
}

/* Six weeks of exercise at least twice a week, and this week's pain not
 * 30% below the first week's: see someone when convenient. */
static void
test_six_weeks_of_exercise (void)
{
  static const struct {
    const char *name;
    int         first_pain;      /* pain at rest in the first of the six weeks */
    int         last_pain;       /* and in the last */
    guint       sessions;        /* exercise sessions a week */
    int         thin_week;       /* a week (0 = this one) with one session only, or -1 */
    gboolean    fires;
  } six_week_cases[] = {
    { "no change", 4, 4, 2, -1, TRUE },
    { "a little better", 5, 4, 3, -1, TRUE },
    { "30% better", 5, 3, 2, -1, FALSE },
    { "much better", 4, 1, 2, -1, FALSE },
    { "worse", 3, 5, 2, -1, TRUE },
    { "one exercise a week", 4, 4, 1, -1, FALSE },
    { "one thin week in the middle", 4, 4, 2, 3, FALSE },
    { "a thin first week", 4, 4, 2, 5, FALSE },
    { "no pain to begin with", 0, 0, 2, -1, FALSE },
  };
  g_autofree char *dir = patella_test_make_dir ();

  for (guint i = 0; i < G_N_ELEMENTS (six_week_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("%s/six-%u.db", dir, i);
      g_autoptr(PatellaClock) clock =
        patella_clock_new_fake (patella_test_local_us (2026, 3, 14, 12, 0));
      g_autoptr(PatellaStore) store = patella_store_open (path, clock, NULL);
      g_autofree char *today = patella_clock_get_today (clock);
      g_autoptr(GPtrArray) advice = NULL;
      g_autoptr(GPtrArray) entries = NULL;

      g_test_message ("case: %s", six_week_cases[i].name);
      for (int back = 0; back < 42; back++)
        {
          int week = back / 7;
          Day day = { -back, week == 5 ? six_week_cases[i].first_pain
                                       : week == 0 ? six_week_cases[i].last_pain
                                                   : (six_week_cases[i].first_pain + six_week_cases[i].last_pain) / 2,
                      NONE, NONE, NULL };
          guint sessions = week == six_week_cases[i].thin_week ? 1 : six_week_cases[i].sessions;

          put_day (store, today, &day);
          /* Sessions on the first days of each week. */
          if (back % 7 >= 7 - (int) sessions)
            {
              g_autofree char *date = patella_day_add_days (today, -back);
              g_autofree char *sql = g_strdup_printf ("INSERT INTO session (kind, day, state, "
                                                      "started_us, planned_s) VALUES ('exercise', "
                                                      "'%s', 'finished', 1, 600);", date);

              g_assert_true (patella_store_exec (store, sql, NULL));
            }
        }

      advice = patella_advice_for_day (store, NULL, NULL);
      g_assert_cmpint (has_rule (advice, "no-improvement-6-weeks"), ==, six_week_cases[i].fires);

      /* Without the sessions, the rule cannot tell. */
      entries = patella_journal_list (store, "2026-01-01", today, NULL);
      g_clear_pointer (&advice, g_ptr_array_unref);
      advice = patella_advice_evaluate (today, entries);
      g_assert_false (has_rule (advice, "no-improvement-6-weeks"));
    }

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

/* "rest" appears only as "at rest": no rule tells a runner to rest. */
static void
assert_never_advises_rest (const char *text)
{
  g_autofree char *lower = g_utf8_strdown (text, -1);
  const char *p = lower;

  while ((p = strstr (p, "rest")) != NULL)
    {
      gboolean word_start = p == lower || !g_ascii_isalpha (p[-1]);

      if (word_start && !g_ascii_isalpha (p[4]))
        {
          g_test_message ("%s", text);
          g_assert_true (p - lower >= 3 && strncmp (p - 3, "at ", 3) == 0);
        }
      p += 4;
    }
}

static void
test_rules_described (void)
{
  static const struct { const char *id; PatellaUrgency urgency; } urgencies[] = {
    { "locked-knee", PATELLA_URGENCY_SAME_DAY },
    { "cannot-bear-weight", PATELLA_URGENCY_SAME_DAY },
    { "very-swollen", PATELLA_URGENCY_SAME_DAY },
    { "hot-red-knee", PATELLA_URGENCY_SAME_DAY },
    { "fall-or-twist", PATELLA_URGENCY_SAME_DAY },
    { "swelling", PATELLA_URGENCY_SOON },
    { "giving-way", PATELLA_URGENCY_SOON },
    { "rest-pain-high", PATELLA_URGENCY_SOON },
    { "night-pain", PATELLA_URGENCY_SOON },
    { "pain-two-weeks", PATELLA_URGENCY_SOON },
    { "outer-knee-pain", PATELLA_URGENCY_SOON },
    { "no-improvement-6-weeks", PATELLA_URGENCY_ROUTINE },
    { "weeks-getting-worse", PATELLA_URGENCY_ROUTINE },
    { "activity-pain-too-much", PATELLA_URGENCY_NONE },
    { "morning-pain-worse", PATELLA_URGENCY_NONE },
  };
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GRegex) year = g_regex_new ("(19|20)[0-9][0-9]|nhs\\.uk", 0, 0, NULL);
  const PatellaAdviceRule *rules;
  guint n_rules = 0;

  rules = patella_advice_get_rules (&n_rules);
  g_assert_cmpuint (n_rules, ==, G_N_ELEMENTS (urgencies));

  for (guint i = 0; i < n_rules; i++)
    {
      const char *source = patella_advice_rule_get_source (&rules[i]);

      g_assert_true (g_hash_table_add (ids, (gpointer) rules[i].id));
      g_assert_true (patella_advice_lookup (rules[i].id) == &rules[i]);
      g_assert_cmpuint (strlen (patella_advice_rule_get_text (&rules[i])), >, 20);
      g_assert_cmpuint (strlen (patella_advice_rule_get_why (&rules[i])), >, 20);
      /* A guideline or a study is named with its year. */
      if (rules[i].evidence != PATELLA_EVIDENCE_COMMON_ADVICE)
        g_assert_true (g_regex_match (year, source, 0, NULL));
      else
        g_assert_cmpuint (strlen (source), >, 20);
      g_assert_nonnull (patella_evidence_get_id (rules[i].evidence));
      assert_never_advises_rest (patella_advice_rule_get_text (&rules[i]));
      assert_never_advises_rest (patella_advice_rule_get_why (&rules[i]));

      /* A rule that sends to a clinician says how soon. */
      if (rules[i].kind == PATELLA_ADVICE_SEE_CLINICIAN)
        g_assert_cmpint (rules[i].urgency, !=, PATELLA_URGENCY_NONE);
    }

  for (guint i = 0; i < G_N_ELEMENTS (urgencies); i++)
    {
      const PatellaAdviceRule *rule = patella_advice_lookup (urgencies[i].id);

      g_test_message ("rule %s", urgencies[i].id);
      g_assert_nonnull (rule);
      g_assert_cmpint (rule->urgency, ==, urgencies[i].urgency);
    }

  g_assert_nonnull (strstr (patella_advice_rule_get_source (patella_advice_lookup ("activity-pain-too-much")),
                            "Thomeé"));
  g_assert_cmpint (patella_advice_lookup ("activity-pain-too-much")->evidence, ==,
                   PATELLA_EVIDENCE_STUDY);
  g_assert_cmpint (patella_advice_lookup ("pain-two-weeks")->evidence, ==,
                   PATELLA_EVIDENCE_COMMON_ADVICE);
  g_assert_null (patella_advice_lookup ("no-such-rule"));
}

static void
test_urgency_and_evidence_words (void)
{
  g_autoptr(PatellaAdviceItem) item = patella_advice_item_new_for_rule (patella_advice_lookup ("locked-knee"));
  g_autoptr(PatellaAdviceItem) ease = patella_advice_item_new_for_rule (patella_advice_lookup ("morning-pain-worse"));

  g_assert_cmpstr (patella_urgency_get_id (PATELLA_URGENCY_SAME_DAY), ==, "same-day");
  g_assert_cmpstr (patella_urgency_get_id (PATELLA_URGENCY_SOON), ==, "soon");
  g_assert_cmpstr (patella_urgency_get_id (PATELLA_URGENCY_ROUTINE), ==, "routine");
  g_assert_null (patella_urgency_get_id (PATELLA_URGENCY_NONE));
  g_assert_cmpstr (patella_urgency_get_label (PATELLA_URGENCY_SAME_DAY), ==, "Today");
  g_assert_cmpstr (patella_evidence_get_id (PATELLA_EVIDENCE_COMMON_ADVICE), ==, "common advice");

  g_assert_cmpstr (item->id, ==, "locked-knee");
  g_assert_cmpstr (item->kind, ==, "see-clinician");
  g_assert_cmpstr (item->urgency, ==, "same-day");
  g_assert_cmpstr (item->evidence, ==, "guideline");
  g_assert_nonnull (strstr (item->source, "NHS"));
  g_assert_nonnull (strstr (item->text, "today"));

  g_assert_cmpstr (ease->kind, ==, "ease-off");
  g_assert_null (ease->urgency);
  g_assert_cmpstr (ease->evidence, ==, "study");
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
  g_test_add ("/advice/follows-clock", PatellaStoreFixture, &march_14,
              set_up_at, test_advice_follows_clock, patella_store_fixture_tear_down);
  g_test_add ("/advice/two-weeks-day-by-day", PatellaStoreFixture, &march_1,
              set_up_at, test_two_weeks_day_by_day, patella_store_fixture_tear_down);
  g_test_add ("/advice/rest-pain-day-by-day", PatellaStoreFixture, &march_1,
              set_up_at, test_rest_pain_day_by_day, patella_store_fixture_tear_down);
  g_test_add_func ("/advice/six-weeks-of-exercise", test_six_weeks_of_exercise);
  g_test_add_func ("/advice/evaluate-ignores-later-days", test_evaluate_ignores_later_days);
  g_test_add_func ("/advice/rules-described", test_rules_described);
  g_test_add_func ("/advice/urgency-and-evidence-words", test_urgency_and_evidence_words);
  g_test_add_func ("/advice/pain-zones", test_pain_zones);

  return g_test_run ();
}
