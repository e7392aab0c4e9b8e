#!/usr/bin/env bash
# Installs what is missing, builds, and runs every test (ctest). Run as root.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
bash scripts/build.sh
ctest --preset release -j"$(nproc)"
