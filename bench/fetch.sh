#!/usr/bin/env bash
# Fetch benchmark (not a test): `triad fetch --ingest` of ~1,900 GDELT-style 15-minute zips of
# real size (the 1 GB input of ../shared/bench, resampled from real GDELT 2.0 rows, cut as GDELT
# cuts its files) from a local server (tests/pylib/gdelt_server.py on 127.0.0.1, with a generated
# masterfilelist.txt), against the anchor `wget -i URLS` followed by `triad ingest` of the
# downloaded files, interleaved, in the same run. Prints seconds, MB/s end to end and the ratio.
# Needs ../shared/bench, ~2 GB of disk under bench/data, and a few minutes.
#   bench/fetch.sh                 # ROUNDS=3 by default; the server as fast as loopback allows
#   RATE_MBPS=5 bench/fetch.sh     # each connection limited to 5 MB/s, as over a real network
# On loopback the Python server and the ingest share the machine's cores, so downloading while
# ingesting gains little; over a network (RATE_MBPS) the download time is hidden behind the
# ingest and the parallel connections multiply the per-connection rate.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
shared=${TRIAD_SHARED_BENCH:-$root/../shared/bench}
[[ -d $shared ]] || { echo "bench/fetch.sh: $shared not found (it is in the project's shared folder)" >&2; exit 2; }
work=$root/bench/data/fetch
mkdir -p "$work"
cp "$shared"/gen_gdelt.py "$shared"/split_zip.py "$work"/
real=$(cd "$shared/../data/gdelt2" && pwd)
if [[ ! -d $work/served/gdeltv2 ]]; then
  [[ -s $work/gdelt_1g.tsv ]] || python3 "$work/gen_gdelt.py" --bytes 1e9 --seed 1 --out "$work/gdelt_1g.tsv" --real-dir "$real" >/dev/null
  python3 "$work/split_zip.py" --in "$work/gdelt_1g.tsv" --outdir "$work/served/gdeltv2" --real-dir "$real" >/dev/null
  rm -f "$work/gdelt_1g.tsv"
fi
triad=$root/build/src/cli/triad
[[ -x $triad ]] || make -C "$root" build >/dev/null
zips=("$work"/served/gdeltv2/*.export.CSV.zip)
files=${#zips[@]}
bytes=$(du -cb "${zips[@]}" | tail -1 | cut -f1)
first=$(basename "${zips[0]}" | cut -c1-8)
last=$(basename "${zips[-1]}" | cut -c1-8)
# The server, in the background for the whole run.
ROOT=$root RATE_MBPS=${RATE_MBPS:-0} python3 -c '
import os, sys, time
sys.path.insert(0, os.path.join(os.environ["ROOT"], "tests", "pylib"))
from gdelt_server import GdeltServer
rate = float(os.environ.get("RATE_MBPS", "0")) * 1e6
s = GdeltServer(sys.argv[1], rate=rate or None)
print(s.url, flush=True)
while True:
    time.sleep(3600)
' "$work/served" > "$work/server.url" &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 50); do [[ -s $work/server.url ]] && break; sleep 0.1; done
url=$(cat "$work/server.url")
curl -s "$url/gdeltv2/masterfilelist.txt" | awk '/export/ {print $3}' | sed "s|http://data.gdeltproject.org|$url|" > "$work/urls.txt"

echo "input: $files zips, $((bytes / 1000000)) MB zipped, news days $first .. $last; server $url" \
  "(${RATE_MBPS:-0} MB/s per connection; 0: loopback, as fast as the Python server goes)"
run_triad() {
  rm -rf "$work/mirror" "$work/t.db"*
  /usr/bin/time -f "%e %M" -o "$work/t.time" "$triad" fetch --quiet --from "$first" --to "$last" \
    --base-url "$url" --mirror "$work/mirror" --ingest "$work/t.db"
}
run_anchor() {
  rm -rf "$work/wget" "$work/a.db"*
  /usr/bin/time -f "%e %M" -o "$work/a.time" sh -c "wget -q -i '$work/urls.txt' -P '$work/wget' && \
    '$triad' ingest --quiet --store '$work/a.db' '$work'/wget/*.zip"
}
t_times=() a_times=()
for r in $(seq "${ROUNDS:-3}"); do
  run_anchor; a_times+=("$(cut -d' ' -f1 "$work/a.time")")
  run_triad; t_times+=("$(cut -d' ' -f1 "$work/t.time")")
  echo "round $r: wget -i + ingest ${a_times[-1]} s, triad fetch --ingest ${t_times[-1]} s"
done
# Same cells either way.
"$triad" export cells --store "$work/t.db" | md5sum | cut -c1-32 > "$work/t.md5"
"$triad" export cells --store "$work/a.db" | md5sum | cut -c1-32 > "$work/a.md5"
cmp -s "$work/t.md5" "$work/a.md5" && same="identical" || same="DIFFERENT"
python3 - "$bytes" "${a_times[*]}" "${t_times[*]}" "$same" <<'PY'
import statistics, sys
mb = int(sys.argv[1]) / 1e6
a = statistics.median(map(float, sys.argv[2].split()))
t = statistics.median(map(float, sys.argv[3].split()))
print(f"median of {len(sys.argv[2].split())} rounds, {mb:.0f} MB zipped:")
print(f"  wget -i + triad ingest   {a:6.2f} s  {mb / a:6.1f} MB/s")
print(f"  triad fetch --ingest     {t:6.2f} s  {mb / t:6.1f} MB/s  (ratio {a / t:.2f}x)")
print(f"  exported cells: {sys.argv[4]}")
PY
