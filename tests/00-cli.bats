#!/usr/bin/env bats
# The command-line contract that all four filters share (man/rpt.7, and
# issue 2): options, operands, refusals, decoding, escaping, output errors,
# exit status.  Each test runs for every filter in FILTERS (bats 1.8 has no
# parametrized tests), with that filter's own expected rows, and every
# failure names the filter (F).  Every check compares the exact stdout,
# the exact stderr and the exact exit status.  What rpt(7) and a filter's
# page document as its own is expected of it: rpt-stats writes a row for
# every operand, also a refused or an empty one (status refused, or
# partial for a file that stopped at an error, with the encoding it was
# read from); rpt-sections writes rows for elements (no body text).  Odd
# inputs (binary signatures, NUL bytes, long lines, other encodings, odd
# file names) are made at test time in $BATS_TEST_TMPDIR.

setup() {
	load helper
	load expect
	T=$BATS_TEST_TMPDIR
	cd "$T" || return 1
	FILTERS=(rpt-split rpt-sections rpt-numbers rpt-stats)
	# for `bash -c` pipelines
	export RPT_BIN
	R000=$CORPUS/000_6b9668183397f94f.txt
	R001=$CORPUS/001_3dec04221fb15ce6.txt
	REPORTS=("$CORPUS/000_6b9668183397f94f.txt"
	    "$CORPUS/001_3dec04221fb15ce6.txt"
	    "$CORPUS/002_5e0d0e6190e313b8.txt"
	    "$CORPUS/003_31e37ca5113b7cf1.txt"
	    "$CORPUS/004_4d7abf357b95ea80.txt")
}

# ---- helpers ---------------------------------------------------------------

# flunk MESSAGE: fail, naming the filter under test.
flunk() {
	echo "$F: $*" >&2
	return 1
}

# f ARGS...: run the filter under test, F.
f() { "$RPT_BIN/$F" "$@"; }

# to_files ARGS...: run F; stdout in $T/out, stderr in $T/err, exit status
# in $status.
to_files() {
	status=0
	f "$@" >"$T/out" 2>"$T/err" || status=$?
}

# hdr: F's header line.
hdr() {
	case $F in
	rpt-split) tsv file line para n section part kind chars text ;;
	rpt-sections) tsv file line kind level marker num path part title chars ;;
	rpt-numbers) tsv file line col section part kind value max unit qual \
	    text context after ;;
	rpt-stats) tsv file status encoding profile title docno issuer year \
	    date chars han paras sents avg_sent headings depth items \
	    quantities percents parts missing boilerplate_chars ;;
	esac
}

# own: a flag of F's own that takes no argument (for bundles).
own() {
	case $F in
	rpt-split) echo k ;;
	rpt-sections) echo i ;;
	rpt-numbers) echo a ;;
	rpt-stats) echo l ;;
	esac
}

# usage_error MESSAGE ARGS...: exit 2, nothing on stdout, exactly
# "F: MESSAGE" and the hint on stderr.
usage_error() {
	local message=$1
	shift
	to_files "$@" </dev/null
	expect_err "$F: $message" "Try '$F --help'."
	expect_out </dev/null
	expect_status 2
}

# stats FILE STATUS ENC PROFILE TITLE CHARS HAN PARAS SENTS AVG HEADINGS
# DEPTH QUANTITIES PARTS MISSING: a row of rpt-stats (no docno, issuer,
# year, date, items, percents or boilerplate in the documents made here).
stats() {
	tsv "$1" "$2" "$3" "$4" "$5" '' '' '' '' "$6" "$7" "$8" "$9" "${10}" \
	    "${11}" "${12}" 0 "${13}" 0 "${14}" "${15}" 0
}

# refused_row FILE: what F writes for a refused operand (rpt-stats only).
refused_row() {
	[ "$F" = rpt-stats ] || return 0
	tsv "$1" refused '' '' '' '' '' '' '' '' '' '' '' '' '' '' '' '' '' '' '' ''
}

# empty_row FILE [ENC]: what F writes for a document with no text.
empty_row() {
	[ "$F" = rpt-stats ] || return 0
	tsv "$1" ok "${2:-utf-8}" '' '' '' '' '' '' 0 0 0 0 '' 0 0 0 0 0 '' '' 0
}

# Two small documents and their rows under a given file name (and, for
# rpt-stats, encoding).
mk_a() { printf '一、总则\n我们开会3次。大家发言！\n' >"${1:-a.txt}"; }
mk_b() { printf '关于第二份的报告\n共印2份。\n' >"${1:-b.txt}"; }
rows_a() {
	case $F in
	rpt-split)
		tsv "$1" 1 1 1 1 achievements heading 4 '一、总则'
		tsv "$1" 2 2 2 1 achievements body 7 '我们开会3次。'
		tsv "$1" 2 2 3 1 achievements body 5 '大家发言！' ;;
	rpt-sections)
		tsv "$1" 1 heading 1 一、 1 1 achievements 总则 16 ;;
	rpt-numbers)
		tsv "$1" 2 5 1 achievements count 3 '' 次 exact 3次 我们开会 '' ;;
	rpt-stats)
		stats "$1" ok "${2:-utf-8}" summary '' 16 12 2 3 5.3 1 1 1 \
		    achievements:16 problems,plans ;;
	esac
}
rows_b() {
	case $F in
	rpt-split)
		tsv "$1" 1 1 1 '' '' title 8 '关于第二份的报告'
		tsv "$1" 2 2 2 '' preamble body 5 '共印2份。' ;;
	rpt-sections)
		tsv "$1" 1 title '' '' '' '' '' 关于第二份的报告 8 ;;
	rpt-numbers)
		tsv "$1" 2 3 '' preamble count 2 '' 份 exact 2份 共印 '' ;;
	rpt-stats)
		stats "$1" ok "${2:-utf-8}" summary 关于第二份的报告 13 11 1 1 5.0 \
		    0 0 1 preamble:5 achievements,problems,plans ;;
	esac
}

# big.txt: the five reports ten times over (about 400 KB).
mk_big() {
	local _
	for _ in 1 2 3 4 5 6 7 8 9 10; do cat "${REPORTS[@]}"; done >big.txt
}

# A 63-byte line of UTF-8 (57 characters: 3 CJK, a digit and 53 ASCII
# letters, a count for rpt-numbers): 1024 of them with their LF fill
# exactly the first 64 KiB.
L63=$(printf '测试3次%053d' 0 | tr 0 a)
head64k() { yes "$L63" | head -n 1024; }
# rows_head64k FILE [STATUS [CHARS PARAS]]: the rows of head64k's 1024
# lines; rpt-stats with STATUS (ok), and CHARS and PARAS when more lines
# (without han or numbers) follow.
rows_head64k() {
	local chars=${3:-58368} paras=${4:-1024}
	case $F in
	rpt-split)
		awk -v f="$1" -v l="$L63" 'BEGIN {
			for (i = 1; i <= 1024; i++)
				printf "%s\t%d\t%d\t%d\t\tpreamble\tbody\t57\t%s\n", f, i, i, i, l
		}' ;;
	rpt-numbers)
		awk -v f="$1" -v a="$(printf '%030d' 0 | tr 0 a)" 'BEGIN {
			for (i = 1; i <= 1024; i++)
				printf "%s\t%d\t3\t\tpreamble\tcount\t3\t\t次\texact\t3次\t测试\t%s\n", f, i, a
		}' ;;
	rpt-stats)
		stats "$1" "${2:-ok}" utf-8 summary '' "$chars" 3072 "$paras" "$paras" \
		    "$(awk -v c="$chars" -v p="$paras" 'BEGIN { printf "%.1f", c / p }')" \
		    0 0 1024 "preamble:$chars" achievements,problems,plans ;;
	esac
}

# enc_as_utf8 ENC: stdin to stdout; for rpt-stats, each row's encoding
# must be ENC and is written utf-8, so that the rest compares with a
# UTF-8 run (the one column in which rpt-stats shows the encoding).
enc_as_utf8() {
	if [ "$F" = rpt-stats ]; then
		awk -F '\t' -v OFS='\t' -v e="$1" -v f="$F" '
			NR > 1 || $1 != "file" {
				if ($3 != e) {
					print f ": encoding " $3 ", expected " e >"/dev/stderr"
					bad = 1
				}
				$3 = "utf-8"
			}
			{ print }
			END { exit bad }'
	else
		cat
	fi
}

# partial: stdin to stdout; for rpt-stats, an ok row becomes partial (a
# file that stopped at an error: its row describes what was read).
partial() {
	if [ "$F" = rpt-stats ]; then
		awk -F '\t' -v OFS='\t' '$2 == "ok" { $2 = "partial" } { print }'
	else
		cat
	fi
}

# ---- options ---------------------------------------------------------------

@test "--help: usage on stdout, nothing on stderr, exit 0; -h is the same" {
	local opt own_opts usage
	for F in "${FILTERS[@]}"; do
		case $F in
		rpt-split)
			usage='[-u para|sentence|item] [-k]'
			own_opts=('-u, --unit=UNIT' '-k, --key' '--semicolon') ;;
		rpt-sections)
			usage='[-i] [--check]'
			own_opts=('-i, --items' '--check' '--print-profile') ;;
		rpt-numbers)
			usage='[-a] [--kinds=LIST]'
			own_opts=('-a, --all' '--kinds=LIST') ;;
		rpt-stats)
			usage='[-l] [-e NAME=PATTERN]... [-f FILE]'
			own_opts=('-l, --long' '-e, --regexp=NAME=PATTERN' '-f, --file=FILE') ;;
		esac
		to_files --help
		expect_err
		expect_status 0
		[ "$(head -n 1 "$T/out")" = \
		    "Usage: $F $usage [OPTION]... [FILE]..." ] ||
		    flunk "usage line: $(head -n 1 "$T/out")"
		# every option of the contract is documented, each on a line of
		# its own
		for opt in "${own_opts[@]}" '-N, --no-header' '-E, --encoding=ENC' \
		    '--invalid=MODE' '--label=NAME' '--profile=P' '--pre=COMMAND' \
		    '--pre-glob=GLOB' '-h, --help' \
		    '-V, --version'; do
			grep -q -E -e "^ +$opt( |\$)" "$T/out" ||
			    flunk "--help does not list $opt"
		done
		[ "$(tail -c 1 "$T/out" | od -An -c | tr -d ' ')" = '\n' ] ||
		    flunk "--help does not end with a newline"
		cp "$T/out" "$T/help"
		to_files -h
		expect_err
		expect_status 0
		cmp "$T/help" "$T/out" || flunk "-h is not --help"
	done
}

@test "--version and -V: exactly three lines, exit 0" {
	local v
	for F in "${FILTERS[@]}"; do
		for v in --version -V; do
			to_files "$v"
			expect_err
			expect_status 0
			printf '%s\n' "$F (rpt) 0.1.0" 'utf8proc 2.8.0' \
			    'PCRE2 10.42 2022-12-11' | expect_out
		done
	done
}

@test "unknown options: message, Try line, exit 2, no output" {
	for F in "${FILTERS[@]}"; do
		usage_error "unknown option '--foo'" --foo
		usage_error "unknown option '--foo'" --foo "$R000"
		usage_error "unknown option '-x'" -x
		usage_error "unknown option '-q'" "-$(own)q"
		usage_error "unknown option '-q'" -q -N
	done
}

@test "missing option arguments: message names the option, exit 2" {
	local o
	for F in "${FILTERS[@]}"; do
		for o in -E --encoding --invalid --label --profile; do
			usage_error "option '$o' needs an argument" "$o"
		done
		case $F in
		rpt-split) set -- -u --unit ;;
		rpt-sections) set -- ;;
		rpt-numbers) set -- --kinds ;;
		rpt-stats) set -- -e --regexp -f --file ;;
		esac
		for o in "$@"; do
			usage_error "option '$o' needs an argument" "$o"
		done
	done
}

@test "missing option argument in a bundle (-kE) names -E, not the bundle" {
	for F in "${FILTERS[@]}"; do
		usage_error "option '-E' needs an argument" "-$(own)E"
	done
	F=rpt-split
	usage_error "option '-u' needs an argument" -ku
}

@test "bad -E and --invalid values: message, Try line, exit 2" {
	for F in "${FILTERS[@]}"; do
		usage_error "invalid encoding 'x' (expected auto, utf-8, gb18030, utf-16le or utf-16be)" -E x
		usage_error "invalid encoding 'utf8' (expected auto, utf-8, gb18030, utf-16le or utf-16be)" --encoding=utf8
		usage_error "invalid encoding '' (expected auto, utf-8, gb18030, utf-16le or utf-16be)" --encoding=
		usage_error "invalid --invalid mode 'x' (expected error or replace)" --invalid=x
		usage_error "invalid --invalid mode 'ignore' (expected error or replace)" --invalid ignore
	done
}

@test "rpt-split: bad -u values: message, Try line, exit 2" {
	F=rpt-split
	usage_error "invalid unit 'x' (expected para, sentence or item)" -u x
	usage_error "invalid unit 'x' (expected para, sentence or item)" --unit=x
	usage_error "invalid unit '' (expected para, sentence or item)" --unit=
	usage_error "invalid unit 'paragraph' (expected para, sentence or item)" \
	    -u paragraph
}

@test "a usage error wins over operands: no file is read" {
	mk_a
	for F in "${FILTERS[@]}"; do
		usage_error "invalid encoding 'x' (expected auto, utf-8, gb18030, utf-16le or utf-16be)" \
		    a.txt -E x missing.txt
	done
}

@test "long options that take no argument, given one (--help=x, --no-header=1)" {
	local o
	for F in "${FILTERS[@]}"; do
		case $F in
		rpt-split) set -- --key --semicolon ;;
		rpt-sections) set -- --items --check --print-profile ;;
		rpt-numbers) set -- --all ;;
		rpt-stats) set -- --long ;;
		esac
		for o in --help --version --no-header "$@"; do
			usage_error "option '$o' doesn't allow an argument" "$o=1"
		done
	done
}

@test "long options may be abbreviated; an ambiguous prefix is a usage error" {
	mk_a
	for F in "${FILTERS[@]}"; do
		to_files --no-h --lab=甲.txt --enc=utf-8 --inv=replace <a.txt
		expect_err
		rows_a 甲.txt | expect_out
		expect_status 0
		case $F in
		rpt-sections) usage_error "ambiguous option '--i'" --i ;;
		rpt-stats) usage_error "ambiguous option '--l'" --l=x ;;
		esac
	done
}

@test "options may follow operands, unless POSIXLY_CORRECT is set" {
	mk_a
	for F in "${FILTERS[@]}"; do
		to_files a.txt -N
		expect_err
		rows_a a.txt | expect_out
		expect_status 0
		status=0
		POSIXLY_CORRECT=1 "$RPT_BIN/$F" a.txt -N >"$T/out" 2>"$T/err" || status=$?
		expect_err "$F: -N: No such file or directory"
		{ hdr; rows_a a.txt; refused_row -N; } | expect_out
		expect_status 1
	done
}

@test "--profile: a built-in name or a file; anything else is a usage error" {
	mk_a
	for F in "${FILTERS[@]}"; do
		usage_error "nope: no such built-in profile or file (the built-in profiles are fzzf, gwr and summary)" \
		    --profile=nope a.txt
		usage_error ": no such built-in profile or file (the built-in profiles are fzzf, gwr and summary)" \
		    --profile= a.txt
		to_files --profile=summary a.txt
		expect_err
		{ hdr; rows_a a.txt; } | expect_out
		expect_status 0
	done
}

# ---- operands --------------------------------------------------------------

@test "--label names standard input only: a file operand keeps its name" {
	mk_a
	for F in "${FILTERS[@]}"; do
		to_files --label=x a.txt
		expect_err
		{ hdr; rows_a a.txt; } | expect_out
		expect_status 0
	done
}

@test "rows for a refused file: none, except in rpt-stats (also -l) and rpt-sections --check" {
	mk_a
	F=rpt-stats
	to_files -N -l nope.txt
	expect_err "$F: nope.txt: No such file or directory"
	tsv nope.txt status refused | expect_out
	expect_status 1
	F=rpt-sections
	to_files -N --check nope.txt
	expect_err "$F: nope.txt: No such file or directory"
	tsv nope.txt '' refused 'could not be read: No such file or directory' | expect_out
	expect_status 1
	for F in rpt-split rpt-numbers rpt-sections; do
		case $F in
		rpt-split) set -- -k -u para -u item ;;
		rpt-numbers) set -- -a ;;
		rpt-sections) set -- -i ;;
		esac
		to_files -N "$@" nope.txt a.txt
		expect_err "$F: nope.txt: No such file or directory"
		f -N "$@" a.txt >"$T/want"
		expect_out <"$T/want"
		expect_status 1
	done
}


@test "no operand reads standard input; the file column is -" {
	mk_a
	for F in "${FILTERS[@]}"; do
		to_files <a.txt
		expect_err
		{ hdr; rows_a -; } | expect_out
		expect_status 0
	done
}

@test "- among files reads standard input in its place" {
	mk_a
	mk_b
	for F in "${FILTERS[@]}"; do
		to_files a.txt - b.txt <"$T/a.txt"
		expect_err
		{ hdr; rows_a a.txt; rows_a -; rows_b b.txt; } | expect_out
		expect_status 0
	done
}

@test "--label names standard input (no operand, and -), escaped like a file name" {
	mk_a
	mk_b
	for F in "${FILTERS[@]}"; do
		to_files --label=甲.txt <a.txt
		expect_err
		{ hdr; rows_a 甲.txt; } | expect_out
		expect_status 0

		to_files --label 乙.txt b.txt - <a.txt
		expect_err
		{ hdr; rows_b b.txt; rows_a 乙.txt; } | expect_out
		expect_status 0

		to_files --label=$'tab\there\\\xb1' <a.txt
		expect_err
		{ hdr; rows_a 'tab\there\\\xb1'; } | expect_out
		expect_status 0
	done
}

@test "-- ends options: a file named -x, and - after -- is still stdin" {
	mk_a ./-x
	mk_b
	for F in "${FILTERS[@]}"; do
		to_files -N -- -x - <b.txt
		expect_err
		{ rows_a -x; rows_b -; } | expect_out
		expect_status 0
		# without --, -x is an option
		usage_error "unknown option '-x'" -x
	done
}

@test "missing file: one line, the other files are still processed, exit 1" {
	mk_a
	mk_b
	for F in "${FILTERS[@]}"; do
		to_files a.txt nope.txt b.txt
		expect_err "$F: nope.txt: No such file or directory"
		{ hdr; rows_a a.txt; refused_row nope.txt; rows_b b.txt; } | expect_out
		expect_status 1
	done
}

@test "unreadable file: Permission denied, others go on, exit 1" {
	if [ "$(id -u)" -eq 0 ]; then
		skip "root can read a mode-000 file"
	fi
	mk_a
	mk_b secret.txt
	chmod 000 secret.txt
	for F in "${FILTERS[@]}"; do
		to_files secret.txt a.txt
		expect_err "$F: secret.txt: Permission denied"
		{ hdr; refused_row secret.txt; rows_a a.txt; } | expect_out
		expect_status 1
	done
}

@test "a directory is refused with one line, the other files go on, exit 1" {
	mk_a
	mkdir dir
	for F in "${FILTERS[@]}"; do
		to_files dir a.txt
		expect_err "$F: dir: Is a directory"
		{ hdr; refused_row dir; rows_a a.txt; } | expect_out
		expect_status 1

		to_files <dir
		expect_err "$F: -: Is a directory"
		{ hdr; refused_row -; } | expect_out
		expect_status 1
	done
}

# ---- files that are not text -------------------------------------------------

# refused FILE MESSAGE: for every filter, FILE is refused with exactly
# "F: MESSAGE", and good.txt after it is still read; exit 1.
refused() {
	mk_b good.txt
	for F in "${FILTERS[@]}"; do
		to_files "$1" good.txt
		expect_err "$F: $2"
		{ hdr; refused_row "$1"; rows_b good.txt; } | expect_out
		expect_status 1
	done
}

@test "a ZIP signature without a ZIP's directory (a cut .docx): refused as damaged" {
	printf 'PK\003\004\024\000\006\000\010\000\000\000!\000\337\244\322lZ\001\000\000\040\005\000\000\023\000\010\002[Content_Types].xml \242\004\002(\240\000\002\000\000PK\003\004\024\000\006\000\010\000\000\000!\000word/document.xml' >报告.docx
	refused 报告.docx "报告.docx: not a readable ZIP archive (Not a zip archive): a truncated or damaged file?"
}

@test "an XLSX (by its content types): refused, with the libreoffice hint" {
	cp "$TESTS/docx/hostile/sheet.xlsx" 表.xlsx
	refused 表.xlsx "表.xlsx: an Excel (XLSX) workbook, not text; convert it first, e.g. libreoffice --headless --convert-to csv 表.xlsx"
}

@test "a ZIP that is no Office file: refused, with the unzip hint" {
	cp "$TESTS/docx/hostile/plain.zip.docx" a.zip
	refused a.zip "a.zip: a ZIP archive, not text; unpack it first, e.g. unzip a.zip"
}

@test "PDF signature: refused, with the pdftotext hint" {
	printf '%%PDF-1.7\n%%\342\343\317\323\n1 0 obj\n<< /Type /Catalog >>\nendobj\n' >r.pdf
	refused r.pdf "r.pdf: a PDF document, not text; convert it first, e.g. pdftotext r.pdf -"
}

@test "OLE2 signature without a known stream: refused, with the libreoffice hint" {
	printf '\320\317\021\340\241\261\032\341\000\000\000\000\000\000\000\000>\000\003\000\376\377\011\000' >old.doc
	refused old.doc "old.doc: a legacy Office (OLE2) file, not text; convert it first, e.g. libreoffice --headless --convert-to docx old.doc"
}

@test "RTF signature: refused, with the pandoc hint" {
	printf '{\\rtf1\\ansi\\deff0{\\fonttbl{\\f0 SimSun;}}\n\\f0 text\\par\n}\n' >r.rtf
	refused r.rtf "r.rtf: an RTF document, not text; convert it first, e.g. pandoc -t plain r.rtf"
}

@test "PNG signature: refused, with the tesseract hint" {
	printf '\211PNG\r\n\032\n\000\000\000\rIHDR\000\000\000\001\000\000\000\001\010\006\000\000\000' >scan.png
	refused scan.png "scan.png: a PNG image, not text; it needs OCR first, e.g. tesseract scan.png - -l chi_sim"
}

@test "JPEG signature: refused, with the tesseract hint" {
	printf '\377\330\377\340\000\020JFIF\000\001\001\000\000\001\000\001\000\000' >scan.jpg
	refused scan.jpg "scan.jpg: a JPEG image, not text; it needs OCR first, e.g. tesseract scan.jpg - -l chi_sim"
}

@test "GIF signatures (87a and 89a): refused, with the tesseract hint" {
	printf 'GIF89a\001\000\001\000\200\000\000\377\377\377\000\000\000!' >scan.gif
	refused scan.gif "scan.gif: a GIF image, not text; it needs OCR first, e.g. tesseract scan.gif - -l chi_sim"
	printf 'GIF87a\001\000\001\000\200\000\000\377\377\377\000\000\000,' >old.gif
	refused old.gif "old.gif: a GIF image, not text; it needs OCR first, e.g. tesseract old.gif - -l chi_sim"
}

@test "NUL bytes in the first 64 KiB: refused as binary data with line and column" {
	printf '第一行。\n第二\000行。\n' >nul.txt
	refused nul.txt "nul.txt: binary data (NUL byte at line 2, column 3), not text"

	# the last byte of the first 64 KiB (line 1024, after 57 characters)
	{ yes "$L63" | head -n 1023; printf '%s\000after。\n' "$L63"; } >edge.txt
	refused edge.txt "edge.txt: binary data (NUL byte at line 1024, column 58), not text"

	# on standard input too
	for F in "${FILTERS[@]}"; do
		to_files <nul.txt
		expect_err "$F: -: binary data (NUL byte at line 2, column 3), not text"
		{ hdr; refused_row -; } | expect_out
		expect_status 1
	done
}

@test "a U+0000 in UTF-16 text is binary data; UTF-16 without a BOM is not text" {
	{ printf '\377\376'; printf '一句。\n二\000句。\n' | iconv -f UTF-8 -t UTF-16LE; } >le-nul.txt
	refused le-nul.txt "le-nul.txt: binary data (NUL byte at line 2, column 2), not text"

	mk_a
	iconv -f UTF-8 -t UTF-16BE a.txt >be-nobom.txt
	# 一 is U+4E00: the bytes N and NUL
	refused be-nobom.txt "be-nobom.txt: binary data (NUL byte at line 1, column 2), not text"
	# ... unless -E says what it is
	for F in "${FILTERS[@]}"; do
		to_files -E utf-16be be-nobom.txt
		expect_err
		{ hdr; rows_a be-nobom.txt utf-16be; } | expect_out
		expect_status 0
	done
}

@test "a NUL after the first 64 KiB: error with line:col, earlier rows kept, next file goes on" {
	{ head64k; printf 'xy\000z\nok。\n'; } >late-nul.txt
	mk_b
	# right at byte 65536: line 1025, column 1
	{ head64k; printf '\000ok。\n'; } >at64k.txt
	for F in "${FILTERS[@]}"; do
		to_files late-nul.txt b.txt
		expect_err "$F: late-nul.txt:1025:3: NUL byte in text (binary data? --invalid=replace reads past it)"
		{ hdr; rows_head64k late-nul.txt partial; rows_b b.txt; } | expect_out
		expect_status 1

		to_files -N at64k.txt
		expect_err "$F: at64k.txt:1025:1: NUL byte in text (binary data? --invalid=replace reads past it)"
		rows_head64k at64k.txt partial | expect_out
		expect_status 1
	done
}

@test "a NUL after the first 64 KiB with --invalid=replace: U+FFFD, one warning, exit 0" {
	{ head64k; printf 'xy\000z\nok\000。\n'; } >late-nul.txt
	for F in "${FILTERS[@]}"; do
		to_files --invalid=replace late-nul.txt
		expect_err "$F: late-nul.txt:1025:3: warning: NUL byte in text replaced by U+FFFD (and any others in this file)"
		{
			hdr
			case $F in
			rpt-split)
				rows_head64k late-nul.txt
				tsv late-nul.txt 1025 1025 1025 '' preamble body 4 $'xy\xef\xbf\xbdz'
				tsv late-nul.txt 1026 1026 1026 '' preamble body 4 $'ok\xef\xbf\xbd。' ;;
			*)
				rows_head64k late-nul.txt ok $((58368 + 8)) 1026 ;;
			esac
		} | expect_out
		expect_status 0
	done
}

# ---- encodings ---------------------------------------------------------------

@test "UTF-8 BOM is dropped: TSV identical to the file without it" {
	{ printf '\357\273\277'; cat "$R000"; } >bom.txt
	# a BOM before a heading does not hide the heading
	mk_a
	{ printf '\357\273\277'; cat a.txt; } >bom-a.txt
	for F in "${FILTERS[@]}"; do
		f --label=r.txt <"$R000" >u8.tsv
		to_files --label=r.txt <bom.txt
		expect_err
		expect_status 0
		enc_as_utf8 utf-8-bom <"$T/out" | cmp u8.tsv - || flunk "with a BOM"
		to_files -E utf-8 --label=r.txt <bom.txt
		expect_err
		expect_status 0
		enc_as_utf8 utf-8-bom <"$T/out" | cmp u8.tsv - || flunk "-E utf-8 with a BOM"
		to_files bom-a.txt
		expect_err
		{ hdr; rows_a bom-a.txt utf-8-bom; } | expect_out
		expect_status 0
	done
}

# utf16 le|be: the report files as UTF-16 with a BOM give the TSV of UTF-8.
utf16() {
	local r e=utf-16$1 bom=$'\377\376'
	[ "$1" = le ] || bom=$'\376\377'
	for F in "${FILTERS[@]}"; do
		for r in "$R000" "$R001"; do
			f --label=r.txt <"$r" >u8.tsv
			{ printf '%s' "$bom"; iconv -f UTF-8 -t "${e^^}" "$r"; } >u16.txt
			to_files --label=r.txt <u16.txt
			expect_err
			expect_status 0
			enc_as_utf8 "$e" <"$T/out" | cmp u8.tsv - || flunk "$e of $r"
		done
		# as a file operand too
		to_files u16.txt
		expect_err
		expect_status 0
		f --label=u16.txt <"$R001" >u8.tsv
		enc_as_utf8 "$e" <"$T/out" | cmp u8.tsv - || flunk "$e file operand"
	done
}

@test "UTF-16LE with BOM: TSV identical to the UTF-8 run" {
	utf16 le
}

@test "UTF-16BE with BOM: TSV identical to the UTF-8 run" {
	utf16 be
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
		F=rpt-split
		for u in sentence para item; do
			f -u "$u" -k --label=r.txt <"$r" >u8.tsv
			to_files -u "$u" -k --label=r.txt <gb.txt
			expect_err
			expect_status 0
			cmp u8.tsv "$T/out" || flunk "-u $u of $r"
		done
		for F in "${FILTERS[@]}"; do
			f --label=r.txt <"$r" >u8.tsv
			to_files --label=r.txt <gb.txt
			expect_err
			expect_status 0
			enc_as_utf8 gb18030 <"$T/out" | cmp u8.tsv - || flunk "auto, $r"
			to_files -E gb18030 --label=r.txt <gb.txt
			expect_err
			expect_status 0
			enc_as_utf8 gb18030 <"$T/out" | cmp u8.tsv - || flunk "-E gb18030, $r"
		done
	done
}

@test "UTF-8 for 64 KiB then GB18030 (file operand): error at line:col suggesting -E gb18030" {
	{ head64k; printf 'ab中文。\n' | iconv -f UTF-8 -t GB18030; } >late-gb.txt
	mk_b
	for F in "${FILTERS[@]}"; do
		to_files late-gb.txt b.txt
		expect_err "$F: late-gb.txt:1025:3: invalid UTF-8 byte 0xd6 (try -E gb18030, or iconv -f GB18030)"
		{ hdr; rows_head64k late-gb.txt partial; rows_b b.txt; } | expect_out
		expect_status 1
	done
}

@test "UTF-8 for 64 KiB then GB18030 (through a pipe): the same error" {
	{ head64k; printf 'ab中文。\n' | iconv -f UTF-8 -t GB18030; } >late-gb.txt
	for F in "${FILTERS[@]}"; do
		to_files --label=late-gb.txt < <(cat late-gb.txt)
		expect_err "$F: late-gb.txt:1025:3: invalid UTF-8 byte 0xd6 (try -E gb18030, or iconv -f GB18030)"
		{ hdr; rows_head64k late-gb.txt partial; } | expect_out
		expect_status 1
	done
}

@test "CRLF and CR-only line ends: TSV identical to LF (and in all three unit modes of rpt-split)" {
	local r u
	for r in "$R000" "$R001"; do
		sed 's/$/\r/' "$r" >crlf.txt
		tr '\n' '\r' <"$r" >cr.txt
		for F in "${FILTERS[@]}"; do
			set -- ''
			[ "$F" != rpt-split ] || set -- sentence para item
			for u in "$@"; do
				set -- --label=r.txt
				[ -z "$u" ] || set -- -u "$u" --label=r.txt
				f "$@" <"$r" >lf.tsv
				to_files "$@" <crlf.txt
				expect_err
				expect_status 0
				cmp lf.tsv "$T/out" || flunk "CRLF, $r $*"
				to_files "$@" <cr.txt
				expect_err
				expect_status 0
				cmp lf.tsv "$T/out" || flunk "CR, $r $*"
			done
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
	for F in "${FILTERS[@]}"; do
		f --label=x <lf.txt >lf.tsv
		to_files --label=x crlf.txt
		expect_err
		expect_status 0
		sed '2,$s/^crlf\.txt	/x	/' "$T/out" | cmp lf.tsv - || flunk "file"
		to_files --label=x < <(cat crlf.txt)
		expect_err
		expect_status 0
		cmp lf.tsv "$T/out" || flunk "pipe"
	done
}

# mid.txt: a bad byte at 2:4, after a line with a count.
mk_mid() { printf '开会3次。\n第二行\261有错。\n第三\377行。\n' >mid.txt; }
# rows_mid1 FILE: F's rows of mid.txt's first line (rpt-stats: partial).
rows_mid1() {
	case $F in
	rpt-split) tsv "$1" 1 1 1 '' preamble body 5 '开会3次。' ;;
	rpt-numbers) tsv "$1" 1 3 '' preamble count 3 '' 次 exact 3次 开会 '' ;;
	rpt-stats) stats "$1" partial utf-8 summary '' 5 3 1 1 5.0 0 0 1 \
	    preamble:5 achievements,problems,plans ;;
	esac
}

@test "invalid UTF-8 in the middle: error names file:line:col, rows before it written, next file goes on, exit 1" {
	mk_mid
	mk_b
	for F in "${FILTERS[@]}"; do
		to_files mid.txt b.txt
		expect_err "$F: mid.txt:2:4: invalid UTF-8 byte 0xb1 (try -E gb18030, or iconv -f GB18030)"
		{ hdr; rows_mid1 mid.txt; rows_b b.txt; } | expect_out
		expect_status 1
	done
}

@test "an error stops a file: the rows of what was read are written, also those held (rpt-sections' open headings)" {
	printf '一、总则\n我们开会3次。\n（一）分项\n第二行\261有错。\n' >stop.txt
	for F in "${FILTERS[@]}"; do
		to_files -N stop.txt
		expect_err "$F: stop.txt:4:4: invalid UTF-8 byte 0xb1 (try -E gb18030, or iconv -f GB18030)"
		case $F in
		rpt-split)
			tsv stop.txt 1 1 1 1 achievements heading 4 '一、总则'
			tsv stop.txt 2 2 2 1 achievements body 7 '我们开会3次。'
			tsv stop.txt 3 3 3 1.1 achievements heading 5 '（一）分项' ;;
		rpt-sections)
			tsv stop.txt 1 heading 1 一、 1 1 achievements 总则 16
			tsv stop.txt 3 heading 2 （一） 1 1.1 achievements 分项 5 ;;
		rpt-numbers)
			tsv stop.txt 2 5 1 achievements count 3 '' 次 exact 3次 我们开会 '' ;;
		rpt-stats)
			stats stop.txt partial utf-8 summary '' 16 11 3 3 5.3 2 2 1 \
			    achievements:16 problems,plans ;;
		esac | expect_out
		expect_status 1
	done
	# rpt-sections --check says the findings are those of a part
	F=rpt-sections
	to_files -N --check stop.txt
	expect_err "$F: stop.txt:4:4: invalid UTF-8 byte 0xb1 (try -E gb18030, or iconv -f GB18030)"
	{
		tsv stop.txt '' missing-part '缺少“存在的问题” / missing problems: no section of its own (profile summary)'
		tsv stop.txt '' missing-part '缺少“下一步打算” / missing plans: no section of its own (profile summary)'
		tsv stop.txt '' no-title 'no title found'
		tsv stop.txt '' no-date 'no date (成文日期) found'
		tsv stop.txt '' partial 'read stopped at an error (on standard error): the findings are those of the part before it'
	} | expect_out
	expect_status 1
}

@test "--invalid=replace: U+FFFD for each bad sequence, one warning per file, exit 0" {
	mk_mid
	printf '好。\n坏\261。\n' >mid2.txt
	for F in "${FILTERS[@]}"; do
		to_files --invalid=replace mid.txt mid2.txt
		expect_err \
		    "$F: mid.txt:2:4: warning: invalid UTF-8 byte 0xb1 replaced by U+FFFD (and any others in this file)" \
		    "$F: mid2.txt:2:2: warning: invalid UTF-8 byte 0xb1 replaced by U+FFFD (and any others in this file)"
		{
			hdr
			case $F in
			rpt-split)
				rows_mid1 mid.txt
				tsv mid.txt 2 2 2 '' preamble body 7 $'第二行\xef\xbf\xbd有错。'
				tsv mid.txt 3 3 3 '' preamble body 5 $'第三\xef\xbf\xbd行。'
				tsv mid2.txt 1 1 1 '' preamble body 2 '好。'
				tsv mid2.txt 2 2 2 '' preamble body 3 $'坏\xef\xbf\xbd。' ;;
			rpt-numbers)
				rows_mid1 mid.txt ;;
			rpt-stats)
				stats mid.txt ok utf-8 summary '' 17 11 3 3 5.7 0 0 1 \
				    preamble:17 achievements,problems,plans
				stats mid2.txt ok utf-8 summary '' 5 2 2 2 2.5 0 0 0 \
				    preamble:5 achievements,problems,plans ;;
			esac
		} | expect_out
		expect_status 0
	done
}

@test "UTF-8 cut off at the end of the file: error (exit 1), or U+FFFD with --invalid=replace" {
	printf '开会3次。\n二句\344\270' >trunc.txt
	for F in "${FILTERS[@]}"; do
		to_files trunc.txt
		expect_err "$F: trunc.txt:2:3: invalid UTF-8 sequence 0xe4 0xb8 (try -E gb18030, or iconv -f GB18030)"
		{ hdr; rows_mid1 trunc.txt; } | expect_out
		expect_status 1

		to_files --invalid=replace trunc.txt
		expect_err "$F: trunc.txt:2:3: warning: invalid UTF-8 sequence 0xe4 0xb8 replaced by U+FFFD (and any others in this file)"
		{
			hdr
			case $F in
			rpt-split)
				rows_mid1 trunc.txt
				tsv trunc.txt 2 2 2 '' preamble body 3 $'二句\xef\xbf\xbd' ;;
			rpt-numbers)
				rows_mid1 trunc.txt ;;
			rpt-stats)
				stats trunc.txt ok utf-8 summary '' 8 5 2 2 4.0 0 0 1 \
				    preamble:8 achievements,problems,plans ;;
			esac
		} | expect_out
		expect_status 0
	done
}

# ---- output errors -----------------------------------------------------------

@test "> /dev/full: write error: No space left on device, exit 1 (once)" {
	mk_big
	for F in "${FILTERS[@]}"; do
		# small output: the error shows when stdout is flushed at exit
		status=0
		f "$R000" "$R001" >/dev/full 2>"$T/err" || status=$?
		expect_err "$F: write error: No space left on device"
		expect_status 1
		# output much larger than any buffer: the error is still said once
		status=0
		f big.txt big.txt "$R000" >/dev/full 2>"$T/err" || status=$?
		expect_err "$F: write error: No space left on device"
		expect_status 1
		# the header alone is checked at exit too
		status=0
		f -E utf-8 </dev/null >/dev/full 2>"$T/err" || status=$?
		expect_err "$F: write error: No space left on device"
		expect_status 1
	done
}

@test "> /dev/full with --help and --version: write error, exit 1" {
	local opt
	for F in "${FILTERS[@]}"; do
		for opt in --help --version; do
			status=0
			f "$opt" >/dev/full 2>"$T/err" || status=$?
			expect_err "$F: write error: No space left on device"
			expect_status 1
		done
	done
}

# endless: a command that writes input that never ends, from which F
# writes rows all along (rpt-sections writes elements, not body text:
# numbered headings 1. 2. 3. ...).
endless() {
	case $F in
	rpt-sections) printf '%s\n' "awk 'BEGIN { for (i = 1; ; i++) printf \"%d.标题\\n正文。\\n\", i }'" ;;
	*) echo 'yes 文本3次。' ;;
	esac
}

@test "| head -1 with SIGPIPE at its default: stops, nothing on stderr" {
	local dflt=()
	if env --default-signal=PIPE true 2>/dev/null; then
		dflt=(env --default-signal=PIPE)
	fi
	mk_big
	for F in "${FILTERS[@]}"; do
		# endless input: the filter must end when head has gone (for
		# rpt-stats, which writes a row at the end of each document,
		# 20000 operands)
		if [ "$F" = rpt-stats ]; then
			set -- "$RPT_BIN/$F \$(yes /dev/null | head -n 20000) </dev/null"
		else
			set -- "$(endless) 2>/dev/null | $RPT_BIN/$F"
		fi
		timeout 20 "${dflt[@]}" bash -c "
			$1 2>\"\$1\" | head -n 1 >\"\$2\"
			echo \"\${PIPESTATUS[-2]}\" >\"\$3\"" _ "$T/err" "$T/out" "$T/st" ||
		    flunk "endless input: no end (or failed)"
		expect_err
		hdr | expect_out
		# killed by SIGPIPE (128+13) or exit 0
		case $(cat "$T/st") in
		0|141) ;;
		*) flunk "exit status $(cat "$T/st"), expected 0 or 141" ;;
		esac
		# finite input, several files
		# shellcheck disable=SC2016 # for the inner shell
		timeout 20 "${dflt[@]}" bash -c '
			"$RPT_BIN/$5" "$4" "$4" "$4" 2>"$1" | head -n 1 >"$2"
			echo "${PIPESTATUS[0]}" >"$3"' _ "$T/err" "$T/out" "$T/st" big.txt "$F" ||
		    flunk "three files: no end (or failed)"
		expect_err
		hdr | expect_out
		case $(cat "$T/st") in
		0|141) ;;
		*) flunk "exit status $(cat "$T/st"), expected 0 or 141" ;;
		esac
	done
}

@test "| head -1 with SIGPIPE ignored: stops, no message, exit 0" {
	mk_big
	for F in "${FILTERS[@]}"; do
		if [ "$F" = rpt-stats ]; then
			set -- "$RPT_BIN/$F \$(yes /dev/null | head -n 20000) </dev/null"
		else
			set -- "$(endless) 2>/dev/null | $RPT_BIN/$F"
		fi
		timeout 20 bash -c "
			trap '' PIPE
			$1 2>\"\$1\" | head -n 1 >\"\$2\"
			echo \"\${PIPESTATUS[-2]}\" >\"\$3\"" _ "$T/err" "$T/out" "$T/st" ||
		    flunk "endless input: no end (or failed)"
		expect_err
		hdr | expect_out
		[ "$(cat "$T/st")" = 0 ] || flunk "exit status $(cat "$T/st"), expected 0"
		# shellcheck disable=SC2016 # for the inner shell
		timeout 20 bash -c '
			trap "" PIPE
			"$RPT_BIN/$5" "$4" "$4" "$4" 2>"$1" | head -n 1 >"$2"
			echo "${PIPESTATUS[0]}" >"$3"' _ "$T/err" "$T/out" "$T/st" big.txt "$F" ||
		    flunk "three files: no end (or failed)"
		expect_err
		hdr | expect_out
		[ "$(cat "$T/st")" = 0 ] || flunk "exit status $(cat "$T/st"), expected 0"
	done
}

@test "--help and --version into a closed pipe with SIGPIPE ignored: exit 0, no message" {
	local o
	for F in "${FILTERS[@]}"; do
		for o in --help -V; do
			run bash -c "trap '' PIPE; '$RPT_BIN/$F' $o 2>'$T/err' | true; echo \${PIPESTATUS[0]}"
			[ "$output" = 0 ] || flunk "$o: exit status $output, expected 0"
			[ ! -s "$T/err" ] || flunk "$o: $(cat "$T/err")"
		done
	done
}

# ---- limits ------------------------------------------------------------------

@test "a 3 MiB line with no newline: one warning, exit 0 (rpt-split: 1 MiB pieces at character boundaries, nothing dropped)" {
	# 11-byte unit of 5 characters: 1 MiB boundaries fall inside 甲
	yes '甲乙丙ab' | tr -d '\n' | head -c 3145728 >long.txt
	[ "$(wc -c <long.txt)" -eq 3145728 ]
	for F in "${FILTERS[@]}"; do
		to_files long.txt
		expect_err "$F: long.txt:1: warning: line longer than 1 MiB cut into 1 MiB pieces"
		expect_status 0
		[ "$(head -n 1 "$T/out")" = "$(hdr)" ] || flunk "header"
	done
	# rpt-stats: the characters of the input (285975 units of 5, and 甲)
	F=rpt-stats
	[ "$(tail -n +2 "$T/out" | cut -f 10)" = 1429876 ] || flunk "chars"
	F=rpt-split
	to_files long.txt
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
	for F in "${FILTERS[@]}"; do
		to_files -N long2.txt long2.txt
		expect_err "$F: long2.txt:1: warning: line longer than 1 MiB cut into 1 MiB pieces" \
		    "$F: long2.txt:1: warning: line longer than 1 MiB cut into 1 MiB pieces"
		expect_status 0
	done
	F=rpt-split
	to_files -N long2.txt
	cut -f 2,4 "$T/out" | diff -u - <(printf '1\t1\n1\t2\n2\t3\n2\t4\n')
	{ cat l1; cat l1; } | cmp - <(cut -f 9 "$T/out" | tr -d '\n')
}

@test "a line a little over 1 MiB with its newline is cut the same from a file and from a pipe" {
	head -c 1148576 /dev/zero | tr '\0' a >l.txt
	echo >>l.txt
	echo tail >>l.txt
	for F in "${FILTERS[@]}"; do
		f -N l.txt >out1 2>err1 || flunk "exit status $? from a file"
		f -N --label=l.txt <l.txt >out2 2>err2 || flunk "exit status $? from a pipe"
		diff -u out1 out2 || flunk "stdout differs"
		diff -u err1 err2 || flunk "stderr differs"
		[ "$(cat err1)" = "$F: l.txt:1: warning: line longer than 1 MiB cut into 1 MiB pieces" ] ||
		    flunk "stderr: $(cat err1)"
	done
	F=rpt-split
	f -N -u para l.txt | cut -f2-8 >out1
	printf '1\t1\t1\t\tpreamble\tbody\t1048576\n1\t2\t2\t\tpreamble\tbody\t100000\n2\t3\t3\t\tpreamble\tbody\t4\n' >want
	diff -u want out1
}

# ---- escaping and file names -------------------------------------------------

@test "tabs and backslashes in text are escaped as \\t and \\\\" {
	printf '一、a\tb\\c\n开会\t3次\\n不是换行。\n' >esc.txt
	for F in "${FILTERS[@]}"; do
		to_files -N esc.txt
		expect_err
		case $F in
		rpt-split)
			tsv esc.txt 1 1 1 1 achievements heading 6 '一、a\tb\\c'
			tsv esc.txt 2 2 2 1 achievements body 11 '开会\t3次\\n不是换行。' ;;
		rpt-sections)
			tsv esc.txt 1 heading 1 一、 1 1 achievements 'a\tb\\c' 17 ;;
		rpt-numbers)
			tsv esc.txt 2 4 1 achievements count 3 '' 次 exact 3次 \
			    '开会' '\\n不是换行' ;;
		rpt-stats)
			stats esc.txt ok utf-8 summary '' 17 8 2 2 8.5 1 1 1 \
			    achievements:17 problems,plans ;;
		esac | expect_out
		expect_status 0
	done
	F=rpt-split
	to_files -N -k esc.txt
	expect_err
	{
		tsv esc.txt 1 1 1 1 achievements heading 6 '一、a\tb\\c' '一、ab\\c'
		tsv esc.txt 2 2 2 1 achievements body 11 '开会\t3次\\n不是换行。' '开会3次\\n不是换行。'
	} | expect_out
	expect_status 0
}

@test "tabs and backslashes in file names: escaped in the file column and in messages" {
	mk_a $'tab\there\\x.txt'
	for F in "${FILTERS[@]}"; do
		to_files $'tab\there\\x.txt' $'no\tsuch\\file'
		expect_err "$F: no\\tsuch\\\\file: No such file or directory"
		{ hdr; rows_a 'tab\there\\x.txt'; refused_row 'no\tsuch\\file'; } | expect_out
		expect_status 1
	done
}

@test "a file name with a newline: \\n in the file column and in messages" {
	mk_a $'two\nlines.txt'
	printf '坏\261。\n' >$'bad\nname.txt'
	for F in "${FILTERS[@]}"; do
		to_files $'two\nlines.txt' $'bad\nname.txt' $'gone\n.txt'
		expect_err \
		    "$F: bad\\nname.txt:1:2: invalid UTF-8 byte 0xb1 (try -E gb18030, or iconv -f GB18030)" \
		    "$F: gone\\n.txt: No such file or directory"
		{
			hdr
			rows_a 'two\nlines.txt'
			empty_row 'bad\nname.txt' | partial
			refused_row 'gone\n.txt'
		} | expect_out
		expect_status 1
	done
}

@test "a file name with invalid UTF-8: \\xHH in the file column and in messages" {
	mk_a $'r\xb1\xff.txt'
	printf '坏\261。\n' >$'bad\xb1.txt'
	printf 'PK\003\004\024\000word/document.xml' >$'doc\xd6\xd0.docx'
	for F in "${FILTERS[@]}"; do
		to_files $'r\xb1\xff.txt' $'bad\xb1.txt' $'doc\xd6\xd0.docx' $'gone\xe4\xb8.txt'
		expect_err \
		    "$F: bad\\xb1.txt:1:2: invalid UTF-8 byte 0xb1 (try -E gb18030, or iconv -f GB18030)" \
		    "$F: doc\\xd6\\xd0.docx: not a readable ZIP archive (Not a zip archive): a truncated or damaged file?" \
		    "$F: gone\\xe4\\xb8.txt: No such file or directory"
		{
			hdr
			rows_a 'r\xb1\xff.txt'
			empty_row 'bad\xb1.txt' | partial
			refused_row 'doc\xd6\xd0.docx'
			refused_row 'gone\xe4\xb8.txt'
		} | expect_out
		expect_status 1
		iconv -f UTF-8 -t UTF-8 "$T/out" >/dev/null || flunk "stdout is not UTF-8"
	done
}

# ---- empty, blank, unterminated ----------------------------------------------

@test "empty input: header only (rpt-stats: a row of zeros), exit 0 (file and stdin); with -N no header" {
	: >empty.txt
	for F in "${FILTERS[@]}"; do
		to_files empty.txt
		expect_err
		{ hdr; empty_row empty.txt; } | expect_out
		expect_status 0
		to_files </dev/null
		expect_err
		{ hdr; empty_row -; } | expect_out
		expect_status 0
		to_files -N empty.txt - </dev/null
		expect_err
		{ empty_row empty.txt; empty_row -; } | expect_out
		expect_status 0
	done
}

@test "whitespace-only input (spaces, tabs, U+3000, NBSP, CRLF, blank lines): no rows (rpt-stats: zeros), exit 0" {
	printf ' \t\n\n\343\200\200\302\240\r\n   \r\n\343\200\200' >blank.txt
	local u
	for F in "${FILTERS[@]}"; do
		to_files blank.txt
		expect_err
		{ hdr; empty_row blank.txt; } | expect_out
		expect_status 0
	done
	F=rpt-split
	for u in para item; do
		to_files -u "$u" blank.txt
		expect_err
		hdr | expect_out
		expect_status 0
	done
}

@test "no final newline: the last line is still read, as with the newline" {
	printf '一、标题\n正文没有换行。结尾3次' >nofinal.txt
	printf '一、标题\n正文没有换行。结尾3次\n' >final.txt
	for F in "${FILTERS[@]}"; do
		f --label=x <final.txt >with.tsv
		to_files --label=x <nofinal.txt
		expect_err
		expect_status 0
		cmp with.tsv "$T/out" || flunk "not as with the newline"
		# and the last line is there: its count, or its characters in
		# those of the section or the report
		case $F in
		rpt-split|rpt-numbers) grep -q '3次' "$T/out" ;;
		*) [ "$(tail -n 1 "$T/out" | cut -f 10)" = 15 ] ;;
		esac || flunk "the last line is missing"
	done
	F=rpt-split
	to_files nofinal.txt
	expect_err
	{
		hdr
		tsv nofinal.txt 1 1 1 1 achievements heading 4 '一、标题'
		tsv nofinal.txt 2 2 2 1 achievements body 7 '正文没有换行。'
		tsv nofinal.txt 2 2 3 1 achievements body 4 '结尾3次'
	} | expect_out
	expect_status 0
}

@test "-N and --no-header drop the header line only" {
	mk_a
	for F in "${FILTERS[@]}"; do
		to_files -N a.txt
		expect_err
		rows_a a.txt | expect_out
		expect_status 0
		to_files --no-header a.txt
		expect_err
		rows_a a.txt | expect_out
		expect_status 0
	done
	F=rpt-split
	to_files --no-header -k a.txt
	expect_err
	[ "$(wc -l <"$T/out")" -eq 3 ]
	cut -f 1-9 "$T/out" | diff -u <(rows_a a.txt) -
	expect_status 0
}

# ---- TSV shape and locale ----------------------------------------------------

@test "every row has the header's field count; output is UTF-8 with LF only" {
	mk_a $'odd\tname\n\xb1.txt'
	printf 'a\tb\\c。\t\r\n\t\n' >tabs.txt
	: >empty.txt
	for F in "${FILTERS[@]}"; do
		{
			# the runs: with no option, and with each of these
			case $F in
			rpt-split) set -- '-u para' '-u item' -k ;;
			rpt-sections) set -- -i --check ;;
			rpt-numbers) set -- -a --kinds=percent ;;
			rpt-stats) set -- -l '-e x=开会' ;;
			esac
			f "${REPORTS[@]}" $'odd\tname\n\xb1.txt' tabs.txt empty.txt nope.txt || :
			local o
			for o in "$@"; do
				# shellcheck disable=SC2086 # an option and its argument
				f $o "${REPORTS[@]}" $'odd\tname\n\xb1.txt' tabs.txt empty.txt nope.txt || :
			done
		} >all.tsv 2>/dev/null
		# each run starts with its header of lower-case ASCII names;
		# every line has its field count
		if grep '^file	' all.tsv | grep -v -x -E '[a-z_]+(	[a-z_]+)*'; then
			flunk "a header with other than lower-case ASCII names"
		fi
		awk -F '\t' -v f="$F" '
			$1 == "file" { n = NF; runs++; next }
			NF != n { print f ": line " NR ": " NF " fields, header has " n; bad = 1 }
			END { exit bad }' all.tsv
		[ "$(grep -c '^file	' all.tsv)" -eq $(($# + 1)) ] || flunk "headers"
		[ "$(grep -c $'\r' all.tsv || :)" -eq 0 ] || flunk "a CR in the output"
		iconv -f UTF-8 -t UTF-8 all.tsv >/dev/null || flunk "not UTF-8"
	done
}

@test "no locale dependence: identical stdout and stderr under C, C.UTF-8 and LANG=zh_CN.GB18030" {
	mk_mid
	iconv -f UTF-8 -t GB18030 "$R001" >gb.txt
	mk_a $'n\xb1.txt'
	# shellcheck disable=SC2317
	all_modes() {
		f "${REPORTS[@]}" gb.txt $'n\xb1.txt'
		if [ "$F" = rpt-split ]; then
			f -u para -k "${REPORTS[@]}" gb.txt $'n\xb1.txt'
			f -u item -k "${REPORTS[@]}" gb.txt $'n\xb1.txt'
		fi
		f mid.txt missing.txt 2>&1 || echo "status $?"
		f --help
		f -V
		f -E bad 2>&1 || echo "status $?"
	}
	for F in "${FILTERS[@]}"; do
		(export LC_ALL=C; all_modes) >c.out
		(export LC_ALL=C.UTF-8; all_modes) >utf8.out
		(unset LC_ALL LC_CTYPE LC_MESSAGES LC_NUMERIC LANGUAGE
		 export LANG=zh_CN.GB18030; all_modes) >gb-lang.out
		(export LC_ALL=zh_CN.GB18030 LANG=zh_CN.GB18030; all_modes) >gb-all.out
		cmp c.out utf8.out || flunk "C and C.UTF-8 differ"
		cmp c.out gb-lang.out || flunk "C and LANG=zh_CN.GB18030 differ"
		cmp c.out gb-all.out || flunk "C and LC_ALL=zh_CN.GB18030 differ"
		# and the runs did run
		grep -q -F "$F: mid.txt:2:4: invalid UTF-8 byte 0xb1" c.out ||
		    flunk "no message"
		grep -q -F -x 'status 2' c.out || flunk "no usage error"
		[ "$(grep -c "^file	" c.out)" -eq "$([ "$F" = rpt-split ] && echo 4 || echo 2)" ] ||
		    flunk "headers"
	done
}
