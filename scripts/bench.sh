#!/usr/bin/env bash
# Builds and runs the benchmarks (one core pinned where taskset exists); figures belong in the README.
# Arguments go to every benchmark program (--benchmark_filter=…, --benchmark_out=…). The peers run in the same
# programs: zbar (bench_scanning), Python reportlab (bench_printing, bench/reportlab_badge.py).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
bash scripts/build.sh bench_checkin bench_printing bench_scanning bench_kiosk checkin-kiosk
BUILD_DIR="${CHECKIN_BUILD_DIR:-build}"
PIN=""
command -v taskset >/dev/null && PIN="taskset -c 1"
for b in "$BUILD_DIR"/bench/bench_*; do
  [ -f "$b" ] && [ -x "$b" ] || continue # not the *_autogen folders
  echo "== $(basename "$b")"
  $PIN "$b" "$@"
done
