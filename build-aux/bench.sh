#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Builds Patella (optimised, as shipped) and runs every benchmark headless,
# under Xvfb inside a private D-Bus session, then prints the figures as
# Markdown for README.md. Timing wants a quiet machine.
#   build-aux/bench.sh [BUILD_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."

build_dir="${1:-_build}"

[ -f "$build_dir/build.ninja" ] || meson setup "$build_dir" -Dbuildtype=debugoptimized
meson compile -C "$build_dir"

rm -f "$build_dir/tests/bench/results.json"
status=0
xvfb-run -a -s "-screen 0 1280x900x24" \
  dbus-run-session -- meson test -C "$build_dir" --benchmark --print-errorlogs || status=$?

echo
BENCH_RESULTS="$build_dir/tests/bench/results.json" /usr/bin/python3 tests/bench/bench.py report
exit $status
