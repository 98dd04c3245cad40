#!/bin/sh
# Backtest of the essay (Zhang Yun, "Striking a Three-Way Balance", 2023-11-30): fit the weekly
# CHN_USA, CHN_JPN, USA_JPN dyad scores up to the essay, simulate to the end of the data
# (2024-02-19), and report coverage of the 50% / 90% bands and CRPS against a no-change forecast.
#
# Usage: bench/backtest_essay.sh PATH/TO/triad [SHARED_DATA_DIR] [extra triad backtest options]
# The weekly file is rebuilt from the daily GDELT dyad scores in shared/data/series-gdelt/ (weekly
# means of the days present, ISO weeks from Monday; see tests/data/series/README.md), so the
# result does not depend on the checked-in copy. Training ends with the week of 2023-11-20, the
# last that ends (Sunday 2023-11-26) before the essay's date; the week of 2023-11-27 would
# include three days after it. Lag order by BIC (lags 1 here), as `triad var --maxlags` would.
set -eu
triad=$1
shared=${2:-$(dirname "$0")/../../shared/data}
shift $(( $# >= 2 ? 2 : 1 ))
here=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
/usr/bin/python3 "$here/tests/data/series/make_gdelt_weekly_triangle.py" \
  "$shared/series-gdelt/gzemo-daily-graph/dyads_20_actors_daily_2018-2024.csv" > "$tmp/weekly.csv"
"$triad" backtest --input "$tmp/weekly.csv" --until 2023-11-20 --maxlags 8 --ic bic \
  --paths 100000 --seed 20231130 "$@"
