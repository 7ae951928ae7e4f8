/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "patella-journal-advice.h"
#include "patella-journal-editor.h"
#include "patella-journal-page.h"
#include "patella-test-gui.h"

/* What a user sees of the journal page, found by what it reads: the
 * ratings' scales by their titles ("Pain at rest"), their switches by what
 * a screen reader says ("Rate pain at rest"), the notes by "Notes". These
 * find the few parts that have no name of their own. */

/* The word beside a rating's title (@title, as "Pain at rest") that says
 * what the rating means ("Not rated", "Safe", or nothing). */
static inline GtkLabel *
journal_meaning (PatellaJournalPage *page,
                 const char         *title)
{
  GtkWidget *label = get_by_label (GTK_WIDGET (page), GTK_TYPE_LABEL, title);
  GtkWidget *meaning = gtk_widget_get_next_sibling (gtk_widget_get_parent (label));

  g_assert_true (GTK_IS_LABEL (meaning));
  return GTK_LABEL (meaning);
}

static inline gboolean
is_under_day_title (GtkWidget     *widget,
                    gconstpointer  data)
{
  GtkWidget *above = gtk_widget_get_prev_sibling (widget);

  return GTK_IS_LABEL (widget) && above != NULL && GTK_IS_LABEL (above) &&
         gtk_widget_has_css_class (above, "title-2");
}

/* The line under the day's title that says whether the entry is saved. */
static inline GtkLabel *
journal_save_state (PatellaJournalPage *page)
{
  GtkWidget *label = find_widget (GTK_WIDGET (page), is_under_day_title, NULL);

  g_assert_nonnull (label);
  return GTK_LABEL (label);
}

/* The banner of same-day advice, under its heading "Today: get urgent
 * medical care". */
static inline GtkWidget *
journal_urgent_banner (PatellaJournalPage *page)
{
  GtkWidget *banner = find_by_role (GTK_WIDGET (page), GTK_ACCESSIBLE_ROLE_HEADING,
                                    "Today: get urgent medical care");

  g_assert_nonnull (banner);
  while (!PATELLA_IS_JOURNAL_ADVICE (gtk_widget_get_parent (banner)))
    banner = gtk_widget_get_parent (banner);
  return banner;
}

/* The card that says the day was changed elsewhere. */
static inline GtkWidget *
journal_conflict (PatellaJournalPage *page)
{
  return get_by_label (GTK_WIDGET (page), GTK_TYPE_BOX, "Changed Elsewhere");
}
