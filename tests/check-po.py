#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Fails when a translation in po/LINGUAS does not pass msgfmt --check, has
fuzzy or untranslated messages, or lacks a string the sources now have.
  check-po.py MSGFMT PO_DIR LANG…"""

import os
import re
import subprocess
import sys
import tempfile

msgfmt, po_dir, languages = sys.argv[1], sys.argv[2], sys.argv[3:]
COMPLETE = re.compile(r'^\d+ translated messages?\.$')

# The same extraction as meson's glib preset (po/meson.build).
XGETTEXT_ARGS = [
    '--from-code=UTF-8', '--add-comments=Translators',
    '--keyword=_', '--keyword=N_', '--keyword=C_:1c,2', '--keyword=NC_:1c,2',
    '--keyword=g_dcgettext:2', '--keyword=g_dngettext:2,3', '--keyword=g_dpgettext2:2c,3',
]


def current_template(tmp):
    root = os.path.dirname(po_dir)
    pot = os.path.join(tmp, 'current.pot')
    subprocess.run(['xgettext', '--package-name=patella', '-f', os.path.join(po_dir, 'POTFILES.in'),
                    '-D', root, '-o', pot] + XGETTEXT_ARGS, check=True, capture_output=True)
    return pot


problems = []
with tempfile.TemporaryDirectory() as tmp:
    pot = current_template(tmp)
    for lang in languages:
        path = os.path.join(po_dir, lang + '.po')
        missing = subprocess.run(['msgcmp', path, pot], capture_output=True, text=True,
                                 env=dict(os.environ, LC_ALL='C'))
        if missing.returncode != 0:
            print(missing.stderr.strip())
            problems.append('%s.po lacks strings the sources have: run `meson compile '
                            'patella-update-po` and translate them' % lang)

for lang in languages:
    path = os.path.join(po_dir, lang + '.po')
    result = subprocess.run([msgfmt, '--check', '--statistics', '-o', os.devnull, path],
                            capture_output=True, text=True, env=dict(os.environ, LC_ALL='C'))
    report = result.stderr.strip()
    print('%s: %s' % (lang, report))
    if result.returncode != 0:
        problems.append('%s.po does not pass msgfmt --check' % lang)
    elif not COMPLETE.match(report.splitlines()[-1] if report else ''):
        problems.append('%s.po is not complete: %s' % (lang, report))

for problem in problems:
    print(problem)
sys.exit(1 if problems else 0)
