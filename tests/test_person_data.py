#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""PDPL from the command line: a person's own data (JSON and PDF), and
retention: files closed longer than the retention period lose what
identifies the person, while what the reports count stays."""
import json
import os
import sqlite3
import subprocess

from taplib import check, err, headless_env, out, run, sila, tempdir, test


def luhn_id(prefix):
    """A national ID (prefix '1') or iqama ('2') with a valid check digit."""
    body = prefix + '00000' + prefix * 3
    body = body[:9]
    for d in range(10):
        digits = [int(c) for c in body + str(d)]
        total = 0
        for i, x in enumerate(digits):
            if i % 2 == 0:
                x *= 2
                if x > 9:
                    x -= 9
            total += x
        if total % 10 == 0:
            return body + str(d)
    raise AssertionError('no check digit')


NID = luhn_id('1')


def make_db():
    folder = tempdir()
    db = os.path.join(folder, 'office.db')
    csv = os.path.join(folder, 'register.csv')
    with open(csv, 'w', encoding='utf-8') as f:
        f.write('national_id,name,phone,gender,birth_date,district,category\n')
        f.write(f'{NID},نورة سعد عبد الله الحربي,0551234567,female,1980-05-17,العزيزية,widow\n')
    r = sila('--database', db, 'import', 'beneficiaries', csv)
    check(r.returncode == 0, err(r))
    r = sila('--database', db, 'request', 'open', '--national-id', NID, '--type', 'food_basket',
             '--channel', 'phone', '--received', '2026-03-02')
    check(r.returncode == 0, err(r))
    return folder, db, out(r).strip()


def pdf_text(path):
    r = subprocess.run(['pdftotext', path, '-'], capture_output=True)
    text = r.stdout.decode('utf-8', 'replace')
    for mark in '\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069':
        text = text.replace(mark, '')
    return ''.join(text.split())  # pdftotext may split Arabic words


@test
def json_holds_everything():
    folder, db, number = make_db()
    r = sila('--database', db, 'export', 'person', '1001')
    check(r.returncode == 0, err(r))
    data = json.loads(out(r))
    check(data['file_number'] == 1001, data.keys())
    check(data['file']['first_name'] == 'نورة', data['file'])
    check(data['file']['id_number'] == NID)
    check(data['file']['mobile'] == '+966551234567', data['file'].get('mobile'))
    check([q['number'] for q in data['requests']] == [number], data['requests'])
    check(data['requests'][0]['status'] == 'received')
    check(data['requests'][0]['timeline'][0]['status'] == 'received', data['requests'][0])
    check(isinstance(data['contacts'], list) and isinstance(data['surveys'], list))
    check(any(h['action'] == 'create' for h in data['history']), data['history'])
    # Exports carry a confidentiality note, in the language asked for.
    check(data['confidentiality'].startswith('سري'), data.get('confidentiality'))
    r = sila('--database', db, '--lang', 'en', 'export', 'person', '1001')
    check(json.loads(out(r))['confidentiality'].startswith('Confidential'), out(r)[:200])


@test
def pdf_for_the_person():
    folder, db, number = make_db()
    pdf = os.path.join(folder, 'person.pdf')
    js = os.path.join(folder, 'person.json')
    r = sila('--database', db, 'export', 'person', '1001', '--pdf', pdf, '--json', js)
    check(r.returncode == 0, err(r))
    check(out(r) == '', 'nothing on standard output when files are named')
    check(oct(os.stat(pdf).st_mode & 0o777) == '0o600', oct(os.stat(pdf).st_mode))
    check(oct(os.stat(js).st_mode & 0o777) == '0o600', oct(os.stat(js).st_mode))
    text = pdf_text(pdf)
    check('نورة' in text, text[:400])
    check(number in text, (number, text[:400]))
    check(NID in text)
    check('بياناتكالشخصية' in text, text[:300])
    # Who saw or changed the file is named as the person can know them: a
    # database without accounts is the association's, never "the owner of
    # this database".
    association = ''.join(json.loads(open(js, encoding='utf-8').read())['association'].split())
    check(association != '', 'the association has a name')
    history = text[text.index('مناطلععلىملفك'):]
    # A narrow column wraps the name: its first words stay together.
    check(association[:8] in history, (association, history[:400]))
    check('مالكقاعدةالبيانات' not in text, text)


@test
def export_is_audited():
    folder, db, number = make_db()
    r = sila('--database', db, 'export', 'person', '1001', '--json', os.path.join(folder, 'x.json'))
    check(r.returncode == 0, err(r))
    con = sqlite3.connect(db)
    rows = con.execute("SELECT action, summary FROM audit_log WHERE entity = 'beneficiary' "
                       "AND action = 'export'").fetchall()
    con.close()
    check(len(rows) == 1, rows)


@test
def unknown_file_is_refused():
    folder, db, number = make_db()
    r = sila('--lang', 'en', '--database', db, 'export', 'person', '9999')
    check(r.returncode == 1, (r.returncode, err(r)))
    check('no such beneficiary' in err(r), err(r))
    r = sila('--lang', 'en', '--database', db, 'export', 'person', 'x12')
    check(r.returncode == 2, r.returncode)


def close_long_ago(db, years):
    con = sqlite3.connect(db)
    con.execute("UPDATE beneficiaries SET status = 'closed', closed_at = date ('now', ?) "
                "WHERE file_number = 1001", (f'-{years} years',))
    con.commit()
    con.close()


def snapshot(db, sql):
    con = sqlite3.connect(db)
    rows = con.execute(sql).fetchall()
    con.close()
    return rows


@test
def recent_files_are_kept():
    folder, db, number = make_db()
    close_long_ago(db, 3)
    r = sila('--database', db, 'retention', 'anonymize')
    check(r.returncode == 0, err(r))
    check(out(r) == '', out(r))
    check(snapshot(db, 'SELECT first_name FROM beneficiaries')[0][0] == 'نورة')


@test
def dry_run_changes_nothing():
    folder, db, number = make_db()
    close_long_ago(db, 12)
    with open(db, 'rb') as f:
        before = f.read()
    r = sila('--database', db, 'retention', 'anonymize', '--dry-run')
    check(r.returncode == 0, err(r))
    check(out(r).split() == ['1001'], out(r))
    check(snapshot(db, 'SELECT first_name FROM beneficiaries')[0][0] == 'نورة')


@test
def anonymize_keeps_the_figures():
    folder, db, number = make_db()
    close_long_ago(db, 12)
    counts_before = snapshot(db, "SELECT request_type, channel, status, received_on FROM requests")
    report_before = sila('--database', db, '--lang', 'en', 'report', '--month', '2026-03')
    check(report_before.returncode == 0, err(report_before))
    check('Requests received: 1' in out(report_before), out(report_before))
    r = sila('--database', db, 'retention', 'anonymize')
    check(r.returncode == 0, err(r))
    check(out(r).split() == ['1001'], out(r))

    row = snapshot(db, "SELECT first_name, family_name, id_number, mobile, address, gender, "
                       "district, segment, birth_date, anonymized_at FROM beneficiaries")[0]
    check(row[:5] == ('', '', None, None, None), row)
    check(row[5] == 'female' and row[7] == 'widow', row)
    check(row[8] == '1980-07-01', row)    # the year stays for age figures
    check(row[9] is not None, row)
    check(snapshot(db, "SELECT request_type, channel, status, received_on FROM requests")
          == counts_before)
    # The board's report for the month reads the same, figure for figure.
    report_after = sila('--database', db, '--lang', 'en', 'report', '--month', '2026-03')
    check(out(report_after) == out(report_before), out(report_after))

    # Not found by name or ID any more; its personal copies in the trail are redacted.
    r = sila('--database', db, 'search', 'نورة')
    check(out(r).strip() == '', out(r))
    r = sila('--database', db, 'search', NID)
    check(out(r).strip() == '', out(r))
    trail = snapshot(db, "SELECT before_json, after_json FROM audit_log WHERE entity = 'beneficiary'")
    check(all('نورة' not in (b or '') + (a or '') for b, a in trail), trail)
    check(snapshot(db, "SELECT count (*) FROM audit_log WHERE action = 'anonymize'")[0][0] == 1)

    # A second run finds nothing left to do.
    r = sila('--database', db, 'retention', 'anonymize')
    check(out(r) == '', out(r))


@test
def the_trail_stays_append_only():
    folder, db, number = make_db()
    con = sqlite3.connect(db)
    for sql in ("UPDATE audit_log SET actor_name = 'x'",
                "UPDATE audit_log SET after_json = '{}' WHERE after_json IS NOT NULL",
                "DELETE FROM audit_log"):
        try:
            con.execute(sql)
            con.commit()
        except sqlite3.DatabaseError as e:
            check('append-only' in str(e), str(e))
        else:
            raise AssertionError(f'the audit trail accepted: {sql}')
    con.close()


@test
def roles_decide():
    folder, db, number = make_db()
    env = headless_env(SILA_NEW_PASSWORD='Ahmad-2026-pass')
    r = sila('--database', db, 'user', 'add', 'admin1', '--role', 'admin', env=env)
    check(r.returncode == 0, err(r))
    admin = headless_env(SILA_USER='admin1', SILA_PASSWORD='Ahmad-2026-pass',
                         SILA_NEW_PASSWORD='Huda-2026-pass')
    r = sila('--database', db, 'user', 'add', 'huda', '--role', 'officer', env=admin)
    check(r.returncode == 0, err(r))
    officer = headless_env(SILA_USER='huda', SILA_PASSWORD='Huda-2026-pass')
    r = sila('--database', db, 'export', 'person', '1001', env=officer)
    check(r.returncode == 0, err(r))
    r = sila('--lang', 'en', '--database', db, 'retention', 'anonymize', env=officer)
    check(r.returncode == 1, (r.returncode, err(r)))
    r = sila('--lang', 'en', '--database', db, 'export', 'person', '1001', env=admin)
    check(r.returncode == 1, (r.returncode, err(r)))
    r = sila('--database', db, 'retention', 'anonymize', '--dry-run', env=admin)
    check(r.returncode == 0, err(r))


run()
