#!/usr/bin/env bash
# The test command: installs what is needed (Debian 12), builds, and runs the whole test suite with CTest.
# CI runs exactly this (.ci/run). In CI (CI=true) or with CHECKIN_FULL=1 it then runs the whole suite again with a
# time zone database whose rules from 2025 on are made up (scripts/tzdata-check.sh: no test may depend on the tzdata
# release installed), under AddressSanitizer + UBSan (scripts/sanitize.sh, build-asan/) and every libFuzzer target
# for 60 s, two at a time (scripts/fuzz.sh, build-fuzz/).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
bash scripts/build.sh
BUILD_DIR="${CHECKIN_BUILD_DIR:-build}"
# Tests render offscreen and need no display; each test sets QT_QPA_PLATFORM=offscreen itself.
status=0
ctest --test-dir "$BUILD_DIR" --output-on-failure -j 2 "$@" || status=1
# The later phases run even when an earlier one failed, so one CI run reports every kind of failure.
if [[ "${CI:-}" == true || "${CHECKIN_FULL:-}" == 1 ]]; then
  phase() { echo "test.sh: $1 ($(date -u +%H:%M:%S))"; }
  phase "the suite again with made-up time zone rules for 2025 on (scripts/tzdata-check.sh)"
  bash scripts/tzdata-check.sh -j 2 "$@" || status=1
  phase "sanitizer suite (scripts/sanitize.sh)"
  bash scripts/sanitize.sh || status=1
  phase "fuzzers, 60 s each, two at a time (scripts/fuzz.sh)"
  CHECKIN_FUZZ_JOBS=2 bash scripts/fuzz.sh 60 || status=1
  phase "done"
fi
exit $status
