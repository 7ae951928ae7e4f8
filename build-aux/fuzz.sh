#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Builds the libFuzzer targets of tests/fuzz/ with clang, AddressSanitizer and
# UndefinedBehaviorSanitizer, and runs each for a bounded time from the seed
# corpus (new inputs go to a scratch folder; the seeds are never changed).
#   build-aux/fuzz.sh [SECONDS_PER_TARGET]   (default 30)
set -euo pipefail
cd "$(dirname "$0")/.."

seconds="${1:-${FUZZ_SECONDS:-30}}"
build_dir=_build-fuzz
targets=(fuzz-gpx fuzz-json-import fuzz-parse fuzz-fit fuzz-tcx)
declare -A corpus=([fuzz-gpx]=gpx [fuzz-json-import]=json [fuzz-parse]=parse [fuzz-fit]=fit
                  [fuzz-tcx]=tcx)

bash build-aux/install-deps.sh

# The core library, instrumented for coverage and the sanitizers.
if [ ! -f "$build_dir/build.ninja" ]; then
  CC=clang meson setup "$build_dir" -Dbuildtype=debug -Db_lundef=false \
    -Db_sanitize=address,undefined -Dc_args=-fsanitize=fuzzer-no-link >/dev/null
fi
meson compile -C "$build_dir" src/core/patella-core

flags=(-g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined
       -I"$build_dir" -Isrc/core)
read -r -a pkg_flags <<<"$(pkg-config --cflags --libs glib-2.0 gio-2.0 sqlite3 json-glib-1.0 libarchive)"

export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1"
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1"
export TZ=Europe/Berlin LC_ALL=C.UTF-8

for target in "${targets[@]}"; do
  clang "${flags[@]}" "tests/fuzz/$target.c" "$build_dir/src/core/libpatella-core.a" \
    "${pkg_flags[@]}" -lm -o "$build_dir/$target"

  work="$build_dir/corpus-$target"
  mkdir -p "$work"
  echo "== Fuzzing $target for ${seconds}s"
  "$build_dir/$target" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
    -max_len=65536 -print_final_stats=1 "$work" "tests/fuzz/corpus/${corpus[$target]}" \
    2>"$build_dir/$target.log" || {
      tail -n 60 "$build_dir/$target.log"
      echo "fuzz.sh: $target found a failure; the input is in $build_dir" >&2
      exit 1
    }
  grep -E "stat::number_of_executed_units|Done" "$build_dir/$target.log" | head -n 2
done
echo "fuzz.sh: all targets ran ${seconds}s without a failure"
