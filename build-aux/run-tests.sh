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
dbus-run-session -- xvfb-run -a -s "-screen 0 1280x800x24 -noreset" \
  meson test -C "$builddir" --no-rebuild --print-errorlogs "$@"
status=$?

/usr/bin/python3 build-aux/count-tests.py "$builddir/meson-logs/testlog.json"
count_status=$?
[ $status -eq 0 ] && status=$count_status
exit $status
