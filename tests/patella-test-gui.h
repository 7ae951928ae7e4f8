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
