#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Support requests from the command line, in the exact forms of SPEC.md:
`sila request open|document|move|show`, the JSON scripts read, exit status
(0 done, 1 refused with the reason on stderr, 2 bad usage), a refused move
changing nothing, due dates with the office's window and a fixed clock, the
checklist gate and expiry at submission, and roles once accounts exist.
Runs with no display."""
import json
import os

from taplib import check, err, headless_env, new_database, out, run, sila, tempdir, test

NATIONAL_ID = '1087654321'
OTHER_ID = '1122334459'
STATUSES = ['received', 'documents_complete', 'in_research', 'research_done', 'with_committee',
            'accepted', 'rejected', 'registered', 'delivered', 'closed', 'withdrawn']


def env(**extra):
    e = headless_env()
    for k in ('SILA_USER', 'SILA_PASSWORD', 'SILA_NEW_PASSWORD', 'SILA_FAKE_NOW'):
        e.pop(k, None)
    e.update(extra)
    return e


def registry(*ids):
    """A database (no accounts yet: its owner acts) with a file per ID."""
    folder = tempdir()
    db = new_database(folder)
    csv = os.path.join(folder, 'register.csv')
    with open(csv, 'w', encoding='utf-8') as f:
        f.write('national_id,name,phone,gender,birth_date\n')
        names = ['نورة عبدالله أحمد الحربي', 'سارة محمد علي القرشي']
        for i, number in enumerate(ids or (NATIONAL_ID,)):
            f.write(f'{number},{names[i]},05012345{i:02d},female,1980-01-01\n')
    r = sila('--database', db, 'import', 'beneficiaries', csv, env=env())
    check(r.returncode == 0, err(r))
    return db


def cli(db, *args, lang='en', **extra):
    return sila('--database', db, '--lang', lang, *args, env=env(**extra))


def open_request(db, *extra, **environ):
    r = cli(db, 'request', 'open', '--national-id', NATIONAL_ID, '--type', 'financial_aid',
            '--channel', 'phone', *extra, **environ)
    check(r.returncode == 0, err(r))
    return out(r).strip()


def show(db, number, **environ):
    r = cli(db, 'request', 'show', number, '--json', **environ)
    check(r.returncode == 0, err(r))
    return json.loads(out(r))


def move(db, number, status, *extra, expect=0, **environ):
    r = cli(db, 'request', 'move', number, status, *extra, **environ)
    check(r.returncode == expect, f'{status}: exit {r.returncode}: {err(r)}')
    return r


def complete_documents(db, number):
    for doc in ('national_id_copy', 'income_proof'):
        r = cli(db, 'request', 'document', number, doc, 'verified', '--expires', '2040-01-01')
        check(r.returncode == 0, err(r))


@test
def open_prints_a_number_and_show_prints_the_json():
    db = registry()
    number = open_request(db, '--received', '2025-01-31', SILA_FAKE_NOW='2025-02-03T09:00:00Z')
    check(number == '1446-00001', number)
    data = show(db, number, SILA_FAKE_NOW='2025-02-03T09:00:00Z')
    check(list(data) == ['number', 'status', 'received', 'due', 'overdue', 'documents',
                         'timeline'], list(data))
    check(data['number'] == number and data['status'] == 'received', data)
    check(data['received'] == '2025-01-31' and data['due'] == '2025-02-14', data)
    check(data['overdue'] is False, data)
    docs = {d['type']: d for d in data['documents']}
    check(all(list(d) == ['type', 'required', 'status', 'expires'] for d in data['documents']))
    check(docs['national_id_copy']['required'] is True and docs['income_proof']['required'] is True,
          docs)
    check(all(d['status'] == 'missing' and d['expires'] is None for d in docs.values()), docs)
    check(not docs['iban_letter']['required'], docs)
    check(len(data['timeline']) == 1, data)
    step = data['timeline'][0]
    check(list(step) == ['status', 'by', 'at'], step)
    check(step['status'] == 'received' and step['by'] == 'owner', step)
    check(step['at'].startswith('2025-02-03T09:00:00'), step)


@test
def a_request_goes_from_received_to_closed():
    db = registry()
    number = open_request(db)
    complete_documents(db, number)
    move(db, number, 'documents_complete')
    move(db, number, 'in_research')
    move(db, number, 'research_done', '--note', 'زارت الباحثة الأسرة', '--recommendation',
         'نوصي بالقبول')
    move(db, number, 'with_committee')
    move(db, number, 'accepted')
    move(db, number, 'registered')
    move(db, number, 'delivered', '--amount', '1,500.50')
    move(db, number, 'closed')
    data = show(db, number)
    check(data['status'] == 'closed', data)
    check([s['status'] for s in data['timeline']] ==
          ['received', 'documents_complete', 'in_research', 'research_done', 'with_committee',
           'accepted', 'registered', 'delivered', 'closed'], data['timeline'])
    check({d['type']: d['status'] for d in data['documents']}['income_proof'] == 'verified')


@test
def a_move_the_policy_forbids_changes_nothing():
    db = registry()
    number = open_request(db)
    before = show(db, number)
    for status in ('with_committee', 'accepted', 'closed', 'delivered'):
        r = move(db, number, status, '--amount', '10', expect=1)
        check('cannot become' in err(r), err(r))
    r = move(db, number, 'documents_complete', expect=1)
    check('Copy of the national ID: missing' in err(r) and 'Proof of income' in err(r), err(r))
    r = move(db, number, 'withdrawn', expect=1)
    check('reason' in err(r), err(r))
    check(show(db, number) == before)

    # An unknown status is bad usage; an unknown request is refused.
    move(db, number, 'approved', expect=2)
    r = move(db, '1446-99999', 'withdrawn', '--reason', 'x', expect=1)
    check('no request' in err(r).lower(), err(r))
    move(db, 'not-a-number', 'withdrawn', '--reason', 'x', expect=1)

    # The reasons scripts must give.
    complete_documents(db, number)
    for status in ('documents_complete', 'in_research'):
        move(db, number, status)
    r = move(db, number, 'research_done', expect=1)
    check('--note' in err(r) and '--recommendation' in err(r), err(r))
    # The findings alone are not a research report: the window refuses
    # them too (tests/test-request-rules-ui.c feeds both the same inputs).
    r = move(db, number, 'research_done', '--note', 'findings', expect=1)
    check('--recommendation' in err(r) and 'recommendation' in err(r), err(r))
    check('--note' not in err(r), err(r))
    r = move(db, number, 'research_done', '--recommendation', 'accept', '--note', ' ', expect=1)
    check('--note' in err(r) and '--recommendation' not in err(r), err(r))
    r = move(db, number, 'research_done', '--findings', 'f', '--recommendation', 'r',
             '--visit', '2099-01-01', expect=1)
    check('--visit' in err(r) and 'future' in err(r), err(r))
    check(show(db, number)['status'] == 'in_research')
    move(db, number, 'research_done', '--note', 'findings', '--recommendation', 'accept')
    move(db, number, 'with_committee')
    r = move(db, number, 'rejected', expect=1)
    check('reason' in err(r), err(r))
    move(db, number, 'rejected', '--reason', 'الدخل يتجاوز حد الاستحقاق')
    move(db, number, 'registered', expect=1)
    move(db, number, 'closed')
    move(db, number, 'withdrawn', '--reason', 'late', expect=1)
    data = show(db, number)
    check([s['status'] for s in data['timeline']][-2:] == ['rejected', 'closed'], data)


@test
def delivery_needs_its_amount():
    db = registry()
    number = open_request(db)
    complete_documents(db, number)
    for status in ('documents_complete', 'in_research'):
        move(db, number, status)
    move(db, number, 'research_done', '--note', 'ok', '--recommendation', 'ok')
    for status in ('with_committee', 'accepted', 'registered'):
        move(db, number, status)
    move(db, number, 'delivered', expect=1)
    r = move(db, number, 'delivered', '--amount', 'ten riyals', expect=1)
    check('--amount' in err(r), err(r))
    move(db, number, 'delivered', '--amount', '٣٠٠')
    check(show(db, number)['status'] == 'delivered')


@test
def the_committee_gate_says_which_document():
    db = registry()
    number = open_request(db)
    complete_documents(db, number)
    for status in ('documents_complete', 'in_research'):
        move(db, number, status)
    move(db, number, 'research_done', '--note', 'ok', '--recommendation', 'ok')
    r = cli(db, 'request', 'document', number, 'income_proof', 'rejected')
    check(r.returncode == 0, err(r))
    r = move(db, number, 'with_committee', expect=1)
    check('committee' in err(r) and 'Proof of income: rejected' in err(r), err(r))
    r = move(db, number, 'with_committee', expect=1, lang='ar')
    check('إثبات الدخل' in err(r), err(r))
    check(show(db, number)['status'] == 'research_done')
    # Scripts may name the document in Arabic.
    r = cli(db, 'request', 'document', number, 'إثبات الدخل', 'verified')
    check(r.returncode == 0, err(r))
    move(db, number, 'with_committee')


@test
def expiry_is_checked_against_the_day_of_submission():
    db = registry()
    now = '2025-03-01T08:00:00Z'
    number = open_request(db, SILA_FAKE_NOW=now)
    r = cli(db, 'request', 'document', number, 'national_id_copy', 'verified',
            '--expires', '2025-02-28', SILA_FAKE_NOW=now)
    check(r.returncode == 1 and 'expired' in err(r), err(r))
    docs = {d['type']: d for d in show(db, number)['documents']}
    check(docs['national_id_copy']['status'] == 'expired', docs)
    check(docs['national_id_copy']['expires'] == '2025-02-28', docs)
    # Valid through the day it is brought; a Hijri date works too.
    r = cli(db, 'request', 'document', number, 'national_id_copy', 'verified',
            '--expires', '1446-09-01', SILA_FAKE_NOW=now)
    check(r.returncode == 0, err(r))
    docs = {d['type']: d for d in show(db, number)['documents']}
    check(docs['national_id_copy']['status'] == 'verified', docs)
    check(docs['national_id_copy']['expires'] == '2025-03-01', docs)
    r = cli(db, 'request', 'document', number, 'national_id_copy', 'expired')
    check(r.returncode == 2, err(r))
    r = cli(db, 'request', 'document', number, 'passport_copy', 'provided')
    check(r.returncode == 1 and 'national_id_copy' in err(r), err(r))


@test
def an_expiring_document_is_not_verified_without_its_date():
    db = registry()
    number = open_request(db)
    before = show(db, number)
    r = cli(db, 'request', 'document', number, 'national_id_copy', 'verified')
    check(r.returncode == 1 and 'expiry date' in err(r), err(r))
    r = cli(db, 'request', 'document', number, 'صورة الهوية الوطنية', 'verified', lang='ar')
    check(r.returncode == 1 and 'تاريخ' in err(r), err(r))
    check(show(db, number) == before)
    # Provided is fine without it; a type that does not expire is verified.
    r = cli(db, 'request', 'document', number, 'national_id_copy', 'provided')
    check(r.returncode == 0, err(r))
    r = cli(db, 'request', 'document', number, 'income_proof', 'verified')
    check(r.returncode == 0, err(r))
    r = cli(db, 'request', 'document', number, 'national_id_copy', 'verified', '--expires',
            '2040-01-01')
    check(r.returncode == 0, err(r))
    docs = {d['type']: d for d in show(db, number)['documents']}
    check(docs['national_id_copy']['status'] == 'verified', docs)
    # Once its date is recorded, verifying again needs no new one.
    r = cli(db, 'request', 'document', number, 'national_id_copy', 'provided')
    check(r.returncode == 0, err(r))
    r = cli(db, 'request', 'document', number, 'national_id_copy', 'verified')
    check(r.returncode == 0, err(r))


@test
def due_dates_follow_the_window_and_the_clock():
    db = registry()
    number = open_request(db, '--received', '2025-01-31')
    check(show(db, number, SILA_FAKE_NOW='2025-02-14T20:00:00Z')['overdue'] is False)
    check(show(db, number, SILA_FAKE_NOW='2025-02-15T08:00:00Z')['overdue'] is True)
    r = cli(db, 'settings', 'set', 'answer_window_days', '21')
    check(r.returncode == 0, err(r))
    later = open_request(db, '--received', '2024-12-25')
    data = show(db, later)
    check(data['due'] == '2025-01-15', data)
    # Answered requests are never overdue.
    r = cli(db, 'request', 'move', number, 'withdrawn', '--reason', 'moved away')
    check(r.returncode == 0, err(r))
    check(show(db, number, SILA_FAKE_NOW='2025-06-01T08:00:00Z')['overdue'] is False)
    # A date in the future, or none at all, is refused.
    r = cli(db, 'request', 'open', '--national-id', NATIONAL_ID, '--type', 'rent',
            '--channel', 'phone', '--received', '2999-01-01')
    check(r.returncode == 1 and '--received' in err(r), err(r))


@test
def types_and_channels_by_code_or_name():
    db = registry()
    r = cli(db, 'request', 'open', '--national-id', NATIONAL_ID, '--type', 'سلة غذائية',
            '--channel', 'المقابلة', lang='ar')
    check(r.returncode == 0, err(r))
    data = show(db, out(r).strip())
    check([d['type'] for d in data['documents'] if d['required']] == ['national_id_copy'], data)
    for bad in (('--type', 'holiday'), ('--channel', 'fax')):
        args = {'--type': 'rent', '--channel': 'phone'}
        args[bad[0]] = bad[1]
        r = cli(db, 'request', 'open', '--national-id', NATIONAL_ID, '--type', args['--type'],
                '--channel', args['--channel'])
        check(r.returncode == 1 and bad[0] in err(r), err(r))
    r = cli(db, 'request', 'open', '--national-id', OTHER_ID, '--type', 'rent', '--channel',
            'phone')
    check(r.returncode == 1 and OTHER_ID in err(r), err(r))
    r = cli(db, 'request', 'open', '--type', 'rent', '--channel', 'phone')
    check(r.returncode == 2, err(r))


@test
def roles_decide_once_accounts_exist():
    db = registry()
    number = open_request(db)
    pw = {'sami': 'the admin passphrase', 'huda': 'an officer passphrase',
          'khalid': 'a committee passphrase'}
    r = cli(db, 'user', 'add', 'sami', '--role', 'admin', SILA_NEW_PASSWORD=pw['sami'])
    check(r.returncode == 0, err(r))
    for user, role in (('huda', 'officer'), ('khalid', 'committee')):
        r = cli(db, 'user', 'add', user, '--role', role, SILA_USER='sami',
                SILA_PASSWORD=pw['sami'], SILA_NEW_PASSWORD=pw[user])
        check(r.returncode == 0, err(r))

    def as_(user):
        return {'SILA_USER': user, 'SILA_PASSWORD': pw[user]}

    # The owner is no one now; the committee may not check documents.
    r = cli(db, 'request', 'move', number, 'withdrawn', '--reason', 'x')
    check(r.returncode == 1, err(r))
    r = cli(db, 'request', 'document', number, 'income_proof', 'verified', **as_('khalid'))
    check(r.returncode == 1 and 'Not allowed' in err(r), err(r))
    before = show(db, number, **as_('khalid'))
    r = cli(db, 'request', 'move', number, 'withdrawn', '--reason', 'x', **as_('khalid'))
    check(r.returncode == 1 and 'Not allowed' in err(r), err(r))
    r = cli(db, 'request', 'move', number, 'withdrawn', '--reason', 'x', lang='ar',
            **as_('sami'))
    check(r.returncode == 1 and 'غير مسموح' in err(r), err(r))
    check(show(db, number, **as_('huda')) == before)
    r = cli(db, 'request', 'move', number, 'withdrawn', '--reason', 'انتقل', **as_('huda'))
    check(r.returncode == 0, err(r))
    data = show(db, number, **as_('huda'))
    check(data['timeline'][-1]['by'] == 'huda' and data['status'] == 'withdrawn', data)


def open_type(db, request_type, now, lang='en'):
    r = cli(db, 'request', 'open', '--national-id', NATIONAL_ID, '--type', request_type,
            '--channel', 'phone', lang=lang, SILA_FAKE_NOW=now)
    check(r.returncode == 0, err(r))
    return out(r).strip(), err(r)


@test
def opening_a_repeat_warns_on_stderr_and_opens_it():
    db = registry()
    now = '2025-03-01T09:00:00Z'
    first, warning = open_type(db, 'food_basket', now)
    check(warning == '', warning)
    # The same type while the first is open: opened (exit 0, the number on
    # stdout), with the warning naming the open request on stderr.
    second, warning = open_type(db, 'food_basket', now)
    check(second != first and second.startswith('1446-'), second)
    check('Warning' in warning and first in warning and 'still open' in warning, warning)
    # Newest first: now it is the second one that is named.
    _, warning = open_type(db, 'food_basket', now, lang='ar')
    check('تحذير' in warning and second in warning, warning)
    # Another type: nothing to say.
    _, warning = open_type(db, 'medical', now)
    check(warning == '', warning)
    # A withdrawn request of a type never counts.
    number, _ = open_type(db, 'rent', now)
    move(db, number, 'withdrawn', '--reason', 'طلبت الأسرة إلغاءه', SILA_FAKE_NOW=now)
    _, warning = open_type(db, 'rent', now)
    check(warning == '', warning)


@test
def a_decision_counts_for_ninety_days():
    db = registry()
    decided = '2025-03-01T09:00:00Z'
    number, _ = open_type(db, 'food_basket', decided)
    complete_documents(db, number)
    for status in ('documents_complete', 'in_research'):
        move(db, number, status, SILA_FAKE_NOW=decided)
    move(db, number, 'research_done', '--note', 'زارت الباحثة الأسرة', '--recommendation',
         'نوصي بالرفض', SILA_FAKE_NOW=decided)
    move(db, number, 'with_committee', SILA_FAKE_NOW=decided)
    move(db, number, 'rejected', '--reason', 'الدخل يكفي', SILA_FAKE_NOW=decided)
    move(db, number, 'closed', SILA_FAKE_NOW=decided)
    # 90 days after the decision (2025-05-30) it still counts; 91 days, no longer.
    r = cli(db, 'request', 'open', '--national-id', NATIONAL_ID, '--type', 'food_basket',
            '--channel', 'phone', '--received', '2025-05-30', SILA_FAKE_NOW='2025-05-30T09:00:00Z')
    check(r.returncode == 0 and number in err(r) and '90 days' in err(r), err(r))
    # The one just opened is open: withdraw it, then try a day later.
    move(db, out(r).strip(), 'withdrawn', '--reason', 'خطأ', SILA_FAKE_NOW='2025-05-30T09:00:00Z')
    r = cli(db, 'request', 'open', '--national-id', NATIONAL_ID, '--type', 'food_basket',
            '--channel', 'phone', SILA_FAKE_NOW='2025-05-31T09:00:00Z')
    check(r.returncode == 0 and err(r) == '', err(r))


run()
