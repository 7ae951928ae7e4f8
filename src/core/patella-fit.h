/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "patella-activity.h"

G_BEGIN_DECLS

/* Seconds from the Unix epoch to the FIT epoch, 1989-12-31T00:00:00Z. */
#define PATELLA_FIT_EPOCH_S G_GINT64_CONSTANT (631065600)

guint16    patella_fit_crc  (guint16        crc,
                             const guint8  *data,
                             gsize          length);
GPtrArray *patella_fit_read (const guint8  *data,
                             gsize          length,
                             GError       **error);

G_END_DECLS
