#!/usr/bin/env bats
# The manual pages: mandoc -Tlint is clean, and every example in the
# EXAMPLES of rpt-split.1 and rpt-numbers.1 is run, from the page itself, on
# the sample reports.  An example is the ".\" example: NAME" line in a
# literal display, the "$ command" after it (continued while it ends in | or
# \ or has an open quote), and the output lines shown under it, where
# "\&..." stands for lines left out.  The command's whole output must equal
# golden/man-NAME.out (golden/CASES names it "example PAGE NAME"), and the
# lines shown must be in it, in that order.  The examples of rpt-numbers.1
# are named numbers-*.

bats_require_minimum_version 1.5.0

setup() {
	load helper
	MAN=$TESTS/../man
	# Pipelines in the examples call the filters by name.
	PATH=$RPT_BIN:$PATH
}

# examples PAGE: the examples of man/PAGE (man_examples in golden.bash).
examples() { man_examples "$@"; }

# example PAGE NAME: its command (golden/CASES: "example PAGE NAME") gives
# golden/man-NAME.out, and the lines the page shows are in it.
example() {
	local page=$1 name=$2 cmd
	cmd=$(golden_cmd "man-$name.out") || fail "no line for man-$name.out in golden/CASES"
	grep -q -x -F -e "man-$name.out	example $page $name" "$GOLDEN/CASES" ||
	    fail "golden/CASES: man-$name.out is not the example $name of $page"
	case $cmd in
	*mlr\ *)
		command -v mlr >/dev/null || skip "Miller (mlr) is not installed"
		;;
	esac
	case $cmd in
	*datamash\ *)
		command -v datamash >/dev/null || skip "GNU datamash is not installed"
		;;
	esac
	golden_check "man-$name.out"
	SHOWN=$name examples "$page" >"$BATS_TEST_TMPDIR/shown"
	shown_in "$GOLDEN/man-$name.out" "$BATS_TEST_TMPDIR/shown" "$page"
}

# shown_in GOLDEN SHOWN PAGE: the runs of lines of SHOWN between "..." lines are
# runs of lines of GOLDEN, in order; without a "..." at the start (end),
# the first (last) run is where GOLDEN starts (ends).
shown_in() {
	awk '
	NR == FNR { g[++ng] = $0; next }
	{ s[++ns] = $0 }
	END {
		if (ns == 0)
			exit 0
		pos = 1
		i = 1
		while (i <= ns) {
			if (s[i] == "...") { i++; continue }
			j = i
			while (j <= ns && s[j] != "...")
				j++
			k = j - i		# run s[i .. j-1]
			first = i == 1
			last = j > ns
			found = 0
			for (at = pos; at + k - 1 <= ng; at++) {
				if (first && at != 1)
					break
				ok = 1
				for (m = 0; m < k; m++)
					if (g[at + m] != s[i + m]) { ok = 0; break }
				if (ok && last && at + k - 1 != ng)
					ok = 0
				if (ok) { found = 1; break }
			}
			if (!found) {
				for (m = 0; m < k; m++) {
					for (at = 1; at <= ng; at++)
						if (g[at] == s[i + m])
							break
					if (at > ng) {
						print "shown, but not in the output: " s[i + m] >"/dev/stderr"
						exit 1
					}
				}
				print "shown lines in another order or place than in the output, from: " s[i] >"/dev/stderr"
				exit 1
			}
			pos = at + k
			i = j
		}
	}' "$1" "$2" || fail "the output shown in $3 for this example is not what it prints"
}

@test "mandoc -Tlint -Wwarning: rpt.7, rpt-split.1, rpt-numbers.1 and rpt-stats.1 are clean" {
	command -v mandoc >/dev/null || fail "mandoc is not installed (make deps)"
	run mandoc -Tlint -Wwarning "$MAN/rpt.7" "$MAN/rpt-split.1" "$MAN/rpt-numbers.1" \
	    "$MAN/rpt-stats.1"
	assert_success
	assert_output ""
}

@test "mandoc -Tlint -Wall: rpt-numbers.1 has no style messages either" {
	command -v mandoc >/dev/null || fail "mandoc is not installed (make deps)"
	# Other pages and the system's man database are not ours to judge.
	run bash -c "mandoc -Tlint -Wall '$MAN/rpt-numbers.1' 2>&1 |
	    grep -v -e 'referenced manual not found' -e 'mandoc.db'"
	assert_output ""
}

# tagged PAGE NAME...: the examples of PAGE are exactly the NAMEs tested
# below, each with its golden file.
tagged() {
	local page=$1 n
	shift
	run examples "$page"
	assert_success
	assert_equal "$(printf '%s\n' "$output" | cut -f 1 | sort | tr '\n' ' ')" \
	    "$(printf '%s\n' "$@" | sort | tr '\n' ' ')"
	for n in "$@"; do
		[ -f "$GOLDEN/man-$n.out" ] || fail "no golden/man-$n.out"
	done
}

# documented FILTER: every long option of FILTER --help is in its page or
# in rpt.7, and the filter tested is the one built.
documented() {
	local o opts
	run -0 "$RPT_BIN/$1" --help
	opts=$(printf '%s\n' "$output" | grep -o -- '--[a-z][a-z-]*' | sort -u)
	[ -n "$opts" ]
	for o in $opts; do
		grep -q -F -e "Fl \\-${o#--}" "$MAN/$1.1" "$MAN/rpt.7" ||
		    fail "$o is in $1 --help but in no manual page"
	done
	[ "$(command -v "$1")" = "$RPT_BIN/$1" ]
}

@test "man: every example in rpt-split.1 is tagged and tested here" {
	tagged rpt-split.1 plain sections sections-mlr item item-mlr template template-mlr
}

@test "man: every example in rpt-numbers.1 is tagged and tested here" {
	tagged rpt-numbers.1 numbers-head numbers-mediated numbers-percent numbers-kinds numbers-names
}

@test "man: every example in rpt-stats.1 is tagged and tested here" {
	tagged rpt-stats.1 stats-table stats-missing stats-patterns stats-long
}

@test "man: every option in --help of every filter is in its manual page" {
	documented rpt-split
	documented rpt-sections
	documented rpt-numbers
	documented rpt-stats
}

@test "man: every word of the lists in lib/numbers.c is in rpt-numbers.1" {
	local src=$TESTS/../lib/numbers.c w missing=
	# The string arrays: measure words, qualifiers, names, words...
	awk '/^static const char \*const [a-z_]+\[\] = \{/, /\};/' "$src" |
	    grep -o '"[^"]*"' | tr -d '"' | sort -u >"$BATS_TEST_TMPDIR/words"
	[ "$(wc -l <"$BATS_TEST_TMPDIR/words")" -gt 300 ]
	while IFS= read -r w; do
		grep -q -F -e "$w" "$MAN/rpt-numbers.1" || missing="$missing $w"
	done <"$BATS_TEST_TMPDIR/words"
	[ -z "$missing" ] || fail "not in rpt-numbers.1:$missing"
}

@test "example: rpt-split report.txt" { example rpt-split.1 plain; }
@test "example: sentences per section with cut, sort, uniq" { example rpt-split.1 sections; }
@test "example: sentences per section with mlr" { example rpt-split.1 sections-mlr; }
@test "example: -u item, one paragraph, with awk and cut" { example rpt-split.1 item; }
@test "example: -u item, one paragraph, with mlr" { example rpt-split.1 item-mlr; }
@test "example: template sentences with mlr count-distinct" { example rpt-split.1 template-mlr; }
@test "example: template sentences with cut, sort, uniq" { example rpt-split.1 template; }
@test "example: rpt-numbers report.txt, the first quantities" { example rpt-numbers.1 numbers-head; }
@test "example: rpt-numbers, mediated disputes per report with mlr" { example rpt-numbers.1 numbers-mediated; }
@test "example: rpt-numbers --kinds=percent, mean per report with datamash" { example rpt-numbers.1 numbers-percent; }
@test "example: rpt-numbers -a, rows per kind with datamash" { example rpt-numbers.1 numbers-kinds; }
@test "example: rpt-numbers -a --kinds=ordinal,name" { example rpt-numbers.1 numbers-names; }
@test "example: rpt-stats, a few columns through column -t" { example rpt-stats.1 stats-table; }
@test "example: rpt-stats, the reports that lack a required part" { example rpt-stats.1 stats-missing; }
@test "example: rpt-stats -e, tracked phrases with mlr" { example rpt-stats.1 stats-patterns; }
@test "example: rpt-stats -l, one metric in long form" { example rpt-stats.1 stats-long; }
