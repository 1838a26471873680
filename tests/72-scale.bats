#!/usr/bin/env bats
# Time linear in the size of the input, however it is made up (issue 11):
# a statistical annex or a long numbered list of N headings, each with a
# line of body, once took every filter time quadratic in N (80 000
# headings: 22 s).  Each filter must read 200 000 headings (about 7 MB)
# within 60 s, 20 times that under valgrind; the rows are checked too, so
# a filter that stops early does not pass.

setup() {
	load helper
	T=$BATS_TEST_TMPDIR
	LIMIT=60
	[ -z "${RPT_UNDER_VALGRIND:-}" ] || LIMIT=1200
	N=200000
}

# headings FORMAT: N headings made with FORMAT (a printf format of K),
# each followed by a body line, in $T/in.txt.
headings() {
	awk -v n="$N" -v fmt="$1" 'BEGIN {
		for (k = 1; k <= n; k++) {
			printf fmt "\n", k, k
			print "正文内容，这是一段正文。"
		}
	}' >"$T/in.txt"
}

# within FILTER ARGS...: run the filter on $T/in.txt under the time limit;
# stdout in $T/out.
within() {
	local f=$1
	shift
	local status=0
	timeout "$LIMIT" "$RPT_BIN/$f" "$@" "$T/in.txt" >"$T/out" || status=$?
	[ "$status" -eq 0 ] || {
		echo "$f $*: exit status $status (124: over ${LIMIT}s)"
		return 1
	}
}

check_all() {
	within rpt-split -N -u para
	# every heading is a level-1 section of its own, the last one N
	[ "$(awk -F'\t' '$7 == "heading"' "$T/out" | wc -l)" -eq "$N" ]
	[ "$(tail -n 1 "$T/out" | cut -f5,7)" = "$N	body" ]
	within rpt-sections -N
	[ "$(wc -l <"$T/out")" -eq "$N" ]
	[ "$(tail -n 1 "$T/out" | cut -f4,7)" = "1	$N" ]
	within rpt-sections -N --check
	within rpt-numbers -N
	# the number in each title is a quantity or a marker, never lost
	[ "$(wc -l <"$T/out")" -ge "$N" ]
	within rpt-stats
	[ "$(mlr --itsv --ojson cut -f headings,depth "$T/out" | tr -d ' \n')" = "[{\"headings\":$N,\"depth\":1}]" ]
}

@test "200 000 headings 1. 2. ... each with body: every filter in linear time" {
	headings '%d.标题%d'
	check_all
}

@test "200 000 headings （1）（2）... each with body: every filter in linear time" {
	headings '（%d）标题%d'
	check_all
}
