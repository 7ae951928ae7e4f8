/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* What the shoes (patella-shoes.c), their runs (patella-runs.c) and their
 * notifications (patella-shoe-notifications.c) share. */

#include "patella-shoes.h"
#include "patella-store-private.h"

G_BEGIN_DECLS

gboolean  patella_shoes_finish_write      (PatellaTransaction  *tx,
                                           PatellaStore        *store,
                                           PatellaNotifier     *notifier,
                                           const char          *what,
                                           GError             **error);
gboolean  patella_shoe_check_exists       (PatellaStore        *store,
                                           gint64               id,
                                           gboolean            *retired,
                                           GError             **error);
char     *patella_shoes_format_both_units (gint64               metres);
char     *patella_shoe_notification_key   (const char          *what,
                                           gint64               id);

G_END_DECLS
