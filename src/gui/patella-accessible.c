/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Names for screen readers where GTK 4.8 and libadwaita 1.2 give none or a
 * wrong one.
 *
 * GTK 4.8 names an element by joining its "label" property and the text of
 * the labels it is labelled by. A button with a mnemonic has both: its own
 * label, underscore and all, and its mnemonic label, so Orca read
 * "Turn _Off Turn Off". An icon-only button is named after its image's
 * class ("GtkImage"), whatever its tooltip says, and the inner toggle of a
 * drop-down after its class. Widgets of Patella's own are named in their
 * templates; this mends the rest (buttons, and the parts of GTK's and
 * libadwaita's widgets that templates cannot reach) as each is mapped. */
#define G_LOG_DOMAIN "patella-accessible"

#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>

#include "patella-accessible.h"

static void tidy_button (GtkButton *button);
static char *strip_underlines (char *text);

static void
button_label_changed_cb (GtkButton  *button,
                         GParamSpec *pspec,
                         gpointer    user_data)
{
  tidy_button (button);
}

/* "Search (Ctrl+F)" → "Search": the key is not part of the name. */
static char *
name_from_tooltip (GtkWidget *widget)
{
  const char *tooltip = gtk_widget_get_tooltip_text (widget);
  const char *open;

  if (tooltip == NULL || *tooltip == '\0')
    return NULL;

  open = strrchr (tooltip, '(');
  if (open != NULL && open > tooltip && g_str_has_suffix (tooltip, ")"))
    return g_strstrip (g_strndup (tooltip, open - tooltip));

  return g_strdup (tooltip);
}

static void
tidy_button (GtkButton *button)
{
  GtkWidget *widget = GTK_WIDGET (button);
  GtkWidget *parent = gtk_widget_get_parent (widget);
  GtkWidget *child = gtk_button_get_child (button);
  const char *label = gtk_button_get_label (button);

  if (g_object_get_data (G_OBJECT (button), "patella-accessible-watched") == NULL)
    {
      g_object_set_data (G_OBJECT (button), "patella-accessible-watched", GINT_TO_POINTER (1));
      g_signal_connect (button, "notify::label", G_CALLBACK (button_label_changed_cb), NULL);
    }

  /* Named by its mnemonic label alone. */
  if (label != NULL && gtk_button_get_use_underline (button) && strchr (label, '_') != NULL)
    {
      gtk_accessible_reset_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL);
      return;
    }

  /* The toggle inside a drop-down that a row activates says the row's title
   * (GTK 4.8 names it after the drop-down's class otherwise: the drop-down
   * is named by a relation, which a relation does not follow). */
  if (parent != NULL && GTK_IS_DROP_DOWN (parent) &&
      ADW_IS_ACTION_ROW (gtk_widget_get_ancestor (parent, ADW_TYPE_ACTION_ROW)))
    {
      GtkWidget *row = gtk_widget_get_ancestor (parent, ADW_TYPE_ACTION_ROW);

      if (adw_action_row_get_activatable_widget (ADW_ACTION_ROW (row)) == parent)
        {
          g_autofree char *title =
            g_strdup (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));

          if (adw_preferences_row_get_use_underline (ADW_PREFERENCES_ROW (row)))
            title = strip_underlines (title);
          gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                          GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                          -1);
          return;
        }
    }

  /* The toggle inside a menu button or a drop-down says what its owner says. */
  if (parent != NULL && (GTK_IS_MENU_BUTTON (parent) || GTK_IS_DROP_DOWN (parent)))
    {
      gtk_accessible_update_relation (GTK_ACCESSIBLE (button),
                                      GTK_ACCESSIBLE_RELATION_LABELLED_BY, parent, NULL,
                                      -1);
      return;
    }

  /* A button around a label of its own (libadwaita's version button). */
  if (label == NULL && child != NULL && GTK_IS_LABEL (child))
    {
      gtk_accessible_update_relation (GTK_ACCESSIBLE (button),
                                      GTK_ACCESSIBLE_RELATION_LABELLED_BY, child, NULL,
                                      -1);
      return;
    }

  if (child != NULL && GTK_IS_IMAGE (child))
    {
      g_autofree char *name = name_from_tooltip (widget);
      const char *icon = gtk_image_get_icon_name (GTK_IMAGE (child));

      /* libadwaita's toasts and GTK's shortcuts window have icon buttons
       * without tooltips. */
      if (name == NULL && g_strcmp0 (icon, "window-close-symbolic") == 0)
        name = g_strdup (_("Close"));
      else if (name == NULL && (g_strcmp0 (icon, "edit-find-symbolic") == 0 ||
                                g_strcmp0 (icon, "system-search-symbolic") == 0))
        name = g_strdup (_("Search"));

      if (name != NULL)
        gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                        GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                        -1);
    }
}

static void
tidy_tree (GtkWidget *widget)
{
  patella_accessible_tidy (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    tidy_tree (child);
}

static char *
strip_underlines (char *text)
{
  char *out = text;

  for (const char *in = text; *in != '\0'; in++)
    if (*in != '_' || in[1] == '_')
      *out++ = *in;
    else if (in[1] == '_')
      in++;
  *out = '\0';

  return text;
}

static gboolean
holds_control (GtkWidget *widget)
{
  if (GTK_IS_RANGE (widget) || GTK_IS_BUTTON (widget) || GTK_IS_MENU_BUTTON (widget) ||
      GTK_IS_EDITABLE (widget) || GTK_IS_SWITCH (widget) || GTK_IS_CHECK_BUTTON (widget) ||
      GTK_IS_DROP_DOWN (widget) || GTK_IS_TEXT_VIEW (widget))
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (holds_control (child))
      return TRUE;

  return FALSE;
}

/* GTK 4.8 gives a window its accessible role ("frame", "dialog") only at
 * the end of its mapping, after its widgets were mapped. Until then the
 * window's accessible has the role of any widget, and a widget inside it
 * that stops taking the focus makes itself, its parents and the window
 * known to screen readers at once, the window as a "filler" for good (the
 * Preferences, Report and Plan windows were). So the widgets that a window
 * maps wait for the window's own pass, which comes after its mapping
 * (widget_mapped_cb). */
#define ROLE_SET_KEY "patella-accessible-role-set"

static void
set_not_focusable (GtkWidget *widget)
{
  GtkRoot *root = gtk_widget_get_root (widget);

  if (root != NULL && g_object_get_data (G_OBJECT (root), ROLE_SET_KEY) != NULL)
    gtk_widget_set_focusable (widget, FALSE);
}

/* Whether @row works a control of its own (a switch, a spin button, a
 * drop-down) that a click anywhere on the row works too, or is there only
 * for its controls (a backup's Restore button: the row itself does nothing). */
static gboolean
is_control_row (GtkListBoxRow *row)
{
  GtkWidget *control;

  if (!ADW_IS_ACTION_ROW (row))
    return FALSE;

  control = adw_action_row_get_activatable_widget (ADW_ACTION_ROW (row));
  if (control != NULL)
    return holds_control (control);

  return !gtk_list_box_row_get_activatable (row) && holds_control (GTK_WIDGET (row));
}

/* The next row of @list that a user can reach from @row, @count rows on
 * (before it when negative), or NULL. */
static GtkWidget *
row_after (GtkListBox    *list,
           GtkListBoxRow *row,
           int            count)
{
  int index = gtk_list_box_row_get_index (row);
  int step = count < 0 ? -1 : 1;
  GtkWidget *found = NULL;

  for (int left = ABS (count); left > 0 && index >= 0; )
    {
      GtkListBoxRow *next;

      index += step;
      next = index >= 0 ? gtk_list_box_get_row_at_index (list, index) : NULL;
      if (next == NULL)
        break;
      if (gtk_widget_get_visible (GTK_WIDGET (next)) &&
          gtk_widget_get_child_visible (GTK_WIDGET (next)) &&
          gtk_widget_is_sensitive (GTK_WIDGET (next)))
        {
          found = GTK_WIDGET (next);
          left--;
        }
    }

  return found;
}

/* Up and Down in a list of rows that work controls: from the row that holds
 * the focus to the one before or after it, at its control. GTK moves from
 * the last row clicked or focused itself, and a row that is not a Tab stop
 * never takes the focus, so the focus stayed where it was. */
static void
list_move_cursor_cb (GtkListBox      *list,
                     GtkMovementStep  step,
                     int              count,
                     gboolean         extend,
                     gboolean         modify,
                     gpointer         user_data)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (list));
  GtkWidget *row = root != NULL ? gtk_root_get_focus (root) : NULL;
  GtkWidget *target;
  GtkDirectionType direction = count < 0 ? GTK_DIR_UP : GTK_DIR_DOWN;

  if (step != GTK_MOVEMENT_DISPLAY_LINES || count == 0)
    return;

  while (row != NULL && gtk_widget_get_parent (row) != GTK_WIDGET (list))
    row = gtk_widget_get_parent (row);
  if (!GTK_IS_LIST_BOX_ROW (row))
    return;

  g_signal_stop_emission_by_name (list, "move-cursor");

  target = row_after (list, GTK_LIST_BOX_ROW (row), count);
  if (target != NULL && gtk_widget_get_focusable (target) && gtk_widget_grab_focus (target))
    return;
  if (target != NULL && gtk_widget_child_focus (target, GTK_DIR_TAB_FORWARD))
    return;

  /* Past the first or the last row: on to what comes before or after the
   * list, as GTK does. */
  if (!gtk_widget_keynav_failed (GTK_WIDGET (list), direction))
    gtk_widget_child_focus (GTK_WIDGET (root),
                            count < 0 ? GTK_DIR_TAB_BACKWARD : GTK_DIR_TAB_FORWARD);
}

/* A row that works a control is one Tab stop, at the control: a click on
 * the row still works it, and the control is named by the row's title
 * (libadwaita's relation). A row that is there for its controls stops at
 * each of them only. */
static void
tidy_control_row (GtkListBoxRow *row)
{
  GtkWidget *list = gtk_widget_get_parent (GTK_WIDGET (row));
  GtkWidget *control = ADW_IS_ACTION_ROW (row)
                       ? adw_action_row_get_activatable_widget (ADW_ACTION_ROW (row)) : NULL;
  const char *title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row));

  set_not_focusable (GTK_WIDGET (row));

  /* The control is named by the row's title, once: libadwaita makes the
   * title its label, and a title with a mnemonic its mnemonic label too,
   * which GTK 4.8 joined into "Distance Distance". A button says what it
   * does in its own words ("Choose…"), and keeps them. */
  if (control != NULL && !GTK_IS_BUTTON (control) && title != NULL && *title != '\0')
    {
      g_autofree char *name = g_strdup (title);

      if (adw_preferences_row_get_use_underline (ADW_PREFERENCES_ROW (row)))
        name = strip_underlines (name);
      gtk_accessible_reset_relation (GTK_ACCESSIBLE (control),
                                     GTK_ACCESSIBLE_RELATION_LABELLED_BY);
      gtk_accessible_update_property (GTK_ACCESSIBLE (control),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                      -1);
    }

  if (GTK_IS_LIST_BOX (list) &&
      gtk_list_box_get_selection_mode (GTK_LIST_BOX (list)) == GTK_SELECTION_NONE &&
      g_object_get_data (G_OBJECT (list), "patella-accessible-arrows") == NULL)
    {
      g_object_set_data (G_OBJECT (list), "patella-accessible-arrows", GINT_TO_POINTER (1));
      g_signal_connect (list, "move-cursor", G_CALLBACK (list_move_cursor_cb), NULL);
    }
}

/* A row that only holds controls, or works one, is one Tab stop, at its
 * control; any other row of Patella's own is named after what it shows. */
static void
tidy_row (GtkListBoxRow *row)
{
  GtkWidget *child = gtk_list_box_row_get_child (row);

  if (is_control_row (row))
    {
      tidy_control_row (row);
      return;
    }

  /* libadwaita's own rows are named by their titles already. */
  if ((G_OBJECT_TYPE (row) != GTK_TYPE_LIST_BOX_ROW &&
       G_OBJECT_TYPE (row) != ADW_TYPE_PREFERENCES_ROW) || child == NULL)
    return;

  if (!gtk_list_box_row_get_activatable (row) && holds_control (child))
    set_not_focusable (GTK_WIDGET (row));

  if (ADW_IS_PREFERENCES_ROW (row) && adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)) != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)),
                                    -1);
  else if (GTK_IS_LABEL (child))
    gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    gtk_label_get_text (GTK_LABEL (child)),
                                    -1);
  else
    gtk_accessible_update_relation (GTK_ACCESSIBLE (row),
                                    GTK_ACCESSIBLE_RELATION_LABELLED_BY, child, NULL,
                                    -1);
}

static GtkLabel *
first_label (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget))
    return GTK_LABEL (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *found = first_label (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* An item of a drop-down's list (GTK's GtkListItemWidget) is named after
 * the label it shows. */
static void
tidy_list_item (GtkWidget *item)
{
  GtkWidget *child = gtk_widget_get_first_child (item);
  GtkLabel *label;

  /* A row of Patella's own names itself. */
  if (child != NULL && !GTK_IS_LABEL (child) && !GTK_IS_BOX (child))
    {
      gtk_accessible_update_relation (GTK_ACCESSIBLE (item),
                                      GTK_ACCESSIBLE_RELATION_LABELLED_BY, child, NULL,
                                      -1);
      return;
    }

  label = first_label (item);
  if (label != NULL)
    gtk_accessible_update_relation (GTK_ACCESSIBLE (item),
                                    GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL,
                                    -1);
}

/* libadwaita 1.2's entry row types into a GtkText, which GTK 4.8 keeps out
 * of the accessibility tree (its role is "none"), and GTK tells the focus of
 * such an element to its parent: here a part of the row that never has the
 * focus itself, so no element was ever told focused and Orca said nothing
 * when the row was reached by keyboard (a GtkEntry answers for its text;
 * the row does not). With a role and the row's title as its name, the text
 * is told focused itself, as the text of a GtkEntry is reachable. The role
 * can be set while GTK has not yet exposed the text, which it does not do
 * while the role is "none". */
static void
tidy_entry_row (GtkWidget *row)
{
  GtkEditable *text = gtk_editable_get_delegate (GTK_EDITABLE (row));
  g_autofree char *title = NULL;

  if (!GTK_IS_TEXT (text) ||
      gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (text)) != GTK_ACCESSIBLE_ROLE_NONE)
    return;

  title = g_strdup (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));
  if (adw_preferences_row_get_use_underline (ADW_PREFERENCES_ROW (row)))
    title = strip_underlines (title);

  gtk_accessible_update_property (GTK_ACCESSIBLE (text),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  -1);
  g_object_set (text, "accessible-role", GTK_ACCESSIBLE_ROLE_TEXT_BOX, NULL);
}

static gboolean
widget_mapped_cb (GSignalInvocationHint *hint,
                  guint                  n_params,
                  const GValue          *params,
                  gpointer               user_data)
{
  GtkWidget *widget = g_value_get_object (&params[0]);

  /* Mapped: GTK has given the window its role (see set_not_focusable). */
  if (GTK_IS_ROOT (widget))
    g_object_set_data (G_OBJECT (widget), ROLE_SET_KEY, GINT_TO_POINTER (1));

  /* A window, a view or a stack also mends what it holds but does not
   * show yet (the other pages of a stack), which a screen reader can still
   * reach. */
  if (GTK_IS_NATIVE (widget) || GTK_IS_STACK (widget) || ADW_IS_VIEW_STACK (widget) ||
      ADW_IS_LEAFLET (widget) || ADW_IS_SQUEEZER (widget) ||
      g_str_has_prefix (G_OBJECT_TYPE_NAME (widget), "Patella"))
    tidy_tree (widget);
  else
    patella_accessible_tidy (widget);

  return TRUE;
}

/**
 * patella_accessible_tidy:
 *
 * Mends the accessible name of @widget, if it needs it.
 */
void
patella_accessible_tidy (GtkWidget *widget)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  if (GTK_IS_BUTTON (widget))
    tidy_button (GTK_BUTTON (widget));
  else if (GTK_IS_MENU_BUTTON (widget))
    {
      g_autofree char *name = name_from_tooltip (widget);

      if (name == NULL)
        name = g_strdup (gtk_menu_button_get_label (GTK_MENU_BUTTON (widget)));
      /* The one menu button of GTK's shortcuts window chooses a section. */
      if (name == NULL && GTK_IS_SHORTCUTS_WINDOW (gtk_widget_get_root (widget)))
        name = g_strdup (_("Sections"));
      if (name != NULL && gtk_menu_button_get_use_underline (GTK_MENU_BUTTON (widget)))
        name = strip_underlines (name);
      if (name != NULL)
        gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                        GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                        -1);
    }
  else if (GTK_IS_TEXT_VIEW (widget) && !gtk_text_view_get_editable (GTK_TEXT_VIEW (widget)) &&
           ADW_IS_ABOUT_WINDOW (gtk_widget_get_root (widget)))
    {
      /* The About window's text: the comments, on its "Details" page. */
      gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("Details"),
                                      -1);
    }
  else if (GTK_IS_SEARCH_ENTRY (widget))
    {
      g_autofree char *placeholder = NULL;

      /* A search entry says what its placeholder says; libadwaita's
       * preferences windows give theirs none. */
      g_object_get (widget, "placeholder-text", &placeholder, NULL);
      gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      placeholder != NULL && *placeholder != '\0' ?
                                      placeholder : _("Search"),
                                      -1);
    }
  else if (ADW_IS_ENTRY_ROW (widget))
    tidy_entry_row (widget);
  else if (GTK_IS_LIST_BOX_ROW (widget))
    tidy_row (GTK_LIST_BOX_ROW (widget));
  else if (GTK_IS_FLOW_BOX_CHILD (widget) && GTK_IS_FLOW_BOX (gtk_widget_get_parent (widget)) &&
           gtk_flow_box_get_selection_mode (GTK_FLOW_BOX (gtk_widget_get_parent (widget))) ==
           GTK_SELECTION_NONE &&
           holds_control (widget))
    /* A flow box that only lays buttons out: one Tab stop each, at the button. */
    set_not_focusable (widget);
  else if (G_OBJECT_TYPE (widget) == g_type_from_name ("GtkListItemWidget"))
    tidy_list_item (widget);
  else if (GTK_IS_EXPANDER (widget) && gtk_expander_get_label (GTK_EXPANDER (widget)) != NULL)
    {
      gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      gtk_expander_get_label (GTK_EXPANDER (widget)),
                                      -1);
    }
}

static gboolean
list_key_pressed_cb (GtkEventControllerKey *controller,
                     guint                  keyval,
                     guint                  keycode,
                     GdkModifierType        state,
                     gpointer               user_data)
{
  GtkWidget *list = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  GtkDirectionType direction;
  GtkRoot *root = gtk_widget_get_root (list);

  if (root == NULL || (state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) != 0)
    return FALSE;

  if (keyval == GDK_KEY_ISO_Left_Tab ||
      ((keyval == GDK_KEY_Tab || keyval == GDK_KEY_KP_Tab) && (state & GDK_SHIFT_MASK) != 0))
    direction = GTK_DIR_TAB_BACKWARD;
  else if (keyval == GDK_KEY_Tab || keyval == GDK_KEY_KP_Tab)
    direction = GTK_DIR_TAB_FORWARD;
  else
    return FALSE;

  /* With the list out of the focus chain, the window moves the focus to
   * what comes after (or before) the list. */
  gtk_widget_set_can_focus (list, FALSE);
  gtk_widget_child_focus (GTK_WIDGET (root), direction);
  gtk_widget_set_can_focus (list, TRUE);

  return TRUE;
}

/**
 * patella_accessible_one_tab_stop:
 *
 * Makes @list one Tab stop: Tab and Shift+Tab leave it from any row, and
 * the arrow keys move between its rows, as in any list.
 */
void
patella_accessible_one_tab_stop (GtkWidget *list)
{
  GtkEventController *keys;

  g_return_if_fail (GTK_IS_WIDGET (list));

  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (list_key_pressed_cb), NULL);
  gtk_widget_add_controller (list, keys);
}

static GtkWidget *
first_list (GtkWidget *widget)
{
  if (GTK_IS_LIST_BOX (widget))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = first_list (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/**
 * patella_accessible_group_one_tab_stop:
 *
 * Makes the rows of @group, an #AdwPreferencesGroup, one Tab stop, as
 * patella_accessible_one_tab_stop() does a list: for a group of rows to
 * read, not to act on.
 */
void
patella_accessible_group_one_tab_stop (GtkWidget *group)
{
  GtkWidget *list;

  g_return_if_fail (ADW_IS_PREFERENCES_GROUP (group));

  list = first_list (group);
  g_return_if_fail (list != NULL);
  patella_accessible_one_tab_stop (list);
}

/**
 * patella_accessible_init:
 *
 * Mends accessible names of every widget from now on, as each is mapped.
 */
void
patella_accessible_init (void)
{
  static gsize done = 0;

  if (g_once_init_enter (&done))
    {
      /* The class, and with it the signal, exists once a widget has. */
      g_type_class_unref (g_type_class_ref (GTK_TYPE_WIDGET));
      g_signal_add_emission_hook (g_signal_lookup ("map", GTK_TYPE_WIDGET), 0,
                                  widget_mapped_cb, NULL, NULL);
      g_once_init_leave (&done, 1);
    }
}

/* Announcements. GTK 4.8 has no gtk_accessible_announce(), and Orca 43
 * (the version of this platform) presents an element that becomes showing
 * only for a "notification", a role GTK 4.8 never gives, or for an "alert"
 * that is not a top-level window, while GTK 4.8 sends "showing" for
 * top-level windows only. What Orca does present at once, without moving
 * anything, is a new description of the element that has the focus
 * (object:property-change:accessible-description). So the announcement
 * becomes that element's description until the focus moves on; then the
 * description is cleared again. */

#define DESCRIBED_KEY "patella-accessible-announced-on"

static void
focus_moved_cb (GtkWindow  *window,
                GParamSpec *pspec,
                gpointer    user_data)
{
  GtkWidget *described = g_object_get_data (G_OBJECT (window), DESCRIBED_KEY);

  if (described == NULL || gtk_window_get_focus (window) == described)
    return;

  gtk_accessible_reset_property (GTK_ACCESSIBLE (described),
                                 GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
  g_object_set_data (G_OBJECT (window), DESCRIBED_KEY, NULL);
}

/**
 * patella_accessible_announce:
 * @from: a widget in the window the announcement is about
 * @text: what a screen reader says, a whole sentence
 *
 * Has screen readers say @text without moving the focus: a timer's phase
 * that changed, a safety reminder in a toast. Nothing changes on screen.
 */
void
patella_accessible_announce (GtkWidget  *from,
                             const char *text)
{
  GtkRoot *root;
  GtkWidget *focus;

  g_return_if_fail (GTK_IS_WIDGET (from));
  g_return_if_fail (text != NULL);

  root = gtk_widget_get_root (from);
  if (!GTK_IS_WINDOW (root) || *text == '\0')
    return;

  if (g_object_get_data (G_OBJECT (root), "patella-accessible-announces") == NULL)
    {
      g_object_set_data (G_OBJECT (root), "patella-accessible-announces", GINT_TO_POINTER (1));
      g_signal_connect (root, "notify::focus-widget", G_CALLBACK (focus_moved_cb), NULL);
    }

  /* The window itself when nothing in it has the focus. */
  focus = gtk_window_get_focus (GTK_WINDOW (root));
  if (focus == NULL)
    focus = GTK_WIDGET (root);

  /* The same text again is a change too: cleared first. */
  gtk_accessible_reset_property (GTK_ACCESSIBLE (focus), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
  gtk_accessible_update_property (GTK_ACCESSIBLE (focus),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text,
                                  -1);
  if (focus != GTK_WIDGET (root))
    g_object_set_data_full (G_OBJECT (root), DESCRIBED_KEY, g_object_ref (focus),
                            g_object_unref);
}
