/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "patella-toast"

#include "config.h"

#include "patella-accessible.h"
#include "patella-toast.h"

/**
 * patella_toast_show:
 * @from: the widget the toast is about
 * @toast: (transfer full): the toast
 *
 * Shows @toast in the nearest AdwToastOverlay above @from, so that a view
 * needs to know nothing of the window it is in, and says its title to screen
 * readers (libadwaita 1.2 does not). A view not (yet) in a window with an
 * overlay drops the toast.
 */
void
patella_toast_show (GtkWidget *from,
                    AdwToast  *toast)
{
  GtkWidget *overlay;

  g_return_if_fail (GTK_IS_WIDGET (from));
  g_return_if_fail (ADW_IS_TOAST (toast));

  patella_accessible_announce (from, adw_toast_get_title (toast));
  overlay = gtk_widget_get_ancestor (from, ADW_TYPE_TOAST_OVERLAY);
  if (overlay == NULL)
    {
      g_debug ("No toast overlay above %s: “%s” is not shown",
               G_OBJECT_TYPE_NAME (from), adw_toast_get_title (toast));
      g_object_unref (toast);
      return;
    }

  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
}

/**
 * patella_toast_show_text:
 * @from: the widget the toast is about
 * @text: what the toast says
 *
 * Shows a plain toast saying @text; see patella_toast_show().
 */
void
patella_toast_show_text (GtkWidget  *from,
                         const char *text)
{
  g_return_if_fail (GTK_IS_WIDGET (from));
  g_return_if_fail (text != NULL);

  patella_toast_show (from, adw_toast_new (text));
}
