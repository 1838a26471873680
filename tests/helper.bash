# shellcheck shell=bash
# Shared set-up for the bats files.  RPT_BIN (set by tests/run.sh) is the
# directory holding the filters under test, RPT_TOOLS that of the test
# tools; under make check-valgrind both hold wrappers that run them under
# valgrind, and RPT_UNDER_VALGRIND is set (for the few tests that measure
# memory or time, which valgrind changes).
bats_load_library bats-support
bats_load_library bats-assert

: "${RPT_BIN:?RPT_BIN must name the directory of the rpt binaries}"
TESTS=$BATS_TEST_DIRNAME
# shellcheck disable=SC2034 # for the bats files
CORPUS=$TESTS/corpus
# shellcheck disable=SC2034
GOLDEN=$TESTS/golden

rpt_split() { "$RPT_BIN/rpt-split" "$@"; }

# golden_check NAME: the output of NAME's command in golden/CASES is
# golden/NAME (make golden rewrites them).
# shellcheck source=tests/golden.bash
. "$TESTS/golden.bash"
