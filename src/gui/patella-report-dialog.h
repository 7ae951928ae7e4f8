/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "patella-store.h"

G_BEGIN_DECLS

#define PATELLA_TYPE_REPORT_DIALOG (patella_report_dialog_get_type ())

G_DECLARE_FINAL_TYPE (PatellaReportDialog, patella_report_dialog, PATELLA, REPORT_DIALOG, AdwWindow)

PatellaReportDialog *patella_report_dialog_new (GtkWindow    *parent,
                                                PatellaStore *store,
                                                GSettings    *settings);

G_END_DECLS
