/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void patella_accessible_init (void);
void patella_accessible_tidy (GtkWidget *widget);
void patella_accessible_one_tab_stop (GtkWidget *list);
void patella_accessible_group_one_tab_stop (GtkWidget *group);
void patella_accessible_announce (GtkWidget  *from,
                                  const char *text);

G_END_DECLS
