/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "patella-journal-advice"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "patella-advice.h"
#include "patella-journal-advice.h"
#include "patella-wrap-bin.h"

/* The advice for the day the journal's editor shows: same-day advice in a
 * banner in the error colour, the rest in a group below it. The widget is
 * hidden while there is none. Advice that comes or goes while the user edits
 * a field below it does not move that field (see keep_anchor_in_place_cb()). */
struct _PatellaJournalAdvice
{
  GtkWidget            parent_instance;

  GPtrArray           *rows;
  GtkScrolledWindow   *scroller;       /* the editor's, around the box the advice is in */
  GtkWidget           *anchor;         /* what the user edits, kept in place */
  double               anchor_y;       /* its place in the scroller */
  guint                anchor_source;
  int                  column_margin;  /* the box's bottom margin, as built */

  GtkBox              *urgent_banner;
  AdwPreferencesGroup *advice_group;
};

G_DEFINE_FINAL_TYPE (PatellaJournalAdvice, patella_journal_advice, GTK_TYPE_WIDGET)

static void
clear (PatellaJournalAdvice *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      GtkWidget *widget = g_ptr_array_index (self->rows, i);

      if (gtk_widget_get_parent (widget) == GTK_WIDGET (self->urgent_banner))
        gtk_box_remove (self->urgent_banner, widget);
      else
        adw_preferences_group_remove (self->advice_group, widget);
    }
  g_ptr_array_set_size (self->rows, 0);
  gtk_widget_set_visible (GTK_WIDGET (self->advice_group), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->urgent_banner), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

/* Laid out like AdwActionRow's content, built from plain widgets: an action
 * row's title sits in a horizontal box and would be laid out a dozen times
 * over before each frame (see patella-wrap-bin.c). Same-day advice goes in
 * the banner, whose heading carries the icon and the word "Today". */
static GtkWidget *
create_advice_box (const PatellaAdviceRule *rule,
                   gboolean                 in_banner)
{
  g_autofree char *why = NULL;
  g_autofree char *source = NULL;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *text = gtk_label_new (patella_advice_rule_get_text (rule));
  GtkWidget *button = gtk_menu_button_new ();
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *label = gtk_label_new (NULL);

  if (!in_banner)
    {
      GtkWidget *icon = gtk_image_new_from_icon_name (rule->kind == PATELLA_ADVICE_SEE_CLINICIAN ?
                                                      "dialog-warning-symbolic" :
                                                      "dialog-information-symbolic");

      gtk_widget_add_css_class (box, "patella-advice");
      gtk_accessible_update_property (GTK_ACCESSIBLE (icon),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      rule->kind == PATELLA_ADVICE_SEE_CLINICIAN ? _("Warning") : _("Recommendation"),
                                      -1);
      gtk_box_append (GTK_BOX (box), icon);
    }

  gtk_label_set_wrap (GTK_LABEL (text), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (text), PANGO_WRAP_WORD);
  gtk_label_set_xalign (GTK_LABEL (text), 0);
  gtk_widget_set_hexpand (text, TRUE);
  gtk_box_append (GTK_BOX (box), patella_wrap_bin_new (text));

  /* Translators: how strong the evidence is ("study"), then where the rule comes from */
  source = g_strdup_printf (_("Evidence: %s. Source: %s"),
                            patella_evidence_get_label (rule->evidence),
                            patella_advice_rule_get_source (rule));
  why = g_markup_printf_escaped ("%s\n\n%s", patella_advice_rule_get_why (rule), source);
  gtk_label_set_markup (GTK_LABEL (label), why);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_widget_set_margin_top (label, 6);
  gtk_widget_set_margin_bottom (label, 6);
  gtk_widget_set_margin_start (label, 6);
  gtk_widget_set_margin_end (label, 6);
  gtk_popover_set_child (GTK_POPOVER (popover), label);

  gtk_menu_button_set_label (GTK_MENU_BUTTON (button), _("Why?"));
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), popover);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, _("Why this advice, and its source"));
  gtk_widget_add_css_class (button, "flat");
  gtk_box_append (GTK_BOX (box), button);

  return box;
}

static GtkWidget *
create_advice_row (const PatellaAdviceRule *rule)
{
  GtkWidget *row = adw_preferences_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), patella_advice_rule_get_text (rule));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_add_css_class (row, rule->kind == PATELLA_ADVICE_SEE_CLINICIAN ? "patella-advice-clinician"
                                                                            : "patella-advice-ease");
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), create_advice_box (rule, FALSE));

  return row;
}

/* Whether the focus is on a field of the editor below the advice: what the
 * user is editing, which must not move. */
static gboolean
editing_below (PatellaJournalAdvice *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  return focus != NULL && self->scroller != NULL &&
         gtk_widget_is_ancestor (focus, GTK_WIDGET (self->scroller)) &&
         !gtk_widget_is_ancestor (focus, GTK_WIDGET (self));
}

/* Once the editor is laid out with the advice it grew by, scrolls by as
 * much, so that what is under the pointer stays there. Where the editor is
 * too short to scroll that far, room below the end of the box the advice is
 * in makes it long enough. The scrolling waits for the layout to end:
 * GtkViewport does not move its child for a value set while it lays it out. */
static gboolean
anchor_y (PatellaJournalAdvice *self,
          double               *y)
{
  graphene_point_t point;

  if (self->anchor == NULL || self->scroller == NULL ||
      !gtk_widget_compute_point (self->anchor, GTK_WIDGET (self->scroller),
                                 &GRAPHENE_POINT_INIT (0, 0), &point))
    return FALSE;

  *y = point.y;
  return TRUE;
}

static gboolean
keep_anchor_in_place_cb (gpointer user_data)
{
  PatellaJournalAdvice *self = user_data;
  GtkWidget *column = gtk_widget_get_parent (GTK_WIDGET (self));
  GtkAdjustment *adjustment;
  double room;
  double target;
  double y;

  self->anchor_source = 0;
  if (!anchor_y (self, &y))
    return G_SOURCE_REMOVE;

  adjustment = gtk_scrolled_window_get_vadjustment (self->scroller);
  room = gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment);
  target = gtk_adjustment_get_value (adjustment) + y - self->anchor_y;
  if (target > room)
    {
      /* Scrolled once the longer editor is laid out. */
      gtk_widget_set_margin_bottom (column, gtk_widget_get_margin_bottom (column) +
                                            (int) ceil (target - room));
      return G_SOURCE_REMOVE;
    }

  g_clear_weak_pointer (&self->anchor);
  gtk_adjustment_set_value (adjustment, MAX (0, target));
  return G_SOURCE_REMOVE;
}

static void
scroller_adjustment_changed_cb (PatellaJournalAdvice *self)
{
  if (self->anchor != NULL && self->anchor_source == 0)
    self->anchor_source = g_idle_add_full (G_PRIORITY_HIGH_IDLE, keep_anchor_in_place_cb,
                                           self, NULL);
}

static void
patella_journal_advice_root (GtkWidget *widget)
{
  PatellaJournalAdvice *self = PATELLA_JOURNAL_ADVICE (widget);
  GtkWidget *scroller;

  GTK_WIDGET_CLASS (patella_journal_advice_parent_class)->root (widget);

  scroller = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  if (self->scroller != NULL || scroller == NULL)
    return;

  self->scroller = GTK_SCROLLED_WINDOW (scroller);
  self->column_margin = gtk_widget_get_margin_bottom (gtk_widget_get_parent (widget));
  g_signal_connect_object (gtk_scrolled_window_get_vadjustment (self->scroller), "changed",
                           G_CALLBACK (scroller_adjustment_changed_cb), self, G_CONNECT_SWAPPED);
}

static void
patella_journal_advice_dispose (GObject *object)
{
  PatellaJournalAdvice *self = PATELLA_JOURNAL_ADVICE (object);

  g_clear_handle_id (&self->anchor_source, g_source_remove);
  g_clear_weak_pointer (&self->anchor);
  gtk_widget_dispose_template (GTK_WIDGET (self), PATELLA_TYPE_JOURNAL_ADVICE);
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self));
       child != NULL;
       child = gtk_widget_get_first_child (GTK_WIDGET (self)))
    gtk_widget_unparent (child);
  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (patella_journal_advice_parent_class)->dispose (object);
}

static void
patella_journal_advice_class_init (PatellaJournalAdviceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = patella_journal_advice_dispose;
  widget_class->root = patella_journal_advice_root;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/patella/Patella/ui/patella-journal-advice.ui");
  gtk_widget_class_bind_template_child (widget_class, PatellaJournalAdvice, urgent_banner);
  gtk_widget_class_bind_template_child (widget_class, PatellaJournalAdvice, advice_group);
}

static void
patella_journal_advice_init (PatellaJournalAdvice *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->rows = g_ptr_array_new ();
}

/**
 * patella_journal_advice_show:
 * @store: (nullable): the journal's store
 * @day: (nullable): the day the advice is for
 * @keep_place: whether the field the user edits below stays where it is
 *   (the same day's advice, changed), or the editor starts afresh (another day)
 *
 * Shows the advice for @day, or none without a store or a day.
 */
void
patella_journal_advice_show (PatellaJournalAdvice *self,
                             PatellaStore         *store,
                             const char           *day,
                             gboolean              keep_place)
{
  g_autoptr(GPtrArray) advice = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (PATELLA_IS_JOURNAL_ADVICE (self));
  g_return_if_fail (store == NULL || PATELLA_IS_STORE (store));

  if (!keep_place)
    {
      g_clear_weak_pointer (&self->anchor);
      if (self->scroller != NULL)
        gtk_widget_set_margin_bottom (gtk_widget_get_parent (GTK_WIDGET (self)),
                                      self->column_margin);
    }
  else if (self->anchor == NULL && editing_below (self))
    {
      g_set_weak_pointer (&self->anchor,
                          gtk_root_get_focus (gtk_widget_get_root (GTK_WIDGET (self))));
      if (!anchor_y (self, &self->anchor_y))
        g_clear_weak_pointer (&self->anchor);
    }

  clear (self);
  if (store == NULL || day == NULL)
    return;

  advice = patella_advice_for_day (store, day, &error);
  if (advice == NULL)
    {
      g_message ("Could not work out the advice: %s", error->message);
      return;
    }

  /* Same-day advice first (the core sorts it so), in the banner. */
  for (guint i = 0; i < advice->len; i++)
    {
      const PatellaAdviceRule *rule = g_ptr_array_index (advice, i);
      GtkWidget *widget;

      if (rule->urgency == PATELLA_URGENCY_SAME_DAY)
        {
          widget = create_advice_box (rule, TRUE);
          gtk_box_append (self->urgent_banner, widget);
          gtk_widget_set_visible (GTK_WIDGET (self->urgent_banner), TRUE);
        }
      else
        {
          widget = create_advice_row (rule);
          adw_preferences_group_add (self->advice_group, widget);
          gtk_widget_set_visible (GTK_WIDGET (self->advice_group), TRUE);
        }
      g_ptr_array_add (self->rows, widget);
    }
  gtk_widget_set_visible (GTK_WIDGET (self), self->rows->len > 0);
}
