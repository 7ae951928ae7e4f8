/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "patella-store.h"

G_BEGIN_DECLS

#define PATELLA_TYPE_INSIGHTS_VIEW (patella_insights_view_get_type ())

G_DECLARE_FINAL_TYPE (PatellaInsightsView, patella_insights_view, PATELLA, INSIGHTS_VIEW, AdwBin)

GtkWidget *patella_insights_view_new       (PatellaStore        *store);
void       patella_insights_view_set_store (PatellaInsightsView *self,
                                            PatellaStore        *store);
void       patella_insights_view_refresh   (PatellaInsightsView *self);

G_END_DECLS
