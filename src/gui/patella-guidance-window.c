/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "patella-guidance"

#include "config.h"

#include <glib/gi18n.h>

#include "patella-accessible.h"
#include "patella-guidance-window.h"
#include "patella-guidance.h"

/* Every number the app uses, with where it comes from; searchable. */
struct _PatellaGuidanceWindow
{
  AdwPreferencesWindow  parent_instance;

  AdwPreferencesPage   *page;
  GtkLabel             *disclaimer_label;
  GtkLabel             *reviewed_label;
};

G_DEFINE_FINAL_TYPE (PatellaGuidanceWindow, patella_guidance_window, ADW_TYPE_PREFERENCES_WINDOW)

static GtkWidget *
create_row (const PatellaGuidanceItem *item)
{
  /* Translators: how strong the evidence is ("study"), then where it comes from */
  g_autofree char *source = g_strdup_printf (_("Evidence: %s. Source: %s"),
                                             patella_evidence_get_label (item->evidence),
                                             _(item->source));
  g_autofree char *subtitle = g_strdup_printf ("%s\n%s", _(item->text), source);
  AdwActionRow *row = ADW_ACTION_ROW (adw_action_row_new ());

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(item->title));
  adw_action_row_set_subtitle (row, subtitle);
  adw_action_row_set_title_lines (row, 0);
  adw_action_row_set_subtitle_lines (row, 0);
  gtk_widget_set_name (GTK_WIDGET (row), item->id);

  return GTK_WIDGET (row);
}

static void
set_reviewed (PatellaGuidanceWindow *self)
{
  g_autofree char *text = NULL;
  char day[64] = "";
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_parse (&date, patella_guidance_get_last_reviewed ());
  /* Translators: strftime format of the day the guidance was last checked */
  if (!g_date_valid (&date) || g_date_strftime (day, sizeof day, _("%-d %B %Y"), &date) == 0)
    g_strlcpy (day, patella_guidance_get_last_reviewed (), sizeof day);

  /* Translators: "Evidence words: guideline …; last reviewed 3 December 2026" */
  text = g_strdup_printf (_("Evidence words: “%s” — a clinical guideline or consensus recommends "
                            "it; “%s” — one study found it; “%s” — patient guides give it, with "
                            "little or no evidence. Last reviewed against the sources: %s."),
                          patella_evidence_get_label (PATELLA_EVIDENCE_GUIDELINE),
                          patella_evidence_get_label (PATELLA_EVIDENCE_STUDY),
                          patella_evidence_get_label (PATELLA_EVIDENCE_COMMON_ADVICE), day);
  gtk_label_set_text (self->reviewed_label, text);
}

static void
patella_guidance_window_class_init (PatellaGuidanceWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/patella/Patella/ui/patella-guidance-window.ui");
  gtk_widget_class_bind_template_child (widget_class, PatellaGuidanceWindow, page);
  gtk_widget_class_bind_template_child (widget_class, PatellaGuidanceWindow, disclaimer_label);
  gtk_widget_class_bind_template_child (widget_class, PatellaGuidanceWindow, reviewed_label);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK,
                                       "window.close", NULL);
}

static void
patella_guidance_window_init (PatellaGuidanceWindow *self)
{
  const PatellaGuidanceSection *sections;
  guint n_sections;

  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_label_set_text (self->disclaimer_label, patella_guidance_get_disclaimer ());
  set_reviewed (self);

  sections = patella_guidance_get_sections (&n_sections);
  for (guint i = 0; i < n_sections; i++)
    {
      AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());

      adw_preferences_group_set_title (group, _(sections[i].title));
      for (guint j = 0; j < sections[i].n_items; j++)
        adw_preferences_group_add (group, create_row (&sections[i].items[j]));

      adw_preferences_page_add (self->page, group);
      /* Rows to read: one Tab stop a section, the arrows move along it. */
      patella_accessible_group_one_tab_stop (GTK_WIDGET (group));
    }
}

PatellaGuidanceWindow *
patella_guidance_window_new (GtkWindow *parent)
{
  return g_object_new (PATELLA_TYPE_GUIDANCE_WINDOW,
                       "transient-for", parent,
                       NULL);
}
