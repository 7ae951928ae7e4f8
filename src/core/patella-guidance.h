/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* How strong the evidence behind a number or a piece of advice is. */
typedef enum
{
  PATELLA_EVIDENCE_GUIDELINE,      /* a clinical practice guideline or consensus recommends it */
  PATELLA_EVIDENCE_STUDY,          /* one study found it */
  PATELLA_EVIDENCE_COMMON_ADVICE,  /* patient guides give it; little or no evidence */
} PatellaEvidence;

/* One piece of guidance the app acts on: the number, what it means, how
 * strong the evidence is and where it comes from. Strings are untranslated
 * (N_); show them with _(). */
typedef struct
{
  const char      *id;
  const char      *title;
  const char      *text;
  PatellaEvidence  evidence;
  const char      *source;
} PatellaGuidanceItem;

typedef struct
{
  const char                *id;
  const char                *title;
  const PatellaGuidanceItem *items;
  guint                      n_items;
} PatellaGuidanceSection;

const char                   *patella_evidence_get_id           (PatellaEvidence  evidence);
const char                   *patella_evidence_get_label        (PatellaEvidence  evidence);

const PatellaGuidanceSection *patella_guidance_get_sections     (guint           *n_sections);
const PatellaGuidanceItem    *patella_guidance_lookup           (const char      *id);
const char                   *patella_guidance_get_disclaimer   (void);
const char                   *patella_guidance_get_last_reviewed (void);

G_END_DECLS
