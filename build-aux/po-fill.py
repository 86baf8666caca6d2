#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""For developers: fill untranslated entries of a .po file from a JSON map.

usage: po-fill.py po/ar.po translations.json
The JSON maps each English msgid to its translation; a plural entry maps to a
list of the six Arabic forms. Needs python3-polib.
"""
import json
import sys

import polib

po = polib.pofile(sys.argv[1], wrapwidth=0)
with open(sys.argv[2], encoding='utf-8') as f:
    table = json.load(f)
filled = 0
for entry in po:
    if entry.obsolete or entry.translated():
        continue
    value = table.get(entry.msgid)
    if value is None:
        continue
    if entry.msgid_plural:
        forms = value if isinstance(value, list) else [value] * 6
        entry.msgstr_plural = {i: form for i, form in enumerate(forms)}
    else:
        entry.msgstr = value
    if 'fuzzy' in entry.flags:
        entry.flags.remove('fuzzy')
    filled += 1
po.save(sys.argv[1])
missing = [e.msgid for e in po if not e.obsolete and not e.translated()]
print(f'filled {filled}, still untranslated {len(missing)}')
for m in missing:
    print('  ' + m.replace('\n', '\\n'))
