#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Builds Patella and starts it from the build folder.
set -euo pipefail
cd "$(dirname "$0")/.."

bash build-aux/install-deps.sh
[ -f _build/build.ninja ] || meson setup _build
meson compile -C _build

if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  echo "No display found, so Patella's window cannot open here."
  echo "The command-line companion works without one:"
  echo "  _build/src/cli/patella-cli --help"
  echo "  _build/src/cli/patella-cli status"
  exit 1
fi

# Use the settings schema from the build folder when Patella is not installed.
export GSETTINGS_SCHEMA_DIR="$PWD/_build/data${GSETTINGS_SCHEMA_DIR:+:$GSETTINGS_SCHEMA_DIR}"
exec _build/src/patella "$@"
