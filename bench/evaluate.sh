#!/bin/sh
# Speed of `triad evaluate` (a benchmark, not a test): every dyad, every origin, horizons 1..8, on
# the bundled weekly 2018-2024 CHN_USA, CHN_JPN, USA_JPN series (321 weeks; origins from week
# 160), against statsmodels 0.13 refitting the same models per origin in the same run
# (bench/evaluate_anchor.py).
#   var: triad's VAR model alone (--models var) against statsmodels' select_order + fit +
#        forecast + mse per origin;
#   all: every model (no-change, local linear trend, VAR) against statsmodels' VAR and
#        UnobservedComponents(level='lltrend') per origin and dyad.
# triad's time includes process start and reading the CSV; the anchor's excludes the interpreter
# start and imports. Both run on one thread (--threads 1), and triad once more on all cores.
# Also times the store path with the drivers on the bundled sample (daily, 31 days).
#
# Usage: bench/evaluate.sh PATH/TO/triad
set -eu
triad=$1
here=$(cd "$(dirname "$0")/.." && pwd)
csv="$here/tests/data/series/gdelt_weekly_chn_usa_jpn.csv"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

seconds() {  # runs the command, prints its wall-clock seconds
  start=$(date +%s.%N)
  "$@" >/dev/null
  end=$(date +%s.%N)
  echo "$end - $start" | bc -l
}

echo "triad evaluate --input $(basename "$csv") --min-train 160 --horizon 8: 161 origins x 3 dyads"
for what in var all; do
  models=$([ "$what" = var ] && echo var || echo no_change,local_linear_trend,var)
  t1=$(seconds "$triad" evaluate --input "$csv" --min-train 160 --horizon 8 --models "$models" --threads 1)
  tn=$(seconds "$triad" evaluate --input "$csv" --min-train 160 --horizon 8 --models "$models")
  anchor=$(/usr/bin/python3 "$here/bench/evaluate_anchor.py" "$csv" 160 8 "$what")
  ta=${anchor% *}
  printf '  %-4s triad %7.2f s (1 thread), %7.2f s (all cores); statsmodels %7.2f s; ratio %5.1fx (1 thread)\n' \
    "$what" "$t1" "$tn" "$ta" "$(echo "$ta / $t1" | bc -l)"
done
"$triad" evaluate --input "$csv" --min-train 160 --horizon 1 --models var --format json \
  | /usr/bin/python3 -c 'import json,sys; m=json.load(sys.stdin)["models"][1]["horizons"][0]; print("  check: VAR CRPS at h=1 triad %.6f" % m["crps"], end="")'
echo "; statsmodels ${anchor#* }"

store="$tmp/sample.db"
"$triad" ingest --quiet --store "$store" "$here/data/sample" || [ $? -eq 3 ]
ts=$(seconds "$triad" evaluate --store "$store" --actors CHN,USA,JPN --horizon 5)
printf 'store with drivers (bundled sample, daily, every model): %.2f s\n' "$ts"
