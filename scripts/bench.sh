#!/usr/bin/env bash
# Builds and runs the benchmarks (one core pinned where taskset exists); figures belong in the README.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
bash scripts/build.sh
BUILD_DIR="${CHECKIN_BUILD_DIR:-build}"
PIN=""
command -v taskset >/dev/null && PIN="taskset -c 1"
for b in "$BUILD_DIR"/bench/bench_*; do
  [ -x "$b" ] || continue
  echo "== $(basename "$b")"
  $PIN "$b" "$@"
done
