#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The build refuses crossed layers: the checker passes on the real tree and
fails on each kind of violation."""
import os
import subprocess
import sys
import tempfile

from taplib import check, run, source_root, test

CHECKER = os.path.join(source_root(), 'build-aux', 'check-layers.py')


def check_tree(files):
    with tempfile.TemporaryDirectory() as root:
        for rel, text in files.items():
            path = os.path.join(root, rel)
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, 'w', encoding='utf-8') as f:
                f.write(text)
        stamp = os.path.join(root, 'stamp')
        r = subprocess.run([sys.executable, CHECKER, root, stamp], capture_output=True, text=True)
        return r.returncode, r.stderr, os.path.exists(stamp)


BASE = {
    'src/core/sila-thing.h': '#pragma once\n',
    'src/store/sila-box.h': '#pragma once\n',
    'src/ui/sila-window.h': '#pragma once\n',
}


def tree(**extra):
    files = dict(BASE)
    files.update({k.replace('__', '/').replace('_dot_', '.'): v for k, v in extra.items()})
    return files


@test
def real_tree_passes():
    with tempfile.TemporaryDirectory() as tmp:
        stamp = os.path.join(tmp, 'stamp')
        r = subprocess.run([sys.executable, CHECKER, source_root(), stamp],
                           capture_output=True, text=True)
        check(r.returncode == 0, r.stderr)


@test
def clean_tree_passes():
    code, stderr, stamped = check_tree(tree(**{
        'src__core__a_dot_c': '#include "sila-thing.h"\n/* sqlite3_open () is not called */\n',
        'src__store__b_dot_c': '#include "sila-db.h"\nstatic const char *q = "SELECT 1";\n',
        'src__store__sila-db_dot_h': '#pragma once\n',
        'src__store__sqlite__c_dot_c': '#include <sqlite3.h>\n#include "sila-sqlite.h"\n'
                                       'int f (void) { return sqlite3_open (0, 0); }\n',
        'src__store__sqlite__sila-sqlite_dot_h': '#pragma once\n',
        'src__store__postgres__d_dot_c': '#include <libpq-fe.h>\n'
                                         'void f (void) { PQfinish (0); }\n',
    }))
    check(code == 0 and stamped, stderr)


@test
def sqlite_call_in_shared_store_fails():
    code, stderr, stamped = check_tree(tree(
        src__store__a_dot_c='int f (void) { return sqlite3_changes (0); }\n'))
    check(code == 1 and not stamped, stderr)
    check('src/store/a.c:1: src/store outside its engines' in stderr, stderr)
    check('may not call sqlite3_' in stderr, stderr)


@test
def sqlite_header_in_shared_store_fails():
    code, stderr, _ = check_tree(tree(src__store__a_dot_c='#include <sqlite3.h>\n'))
    check(code == 1, stderr)
    check('may not include <sqlite3.h>' in stderr, stderr)


@test
def backend_header_outside_its_folder_fails():
    code, stderr, _ = check_tree(tree(**{
        'src__store__sqlite__sila-sqlite_dot_h': '#pragma once\n',
        'src__store__a_dot_c': '#include "sila-sqlite.h"\n',
    }))
    check(code == 1, stderr)
    check('only src/store/sqlite/ may include sila-sqlite.h' in stderr, stderr)


@test
def libpq_outside_postgres_folder_fails():
    for rel in ('src__store__a_dot_c', 'src__store__sqlite__a_dot_c', 'src__ui__a_dot_c'):
        code, stderr, _ = check_tree(tree(**{rel: 'void f (void) { PQclear (0); }\n'}))
        check(code == 1, (rel, stderr))
        check('may not call PQ' in stderr, (rel, stderr))
        code, stderr, _ = check_tree(tree(**{rel: '#include <libpq-fe.h>\n'}))
        check(code == 1, (rel, stderr))
        check('may not include <libpq-fe.h>' in stderr, (rel, stderr))


@test
def sqlite_in_postgres_folder_fails():
    code, stderr, _ = check_tree(tree(
        src__store__postgres__a_dot_c='int f (void) { return sqlite3_step (0); }\n'))
    check(code == 1, stderr)
    check('src/store/postgres/ may not call sqlite3_' in stderr, stderr)


@test
def sqlite_in_core_fails():
    code, stderr, stamped = check_tree(tree(src__core__a_dot_c='#include <sqlite3.h>\n'))
    check(code == 1 and not stamped)
    check('may not include <sqlite3.h>' in stderr, stderr)


@test
def gtk_in_store_fails():
    code, stderr, _ = check_tree(tree(src__store__a_dot_c='void f (void) { gtk_init (); }\n'))
    check(code == 1)
    check('may not call gtk_' in stderr, stderr)


@test
def gtk_header_in_report_fails():
    code, stderr, _ = check_tree(tree(src__report__a_dot_c='#include <gtk/gtk.h>\n'))
    check(code == 1, stderr)


@test
def higher_header_by_relative_path_fails():
    code, stderr, _ = check_tree(tree(src__core__a_dot_c='#include "../ui/sila-window.h"\n'))
    check(code == 1)
    check('from the ui layer' in stderr, stderr)


@test
def sql_in_ui_fails():
    code, stderr, _ = check_tree(tree(
        src__ui__a_dot_c='static const char *q = "SELECT name FROM beneficiary";\n'))
    check(code == 1)
    check('SQL belongs in src/store' in stderr, stderr)


@test
def sqlite_call_in_app_fails():
    code, stderr, _ = check_tree(tree(src__app__a_dot_c='int f (void) { return sqlite3_open (0, 0); }\n'))
    check(code == 1, stderr)


run()
