#!/usr/bin/env bash
# Before submitting anything that touches a parser: the whole test suite under ASan and
# UBSan (the asan preset, build/asan), then a short libFuzzer pass over every harness
# (scripts/fuzz.sh, build/fuzz). Usage: scripts/sanitize-and-fuzz.sh [seconds per harness, default 15]
set -euo pipefail
cd "$(dirname "$0")/.."
export CCACHE_BASEDIR="$PWD" CCACHE_NOHASHDIR=1
# The asan test preset makes every UBSan report fatal and checks for leaks.
cmake --preset asan >/dev/null
cmake --build --preset asan -- -j"$(nproc)"
ctest --preset asan -j"$(nproc)"
bash scripts/fuzz.sh "${1:-15}"
