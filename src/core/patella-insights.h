/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "patella-store.h"
#include "patella-units.h"

G_BEGIN_DECLS

/* A comparison is shown only with at least this many days on each side. */
#define PATELLA_INSIGHTS_MIN_DAYS 3
/* A difference below this many points is worded "about the same": on a
 * 0–10 scale rated by feel, less is within the noise of the ratings. */
#define PATELLA_INSIGHTS_SMALL_EFFECT 0.5
/* By default, insights look at this many days ending today. */
#define PATELLA_INSIGHTS_WINDOW_DAYS 365

/**
 * PatellaInsight:
 * @id: stable, for scripts and tests: "long-runs", "descent", "shoe:NAME",
 *   "exercise", "load-rise"
 * @enough: whether both sides have at least %PATELLA_INSIGHTS_MIN_DAYS days;
 *   only then is @text a comparison
 * @text: the comparison in words ("was higher after"), or, when not
 *   @enough, what is still needed ("3 more mornings after …")
 * @n_with: the days on the "with" side (long runs, a pair of shoes…)
 * @n_without: the days on the other side
 * @mean_with: the average pain on the "with" side (0 when @n_with is 0)
 * @mean_without: the average pain on the other side
 * @effect: @mean_with minus @mean_without, in points of pain, rounded to
 *   two decimals
 *
 * One comparison of the user's own entries. It says what went together,
 * never what caused what.
 */
typedef struct
{
  char     *id;
  gboolean  enough;
  char     *text;
  guint     n_with;
  guint     n_without;
  double    mean_with;
  double    mean_without;
  double    effect;
} PatellaInsight;

void       patella_insight_free     (PatellaInsight       *insight);

GPtrArray *patella_insights_collect (PatellaStore         *store,
                                     const char           *from,
                                     const char           *to,
                                     PatellaDistanceUnit   unit,
                                     GError              **error);
GPtrArray *patella_insights_recent  (PatellaStore         *store,
                                     PatellaDistanceUnit   unit,
                                     GError              **error);
const char *patella_insights_get_caveat (void);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PatellaInsight, patella_insight_free)

G_END_DECLS
