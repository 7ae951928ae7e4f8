/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "patella-parse.h"
#include "patella-store.h"

G_BEGIN_DECLS

/* In a #PatellaJournalChange: leave the stored value as it is. */
#define PATELLA_PAIN_KEEP (-2)

/* Symptoms: the codes of DESIGN.md, in the order the app shows them. */
const char * const *patella_symptom_get_codes    (void);
const char         *patella_symptom_get_label    (const char  *code);
gboolean            patella_symptom_is_red_flag  (const char  *code);
gboolean            patella_symptom_check        (const char  *code,
                                                  GError     **error);

#define PATELLA_TYPE_JOURNAL_ENTRY (patella_journal_entry_get_type ())

G_DECLARE_FINAL_TYPE (PatellaJournalEntry, patella_journal_entry, PATELLA, JOURNAL_ENTRY, GObject)

PatellaJournalEntry *patella_journal_entry_new               (const char          *day);
const char          *patella_journal_entry_get_day           (PatellaJournalEntry *self);
int                  patella_journal_entry_get_pain_rest     (PatellaJournalEntry *self);
int                  patella_journal_entry_get_pain_activity (PatellaJournalEntry *self);
int                  patella_journal_entry_get_pain_morning  (PatellaJournalEntry *self);
const char * const  *patella_journal_entry_get_symptoms      (PatellaJournalEntry *self);
gboolean             patella_journal_entry_has_symptom       (PatellaJournalEntry *self,
                                                              const char          *code);
const char          *patella_journal_entry_get_note          (PatellaJournalEntry *self);
gint64               patella_journal_entry_get_updated_us    (PatellaJournalEntry *self);
int                  patella_journal_entry_get_max_pain      (PatellaJournalEntry *self);
void                 patella_journal_entry_set_pain_rest     (PatellaJournalEntry *self,
                                                              int                  pain);
void                 patella_journal_entry_set_pain_activity (PatellaJournalEntry *self,
                                                              int                  pain);
void                 patella_journal_entry_set_pain_morning  (PatellaJournalEntry *self,
                                                              int                  pain);
void                 patella_journal_entry_set_symptoms      (PatellaJournalEntry *self,
                                                              const char * const  *codes);
void                 patella_journal_entry_set_note          (PatellaJournalEntry *self,
                                                              const char          *note);

/**
 * PatellaJournalChange:
 * @pain_rest: 0–10, %PATELLA_PAIN_NONE to clear, or %PATELLA_PAIN_KEEP
 * @pain_activity: 0–10, %PATELLA_PAIN_NONE to clear, or %PATELLA_PAIN_KEEP
 * @pain_morning: 0–10, %PATELLA_PAIN_NONE to clear, or %PATELLA_PAIN_KEEP
 * @symptoms: (nullable): the day's symptom codes (replacing the stored ones), or %NULL to keep
 * @note: (nullable): the note, or %NULL to keep
 * @symptoms_add: (nullable): codes to add to the stored ones
 * @symptoms_remove: (nullable): codes to take from the stored ones
 * @pain_rest_if_new: the pain at rest for a day that has no entry yet, when
 *   @pain_rest keeps; or %PATELLA_PAIN_KEEP (unrated)
 *
 * What to write for one day. Fields left at their "keep" value are not touched
 * when the day has an entry already: the stored values are read and written
 * in one transaction, so a field another program changed meanwhile is kept.
 */
typedef struct
{
  int                 pain_rest;
  int                 pain_activity;
  int                 pain_morning;
  const char * const *symptoms;
  const char         *note;
  const char * const *symptoms_add;
  const char * const *symptoms_remove;
  int                 pain_rest_if_new;
} PatellaJournalChange;

#define PATELLA_JOURNAL_CHANGE_INIT \
  { PATELLA_PAIN_KEEP, PATELLA_PAIN_KEEP, PATELLA_PAIN_KEEP, NULL, NULL, NULL, NULL, \
    PATELLA_PAIN_KEEP }

/* A journal entry whole, as another Patella wrote it (an export): its
 * identity and instants travel with it. */
typedef struct
{
  const char         *uuid;           /* NULL: the replaced entry's, or a new one */
  const char         *day;
  int                 pain_rest;      /* PATELLA_PAIN_NONE: not given */
  int                 pain_activity;  /* PATELLA_PAIN_NONE: not given */
  int                 pain_morning;   /* PATELLA_PAIN_NONE: not given */
  const char * const *symptoms;
  const char         *note;
  gint64              created_us;
  gint64              updated_us;
} PatellaJournalRecord;

gint64               patella_journal_find       (PatellaStore               *store,
                                                 const char                 *uuid,
                                                 const char                 *day,
                                                 gboolean                   *same,
                                                 GError                    **error);
gboolean             patella_journal_put_record (PatellaStore               *store,
                                                 gint64                      replace_id,
                                                 const PatellaJournalRecord *record,
                                                 GError                    **error);
gboolean             patella_journal_check_day  (PatellaStore               *store,
                                                 const char                 *text,
                                                 char                      **day,
                                                 GError                    **error);
gboolean             patella_journal_save       (PatellaStore               *store,
                                                 const char                 *day,
                                                 const PatellaJournalChange *change,
                                                 gboolean                   *created,
                                                 GError                    **error);
gboolean             patella_journal_put        (PatellaStore               *store,
                                                 PatellaJournalEntry        *entry,
                                                 GError                    **error);
PatellaJournalEntry *patella_journal_get        (PatellaStore               *store,
                                                 const char                 *day,
                                                 GError                    **error);
gboolean             patella_journal_delete     (PatellaStore               *store,
                                                 const char                 *day,
                                                 GError                    **error);
GPtrArray           *patella_journal_list       (PatellaStore               *store,
                                                 const char                 *from,
                                                 const char                 *to,
                                                 GError                    **error);

/* Newest first; @search may be %NULL or empty for every entry. */
gint64               patella_journal_count      (PatellaStore               *store,
                                                 const char                 *search,
                                                 GError                    **error);
GPtrArray           *patella_journal_fetch      (PatellaStore               *store,
                                                 const char                 *search,
                                                 guint                       offset,
                                                 guint                       limit,
                                                 GError                    **error);

/**
 * PatellaDayActivity:
 *
 * What a day held, read from the runs and the timer sessions (never stored
 * with the journal).
 */
typedef struct
{
  char   day[11];
  guint  runs;
  gint64 distance_m;
  guint  icing;
  guint  exercise;
} PatellaDayActivity;

GArray              *patella_journal_list_activity (PatellaStore            *store,
                                                    const char              *from,
                                                    const char              *to,
                                                    GError                 **error);
gboolean             patella_journal_get_activity  (PatellaStore            *store,
                                                    const char              *day,
                                                    PatellaDayActivity      *activity,
                                                    GError                 **error);

char                *patella_day_add_days       (const char                 *day,
                                                 int                         n_days);
int                  patella_day_diff           (const char                 *from,
                                                 const char                 *to);

G_END_DECLS
