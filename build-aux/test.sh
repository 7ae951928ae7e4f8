#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Builds Patella and runs the whole test suite headless: GUI tests in a real
# window under Xvfb, inside a private D-Bus session.
#   build-aux/test.sh [BUILD_DIR [MESON_SETUP_OPTIONS…]]
set -euo pipefail
cd "$(dirname "$0")/.."

build_dir="${1:-_build}"
shift || true

bash build-aux/install-deps.sh
[ -f "$build_dir/build.ninja" ] || meson setup "$build_dir" "$@"
meson compile -C "$build_dir"

export GSK_RENDERER=cairo
export NO_AT_BRIDGE=1
xvfb-run -a -s "-screen 0 1280x1024x24" \
  dbus-run-session -- meson test -C "$build_dir" --print-errorlogs --num-processes 2
