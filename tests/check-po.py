#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Fails when a translation in po/LINGUAS does not pass msgfmt --check, or
has fuzzy or untranslated messages.
  check-po.py MSGFMT PO_DIR LANG…"""

import os
import re
import subprocess
import sys

msgfmt, po_dir, languages = sys.argv[1], sys.argv[2], sys.argv[3:]
COMPLETE = re.compile(r'^\d+ translated messages?\.$')

problems = []
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
