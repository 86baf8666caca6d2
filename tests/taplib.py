# SPDX-License-Identifier: GPL-3.0-or-later
"""A small TAP producer for the Python tests, so that meson counts each one."""
import json
import os
import sqlite3
import subprocess
import sys
import tempfile
import traceback

_tests = []


class Skip(Exception):
    pass


def test(func):
    _tests.append(func)
    return func


def run():
    print(f'1..{len(_tests)}', flush=True)
    failed = 0
    for number, func in enumerate(_tests, 1):
        name = func.__name__
        try:
            func()
        except Skip as e:
            print(f'ok {number} {name} # SKIP {e}', flush=True)
        except Exception:  # noqa: BLE001 - a test reports every failure
            failed += 1
            print(f'not ok {number} {name}', flush=True)
            for line in traceback.format_exc().splitlines():
                print('# ' + line, flush=True)
        else:
            print(f'ok {number} {name}', flush=True)
    sys.exit(1 if failed else 0)


def sila_bin():
    return os.environ['SILA_BIN']


def source_root():
    return os.environ['SILA_SOURCE_ROOT']


def build_root():
    return os.environ['SILA_BUILD_ROOT']


def headless_env(**extra):
    """The environment of a command run with no display at all."""
    env = dict(os.environ)
    for key in ('DISPLAY', 'WAYLAND_DISPLAY', 'XAUTHORITY'):
        env.pop(key, None)
    env.update({k: v for k, v in extra.items() if v is not None})
    return env


def sila(*args, env=None, input=None, timeout=60):
    """Runs the sila command line; returns the CompletedProcess."""
    return subprocess.run([sila_bin(), *args], env=env or headless_env(),
                          input=input, capture_output=True, timeout=timeout)


def tempdir():
    return tempfile.mkdtemp(prefix='sila-test-')


def on_server():
    """True when the tests run against PostgreSQL (meson suite postgres)."""
    return os.environ.get('SILA_TEST_ENGINE') == 'postgres'


def file_only(func):
    """A test of what only a database file has (its bytes, putting a backup
    file back in its place): not part of the run on a server, rather than
    counted as passed there."""
    if not on_server():
        _tests.append(func)
    return func


_databases = 0


def new_database(folder=None, name='office.db'):
    """Where a test keeps its database: a file NAME in FOLDER (a new
    temporary folder if none), or, with SILA_TEST_ENGINE=postgres, a fresh
    empty database on the test server SILA_TEST_PG (tests/pgcluster.py),
    named by its libpq keyword string."""
    global _databases
    if not on_server():
        return os.path.join(folder or tempdir(), name)
    _databases += 1
    server = os.environ['SILA_TEST_PG']
    dbname = f'sila_py_{os.getpid()}_{_databases}'
    subprocess.run(['psql', '-X', '-q', '-v', 'ON_ERROR_STOP=1', '-d', f'{server} dbname=postgres',
                    '-c', f'CREATE DATABASE "{dbname}"'], check=True, capture_output=True)
    return f'{server} dbname={dbname}'


def query(db, sql):
    """The rows of SQL (no parameters) on the test's database, a file or a
    server's (new_database()), as tuples of Python values: integers, text
    and None alike on both engines."""
    if not db.startswith('host=') and '://' not in db:
        con = sqlite3.connect(db)
        try:
            return con.execute(sql).fetchall()
        finally:
            con.close()
    # psql prints text: the rows come back as JSON, which keeps numbers
    # numbers and NULL null; a json (not jsonb) object keeps its columns in
    # order, even two of one name.
    wrapped = f"SELECT coalesce (json_agg (t), '[]') FROM ({sql}) AS t"
    r = subprocess.run(['psql', '-X', '-q', '-A', '-t', '-v', 'ON_ERROR_STOP=1', '-d', db,
                        '-c', wrapped], check=True, capture_output=True, text=True)
    return json.loads(r.stdout, object_pairs_hook=lambda pairs: tuple(v for _, v in pairs))


def check(condition, message=''):
    if not condition:
        raise AssertionError(message)


def out(result):
    return result.stdout.decode('utf-8', 'replace')


def err(result):
    return result.stderr.decode('utf-8', 'replace')
