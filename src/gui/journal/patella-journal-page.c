/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "patella-journal-page"

#include "config.h"

#include <glib/gi18n.h>

#include "patella-journal-editor.h"
#include "patella-journal-history.h"
#include "patella-journal-page.h"
#include "patella-plan.h"

/* The journal: a welcome for a first-time user, then the day's editor and
 * the history side by side in a leaflet. The page follows its context's
 * store, hands it to its two views and carries the journal.* actions the
 * window and the views' buttons use. */
struct _PatellaJournalPage
{
  PatellaView            parent_instance;

  PatellaStore          *store;
  PatellaJournalModel   *model;
  guint                  first_frame_tick_id;
  guint                  first_frame_ticks;

  GtkStack              *stack;
  AdwLeaflet            *leaflet;
  PatellaJournalEditor  *editor;
  PatellaJournalHistory *history;
};

G_DEFINE_FINAL_TYPE (PatellaJournalPage, patella_journal_page, PATELLA_TYPE_VIEW)

/* Helpers */

/* The journal is hidden while the welcome page is shown at start-up (see
 * set_store()). */
static void
show_journal (PatellaJournalPage *self)
{
  gtk_widget_set_visible (gtk_stack_get_child_by_name (self->stack, "journal"), TRUE);
  gtk_stack_set_visible_child_name (self->stack, "journal");
}

static gboolean
showing_welcome (PatellaJournalPage *self)
{
  return g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "welcome") == 0;
}

static gboolean
has_entries (PatellaJournalPage *self)
{
  return self->model != NULL && g_list_model_get_n_items (G_LIST_MODEL (self->model)) > 0;
}

/* The journal is shown once there is something in it, or a recovery plan
 * whose Today card has something to say. */
static gboolean
has_content (PatellaJournalPage *self)
{
  g_autoptr(PatellaPlan) plan = NULL;

  if (has_entries (self))
    return TRUE;

  plan = self->store != NULL ? patella_plan_load (self->store, NULL) : NULL;
  return plan != NULL && patella_plan_is_under_way (plan);
}

static void
update_actions (PatellaJournalPage *self)
{
  g_autofree char *today = NULL;
  const char *day = patella_journal_editor_get_day (self->editor);

  if (self->store != NULL)
    today = patella_clock_get_today (patella_store_get_clock (self->store));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "journal.delete",
                                 patella_journal_editor_get_has_entry (self->editor));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "journal.today",
                                 today != NULL && g_strcmp0 (day, today) != 0);
}

/* What waits for the frames after the first: the editor's sections below
 * the fold at the default window size (symptoms, notes, trend; in a taller
 * window they show a frame late), then the rest of the history. Hiding the
 * sections from the first frame saves about 3 % of its instructions; doing
 * the two in separate frames keeps 2 MiB off the resident memory, which
 * grows with the most work done in one frame. */
static gboolean
after_first_frame_cb (GtkWidget     *widget,
                      GdkFrameClock *frame_clock,
                      gpointer       data)
{
  PatellaJournalPage *self = data;

  /* The first tick comes before the first frame is painted. */
  self->first_frame_ticks++;
  if (self->first_frame_ticks == 1)
    return G_SOURCE_CONTINUE;
  if (self->first_frame_ticks == 2)
    {
      patella_journal_editor_show_below_fold (self->editor);
      return G_SOURCE_CONTINUE;
    }

  self->first_frame_tick_id = 0;
  patella_journal_history_show_all (self->history);
  patella_journal_editor_show_today_card (self->editor);
  return G_SOURCE_REMOVE;
}

static void
wait_for_first_frame (PatellaJournalPage *self)
{
  self->first_frame_ticks = 0;
  if (self->first_frame_tick_id == 0)
    self->first_frame_tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self),
                                                              after_first_frame_cb, self, NULL);
}

static void
store_changed_cb (PatellaJournalPage *self,
                  const char         *what)
{
  if (!showing_welcome (self))
    return;

  /* A plan started from the main menu on a new database opens the journal,
   * with its Today card; so does a first entry written elsewhere
   * (patella-cli). */
  if ((g_strcmp0 (what, "plan") == 0 && has_content (self)) ||
      (g_strcmp0 (what, "journal") == 0 && has_entries (self)))
    show_journal (self);
}

static void
disconnect_store (PatellaJournalPage *self)
{
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_func (self->store, store_changed_cb, self);

  g_clear_object (&self->model);
  g_clear_object (&self->store);
}

static void
set_store (PatellaJournalPage *self,
           PatellaStore       *store)
{
  gboolean show;

  if (store == self->store)
    return;

  disconnect_store (self);
  if (store != NULL)
    {
      self->store = g_object_ref (store);
      self->model = patella_journal_model_new (store);
    }
  patella_journal_history_set_model (self->history, self->model);
  patella_journal_editor_set_store (self->editor, store);

  if (store == NULL)
    return;

  wait_for_first_frame (self);
  g_signal_connect_swapped (store, "changed", G_CALLBACK (store_changed_cb), self);
  update_actions (self);

  /* A first-time user is welcomed; anyone with a journal goes straight to it.
   * The welcome page is hidden then: measured, its large icon would be
   * rendered from SVG, which loads librsvg (about 7 MiB) at start-up. And
   * the journal is hidden behind the welcome page, so that its editor and
   * history are not measured and laid out for nothing. */
  show = has_content (self);
  gtk_widget_set_visible (gtk_stack_get_child_by_name (self->stack, "welcome"), !show);
  gtk_widget_set_visible (gtk_stack_get_child_by_name (self->stack, "journal"), show);
  gtk_stack_set_visible_child_name (self->stack, show ? "journal" : "welcome");
}

/* Callbacks */

static void
editor_state_changed_cb (PatellaJournalPage *self)
{
  update_actions (self);
}

/* Undo in the toast: the focus goes to the day back in the history, where
 * it was when the day was deleted; on a phone showing the editor, to the
 * day's first field. */
static void
editor_entry_restored_cb (PatellaJournalPage *self,
                          const char         *day)
{
  if (adw_leaflet_get_folded (self->leaflet) &&
      g_strcmp0 (adw_leaflet_get_visible_child_name (self->leaflet), "history") != 0)
    patella_journal_editor_focus_first (self->editor);
  else
    patella_journal_history_focus_near (self->history, day);
}

static void
history_day_activated_cb (PatellaJournalPage *self,
                          const char         *day)
{
  /* A double click comes here twice. */
  if (g_strcmp0 (patella_journal_editor_get_day (self->editor), day) != 0)
    patella_journal_editor_show_day (self->editor, day);
  adw_leaflet_set_visible_child_name (self->leaflet, "editor");
  patella_journal_editor_focus_first (self->editor);
}

/* Actions */

static void
start_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  PatellaJournalPage *self = PATELLA_JOURNAL_PAGE (widget);

  show_journal (self);
  adw_leaflet_set_visible_child_name (self->leaflet, "editor");
  patella_journal_editor_focus_first (self->editor);
}

static void
today_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  PatellaJournalPage *self = PATELLA_JOURNAL_PAGE (widget);
  g_autofree char *today = NULL;

  if (self->store == NULL)
    return;

  today = patella_clock_get_today (patella_store_get_clock (self->store));
  patella_journal_editor_show_day (self->editor, today);
}

/* A day asked for from elsewhere: the morning check-in's. */
static void
open_day_activated (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  PatellaJournalPage *self = PATELLA_JOURNAL_PAGE (widget);
  g_autofree char *day = NULL;

  if (self->store == NULL ||
      !patella_journal_check_day (self->store, g_variant_get_string (parameter, NULL), &day, NULL))
    return;

  patella_journal_editor_show_day (self->editor, day);
}

/* The Delete button goes insensitive with the day it deleted: the focus
 * goes to the next day in the history, as in any list an item is deleted
 * from, and the toast keeps Undo. */
static void
delete_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  PatellaJournalPage *self = PATELLA_JOURNAL_PAGE (widget);
  g_autofree char *day = g_strdup (patella_journal_editor_get_day (self->editor));

  if (day == NULL || !patella_journal_editor_get_has_entry (self->editor))
    return;

  patella_journal_editor_delete (self->editor);
  if (patella_journal_editor_get_has_entry (self->editor))
    return;

  adw_leaflet_set_visible_child_name (self->leaflet, "history");
  patella_journal_history_focus_near (self->history, day);
}

static void
show_history_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  adw_leaflet_set_visible_child_name (PATELLA_JOURNAL_PAGE (widget)->leaflet, "history");
}

static void
show_editor_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  adw_leaflet_set_visible_child_name (PATELLA_JOURNAL_PAGE (widget)->leaflet, "editor");
}

static void
search_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  PatellaJournalPage *self = PATELLA_JOURNAL_PAGE (widget);

  show_journal (self);
  adw_leaflet_set_visible_child_name (self->leaflet, "history");
  patella_journal_history_start_search (self->history);
}

/* Overrides */

static void
patella_journal_page_store_changed (PatellaView *view)
{
  set_store (PATELLA_JOURNAL_PAGE (view),
             patella_context_get_store (patella_view_get_context (view)));
}

static void
patella_journal_page_dispose (GObject *object)
{
  PatellaJournalPage *self = PATELLA_JOURNAL_PAGE (object);

  /* Nothing typed is lost, however the page goes away. */
  if (self->editor != NULL)
    patella_journal_editor_save (self->editor);
  disconnect_store (self);
  if (self->first_frame_tick_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->first_frame_tick_id);
  self->first_frame_tick_id = 0;

  gtk_widget_dispose_template (GTK_WIDGET (self), PATELLA_TYPE_JOURNAL_PAGE);

  G_OBJECT_CLASS (patella_journal_page_parent_class)->dispose (object);
}

static void
patella_journal_page_class_init (PatellaJournalPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  PatellaViewClass *view_class = PATELLA_VIEW_CLASS (klass);

  object_class->dispose = patella_journal_page_dispose;
  view_class->store_changed = patella_journal_page_store_changed;

  g_type_ensure (PATELLA_TYPE_JOURNAL_EDITOR);
  g_type_ensure (PATELLA_TYPE_JOURNAL_HISTORY);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/patella/Patella/ui/patella-journal-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PatellaJournalPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, PatellaJournalPage, editor);
  gtk_widget_class_bind_template_child (widget_class, PatellaJournalPage, history);
  gtk_widget_class_bind_template_callback (widget_class, editor_state_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, editor_entry_restored_cb);
  gtk_widget_class_bind_template_callback (widget_class, history_day_activated_cb);

  gtk_widget_class_install_action (widget_class, "journal.start", NULL, start_activated);
  gtk_widget_class_install_action (widget_class, "journal.today", NULL, today_activated);
  gtk_widget_class_install_action (widget_class, "journal.open-day", "s", open_day_activated);
  gtk_widget_class_install_action (widget_class, "journal.delete", NULL, delete_activated);
  gtk_widget_class_install_action (widget_class, "journal.show-history", NULL,
                                   show_history_activated);
  gtk_widget_class_install_action (widget_class, "journal.show-editor", NULL,
                                   show_editor_activated);
  gtk_widget_class_install_action (widget_class, "journal.search", NULL, search_activated);
}

static void
patella_journal_page_init (PatellaJournalPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* Not a bound template child: AdwBin unparents its child itself, after
   * gtk_widget_dispose_template() would have dropped a bound one. */
  self->stack = GTK_STACK (adw_bin_get_child (ADW_BIN (self)));
  update_actions (self);
  wait_for_first_frame (self);
}

/* Public API */

GtkWidget *
patella_journal_page_new (PatellaContext *context)
{
  g_return_val_if_fail (PATELLA_IS_CONTEXT (context), NULL);

  return g_object_new (PATELLA_TYPE_JOURNAL_PAGE, "context", context, NULL);
}

/**
 * patella_journal_page_save:
 *
 * Writes what the user changed in the editor; see patella_journal_editor_save().
 *
 * Returns: %FALSE if a change could not be saved
 */
gboolean
patella_journal_page_save (PatellaJournalPage *self)
{
  g_return_val_if_fail (PATELLA_IS_JOURNAL_PAGE (self), FALSE);

  return patella_journal_editor_save (self->editor);
}

/**
 * patella_journal_page_get_model:
 *
 * Returns: (transfer none) (nullable): the history's list model
 */
PatellaJournalModel *
patella_journal_page_get_model (PatellaJournalPage *self)
{
  g_return_val_if_fail (PATELLA_IS_JOURNAL_PAGE (self), NULL);

  return self->model;
}

/**
 * patella_journal_page_get_day:
 *
 * Returns: (transfer none) (nullable): the day the editor shows
 */
const char *
patella_journal_page_get_day (PatellaJournalPage *self)
{
  g_return_val_if_fail (PATELLA_IS_JOURNAL_PAGE (self), NULL);

  return patella_journal_editor_get_day (self->editor);
}
