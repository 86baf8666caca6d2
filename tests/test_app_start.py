#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The app started as a new user would: a window appears, its database is
created in a private folder with mode 0600, and nothing is warned about.
A damaged database gets a message window, not a crash. Needs a display."""
import hashlib
import os
import signal
import stat
import subprocess
import time

from taplib import Skip, check, run, sila_bin, tempdir, test


def visible_windows(pid):
    r = subprocess.run(['xdotool', 'search', '--onlyvisible', '--pid', str(pid), '--name', '.'],
                       capture_output=True, text=True)
    return [w for w in r.stdout.split() if w]


def window_name(window_id):
    r = subprocess.run(['xdotool', 'getwindowname', window_id], capture_output=True)
    return r.stdout.decode('utf-8', 'replace').strip()


def start(args, home):
    if not os.environ.get('DISPLAY'):
        raise Skip('no display')
    env = dict(os.environ)
    env.update(XDG_DATA_HOME=os.path.join(home, 'share'), HOME=home,
               XDG_CONFIG_HOME=os.path.join(home, 'config'))
    # As a user runs it: no fatal-warnings, so that a warning is seen on
    # stderr rather than as a crash.
    env.pop('G_DEBUG', None)
    return subprocess.Popen([sila_bin(), *args], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def wait_for_window(proc, timeout=30):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise AssertionError(f'sila exited early with {proc.returncode}: '
                                 + proc.stderr.read().decode('utf-8', 'replace'))
        windows = visible_windows(proc.pid)
        if windows:
            return windows
        time.sleep(0.2)
    raise AssertionError('no window appeared')


def stop(proc):
    proc.send_signal(signal.SIGTERM)
    try:
        _, stderr = proc.communicate(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()
        _, stderr = proc.communicate()
    return stderr.decode('utf-8', 'replace')


def noisy_lines(stderr):
    return [line for line in stderr.splitlines()
            if 'WARNING' in line or 'CRITICAL' in line or 'Gtk-' in line or 'Adwaita-' in line]


@test
def first_start_creates_private_database():
    home = tempdir()
    proc = start([], home)
    try:
        windows = wait_for_window(proc)
        names = [window_name(w) for w in windows]
        # A new database asks for the association and its first administrator.
        check('مرحبًا بك في «صلة»' in names, names)
        folder = os.path.join(home, 'share', 'sila')
        db = os.path.join(folder, 'sila.db')
        check(os.path.isfile(db), 'no database was created')
        check(stat.S_IMODE(os.stat(folder).st_mode) == 0o700, oct(os.stat(folder).st_mode))
        check(stat.S_IMODE(os.stat(db).st_mode) == 0o600, oct(os.stat(db).st_mode))
    finally:
        stderr = stop(proc)
    check(not noisy_lines(stderr), stderr)


@test
def english_window_title():
    home = tempdir()
    proc = start(['--lang', 'en'], home)
    try:
        names = [window_name(w) for w in wait_for_window(proc)]
        check('Welcome to Sila Desk' in names, names)
    finally:
        stderr = stop(proc)
    check(not noisy_lines(stderr), stderr)


@test
def database_with_accounts_asks_to_sign_in():
    home = tempdir()
    db = os.path.join(home, 'office.db')
    env = dict(os.environ, SILA_NEW_PASSWORD='a long passphrase')
    r = subprocess.run([sila_bin(), '--database', db, 'user', 'add', 'sami', '--role', 'admin'],
                       env=env, capture_output=True)
    check(r.returncode == 0, r.stderr)
    proc = start(['--database', db], home)
    try:
        names = [window_name(w) for w in wait_for_window(proc)]
        # Only the sign-in window: nothing of the office before someone signs in.
        check(names == ['تسجيل الدخول — صلة'], names)
    finally:
        stderr = stop(proc)
    check(not noisy_lines(stderr), stderr)


@test
def damaged_database_gets_a_message_window():
    home = tempdir()
    path = os.path.join(home, 'damaged.db')
    with open(path, 'wb') as f:
        f.write(os.urandom(32768))
    with open(path, 'rb') as f:
        before = hashlib.sha256(f.read()).hexdigest()
    proc = start(['--database', path], home)
    try:
        names = [window_name(w) for w in wait_for_window(proc)]
        # The message window, in Arabic, and no main window.
        check(names == ['تعذّر فتح قاعدة البيانات'], names)
        check(proc.poll() is None, 'sila crashed')
    finally:
        stderr = stop(proc)
    with open(path, 'rb') as f:
        check(hashlib.sha256(f.read()).hexdigest() == before, 'the damaged file was changed')
    check(not noisy_lines(stderr), stderr)


run()
