/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "patella-error"

#include "config.h"

#include "patella-error.h"

G_DEFINE_QUARK (patella-error-quark, patella_error)
