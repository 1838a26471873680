#!/usr/bin/env bats
# make install and make uninstall honour PREFIX and DESTDIR, install the
# filters and their man pages, and uninstall removes exactly that.

setup() {
	load helper
	cd "$TESTS/.." || return 1
}

@test "install: PREFIX and DESTDIR; the installed filter and man pages work; uninstall removes them" {
	local d=$BATS_TEST_TMPDIR/dest p=/opt/rpt
	make -s install DESTDIR="$d" PREFIX="$p" >/dev/null
	run bash -c "cd '$d$p' && find . -type f | sort"
	assert_success
	assert_output "$(printf '%s\n' ./bin/rpt-numbers ./bin/rpt-sections ./bin/rpt-split ./bin/rpt-stats ./share/man/man1/rpt-numbers.1 ./share/man/man1/rpt-sections.1 ./share/man/man1/rpt-split.1 ./share/man/man1/rpt-stats.1 ./share/man/man7/rpt.7)"
	for f in rpt-numbers rpt-sections rpt-split rpt-stats; do
		run "$d$p/bin/$f" -V
		assert_success
		assert_line --index 0 "$f (rpt) 0.1.0"
		run bash -c "MANWIDTH=80 man -l '$d$p/share/man/man1/$f.1' 2>/dev/null | head -1"
		assert_success
		assert_output --regexp "^${f^^}\\(1\\)"
	done
	run bash -c "MANWIDTH=80 man -l '$d$p/share/man/man7/rpt.7' 2>/dev/null | head -1"
	assert_output --regexp '^RPT\(7\)'
	make -s uninstall DESTDIR="$d" PREFIX="$p" >/dev/null
	run find "$d" -type f
	assert_output ''
}

@test "install: PREFIX alone, then uninstall leaves nothing behind" {
	local p=$BATS_TEST_TMPDIR/prefix
	make -s install PREFIX="$p" >/dev/null
	run "$p/bin/rpt-stats" -N "$CORPUS/000_6b9668183397f94f.txt"
	assert_success
	make -s uninstall PREFIX="$p" >/dev/null
	run find "$p" -type f
	assert_output ''
}
