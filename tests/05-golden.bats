#!/usr/bin/env bats
# The golden files: tests/golden/CASES lists each file of tests/golden/
# once with the command that makes it, and each is compared by a test
# (golden_check NAME in a bats file, or an example of a page, which
# 90-man.bats tests).  make golden (tests/golden.sh) rewrites them.

setup() {
	load helper
}

@test "golden/CASES: one line per file of golden/, each with a command" {
	local n
	golden_names | sort >"$BATS_TEST_TMPDIR/cases"
	[ -s "$BATS_TEST_TMPDIR/cases" ]
	sort -u "$BATS_TEST_TMPDIR/cases" | diff -u - "$BATS_TEST_TMPDIR/cases" ||
	    fail "a name is twice in golden/CASES"
	for n in "$GOLDEN"/*; do
		[ "${n##*/}" = CASES ] || printf '%s\n' "${n##*/}"
	done | sort | diff -u - "$BATS_TEST_TMPDIR/cases" ||
	    fail "golden/ and golden/CASES differ (+: a line without its file, -: a file without its line)"
	while IFS= read -r n; do
		golden_cmd "$n" >/dev/null || fail "no command for $n"
	done <"$BATS_TEST_TMPDIR/cases"
}

@test "golden/CASES: every file is compared by a test" {
	local n cmd
	while IFS=$'\t' read -r n cmd; do
		case $n in
		'#'*|'') continue ;;
		esac
		case $cmd in
		# an example of a page: 90-man.bats runs every one
		'example '*) continue ;;
		esac
		grep -q -F -e "golden_check $n" "$TESTS"/*.bats ||
		    fail "no test calls golden_check $n"
	done <"$GOLDEN/CASES"
}
