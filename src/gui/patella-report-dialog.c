/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "patella-report-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "patella-report.h"
#include "patella-reminders.h"
#include "patella-report-dialog.h"
#include "patella-report-renderer.h"
#include "patella-units.h"

/* Main menu → "Report for a Clinician…": a period, notes on or off, then
 * Save as PDF (through the file chooser portal) or Print. Both go through
 * the one renderer of src/report. */

struct _PatellaReportDialog
{
  AdwWindow        parent_instance;

  PatellaStore    *store;
  GSettings       *settings;

  AdwToastOverlay *toast_overlay;
  AdwEntryRow     *from_row;
  AdwEntryRow     *to_row;
  GtkSwitch       *notes_switch;
  GtkLabel        *error_label;
};

G_DEFINE_FINAL_TYPE (PatellaReportDialog, patella_report_dialog, ADW_TYPE_WINDOW)

typedef struct
{
  PatellaReport       *report;
  PatellaReportLayout *layout;
} PrintJob;

static void
print_job_free (PrintJob *job)
{
  g_clear_pointer (&job->layout, patella_report_layout_free);
  g_clear_pointer (&job->report, patella_report_free);
  g_free (job);
}

static void
show_error (PatellaReportDialog *self,
            const char          *message)
{
  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static const char *
entry_text (AdwEntryRow *row)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));

  return text != NULL && *text != '\0' ? text : NULL;
}

/* The report for what the dialog says, or %NULL with the reason shown. */
static PatellaReport *
build_report (PatellaReportDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  PatellaReportOptions options = { 0 };
  PatellaReport *report;

  if (self->store == NULL)
    {
      show_error (self, _("There is no journal to report on."));
      return NULL;
    }

  if (self->settings != NULL)
    name = g_settings_get_string (self->settings, "report-name");

  options.from = entry_text (self->from_row);
  options.to = entry_text (self->to_row);
  options.name = name;
  options.include_notes = gtk_switch_get_active (self->notes_switch);
  options.ice_goal = patella_reminders_get_ice_goal (self->settings);
  options.unit = patella_unit_get_preferred ();

  report = patella_report_build (self->store, &options, &error);
  show_error (self, error != NULL ? error->message : NULL);
  return report;
}

static void
save_to (PatellaReportDialog *self,
         const char          *path)
{
  g_autoptr(PatellaReport) report = build_report (self);
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  guint n_pages = 0;

  if (report == NULL)
    return;

  /* The file chooser asked before replacing a file. */
  if (!patella_report_write_pdf (report, path, TRUE, &n_pages, &error))
    {
      show_error (self, error->message);
      return;
    }

  /* Translators: a toast after saving the report; %u is its pages */
  message = g_strdup_printf (ngettext ("Report saved (%u page)", "Report saved (%u pages)",
                                       n_pages), n_pages);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

/* report.save-to("PATH"): what the file chooser's answer leads to. */
static void
save_to_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  save_to (PATELLA_REPORT_DIALOG (widget), g_variant_get_string (parameter, NULL));
}

static void
chooser_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     gpointer         user_data)
{
  PatellaReportDialog *self = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;

      if (path != NULL)
        save_to (self, path);
      else
        show_error (self, _("The report can only be saved to a local file."));
    }

  g_object_unref (chooser);
  g_object_unref (self);
}

static void
save_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  PatellaReportDialog *self = PATELLA_REPORT_DIALOG (widget);
  g_autoptr(PatellaReport) report = build_report (self);
  g_autoptr(GtkFileFilter) filter = NULL;
  g_autofree char *name = NULL;
  GtkFileChooserNative *chooser;

  /* A bad period is said before the file chooser opens. */
  if (report == NULL)
    return;

  chooser = gtk_file_chooser_native_new (_("Save Report"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (filter, _("PDF documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  /* Translators: the suggested file name of a report; %s is its last day */
  name = g_strdup_printf (_("knee-report-%s.pdf"), report->to);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (chooser_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
begin_print_cb (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                PrintJob          *job)
{
  job->layout = patella_report_layout_new (job->report,
                                           gtk_print_context_get_cairo_context (context),
                                           gtk_print_context_get_width (context),
                                           gtk_print_context_get_height (context), 18.0);
  gtk_print_operation_set_n_pages (operation, patella_report_layout_get_n_pages (job->layout));
}

static void
draw_page_cb (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page,
              PrintJob          *job)
{
  patella_report_layout_draw_page (job->layout, gtk_print_context_get_cairo_context (context),
                                   (guint) page);
}

static void
print_done_cb (GtkPrintOperation       *operation,
               GtkPrintOperationResult  result,
               gpointer                 user_data)
{
  PatellaReportDialog *self = user_data;
  g_autoptr(GError) error = NULL;

  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      gtk_print_operation_get_error (operation, &error);
      show_error (self, error != NULL ? error->message : _("Printing failed."));
    }

  g_object_unref (self);
}

/* Prints through GTK's dialog, or, with @export_path, writes what would be
 * printed to that PDF file. */
static void
run_print (PatellaReportDialog *self,
           const char          *export_path)
{
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;
  PrintJob *job;
  PatellaReport *report = build_report (self);

  if (report == NULL)
    return;

  job = g_new0 (PrintJob, 1);
  job->report = report;

  operation = gtk_print_operation_new ();
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_job_name (operation, report->title);
  gtk_print_operation_set_allow_async (operation, export_path == NULL);
  if (export_path != NULL)
    gtk_print_operation_set_export_filename (operation, export_path);
  g_object_set_data_full (G_OBJECT (operation), "patella-print-job", job,
                          (GDestroyNotify) print_job_free);
  g_signal_connect (operation, "begin-print", G_CALLBACK (begin_print_cb), job);
  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_page_cb), job);
  g_signal_connect (operation, "done", G_CALLBACK (print_done_cb), g_object_ref (self));

  if (gtk_print_operation_run (operation,
                               export_path != NULL ? GTK_PRINT_OPERATION_ACTION_EXPORT
                                                   : GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                               GTK_WINDOW (self), &error) == GTK_PRINT_OPERATION_RESULT_ERROR)
    show_error (self, error->message);
}

static void
print_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  run_print (PATELLA_REPORT_DIALOG (widget), NULL);
}

/* report.print-to("PATH"): the printed pages as a PDF, without the dialog. */
static void
print_to_activated (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  run_print (PATELLA_REPORT_DIALOG (widget), g_variant_get_string (parameter, NULL));
}

static void
patella_report_dialog_dispose (GObject *object)
{
  PatellaReportDialog *self = PATELLA_REPORT_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  gtk_widget_dispose_template (GTK_WIDGET (self), PATELLA_TYPE_REPORT_DIALOG);

  G_OBJECT_CLASS (patella_report_dialog_parent_class)->dispose (object);
}

static void
patella_report_dialog_class_init (PatellaReportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = patella_report_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/patella/Patella/ui/patella-report-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, PatellaReportDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, PatellaReportDialog, from_row);
  gtk_widget_class_bind_template_child (widget_class, PatellaReportDialog, to_row);
  gtk_widget_class_bind_template_child (widget_class, PatellaReportDialog, notes_switch);
  gtk_widget_class_bind_template_child (widget_class, PatellaReportDialog, error_label);

  gtk_widget_class_install_action (widget_class, "report.save", NULL, save_activated);
  gtk_widget_class_install_action (widget_class, "report.save-to", "s", save_to_activated);
  gtk_widget_class_install_action (widget_class, "report.print", NULL, print_activated);
  gtk_widget_class_install_action (widget_class, "report.print-to", "s", print_to_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "report.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK,
                                       "report.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK,
                                       "window.close", NULL);
}

static void
patella_report_dialog_init (PatellaReportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * patella_report_dialog_new:
 * @parent: (nullable): the window it belongs to
 * @store: the journal to report on
 * @settings: (nullable): Patella's settings, for the name and the icing goal
 *
 * Returns: (transfer none): the dialog, its period the last six weeks
 */
PatellaReportDialog *
patella_report_dialog_new (GtkWindow    *parent,
                           PatellaStore *store,
                           GSettings    *settings)
{
  PatellaReportDialog *self = g_object_new (PATELLA_TYPE_REPORT_DIALOG,
                                            "transient-for", parent, NULL);
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;

  g_return_val_if_fail (PATELLA_IS_STORE (store), self);

  self->store = g_object_ref (store);
  self->settings = settings != NULL ? g_object_ref (settings) : NULL;

  if (patella_report_check_period (store, NULL, NULL, &from, &to, NULL))
    {
      gtk_editable_set_text (GTK_EDITABLE (self->from_row), from);
      gtk_editable_set_text (GTK_EDITABLE (self->to_row), to);
    }

  return self;
}
