#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs what Patella needs to build, run and test on Debian 12, if missing.
set -euo pipefail

packages=(
  meson ninja-build pkg-config gcc gettext
  libglib2.0-dev libglib2.0-dev-bin libgtk-4-dev libadwaita-1-dev
  libsqlite3-dev libnotify-dev libjson-glib-dev libgsound-dev libarchive-dev
  desktop-file-utils appstream sqlite3
  xvfb xauth dbus dbus-x11 at-spi2-core
  python3-dbusmock python3-gi gir1.2-glib-2.0 python3-pyatspi gir1.2-atspi-2.0
  imagemagick poppler-utils libpango1.0-dev libcairo2-dev
  clang libclang-rt-14-dev valgrind util-linux
)

missing=()
for package in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

echo "Installing: ${missing[*]}"
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  sudo="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -q
$sudo apt-get install -y -q --no-install-recommends "${missing[@]}"
