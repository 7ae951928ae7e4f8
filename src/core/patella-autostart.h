/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean  patella_autostart_is_sandboxed (void);
char     *patella_autostart_get_path     (void);
gboolean  patella_autostart_is_enabled   (void);
gboolean  patella_autostart_set_enabled  (gboolean   enabled,
                                          GError   **error);

G_END_DECLS
