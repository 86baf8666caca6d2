#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# README command 2: install what the app and its tests need, build, and run
# every test (window tests in a real X server, under a private D-Bus session).
# Ends with one line "N passed, N failed" counted from the individual results.
set -uo pipefail
cd "$(dirname "$0")/.."

bash build-aux/install-deps.sh test || exit 2

builddir=${SILA_BUILDDIR:-_build-tests}
if [ ! -f "$builddir/build.ninja" ]; then
  meson setup "$builddir" --buildtype=debug -Dwerror=true || exit 2
fi
meson compile -C "$builddir" || exit 2

rm -f "$builddir/meson-logs/testlog.json"
# The tests' home (tests/meson.build) gets its font cache before the tests
# start, rather than from several window tests building it at once.
mkdir -p "$builddir/tests/home/.cache"
XDG_CACHE_HOME="$builddir/tests/home/.cache" HOME="$builddir/tests/home" fc-list >/dev/null 2>&1
dbus-run-session -- xvfb-run -a -s "-screen 0 1280x800x24 -noreset" \
  meson test -C "$builddir" --no-rebuild --print-errorlogs "$@"
status=$?
logs=("$builddir/meson-logs/testlog.json")

# A second build with AddressSanitizer and UndefinedBehaviorSanitizer, built
# with clang so that the whole-path import fuzzers (-Dfuzzing=true) build too.
# It runs the suite "sanitize" of tests/meson.build: the readers of outside
# files, the checks, the imports, the command line and those fuzzers. Its
# results are counted in the same closing line. Only what those tests need is
# compiled. SILA_SANITIZE=0 leaves it out (e.g. to rerun a few tests).
asandir=${SILA_ASAN_BUILDDIR:-_build-asan}
if [ "${SILA_SANITIZE:-1}" != 0 ] && [ $# -eq 0 ]; then
  if [ ! -f "$asandir/build.ninja" ]; then
    CC=clang meson setup "$asandir" --buildtype=debug -Db_sanitize=address,undefined \
      -Db_lundef=false -Dfuzzing=true || exit 2
  fi
  mapfile -t asan_targets < <(/usr/bin/python3 - "$asandir" <<'PY'
import json, os, subprocess, sys
build = os.path.abspath(sys.argv[1])
def introspect(what):
    return json.loads(subprocess.run(['meson', 'introspect', build, what], check=True,
                                     capture_output=True, text=True).stdout)
files = {t['id']: t['filename'] for t in introspect('--targets')}
wanted = {'gsettings-compile-data', 'sila-ar.mo'}
paths = set()
for t in introspect('--tests'):
    if 'sila:sanitize' not in t['suite']:
        continue
    if t['cmd'][0].startswith(build):
        paths.add(t['cmd'][0])
    for dep in t['depends']:
        paths.update(files.get(dep, []))
for t in introspect('--targets'):
    if t['name'] in wanted:
        paths.update(t['filename'])
for p in sorted(paths):
    print(os.path.relpath(p, build))
PY
  ) || exit 2
  ninja -C "$asandir" "${asan_targets[@]}" || exit 2

  rm -f "$asandir/meson-logs/testlog.json"
  # The window library leaks by design (GLib types, caches): leak detection
  # is off for the programs linked with it, and on in the unit tests and the
  # fuzzers, which set their own ASAN_OPTIONS (tests/meson.build,
  # tests/test_fuzz_import.py). Any report aborts the program, so that no
  # test can pass over it.
  ASAN_OPTIONS=detect_leaks=0:abort_on_error=1:halt_on_error=1 \
  UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1:abort_on_error=1 \
    dbus-run-session -- xvfb-run -a -s "-screen 0 1280x800x24 -noreset" \
    meson test -C "$asandir" --no-rebuild --print-errorlogs --suite sanitize
  asan_status=$?
  [ $status -eq 0 ] && status=$asan_status
  logs+=("$asandir/meson-logs/testlog.json")
fi

/usr/bin/python3 build-aux/count-tests.py "${logs[@]}"
count_status=$?
[ $status -eq 0 ] && status=$count_status
exit $status
