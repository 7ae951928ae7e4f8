/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "patella-pain-chart"

#include "config.h"

#include <glib/gi18n.h>

#include "patella-drawing.h"
#include "patella-focus-ring.h"
#include "patella-journal.h"
#include "patella-journal-row.h"
#include "patella-pain-chart.h"

/* Pain at rest (line) and during activity (squares) over the last days,
 * with runs marked below and icing above. The 0–2 / 3–5 / above 5 zones
 * are for pain during activity only: they colour a strip beside the axis
 * and the activity squares, never the area behind the rest line. The
 * colours are mid-tones with enough contrast on light and dark backgrounds;
 * text and axes take the theme's foreground colour. */

#define MARGIN_LEFT   26.0
#define MARGIN_RIGHT  8.0
#define MARGIN_TOP    14.0
#define MARGIN_BOTTOM 32.0

static const PatellaDrawingSize pain_chart_size = { 200, 480, 160, 200 };

typedef struct
{
  int    rest;      /* PATELLA_PAIN_NONE: no entry */
  int    activity;
  guint  runs;
  guint  icing;
} DayPoint;

struct _PatellaPainChart
{
  GtkWidget  parent_instance;

  char      *first_day;
  GArray    *days;   /* DayPoint, one per day */
};

G_DEFINE_FINAL_TYPE (PatellaPainChart, patella_pain_chart, GTK_TYPE_WIDGET)

static const GdkRGBA rest_colour = { 0.21, 0.52, 0.89, 1.0 };      /* blue */
static const GdkRGBA activity_colour = { 0.90, 0.38, 0.0, 1.0 };   /* orange */
static const GdkRGBA icing_colour = { 0.13, 0.70, 0.80, 1.0 };     /* cyan */
static const GdkRGBA zone_colours[] = {
  { 0.18, 0.76, 0.49, 0.16 },  /* safe */
  { 0.96, 0.76, 0.07, 0.18 },  /* acceptable */
  { 0.88, 0.11, 0.14, 0.14 },  /* too much */
};

static void
set_source (cairo_t       *cr,
            const GdkRGBA *colour,
            double         alpha)
{
  cairo_set_source_rgba (cr, colour->red, colour->green, colour->blue, colour->alpha * alpha);
}

static void
draw_text (GtkWidget  *widget,
           cairo_t    *cr,
           const char *text,
           double      x,
           double      y,
           double      xalign)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, text);
  int width;
  int height;

  pango_layout_get_pixel_size (layout, &width, &height);
  cairo_move_to (cr, x - width * xalign, y - height / 2.0);
  pango_cairo_show_layout (cr, layout);
}

static void
patella_pain_chart_snapshot (GtkWidget   *widget,
                             GtkSnapshot *snapshot)
{
  PatellaPainChart *self = PATELLA_PAIN_CHART (widget);
  double width = gtk_widget_get_width (widget);
  double height = gtk_widget_get_height (widget);
  double left = MARGIN_LEFT;
  double right = width - MARGIN_RIGHT;
  double top = MARGIN_TOP;
  double bottom = height - MARGIN_BOTTOM;
  guint n = self->days->len;
  GdkRGBA fg;
  cairo_t *cr;
  double step;
  gboolean drawing = FALSE;

  /* A Tab stop: a keyboard user sees when it has the focus. */
  if (gtk_widget_has_visible_focus (widget))
    patella_focus_ring_snapshot (widget, snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  if (n == 0 || right <= left || bottom <= top)
    return;

  patella_drawing_get_foreground (widget, &fg);
  step = (right - left) / n;

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));

#define Y(p) (bottom - (p) / 10.0 * (bottom - top))
#define X(i) (left + ((i) + 0.5) * step)

  /* The three zones of the pain-monitoring model, beside the axis. */
  {
    const double limits[] = { -0.0, 2.5, 5.5, 10.0 };

    for (guint z = 0; z < 3; z++)
      {
        set_source (cr, &zone_colours[z], 4.0);
        cairo_rectangle (cr, left - 3, Y (limits[z + 1]), 3,
                         Y (limits[z]) - Y (limits[z + 1]));
        cairo_fill (cr);
      }
  }

  /* A light line under the plot. */
  set_source (cr, &fg, 0.15);
  cairo_set_line_width (cr, 1.0);
  cairo_move_to (cr, left, bottom + 0.5);
  cairo_line_to (cr, right, bottom + 0.5);
  cairo_stroke (cr);

  /* Axis labels: 0, 5 and 10, the first and the last day. */
  set_source (cr, &fg, 0.7);
  draw_text (widget, cr, "0", left - 6, Y (0), 1.0);
  draw_text (widget, cr, "5", left - 6, Y (5), 1.0);
  draw_text (widget, cr, "10", left - 6, Y (10), 1.0);
  {
    g_autofree char *last_day = patella_day_add_days (self->first_day, (int) n - 1);
    g_autofree char *first = patella_journal_format_day (self->first_day, FALSE);
    g_autofree char *last = patella_journal_format_day (last_day, FALSE);

    draw_text (widget, cr, first, left, height - 8, 0.0);
    draw_text (widget, cr, last, right, height - 8, 1.0);
  }

  /* Runs: small triangles under the plot; icing: dots above it. */
  for (guint i = 0; i < n; i++)
    {
      const DayPoint *day = &g_array_index (self->days, DayPoint, i);

      if (day->runs > 0)
        {
          set_source (cr, &fg, 0.8);
          cairo_move_to (cr, X (i), bottom + 2);
          cairo_line_to (cr, X (i) - 4, bottom + 9);
          cairo_line_to (cr, X (i) + 4, bottom + 9);
          cairo_close_path (cr);
          cairo_fill (cr);
        }

      if (day->icing > 0)
        {
          set_source (cr, &icing_colour, 1.0);
          cairo_arc (cr, X (i), top - 7, MIN (3.5, 1.5 + day->icing * 0.5), 0, 2 * G_PI);
          cairo_fill (cr);
        }
    }

  /* Pain at rest: a line, broken on days without an entry. */
  set_source (cr, &rest_colour, 1.0);
  cairo_set_line_width (cr, 2.0);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  for (guint i = 0; i < n; i++)
    {
      const DayPoint *day = &g_array_index (self->days, DayPoint, i);

      if (day->rest == PATELLA_PAIN_NONE)
        {
          drawing = FALSE;
          continue;
        }

      if (drawing)
        cairo_line_to (cr, X (i), Y (day->rest));
      else
        cairo_move_to (cr, X (i), Y (day->rest));
      drawing = TRUE;
    }
  cairo_stroke (cr);

  for (guint i = 0; i < n; i++)
    {
      const DayPoint *day = &g_array_index (self->days, DayPoint, i);

      if (day->rest != PATELLA_PAIN_NONE && step >= 4)
        {
          set_source (cr, &rest_colour, 1.0);
          cairo_arc (cr, X (i), Y (day->rest), 2.5, 0, 2 * G_PI);
          cairo_fill (cr);
        }

      if (day->activity != PATELLA_PAIN_NONE)
        {
          set_source (cr, &activity_colour, 1.0);
          cairo_rectangle (cr, X (i) - 3, Y (day->activity) - 3, 6, 6);
          cairo_fill (cr);
        }
    }

#undef X
#undef Y

  cairo_destroy (cr);
}

static void
patella_pain_chart_finalize (GObject *object)
{
  PatellaPainChart *self = (PatellaPainChart *)object;

  g_free (self->first_day);
  g_array_unref (self->days);

  G_OBJECT_CLASS (patella_pain_chart_parent_class)->finalize (object);
}

/* The focus ring comes and goes with the focus. */
static void
patella_pain_chart_state_flags_changed (GtkWidget     *widget,
                                        GtkStateFlags  previous)
{
  GTK_WIDGET_CLASS (patella_pain_chart_parent_class)->state_flags_changed (widget, previous);

  if ((gtk_widget_get_state_flags (widget) ^ previous) & GTK_STATE_FLAG_FOCUS_VISIBLE)
    gtk_widget_queue_draw (widget);
}

static void
patella_pain_chart_class_init (PatellaPainChartClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  patella_drawing_setup_class (widget_class, "painchart",
                               GTK_ACCESSIBLE_ROLE_IMG, &pain_chart_size,
                               patella_pain_chart_snapshot, patella_pain_chart_finalize);
  widget_class->state_flags_changed = patella_pain_chart_state_flags_changed;
}

static void
patella_pain_chart_init (PatellaPainChart *self)
{
  self->days = g_array_new (FALSE, TRUE, sizeof (DayPoint));
  /* Reachable by Tab, so that a screen reader reads what it shows. */
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Pain trend"),
                                  -1);
}

GtkWidget *
patella_pain_chart_new (void)
{
  return g_object_new (PATELLA_TYPE_PAIN_CHART, NULL);
}

guint
patella_pain_chart_get_n_days (PatellaPainChart *self)
{
  g_return_val_if_fail (PATELLA_IS_PAIN_CHART (self), 0);

  return self->days->len;
}

/**
 * patella_pain_chart_set_data:
 * @first_day: the first day shown, `YYYY-MM-DD`
 * @n_days: how many days from @first_day
 * @entries: (element-type PatellaJournalEntry): the entries of those days
 * @activity: (element-type PatellaDayActivity): the runs and sessions of those days
 */
void
patella_pain_chart_set_data (PatellaPainChart *self,
                             const char       *first_day,
                             guint             n_days,
                             GPtrArray        *entries,
                             GArray           *activity)
{
  g_autofree char *runs_text = NULL;
  g_autofree char *icing_text = NULL;
  g_autofree char *summary = NULL;
  guint n_noted = 0;
  guint n_runs = 0;
  guint n_icing = 0;
  int highest = 0;
  int sum = 0;

  g_return_if_fail (PATELLA_IS_PAIN_CHART (self));
  g_return_if_fail (first_day != NULL);

  g_free (self->first_day);
  self->first_day = g_strdup (first_day);
  g_array_set_size (self->days, n_days);
  for (guint i = 0; i < n_days; i++)
    {
      DayPoint *day = &g_array_index (self->days, DayPoint, i);

      *day = (DayPoint) { PATELLA_PAIN_NONE, PATELLA_PAIN_NONE, 0, 0 };
    }

  for (guint i = 0; entries != NULL && i < entries->len; i++)
    {
      PatellaJournalEntry *entry = g_ptr_array_index (entries, i);
      int index = patella_day_diff (first_day, patella_journal_entry_get_day (entry));
      DayPoint *day;

      if (index < 0 || index >= (int) n_days)
        continue;

      day = &g_array_index (self->days, DayPoint, index);
      day->rest = patella_journal_entry_get_pain_rest (entry);
      day->activity = patella_journal_entry_get_pain_activity (entry);
      /* An unrated day is not a 0. */
      if (day->rest == PATELLA_PAIN_NONE)
        continue;
      n_noted++;
      sum += day->rest;
      highest = MAX (highest, day->rest);
    }

  for (guint i = 0; activity != NULL && i < activity->len; i++)
    {
      const PatellaDayActivity *done = &g_array_index (activity, PatellaDayActivity, i);
      int index = patella_day_diff (first_day, done->day);

      if (index < 0 || index >= (int) n_days)
        continue;

      g_array_index (self->days, DayPoint, index).runs = done->runs;
      g_array_index (self->days, DayPoint, index).icing = done->icing;
      n_runs += done->runs;
      n_icing += done->icing;
    }

  runs_text = g_strdup_printf (ngettext ("%u run", "%u runs", n_runs), n_runs);
  icing_text = g_strdup_printf (ngettext ("%u icing session", "%u icing sessions", n_icing),
                                n_icing);
  if (n_noted > 0)
    {
      g_autofree char *noted = g_strdup_printf (ngettext ("pain at rest noted on %u day",
                                                          "pain at rest noted on %u days",
                                                          n_noted), n_noted);

      /* Translators: what the pain chart shows, for screen readers: the days shown, "pain at
       * rest noted on 3 days", the average and the highest, "2 runs", "1 icing session" */
      summary = g_strdup_printf (_("Last %u days: %s, on average %.1f out of 10, at most %d; "
                                   "%s; %s"),
                                 n_days, noted, (double) sum / n_noted, highest, runs_text,
                                 icing_text);
    }
  else
    /* Translators: the days shown, "2 runs", "1 icing session" */
    summary = g_strdup_printf (_("Last %u days: no pain noted yet; %s; %s"),
                               n_days, runs_text, icing_text);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, summary,
                                  -1);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), summary);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}
