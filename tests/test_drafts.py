#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Nothing typed is lost: an intake form being typed in a real window is
kept as a draft; the process is killed with SIGKILL (nothing else runs);
a new process opens the window as the app does at start, offers the draft
and resumes it with what was typed. On a server (suite postgres, as
pg-drafts): the draft is in this desk's own file, and a form saved while the
server is away keeps everything, shows a plain message and saves once the
server is back. Needs the suite's X display."""
import os
import signal
import sqlite3
import subprocess
import time

from taplib import check, new_database, on_server, query, run, sila, tempdir, test

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


def on_file(func):
    """A test of the drafts table of an SQLite file."""
    return test(func) if not on_server() else func


def on_a_server(func):
    """A test of a store on the test server (suite postgres)."""
    return test(func) if on_server() else func


@on_file
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


@on_file
def nothing_offered_when_nothing_was_typed():
    db = os.path.join(tempdir(), 'office.db')
    lines = reopen(db, 'en')
    check(lines == ['no-draft'], lines)


def server_ctl(db, action):
    script = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'pgcluster.py')
    subprocess.run(['/usr/bin/python3', script, action, db], check=True)


def read_until_done(p):
    lines = []
    while True:
        line = p.stdout.readline()
        if line == '' or line.rstrip('\n') == 'done':
            return lines
        lines.append(line.rstrip('\n'))


def save_across_server_away(lang, expected_message):
    db = new_database()
    r = sila('--database', db, 'db', 'init')
    check(r.returncode == 0, r.stderr)
    # Warnings stay fatal: the server going away must not even warn.
    env = dict(os.environ, SILA_TEST_LANG=lang)
    p = subprocess.Popen([HELPER, db, 'type-then-save'], stdin=subprocess.PIPE,
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, text=True)
    try:
        first = p.stdout.readline().rstrip('\n')
        check(first.startswith('drafts-file /'), first)
        path = first.split(' ', 1)[1]
        check(p.stdout.readline().rstrip('\n') == 'typed')

        # The draft is in this desk's file (the user's alone), not on the server.
        check(os.stat(path).st_mode & 0o777 == 0o600, oct(os.stat(path).st_mode))
        check(os.stat(os.path.dirname(path)).st_mode & 0o777 == 0o700)
        con = sqlite3.connect(path)
        rows = con.execute('SELECT kind, summary FROM drafts').fetchall()
        con.close()
        check(rows == [('beneficiary', 'خديجة عبدالله الزهراني')], rows)
        check(query(db, 'SELECT count(*) FROM drafts') == [(0,)])

        # The server goes away; saving keeps every field and the draft.
        server_ctl(db, 'stop')
        p.stdin.write('save\n')
        p.stdin.flush()
        lines = read_until_done(p)
        check(lines[0] == 'not-saved', lines)
        check(lines[1] == 'problem ' + expected_message, lines)
        for expected in ('field id_number 1000000008', 'field first_name خديجة',
                         'field father_name عبدالله', 'field grandfather_name سعد',
                         'field family_name الزهراني', 'field mobile 0551234567',
                         'field birth_date 1402-07-15', 'drafts 1'):
            check(expected in lines, (expected, lines))

        # Back: the same form saves, and its draft goes.
        server_ctl(db, 'start')
        p.stdin.write('save\n')
        p.stdin.flush()
        lines = read_until_done(p)
        check(lines == ['saved', 'problem ', 'drafts 0'], lines)
        saved = query(db, 'SELECT first_name, mobile FROM beneficiaries')
        check(saved == [('خديجة', '+966551234567')], saved)
        con = sqlite3.connect(path)
        check(con.execute('SELECT count(*) FROM drafts').fetchone() == (0,))
        con.close()
    finally:
        p.stdin.close()
        try:
            p.wait(timeout=60)
        except subprocess.TimeoutExpired:
            p.kill()
            p.wait()
    check(p.returncode == 0, (p.returncode, p.stderr.read()))


@on_a_server
def save_while_server_away_arabic():
    save_across_server_away('ar', 'انقطع الاتصال بخادم المكتب، فلم يُنفَّذ هذا. أعد المحاولة '
                                  'بعد قليل؛ ما أدخلته ما زال هنا.')


@on_a_server
def save_while_server_away_english():
    save_across_server_away('en', 'The connection to the office server was lost, so this was '
                                  'not done. Try again in a moment; what you entered is still '
                                  'here.')


run()
