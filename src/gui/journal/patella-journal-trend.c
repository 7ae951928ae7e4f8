/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "patella-journal-trend"

#include "config.h"

#include <glib/gi18n.h>

#include "patella-journal.h"
#include "patella-journal-trend.h"
#include "patella-pain-chart.h"

/* The pain chart of the last 30, 90 or 365 days, with its legend, below the
 * journal's editor. */
struct _PatellaJournalTrend
{
  AdwPreferencesGroup parent_instance;

  PatellaStore       *store;

  GtkToggleButton    *range_90;
  GtkToggleButton    *range_365;
  PatellaPainChart   *chart;
  GtkLabel           *legend_label;
};

G_DEFINE_FINAL_TYPE (PatellaJournalTrend, patella_journal_trend, ADW_TYPE_PREFERENCES_GROUP)

static guint
get_n_days (PatellaJournalTrend *self)
{
  if (gtk_toggle_button_get_active (self->range_365))
    return 365;
  if (gtk_toggle_button_get_active (self->range_90))
    return 90;
  return 30;
}

static void
range_toggled_cb (PatellaJournalTrend *self,
                  GtkToggleButton     *button)
{
  if (gtk_toggle_button_get_active (button))
    patella_journal_trend_refresh (self);
}

static void
set_up_legend (PatellaJournalTrend *self)
{
  g_autofree char *legend = NULL;

  legend = g_markup_printf_escaped ("<span foreground=\"#3685e3\">━</span> %s    "
                                    "<span foreground=\"#e66100\">■</span> %s    "
                                    "▲ %s    "
                                    "<span foreground=\"#21b3cc\">●</span> %s",
                                    _("Pain at rest"), _("During activity"), _("Run"),
                                    _("Icing"));
  gtk_label_set_markup (self->legend_label, legend);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->legend_label),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Legend: the line is pain at rest, squares pain during "
                                    "activity, triangles runs, dots icing sessions"),
                                  -1);
}

static void
patella_journal_trend_dispose (GObject *object)
{
  PatellaJournalTrend *self = PATELLA_JOURNAL_TREND (object);

  g_clear_object (&self->store);
  gtk_widget_dispose_template (GTK_WIDGET (self), PATELLA_TYPE_JOURNAL_TREND);

  G_OBJECT_CLASS (patella_journal_trend_parent_class)->dispose (object);
}

static void
patella_journal_trend_class_init (PatellaJournalTrendClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = patella_journal_trend_dispose;

  g_type_ensure (PATELLA_TYPE_PAIN_CHART);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/patella/Patella/ui/patella-journal-trend.ui");
  gtk_widget_class_bind_template_child (widget_class, PatellaJournalTrend, range_90);
  gtk_widget_class_bind_template_child (widget_class, PatellaJournalTrend, range_365);
  gtk_widget_class_bind_template_child (widget_class, PatellaJournalTrend, chart);
  gtk_widget_class_bind_template_child (widget_class, PatellaJournalTrend, legend_label);
  gtk_widget_class_bind_template_callback (widget_class, range_toggled_cb);
}

static void
patella_journal_trend_init (PatellaJournalTrend *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  set_up_legend (self);
}

void
patella_journal_trend_set_store (PatellaJournalTrend *self,
                                 PatellaStore        *store)
{
  g_return_if_fail (PATELLA_IS_JOURNAL_TREND (self));
  g_return_if_fail (store == NULL || PATELLA_IS_STORE (store));

  if (g_set_object (&self->store, store))
    patella_journal_trend_refresh (self);
}

/* Reads the days of the range shown again, up to today. */
void
patella_journal_trend_refresh (PatellaJournalTrend *self)
{
  g_autofree char *today = NULL;
  g_autofree char *first = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GArray) activity = NULL;
  guint n_days;

  g_return_if_fail (PATELLA_IS_JOURNAL_TREND (self));

  if (self->store == NULL)
    return;

  n_days = get_n_days (self);
  today = patella_clock_get_today (patella_store_get_clock (self->store));
  first = patella_day_add_days (today, -(int) (n_days - 1));
  entries = patella_journal_list (self->store, first, today, NULL);
  activity = patella_journal_list_activity (self->store, first, today, NULL);
  patella_pain_chart_set_data (self->chart, first, n_days, entries, activity);
}
