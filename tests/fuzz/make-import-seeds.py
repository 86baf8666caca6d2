#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Regenerates the seeds of the whole-path import fuzz targets
(fuzz-import-beneficiaries, -requests, -surveys): rows as offices keep
them, with Arabic and English headers, Arabic names, Hijri and Gregorian
dates, good rows and rows each check refuses; as UTF-8 CSV (with and
without a byte-order mark, commas and semicolons), Windows-1256 CSV, and
XLSX written by openpyxl, once deflated and once with its parts stored, so
that mutations reach the XML. Needs python3-openpyxl."""
import io
import os
import zipfile

import openpyxl

HERE = os.path.dirname(os.path.abspath(__file__))

BENEFICIARIES = {
    'english': [
        ['national_id', 'name', 'phone', 'other phone', 'gender', 'birth_date',
         'birth_date_hijri', 'district', 'category', 'consent', 'notes'],
        ['1000000008', 'فاطمة محمد علي الغامدي', '0551234567', '', 'female', '1985-03-01', '',
         'الزاهر', 'widow', 'yes', ''],
        ['١٠٤٨٥٧٣٦٢٨', 'عبد الله سعد الحربي', '+966 56 765 4321', '0561112222، 0509998887',
         'ذكر', '', '12/03/1405', 'حي العمرة', 'مسن', '', 'يراجع كل شهر'],
        ['1000000009', 'سارة علي القحطاني', '0501112222', '', 'female', '1990-01-01', '', '',
         'orphans', '', ''],
        ['1087345292', 'نورة خالد الشهري', '0125551234', '123', 'female', '2090-01-01', '', '',
         'طلاب', 'maybe', ''],
        ['2000000006', 'مريم أحمد الزهراني', '0591234567', '', '', '15/03/1985', '', '', '',
         '', ''],
        ['A1234567', 'John Smith', '', '', 'male', '1401-07-12 هـ', '', '', '', '', ''],
    ],
    'arabic': [
        ['رقم الهوية', 'الاسم الأول', 'اسم الأب', 'اسم الجد', 'اسم العائلة', 'الجوال', 'الجنس',
         'تاريخ الميلاد', 'الجنسية', 'الحالة الاجتماعية', 'الحي', 'العنوان', 'الشريحة',
         'الموافقة'],
        ['1000000008', 'عبدالرحمن', 'سعد', 'محمد', 'الدوسري', '0509876543', 'ذكر', '1980-05-01',
         'سعودي', 'متزوج', 'الشوقية', 'مكة، حي الشوقية، شارع ١٢', 'أسرة أيتام', 'نعم'],
        ['2000000006', 'نورة', 'مؤمن', '', 'الشمري', '0561234567', 'أنثى', '١٤٠٥/٠٣/١٢ هـ', '',
         'أرملة', 'العوالي، مكة', '', 'أرملة', ''],
        ['1048573628', 'سارة 3', '', '', 'الحربي', '0551234567', 'أنثى', '31/02/1990', '', '',
         '', '', '', 'لا'],
    ],
}

REQUESTS = {
    'english': [
        ['national_id', 'type', 'channel', 'received', 'status', 'decided', 'reason',
         'delivered', 'service_amount', 'description'],
        ['1000000008', 'financial_aid', 'phone', '2026-03-01', 'delivered', '2026-03-05', '',
         '2026-04-02', '500', ''],
        ['2000000006', 'سلة غذائية', 'المقابلة', '2026-03-31', 'received', '', '', '', '',
         'أسرة من خمسة أفراد'],
        ['1048573628', 'Rent', 'website', '1447-08-20', 'rejected', '1447-09-01', 'خارج الشروط',
         '', '', ''],
        ['1000000008', 'medical', 'letter', '1910-03-10', 'closed', '2026-03-12', '',
         '2026-03-15', '1,000.10', ''],
        ['1000000009', 'education', 'fax', '2026-13-01', 'approved?', '', '', '', '-5', ''],
        ['1000000008', 'financial_aid', 'phone', '2026-03-01', 'delivered', '2026-03-05', '',
         '2026-04-02', '500', ''],
    ],
    'arabic': [
        ['رقم الهوية', 'نوع الطلب', 'القناة', 'تاريخ الاستلام', 'الحالة', 'تاريخ القرار',
         'السبب', 'تاريخ التسليم', 'مبلغ الخدمة'],
        ['2000000006', 'إيجار', 'الاتصالات الهاتفية', '١٤٤٧/٠٨/٢٠', 'مستلم', '', '', '', ''],
        ['1048573628', 'علاج', 'المقابلة', '12/03/2026', 'مقبول', '15/03/2026', '', '',
         '٢٥٠٫٢٥'],
    ],
}

SURVEYS = {
    'english': [
        ['date', 'channel', 'mode', 'request_type', 'speed', 'overall', 'recommend',
         'suggestion'],
        ['2026-03-01', 'phone', 'paper', 'financial_aid', '5', '5', '10', ''],
        ['1447-09-15', 'interview', '', '', '4', '4', '9', 'شكرا لحسن التعامل'],
        ['2026-03-20', 'website', 'online', '', '', '3', '11', ''],
        ['2090-01-01', 'letter', '', '', '0', '6', '', ''],
        ['', '', '', '', '', '', '', ''],
    ],
    'arabic': [
        ['التاريخ', 'القناة', 'الطريقة', 'الرضا العام', 'سرعة الخدمة', 'recommend',
         'suggestion'],
        ['٢٠٢٦/٠٤/٠٥', 'الاتصالات الهاتفية', 'ورقي', '5', '4', '10', 'أتمنى تقليل مدة الانتظار'],
        ['05/04/2026', 'المقابلة', '', '٤', '', '٨', ''],
    ],
}


def csv_text(rows, sep=','):
    def cell(v):
        if any(c in v for c in (sep, '"', '\n', '\r')):
            return '"' + v.replace('"', '""') + '"'
        return v
    return ''.join(sep.join(cell(v) for v in row) + '\r\n' for row in rows)


def xlsx(rows, stored):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = 'السجل'
    for row in rows:
        ws.append([int(v) if v.isascii() and v.isdigit() and len(v) < 6 else v or None
                   for v in row])
    buf = io.BytesIO()
    wb.save(buf)
    if not stored:
        return buf.getvalue()
    out = io.BytesIO()
    with zipfile.ZipFile(buf) as src, zipfile.ZipFile(out, 'w', zipfile.ZIP_STORED) as dst:
        for info in src.infolist():
            dst.writestr(info.filename, src.read(info.filename))
    return out.getvalue()


def write(folder, name, data):
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, name), 'wb') as f:
        f.write(data)


def main():
    for target, sets in (('beneficiaries', BENEFICIARIES), ('requests', REQUESTS),
                         ('surveys', SURVEYS)):
        folder = os.path.join(HERE, 'corpus-import-' + target)
        for kind, rows in sets.items():
            write(folder, f'{kind}-utf8.csv', csv_text(rows).encode('utf-8'))
            write(folder, f'{kind}-bom-semicolon.csv',
                  b'\xef\xbb\xbf' + csv_text(rows, ';').encode('utf-8'))
            write(folder, f'{kind}-cp1256.csv',
                  csv_text(rows).encode('cp1256', errors='replace'))
            write(folder, f'{kind}-stored.xlsx', xlsx(rows, True))
        write(folder, 'english-deflated.xlsx', xlsx(sets['english'], False))


if __name__ == '__main__':
    main()
