/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "patella-icing-view"

#include "config.h"

#include <glib/gi18n.h>

#include "patella-countdown-ring.h"
#include "patella-icing-view.h"
#include "patella-timer.h"
#include "patella-timers-card.h"
#include "patella-toast.h"

/* The Icing card of the Timers view: today's sessions against the goal, the
 * countdown of the context's icing timer and its controls. The timer goes on
 * without the card (the application owns it); the Timers page, which follows
 * it from start-up for its toasts, asks the card to redraw when a shown value
 * changes and says whether a session has just run to its end. */
struct _PatellaIcingView
{
  PatellaView           parent_instance;

  PatellaStore         *store;
  PatellaTimerState     drawn_state;
  gboolean              show_done;

  GtkLabel             *ice_today_label;
  GtkLevelBar          *ice_today_level;
  PatellaCountdownRing *ice_ring;
  GtkWidget            *length_box;
  GtkSpinButton        *minutes_spin;
  GtkButton            *start_button;
};

G_DEFINE_FINAL_TYPE (PatellaIcingView, patella_icing_view, PATELLA_TYPE_VIEW)

static PatellaContext *
get_context (PatellaIcingView *self)
{
  return patella_view_get_context (PATELLA_VIEW (self));
}

static PatellaTimer *
get_timer (PatellaIcingView *self)
{
  if (self->store == NULL)
    return NULL;

  return patella_context_get_ice_timer (get_context (self));
}

static char *
format_spoken (int seconds)
{
  /* Translators: a time left, like "14 minutes 5 seconds left" */
  return g_strdup_printf (_("%d min %d s left"), seconds / 60, seconds % 60);
}

static void
update_count (PatellaIcingView *self)
{
  g_autofree char *today = NULL;
  g_autofree char *text = NULL;
  guint goal = patella_context_get_ice_goal (get_context (self));
  guint done;

  if (self->store == NULL)
    return;

  today = patella_clock_get_today (patella_store_get_clock (self->store));
  done = patella_ice_count_day (self->store, today);

  text = g_strdup_printf (_("Today: %u of %u sessions"), done, goal);
  gtk_label_set_text (self->ice_today_label, text);
  gtk_level_bar_set_max_value (self->ice_today_level, goal);
  gtk_level_bar_set_value (self->ice_today_level, MIN (done, goal));
}

static void
show_ring (PatellaIcingView  *self,
           PatellaTimer      *timer,
           PatellaTimerState  state)
{
  int remaining;
  int planned;
  g_autofree char *text = NULL;
  g_autofree char *spoken = NULL;

  if (state == PATELLA_TIMER_RUNNING || state == PATELLA_TIMER_PAUSED)
    {
      remaining = (int) patella_timer_get_remaining (timer);
      planned = (int) patella_timer_get_planned (timer);
      text = patella_countdown_ring_format_clock (remaining);
      spoken = format_spoken (remaining);
      if (state == PATELLA_TIMER_PAUSED)
        {
          g_autofree char *paused = g_strdup_printf (_("%s, paused"), spoken);

          g_free (spoken);
          spoken = g_steal_pointer (&paused);
        }
    }
  else if (state == PATELLA_TIMER_FINISHED && self->show_done)
    {
      remaining = 0;
      planned = 1;
      text = g_strdup (_("Done"));
      spoken = g_strdup (_("Done: remove the ice"));
    }
  else
    {
      planned = gtk_spin_button_get_value_as_int (self->minutes_spin) * 60;
      remaining = planned;
      text = patella_countdown_ring_format_clock (remaining);
      spoken = g_strdup_printf (_("%d minutes, not started"), planned / 60);
    }

  patella_countdown_ring_set_value (self->ice_ring, remaining, planned);
  patella_countdown_ring_set_text (self->ice_ring, text, spoken);
}

static void
redraw (PatellaIcingView *self)
{
  PatellaTimer *timer = get_timer (self);
  PatellaTimerState state = timer != NULL ? patella_timer_get_state (timer) : PATELLA_TIMER_IDLE;
  gboolean active = state == PATELLA_TIMER_RUNNING || state == PATELLA_TIMER_PAUSED;

  show_ring (self, timer, state);

  if (state == PATELLA_TIMER_RUNNING)
    gtk_button_set_label (self->start_button, _("_Pause"));
  else if (state == PATELLA_TIMER_PAUSED)
    gtk_button_set_label (self->start_button, _("_Resume"));
  else
    gtk_button_set_label (self->start_button, _("_Start"));
  gtk_widget_set_visible (self->length_box, !active);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "icing.start-pause", timer != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "icing.stop", active);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "icing.add-minute",
                                 timer != NULL && patella_timer_can_add_minute (timer));

  /* A session that ends or starts changes today's count. */
  if (state != self->drawn_state)
    {
      self->drawn_state = state;
      update_count (self);
    }
}

static void
store_changed_cb (PatellaIcingView *self)
{
  update_count (self);
}

static void
patella_icing_view_store_changed (PatellaView *view)
{
  PatellaIcingView *self = PATELLA_ICING_VIEW (view);

  patella_timers_card_set_store (self, &self->store,
                                 patella_context_get_store (get_context (self)),
                                 G_CALLBACK (store_changed_cb));
  update_count (self);
  redraw (self);
}

static void
start_pause_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  PatellaIcingView *self = PATELLA_ICING_VIEW (widget);
  PatellaTimer *timer = get_timer (self);
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (timer == NULL)
    return;

  switch (patella_timer_get_state (timer))
    {
    case PATELLA_TIMER_RUNNING:
      ok = patella_timer_pause (timer, &error);
      break;

    case PATELLA_TIMER_PAUSED:
      ok = patella_timer_resume (timer, &error);
      break;

    case PATELLA_TIMER_IDLE:
    case PATELLA_TIMER_FINISHED:
    case PATELLA_TIMER_CANCELLED:
    default:
      ok = patella_timer_start (timer, gtk_spin_button_get_value_as_int (self->minutes_spin),
                                &error);
      break;
    }

  if (!ok)
    patella_toast_show_text (GTK_WIDGET (self), error->message);
}

static void
stop_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  PatellaIcingView *self = PATELLA_ICING_VIEW (widget);
  PatellaTimer *timer = get_timer (self);
  g_autoptr(GError) error = NULL;

  if (timer == NULL)
    return;

  if (!patella_timer_stop (timer, &error))
    patella_toast_show_text (GTK_WIDGET (self), error->message);
  else
    patella_toast_show_text (GTK_WIDGET (self), _("Stopped early; kept as a partial session"));
}

static void
add_minute_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  PatellaIcingView *self = PATELLA_ICING_VIEW (widget);
  PatellaTimer *timer = get_timer (self);
  g_autoptr(GError) error = NULL;

  if (timer != NULL && !patella_timer_add_minute (timer, &error))
    patella_toast_show_text (GTK_WIDGET (self), error->message);
}

static void
patella_icing_view_dispose (GObject *object)
{
  PatellaIcingView *self = PATELLA_ICING_VIEW (object);

  patella_timers_card_set_store (self, &self->store, NULL, NULL);

  gtk_widget_dispose_template (GTK_WIDGET (self), PATELLA_TYPE_ICING_VIEW);

  G_OBJECT_CLASS (patella_icing_view_parent_class)->dispose (object);
}

static void
patella_icing_view_constructed (GObject *object)
{
  PatellaIcingView *self = PATELLA_ICING_VIEW (object);

  gtk_spin_button_set_range (self->minutes_spin, PATELLA_ICE_MIN_MINUTES,
                             PATELLA_ICE_MAX_MINUTES);
  gtk_spin_button_set_value (self->minutes_spin,
                             patella_context_get_ice_minutes (get_context (self)));
  g_signal_connect_object (self->minutes_spin, "value-changed", G_CALLBACK (redraw), self,
                           G_CONNECT_SWAPPED);

  /* Last: the first store_changed() needs what is set up above. */
  G_OBJECT_CLASS (patella_icing_view_parent_class)->constructed (object);
}

static void
patella_icing_view_class_init (PatellaIcingViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  PatellaViewClass *view_class = PATELLA_VIEW_CLASS (klass);

  object_class->constructed = patella_icing_view_constructed;
  object_class->dispose = patella_icing_view_dispose;

  view_class->store_changed = patella_icing_view_store_changed;

  g_type_ensure (PATELLA_TYPE_COUNTDOWN_RING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/patella/Patella/ui/patella-icing-view.ui");
  gtk_widget_class_bind_template_child (widget_class, PatellaIcingView, ice_today_label);
  gtk_widget_class_bind_template_child (widget_class, PatellaIcingView, ice_today_level);
  gtk_widget_class_bind_template_child (widget_class, PatellaIcingView, ice_ring);
  gtk_widget_class_bind_template_child (widget_class, PatellaIcingView, length_box);
  gtk_widget_class_bind_template_child (widget_class, PatellaIcingView, minutes_spin);
  gtk_widget_class_bind_template_child (widget_class, PatellaIcingView, start_button);

  gtk_widget_class_install_action (widget_class, "icing.start-pause", NULL,
                                   start_pause_activated);
  gtk_widget_class_install_action (widget_class, "icing.stop", NULL, stop_activated);
  gtk_widget_class_install_action (widget_class, "icing.add-minute", NULL, add_minute_activated);
}

static void
patella_icing_view_init (PatellaIcingView *self)
{
  self->drawn_state = PATELLA_TIMER_IDLE;
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
patella_icing_view_new (PatellaContext *context)
{
  g_return_val_if_fail (PATELLA_IS_CONTEXT (context), NULL);

  return g_object_new (PATELLA_TYPE_ICING_VIEW, "context", context, NULL);
}

/**
 * patella_icing_view_update:
 * @show_done: whether the last session ran to its end while the program
 *   watched it (the ring then says "Done" rather than the next length)
 *
 * Redraws the card from the icing timer's state.
 */
void
patella_icing_view_update (PatellaIcingView *self,
                           gboolean          show_done)
{
  g_return_if_fail (PATELLA_IS_ICING_VIEW (self));

  self->show_done = show_done;
  redraw (self);
}
