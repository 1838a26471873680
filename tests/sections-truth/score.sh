#!/bin/sh
# score.sh [-c] [-v] TRUTH.tsv INPUT.txt < rpt-sections-output
# score.sh -s [-v] [-p PROFILE] DIR RPT-SECTIONS [GLOB]
#
# Scores `rpt-sections -i` output for ONE report (stdin; columns file line
# kind level marker num path part title chars, a header row allowed)
# against a hand-made truth file (columns line kind level marker part
# title; README.md).  INPUT is the report: a boilerplate row of the output
# stands for the lines its title joins with " / ", which are the next
# non-blank lines of INPUT from its own.  With -c the last line of INPUT
# is cut mid-sentence: rows on it are ignored on both sides.
#
# Prints one line of counts, for a total over many reports:
#   head_tp head_fp head_fn hd_tp hd_fp hd_fn lv_ok pt_ok it_tp it_fp it_fn
#   mk_tp mk_fn um_tp um_fn
# head: title subtitle author docno issuer addressee signature date and
# boilerplate lines, matched on line and kind; hd: headings, on line;
# lv_ok/pt_ok: matched headings with the truth's level/part; it: items,
# on line and marker, and only when the truth lists items at all (the
# truth of a long report may list headings only); mk/um: truth headings
# with/without a marker found.
# -v lists every mismatch on standard error.
#
# With -s, runs RPT-SECTIONS -i (with --profile=PROFILE if given) on
# tests/corpus/web/NAME.txt or tests/corpus/real/NAME.txt for every
# DIR/NAME.tsv (web files with -c), or those whose NAME matches GLOB, and
# prints the totals with precision and recall.
set -eu

usage() {
	echo "usage: score.sh [-c] [-v] TRUTH.tsv INPUT.txt < output" >&2
	echo "       score.sh -s [-v] [-p PROFILE] DIR RPT-SECTIONS [GLOB]" >&2
	exit 2
}

cut='' verbose='' suite='' profile=''
while getopts csvp: o; do
	case $o in
	c) cut=1 ;;
	s) suite=1 ;;
	v) verbose=-v ;;
	p) profile=$OPTARG ;;
	*) usage ;;
	esac
done
shift $((OPTIND - 1))
[ $# -eq 2 ] || { [ -n "$suite" ] && [ $# -eq 3 ]; } || usage
here=$(cd "$(dirname "$0")" && pwd)

if [ -n "$suite" ]; then
	corpus=$here/../corpus
	for t in "$1"/${3:-*}.tsv; do
		name=$(basename "$t" .tsv)
		c=
		if [ -r "$corpus/web/$name.txt" ]; then
			in=$corpus/web/$name.txt c=-c
		elif [ -r "$corpus/real/$name.txt" ]; then
			in=$corpus/real/$name.txt
		else
			echo "score.sh: $name: no input in $corpus" >&2
			exit 2
		fi
		[ -n "$verbose" ] && echo "== $name" >&2
		# shellcheck disable=SC2086 # $c $verbose: an option or none
		"$2" -i ${profile:+"--profile=$profile"} "$in" |
		    sh "$0" $c $verbose "$t" "$in"
	done | awk '
	{ for (i = 1; i <= NF; i++) s[i] += $i; n++ }
	function p(tp, fp) { return tp + fp ? sprintf("%.3f", tp / (tp + fp)) : "1" }
	function r(tp, fn) { return tp + fn ? sprintf("%.3f", tp / (tp + fn)) : "1" }
	END {
		printf "reports %d\n", n
		printf "head      tp %d fp %d fn %d  P %s R %s\n", s[1], s[2], s[3], p(s[1], s[2]), r(s[1], s[3])
		printf "headings  tp %d fp %d fn %d  P %s R %s\n", s[4], s[5], s[6], p(s[4], s[5]), r(s[4], s[6])
		printf "levels    %d/%d %s\n", s[7], s[4], r(s[7], s[4] - s[7])
		printf "parts     %d/%d %s\n", s[8], s[4], r(s[8], s[4] - s[8])
		printf "items     tp %d fp %d fn %d  P %s R %s\n", s[9], s[10], s[11], p(s[9], s[10]), r(s[9], s[11])
		printf "marked    R %s (%d/%d)   unmarked R %s (%d/%d)\n", r(s[12], s[13]), s[12], s[12] + s[13], r(s[14], s[15]), s[14], s[14] + s[15]
	}'
	exit 0
fi

if [ ! -r "$1" ] || [ ! -r "$2" ]; then
	usage
fi
LC_ALL=C awk -F '\t' -v cut="$cut" -v verbose="$verbose" -v truth="$1" -v input="$2" '
function head(k) { return k ~ /^(title|subtitle|author|docno|issuer|addressee|signature|date|boilerplate)$/ }
function say(s) { if (verbose != "") print s > "/dev/stderr" }
BEGIN {
	nl = 0
	while ((getline l < input) > 0) {
		nl++
		sub(/\r$/, "", l)
		blank[nl] = l ~ /^([ \t\v\f]|\302\240|\343\200\200)*$/
	}
	last = cut != "" ? nl : nl + 1
	while ((getline l < truth) > 0) {
		sub(/\r$/, "", l)
		split(l, f, "\t")
		if (f[1] == "line" || l == "" || f[1] + 0 >= last)
			continue
		if (head(f[2]))
			th[f[1] SUBSEP f[2]]++
		else if (f[2] == "heading") {
			thd[f[1]] = 1; tlv[f[1]] = f[3]; tpt[f[1]] = f[5]; tmk[f[1]] = f[4]
		} else if (f[2] == "item") {
			tit[f[1] SUBSEP f[4]]++
			items = 1
		}
	}
}
$1 == "file" && $2 == "line" { next }
{
	line = $2 + 0
	if ($3 == "boilerplate") {
		k = split($9, parts, " / ")
		for (j = line; k > 0 && j < last; j++)
			if (!blank[j]) {
				oh[j SUBSEP "boilerplate"]++
				k--
			}
	} else if (line >= last)
		next
	else if (head($3))
		oh[line SUBSEP $3]++
	else if ($3 == "heading") {
		ohd[line] = 1; olv[line] = $4; opt[line] = $8; omk[line] = $5
	} else if ($3 == "item" && items)
		oit[line SUBSEP $5]++
}
# pair(o, t, what): match the multisets o (output) and t (truth) of keys;
# sets tp, fp and fn, and names each miss with -v.
function pair(o, t, what,   k, m, a) {
	tp = fp = fn = 0
	for (k in o) {
		m = o[k] < t[k] ? o[k] : t[k]
		tp += m; fp += o[k] - m
		if (o[k] > m) { split(k, a, SUBSEP); say("fp " what " " a[1] " " a[2]) }
	}
	for (k in t) {
		m = o[k] < t[k] ? o[k] : t[k]
		fn += t[k] - m
		if (t[k] > m) { split(k, a, SUBSEP); say("fn " what " " a[1] " " a[2]) }
	}
}
END {
	pair(oh, th, "head")
	htp = tp; hfp = fp; hfn = fn
	for (l in ohd)
		if (l in thd) {
			dtp++
			if (olv[l] == tlv[l]) lv++
			else say("level " l " " olv[l] " want " tlv[l])
			if (opt[l] == tpt[l]) pt++
			else say("part " l " " opt[l] " want " tpt[l])
			if (tmk[l] != "") mk++
			else um++
		} else {
			dfp++
			say("fp heading " l " " omk[l])
		}
	for (l in thd)
		if (!(l in ohd)) {
			dfn++
			if (tmk[l] != "") mkfn++
			else umfn++
			say("fn heading " l " " tmk[l])
		}
	pair(oit, tit, "item")
	itp = tp; ifp = fp; ifn = fn
	printf "%d %d %d %d %d %d %d %d %d %d %d %d %d %d %d\n", htp, hfp, hfn,
	    dtp, dfp, dfn, lv, pt, itp, ifp, ifn, mk, mkfn, um, umfn
}'
