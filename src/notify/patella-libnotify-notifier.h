/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "patella-notifier.h"

G_BEGIN_DECLS

#define PATELLA_TYPE_LIBNOTIFY_NOTIFIER (patella_libnotify_notifier_get_type ())

G_DECLARE_FINAL_TYPE (PatellaLibnotifyNotifier, patella_libnotify_notifier,
                      PATELLA, LIBNOTIFY_NOTIFIER, GObject)

PatellaNotifier *patella_libnotify_notifier_new (const char *app_id);

G_END_DECLS
