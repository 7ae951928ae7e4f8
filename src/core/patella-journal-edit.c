/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "patella-journal-edit"

#include "config.h"

#include <glib/gi18n.h>

#include "patella-journal-edit.h"

/* What an editor changed in one day, apart from what the store holds.
 *
 * Only changed fields are written, in a transaction that reads the row
 * again: a field another program (patella-cli, a second window, a restore)
 * changed meanwhile is never overwritten with a stale copy. When the store's
 * row changes, fields the user did not touch follow it; a field the user is
 * editing keeps the user's value, and the change is reported as a conflict
 * so that the editor can say so. */
struct _PatellaJournalEdit
{
  char                *day;
  PatellaJournalEntry *stored;    /* as last read; %NULL when the day has no entry */
  PatellaJournalFields dirty;
  int                  pain_rest;
  int                  pain_activity;
  int                  pain_morning;
  char                *note;
  GHashTable          *symptoms;  /* code → GINT_TO_POINTER (on + 1), for codes changed */
};

static int
stored_rest (PatellaJournalEdit *self)
{
  return self->stored != NULL ? patella_journal_entry_get_pain_rest (self->stored)
                              : PATELLA_PAIN_NONE;
}

static int
stored_activity (PatellaJournalEdit *self)
{
  return self->stored != NULL ? patella_journal_entry_get_pain_activity (self->stored)
                              : PATELLA_PAIN_NONE;
}

static int
stored_morning (PatellaJournalEdit *self)
{
  return self->stored != NULL ? patella_journal_entry_get_pain_morning (self->stored)
                              : PATELLA_PAIN_NONE;
}

static const char *
stored_note (PatellaJournalEdit *self)
{
  return self->stored != NULL ? patella_journal_entry_get_note (self->stored) : "";
}

static gboolean
stored_symptom (PatellaJournalEdit *self,
                const char         *code)
{
  return self->stored != NULL && patella_journal_entry_has_symptom (self->stored, code);
}

static void
mark (PatellaJournalEdit   *self,
      PatellaJournalFields  field,
      gboolean              differs)
{
  if (differs)
    self->dirty |= field;
  else
    self->dirty &= ~field;
}

/**
 * patella_journal_edit_new:
 * @stored: (nullable): the day's entry as the store holds it, or %NULL
 */
PatellaJournalEdit *
patella_journal_edit_new (const char          *day,
                          PatellaJournalEntry *stored)
{
  PatellaJournalEdit *self;

  g_return_val_if_fail (day != NULL, NULL);
  g_return_val_if_fail (stored == NULL || PATELLA_IS_JOURNAL_ENTRY (stored), NULL);

  self = g_new0 (PatellaJournalEdit, 1);
  self->day = g_strdup (day);
  self->stored = stored != NULL ? g_object_ref (stored) : NULL;
  self->symptoms = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->note = g_strdup ("");
  self->pain_rest = PATELLA_PAIN_NONE;
  self->pain_activity = PATELLA_PAIN_NONE;
  self->pain_morning = PATELLA_PAIN_NONE;

  return self;
}

void
patella_journal_edit_free (PatellaJournalEdit *self)
{
  if (self == NULL)
    return;

  g_free (self->day);
  g_clear_object (&self->stored);
  g_hash_table_unref (self->symptoms);
  g_free (self->note);
  g_free (self);
}

const char *
patella_journal_edit_get_day (PatellaJournalEdit *self)
{
  return self->day;
}

/**
 * patella_journal_edit_get_stored:
 *
 * Returns: (transfer none) (nullable): the entry as the store held it when
 *   last read or saved
 */
PatellaJournalEntry *
patella_journal_edit_get_stored (PatellaJournalEdit *self)
{
  return self->stored;
}

PatellaJournalFields
patella_journal_edit_get_dirty (PatellaJournalEdit *self)
{
  return self->dirty;
}

/**
 * patella_journal_edit_changes_symptom:
 *
 * Returns: whether the user ticked or unticked @code
 */
gboolean
patella_journal_edit_changes_symptom (PatellaJournalEdit *self,
                                      const char         *code)
{
  return g_hash_table_contains (self->symptoms, code);
}

void
patella_journal_edit_set_pain_rest (PatellaJournalEdit *self,
                                    int                 pain)
{
  self->pain_rest = pain;
  mark (self, PATELLA_JOURNAL_FIELD_REST, pain != stored_rest (self));
}

void
patella_journal_edit_set_pain_activity (PatellaJournalEdit *self,
                                        int                 pain)
{
  self->pain_activity = pain;
  mark (self, PATELLA_JOURNAL_FIELD_ACTIVITY, pain != stored_activity (self));
}

void
patella_journal_edit_set_pain_morning (PatellaJournalEdit *self,
                                       int                 pain)
{
  self->pain_morning = pain;
  mark (self, PATELLA_JOURNAL_FIELD_MORNING, pain != stored_morning (self));
}

void
patella_journal_edit_set_symptom (PatellaJournalEdit *self,
                                  const char         *code,
                                  gboolean            on)
{
  if (on == stored_symptom (self, code))
    g_hash_table_remove (self->symptoms, code);
  else
    g_hash_table_replace (self->symptoms, g_strdup (code), GINT_TO_POINTER (on + 1));

  mark (self, PATELLA_JOURNAL_FIELD_SYMPTOMS, g_hash_table_size (self->symptoms) > 0);
}

void
patella_journal_edit_set_note (PatellaJournalEdit *self,
                               const char         *note)
{
  g_free (self->note);
  self->note = g_strdup (note);
  mark (self, PATELLA_JOURNAL_FIELD_NOTE, g_strcmp0 (note, stored_note (self)) != 0);
}

/**
 * patella_journal_edit_save:
 * @rest_if_new: the pain at rest to write when the day has no entry yet and
 *   the user did not set it, or %PATELLA_PAIN_KEEP to leave it unrated
 *
 * Writes the changed fields, and only those. On failure nothing is lost:
 * the fields stay changed, to be saved again.
 */
gboolean
patella_journal_edit_save (PatellaJournalEdit  *self,
                           PatellaStore        *store,
                           int                  rest_if_new,
                           GError             **error)
{
  PatellaJournalChange change = PATELLA_JOURNAL_CHANGE_INIT;
  g_autoptr(GPtrArray) add = g_ptr_array_new ();
  g_autoptr(GPtrArray) remove = g_ptr_array_new ();
  g_autoptr(PatellaJournalEntry) stored = NULL;
  GHashTableIter iter;
  gpointer code;
  gpointer on;

  g_return_val_if_fail (PATELLA_IS_STORE (store), FALSE);

  if (self->dirty == PATELLA_JOURNAL_FIELD_NONE)
    return TRUE;

  if (self->dirty & PATELLA_JOURNAL_FIELD_REST)
    change.pain_rest = self->pain_rest;
  else
    change.pain_rest_if_new = rest_if_new;
  if (self->dirty & PATELLA_JOURNAL_FIELD_ACTIVITY)
    change.pain_activity = self->pain_activity;
  if (self->dirty & PATELLA_JOURNAL_FIELD_MORNING)
    change.pain_morning = self->pain_morning;
  if (self->dirty & PATELLA_JOURNAL_FIELD_NOTE)
    change.note = self->note;

  g_hash_table_iter_init (&iter, self->symptoms);
  while (g_hash_table_iter_next (&iter, &code, &on))
    g_ptr_array_add (GPOINTER_TO_INT (on) == 2 ? add : remove, code);
  g_ptr_array_add (add, NULL);
  g_ptr_array_add (remove, NULL);
  change.symptoms_add = (const char * const *) add->pdata;
  change.symptoms_remove = (const char * const *) remove->pdata;

  if (!patella_journal_save (store, self->day, &change, NULL, error))
    return FALSE;

  stored = patella_journal_get (store, self->day, NULL);
  g_set_object (&self->stored, stored);
  g_hash_table_remove_all (self->symptoms);
  self->dirty = PATELLA_JOURNAL_FIELD_NONE;

  return TRUE;
}

static gboolean
same_symptoms (PatellaJournalEntry *a,
               PatellaJournalEntry *b,
               const char          *code)
{
  gboolean in_a = a != NULL && patella_journal_entry_has_symptom (a, code);
  gboolean in_b = b != NULL && patella_journal_entry_has_symptom (b, code);

  return in_a == in_b;
}

/**
 * patella_journal_edit_update:
 * @stored: (nullable): the day's entry as the store holds it now
 * @conflicts: (out) (optional): the fields the user changed that the store
 *   changed too; the user's values are kept
 *
 * Takes in what the store holds now (another program may have changed it).
 *
 * Returns: the fields the user did not change whose stored value changed:
 *   an editor shows the new values of these
 */
PatellaJournalFields
patella_journal_edit_update (PatellaJournalEdit   *self,
                             PatellaJournalEntry  *stored,
                             PatellaJournalFields *conflicts)
{
  PatellaJournalFields changed = PATELLA_JOURNAL_FIELD_NONE;
  const char * const *codes = patella_symptom_get_codes ();
  g_autoptr(PatellaJournalEntry) old = g_steal_pointer (&self->stored);
  PatellaJournalFields in_conflict = PATELLA_JOURNAL_FIELD_NONE;
  int old_rest = old != NULL ? patella_journal_entry_get_pain_rest (old) : PATELLA_PAIN_NONE;
  int old_activity = old != NULL ? patella_journal_entry_get_pain_activity (old) : PATELLA_PAIN_NONE;
  int old_morning = old != NULL ? patella_journal_entry_get_pain_morning (old) : PATELLA_PAIN_NONE;
  const char *old_note = old != NULL ? patella_journal_entry_get_note (old) : "";

  self->stored = stored != NULL ? g_object_ref (stored) : NULL;

  if (old_rest != stored_rest (self) || (old == NULL) != (stored == NULL))
    changed |= PATELLA_JOURNAL_FIELD_REST;
  if (old_activity != stored_activity (self))
    changed |= PATELLA_JOURNAL_FIELD_ACTIVITY;
  if (old_morning != stored_morning (self))
    changed |= PATELLA_JOURNAL_FIELD_MORNING;
  if (g_strcmp0 (old_note, stored_note (self)) != 0)
    changed |= PATELLA_JOURNAL_FIELD_NOTE;

  for (guint i = 0; codes[i] != NULL; i++)
    {
      if (same_symptoms (old, stored, codes[i]))
        continue;

      changed |= PATELLA_JOURNAL_FIELD_SYMPTOMS;
      if (g_hash_table_contains (self->symptoms, codes[i]))
        in_conflict |= PATELLA_JOURNAL_FIELD_SYMPTOMS;
    }

  in_conflict |= changed & self->dirty & ~PATELLA_JOURNAL_FIELD_SYMPTOMS;

  /* A change that now matches the store is no change any more. */
  if (self->dirty & PATELLA_JOURNAL_FIELD_REST)
    patella_journal_edit_set_pain_rest (self, self->pain_rest);
  if (self->dirty & PATELLA_JOURNAL_FIELD_ACTIVITY)
    patella_journal_edit_set_pain_activity (self, self->pain_activity);
  if (self->dirty & PATELLA_JOURNAL_FIELD_MORNING)
    patella_journal_edit_set_pain_morning (self, self->pain_morning);
  if (self->dirty & PATELLA_JOURNAL_FIELD_NOTE)
    {
      g_autofree char *note = g_strdup (self->note);

      patella_journal_edit_set_note (self, note);
    }
  for (guint i = 0; codes[i] != NULL; i++)
    {
      gpointer on = g_hash_table_lookup (self->symptoms, codes[i]);

      if (on != NULL)
        patella_journal_edit_set_symptom (self, codes[i], GPOINTER_TO_INT (on) == 2);
    }

  if (conflicts != NULL)
    *conflicts = in_conflict & self->dirty;

  /* Symptoms are told apart one by one: the ones the user did not touch
   * follow the store. */
  return (changed & ~self->dirty) | (changed & PATELLA_JOURNAL_FIELD_SYMPTOMS);
}

/**
 * patella_journal_edit_drop:
 *
 * Forgets the user's changes to @fields: the stored values stand.
 */
void
patella_journal_edit_drop (PatellaJournalEdit   *self,
                           PatellaJournalFields  fields)
{
  if (fields & PATELLA_JOURNAL_FIELD_SYMPTOMS)
    g_hash_table_remove_all (self->symptoms);

  self->dirty &= ~fields;
}

/**
 * patella_journal_fields_describe:
 * @fields: some fields of a journal day
 *
 * Names @fields in words, in the editor's order, for a sentence such as
 * "Another program changed this day's pain at rest, note".
 *
 * Returns: (transfer full): the names, joined; "" for no field
 */
char *
patella_journal_fields_describe (PatellaJournalFields fields)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  if (fields & PATELLA_JOURNAL_FIELD_REST)
    g_ptr_array_add (names, (gpointer) _("pain at rest"));
  if (fields & PATELLA_JOURNAL_FIELD_ACTIVITY)
    g_ptr_array_add (names, (gpointer) _("pain during activity"));
  if (fields & PATELLA_JOURNAL_FIELD_MORNING)
    g_ptr_array_add (names, (gpointer) _("pain the next morning"));
  if (fields & PATELLA_JOURNAL_FIELD_SYMPTOMS)
    g_ptr_array_add (names, (gpointer) _("symptoms"));
  if (fields & PATELLA_JOURNAL_FIELD_NOTE)
    g_ptr_array_add (names, (gpointer) _("note"));
  g_ptr_array_add (names, NULL);

  /* Translators: the list joins field names such as "note, symptoms" */
  return g_strjoinv (_(", "), (char **) names->pdata);
}
