/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "patella-view.h"

G_BEGIN_DECLS

gboolean patella_timers_card_set_store (gpointer       card,
                                        PatellaStore **field,
                                        PatellaStore  *store,
                                        GCallback      changed_cb);

G_END_DECLS
