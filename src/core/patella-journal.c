/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "patella-journal"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "patella-error.h"
#include "patella-journal-private.h"
#include "patella-parse.h"

struct _PatellaJournalEntry
{
  GObject   parent_instance;

  char     *day;
  int       pain_rest;
  int       pain_activity;
  int       pain_morning;
  GStrv     symptoms;
  char     *note;
  gint64    updated_us;
};

G_DEFINE_FINAL_TYPE (PatellaJournalEntry, patella_journal_entry, G_TYPE_OBJECT)

typedef struct
{
  const char *code;
  const char *label;
  gboolean    red_flag;
} Symptom;

/* Same codes, same order as the CHECK of journal_symptom.code. */
static const Symptom symptoms[] = {
  { "ache-behind-kneecap", N_("Ache behind the kneecap"), FALSE },
  { "sharp-pain",          N_("Sharp pain"), FALSE },
  { "pain-stairs",         N_("Pain on stairs"), FALSE },
  { "pain-downhill",       N_("Pain running downhill"), FALSE },
  { "pain-sitting",        N_("Pain after long sitting"), FALSE },
  { "pain-squatting",      N_("Pain when squatting"), FALSE },
  { "swelling",            N_("Swelling"), TRUE },
  { "grinding",            N_("Grinding or clicking"), FALSE },
  { "locking",             N_("Locking (cannot straighten it)"), TRUE },
  { "instability",         N_("Giving way (instability)"), TRUE },
  { "outer-knee-pain",     N_("Pain on the outside of the knee"), TRUE },
  { "night-pain",          N_("Pain that wakes me at night"), TRUE },
  { "very-swollen",        N_("Very swollen"), TRUE },
  { "cannot-bear-weight",  N_("Cannot put weight on the leg"), TRUE },
  { "hot-red-or-fever",    N_("Hot and red, or a fever"), TRUE },
  { "fall-or-twist",       N_("Fall or twist: pop or new shape"), TRUE },
};

static const char * const symptom_codes[] = {
  "ache-behind-kneecap", "sharp-pain", "pain-stairs", "pain-downhill", "pain-sitting",
  "pain-squatting", "swelling", "grinding", "locking", "instability", "outer-knee-pain",
  "night-pain", "very-swollen", "cannot-bear-weight", "hot-red-or-fever", "fall-or-twist", NULL,
};

G_STATIC_ASSERT (G_N_ELEMENTS (symptoms) + 1 == G_N_ELEMENTS (symptom_codes));

static const Symptom *
find_symptom (const char *code)
{
  if (code == NULL)
    return NULL;

  for (guint i = 0; i < G_N_ELEMENTS (symptoms); i++)
    if (g_str_equal (symptoms[i].code, code))
      return &symptoms[i];

  return NULL;
}

static guint
symptom_rank (const char *code)
{
  for (guint i = 0; i < G_N_ELEMENTS (symptoms); i++)
    if (g_str_equal (symptoms[i].code, code))
      return i;

  return G_N_ELEMENTS (symptoms);
}

static int
compare_symptoms (gconstpointer a,
                  gconstpointer b)
{
  return (int) symptom_rank (*(const char * const *) a) - (int) symptom_rank (*(const char * const *) b);
}

/* The codes once each, in catalog order. */
static GStrv
normalize_symptoms (const char * const *codes)
{
  g_autoptr(GPtrArray) out = g_ptr_array_new ();

  for (guint i = 0; codes != NULL && codes[i] != NULL; i++)
    {
      gboolean seen = FALSE;

      for (guint j = 0; j < out->len && !seen; j++)
        seen = g_str_equal (g_ptr_array_index (out, j), codes[i]);
      if (!seen)
        g_ptr_array_add (out, g_strdup (codes[i]));
    }

  g_ptr_array_sort (out, compare_symptoms);
  g_ptr_array_add (out, NULL);
  return (GStrv) g_ptr_array_free (g_steal_pointer (&out), FALSE);
}

/**
 * patella_symptom_get_codes:
 *
 * Returns: (transfer none): the symptom codes, %NULL-terminated
 */
const char * const *
patella_symptom_get_codes (void)
{
  return symptom_codes;
}

/**
 * patella_symptom_get_label:
 *
 * Returns: (transfer none): the translated name of a symptom, or %NULL for an unknown code
 */
const char *
patella_symptom_get_label (const char *code)
{
  const Symptom *symptom = find_symptom (code);

  return symptom != NULL ? _(symptom->label) : NULL;
}

/* The symptoms that send to a clinician, today or within days (see
 * patella-advice.c for which is which). */
gboolean
patella_symptom_is_red_flag (const char *code)
{
  const Symptom *symptom = find_symptom (code);

  return symptom != NULL && symptom->red_flag;
}

gboolean
patella_symptom_check (const char  *code,
                       GError     **error)
{
  g_autofree char *valid = NULL;

  g_return_val_if_fail (code != NULL, FALSE);

  if (find_symptom (code) != NULL)
    return TRUE;

  valid = g_strjoinv (", ", (GStrv) symptom_codes);
  if (!g_utf8_validate (code, -1, NULL))
    g_set_error (error, PATELLA_ERROR, PATELLA_ERROR_INVALID,
                 _("The symptom code is not valid UTF-8 text; use one of: %s"), valid);
  else
    g_set_error (error, PATELLA_ERROR, PATELLA_ERROR_INVALID,
                 _("“%s” is not a symptom code; use one of: %s"), code, valid);
  return FALSE;
}

/* Entry */

static void
patella_journal_entry_finalize (GObject *object)
{
  PatellaJournalEntry *self = (PatellaJournalEntry *)object;

  g_free (self->day);
  g_strfreev (self->symptoms);
  g_free (self->note);

  G_OBJECT_CLASS (patella_journal_entry_parent_class)->finalize (object);
}

static void
patella_journal_entry_class_init (PatellaJournalEntryClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = patella_journal_entry_finalize;
}

static void
patella_journal_entry_init (PatellaJournalEntry *self)
{
  self->pain_rest = PATELLA_PAIN_NONE;
  self->pain_activity = PATELLA_PAIN_NONE;
  self->pain_morning = PATELLA_PAIN_NONE;
  self->symptoms = g_new0 (char *, 1);
  self->note = g_strdup ("");
}

/**
 * patella_journal_entry_new:
 * @day: `YYYY-MM-DD`
 *
 * An entry in memory: nothing rated, no symptom, no note.
 */
PatellaJournalEntry *
patella_journal_entry_new (const char *day)
{
  PatellaJournalEntry *self;

  g_return_val_if_fail (day != NULL, NULL);

  self = g_object_new (PATELLA_TYPE_JOURNAL_ENTRY, NULL);
  self->day = g_strdup (day);
  return self;
}

const char *
patella_journal_entry_get_day (PatellaJournalEntry *self)
{
  g_return_val_if_fail (PATELLA_IS_JOURNAL_ENTRY (self), NULL);
  return self->day;
}

/* Returns: 0–10, or %PATELLA_PAIN_NONE */
int
patella_journal_entry_get_pain_rest (PatellaJournalEntry *self)
{
  g_return_val_if_fail (PATELLA_IS_JOURNAL_ENTRY (self), PATELLA_PAIN_NONE);
  return self->pain_rest;
}

/* Returns: 0–10, or %PATELLA_PAIN_NONE */
int
patella_journal_entry_get_pain_activity (PatellaJournalEntry *self)
{
  g_return_val_if_fail (PATELLA_IS_JOURNAL_ENTRY (self), PATELLA_PAIN_NONE);
  return self->pain_activity;
}

/* Returns: 0–10, or %PATELLA_PAIN_NONE */
int
patella_journal_entry_get_pain_morning (PatellaJournalEntry *self)
{
  g_return_val_if_fail (PATELLA_IS_JOURNAL_ENTRY (self), PATELLA_PAIN_NONE);
  return self->pain_morning;
}

/* The highest of the day's ratings, or %PATELLA_PAIN_NONE when none is rated. */
int
patella_journal_entry_get_max_pain (PatellaJournalEntry *self)
{
  g_return_val_if_fail (PATELLA_IS_JOURNAL_ENTRY (self), 0);
  return MAX (self->pain_rest, MAX (self->pain_activity, self->pain_morning));
}

/**
 * patella_journal_entry_get_symptoms:
 *
 * Returns: (transfer none): the codes, in catalog order, %NULL-terminated
 */
const char * const *
patella_journal_entry_get_symptoms (PatellaJournalEntry *self)
{
  g_return_val_if_fail (PATELLA_IS_JOURNAL_ENTRY (self), NULL);
  return (const char * const *) self->symptoms;
}

gboolean
patella_journal_entry_has_symptom (PatellaJournalEntry *self,
                                   const char          *code)
{
  g_return_val_if_fail (PATELLA_IS_JOURNAL_ENTRY (self), FALSE);
  return g_strv_contains ((const char * const *) self->symptoms, code);
}

const char *
patella_journal_entry_get_note (PatellaJournalEntry *self)
{
  g_return_val_if_fail (PATELLA_IS_JOURNAL_ENTRY (self), NULL);
  return self->note;
}

gint64
patella_journal_entry_get_updated_us (PatellaJournalEntry *self)
{
  g_return_val_if_fail (PATELLA_IS_JOURNAL_ENTRY (self), 0);
  return self->updated_us;
}

void
patella_journal_entry_set_pain_rest (PatellaJournalEntry *self,
                                     int                  pain)
{
  g_return_if_fail (PATELLA_IS_JOURNAL_ENTRY (self));
  self->pain_rest = pain;
}

void
patella_journal_entry_set_pain_activity (PatellaJournalEntry *self,
                                         int                  pain)
{
  g_return_if_fail (PATELLA_IS_JOURNAL_ENTRY (self));
  self->pain_activity = pain;
}

void
patella_journal_entry_set_pain_morning (PatellaJournalEntry *self,
                                        int                  pain)
{
  g_return_if_fail (PATELLA_IS_JOURNAL_ENTRY (self));
  self->pain_morning = pain;
}

void
patella_journal_entry_set_symptoms (PatellaJournalEntry *self,
                                    const char * const  *codes)
{
  g_return_if_fail (PATELLA_IS_JOURNAL_ENTRY (self));

  g_strfreev (self->symptoms);
  self->symptoms = normalize_symptoms (codes);
}

void
patella_journal_entry_set_note (PatellaJournalEntry *self,
                                const char          *note)
{
  g_return_if_fail (PATELLA_IS_JOURNAL_ENTRY (self));

  g_free (self->note);
  self->note = g_strdup (note != NULL ? note : "");
}

/* Days */

static gboolean
day_to_date (const char *day,
             GDate      *date)
{
  return day != NULL && patella_parse_date (day, date, NULL);
}

/**
 * patella_day_add_days:
 * @day: `YYYY-MM-DD`
 *
 * Returns: (transfer full): the day @n_days later (earlier when negative)
 */
char *
patella_day_add_days (const char *day,
                      int         n_days)
{
  GDate date;

  if (!day_to_date (day, &date))
    g_return_val_if_reached (NULL);

  if (n_days >= 0)
    g_date_add_days (&date, (guint) n_days);
  else
    g_date_subtract_days (&date, (guint) -n_days);

  return patella_date_to_string (&date);
}

/* Returns: the days from @from to @to (negative when @to comes first) */
int
patella_day_diff (const char *from,
                  const char *to)
{
  GDate a;
  GDate b;

  if (!day_to_date (from, &a) || !day_to_date (to, &b))
    g_return_val_if_reached (0);

  return g_date_days_between (&a, &b);
}

/**
 * patella_journal_check_day:
 * @text: a date as typed, `YYYY-MM-DD`
 * @day: (out) (transfer full): the day, normalised
 *
 * Accepts a calendar day that is not in the future (by the store's clock).
 */
gboolean
patella_journal_check_day (PatellaStore  *store,
                           const char    *text,
                           char         **day,
                           GError       **error)
{
  g_autofree char *today = NULL;
  g_autofree char *normal = NULL;
  GDate date;

  g_return_val_if_fail (PATELLA_IS_STORE (store), FALSE);
  g_return_val_if_fail (text != NULL, FALSE);

  if (!patella_parse_date (text, &date, error))
    return FALSE;

  normal = patella_date_to_string (&date);
  today = patella_clock_get_today (patella_store_get_clock (store));
  if (strcmp (normal, today) > 0)
    {
      g_set_error (error, PATELLA_ERROR, PATELLA_ERROR_INVALID,
                   _("%s is in the future; a journal entry can be written for today (%s) or an "
                     "earlier day"), normal, today);
      return FALSE;
    }

  if (day != NULL)
    *day = g_steal_pointer (&normal);
  return TRUE;
}

/* Reading */

/* One row of PATELLA_JOURNAL_ENTRY_COLUMNS. */
PatellaJournalEntry *
patella_journal_entry_from_row (PatellaStmt *stmt)
{
  PatellaJournalEntry *self;
  const char *codes;

  self = patella_journal_entry_new ((const char *) sqlite3_column_text (stmt, 0));
  if (sqlite3_column_type (stmt, 1) != SQLITE_NULL)
    self->pain_rest = sqlite3_column_int (stmt, 1);
  if (sqlite3_column_type (stmt, 2) != SQLITE_NULL)
    self->pain_activity = sqlite3_column_int (stmt, 2);
  if (sqlite3_column_type (stmt, 3) != SQLITE_NULL)
    self->pain_morning = sqlite3_column_int (stmt, 3);
  patella_journal_entry_set_note (self, (const char *) sqlite3_column_text (stmt, 4));
  self->updated_us = sqlite3_column_int64 (stmt, 5);

  codes = (const char *) sqlite3_column_text (stmt, 6);
  if (codes != NULL)
    {
      g_auto(GStrv) split = g_strsplit (codes, ",", -1);

      patella_journal_entry_set_symptoms (self, (const char * const *) split);
    }

  return self;
}

/* Writing */

static gboolean
check_optional_pain (int      pain,
                     GError **error)
{
  if (pain == PATELLA_PAIN_KEEP || pain == PATELLA_PAIN_NONE)
    return TRUE;

  return patella_check_pain (pain, error);
}

static gboolean
check_change (const PatellaJournalChange  *change,
              GError                     **error)
{
  if (!check_optional_pain (change->pain_rest, error) ||
      !check_optional_pain (change->pain_activity, error) ||
      !check_optional_pain (change->pain_morning, error))
    return FALSE;

  for (guint i = 0; change->symptoms != NULL && change->symptoms[i] != NULL; i++)
    if (!patella_symptom_check (change->symptoms[i], error))
      return FALSE;

  for (guint i = 0; change->symptoms_add != NULL && change->symptoms_add[i] != NULL; i++)
    if (!patella_symptom_check (change->symptoms_add[i], error))
      return FALSE;

  for (guint i = 0; change->symptoms_remove != NULL && change->symptoms_remove[i] != NULL; i++)
    if (!patella_symptom_check (change->symptoms_remove[i], error))
      return FALSE;

  if (!check_optional_pain (change->pain_rest_if_new, error))
    return FALSE;

  if (change->note != NULL && !patella_check_text (change->note, PATELLA_NOTE_MAX_CHARS, error))
    {
      g_prefix_error (error, _("The note is too long or not text: "));
      return FALSE;
    }

  return TRUE;
}

/* The symptoms of @day, instead of the ones it had. */
static gboolean
write_symptoms (PatellaStore        *store,
                const char          *day,
                const char * const  *codes,
                GError             **error)
{
  g_autoptr(PatellaStmt) clear = NULL;
  g_autoptr(PatellaStmt) insert = NULL;

  clear = patella_store_prepare (store, "DELETE FROM journal_symptom WHERE day = ?;", error);
  if (clear == NULL)
    return FALSE;
  sqlite3_bind_text (clear, 1, day, -1, SQLITE_TRANSIENT);
  if (!patella_store_step_done (store, clear, error))
    return FALSE;

  insert = patella_store_prepare (store,
                                  "INSERT INTO journal_symptom (day, code) VALUES (?, ?);",
                                  error);
  if (insert == NULL)
    return FALSE;

  for (guint i = 0; codes != NULL && codes[i] != NULL; i++)
    {
      sqlite3_reset (insert);
      sqlite3_bind_text (insert, 1, day, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (insert, 2, codes[i], -1, SQLITE_TRANSIENT);
      if (!patella_store_step_done (store, insert, error))
        return FALSE;
    }

  return TRUE;
}

/* The one INSERT into journal_entry: a day written whole. A day that has
 * an entry already takes the new ratings and note, and keeps its identity
 * and the instant it was created. */
static gboolean
put_entry_row (PatellaStore                *store,
               const PatellaJournalRecord  *row,
               GError                     **error)
{
  g_autoptr(PatellaStmt) stmt = NULL;

  stmt = patella_store_prepare (store,
                                "INSERT INTO journal_entry (day, pain_rest, pain_activity,"
                                " pain_morning, note, created_us, updated_us, uuid)"
                                " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"
                                " ON CONFLICT (day) DO UPDATE SET pain_rest = ?2,"
                                "  pain_activity = ?3, pain_morning = ?4, note = ?5,"
                                "  updated_us = ?7;",
                                error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, row->day, -1, SQLITE_TRANSIENT);
  patella_stmt_bind_optional (stmt, 2, row->pain_rest, PATELLA_PAIN_NONE);
  patella_stmt_bind_optional (stmt, 3, row->pain_activity, PATELLA_PAIN_NONE);
  patella_stmt_bind_optional (stmt, 4, row->pain_morning, PATELLA_PAIN_NONE);
  sqlite3_bind_text (stmt, 5, row->note != NULL ? row->note : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 6, row->created_us);
  sqlite3_bind_int64 (stmt, 7, row->updated_us);
  patella_stmt_bind_optional_text (stmt, 8, row->uuid);
  return patella_store_step_done (store, stmt, error);
}

static gboolean
write_entry (PatellaStore         *store,
             PatellaJournalEntry  *entry,
             gboolean              replace_symptoms,
             GError              **error)
{
  gint64 now = patella_clock_get_now (patella_store_get_clock (store));
  PatellaJournalRecord row = {
    NULL, entry->day, entry->pain_rest, entry->pain_activity, entry->pain_morning, NULL,
    entry->note, now, now,
  };

  if (!put_entry_row (store, &row, error))
    return FALSE;

  if (replace_symptoms &&
      !write_symptoms (store, entry->day, (const char * const *) entry->symptoms, error))
    return FALSE;

  entry->updated_us = now;
  return TRUE;
}

/**
 * patella_journal_find:
 * @uuid: (nullable): an entry's identity
 * @day: (nullable): a day
 * @same: (out): whether the entry found has @uuid
 *
 * Returns: the entry with @uuid, else the entry of @day, 0 when there is
 *   none, or -1 with @error set
 */
gint64
patella_journal_find (PatellaStore  *store,
                      const char    *uuid,
                      const char    *day,
                      gboolean      *same,
                      GError       **error)
{
  g_return_val_if_fail (PATELLA_IS_STORE (store), -1);

  return patella_store_find_same (store, "SELECT id FROM journal_entry WHERE uuid = ?1;", uuid,
                                  "SELECT id FROM journal_entry WHERE day = ?1;", day, same,
                                  error);
}

/**
 * patella_journal_put_record:
 * @replace_id: the entry this one takes the place of, or 0
 *
 * Writes an entry whole, its identity and instants kept; one that replaces
 * another without an identity of its own keeps the other's. The caller
 * checks the row and emits the change.
 */
gboolean
patella_journal_put_record (PatellaStore                *store,
                            gint64                       replace_id,
                            const PatellaJournalRecord  *row,
                            GError                     **error)
{
  g_autoptr(PatellaTransaction) tx = NULL;
  g_autofree char *uuid = g_strdup (row->uuid);
  PatellaJournalRecord whole;
  int rc;

  g_return_val_if_fail (PATELLA_IS_STORE (store), FALSE);
  g_return_val_if_fail (row != NULL && row->day != NULL, FALSE);

  tx = patella_store_transaction (store, error);
  if (tx == NULL)
    return FALSE;

  if (replace_id > 0)
    {
      g_autoptr(PatellaStmt) old = NULL;

      old = patella_store_prepare (store, "SELECT uuid FROM journal_entry WHERE id = ?1;", error);
      if (old == NULL)
        return FALSE;
      sqlite3_bind_int64 (old, 1, replace_id);
      rc = patella_store_step (store, old, error);
      if (rc == SQLITE_DONE)
        g_set_error (error, PATELLA_ERROR, PATELLA_ERROR_NOT_FOUND,
                     _("There is no journal entry for %s"), row->day);
      if (rc != SQLITE_ROW)
        return FALSE;
      if (uuid == NULL)
        uuid = g_strdup ((const char *) sqlite3_column_text (old, 0));

      if (!patella_store_exec_id (store, "DELETE FROM journal_entry WHERE id = ?1;", replace_id,
                                  error))
        return FALSE;
    }

  whole = *row;
  whole.uuid = uuid;
  return put_entry_row (store, &whole, error) &&
         write_symptoms (store, row->day, row->symptoms, error) &&
         patella_transaction_commit (tx, error);
}

/**
 * patella_journal_save:
 * @day: `YYYY-MM-DD`, today or earlier
 * @change: what to write; on a day without an entry, at least a rating, a
 *   symptom or a note
 * @created: (out) (optional): whether the day had no entry before
 *
 * Creates or updates the entry of @day. Fields that @change keeps stay as
 * they are. A refused change writes nothing.
 */
gboolean
patella_journal_save (PatellaStore                *store,
                      const char                  *day,
                      const PatellaJournalChange  *change,
                      gboolean                    *created,
                      GError                     **error)
{
  g_autoptr(PatellaTransaction) tx = NULL;
  g_autoptr(PatellaJournalEntry) entry = NULL;
  g_autofree char *normal = NULL;
  g_autoptr(GError) local_error = NULL;
  gboolean is_new;

  g_return_val_if_fail (PATELLA_IS_STORE (store), FALSE);
  g_return_val_if_fail (day != NULL, FALSE);
  g_return_val_if_fail (change != NULL, FALSE);

  if (!patella_journal_check_day (store, day, &normal, error) ||
      !check_change (change, error) ||
      (tx = patella_store_transaction (store, error)) == NULL)
    return FALSE;

  entry = patella_journal_get (store, normal, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  is_new = entry == NULL;
  if (is_new)
    {
      entry = patella_journal_entry_new (normal);
      if (change->pain_rest_if_new != PATELLA_PAIN_KEEP)
        entry->pain_rest = change->pain_rest_if_new;
    }

  if (change->pain_rest != PATELLA_PAIN_KEEP)
    entry->pain_rest = change->pain_rest;
  if (change->pain_activity != PATELLA_PAIN_KEEP)
    entry->pain_activity = change->pain_activity;
  if (change->pain_morning != PATELLA_PAIN_KEEP)
    entry->pain_morning = change->pain_morning;
  if (change->symptoms != NULL)
    patella_journal_entry_set_symptoms (entry, change->symptoms);
  if (change->note != NULL)
    patella_journal_entry_set_note (entry, change->note);
  if (change->symptoms_add != NULL || change->symptoms_remove != NULL)
    {
      g_autoptr(GStrvBuilder) codes = g_strv_builder_new ();
      const char * const *all = patella_symptom_get_codes ();
      g_auto(GStrv) result = NULL;

      /* In the order the app shows them, as patella_journal_entry_set_symptoms() keeps. */
      for (guint i = 0; all[i] != NULL; i++)
        {
          gboolean on = patella_journal_entry_has_symptom (entry, all[i]);

          if (change->symptoms_add != NULL && g_strv_contains (change->symptoms_add, all[i]))
            on = TRUE;
          if (change->symptoms_remove != NULL && g_strv_contains (change->symptoms_remove, all[i]))
            on = FALSE;
          if (on)
            g_strv_builder_add (codes, all[i]);
        }
      result = g_strv_builder_end (codes);
      patella_journal_entry_set_symptoms (entry, (const char * const *) result);
    }

  if (is_new && entry->pain_rest == PATELLA_PAIN_NONE && entry->pain_activity == PATELLA_PAIN_NONE &&
      entry->pain_morning == PATELLA_PAIN_NONE && entry->symptoms[0] == NULL &&
      entry->note[0] == '\0')
    {
      g_set_error (error, PATELLA_ERROR, PATELLA_ERROR_INVALID,
                   _("%s has no entry yet and nothing was given to write: a new entry needs a "
                     "pain rating from 0 (none) to 10 (worst), a symptom or a note"), normal);
      return FALSE;
    }

  if (!write_entry (store, entry,
                    change->symptoms != NULL || change->symptoms_add != NULL ||
                    change->symptoms_remove != NULL, error) ||
      !patella_transaction_commit (tx, error))
    return FALSE;

  if (created != NULL)
    *created = is_new;

  patella_store_emit_changed (store, "journal");
  return TRUE;
}

/**
 * patella_journal_put:
 *
 * Writes @entry whole, as the editor shows it, or as it was before a delete.
 */
gboolean
patella_journal_put (PatellaStore         *store,
                     PatellaJournalEntry  *entry,
                     GError              **error)
{
  PatellaJournalChange change = PATELLA_JOURNAL_CHANGE_INIT;

  g_return_val_if_fail (PATELLA_IS_JOURNAL_ENTRY (entry), FALSE);

  change.pain_rest = entry->pain_rest;
  change.pain_activity = entry->pain_activity;
  change.pain_morning = entry->pain_morning;
  change.symptoms = (const char * const *) entry->symptoms;
  change.note = entry->note;

  return patella_journal_save (store, entry->day, &change, NULL, error);
}

gboolean
patella_journal_delete (PatellaStore  *store,
                        const char    *day,
                        GError       **error)
{
  g_autoptr(PatellaTransaction) tx = NULL;
  g_autoptr(PatellaStmt) stmt = NULL;

  g_return_val_if_fail (PATELLA_IS_STORE (store), FALSE);
  g_return_val_if_fail (day != NULL, FALSE);

  if ((tx = patella_store_transaction (store, error)) == NULL)
    return FALSE;

  stmt = patella_store_prepare (store, "DELETE FROM journal_entry WHERE day = ?;", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, day, -1, SQLITE_TRANSIENT);
  if (!patella_store_step_done (store, stmt, error))
    return FALSE;

  if (sqlite3_changes (patella_store_get_db (store)) == 0)
    {
      g_set_error (error, PATELLA_ERROR, PATELLA_ERROR_NOT_FOUND,
                   _("There is no journal entry for %s"), day);
      return FALSE;
    }

  if (!patella_transaction_commit (tx, error))
    return FALSE;

  patella_store_emit_changed (store, "journal");
  return TRUE;
}
