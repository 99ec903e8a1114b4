#!/usr/bin/env bash
# Builds the libFuzzer targets in build-fuzz/ (clang, -fsanitize=fuzzer,address,undefined) and runs each for
# SECONDS (default 60) on a scratch copy of its seed corpus, so tests/fuzz/corpus/ never grows.
#
#   scripts/fuzz.sh [SECONDS] [TARGET...]     e.g. scripts/fuzz.sh 600 fuzz_token fuzz_guestcsv
#
# Needs clang-16 and libclang-rt-16-dev (scripts/install-deps.sh); CHECKIN_FUZZ_CXX overrides the compiler.
# Stops at the first crash and prints the reproducer; rerun one with: build-fuzz/tests/fuzz/TARGET REPRODUCER
# Prints one line per target: target, seconds, executions, result. Exit status 1 if any target failed.
# CHECKIN_FUZZ_JOBS=2 runs two targets at a time (what CI does on its two cores).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${CHECKIN_FUZZ_BUILD:-$root/build-fuzz}"
all=(fuzz_token fuzz_guestcsv fuzz_programme_json fuzz_programme_csv fuzz_programme_ics fuzz_badgelayout)

seconds=60
if [[ $# -gt 0 && "$1" =~ ^[0-9]+$ ]]; then
  seconds="$1"
  shift
fi
targets=("$@")
[[ ${#targets[@]} -eq 0 ]] && targets=("${all[@]}")
for t in "${targets[@]}"; do
  [[ " ${all[*]} " == *" $t "* ]] || { echo "fuzz.sh: unknown target '$t' (known: ${all[*]})" >&2; exit 2; }
done

cxx="${CHECKIN_FUZZ_CXX:-clang++-16}"
command -v "$cxx" >/dev/null || { echo "fuzz.sh: $cxx not found; run scripts/install-deps.sh" >&2; exit 2; }

if [[ ! -f "$build/CMakeCache.txt" ]]; then
  cmake -S "$root" -B "$build" -G Ninja -DCHECKIN_FUZZ_CXX="$cxx" -C "$root/tests/fuzz/fuzz-cache.cmake" >/dev/null
fi
cmake --build "$build" -j "${CHECKIN_JOBS:-2}" --target "${targets[@]}"

work="$(mktemp -d "${TMPDIR:-/tmp}/checkin-fuzz.XXXXXX")"
cd "$work"
echo "fuzz.sh: scratch corpora, logs and crash inputs in $work"
# UBSan findings abort (the library is built with -fno-sanitize-recover=undefined); print their stacks.
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1}"
export QT_QPA_PLATFORM=offscreen LC_ALL=C.UTF-8
# clang's runtime needs llvm-symbolizer for file:line stacks (Debian package llvm-16).
if [[ -z "${ASAN_SYMBOLIZER_PATH:-}" && -x /usr/lib/llvm-16/bin/llvm-symbolizer ]]; then
  export ASAN_SYMBOLIZER_PATH=/usr/lib/llvm-16/bin/llvm-symbolizer
fi
jobs="${CHECKIN_FUZZ_JOBS:-1}"

# Runs one target; prints its summary line and, on failure, the finding. Exit status 1 if it failed.
run_target() {
  local t="$1" corpus="$work/$1/corpus" artifacts="$work/$1/artifacts" log="$work/$1/fuzz.log"
  mkdir -p "$corpus" "$artifacts"
  cp -r "$root/tests/fuzz/corpus/$t/." "$corpus/"
  local args=(-max_total_time="$seconds" -print_final_stats=1 -artifact_prefix="$artifacts/")
  [[ -f "$root/tests/fuzz/$t.dict" ]] && args+=(-dict="$root/tests/fuzz/$t.dict")
  local start rc elapsed execs result crash
  start=$(date +%s)
  set +e
  "$build/tests/fuzz/$t" "${args[@]}" "$corpus" >"$log" 2>&1
  rc=$?
  set -e
  elapsed=$(( $(date +%s) - start ))
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  [[ -z "$execs" ]] && execs=$(grep -o '#[0-9]*' "$log" | tail -1 | tr -d '#' || true)
  if [[ $rc -eq 0 ]]; then
    result="clean"
  else
    crash=$(ls -1 "$artifacts" 2>/dev/null | head -1)
    result="FAILED (exit $rc) reproducer: ${crash:+$artifacts/$crash} log: $log"
  fi
  printf '%-22s %6ss %12s execs  %s\n' "$t" "$elapsed" "${execs:-?}" "$result" | tee "$work/$t/summary"
  if [[ $rc -ne 0 ]]; then
    grep -m1 -A40 -E 'ERROR: (AddressSanitizer|libFuzzer)|runtime error' "$log" >&2 || tail -40 "$log" >&2
    return 1
  fi
}

# CHECKIN_FUZZ_JOBS targets at a time (default 1; CI runs two on its two cores). Sequential runs stop at the
# first failing target; parallel ones finish the batch that failed.
status=0
pids=()
for t in "${targets[@]}"; do
  run_target "$t" &
  pids+=($!)
  if [[ ${#pids[@]} -ge $jobs ]]; then
    for p in "${pids[@]}"; do wait "$p" || status=1; done
    pids=()
    [[ $status -ne 0 ]] && break
  fi
done
for p in "${pids[@]}"; do wait "$p" || status=1; done

echo
echo "target                 seconds   executions  result"
for t in "${targets[@]}"; do [[ -f "$work/$t/summary" ]] && cat "$work/$t/summary"; done
exit $status
