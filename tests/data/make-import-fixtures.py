#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Regenerates the Import page's fixtures (tests/test-import-ui.c):

import-register-cp1256.csv  an office register as Excel on an Arabic Windows
                            saves it (Windows-1256, CRLF), Arabic headers, a
                            column the app does not know, good, rejected and
                            duplicate rows
import-register.xlsx        a workbook whose first sheet is a note and whose
                            second, «السجل», is the register (English headers)

Run with Debian's python3 (openpyxl); the files are committed beside it."""
import os

import openpyxl

HERE = os.path.dirname(os.path.abspath(__file__))

CSV_ROWS = [
    'رقم الهوية,الاسم الكامل,الجوال,الحي,رقم الملف القديم',
    # 2: good
    '1000000008,عبدالرحمن سعد الدوسري,0509876543,الشوقية,17',
    # 3: good
    '2000000006,نورة مؤمن الشمري,0561234567,العوالي,18',
    # 4: a bad check digit
    '1000000009,سارة علي القحطاني,0501112222,العزيزية,19',
    # 5: the same ID as line 2
    '1000000008,عبدالرحمن سعد الدوسري,0509876543,الشوقية,20',
    # 6: a landline where the mobile goes
    '1048573628,هند سالم العتيبي,0125551234,الزاهر,21',
    # 7: good
    '1087345292,فاطمة محمد علي الغامدي,0551234567,الزاهر,22',
]


def write_csv():
    text = '\r\n'.join(CSV_ROWS) + '\r\n'
    with open(os.path.join(HERE, 'import-register-cp1256.csv'), 'wb') as f:
        f.write(text.encode('cp1256'))


def write_xlsx():
    book = openpyxl.Workbook()
    notes = book.active
    notes.title = 'ملاحظات'
    notes['A1'] = 'سجل المستفيدين كما نُقل من الدفتر الورقي'
    register = book.create_sheet('السجل')
    register.append(['national_id', 'name', 'mobile', 'district'])
    register.append(['1000000008', 'عبدالرحمن سعد الدوسري', '0509876543', 'الشوقية'])
    register.append(['2000000006', 'نورة مؤمن الشمري', '0561234567', 'العوالي'])
    register.append(['1000000009', 'سارة علي القحطاني', '0501112222', 'العزيزية'])
    book.save(os.path.join(HERE, 'import-register.xlsx'))


write_csv()
write_xlsx()
