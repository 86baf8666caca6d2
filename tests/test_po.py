#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Arabic first, English complete: po/ar.po translates every string the
sources hold, and po/POTFILES lists every file that holds one."""
import os
import re
import subprocess
import tempfile

from taplib import check, run, source_root, test

TRANSLATABLE = re.compile(r'\b(N?_|C_|NC_|ngettext|g_dngettext)\s*\(\s*"|translatable="yes"')


def potfiles():
    with open(os.path.join(source_root(), 'po', 'POTFILES'), encoding='utf-8') as f:
        return [line.strip() for line in f if line.strip() and not line.startswith('#')]


@test
def arabic_is_complete():
    r = subprocess.run(['msgfmt', '--check', '--statistics', '-o', '/dev/null',
                        os.path.join(source_root(), 'po', 'ar.po')],
                       capture_output=True, text=True)
    check(r.returncode == 0, r.stderr)
    check('untranslated' not in r.stderr and 'fuzzy' not in r.stderr, r.stderr)


@test
def every_source_string_is_in_arabic():
    with tempfile.TemporaryDirectory() as tmp:
        pot = os.path.join(tmp, 'sila.pot')
        r = subprocess.run(
            ['xgettext', '--from-code=UTF-8', '--directory', source_root(),
             '--files-from', os.path.join(source_root(), 'po', 'POTFILES'),
             '--output', pot,
             '--keyword=_', '--keyword=N_', '--keyword=C_:1c,2', '--keyword=NC_:1c,2',
             '--keyword=ngettext:1,2', '--keyword=g_dngettext:2,3',
             '--flag=N_:1:pass-c-format', '--flag=_:1:pass-c-format'],
            capture_output=True, text=True)
        check(r.returncode == 0, r.stderr)
        r = subprocess.run(['msgcmp', '--use-untranslated',
                            os.path.join(source_root(), 'po', 'ar.po'), pot],
                           capture_output=True, text=True)
        check(r.returncode == 0, 'strings missing from po/ar.po (run build-aux/update-po.sh):\n'
              + r.stderr)


@test
def potfiles_lists_every_file_with_strings():
    listed = set(potfiles())
    missing = []
    for top in ('src', 'ui', 'data'):
        for dirpath, _, names in os.walk(os.path.join(source_root(), top)):
            for name in names:
                if not name.endswith(('.c', '.h', '.ui', '.in', '.xml')):
                    continue
                path = os.path.join(dirpath, name)
                rel = os.path.relpath(path, source_root())
                with open(path, encoding='utf-8', errors='replace') as f:
                    text = f.read()
                if TRANSLATABLE.search(text) and rel not in listed:
                    missing.append(rel)
    check(not missing, f'not in po/POTFILES: {missing}')


@test
def potfiles_entries_exist():
    gone = [p for p in potfiles() if not os.path.exists(os.path.join(source_root(), p))]
    check(not gone, gone)


@test
def no_middle_dot_between_parts():
    """The middle dot reads as the Arabic zero beside Arabic-Indic digits
    ("مجهول الهوية · ٣ ديسمبر" as "٣٠ ديسمبر"): lines are joined with
    sila_display_join() or SILA_DISPLAY_SEPARATOR (src/core/sila-display.h),
    never with a dot, in the sources, the Builder files or the catalogue."""
    found = []
    for top in ('src', 'ui'):
        for dirpath, _, names in os.walk(os.path.join(source_root(), top)):
            for name in names:
                if not name.endswith(('.c', '.h', '.ui')):
                    continue
                path = os.path.join(dirpath, name)
                with open(path, encoding='utf-8', errors='replace') as f:
                    for number, line in enumerate(f, 1):
                        if '\u00b7' in line:
                            found.append(f'{os.path.relpath(path, source_root())}:{number}')
    with open(os.path.join(source_root(), 'po', 'ar.po'), encoding='utf-8') as f:
        for number, line in enumerate(f, 1):
            if line.startswith('msgstr') and ('\u00b7' in line):
                found.append(f'po/ar.po:{number}')
    check(not found, f'a dot between the parts of a line: {found}')


run()
