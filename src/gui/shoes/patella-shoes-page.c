/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "patella-shoes-page"

#include "config.h"

#include <glib/gi18n.h>

#include "patella-context.h"
#include "patella-run-dialog.h"
#include "patella-shoes-page.h"
#include "patella-shoes-view.h"
#include "patella-shoes.h"
#include "patella-timer.h"
#include "patella-toast.h"

/* The Shoes page in the window's view stack: a thin shell. Its widgets (a
 * PatellaShoesView) are built only when the page is first shown, or when an
 * action needs them: the page is not shown at start-up. It owns the shoes.*
 * actions, which the window and notifications activate too. */
struct _PatellaShoesPage
{
  PatellaView       parent_instance;

  PatellaShoesView *view;          /* NULL until first needed; the child */
  PatellaStore     *store;         /* the context's, followed */
  gboolean          lists_stale;   /* changed while hidden: refresh when mapped */
  guint             check_id;      /* the deferred notification check */
};

G_DEFINE_FINAL_TYPE (PatellaShoesPage, patella_shoes_page, PATELLA_TYPE_VIEW)

static PatellaContext *
get_context (PatellaShoesPage *self)
{
  return patella_view_get_context (PATELLA_VIEW (self));
}

static PatellaNotifier *
get_notifier (PatellaShoesPage *self)
{
  return patella_context_get_notifier (get_context (self));
}

static void
show_error_toast (PatellaShoesPage *self,
                  const GError     *error)
{
  patella_toast_show_text (GTK_WIDGET (self), error->message);
}

static GtkWindow *
get_window (PatellaShoesPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

/* Lists and chart read every shoe's total: only worth it when seen. Hidden,
 * the page is refreshed when it is next mapped (off the start-up path). */
static void
refresh_lists_when_shown (PatellaShoesPage *self)
{
  self->lists_stale = self->view == NULL || !gtk_widget_get_mapped (GTK_WIDGET (self));
  if (!self->lists_stale)
    patella_shoe_list_view_refresh (patella_shoes_view_get_list_view (self->view));
}

/* Builds the widgets, the first time the page is shown or an action needs
 * them. The lists are filled when the page is mapped. */
static PatellaShoesView *
ensure_view (PatellaShoesPage *self)
{
  if (self->view == NULL)
    {
      self->view = PATELLA_SHOES_VIEW (patella_shoes_view_new (get_context (self)));
      adw_bin_set_child (ADW_BIN (self), GTK_WIDGET (self->view));
      self->lists_stale = TRUE;
    }

  return self->view;
}

static PatellaShoeDetailsView *
get_details (PatellaShoesPage *self)
{
  return patella_shoes_view_get_details_view (ensure_view (self));
}

static void
refresh (PatellaShoesPage *self)
{
  refresh_lists_when_shown (self);
  if (self->view != NULL && patella_shoes_view_is_showing_shoe (self->view))
    patella_shoe_details_view_refresh (patella_shoes_view_get_details_view (self->view));
}

static gboolean
check_notifications_cb (gpointer data)
{
  PatellaShoesPage *self = data;
  PatellaNotifier *notifier = get_notifier (self);
  g_autoptr(GError) error = NULL;

  self->check_id = 0;
  if (self->store != NULL && notifier != NULL &&
      !patella_shoes_check_notifications (self->store, notifier, &error))
    g_message ("Could not check shoe notifications: %s", error->message);

  return G_SOURCE_REMOVE;
}

static void
store_changed_cb (PatellaShoesPage *self,
                  const char       *what)
{
  if (g_strcmp0 (what, "runs") == 0 || g_strcmp0 (what, "shoes") == 0)
    refresh (self);
}

/* Shows the context's store. The replacement notifications are checked
 * here too, so that runs logged while the window was closed (by
 * patella-cli, or an import) are noticed at start-up: from an idle
 * callback, after the first frame, like the lists of a page not shown. */
static void
patella_shoes_page_store_changed (PatellaView *view)
{
  PatellaShoesPage *self = PATELLA_SHOES_PAGE (view);
  PatellaStore *store = patella_context_get_store (patella_view_get_context (view));

  if (self->store == store)
    return;

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_set_object (&self->store, store);

  g_clear_handle_id (&self->check_id, g_source_remove);
  if (store != NULL)
    {
      g_signal_connect_object (store, "changed", G_CALLBACK (store_changed_cb), self,
                               G_CONNECT_SWAPPED);
      self->check_id = g_idle_add_full (G_PRIORITY_LOW, check_notifications_cb, self, NULL);
    }

  if (self->view != NULL)
    {
      patella_shoes_view_show_list (self->view);
      refresh_lists_when_shown (self);
    }
}

/* The distances are shown again in the new unit; the form converts its own. */
static void
unit_changed_cb (PatellaShoesPage *self)
{
  refresh_lists_when_shown (self);
}

static void
run_logged_cb (PatellaShoesPage *self,
               gint64            id)
{
  AdwToast *toast = adw_toast_new (_("Run logged"));

  /* Icing after a run is part of the routine (GUIDANCE.md); offered where
   * this program times icing (app.start-icing starts the context's timer),
   * and not while the knee is being iced, by this program or another. */
  if (patella_context_get_ice_timer (get_context (self)) != NULL &&
      (self->store == NULL || !patella_ice_get_running (self->store, NULL, NULL)))
    {
      adw_toast_set_title (toast, _("Run logged. Ice your knee now?"));
      adw_toast_set_button_label (toast, _("_Start Icing"));
      adw_toast_set_action_name (toast, "app.start-icing");
    }
  adw_toast_set_timeout (toast, 8);

  patella_toast_show (GTK_WIDGET (self), toast);
}

static void
run_saved_cb (PatellaShoesPage *self,
              gint64            id)
{
  patella_toast_show_text (GTK_WIDGET (self), _("Run saved"));
}

typedef struct
{
  PatellaShoesPage *self;   /* weak */
  PatellaRun       *run;
} DeletedRun;

static void
deleted_run_free (gpointer  data,
                  GClosure *closure)
{
  DeletedRun *deleted = data;

  g_clear_weak_pointer (&deleted->self);
  patella_run_free (deleted->run);
  g_free (deleted);
}

/* Undo logs the run again, as it was (under a new id). */
static void
undo_delete_run_cb (AdwToast   *toast,
                    DeletedRun *deleted)
{
  PatellaShoesPage *self = deleted->self;
  g_autoptr(GError) error = NULL;

  if (self == NULL || self->store == NULL)
    return;

  /* Stored, 0 is "no shoes"; added, 0 would be the default pair. */
  if (deleted->run->shoe_id == 0)
    deleted->run->shoe_id = PATELLA_SHOE_NONE;
  if (patella_run_add (self->store, get_notifier (self), deleted->run, &error) <= 0)
    show_error_toast (self, error);
}

static void
log_run_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  PatellaShoesPage *self = PATELLA_SHOES_PAGE (widget);
  PatellaRunDialog *dialog;

  if (self->store == NULL)
    return;

  dialog = patella_run_dialog_new (get_window (self), self->store, get_notifier (self),
                                   patella_context_get_unit (get_context (self)));
  g_signal_connect_object (dialog, "logged", G_CALLBACK (run_logged_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
edit_run_activated (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  PatellaShoesPage *self = PATELLA_SHOES_PAGE (widget);
  g_autoptr(PatellaRun) run = NULL;
  g_autoptr(GError) error = NULL;
  PatellaRunDialog *dialog;

  if (self->store == NULL)
    return;

  run = patella_run_get (self->store, g_variant_get_int64 (parameter), &error);
  if (run == NULL)
    {
      show_error_toast (self, error);
      return;
    }

  dialog = patella_run_dialog_new_for_run (get_window (self), self->store, get_notifier (self),
                                           patella_context_get_unit (get_context (self)), run);
  g_signal_connect_object (dialog, "logged", G_CALLBACK (run_saved_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
delete_run_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  PatellaShoesPage *self = PATELLA_SHOES_PAGE (widget);
  gint64 id = g_variant_get_int64 (parameter);
  g_autoptr(GError) error = NULL;
  PatellaRun *run;
  DeletedRun *deleted;
  AdwToast *toast;

  if (self->store == NULL)
    return;

  run = patella_run_get (self->store, id, &error);
  if (run == NULL || !patella_run_delete (self->store, get_notifier (self), id, &error))
    {
      show_error_toast (self, error);
      g_clear_pointer (&run, patella_run_free);
      return;
    }

  deleted = g_new0 (DeletedRun, 1);
  g_set_weak_pointer (&deleted->self, self);
  deleted->run = run;
  toast = adw_toast_new (_("Run deleted"));
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (undo_delete_run_cb), deleted,
                         deleted_run_free, 0);
  patella_toast_show (GTK_WIDGET (self), toast);
}

static void
add_shoe_activated (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  PatellaShoesPage *self = PATELLA_SHOES_PAGE (widget);

  if (self->store != NULL)
    patella_shoes_view_open_shoe (ensure_view (self), 0);
}

static void
open_shoe_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  PatellaShoesPage *self = PATELLA_SHOES_PAGE (widget);

  patella_shoes_view_open_shoe (ensure_view (self), g_variant_get_int64 (parameter));
}

static void
back_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  PatellaShoesPage *self = PATELLA_SHOES_PAGE (widget);
  PatellaShoesView *view = ensure_view (self);

  if (!patella_shoes_view_is_showing_shoe (view) ||
      patella_shoe_details_view_leave (get_details (self)))
    patella_shoes_view_show_list (view);
}

/* Escape and Alt+Left leave a shoe's page or the New Shoes form; on the
 * list they go on to whoever else wants them. */
static gboolean
back_pressed_cb (GtkWidget *widget,
                 GVariant  *args,
                 gpointer   user_data)
{
  PatellaShoesPage *self = PATELLA_SHOES_PAGE (widget);

  if (self->view == NULL || !patella_shoes_view_is_showing_shoe (self->view))
    return FALSE;

  gtk_widget_activate_action (widget, "shoes.back", NULL);
  return TRUE;
}

/* Save, whether or not it could: the form shows why not. */
static void
save_shoe (PatellaShoeDetailsView *details)
{
  patella_shoe_details_view_save (details);
}

/* The page's actions on the pair shown, each what the details view does. */
static const struct
{
  const char *name;
  void      (*run) (PatellaShoeDetailsView *details);
} details_actions[] = {
  { "shoes.save-shoe", save_shoe },
  { "shoes.toggle-retired", patella_shoe_details_view_toggle_retired },
  { "shoes.delete-shoe", patella_shoe_details_view_delete },
};

static void
details_action_activated (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  for (guint i = 0; i < G_N_ELEMENTS (details_actions); i++)
    if (g_str_equal (details_actions[i].name, action_name))
      {
        details_actions[i].run (get_details (PATELLA_SHOES_PAGE (widget)));
        return;
      }

  g_assert_not_reached ();
}

static void
patella_shoes_page_constructed (GObject *object)
{
  PatellaShoesPage *self = PATELLA_SHOES_PAGE (object);
  GSettings *settings = patella_context_get_settings (get_context (self));

  G_OBJECT_CLASS (patella_shoes_page_parent_class)->constructed (object);

  if (settings != NULL)
    g_signal_connect_object (settings, "changed::distance-unit",
                             G_CALLBACK (unit_changed_cb), self, G_CONNECT_SWAPPED);
}

static void
patella_shoes_page_map (GtkWidget *widget)
{
  PatellaShoesPage *self = PATELLA_SHOES_PAGE (widget);

  ensure_view (self);

  GTK_WIDGET_CLASS (patella_shoes_page_parent_class)->map (widget);

  if (self->lists_stale)
    patella_shoe_list_view_refresh (patella_shoes_view_get_list_view (self->view));
  self->lists_stale = FALSE;
}

static void
patella_shoes_page_dispose (GObject *object)
{
  PatellaShoesPage *self = PATELLA_SHOES_PAGE (object);

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_handle_id (&self->check_id, g_source_remove);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (patella_shoes_page_parent_class)->dispose (object);
}

static void
patella_shoes_page_class_init (PatellaShoesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  PatellaViewClass *view_class = PATELLA_VIEW_CLASS (klass);

  object_class->constructed = patella_shoes_page_constructed;
  object_class->dispose = patella_shoes_page_dispose;

  widget_class->map = patella_shoes_page_map;

  view_class->store_changed = patella_shoes_page_store_changed;

  gtk_widget_class_install_action (widget_class, "shoes.log-run", NULL, log_run_activated);
  gtk_widget_class_install_action (widget_class, "shoes.add-shoe", NULL, add_shoe_activated);
  gtk_widget_class_install_action (widget_class, "shoes.open-shoe", "x", open_shoe_activated);
  gtk_widget_class_install_action (widget_class, "shoes.back", NULL, back_activated);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Escape, 0, back_pressed_cb, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Left, GDK_ALT_MASK, back_pressed_cb, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (details_actions); i++)
    gtk_widget_class_install_action (widget_class, details_actions[i].name, NULL,
                                     details_action_activated);
  gtk_widget_class_install_action (widget_class, "shoes.edit-run", "x", edit_run_activated);
  gtk_widget_class_install_action (widget_class, "shoes.delete-run", "x", delete_run_activated);
}

static void
patella_shoes_page_init (PatellaShoesPage *self)
{
}

GtkWidget *
patella_shoes_page_new (PatellaContext *context)
{
  g_return_val_if_fail (PATELLA_IS_CONTEXT (context), NULL);

  return g_object_new (PATELLA_TYPE_SHOES_PAGE, "context", context, NULL);
}
