#!/usr/bin/env bash
# Proves that the tests do not depend on the tzdata release installed: runs CTest with a time zone database in
# which every zone keeps its real rules up to the end of 2024 and follows made-up ones from 2025 (standard time
# 1 h 17 min away from the zone's own, summer time from the third Sunday of April to the third Sunday of October;
# scripts/tzdata-future.py). A test that hard-codes what a zone does in 2025 or later fails here, as it would on a
# machine whose tzdata had changed that rule; a test that reads the rule from the database, or uses a settled
# date, passes. See docs/time-zones.md.
#
#   scripts/tzdata-check.sh [CTEST ARGS…]     e.g. -R 'tst_checkinservice|tst_programmeimport'
#   scripts/tzdata-check.sh --run COMMAND…    any other command, e.g. --run bash scripts/run-demo.sh
#
# The made-up database replaces /usr/share/zoneinfo in a private mount namespace (unshare) for CTest and what it
# starts only; the machine's own database is never touched. Needs root or unprivileged user namespaces.
# scripts/test.sh runs it on the whole suite with CI=true or CHECKIN_FULL=1. Expects a built tree (scripts/build.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD_DIR="${CHECKIN_BUILD_DIR:-build}"
[ -f "$BUILD_DIR/CTestTestfile.cmake" ] || { echo "tzdata-check: no build in $BUILD_DIR: run scripts/build.sh first" >&2; exit 2; }
zoneinfo="$PWD/$BUILD_DIR/zoneinfo-future"
python3 scripts/tzdata-future.py /usr/share/zoneinfo "$zoneinfo"

as_root=(unshare --mount --propagation private)
[ "$(id -u)" -eq 0 ] || as_root=(unshare --map-root-user --mount --propagation private)

# Inside: bind the made-up database over the real one, check that it took (Bangkok is not UTC+7 in 2026 there,
# and still is in 2024), then run CTest.
"${as_root[@]}" -- bash -euo pipefail -c '
  zoneinfo=$1; build=$2; shift 2
  mount --bind "$zoneinfo" /usr/share/zoneinfo
  in2024=$(TZ=Asia/Bangkok date -d "2024-07-01 00:00Z" +%z)
  in2026=$(TZ=Asia/Bangkok date -d "2026-07-01 00:00Z" +%z)
  if [ "$in2024" != +0700 ] || [ "$in2026" = +0700 ]; then
    echo "tzdata-check: the made-up database is not in place (Bangkok $in2024 in 2024, $in2026 in 2026)" >&2
    exit 2
  fi
  echo "tzdata-check: rules up to 2024 as installed, made up from 2025 (Bangkok in July 2026: UTC$in2026)"
  if [ "${1:-}" = --run ]; then shift; exec "$@"; fi
  exec ctest --test-dir "$build" --output-on-failure "$@"
' tzdata-check "$zoneinfo" "$BUILD_DIR" "$@"
