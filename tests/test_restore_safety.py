#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Restore and hostile database files from the command line. The hostile
files (tests/data/make-hostile-databases.py, generated at test time: a
foreign schema with Sila Desk's identity and version, planted triggers, a
planted view, meta as an endless view, an empty file) are refused by
restore, check and info with a message naming what is wrong, in bounded
time, changing nothing; a restore killed between any two of its steps
leaves an openable database at the path, the old one or the new one; a
user who cannot open a database may not restore over it. Runs with no
display."""
import hashlib
import importlib.util
import os
import signal
import sqlite3
import subprocess

from taplib import (Skip, check, err, headless_env, out, run, sila, sila_bin, source_root, tempdir,
                    test)

_spec = importlib.util.spec_from_file_location(
    'hostile', os.path.join(source_root(), 'tests', 'data', 'make-hostile-databases.py'))
hostile = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(hostile)

# Not a time limit on the test: only so that a hang fails instead of
# stalling the suite.
HANG = 120


def as_admin(**extra):
    e = headless_env(SILA_USER=hostile.ADMIN, SILA_PASSWORD=hostile.ADMIN_PASSWORD)
    e.pop('SILA_TEST_RESTORE_KILL_AFTER', None)
    e.update(extra)
    return e


def digest(path):
    h = hashlib.sha256()
    for suffix in ('', '-wal', '-journal'):
        if os.path.exists(path + suffix):
            with open(path + suffix, 'rb') as f:
                h.update(suffix.encode() + f.read())
    return h.hexdigest()


def association(db):
    r = sila('--database', db, 'settings', 'get', 'association_name', env=as_admin(),
             timeout=HANG)
    check(r.returncode == 0, err(r))
    return out(r).strip()


def files():
    return hostile.make(tempdir(), sila_bin())


@test
def hostile_backups_replace_nothing():
    paths = files()
    folder = tempdir()
    db = os.path.join(folder, 'office.db')
    with open(paths['good.db'], 'rb') as f, open(db, 'wb') as g:
        g.write(f.read())
    os.chmod(db, 0o600)
    for name, words in hostile.HOSTILE.items():
        before = digest(db)
        listing = sorted(os.listdir(folder))
        r = sila('--lang', 'en', '--database', db, 'restore', paths[name], env=as_admin(),
                 timeout=HANG)
        check(r.returncode == 2, (name, r.returncode, err(r)))
        check('Nothing was replaced' in err(r), (name, err(r)))
        for word in words:
            check(word in err(r), (name, word, err(r)))
        if name == 'empty.db':
            check('damaged or incomplete' in err(r), err(r))
        # Byte for byte, and nothing left beside it.
        check(digest(db) == before, name)
        check(sorted(os.listdir(folder)) == listing, (name, os.listdir(folder)))
    r = sila('--lang', 'en', '--database', db, 'check', env=as_admin(), timeout=HANG)
    check(r.returncode == 0 and 'sound' in out(r), err(r))


@test
def hostile_databases_are_refused_by_check_and_info():
    paths = files()
    for name, words in hostile.HOSTILE.items():
        path = paths[name]
        before = digest(path)
        for command in ('check', 'info'):
            r = sila('--lang', 'en', '--database', path, command, env=as_admin(), timeout=HANG)
            check(r.returncode == 2, (name, command, r.returncode, out(r), err(r)))
            check('sound' not in out(r), (name, out(r)))
            for word in words:
                check(word in err(r), (name, command, word, err(r)))
            check('Nothing was changed' in err(r), (name, err(r)))
            if name == 'empty.db':
                # The same words as any other file that is not Sila Desk's.
                check('is a database of another program, not of Sila Desk' in err(r), err(r))
            check(digest(path) == before, (name, command))
        # The empty file did not become a database.
        check(os.path.getsize(paths['empty.db']) == 0)


@test
def a_command_that_creates_a_database_does_not_take_an_empty_file():
    path = os.path.join(tempdir(), 'empty.db')
    with open(path, 'wb'):
        pass
    r = sila('--lang', 'en', '--database', path, 'user', 'add', 'sami', '--role', 'admin',
             env=headless_env(SILA_NEW_PASSWORD=hostile.ADMIN_PASSWORD), timeout=HANG)
    check(r.returncode == 2, (r.returncode, err(r)))
    check('is a database of another program, not of Sila Desk' in err(r), err(r))
    check(os.path.getsize(path) == 0)
    # Where there is no file, it is created, whole, and nothing is left beside it.
    fresh = os.path.join(tempdir(), 'fresh.db')
    r = sila('--database', fresh, 'user', 'add', 'sami', '--role', 'admin',
             env=headless_env(SILA_NEW_PASSWORD=hostile.ADMIN_PASSWORD), timeout=HANG)
    check(r.returncode == 0, err(r))
    check(sorted(os.listdir(os.path.dirname(fresh))) == ['fresh.db'],
          os.listdir(os.path.dirname(fresh)))


@test
def a_planted_trigger_is_not_sound():
    # The database itself, not a backup: planted after it was made.
    paths = files()
    db = paths['good.db']
    r = sila('--lang', 'en', '--database', db, 'check', env=as_admin(), timeout=HANG)
    check(r.returncode == 0, err(r))
    con = sqlite3.connect(db)
    con.execute("CREATE TRIGGER later AFTER INSERT ON audit_log BEGIN "
                "UPDATE staff SET roles = 31; END")
    con.commit()
    con.close()
    r = sila('--lang', 'en', '--database', db, 'check', env=as_admin(), timeout=HANG)
    check(r.returncode != 0 and 'sound' not in out(r), (out(r), err(r)))
    check('an extra trigger “later”' in err(r), err(r))


@test
def restore_killed_between_any_two_steps_leaves_a_database():
    paths = files()
    steps = 7
    for step in range(1, steps + 1):
        folder = tempdir()
        db = os.path.join(folder, 'office.db')
        with open(paths['good.db'], 'rb') as f, open(db, 'wb') as g:
            g.write(f.read())
        os.chmod(db, 0o600)
        backup = os.path.join(folder, 'backup.db')
        r = sila('--database', db, 'settings', 'set', 'association_name', 'in the backup',
                 env=as_admin())
        check(r.returncode == 0, err(r))
        r = sila('--database', db, 'backup', backup, env=as_admin())
        check(r.returncode == 0, err(r))
        r = sila('--database', db, 'settings', 'set', 'association_name', 'after the backup',
                 env=as_admin())
        check(r.returncode == 0, err(r))

        r = sila('--database', db, 'restore', backup,
                 env=as_admin(SILA_TEST_RESTORE_KILL_AFTER=str(step)), timeout=HANG)
        check(r.returncode == -signal.SIGKILL, (step, r.returncode, err(r)))

        r = sila('--lang', 'en', '--database', db, 'check', env=as_admin(), timeout=HANG)
        check(r.returncode == 0 and 'sound' in out(r), (step, out(r), err(r)))
        held = association(db)
        # Up to the rename the old one, from it on the new one.
        check(held == ('in the backup' if step >= 6 else 'after the backup'), (step, held))

    # Past the last step, a restore runs to its end.
    r = sila('--database', db, 'restore', backup,
             env=as_admin(SILA_TEST_RESTORE_KILL_AFTER=str(steps + 1)), timeout=HANG)
    check(r.returncode == 0, err(r))


@test
def restore_needs_whoever_may_replace_the_database():
    if os.geteuid() != 0:
        raise Skip('needs root, to act as another user')
    paths = files()
    folder = tempdir()
    os.chmod(folder, 0o777)
    backup = os.path.join(folder, 'backup.db')
    with open(paths['good.db'], 'rb') as f, open(backup, 'wb') as g:
        g.write(f.read())
    os.chmod(backup, 0o644)
    nobody = ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups']
    home = tempdir()
    os.chmod(home, 0o777)
    env = headless_env(HOME=home, XDG_DATA_HOME=home, XDG_CONFIG_HOME=home, XDG_CACHE_HOME=home)
    for key in ('SILA_USER', 'SILA_PASSWORD', 'SILA_TEST_RESTORE_KILL_AFTER'):
        env.pop(key, None)

    # A database another user owns, readable by them only (with accounts),
    # and one readable by anyone but without accounts: neither is this
    # user's to replace, though the folder lets them write.
    cases = []
    private = os.path.join(folder, 'private.db')
    with open(paths['good.db'], 'rb') as f, open(private, 'wb') as g:
        g.write(f.read())
    os.chmod(private, 0o600)
    cases.append(private)
    open_db = os.path.join(folder, 'no-accounts.db')
    r = sila('--database', open_db, 'settings', 'set', 'association_name', 'x',
             env=headless_env())
    check(r.returncode == 0, err(r))
    os.chmod(open_db, 0o666)
    cases.append(open_db)

    for db in cases:
        before = digest(db)
        r = subprocess.run(nobody + [sila_bin(), '--lang', 'en', '--database', db, 'restore',
                                     backup],
                           env=env, capture_output=True, timeout=HANG)
        check(r.returncode == 1, (db, r.returncode, err(r)))
        check('Only the user who owns' in err(r) and 'Nothing was replaced' in err(r),
              (db, err(r)))
        check(digest(db) == before and os.stat(db).st_uid == 0, db)
        check(not [n for n in os.listdir(folder) if 'restoring' in n or 'before-restore' in n],
              os.listdir(folder))

    # The file's owner may (no accounts to sign in with).
    r = sila('--lang', 'en', '--database', open_db, 'restore', backup, env=headless_env())
    check(r.returncode == 0, err(r))


run()
