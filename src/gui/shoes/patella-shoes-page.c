/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "patella-shoes-page"

#include "config.h"

#include <glib/gi18n.h>

#include "patella-shoes-page.h"

struct _PatellaShoesPage
{
  AdwBin        parent_instance;

  PatellaStore *store;
};

G_DEFINE_FINAL_TYPE (PatellaShoesPage, patella_shoes_page, ADW_TYPE_BIN)

static void
patella_shoes_page_dispose (GObject *object)
{
  PatellaShoesPage *self = (PatellaShoesPage *)object;

  g_clear_object (&self->store);
  gtk_widget_dispose_template (GTK_WIDGET (self), PATELLA_TYPE_SHOES_PAGE);

  G_OBJECT_CLASS (patella_shoes_page_parent_class)->dispose (object);
}

static void
patella_shoes_page_class_init (PatellaShoesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = patella_shoes_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/patella/Patella/ui/patella-shoes-page.ui");
}

static void
patella_shoes_page_init (PatellaShoesPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

void
patella_shoes_page_set_store (PatellaShoesPage *self,
                               PatellaStore       *store)
{
  g_return_if_fail (PATELLA_IS_SHOES_PAGE (self));
  g_return_if_fail (store == NULL || PATELLA_IS_STORE (store));

  g_set_object (&self->store, store);
}
