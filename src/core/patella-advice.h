/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "patella-journal.h"
#include "patella-store.h"

G_BEGIN_DECLS

/* Pain on this many consecutive days means: see a clinician. */
#define PATELLA_ADVICE_PAIN_DAYS 14

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

/**
 * PatellaAdviceRule:
 * @id: stable, for scripts and tests: "red-flag-symptoms"…
 * @kind: what the advice asks for
 * @text: the advice, untranslated (use patella_advice_rule_get_text())
 * @why: why it applies, untranslated (use patella_advice_rule_get_why())
 * @source: where the rule comes from, as GUIDANCE.md gives it
 */
typedef struct
{
  const char        *id;
  PatellaAdviceKind  kind;
  const char        *text;
  const char        *why;
  const char        *source;
} PatellaAdviceRule;

PatellaPainZone          patella_pain_zone                (int                       pain);
const char              *patella_pain_zone_get_id         (PatellaPainZone           zone);
const char              *patella_pain_zone_get_label      (PatellaPainZone           zone);
const char              *patella_pain_zone_get_source     (void);
char                    *patella_pain_describe            (int                       pain);

const PatellaAdviceRule *patella_advice_get_rules         (guint                    *n_rules);
const PatellaAdviceRule *patella_advice_lookup            (const char               *id);
const char              *patella_advice_rule_get_text     (const PatellaAdviceRule  *rule);
const char              *patella_advice_rule_get_why      (const PatellaAdviceRule  *rule);
const char              *patella_advice_rule_get_source   (const PatellaAdviceRule  *rule);

GPtrArray               *patella_advice_evaluate          (const char               *day,
                                                           GPtrArray                *entries);
GPtrArray               *patella_advice_for_day           (PatellaStore             *store,
                                                           const char               *day,
                                                           GError                  **error);
const char              *patella_advice_get_disclaimer    (void);

G_END_DECLS
