# SPDX-License-Identifier: GPL-3.0-or-later
"""What the end-to-end tests share: the real application started in the
background on a fake clock (app-helper), a database in a folder of its own,
and waiting for something while the application catches up."""

import os
import sqlite3
import subprocess
import tempfile
import time
import unittest

HELPER = os.environ['PATELLA_APP_HELPER']


class App:
    """The application under test, with time under the test's control."""

    def __init__(self, db, now):
        env = dict(os.environ, PATELLA_DB=db, PATELLA_TEST_NOW=now)
        self.process = subprocess.Popen([HELPER, '--background'], env=env, text=True,
                                        stdin=subprocess.PIPE, stdout=subprocess.PIPE)

    def advance(self, seconds):
        self.process.stdin.write('advance %d\n' % seconds)
        self.process.stdin.flush()
        self.process.stdout.readline()

    def settle(self):
        self.advance(0)

    def quit(self):
        if self.process.poll() is None:
            self.process.stdin.write('quit\n')
            self.process.stdin.flush()
            self.process.wait(timeout=30)
        return self.process.returncode


def query(db, sql):
    """What another program reads from the database."""
    with sqlite3.connect(db) as conn:
        return conn.execute(sql).fetchall()


def wait_for(app, found, count, seconds=15):
    """Lets @app settle until found() lists @count things, for @seconds at
    most; returns what found() lists last."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        app.settle()
        items = found()
        if len(items) >= count:
            return items
        time.sleep(0.05)
    return found()


class DatabaseTestCase(unittest.TestCase):
    """A test with self.db, a database path in a folder removed afterwards."""

    def setUp(self):
        self.dir = tempfile.TemporaryDirectory()
        self.db = os.path.join(self.dir.name, 'patella.db')

    def tearDown(self):
        self.dir.cleanup()
