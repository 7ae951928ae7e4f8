/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Sends one notification through the libnotify notifier, for
 * test-notify-service.py. */
#include "config.h"

#include "patella-libnotify-notifier.h"

int
main (int    argc,
      char **argv)
{
  g_autoptr(PatellaNotifier) notifier = patella_libnotify_notifier_new (APP_ID);
  g_autoptr(PatellaNotification) n = NULL;
  g_autoptr(GError) error = NULL;

  if (argc != 2 || !g_str_equal (argv[1], "send"))
    {
      g_printerr ("usage: notify-helper send\n");
      return 2;
    }

  n = patella_notification_new ("test:1", "Time to ice your knee",
                                "Ice for 15 minutes, with a cloth between the ice and your skin.",
                                "x-patella.test");
  patella_notification_add_action (n, "start", "Start Timer");
  patella_notification_add_action (n, "snooze", "Snooze 30 min");

  /* A second failure must not log again. */
  if (!patella_notifier_send (notifier, n, &error))
    {
      g_clear_error (&error);
      patella_notifier_send (notifier, n, NULL);
    }

  return 0;
}
