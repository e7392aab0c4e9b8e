#!/usr/bin/env bash
# The main job on the built-in example: a synthetic 5-exit model, summarized, then a
# threshold policy evaluated and exported. Run as root on a fresh Debian bookworm machine.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
bash scripts/build.sh
cli=build/release/app/cli/exitscope-cli
out=build/demo
mkdir -p "$out"
set -x
"$cli" synth --exits 5 --samples 10000 --classes 100 --seed 1 -o "$out/val.npz"
"$cli" synth --exits 5 --samples 10000 --classes 100 --seed 2 -o "$out/test.npz"
"$cli" info "$out/val.npz"
"$cli" eval --trace "$out/val.npz" --test "$out/test.npz" --costs 0.32,0.53,0.76,1.0,1.07 --reference 1.0 \
  --measure max-prob --thresholds 0.9,0.85,0.8,0.75 -o "$out/thresholds.json"
"$cli" info "$out/thresholds.json"
