#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The morning check-in end to end: the real application in the background
(no window) on a fake clock, a run logged the day before with patella-cli,
and a real D-Bus notification service."""

import os
import subprocess
import sys
import time
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from notification_daemon import NotificationDaemon  # noqa: E402
from patella_e2e import App, DatabaseTestCase, query, wait_for  # noqa: E402

CLI = os.environ['PATELLA_CLI']


def cli(db, *args):
    subprocess.run([CLI, '--db', db] + list(args), check=True, capture_output=True)


def check_ins(daemon):
    return [n for n in daemon.notifications() if n['summary'] == 'How is your knee this morning?']


class CheckInTest(DatabaseTestCase):
    def setUp(self):
        super().setUp()
        # A run on the 9th, and that day's journal entry without its morning.
        cli(self.db, 'run', 'add', '--date', '2026-03-09', '--distance', '4km')
        cli(self.db, 'journal', 'add', '--date', '2026-03-09', '--pain', '1')

    def test_at_wake_time_and_rating_action(self):
        with NotificationDaemon() as daemon:
            app = App(self.db, '2026-03-10T07:58:00+01:00')
            try:
                app.settle()
                time.sleep(0.3)
                app.settle()
                self.assertEqual(check_ins(daemon), [])

                # 08:00, the default wake time.
                app.advance(120)
                sent = wait_for(app, lambda: check_ins(daemon), 1)
                self.assertEqual(len(sent), 1)
                n = sent[0]
                self.assertIn('after yesterday', n['body'])
                self.assertEqual(n['actions'].get('rate-0'), '0 · No Pain')
                self.assertEqual(n['actions'].get('rate-2'), '2 · Mild')
                self.assertIn('open', n['actions'])
                self.assertIn('desktop-entry', n['hints'])
                # No window, and the process goes on.
                self.assertIsNone(app.process.poll())

                daemon.invoke_action(len(daemon.notifications()), 'rate-2')
                deadline = time.monotonic() + 10
                while time.monotonic() < deadline:
                    app.settle()
                    if query(self.db, "SELECT pain_morning FROM journal_entry "
                                      "WHERE day = '2026-03-09'") == [(2,)]:
                        break
                    time.sleep(0.05)
                self.assertEqual(query(self.db, "SELECT pain_morning FROM journal_entry "
                                                "WHERE day = '2026-03-09'"), [(2,)])

                # Once: not again that morning.
                app.advance(3600)
                time.sleep(0.2)
                app.settle()
                self.assertEqual(len(check_ins(daemon)), 1)
            finally:
                self.assertEqual(app.quit(), 0)

    def test_restart_does_not_repeat(self):
        with NotificationDaemon() as daemon:
            app = App(self.db, '2026-03-10T08:30:00+01:00')
            try:
                self.assertEqual(len(wait_for(app, lambda: check_ins(daemon), 1)), 1)
            finally:
                app.quit()
            app = App(self.db, '2026-03-10T09:00:00+01:00')
            try:
                app.settle()
                time.sleep(0.3)
                app.settle()
                self.assertEqual(len(check_ins(daemon)), 1)
            finally:
                app.quit()

    def test_never_when_rated(self):
        cli(self.db, 'journal', 'add', '--date', '2026-03-09', '--pain', '1',
            '--pain-morning', '1')
        with NotificationDaemon() as daemon:
            app = App(self.db, '2026-03-10T08:30:00+01:00')
            try:
                app.settle()
                time.sleep(0.5)
                app.settle()
                self.assertEqual(check_ins(daemon), [])
            finally:
                app.quit()


if __name__ == '__main__':
    unittest.main(verbosity=2)
