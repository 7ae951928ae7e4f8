/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "patella-load-chart"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "patella-drawing.h"
#include "patella-load-chart.h"

/* Weekly distance as bars, oldest on the left. A week more than 10% above
 * the one before is drawn in the warning colour, more than 30% in the error
 * colour, and a week holding a run longer than 110% of the longest in the
 * 30 days before gets a dot above its bar. */
struct _PatellaLoadChart
{
  GtkWidget            parent_instance;

  GArray              *weeks;     /* PatellaLoadWeek */
  GArray              *levels;    /* guint8 per week: 0 none, 1 > 10%, 2 > 30% */
  GArray              *long_runs; /* gboolean per week */
  PatellaDistanceUnit  unit;
};

G_DEFINE_FINAL_TYPE (PatellaLoadChart, patella_load_chart, GTK_TYPE_WIDGET)

#define LABEL_HEIGHT 18
#define TOP_ROOM     14
#define DOT_SIZE     6

static const PatellaDrawingSize load_chart_size = { 200, 480, 120, 160 };

static void
patella_load_chart_snapshot (GtkWidget   *widget,
                             GtkSnapshot *snapshot)
{
  PatellaLoadChart *self = PATELLA_LOAD_CHART (widget);
  float width = gtk_widget_get_width (widget);
  float height = gtk_widget_get_height (widget);
  float plot_height = height - LABEL_HEIGHT - TOP_ROOM;
  gint64 max_m = 0;
  GdkRGBA fg, dim, accent, warning, error;
  float slot;
  guint label_every;

  if (self->weeks == NULL || self->weeks->len == 0 || plot_height <= 0)
    return;

  patella_drawing_get_foreground (widget, &fg);
  dim = fg;
  dim.alpha = 0.55;
  patella_drawing_lookup_color (widget, "accent_bg_color", "#3584e4", &accent);
  patella_drawing_lookup_color (widget, "warning_color", "#e5a50a", &warning);
  patella_drawing_lookup_color (widget, "error_color", "#e01b24", &error);

  for (guint i = 0; i < self->weeks->len; i++)
    max_m = MAX (max_m, g_array_index (self->weeks, PatellaLoadWeek, i).distance_m);

  slot = width / self->weeks->len;
  /* A label needs about 56 px; skip weeks where they would overlap. */
  label_every = MAX (1, (guint) ceilf (56.0f / slot));

  /* The baseline. */
  {
    GdkRGBA line = fg;

    line.alpha = 0.2;
    gtk_snapshot_append_color (snapshot, &line,
                               &GRAPHENE_RECT_INIT (0, TOP_ROOM + plot_height, width, 1));
  }

  for (guint i = 0; i < self->weeks->len; i++)
    {
      const PatellaLoadWeek *week = &g_array_index (self->weeks, PatellaLoadWeek, i);
      guint8 level = g_array_index (self->levels, guint8, i);
      float bar_height = max_m > 0 ? plot_height * week->distance_m / (float) max_m : 0;
      float x = i * slot + slot * 0.15f;
      float bar_width = slot * 0.7f;
      const GdkRGBA *color = level == 2 ? &error : level == 1 ? &warning : &accent;

      if (bar_height > 0)
        patella_drawing_append_rounded (snapshot,
                                        &GRAPHENE_RECT_INIT (x, TOP_ROOM + plot_height -
                                                             bar_height,
                                                             bar_width, bar_height),
                                        MIN (3, bar_width / 2), color);

      if (g_array_index (self->long_runs, gboolean, i))
        patella_drawing_append_rounded (snapshot,
                                        &GRAPHENE_RECT_INIT (x + bar_width / 2 -
                                                             DOT_SIZE / 2.0f,
                                                             TOP_ROOM + plot_height -
                                                             bar_height - DOT_SIZE - 4,
                                                             DOT_SIZE, DOT_SIZE),
                                        DOT_SIZE / 2.0f, &error);
    }

  /* Week labels under the end of their week, from the newest back, leaving
   * out any that would touch the one after it. */
  {
    float next_x = width + 6;

    for (guint k = 0; k < self->weeks->len; k += label_every)
      {
        guint i = self->weeks->len - 1 - k;
        const PatellaLoadWeek *week = &g_array_index (self->weeks, PatellaLoadWeek, i);
        g_autoptr(PangoLayout) layout = NULL;
        char text[32];
        int text_width;
        float x;

        /* Translators: a week's first day under the weekly chart, strftime format */
        if (g_date_strftime (text, sizeof text, _("%b %-d"), &week->start) == 0)
          continue;

        layout = gtk_widget_create_pango_layout (widget, text);
        pango_layout_get_pixel_size (layout, &text_width, NULL);
        x = MAX (0, (i + 1) * slot - text_width);
        if (x + text_width + 6 > next_x)
          continue;

        patella_drawing_append_layout (snapshot, layout, x, TOP_ROOM + plot_height + 2, &dim);
        next_x = x;
      }
  }

  /* The longest week, for scale. */
  if (max_m > 0)
    {
      g_autofree char *top = patella_format_distance (max_m, self->unit);
      g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, top);

      patella_drawing_append_layout (snapshot, layout, 0, 0, &dim);
    }
}

static void
patella_load_chart_finalize (GObject *object)
{
  PatellaLoadChart *self = (PatellaLoadChart *)object;

  g_clear_pointer (&self->weeks, g_array_unref);
  g_clear_pointer (&self->levels, g_array_unref);
  g_clear_pointer (&self->long_runs, g_array_unref);

  G_OBJECT_CLASS (patella_load_chart_parent_class)->finalize (object);
}

static void
patella_load_chart_class_init (PatellaLoadChartClass *klass)
{
  patella_drawing_setup_class (GTK_WIDGET_CLASS (klass), "loadchart",
                               GTK_ACCESSIBLE_ROLE_IMG, &load_chart_size,
                               patella_load_chart_snapshot, patella_load_chart_finalize);
}

static void
patella_load_chart_init (PatellaLoadChart *self)
{
  self->levels = g_array_new (FALSE, TRUE, sizeof (guint8));
  self->long_runs = g_array_new (FALSE, TRUE, sizeof (gboolean));
}

GtkWidget *
patella_load_chart_new (void)
{
  return g_object_new (PATELLA_TYPE_LOAD_CHART, NULL);
}

/**
 * patella_load_chart_set_data:
 * @weeks: (element-type PatellaLoadWeek): the weeks to draw, oldest first
 * @warnings: (element-type PatellaLoadWarning): what the load checks found
 */
void
patella_load_chart_set_data (PatellaLoadChart    *self,
                             GArray              *weeks,
                             GPtrArray           *warnings,
                             PatellaDistanceUnit  unit)
{
  g_autofree char *description = NULL;
  guint n_flagged = 0;

  g_return_if_fail (PATELLA_IS_LOAD_CHART (self));
  g_return_if_fail (weeks != NULL && warnings != NULL);

  g_clear_pointer (&self->weeks, g_array_unref);
  self->weeks = g_array_ref (weeks);
  self->unit = unit;

  g_array_set_size (self->levels, weeks->len);
  g_array_set_size (self->long_runs, weeks->len);
  memset (self->levels->data, 0, weeks->len * sizeof (guint8));
  memset (self->long_runs->data, 0, weeks->len * sizeof (gboolean));

  for (guint w = 0; w < warnings->len; w++)
    {
      const PatellaLoadWarning *warning = g_ptr_array_index (warnings, w);

      for (guint i = 0; i < weeks->len; i++)
        {
          const PatellaLoadWeek *week = &g_array_index (weeks, PatellaLoadWeek, i);
          int offset = g_date_days_between (&week->start, &warning->day);

          if (offset < 0 || offset >= 7)
            continue;

          if (warning->kind == PATELLA_LOAD_LONG_RUN)
            g_array_index (self->long_runs, gboolean, i) = TRUE;
          else
            g_array_index (self->levels, guint8, i) =
              warning->kind == PATELLA_LOAD_WEEK_OVER_30 ? 2 : 1;
          n_flagged++;
        }
    }

  description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              "Weekly distance for the last %u weeks; %u load "
                                              "check fired",
                                              "Weekly distance for the last %u weeks; %u load "
                                              "checks fired", n_flagged),
                                 weeks->len, n_flagged);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, description,
                                  -1);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}
