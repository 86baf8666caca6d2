#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# README command 1: install what the app needs, build it, install it under
# /usr/local (desktop file, icon, settings schema, translations) and start it.
# Arguments are passed to the app, e.g. --database /path/to/file.db
set -euo pipefail
cd "$(dirname "$0")/.."

bash build-aux/install-deps.sh app

if [ ! -f _build/build.ninja ]; then
  meson setup _build --prefix=/usr/local --buildtype=debugoptimized
fi
meson compile -C _build
meson install -C _build --quiet
# The schema and icon caches under /usr/local are refreshed by the install.
exec /usr/local/bin/sila "$@"
