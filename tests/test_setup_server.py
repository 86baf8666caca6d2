#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""build-aux/setup-office-server.sh: its --dry-run changes nothing on this
machine; run against a throwaway cluster folder (--cluster-dir) on a free
port of 127.0.0.1 it makes a UTF-8 cluster, the app's role with a
scram-sha-256 password, the office's database with amcheck, one pg_hba.conf
line for the subnet, and prints the URI; run again, it changes nothing and
keeps the password; bad options exit 2."""
import os
import shutil
import socket
import subprocess

from taplib import check, run, source_root, tempdir, test

SCRIPT = os.path.join(source_root(), 'build-aux', 'setup-office-server.sh')
BIN = '/usr/lib/postgresql/15/bin'


def setup(*args, env=None):
    e = dict(os.environ)
    e.update(env or {})
    return subprocess.run(['bash', SCRIPT, *args], capture_output=True, text=True, env=e,
                          timeout=120)


def free_port():
    with socket.socket() as s:
        s.bind(('127.0.0.1', 0))
        return s.getsockname()[1]


def psql_tcp(port, password, sql, user='sila', db='office'):
    return subprocess.run(['psql', '-X', '-A', '-t', '-v', 'ON_ERROR_STOP=1',
                           '-d', f'host=127.0.0.1 port={port} user={user} dbname={db} '
                                 'sslmode=disable', '-c', sql],
                          capture_output=True, text=True,
                          env=dict(os.environ, PGPASSWORD=password, PGCONNECT_TIMEOUT='5'))


def snapshot(path):
    if not os.path.exists(path):
        return None
    return sorted((root, tuple(sorted(files))) for root, _, files in os.walk(path))


@test
def dry_run_changes_nothing():
    before = snapshot('/etc/postgresql')
    r = setup('--subnet', '192.168.10.0/24', '--dry-run', '--no-install', '--cluster',
              f'silatest{os.getpid()}')
    check(r.returncode == 0, r.stderr)
    check('would run: pg_createcluster 15' in r.stdout, r.stdout)
    check('scram-sha-256' in r.stdout and '192.168.10.0/24' in r.stdout, r.stdout)
    check('postgresql://sila@' in r.stdout and '/office' in r.stdout, r.stdout)
    check('~/.pgpass' in r.stdout, r.stdout)
    check(snapshot('/etc/postgresql') == before)


@test
def bad_options_exit_2():
    for args in ([], ['--subnet', 'office'], ['--subnet', '10.0.0.0/8', '--role', 'x; drop'],
                 ['--subnet', '10.0.0.0/8', '--database', 'Office Name'],
                 ['--subnet', '10.0.0.0/8', '--nonsense']):
        r = setup(*args, '--dry-run')
        check(r.returncode == 2, (args, r.returncode, r.stdout, r.stderr))


@test
def a_throwaway_cluster_is_set_up_once():
    parent = tempdir()
    os.chmod(parent, 0o755)   # the server's own account must reach its folder
    d = os.path.join(parent, 'cluster')
    port = free_port()
    args = ['--cluster-dir', d, '--port', str(port), '--listen', '127.0.0.1', '--host',
            '127.0.0.1', '--subnet', '127.0.0.1/32', '--no-install']
    owner = ['runuser', '-u', 'postgres', '--'] if os.geteuid() == 0 else []
    try:
        r = setup(*args, env={'SILA_DB_PASSWORD': 'office pass 1'})
        check(r.returncode == 0, (r.stdout, r.stderr))
        uri = f'postgresql://sila@127.0.0.1:{port}/office'
        check(uri in r.stdout, r.stdout)
        check('office pass 1' in r.stdout, 'the new password is shown once')
        hba = os.path.join(d, 'data', 'pg_hba.conf')
        with open(hba) as f:
            lines = [l for l in f if 'sila-desk:' in l]
        check(len(lines) == 1 and '127.0.0.1/32' in lines[0] and 'scram-sha-256' in lines[0],
              lines)

        # The role signs in over TCP with its password, and only with it.
        q = psql_tcp(port, 'office pass 1',
                     "SELECT current_user, pg_encoding_to_char(encoding), datctype "
                     "FROM pg_database WHERE datname = 'office'")
        check(q.returncode == 0, q.stderr)
        check(q.stdout.strip() == 'sila|UTF8|C.UTF-8', q.stdout)
        q = psql_tcp(port, 'wrong', 'SELECT 1')
        check(q.returncode != 0 and 'password authentication failed' in q.stderr, q.stderr)
        q = psql_tcp(port, 'office pass 1',
                     "SELECT rolpassword LIKE 'SCRAM-SHA-256$%' FROM pg_authid", user='sila')
        check(q.returncode != 0, 'the app role is not a superuser')
        # It owns its database and may run amcheck's checks there.
        q = psql_tcp(port, 'office pass 1',
                     "CREATE TABLE t (id int PRIMARY KEY); "
                     "SELECT bt_index_check('t_pkey'::regclass, true); "
                     "SELECT count(*) FROM verify_heapam('t'::regclass)")
        check(q.returncode == 0, q.stderr)

        # Again: nothing changes, the password stays.
        with open(hba) as f:
            hba_before = f.read()
        with open(os.path.join(d, 'data', 'postgresql.conf')) as f:
            conf_before = f.read()
        r = setup(*args, env={'SILA_DB_PASSWORD': 'another one'})
        check(r.returncode == 0, (r.stdout, r.stderr))
        check('Reusing the cluster' in r.stdout and 'Reusing the role' in r.stdout
              and 'Reusing the database' in r.stdout, r.stdout)
        check('another one' not in r.stdout)
        with open(hba) as f:
            check(f.read() == hba_before)
        with open(os.path.join(d, 'data', 'postgresql.conf')) as f:
            check(f.read() == conf_before)
        check(psql_tcp(port, 'office pass 1', 'SELECT 1').returncode == 0)

        # Another subnet takes the place of the first, not a second line.
        r = setup(*[a if a != '127.0.0.1/32' else '127.0.0.0/8' for a in args])
        check(r.returncode == 0, (r.stdout, r.stderr))
        with open(hba) as f:
            lines = [l for l in f if 'sila-desk:' in l]
        check(len(lines) == 1 and '127.0.0.0/8' in lines[0], lines)
        check(psql_tcp(port, 'office pass 1', 'SELECT 1').returncode == 0)
    finally:
        subprocess.run([*owner, os.path.join(BIN, 'pg_ctl'), '-D', os.path.join(d, 'data'),
                        '-m', 'immediate', '-s', 'stop'], capture_output=True)
        shutil.rmtree(os.path.dirname(d), ignore_errors=True)


run()
