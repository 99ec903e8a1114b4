#!/usr/bin/env bash
# Configures and builds ietf-checkin into ./build (incremental: a second run only rebuilds what changed).
# Usage: build.sh [TARGET…] (default: everything).
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD_DIR="${CHECKIN_BUILD_DIR:-build}"
JOBS="${CHECKIN_JOBS:-2}"
if [ ! -f "$BUILD_DIR/build.ninja" ]; then
  cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE="${CMAKE_BUILD_TYPE:-RelWithDebInfo}"
fi
cmake --build "$BUILD_DIR" -j "$JOBS" ${1:+--target "$@"}
