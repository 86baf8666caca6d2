# SPDX-License-Identifier: GPL-3.0-or-later
"""What the field work tests share (test_field_cli.py, test_field_engines.py):
the command line with a fixed clock, registering and editing files, and an
office database read, copied and fingerprinted alike whether it is a SQLite
file or a database on the test server (tests/pgcluster.py). Kits and
bundles are files on both."""
import hashlib
import json
import os
import shutil
import sqlite3
import subprocess

import taplib
from taplib import check, err, headless_env, new_database, out, sila, tempdir

# Tables that travel, and the columns that hold numbers made final at the
# merge (they differ with the order of separate merges) or count edits.
TRAVEL = ['beneficiaries', 'household_members', 'beneficiary_incomes', 'requests',
          'request_documents', 'request_document_files', 'request_events', 'research_reports',
          'committee_decisions', 'deliveries', 'contacts', 'outreach_dismissals',
          'outreach_contacts', 'survey_responses', 'survey_answers', 'feedback_items']
NUMBERS = {'beneficiaries': {'file_number'}, 'requests': {'seq', 'number'},
           'contacts': {'seq'}, 'feedback_items': {'number'}}


def national_id(n):
    """A valid Saudi ID number (Luhn check digit)."""
    base = f'1{n + 10:08d}'
    for last in range(10):
        total = 0
        for i, c in enumerate(base + str(last)):
            d = int(c)
            if i % 2 == 0:
                d *= 2
                d = d - 9 if d > 9 else d
            total += d
        if total % 10 == 0:
            return base + str(last)
    raise AssertionError(n)


def env(now):
    e = headless_env()
    for k in ('SILA_USER', 'SILA_PASSWORD', 'SILA_NEW_PASSWORD'):
        e.pop(k, None)
    e['SILA_FAKE_NOW'] = now
    return e


def cli(db, *args, now='2026-12-01T08:00:00Z', expect=0):
    r = sila('--database', db, '--lang', 'en', *args, env=env(now))
    check(r.returncode == expect, f'{args}: exit {r.returncode}, not {expect}: {err(r)}{out(r)}')
    return r


def register(db, folder, rows, now):
    path = os.path.join(folder, f'reg-{abs(hash((db, now)))}.csv')
    with open(path, 'w', encoding='utf-8') as f:
        f.write('national_id,name,phone,gender,birth_date,district\n')
        for nid, name, phone, district in rows:
            f.write(f'{nid},{name},{phone},female,1980-01-01,{district}\n')
    cli(db, 'import', 'beneficiaries', path, now=now)


def is_server(db):
    return db.startswith('host=') or '://' in db


def literal(value):
    """A value as a PostgreSQL literal (the test's own values only)."""
    if value is None:
        return 'NULL'
    if isinstance(value, (int, float)):
        return repr(value)
    return "'" + str(value).replace("'", "''") + "'"


def with_literals(sql, params):
    for value in params:
        sql = sql.replace('?', literal(value), 1)
    return sql


def psql(db, sql):
    subprocess.run(['psql', '-X', '-q', '-v', 'ON_ERROR_STOP=1', '-d', db, '-c', sql],
                   check=True, capture_output=True)


def execute(db, sql, *params):
    """A write made behind the application's back (an office desk's edit
    as the window saves it, a forger's change)."""
    if is_server(db):
        psql(db, with_literals(sql, params))
        return
    with sqlite3.connect(db) as con:
        con.execute(sql, params)
    con.close()


def edit(db, national, now, **values):
    """An edit of a file's fields the search index does not hold, as the
    window saves it: new values, a new revision and time."""
    sets = ', '.join(f'{k} = ?' for k in values)
    execute(db, f'UPDATE beneficiaries SET {sets}, rev = rev + 1, updated_at = ? '
                'WHERE id_number = ?', *values.values(), now.replace('Z', '.000Z'), national)


def server_tables(db):
    return [t for (t,) in taplib.query(db, "SELECT tablename FROM pg_tables WHERE "
                                           "schemaname = 'public' ORDER BY tablename")]


def sha256(db):
    """A file's bytes; a server database's every row of every table."""
    if not is_server(db):
        with open(db, 'rb') as f:
            return hashlib.sha256(f.read()).hexdigest()
    digest = hashlib.sha256()
    for table in server_tables(db):
        digest.update(json.dumps([table, rows(db, table)], ensure_ascii=False).encode())
    return digest.hexdigest()


def normal(value):
    """A value as both engines give it back: bytea as PostgreSQL's hex
    text, a whole number stored as REAL as the number."""
    if isinstance(value, bytes):
        return '\\x' + value.hex()
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def rows(db, table, skip=()):
    """The rows of TABLE, each as sorted (column, value) pairs, sorted."""
    if is_server(db):
        r = subprocess.run(['psql', '-X', '-q', '-A', '-t', '-v', 'ON_ERROR_STOP=1', '-d', db,
                            '-c', f"SELECT coalesce (json_agg (t), '[]') FROM {table} t"],
                           check=True, capture_output=True, text=True)
        data = [list(r.items()) for r in json.loads(r.stdout)]
    else:
        con = sqlite3.connect(f'file:{db}?mode=ro', uri=True)
        cur = con.execute(f'SELECT * FROM {table}')
        names = [d[0] for d in cur.description]
        data = [list(zip(names, r)) for r in cur.fetchall()]
        con.close()
    result = []
    for row in data:
        # bytea reads back as PostgreSQL's hex text.
        result.append(tuple((n, normal(v)) for n, v in row if n not in skip))
    return sorted(result, key=repr)


def query(db, sql, *params):
    if is_server(db):
        return [tuple(r) for r in taplib.query(db, with_literals(sql, params))]
    con = sqlite3.connect(f'file:{db}?mode=ro', uri=True)
    result = con.execute(sql, params).fetchall()
    con.close()
    return result


def copy_database(db):
    """A copy of the office database as it is."""
    if is_server(db):
        copy = new_database()
        name = copy.rsplit('dbname=', 1)[1]
        psql(copy.rsplit('dbname=', 1)[0] + 'dbname=postgres',
             f'DROP DATABASE "{name}"; ')
        psql(copy.rsplit('dbname=', 1)[0] + 'dbname=postgres',
             f'CREATE DATABASE "{name}" TEMPLATE "{db.rsplit("dbname=", 1)[1]}"')
        return copy
    path = os.path.join(tempdir(), 'office.db')
    shutil.copyfile(db, path)
    os.chmod(path, 0o600)
    return path


def conflicts(db):
    r = cli(db, 'field', 'conflicts', '--json')
    return sorted((c['kind'], c['table'], c['record'], c['column'], c['base'], c['field'],
                   c['office'], c['other']) for c in json.loads(out(r)))


P = {k: national_id(i) for i, k in enumerate(['A', 'B', 'C', 'X', 'P', 'Q', 'N1', 'N2', 'K'])}

def merge(db, *bundles, expect=1, now='2026-12-02T08:00:00Z'):
    r = cli(db, 'field', 'merge', *bundles, '--json', now=now, expect=expect)
    return json.loads(out(r))


def sound(db):
    """The office database is sound, its audit chain included: `sila check`
    on a file. On a server that command is PostgreSQL's own tools'
    (amcheck), not in this build yet; the audit trail is then read back
    whole, its entries numbered without a gap."""
    if not is_server(db):
        cli(db, 'check')
        return
    seqs = [s for (s,) in query(db, 'SELECT seq FROM audit_log ORDER BY seq')]
    check(seqs == list(range(1, len(seqs) + 1)), seqs)
    check(json.loads(out(cli(db, 'audit', '--limit', '1', '--json'))) != [])


def make_day(office, d):
    """Two kits of the office OFFICE (made in the folder D) and the day's
    work on all three: the office database as it was before the merges,
    and the two bundles."""
    register(office, d, [(P['A'], 'نورة عبدالله الحربي', '0501234500', 'النسيم'),
                         (P['B'], 'سارة عبدالله الحربي', '0501234501', 'الروضة'),
                         (P['X'], 'هند محمد القحطاني', '0501234502', 'النسيم')],
             '2026-11-01T08:00:00Z')
    k1, k2 = os.path.join(d, 'k1.db'), os.path.join(d, 'k2.db')
    r = cli(office, 'field', 'kit', '--event', 'يوم حي النسيم', '--district', 'النسيم',
            '--out', k1, now='2026-12-01T07:00:00Z')
    check('personal data' in out(r), out(r))
    cli(office, 'field', 'kit', '--event', 'يوم حي النسيم', '--district', 'النسيم', '--out', k2,
        now='2026-12-01T07:05:00Z')
    for kit in (k1, k2):
        check(os.stat(kit).st_mode & 0o777 == 0o600, oct(os.stat(kit).st_mode))
        check(os.stat(kit + '.base').st_mode & 0o777 == 0o600)

    # The office goes on working: it registers Q and edits X's address.
    register(office, d, [(P['Q'], 'منيرة سعد الدوسري', '0501234503', 'الملز')],
             '2026-12-01T09:00:00Z')
    edit(office, P['X'], '2026-12-01T09:30:00Z', address='مكتب: شارع الأمير')

    # Laptop 1: P registered at 10:00, a new file N1 with a request, an
    # edit of X's address and notes, and two anonymous survey responses.
    register(k1, d, [(P['P'], 'ريم خالد العتيبي', '0501234504', 'النسيم'),
                     (P['N1'], 'لطيفة فهد الشمري', '0501234505', 'النسيم')],
             '2026-12-01T10:00:00Z')
    number = out(cli(k1, 'request', 'open', '--national-id', P['N1'], '--type',
                     'financial_aid', '--channel', 'phone', now='2026-12-01T10:10:00Z')).strip()
    check(number.split('-')[1].startswith('9'), number)
    # The laptop finds its own request by its provisional number.
    check(json.loads(out(cli(k1, 'request', 'show', number, '--json')))['number'] == number)
    edit(k1, P['X'], '2026-12-01T10:20:00Z', address='ميدان: حي النسيم', notes='ملاحظة الحاسب 1')
    survey = os.path.join(d, 'survey.csv')
    with open(survey, 'w', encoding='utf-8') as f:
        f.write('date,overall,recommend\n2026-12-01,5,9\n2026-12-01,4,8\n')
    cli(k1, 'survey', 'import', survey, now='2026-12-01T10:30:00Z')

    # Laptop 2: P registered again at 11:00, Q registered (the office has Q), a
    # contact with N2, a later edit of X's notes and health notes.
    register(k2, d, [(P['P'], 'ريم خالد العتيبي', '0501234514', 'النسيم'),
                     (P['Q'], 'منيرة سعد الدوسري', '0501234503', 'الملز'),
                     (P['N2'], 'حصة ناصر المطيري', '0501234506', 'النسيم')],
             '2026-12-01T11:00:00Z')
    cli(k2, 'contact', 'add', '--national-id', P['N2'], '--channel', 'phone', '--direction',
        'in', '--kind', 'inquiry', '--note', 'سؤال عن الموعد', now='2026-12-01T11:10:00Z')
    edit(k2, P['X'], '2026-12-01T11:20:00Z', notes='ملاحظة الحاسب 2', health_notes='سكري')

    b1, b2 = os.path.join(d, 'b1.bundle'), os.path.join(d, 'b2.bundle')
    cli(k1, 'field', 'bundle', '--out', b1, now='2026-12-01T16:00:00Z')
    cli(k2, 'field', 'bundle', '--out', b2, now='2026-12-01T16:05:00Z')
    return dict(office=office, k1=k1, k2=k2, b1=b1, b2=b2, dir=d, request=number)
