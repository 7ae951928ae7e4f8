/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "patella-journal.h"
#include "patella-store.h"

G_BEGIN_DECLS

#define PATELLA_TYPE_JOURNAL_MODEL (patella_journal_model_get_type ())

G_DECLARE_FINAL_TYPE (PatellaJournalModel, patella_journal_model, PATELLA, JOURNAL_MODEL, GObject)

PatellaJournalModel *patella_journal_model_new          (PatellaStore        *store);
PatellaStore        *patella_journal_model_get_store    (PatellaJournalModel *self);
const char          *patella_journal_model_get_search   (PatellaJournalModel *self);
void                 patella_journal_model_set_search   (PatellaJournalModel *self,
                                                         const char          *search);
void                 patella_journal_model_refresh      (PatellaJournalModel *self);
guint                patella_journal_model_get_n_cached (PatellaJournalModel *self);

G_END_DECLS
