#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# For developers: a screenshot of the app as a user sees it, driven by
# xdotool, under Xvfb. How the survey screenshots in data/screenshots were
# made (a demo database from `_build-tests/bench/bench-gen-surveys DB 6000`, then
# `sila --database DB settings set work_without_accounts 1` and
# `SILA_NEW_PIN=2580 sila --database DB survey kiosk-pin`):
#
#   xvfb-run -a -s "-screen 0 1280x800x24" build-aux/screenshot.sh DB out.png ar ctrl+5
#
# usage: screenshot.sh DB OUT.png LANG STEP…
#   STEP: a key for xdotool (ctrl+5), click:X,Y, type:TEXT, scroll:N (down, over the
#   content), sleep:SECONDS. SILA_FAKE_NOW fixes the app's clock (default 2026-10-20).
set -u
DB=$1; OUT=$2; L=$3; shift 3
B=${SILA_BUILDDIR:-$(dirname "$0")/../_build-tests}
export GSETTINGS_BACKEND=memory GSETTINGS_SCHEMA_DIR=$B/data LANG=C.UTF-8 GTK_A11Y=none \
       NO_AT_BRIDGE=1 GSK_RENDERER=cairo GDK_BACKEND=x11 SILA_LOCALEDIR=$B/po
export SILA_FAKE_NOW=${SILA_FAKE_NOW:-2026-10-20T09:00:00Z}
"$B/src/sila" --lang "$L" --database "$DB" > /dev/null 2>&1 &
PID=$!
sleep 3
for k in "$@"; do
  case $k in
    sleep:*) sleep "${k#sleep:}" ;;
    click:*) xy=${k#click:}; xdotool mousemove "${xy%,*}" "${xy#*,}" click 1 ;;
    type:*) xdotool type --delay 80 "${k#type:}" ;;
    scroll:*) xdotool mousemove 430 450 click --repeat "${k#scroll:}" --delay 60 5 ;;
    *) xdotool key "$k" ;;
  esac
  sleep 0.7
done
sleep 1.5
import -window root "$OUT"
kill $PID 2>/dev/null
wait $PID 2>/dev/null
exit 0
