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

# A file rpt reads in chunks (the first 128 KiB at once, then 64 KiB at a
# time, straight into its text when the bytes are valid UTF-8), with a bad
# byte at each offset given, alternately FF and NUL; fixed.txt has U+FFFD
# there instead.  Padding with "a" puts a bad byte exactly on its offset
# without cutting a character of lf.txt in two.
bad_at() {
	local t s c pad src=0 ins=0 k=0 b
	: >bad.txt
	: >fixed.txt
	for t in "$@"; do
		s=$((t - ins))
		c=$s
		while b=$(tail -c +$((c + 1)) lf.txt | head -c 1 | od -An -tx1) &&
		    [ "${b# }" \> 7f ] && [ "${b# }" \< c0 ]; do
			c=$((c - 1))
		done
		pad=$((s - c))
		tail -c +$((src + 1)) lf.txt | head -c $((c - src)) >seg
		head -c "$pad" /dev/zero | tr '\0' a >>seg
		cat seg >>fixed.txt
		printf '\357\277\275' >>fixed.txt
		cat seg >>bad.txt
		if [ $((k % 2)) = 0 ]; then printf '\377'; else printf '\000'; fi >>bad.txt
		src=$c
		ins=$((ins + pad + 1))
		k=$((k + 1))
	done
	tail -c +$((src + 1)) lf.txt >>fixed.txt
	tail -c +$((src + 1)) lf.txt >>bad.txt
}

@test "chunks: bad bytes (FF, NUL) on and beside every chunk boundary, --invalid=replace: the rows of the text with U+FFFD there, from a file and a pipe" {
	local o
	bad_at 131071 131072 131073 150000 196606 196608 262143 262144 262147
	# The bad bytes are where they were meant to go.
	for o in 131071 131072 131073 150000 196606 196608 262143 262144 262147; do
		tail -c +$((o + 1)) bad.txt | head -c 1 | od -An -tx1 | grep -Eq '^ (ff|00)$'
	done
	[ "$(tr -d '\377\000' <bad.txt | wc -c)" = $(($(wc -c <bad.txt) - 9)) ]
	rpt_split -k --label=x <fixed.txt >want.bad
	rpt_split -k --label=x --invalid=replace <bad.txt >got.file 2>err
	cmp want.bad got.file
	[ "$(wc -l <err)" = 1 ]
	"$RPT_TOOLS/trickle" <bad.txt | rpt_split -k --label=x --invalid=replace >got.pipe 2>err
	cmp want.bad got.pipe
	[ "$(wc -l <err)" = 1 ]
}

@test "chunks: a character cut by the end of a chunk, then a bad byte: U+FFFD for each, the rest read on" {
	# 国 (E5 9B BD) cut after E5 9B by an FF at 196608, a chunk's start.
	head -c 196606 lf.txt | iconv -f UTF-8 -t UTF-8 -c >seg || :
	{ cat seg; head -c $((196606 - $(wc -c <seg))) /dev/zero | tr '\0' a
	  printf '\345\233\377\345\233\275\n'; tail -n 100 lf.txt; } >bad.txt
	{ cat seg; head -c $((196606 - $(wc -c <seg))) /dev/zero | tr '\0' a
	  printf '\357\277\275\357\277\275\345\233\275\n'; tail -n 100 lf.txt; } >fixed.txt
	tail -c +196609 bad.txt | head -c 1 | od -An -tx1 | grep -q '^ ff$'
	rpt_split -k --label=x <fixed.txt >want.cut
	rpt_split -k --label=x --invalid=replace <bad.txt >got.file 2>/dev/null
	cmp want.cut got.file
}
