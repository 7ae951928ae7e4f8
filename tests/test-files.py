#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""patella-cli on files that cannot be written: a read-only file, a
read-only medium, a full disk, and a data folder reached through a symbolic
link. Reading always works; a refused write says why and changes nothing."""

import json
import os
import shutil
import sqlite3
import stat
import subprocess
import tempfile
import unittest

CLI = os.environ['PATELLA_CLI']
NOBODY = 65534


def can_mount():
    """Whether this test may make a mount namespace of its own."""
    try:
        return subprocess.run(['unshare', '-rm', 'true'], capture_output=True,
                              timeout=30).returncode == 0
    except (OSError, subprocess.TimeoutExpired):
        return False


class FilesTest(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp(prefix='patella-test-')
        os.chmod(self.dir, 0o755)
        self.db = os.path.join(self.dir, 'patella.db')

    def tearDown(self):
        for root, dirs, files in os.walk(self.dir):
            for name in dirs:
                os.chmod(os.path.join(root, name), 0o755)
        shutil.rmtree(self.dir)

    def cli(self, *args, db=None, other_user=False, check=True):
        command = [CLI, '--db', db or self.db] + list(args)
        # As root, permissions do not stop writes: run as another user then.
        if other_user and os.geteuid() == 0:
            command = ['setpriv', '--reuid=%d' % NOBODY, '--regid=%d' % NOBODY,
                       '--clear-groups'] + command
        result = subprocess.run(command, capture_output=True, text=True, timeout=60)
        if check:
            self.assertEqual(result.returncode, 0, result.stderr)
        return result

    def in_namespace(self, script):
        """Runs @script as root of a new mount namespace; PATELLA_CLI is $CLI."""
        return subprocess.run(['unshare', '-rm', 'sh', '-c', script],
                              capture_output=True, text=True, timeout=120,
                              env=dict(os.environ, CLI=CLI, DIR=self.dir))

    def make_database(self):
        self.cli('journal', 'add', '--date', '2026-03-01', '--pain', '3', '--note', 'kept')
        self.cli('shoe', 'add', 'Road pair')

    def test_read_only_file(self):
        self.make_database()
        if os.geteuid() == 0:
            os.chown(self.db, NOBODY, NOBODY)
        os.chmod(self.dir, 0o777)
        os.chmod(self.db, 0o444)

        listed = self.cli('journal', 'list', other_user=True)
        self.assertIn('2026-03-01', listed.stdout)
        exported = json.loads(self.cli('export', other_user=True).stdout)
        self.assertEqual(exported['journal'][0]['note'], 'kept')

        refused = self.cli('journal', 'add', '--pain', '1', other_user=True, check=False)
        self.assertEqual(refused.returncode, 1)
        self.assertIn('can only be read', refused.stderr)
        # No -shm or -wal file left behind that would refuse later writes.
        self.assertFalse(os.path.exists(self.db + '-shm'))
        self.assertFalse(os.path.exists(self.db + '-wal'))

        os.chmod(self.db, 0o644)
        self.cli('journal', 'add', '--date', '2026-03-02', '--pain', '1', other_user=True)

    @unittest.skipUnless(can_mount(), 'no mount namespace here')
    def test_read_only_medium(self):
        self.make_database()
        result = self.in_namespace(
            'mount --bind "$DIR" "$DIR" && mount -o remount,bind,ro "$DIR" && '
            '"$CLI" --db "$DIR/patella.db" journal list && '
            '"$CLI" --db "$DIR/patella.db" export && '
            '{ "$CLI" --db "$DIR/patella.db" journal add --pain 1; echo "add: $?"; }')
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn('2026-03-01', result.stdout)
        self.assertIn('"note" : "kept"', result.stdout)
        self.assertIn('add: 1', result.stdout)
        self.assertIn('can only be read', result.stderr)

    @unittest.skipUnless(can_mount(), 'no mount namespace here')
    def test_full_disk(self):
        result = self.in_namespace(
            'mount -t tmpfs -o size=400k tmpfs "$DIR" && '
            '"$CLI" --db "$DIR/patella.db" journal add --date 2026-03-01 --pain 3 '
            '--note kept >/dev/null && '
            'dd if=/dev/zero of="$DIR/filler" bs=4k 2>/dev/null; '
            '"$CLI" --db "$DIR/patella.db" journal list && '
            '"$CLI" --db "$DIR/patella.db" export && '
            '{ "$CLI" --db "$DIR/patella.db" journal add --pain 1; echo "add: $?"; } && '
            'rm "$DIR/filler" && "$CLI" --db "$DIR/patella.db" journal add --pain 1 && '
            'sqlite3 "$DIR/patella.db" "PRAGMA integrity_check; SELECT count(*) FROM journal_entry;"')
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn('2026-03-01', result.stdout)
        self.assertIn('"note" : "kept"', result.stdout)
        self.assertIn('add: 1', result.stdout)
        self.assertIn('no room left', result.stderr)
        self.assertNotIn('disk I/O error', result.stderr)
        self.assertIn('ok\n2\n', result.stdout)

    def test_symbolic_link_in_path(self):
        real = os.path.join(self.dir, 'real')
        os.mkdir(real)
        os.symlink(real, os.path.join(self.dir, 'link'))
        through_link = os.path.join(self.dir, 'link', 'patella.db')

        self.cli('journal', 'add', '--pain', '2', db=through_link)
        self.assertTrue(os.path.isfile(os.path.join(real, 'patella.db')))
        self.assertIn('at rest 2/10', self.cli('journal', 'list', db=through_link).stdout)

        # The database file itself a link: it works too.
        os.symlink(os.path.join(real, 'patella.db'), os.path.join(self.dir, 'file-link.db'))
        listed = self.cli('journal', 'list', db=os.path.join(self.dir, 'file-link.db'))
        self.assertIn('at rest 2/10', listed.stdout)


if __name__ == '__main__':
    unittest.main(verbosity=2)
