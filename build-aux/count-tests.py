#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Count individual test results from meson's testlog.json files (the
normal build's and the sanitizer build's, build-aux/run-tests.sh).

Every TAP line ("ok N ...", "not ok N ...") of every test program is one
result. A program that failed without reporting a failing subtest (a crash,
a wrong plan, a timeout) counts as one failure more. Prints the failures, then
the line "N passed, N failed" last. Exits 1 when anything failed or nothing ran.
"""
import json
import os
import re
import sys

TAP_LINE = re.compile(r'^(not ok|ok)\b(.*)$')

def read_entries(paths):
    """(label, entry) for every test of every log; the label names the build
    when there are several."""
    for path in paths:
        label = os.path.basename(os.path.dirname(os.path.dirname(os.path.abspath(path))))
        try:
            with open(path, encoding='utf-8', errors='replace') as f:
                entries = [json.loads(line) for line in f if line.strip()]
        except OSError as e:
            print(f'cannot read {path}: {e}')
            yield label, {'name': path, 'result': 'ERROR'}
            continue
        for entry in entries:
            yield label, entry


def main(paths):
    passed = failed = skipped = 0
    failures = []
    for label, entry in read_entries(paths):
        name = entry.get('name', '?')
        if len(paths) > 1:
            name = f'{label}: {name}'
        result = entry.get('result', 'ERROR')
        out = entry.get('stdout') or entry.get('stdo') or ''
        t_pass = t_fail = t_skip = 0
        for line in out.splitlines():
            m = TAP_LINE.match(line.strip())
            if not m:
                continue
            rest = m.group(2)
            directive = rest.split('#', 1)[1].strip().upper() if '#' in rest else ''
            if directive.startswith('SKIP'):
                t_skip += 1
            elif m.group(1) == 'ok':
                t_pass += 1
            elif directive.startswith('TODO'):
                t_skip += 1
            else:
                t_fail += 1
                failures.append(f'{name}: {line.strip()}')
        if result in ('OK', 'EXPECTEDFAIL'):
            if t_pass + t_fail + t_skip == 0:
                t_pass = 1
        elif result == 'SKIP':
            if t_pass + t_fail + t_skip == 0:
                t_skip = 1
        elif t_fail == 0:
            t_fail = 1
            failures.append(f'{name}: {result}')
        passed += t_pass
        failed += t_fail
        skipped += t_skip
    for f in failures:
        print('FAILED', f)
    if skipped:
        print(f'{skipped} skipped')
    if passed + failed == 0:
        failed = 1
        print('FAILED no test results were found')
    print(f'{passed} passed, {failed} failed')
    return 1 if failed else 0

if __name__ == '__main__':
    sys.exit(main(sys.argv[1:] or ['_build-tests/meson-logs/testlog.json']))
