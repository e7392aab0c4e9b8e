#!/usr/bin/env bash
# The main job on the built-in demo: the committed 4-exit CNN on Debian's Fashion-MNIST
# images (traces, this CPU's latency profile, a sweep of every policy, an exported config
# and a real early-exit run; exitscope-cli demo), then the window on it. Run as root on a
# fresh Debian bookworm machine.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
bash scripts/build.sh
build/release/app/cli/exitscope-cli demo --out-dir build/demo

# The window on the demo's files, sweeping as the demo did; with no display, its picture.
if [[ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]]; then
  echo "opening the window on build/demo (close it to finish)"
  build/release/app/gui/exitscope --demo build/demo
else
  build/release/app/gui/exitscope --demo build/demo --screenshot build/demo/window.png
  echo "no display: the window on the demo is drawn in build/demo/window.png"
fi
