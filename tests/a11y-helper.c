/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The real application on a fake clock, with its accessibility bridge on,
 * for test-a11y.py: the test walks every view and dialog by writing
 * commands to standard input, one a line, and reads the accessibility tree
 * over AT-SPI after each "ok".
 *   action NAME [GVARIANT]  activates NAME ("app.…", or a widget action of
 *                           the active window or one of its children)
 *   close                   closes the active window
 *   toast TEXT              shows a toast in the main window
 *   popup-menu, popdown     opens or closes the main menu
 *   focus-menu              puts the focus on the main menu button
 *   focus-none              leaves no widget focused
 *   resize WIDTH HEIGHT     resizes the active window
 *   query mapped TOOLTIP    "yes" if a button with this tooltip is on screen
 *   query windows           how many windows are on screen
 *   advance SECONDS         moves the fake clock on
 *   quit                    ends the application
 * PATELLA_TEST_NOW (ISO 8601) is the starting time. */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>

#include "patella-application.h"
#include "patella-test-gui.h"
#include "patella-window.h"

static PatellaApplication *app;
static char *reply;

/* Widget actions live on the widget that installed them: try every widget
 * of the window, so that "shoes.add-shoe" finds the Shoes view. */
static gboolean
activate_in_tree (GtkWidget  *widget,
                  const char *name,
                  GVariant   *parameter)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (activate_in_tree (child, name, parameter))
      return TRUE;

  return gtk_widget_activate_action_variant (widget, name, parameter);
}

static GtkWidget *
find_menu_button (GtkWidget *widget)
{
  if (GTK_IS_MENU_BUTTON (widget))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_menu_button (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
run_command (const char *line)
{
  GtkWindow *active = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (g_str_has_prefix (line, "action "))
    {
      g_auto(GStrv) parts = g_strsplit (line + strlen ("action "), " ", 2);
      g_autoptr(GVariant) parameter = NULL;

      if (parts[1] != NULL)
        {
          parameter = g_variant_parse (NULL, parts[1], NULL, NULL, NULL);
          if (parameter == NULL)
            return FALSE;
          g_variant_ref_sink (parameter);
        }

      if (g_str_has_prefix (parts[0], "app."))
        {
          g_action_group_activate_action (G_ACTION_GROUP (app), parts[0] + strlen ("app."),
                                          parameter);
          return TRUE;
        }

      return active != NULL && activate_in_tree (GTK_WIDGET (active), parts[0], parameter);
    }

  if (g_str_equal (line, "close"))
    {
      GListModel *toplevels = gtk_window_get_toplevels ();

      /* The dialog on top: without a window manager, the main window can
       * stay the active one. */
      for (guint i = g_list_model_get_n_items (toplevels); i > 0; i--)
        {
          g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i - 1);

          if (!PATELLA_IS_WINDOW (window) && gtk_widget_get_mapped (GTK_WIDGET (window)))
            {
              gtk_window_close (window);
              return TRUE;
            }
        }
      if (active == NULL)
        return FALSE;
      gtk_window_close (active);
      return TRUE;
    }

  if (g_str_equal (line, "popup-menu") || g_str_equal (line, "popdown"))
    {
      GtkWidget *button = active != NULL ? find_menu_button (GTK_WIDGET (active)) : NULL;

      if (button == NULL)
        return FALSE;
      if (g_str_equal (line, "popup-menu"))
        gtk_menu_button_popup (GTK_MENU_BUTTON (button));
      else
        gtk_menu_button_popdown (GTK_MENU_BUTTON (button));
      return TRUE;
    }

  /* No control has the focus (as after a click on the page's background). */
  if (g_str_equal (line, "focus-none"))
    {
      if (active == NULL)
        return FALSE;
      gtk_root_set_focus (GTK_ROOT (active), NULL);
      return TRUE;
    }

  if (g_str_equal (line, "focus-menu"))
    {
      GtkWidget *button = active != NULL ? find_menu_button (GTK_WIDGET (active)) : NULL;

      return button != NULL && gtk_widget_grab_focus (button);
    }

  if (g_str_has_prefix (line, "resize "))
    {
      int width, height;

      if (active == NULL || sscanf (line, "resize %d %d", &width, &height) != 2)
        return FALSE;
      gtk_window_set_default_size (active, width, height);
      return TRUE;
    }

  if (g_str_has_prefix (line, "query mapped "))
    {
      GtkWidget *found = active != NULL ? find_by_tooltip (GTK_WIDGET (active),
                                                           line + strlen ("query mapped "))
                                        : NULL;

      reply = g_strdup (found != NULL && gtk_widget_get_mapped (found) ? "yes" : "no");
      return TRUE;
    }

  if (g_str_equal (line, "query windows"))
    {
      GListModel *toplevels = gtk_window_get_toplevels ();
      guint shown = 0;

      for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
        {
          g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

          if (gtk_widget_get_mapped (window))
            shown++;
        }
      reply = g_strdup_printf ("%u", shown);
      return TRUE;
    }

  if (g_str_has_prefix (line, "toast "))
    {
      GList *windows = gtk_application_get_windows (GTK_APPLICATION (app));

      for (GList *l = windows; l != NULL; l = l->next)
        if (PATELLA_IS_WINDOW (l->data))
          {
            patella_window_add_toast (l->data, adw_toast_new (line + strlen ("toast ")));
            return TRUE;
          }
      return FALSE;
    }

  return FALSE;
}

static gboolean
command_cb (PatellaApplication  *application,
            const char          *line,
            char               **answer_out)
{
  gboolean done;

  app = application;
  done = run_command (line);
  *answer_out = g_steal_pointer (&reply);
  return done;
}

int
main (int    argc,
      char **argv)
{
  /* As main.c does: the language of the environment (PATELLA_LOCALEDIR). */
  setlocale (LC_ALL, "");
  if (g_getenv ("PATELLA_LOCALEDIR") != NULL)
    bindtextdomain (GETTEXT_PACKAGE, g_getenv ("PATELLA_LOCALEDIR"));
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  return patella_test_run_driven_app (argc, argv, command_cb);
}
