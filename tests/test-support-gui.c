/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The GUI tests' own helpers: a view built from a context without the
 * application, in a window whose toast overlay receives its toasts. */
#include "config.h"

#include "patella-shoes-page.h"
#include "patella-shoes.h"
#include "patella-test-gui.h"
#include "patella-toast.h"

typedef PatellaPageFixture Fixture;

static gboolean
shows_road_pair (gpointer data)
{
  return find_label (data, "Road pair") != NULL;
}

/* A page made from the fixture's context shows what the context's store
 * holds, and follows its changes. */
static void
test_page_from_context (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  PatellaShoeInput input = { .name = "Road pair", .make_default = TRUE };
  GtkWidget *page = patella_shoes_page_new (fixture->context);

  /* No registered application at all. */
  g_assert_null (g_application_get_default ());
  patella_page_fixture_show (fixture, page);
  g_assert_false (shows_road_pair (fixture->window));

  g_assert_cmpint (patella_shoe_add (patella_context_get_store (fixture->context),
                                     fixture->notifier, &input, &error), >, 0);
  g_assert_no_error (error);
  g_assert_true (wait_until (shows_road_pair, fixture->window, 2000));
}

/* A toast shown from deep inside the page reaches the fixture's overlay. */
static void
test_toast_reaches_overlay (Fixture       *fixture,
                            gconstpointer  data)
{
  GtkWidget *page = patella_shoes_page_new (fixture->context);

  patella_page_fixture_show (fixture, page);
  g_assert_null (find_label (GTK_WIDGET (fixture->overlay), "Toast from the page"));

  patella_toast_show (find_by_type (page, GTK_TYPE_BUTTON), adw_toast_new ("Toast from the page"));
  flush_events ();
  g_assert_nonnull (find_label (GTK_WIDGET (fixture->overlay), "Toast from the page"));
}

/* Each test has settings of its own: a change does not reach the next. */
static void
test_settings_private (Fixture       *fixture,
                       gconstpointer  data)
{
  g_assert_cmpint (g_settings_get_int (fixture->settings, "ice-minutes"), ==, 15);
  g_settings_set_int (fixture->settings, "ice-minutes", 20);
  g_assert_cmpint (patella_context_get_ice_minutes (fixture->context), ==, 20);
}

int
main (int    argc,
      char **argv)
{
  gtk_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/support-gui/" name, Fixture, NULL, patella_page_fixture_set_up, func, \
              patella_page_fixture_tear_down)

  ADD ("page-from-context", test_page_from_context);
  ADD ("toast-reaches-overlay", test_toast_reaches_overlay);
  ADD ("settings-private", test_settings_private);
  ADD ("settings-private-again", test_settings_private);

#undef ADD

  return g_test_run ();
}
