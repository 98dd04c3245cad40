#!/bin/sh
# Compiles every source file of triad for arm64 (aarch64) with Debian's cross compiler, syntax
# and semantics only (-fsyntax-only: no arm64 libraries are needed to link): proof that nothing
# x86-specific (SIMD intrinsics, <immintrin.h>) is left outside the TRIAD_X86_SIMD path that
# CMake selects only on x86. Needs g++-aarch64-linux-gnu (apt-get install g++-aarch64-linux-gnu).
# Usage: scripts/check-arm64.sh   (from the repository root; prints one line per failure)
set -eu
CXX=${CXX:-aarch64-linux-gnu-g++}
command -v "$CXX" >/dev/null || { echo "check-arm64: $CXX not found (apt-get install g++-aarch64-linux-gnu)"; exit 2; }
flags="-std=c++20 -fsyntax-only -Wall -Wextra -Isrc -isystem /usr/include -isystem /usr/include/eigen3 -DTRIAD_VERSION_STRING=\"check\""
failed=0
count=0
for f in $(git ls-files 'src/*.cpp' | grep -v '_test\.cpp$'); do
  count=$((count + 1))
  if ! "$CXX" $flags "$f" 2>/tmp/check-arm64.err; then
    echo "FAIL $f"; head -5 /tmp/check-arm64.err; failed=$((failed + 1))
  fi
done
echo "arm64: $count files compiled for $("$CXX" -dumpmachine), $failed failed"
[ "$failed" -eq 0 ]
