/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "patella-journal-advice.h"
#include "patella-journal-editor.h"
#include "patella-journal-form.h"
#include "patella-journal-history.h"
#include "patella-journal-page.h"
#include "patella-journal-trend.h"
#include "patella-test-gui.h"

/* The widget with the id @name in the template of one of the journal page's
 * views (editor, its form, advice and trend, history): what a user sees and
 * touches, found as the views' templates name it. */
static inline gpointer
journal_child (PatellaJournalPage *page,
               const char         *name)
{
  const GType types[] = {
    PATELLA_TYPE_JOURNAL_EDITOR,
    PATELLA_TYPE_JOURNAL_FORM,
    PATELLA_TYPE_JOURNAL_ADVICE,
    PATELLA_TYPE_JOURNAL_TREND,
    PATELLA_TYPE_JOURNAL_HISTORY,
  };

  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    {
      GtkWidget *view = find_by_type (GTK_WIDGET (page), types[i]);
      gpointer child = view != NULL ? gtk_widget_get_template_child (view, types[i], name) : NULL;

      if (child != NULL)
        return child;
    }

  g_error ("No “%s” in the journal page’s views", name);
  return NULL;
}
