#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Nothing acknowledged is lost: a program saving through the store as fast
as it can is killed with SIGKILL at random moments, many times over on the
same database. After each kill the database passes integrity_check, every
save it acknowledged is there whole, and no save is there in part."""
import os
import random
import signal
import sqlite3
import subprocess
import time

from taplib import check, err, run, sila, tempdir, test

ROWS_PER_SAVE = 3
ROUNDS = 30


def helper():
    return os.environ['SILA_SAVE_STREAM']


def examine(db):
    con = sqlite3.connect(db)
    try:
        (result,) = con.execute('PRAGMA integrity_check').fetchone()
        rows = dict(con.execute(
            "SELECT entity_id, count(*) FROM audit_log WHERE entity = 'save' "
            "GROUP BY entity_id").fetchall())
        (counter,) = con.execute(
            "SELECT coalesce(max(next), 1) FROM counters WHERE name = 'save'").fetchone()
    finally:
        con.close()
    return result, rows, counter


@test
def kill_during_saves():
    db = os.path.join(tempdir(), 'office.db')
    rng = random.Random(int(os.environ.get('SILA_TEST_SEED', time.time())))
    acknowledged = set()
    next_number = 1
    for round_ in range(ROUNDS):
        proc = subprocess.Popen([helper(), db, str(next_number)],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        # Wait for the stream to run, then kill it at a random moment.
        first = proc.stdout.readline()
        if not first.endswith(b'\n'):
            proc.kill()
            raise AssertionError((round_, first, proc.communicate()[1]))
        time.sleep(rng.uniform(0.0, 0.08))
        proc.send_signal(signal.SIGKILL)
        rest, _ = proc.communicate()
        check(proc.returncode == -signal.SIGKILL, proc.returncode)

        # Only whole lines were acknowledged: a line cut by the kill was not.
        text = (first + rest).decode()
        lines = text.split('\n')[:-1]
        numbers = [int(n) for n in lines]
        check(numbers, 'nothing was saved this round')
        acknowledged.update(numbers)
        next_number = max(numbers) + 2  # the one in flight may or may not be there

        result, rows, counter = examine(db)
        check(result == 'ok', (round_, result))
        missing = sorted(n for n in acknowledged if rows.get(str(n)) != ROWS_PER_SAVE)
        check(not missing, f'round {round_}: acknowledged saves lost: {missing[:10]}')
        partial = {k: v for k, v in rows.items() if v != ROWS_PER_SAVE}
        check(not partial, f'round {round_}: saves half-written: {partial}')
        # The counter moved with the saves, never without them.
        check(counter - 1 == len(rows), (round_, counter, len(rows)))

        if round_ % 10 == 9:
            r = sila('--lang', 'en', '--database', db, 'check')
            check(r.returncode == 0, err(r))
    check(len(acknowledged) >= ROUNDS, len(acknowledged))


run()
