/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "patella-advice"

#include "config.h"

#include <glib/gi18n.h>

#include "patella-advice.h"

/* The rules read the journal only; they are pure functions of the entries
 * and the day asked about, so that tests can walk through them with a fake
 * clock. Numbers and sources: GUIDANCE.md, "Pain". */

#define PAIN_MONITORING_SOURCE \
  N_("Pain-monitoring model: Thomeé, 1997 (patellofemoral pain); Silbernagel et al., 2007")
#define CLINICIAN_SOURCE \
  N_("Common patient guidance on runner’s knee (patellofemoral pain): see a clinician when " \
     "pain lasts more than two weeks despite rest, or with swelling, locking or instability")

enum {
  RULE_RED_FLAG,
  RULE_PAIN_DAYS,
  RULE_ACTIVITY_PAIN,
  RULE_MORNING_WORSE,
  N_RULES
};

static const PatellaAdviceRule rules[N_RULES] = {
  [RULE_RED_FLAG] = {
    "red-flag-symptoms", PATELLA_ADVICE_SEE_CLINICIAN,
    N_("Swelling, locking or a knee that gives way should be seen by a clinician. Rest it until "
       "then."),
    N_("You noted swelling, locking or instability. These are not typical of runner’s knee "
       "alone and need a clinician’s examination."),
    CLINICIAN_SOURCE,
  },
  [RULE_PAIN_DAYS] = {
    "pain-14-days", PATELLA_ADVICE_SEE_CLINICIAN,
    N_("Your knee has hurt for 14 days or more in a row. See a clinician about it."),
    N_("Each of your last 14 or more journal days has pain above 0/10. Pain that lasts more "
       "than two weeks despite rest should be looked at."),
    CLINICIAN_SOURCE,
  },
  [RULE_ACTIVITY_PAIN] = {
    "activity-pain-too-much", PATELLA_ADVICE_EASE_OFF,
    N_("Pain during activity went above 5/10: that was too much load. Make the next session "
       "shorter or easier."),
    N_("Pain during activity of 0–2/10 is safe and 3–5/10 acceptable; above 5/10 is too much."),
    PAIN_MONITORING_SOURCE,
  },
  [RULE_MORNING_WORSE] = {
    "morning-pain-worse", PATELLA_ADVICE_EASE_OFF,
    N_("Your knee hurt more the next morning than the day before. Reduce your load for the next "
       "few days."),
    N_("Pain should settle by the next morning and not be worse than before. When it is worse, "
       "the load was too high."),
    PAIN_MONITORING_SOURCE,
  },
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

/* Returns: (transfer none): the translated meaning of the zone, with its range */
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
  return _(PAIN_MONITORING_SOURCE);
}

/**
 * patella_pain_describe:
 *
 * Returns: (transfer full): "4/10, acceptable (3–5)"
 */
char *
patella_pain_describe (int pain)
{
  /* Translators: a pain rating out of 10, then its meaning, like "4/10 · Acceptable (3–5)" */
  return g_strdup_printf (_("%d/10 · %s"), pain, patella_pain_zone_get_label (patella_pain_zone (pain)));
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

static PatellaJournalEntry *
entry_before (GHashTable *by_day,
              const char *day,
              int         n_days)
{
  g_autofree char *other = patella_day_add_days (day, -n_days);

  return g_hash_table_lookup (by_day, other);
}

static gboolean
has_red_flag (PatellaJournalEntry *entry)
{
  const char * const *codes = patella_journal_entry_get_symptoms (entry);

  for (guint i = 0; codes[i] != NULL; i++)
    if (patella_symptom_is_red_flag (codes[i]))
      return TRUE;

  return FALSE;
}

static guint
count_pain_days (GHashTable *by_day,
                 const char *last)
{
  guint n = 0;

  while (n < PATELLA_ADVICE_PAIN_DAYS)
    {
      PatellaJournalEntry *entry = entry_before (by_day, last, (int) n);

      if (entry == NULL || patella_journal_entry_get_max_pain (entry) <= 0)
        break;
      n++;
    }

  return n;
}

/* The morning rating of @entry (about the morning after its day) is worse
 * than the day's pain at rest, or than the morning before. */
static gboolean
morning_worse (GHashTable          *by_day,
               PatellaJournalEntry *entry)
{
  int morning = patella_journal_entry_get_pain_morning (entry);
  PatellaJournalEntry *before;

  if (morning == PATELLA_PAIN_NONE)
    return FALSE;

  if (morning > patella_journal_entry_get_pain_rest (entry))
    return TRUE;

  before = entry_before (by_day, patella_journal_entry_get_day (entry), 1);
  return before != NULL &&
         patella_journal_entry_get_pain_morning (before) != PATELLA_PAIN_NONE &&
         morning > patella_journal_entry_get_pain_morning (before);
}

/**
 * patella_advice_evaluate:
 * @day: the day the advice is for, `YYYY-MM-DD`
 * @entries: (element-type PatellaJournalEntry): journal entries up to @day,
 *   in any order; the last PATELLA_ADVICE_PAIN_DAYS days are enough
 *
 * The advice for @day reads that day's entry or, before it is written,
 * the day before's: what the knee did yesterday still matters this morning.
 *
 * Returns: (transfer container) (element-type PatellaAdviceRule): the rules
 *   that apply, the ones sending to a clinician first
 */
GPtrArray *
patella_advice_evaluate (const char *day,
                         GPtrArray  *entries)
{
  g_autoptr(GHashTable) by_day = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) advice = g_ptr_array_new ();
  PatellaJournalEntry *current;
  PatellaJournalEntry *morning_entry;

  g_return_val_if_fail (day != NULL, NULL);
  g_return_val_if_fail (entries != NULL, NULL);

  for (guint i = 0; i < entries->len; i++)
    {
      PatellaJournalEntry *entry = g_ptr_array_index (entries, i);

      if (g_strcmp0 (patella_journal_entry_get_day (entry), day) <= 0)
        g_hash_table_insert (by_day, (gpointer) patella_journal_entry_get_day (entry), entry);
    }

  current = g_hash_table_lookup (by_day, day);
  if (current == NULL)
    current = entry_before (by_day, day, 1);
  if (current == NULL)
    return g_steal_pointer (&advice);

  if (has_red_flag (current))
    g_ptr_array_add (advice, (gpointer) &rules[RULE_RED_FLAG]);

  if (count_pain_days (by_day, patella_journal_entry_get_day (current)) >= PATELLA_ADVICE_PAIN_DAYS)
    g_ptr_array_add (advice, (gpointer) &rules[RULE_PAIN_DAYS]);

  if (patella_journal_entry_get_pain_activity (current) > 5)
    g_ptr_array_add (advice, (gpointer) &rules[RULE_ACTIVITY_PAIN]);

  /* The morning after is often noted on the day before's entry. */
  morning_entry = g_hash_table_lookup (by_day, day);
  if (morning_entry == NULL || patella_journal_entry_get_pain_morning (morning_entry) == PATELLA_PAIN_NONE)
    morning_entry = entry_before (by_day, day, 1);
  if (morning_entry != NULL && morning_worse (by_day, morning_entry))
    g_ptr_array_add (advice, (gpointer) &rules[RULE_MORNING_WORSE]);

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

  g_return_val_if_fail (PATELLA_IS_STORE (store), NULL);

  if (day == NULL)
    day = today = patella_clock_get_today (patella_store_get_clock (store));

  /* The day before's entry and the streak that ends there. */
  from = patella_day_add_days (day, -(PATELLA_ADVICE_PAIN_DAYS + 1));
  entries = patella_journal_list (store, from, day, error);
  if (entries == NULL)
    return NULL;

  return patella_advice_evaluate (day, entries);
}
