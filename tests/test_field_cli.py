#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Field work from the command line (issue 15): an office database and two
laptop kits, work on all three (new files, requests, contacts, anonymous
survey responses, the same person registered in two places, conflicting
edits), the bundles merged in both orders, separately and together, and
twice; the results compared table by table. Damaged, foreign, truncated,
too-new and already-merged bundles are refused with the office database
byte for byte unchanged, and a laptop killed with kill -9 in the middle of
its day still writes a complete bundle. Runs with no display.

The office is a SQLite file, or with SILA_TEST_ENGINE=postgres (suite
postgres) a database on the test server: its kits are SQLite files all the
same. "Unchanged" is then a dump of every table, equal before and after."""
import hashlib
import json
import os
import shutil
import signal
import subprocess

from fieldlib import (NUMBERS, P, TRAVEL, cli, conflicts, copy_database, env, execute,
                      is_server, make_day, merge, query, register, rows, sha256, sound)
from taplib import check, err, new_database, out, run, sila, tempdir, test

_day = {}


def the_day():
    """The office, two kits and the day's work on all three, built once."""
    if not _day:
        d = tempdir()
        _day.update(make_day(new_database(d), d))
    return _day


def copy_office():
    return copy_database(the_day()['office'])


@test
def a_kit_holds_what_the_laptop_needs_and_nothing_else():
    day = the_day()
    k = day['k1'] + '.base'
    # The chosen district's files, and lookup entries for the others.
    check(sorted(r[0] for r in query(k, 'SELECT id_number FROM beneficiaries')) ==
          sorted([P['A'], P['X']]))
    check([r[0] for r in query(k, 'SELECT id_number FROM field_lookup')] == [P['B']])
    for table in ('audit_log', 'drafts', 'survey_responses', 'survey_stats', 'contacts',
                  'field_kits'):
        check(query(k, f'SELECT count(*) FROM {table}') == [(0,)], table)
    check(query(k, "SELECT value FROM meta WHERE key = 'field_event'") == [('يوم حي النسيم',)])
    check(query(k, 'SELECT count(*) FROM request_types')[0][0] > 0)
    # Numbers made on the two laptops never meet.
    n1 = {r[0] for r in query(day['k1'], 'SELECT file_number FROM beneficiaries '
                                         'WHERE file_number > 9000000000')}
    n2 = {r[0] for r in query(day['k2'], 'SELECT file_number FROM beneficiaries '
                                         'WHERE file_number > 9000000000')}
    check(len(n1) == 2 and len(n2) == 3 and not n1 & n2, (n1, n2))
    # On the laptop, the kit's search index holds its own files.
    check(P['A'] in out(cli(day['k1'], 'search', 'نورة')))
    check(out(cli(day['k1'], 'search', 'سارة')).strip() == '')


@test
def the_summary_and_a_dry_run():
    day = the_day()
    db = copy_office()
    before = sha256(db)
    got = merge(db, day['b1'], day['b2'], expect=1, now='2026-12-02T08:00:00Z')
    got_dry = json.loads(out(cli(copy_office(), 'field', 'merge', day['b1'], day['b2'],
                                 '--dry-run', '--json', expect=1)))
    check(got == got_dry, (got, got_dry))
    check(sorted(got) == ['conflicts', 'contacts', 'duplicates', 'feedback', 'files',
                          'requests', 'responses'], got)
    # P and N1 from laptop 1; P, Q and N2 from laptop 2.
    check(got['files'] == 5 and got['requests'] == 1 and got['responses'] == 2 and
          got['contacts'] == 1 and got['feedback'] == 0, got)
    # P twice (laptop 2's linked to laptop 1's), Q (to the office's).
    check(got['duplicates'] == 2, got)
    check(before != sha256(db))
    # A dry run changes nothing.
    dry = copy_office()
    h = sha256(dry)
    cli(dry, 'field', 'merge', day['b1'], '--dry-run', expect=1)
    check(sha256(dry) == h)


@test
def the_rules_of_conflicts_and_duplicates():
    day = the_day()
    db = copy_office()
    merge(db, day['b1'])
    merge(db, day['b2'])
    x = query(db, 'SELECT address, notes, health_notes FROM beneficiaries WHERE id_number = ?',
              P['X'])[0]
    # The office's address stands (both changed it); laptop 2's later notes
    # win over laptop 1's; laptop 2's health notes (nobody else's) stand.
    check(x == ('مكتب: شارع الأمير', 'ملاحظة الحاسب 2', 'سكري'), x)
    got = conflicts(db)
    kinds = sorted((c[0], c[3]) for c in got)
    check(kinds == [('both_changed', 'address'), ('duplicate', 'id_number'),
                    ('duplicate', 'id_number'), ('later_wins', 'notes')], got)
    later = [c for c in got if c[0] == 'later_wins'][0]
    check(later[5] == 'ملاحظة الحاسب 1' and later[6] == 'ملاحظة الحاسب 2', later)
    both = [c for c in got if c[0] == 'both_changed'][0]
    check(both[5] == 'ميدان: حي النسيم' and both[6] == 'مكتب: شارع الأمير', both)
    # P: the file registered first (laptop 1, 10:00) is the primary one.
    p = query(db, 'SELECT id, device_id, possible_duplicate_of, created_at FROM beneficiaries '
                  'WHERE id_number = ? ORDER BY created_at', P['P'])
    check(len(p) == 2 and p[0][2] is None and p[1][2] == p[0][0], p)
    # Q: the office's file stays the primary one.
    q = query(db, 'SELECT file_number, possible_duplicate_of FROM beneficiaries '
                  'WHERE id_number = ? ORDER BY file_number', P['Q'])
    check(len(q) == 2 and q[0][1] is None and q[1][1] is not None, q)
    # Final numbers are the office's; the provisional ones still find them.
    finals = query(db, "SELECT provisional, final FROM field_numbers "
                       "WHERE kind = 'beneficiaries.file_number'")
    check(len(finals) == 5 and all(int(f) < 9000000000 for _, f in finals), finals)
    prov, final = finals[0]
    check(out(cli(db, 'search', prov)).startswith(final + '\t'), out(cli(db, 'search', prov)))
    check(query(db, 'SELECT count(*) FROM requests WHERE number LIKE ?', '%-9%') == [(0,)])
    # The receipt's provisional request number finds the request.
    shown = json.loads(out(cli(db, 'request', 'show', day['request'], '--json')))
    final_request = query(db, 'SELECT number FROM requests')[0][0]
    check(shown['number'] == final_request != day['request'], (shown['number'], day['request']))
    # Survey responses counted once, and still anonymous.
    resp = query(db, 'SELECT anonymous, beneficiary_id, request_id, contact_id, taken_by '
                     'FROM survey_responses')
    check(resp == [(1, None, None, None, None)] * 2, resp)
    stats = query(db, "SELECT n FROM survey_stats WHERE dim = 'all' AND grain = 'd' AND "
                      "code = '' AND period = '2026-12-01'")
    check(stats == [(2,)], stats)
    # The office database is sound, its audit chain included.
    sound(db)
    # Everything merged is audited: the laptops' entries copied in, naming
    # the laptop, and the merges themselves.
    k1_device = query(day['k1'], "SELECT value FROM meta WHERE key = 'device_id'")[0][0]
    copied = query(db, 'SELECT action, entity FROM audit_log WHERE device_id = ?', k1_device)
    check(('import', 'survey_import') in copied and ('create', 'request') in copied, copied)
    merges = query(db, "SELECT summary FROM audit_log WHERE action = 'merge' "
                       "AND entity = 'field_bundle'")
    check(len(merges) == 2 and all('يوم حي النسيم' in m[0] for m in merges), merges)


def travelling(db, skip_numbers):
    result = {}
    for table in TRAVEL:
        skip = {'rev'} | (NUMBERS.get(table, set()) if skip_numbers else set())
        result[table] = rows(db, table, skip)
    return result


@test
def the_order_of_merging_does_not_matter():
    day = the_day()
    ab, ba = copy_office(), copy_office()
    merge(ab, day['b1'])
    merge(ab, day['b2'])
    merge(ba, day['b2'])
    merge(ba, day['b1'])
    ta, tb = travelling(ab, True), travelling(ba, True)
    for table in TRAVEL:
        check(ta[table] == tb[table], f'{table} differs with the order of merging')
    check(conflicts(ab) == conflicts(ba), (conflicts(ab), conflicts(ba)))
    # Merged together, in either order on the command line: the same, to
    # the final numbers.
    one, two = copy_office(), copy_office()
    merge(one, day['b1'], day['b2'])
    merge(two, day['b2'], day['b1'])
    t1, t2 = travelling(one, False), travelling(two, False)
    for table in TRAVEL:
        check(t1[table] == t2[table], f'{table} differs with the order of the bundles')
    check(rows(one, 'survey_stats') == rows(ab, 'survey_stats'))


@test
def a_bundle_merged_twice_is_refused_and_changes_nothing():
    day = the_day()
    db = copy_office()
    merge(db, day['b1'])
    h = sha256(db)
    r = cli(db, 'field', 'merge', day['b1'], expect=2)
    check('merged already' in err(r), err(r))
    # Twice in one command too.
    cli(db, 'field', 'merge', day['b2'], day['b2'], expect=2)
    check(sha256(db) == h)
    # The other bundle still merges.
    merge(db, day['b2'], expect=1)


def rewrite(bundle, path, change_header=None, change_body=None):
    """A bundle re-sealed after a change, as a forger (or a newer version)
    would write it."""
    with open(bundle, 'rb') as f:
        data = f.read()
    body = data[:-73]
    magic, header, changeset = body.split(b'\n', 2)
    header = json.loads(header)
    if change_header:
        change_header(header)
    if change_body:
        changeset = change_body(changeset)
        header['changeset_size'] = len(changeset)
        header['changeset_sha256'] = hashlib.sha256(changeset).hexdigest()
    body = magic + b'\n' + json.dumps(header, ensure_ascii=False,
                                      separators=(',', ':')).encode() + b'\n' + changeset
    with open(path, 'wb') as f:
        f.write(body + b'\nSHA256 ' + hashlib.sha256(body).hexdigest().encode() + b'\n')
    return path


@test
def bad_bundles_are_refused_with_the_office_unchanged():
    day = the_day()
    d = tempdir()
    with open(day['b1'], 'rb') as f:
        good = f.read()
    cases = {}

    def write(name, data):
        path = os.path.join(d, name)
        with open(path, 'wb') as f:
            f.write(data)
        cases[name] = path

    damaged = bytearray(good)
    damaged[len(good) // 2] ^= 0x55
    write('damaged', bytes(damaged))
    write('truncated', good[:len(good) - 100])
    write('empty', b'')
    write('not-a-bundle', b'SQLite format 3\x00' + b'\x00' * 100)
    cases['too-new'] = rewrite(day['b1'], os.path.join(d, 'too-new'),
                               lambda h: h.update(schema_version=h['schema_version'] + 1))
    cases['garbled-changes'] = rewrite(day['b1'], os.path.join(d, 'garbled'),
                                       change_body=lambda c: c[:len(c) // 2])
    cases['missing'] = os.path.join(d, 'no-such.bundle')

    # Foreign: a kit of another office (same people, another database).
    other = copy_database(day['office'])
    execute(other, "UPDATE meta SET value = 'another-office' WHERE key = 'device_id'")
    kit = os.path.join(d, 'foreign-kit.db')
    cli(other, 'field', 'kit', '--event', 'x', '--lookup-only', '--out', kit)
    cases['foreign'] = os.path.join(d, 'foreign.bundle')
    cli(kit, 'field', 'bundle', '--out', cases['foreign'])
    # A kit this office never made, sealed with this office's id.
    cases['unknown-kit'] = rewrite(day['b1'], os.path.join(d, 'unknown-kit'),
                                   lambda h: h.update(kit_id='00000000-0000-0000-0000-0000'))

    db = copy_office()
    merge(db, day['b2'])
    merged = os.path.join(d, 'merged-already')
    shutil.copyfile(day['b2'], merged)
    cases['already-merged'] = merged
    h = sha256(db)
    for name, path in cases.items():
        r = cli(db, 'field', 'merge', path, '--json', expect=2)
        check(out(r) == '' and err(r).strip() != '', (name, out(r), err(r)))
        check(sha256(db) == h, f'{name} changed the office database')
        # Given with a good bundle, a bad one stops both.
        cli(db, 'field', 'merge', day['b1'], path, expect=2)
        check(sha256(db) == h, f'{name} with a good bundle changed the office database')
    if not is_server(db):
        check(not os.path.exists(db + '-wal') or os.path.getsize(db + '-wal') == 0)


@test
def a_laptop_killed_mid_day_still_writes_a_complete_bundle():
    d = tempdir()
    office = copy_office()
    kit = os.path.join(d, 'kit.db')
    cli(office, 'field', 'kit', '--event', 'توزيع', '--lookup-only', '--out', kit)
    # A lookup-only kit carries no file at all, only the lookup list.
    check(query(kit, 'SELECT count(*) FROM beneficiaries') == [(0,)])
    check(query(kit, 'SELECT count(*) FROM field_lookup') == [(4,)])
    # Names as the office shows them: a missing part leaves no double space.
    names = [r[0] for r in query(kit, 'SELECT name FROM field_lookup')]
    check(all(n and '  ' not in n and n == n.strip() for n in names), names)
    register(kit, d, [(P['K'], 'وضحى علي السبيعي', '0501234507', 'الملز')],
             '2026-12-01T10:00:00Z')
    cli(kit, 'contact', 'add', '--national-id', P['K'], '--channel', 'phone', '--direction',
        'in', '--kind', 'inquiry', '--note', 'قبل الانقطاع', now='2026-12-01T10:30:00Z')
    # The app is killed in the middle of a long save: its transaction has
    # written pages into the journal, and never commits.
    child = subprocess.Popen(
        ['/usr/bin/python3', '-c',
         'import sqlite3, sys, time\n'
         'con = sqlite3.connect(sys.argv[1], isolation_level=None)\n'
         'con.execute("PRAGMA cache_size = 10")\n'
         'con.execute("BEGIN IMMEDIATE")\n'
         'for i in range(20000):\n'
         '    con.execute("UPDATE beneficiaries SET notes = ?", ("x" * 500 + str(i),))\n'
         '    con.execute("INSERT INTO drafts (id, kind, actor_name, device_id, content, "\n'
         '                "created_at, updated_at) VALUES (?, \'f\', \'o\', \'d\', ?, \'t\', \'t\')",\n'
         '                (str(i), "y" * 2000))\n'
         '    if i == 2000:\n'
         '        print("ready", flush=True)\n'
         'time.sleep(60)\n', kit],
        stdout=subprocess.PIPE)
    check(child.stdout.readline().strip() == b'ready')
    child.send_signal(signal.SIGKILL)
    child.wait()
    check(child.returncode == -signal.SIGKILL, child.returncode)
    check(os.path.getsize(kit + '-wal') > 0, 'the killed save left nothing behind')

    bundle = os.path.join(d, 'after-crash.bundle')
    cli(kit, 'field', 'bundle', '--out', bundle, now='2026-12-01T12:00:00Z')
    got = merge(office, bundle, expect=0)
    # What the laptop had committed comes back, and nothing of the save
    # that never finished.
    check(got['files'] == 1 and got['contacts'] == 1, got)
    check(query(office, 'SELECT notes FROM beneficiaries WHERE id_number = ?', P['K']) ==
          [(None,)])
    sound(office)


@test
def bad_usage_and_refusals():
    day = the_day()
    db = copy_office()
    cli(db, 'field', 'kit', '--out', os.path.join(tempdir(), 'k.db'), expect=2)
    cli(db, 'field', 'kit', '--event', 'x', expect=2)
    cli(db, 'field', 'merge', expect=2)
    cli(db, 'field', 'bundle', expect=2)
    # The office database is no kit.
    r = cli(db, 'field', 'bundle', '--out', os.path.join(tempdir(), 'b'), expect=1)
    check('not a field kit' in err(r), err(r))
    # A kit is never written over another one.
    cli(db, 'field', 'kit', '--event', 'x', '--out', day['k1'], expect=2)
    r = cli(db, 'field', 'conflicts')
    check('Nothing waits' in out(r), out(r))


PASSWORDS = {'sami': 'sami-Admin-2026!', 'huda': 'huda-Officer-2026!',
             'amal': 'amal-Officer-2026!', 'fahd': 'fahd-Officer-2026!'}


def as_user(db, user, *args, expect=0, **extra):
    e = env('2026-12-01T08:00:00Z')
    e.update(SILA_USER=user, SILA_PASSWORD=PASSWORDS[user], **extra)
    r = sila('--database', db, '--lang', 'en', *args, env=e)
    check(r.returncode == expect, f'{user} {args}: exit {r.returncode}, not {expect}: '
                                  f'{err(r)}{out(r)}')
    return r


def office_with_staff():
    """An office with an administrator (sami), an officer (huda), a manager
    (amal) and a deactivated officer (fahd)."""
    db = copy_office()
    e = env('2026-12-01T08:00:00Z')
    e['SILA_NEW_PASSWORD'] = PASSWORDS['sami']
    r = sila('--database', db, 'user', 'add', 'sami', '--role', 'admin', '--role', 'manager',
             env=e)
    check(r.returncode == 0, err(r))
    for name, role in (('huda', 'officer'), ('amal', 'manager'), ('fahd', 'officer')):
        as_user(db, 'sami', 'user', 'add', name, '--role', role,
                SILA_NEW_PASSWORD=PASSWORDS[name])
    as_user(db, 'sami', 'user', 'deactivate', 'fahd')
    return db


def staff_in(kit):
    return sorted(r[0] for r in query(kit, 'SELECT username FROM staff'))


@test
def a_kit_carries_the_staff_chosen_and_no_one_else():
    db = office_with_staff()
    d = tempdir()
    kit = os.path.join(d, 'chosen.db')
    # Chosen: huda (named as her account spells it, or not); sami prepares
    # the kit and always goes with it.
    r = as_user(db, 'sami', 'field', 'kit', '--event', 'يوم الحي', '--lookup-only',
                '--staff', 'HUDA', '--staff', 'huda', '--out', kit)
    check('sami' in out(r) and 'always' in out(r), out(r))
    for path in (kit, kit + '.base'):
        check(staff_in(path) == ['huda', 'sami'], staff_in(path))
        # The others' password hashes never travel.
        check(query(path, "SELECT count(*) FROM staff WHERE username IN ('amal', 'fahd')") ==
              [(0,)])
    # On the laptop: huda signs in, amal cannot.
    as_user(kit, 'huda', 'search', 'x')
    r = as_user(kit, 'amal', 'search', 'x', expect=1)
    check(r.returncode == 1, err(r))

    # The old form: every active account, and no deactivated one.
    old = os.path.join(d, 'old.db')
    r = as_user(db, 'sami', 'field', 'kit', '--event', 'يوم الحي', '--lookup-only',
                '--out', old)
    check('every active account' in out(r), out(r))
    check(staff_in(old) == ['amal', 'huda', 'sami'], staff_in(old))
    # A manager prepares a kit: named or not, she goes with it.
    own = os.path.join(d, 'own.db')
    as_user(db, 'amal', 'field', 'kit', '--event', 'يوم الحي', '--lookup-only',
            '--staff', 'huda', '--out', own)
    check(staff_in(own) == ['amal', 'huda'], staff_in(own))


@test
def an_unknown_staff_name_is_refused_and_nothing_is_written():
    db = office_with_staff()
    d = tempdir()
    kits = "SELECT count(*) FROM field_kits"
    audited = "SELECT count(*) FROM audit_log WHERE entity = 'field_kit'"
    numbered = "SELECT next FROM counters WHERE name = 'field_kit'"
    before = [query(db, q) for q in (kits, audited, numbered)]
    for name in ('nobody', 'fahd', ''):
        kit = os.path.join(d, f'kit-{name or "empty"}.db')
        r = as_user(db, 'sami', 'field', 'kit', '--event', 'يوم الحي', '--lookup-only',
                    '--staff', 'huda', '--staff', name, '--out', kit, expect=2)
        check(f'“{name}”' in err(r) and 'sila user list' in err(r), err(r))
        check(not os.path.exists(kit) and not os.path.exists(kit + '.base') and
              not os.path.exists(kit + '.part'), os.listdir(d))
    # Nothing numbered, audited or recorded at the office either (signing
    # in is recorded: the file itself changes).
    check([query(db, q) for q in (kits, audited, numbered)] == before)
    help_text = out(sila('--lang', 'en', '--help', env=env('2026-12-01T08:00:00Z')))
    check('[--staff NAME …]' in help_text and 'every active account goes' in help_text,
          help_text)


run()
