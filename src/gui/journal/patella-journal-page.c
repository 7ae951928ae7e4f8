/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "patella-journal-page"

#include "config.h"

#include <glib/gi18n.h>

#include "patella-journal-page.h"

struct _PatellaJournalPage
{
  AdwBin        parent_instance;

  PatellaStore *store;
};

G_DEFINE_FINAL_TYPE (PatellaJournalPage, patella_journal_page, ADW_TYPE_BIN)

static void
patella_journal_page_dispose (GObject *object)
{
  PatellaJournalPage *self = (PatellaJournalPage *)object;

  g_clear_object (&self->store);
  gtk_widget_dispose_template (GTK_WIDGET (self), PATELLA_TYPE_JOURNAL_PAGE);

  G_OBJECT_CLASS (patella_journal_page_parent_class)->dispose (object);
}

static void
patella_journal_page_class_init (PatellaJournalPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = patella_journal_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/patella/Patella/ui/patella-journal-page.ui");
}

static void
patella_journal_page_init (PatellaJournalPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

void
patella_journal_page_set_store (PatellaJournalPage *self,
                               PatellaStore       *store)
{
  g_return_if_fail (PATELLA_IS_JOURNAL_PAGE (self));
  g_return_if_fail (store == NULL || PATELLA_IS_STORE (store));

  g_set_object (&self->store, store);
}
