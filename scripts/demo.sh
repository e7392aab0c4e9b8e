#!/usr/bin/env bash
# The main job on the built-in demo: the committed 4-exit CNN on Debian's Fashion-MNIST
# images (traces, this CPU's latency profile, a sweep of every policy, an exported config
# and a real early-exit run; exitscope-cli demo). Run as root on a fresh Debian bookworm
# machine.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
bash scripts/build.sh
build/release/app/cli/exitscope-cli demo --out-dir build/demo
