/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "patella-plan-window"

#include "config.h"

#include <glib/gi18n.h>

#include "patella-accessible.h"
#include "patella-guidance.h"
#include "patella-parse.h"
#include "patella-plan.h"
#include "patella-plan-window.h"

/* The recovery plan: where you are, what it decided and why, the phase
 * ladder and the history. Starting asks at which phase (after a stopped
 * plan, where it stopped) and with which pain rule. */
struct _PatellaPlanWindow
{
  AdwPreferencesWindow  parent_instance;

  PatellaStore         *store;
  GPtrArray            *rows;      /* ladder and history rows, removed on refresh */

  AdwPreferencesPage   *page;
  AdwPreferencesGroup  *status_group;
  AdwActionRow         *decision_row;
  AdwActionRow         *after_row;
  GtkSpinButton        *after_spin;
  AdwActionRow         *exercise_row;
  AdwActionRow         *phase_row;
  AdwActionRow         *rule_row;
  GtkSpinButton        *phase_spin;
  GtkDropDown          *rule_dropdown;
  GtkWidget            *start_button;
  GtkWidget            *pause_button;
  GtkWidget            *resume_button;
  GtkWidget            *stop_button;
  AdwPreferencesGroup  *ladder_group;
  AdwPreferencesGroup  *history_group;
  GtkLabel             *disclaimer_label;
};

G_DEFINE_FINAL_TYPE (PatellaPlanWindow, patella_plan_window, ADW_TYPE_PREFERENCES_WINDOW)

static void
show_error (PatellaPlanWindow *self,
            const GError      *error)
{
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (error->message));
}

static void
add_row (PatellaPlanWindow   *self,
         AdwPreferencesGroup *group,
         const char          *title,
         const char          *subtitle,
         const char          *icon_name,
         const char          *name)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  if (icon_name != NULL)
    adw_action_row_set_icon_name (ADW_ACTION_ROW (row), icon_name);
  if (name != NULL)
    gtk_widget_set_name (row, name);

  adw_preferences_group_add (group, row);
  g_ptr_array_add (self->rows, row);
}

static void
clear_rows (PatellaPlanWindow *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->rows, i);
      GtkWidget *group = gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP);

      if (group != NULL)
        adw_preferences_group_remove (ADW_PREFERENCES_GROUP (group), row);
    }
  g_ptr_array_set_size (self->rows, 0);
}

static void
fill_ladder (PatellaPlanWindow *self,
             const PatellaPlan *plan)
{
  gboolean exists = plan->state != PATELLA_PLAN_STATE_NONE;

  for (int i = 1; i <= PATELLA_PLAN_N_PHASES; i++)
    {
      const PatellaPlanPhase *phase = patella_plan_get_phase (i);
      g_autofree char *title = NULL;
      g_autofree char *what = patella_plan_phase_describe (phase);
      g_autofree char *name = g_strdup_printf ("phase-%d", i);
      gboolean current = exists && i == plan->phase;
      const char *icon = NULL;

      /* Translators: a rung of the plan's ladder, "3. Walk/Run 1" */
      title = g_strdup_printf (_("%d. %s"), i, patella_plan_phase_get_name (phase));
      if (current)
        icon = "go-next-symbolic";
      else if (exists && i < plan->phase)
        icon = "object-select-symbolic";
      add_row (self, self->ladder_group, title, what, icon, name);
      if (current)
        gtk_widget_add_css_class (g_ptr_array_index (self->rows, self->rows->len - 1),
                                  "patella-plan-current");
    }
}

static void
fill_history (PatellaPlanWindow *self,
              const PatellaPlan *plan)
{
  guint shown = 0;

  /* Newest first. */
  for (guint i = plan->events->len; i > 0; i--)
    {
      const PatellaPlanEvent *event = g_ptr_array_index (plan->events, i - 1);
      g_autofree char *reason = patella_plan_event_get_reason (event);

      add_row (self, self->history_group, reason, event->day,
               event->kind == PATELLA_PLAN_EVENT_SESSION ? "media-playback-start-symbolic" : NULL,
               NULL);
      shown++;
    }

  if (shown == 0)
    add_row (self, self->history_group, _("Nothing yet"),
             _("Sessions and decisions appear here, each with its reason."), NULL, NULL);
}

/* A refresh hides the button that was pressed (Start, Pause, Resume, Stop,
 * the rating's Save) and rebuilds the ladder and the history. The focus
 * stayed on the hidden button, where no one saw it and Enter still worked
 * it, or was dropped with its row: it goes to the row in the same place, or
 * to the button that took the pressed one's place. */
static void
keep_focus (PatellaPlanWindow *self,
            GtkWidget         *had_focus,
            int                row_index)
{
  GtkWidget *buttons[] = { self->start_button, self->pause_button,
                           self->resume_button, self->stop_button };

  if (had_focus == NULL ||
      (gtk_widget_is_ancestor (had_focus, GTK_WIDGET (self)) && gtk_widget_is_visible (had_focus)))
    return;

  if (row_index >= 0 && (guint) row_index < self->rows->len &&
      gtk_widget_grab_focus (g_ptr_array_index (self->rows, row_index)))
    return;

  for (guint i = 0; i < G_N_ELEMENTS (buttons); i++)
    if (gtk_widget_get_visible (buttons[i]) && gtk_widget_grab_focus (buttons[i]))
      return;
}

/**
 * patella_plan_window_refresh:
 *
 * Takes the decisions that are due and shows the plan.
 */
void
patella_plan_window_refresh (PatellaPlanWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PatellaPlan) plan = NULL;
  g_autoptr(PatellaPlanToday) today = NULL;
  g_autofree char *day = NULL;
  g_autofree char *title = NULL;
  g_autofree char *level = NULL;
  const PatellaPlanEvent *decision;
  gboolean open;
  g_autoptr(GtkWidget) had_focus = NULL;
  int focus_row = -1;

  g_return_if_fail (PATELLA_IS_PLAN_WINDOW (self));

  if (gtk_window_get_focus (GTK_WINDOW (self)) != NULL)
    had_focus = g_object_ref (gtk_window_get_focus (GTK_WINDOW (self)));
  for (guint i = 0; had_focus != NULL && i < self->rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->rows, i);

      if (had_focus == row || gtk_widget_is_ancestor (had_focus, row))
        focus_row = i;
    }

  clear_rows (self);
  if (self->store == NULL)
    return;

  if (!patella_plan_update (self->store, &error))
    {
      show_error (self, error);
      g_clear_error (&error);
    }

  plan = patella_plan_load (self->store, &error);
  if (plan == NULL)
    {
      show_error (self, error);
      return;
    }

  day = patella_clock_get_today (patella_store_get_clock (self->store));
  today = patella_plan_get_today (plan, day);
  open = plan->state == PATELLA_PLAN_STATE_ACTIVE || plan->state == PATELLA_PLAN_STATE_PAUSED;

  if (plan->state == PATELLA_PLAN_STATE_NONE)
    title = g_strdup (_("Back to Running, Step by Step"));
  else
    /* Translators: "Phase 3 of 9: Walk/Run 1" */
    title = g_strdup_printf (_("Phase %d of %d: %s"), plan->phase, PATELLA_PLAN_N_PHASES,
                             patella_plan_phase_get_name (patella_plan_get_phase (plan->phase)));
  adw_preferences_group_set_title (self->status_group, title);
  adw_preferences_group_set_description (self->status_group, today->text);

  decision = patella_plan_get_last_decision (plan);
  gtk_widget_set_visible (GTK_WIDGET (self->decision_row), decision != NULL);
  if (decision != NULL)
    {
      g_autofree char *reason = patella_plan_event_get_reason (decision);
      g_autofree char *subtitle = g_strdup_printf ("%s\n%s", decision->day, reason);

      adw_action_row_set_subtitle (self->decision_row, subtitle);
    }

  /* The rating an hour after, while the last session waits for its decision. */
  {
    const PatellaPlanEvent *pending = patella_plan_get_pending (plan);

    gtk_widget_set_visible (GTK_WIDGET (self->after_row),
                            plan->state == PATELLA_PLAN_STATE_ACTIVE && pending != NULL &&
                            pending->pain_after == PATELLA_PAIN_NONE);
  }

  level = patella_plan_describe_level (plan->ex_level);
  adw_action_row_set_subtitle (self->exercise_row, level);
  gtk_widget_set_visible (GTK_WIDGET (self->exercise_row), open);

  /* Starting again asks where: where the last plan stopped, by default. */
  gtk_widget_set_visible (GTK_WIDGET (self->phase_row), !open);
  gtk_widget_set_visible (GTK_WIDGET (self->rule_row), !open);
  if (!open)
    {
      gtk_spin_button_set_value (self->phase_spin,
                                 plan->state == PATELLA_PLAN_STATE_STOPPED ? plan->phase : 1);
      gtk_drop_down_set_selected (self->rule_dropdown,
                                  plan->state == PATELLA_PLAN_STATE_STOPPED ? plan->rule : 0);
    }

  gtk_widget_set_visible (self->start_button, !open);
  gtk_widget_set_visible (self->pause_button, plan->state == PATELLA_PLAN_STATE_ACTIVE);
  gtk_widget_set_visible (self->resume_button, plan->state == PATELLA_PLAN_STATE_PAUSED);
  gtk_widget_set_visible (self->stop_button, open);

  fill_ladder (self, plan);
  fill_history (self, plan);
  keep_focus (self, had_focus, focus_row);
}

static void
store_changed_cb (PatellaPlanWindow *self,
                  const char        *what)
{
  patella_plan_window_refresh (self);
}

static void
start_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  PatellaPlanWindow *self = PATELLA_PLAN_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  int phase = gtk_spin_button_get_value_as_int (self->phase_spin);
  PatellaPlanRule rule = gtk_drop_down_get_selected (self->rule_dropdown) == 1
                           ? PATELLA_PLAN_RULE_STANDARD : PATELLA_PLAN_RULE_STRICT;

  if (!patella_plan_start (self->store, phase, rule, &error))
    show_error (self, error);
}

static void
rate_after_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  PatellaPlanWindow *self = PATELLA_PLAN_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (!patella_plan_rate_after (self->store, gtk_spin_button_get_value_as_int (self->after_spin),
                                &error))
    show_error (self, error);
}

static void
pause_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  PatellaPlanWindow *self = PATELLA_PLAN_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (!patella_plan_pause (self->store, &error))
    show_error (self, error);
}

static void
resume_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  PatellaPlanWindow *self = PATELLA_PLAN_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (!patella_plan_resume (self->store, &error))
    show_error (self, error);
}

static void
stop_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  PatellaPlanWindow *self = PATELLA_PLAN_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (!patella_plan_stop (self->store, &error))
    show_error (self, error);
}

static void
patella_plan_window_dispose (GObject *object)
{
  PatellaPlanWindow *self = PATELLA_PLAN_WINDOW (object);

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_func (self->store, store_changed_cb, self);
  g_clear_object (&self->store);
  gtk_widget_dispose_template (GTK_WIDGET (self), PATELLA_TYPE_PLAN_WINDOW);

  G_OBJECT_CLASS (patella_plan_window_parent_class)->dispose (object);
}

static void
patella_plan_window_finalize (GObject *object)
{
  PatellaPlanWindow *self = PATELLA_PLAN_WINDOW (object);

  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (patella_plan_window_parent_class)->finalize (object);
}

static void
patella_plan_window_class_init (PatellaPlanWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = patella_plan_window_dispose;
  object_class->finalize = patella_plan_window_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/patella/Patella/ui/patella-plan-window.ui");
  gtk_widget_class_bind_template_child (widget_class, PatellaPlanWindow, page);
  gtk_widget_class_bind_template_child (widget_class, PatellaPlanWindow, status_group);
  gtk_widget_class_bind_template_child (widget_class, PatellaPlanWindow, decision_row);
  gtk_widget_class_bind_template_child (widget_class, PatellaPlanWindow, after_row);
  gtk_widget_class_bind_template_child (widget_class, PatellaPlanWindow, after_spin);
  gtk_widget_class_bind_template_child (widget_class, PatellaPlanWindow, exercise_row);
  gtk_widget_class_bind_template_child (widget_class, PatellaPlanWindow, phase_row);
  gtk_widget_class_bind_template_child (widget_class, PatellaPlanWindow, rule_row);
  gtk_widget_class_bind_template_child (widget_class, PatellaPlanWindow, phase_spin);
  gtk_widget_class_bind_template_child (widget_class, PatellaPlanWindow, rule_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PatellaPlanWindow, start_button);
  gtk_widget_class_bind_template_child (widget_class, PatellaPlanWindow, pause_button);
  gtk_widget_class_bind_template_child (widget_class, PatellaPlanWindow, resume_button);
  gtk_widget_class_bind_template_child (widget_class, PatellaPlanWindow, stop_button);
  gtk_widget_class_bind_template_child (widget_class, PatellaPlanWindow, ladder_group);
  gtk_widget_class_bind_template_child (widget_class, PatellaPlanWindow, history_group);
  gtk_widget_class_bind_template_child (widget_class, PatellaPlanWindow, disclaimer_label);

  gtk_widget_class_install_action (widget_class, "plan.start", NULL, start_activated);
  gtk_widget_class_install_action (widget_class, "plan.pause", NULL, pause_activated);
  gtk_widget_class_install_action (widget_class, "plan.rate-after", NULL, rate_after_activated);
  gtk_widget_class_install_action (widget_class, "plan.resume", NULL, resume_activated);
  gtk_widget_class_install_action (widget_class, "plan.stop", NULL, stop_activated);
}

static void
patella_plan_window_init (PatellaPlanWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->rows = g_ptr_array_new ();
  gtk_label_set_text (self->disclaimer_label, patella_guidance_get_disclaimer ());

  /* The ladder and the history (one row a session) are read, not acted
   * on: one Tab stop each, the arrows move along their rows. */
  patella_accessible_group_one_tab_stop (GTK_WIDGET (self->ladder_group));
  patella_accessible_group_one_tab_stop (GTK_WIDGET (self->history_group));
}

PatellaPlanWindow *
patella_plan_window_new (GtkWindow    *parent,
                         PatellaStore *store)
{
  PatellaPlanWindow *self;

  g_return_val_if_fail (PATELLA_IS_STORE (store), NULL);

  self = g_object_new (PATELLA_TYPE_PLAN_WINDOW,
                       "transient-for", parent,
                       NULL);
  self->store = g_object_ref (store);
  g_signal_connect_swapped (store, "changed", G_CALLBACK (store_changed_cb), self);
  patella_plan_window_refresh (self);

  return self;
}
