/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "patella-context.h"

G_BEGIN_DECLS

#define PATELLA_TYPE_SHOE_LIST_VIEW (patella_shoe_list_view_get_type ())

G_DECLARE_FINAL_TYPE (PatellaShoeListView, patella_shoe_list_view, PATELLA, SHOE_LIST_VIEW, AdwBin)

void       patella_shoe_list_view_set_context     (PatellaShoeListView *self,
                                                   PatellaContext      *context);
void       patella_shoe_list_view_refresh         (PatellaShoeListView *self);
GtkWidget *patella_shoe_list_view_get_active_list (PatellaShoeListView *self);
GtkWidget *patella_shoe_list_view_get_retired     (PatellaShoeListView *self);

G_END_DECLS
