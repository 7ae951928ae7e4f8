/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

void patella_toast_show      (GtkWidget  *from,
                              AdwToast   *toast);
void patella_toast_show_text (GtkWidget  *from,
                              const char *text);

G_END_DECLS
