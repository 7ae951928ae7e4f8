/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A calendar and a clock for dates and times that are otherwise typed: a
 * menu button with a GtkCalendar, or hours and minutes, in its popover.
 * Typing still works; the pickers write the same text ("2026-03-10",
 * "08:30") into the row, or hand the day to a callback. */
#define G_LOG_DOMAIN "patella-pickers"

#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>

#include "patella-pickers.h"

typedef struct
{
  PatellaDayPickedFunc  func;
  gpointer              user_data;
  GtkWidget            *picker;
  GtkCalendar          *calendar;
  gboolean              setting;
  guint                 pick_source;
} DatePicker;

static void
date_picker_free (gpointer user_data)
{
  DatePicker *data = user_data;

  g_clear_handle_id (&data->pick_source, g_source_remove);
  g_free (data);
}

static DatePicker *
get_date_picker (GtkWidget *picker)
{
  return g_object_get_data (G_OBJECT (picker), "patella-date-picker");
}

/* The day the calendar shows selected, as screen readers read it. */
static void
describe_day (DatePicker *data)
{
  g_autoptr(GDateTime) date = gtk_calendar_get_date (data->calendar);
  /* Translators: a day in the journal, see strftime(3) */
  g_autofree char *text = g_date_time_format (date, _("%A %-d %B %Y"));

  gtk_accessible_update_property (GTK_ACCESSIBLE (data->calendar),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text,
                                  -1);
}

/* Selects @date in the calendar without choosing it. */
static void
select_date (DatePicker *data,
             GDateTime  *date)
{
  data->setting = TRUE;
  gtk_calendar_select_day (data->calendar, date);
  data->setting = FALSE;
  describe_day (data);
}

/* The day selected is the one chosen: the popover closes, and the day goes
 * to the callback. */
static void
pick (DatePicker *data)
{
  g_autoptr(GDateTime) date = gtk_calendar_get_date (data->calendar);
  g_autofree char *day = g_date_time_format (date, "%Y-%m-%d");

  g_clear_handle_id (&data->pick_source, g_source_remove);
  gtk_menu_button_popdown (GTK_MENU_BUTTON (data->picker));
  data->func (day, data->user_data);
}

static gboolean
pick_cb (gpointer user_data)
{
  DatePicker *data = user_data;

  data->pick_source = 0;
  pick (data);
  return G_SOURCE_REMOVE;
}

/* A day clicked. GtkCalendar says "day-selected" also when its arrows turn
 * the month or the year and the day changes with it (31 March to 28
 * February): such a turn, which it tells right after, picks nothing. */
static void
day_selected_cb (GtkCalendar *calendar,
                 DatePicker  *data)
{
  if (data->setting)
    return;

  describe_day (data);
  if (data->pick_source == 0)
    data->pick_source = g_idle_add (pick_cb, data);
}

static void
page_turned_cb (GtkCalendar *calendar,
                DatePicker  *data)
{
  g_clear_handle_id (&data->pick_source, g_source_remove);
  describe_day (data);
}

/* The keyboard moves the selected day, and Enter or Space picks it. GTK
 * 4.8's calendar keeps a keyboard cursor of its own that no function sets:
 * it starts in the grid's first cell, not on the day shown, and Enter does
 * nothing. The selected day is the cursor here, as in a list. */
static gboolean
calendar_key_pressed_cb (GtkEventControllerKey *controller,
                         guint                  keyval,
                         guint                  keycode,
                         GdkModifierType        state,
                         DatePicker            *data)
{
  GdkModifierType mods = state & gtk_accelerator_get_default_mod_mask ();
  gboolean control = (mods & GDK_CONTROL_MASK) != 0;
  int forward = gtk_widget_get_direction (GTK_WIDGET (data->calendar)) == GTK_TEXT_DIR_RTL ? -1 : 1;
  g_autoptr(GDateTime) date = NULL;
  g_autoptr(GDateTime) moved = NULL;

  /* Not the keys of the month's and the year's buttons above the days. */
  if (!gtk_widget_has_focus (GTK_WIDGET (data->calendar)) ||
      (mods & ~(GDK_CONTROL_MASK | GDK_SHIFT_MASK)) != 0)
    return FALSE;

  date = gtk_calendar_get_date (data->calendar);
  switch (keyval)
    {
    case GDK_KEY_Return:
    case GDK_KEY_ISO_Enter:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_space:
    case GDK_KEY_KP_Space:
      if (mods != 0)
        return FALSE;
      pick (data);
      return TRUE;

    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      moved = control ? g_date_time_add_months (date, -forward) : g_date_time_add_days (date, -forward);
      break;

    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      moved = control ? g_date_time_add_months (date, forward) : g_date_time_add_days (date, forward);
      break;

    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      moved = control ? g_date_time_add_years (date, -1) : g_date_time_add_weeks (date, -1);
      break;

    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      moved = control ? g_date_time_add_years (date, 1) : g_date_time_add_weeks (date, 1);
      break;

    case GDK_KEY_Page_Up:
    case GDK_KEY_KP_Page_Up:
      moved = (mods & GDK_SHIFT_MASK) ? g_date_time_add_years (date, -1)
                                      : g_date_time_add_months (date, -1);
      break;

    case GDK_KEY_Page_Down:
    case GDK_KEY_KP_Page_Down:
      moved = (mods & GDK_SHIFT_MASK) ? g_date_time_add_years (date, 1)
                                      : g_date_time_add_months (date, 1);
      break;

    case GDK_KEY_Home:
    case GDK_KEY_KP_Home:
      moved = g_date_time_add_days (date, 1 - g_date_time_get_day_of_month (date));
      break;

    case GDK_KEY_End:
    case GDK_KEY_KP_End:
      {
        g_autoptr(GDateTime) next_month = g_date_time_add_months (date, 1);

        moved = g_date_time_add_days (next_month, -g_date_time_get_day_of_month (next_month));
      }
      break;

    default:
      return FALSE;
    }

  if (moved != NULL)
    select_date (data, moved);
  return TRUE;
}

/* Opened, the calendar has the keyboard focus, on the day selected, also
 * when the focus was on its month's buttons when it closed. (Once the
 * popover is on screen: focused before, it has no place yet to show from.) */
static void
date_popover_mapped_cb (GtkPopover *popover,
                       DatePicker *data)
{
  gtk_widget_grab_focus (GTK_WIDGET (data->calendar));
}

/**
 * patella_date_picker_new:
 * @func: called with the day chosen, as YYYY-MM-DD
 *
 * Returns: (transfer floating): a menu button with a calendar
 */
GtkWidget *
patella_date_picker_new (PatellaDayPickedFunc func,
                         gpointer             user_data)
{
  GtkWidget *button = gtk_menu_button_new ();
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *calendar = gtk_calendar_new ();
  GtkEventController *keys = gtk_event_controller_key_new ();
  DatePicker *data = g_new0 (DatePicker, 1);
  static const char * const turns[] = { "prev-month", "next-month", "prev-year", "next-year" };

  data->func = func;
  data->user_data = user_data;
  data->picker = button;
  data->calendar = GTK_CALENDAR (calendar);
  g_object_set_data_full (G_OBJECT (button), "patella-date-picker", data, date_picker_free);

  gtk_popover_set_child (GTK_POPOVER (popover), calendar);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), popover);
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "x-office-calendar-symbolic");
  gtk_widget_set_tooltip_text (button, _("Choose a Day"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Choose a Day"), -1);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  g_signal_connect (calendar, "day-selected", G_CALLBACK (day_selected_cb), data);
  for (guint i = 0; i < G_N_ELEMENTS (turns); i++)
    g_signal_connect (calendar, turns[i], G_CALLBACK (page_turned_cb), data);
  /* Before the calendar's own handling of the keys. */
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (calendar_key_pressed_cb), data);
  gtk_widget_add_controller (calendar, keys);
  g_signal_connect_after (popover, "map", G_CALLBACK (date_popover_mapped_cb), data);
  describe_day (data);

  return button;
}

/**
 * patella_date_picker_set_day:
 * @day: (nullable): YYYY-MM-DD, or %NULL for none
 *
 * Shows @day in the calendar, without choosing it.
 */
void
patella_date_picker_set_day (GtkWidget  *picker,
                             const char *day)
{
  DatePicker *data = get_date_picker (picker);
  g_autoptr(GTimeZone) local = g_time_zone_new_local ();
  g_autoptr(GDateTime) date = NULL;
  g_autofree char *iso = NULL;

  g_return_if_fail (data != NULL);

  if (day == NULL)
    return;

  iso = g_strconcat (day, "T12:00:00", NULL);
  date = g_date_time_new_from_iso8601 (iso, local);
  if (date == NULL)
    return;

  select_date (data, date);
}

/**
 * patella_date_picker_choose:
 *
 * Chooses @day as a click on it in the calendar does.
 */
void
patella_date_picker_choose (GtkWidget  *picker,
                            const char *day)
{
  DatePicker *data = get_date_picker (picker);

  g_return_if_fail (data != NULL);

  patella_date_picker_set_day (picker, day);
  pick (data);
}

static void
set_row_text (const char *text,
              gpointer    user_data)
{
  gtk_editable_set_text (GTK_EDITABLE (user_data), text);
}

static void
row_popover_shown_cb (GtkPopover *popover,
                      GtkWidget  *picker)
{
  GtkWidget *row = g_object_get_data (G_OBJECT (picker), "patella-row");

  patella_date_picker_set_day (picker, gtk_editable_get_text (GTK_EDITABLE (row)));
}

/**
 * patella_date_picker_add_to_row:
 * @entry_row: an #AdwEntryRow for a day as YYYY-MM-DD
 *
 * Adds a calendar at the end of @entry_row that writes the day chosen.
 */
void
patella_date_picker_add_to_row (GtkWidget *entry_row)
{
  GtkWidget *picker;

  g_return_if_fail (ADW_IS_ENTRY_ROW (entry_row));

  picker = patella_date_picker_new (set_row_text, entry_row);
  g_object_set_data (G_OBJECT (picker), "patella-row", entry_row);
  g_signal_connect (gtk_menu_button_get_popover (GTK_MENU_BUTTON (picker)), "show",
                    G_CALLBACK (row_popover_shown_cb), picker);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (entry_row), picker);
}

typedef struct
{
  GtkEditable   *row;
  GtkSpinButton *hours;
  GtkSpinButton *minutes;
  gboolean       setting;
  gboolean       changed;
} TimePicker;

static gboolean
show_two_digits_cb (GtkSpinButton *spin,
                    gpointer       user_data)
{
  g_autofree char *text = g_strdup_printf ("%02d", gtk_spin_button_get_value_as_int (spin));

  gtk_editable_set_text (GTK_EDITABLE (spin), text);
  return TRUE;
}

static void
time_changed_cb (TimePicker *data)
{
  g_autofree char *text = NULL;

  if (data->setting)
    return;

  text = g_strdup_printf ("%02d:%02d", gtk_spin_button_get_value_as_int (data->hours),
                          gtk_spin_button_get_value_as_int (data->minutes));
  gtk_editable_set_text (data->row, text);
  data->changed = TRUE;
}

/* The time is applied once chosen, as pressing Enter in the row does. */
static void
time_popover_closed_cb (GtkPopover *popover,
                        TimePicker *data)
{
  if (data->changed && adw_entry_row_get_show_apply_button (ADW_ENTRY_ROW (data->row)))
    g_signal_emit_by_name (data->row, "apply");
  data->changed = FALSE;
}

static void
time_popover_shown_cb (GtkPopover *popover,
                       TimePicker *data)
{
  int hours, minutes;

  data->setting = TRUE;
  if (sscanf (gtk_editable_get_text (data->row), "%d:%d", &hours, &minutes) == 2)
    {
      gtk_spin_button_set_value (data->hours, hours);
      gtk_spin_button_set_value (data->minutes, minutes);
    }
  data->setting = FALSE;
}

static GtkSpinButton *
new_clock_spin (int         upper,
                int         step,
                const char *label)
{
  GtkWidget *spin = gtk_spin_button_new_with_range (0, upper, step);

  gtk_orientable_set_orientation (GTK_ORIENTABLE (spin), GTK_ORIENTATION_VERTICAL);
  gtk_spin_button_set_wrap (GTK_SPIN_BUTTON (spin), TRUE);
  gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (spin), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  g_signal_connect (spin, "output", G_CALLBACK (show_two_digits_cb), NULL);

  return GTK_SPIN_BUTTON (spin);
}

/**
 * patella_time_picker_add_to_row:
 * @entry_row: an #AdwEntryRow for a time as HH:MM
 *
 * Adds hours and minutes at the end of @entry_row that write the time.
 */
void
patella_time_picker_add_to_row (GtkWidget *entry_row)
{
  GtkWidget *button = gtk_menu_button_new ();
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  TimePicker *data = g_new0 (TimePicker, 1);

  g_return_if_fail (ADW_IS_ENTRY_ROW (entry_row));

  data->row = GTK_EDITABLE (entry_row);
  data->hours = new_clock_spin (23, 1, _("Hours"));
  data->minutes = new_clock_spin (59, 5, _("Minutes"));
  g_object_set_data_full (G_OBJECT (button), "patella-time-picker", data, g_free);

  gtk_box_append (GTK_BOX (box), GTK_WIDGET (data->hours));
  gtk_box_append (GTK_BOX (box), gtk_label_new (":"));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (data->minutes));
  gtk_popover_set_child (GTK_POPOVER (popover), box);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), popover);
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "preferences-system-time-symbolic");
  gtk_widget_set_tooltip_text (button, _("Choose a Time"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Choose a Time"), -1);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");

  g_signal_connect (popover, "show", G_CALLBACK (time_popover_shown_cb), data);
  g_signal_connect (popover, "closed", G_CALLBACK (time_popover_closed_cb), data);
  g_signal_connect_swapped (data->hours, "value-changed", G_CALLBACK (time_changed_cb), data);
  g_signal_connect_swapped (data->minutes, "value-changed", G_CALLBACK (time_changed_cb), data);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (entry_row), button);
}
