#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Workbooks written through SilaWorkbook, read back by openpyxl: right to
left, real numbers and dates, text never turned into formulas, frozen and
filtered headers, print set-up, properties, safe sheet names."""
import datetime
import os
import stat
import subprocess
import sys

import openpyxl

from taplib import check, run, tempdir, test

SAMPLE = sys.argv[1]


def write(lang, *extra):
    path = os.path.join(tempdir(), f'sample-{lang}.xlsx')
    r = subprocess.run([SAMPLE, path, lang, *extra], capture_output=True, text=True)
    check(r.returncode == 0, r.stderr)
    return path


@test
def right_to_left_in_arabic_only():
    ar = openpyxl.load_workbook(write('ar'))
    en = openpyxl.load_workbook(write('en'))
    check(ar.worksheets[0].sheet_view.rightToLeft is True)
    check(not en.worksheets[0].sheet_view.rightToLeft)


@test
def values_keep_their_types():
    ws = openpyxl.load_workbook(write('ar')).worksheets[0]
    check(ws['A2'].value == '=SUM(A1:A9)' and ws['A2'].data_type == 's', ws['A2'].data_type)
    check(ws['B2'].value == '0123456789', ws['B2'].value)
    check(ws['C2'].value == 1234.56, ws['C2'].value)
    check(ws['D2'].value == datetime.datetime(2026, 3, 15), ws['D2'].value)
    check(ws['E2'].value == 55.5)
    check(ws['F2'].value == 7 and isinstance(ws['F2'].value, (int, float)))
    check(ws['C3'].value == 1000.5)
    check(ws['D3'].value == datetime.datetime(2024, 2, 29))
    check(ws['E3'].value == 'not a number', 'an unparsable value is kept as text')
    check(ws['F3'].value == -3)


@test
def formats():
    ws = openpyxl.load_workbook(write('ar')).worksheets[0]
    check('ر.س' in ws['C2'].number_format, ws['C2'].number_format)
    check(ws['D2'].number_format == 'yyyy-mm-dd', ws['D2'].number_format)
    check(ws['B2'].number_format == '@')
    ws_en = openpyxl.load_workbook(write('en')).worksheets[0]
    check('SAR' in ws_en['C2'].number_format, ws_en['C2'].number_format)
    check(ws['A1'].font.b, 'the header row is bold')


@test
def frozen_filtered_header():
    ws = openpyxl.load_workbook(write('ar')).worksheets[0]
    check(ws.freeze_panes == 'A2', ws.freeze_panes)
    check(ws.auto_filter.ref == 'A1:F3', ws.auto_filter.ref)
    check([c.value for c in ws[1]] == ['الاسم', 'رقم الهوية', 'المبلغ', 'التاريخ', 'النسبة', 'العدد'])
    check(ws.column_dimensions['A'].width >= 29, ws.column_dimensions['A'].width)


@test
def print_setup():
    ws = openpyxl.load_workbook(write('ar')).worksheets[0]
    check(int(ws.page_setup.paperSize) == 9, ws.page_setup.paperSize)
    check(ws.page_setup.orientation == 'landscape')
    check(ws.page_setup.fitToWidth in (1, '1', None) and ws.sheet_properties.pageSetUpPr.fitToPage)
    check('جمعية صلة && البر' in ws.oddHeader.center.text, ws.oddHeader.center.text)
    check('&P' in ws.oddFooter.center.text or 'P' in ws.oddFooter.center.text)
    check(ws.print_title_rows in ('1:1', '$1:$1'), ws.print_title_rows)


@test
def properties():
    wb = openpyxl.load_workbook(write('en'))
    p = wb.properties
    check(p.title == 'Register', p.title)
    check(p.creator == 'Manager', p.creator)
    check(p.description == 'Confidential: personal data' or p.contentStatus ==
          'Confidential: personal data', (p.description, p.contentStatus))


@test
def safe_sheet_names():
    names = openpyxl.load_workbook(write('ar')).sheetnames
    check(names[0] == 'ملخص', names)
    check(names[1] == 'ملخص(2)', names)
    check(names[2] == 'a-b-c-d--x-', names)
    check(names[3] == '4', names)
    check(names[4] == 'quoted', names)
    check(len(names[5]) <= 31, names[5])
    check(len(set(n.casefold() for n in names)) == len(names))


@test
def streaming_gives_the_same_cells():
    a = openpyxl.load_workbook(write('ar')).worksheets[0]
    b = openpyxl.load_workbook(write('ar', 'streaming')).worksheets[0]
    for row in range(1, 4):
        for col in range(1, 7):
            check(a.cell(row, col).value == b.cell(row, col).value, (row, col))


@test
def owner_only():
    path = write('en')
    check(stat.S_IMODE(os.stat(path).st_mode) == 0o600, oct(os.stat(path).st_mode))


run()
