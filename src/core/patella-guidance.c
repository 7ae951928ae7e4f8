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

#define SOURCE_RUNNERS N_("Runner-specific rules of patellofemoral researchers (Esculier, Barton): " \
                          "the runners’ pages of patellofemoral.trekeducation.org")

static const PatellaGuidanceItem plan_items[] = {
  { "plan-phases", N_("Walk/run in six phases, from 2 minutes running : 3 minutes walking to "
                      "continuous running"),
    N_("The plan’s walk/run phases follow the shape of a published six-phase programme: "
       "6 × (2 min run, 3 min walk), 6 × (3, 2), 6 × (4, 1), 3 × (8, 2), 2 × (13, 2), then 30 "
       "minutes without a break, each after a 5-minute warm-up walk. The steps between the first "
       "and the last phase are Patella’s own."),
    N_("Six-phase walk/run programme, Trials 2023 (doi 10.1186/s13063-023-07502-x)") },
  { "plan-readiness", N_("Before running: 30 minutes of brisk walking and single-leg squats"),
    N_("Running starts once you can walk briskly for 30 minutes and do single-leg squats with no "
       "more than mild pain (2/10). The plan asks you to try it; it never assumes it."),
    N_("Common criteria in return-to-run protocols") },
  { "plan-advance", N_("Advance after two good sessions in a row"),
    N_("A session is good when pain during it is at most 2/10 (the runner’s rule, the default) "
       "or at most 5/10 (the standard model, if you choose it), it settles within about an hour, "
       "and the next morning is no worse than usual. After an acceptable session the plan holds; "
       "after pain above 5/10 or a worse morning it steps back one phase."),
    SOURCE_RUNNERS },
  { "plan-red-flags", N_("Pause for swelling, locking, giving way or pain at rest"),
    N_("Swelling, locking or a knee that gives way, or pain at rest above 5/10 on two or more "
       "days of a week, pause the plan: see a doctor or physiotherapist before running again."),
    N_("NHS “Knee pain” patient advice; red flags of the 2019 clinical practice guideline") },
  { "plan-missed-week", N_("A week without a session: repeat the phase"),
    N_("After a week or more without a session the plan repeats the phase you were in, and two "
       "new good sessions are needed to advance."),
    N_("Patella’s own rule, in the spirit of graded return to running") },
  /* xgettext:no-c-format */
  { "plan-build-back", N_("Build back by at most 10% a week"),
    /* xgettext:no-c-format */
    N_("After the walk/run phases, continuous runs grow by at most 10% a week, and no single run "
       "is more than 10% longer than the longest of the 30 days before."),
    N_("A common rule of thumb; Garmin-RUNSAFE study, Br J Sports Med 2025") },
  /* xgettext:no-c-format */
  { "plan-metronome", N_("Metronome: your own step rate, 5% or 10% higher"),
    /* xgettext:no-c-format */
    N_("The walk/run timer’s metronome ticks at the step rate you type in, raised by 5% or "
       "10%: raising your own step rate that much lowered the load at the knee. Patient guides "
       "quote 170–180 steps a minute; the evidence is for the relative change."),
    N_("Heiderscheit et al., Med Sci Sports Exerc 2011") },
  { "plan-exercise", N_("Strength exercises: more reps, then a set, then range"),
    N_("When every set was done with pain at most 2/10 in two sessions in a row, the plan adds "
       "reps (a quarter more, or a hold half as long again), then a set, then asks for more range "
       "or load with your physiotherapist. After pain above 5/10 it steps back one level. The "
       "doses are common starting points, not prescriptions."),
    N_("Common practice in exercise therapy for patellofemoral pain") },
};

static const PatellaGuidanceSection sections[] = {
  { "icing", N_("Icing"), icing_items, G_N_ELEMENTS (icing_items) },
  { "pain", N_("Pain"), pain_items, G_N_ELEMENTS (pain_items) },
  { "load", N_("Load and Running Form"), load_items, G_N_ELEMENTS (load_items) },
  { "shoes", N_("Shoes"), shoe_items, G_N_ELEMENTS (shoe_items) },
  { "exercise", N_("Exercise"), exercise_items, G_N_ELEMENTS (exercise_items) },
  { "plan", N_("Return to Running"), plan_items, G_N_ELEMENTS (plan_items) },
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
