#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The libnotify notifier against a real D-Bus notification service."""

import os
import subprocess
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from notification_daemon import NotificationDaemon  # noqa: E402

HELPER = os.environ['PATELLA_NOTIFY_HELPER']


class NotifyServiceTest(unittest.TestCase):
    def test_sends_with_hints_and_actions(self):
        with NotificationDaemon() as daemon:
            subprocess.run([HELPER, 'send'], check=True, timeout=30)
            sent = daemon.wait_for(1)
            self.assertEqual(len(sent), 1)
            n = sent[0]
            self.assertEqual(n['summary'], 'Time to ice your knee')
            self.assertIn('cloth', n['body'])
            self.assertEqual(n['hints']['desktop-entry'], os.environ['PATELLA_APP_ID'])
            self.assertEqual(n['hints']['category'], 'x-patella.test')
            self.assertEqual(n['actions'].get('start'), 'Start Timer')

    def test_no_service_goes_on(self):
        # No service on the bus: the helper logs once and exits cleanly.
        result = subprocess.run([HELPER, 'send'], capture_output=True, text=True, timeout=60)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertLessEqual(result.stderr.count('No notification service'), 1)


if __name__ == '__main__':
    unittest.main(verbosity=2)
