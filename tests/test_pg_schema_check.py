#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""A server database's schema against what Sila Desk expects (meson suite
postgres, under tests/pgcluster.py): a database fresh from `db init` is
sound; a column or table dropped, an index or a unique constraint gone, the
audit trail's triggers dropped or turned off, their function rewritten, or
a right on the audit trail granted back are each named by `sila check`
(exit 1), in English and Arabic. Opening a database with a table or column
missing says so plainly (exit 2) and changes nothing."""
import subprocess

from taplib import check, err, headless_env, new_database, out, run, sila, test

PASSWORD = 'a fine passphrase'


def env():
    return headless_env(SILA_NEW_PASSWORD=PASSWORD, SILA_USER='admin', SILA_PASSWORD=PASSWORD)


def psql(conninfo, sql):
    r = subprocess.run(['psql', '-X', '-q', '-A', '-t', '-v', 'ON_ERROR_STOP=1', '-d', conninfo,
                        '-c', sql], check=True, capture_output=True, text=True)
    return r.stdout.strip()


def initialized():
    db = new_database()
    r = sila('--lang', 'en', '--database', db, 'db', 'init', env=env())
    check(r.returncode == 0, err(r))
    # The first administrator, made by a command that signs in.
    r = sila('--lang', 'en', '--database', db, 'info', env=env())
    check(r.returncode == 0, err(r))
    return db


def checked(db, lang='en'):
    return sila('--lang', lang, '--database', db, 'check', env=env())


def reported(db, *names):
    """`check` finds the database altered, naming each of @names."""
    r = checked(db)
    check(r.returncode == 1, (r.returncode, err(r)))
    check('not a Sila Desk database as this version made it' in err(r), err(r))
    for name in names:
        check(name in err(r), (name, err(r)))
    check('Traceback' not in err(r) and 'ERROR:' not in err(r), err(r))
    return r


@test
def a_database_fresh_from_db_init_is_sound():
    db = initialized()
    r = checked(db)
    check(r.returncode == 0, err(r))
    check('The database is sound.' in out(r), out(r))
    r = checked(db, 'ar')
    check(r.returncode == 0, err(r))


@test
def a_dropped_column_is_named():
    db = initialized()
    psql(db, 'ALTER TABLE beneficiaries DROP COLUMN mobile')
    reported(db, '“beneficiaries.mobile”')
    r = checked(db, 'ar')
    check(r.returncode == 1 and 'beneficiaries.mobile' in err(r), err(r))
    check('العمود' in err(r), err(r))


@test
def a_changed_column_type_or_collation_is_named():
    db = initialized()
    psql(db, 'ALTER TABLE requests ALTER COLUMN description TYPE bytea USING description::bytea')
    psql(db, 'ALTER TABLE staff ALTER COLUMN display_name TYPE text COLLATE "POSIX"')
    reported(db, '“requests.description”', 'bytea', '“staff.display_name”', 'POSIX')


@test
def a_dropped_table_is_named_by_check_and_refused_on_opening():
    db = initialized()
    psql(db, 'DROP TABLE outreach_contacts')
    reported(db, '“outreach_contacts”')
    before = psql(db, 'SELECT count(*), max(seq) FROM audit_log')
    meta = psql(db, 'SELECT string_agg(key || value, \',\' ORDER BY key) FROM sila_meta')
    for lang, words in (('en', 'not a Sila Desk database as this version made it'),
                        ('ar', 'outreach_contacts')):
        for command in (['info'], ['settings', 'set', 'answer_window_days', '21'], ['db', 'init'],
                        ['db', 'upgrade']):
            r = sila('--lang', lang, '--database', db, *command, env=env())
            check(r.returncode == 2, (command, r.returncode, err(r)))
            check(words in err(r) and 'outreach_contacts' in err(r), err(r))
            check('ERROR:' not in err(r) and 'relation' not in err(r), err(r))
    r = sila('--lang', 'ar', '--database', db, 'info', env=env())
    check('الجدول' in err(r), err(r))
    check(psql(db, 'SELECT count(*), max(seq) FROM audit_log') == before)
    check(psql(db, 'SELECT string_agg(key || value, \',\' ORDER BY key) FROM sila_meta') == meta)
    check(psql(db, "SELECT value FROM office_settings WHERE key = 'answer_window_days'") != '21')


@test
def a_dropped_audit_trigger_is_named():
    db = initialized()
    psql(db, 'DROP TRIGGER audit_log_no_delete ON audit_log')
    reported(db, '“audit_log_no_delete”')
    r = checked(db, 'ar')
    check(r.returncode == 1 and 'audit_log_no_delete' in err(r), err(r))


@test
def a_turned_off_trigger_or_rewritten_function_is_named():
    db = initialized()
    psql(db, 'ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_truncate')
    psql(db, "CREATE OR REPLACE FUNCTION sila_audit_log_no_update () RETURNS trigger "
             "LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$")
    reported(db, '“audit_log_no_truncate”', '“sila_audit_log_no_update”')


@test
def a_trigger_or_rule_planted_on_the_audit_trail_is_named():
    db = initialized()
    psql(db, "CREATE FUNCTION forget () RETURNS trigger LANGUAGE plpgsql AS "
             "$$ BEGIN RETURN NULL; END $$")
    psql(db, 'CREATE TRIGGER audit_log_forget BEFORE INSERT ON audit_log '
             'FOR EACH ROW EXECUTE FUNCTION forget ()')
    psql(db, 'CREATE RULE audit_log_nothing AS ON INSERT TO audit_log DO INSTEAD NOTHING')
    reported(db, '“audit_log_forget”', '“audit_log_nothing”')


@test
def a_right_on_the_audit_trail_granted_back_is_named():
    db = initialized()
    psql(db, 'GRANT UPDATE ON audit_log TO PUBLIC')
    reported(db, '“PUBLIC”', 'UPDATE')
    psql(db, 'REVOKE UPDATE ON audit_log FROM PUBLIC')
    r = checked(db)
    check(r.returncode == 0, err(r))
    psql(db, 'GRANT DELETE, TRUNCATE ON audit_log TO PUBLIC')
    reported(db, '“PUBLIC”', 'DELETE', 'TRUNCATE')


@test
def a_dropped_index_or_unique_number_is_named():
    db = initialized()
    psql(db, 'DROP INDEX beneficiary_search_tokens')
    psql(db, 'ALTER TABLE beneficiaries DROP CONSTRAINT beneficiaries_file_number_key')
    psql(db, 'DROP INDEX beneficiaries_id_number')
    psql(db, 'CREATE INDEX beneficiaries_id_number ON beneficiaries (id_number)')
    reported(db, '“beneficiary_search_tokens”', 'beneficiaries (file_number)',
             '“beneficiaries_id_number”')
    # Only the tables and columns are compared on opening: this one opens.
    r = sila('--lang', 'en', '--database', db, 'info', env=env())
    check(r.returncode == 0, err(r))


if __name__ == '__main__':
    run()
