/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "patella-report"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <cairo-pdf.h>
#include <errno.h>
#include <fcntl.h>
#include <langinfo.h>
#include <pango/pangocairo.h>
#include <stdint.h>
#include <stdio.h>
#include <unistd.h>

#include "patella-error.h"
#include "patella-insights.h"
#include "patella-journal.h"
#include "patella-report-renderer.h"

/* One renderer for the PDF file and for printing: the report is cut into
 * blocks (paragraphs, table rows, the chart), each measured with Pango,
 * then laid out on pages. Everything is drawn in black and shades of grey,
 * with line styles, markers and labels, so that it reads on a black and
 * white printer. Units are points: the Pango context runs at 72 dpi. */

#define BODY_FONT     "Sans 8.5"
#define SMALL_FONT    "Sans 7"
#define TABLE_FONT    "Sans 7.5"
#define HEADING_FONT  "Sans Bold 10"
#define TITLE_FONT    "Sans Bold 15"
#define CHART_HEIGHT  176.0
#define FOOTER_SPACE  18.0
/* A note is shortened past this many characters: the report stays short. */
#define NOTE_MAX_CHARS 600
/* Days listed for one symptom before they are summed up. */
#define SYMPTOM_MAX_DAYS 10

typedef enum
{
  BLOCK_TEXT,
  BLOCK_CHART,
} BlockKind;

typedef struct
{
  BlockKind    kind;
  PangoLayout *layout;
  double       height;
  double       space_before;
  double       indent;
  gboolean     keep_with_next;
  guint        page;
  double       y;
} Block;

struct _PatellaReportLayout
{
  const PatellaReport *report;
  PangoContext        *context;
  double               width;
  double               height;
  double               margin;
  GArray              *blocks;
  guint                n_pages;
};

static void
block_clear (Block *block)
{
  g_clear_object (&block->layout);
}

/**
 * patella_report_get_paper_size:
 * @width: (out): in points
 * @height: (out): in points
 *
 * The paper of the locale (LC_PAPER): US Letter where it is used, else A4.
 */
void
patella_report_get_paper_size (double *width,
                               double *height)
{
  int mm_width = 210;
  int mm_height = 297;

#ifdef __GLIBC__
  /* glibc gives these millimetres as numbers in the pointer's place (the
   * items are enum values, not macros: test for glibc itself). */
  mm_width = (int) (intptr_t) nl_langinfo (_NL_PAPER_WIDTH);
  mm_height = (int) (intptr_t) nl_langinfo (_NL_PAPER_HEIGHT);
#endif

  if (mm_width == 216 && mm_height == 279)
    {
      *width = PATELLA_PAPER_LETTER_WIDTH;
      *height = PATELLA_PAPER_LETTER_HEIGHT;
    }
  else
    {
      *width = PATELLA_PAPER_A4_WIDTH;
      *height = PATELLA_PAPER_A4_HEIGHT;
    }
}

static double
content_width (PatellaReportLayout *self)
{
  return self->width - 2 * self->margin;
}

static PangoLayout *
new_layout (PatellaReportLayout *self,
            const char          *font,
            double               width)
{
  PangoLayout *layout = pango_layout_new (self->context);
  g_autoptr(PangoFontDescription) description = pango_font_description_from_string (font);

  pango_layout_set_font_description (layout, description);
  if (width > 0)
    {
      pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
    }
  return layout;
}

static Block *
add_block (PatellaReportLayout *self,
           BlockKind            kind,
           double               space_before)
{
  Block block = { 0 };

  block.kind = kind;
  block.space_before = space_before;
  g_array_append_val (self->blocks, block);
  return &g_array_index (self->blocks, Block, self->blocks->len - 1);
}

/* @markup is Pango markup: escape what the user wrote. */
static Block *
add_markup (PatellaReportLayout *self,
            const char          *markup,
            const char          *font,
            double               space_before,
            double               indent)
{
  Block *block = add_block (self, BLOCK_TEXT, space_before);
  int height;

  block->indent = indent;
  block->layout = new_layout (self, font, content_width (self) - indent);
  pango_layout_set_markup (block->layout, markup, -1);
  pango_layout_get_pixel_size (block->layout, NULL, &height);
  block->height = height;
  return block;
}

static void
add_text (PatellaReportLayout *self,
          const char          *text,
          const char          *font,
          double               space_before,
          double               indent)
{
  g_autofree char *markup = g_markup_escape_text (text, -1);

  add_markup (self, markup, font, space_before, indent);
}

static void
add_heading (PatellaReportLayout *self,
             const char          *text)
{
  g_autofree char *markup = g_markup_escape_text (text, -1);
  Block *block = add_markup (self, markup, HEADING_FONT, 9, 0);

  block->keep_with_next = TRUE;
}

static void
add_bullet (PatellaReportLayout *self,
            const char          *markup)
{
  g_autofree char *line = g_strdup_printf ("•  %s", markup);
  Block *block = add_markup (self, line, BODY_FONT, 1.5, 6);

  pango_layout_set_indent (block->layout, -8 * PANGO_SCALE);
  {
    int height;

    pango_layout_get_pixel_size (block->layout, NULL, &height);
    block->height = height;
  }
}

static char *
format_pain (double value)
{
  return value < 0 ? g_strdup ("–") : g_strdup_printf ("%.1f", value);
}

/* The weekly table: one block a row, columns at tab stops. */
static void
add_row (PatellaReportLayout *self,
         const char * const  *cells,
         guint                n_cells,
         gboolean             header)
{
  static const double stops[] = { 0, 58, 104, 140, 184, 226, 262, 318, 372, 424 };
  g_autoptr(PangoTabArray) tabs = pango_tab_array_new (G_N_ELEMENTS (stops) - 1, FALSE);
  g_autoptr(GString) markup = g_string_new (header ? "<b>" : "");
  double scale = content_width (self) / 475.0;
  Block *block;
  int height;

  g_assert (n_cells <= G_N_ELEMENTS (stops));
  for (guint i = 1; i < G_N_ELEMENTS (stops); i++)
    pango_tab_array_set_tab (tabs, i - 1, PANGO_TAB_LEFT,
                             (int) (stops[i] * MIN (scale, 1.15) * PANGO_SCALE));

  for (guint i = 0; i < n_cells; i++)
    {
      g_autofree char *cell = g_markup_escape_text (cells[i], -1);

      if (i > 0)
        g_string_append_c (markup, '\t');
      g_string_append (markup, cell);
    }
  if (header)
    g_string_append (markup, "</b>");

  block = add_block (self, BLOCK_TEXT, header ? 4 : 0.5);
  block->layout = new_layout (self, TABLE_FONT, -1);
  pango_layout_set_tabs (block->layout, tabs);
  pango_layout_set_markup (block->layout, markup->str, -1);
  pango_layout_get_pixel_size (block->layout, NULL, &height);
  block->height = height;
  block->keep_with_next = header;
}

static char *
format_distance (const PatellaReport *report,
                 gint64               metres)
{
  return patella_format_distance (metres, report->unit);
}

static void
add_header (PatellaReportLayout *self)
{
  const PatellaReport *report = self->report;
  g_autofree char *title = g_markup_escape_text (report->title, -1);
  g_autofree char *period = NULL;

  add_markup (self, title, TITLE_FONT, 0, 0);
  /* Translators: the first and last day, the number of days, the day it was made */
  period = g_strdup_printf (ngettext ("Period: %s to %s (%u day) · made on %s",
                                      "Period: %s to %s (%u days) · made on %s", report->n_days),
                            report->from, report->to, report->n_days, report->made);
  add_text (self, period, BODY_FONT, 3, 0);
  add_text (self, _("Pain is rated by the runner from 0 (none) to 10 (the worst imaginable), "
                    "at rest, during activity and the next morning."),
            SMALL_FONT, 1, 0);
}

static void
add_pain (PatellaReportLayout *self)
{
  const PatellaReport *report = self->report;
  g_autofree char *entries = NULL;
  g_autofree char *trend = NULL;
  g_autofree char *trend_markup = NULL;

  add_heading (self, _("Pain"));

  if (report->n_entries == 0)
    {
      add_text (self, _("No journal entries in this period: there is no pain to show."),
                BODY_FONT, 2, 0);
    }
  else
    {
      Block *chart = add_block (self, BLOCK_CHART, 3);

      chart->height = CHART_HEIGHT;
    }

  /* Translators: journal days in the period, then the days of the period */
  entries = g_strdup_printf (ngettext ("Journal entries on %u of %u day.",
                                       "Journal entries on %u of %u days.", report->n_days),
                             report->n_entries, report->n_days);
  add_text (self, entries, BODY_FONT, 3, 0);

  if (report->n_activity > 0)
    {
      g_autofree char *zones = NULL;

      /* Translators: days with pain during activity rated, then the days in
       * each zone of the pain-monitoring model */
      zones = g_strdup_printf (ngettext ("Pain during activity, rated on %u day: 0–2 (safe) on "
                                         "%u, 3–5 (acceptable) on %u, above 5 (too much) on %u.",
                                         "Pain during activity, rated on %u days: 0–2 (safe) on "
                                         "%u, 3–5 (acceptable) on %u, above 5 (too much) on %u.",
                                         report->n_activity),
                               report->n_activity,
                               report->zone_days[PATELLA_PAIN_ZONE_SAFE],
                               report->zone_days[PATELLA_PAIN_ZONE_ACCEPTABLE],
                               report->zone_days[PATELLA_PAIN_ZONE_TOO_MUCH]);
      add_text (self, zones, BODY_FONT, 1.5, 0);
    }
  else if (report->n_entries > 0)
    {
      add_text (self, _("Pain during activity was not rated in this period."), BODY_FONT, 1.5, 0);
    }

  trend = patella_report_format_trend (report);
  /* Translators: "Trend:" in bold, then the trend in a sentence */
  trend_markup = g_markup_printf_escaped (_("<b>Trend:</b> %s"), trend);
  add_markup (self, trend_markup, BODY_FONT, 1.5, 0);
  add_text (self, patella_report_get_trend_rule (), SMALL_FONT, 1, 0);
}

static void
add_weeks (PatellaReportLayout *self)
{
  const PatellaReport *report = self->report;
  const char *header[] = {
    /* Translators: column headings of the weekly table; keep them short */
    C_("report column", "Week of"), C_("report column", "Journal"),
    C_("report column", "Rest"), C_("report column", "Activity"),
    C_("report column", "Morning"), C_("report column", "Runs"),
    C_("report column", "Distance"), C_("report column", "Change"),
    C_("report column", "Exercise"), C_("report column", "Icing"),
  };

  add_heading (self, _("Week by week"));
  add_text (self, _("Average pain (0–10) on the days noted; distance of the whole week and its "
                    "change on the week before; sessions done."),
            SMALL_FONT, 1, 0);
  add_row (self, header, G_N_ELEMENTS (header), TRUE);

  for (guint w = 0; w < report->weeks->len; w++)
    {
      const PatellaReportWeek *week = &g_array_index (report->weeks, PatellaReportWeek, w);
      g_autofree char *journal = g_strdup_printf ("%u/%u", week->n_entries, week->n_days);
      g_autofree char *rest = format_pain (week->rest);
      g_autofree char *activity = format_pain (week->activity);
      g_autofree char *morning = format_pain (week->morning);
      g_autofree char *runs = g_strdup_printf ("%u", week->runs);
      g_autofree char *distance = format_distance (report, week->distance_m);
      g_autofree char *change = week->has_change ? g_strdup_printf ("%+d %%", week->change_percent)
                                                 : g_strdup ("–");
      g_autofree char *exercise = g_strdup_printf ("%u/%u", week->exercise, report->exercise_goal);
      g_autofree char *icing = g_strdup_printf ("%u", week->icing);
      const char *cells[] = {
        week->start, journal, rest, activity, morning, runs, distance, change, exercise, icing,
      };

      add_row (self, cells, G_N_ELEMENTS (cells), FALSE);
    }
}

static void
add_symptoms (PatellaReportLayout *self)
{
  const PatellaReport *report = self->report;

  add_heading (self, _("Red flags and symptoms"));
  if (report->symptoms->len == 0)
    {
      add_text (self, _("No symptoms were noted in this period."), BODY_FONT, 2, 0);
      return;
    }

  for (guint i = 0; i < report->symptoms->len; i++)
    {
      const PatellaReportSymptom *symptom = g_ptr_array_index (report->symptoms, i);
      g_autofree char *days = NULL;
      g_autofree char *line = NULL;

      if (symptom->days->len <= SYMPTOM_MAX_DAYS)
        {
          g_autoptr(GString) list = g_string_new (NULL);

          for (guint k = 0; k < symptom->days->len; k++)
            g_string_append_printf (list, "%s%s", k > 0 ? ", " : "",
                                    (const char *) g_ptr_array_index (symptom->days, k));
          days = g_string_free (g_steal_pointer (&list), FALSE);
        }
      else
        {
          /* Translators: days a symptom was noted on, the first and the last */
          days = g_strdup_printf (_("on %u days, from %s to %s"), symptom->days->len,
                                  (const char *) g_ptr_array_index (symptom->days, 0),
                                  (const char *) g_ptr_array_index (symptom->days,
                                                                    symptom->days->len - 1));
        }

      if (symptom->red_flag)
        /* Translators: a symptom, then its days */
        line = g_markup_printf_escaped (_("<b>%s (red flag)</b>: %s"), symptom->label, days);
      else
        /* Translators: a symptom, then its days */
        line = g_markup_printf_escaped (_("%s: %s"), symptom->label, days);
      add_bullet (self, line);
    }
}

static void
add_advice (PatellaReportLayout *self)
{
  const PatellaReport *report = self->report;

  add_heading (self, _("Advice the app gave"));
  if (report->advice->len == 0)
    {
      add_text (self, _("No advice was given in this period."), BODY_FONT, 2, 0);
      return;
    }

  for (guint i = 0; i < report->advice->len; i++)
    {
      const PatellaReportAdvice *advice = g_ptr_array_index (report->advice, i);
      const char *how_soon = patella_urgency_get_label (advice->rule->urgency);
      g_autofree char *urgency = NULL;
      g_autofree char *when = NULL;
      g_autofree char *line = NULL;

      if (advice->rule->kind != PATELLA_ADVICE_SEE_CLINICIAN)
        urgency = g_strdup (_("Ease off"));
      else if (how_soon != NULL)
        /* Translators: "See a clinician (Within days)": how soon, in words */
        urgency = g_strdup_printf (_("See a clinician (%s)"), how_soon);
      else
        urgency = g_strdup (_("See a clinician"));

      if (advice->n_days == 1)
        /* Translators: the one day a piece of advice was given */
        when = g_strdup_printf (_("on %s"), advice->first);
      else
        /* Translators: the days a piece of advice was given, the first and the last */
        when = g_strdup_printf (ngettext ("on %u day, from %s to %s", "on %u days, from %s to %s",
                                          advice->n_days),
                                advice->n_days, advice->first, advice->last);

      /* Translators: the urgency ("See a clinician"), the advice, when it was given */
      line = g_markup_printf_escaped (_("<b>%s</b>: %s (%s)"), urgency,
                                      patella_advice_rule_get_text (advice->rule), when);
      add_bullet (self, line);
    }
}

static void
add_load (PatellaReportLayout *self)
{
  const PatellaReport *report = self->report;

  add_heading (self, _("Running load"));
  if (report->n_runs == 0)
    {
      add_text (self, _("No runs were logged in this period."), BODY_FONT, 2, 0);
    }
  else
    {
      g_autofree char *total = format_distance (report, report->distance_m);
      g_autofree char *longest = format_distance (report, report->longest_m);
      g_autofree char *line = NULL;
      g_autoptr(GString) shoes = g_string_new (NULL);

      /* Translators: the number of runs, their distance, the longest run and its day */
      line = g_strdup_printf (ngettext ("%u run, %s in all; the longest %s on %s.",
                                        "%u runs, %s in all; the longest %s on %s.",
                                        report->n_runs),
                              report->n_runs, total, longest, report->longest_day);
      add_text (self, line, BODY_FONT, 2, 0);
      if (report->n_cadence > 0)
        {
          g_autofree char *cadence = NULL;

          /* Translators: steps per minute on average, then the runs it is known for */
          cadence = g_strdup_printf (ngettext ("Step rate: %.0f steps per minute on average, "
                                               "known for %u run.",
                                               "Step rate: %.0f steps per minute on average, "
                                               "known for %u runs.", report->n_cadence),
                                     report->cadence_spm, report->n_cadence);
          add_text (self, cadence, BODY_FONT, 1.5, 0);
        }
      else
        {
          add_text (self, _("Step rate (cadence) is not recorded."), BODY_FONT, 1.5, 0);
        }

      for (guint i = 0; i < report->shoes->len; i++)
        {
          const PatellaReportShoe *shoe = g_ptr_array_index (report->shoes, i);
          g_autofree char *distance = format_distance (report, shoe->distance_m);

          if (shoes->len > 0)
            g_string_append (shoes, " · ");
          /* Translators: a pair of shoes, the distance run in it, the number of runs */
          g_string_append_printf (shoes, ngettext ("%s: %s (%u run)", "%s: %s (%u runs)",
                                                   shoe->runs),
                                  shoe->name != NULL ? shoe->name : _("without shoes noted"),
                                  distance, shoe->runs);
        }
      {
        /* Translators: the distance in each pair of shoes */
        g_autofree char *per_shoe = g_strdup_printf (_("Distance per pair of shoes: %s."),
                                                     shoes->str);

        add_text (self, per_shoe, BODY_FONT, 1.5, 0);
      }
    }

  if (report->load_warnings->len == 0)
    {
      /* xgettext:no-c-format */
      add_text (self, _("Load checks: none fired (weekly distance more than 10% above the week "
                        "before; a run longer than 110% of the longest in the 30 days before)."),
                BODY_FONT, 1.5, 0);
      return;
    }

  add_text (self, _("Load checks that fired:"), BODY_FONT, 1.5, 0);
  for (guint i = 0; i < report->load_warnings->len; i++)
    {
      const PatellaLoadWarning *warning = g_ptr_array_index (report->load_warnings, i);
      g_autofree char *day = NULL;
      g_autofree char *line = NULL;
      char text[11];

      g_snprintf (text, sizeof text, "%04u-%02u-%02u", g_date_get_year (&warning->day),
                  g_date_get_month (&warning->day), g_date_get_day (&warning->day));
      day = g_markup_escape_text (text, -1);
      line = g_markup_printf_escaped ("<b>%s</b>: %s", day, warning->message);
      add_bullet (self, line);
    }
}

static void
add_treatment (PatellaReportLayout *self)
{
  const PatellaReport *report = self->report;
  g_autofree char *icing = NULL;
  g_autofree char *exercise = NULL;

  add_heading (self, _("Treatment"));
  /* Translators: icing sessions, the daily goal, the days it was met, the days of the period */
  icing = g_strdup_printf (ngettext ("Icing: %u session; the goal of %u a day was met on %u of "
                                     "%u days.",
                                     "Icing: %u sessions; the goal of %u a day was met on %u of "
                                     "%u days.", report->icing),
                           report->icing, report->ice_goal, report->ice_goal_days, report->n_days);
  add_text (self, icing, BODY_FONT, 2, 0);

  if (report->n_whole_weeks > 0)
    /* Translators: exercise sessions, the weekly goal, the weeks it was met, the whole weeks */
    exercise = g_strdup_printf (ngettext ("Exercise: %u session; the goal of %u a week was met "
                                          "in %u of %u whole weeks.",
                                          "Exercise: %u sessions; the goal of %u a week was met "
                                          "in %u of %u whole weeks.", report->exercise),
                                report->exercise, report->exercise_goal,
                                report->exercise_goal_weeks, report->n_whole_weeks);
  else
    /* Translators: exercise sessions, the weekly goal */
    exercise = g_strdup_printf (ngettext ("Exercise: %u session (the goal is %u a week).",
                                          "Exercise: %u sessions (the goal is %u a week).",
                                          report->exercise),
                                report->exercise, report->exercise_goal);
  add_text (self, exercise, BODY_FONT, 1.5, 0);
}

static void
add_insights (PatellaReportLayout *self)
{
  const PatellaReport *report = self->report;

  add_heading (self, _("What the entries show"));
  if (report->insights->len == 0)
    {
      add_text (self, _("No comparison has enough entries yet: each needs at least 3 days on "
                        "each side."), BODY_FONT, 2, 0);
      return;
    }

  for (guint i = 0; i < report->insights->len; i++)
    {
      const PatellaInsight *insight = g_ptr_array_index (report->insights, i);
      g_autofree char *line = g_markup_escape_text (insight->text, -1);

      add_bullet (self, line);
    }
  add_text (self, patella_insights_get_caveat (), SMALL_FONT, 1.5, 0);
}

static void
add_notes (PatellaReportLayout *self)
{
  const PatellaReport *report = self->report;

  if (report->notes == NULL)
    return;

  add_heading (self, _("Notes"));
  if (report->notes->len == 0)
    {
      add_text (self, _("No notes in this period."), BODY_FONT, 2, 0);
      return;
    }

  for (guint i = 0; i < report->notes->len; i++)
    {
      const PatellaReportNote *note = g_ptr_array_index (report->notes, i);
      g_autofree char *text = NULL;
      g_autofree char *line = NULL;
      Block *block;

      if (g_utf8_strlen (note->note, -1) > NOTE_MAX_CHARS)
        {
          g_autofree char *cut = g_utf8_substring (note->note, 0, NOTE_MAX_CHARS);

          /* Translators: a note cut short, "…" then a remark */
          text = g_strdup_printf (_("%s… (shortened)"), cut);
        }
      else
        {
          text = g_strdup (note->note);
        }

      line = g_markup_printf_escaped ("<b>%s</b>  %s", note->day, text);
      block = add_markup (self, line, BODY_FONT, 2, 0);
      /* The day stays first; a right-to-left note is still set right to left. */
      pango_layout_set_auto_dir (block->layout, FALSE);
    }
}

static void
paginate (PatellaReportLayout *self)
{
  double top = self->margin;
  double bottom = self->height - self->margin - FOOTER_SPACE;
  double y = top;
  guint page = 0;

  for (guint i = 0; i < self->blocks->len; i++)
    {
      Block *block = &g_array_index (self->blocks, Block, i);
      double needed = block->space_before + block->height;

      /* A heading goes with what follows it. */
      if (block->keep_with_next && i + 1 < self->blocks->len)
        needed += g_array_index (self->blocks, Block, i + 1).height + 2;

      if (y + needed > bottom && y > top)
        {
          page++;
          y = top;
        }
      if (y > top)
        y += block->space_before;

      block->page = page;
      block->y = y;
      y += block->height;
    }

  self->n_pages = page + 1;
}

/**
 * patella_report_layout_new:
 * @report: the report; it must outlive the layout
 * @cr: a context on the surface the report will be drawn on, for measuring
 * @width: the page, in points
 * @height: the page, in points
 * @margin: around the page's text, in points
 *
 * Returns: (transfer full): the report laid out on pages
 */
PatellaReportLayout *
patella_report_layout_new (const PatellaReport *report,
                           cairo_t             *cr,
                           double               width,
                           double               height,
                           double               margin)
{
  PatellaReportLayout *self = g_new0 (PatellaReportLayout, 1);

  g_return_val_if_fail (report != NULL, NULL);
  g_return_val_if_fail (cr != NULL, NULL);

  self->report = report;
  self->width = width;
  self->height = height;
  self->margin = margin;
  self->context = pango_cairo_create_context (cr);
  pango_cairo_context_set_resolution (self->context, 72.0);
  self->blocks = g_array_new (FALSE, TRUE, sizeof (Block));
  g_array_set_clear_func (self->blocks, (GDestroyNotify) block_clear);

  add_header (self);
  add_pain (self);
  add_weeks (self);
  add_symptoms (self);
  add_advice (self);
  add_load (self);
  add_treatment (self);
  add_insights (self);
  add_notes (self);
  add_text (self, patella_report_get_disclaimer (), BODY_FONT, 10, 0);

  paginate (self);
  return self;
}

guint
patella_report_layout_get_n_pages (PatellaReportLayout *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_pages;
}

void
patella_report_layout_free (PatellaReportLayout *self)
{
  if (self == NULL)
    return;

  g_array_unref (self->blocks);
  g_object_unref (self->context);
  g_free (self);
}

static void
show_text (PatellaReportLayout *self,
           cairo_t             *cr,
           const char          *text,
           double               x,
           double               y,
           double               align)
{
  g_autoptr(PangoLayout) layout = new_layout (self, SMALL_FONT, -1);
  int width;
  int height;

  pango_layout_set_text (layout, text, -1);
  pango_layout_get_pixel_size (layout, &width, &height);
  cairo_move_to (cr, x - width * align, y - height / 2.0);
  pango_cairo_show_layout (cr, layout);
}

typedef enum
{
  MARK_CIRCLE,
  MARK_SQUARE,
  MARK_TRIANGLE,
} Mark;

static void
draw_mark (cairo_t *cr,
           Mark     mark,
           double   x,
           double   y,
           double   size)
{
  cairo_save (cr);
  cairo_set_dash (cr, NULL, 0, 0);
  cairo_new_sub_path (cr);
  switch (mark)
    {
    case MARK_CIRCLE:
      cairo_arc (cr, x, y, size / 2, 0, 2 * G_PI);
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_fill_preserve (cr);
      cairo_set_source_rgb (cr, 0, 0, 0);
      break;
    case MARK_SQUARE:
      cairo_rectangle (cr, x - size / 2, y - size / 2, size, size);
      cairo_set_source_rgb (cr, 0, 0, 0);
      cairo_fill_preserve (cr);
      break;
    case MARK_TRIANGLE:
    default:
      cairo_move_to (cr, x, y - size / 1.6);
      cairo_line_to (cr, x + size / 1.8, y + size / 2.2);
      cairo_line_to (cr, x - size / 1.8, y + size / 2.2);
      cairo_close_path (cr);
      cairo_set_source_rgb (cr, 0.55, 0.55, 0.55);
      cairo_fill_preserve (cr);
      cairo_set_source_rgb (cr, 0, 0, 0);
      break;
    }
  cairo_set_line_width (cr, 0.6);
  cairo_stroke (cr);
  cairo_restore (cr);
}

static void
set_series_style (cairo_t *cr,
                  guint    series)
{
  static const double dashed[] = { 3.0, 2.0 };
  static const double dotted[] = { 0.6, 1.8 };

  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  switch (series)
    {
    case 0:
      cairo_set_line_width (cr, 1.3);
      cairo_set_dash (cr, NULL, 0, 0);
      break;
    case 1:
      cairo_set_line_width (cr, 1.0);
      cairo_set_dash (cr, dashed, G_N_ELEMENTS (dashed), 0);
      break;
    default:
      cairo_set_line_width (cr, 1.2);
      cairo_set_dash (cr, dotted, G_N_ELEMENTS (dotted), 0);
      break;
    }
}

static int
series_value (const PatellaReportDay *day,
              guint                   series)
{
  return series == 0 ? day->pain_rest : series == 1 ? day->pain_activity : day->pain_morning;
}

static void
draw_chart (PatellaReportLayout *self,
            cairo_t             *cr,
            double               top)
{
  const PatellaReport *report = self->report;
  const char *labels[] = {
    _("at rest"), _("during activity"), _("the next morning"),
  };
  double left = self->margin + 24;
  double right = self->width - self->margin - 4;
  double plot_top = top + 4;
  double plot_height = 96;
  double plot_bottom = plot_top + plot_height;
  double strip_top = plot_bottom + 25;
  double strip_height = 20;
  double exercise_y = strip_top + strip_height + 7;
  double legend_y = exercise_y + 14;
  double step = (right - left) / report->n_days;
  guint max_icing = report->ice_goal;
  gboolean marks = report->n_days <= 92;

#define X(i) (left + ((i) + 0.5) * step)
#define Y(p) (plot_bottom - (p) / 10.0 * plot_height)

  cairo_save (cr);

  /* The zones of pain during activity, in two greys, labelled. */
  cairo_set_source_rgb (cr, 0.93, 0.93, 0.93);
  cairo_rectangle (cr, left, Y (5.5), right - left, Y (2.5) - Y (5.5));
  cairo_fill (cr);
  cairo_set_source_rgb (cr, 0.85, 0.85, 0.85);
  cairo_rectangle (cr, left, Y (10.0), right - left, Y (5.5) - Y (10.0));
  cairo_fill (cr);
  cairo_set_source_rgb (cr, 0.3, 0.3, 0.3);
  show_text (self, cr, _("too much during activity (above 5)"), right - 3, Y (9.2), 1.0);
  show_text (self, cr, _("acceptable during activity (3–5)"), right - 3, Y (4.6), 1.0);

  /* Axes and grid. */
  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_set_line_width (cr, 0.5);
  cairo_rectangle (cr, left, plot_top, right - left, plot_height);
  cairo_stroke (cr);
  for (int p = 0; p <= 10; p += 2)
    {
      char text[4];

      g_snprintf (text, sizeof text, "%d", p);
      show_text (self, cr, text, left - 4, Y (p), 1.0);
    }

  /* Day labels: weeks for short periods, months for long ones. */
  for (guint i = 0; i < report->n_days; i++)
    {
      const char *day = g_array_index (report->days, PatellaReportDay, i).day;
      gboolean label;
      char text[11];

      if (report->n_days <= 70)
        label = i % 7 == 0;
      else if (report->n_days <= 400)
        label = g_str_has_suffix (day, "-01");
      else
        label = g_str_has_suffix (day, "-01-01") || g_str_has_suffix (day, "-07-01");

      if (!label)
        continue;

      if (report->n_days <= 70)
        g_strlcpy (text, day + 5, sizeof text);    /* MM-DD */
      else
        g_strlcpy (text, day, 8);                  /* YYYY-MM */
      cairo_set_source_rgb (cr, 0, 0, 0);
      cairo_move_to (cr, X (i), plot_bottom);
      cairo_line_to (cr, X (i), plot_bottom + 2.5);
      cairo_set_line_width (cr, 0.5);
      cairo_stroke (cr);
      show_text (self, cr, text, X (i), plot_bottom + 8, 0.5);
    }

  /* The three ratings: solid, dashed, dotted; circles, squares, triangles.
   * Past three months, days are too narrow to read: weekly averages. */
  for (guint s = 0; s < 3; s++)
    {
      g_autoptr(GArray) points = g_array_new (FALSE, FALSE, sizeof (double) * 2);

      if (marks)
        {
          for (guint i = 0; i < report->n_days; i++)
            {
              int v = series_value (&g_array_index (report->days, PatellaReportDay, i), s);
              double point[2] = { X (i), v == PATELLA_PAIN_NONE ? -1 : v };

              g_array_append_val (points, point);
            }
        }
      else
        {
          for (guint w = 0; w < report->weeks->len; w++)
            {
              const PatellaReportWeek *week = &g_array_index (report->weeks, PatellaReportWeek, w);
              int first = MAX (0, patella_day_diff (report->from, week->start));
              double v = s == 0 ? week->rest : s == 1 ? week->activity : week->morning;
              double point[2] = { X (first + (week->n_days - 1) / 2.0), v };

              if (week->n_days > 0)
                g_array_append_val (points, point);
            }
        }

      set_series_style (cr, s);
      for (guint i = 1; i < points->len; i++)
        {
          const double *a = &g_array_index (points, double, 2 * (i - 1));
          const double *b = &g_array_index (points, double, 2 * i);

          if (a[1] < 0 || b[1] < 0)
            continue;
          cairo_move_to (cr, a[0], Y (a[1]));
          cairo_line_to (cr, b[0], Y (b[1]));
        }
      cairo_stroke (cr);

      for (guint i = 0; i < points->len; i++)
        {
          const double *p = &g_array_index (points, double, 2 * i);

          if (p[1] >= 0)
            draw_mark (cr, (Mark) s, p[0], Y (p[1]), marks ? 3.6 : 2.6);
        }
    }
  cairo_set_dash (cr, NULL, 0, 0);

  /* Icing sessions per day, against the goal. */
  for (guint i = 0; i < report->n_days; i++)
    max_icing = MAX (max_icing, g_array_index (report->days, PatellaReportDay, i).icing);

  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_set_line_width (cr, 0.5);
  cairo_move_to (cr, left, strip_top + strip_height);
  cairo_line_to (cr, right, strip_top + strip_height);
  cairo_stroke (cr);
  for (guint i = 0; i < report->n_days; i++)
    {
      guint icing = g_array_index (report->days, PatellaReportDay, i).icing;
      double h = strip_height * icing / max_icing;

      if (icing == 0)
        continue;
      cairo_set_source_rgb (cr, 0.6, 0.6, 0.6);
      cairo_rectangle (cr, X (i) - step * 0.35, strip_top + strip_height - h, step * 0.7, h);
      cairo_fill_preserve (cr);
      cairo_set_source_rgb (cr, 0, 0, 0);
      cairo_set_line_width (cr, 0.3);
      cairo_stroke (cr);
    }
  {
    static const double goal_dash[] = { 1.5, 1.5 };
    double goal_y = strip_top + strip_height - strip_height * report->ice_goal / max_icing;
    g_autofree char *goal = NULL;

    cairo_set_dash (cr, goal_dash, G_N_ELEMENTS (goal_dash), 0);
    cairo_set_line_width (cr, 0.5);
    cairo_move_to (cr, left, goal_y);
    cairo_line_to (cr, right, goal_y);
    cairo_stroke (cr);
    cairo_set_dash (cr, NULL, 0, 0);
    /* Translators: the label of the icing strip; %u is the daily goal */
    goal = g_strdup_printf (_("icing a day (goal %u)"), report->ice_goal);
    show_text (self, cr, goal, left + 2, strip_top - 5, 0.0);
  }

  /* Exercise sessions: a diamond on each day with one. */
  show_text (self, cr, _("exercise"), left - 4, exercise_y, 1.0);
  for (guint i = 0; i < report->n_days; i++)
    {
      if (g_array_index (report->days, PatellaReportDay, i).exercise == 0)
        continue;
      cairo_move_to (cr, X (i), exercise_y - 2.5);
      cairo_line_to (cr, X (i) + 2.5, exercise_y);
      cairo_line_to (cr, X (i), exercise_y + 2.5);
      cairo_line_to (cr, X (i) - 2.5, exercise_y);
      cairo_close_path (cr);
      cairo_fill (cr);
    }

  /* The legend: each line style with its mark and its name. */
  {
    double x = left;

    for (guint s = 0; s < 3; s++)
      {
        g_autoptr(PangoLayout) layout = new_layout (self, SMALL_FONT, -1);
        int width;
        int height;

        set_series_style (cr, s);
        cairo_move_to (cr, x, legend_y);
        cairo_line_to (cr, x + 18, legend_y);
        cairo_stroke (cr);
        draw_mark (cr, (Mark) s, x + 9, legend_y, 3.6);
        pango_layout_set_text (layout, labels[s], -1);
        pango_layout_get_pixel_size (layout, &width, &height);
        cairo_set_source_rgb (cr, 0, 0, 0);
        cairo_move_to (cr, x + 22, legend_y - height / 2.0);
        pango_cairo_show_layout (cr, layout);
        x += 22 + width + 14;
      }
    cairo_set_dash (cr, NULL, 0, 0);
    show_text (self, cr, marks ? _("pain, 0–10, each day") : _("pain, 0–10, weekly averages"),
               right, legend_y, 1.0);
  }

#undef X
#undef Y

  cairo_restore (cr);
}

/**
 * patella_report_layout_draw_page:
 * @cr: where to draw, in points, with the page's top left at 0, 0
 * @page: 0-based
 */
void
patella_report_layout_draw_page (PatellaReportLayout *self,
                                 cairo_t             *cr,
                                 guint                page)
{
  g_autofree char *footer = NULL;

  g_return_if_fail (self != NULL);
  g_return_if_fail (page < self->n_pages);

  pango_cairo_update_context (cr, self->context);
  cairo_set_source_rgb (cr, 0, 0, 0);

  for (guint i = 0; i < self->blocks->len; i++)
    {
      Block *block = &g_array_index (self->blocks, Block, i);

      if (block->page != page)
        continue;

      if (block->kind == BLOCK_CHART)
        {
          draw_chart (self, cr, block->y);
          continue;
        }

      cairo_set_source_rgb (cr, 0, 0, 0);
      cairo_move_to (cr, self->margin + block->indent, block->y);
      pango_cairo_show_layout (cr, block->layout);
    }

  /* Translators: the footer: the report's title, its period, the page and the pages */
  footer = g_strdup_printf (_("%s · %s to %s · page %u of %u"), self->report->title,
                            self->report->from, self->report->to, page + 1, self->n_pages);
  {
    g_autoptr(PangoLayout) layout = new_layout (self, SMALL_FONT, content_width (self));

    pango_layout_set_text (layout, footer, -1);
    pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
    cairo_set_source_rgb (cr, 0.25, 0.25, 0.25);
    cairo_move_to (cr, self->margin, self->height - self->margin - 8);
    pango_cairo_show_layout (cr, layout);
  }
}

static cairo_status_t
write_cb (void                *closure,
          const unsigned char *data,
          unsigned int         length)
{
  return fwrite (data, 1, length, closure) == length ? CAIRO_STATUS_SUCCESS
                                                     : CAIRO_STATUS_WRITE_ERROR;
}

static gboolean
set_io_error (GError     **error,
              int          saved_errno,
              const char  *path)
{
  g_set_error (error, PATELLA_ERROR, PATELLA_ERROR_IO,
               /* Translators: a file name, then why it could not be written */
               _("Could not write the report to “%s”: %s"), path, g_strerror (saved_errno));
  return FALSE;
}

/**
 * patella_report_write_pdf:
 * @path: where to write; the file is readable by its owner only (0600)
 * @replace: whether an existing file may be replaced
 * @n_pages: (out) (optional): the pages written
 *
 * Writes the report as a PDF on the locale's paper. The file appears whole
 * or not at all: it is written beside @path first, then renamed.
 */
gboolean
patella_report_write_pdf (const PatellaReport  *report,
                          const char           *path,
                          gboolean              replace,
                          guint                *n_pages,
                          GError              **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *tmp = NULL;
  g_autoptr(PatellaReportLayout) layout = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  FILE *stream;
  double width;
  double height;
  int fd;
  int saved_errno;

  g_return_val_if_fail (report != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    return set_io_error (error, EISDIR, path);

  if (!replace && g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, PATELLA_ERROR, PATELLA_ERROR_INVALID,
                   _("“%s” exists already; choose another name or replace it"), path);
      return FALSE;
    }

  dir = g_path_get_dirname (path);
  tmp = g_build_filename (dir, ".patella-report-XXXXXX", NULL);
  fd = g_mkstemp_full (tmp, O_RDWR | O_CLOEXEC, 0600);
  if (fd < 0)
    return set_io_error (error, errno, path);

  stream = fdopen (fd, "wb");
  if (stream == NULL)
    {
      saved_errno = errno;
      close (fd);
      g_unlink (tmp);
      return set_io_error (error, saved_errno, path);
    }

  patella_report_get_paper_size (&width, &height);
  surface = cairo_pdf_surface_create_for_stream (write_cb, stream, width, height);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, report->title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Patella");
  cr = cairo_create (surface);

  layout = patella_report_layout_new (report, cr, width, height, 42.0);
  if (n_pages != NULL)
    *n_pages = patella_report_layout_get_n_pages (layout);
  for (guint page = 0; page < patella_report_layout_get_n_pages (layout); page++)
    {
      patella_report_layout_draw_page (layout, cr, page);
      cairo_show_page (cr);
    }

  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  saved_errno = ENOSPC;
  if (status == CAIRO_STATUS_SUCCESS && fflush (stream) == 0 && fsync (fileno (stream)) == 0)
    saved_errno = 0;
  else if (status == CAIRO_STATUS_SUCCESS)
    saved_errno = errno;

  if (fclose (stream) != 0 && saved_errno == 0)
    saved_errno = errno;

  if (saved_errno == 0 && g_rename (tmp, path) != 0)
    saved_errno = errno;

  if (saved_errno != 0)
    {
      g_unlink (tmp);
      return set_io_error (error, saved_errno, path);
    }

  return TRUE;
}
