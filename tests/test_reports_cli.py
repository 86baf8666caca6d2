#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The board's report from the command line, as scripts use it:
`sila report (--month | --hijri-month | --from --to) [--xlsx] [--pdf]` and
`sila import requests FILE [--dry-run] [--report]`. The workbook is read
back with openpyxl (numbers are numbers, sheets right to left in Arabic,
totals equal their breakdowns, the English summary labels exact, print
set-up, filters, frozen headers), the PDF with pdftotext, and the workbook
is opened once by LibreOffice headless (skipped when soffice is absent).
Runs with no display."""
import csv
import functools
import io
import os
import re
import shutil
import sqlite3
import subprocess

import openpyxl

from taplib import (Skip, check, err, file_only, headless_env, new_database, out, run, sila,
                    tempdir, test)

NOW = '2026-04-20T09:00:00Z'
ENGLISH_LABELS = ['Requests received', 'Accepted', 'Rejected', 'Acceptance rate',
                  'Services delivered value', 'New files', 'Survey responses', 'CSAT', 'NPS']
BIDI = re.compile('[\u200e\u200f\u202a-\u202e\u2066-\u2069\u061c]')


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


IDS = [luhn('1%08d' % (30000000 + i)) for i in range(6)]


def env(**extra):
    e = headless_env(SILA_FAKE_NOW=NOW)
    for k in ('SILA_USER', 'SILA_PASSWORD', 'SILA_NEW_PASSWORD'):
        e.pop(k, None)
    e.update(extra)
    return e


def cli(db, *args, lang='en', **extra):
    return sila('--database', db, '--lang', lang, *args, env=env(**extra))


# March 2026, by hand:
#   received in March: 5 (R1 R2 R4 R5 R6); R3 in February
#   decisions in March: R1 accepted (4 days), R3 rejected (19 days, due March 7:
#   5 days late), R4 accepted (2 days), R5 accepted (3 days) → 4 decided, 75 %,
#   median 3.5
#   services in March: R4 1,000.10 and R5 250.25 → 1,250.35; R1 delivered April 2
#   R6 still received on March 31, due March 21: overdue
HISTORY = (
    'national_id,type,channel,received,status,decided,reason,delivered,service_amount\n'
    f'{IDS[0]},financial_aid,phone,2026-03-01,delivered,2026-03-05,,2026-04-02,500\n'
    f'{IDS[1]},سلة غذائية,المقابلة,2026-03-31,received,,,,\n'
    f'{IDS[2]},Rent,website,2026-02-21,rejected,2026-03-12,خارج الشروط,,\n'
    f'{IDS[3]},medical,letter,2026-03-10,closed,2026-03-12,,2026-03-15,1000.10\n'
    f'{IDS[4]},education,phone,2026-03-12,delivered,2026-03-15,,2026-03-31,250.25\n'
    f'{IDS[5]},food_basket,phone,2026-03-07,received,,,,\n'
)

SURVEYS = (
    'date,channel,overall,recommend\n'
    '2026-03-02,phone,5,10\n2026-03-03,phone,4,9\n2026-03-04,phone,3,7\n'
    '2026-03-05,interview,5,3\n2026-03-06,interview,2,6\n2026-03-31,interview,4,10\n'
)


def registry():
    folder = tempdir()
    db = new_database(folder)
    with open(os.path.join(folder, 'register.csv'), 'w', encoding='utf-8') as f:
        f.write('national_id,name,category\n')
        names = ['نورة عبدالله أحمد الحربي', 'سارة محمد علي القرشي', 'هند سعد علي الشهري',
                 'ريم خالد صالح الغامدي', 'منى فهد ناصر العتيبي', 'أمل سالم حسن الزهراني']
        for i, number in enumerate(IDS):
            f.write(f'{number},{names[i]},{"widow" if i % 2 else "elderly"}\n')
    r = sila('--database', db, 'import', 'beneficiaries', os.path.join(folder, 'register.csv'),
             env=env(SILA_FAKE_NOW='2026-03-03T09:00:00Z'))
    check(r.returncode == 0, err(r))
    return folder, db


@functools.lru_cache(maxsize=None)
def march():
    """One registry with March's history and surveys, and its reports in both
    languages (made once: tests only read them)."""
    folder, db = registry()
    path = os.path.join(folder, 'history.csv')
    with open(path, 'w', encoding='utf-8') as f:
        f.write(HISTORY)
    r = cli(db, 'import', 'requests', path)
    check(r.returncode == 0, err(r))
    with open(os.path.join(folder, 'surveys.csv'), 'w', encoding='utf-8') as f:
        f.write(SURVEYS)
    r = cli(db, 'survey', 'import', os.path.join(folder, 'surveys.csv'))
    check(r.returncode == 0, err(r))
    files = {}
    for lang in ('en', 'ar'):
        xlsx = os.path.join(folder, f'march-{lang}.xlsx')
        pdf = os.path.join(folder, f'march-{lang}.pdf')
        r = cli(db, 'report', '--month', '2026-03', '--xlsx', xlsx, '--pdf', pdf, lang=lang)
        check(r.returncode == 0, err(r))
        files[lang] = (xlsx, pdf, out(r))
    return folder, db, files


def summary_values(ws):
    return {row[0]: row[1] for row in ws.iter_rows(min_row=1, values_only=True)
            if isinstance(row[0], str) and row[1] is not None}


def table_rows(ws):
    """The rows under a sheet's header row (row 4), up to its total."""
    rows = []
    for row in ws.iter_rows(min_row=5, values_only=True):
        if row[0] is None:
            break
        rows.append(row)
    return rows


def pdf_text(path):
    r = subprocess.run(['pdftotext', '-layout', path, '-'], capture_output=True, check=True)
    return BIDI.sub('', r.stdout.decode('utf-8'))


@test
def report_prints_the_figures_in_english():
    _, _, files = march()
    text = files['en'][2]
    check('Monthly report to the board — March 2026' in text, text)
    check('Requests received: 5\n' in text, text)
    check('Requests decided: 4\n' in text, text)
    check('Acceptance rate: 75.0%\n' in text, text)
    check('Days from receipt to decision (median): 3.5\n' in text, text)
    check('Services delivered value: SAR 1,250.35\n' in text, text)
    check('Overdue, still waiting: 1\n' in text, text)
    check('Decided after the answer window: 1\n' in text, text)
    check('Survey responses: 6\n' in text, text)
    check('CSAT: 66.7%\n' in text, text)
    check('NPS: +16.7\n' in text, text)


@test
def workbook_summary_first_with_exact_english_labels_and_numbers():
    _, _, files = march()
    wb = openpyxl.load_workbook(files['en'][0])
    check(wb.sheetnames[0] == 'Summary', wb.sheetnames)
    values = summary_values(wb.worksheets[0])
    for label in ENGLISH_LABELS:
        check(label in values, f'{label} missing: {sorted(values)}')
        check(isinstance(values[label], (int, float)), f'{label}: {values[label]!r}')
    check(values['Requests received'] == 5, values)
    check(values['Accepted'] == 3 and values['Rejected'] == 1, values)
    # Rates are fractions in a percentage format: accepted ÷ decided = 0.75.
    check(values['Acceptance rate'] == 0.75, values)
    check(abs(values['Services delivered value'] - 1250.35) < 1e-9, values)
    check(values['Survey responses'] == 6, values)
    check(abs(values['CSAT'] - 0.667) < 1e-9 and abs(values['NPS'] - 16.7) < 1e-9, values)
    # Riyals are formatted as riyals; the period before is beside each figure.
    ws = wb.worksheets[0]
    for row in ws.iter_rows():
        if row[0].value == 'Services delivered value':
            check('SAR' in row[1].number_format, row[1].number_format)
            check(row[2].value == 0, row[2].value)  # February delivered nothing
        if row[0].value == 'Requests received':
            check(row[2].value == 1 and row[3].value == 4, [c.value for c in row])
        if row[0].value in ('Acceptance rate', 'CSAT'):
            check(row[1].number_format == '0.0%', (row[0].value, row[1].number_format))
        # February had no survey: its CSAT and NPS are "—", as in the PDF,
        # and so is their change.
        if row[0].value in ('CSAT', 'NPS'):
            check(row[2].value == '—' and row[3].value == '—', [c.value for c in row])
    # Prepared by the association, where the database has no accounts.
    prepared = [v for v in (c.value for c in ws['A']) if isinstance(v, str) and
                v.startswith('Prepared by')]
    check(prepared and 'جمعية صلة' in prepared[0] and 'owner' not in prepared[0].lower(),
          prepared)
    check('جمعية صلة' in (wb.properties.creator or ''), wb.properties.creator)


@test
def workbook_totals_equal_their_breakdowns():
    _, _, files = march()
    wb = openpyxl.load_workbook(files['en'][0])
    for name in ('By status', 'By type', 'By channel', 'By segment'):
        rows = table_rows(wb[name])
        total = rows[-1]
        check(total[0] == 'Total', (name, total))
        check(sum(r[1] for r in rows[:-1]) == total[1] == 5, (name, rows))
        check(all(isinstance(r[1], int) for r in rows), (name, rows))
    by_channel = {r[0]: r[1] for r in table_rows(wb['By channel'])}
    check(len(by_channel) == 9, by_channel)  # the eight channels and the total
    check(by_channel['Phone calls'] == 3, by_channel)
    services = table_rows(wb['Services by type'])
    check(round(sum(r[2] for r in services[:-1]), 2) == services[-1][2] == 1250.35, services)
    deliveries = table_rows(wb['Services delivered'])
    check(round(sum(r[5] for r in deliveries[:-1]), 2) == 1250.35, deliveries)
    decisions = table_rows(wb['Decisions'])
    check(decisions[-1][1:4] == (4, 3, 1), decisions)
    register = table_rows(wb['Requests'])
    check(len(register) == 5, register)
    check(all(isinstance(r[1], int) for r in register), register)  # file numbers
    # File numbers with no thousands separator ("1001", not "1,001"); shares
    # as fractions that add up to 1.
    check(wb['Requests']['B5'].number_format == '0', wb['Requests']['B5'].number_format)
    check(wb['Overdue']['B5'].number_format == '0', wb['Overdue']['B5'].number_format)
    shares = table_rows(wb['By channel'])
    check(shares[-1][2] == 1 and abs(sum(r[2] for r in shares[:-1]) - 1) < 0.002, shares)
    check(wb['By channel']['C5'].number_format == '0.0%', wb['By channel']['C5'].number_format)
    # The register shows what each request received has had delivered so far
    # (R1's 500 on April 2 too).
    check(round(sum(r[12] or 0 for r in register), 2) == 1750.35, register)
    overdue = table_rows(wb['Overdue'])
    check(len(overdue) == 1 and overdue[0][6] == 10, overdue)  # due March 21, on the 31st
    late = table_rows(wb['Decided late'])
    check(len(late) == 1 and late[0][6] == 5, late)  # due March 7, decided March 12


@test
def workbook_sheets_are_set_up_for_print_and_reading():
    _, _, files = march()
    wb = openpyxl.load_workbook(files['en'][0])
    check(wb.sheetnames[-1] == 'Board approval', wb.sheetnames)
    for ws in wb.worksheets:
        check(ws.page_setup.paperSize in (9, '9'), (ws.title, ws.page_setup.paperSize))
        check(ws.sheet_properties.pageSetUpPr.fitToPage, ws.title)
        check(ws.page_setup.fitToWidth in (1, '1', None), ws.title)
        check('جمعية صلة' in (ws.oddHeader.center.text or ''), (ws.title, ws.oddHeader.center.text))
        check('&P' in (ws.oddFooter.center.text or ''), ws.title)
    for name in ('Summary', 'By type', 'Requests', 'Overdue'):
        ws = wb[name]
        check(ws.freeze_panes is not None, name)
        check(ws.auto_filter.ref is not None, name)
        check(ws.column_dimensions['A'].width >= 8, name)
    check(wb.properties.title and 'March 2026' in wb.properties.title, wb.properties.title)
    check('Confidential' in (wb.properties.description or ''), wb.properties.description)
    approval = [c for row in wb['Board approval'].iter_rows(values_only=True) for c in row if c]
    for label in ('Chair of the board', 'Board member', 'Decision number', 'Decision date',
                  'Period (Hijri)', 'Period (Gregorian)', 'Prepared by'):
        check(label in approval, (label, approval))
    check(any(isinstance(c, str) and 'Ramadan 1447' in c for c in approval), approval)


@test
def arabic_workbook_reads_right_to_left():
    _, _, files = march()
    wb = openpyxl.load_workbook(files['ar'][0])
    check(wb.sheetnames[0] == 'الملخص', wb.sheetnames)
    check(wb.sheetnames[-1] == 'اعتماد مجلس الإدارة', wb.sheetnames)
    for ws in wb.worksheets:
        check(ws.sheet_view.rightToLeft, ws.title)
    values = summary_values(wb.worksheets[0])
    check(values['الطلبات المستلمة'] == 5, values)
    check(values['نسبة القبول'] == 0.75, values)
    money = [row[1] for row in wb.worksheets[0].iter_rows()
             if row[0].value == 'قيمة الخدمات المقدمة'][0]
    check(money.value == 1250.35 and 'ر.س' in money.number_format, money.number_format)


@test
def workbook_has_charts():
    _, _, files = march()
    wb = openpyxl.load_workbook(files['en'][0])
    # openpyxl drops charts it reads; count them in the file itself.
    import zipfile
    with zipfile.ZipFile(files['en'][0]) as z:
        charts = [n for n in z.namelist() if n.startswith('xl/charts/chart')]
        check(len(charts) >= 3, charts)
        check(b'Summary' in z.read(charts[0]), z.read(charts[0])[:400])
    check(wb.worksheets[0].title == 'Summary', wb.sheetnames)


@test
def pdf_reads_back_in_both_languages():
    _, _, files = march()
    text = pdf_text(files['en'][1])
    for phrase in ('Monthly report to the board', 'March 2026', 'Requests received',
                   'Acceptance rate', 'SAR 1,250.35', 'Approval by the board of directors',
                   'Chair of the board', 'Page 1 of'):
        check(phrase in text, phrase)
    # pdftotext splits words and moves the pieces of a lam-alef ligature (لإ)
    # around: compare without spaces, on phrases without one.
    arabic = re.sub(r'\s+', '', pdf_text(files['ar'][1]))
    for phrase in ('التقرير الشهري لمجلس', 'الطلبات المستلمة', 'نسبة القبول', 'اعتماد مجلس',
                   'رئيس مجلس', 'جمعية صلة للخدمات', 'رمضان', 'قيمة الخدمات المقدمة',
                   'التوقيع'):
        check(phrase.replace(' ', '') in arabic, phrase)
    r = subprocess.run(['pdfinfo', files['en'][1]], capture_output=True, text=True, check=True)
    check('A4' in r.stdout or '595.28 x 841.89' in r.stdout, r.stdout)


@test
def hijri_month_range_and_empty_periods():
    _, db, _ = march()
    r = cli(db, 'report', '--hijri-month', '1447-09')
    check(r.returncode == 0, err(r))
    check('Ramadan 1447 AH' in out(r) and 'Requests received: 5\n' in out(r), out(r))
    r = cli(db, 'report', '--from', '2026-03-31', '--to', '1447-10-15')
    check(r.returncode == 0, err(r))
    check('Requests received: 1\n' in out(r), out(r))
    r = cli(db, 'report', '--month', '٢٠٢٥-٠٦')
    check(r.returncode == 0, err(r))
    check('Requests received: 0\n' in out(r) and 'Acceptance rate: —\n' in out(r), out(r))


@test
def bad_usage_is_exit_2():
    _, db, _ = march()
    for args in (['report'], ['report', '--month', '2026-13'], ['report', '--month', '2026-03',
                 '--from', '2026-03-01', '--to', '2026-03-31'], ['report', '--from',
                 '2026-03-01'], ['report', '--from', '2026-03-31', '--to', '2026-03-01'],
                 ['report', '--month', '2026-03', '--xlsx', ''], ['report', '--month',
                 '2026-03', 'extra'], ['report', '--hijri-month', '1600-01'],
                 ['import', 'requests'], ['import', 'requests', '/no/such/file.csv']):
        r = cli(db, *args)
        check(r.returncode == 2, (args, r.returncode, err(r)))
        check('Traceback' not in err(r) and err(r).startswith('sila:'), err(r))
    r = cli(db, 'report', '--month', '2026-03', '--xlsx', '/no/such/folder/x.xlsx')
    check(r.returncode == 2, (r.returncode, err(r)))


@test
def import_reports_every_bad_row():
    folder, db = registry()
    path = os.path.join(folder, 'bad.csv')
    with open(path, 'w', encoding='utf-8') as f:
        f.write('national_id,type,channel,received,status,decided,reason,delivered,'
                'service_amount\n'
                f'{IDS[0]},financial_aid,fax,2026-03-01,received,,,,\n'
                f'{IDS[0]},financial_aid,phone,2026-03-10,accepted,2026-03-01,,,\n'
                f'{IDS[0]},financial_aid,phone,2026-03-10,delivered,2026-03-12,,2026-03-11,10\n'
                f'{IDS[0]},financial_aid,phone,2026-03-10,delivered,2026-03-12,,2026-03-13,'
                'ten riyals\n'
                f'{IDS[1]},كفالة يتيم,volunteer_service,2026-03-10,received,,,,\n')
    report = os.path.join(folder, 'report.csv')
    r = cli(db, 'import', 'requests', path, '--dry-run', '--report', report)
    check(r.returncode == 1, err(r))
    r = cli(db, 'report', '--month', '2026-03')
    check('Requests received: 0\n' in out(r), out(r))  # the dry run kept nothing
    r = cli(db, 'import', 'requests', path, '--report', report)
    check(r.returncode == 1, err(r))
    with open(report, encoding='utf-8') as f:
        lines = list(csv.reader(f))
    check(lines[0] == ['line', 'result', 'field', 'reason'], lines[0])
    got = [(row[0], row[1], row[2]) for row in lines[1:]]
    check(got == [('2', 'rejected', 'channel'), ('3', 'rejected', 'decided'),
                  ('4', 'rejected', 'delivered'), ('5', 'rejected', 'service_amount'),
                  ('6', 'ok', 'type')], got)
    check('was added' in lines[5][3], lines[5])
    r = cli(db, 'report', '--month', '2026-03')
    check('Requests received: 1\n' in out(r), out(r))
    # The same file again is refused whole.
    r = cli(db, 'import', 'requests', path)
    check(r.returncode == 1 and 'imported already' in err(r), err(r))
    # Arabic reasons in Arabic.
    r = cli(db, 'import', 'requests', path, '--dry-run', lang='ar')
    check('استُورد هذا الملف من قبل' in err(r), err(r))


@test
def import_reads_xlsx_and_windows_1256():
    folder, db = registry()
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(['رقم الهوية', 'نوع الطلب', 'القناة', 'تاريخ الاستلام', 'الحالة', 'تاريخ القرار',
               'السبب', 'تاريخ التسليم', 'قيمة الخدمة'])
    ws.append([IDS[0], 'مساعدة مالية', 'الاتصالات الهاتفية', '1447-09-12', 'مغلق',
               '1447-09-14', None, '1447-09-20', '١٬٠٠٠٫٥٠'])
    ws.append([IDS[1], 'rent', 'website', '2026-03-05', 'rejected', '2026-03-09', 'مكرر',
               None, None])
    xlsx = os.path.join(folder, 'history.xlsx')
    wb.save(xlsx)
    r = cli(db, 'import', 'requests', xlsx)
    check(r.returncode == 0, err(r))
    text = ('national_id,type,channel,received,status,decided,reason,delivered,'
            'service_amount\n'
            f'{IDS[2]},سلة غذائية,المقابلة,2026-03-20,accepted,2026-03-22,,,\n')
    cp1256 = os.path.join(folder, 'history-1256.csv')
    with open(cp1256, 'wb') as f:
        f.write(text.encode('cp1256'))
    r = cli(db, 'import', 'requests', cp1256)
    check(r.returncode == 0, err(r))
    r = cli(db, 'report', '--month', '2026-03')
    check('Requests received: 3\n' in out(r), out(r))
    check('Services delivered value: SAR 1,000.50\n' in out(r), out(r))
    check('Accepted: 2\n' in out(r) and 'Rejected: 1\n' in out(r), out(r))


@test
def reports_are_for_managers_once_accounts_exist():
    folder, db = registry()
    r = cli(db, 'user', 'add', 'sami', '--role', 'admin', SILA_NEW_PASSWORD='a fine passphrase')
    check(r.returncode == 0, err(r))
    for name, role in (('huda', 'officer'), ('mona', 'manager')):
        r = cli(db, 'user', 'add', name, '--role', role, SILA_USER='sami',
                SILA_PASSWORD='a fine passphrase', SILA_NEW_PASSWORD='another passphrase')
        check(r.returncode == 0, err(r))
    xlsx = os.path.join(folder, 'r.xlsx')
    r = cli(db, 'report', '--month', '2026-03', '--xlsx', xlsx, SILA_USER='huda',
            SILA_PASSWORD='another passphrase')
    check(r.returncode == 1 and not os.path.exists(xlsx), (r.returncode, err(r)))
    r = cli(db, 'report', '--month', '2026-03', '--xlsx', xlsx, SILA_USER='mona',
            SILA_PASSWORD='another passphrase')
    check(r.returncode == 0 and os.path.exists(xlsx), err(r))
    check(oct(os.stat(xlsx).st_mode & 0o777) == '0o600', oct(os.stat(xlsx).st_mode))
    r = cli(db, 'audit', '--entity', 'report', '--json', SILA_USER='sami',
            SILA_PASSWORD='a fine passphrase')
    check(r.returncode == 0 and '2026-03: xlsx' in out(r), out(r))


@test
def libreoffice_opens_the_workbook():
    soffice = shutil.which('soffice') or shutil.which('libreoffice')
    if soffice is None:
        raise Skip('soffice is not installed (libreoffice-calc-nogui)')
    _, _, files = march()
    outdir = tempdir()
    profile = tempdir()
    # Every sheet to CSV (token 12 = -1), UTF-8 (76): one conversion for both
    # workbooks, the suite's only start of LibreOffice.
    r = subprocess.run([soffice, f'-env:UserInstallation=file://{profile}', '--headless',
                        '--convert-to',
                        'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,'
                        'false,false,-1', '--outdir', outdir, files['en'][0], files['ar'][0]],
                       capture_output=True, text=True, timeout=170,
                       env=dict(os.environ, HOME=profile))
    check(r.returncode == 0, r.stdout + r.stderr)
    check('Error' not in r.stderr and 'error' not in r.stdout.lower(), r.stdout + r.stderr)
    names = sorted(os.listdir(outdir))
    check(any(n.startswith('march-en-Summary') for n in names), names)
    check(any('الملخص' in n for n in names), names)
    with open(os.path.join(outdir, [n for n in names if n.startswith('march-en-Summary')][0]),
              encoding='utf-8') as f:
        rows = list(csv.reader(io.StringIO(f.read())))
    values = {row[0]: row[1] for row in rows if len(row) > 1}
    check(values.get('Requests received') == '5', values)
    check(values.get('Accepted') == '3', values)


@file_only
def new_files_are_counted_from_the_index_alone():
    # The dashboard counts this month's new files at every start: on a
    # registry imported this month, reading every row would cost seconds.
    # (SQLite's query plan: a server's planner chooses with its statistics.)
    folder, db, files = march()
    con = sqlite3.connect(db)
    plan = ' '.join(row[-1] for row in con.execute(
        'EXPLAIN QUERY PLAN SELECT count (*) FROM beneficiaries '
        "WHERE created_at >= '2026-03-01' AND created_at < '2026-04-01' "
        'AND deleted_at IS NULL'))
    con.close()
    check('COVERING INDEX beneficiaries_created' in plan, plan)
    r = cli(db, 'report', '--from', '2026-03-01', '--to', '2026-03-31')
    check(r.returncode == 0, err(r))
    check('New files: 6' in out(r), out(r))


if __name__ == '__main__':
    run()
