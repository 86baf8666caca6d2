#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Several desks on one office database, with real processes.

Ten desks (tests/sila-desk-load.c) save new files, open and move requests,
edit one shared file and search, all at once, on a SQLite file and on a
throwaway PostgreSQL server. Afterwards: every acknowledged save is there,
nothing is duplicated, file and request numbers have no gaps, the shared
file's revision counts exactly the edits that were acknowledged (no lost
update), and the audit trail holds one entry per change. A desk killed with
kill -9 mid-run loses only what it had not been told was saved; a server
restarted mid-run gives the desks plain messages, not crashes.
"""
import os
import re
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(__file__))
import taplib  # noqa: E402
from pgcluster import PgCluster  # noqa: E402

DESKS = 10
OPERATIONS = 12
LOAD = os.environ.get('SILA_DESK_LOAD')


class Sqlite:
    name = 'sqlite'

    def __init__(self, tmp):
        self.location = os.path.join(tmp, 'office.db')

    def rows(self, sql):
        with sqlite3.connect(self.location) as db:
            return [tuple(str(v) for v in row) for row in db.execute(sql)]


class Postgres:
    name = 'postgres'

    def __init__(self, cluster):
        self.cluster = cluster
        self.location = cluster.new_database()
        self.dbname = self.location.split('dbname=')[1]
        out = subprocess.run([taplib.sila_bin(), '--database', self.location, 'db', 'init'],
                             capture_output=True, text=True)
        assert out.returncode == 0, out.stderr

    def rows(self, sql):
        out = self.cluster.psql(self.dbname, sql)
        return [tuple(line.split('|')) for line in out.splitlines() if line]


def start_desk(engine, desk, operations, shared):
    return subprocess.Popen([LOAD, engine.location, str(desk), str(operations), shared],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def setup(engine):
    out = subprocess.run([LOAD, engine.location, 'setup'], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    return out.stdout.strip()


def parse(stdout):
    acks = {'file': [], 'request': [], 'moved': [], 'edit': [], 'conflict': [], 'found': [],
            'unknown': []}
    for line in stdout.splitlines():
        parts = line.split()
        if parts and parts[0] in acks:
            acks[parts[0]].append(parts[1:])
    return acks


def check_plain(stderr):
    """What a desk said when something failed: plain sentences, no crash."""
    for bad in ('CRITICAL', 'Segmentation', 'assertion', 'Aborted', 'PQ', 'SQLSTATE'):
        assert bad not in stderr, stderr


def check_database(engine, acks, shared, in_flight=0):
    """@in_flight: desks killed, each of which may have committed one save
    it never got to acknowledge."""
    files = engine.rows("SELECT id, file_number FROM beneficiaries")
    numbers = sorted(int(n) for _, n in files)
    # Gapless and unique: consecutive from the first.
    assert numbers == list(range(numbers[0], numbers[0] + len(numbers))), numbers
    ids = {i for i, _ in files}
    for file_id, number, _ in acks['file']:
        assert file_id in ids, f'acknowledged file {number} is missing'
    assert len({n for _, n, _ in acks['file']}) == len(acks['file'])

    requests = engine.rows("SELECT id, number, status FROM requests")
    by_id = {i: (n, s) for i, n, s in requests}
    serials = sorted(int(n.split('-')[1]) for _, n, _ in requests)
    assert serials == list(range(1, len(serials) + 1)), serials
    for request_id, number, _ in acks['request']:
        assert by_id[request_id][0] == number
    for request_id, _ in acks['moved']:
        assert by_id[request_id][1] == 'withdrawn'

    # No lost update: the shared file's rev is 1 + every acknowledged edit
    # (+ those whose answer the server's restart lost: "unknown").
    (rev,), = engine.rows(f"SELECT rev FROM beneficiaries WHERE id = '{shared}'")
    unknown_edits = sum(1 for u in acks['unknown'] if u == ['edit'])
    assert (1 + len(acks['edit']) <= int(rev)
            <= 1 + len(acks['edit']) + unknown_edits + in_flight), \
        (rev, len(acks['edit']), unknown_edits, in_flight)
    edit_revs = [int(r) for r, _ in acks['edit']]
    assert len(set(edit_revs)) == len(edit_revs) and all(2 <= r <= int(rev) for r in edit_revs)
    if not unknown_edits and not in_flight:
        assert sorted(edit_revs) == list(range(2, 2 + len(edit_revs))), edit_revs

    # The audit trail: one entry per change that is in the database.
    audit = dict(((a, e), int(c)) for a, e, c in engine.rows(
        "SELECT action, entity, count(*) FROM audit_log GROUP BY action, entity"))
    assert audit[('create', 'beneficiary')] == len(files)
    assert audit[('create', 'request')] == len(requests)
    assert audit[('update', 'beneficiary')] == int(rev) - 1
    return len(files), len(requests)


def run_office(engine, kill=False, restart=None):
    shared = setup(engine)
    desks = [start_desk(engine, d, OPERATIONS if not kill else 400, shared)
             for d in range(1, DESKS + 1)]
    if kill:
        time.sleep(1.0)
        desks[0].send_signal(signal.SIGKILL)
        for d in desks[1:]:
            d.send_signal(signal.SIGTERM)
    if restart is not None:
        time.sleep(0.5)
        restart()
    acks = {'file': [], 'request': [], 'moved': [], 'edit': [], 'conflict': [], 'found': [],
            'unknown': []}
    for i, d in enumerate(desks):
        out, err = d.communicate(timeout=600)
        if kill:
            assert d.returncode in (-signal.SIGKILL, -signal.SIGTERM, 0), (d.returncode, err)
        else:
            assert d.returncode == 0, (i, d.returncode, err)
        check_plain(err)
        for key, values in parse(out).items():
            acks[key] += values
    if not kill and restart is None:
        assert len(acks['file']) == DESKS * OPERATIONS
        assert len(acks['edit']) + len(acks['conflict']) == DESKS * OPERATIONS
        assert all(int(n) >= 1 for n, _ in acks['found'])
    return acks, shared


@taplib.test
def ten_desks_on_one_sqlite_file():
    with tempfile.TemporaryDirectory() as tmp:
        engine = Sqlite(tmp)
        acks, shared = run_office(engine)
        files, requests = check_database(engine, acks, shared)
        assert files == 1 + DESKS * OPERATIONS and requests == DESKS * OPERATIONS


@taplib.test
def ten_desks_on_one_server():
    with PgCluster() as pg:
        engine = Postgres(pg)
        acks, shared = run_office(engine)
        files, requests = check_database(engine, acks, shared)
        assert files == 1 + DESKS * OPERATIONS and requests == DESKS * OPERATIONS
        waits = sorted(int(a[-1]) for key in ('file', 'request', 'moved', 'edit')
                       for a in acks[key])
        p95 = waits[int(len(waits) * 0.95)] / 1000
        print(f'# ten desks on a server: {len(waits)} saves, 95th percentile {p95:.1f} ms')


@taplib.test
def a_desk_killed_mid_transaction_loses_only_unacknowledged_work():
    with PgCluster() as pg:
        for engine in (Postgres(pg),):
            acks, shared = run_office(engine, kill=True)
            check_database(engine, acks, shared, in_flight=DESKS)
    with tempfile.TemporaryDirectory() as tmp:
        engine = Sqlite(tmp)
        acks, shared = run_office(engine, kill=True)
        check_database(engine, acks, shared, in_flight=DESKS)


@taplib.test
def the_server_restarting_mid_run_gives_messages_not_crashes():
    with PgCluster() as pg:
        engine = Postgres(pg)
        acks, shared = run_office(engine, restart=pg.restart)
        check_database(engine, acks, shared)


if __name__ == '__main__':
    taplib.run()
