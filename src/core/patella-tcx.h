/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "patella-activity.h"

G_BEGIN_DECLS

GPtrArray *patella_tcx_read (const char  *data,
                             gsize        length,
                             GError     **error);

G_END_DECLS
