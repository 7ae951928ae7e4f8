/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "patella-routine-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "patella-routine-editor.h"

/* Creates or edits one of the user's routines. What is typed is checked by
 * core when saving; a refused routine stays open with the reason shown. */
struct _PatellaRoutineEditor
{
  AdwWindow     parent_instance;

  PatellaStore *store;
  gint64        routine_id;

  GtkLabel     *error_label;
  AdwEntryRow  *name_row;
  GtkListBox   *steps_list;
  GtkDropDown  *exercise_dropdown;
  GtkWidget    *delete_button;
};

G_DEFINE_FINAL_TYPE (PatellaRoutineEditor, patella_routine_editor, ADW_TYPE_WINDOW)

typedef struct
{
  const PatellaExercise *exercise;
  GtkSpinButton         *sets;
  GtkSpinButton         *reps;
  GtkSpinButton         *hold;
  GtkSpinButton         *rest;
  GtkSwitch             *per_side;
} StepWidgets;

static GtkSpinButton *
add_spin_row (AdwExpanderRow *expander,
              const char     *title,
              int             upper,
              int             value)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *spin = gtk_spin_button_new_with_range (0, upper, 1);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), value);
  gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (spin), TRUE);
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), spin);
  adw_expander_row_add_row (expander, row);

  return GTK_SPIN_BUTTON (spin);
}

static void
remove_clicked_cb (GtkButton *button,
                   GtkWidget *expander)
{
  GtkWidget *list = gtk_widget_get_parent (expander);

  gtk_list_box_remove (GTK_LIST_BOX (list), expander);
}

static void
add_step (PatellaRoutineEditor     *self,
          const PatellaRoutineStep *step)
{
  GtkWidget *expander = adw_expander_row_new ();
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  GtkWidget *side_row = adw_action_row_new ();
  StepWidgets *w = g_new0 (StepWidgets, 1);
  g_autofree char *remove_label = NULL;

  w->exercise = step->exercise;
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), _(step->exercise->name));
  w->sets = add_spin_row (ADW_EXPANDER_ROW (expander), _("Sets"), 99, step->sets);
  w->reps = add_spin_row (ADW_EXPANDER_ROW (expander), _("Reps (0 for a timed hold)"), 999,
                          step->reps);
  w->hold = add_spin_row (ADW_EXPANDER_ROW (expander), _("Hold (seconds)"), 3600, step->hold_s);
  w->rest = add_spin_row (ADW_EXPANDER_ROW (expander), _("Rest between sets (seconds)"), 3600,
                          step->rest_s);

  w->per_side = GTK_SWITCH (gtk_switch_new ());
  gtk_switch_set_active (w->per_side, step->per_side);
  gtk_widget_set_valign (GTK_WIDGET (w->per_side), GTK_ALIGN_CENTER);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (side_row), _("Each side"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (w->per_side), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Each side"), -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (side_row), GTK_WIDGET (w->per_side));
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (side_row), GTK_WIDGET (w->per_side));
  adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), side_row);

  remove_label = g_strdup_printf (_("Remove %s"), _(step->exercise->name));
  gtk_widget_set_tooltip_text (remove, remove_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  remove_label, -1);
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  g_signal_connect (remove, "clicked", G_CALLBACK (remove_clicked_cb), expander);
  adw_expander_row_add_action (ADW_EXPANDER_ROW (expander), remove);

  g_object_set_data_full (G_OBJECT (expander), "step", w, g_free);
  gtk_list_box_append (self->steps_list, expander);
}

static PatellaRoutine *
collect (PatellaRoutineEditor *self)
{
  PatellaRoutine *routine = patella_routine_new (gtk_editable_get_text (GTK_EDITABLE (self->name_row)));

  routine->id = self->routine_id;
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->steps_list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      StepWidgets *w = g_object_get_data (G_OBJECT (row), "step");

      if (w == NULL)
        continue;

      patella_routine_add_step (routine, w->exercise,
                                gtk_spin_button_get_value_as_int (w->sets),
                                gtk_spin_button_get_value_as_int (w->reps),
                                gtk_spin_button_get_value_as_int (w->hold),
                                gtk_spin_button_get_value_as_int (w->rest),
                                gtk_switch_get_active (w->per_side));
    }

  return routine;
}

static void
show_error (PatellaRoutineEditor *self,
            const GError         *error)
{
  gtk_label_set_text (self->error_label, error->message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
}

static void
save_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  PatellaRoutineEditor *self = PATELLA_ROUTINE_EDITOR (widget);
  g_autoptr(GError) error = NULL;

  if (!patella_routine_editor_save (self, &error))
    {
      show_error (self, error);
      return;
    }

  gtk_window_close (GTK_WINDOW (self));
}

static void
add_activated (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  PatellaRoutineEditor *self = PATELLA_ROUTINE_EDITOR (widget);
  const PatellaExercise *catalog;
  guint n = 0;
  guint selected = gtk_drop_down_get_selected (self->exercise_dropdown);

  catalog = patella_exercises_get_catalog (&n);
  if (selected < n)
    patella_routine_editor_add_exercise (self, catalog[selected].id);
}

static void
delete_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  PatellaRoutineEditor *self = PATELLA_ROUTINE_EDITOR (widget);
  g_autoptr(GError) error = NULL;

  if (self->routine_id == 0)
    return;

  if (!patella_routine_delete (self->store, self->routine_id, &error))
    {
      show_error (self, error);
      return;
    }

  gtk_window_close (GTK_WINDOW (self));
}

static void
patella_routine_editor_dispose (GObject *object)
{
  PatellaRoutineEditor *self = (PatellaRoutineEditor *)object;

  g_clear_object (&self->store);
  gtk_widget_dispose_template (GTK_WIDGET (self), PATELLA_TYPE_ROUTINE_EDITOR);

  G_OBJECT_CLASS (patella_routine_editor_parent_class)->dispose (object);
}

static void
patella_routine_editor_class_init (PatellaRoutineEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = patella_routine_editor_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/patella/Patella/ui/patella-routine-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, PatellaRoutineEditor, error_label);
  gtk_widget_class_bind_template_child (widget_class, PatellaRoutineEditor, name_row);
  gtk_widget_class_bind_template_child (widget_class, PatellaRoutineEditor, steps_list);
  gtk_widget_class_bind_template_child (widget_class, PatellaRoutineEditor, exercise_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PatellaRoutineEditor, delete_button);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_activated);
  gtk_widget_class_install_action (widget_class, "editor.add", NULL, add_activated);
  gtk_widget_class_install_action (widget_class, "editor.delete", NULL, delete_activated);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "editor.save",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK,
                                       "window.close", NULL);
}

static void
patella_routine_editor_init (PatellaRoutineEditor *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  const PatellaExercise *catalog;
  guint n = 0;

  gtk_widget_init_template (GTK_WIDGET (self));

  catalog = patella_exercises_get_catalog (&n);
  for (guint i = 0; i < n; i++)
    gtk_string_list_append (names, _(catalog[i].name));
  gtk_drop_down_set_model (self->exercise_dropdown, G_LIST_MODEL (names));
}

/**
 * patella_routine_editor_new:
 * @routine: (nullable): the routine to edit; a built-in one is copied into a
 *   new routine; %NULL starts an empty one
 */
PatellaRoutineEditor *
patella_routine_editor_new (GtkWindow            *parent,
                            PatellaStore         *store,
                            const PatellaRoutine *routine)
{
  PatellaRoutineEditor *self;

  g_return_val_if_fail (PATELLA_IS_STORE (store), NULL);

  self = g_object_new (PATELLA_TYPE_ROUTINE_EDITOR,
                       "transient-for", parent,
                       NULL);
  self->store = g_object_ref (store);

  if (routine == NULL)
    {
      gtk_window_set_title (GTK_WINDOW (self), _("New Routine"));
      return self;
    }

  if (routine->key != NULL)
    {
      /* Translators: the name of a copy of a built-in routine */
      g_autofree char *name = g_strdup_printf (_("My %s"), routine->name);

      gtk_window_set_title (GTK_WINDOW (self), _("New Routine"));
      gtk_editable_set_text (GTK_EDITABLE (self->name_row), name);
    }
  else
    {
      self->routine_id = routine->id;
      gtk_window_set_title (GTK_WINDOW (self), _("Edit Routine"));
      gtk_editable_set_text (GTK_EDITABLE (self->name_row), routine->name);
      gtk_widget_set_visible (self->delete_button, TRUE);
    }

  for (guint i = 0; i < routine->steps->len; i++)
    add_step (self, &g_array_index (routine->steps, PatellaRoutineStep, i));

  return self;
}

void
patella_routine_editor_add_exercise (PatellaRoutineEditor *self,
                                     const char           *exercise_id)
{
  const PatellaExercise *exercise = patella_exercise_lookup (exercise_id);
  PatellaRoutineStep step = { 0 };

  g_return_if_fail (PATELLA_IS_ROUTINE_EDITOR (self));
  g_return_if_fail (exercise != NULL);

  step.exercise = exercise;
  step.sets = exercise->sets;
  step.reps = exercise->reps;
  step.hold_s = exercise->hold_s;
  step.rest_s = exercise->rest_s;
  step.per_side = exercise->per_side;
  add_step (self, &step);
}

/**
 * patella_routine_editor_save:
 *
 * Saves what the editor shows; a refused routine changes nothing.
 */
gboolean
patella_routine_editor_save (PatellaRoutineEditor  *self,
                             GError               **error)
{
  g_autoptr(PatellaRoutine) routine = NULL;

  g_return_val_if_fail (PATELLA_IS_ROUTINE_EDITOR (self), FALSE);

  routine = collect (self);
  if (!patella_routine_save (self->store, routine, error))
    return FALSE;

  self->routine_id = routine->id;
  return TRUE;
}
