/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Every view, page, form and dialog fits a 360-pixel-wide phone screen, in
 * the language of the run (registered in English and in German: German
 * words are longer), and nothing Patella says in it is cut short. */
#include "config.h"

#include <locale.h>
#include <glib/gi18n.h>
#include <adwaita.h>

#include "patella-application.h"
#include "patella-guidance-window.h"
#include "patella-journal.h"
#include "patella-plan.h"
#include "patella-plan-window.h"
#include "patella-preferences-window.h"
#include "patella-report-dialog.h"
#include "patella-run-dialog.h"
#include "patella-shoes.h"
#include "patella-test-gui.h"
#include "patella-test-utils.h"
#include "patella-walk-run.h"
#include "patella-window.h"

#define PHONE_WIDTH 360
/* A shoe's name, as long as someone might type it. */
#define USER_TYPED "Langstreckenlaufschuhe für den Winter"

static PatellaApplication *test_app;

/* For the log: the deepest widgets that want more than the phone has. */
static void
log_wide (GtkWidget *widget,
          int        depth)
{
  int width;
  gboolean child_wide = FALSE;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (!gtk_widget_get_visible (child))
        continue;
      gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &width, NULL, NULL, NULL);
      if (width > PHONE_WIDTH - 24)
        {
          child_wide = TRUE;
          log_wide (child, depth + 1);
        }
    }

  if (!child_wide)
    {
      gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &width, NULL, NULL, NULL);
      g_test_message ("  %*s%s %s %d px%s%s", depth, "", G_OBJECT_TYPE_NAME (widget),
                      gtk_widget_get_name (widget), width,
                      GTK_IS_LABEL (widget) ? ": " : "",
                      GTK_IS_LABEL (widget) ? gtk_label_get_text (GTK_LABEL (widget)) : "");
      for (GtkWidget *child = gtk_widget_get_first_child (widget);
           child != NULL;
           child = gtk_widget_get_next_sibling (child))
        {
          GtkLabel *label = find_label (child, "");

          gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &width, NULL, NULL, NULL);
          g_test_message ("  %*s  holding %s %d px (%s)", depth, "", G_OBJECT_TYPE_NAME (child),
                          width, label != NULL ? gtk_label_get_text (label) : "");
        }
    }
}

/* Adds to @cut each label under @widget that is cut short (ends in an
 * ellipsis) at the width it has: a title nobody can read whole. */
static void
find_cut_labels (GtkWidget  *widget,
                 const char *what,
                 GString    *cut)
{
  if (!gtk_widget_get_mapped (widget))
    return;

  if (GTK_IS_LABEL (widget) &&
      gtk_label_get_ellipsize (GTK_LABEL (widget)) != PANGO_ELLIPSIZE_NONE)
    {
      PangoLayout *layout = gtk_label_get_layout (GTK_LABEL (widget));

      /* What the user typed may be long; what Patella says may not. */
      if (pango_layout_is_ellipsized (layout) &&
          !g_str_equal (gtk_label_get_text (GTK_LABEL (widget)), USER_TYPED))
        g_string_append_printf (cut, "%s: “%s” (%s); ", what,
                                gtk_label_get_text (GTK_LABEL (widget)),
                                G_OBJECT_TYPE_NAME (gtk_widget_get_parent (widget)));
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    find_cut_labels (child, what, cut);
}

static int
min_width (GtkWidget *widget)
{
  int width;

  /* The window's content: on a phone, a window has no shadow around it. */
  flush_events ();
  if (GTK_IS_WINDOW (widget))
    widget = gtk_window_get_child (GTK_WINDOW (widget));
  gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &width, NULL, NULL, NULL);
  return width;
}

/* A journal entry for the day before today. */
static void
write_yesterday (PatellaStore *store)
{
  PatellaJournalChange change = PATELLA_JOURNAL_CHANGE_INIT;
  g_autofree char *today = patella_clock_get_today (patella_store_get_clock (store));
  g_autofree char *yesterday = patella_day_add_days (today, -1);
  g_autoptr(GError) error = NULL;

  change.pain_rest = 2;
  g_assert_true (patella_journal_save (store, yesterday, &change, NULL, &error));
  g_assert_no_error (error);
}

/* As a phone shows a dialog: as wide as the screen. */
static void
present_on_phone (GtkWindow *dialog)
{
  gtk_window_set_default_size (dialog, PHONE_WIDTH, 640);
  gtk_window_present (dialog);
  flush_events ();
}

#define ASSERT_FITS(what, widget) \
  G_STMT_START { \
    int w_ = min_width (GTK_WIDGET (widget)); \
    g_test_message ("%s: at least %d px wide", what, w_); \
    if (w_ > PHONE_WIDTH) \
      { \
        log_wide (GTK_IS_WINDOW (widget) ? gtk_window_get_child (GTK_WINDOW (widget)) \
                                         : GTK_WIDGET (widget), 0); \
        if (failures == NULL) \
          failures = g_string_new (NULL); \
        g_string_append_printf (failures, "%s needs %d px; ", what, w_); \
      } \
    wait_ms (400); /* the pages slide in */ \
    find_cut_labels (GTK_WIDGET (widget), what, cut); \
  } G_STMT_END

static void
test_everything_fits (void)
{
  g_autofree char *dir = patella_test_make_dir ();
  g_autofree char *db = g_build_filename (dir, "patella.db", NULL);
  static const char *views[] = { "journal", "timers", "shoes" };
  PatellaShoeInput input = { .name = USER_TYPED,
                             .brand = "Hersteller", .warn_m = 482803, .limit_m = 804672 };
  g_autoptr(GError) error = NULL;
  GString *failures = NULL;
  g_autoptr(GString) cut = g_string_new (NULL);
  PatellaWindow *window;
  PatellaStore *store;
  GtkWidget *shoes_page;
  PatellaWalkRun *walk_run;
  GtkWindow *dialog;
  gint64 id;

  g_setenv ("PATELLA_DB", db, TRUE);
  patella_application_reopen_store (test_app, NULL);
  store = patella_context_get_store (patella_application_get_context (test_app));

  window = patella_window_new (test_app);
  gtk_window_set_default_size (GTK_WINDOW (window), PHONE_WIDTH, 640);
  gtk_window_present (GTK_WINDOW (window));

  /* With nothing written yet: the empty states. */
  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      patella_window_show_view (window, views[i]);
      ASSERT_FITS (views[i], window);
    }

  /* A day written before today: the journal opens on today's editor. */
  write_yesterday (store);
  patella_window_show_view (window, "journal");
  ASSERT_FITS ("today's journal editor", window);
  patella_window_show_view (window, "shoes");

  /* A walk/run session under way, in its warm-up. */
  walk_run = patella_context_get_walk_run (patella_application_get_context (test_app));
  g_assert_true (patella_walk_run_start (walk_run, 3, PATELLA_PLAN_WARM_UP_S, 120, 180, 6, &error));
  g_assert_no_error (error);
  patella_window_show_view (window, "timers");
  ASSERT_FITS ("a walk/run session", window);
  g_assert_true (patella_walk_run_stop (walk_run, &error));
  g_assert_true (patella_walk_run_discard (walk_run, &error));
  g_assert_no_error (error);
  patella_window_show_view (window, "shoes");

  id = patella_shoe_add (store, NULL, &input, &error);
  g_assert_no_error (error);
  ASSERT_FITS ("the list of shoes", window);

  shoes_page = GTK_WIDGET (patella_window_get_shoes_page (window));
  gtk_widget_activate_action (shoes_page, "shoes.open-shoe", "x", id);
  ASSERT_FITS ("a shoe's page", window);
  gtk_widget_activate_action (shoes_page, "shoes.add-shoe", NULL);
  ASSERT_FITS ("the New Shoes form", window);
  gtk_widget_activate_action (shoes_page, "shoes.back", NULL);

  dialog = GTK_WINDOW (patella_preferences_window_new (GTK_WINDOW (window),
                                                       patella_application_get_context (test_app)));
  present_on_phone (dialog);
  ASSERT_FITS ("Preferences", dialog);
  gtk_window_destroy (dialog);

  dialog = GTK_WINDOW (patella_guidance_window_new (GTK_WINDOW (window)));
  present_on_phone (dialog);
  ASSERT_FITS ("Guidance", dialog);
  gtk_window_destroy (dialog);

  dialog = GTK_WINDOW (patella_report_dialog_new (GTK_WINDOW (window), store, NULL));
  present_on_phone (dialog);
  ASSERT_FITS ("the report", dialog);
  gtk_window_destroy (dialog);

  dialog = GTK_WINDOW (patella_run_dialog_new (GTK_WINDOW (window), store, NULL, PATELLA_UNIT_KM));
  present_on_phone (dialog);
  ASSERT_FITS ("Log Run", dialog);
  gtk_window_destroy (dialog);

  /* Opened from the window, as wide as it. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL));
  dialog = find_toplevel (ADW_TYPE_PREFERENCES_WINDOW);
  g_assert_nonnull (dialog);
  ASSERT_FITS ("Keyboard Shortcuts", dialog);
  gtk_window_destroy (dialog);

  /* The recovery plan, before one is started: its start form. */
  dialog = GTK_WINDOW (patella_plan_window_new (GTK_WINDOW (window), store));
  present_on_phone (dialog);
  ASSERT_FITS ("the recovery plan", dialog);
  gtk_window_destroy (dialog);

  gtk_window_destroy (GTK_WINDOW (window));
  flush_events ();
  patella_test_remove_dir (dir);
  g_unsetenv ("PATELLA_DB");

  if (failures != NULL)
    g_error ("Too wide for a phone: %s", failures->str);
  if (cut->len > 0)
    g_error ("Cut short on a phone: %s", cut->str);
}

int
main (int    argc,
      char **argv)
{
  /* As main.c does: the language of the environment, from the build. */
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("PATELLA_LOCALEDIR"));
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  test_app = patella_test_gui_init (&argc, &argv, NULL);

  g_test_add_func ("/narrow/everything-fits", test_everything_fits);

  return patella_test_gui_run (&test_app);
}
