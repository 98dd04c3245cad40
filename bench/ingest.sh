#!/usr/bin/env bash
# Ingest benchmark (not a test): times `triad ingest` against DuckDB doing the same dyad-day
# aggregation on the large inputs of ../shared/bench (1 GB and 4 GB GDELT 2.0 TSV resampled from
# real rows, and the 1 GB file as ~1,900 15-minute zips), interleaved, and prints MB/s, peak RSS
# and the speed ratio. Needs ../shared/bench (the project's shared folder), node/npm for DuckDB,
# ~6 GB of disk under bench/data, and a few minutes.
#   bench/ingest.sh            # all three inputs
#   bench/ingest.sh 1g         # one of: 1g 4g zip
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
shared=${TRIAD_SHARED_BENCH:-$root/../shared/bench}
[[ -d $shared ]] || { echo "bench/ingest.sh: $shared not found (it is in the project's shared folder)" >&2; exit 2; }
work=$root/bench/data/anchor
mkdir -p "$work"
# The shared folder is read-only: run its scripts from a writable copy.
cp -r "$shared"/. "$work"/
chmod -R u+w "$work"
REAL_DIR=$(cd "$shared/../data/gdelt2" && pwd)
export REAL_DIR
(cd "$work" && ./make-data.sh >/dev/null)
triad=$root/build/src/cli/triad
[[ -x $triad ]] || make -C "$root" build >/dev/null
which=${1:-all}
run() {
  echo "== $1"
  (cd "$work" && ROUNDS=${ROUNDS:-3} ./vs-duckdb.sh "$2" "rm -f /tmp/triad-bench.db*; $triad ingest --quiet --store /tmp/triad-bench.db \"\$IN\"")
  # The store commit alone, from one more run's per-file figures.
  rm -f /tmp/triad-bench.db*
  (cd "$work" && eval "$triad ingest --format json --store /tmp/triad-bench.db $2") | python3 -c '
import json, sys
r = json.load(sys.stdin)
files = [f for f in r["files"] if f["status"] == "added"]
cells = sum(f["cells"] for f in files)
aggregate = sum(f["seconds"] for f in files)
# The store work of each file and the COMMIT of each transaction (files go in batches).
commit = r.get("commit_seconds", sum(f["commit_seconds"] for f in files))
commits = r.get("commits", len(files))
whole = r["seconds"]
print(f"commit: {commit:.2f} s for {cells} cell upserts of {len(files)} files in {commits} "
      f"transactions: {commit / cells * 1e6:.2f} s per million cells; aggregation (all threads) "
      f"{aggregate:.2f} s; whole run {whole:.2f} s")'
}
[[ $which == all || $which == 1g ]] && run "1 GB TSV" data/gdelt_1g.tsv
[[ $which == all || $which == 4g ]] && run "4 GB TSV" data/gdelt_4g.tsv
[[ $which == all || $which == zip ]] && run "1 GB as 15-minute zips" 'data/zip15/*.zip'
rm -f /tmp/triad-bench.db*
