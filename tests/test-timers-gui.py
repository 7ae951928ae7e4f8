#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The real application on a fake clock: icing started in the Timers view
goes on with the window closed, and its "done" notification reaches a real
D-Bus notification service."""

import os
import re
import sqlite3
import subprocess
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from notification_daemon import NotificationDaemon  # noqa: E402

HELPER = os.environ['PATELLA_TIMERS_GUI_HELPER']


class TimersGuiTest(unittest.TestCase):
    def test_icing_done_with_window_closed(self):
        with tempfile.TemporaryDirectory() as tmp, NotificationDaemon() as daemon:
            db = os.path.join(tmp, 'patella.db')
            env = dict(os.environ, PATELLA_DB=db)
            result = subprocess.run([HELPER], env=env, capture_output=True, text=True,
                                    timeout=90)
            self.assertEqual(result.returncode, 0, result.stdout + result.stderr)

            out = result.stdout
            started = re.search(r'^started ends_us=(\d+) now_us=(\d+)$', out, re.M)
            self.assertIsNotNone(started, out)
            ends_us, now_us = int(started.group(1)), int(started.group(2))
            # A session row with its end instant, 15 minutes (the default) ahead.
            self.assertEqual(ends_us - now_us, 15 * 60 * 1000000)
            self.assertIn('window-closed windows=0', out)
            self.assertRegex(out, r'quit status=0 state=1')

            sent = daemon.wait_for(1)
            done = [n for n in sent if 'remove the ice' in n['summary']]
            self.assertEqual(len(done), 1, sent)
            self.assertEqual(done[0]['hints']['desktop-entry'], os.environ['PATELLA_APP_ID'])
            self.assertEqual(done[0]['hints']['category'], 'x-patella.icing')

            with sqlite3.connect(db) as conn:
                rows = conn.execute("SELECT state, ended_us, duration_s FROM session").fetchall()
            self.assertEqual(rows, [('finished', ends_us, 900)])


if __name__ == '__main__':
    unittest.main(verbosity=2)
