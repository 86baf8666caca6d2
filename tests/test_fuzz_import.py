#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The whole-path import fuzz targets of tests/fuzz (fuzz-import-beneficiaries,
-requests, -surveys: table reader, row, core checks, the store's dry run on a
real SQLite file), each run from its seed corpus for a short while
(SILA_FUZZ_SECONDS, 10 by default). They are built only with -Dfuzzing=true,
in the sanitizer build of build-aux/run-tests.sh, where this test runs. Any
crash, sanitizer report or leak fails it. README.md ("Fuzzing") has the
command for a longer run."""
import os
import subprocess
import tempfile

from taplib import build_root, check, run, source_root, test

SECONDS = int(os.environ.get('SILA_FUZZ_SECONDS', '10'))


def fuzz(kind):
    binary = os.path.join(build_root(), 'tests', 'fuzz', 'fuzz-import-' + kind)
    check(os.access(binary, os.X_OK), f'{binary} was not built')
    seeds = os.path.join(source_root(), 'tests', 'fuzz', 'corpus-import-' + kind)
    with tempfile.TemporaryDirectory(prefix='sila-fuzz-import-') as tmp:
        work = os.path.join(tmp, 'corpus')
        os.mkdir(work)
        # Leaks count here: the fuzzers free everything they make.
        env = dict(os.environ, ASAN_OPTIONS='detect_leaks=1:abort_on_error=0',
                   UBSAN_OPTIONS='print_stacktrace=1:halt_on_error=1', G_DEBUG='',
                   TMPDIR=tmp)
        # New inputs go to the temporary corpus; the committed seeds stay.
        r = subprocess.run([binary, f'-max_total_time={SECONDS}', '-timeout=10',
                            '-rss_limit_mb=2048', '-max_len=65536', '-print_final_stats=1',
                            f'-artifact_prefix={tmp}/', work, seeds],
                           capture_output=True, text=True, env=env, timeout=SECONDS + 120)
        log = r.stdout + r.stderr
        for line in log.splitlines():
            if line.startswith(('stat::number_of_executed_units', 'Done ')):
                print('# ' + line, flush=True)
        check(r.returncode == 0, log[-6000:])
        check('ERROR: AddressSanitizer' not in log and 'runtime error:' not in log
              and 'ERROR: LeakSanitizer' not in log, log[-6000:])
        check('stat::number_of_executed_units' in log, 'the fuzzer did not run:\n' + log[-2000:])
        # Every seed was read, none crashed on the way in.
        check('INITED' in log, log[-2000:])


@test
def fuzz_import_beneficiaries():
    fuzz('beneficiaries')


@test
def fuzz_import_requests():
    fuzz('requests')


@test
def fuzz_import_surveys():
    fuzz('surveys')


run()
