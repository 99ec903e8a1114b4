#!/usr/bin/env bash
# Builds and runs the benchmarks (one core pinned where taskset exists); figures belong in the README.
# Arguments go to every Google Benchmark program (--benchmark_filter=…, --benchmark_out=…). The peers run in the same
# programs: zbar (bench_scanning), Python reportlab (bench_printing, bench/reportlab_badge.py).
# Then the venue-sync simulation (bench_venue_sim, not Google Benchmark: it takes none of those arguments) runs on its
# own, unpinned, because it is a whole venue on this machine (20 kiosks' threads and a PostgreSQL server); its figures
# also go to $BUILD_DIR/bench/venue_sim.json. CHECKIN_BENCH_VENUE_SIM=0 skips it (it takes about 7 minutes);
# CHECKIN_BENCH_VENUE_SIM_ARGS passes it options (e.g. "--kiosks 4 --guests 1000").
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
bash scripts/build.sh bench_checkin bench_printing bench_scanning bench_kiosk bench_venue_sim checkin-kiosk
BUILD_DIR="${CHECKIN_BUILD_DIR:-build}"
PIN=""
command -v taskset >/dev/null && PIN="taskset -c 1"
for b in "$BUILD_DIR"/bench/bench_*; do
  [ -f "$b" ] && [ -x "$b" ] || continue # not the *_autogen folders
  [ "$(basename "$b")" = bench_venue_sim ] && continue # runs below, with its own options
  echo "== $(basename "$b")"
  $PIN "$b" "$@"
done

if [ "${CHECKIN_BENCH_VENUE_SIM:-1}" != 0 ]; then
  echo "== bench_venue_sim"
  status=0
  # shellcheck disable=SC2086 # the extra options are meant to split into words
  "$BUILD_DIR/bench/bench_venue_sim" --json "$BUILD_DIR/bench/venue_sim.json" ${CHECKIN_BENCH_VENUE_SIM_ARGS:-} \
    || status=$?
  if [ "$status" -eq 77 ]; then
    echo "bench_venue_sim skipped: PostgreSQL is not installed"
  elif [ "$status" -ne 0 ]; then
    exit "$status"
  fi
fi
