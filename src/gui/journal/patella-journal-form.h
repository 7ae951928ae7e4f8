/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "patella-journal-edit.h"

G_BEGIN_DECLS

#define PATELLA_TYPE_JOURNAL_FORM (patella_journal_form_get_type ())

G_DECLARE_FINAL_TYPE (PatellaJournalForm, patella_journal_form, PATELLA, JOURNAL_FORM, GtkWidget)

void  patella_journal_form_set_edit        (PatellaJournalForm   *self,
                                            PatellaJournalEdit   *edit);
void  patella_journal_form_show            (PatellaJournalForm   *self,
                                            const char           *day,
                                            PatellaJournalEntry  *entry,
                                            PatellaJournalFields  fields);
void  patella_journal_form_take            (PatellaJournalForm   *self,
                                            PatellaJournalEntry  *entry,
                                            PatellaJournalFields  fields);
int   patella_journal_form_get_pain_rest   (PatellaJournalForm   *self);
char *patella_journal_form_get_note        (PatellaJournalForm   *self);
void  patella_journal_form_focus_first     (PatellaJournalForm   *self);
void  patella_journal_form_show_below_fold (PatellaJournalForm   *self);

G_END_DECLS
