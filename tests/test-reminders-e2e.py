#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Icing reminders end to end: the real application, started in the
background on a fake clock, against a real D-Bus notification service."""

import os
import sys
import time
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from notification_daemon import NotificationDaemon  # noqa: E402
from patella_e2e import App, DatabaseTestCase, query, wait_for  # noqa: E402


class RemindersTest(DatabaseTestCase):
    def test_due_slot_notifies_with_actions_and_snoozes_once(self):
        with NotificationDaemon() as daemon:
            app = App(self.db, '2026-03-10T08:00:30+01:00')
            try:
                sent = wait_for(app, daemon.notifications, 1)
                self.assertEqual(len(sent), 1)
                n = sent[0]
                self.assertEqual(n['summary'], 'Time to Ice Your Knee')
                self.assertIn('15 minutes', n['body'])
                self.assertIn('cloth', n['body'])
                self.assertEqual(n['actions'].get('start'), 'Start Timer')
                self.assertEqual(n['actions'].get('snooze'), 'Snooze 30 min')
                self.assertIn('desktop-entry', n['hints'])

                # No window was opened, and the process keeps running.
                self.assertIsNone(app.process.poll())

                daemon.invoke_action(1, 'snooze')
                app.settle()
                time.sleep(0.2)
                app.settle()
                self.assertEqual(query(self.db, "SELECT state FROM reminder_slot WHERE state <> 'missed'"),
                                 [('snoozed',)])

                app.advance(29 * 60)
                self.assertEqual(len(daemon.notifications()), 1)
                app.advance(60)
                sent = wait_for(app, daemon.notifications, 2)
                self.assertEqual(len(sent), 2)
                app.advance(45 * 60)
                self.assertEqual(len(daemon.notifications()), 2)

                # Nothing more until the next slot, at 12:00.
                app.advance(60 * 60)
                self.assertEqual(len(daemon.notifications()), 2)
                app.advance(105 * 60)
                sent = wait_for(app, daemon.notifications, 3)
                self.assertEqual(len(sent), 3)
            finally:
                self.assertEqual(app.quit(), 0)

    def test_start_timer_from_notification(self):
        with NotificationDaemon() as daemon:
            app = App(self.db, '2026-03-10T12:00:05+01:00')
            try:
                sent = wait_for(app, daemon.notifications, 1)
                self.assertEqual(len(sent), 1)
                daemon.invoke_action(1, 'start')
                deadline = time.monotonic() + 10
                while time.monotonic() < deadline:
                    app.settle()
                    if query(self.db, "SELECT state FROM reminder_slot WHERE state <> 'missed'") == [('started',)]:
                        break
                    time.sleep(0.05)
                self.assertEqual(query(self.db, "SELECT state FROM reminder_slot WHERE state <> 'missed'"),
                                 [('started',)])
                if os.environ.get('PATELLA_HAVE_TIMERS') == '1':
                    self.assertEqual(
                        query(self.db, "SELECT count(*) FROM session WHERE kind = 'icing' "
                                       "AND state = 'running' AND ends_us IS NOT NULL"),
                        [(1,)])
            finally:
                self.assertEqual(app.quit(), 0)

    def test_restart_does_not_repeat(self):
        with NotificationDaemon() as daemon:
            app = App(self.db, '2026-03-10T16:10:00+01:00')
            try:
                self.assertEqual(len(wait_for(app, daemon.notifications, 1)), 1)
            finally:
                app.quit()
            app = App(self.db, '2026-03-10T16:20:00+01:00')
            try:
                app.settle()
                time.sleep(0.3)
                app.settle()
                self.assertEqual(len(daemon.notifications()), 1)
            finally:
                app.quit()


if __name__ == '__main__':
    unittest.main(verbosity=2)
