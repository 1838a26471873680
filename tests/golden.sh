#!/usr/bin/env bash
# golden.sh [NAME...] - rewrite the golden files tests/golden/NAME (all
# those listed in tests/golden/CASES by default) from the filters in
# RPT_BIN (make golden: the current build), with the command lines the
# tests use (tests/golden.bash), then show what changed: git diff --stat
# and git diff of tests/golden/, to be reviewed before a commit.  Fails
# when a command fails or writes to stderr (its file is left as it was),
# or when a file in tests/golden/ has no line in CASES.
set -u
TESTS=$(cd "$(dirname "$0")" && pwd)
: "${RPT_BIN:=$TESTS/../bin}"
export TESTS RPT_BIN
# shellcheck source=tests/golden.bash
. "$TESTS/golden.bash"
# The tests run under LC_ALL=C and C.UTF-8 and must agree: either will do.
export LC_ALL=C

fix=$(mktemp -d)
trap 'rm -rf "$fix"' EXIT INT TERM
golden_fixture "$fix/dir"
status=0
if [ $# -eq 0 ]; then
	mapfile -t names < <(golden_names)
else
	names=("$@")
fi
for n in "${names[@]}"; do
	if golden_run "$n" "$fix/dir" >"$fix/out" 2>"$fix/err" && [ ! -s "$fix/err" ]; then
		if ! cmp -s "$fix/out" "$TESTS/golden/$n"; then
			cp "$fix/out" "$TESTS/golden/$n"
			echo "golden.sh: rewrote tests/golden/$n"
		fi
	else
		echo "golden.sh: $n: the command failed, tests/golden/$n left as it was:" >&2
		cat "$fix/err" >&2
		status=1
	fi
done
# Files no line of CASES makes.
for f in "$TESTS"/golden/*; do
	n=${f##*/}
	[ "$n" = CASES ] && continue
	if ! golden_names | grep -q -x -F -e "$n"; then
		echo "golden.sh: tests/golden/$n: no line in tests/golden/CASES" >&2
		status=1
	fi
done
cd "$TESTS/.." || exit 1
if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
	git --no-pager diff --stat -- tests/golden
	git --no-pager status --short --untracked-files=all -- tests/golden | grep '^??' || :
	git --no-pager diff -- tests/golden
	if git diff --quiet -- tests/golden; then
		echo "golden.sh: tests/golden unchanged"
	fi
fi
exit $status
