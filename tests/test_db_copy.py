#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""`sila --database FILE db copy-to TARGET` as an office's administrator
runs it, SQLite file to SQLite file (the same code as into a server; the
server's own test is test_db_copy_server.py): a registry made by the
benchmark's generator, with staff, surveys and contacts, copied whole; the
file byte for byte as it was; a target that holds data refused with exit 2;
someone without the backup permission refused; bad usage. No display."""
import hashlib
import re
import os
import sqlite3
import subprocess

from taplib import build_root, check, err, headless_env, out, run, sila, tempdir, test

PASSWORD = 'a fine passphrase'


def env(**extra):
    e = headless_env(SILA_NEW_PASSWORD=PASSWORD, SILA_USER='admin', SILA_PASSWORD=PASSWORD)
    e.update(extra)
    return e


def digest(path):
    h = hashlib.sha256()
    for suffix in ('', '-wal', '-shm'):
        if os.path.exists(path + suffix):
            with open(path + suffix, 'rb') as f:
                h.update(suffix.encode() + f.read())
    return h.hexdigest()


_office = None


def office():
    """A registry of 300 files and 900 requests over two years, an
    administrator and an officer, imported survey answers and a contact."""
    global _office
    if _office is not None:
        return _office
    d = tempdir()
    db = os.path.join(d, 'office.db')
    subprocess.run([os.path.join(build_root(), 'bench', 'sila-generate'), '--database', db,
                    '--files', '300', '--requests', '900'],
                   check=True, capture_output=True, env=headless_env())
    r = sila('--database', db, 'user', 'add', 'admin', '--role', 'admin', env=env())
    check(r.returncode == 0, err(r))
    r = sila('--database', db, 'user', 'add', 'huda', '--role', 'officer', env=env())
    check(r.returncode == 0, err(r))
    answers = os.path.join(d, 'answers.csv')
    with open(answers, 'w', encoding='utf-8') as f:
        f.write('date,channel,overall,recommend\n')
        for day in range(1, 29):
            f.write(f'2026-02-{day:02d},phone,{1 + day % 5},{day % 11}\n')
    r = sila('--database', db, 'survey', 'import', answers, env=env())
    check(r.returncode == 0, err(r))
    r = sila('--database', db, 'contact', 'add', '--anonymous', '--channel', 'phone',
             '--direction', 'in', '--kind', 'inquiry', '--note', 'متى يصرف الدعم؟',
             env=env(SILA_USER='huda'))
    check(r.returncode == 0, err(r))
    _office = db
    return db


def tables(db):
    c = sqlite3.connect(f'file:{db}?mode=ro', uri=True)
    names = [n for (n,) in c.execute("SELECT name FROM sqlite_schema WHERE type = 'table' "
                                     "AND name NOT LIKE 'sqlite_%' "
                                     "AND name NOT LIKE 'beneficiary_search%'")]
    counts = {n: c.execute(f'SELECT count(*) FROM {n}').fetchone()[0] for n in names}
    c.close()
    return counts


def rows(db, sql):
    c = sqlite3.connect(f'file:{db}?mode=ro', uri=True)
    result = sorted(c.execute(sql).fetchall(), key=repr)
    c.close()
    return result


@test
def a_registry_is_copied_whole_and_the_file_is_untouched():
    db = office()
    before = digest(db)
    mode = os.stat(db).st_mode
    target = os.path.join(tempdir(), 'server.db')
    r = sila('--lang', 'en', '--database', db, 'db', 'copy-to', target, env=env())
    check(r.returncode == 0, (r.returncode, err(r)))
    check(digest(db) == before, 'the file changed')
    check(os.stat(db).st_mode == mode)
    text = out(r)
    check(re.search(r'Copied \d+ tables', text) and str(len(tables(db)) - 1) + ' tables' in text,
          text)
    check('chain intact' in text, text)
    months = rows(db, 'SELECT DISTINCT substr(received_on, 1, 7) FROM requests')
    check(f'report for {len(months)} months with requests' in text, (len(months), text))
    check(len(months) >= 12, months)
    # No progress line when stderr is not a terminal.
    check(err(r) == '', err(r))

    here, there = tables(db), tables(target)
    check(set(here) == set(there))
    for name, n in here.items():
        expected = n + 1 if name == 'audit_log' else n   # the copy is recorded
        check(there[name] == expected, (name, n, there[name]))
    check(here['survey_stats'] > 0 and here['contacts'] == 1 and here['staff'] == 2, here)
    for sql in ('SELECT * FROM requests', 'SELECT * FROM survey_stats', 'SELECT * FROM staff',
                'SELECT * FROM request_events', 'SELECT * FROM meta'):
        check(rows(db, sql) == rows(target, sql), sql)
    n = here['audit_log']
    check(rows(db, 'SELECT * FROM audit_log') ==
          rows(target, f'SELECT * FROM audit_log WHERE seq <= {n}'))

    # The copy is a sound database whose chain is whole; search, reports and
    # sign-in work there as in the file.
    r = sila('--lang', 'en', '--database', target, 'check', env=env())
    check(r.returncode == 0, err(r))
    for query in ('محمد', 'عبد الله', 'الغامدى'):
        a = sila('--lang', 'en', '--database', db, 'search', query, env=env())
        b = sila('--lang', 'en', '--database', target, 'search', query, env=env())
        check(a.returncode == 0 and out(a) == out(b) and out(a) != '', (query, out(a), out(b)))
    month = '-'.join(months[len(months) // 2][0].split('-'))
    a = sila('--lang', 'en', '--database', db, 'report', '--month', month, env=env())
    b = sila('--lang', 'en', '--database', target, 'report', '--month', month, env=env())
    check(a.returncode == 0 and out(a) == out(b), (out(a), out(b)))
    r = sila('--lang', 'en', '--database', target, 'audit', '--action', 'create', '--entity',
             'database', '--json', env=env())
    check(r.returncode == 0 and '"copy"' in out(r) and 'office.db' in out(r), out(r))


@test
def a_target_holding_data_is_refused_with_exit_2():
    db = office()
    target = os.path.join(tempdir(), 'server.db')
    check(sila('--database', db, 'db', 'copy-to', target, env=env()).returncode == 0)
    before = digest(target)
    for lang, words in (('en', 'already holds an office'), ('ar', 'يحوي')):
        r = sila('--lang', lang, '--database', db, 'db', 'copy-to', target, env=env())
        check(r.returncode == 2, (r.returncode, err(r)))
        check(words in err(r) and 'requests' in err(r), err(r))
        check(digest(target) == before)

    # A database that has only been used a little is not empty either.
    used = os.path.join(tempdir(), 'used.db')
    check(sila('--database', used, 'user', 'add', 'sami', '--role', 'admin',
               env=env()).returncode == 0)
    r = sila('--lang', 'en', '--database', db, 'db', 'copy-to', used, env=env())
    check(r.returncode == 2 and 'staff (1)' in err(r), err(r))

    # Something that is not a Sila Desk database at all.
    other = os.path.join(tempdir(), 'other.db')
    sqlite3.connect(other).execute('CREATE TABLE t (x)').connection.commit()
    before = digest(other)
    r = sila('--lang', 'en', '--database', db, 'db', 'copy-to', other, env=env())
    check(r.returncode == 2, (r.returncode, err(r)))
    check(digest(other) == before)


@test
def only_an_administrator_copies_the_office():
    db = office()
    target = os.path.join(tempdir(), 'server.db')
    r = sila('--lang', 'en', '--database', db, 'db', 'copy-to', target,
             env=env(SILA_USER='huda'))
    check(r.returncode == 1, (r.returncode, err(r)))
    check('Not allowed' in err(r), err(r))
    check(not os.path.exists(target))
    r = sila('--lang', 'en', '--database', db, 'db', 'copy-to', target,
             env=env(SILA_PASSWORD='wrong'))
    check(r.returncode == 1, (r.returncode, err(r)))
    check(not os.path.exists(target))


@test
def bad_usage_exits_2():
    db = office()
    for args in ([], ['a.db', 'b.db'], ['--nonsense', 'x.db']):
        r = sila('--lang', 'en', '--database', db, 'db', 'copy-to', *args, env=env())
        check(r.returncode == 2, (args, r.returncode, err(r)))
    r = sila('--lang', 'en', '--database', 'postgresql://sila@server/office', 'db', 'copy-to',
             os.path.join(tempdir(), 'x.db'), env=env())
    check(r.returncode == 2 and 'server’s database' in err(r), err(r))
    r = sila('--lang', 'en', '--database', db, 'db', 'copy-to', db, env=env())
    check(r.returncode == 2 and 'database itself' in err(r), err(r))
    r = sila('--lang', 'en', '--database', os.path.join(tempdir(), 'none.db'), 'db', 'copy-to',
             os.path.join(tempdir(), 'x.db'), env=env())
    check(r.returncode == 2 and 'There is no database at' in err(r), err(r))


run()
