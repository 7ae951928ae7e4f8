#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Installs the build into a DESTDIR and checks that every file lands where
GNOME expects it."""

import os
import subprocess
import sys
import tempfile

build_dir, prefix, app_id = sys.argv[1:4]
linguas = sys.argv[4:]

with tempfile.TemporaryDirectory() as destdir:
    subprocess.run(['meson', 'install', '-C', build_dir, '--no-rebuild', '--quiet',
                    '--destdir', destdir], check=True, stdout=subprocess.DEVNULL)
    root = destdir + prefix
    expected = [
        'bin/patella',
        'bin/patella-cli',
        'share/applications/%s.desktop' % app_id,
        'share/dbus-1/services/%s.service' % app_id,
        'share/metainfo/%s.metainfo.xml' % app_id,
        'share/glib-2.0/schemas/io.github.patella.Patella.gschema.xml',
        'share/icons/hicolor/scalable/apps/%s.svg' % app_id,
        'share/icons/hicolor/symbolic/apps/%s-symbolic.svg' % app_id,
    ] + ['share/locale/%s/LC_MESSAGES/patella.mo' % lang for lang in linguas]
    missing = [path for path in expected if not os.path.isfile(os.path.join(root, path))]
    for path in ('bin/patella', 'bin/patella-cli'):
        full = os.path.join(root, path)
        if os.path.isfile(full) and not os.access(full, os.X_OK):
            missing.append(path + ' (not executable)')
    for path in missing:
        print('not installed: ' + path)
    sys.exit(1 if missing else 0)
