#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""One command's --help, the manual page and the bash completion, all three
written from the command table: the manual page documents every command,
option and exit status that --help lists, and the completion offers the
commands, options and codes the program accepts."""
import os
import re
import subprocess

from taplib import build_root, check, err, out, run, sila, tempdir, test


def manpage():
    return os.path.join(build_root(), 'src', 'app', 'sila.1')


def completion():
    return os.path.join(build_root(), 'src', 'app', 'sila')


def help_commands():
    """The synopses "sila --lang en --help" lists under Commands."""
    text = out(sila('--lang', 'en', '--help'))
    block = text.split('Commands:\n', 1)[1].split('\n\nOptions:', 1)[0]
    return [re.split(r'\s{2,}', line.strip())[0] for line in block.splitlines()
            if line.startswith('  ') and not line.startswith('   ') and line.strip()]


@test
def one_commands_help_is_its_own():
    r = sila('--lang', 'en', 'request', 'move', '--help')
    check(r.returncode == 0, err(r))
    text = out(r)
    check('request move NUMBER STATUS' in text, text)
    check('settings set' not in text and 'survey import' not in text, text)
    check('--database DB' in text and 'Exit status:' in text, text)
    # Where --help stands does not matter.
    check(out(sila('--lang', 'en', '--help', 'request', 'move')) == text)


@test
def a_groups_help_lists_its_commands():
    text = out(sila('--lang', 'en', 'user', '--help'))
    for sub in ('user add', 'user list', 'user roles', 'user deactivate', 'user passwd'):
        check(f'sila {sub}' in text, text)
    check('request move' not in text, text)


@test
def command_help_in_arabic():
    r = sila('request', 'move', '--help')
    check(r.returncode == 0)
    check('الاستخدام' in out(r) and 'حالة الخروج' in out(r), out(r))


@test
def help_for_an_unknown_command_is_bad_usage():
    r = sila('--lang', 'en', 'frobnicate', '--help')
    check(r.returncode == 2, r.returncode)
    check('Unknown command “frobnicate”' in err(r), err(r))
    check(out(r) == '', out(r))


@test
def manpage_renders_without_warnings():
    r = subprocess.run(['groff', '-k', '-man', '-Tutf8', '-ww', '-z', manpage()],
                       capture_output=True, text=True)
    check(r.returncode == 0 and r.stderr == '', r.stderr)


def manpage_text():
    r = subprocess.run(['man', '-l', '-Tutf8', manpage()], capture_output=True, text=True,
                       env=dict(os.environ, MANWIDTH='200', MAN_KEEP_FORMATTING='0'))
    check(r.returncode == 0, r.stderr)
    # Drop overstrike (bold, underline) and hyphenation at line ends.
    return re.sub(r'.\x08', '', r.stdout)


@test
def manpage_documents_every_command_option_and_exit_status():
    text = ' '.join(manpage_text().split())
    commands = help_commands()
    check(len(commands) > 30, commands)
    for synopsis in commands:
        check(' '.join(synopsis.split()) in text, synopsis)
    for option in ('--database DB', '--lang ar|en', '--user NAME', '--help', '--version'):
        check(option in text, option)
    check('EXIT STATUS' in text)
    for status in ('0 done', '1 ran, but refused', '2 bad usage'):
        check(status in text, status)
    for section in ('ENVIRONMENT', 'SILA_PASSWORD', 'FILES', 'sila.db', 'with_committee',
                    'branch_representative'):
        check(section in text, section)


def complete(*words, cwd=None):
    script = (f'source {completion()}\n'
              'COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); COMPREPLY=(); _sila\n'
              'printf "%s\\n" "${COMPREPLY[@]}"\n')
    r = subprocess.run(['bash', '--norc', '--noprofile', '-c', script, 'bash', 'sila', *words],
                       capture_output=True, text=True, cwd=cwd or tempdir())
    check(r.returncode == 0, r.stderr)
    return [w for w in r.stdout.splitlines() if w]


@test
def completion_offers_commands_and_subcommands():
    check(complete('req') == ['request'], complete('req'))
    check(set(complete('')) >= {'info', 'request', 'survey', 'report', 'user', 'backup'})
    check(complete('request', '') == ['open', 'document', 'move', 'show', 'print'])
    check(complete('--database', 'x.db', 'user', 'de') == ['deactivate'])


@test
def completion_offers_options_and_codes():
    check(complete('request', 'move', '--') ==
          ['--reason', '--note', '--findings', '--recommendation', '--visit', '--researcher',
           '--decided', '--members', '--amount', '--kind', '--delivered', '--help'],
          complete('request', 'move', '--'))
    check(complete('request', 'move', '1448-00001', 'with') == ['with_committee', 'withdrawn'])
    channels = complete('request', 'open', '--channel', '')
    check(len(channels) == 8 and 'branch_representative' in channels, channels)
    check('financial_aid' in complete('request', 'open', '--type', ''))
    check(complete('request', 'document', '7', 'lease', 'ver') == ['verified'])
    check('income_proof' in complete('request', 'document', '7', ''))
    check(complete('user', 'add', 'sara', '--role', 'co') == ['committee'])
    check(complete('--lang', '') == ['ar', 'en'])


@test
def completion_codes_are_ones_the_program_accepts():
    db = os.path.join(tempdir(), 'office.db')
    r = sila('--database', db, 'settings', 'set', 'answer_window_days', '14')
    check(r.returncode == 0, err(r))
    for key in complete('settings', 'get', ''):
        r = sila('--database', db, 'settings', 'get', key)
        check(r.returncode == 0, f'{key}: {err(r)}')
    # Every status the completion offers is one "request move" knows: it
    # reads the status before the request, so an unknown status is bad usage
    # (2) and a known one goes on to refuse the unknown request (1).
    r = sila('--lang', 'en', '--database', db, 'request', 'move', '1448-00001', 'bogus')
    check(r.returncode == 2, err(r))
    statuses = complete('request', 'move', '1', '')
    check(len(statuses) == 11, statuses)
    for status in statuses:
        r = sila('--lang', 'en', '--database', db, 'request', 'move', '1448-00001', status)
        check(r.returncode == 1, f'{status}: {err(r)}')


@test
def completion_completes_file_names():
    folder = tempdir()
    open(os.path.join(folder, 'register.xlsx'), 'w').close()
    check(complete('import', 'beneficiaries', 'reg', cwd=folder) == ['register.xlsx'])
    check(complete('report', '--xlsx', 'reg', cwd=folder) == ['register.xlsx'])
    check(complete('request', 'move', 'reg', cwd=folder) == [])


run()
