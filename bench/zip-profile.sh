#!/usr/bin/env bash
# Profile of `triad ingest` on the 1 GB as ~1,900 15-minute zips (not a test): where the CPU time
# goes - inflate, CRC, hash, split+parse, aggregate, commit (SQLite), kernel - from `perf record`
# (software cpu-clock samples, so it works in a VM), grouped by symbol. Needs perf and the zips
# that bench/ingest.sh makes under bench/data/anchor/data/zip15.
#   bench/zip-profile.sh
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
zips=$root/bench/data/anchor/data/zip15
[[ -d $zips ]] || { echo "bench/zip-profile.sh: run bench/ingest.sh zip first (it makes $zips)" >&2; exit 2; }
triad=${TRIAD:-$root/build/src/cli/triad}
out=$(mktemp -d)
trap 'rm -rf "$out"; rm -f /tmp/triad-profile.db*' EXIT
rm -f /tmp/triad-profile.db*
perf record -q -e cpu-clock -F 2000 -o "$out/perf.data" -- \
  "$triad" ingest --quiet --store /tmp/triad-profile.db "$zips"/*.zip 2>/dev/null
perf report -i "$out/perf.data" --no-children --sort dso,symbol --stdio 2>/dev/null |
  awk '/^ +[0-9.]+%/ {
    pct = $1; sub("%", "", pct); line = $0
    cat = "other"
    if (line ~ /libdeflate_crc32|crc32/) cat = "crc32"
    else if (line ~ /deflate/) cat = "inflate (libdeflate)"
    else if (line ~ /XXH/) cat = "content hash (xxh3)"
    else if (line ~ /Line|Scan|Parse|Row|Field|Fixed|Cameo|Countr/) cat = "split + parse"
    else if (line ~ /CellTable|Merge|CellKey|SortedCells|EncodeKeyChunks|sort/) cat = "aggregate (cells, keys)"
    else if (line ~ /sqlite3|libsqlite/) cat = "commit (SQLite)"
    else if (line ~ /\[kernel/) cat = "kernel (read, page faults, threads)"
    else if (line ~ /libc|memcpy|memmove|malloc|free|memchr|memset/) cat = "libc (copies, malloc)"
    sum[cat] += pct; total += pct
  } END { for (c in sum) printf "%5.1f%%  %s\n", sum[c] * 100 / total, c }' | sort -rn
