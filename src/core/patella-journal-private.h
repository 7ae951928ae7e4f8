/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* What the journal's writing (patella-journal.c) and reading
 * (patella-journal-query.c) share. */

#include "patella-journal.h"
#include "patella-store-private.h"

G_BEGIN_DECLS

/* Every query reads the same columns, in this order. */
#define PATELLA_JOURNAL_ENTRY_COLUMNS \
  "e.day, e.pain_rest, e.pain_activity, e.pain_morning, e.note, e.updated_us," \
  " (SELECT group_concat (s.code, ',') FROM journal_symptom s WHERE s.day = e.day) "

PatellaJournalEntry *patella_journal_entry_from_row (PatellaStmt *stmt);

G_END_DECLS
