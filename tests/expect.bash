# shellcheck shell=bash
# Checks of a filter run for the bats files that compare the exact output
# (00-cli.bats, 70-hostile.bats): load it in setup() after helper, and set
# T (the test's folder) and, after each run, $T/out (stdout), $T/err
# (stderr) and status (the exit status).  A failure names the filter run
# when F holds its name (00-cli.bats runs each test for every filter).

# tsv FIELD...: one TSV row (fields given already escaped).
tsv() {
	local IFS=$'\t'
	printf '%s\n' "$*"
}

# expect_out: stdout must equal what is piped in, byte for byte.
expect_out() {
	cat >"$T/expected-out"
	diff -u "$T/expected-out" "$T/out" ||
	    { echo "${F:+$F: }stdout is not the expected (-) one" >&2; return 1; }
}

# expect_err LINE...: stderr must be exactly these lines (none: empty).
expect_err() {
	if [ $# -eq 0 ]; then
		: >"$T/expected-err"
	else
		printf '%s\n' "$@" >"$T/expected-err"
	fi
	diff -u "$T/expected-err" "$T/err" ||
	    { echo "${F:+$F: }stderr is not the expected (-) one" >&2; return 1; }
}

# expect_status N: the exit status must be N.
expect_status() {
	# shellcheck disable=SC2154 # the caller sets it
	if [ "$status" -ne "$1" ]; then
		echo "${F:+$F: }exit status $status, expected $1" >&2
		return 1
	fi
}
