#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The files the board and the beneficiaries receive, as others open them:
the board's workbook in Arabic and in English converted to PDF by
LibreOffice headless (`soffice --convert-to pdf`, skipped without it), its
text read back with pdftotext (the Arabic labels, the period, no boxes) and
its fonts with pdffonts (Noto's, never a substitute for Arial); the summary
printed at full size with its charts on a page of their own; rates with
their unit and money changes with their currency in the app's PDF; the
filled request form on one page like the blank one. Runs with no display."""
import functools
import os
import re
import shutil
import subprocess

import openpyxl

from taplib import Skip, check, err, headless_env, out, run, sila, tempdir, test

NOW = '2026-04-20T09:00:00Z'
BIDI = re.compile('[\u200e\u200f\u202a-\u202e\u2066-\u2069\u061c]')
# What a missing glyph becomes: a box drawn as text, or the replacement mark.
BOXES = ('\u25a1', '\ufffd')
ASSOCIATION = 'جمعية صلة للخدمات الإنسانية بغرب مكة'


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


IDS = [luhn('1%08d' % (40000000 + i)) for i in range(4)]

# March 2026 against February: February decided one request (accepted:
# 100 %) and delivered 100.00; March decided three (two accepted: 66.7 %,
# 33.3 points down) and delivered 1,000.10 (900.10 more).
HISTORY = (
    'national_id,type,channel,received,status,decided,reason,delivered,service_amount\n'
    f'{IDS[0]},financial_aid,phone,2026-02-02,delivered,2026-02-05,,2026-02-10,100\n'
    f'{IDS[1]},medical,letter,2026-03-10,closed,2026-03-12,,2026-03-15,1000.10\n'
    f'{IDS[2]},Rent,website,2026-03-11,rejected,2026-03-13,خارج الشروط,,\n'
    f'{IDS[3]},education,phone,2026-03-12,accepted,2026-03-16,,,\n'
)


def env(**extra):
    e = headless_env(SILA_FAKE_NOW=NOW)
    for k in ('SILA_USER', 'SILA_PASSWORD', 'SILA_NEW_PASSWORD'):
        e.pop(k, None)
    e.update(extra)
    return e


def cli(db, *args, lang='en', **extra):
    return sila('--database', db, '--lang', lang, *args, env=env(**extra))


def text_of(pdf, first=None, last=None):
    argv = ['pdftotext', '-layout']
    if first is not None:
        argv += ['-f', str(first), '-l', str(last or first)]
    r = subprocess.run(argv + [pdf, '-'], capture_output=True, check=True)
    return BIDI.sub('', r.stdout.decode('utf-8'))


def flat(text):
    """Without spaces, which pdftotext puts inside Arabic words, and with the
    lam-alef ligature as it gives it back (alef, then lam)."""
    return re.sub(r'\s+', '', text)


def ligatures(word):
    return re.sub('ل([اآأإ])', r'\1ل', word)


def has_words(text, *words):
    joined = flat(text)
    return [w for w in words if flat(w) not in joined and ligatures(flat(w)) not in joined]


def fonts_of(pdf):
    r = subprocess.run(['pdffonts', pdf], capture_output=True, text=True, check=True)
    return [line.split()[0].split('+')[-1] for line in r.stdout.splitlines()[2:] if line.strip()]


def pages(pdf):
    r = subprocess.run(['pdfinfo', pdf], capture_output=True, text=True, check=True)
    return int(re.search(r'^Pages:\s+(\d+)', r.stdout, re.M).group(1))


@functools.lru_cache(maxsize=None)
def office():
    """A registry with February's and March's history, March's reports in
    both languages, and both converted by LibreOffice (one start of it)."""
    folder = tempdir()
    db = os.path.join(folder, 'office.db')
    with open(os.path.join(folder, 'register.csv'), 'w', encoding='utf-8') as f:
        f.write('national_id,name,category\n')
        names = ['نورة عبدالله أحمد الحربي', 'سارة محمد علي القرشي', 'هند سعد علي الشهري',
                 'ريم خالد صالح الغامدي']
        for number, name in zip(IDS, names):
            f.write(f'{number},{name},widow\n')
    r = sila('--database', db, 'import', 'beneficiaries', os.path.join(folder, 'register.csv'),
             env=env(SILA_FAKE_NOW='2026-01-10T09:00:00Z'))
    check(r.returncode == 0, err(r))
    with open(os.path.join(folder, 'history.csv'), 'w', encoding='utf-8') as f:
        f.write(HISTORY)
    r = cli(db, 'import', 'requests', os.path.join(folder, 'history.csv'))
    check(r.returncode == 0, err(r))
    files = {}
    for lang in ('ar', 'en'):
        xlsx = os.path.join(folder, f'board-{lang}.xlsx')
        pdf = os.path.join(folder, f'board-{lang}.pdf')
        r = cli(db, 'report', '--month', '2026-03', '--xlsx', xlsx, '--pdf', pdf, lang=lang)
        check(r.returncode == 0, err(r))
        files[lang] = (xlsx, pdf)
    return folder, db, files


@functools.lru_cache(maxsize=None)
def converted():
    soffice = shutil.which('soffice') or shutil.which('libreoffice')
    if soffice is None:
        raise Skip('soffice is not installed (libreoffice-calc-nogui)')
    _, _, files = office()
    outdir, profile = tempdir(), tempdir()
    r = subprocess.run([soffice, f'-env:UserInstallation=file://{profile}', '--headless',
                        '--convert-to', 'pdf', '--outdir', outdir,
                        files['ar'][0], files['en'][0]],
                       capture_output=True, text=True, timeout=170,
                       env=dict(os.environ, HOME=profile))
    check(r.returncode == 0, r.stdout + r.stderr)
    result = {lang: os.path.join(outdir, f'board-{lang}.pdf') for lang in ('ar', 'en')}
    for path in result.values():
        check(os.path.exists(path), (os.listdir(outdir), r.stdout, r.stderr))
    return result


def font_sizes(pdf, page, word):
    """The heights of @word's boxes on @page, in points."""
    r = subprocess.run(['pdftotext', '-bbox', '-f', str(page), '-l', str(page), pdf, '-'],
                       capture_output=True, text=True, check=True)
    return [float(m.group(2)) - float(m.group(1)) for m in
            re.finditer(r'yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">' + re.escape(word) + '<',
                        r.stdout)]


@test
def arabic_workbook_through_libreoffice():
    pdf = converted()['ar']
    text = text_of(pdf)
    missing = has_words(text, 'الطلبات المستلمة', 'نسبة القبول', 'مؤشر الرضا',
                        'اعتماد مجلس الإدارة', 'الفترة (ميلادي)', 'الفترة (هجري)', ASSOCIATION,
                        'مارس ٢٠٢٦', 'رمضان ١٤٤٧', 'رئيس مجلس الإدارة')
    check(not missing, (missing, text[:3000]))
    for box in BOXES:
        check(box not in text, f'{box!r} in the converted workbook')
    # Percentages as percentages; file numbers without separators.
    check('66.7%' in text, text[:3000])
    check(re.search(r'\b1002\b', text) and not re.search(r'\b1,00[1-5]\b', text), text)


@test
def english_workbook_through_libreoffice():
    pdf = converted()['en']
    text = text_of(pdf)
    missing = has_words(text, 'Requests received', 'Acceptance rate', 'CSAT', 'NPS',
                        'Approval by the board of directors', 'Period (Gregorian)', 'March 2026', 'Ramadan 1447',
                        ASSOCIATION, 'Chair of the board')
    check(not missing, (missing, text[:3000]))
    for box in BOXES:
        check(box not in text, f'{box!r} in the converted workbook')
    check('66.7%' in text and '-33.3 points' in text, text[:3000])
    # Prepared by the association (the database has no accounts), not "the
    # owner of this database".
    check(not has_words(text, 'Prepared by', ASSOCIATION), text[:3000])
    check('owner' not in text.lower(), text[:3000])


@test
def converted_workbooks_use_the_fonts_they_ask_for():
    for lang, wanted in (('ar', 'NotoNaskhArabic'), ('en', 'NotoSans')):
        fonts = fonts_of(converted()[lang])
        check(any(f.startswith(wanted) for f in fonts), (lang, fonts))
        # Arial is not on Debian: what LibreOffice puts in its place
        # (Liberation Sans, or anything called Arial) must not appear.
        check(not any('Arial' in f or 'Liberation' in f for f in fonts), (lang, fonts))


@test
def summary_prints_at_full_size_with_its_charts_after():
    for lang, label, chart in (('en', 'CSAT', 'This period and the one before'),
                               ('ar', 'CSAT', 'هذه الفترة والفترة السابقة')):
        pdf = converted()[lang]
        first = text_of(pdf, 1)
        # The whole table and the confidentiality note on the first page…
        check(not has_words(first, 'CSAT', 'NPS'), first)
        # …printed at full size: 11-point labels about 11 points high, where
        # the charts beside the table used to halve them.
        sizes = font_sizes(pdf, 1, label)
        check(sizes and max(sizes) >= 9, (lang, sizes))
        # The charts on the next page, not beside nor under the table.
        check(has_words(first, chart) == [chart], (lang, first))
        check(not has_words(text_of(pdf, 2), chart), (lang, text_of(pdf, 2)))


@test
def workbook_cells_as_openpyxl_reads_them():
    _, _, files = office()
    for lang, face in (('ar', 'Noto Naskh Arabic'), ('en', 'Noto Sans')):
        wb = openpyxl.load_workbook(files[lang][0])
        ws = wb.worksheets[0]
        rows = {r[0].value: r for r in ws.iter_rows() if isinstance(r[0].value, str)}
        label = 'Acceptance rate' if lang == 'en' else 'نسبة القبول'
        rate = rows[label]
        check(abs(rate[1].value - 0.667) < 1e-9 and rate[2].value == 1, [c.value for c in rate])
        check(rate[1].number_format == '0.0%', rate[1].number_format)
        check(abs(rate[3].value + 33.3) < 1e-9, rate[3].value)  # points
        check('"' in rate[3].number_format, rate[3].number_format)  # with its unit
        for row in ws.iter_rows(max_row=12):
            for cell in row:
                if cell.value is not None:
                    check(cell.font.name == face, (lang, cell.coordinate, cell.font.name))
        register = wb.worksheets[-2]
        check(register['B5'].number_format == '0', register['B5'].number_format)


@test
def app_pdf_changes_carry_their_units():
    _, _, files = office()
    en = text_of(files['en'][1])
    check('-33.3 points' in en, en[:4000])
    check('SAR +900.10' in en, en[:4000])
    ar = text_of(files['ar'][1])
    # "-٣٣٫٣ نقطة" and "+٩٠٠٫١٠ ر.س".
    check(not has_words(ar, '٣٣٫٣ نقطة', '٩٠٠٫١٠ ر.س'), ar[:4000])
    check(fonts_of(files['ar'][1]) and
          not any('Liberation' in f or 'Arial' in f for f in fonts_of(files['ar'][1])),
          fonts_of(files['ar'][1]))


@test
def filled_request_form_fits_one_page_like_the_blank():
    folder, db, _ = office()
    need = ('الأسرة مكونة من سبعة أفراد والأب متوفى منذ ثلاث سنوات، والأم لا تعمل، والإيجار '
            'متأخر ستة أشهر، وتطلب الأسرة مساعدة عاجلة لسداد الإيجار وعلاج الابن الأكبر. ') * 4
    r = cli(db, 'request', 'open', '--national-id', IDS[0], '--type', 'financial_aid',
            '--channel', 'phone', '--amount', '5000', '--description', need, lang='ar')
    check(r.returncode == 0, err(r))
    number = out(r).strip()
    for lang, signatures in (('ar', ('توقيع الموظف المستلم', 'توقيع لجنة البحث')),
                             ('en', ('Receiving officer’s signature', 'Committee’s signature'))):
        blank = os.path.join(folder, f'blank-{lang}.pdf')
        filled = os.path.join(folder, f'form-{lang}.pdf')
        r = cli(db, 'request', 'print', '--blank', '--pdf', blank, lang=lang)
        check(r.returncode == 0, err(r))
        r = cli(db, 'request', 'print', number, '--pdf', filled, lang=lang)
        check(r.returncode == 0, err(r))
        check(pages(blank) == 1, (lang, pages(blank)))
        check(pages(filled) == 1, (lang, pages(filled)))
        text = text_of(filled)
        check(not has_words(text, *signatures, number), (lang, has_words(text, *signatures, number), text))
        check(not has_words(text, 'متأخر ستة أشهر'), (lang, text))
        for box in BOXES:
            check(box not in text, (lang, box))


@test
def filled_request_form_names_who_received_it():
    # A database without accounts: the request was received by its owner,
    # whom the applicant knows as the association, as the workbook's
    # "Prepared by".
    folder, db, _ = office()
    copy = os.path.join(folder, 'received.db')
    r = cli(db, 'backup', copy)
    check(r.returncode == 0, err(r))
    r = cli(copy, 'settings', 'set', 'association_name', 'Sila Charity of West Makkah')
    check(r.returncode == 0, err(r))
    r = cli(copy, 'request', 'open', '--national-id', IDS[1], '--type', 'financial_aid',
            '--channel', 'phone', lang='ar')
    check(r.returncode == 0, err(r))
    number = out(r).strip()
    for lang, label, owner in (('ar', 'استلمه', 'مالك قاعدة البيانات'),
                               ('en', 'Received by', 'Owner of this database')):
        pdf = os.path.join(folder, f'received-{lang}.pdf')
        r = cli(copy, 'request', 'print', number, '--pdf', pdf, lang=lang)
        check(r.returncode == 0, err(r))
        text = text_of(pdf)
        check(not has_words(text, label), (lang, text))
        line = [ln for ln in text.splitlines() if flat(label) in flat(ln)]
        check(line and 'Sila Charity of West Makkah' in line[0], (lang, line, text))
        check(has_words(text, owner) == [owner], (lang, text))
        check('owner' not in text.lower(), (lang, text))


if __name__ == '__main__':
    run()
