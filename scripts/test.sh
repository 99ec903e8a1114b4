#!/usr/bin/env bash
# The test command: installs what is needed (Debian 12), builds, and runs the whole test suite with CTest.
# CI runs exactly this (.ci/run).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
bash scripts/build.sh
BUILD_DIR="${CHECKIN_BUILD_DIR:-build}"
# Tests render offscreen and need no display; each test sets QT_QPA_PLATFORM=offscreen itself.
ctest --test-dir "$BUILD_DIR" --output-on-failure -j 2 "$@"
