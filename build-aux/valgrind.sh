#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs the core tests under valgrind memcheck: any invalid access or definite
# leak fails. Uses the README's build (build-aux/test.sh makes it).
#   build-aux/valgrind.sh [BUILD_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."

build_dir="${1:-_build}"
bash build-aux/install-deps.sh
[ -f "$build_dir/build.ninja" ] || meson setup "$build_dir"
meson compile -C "$build_dir"

suppressions=(--suppressions="$PWD/build-aux/valgrind.supp")
if [ -f /usr/share/glib-2.0/valgrind/glib.supp ]; then
  suppressions+=(--suppressions=/usr/share/glib-2.0/valgrind/glib.supp)
fi

wrapper="valgrind --quiet --tool=memcheck --leak-check=full --show-leak-kinds=definite"
wrapper+=" --errors-for-leak-kinds=definite --error-exitcode=1 --track-origins=no"
wrapper+=" --num-callers=30 ${suppressions[*]}"

export G_SLICE=always-malloc
# The crash test spends its time in child processes and sleeps: it is left out.
timeout 900 meson test -C "$build_dir" --print-errorlogs --num-processes 2 \
  --timeout-multiplier 10 --wrapper "$wrapper" \
  guidance parse reminders store journal advice export import backup
