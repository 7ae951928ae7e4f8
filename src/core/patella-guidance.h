/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* One piece of guidance the app acts on: the number, what it means, and
 * where it comes from. Strings are untranslated (N_); show them with _(). */
typedef struct
{
  const char *id;
  const char *title;
  const char *text;
  const char *source;
} PatellaGuidanceItem;

typedef struct
{
  const char                *id;
  const char                *title;
  const PatellaGuidanceItem *items;
  guint                      n_items;
} PatellaGuidanceSection;

const PatellaGuidanceSection *patella_guidance_get_sections   (guint      *n_sections);
const PatellaGuidanceItem    *patella_guidance_lookup         (const char *id);
const char                   *patella_guidance_get_disclaimer (void);

G_END_DECLS
