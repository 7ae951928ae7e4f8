/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "patella-timers-card"

#include "config.h"

#include "patella-timers-card.h"

/* What the cards of the Timers view share. */

/**
 * patella_timers_card_set_store:
 * @card: the card; @changed_cb is called with it (swapped)
 * @field: where the card keeps the store it follows
 * @store: (nullable): the store to follow from now on; %NULL when the card
 *   lets go (in its dispose)
 * @changed_cb: (nullable): the card's handler of the store's ::changed
 *
 * Moves the card's ::changed handler from the store it followed to @store.
 *
 * Returns: whether the store is another one than before
 */
gboolean
patella_timers_card_set_store (gpointer       card,
                               PatellaStore **field,
                               PatellaStore  *store,
                               GCallback      changed_cb)
{
  g_return_val_if_fail (G_IS_OBJECT (card), FALSE);
  g_return_val_if_fail (store == NULL || PATELLA_IS_STORE (store), FALSE);

  if (*field == store)
    return FALSE;

  if (*field != NULL)
    g_signal_handlers_disconnect_by_data (*field, card);
  g_set_object (field, store);
  if (store != NULL && changed_cb != NULL)
    g_signal_connect_object (store, "changed", changed_cb, card, G_CONNECT_SWAPPED);

  return TRUE;
}
