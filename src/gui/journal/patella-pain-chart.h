/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define PATELLA_TYPE_PAIN_CHART (patella_pain_chart_get_type ())

G_DECLARE_FINAL_TYPE (PatellaPainChart, patella_pain_chart, PATELLA, PAIN_CHART, GtkWidget)

GtkWidget *patella_pain_chart_new      (void);
void       patella_pain_chart_set_data (PatellaPainChart *self,
                                        const char       *first_day,
                                        guint             n_days,
                                        GPtrArray        *entries,
                                        GArray           *activity);
guint      patella_pain_chart_get_n_days (PatellaPainChart *self);

G_END_DECLS
