/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The real window, typing into today's note as a person would (bursts and
 * pauses), for test-crash-gui to kill at random. It prints "typed N T" after
 * each keystroke (N characters, T monotonic µs) and "saved N" each time the
 * database has committed a note of N characters: those are acknowledged. */
#include "config.h"

#include <stdio.h>

#include "patella-application.h"
#include "patella-journal.h"
#include "patella-journal-page.h"
#include "patella-window.h"

#include "patella-test-gui.h"

static PatellaApplication *app;
static GtkTextBuffer *buffer;
static GRand *rand_source;
static char *today;

static void
journal_changed_cb (PatellaStore *store,
                    const char   *what)
{
  g_autoptr(PatellaJournalEntry) entry = patella_journal_get (store, today, NULL);

  if (entry != NULL)
    {
      printf ("saved %ld\n", g_utf8_strlen (patella_journal_entry_get_note (entry), -1));
      fflush (stdout);
    }
}

static gboolean
type_cb (gpointer data)
{
  GtkTextIter end;

  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_insert (buffer, &end, g_rand_boolean (rand_source) ? "k" : " ", 1);
  printf ("typed %d %" G_GINT64_FORMAT "\n", gtk_text_buffer_get_char_count (buffer),
          g_get_monotonic_time ());
  fflush (stdout);

  /* Now and then a pause, as in typing. */
  g_timeout_add (g_rand_int_range (rand_source, 0, 40) == 0 ? 600 : 25, type_cb, NULL);
  return G_SOURCE_REMOVE;
}

/* After the application's own activate, which opens its window. */
static void
activate_cb (GApplication *application)
{
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (app));
  PatellaWindow *window = windows != NULL ? windows->data : patella_window_new (app);
  PatellaJournalPage *page;
  PatellaStore *store = patella_context_get_store (patella_application_get_context (app));
  GtkTextView *note_view;

  gtk_window_present (GTK_WINDOW (window));
  page = PATELLA_JOURNAL_PAGE (find_by_type (GTK_WIDGET (window), PATELLA_TYPE_JOURNAL_PAGE));
  gtk_widget_activate_action (GTK_WIDGET (page), "journal.start", NULL);
  note_view = GTK_TEXT_VIEW (find_by_type (GTK_WIDGET (page), GTK_TYPE_TEXT_VIEW));
  buffer = gtk_text_view_get_buffer (note_view);
  today = patella_clock_get_today (patella_store_get_clock (store));

  g_signal_connect (store, "changed::journal", G_CALLBACK (journal_changed_cb), NULL);
  g_timeout_add (25, type_cb, NULL);
}

int
main (int    argc,
      char **argv)
{
  rand_source = g_rand_new ();
  app = patella_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_signal_connect_after (app, "activate", G_CALLBACK (activate_cb), NULL);

  return g_application_run (G_APPLICATION (app), 1, argv);
}
