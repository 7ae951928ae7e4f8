#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""What a screen reader hears: the real application, with the AT-SPI bus
started inside the test's private D-Bus session, walked view by view and
dialog by dialog. Every element a user can act on must have a proper name:
not empty, not a class name, no raw mnemonic underscore, not said twice."""

import os
import re
import subprocess
import tempfile
import time
import unittest

HELPER = os.environ['PATELLA_A11Y_HELPER']
CLI = os.environ['PATELLA_CLI']
LAUNCHER = '/usr/libexec/at-spi-bus-launcher'

# (what the test does, commands for the helper) in the order a user meets them.
SCENES = [
    ('Journal', ['action app.show-view "journal"']),
    ('Journal search', ['action win.search']),
    ('Journal editor', ['action win.edit-today']),
    ('Journal history', ['action journal.show-history']),
    ('Toast', ['toast Saved']),
    ('Main menu', ['action app.show-view "journal"', 'popup-menu'], 'popdown'),
    ('Timers', ['action app.show-view "timers"']),
    ('Icing running', ['action timers.ice-start-pause']),
    ('Icing stopped', ['action timers.ice-stop']),
    ('Routine running', ['action timers.routine-start']),
    ('Routine ended', ['action timers.routine-end']),
    ('Routine discarded', ['action timers.routine-discard']),
    ('Routine editor', ['action timers.routine-new'], 'close'),
    ('Shoes', ['action app.show-view "shoes"']),
    ('Shoe page', ['action shoes.open-shoe int64 1']),
    ('Shoes back', ['action shoes.back']),
    ('New shoes', ['action shoes.add-shoe']),
    ('Shoes again', ['action shoes.back']),
    ('Log run', ['action win.log-run'], 'close'),
    ('Preferences', ['action app.preferences'], 'close'),
    ('Guidance', ['action app.guidance'], 'close'),
    ('Report', ['action app.clinician-report'], 'close'),
    ('About', ['action app.about'], 'close'),
    ('Shortcuts', ['action win.show-help-overlay'], 'close'),
]

# Roles of elements a user acts on.
ACTIONABLE = {
    'push button', 'toggle button', 'check box', 'radio button', 'menu item',
    'check menu item', 'radio menu item', 'combo box', 'entry', 'password text',
    'slider', 'spin button', 'list item', 'link', 'page tab', 'switch', 'text',
    'menu button', 'toggle', 'expander', 'search bar',
}
CLASS_NAME = re.compile(r'^(Gtk|Adw|Patella)[A-Z]\w*$')
MNEMONIC = re.compile(r'(^|[^_])_[^\s_]')


def doubled(name):
    """True when the name says its beginning again, as when a label is given
    both as the name and as the label the element is labelled by."""
    words = re.findall(r'\w+', name.lower())
    n = len(words)
    if n == 2 and words[0] == words[1]:
        return True
    for size in range(2, n // 2 + 1):
        first = words[:size]
        for other in range(size, n - size + 1):
            if words[other:other + size] == first:
                return True
    return False


def problem(name):
    if not name or not name.strip():
        return 'no name'
    if CLASS_NAME.match(name):
        return 'class name'
    if MNEMONIC.search(name):
        return 'raw mnemonic'
    if doubled(name):
        return 'said twice'
    return None


class A11yTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.dir = tempfile.TemporaryDirectory()
        db = os.path.join(cls.dir.name, 'patella.db')
        env = dict(os.environ, PATELLA_DB=db)
        today = '2026-03-10'
        for day, pain in (('2026-03-08', 3), ('2026-03-09', 2), (today, 1)):
            subprocess.run([CLI, 'journal', 'add', '--date', day, '--pain', str(pain),
                            '--symptom', 'swelling', '--note', 'Stairs hurt'],
                           env=env, check=True, stdout=subprocess.DEVNULL)
        subprocess.run([CLI, 'shoe', 'add', '--default', 'Daily trainer'], env=env,
                       check=True, stdout=subprocess.DEVNULL)
        subprocess.run([CLI, 'run', 'add', '--date', '2026-03-09', '--distance', '5km',
                        '--pain', '2'], env=env, check=True, stdout=subprocess.DEVNULL)

        # The accessibility bus, on the private session bus of the test.
        cls.launcher = subprocess.Popen([LAUNCHER, '--launch-immediately'],
                                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(0.5)

        import gi
        gi.require_version('Atspi', '2.0')
        import pyatspi
        cls.pyatspi = pyatspi

        app_env = dict(env, PATELLA_TEST_NOW=today + 'T09:00:00+01:00')
        app_env.pop('NO_AT_BRIDGE', None)
        app_env.pop('GTK_A11Y', None)
        cls.app = subprocess.Popen([HELPER], env=app_env, text=True,
                                   stdin=subprocess.PIPE, stdout=subprocess.PIPE)
        cls.command('action app.show-view "journal"')
        cls.root = cls.find_application()

    @classmethod
    def tearDownClass(cls):
        if cls.app.poll() is None:
            cls.app.stdin.write('quit\n')
            cls.app.stdin.flush()
            try:
                cls.app.wait(timeout=30)
            except subprocess.TimeoutExpired:
                cls.app.kill()
        cls.launcher.terminate()
        cls.launcher.wait()
        cls.dir.cleanup()

    @classmethod
    def command(cls, line):
        cls.app.stdin.write(line + '\n')
        cls.app.stdin.flush()
        answer = cls.app.stdout.readline().strip()
        if answer != 'ok':
            raise AssertionError('the application did not do "%s"' % line)

    @classmethod
    def find_application(cls):
        desktop = cls.pyatspi.Registry.getDesktop(0)
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            for app in desktop:
                try:
                    if app is not None and app.get_process_id() == cls.app.pid:
                        return app
                except Exception:
                    pass
            time.sleep(0.2)
        raise AssertionError('the application never appeared on the accessibility bus')

    def walk(self, node, found, seen, path):
        pyatspi = self.pyatspi
        try:
            states = node.getState()
            role = node.getRoleName()
            name = node.name or ''
        except Exception:
            return
        if node in seen:
            return
        seen.append(node)
        # GTK 4.8 says "showing" of windows only; closed windows are hidden.
        if not states.contains(pyatspi.STATE_VISIBLE) and role != 'application':
            return
        focusable = states.contains(pyatspi.STATE_FOCUSABLE)
        # A row that only holds controls is not itself something to act on.
        actionable = focusable or role in ACTIONABLE and role not in ('list item', 'table cell')
        if actionable and role not in ('frame', 'window', 'dialog', 'label', 'panel',
                                       'filler', 'scroll pane', 'list', 'list box',
                                       'table', 'tree', 'image', 'separator'):
            why = problem(name)
            if why is not None:
                inside = ', '.join('%s "%s"' % (c.getRoleName(), c.name) for c in node
                                   if c is not None)
                found.append('%s: %s "%s" (holding %s) at %s'
                             % (why, role, name, inside, ' > '.join(path[-6:])))
        elif name and role not in ('label', 'text', 'paragraph', 'panel') and \
                (MNEMONIC.search(name) or doubled(name)):
            found.append('%s: %s "%s" at %s' % ('raw mnemonic' if MNEMONIC.search(name)
                                                else 'said twice', role, name,
                                                ' > '.join(path[-6:])))
        for i in range(node.childCount):
            try:
                child = node.getChildAtIndex(i)
            except Exception:
                continue
            if child is not None:
                self.walk(child, found, seen, path + ['%s "%s"' % (role, name[:30])])

    def problems(self):
        # The tree follows the application a moment later.
        time.sleep(0.3)
        found = []
        seen = []
        self.walk(self.root, found, seen, [])
        # A tree that cannot be read would pass for a clean one.
        self.assertGreater(len(seen), 20, 'the accessibility tree could not be read')
        if os.environ.get('PATELLA_A11Y_DUMP'):
            for node in seen:
                print('  %s "%s"' % (node.getRoleName(), node.name))
        return sorted(set(found))

    def test_every_actionable_element_has_a_proper_name(self):
        report = []
        for scene in SCENES:
            title, commands = scene[0], scene[1]
            for line in commands:
                self.command(line)
            for line in self.problems():
                report.append('%s: %s' % (title, line))
            if len(scene) > 2:
                self.command(scene[2])
        print('\n'.join(report))
        print('%d unnamed or badly named elements' % len(report))
        self.assertEqual(report, [])


if __name__ == '__main__':
    unittest.main(verbosity=2)
