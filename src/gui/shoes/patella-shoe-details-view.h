/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "patella-context.h"

G_BEGIN_DECLS

#define PATELLA_TYPE_SHOE_DETAILS_VIEW (patella_shoe_details_view_get_type ())

G_DECLARE_FINAL_TYPE (PatellaShoeDetailsView, patella_shoe_details_view, PATELLA,
                      SHOE_DETAILS_VIEW, AdwBin)

void       patella_shoe_details_view_set_context    (PatellaShoeDetailsView *self,
                                                     PatellaContext         *context);
void       patella_shoe_details_view_open           (PatellaShoeDetailsView *self,
                                                     gint64                  id);
void       patella_shoe_details_view_refresh        (PatellaShoeDetailsView *self);
gboolean   patella_shoe_details_view_save           (PatellaShoeDetailsView *self);
gboolean   patella_shoe_details_view_leave          (PatellaShoeDetailsView *self);
void       patella_shoe_details_view_toggle_retired (PatellaShoeDetailsView *self);
void       patella_shoe_details_view_delete         (PatellaShoeDetailsView *self);

GtkWidget *patella_shoe_details_view_get_name_row   (PatellaShoeDetailsView *self);
GtkWidget *patella_shoe_details_view_get_runs_list  (PatellaShoeDetailsView *self);

G_END_DECLS
