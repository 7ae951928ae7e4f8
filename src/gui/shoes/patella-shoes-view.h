/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "patella-shoe-details-view.h"
#include "patella-shoe-list-view.h"
#include "patella-view.h"

G_BEGIN_DECLS

#define PATELLA_TYPE_SHOES_VIEW (patella_shoes_view_get_type ())

G_DECLARE_FINAL_TYPE (PatellaShoesView, patella_shoes_view, PATELLA, SHOES_VIEW, PatellaView)

GtkWidget              *patella_shoes_view_new              (PatellaContext   *context);
PatellaShoeListView    *patella_shoes_view_get_list_view    (PatellaShoesView *self);
PatellaShoeDetailsView *patella_shoes_view_get_details_view (PatellaShoesView *self);
void                    patella_shoes_view_show_list        (PatellaShoesView *self);
void                    patella_shoes_view_open_shoe        (PatellaShoesView *self,
                                                             gint64            id);
gboolean                patella_shoes_view_is_showing_shoe  (PatellaShoesView *self);

G_END_DECLS
