#!/usr/bin/env bash
# Makes a ten-year world store for the query benchmark (bench/query.sh): GDELT 2.0 rows resampled
# from the real files of ../shared/data/gdelt2 by ../shared/bench/gen_gdelt.py (runs of real rows,
# new unique GLOBALEVENTIDs, event days spread over 2015-03-01 .. 2025-02-28 with their real
# report lags), BYTES of them (default 4e9: ~9.8 million rows, all dyads of the world), ingested
# into bench/data/query/world10y.db. Real GDELT holds about 30 times as many rows over those years;
# the store's cells per day are printed so the density can be compared. FORCE=1 makes it again.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
shared=${TRIAD_SHARED_BENCH:-$root/../shared/bench}
[[ -d $shared ]] || { echo "bench/make-store.sh: $shared not found" >&2; exit 2; }
work=$root/bench/data/query
mkdir -p "$work"
store=$work/world10y.db
triad=$root/build/src/cli/triad
[[ -x $triad ]] || make -C "$root" build >/dev/null
if [[ -s $store && -z ${FORCE:-} ]]; then
  echo "keep $store"
else
  rm -f "$store" "$store"-*
  tsv=$work/world10y.tsv
  python3 "$shared/gen_gdelt.py" --bytes "${BYTES:-4e9}" --seed 7 --start 2015-03-01 --end 2025-02-28 \
    --out "$tsv" --real-dir "$(cd "$shared/../data/gdelt2" && pwd)"
  # Old events reported again are kept (-1): the generator spreads event days, not news days.
  /usr/bin/time -f "ingest: %e s, %M KiB peak RSS" "$triad" ingest --quiet --max-report-lag -1 \
    --store "$store" "$tsv"
  rm -f "$tsv"
fi
"$triad" info --store "$store" | head -8
sqlite3 "$store" "SELECT count(*) AS cells, count(DISTINCT day) AS days, count(*) / count(DISTINCT day) AS cells_per_day FROM cells" -header -column
ls -la "$store"
