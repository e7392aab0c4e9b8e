#!/usr/bin/env bash
# Builds the fuzz preset (build/fuzz: clang, libFuzzer, ASan + UBSan; ccache) and runs each
# libFuzzer harness of tests/fuzz for a while on a copy of its committed seed corpus, then
# prints one line per harness: executions, exec/s, coverage, findings. Exits 1 if any
# harness found something; its inputs are in build/fuzz/findings/<harness>/.
#
#   scripts/fuzz.sh [--runs N] [--merge] [seconds-per-harness] [harness...]
#
# seconds-per-harness defaults to 20; harnesses default to all (names without fuzz_: npy,
# dataset_folder, ...). --runs N stops each harness after N executions instead. --merge
# adds what a run found that covers new code to the committed corpus (tests/fuzz/corpus),
# which is otherwise never changed. Run it before submitting a change to a parser.
set -euo pipefail
cd "$(dirname "$0")/.."

runs=""
merge=0
while (($#)); do
  case "$1" in
    --runs) runs="$2"; shift 2 ;;
    --merge) merge=1; shift ;;
    *) break ;;
  esac
done
seconds=20
if [[ "${1:-}" =~ ^[0-9]+$ ]]; then
  seconds="$1"
  shift
fi
harnesses=("$@")
if ((${#harnesses[@]} == 0)); then
  for f in tests/fuzz/fuzz_*.cpp; do
    name="${f##*/fuzz_}"
    harnesses+=("${name%.cpp}")
  done
fi

export CCACHE_BASEDIR="$PWD" CCACHE_NOHASHDIR=1
cmake --preset fuzz >/dev/null
cmake --build --preset fuzz --target "${harnesses[@]/#/fuzz_}" -- -j"${EXITSCOPE_FUZZ_JOBS:-$(nproc)}" >/dev/null

# The corpus copies and the harnesses' scratch files (on /dev/shm when there) go when done.
work="$(mktemp -d "${TMPDIR:-/tmp}/exitscope-fuzz.XXXXXX")"
scratch="$(mktemp -d "$( [[ -d /dev/shm ]] && echo /dev/shm || echo "${TMPDIR:-/tmp}")/exitscope-fuzz.XXXXXX")"
trap 'rm -rf "$work" "$scratch"' EXIT
export EXITSCOPE_FUZZ_SCRATCH="$scratch"

limit=(-max_total_time="$seconds")
[[ -n "$runs" ]] && limit=(-runs="$runs")
failed=0
for h in "${harnesses[@]}"; do
  exe="build/fuzz/tests/fuzz/fuzz_$h"
  findings="build/fuzz/findings/$h"
  rm -rf "$findings" && mkdir -p "$findings" "$work/$h"
  [[ -d "tests/fuzz/corpus/$h" ]] && cp -R "tests/fuzz/corpus/$h/." "$work/$h/"
  log="$work/$h.log"
  # Sizes a parser would allocate from a claim count as findings (malloc_limit_mb), as do
  # slow inputs (timeout, seconds); sanitizer options are built into the harnesses.
  status=0
  "$exe" "${limit[@]}" -rss_limit_mb=2048 -malloc_limit_mb=2048 -timeout=20 -print_final_stats=1 \
    -artifact_prefix="$findings/" "$work/$h" >"$log" 2>&1 || status=$?
  execs="$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)"
  rate="$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)"
  cov="$(grep -o 'cov: [0-9]* ft: [0-9]*' "$log" | tail -1 || true)"
  found="$(find "$findings" -type f ! -name 'slow-unit-*' | wc -l)"
  if ((status != 0 || found != 0)); then
    failed=1
    cp "$log" "$findings/fuzz.log"
  fi
  printf '%-16s %10s execs %7s exec/s  %-22s %s\n' "$h" "${execs:-?}" "${rate:-?}" "${cov:-cov: ?}" \
    "$( ((status == 0 && found == 0)) && echo "0 findings" || echo "FINDINGS: $found (exit $status), see $findings")"
  if ((merge)) && [[ -d "tests/fuzz/corpus/$h" ]]; then
    "$exe" -merge=1 "tests/fuzz/corpus/$h" "$work/$h" >/dev/null 2>&1
  fi
done
exit "$failed"
