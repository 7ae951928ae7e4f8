/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "patella-journal-row"

#include "config.h"

#include <glib/gi18n.h>

#include "patella-advice.h"
#include "patella-journal-row.h"
#include "patella-parse.h"

/* One day in the journal's history list. */
struct _PatellaJournalRow
{
  GtkWidget  parent_instance;

  GtkWidget *box;
  GtkLabel  *pain_label;
  GtkLabel  *date_label;
  GtkLabel  *pains_label;
  GtkLabel  *note_label;
  GtkWidget *symptoms_box;
};

G_DEFINE_FINAL_TYPE (PatellaJournalRow, patella_journal_row, GTK_TYPE_WIDGET)

static const char * const zone_classes[] = { "success", "warning", "error" };

/**
 * patella_journal_format_day:
 * @day: `YYYY-MM-DD`
 * @long_form: "Saturday 14 March 2026" rather than "Sat 14 Mar 2026"
 *
 * Returns: (transfer full): the day for people, in their language
 */
char *
patella_journal_format_day (const char *day,
                            gboolean    long_form)
{
  g_autoptr(GDateTime) dt = NULL;
  GDate date;

  if (!patella_parse_date (day, &date, NULL))
    return g_strdup (day);

  dt = g_date_time_new_local (g_date_get_year (&date), g_date_get_month (&date),
                              g_date_get_day (&date), 12, 0, 0);
  if (dt == NULL)
    return g_strdup (day);

  /* Translators: a day in the journal, see strftime(3) */
  return g_date_time_format (dt, long_form ? _("%A %-d %B %Y") : _("%a %-d %b %Y"));
}

static char *
format_optional (int pain)
{
  if (pain == PATELLA_PAIN_NONE)
    return g_strdup ("–");

  return g_strdup_printf ("%d", pain);
}

static void
patella_journal_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), PATELLA_TYPE_JOURNAL_ROW);

  G_OBJECT_CLASS (patella_journal_row_parent_class)->dispose (object);
}

static void
patella_journal_row_class_init (PatellaJournalRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = patella_journal_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/patella/Patella/ui/patella-journal-row.ui");
  gtk_widget_class_bind_template_child (widget_class, PatellaJournalRow, box);
  gtk_widget_class_bind_template_child (widget_class, PatellaJournalRow, pain_label);
  gtk_widget_class_bind_template_child (widget_class, PatellaJournalRow, date_label);
  gtk_widget_class_bind_template_child (widget_class, PatellaJournalRow, pains_label);
  gtk_widget_class_bind_template_child (widget_class, PatellaJournalRow, note_label);
  gtk_widget_class_bind_template_child (widget_class, PatellaJournalRow, symptoms_box);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
patella_journal_row_init (PatellaJournalRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
patella_journal_row_new (void)
{
  return g_object_new (PATELLA_TYPE_JOURNAL_ROW, NULL);
}

/**
 * patella_journal_row_set_entry:
 * @entry: (nullable): the day to show
 */
void
patella_journal_row_set_entry (PatellaJournalRow   *self,
                               PatellaJournalEntry *entry)
{
  g_autofree char *date = NULL;
  g_autofree char *activity = NULL;
  g_autofree char *morning = NULL;
  g_autofree char *rest = NULL;
  g_autofree char *pains = NULL;
  g_autofree char *badge = NULL;
  g_autofree char *accessible = NULL;
  g_autoptr(GString) excerpt = NULL;
  const char * const *symptoms;
  GtkWidget *child;
  int max_pain;

  g_return_if_fail (PATELLA_IS_JOURNAL_ROW (self));

  while ((child = gtk_widget_get_first_child (self->symptoms_box)) != NULL)
    gtk_box_remove (GTK_BOX (self->symptoms_box), child);
  for (guint i = 0; i < G_N_ELEMENTS (zone_classes); i++)
    gtk_widget_remove_css_class (GTK_WIDGET (self->pain_label), zone_classes[i]);

  if (entry == NULL)
    return;

  date = patella_journal_format_day (patella_journal_entry_get_day (entry), FALSE);
  activity = format_optional (patella_journal_entry_get_pain_activity (entry));
  morning = format_optional (patella_journal_entry_get_pain_morning (entry));
  rest = format_optional (patella_journal_entry_get_pain_rest (entry));
  /* Translators: pain at rest, during activity and the next morning, out of 10
   * (a dash when not rated) */
  pains = g_strdup_printf (_("Rest %s · Activity %s · Morning %s"), rest, activity, morning);

  gtk_label_set_text (self->date_label, date);
  gtk_label_set_text (self->pains_label, pains);

  /* The badge: the day's worst rating. It takes the colour of a zone only
   * when that rating is the pain during activity: the zones mean nothing
   * for pain at rest or in the morning. */
  max_pain = patella_journal_entry_get_max_pain (entry);
  badge = format_optional (max_pain);
  gtk_label_set_text (self->pain_label, badge);
  if (max_pain != PATELLA_PAIN_NONE &&
      patella_journal_entry_get_pain_activity (entry) == max_pain)
    gtk_widget_add_css_class (GTK_WIDGET (self->pain_label),
                              zone_classes[patella_pain_zone (max_pain)]);

  /* The note's first line, short: the label ellipsizes the rest. */
  excerpt = g_string_new (NULL);
  for (const char *p = patella_journal_entry_get_note (entry);
       *p != '\0' && *p != '\n' && excerpt->len < 200;
       p = g_utf8_next_char (p))
    g_string_append_unichar (excerpt, g_utf8_get_char (p));
  gtk_label_set_text (self->note_label, excerpt->str);
  gtk_widget_set_visible (GTK_WIDGET (self->note_label), excerpt->len > 0);

  symptoms = patella_journal_entry_get_symptoms (entry);
  for (guint i = 0; symptoms[i] != NULL; i++)
    {
      gboolean red_flag = patella_symptom_is_red_flag (symptoms[i]);
      GtkWidget *image = gtk_image_new_from_icon_name (red_flag ? "dialog-warning-symbolic"
                                                                : "media-record-symbolic");

      gtk_widget_set_tooltip_text (image, patella_symptom_get_label (symptoms[i]));
      gtk_accessible_update_property (GTK_ACCESSIBLE (image),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      patella_symptom_get_label (symptoms[i]),
                                      -1);
      if (red_flag)
        gtk_widget_add_css_class (image, "warning");
      else
        gtk_widget_add_css_class (image, "dim-label");
      gtk_box_append (GTK_BOX (self->symptoms_box), image);
    }

  if (excerpt->len > 0)
    /* Translators: a history row read by a screen reader: day, pains, note */
    accessible = g_strdup_printf (_("%s. %s. %s"), date, pains, excerpt->str);
  else
    /* Translators: a history row without a note read by a screen reader:
     * day, pains */
    accessible = g_strdup_printf (_("%s. %s"), date, pains);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
}
