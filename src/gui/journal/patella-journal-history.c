/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "patella-journal-history"

#include "config.h"

#include <glib/gi18n.h>

#include "patella-accessible.h"
#include "patella-focus-ring.h"
#include "patella-journal-history.h"
#include "patella-journal-row.h"
#include "patella-view.h"

/* The journal's days, newest first, and the search through them: the
 * history pane of the journal page's leaflet. A day chosen here is given to
 * the page through the day-activated signal. */
struct _PatellaJournalHistory
{
  GtkWidget            parent_instance;

  PatellaJournalModel *model;
  GtkSliceListModel   *slice;           /* the model as the list view sees it */
  gboolean             folded;

  GtkSearchBar        *search_bar;
  GtkSearchEntry      *search_entry;
  GtkStack            *history_stack;
  GtkListView         *history_view;
};

G_DEFINE_FINAL_TYPE (PatellaJournalHistory, patella_journal_history, GTK_TYPE_WIDGET)

enum {
  DAY_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* GTK 4.8's list view keeps rows for about 200 items around what it shows;
 * building them all before the first frame was a third of the start-up of a
 * window with a journal. The first frame gets a screenful, the whole history
 * comes a frame later (tests/bench). A screenful is the window's height, or
 * the tallest monitor's when the window fills one, less the header bar and
 * the history's own header, in rows of the shortest kind: 49 px at the
 * default font size (two lines of text and 14 px of margins; a row with a
 * note is 65 px). Text grows with the font resolution (GtkSettings's
 * gtk-xft-dpi, which large text raises). Each row more costs about 0.4 % of
 * the instructions to the first frame; a row too few would leave the bottom
 * of the list empty for one frame. */
#define HISTORY_CHROME_HEIGHT    94
#define HISTORY_ROW_MARGINS      14
#define HISTORY_ROW_TEXT_HEIGHT  35
#define HISTORY_FALLBACK_ROWS    40

/* One click opens a day. Not through GtkListView:single-click-activate:
 * with it, GTK 4.8 selects whatever row the pointer enters, also while the
 * list unmaps a row scrolled out of view during its allocation, and then
 * frees that row in the middle of unmapping it (a crash seen under load,
 * in gtk_widget_real_unmap). Keys and double clicks activate as in any
 * list view; a gesture on the whole list handles the single click, on a
 * row's padding and separator too. */
#define HISTORY_ROW_GAP 6

static guint
first_rows (PatellaJournalHistory *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  int dpi = -1;
  int width;
  int height = -1;
  double row;

  if (!GTK_IS_WINDOW (root))
    return HISTORY_FALLBACK_ROWS;

  if (gtk_window_is_maximized (GTK_WINDOW (root)) ||
      gtk_window_is_fullscreen (GTK_WINDOW (root)))
    {
      GListModel *monitors = gdk_display_get_monitors (gtk_widget_get_display (GTK_WIDGET (root)));

      for (guint i = 0; i < g_list_model_get_n_items (monitors); i++)
        {
          g_autoptr(GdkMonitor) monitor = g_list_model_get_item (monitors, i);
          GdkRectangle geometry;

          gdk_monitor_get_geometry (monitor, &geometry);
          height = MAX (height, geometry.height);
        }
    }
  else
    {
      gtk_window_get_default_size (GTK_WINDOW (root), &width, &height);
    }

  if (height <= 0)
    return HISTORY_FALLBACK_ROWS;

  /* In 1024ths of a dot per inch; -1 is the default, 96. */
  g_object_get (gtk_widget_get_settings (GTK_WIDGET (self)), "gtk-xft-dpi", &dpi, NULL);
  row = HISTORY_ROW_MARGINS + HISTORY_ROW_TEXT_HEIGHT * (dpi > 0 ? dpi / 1024.0 / 96.0 : 1.0);

  return (guint) (MAX (height - HISTORY_CHROME_HEIGHT, 0) / row) + 1;
}

static void
update_state (PatellaJournalHistory *self)
{
  static const char * const names[] = { "list", "no-match", "empty" };
  guint n = self->model != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->model)) : 0;
  const char *name;

  if (n > 0)
    name = "list";
  else if (self->model != NULL && patella_journal_model_get_search (self->model) != NULL)
    name = "no-match";
  else
    name = "empty";

  /* Only the child shown is visible: a hidden status page is not measured,
   * so its large icon is not rendered (through librsvg) at start-up. */
  gtk_widget_set_visible (gtk_stack_get_child_by_name (self->history_stack, name), TRUE);
  gtk_stack_set_visible_child_name (self->history_stack, name);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (!g_str_equal (names[i], name))
      gtk_widget_set_visible (gtk_stack_get_child_by_name (self->history_stack, names[i]), FALSE);
}

static void
clear_model (PatellaJournalHistory *self)
{
  if (self->model != NULL)
    g_signal_handlers_disconnect_by_func (self->model, update_state, self);
  if (self->history_view != NULL)
    gtk_list_view_set_model (self->history_view, NULL);
  g_clear_object (&self->slice);
  g_clear_object (&self->model);
}

static void
search_changed_cb (PatellaJournalHistory *self)
{
  if (self->model == NULL)
    return;

  patella_journal_model_set_search (self->model,
                                    gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  update_state (self);
}

static void
history_activated_cb (PatellaJournalHistory *self,
                      guint                  position)
{
  g_autoptr(PatellaJournalEntry) entry = NULL;

  if (self->model == NULL)
    return;

  entry = g_list_model_get_item (G_LIST_MODEL (self->model), position);
  if (entry != NULL)
    g_signal_emit (self, signals[DAY_ACTIVATED], 0, patella_journal_entry_get_day (entry));
}

/* Enter in the search opens the first day found, at once. */
static void
search_activate_cb (PatellaJournalHistory *self)
{
  search_changed_cb (self);
  history_activated_cb (self, 0);
}

static void
history_released_cb (GtkGestureClick       *gesture,
                     int                    n_press,
                     double                 x,
                     double                 y,
                     PatellaJournalHistory *self)
{
  GtkWidget *view = GTK_WIDGET (self->history_view);
  GtkWidget *item_widget = NULL;
  GtkListItem *item;

  if (n_press != 1)
    return;

  /* The list's own child under the pointer holds the row. */
  for (GtkWidget *widget = gtk_widget_pick (view, x, y, GTK_PICK_DEFAULT);
       widget != NULL && widget != view;
       widget = gtk_widget_get_parent (widget))
    item_widget = widget;

  /* Between two rows (the sidebar style spaces them), below the separator
   * of the one above: the one below. */
  for (GtkWidget *child = gtk_widget_get_first_child (view);
       item_widget == NULL && child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      graphene_rect_t bounds;

      if (gtk_widget_get_mapped (child) &&
          gtk_widget_compute_bounds (child, view, &bounds) &&
          y < bounds.origin.y && y >= bounds.origin.y - HISTORY_ROW_GAP)
        item_widget = child;
    }

  if (item_widget == NULL || gtk_widget_get_first_child (item_widget) == NULL)
    return;

  item = g_object_get_data (G_OBJECT (gtk_widget_get_first_child (item_widget)),
                            "patella-list-item");
  if (item != NULL)
    history_activated_cb (self, gtk_list_item_get_position (item));
}

/* Where @day is in the list, or would be: the list is newest first, and
 * read in pages, so the search reads a few of them, not the whole journal. */
static guint
position_of_day (PatellaJournalHistory *self,
                 const char            *day)
{
  GListModel *model = G_LIST_MODEL (self->slice);
  guint low = 0;
  guint high = g_list_model_get_n_items (model);

  while (low < high)
    {
      guint middle = low + (high - low) / 2;
      g_autoptr(PatellaJournalEntry) entry = g_list_model_get_item (model, middle);

      if (entry != NULL && g_strcmp0 (patella_journal_entry_get_day (entry), day) > 0)
        low = middle + 1;
      else
        high = middle;
    }

  return low;
}

/* The row the list shows for @position, if it has built one. */
static GtkWidget *
row_at (PatellaJournalHistory *self,
        guint                  position)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->history_view));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *row = gtk_widget_get_first_child (child);
      GtkListItem *item = row != NULL ? g_object_get_data (G_OBJECT (row), "patella-list-item")
                                      : NULL;

      if (item != NULL && gtk_list_item_get_position (item) == position &&
          gtk_widget_get_child_visible (child))
        return child;
    }

  return NULL;
}

/* A page without anything to act on takes the focus while it has it, so
 * that the focus is somewhere a keyboard user sees and a screen reader
 * says; then it is out of the way of Tab again. */
static void
placeholder_focus_changed_cb (GtkWidget             *widget,
                              GParamSpec            *pspec,
                              PatellaJournalHistory *self)
{
  /* The history draws its ring (see patella_journal_history_snapshot()). */
  gtk_widget_queue_draw (GTK_WIDGET (self));
  if (gtk_widget_has_focus (widget))
    return;

  gtk_widget_set_focusable (widget, FALSE);
  g_signal_handlers_disconnect_by_func (widget, placeholder_focus_changed_cb, self);
}

static void
focus_placeholder (PatellaJournalHistory *self,
                   GtkWidget             *widget)
{
  if (!gtk_widget_get_focusable (widget))
    {
      gtk_widget_set_focusable (widget, TRUE);
      g_signal_connect (widget, "notify::has-focus", G_CALLBACK (placeholder_focus_changed_cb),
                        self);
    }

  gtk_widget_grab_focus (widget);
}

static void
row_setup_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item)
{
  GtkWidget *row = patella_journal_row_new ();

  g_object_set_data (G_OBJECT (row), "patella-list-item", item);
  gtk_list_item_set_child (item, row);
}

static void
row_bind_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item)
{
  patella_journal_row_set_entry (PATELLA_JOURNAL_ROW (gtk_list_item_get_child (item)),
                                 gtk_list_item_get_item (item));
}

static void
row_unbind_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item)
{
  patella_journal_row_set_entry (PATELLA_JOURNAL_ROW (gtk_list_item_get_child (item)), NULL);
}

/* The style sheet draws no focus ring around a status page: the history
 * draws one around the page that has the focus. */
static void
patella_journal_history_snapshot (GtkWidget   *widget,
                                  GtkSnapshot *snapshot)
{
  PatellaJournalHistory *self = PATELLA_JOURNAL_HISTORY (widget);
  GtkWidget *page = gtk_stack_get_visible_child (self->history_stack);
  graphene_rect_t bounds;

  GTK_WIDGET_CLASS (patella_journal_history_parent_class)->snapshot (widget, snapshot);

  if (page != NULL && ADW_IS_STATUS_PAGE (page) && gtk_widget_has_visible_focus (page) &&
      gtk_widget_compute_bounds (page, widget, &bounds))
    patella_focus_ring_snapshot (widget, snapshot, &GRAPHENE_RECT_INIT (bounds.origin.x + 6,
                                                                        bounds.origin.y + 6,
                                                                        bounds.size.width - 12,
                                                                        bounds.size.height - 12));
}

static void
patella_journal_history_dispose (GObject *object)
{
  PatellaJournalHistory *self = PATELLA_JOURNAL_HISTORY (object);

  clear_model (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), PATELLA_TYPE_JOURNAL_HISTORY);
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self));
       child != NULL;
       child = gtk_widget_get_first_child (GTK_WIDGET (self)))
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (patella_journal_history_parent_class)->dispose (object);
}

static void
patella_journal_history_class_init (PatellaJournalHistoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = patella_journal_history_dispose;
  widget_class->snapshot = patella_journal_history_snapshot;

  /* Whether the leaflet shows one pane at a time: the Back button shows then. */
  patella_view_class_install_field (object_class, 1, patella_view_param_spec_folded (),
                                    G_STRUCT_OFFSET (PatellaJournalHistory, folded));

  signals[DAY_ACTIVATED] =
    g_signal_new ("day-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/patella/Patella/ui/patella-journal-history.ui");
  gtk_widget_class_bind_template_child (widget_class, PatellaJournalHistory, search_bar);
  gtk_widget_class_bind_template_child (widget_class, PatellaJournalHistory, search_entry);
  gtk_widget_class_bind_template_child (widget_class, PatellaJournalHistory, history_stack);
  gtk_widget_class_bind_template_child (widget_class, PatellaJournalHistory, history_view);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, history_activated_cb);
}

static void
patella_journal_history_init (PatellaJournalHistory *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  GtkGesture *click;

  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));

  g_signal_connect (factory, "setup", G_CALLBACK (row_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (row_bind_cb), NULL);
  g_signal_connect (factory, "unbind", G_CALLBACK (row_unbind_cb), NULL);
  gtk_list_view_set_factory (self->history_view, factory);

  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect (click, "released", G_CALLBACK (history_released_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->history_view), GTK_EVENT_CONTROLLER (click));
  patella_accessible_one_tab_stop (GTK_WIDGET (self->history_view));
}

/**
 * patella_journal_history_set_model:
 * @model: (nullable): the journal's days
 *
 * Shows @model: a screenful of it until patella_journal_history_show_all(),
 * searched for what the search entry holds.
 */
void
patella_journal_history_set_model (PatellaJournalHistory *self,
                                   PatellaJournalModel   *model)
{
  g_autoptr(GtkNoSelection) selection = NULL;

  g_return_if_fail (PATELLA_IS_JOURNAL_HISTORY (self));
  g_return_if_fail (model == NULL || PATELLA_IS_JOURNAL_MODEL (model));

  if (model == self->model)
    return;

  clear_model (self);
  if (model == NULL)
    {
      update_state (self);
      return;
    }

  self->model = g_object_ref (model);
  self->slice = gtk_slice_list_model_new (G_LIST_MODEL (g_object_ref (model)), 0,
                                          first_rows (self));
  selection = gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->slice)));
  gtk_list_view_set_model (self->history_view, GTK_SELECTION_MODEL (selection));
  g_signal_connect_swapped (model, "items-changed", G_CALLBACK (update_state), self);
  patella_journal_model_set_search (model, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  update_state (self);
}

/* The rows beyond the first screenful, a frame after the first. */
void
patella_journal_history_show_all (PatellaJournalHistory *self)
{
  g_return_if_fail (PATELLA_IS_JOURNAL_HISTORY (self));

  if (self->slice != NULL)
    gtk_slice_list_model_set_size (self->slice, G_MAXUINT);
}

void
patella_journal_history_start_search (PatellaJournalHistory *self)
{
  g_return_if_fail (PATELLA_IS_JOURNAL_HISTORY (self));

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/**
 * patella_journal_history_focus_near:
 * @day: a day
 *
 * Gives the keyboard focus to @day's row; if @day is not in the list (it
 * was deleted), to the day after it in the list, the one before it when
 * @day was the last, or the page that says there are none.
 */
void
patella_journal_history_focus_near (PatellaJournalHistory *self,
                                    const char            *day)
{
  GtkWidget *row = NULL;
  guint n_items;
  guint position;

  g_return_if_fail (PATELLA_IS_JOURNAL_HISTORY (self));
  g_return_if_fail (day != NULL);

  n_items = self->slice != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->slice)) : 0;
  if (n_items == 0)
    {
      focus_placeholder (self, gtk_stack_get_visible_child (self->history_stack));
      return;
    }

  position = MIN (position_of_day (self, day), n_items - 1);
  row = row_at (self, position);
  if (row == NULL)
    {
      /* Scrolled out of view: the list builds the row first. */
      gtk_widget_activate_action (GTK_WIDGET (self->history_view), "list.scroll-to-item", "u",
                                  position);
      row = row_at (self, position);
    }

  if (row == NULL || !gtk_widget_grab_focus (row))
    gtk_widget_grab_focus (GTK_WIDGET (self->history_view));
}
