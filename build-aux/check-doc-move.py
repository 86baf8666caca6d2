#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""For developers: after moving text out of README.md, check that nothing was
lost. Every line of the old README (headings and markup aside) must appear,
whitespace and relative link prefixes aside, in the new README.md, HACKING.md
or docs/*.md. Prints the lines it cannot find; exit 1 if any.

usage: git show main:README.md > /tmp/old.md
       build-aux/check-doc-move.py /tmp/old.md
"""
import glob
import os
import re
import sys

root = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..')


def normal(line):
    line = line.replace('](../', '](')
    return ' '.join(line.split())


def main():
    with open(sys.argv[1], encoding='utf-8') as f:
        old = f.read().splitlines()
    new = []
    for path in ['README.md', 'HACKING.md'] + sorted(glob.glob(os.path.join(root, 'docs', '*.md'))):
        with open(os.path.join(root, path), encoding='utf-8') as f:
            new.append(normal(f.read().replace('\n', ' ')))
    text = ' '.join(new)
    missing = []
    for number, line in enumerate(old, 1):
        if not line.strip() or line.startswith('#') or re.fullmatch(r'\s*(---|</?details>.*)\s*', line):
            continue
        if normal(line) not in text:
            missing.append((number, line))
    figures = sum(1 for line in old if re.search(r'\d', line))
    for number, line in missing:
        print(f'{number}: {line}')
    print(f'{len(old)} lines, {figures} with figures; {len(missing)} not found', file=sys.stderr)
    return 1 if missing else 0


sys.exit(main())
