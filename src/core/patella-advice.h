/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "patella-guidance.h"
#include "patella-journal.h"
#include "patella-store.h"

G_BEGIN_DECLS

/* Pain still there this many calendar days after the first painful entry:
 * see a clinician. */
#define PATELLA_ADVICE_PAIN_DAYS 14
/* Pain at rest above this on PATELLA_ADVICE_REST_PAIN_DAYS days of the last
 * PATELLA_ADVICE_REST_PAIN_WINDOW: see a clinician. */
#define PATELLA_ADVICE_REST_PAIN_ABOVE 5
#define PATELLA_ADVICE_REST_PAIN_DAYS 2
#define PATELLA_ADVICE_REST_PAIN_WINDOW 7
/* How far back the rules read the journal. */
#define PATELLA_ADVICE_LOOKBACK_DAYS 56

typedef enum
{
  PATELLA_PAIN_ZONE_SAFE,        /* 0–2 */
  PATELLA_PAIN_ZONE_ACCEPTABLE,  /* 3–5 */
  PATELLA_PAIN_ZONE_TOO_MUCH,    /* above 5 */
} PatellaPainZone;

typedef enum
{
  PATELLA_ADVICE_EASE_OFF,       /* reduce the load */
  PATELLA_ADVICE_SEE_CLINICIAN,  /* have the knee looked at */
} PatellaAdviceKind;

/* How soon to act; higher is sooner. */
typedef enum
{
  PATELLA_URGENCY_NONE,
  PATELLA_URGENCY_ROUTINE,       /* at the next convenient appointment */
  PATELLA_URGENCY_SOON,          /* a GP or physiotherapist within days */
  PATELLA_URGENCY_SAME_DAY,      /* urgent care, today */
} PatellaUrgency;

/**
 * PatellaAdviceRule:
 * @id: stable, for scripts and tests: "locked-knee"…
 * @kind: what the advice asks for
 * @urgency: how soon
 * @evidence: how strong the evidence behind it is
 * @text: the advice, untranslated (use patella_advice_rule_get_text())
 * @why: why it applies, untranslated (use patella_advice_rule_get_why())
 * @source: where the rule comes from: authors, journal and year
 */
typedef struct
{
  const char        *id;
  PatellaAdviceKind  kind;
  PatellaUrgency     urgency;
  PatellaEvidence    evidence;
  const char        *text;
  const char        *why;
  const char        *source;
} PatellaAdviceRule;

/**
 * PatellaAdviceItem:
 *
 * One piece of advice as `status` reports it, translated: a journal rule or
 * a load warning. @urgency is %NULL when there is none.
 */
typedef struct
{
  char *id;
  char *kind;       /* "ease-off", "see-clinician" or "load" */
  char *urgency;    /* "same-day", "soon", "routine" or NULL */
  char *text;
  char *why;
  char *source;
  char *evidence;   /* "guideline", "study" or "common advice" */
} PatellaAdviceItem;

PatellaPainZone          patella_pain_zone                (int                       pain);
const char              *patella_pain_zone_get_id         (PatellaPainZone           zone);
const char              *patella_pain_zone_get_label      (PatellaPainZone           zone);
const char              *patella_pain_zone_get_source     (void);
char                    *patella_pain_describe            (int                       pain);

const char              *patella_urgency_get_id           (PatellaUrgency            urgency);
const char              *patella_urgency_get_label        (PatellaUrgency            urgency);

const PatellaAdviceRule *patella_advice_get_rules         (guint                    *n_rules);
const PatellaAdviceRule *patella_advice_lookup            (const char               *id);
const char              *patella_advice_rule_get_text     (const PatellaAdviceRule  *rule);
const char              *patella_advice_rule_get_why      (const PatellaAdviceRule  *rule);
const char              *patella_advice_rule_get_source   (const PatellaAdviceRule  *rule);
const char              *patella_advice_kind_get_id       (PatellaAdviceKind         kind);

GPtrArray               *patella_advice_evaluate          (const char               *day,
                                                           GPtrArray                *entries);
GPtrArray               *patella_advice_evaluate_with_activity (const char          *day,
                                                                GPtrArray           *entries,
                                                                GArray              *activity);
GPtrArray               *patella_advice_for_day           (PatellaStore             *store,
                                                           const char               *day,
                                                           GError                  **error);
const char              *patella_advice_get_disclaimer    (void);

PatellaAdviceItem       *patella_advice_item_new_for_rule (const PatellaAdviceRule  *rule);
void                     patella_advice_item_free         (PatellaAdviceItem        *item);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PatellaAdviceItem, patella_advice_item_free)

G_END_DECLS
