#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The audit trail against someone with the database file in hand: entries
deleted, forged, changed or cut off at the end are reported by `sila check`
(the hash chain, and the head kept in the last backup); the retention
redaction is refused on a live file; reading personal data from the command
line leaves an entry, and a read-only database shows none and takes no
sign-in; exports are private from their first byte; arguments that are not
UTF-8 are refused at the door."""
import os
import sqlite3
import stat
import subprocess

from taplib import check, err, headless_env, out, run, sila, sila_bin, tempdir, test

REDACTED = '{"redacted":"retention"}'


def luhn_id(prefix):
    body = (prefix + '00000' + prefix * 3)[:9]
    for d in range(10):
        total = 0
        for i, c in enumerate(body + str(d)):
            x = int(c)
            if i % 2 == 0:
                x *= 2
                if x > 9:
                    x -= 9
            total += x
        if total % 10 == 0:
            return body + str(d)
    raise AssertionError('no check digit')


NID = luhn_id('1')


def env_for(folder):
    """Backups of the tests go to a folder of their own."""
    return headless_env(XDG_DATA_HOME=os.path.join(folder, 'data'))


def make_db():
    folder = tempdir()
    db = os.path.join(folder, 'office.db')
    csv = os.path.join(folder, 'register.csv')
    with open(csv, 'w', encoding='utf-8') as f:
        f.write('national_id,name,phone,gender,birth_date\n')
        f.write(f'{NID},نورة سعد عبد الله الحربي,0551234567,female,1980-05-17\n')
    e = env_for(folder)
    r = sila('--database', db, 'import', 'beneficiaries', csv, env=e)
    check(r.returncode == 0, err(r))
    r = sila('--database', db, 'request', 'open', '--national-id', NID, '--type', 'food_basket',
             '--channel', 'phone', '--received', '2026-03-02', env=e)
    check(r.returncode == 0, err(r))
    number = out(r).strip()
    r = sila('--database', db, 'settings', 'set', 'answer_window_days', '21', env=e)
    check(r.returncode == 0, err(r))
    return folder, db, number


def query(db, sql, *params):
    con = sqlite3.connect(db)
    try:
        return con.execute(sql, params).fetchall()
    finally:
        con.close()


def tamper(db, sql, put_back=True):
    """What someone with write access to the file can do with sqlite3. A
    careful someone puts back the triggers they dropped, so that the schema
    Sila Desk checks on opening is as it made it and only the chain tells;
    with put_back=False the dropped triggers stay dropped."""
    con = sqlite3.connect(db)
    try:
        triggers = con.execute("SELECT name, sql FROM sqlite_schema "
                               "WHERE type = 'trigger'").fetchall()
        con.executescript(sql)
        if put_back:
            left = {name for (name,) in con.execute("SELECT name FROM sqlite_schema "
                                                    "WHERE type = 'trigger'")}
            for name, text in triggers:
                if name not in left:
                    con.execute(text)
        con.commit()
    finally:
        con.close()


def check_db(folder, db):
    return sila('--lang', 'en', '--database', db, 'check', env=env_for(folder))


def count(db, action, entity):
    return query(db, 'SELECT count(*) FROM audit_log WHERE action = ? AND entity = ?',
                 action, entity)[0][0]


# The chain

@test
def untouched_database_is_sound():
    folder, db, number = make_db()
    e = env_for(folder)
    r = sila('--database', db, 'backup', os.path.join(folder, 'b1.db'), env=e)
    check(r.returncode == 0, err(r))
    r = sila('--database', db, 'request', 'show', number, env=e)
    check(r.returncode == 0, err(r))
    r = sila('--database', db, 'backup', env=e)
    check(r.returncode == 0, err(r))
    r = check_db(folder, db)
    check(r.returncode == 0, (r.returncode, err(r)))
    check('sound' in out(r), out(r))
    rows = query(db, 'SELECT count(*), count(chain_hash), count(DISTINCT chain_hash) FROM audit_log')
    check(rows[0][0] > 3 and rows[0][0] == rows[0][1] == rows[0][2], rows)
    # The backup holds the head of the trail as it was copied.
    head = query(os.path.join(folder, 'b1.db'), "SELECT value FROM meta WHERE key = 'audit_head'")
    check(head and ':' in head[0][0], head)


@test
def deleted_entry_is_reported():
    folder, db, number = make_db()
    victim = query(db, "SELECT seq FROM audit_log WHERE entity = 'request'")[0][0]
    tamper(db, f'DROP TRIGGER audit_log_no_delete; DELETE FROM audit_log WHERE seq = {victim};')
    r = check_db(folder, db)
    check(r.returncode == 1, (r.returncode, err(r)))
    check(f'#{victim} was deleted' in err(r), err(r))


@test
def forged_entry_is_reported():
    folder, db, number = make_db()
    # Slipped in at the end, as if someone had signed in.
    tamper(db, "INSERT INTO audit_log (id, at, actor_name, device_id, action, entity) "
               "VALUES ('forged', '2026-01-01T00:00:00.000Z', 'sami', 'x', 'login', 'staff');")
    r = check_db(folder, db)
    check(r.returncode == 1, (r.returncode, err(r)))
    check('not written by Sila Desk' in err(r), err(r))

    # An entry's copy of a file, changed in place.
    folder, db, number = make_db()
    seq = query(db, "SELECT seq FROM audit_log WHERE entity = 'beneficiary'")[0][0]
    tamper(db, "DROP TRIGGER audit_log_no_update; "
               f"UPDATE audit_log SET after_json = '{{}}' WHERE seq = {seq};")
    r = check_db(folder, db)
    check(r.returncode == 1, (r.returncode, err(r)))
    check(f'#{seq} was changed' in err(r), err(r))

    # Who did it, changed: the chain breaks there.
    folder, db, number = make_db()
    tamper(db, "DROP TRIGGER audit_log_no_update; "
               "UPDATE audit_log SET actor_name = 'someone' WHERE seq = 1;")
    r = check_db(folder, db)
    check(r.returncode == 1, (r.returncode, err(r)))
    check('breaks at entry #1' in err(r), err(r))


@test
def chain_removed_is_reported():
    # The chain's column dropped: the table is no longer what Sila Desk made,
    # so the database is refused on opening (a file that cannot be read as
    # Sila Desk's, exit 2), check included, naming the table.
    folder, db, number = make_db()
    tamper(db, 'DROP TRIGGER audit_log_no_update; ALTER TABLE audit_log DROP COLUMN chain_hash;')
    r = check_db(folder, db)
    check(r.returncode == 2, (r.returncode, err(r)))
    check('“audit_log” was changed' in err(r), err(r))
    check('sound' not in out(r), out(r))


@test
def dropped_trigger_is_reported():
    # Triggers left dropped after a deletion: the schema check names them.
    folder, db, number = make_db()
    tamper(db, 'DROP TRIGGER audit_log_no_delete; DELETE FROM audit_log WHERE seq = 2;',
           put_back=False)
    r = check_db(folder, db)
    check(r.returncode == 2, (r.returncode, err(r)))
    check('“audit_log_no_delete” is missing' in err(r), err(r))
    check('sound' not in out(r), out(r))


@test
def truncated_tail_is_reported_against_the_last_backup():
    folder, db, number = make_db()
    e = env_for(folder)
    r = sila('--database', db, 'backup', os.path.join(folder, 'last.db'), env=e)
    check(r.returncode == 0, err(r))
    head = int(query(os.path.join(folder, 'last.db'),
                     "SELECT value FROM meta WHERE key = 'audit_head'")[0][0].split(':')[0])
    # The entries since the request was opened go, and AUTOINCREMENT's memory
    # of them too: only the backup still knows.
    first = query(db, "SELECT min(seq) FROM audit_log WHERE entity = 'request'")[0][0]
    tamper(db, 'DROP TRIGGER audit_log_no_delete; '
               f'DELETE FROM audit_log WHERE seq >= {first}; '
               f"UPDATE sqlite_sequence SET seq = {first - 1} WHERE name = 'audit_log';")
    r = check_db(folder, db)
    check(r.returncode == 1, (r.returncode, err(r)))
    check('last.db' in err(r) and f'up to entry #{head}' in err(r), err(r))
    check('were deleted' in err(r), err(r))

    # Without the sequence reset, the database itself tells.
    folder, db, number = make_db()
    last = query(db, 'SELECT max(seq) FROM audit_log')[0][0]
    tamper(db, f'DROP TRIGGER audit_log_no_delete; DELETE FROM audit_log WHERE seq = {last};')
    r = check_db(folder, db)
    check(r.returncode == 1, (r.returncode, err(r)))
    check(f'written up to entry #{last}' in err(r), err(r))


@test
def rewritten_chain_does_not_match_the_backup():
    """Someone who recomputes every link still differs from the head the
    backup recorded."""
    folder, db, number = make_db()
    e = env_for(folder)
    r = sila('--database', db, 'backup', os.path.join(folder, 'last.db'), env=e)
    check(r.returncode == 0, err(r))
    seq, link = query(os.path.join(folder, 'last.db'),
                      "SELECT value FROM meta WHERE key = 'audit_head'")[0][0].split(':')
    tamper(db, 'DROP TRIGGER audit_log_no_update; '
               f"UPDATE audit_log SET chain_hash = 'ab' || substr (chain_hash, 3) "
               f'WHERE seq = {seq};')
    r = check_db(folder, db)
    check(r.returncode == 1, (r.returncode, err(r)))
    check('does not match' in err(r) and 'last.db' in err(r), err(r))


# Point 1: the redaction

@test
def redaction_is_refused_on_a_live_file():
    folder, db, number = make_db()
    con = sqlite3.connect(db)
    try:
        for sql in ("UPDATE audit_log SET before_json = CASE WHEN before_json IS NULL THEN NULL "
                    f"ELSE '{REDACTED}' END, after_json = '{REDACTED}', summary = NULL "
                    "WHERE entity = 'beneficiary'",
                    f"UPDATE audit_log SET after_json = '{REDACTED}' WHERE entity = 'request'"):
            try:
                con.execute(sql)
                con.commit()
                raise AssertionError('the redaction of a live file was accepted: ' + sql)
            except sqlite3.IntegrityError as e:
                check('append-only' in str(e), str(e))
    finally:
        con.close()
    check(query(db, "SELECT count(*) FROM audit_log WHERE after_json = ?", REDACTED)[0][0] == 0)

    # Closed, but not for long enough: still refused, even marked anonymized.
    tamper(db, "UPDATE beneficiaries SET status = 'closed', closed_at = date ('now', '-2 years'), "
               "anonymized_at = strftime ('%Y-%m-%dT%H:%M:%fZ', 'now')")
    con = sqlite3.connect(db)
    try:
        con.execute(f"UPDATE audit_log SET after_json = '{REDACTED}' "
                    "WHERE entity = 'beneficiary' AND after_json IS NOT NULL")
        con.commit()
        raise AssertionError('the redaction of a recent file was accepted')
    except sqlite3.IntegrityError:
        pass
    finally:
        con.close()


@test
def retention_still_redacts_and_the_trail_stays_sound():
    folder, db, number = make_db()
    tamper(db, "UPDATE beneficiaries SET status = 'closed', closed_at = date ('now', '-11 years')")
    r = sila('--database', db, 'retention', 'anonymize', env=env_for(folder))
    check(r.returncode == 0, err(r))
    check(query(db, "SELECT count(*) FROM audit_log WHERE after_json = ?", REDACTED)[0][0] > 0)
    r = check_db(folder, db)
    check(r.returncode == 0, (r.returncode, err(r)))


# Point 2: reading personal data leaves a trace

@test
def request_show_and_print_are_audited():
    folder, db, number = make_db()
    e = env_for(folder)
    for args in (['request', 'show', number], ['request', 'show', number, '--json']):
        before = count(db, 'view', 'request')
        r = sila('--database', db, *args, env=e)
        check(r.returncode == 0, err(r))
        check(count(db, 'view', 'request') == before + 1, args)
    pdf = os.path.join(folder, 'form.pdf')
    r = sila('--database', db, 'request', 'print', number, '--pdf', pdf, env=e)
    check(r.returncode == 0, err(r))
    check(count(db, 'print', 'request') == 1)
    # The blank form names no one: nothing to record.
    r = sila('--database', db, 'request', 'print', '--blank', '--pdf', pdf, env=e)
    check(r.returncode == 0, err(r))
    check(count(db, 'print', 'request') == 1)


@test
def exports_are_audited():
    folder, db, number = make_db()
    e = env_for(folder)
    r = sila('--database', db, 'export', 'beneficiaries', '--xlsx',
             os.path.join(folder, 'r.xlsx'), env=e)
    check(r.returncode == 0, err(r))
    check(count(db, 'export', 'beneficiary') == 1)
    r = sila('--database', db, 'export', 'person', '1001', env=e)
    check(r.returncode == 0, err(r))
    check(count(db, 'export', 'beneficiary') == 2)


def read_only_copy(db):
    """The database as a file its user can read but not write: another
    account's copy (tests run as root, whom permissions do not stop)."""
    folder = tempdir()
    copy = os.path.join(folder, 'ro.db')
    with open(db, 'rb') as src, open(copy, 'wb') as dst:
        dst.write(src.read())
    os.chmod(copy, 0o444)
    if os.geteuid() == 0:
        os.chown(folder, 65534, 65534)
        os.chown(copy, 65534, 65534)
    return folder, copy


def sila_as_owner_of(folder, *args, env=None):
    def drop():
        if os.geteuid() == 0:
            os.setgroups([])
            os.setgid(65534)
            os.setuid(65534)
    return subprocess.run([sila_bin(), *args], env=env or headless_env(), capture_output=True,
                          timeout=60, preexec_fn=drop)


@test
def read_only_database_shows_no_personal_data():
    folder, db, number = make_db()
    ro_folder, ro = read_only_copy(db)
    e = headless_env(XDG_DATA_HOME=os.path.join(ro_folder, 'data'))
    r = sila_as_owner_of(ro_folder, '--lang', 'en', '--database', ro, 'info', env=e)
    check(r.returncode == 0 and 'read_only: yes' in out(r), (r.returncode, out(r), err(r)))
    xlsx = os.path.join(ro_folder, 'r.xlsx')
    pdf = os.path.join(ro_folder, 'p.pdf')
    for args in (['export', 'beneficiaries', '--xlsx', xlsx],
                 ['request', 'show', number],
                 ['request', 'print', number, '--pdf', pdf],
                 ['export', 'person', '1001', '--pdf', pdf]):
        r = sila_as_owner_of(ro_folder, '--lang', 'en', '--database', ro, *args, env=e)
        check(r.returncode == 1, (args, r.returncode, err(r)))
        check('cannot be written to' in err(r), (args, err(r)))
        check(NID not in out(r) and 'نورة' not in out(r), (args, out(r)))
    leftovers = [n for n in os.listdir(ro_folder) if not n.startswith('ro.db') and n != 'data']
    check(leftovers == [], leftovers)


@test
def read_only_database_takes_no_sign_in():
    folder, db, number = make_db()
    e = env_for(folder)
    r = sila('--database', db, 'user', 'add', 'sami', '--role', 'admin',
             env=headless_env(XDG_DATA_HOME=e['XDG_DATA_HOME'],
                              SILA_NEW_PASSWORD='the admin passphrase'))
    check(r.returncode == 0, err(r))
    ro_folder, ro = read_only_copy(db)
    for password in ['wrong guess'] * 7 + ['the admin passphrase']:
        e = headless_env(SILA_USER='sami', SILA_PASSWORD=password)
        r = sila_as_owner_of(ro_folder, '--lang', 'en', '--database', ro, 'info', env=e)
        check(r.returncode == 1, (r.returncode, err(r)))
        check('signing in to it is refused' in err(r), err(r))


# Point 4: private from the first byte

@test
def exports_are_private():
    folder, db, number = make_db()
    e = env_for(folder)
    os.umask(0o022)
    made = {
        'register.xlsx': ['export', 'beneficiaries', '--xlsx'],
        'person.pdf': ['export', 'person', '1001', '--pdf'],
        'person.json': ['export', 'person', '1001', '--json'],
        'form.pdf': ['request', 'print', number, '--pdf'],
        'month.xlsx': ['report', '--month', '2026-03', '--xlsx'],
        'month.pdf': ['report', '--month', '2026-03', '--pdf'],
        'backup.db': ['backup'],
    }
    for name, args in made.items():
        path = os.path.join(folder, name)
        r = sila('--database', db, *args, path, env=e)
        check(r.returncode == 0, (name, err(r)))
        mode = stat.S_IMODE(os.stat(path).st_mode)
        check(mode == 0o600, (name, oct(mode)))
    check(not [n for n in os.listdir(folder) if 'partial' in n], os.listdir(folder))


@test
def failed_export_leaves_nothing():
    folder, db, number = make_db()
    e = env_for(folder)
    # A destination that is a folder: the file cannot take its place.
    target = os.path.join(folder, 'taken.xlsx')
    os.mkdir(target)
    before = sorted(os.listdir(folder))
    r = sila('--database', db, 'export', 'beneficiaries', '--xlsx', target, env=e)
    check(r.returncode != 0, r.returncode)
    check(sorted(os.listdir(folder)) == before, sorted(os.listdir(folder)))
    # A folder that is not there.
    r = sila('--database', db, 'report', '--month', '2026-03', '--pdf',
             os.path.join(folder, 'missing', 'm.pdf'), env=e)
    check(r.returncode != 0, r.returncode)
    check(sorted(os.listdir(folder)) == before, sorted(os.listdir(folder)))


# Point 6: arguments that are not UTF-8

@test
def arguments_must_be_utf8():
    folder, db, number = make_db()
    e = env_for(folder)
    bad = b'20\xd9'
    table = [
        [b'report', b'--month', bad],
        [b'survey', b'results', b'--from', bad, b'--to', b'2026-01-31'],
        [b'request', b'show', bad],
        [b'request', b'move', bad, b'closed'],
        [b'request', b'open', b'--national-id', bad, b'--type', b'rent', b'--channel', b'phone'],
        [b'request', b'open', b'--national-id', NID.encode(), b'--type', b'rent', b'--channel',
         b'phone', b'--received', bad],
        [b'search', bad],
        [b'audit', b'--since', bad],
        [b'settings', b'set', b'answer_window_days', b'\xff'],
    ]
    audit_before = query(db, 'SELECT count(*) FROM audit_log')[0][0]
    for args in table:
        r = subprocess.run([sila_bin().encode(), b'--lang', b'en', b'--database', db.encode(),
                            *args], env=e, capture_output=True, timeout=60)
        check(r.returncode == 2, (args, r.returncode, err(r)))
        check('not valid UTF-8' in err(r), (args, err(r)))
    check(query(db, 'SELECT count(*) FROM audit_log')[0][0] == audit_before)
    # The database path too.
    r = subprocess.run([sila_bin().encode(), b'--database', b'/tmp/\xff.db', b'info'], env=e,
                       capture_output=True, timeout=60)
    check(r.returncode == 2, r.returncode)


if __name__ == '__main__':
    run()
