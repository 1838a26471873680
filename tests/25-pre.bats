#!/usr/bin/env bats
# --pre COMMAND and --pre-glob GLOB (issue 16): every operand read through
# a converter, as rg --pre does; failures; the recipes of rpt(7).

bats_require_minimum_version 1.5.0

setup() {
	load helper
	cd "$BATS_TEST_TMPDIR" || return 1
	mkdir -p bin
	# Converters: one that copies, one that fails after some output, one
	# that fails with none, one that writes GB18030, one that says what
	# it was given.
	printf '%s\n' '#!/bin/sh' 'exec cat' >bin/copy
	printf '%s\n' '#!/bin/sh' 'head -n 7; echo "half: cannot go on" >&2; exit 4' >bin/half
	printf '%s\n' '#!/bin/sh' 'echo "none: bad file" >&2; exit 3' >bin/none
	printf '%s\n' '#!/bin/sh' 'exec iconv -f UTF-8 -t GB18030' >bin/gbk
	# shellcheck disable=SC2016 # the script's own $# and $1
	printf '%s\n' '#!/bin/sh' 'printf "%s|" "$#" "$1"; cat' >bin/args
	chmod +x bin/*
	PATH=$PWD/bin:$PATH
	cp "$CORPUS/000_6b9668183397f94f.txt" a.txt
	cp "$TESTS/docx/corpus/003_31e37ca5113b7cf1.docx" w.docx
}

@test "--pre: each operand is read through COMMAND FILE, the file on its standard input; the file column is the operand" {
	run -0 "$RPT_BIN/rpt-stats" -N --pre copy a.txt
	assert_equal "$output" "$("$RPT_BIN/rpt-stats" -N a.txt)"
	# One argument, the path, and no shell: a name with a space and $ is one word.
	# shellcheck disable=SC2016 # a literal $
	f='b $x.txt'
	cp a.txt "$f"
	run -0 "$RPT_BIN/rpt-split" -N -u para --pre args "$f"
	assert_line --index 0 --partial "$f"$'\t1\t1\t1\t'
	assert_line --index 0 --partial "1|$f|"
}

@test "--pre: never for standard input or -, so --label is unaffected" {
	run -0 bash -c "'$RPT_BIN/rpt-split' -N -u para --pre args --label=x <a.txt | head -1"
	assert_output --partial $'x\t5\t1\t1\t'
	refute_output --partial '1|'
}

@test "--pre-glob: only the operands whose base name matches; a .docx it does not select is read natively" {
	run -0 "$RPT_BIN/rpt-split" -N -u para --pre args --pre-glob '*.pdf' --pre-glob 'a.*' a.txt w.docx
	assert_line --index 0 --partial '1|a.txt|'
	run -0 "$RPT_BIN/rpt-stats" -N --pre args --pre-glob 'a.*' w.docx
	assert_equal "$(cut -f2,3 <<<"$output")" $'ok\tdocx'
	# A .docx the glob selects is converted: copy writes it back, and the
	# output is sniffed like any input (a Word file from a pipe, spooled).
	run -0 "$RPT_BIN/rpt-stats" -N --pre copy --pre-glob '*.docx' w.docx
	assert_equal "$(cut -f2,3 <<<"$output")" $'ok\tdocx'
	run -2 "$RPT_BIN/rpt-stats" --pre-glob '*.pdf' a.txt
	assert_output --partial 'rpt-stats: --pre-glob needs --pre'
}

@test "--pre: a converter's output is sniffed like any input (GB18030)" {
	run -0 "$RPT_BIN/rpt-stats" -N --pre gbk a.txt
	assert_equal "$(cut -f2,3 <<<"$output")" $'ok\tgb18030'
	assert_equal "$(cut -f4- <<<"$output")" "$("$RPT_BIN/rpt-stats" -N a.txt | cut -f4-)"
}

@test "--pre: a converter that cannot start: an error naming the file and the command, refused, the others go on" {
	run -1 --separate-stderr "$RPT_BIN/rpt-stats" -N --pre no-such-converter a.txt w.docx
	# shellcheck disable=SC2154 # run --separate-stderr sets it
	assert_equal "$stderr" "$(printf '%s\n' \
	    'rpt-stats: a.txt: --pre no-such-converter: cannot run it: No such file or directory' \
	    'rpt-stats: w.docx: --pre no-such-converter: cannot run it: No such file or directory')"
	assert_equal "$(cut -f1,2 <<<"$output")" "$(printf '%s\t%s\n' a.txt refused w.docx refused)"
}

@test "--pre: a converter that fails after some output: its stderr, an error, rows kept, partial; with no output: refused" {
	run -1 --separate-stderr "$RPT_BIN/rpt-stats" -N --pre half a.txt
	# shellcheck disable=SC2154 # run --separate-stderr sets it
	assert_equal "$stderr" "$(printf '%s\n' 'half: cannot go on' \
	    'rpt-stats: a.txt: --pre half exited with status 4')"
	assert_equal "$(cut -f1-3 <<<"$output")" $'a.txt\tpartial\tutf-8'
	run -1 --separate-stderr "$RPT_BIN/rpt-stats" -N --pre none a.txt
	# shellcheck disable=SC2154
	assert_equal "$stderr" "$(printf '%s\n' 'none: bad file' \
	    'rpt-stats: a.txt: --pre none exited with status 3')"
	assert_equal "$(cut -f1,2 <<<"$output")" $'a.txt\trefused'
	# rpt-split keeps the rows written before the failure.
	run -1 --separate-stderr "$RPT_BIN/rpt-split" -N -u para --pre half a.txt
	assert_line --index 0 --partial $'a.txt\t5\t1\t1\t'
}

# recipe N: the Nth script of rpt(7)'s "Other formats", as a file ./recipe.
recipe() {
	awk -v n="$1" '/^\.Ss Other formats/ { on = 1; next } /^\.Ss / { on = 0 }
	    on && /^\.Bd -literal/ { k++; lit = (k == n); next }
	    on && /^\.Ed/ { lit = 0; next } lit' "$TESTS/../man/rpt.7" >recipe
	chmod +x recipe
	[ "$(head -1 recipe)" = '#!/bin/sh' ]
	[ "$(wc -l <recipe)" -eq 2 ]
}

@test "the PDF recipe of rpt(7), where pdftotext is installed" {
	command -v pdftotext >/dev/null || skip "no pdftotext"
	recipe 1
	grep -q pdftotext recipe
	f=$(find "$TESTS/pdf" -name '*.pdf' 2>/dev/null | sort | head -1)
	[ -n "$f" ] || skip "no PDF fixtures"
	run -0 "$RPT_BIN/rpt-stats" -N --pre ./recipe --pre-glob '*.pdf' "$f"
	assert_equal "$(cut -f2 <<<"$output")" ok
}

@test "the Word 97/WPS recipe of rpt(7), where LibreOffice is installed" {
	command -v libreoffice >/dev/null || skip "no libreoffice"
	recipe 2
	grep -q 'libreoffice --headless --cat' recipe
	cp "$TESTS/docx/hostile/word97.doc" .
	run -0 --separate-stderr "$RPT_BIN/rpt-split" -N -u para --pre ./recipe --pre-glob '*.doc' word97.doc
	assert_line --index 0 --partial '一、总体情况'
}

@test "the web page recipe of rpt(7), where pandoc is installed" {
	command -v pandoc >/dev/null || skip "no pandoc"
	recipe 3
	grep -q 'pandoc -f html' recipe
	printf '%s\n' '<html><body><h1>某县2023年法治政府建设情况的报告</h1>' \
	    '<p>一、主要工作</p><p>我们做了很多工作。</p></body></html>' >page.html
	run -0 "$RPT_BIN/rpt-sections" -N --pre ./recipe --pre-glob '*.html' page.html
	assert_line --index 0 --partial $'title\t\t\t\t\t\t某县2023年法治政府建设情况的报告'
	assert_line --index 1 --partial $'heading\t1\t一、\t1\t1\t'
}
