#!/usr/bin/env bats
# The lossless property of rpt-split, over every report in tests/corpus, in
# all three unit modes: the text of all units, white space removed, is the
# input's text with white space and conversion debris removed.

setup() {
	load helper
	: "${RPT_TOOLS:?RPT_TOOLS must name the directory of the test tools}"
}

# lossless FILE [OPTION...]: rpt-split's units against the input itself.
lossless() {
	local f=$1 u
	shift
	iconv -f "$(enc_of "$f")" -t UTF-8 "$f" |
	    sed 's/\[bookmark: [^]]*\]//g' | "$RPT_TOOLS/nows" >"$BATS_TEST_TMPDIR/want"
	for u in para sentence item; do
		rpt_split -N -u "$u" "$@" "$f" | cut -f9 |
		    "$RPT_TOOLS/nows" -u >"$BATS_TEST_TMPDIR/got.$u"
		cmp "$BATS_TEST_TMPDIR/want" "$BATS_TEST_TMPDIR/got.$u"
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
