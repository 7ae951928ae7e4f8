#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Builds Patella and starts it from the build folder, in the desktop's
# language and with its own icon, as if it were installed.
#   build-aux/run.sh [PATELLA_ARGUMENTS…]
#   build-aux/run.sh --env   prints that environment, without building
# PATELLA_BUILD_DIR chooses the build folder (default: _build).
set -euo pipefail
cd "$(dirname "$0")/.."

build_dir="${PATELLA_BUILD_DIR:-_build}"

# Translations from the build folder (po/LANG/LC_MESSAGES/patella.mo), the
# settings schema from there too, and the application icon from data/icons.
export PATELLA_LOCALEDIR="$PWD/$build_dir/po"
export GSETTINGS_SCHEMA_DIR="$PWD/$build_dir/data${GSETTINGS_SCHEMA_DIR:+:$GSETTINGS_SCHEMA_DIR}"
export XDG_DATA_DIRS="$PWD/data:${XDG_DATA_DIRS:-/usr/local/share:/usr/share}"

if [ "${1:-}" = "--env" ]; then
  printf 'PATELLA_LOCALEDIR=%s\nGSETTINGS_SCHEMA_DIR=%s\nXDG_DATA_DIRS=%s\n' \
    "$PATELLA_LOCALEDIR" "$GSETTINGS_SCHEMA_DIR" "$XDG_DATA_DIRS"
  exit 0
fi

bash build-aux/install-deps.sh
[ -f "$build_dir/build.ninja" ] || meson setup "$build_dir"
meson compile -C "$build_dir"

if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  echo "No display found, so Patella's window cannot open here."
  echo "The command-line companion works without one:"
  echo "  $build_dir/src/cli/patella-cli --help"
  echo "  $build_dir/src/cli/patella-cli status"
  exit 1
fi

exec "$build_dir/src/patella" "$@"
