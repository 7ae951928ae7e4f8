/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "patella-store.h"

G_BEGIN_DECLS

#define PATELLA_TYPE_JOURNAL_TREND (patella_journal_trend_get_type ())

G_DECLARE_FINAL_TYPE (PatellaJournalTrend, patella_journal_trend, PATELLA, JOURNAL_TREND, AdwPreferencesGroup)

void patella_journal_trend_set_store (PatellaJournalTrend *self,
                                      PatellaStore        *store);
void patella_journal_trend_refresh   (PatellaJournalTrend *self);

G_END_DECLS
