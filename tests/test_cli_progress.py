#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Progress of long imports and of the register's export on the command
line: a line on stderr when stderr is a terminal (a pseudo-terminal here),
none at all when it is a pipe. SILA_PROGRESS_AFTER_MS=0 lifts the one-second wait, so that the test
does not depend on how fast the machine is."""
import os
import pty
import select
import subprocess

from taplib import check, err, headless_env, run, sila, tempdir, test


def luhn_id(body):
    """A valid national ID: '1' + 8 digits + the Luhn check digit."""
    digits = [int(c) for c in body]
    total = 0
    for i, d in enumerate(digits):
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return body + str((10 - total % 10) % 10)


def register(n):
    """A register of n beneficiaries with different IDs and names."""
    first = ['محمد', 'أحمد', 'خالد', 'سعد', 'فهد', 'ناصر', 'علي', 'عمر']
    assert n <= 8 * 8 * 8 * 6
    family = ['الغامدي', 'الحربي', 'القحطاني', 'الشهري', 'العتيبي', 'الزهراني']
    lines = ['national_id,name,phone']
    for i in range(n):
        number = luhn_id('1' + f'{i + 10000000:08d}')
        name = (f'{first[i % 8]} {first[(i // 8) % 8]} {first[(i // 64) % 8]} '
                f'{family[(i // 512) % 6]}')
        lines.append(f'{number},{name},055{i % 10000000:07d}')
    return '\n'.join(lines) + '\n'


def write_register(n):
    folder = tempdir()
    path = os.path.join(folder, 'register.csv')
    with open(path, 'w', encoding='utf-8') as f:
        f.write(register(n))
    return folder, path


def run_on_terminal(args, env):
    """Runs sila with stderr on a pseudo-terminal; returns (exit status,
    what the terminal received)."""
    master, slave = pty.openpty()
    proc = subprocess.Popen([os.environ['SILA_BIN'], *args], env=env,
                            stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=slave)
    os.close(slave)
    received = b''
    while True:
        ready, _, _ = select.select([master], [], [], 60)
        if not ready:
            break
        try:
            chunk = os.read(master, 65536)
        except OSError:  # the other end closed
            break
        if not chunk:
            break
        received += chunk
    proc.stdout.read()
    status = proc.wait(timeout=60)
    os.close(master)
    return status, received.decode('utf-8', 'replace')


@test
def progress_on_a_terminal():
    folder, path = write_register(300)
    db = os.path.join(folder, 'office.db')
    env = headless_env(SILA_PROGRESS_AFTER_MS='0', LANG='C.UTF-8')
    status, text = run_on_terminal(['--lang', 'en', '--database', db, 'import', 'beneficiaries',
                                    path], env)
    check(status == 0, text)
    check('Importing: ' in text and '%' in text, text)
    check('100%' in text, text)
    # The line is cleared before the summary.
    check('\x1b[K' in text, repr(text))
    check('Imported 300 files' in text, text)


@test
def progress_for_a_dry_run_and_in_arabic():
    folder, path = write_register(50)
    db = os.path.join(folder, 'office.db')
    env = headless_env(SILA_PROGRESS_AFTER_MS='0', LANG='C.UTF-8')
    status, text = run_on_terminal(['--lang', 'ar', '--database', db, 'import',
                                    'beneficiaries', path, '--dry-run'], env)
    check(status == 0, text)
    check('جارٍ الفحص' in text and '%' in text, text)


@test
def no_progress_without_a_terminal():
    folder, path = write_register(300)
    db = os.path.join(folder, 'office.db')
    env = headless_env(SILA_PROGRESS_AFTER_MS='0', LANG='C.UTF-8')
    result = sila('--lang', 'en', '--database', db, 'import', 'beneficiaries', path, env=env)
    check(result.returncode == 0, err(result))
    text = err(result)
    check('Importing' not in text and '%' not in text and '\r' not in text, repr(text))
    check('Imported 300 files' in text, text)


@test
def no_progress_within_the_second():
    """Work that ends before the wait is over shows nothing, even on a
    terminal (the wait is made long here rather than the work short)."""
    folder, path = write_register(3)
    db = os.path.join(folder, 'office.db')
    env = headless_env(SILA_PROGRESS_AFTER_MS='600000', LANG='C.UTF-8')
    status, text = run_on_terminal(['--lang', 'en', '--database', db, 'import', 'beneficiaries',
                                    path], env)
    check(status == 0, text)
    check('Importing' not in text, text)


@test
def progress_for_the_register_export():
    folder, path = write_register(120)
    db = os.path.join(folder, 'office.db')
    env = headless_env(SILA_PROGRESS_AFTER_MS='0', LANG='C.UTF-8')
    result = sila('--lang', 'en', '--database', db, 'import', 'beneficiaries', path, env=env)
    check(result.returncode == 0, err(result))
    out = os.path.join(folder, 'register.xlsx')
    status, text = run_on_terminal(['--lang', 'en', '--database', db, 'export', 'beneficiaries',
                                    '--xlsx', out], env)
    check(status == 0, text)
    check('Exporting: ' in text and '100% (120 rows)' in text, text)
    check('Exported 120 files.' in text, text)
    result = sila('--lang', 'en', '--database', db, 'export', 'beneficiaries', '--xlsx', out,
                  env=env)
    check(result.returncode == 0, err(result))
    check('Exporting' not in err(result), err(result))


@test
def progress_for_requests_and_surveys():
    folder, path = write_register(20)
    db = os.path.join(folder, 'office.db')
    env = headless_env(SILA_PROGRESS_AFTER_MS='0', LANG='C.UTF-8')
    result = sila('--lang', 'en', '--database', db, 'import', 'beneficiaries', path, env=env)
    check(result.returncode == 0, err(result))
    requests = os.path.join(folder, 'requests.csv')
    with open(requests, 'w', encoding='utf-8') as f:
        f.write('national_id,type,channel,received,status\n')
        f.write(f'{luhn_id("110000000")},financial_aid,interview,2026-01-05,received\n')
    status, text = run_on_terminal(['--lang', 'en', '--database', db, 'import', 'requests',
                                    requests], env)
    check(status == 0, text)
    check('Importing: ' in text, text)
    surveys = os.path.join(folder, 'surveys.csv')
    with open(surveys, 'w', encoding='utf-8') as f:
        f.write('date,channel,overall\n2026-01-05,phone,4\n2026-01-06,phone,5\n')
    status, text = run_on_terminal(['--lang', 'en', '--database', db, 'survey', 'import',
                                    surveys], env)
    check(status == 0, text)
    check('Checking: ' in text and 'Importing: ' in text, text)


run()
