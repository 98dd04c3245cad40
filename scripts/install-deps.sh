#!/usr/bin/env bash
# Installs the Debian 12 packages triad needs to build, test and run its demo, if any are missing.
# As root it runs apt-get itself; otherwise it prints the exact command and fails.
set -euo pipefail
packages=(
  build-essential cmake pkg-config ccache
  libsqlite3-dev sqlite3 libcurl4-openssl-dev libssl-dev zlib1g-dev libdeflate-dev libzip-dev libxxhash-dev
  libeigen3-dev libboost-dev libcli11-dev nlohmann-json3-dev libfmt-dev libtomlplusplus-dev
  libnlopt-cxx-dev libglpk-dev libgtest-dev libgmock-dev
  python3 python3-numpy python3-statsmodels
)
# The browser tests: Chromium, and the CJK faces the Chinese and Japanese reports name first.
if [[ ${TRIAD_WITH_BROWSER:-0} == 1 ]]; then packages+=(chromium fonts-noto-cjk); fi
# `make fuzz` only: clang with libFuzzer and the sanitizer runtimes.
if [[ ${TRIAD_WITH_FUZZ:-0} == 1 ]]; then packages+=(clang libclang-rt-14-dev); fi
missing=()
for p in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
  [[ $status == "install ok installed" ]] || missing+=("$p")
done
# The SQL proof test (src/aggregate/cells_sql_test.py) installs its pinned npm packages (DuckDB,
# a SQL parser) with `npm ci`: Node.js and npm from Debian unless some other install is on PATH.
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then missing+=(nodejs npm); fi
((${#missing[@]} == 0)) && exit 0
echo "triad: installing missing Debian packages: ${missing[*]}" >&2
if [[ $(id -u) -ne 0 ]]; then
  echo "Run as root: apt-get update && apt-get install -y ${missing[*]}" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
