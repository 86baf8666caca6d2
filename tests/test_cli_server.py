#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""--database on an office server (meson suite postgres, under
tests/pgcluster.py): db init on an empty database, then db upgrade and the
other commands; every refusal (an empty database for a command that does not
bring data in, another program's, one of a newer version, a server that
cannot be reached, a password) with exit status 2, in English and Arabic,
never showing a password, and changing nothing."""
import os
import subprocess

from taplib import check, err, headless_env, new_database, out, run, sila, test


def env():
    e = headless_env(SILA_NEW_PASSWORD='a fine passphrase')
    for k in ('SILA_USER', 'SILA_PASSWORD'):
        e.pop(k, None)
    return e


def psql(conninfo, sql):
    r = subprocess.run(['psql', '-X', '-q', '-A', '-t', '-v', 'ON_ERROR_STOP=1', '-d', conninfo,
                        '-c', sql], check=True, capture_output=True, text=True)
    return r.stdout.strip()


def tables(conninfo):
    return psql(conninfo, "SELECT string_agg(tablename, ',' ORDER BY tablename) FROM pg_tables "
                          "WHERE schemaname = 'public'")


@test
def an_empty_database_is_refused_by_a_command_that_does_not_bring_data_in():
    db = new_database()
    for lang, words in (('en', 'db init'), ('ar', 'db init')):
        r = sila('--lang', lang, '--database', db, 'info', env=env())
        check(r.returncode == 2, (r.returncode, err(r)))
        check(words in err(r), err(r))
    r = sila('--lang', 'ar', '--database', db, 'db', 'upgrade', env=env())
    check(r.returncode == 2 and 'فارغة' in err(r), err(r))
    check(tables(db) == '', tables(db))


@test
def db_init_sets_up_an_empty_database_once():
    db = new_database()
    r = sila('--lang', 'en', '--database', db, 'db', 'init', env=env())
    check(r.returncode == 0, err(r))
    check('is set up for Sila Desk' in err(r), err(r))
    check(psql(db, "SELECT value FROM sila_meta WHERE key = 'application'") == 'sila-desk')
    r = sila('--lang', 'en', '--database', db, 'db', 'init', env=env())
    check(r.returncode == 0 and 'already a Sila Desk database' in err(r), err(r))
    r = sila('--lang', 'en', '--database', db, 'db', 'upgrade', env=env())
    check(r.returncode == 0 and 'up to date' in err(r), err(r))
    r = sila('--lang', 'en', '--database', db, 'info', env=env())
    check(r.returncode == 0, err(r))
    check('database: ' in out(r), out(r))


@test
def a_command_that_brings_data_in_sets_up_an_empty_database():
    db = new_database()
    r = sila('--lang', 'en', '--database', db, 'settings', 'set', 'answer_window_days', '20',
             env=env())
    check(r.returncode == 0, err(r))
    r = sila('--lang', 'en', '--database', db, 'settings', 'get', 'answer_window_days',
             env=env())
    check(r.returncode == 0 and out(r).strip() == '20', (out(r), err(r)))


@test
def another_programs_database_is_refused_and_left_alone():
    db = new_database()
    psql(db, 'CREATE TABLE notes (body text)')
    for command in (['db', 'init'], ['settings', 'set', 'answer_window_days', '20'], ['info']):
        r = sila('--lang', 'en', '--database', db, *command, env=env())
        check(r.returncode == 2, (command, r.returncode, err(r)))
        check('another program' in err(r), err(r))
    r = sila('--lang', 'ar', '--database', db, 'db', 'init', env=env())
    check(r.returncode == 2 and 'برنامج آخر' in err(r), err(r))
    check(tables(db) == 'notes', tables(db))


@test
def a_database_of_a_newer_version_is_refused():
    db = new_database()
    psql(db, "CREATE TABLE sila_meta (key text PRIMARY KEY, value text NOT NULL); "
             "INSERT INTO sila_meta VALUES ('application', 'sila-desk'), "
             "('schema_version', '9999')")
    for command in (['db', 'init'], ['db', 'upgrade'], ['info']):
        r = sila('--lang', 'en', '--database', db, *command, env=env())
        check(r.returncode == 2, (command, r.returncode, err(r)))
        check('newer version' in err(r) and '9999' in err(r), err(r))
    check(psql(db, "SELECT value FROM sila_meta WHERE key = 'schema_version'") == '9999')


@test
def an_unreachable_server_is_said_plainly_without_the_password():
    folder = os.environ['SILA_TEST_PG'].split('host=', 1)[1].split()[0]
    for target in (f'host={folder}/nowhere dbname=office password=hush-hush',
                   'postgresql://sila:hush-hush@127.0.0.1:1/office'):
        r = sila('--lang', 'en', '--database', target, 'info', env=env())
        check(r.returncode == 2, (r.returncode, err(r)))
        check('cannot be reached' in err(r), err(r))
        check('hush-hush' not in err(r) + out(r), err(r))
        r = sila('--lang', 'ar', '--database', target, 'info', env=env())
        check(r.returncode == 2 and 'تعذّر الوصول إلى خادم المكتب' in err(r), err(r))
        check('hush-hush' not in err(r) + out(r), err(r))


@test
def a_refused_or_missing_password_is_said_plainly():
    server = os.environ['SILA_TEST_PG']
    folder = server.split('host=', 1)[1].split()[0]
    db = new_database()
    role = f'desk_{os.getpid()}'
    psql(db, f"CREATE ROLE {role} LOGIN PASSWORD 'right-one'")
    # The test cluster trusts its socket; this role alone must give a
    # password, as on an office's server (scram-sha-256).
    hba = os.path.join(folder, 'data', 'pg_hba.conf')
    with open(hba, encoding='utf-8') as f:
        rules = f.read()
    with open(hba, 'w', encoding='utf-8') as f:
        f.write(f'local all {role} scram-sha-256\n' + rules)
    psql(db, 'SELECT pg_reload_conf()')
    e = env()
    e['PGPASSFILE'] = os.path.join(folder, 'no-such-pgpass')
    dbname = db.split('dbname=', 1)[1]
    for password, english, arabic in (('wrong-one', 'refused the user name or password',
                                       'رفض خادم المكتب'),
                                      (None, 'asks for a password', 'يطلب خادم المكتب')):
        target = f'host={folder} port=5432 user={role} dbname={dbname}'
        if password:
            target += f' password={password}'
        r = sila('--lang', 'en', '--database', target, 'info', env=e)
        check(r.returncode == 2, (r.returncode, err(r)))
        check(english in err(r), err(r))
        check('wrong-one' not in err(r) + out(r), err(r))
        r = sila('--lang', 'ar', '--database', target, 'info', env=e)
        check(r.returncode == 2 and arabic in err(r), err(r))
    # The right password gets as far as the database (empty: db init first).
    r = sila('--lang', 'en', '--database', f'host={folder} port=5432 user={role} '
             f'dbname={dbname} password=right-one', 'info', env=e)
    check(r.returncode == 2 and 'db init' in err(r), err(r))
    check('right-one' not in err(r), err(r))


if __name__ == '__main__':
    run()
