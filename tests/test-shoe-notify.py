#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Shoe replacement notifications from patella-cli, against a real D-Bus
notification service: one when a pair reaches 300 mi, one when it reaches
500 mi, never repeated."""

import json
import os
import shutil
import subprocess
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from notification_daemon import NotificationDaemon  # noqa: E402

CLI = os.environ['PATELLA_CLI']


class ShoeNotifyTest(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp(prefix='patella-test-')
        self.db = os.path.join(self.dir, 'patella.db')

    def tearDown(self):
        shutil.rmtree(self.dir)

    def cli(self, *args):
        result = subprocess.run([CLI, '--db', self.db] + list(args),
                                capture_output=True, text=True, timeout=60)
        self.assertEqual(result.returncode, 0, result.stderr)
        return result

    def test_once_per_mark(self):
        with NotificationDaemon() as daemon:
            self.cli('shoe', 'add', 'Road pair', '--default', '--initial', '290mi')
            self.cli('run', 'add', '--distance', '9mi', '--date', '2026-03-01')
            self.assertEqual(len(daemon.notifications()), 0)

            # 301 mi: past the warn distance.
            self.cli('run', 'add', '--distance', '2mi', '--date', '2026-03-02')
            sent = daemon.wait_for(1)
            self.assertEqual(len(sent), 1)
            n = sent[0]
            self.assertIn('Road pair', n['summary'])
            self.assertIn('nearing replacement', n['summary'])
            self.assertIn('484.4 km', n['body'])   # the locale's unit: km under C.UTF-8
            self.assertEqual(n['hints']['desktop-entry'], os.environ['PATELLA_APP_ID'])
            self.assertEqual(n['hints']['category'], 'x-patella.shoes')

            # A second run does not repeat it, nor does another program's check.
            self.cli('run', 'add', '--distance', '1mi', '--date', '2026-03-03')
            self.cli('shoe', 'list')
            self.assertEqual(len(daemon.wait_for(2, timeout=1)), 1)

            # 482 mi, then 502 mi: past the limit, one more.
            self.cli('run', 'add', '--distance', '180mi', '--date', '2026-03-04')
            self.assertEqual(len(daemon.wait_for(2, timeout=1)), 1)
            self.cli('run', 'add', '--distance', '20mi', '--date', '2026-03-05')
            sent = daemon.wait_for(2)
            self.assertEqual(len(sent), 2)
            self.assertIn('Time to replace', sent[1]['summary'])
            self.assertIn('Road pair', sent[1]['summary'])

            self.cli('run', 'add', '--distance', '5mi', '--date', '2026-03-06')
            self.assertEqual(len(daemon.wait_for(3, timeout=1)), 2)

    def test_import_counts_like_logging(self):
        # An export with a pair at 301 mi, imported into a new database: the
        # import tells about the mark as logging a run would, once.
        source = os.path.join(self.dir, 'source.db')
        export = os.path.join(self.dir, 'export.json')
        subprocess.run([CLI, '--db', source, 'shoe', 'add', 'Road pair', '--initial', '290mi'],
                       check=True, capture_output=True, timeout=60)
        subprocess.run([CLI, '--db', source, 'export', '--format', 'json', '--output', export],
                       check=True, capture_output=True, timeout=60)
        with open(export, encoding='utf-8') as f:
            data = json.load(f)
        data['runs'].append({'date': '2026-03-02', 'distance_m': 17703, 'duration_s': None,
                             'shoe': 'Road pair', 'pain': None, 'note': '',
                             'created_us': 1772400000000000})
        with open(export, 'w', encoding='utf-8') as f:
            json.dump(data, f)

        with NotificationDaemon() as daemon:
            self.cli('import', export)
            sent = daemon.wait_for(1)
            self.assertEqual(len(sent), 1)
            self.assertIn('nearing replacement', sent[0]['summary'])
            self.cli('shoe', 'list')
            self.assertEqual(len(daemon.wait_for(2, timeout=1)), 1)


if __name__ == '__main__':
    unittest.main(verbosity=2)
