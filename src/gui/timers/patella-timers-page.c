/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "patella-timers-page"

#include "config.h"

#include <glib/gi18n.h>

#include "patella-countdown-ring.h"
#include "patella-exercises.h"
#include "patella-parse.h"
#include "patella-plan.h"
#include "patella-routine-editor.h"
#include "patella-routine-player.h"
#include "patella-timer.h"
#include "patella-context.h"
#include "patella-timers-page.h"
#include "patella-timers-view.h"
#include "patella-walk-run-view.h"
#include "patella-toast.h"

/* Icing and exercises. The icing timer belongs to the application, so that it
 * goes on with the window closed; this page shows it and redraws only when
 * the timer says a shown value changed. The routine player ticks from here,
 * once a second while it plays, and not at all otherwise.
 *
 * The widgets (a PatellaTimersView) are built only when the page is first
 * shown, or when an action needs them: the page is not shown at start-up.
 * Until then it follows the timer's state, for the toasts, without them. */
struct _PatellaTimersPage
{
  AdwBin                parent_instance;

  PatellaContext       *context;

  PatellaStore         *store;
  PatellaTimer         *timer;
  GSettings            *settings;
  GPtrArray            *routines;
  PatellaRoutinePlayer *player;
  guint                 player_tick_id;
  PatellaTimerState     last_state;
  gboolean              show_done;
  gboolean              plan_session;   /* the player plays today's plan session */

  GtkWidget            *view;           /* NULL until first needed; the child */
  GtkLabel             *ice_today_label;
  GtkLevelBar          *ice_today_level;
  PatellaCountdownRing *ice_ring;
  GtkLabel             *cloth_label;
  GtkWidget            *length_box;
  GtkSpinButton        *minutes_spin;
  GtkButton            *start_button;
  GtkLabel             *week_label;
  GtkLevelBar          *week_level;
  GtkStack             *player_stack;
  GtkDropDown          *routine_dropdown;
  GtkLabel             *routine_summary;
  GtkLabel             *exercise_label;
  GtkLabel             *phase_label;
  PatellaCountdownRing *player_ring;
  GtkLabel             *next_label;
  GtkButton            *player_pause_button;
  GtkToggleButton      *sound_button;
  GtkLabel             *instructions_label;
  GtkScale             *pain_scale;
  PatellaWalkRunView   *walk_run_view;
};

G_DEFINE_FINAL_TYPE (PatellaTimersPage, patella_timers_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
context_store_changed_cb (PatellaTimersPage *self)
{
  patella_timers_page_set_store (self, patella_context_get_store (self->context));
}

static void
patella_timers_page_constructed (GObject *object)
{
  PatellaTimersPage *self = PATELLA_TIMERS_PAGE (object);

  G_OBJECT_CLASS (patella_timers_page_parent_class)->constructed (object);

  g_signal_connect_object (self->context, "notify::store",
                           G_CALLBACK (context_store_changed_cb), self, G_CONNECT_SWAPPED);
  context_store_changed_cb (self);
}

static void
patella_timers_page_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  PatellaTimersPage *self = PATELLA_TIMERS_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
patella_timers_page_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  PatellaTimersPage *self = PATELLA_TIMERS_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void update_player  (PatellaTimersPage *self);
static void ensure_view    (PatellaTimersPage *self);
static void start_walk_run (PatellaTimersPage      *self,
                            const PatellaPlanToday *today);

static gint64
now_us (PatellaTimersPage *self)
{
  return patella_clock_get_now (patella_store_get_clock (self->store));
}

static void
toast (PatellaTimersPage *self,
       const char        *message)
{
  patella_toast_show (GTK_WIDGET (self), adw_toast_new (message));
}

static char *
format_clock (int seconds)
{
  return g_strdup_printf ("%d:%02d", seconds / 60, seconds % 60);
}

static char *
format_spoken (int seconds)
{
  int minutes = seconds / 60;
  int rest = seconds % 60;

  /* Translators: a time left, like "14 minutes 5 seconds left" */
  return g_strdup_printf (_("%d min %d s left"), minutes, rest);
}

/* Icing */

static void
update_counts (PatellaTimersPage *self)
{
  g_autofree char *today = NULL;
  g_autofree char *ice_text = NULL;
  g_autofree char *week_text = NULL;
  guint goal = self->settings != NULL ?
               (guint) g_settings_get_int (self->settings, "ice-sessions-per-day") : 4;
  guint done;
  guint week;

  if (self->store == NULL || self->view == NULL)
    return;

  today = patella_clock_get_today (patella_store_get_clock (self->store));
  done = patella_ice_count_day (self->store, today);
  week = patella_exercise_count_week (self->store);

  ice_text = g_strdup_printf (_("Today: %u of %u sessions"), done, goal);
  gtk_label_set_text (self->ice_today_label, ice_text);
  gtk_level_bar_set_max_value (self->ice_today_level, goal);
  gtk_level_bar_set_value (self->ice_today_level, MIN (done, goal));

  /* Strength work 3 times a week, at least twice (the Guidance page). */
  week_text = g_strdup_printf (_("This week: %u of 3 sessions (at least 2)"), week);
  gtk_label_set_text (self->week_label, week_text);
  gtk_level_bar_set_value (self->week_level, MIN (week, 3));
}

static void
show_ice (PatellaTimersPage *self,
          PatellaTimerState  state)
{
  gboolean active = state == PATELLA_TIMER_RUNNING || state == PATELLA_TIMER_PAUSED;
  int remaining;
  int planned;
  g_autofree char *text = NULL;
  g_autofree char *spoken = NULL;

  if (active)
    {
      remaining = (int) patella_timer_get_remaining (self->timer);
      planned = (int) patella_timer_get_planned (self->timer);
      text = format_clock (remaining);
      spoken = format_spoken (remaining);
      if (state == PATELLA_TIMER_PAUSED)
        {
          g_autofree char *paused = g_strdup_printf (_("%s, paused"), spoken);
          g_free (spoken);
          spoken = g_steal_pointer (&paused);
        }
    }
  else if (state == PATELLA_TIMER_FINISHED &&
           (self->show_done || self->last_state == PATELLA_TIMER_RUNNING))
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
      text = format_clock (remaining);
      spoken = g_strdup_printf (_("%d minutes, not started"), planned / 60);
    }

  patella_countdown_ring_set_value (self->ice_ring, remaining, planned);
  patella_countdown_ring_set_text (self->ice_ring, text, spoken);

  if (state == PATELLA_TIMER_RUNNING)
    gtk_button_set_label (self->start_button, _("_Pause"));
  else if (state == PATELLA_TIMER_PAUSED)
    gtk_button_set_label (self->start_button, _("_Resume"));
  else
    gtk_button_set_label (self->start_button, _("_Start"));

  gtk_widget_set_visible (self->length_box, !active);
}

static void
update_ice (PatellaTimersPage *self)
{
  PatellaTimerState state = self->timer != NULL ? patella_timer_get_state (self->timer)
                                                : PATELLA_TIMER_IDLE;
  gboolean active = state == PATELLA_TIMER_RUNNING || state == PATELLA_TIMER_PAUSED;

  if (self->view != NULL)
    show_ice (self, state);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "timers.ice-start-pause", self->timer != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "timers.ice-stop", active);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "timers.ice-add-minute",
                                 self->timer != NULL && patella_timer_can_add_minute (self->timer));

  if (state != self->last_state)
    {
      if (state == PATELLA_TIMER_RUNNING && !(self->last_state == PATELLA_TIMER_PAUSED))
        toast (self, _("Put a cloth between the ice and your skin"));
      self->show_done = state == PATELLA_TIMER_FINISHED &&
                        self->last_state == PATELLA_TIMER_RUNNING;
      if (self->show_done)
        toast (self, _("Icing done — remove the ice"));
      self->last_state = state;
      update_counts (self);
    }
}

static void
timer_changed_cb (PatellaTimersPage *self)
{
  update_ice (self);
}

static void
minutes_changed_cb (PatellaTimersPage *self)
{
  update_ice (self);
}

static void
ice_start_pause_activated (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  PatellaTimersPage *self = PATELLA_TIMERS_PAGE (widget);
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (self->timer == NULL)
    return;

  /* The length comes from the view's spin button. */
  ensure_view (self);

  switch (patella_timer_get_state (self->timer))
    {
    case PATELLA_TIMER_RUNNING:
      ok = patella_timer_pause (self->timer, &error);
      break;

    case PATELLA_TIMER_PAUSED:
      ok = patella_timer_resume (self->timer, &error);
      break;

    case PATELLA_TIMER_IDLE:
    case PATELLA_TIMER_FINISHED:
    case PATELLA_TIMER_CANCELLED:
    default:
      ok = patella_timer_start (self->timer, gtk_spin_button_get_value_as_int (self->minutes_spin),
                                &error);
      break;
    }

  if (!ok)
    toast (self, error->message);
}

static void
ice_stop_activated (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  PatellaTimersPage *self = PATELLA_TIMERS_PAGE (widget);
  g_autoptr(GError) error = NULL;

  if (self->timer == NULL)
    return;

  if (!patella_timer_stop (self->timer, &error))
    toast (self, error->message);
  else
    toast (self, _("Stopped early; kept as a partial session"));
}

static void
ice_add_minute_activated (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  PatellaTimersPage *self = PATELLA_TIMERS_PAGE (widget);
  g_autoptr(GError) error = NULL;

  if (self->timer != NULL && !patella_timer_add_minute (self->timer, &error))
    toast (self, error->message);
}

/* Exercises */

static const PatellaRoutine *
selected_routine (PatellaTimersPage *self)
{
  guint position;

  if (self->view == NULL || self->routines == NULL)
    return NULL;

  position = gtk_drop_down_get_selected (self->routine_dropdown);
  if (position >= self->routines->len)
    return NULL;

  return g_ptr_array_index (self->routines, position);
}

static char *
describe_step (const PatellaRoutineStep *step)
{
  g_autofree char *amount = NULL;

  if (step->reps > 0)
    amount = g_strdup_printf (ngettext ("%d × %d rep", "%d × %d reps", step->reps),
                              step->sets, step->reps);
  else
    amount = g_strdup_printf (_("%d × %d s hold"), step->sets, step->hold_s);

  if (step->per_side)
    /* Translators: "3 × 12 reps", each side */
    return g_strdup_printf (_("%s — %s per side"), _(step->exercise->name), amount);

  return g_strdup_printf (_("%s — %s"), _(step->exercise->name), amount);
}

static void
update_summary (PatellaTimersPage *self)
{
  const PatellaRoutine *routine = selected_routine (self);
  g_autoptr(GString) text = NULL;

  if (self->view == NULL)
    return;

  text = g_string_new (NULL);
  if (routine != NULL)
    {
      int minutes = (patella_routine_total_seconds (routine) + 59) / 60;

      for (guint i = 0; i < routine->steps->len; i++)
        {
          g_autofree char *line = describe_step (&g_array_index (routine->steps,
                                                                 PatellaRoutineStep, i));
          g_string_append_printf (text, "• %s\n", line);
        }
      g_string_append_printf (text, ngettext ("About %d minute", "About %d minutes", minutes),
                              minutes);
    }

  gtk_label_set_text (self->routine_summary, text->str);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "timers.routine-start", routine != NULL);
}

static void
reload_routines (PatellaTimersPage *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GError) error = NULL;

  if (self->view == NULL)
    return;

  g_clear_pointer (&self->routines, g_ptr_array_unref);
  if (self->store != NULL)
    self->routines = patella_routines_list (self->store, &error);
  if (self->routines == NULL)
    {
      if (error != NULL)
        g_message ("Could not read the routines: %s", error->message);
      self->routines = patella_routines_get_builtin ();
    }

  for (guint i = 0; i < self->routines->len; i++)
    gtk_string_list_append (names, ((PatellaRoutine *) g_ptr_array_index (self->routines, i))->name);

  gtk_drop_down_set_model (self->routine_dropdown, G_LIST_MODEL (names));
  update_summary (self);
}

static void
cue (PatellaTimersPage *self)
{
  gboolean sound = gtk_toggle_button_get_active (self->sound_button);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (sound)
    gtk_widget_error_bell (GTK_WIDGET (self));

  /* Told on the desktop too when the window is not in front: the end of a
   * set (the rest begins) and the end of the routine. */
  if (GTK_IS_WINDOW (root) && !gtk_window_is_active (GTK_WINDOW (root)))
    {
      PatellaPlayerPhase phase = patella_routine_player_get_phase (self->player);
      PatellaNotifier *notifier = patella_context_get_notifier (self->context);
      g_autoptr(PatellaNotification) n = NULL;
      gint64 stamp = now_us (self) / G_USEC_PER_SEC;

      if (phase == PATELLA_PLAYER_DONE)
        {
          g_autofree char *id = g_strdup_printf ("exercise-done:%" G_GINT64_FORMAT, stamp);

          n = patella_notification_new (id, _("Routine done"),
                                        _("Well done. Rate the pain you felt to log the session."),
                                        "x-patella.exercise");
        }
      else if (phase == PATELLA_PLAYER_REST)
        {
          g_autofree char *id = g_strdup_printf ("exercise-set:%" G_GINT64_FORMAT, stamp);

          n = patella_notification_new (id, _("Set done"),
                                        _("Rest now; the next set starts when the countdown ends."),
                                        "x-patella.exercise");
        }

      if (n != NULL)
        patella_notification_add_action (n, "default", _("Open Timers"));
      if (n != NULL && notifier != NULL && self->store != NULL)
        patella_notifier_send_once (notifier, self->store, n, NULL);
    }
}

static gboolean
player_tick_cb (gpointer data)
{
  PatellaTimersPage *self = data;
  PatellaPlayerChange change;

  change = patella_routine_player_tick (self->player, now_us (self));
  if (change != PATELLA_PLAYER_CHANGED_NONE)
    update_player (self);
  if (change & PATELLA_PLAYER_CHANGED_PHASE)
    cue (self);

  if (!patella_routine_player_is_running (self->player))
    {
      self->player_tick_id = 0;
      return G_SOURCE_REMOVE;
    }

  return G_SOURCE_CONTINUE;
}

static void
update_ticking (PatellaTimersPage *self)
{
  gboolean want = self->player != NULL && patella_routine_player_is_running (self->player);

  if (want && self->player_tick_id == 0)
    self->player_tick_id = g_timeout_add_seconds (1, player_tick_cb, self);
  else if (!want)
    g_clear_handle_id (&self->player_tick_id, g_source_remove);
}

static const char *
side_name (PatellaPlayerSide side)
{
  switch (side)
    {
    case PATELLA_PLAYER_SIDE_LEFT:
      return _("left side");
    case PATELLA_PLAYER_SIDE_RIGHT:
      return _("right side");
    case PATELLA_PLAYER_SIDE_BOTH:
    default:
      return NULL;
    }
}

static void
update_player (PatellaTimersPage *self)
{
  const PatellaRoutineStep *step;
  const PatellaRoutineStep *next;
  PatellaPlayerPhase phase;
  PatellaPlayerSide side;
  PatellaPlayerSide next_side = PATELLA_PLAYER_SIDE_BOTH;
  g_autofree char *set_text = NULL;
  g_autofree char *phase_text = NULL;
  g_autofree char *ring_text = NULL;
  g_autofree char *spoken = NULL;
  g_autofree char *next_text = NULL;
  g_autofree char *instructions = NULL;
  int remaining;
  int next_set = 0;

  update_ticking (self);

  if (self->player == NULL)
    return;

  phase = patella_routine_player_get_phase (self->player);
  if (phase == PATELLA_PLAYER_DONE)
    {
      gtk_stack_set_visible_child_name (self->player_stack, "pain");
      return;
    }

  step = patella_routine_player_get_step (self->player);
  if (step == NULL)
    return;

  side = patella_routine_player_get_side (self->player);
  remaining = patella_routine_player_get_remaining (self->player);

  gtk_label_set_text (self->exercise_label, _(step->exercise->name));

  /* Translators: "Set 2 of 3" */
  set_text = g_strdup_printf (_("Set %d of %d"), patella_routine_player_get_set (self->player),
                              patella_routine_player_get_n_sets (self->player));
  if (side_name (side) != NULL)
    {
      g_autofree char *with_side = g_strdup_printf ("%s · %s", set_text, side_name (side));
      g_free (set_text);
      set_text = g_steal_pointer (&with_side);
    }

  gtk_widget_remove_css_class (GTK_WIDGET (self->player_ring), "rest");
  gtk_widget_remove_css_class (GTK_WIDGET (self->player_ring), "ready");
  gtk_widget_remove_css_class (GTK_WIDGET (self->phase_label), "success");
  gtk_widget_remove_css_class (GTK_WIDGET (self->phase_label), "warning");
  gtk_widget_remove_css_class (GTK_WIDGET (self->phase_label), "accent");

  switch (phase)
    {
    case PATELLA_PLAYER_READY:
      phase_text = g_strdup_printf (_("Get ready — %s"), set_text);
      gtk_widget_add_css_class (GTK_WIDGET (self->player_ring), "ready");
      gtk_widget_add_css_class (GTK_WIDGET (self->phase_label), "warning");
      ring_text = format_clock (remaining);
      spoken = g_strdup_printf (_("Get ready, %d seconds"), remaining);
      break;

    case PATELLA_PLAYER_REST:
      phase_text = g_strdup (_("Rest"));
      gtk_widget_add_css_class (GTK_WIDGET (self->player_ring), "rest");
      gtk_widget_add_css_class (GTK_WIDGET (self->phase_label), "success");
      ring_text = format_clock (remaining);
      spoken = g_strdup_printf (_("Rest, %d seconds left"), remaining);
      break;

    case PATELLA_PLAYER_WORK:
    case PATELLA_PLAYER_IDLE:
    case PATELLA_PLAYER_DONE:
    default:
      phase_text = g_strdup (set_text);
      gtk_widget_add_css_class (GTK_WIDGET (self->phase_label), "accent");
      if (step->reps > 0)
        {
          /* Translators: the rep under way, "4 / 12" */
          ring_text = g_strdup_printf (_("%d / %d"), patella_routine_player_get_rep (self->player),
                                       step->reps);
          spoken = g_strdup_printf (_("Rep %d of %d"), patella_routine_player_get_rep (self->player),
                                    step->reps);
        }
      else
        {
          ring_text = format_clock (remaining);
          spoken = g_strdup_printf (_("Hold, %d seconds left"), remaining);
        }
      break;
    }

  if (patella_routine_player_is_paused (self->player))
    {
      g_autofree char *paused = g_strdup_printf (_("%s (paused)"), phase_text);
      g_free (phase_text);
      phase_text = g_steal_pointer (&paused);
    }

  gtk_label_set_text (self->phase_label, phase_text);
  patella_countdown_ring_set_value (self->player_ring, remaining,
                                    patella_routine_player_get_phase_length (self->player));
  patella_countdown_ring_set_text (self->player_ring, ring_text, spoken);

  next = patella_routine_player_get_next (self->player, &next_set, &next_side);
  if (next == NULL)
    next_text = g_strdup (_("Next: the end of the routine"));
  else if (side_name (next_side) != NULL)
    /* Translators: exercise, set number, side */
    next_text = g_strdup_printf (_("Next: %s, set %d, %s"), _(next->exercise->name), next_set,
                                 side_name (next_side));
  else
    next_text = g_strdup_printf (_("Next: %s, set %d"), _(next->exercise->name), next_set);
  gtk_label_set_text (self->next_label, next_text);

  instructions = g_strdup_printf (_("Start: %s\nMove: %s\nFeel: %s\nAvoid: %s\nStop: %s"),
                                  _(step->exercise->start), _(step->exercise->movement),
                                  _(step->exercise->feel), _(step->exercise->avoid),
                                  _(step->exercise->stop));
  gtk_label_set_text (self->instructions_label, instructions);

  gtk_button_set_icon_name (self->player_pause_button,
                            patella_routine_player_is_paused (self->player) ?
                            "media-playback-start-symbolic" : "media-playback-pause-symbolic");
}

static void
routine_start_activated (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  PatellaTimersPage *self = PATELLA_TIMERS_PAGE (widget);
  const PatellaRoutine *routine;

  ensure_view (self);
  routine = selected_routine (self);
  if (routine == NULL || self->store == NULL)
    return;

  g_clear_pointer (&self->player, patella_routine_player_free);
  self->player = patella_routine_player_new (routine);
  self->plan_session = FALSE;
  patella_routine_player_start (self->player, now_us (self));
  gtk_range_set_value (GTK_RANGE (self->pain_scale), 0);
  gtk_stack_set_visible_child_name (self->player_stack, "play");
  update_player (self);
  cue (self);
}

/* Logs today's plan session and tells what the plan decided at once. */
static void
log_plan_session (PatellaTimersPage *self,
                  int                pain)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PatellaPlan) plan = NULL;
  guint n_before;

  plan = patella_plan_load (self->store, &error);
  n_before = plan != NULL ? plan->events->len : 0;
  g_clear_pointer (&plan, patella_plan_free);

  if (!patella_plan_log (self->store, NULL, pain, PATELLA_PAIN_NONE, NULL, &error))
    {
      toast (self, error->message);
      return;
    }

  plan = patella_plan_load (self->store, &error);
  for (guint i = n_before; plan != NULL && i < plan->events->len; i++)
    {
      const PatellaPlanEvent *event = g_ptr_array_index (plan->events, i);

      if (event->kind == PATELLA_PLAN_EVENT_DECISION)
        {
          g_autofree char *reason = patella_plan_event_get_reason (event);

          toast (self, reason);
        }
    }
}

/* Starts what the plan prescribes today: the phase's strength routine, at
 * the plan's exercise level (on a session day of the early phases, the
 * session itself). */
static void
plan_session_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  PatellaTimersPage *self = PATELLA_TIMERS_PAGE (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(PatellaPlan) plan = NULL;
  g_autoptr(PatellaPlanToday) today = NULL;
  g_autoptr(PatellaRoutine) routine = NULL;
  g_autofree char *day = NULL;
  const PatellaPlanPhase *phase;

  ensure_view (self);
  if (self->store == NULL)
    return;

  plan = patella_plan_load (self->store, &error);
  if (plan == NULL)
    {
      toast (self, error->message);
      return;
    }

  day = patella_clock_get_today (patella_store_get_clock (self->store));
  today = patella_plan_get_today (plan, day);
  phase = patella_plan_get_phase (plan->phase);
  if (today->kind != PATELLA_PLAN_TODAY_SESSION && today->kind != PATELLA_PLAN_TODAY_REST)
    return;

  if (today->kind == PATELLA_PLAN_TODAY_SESSION && phase->kind != PATELLA_PLAN_KIND_EARLY &&
      phase->kind != PATELLA_PLAN_KIND_READINESS)
    {
      start_walk_run (self, today);
      return;
    }

  routine = patella_plan_get_routine (plan);
  if (routine == NULL)
    return;

  g_clear_pointer (&self->player, patella_routine_player_free);
  self->player = patella_routine_player_new (routine);
  self->plan_session = today->kind == PATELLA_PLAN_TODAY_SESSION;
  patella_routine_player_start (self->player, now_us (self));
  gtk_range_set_value (GTK_RANGE (self->pain_scale), 0);
  gtk_stack_set_visible_child_name (self->player_stack, "play");
  update_player (self);
  update_ticking (self);
  cue (self);
}

static void
routine_pause_activated (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  PatellaTimersPage *self = PATELLA_TIMERS_PAGE (widget);

  if (self->player == NULL)
    return;

  if (patella_routine_player_is_paused (self->player))
    patella_routine_player_resume (self->player, now_us (self));
  else
    patella_routine_player_pause (self->player, now_us (self));
  update_player (self);
}

static void
routine_skip_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  PatellaTimersPage *self = PATELLA_TIMERS_PAGE (widget);

  if (self->player == NULL)
    return;

  patella_routine_player_skip (self->player, now_us (self));
  update_player (self);
  cue (self);
}

static void
routine_back_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  PatellaTimersPage *self = PATELLA_TIMERS_PAGE (widget);

  if (self->player == NULL)
    return;

  patella_routine_player_back (self->player, now_us (self));
  update_player (self);
  cue (self);
}

static void
routine_end_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  PatellaTimersPage *self = PATELLA_TIMERS_PAGE (widget);

  if (self->player == NULL)
    return;

  if (!patella_routine_player_is_paused (self->player))
    patella_routine_player_pause (self->player, now_us (self));
  update_ticking (self);
  gtk_stack_set_visible_child_name (self->player_stack, "pain");
}

static void
routine_log_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  PatellaTimersPage *self = PATELLA_TIMERS_PAGE (widget);
  g_autoptr(GError) error = NULL;
  int pain = (int) gtk_range_get_value (GTK_RANGE (self->pain_scale));
  gboolean counts;

  if (self->player == NULL || self->store == NULL)
    return;

  counts = patella_routine_player_counts (self->player, now_us (self));
  if (!patella_routine_player_finish (self->player, self->store, pain, now_us (self), &error))
    {
      toast (self, error->message);
      return;
    }

  g_clear_pointer (&self->player, patella_routine_player_free);
  update_ticking (self);
  gtk_stack_set_visible_child_name (self->player_stack, "choose");
  if (!counts)
    toast (self, _("Logged as a partial session: less than half of the routine does not count "
                   "toward the week"));
  else
    toast (self, pain > 5 ? _("Session logged. Pain above 5 is too much: ease off next time") :
                            _("Session logged"));

  if (self->plan_session)
    log_plan_session (self, pain);
  self->plan_session = FALSE;
}

static void
routine_discard_activated (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  PatellaTimersPage *self = PATELLA_TIMERS_PAGE (widget);

  ensure_view (self);
  g_clear_pointer (&self->player, patella_routine_player_free);
  update_ticking (self);
  gtk_stack_set_visible_child_name (self->player_stack, "choose");
}

static void
open_editor (PatellaTimersPage    *self,
             const PatellaRoutine *routine)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  PatellaRoutineEditor *editor;

  if (self->store == NULL)
    return;

  editor = patella_routine_editor_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                       self->store, routine);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
routine_new_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  open_editor (PATELLA_TIMERS_PAGE (widget), NULL);
}

static void
routine_edit_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  PatellaTimersPage *self = PATELLA_TIMERS_PAGE (widget);
  const PatellaRoutine *routine;

  ensure_view (self);
  routine = selected_routine (self);
  if (routine != NULL)
    open_editor (self, routine);
}

/* Shortcuts: Space and Ctrl+. act on the routine while it plays, else on icing. */
static gboolean
playing (PatellaTimersPage *self)
{
  return self->player != NULL &&
         g_strcmp0 (gtk_stack_get_visible_child_name (self->player_stack), "play") == 0;
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

static void
store_changed_cb (PatellaTimersPage *self,
                  const char        *what)
{
  if (g_strcmp0 (what, "routines") == 0)
    reload_routines (self);
  else
    update_counts (self);
}

static void
sound_toggled_cb (PatellaTimersPage *self)
{
  gtk_button_set_icon_name (GTK_BUTTON (self->sound_button),
                            gtk_toggle_button_get_active (self->sound_button) ?
                            "audio-volume-high-symbolic" : "audio-volume-muted-symbolic");
}

static void
disconnect_timer (PatellaTimersPage *self)
{
  if (self->timer != NULL)
    g_signal_handlers_disconnect_by_data (self->timer, self);
  g_clear_object (&self->timer);
}

static void
apply_settings (PatellaTimersPage *self)
{
  g_settings_bind (self->settings, "sounds-enabled", self->sound_button, "active",
                   G_SETTINGS_BIND_DEFAULT);
  gtk_spin_button_set_value (self->minutes_spin,
                             g_settings_get_int (self->settings, "ice-minutes"));
}

static gpointer
view_child (PatellaTimersPage *self,
            const char        *name)
{
  GObject *child = gtk_widget_get_template_child (self->view, PATELLA_TYPE_TIMERS_VIEW, name);

  g_assert (child != NULL);

  return child;
}

/* A walk/run session under way comes first; otherwise the card is last. */
static void
place_walk_run (PatellaTimersPage *self)
{
  PatellaWalkRun *walk_run = patella_context_get_walk_run (self->context);
  GtkFlowBox *layout;
  GtkWidget *child;
  int position;

  if (self->walk_run_view == NULL)
    return;

  layout = GTK_FLOW_BOX (view_child (self, "layout"));
  position = walk_run != NULL &&
             patella_walk_run_get_state (walk_run) != PATELLA_WALK_RUN_IDLE ? 0 : -1;
  child = gtk_widget_get_parent (GTK_WIDGET (self->walk_run_view));
  if (child != NULL)
    {
      int index = gtk_flow_box_child_get_index (GTK_FLOW_BOX_CHILD (child));

      if ((position == 0 && index == 0) ||
          (position == -1 && gtk_widget_get_next_sibling (child) == NULL))
        return;

      g_object_ref (self->walk_run_view);
      gtk_flow_box_remove (layout, child);
      gtk_flow_box_insert (layout, GTK_WIDGET (self->walk_run_view), position);
      g_object_unref (self->walk_run_view);
      return;
    }

  gtk_flow_box_insert (layout, GTK_WIDGET (self->walk_run_view), position);
}

static void
update_walk_run (PatellaTimersPage *self)
{
  PatellaWalkRun *walk_run = NULL;

  if (self->walk_run_view == NULL)
    return;

  if (self->store != NULL)
    walk_run = patella_context_get_walk_run (self->context);
  if (walk_run != NULL)
    {
      g_signal_handlers_disconnect_by_func (walk_run, place_walk_run, self);
      g_signal_connect_object (walk_run, "notify::state", G_CALLBACK (place_walk_run), self,
                               G_CONNECT_SWAPPED);
    }

  patella_walk_run_view_set_session (self->walk_run_view, self->store, walk_run, self->settings);
  place_walk_run (self);
}

static void
start_walk_run (PatellaTimersPage      *self,
                const PatellaPlanToday *today)
{
  g_autoptr(GError) error = NULL;

  ensure_view (self);
  if (!patella_walk_run_view_start_today (self->walk_run_view, &error))
    toast (self, error->message);
}

/* Builds the widgets, the first time the page is shown or an action needs
 * them, and shows the state the page followed until then. */
static void
ensure_view (PatellaTimersPage *self)
{
  if (self->view != NULL)
    return;

  self->view = patella_timers_view_new ();
  self->ice_today_label = view_child (self, "ice_today_label");
  self->ice_today_level = view_child (self, "ice_today_level");
  self->ice_ring = view_child (self, "ice_ring");
  self->cloth_label = view_child (self, "cloth_label");
  self->length_box = view_child (self, "length_box");
  self->minutes_spin = view_child (self, "minutes_spin");
  self->start_button = view_child (self, "start_button");
  self->week_label = view_child (self, "week_label");
  self->week_level = view_child (self, "week_level");
  self->player_stack = view_child (self, "player_stack");
  self->routine_dropdown = view_child (self, "routine_dropdown");
  self->routine_summary = view_child (self, "routine_summary");
  self->exercise_label = view_child (self, "exercise_label");
  self->phase_label = view_child (self, "phase_label");
  self->player_ring = view_child (self, "player_ring");
  self->next_label = view_child (self, "next_label");
  self->player_pause_button = view_child (self, "player_pause_button");
  self->sound_button = view_child (self, "sound_button");
  self->instructions_label = view_child (self, "instructions_label");
  self->pain_scale = view_child (self, "pain_scale");

  g_signal_connect_object (self->minutes_spin, "value-changed",
                           G_CALLBACK (minutes_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->routine_dropdown, "notify::selected",
                           G_CALLBACK (update_summary), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->sound_button, "notify::active",
                           G_CALLBACK (sound_toggled_cb), self, G_CONNECT_SWAPPED);
  gtk_toggle_button_set_active (self->sound_button, TRUE);
  if (self->settings != NULL)
    apply_settings (self);

  self->walk_run_view = PATELLA_WALK_RUN_VIEW (patella_walk_run_view_new ());
  update_walk_run (self);

  adw_bin_set_child (ADW_BIN (self), self->view);

  reload_routines (self);
  update_ice (self);
  update_counts (self);
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
  PatellaTimersPage *self = (PatellaTimersPage *)object;

  g_clear_handle_id (&self->player_tick_id, g_source_remove);
  g_clear_pointer (&self->player, patella_routine_player_free);
  disconnect_timer (self);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->routines, g_ptr_array_unref);

  g_clear_object (&PATELLA_TIMERS_PAGE (object)->context);

  G_OBJECT_CLASS (patella_timers_page_parent_class)->dispose (object);
}

static void
patella_timers_page_class_init (PatellaTimersPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = patella_timers_page_dispose;
  object_class->constructed = patella_timers_page_constructed;
  object_class->get_property = patella_timers_page_get_property;
  object_class->set_property = patella_timers_page_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, PATELLA_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  widget_class->map = patella_timers_page_map;

  gtk_widget_class_install_action (widget_class, "timers.ice-start-pause", NULL,
                                   ice_start_pause_activated);
  gtk_widget_class_install_action (widget_class, "timers.ice-stop", NULL, ice_stop_activated);
  gtk_widget_class_install_action (widget_class, "timers.ice-add-minute", NULL,
                                   ice_add_minute_activated);
  gtk_widget_class_install_action (widget_class, "timers.routine-start", NULL,
                                   routine_start_activated);
  gtk_widget_class_install_action (widget_class, "timers.routine-pause", NULL,
                                   routine_pause_activated);
  gtk_widget_class_install_action (widget_class, "timers.routine-skip", NULL,
                                   routine_skip_activated);
  gtk_widget_class_install_action (widget_class, "timers.routine-back", NULL,
                                   routine_back_activated);
  gtk_widget_class_install_action (widget_class, "timers.routine-end", NULL,
                                   routine_end_activated);
  gtk_widget_class_install_action (widget_class, "timers.routine-log", NULL,
                                   routine_log_activated);
  gtk_widget_class_install_action (widget_class, "timers.routine-discard", NULL,
                                   routine_discard_activated);
  gtk_widget_class_install_action (widget_class, "timers.routine-new", NULL,
                                   routine_new_activated);
  gtk_widget_class_install_action (widget_class, "timers.routine-edit", NULL,
                                   routine_edit_activated);
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
  update_ice (self);
}

void
patella_timers_page_set_store (PatellaTimersPage *self,
                               PatellaStore       *store)
{
  PatellaTimer *timer;

  g_return_if_fail (PATELLA_IS_TIMERS_PAGE (self));
  g_return_if_fail (store == NULL || PATELLA_IS_STORE (store));

  timer = store != NULL ? patella_context_get_ice_timer (self->context) : NULL;

  if (self->settings == NULL && patella_context_get_settings (self->context) != NULL)
    {
      self->settings = g_object_ref (patella_context_get_settings (self->context));
      if (self->view != NULL)
        apply_settings (self);
    }

  if (self->store != store)
    {
      if (self->store != NULL)
        g_signal_handlers_disconnect_by_data (self->store, self);
      g_set_object (&self->store, store);
      if (store != NULL)
        g_signal_connect_object (store, "changed", G_CALLBACK (store_changed_cb), self,
                                 G_CONNECT_SWAPPED);

      /* A player belongs to the database it would log into. */
      g_clear_pointer (&self->player, patella_routine_player_free);
      update_ticking (self);
      if (self->view != NULL)
        gtk_stack_set_visible_child_name (self->player_stack, "choose");
    }

  if (self->timer != timer)
    {
      disconnect_timer (self);
      if (timer != NULL)
        {
          self->timer = g_object_ref (timer);
          g_signal_connect_swapped (timer, "notify::state", G_CALLBACK (timer_changed_cb), self);
          g_signal_connect_swapped (timer, "notify::remaining", G_CALLBACK (timer_changed_cb),
                                    self);
          g_signal_connect_swapped (timer, "notify::planned", G_CALLBACK (timer_changed_cb), self);
        }
      /* Coming back to a session under way is no reason to remind or ring. */
      self->last_state = timer != NULL ? patella_timer_get_state (timer) : PATELLA_TIMER_IDLE;
    }

  reload_routines (self);
  update_ice (self);
  update_counts (self);
  update_walk_run (self);
}

GtkWidget *
patella_timers_page_new (PatellaContext *context)
{
  g_return_val_if_fail (PATELLA_IS_CONTEXT (context), NULL);

  return g_object_new (PATELLA_TYPE_TIMERS_PAGE, "context", context, NULL);
}
