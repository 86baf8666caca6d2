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
    check(ws['E2'].value == 0.555)  # a rate is a fraction, shown as a percentage
    check(ws['G2'].value == 2067 and ws['G3'].value == 12345, (ws['G2'].value, ws['G3'].value))
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
    # A rate in a percentage format (0.555 shows 55.5%), not 0–100 with a
    # literal sign; a file number with no thousands separator.
    check(ws['E2'].number_format == '0.0%', ws['E2'].number_format)
    check(ws['G2'].number_format == '0', ws['G2'].number_format)
    check(ws['F2'].number_format == '#,##0', ws['F2'].number_format)


@test
def fonts_that_libreoffice_has():
    # Not Arial, which LibreOffice on Linux lacks (its substitutes draw
    # Arabic as boxes): Naskh in Arabic workbooks, Noto Sans in English ones.
    ar = openpyxl.load_workbook(write('ar')).worksheets[0]
    en = openpyxl.load_workbook(write('en')).worksheets[0]
    for cell in ('A1', 'A2', 'C2', 'E2', 'G2'):
        check(ar[cell].font.name == 'Noto Naskh Arabic', (cell, ar[cell].font.name))
        check(en[cell].font.name == 'Noto Sans', (cell, en[cell].font.name))
    check('Arial' not in (ar.oddHeader.center.font or ''), ar.oddHeader.center.font)


@test
def header_rows_as_tall_as_their_lines():
    ws = openpyxl.load_workbook(write('ar')).worksheets[0]
    # "رقم الملف لدى الجمعية منذ أول تسجيل" in 9 characters' width takes
    # four or more lines of 20 points (Naskh), not a 30-point row.
    check(ws.row_dimensions[1].height >= 4 * 20, ws.row_dimensions[1].height)
    check(ws.sheet_format.defaultRowHeight >= 20, ws.sheet_format.defaultRowHeight)


@test
def frozen_filtered_header():
    ws = openpyxl.load_workbook(write('ar')).worksheets[0]
    check(ws.freeze_panes == 'A2', ws.freeze_panes)
    check(ws.auto_filter.ref == 'A1:G3', ws.auto_filter.ref)
    check([c.value for c in ws[1]] == ['الاسم', 'رقم الهوية', 'المبلغ', 'التاريخ', 'النسبة', 'العدد',
                                       'رقم الملف لدى الجمعية منذ أول تسجيل'])
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
        for col in range(1, 8):
            check(a.cell(row, col).value == b.cell(row, col).value, (row, col))


@test
def owner_only():
    path = write('en')
    check(stat.S_IMODE(os.stat(path).st_mode) == 0o600, oct(os.stat(path).st_mode))


run()
