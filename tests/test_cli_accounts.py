#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Accounts, identity, backups and the audit trail from the command line:
the forms scripts rely on, exit status (0 done, 1 refused, 2 bad usage or
unreadable file), messages in both languages, passwords typed on a terminal
without echo, and hostile arguments. Runs with no display."""
import json
import os
import pty
import re
import select
import sqlite3
import stat
import time

import taplib
from taplib import (check, err, file_only, headless_env, new_database, out, run, sila, sila_bin,
                    source_root, tempdir, test)

ADMIN_PW = 'the admin passphrase'
OFFICER_PW = 'an officer passphrase'


def env(**extra):
    base = {k: None for k in ('SILA_USER', 'SILA_PASSWORD', 'SILA_NEW_PASSWORD')}
    base.update(extra)
    e = headless_env()
    for k, v in base.items():
        if v is None:
            e.pop(k, None)
        else:
            e[k] = v
    return e


def as_admin(**extra):
    return env(SILA_USER='sami', SILA_PASSWORD=ADMIN_PW, **extra)


def as_officer(**extra):
    return env(SILA_USER='huda', SILA_PASSWORD=OFFICER_PW, **extra)


def office():
    """A database with an administrator (sami) and an officer (huda)."""
    db = new_database()
    r = sila('--database', db, 'user', 'add', 'sami', '--role', 'admin', '--role', 'manager',
             '--display-name', 'سامي العتيبي', env=env(SILA_NEW_PASSWORD=ADMIN_PW))
    check(r.returncode == 0, err(r))
    r = sila('--database', db, 'user', 'add', 'huda', '--role', 'officer',
             env=as_admin(SILA_NEW_PASSWORD=OFFICER_PW))
    check(r.returncode == 0, err(r))
    return db


def identity(db):
    """What a restore would change: the file itself (its inode) and what it
    holds. Signing in adds audit entries, which is not a replacement."""
    con = sqlite3.connect(db)
    try:
        held = (con.execute('SELECT group_concat(username) FROM staff').fetchone(),
                con.execute('SELECT group_concat(key || value) FROM office_settings').fetchone(),
                con.execute("SELECT value FROM meta WHERE key = 'device_id'").fetchone())
    finally:
        con.close()
    return os.stat(db).st_ino, held


def query(db, sql):
    return taplib.query(db, sql)


@test
def first_account_must_be_an_administrator():
    db = os.path.join(tempdir(), 'new.db')
    r = sila('--lang', 'en', '--database', db, 'user', 'add', 'huda', '--role', 'officer',
             env=env(SILA_NEW_PASSWORD=OFFICER_PW))
    check(r.returncode == 1, r.returncode)
    check('first account must be an administrator' in err(r), err(r))
    r = sila('--database', db, 'user', 'add', 'huda', '--role', 'officer',
             env=env(SILA_NEW_PASSWORD=OFFICER_PW))
    check('مسؤول نظام' in err(r), err(r))
    check(query(db, 'SELECT count(*) FROM staff') == [(0,)])


@test
def owner_until_the_first_account_then_sign_in():
    db = new_database()
    # No account: the owner, with every role.
    r = sila('--database', db, 'settings', 'set', 'answer_window_days', '20', env=env())
    check(r.returncode == 0, err(r))
    r = sila('--lang', 'en', '--database', db, 'user', 'add', 'sami', '--role', 'admin',
             env=env(SILA_NEW_PASSWORD=ADMIN_PW))
    check(r.returncode == 0, err(r))
    check('Added the staff account “sami” (admin)' in err(r), err(r))

    # Every command now needs someone.
    for args in (['info'], ['check'], ['settings', 'get', 'answer_window_days'],
                 ['settings', 'set', 'answer_window_days', '9'], ['user', 'list'], ['audit'],
                 ['backup', os.path.join(tempdir(), 'b.db')]):
        r = sila('--lang', 'en', '--database', db, *args, env=env())
        check(r.returncode == 1, (args, r.returncode, err(r)))
        check('say who you are with --user NAME' in err(r), (args, err(r)))
    r = sila('--database', db, 'info', env=env())
    check(r.returncode == 1 and '--user' in err(r) and 'SILA_PASSWORD' in err(r), err(r))
    check('حسابات موظفين' in err(r), err(r))

    # With a user but no password and no terminal: refused, saying how.
    r = sila('--lang', 'en', '--database', db, '--user', 'sami', 'info', env=env())
    check(r.returncode == 1, r.returncode)
    check('set SILA_PASSWORD' in err(r), err(r))

    r = sila('--lang', 'en', '--database', db, '--user', 'sami', 'info',
             env=env(SILA_PASSWORD='not it'))
    check(r.returncode == 1, r.returncode)
    check('user name or the password is wrong' in err(r), err(r))
    r = sila('--database', db, '--user', 'nobody', 'info', env=env(SILA_PASSWORD=ADMIN_PW))
    check(r.returncode == 1, r.returncode)
    check('اسم المستخدم أو كلمة المرور غير صحيحة' in err(r), err(r))

    r = sila('--database', db, '--user', 'sami', 'info', env=env(SILA_PASSWORD=ADMIN_PW))
    check(r.returncode == 0, err(r))
    check('staff_accounts: 1' in out(r), out(r))
    r = sila('--database', db, 'settings', 'get', 'answer_window_days', env=as_admin())
    check(out(r).strip() == '20', out(r))
    r = sila('--database', db, 'settings', 'get', 'idle_lock_minutes', env=as_admin())
    check(out(r).strip() == '10', out(r))

    # The password never reaches the database in clear, nor the audit trail.
    if not taplib.on_server():
        with open(db, 'rb') as f:
            check(ADMIN_PW.encode() not in f.read())
    rows = query(db, "SELECT coalesce(summary,'') || coalesce(after_json,'') FROM audit_log")
    check(all(ADMIN_PW not in (row[0] or '') for row in rows), rows)
    check(query(db, "SELECT count(*) FROM audit_log WHERE action = 'login_failed'") == [(2,)])


@test
def roles_decide_what_a_command_may_do():
    db = office()
    r = sila('--lang', 'en', '--database', db, 'user', 'add', 'salem', '--role', 'researcher',
             env=as_officer(SILA_NEW_PASSWORD='a researcher passphrase'))
    check(r.returncode == 1, r.returncode)
    check('Not allowed' in err(r) and 'manage staff accounts' in err(r), err(r))
    r = sila('--lang', 'en', '--database', db, 'settings', 'set', 'answer_window_days', '9',
             env=as_officer())
    check(r.returncode == 1 and 'Not allowed' in err(r), err(r))
    r = sila('--lang', 'en', '--database', db, 'audit', env=as_officer())
    check(r.returncode == 1 and 'audit trail' in err(r), err(r))
    r = sila('--lang', 'en', '--database', db, 'backup', os.path.join(tempdir(), 'x.db'),
             env=as_officer())
    check(r.returncode == 1 and 'back up' in err(r), err(r))
    # Colleagues may see who works here.
    r = sila('--database', db, 'user', 'list', env=as_officer())
    check(r.returncode == 0, err(r))
    lines = out(r).splitlines()
    check(lines == ['huda\thuda\tofficer\tactive',
                    'sami\tسامي العتيبي\tmanager,admin\tactive'], lines)


@test
def list_change_roles_deactivate():
    db = office()
    r = sila('--database', db, 'user', 'roles', 'HUDA', '--role', 'officer', '--role',
             'researcher', env=as_admin())
    check(r.returncode == 0, err(r))
    r = sila('--database', db, 'user', 'list', '--json', env=as_admin())
    accounts = {a['username']: a for a in json.loads(out(r))}
    check(accounts['huda']['roles'] == ['officer', 'researcher'], accounts)
    check(accounts['sami']['last_login'] is not None, accounts)
    check(set(accounts['huda']) == {'username', 'display_name', 'roles', 'active', 'last_login'})

    r = sila('--lang', 'en', '--database', db, 'user', 'deactivate', 'huda', env=as_admin())
    check(r.returncode == 0, err(r))
    r = sila('--lang', 'en', '--database', db, 'info', env=as_officer())
    check(r.returncode == 1 and 'deactivated' in err(r), err(r))
    r = sila('--database', db, 'user', 'list', env=as_admin())
    check('huda' not in out(r), out(r))
    r = sila('--database', db, 'user', 'list', '--all', env=as_admin())
    check('huda\thuda\tofficer,researcher\tinactive' in out(r), out(r))

    # The last administrator stays.
    r = sila('--lang', 'en', '--database', db, 'user', 'deactivate', 'sami', env=as_admin())
    check(r.returncode == 1 and 'your own account' in err(r), err(r))
    r = sila('--lang', 'en', '--database', db, 'user', 'roles', 'sami', '--role', 'manager',
             env=as_admin())
    check(r.returncode == 1 and 'last active administrator' in err(r), err(r))

    r = sila('--database', db, 'user', 'activate', 'huda', env=as_admin())
    check(r.returncode == 0, err(r))
    r = sila('--database', db, 'info', env=as_officer())
    check(r.returncode == 0, err(r))

    r = sila('--lang', 'en', '--database', db, 'user', 'deactivate', 'nobody', env=as_admin())
    check(r.returncode == 1 and 'no staff account' in err(r), err(r))
    actions = [a for (a,) in query(db, "SELECT action FROM audit_log WHERE entity = 'staff' "
                                       "AND action NOT LIKE 'login%' ORDER BY seq")]
    check(actions == ['create', 'create', 'update', 'deactivate', 'activate'], actions)


@test
def reset_password_then_choose_a_new_one():
    db = office()
    r = sila('--lang', 'en', '--database', db, 'user', 'reset-password', 'huda',
             env=as_admin(SILA_NEW_PASSWORD='given by sami'))
    check(r.returncode == 0, err(r))
    check('to be changed at the next sign-in' in err(r), err(r))

    r = sila('--lang', 'en', '--database', db, 'info',
             env=env(SILA_USER='huda', SILA_PASSWORD='given by sami'))
    check(r.returncode == 1 and 'sila user passwd' in err(r), err(r))

    r = sila('--lang', 'en', '--database', db, 'user', 'passwd',
             env=env(SILA_USER='huda', SILA_PASSWORD='given by sami', SILA_NEW_PASSWORD='short'))
    check(r.returncode == 1 and 'at least 8 characters' in err(r), err(r))
    r = sila('--database', db, 'user', 'passwd',
             env=env(SILA_USER='huda', SILA_PASSWORD='given by sami',
                     SILA_NEW_PASSWORD='her own passphrase'))
    check(r.returncode == 0, err(r))
    r = sila('--database', db, 'info',
             env=env(SILA_USER='huda', SILA_PASSWORD='her own passphrase'))
    check(r.returncode == 0, err(r))


@test
def lockout_after_repeated_wrong_passwords():
    db = office()
    for _ in range(4):
        r = sila('--lang', 'en', '--database', db, 'info',
                 env=env(SILA_USER='huda', SILA_PASSWORD='guess', SILA_FAKE_NOW='2026-03-01T09:00:00Z'))
        check(r.returncode == 1 and 'is wrong' in err(r), err(r))
    r = sila('--lang', 'en', '--database', db, 'info',
             env=env(SILA_USER='huda', SILA_PASSWORD='guess', SILA_FAKE_NOW='2026-03-01T09:00:00Z'))
    check(r.returncode == 1 and 'locked for 5 minutes' in err(r), err(r))
    r = sila('--database', db, 'info',
             env=as_officer(SILA_FAKE_NOW='2026-03-01T09:02:00Z'))
    check(r.returncode == 1, r.returncode)
    check('مقفل' in err(r), err(r))
    r = sila('--database', db, 'info', env=as_officer(SILA_FAKE_NOW='2026-03-01T09:05:30Z'))
    check(r.returncode == 0, err(r))


def read_until(fd, pattern, timeout=10):
    data = b''
    deadline = time.monotonic() + timeout
    while pattern not in data and time.monotonic() < deadline:
        ready, _, _ = select.select([fd], [], [], 0.2)
        if ready:
            try:
                chunk = os.read(fd, 1024)
            except OSError:
                break
            if not chunk:
                break
            data += chunk
    return data


def run_on_terminal(args, answers, extra_env=None):
    """Runs sila with a real terminal; answers each prompt in turn. Returns
    (exit status, everything the terminal showed)."""
    e = env(**(extra_env or {}))
    pid, fd = pty.fork()
    if pid == 0:
        os.execve(sila_bin(), [sila_bin(), *args], e)
    shown = b''
    for prompt, answer in answers:
        shown += read_until(fd, prompt)
        os.write(fd, answer.encode() + b'\n')
    shown += read_until(fd, b'\x00', timeout=5)
    _, status = os.waitpid(pid, 0)
    os.close(fd)
    return os.waitstatus_to_exitcode(status), shown.decode('utf-8', 'replace')


@test
def passwords_typed_on_the_terminal_are_not_echoed():
    db = new_database()
    code, shown = run_on_terminal(
        ['--lang', 'en', '--database', db, 'user', 'add', 'sami', '--role', 'admin'],
        [(b'New password for sami: ', ADMIN_PW), (b'Type it again: ', ADMIN_PW)])
    check(code == 0, (code, shown))
    check(ADMIN_PW not in shown, shown)
    check('Added the staff account' in shown, shown)

    code, shown = run_on_terminal(['--lang', 'en', '--database', db, '--user', 'sami', 'info'],
                                  [(b'Password for sami: ', ADMIN_PW)])
    check(code == 0, (code, shown))
    check(ADMIN_PW not in shown, shown)
    check('staff_accounts: 1' in shown, shown)

    # Two different answers: refused, nothing added.
    code, shown = run_on_terminal(
        ['--lang', 'en', '--database', db, '--user', 'sami', 'user', 'add', 'huda', '--role',
         'officer'],
        [(b'Password for sami: ', ADMIN_PW), (b'New password for huda: ', OFFICER_PW),
         (b'Type it again: ', 'something else')])
    check(code == 1, (code, shown))
    check('not the same' in shown, shown)
    check(query(db, 'SELECT count(*) FROM staff') == [(1,)])


@test
def hostile_arguments():
    db = office()
    huge = 'x' * 100000
    for name in ['huda\u202eadmin', 'a\x07b', "x'); DROP TABLE staff; --", huge, 'هدى', '-',
                 'ab']:
        r = sila('--database', db, 'user', 'add', name, '--role', 'officer',
                 env=as_admin(SILA_NEW_PASSWORD='a fine passphrase'))
        check(r.returncode == 1, (name[:20], r.returncode, err(r)))
        check(err(r).startswith('sila: '), err(r))
    # Bytes that are not UTF-8 are refused at the door, as bad usage.
    r = sila('--database', db, 'user', 'add', b'\xff\xfe', '--role', 'officer',
             env=as_admin(SILA_NEW_PASSWORD='a fine passphrase'))
    check(r.returncode == 2, (r.returncode, err(r)))
    for role in ['root', '', b'\xff', 'officer;admin', 'admin\u202e']:
        r = sila('--database', db, 'user', 'add', 'salem', '--role', role,
                 env=as_admin(SILA_NEW_PASSWORD='a fine passphrase'))
        check(r.returncode == 2, (role, r.returncode, err(r)))
    r = sila('--database', db, 'user', 'add', 'salem', env=as_admin())
    check(r.returncode == 2, r.returncode)
    for display in ['هدى\u202e', 'two\nlines', b'\xc3\x28', huge]:
        r = sila('--database', db, 'user', 'add', 'salem', '--role', 'officer',
                 '--display-name', display, env=as_admin(SILA_NEW_PASSWORD='a fine passphrase'))
        wanted = 2 if isinstance(display, bytes) else 1
        check(r.returncode == wanted, (display[:20], r.returncode, err(r)))
    check(query(db, 'SELECT count(*) FROM staff') == [(2,)])

    # Stored verbatim where text is allowed.
    sql = "'); DELETE FROM staff; -- سالم"
    r = sila('--database', db, 'user', 'add', 'salem', '--role', 'officer', '--display-name', sql,
             env=as_admin(SILA_NEW_PASSWORD="'; DROP TABLE audit_log; --"))
    check(r.returncode == 0, err(r))
    check(query(db, "SELECT display_name FROM staff WHERE username = 'salem'") == [(sql,)])
    r = sila('--database', db, 'info', env=env(SILA_USER='salem',
                                                SILA_PASSWORD="'; DROP TABLE audit_log; --"))
    check(r.returncode == 0, err(r))

    # Hostile user names and passwords at sign-in: refused, never crash.
    for user, password in [(huge, huge), ('\u202esami', ADMIN_PW), ("' OR 1=1 --", "' OR 1=1 --"),
                           ('sami', 'x' * 5000)]:
        r = sila('--database', db, 'info', env=env(SILA_USER=user, SILA_PASSWORD=password))
        check(r.returncode == 1, (user[:20], r.returncode, err(r)))
    r = sila('--database', db, '--user', b'\xff\xfe', 'info', env=env(SILA_PASSWORD='x'))
    check(r.returncode == 2, (r.returncode, err(r)))

    # Audit filters and dates.
    for args in [['--since', '2026-02-30'], ['--until', 'yesterday'], ['--limit', '0'],
                 ['--limit', 'lots'], ['--since', b'\xff'], ['stray']]:
        r = sila('--database', db, 'audit', *args, env=as_admin())
        check(r.returncode == 2, (args, r.returncode, err(r)))
    r = sila('--database', db, 'audit', '--text', "' OR 1=1 --", '--by', 'nobody',
             env=as_admin())
    check(r.returncode == 0 and out(r) == '', (r.returncode, out(r), err(r)))
    r = sila('--database', db, 'audit', '--by', b'\xff', env=as_admin())
    check(r.returncode == 2, (r.returncode, err(r)))


@test
def hostile_paths_and_settings():
    db = office()
    folder = tempdir()
    # Every argument is UTF-8 text, file names included (refused at the door,
    # before anything is written).
    odd = os.path.join(folder.encode(), b'nightly-\xff\xfe.db')
    r = sila('--database', db, 'backup', odd, env=as_admin())
    check(r.returncode == 2, err(r))
    check(not os.path.exists(odd) and os.listdir(folder) == [], os.listdir(folder))
    r = sila('--database', db, 'restore', odd, env=as_admin())
    check(r.returncode == 2, err(r))
    # Paths too long, into a missing folder, onto a folder-less name.
    for target in [os.path.join(folder, 'x' * 5000), os.path.join(folder, 'no', 'such', 'b.db')]:
        r = sila('--lang', 'en', '--database', db, 'backup', target, env=as_admin())
        check(r.returncode in (1, 2), (target[:40], r.returncode, err(r)))
        check(err(r).startswith('sila: ') and 'Traceback' not in err(r), err(r))
        r = sila('--lang', 'en', '--database', db, 'restore', target, env=as_admin())
        check(r.returncode == 2, (target[:40], r.returncode, err(r)))
    r = sila('--database', db, 'restore', folder, env=as_admin())
    check(r.returncode == 2, (r.returncode, err(r)))
    r = sila('--database', db, 'backup', 'a', 'b', env=as_admin())
    check(r.returncode == 2, r.returncode)
    # Names of accounts to act on.
    for name in ['x' * 100000, 'sami\u202e', "' OR 1=1 --", b'\xff']:
        for command in (['user', 'deactivate'], ['user', 'activate'], ['user', 'roles']):
            args = [*command, name] + (['--role', 'officer'] if command[1] == 'roles' else [])
            r = sila('--database', db, *args, env=as_admin())
            wanted = 2 if isinstance(name, bytes) else 1
            check(r.returncode == wanted, (command, r.returncode, err(r)))
    # The new office settings: refused clearly when wrong, nothing changed.
    for key, value in [('idle_lock_minutes', '9999'), ('idle_lock_minutes', 'soon'),
                       ('backup_folder', 'relative/path'), ('backup_folder', '/mnt/\u202eusb'),
                       ('backup_keep', '0'), ('backup_daily', 'maybe'),
                       ('consent_required', b'\xff'), ('retention_years', '-3')]:
        r = sila('--database', db, 'settings', 'set', key, value, env=as_admin())
        wanted = 2 if isinstance(value, bytes) else 1
        check(r.returncode == wanted, (key, value, r.returncode, err(r)))
    r = sila('--database', db, 'settings', 'set', 'idle_lock_minutes', '٥', env=as_admin())
    check(r.returncode == 0, err(r))
    r = sila('--database', db, 'settings', 'get', 'idle_lock_minutes', env=as_admin())
    check(out(r).strip() == '5', out(r))
    r = sila('--database', db, 'settings', 'get', b'\xff', env=as_admin())
    check(r.returncode == 2, r.returncode)


@test
def audit_command():
    db = office()
    r = sila('--database', db, 'audit', '--by', 'sami', '--action', 'create', '--json',
             env=as_admin())
    check(r.returncode == 0, err(r))
    entries = json.loads(out(r))
    check([e['entity_id'] is not None for e in entries] == [True], entries)
    check(entries[0]['by'] == 'sami' and entries[0]['entity'] == 'staff', entries)
    check('huda' in entries[0]['after'], entries)
    r = sila('--database', db, 'audit', '--since', '٢٠٢٠-٠١-٠١', '--until', '2100-12-31',
             '--limit', '3', env=as_admin())
    check(r.returncode == 0 and len(out(r).splitlines()) == 3, out(r))
    r = sila('--database', db, 'audit', '--until', '2000-01-01', env=as_admin())
    check(r.returncode == 0 and out(r) == '', out(r))


@file_only
def backup_and_restore():
    db = office()
    folder = tempdir()
    backup = os.path.join(folder, 'office-backup.db')
    r = sila('--lang', 'en', '--database', db, 'backup', backup, env=as_admin())
    check(r.returncode == 0, err(r))
    check('Backed up to' in err(r), err(r))
    check(stat.S_IMODE(os.stat(backup).st_mode) == 0o600, oct(os.stat(backup).st_mode))

    r = sila('--database', db, 'user', 'add', 'late', '--role', 'officer',
             env=as_admin(SILA_NEW_PASSWORD='a late passphrase'))
    check(r.returncode == 0, err(r))

    # An officer may not restore.
    before = identity(db)
    r = sila('--lang', 'en', '--database', db, 'restore', backup, env=as_officer())
    check(r.returncode == 1 and 'Not allowed' in err(r), err(r))
    check(identity(db) == before)

    r = sila('--lang', 'en', '--database', db, 'restore', backup, env=as_admin())
    check(r.returncode == 0, err(r))
    check('Restored' in err(r) and 'kept as' in err(r), err(r))
    aside = re.search(r'kept as “([^”]+)”', err(r)).group(1)
    check(os.path.exists(aside) and '.before-restore-' in aside, aside)
    check(query(aside, "SELECT count(*) FROM staff WHERE username = 'late'") == [(1,)])
    check(query(db, "SELECT count(*) FROM staff WHERE username = 'late'") == [(0,)])
    r = sila('--database', db, 'audit', '--action', 'restore', env=as_admin())
    check(len(out(r).splitlines()) == 1, out(r))

    # Arabic messages.
    r = sila('--database', db, 'restore', backup, env=as_admin())
    check(r.returncode == 0 and 'استُعيدت' in err(r), err(r))


@file_only
def bad_backups_replace_nothing():
    db = office()
    folder = tempdir()
    good = os.path.join(folder, 'good.db')
    r = sila('--database', db, 'backup', good, env=as_admin())
    check(r.returncode == 0, err(r))
    with open(good, 'rb') as f:
        data = f.read()

    damaged = os.path.join(folder, 'damaged.db')
    with open(damaged, 'wb') as f:
        f.write(os.urandom(16384))
    truncated = os.path.join(folder, 'truncated.db')
    with open(truncated, 'wb') as f:
        f.write(data[:len(data) // 2])
    newer = os.path.join(folder, 'newer.db')
    with open(newer, 'wb') as f:
        f.write(data)
    con = sqlite3.connect(newer)
    con.execute('PRAGMA user_version = 999')
    con.close()
    foreign = os.path.join(folder, 'foreign.db')
    con = sqlite3.connect(foreign)
    con.execute('CREATE TABLE t (x)')
    con.commit()
    con.close()

    cases = [(damaged, 'damaged or incomplete', 'تالفة أو ناقصة'),
             (truncated, 'damaged or incomplete', 'تالفة أو ناقصة'),
             (newer, 'newer version of Sila Desk', 'إصدار أحدث'),
             (foreign, 'not a Sila Desk backup', 'ليست نسخة احتياطية'),
             (os.path.join(folder, 'missing.db'), 'cannot be read', 'تعذّرت قراءة')]
    for path, english, arabic in cases:
        before = identity(db)
        listing = sorted(os.listdir(os.path.dirname(db)))
        r = sila('--lang', 'en', '--database', db, 'restore', path, env=as_admin())
        check(r.returncode == 2, (path, r.returncode, err(r)))
        check(english in err(r), (path, err(r)))
        r = sila('--database', db, 'restore', path, env=as_admin())
        check(arabic in err(r), (path, err(r)))
        check(identity(db) == before, path)
        check(sorted(os.listdir(os.path.dirname(db))) == listing, path)


@file_only
def restore_over_a_damaged_database_needs_no_sign_in():
    db = office()
    good = os.path.join(tempdir(), 'good.db')
    r = sila('--database', db, 'backup', good, env=as_admin())
    check(r.returncode == 0, err(r))
    with open(db, 'r+b') as f:
        f.write(os.urandom(4096))
    for suffix in ('-wal', '-shm'):
        if os.path.exists(db + suffix):
            os.unlink(db + suffix)
    r = sila('--lang', 'en', '--database', db, 'restore', good, env=env())
    check(r.returncode == 0, err(r))
    r = sila('--database', db, 'check', env=as_admin())
    check(r.returncode == 0, err(r))


@test
def readme_role_table_is_the_code():
    r = sila('--lang', 'en', 'roles', '--markdown', env=env())
    check(r.returncode == 0, err(r))
    path = os.path.join(source_root(), 'docs', 'accounts-and-roles.md')
    with open(path, encoding='utf-8') as f:
        readme = f.read()
    check(out(r).strip() in readme,
          'docs/accounts-and-roles.md role table differs from `sila --lang en roles --markdown`:\n'
          + out(r))


run()
