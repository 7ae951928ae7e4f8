/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the floor and the application benchmark helpers share: a hook on the
 * first frame a window paints, resident memory, and lines for bench.py. */
#pragma once

#include <stdio.h>
#include <string.h>
#include <sys/resource.h>

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef void (*BenchFrameFunc) (GtkWidget *window,
                                gpointer   data);

typedef struct
{
  BenchFrameFunc func;
  gpointer       data;
  gulong         handler;
  GtkWidget     *window;
} BenchFrameHook;

/* Resident memory of this process, in KiB. */
static inline long
bench_rss_kib (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return -1;

  line = strstr (status, "VmRSS:");
  return line != NULL ? strtol (line + strlen ("VmRSS:"), NULL, 10) : -1;
}

/* Processor time used so far by every thread of this process, in µs: less
 * sensitive than wall time to other work on a shared machine. */
static inline gint64
bench_cpu_us (void)
{
  struct rusage usage;

  if (getrusage (RUSAGE_SELF, &usage) != 0)
    return -1;

  return (gint64) (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * G_USEC_PER_SEC +
         usage.ru_utime.tv_usec + usage.ru_stime.tv_usec;
}

static inline void
bench_say (const char *format,
           ...) G_GNUC_PRINTF (1, 2);

/* One line for bench.py, flushed at once: its arrival is what gets timed. */
static inline void
bench_say (const char *format,
           ...)
{
  va_list args;

  va_start (args, format);
  vfprintf (stdout, format, args);
  va_end (args);
  fputc ('\n', stdout);
  fflush (stdout);
}

/* Widgets in @root's tree, @root included. */
static inline guint
bench_count_widgets (GtkWidget *root)
{
  guint n = 1;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += bench_count_widgets (child);

  return n;
}

/* The lines every benchmark says at the first frame: when, the processor
 * time and memory it took, and how many widgets it built. */
static inline void
bench_say_first_frame (GtkWidget *window)
{
  bench_say ("first-frame");
  bench_say ("first-frame-cpu-us %" G_GINT64_FORMAT, bench_cpu_us ());
  bench_say ("first-frame-rss-kib %ld", bench_rss_kib ());
  bench_say ("widgets %u", bench_count_widgets (window));
}

static inline void
bench_after_paint_cb (GdkFrameClock  *frame_clock,
                      BenchFrameHook *hook)
{
  g_signal_handler_disconnect (frame_clock, hook->handler);
  hook->handler = 0;
  hook->func (hook->window, hook->data);
  g_free (hook);
}

/* Calls @func once, after the next frame @window paints. */
static inline void
bench_on_next_frame (GtkWidget      *window,
                     BenchFrameFunc  func,
                     gpointer        data)
{
  BenchFrameHook *hook = g_new0 (BenchFrameHook, 1);
  GdkFrameClock *frame_clock = gtk_widget_get_frame_clock (window);

  g_assert (frame_clock != NULL);
  hook->func = func;
  hook->data = data;
  hook->window = window;
  hook->handler = g_signal_connect (frame_clock, "after-paint",
                                    G_CALLBACK (bench_after_paint_cb), hook);
  gtk_widget_queue_draw (window);
}

static inline void
bench_realize_cb (GtkWidget      *window,
                  BenchFrameHook *hook)
{
  g_signal_handler_disconnect (window, hook->handler);
  bench_on_next_frame (window, hook->func, hook->data);
  g_free (hook);
}

/* Calls @func once, after the first frame of @window (not yet realized). */
static inline void
bench_on_first_frame (GtkWidget      *window,
                      BenchFrameFunc  func,
                      gpointer        data)
{
  BenchFrameHook *hook = g_new0 (BenchFrameHook, 1);

  hook->func = func;
  hook->data = data;
  hook->window = window;
  hook->handler = g_signal_connect (window, "realize", G_CALLBACK (bench_realize_cb), hook);
}

G_END_DECLS
