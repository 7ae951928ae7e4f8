/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* What the GUI tests share: letting GTK catch up, and finding a widget. */

#include <string.h>

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Runs the main loop until it has nothing left to do, a few times over,
 * so that idle work (layout, deferred saves) happens before a test looks. */
static inline void
flush_events (void)
{
  for (guint i = 0; i < 50; i++)
    while (g_main_context_iteration (NULL, FALSE))
      ;
}

static inline gboolean
patella_test_timeout_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Opens @button's popover and waits, up to two seconds, for it to be on
 * screen. Other tests' windows come and go on the same X server; when one
 * takes the focus, an open popover closes, so the popover is opened again
 * until it stays. Returns the popover. */
static inline GtkPopover *
popup_until_mapped (GtkMenuButton *button)
{
  gint64 deadline = g_get_monotonic_time () + 2 * G_USEC_PER_SEC;
  GtkPopover *popover = NULL;

  while (g_get_monotonic_time () < deadline)
    {
      gboolean timed_out = FALSE;
      guint id;

      gtk_menu_button_popup (button);
      popover = gtk_menu_button_get_popover (button);
      id = g_timeout_add (100, patella_test_timeout_cb, &timed_out);
      while (!timed_out && !gtk_widget_get_mapped (GTK_WIDGET (popover)))
        g_main_context_iteration (NULL, TRUE);
      if (!timed_out)
        g_source_remove (id);
      if (gtk_widget_get_mapped (GTK_WIDGET (popover)))
        break;
    }

  g_assert_nonnull (popover);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (popover)));
  return popover;
}

/* The first widget of @type in @root's tree, depth first, or %NULL. */
static inline GtkWidget *
find_by_type (GtkWidget *root,
              GType      type)
{
  if (g_type_is_a (G_OBJECT_TYPE (root), type))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_by_type (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The first label in @root's tree whose text contains @text, or %NULL. */
static inline GtkLabel *
find_label (GtkWidget  *root,
            const char *text)
{
  if (GTK_IS_LABEL (root) && strstr (gtk_label_get_text (GTK_LABEL (root)), text) != NULL)
    return GTK_LABEL (root);

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *found = find_label (child, text);

      if (found != NULL)
        return found;
    }

  return NULL;
}

G_END_DECLS
