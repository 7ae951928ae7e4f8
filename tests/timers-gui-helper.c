/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Runs the real application on a fake fake_clock for test-timers-gui.py: starts
 * icing in the real Timers view, closes the window, moves the fake_clock past the
 * end and lets the timer tick. The "done" notification goes to whatever
 * notification service is on the session bus. Prints what it saw, one step a
 * line; exits 0 only if the application stayed alive with its window closed
 * and quit by itself once the session was over. */
#include "config.h"

#include <adwaita.h>
#include <sqlite3.h>

#include "patella-application.h"
#include "patella-context.h"
#include "patella-timers-page.h"
#include "patella-window.h"
#include "patella-test-gui.h"

static PatellaApplication *app;
static PatellaClock *fake_clock;
static guint step;
static gboolean closed_and_alive;
static gboolean advanced;

static gint64
query_int (const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 value = -1;

  if (sqlite3_open_v2 (g_getenv ("PATELLA_DB"), &db, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK &&
      sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return value;
}

static gboolean
next_step_cb (gpointer data)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));
  GtkWidget *page;

  switch (step++)
    {
    case 0:
      /* Start icing with the Start button's action, in the real view. */
      g_assert (PATELLA_IS_WINDOW (window));
      patella_window_show_view (PATELLA_WINDOW (window), "timers");
      page = find_by_type (GTK_WIDGET (window), PATELLA_TYPE_TIMERS_PAGE);
      g_assert (page != NULL);
      g_assert (gtk_widget_activate_action (page, "timers.ice-start-pause", NULL));
      g_print ("started ends_us=%" G_GINT64_FORMAT " now_us=%" G_GINT64_FORMAT "\n",
               query_int ("SELECT ends_us FROM session WHERE kind = 'icing' AND state = 'running'"),
               patella_clock_get_now (fake_clock));
      return G_SOURCE_CONTINUE;

    case 1:
      gtk_window_close (window);
      return G_SOURCE_CONTINUE;

    case 2:
      /* Still here, with no window. */
      closed_and_alive = gtk_application_get_windows (GTK_APPLICATION (app)) == NULL;
      g_print ("window-closed windows=%u\n",
               g_list_length (gtk_application_get_windows (GTK_APPLICATION (app))));
      return G_SOURCE_CONTINUE;

    case 3:
      patella_clock_advance (fake_clock, G_GINT64_CONSTANT (16) * 60 * G_USEC_PER_SEC);
      advanced = TRUE;
      g_print ("advanced now_us=%" G_GINT64_FORMAT "\n", patella_clock_get_now (fake_clock));
      /* The once-a-second tick finishes the session; nothing else is needed. */
      return G_SOURCE_REMOVE;

    default:
      return G_SOURCE_REMOVE;
    }
}

static void
activated_cb (GApplication *application)
{
  g_timeout_add (300, next_step_cb, NULL);
}

int
main (int    argc,
      char **argv)
{
  int status;

  if (g_getenv ("PATELLA_DB") == NULL)
    {
      g_printerr ("timers-gui-helper: set PATELLA_DB\n");
      return 2;
    }

  /* With icing reminders on, Patella keeps running after its window closes
   * (see test-reminders-e2e.py); here only the running timer keeps it alive. */
  {
    g_autoptr(GSettings) settings = patella_context_load_settings ();

    g_settings_set_boolean (settings, "reminders-enabled", FALSE);
  }

  /* Before the application exists: it takes the default clock. */
  fake_clock = patella_clock_new_fake (g_get_real_time ());
  patella_clock_set_default (fake_clock);

  app = patella_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_signal_connect_after (app, "activate", G_CALLBACK (activated_cb), NULL);

  status = g_application_run (G_APPLICATION (app), 0, NULL);

  g_print ("quit status=%d state=%" G_GINT64_FORMAT "\n", status,
           query_int ("SELECT count(*) FROM session WHERE kind = 'icing' AND state = 'finished' "
                      "AND ended_us = ends_us AND duration_s = 900"));

  g_clear_object (&app);
  patella_clock_set_default (NULL);
  g_clear_object (&fake_clock);

  if (!closed_and_alive || !advanced)
    {
      g_printerr ("timers-gui-helper: the application quit before the session ended\n");
      return 1;
    }

  return status;
}
