#!/usr/bin/env bats
# Word files read natively (issue 15): the lines of the hand-made cases,
# the outline of the corpus made by LibreOffice, standard input, and the
# hostile and refused files.  Fixtures: tests/docx (see its README.md).

bats_require_minimum_version 1.5.0

setup() {
	load helper
	DOCX=$TESTS/docx
	cd "$BATS_TEST_TMPDIR" || return 1
}

lines() { "$RPT_TOOLS/lines" "$@"; }

# source NAME: the text a corpus fixture was made from.
source_of() {
	case $1 in
	gwr-*) echo "$CORPUS/real/$1.txt" ;;
	*) echo "$CORPUS/$1.txt" ;;
	esac
}

@test "each hand-made case: the lines rpt reads are the lines Word shows, one per paragraph and break" {
	local f n bad=
	for f in "$DOCX"/cases/*.docx "$DOCX"/cases/*.docm "$DOCX"/cases/*.dotx; do
		n=${f%.*}
		lines "$f" >got.txt || bad="$bad ${f##*/}(status)"
		cmp -s got.txt "$n.txt" || bad="$bad ${f##*/}"
	done
	[ "$(find "$DOCX/cases" -name '*.txt' | wc -l)" -ge 34 ]
	assert_equal "$bad" ""
}

@test "each hand-made case: outline levels, bold leads and titles as the formatting says" {
	local f n bad=
	for f in "$DOCX"/cases/*.docx "$DOCX"/cases/*.docm "$DOCX"/cases/*.dotx; do
		n=${f%.*}
		lines -f "$f" >got.fmt
		cmp -s got.fmt "$n.fmt" || bad="$bad ${f##*/}"
	done
	assert_equal "$bad" ""
}

@test "numbering: Chinese counting markers from numbering.xml, levels from the outline" {
	run -0 lines "$DOCX/cases/lvlRestart.docx"
	assert_output "$(printf '%s\n' 一、甲 （一）乙 1.丙 （二）丁 2.戊 二、己 （三）庚 1.辛)"
	run -0 lines "$DOCX/cases/lvlOverride.docx"
	assert_line --index 4 '7.戊'
	assert_line --index 5 '第三条 己'
}

@test "corpus: rpt-sections of each LibreOffice .docx gives the outline of its text (kinds, levels, markers, numbers, paths, parts, titles)" {
	local f n bad=
	for f in "$DOCX"/corpus/*.docx; do
		n=$(basename "$f" .docx)
		# Line numbers aside: the texts have blank lines between paragraphs.
		"$RPT_BIN/rpt-sections" -i -N "$f" | cut -f3-9 >docx.tsv
		"$RPT_BIN/rpt-sections" -i -N "$(source_of "$n")" | cut -f3-9 >text.tsv
		cmp -s docx.tsv text.tsv || bad="$bad $n"
		[ -s docx.tsv ]
	done
	assert_equal "$bad" ""
}

@test "corpus: rpt-stats of each .docx is its text's, the encoding column aside (docx)" {
	local f n bad=
	for f in "$DOCX"/corpus/*.docx; do
		n=$(basename "$f" .docx)
		run -0 "$RPT_BIN/rpt-stats" -N "$f"
		[ "$(cut -f3 <<<"$output")" = docx ]
		a=$(cut -f2,4- <<<"$output")
		b=$("$RPT_BIN/rpt-stats" -N "$(source_of "$n")" | cut -f2,4-)
		[ "$a" = "$b" ] || bad="$bad $n"
	done
	assert_equal "$bad" ""
}

@test "formatting decides where the text alone would not: a lone bold lead, an outline level without a marker" {
	# The text alone: a lone lead sentence is body, a short line before body text a heading.
	run -0 "$RPT_BIN/rpt-sections" -N "$DOCX/cases/bold-lead.txt"
	refute_output --partial 推动产业升级
	run -0 "$RPT_BIN/rpt-sections" -N "$DOCX/cases/bold-lead.docx"
	assert_line --index 0 "$DOCX/cases/bold-lead.docx"$'\t1\theading\t1\t\t\t1\tachievements\t推动产业升级\t44'
	run -0 "$RPT_BIN/rpt-sections" -N "$DOCX/cases/outlineLvl.docx"
	assert_equal "$(cut -f2-4,7,9 <<<"$output")" "$(printf '%s\n' $'1\theading\t1\t1\t直接' \
	    $'2\theading\t1\t2\t样式' $'3\theading\t1\t3\t继承' $'6\theading\t2\t3.1\t名为HEADING 4')"
}

@test "--check: a bold lead heading is reported as unmarked-heading" {
	run -0 "$RPT_BIN/rpt-sections" --check -N "$DOCX/cases/bold-lead.docx"
	assert_line "$DOCX/cases/bold-lead.docx"$'\t1\tunmarked-heading\t推动产业升级 is read as a heading at level 1: a bold lead sentence without a marker'
}

@test "standard input: a .docx piped in (spooled) or redirected reads as the file does" {
	f=$DOCX/corpus/003_31e37ca5113b7cf1.docx
	want=$("$RPT_BIN/rpt-sections" -N "$f" | cut -f2-)
	run -0 bash -c "cat '$f' | '$RPT_BIN/rpt-sections' -N | cut -f2-"
	assert_output "$want"
	run -0 bash -c "'$RPT_BIN/rpt-sections' -N <'$f' | cut -f2-"
	assert_output "$want"
	# Where it cannot be spooled, it is refused, saying where and why.
	run -1 --separate-stderr bash -c "cat '$f' | TMPDIR=/nonexistent '$RPT_BIN/rpt-sections' -N"
	# shellcheck disable=SC2154 # run --separate-stderr sets it
	assert_equal "$stderr" 'rpt-sections: -: a ZIP read from a pipe is spooled to a temporary file first: /nonexistent: No such file or directory (set TMPDIR)'
	assert_output ''
}

# refuses FILE MESSAGE: rpt-stats refuses FILE with exactly "rpt-stats:
# FILE: MESSAGE", gives its row status refused, reads a text file after it,
# exits 1.
refuses() {
	cp "$DOCX/hostile/$1" "$1"
	printf '标题报告\n\n正文第一段。\n' >after.txt
	run -1 --separate-stderr "$RPT_BIN/rpt-stats" -N "$1" after.txt
	# shellcheck disable=SC2154 # run --separate-stderr sets it
	assert_equal "$stderr" "rpt-stats: $1: $2"
	assert_equal "$(cut -f1,2 <<<"$output")" "$(printf '%s\t%s\n' "$1" refused after.txt ok)"
}

@test "hostile: ZIP bombs are refused before any text comes out" {
	refuses zip-bomb.docx 'word/document.xml inflates past 256 MiB: refused (a ZIP bomb?)'
	refuses ratio-bomb.docx 'word/document.xml inflates more than 200 times its size: refused (a ZIP bomb?)'
}

@test "hostile: a part whose directory lies about its size stops when it passes the ratio; rows so far stay, status partial" {
	cp "$DOCX/hostile/size-lie.docx" .
	run -1 --separate-stderr "$RPT_BIN/rpt-stats" -N size-lie.docx
	# shellcheck disable=SC2154 # run --separate-stderr sets it
	assert_equal "$(tail -1 <<<"$stderr")" 'rpt-stats: size-lie.docx:1: word/document.xml inflates more than 200 times its size: refused (a ZIP bomb?)'
	assert_equal "$(cut -f2 <<<"$output")" partial
}

@test "hostile: a DTD (billion laughs, an external entity) is refused, nothing expanded or read" {
	refuses billion-laughs.docx 'word/document.xml has a DTD (<!DOCTYPE>), which Word never writes: refused'
	cp "$DOCX/hostile/xxe.docx" .
	run -1 --separate-stderr "$RPT_BIN/rpt-split" -N xxe.docx
	# shellcheck disable=SC2154 # run --separate-stderr sets it
	assert_equal "$stderr" 'rpt-split: xxe.docx: word/document.xml has a DTD (<!DOCTYPE>), which Word never writes: refused'
	refute_output --partial 'root:'
}

@test "hostile: elements nested past 512 are refused; a million of them are a ZIP bomb first" {
	refuses nested-600.docx 'word/document.xml has elements nested deeper than 512: refused'
	refuses deep-nesting.docx 'word/document.xml inflates more than 200 times its size: refused (a ZIP bomb?)'
}

@test "hostile: numbering and basedOn loops are cut, the text still read" {
	run -0 lines "$DOCX/hostile/numbering-loop.docx"
	assert_output 环
	run -0 lines "$DOCX/hostile/basedon-loop.docx"
	assert_output "$(printf '%s\n' 甲 乙)"
}

@test "hostile: missing and cut parts, and ZIPs that are not Word files" {
	refuses no-document.docx 'a Word document without its word/document.xml: a damaged file?'
	refuses truncated.docx 'not a readable ZIP archive (Not a zip archive): a truncated or damaged file?'
	refuses no-content-types.docx 'a ZIP archive, not text; unpack it first, e.g. unzip no-content-types.docx'
	refuses plain.zip.docx 'a ZIP archive, not text; unpack it first, e.g. unzip plain.zip.docx'
	refuses sheet.xlsx 'an Excel (XLSX) workbook, not text; convert it first, e.g. libreoffice --headless --convert-to csv sheet.xlsx'
	refuses slides.pptx 'a PowerPoint (PPTX) presentation, not text; convert it first, e.g. libreoffice --headless --convert-to pdf slides.pptx'
	refuses writer.odt 'an OpenDocument file, not text; convert it first, e.g. pandoc -t plain writer.odt'
}

@test "legacy Office files are named by their OLE2 streams, with the way out" {
	refuses encrypted.docx 'an encrypted (password-protected) Office document, not text; save it without a password'
	refuses word97.doc 'a Word 97-2003 or WPS document, not text; convert it first, e.g. libreoffice --headless --convert-to docx word97.doc'
	refuses kingsoft.wps 'a Word 97-2003 or WPS document, not text; convert it first, e.g. libreoffice --headless --convert-to docx kingsoft.wps'
	refuses biff8.xls 'an Excel 97-2003 workbook, not text; convert it first, e.g. libreoffice --headless --convert-to csv biff8.xls'
	refuses powerpoint97.ppt 'a PowerPoint 97-2003 presentation, not text; convert it first, e.g. libreoffice --headless --convert-to pdf powerpoint97.ppt'
}

@test "a duplicate word/document.xml: the first entry is read" {
	run -0 lines "$DOCX/hostile/duplicate-entry.docx"
	assert_output 甲
}
