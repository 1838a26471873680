#!/usr/bin/env bats
# The lossless property of rpt-split, over every report in tests/corpus, in
# all three unit modes: the text of all units, white space removed, is the
# input's text with white space and conversion debris removed.

setup() {
	load helper
	: "${RPT_TOOLS:?RPT_TOOLS must name the directory of the test tools}"
}

# A PDF's page number alone on its line (— 1 —): a paragraph that goes on
# past one comes out first, the page number after it.
# (Alternatives, not a bracket expression: the dashes are several bytes,
# and the suite runs under the C locale too.)
page='^[[:space:]]*(—|－|–|-){1,2}[[:space:]]*[0-9]+[[:space:]]*(—|－|–|-){1,2}[[:space:]]*$'

# lossless FILE [OPTION...]: rpt-split's units against the input itself,
# in order once page numbers are set aside, and all of them.
lossless() {
	local f=$1 u
	shift
	iconv -f "$(enc_of "$f")" -t UTF-8 "$f" | tr '\f' '\n' |
	    sed 's/\[bookmark: [^]]*\]//g' >"$BATS_TEST_TMPDIR/in"
	grep -Ev "$page" "$BATS_TEST_TMPDIR/in" |
	    "$RPT_TOOLS/nows" >"$BATS_TEST_TMPDIR/want"
	for u in para sentence item; do
		rpt_split -N -u "$u" "$@" "$f" | cut -f9 >"$BATS_TEST_TMPDIR/units"
		grep -Ev "$page" "$BATS_TEST_TMPDIR/units" | "$RPT_TOOLS/nows" -u \
		    >"$BATS_TEST_TMPDIR/got.$u"
		cmp "$BATS_TEST_TMPDIR/want" "$BATS_TEST_TMPDIR/got.$u"
		# Nothing dropped: the page numbers are all there too.
		[ "$(grep -Ec "$page" "$BATS_TEST_TMPDIR/units")" = \
		    "$(grep -Ec "$page" "$BATS_TEST_TMPDIR/in")" ]
	done
}

enc_of() {
	case $1 in
	*-gbk.txt) echo GB18030 ;;
	*) echo UTF-8 ;;
	esac
}

@test "lossless: every sample and real report, all unit modes" {
	local n=0 f
	for f in "$CORPUS"/*.txt "$CORPUS"/real/*.txt; do
		lossless "$f"
		n=$((n + 1))
	done
	[ "$n" -ge 13 ]
}

@test "lossless: with --semicolon" {
	lossless "$CORPUS/000_6b9668183397f94f.txt" --semicolon
	lossless "$CORPUS/real/gwr-2024-weifang.txt" --semicolon
}

@test "lossless: one line made of every report at once" {
	cat "$CORPUS"/*.txt | tr -d '\n' >"$BATS_TEST_TMPDIR/flat.txt"
	lossless "$BATS_TEST_TMPDIR/flat.txt"
}
