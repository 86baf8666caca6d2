#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Files the three imports (beneficiaries, requests, surveys) must refuse at
once, from the command line: a device or a pipe (/dev/zero, /dev/urandom, a
FIFO with no writer), a file past the row limit, and a file whose lines are
in two encodings. Each is refused with exit 2, a message naming what is
wrong, and nothing imported. A subprocess timeout guards against a hang; it
is not a measure of speed. No display."""
import os
import sqlite3

from taplib import check, err, headless_env, run, sila, tempdir, test

# Long enough for any machine, short enough that a hang fails the test.
GUARD = 120


def luhn(body):
    total = 0
    for i, c in enumerate(body):
        d = int(c)
        if i % 2 == 0:
            d *= 2
            d = d // 10 + d % 10
        total += d
    return body + str((10 - total % 10) % 10)


IDS = [luhn('1%08d' % (40000000 + i)) for i in range(40)]
NAMES = ['فاطمة محمد الغامدي', 'نورة خالد الشهري', 'مريم أحمد الزهراني', 'سارة علي القحطاني',
         'هند سالم العتيبي', 'أمل يوسف البقمي', 'ريم سعد المالكي', 'ليلى فهد الحربي']


def count(db, table):
    con = sqlite3.connect(db)
    try:
        return con.execute(f'SELECT count(*) FROM {table}').fetchone()[0]
    finally:
        con.close()


def office():
    """A database holding the beneficiaries the request rows name."""
    d = tempdir()
    db = os.path.join(d, 'office.db')
    path = os.path.join(d, 'register.csv')
    with open(path, 'w', encoding='utf-8') as f:
        f.write('national_id,name,category\n')
        for i, number in enumerate(IDS):
            f.write(f'{number},{NAMES[i % 8].replace(" ", f" {FATHERS[i // 8]} ", 1)},widow\n')
    r = sila('--lang', 'en', '--database', db, 'import', 'beneficiaries', path, timeout=GUARD)
    check(r.returncode == 0, err(r))
    return d, db


FATHERS = ['عبدالله', 'صالح', 'ناصر', 'حسن', 'إبراهيم']

# The command of each import, and the table it fills.
IMPORTS = {
    'beneficiaries': (['import', 'beneficiaries'], 'beneficiaries'),
    'requests': (['import', 'requests'], 'requests'),
    'surveys': (['survey', 'import'], 'survey_responses'),
}


def rows_of(kind, n, encoding='utf-8'):
    """@n good rows of @kind, with Arabic text, as lines without line ends."""
    if kind == 'beneficiaries':
        return ['national_id,name,category'] + [
            f'{luhn("2%08d" % (50000000 + i))},{NAMES[i % 8]} {FATHERS[i % 5]},widow'
            for i in range(n)]
    if kind == 'requests':
        return ['national_id,type,channel,received,status,description'] + [
            f'{IDS[i % 40]},financial_aid,phone,2026-03-{1 + i % 28:02d},received,'
            f'طلب مساعدة رقم {i}' for i in range(n)]
    return ['date,channel,overall,recommend,suggestion'] + [
        f'2026-03-{1 + i % 28:02d},phone,4,9,شكرا لكم {i}' for i in range(n)]


def database_for(kind):
    if kind == 'requests':
        return office()
    d = tempdir()
    db = os.path.join(d, 'office.db')
    # The survey import needs a database; any setting makes one.
    r = sila('--database', db, 'settings', 'set', 'answer_window_days', '14', timeout=GUARD)
    check(r.returncode == 0, err(r))
    return d, db


def import_file(kind, db, path):
    command, _ = IMPORTS[kind]
    return sila('--lang', 'en', '--database', db, *command, path, env=headless_env(),
                timeout=GUARD)


@test
def devices_and_pipes_are_refused_at_once():
    for kind in IMPORTS:
        d, db = database_for(kind)
        before = count(db, IMPORTS[kind][1])
        fifo = os.path.join(d, 'pipe.csv')
        os.mkfifo(fifo)
        for path in ('/dev/zero', '/dev/urandom', fifo):
            r = import_file(kind, db, path)
            check(r.returncode == 2, (kind, path, r.returncode, err(r)))
            check('is not a file saved on disk' in err(r), (kind, path, err(r)))
        check(count(db, IMPORTS[kind][1]) == before, kind)


@test
def a_file_past_the_row_limit_is_refused_before_any_row_is_checked():
    # A header and 1,000,000 rows: one more than the limit. Before, every row
    # was checked (minutes) and the file refused only at its end. The rows
    # are short: the limit is on rows, and the file is refused before its
    # header is even looked at.
    d, db = database_for('beneficiaries')
    path = os.path.join(d, 'million.csv')
    with open(path, 'w', encoding='utf-8') as f:
        f.write('national_id,name\n')
        f.write('1\n' * 1000000)
    for kind in IMPORTS:
        r = import_file(kind, db, path)
        check(r.returncode == 2, (kind, r.returncode, err(r)[-1000:]))
        check('more than 1000000 rows' in err(r), (kind, err(r)[-1000:]))
    check(count(db, 'beneficiaries') == 0)
    check(count(db, 'requests') == 0)


@test
def a_file_in_two_encodings_is_refused_naming_the_odd_line():
    for kind in IMPORTS:
        d, db = database_for(kind)
        before = count(db, IMPORTS[kind][1])
        good = rows_of(kind, 30)
        # The same rows, and at line 32 one more written by Windows in Arabic
        # (Windows-1256), as when rows from two files are pasted together.
        odd = good[-1].encode('cp1256')
        data = ('\r\n'.join(good) + '\r\n').encode('utf-8') + odd + b'\r\n'
        path = os.path.join(d, 'mixed.csv')
        with open(path, 'wb') as f:
            f.write(data)
        r = import_file(kind, db, path)
        check(r.returncode == 2, (kind, r.returncode, err(r)))
        check('two encodings' in err(r) and 'line 32' in err(r), (kind, err(r)))
        check(count(db, IMPORTS[kind][1]) == before, kind)

        # Without the odd line, the same file is imported whole.
        with open(path, 'wb') as f:
            f.write(('\r\n'.join(good) + '\r\n').encode('utf-8'))
        r = import_file(kind, db, path)
        check(r.returncode == 0, (kind, r.returncode, err(r)))
        check(count(db, IMPORTS[kind][1]) == before + 30, kind)

        # Most lines in Windows-1256 and one in UTF-8: the UTF-8 one is named.
        path = os.path.join(d, 'mostly-cp1256.csv')
        lines = rows_of(kind, 5)
        with open(path, 'wb') as f:
            f.write(b'\r\n'.join(line.encode('cp1256') for line in lines[:-1]) + b'\r\n'
                    + lines[-1].encode('utf-8') + b'\r\n')
        r = import_file(kind, db, path)
        check(r.returncode == 2, (kind, r.returncode, err(r)))
        check('line 6 is UTF-8' in err(r), (kind, err(r)))


run()
