/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void patella_list_box_remove_all         (GtkListBox *list);
int  patella_list_box_get_focused_index  (GtkListBox *list);
void patella_list_box_focus_index        (GtkListBox *list,
                                          int         index);

G_END_DECLS
