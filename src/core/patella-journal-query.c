/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "patella-journal"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "patella-error.h"
#include "patella-journal-private.h"

/* The journal read: one day, a range, a search through notes and symptoms
 * a page at a time, and each day's runs and sessions beside it. */

/* A note matches when it holds every word of the search (as a prefix); an
 * entry matches when its note does or when it has a symptom the search names. */
#define SEARCH_CONDITION \
  " (e.id IN (SELECT rowid FROM journal_fts WHERE journal_fts MATCH ?1)" \
  "  OR e.day IN (SELECT s.day FROM journal_symptom s" \
  "               WHERE s.code IN (SELECT value FROM json_each (?2)))) "

static GPtrArray *
collect_entries (PatellaStore  *store,
                 PatellaStmt   *stmt,
                 GError       **error)
{
  return patella_store_collect (store, stmt, (PatellaRowFunc) patella_journal_entry_from_row,
                                g_object_unref, error);
}

/**
 * patella_journal_get:
 *
 * Returns: (transfer full) (nullable): the day's entry; %NULL without an
 *   error when the day has none
 */
PatellaJournalEntry *
patella_journal_get (PatellaStore  *store,
                     const char    *day,
                     GError       **error)
{
  g_autoptr(PatellaStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (PATELLA_IS_STORE (store), NULL);
  g_return_val_if_fail (day != NULL, NULL);

  stmt = patella_store_prepare (store,
                                "SELECT " PATELLA_JOURNAL_ENTRY_COLUMNS "FROM journal_entry e WHERE e.day = ?;",
                                error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, day, -1, SQLITE_TRANSIENT);
  rc = patella_store_step (store, stmt, error);
  if (rc != SQLITE_ROW)
    return NULL;

  return patella_journal_entry_from_row (stmt);
}

/**
 * patella_journal_list:
 * @from: (nullable): the first day, or %NULL for no lower bound
 * @to: (nullable): the last day, or %NULL for no upper bound
 *
 * Returns: (transfer container) (element-type PatellaJournalEntry): the
 *   entries, oldest first
 */
GPtrArray *
patella_journal_list (PatellaStore  *store,
                      const char    *from,
                      const char    *to,
                      GError       **error)
{
  g_autoptr(PatellaStmt) stmt = NULL;

  g_return_val_if_fail (PATELLA_IS_STORE (store), NULL);

  stmt = patella_store_prepare (store,
                                "SELECT " PATELLA_JOURNAL_ENTRY_COLUMNS "FROM journal_entry e "
                                "WHERE e.day >= ?1 AND e.day <= ?2 ORDER BY e.day;",
                                error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, from != NULL ? from : "0000-00-00", -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, to != NULL ? to : "9999-99-99", -1, SQLITE_TRANSIENT);
  return collect_entries (store, stmt, error);
}

static gboolean
has_word_char (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_isalnum (g_utf8_get_char (p)))
      return TRUE;

  return FALSE;
}

/* Turns what a person typed into an FTS5 query that cannot be a syntax
 * error: each word quoted, as a prefix. Returns %NULL when nothing is left. */
static char *
build_fts_query (const char *search)
{
  g_auto(GStrv) words = g_strsplit_set (search, " \t\r\n", -1);
  g_autoptr(GString) query = g_string_new (NULL);

  for (guint i = 0; words[i] != NULL; i++)
    {
      if (!has_word_char (words[i]))
        continue;

      if (query->len > 0)
        g_string_append_c (query, ' ');
      g_string_append_c (query, '"');
      for (const char *p = words[i]; *p != '\0'; p++)
        {
          if (*p == '"')
            g_string_append_c (query, '"');
          g_string_append_c (query, *p);
        }
      g_string_append (query, "\"*");
    }

  if (query->len == 0)
    return NULL;

  return g_string_free (g_steal_pointer (&query), FALSE);
}

/* The symptom codes whose code or name contains the search, as a JSON array. */
static char *
build_symptom_query (const char *search)
{
  g_autofree char *needle = g_utf8_casefold (search, -1);
  g_autoptr(GString) json = g_string_new ("[");

  g_strstrip (needle);
  for (const char * const *code = patella_symptom_get_codes ();
       *needle != '\0' && *code != NULL; code++)
    {
      g_autofree char *label = g_utf8_casefold (patella_symptom_get_label (*code), -1);

      if (strstr (*code, needle) == NULL && strstr (label, needle) == NULL)
        continue;

      if (json->len > 1)
        g_string_append_c (json, ',');
      g_string_append_printf (json, "\"%s\"", *code);
    }
  g_string_append_c (json, ']');

  return g_string_free (g_steal_pointer (&json), FALSE);
}

static gboolean
is_search (const char *search)
{
  return search != NULL && *search != '\0';
}

static gboolean
bind_search (PatellaStmt  *stmt,
             const char   *search,
             GError      **error)
{
  g_autofree char *fts = NULL;

  if (!g_utf8_validate (search, -1, NULL))
    {
      g_set_error (error, PATELLA_ERROR, PATELLA_ERROR_INVALID,
                   _("The search is not valid UTF-8 text"));
      return FALSE;
    }

  fts = build_fts_query (search);
  /* A query without words matches no note; "" would be a syntax error. */
  sqlite3_bind_text (stmt, 1, fts != NULL ? fts : "\"\"", -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, build_symptom_query (search), -1, g_free);
  return TRUE;
}

/**
 * patella_journal_count:
 * @search: (nullable): words to look for in notes and symptoms
 *
 * Returns: how many entries match, or -1 with @error set
 */
gint64
patella_journal_count (PatellaStore  *store,
                       const char    *search,
                       GError       **error)
{
  g_autoptr(PatellaStmt) stmt = NULL;

  g_return_val_if_fail (PATELLA_IS_STORE (store), -1);

  if (is_search (search))
    {
      stmt = patella_store_prepare (store,
                                    "SELECT count(*) FROM journal_entry e WHERE" SEARCH_CONDITION ";",
                                    error);
      if (stmt == NULL || !bind_search (stmt, search, error))
        return -1;
    }
  else
    {
      stmt = patella_store_prepare (store, "SELECT count(*) FROM journal_entry;", error);
      if (stmt == NULL)
        return -1;
    }

  if (patella_store_step (store, stmt, error) != SQLITE_ROW)
    return -1;

  return sqlite3_column_int64 (stmt, 0);
}

/**
 * patella_journal_fetch:
 * @search: (nullable): words to look for in notes and symptoms
 *
 * One page of the journal, newest first.
 *
 * Returns: (transfer container) (element-type PatellaJournalEntry): the entries
 */
GPtrArray *
patella_journal_fetch (PatellaStore  *store,
                       const char    *search,
                       guint          offset,
                       guint          limit,
                       GError       **error)
{
  g_autoptr(PatellaStmt) stmt = NULL;

  g_return_val_if_fail (PATELLA_IS_STORE (store), NULL);

  if (is_search (search))
    {
      stmt = patella_store_prepare (store,
                                    "SELECT " PATELLA_JOURNAL_ENTRY_COLUMNS "FROM journal_entry e "
                                    "WHERE" SEARCH_CONDITION
                                    "ORDER BY e.day DESC LIMIT ?3 OFFSET ?4;",
                                    error);
      if (stmt == NULL || !bind_search (stmt, search, error))
        return NULL;
    }
  else
    {
      stmt = patella_store_prepare (store,
                                    "SELECT " PATELLA_JOURNAL_ENTRY_COLUMNS "FROM journal_entry e "
                                    "ORDER BY e.day DESC LIMIT ?3 OFFSET ?4;",
                                    error);
      if (stmt == NULL)
        return NULL;
    }

  sqlite3_bind_int64 (stmt, 3, limit);
  sqlite3_bind_int64 (stmt, 4, offset);
  return collect_entries (store, stmt, error);
}

/* Activity */

/**
 * patella_journal_list_activity:
 *
 * Returns: (transfer full) (element-type PatellaDayActivity): the days from
 *   @from to @to that had a run or a finished session, oldest first
 */
GArray *
patella_journal_list_activity (PatellaStore  *store,
                               const char    *from,
                               const char    *to,
                               GError       **error)
{
  g_autoptr(PatellaStmt) stmt = NULL;
  g_autoptr(GArray) days = g_array_new (FALSE, TRUE, sizeof (PatellaDayActivity));
  int rc;

  g_return_val_if_fail (PATELLA_IS_STORE (store), NULL);
  g_return_val_if_fail (from != NULL && to != NULL, NULL);

  stmt = patella_store_prepare (store,
                                "SELECT day, sum (runs), sum (metres), sum (icing), sum (exercise)"
                                " FROM (SELECT day, 1 AS runs, distance_m AS metres, 0 AS icing,"
                                "              0 AS exercise"
                                "       FROM run WHERE day BETWEEN ?1 AND ?2"
                                "       UNION ALL"
                                "       SELECT day, 0, 0, kind = 'icing', kind = 'exercise'"
                                "       FROM session WHERE state = 'finished'"
                                "         AND day BETWEEN ?1 AND ?2)"
                                " GROUP BY day ORDER BY day;",
                                error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, from, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, to, -1, SQLITE_TRANSIENT);

  while ((rc = patella_store_step (store, stmt, error)) == SQLITE_ROW)
    {
      PatellaDayActivity activity = { { 0 } };

      g_strlcpy (activity.day, (const char *) sqlite3_column_text (stmt, 0), sizeof activity.day);
      activity.runs = (guint) sqlite3_column_int (stmt, 1);
      activity.distance_m = sqlite3_column_int64 (stmt, 2);
      activity.icing = (guint) sqlite3_column_int (stmt, 3);
      activity.exercise = (guint) sqlite3_column_int (stmt, 4);
      g_array_append_val (days, activity);
    }

  if (rc < 0)
    return NULL;

  return g_steal_pointer (&days);
}

/**
 * patella_journal_get_activity:
 * @activity: (out caller-allocates): the day's runs and sessions, zero when none
 */
gboolean
patella_journal_get_activity (PatellaStore        *store,
                              const char          *day,
                              PatellaDayActivity  *activity,
                              GError             **error)
{
  g_autoptr(GArray) days = NULL;

  g_return_val_if_fail (activity != NULL, FALSE);

  days = patella_journal_list_activity (store, day, day, error);
  if (days == NULL)
    return FALSE;

  memset (activity, 0, sizeof *activity);
  g_strlcpy (activity->day, day, sizeof activity->day);
  if (days->len > 0)
    *activity = g_array_index (days, PatellaDayActivity, 0);

  return TRUE;
}
