#!/usr/bin/env bats
# The hostile-input catalogue of issue 6: what lands in a shared folder
# (truncated downloads, mangled encodings, binary files, huge or odd files,
# odd file names, files still being written) against all four filters.
# Each case checks the exact stderr and exit status, and the exact stdout
# where it matters (elsewhere: that nothing was dropped).  Every filter call
# runs under `timeout`, so a hang fails its test instead of the suite.
# Where 00-cli.bats already asserts exactly the same of rpt-split, a case
# says so instead of repeating it.
# The input is made at test time in $BATS_TEST_TMPDIR.
#
# The three bugs this catalogue found (a UTF-8 file cut inside its last
# character taken for GB18030; a GB18030 four-byte sequence with no
# character split into a bad byte and text; two messages for a binary file
# under --invalid=replace) are fixed, and their tests run.

setup() {
	load helper
	load expect
	T=$BATS_TEST_TMPDIR
	cd "$T" || return 1
	FILTERS=(split sections numbers stats)
	# seconds per filter call; under valgrind (make check-valgrind) far more
	TMO=20
	[ -z "${RPT_UNDER_VALGRIND:-}" ] || TMO=900
	L63=$(printf '测试%057d' 0 | tr 0 a)
}

# ---- helpers -----------------------------------------------------------------

# rr P ARG...: run rpt-P with a time limit; stdout in $T/out, stderr in
# $T/err, exit status in $status.  A time-out, a death by signal, or
# valgrind's exit status 99 fails the test at once (a sanitizer's report
# fails it through the exact stderr).
rr() {
	local p=$1
	shift
	status=0
	timeout -k 5 "$TMO" "$RPT_BIN/rpt-$p" "$@" >"$T/out" 2>"$T/err" ||
	    status=$?
	if [ "$status" -gt 2 ]; then
		echo "rpt-$p $*: exit status $status (time-out, signal or abort)" >&2
		head -c 2000 "$T/err" >&2
		return 1
	fi
}

# filt P ARG...: rpt-P, for building expected output.
filt() {
	local p=$1
	shift
	"$RPT_BIN/rpt-$p" "$@"
}

hdr() {
	case $1 in
	split) tsv file line para n section part kind chars text ;;
	sections) tsv file line kind level marker num path part title chars ;;
	numbers) tsv file line col section part kind value max unit qual \
	    text context after ;;
	stats) tsv file status encoding profile title docno issuer year date \
	    chars han paras sents avg_sent headings depth items quantities \
	    percents parts missing boilerplate_chars ;;
	esac
}

# The text every damaged file starts with: a heading and a figure, so that
# every filter has rows for it.
pre_text() { printf '一、总则\n共调解纠纷3件。\n'; }
mk_pre() { pre_text >"$1"; }

# pre_rows P NAME [STATUS]: rpt-P's rows (-N) for mk_pre's two lines under
# NAME (escaped); STATUS is rpt-stats' status, ok by default.
pre_rows() {
	case $1 in
	split)
		tsv "$2" 1 1 1 1 achievements heading 4 '一、总则'
		tsv "$2" 2 2 2 1 achievements body 8 '共调解纠纷3件。' ;;
	sections)
		tsv "$2" 1 heading 1 '一、' 1 1 achievements '总则' 12 ;;
	numbers)
		tsv "$2" 2 6 1 achievements count 3 '' '件' exact '3件' \
		    '共调解纠纷' '' ;;
	stats)
		tsv "$2" "${3:-ok}" utf-8 summary '' '' '' '' '' 12 9 2 2 6.0 1 1 \
		    0 1 0 achievements:12 problems,plans 0 ;;
	esac
}

# refused_row P NAME MESSAGE: the row a refused file still has (rpt-stats,
# and rpt-sections --check); nothing for the other filters.
refused_row() {
	case $1 in
	stats) tsv "$2" refused '' '' '' '' '' '' '' '' '' '' '' '' '' '' '' \
	    '' '' '' '' '' ;;
	check) tsv "$2" '' refused "could not be read: $3" ;;
	esac
}

# empty_row NAME ENCODING [STATUS]: rpt-stats' row for an empty document.
empty_row() {
	tsv "$1" "${3:-ok}" "$2" '' '' '' '' '' '' 0 0 0 0 '' 0 0 0 0 0 '' '' 0
}

# like P LABEL FILE ARG...: rpt-P -N on FILE read as standard input and
# shown as LABEL: the rows another file should have.
like() {
	local p=$1 label=$2 f=$3
	shift 3
	filt "$p" -N "$@" --label="$label" <"$f"
}

# as_partial: rpt-stats rows with status partial.
as_partial() { awk 'BEGIN { FS = OFS = "\t" } { $2 = "partial"; print }'; }

u8hint='(try -E gb18030, or iconv -f GB18030)'
enchint='(check the encoding given with -E)'

# head64k: 1024 lines of 63 bytes and LF, exactly the first 64 KiB.
head64k() { yes "$L63" | head -n 1024; }

# ---- UTF-8 -------------------------------------------------------------------

@test "UTF-8 cut short at the end of the file (2, 3, 4 bytes): one error naming every byte, earlier rows kept, next file read, exit 1" {
	local p f
	mk_pre ok.txt
	mk_pre cut2.txt && printf '末行\303' >>cut2.txt
	mk_pre cut3.txt && printf '末行\344\270' >>cut3.txt
	mk_pre cut4.txt && printf '末行\360\237\230' >>cut4.txt
	for p in "${FILTERS[@]}"; do
		rr "$p" -N cut2.txt cut3.txt cut4.txt ok.txt
		expect_err \
		    "rpt-$p: cut2.txt:3:3: invalid UTF-8 byte 0xc3 $u8hint" \
		    "rpt-$p: cut3.txt:3:3: invalid UTF-8 sequence 0xe4 0xb8 $u8hint" \
		    "rpt-$p: cut4.txt:3:3: invalid UTF-8 sequence 0xf0 0x9f 0x98 $u8hint"
		{
			for f in cut2.txt cut3.txt cut4.txt; do
				pre_rows "$p" "$f" partial
			done
			pre_rows "$p" ok.txt
		} | expect_out
		expect_status 1
		# the same with -E utf-8, and from standard input
		rr "$p" -N -E utf-8 cut3.txt
		expect_err "rpt-$p: cut3.txt:3:3: invalid UTF-8 sequence 0xe4 0xb8 $u8hint"
		pre_rows "$p" cut3.txt partial | expect_out
		expect_status 1
		rr "$p" -N <cut4.txt
		expect_err "rpt-$p: -:3:3: invalid UTF-8 sequence 0xf0 0x9f 0x98 $u8hint"
		pre_rows "$p" - partial | expect_out
		expect_status 1
	done
}

@test "UTF-8 cut short at the end, --invalid=replace: one U+FFFD for the cut character, one warning, exit 0" {
	local p
	mk_pre cut3.txt && printf '末行\344\270' >>cut3.txt
	mk_pre cut4.txt && printf '末行\360\237\230' >>cut4.txt
	mk_pre fixed.txt && printf '末行\357\277\275' >>fixed.txt
	for p in "${FILTERS[@]}"; do
		rr "$p" -N --invalid=replace cut3.txt cut4.txt
		expect_err \
		    "rpt-$p: cut3.txt:3:3: warning: invalid UTF-8 sequence 0xe4 0xb8 replaced by U+FFFD (and any others in this file)" \
		    "rpt-$p: cut4.txt:3:3: warning: invalid UTF-8 sequence 0xf0 0x9f 0x98 replaced by U+FFFD (and any others in this file)"
		{ like "$p" cut3.txt fixed.txt; like "$p" cut4.txt fixed.txt; } |
		    expect_out
		expect_status 0
	done
	# that the U+FFFD is text, one character of its row, is asserted by
	# 00-cli.bats' "UTF-8 cut off at the end of the file"
}

@test "UTF-8 cut short at the end of a short file otherwise ASCII or valid GB18030 by chance: still UTF-8 and an error, not silent GB18030" {
	local p
	printf 'report\n\344\270' >ascii-cut.txt
	printf '中文\n\344\270' >han-cut.txt
	printf 'report\n' >ascii.txt
	printf '中文\n' >han.txt
	for p in "${FILTERS[@]}"; do
		rr "$p" -N ascii-cut.txt han-cut.txt
		expect_err \
		    "rpt-$p: ascii-cut.txt:2:1: invalid UTF-8 sequence 0xe4 0xb8 $u8hint" \
		    "rpt-$p: han-cut.txt:2:1: invalid UTF-8 sequence 0xe4 0xb8 $u8hint"
		if [ "$p" = stats ]; then
			{ like "$p" ascii-cut.txt ascii.txt
			  like "$p" han-cut.txt han.txt; } | as_partial | expect_out
		else
			{ like "$p" ascii-cut.txt ascii.txt
			  like "$p" han-cut.txt han.txt; } | expect_out
		fi
		expect_status 1
	done
}

# Overlong forms, surrogates, code points past U+10FFFF, the old 5- and
# 6-byte forms and bytes never used: each is reported at its first byte
# (the maximal invalid subpart, as Unicode recommends), and
# --invalid=replace puts one U+FFFD for each such subpart.
#   bytes | the message's words | U+FFFDs
OVERLONG=(
	'\300\257|byte 0xc0|2'			# '/' in 2 bytes
	'\301\277|byte 0xc1|2'			# U+007F in 2 bytes
	'\340\200\257|byte 0xe0|3'		# '/' in 3 bytes
	'\340\237\277|byte 0xe0|3'		# U+07FF in 3 bytes
	'\360\200\200\257|byte 0xf0|4'		# '/' in 4 bytes
	'\360\217\277\277|byte 0xf0|4'		# U+FFFF in 4 bytes
	'\355\240\200|byte 0xed|3'		# U+D800, a high surrogate
	'\355\277\277|byte 0xed|3'		# U+DFFF, a low surrogate
	'\355\240\275\355\270\200|byte 0xed|6'	# CESU-8 pair for U+1F600
	'\364\220\200\200|byte 0xf4|4'		# U+110000
	'\367\277\277\277|byte 0xf7|4'		# U+1FFFFF
	'\370\210\200\200\200|byte 0xf8|5'	# a 5-byte form
	'\374\204\200\200\200\200|byte 0xfc|6'	# a 6-byte form
	'\376|byte 0xfe|1'
	'\377|byte 0xff|1'
)

# mk_overlong DIR BEFORE: one file DIR/NN.txt per OVERLONG case, BEFORE
# (a command) then 二<bytes>句。; DIR/NN.fixed with U+FFFD instead.
mk_overlong() {
	local i=0 c bytes n k fffd
	mkdir "$1"
	for c in "${OVERLONG[@]}"; do
		i=$((i + 1))
		bytes=${c%%|*}
		n=${c##*|}
		fffd=
		for ((k = 0; k < n; k++)); do fffd+=$'\xef\xbf\xbd'; done
		# shellcheck disable=SC2059 # $bytes holds octal escapes for printf
		{ $2; printf "二$bytes句。\\n"; } >"$1/$(printf %02d $i).txt"
		{ $2; printf '二%s句。\n' "$fffd"; } >"$1/$(printf %02d $i).fixed"
	done
}

# overlong_err P DIR LINE [warning]: rpt-P's stderr for DIR/NN.txt, one
# line per OVERLONG case at LINE:2, in order: the error, or with warning
# the warning of --invalid=replace.
overlong_err() {
	local i=0 c what
	for c in "${OVERLONG[@]}"; do
		i=$((i + 1))
		what=${c#*|}
		what=${what%|*}
		if [ "${4:-}" = warning ]; then
			printf 'rpt-%s: %s/%02d.txt:%s:2: warning: invalid UTF-8 %s replaced by U+FFFD (and any others in this file)\n' \
			    "$1" "$2" "$i" "$3" "$what"
		else
			printf 'rpt-%s: %s/%02d.txt:%s:2: invalid UTF-8 %s %s\n' \
			    "$1" "$2" "$i" "$3" "$what" "$u8hint"
		fi
	done
}

@test "overlong encodings, surrogates, past U+10FFFF, 5- and 6-byte forms in the first 64 KiB: error at the first byte, next file read, exit 1" {
	local p i
	mk_overlong ov pre_text
	for p in "${FILTERS[@]}"; do
		rr "$p" -N ov/*.txt
		overlong_err "$p" ov 3 >"$T/want-err"
		diff -u "$T/want-err" "$T/err"
		for ((i = 1; i <= ${#OVERLONG[@]}; i++)); do
			pre_rows "$p" "ov/$(printf %02d $i).txt" partial
		done | expect_out
		expect_status 1
	done
}

@test "overlong encodings and surrogates with --invalid=replace: one U+FFFD per invalid subpart, one warning per file, exit 0" {
	local p f
	mk_overlong ov pre_text
	for p in "${FILTERS[@]}"; do
		rr "$p" -N --invalid=replace ov/*.txt
		overlong_err "$p" ov 3 warning >"$T/want-err"
		diff -u "$T/want-err" "$T/err"
		for f in ov/*.txt; do
			like "$p" "$f" "${f%.txt}.fixed"
		done | expect_out
		expect_status 0
	done
}

@test "overlong encodings and surrogates after the first 64 KiB: the same errors, at line 1025, the 1024 lines before kept" {
	local p i
	mk_overlong late head64k
	# the rows of the 1024 good lines, as rpt-P gives them
	head64k >good.txt
	for p in "${FILTERS[@]}"; do
		rr "$p" -N late/*.txt
		overlong_err "$p" late 1025 >"$T/want-err"
		diff -u "$T/want-err" "$T/err"
		for ((i = 1; i <= ${#OVERLONG[@]}; i++)); do
			if [ "$p" = stats ]; then
				like "$p" "late/$(printf %02d $i).txt" good.txt | as_partial
			else
				like "$p" "late/$(printf %02d $i).txt" good.txt
			fi
		done | expect_out
		expect_status 1
	done
}

# ---- byte order marks and UTF-16 ----------------------------------------------

@test "a lone byte order mark (UTF-8, UTF-16LE, UTF-16BE), with or without a line end: an empty document, exit 0" {
	local p
	printf '\357\273\277' >bom8.txt
	printf '\377\376' >bomle.txt
	printf '\376\377' >bombe.txt
	printf '\357\273\277\n' >bom8-nl.txt
	printf '\377\376\n\000' >bomle-nl.txt
	printf '\376\377\000\n' >bombe-nl.txt
	# a second BOM is U+FEFF, which is white space: still empty
	printf '\357\273\277\357\273\277' >bom8-twice.txt
	for p in split sections numbers; do
		rr "$p" bom8.txt bomle.txt bombe.txt bom8-nl.txt bomle-nl.txt \
		    bombe-nl.txt bom8-twice.txt
		expect_err
		hdr "$p" | expect_out
		expect_status 0
	done
	rr stats -N bom8.txt bomle.txt bombe.txt bom8-nl.txt bomle-nl.txt \
	    bombe-nl.txt bom8-twice.txt
	expect_err
	{
		empty_row bom8.txt utf-8-bom
		empty_row bomle.txt utf-16le
		empty_row bombe.txt utf-16be
		empty_row bom8-nl.txt utf-8-bom
		empty_row bomle-nl.txt utf-16le
		empty_row bombe-nl.txt utf-16be
		empty_row bom8-twice.txt utf-8-bom
	} | expect_out
	expect_status 0
	# the same on standard input
	for p in "${FILTERS[@]}"; do
		rr "$p" -N <bomle.txt
		expect_err
		[ "$p" = stats ] || expect_out </dev/null
		expect_status 0
	done
}

@test "a lone byte order mark read with -E naming another encoding: an error at 1:1 or 1:2, or U+FFFE as text" {
	local p
	printf '\357\273\277' >bom8.txt
	printf '\377\376' >bomle.txt
	printf '\376\377' >bombe.txt
	for p in "${FILTERS[@]}"; do
		rr "$p" -N -E utf-8 bomle.txt bombe.txt
		expect_err \
		    "rpt-$p: bomle.txt:1:1: invalid UTF-8 byte 0xff $u8hint" \
		    "rpt-$p: bombe.txt:1:1: invalid UTF-8 byte 0xfe $u8hint"
		expect_status 1
		rr "$p" -N -E gb18030 bom8.txt bomle.txt
		expect_err \
		    "rpt-$p: bom8.txt:1:2: invalid GB18030 byte 0xbf $enchint" \
		    "rpt-$p: bomle.txt:1:1: invalid GB18030 byte 0xff $enchint"
		expect_status 1
		# three bytes of UTF-8 BOM as UTF-16: one code unit and an odd byte
		rr "$p" -N -E utf-16le bom8.txt
		expect_err "rpt-$p: bom8.txt:1:2: invalid UTF-16 byte 0xbf $enchint"
		expect_status 1
	done
	rr stats -N -E utf-8 bomle.txt
	expect_out < <(empty_row bomle.txt utf-8 partial)
	# the other byte order's mark is no BOM under -E: it is U+FFFE, kept
	rr split -N -E utf-16be bomle.txt
	expect_err
	tsv bomle.txt 1 1 1 '' preamble body 1 $'\xef\xbf\xbe' | expect_out
	expect_status 0
}

@test "UTF-16 with an odd byte count: the odd byte is an error at its line:col, the lines before kept; U+FFFD with --invalid=replace" {
	local p
	# BOM, 一句。LF 二句 (or 二 LF), and one byte x; built from code units:
	# 一 U+4E00 句 U+53E5 。 U+3002 二 U+4E8C
	printf '\377\376\000\116\345\123\002\060\012\000\214\116\345\123x' >odd-le.txt
	printf '\376\377\116\000\123\345\060\002\000\012\116\214\123\345x' >odd-be.txt
	printf '\377\376\000\116\345\123\002\060\012\000\214\116\012\000x' >odd-le-nl.txt
	printf '\377\376x' >odd-bom.txt
	printf '\000\116\345\123\002\060\012\000x' >odd-nobom.txt
	for p in "${FILTERS[@]}"; do
		rr "$p" -N odd-le.txt odd-be.txt odd-le-nl.txt odd-bom.txt
		expect_err \
		    "rpt-$p: odd-le.txt:2:3: invalid UTF-16 byte 0x78 $enchint" \
		    "rpt-$p: odd-be.txt:2:3: invalid UTF-16 byte 0x78 $enchint" \
		    "rpt-$p: odd-le-nl.txt:3:1: invalid UTF-16 byte 0x78 $enchint" \
		    "rpt-$p: odd-bom.txt:1:1: invalid UTF-16 byte 0x78 $enchint"
		expect_status 1
		rr "$p" -N -E utf-16le odd-nobom.txt
		expect_err "rpt-$p: odd-nobom.txt:2:1: invalid UTF-16 byte 0x78 $enchint"
		expect_status 1
	done
	rr split -N odd-le.txt odd-be.txt odd-le-nl.txt odd-bom.txt
	{
		tsv odd-le.txt 1 1 1 '' preamble body 3 '一句。'
		tsv odd-be.txt 1 1 1 '' preamble body 3 '一句。'
		tsv odd-le-nl.txt 1 1 1 '' preamble body 3 '一句。'
		tsv odd-le-nl.txt 2 2 2 '' preamble body 1 '二'
	} | expect_out
	rr stats -N odd-le.txt odd-bom.txt
	{
		tsv odd-le.txt partial utf-16le summary '' '' '' '' '' 3 2 1 1 3.0 0 0 0 0 0 preamble:3 achievements,problems,plans 0
		empty_row odd-bom.txt utf-16le partial
	} | expect_out
	rr split -N --invalid=replace odd-le.txt odd-be.txt odd-le-nl.txt odd-bom.txt
	expect_err \
	    "rpt-split: odd-le.txt:2:3: warning: invalid UTF-16 byte 0x78 replaced by U+FFFD (and any others in this file)" \
	    "rpt-split: odd-be.txt:2:3: warning: invalid UTF-16 byte 0x78 replaced by U+FFFD (and any others in this file)" \
	    "rpt-split: odd-le-nl.txt:3:1: warning: invalid UTF-16 byte 0x78 replaced by U+FFFD (and any others in this file)" \
	    "rpt-split: odd-bom.txt:1:1: warning: invalid UTF-16 byte 0x78 replaced by U+FFFD (and any others in this file)"
	{
		tsv odd-le.txt 1 1 1 '' preamble body 3 '一句。'
		tsv odd-le.txt 2 2 2 '' preamble body 3 $'二句\xef\xbf\xbd'
		tsv odd-be.txt 1 1 1 '' preamble body 3 '一句。'
		tsv odd-be.txt 2 2 2 '' preamble body 3 $'二句\xef\xbf\xbd'
		tsv odd-le-nl.txt 1 1 1 '' preamble body 3 '一句。'
		tsv odd-le-nl.txt 2 2 2 '' preamble body 1 '二'
		tsv odd-le-nl.txt 3 3 3 '' preamble body 1 $'\xef\xbf\xbd'
		tsv odd-bom.txt 1 1 1 '' preamble body 1 $'\xef\xbf\xbd'
	} | expect_out
	expect_status 0
}

@test "UTF-16 surrogates: a lone low one, a high one not followed by a low one, a high one at the end: error naming the code unit, exit 1" {
	local p
	# 一句。LF 二 <unit> 句 LF, little- and big-endian
	printf '\377\376\000\116\345\123\002\060\012\000\214\116\000\334\345\123\012\000' >lo-le.txt
	printf '\377\376\000\116\345\123\002\060\012\000\214\116\000\330\345\123\012\000' >hi-le.txt
	printf '\376\377\116\000\123\345\060\002\000\012\116\214\330\000\123\345\000\012' >hi-be.txt
	printf '\376\377\116\000\123\345\060\002\000\012\116\214\330\000' >hi-end-be.txt
	# a good pair (U+1F600) for comparison
	printf '\376\377\116\000\123\345\060\002\000\012\116\214\330\075\336\000\123\345\000\012' >pair-be.txt
	for p in "${FILTERS[@]}"; do
		rr "$p" -N lo-le.txt hi-le.txt hi-be.txt hi-end-be.txt pair-be.txt
		expect_err \
		    "rpt-$p: lo-le.txt:2:2: invalid UTF-16 sequence 0x00 0xdc $enchint" \
		    "rpt-$p: hi-le.txt:2:2: invalid UTF-16 sequence 0x00 0xd8 $enchint" \
		    "rpt-$p: hi-be.txt:2:2: invalid UTF-16 sequence 0xd8 0x00 $enchint" \
		    "rpt-$p: hi-end-be.txt:2:2: invalid UTF-16 sequence 0xd8 0x00 $enchint"
		expect_status 1
	done
	rr split -N lo-le.txt pair-be.txt
	{
		tsv lo-le.txt 1 1 1 '' preamble body 3 '一句。'
		tsv pair-be.txt 1 1 1 '' preamble body 3 '一句。'
		tsv pair-be.txt 2 2 2 '' preamble body 3 '二😀句'
	} | expect_out
	rr split -N --invalid=replace lo-le.txt hi-end-be.txt
	expect_err \
	    "rpt-split: lo-le.txt:2:2: warning: invalid UTF-16 sequence 0x00 0xdc replaced by U+FFFD (and any others in this file)" \
	    "rpt-split: hi-end-be.txt:2:2: warning: invalid UTF-16 sequence 0xd8 0x00 replaced by U+FFFD (and any others in this file)"
	{
		tsv lo-le.txt 1 1 1 '' preamble body 3 '一句。'
		tsv lo-le.txt 2 2 2 '' preamble body 3 $'二\xef\xbf\xbd句'
		tsv hi-end-be.txt 1 1 1 '' preamble body 3 '一句。'
		tsv hi-end-be.txt 2 2 2 '' preamble body 2 $'二\xef\xbf\xbd'
	} | expect_out
	expect_status 0
}

# ---- GB18030 -------------------------------------------------------------------

# gb4: a heading, then 表情😀和𠀀字€与<U+0080>及ḿ。 and 边界<U+FFFF><U+10000>
# <U+10FFFF>共3件。 in GB18030 (four-byte sequences: 😀 94 39 FC 36,
# 𠀀 95 32 82 36, U+0080 81 30 81 30, U+FFFF 84 31 A4 39, U+10000
# 90 30 81 30, U+10FFFF E3 32 9A 35), and the same text in UTF-8.
mk_gb4() {
	printf '\322\273\241\242\327\334\324\362\n' >"$1"
	printf '\261\355\307\351\224\071\374\066\272\315\225\062\202\066\327\326\242\343\323\353\201\060\201\060\274\260\250\274\241\243\n' >>"$1"
	printf '\261\337\275\347\204\061\244\071\220\060\201\060\343\062\232\065\271\262\063\274\376\241\243\n' >>"$1"
	printf '一、总则\n表情😀和𠀀字€与\302\200及ḿ。\n边界\357\277\277\360\220\200\200\364\217\277\277共3件。\n' >"$2"
}

@test "GB18030 four-byte sequences (U+0080, U+FFFF, U+10000, U+10FFFF, emoji, CJK Ext. B) decode to the same rows as the UTF-8 text" {
	local p
	mk_gb4 gb4.txt u8.txt
	for p in split sections numbers; do
		rr "$p" -N gb4.txt
		expect_err
		like "$p" gb4.txt u8.txt | expect_out
		expect_status 0
		rr "$p" -N -E gb18030 gb4.txt
		expect_err
		like "$p" gb4.txt u8.txt | expect_out
		expect_status 0
	done
	rr stats -N gb4.txt
	expect_err
	like stats gb4.txt u8.txt | sed 's/	utf-8	/	gb18030	/' | expect_out
	expect_status 0
	rr split -N gb4.txt
	[ "$(cut -f8,9 "$T/out" | sed -n 3p)" = $'9\t边界\xef\xbf\xbf\xf0\x90\x80\x80\xf4\x8f\xbf\xbf共3件。' ]
}

@test "GB18030 four-byte sequences cut short at the end or with a bad fourth byte: an error at line:col, the lines before kept" {
	local p
	mk_gb4 gb4.txt u8.txt
	# 二 (B6 FE) and 𠀀 cut after three bytes, at the end of the file
	{ cat gb4.txt; printf '\266\376\225\062\202'; } >cut.txt
	# 二, then 81 30 81 and ')' where the fourth byte should be, 。
	{ cat gb4.txt; printf '\266\376\201\060\201\051\241\243\n'; } >bad4.txt
	for p in "${FILTERS[@]}"; do
		rr "$p" -N -E gb18030 cut.txt bad4.txt
		expect_err \
		    "rpt-$p: cut.txt:4:2: invalid GB18030 sequence 0x95 0x32 0x82 $enchint" \
		    "rpt-$p: bad4.txt:4:2: invalid GB18030 byte 0x81 $enchint"
		if [ "$p" = stats ]; then
			{ like "$p" cut.txt u8.txt; like "$p" bad4.txt u8.txt; } |
			    as_partial | sed 's/	utf-8	/	gb18030	/'
		else
			{ like "$p" cut.txt u8.txt; like "$p" bad4.txt u8.txt; }
		fi | expect_out
		expect_status 1
	done
	rr split -N -E gb18030 --invalid=replace cut.txt
	expect_err "rpt-split: cut.txt:4:2: warning: invalid GB18030 sequence 0x95 0x32 0x82 replaced by U+FFFD (and any others in this file)"
	[ "$(tail -n 1 "$T/out" | cut -f2,8,9)" = $'4\t2\t二\xef\xbf\xbd' ]
	expect_status 0
}

@test "GB18030: a well-formed four-byte sequence with no character (past U+10FFFF, after U+FFFF) is one error naming its four bytes; its digit bytes are not text" {
	local p
	# 共调解纠纷 <4 bytes> 件。
	printf '\322\273\241\242\327\334\324\362\n\271\262\265\367\275\342\276\300\267\327\343\062\232\066\274\376\241\243\n' >past.txt
	printf '\322\273\241\242\327\334\324\362\n\271\262\265\367\275\342\276\300\267\327\204\061\245\060\274\376\241\243\n' >gap.txt
	printf '一、总则\n共调解纠纷\357\277\275件。\n' >fixed.txt
	for p in "${FILTERS[@]}"; do
		rr "$p" -N -E gb18030 past.txt gap.txt
		expect_err \
		    "rpt-$p: past.txt:2:6: invalid GB18030 sequence 0xe3 0x32 0x9a 0x36 $enchint" \
		    "rpt-$p: gap.txt:2:6: invalid GB18030 sequence 0x84 0x31 0xa5 0x30 $enchint"
		expect_status 1
		rr "$p" -N -E gb18030 --invalid=replace past.txt gap.txt
		expect_err \
		    "rpt-$p: past.txt:2:6: warning: invalid GB18030 sequence 0xe3 0x32 0x9a 0x36 replaced by U+FFFD (and any others in this file)" \
		    "rpt-$p: gap.txt:2:6: warning: invalid GB18030 sequence 0x84 0x31 0xa5 0x30 replaced by U+FFFD (and any others in this file)"
		if [ "$p" = stats ]; then
			{ like "$p" past.txt fixed.txt; like "$p" gap.txt fixed.txt; } |
			    sed 's/	utf-8	/	gb18030	/'
		else
			{ like "$p" past.txt fixed.txt; like "$p" gap.txt fixed.txt; }
		fi | expect_out
		expect_status 0
	done
}

# ---- encodings that change after 64 KiB --------------------------------------------

# gbfill: 1024 lines of GB18030 (中文 x 15, a, 。), exactly 64 KiB.
gbfill() {
	local l
	l=$(printf '\326\320\316\304%.0s' 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15)
	l+=$(printf 'a\241\243')
	yes "$l" | head -n 1024
}

@test "a file that changes encoding after 64 KiB (GB18030 then UTF-8, UTF-8 then GB18030 or UTF-16): error at line 1025, the 1024 lines before kept, exit 1" {
	local p
	gbfill >gb.txt
	{ cat gb.txt; printf 'ab一二。\n'; } >gb-u8.txt
	head64k >u8.txt
	{ cat u8.txt; printf 'a\000b\000\000N\n\000'; } >u8-u16.txt
	{ cat u8.txt; printf 'ab\326\320\316\304\241\243\n'; } >u8-gb.txt
	{ cat u8.txt; printf '\357\273\277ab。\n'; } >u8-bom.txt
	for p in "${FILTERS[@]}"; do
		rr "$p" -N gb-u8.txt u8-gb.txt u8-u16.txt u8-bom.txt
		expect_err \
		    "rpt-$p: gb-u8.txt:1025:4: invalid GB18030 byte 0x80 $enchint" \
		    "rpt-$p: u8-gb.txt:1025:3: invalid UTF-8 byte 0xd6 $u8hint" \
		    "rpt-$p: u8-u16.txt:1025:2: NUL byte in text (binary data? --invalid=replace reads past it)"
		{
			like "$p" gb-u8.txt gb.txt
			like "$p" u8-gb.txt u8.txt
			like "$p" u8-u16.txt u8.txt
		} >"$T/want"
		[ "$p" != stats ] || as_partial <"$T/want" >"$T/want.p"
		[ "$p" != stats ] || mv "$T/want.p" "$T/want"
		# a BOM in the middle is U+FEFF, white space: ab。 is line 1025
		{ cat u8.txt; printf 'ab。\n'; } >u8-nobom.txt
		like "$p" u8-bom.txt u8-nobom.txt >>"$T/want"
		expect_out <"$T/want"
		expect_status 1
	done
	# rpt-stats says what the file was decoded from
	rr stats -N gb-u8.txt u8-bom.txt
	[ "$(cut -f1-3 "$T/out")" = $'gb-u8.txt\tpartial\tgb18030\nu8-bom.txt\tok\tutf-8' ]
}

# ---- NUL -------------------------------------------------------------------------------

@test "a NUL within the first 64 KiB: refused as binary data with line and column, the next file read, exit 1 (and with --invalid=replace)" {
	local p opt
	printf '一、总则\n第二\000行。\n' >nul.txt
	# the NUL is the last byte of the first 64 KiB
	{ head64k | head -n 1023; printf '%s\000after。\n' "$L63"; } >edge.txt
	mk_pre ok.txt
	for opt in --invalid=error --invalid=replace; do
		for p in "${FILTERS[@]}"; do
			rr "$p" -N "$opt" nul.txt edge.txt ok.txt
			expect_err \
			    "rpt-$p: nul.txt: binary data (NUL byte at line 2, column 3), not text" \
			    "rpt-$p: edge.txt: binary data (NUL byte at line 1024, column 60), not text"
			{
				refused_row "$p" nul.txt
				refused_row "$p" edge.txt
				pre_rows "$p" ok.txt
			} | expect_out
			expect_status 1
		done
		rr sections -N --check "$opt" nul.txt
		refused_row check nul.txt 'binary data (NUL byte at line 2, column 3), not text' |
		    expect_out
		expect_status 1
	done
}

@test "binary data with an undecodable byte before its NUL, --invalid=replace: refused with one message, no replacement warning" {
	local p
	printf 'abc\377def\000ghi\n' >bin.txt
	mk_pre ok.txt
	for p in "${FILTERS[@]}"; do
		rr "$p" -N --invalid=replace bin.txt ok.txt
		expect_err "rpt-$p: bin.txt: binary data (NUL byte at line 1, column 8), not text"
		{ refused_row "$p" bin.txt; pre_rows "$p" ok.txt; } | expect_out
		expect_status 1
	done
}

@test "a NUL after the first 64 KiB: error at line:col, the rows before kept, the next file read; U+FFFD with --invalid=replace" {
	local p
	head64k >good.txt
	{ cat good.txt; printf 'xy\000z\nok。\n'; } >late.txt
	{ cat good.txt; printf 'xy\357\277\275z\nok。\n'; } >fixed.txt
	mk_pre ok.txt
	# rpt-split: 00-cli.bats' two tests of "a NUL after the first 64 KiB"
	# assert the same (the error on these very bytes, the warning on them
	# with a second NUL), with the exact rows
	for p in sections numbers stats; do
		rr "$p" -N late.txt ok.txt
		expect_err "rpt-$p: late.txt:1025:3: NUL byte in text (binary data? --invalid=replace reads past it)"
		if [ "$p" = stats ]; then
			like "$p" late.txt good.txt | as_partial
		else
			like "$p" late.txt good.txt
		fi >"$T/want"
		pre_rows "$p" ok.txt >>"$T/want"
		expect_out <"$T/want"
		expect_status 1
		rr "$p" -N --invalid=replace late.txt
		expect_err "rpt-$p: late.txt:1025:3: warning: NUL byte in text replaced by U+FFFD (and any others in this file)"
		like "$p" late.txt fixed.txt | expect_out
		expect_status 0
	done
}

# ---- size ------------------------------------------------------------------------------

@test "100 000 empty lines (LF, CRLF, CR): an empty document; a line after them is line 100001" {
	local p
	yes '' | head -n 100000 >lf.txt
	yes $'\r' | head -n 100000 >crlf.txt
	tr -d '\n' <crlf.txt >cr.txt
	{ cat lf.txt; printf '一、末行\n共3件。\n'; } >lf-end.txt
	{ cat cr.txt; printf '一、末行\r共3件。'; } >cr-end.txt
	for p in split sections numbers; do
		rr "$p" lf.txt crlf.txt cr.txt
		expect_err
		hdr "$p" | expect_out
		expect_status 0
	done
	rr stats -N lf.txt crlf.txt cr.txt
	{
		empty_row lf.txt utf-8
		empty_row crlf.txt utf-8
		empty_row cr.txt utf-8
	} | expect_out
	rr split -N lf-end.txt cr-end.txt
	expect_err
	{
		tsv lf-end.txt 100001 1 1 1 achievements heading 4 '一、末行'
		tsv lf-end.txt 100002 2 2 1 achievements body 4 '共3件。'
		tsv cr-end.txt 100001 1 1 1 achievements heading 4 '一、末行'
		tsv cr-end.txt 100002 2 2 1 achievements body 4 '共3件。'
	} | expect_out
	rr sections -N lf-end.txt
	tsv lf-end.txt 100001 heading 1 '一、' 1 1 achievements '末行' 8 | expect_out
	rr numbers -N cr-end.txt
	tsv cr-end.txt 100002 2 1 achievements count 3 '' '件' exact '3件' '共' '' |
	    expect_out
	rr stats -N cr-end.txt
	tsv cr-end.txt ok utf-8 summary '' '' '' '' '' 8 5 2 2 4.0 1 1 0 1 0 achievements:8 problems,plans 0 |
	    expect_out
}

@test "one 100 MiB line: one warning per filter, 1 MiB pieces, nothing dropped (the chars add up, the figure at its end is found)" {
	if [ -n "${RPT_UNDER_VALGRIND:-}" ]; then
		skip "a 100 MiB line takes minutes under valgrind (00-cli has a 3 MiB one)"
	fi
	local p
	# 一、总则。 (15 bytes), 9532506 x 甲乙丙ab (11 bytes: the 1 MiB
	# boundaries fall inside characters), 9 x, 共3件。 (10 bytes)
	{
		printf '一、总则。'
		yes '甲乙丙ab' | tr -d '\n' | head -c $((11 * 9532506))
		printf 'xxxxxxxxx共3件。'
	} >long.txt
	[ "$(wc -c <long.txt)" -eq 104857600 ]
	# 5 + 5 * 9532506 + 9 + 4 non-white characters
	local chars=47662548
	for p in "${FILTERS[@]}"; do
		rr "$p" -N long.txt
		expect_err "rpt-$p: long.txt:1: warning: line longer than 1 MiB cut into 1 MiB pieces"
		expect_status 0
		case $p in
		split)
			# 101 pieces of line 1; the first is the heading and a body unit
			[ "$(wc -l <"$T/out")" -eq 102 ]
			[ "$(head -n 1 "$T/out")" = "$(tsv long.txt 1 1 1 1 achievements heading 5 '一、总则。')" ]
			LC_ALL=C awk -F '\t' '
				$2 != 1 || $4 != NR || $3 != (NR == 1 ? 1 : NR - 1) ||
				    $5 != 1 || $6 != "achievements" ||
				    (NR > 1 && $7 != "body") ||
				    length($9) > 1048576 {
					print "bad row " NR ": " substr($0, 1, 80); bad = 1
				}
				{ s += $8 }
				END {
					if (s != '"$chars"') { print "chars add up to " s; bad = 1 }
					exit bad
				}' "$T/out"
			# the texts put together are the line, byte for byte
			cut -f 9 "$T/out" | tr -d '\n' | cmp - long.txt
			[ "$(tail -n 1 "$T/out" | cut -f 8)" = 51 ]
			;;
		sections)
			tsv long.txt 1 heading 1 '一、' 1 1 achievements '总则' "$chars" |
			    expect_out ;;
		numbers)
			tsv long.txt 1 49 1 achievements count 3 '' '件' exact '3件' \
			    '甲乙丙ab甲乙丙ab甲乙丙ab甲乙丙abxxxxxxxxx共' '' | expect_out ;;
		stats)
			tsv long.txt ok utf-8 summary '' '' '' '' '' "$chars" 28597523 \
			    101 102 467279.9 1 1 0 1 0 "achievements:$chars" \
			    problems,plans 0 | expect_out ;;
		esac
	done
	# cut inside its last character (。): the error names the column in
	# the whole line; the pieces before the last one are kept, as lines
	# of their own are
	truncate -s -1 long.txt
	rr split -N long.txt
	expect_err "rpt-split: long.txt:1: warning: line longer than 1 MiB cut into 1 MiB pieces" \
	    "rpt-split: long.txt:1:$chars: invalid UTF-8 sequence 0xe3 0x80 $u8hint"
	expect_status 1
	[ "$(wc -l <"$T/out")" -eq 101 ]
	[ "$(cut -f 8 "$T/out" | awk '{ s += $1 } END { print s }')" = $((chars - 51)) ]
	rr stats -N long.txt
	tsv long.txt partial utf-8 summary '' '' '' '' '' $((chars - 51)) 28597499 \
	    100 101 471905.9 1 1 0 0 0 "achievements:$((chars - 51))" \
	    problems,plans 0 | expect_out
	expect_status 1
}

@test "10 000 nested-looking markers （（（（一）: body text, no heading, and a real （一） after them still opens 1.1" {
	local p
	# one line of 10 000, 10 000 lines of one, 10 000 （ before 一）
	awk 'BEGIN { s = ""; for (i = 0; i < 10000; i++) s = s "（（（（一）"
		print "一、总则"; print s; print "（一）真标题"; print "正文。" }' >one-line.txt
	awk 'BEGIN { print "一、总则"; for (i = 0; i < 10000; i++) print "（（（（一）"
		print "（一）真标题"; print "正文。" }' >lines.txt
	awk 'BEGIN { s = ""; for (i = 0; i < 10000; i++) s = s "（"
		print "一、总则"; print s "一）标题"; print "（一）真标题"; print "正文。" }' >deep.txt
	rr sections -N one-line.txt lines.txt deep.txt
	expect_err
	{
		tsv one-line.txt 1 heading 1 '一、' 1 1 achievements '总则' 60013
		tsv one-line.txt 3 heading 2 '（一）' 1 1.1 achievements '真标题' 9
		tsv lines.txt 1 heading 1 '一、' 1 1 achievements '总则' 60013
		tsv lines.txt 10002 heading 2 '（一）' 1 1.1 achievements '真标题' 9
		tsv deep.txt 1 heading 1 '一、' 1 1 achievements '总则' 10017
		tsv deep.txt 3 heading 2 '（一）' 1 1.1 achievements '真标题' 9
	} | expect_out
	expect_status 0
	rr split -N one-line.txt lines.txt deep.txt
	expect_err
	expect_status 0
	# every paragraph in order, the nested ones as body text of section 1
	LC_ALL=C awk -F '\t' '
		$7 == "heading" { h[$1] = h[$1] " " $2 ":" $5 }
		$7 == "body" && $2 > 1 && $5 != "1" && $9 != "正文。" { print "bad: " substr($0, 1, 60); bad = 1 }
		{ n[$1]++ }
		END {
			if (h["one-line.txt"] != " 1:1 3:1.1" || h["lines.txt"] != " 1:1 10002:1.1" ||
			    h["deep.txt"] != " 1:1 3:1.1") { print "headings wrong"; bad = 1 }
			if (n["one-line.txt"] != 4 || n["lines.txt"] != 10003 || n["deep.txt"] != 4) {
				print "rows: " n["one-line.txt"] " " n["lines.txt"] " " n["deep.txt"]; bad = 1
			}
			exit bad
		}' "$T/out"
	[ "$(cut -f 8 "$T/out" | awk '{ s += $1 } END { print s }')" = $((60013 + 60013 + 10017)) ]
	rr numbers -N one-line.txt lines.txt deep.txt
	expect_err
	expect_out </dev/null
	expect_status 0
	# with -a, each 一 of the line is a marker, none dropped
	rr numbers -N -a one-line.txt
	[ "$(cut -f 6 "$T/out" | sort | uniq -c | awk '{ print $1, $2 }')" = "10000 marker" ]
	rr stats -N one-line.txt lines.txt deep.txt
	expect_err
	{
		tsv one-line.txt ok utf-8 summary '' '' '' '' '' 60013 10009 4 4 15003.3 2 2 0 0 0 achievements:60013 problems,plans 0
		tsv lines.txt ok utf-8 summary '' '' '' '' '' 60013 10009 10003 10003 6.0 2 2 0 0 0 achievements:60013 problems,plans 0
		tsv deep.txt ok utf-8 summary '' '' '' '' '' 10017 12 4 4 2504.3 2 2 0 0 0 achievements:10017 problems,plans 0
	} | expect_out
	expect_status 0
}

@test "a 10 000-digit number, 10 000 Chinese digits, 亿亿亿亿亿 and 10 000 亿: codes (with -a) written whole, the figure after them still found" {
	local p digits nines yis
	digits=$(awk 'BEGIN { for (i = 0; i < 10000; i++) printf "%d", i % 10 }')
	nines=$(awk 'BEGIN { for (i = 0; i < 10000; i++) printf "九" }')
	yis=$(awk 'BEGIN { for (i = 0; i < 10000; i++) printf "亿" }')
	printf '投资共1%s元，同比增长5%%。\n' "$digits" >digits.txt
	printf '共%s人，增长5%%。\n' "$nines" >nines.txt
	printf '投资亿亿亿亿亿元，一亿亿亿亿亿元，5亿亿亿亿亿元，增长5%%。\n' >yi5.txt
	printf '投资一%s元，增长5%%。\n' "$yis" >yi10k.txt
	rr numbers -N digits.txt nines.txt yi5.txt yi10k.txt
	expect_err
	{
		tsv digits.txt 1 10011 '' preamble percent 5 '' % exact 5% 同比增长 ''
		tsv nines.txt 1 10006 '' preamble percent 5 '' % exact 5% 增长 ''
		tsv yi5.txt 1 28 '' preamble percent 5 '' % exact 5% 增长 ''
		tsv yi10k.txt 1 10008 '' preamble percent 5 '' % exact 5% 增长 ''
	} | expect_out
	expect_status 0
	rr numbers -N -a digits.txt nines.txt yi5.txt yi10k.txt
	expect_err
	{
		tsv digits.txt 1 4 '' preamble code '' '' '' exact "1$digits" 投资共 元
		tsv digits.txt 1 10011 '' preamble percent 5 '' % exact 5% 同比增长 ''
		tsv nines.txt 1 2 '' preamble code '' '' '' exact "$nines" 共 人
		tsv nines.txt 1 10006 '' preamble percent 5 '' % exact 5% 增长 ''
		tsv yi5.txt 1 3 '' preamble code '' '' '' exact 亿亿亿亿亿 投资 元
		tsv yi5.txt 1 10 '' preamble code '' '' '' exact 一亿亿亿亿亿 '' 元
		tsv yi5.txt 1 18 '' preamble code '' '' '' exact 5亿亿亿亿亿 '' 元
		tsv yi5.txt 1 28 '' preamble percent 5 '' % exact 5% 增长 ''
		tsv yi10k.txt 1 3 '' preamble code '' '' '' exact "一$yis" 投资 元
		tsv yi10k.txt 1 10008 '' preamble percent 5 '' % exact 5% 增长 ''
	} | expect_out
	expect_status 0
	rr split -N digits.txt nines.txt yi5.txt yi10k.txt
	expect_err
	{
		tsv digits.txt 1 1 1 '' preamble body 10013 "投资共1${digits}元，同比增长5%。"
		tsv nines.txt 1 1 1 '' preamble body 10008 "共${nines}人，增长5%。"
		tsv yi5.txt 1 1 1 '' preamble body 30 '投资亿亿亿亿亿元，一亿亿亿亿亿元，5亿亿亿亿亿元，增长5%。'
		tsv yi10k.txt 1 1 1 '' preamble body 10010 "投资一${yis}元，增长5%。"
	} | expect_out
	rr sections -N digits.txt nines.txt yi5.txt yi10k.txt
	expect_err
	expect_out </dev/null
	expect_status 0
	rr stats -N digits.txt yi5.txt
	expect_err
	{
		tsv digits.txt ok utf-8 summary '' '' '' '' '' 10013 8 1 1 10013.0 0 0 0 1 1 preamble:10013 achievements,problems,plans 0
		tsv yi5.txt ok utf-8 summary '' '' '' '' '' 30 23 1 1 30.0 0 0 0 1 1 preamble:30 achievements,problems,plans 0
	} | expect_out
}

@test "50 000 headings: every filter ends in time with every heading and paragraph counted" {
	awk 'BEGIN { print "一、开始"; for (i = 1; i <= 50000; i++) printf "%d.标题%d\n正文。\n", i, i }' \
	    >many.txt
	rr split -N many.txt
	expect_err
	expect_status 0
	[ "$(wc -l <"$T/out")" -eq 100001 ]
	[ "$(awk -F '\t' '$7 == "heading"' "$T/out" | wc -l)" -eq 50001 ]
	[ "$(tail -n 1 "$T/out")" = "$(tsv many.txt 100001 100001 100001 1.50000 achievements body 3 '正文。')" ]
	rr sections -N many.txt
	expect_err
	expect_status 0
	[ "$(wc -l <"$T/out")" -eq 50001 ]
	LC_ALL=C awk -F '\t' 'NR > 1 && ($7 != ("1." (NR - 1)) || $2 != 2 * (NR - 1) || $10 != 6 + 2 * length(NR - 1 "")) {
		print "bad row " NR ": " $0; bad = 1; exit 1 }' "$T/out"
	rr numbers -N many.txt
	expect_err
	expect_out </dev/null
	expect_status 0
	rr stats -N many.txt
	expect_err
	tsv many.txt ok utf-8 summary '' '' '' '' '' 777792 200003 100001 100001 7.8 50001 2 0 0 0 achievements:777792 problems,plans 0 |
	    expect_out
	expect_status 0
}

# ---- files that change, special files ---------------------------------------------

@test "a file that grows while being read (a writer appending in the background): every filter ends, exit 0, the rows are its lines in order" {
	local p w last=400000
	# (under valgrind a filter reads slower than the writer writes)
	[ -z "${RPT_UNDER_VALGRIND:-}" ] || last=40000
	# line i is the heading "i.第i行共i件。": every filter has a row per line
	awk 'BEGIN { for (i = 1; i <= 2000; i++) printf "%d.第%d行共%d件。\n", i, i, i }' >grow.txt
	(
		i=2001
		while [ "$i" -le "$last" ]; do
			printf '%d.第%d行共%d件。\n' "$i" "$i" "$i"
			i=$((i + 1))
		done >>grow.txt
	) </dev/null >/dev/null 2>&1 3>&- &
	w=$!
	for p in "${FILTERS[@]}"; do
		status=0
		rr "$p" -N grow.txt && expect_err && expect_status 0 || status=1
		cp "$T/out" "$T/out.$p"
		[ "$status" -eq 0 ] || break
	done
	kill "$w" 2>/dev/null || :
	wait "$w" 2>/dev/null || :
	[ "$status" -eq 0 ]
	# The last line read may be one the writer was still writing (a
	# write that straddles a page): it is checked only as a prefix.
	# split: line i is paragraph i, a level-1 heading numbered i
	LC_ALL=C awk -F '\t' -v n="$(wc -l <"$T/out.split")" '
		{
			want = NR ".第" NR "行共" NR "件。"
			if (NR < n)
				bad = $5 != NR || $7 != "heading" || $9 != want
			else
				bad = index(want, $9) != 1
		}
		bad || $2 != NR || $3 != NR || $4 != NR {
			print "split row " NR ": " $0; exit 1 }
		END { if (NR < 2000) { print NR " rows"; exit 1 } }' "$T/out.split"
	LC_ALL=C awk -F '\t' -v n="$(wc -l <"$T/out.sections")" '
		{
			want = "第" NR "行共" NR "件"
			if (NR < n)
				bad = $5 != (NR ".") || $7 != NR || $9 != want
			else
				bad = index(want, $9) != 1
		}
		bad || $2 != NR { print "sections row " NR ": " $0; exit 1 }
		END { if (NR < 2000) { print NR " rows"; exit 1 } }' "$T/out.sections"
	LC_ALL=C awk -F '\t' '
		$2 != NR || $6 != "count" || $7 != NR || $9 != "件" { print "numbers row " NR ": " $0; exit 1 }
		END { if (NR < 2000) { print NR " rows"; exit 1 } }' "$T/out.numbers"
	# stats: as many headings and figures as paragraphs, and the chars of
	# those lines (3 numbers of d digits and 6 characters), the last one
	# perhaps in part
	LC_ALL=C awk -F '\t' '{
		n = $12; c = 0
		for (i = 1; i < n; i++) c += 6 + 3 * length(i "")
		if ($2 != "ok" || $15 < n - 1 || $15 > n || $18 < n - 1 || $18 > n || n < 2000 ||
		    $10 <= c || $10 > c + 6 + 3 * length(n "")) {
			print "stats: " $0 " (expected chars " c "+)"; exit 1 }
	}' "$T/out.stats"
}

@test "a file emptied while being read: the filter ends, exit 0, the rows are the lines it read" {
	local p w
	yes 'abcdefghij klmnopqrst.' | head -n 2000000 >big.txt
	for p in "${FILTERS[@]}"; do
		cp big.txt shrink.txt
		( sleep 0.05; : >shrink.txt ) </dev/null >/dev/null 2>&1 3>&- &
		w=$!
		rr "$p" -N shrink.txt
		wait "$w"
		expect_err
		expect_status 0
	done
	# every row but the last, cut anywhere, is a whole line
	cp big.txt shrink.txt
	( sleep 0.05; : >shrink.txt ) </dev/null >/dev/null 2>&1 3>&- &
	w=$!
	rr split -N -u para shrink.txt
	wait "$w"
	expect_err
	expect_status 0
	LC_ALL=C awk -F '\t' -v n="$(wc -l <"$T/out")" '
		$2 != NR || (NR < n && $9 != "abcdefghij klmnopqrst.") { print "row " NR ": " $0; exit 1 }' "$T/out"
}

@test "a FIFO: read like a file, the encoding decided on 64 KiB or the end, not on the first read; a writer that closes at once gives an empty document" {
	local p
	mkfifo fifo
	printf 'abc.\n一、总则\n共调解纠纷3件。\n' >want.txt
	for p in "${FILTERS[@]}"; do
		# ASCII first, then GB18030 a moment later: all of it is GB18030
		{ printf 'abc.\n'; sleep 0.2; printf '\322\273\241\242\327\334\324\362\n\271\262\265\367\275\342\276\300\267\327\063\274\376\241\243\n'; } \
		    >fifo 3>&- &
		rr "$p" -N fifo
		wait $!
		expect_err
		if [ "$p" = stats ]; then
			like "$p" fifo want.txt | sed 's/	utf-8	/	gb18030	/'
		else
			like "$p" fifo want.txt
		fi | expect_out
		expect_status 0
		# a writer that opens and closes
		: >fifo 3>&- &
		rr "$p" -N fifo
		wait $!
		expect_err
		if [ "$p" = stats ]; then
			empty_row fifo utf-8
		fi | expect_out
		expect_status 0
	done
	# process substitution: a pipe named /dev/fd/N
	rr split -N <(pre_text)
	expect_err
	pre_rows split "$(tail -n 1 "$T/out" | cut -f 1)" | expect_out
	expect_status 0
}

@test "/dev/null is an empty document; /dev/zero and /dev/zero as standard input are binary data, at once" {
	local p
	for p in split sections numbers; do
		rr "$p" /dev/null
		expect_err
		hdr "$p" | expect_out
		expect_status 0
		rr "$p" -N /dev/zero
		expect_err "rpt-$p: /dev/zero: binary data (NUL byte at line 1, column 1), not text"
		expect_out </dev/null
		expect_status 1
		rr "$p" -N </dev/zero
		expect_err "rpt-$p: -: binary data (NUL byte at line 1, column 1), not text"
		expect_status 1
	done
	rr stats -N /dev/null /dev/zero
	expect_err "rpt-stats: /dev/zero: binary data (NUL byte at line 1, column 1), not text"
	{
		empty_row /dev/null utf-8
		refused_row stats /dev/zero
	} | expect_out
	expect_status 1
}

@test "documents without rows (empty, refused, body only) do not stop the next file: rpt-sections and rpt-numbers" {
	local p
	: >empty.txt
	printf '正文一句。\n' >body.txt
	mk_pre ok.txt
	for p in sections numbers; do
		rr "$p" -N /dev/null empty.txt missing.txt body.txt ok.txt
		expect_err "rpt-$p: missing.txt: No such file or directory"
		pre_rows "$p" ok.txt | expect_out
		expect_status 1
	done
}

@test "a file without read permission: Permission denied, the next file read, exit 1" {
	if [ "$(id -u)" -eq 0 ]; then
		skip "running as root, which reads a mode-000 file anyway"
	fi
	local p
	mk_pre secret.txt
	chmod 000 secret.txt
	mk_pre ok.txt
	# rpt-split: 00-cli.bats' "unreadable file" asserts the same
	for p in sections numbers stats; do
		rr "$p" -N secret.txt ok.txt
		expect_err "rpt-$p: secret.txt: Permission denied"
		{ refused_row "$p" secret.txt; pre_rows "$p" ok.txt; } | expect_out
		expect_status 1
	done
	rr sections -N --check secret.txt
	refused_row check secret.txt 'Permission denied' | expect_out
}

@test "a symlink loop, a link to itself and a dangling link: the system's message, the next file read, exit 1" {
	local p
	ln -s loop-b loop-a
	ln -s loop-a loop-b
	ln -s self self
	ln -s nowhere dangling
	mk_pre ok.txt
	for p in "${FILTERS[@]}"; do
		rr "$p" -N loop-a self dangling ok.txt
		expect_err \
		    "rpt-$p: loop-a: Too many levels of symbolic links" \
		    "rpt-$p: self: Too many levels of symbolic links" \
		    "rpt-$p: dangling: No such file or directory"
		{
			refused_row "$p" loop-a
			refused_row "$p" self
			refused_row "$p" dangling
			pre_rows "$p" ok.txt
		} | expect_out
		expect_status 1
	done
	rr sections -N --check loop-a
	refused_row check loop-a 'Too many levels of symbolic links' | expect_out
}

@test "a directory and a link to one, as operands and as standard input: Is a directory, the next file read, exit 1" {
	local p
	mkdir dir
	ln -s dir dirlink
	mk_pre ok.txt
	for p in "${FILTERS[@]}"; do
		rr "$p" -N dir dirlink ok.txt
		expect_err "rpt-$p: dir: Is a directory" "rpt-$p: dirlink: Is a directory"
		{
			refused_row "$p" dir
			refused_row "$p" dirlink
			pre_rows "$p" ok.txt
		} | expect_out
		expect_status 1
		rr "$p" -N <dir
		expect_err "rpt-$p: -: Is a directory"
		refused_row "$p" - | expect_out
		expect_status 1
	done
	rr sections -N --check dir
	refused_row check dir 'Is a directory' | expect_out
}

# ---- file names ----------------------------------------------------------------------

# Names and their escaped forms: TAB, LF, CR, backslash, a literal \xb1,
# a stray byte, an overlong and a surrogate form, a character cut short.
NAMES=(
	$'t\tab.txt'		't\tab.txt'
	$'n\nl.txt'		'n\nl.txt'
	$'c\rr.txt'		'c\rr.txt'
	'b\s.txt'		'b\\s.txt'
	'lit\xb1.txt'		'lit\\xb1.txt'
	$'bad\xb1.txt'		'bad\xb1.txt'
	$'ov\xc0\xaf.txt'	'ov\xc0\xaf.txt'
	$'su\xed\xa0\x80.txt'	'su\xed\xa0\x80.txt'
	$'cut\xe4\xb8'		'cut\xe4\xb8'
	$'中\t文\xff.txt'	'中\t文\xff.txt'
)

@test "file names with TAB, LF, CR, backslash and invalid UTF-8: escaped in the file column of every filter, never raw" {
	local p i raw=()
	for ((i = 0; i < ${#NAMES[@]}; i += 2)); do
		mk_pre "${NAMES[i]}"
		raw+=("${NAMES[i]}")
	done
	for p in "${FILTERS[@]}"; do
		rr "$p" -N "${raw[@]}"
		expect_err
		for ((i = 0; i < ${#NAMES[@]}; i += 2)); do
			pre_rows "$p" "${NAMES[i + 1]}"
		done | expect_out
		expect_status 0
		iconv -f UTF-8 -t UTF-8 "$T/out" >/dev/null
	done
	# rpt-stats -l and rpt-sections --check too
	rr stats -l -N "${raw[0]}"
	[ "$(cut -f 1 "$T/out" | sort -u)" = 't\tab.txt' ]
	rr sections --check -N "${raw[1]}"
	[ "$(cut -f 1 "$T/out" | sort -u)" = 'n\nl.txt' ]
}

@test "file names with TAB, LF, CR and invalid UTF-8 in messages: missing, undecodable, binary, not text, long line" {
	local p
	mk_pre $'bad\t\xb1\n.txt' && printf '末行\344\270' >>$'bad\t\xb1\n.txt'
	printf '一、总则\n第二\000行。\n' >$'nul\r\xc0.txt'
	printf '%%PDF-1.7\n%%\342\343\317\323\n' >$'r\tx\xff.pdf'
	head -c 1100000 /dev/zero | tr '\0' a >$'long\n\xe4.txt'
	for p in "${FILTERS[@]}"; do
		rr "$p" -N $'gone\t\xff\n.txt' $'bad\t\xb1\n.txt' $'nul\r\xc0.txt' \
		    $'r\tx\xff.pdf' $'long\n\xe4.txt'
		expect_err \
		    "rpt-$p: gone\\t\\xff\\n.txt: No such file or directory" \
		    "rpt-$p: bad\\t\\xb1\\n.txt:3:3: invalid UTF-8 sequence 0xe4 0xb8 $u8hint" \
		    "rpt-$p: nul\\r\\xc0.txt: binary data (NUL byte at line 2, column 3), not text" \
		    "rpt-$p: r\\tx\\xff.pdf: a PDF document, not text; convert it first, e.g. pdftotext r\\tx\\xff.pdf -" \
		    "rpt-$p: long\\n\\xe4.txt:1: warning: line longer than 1 MiB cut into 1 MiB pieces"
		expect_status 1
		iconv -f UTF-8 -t UTF-8 "$T/err" >/dev/null
		# the same names in the file column
		[ "$(cut -f 1 "$T/out" | sort -u | tr '\n' ' ')" = "$(
		    case $p in
		    split) printf '%s\n' 'bad\t\xb1\n.txt long\n\xe4.txt ' ;;
		    sections | numbers) printf '%s\n' 'bad\t\xb1\n.txt ' ;;
		    stats) printf '%s\n' 'bad\t\xb1\n.txt gone\t\xff\n.txt long\n\xe4.txt nul\r\xc0.txt r\tx\xff.pdf ' ;;
		    esac)" ]
	done
}

# ---- many operands ----------------------------------------------------------------------

@test "10 000 operands on one command line, with at most 64 open files: every one read, in order; 10 000 missing ones: 10 000 messages" {
	local p args gone
	# 500 files, each given 20 times (one awk, not a shell loop: bats
	# traces every shell command)
	awk 'BEGIN { for (i = 1; i <= 500; i++) {
		f = "f" i ".txt"; printf "一、第%d份\n", i >f; close(f) } }'
	mapfile -t args < <(awk 'BEGIN { for (k = 0; k < 10000; k++) print "f" k % 500 + 1 ".txt" }')
	mapfile -t gone < <(seq -f 'g%.0f.txt' 1 10000)
	[ "${#args[@]}" -eq 10000 ] && [ "${args[9999]}" = f500.txt ]
	for p in "${FILTERS[@]}"; do
		# a descriptor left open per file would run out after 60 files
		status=0
		(ulimit -n 64 && rr "$p" -N "${args[@]}" && exit "$status") || status=$?
		expect_err
		expect_status 0
		case $p in
		split | sections)
			# split's text is 一、第N份, sections' title 第N份
			LC_ALL=C awk -F '\t' -v pre="$([ "$p" = split ] && echo 一、)" '
				{ i = (NR - 1) % 500 + 1 }
				$1 != ("f" i ".txt") || $2 != 1 || $9 != (pre "第" i "份") {
					print "row " NR ": " $0; exit 1 }
				END { if (NR != 10000) { print NR " rows"; exit 1 } }' "$T/out" ;;
		numbers)
			expect_out </dev/null ;;
		stats)
			LC_ALL=C awk -F '\t' '
				$1 != ("f" (NR - 1) % 500 + 1 ".txt") || $2 != "ok" || $15 != 1 {
					print "row " NR ": " $0; exit 1 }
				END { if (NR != 10000) { print NR " rows"; exit 1 } }' "$T/out" ;;
		esac
		status=0
		(ulimit -n 64 && rr "$p" -N "${gone[@]}" && exit "$status") || status=$?
		expect_status 1
		[ "$(wc -l <"$T/err")" -eq 10000 ]
		[ "$(sed -n '1p;10000p' "$T/err")" = "rpt-$p: g1.txt: No such file or directory
rpt-$p: g10000.txt: No such file or directory" ]
		if [ "$p" = stats ]; then
			[ "$(cut -f 1,2 "$T/out" | sort -u | wc -l)" -eq 10000 ]
			[ "$(cut -f 2 "$T/out" | sort -u)" = refused ]
		else
			expect_out </dev/null
		fi
	done
}

# ---- Word files (issue 15) ---------------------------------------------------

@test "hostile Word files (tests/docx/hostile), every filter, under the time limit: one exact message, exit 1, the next file read" {
	local f p msg
	mk_pre good.txt
	while IFS='	' read -r f msg; do
		cp "$TESTS/docx/hostile/$f" .
		for p in "${FILTERS[@]}"; do
			# shellcheck disable=SC2034 # expect.bash's messages use it
			F=rpt-$p
			rr "$p" -N "$f" good.txt
			expect_err "rpt-$p: $f: $msg"
			expect_status 1
			# Nothing of the refused file (rpt-stats: its refused
			# row); all of the next one.
			if [ "$p" = stats ]; then
				[ "$(head -n 1 "$T/out" | cut -f1,2)" = "$f	refused" ]
				tail -n +2 "$T/out" | diff - <(pre_rows stats good.txt)
			else
				diff "$T/out" <(pre_rows "$p" good.txt)
			fi
		done
	done <<'LIST'
zip-bomb.docx	word/document.xml inflates past 256 MiB: refused (a ZIP bomb?)
ratio-bomb.docx	word/document.xml inflates more than 200 times its size: refused (a ZIP bomb?)
billion-laughs.docx	word/document.xml has a DTD (<!DOCTYPE>), which Word never writes: refused
xxe.docx	word/document.xml has a DTD (<!DOCTYPE>), which Word never writes: refused
deep-nesting.docx	word/document.xml inflates more than 200 times its size: refused (a ZIP bomb?)
nested-600.docx	word/document.xml has elements nested deeper than 512: refused
no-document.docx	a Word document without its word/document.xml: a damaged file?
truncated.docx	not a readable ZIP archive (Not a zip archive): a truncated or damaged file?
encrypted.docx	an encrypted (password-protected) Office document, not text; save it without a password
LIST
	# The loops are cut: read, no message.
	for f in numbering-loop.docx basedon-loop.docx; do
		cp "$TESTS/docx/hostile/$f" .
		for p in "${FILTERS[@]}"; do
			# shellcheck disable=SC2034 # expect.bash's messages use it
			F=rpt-$p
			rr "$p" -N "$f"
			expect_err
			expect_status 0
		done
	done
}
