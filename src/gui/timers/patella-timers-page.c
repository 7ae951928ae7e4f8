/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "patella-timers-page"

#include "config.h"

#include <glib/gi18n.h>

#include "patella-timers-page.h"

struct _PatellaTimersPage
{
  AdwBin        parent_instance;

  PatellaStore *store;
};

G_DEFINE_FINAL_TYPE (PatellaTimersPage, patella_timers_page, ADW_TYPE_BIN)

static void
patella_timers_page_dispose (GObject *object)
{
  PatellaTimersPage *self = (PatellaTimersPage *)object;

  g_clear_object (&self->store);
  gtk_widget_dispose_template (GTK_WIDGET (self), PATELLA_TYPE_TIMERS_PAGE);

  G_OBJECT_CLASS (patella_timers_page_parent_class)->dispose (object);
}

static void
patella_timers_page_class_init (PatellaTimersPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = patella_timers_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/patella/Patella/ui/patella-timers-page.ui");
}

static void
patella_timers_page_init (PatellaTimersPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

void
patella_timers_page_set_store (PatellaTimersPage *self,
                               PatellaStore       *store)
{
  g_return_if_fail (PATELLA_IS_TIMERS_PAGE (self));
  g_return_if_fail (store == NULL || PATELLA_IS_STORE (store));

  g_set_object (&self->store, store);
}
