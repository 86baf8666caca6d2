#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Moving an office onto a real PostgreSQL server, and the server's
backups, from the command line (run under tests/pgcluster.py, which names
the server in SILA_TEST_PG):
- `db copy-to` of a registry made by the benchmark's generator into an
  empty server database: every table's rows and every month's report equal
  on both sides, the file byte for byte as it was, search and sign-in on the
  server; a second copy into it refused with exit 2;
- `backup` on the server (pg_dump, 0600), `restore` into an empty database
  and `check` there; restore into a database that is not empty, of a cut or
  damaged dump, and of a file's backup refused with nothing changed;
- a password written into the server's address is never shown."""
import hashlib
import os
import sqlite3
import subprocess
import sys

from taplib import build_root, check, err, headless_env, out, run, sila, tempdir, test

PASSWORD = 'a fine passphrase'
SERVER = os.environ.get('SILA_TEST_PG', '')
HERE = os.path.dirname(os.path.abspath(__file__))


def env(**extra):
    e = headless_env(SILA_NEW_PASSWORD=PASSWORD, SILA_USER='admin', SILA_PASSWORD=PASSWORD)
    e.update(extra)
    return e


def new_database():
    r = subprocess.run([sys.executable, os.path.join(HERE, 'pgcluster.py'), 'createdb', SERVER],
                       check=True, capture_output=True, text=True)
    return r.stdout.strip()


def psql(conninfo, sql_text):
    r = subprocess.run(['psql', '-X', '-A', '-t', '-v', 'ON_ERROR_STOP=1', '-d', conninfo,
                        '-c', sql_text], capture_output=True, text=True)
    check(r.returncode == 0, r.stderr)
    return r.stdout.strip()


def digest(path):
    h = hashlib.sha256()
    for suffix in ('', '-wal', '-shm'):
        if os.path.exists(path + suffix):
            with open(path + suffix, 'rb') as f:
                h.update(suffix.encode() + f.read())
    return h.hexdigest()


_office = None


def office():
    global _office
    if _office is None:
        d = tempdir()
        db = os.path.join(d, 'office.db')
        subprocess.run([os.path.join(build_root(), 'bench', 'sila-generate'), '--database', db,
                        '--files', '400', '--requests', '1200'],
                       check=True, capture_output=True, env=headless_env())
        r = sila('--database', db, 'user', 'add', 'admin', '--role', 'admin', env=env())
        check(r.returncode == 0, err(r))
        answers = os.path.join(d, 'answers.csv')
        with open(answers, 'w', encoding='utf-8') as f:
            f.write('date,channel,overall,recommend\n')
            for day in range(1, 29):
                f.write(f'2026-03-{day:02d},phone,{1 + day % 5},{day % 11}\n')
        r = sila('--database', db, 'survey', 'import', answers, env=env())
        check(r.returncode == 0, err(r))
        _office = db
    return _office


def counts_in_file(db):
    c = sqlite3.connect(f'file:{db}?mode=ro', uri=True)
    names = [n for (n,) in c.execute("SELECT name FROM sqlite_schema WHERE type = 'table' "
                                     "AND name NOT LIKE 'sqlite_%' "
                                     "AND name NOT LIKE 'beneficiary_search%'")]
    result = {n: c.execute(f'SELECT count(*) FROM {n}').fetchone()[0] for n in names}
    c.close()
    return result


_copied = None


def copied():
    """The office copied onto the server once: (file, server address)."""
    global _copied
    if _copied is None:
        db = office()
        target = new_database()
        before = digest(db)
        r = sila('--lang', 'en', '--database', db, 'db', 'copy-to', target, env=env(),
                 timeout=600)
        check(r.returncode == 0, (r.returncode, err(r), out(r)))
        check('Equal on both sides' in out(r), out(r))
        check(digest(db) == before, 'the file changed')
        _copied = (db, target)
    return _copied


@test
def copy_to_a_server_equal_on_both_sides():
    db, target = copied()
    here = counts_in_file(db)
    for table, n in here.items():
        if table in ('meta', 'counters'):
            continue
        there = int(psql(target, f'SELECT count(*) FROM {table}'))
        expected = n + 1 if table == 'audit_log' else n
        check(there == expected, (table, n, there))
    # The file's counters, the same; the server has one more, its audit numbering.
    c = sqlite3.connect(f'file:{db}?mode=ro', uri=True)
    for name, value in c.execute('SELECT name, next FROM counters'):
        check(psql(target, f"SELECT next FROM counters WHERE name = '{name}'") == str(value),
              name)
    c.close()
    check(psql(target, "SELECT next FROM counters WHERE name = 'audit_log.seq'") ==
          str(here['audit_log'] + 2))
    months = sorted({m for (m,) in sqlite3.connect(db).execute(
        'SELECT substr(received_on, 1, 7) FROM requests')})
    check(len(months) >= 12, months)
    for month in (months[0], months[len(months) // 2], months[-1], '2026-03'):
        a = sila('--lang', 'en', '--database', db, 'report', '--month', month, env=env())
        b = sila('--lang', 'en', '--database', target, 'report', '--month', month, env=env())
        check(a.returncode == 0 and b.returncode == 0, (err(a), err(b)))
        check(out(a) == out(b), (month, out(a), out(b)))
    for query in ('محمد', 'عبد الله', 'الغامدى'):
        a = sila('--lang', 'en', '--database', db, 'search', query, env=env())
        b = sila('--lang', 'en', '--database', target, 'search', query, env=env())
        check(out(a) == out(b) and out(a) != '', (query, out(a), out(b)))
    r = sila('--lang', 'en', '--database', target, 'check', env=env())
    check(r.returncode == 0, err(r))


@test
def a_server_database_holding_data_is_refused():
    db, target = copied()
    before = psql(target, 'SELECT count(*) FROM audit_log')
    r = sila('--lang', 'en', '--database', db, 'db', 'copy-to', target, env=env())
    check(r.returncode == 2 and 'already holds' in err(r), (r.returncode, err(r)))
    check(psql(target, 'SELECT count(*) FROM audit_log') == before)
    other = new_database()
    psql(other, 'CREATE TABLE notes (x text)')
    r = sila('--lang', 'en', '--database', db, 'db', 'copy-to', other, env=env())
    check(r.returncode == 2, (r.returncode, err(r)))


@test
def backup_restore_and_check_on_the_server():
    _, target = copied()
    folder = tempdir()
    r = sila('--lang', 'en', '--database', target, 'backup', folder, env=env())
    check(r.returncode == 0, err(r))
    dumps = [n for n in os.listdir(folder) if n.endswith('.dump')]
    check(len(dumps) == 1 and dumps[0].startswith('sila-'), os.listdir(folder))
    dump = os.path.join(folder, dumps[0])
    check(os.stat(dump).st_mode & 0o777 == 0o600)

    fresh = new_database()
    r = sila('--lang', 'en', '--database', fresh, 'restore', dump, env=env())
    check(r.returncode == 0, err(r))
    check(psql(fresh, 'SELECT count(*) FROM requests') ==
          psql(target, 'SELECT count(*) FROM requests'))
    r = sila('--lang', 'en', '--database', fresh, 'check', env=env())
    check(r.returncode == 0, err(r))

    # Into a database that is not empty: refused, nothing changed.
    before = psql(fresh, 'SELECT count(*) FROM audit_log')
    r = sila('--lang', 'en', '--database', fresh, 'restore', dump, env=env())
    check(r.returncode != 0 and 'not empty' in err(r), err(r))
    check(psql(fresh, 'SELECT count(*) FROM audit_log') == before)

    with open(dump, 'rb') as f:
        data = f.read()
    for name, broken in (('cut.dump', data[:len(data) // 2]),
                         ('damaged.dump', data[:len(data) // 2] + bytes(
                             b ^ 0x5a for b in data[len(data) // 2:len(data) // 2 + 64])
                          + data[len(data) // 2 + 64:])):
        path = os.path.join(folder, name)
        with open(path, 'wb') as f:
            f.write(broken)
        empty = new_database()
        r = sila('--lang', 'en', '--database', empty, 'restore', path, env=env())
        check(r.returncode != 0 and 'damaged or incomplete' in err(r), (name, err(r)))
        check(psql(empty, "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'") == '0')
    r = sila('--lang', 'ar', '--database', new_database(), 'restore', office(), env=env())
    check(r.returncode == 2 and 'db copy-to' in err(r), err(r))


@test
def a_password_in_the_address_is_never_shown():
    db = office()
    for target in ('postgresql://sila:s3cret-word@127.0.0.1:1/office',
                   'host=127.0.0.1 port=1 password=s3cret-word dbname=office'):
        r = sila('--lang', 'en', '--database', db, 'db', 'copy-to', target, env=env())
        check(r.returncode == 2, (r.returncode, err(r)))
        check('s3cret-word' not in err(r) + out(r), err(r))


if not SERVER:
    sys.exit('Run under tests/pgcluster.py run --, which starts a server.')
run()
