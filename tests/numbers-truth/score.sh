#!/bin/sh
# score.sh [-l FIRST-LAST] TRUTH.tsv < rpt-numbers-output
#
# Scores `rpt-numbers -N` output for ONE report (stdin; columns
# file line col section part kind value max unit qual text context after)
# against a hand-made truth file (columns line text kind value max unit qual).
#
# A detection matches a truth row when line and text are equal; each truth
# row is matched at most once (the k-th detection of a given line+text is
# paired with the k-th truth row of that line+text).  attr_ok counts the
# matched rows whose value, unit and qual all equal the truth's.
# Rows whose kind is a non-quantity class (marker ordinal name code vague
# word, as written by -a) and header rows are ignored.
#
# An excerpt's truth covers only lines FIRST to LAST: with -l FIRST-LAST,
# or when TRUTH is named NAME.LFIRST-LAST.tsv, detections on other lines
# are ignored.
#
# Prints: tp fp fn precision recall attr_ok attr_total
# (precision/recall to 4 decimals; 1.0000 when the denominator is 0).
set -eu

usage() {
	echo "usage: $0 [-l FIRST-LAST] TRUTH.tsv < rpt-numbers-output" >&2
	exit 2
}
range=
if [ $# -ge 1 ] && [ "$1" = -l ]; then
	[ $# -ge 2 ] || usage
	range=$2
	shift 2
fi
if [ $# -ne 1 ] || [ ! -r "$1" ]; then
	usage
fi
if [ -z "$range" ]; then
	case $1 in
	*.L[0-9]*-[0-9]*.tsv)
		range=${1##*.L}
		range=${range%.tsv}
		;;
	esac
fi
case $range in
'')	first=1 last=0 ;;
[0-9]*-[0-9]*)
	first=${range%%-*} last=${range#*-}
	case $first$last in *[!0-9]*) usage ;; esac
	;;
*)	usage ;;
esac

awk -F '\t' -v first="$first" -v last="$last" '
function strip(s) { sub(/\r$/, "", s); return s }
NR == FNR {                                   # truth file
	$0 = strip($0)
	if (FNR == 1 && $1 == "line") next
	if ($0 == "") next
	k = $1 SUBSEP $2
	nt[k]++
	tv[k, nt[k]] = $4; tu[k, nt[k]] = $6; tq[k, nt[k]] = $7
	total++
	next
}
{                                             # detections (stdin)
	$0 = strip($0)
	if ($0 == "") next
	if ($2 == "line" && $11 == "text") next   # header, if any
	if ($6 ~ /^(marker|ordinal|name|code|vague|word)$/) next
	if (last + 0 > 0 && ($2 + 0 < first + 0 || $2 + 0 > last + 0)) next
	k = $2 SUBSEP $11
	if (used[k] < nt[k]) {
		used[k]++
		tp++
		i = used[k]
		if ($7 "" == tv[k, i] "" && $9 "" == tu[k, i] "" && $10 "" == tq[k, i] "") ok++
	} else
		fp++
}
END {
	tp += 0; fp += 0; ok += 0; total += 0
	fn = total - tp
	p = (tp + fp) ? tp / (tp + fp) : 1
	r = (tp + fn) ? tp / (tp + fn) : 1
	printf "%d %d %d %.4f %.4f %d %d\n", tp, fp, fn, p, r, ok, tp
}' "$1" -
