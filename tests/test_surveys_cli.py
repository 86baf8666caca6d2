#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The survey commands, as scripts use them: `survey import` with its bad
rows, encodings and report, `survey results --json` against hand-computed
figures, exit status 0/1/2. Runs with no display."""
import csv
import io
import json
import os

import taplib
from taplib import check, err, new_database, out, run, sila, tempdir, test

FAKE_NOW = '2026-06-30T09:00:00Z'


def env():
    from taplib import headless_env
    return headless_env(SILA_FAKE_NOW=FAKE_NOW)


def new_db():
    path = new_database()
    r = sila('--database', path, 'settings', 'set', 'answer_window_days', '14', env=env())
    check(r.returncode == 0, err(r))
    return path


def write(path, text, encoding='utf-8'):
    with open(path, 'wb') as f:
        f.write(text.encode(encoding))
    return path


def survey(*args, db, lang='en'):
    return sila('--lang', lang, '--database', db, 'survey', *args, env=env())


def results(db, start, end):
    r = survey('results', '--from', start, '--to', end, '--json', db=db)
    check(r.returncode == 0, err(r))
    return json.loads(out(r))


def report_rows(path):
    with open(path, encoding='utf-8', newline='') as f:
        text = f.read()
    check(text.startswith('line,result,field,reason\n'), text)
    return list(csv.DictReader(io.StringIO(text)))


def query(db, sql):
    return taplib.query(db, sql)


# overall 5,4,4,3,2,1 → 3 of 6 are 4 or 5: CSAT 50.0
# recommend 10,9,8,7,6,0,9 → promoters 3, detractors 2 of 7: NPS 14.3
FIXTURE = (
    'date,channel,mode,speed,overall,recommend,suggestion\n'
    '2026-03-01,phone,paper,5,5,10,\n'
    '2026-03-15,interview,,4,4,9,\n'
    '2026-03-15,,,4,4,8,\n'
    '2026-03-20,website,online,,3,7,\n'
    '2026-03-31,letter,,1,2,6,\n'
    '2026-03-31,الاتصالات الهاتفية,ورقي,,1,0,أتمنى تقليل مدة الانتظار\n'
    '2026-03-31,phone,,,,9,\n'
    '2026-02-28,phone,,1,1,0,\n'
    '2026-04-01,phone,,1,1,0,\n'
)


@test
def results_json_against_hand_computed_figures():
    db = new_db()
    src = write(os.path.join(tempdir(), 'march.csv'), FIXTURE)
    r = survey('import', src, db=db)
    check(r.returncode == 0, err(r) + out(r))
    got = results(db, '2026-03-01', '2026-03-31')
    check(list(got) == ['responses', 'csat', 'nps', 'questions'], got)
    check(got['responses'] == 7, got)
    check(got['csat'] == 50.0, got)
    check(got['nps'] == 14.3, got)
    q = got['questions']
    check(q['overall'] == {'answered': 6, 'mean': 3.17}, q['overall'])
    check(q['recommend'] == {'answered': 7, 'mean': 7.0}, q['recommend'])
    check(q['speed'] == {'answered': 4, 'mean': 3.5}, q['speed'])
    check(q['courtesy'] == {'answered': 0, 'mean': None}, q['courtesy'])
    check(q['suggestion']['answered'] == 1, q['suggestion'])
    for code in ('speed', 'courtesy', 'clarity', 'channel_ease', 'information', 'overall',
                 'recommend', 'suggestion'):
        check(code in q, code)
    # Dates are inclusive: one day holds one response.
    one = results(db, '2026-03-01', '2026-03-01')
    check(one['responses'] == 1 and one['csat'] == 100.0 and one['nps'] == 100.0, one)


@test
def results_at_the_boundaries():
    db = new_db()
    # overall: 4 counts, 3 does not; recommend: 9 promotes, 7 and 8 do not, 6 detracts.
    rows = ['date,overall,recommend',
            '2026-05-01,4,9', '2026-05-01,3,7', '2026-05-01,5,6', '2026-05-01,3,8']
    r = survey('import', write(os.path.join(tempdir(), 'b.csv'), '\n'.join(rows) + '\n'), db=db)
    check(r.returncode == 0, err(r))
    got = results(db, '2026-05-01', '2026-05-31')
    check(got['csat'] == 50.0, got)
    check(got['nps'] == 0.0, got)
    rows = ['date,overall,recommend', '2026-05-02,5,10', '2026-05-02,4,9', '2026-05-02,1,7']
    survey('import', write(os.path.join(tempdir(), 'c.csv'), '\n'.join(rows) + '\n'), db=db)
    got = results(db, '2026-05-02', '2026-05-02')
    check(got['csat'] == 66.7, got)
    check(got['nps'] == 66.7, got)


@test
def results_of_an_empty_period_are_null():
    db = new_db()
    got = results(db, '2020-01-01', '2020-12-31')
    check(got['responses'] == 0, got)
    check(got['csat'] is None and got['nps'] is None, got)
    check(got['questions']['overall'] == {'answered': 0, 'mean': None}, got)


@test
def results_bad_usage():
    db = new_db()
    r = survey('results', '--from', '2026-01-01', db=db)
    check(r.returncode == 2, r.returncode)
    check('--to' in err(r), err(r))
    r = survey('results', '--from', '2026-02-01', '--to', '2026-01-01', db=db)
    check(r.returncode == 2, r.returncode)
    r = survey('results', '--from', '2026-02-30', '--to', '2026-03-01', db=db)
    check(r.returncode == 2, r.returncode)
    r = survey('results', '--from', '٢٠٢٦-٠١-٠١', '--to', '٢٠٢٦-١٢-٣١', '--json', db=db)
    check(r.returncode == 0, err(r))
    r = sila('--database', os.path.join(tempdir(), 'none.db'), 'survey', 'results',
             '--from', '2026-01-01', '--to', '2026-01-31', env=env())
    check(r.returncode == 2, r.returncode)


@test
def import_bad_rows_are_rejected_and_reported():
    db = new_db()
    text = ('date,channel,overall,recommend,speed,notes\n'
            '2026-04-02,phone,4,9,5,x\n'          # 2 ok
            '2026-04-02,fax,4,9,,\n'              # 3 unknown channel
            '2026-04-02,phone,6,9,,\n'            # 4 overall out of range
            '2026-04-02,phone,4,11,0,\n'          # 5 two answers out of range
            '2026-13-02,phone,4,9,,\n'            # 6 no such date
            '2099-01-01,phone,4,9,,\n'            # 7 in the future
            '2026-04-02,phone,,,,\n'              # 8 no answers
            ',phone,4,9,,\n'                      # 9 no date
            '2026-04-03,interview,٥,١٠,٤,\n')     # 10 ok, Arabic-Indic digits
    src = write(os.path.join(tempdir(), 'bad.csv'), text)
    rep = os.path.join(tempdir(), 'report.csv')
    r = survey('import', src, '--report', rep, db=db)
    check(r.returncode == 1, (r.returncode, err(r)))
    rows = report_rows(rep)
    by_line = {}
    for row in rows:
        by_line.setdefault(row['line'], []).append(row)
    check(by_line['1'][0]['result'] == 'ignored' and by_line['1'][0]['field'] == 'notes', rows)
    check(by_line['2'] == [{'line': '2', 'result': 'ok', 'field': '', 'reason': ''}], rows)
    check(by_line['3'][0]['result'] == 'rejected' and by_line['3'][0]['field'] == 'channel', rows)
    check('interview' in by_line['3'][0]['reason'], rows)
    check(by_line['4'][0]['field'] == 'overall' and '1 to 5' in by_line['4'][0]['reason'], rows)
    check({x['field'] for x in by_line['5']} == {'recommend', 'speed'}, by_line['5'])
    check(by_line['6'][0]['field'] == 'date', rows)
    check(by_line['7'][0]['field'] == 'date' and 'future' in by_line['7'][0]['reason'], rows)
    check(by_line['8'][0]['result'] == 'rejected', rows)
    check(by_line['9'][0]['field'] == 'date', rows)
    check(by_line['10'][0]['result'] == 'ok', rows)
    got = results(db, '2026-04-01', '2026-04-30')
    check(got['responses'] == 2, got)
    check(got['questions']['overall']['mean'] == 4.5, got)
    check(got['questions']['recommend']['mean'] == 9.5, got)
    check('ignored' in err(r) or 'notes' in err(r), err(r))


@test
def import_report_in_arabic():
    db = new_db()
    src = write(os.path.join(tempdir(), 'bad.csv'), 'date,overall\n2026-04-02,9\n')
    rep = os.path.join(tempdir(), 'report.csv')
    r = survey('import', src, '--report', rep, db=db, lang='ar')
    check(r.returncode == 1, r.returncode)
    rows = report_rows(rep)
    check(rows[0]['result'] == 'rejected' and 'ليست إجابة' in rows[0]['reason'], rows)


@test
def dry_run_saves_nothing():
    db = new_db()
    src = write(os.path.join(tempdir(), 'ok.csv'), 'date,overall,recommend\n2026-04-02,4,9\n')
    rep = os.path.join(tempdir(), 'report.csv')
    r = survey('import', src, '--dry-run', '--report', rep, db=db)
    check(r.returncode == 0, err(r))
    check(report_rows(rep)[0]['result'] == 'ok', report_rows(rep))
    check(results(db, '2026-01-01', '2026-12-31')['responses'] == 0)
    bad = write(os.path.join(tempdir(), 'bad.csv'), 'date,overall\n2026-04-02,0\n')
    r = survey('import', bad, '--dry-run', db=db)
    check(r.returncode == 1, r.returncode)
    # The real import after a dry run.
    r = survey('import', src, db=db)
    check(r.returncode == 0, err(r))
    check(results(db, '2026-01-01', '2026-12-31')['responses'] == 1)


@test
def the_same_file_is_imported_once():
    db = new_db()
    src = write(os.path.join(tempdir(), 'ok.csv'), 'date,overall,recommend\n2026-04-02,4,9\n')
    check(survey('import', src, db=db).returncode == 0)
    rep = os.path.join(tempdir(), 'report.csv')
    r = survey('import', src, '--report', rep, db=db)
    check(r.returncode == 1, r.returncode)
    check('already' in err(r), err(r))
    check(report_rows(rep)[0]['result'] == 'rejected', report_rows(rep))
    check(results(db, '2026-01-01', '2026-12-31')['responses'] == 1)


@test
def windows_1256_with_arabic_headers_and_channels():
    db = new_db()
    text = ('التاريخ,القناة,overall,recommend,suggestion\r\n'
            '2026-04-05,الاتصالات الهاتفية,5,10,شكرا لحسن التعامل\r\n'
            '2026-04-05,المقابلة,4,8,\r\n')
    src = write(os.path.join(tempdir(), 'cp1256.csv'), text, 'cp1256')
    r = survey('import', src, db=db)
    check(r.returncode == 0, err(r))
    got = results(db, '2026-04-05', '2026-04-05')
    check(got['responses'] == 2 and got['csat'] == 100.0, got)
    texts = query(db, "SELECT text FROM survey_answers WHERE text IS NOT NULL")
    check(texts == [('شكرا لحسن التعامل',)], texts)
    channels = sorted(query(db, "SELECT channel FROM survey_responses"))
    check(channels == [('interview',), ('phone',)], channels)


@test
def missing_columns_and_empty_cells_are_unanswered():
    db = new_db()
    src = write(os.path.join(tempdir(), 'few.csv'),
                'date,overall\n2026-04-07,5\n2026-04-07,\n2026-04-07,4\n')
    r = survey('import', src, db=db)
    # The second row answers nothing: rejected.
    check(r.returncode == 1, r.returncode)
    got = results(db, '2026-04-07', '2026-04-07')
    check(got['responses'] == 2, got)
    check(got['questions']['overall']['answered'] == 2, got)
    check(got['questions']['recommend'] == {'answered': 0, 'mean': None}, got)
    check(got['nps'] is None, got)


@test
def unreadable_files_and_bad_usage_exit_2():
    db = new_db()
    d = tempdir()
    r = survey('import', os.path.join(d, 'none.csv'), db=db)
    check(r.returncode == 2, r.returncode)
    pdf = os.path.join(d, 'x.csv')
    with open(pdf, 'wb') as f:
        f.write(b'%PDF-1.4\n\x00\x01\x02binary')
    r = survey('import', pdf, db=db)
    check(r.returncode == 2, r.returncode)
    r = survey('import', write(os.path.join(d, 'nodate.csv'), 'overall,recommend\n4,9\n'), db=db)
    check(r.returncode == 2, r.returncode)
    check('date' in err(r).lower() or 'Date' in err(r), err(r))
    r = survey('import', db=db)
    check(r.returncode == 2, r.returncode)
    ok = write(os.path.join(d, 'ok.csv'), 'date,overall\n2026-04-02,4\n')
    r = survey('import', ok, '--template', 'no_such_template', db=db)
    check(r.returncode == 2, r.returncode)
    r = survey('import', ok, '--report', os.path.join(d, 'no', 'such', 'dir.csv'), db=db)
    check(r.returncode == 2, r.returncode)
    r = survey('import', ok, '--bogus', db=db)
    check(r.returncode == 2, r.returncode)
    check(results(db, '2026-01-01', '2026-12-31')['responses'] == 0)


@test
def imports_are_anonymous_and_audited_once():
    db = new_db()
    src = write(os.path.join(tempdir(), 'm.csv'), FIXTURE)
    check(survey('import', src, db=db).returncode == 0)
    rows = query(db, "SELECT anonymous, taken_by, request_id, beneficiary_id, contact_id, "
                     "substr (created_at, 11) FROM survey_responses")
    check(rows and all(r == (1, None, None, None, None, 'T00:00:00.000Z') for r in rows), rows)
    ids = [r[0] for r in query(db, 'SELECT id FROM survey_responses')]
    audit = query(db, "SELECT action, entity, entity_id, summary, before_json, after_json "
                      "FROM audit_log WHERE entity LIKE 'survey%'")
    check(len(audit) == 1 and audit[0][0] == 'import', audit)
    flat = json.dumps(query(db, 'SELECT * FROM audit_log'))
    check(not any(i in flat for i in ids), 'a response id in the audit trail')


@test
def templates_command():
    db = new_db()
    r = survey('templates', '--json', db=db)
    check(r.returncode == 0, err(r))
    got = json.loads(out(r))
    check(len(got) == 1 and got[0]['code'] == 'satisfaction' and got[0]['default'], got)
    codes = [q['code'] for q in got[0]['questions']]
    check(codes == ['speed', 'courtesy', 'clarity', 'channel_ease', 'information', 'overall',
                    'recommend', 'suggestion'], codes)
    kinds = {q['code']: q['kind'] for q in got[0]['questions']}
    check(kinds['overall'] == 'likert' and kinds['recommend'] == 'recommend'
          and kinds['suggestion'] == 'text', kinds)


@test
def kiosk_pin_command():
    db = new_db()
    from taplib import headless_env
    r = sila('--database', db, 'survey', 'kiosk-pin',
             env=headless_env(SILA_NEW_PIN='1234'))
    check(r.returncode == 1, r.returncode)
    r = sila('--database', db, 'survey', 'kiosk-pin', env=headless_env(SILA_NEW_PIN='٧٣١٩'))
    check(r.returncode == 0, err(r))
    rows = query(db, "SELECT value FROM office_settings WHERE key = 'kiosk_pin_hash'")
    check(rows and rows[0][0].startswith('$argon2id$') and '7319' not in rows[0][0], rows)


run()
