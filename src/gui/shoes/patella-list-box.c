/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "patella-list-box"

#include "config.h"

#include "patella-list-box.h"

/* Lists that are rebuilt when the data changes keep the user's place: the
 * index of the row that had the focus is read before, and focused after. */

void
patella_list_box_remove_all (GtkListBox *list)
{
  GtkWidget *child;

  g_return_if_fail (GTK_IS_LIST_BOX (list));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

/**
 * patella_list_box_get_focused_index:
 *
 * Returns: the index of the row of @list that has the keyboard focus (or a
 *   widget in it), or -1
 */
int
patella_list_box_get_focused_index (GtkListBox *list)
{
  GtkRoot *root;
  GtkWidget *focus;
  GtkWidget *row;

  g_return_val_if_fail (GTK_IS_LIST_BOX (list), -1);

  root = gtk_widget_get_root (GTK_WIDGET (list));
  focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  if (focus == NULL || !gtk_widget_is_ancestor (focus, GTK_WIDGET (list)))
    return -1;

  row = gtk_widget_get_ancestor (focus, GTK_TYPE_LIST_BOX_ROW);
  return row != NULL ? gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row)) : -1;
}

/**
 * patella_list_box_focus_index:
 * @index: a row's index, or -1 for none
 *
 * Focuses the row at @index or, when the list got shorter, the last one.
 */
void
patella_list_box_focus_index (GtkListBox *list,
                              int         index)
{
  GtkListBoxRow *row = NULL;

  g_return_if_fail (GTK_IS_LIST_BOX (list));

  for (; index >= 0 && row == NULL; index--)
    row = gtk_list_box_get_row_at_index (list, index);

  if (row != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (row));
}
