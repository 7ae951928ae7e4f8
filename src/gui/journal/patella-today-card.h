/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "patella-store.h"

G_BEGIN_DECLS

#define PATELLA_TYPE_TODAY_CARD (patella_today_card_get_type ())

G_DECLARE_FINAL_TYPE (PatellaTodayCard, patella_today_card, PATELLA, TODAY_CARD, AdwBin)

GtkWidget *patella_today_card_new       (PatellaStore     *store);
void       patella_today_card_set_store (PatellaTodayCard *self,
                                         PatellaStore     *store);
void       patella_today_card_refresh   (PatellaTodayCard *self);

G_END_DECLS
