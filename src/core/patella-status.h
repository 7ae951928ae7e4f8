/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "patella-journal.h"
#include "patella-shoes.h"
#include "patella-store.h"

G_BEGIN_DECLS

typedef struct
{
  char     *name;
  char     *brand;
  gint64    distance_m;   /* total, initial distance included */
  gint64    warn_m;
  gint64    limit_m;
  gboolean  retired;
  gboolean  is_default;
  PatellaShoeStatus status;
} PatellaShoeSummary;

typedef struct
{
  char       *today;
  guint       ice_sessions_today;
  guint       ice_goal;
  gint64      next_ice_reminder_us;  /* 0 when none is due */
  GPtrArray  *shoes;                 /* PatellaShoeSummary, active ones */
  GPtrArray  *advice;                /* char *, plain sentences */
  GPtrArray  *advice_items;          /* PatellaAdviceItem, the same advice, same-day first */
  PatellaJournalEntry *journal_today; /* nullable: today's journal entry */
  gint64      ice_running_ends_us;   /* 0 when no icing session is counting down */
  gint64      ice_running_remaining_s;
} PatellaStatus;

PatellaStatus *patella_status_collect (PatellaStore   *store,
                                       GSettings      *settings,
                                       GError        **error);
void           patella_status_free    (PatellaStatus  *status);

PatellaShoeSummary *patella_shoe_to_summary   (const PatellaShoe  *shoe);
void                patella_shoe_summary_free (PatellaShoeSummary *summary);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PatellaStatus, patella_status_free)

G_END_DECLS
