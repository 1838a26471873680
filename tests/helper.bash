# Shared set-up for the bats files.  RPT_BIN (set by tests/run.sh) is the
# directory holding the filters under test; RPT_VALGRIND, when set, is a
# prefix for every filter call (make check-valgrind).
bats_load_library bats-support
bats_load_library bats-assert

: "${RPT_BIN:?RPT_BIN must name the directory of the rpt binaries}"
TESTS=$BATS_TEST_DIRNAME
CORPUS=$TESTS/corpus
GOLDEN=$TESTS/golden

rpt_split() { ${RPT_VALGRIND:-} "$RPT_BIN/rpt-split" "$@"; }

# golden_diff NAME: compare $BATS_TEST_TMPDIR/out with golden/NAME.
golden_diff() {
	diff -u "$GOLDEN/$1" "$BATS_TEST_TMPDIR/out"
}
