#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The same field bundles merged into a SQLite office and into a PostgreSQL
office give the same database (issue 15). Runs on the test server
(pgcluster.py run, SILA_TEST_PG).

One office is built on a SQLite file by the command line (files registered,
two kits made, the office's own edits while the laptops are out); a fresh
server database (`db init`) is then given every row of it, so that the two
are the same office, with the same ids, the same device id and the same
kits. The laptops' two bundles are merged into both, one after the other,
with the same clock; then every table is compared row for row. Values that
must differ, and why:

- the search index (`beneficiary_search`): FTS5 on SQLite, a tsvector on
  the server; compared by searching both for every merged file instead;
- ids made at random by the merge itself: `field_merges.id` and the
  `merge_id` that names it (`field_numbers`, `field_changes`,
  `field_conflicts`), `field_conflicts.id`; in the audit trail, the `id`
  of each entry the merge writes (its own, and the laptop's entries copied
  in as new ones), the merge's `entity_id`, and so `body_hash` and
  `chain_hash`, which cover the id and chain from entry to entry;
- `sila_meta` (the server's version record) and `sqlite_sequence` (SQLite's
  highest audit number), which each engine alone has; the server keeps
  that number as the counter `audit_log.seq`, also left out.

Nothing else is ignored: every number, time and device id is compared.

Also: a bundle that is damaged, or merged already, leaves the server's
database as it was (every row of every table); and a kit made from the
server office is the kit made from the SQLite one, table for table."""
import json
import os
import sqlite3
import subprocess

from fieldlib import P, cli, make_day, merge, rows, server_tables
from taplib import check, err, new_database, out, run, tempdir, test

_state = {}

# Columns that hold the merge's random ids (see above), by table.
MERGE_IDS = {
    'field_merges': {'id'},
    'field_numbers': {'merge_id'},
    'field_changes': {'merge_id'},
    'field_conflicts': {'id', 'merge_id'},
    'audit_log': {'id', 'body_hash', 'chain_hash'},
}
ENGINE_ONLY = {'beneficiary_search', 'sila_meta', 'sqlite_sequence'}


def sql_literal(value):
    if value is None:
        return 'NULL'
    if isinstance(value, bytes):
        return f"'\\x{value.hex()}'"
    if isinstance(value, (int, float)):
        return repr(value)
    return "'" + value.replace("'", "''") + "'"


def sqlite_tables(path):
    con = sqlite3.connect(path)
    names = [n for (n,) in con.execute(
        "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
        "AND name NOT LIKE 'beneficiary_search%' ORDER BY name")]
    con.close()
    return names


def copy_to_server(path):
    """A server database holding every row of the SQLite office at PATH."""
    uri = new_database()
    cli(uri, 'db', 'init')
    con = sqlite3.connect(path)
    # As the test server's superuser: no trigger runs (the audit trail's
    # numbering and append-only rule, the survey counts), no foreign key
    # is checked while the rows go in, and the seeded rows go first.
    script = ['BEGIN;', 'SET session_replication_role = replica;']
    for table in sqlite_tables(path):
        cur = con.execute(f'SELECT * FROM {table}')
        names = ', '.join(d[0] for d in cur.description)
        script.append(f'DELETE FROM {table};')
        for row in cur.fetchall():
            values = ', '.join(sql_literal(v) for v in row)
            script.append(f'INSERT INTO {table} ({names}) VALUES ({values});')
    highest = con.execute("SELECT coalesce (max (seq), 0) FROM sqlite_sequence "
                          "WHERE name = 'audit_log'").fetchone()[0]
    con.close()
    script.append(f"INSERT INTO counters (name, next) VALUES ('audit_log.seq', {highest + 1}) "
                  "ON CONFLICT (name) DO UPDATE SET next = excluded.next;")
    script.append('COMMIT;')
    r = subprocess.run(['psql', '-X', '-q', '-v', 'ON_ERROR_STOP=1', '-d', uri],
                       input='\n'.join(script), capture_output=True, text=True)
    check(r.returncode == 0, r.stderr)
    return uri


def the_offices():
    """The SQLite office and its copy on the server, before any merge, with
    the day's two bundles."""
    if not _state:
        d = tempdir()
        day = make_day(os.path.join(d, 'office.db'), d)
        day['server'] = copy_to_server(day['office'])
        _state.update(day)
    return _state


def table_rows(db, table):
    result = rows(db, table, MERGE_IDS.get(table, ()))
    if table == 'audit_log':
        # The merge's own entry names the merge by its id.
        result = [tuple((n, None if n == 'entity_id' and ('entity', 'field_bundle') in r
                         else v) for n, v in r) for r in result]
    return result


def all_tables(db):
    if db.startswith('host='):
        return set(server_tables(db)) - ENGINE_ONLY
    return set(sqlite_tables(db)) - ENGINE_ONLY


def compare(lite, server):
    check(all_tables(lite) == all_tables(server),
          (all_tables(lite) ^ all_tables(server)))
    differences = []
    for table in sorted(all_tables(lite)):
        a, b = table_rows(lite, table), table_rows(server, table)
        if table == 'counters':
            b = [r for r in b if ('name', 'audit_log.seq') not in r]
        if a != b:
            only_a = [r for r in a if r not in b]
            only_b = [r for r in b if r not in a]
            differences.append(f'{table}: SQLite only {only_a[:3]}, server only {only_b[:3]}')
    check(not differences, '\n'.join(differences))
    return len(all_tables(lite))


@test
def the_copy_is_the_same_office():
    day = the_offices()
    # Before anything is merged, the two offices are the same: what the
    # comparison below ignores hides nothing the copy would have changed.
    check(compare(day['office'], day['server']) > 30)


@test
def the_same_bundles_give_the_same_database_on_both_engines():
    day = the_offices()
    lite = os.path.join(tempdir(), 'office.db')
    with open(day['office'], 'rb') as f, open(lite, 'wb') as g:
        g.write(f.read())
    server = copy_to_server(day['office'])
    for db in (lite, server):
        got = merge(db, day['b1'], now='2026-12-02T08:00:00Z')
        check(got['files'] == 2 and got['requests'] == 1 and got['responses'] == 2, got)
        got = merge(db, day['b2'], now='2026-12-02T09:00:00Z')
        check(got['files'] == 3 and got['contacts'] == 1 and got['duplicates'] == 2, got)
    compare(lite, server)
    # The review lists are the same, and each engine's search index finds
    # every merged file by its final and its provisional number.
    lists = [json.loads(out(cli(db, 'field', 'conflicts', '--json'))) for db in (lite, server)]
    for a, b in zip(*lists):
        a.pop('id')
        b.pop('id')
    check(lists[0] == lists[1] and len(lists[0]) == 4, lists)
    numbers = [r for r in table_rows(lite, 'field_numbers')
               if ('kind', 'beneficiaries.file_number') in r]
    check(len(numbers) == 5, numbers)
    for row in numbers:
        row = dict(row)
        for db in (lite, server):
            for typed in (row['final'], row['provisional']):
                found = out(cli(db, 'search', typed))
                check(found.startswith(row['final'] + '\t'), (db, typed, found))
    # The office's own files are still found (X, edited by both laptops).
    for db in (lite, server):
        check(P['X'] in out(cli(db, 'search', 'هند')), db)


def dump(uri):
    """Every row of every table of the server database, the engine's own
    included."""
    return {table: rows(uri, table) for table in server_tables(uri)}


@test
def refused_bundles_leave_the_server_database_as_it_was():
    day = the_offices()
    server = day['server']
    d = tempdir()
    with open(day['b1'], 'rb') as f:
        good = f.read()
    damaged = os.path.join(d, 'damaged.bundle')
    bad = bytearray(good)
    bad[len(good) // 2] ^= 0x55
    with open(damaged, 'wb') as f:
        f.write(bytes(bad))

    before = dump(server)
    r = cli(server, 'field', 'merge', damaged, '--json', expect=2)
    check(out(r) == '' and 'damaged' in err(r), err(r))
    cli(server, 'field', 'merge', day['b2'], damaged, expect=2)
    check(dump(server) == before, 'a damaged bundle changed the server database')

    merge(server, day['b1'])
    before = dump(server)
    r = cli(server, 'field', 'merge', day['b1'], expect=2)
    check('merged already' in err(r), err(r))
    cli(server, 'field', 'merge', day['b2'], day['b1'], expect=2)
    cli(server, 'field', 'merge', day['b2'], day['b2'], '--json', expect=2)
    check(dump(server) == before, 'a bundle merged again changed the server database')


@test
def a_kit_made_from_the_server_is_the_kit_made_from_the_file():
    day = the_offices()
    d = tempdir()
    lite = os.path.join(d, 'office.db')
    with open(day['office'], 'rb') as f, open(lite, 'wb') as g:
        g.write(f.read())
    server = copy_to_server(day['office'])
    kits = []
    for db, name in ((lite, 'lite-kit.db'), (server, 'server-kit.db')):
        kit = os.path.join(d, name)
        r = cli(db, 'field', 'kit', '--event', 'يوم الملز', '--district', 'النسيم',
                '--district', 'الملز', '--out', kit, now='2026-12-03T07:00:00Z')
        check('personal data' in out(r), out(r))
        check(os.stat(kit).st_mode & 0o777 == 0o600)
        kits.append(kit)
    check(sqlite_tables(kits[0]) == sqlite_tables(kits[1]))
    differences = []
    for table in sqlite_tables(kits[0]):
        # The kit's own identity: its id, and the device id every new
        # database gets.
        skip = {'value'} if table == 'meta' else ()
        a, b = rows(kits[0], table, skip), rows(kits[1], table, skip)
        if a != b:
            differences.append(f'{table}: {[r for r in a if r not in b][:2]} / '
                               f'{[r for r in b if r not in a][:2]}')
    check(not differences, '\n'.join(differences))
    metas = [dict(sqlite3.connect(k).execute('SELECT key, value FROM meta').fetchall())
             for k in kits]
    for key in metas[0]:
        if key not in ('field_kit_id', 'device_id'):
            check(metas[0][key] == metas[1][key], key)
    check(sqlite3.connect(kits[1]).execute('SELECT count (*) FROM beneficiaries')
          .fetchone()[0] > 0)
    # The server's kit works on the laptop: its search index holds its files.
    check(P['A'] in out(cli(kits[1], 'search', 'نورة')))
    # And both offices recorded it alike.
    check(rows(lite, 'field_kits', {'id'}) == rows(server, 'field_kits', {'id'}))


run()
