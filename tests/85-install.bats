#!/usr/bin/env bats
# make install and make uninstall honour PREFIX and DESTDIR, install the
# filters and their man pages, and uninstall removes exactly that.

setup() {
	load helper
	cd "$TESTS/.."
}

@test "install: PREFIX and DESTDIR; the installed filter and man pages work; uninstall removes them" {
	local d=$BATS_TEST_TMPDIR/dest p=/opt/rpt
	make -s install DESTDIR="$d" PREFIX="$p" >/dev/null
	run bash -c "cd '$d$p' && find . -type f | sort"
	assert_success
	assert_output "$(printf '%s\n' ./bin/rpt-numbers ./bin/rpt-sections ./bin/rpt-split ./bin/rpt-stats ./share/man/man1/rpt-numbers.1 ./share/man/man1/rpt-sections.1 ./share/man/man1/rpt-split.1 ./share/man/man1/rpt-stats.1 ./share/man/man7/rpt.7)"
	run "$d$p/bin/rpt-split" -V
	assert_success
	assert_line --index 0 "rpt-split (rpt) 0.1.0"
	run bash -c "mandoc -Tascii '$d$p/share/man/man1/rpt-split.1' | head -1"
	assert_success
	assert_output --regexp '^RPT-SPLIT\(1\)'
	make -s uninstall DESTDIR="$d" PREFIX="$p" >/dev/null
	run find "$d" -type f
	assert_output ''
}
