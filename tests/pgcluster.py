#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""A throwaway PostgreSQL 15 cluster for the tests.

The cluster lives in a temporary folder, listens on a Unix socket in that
folder only (no TCP port), runs with fsync off, and is stopped and removed
at the end. `initdb` refuses to run as root: as root, the cluster belongs to
the `postgres` user (which the package creates) and is reached as the
database user `postgres`; as anyone else, it belongs to them.

As a module:

    with PgCluster() as pg:
        uri = pg.new_database()        # a fresh, empty database

As a command, it wraps a test program so that each test starts its own
server and stops it afterwards:

    pgcluster.py run -- PROGRAM ARGS…
    pgcluster.py restart CONNINFO      (the server of SILA_TEST_PG, at once)
    pgcluster.py stop CONNINFO         (stopped at once, until `start`)
    pgcluster.py start CONNINFO

PROGRAM sees SILA_TEST_PG, a libpq keyword string naming the server
("host=… port=… user=…") without a database; tests add "dbname=…" to it
(or call `pgcluster.py createdb` / `PgCluster.new_database`).
"""

import os
import pwd
import shutil
import signal
import subprocess
import sys
import tempfile
import time

PG_BIN = '/usr/lib/postgresql/15/bin'
PORT = 5432  # only names the socket file; nothing listens on TCP


def _as_root():
    return os.geteuid() == 0


class PgCluster:
    def __init__(self, durable=False, data_from=None):
        # durable: fsync and full page writes on, as an office's server runs
        # (the benchmarks); the tests run without them.
        # data_from: a data folder kept by keep_data(), started instead of
        # a new cluster (a benchmark's registry, made once).
        self.dir = None
        self.user = None
        self.count = 0
        self.durable = durable
        self.data_from = data_from

    # --- life -----------------------------------------------------------
    def __enter__(self):
        self.start()
        return self

    def __exit__(self, *exc):
        self.stop()
        return False

    def _run_as_owner(self, argv, **kw):
        if _as_root():
            argv = ['runuser', '-u', 'postgres', '--'] + argv
        return subprocess.run(argv, check=True, **kw)

    def start(self):
        self.dir = tempfile.mkdtemp(prefix='sila-pg-')
        if _as_root():
            pw = pwd.getpwnam('postgres')
            os.chown(self.dir, pw.pw_uid, pw.pw_gid)
            self.user = 'postgres'
        else:
            self.user = pwd.getpwuid(os.geteuid()).pw_name
        os.chmod(self.dir, 0o700)
        data = os.path.join(self.dir, 'data')
        if self.data_from:
            self._run_as_owner(['cp', '-a', self.data_from, data])
        else:
            # UTF-8 with the C.UTF-8 locale: text sorts by code point, as
            # SQLite's BINARY collation does, and Arabic is classified as
            # letters.
            self._run_as_owner([os.path.join(PG_BIN, 'initdb'), '--no-sync', '-E', 'UTF8',
                                '--locale=C.UTF-8', '--auth=trust', '-U', self.user, '-D',
                                data], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        self._ctl('start')
        # Root reaches the socket folder (0700, owned by postgres) anyway.
        return self

    def stop(self):
        if self.dir is None:
            return
        data = os.path.join(self.dir, 'data')
        try:
            self._run_as_owner([os.path.join(PG_BIN, 'pg_ctl'), '-s', '-D', data,
                                '-m', 'immediate', 'stop'],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        except subprocess.CalledProcessError:
            pass
        shutil.rmtree(self.dir, ignore_errors=True)
        self.dir = None

    def keep_data(self, dest):
        """Stops the server cleanly and moves its data folder to @dest (for
        PgCluster(data_from=dest) later); the cluster is then gone."""
        data = os.path.join(self.dir, 'data')
        self._run_as_owner([os.path.join(PG_BIN, 'pg_ctl'), '-w', '-s', '-D', data,
                            '-m', 'fast', 'stop'], stdout=subprocess.DEVNULL)
        shutil.move(data, dest)
        shutil.rmtree(self.dir, ignore_errors=True)
        self.dir = None

    def restart(self):
        """Stops the server at once and starts it again (for tests of a
        server going away mid-session)."""
        data = os.path.join(self.dir, 'data')
        self._run_as_owner([os.path.join(PG_BIN, 'pg_ctl'), '-w', '-s', '-D', data,
                            '-m', 'immediate', 'restart'], stdout=subprocess.DEVNULL)

    def _ctl(self, action):
        """Starts the server, or stops it at once."""
        data = os.path.join(self.dir, 'data')
        argv = [os.path.join(PG_BIN, 'pg_ctl'), '-w', '-s', '-D', data]
        if action == 'stop':
            argv += ['-m', 'immediate']
        else:
            # fsync off (the machine does not crash during a test) unless
            # durable (a benchmark of an office server), but
            # commits synchronous: an immediate stop must not lose a commit
            # the server acknowledged (tests/test_desks.py checks it).
            opts = f"-k {self.dir} -c listen_addresses='' -p {PORT} -c max_connections=60"
            if not self.durable:
                opts += " -c fsync=off -c full_page_writes=off"
            argv += ['-l', os.path.join(self.dir, 'server.log'), '-o', opts]
        self._run_as_owner(argv + [action], stdout=subprocess.DEVNULL)

    # --- use ------------------------------------------------------------
    @property
    def conninfo(self):
        """The server, without a database."""
        return f'host={self.dir} port={PORT} user={self.user}'

    def uri(self, dbname):
        return f'{self.conninfo} dbname={dbname}'

    def psql(self, dbname, sql):
        out = subprocess.run(['psql', '-X', '-q', '-A', '-t', '-v', 'ON_ERROR_STOP=1',
                              '-d', self.uri(dbname), '-c', sql],
                             check=True, capture_output=True, text=True)
        return out.stdout

    def new_database(self, name=None):
        """Creates an empty database and returns its libpq keyword string."""
        self.count += 1
        name = name or f'sila_test_{os.getpid()}_{self.count}'
        self.psql('postgres', f'CREATE DATABASE "{name}"')
        return self.uri(name)


def _main(argv):
    if len(argv) >= 2 and argv[1] == 'run':
        cmd = argv[2:]
        if cmd and cmd[0] == '--':
            cmd = cmd[1:]
        if not cmd:
            print('usage: pgcluster.py run -- PROGRAM [ARGS…]', file=sys.stderr)
            return 2
        with PgCluster() as pg:
            env = dict(os.environ, SILA_TEST_PG=pg.conninfo)
            proc = subprocess.Popen(cmd, env=env)
            try:
                return proc.wait()
            except KeyboardInterrupt:
                proc.send_signal(signal.SIGINT)
                return proc.wait()
    if len(argv) == 3 and argv[1] == 'createdb':
        # createdb CONNINFO: prints a new database's keyword string
        info = argv[2]
        name = f'sila_test_{os.getpid()}_{int(time.time() * 1e6) % 10**9}'
        subprocess.run(['psql', '-X', '-q', '-v', 'ON_ERROR_STOP=1', '-d',
                        f'{info} dbname=postgres', '-c', f'CREATE DATABASE "{name}"'],
                       check=True, capture_output=True)
        print(f'{info} dbname={name}')
        return 0
    if len(argv) == 3 and argv[1] == 'restart':
        # restart CONNINFO: stops the cluster whose socket folder CONNINFO's
        # host names at once and starts it again (a server going away
        # mid-session, for the driver's tests)
        fields = dict(kv.split('=', 1) for kv in argv[2].split() if '=' in kv)
        pg = PgCluster()
        pg.dir = fields['host']
        pg.restart()
        return 0
    if len(argv) == 3 and argv[1] in ('stop', 'start'):
        # stop CONNINFO / start CONNINFO: a server away for a while, then
        # back with the same options
        fields = dict(kv.split('=', 1) for kv in argv[2].split() if '=' in kv)
        pg = PgCluster()
        pg.dir = fields['host']
        pg._ctl(argv[1])
        return 0
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == '__main__':
    sys.exit(_main(sys.argv))
