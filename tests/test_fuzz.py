#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The libFuzzer targets in tests/fuzz: each is compiled with clang and
AddressSanitizer + UndefinedBehaviorSanitizer against the core sources it
needs, then run from its seed corpus for a short while (SILA_FUZZ_SECONDS,
20 by default). Any crash, sanitizer report or leak fails the test. Skipped
when clang or its libFuzzer runtime is missing. HACKING.md ("Fuzzing") has
the command for a longer run."""
import os
import shlex
import shutil
import subprocess
import tempfile

from taplib import Skip, build_root, check, run, source_root, test

SECONDS = int(os.environ.get('SILA_FUZZ_SECONDS', '20'))
PACKAGES = ['glib-2.0', 'libzip', 'icu-uc', 'icu-i18n']
SANITIZE = ['-fsanitize=fuzzer,address,undefined', '-fno-sanitize-recover=undefined']

# What each target needs from src/core.
TARGETS = {
    'fuzz-csv': ['sila-csv.c', 'sila-table-common.c', 'sila-table-reader.c', 'sila-xlsx.c',
                 'sila-xlsx-package.c', 'sila-xlsx-values.c', 'sila-arabic.c',
                 'sila-display.c', 'sila-format.c', 'sila-text.c', 'sila-i18n.c'],
    'fuzz-xlsx': ['sila-xlsx.c', 'sila-xlsx-package.c', 'sila-xlsx-values.c',
                  'sila-table-common.c', 'sila-display.c', 'sila-format.c', 'sila-text.c',
                  'sila-i18n.c'],
}


def pkg_config(*args):
    r = subprocess.run(['pkg-config', *args, *PACKAGES], capture_output=True, text=True)
    check(r.returncode == 0, r.stderr)
    return shlex.split(r.stdout)


def clang_or_skip(tmp):
    clang = shutil.which('clang')
    if clang is None:
        raise Skip('clang is not installed')
    probe = os.path.join(tmp, 'probe.c')
    with open(probe, 'w') as f:
        f.write('#include <stdint.h>\n#include <stddef.h>\n'
                'int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n) { return 0; }\n')
    r = subprocess.run([clang, *SANITIZE, probe, '-o', os.path.join(tmp, 'probe')],
                       capture_output=True, text=True)
    if r.returncode != 0:
        raise Skip('clang has no libFuzzer runtime (libclang-rt-14-dev): ' + r.stderr[-200:])
    return clang


def build(clang, tmp, name):
    core = os.path.join(source_root(), 'src', 'core')
    out = os.path.join(tmp, name)
    cmd = [clang, '-g', '-O1', *SANITIZE, '-fno-omit-frame-pointer',
           '-I', build_root(), '-I', core, *pkg_config('--cflags'),
           os.path.join(source_root(), 'tests', 'fuzz', name + '.c'),
           *[os.path.join(core, f) for f in TARGETS[name]],
           *pkg_config('--libs'), '-lm', '-o', out]
    r = subprocess.run(cmd, capture_output=True, text=True)
    check(r.returncode == 0, ' '.join(cmd) + '\n' + r.stderr[-4000:])
    return out


def fuzz(name):
    with tempfile.TemporaryDirectory(prefix='sila-fuzz-') as tmp:
        clang = clang_or_skip(tmp)
        binary = build(clang, tmp, name)
        seeds = os.path.join(source_root(), 'tests', 'fuzz',
                             'corpus-' + name.split('-', 1)[1])
        work = os.path.join(tmp, 'corpus')
        os.mkdir(work)
        env = dict(os.environ, ASAN_OPTIONS='detect_leaks=1:abort_on_error=0',
                   UBSAN_OPTIONS='print_stacktrace=1:halt_on_error=1', G_DEBUG='')
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
        check('ERROR: AddressSanitizer' not in log and 'runtime error:' not in log,
              log[-6000:])
        check('stat::number_of_executed_units' in log, 'the fuzzer did not run:\n' + log[-2000:])


@test
def fuzz_csv():
    fuzz('fuzz-csv')


@test
def fuzz_xlsx():
    fuzz('fuzz-xlsx')


run()
