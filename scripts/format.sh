#!/usr/bin/env bash
# Formats the C++ sources with the root .clang-format and Debian 12's clang-format (version 14), the one the CTest
# test sources_are_clang_formatted runs (tests/style/). Both use the file list below.
#   scripts/format.sh           formats every file in place
#   scripts/format.sh --check   changes nothing; names every file that is not formatted and fails
#   scripts/format.sh --list    prints the file list
# The files: every .h and .cpp under kiosk/ printing/ db/ tests/ bench/, except data (the fuzzers' corpus) and
# generated or third-party code. CLANG_FORMAT=path picks the binary (default clang-format-14, else clang-format).
set -euo pipefail
cd "$(dirname "$0")/.."

mode=apply
case "${1:-}" in
  --check) mode=check ;;
  --list) mode=list ;;
  "") ;;
  *) echo "usage: scripts/format.sh [--check|--list]" >&2; exit 2 ;;
esac

sources() {
  find kiosk printing db tests bench -type f \( -name '*.h' -o -name '*.cpp' \) \
    -not -path 'tests/fuzz/corpus/*' -not -path '*/generated/*' -not -path '*/third_party/*' | LC_ALL=C sort
}

if [ "$mode" = list ]; then
  sources
  exit 0
fi

clang_format=${CLANG_FORMAT:-}
if [ -z "$clang_format" ]; then
  for candidate in clang-format-14 clang-format; do
    if command -v "$candidate" >/dev/null; then clang_format=$candidate; break; fi
  done
fi
if [ -z "$clang_format" ]; then
  echo "format.sh: clang-format is not installed: apt-get install clang-format (Debian 12: version 14)" >&2
  exit 2
fi
# Another major version formats differently: the check would fail on a formatted tree.
version=$("$clang_format" --version | sed -n 's/.*version \([0-9][0-9]*\)\..*/\1/p')
if [ "$version" != 14 ]; then
  echo "format.sh: $clang_format is version ${version:-unknown}; the tree is formatted with Debian 12's" \
       "clang-format 14 (install it, or point CLANG_FORMAT at it)" >&2
  exit 2
fi

mapfile -t files < <(sources)
if [ "$mode" = apply ]; then
  "$clang_format" -i --style=file "${files[@]}"
  echo "format.sh: formatted ${#files[@]} files"
  exit 0
fi

# --dry-run --Werror reports each unformatted place as "FILE:LINE:COL: error: code should be clang-formatted".
status=0
report=$("$clang_format" --dry-run --Werror --style=file "${files[@]}" 2>&1) || status=$?
mapfile -t bad < <(printf '%s\n' "$report" | sed -n 's/^\(.*\):[0-9][0-9]*:[0-9][0-9]*: error: code should be clang-formatted.*/\1/p' | uniq)
if [ ${#bad[@]} -gt 0 ]; then
  echo "format.sh: ${#bad[@]} of ${#files[@]} files are not formatted with the root .clang-format" \
       "(scripts/format.sh formats them):"
  printf '  %s\n' "${bad[@]}"
  exit 1
fi
if [ "$status" -ne 0 ]; then
  echo "format.sh: $clang_format failed:" >&2
  printf '%s\n' "$report" | tail -n 20 >&2
  exit 1
fi
echo "format.sh: all ${#files[@]} files are formatted"
