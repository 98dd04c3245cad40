#!/usr/bin/env bash
# Query benchmark (not a test): status, balance, index, report and explain for CHN-USA-JPN, weekly,
# on the ten-year world store of bench/make-store.sh, each timed cold (first run after the store
# was written by another process) and warm (median of ROUNDS), against DuckDB answering the same
# weekly index query over the same cells (bench/duckdb_index.mjs, the cells loaded into a DuckDB
# file once), in the same run; checks that DuckDB's index equals triad's. Needs node/npm (DuckDB's
# pinned Node API from tests/sql) and the store.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
work=$root/bench/data/query
store=$work/world10y.db
[[ -s $store ]] || "$root/bench/make-store.sh"
triad=$root/build/src/cli/triad
rounds=${ROUNDS:-5}
from=${FROM:-2015-03-02}
to=${TO:-2025-02-23}
actors=CHN,USA,JPN
common=(--store "$store" --actors "$actors" --freq week --from "$from" --to "$to" --include-partial)
declare -A cmds=(
  [status]="status ${common[*]} --no-drivers"
  [balance]="balance ${common[*]}"
  [index]="index --store $store --dyads CHN-USA,CHN-JPN,USA-JPN --freq week --from $from --to $to --include-partial"
  [report]="report ${common[*]} --out $work/report.html"
  [explain]="explain ${common[*]}"
)
time_ms() {  # prints the wall time of one run in ms
  local t0 t1
  t0=$(date +%s%N)
  # shellcheck disable=SC2086
  $triad $1 >/dev/null 2>&1 || true
  t1=$(date +%s%N)
  echo $(((t1 - t0) / 1000000))
}
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR + 1) / 2)]}'; }
echo "store: $(ls -la "$store" | awk '{print $5 / 1e6 " MB"}'), $(sqlite3 "$store" 'SELECT count(*) FROM cells') cells; weekly, $from .. $to"
# Cold: the page cache is dropped when allowed (root, not in a container), else the first run.
sync; (echo 3 > /proc/sys/vm/drop_caches) 2>/dev/null && cold="after dropping the page cache" || cold="first run"
printf '%-8s %10s %10s\n' command "cold ms" "warm ms"
for c in index status balance explain report; do
  first=$(time_ms "${cmds[$c]}")
  warm=()
  for _ in $(seq "$rounds"); do warm+=("$(time_ms "${cmds[$c]}")"); done
  printf '%-8s %10s %10s\n' "$c" "$first" "$(median "${warm[@]}")"
done
echo "(cold: $cold)"
# The anchor: DuckDB, same weekly index over the same cells.
node_dir=$work/node
if [[ ! -d $node_dir/node_modules/@duckdb ]]; then
  mkdir -p "$node_dir" && cp "$root/tests/sql/package.json" "$root/tests/sql/package-lock.json" "$node_dir/"
  (cd "$node_dir" && npm ci --silent >/dev/null)
fi
[[ -s $work/cells.csv ]] || "$triad" export cells --store "$store" > "$work/cells.csv"
cp "$root/bench/duckdb_index.mjs" "$node_dir/"
duck=$(cd "$node_dir" && ROUNDS=$rounds node duckdb_index.mjs "$work/cells.csv" "$work/cells.duckdb" "$from" "$to" CHN-USA,CHN-JPN,USA-JPN)
echo "$duck" > "$work/duckdb_index.jsonl"
triad_index=$("$triad" index --store "$store" --dyads CHN-USA,CHN-JPN,USA-JPN --freq week --from "$from" --to "$to" --include-partial --format json)
python3 - "$work/duckdb_index.jsonl" <<PY
import json, statistics, sys
lines = open(sys.argv[1]).read().splitlines()
head = json.loads(lines[0]); duck = [json.loads(x) for x in lines[1:]]
triad = json.loads('''$triad_index''')
ours = {}
for d in triad["dyads"]:
    a, b = sorted(d["dyad"].split("-"))
    for p in d["periods"]:
        if p["value"] is not None:
            ours[(a, b, p["period"])] = p["value"]
diffs = [abs(ours[(r["a"], r["b"], r["week"][:10])] - r["value"]) for r in duck if (r["a"], r["b"], r["week"][:10]) in ours]
print(f"DuckDB weekly index query: {head['median_ms']:.0f} ms warm (median of {len(sys.argv) and '$rounds'}), {head['rows']} rows; "
      f"{len(diffs)} periods compared with triad index, largest difference {max(diffs) if diffs else float('nan'):.2e}")
PY
