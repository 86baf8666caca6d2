#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# For developers: regenerate po/sila.pot from po/POTFILES, merge it into
# po/ar.po, and list what still needs translating.
# usage: build-aux/update-po.sh [BUILDDIR]
set -euo pipefail
cd "$(dirname "$0")/.."
builddir=${1:-_build-tests}
meson compile -C "$builddir" sila-pot >/dev/null
msgmerge --quiet --no-fuzzy-matching --no-wrap --sort-by-file -o po/ar.po po/ar.po po/sila.pot
msgattrib --no-obsolete --no-wrap -o po/ar.po po/ar.po
msgattrib --untranslated --no-wrap po/ar.po | grep -E '^msgid' | grep -v '^msgid ""$' || true
msgfmt --check --statistics -o /dev/null po/ar.po
