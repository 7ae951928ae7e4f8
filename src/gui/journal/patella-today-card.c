/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "patella-today-card"

#include "config.h"

#include <glib/gi18n.h>

#include "patella-load.h"
#include "patella-plan.h"
#include "patella-today-card.h"

/* What the recovery plan prescribes today, one button to start it, and the
 * latest decision with its reason. The journal page builds it after its
 * first frame; it redraws when the store changes. The buttons ask the
 * window (win.plan, win.plan-session) to open the plan or start the
 * session in the Timers view. */
struct _PatellaTodayCard
{
  AdwBin                parent_instance;

  PatellaStore         *store;
  PatellaPlanTodayKind  kind;

  GtkLabel             *title_label;
  GtkLabel             *prescription_label;
  GtkLabel             *load_label;
  GtkLabel             *decision_label;
  GtkButton            *start_button;
};

G_DEFINE_FINAL_TYPE (PatellaTodayCard, patella_today_card, ADW_TYPE_BIN)

static void
store_changed_cb (PatellaTodayCard *self,
                  const char       *what)
{
  patella_today_card_refresh (self);
}

static void
start_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  PatellaTodayCard *self = PATELLA_TODAY_CARD (widget);

  switch (self->kind)
    {
    case PATELLA_PLAN_TODAY_SESSION:
    case PATELLA_PLAN_TODAY_REST:
      gtk_widget_activate_action (widget, "win.plan-session", NULL);
      break;
    default:
      gtk_widget_activate_action (widget, "win.plan", NULL);
      break;
    }
}

static void
open_plan_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  gtk_widget_activate_action (widget, "win.plan", NULL);
}

static void
disconnect_store (PatellaTodayCard *self)
{
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_func (self->store, store_changed_cb, self);
  g_clear_object (&self->store);
}

static void
patella_today_card_dispose (GObject *object)
{
  PatellaTodayCard *self = PATELLA_TODAY_CARD (object);

  disconnect_store (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), PATELLA_TYPE_TODAY_CARD);

  G_OBJECT_CLASS (patella_today_card_parent_class)->dispose (object);
}

static void
patella_today_card_class_init (PatellaTodayCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = patella_today_card_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/patella/Patella/ui/patella-today-card.ui");
  gtk_widget_class_bind_template_child (widget_class, PatellaTodayCard, title_label);
  gtk_widget_class_bind_template_child (widget_class, PatellaTodayCard, prescription_label);
  gtk_widget_class_bind_template_child (widget_class, PatellaTodayCard, load_label);
  gtk_widget_class_bind_template_child (widget_class, PatellaTodayCard, decision_label);
  gtk_widget_class_bind_template_child (widget_class, PatellaTodayCard, start_button);

  gtk_widget_class_install_action (widget_class, "today.start", NULL, start_activated);
  gtk_widget_class_install_action (widget_class, "today.open-plan", NULL, open_plan_activated);
}

static void
patella_today_card_init (PatellaTodayCard *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
patella_today_card_new (PatellaStore *store)
{
  PatellaTodayCard *self = g_object_new (PATELLA_TYPE_TODAY_CARD, NULL);

  patella_today_card_set_store (self, store);
  return GTK_WIDGET (self);
}

void
patella_today_card_set_store (PatellaTodayCard *self,
                              PatellaStore     *store)
{
  g_return_if_fail (PATELLA_IS_TODAY_CARD (self));
  g_return_if_fail (store == NULL || PATELLA_IS_STORE (store));

  if (store == self->store)
    return;

  disconnect_store (self);
  if (store != NULL)
    {
      self->store = g_object_ref (store);
      g_signal_connect_swapped (store, "changed", G_CALLBACK (store_changed_cb), self);
    }

  patella_today_card_refresh (self);
}

/**
 * patella_today_card_refresh:
 *
 * Takes the plan's due decisions and shows today's prescription.
 */
void
patella_today_card_refresh (PatellaTodayCard *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PatellaPlan) plan = NULL;
  g_autoptr(PatellaPlanToday) today = NULL;
  g_autofree char *day = NULL;
  g_autofree char *title = NULL;
  const PatellaPlanEvent *decision;
  const char *button = NULL;

  g_return_if_fail (PATELLA_IS_TODAY_CARD (self));

  if (self->store == NULL)
    return;

  /* A decision this makes emits "changed", which comes back here: the
   * second round finds nothing due. */
  if (!patella_plan_update (self->store, &error))
    {
      g_message ("Could not update the plan: %s", error->message);
      g_clear_error (&error);
    }

  plan = patella_plan_load (self->store, &error);
  if (plan == NULL)
    {
      g_message ("Could not read the plan: %s", error->message);
      gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
      return;
    }

  day = patella_clock_get_today (patella_store_get_clock (self->store));
  today = patella_plan_get_today (plan, day);
  self->kind = today->kind;

  if (plan->state == PATELLA_PLAN_STATE_NONE)
    title = g_strdup (_("Today"));
  else
    /* Translators: the Today card's title: "Today · Phase 3 of 9: Walk/Run 1" */
    title = g_strdup_printf (_("Today · Phase %d of %d: %s"), plan->phase, PATELLA_PLAN_N_PHASES,
                             patella_plan_phase_get_name (patella_plan_get_phase (plan->phase)));
  gtk_label_set_label (self->title_label, title);
  gtk_label_set_label (self->prescription_label, today->text);

  /* The load checks hold whatever the phase says. */
  {
    g_autoptr(GPtrArray) warnings = NULL;
    g_autoptr(GString) text = g_string_new (NULL);

    if (today->kind == PATELLA_PLAN_TODAY_SESSION)
      warnings = patella_plan_get_load_warnings (self->store, plan, patella_unit_get_preferred (),
                                                 NULL);
    for (guint i = 0; warnings != NULL && i < warnings->len; i++)
      {
        const PatellaLoadWarning *warning = g_ptr_array_index (warnings, i);

        g_string_append_printf (text, "%s%s", i > 0 ? "\n" : "", warning->message);
      }
    gtk_label_set_label (self->load_label, text->str);
    gtk_widget_set_visible (GTK_WIDGET (self->load_label), text->len > 0);
  }

  decision = plan->state != PATELLA_PLAN_STATE_NONE ? patella_plan_get_last_decision (plan) : NULL;
  if (decision != NULL && today->kind != PATELLA_PLAN_TODAY_PAUSED)
    {
      g_autofree char *reason = patella_plan_event_get_reason (decision);

      gtk_label_set_label (self->decision_label, reason);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->decision_label),
                          decision != NULL && today->kind != PATELLA_PLAN_TODAY_PAUSED);

  switch (today->kind)
    {
    case PATELLA_PLAN_TODAY_NONE:
      button = _("_Start a Plan…");
      break;
    case PATELLA_PLAN_TODAY_SESSION:
      button = _("_Start Today’s Session");
      break;
    case PATELLA_PLAN_TODAY_REST:
      button = _("_Start the Strength Routine");
      break;
    case PATELLA_PLAN_TODAY_PAUSED:
    case PATELLA_PLAN_TODAY_STOPPED:
      button = _("_Open the Plan…");
      break;
    case PATELLA_PLAN_TODAY_DONE:
    default:
      break;
    }
  if (button != NULL)
    gtk_button_set_label (self->start_button, button);
  gtk_widget_set_visible (GTK_WIDGET (self->start_button), button != NULL);
}
