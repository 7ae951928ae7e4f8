/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "patella-journal-model"

#include "config.h"

#include <glib/gi18n.h>

#include "patella-journal-model.h"

/* The journal, newest first, as a GListModel that reads from SQLite on
 * demand: the count is a COUNT(*), and items come in pages of PAGE_SIZE rows
 * kept in a small cache, so a journal of years scrolls without being loaded. */

#define PAGE_SIZE 64
#define MAX_PAGES 8

struct _PatellaJournalModel
{
  GObject       parent_instance;

  PatellaStore *store;
  char         *search;
  guint         n_items;
  GHashTable   *pages;   /* page number → GPtrArray of PatellaJournalEntry */
  GQueue        recent;  /* page numbers, most recently used first */
};

static void patella_journal_model_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (PatellaJournalModel, patella_journal_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      patella_journal_model_list_model_init))

enum {
  PROP_0,
  PROP_SEARCH,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
clear_cache (PatellaJournalModel *self)
{
  g_hash_table_remove_all (self->pages);
  g_queue_clear (&self->recent);
}

static GPtrArray *
load_page (PatellaJournalModel *self,
           guint                page)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *rows;

  rows = patella_journal_fetch (self->store, self->search, page * PAGE_SIZE, PAGE_SIZE, &error);
  if (rows == NULL)
    {
      g_message ("Could not read the journal: %s", error->message);
      return NULL;
    }

  g_hash_table_insert (self->pages, GUINT_TO_POINTER (page), rows);
  g_queue_push_head (&self->recent, GUINT_TO_POINTER (page));

  while (g_queue_get_length (&self->recent) > MAX_PAGES)
    g_hash_table_remove (self->pages, g_queue_pop_tail (&self->recent));

  return rows;
}

static int
compare_pages (gconstpointer a,
               gconstpointer b)
{
  guint page_a = GPOINTER_TO_UINT (a);
  guint page_b = GPOINTER_TO_UINT (b);

  return page_a < page_b ? -1 : page_a > page_b;
}

static gboolean
entries_equal (PatellaJournalEntry *a,
               PatellaJournalEntry *b)
{
  const char * const *symptoms_a = patella_journal_entry_get_symptoms (a);
  const char * const *symptoms_b = patella_journal_entry_get_symptoms (b);

  return g_str_equal (patella_journal_entry_get_day (a), patella_journal_entry_get_day (b)) &&
         patella_journal_entry_get_updated_us (a) == patella_journal_entry_get_updated_us (b) &&
         patella_journal_entry_get_pain_rest (a) == patella_journal_entry_get_pain_rest (b) &&
         patella_journal_entry_get_pain_activity (a) == patella_journal_entry_get_pain_activity (b) &&
         patella_journal_entry_get_pain_morning (a) == patella_journal_entry_get_pain_morning (b) &&
         g_str_equal (patella_journal_entry_get_note (a), patella_journal_entry_get_note (b)) &&
         g_strv_equal ((const char * const *) symptoms_a, (const char * const *) symptoms_b);
}

static GType
patella_journal_model_get_item_type (GListModel *model)
{
  return PATELLA_TYPE_JOURNAL_ENTRY;
}

static guint
patella_journal_model_get_n_items (GListModel *model)
{
  return PATELLA_JOURNAL_MODEL (model)->n_items;
}

static gpointer
patella_journal_model_get_item (GListModel *model,
                                guint       position)
{
  PatellaJournalModel *self = PATELLA_JOURNAL_MODEL (model);
  guint page = position / PAGE_SIZE;
  GPtrArray *rows;

  if (position >= self->n_items)
    return NULL;

  rows = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (page));
  if (rows != NULL)
    {
      g_queue_remove (&self->recent, GUINT_TO_POINTER (page));
      g_queue_push_head (&self->recent, GUINT_TO_POINTER (page));
    }
  else
    {
      rows = load_page (self, page);
    }

  /* Another program may have deleted rows since the count. */
  if (rows == NULL || position % PAGE_SIZE >= rows->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (rows, position % PAGE_SIZE));
}

static void
patella_journal_model_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = patella_journal_model_get_item_type;
  iface->get_n_items = patella_journal_model_get_n_items;
  iface->get_item = patella_journal_model_get_item;
}

static void
store_changed_cb (PatellaJournalModel *self,
                  const char          *what)
{
  patella_journal_model_refresh (self);
}

static void
patella_journal_model_dispose (GObject *object)
{
  PatellaJournalModel *self = (PatellaJournalModel *)object;

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_func (self->store, store_changed_cb, self);
  g_clear_object (&self->store);
  clear_cache (self);

  G_OBJECT_CLASS (patella_journal_model_parent_class)->dispose (object);
}

static void
patella_journal_model_finalize (GObject *object)
{
  PatellaJournalModel *self = (PatellaJournalModel *)object;

  g_hash_table_unref (self->pages);
  g_free (self->search);

  G_OBJECT_CLASS (patella_journal_model_parent_class)->finalize (object);
}

static void
patella_journal_model_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  PatellaJournalModel *self = PATELLA_JOURNAL_MODEL (object);

  switch (prop_id)
    {
    case PROP_SEARCH:
      g_value_set_string (value, self->search);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
patella_journal_model_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  PatellaJournalModel *self = PATELLA_JOURNAL_MODEL (object);

  switch (prop_id)
    {
    case PROP_SEARCH:
      patella_journal_model_set_search (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
patella_journal_model_class_init (PatellaJournalModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = patella_journal_model_dispose;
  object_class->finalize = patella_journal_model_finalize;
  object_class->get_property = patella_journal_model_get_property;
  object_class->set_property = patella_journal_model_set_property;

  properties[PROP_SEARCH] =
    g_param_spec_string ("search", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
patella_journal_model_init (PatellaJournalModel *self)
{
  self->pages = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
  g_queue_init (&self->recent);
}

/**
 * patella_journal_model_new:
 *
 * A live view of @store's journal: it follows the store's "changed::journal".
 */
PatellaJournalModel *
patella_journal_model_new (PatellaStore *store)
{
  PatellaJournalModel *self;

  g_return_val_if_fail (PATELLA_IS_STORE (store), NULL);

  self = g_object_new (PATELLA_TYPE_JOURNAL_MODEL, NULL);
  self->store = g_object_ref (store);
  g_signal_connect_swapped (store, "changed::journal", G_CALLBACK (store_changed_cb), self);
  patella_journal_model_refresh (self);

  return self;
}

PatellaStore *
patella_journal_model_get_store (PatellaJournalModel *self)
{
  g_return_val_if_fail (PATELLA_IS_JOURNAL_MODEL (self), NULL);

  return self->store;
}

const char *
patella_journal_model_get_search (PatellaJournalModel *self)
{
  g_return_val_if_fail (PATELLA_IS_JOURNAL_MODEL (self), NULL);

  return self->search;
}

/**
 * patella_journal_model_set_search:
 * @search: (nullable): words to find in notes and symptoms, or %NULL for all
 */
void
patella_journal_model_set_search (PatellaJournalModel *self,
                                  const char          *search)
{
  g_autofree char *stripped = NULL;

  g_return_if_fail (PATELLA_IS_JOURNAL_MODEL (self));

  if (search != NULL)
    stripped = g_strstrip (g_strdup (search));
  if (stripped != NULL && *stripped == '\0')
    g_clear_pointer (&stripped, g_free);

  if (g_strcmp0 (stripped, self->search) == 0)
    return;

  g_free (self->search);
  self->search = g_steal_pointer (&stripped);
  patella_journal_model_refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEARCH]);
}

/**
 * patella_journal_model_refresh:
 *
 * Reads the count again and drops the cached rows.
 */
void
patella_journal_model_refresh (PatellaJournalModel *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GList) cached = NULL;
  g_autoptr(GArray) changed = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GHashTable) fresh = NULL;
  GPtrArray *rows_read;
  guint old_n_items;
  guint first_diff = G_MAXUINT;
  guint cached_end = 0;
  gint64 count;

  g_return_if_fail (PATELLA_IS_JOURNAL_MODEL (self));

  if (self->store == NULL)
    return;

  old_n_items = self->n_items;
  count = patella_journal_count (self->store, self->search, &error);
  if (count < 0)
    {
      g_message ("Could not count the journal entries: %s", error->message);
      count = 0;
    }

  /* The view holds only rows it read, and those are in the cache: compare
   * them with the stored ones, and say only what changed. Replacing every
   * item would make GTK look at each of them, a read of the whole journal.
   * The rows read now stay in the cache: they are what the view holds once
   * it has taken the changes, and what the next change is compared with (a
   * cache emptied by a change that touched no row of it would let the next
   * one go unseen). */
  fresh = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
  cached = g_list_sort (g_hash_table_get_keys (self->pages), compare_pages);
  for (GList *l = cached; l != NULL; l = l->next)
    {
      guint page = GPOINTER_TO_UINT (l->data);
      GPtrArray *old_rows = g_hash_table_lookup (self->pages, l->data);
      GPtrArray *rows;

      rows = patella_journal_fetch (self->store, self->search, page * PAGE_SIZE, PAGE_SIZE, NULL);
      if (rows == NULL)
        continue;
      g_hash_table_insert (fresh, l->data, rows);

      for (guint i = 0; i < MAX (rows->len, old_rows->len); i++)
        if (i >= rows->len || i >= old_rows->len ||
            !entries_equal (g_ptr_array_index (rows, i), g_ptr_array_index (old_rows, i)))
          {
            guint position = page * PAGE_SIZE + i;

            first_diff = MIN (first_diff, position);
            g_array_append_val (changed, position);
          }

      cached_end = MAX (cached_end, page * PAGE_SIZE + old_rows->len);
    }

  clear_cache (self);
  for (GList *l = cached; l != NULL; l = l->next)
    if (g_hash_table_steal_extended (fresh, l->data, NULL, (gpointer *) &rows_read))
      {
        g_hash_table_insert (self->pages, l->data, rows_read);
        g_queue_push_tail (&self->recent, l->data);
      }
  self->n_items = (guint) MIN (count, G_MAXUINT);

  if (count == old_n_items)
    {
      for (guint i = 0; i < changed->len; i++)
        g_list_model_items_changed (G_LIST_MODEL (self), g_array_index (changed, guint, i), 1, 1);
    }
  else if (count == old_n_items + 1 || count + 1 == old_n_items)
    {
      /* One day added or taken away: where the cached rows first differ, or
       * past them, where the view holds nothing. */
      guint position = first_diff != G_MAXUINT ? first_diff : MIN (cached_end, old_n_items);

      g_list_model_items_changed (G_LIST_MODEL (self), position,
                                  count < old_n_items ? 1 : 0, count > old_n_items ? 1 : 0);
    }
  else
    {
      g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n_items, self->n_items);
    }
}

/* How many rows the cache holds now: never the whole journal. */
guint
patella_journal_model_get_n_cached (PatellaJournalModel *self)
{
  GHashTableIter iter;
  gpointer rows;
  guint n = 0;

  g_return_val_if_fail (PATELLA_IS_JOURNAL_MODEL (self), 0);

  g_hash_table_iter_init (&iter, self->pages);
  while (g_hash_table_iter_next (&iter, NULL, &rows))
    n += ((GPtrArray *) rows)->len;

  return n;
}
