#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Beneficiary files from the command line: import of UTF-8 and
Windows-1256 CSV and of XLSX (good, bad and duplicate rows, exact report
lines, dry run), export read back with openpyxl, and search. No display."""
import csv
import datetime
import hashlib
import io
import os

import openpyxl

import taplib
from taplib import check, err, headless_env, new_database, out, run, sila, tempdir, test

ENGLISH = ('national_id,name,phone,gender,birth_date,birth_date_hijri,district,category\n'
           # 2: good, Gregorian ISO
           '1000000008,فاطمة محمد علي الغامدي,0551234567,female,1985-03-01,,الزاهر,widow\n'
           # 3: good, Hijri only, Arabic-Indic digits, other phone form
           '١٠٤٨٥٧٣٦٢٨,عبد الله سعد الحربي,+966 56 765 4321,ذكر,,12/03/1405,حي العمرة,مسن\n'
           # 4: bad check digit
           '1000000009,سارة علي القحطاني,0501112222,female,1990-01-01,,,\n'
           # 5: the same ID as line 2
           '1000000008,فاطمة محمد الغامدي,0551234567,female,1985-03-01,,,\n'
           # 6: bad phone
           '1087345292,نورة خالد الشهري,0125551234,female,,,,\n'
           # 7: a birth date in the future
           '1120938475,هند سالم العتيبي,0569998888,female,2090-01-01,,,\n'
           # 8: an unknown category
           '2437019587,أمل يوسف البقمي,0581234567,female,,,,طلاب\n'
           # 9: a similar name and the same mobile as line 2, no ID type issue
           '2391847569,فاطمه محمد الغامدى,0551234567,أنثى,,,,\n'
           # 10: good, DD/MM/YYYY, no gender
           '2000000006,مريم أحمد الزهراني,0591234567,,15/03/1985,,,\n')

EXPECTED = [
    ['line', 'result', 'field', 'reason'],
    ['2', 'ok', '', ''],
    ['3', 'ok', '', ''],
    ['4', 'rejected', 'national_id', None],
    ['5', 'duplicate', 'national_id', None],
    ['6', 'rejected', 'phone', None],
    ['7', 'rejected', 'birth_date', None],
    ['8', 'rejected', 'category', None],
    ['9', 'duplicate', 'name', None],
    ['10', 'ok', '', ''],
]


def new_db():
    return new_database()


def write(path, data):
    with open(path, 'wb') as f:
        f.write(data)
    return path


def read_report(path):
    with open(path, encoding='utf-8', newline='') as f:
        return list(csv.reader(f))


def check_report(rows, expected):
    check(len(rows) == len(expected), rows)
    for got, want in zip(rows, expected):
        for g, w in zip(got, want):
            check(w is None or g == w, f'{got} != {want}')
        if want[1] in ('rejected', 'duplicate'):
            check(got[3] != '', f'no reason: {got}')


def count(db, sql='SELECT count(*) FROM beneficiaries WHERE deleted_at IS NULL'):
    return taplib.query(db, sql)[0][0]


def digest(path):
    with open(path, 'rb') as f:
        return hashlib.sha256(f.read()).hexdigest()


@test
def import_utf8_report_is_exact():
    d = tempdir()
    db, report = new_db(), os.path.join(d, 'report.csv')
    src = write(os.path.join(d, 'register.csv'), ENGLISH.encode('utf-8'))
    r = sila('--lang', 'en', '--database', db, 'import', 'beneficiaries', src,
             '--report', report)
    check(r.returncode == 1, (r.returncode, err(r)))
    check('Imported 3 files; 4 rows rejected, 2 duplicates.' in err(r), err(r))
    rows = read_report(report)
    check_report(rows, EXPECTED)
    check(rows[3][3] == 'This national ID is not valid: its last digit does not match the '
          'others. Check it for a typing mistake.', rows[3])
    check('line 2' in rows[4][3] or '1001' in rows[4][3], rows[4])
    check(count(db) == 3)
    # No consent column: pending, to be confirmed at the next contact.
    check(count(db, "SELECT count(*) FROM beneficiaries WHERE consent = 'pending'") == 3)
    # Both calendars from either column; the ID as ASCII.
    got = dict(taplib.query(db, 'SELECT id_number, birth_date FROM beneficiaries'))
    check(got['1048573628'] == '1984-12-04', got)
    check(got['2000000006'] == '1985-03-15', got)


@test
def a_rejected_row_changes_nothing_and_a_rerun_finds_duplicates():
    d = tempdir()
    db, report = new_db(), os.path.join(d, 'r.csv')
    src = write(os.path.join(d, 'register.csv'), ENGLISH.encode('utf-8'))
    sila('--database', db, 'import', 'beneficiaries', src)
    audits = count(db, 'SELECT count(*) FROM audit_log')
    r = sila('--lang', 'en', '--database', db, 'import', 'beneficiaries', src, '--report', report)
    check(r.returncode == 1)
    rows = read_report(report)
    check([row[1] for row in rows[1:]] == ['duplicate', 'duplicate', 'rejected', 'duplicate',
                                            'rejected', 'rejected', 'rejected', 'duplicate',
                                            'duplicate'], rows)
    check(count(db) == 3)
    # Only the import itself is recorded again.
    check(count(db, 'SELECT count(*) FROM audit_log') == audits + 1)


@test
def dry_run_changes_nothing():
    d = tempdir()
    db, report = new_db(), os.path.join(d, 'r.csv')
    check(sila('--database', db, 'info').returncode == 2)  # no database yet
    check(sila('--database', db, 'settings', 'set', 'answer_window_days', '14').returncode == 0)
    before = count(db, 'SELECT count(*) FROM audit_log')
    src = write(os.path.join(d, 'register.csv'), ENGLISH.encode('utf-8'))
    r = sila('--lang', 'en', '--database', db, 'import', 'beneficiaries', src, '--dry-run',
             '--report', report)
    check(r.returncode == 1, err(r))
    check('nothing imported' in err(r), err(r))
    check_report(read_report(report), EXPECTED)
    check(count(db) == 0)
    check(count(db, 'SELECT count(*) FROM audit_log') == before)
    check(count(db, "SELECT count(*) FROM counters WHERE name = 'beneficiary_file'") == 0)


@test
def import_windows_1256_with_arabic_headers():
    d = tempdir()
    db, report = new_db(), os.path.join(d, 'r.csv')
    text = ('رقم الهوية,الاسم الكامل,الجوال,الجنس,تاريخ الميلاد,الحي,الشريحة,الموافقة\r\n'
            '1000000008,عبدالرحمن سعد الدوسري,0509876543,ذكر,1980-05-01,الشوقية,أسرة أيتام,نعم\r\n'
            '2000000006,نورة مؤمن الشمري,0561234567,أنثى,,العوالي، مكة,أرملة,\r\n'
            '1048573628,سارة 3 الحربي,0551234567,أنثى,,,,\r\n')
    src = write(os.path.join(d, 'register.csv'), text.encode('cp1256'))
    r = sila('--database', db, 'import', 'beneficiaries', src, '--report', report)
    check(r.returncode == 1, err(r))
    check('استُورد 2' in err(r), err(r))
    rows = read_report(report)
    check([r[:3] for r in rows] == [['line', 'result', 'field'], ['2', 'ok', ''], ['3', 'ok', ''],
                                    ['4', 'rejected', 'name']], rows)
    check(rows[3][3] == 'لا يمكن أن يحتوي الاسم على أرقام.', rows[3])
    got = taplib.query(db, 'SELECT first_name, family_name, segment, district, consent FROM '
                           'beneficiaries ORDER BY file_number')
    check(got == [('عبدالرحمن', 'الدوسري', 'orphans_family', 'الشوقية', 'given'),
                  ('نورة', 'الشمري', 'widow', 'العوالي، مكة', 'pending')], got)


@test
def import_xlsx():
    d = tempdir()
    db, report = new_db(), os.path.join(d, 'r.csv')
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(['National ID', 'Name', 'Phone', 'Gender', 'Birth date', 'Birth date (Hijri)',
               'District', 'Category'])
    ws.append([1000000008, 'خديجة علي الزهراني', '0551234567', 'Female',
               datetime.date(1984, 12, 4), '1405-03-12', 'Al-Zahir', 'Widow'])
    ws.append(['1000000009', 'ليلى علي الزهراني', '0551234568', 'female', None, None, None, None])
    ws.append([None, None, None, None, None, None, None, None])  # blank: skipped
    ws.append(['2000000006', 'ريم سعد المالكي', '0551234569', 'female',
               datetime.date(1990, 1, 1), '1405-03-12', None, None])
    src = os.path.join(d, 'register.xlsx')
    wb.save(src)
    r = sila('--lang', 'en', '--database', db, 'import', 'beneficiaries', src, '--report', report)
    check(r.returncode == 1, err(r))
    rows = read_report(report)
    check([row[:3] for row in rows] == [['line', 'result', 'field'], ['2', 'ok', ''],
                                        ['3', 'rejected', 'national_id'],
                                        ['5', 'rejected', 'birth_date_hijri']], rows)
    got = taplib.query(db, 'SELECT id_number, district, segment, birth_date, gender '
                           'FROM beneficiaries')
    check(got == [('1000000008', 'الزاهر', 'widow', '1984-12-04', 'female')], got)


@test
def unreadable_files_and_bad_usage():
    d = tempdir()
    db = new_db()
    r = sila('--lang', 'en', '--database', db, 'import', 'beneficiaries',
             os.path.join(d, 'missing.csv'))
    check(r.returncode == 2, err(r))
    pdf = write(os.path.join(d, 'x.xlsx'), b'PK\x03\x04 not really a zip at all')
    r = sila('--lang', 'en', '--database', db, 'import', 'beneficiaries', pdf)
    check(r.returncode == 2, err(r))
    check(err(r).strip() != '' and 'Traceback' not in err(r))
    nohead = write(os.path.join(d, 'n.csv'), b'phone,gender\n0551234567,male\n')
    r = sila('--lang', 'en', '--database', db, 'import', 'beneficiaries', nohead)
    check(r.returncode == 2, err(r))
    check('National ID' in err(r), err(r))
    noname = write(os.path.join(d, 'nn.csv'), b'national_id,phone\n1000000008,0551234567\n')
    r = sila('--lang', 'en', '--database', db, 'import', 'beneficiaries', noname)
    check(r.returncode == 2 and 'name' in err(r), err(r))
    for args in (['import', 'beneficiaries'], ['import', 'beneficiaries', 'a', 'b'],
                 ['export', 'beneficiaries'], ['export', 'beneficiaries', '--xlsx'],
                 ['search'], ['import', 'beneficiaries', nohead, '--bogus']):
        r = sila('--lang', 'en', '--database', db, *args)
        check(r.returncode == 2, (args, err(r)))
    check(count(db) == 0)


def national_id(n):
    """A valid national ID (first digit 1) made from @n: the check digit is
    the Luhn digit of the first nine."""
    body = '1' + f'{n:08d}'
    total = 0
    for i, c in enumerate(body):
        d = int(c)
        if i % 2 == 0:
            d *= 2
            d = d // 10 + d % 10
        total += d
    return body + str((10 - total % 10) % 10)


FIRST = ['فاطمة', 'نورة', 'مريم', 'خديجة', 'سارة', 'هند', 'ليلى', 'أمل', 'ريم', 'عائشة']
FAMILY = ['الغامدي', 'الحربي', 'الزهراني', 'القحطاني', 'الشهري', 'العتيبي', 'المالكي',
          'الدوسري', 'الشمري', 'البقمي', 'السبيعي', 'العنزي']


@test
def rows_refused_by_several_checks_do_not_crash_the_import():
    # A segment the office does not have, and a bad mobile with a bad other
    # phone, each reused one GError: forty such rows crashed the import.
    d = tempdir()
    db, report = new_db(), os.path.join(d, 'r.csv')
    lines = ['national_id,name,phone,other phone,gender,category']
    expected = []
    for i in range(120):
        name = f'{FIRST[i % 10]} محمد {FAMILY[i // 10]}'
        nid = national_id(1000 + i)
        mobile = f'055{i:07d}'
        if i % 3 == 1:
            lines.append(f'{nid},{name},{mobile},,female,orphans')
            expected.append(('rejected', 'category'))
        elif i % 3 == 2:
            lines.append(f'{nid},{name},0125551234,123,female,widow')
            expected.append(('rejected', 'phone'))
        else:
            lines.append(f'{nid},{name},{mobile},,female,widow')
            expected.append(('ok', ''))
    src = write(os.path.join(d, 'register.csv'), ('\n'.join(lines) + '\n').encode('utf-8'))
    r = sila('--lang', 'en', '--database', db, 'import', 'beneficiaries', src,
             '--report', report)
    check(r.returncode == 1, (r.returncode, err(r)[-2000:]))
    check('Imported 40 files; 80 rows rejected, 0 duplicates.' in err(r), err(r)[-2000:])
    rows = read_report(report)
    check(len(rows) == 121, len(rows))
    for i, (row, (result, field)) in enumerate(zip(rows[1:], expected)):
        check(row[0] == str(i + 2) and row[1] == result and row[2] == field, (i, row))
        if field == 'category':
            # The reason names the office's segments.
            check('orphans' in row[3] and 'Widow' in row[3] and "Orphans' family" in row[3]
                  and 'Elderly' in row[3], row)
        if field == 'phone':
            check('05' in row[3], row)
    check(count(db) == 40)
    check(count(db, "SELECT count(*) FROM beneficiaries WHERE segment = 'widow'") == 40)


def imported_db():
    d = tempdir()
    db = new_db()
    src = write(os.path.join(d, 'register.csv'), ENGLISH.encode('utf-8'))
    sila('--database', db, 'import', 'beneficiaries', src)
    return db


@test
def export_in_english_reads_back():
    db = imported_db()
    path = os.path.join(tempdir(), 'register.xlsx')
    r = sila('--lang', 'en', '--database', db, 'export', 'beneficiaries', '--xlsx', path)
    check(r.returncode == 0, err(r))
    check('Exported 3 files.' in err(r), err(r))
    check(os.stat(path).st_mode & 0o777 == 0o600)
    wb = openpyxl.load_workbook(path)
    ws = wb.worksheets[0]
    header = [c.value for c in ws[1]]
    for name in ('National ID', 'Name', 'Phone', 'Birth date', 'Birth date (Hijri)'):
        check(name in header, header)
    col = {name: header.index(name) for name in header}
    rows = {r[col['National ID']].value: r for r in ws.iter_rows(min_row=2)}
    row = rows['1000000008']
    check(row[col['Name']].value == 'فاطمة محمد علي الغامدي', row[col['Name']].value)
    birth = row[col['Birth date']]
    check(isinstance(birth.value, datetime.datetime) and birth.value.date() ==
          datetime.date(1985, 3, 1), birth.value)
    check(birth.number_format == 'yyyy-mm-dd', birth.number_format)
    check(row[col['Birth date (Hijri)']].value == '1405-06-10', row[col['Birth date (Hijri)']].value)
    check(row[col['Phone']].value == '055 123 4567', row[col['Phone']].value)
    check(rows['1048573628'][col['Birth date (Hijri)']].value == '1405-03-12')
    check(ws.freeze_panes == 'A2', ws.freeze_panes)
    check(ws.auto_filter.ref is not None and ws.auto_filter.ref.startswith('A1:'))
    check('Confidential' in (wb.properties.description or ''), wb.properties.description)
    check(wb.worksheets[1].max_row >= 1)


@test
def export_in_arabic_is_right_to_left():
    db = imported_db()
    path = os.path.join(tempdir(), 'register.xlsx')
    r = sila('--database', db, 'export', 'beneficiaries', '--xlsx', path)
    check(r.returncode == 0, err(r))
    wb = openpyxl.load_workbook(path)
    ws = wb.worksheets[0]
    check(ws.sheet_view.rightToLeft, 'not RTL')
    check(ws.title == 'المستفيدون', ws.title)
    header = [c.value for c in ws[1]]
    for name in ('رقم الهوية', 'الاسم', 'الجوال', 'تاريخ الميلاد', 'تاريخ الميلاد (هجري)'):
        check(name in header, header)
    check('سري' in (wb.properties.description or ''))


@test
def search_best_first_in_any_spelling():
    db = imported_db()
    r = sila('--database', db, 'search', 'فاطمه الغامدى')
    check(r.returncode == 0, err(r))
    lines = out(r).splitlines()
    check(lines == ['1001\t1000000008\tفاطمة محمد علي الغامدي'], lines)
    for text in ('عبدالله الحربي', 'الحربي عبد', '٠٥٦٧٦٥', '+966567654321', '1048573',
                 '1002', 'عَبْدُ اللّه'):
        r = sila('--database', db, 'search', text)
        check(out(r).startswith('1002\t1048573628\t'), (text, out(r)))
    r = sila('--database', db, 'search', 'غير', 'موجود')
    check(r.returncode == 0 and out(r) == '', out(r))
    r = sila('--database', db, 'search', '"*(')
    check(r.returncode == 0 and out(r) == '', (out(r), err(r)))


@test
def segments_listed_added_renamed_retired():
    db = imported_db()
    r = sila('--database', db, 'segments')
    check(r.returncode == 0, err(r))
    lines = out(r).splitlines()
    check('widow\tأرملة\tWidow' in lines, lines)
    r = sila('--database', db, 'segment', 'add', 'طلاب جامعيون', '--english', 'Students')
    check(r.returncode == 0, err(r))
    code = out(r).strip()
    check(code.startswith('segment_'), code)
    r = sila('--lang', 'en', '--database', db, 'segment', 'add', 'أرملة')
    check(r.returncode == 1 and 'already' in err(r), err(r))
    r = sila('--database', db, 'segment', 'rename', code, 'طلاب')
    check(r.returncode == 0, err(r))
    r = sila('--database', db, 'segment', 'retire', code)
    check(r.returncode == 0, err(r))
    lines = out(sila('--database', db, 'segments')).splitlines()
    check(f'{code}\tطلاب\tStudents\tretired' in lines, lines)
    # A retired segment is not offered to new rows.
    d = tempdir()
    src = write(os.path.join(d, 'r.csv'),
                'national_id,name,category\n1087345292,نورة خالد الشهري,طلاب\n'.encode('utf-8'))
    r = sila('--lang', 'en', '--database', db, 'import', 'beneficiaries', src)
    check(r.returncode == 1, err(r))
    r = sila('--lang', 'en', '--database', db, 'segment', 'retire', 'nothing')
    check(r.returncode == 1 and 'There is no segment' in err(r), err(r))
    check(sila('--database', db, 'segment', 'rename', code).returncode == 2)


def as_user(name, password, **extra):
    return headless_env(SILA_USER=name, SILA_PASSWORD=password, **extra)


@test
def signed_in_staff_as_their_roles_allow():
    db = imported_db()
    r = sila('--database', db, 'user', 'add', 'sami', '--role', 'admin',
             env=headless_env(SILA_NEW_PASSWORD='the admin passphrase'))
    check(r.returncode == 0, err(r))
    for name, role in (('huda', 'officer'), ('rana', 'researcher')):
        r = sila('--database', db, 'user', 'add', name, '--role', role,
                 env=as_user('sami', 'the admin passphrase',
                             SILA_NEW_PASSWORD=f'{name} passphrase 1'))
        check(r.returncode == 0, err(r))
    path = os.path.join(tempdir(), 'out.xlsx')

    # Nobody signed in: refused.
    r = sila('--lang', 'en', '--database', db, 'search', 'فاطمة')
    check(r.returncode == 1 and '--user' in err(r), err(r))
    # An officer searches and imports but does not export.
    huda = as_user('huda', 'huda passphrase 1')
    r = sila('--database', db, 'search', 'فاطمة', env=huda)
    check(r.returncode == 0 and out(r).startswith('1001\t'), (out(r), err(r)))
    r = sila('--lang', 'en', '--database', db, 'export', 'beneficiaries', '--xlsx', path,
             env=huda)
    check(r.returncode == 1 and 'Not allowed' in err(r), err(r))
    check(not os.path.exists(path))
    # A researcher may look but not import.
    d = tempdir()
    src = write(os.path.join(d, 'r.csv'), ENGLISH.encode('utf-8'))
    r = sila('--lang', 'en', '--database', db, 'import', 'beneficiaries', src,
             env=as_user('rana', 'rana passphrase 1'))
    check(r.returncode == 1 and 'Not allowed' in err(r), err(r))
    # The administrator exports; the export is recorded under their name.
    r = sila('--database', db, 'export', 'beneficiaries', '--xlsx', path,
             env=as_user('sami', 'the admin passphrase'))
    check(r.returncode == 0, err(r))
    check(count(db, "SELECT count(*) FROM audit_log WHERE action = 'export' "
                    "AND actor_name = 'sami'") == 1)


run()
