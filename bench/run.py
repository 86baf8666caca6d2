#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Sila Desk benchmarks: each figure is printed as a ratio against a floor
measured in the same run, on the same machine (SPEC.md, Measures).

usage: bench/run.py [--runs N] [--build DIR] [--database DB] [--section ID]
                    [startup] [surveys]

startup   start to first drawn window, and resident memory at that frame,
          against a minimal GTK 4 + libadwaita window (bench-minimal-window).
          --database and --section choose what sila opens (for example a
          generated 100,000-file registry and the beneficiaries list).
surveys   a year's survey results (everything the Surveys page and
          `sila survey results` show) on 200,000 responses, against the raw
          aggregate queries over every answer that give the same figures.
          The database is generated once (bench-gen-surveys) into the build
          folder, or --database names one; --responses changes the size.

Builds an optimized tree in _build-bench unless --build is given. Needs an X
display; without one it re-runs itself under xvfb-run.
"""
import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def ensure_build(build):
    if not os.path.exists(os.path.join(build, 'build.ninja')):
        subprocess.run(['meson', 'setup', build, '--buildtype=release'], cwd=ROOT, check=True,
                       stdout=subprocess.DEVNULL)
    subprocess.run(['meson', 'compile', '-C', build], cwd=ROOT, check=True,
                   stdout=subprocess.DEVNULL)


def first_frame(argv, env):
    """Runs a program that prints its first frame's time and RSS, then quits."""
    start = time.monotonic_ns() // 1000
    r = subprocess.run(argv, env=env, capture_output=True, text=True, timeout=120)
    values = dict(line.split() for line in r.stdout.splitlines() if line.count(' ') == 1)
    if 'first-frame-usec' not in values:
        raise SystemExit(f'{argv[0]} did not report a frame:\n{r.stdout}\n{r.stderr}')
    return (int(values['first-frame-usec']) - start) / 1000.0, int(values['rss-kb'])


def bench_startup(args, build):
    env = dict(os.environ, GSETTINGS_BACKEND='memory', GSK_RENDERER='cairo', GTK_A11Y='none',
               GSETTINGS_SCHEMA_DIR=os.path.join(build, 'data'),
               SILA_LOCALEDIR=os.path.join(build, 'po'), SILA_BENCH_EXIT_AFTER_DRAW='1')
    if args.section:
        env['SILA_BENCH_SECTION'] = args.section
    workdir = tempfile.mkdtemp(prefix='sila-bench-')
    database = args.database or os.path.join(workdir, 'bench.db')
    floor_cmd = [os.path.join(build, 'bench', 'bench-minimal-window')]
    sila_cmd = [os.path.join(build, 'src', 'sila'), '--database', database]

    if not os.path.exists(database):
        # A laptop that works without accounts opens straight on the main
        # window; otherwise the first start would show the set-up window.
        subprocess.run([os.path.join(build, 'src', 'sila'), '--database', database, 'settings',
                        'set', 'work_without_accounts', 'true'], env=env, check=True)
    first_frame(sila_cmd, env)  # warms the caches
    first_frame(floor_cmd, env)
    floor_ms, floor_kb, sila_ms, sila_kb = [], [], [], []
    for _ in range(args.runs):
        ms, kb = first_frame(floor_cmd, env)
        floor_ms.append(ms)
        floor_kb.append(kb)
        ms, kb = first_frame(sila_cmd, env)
        sila_ms.append(ms)
        sila_kb.append(kb)
    shutil.rmtree(workdir, ignore_errors=True)

    f_ms, s_ms = statistics.median(floor_ms), statistics.median(sila_ms)
    f_kb, s_kb = statistics.median(floor_kb), statistics.median(sila_kb)
    what = os.path.basename(database) if args.database else 'a new database'
    print(f'start to first drawn window ({what}, median of {args.runs}): '
          f'floor {f_ms:.0f} ms, sila {s_ms:.0f} ms, ratio {s_ms / f_ms:.2f} (target <= 1.5)')
    print(f'resident memory at the first frame: floor {f_kb / 1024:.1f} MiB, '
          f'sila {s_kb / 1024:.1f} MiB, ratio {s_kb / f_kb:.2f} (target <= 1.5)')


def bench_surveys(args, build):
    database = args.database or os.path.join(build, f'surveys-{args.responses}.db')
    if not os.path.exists(database):
        print(f'generating {args.responses} survey responses into {database} …', flush=True)
        subprocess.run([os.path.join(build, 'bench', 'bench-gen-surveys'), database,
                        str(args.responses)], check=True)
    # The last whole year of the generated data (November 2024 – October 2026).
    start, end = '2025-11-01', '2026-10-31'
    r = subprocess.run([os.path.join(build, 'bench', 'bench-surveys'), database, start, end,
                        str(args.runs), str(max(3, args.runs // 3))],
                       capture_output=True, text=True, check=True)
    values = dict(line.split() for line in r.stdout.splitlines())
    results, rollup = float(values['results-ms']), float(values['rollup-ms'])
    raw, overall = float(values['raw-ms']), float(values['overall-raw-ms'])
    print(f'a year of survey results ({start} – {end}, '
          f'{os.path.basename(database)}, median of {args.runs}):')
    print(f'  results (totals, every question, CSAT, NPS, by channel, type, month): '
          f'{results:.1f} ms (target < 200 ms)')
    print(f'  floor, the raw aggregate queries over every answer for the same figures: '
          f'{raw:.1f} ms; ratio {results / raw:.3f}')
    print(f'  the raw aggregate for the totals alone: {overall:.1f} ms; '
          f'ratio {results / overall:.3f}')
    print(f'  the running-count queries the results read, alone: {rollup:.1f} ms; '
          f'ratio {results / rollup:.2f}')


def main():
    parser = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    parser.add_argument('what', nargs='*', default=['startup'])
    parser.add_argument('--runs', type=int, default=15)
    parser.add_argument('--build', default=os.path.join(ROOT, '_build-bench'))
    parser.add_argument('--database')
    parser.add_argument('--section')
    parser.add_argument('--responses', type=int, default=200000)
    args = parser.parse_args()

    if not os.environ.get('DISPLAY') and 'startup' in args.what:
        os.execvp('xvfb-run', ['xvfb-run', '-a', '-s', '-screen 0 1280x800x24 -noreset',
                               sys.executable, *sys.argv])

    ensure_build(args.build)
    for what in args.what:
        if what == 'startup':
            bench_startup(args, args.build)
        elif what == 'surveys':
            bench_surveys(args, args.build)
        else:
            raise SystemExit(f'unknown benchmark {what}')


if __name__ == '__main__':
    main()
