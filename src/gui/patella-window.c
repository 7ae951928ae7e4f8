/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "patella-window"

#include "config.h"

#include <glib/gi18n.h>

#include "patella-accessible.h"
#include "patella-error.h"
#include "patella-reminders.h"
#include "patella-journal-page.h"
#include "patella-plan-window.h"
#include "patella-shoes-page.h"
#include "patella-timer.h"
#include "patella-timers-page.h"
#include "patella-view.h"
#include "patella-window.h"
#include "patella-wrap-bin.h"

struct _PatellaWindow
{
  AdwApplicationWindow  parent_instance;

  PatellaContext       *context;

  AdwToastOverlay      *toast_overlay;
  AdwHeaderBar         *header_bar;
  AdwViewSwitcherTitle *switcher_title;
  GtkMenuButton        *menu_button;
  GtkButton            *timer_button;
  PatellaTimer         *ice_timer;
  GMenuModel           *primary_menu;
  GtkRevealer          *banner_revealer;
  GtkLabel             *banner_label;
  GtkRevealer          *welcome_revealer;
  GtkLabel             *welcome_label;
  GtkStack             *main_stack;
  AdwViewStack         *view_stack;
  AdwStatusPage        *error_page;
  GtkWidget            *start_fresh_button;
  PatellaJournalPage   *journal_page;
  PatellaTimersPage    *timers_page;
  PatellaShoesPage     *shoes_page;
};

G_DEFINE_FINAL_TYPE (PatellaWindow, patella_window, ADW_TYPE_APPLICATION_WINDOW)

static PatellaApplication *
get_application (PatellaWindow *self)
{
  return PATELLA_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
}

/* A running icing timer shows in the header bar outside the Timers view,
 * as GNOME Clocks shows its timer; a click goes to it. */
static void
update_timer_button (PatellaWindow *self)
{
  PatellaTimerState state = self->ice_timer != NULL ? patella_timer_get_state (self->ice_timer)
                                                    : PATELLA_TIMER_IDLE;
  gboolean active = state == PATELLA_TIMER_RUNNING || state == PATELLA_TIMER_PAUSED;
  gboolean show;

  if (self->timer_button == NULL || self->view_stack == NULL)
    return;

  show = active && g_strcmp0 (patella_window_get_visible_view (self), "timers") != 0;
  if (show)
    {
      gint64 remaining = MAX (patella_timer_get_remaining (self->ice_timer), 0);
      g_autofree char *text = NULL;

      if (state == PATELLA_TIMER_RUNNING)
        /* Translators: minutes and seconds of icing left */
        text = g_strdup_printf (_("Icing %d:%02d"), (int) (remaining / 60), (int) (remaining % 60));
      else
        /* Translators: minutes and seconds of icing left */
        text = g_strdup_printf (_("Icing paused %d:%02d"), (int) (remaining / 60),
                                (int) (remaining % 60));
      gtk_button_set_label (self->timer_button, text);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->timer_button), show);
}

static void
follow_ice_timer (PatellaWindow *self,
                  PatellaTimer  *timer)
{
  if (self->ice_timer == timer)
    return;

  if (self->ice_timer != NULL)
    g_signal_handlers_disconnect_by_func (self->ice_timer, update_timer_button, self);
  g_set_object (&self->ice_timer, timer);
  if (timer != NULL)
    {
      g_signal_connect_swapped (timer, "notify::state", G_CALLBACK (update_timer_button), self);
      g_signal_connect_swapped (timer, "notify::remaining", G_CALLBACK (update_timer_button), self);
    }
  update_timer_button (self);
}

static void
update_for_store (PatellaWindow *self)
{
  PatellaStore *store = patella_context_get_store (self->context);
  const GError *error = patella_context_get_store_error (self->context);
  const GError *read_only = store != NULL ? patella_store_get_read_only_reason (store) : NULL;
  gboolean can_move_aside;

  follow_ice_timer (self, patella_context_get_ice_timer (self->context));

  if (store == NULL)
    {
      can_move_aside = error != NULL && g_error_matches (error, PATELLA_ERROR,
                                                         PATELLA_ERROR_NOT_DATABASE);
      adw_status_page_set_description (self->error_page, error != NULL ? error->message : NULL);
      gtk_widget_set_visible (self->start_fresh_button, can_move_aside);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.start-fresh", can_move_aside);
      gtk_widget_set_visible (GTK_WIDGET (self->error_page), TRUE);
      gtk_stack_set_visible_child_name (self->main_stack, "error");
      gtk_revealer_set_reveal_child (self->banner_revealer, FALSE);
      return;
    }

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.start-fresh", FALSE);
  gtk_stack_set_visible_child_name (self->main_stack, "views");
  /* Hidden, the error page is not measured: its large icon would be rendered
   * from SVG, which loads librsvg (about 7 MiB) at every start-up. */
  gtk_widget_set_visible (GTK_WIDGET (self->error_page), FALSE);

  if (read_only != NULL)
    gtk_label_set_text (self->banner_label, read_only->message);
  gtk_revealer_set_reveal_child (self->banner_revealer, read_only != NULL);
}

static void
store_changed_cb (PatellaWindow *self)
{
  update_for_store (self);
}

/* Alt+1, 2 or 3. The focus on the tab of the view left behind would take
 * the new view's keys (Space would switch back): it goes, as when a click
 * elsewhere takes it, and Tab starts again from the top. */
static void
view_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (widget));

  patella_window_show_view (PATELLA_WINDOW (widget), g_variant_get_string (parameter, NULL));
  if (focus != NULL &&
      (gtk_widget_get_ancestor (focus, ADW_TYPE_VIEW_SWITCHER_TITLE) != NULL ||
       gtk_widget_get_ancestor (focus, ADW_TYPE_VIEW_SWITCHER_BAR) != NULL))
    gtk_root_set_focus (GTK_ROOT (widget), NULL);
}

/* The first time Patella opens, say that icing reminders are on (they are
 * what the app is for) and offer to turn them off. */
static void
show_welcome (PatellaWindow *self)
{
  GSettings *settings = patella_context_get_settings (self->context);
  g_autoptr(PatellaReminderConfig) config = NULL;
  g_autofree char *times = NULL;
  g_autofree char *text = NULL;

  if (settings == NULL || g_settings_get_boolean (settings, "welcome-shown") ||
      patella_context_get_reminders (self->context) == NULL)
    return;

  config = patella_reminder_config_from_settings (settings);
  if (!config->enabled)
    return;

  times = g_strjoinv (", ", config->times);
  text = g_strdup_printf (ngettext ("Welcome! Patella reminds you to ice your knee %u time a day "
                                    "(%s), also while its window is closed. Change the times in "
                                    "Preferences.",
                                    "Welcome! Patella reminds you to ice your knee %u times a day "
                                    "(%s), also while its window is closed. Change the times in "
                                    "Preferences.", config->count),
                          config->count, times);
  gtk_label_set_text (self->welcome_label, text);
  gtk_revealer_set_reveal_child (self->welcome_revealer, TRUE);
}

static void
welcome_done_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  PatellaWindow *self = PATELLA_WINDOW (widget);
  GSettings *settings = patella_context_get_settings (self->context);

  g_settings_set_boolean (settings, "welcome-shown", TRUE);
  if (!g_variant_get_boolean (parameter))
    g_settings_set_boolean (settings, "reminders-enabled", FALSE);

  gtk_revealer_set_reveal_child (self->welcome_revealer, FALSE);
}

/* Ctrl+N, Ctrl+E and Ctrl+F work from every view: they bring up the view
 * they belong to first. */
static void
log_run_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  PatellaWindow *self = PATELLA_WINDOW (widget);

  patella_window_show_view (self, "shoes");
  gtk_widget_activate_action (GTK_WIDGET (self->shoes_page), "shoes.log-run", NULL);
}

/* A run's editor, from the notification of a run that was imported. */
static void
edit_run_activated (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  PatellaWindow *self = PATELLA_WINDOW (widget);

  patella_window_show_view (self, "shoes");
  gtk_widget_activate_action_variant (GTK_WIDGET (self->shoes_page), "shoes.edit-run", parameter);
}

static void
edit_today_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  PatellaWindow *self = PATELLA_WINDOW (widget);

  patella_window_show_view (self, "journal");
  gtk_widget_activate_action (GTK_WIDGET (self->journal_page), "journal.today", NULL);
  gtk_widget_activate_action (GTK_WIDGET (self->journal_page), "journal.start", NULL);
}

static void
plan_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  PatellaWindow *self = PATELLA_WINDOW (widget);
  PatellaStore *store = patella_context_get_store (self->context);
  PatellaPlanWindow *plan;

  if (store == NULL)
    return;

  /* On a phone-sized window, as wide as it. */
  plan = patella_plan_window_new (GTK_WINDOW (self), store);
  if (gtk_widget_get_width (widget) > 0 && gtk_widget_get_width (widget) < 640)
    gtk_window_set_default_size (GTK_WINDOW (plan), gtk_widget_get_width (widget),
                                 gtk_widget_get_height (widget));
  gtk_window_present (GTK_WINDOW (plan));
}

/* Main menu → Keyboard Shortcuts, or Ctrl+?. */
static void
shortcuts_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  g_autoptr(GtkBuilder) builder = NULL;
  GtkWindow *shortcuts;

  builder = gtk_builder_new_from_resource ("/io/github/patella/Patella/ui/"
                                           "patella-shortcuts-window.ui");
  shortcuts = GTK_WINDOW (gtk_builder_get_object (builder, "shortcuts_window"));
  gtk_window_set_transient_for (shortcuts, GTK_WINDOW (widget));
  if (gtk_widget_get_width (widget) > 0 && gtk_widget_get_width (widget) < 480)
    gtk_window_set_default_size (shortcuts, gtk_widget_get_width (widget),
                                 gtk_widget_get_height (widget));
  gtk_window_present (shortcuts);
}

static void
plan_session_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  PatellaWindow *self = PATELLA_WINDOW (widget);

  patella_window_show_view (self, "timers");
  gtk_widget_activate_action (GTK_WIDGET (self->timers_page), "timers.plan-session", NULL);
}

static void
open_day_activated (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  PatellaWindow *self = PATELLA_WINDOW (widget);

  patella_window_show_view (self, "journal");
  gtk_widget_activate_action_variant (GTK_WIDGET (self->journal_page), "journal.open-day",
                                      parameter);
}

static void
search_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  PatellaWindow *self = PATELLA_WINDOW (widget);

  patella_window_show_view (self, "journal");
  gtk_widget_activate_action (GTK_WIDGET (self->journal_page), "journal.search", NULL);
}

static void
start_fresh_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  PatellaWindow *self = PATELLA_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *moved_to = NULL;

  if (!patella_application_start_fresh (get_application (self), &moved_to, &error))
    {
      adw_status_page_set_description (self->error_page, error->message);
      return;
    }

  if (moved_to != NULL)
    {
      g_autofree char *name = g_path_get_basename (moved_to);
      g_autofree char *title = g_strdup_printf (_("The old file was kept as “%s”"), name);

      patella_window_add_toast (self, adw_toast_new (title));
    }
}

static void
retry_open_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  PatellaWindow *self = PATELLA_WINDOW (widget);

  patella_application_reopen_store (get_application (self), NULL);
}

static void
restore_size (PatellaWindow *self)
{
  GSettings *settings = patella_context_get_settings (self->context);

  if (settings == NULL)
    return;

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (settings, "window-width"),
                               g_settings_get_int (settings, "window-height"));
  if (g_settings_get_boolean (settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
}

static void
save_size (PatellaWindow *self)
{
  GSettings *settings = patella_context_get_settings (self->context);
  gboolean maximized = gtk_window_is_maximized (GTK_WINDOW (self));
  int width;
  int height;

  if (settings == NULL)
    return;

  g_settings_set_boolean (settings, "window-maximized", maximized);
  if (maximized)
    return;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  if (width >= 360)
    g_settings_set_int (settings, "window-width", width);
  if (height >= 294)
    g_settings_set_int (settings, "window-height", height);
}

/* The main menu is built the first time it opens: building its popover
 * with the window was 7 % of the instructions to the first frame. */
static void
menu_button_create_popup_cb (GtkMenuButton *button,
                             gpointer       user_data)
{
  PatellaWindow *self = user_data;

  if (gtk_menu_button_get_menu_model (button) == NULL)
    gtk_menu_button_set_menu_model (button, self->primary_menu);
}

/* Whether @focus does something with Space itself: it types, or it is a
 * control Space presses, ticks, switches or opens. */
static gboolean
takes_space (GtkWidget *focus)
{
  return focus != NULL &&
         (GTK_IS_EDITABLE (focus) || GTK_IS_TEXT_VIEW (focus) || GTK_IS_BUTTON (focus) ||
          GTK_IS_CHECK_BUTTON (focus) || GTK_IS_SWITCH (focus) || GTK_IS_LIST_BOX_ROW (focus) ||
          GTK_IS_FLOW_BOX_CHILD (focus));
}

/* The Timers view's keys, wherever the focus is in the window while the
 * view shows (after Alt+2 it may be on nothing): Space starts or pauses the
 * timer, Ctrl+. stops it. Space never takes the key from a focused control
 * (a button, a switch, a field): that one gets it, as everywhere. Outside
 * the Timers view both are ordinary keys. */
static gboolean
timers_key_cb (GtkWidget *widget,
               GVariant  *args,
               gpointer   user_data)
{
  PatellaWindow *self = PATELLA_WINDOW (widget);
  const char *action = user_data;
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  if (g_strcmp0 (patella_window_get_visible_view (self), "timers") != 0 ||
      gtk_stack_get_visible_child (self->main_stack) == GTK_WIDGET (self->error_page))
    return FALSE;

  if (g_str_equal (action, "timers.start-pause") && takes_space (focus))
    return FALSE;

  return gtk_widget_activate_action (GTK_WIDGET (self->timers_page), action, NULL);
}

static gboolean
close_when_idle_cb (gpointer user_data)
{
  gtk_window_close (GTK_WINDOW (user_data));
  return G_SOURCE_REMOVE;
}

static void
background_note_response_cb (AdwMessageDialog *dialog,
                             const char       *response,
                             PatellaWindow    *self)
{
  GSettings *settings = patella_context_get_settings (self->context);

  if (g_str_equal (response, "turn-off"))
    g_settings_set_boolean (settings, "reminders-enabled", FALSE);

  /* Close once the dialog, transient for this window, is gone. */
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, close_when_idle_cb, g_object_ref (self),
                   g_object_unref);
}

/* The first time the window closes with reminders on, say that Patella
 * keeps running for them, and how to change that. */
static gboolean
show_background_note (PatellaWindow *self)
{
  PatellaApplication *app = get_application (self);
  GSettings *settings = patella_context_get_settings (self->context);
  AdwMessageDialog *dialog;

  if (settings == NULL || patella_application_get_quitting (app) ||
      patella_context_get_reminders (self->context) == NULL ||
      !g_settings_get_boolean (settings, "reminders-enabled") ||
      g_settings_get_boolean (settings, "background-note-shown"))
    return FALSE;

  g_settings_set_boolean (settings, "background-note-shown", TRUE);

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                      _("Patella Keeps Running"),
                                                      NULL));
  adw_message_dialog_set_body (dialog,
                               _("Icing reminders arrive while the window is closed. To stop "
                                 "them, turn off reminders in Preferences; to stop Patella now, "
                                 "choose Quit in the main menu."));
  adw_message_dialog_add_responses (dialog,
                                    "turn-off", _("_Turn Off Reminders"),
                                    "keep", _("_Keep Reminders"),
                                    NULL);
  adw_message_dialog_set_default_response (dialog, "keep");
  adw_message_dialog_set_close_response (dialog, "keep");
  adw_message_dialog_set_response_appearance (dialog, "keep", ADW_RESPONSE_SUGGESTED);
  g_signal_connect_object (dialog, "response", G_CALLBACK (background_note_response_cb), self,
                           0);
  gtk_window_present (GTK_WINDOW (dialog));

  return TRUE;
}

static gboolean
patella_window_close_request (GtkWindow *window)
{
  PatellaWindow *self = PATELLA_WINDOW (window);

  if (show_background_note (self))
    return TRUE;

  save_size (self);

  return GTK_WINDOW_CLASS (patella_window_parent_class)->close_request (window);
}

static void
add_view (PatellaWindow *self,
          GtkWidget     *page,
          const char    *name,
          const char    *title,
          const char    *icon_name)
{
  AdwViewStackPage *stack_page = adw_view_stack_add_titled (self->view_stack, page, name, title);

  adw_view_stack_page_set_use_underline (stack_page, TRUE);
  adw_view_stack_page_set_icon_name (stack_page, icon_name);
}

/* The views are made with the context they show. */
static void
patella_window_constructed (GObject *object)
{
  PatellaWindow *self = PATELLA_WINDOW (object);

  G_OBJECT_CLASS (patella_window_parent_class)->constructed (object);

  g_assert (PATELLA_IS_CONTEXT (self->context));

  self->journal_page = PATELLA_JOURNAL_PAGE (patella_journal_page_new (self->context));
  self->timers_page = PATELLA_TIMERS_PAGE (patella_timers_page_new (self->context));
  self->shoes_page = PATELLA_SHOES_PAGE (patella_shoes_page_new (self->context));
  add_view (self, GTK_WIDGET (self->journal_page), "journal", _("_Journal"),
            "document-edit-symbolic");
  add_view (self, GTK_WIDGET (self->timers_page), "timers", _("_Timers"), "alarm-symbolic");
  add_view (self, GTK_WIDGET (self->shoes_page), "shoes", _("_Shoes"), "patella-shoe-symbolic");

  restore_size (self);
  show_welcome (self);

  g_signal_connect_object (self->context, "notify::store",
                           G_CALLBACK (store_changed_cb), self, G_CONNECT_SWAPPED);
  update_for_store (self);
}

static void
patella_window_dispose (GObject *object)
{
  follow_ice_timer (PATELLA_WINDOW (object), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (object), PATELLA_TYPE_WINDOW);
  g_clear_object (&PATELLA_WINDOW (object)->context);

  G_OBJECT_CLASS (patella_window_parent_class)->dispose (object);
}

static void
patella_window_class_init (PatellaWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);
  static const char *views[] = { "journal", "timers", "shoes" };

  object_class->constructed = patella_window_constructed;
  object_class->dispose = patella_window_dispose;
  window_class->close_request = patella_window_close_request;

  patella_view_class_install_field (object_class, 1, patella_view_param_spec_context (),
                                    G_STRUCT_OFFSET (PatellaWindow, context));

  g_type_ensure (PATELLA_TYPE_WRAP_BIN);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/patella/Patella/ui/patella-window.ui");
  gtk_widget_class_bind_template_child (widget_class, PatellaWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, PatellaWindow, header_bar);
  gtk_widget_class_bind_template_child (widget_class, PatellaWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, PatellaWindow, menu_button);
  gtk_widget_class_bind_template_child (widget_class, PatellaWindow, timer_button);
  gtk_widget_class_bind_template_child (widget_class, PatellaWindow, primary_menu);
  gtk_widget_class_bind_template_child (widget_class, PatellaWindow, banner_revealer);
  gtk_widget_class_bind_template_child (widget_class, PatellaWindow, banner_label);
  gtk_widget_class_bind_template_child (widget_class, PatellaWindow, welcome_revealer);
  gtk_widget_class_bind_template_child (widget_class, PatellaWindow, welcome_label);
  gtk_widget_class_bind_template_child (widget_class, PatellaWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, PatellaWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, PatellaWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, PatellaWindow, start_fresh_button);

  gtk_widget_class_install_action (widget_class, "win.view", "s", view_activated);
  gtk_widget_class_install_action (widget_class, "win.start-fresh", NULL, start_fresh_activated);
  gtk_widget_class_install_action (widget_class, "win.retry-open", NULL, retry_open_activated);
  gtk_widget_class_install_action (widget_class, "win.welcome-done", "b", welcome_done_activated);
  gtk_widget_class_install_action (widget_class, "win.log-run", NULL, log_run_activated);
  gtk_widget_class_install_action (widget_class, "win.edit-run", "x", edit_run_activated);
  gtk_widget_class_install_action (widget_class, "win.edit-today", NULL, edit_today_activated);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_activated);
  gtk_widget_class_install_action (widget_class, "win.plan", NULL, plan_activated);
  gtk_widget_class_install_action (widget_class, "win.open-day", "s", open_day_activated);
  gtk_widget_class_install_action (widget_class, "win.plan-session", NULL, plan_session_activated);
  gtk_widget_class_install_action (widget_class, "win.show-help-overlay", NULL,
                                   shortcuts_activated);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK,
                                       "win.log-run", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK,
                                       "win.edit-today", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                       "win.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_question, GDK_CONTROL_MASK,
                                       "win.show-help-overlay", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1 + i, GDK_ALT_MASK,
                                         "win.view", "s", views[i]);
}

static void
patella_window_init (PatellaWindow *self)
{
  GtkEventController *keys = gtk_shortcut_controller_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_swapped (self->view_stack, "notify::visible-child-name",
                            G_CALLBACK (update_timer_button), self);

  /* Before the focused widget sees them. */
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (keys),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_space, 0),
                                                          gtk_callback_action_new (timers_key_cb,
                                                                                   "timers.start-pause",
                                                                                   NULL)));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (keys),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_period,
                                                                                  GDK_CONTROL_MASK),
                                                          gtk_callback_action_new (timers_key_cb,
                                                                                   "timers.stop",
                                                                                   NULL)));
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
  gtk_menu_button_set_create_popup_func (self->menu_button, menu_button_create_popup_cb, self,
                                         NULL);

  if (DEVELOPMENT_BUILD)
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
}

PatellaWindow *
patella_window_new (PatellaApplication *application)
{
  PatellaWindow *self;

  g_return_val_if_fail (PATELLA_IS_APPLICATION (application), NULL);

  self = g_object_new (PATELLA_TYPE_WINDOW,
                       "application", application,
                       "context", patella_application_get_context (application),
                       NULL);

  return self;
}

/**
 * patella_window_show_view:
 * @name: "journal", "timers" or "shoes"
 */
void
patella_window_show_view (PatellaWindow *self,
                          const char    *name)
{
  g_return_if_fail (PATELLA_IS_WINDOW (self));
  g_return_if_fail (name != NULL);

  if (adw_view_stack_get_child_by_name (self->view_stack, name) == NULL)
    {
      g_debug ("No view called %s", name);
      return;
    }

  adw_view_stack_set_visible_child_name (self->view_stack, name);
}

const char *
patella_window_get_visible_view (PatellaWindow *self)
{
  g_return_val_if_fail (PATELLA_IS_WINDOW (self), NULL);

  return adw_view_stack_get_visible_child_name (self->view_stack);
}

PatellaShoesPage *
patella_window_get_shoes_page (PatellaWindow *self)
{
  g_return_val_if_fail (PATELLA_IS_WINDOW (self), NULL);

  return self->shoes_page;
}

void
patella_window_add_toast (PatellaWindow *self,
                          AdwToast      *toast)
{
  g_return_if_fail (PATELLA_IS_WINDOW (self));

  /* Screen readers say nothing of a toast by themselves: a safety reminder
   * ("a cloth between the ice and your skin") must be heard. */
  patella_accessible_announce (GTK_WIDGET (self), adw_toast_get_title (toast));
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}
