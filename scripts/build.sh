#!/usr/bin/env bash
# Configures and builds the release preset (build/release); ccache is used when present.
set -euo pipefail
cd "$(dirname "$0")/.."
# ccache: paths relative to the checkout, so that a fresh clone elsewhere still hits.
export CCACHE_BASEDIR="$PWD" CCACHE_NOHASHDIR=1
cmake --preset release >/dev/null
cmake --build --preset release -- -j"$(nproc)"
