#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Refuse a build whose layers are crossed (SPEC.md, Architecture).

Include paths already keep a lower layer from finding a higher layer's
headers; this catches the rest: system headers that are always on the path
(sqlite3.h), calls into a library a layer must not use, a higher layer's
header reached by a relative path, and SQL written outside src/store.

usage: check-layers.py SOURCE_ROOT STAMP_FILE
"""
import os
import re
import sys

LAYERS = ['core', 'store', 'report', 'ui', 'app']

# What each layer may not touch: include patterns and identifier prefixes.
FORBIDDEN = {
    'core':   (r'sqlite3\.h|gtk/|adwaita\.h|gdk/|xlsxwriter|cairo|pango',
               r'sqlite3_|gtk_|adw_|gdk_|lxw_|workbook_|worksheet_|cairo_|pango_'),
    'store':  (r'gtk/|adwaita\.h|gdk/|xlsxwriter|cairo|pango',
               r'gtk_|adw_|gdk_|lxw_|workbook_|worksheet_|cairo_|pango_'),
    'report': (r'sqlite3\.h|sila-store-private\.h|gtk/|adwaita\.h|gdk/',
               r'sqlite3_|gtk_|adw_|gdk_'),
    'ui':     (r'sqlite3\.h|sila-store-private\.h', r'sqlite3_'),
    'app':    (r'sqlite3\.h|sila-store-private\.h', r'sqlite3_'),
}

SQL = re.compile(r'"\s*(SELECT\s|INSERT\s+INTO|UPDATE\s+\w+\s+SET|DELETE\s+FROM|'
                 r'CREATE\s+(TABLE|INDEX|TRIGGER|VIRTUAL)|PRAGMA\s|BEGIN\s+IMMEDIATE)')
INCLUDE = re.compile(r'^\s*#\s*include\s*[<"]([^>"]+)[>"]', re.M)


def strip_comments(text):
    text = re.sub(r'/\*.*?\*/', lambda m: '\n' * m.group(0).count('\n'), text, flags=re.S)
    return re.sub(r'//[^\n]*', '', text)


def layer_of(rel):
    parts = rel.split(os.sep)
    if parts[0] != 'src':
        return None
    if len(parts) == 2:
        return 'app'  # src/main.c
    return parts[1] if parts[1] in LAYERS else None


def main(root, stamp):
    src = os.path.join(root, 'src')
    header_layer = {}
    files = []
    for dirpath, _, names in os.walk(src):
        for name in names:
            if not name.endswith(('.c', '.h')):
                continue
            rel = os.path.relpath(os.path.join(dirpath, name), root)
            layer = layer_of(rel)
            if layer is None:
                continue
            files.append((rel, layer))
            if name.endswith('.h'):
                header_layer[name] = layer

    problems = []
    for rel, layer in sorted(files):
        with open(os.path.join(root, rel), encoding='utf-8') as f:
            text = strip_comments(f.read())
        inc_re, ident_re = FORBIDDEN[layer]
        rank = LAYERS.index(layer)
        for lineno, line in enumerate(text.splitlines(), 1):
            m = INCLUDE.match(line)
            if m:
                target = m.group(1)
                base = os.path.basename(target)
                if re.search(inc_re, target):
                    problems.append(f'{rel}:{lineno}: the {layer} layer may not include <{target}>')
                elif base in header_layer and LAYERS.index(header_layer[base]) > rank:
                    problems.append(f'{rel}:{lineno}: the {layer} layer may not include '
                                    f'{target} from the {header_layer[base]} layer')
                continue
            if re.search(r'\b(' + ident_re + r')\w*\s*\(', line):
                problems.append(f'{rel}:{lineno}: the {layer} layer may not call '
                                f'{re.search(ident_re, line).group(0)}…')
            if layer != 'store' and SQL.search(line):
                problems.append(f'{rel}:{lineno}: SQL belongs in src/store only')

    if problems:
        print('Layer violations (SPEC.md, Architecture):', file=sys.stderr)
        for p in problems:
            print('  ' + p, file=sys.stderr)
        return 1

    with open(stamp, 'w') as f:
        f.write('ok\n')
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1], sys.argv[2]))
