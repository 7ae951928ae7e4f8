/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "patella-guidance"

#include "config.h"

#include <glib/gi18n.h>

#include "patella-guidance.h"

/* Every number Patella uses, in the project's own words, with its source
 * (shared/GUIDANCE.md). Sources are named, never linked to a shop. */

#define SOURCE_PATIENT_GUIDES N_("Common patient guides on runner’s knee (RICE: rest, ice, " \
                                 "compression, elevation)")
#define SOURCE_PAIN_MODEL N_("Pain-monitoring model: Thomeé 1997 (patellofemoral pain); " \
                             "Silbernagel et al. 2007")
#define SOURCE_CPG N_("Willy et al., Patellofemoral Pain Clinical Practice Guideline, J Orthop " \
                      "Sports Phys Ther 2019;49(9):CPG1–CPG95; Collins et al., 2018 consensus " \
                      "statement, Br J Sports Med")

static const PatellaGuidanceItem icing_items[] = {
  { "ice-length", N_("15–20 minutes a session"),
    N_("The icing timer runs 15 minutes unless you choose up to 20, and never longer."),
    SOURCE_PATIENT_GUIDES },
  { "ice-count", N_("3–4 sessions a day"),
    N_("Reminders come 3 or 4 times a day (4 unless you choose 3), and icing after a run or "
       "other activity that aggravates the knee helps too."),
    SOURCE_PATIENT_GUIDES },
  { "ice-cloth", N_("Always a cloth barrier"),
    N_("Keep a cloth between the ice and your skin, every time."),
    SOURCE_PATIENT_GUIDES },
};

static const PatellaGuidanceItem pain_items[] = {
  { "pain-scale", N_("Pain during activity: 0–2 safe, 3–5 acceptable, above 5 too much"),
    N_("Rate pain from 0 to 10. Up to 2 is safe, 3 to 5 is acceptable, above 5 means the "
       "load was too much."),
    SOURCE_PAIN_MODEL },
  { "pain-morning", N_("Settled by the next morning"),
    N_("Pain should settle by the next morning and be no worse than before. When the "
       "morning is worse, reduce the load."),
    SOURCE_PAIN_MODEL },
  { "pain-clinician", N_("When to see a clinician"),
    N_("See a clinician when pain lasts more than two weeks despite rest, or with swelling, "
       "locking, a knee that gives way, or pain that gets worse with walking."),
    SOURCE_CPG },
  { "pain-recovery", N_("How long recovery takes"),
    N_("Mild cases often settle in 2–4 weeks; moderate to severe ones take 4–8 weeks or more. "
       "Expect at least 4–6 weeks before returning to previous training."),
    SOURCE_CPG },
};

static const PatellaGuidanceItem load_items[] = {
  /* These are not printf formats: "10% more" only looks like one to xgettext. */
  { "load-10",
    /* xgettext:no-c-format */
    N_("Weekly distance: 10% more than last week"),
    /* xgettext:no-c-format */
    N_("The usual rule of thumb: a week more than 10% longer than the week before earns a "
       "caution. The evidence for this exact figure is mixed."),
    N_("A common rule of thumb among runners and coaches") },
  { "load-30",
    /* xgettext:no-c-format */
    N_("Weekly distance: 30% more than last week"),
    /* xgettext:no-c-format */
    N_("Novice runners who increased their weekly distance by more than 30% had more "
       "distance-related injuries, patellofemoral pain among them."),
    N_("Nielsen et al., J Orthop Sports Phys Ther 2014") },
  { "load-single",
    /* xgettext:no-c-format */
    N_("A single run longer than 110% of the longest in 30 days"),
    /* xgettext:no-c-format */
    N_("One run more than 10% longer than the longest of the previous 30 days was linked to "
       "more overuse injuries."),
    N_("The Garmin-RUNSAFE study, Br J Sports Med") },
  { "load-form", N_("Cadence 170–180 steps a minute"),
    N_("A slightly higher step rate with a shorter stride, the foot landing under the body, "
       "eases the load on the knee. Warm up for at least 5 minutes, vary the surface, and "
       "avoid running downhill while symptoms last."),
    SOURCE_CPG },
};

static const PatellaGuidanceItem shoe_items[] = {
  { "shoe-range", N_("Replace shoes after 300–500 miles (about 480–800 km)"),
    N_("Each pair warns at 300 miles and is due at 500 miles unless you change those marks. "
       "This range is a rule of thumb, not strong evidence."),
    N_("Common running-shoe guidance; not based on strong evidence") },
};

static const PatellaGuidanceItem exercise_items[] = {
  { "exercise-core", N_("Exercise therapy is the core treatment"),
    N_("Strengthening of the hip and knee muscles, with education, is what guidelines "
       "recommend first. Foot orthoses and taping can help for a short time; runners benefit "
       "from gait retraining."),
    SOURCE_CPG },
  { "exercise-frequency", N_("Strength work 3–4 times a week"),
    N_("At least twice a week, better 3–4 times. Start with holds and shallow knee angles, "
       "and go deeper as pain allows. Stop for sharp pain or pain above 5/10."),
    SOURCE_CPG },
};

static const PatellaGuidanceSection sections[] = {
  { "icing", N_("Icing"), icing_items, G_N_ELEMENTS (icing_items) },
  { "pain", N_("Pain"), pain_items, G_N_ELEMENTS (pain_items) },
  { "load", N_("Load and Running Form"), load_items, G_N_ELEMENTS (load_items) },
  { "shoes", N_("Shoes"), shoe_items, G_N_ELEMENTS (shoe_items) },
  { "exercise", N_("Exercise"), exercise_items, G_N_ELEMENTS (exercise_items) },
};

const PatellaGuidanceSection *
patella_guidance_get_sections (guint *n_sections)
{
  g_return_val_if_fail (n_sections != NULL, NULL);

  *n_sections = G_N_ELEMENTS (sections);
  return sections;
}

/**
 * patella_guidance_lookup:
 * @id: an item's id, "pain-scale"
 *
 * Returns: (nullable): the item, or %NULL
 */
const PatellaGuidanceItem *
patella_guidance_lookup (const char *id)
{
  g_return_val_if_fail (id != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    for (guint j = 0; j < sections[i].n_items; j++)
      if (g_str_equal (sections[i].items[j].id, id))
        return &sections[i].items[j];

  return NULL;
}

/* Translated. */
const char *
patella_guidance_get_disclaimer (void)
{
  return _("Patella follows common guidance for runner’s knee; it does not replace a "
           "clinician, who can examine your knee. It recommends no product or brand.");
}
