#!/bin/sh
# score.sh [-v] RPT_NUMBERS [CASES.tsv ...]
# Runs rpt-numbers on the input of each case of the public suites (one run
# per case) and prints, per suite and in total, the applicable cases, the
# right ones and the wrong ones.  A case is right when rpt-numbers writes
# exactly the expected rows, in order, each with the expected kind, value,
# max, unit and qual; a case whose kind is none is right when it writes no
# row.  -v also lists the wrong cases, expected and got.
set -eu
verbose=0
if [ "${1:-}" = -v ]; then verbose=1; shift; fi
if [ $# -lt 1 ]; then
	echo "usage: $0 [-v] RPT_NUMBERS [CASES.tsv ...]" >&2
	exit 2
fi
bin=$1
shift
dir=$(CDPATH='' cd -- "$(dirname -- "$0")" && pwd)
if [ $# -eq 0 ]; then
	set -- "$dir"/*.tsv
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
# One line per case: suite, source, input, expected rows joined by ' | '.
awk -F '\t' '
	FNR == 1 { next }
	{
		key = $1 "\t" $2 "\t" $3
		row = ($8 == "none") ? "" : $8 "," $4 "," $5 "," $6 "," $7
		if (key != last) {
			if (n) print out
			n++; last = key; out = key "\t" row
		} else
			out = out " | " row
	}
	END { if (n) print out }
' "$@" > "$tmp/cases"
tab=$(printf '\t')
while IFS=$tab read -r suite source input expect; do
	got=$(printf '%s\n' "$input" | "$bin" -N 2>/dev/null |
		awk -F '\t' '{ printf "%s%s,%s,%s,%s,%s", (NR > 1 ? " | " : ""), $6, $7, $8, $9, $10 }') || got="(exit $?)"
	if [ "$got" = "$expect" ]; then r=right; else r=wrong; fi
	printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$r" "$suite" "$source" "$input" "$expect" "$got"
done < "$tmp/cases" > "$tmp/results"
if [ "$verbose" = 1 ]; then
	awk -F '\t' '$1 == "wrong" {
		printf "%s %s: %s\n  expected: %s\n  got:      %s\n", $2, $3, $4, ($5 == "" ? "(none)" : $5), ($6 == "" ? "(none)" : $6)
	}' "$tmp/results"
	echo
fi
awk -F '\t' '
	{ n[$2]++; N++; if ($1 == "right") { r[$2]++; R++ } else { w[$2]++; W++ } }
	END {
		printf "%-18s %6s %6s %6s\n", "suite", "cases", "right", "wrong"
		for (s in n) printf "%-18s %6d %6d %6d\n", s, n[s], r[s], w[s] | "sort"
		close("sort")
		printf "%-18s %6d %6d %6d\n", "total", N, R, W
	}' "$tmp/results"
