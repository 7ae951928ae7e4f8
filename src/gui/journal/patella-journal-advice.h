/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "patella-store.h"

G_BEGIN_DECLS

#define PATELLA_TYPE_JOURNAL_ADVICE (patella_journal_advice_get_type ())

G_DECLARE_FINAL_TYPE (PatellaJournalAdvice, patella_journal_advice, PATELLA, JOURNAL_ADVICE, GtkWidget)

void patella_journal_advice_show (PatellaJournalAdvice *self,
                                  PatellaStore         *store,
                                  const char           *day,
                                  gboolean              keep_place);

G_END_DECLS
