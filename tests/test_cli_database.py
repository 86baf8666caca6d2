#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Which commands create a missing database file (SPEC.md, "The command
line"): those that bring data in create it; every other command refuses a
missing file with exit status 2 and leaves no file behind. Command by
command, over every command `sila --help` lists, so that a new command
cannot slip past the rule. No display."""
import os
import re

from taplib import check, err, headless_env, out, run, sila, tempdir, test

NATIONAL_ID = '1000000008'


def env(**extra):
    e = headless_env(SILA_NEW_PASSWORD='a fine passphrase', SILA_NEW_PIN='482913')
    for k in ('SILA_USER', 'SILA_PASSWORD'):
        e.pop(k, None)
    e.update(extra)
    return e


def write(folder, name, text):
    path = os.path.join(folder, name)
    with open(path, 'w', encoding='utf-8') as f:
        f.write(text)
    return path


def a_backup(folder):
    db = os.path.join(folder, 'source.db')
    check(sila('--database', db, 'settings', 'set', 'answer_window_days', '14',
               env=env()).returncode == 0)
    backup = os.path.join(folder, 'source.backup')
    r = sila('--database', db, 'backup', backup, env=env())
    check(r.returncode == 0, err(r))
    return backup


# Commands that bring data in: (command words, arguments given a folder).
CREATING = {
    'settings set': lambda d: ['answer_window_days', '14'],
    'user add': lambda d: ['sami', '--role', 'admin'],
    'restore': lambda d: [a_backup(d)],
    'survey import': lambda d: [write(d, 'surveys.csv', 'date,overall\n2026-04-02,4\n')],
    'import beneficiaries': lambda d: [write(d, 'register.csv',
                                             'national_id,name\n'
                                             f'{NATIONAL_ID},فاطمة محمد علي الغامدي\n')],
    'import requests': lambda d: [write(d, 'history.csv',
                                        'national_id,type,channel,received,status\n')],
    'db init': lambda d: [],
}

# Commands that only read or change existing data, with arguments that
# would be good on a database that had them.
REFUSING = {
    'info': lambda d: [],
    'check': lambda d: [],
    'settings get': lambda d: ['answer_window_days'],
    'user list': lambda d: [],
    'user roles': lambda d: ['sami', '--role', 'officer'],
    'user deactivate': lambda d: ['sami'],
    'user activate': lambda d: ['sami'],
    'user reset-password': lambda d: ['sami'],
    'user passwd': lambda d: [],
    'audit': lambda d: [],
    'backup': lambda d: [os.path.join(d, 'out.backup')],
    'db upgrade': lambda d: [],
    'request open': lambda d: ['--national-id', NATIONAL_ID, '--type', 'financial_aid',
                               '--channel', 'phone'],
    'request document': lambda d: ['1447-00001', 'national_id_copy', 'provided'],
    'request move': lambda d: ['1447-00001', 'documents_complete'],
    'request show': lambda d: ['1447-00001', '--json'],
    'request print': lambda d: ['--blank', '--pdf', os.path.join(d, 'form.pdf')],
    'survey kiosk-pin': lambda d: [],
    'survey results': lambda d: ['--from', '2026-01-01', '--to', '2026-01-31'],
    'survey templates': lambda d: [],
    'report': lambda d: ['--month', '2026-03'],
    'export beneficiaries': lambda d: ['--xlsx', os.path.join(d, 'out.xlsx')],
    'export person': lambda d: ['1'],
    'retention anonymize': lambda d: ['--dry-run'],
    'contact add': lambda d: ['--national-id', NATIONAL_ID, '--channel', 'phone',
                              '--direction', 'out', '--kind', 'outreach'],
    'outreach list': lambda d: ['--json'],
    'outreach dismiss': lambda d: ['1', 'no_contact', '--why', 'moved away'],
    'field kit': lambda d: ['--event', 'x', '--lookup-only', '--out', os.path.join(d, 'k.db')],
    'field bundle': lambda d: ['--out', os.path.join(d, 'b.bundle')],
    'field merge': lambda d: [os.path.join(d, 'b.bundle')],
    'field conflicts': lambda d: ['--json'],
    'search': lambda d: ['فاطمة'],
    'segments': lambda d: [],
    'segment add': lambda d: ['أيتام'],
    'segment rename': lambda d: ['widow', 'أرامل'],
    'segment retire': lambda d: ['widow'],
    'db copy-to': lambda d: [os.path.join(d, 'copy.db')],
}

# Commands that need no database at all.
NO_DATABASE = {
    'roles': lambda d: [],
}


def listed_commands(text):
    """The command words of each synopsis in `sila --help`."""
    names = set()
    section = text.split('Commands:', 1)[1].split('Options:', 1)[0]
    for line in section.splitlines():
        m = re.match(r'^  ([a-z][a-z-]*)(?: ([a-z][a-z-]*))?(?=\s|$)', line)
        if m is None:
            continue
        first, second = m.group(1), m.group(2)
        names.add(f'{first} {second}' if second and f'{first} {second}' in ALL else first)
    return names


ALL = {**CREATING, **REFUSING, **NO_DATABASE}


@test
def every_command_of_the_help_is_covered():
    r = sila('--lang', 'en', '--help', env=env())
    check(r.returncode == 0, err(r))
    listed = listed_commands(out(r))
    check(listed == set(ALL), (sorted(listed - set(ALL)), sorted(set(ALL) - listed)))


@test
def the_help_states_the_rule_with_the_creating_commands():
    r = sila('--lang', 'en', '--help', env=env())
    text = ' '.join(out(r).split())
    m = re.search(r'Commands that bring data in \(([^)]*)\) create the database file if it is '
                  r'missing; all other commands only read or change an existing database and '
                  r'refuse a missing file with exit status 2\.', text)
    check(m is not None, text[-600:])
    check(set(m.group(1).split(', ')) == set(CREATING), m.group(1))
    r = sila('--lang', 'ar', '--help', env=env())
    check('2' in out(r) and 'survey import' in out(r), out(r)[-600:])


@test
def commands_that_bring_data_in_create_a_missing_file():
    for command, arguments in CREATING.items():
        d = tempdir()
        db = os.path.join(d, 'new.db')
        r = sila('--lang', 'en', '--database', db, *command.split(), *arguments(d), env=env())
        check(r.returncode == 0, (command, r.returncode, err(r)))
        check(os.path.isfile(db), f'{command}: no database was created')
        r = sila('--database', db, 'info', env=env(SILA_USER='sami',
                                                   SILA_PASSWORD='a fine passphrase'))
        check(r.returncode == 0, (command, err(r)))


@test
def other_commands_refuse_a_missing_file_with_exit_2():
    for command, arguments in REFUSING.items():
        d = tempdir()
        db = os.path.join(d, 'none.db')
        r = sila('--lang', 'en', '--database', db, *command.split(), *arguments(d), env=env())
        check(r.returncode == 2, (command, r.returncode, err(r)))
        check('There is no database at' in err(r), (command, err(r)))
        check('Traceback' not in err(r) and 'CRITICAL' not in err(r), (command, err(r)))
        check(not os.path.exists(db), f'{command}: a database was created')
        check(os.listdir(d) == [], (command, os.listdir(d)))


@test
def commands_needing_no_database_leave_none():
    for command, arguments in NO_DATABASE.items():
        d = tempdir()
        db = os.path.join(d, 'none.db')
        r = sila('--lang', 'en', '--database', db, *command.split(), *arguments(d), env=env())
        check(r.returncode == 0, (command, r.returncode, err(r)))
        check(not os.path.exists(db), f'{command}: a database was created')


run()
