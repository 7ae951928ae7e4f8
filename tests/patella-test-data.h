/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "patella-notifier.h"
#include "patella-store.h"

G_BEGIN_DECLS

/* A bit of everything the user can enter, with text that needs quoting in
 * CSV and JSON and text that looks like SQL. */
void   patella_test_fill_store (PatellaStore    *store);
/* Six weeks for the clinician report, from 2026-02-01. */
void   patella_test_fill_report (PatellaStore   *store);
gint64 patella_test_add_run    (PatellaStore    *store,
                                PatellaNotifier *notifier,
                                const char      *day,
                                gint64           metres,
                                gint64           shoe_id,
                                const char      *note);

G_END_DECLS
