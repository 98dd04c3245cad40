#!/usr/bin/env bash
# Runs every libFuzzer harness built in BUILD (default build-fuzz) for FUZZ_SECONDS each (default
# 60), one after the other, one process each under nice. The corpus of each harness grows in
# BUILD/corpus/HARNESS across runs (seeded from BUILD/seeds/HARNESS, see make_seeds.py); crashing,
# leaking, hanging (> FUZZ_TIMEOUT s) or memory-hungry (> 2 GB) inputs land in
# BUILD/findings/HARNESS/. Prints executions and findings per harness, and the executions summed
# over all runs so far (BUILD/fuzz-executions.tsv). Exit 1 when any harness found something.
# FUZZ_ONLY=name1,name2 runs only those harnesses.
set -uo pipefail
build=$(cd "${1:-build-fuzz}" && pwd)  # absolute: cli_fuzz works in its own directory
seconds=${FUZZ_SECONDS:-60}
timeout=${FUZZ_TIMEOUT:-20}
totals=$build/fuzz-executions.tsv
touch "$totals"
status=0
printf '%-24s %12s %14s %8s %9s\n' harness executions "total so far" corpus findings
for bin in "$build"/fuzz/*_fuzz; do
  name=$(basename "$bin")
  if [[ -n ${FUZZ_ONLY:-} && ,$FUZZ_ONLY, != *,$name,* ]]; then continue; fi
  corpus=$build/corpus/$name findings=$build/findings/$name log=$build/logs/$name.log
  mkdir -p "$corpus" "$findings" "$build/logs"
  extra=()
  [[ $name == cli_fuzz ]] && extra=(-dict="$build/cli.dict")
  stamp=$build/logs/$name.start
  touch "$stamp"
  nice -n 5 "$bin" -max_total_time="$seconds" -timeout="$timeout" -rss_limit_mb=2048 \
    -close_fd_mask=3 -print_final_stats=1 -artifact_prefix="$findings/" "${extra[@]}" \
    "$corpus" "$build/seeds/$name" >"$log" 2>&1
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  runs=${runs:-0}
  total=$(awk -v n="$name" -v r="$runs" '$1 == n {t += $2} END {print t + r}' "$totals")
  printf '%s\t%s\n' "$name" "$runs" >>"$totals"
  new=$(find "$findings" -type f -newer "$stamp" | wc -l)
  printf '%-24s %12s %14s %8s %9s\n' "$name" "$runs" "$total" "$(ls "$corpus" | wc -l)" \
    "$new new"
  if ((new > 0)); then
    status=1
    grep -m3 -E '^(==[0-9]+==ERROR|SUMMARY|.*runtime error)' "$log" | sed 's/^/    /'
    find "$findings" -type f -newer "$stamp" | head -3 | sed 's/^/    input: /'
  fi
done
exit $status
