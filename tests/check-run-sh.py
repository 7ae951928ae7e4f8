#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""build-aux/run.sh starts Patella from the build folder in the desktop's
language (the build folder's translations) and with its own icon.
  check-run-sh.py SOURCE_ROOT BUILD_ROOT APPLICATION_ID"""

import os
import subprocess
import sys
import unittest

SOURCE, BUILD, APP_ID = sys.argv[1:4]
del sys.argv[1:4]


class RunShTest(unittest.TestCase):
    def environment(self):
        env = dict(os.environ, PATELLA_BUILD_DIR=os.path.relpath(BUILD, SOURCE))
        out = subprocess.run(['bash', os.path.join(SOURCE, 'build-aux', 'run.sh'), '--env'],
                             env=env, check=True, capture_output=True, text=True).stdout
        return dict(line.split('=', 1) for line in out.splitlines())

    def test_translations_found(self):
        localedir = self.environment()['PATELLA_LOCALEDIR']
        self.assertTrue(os.path.exists(os.path.join(localedir, 'de', 'LC_MESSAGES',
                                                    'patella.mo')), localedir)
        # And used: the CLI, given that folder, speaks German.
        cli = os.path.join(BUILD, 'src', 'cli', 'patella-cli')
        env = dict(os.environ, PATELLA_LOCALEDIR=localedir, LANGUAGE='de', LC_ALL='C.UTF-8')
        out = subprocess.run([cli, '--help'], env=env, capture_output=True, text=True).stdout
        self.assertIn('Befehle', out)

    def test_icon_found(self):
        dirs = self.environment()['XDG_DATA_DIRS'].split(':')
        icons = [os.path.join(d, 'icons', 'hicolor', 'scalable', 'apps', APP_ID + '.svg')
                 for d in dirs]
        self.assertTrue(any(os.path.exists(icon) for icon in icons), dirs)


if __name__ == '__main__':
    unittest.main(verbosity=2)
