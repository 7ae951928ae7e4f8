# SPDX-License-Identifier: GPL-3.0-or-later
"""A real D-Bus notification service for tests: python3-dbusmock's
notification_daemon template on the session bus, with helpers to read what it
received and to answer as a user would (an action chosen, a notification
closed).

Run tests that use it inside a private session bus (dbus-run-session), with
/usr/bin/python3 (Debian's python3-dbusmock and python3-dbus).
"""

import os
import subprocess
import sys
import time

import dbus

BUS_NAME = 'org.freedesktop.Notifications'
PATH = '/org/freedesktop/Notifications'
MOCK_IFACE = 'org.freedesktop.DBus.Mock'


class NotificationDaemon:
    """Starts the mock service; use as a context manager."""

    def __init__(self, capabilities='body actions body-markup'):
        self.capabilities = capabilities
        self.process = None
        self.bus = None
        self.mock = None

    def __enter__(self):
        if 'DBUS_SESSION_BUS_ADDRESS' not in os.environ:
            raise RuntimeError('no session bus: run the test under dbus-run-session')
        self.bus = dbus.SessionBus()
        if self.bus.name_has_owner(BUS_NAME):
            raise RuntimeError(BUS_NAME + ' is already owned on this bus')
        params = '{"capabilities": "%s"}' % self.capabilities
        self.process = subprocess.Popen(
            ['/usr/bin/python3', '-m', 'dbusmock', '--template', 'notification_daemon',
             '-p', params],
            stdout=subprocess.DEVNULL, stderr=sys.stderr)
        deadline = time.monotonic() + 15
        while not self.bus.name_has_owner(BUS_NAME):
            if self.process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError('the mock notification service did not start')
            time.sleep(0.05)
        self.mock = dbus.Interface(self.bus.get_object(BUS_NAME, PATH), MOCK_IFACE)
        return self

    def __exit__(self, *exc):
        if self.process is not None:
            self.process.terminate()
            self.process.wait(timeout=10)
        return False

    def notifications(self):
        """Every Notify call so far, oldest first, as dicts."""
        result = []
        for _timestamp, method, args in self.mock.GetCalls():
            if method != 'Notify':
                continue
            app_name, replaces_id, icon, summary, body, actions, hints, timeout = args
            actions = [str(a) for a in actions]
            result.append({
                'app_name': str(app_name),
                'replaces_id': int(replaces_id),
                'summary': str(summary),
                'body': str(body),
                'actions': dict(zip(actions[0::2], actions[1::2])),
                'hints': {str(k): (str(v) if isinstance(v, dbus.String) else v)
                          for k, v in hints.items()},
            })
        return result

    def wait_for(self, count, timeout=15.0):
        """Waits until at least count notifications arrived; returns them."""
        deadline = time.monotonic() + timeout
        while True:
            found = self.notifications()
            if len(found) >= count or time.monotonic() > deadline:
                return found
            time.sleep(0.05)

    def clear(self):
        self.mock.ClearCalls()

    def invoke_action(self, notification_id, action):
        """Tells the sender that the user chose action on notification_id."""
        self.mock.EmitSignal('org.freedesktop.Notifications', 'ActionInvoked', 'us',
                             [dbus.UInt32(notification_id), action])

    def close(self, notification_id, reason=2):
        self.mock.EmitSignal('org.freedesktop.Notifications', 'NotificationClosed', 'uu',
                             [dbus.UInt32(notification_id), dbus.UInt32(reason)])
