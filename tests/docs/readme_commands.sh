#!/usr/bin/env bash
# The README's "Preparing a meeting" commands run as written: the first ```sh block under "## Preparing a meeting",
# run with bash -euo pipefail in a temporary folder holding docs/examples/*, with the build's checkinctl on PATH.
# Usage: readme_commands.sh SOURCE_DIR CHECKINCTL_DIR
set -uo pipefail
source_dir=${1:?usage: readme_commands.sh SOURCE_DIR CHECKINCTL_DIR}
bin_dir=${2:?usage: readme_commands.sh SOURCE_DIR CHECKINCTL_DIR}
readme=$source_dir/README.md

# The block, and the README line each of its lines came from.
heading=$(grep -n '^## Preparing a meeting$' "$readme" | head -1 | cut -d: -f1)
if [ -z "$heading" ]; then
  echo "FAIL: README.md has no '## Preparing a meeting' heading" >&2
  exit 1
fi
start=$(awk -v h="$heading" 'NR > h && /^```sh$/ { print NR; exit } NR > h && /^## / { exit }' "$readme")
if [ -z "$start" ]; then
  echo "FAIL: README.md:$heading: no \`\`\`sh block under '## Preparing a meeting'" >&2
  exit 1
fi
end=$(awk -v s="$start" 'NR > s && /^```$/ { print NR; exit }' "$readme")
if [ -z "$end" ]; then
  echo "FAIL: README.md:$start: the \`\`\`sh block is never closed" >&2
  exit 1
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -r "$source_dir"/docs/examples/. "$work"/
sed -n "$((start + 1)),$((end - 1))p" "$readme" > "$work/block.sh"

# Each failing command's line in the README: the block starts on run.sh's line 2, so README line = start + LINENO - 1.
cat > "$work/run.sh" <<RUN
trap 's=\$?; n=\$((LINENO - 1)); echo "FAIL: README.md:\$(( $start + n )): exit status \$s from: \$(sed -n "\${n}p" "$work/block.sh")" >&2' ERR
RUN
cat "$work/block.sh" >> "$work/run.sh"

status=0
( cd "$work" && PATH="$bin_dir:$PATH" HOME="$work/home" CHECKIN_DB= LC_ALL=C.UTF-8 bash -euo pipefail run.sh ) \
  > "$work/out.txt" 2> "$work/err.txt" || status=$?
cat "$work/out.txt"
cat "$work/err.txt" >&2
if [ "$status" -ne 0 ]; then
  echo "FAIL: README.md:$start-$end: the 'Preparing a meeting' block stopped with exit status $status" >&2
  exit 1
fi

# What the block should have left behind.
failures=0
check() { # check DESCRIPTION COMMAND...
  local what=$1
  shift
  if ! "$@" > /dev/null 2>&1; then
    echo "FAIL: README.md:$start-$end: $what" >&2
    failures=$((failures + 1))
  fi
}
db=$(find "$work" -maxdepth 1 -name '*.sqlite' | head -1)
check "a database file (*.sqlite) in the folder the commands ran in" test -n "$db"
guests_in_csv=$(( $(grep -c . "$work/guests.csv") - 1 ))
if [ -n "$db" ]; then
  listed=$(cd "$work" && PATH="$bin_dir:$PATH" checkinctl --db "$db" guests list 2> /dev/null | grep -c '"guest"')
  check "the database holds the $guests_in_csv guests of guests.csv (it holds $listed)" test "$listed" -eq "$guests_in_csv"
  check "the Vietnamese guest's name is family name first after 'guests edit'" \
    grep -q '"name":"Nguyễn Thị Minh Khai"' <(cd "$work" && PATH="$bin_dir:$PATH" checkinctl --db "$db" guests list)
fi
pdfs=$(find "$work" -path '*invitations*' -name '*.pdf' | wc -l)
check "an invitation PDF per guest ($guests_in_csv expected, $pdfs found)" test "$pdfs" -eq "$guests_in_csv"
check "the mail-merge file invitations.csv" test -n "$(find "$work" -name invitations.csv)"
emls=$(find "$work" -name '*.eml' | wc -l)
check "an .eml file per guest from 'invitations send --dry-run' ($guests_in_csv expected, $emls found)" \
  test "$emls" -eq "$guests_in_csv"
check "sessions imported by 'programme import'" grep -q '"attendees_linked".*"imported":true,"inserted":[1-9]' "$work/out.txt"
check "a staff PIN set" grep -q '"pin_set":true' "$work/out.txt"

if [ "$failures" -ne 0 ]; then
  exit 1
fi
echo "README.md:$start-$end: the 'Preparing a meeting' commands ran as written"
