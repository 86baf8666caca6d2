#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Writes the hostile database files that restore, check, info and the
window must refuse, into OUTDIR. Generated at test time (nothing is
committed but this script), because all but two start from a real database
of the current data format made by the sila executable ($SILA_BIN, or the
second argument):

  foreign-schema.db  Sila Desk's application_id and data format, other tables
  extra-trigger.db   a real database with two planted triggers: one silences
                     the audit trail, one gives every account all roles
  extra-view.db      a real database with a planted view
  meta-view.db       a real database whose meta table is an endless view
  empty.db           zero bytes

It also leaves good.db there: the real database they were made from, with
an administrator "sami" (password below) and an association name.

usage: make-hostile-databases.py OUTDIR [SILA_BIN]"""
import os
import shutil
import sqlite3
import subprocess
import sys

ADMIN = 'sami'
ADMIN_PASSWORD = 'the admin passphrase'
ASSOCIATION = 'جمعية الاختبار'
APPLICATION_ID = 0x53494C41

# What each file is, and words each message about it names (English).
HOSTILE = {
    'foreign-schema.db': ['an extra table “addresses”', 'the table “audit_log” is missing'],
    'extra-trigger.db': ['an extra trigger “audit_log_quiet”',
                         'an extra trigger “staff_all_roles”'],
    'extra-view.db': ['an extra view “staff_passwords”'],
    'meta-view.db': ['the table “meta” is missing', 'an extra view “meta”'],
    'empty.db': [],
}


def _sila(sila_bin, db, *args, **env):
    full = dict(os.environ)
    for key in ('DISPLAY', 'WAYLAND_DISPLAY', 'SILA_USER', 'SILA_PASSWORD'):
        full.pop(key, None)
    full.update(env)
    r = subprocess.run([sila_bin, '--lang', 'en', '--database', db, *args], env=full,
                       capture_output=True, timeout=120)
    if r.returncode != 0:
        raise RuntimeError(f'sila {args}: {r.stderr.decode("utf-8", "replace")}')


def _plant(path, sql):
    con = sqlite3.connect(path)
    try:
        con.executescript(sql)
        con.execute('PRAGMA journal_mode = DELETE')
    finally:
        con.close()


def make(outdir, sila_bin=None):
    """Writes the files; returns {name: path}, good.db included."""
    sila_bin = sila_bin or os.environ['SILA_BIN']
    os.makedirs(outdir, exist_ok=True)
    good = os.path.join(outdir, 'good.db')
    _sila(sila_bin, good, 'user', 'add', ADMIN, '--role', 'admin',
          SILA_NEW_PASSWORD=ADMIN_PASSWORD)
    _sila(sila_bin, good, 'settings', 'set', 'association_name', ASSOCIATION,
          SILA_USER=ADMIN, SILA_PASSWORD=ADMIN_PASSWORD)
    con = sqlite3.connect(good)
    try:
        version = con.execute('PRAGMA user_version').fetchone()[0]
        con.execute('PRAGMA journal_mode = DELETE')
    finally:
        con.close()

    paths = {'good.db': good}
    for name in HOSTILE:
        paths[name] = os.path.join(outdir, name)

    con = sqlite3.connect(paths['foreign-schema.db'])
    try:
        con.execute(f'PRAGMA application_id = {APPLICATION_ID}')
        con.execute(f'PRAGMA user_version = {version}')
        con.execute('CREATE TABLE addresses (name TEXT, phone TEXT)')
        con.execute("INSERT INTO addresses VALUES ('x', '0500000000')")
        con.commit()
    finally:
        con.close()

    for name in ('extra-trigger.db', 'extra-view.db', 'meta-view.db'):
        shutil.copyfile(good, paths[name])
    _plant(paths['extra-trigger.db'], '''
        CREATE TRIGGER audit_log_quiet BEFORE INSERT ON audit_log
          WHEN NEW.action = 'delete' BEGIN SELECT RAISE (IGNORE); END;
        CREATE TRIGGER staff_all_roles AFTER INSERT ON audit_log
          BEGIN UPDATE staff SET roles = 31; END;''')
    _plant(paths['extra-view.db'], '''
        CREATE VIEW staff_passwords AS SELECT username, password_hash FROM staff;''')
    _plant(paths['meta-view.db'], '''
        DROP TABLE meta;
        CREATE VIEW meta (key, value) AS
          WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n)
          SELECT 'k' || i, 'v' FROM n;''')
    with open(paths['empty.db'], 'wb'):
        pass
    for path in paths.values():
        os.chmod(path, 0o600)

    return paths


if __name__ == '__main__':
    if len(sys.argv) not in (2, 3):
        sys.exit(__doc__)
    for name, path in make(sys.argv[1], sys.argv[2] if len(sys.argv) == 3 else None).items():
        print(path)
