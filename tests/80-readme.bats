#!/usr/bin/env bats
# Every ```console block of README.md is run: each "$ command" from the
# repository root with the filters on PATH, and its output compared with the
# lines that follow it in the README.

setup() {
	load helper
	PATH=$RPT_BIN:$PATH
	cd "$TESTS/.." || return 1
}

@test "README: every console example prints what the README shows" {
	local n=0 cmd want
	awk -v dir="$BATS_TEST_TMPDIR" '
		/^```console$/ { inblock = 1; next }
		/^```$/ { inblock = 0; next }
		!inblock { next }
		/^\$ / { f = dir "/ex." ++n; print substr($0, 3) > (f ".cmd"); close(f ".cmd"); printf "" > (f ".want"); next }
		{ print >> (f ".want") }
	' README.md
	for cmd in "$BATS_TEST_TMPDIR"/ex.*.cmd; do
		want=${cmd%.cmd}.want
		bash -c "$(cat "$cmd")" >"${cmd%.cmd}.got" || {
			echo "failed: $(cat "$cmd")"
			return 1
		}
		diff -u "$want" "${cmd%.cmd}.got" || {
			echo "in: $(cat "$cmd")"
			return 1
		}
		n=$((n + 1))
	done
	[ "$n" -ge 4 ]
}
