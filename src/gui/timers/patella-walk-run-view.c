/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "patella-walk-run-view"

#include "config.h"

#include <glib/gi18n.h>
#include <gsound.h>

#include "patella-accessible.h"
#include "patella-countdown-ring.h"
#include "patella-error.h"
#include "patella-metronome.h"
#include "patella-parse.h"
#include "patella-plan.h"
#include "patella-shoes.h"
#include "patella-toast.h"
#include "patella-walk-run-view.h"

/* The walk/run timer of the Timers view. The session itself is the
 * application's PatellaWalkRun (it goes on with the window closed); this
 * card shows the current interval and the next, cues each change (the
 * label and ring change at the instant, and a sound unless muted), plays
 * an optional metronome at the runner's own step rate +5 or +10 %, and at
 * the end asks the pain during, offers to log the run and to start icing.
 * It follows the context's store and the walk/run session that goes with it. */
struct _PatellaWalkRunView
{
  PatellaView           parent_instance;

  PatellaStore         *store;
  PatellaWalkRun       *walk_run;
  GSettings            *settings;
  GSoundContext        *sound;
  gboolean              sound_failed;
  int                   sound_on;       /* atomic: read by the metronome's thread */
  guint                 display_id;
  PatellaMetronome     *metronome;
  guint                 cues;

  GtkStack             *stack;
  GtkLabel             *today_label;
  GtkWidget            *start_button;
  GtkWidget            *plan_button;
  GtkLabel             *interval_label;
  GtkLabel             *progress_label;
  PatellaCountdownRing *ring;
  GtkLabel             *next_label;
  GtkButton            *pause_button;
  GtkToggleButton      *sound_button;
  GtkToggleButton      *metronome_button;
  GtkSpinButton        *cadence_spin;
  GtkDropDown          *raise_dropdown;
  GtkLabel             *metronome_label;
  GtkScale             *pain_scale;
  GtkCheckButton       *log_run_check;
  GtkEntry             *distance_entry;
  GtkCheckButton       *ice_check;
};

static void update (PatellaWalkRunView *self);

G_DEFINE_FINAL_TYPE (PatellaWalkRunView, patella_walk_run_view, PATELLA_TYPE_VIEW)

static PatellaContext *
get_context (PatellaWalkRunView *self)
{
  return patella_view_get_context (PATELLA_VIEW (self));
}

/* A sound from the desktop's sound theme, unless muted. Without a sound
 * service the bell stands in, and it is said once in the log. */
static void
ensure_sound (PatellaWalkRunView *self)
{
  g_autoptr(GError) error = NULL;

  if (self->sound != NULL || self->sound_failed)
    return;

  self->sound = gsound_context_new (NULL, &error);
  if (self->sound == NULL)
    {
      g_message ("No sound service, the bell stands in: %s", error->message);
      self->sound_failed = TRUE;
    }
}

static void
play (PatellaWalkRunView *self,
      const char         *event_id)
{
  g_autoptr(GError) error = NULL;

  if (!gtk_toggle_button_get_active (self->sound_button))
    return;

  ensure_sound (self);
  if (self->sound == NULL ||
      !gsound_context_play_simple (self->sound, NULL, &error,
                                   GSOUND_ATTR_EVENT_ID, event_id,
                                   GSOUND_ATTR_EVENT_DESCRIPTION, _("Walk/run cue"),
                                   NULL))
    gtk_widget_error_bell (GTK_WIDGET (self));
}

static char *
describe_interval (const PatellaWalkRunInterval *interval)
{
  /* Translators: the next interval, "Walk, 3 min" */
  return g_strdup_printf (_("%s, %d min"), patella_walk_run_kind_get_label (interval->kind),
                          interval->length_s / 60);
}

/* Metronome */

static int
metronome_spm (PatellaWalkRunView *self)
{
  int percent = gtk_drop_down_get_selected (self->raise_dropdown) == 1 ? 10 : 5;

  return patella_metronome_target (gtk_spin_button_get_value_as_int (self->cadence_spin), percent);
}

static gboolean
bell_cb (gpointer data)
{
  gtk_widget_error_bell (GTK_WIDGET (data));
  return G_SOURCE_REMOVE;
}

/* In the metronome's thread: GSound may be called from there; the bell
 * that stands in for it is rung from the main context. */
static void
metronome_tick_cb (guint64  n,
                   gint64   late_us,
                   gpointer data)
{
  PatellaWalkRunView *self = data;

  if (!g_atomic_int_get (&self->sound_on))
    return;

  if (self->sound != NULL)
    gsound_context_play_simple (self->sound, NULL, NULL,
                                GSOUND_ATTR_EVENT_ID, "audio-volume-change",
                                NULL);
  else
    g_idle_add_full (G_PRIORITY_HIGH, bell_cb, g_object_ref (self), g_object_unref);
}

static void
update_metronome (PatellaWalkRunView *self)
{
  gboolean want = gtk_toggle_button_get_active (self->metronome_button) &&
                  self->walk_run != NULL &&
                  patella_walk_run_get_state (self->walk_run) == PATELLA_WALK_RUN_RUNNING;
  g_autofree char *text = NULL;

  /* Translators: the metronome's rate, "168 steps a minute" */
  text = g_strdup_printf (_("%d steps a minute"), metronome_spm (self));
  gtk_label_set_label (self->metronome_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->metronome_label),
                          gtk_toggle_button_get_active (self->metronome_button));

  if (want)
    ensure_sound (self);

  if (!want)
    patella_metronome_stop (self->metronome);
  else if (!patella_metronome_is_running (self->metronome) ||
           patella_metronome_get_spm (self->metronome) != metronome_spm (self))
    patella_metronome_start (self->metronome, metronome_spm (self));
}

static void
metronome_changed_cb (PatellaWalkRunView *self)
{
  if (self->settings != NULL)
    g_settings_set_int (self->settings, "cadence",
                        gtk_spin_button_get_value_as_int (self->cadence_spin));
  update_metronome (self);
}

/* Display */

static gboolean
display_tick_cb (gpointer data)
{
  PatellaWalkRunView *self = data;

  gtk_widget_remove_css_class (GTK_WIDGET (self->interval_label), "accent");
  if (self->walk_run != NULL)
    patella_walk_run_tick (self->walk_run);
  update (self);
  return G_SOURCE_CONTINUE;
}

static void
update_today (PatellaWalkRunView *self)
{
  g_autoptr(PatellaPlan) plan = NULL;
  g_autoptr(PatellaPlanToday) today = NULL;
  g_autofree char *day = NULL;
  gboolean can_start = FALSE;

  if (self->store == NULL)
    return;

  plan = patella_plan_load (self->store, NULL);
  if (plan == NULL)
    return;

  day = patella_clock_get_today (patella_store_get_clock (self->store));
  today = patella_plan_get_today (plan, day);
  can_start = patella_plan_today_is_walk_run (today);

  if (can_start)
    gtk_label_set_label (self->today_label, today->text);
  else
    gtk_label_set_label (self->today_label,
                         _("Walk/run sessions come from the recovery plan, once it reaches "
                           "running. The journal’s Today card says what is due."));
  gtk_widget_set_visible (self->start_button, can_start);
  gtk_widget_set_visible (self->plan_button, !can_start);
}

static void
update (PatellaWalkRunView *self)
{
  PatellaWalkRunState state;
  GArray *intervals;
  const PatellaWalkRunInterval *interval;
  int index;
  int remaining;
  g_autofree char *clock = NULL;
  g_autofree char *progress = NULL;
  g_autofree char *spoken = NULL;
  gboolean ticking;

  state = self->walk_run != NULL ? patella_walk_run_get_state (self->walk_run)
                                 : PATELLA_WALK_RUN_IDLE;
  ticking = state == PATELLA_WALK_RUN_RUNNING;
  if (ticking && self->display_id == 0)
    self->display_id = g_timeout_add_seconds (1, display_tick_cb, self);
  else if (!ticking)
    g_clear_handle_id (&self->display_id, g_source_remove);

  switch (state)
    {
    case PATELLA_WALK_RUN_IDLE:
      update_today (self);
      gtk_stack_set_visible_child_name (self->stack, "idle");
      return;
    case PATELLA_WALK_RUN_FINISHED:
    case PATELLA_WALK_RUN_STOPPED:
      gtk_stack_set_visible_child_name (self->stack, "pain");
      return;
    default:
      break;
    }

  gtk_stack_set_visible_child_name (self->stack, "play");
  intervals = patella_walk_run_get_intervals (self->walk_run);
  index = patella_walk_run_get_index (self->walk_run);
  if (intervals == NULL || index >= (int) intervals->len)
    return;

  interval = &g_array_index (intervals, PatellaWalkRunInterval, index);
  remaining = patella_walk_run_get_interval_remaining (self->walk_run);
  gtk_label_set_label (self->interval_label, patella_walk_run_kind_get_label (interval->kind));

  clock = patella_countdown_ring_format_clock (remaining);
  /* Translators: time left in the interval, "2 min 5 s left" */
  spoken = g_strdup_printf (_("%d min %d s left"), remaining / 60, remaining % 60);
  patella_countdown_ring_set_value (self->ring, remaining, interval->length_s);
  patella_countdown_ring_set_text (self->ring, clock, spoken);

  if (interval->kind == PATELLA_WALK_RUN_WARM_UP)
    progress = g_strdup (_("Walk briskly to warm up"));
  else
    {
      int left_s = patella_walk_run_get_total (self->walk_run) -
                   patella_walk_run_get_elapsed (self->walk_run);
      g_autofree char *left = patella_countdown_ring_format_clock (left_s);
      int repeats = g_array_index (intervals, PatellaWalkRunInterval, intervals->len - 1).repeat;

      /* Translators: "Round 2 of 6 · 27:30 left" */
      progress = g_strdup_printf (_("Round %d of %d · %s left"), interval->repeat, repeats, left);
    }
  if (state == PATELLA_WALK_RUN_PAUSED)
    {
      g_autofree char *paused = g_strdup_printf (_("Paused · %s"), progress);

      gtk_label_set_label (self->progress_label, paused);
    }
  else
    gtk_label_set_label (self->progress_label, progress);

  if (index + 1 < (int) intervals->len)
    {
      g_autofree char *next = describe_interval (&g_array_index (intervals,
                                                                 PatellaWalkRunInterval,
                                                                 index + 1));
      /* Translators: what comes after this interval, "Next: Walk, 3 min" */
      g_autofree char *text = g_strdup_printf (_("Next: %s"), next);

      gtk_label_set_label (self->next_label, text);
    }
  else
    gtk_label_set_label (self->next_label, _("Next: done"));

  gtk_button_set_icon_name (self->pause_button, state == PATELLA_WALK_RUN_PAUSED
                                                  ? "media-playback-start-symbolic"
                                                  : "media-playback-pause-symbolic");
}

/* The new interval, or the end, said to screen readers as the bell rings. */
static void
announce_interval (PatellaWalkRunView  *self,
                   PatellaWalkRunState  state)
{
  GArray *intervals = patella_walk_run_get_intervals (self->walk_run);
  int index = patella_walk_run_get_index (self->walk_run);
  g_autofree char *text = NULL;

  if (state == PATELLA_WALK_RUN_FINISHED)
    text = g_strdup (_("Walk/run session done"));
  else if (intervals != NULL && index >= 0 && index < (int) intervals->len)
    text = describe_interval (&g_array_index (intervals, PatellaWalkRunInterval, index));

  if (text != NULL)
    patella_accessible_announce (GTK_WIDGET (self), text);
}

/* An interval changed, or the session ended: show it at once and cue it. */
static void
index_changed_cb (PatellaWalkRunView *self)
{
  PatellaWalkRunState state = patella_walk_run_get_state (self->walk_run);

  update (self);
  if (state != PATELLA_WALK_RUN_RUNNING && state != PATELLA_WALK_RUN_FINISHED)
    return;

  self->cues++;
  gtk_widget_add_css_class (GTK_WIDGET (self->interval_label), "accent");
  play (self, state == PATELLA_WALK_RUN_FINISHED ? "complete" : "bell");
  announce_interval (self, state);
}

static void
state_changed_cb (PatellaWalkRunView *self)
{
  PatellaWalkRunState state = patella_walk_run_get_state (self->walk_run);

  if (state == PATELLA_WALK_RUN_FINISHED)
    index_changed_cb (self);
  else
    update (self);
  update_metronome (self);

  if (state == PATELLA_WALK_RUN_FINISHED || state == PATELLA_WALK_RUN_STOPPED)
    gtk_range_set_value (GTK_RANGE (self->pain_scale), 0);
}

/* Actions */

static void
start_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  PatellaWalkRunView *self = PATELLA_WALK_RUN_VIEW (widget);
  g_autoptr(GError) error = NULL;

  if (!patella_walk_run_view_start_today (self, &error))
    patella_toast_show_text (GTK_WIDGET (self), error->message);
}

static void
pause_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  PatellaWalkRunView *self = PATELLA_WALK_RUN_VIEW (widget);
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (self->walk_run == NULL)
    return;

  if (patella_walk_run_get_state (self->walk_run) == PATELLA_WALK_RUN_PAUSED)
    ok = patella_walk_run_resume (self->walk_run, &error);
  else
    ok = patella_walk_run_pause (self->walk_run, &error);
  if (!ok)
    patella_toast_show_text (GTK_WIDGET (self), error->message);
  update (self);
}

static void
stop_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  PatellaWalkRunView *self = PATELLA_WALK_RUN_VIEW (widget);
  g_autoptr(GError) error = NULL;

  if (self->walk_run != NULL && !patella_walk_run_stop (self->walk_run, &error))
    patella_toast_show_text (GTK_WIDGET (self), error->message);
}

static gboolean
log_run (PatellaWalkRunView  *self,
         GError             **error)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->distance_entry));
  PatellaRun run = { 0 };
  gint64 metres = 0;

  if (!patella_parse_distance (text, patella_context_get_unit (get_context (self)), &metres, error))
    return FALSE;

  run.day = (char *) patella_walk_run_get_day (self->walk_run);
  run.distance_m = metres;
  run.duration_s = patella_walk_run_get_elapsed (self->walk_run);
  run.shoe_id = PATELLA_SHOE_DEFAULT;
  run.pain = (int) gtk_range_get_value (GTK_RANGE (self->pain_scale));
  run.note = (char *) "";
  return patella_run_add (self->store, NULL, &run, error) > 0;
}

static void
log_activated (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  PatellaWalkRunView *self = PATELLA_WALK_RUN_VIEW (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) reasons = NULL;
  int pain = (int) gtk_range_get_value (GTK_RANGE (self->pain_scale));
  gboolean with_run = gtk_check_button_get_active (self->log_run_check);
  gboolean with_ice = gtk_check_button_get_active (self->ice_check);
  guint n_events;

  if (self->walk_run == NULL)
    return;

  /* The distance first: a refused one changes nothing. */
  if (with_run)
    {
      gint64 metres;

      if (!patella_parse_distance (gtk_editable_get_text (GTK_EDITABLE (self->distance_entry)),
                                   patella_context_get_unit (get_context (self)), &metres, &error))
        {
          patella_toast_show_text (GTK_WIDGET (self), error->message);
          return;
        }
    }

  n_events = patella_plan_count_events (self->store);

  if (with_run && !log_run (self, &error))
    {
      patella_toast_show_text (GTK_WIDGET (self), error->message);
      return;
    }

  if (!patella_walk_run_finish (self->walk_run, pain, &error))
    {
      patella_toast_show_text (GTK_WIDGET (self), error->message);
      return;
    }

  /* What the plan decided at once, else that it was logged. */
  reasons = patella_plan_get_reasons_since (self->store, n_events);
  for (guint i = 0; i < reasons->len; i++)
    patella_toast_show_text (GTK_WIDGET (self), g_ptr_array_index (reasons, i));
  patella_toast_show_text (GTK_WIDGET (self), _("Session logged"));

  gtk_editable_set_text (GTK_EDITABLE (self->distance_entry), "");
  if (with_ice)
    gtk_widget_activate_action (widget, "timers.ice-start-pause", NULL);
}

static void
discard_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  PatellaWalkRunView *self = PATELLA_WALK_RUN_VIEW (widget);
  g_autoptr(GError) error = NULL;

  if (self->walk_run != NULL && !patella_walk_run_discard (self->walk_run, &error))
    patella_toast_show_text (GTK_WIDGET (self), error->message);
}

static void
sound_toggled_cb (PatellaWalkRunView *self)
{
  g_atomic_int_set (&self->sound_on, gtk_toggle_button_get_active (self->sound_button));
  gtk_button_set_icon_name (GTK_BUTTON (self->sound_button),
                            gtk_toggle_button_get_active (self->sound_button)
                              ? "audio-volume-high-symbolic" : "audio-volume-muted-symbolic");
}

static void
store_changed_cb (PatellaWalkRunView *self,
                  const char         *what)
{
  if (g_strcmp0 (what, "plan") == 0 && self->walk_run != NULL &&
      patella_walk_run_get_state (self->walk_run) == PATELLA_WALK_RUN_IDLE)
    update_today (self);
}

static void
disconnect (PatellaWalkRunView *self)
{
  if (self->walk_run != NULL)
    g_signal_handlers_disconnect_by_data (self->walk_run, self);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->walk_run);
  g_clear_object (&self->store);
}

static void
patella_walk_run_view_store_changed (PatellaView *view)
{
  PatellaWalkRunView *self = PATELLA_WALK_RUN_VIEW (view);
  PatellaContext *context = patella_view_get_context (view);
  PatellaStore *store = patella_context_get_store (context);
  PatellaWalkRun *walk_run = store != NULL ? patella_context_get_walk_run (context) : NULL;

  disconnect (self);
  if (store != NULL)
    {
      self->store = g_object_ref (store);
      g_signal_connect_swapped (store, "changed", G_CALLBACK (store_changed_cb), self);
    }
  if (walk_run != NULL)
    {
      self->walk_run = g_object_ref (walk_run);
      g_signal_connect_swapped (walk_run, "notify::index", G_CALLBACK (index_changed_cb), self);
      g_signal_connect_swapped (walk_run, "notify::state", G_CALLBACK (state_changed_cb), self);
    }

  update (self);
  update_metronome (self);
}

static void
patella_walk_run_view_dispose (GObject *object)
{
  PatellaWalkRunView *self = PATELLA_WALK_RUN_VIEW (object);

  g_clear_handle_id (&self->display_id, g_source_remove);
  g_clear_pointer (&self->metronome, patella_metronome_free);
  disconnect (self);
  g_clear_object (&self->settings);
  g_clear_object (&self->sound);
  gtk_widget_dispose_template (GTK_WIDGET (self), PATELLA_TYPE_WALK_RUN_VIEW);

  G_OBJECT_CLASS (patella_walk_run_view_parent_class)->dispose (object);
}

static void
patella_walk_run_view_constructed (GObject *object)
{
  PatellaWalkRunView *self = PATELLA_WALK_RUN_VIEW (object);

  self->settings = patella_context_get_settings (get_context (self));
  if (self->settings != NULL)
    {
      g_object_ref (self->settings);
      g_settings_bind (self->settings, "sounds-enabled", self->sound_button, "active",
                       G_SETTINGS_BIND_DEFAULT);
      gtk_spin_button_set_value (self->cadence_spin,
                                 g_settings_get_int (self->settings, "cadence"));
    }

  /* Last: the first store_changed() needs what is set up above. */
  G_OBJECT_CLASS (patella_walk_run_view_parent_class)->constructed (object);
}

static void
patella_walk_run_view_class_init (PatellaWalkRunViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  PatellaViewClass *view_class = PATELLA_VIEW_CLASS (klass);

  object_class->constructed = patella_walk_run_view_constructed;
  object_class->dispose = patella_walk_run_view_dispose;

  view_class->store_changed = patella_walk_run_view_store_changed;

  g_type_ensure (PATELLA_TYPE_COUNTDOWN_RING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/patella/Patella/ui/patella-walk-run-view.ui");
  gtk_widget_class_bind_template_child (widget_class, PatellaWalkRunView, stack);
  gtk_widget_class_bind_template_child (widget_class, PatellaWalkRunView, today_label);
  gtk_widget_class_bind_template_child (widget_class, PatellaWalkRunView, start_button);
  gtk_widget_class_bind_template_child (widget_class, PatellaWalkRunView, plan_button);
  gtk_widget_class_bind_template_child (widget_class, PatellaWalkRunView, interval_label);
  gtk_widget_class_bind_template_child (widget_class, PatellaWalkRunView, progress_label);
  gtk_widget_class_bind_template_child (widget_class, PatellaWalkRunView, ring);
  gtk_widget_class_bind_template_child (widget_class, PatellaWalkRunView, next_label);
  gtk_widget_class_bind_template_child (widget_class, PatellaWalkRunView, pause_button);
  gtk_widget_class_bind_template_child (widget_class, PatellaWalkRunView, sound_button);
  gtk_widget_class_bind_template_child (widget_class, PatellaWalkRunView, metronome_button);
  gtk_widget_class_bind_template_child (widget_class, PatellaWalkRunView, cadence_spin);
  gtk_widget_class_bind_template_child (widget_class, PatellaWalkRunView, raise_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PatellaWalkRunView, metronome_label);
  gtk_widget_class_bind_template_child (widget_class, PatellaWalkRunView, pain_scale);
  gtk_widget_class_bind_template_child (widget_class, PatellaWalkRunView, log_run_check);
  gtk_widget_class_bind_template_child (widget_class, PatellaWalkRunView, distance_entry);
  gtk_widget_class_bind_template_child (widget_class, PatellaWalkRunView, ice_check);

  gtk_widget_class_install_action (widget_class, "walk-run.start", NULL, start_activated);
  gtk_widget_class_install_action (widget_class, "walk-run.pause", NULL, pause_activated);
  gtk_widget_class_install_action (widget_class, "walk-run.stop", NULL, stop_activated);
  gtk_widget_class_install_action (widget_class, "walk-run.log", NULL, log_activated);
  gtk_widget_class_install_action (widget_class, "walk-run.discard", NULL, discard_activated);
}

static void
patella_walk_run_view_init (PatellaWalkRunView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->metronome = patella_metronome_new (metronome_tick_cb, self);
  g_atomic_int_set (&self->sound_on, TRUE);
  g_signal_connect_swapped (self->sound_button, "notify::active",
                            G_CALLBACK (sound_toggled_cb), self);
  g_signal_connect_swapped (self->metronome_button, "notify::active",
                            G_CALLBACK (update_metronome), self);
  g_signal_connect_swapped (self->cadence_spin, "value-changed",
                            G_CALLBACK (metronome_changed_cb), self);
  g_signal_connect_swapped (self->raise_dropdown, "notify::selected",
                            G_CALLBACK (update_metronome), self);
  update_metronome (self);
}

GtkWidget *
patella_walk_run_view_new (PatellaContext *context)
{
  g_return_val_if_fail (PATELLA_IS_CONTEXT (context), NULL);

  return g_object_new (PATELLA_TYPE_WALK_RUN_VIEW, "context", context, NULL);
}

/**
 * patella_walk_run_view_start_today:
 *
 * Starts the walk/run session the plan prescribes today.
 */
gboolean
patella_walk_run_view_start_today (PatellaWalkRunView  *self,
                                   GError             **error)
{
  g_autoptr(PatellaPlan) plan = NULL;
  g_autoptr(PatellaPlanToday) today = NULL;
  g_autofree char *day = NULL;

  g_return_val_if_fail (PATELLA_IS_WALK_RUN_VIEW (self), FALSE);

  if (self->store == NULL || self->walk_run == NULL)
    return patella_error_refuse (error, PATELLA_ERROR_FAILED, _("The database is not open"));

  plan = patella_plan_load (self->store, error);
  if (plan == NULL)
    return FALSE;

  day = patella_clock_get_today (patella_store_get_clock (self->store));
  today = patella_plan_get_today (plan, day);
  if (!patella_plan_today_is_walk_run (today))
    return patella_error_refuse (error, PATELLA_ERROR_INVALID,
                                 _("The plan has no walk/run session for today"));

  if (!patella_walk_run_start (self->walk_run, plan->phase, PATELLA_PLAN_WARM_UP_S,
                               today->run_s, today->walk_s, today->repeats, error))
    return FALSE;

  gtk_check_button_set_active (self->log_run_check, FALSE);
  gtk_check_button_set_active (self->ice_check, FALSE);
  update (self);
  return TRUE;
}

/* How many changes were cued, for the tests. */
guint
patella_walk_run_view_get_cues (PatellaWalkRunView *self)
{
  g_return_val_if_fail (PATELLA_IS_WALK_RUN_VIEW (self), 0);
  return self->cues;
}
