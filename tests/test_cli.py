#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The command line of the foundation: forms, exit status, messages in the
UI language, damaged files, identity. Runs with no display."""
import hashlib
import os
import sqlite3
import stat

from taplib import check, err, headless_env, out, run, sila, tempdir, test


def digest(path):
    with open(path, 'rb') as f:
        return hashlib.sha256(f.read()).hexdigest()


def new_db():
    path = os.path.join(tempdir(), 'office.db')
    r = sila('--database', path, 'settings', 'set', 'answer_window_days', '14')
    check(r.returncode == 0, err(r))
    return path


@test
def help_is_arabic_by_default():
    r = sila('--help')
    check(r.returncode == 0, err(r))
    check('sila [--database DB] [--lang ar|en]' in out(r), out(r))
    check('الاستخدام' in out(r), out(r))


@test
def help_in_english():
    r = sila('--lang', 'en', '--help')
    check(r.returncode == 0)
    check(out(r).startswith('Usage:'), out(r))
    check('settings set KEY VALUE' in out(r))


@test
def system_locale_does_not_choose_the_language():
    env = headless_env(LANG='en_US.UTF-8', LC_ALL='en_US.UTF-8', LANGUAGE='en')
    r = sila('--help', env=env)
    check('الاستخدام' in out(r), out(r))


@test
def version():
    r = sila('--version')
    check(r.returncode == 0)
    check(out(r).strip() == 'sila 0.1.0', out(r))


@test
def unknown_command_is_usage_error():
    r = sila('--database', new_db(), 'frobnicate')
    check(r.returncode == 2, r.returncode)
    check('أمر غير معروف' in err(r), err(r))
    r = sila('--lang', 'en', '--database', new_db(), 'frobnicate', 'now')
    check(r.returncode == 2)
    check('Unknown command “frobnicate now”' in err(r), err(r))


@test
def unknown_option_is_usage_error():
    r = sila('--lang', 'en', '--database', new_db(), 'info', '--bogus')
    check(r.returncode == 2)
    check('Unknown option --bogus' in err(r), err(r))


@test
def bad_language_is_usage_error():
    r = sila('--lang', 'fr', '--version')
    check(r.returncode == 2)
    check('“ar” or “en”' in err(r) or '«ar»' in err(r), err(r))


@test
def option_without_value():
    r = sila('--lang', 'en', 'info', '--database')
    check(r.returncode == 2)
    check('needs a value' in err(r), err(r))


@test
def info_on_missing_database():
    path = os.path.join(tempdir(), 'none.db')
    r = sila('--database', path, 'info')
    check(r.returncode == 2)
    check('لا توجد قاعدة بيانات' in err(r), err(r))
    check(not os.path.exists(path), 'info must not create a database')


@test
def settings_round_trip_with_arabic_digits():
    db = new_db()
    r = sila('--database', db, 'settings', 'set', 'answer_window_days', '٢١')
    check(r.returncode == 0, err(r))
    r = sila('--database', db, 'settings', 'get', 'answer_window_days')
    check(out(r).strip() == '21', out(r))
    r = sila('--database', db, 'settings', 'set', 'association_name', 'جمعية صلة')
    check(r.returncode == 0, err(r))
    r = sila('--database', db, 'info')
    check(r.returncode == 0, err(r))
    lines = dict(line.split(': ', 1) for line in out(r).splitlines())
    check(lines['answer_window_days'] == '21', lines)
    check(lines['association_name'] == 'جمعية صلة', lines)
    check(lines['database'] == db, lines)
    check(lines['read_only'] == 'no', lines)


@test
def invalid_setting_is_refused_and_changes_nothing():
    db = new_db()
    before = digest(db)
    r = sila('--database', db, 'settings', 'set', 'answer_window_days', '400')
    check(r.returncode == 1, r.returncode)
    check('أدخل رقمًا من 1 إلى 90' in err(r), err(r))
    r = sila('--lang', 'en', '--database', db, 'settings', 'set', 'answer_window_days', 'soon')
    check(r.returncode == 1)
    check('Enter a whole number' in err(r), err(r))
    check(digest(db) == before, 'the database changed')


@test
def unknown_setting():
    db = new_db()
    r = sila('--lang', 'en', '--database', db, 'settings', 'get', 'colour')
    check(r.returncode == 2)
    r = sila('--lang', 'en', '--database', db, 'settings', 'set', 'colour', 'blue')
    check(r.returncode == 1)
    check('no setting called “colour”' in err(r), err(r))


@test
def hostile_text_is_stored_verbatim_or_refused():
    db = new_db()
    sql = "'); DROP TABLE meta; --"
    r = sila('--database', db, 'settings', 'set', 'association_name', sql)
    check(r.returncode == 0, err(r))
    r = sila('--database', db, 'settings', 'get', 'association_name')
    check(out(r).strip() == sql, out(r))
    # Bidi overrides, control characters, invalid UTF-8 and huge text: refused.
    for bad in ['abc\u202edef'.encode(), b'a\x07b', b'\xff\xfe', b'x' * 10000]:
        r = sila('--lang', 'en', '--database', db, 'settings', 'set', 'association_name', bad)
        wanted = 2 if bad == b'\xff\xfe' else 1  # not UTF-8: refused at the door
        check(r.returncode == wanted, (bad[:20], r.returncode, err(r)))
        check(err(r).startswith('sila: '), err(r))
    r = sila('--database', db, 'settings', 'get', 'association_name')
    check(out(r).strip() == sql)


@test
def damaged_database_is_not_touched():
    path = os.path.join(tempdir(), 'damaged.db')
    with open(path, 'wb') as f:
        f.write(os.urandom(16384))
    before = digest(path)
    r = sila('--lang', 'en', '--database', path, 'info')
    check(r.returncode == 2, r.returncode)
    check('damaged' in err(r), err(r))
    r = sila('--database', path, 'settings', 'set', 'answer_window_days', '10')
    check(r.returncode == 2)
    check('تالف' in err(r), err(r))
    check(digest(path) == before)


@test
def newer_database_is_refused():
    db = new_db()
    con = sqlite3.connect(db)
    con.execute('PRAGMA user_version = 999')
    con.close()
    before = digest(db)
    r = sila('--lang', 'en', '--database', db, 'info')
    check(r.returncode == 2)
    check('newer version of Sila Desk' in err(r), err(r))
    r = sila('--database', db, 'info')
    check('إصدار أحدث' in err(r), err(r))
    check(digest(db) == before)


@test
def other_programs_database_is_refused():
    path = os.path.join(tempdir(), 'other.db')
    con = sqlite3.connect(path)
    con.execute('CREATE TABLE t (x)')
    con.commit()
    con.close()
    r = sila('--lang', 'en', '--database', path, 'info')
    check(r.returncode == 2)
    check('another program' in err(r), err(r))


@test
def check_command():
    db = new_db()
    r = sila('--lang', 'en', '--database', db, 'check')
    check(r.returncode == 0, err(r))
    check('sound' in out(r))


@test
def default_database_is_private():
    home = tempdir()
    data = os.path.join(home, 'share')
    env = headless_env(XDG_DATA_HOME=data, HOME=home)
    r = sila('settings', 'set', 'association_name', 'جمعية', env=env)
    check(r.returncode == 0, err(r))
    folder = os.path.join(data, 'sila')
    db = os.path.join(folder, 'sila.db')
    check(stat.S_IMODE(os.stat(folder).st_mode) == 0o700, oct(os.stat(folder).st_mode))
    check(stat.S_IMODE(os.stat(db).st_mode) == 0o600, oct(os.stat(db).st_mode))
    r = sila('info', env=env)
    check(f'database: {db}' in out(r), out(r))


@test
def staff_accounts_require_a_user():
    db = new_db()
    e = headless_env(SILA_NEW_PASSWORD='a long passphrase')
    r = sila('--database', db, 'user', 'add', 'huda', '--role', 'admin', env=e)
    check(r.returncode == 0, err(r))
    r = sila('--lang', 'en', '--database', db, 'settings', 'set', 'answer_window_days', '9')
    check(r.returncode == 1, r.returncode)
    check('staff accounts' in err(r), err(r))
    e = headless_env(SILA_USER='huda', SILA_PASSWORD='a long passphrase')
    r = sila('--database', db, 'settings', 'get', 'answer_window_days', env=e)
    check(out(r).strip() == '14', out(r))


run()
