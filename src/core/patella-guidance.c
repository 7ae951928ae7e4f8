/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "patella-guidance"

#include "config.h"

#include <glib/gi18n.h>

#include "patella-guidance.h"

/* Every number Patella uses, in the project's own words, with how strong
 * its evidence is and its source. Sources are named, never linked to a
 * shop. When this changes, change the date below. */

#define LAST_REVIEWED "2026-12-03"

#define SOURCE_CPG N_("Willy et al., Patellofemoral Pain Clinical Practice Guideline, J Orthop " \
                      "Sports Phys Ther 2019;49(9):CPG1–CPG95")
#define SOURCE_CPG_CONSENSUS N_("Willy et al., Patellofemoral Pain Clinical Practice Guideline, " \
                                "J Orthop Sports Phys Ther 2019;49(9):CPG1–CPG95; Collins et al., " \
                                "consensus statement on exercise therapy and physical " \
                                "interventions, Br J Sports Med 2018;52:1170–1178")
#define SOURCE_CONSENSUS N_("Collins et al., consensus statement on exercise therapy and physical " \
                            "interventions, Br J Sports Med 2018;52:1170–1178")
#define SOURCE_PAIN_MODEL N_("Pain-monitoring model: Thomeé, Phys Ther 1997 (patellofemoral " \
                             "pain); Silbernagel et al., Am J Sports Med 2007")
#define SOURCE_RUNNERS N_("Esculier and Barton, advice for runners with patellofemoral pain " \
                          "(patellofemoral.trekeducation.org)")
#define SOURCE_NHS N_("NHS, “Knee pain” patient advice (nhs.uk)")
#define SOURCE_RED_FLAGS N_("NHS, “Knee pain” patient advice (nhs.uk); red flags in Willy et al., " \
                            "Patellofemoral Pain Clinical Practice Guideline, J Orthop Sports " \
                            "Phys Ther 2019")
#define SOURCE_PATIENT_GUIDES N_("Patient guides on runner’s knee (RICE: rest, ice, compression, " \
                                 "elevation)")
#define SOURCE_ICE_STANCE N_("Patient guides (RICE); Willy et al., Patellofemoral Pain Clinical " \
                             "Practice Guideline, J Orthop Sports Phys Ther 2019 (against " \
                             "biophysical agents as a treatment)")
#define SOURCE_COMMON N_("Patient guides and coaches; no study behind the figure")

static const PatellaGuidanceItem helps_items[] = {
  { "helps-exercise", N_("Exercise therapy comes first"),
    N_("Exercise for the hip and knee muscles is the core treatment, together with learning how "
       "to manage load. Everything below is an add-on."),
    PATELLA_EVIDENCE_GUIDELINE, SOURCE_CPG_CONSENSUS },
  { "helps-orthoses", N_("Foot orthoses: may help for up to about 6 weeks"),
    N_("Foot orthoses may help in the short term, up to about 6 weeks."),
    PATELLA_EVIDENCE_GUIDELINE, SOURCE_CPG_CONSENSUS },
  { "helps-taping", N_("Patellar taping: uncertain"),
    N_("The 2018 consensus was uncertain whether patellar taping helps."),
    PATELLA_EVIDENCE_GUIDELINE, SOURCE_CONSENSUS },
  { "helps-gait", N_("Gait retraining: may be considered for runners"),
    N_("For runners, the guideline makes a weak recommendation: gait retraining may help."),
    PATELLA_EVIDENCE_GUIDELINE, SOURCE_CPG },
  { "helps-agents", N_("Ice and other biophysical agents: not a treatment"),
    N_("The guideline advises against biophysical agents, cryotherapy among them, as a "
       "treatment for patellofemoral pain (see Icing)."),
    PATELLA_EVIDENCE_GUIDELINE, SOURCE_CPG },
};

static const PatellaGuidanceItem pain_items[] = {
  { "pain-scale", N_("Pain during activity: 0–2 safe, 3–5 acceptable, above 5 too much"),
    N_("Rate pain during running or exercise from 0 to 10. Up to 2 is safe, 3 to 5 is "
       "acceptable, above 5 means the load was too much. These zones are for pain during "
       "activity only, not for pain at rest or in the morning."),
    PATELLA_EVIDENCE_STUDY, SOURCE_PAIN_MODEL },
  { "pain-morning", N_("Settled by the next morning"),
    N_("Pain should settle by the next morning and be no worse than the usual morning. When the "
       "morning is worse, reduce the next session."),
    PATELLA_EVIDENCE_STUDY, SOURCE_PAIN_MODEL },
  { "pain-weeks", N_("No worse from week to week"),
    N_("Week to week, symptoms should not be getting worse. After two worse weeks in a row, "
       "reduce your load and consider seeing a clinician."),
    PATELLA_EVIDENCE_COMMON_ADVICE, SOURCE_PAIN_MODEL },
  { "pain-running", N_("While running: at most 2/10"),
    N_("Patellofemoral researchers advise runners: pain at most 2/10 while running, back to the "
       "usual level within about an hour, and no worse the next morning."),
    PATELLA_EVIDENCE_COMMON_ADVICE, SOURCE_RUNNERS },
};

static const PatellaGuidanceItem clinician_items[] = {
  { "clinician-same-day", N_("Today: get urgent care"),
    N_("When the knee locked and cannot straighten, you cannot put weight on it, it is very "
       "swollen, it is hot and red or you have a fever, or it hurts after a fall or twist with a "
       "pop or a change of shape."),
    PATELLA_EVIDENCE_GUIDELINE, SOURCE_RED_FLAGS },
  { "clinician-soon", N_("Within days: swelling, giving way, pain on the outside of the knee"),
    N_("See a GP or physiotherapist within days for swelling or a knee that gives way. Pain on "
       "the outside of the knee may be another condition, such as the iliotibial band."),
    PATELLA_EVIDENCE_GUIDELINE, SOURCE_RED_FLAGS },
  { "clinician-rest-pain", N_("Within days: pain at rest above 5/10 on two or more days, or at night"),
    N_("Pain at rest above 5/10 on two or more days, or pain that wakes you at night, is not "
       "load-related soreness."),
    PATELLA_EVIDENCE_COMMON_ADVICE, SOURCE_NHS },
  { "clinician-two-weeks", N_("Within days: no improvement after two weeks"),
    N_("When the knee still hurts two weeks after your first painful entry. Patella counts "
       "calendar days: a day without an entry does not reset the count, a day without pain "
       "does."),
    PATELLA_EVIDENCE_COMMON_ADVICE, SOURCE_NHS },
  { "clinician-routine", N_("When convenient: no clear improvement after 6 weeks"),
    /* xgettext:no-c-format */
    N_("When 6 weeks of regular exercise therapy have brought no clear improvement: Patella "
       "counts exercise at least twice in each week, and a clear improvement as pain 30% lower "
       "than in the first week."),
    PATELLA_EVIDENCE_COMMON_ADVICE, N_("Common clinical practice with exercise therapy; no study "
                                       "behind the 6 weeks") },
  { "clinician-active", N_("Keep active within the pain rules"),
    N_("Patella never advises bed rest: reduce the activity that aggravates the knee and keep "
       "active within the pain rules."),
    PATELLA_EVIDENCE_GUIDELINE, SOURCE_CPG },
};

static const PatellaGuidanceItem icing_items[] = {
  { "ice-role", N_("Short-term relief, not a treatment"),
    N_("Patient guides use ice for short-term relief of pain and swelling. The 2019 guideline "
       "advises clinicians against cryotherapy and other biophysical agents as a treatment for "
       "patellofemoral pain. Patella offers icing for comfort; exercise is what helps the knee."),
    PATELLA_EVIDENCE_COMMON_ADVICE, SOURCE_ICE_STANCE },
  { "ice-length", N_("15–20 minutes a session"),
    N_("The icing timer runs 15 minutes unless you choose up to 20, and never longer."),
    PATELLA_EVIDENCE_COMMON_ADVICE, SOURCE_PATIENT_GUIDES },
  { "ice-count", N_("3–4 sessions a day"),
    N_("Reminders come 3 or 4 times a day (4 unless you choose 3); patient guides also ice after "
       "a run or other activity that aggravates the knee."),
    PATELLA_EVIDENCE_COMMON_ADVICE, SOURCE_PATIENT_GUIDES },
  { "ice-cloth", N_("Always a cloth barrier"),
    N_("Keep a cloth between the ice and your skin, every time. Stop icing and ask a clinician "
       "if the skin goes white, blistered or numb for long."),
    PATELLA_EVIDENCE_COMMON_ADVICE, SOURCE_PATIENT_GUIDES },
};

static const PatellaGuidanceItem load_items[] = {
  /* These are not printf formats: "10% more" only looks like one to xgettext. */
  { "load-10",
    /* xgettext:no-c-format */
    N_("Weekly distance: 10% more than last week"),
    /* xgettext:no-c-format */
    N_("A week more than 10% longer than the week before earns a caution. This is a rule of "
       "thumb: there is little evidence for the exact figure."),
    PATELLA_EVIDENCE_COMMON_ADVICE, SOURCE_COMMON },
  { "load-30",
    /* xgettext:no-c-format */
    N_("Weekly distance: 30% more than last week"),
    /* xgettext:no-c-format */
    N_("In a study of novice runners, those who raised their weekly distance by more than 30% "
       "tended to have more distance-related injuries, a group that includes runner’s knee. The "
       "result was not statistically conclusive and overall injuries did not differ: such a "
       "week may raise the risk."),
    PATELLA_EVIDENCE_STUDY, N_("Nielsen et al., J Orthop Sports Phys Ther 2014") },
  { "load-single",
    /* xgettext:no-c-format */
    N_("A single run longer than 110% of the longest in 30 days"),
    /* xgettext:no-c-format */
    N_("In a large study of runners, a single run more than 10% longer than the longest of the "
       "previous 30 days was linked to more running injuries; the risk rose with how much longer "
       "the run was."),
    PATELLA_EVIDENCE_STUDY, N_("Frandsen et al., Garmin-RUNSAFE, Br J Sports Med 2025") },
  { "load-cadence",
    /* xgettext:no-c-format */
    N_("Step rate: 5–10% above your own"),
    /* xgettext:no-c-format */
    N_("Patient guides quote 170–180 steps a minute; the evidence is for raising your own step "
       "rate by 5–10%, which lowered the load at the knee. Targets are relative to your own "
       "cadence."),
    PATELLA_EVIDENCE_STUDY, N_("Heiderscheit et al., Med Sci Sports Exerc 2011") },
  { "load-habits", N_("Warm up, vary surfaces, avoid downhill"),
    N_("Warm up for 5 minutes, vary the surfaces you run on, and avoid running downhill while "
       "symptoms last."),
    PATELLA_EVIDENCE_COMMON_ADVICE, SOURCE_PATIENT_GUIDES },
};

static const PatellaGuidanceItem shoe_items[] = {
  { "shoe-range", N_("Replace shoes after 300–500 miles (about 480–800 km)"),
    N_("Each pair warns at 300 miles and is due at 500 miles unless you change those marks. "
       "This range is a rule of thumb, not evidence."),
    PATELLA_EVIDENCE_COMMON_ADVICE, SOURCE_COMMON },
};

static const PatellaGuidanceItem exercise_items[] = {
  { "exercise-frequency", N_("Hip and knee strengthening 3 times a week"),
    N_("At least twice a week, better 3 times, with more load over the weeks. Start with holds "
       "and shallow knee angles when pain is high, and add range as pain allows."),
    PATELLA_EVIDENCE_GUIDELINE, SOURCE_CPG_CONSENSUS },
  { "exercise-doses", N_("Sets, reps and holds: common starting points"),
    N_("The doses in the routines are common starting points, not prescriptions: adjust them "
       "with your physiotherapist. When all sets are done with pain during at most 2/10 for two "
       "sessions, add reps, then a set, then range or load; step back after a session with too "
       "much pain. Stop for sharp pain or pain above 5/10."),
    PATELLA_EVIDENCE_COMMON_ADVICE, SOURCE_COMMON },
  { "exercise-stretch", N_("Stretching and foam rolling"),
    N_("Stretches of 3 × 30 s a side and 60 s of foam rolling along the outer thigh are common "
       "advice, with little evidence behind them."),
    PATELLA_EVIDENCE_COMMON_ADVICE, SOURCE_PATIENT_GUIDES },
};

static const PatellaGuidanceItem recovery_items[] = {
  { "recovery-guides", N_("Patient guides: 2–4 weeks, or 4–8 weeks or more"),
    N_("Patient guides say 2–4 weeks for mild cases and 4–8 weeks or more otherwise, and at "
       "least 4–6 weeks before returning to previous training."),
    PATELLA_EVIDENCE_COMMON_ADVICE, SOURCE_PATIENT_GUIDES },
  { "recovery-studies", N_("Studies: it often takes longer"),
    N_("Studies of people in care show it often takes longer: many improve over 6–12 weeks of "
       "exercise therapy, and more than half still report some pain 5–8 years after diagnosis. "
       "Patella promises no recovery time."),
    PATELLA_EVIDENCE_STUDY, N_("Lankhorst et al., Br J Sports Med 2016") },
};

/* The order of the Guidance page: what helps first, then the rules. */
static const PatellaGuidanceItem plan_items[] = {
  { "plan-phases", N_("Walk/run in six phases, from 2 minutes running : 3 minutes walking to "
                      "continuous running"),
    N_("The plan’s walk/run phases follow the shape of a published six-phase programme: "
       "6 × (2 min run, 3 min walk), 6 × (3, 2), 6 × (4, 1), 3 × (8, 2), 2 × (13, 2), then 30 "
       "minutes without a break, each after a 5-minute warm-up walk. The steps between the first "
       "and the last phase are Patella’s own."),
    PATELLA_EVIDENCE_STUDY,
    N_("Six-phase walk/run programme, Trials 2023 (doi 10.1186/s13063-023-07502-x)") },
  { "plan-readiness", N_("Before running: 30 minutes of brisk walking and single-leg squats"),
    N_("Running starts once you can walk briskly for 30 minutes and do single-leg squats with no "
       "more than mild pain (2/10). The plan asks you to try it; it never assumes it."),
    PATELLA_EVIDENCE_COMMON_ADVICE,
    N_("Common criteria in return-to-run protocols") },
  { "plan-advance", N_("Advance after two good sessions in a row"),
    N_("A session is good when pain during it is at most 2/10 (the runner’s rule, the default) "
       "or at most 5/10 (the standard model, if you choose it), it settles within about an hour, "
       "and the next morning is no worse than usual. After an acceptable session the plan holds; "
       "after pain above 5/10 or a worse morning it steps back one phase (from the first "
       "walk/run phase back to strength and walking: the readiness check is a gate)."),
    PATELLA_EVIDENCE_COMMON_ADVICE,
    SOURCE_RUNNERS },
  { "plan-red-flags", N_("Pause for swelling, locking, giving way or pain at rest"),
    N_("Swelling, locking or a knee that gives way, or pain at rest above 5/10 on two or more "
       "days of a week, pause the plan: see a doctor or physiotherapist before running again."),
    PATELLA_EVIDENCE_GUIDELINE,
    N_("NHS “Knee pain” patient advice; red flags of the 2019 clinical practice guideline") },
  { "plan-missed-week", N_("A week without a session: repeat the phase"),
    N_("After a week or more without a session the plan repeats the phase you were in, and two "
       "new good sessions are needed to advance."),
    PATELLA_EVIDENCE_COMMON_ADVICE,
    N_("Patella’s own rule, in the spirit of graded return to running") },
  /* xgettext:no-c-format */
  { "plan-build-back", N_("Build back by at most 10% a week"),
    /* xgettext:no-c-format */
    N_("After the walk/run phases, continuous runs grow by at most 10% a week, and no single run "
       "is more than 10% longer than the longest of the 30 days before."),
    PATELLA_EVIDENCE_COMMON_ADVICE,
    N_("A common rule of thumb; Frandsen et al., Garmin-RUNSAFE, Br J Sports Med 2025") },
  /* xgettext:no-c-format */
  { "plan-metronome", N_("Metronome: your own step rate, 5% or 10% higher"),
    /* xgettext:no-c-format */
    N_("The walk/run timer’s metronome ticks at the step rate you type in, raised by 5% or "
       "10%: raising your own step rate that much lowered the load at the knee. Patient guides "
       "quote 170–180 steps a minute; the evidence is for the relative change."),
    PATELLA_EVIDENCE_STUDY,
    N_("Heiderscheit et al., Med Sci Sports Exerc 2011") },
  { "plan-exercise", N_("Strength exercises: more reps, then a set, then range"),
    N_("When every set was done with pain at most 2/10 in two sessions in a row, the plan adds "
       "reps (a quarter more, or a hold half as long again), then a set, then asks for more range "
       "or load with your physiotherapist. After pain above 5/10 it steps back one level. The "
       "doses are common starting points, not prescriptions."),
    PATELLA_EVIDENCE_COMMON_ADVICE,
    N_("Common practice in exercise therapy for patellofemoral pain") },
};

static const PatellaGuidanceSection sections[] = {
  { "helps", N_("What Helps Most"), helps_items, G_N_ELEMENTS (helps_items) },
  { "pain", N_("Pain"), pain_items, G_N_ELEMENTS (pain_items) },
  { "clinician", N_("When to See a Clinician"), clinician_items, G_N_ELEMENTS (clinician_items) },
  { "icing", N_("Icing"), icing_items, G_N_ELEMENTS (icing_items) },
  { "load", N_("Load and Running Form"), load_items, G_N_ELEMENTS (load_items) },
  { "shoes", N_("Shoes"), shoe_items, G_N_ELEMENTS (shoe_items) },
  { "exercise", N_("Exercise"), exercise_items, G_N_ELEMENTS (exercise_items) },
  { "plan", N_("Return to Running"), plan_items, G_N_ELEMENTS (plan_items) },
  { "recovery", N_("Recovery Time"), recovery_items, G_N_ELEMENTS (recovery_items) },
};

/* Returns: "guideline", "study" or "common advice" */
const char *
patella_evidence_get_id (PatellaEvidence evidence)
{
  switch (evidence)
    {
    case PATELLA_EVIDENCE_GUIDELINE:
      return "guideline";
    case PATELLA_EVIDENCE_STUDY:
      return "study";
    case PATELLA_EVIDENCE_COMMON_ADVICE:
      return "common advice";
    default:
      g_return_val_if_reached (NULL);
    }
}

/* Returns: (transfer none): the evidence word, translated */
const char *
patella_evidence_get_label (PatellaEvidence evidence)
{
  switch (evidence)
    {
    case PATELLA_EVIDENCE_GUIDELINE:
      /* Translators: how strong the evidence is: a clinical guideline recommends it */
      return _("guideline");
    case PATELLA_EVIDENCE_STUDY:
      /* Translators: how strong the evidence is: one study found it */
      return _("study");
    case PATELLA_EVIDENCE_COMMON_ADVICE:
      /* Translators: how strong the evidence is: patient guides give it, little evidence */
      return _("common advice");
    default:
      g_return_val_if_reached (NULL);
    }
}

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
  return _("Patella follows published guidance for runner’s knee and says how strong each piece "
           "is; it does not replace a clinician, who can examine your knee. It recommends no "
           "product or brand.");
}

/* Returns: the day this guidance was last checked against its sources, `YYYY-MM-DD` */
const char *
patella_guidance_get_last_reviewed (void)
{
  return LAST_REVIEWED;
}
