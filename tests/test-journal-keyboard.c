/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>

#include "patella-application.h"
#include "patella-journal.h"
#include "patella-journal-editor.h"
#include "patella-journal-form.h"
#include "patella-journal-history.h"
#include "patella-journal-page.h"
#include "patella-window.h"
#include "patella-test-db.h"
#include "patella-test-gui.h"
#include "patella-test-journal.h"

/* The journal used by keyboard alone: each key goes where GTK sends a key
 * press, to the focused widget of the window (or of the popover open in
 * it), through the event controllers and key bindings on the way, as
 * GTK's own dispatch does; nothing here calls the widget that should
 * react. Not real X key events: the GUI tests share one X server, and a
 * key typed there goes to whichever test's window has the input focus. */

typedef PatellaAppFixture Fixture;

static PatellaApplication *test_app;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  const char *sql = data;

  patella_app_fixture_set_up (fixture, data);
  if (sql != NULL)
    {
      patella_test_db_exec (fixture->db, sql);
      patella_application_reopen_store (fixture->app, NULL);
    }
}

/* Keys */

static gboolean
is_open_popover (GtkWidget     *widget,
                 gconstpointer  data)
{
  return GTK_IS_POPOVER (widget) && gtk_widget_get_mapped (widget);
}

/* Where a key typed in @window goes: a popover open in it takes the keys. */
static GtkWidget *
keyboard_root (GtkWidget *window)
{
  GtkWidget *popover = find_widget (window, is_open_popover, NULL);

  return popover != NULL ? popover : window;
}

static GtkWidget *
focus_of (GtkWidget *window)
{
  return gtk_root_get_focus (GTK_ROOT (keyboard_root (window)));
}

static gboolean
trigger_matches (GtkShortcutTrigger *trigger,
                 guint               keyval,
                 GdkModifierType     state)
{
  GdkModifierType mask = GDK_CONTROL_MASK | GDK_SHIFT_MASK | GDK_ALT_MASK | GDK_SUPER_MASK;

  if (GTK_IS_ALTERNATIVE_TRIGGER (trigger))
    return trigger_matches (gtk_alternative_trigger_get_first (GTK_ALTERNATIVE_TRIGGER (trigger)),
                            keyval, state) ||
           trigger_matches (gtk_alternative_trigger_get_second (GTK_ALTERNATIVE_TRIGGER (trigger)),
                            keyval, state);

  if (!GTK_IS_KEYVAL_TRIGGER (trigger))
    return FALSE;

  return gdk_keyval_to_lower (gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger))) ==
         gdk_keyval_to_lower (keyval) &&
         (gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) & mask) == (state & mask);
}

/* What one controller of @widget does with the key; TRUE if it took it. */
static gboolean
controller_takes_key (GtkEventController *controller,
                      GtkWidget          *widget,
                      guint               keyval,
                      GdkModifierType     state)
{
  gboolean handled = FALSE;

  if (!gtk_widget_is_sensitive (widget))
    return FALSE;

  if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
    {
      g_signal_emit_by_name (controller, "key-pressed", keyval, 0, state, &handled);
      if (handled)
        g_signal_emit_by_name (controller, "key-released", keyval, 0, state);
      return handled;
    }

  if (GTK_IS_SHORTCUT_CONTROLLER (controller))
    {
      GListModel *shortcuts = G_LIST_MODEL (controller);

      for (guint i = 0; i < g_list_model_get_n_items (shortcuts); i++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (shortcuts, i);

          if (trigger_matches (gtk_shortcut_get_trigger (shortcut), keyval, state) &&
              gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0, widget,
                                            gtk_shortcut_get_arguments (shortcut)))
            return TRUE;
        }
    }

  return FALSE;
}

static gboolean
phase_takes_key (GtkWidget           *widget,
                 GtkPropagationPhase  phase,
                 guint                keyval,
                 GdkModifierType      state)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (gtk_event_controller_get_propagation_phase (controller) == phase &&
          controller_takes_key (controller, widget, keyval, state))
        return TRUE;
    }

  return FALSE;
}

/* A key pressed (and released) with @state held, typed into @window: down
 * from the window to the focused widget (the capture phase), then back up
 * (the target and bubble phases), as GTK delivers it. */
static void
press_key (GtkWidget       *window,
           guint            keyval,
           GdkModifierType  state)
{
  GtkWidget *root = keyboard_root (window);
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (root));
  g_autoptr(GPtrArray) path = g_ptr_array_new ();

  for (GtkWidget *w = focus != NULL ? focus : root; w != NULL; w = gtk_widget_get_parent (w))
    {
      g_ptr_array_insert (path, 0, w);
      if (w == root)
        break;
    }

  for (guint i = 0; i < path->len; i++)
    if (phase_takes_key (g_ptr_array_index (path, i), GTK_PHASE_CAPTURE, keyval, state))
      goto done;

  for (guint i = path->len; i > 0; i--)
    {
      GtkWidget *w = g_ptr_array_index (path, i - 1);

      if ((i == path->len && phase_takes_key (w, GTK_PHASE_TARGET, keyval, state)) ||
          phase_takes_key (w, GTK_PHASE_BUBBLE, keyval, state))
        goto done;
    }

done:
  flush_events ();
}

static void
press (GtkWidget *window,
       guint      keyval)
{
  press_key (window, keyval, 0);
}

static char *
describe (GtkWidget *widget)
{
  if (widget == NULL)
    return g_strdup ("nothing");

  if (GTK_IS_CHECK_BUTTON (widget) && gtk_check_button_get_label (GTK_CHECK_BUTTON (widget)))
    return g_strdup_printf ("%s '%s'", G_OBJECT_TYPE_NAME (widget),
                            gtk_check_button_get_label (GTK_CHECK_BUTTON (widget)));

  return g_strdup (G_OBJECT_TYPE_NAME (widget));
}

/* @window's keyboard focus is on @expected. */
#define assert_focus(window, expected) \
  G_STMT_START { \
    GtkWidget *focus_ = focus_of (window); \
    if (focus_ != (GtkWidget *) (expected)) \
      { \
        g_autofree char *had_ = describe (focus_); \
        g_autofree char *wanted_ = describe ((GtkWidget *) (expected)); \
        g_test_message ("focus on %s, expected %s", had_, wanted_); \
      } \
    g_assert_true (focus_ == (GtkWidget *) (expected)); \
  } G_STMT_END

/* The journal */

static PatellaJournalPage *
get_page (PatellaWindow *window)
{
  return PATELLA_JOURNAL_PAGE (find_by_type (GTK_WIDGET (window), PATELLA_TYPE_JOURNAL_PAGE));
}

static gboolean
lower_box_shown (gpointer data)
{
  GtkWidget *notes = find_by_label (data, GTK_TYPE_TEXT_VIEW, "Notes");

  return notes != NULL && gtk_widget_get_mapped (notes);
}

/* A window with the journal's editor, everything below the fold built. */
static PatellaWindow *
open_journal (Fixture *fixture)
{
  PatellaWindow *window = patella_window_new (fixture->app);
  PatellaJournalPage *page;

  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 900);
  gtk_window_present (GTK_WINDOW (window));
  flush_events ();
  page = get_page (window);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "journal.start", NULL));
  g_assert_true (wait_until (lower_box_shown, page, 3000));
  return window;
}

/* A rating switched on by Space: Tab goes on to its slider, then to the
 * next rating's switch, as they read. */
static void
test_tab_from_switch_to_slider (Fixture       *fixture,
                                gconstpointer  data)
{
  PatellaWindow *window = open_journal (fixture);
  GtkWidget *win = GTK_WIDGET (window);
  GtkWidget *page = GTK_WIDGET (get_page (window));
  static const char * const ratings[][2] = {
    { "Rate pain at rest", "Pain at rest" },
    { "Rate pain during activity", "Pain during activity" },
    { "Rate pain the next morning", "Pain the next morning" },
  };

  /* The day's first field has the focus: the first rating's switch. */
  assert_focus (win, get_by_label (page, GTK_TYPE_SWITCH, ratings[0][0]));

  for (guint i = 0; i < G_N_ELEMENTS (ratings); i++)
    {
      GtkWidget *rated = get_by_label (page, GTK_TYPE_SWITCH, ratings[i][0]);
      GtkWidget *scale = get_by_label (page, GTK_TYPE_SCALE, ratings[i][1]);

      assert_focus (win, rated);
      /* Tab at once, before the switch would have finished sliding. */
      press (win, GDK_KEY_space);
      press (win, GDK_KEY_Tab);
      assert_focus (win, scale);
      g_assert_true (gtk_switch_get_active (GTK_SWITCH (rated)));
      /* The slider takes the arrows. */
      press (win, GDK_KEY_Right);
      g_assert_cmpfloat (gtk_range_get_value (GTK_RANGE (scale)), ==, 1);
      press (win, GDK_KEY_Tab);
    }

  /* After the last rating: the symptoms; and back again with Shift+Tab. */
  g_assert_true (GTK_IS_CHECK_BUTTON (focus_of (win)));
  press_key (win, GDK_KEY_Tab, GDK_SHIFT_MASK);
  assert_focus (win, get_by_label (page, GTK_TYPE_SCALE, ratings[2][1]));
  press_key (win, GDK_KEY_Tab, GDK_SHIFT_MASK);
  assert_focus (win, get_by_label (page, GTK_TYPE_SWITCH, ratings[2][0]));
  press_key (win, GDK_KEY_Tab, GDK_SHIFT_MASK);
  assert_focus (win, get_by_label (page, GTK_TYPE_SCALE, ratings[1][1]));

  /* Switched off again, the slider is out of the way. */
  press_key (win, GDK_KEY_Tab, GDK_SHIFT_MASK);
  press (win, GDK_KEY_Return);
  g_assert_false (gtk_switch_get_active (get_by_label (page, GTK_TYPE_SWITCH, ratings[1][0])));
  press (win, GDK_KEY_Tab);
  assert_focus (win, get_by_label (page, GTK_TYPE_SWITCH, ratings[2][0]));
}

int
main (int    argc,
      char **argv)
{
  test_app = patella_test_gui_init (&argc, &argv, NULL);

#define ADD(name, data, func) \
  g_test_add ("/journal-keyboard/" name, Fixture, data, fixture_set_up, func, \
              patella_app_fixture_tear_down)

  ADD ("tab-from-switch-to-slider", NULL, test_tab_from_switch_to_slider);

#undef ADD

  return patella_test_gui_run (&test_app);
}
