/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef void (*PatellaDayPickedFunc) (const char *day,
                                      gpointer    user_data);

GtkWidget *patella_date_picker_new          (PatellaDayPickedFunc  func,
                                             gpointer              user_data);
void       patella_date_picker_set_day      (GtkWidget            *picker,
                                             const char           *day);
void       patella_date_picker_choose       (GtkWidget            *picker,
                                             const char           *day);
void       patella_date_picker_add_to_row   (GtkWidget            *entry_row);
void       patella_time_picker_add_to_row   (GtkWidget            *entry_row);

G_END_DECLS
