/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* What the GUI tests share: letting GTK catch up, finding a widget or a
 * dialog, and one registered application whose database each test points
 * at a folder of its own. */

#include <adwaita.h>

#include "patella-application.h"
#include "patella-context.h"
#include "patella-window.h"

G_BEGIN_DECLS

void              flush_events             (void);
void              wait_ms                  (guint               ms);
gboolean          wait_until               (gboolean          (*done) (gpointer data),
                                            gpointer            data,
                                            guint               ms);
GtkPopover       *popup_until_mapped       (GtkMenuButton      *button);
typedef gboolean (*PatellaTestMatchFunc) (GtkWidget     *widget,
                                          gconstpointer  data);

GtkWidget        *find_widget              (GtkWidget          *root,
                                            PatellaTestMatchFunc match,
                                            gconstpointer       data);
GtkWidget        *find_by_type             (GtkWidget          *root,
                                            GType               type);
GtkWidget        *find_by_name             (GtkWidget          *root,
                                            const char         *name);
GtkWidget        *find_by_tooltip          (GtkWidget          *root,
                                            const char         *tooltip);
GtkLabel         *find_label               (GtkWidget          *root,
                                            const char         *text);
GtkButton        *find_button              (GtkWidget          *root,
                                            const char         *label);
GtkCheckButton   *find_check               (GtkWidget          *root,
                                            const char         *label);

/* Finding a widget as a user and a screen reader know it: by its accessible
 * label, a mnemonic label pointing at it, or the text it shows (a label's,
 * a button's, a row's or a group's title). get_by_*() fail the test when
 * there is none. */
gboolean          widget_has_label         (GtkWidget          *widget,
                                            const char         *label);
GtkWidget        *find_by_label            (GtkWidget          *root,
                                            GType               type,
                                            const char         *label);
GtkWidget        *find_by_role             (GtkWidget          *root,
                                            GtkAccessibleRole   role,
                                            const char         *label);
gpointer          get_by_label             (GtkWidget          *root,
                                            GType               type,
                                            const char         *label);
gpointer          get_by_type              (GtkWidget          *root,
                                            GType               type);
GtkLabel         *get_label_at             (GtkWidget          *root,
                                            guint               index);

GtkWindow        *find_toplevel            (GType               type);
AdwMessageDialog *find_message_dialog      (const char         *heading);
AdwMessageDialog *wait_for_dialog          (const char         *heading);
void              answer                   (AdwMessageDialog   *dialog,
                                            const char         *response);

PatellaApplication *patella_test_app_new   (PatellaNotifier    *notifier);

/* A GUI test's main(): gtk_test_init() and patella_test_app_new() at the
 * start, g_test_run() and the application released at the end:
 *
 *   test_app = patella_test_gui_init (&argc, &argv, NULL);
 *   g_test_add (…);
 *   return patella_test_gui_run (&test_app); */
PatellaApplication *patella_test_gui_init  (int                *argc,
                                            char             ***argv,
                                            PatellaNotifier    *notifier);
/* The same for a test on a fake clock and a recording notifier:
 *   test_app = patella_test_gui_init_at (&argc, &argv, T0, &fake_clock); */
PatellaApplication *patella_test_gui_init_at (int                *argc,
                                              char             ***argv,
                                              gint64              now,
                                              PatellaClock      **clock);
int               patella_test_gui_run     (PatellaApplication **app);

/* A folder and a database path of its own for the application made by
 * patella_test_app_new(): PATELLA_DB is set to it and the store reopened. */
typedef struct
{
  char               *dir;
  char               *db;
  PatellaApplication *app;
} PatellaAppFixture;

/* patella_app_test_add ("/x/y", test_y): test_y on a PatellaAppFixture. */
#define patella_app_test_add(path, func) \
  g_test_add ((path), PatellaAppFixture, NULL, patella_app_fixture_set_up, (func), \
              patella_app_fixture_tear_down)

void              patella_app_fixture_prepare   (PatellaAppFixture  *fixture);
void              patella_app_fixture_set_up    (PatellaAppFixture  *fixture,
                                                 gconstpointer       data);
void              patella_app_fixture_set_up_sql (PatellaAppFixture *fixture,
                                                  gconstpointer      sql);
void              patella_app_fixture_tear_down (PatellaAppFixture  *fixture,
                                                 gconstpointer       data);
PatellaWindow    *patella_app_fixture_open_window (PatellaAppFixture *fixture);

/* The real application on a fake clock (PATELLA_TEST_NOW, ISO 8601), run as
 * `patella` runs, driven by a test through standard input, one command a
 * line: "advance SECONDS" moves the clock, "quit" ends it, anything else goes
 * to @command. After each command the main loop settles and "ok" (with
 * @command's answer, if it gave one) or "failed" is written to standard
 * output. */
typedef gboolean (*PatellaTestCommandFunc) (PatellaApplication  *app,
                                            const char          *line,
                                            char               **answer);

int               patella_test_run_driven_app (int                     argc,
                                               char                  **argv,
                                               PatellaTestCommandFunc  command);

/* A view without the application: a PatellaContext over a temporary
 * database on a fake clock, with a recording notifier and settings of its
 * own (a memory backend), and a window whose AdwToastOverlay holds the view,
 * as the main window's does:
 *
 *   page = g_object_new (PATELLA_TYPE_SHOES_PAGE, "context", fixture->context, NULL);
 *   patella_page_fixture_show (fixture, page);
 *
 * Services (timers, reminders) are off unless the test turns them on with
 * patella_context_set_run_services(). */
typedef struct
{
  char            *dir;
  char            *db;
  PatellaClock    *clock;
  PatellaNotifier *notifier;   /* a recording notifier */
  GSettings       *settings;
  PatellaContext  *context;
  GtkWindow       *window;
  AdwToastOverlay *overlay;
} PatellaPageFixture;

void              patella_page_fixture_open      (PatellaPageFixture *fixture,
                                                  gint64              now_us);
void              patella_page_fixture_set_up    (PatellaPageFixture *fixture,
                                                  gconstpointer       data);
void              patella_page_fixture_show      (PatellaPageFixture *fixture,
                                                  GtkWidget          *page);
void              patella_page_fixture_tear_down (PatellaPageFixture *fixture,
                                                  gconstpointer       data);

G_END_DECLS
