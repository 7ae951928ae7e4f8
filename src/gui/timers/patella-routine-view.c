/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "patella-routine-view"

#include "config.h"

#include <glib/gi18n.h>

#include "patella-accessible.h"
#include "patella-advice.h"
#include "patella-countdown-ring.h"
#include "patella-parse.h"
#include "patella-plan.h"
#include "patella-routine-editor.h"
#include "patella-routine-player.h"
#include "patella-routine-view.h"
#include "patella-timers-card.h"
#include "patella-toast.h"

/* The Exercises card of the Timers view: this week's sessions, the routines
 * to choose from, and the player that walks through one set by set. The
 * player ticks once a second while it plays, and not at all otherwise; at
 * the end it asks the pain felt and logs the session. */
struct _PatellaRoutineView
{
  PatellaView           parent_instance;

  PatellaStore         *store;
  GPtrArray            *routines;
  PatellaRoutinePlayer *player;
  guint                 player_tick_id;
  gboolean              plan_session;   /* the player plays today's plan session */
  char                 *announced_phase;  /* as last said to screen readers */

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
};

static void update_player (PatellaRoutineView *self);

G_DEFINE_FINAL_TYPE (PatellaRoutineView, patella_routine_view, PATELLA_TYPE_VIEW)

static PatellaContext *
get_context (PatellaRoutineView *self)
{
  return patella_view_get_context (PATELLA_VIEW (self));
}

static gint64
now_us (PatellaRoutineView *self)
{
  return patella_clock_get_now (patella_context_get_clock (get_context (self)));
}

static void
update_week (PatellaRoutineView *self)
{
  g_autofree char *text = NULL;
  guint goal = patella_context_get_exercise_goal (get_context (self));
  guint week;

  if (self->store == NULL)
    return;

  week = patella_exercise_count_week (self->store);
  /* Translators: "This week: 1 of 3 sessions (at least 2)" */
  text = g_strdup_printf (_("This week: %u of %u sessions (at least 2)"), week, goal);
  gtk_label_set_text (self->week_label, text);
  gtk_level_bar_set_max_value (self->week_level, goal);
  gtk_level_bar_set_value (self->week_level, MIN (week, goal));
}

static void
show_choice (PatellaRoutineView *self)
{
  gtk_stack_set_visible_child_name (self->player_stack, "choose");
}

static const PatellaRoutine *
selected_routine (PatellaRoutineView *self)
{
  guint position;

  if (self->routines == NULL)
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
update_summary (PatellaRoutineView *self)
{
  const PatellaRoutine *routine = selected_routine (self);
  g_autoptr(GString) text = NULL;

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
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "routine.start", routine != NULL);
}

static void
reload_routines (PatellaRoutineView *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GError) error = NULL;

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
cue (PatellaRoutineView *self)
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
      PatellaNotifier *notifier = patella_context_get_notifier (get_context (self));
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
  PatellaRoutineView *self = data;
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
update_ticking (PatellaRoutineView *self)
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

/* A routine's phase said to screen readers when it changes, not at every
 * second of it. */
static void
announce_phase (PatellaRoutineView *self,
                const char         *text)
{
  if (g_strcmp0 (self->announced_phase, text) == 0)
    return;

  g_free (self->announced_phase);
  self->announced_phase = g_strdup (text);
  patella_accessible_announce (GTK_WIDGET (self), text);
}

static void
update_player (PatellaRoutineView *self)
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
      announce_phase (self, _("Routine done"));
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
      ring_text = patella_countdown_ring_format_clock (remaining);
      spoken = g_strdup_printf (_("Get ready, %d seconds"), remaining);
      break;

    case PATELLA_PLAYER_REST:
      phase_text = g_strdup (_("Rest"));
      gtk_widget_add_css_class (GTK_WIDGET (self->player_ring), "rest");
      gtk_widget_add_css_class (GTK_WIDGET (self->phase_label), "success");
      ring_text = patella_countdown_ring_format_clock (remaining);
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
          ring_text = patella_countdown_ring_format_clock (remaining);
          spoken = g_strdup_printf (_("Hold, %d seconds left"), remaining);
        }
      break;
    }

  {
    /* Translators: the exercise, then its phase: "Wall sit: Rest" */
    g_autofree char *spoken_phase = g_strdup_printf (_("%s: %s"), _(step->exercise->name),
                                                     phase_text);

    announce_phase (self, spoken_phase);
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

/* Plays @routine from its first set; @for_plan logs it as today's plan
 * session too. */
static void
play (PatellaRoutineView   *self,
      const PatellaRoutine *routine,
      gboolean              for_plan)
{
  g_clear_pointer (&self->player, patella_routine_player_free);
  g_clear_pointer (&self->announced_phase, g_free);
  self->player = patella_routine_player_new (routine);
  self->plan_session = for_plan;
  patella_routine_player_start (self->player, now_us (self));
  gtk_range_set_value (GTK_RANGE (self->pain_scale), 0);
  gtk_stack_set_visible_child_name (self->player_stack, "play");
  update_player (self);
  cue (self);
}

static void
start_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  PatellaRoutineView *self = PATELLA_ROUTINE_VIEW (widget);
  const PatellaRoutine *routine = selected_routine (self);

  if (routine != NULL && self->store != NULL)
    play (self, routine, FALSE);
}

/* Logs today's plan session and tells what the plan decided at once. */
static void
log_plan_session (PatellaRoutineView *self,
                  int                 pain)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) reasons = NULL;
  guint n_events = patella_plan_count_events (self->store);

  if (!patella_plan_log (self->store, NULL, pain, PATELLA_PAIN_NONE, NULL, &error))
    {
      patella_toast_show_text (GTK_WIDGET (self), error->message);
      return;
    }

  reasons = patella_plan_get_reasons_since (self->store, n_events);
  for (guint i = 0; i < reasons->len; i++)
    patella_toast_show_text (GTK_WIDGET (self), g_ptr_array_index (reasons, i));
}

static void
pause_activated (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  PatellaRoutineView *self = PATELLA_ROUTINE_VIEW (widget);

  if (self->player == NULL)
    return;

  if (patella_routine_player_is_paused (self->player))
    patella_routine_player_resume (self->player, now_us (self));
  else
    patella_routine_player_pause (self->player, now_us (self));
  update_player (self);
}

static void
skip_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  PatellaRoutineView *self = PATELLA_ROUTINE_VIEW (widget);

  if (self->player == NULL)
    return;

  patella_routine_player_skip (self->player, now_us (self));
  update_player (self);
  cue (self);
}

static void
back_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  PatellaRoutineView *self = PATELLA_ROUTINE_VIEW (widget);

  if (self->player == NULL)
    return;

  patella_routine_player_back (self->player, now_us (self));
  update_player (self);
  cue (self);
}

static void
end_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  PatellaRoutineView *self = PATELLA_ROUTINE_VIEW (widget);

  if (self->player == NULL)
    return;

  if (!patella_routine_player_is_paused (self->player))
    patella_routine_player_pause (self->player, now_us (self));
  update_ticking (self);
  gtk_stack_set_visible_child_name (self->player_stack, "pain");
}

static void
log_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  PatellaRoutineView *self = PATELLA_ROUTINE_VIEW (widget);
  g_autoptr(GError) error = NULL;
  int pain = (int) gtk_range_get_value (GTK_RANGE (self->pain_scale));
  gboolean counts;

  if (self->player == NULL || self->store == NULL)
    return;

  counts = patella_routine_player_counts (self->player, now_us (self));
  if (!patella_routine_player_finish (self->player, self->store, pain, now_us (self), &error))
    {
      patella_toast_show_text (GTK_WIDGET (self), error->message);
      return;
    }

  g_clear_pointer (&self->player, patella_routine_player_free);
  update_ticking (self);
  show_choice (self);
  if (!counts)
    patella_toast_show_text (GTK_WIDGET (self),
                             _("Logged as a partial session: less than half of the routine "
                               "does not count toward the week"));
  else
    patella_toast_show_text (GTK_WIDGET (self),
                             patella_pain_zone (pain) == PATELLA_PAIN_ZONE_TOO_MUCH ?
                             _("Session logged. Pain above 5 is too much: ease off next time") :
                             _("Session logged"));

  if (self->plan_session)
    log_plan_session (self, pain);
  self->plan_session = FALSE;
}

static void
discard_activated (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  PatellaRoutineView *self = PATELLA_ROUTINE_VIEW (widget);

  g_clear_pointer (&self->player, patella_routine_player_free);
  update_ticking (self);
  show_choice (self);
}

static void
open_editor (PatellaRoutineView   *self,
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
new_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  open_editor (PATELLA_ROUTINE_VIEW (widget), NULL);
}

static void
edit_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  PatellaRoutineView *self = PATELLA_ROUTINE_VIEW (widget);
  const PatellaRoutine *routine;

  routine = selected_routine (self);
  if (routine != NULL)
    open_editor (self, routine);
}

static void
routine_selected_cb (PatellaRoutineView *self)
{
  update_summary (self);
}

static void
sound_toggled_cb (PatellaRoutineView *self)
{
  gtk_button_set_icon_name (GTK_BUTTON (self->sound_button),
                            gtk_toggle_button_get_active (self->sound_button) ?
                            "audio-volume-high-symbolic" : "audio-volume-muted-symbolic");
}

static void
store_changed_cb (PatellaRoutineView *self,
                  const char         *what)
{
  if (g_strcmp0 (what, "routines") == 0)
    reload_routines (self);
  else
    update_week (self);
}

static void
patella_routine_view_store_changed (PatellaView *view)
{
  PatellaRoutineView *self = PATELLA_ROUTINE_VIEW (view);

  if (patella_timers_card_set_store (self, &self->store,
                                     patella_context_get_store (get_context (self)),
                                     G_CALLBACK (store_changed_cb)))
    {
      /* A player belongs to the database it would log into. */
      g_clear_pointer (&self->player, patella_routine_player_free);
      update_ticking (self);
      show_choice (self);
    }

  reload_routines (self);
  update_week (self);
}

static void
patella_routine_view_dispose (GObject *object)
{
  PatellaRoutineView *self = PATELLA_ROUTINE_VIEW (object);

  g_clear_handle_id (&self->player_tick_id, g_source_remove);
  g_clear_pointer (&self->announced_phase, g_free);
  g_clear_pointer (&self->player, patella_routine_player_free);
  patella_timers_card_set_store (self, &self->store, NULL, NULL);
  g_clear_pointer (&self->routines, g_ptr_array_unref);

  gtk_widget_dispose_template (GTK_WIDGET (self), PATELLA_TYPE_ROUTINE_VIEW);

  G_OBJECT_CLASS (patella_routine_view_parent_class)->dispose (object);
}

static void
patella_routine_view_constructed (GObject *object)
{
  PatellaRoutineView *self = PATELLA_ROUTINE_VIEW (object);
  GSettings *settings = patella_context_get_settings (get_context (self));

  gtk_toggle_button_set_active (self->sound_button, TRUE);
  if (settings != NULL)
    g_settings_bind (settings, "sounds-enabled", self->sound_button, "active",
                     G_SETTINGS_BIND_DEFAULT);

  /* Last: the first store_changed() needs what is set up above. */
  G_OBJECT_CLASS (patella_routine_view_parent_class)->constructed (object);
}

static void
patella_routine_view_class_init (PatellaRoutineViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  PatellaViewClass *view_class = PATELLA_VIEW_CLASS (klass);

  object_class->constructed = patella_routine_view_constructed;
  object_class->dispose = patella_routine_view_dispose;

  view_class->store_changed = patella_routine_view_store_changed;

  g_type_ensure (PATELLA_TYPE_COUNTDOWN_RING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/patella/Patella/ui/patella-routine-view.ui");
  gtk_widget_class_bind_template_child (widget_class, PatellaRoutineView, week_label);
  gtk_widget_class_bind_template_child (widget_class, PatellaRoutineView, week_level);
  gtk_widget_class_bind_template_child (widget_class, PatellaRoutineView, player_stack);
  gtk_widget_class_bind_template_child (widget_class, PatellaRoutineView, routine_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PatellaRoutineView, routine_summary);
  gtk_widget_class_bind_template_child (widget_class, PatellaRoutineView, exercise_label);
  gtk_widget_class_bind_template_child (widget_class, PatellaRoutineView, phase_label);
  gtk_widget_class_bind_template_child (widget_class, PatellaRoutineView, player_ring);
  gtk_widget_class_bind_template_child (widget_class, PatellaRoutineView, next_label);
  gtk_widget_class_bind_template_child (widget_class, PatellaRoutineView, player_pause_button);
  gtk_widget_class_bind_template_child (widget_class, PatellaRoutineView, sound_button);
  gtk_widget_class_bind_template_child (widget_class, PatellaRoutineView, instructions_label);
  gtk_widget_class_bind_template_child (widget_class, PatellaRoutineView, pain_scale);
  gtk_widget_class_bind_template_callback (widget_class, routine_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, sound_toggled_cb);

  gtk_widget_class_install_action (widget_class, "routine.start", NULL, start_activated);
  gtk_widget_class_install_action (widget_class, "routine.pause", NULL, pause_activated);
  gtk_widget_class_install_action (widget_class, "routine.skip", NULL, skip_activated);
  gtk_widget_class_install_action (widget_class, "routine.back", NULL, back_activated);
  gtk_widget_class_install_action (widget_class, "routine.end", NULL, end_activated);
  gtk_widget_class_install_action (widget_class, "routine.log", NULL, log_activated);
  gtk_widget_class_install_action (widget_class, "routine.discard", NULL, discard_activated);
  gtk_widget_class_install_action (widget_class, "routine.new", NULL, new_activated);
  gtk_widget_class_install_action (widget_class, "routine.edit", NULL, edit_activated);
}

static void
patella_routine_view_init (PatellaRoutineView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
patella_routine_view_new (PatellaContext *context)
{
  g_return_val_if_fail (PATELLA_IS_CONTEXT (context), NULL);

  return g_object_new (PATELLA_TYPE_ROUTINE_VIEW, "context", context, NULL);
}

/* Whether the player is on screen with a routine under way (Space and
 * Ctrl+. then act on it rather than on icing). */
gboolean
patella_routine_view_is_playing (PatellaRoutineView *self)
{
  g_return_val_if_fail (PATELLA_IS_ROUTINE_VIEW (self), FALSE);

  return self->player != NULL &&
         g_strcmp0 (gtk_stack_get_visible_child_name (self->player_stack), "play") == 0;
}

/**
 * patella_routine_view_play_plan:
 * @routine: what to play, the plan's routine at its exercise level
 * @for_plan: whether logging it logs today's plan session too
 *
 * Plays @routine from its first set.
 */
void
patella_routine_view_play_plan (PatellaRoutineView   *self,
                                const PatellaRoutine *routine,
                                gboolean              for_plan)
{
  g_return_if_fail (PATELLA_IS_ROUTINE_VIEW (self));
  g_return_if_fail (routine != NULL);

  if (self->store != NULL)
    play (self, routine, for_plan);
}
