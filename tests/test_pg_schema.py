#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The PostgreSQL schema and the portability of the store's SQL, on a real
server (run under `pgcluster.py run`, which sets SILA_TEST_PG).

- The schema the library carries loads into a fresh database; with the
  shared migrations after its base version (`db init`), its tables and
  columns are a fresh SQLite database's, table for table and column for
  column, types mapped, every text column compared by code point.
- What the schema promises holds: the audit trail refuses UPDATE (but the
  retention redaction), DELETE and TRUNCATE, numbers its entries without
  gaps and remembers the highest; survey counts are kept by triggers;
  the search index answers prefix queries in the store's own syntax.
- Every SQL text the store prepares during a representative run (the store,
  request, survey, report and account tests, logged through SILA_SQL_LOG),
  with the engine's own texts put in place of SQLite's, PREPAREs on
  PostgreSQL.
"""

import json
import os
import re
import sqlite3
import subprocess
import sys

from taplib import check, headless_env, run, sila, tempdir, test

SERVER = os.environ.get('SILA_TEST_PG')
TEXTS = json.loads(subprocess.run([os.environ['SILA_PG_TEXTS']], check=True,
                                  capture_output=True, text=True).stdout)
# The PostgreSQL texts of the dialect seam, by name.
PG = {name: texts[1] for name, texts in TEXTS['dialect'].items()}

# The unit tests whose run stands for the store's SQL: every statement they
# prepare must prepare on PostgreSQL too.
REPRESENTATIVE = ['store', 'beneficiaries', 'requests', 'requests-office', 'surveys',
                  'survey-results', 'reports', 'report-approval', 'accounts', 'sign-in',
                  'audit-trail', 'outreach', 'imports', 'library', 'roles', 'backup']

# And the command-line tests whose paths the unit tests do not take (the
# outreach list, the person export, the month's report).
REPRESENTATIVE_SCRIPTS = ['test_outreach_cli.py', 'test_person_data.py', 'test_reports_cli.py']

TYPES = {'INTEGER': 'bigint', 'BIGINT': 'bigint', 'TEXT': 'text', 'BLOB': 'bytea',
         'REAL': 'double precision'}

_count = [0]


def new_database():
    if not SERVER:
        raise AssertionError('SILA_TEST_PG is not set: run under tests/pgcluster.py run')
    _count[0] += 1
    name = f'sila_schema_{os.getpid()}_{_count[0]}'
    psql('postgres', f'CREATE DATABASE "{name}"')
    return name


def psql(db, sql, check_errors=True):
    r = subprocess.run(['psql', '-X', '-q', '-A', '-t', '-v',
                        f'ON_ERROR_STOP={1 if check_errors else 0}',
                        '-d', f'{SERVER} dbname={db}'],
                       input=sql, capture_output=True, text=True)
    if check_errors and r.returncode != 0:
        raise AssertionError(f'psql: {r.stderr.strip()}')
    return r


def schema_database():
    db = new_database()
    # One transaction, as `db init` runs it.
    psql(db, 'BEGIN;\n' + TEXTS['schema'] + '\nCOMMIT;\n')
    return db


def fails(db, sql):
    """The error PostgreSQL gives for @sql, or None if it succeeds."""
    r = psql(db, sql, check_errors=False)
    m = re.search(r'ERROR:\s*(.*)', r.stderr)
    return m.group(1) if m else None


def fresh_sqlite():
    d = tempdir()
    path = os.path.join(d, 'fresh.db')
    r = sila('--database', path, 'settings', 'set', 'answer_window_days', '14',
             env=headless_env())
    check(r.returncode == 0, r.stderr.decode())
    return path


# Tables and columns

def sqlite_tables(path):
    con = sqlite3.connect(path)
    names = [n for (n,) in con.execute(
        "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
        "ORDER BY name")]
    # FTS5 keeps its index in shadow tables of its own.
    names = [n for n in names if not n.startswith('beneficiary_search_')]
    tables = {}
    for name in names:
        cols = []
        for cid, col, ctype, notnull, default, pk in con.execute(
                f'PRAGMA table_info ("{name}")'):
            cols.append((col, TYPES.get(ctype.upper(), ctype), bool(notnull) or pk > 0))
        tables[name] = cols
    con.close()
    # The search index: the file number is FTS5's rowid there, a column here.
    tables['beneficiary_search'] = [('file_number', 'bigint', True),
                                    ('tokens', 'tsvector', True)]
    return tables


def pg_tables(db):
    r = psql(db, "SELECT c.relname, a.attname, format_type (a.atttypid, a.atttypmod), "
                 "a.attnotnull FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                 "JOIN pg_attribute a ON a.attrelid = c.oid WHERE n.nspname = 'public' "
                 "AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped "
                 "AND c.relname <> 'sila_meta' ORDER BY c.relname, a.attnum")
    tables = {}
    for line in r.stdout.splitlines():
        if line:
            table, col, ctype, notnull = line.split('|')
            tables.setdefault(table, []).append((col, ctype, notnull == 't'))
    return tables


def initialized_database():
    """A database set up by `db init`: the schema at its base version, then
    the shared migrations after it."""
    db = new_database()
    r = sila('--database', f'{SERVER} dbname={db}', 'db', 'init', env=headless_env())
    check(r.returncode == 0, r.stderr.decode())
    return db


# The versions whose migrations run on a server after the schema's base
# version: a new one is written in portable SQL and added here once this
# test has seen its tables match SQLite's.
SHARED_MIGRATIONS = [14]


@test
def db_init_reaches_the_latest_version():
    check(TEXTS['base_version'] + len(SHARED_MIGRATIONS) == TEXTS['latest_version'],
          f"sila-pg-schema.sql stands for version {TEXTS['base_version']}, then "
          f"{SHARED_MIGRATIONS} run; the migrations reach {TEXTS['latest_version']}: a new "
          f"migration must be portable and run on both engines, and this test learn its "
          f"version")
    db = initialized_database()
    r = psql(db, "SELECT value FROM sila_meta WHERE key = 'schema_version';")
    check(r.stdout.strip() == str(TEXTS['latest_version']), r.stdout)


@test
def tables_and_columns_match_sqlite():
    db = initialized_database()
    lite = sqlite_tables(fresh_sqlite())
    pg = pg_tables(db)
    check(sorted(lite) == sorted(pg),
          f'only in SQLite: {sorted(set(lite) - set(pg))}; '
          f'only in PostgreSQL: {sorted(set(pg) - set(lite))}')
    for table in sorted(lite):
        check(lite[table] == pg[table],
              f'{table}:\n  SQLite     {lite[table]}\n  PostgreSQL {pg[table]}')
    # Text sorts and compares by code point, as SQLite's BINARY does,
    # whatever locale the server was made with.
    r = psql(db, "SELECT table_name || '.' || column_name FROM information_schema.columns "
                 "WHERE table_schema = 'public' AND data_type = 'text' "
                 "AND collation_name IS DISTINCT FROM 'C' AND table_name <> 'sila_meta';")
    check(r.stdout.strip() == '', f'text columns without COLLATE "C": {r.stdout.split()}')


# What the schema promises

AUDIT_ROW = ("INSERT INTO audit_log (id, at, actor_name, device_id, action, entity, entity_id, "
             "summary, body_hash, chain_hash) VALUES ('{id}', '2026-01-01T00:00:00.000Z', "
             "'sami', 'd', 'create', 'beneficiary', 'b1', 's', 'h', 'c');\n")


@test
def the_audit_trail_is_append_only():
    db = schema_database()
    psql(db, AUDIT_ROW.format(id='a1') + AUDIT_ROW.format(id='a2'))
    for sql in ["UPDATE audit_log SET summary = 'changed' WHERE id = 'a1'",
                "UPDATE audit_log SET actor_name = 'someone' WHERE id = 'a1'",
                "DELETE FROM audit_log WHERE id = 'a2'",
                "TRUNCATE audit_log",
                "TRUNCATE audit_log CASCADE"]:
        error = fails(db, sql + ';')
        check(error is not None and 'append-only' in error, (sql, error))
    r = psql(db, "SELECT count (*) FROM audit_log WHERE summary = 's';")
    check(r.stdout.strip() == '2', r.stdout)
    # The redaction of a file that was not anonymized is refused too.
    error = fails(db, "UPDATE audit_log SET summary = NULL, "
                      "before_json = '{\"redacted\":\"retention\"}' WHERE id = 'a1';")
    check(error is not None and 'append-only' in error, error)
    # DELETE and TRUNCATE are not PUBLIC's to grant.
    r = psql(db, "SELECT has_table_privilege ('public', 'audit_log', 'DELETE'), "
                 "has_table_privilege ('public', 'audit_log', 'TRUNCATE');")
    check(r.stdout.strip() == 'f|f', r.stdout)


@test
def the_retention_redaction_of_an_anonymized_file_is_allowed():
    db = schema_database()
    psql(db, "INSERT INTO segments (id, code, name_ar, name_en, position, created_at, updated_at, "
             "device_id) VALUES ('s', 'widow', 'x', 'x', 1, 'n', 'n', 'd');"
             "INSERT INTO beneficiaries (id, file_number, id_type, first_name, name_folded, "
             "name_key, consent, status, closed_at, created_at, updated_at, created_by, "
             "updated_by, device_id, anonymized_at) VALUES ('b1', 1, 'none', 'x', 'x', 'x', "
             "'given', 'closed', '2010-01-01T00:00:00.000Z', 'n', 'n', 'u', 'u', 'd', "
             "'2026-01-02T00:00:00.000Z');" + AUDIT_ROW.format(id='a1'))
    psql(db, "UPDATE audit_log SET summary = NULL, before_json = '{\"redacted\":\"retention\"}', "
             "after_json = '{\"redacted\":\"retention\"}' WHERE id = 'a1';")
    r = psql(db, "SELECT coalesce (summary, 'null'), before_json FROM audit_log;")
    check(r.stdout.strip() == 'null|{"redacted":"retention"}', r.stdout)
    # Closed only a year before: still within the ten years kept.
    psql(db, "UPDATE beneficiaries SET closed_at = '2025-06-01T00:00:00.000Z';"
             + AUDIT_ROW.format(id='a2'))
    error = fails(db, "UPDATE audit_log SET summary = NULL WHERE id = 'a2';")
    check(error is not None and 'append-only' in error, error)


@test
def audit_entries_are_numbered_without_gaps_and_the_highest_is_remembered():
    db = schema_database()
    highest = PG['audit_highest_seq']
    check(psql(db, highest + ';').stdout.strip() == '', 'a number before any entry')
    psql(db, AUDIT_ROW.format(id='a1'))
    # A transaction that rolls back takes no number for good.
    psql(db, 'BEGIN;\n' + AUDIT_ROW.format(id='a2') + 'ROLLBACK;\n')
    psql(db, AUDIT_ROW.format(id='a3'))
    r = psql(db, "SELECT string_agg (id || '=' || seq, ',' ORDER BY seq) FROM audit_log;")
    check(r.stdout.strip() == 'a1=1,a3=2', r.stdout)
    check(psql(db, highest + ';').stdout.strip() == '2', 'highest')
    # An entry copied with its number keeps it; the next follows it.
    psql(db, AUDIT_ROW.replace("(id,", "(seq, id,").replace("VALUES (", "VALUES (40, ")
         .format(id='a40') + AUDIT_ROW.format(id='a41'))
    r = psql(db, "SELECT seq FROM audit_log WHERE id = 'a41';")
    check(r.stdout.strip() == '41', r.stdout)
    check(psql(db, highest + ';').stdout.strip() == '41', 'highest after a copy')


@test
def survey_counts_are_kept_by_triggers():
    db = schema_database()
    psql(db, "INSERT INTO survey_templates (id, code, name_ar, name_en, created_at, updated_at, "
             "device_id) VALUES ('t', 't', 'x', 'x', 'n', 'n', 'd');"
             "INSERT INTO survey_questions (id, template_id, position, code, kind, text_ar, "
             "text_en, required, created_at, updated_at, device_id) VALUES "
             "('q', 't', 1, 'overall', 'likert', 'x', 'x', 1, 'n', 'n', 'd');")
    for i in range(3):
        psql(db, "INSERT INTO survey_responses (id, template_id, answered_on, channel, mode, "
                 f"anonymous, created_at, updated_at, device_id) VALUES ('r{i}', 't', "
                 f"'2026-03-0{i + 1}', 'phone', 'kiosk', 1, 'n', 'n', 'd');"
                 "INSERT INTO survey_answers (response_id, question_id, answered_on, value) "
                 f"VALUES ('r{i}', 'q', '2026-03-0{i + 1}', {4 + i % 2});")
    r = psql(db, "SELECT concat_ws ('/', dim, grain, period, dim_value, code, value, n) "
                 "FROM survey_stats WHERE dim <> 'type' AND period <> '2026-03-02' ORDER BY 1;")
    check(r.stdout.split() == [
        'all/d/2026-03-01////1', 'all/d/2026-03-01//overall/4/1', 'all/d/2026-03-03////1',
        'all/d/2026-03-03//overall/4/1', 'all/m/2026-03////3', 'all/m/2026-03//overall/4/2',
        'all/m/2026-03//overall/5/1', 'channel/d/2026-03-01/phone///1',
        'channel/d/2026-03-01/phone/overall/4/1', 'channel/d/2026-03-03/phone///1',
        'channel/d/2026-03-03/phone/overall/4/1', 'channel/m/2026-03/phone///3',
        'channel/m/2026-03/phone/overall/4/2', 'channel/m/2026-03/phone/overall/5/1'],
          r.stdout)
    error = fails(db, "DELETE FROM survey_answers;")
    check(error is not None and 'cannot be deleted' in error, error)


@test
def the_search_index_answers_the_stores_prefix_queries():
    db = schema_database()
    insert = PG['search_insert']
    query = PG['search_numbers']
    rows = {1: 'احمد عبدالله عبد الله ابراهيم ال سعيد 1 551234567',
            2: 'فاطمه علي موسي القحطانيه قحطانيه 2  567654321',
            3: 'Ahmed Smith 3'}
    sql = ''.join(f"{prepare(f'i{n}', insert)};\nEXECUTE i{n} ({n}, '{t}');\n"
                  for n, t in rows.items())
    psql(db, sql)
    for match, expected in [("'احم':*", '1'), ("'قحطان':*", '2'),
                            ("'احمد':* & ('055':* | '55':*)", '1'),
                            ("'ahm':*", '3'), ("'AHMED':*", '3'), ("'5':*", '2,1'),
                            ("'خالد':*", '')]:
        quoted = match.replace("'", "''")
        r = psql(db, f"{prepare('q', query)};\n"
                     f"CREATE TEMP TABLE found AS EXECUTE q ('{quoted}', NULL, NULL, NULL, "
                     f"NULL, 100);\n"
                     f"SELECT string_agg (CAST (file_number AS text), ',') FROM found;\n")
        check(r.stdout.strip() == expected, (match, r.stdout))


# Search: the same files, in the same order, on both engines

# Files as in unit/beneficiaries' search variants, and more sharing names,
# so that the order shows.
SEARCH_FILES = [
    (1, '1000000011', '+966551234567', 'أحمد|عبدالله|إبراهيم|آل سعيد'),
    (2, '2000000022', '+966567654321', 'فاطمة|عليّ|موسى|القحطانيـة'),
    (3, '1000000033', '-', 'مُحَمَّد|عبد الرحمن|يحيى|الحربي'),
    (4, '-', '+966501112222', 'محمد|أحمد|علي|الغامدي'),
    (5, '1000000055', '+966551230000', 'أحمد|محمد|سعيد|العتيبي'),
    (17, '2000000177', '-', 'Ahmed|Ali||Smith'),
    (100, '1002000001', '+966599999999', 'عبدالله|أبوبكر|محمد|الحربي'),
]
SEARCH_TEXTS = ['احمد', 'إبراهيم', 'ابراهيم', 'ال سعيد', 'فاطمه', 'موسي', 'علي', 'محمد',
                'مـحـمـد', 'القحطانية', 'قحطانيه', 'يحيي', 'عبد الله', 'عبدالرحمن', 'فاط',
                'الحربي محمد', 'سعيد أح', '1002', '١٠٠٢', '1000000', '0551234567', '055 123',
                '٠٥٥١٢٣٤٥٦٧', '+966551234567', '00966 55 123', '567654321', 'احمد 055',
                'خالد', 'احمد الحربي', '"" OR * NEAR(', "it's", 'ahmed', 'AHM', 'ابو', 'بكر',
                'عبد', 'ح', '5', '1', 'غامدي', 'محمد احمد']

FTS5_TABLE = ("CREATE VIRTUAL TABLE beneficiary_search USING fts5 (tokens, content = '', "
              "tokenize = 'unicode61 remove_diacritics 0', prefix = '2 3')")  # step 6


@test
def search_finds_the_same_files_in_the_same_order_on_both_engines():
    lines = [f'file\t{n}\t{i}\t{m}\t{name}' for n, i, m, name in SEARCH_FILES]
    lines += [f'query\t{t}' for t in SEARCH_TEXTS]
    data = json.loads(subprocess.run([os.environ['SILA_PG_TEXTS'], 'search'], check=True,
                                     input='\n'.join(lines) + '\n', capture_output=True,
                                     text=True).stdout)
    lite = sqlite3.connect(':memory:')
    lite.execute(FTS5_TABLE)
    for number, tokens in data['files']:
        lite.execute(TEXTS['dialect']['search_insert'][0], (number, tokens))
    db = schema_database()
    script = [prepare('ins', PG['search_insert']) + ';']
    script += [f"EXECUTE ins ({n}, '{t}');" for n, t in data['files']]
    script.append(prepare('q', PG['search_numbers']) + ';')
    queries = [q for q in data['queries'] if q[1] is not None]
    for k, (text, _, in_pg) in enumerate(queries):
        quoted = in_pg.replace("'", "''")
        script.append(f"CREATE TEMP TABLE f{k} AS EXECUTE q ('{quoted}', NULL, NULL, NULL, "
                      f"NULL, 1000);")
        script.append(f"SELECT {k} || ':' || coalesce ((SELECT string_agg (CAST (file_number "
                      f"AS text), ',' ORDER BY ord) FROM (SELECT file_number, row_number () "
                      f"OVER () AS ord FROM f{k}) o), '');")
    found = {}
    for line in psql(db, '\n'.join(script)).stdout.split():
        k, numbers = line.split(':')
        found[int(k)] = numbers
    differences = []
    some = 0
    for k, (text, in_lite, in_pg) in enumerate(queries):
        rows = lite.execute(TEXTS['dialect']['search_numbers'][0],
                            (in_lite, None, None, None, None, 1000)).fetchall()
        expected = ','.join(str(n) for (n,) in rows)
        some += expected != ''
        if found.get(k) != expected:
            differences.append(f'{text!r}: SQLite {expected!r} ({in_lite}), '
                               f'PostgreSQL {found.get(k)!r} ({in_pg})')
    check(not differences, '\n'.join(differences))
    check(some > 25, f'only {some} texts found anything: the test data is wrong')
    # Text with nothing to search for is no query on either engine.
    check(all(q[2] is None for q in data['queries'] if q[1] is None), data['queries'])


# Statements

def to_pg(sql):
    """?N becomes $N outside quotes, as the driver writes it; with the
    numbers used."""
    out, numbers, i, quote = [], set(), 0, None
    while i < len(sql):
        c = sql[i]
        if quote:
            out.append(c)
            if c == quote:
                quote = None
            i += 1
        elif c in '\'"':
            quote = c
            out.append(c)
            i += 1
        else:
            m = re.match(r'\?(\d+)', sql[i:])
            if m:
                numbers.add(int(m.group(1)))
                out.append('$' + m.group(1))
                i += len(m.group(0))
            else:
                out.append(c)
                i += 1
    return ''.join(out), numbers


def scalar_max_to_greatest(sql):
    """max(a, b, …) with several arguments is the scalar function (the
    dialect's "greatest"); max(a) the aggregate, which both engines share."""
    out, i = [], 0
    while True:
        j = sql.find('max (', i)
        if j < 0 or (j > 0 and (sql[j - 1].isalnum() or sql[j - 1] == '_')):
            if j < 0:
                out.append(sql[i:])
                return ''.join(out)
            out.append(sql[i:j + 5])
            i = j + 5
            continue
        depth, k, quote, comma = 1, j + 5, None, False
        while k < len(sql) and depth > 0:
            c = sql[k]
            if quote:
                quote = None if c == quote else quote
            elif c in '\'"':
                quote = c
            elif c == '(':
                depth += 1
            elif c == ')':
                depth -= 1
            elif c == ',' and depth == 1:
                comma = True
            k += 1
        out.append(sql[i:j])
        out.append(PG['greatest'] + ' (' if comma else 'max (')
        i = j + 5


def prepare(name, sql):
    """PREPARE @name for @sql, its parameters numbered as the driver numbers
    them. A number the text skips is bound by the store as text, or not at
    all: the driver declares it text (else PostgreSQL cannot type it)."""
    body, numbers = to_pg(sql)
    n = max(numbers) if numbers else 0
    types = ', '.join('unknown' if i in numbers else 'text' for i in range(1, n + 1))
    return f"PREPARE {name}{f' ({types})' if n else ''} AS {body}"


def in_postgres_dialect(sql):
    """SQLite's texts of the dialect seam replaced with PostgreSQL's, as the
    store would have taken them from the other driver. The pieces of a
    match query are bound values, not SQL; max is told apart by its
    arguments."""
    pairs = sorted((texts for name, texts in TEXTS['dialect'].items()
                    if not name.startswith('match_') and name not in ('greatest', 'text_type')),
                   key=lambda p: -len(p[0]))
    for lite, pg in pairs:
        sql = sql.replace(lite, pg)
    return scalar_max_to_greatest(sql)


def logged_statements():
    d = tempdir()
    log = os.path.join(d, 'sql.log')
    builddir = os.environ['G_TEST_BUILDDIR']
    for name in REPRESENTATIVE:
        exe = os.path.join(builddir, f'test-{name}')
        r = subprocess.run([exe], env=dict(os.environ, SILA_SQL_LOG=log),
                           capture_output=True, timeout=600)
        check(r.returncode == 0, f'test-{name}: {r.stderr.decode()[-2000:]}')
    here = os.path.dirname(os.path.abspath(__file__))
    for script in REPRESENTATIVE_SCRIPTS:
        r = subprocess.run([sys.executable, os.path.join(here, script)],
                           env=dict(os.environ, SILA_SQL_LOG=log),
                           capture_output=True, timeout=600)
        check(r.returncode == 0, f'{script}: {r.stdout.decode()[-2000:]}')
    with open(log, 'rb') as f:
        texts = {t.decode() for t in f.read().split(b'\0') if t.strip()}
    # PRAGMAs come from src/store/sqlite/ (backups, checks): SQLite's own.
    texts = {t for t in texts if not t.lstrip().upper().startswith('PRAGMA')}
    check(len(texts) > 200, f'only {len(texts)} statements were logged')
    return sorted(texts)


@test
def every_statement_the_store_prepares_prepares_on_postgresql():
    # The tables of the shared migrations too (field work's).
    db = initialized_database()
    statements = logged_statements()
    script = ['CREATE TEMP TABLE failed (k int, error text);']
    for k, sql in enumerate(statements):
        text = prepare(f's{k}', in_postgres_dialect(sql))
        check('$sila$' not in text, sql)
        script.append(f"DO $do$ BEGIN EXECUTE $sila${text}$sila$; "
                      f"EXECUTE 'DEALLOCATE s{k}'; "
                      f"EXCEPTION WHEN others THEN INSERT INTO failed VALUES ({k}, SQLERRM); "
                      f"END $do$;")
    script.append("SELECT k || chr(9) || error FROM failed ORDER BY k;")
    r = psql(db, '\n'.join(script))
    failures = []
    for line in r.stdout.splitlines():
        if line.strip():
            k, error = line.split('\t', 1)
            failures.append(f'{error}\n    {statements[int(k)]}')
    check(not failures, f'{len(failures)} of {len(statements)} statements do not prepare:\n'
          + '\n'.join(failures))
    print(f'# {len(statements)} distinct statements prepared', flush=True)


if __name__ == '__main__':
    sys.path.insert(0, os.path.dirname(__file__))
    run()
