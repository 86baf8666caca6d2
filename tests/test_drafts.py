#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Nothing typed is lost: an intake form being typed in a real window is
kept as a draft; the process is killed with SIGKILL (nothing else runs);
a new process opens the window as the app does at start, offers the draft
and resumes it with what was typed. Needs the suite's X display."""
import os
import signal
import sqlite3
import subprocess
import time

from taplib import check, run, tempdir, test

HELPER = os.environ['SILA_UI_HELPER']


def helper_env(lang='ar'):
    env = dict(os.environ, SILA_TEST_LANG=lang)
    env.pop('G_DEBUG', None)  # a killed process is the point here
    return env


def type_then_kill(db, lang='ar'):
    p = subprocess.Popen([HELPER, db, 'type-draft'], stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE, env=helper_env(lang), text=True)
    deadline = time.monotonic() + 60
    line = ''
    while time.monotonic() < deadline:
        line = p.stdout.readline()
        if line.startswith('draft-saved') or line == '':
            break
    os.kill(p.pid, signal.SIGKILL)
    p.wait()
    check(line.startswith('draft-saved '), (line, p.stderr.read()))
    check(p.returncode == -signal.SIGKILL, p.returncode)
    return line.split()[1]


def reopen(db, lang='ar'):
    r = subprocess.run([HELPER, db, 'check-draft'], capture_output=True, text=True,
                       env=helper_env(lang), timeout=60)
    check(r.returncode == 0, r.stderr)
    return r.stdout.splitlines()


@test
def draft_survives_kill_9_and_is_offered():
    db = os.path.join(tempdir(), 'office.db')
    draft_id = type_then_kill(db)

    con = sqlite3.connect(db)
    check(con.execute('PRAGMA integrity_check').fetchone()[0] == 'ok')
    rows = con.execute('SELECT id, summary FROM drafts').fetchall()
    con.close()
    check(rows == [(draft_id, 'خديجة عبدالله الزهراني')], rows)

    lines = reopen(db)
    check('offered خديجة عبدالله الزهراني' in lines, lines)
    check('view form' in lines, lines)
    for expected in ('field id_number 1000000008', 'field first_name خديجة',
                     'field father_name عبدالله', 'field family_name الزهراني',
                     'field mobile 0551234567', 'field birth_date 1402-07-15'):
        check(expected in lines, (expected, lines))


@test
def nothing_offered_when_nothing_was_typed():
    db = os.path.join(tempdir(), 'office.db')
    lines = reopen(db, 'en')
    check(lines == ['no-draft'], lines)


run()
