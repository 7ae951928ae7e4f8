/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "patella-timers-view"

#include "config.h"

#include <glib/gi18n.h>

#include "patella-timers-view.h"

/* The cards of the Timers page side by side on a wide window, one above the
 * other on a narrow one: icing, exercises, and walk/run, which comes first
 * while a session is under way. Built only when the page is first needed. */
struct _PatellaTimersView
{
  PatellaView         parent_instance;

  PatellaWalkRun     *walk_run;

  GtkFlowBox         *layout;
  PatellaIcingView   *icing_view;
  PatellaRoutineView *routine_view;
  PatellaWalkRunView *walk_run_view;
};

G_DEFINE_FINAL_TYPE (PatellaTimersView, patella_timers_view, PATELLA_TYPE_VIEW)

static void
add_card (PatellaTimersView *self,
          GtkWidget         *card,
          int                position)
{
  gtk_flow_box_insert (self->layout, card, position);
  gtk_widget_set_focusable (gtk_widget_get_parent (card), FALSE);
}

/* A walk/run session under way comes first; otherwise the card is last. */
static void
place_walk_run (PatellaTimersView *self)
{
  GtkWidget *card = GTK_WIDGET (self->walk_run_view);
  GtkWidget *child = gtk_widget_get_parent (card);
  gboolean first = self->walk_run != NULL &&
                   patella_walk_run_get_state (self->walk_run) != PATELLA_WALK_RUN_IDLE;

  if (first ? gtk_flow_box_child_get_index (GTK_FLOW_BOX_CHILD (child)) == 0
            : gtk_widget_get_next_sibling (child) == NULL)
    return;

  /* The card leaves its flow box child before the child goes: a widget
   * has one parent at a time. */
  g_object_ref (card);
  gtk_flow_box_child_set_child (GTK_FLOW_BOX_CHILD (child), NULL);
  gtk_flow_box_remove (self->layout, child);
  add_card (self, card, first ? 0 : -1);
  g_object_unref (card);
}

static void
patella_timers_view_store_changed (PatellaView *view)
{
  PatellaTimersView *self = PATELLA_TIMERS_VIEW (view);
  PatellaContext *context = patella_view_get_context (view);
  PatellaStore *store = patella_context_get_store (context);
  PatellaWalkRun *walk_run = store != NULL ? patella_context_get_walk_run (context) : NULL;

  if (self->walk_run != walk_run)
    {
      if (self->walk_run != NULL)
        g_signal_handlers_disconnect_by_data (self->walk_run, self);
      g_set_object (&self->walk_run, walk_run);
      if (walk_run != NULL)
        g_signal_connect_object (walk_run, "notify::state", G_CALLBACK (place_walk_run), self,
                                 G_CONNECT_SWAPPED);
    }

  place_walk_run (self);
}

static void
patella_timers_view_dispose (GObject *object)
{
  PatellaTimersView *self = PATELLA_TIMERS_VIEW (object);

  if (self->walk_run != NULL)
    g_signal_handlers_disconnect_by_data (self->walk_run, self);
  g_clear_object (&self->walk_run);

  gtk_widget_dispose_template (GTK_WIDGET (self), PATELLA_TYPE_TIMERS_VIEW);

  G_OBJECT_CLASS (patella_timers_view_parent_class)->dispose (object);
}

static void
patella_timers_view_constructed (GObject *object)
{
  PatellaTimersView *self = PATELLA_TIMERS_VIEW (object);
  PatellaContext *context = patella_view_get_context (PATELLA_VIEW (self));

  self->icing_view = PATELLA_ICING_VIEW (patella_icing_view_new (context));
  self->routine_view = PATELLA_ROUTINE_VIEW (patella_routine_view_new (context));
  self->walk_run_view = PATELLA_WALK_RUN_VIEW (patella_walk_run_view_new (context));
  add_card (self, GTK_WIDGET (self->icing_view), -1);
  add_card (self, GTK_WIDGET (self->routine_view), -1);
  add_card (self, GTK_WIDGET (self->walk_run_view), -1);

  /* Last: the first store_changed() needs what is set up above. */
  G_OBJECT_CLASS (patella_timers_view_parent_class)->constructed (object);
}

static void
patella_timers_view_class_init (PatellaTimersViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  PatellaViewClass *view_class = PATELLA_VIEW_CLASS (klass);

  object_class->constructed = patella_timers_view_constructed;
  object_class->dispose = patella_timers_view_dispose;

  view_class->store_changed = patella_timers_view_store_changed;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/patella/Patella/ui/patella-timers-view.ui");
  gtk_widget_class_bind_template_child (widget_class, PatellaTimersView, layout);
}

static void
patella_timers_view_init (PatellaTimersView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
patella_timers_view_new (PatellaContext *context)
{
  g_return_val_if_fail (PATELLA_IS_CONTEXT (context), NULL);

  return g_object_new (PATELLA_TYPE_TIMERS_VIEW, "context", context, NULL);
}

PatellaIcingView *
patella_timers_view_get_icing (PatellaTimersView *self)
{
  g_return_val_if_fail (PATELLA_IS_TIMERS_VIEW (self), NULL);

  return self->icing_view;
}

PatellaRoutineView *
patella_timers_view_get_routine (PatellaTimersView *self)
{
  g_return_val_if_fail (PATELLA_IS_TIMERS_VIEW (self), NULL);

  return self->routine_view;
}

PatellaWalkRunView *
patella_timers_view_get_walk_run (PatellaTimersView *self)
{
  g_return_val_if_fail (PATELLA_IS_TIMERS_VIEW (self), NULL);

  return self->walk_run_view;
}
