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

/* Widgets are found by what a user reads and a screen reader says: a
 * mnemonic label, an accessible label, a button's or a row's own text, an
 * accessible role; a wrong type or a wrong name finds nothing. */
static void
test_find_by_label (void)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *title = gtk_label_new_with_mnemonic ("Pain at _rest");
  GtkWidget *scale = gtk_scale_new_with_range (GTK_ORIENTATION_HORIZONTAL, 0, 10, 1);
  GtkWidget *other_scale = gtk_scale_new_with_range (GTK_ORIENTATION_HORIZONTAL, 0, 10, 1);
  GtkWidget *toggle = gtk_switch_new ();
  GtkWidget *button = gtk_button_new_with_mnemonic ("_Today");
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *row = adw_action_row_new ();

  g_object_ref_sink (box);
  gtk_label_set_mnemonic_widget (GTK_LABEL (title), scale);
  gtk_accessible_update_property (GTK_ACCESSIBLE (toggle), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  "Rate pain at rest", -1);
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), "Advice");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), "Second reminder");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  gtk_box_append (GTK_BOX (box), other_scale);
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), scale);
  gtk_box_append (GTK_BOX (box), toggle);
  gtk_box_append (GTK_BOX (box), button);
  gtk_box_append (GTK_BOX (box), group);

  g_assert_true (find_by_label (box, GTK_TYPE_SCALE, "Pain at rest") == scale);
  g_assert_true (find_by_label (box, GTK_TYPE_SWITCH, "Rate pain at rest") == toggle);
  g_assert_true (find_by_label (box, G_TYPE_INVALID, "Today") == button);
  g_assert_true (find_by_label (box, ADW_TYPE_PREFERENCES_GROUP, "Advice") == group);
  g_assert_true (find_by_label (box, ADW_TYPE_ACTION_ROW, "Second reminder") == row);
  g_assert_true (find_by_role (box, GTK_ACCESSIBLE_ROLE_SWITCH, "Rate pain at rest") == toggle);
  g_assert_true (find_by_role (box, GTK_ACCESSIBLE_ROLE_SWITCH, NULL) == toggle);
  g_assert_true (get_by_type (box, GTK_TYPE_SWITCH) == toggle);

  /* The label itself is not the scale it names; nothing else is found. */
  g_assert_null (find_by_label (box, GTK_TYPE_SWITCH, "Pain at rest"));
  g_assert_null (find_by_label (box, GTK_TYPE_SCALE, "Pain at _rest"));
  g_assert_null (find_by_label (box, GTK_TYPE_SCALE, "Pain during activity"));
  g_assert_null (find_by_role (box, GTK_ACCESSIBLE_ROLE_SLIDER, "Rate pain at rest"));
  g_assert_true (find_by_label (box, GTK_TYPE_LABEL, "Pain at rest") == title);

  /* Lines of text in reading order: the title, then the button's label. */
  g_assert_true (get_label_at (box, 0) == GTK_LABEL (title));
  g_assert_cmpstr (gtk_label_get_text (get_label_at (box, 1)), ==, "Today");

  g_object_unref (box);
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

  g_test_add_func ("/support-gui/find-by-label", test_find_by_label);

  return g_test_run ();
}
