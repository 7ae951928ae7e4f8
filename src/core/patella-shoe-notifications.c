/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "patella-shoes"

#include "config.h"

#include <glib/gi18n.h>

#include "patella-shoes-private.h"

/* A shoe nearing its warn distance or past its limit: one notification
 * each, remembered in the database so that no program sends it twice. */

/* The key a shoe's @what ("warn" or "replace") notification is kept under. */
char *
patella_shoe_notification_key (const char *what,
                               gint64      id)
{
  return g_strdup_printf ("shoe-%s:%" G_GINT64_FORMAT, what, id);
}

static PatellaNotification *
make_notification (const PatellaShoe *shoe,
                   const char        *key,
                   gboolean           replace)
{
  PatellaDistanceUnit unit = patella_unit_get_preferred ();
  g_autofree char *distance = patella_format_distance (shoe->distance_m, unit);
  g_autofree char *mark = patella_format_distance (replace ? shoe->limit_m : shoe->warn_m, unit);
  g_autofree char *limit = patella_format_distance (shoe->limit_m, unit);
  g_autofree char *title = NULL;
  g_autofree char *body = NULL;
  PatellaNotification *notification;

  if (replace)
    {
      /* Translators: the shoe's name */
      title = g_strdup_printf (_("Time to replace “%s”"), shoe->name);
      /* Translators: the shoe's distance, then its limit */
      body = g_strdup_printf (_("These shoes have run %s, past their %s limit. Retire them in "
                                "Patella and switch to another pair; worn shoes cushion less."),
                              distance, mark);
    }
  else
    {
      /* Translators: the shoe's name */
      title = g_strdup_printf (_("“%s” are nearing replacement"), shoe->name);
      /* Translators: the shoe's distance, the warn distance, the limit */
      body = g_strdup_printf (_("These shoes have run %s, past the %s mark. Plan a new pair and "
                                "start rotating it in before they reach %s."),
                              distance, mark, limit);
    }

  notification = patella_notification_new (key, title, body, "x-patella.shoes");
  patella_notification_add_action (notification, "default", _("Show Shoes"));
  return notification;
}

/**
 * patella_shoes_check_notifications:
 *
 * Sends, once per shoe, "nearing replacement" when a shoe's total reaches
 * its warn distance and "due for replacement" when it reaches its limit;
 * re-arms a mark whose total dropped back under it. Safe to call at any
 * time, by any program: what was sent is kept in the database.
 */
gboolean
patella_shoes_check_notifications (PatellaStore     *store,
                                   PatellaNotifier  *notifier,
                                   GError          **error)
{
  g_autoptr(GPtrArray) shoes = NULL;

  g_return_val_if_fail (PATELLA_IS_STORE (store), FALSE);
  g_return_val_if_fail (PATELLA_IS_NOTIFIER (notifier), FALSE);

  /* Without a way to record what was sent, sending would repeat. */
  if (patella_store_is_read_only (store))
    return TRUE;

  shoes = patella_shoes_list (store, PATELLA_SHOES_ALL, error);
  if (shoes == NULL)
    return FALSE;

  for (guint i = 0; i < shoes->len; i++)
    {
      PatellaShoe *shoe = g_ptr_array_index (shoes, i);
      g_autofree char *warn_key = patella_shoe_notification_key ("warn", shoe->id);
      g_autofree char *replace_key = patella_shoe_notification_key ("replace", shoe->id);
      gboolean ok = TRUE;

      if (shoe->distance_m >= shoe->limit_m)
        {
          if (!shoe->retired && !patella_notification_was_sent (store, replace_key))
            {
              g_autoptr(PatellaNotification) n = make_notification (shoe, replace_key, TRUE);

              /* One notification for one run: reaching the limit says it all. */
              patella_notifier_withdraw (notifier, warn_key);
              ok = patella_notification_mark_sent (store, warn_key, error) &&
                   patella_notifier_send_once (notifier, store, n, error);
            }
        }
      else if (shoe->distance_m >= shoe->warn_m)
        {
          if (patella_notification_was_sent (store, replace_key))
            {
              patella_notifier_withdraw (notifier, replace_key);
              ok = patella_notification_forget (store, replace_key, error);
            }

          if (ok && !shoe->retired && !patella_notification_was_sent (store, warn_key))
            {
              g_autoptr(PatellaNotification) n = make_notification (shoe, warn_key, FALSE);

              ok = patella_notifier_send_once (notifier, store, n, error);
            }
        }
      else
        {
          for (guint k = 0; k < 2 && ok; k++)
            {
              const char *key = k == 0 ? warn_key : replace_key;

              if (patella_notification_was_sent (store, key))
                {
                  patella_notifier_withdraw (notifier, key);
                  ok = patella_notification_forget (store, key, error);
                }
            }
        }

      if (!ok)
        return FALSE;
    }

  return TRUE;
}
