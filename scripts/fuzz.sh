#!/usr/bin/env bash
# Builds the libFuzzer targets in build-fuzz/ (clang, -fsanitize=fuzzer,address,undefined) and runs each for
# SECONDS (default 60) on a scratch copy of its seed corpus, so tests/fuzz/corpus/ never grows.
#
#   scripts/fuzz.sh [SECONDS] [TARGET...]     e.g. scripts/fuzz.sh 600 fuzz_token fuzz_guestcsv
#
# Needs clang-16 and libclang-rt-16-dev (scripts/install-deps.sh); CHECKIN_FUZZ_CXX overrides the compiler.
# Stops at the first crash and prints the reproducer; rerun one with: build-fuzz/tests/fuzz/TARGET REPRODUCER
# Prints one line per target: target, seconds, executions, result. Exit status 1 if any target failed.
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
cmake --build "$build" --target "${targets[@]}"

work="$(mktemp -d "${TMPDIR:-/tmp}/checkin-fuzz.XXXXXX")"
cd "$work"
echo "fuzz.sh: scratch corpora, logs and crash inputs in $work"
# UBSan findings abort (the library is built with -fno-sanitize-recover=undefined); print their stacks.
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1}"
export QT_QPA_PLATFORM=offscreen LC_ALL=C.UTF-8

status=0
summary=()
for t in "${targets[@]}"; do
  corpus="$work/$t/corpus"
  artifacts="$work/$t/artifacts"
  mkdir -p "$corpus" "$artifacts"
  cp -r "$root/tests/fuzz/corpus/$t/." "$corpus/"
  args=(-max_total_time="$seconds" -print_final_stats=1 -artifact_prefix="$artifacts/")
  [[ -f "$root/tests/fuzz/$t.dict" ]] && args+=(-dict="$root/tests/fuzz/$t.dict")
  log="$work/$t/fuzz.log"
  start=$(date +%s)
  set +e
  "$build/tests/fuzz/$t" "${args[@]}" "$corpus" >"$log" 2>&1
  rc=$?
  set -e
  elapsed=$(( $(date +%s) - start ))
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  [[ -z "$execs" ]] && execs=$(grep -o '#[0-9]*' "$log" | tail -1 | tr -d '#')
  if [[ $rc -eq 0 ]]; then
    result="clean"
  else
    crash=$(ls -1 "$artifacts" 2>/dev/null | head -1)
    result="FAILED (exit $rc) reproducer: ${crash:+$artifacts/$crash} log: $log"
  fi
  line=$(printf '%-22s %6ss %12s execs  %s' "$t" "$elapsed" "${execs:-?}" "$result")
  echo "$line"
  summary+=("$line")
  if [[ $rc -ne 0 ]]; then
    grep -m1 -A40 -E 'ERROR: (AddressSanitizer|libFuzzer)|runtime error' "$log" >&2 || tail -40 "$log" >&2
    status=1
    break
  fi
done

echo
echo "target                 seconds   executions  result"
printf '%s\n' "${summary[@]}"
exit $status
