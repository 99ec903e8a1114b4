#!/usr/bin/env bash
# Builds the whole test suite with AddressSanitizer + UndefinedBehaviorSanitizer in build-asan/ and runs it with CTest.
# Any finding fails its test: UBSan does not recover (no UBSan suppressions), ASan halts on the first error, LeakSanitizer reports leaks
# at exit (known leaks in system libraries are suppressed in tests/sanitizers/lsan.supp, each with its reason).
#
#   scripts/sanitize.sh [CTEST ARGS…]        e.g. scripts/sanitize.sh -R tst_guestcsv
#
# CHECKIN_ASAN_BUILD_DIR overrides the build dir; CHECKIN_JOBS the build parallelism (default 2).
# gcc 12 (the normal compiler) at -O1 with line tables only: the cheapest build that still gives file:line stacks.
# bench/ is not built (its targets are not tests).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
build="${CHECKIN_ASAN_BUILD_DIR:-build-asan}"
jobs="${CHECKIN_JOBS:-2}"
san="-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined"

if [[ ! -f "$build/build.ninja" ]]; then
  cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCMAKE_CXX_FLAGS="$san" -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g1" \
    -DCMAKE_EXE_LINKER_FLAGS="-fsanitize=address,undefined" \
    -DCMAKE_SHARED_LINKER_FLAGS="-fsanitize=address,undefined" \
    -DCMAKE_MODULE_LINKER_FLAGS="-fsanitize=address,undefined" >/dev/null
fi
# Every top-level directory's targets except bench/ (ninja's per-directory "<dir>/all" targets).
mapfile -t dirs < <(ninja -C "$build" -t targets all | sed -n 's|^\([^/]*\)/all: phony$|\1/all|p' | grep -vx 'bench/all')
cmake --build "$build" -j "$jobs" --target "${dirs[@]}"

supp="$root/tests/sanitizers"
export ASAN_OPTIONS="halt_on_error=1:abort_on_error=1:detect_leaks=1:check_initialization_order=1"
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1"
export LSAN_OPTIONS="suppressions=$supp/lsan.supp:print_suppressions=0"
ctest --test-dir "$build" --output-on-failure -j "$jobs" "$@"
