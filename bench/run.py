#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Sila Desk benchmarks: each figure is printed as a ratio against a floor
measured in the same run, on the same machine (SPEC.md, Measures).

usage: bench/run.py [--runs N] [--build DIR] [--database DB] [--section ID]
                    [--files N] [--requests N] [--seed S]
                    [generate] [startup] [search] [save] [surveys] [requests] [reports]
                    [server] [--desks N] [--operations N] [--pg-data DIR]

generate  writes a synthetic registry (bench/sila-generate.c: Arabic names
          from realistic distributions, households, incomes, mobiles,
          districts of Makkah; --files, 100,000 by default; --seed) and
          support requests over them (bench/gen-requests.c: --requests,
          300,000 by default, received over two years, in realistic states)
          to --database, or to bench/out/registry-FILES.db; once is enough.
startup   start to first drawn window, and resident memory at that frame,
          against a minimal GTK 4 + libadwaita window (bench-minimal-window).
          --database and --section choose what sila opens (for example a
          generated 100,000-file registry and the beneficiaries list).
search    search as you type on --database (or the generated registry),
          against the raw FTS5 query of the same keystrokes.
save      saving an intake, on a copy of the registry, against a raw SQLite
          insert of the same row.
surveys   a year's survey results (everything the Surveys page and
          `sila survey results` show) on 200,000 responses, against the raw
          aggregate queries over every answer that give the same figures.
          The database is generated once (bench-gen-surveys) into the build
          folder, or --database names one; --responses changes the size.

requests  at 300,000 requests: opening one with its checklist and timeline,
          against the same raw SELECTs; moving one a step (a durable
          transaction with its timeline and audit), on a copy, against the
          raw writes alone. Target: each under 50 ms.

reports   the board's report of a month with 10,000 requests received (on the
          benchmark registry: 100,000 files and a year of requests, contacts,
          surveys and the register, generated once by sila-generate and
          bench-gen-reports into the build folder, or --database): the whole
          workbook export (queries, figures, formats, charts, print set-up,
          the register of every request) against bare libxlsxwriter writing
          the same cells (dumped from that workbook), and the PDF.

server    issue 14 on a PostgreSQL server over its Unix socket (a throwaway
          cluster of tests/pgcluster.py, durable as an office's server:
          fsync and synchronous commits on). The registry (--files,
          --requests, --seed) is put on the server once and its data folder
          kept in /tmp/sila-pgbench-registry-FILES (--pg-data); each run
          starts a cluster on a copy of it, and stops and removes it. Then:
          search as you type (bench/bench-server.c) against the same tsquery
          on the GIN index alone; saving an intake against a raw insert of
          the same rows in one transaction; ten desks saving at once
          (tests/sila-desk-load.c, --desks, --operations): the 95th
          percentile of a save and lost updates counted.

Beneficiary files, a typical run (about ten minutes on two cores):
  bench/run.py generate
  bench/run.py search save
  bench/run.py startup --database bench/out/registry-100000.db --section beneficiaries

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
        # Nor a daily backup at every start of the benchmark.
        subprocess.run([os.path.join(build, 'src', 'sila'), '--database', database, 'settings',
                        'set', 'backup_daily', 'false'], env=env, check=True)
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


def registry_path(args):
    return args.database or os.path.join(ROOT, 'bench', 'out', f'registry-{args.files}.db')


def bench_generate(args, build):
    path = registry_path(args)
    if os.path.exists(path):
        print(f'{path} exists: remove it to generate it again')
        return
    os.makedirs(os.path.dirname(path), exist_ok=True)
    subprocess.run([os.path.join(build, 'bench', 'sila-generate'), '--database', path,
                    '--files', str(args.files), '--requests', str(args.requests),
                    '--seed', str(args.seed)], check=True)
    print(f'{path}: {os.path.getsize(path) / 2**20:.0f} MiB')


def bench_store(args, build, what):
    path = registry_path(args)
    if not os.path.exists(path):
        raise SystemExit(f'{path} does not exist: run "bench/run.py generate" first')
    tool = os.path.join(build, 'bench', 'sila-bench-store')
    if what == 'search':
        subprocess.run([tool, 'search', path], check=True)
        return
    # Saving writes: work on a copy, so that the registry stays as generated.
    workdir = tempfile.mkdtemp(prefix='sila-bench-')
    try:
        copy = os.path.join(workdir, 'registry.db')
        shutil.copyfile(path, copy)
        subprocess.run([tool, 'save', copy], check=True)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


def bench_requests(args, build):
    path = registry_path(args)
    if not os.path.exists(path):
        raise SystemExit(f'{path} does not exist: run "bench/run.py generate" first')
    tool = os.path.join(build, 'bench', 'bench-requests')
    runs = str(max(args.runs, 200))
    r = subprocess.run([tool, 'open', path, runs], capture_output=True, text=True, check=True)
    opened = dict(line.split() for line in r.stdout.splitlines())
    workdir = tempfile.mkdtemp(prefix='sila-bench-')
    try:
        copy = os.path.join(workdir, 'registry.db')
        shutil.copyfile(path, copy)
        r = subprocess.run([tool, 'move', copy, str(max(args.runs, 100))], capture_output=True,
                           text=True, check=True)
        moved = dict(line.split() for line in r.stdout.splitlines())
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    print(f'support requests ({os.path.basename(path)}):')
    print(f'  open a request with its checklist and timeline: {opened["open-ms"]} ms median, '
          f'{opened["open-p90-ms"]} ms 90th percentile (target < 50 ms); raw queries '
          f'{opened["open-raw-ms"]} ms; ratio {opened["open-ratio"]} '
          f'({opened["documents-per-request"]} documents, {opened["steps-per-request"]} steps '
          f'on average)')
    print(f'  move a request one step (durable): {moved["move-ms"]} ms median, '
          f'{moved["move-p90-ms"]} ms 90th percentile (target < 50 ms); raw writes '
          f'{moved["move-raw-ms"]} ms; ratio {moved["move-ratio"]}')


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


def dump_cells(xlsx, tsv):
    """Every cell of a workbook as 'sheet row col type value' lines, for the
    raw libxlsxwriter floor to write the same cells."""
    import datetime
    import openpyxl

    def esc(text):
        return text.replace('\\', '\\\\').replace('\t', '\\t').replace('\n', '\\n')

    wb = openpyxl.load_workbook(xlsx)
    n = 0
    with open(tsv, 'w', encoding='utf-8') as f:
        for index, ws in enumerate(wb.worksheets):
            f.write(f'#sheet\t{esc(ws.title)}\n')
            for row in ws.iter_rows():
                for cell in row:
                    v = cell.value
                    if v is None:
                        continue
                    if isinstance(v, datetime.datetime):
                        kind, text = 'd', v.strftime('%Y-%m-%d')
                    elif isinstance(v, (int, float)):
                        kind, text = 'n', repr(float(v))
                    else:
                        kind, text = 's', esc(str(v))
                    f.write(f'{index}\t{cell.row - 1}\t{cell.column - 1}\t{kind}\t{text}\n')
                    n += 1
    return n


def bench_reports(args, build):
    database = args.database or os.path.join(build, 'reports-100k.db')
    month = '2026-10'
    if not os.path.exists(database):
        print(f'generating the benchmark registry into {database} …', flush=True)
        subprocess.run([os.path.join(build, 'bench', 'sila-generate'), '--database', database,
                        '--files', '100000'], check=True,
                       env=dict(os.environ, SILA_FAKE_NOW='2025-10-01T08:00:00Z'))
        subprocess.run([os.path.join(build, 'bench', 'bench-gen-reports'), database,
                        '--until', '2026-10-31', '--months', '12', '--requests', '10000'],
                       check=True)
    workdir = tempfile.mkdtemp(prefix='sila-bench-')
    xlsx, pdf = os.path.join(workdir, 'report.xlsx'), os.path.join(workdir, 'report.pdf')
    env = dict(os.environ, SILA_FAKE_NOW='2026-11-05T09:00:00Z', LANG='C.UTF-8')
    r = subprocess.run([os.path.join(build, 'bench', 'bench-reports'), 'report', database, month,
                        str(args.runs), xlsx, pdf], capture_output=True, text=True, check=True,
                       env=env)
    ours = dict(line.split() for line in r.stdout.splitlines())
    tsv = os.path.join(workdir, 'cells.tsv')
    dump_cells(xlsx, tsv)
    r = subprocess.run([os.path.join(build, 'bench', 'bench-reports'), 'raw', tsv, str(args.runs),
                        os.path.join(workdir, 'raw.xlsx')], capture_output=True, text=True,
                       check=True, env=env)
    raw = dict(line.split() for line in r.stdout.splitlines())
    figures, export, pdf_ms = (float(ours['figures-ms']), float(ours['xlsx-ms']),
                               float(ours['pdf-ms']))
    write, draw = float(ours['xlsx-write-ms']), float(ours['pdf-write-ms'])
    floor = float(raw['raw-ms'])
    size = os.path.getsize(xlsx)
    print(f"the board's report for {month} ({ours['requests']} requests received; "
          f"{os.path.basename(database)}), median of {args.runs}:")
    print(f"  raw libxlsxwriter writing the same {raw['cells']} cells: {floor:.1f} ms")
    print(f'  the workbook written from the computed figures ({size // 1024} KiB): '
          f'{write:.1f} ms, ratio {write / floor:.2f} (target <= 1.3)')
    print(f'  the figures (every query, this period and the one before): {figures:.1f} ms')
    print(f'  the workbook from the database (figures and file, as `sila report --xlsx`): '
          f'{export:.1f} ms, ratio {export / floor:.2f}')
    print(f'  the PDF from the database: {pdf_ms:.1f} ms (target < 1000 ms); '
          f'from the computed figures: {draw:.1f} ms')
    shutil.rmtree(workdir, ignore_errors=True)


def percentile(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(len(values) * p))]


def fill_server(args, build, pg):
    """Puts the registry on the server: `db copy-to` from the generated
    SQLite registry when the command exists, else the generator writing
    to the server itself through the store."""
    sila = os.path.join(build, 'src', 'sila')
    uri = pg.new_database('registry')
    help_text = subprocess.run([sila, '--help'], capture_output=True, text=True).stdout
    source = registry_path(args)
    start = time.monotonic()
    if 'copy-to' in help_text and os.path.exists(source):
        subprocess.run([sila, '--lang', 'en', '--database', source, 'db', 'copy-to', uri],
                       check=True)
        print(f'db copy-to of {os.path.basename(source)}: {time.monotonic() - start:.1f} s')
    else:
        subprocess.run([os.path.join(build, 'bench', 'sila-generate'), '--database', uri,
                        '--files', str(args.files), '--requests', str(args.requests),
                        '--seed', str(args.seed)], check=True)
        print(f'the registry generated on the server ({args.files} files, {args.requests} '
              f'requests): {time.monotonic() - start:.0f} s')


def desks_at_once(build, pg, uri, desks, operations):
    """Ten desks (processes) saving at once; each line a desk prints is an
    acknowledged operation (tests/sila-desk-load.c)."""
    tool = os.path.join(build, 'tests', 'sila-desk-load')
    # Desk D gives its files the ID numbers 1DD000001…; the registry's are
    # random: desks whose numbers a registry file already has sit out.
    taken = set(pg.psql('registry', f"SELECT DISTINCT substr (id_number, 2, 2) FROM "
                                    f"beneficiaries WHERE id_number ~ '^1[0-9]{{2}}0000' AND "
                                    f"substr (id_number, 4, 6)::int <= {operations}").split())
    numbers = [d for d in range(1, 99) if f'{d:02d}' not in taken][:desks]
    shared = subprocess.run([tool, uri, 'setup'], capture_output=True, text=True,
                            check=True).stdout.strip()
    procs = [subprocess.Popen([tool, uri, str(d), str(operations), shared],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for d in numbers]
    times = {'file': [], 'request': [], 'moved': [], 'edit': []}
    revs, conflicts, retries = [], 0, 0
    for p in procs:
        out, err = p.communicate()
        if p.returncode != 0:
            raise SystemExit(f'a desk failed:\n{err}')
        retries += err.count('retrying')
        for line in out.splitlines():
            f = line.split()
            if f[0] in ('file', 'request'):
                times[f[0]].append(int(f[3]) / 1000)
            elif f[0] == 'moved':
                times['moved'].append(int(f[2]) / 1000)
            elif f[0] == 'edit':
                revs.append(int(f[1]))
                times['edit'].append(int(f[2]) / 1000)
            elif f[0] == 'conflict':
                conflicts += 1
    return shared, times, revs, conflicts, retries


def bench_server(args, build):
    sys.path.insert(0, os.path.join(ROOT, 'tests'))
    from pgcluster import PgCluster

    kept = args.pg_data or f'/tmp/sila-pgbench-registry-{args.files}'
    if not os.path.exists(kept):
        with PgCluster(durable=True) as pg:
            fill_server(args, build, pg)
            # Statistics and the visibility map, as autovacuum leaves a
            # server that has been running for a while.
            pg.psql('registry', 'VACUUM ANALYZE')
            pg.keep_data(kept)
    tool = os.path.join(build, 'bench', 'bench-server')
    with PgCluster(durable=True, data_from=kept) as pg:
        uri = pg.uri('registry')
        print(f'on a PostgreSQL 15 server over its Unix socket (durable), '
              f'load {os.getloadavg()[0]:.1f}:')
        r = subprocess.run([tool, 'search', uri, str(args.search_files)], capture_output=True,
                           text=True, check=True)
        v = {k: float(x) for k, x in (line.split() for line in r.stdout.splitlines())}
        print(f"  search as you type ({v['files']:.0f} files, {v['keystrokes']:.0f} "
              f"keystrokes: names as written and in two spelling variants, mobiles in "
              f"Arabic-Indic digits):")
        print(f"    the newest {50} matches with their rows "
              f"(sila_store_search_beneficiaries): {v['search-ms']:.2f} ms median, "
              f"{v['search-p90-ms']:.2f} ms 90th percentile; floor, the same tsquery on the "
              f"GIN index alone: {v['floor-page-ms']:.2f} ms; ratio "
              f"{v['search-ms'] / v['floor-page-ms']:.2f} (target <= 2, and <= 30 ms)")
        print(f"    a keystroke in the window's list, on the main thread (its first "
              f"{60} numbers, then the first page's rows): {v['list-ms']:.2f} ms median, "
              f"{v['list-p90-ms']:.2f} ms 90th percentile; floor, the newest {60} on the "
              f"GIN index alone: {v['floor-first-ms']:.2f} ms "
              f"({v['floor-first-p90-ms']:.2f}); ratio "
              f"{v['list-ms'] / v['floor-first-ms']:.2f} (target <= 2, and <= 30 ms)")
        print(f"    until the list's whole count is known (every matching number, read "
              f"in a thread on a second connection, from the keystroke): "
              f"{v['list-whole-ms']:.2f} ms median, {v['list-whole-p90-ms']:.2f} ms 90th "
              f"percentile; floor, every matching number alone: {v['floor-all-ms']:.2f} ms "
              f"({v['floor-all-p90-ms']:.2f}); ratio "
              f"{v['list-whole-ms'] / v['floor-all-ms']:.2f}")
        r = subprocess.run([tool, 'save', uri, str(max(args.runs, 100))], capture_output=True,
                           text=True, check=True)
        v = {k: float(x) for k, x in (line.split() for line in r.stdout.splitlines())}
        print(f"  save an intake ({v['saves']:.0f} saves, {v['rows-per-save']:.0f} rows each): "
              f"{v['save-ms']:.2f} ms median ({v['save-p90-ms']:.2f}); floor, a raw insert of "
              f"the same rows in one transaction: {v['floor-ms']:.2f} ms; ratio "
              f"{v['save-ms'] / v['floor-ms']:.2f} (target <= 3)")
        shared, times, revs, conflicts, retries = desks_at_once(build, pg, uri, args.desks,
                                                                args.operations)
        final = int(pg.psql('registry', f"SELECT rev FROM beneficiaries WHERE id = '{shared}'"))
        # Every acknowledged edit made its own revision, and the file's
        # revision counts them all: otherwise one overwrote another.
        lost = (len(revs) - len(set(revs))) + abs(final - 1 - len(revs))
        saves = times['file']
        print(f"  {args.desks} desks at once, {args.operations} operations each (a new file, "
              f"a request opened and moved, the same shared file edited, a search):")
        print(f"    save a file: {statistics.median(saves):.1f} ms median, "
              f"{percentile(saves, 0.95):.1f} ms 95th percentile (target <= 50 ms); "
              f"open a request {percentile(times['request'], 0.95):.1f} ms, move it "
              f"{percentile(times['moved'], 0.95):.1f} ms, edit the shared file "
              f"{percentile(times['edit'], 0.95):.1f} ms (95th percentiles)")
        print(f"    the shared file: {len(revs)} edits acknowledged, {conflicts} refused as "
              f"conflicts, revision {final}; lost updates {lost} (must be 0); "
              f"{retries} retries after busy")
    print(f'  load average at the end: {", ".join(f"{x:.1f}" for x in os.getloadavg())}')


def main():
    parser = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    parser.add_argument('what', nargs='*', default=['startup'])
    parser.add_argument('--runs', type=int, default=15)
    parser.add_argument('--build', default=os.path.join(ROOT, '_build-bench'))
    parser.add_argument('--database')
    parser.add_argument('--section')
    parser.add_argument('--files', type=int, default=100000)
    parser.add_argument('--requests', type=int, default=300000)
    parser.add_argument('--seed', type=int, default=1446)
    parser.add_argument('--responses', type=int, default=200000)
    parser.add_argument('--pg-data')
    parser.add_argument('--search-files', type=int, default=50)
    parser.add_argument('--desks', type=int, default=10)
    parser.add_argument('--operations', type=int, default=30)
    args = parser.parse_args()

    if 'startup' in args.what and not os.environ.get('DISPLAY'):
        os.execvp('xvfb-run', ['xvfb-run', '-a', '-s', '-screen 0 1280x800x24 -noreset',
                               sys.executable, *sys.argv])

    ensure_build(args.build)
    for what in args.what:
        if what == 'startup':
            bench_startup(args, args.build)
        elif what == 'generate':
            bench_generate(args, args.build)
        elif what in ('search', 'save'):
            bench_store(args, args.build, what)
        elif what == 'surveys':
            bench_surveys(args, args.build)
        elif what == 'requests':
            bench_requests(args, args.build)
        elif what == 'reports':
            bench_reports(args, args.build)
        elif what == 'server':
            bench_server(args, args.build)
        else:
            raise SystemExit(f'unknown benchmark {what}')


if __name__ == '__main__':
    main()
