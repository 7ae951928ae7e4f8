/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "patella-store.h"

G_BEGIN_DECLS

#define PATELLA_TYPE_JOURNAL_EDITOR (patella_journal_editor_get_type ())

G_DECLARE_FINAL_TYPE (PatellaJournalEditor, patella_journal_editor, PATELLA, JOURNAL_EDITOR, GtkWidget)

void        patella_journal_editor_set_store        (PatellaJournalEditor *self,
                                                     PatellaStore         *store);
const char *patella_journal_editor_get_day          (PatellaJournalEditor *self);
gboolean    patella_journal_editor_get_has_entry    (PatellaJournalEditor *self);
void        patella_journal_editor_show_day         (PatellaJournalEditor *self,
                                                     const char           *day);
gboolean    patella_journal_editor_save             (PatellaJournalEditor *self);
gboolean    patella_journal_editor_has_unsaved      (PatellaJournalEditor *self);
void        patella_journal_editor_delete           (PatellaJournalEditor *self);
void        patella_journal_editor_focus_first      (PatellaJournalEditor *self);
void        patella_journal_editor_show_below_fold  (PatellaJournalEditor *self);
void        patella_journal_editor_show_today_card  (PatellaJournalEditor *self);

G_END_DECLS
