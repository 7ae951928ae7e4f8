/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "patella-journal-model.h"
#include "patella-view.h"

G_BEGIN_DECLS

#define PATELLA_TYPE_JOURNAL_PAGE (patella_journal_page_get_type ())

G_DECLARE_FINAL_TYPE (PatellaJournalPage, patella_journal_page, PATELLA, JOURNAL_PAGE, PatellaView)

GtkWidget           *patella_journal_page_new       (PatellaContext     *context);
gboolean             patella_journal_page_save      (PatellaJournalPage *self);
PatellaJournalModel *patella_journal_page_get_model (PatellaJournalPage *self);
const char          *patella_journal_page_get_day   (PatellaJournalPage *self);

G_END_DECLS
