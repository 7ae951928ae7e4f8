/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "patella-timers-view"

#include "config.h"

#include <glib/gi18n.h>

#include "patella-countdown-ring.h"
#include "patella-timers-view.h"

/* The Timers view's widgets, built from their template only when the view is
 * first needed: PatellaTimersPage, which the window's view stack holds from
 * start-up, creates this and gives the widgets their behaviour. Its children
 * are reached with gtk_widget_get_template_child(). */
struct _PatellaTimersView
{
  AdwBin parent_instance;
};

G_DEFINE_FINAL_TYPE (PatellaTimersView, patella_timers_view, ADW_TYPE_BIN)

static const char * const children[] = {
  "ice_today_label",
  "ice_today_level",
  "ice_ring",
  "cloth_label",
  "length_box",
  "minutes_spin",
  "start_button",
  "week_label",
  "week_level",
  "player_stack",
  "routine_dropdown",
  "routine_summary",
  "exercise_label",
  "phase_label",
  "player_ring",
  "next_label",
  "player_pause_button",
  "sound_button",
  "instructions_label",
  "pain_scale",
  "layout",
};

static void
patella_timers_view_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), PATELLA_TYPE_TIMERS_VIEW);

  G_OBJECT_CLASS (patella_timers_view_parent_class)->dispose (object);
}

static void
patella_timers_view_class_init (PatellaTimersViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = patella_timers_view_dispose;

  g_type_ensure (PATELLA_TYPE_COUNTDOWN_RING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/patella/Patella/ui/patella-timers-view.ui");
  /* Bound without a struct field: only looked up by name. */
  for (guint i = 0; i < G_N_ELEMENTS (children); i++)
    gtk_widget_class_bind_template_child_full (widget_class, children[i], FALSE, 0);
}

static void
patella_timers_view_init (PatellaTimersView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
patella_timers_view_new (void)
{
  return g_object_new (PATELLA_TYPE_TIMERS_VIEW, NULL);
}
