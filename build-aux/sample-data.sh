#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Writes the sample data of the screenshots and the README into a new
# database, through patella-cli: two pairs of shoes named for what they are
# (no brand), three weeks of runs and journal entries ending today.
#   build-aux/sample-data.sh NEW.db [urgent]
# "urgent" adds a knee that locked today, to see the same-day banner.
set -euo pipefail
cd "$(dirname "$0")/.."

db="$1"
if [ -e "$db" ]; then
  echo "sample-data.sh: $db exists; give the name of a new file" >&2
  exit 1
fi

cli() { _build/src/cli/patella-cli --db "$db" "$@" >/dev/null; }
day() { date -d "$1 days ago" +%F; }

cli shoe add "Road pair" --initial 290mi --default
cli shoe add "Trail pair" --initial 60mi

# Easy runs, then one long run: the load checks fire.
for ago in 20 18 16 13 11 9 6 4 2; do
  cli run add --date "$(day $ago)" --distance 6km --shoe "Road pair" --duration 36:00 --pain 2
done
cli run add --date "$(day 0)" --distance 14.5km --shoe "Trail pair" --duration 1:35:00 --pain 4

# Mild pain that comes and goes; a swollen knee after today's long run.
rest=(1 2 1 0 1 2 2 1 0 1 2 1 2 1)
activity=(2 3 none 2 3 none 3 2 none 2 3 none 3 3)
morning=(1 1 0 0 1 1 2 1 0 1 1 0 1 1)
for i in "${!rest[@]}"; do
  ago=$((14 - i))
  cli journal add --date "$(day $ago)" --pain "${rest[$i]}" --pain-activity "${activity[$i]}" \
    --pain-morning "${morning[$i]}" --symptom pain-stairs --note "Easy day $((i + 1)), stairs felt ok"
done

symptoms=(--symptom pain-stairs --symptom swelling)
if [ "${2:-}" = urgent ]; then
  symptoms+=(--symptom locking)
fi
cli journal add --pain 3 --pain-activity 4 "${symptoms[@]}" --note "Knee swollen after the long run"
cli ice log --minutes 15
echo "$db"
