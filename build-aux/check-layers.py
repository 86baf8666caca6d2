#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Refuse a build whose layers are crossed (SPEC.md, Architecture).

Include paths already keep a lower layer from finding a higher layer's
headers; this catches the rest: system headers that are always on the path
(sqlite3.h), calls into a library a layer must not use, a higher layer's
header reached by a relative path, and SQL written outside src/store.

Inside src/store, each database engine has a folder of its own (the
backends below): only src/store/sqlite/ may call SQLite (sqlite3_…,
<sqlite3.h>), only src/store/postgres/ libpq (PQ…, <libpq-fe.h>), and no
other file includes a backend's headers; the rest of the store speaks the
driver seam of src/store/sila-db.h.

usage: check-layers.py SOURCE_ROOT STAMP_FILE
"""
import os
import re
import sys

LAYERS = ['core', 'store', 'report', 'ui', 'app']

# What each layer may not touch: include patterns and identifier prefixes.
FORBIDDEN = {
    'core':   (r'sqlite3\.h|libpq-fe\.h|gtk/|adwaita\.h|gdk/|xlsxwriter|cairo|pango',
               r'sqlite3_|PQ|gtk_|adw_|gdk_|lxw_|workbook_|worksheet_|cairo_|pango_'),
    'store':  (r'gtk/|adwaita\.h|gdk/|xlsxwriter|cairo|pango',
               r'gtk_|adw_|gdk_|lxw_|workbook_|worksheet_|cairo_|pango_'),
    'report': (r'sqlite3\.h|libpq-fe\.h|sila-store-private\.h|gtk/|adwaita\.h|gdk/',
               r'sqlite3_|PQ|gtk_|adw_|gdk_'),
    'ui':     (r'sqlite3\.h|libpq-fe\.h|sila-store-private\.h', r'sqlite3_|PQ'),
    'app':    (r'sqlite3\.h|libpq-fe\.h|sila-store-private\.h', r'sqlite3_|PQ'),
}

# The database engines' folders in src/store, and what only each may use.
BACKENDS = {
    'sqlite':   (r'sqlite3\.h', r'sqlite3_'),
    'postgres': (r'libpq-fe\.h', r'PQ'),
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


def backend_of(rel):
    parts = rel.split(os.sep)
    if len(parts) > 3 and parts[:2] == ['src', 'store'] and parts[2] in BACKENDS:
        return parts[2]
    return None


def store_forbidden(backend):
    """Include and identifier patterns a store file of @backend (None: the
    shared store) may not use: every other backend's."""
    others = [name for name in BACKENDS if name != backend]
    return ('|'.join(BACKENDS[name][0] for name in others),
            '|'.join(BACKENDS[name][1] for name in others))


def main(root, stamp):
    src = os.path.join(root, 'src')
    header_layer = {}
    header_backend = {}
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
                if backend_of(rel) is not None:
                    header_backend[name] = backend_of(rel)

    problems = []
    for rel, layer in sorted(files):
        with open(os.path.join(root, rel), encoding='utf-8') as f:
            text = strip_comments(f.read())
        inc_re, ident_re = FORBIDDEN[layer]
        backend = backend_of(rel)
        engine_inc_re, engine_ident_re = store_forbidden(backend)
        where = f'src/store/{backend}/' if backend else 'src/store outside its engines\' folders'
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
                elif layer == 'store' and re.search(engine_inc_re, target):
                    problems.append(f'{rel}:{lineno}: {where} may not include <{target}>')
                elif base in header_backend and header_backend[base] != backend:
                    problems.append(f'{rel}:{lineno}: only src/store/{header_backend[base]}/ '
                                    f'may include {target}')
                continue
            m = re.search(r'\b(' + ident_re + r')\w*\s*\(', line)
            if m:
                problems.append(f'{rel}:{lineno}: the {layer} layer may not call '
                                f'{m.group(1)}…')
            elif layer == 'store':
                m = re.search(r'\b(' + engine_ident_re + r')\w*\s*\(', line)
                if m:
                    problems.append(f'{rel}:{lineno}: {where} may not call {m.group(1)}…')
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
