/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <sqlite3.h>

#include "patella-application.h"
#include "patella-journal.h"
#include "patella-journal-editor.h"
#include "patella-journal-form.h"
#include "patella-journal-history.h"
#include "patella-journal-page.h"
#include "patella-pickers.h"
#include "patella-journal-row.h"
#include "patella-pain-chart.h"
#include "patella-test-utils.h"
#include "patella-window.h"
#include "patella-test-db.h"
#include "patella-test-gui.h"
#include "patella-test-journal.h"

typedef PatellaAppFixture Fixture;

/* One registered application for the whole run, as in test-window.c. */
static PatellaApplication *test_app;


static PatellaJournalPage *
get_page (PatellaWindow *window)
{
  return PATELLA_JOURNAL_PAGE (find_by_type (GTK_WIDGET (window), PATELLA_TYPE_JOURNAL_PAGE));
}

static const char *
visible_page_name (PatellaJournalPage *page)
{
  return gtk_stack_get_visible_child_name (GTK_STACK (adw_bin_get_child (ADW_BIN (page))));
}

static char *
get_today (Fixture *fixture)
{
  return patella_clock_get_today (patella_context_get_clock (patella_application_get_context (fixture->app)));
}

static void
test_today_saved_and_shown_again (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_autofree char *today = get_today (fixture);
  g_autofree char *pain = NULL;
  g_autofree char *note = NULL;
  g_autofree char *symptom = NULL;
  PatellaWindow *window = patella_app_fixture_open_window (fixture);
  PatellaJournalPage *page = get_page (window);
  GtkTextBuffer *buffer;
  GtkTextIter start;
  GtkTextIter end;
  g_autofree char *shown_note = NULL;

  /* A first-time user is welcomed, and starts from there. */
  g_assert_cmpstr (visible_page_name (page), ==, "welcome");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "journal.start", NULL));
  flush_events ();
  g_assert_cmpstr (visible_page_name (page), ==, "journal");
  g_assert_cmpstr (patella_journal_page_get_day (page), ==, today);

  /* Pain at rest is rated by turning its switch on, as the other two. */
  g_assert_false (gtk_switch_get_active (get_by_label (GTK_WIDGET (page), GTK_TYPE_SWITCH, "Rate pain at rest")));
  gtk_switch_set_active (get_by_label (GTK_WIDGET (page), GTK_TYPE_SWITCH, "Rate pain at rest"), TRUE);
  gtk_range_set_value (GTK_RANGE (get_by_label (GTK_WIDGET (page), GTK_TYPE_SCALE, "Pain at rest")), 7);
  /* The zones are for pain during activity, not at rest. */
  g_assert_cmpstr (gtk_label_get_text (journal_meaning (page, "Pain at rest")), ==, "");

  /* Saved within a second of the change, with nothing else done. */
  wait_ms (900);
  pain = patella_test_db_query_text (fixture->db,
                                     "SELECT pain_rest FROM journal_entry WHERE day = ?;", today);
  g_assert_cmpstr (pain, ==, "7");

  /* Typed, then the window closed at once: saved on close. */
  buffer = gtk_text_view_get_buffer (get_by_label (GTK_WIDGET (page), GTK_TYPE_TEXT_VIEW, "Notes"));
  gtk_text_buffer_set_text (buffer, "Stairs were hard; \"iced\" after", -1);
  gtk_switch_set_active (get_by_label (GTK_WIDGET (page), GTK_TYPE_SWITCH, "Rate pain during activity"), TRUE);
  gtk_range_set_value (GTK_RANGE (get_by_label (GTK_WIDGET (page), GTK_TYPE_SCALE, "Pain during activity")), 4);
  gtk_window_close (GTK_WINDOW (window));
  flush_events ();

  note = patella_test_db_query_text (fixture->db,
                                     "SELECT note FROM journal_entry WHERE day = ?;", today);
  g_assert_cmpstr (note, ==, "Stairs were hard; \"iced\" after");
  symptom = patella_test_db_query_text (fixture->db,
                                        "SELECT pain_activity FROM journal_entry WHERE day = ?;",
                        today);
  g_assert_cmpstr (symptom, ==, "4");

  /* A new window shows it all. */
  window = patella_app_fixture_open_window (fixture);
  page = get_page (window);
  g_assert_cmpstr (visible_page_name (page), ==, "journal");
  g_assert_true (gtk_switch_get_active (get_by_label (GTK_WIDGET (page), GTK_TYPE_SWITCH, "Rate pain at rest")));
  g_assert_cmpfloat (gtk_range_get_value (GTK_RANGE (get_by_label (GTK_WIDGET (page), GTK_TYPE_SCALE, "Pain at rest"))), ==, 7);
  g_assert_true (gtk_switch_get_active (get_by_label (GTK_WIDGET (page), GTK_TYPE_SWITCH, "Rate pain during activity")));
  g_assert_cmpfloat (gtk_range_get_value (GTK_RANGE (get_by_label (GTK_WIDGET (page), GTK_TYPE_SCALE, "Pain during activity"))), ==, 4);
  g_assert_false (gtk_switch_get_active (get_by_label (GTK_WIDGET (page), GTK_TYPE_SWITCH, "Rate pain the next morning")));
  g_assert_cmpstr (gtk_label_get_text (journal_meaning (page, "Pain the next morning")), ==, "Not rated");
  buffer = gtk_text_view_get_buffer (get_by_label (GTK_WIDGET (page), GTK_TYPE_TEXT_VIEW, "Notes"));
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  shown_note = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  g_assert_cmpstr (shown_note, ==, "Stairs were hard; \"iced\" after");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (patella_journal_page_get_model (page))),
                    ==, 1);
}

/* On a wide window the editor and the history share the width between them:
 * neither keeps to its narrow minimum and leaves the rest empty. */
static void
test_wide_window_is_filled (Fixture       *fixture,
                            gconstpointer  data)
{
  PatellaWindow *window = patella_window_new (fixture->app);
  GtkWidget *editor;
  GtkWidget *history;

  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 720);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (get_page (window)), "journal.start", NULL));
  flush_events ();

  editor = find_by_type (GTK_WIDGET (window), PATELLA_TYPE_JOURNAL_EDITOR);
  history = find_by_type (GTK_WIDGET (window), PATELLA_TYPE_JOURNAL_HISTORY);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), >=, 900);
  g_assert_cmpint (gtk_widget_get_width (editor), >, 400);
  g_assert_cmpint (gtk_widget_get_width (history), >, 400);
}

/* Where @widget stands in @window, in pixels from the top. */
static double
top_of (GtkWidget *widget,
        GtkWidget *window)
{
  graphene_point_t origin = GRAPHENE_POINT_INIT (0, 0);
  graphene_point_t point;

  g_assert_true (gtk_widget_compute_point (widget, window, &origin, &point));
  return point.y;
}

/* Nothing above what the user edits moves while they edit it: on a phone,
 * the save state under the day's title keeps one line whether it says
 * "not written yet", "saving" or "saved". */
static void
test_fields_stay_put (Fixture       *fixture,
                      gconstpointer  data)
{
  PatellaWindow *window = patella_window_new (fixture->app);
  GtkWidget *form;
  GtkWidget *rest;
  double before;

  gtk_window_set_default_size (GTK_WINDOW (window), 360, 720);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (get_page (window)), "journal.start", NULL));
  flush_events ();
  form = find_by_type (GTK_WIDGET (window), PATELLA_TYPE_JOURNAL_FORM);
  g_assert_nonnull (form);
  rest = get_by_label (form, GTK_TYPE_SWITCH, "Rate pain at rest");
  gtk_widget_grab_focus (rest);
  /* The welcome banner above slides in at the first start: let it. */
  wait_ms (1000);
  before = top_of (rest, GTK_WIDGET (window));

  /* As a click or Space does, the focus on it. */
  gtk_switch_set_active (GTK_SWITCH (rest), TRUE);
  flush_events ();
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (rest)));
  g_assert_cmpfloat (top_of (rest, GTK_WIDGET (window)), ==, before);
  wait_ms (1200);
  g_assert_cmpfloat (top_of (rest, GTK_WIDGET (window)), ==, before);
}

/* Enter in the search opens the first day found, at once. */
static void
test_search_enter_opens_day (Fixture       *fixture,
                             gconstpointer  data)
{
  PatellaJournalPage *page = get_page (patella_app_fixture_open_window (fixture));
  GtkWidget *search;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "journal.search", NULL));
  search = get_by_label (GTK_WIDGET (page), GTK_TYPE_SEARCH_ENTRY, "Search notes and symptoms");
  gtk_editable_set_text (GTK_EDITABLE (search), "stairs");
  g_signal_emit_by_name (search, "activate");
  flush_events ();
  g_assert_cmpstr (patella_journal_page_get_day (page), ==, "2026-03-02");
}

/* The zones label pain during activity only: never pain at rest or in the
 * morning, however high. */
static void
test_meaning_follows_value (Fixture       *fixture,
                            gconstpointer  data)
{
  PatellaJournalPage *page = get_page (patella_app_fixture_open_window (fixture));
  GtkRange *scale = get_by_label (GTK_WIDGET (page), GTK_TYPE_SCALE, "Pain during activity");
  GtkLabel *meaning = journal_meaning (page, "Pain during activity");

  gtk_switch_set_active (get_by_label (GTK_WIDGET (page), GTK_TYPE_SWITCH, "Rate pain at rest"), TRUE);
  gtk_range_set_value (GTK_RANGE (get_by_label (GTK_WIDGET (page), GTK_TYPE_SCALE, "Pain at rest")), 9);
  g_assert_cmpstr (gtk_label_get_text (journal_meaning (page, "Pain at rest")), ==, "");
  gtk_switch_set_active (get_by_label (GTK_WIDGET (page), GTK_TYPE_SWITCH, "Rate pain the next morning"), TRUE);
  gtk_range_set_value (GTK_RANGE (get_by_label (GTK_WIDGET (page), GTK_TYPE_SCALE, "Pain the next morning")), 9);
  g_assert_cmpstr (gtk_label_get_text (journal_meaning (page, "Pain the next morning")), ==, "");
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (journal_meaning (page, "Pain the next morning")), "error"));

  gtk_switch_set_active (get_by_label (GTK_WIDGET (page), GTK_TYPE_SWITCH, "Rate pain during activity"), TRUE);
  gtk_range_set_value (scale, 0);
  g_assert_cmpstr (gtk_label_get_text (meaning), ==, "Safe (0–2)");
  gtk_range_set_value (scale, 3);
  g_assert_cmpstr (gtk_label_get_text (meaning), ==, "Acceptable (3–5)");
  gtk_range_set_value (scale, 5);
  g_assert_cmpstr (gtk_label_get_text (meaning), ==, "Acceptable (3–5)");
  gtk_range_set_value (scale, 6);
  g_assert_cmpstr (gtk_label_get_text (meaning), ==, "Too much (above 5)");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (meaning), "error"));
}

/* Two days with notes, one about stairs. */
#define TWO_NOTES \
  "INSERT INTO journal_entry (day, pain_rest, note, created_us, updated_us) VALUES" \
  " ('2026-03-01', 1, 'easy walk', 1, 1), ('2026-03-02', 3, 'stairs hurt', 2, 2);"

#define HUNDRED_THOUSAND_DAYS \
  "WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 100000)" \
  " INSERT INTO journal_entry (day, pain_rest, note, created_us, updated_us)" \
  " SELECT date ('now', 'localtime', '-' || i || ' days'), i % 11, 'note ' || i, 0, 0 FROM n;"

/* Today's knee hurt more the next morning than at rest: the editor shows
 * the advice, wrapped in full, and "Why?" gives the reason and the source. */
static void
test_advice_shown_with_source (Fixture       *fixture,
                               gconstpointer  data)
{
  PatellaJournalPage *page = get_page (patella_app_fixture_open_window (fixture));
  GtkWidget *group = get_by_label (GTK_WIDGET (page), ADW_TYPE_PREFERENCES_GROUP, "Advice");
  GtkLabel *text;
  GtkWidget *button;
  GtkPopover *popover;
  GtkLabel *why;

  g_assert_true (gtk_widget_get_mapped (group));
  text = find_label (group, "Your knee hurt more this morning than on your usual morning");
  g_assert_nonnull (text);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (text)));
  g_assert_true (gtk_label_get_wrap (text));
  /* Wrapped onto more than one line, none of it cut off. */
  g_assert_cmpint (pango_layout_get_line_count (gtk_label_get_layout (text)), >, 1);
  g_assert_false (pango_layout_is_ellipsized (gtk_label_get_layout (text)));

  button = find_by_type (group, GTK_TYPE_MENU_BUTTON);
  g_assert_nonnull (button);
  popover = popup_until_mapped (GTK_MENU_BUTTON (button));
  why = find_label (gtk_popover_get_child (popover), "Source:");
  g_assert_nonnull (why);
  g_assert_nonnull (strstr (gtk_label_get_text (why), "the load was too high"));
  g_assert_nonnull (strstr (gtk_label_get_text (why), "Evidence: study. Source: Pain-monitoring"));
  gtk_menu_button_popdown (GTK_MENU_BUTTON (button));

  /* Nothing urgent: no banner. */
  g_assert_false (gtk_widget_get_visible (journal_urgent_banner (page)));
}

/* A history row's badge takes a zone's colour only from pain during
 * activity: 8/10 at rest is not "too much load". */
static void
test_row_badge_zones (Fixture       *fixture,
                      gconstpointer  data)
{
  GtkWidget *row = g_object_ref_sink (patella_journal_row_new ());
  g_autoptr(PatellaJournalEntry) rest = patella_journal_entry_new ("2026-03-14");
  g_autoptr(PatellaJournalEntry) activity = patella_journal_entry_new ("2026-03-14");
  GtkWidget *badge;

  patella_journal_entry_set_pain_rest (rest, 8);
  patella_journal_entry_set_pain_activity (rest, 2);
  patella_journal_row_set_entry (PATELLA_JOURNAL_ROW (row), rest);
  badge = find_by_label (row, GTK_TYPE_LABEL, "8");
  g_assert_nonnull (badge);
  g_assert_false (gtk_widget_has_css_class (badge, "error"));
  g_assert_false (gtk_widget_has_css_class (badge, "success"));

  patella_journal_entry_set_pain_rest (activity, 1);
  patella_journal_entry_set_pain_activity (activity, 7);
  patella_journal_row_set_entry (PATELLA_JOURNAL_ROW (row), activity);
  badge = find_by_label (row, GTK_TYPE_LABEL, "7");
  g_assert_nonnull (badge);
  g_assert_true (gtk_widget_has_css_class (badge, "error"));

  g_assert_finalize_object (row);
}

/* A knee that locked today: a banner in the error colour, with an icon and
 * the word "Today", above the rest of the advice; it goes when the day's
 * entry no longer has it. */
static void
test_same_day_advice_first (Fixture       *fixture,
                            gconstpointer  data)
{
  PatellaWindow *window = patella_app_fixture_open_window (fixture);
  PatellaJournalPage *page = get_page (window);
  GtkWidget *banner = journal_urgent_banner (page);
  GtkWidget *group = get_by_label (GTK_WIDGET (page), ADW_TYPE_PREFERENCES_GROUP, "Advice");
  GtkLabel *title = find_label (banner, "Today");
  GtkLabel *locked;
  GtkLabel *outer;
  graphene_point_t banner_at;
  graphene_point_t group_at;
  int min_width;

  g_assert_true (gtk_widget_get_mapped (banner));
  g_assert_true (gtk_widget_has_css_class (banner, "patella-urgent"));
  g_assert_nonnull (title);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (title)));
  g_assert_nonnull (find_by_type (banner, GTK_TYPE_IMAGE));
  locked = find_label (banner, "Your knee locked and cannot straighten");
  g_assert_nonnull (locked);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (locked)));
  g_assert_nonnull (find_by_type (banner, GTK_TYPE_MENU_BUTTON));

  /* Within days: in the list below, not in the banner. */
  g_assert_null (find_label (banner, "outside of the knee"));
  outer = find_label (group, "Pain on the outside of the knee may be another condition");
  g_assert_nonnull (outer);
  g_assert_null (find_label (group, "Your knee locked"));
  g_assert_true (gtk_widget_compute_point (banner, GTK_WIDGET (page),
                                           &GRAPHENE_POINT_INIT (0, 0), &banner_at));
  g_assert_true (gtk_widget_compute_point (group, GTK_WIDGET (page),
                                           &GRAPHENE_POINT_INIT (0, 0), &group_at));
  g_assert_cmpfloat (banner_at.y, <, group_at.y);

  /* It still fits a phone-sized window. */
  gtk_widget_measure (GTK_WIDGET (window), GTK_ORIENTATION_HORIZONTAL, -1, &min_width, NULL,
                      NULL, NULL);
  g_assert_cmpint (min_width, <=, 360);

  /* Unticked: the banner goes, the rest stays. */
  gtk_check_button_set_active (GTK_CHECK_BUTTON (gtk_widget_get_parent (GTK_WIDGET (find_label (get_by_type (GTK_WIDGET (page), GTK_TYPE_FLOW_BOX), "Locking")))), FALSE);
  wait_ms (900);
  g_assert_false (gtk_widget_get_visible (banner));
  g_assert_nonnull (find_label (group, "Pain on the outside of the knee may be another condition"));
}

static void
test_history_reads_on_demand (Fixture       *fixture,
                              gconstpointer  data)
{
  PatellaJournalPage *page = get_page (patella_app_fixture_open_window (fixture));
  PatellaJournalModel *model = patella_journal_page_get_model (page);
  GtkWidget *view = get_by_label (GTK_WIDGET (page), GTK_TYPE_LIST_VIEW, "Journal history");
  GtkAdjustment *vadjustment;

  g_assert_cmpstr (visible_page_name (page), ==, "journal");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 100000);
  g_assert_true (gtk_widget_get_mapped (view));
  g_assert_cmpuint (patella_journal_model_get_n_cached (model), >, 0);
  g_assert_cmpuint (patella_journal_model_get_n_cached (model), <=, 1000);

  /* Scrolled to the far end, still only a few pages are held. */
  vadjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (view));
  gtk_adjustment_set_value (vadjustment, gtk_adjustment_get_upper (vadjustment));
  flush_events ();
  gtk_adjustment_set_value (vadjustment, gtk_adjustment_get_upper (vadjustment) / 2);
  flush_events ();
  g_assert_cmpuint (patella_journal_model_get_n_cached (model), <=, 1000);

  /* Searching goes to the database too. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "journal.search", NULL));
  gtk_editable_set_text (get_by_label (GTK_WIDGET (page), GTK_TYPE_SEARCH_ENTRY, "Search notes and symptoms"), "99999");
  wait_ms (400);
  g_assert_cmpstr (patella_journal_model_get_search (model), ==, "99999");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 1);

}

static gboolean
history_and_editor_complete (gpointer data)
{
  GtkWidget *view = get_by_label (GTK_WIDGET (data), GTK_TYPE_LIST_VIEW, "Journal history");

  return gtk_widget_get_mapped (get_by_type (GTK_WIDGET (data), PATELLA_TYPE_PAIN_CHART)) &&
         g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (view)))) >=
         200;
}

static gboolean
has_width (gpointer data)
{
  return gtk_widget_get_width (data) > 0;
}

static gboolean
can_scroll (gpointer data)
{
  return gtk_adjustment_get_upper (data) > gtk_adjustment_get_page_size (data) + 100;
}

typedef struct
{
  GtkWidget *view;
  gulong     handler;
  int        view_height;
  int        rows_bottom;
  guint      rows;
} FirstFrame;

static void
first_frame_painted_cb (GdkFrameClock *clock,
                        FirstFrame    *frame)
{
  g_signal_handler_disconnect (clock, frame->handler);
  frame->handler = 0;
  frame->view_height = gtk_widget_get_height (frame->view);

  for (GtkWidget *row = gtk_widget_get_first_child (frame->view);
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      graphene_rect_t bounds;

      if (!gtk_widget_get_mapped (row) ||
          !gtk_widget_compute_bounds (row, frame->view, &bounds))
        continue;
      frame->rows++;
      frame->rows_bottom = MAX (frame->rows_bottom,
                                (int) (bounds.origin.y + bounds.size.height));
    }
}

/* The first frame shows only a screenful of history and the editor down to
 * the fold (the rest comes a frame later, to start sooner); that screenful
 * reaches the bottom of the list with the shortest rows, at small, default
 * and large text. */
static void
test_first_frame_fills_history (Fixture       *fixture,
                                gconstpointer  data)
{
  static const double scales[] = { 0.8, 1.0, 1.5 };
  GtkSettings *settings = gtk_settings_get_default ();

  for (guint i = 0; i < G_N_ELEMENTS (scales); i++)
    {
      PatellaWindow *window = patella_window_new (fixture->app);
      PatellaJournalPage *page = get_page (window);
      FirstFrame frame = { .view = get_by_label (GTK_WIDGET (page), GTK_TYPE_LIST_VIEW, "Journal history") };
      GdkFrameClock *clock;

      g_object_set (settings, "gtk-xft-dpi", (int) (96 * 1024 * scales[i]), NULL);
      gtk_window_set_default_size (GTK_WINDOW (window), 900, 700);
      gtk_widget_realize (GTK_WIDGET (window));
      clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
      frame.handler = g_signal_connect (clock, "after-paint",
                                        G_CALLBACK (first_frame_painted_cb), &frame);
      gtk_window_present (GTK_WINDOW (window));
      while (frame.handler != 0)
        g_main_context_iteration (NULL, TRUE);

      g_test_message ("text at %.1f: %u rows down to %d px of %d", scales[i], frame.rows,
                      frame.rows_bottom, frame.view_height);
      g_assert_cmpint (frame.view_height, >, 300);
      g_assert_cmpint (frame.rows_bottom, >=, frame.view_height);

      /* A frame or two later, the whole history is there, and the editor's
       * sections below the fold (waiting up to 2 s on a busy machine). */
      wait_until (history_and_editor_complete, page, 2000);
      g_assert_true (gtk_widget_get_mapped (get_by_type (GTK_WIDGET (page), GTK_TYPE_FLOW_BOX)));
      g_assert_true (gtk_widget_get_mapped (get_by_label (GTK_WIDGET (page), GTK_TYPE_TEXT_VIEW, "Notes")));
      g_assert_true (gtk_widget_get_mapped (get_by_type (GTK_WIDGET (page), PATELLA_TYPE_PAIN_CHART)));
      g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (
        gtk_list_view_get_model (GTK_LIST_VIEW (frame.view)))), ==, 200);
      gtk_window_destroy (GTK_WINDOW (window));
      flush_events ();
    }

  g_object_set (settings, "gtk-xft-dpi", -1, NULL);
}

/* A word longer than the note box is wide wraps inside the box, so the
 * start of the note stays in view. */
static void
test_note_wraps_long_word (Fixture       *fixture,
                           gconstpointer  data)
{
  PatellaWindow *window = patella_window_new (fixture->app);
  PatellaJournalPage *page = get_page (window);
  GtkTextView *note = get_by_label (GTK_WIDGET (page), GTK_TYPE_TEXT_VIEW, "Notes");
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (note);
  GdkRectangle visible;
  GtkTextIter end;

  gtk_window_present (GTK_WINDOW (window));
  wait_until (has_width, note, 2000);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (note)), >, 0);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (note)), <, 600);

  gtk_text_buffer_set_text (buffer, "Stairs hurt. Kniescheibenschmerzbeobachtungstagebucheintragungs"
                                    "verwaltungsprogramm1234567890abcdefghijklmnopqrstuvwxyz", -1);
  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_place_cursor (buffer, &end);
  gtk_text_view_scroll_to_mark (note, gtk_text_buffer_get_insert (buffer), 0, FALSE, 0, 0);
  wait_ms (200);

  gtk_text_view_get_visible_rect (note, &visible);
  g_assert_cmpint (visible.x, ==, 0);
}

/* Scrolling the editor with the pointer over a pain slider scrolls the
 * editor and leaves the rating alone, until the slider has the focus. */
static void
test_wheel_over_slider_scrolls (Fixture       *fixture,
                                gconstpointer  data)
{
  PatellaJournalPage *page = get_page (patella_app_fixture_open_window (fixture));
  GtkRange *scale = get_by_label (GTK_WIDGET (page), GTK_TYPE_SCALE, "Pain at rest");
  GtkAdjustment *editor = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (
    gtk_widget_get_ancestor (GTK_WIDGET (scale), GTK_TYPE_SCROLLED_WINDOW)));
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (scale));
  GtkEventController *wheel = NULL;
  gboolean handled = FALSE;

  wait_until (can_scroll, editor, 2000);
  g_assert_cmpfloat (gtk_adjustment_get_value (editor), ==, 0);
  g_assert_cmpfloat (gtk_range_get_value (scale), ==, 2);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_SCROLL (controller) &&
          gtk_event_controller_get_propagation_phase (controller) == GTK_PHASE_CAPTURE)
        wheel = controller;
    }
  g_assert_nonnull (wheel);

  g_signal_emit_by_name (wheel, "scroll", 0.0, 1.0, &handled);
  g_assert_true (handled);
  g_assert_cmpfloat (gtk_adjustment_get_value (editor), >, 0);
  g_assert_cmpfloat (gtk_range_get_value (scale), ==, 2);

  /* Focused, the slider takes the wheel itself. */
  gtk_widget_grab_focus (GTK_WIDGET (scale));
  g_signal_emit_by_name (wheel, "scroll", 0.0, 1.0, &handled);
  g_assert_false (handled);
}

/* A past day with every rating in its longest meaning ("Too much") still
 * fits a phone-sized window: the editor's minimum width stays at 360 px. */
static void
test_past_day_fits_narrow (Fixture       *fixture,
                           gconstpointer  data)
{
  PatellaWindow *window = patella_app_fixture_open_window (fixture);
  PatellaJournalPage *page = get_page (window);
  g_autofree char *today = get_today (fixture);
  g_autofree char *past = patella_day_add_days (today, -4);
  int min_width;

  g_signal_emit_by_name (get_by_label (GTK_WIDGET (page), GTK_TYPE_LIST_VIEW, "Journal history"), "activate", 1);
  flush_events ();
  g_assert_cmpstr (patella_journal_page_get_day (page), ==, past);
  g_assert_nonnull (find_label (GTK_WIDGET (page), "Too much"));

  gtk_widget_measure (GTK_WIDGET (window), GTK_ORIENTATION_HORIZONTAL, -1, &min_width, NULL,
                      NULL, NULL);
  g_test_message ("minimum width %d", min_width);
  g_assert_cmpint (min_width, <=, 360);
}

static void
test_delete_and_undo (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *today = get_today (fixture);
  PatellaWindow *window = patella_app_fixture_open_window (fixture);
  PatellaJournalPage *page = get_page (window);
  GtkButton *undo;
  g_autofree char *before = NULL;
  g_autofree char *gone = NULL;
  g_autofree char *back = NULL;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "journal.start", NULL));
  gtk_switch_set_active (get_by_label (GTK_WIDGET (page), GTK_TYPE_SWITCH, "Rate pain at rest"), TRUE);
  gtk_range_set_value (GTK_RANGE (get_by_label (GTK_WIDGET (page), GTK_TYPE_SCALE, "Pain at rest")), 2);
  g_assert_true (patella_journal_page_save (page));
  before = patella_test_db_query_text (fixture->db,
                                       "SELECT pain_rest FROM journal_entry WHERE day = ?;", today);
  g_assert_cmpstr (before, ==, "2");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "journal.delete", NULL));
  flush_events ();
  gone = patella_test_db_query_text (fixture->db,
                                     "SELECT pain_rest FROM journal_entry WHERE day = ?;", today);
  g_assert_null (gone);
  g_assert_cmpfloat (gtk_range_get_value (GTK_RANGE (get_by_label (GTK_WIDGET (page), GTK_TYPE_SCALE, "Pain at rest"))), ==, 0);
  g_assert_false (gtk_switch_get_active (get_by_label (GTK_WIDGET (page), GTK_TYPE_SWITCH, "Rate pain at rest")));

  /* The toast's Undo puts it back. */
  undo = find_button (GTK_WIDGET (window), "_Undo");
  g_assert_nonnull (undo);
  g_signal_emit_by_name (undo, "clicked");
  flush_events ();
  back = patella_test_db_query_text (fixture->db,
                                     "SELECT pain_rest FROM journal_entry WHERE day = ?;", today);
  g_assert_cmpstr (back, ==, "2");
  g_assert_cmpfloat (gtk_range_get_value (GTK_RANGE (get_by_label (GTK_WIDGET (page), GTK_TYPE_SCALE, "Pain at rest"))), ==, 2);
}

static void
test_past_day_edited_from_history (Fixture       *fixture,
                                   gconstpointer  data)
{
  PatellaJournalPage *page = get_page (patella_app_fixture_open_window (fixture));
  GtkWidget *view = get_by_label (GTK_WIDGET (page), GTK_TYPE_LIST_VIEW, "Journal history");
  g_autofree char *today = get_today (fixture);
  g_autofree char *older = patella_day_add_days (today, -30);
  g_autofree char *pain = NULL;

  GtkWidget *row;
  graphene_point_t point;
  g_autoptr(GListModel) controllers = NULL;

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (patella_journal_page_get_model (page))),
                    ==, 2);

  /* One click on the older day's row, the list's second, opens it, also
   * just above it, between the rows (the gesture is the list's). */
  row = gtk_widget_get_next_sibling (gtk_widget_get_first_child (view));
  g_assert_true (PATELLA_IS_JOURNAL_ROW (gtk_widget_get_first_child (row)));
  g_assert_true (gtk_widget_compute_point (row, view, &GRAPHENE_POINT_INIT (20, -1), &point));
  controllers = gtk_widget_observe_controllers (view);
  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_GESTURE_CLICK (controller))
        g_signal_emit_by_name (controller, "released", 1, (double) point.x, (double) point.y);
    }
  flush_events ();
  g_assert_cmpstr (patella_journal_page_get_day (page), ==, older);

  /* So does the list's own activation (Enter, a double click). */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "journal.today", NULL));
  flush_events ();
  g_assert_cmpstr (patella_journal_page_get_day (page), ==, today);
  g_signal_emit_by_name (view, "activate", 1);
  flush_events ();
  g_assert_cmpstr (patella_journal_page_get_day (page), ==, older);
  g_assert_cmpfloat (gtk_range_get_value (GTK_RANGE (get_by_label (GTK_WIDGET (page), GTK_TYPE_SCALE, "Pain at rest"))), ==, 1);

  gtk_range_set_value (GTK_RANGE (get_by_label (GTK_WIDGET (page), GTK_TYPE_SCALE, "Pain at rest")), 4);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "journal.today", NULL));
  flush_events ();
  pain = patella_test_db_query_text (fixture->db,
                                     "SELECT pain_rest FROM journal_entry WHERE day = ?;", older);
  g_assert_cmpstr (pain, ==, "4");
}

/* A missed day, or yesterday's next-morning rating: any day up to today
 * opens from the calendar beside the day's title; a day to come does not. */
static void
test_past_day_from_calendar (Fixture       *fixture,
                             gconstpointer  data)
{
  PatellaJournalPage *page = get_page (patella_app_fixture_open_window (fixture));
  g_autofree char *today = get_today (fixture);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) yesterday_time = g_date_time_add_days (now, -1);
  g_autoptr(GDateTime) tomorrow_time = g_date_time_add_days (now, 1);
  g_autofree char *yesterday = g_date_time_format (yesterday_time, "%Y-%m-%d");
  g_autofree char *tomorrow = g_date_time_format (tomorrow_time, "%Y-%m-%d");
  GtkWidget *picker = NULL;

  for (GtkWidget *w = gtk_widget_get_first_child (gtk_widget_get_parent (get_by_label (GTK_WIDGET (page), GTK_TYPE_BUTTON, "Today")));
       w != NULL; w = gtk_widget_get_next_sibling (w))
    if (GTK_IS_MENU_BUTTON (w))
      picker = w;
  g_assert_nonnull (picker);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (picker), ==, "Write Another Day");

  patella_date_picker_choose (picker, yesterday);
  flush_events ();
  g_assert_cmpstr (patella_journal_page_get_day (page), ==, yesterday);
  g_assert_true (gtk_widget_get_visible (get_by_label (GTK_WIDGET (page), GTK_TYPE_BUTTON, "Today")));

  /* A day to come is refused, and the toast says which days are accepted. */
  patella_date_picker_choose (picker, tomorrow);
  flush_events ();
  g_assert_cmpstr (patella_journal_page_get_day (page), ==, yesterday);
  g_assert_nonnull (find_label (GTK_WIDGET (gtk_widget_get_root (GTK_WIDGET (page))),
                                "or an earlier day"));

  patella_date_picker_choose (picker, today);
  flush_events ();
  g_assert_cmpstr (patella_journal_page_get_day (page), ==, today);
}

/* The chart's text for screen readers gives its values, in the singular
 * where there is one ("1 icing sessions" before), and Tab reaches it. */
static void
test_chart_text_plurals (Fixture       *fixture,
                         gconstpointer  data)
{
  GtkWidget *chart = g_object_ref_sink (patella_pain_chart_new ());
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GArray) activity = g_array_new (FALSE, TRUE, sizeof (PatellaDayActivity));
  PatellaDayActivity day = { "2026-03-02", 1, 5000, 1, 0 };
  PatellaJournalEntry *entry = patella_journal_entry_new ("2026-03-03");

  patella_journal_entry_set_pain_rest (entry, 4);
  g_ptr_array_add (entries, entry);
  g_array_append_val (activity, day);
  patella_pain_chart_set_data (PATELLA_PAIN_CHART (chart), "2026-03-01", 30, entries, activity);

  g_assert_true (gtk_widget_get_focusable (chart));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (chart), ==,
                   "Last 30 days: pain at rest noted on 1 day, on average 4.0 out of 10, "
                   "at most 4; 1 run; 1 icing session");
  g_object_unref (chart);
}

static double
window_y (GtkWidget *widget)
{
  graphene_point_t point;

  g_assert_true (gtk_widget_compute_point (widget, GTK_WIDGET (gtk_widget_get_root (widget)),
                                           &GRAPHENE_POINT_INIT (0, 0), &point));
  return point.y;
}

/* Ticking Swelling brings advice above the symptoms: the box just ticked
 * stays under the pointer (it moved 66 px down, and the next click
 * unticked it). */
static void
test_advice_does_not_move_the_field (Fixture       *fixture,
                                     gconstpointer  data)
{
  PatellaWindow *window = patella_app_fixture_open_window (fixture);
  PatellaJournalPage *page = get_page (window);
  GtkWidget *group = get_by_label (GTK_WIDGET (page), ADW_TYPE_PREFERENCES_GROUP, "Advice");
  GtkWidget *swelling = GTK_WIDGET (find_check (GTK_WIDGET (page), "Swelling"));
  gint64 deadline;
  double before;

  g_assert_nonnull (swelling);
  g_assert_false (gtk_widget_get_visible (group));
  /* What is built in the frames after the first (the Today card) is in
   * place before anyone can tick a box. */
  for (guint i = 0; i < 6; i++)
    wait_ms (50);
  gtk_widget_grab_focus (swelling);
  flush_events ();
  before = window_y (swelling);

  gtk_check_button_set_active (GTK_CHECK_BUTTON (swelling), TRUE);
  g_assert_true (patella_journal_page_save (page));
  deadline = g_get_monotonic_time () + 3 * G_USEC_PER_SEC;
  while (!gtk_widget_get_visible (group) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);
  g_assert_true (gtk_widget_get_visible (group));
  /* Two frames: the advice laid out and drawn. */
  for (guint i = 0; i < 3; i++)
    wait_ms (50);

  g_assert_true (gtk_widget_get_mapped (group));
  g_assert_cmpfloat_with_epsilon (window_y (swelling), before, 1.0);
}

/* Ticking a symptom on a new day rates nothing: the row has no pain at
 * rest (it was saved as 0/10), and the editor says "Not rated". A rating
 * given can be taken back with the switch. */
static void
test_symptom_rates_nothing (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autofree char *today = get_today (fixture);
  g_autofree char *rest = NULL;
  g_autofree char *rated = NULL;
  g_autofree char *unrated = NULL;
  PatellaWindow *window = patella_app_fixture_open_window (fixture);
  PatellaJournalPage *page = get_page (window);
  GtkWidget *swelling;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "journal.start", NULL));
  flush_events ();
  swelling = GTK_WIDGET (find_check (GTK_WIDGET (page), "Swelling"));
  g_assert_nonnull (swelling);

  gtk_check_button_set_active (GTK_CHECK_BUTTON (swelling), TRUE);
  g_assert_true (patella_journal_page_save (page));
  rest = patella_test_db_query_text (fixture->db,
                                     "SELECT coalesce (pain_rest, 'unrated') FROM journal_entry"
                                  " JOIN journal_symptom USING (day) WHERE day = ?"
                                  " AND code = 'swelling';", today);
  g_assert_cmpstr (rest, ==, "unrated");
  g_assert_false (gtk_switch_get_active (get_by_label (GTK_WIDGET (page), GTK_TYPE_SWITCH, "Rate pain at rest")));
  g_assert_false (gtk_widget_get_sensitive (get_by_label (GTK_WIDGET (page), GTK_TYPE_SCALE, "Pain at rest")));
  g_assert_cmpstr (gtk_label_get_text (journal_meaning (page, "Pain at rest")), ==, "Not rated");

  gtk_switch_set_active (get_by_label (GTK_WIDGET (page), GTK_TYPE_SWITCH, "Rate pain at rest"), TRUE);
  gtk_range_set_value (GTK_RANGE (get_by_label (GTK_WIDGET (page), GTK_TYPE_SCALE, "Pain at rest")), 3);
  g_assert_true (patella_journal_page_save (page));
  rated = patella_test_db_query_text (fixture->db,
                                      "SELECT coalesce (pain_rest, 'unrated') FROM journal_entry"
                                   " WHERE day = ?;", today);
  g_assert_cmpstr (rated, ==, "3");

  gtk_switch_set_active (get_by_label (GTK_WIDGET (page), GTK_TYPE_SWITCH, "Rate pain at rest"), FALSE);
  g_assert_true (patella_journal_page_save (page));
  unrated = patella_test_db_query_text (fixture->db,
                                        "SELECT coalesce (pain_rest, 'unrated') FROM journal_entry"
                                     " WHERE day = ?;", today);
  g_assert_cmpstr (unrated, ==, "unrated");
}

int
main (int    argc,
      char **argv)
{
  test_app = patella_test_gui_init (&argc, &argv, NULL);

#define ADD(name, data, func) \
  g_test_add ("/journal-page/" name, Fixture, data, patella_app_fixture_set_up_sql, func, \
              patella_app_fixture_tear_down)

  ADD ("today-saved-and-shown-again", NULL, test_today_saved_and_shown_again);
  ADD ("meaning-follows-value", NULL, test_meaning_follows_value);
  ADD ("wide-window-is-filled", NULL, test_wide_window_is_filled);
  ADD ("fields-stay-put", NULL, test_fields_stay_put);
  ADD ("search-enter-opens-day", TWO_NOTES, test_search_enter_opens_day);
  ADD ("history-reads-on-demand", HUNDRED_THOUSAND_DAYS, test_history_reads_on_demand);
  ADD ("first-frame-fills-history",
       "WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 200)"
       " INSERT INTO journal_entry (day, pain_rest, created_us, updated_us)"
       " SELECT date ('now', 'localtime', '-' || i || ' days'), i % 11, 0, 0 FROM n;",
       test_first_frame_fills_history);
  ADD ("note-wraps-long-word",
       "INSERT INTO journal_entry (day, pain_rest, created_us, updated_us) VALUES"
       " (date ('now', 'localtime'), 2, 0, 0);",
       test_note_wraps_long_word);
  ADD ("wheel-over-slider-scrolls",
       "INSERT INTO journal_entry (day, pain_rest, created_us, updated_us) VALUES"
       " (date ('now', 'localtime'), 2, 0, 0);",
       test_wheel_over_slider_scrolls);
  ADD ("past-day-fits-narrow",
       "INSERT INTO journal_entry (day, pain_rest, pain_activity, pain_morning, created_us,"
       " updated_us) VALUES (date ('now', 'localtime'), 1, NULL, NULL, 0, 0),"
       " (date ('now', 'localtime', '-4 days'), 8, 9, 8, 0, 0);",
       test_past_day_fits_narrow);
  ADD ("delete-and-undo", NULL, test_delete_and_undo);
  ADD ("advice-shown-with-source",
       "INSERT INTO journal_entry (day, pain_rest, pain_morning, created_us, updated_us) VALUES"
       " (date ('now', 'localtime'), 2, 4, 0, 0);",
       test_advice_shown_with_source);
  ADD ("row-badge-zones", NULL, test_row_badge_zones);
  ADD ("symptom-rates-nothing", NULL, test_symptom_rates_nothing);
  ADD ("chart-text-plurals", NULL, test_chart_text_plurals);
  ADD ("past-day-from-calendar", NULL, test_past_day_from_calendar);
  ADD ("advice-does-not-move-the-field",
       "INSERT INTO journal_entry (day, pain_rest, created_us, updated_us) VALUES"
       " (date ('now', 'localtime'), 1, 0, 0);",
       test_advice_does_not_move_the_field);
  ADD ("same-day-advice-first",
       "INSERT INTO journal_entry (day, pain_rest, created_us, updated_us) VALUES"
       " (date ('now', 'localtime'), 3, 0, 0);"
       "INSERT INTO journal_symptom (day, code) VALUES (date ('now', 'localtime'), 'locking'),"
       " (date ('now', 'localtime'), 'outer-knee-pain');",
       test_same_day_advice_first);
  ADD ("past-day-edited-from-history",
       "INSERT INTO journal_entry (day, pain_rest, created_us, updated_us) VALUES"
       " (date ('now', 'localtime', '-30 days'), 1, 0, 0),"
       " (date ('now', 'localtime', '-29 days'), 3, 0, 0);",
       test_past_day_edited_from_history);

#undef ADD

  return patella_test_gui_run (&test_app);
}
