#!/usr/bin/env bash
# Frustration-index benchmark: every Correlates-of-War window (51 signed networks of 64-155
# states, 362-1,288 edges) and Read's Highland tribes, one line each with the exact index (or
# bounds) and the time taken. Too slow for the test suite as a whole (about 15 s on 2 cores);
# the tests run the smallest and the largest window.
#
# Usage: bench/frustration.sh [TRIAD_BINARY] [TIME_LIMIT_SECONDS]
#   TRIAD_BINARY defaults to build/src/cli/triad; data from $TRIAD_SHARED_DATA or ../shared/data.
set -euo pipefail
cd "$(dirname "$0")/.."
triad=${1:-build/src/cli/triad}
limit=${2:-60}
data=${TRIAD_SHARED_DATA:-../shared/data}/signed-networks/signnet
summary='import json,sys
r=json.load(sys.stdin); f=r["frustration"]
index = f["index"] if f["status"] == "exact" else "%d..%d" % (f["lower_bound"], f["upper_bound"])
print("%-8s %5d %6d %6d %8d %9.4f %8s %-6s %8.3f" % (sys.argv[1], r["nodes"], r["edges"],
      r["negative_edges"], r["triangles"], r["walk_balance_index"], index, f["status"], f["seconds"]))'
printf '%-8s %5s %6s %6s %8s %9s %8s %-6s %8s\n' network nodes edges neg triangles walk_K index status seconds
"$triad" frustration --edges "$data/tribes_edges.csv" --format json | /usr/bin/python3 -c "$summary" tribes
start=$(date +%s.%N)
for window in $(tail -n +2 "$data/cow_signed_networks_edges.csv" | cut -d, -f1 | uniq); do
  "$triad" frustration --edges "$data/cow_signed_networks_edges.csv" --window "$window" \
    --time-limit "$limit" --format json | /usr/bin/python3 -c "$summary" "$window"
done
end=$(date +%s.%N)
printf 'all CoW windows: %.1f s wall-clock (including process start and JSON parsing)\n' \
  "$(echo "$end - $start" | bc)"
