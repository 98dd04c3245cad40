#!/usr/bin/env bash
# `make test-sanitize`: builds triad and its tests with gcc's AddressSanitizer and
# UndefinedBehaviorSanitizer (-O1, frame pointers kept) in BUILD (default build-sanitize) and runs
# the whole ctest suite. Every sanitizer report (memory error, leak, undefined behaviour) is
# written to BUILD/sanitizer-reports/ and exits its process with 86, so that no report can hide
# behind a test that expects exit 1; the run fails when any report was written, and prints them.
set -euo pipefail
build=${1:-build-sanitize}
jobs=${JOBS:-2}
flags="-O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined"
start=$(date +%s)
cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=Sanitize -DCMAKE_CXX_FLAGS_SANITIZE="$flags" \
  -DCMAKE_EXE_LINKER_FLAGS_SANITIZE="-fsanitize=address,undefined" ${CMAKE_ARGS:-} >/dev/null
cmake --build "$build" -j"$jobs"
built=$(date +%s)
reports=$(cd "$build" && pwd)/sanitizer-reports
rm -rf "$reports" && mkdir -p "$reports"
export ASAN_OPTIONS=detect_leaks=1:exitcode=86:log_path=$reports/asan
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1:exitcode=86:log_path=$reports/ubsan
set +e
ctest --test-dir "$build" --output-on-failure -j"$jobs" --timeout 900
result=$?
set -e
end=$(date +%s)
echo "test-sanitize: build $((built - start)) s, tests $((end - built)) s"
if compgen -G "$reports/*" >/dev/null; then
  echo "test-sanitize: sanitizer reports:" >&2
  cat "$reports"/* >&2
  exit 1
fi
exit $result
