/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Patella itself, for bench.py: the real PatellaApplication with its real
 * window, plus hooks that report when frames are painted. Never installed;
 * the shipped program has no benchmark code in it.
 *
 *   bench-app first-frame  prints "first-frame", then "rss-kib N" a second later, and quits
 *   bench-app idle         prints "first-frame" and stays until killed
 *   bench-app icing        starts an icing session in the Timers view and stays until killed
 *   bench-app profile      quits at once after the first frame, for callgrind and perf;
 *                          with BENCH_TREE=N it first prints the widget tree N levels deep
 *   bench-app views        opens each view, then scrolls the journal history to its
 *                          oldest entry; prints times and memory, and quits
 *   bench-app external     with the Journal view open, has patella-cli ($PATELLA_CLI) change
 *                          today's entry 10 times; prints how long each took to show in the
 *                          window ("shown-us") and how long the views took to reload after
 *                          the change was seen ("reload-us"), and quits
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <locale.h>

#include <unistd.h>

#include "bench-frame.h"
#include "patella-application.h"
#include "patella-journal-page.h"
#include "patella-journal-row.h"
#include "patella-store-private.h"
#include "patella-test-gui.h"
#include "patella-window.h"

static const char *mode;
static PatellaApplication *app;

/* The views walk. */
static const char * const views[] = { "shoes", "timers", "journal" };
static guint view_index;
static gint64 step_start;
static GtkListView *history_view;
static char *oldest_label;
static guint n_items;
static guint scroll_frames;
static guint sweep_index;
static long rss_before_scroll;

#define SWEEP_STEPS 20

static gboolean
has_label (GtkWidget  *root,
           const char *text)
{
  if (GTK_IS_LABEL (root) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (root)), text) == 0)
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (has_label (child, text))
      return TRUE;

  return FALSE;
}

/* Whether a history row showing the oldest day lies inside the viewport. */
static gboolean
oldest_row_shown (void)
{
  GtkWidget *list = GTK_WIDGET (history_view);
  GtkWidget *viewport = gtk_widget_get_parent (list);
  int height = gtk_widget_get_height (viewport);

  for (GtkWidget *item = gtk_widget_get_first_child (list);
       item != NULL;
       item = gtk_widget_get_next_sibling (item))
    {
      GtkWidget *row = find_by_type (item, PATELLA_TYPE_JOURNAL_ROW);
      graphene_rect_t bounds;

      if (row == NULL || !gtk_widget_get_mapped (row) || !has_label (row, oldest_label))
        continue;

      if (gtk_widget_compute_bounds (row, viewport, &bounds) &&
          bounds.origin.y >= -1 && bounds.origin.y + bounds.size.height <= height + 1)
        return TRUE;
    }

  return FALSE;
}

/* How many history rows exist: the list view should build only what shows. */
static guint
count_rows (GtkWidget *window)
{
  GtkWidget *list = find_by_type (find_by_type (window, PATELLA_TYPE_JOURNAL_PAGE),
                                  GTK_TYPE_LIST_VIEW);
  guint n = 0;

  for (GtkWidget *item = list != NULL ? gtk_widget_get_first_child (list) : NULL;
       item != NULL;
       item = gtk_widget_get_next_sibling (item))
    n += find_by_type (item, PATELLA_TYPE_JOURNAL_ROW) != NULL;

  return n;
}

static char *
query_oldest_day (void)
{
  PatellaStore *store = patella_context_get_store (patella_application_get_context (app));
  sqlite3_stmt *stmt = NULL;
  char *day = NULL;

  if (store != NULL &&
      sqlite3_prepare_v2 (patella_store_get_db (store), "SELECT min(day) FROM journal_entry;", -1,
                          &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_text (stmt, 0) != NULL)
    day = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);

  return day;
}

static void
finish (GtkWidget *window)
{
  bench_say ("done");
  g_application_quit (G_APPLICATION (app));
}

static void sweep_frame_cb (GtkWidget *window, gpointer data);

/* Jump through the whole history: memory must not follow the row count. */
static void
sweep_next (GtkWidget *window)
{
  guint position;

  if (sweep_index > SWEEP_STEPS)
    {
      long rss = bench_rss_kib ();

      bench_say ("sweep-rss-kib %ld", rss);
      bench_say ("scroll-growth-kib %ld", rss - rss_before_scroll);
      finish (window);
      return;
    }

  position = (guint) ((guint64) (n_items - 1) * sweep_index / SWEEP_STEPS);
  sweep_index++;
  gtk_widget_activate_action (GTK_WIDGET (history_view), "list.scroll-to-item", "u", position);
  bench_on_next_frame (window, sweep_frame_cb, NULL);
}

static void
sweep_frame_cb (GtkWidget *window,
                gpointer   data)
{
  sweep_next (window);
}

static void
scroll_frame_cb (GtkWidget *window,
                 gpointer   data)
{
  if (oldest_row_shown ())
    {
      bench_say ("scroll-oldest-us %" G_GINT64_FORMAT, g_get_monotonic_time () - step_start);
      bench_say ("scroll-frames %u", scroll_frames);
      bench_say ("scroll-rss-kib %ld", bench_rss_kib ());
      sweep_next (window);
      return;
    }

  if (++scroll_frames > 600)
    {
      bench_say ("scroll-oldest-us -1");
      finish (window);
      return;
    }

  /* The list may need a few layouts to settle on the end: ask again. */
  gtk_widget_activate_action (GTK_WIDGET (history_view), "list.scroll-to-item", "u", n_items - 1);
  bench_on_next_frame (window, scroll_frame_cb, NULL);
}

static void
history_frame_cb (GtkWidget *window,
                  gpointer   data)
{
  g_autofree char *oldest = query_oldest_day ();

  bench_say ("history-us %" G_GINT64_FORMAT, g_get_monotonic_time () - step_start);

  n_items = g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (history_view)));
  bench_say ("history-rows %u", n_items);
  if (n_items == 0 || oldest == NULL)
    {
      finish (window);
      return;
    }

  oldest_label = patella_journal_format_day (oldest, FALSE);
  rss_before_scroll = bench_rss_kib ();
  bench_say ("history-rss-kib %ld", rss_before_scroll);

  step_start = g_get_monotonic_time ();
  gtk_widget_activate_action (GTK_WIDGET (history_view), "list.scroll-to-item", "u", n_items - 1);
  bench_on_next_frame (window, scroll_frame_cb, NULL);
}

static void next_view (GtkWidget *window);

static void
next_view_timeout_cb (gpointer data)
{
  next_view (data);
}

static void
view_frame_cb (GtkWidget *window,
               gpointer   data)
{
  bench_say ("view-us %s %" G_GINT64_FORMAT, views[view_index],
             g_get_monotonic_time () - step_start);
  view_index++;
  /* Let any deferred work of the view finish before the next step. */
  g_timeout_add_once (300, next_view_timeout_cb, window);
}

static void
next_view (GtkWidget *window)
{
  if (view_index < G_N_ELEMENTS (views))
    {
      step_start = g_get_monotonic_time ();
      patella_window_show_view (PATELLA_WINDOW (window), views[view_index]);
      bench_on_next_frame (window, view_frame_cb, NULL);
      return;
    }

  bench_say ("views-rss-kib %ld", bench_rss_kib ());
  history_view = GTK_LIST_VIEW (find_by_type (find_by_type (window, PATELLA_TYPE_JOURNAL_PAGE),
                                              GTK_TYPE_LIST_VIEW));
  g_assert (history_view != NULL);

  step_start = g_get_monotonic_time ();
  gtk_widget_activate_action (find_by_type (window, PATELLA_TYPE_JOURNAL_PAGE),
                              "journal.show-history", NULL);
  bench_on_next_frame (window, history_frame_cb, NULL);
}

static void
settled_cb (gpointer data)
{
  GtkWidget *window = data;

  bench_say ("rss-kib %ld", bench_rss_kib ());
  bench_say ("history-row-widgets %u", count_rows (window));

  if (g_str_equal (mode, "views"))
    next_view (window);
  else
    g_application_quit (G_APPLICATION (app));
}

static void
dump_tree (GtkWidget *w, int depth, int maxdepth)
{
  if (depth <= maxdepth)
    g_printerr ("%*s%s %u %s%s\n", depth * 2, "", G_OBJECT_TYPE_NAME (w), bench_count_widgets (w),
                (const char *[]) { "hfw", "wfh", "const" }[gtk_widget_get_request_mode (w)],
                gtk_widget_get_mapped (w) ? "" : " (unmapped)");
  for (GtkWidget *c = gtk_widget_get_first_child (w); c; c = gtk_widget_get_next_sibling (c))
    dump_tree (c, depth + 1, maxdepth);
}

/* The external-change walk. */
static guint external_round;
static gint64 external_written;
static GtkRange *rest_scale;

static void external_write (void);

static gboolean
external_shown_cb (gpointer data)
{
  PatellaStore *store = patella_context_get_store (patella_application_get_context (app));
  int expected = 1 + external_round % 9;

  if ((int) gtk_range_get_value (rest_scale) != expected)
    return G_SOURCE_CONTINUE;

  bench_say ("shown-us %" G_GINT64_FORMAT, g_get_monotonic_time () - external_written);

  /* The views' reload alone, the same path the file monitor takes: a change
   * written, then taken in and every open view refreshed. */
  {
    g_autofree char *pain = g_strdup_printf ("%d", 1 + (external_round + 5) % 9);
    const char *argv[] = { g_getenv ("PATELLA_CLI"), "journal", "add", "--pain", pain, NULL };
    gint64 start;

    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL,
                  NULL, NULL, NULL);
    start = g_get_monotonic_time ();
    patella_store_check_external (store);
    bench_say ("reload-us %" G_GINT64_FORMAT, g_get_monotonic_time () - start);
  }

  if (++external_round == 10)
    {
      g_application_quit (G_APPLICATION (app));
      return G_SOURCE_REMOVE;
    }

  external_write ();
  return G_SOURCE_REMOVE;
}

static void
external_write (void)
{
  g_autofree char *pain = g_strdup_printf ("%d", 1 + external_round % 9);
  const char *argv[] = { g_getenv ("PATELLA_CLI"), "journal", "add", "--pain", pain, NULL };

  /* Let the idle look at the last change be done first. */
  while (g_main_context_iteration (NULL, FALSE))
    ;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL,
                NULL, NULL, NULL);
  external_written = g_get_monotonic_time ();
  g_timeout_add (1, external_shown_cb, NULL);
}

static void
external_start_cb (gpointer data)
{
  GtkWidget *window = data;
  GtkWidget *page = find_by_type (window, PATELLA_TYPE_JOURNAL_PAGE);

  /* The editor's first slider: pain at rest. */
  rest_scale = GTK_RANGE (find_by_type (page, GTK_TYPE_SCALE));
  external_write ();
}

static void
first_frame_cb (GtkWidget *window,
                gpointer   data)
{
  bench_say_first_frame (window);

  /* For profilers: nothing after the first frame is counted. */
  if (g_getenv ("BENCH_TREE"))
    dump_tree (window, 0, atoi (g_getenv ("BENCH_TREE")));
  if (g_str_equal (mode, "profile"))
    _exit (0);

  if (g_str_equal (mode, "icing"))
    {
      patella_window_show_view (PATELLA_WINDOW (window), "timers");
      g_action_group_activate_action (G_ACTION_GROUP (app), "start-icing", NULL);
      bench_say ("icing-started");
    }
  else if (g_str_equal (mode, "first-frame") || g_str_equal (mode, "views"))
    {
      g_timeout_add_once (1000, settled_cb, window);
    }
  else if (g_str_equal (mode, "external"))
    {
      g_timeout_add_once (1000, external_start_cb, window);
    }
}

static void
window_added_cb (GtkApplication *application,
                 GtkWindow      *window)
{
  static gboolean seen;

  if (seen || !PATELLA_IS_WINDOW (window))
    return;

  seen = TRUE;
  if (g_str_equal (mode, "views"))
    g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  bench_on_first_frame (GTK_WIDGET (window), first_frame_cb, NULL);
}

int
main (int    argc,
      char **argv)
{
  int status;

  mode = argc > 1 ? argv[1] : "first-frame";

  /* As main.c does. */
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = patella_application_new ();
  /* Idle and icing run side by side with the floor: one instance each. */
  if (g_str_equal (mode, "idle") || g_str_equal (mode, "icing"))
    g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_signal_connect (app, "window-added", G_CALLBACK (window_added_cb), NULL);
  status = g_application_run (G_APPLICATION (app), 1, argv);

  g_clear_object (&app);
  g_free (oldest_label);

  return status;
}
