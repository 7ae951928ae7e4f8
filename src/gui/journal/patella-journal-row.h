/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "patella-journal.h"

G_BEGIN_DECLS

#define PATELLA_TYPE_JOURNAL_ROW (patella_journal_row_get_type ())

G_DECLARE_FINAL_TYPE (PatellaJournalRow, patella_journal_row, PATELLA, JOURNAL_ROW, GtkWidget)

GtkWidget *patella_journal_row_new       (void);
void       patella_journal_row_set_entry (PatellaJournalRow   *self,
                                          PatellaJournalEntry *entry);

char      *patella_journal_format_day    (const char          *day,
                                          gboolean             long_form);

G_END_DECLS
