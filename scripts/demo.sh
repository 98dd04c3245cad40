#!/usr/bin/env bash
# The demo: ingest the bundled real sample (GDELT 2.0, 15 May - 14 June 2025), show where the
# China-US-Japan triangle stands, explain what drives it, run the essay's scenario, and write the
# HTML report. Uses only what the repository holds.
#   scripts/demo.sh PATH/TO/triad
set -euo pipefail
triad=${1:-build/src/cli/triad}
cd "$(dirname "$0")/.."
mkdir -p out
store=out/demo.db
rm -f "$store" "$store-wal" "$store-shm"
asof=2025-06-14

step() { printf '\n\033[1m$ %s\033[0m\n' "$*"; }

step triad ingest --store "$store" data/sample/
rc=0
"$triad" ingest --store "$store" data/sample/ || rc=$?
((rc == 0 || rc == 3)) || exit "$rc"  # 3: some rows rejected (listed by 'triad info')

step triad status --actors CHN,USA,JPN --asof $asof
"$triad" status --store "$store" --actors CHN,USA,JPN --asof $asof

step triad balance --actors CHN,USA,JPN --asof $asof "(the last week; all of it in out/balance.txt)"
"$triad" balance --store "$store" --actors CHN,USA,JPN --asof $asof >out/balance.txt
sed -n 1,6p out/balance.txt
grep -E '^2025-06-(0[89]|1[0-4])' out/balance.txt
sed -n '/^changes of the most likely/,$p' out/balance.txt

step triad explain --actors CHN,USA,JPN --asof $asof --save out/fit.json
"$triad" explain --store "$store" --actors CHN,USA,JPN --asof $asof --save out/fit.json

step triad simulate scenarios/essay_sample.toml "(first lines; all of it in out/simulate.txt)"
"$triad" simulate scenarios/essay_sample.toml >out/simulate.txt
sed -n 1,20p out/simulate.txt

step triad optimize scenarios/essay_sample.toml --budget 3
"$triad" optimize scenarios/essay_sample.toml --budget 3 --paths 2000

step triad report --actors CHN,USA,JPN --scenario scenarios/essay_sample.toml --out out/report.html
"$triad" report --store "$store" --actors CHN,USA,JPN --asof $asof --scenario scenarios/essay_sample.toml \
  --out out/report.html

printf '\nThe report is in %s/out/report.html (self-contained: open it in any browser, offline).\n' "$(pwd)"
