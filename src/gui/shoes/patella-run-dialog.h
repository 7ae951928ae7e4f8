/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "patella-notifier.h"
#include "patella-shoes.h"
#include "patella-store.h"
#include "patella-units.h"

G_BEGIN_DECLS

#define PATELLA_TYPE_RUN_DIALOG (patella_run_dialog_get_type ())

G_DECLARE_FINAL_TYPE (PatellaRunDialog, patella_run_dialog, PATELLA, RUN_DIALOG, AdwWindow)

PatellaRunDialog *patella_run_dialog_new (GtkWindow           *parent,
                                          PatellaStore        *store,
                                          PatellaNotifier     *notifier,
                                          PatellaDistanceUnit  unit);
PatellaRunDialog *patella_run_dialog_new_for_run (GtkWindow           *parent,
                                                  PatellaStore        *store,
                                                  PatellaNotifier     *notifier,
                                                  PatellaDistanceUnit  unit,
                                                  const PatellaRun    *run);

G_END_DECLS
