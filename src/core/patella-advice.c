/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "patella-advice"

#include "config.h"

#include <glib/gi18n.h>

#include "patella-advice.h"

/* The rules read the journal only; they are pure functions of the entries
 * and the day asked about, so that tests can walk through them with a fake
 * clock. Each says how soon to act, how strong its evidence is and where it
 * comes from; the wording is no stronger than the source. No rule ever
 * advises rest: the guideline advises keeping active within the pain rules. */

#define SOURCE_PAIN_MODEL \
  N_("Pain-monitoring model: Thomeé, Phys Ther 1997 (patellofemoral pain); Silbernagel et al., " \
     "Am J Sports Med 2007")
#define SOURCE_RED_FLAGS \
  N_("NHS, “Knee pain” patient advice (nhs.uk); red flags in Willy et al., Patellofemoral Pain " \
     "Clinical Practice Guideline, J Orthop Sports Phys Ther 2019")
#define SOURCE_NHS \
  N_("NHS, “Knee pain” patient advice (nhs.uk)")
#define SOURCE_SIX_WEEKS \
  N_("Common clinical practice with exercise therapy; no study behind the 6 weeks")
#define SOURCE_OTHER_CONDITION \
  N_("Willy et al., Patellofemoral Pain Clinical Practice Guideline, J Orthop Sports Phys Ther " \
     "2019 (other causes of knee pain); NHS, “Knee pain” patient advice (nhs.uk)")

/* Week to week: each of the last two weeks at least this much worse (in
 * tenths of a point of the mean daily highest rating) than the one before. */
#define WORSE_WEEK_TENTHS 5
#define WORSE_WEEK_MIN_ENTRIES 2

/* Six weeks of regular exercise (at least twice in each week) and the last
 * week's pain not clearly lower (by 30 % or more) than the first week's. */
#define THERAPY_WEEKS 6
#define THERAPY_SESSIONS_A_WEEK 2
#define CLEAR_IMPROVEMENT_PERCENT 30

enum {
  /* same day */
  RULE_LOCKED,
  RULE_NO_WEIGHT,
  RULE_VERY_SWOLLEN,
  RULE_HOT_RED,
  RULE_FALL_TWIST,
  /* within days */
  RULE_SWELLING,
  RULE_GIVING_WAY,
  RULE_REST_PAIN,
  RULE_NIGHT_PAIN,
  RULE_PAIN_WEEKS,
  RULE_OUTER_KNEE,
  /* when convenient */
  RULE_NO_IMPROVEMENT,
  /* load */
  RULE_WEEKS_WORSE,
  RULE_ACTIVITY_PAIN,
  RULE_MORNING_WORSE,
  N_RULES
};

static const PatellaAdviceRule rules[N_RULES] = {
  [RULE_LOCKED] = {
    "locked-knee", PATELLA_ADVICE_SEE_CLINICIAN, PATELLA_URGENCY_SAME_DAY,
    PATELLA_EVIDENCE_GUIDELINE,
    N_("Your knee locked and cannot straighten: get urgent medical care today."),
    N_("A knee that locks and will not straighten is not typical of runner’s knee. It needs an "
       "examination the same day."),
    SOURCE_RED_FLAGS,
  },
  [RULE_NO_WEIGHT] = {
    "cannot-bear-weight", PATELLA_ADVICE_SEE_CLINICIAN, PATELLA_URGENCY_SAME_DAY,
    PATELLA_EVIDENCE_GUIDELINE,
    N_("You cannot put weight on your leg: get urgent medical care today."),
    N_("Not being able to stand on the leg is not typical of runner’s knee. It needs an "
       "examination the same day."),
    SOURCE_RED_FLAGS,
  },
  [RULE_VERY_SWOLLEN] = {
    "very-swollen", PATELLA_ADVICE_SEE_CLINICIAN, PATELLA_URGENCY_SAME_DAY,
    PATELLA_EVIDENCE_GUIDELINE,
    N_("Your knee is very swollen: get urgent medical care today."),
    N_("A knee that swells a lot is not typical of runner’s knee. It needs an examination the "
       "same day."),
    SOURCE_RED_FLAGS,
  },
  [RULE_HOT_RED] = {
    "hot-red-knee", PATELLA_ADVICE_SEE_CLINICIAN, PATELLA_URGENCY_SAME_DAY,
    PATELLA_EVIDENCE_GUIDELINE,
    N_("Your knee is hot and red, or you have a fever: get urgent medical care today."),
    N_("A hot, red knee or a fever can be a sign of an infection. It needs an examination the "
       "same day."),
    SOURCE_RED_FLAGS,
  },
  [RULE_FALL_TWIST] = {
    "fall-or-twist", PATELLA_ADVICE_SEE_CLINICIAN, PATELLA_URGENCY_SAME_DAY,
    PATELLA_EVIDENCE_GUIDELINE,
    N_("Your knee hurts after a fall or twist, with a pop or a change of shape: get urgent medical "
       "care today."),
    N_("A pop or a change of shape after a fall or twist can be a sign of an injury inside the "
       "knee. It needs an examination the same day."),
    SOURCE_RED_FLAGS,
  },
  [RULE_SWELLING] = {
    "swelling", PATELLA_ADVICE_SEE_CLINICIAN, PATELLA_URGENCY_SOON,
    PATELLA_EVIDENCE_GUIDELINE,
    N_("Your knee is swollen: see a GP or physiotherapist within the next few days. Until then, "
       "cut back on what aggravates it and keep active within the pain rules."),
    N_("Swelling is not typical of runner’s knee alone and should be examined."),
    SOURCE_RED_FLAGS,
  },
  [RULE_GIVING_WAY] = {
    "giving-way", PATELLA_ADVICE_SEE_CLINICIAN, PATELLA_URGENCY_SOON,
    PATELLA_EVIDENCE_GUIDELINE,
    N_("Your knee gives way: see a GP or physiotherapist within the next few days. Until then, "
       "cut back on what aggravates it and keep active within the pain rules."),
    N_("A knee that gives way may have a ligament or kneecap problem, not runner’s knee alone, "
       "and should be examined."),
    SOURCE_RED_FLAGS,
  },
  [RULE_REST_PAIN] = {
    "rest-pain-high", PATELLA_ADVICE_SEE_CLINICIAN, PATELLA_URGENCY_SOON,
    PATELLA_EVIDENCE_COMMON_ADVICE,
    N_("Your pain at rest was above 5/10 on two or more days this week: see a GP or "
       "physiotherapist within the next few days."),
    N_("Pain at rest above 5/10 on two or more days is not load-related soreness and should be "
       "looked at."),
    SOURCE_NHS,
  },
  [RULE_NIGHT_PAIN] = {
    "night-pain", PATELLA_ADVICE_SEE_CLINICIAN, PATELLA_URGENCY_SOON,
    PATELLA_EVIDENCE_COMMON_ADVICE,
    N_("Your knee pain wakes you at night: see a GP or physiotherapist within the next few days."),
    N_("Pain that wakes you at night is not load-related soreness and should be looked at."),
    SOURCE_NHS,
  },
  [RULE_PAIN_WEEKS] = {
    "pain-two-weeks", PATELLA_ADVICE_SEE_CLINICIAN, PATELLA_URGENCY_SOON,
    PATELLA_EVIDENCE_COMMON_ADVICE,
    N_("Your knee still hurts two weeks after your first painful entry: see a GP or "
       "physiotherapist within the next few days."),
    N_("Every entry since your first painful one, two weeks or more ago, has pain above 0/10 (days "
       "without an entry do not count either way). Knee pain that has not gone after two weeks "
       "of home care should be looked at."),
    SOURCE_NHS,
  },
  [RULE_OUTER_KNEE] = {
    "outer-knee-pain", PATELLA_ADVICE_SEE_CLINICIAN, PATELLA_URGENCY_SOON,
    PATELLA_EVIDENCE_GUIDELINE,
    N_("Pain on the outside of the knee may be another condition: see a GP or physiotherapist "
       "within the next few days."),
    N_("Runner’s knee hurts around or behind the kneecap. Pain on the outside may come from "
       "somewhere else, such as the iliotibial band, which is treated differently."),
    SOURCE_OTHER_CONDITION,
  },
  [RULE_NO_IMPROVEMENT] = {
    "no-improvement-6-weeks", PATELLA_ADVICE_SEE_CLINICIAN, PATELLA_URGENCY_ROUTINE,
    PATELLA_EVIDENCE_COMMON_ADVICE,
    N_("Six weeks of regular exercise have brought no clear improvement: see a GP or "
       "physiotherapist when convenient, to review the plan."),
    /* xgettext:no-c-format */
    N_("You logged exercise sessions at least twice a week for six weeks, and your average daily "
       "pain this week is not clearly lower (by 30% or more) than in the first of those weeks."),
    SOURCE_SIX_WEEKS,
  },
  [RULE_WEEKS_WORSE] = {
    "weeks-getting-worse", PATELLA_ADVICE_EASE_OFF, PATELLA_URGENCY_ROUTINE,
    PATELLA_EVIDENCE_COMMON_ADVICE,
    N_("Your pain has been worse two weeks in a row: reduce your load and consider seeing a GP or "
       "physiotherapist."),
    N_("Week to week, symptoms should not be getting worse. Each of the last two weeks had a "
       "higher average daily pain than the week before it."),
    SOURCE_PAIN_MODEL,
  },
  [RULE_ACTIVITY_PAIN] = {
    "activity-pain-too-much", PATELLA_ADVICE_EASE_OFF, PATELLA_URGENCY_NONE,
    PATELLA_EVIDENCE_STUDY,
    N_("Pain during activity went above 5/10: that was too much load. Make the next session "
       "shorter or easier."),
    N_("Pain during activity of 0–2/10 is safe and 3–5/10 acceptable; above 5/10 is too much."),
    SOURCE_PAIN_MODEL,
  },
  [RULE_MORNING_WORSE] = {
    "morning-pain-worse", PATELLA_ADVICE_EASE_OFF, PATELLA_URGENCY_NONE,
    PATELLA_EVIDENCE_STUDY,
    N_("Your knee hurt more this morning than on your usual morning: reduce the next session."),
    N_("Pain should settle by the next morning and not be worse than the usual morning. When it "
       "is worse, the load was too high."),
    SOURCE_PAIN_MODEL,
  },
};

/* Which symptom raises which rule. */
static const struct
{
  const char *code;
  guint       rule;
} symptom_rules[] = {
  { "locking", RULE_LOCKED },
  { "cannot-bear-weight", RULE_NO_WEIGHT },
  { "very-swollen", RULE_VERY_SWOLLEN },
  { "hot-red-or-fever", RULE_HOT_RED },
  { "fall-or-twist", RULE_FALL_TWIST },
  { "swelling", RULE_SWELLING },
  { "instability", RULE_GIVING_WAY },
  { "night-pain", RULE_NIGHT_PAIN },
  { "outer-knee-pain", RULE_OUTER_KNEE },
};

PatellaPainZone
patella_pain_zone (int pain)
{
  if (pain <= 2)
    return PATELLA_PAIN_ZONE_SAFE;
  if (pain <= 5)
    return PATELLA_PAIN_ZONE_ACCEPTABLE;
  return PATELLA_PAIN_ZONE_TOO_MUCH;
}

/* Returns: "safe", "acceptable" or "too-much" */
const char *
patella_pain_zone_get_id (PatellaPainZone zone)
{
  switch (zone)
    {
    case PATELLA_PAIN_ZONE_SAFE:
      return "safe";
    case PATELLA_PAIN_ZONE_ACCEPTABLE:
      return "acceptable";
    case PATELLA_PAIN_ZONE_TOO_MUCH:
      return "too-much";
    default:
      g_return_val_if_reached (NULL);
    }
}

/* Returns: (transfer none): the translated meaning of the zone, with its
 *   range; it applies to pain during activity only */
const char *
patella_pain_zone_get_label (PatellaPainZone zone)
{
  switch (zone)
    {
    case PATELLA_PAIN_ZONE_SAFE:
      return _("Safe (0–2)");
    case PATELLA_PAIN_ZONE_ACCEPTABLE:
      return _("Acceptable (3–5)");
    case PATELLA_PAIN_ZONE_TOO_MUCH:
      return _("Too much (above 5)");
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
patella_pain_zone_get_source (void)
{
  return _(SOURCE_PAIN_MODEL);
}

/**
 * patella_pain_describe:
 * @pain: a rating of pain during activity
 *
 * Returns: (transfer full): "4/10 · Acceptable (3–5)"
 */
char *
patella_pain_describe (int pain)
{
  /* Translators: a pain rating out of 10, then its meaning, like "4/10 · Acceptable (3–5)" */
  return g_strdup_printf (_("%d/10 · %s"), pain, patella_pain_zone_get_label (patella_pain_zone (pain)));
}

/* Returns: "same-day", "soon", "routine", or %NULL for none */
const char *
patella_urgency_get_id (PatellaUrgency urgency)
{
  switch (urgency)
    {
    case PATELLA_URGENCY_NONE:
      return NULL;
    case PATELLA_URGENCY_ROUTINE:
      return "routine";
    case PATELLA_URGENCY_SOON:
      return "soon";
    case PATELLA_URGENCY_SAME_DAY:
      return "same-day";
    default:
      g_return_val_if_reached (NULL);
    }
}

/* Returns: (nullable): how soon, in words, translated; %NULL for none */
const char *
patella_urgency_get_label (PatellaUrgency urgency)
{
  switch (urgency)
    {
    case PATELLA_URGENCY_NONE:
      return NULL;
    case PATELLA_URGENCY_ROUTINE:
      /* Translators: how soon to see a clinician */
      return _("When convenient");
    case PATELLA_URGENCY_SOON:
      /* Translators: how soon to see a clinician */
      return _("Within days");
    case PATELLA_URGENCY_SAME_DAY:
      /* Translators: how soon to see a clinician: urgent care, the same day */
      return _("Today");
    default:
      g_return_val_if_reached (NULL);
    }
}

/* Returns: "ease-off" or "see-clinician" */
const char *
patella_advice_kind_get_id (PatellaAdviceKind kind)
{
  return kind == PATELLA_ADVICE_SEE_CLINICIAN ? "see-clinician" : "ease-off";
}

/**
 * patella_advice_get_rules:
 *
 * Returns: (transfer none) (array length=n_rules): every rule
 */
const PatellaAdviceRule *
patella_advice_get_rules (guint *n_rules)
{
  if (n_rules != NULL)
    *n_rules = N_RULES;

  return rules;
}

const PatellaAdviceRule *
patella_advice_lookup (const char *id)
{
  for (guint i = 0; i < N_RULES; i++)
    if (g_strcmp0 (rules[i].id, id) == 0)
      return &rules[i];

  return NULL;
}

const char *
patella_advice_rule_get_text (const PatellaAdviceRule *rule)
{
  g_return_val_if_fail (rule != NULL, NULL);
  return _(rule->text);
}

const char *
patella_advice_rule_get_why (const PatellaAdviceRule *rule)
{
  g_return_val_if_fail (rule != NULL, NULL);
  return _(rule->why);
}

const char *
patella_advice_rule_get_source (const PatellaAdviceRule *rule)
{
  g_return_val_if_fail (rule != NULL, NULL);
  return _(rule->source);
}

const char *
patella_advice_get_disclaimer (void)
{
  return _("Patella does not replace a clinician.");
}

PatellaAdviceItem *
patella_advice_item_new_for_rule (const PatellaAdviceRule *rule)
{
  PatellaAdviceItem *item;

  g_return_val_if_fail (rule != NULL, NULL);

  item = g_new0 (PatellaAdviceItem, 1);
  item->id = g_strdup (rule->id);
  item->kind = g_strdup (patella_advice_kind_get_id (rule->kind));
  item->urgency = g_strdup (patella_urgency_get_id (rule->urgency));
  item->text = g_strdup (patella_advice_rule_get_text (rule));
  item->why = g_strdup (patella_advice_rule_get_why (rule));
  item->source = g_strdup (patella_advice_rule_get_source (rule));
  item->evidence = g_strdup (patella_evidence_get_id (rule->evidence));

  return item;
}

void
patella_advice_item_free (PatellaAdviceItem *item)
{
  if (item == NULL)
    return;

  g_free (item->id);
  g_free (item->kind);
  g_free (item->urgency);
  g_free (item->text);
  g_free (item->why);
  g_free (item->source);
  g_free (item->evidence);
  g_free (item);
}

static PatellaJournalEntry *
entry_before (GHashTable *by_day,
              const char *day,
              int         n_days)
{
  g_autofree char *other = patella_day_add_days (day, -n_days);

  return g_hash_table_lookup (by_day, other);
}

static gboolean
is_painful (PatellaJournalEntry *entry)
{
  return patella_journal_entry_get_max_pain (entry) > 0;
}

/* The first painful entry of the spell that @current ends: days without an
 * entry do not break it, an entry without pain does. */
static const char *
painful_since (GPtrArray           *sorted,
               PatellaJournalEntry *current)
{
  const char *since = NULL;

  if (!is_painful (current))
    return NULL;

  for (guint i = sorted->len; i > 0; i--)
    {
      PatellaJournalEntry *entry = g_ptr_array_index (sorted, i - 1);

      if (g_strcmp0 (patella_journal_entry_get_day (entry), patella_journal_entry_get_day (current)) > 0)
        continue;
      if (!is_painful (entry))
        break;
      since = patella_journal_entry_get_day (entry);
    }

  return since;
}

static guint
count_rest_pain_days (GPtrArray  *sorted,
                      const char *day)
{
  g_autofree char *from = patella_day_add_days (day, -(PATELLA_ADVICE_REST_PAIN_WINDOW - 1));
  guint n = 0;

  for (guint i = 0; i < sorted->len; i++)
    {
      PatellaJournalEntry *entry = g_ptr_array_index (sorted, i);
      const char *entry_day = patella_journal_entry_get_day (entry);

      if (g_strcmp0 (entry_day, from) >= 0 && g_strcmp0 (entry_day, day) <= 0 &&
          patella_journal_entry_get_pain_rest (entry) > PATELLA_ADVICE_REST_PAIN_ABOVE)
        n++;
    }

  return n;
}

/* The mean of the daily highest rating over the seven days ending @weeks_back
 * weeks before @day, in tenths; -1 with fewer than WORSE_WEEK_MIN_ENTRIES
 * entries. */
static int
week_mean_tenths (GPtrArray  *sorted,
                  const char *day,
                  int         weeks_back)
{
  g_autofree char *to = patella_day_add_days (day, -7 * weeks_back);
  g_autofree char *from = patella_day_add_days (to, -6);
  int sum = 0;
  int n = 0;

  for (guint i = 0; i < sorted->len; i++)
    {
      PatellaJournalEntry *entry = g_ptr_array_index (sorted, i);
      const char *entry_day = patella_journal_entry_get_day (entry);

      int pain = patella_journal_entry_get_max_pain (entry);

      /* A day with no rating says nothing about the pain: it is not a 0. */
      if (pain != PATELLA_PAIN_NONE && g_strcmp0 (entry_day, from) >= 0 &&
          g_strcmp0 (entry_day, to) <= 0)
        {
          sum += pain;
          n++;
        }
    }

  if (n < WORSE_WEEK_MIN_ENTRIES)
    return -1;

  return (sum * 10 + n / 2) / n;
}

/* Regular exercise in each of the last THERAPY_WEEKS weeks, and no clear
 * improvement from the first of them to the last. */
static gboolean
no_improvement (GPtrArray  *sorted,
                GArray     *activity,
                const char *day)
{
  guint sessions[THERAPY_WEEKS] = { 0 };
  int first_week;
  int this_week;

  if (activity == NULL)
    return FALSE;

  for (guint i = 0; i < activity->len; i++)
    {
      const PatellaDayActivity *a = &g_array_index (activity, PatellaDayActivity, i);
      int back = patella_day_diff (a->day, day);

      if (back >= 0 && back < 7 * THERAPY_WEEKS)
        sessions[back / 7] += a->exercise;
    }

  for (guint w = 0; w < THERAPY_WEEKS; w++)
    if (sessions[w] < THERAPY_SESSIONS_A_WEEK)
      return FALSE;

  first_week = week_mean_tenths (sorted, day, THERAPY_WEEKS - 1);
  this_week = week_mean_tenths (sorted, day, 0);
  if (first_week <= 0 || this_week < 0)
    return FALSE;

  return this_week * 100 > first_week * (100 - CLEAR_IMPROVEMENT_PERCENT);
}

static gboolean
weeks_getting_worse (GPtrArray  *sorted,
                     const char *day)
{
  int this_week = week_mean_tenths (sorted, day, 0);
  int last_week = week_mean_tenths (sorted, day, 1);
  int week_before = week_mean_tenths (sorted, day, 2);

  if (this_week < 0 || last_week < 0 || week_before < 0)
    return FALSE;

  return this_week - last_week >= WORSE_WEEK_TENTHS &&
         last_week - week_before >= WORSE_WEEK_TENTHS;
}

/* The morning rating of @entry (about the morning after its day) is worse
 * than the usual morning: the last morning rated in the week before. With
 * no morning to compare with, pain should at least have settled to the
 * day's pain at rest. A knee that always hurts a little in the morning
 * is not getting worse. */
static gboolean
morning_worse (GHashTable          *by_day,
               PatellaJournalEntry *entry)
{
  int morning = patella_journal_entry_get_pain_morning (entry);

  if (morning == PATELLA_PAIN_NONE)
    return FALSE;

  for (int back = 1; back <= 7; back++)
    {
      PatellaJournalEntry *before = entry_before (by_day, patella_journal_entry_get_day (entry), back);

      if (before != NULL && patella_journal_entry_get_pain_morning (before) != PATELLA_PAIN_NONE)
        return morning > patella_journal_entry_get_pain_morning (before);
    }

  if (patella_journal_entry_get_pain_rest (entry) == PATELLA_PAIN_NONE)
    return FALSE;

  return morning > patella_journal_entry_get_pain_rest (entry);
}

static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (patella_journal_entry_get_day (*(PatellaJournalEntry * const *) a),
                    patella_journal_entry_get_day (*(PatellaJournalEntry * const *) b));
}

/* Sooner first; rules of the same urgency in table order. */
static int
compare_rules (gconstpointer a,
               gconstpointer b)
{
  const PatellaAdviceRule *ra = *(const PatellaAdviceRule * const *) a;
  const PatellaAdviceRule *rb = *(const PatellaAdviceRule * const *) b;

  if (ra->urgency != rb->urgency)
    return (int) rb->urgency - (int) ra->urgency;

  return ra < rb ? -1 : ra > rb;
}

/**
 * patella_advice_evaluate:
 * @day: the day the advice is for, `YYYY-MM-DD`
 * @entries: (element-type PatellaJournalEntry): journal entries up to @day,
 *   in any order; the last PATELLA_ADVICE_LOOKBACK_DAYS days are enough
 *
 * The advice for @day reads that day's entry or, before it is written,
 * the day before's: what the knee did yesterday still matters this morning.
 * The week-by-week and two-week rules read the days before as well.
 *
 * Returns: (transfer container) (element-type PatellaAdviceRule): the rules
 *   that apply, same-day ones first, then the ones within days, then the rest
 */
GPtrArray *
patella_advice_evaluate (const char *day,
                         GPtrArray  *entries)
{
  return patella_advice_evaluate_with_activity (day, entries, NULL);
}

/**
 * patella_advice_evaluate_with_activity:
 * @activity: (nullable) (element-type PatellaDayActivity): what the days
 *   held, for the rule on six weeks of exercise; %NULL leaves that rule out
 *
 * Like patella_advice_evaluate().
 */
GPtrArray *
patella_advice_evaluate_with_activity (const char *day,
                                       GPtrArray  *entries,
                                       GArray     *activity)
{
  g_autoptr(GHashTable) by_day = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) sorted = g_ptr_array_new ();
  g_autoptr(GPtrArray) advice = g_ptr_array_new ();
  PatellaJournalEntry *current;
  PatellaJournalEntry *morning_entry;
  const char *since;

  g_return_val_if_fail (day != NULL, NULL);
  g_return_val_if_fail (entries != NULL, NULL);

  for (guint i = 0; i < entries->len; i++)
    {
      PatellaJournalEntry *entry = g_ptr_array_index (entries, i);

      if (g_strcmp0 (patella_journal_entry_get_day (entry), day) <= 0)
        {
          g_hash_table_insert (by_day, (gpointer) patella_journal_entry_get_day (entry), entry);
          g_ptr_array_add (sorted, entry);
        }
    }
  g_ptr_array_sort (sorted, compare_entries);

  current = g_hash_table_lookup (by_day, day);
  if (current == NULL)
    current = entry_before (by_day, day, 1);

  if (current != NULL)
    {
      for (guint i = 0; i < G_N_ELEMENTS (symptom_rules); i++)
        if (patella_journal_entry_has_symptom (current, symptom_rules[i].code))
          g_ptr_array_add (advice, (gpointer) &rules[symptom_rules[i].rule]);

      /* Very swollen says all that swelling says, sooner. */
      if (patella_journal_entry_has_symptom (current, "very-swollen"))
        g_ptr_array_remove (advice, (gpointer) &rules[RULE_SWELLING]);

      /* Calendar days up to the day asked about, the latest entry painful. */
      since = painful_since (sorted, current);
      if (since != NULL && patella_day_diff (since, day) >= PATELLA_ADVICE_PAIN_DAYS)
        g_ptr_array_add (advice, (gpointer) &rules[RULE_PAIN_WEEKS]);

      if (patella_journal_entry_get_pain_activity (current) > 5)
        g_ptr_array_add (advice, (gpointer) &rules[RULE_ACTIVITY_PAIN]);
    }

  if (count_rest_pain_days (sorted, day) >= PATELLA_ADVICE_REST_PAIN_DAYS)
    g_ptr_array_add (advice, (gpointer) &rules[RULE_REST_PAIN]);

  if (no_improvement (sorted, activity, day))
    g_ptr_array_add (advice, (gpointer) &rules[RULE_NO_IMPROVEMENT]);

  if (weeks_getting_worse (sorted, day))
    g_ptr_array_add (advice, (gpointer) &rules[RULE_WEEKS_WORSE]);

  /* The morning after is often noted on the day before's entry. */
  morning_entry = g_hash_table_lookup (by_day, day);
  if (morning_entry == NULL || patella_journal_entry_get_pain_morning (morning_entry) == PATELLA_PAIN_NONE)
    morning_entry = entry_before (by_day, day, 1);
  if (morning_entry != NULL && morning_worse (by_day, morning_entry))
    g_ptr_array_add (advice, (gpointer) &rules[RULE_MORNING_WORSE]);

  g_ptr_array_sort (advice, compare_rules);
  return g_steal_pointer (&advice);
}

/**
 * patella_advice_for_day:
 * @day: (nullable): the day, or %NULL for today by the store's clock
 *
 * Returns: (transfer container) (element-type PatellaAdviceRule): the rules
 *   that apply, or %NULL with @error set
 */
GPtrArray *
patella_advice_for_day (PatellaStore  *store,
                        const char    *day,
                        GError       **error)
{
  g_autofree char *today = NULL;
  g_autofree char *from = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GArray) activity = NULL;

  g_return_val_if_fail (PATELLA_IS_STORE (store), NULL);

  if (day == NULL)
    day = today = patella_clock_get_today (patella_store_get_clock (store));

  from = patella_day_add_days (day, -PATELLA_ADVICE_LOOKBACK_DAYS);
  entries = patella_journal_list (store, from, day, error);
  if (entries == NULL)
    return NULL;

  activity = patella_journal_list_activity (store, from, day, error);
  if (activity == NULL)
    return NULL;

  return patella_advice_evaluate_with_activity (day, entries, activity);
}
