/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "patella-journal-model.h"

G_BEGIN_DECLS

#define PATELLA_TYPE_JOURNAL_HISTORY (patella_journal_history_get_type ())

G_DECLARE_FINAL_TYPE (PatellaJournalHistory, patella_journal_history, PATELLA, JOURNAL_HISTORY, GtkWidget)

void patella_journal_history_set_model    (PatellaJournalHistory *self,
                                           PatellaJournalModel   *model);
void patella_journal_history_show_all     (PatellaJournalHistory *self);
void patella_journal_history_start_search (PatellaJournalHistory *self);
void patella_journal_history_focus_near   (PatellaJournalHistory *self,
                                           const char            *day);

G_END_DECLS
