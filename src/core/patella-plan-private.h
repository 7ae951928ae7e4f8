/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* What the plan's files share: patella-plan.c (decisions),
 * patella-plan-ladder.c (phases and words), patella-plan-records.c (rows)
 * and patella-plan-today.c (what today holds). */

#include "patella-plan.h"

G_BEGIN_DECLS

static inline void
patella_plan_copy_day (char        dest[11],
                       const char *day)
{
  g_strlcpy (dest, day != NULL ? day : "", 11);
}

PatellaPlanDecision     patella_plan_decision_from_id (const char        *id);
PatellaPlanState        patella_plan_state_from_id    (const char        *id);

const PatellaPlanEvent *patella_plan_last_session     (const PatellaPlan *plan);
PatellaPlanEvent       *patella_plan_pending_session  (PatellaPlan       *plan);
const char             *patella_plan_latest_day       (const PatellaPlan *plan);

gboolean                patella_plan_save_row         (PatellaStore      *store,
                                                       PatellaPlan       *plan,
                                                       GError           **error);
gboolean                patella_plan_insert_event     (PatellaStore      *store,
                                                       PatellaPlan       *plan,
                                                       PatellaPlanEvent  *event,
                                                       GError           **error);

G_END_DECLS
