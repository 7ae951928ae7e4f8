/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "patella-application.h"

G_BEGIN_DECLS

void       patella_data_actions_install      (PatellaApplication *app);
void       patella_data_actions_daily_backup (PatellaApplication *app);

G_END_DECLS
