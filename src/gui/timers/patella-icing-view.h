/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "patella-view.h"

G_BEGIN_DECLS

#define PATELLA_TYPE_ICING_VIEW (patella_icing_view_get_type ())

G_DECLARE_FINAL_TYPE (PatellaIcingView, patella_icing_view, PATELLA, ICING_VIEW, PatellaView)

GtkWidget *patella_icing_view_new    (PatellaContext   *context);
void       patella_icing_view_update (PatellaIcingView *self,
                                      gboolean          show_done);

G_END_DECLS
