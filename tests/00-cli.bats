#!/usr/bin/env bats
# The command-line contract of rpt-split (issue 2, man/rpt.7): options,
# operands, refusals, decoding, escaping, output errors, exit status.  Every
# check compares the exact stdout, the exact stderr and the exact exit
# status.  Odd inputs (binary signatures, NUL bytes, long lines, other
# encodings, odd file names) are made at test time in $BATS_TEST_TMPDIR.

setup() {
	load helper
	load expect
	T=$BATS_TEST_TMPDIR
	cd "$T"
	# for `bash -c` pipelines: the filter is still called through rpt_split
	export RPT_BIN
	export -f rpt_split
	R000=$CORPUS/000_6b9668183397f94f.txt
	R001=$CORPUS/001_3dec04221fb15ce6.txt
	REPORTS=("$CORPUS/000_6b9668183397f94f.txt"
	    "$CORPUS/001_3dec04221fb15ce6.txt"
	    "$CORPUS/002_5e0d0e6190e313b8.txt"
	    "$CORPUS/003_31e37ca5113b7cf1.txt"
	    "$CORPUS/004_4d7abf357b95ea80.txt")
}

# ---- helpers ---------------------------------------------------------------

# split_to_files ARGS...: run the filter; stdout in $T/out, stderr in
# $T/err, exit status in $status.
split_to_files() {
	status=0
	rpt_split "$@" >"$T/out" 2>"$T/err" || status=$?
}

hdr() { tsv file line para n section part kind chars text; }

# usage_error MESSAGE ARGS...: exit 2, nothing on stdout, exactly
# "rpt-split: MESSAGE" and the hint on stderr.
usage_error() {
	local message=$1
	shift
	split_to_files "$@" </dev/null
	expect_err "rpt-split: $message" "Try 'rpt-split --help'."
	expect_out </dev/null
	expect_status 2
}

# Two small documents and their rows under a given file name.
mk_a() { printf '一、总则\n我们开会。大家发言！\n' >"${1:-a.txt}"; }
mk_b() { printf '第二份。\n' >"${1:-b.txt}"; }
rows_a() {
	tsv "$1" 1 1 1 1 achievements heading 4 '一、总则'
	tsv "$1" 2 2 2 1 achievements body 5 '我们开会。'
	tsv "$1" 2 2 3 1 achievements body 5 '大家发言！'
}
rows_b() { tsv "$1" 1 1 1 '' preamble body 4 '第二份。'; }

# big.txt: the five reports ten times over (about 400 KB).
mk_big() {
	local i
	for i in 1 2 3 4 5 6 7 8 9 10; do cat "${REPORTS[@]}"; done >big.txt
}

# A 63-byte line of UTF-8 (2 CJK characters and 57 ASCII letters): 1024 of
# them with their LF fill exactly the first 64 KiB.
L63=$(printf '测试%057d' 0 | tr 0 a)
head64k() { yes "$L63" | head -n 1024; }
rows_head64k() {	# FILE: the rows of head64k's 1024 lines
	awk -v f="$1" -v l="$L63" 'BEGIN {
		for (i = 1; i <= 1024; i++)
			printf "%s\t%d\t%d\t%d\t\tpreamble\tbody\t59\t%s\n", f, i, i, i, l
	}'
}

# ---- options ---------------------------------------------------------------

@test "--help: usage on stdout, nothing on stderr, exit 0; -h is the same" {
	split_to_files --help
	expect_err
	expect_status 0
	[ "$(head -n 1 "$T/out")" = \
	    "Usage: rpt-split [-u para|sentence|item] [-k] [OPTION]... [FILE]..." ]
	# every option of the contract is documented, each on a line of its own
	local opt
	for opt in '-u, --unit=UNIT' '-k, --key' '--semicolon' \
	    '-N, --no-header' '-E, --encoding=ENC' '--invalid=MODE' \
	    '--label=NAME' '-h, --help' '-V, --version'; do
		grep -q -E -e "^ +$opt( |\$)" "$T/out" ||
		    { echo "--help does not list $opt" >&2; return 1; }
	done
	[ "$(tail -c 1 "$T/out" | od -An -c | tr -d ' ')" = '\n' ]
	cp "$T/out" "$T/help"
	split_to_files -h
	expect_err
	expect_status 0
	cmp "$T/help" "$T/out"
}

@test "--version and -V: exactly three lines, exit 0" {
	local v
	for v in --version -V; do
		split_to_files "$v"
		expect_err
		expect_status 0
		expect_out <<-'EOF'
		rpt-split (rpt) 0.1.0
		utf8proc 2.8.0
		PCRE2 10.42 2022-12-11
		EOF
	done
}

@test "unknown options: message, Try line, exit 2, no output" {
	usage_error "unknown option '--foo'" --foo
	usage_error "unknown option '--foo'" --foo "$R000"
	usage_error "unknown option '-x'" -x
	usage_error "unknown option '-q'" -kq
	usage_error "unknown option '-q'" -q -u para
}

@test "missing option arguments: message names the option, exit 2" {
	usage_error "option '-u' needs an argument" -u
	usage_error "option '--unit' needs an argument" --unit
	usage_error "option '-E' needs an argument" -E
	usage_error "option '--encoding' needs an argument" --encoding
	usage_error "option '--invalid' needs an argument" --invalid
	usage_error "option '--label' needs an argument" --label
}

@test "missing option argument in a bundle (-ku) names -u, not the bundle" {
	usage_error "option '-u' needs an argument" -ku
}

@test "bad -u, -E and --invalid values: message, Try line, exit 2" {
	usage_error "invalid unit 'x' (expected para, sentence or item)" -u x
	usage_error "invalid unit 'x' (expected para, sentence or item)" --unit=x
	usage_error "invalid unit '' (expected para, sentence or item)" --unit=
	usage_error "invalid unit 'paragraph' (expected para, sentence or item)" \
	    -u paragraph
	usage_error "invalid encoding 'x' (expected auto, utf-8, gb18030, utf-16le or utf-16be)" -E x
	usage_error "invalid encoding 'utf8' (expected auto, utf-8, gb18030, utf-16le or utf-16be)" --encoding=utf8
	usage_error "invalid --invalid mode 'x' (expected error or replace)" --invalid=x
	usage_error "invalid --invalid mode 'ignore' (expected error or replace)" --invalid ignore
}

@test "a usage error wins over operands: no file is read" {
	mk_a
	usage_error "invalid unit 'x' (expected para, sentence or item)" \
	    a.txt -u x missing.txt
}

@test "long options that take no argument, given one (--help=x, --semicolon=1)" {
	usage_error "option '--help' doesn't allow an argument" --help=x
	usage_error "option '--key' doesn't allow an argument" --key=1
	usage_error "option '--semicolon' doesn't allow an argument" --semicolon=1
}

# ---- operands --------------------------------------------------------------

@test "no operand reads standard input; the file column is -" {
	mk_a
	split_to_files <a.txt
	expect_err
	{ hdr; rows_a -; } | expect_out
	expect_status 0
}

@test "- among files reads standard input in its place" {
	mk_a
	mk_b
	split_to_files a.txt - b.txt <"$T/a.txt"
	expect_err
	{ hdr; rows_a a.txt; rows_a -; rows_b b.txt; } | expect_out
	expect_status 0
}

@test "--label names standard input (no operand, and -), escaped like a file name" {
	mk_a
	mk_b
	split_to_files --label=甲.txt <a.txt
	expect_err
	{ hdr; rows_a 甲.txt; } | expect_out
	expect_status 0

	split_to_files --label 乙.txt b.txt - <a.txt
	expect_err
	{ hdr; rows_b b.txt; rows_a 乙.txt; } | expect_out
	expect_status 0

	split_to_files --label=$'tab\there\\\xb1' <a.txt
	expect_err
	{ hdr; rows_a 'tab\there\\\xb1'; } | expect_out
	expect_status 0
}

@test "-- ends options: a file named -x, and - after -- is still stdin" {
	mk_a ./-x
	mk_b
	split_to_files -N -- -x - <b.txt
	expect_err
	{ rows_a -x; rows_b -; } | expect_out
	expect_status 0
	# without --, -x is an option
	usage_error "unknown option '-x'" -x
}

@test "missing file: one line, the other files are still processed, exit 1" {
	mk_a
	mk_b
	split_to_files a.txt nope.txt b.txt
	expect_err "rpt-split: nope.txt: No such file or directory"
	{ hdr; rows_a a.txt; rows_b b.txt; } | expect_out
	expect_status 1
}

@test "unreadable file: Permission denied, others go on, exit 1" {
	if [ "$(id -u)" -eq 0 ]; then
		skip "root can read a mode-000 file"
	fi
	mk_a
	mk_b secret.txt
	chmod 000 secret.txt
	split_to_files secret.txt a.txt
	expect_err "rpt-split: secret.txt: Permission denied"
	{ hdr; rows_a a.txt; } | expect_out
	expect_status 1
}

@test "a directory is refused with one line, the other files go on, exit 1" {
	mk_a
	mkdir dir
	split_to_files dir a.txt
	expect_err "rpt-split: dir: Is a directory"
	{ hdr; rows_a a.txt; } | expect_out
	expect_status 1

	split_to_files <dir
	expect_err "rpt-split: -: Is a directory"
	hdr | expect_out
	expect_status 1
}

# ---- files that are not text -------------------------------------------------

# refused FILE MESSAGE: FILE is refused with exactly MESSAGE, and good.txt
# after it is still split; exit 1.
refused() {
	mk_b good.txt
	split_to_files "$1" good.txt
	expect_err "$2"
	{ hdr; rows_b good.txt; } | expect_out
	expect_status 1
}

@test "DOCX signature: refused, with the pandoc hint" {
	printf 'PK\003\004\024\000\006\000\010\000\000\000!\000\337\244\322lZ\001\000\000\040\005\000\000\023\000\010\002[Content_Types].xml \242\004\002(\240\000\002\000\000PK\003\004\024\000\006\000\010\000\000\000!\000word/document.xml' >报告.docx
	refused 报告.docx "rpt-split: 报告.docx: a Word (DOCX) document, not text; convert it first, e.g. pandoc -t plain 报告.docx"
}

@test "XLSX signature: refused, with the libreoffice hint" {
	printf 'PK\003\004\024\000\006\000\010\000\000\000!\000b\356\235h^\001\000\000\220\004\000\000\023\000\010\002[Content_Types].xml \242\004\002(\240\000\002PK\003\004\024\000\006\000\010\000\000\000!\000xl/workbook.xml' >表.xlsx
	refused 表.xlsx "rpt-split: 表.xlsx: an Excel (XLSX) workbook, not text; convert it first, e.g. libreoffice --headless --convert-to csv 表.xlsx"
}

@test "ZIP signature: refused, with the unzip hint" {
	printf 'PK\003\004\n\000\000\000\000\000\000\000!\000\000\000\000\000\000\000\000\000\000\000\000\000\011\000\000\000hello.txt' >a.zip
	refused a.zip "rpt-split: a.zip: a ZIP archive, not text; unpack it first, e.g. unzip a.zip"
}

@test "PDF signature: refused, with the pdftotext hint" {
	printf '%%PDF-1.7\n%%\342\343\317\323\n1 0 obj\n<< /Type /Catalog >>\nendobj\n' >r.pdf
	refused r.pdf "rpt-split: r.pdf: a PDF document, not text; convert it first, e.g. pdftotext r.pdf -"
}

@test "OLE2 signature (.doc/.xls): refused, with the catdoc hint" {
	printf '\320\317\021\340\241\261\032\341\000\000\000\000\000\000\000\000>\000\003\000\376\377\011\000' >old.doc
	refused old.doc "rpt-split: old.doc: a legacy Office (DOC/XLS) document, not text; convert it first, e.g. catdoc old.doc"
}

@test "RTF signature: refused, with the pandoc hint" {
	printf '{\\rtf1\\ansi\\deff0{\\fonttbl{\\f0 SimSun;}}\n\\f0 text\\par\n}\n' >r.rtf
	refused r.rtf "rpt-split: r.rtf: an RTF document, not text; convert it first, e.g. pandoc -t plain r.rtf"
}

@test "PNG signature: refused, with the tesseract hint" {
	printf '\211PNG\r\n\032\n\000\000\000\rIHDR\000\000\000\001\000\000\000\001\010\006\000\000\000' >scan.png
	refused scan.png "rpt-split: scan.png: a PNG image, not text; it needs OCR first, e.g. tesseract scan.png - -l chi_sim"
}

@test "JPEG signature: refused, with the tesseract hint" {
	printf '\377\330\377\340\000\020JFIF\000\001\001\000\000\001\000\001\000\000' >scan.jpg
	refused scan.jpg "rpt-split: scan.jpg: a JPEG image, not text; it needs OCR first, e.g. tesseract scan.jpg - -l chi_sim"
}

@test "GIF signatures (87a and 89a): refused, with the tesseract hint" {
	printf 'GIF89a\001\000\001\000\200\000\000\377\377\377\000\000\000!' >scan.gif
	refused scan.gif "rpt-split: scan.gif: a GIF image, not text; it needs OCR first, e.g. tesseract scan.gif - -l chi_sim"
	printf 'GIF87a\001\000\001\000\200\000\000\377\377\377\000\000\000,' >old.gif
	refused old.gif "rpt-split: old.gif: a GIF image, not text; it needs OCR first, e.g. tesseract old.gif - -l chi_sim"
}

@test "NUL bytes in the first 64 KiB: refused as binary data with line and column" {
	printf '第一行。\n第二\000行。\n' >nul.txt
	refused nul.txt "rpt-split: nul.txt: binary data (NUL byte at line 2, column 3), not text"

	# the last byte of the first 64 KiB (line 1024, after 59 characters)
	{ yes "$L63" | head -n 1023; printf '%s\000after。\n' "$L63"; } >edge.txt
	refused edge.txt "rpt-split: edge.txt: binary data (NUL byte at line 1024, column 60), not text"

	# on standard input too
	split_to_files <nul.txt
	expect_err "rpt-split: -: binary data (NUL byte at line 2, column 3), not text"
	hdr | expect_out
	expect_status 1
}

@test "a U+0000 in UTF-16 text is binary data; UTF-16 without a BOM is not text" {
	{ printf '\377\376'; printf '一句。\n二\000句。\n' | iconv -f UTF-8 -t UTF-16LE; } >le-nul.txt
	refused le-nul.txt "rpt-split: le-nul.txt: binary data (NUL byte at line 2, column 2), not text"

	printf 'ab。\n' | iconv -f UTF-8 -t UTF-16BE >be-nobom.txt
	refused be-nobom.txt "rpt-split: be-nobom.txt: binary data (NUL byte at line 1, column 1), not text"
	# ... unless -E says what it is
	split_to_files -E utf-16be be-nobom.txt
	expect_err
	{ hdr; tsv be-nobom.txt 1 1 1 '' preamble body 3 'ab。'; } | expect_out
	expect_status 0
}

@test "a NUL after the first 64 KiB: error with line:col, earlier rows kept, next file goes on" {
	{ head64k; printf 'xy\000z\nok。\n'; } >late-nul.txt
	mk_b
	split_to_files late-nul.txt b.txt
	expect_err "rpt-split: late-nul.txt:1025:3: NUL byte in text (binary data? --invalid=replace reads past it)"
	{ hdr; rows_head64k late-nul.txt; rows_b b.txt; } | expect_out
	expect_status 1

	# right at byte 65536: line 1025, column 1
	{ head64k; printf '\000ok。\n'; } >at64k.txt
	split_to_files -N at64k.txt
	expect_err "rpt-split: at64k.txt:1025:1: NUL byte in text (binary data? --invalid=replace reads past it)"
	rows_head64k at64k.txt | expect_out
	expect_status 1
}

@test "a NUL after the first 64 KiB with --invalid=replace: U+FFFD, one warning, exit 0" {
	{ head64k; printf 'xy\000z\nok\000。\n'; } >late-nul.txt
	split_to_files --invalid=replace late-nul.txt
	expect_err "rpt-split: late-nul.txt:1025:3: warning: NUL byte in text replaced by U+FFFD (and any others in this file)"
	{
		hdr
		rows_head64k late-nul.txt
		tsv late-nul.txt 1025 1025 1025 '' preamble body 4 $'xy\xef\xbf\xbdz'
		tsv late-nul.txt 1026 1026 1026 '' preamble body 4 $'ok\xef\xbf\xbd。'
	} | expect_out
	expect_status 0
}

# ---- encodings ---------------------------------------------------------------

@test "UTF-8 BOM is dropped: TSV identical to the file without it" {
	rpt_split --label=r.txt <"$R000" >u8.tsv
	{ printf '\357\273\277'; cat "$R000"; } >bom.txt
	split_to_files --label=r.txt <bom.txt
	expect_err
	expect_status 0
	cmp u8.tsv "$T/out"
	split_to_files -E utf-8 --label=r.txt <bom.txt
	expect_err
	expect_status 0
	cmp u8.tsv "$T/out"
	# a BOM before a heading does not hide the heading
	printf '\357\273\277一、总则\n我们开会。大家发言！\n' >bom-a.txt
	split_to_files bom-a.txt
	expect_err
	{ hdr; rows_a bom-a.txt; } | expect_out
	expect_status 0
}

@test "UTF-16LE with BOM: TSV identical to the UTF-8 run" {
	local r
	for r in "$R000" "$R001"; do
		rpt_split --label=r.txt <"$r" >u8.tsv
		{ printf '\377\376'; iconv -f UTF-8 -t UTF-16LE "$r"; } >le.txt
		split_to_files --label=r.txt <le.txt
		expect_err
		expect_status 0
		cmp u8.tsv "$T/out"
	done
	# as a file operand too
	split_to_files le.txt
	expect_err
	expect_status 0
	rpt_split --label=le.txt <"$R001" | expect_out
}

@test "UTF-16BE with BOM: TSV identical to the UTF-8 run" {
	local r
	for r in "$R000" "$R001"; do
		rpt_split --label=r.txt <"$r" >u8.tsv
		{ printf '\376\377'; iconv -f UTF-8 -t UTF-16BE "$r"; } >be.txt
		split_to_files --label=r.txt <be.txt
		expect_err
		expect_status 0
		cmp u8.tsv "$T/out"
	done
}

@test "GB18030 made with iconv from the sample reports: TSV identical to UTF-8 (auto and -E gb18030)" {
	local r u
	for r in "${REPORTS[@]}"; do
		iconv -f UTF-8 -t GB18030 "$r" >gb.txt
		# the conversion must really change the bytes
		if cmp -s gb.txt "$r"; then
			echo "iconv left $r unchanged" >&2
			return 1
		fi
		for u in sentence para item; do
			rpt_split -u "$u" -k --label=r.txt <"$r" >u8.tsv
			split_to_files -u "$u" -k --label=r.txt <gb.txt
			expect_err
			expect_status 0
			cmp u8.tsv "$T/out"
		done
		split_to_files -E gb18030 --label=r.txt <gb.txt
		expect_err
		expect_status 0
		rpt_split --label=r.txt <"$r" | expect_out
	done
}

@test "UTF-8 for 64 KiB then GB18030 (file operand): error at line:col suggesting -E gb18030" {
	{ head64k; printf 'ab中文。\n' | iconv -f UTF-8 -t GB18030; } >late-gb.txt
	mk_b
	split_to_files late-gb.txt b.txt
	expect_err "rpt-split: late-gb.txt:1025:3: invalid UTF-8 byte 0xd6 (try -E gb18030, or iconv -f GB18030)"
	{ hdr; rows_head64k late-gb.txt; rows_b b.txt; } | expect_out
	expect_status 1
}

@test "UTF-8 for 64 KiB then GB18030 (through a pipe): the same error" {
	{ head64k; printf 'ab中文。\n' | iconv -f UTF-8 -t GB18030; } >late-gb.txt
	split_to_files --label=late-gb.txt < <(cat late-gb.txt)
	expect_err "rpt-split: late-gb.txt:1025:3: invalid UTF-8 byte 0xd6 (try -E gb18030, or iconv -f GB18030)"
	{ hdr; rows_head64k late-gb.txt; } | expect_out
	expect_status 1
}

@test "CRLF and CR-only line ends: TSV identical to LF, in all three unit modes" {
	local r u
	for r in "$R000" "$R001"; do
		sed 's/$/\r/' "$r" >crlf.txt
		tr '\n' '\r' <"$r" >cr.txt
		for u in sentence para item; do
			rpt_split -u "$u" --label=r.txt <"$r" >lf.tsv
			split_to_files -u "$u" --label=r.txt <crlf.txt
			expect_err
			expect_status 0
			cmp lf.tsv "$T/out"
			split_to_files -u "$u" --label=r.txt <cr.txt
			expect_err
			expect_status 0
			cmp lf.tsv "$T/out"
		done
	done
}

@test "CRLF whose CR ends the first 64 KiB: still one line end (file and pipe)" {
	# line 1: 63 bytes; lines 2..1024: 62 bytes; with CRLF the CR of line
	# 1024 is byte 65535 and its LF byte 65536
	{
		printf '%s\n' "$L63"
		yes "${L63%a}" | head -n 1023
		printf '下一行。\n\n末行。\n'
	} >lf.txt
	sed 's/$/\r/' lf.txt >crlf.txt
	[ "$(head -c 65537 crlf.txt | tail -c 2 | od -An -tx1 | tr -d ' ')" = 0d0a ]
	rpt_split --label=x <lf.txt >lf.tsv
	split_to_files --label=x crlf.txt
	expect_err
	expect_status 0
	sed '2,$s/^crlf\.txt	/x	/' "$T/out" | cmp lf.tsv -
	split_to_files --label=x < <(cat crlf.txt)
	expect_err
	expect_status 0
	cmp lf.tsv "$T/out"
}

@test "invalid UTF-8 in the middle: error names file:line:col, rows before it written, next file goes on, exit 1" {
	printf '第一句。\n第二行\261有错。\n第三行。\n' >mid.txt
	mk_b
	split_to_files mid.txt b.txt
	expect_err "rpt-split: mid.txt:2:4: invalid UTF-8 byte 0xb1 (try -E gb18030, or iconv -f GB18030)"
	{ hdr; tsv mid.txt 1 1 1 '' preamble body 4 '第一句。'; rows_b b.txt; } | expect_out
	expect_status 1
}

@test "--invalid=replace: U+FFFD for each bad sequence, one warning per file, exit 0" {
	printf '第一句。\n第二行\261有错。\n第三\377行。\n' >mid.txt
	printf '好。\n坏\261。\n' >mid2.txt
	split_to_files --invalid=replace mid.txt mid2.txt
	expect_err \
	    "rpt-split: mid.txt:2:4: warning: invalid UTF-8 byte 0xb1 replaced by U+FFFD (and any others in this file)" \
	    "rpt-split: mid2.txt:2:2: warning: invalid UTF-8 byte 0xb1 replaced by U+FFFD (and any others in this file)"
	{
		hdr
		tsv mid.txt 1 1 1 '' preamble body 4 '第一句。'
		tsv mid.txt 2 2 2 '' preamble body 7 $'第二行\xef\xbf\xbd有错。'
		tsv mid.txt 3 3 3 '' preamble body 5 $'第三\xef\xbf\xbd行。'
		tsv mid2.txt 1 1 1 '' preamble body 2 '好。'
		tsv mid2.txt 2 2 2 '' preamble body 3 $'坏\xef\xbf\xbd。'
	} | expect_out
	expect_status 0
}

@test "UTF-8 cut off at the end of the file: error (exit 1), or U+FFFD with --invalid=replace" {
	printf '一句。\n二句\344\270' >trunc.txt
	split_to_files trunc.txt
	expect_err "rpt-split: trunc.txt:2:3: invalid UTF-8 sequence 0xe4 0xb8 (try -E gb18030, or iconv -f GB18030)"
	{ hdr; tsv trunc.txt 1 1 1 '' preamble body 3 '一句。'; } | expect_out
	expect_status 1

	split_to_files --invalid=replace trunc.txt
	expect_err "rpt-split: trunc.txt:2:3: warning: invalid UTF-8 sequence 0xe4 0xb8 replaced by U+FFFD (and any others in this file)"
	{
		hdr
		tsv trunc.txt 1 1 1 '' preamble body 3 '一句。'
		tsv trunc.txt 2 2 2 '' preamble body 3 $'二句\xef\xbf\xbd'
	} | expect_out
	expect_status 0
}

# ---- output errors -----------------------------------------------------------

@test "> /dev/full: write error: No space left on device, exit 1 (once)" {
	# small output: the error shows when stdout is flushed at exit
	status=0
	rpt_split "$R000" "$R001" >/dev/full 2>"$T/err" || status=$?
	expect_err "rpt-split: write error: No space left on device"
	expect_status 1
	# output much larger than any buffer: the error is still said once
	mk_big
	status=0
	rpt_split big.txt big.txt "$R000" >/dev/full 2>"$T/err" || status=$?
	expect_err "rpt-split: write error: No space left on device"
	expect_status 1
	# the header alone is checked at exit too
	status=0
	rpt_split </dev/null >/dev/full 2>"$T/err" || status=$?
	expect_err "rpt-split: write error: No space left on device"
	expect_status 1
}

@test "> /dev/full with --help and --version: write error, exit 1" {
	local opt
	for opt in --help --version; do
		status=0
		rpt_split "$opt" >/dev/full 2>"$T/err" || status=$?
		expect_err "rpt-split: write error: No space left on device"
		expect_status 1
	done
}

@test "| head -1 with SIGPIPE at its default: stops, nothing on stderr" {
	local dflt=()
	if env --default-signal=PIPE true 2>/dev/null; then
		dflt=(env --default-signal=PIPE)
	fi
	# endless input: the filter must end when head has gone
	timeout 20 "${dflt[@]}" bash -c '
		yes "文本。" 2>/dev/null | rpt_split 2>"$1" | head -n 1 >"$2"
		echo "${PIPESTATUS[1]}" >"$3"' _ "$T/err" "$T/out" "$T/st"
	expect_err
	hdr | expect_out
	# killed by SIGPIPE (128+13) or exit 0
	case $(cat "$T/st") in
	0|141) ;;
	*) echo "exit status $(cat "$T/st"), expected 0 or 141" >&2; return 1 ;;
	esac
	# finite input, several files
	mk_big
	timeout 20 "${dflt[@]}" bash -c '
		rpt_split "$4" "$4" "$4" 2>"$1" | head -n 1 >"$2"
		echo "${PIPESTATUS[0]}" >"$3"' _ "$T/err" "$T/out" "$T/st" big.txt
	expect_err
	hdr | expect_out
	case $(cat "$T/st") in
	0|141) ;;
	*) echo "exit status $(cat "$T/st"), expected 0 or 141" >&2; return 1 ;;
	esac
}

@test "| head -1 with SIGPIPE ignored: stops, no message, exit 0" {
	timeout 20 bash -c '
		trap "" PIPE
		yes "文本。" 2>/dev/null | rpt_split 2>"$1" | head -n 1 >"$2"
		echo "${PIPESTATUS[1]}" >"$3"' _ "$T/err" "$T/out" "$T/st"
	expect_err
	hdr | expect_out
	[ "$(cat "$T/st")" = 0 ]
	mk_big
	timeout 20 bash -c '
		trap "" PIPE
		rpt_split "$4" "$4" "$4" 2>"$1" | head -n 1 >"$2"
		echo "${PIPESTATUS[0]}" >"$3"' _ "$T/err" "$T/out" "$T/st" big.txt
	expect_err
	hdr | expect_out
	[ "$(cat "$T/st")" = 0 ]
}

# ---- limits ------------------------------------------------------------------

@test "a 3 MiB line with no newline: 1 MiB pieces at character boundaries, one warning, nothing dropped" {
	# 11-byte unit of 5 characters: 1 MiB boundaries fall inside 甲
	yes '甲乙丙ab' | tr -d '\n' | head -c 3145728 >long.txt
	[ "$(wc -c <long.txt)" -eq 3145728 ]
	split_to_files long.txt
	expect_err "rpt-split: long.txt:1: warning: line longer than 1 MiB cut into 1 MiB pieces"
	expect_status 0
	[ "$(head -n 1 "$T/out")" = "$(hdr)" ]
	# four pieces, all of line 1, numbered 1..4
	tail -n +2 "$T/out" | cut -f 1,2,4,5,6,7 >cols
	{
		tsv long.txt 1 1 '' preamble body
		tsv long.txt 1 2 '' preamble body
		tsv long.txt 1 3 '' preamble body
		tsv long.txt 1 4 '' preamble body
	} | diff -u - cols
	# nothing dropped: the texts add up to the input
	tail -n +2 "$T/out" | cut -f 9 | tr -d '\n' | cmp - long.txt
	# 1 MiB pieces cut at a character boundary (each piece valid UTF-8)
	tail -n +2 "$T/out" | cut -f 9 | LC_ALL=C awk '
		{ n = length($0) }
		NR < 4 && (n > 1048576 || n < 1048573) { print "piece " NR ": " n " bytes"; bad = 1 }
		END { exit bad }'
	# a piece cut inside a character would leave bad UTF-8 before its LF
	tail -n +2 "$T/out" | cut -f 9 | iconv -f UTF-8 -t UTF-8 >/dev/null
	# chars add up to the characters of the input (285975 units of 5, and 甲)
	[ "$(tail -n +2 "$T/out" | cut -f 8 | awk '{ s += $1 } END { print s }')" = 1429876 ]
}

@test "two long lines in one file: one warning per file" {
	yes '甲乙丙ab' | tr -d '\n' | head -c 1572857 >l1
	{ cat l1; printf '\n'; cat l1; printf '\n'; } >long2.txt
	split_to_files -N long2.txt
	expect_err "rpt-split: long2.txt:1: warning: line longer than 1 MiB cut into 1 MiB pieces"
	expect_status 0
	cut -f 2,4 "$T/out" | diff -u - <(printf '1\t1\n1\t2\n2\t3\n2\t4\n')
	{ cat l1; cat l1; } | cmp - <(cut -f 9 "$T/out" | tr -d '\n')
}

# ---- escaping and file names -------------------------------------------------

@test "tabs and backslashes in text are escaped as \\t and \\\\ (text and key)" {
	printf 'a\tb\\c。d\\\\e\tf。\n\t\\n不是换行。\n' >esc.txt
	split_to_files -k esc.txt
	expect_err
	{
		tsv file line para n section part kind chars text key
		tsv esc.txt 1 1 1 '' preamble body 5 'a\tb\\c。' 'ab\\c。'
		tsv esc.txt 1 1 2 '' preamble body 6 'd\\\\e\tf。' 'd\\\\ef。'
		tsv esc.txt 2 2 3 '' preamble body 7 '\\n不是换行。' '\\n不是换行。'
	} | expect_out
	expect_status 0
}

@test "tabs and backslashes in file names: escaped in the file column and in messages" {
	mk_a $'tab\there\\x.txt'
	split_to_files $'tab\there\\x.txt' $'no\tsuch\\file'
	expect_err 'rpt-split: no\tsuch\\file: No such file or directory'
	{ hdr; rows_a 'tab\there\\x.txt'; } | expect_out
	expect_status 1
}

@test "a file name with a newline: \\n in the file column and in messages" {
	mk_a $'two\nlines.txt'
	printf '坏\261。\n' >$'bad\nname.txt'
	split_to_files $'two\nlines.txt' $'bad\nname.txt' $'gone\n.txt'
	expect_err \
	    'rpt-split: bad\nname.txt:1:2: invalid UTF-8 byte 0xb1 (try -E gb18030, or iconv -f GB18030)' \
	    'rpt-split: gone\n.txt: No such file or directory'
	{ hdr; rows_a 'two\nlines.txt'; } | expect_out
	expect_status 1
}

@test "a file name with invalid UTF-8: \\xHH in the file column and in messages" {
	mk_a $'r\xb1\xff.txt'
	printf '坏\261。\n' >$'bad\xb1.txt'
	printf 'PK\003\004\024\000word/document.xml' >$'doc\xd6\xd0.docx'
	split_to_files $'r\xb1\xff.txt' $'bad\xb1.txt' $'doc\xd6\xd0.docx' $'gone\xe4\xb8.txt'
	expect_err \
	    'rpt-split: bad\xb1.txt:1:2: invalid UTF-8 byte 0xb1 (try -E gb18030, or iconv -f GB18030)' \
	    'rpt-split: doc\xd6\xd0.docx: a Word (DOCX) document, not text; convert it first, e.g. pandoc -t plain doc\xd6\xd0.docx' \
	    'rpt-split: gone\xe4\xb8.txt: No such file or directory'
	{ hdr; rows_a 'r\xb1\xff.txt'; } | expect_out
	expect_status 1
	iconv -f UTF-8 -t UTF-8 "$T/out" >/dev/null
}

# ---- empty, blank, unterminated ----------------------------------------------

@test "empty input: header only, exit 0 (file and stdin); with -N nothing" {
	: >empty.txt
	split_to_files empty.txt
	expect_err
	hdr | expect_out
	expect_status 0
	split_to_files </dev/null
	expect_err
	hdr | expect_out
	expect_status 0
	split_to_files -N empty.txt - </dev/null
	expect_err
	expect_out </dev/null
	expect_status 0
}

@test "whitespace-only input (spaces, tabs, U+3000, NBSP, CRLF, blank lines): header only, exit 0" {
	printf ' \t\n\n\343\200\200\302\240\r\n   \r\n\343\200\200' >blank.txt
	local u
	for u in sentence para item; do
		split_to_files -u "$u" blank.txt
		expect_err
		hdr | expect_out
		expect_status 0
	done
}

@test "no final newline: the last line is still a unit" {
	printf '一、标题\n正文没有换行。结尾' >nofinal.txt
	split_to_files nofinal.txt
	expect_err
	{
		hdr
		tsv nofinal.txt 1 1 1 1 achievements heading 4 '一、标题'
		tsv nofinal.txt 2 2 2 1 achievements body 7 '正文没有换行。'
		tsv nofinal.txt 2 2 3 1 achievements body 2 '结尾'
	} | expect_out
	expect_status 0
	# and the same as with the newline
	printf '一、标题\n正文没有换行。结尾\n' >final.txt
	rpt_split --label=x <final.txt >with.tsv
	rpt_split --label=x <nofinal.txt | cmp with.tsv -
}

@test "-N and --no-header drop the header line only" {
	mk_a
	split_to_files -N a.txt
	expect_err
	rows_a a.txt | expect_out
	expect_status 0
	split_to_files --no-header -k a.txt
	expect_err
	[ "$(wc -l <"$T/out")" -eq 3 ]
	cut -f 1-9 "$T/out" | diff -u <(rows_a a.txt) -
	expect_status 0
}

# ---- TSV shape and locale ----------------------------------------------------

@test "every row has the header's field count; output is UTF-8 with LF only" {
	mk_a $'odd\tname\n\xb1.txt'
	printf 'a\tb\\c。\t\r\n\t\n' >tabs.txt
	{
		local u
		for u in sentence para item; do
			rpt_split -u "$u" "${REPORTS[@]}" $'odd\tname\n\xb1.txt' tabs.txt
			rpt_split -u "$u" -k "${REPORTS[@]}" $'odd\tname\n\xb1.txt' tabs.txt
		done
	} >all.tsv
	# each run starts with its header; every line has its field count
	awk -F '\t' '
		$1 == "file" { n = NF; if (n != 9 && n != 10) bad = 1; next }
		NF != n { print NR ": " NF " fields, header has " n; bad = 1 }
		END { exit bad }' all.tsv
	[ "$(grep -c '^file	' all.tsv)" -eq 6 ]
	[ "$(grep -c $'\r' all.tsv || :)" -eq 0 ]
	iconv -f UTF-8 -t UTF-8 all.tsv >/dev/null
}

@test "no locale dependence: identical stdout and stderr under C, C.UTF-8 and LANG=zh_CN.GB18030" {
	printf '第一句。\n第二行\261有错。\n' >mid.txt
	iconv -f UTF-8 -t GB18030 "$R001" >gb.txt
	mk_a $'n\xb1.txt'
	# shellcheck disable=SC2317
	all_modes() {
		local u
		for u in sentence para item; do
			rpt_split -u "$u" -k "${REPORTS[@]}" gb.txt $'n\xb1.txt'
		done
		rpt_split mid.txt missing.txt 2>&1 || echo "status $?"
		rpt_split --help
		rpt_split -V
		rpt_split -u bad 2>&1 || echo "status $?"
	}
	(export LC_ALL=C; all_modes) >c.out
	(export LC_ALL=C.UTF-8; all_modes) >utf8.out
	(unset LC_ALL LC_CTYPE LC_MESSAGES LC_NUMERIC LANGUAGE
	 export LANG=zh_CN.GB18030; all_modes) >gb-lang.out
	(export LC_ALL=zh_CN.GB18030 LANG=zh_CN.GB18030; all_modes) >gb-all.out
	cmp c.out utf8.out
	cmp c.out gb-lang.out
	cmp c.out gb-all.out
	# and the runs did run
	grep -q -F 'rpt-split: mid.txt:2:4: invalid UTF-8 byte 0xb1' c.out
	grep -q -F -x 'status 2' c.out
	[ "$(grep -c "^file	" c.out)" -eq 4 ]
}

@test "a line a little over 1 MiB with its newline is cut the same from a file and from a pipe" {
	head -c 1148576 /dev/zero | tr '\0' a >"$BATS_TEST_TMPDIR/l.txt"
	echo >>"$BATS_TEST_TMPDIR/l.txt"
	echo tail >>"$BATS_TEST_TMPDIR/l.txt"
	cd "$BATS_TEST_TMPDIR"
	rpt_split -N -u para l.txt 2>err1 | cut -f2-8 >out1
	rpt_split -N -u para --label=l.txt <l.txt 2>err2 | cut -f2-8 >out2
	printf '1\t1\t1\t\tpreamble\tbody\t1048576\n1\t2\t2\t\tpreamble\tbody\t100000\n2\t3\t3\t\tpreamble\tbody\t4\n' >want
	diff -u want out1
	diff -u want out2
	diff -u err1 err2
	[ "$(cat err1)" = "rpt-split: l.txt:1: warning: line longer than 1 MiB cut into 1 MiB pieces" ]
}

@test "--help and --version into a closed pipe with SIGPIPE ignored: exit 0, no message" {
	run bash -c "trap '' PIPE; '$RPT_BIN/rpt-split' --help 2>'$BATS_TEST_TMPDIR/err' | true; echo \${PIPESTATUS[0]}"
	assert_output 0
	[ ! -s "$BATS_TEST_TMPDIR/err" ]
	run bash -c "trap '' PIPE; '$RPT_BIN/rpt-split' -V 2>'$BATS_TEST_TMPDIR/err' | true; echo \${PIPESTATUS[0]}"
	assert_output 0
	[ ! -s "$BATS_TEST_TMPDIR/err" ]
}
