/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The floor: the least a libadwaita application can do to show a window
 * of Patella's default size with a header bar, built with the same flags.
 * bench.py compares Patella against it.
 *
 *   bench-floor first-frame   prints "first-frame", then "rss-kib N" a second later, and quits
 *   bench-floor profile   quits at once after the first frame, for callgrind and perf
 *   bench-floor idle          prints "first-frame" and stays until killed
 *   bench-floor ticking       the same, with a drawing area counting down, redrawn
 *                             once a second: the floor for a window showing a timer
 */
#include "config.h"

#include <adwaita.h>

#include <unistd.h>

#include "bench-frame.h"

static const char *mode;
static int remaining = 15 * 60;

static void
draw_cb (GtkDrawingArea *area,
         cairo_t        *cr,
         int             width,
         int             height,
         gpointer        data)
{
  g_autofree char *text = g_strdup_printf ("%02d:%02d", remaining / 60, remaining % 60);

  cairo_arc (cr, width / 2.0, height / 2.0, MIN (width, height) / 2.0 - 4, 0,
             2 * G_PI * remaining / (15 * 60));
  cairo_stroke (cr);
  cairo_move_to (cr, width / 2.0 - 20, height / 2.0);
  cairo_show_text (cr, text);
}

static gboolean
tick_cb (gpointer data)
{
  remaining = remaining > 0 ? remaining - 1 : 15 * 60;
  gtk_widget_queue_draw (GTK_WIDGET (data));

  return G_SOURCE_CONTINUE;
}

static void
settled_cb (gpointer data)
{
  bench_say ("rss-kib %ld", bench_rss_kib ());
  g_application_quit (G_APPLICATION (data));
}

static void
first_frame_cb (GtkWidget *window,
                gpointer   data)
{
  bench_say_first_frame (window);

  /* For profilers: nothing after the first frame is counted. */
  if (g_str_equal (mode, "profile"))
    _exit (0);

  if (g_str_equal (mode, "first-frame"))
    g_timeout_add_once (1000, settled_cb, gtk_window_get_application (GTK_WINDOW (window)));
}

static void
activate_cb (GtkApplication *app)
{
  GtkWidget *window = adw_application_window_new (app);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *page = adw_status_page_new ();

  adw_status_page_set_title (ADW_STATUS_PAGE (page), "Floor");
  if (g_str_equal (mode, "ticking"))
    {
      GtkWidget *area = gtk_drawing_area_new ();

      gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (area), 160);
      gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (area), 160);
      gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (area), draw_cb, NULL, NULL);
      adw_status_page_set_child (ADW_STATUS_PAGE (page), area);
      g_timeout_add_seconds (1, tick_cb, area);
    }
  gtk_widget_set_vexpand (page, TRUE);
  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  gtk_box_append (GTK_BOX (box), page);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 700);

  bench_on_first_frame (window, first_frame_cb, NULL);
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(AdwApplication) app = NULL;

  mode = argc > 1 ? argv[1] : "first-frame";
  /* Unique, as Patella is, when timing start-up; the wake-up runs put two
   * floors side by side. */
  app = adw_application_new ("io.github.patella.BenchFloor",
                             g_str_equal (mode, "idle") || g_str_equal (mode, "ticking")
                               ? G_APPLICATION_NON_UNIQUE : G_APPLICATION_DEFAULT_FLAGS);
  g_signal_connect (app, "activate", G_CALLBACK (activate_cb), NULL);

  return g_application_run (G_APPLICATION (app), 1, argv);
}
