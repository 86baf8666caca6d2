#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Installs the Debian 12 packages Sila Desk needs.
#   install-deps.sh app    what building and running the app needs
#   install-deps.sh test   the above, plus what the test suite needs
# Both README commands and .ci/run call this; nothing relies on packages
# installed by hand. The reason for each package is in HACKING.md.
set -euo pipefail

what=${1:-app}

app_packages=(
  build-essential pkg-config meson ninja-build gettext
  libglib2.0-dev libglib2.0-bin libgtk-4-dev libadwaita-1-dev
  libsqlite3-dev libicu-dev libxlsxwriter-dev libsodium-dev libzip-dev libjson-glib-dev
  libpq-dev libsecret-1-dev
  dconf-gsettings-backend
  libcairo2-dev libpango1.0-dev
  desktop-file-utils appstream
  itstool yelp-tools
  fonts-noto-core fonts-hosny-amiri
)

test_packages=(
  xvfb xauth dbus dbus-x11 at-spi2-core gir1.2-atspi-2.0 x11-utils xdotool
  python3 python3-openpyxl poppler-utils imagemagick
  clang libclang-rt-14-dev
  libreoffice-calc-nogui
  appstream-util groff-base bash-completion
  debhelper devscripts lintian dpkg-dev
  postgresql-15
)

packages=("${app_packages[@]}")
if [ "$what" = test ]; then
  packages+=("${test_packages[@]}")
fi

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done

if [ "${#missing[@]}" -eq 0 ]; then
  exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
  echo "Sila Desk needs these Debian packages: ${missing[*]}" >&2
  echo "Run this script as root, or install them with apt-get." >&2
  exit 1
fi

export DEBIAN_FRONTEND=noninteractive
apt-get update -q
apt-get install -y -q --no-install-recommends "${missing[@]}"
