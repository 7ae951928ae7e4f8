#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Fails when a file with translatable strings is missing from po/POTFILES.in,
or when POTFILES.in names a file that does not exist."""

import os
import re
import sys

root = sys.argv[1]
MARKS = {
    '.c': re.compile(r'(?<![A-Za-z0-9_])(_|N_|C_|NC_|ngettext|g_dngettext)\s*\(\s*"'),
    '.ui': re.compile(r'translatable="yes"'),
    '.in': re.compile(r'<_?name>|_?Name=|<summary>|<p>'),
    '.xml': re.compile(r'<summary>'),
}

listed = set()
with open(os.path.join(root, 'po', 'POTFILES.in'), encoding='utf-8') as f:
    for line in f:
        line = line.strip()
        if line and not line.startswith('#'):
            listed.add(line)

problems = []
for path in sorted(listed):
    if not os.path.exists(os.path.join(root, path)):
        problems.append('po/POTFILES.in lists %s, which does not exist' % path)

for top in ('src', 'data'):
    for dirpath, _dirs, files in os.walk(os.path.join(root, top)):
        for name in files:
            path = os.path.relpath(os.path.join(dirpath, name), root)
            ext = os.path.splitext(name)[1]
            if ext not in MARKS or name.endswith(('.gresource.xml', '.service.in')):
                continue
            with open(os.path.join(root, path), encoding='utf-8') as f:
                text = f.read()
            if MARKS[ext].search(text) and path not in listed:
                problems.append('%s has translatable strings but is not in po/POTFILES.in' % path)

for problem in problems:
    print(problem)
sys.exit(1 if problems else 0)
