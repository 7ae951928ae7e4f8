/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "patella-timers-page"

#include "config.h"

#include <glib/gi18n.h>

#include "patella-plan.h"
#include "patella-timer.h"
#include "patella-timers-page.h"
#include "patella-timers-view.h"
#include "patella-toast.h"

/* Icing, exercises and walk/run. The page is a thin shell in the window's
 * view stack from start-up: its cards (a PatellaTimersView) are built only
 * when it is first shown, or when one of its actions needs them. Until then
 * it follows the context's icing timer, which goes on with the window
 * closed, for the toasts at its start and end.
 *
 * Its "timers." actions are what the window, the notifications and the
 * keyboard reach: each goes to the card that does it. */
struct _PatellaTimersPage
{
  PatellaView        parent_instance;

  PatellaTimer      *timer;
  PatellaTimerState  last_state;
  gboolean           show_done;   /* the last session ran to its end, watched */

  PatellaTimersView *view;        /* NULL until first needed; the child */
};

static void ensure_view (PatellaTimersPage *self);

G_DEFINE_FINAL_TYPE (PatellaTimersPage, patella_timers_page, PATELLA_TYPE_VIEW)

/* The page's actions and the card action each one is. */
static const struct
{
  const char *name;
  gboolean    routine;
  const char *card_action;
} forwards[] = {
  { "timers.ice-start-pause", FALSE, "icing.start-pause" },
  { "timers.ice-stop", FALSE, "icing.stop" },
  { "timers.ice-add-minute", FALSE, "icing.add-minute" },
  { "timers.routine-start", TRUE, "routine.start" },
  { "timers.routine-pause", TRUE, "routine.pause" },
  { "timers.routine-skip", TRUE, "routine.skip" },
  { "timers.routine-back", TRUE, "routine.back" },
  { "timers.routine-end", TRUE, "routine.end" },
  { "timers.routine-log", TRUE, "routine.log" },
  { "timers.routine-discard", TRUE, "routine.discard" },
  { "timers.routine-new", TRUE, "routine.new" },
  { "timers.routine-edit", TRUE, "routine.edit" },
};

/* Tells what changed at a start or an end, once, whether or not the cards
 * are built; then redraws the icing card if it is. */
static void
timer_changed_cb (PatellaTimersPage *self)
{
  PatellaTimerState state = patella_timer_get_state (self->timer);

  if (state != self->last_state)
    {
      if (state == PATELLA_TIMER_RUNNING && self->last_state != PATELLA_TIMER_PAUSED)
        patella_toast_show_text (GTK_WIDGET (self),
                                 _("Put a cloth between the ice and your skin"));
      self->show_done = state == PATELLA_TIMER_FINISHED &&
                        self->last_state == PATELLA_TIMER_RUNNING;
      if (self->show_done)
        patella_toast_show_text (GTK_WIDGET (self), _("Icing done — remove the ice"));
      self->last_state = state;
    }

  if (self->view != NULL)
    patella_icing_view_update (patella_timers_view_get_icing (self->view), self->show_done);
}

static void
patella_timers_page_store_changed (PatellaView *view)
{
  PatellaTimersPage *self = PATELLA_TIMERS_PAGE (view);
  PatellaContext *context = patella_view_get_context (view);
  PatellaTimer *timer = NULL;

  if (patella_context_get_store (context) != NULL)
    timer = patella_context_get_ice_timer (context);

  if (self->timer == timer)
    return;

  if (self->timer != NULL)
    g_signal_handlers_disconnect_by_data (self->timer, self);
  g_set_object (&self->timer, timer);
  /* Coming back to a session under way is no reason to remind or ring. */
  self->last_state = timer != NULL ? patella_timer_get_state (timer) : PATELLA_TIMER_IDLE;
  self->show_done = FALSE;
  if (timer != NULL)
    {
      g_signal_connect_object (timer, "notify::state", G_CALLBACK (timer_changed_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (timer, "notify::remaining", G_CALLBACK (timer_changed_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (timer, "notify::planned", G_CALLBACK (timer_changed_cb), self,
                               G_CONNECT_SWAPPED);
    }
  if (self->view != NULL)
    patella_icing_view_update (patella_timers_view_get_icing (self->view), self->show_done);
}

static void
forward_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  PatellaTimersPage *self = PATELLA_TIMERS_PAGE (widget);

  ensure_view (self);
  for (guint i = 0; i < G_N_ELEMENTS (forwards); i++)
    if (g_str_equal (forwards[i].name, action_name))
      {
        GtkWidget *card = forwards[i].routine ?
                          GTK_WIDGET (patella_timers_view_get_routine (self->view)) :
                          GTK_WIDGET (patella_timers_view_get_icing (self->view));

        gtk_widget_activate_action (card, forwards[i].card_action, NULL);
        return;
      }

  g_assert_not_reached ();
}

/* Space and Ctrl+. act on the routine while it plays, else on icing. */
static gboolean
playing (PatellaTimersPage *self)
{
  ensure_view (self);

  return patella_routine_view_is_playing (patella_timers_view_get_routine (self->view));
}

static void
start_pause_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  PatellaTimersPage *self = PATELLA_TIMERS_PAGE (widget);

  gtk_widget_activate_action (widget, playing (self) ? "timers.routine-pause"
                                                     : "timers.ice-start-pause", NULL);
}

static void
stop_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  PatellaTimersPage *self = PATELLA_TIMERS_PAGE (widget);

  gtk_widget_activate_action (widget, playing (self) ? "timers.routine-end"
                                                     : "timers.ice-stop", NULL);
}

/* Starts what the plan prescribes today: the walk/run session, or the
 * phase's strength routine at the plan's exercise level (logged as today's
 * session on a session day of the early phases). */
static void
plan_session_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  PatellaTimersPage *self = PATELLA_TIMERS_PAGE (widget);
  PatellaContext *context = patella_view_get_context (PATELLA_VIEW (self));
  PatellaStore *store = patella_context_get_store (context);
  g_autoptr(GError) error = NULL;
  g_autoptr(PatellaPlan) plan = NULL;
  g_autoptr(PatellaPlanToday) today = NULL;
  g_autoptr(PatellaRoutine) routine = NULL;
  g_autofree char *day = NULL;

  ensure_view (self);
  if (store == NULL)
    return;

  plan = patella_plan_load (store, &error);
  if (plan == NULL)
    {
      patella_toast_show_text (GTK_WIDGET (self), error->message);
      return;
    }

  day = patella_clock_get_today (patella_context_get_clock (context));
  today = patella_plan_get_today (plan, day);
  if (today->kind != PATELLA_PLAN_TODAY_SESSION && today->kind != PATELLA_PLAN_TODAY_REST)
    return;

  if (patella_plan_today_is_walk_run (today))
    {
      if (!patella_walk_run_view_start_today (patella_timers_view_get_walk_run (self->view),
                                              &error))
        patella_toast_show_text (GTK_WIDGET (self), error->message);
      return;
    }

  routine = patella_plan_get_routine (plan);
  if (routine != NULL)
    patella_routine_view_play_plan (patella_timers_view_get_routine (self->view), routine,
                                    today->kind == PATELLA_PLAN_TODAY_SESSION);
}

/* Builds the cards, the first time the page is shown or an action needs
 * them, and shows the state the page followed until then. */
static void
ensure_view (PatellaTimersPage *self)
{
  PatellaContext *context;

  if (self->view != NULL)
    return;

  context = patella_view_get_context (PATELLA_VIEW (self));
  self->view = PATELLA_TIMERS_VIEW (patella_timers_view_new (context));
  adw_bin_set_child (ADW_BIN (self), GTK_WIDGET (self->view));
  patella_icing_view_update (patella_timers_view_get_icing (self->view), self->show_done);
}

static void
patella_timers_page_map (GtkWidget *widget)
{
  ensure_view (PATELLA_TIMERS_PAGE (widget));

  GTK_WIDGET_CLASS (patella_timers_page_parent_class)->map (widget);
}

static void
patella_timers_page_dispose (GObject *object)
{
  PatellaTimersPage *self = PATELLA_TIMERS_PAGE (object);

  if (self->timer != NULL)
    g_signal_handlers_disconnect_by_data (self->timer, self);
  g_clear_object (&self->timer);

  G_OBJECT_CLASS (patella_timers_page_parent_class)->dispose (object);
}

static void
patella_timers_page_class_init (PatellaTimersPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  PatellaViewClass *view_class = PATELLA_VIEW_CLASS (klass);

  object_class->dispose = patella_timers_page_dispose;

  view_class->store_changed = patella_timers_page_store_changed;

  widget_class->map = patella_timers_page_map;

  for (guint i = 0; i < G_N_ELEMENTS (forwards); i++)
    gtk_widget_class_install_action (widget_class, forwards[i].name, NULL, forward_activated);
  gtk_widget_class_install_action (widget_class, "timers.start-pause", NULL,
                                   start_pause_activated);
  gtk_widget_class_install_action (widget_class, "timers.stop", NULL, stop_activated);
  gtk_widget_class_install_action (widget_class, "timers.plan-session", NULL,
                                   plan_session_activated);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_space, 0, "timers.start-pause", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_period, GDK_CONTROL_MASK,
                                       "timers.stop", NULL);
}

static void
patella_timers_page_init (PatellaTimersPage *self)
{
  self->last_state = PATELLA_TIMER_IDLE;
}

GtkWidget *
patella_timers_page_new (PatellaContext *context)
{
  g_return_val_if_fail (PATELLA_IS_CONTEXT (context), NULL);

  return g_object_new (PATELLA_TYPE_TIMERS_PAGE, "context", context, NULL);
}
