#!/usr/bin/env bats
# Reading does not depend on where the input is cut: the same text, in
# every encoding and line-end convention rpt reads, from a file and from a
# pipe that delivers it a few bytes at a time (tests/tools/trickle), gives
# the TSV of the plain UTF-8 file.  The text is larger than the reader's
# buffers, so characters, CRLF pairs and BOMs straddle every boundary.

setup_file() {
	local t=$BATS_FILE_TMPDIR c=$BATS_TEST_DIRNAME/corpus
	{
		cat "$c"/*.txt
		for f in "$c"/real/*.txt; do
			case $f in
			*-gbk.txt) iconv -f GB18030 -t UTF-8 "$f" ;;
			*) sed 's/\r$//; 1s/^\xef\xbb\xbf//' "$f" ;;
			esac
			echo
		done
	} | head -c 300000 >"$t/cut.txt"
	# Drop the character head cut in two (iconv -c says so, and exits 1).
	iconv -f UTF-8 -t UTF-8 -c "$t/cut.txt" >"$t/lf.txt" 2>/dev/null || :
	[ "$(wc -c <"$t/lf.txt")" -gt 299990 ]
	sed 's/$/\r/' "$t/lf.txt" >"$t/crlf.txt"
	tr '\n' '\r' <"$t/lf.txt" >"$t/cr.txt"
	{ printf '\357\273\277'; cat "$t/lf.txt"; } >"$t/bom.txt"
	iconv -f UTF-8 -t GB18030 "$t/lf.txt" >"$t/gb.txt"
	{ printf '\377\376'; iconv -f UTF-8 -t UTF-16LE "$t/crlf.txt"; } >"$t/le.txt"
	{ printf '\376\377'; iconv -f UTF-8 -t UTF-16BE "$t/lf.txt"; } >"$t/be.txt"
}

setup() {
	load helper
	: "${RPT_TOOLS:?RPT_TOOLS must name the directory of the test tools}"
	cd "$BATS_FILE_TMPDIR" || return 1
	[ -f want ] || rpt_split -k --label=x <lf.txt >want
	[ "$(wc -l <want)" -gt 2000 ]
}

# same INPUT [OPTION...]: from the file and through a trickling pipe.
same() {
	local f=$1
	shift
	rpt_split -k --label=x "$@" <"$f" >got.file
	cmp want got.file
	"$RPT_TOOLS/trickle" <"$f" | rpt_split -k --label=x "$@" >got.pipe
	cmp want got.pipe
}

@test "chunks: UTF-8, from a file and trickled through a pipe" { same lf.txt; }
@test "chunks: CRLF and CR-only line ends" { same crlf.txt; same cr.txt; }
@test "chunks: UTF-8 with a BOM" { same bom.txt; }
@test "chunks: GB18030, detected and named" { same gb.txt; same gb.txt -E gb18030; }
@test "chunks: UTF-16LE (with CRLF) and UTF-16BE, with BOMs" { same le.txt; same be.txt; }
