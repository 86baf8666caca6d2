#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""What an import accepts, rejects and flags (issue 12), from the command
line: a `national_id` column holds a national ID or an iqama and nothing
else (a bad one is rejected with its reason, never kept as a passport);
passports come in through `id_type` or a `passport` column; a request row is
a duplicate only when identical in every column to an earlier row or a
request held, a near-duplicate is imported and says what it resembles, and
the board's figures count it; a received date outside the Umm al-Qura table
rejects its row instead of stopping the import. No display."""
import csv
import os
import sqlite3

from taplib import check, err, headless_env, out, run, sila, tempdir, test

NOW = '2026-04-20T09:00:00Z'


def luhn(nine):
    total = 0
    for i, ch in enumerate(nine):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return nine + str((10 - total % 10) % 10)


IDS = [luhn('1%08d' % (40000000 + i)) for i in range(3)]


def env():
    e = headless_env(SILA_FAKE_NOW=NOW)
    for k in ('SILA_USER', 'SILA_PASSWORD', 'SILA_NEW_PASSWORD'):
        e.pop(k, None)
    return e


def cli(db, *args, lang='en'):
    return sila('--database', db, '--lang', lang, *args, env=env())


def write(folder, name, text):
    path = os.path.join(folder, name)
    with open(path, 'w', encoding='utf-8') as f:
        f.write(text)
    return path


def report_rows(path):
    with open(path, encoding='utf-8', newline='') as f:
        return list(csv.reader(f))[1:]


def query(db, sql):
    con = sqlite3.connect(db)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def import_register(text):
    folder = tempdir()
    db = os.path.join(folder, 'office.db')
    report = os.path.join(folder, 'report.csv')
    r = cli(db, 'import', 'beneficiaries', write(folder, 'register.csv', text),
            '--report', report)
    return db, r, report_rows(report)


@test
def a_bad_national_id_is_rejected_with_its_reason_never_kept_as_a_passport():
    db, r, rows = import_register(
        'national_id,name\n'
        '100000000,نورة عبدالله أحمد الحربي\n'          # 2: nine digits
        '10000000081,سارة محمد علي القرشي\n'            # 3: eleven digits
        '3000000004,هند سعد علي الشهري\n'               # 4: first digit 3
        '10000O0008,ريم خالد صالح الغامدي\n'            # 5: a stray letter
        '1000000009,منى فهد ناصر العتيبي\n'             # 6: bad check digit
        f'{IDS[0]},أمل سالم حسن الزهراني\n')            # 7: good
    check(r.returncode == 1, (r.returncode, err(r)))
    check(rows == [
        ['2', 'rejected', 'national_id',
         'A national ID or iqama number has 10 digits; this one has 9.'],
        ['3', 'rejected', 'national_id',
         'A national ID or iqama number has 10 digits; this one has 11.'],
        ['4', 'rejected', 'national_id',
         'A national ID starts with 1 and an iqama number with 2; this one starts with 3.'],
        ['5', 'rejected', 'national_id',
         'A national ID or iqama number has digits only; this one has «O».'],
        ['6', 'rejected', 'national_id',
         'This national ID is not valid: its last digit does not match the others. '
         'Check it for a typing mistake.'],
        ['7', 'ok', '', ''],
    ], rows)
    check(query(db, 'SELECT id_type, id_number FROM beneficiaries') == [('national_id', IDS[0])],
          query(db, 'SELECT id_type, id_number FROM beneficiaries'))


@test
def passports_come_in_where_the_file_says_so():
    db, r, rows = import_register(
        'رقم الهوية,نوع الهوية,رقم الجواز,الاسم\n'
        'A1234567,passport,,نورة عبدالله أحمد الحربي\n'       # 2: id_type passport
        'B7654321,جواز سفر,,سارة محمد علي القرشي\n'           # 3: the Arabic name
        ',,C2468013,هند سعد علي الشهري\n'                     # 4: the passport column
        f'{IDS[0]},,D1357913,ريم خالد صالح الغامدي\n'         # 5: both: which one?
        'E1122334,,,منى فهد ناصر العتيبي\n'                   # 6: letters, no type
        '1000000009,national_id,,أمل سالم حسن الزهراني\n'     # 7: typed, bad
        '123456,licence,,فاطمة علي سعد القحطاني\n'            # 8: unknown type
        f'{IDS[1]},,,مريم أحمد علي الزهراني\n')               # 9: good
    check(r.returncode == 1, (r.returncode, err(r)))
    got = [(row[0], row[1], row[2]) for row in rows]
    check(got == [('2', 'ok', ''), ('3', 'ok', ''), ('4', 'ok', ''),
                  ('5', 'rejected', 'passport'), ('6', 'rejected', 'national_id'),
                  ('7', 'rejected', 'national_id'), ('8', 'rejected', 'id_type'),
                  ('9', 'ok', '')], rows)
    check('«E»' in rows[4][3], rows[4])
    held = sorted(query(db, 'SELECT id_type, id_number FROM beneficiaries'))
    check(held == sorted([('passport', 'A1234567'), ('passport', 'B7654321'),
                          ('passport', 'C2468013'), ('national_id', IDS[1])]), held)


def registry():
    folder = tempdir()
    db = os.path.join(folder, 'office.db')
    r = cli(db, 'import', 'beneficiaries', write(
        folder, 'register.csv',
        'national_id,name\n'
        f'{IDS[0]},نورة عبدالله أحمد الحربي\n{IDS[1]},سارة محمد علي القرشي\n'
        f'{IDS[2]},هند سعد علي الشهري\n'))
    check(r.returncode == 0, err(r))
    return folder, db


HEADER = 'national_id,type,channel,received,status,decided,reason,delivered,service_amount\n'


@test
def near_duplicate_requests_are_imported_and_counted():
    folder, db = registry()
    report = os.path.join(folder, 'report.csv')
    log = write(folder, 'log.csv', HEADER +
                # 2, 3: two school fees on one day, different amounts
                f'{IDS[0]},education,phone,2026-03-02,delivered,2026-03-04,,2026-03-05,300\n'
                f'{IDS[0]},education,phone,2026-03-02,delivered,2026-03-04,,2026-03-05,450\n'
                # 4: the log holds line 2 twice
                f'{IDS[0]},education,phone,2026-03-02,delivered,2026-03-04,,2026-03-05,300\n'
                # 5: same day and type, another channel
                f'{IDS[0]},education,interview,2026-03-02,delivered,2026-03-04,,2026-03-05,300\n'
                # 6: same day and type, another status
                f'{IDS[1]},rent,phone,2026-03-03,received,,,,\n'
                f'{IDS[1]},rent,phone,2026-03-03,rejected,2026-03-09,خارج الشروط,,\n')
    r = cli(db, 'import', 'requests', log, '--report', report)
    check(r.returncode == 0, (r.returncode, err(r)))
    rows = report_rows(report)
    check([(row[0], row[1]) for row in rows] ==
          [('2', 'ok'), ('3', 'ok'), ('4', 'duplicate'), ('5', 'ok'), ('6', 'ok'),
           ('7', 'ok')], rows)
    check(rows[0][3] == '', rows[0])
    check('line 2 of this file' in rows[1][3] and 'Imported' in rows[1][3], rows[1])
    check('line 2 of this file' in rows[2][3] and 'identical' in rows[2][3], rows[2])
    check('line 2 of this file' in rows[3][3], rows[3])
    check('line 6 of this file' in rows[5][3], rows[5])
    check('1 duplicates' in err(r) or '1 duplicate' in err(r), err(r))
    # Every request the log holds is in the figures.
    check(query(db, 'SELECT count(*) FROM requests') == [(5,)])
    r = cli(db, 'report', '--month', '2026-03')
    check(r.returncode == 0, err(r))
    check('Requests received: 5\n' in out(r), out(r))
    check('Services delivered value: SAR 1,050.00\n' in out(r), out(r))

    # Another log (other bytes): identical to a request held is a duplicate
    # naming its number; differing in the amount is another request.
    number = query(db, "SELECT number FROM requests r JOIN deliveries d ON d.request_id = r.id "
                       "WHERE d.amount_halalas = 30000 AND r.channel = 'phone'")[0][0]
    again = write(folder, 'again.csv', HEADER +
                  f'{IDS[0]},education,phone,2026-03-02,delivered,2026-03-04,,2026-03-05,300\n'
                  f'{IDS[0]},education,phone,2026-03-02,delivered,2026-03-04,,2026-03-05,'
                  '600\n'
                  f'{IDS[1]},rent,phone,2026-03-03,rejected,2026-03-09,خارج الشروط,,\n')
    r = cli(db, 'import', 'requests', again, '--report', report)
    check(r.returncode == 0, (r.returncode, err(r)))
    rows = report_rows(report)
    check([(row[0], row[1]) for row in rows] == [('2', 'duplicate'), ('3', 'ok'),
                                                 ('4', 'duplicate')], rows)
    check(number in rows[0][3], (number, rows[0]))
    check('request ' in rows[1][3] and '-000' in rows[1][3], rows[1])
    check(query(db, 'SELECT count(*) FROM requests') == [(6,)])
    r = cli(db, 'report', '--month', '2026-03')
    check('Requests received: 6\n' in out(r), out(r))


@test
def a_received_date_outside_the_calendar_rejects_its_row_only():
    folder, db = registry()
    report = os.path.join(folder, 'report.csv')
    log = write(folder, 'log.csv', HEADER +
                f'{IDS[0]},food_basket,phone,2026-03-02,received,,,,\n'
                f'{IDS[1]},food_basket,phone,1900-05-01,received,,,,\n'
                f'{IDS[1]},food_basket,phone,1924-07-31,received,,,,\n'
                f'{IDS[2]},food_basket,phone,1300-01-01,received,,,,\n'
                f'{IDS[2]},food_basket,phone,2026-03-03,received,,,,\n')
    r = cli(db, 'import', 'requests', log, '--report', report)
    check(r.returncode == 1, (r.returncode, err(r)))
    rows = report_rows(report)
    check([(row[0], row[1], row[2]) for row in rows] ==
          [('2', 'ok', ''), ('3', 'rejected', 'received'), ('4', 'rejected', 'received'),
           ('5', 'rejected', 'received'), ('6', 'ok', '')], rows)
    check('Umm al-Qura' in rows[1][3] and '1924-08-01' in rows[1][3], rows[1])
    check(query(db, 'SELECT count(*) FROM requests') == [(2,)])
    check('Imported 2 requests; 3 rows rejected' in err(r), err(r))


run()
