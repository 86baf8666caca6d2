#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Workbooks written by a second writer, openpyxl (python3-openpyxl), read
back through the table reader (tests/sila-table-dump.c). openpyxl writes
inline strings where libxlsxwriter (tests/test-table-reader.c) writes shared
ones. Dates in both of Excel's date systems, numbers, booleans, Arabic text,
empty cells, a hidden first sheet; and damaged variants of the same file."""
import datetime
import json
import os
import subprocess
import tempfile
import zipfile

from taplib import Skip, check, run, test

try:
    import openpyxl
    from openpyxl.utils.datetime import CALENDAR_MAC_1904
except ImportError:  # pragma: no cover - the suite installs it
    openpyxl = None


def dump(path, sheet=None):
    args = [os.environ['SILA_TABLE_DUMP'], path] + ([sheet] if sheet is not None else [])
    r = subprocess.run(args, capture_output=True, timeout=60)
    check(r.returncode in (0, 1), r.stderr.decode())
    out = json.loads(r.stdout.decode('utf-8'))
    return r.returncode, out


def need_openpyxl():
    if openpyxl is None:
        raise Skip('python3-openpyxl is not installed')


def register(path, epoch_1904=False):
    wb = openpyxl.Workbook()
    if epoch_1904:
        wb.epoch = CALENDAR_MAC_1904
    ws = wb.active
    ws.title = 'سجل المستفيدين'
    ws.sheet_view.rightToLeft = True
    ws.append(['رقم الهوية', 'الاسم', 'تاريخ الميلاد', 'المبلغ', 'موافقة', 'ملاحظات', 'الجوال'])
    ws.append([1048573628, 'محمد أحمد الغامدي', datetime.date(1985, 3, 15), 1250.5, True,
               None, '0501234567'])
    ws.append([2437019587, 'فاطمة القحطاني', datetime.datetime(2024, 3, 11, 14, 30), 0,
               False, 'سطر أول\nسطر ثان', '+966551234567'])
    ws['C3'].number_format = 'yyyy/mm/dd hh:mm'
    ws['D2'].number_format = '#,##0.00'
    # Row 4 empty; row 5 with holes, a time and a Hijri display format.
    ws['B5'] = 'ليلى'
    ws['D5'] = datetime.time(8, 15, 30)
    ws['F5'] = datetime.date(2026, 2, 18)
    ws['F5'].number_format = '[$-1060000]B2dd/mm/yyyy'
    ws['A6'] = '=SUM(1,2)'        # a formula: openpyxl stores no cached result
    ws['B6'] = 0.1 + 0.2
    ws['C6'] = 12345678901234
    other = wb.create_sheet('أخرى')
    other['A1'] = 'not this sheet'
    wb.save(path)


EXPECTED = [
    {'line': 1, 'cells': ['رقم الهوية', 'الاسم', 'تاريخ الميلاد', 'المبلغ', 'موافقة', 'ملاحظات',
                          'الجوال']},
    {'line': 2, 'cells': ['1048573628', 'محمد أحمد الغامدي', '1985-03-15', '1250.5', 'TRUE', '',
                          '0501234567']},
    {'line': 3, 'cells': ['2437019587', 'فاطمة القحطاني', '2024-03-11', '0', 'FALSE',
                          'سطر أول\nسطر ثان', '+966551234567']},
    {'line': 5, 'cells': ['', 'ليلى', '', '08:15:30', '', '2026-02-18']},
    {'line': 6, 'cells': ['', '0.3', '12345678901234']},
]


@test
def openpyxl_workbook():
    need_openpyxl()
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, 'register.xlsx')
        register(path)
        status, out = dump(path)
        check(status == 0, out)
        check(out['format'] == 'xlsx', out)
        check(out['rows'] == EXPECTED, json.dumps(out['rows'], ensure_ascii=False, indent=1))


@test
def openpyxl_workbook_1904_dates():
    need_openpyxl()
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, 'mac.xlsx')
        register(path, epoch_1904=True)
        with zipfile.ZipFile(path) as z:
            check(b'date1904' in z.read('xl/workbook.xml'), 'openpyxl did not mark 1904 dates')
        status, out = dump(path)
        check(status == 0, out)
        check(out['rows'] == EXPECTED, json.dumps(out['rows'], ensure_ascii=False, indent=1))


@test
def openpyxl_hidden_first_sheet():
    need_openpyxl()
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, 'hidden.xlsx')
        wb = openpyxl.Workbook()
        lists = wb.active
        lists.title = 'قوائم'
        lists['A1'] = 'hidden'
        data = wb.create_sheet('البيانات')
        data['A1'] = 'الاسم'
        data['A2'] = 'نورة'
        lists.sheet_state = 'hidden'
        wb.active = 1
        wb.save(path)
        status, out = dump(path)
        check(status == 0, out)
        check([r['cells'] for r in out['rows']] == [['الاسم'], ['نورة']], out)


@test
def a_sheet_chosen_by_name():
    """The Import section's sheet choice: every worksheet listed in the
    workbook's order (hidden ones too, chart sheets not), the one named
    read, and a name that is not there refused."""
    need_openpyxl()
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, 'sheets.xlsx')
        wb = openpyxl.Workbook()
        notes = wb.active
        notes.title = 'ملاحظات'
        notes['A1'] = 'سجل منقول من الدفتر'
        register = wb.create_sheet('السجل')
        register.append(['national_id', 'name'])
        register.append(['1000000008', 'نورة'])
        hidden = wb.create_sheet('Lists')
        hidden['A1'] = 'x'
        hidden.sheet_state = 'hidden'
        wb.create_chartsheet('Chart')
        wb.save(path)

        status, out = dump(path)
        check(status == 0, out)
        check(out['sheets'] == ['ملاحظات', 'السجل', 'Lists'], out)
        check(out['sheet'] == 'ملاحظات', out)
        check([r['cells'] for r in out['rows']] == [['سجل منقول من الدفتر']], out)

        status, out = dump(path, 'السجل')
        check(status == 0, out)
        check(out['sheet'] == 'السجل', out)
        check([r['cells'] for r in out['rows']] == [['national_id', 'name'],
                                                  ['1000000008', 'نورة']], out)

        status, out = dump(path, 'Lists')
        check(status == 0 and out['rows'][0]['cells'] == ['x'], out)

        status, out = dump(path, 'ورقة أخرى')
        check(status == 1, out)
        check('ورقة أخرى' in out['error']['message'], out)


@test
def damaged_variants_are_refused_cleanly():
    """The openpyxl file with one part removed or spoiled: a clear error,
    never a crash (exit status 1 with a message)."""
    need_openpyxl()
    with tempfile.TemporaryDirectory() as tmp:
        good = os.path.join(tmp, 'good.xlsx')
        register(good)
        with zipfile.ZipFile(good) as z:
            parts = {name: z.read(name) for name in z.namelist()}
        variants = {
            'no-sheet': {k: v for k, v in parts.items() if k != 'xl/worksheets/sheet1.xml'},
            'no-styles': {k: v for k, v in parts.items() if k != 'xl/styles.xml'},
            'bad-xml': dict(parts, **{'xl/worksheets/sheet1.xml':
                                      parts['xl/worksheets/sheet1.xml'][:-40]}),
            'latin1-xml': dict(parts, **{'xl/workbook.xml':
                                         parts['xl/workbook.xml'] + b'\xe9'}),
        }
        for name, contents in variants.items():
            path = os.path.join(tmp, name + '.xlsx')
            with zipfile.ZipFile(path, 'w', zipfile.ZIP_DEFLATED) as z:
                for part, data in contents.items():
                    z.writestr(part, data)
            status, out = dump(path)
            if name == 'no-styles':
                # Still readable (openpyxl writes inline strings), but with
                # no cell formats a date is only its serial number.
                check(status == 0, (name, out))
                check(out['rows'][1]['cells'][2] == '31121', (name, out))
                check(out['rows'][1]['cells'][1] == 'محمد أحمد الغامدي', (name, out))
            else:
                check(status == 1, (name, out))
                check(out['error']['message'], (name, out))


run()
