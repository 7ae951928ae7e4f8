/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "patella-journal.h"

G_BEGIN_DECLS

/**
 * PatellaJournalFields:
 *
 * The fields of a journal day that an editor can change.
 */
typedef enum
{
  PATELLA_JOURNAL_FIELD_NONE     = 0,
  PATELLA_JOURNAL_FIELD_REST     = 1 << 0,
  PATELLA_JOURNAL_FIELD_ACTIVITY = 1 << 1,
  PATELLA_JOURNAL_FIELD_MORNING  = 1 << 2,
  PATELLA_JOURNAL_FIELD_SYMPTOMS = 1 << 3,
  PATELLA_JOURNAL_FIELD_NOTE     = 1 << 4,
} PatellaJournalFields;

typedef struct _PatellaJournalEdit PatellaJournalEdit;

char                 *patella_journal_fields_describe   (PatellaJournalFields  fields);

PatellaJournalEdit   *patella_journal_edit_new          (const char           *day,
                                                         PatellaJournalEntry  *stored);
void                  patella_journal_edit_free         (PatellaJournalEdit   *self);
const char           *patella_journal_edit_get_day      (PatellaJournalEdit   *self);
PatellaJournalEntry  *patella_journal_edit_get_stored   (PatellaJournalEdit   *self);
PatellaJournalFields  patella_journal_edit_get_dirty    (PatellaJournalEdit   *self);
gboolean              patella_journal_edit_changes_symptom (PatellaJournalEdit *self,
                                                            const char         *code);

void                  patella_journal_edit_set_pain_rest     (PatellaJournalEdit *self,
                                                              int                 pain);
void                  patella_journal_edit_set_pain_activity (PatellaJournalEdit *self,
                                                              int                 pain);
void                  patella_journal_edit_set_pain_morning  (PatellaJournalEdit *self,
                                                              int                 pain);
void                  patella_journal_edit_set_symptom       (PatellaJournalEdit *self,
                                                              const char         *code,
                                                              gboolean            on);
void                  patella_journal_edit_set_note          (PatellaJournalEdit *self,
                                                              const char         *note);

gboolean              patella_journal_edit_save         (PatellaJournalEdit   *self,
                                                         PatellaStore         *store,
                                                         int                   rest_if_new,
                                                         GError              **error);
PatellaJournalFields  patella_journal_edit_update       (PatellaJournalEdit   *self,
                                                         PatellaJournalEntry  *stored,
                                                         PatellaJournalFields *conflicts);
void                  patella_journal_edit_drop         (PatellaJournalEdit   *self,
                                                         PatellaJournalFields  fields);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PatellaJournalEdit, patella_journal_edit_free)

G_END_DECLS
