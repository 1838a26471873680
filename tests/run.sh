#!/bin/sh
# Run the whole suite (bats files in tests/) under LC_ALL=C and under
# LC_ALL=C.UTF-8 (or the locales in RPT_LOCALES): rpt's output must not
# depend on the locale.  Ends with the line "N passed, M failed" and fails
# when anything failed.  RPT_TESTS names some of the bats files instead of
# all of them.
set -u
here=$(cd "$(dirname "$0")" && pwd)
: "${RPT_BIN:=$here/../bin}"
: "${RPT_TOOLS:=$here/tools}"
export RPT_BIN RPT_TOOLS
log=$(mktemp)
trap 'rm -f "$log"' EXIT INT TERM
status=0
for loc in ${RPT_LOCALES:-C C.UTF-8}; do
	echo "# LC_ALL=$loc"
	# RPT_TESTS: some of the files (names in tests/), all by default.
	# shellcheck disable=SC2086 # a list of files, or the pattern
	(cd "$here" && LC_ALL=$loc bats --tap ${RPT_TESTS:-*.bats}) >"$log" 2>&1 ||
	    status=1
	cat "$log"
	grep -c '^ok ' "$log" >>"$log.pass" || :
	grep -c '^not ok ' "$log" >>"$log.fail" || :
done
pass=$(awk '{ s += $1 } END { print s + 0 }' "$log.pass")
fail=$(awk '{ s += $1 } END { print s + 0 }' "$log.fail")
rm -f "$log.pass" "$log.fail"
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ] && [ "$pass" -gt 0 ] && [ "$status" -eq 0 ]
