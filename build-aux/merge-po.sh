#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# For developers: resolve a git merge conflict in po/ar.po by keeping the
# translations of both sides (ours first), then re-run build-aux/update-po.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
git show :2:po/ar.po > "$tmp/ours.po"
git show :3:po/ar.po > "$tmp/theirs.po"
msgcat --use-first --no-wrap "$tmp/ours.po" "$tmp/theirs.po" -o po/ar.po
rm -rf "$tmp"
git add po/ar.po
echo "po/ar.po: both sides kept; now run build-aux/update-po.sh"
