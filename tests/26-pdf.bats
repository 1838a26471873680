#!/usr/bin/env bats
# PDF text without its page furniture (issue 16): what pdftotext makes of
# a report typeset to GB/T 9704, with and without -layout, reads as the
# original text does.  Fixtures: tests/pdf (see its README.md).

bats_require_minimum_version 1.5.0

setup() {
	load helper
	cd "$BATS_TEST_TMPDIR" || return 1
}

# sections TEXT: rpt-sections' kind, level and title of TEXT (printf %b).
sections() {
	printf '%b' "$1" | "$RPT_BIN/rpt-sections" -N | cut -f3,4,9
}

W1='一年来，我们坚持以习近平新时代中国特色社会主义思想为指导，深入贯彻落实党中央决策部署。'
W2='全面完成了市十五届人大四次会议确定的目标任务。'
W3='各项工作取得新进展。'

# Two paragraphs as pdftotext writes them from a page 28 characters wide:
# each first line indented two characters, so 26 wide; A4 ends a sentence
# at the width.
A1='现在，我代表县人民政府向大会报告工作，请予审议，并请'
A2='县政协委员和其他列席人员提出意见。过去一年，是全面贯彻党'
A3='的二十大精神的开局之年，也是本届政府依法履职的第一年。面'
A4='对严峻复杂的外部环境，我们坚持稳中求进，统筹发展和安全。'
B1='一年来，我们坚持以习近平新时代中国特色社会主义思想为'
B2='指导，深入贯彻落实党中央决策部署，全面完成了市十五届人大'
B3='四次会议确定的目标任务，各项工作取得新进展，人民群众获得'
B4='感、幸福感、安全感持续增强。'

# paras LINE...: rpt-split's paragraphs (line, kind) of the lines given.
paras() {
	printf '%s\n' "$@" | "$RPT_BIN/rpt-split" -N -u para | cut -f2,7
}

@test "the outline of each PDF's text is the original's; known.diff lists the rows the text cannot tell" {
	run -0 sh "$TESTS/pdf/outline.sh" "$RPT_BIN/rpt-sections"
	assert_output "$(cat "$TESTS/pdf/known.diff")"
	# Of 7 reports, 5 are exact with and without -layout but for the
	# running header of page 1, and with -layout all 7 are.
	[ "$(grep -c '^== ' <<<"$output")" -eq 14 ]
	run awk '/^== / { f = $2 } /^[<>]/ && f ~ /layout/ { n[f]++ }
	    END { for (f in n) if (n[f] > 1) print f }' <<<"$output"
	assert_output ''
}

@test "page numbers are boilerplate: — 1 —, - 1 -, —1—, 第 1 页 共 5 页, 第1页, 1/5" {
	for p in '— 3 —' '- 3 -' '—3—' '－ 12 －' '第 3 页 共 5 页' '第3页' '第 3 页／共 5 页' '3/5' '3 / 5'; do
		run sections "标题报告\n\n一、工作\n\n${W1}${W2}${W3}\n\n$p\n\n二、打算\n"
		assert_line --index 2 "boilerplate		$p"
	done
	# Not a page: a page past the count, a number with more after it.
	for p in '6/5' '— 3 — 4' '第3页内容'; do
		run sections "标题报告\n\n一、工作\n\n${W1}${W2}${W3}\n\n$p\n\n二、打算\n"
		refute_line --partial "boilerplate		$p"
	done
}

@test "a paragraph cut at the page width goes on past a page break: page number, form feed, running header" {
	# The report's first line repeats after the form feed: a running header.
	printf '%s\n' 某县人民政府 关于2023年工作的报告 各位代表： "$A1" "$A2" "$A3" \
	    "$A4" "$B1" "$B2" "$B3" "$B4" "$A1" "$A2" "$A3" "$A4" "$B1" "$B2" \
	    '— 1 —' $'\f某县人民政府' "$B3" "$B4" 一、工作 >paged.txt
	run -0 bash -c "'$RPT_BIN/rpt-split' -N -u para paged.txt | cut -f2,7,9"
	assert_output "$(printf '%s\n' $'1\tissuer\t某县人民政府' \
	    $'2\ttitle\t关于2023年工作的报告' $'3\taddressee\t各位代表：' \
	    "4	body	$A1$A2$A3$A4" "8	body	$B1$B2$B3$B4" \
	    "12	body	$A1$A2$A3$A4" "16	body	$B1$B2$B3$B4" \
	    $'18\tboilerplate\t— 1 —' $'19\tboilerplate\t某县人民政府' \
	    $'22\theading\t一、工作')"
	# Form feeds are not text; nothing is lost: the furniture is
	# boilerplate.
	refute_output --partial $'\f'
	run -0 bash -c "'$RPT_BIN/rpt-stats' -N paged.txt | cut -f22"
	assert_output 9
}

@test "a running footer: the last line of a page that repeats the last line of the page before is boilerplate" {
	printf '%s\n' 关于2023年工作的报告 各位代表： "$A1" "$A2" "$A3" "$A4" "$B1" \
	    "$B2" "$B3" "$B4" 县政府办公室印 '— 1 —' $'\f'"$A1" "$A2" "$A3" "$A4" \
	    "$B1" "$B2" "$B3" "$B4" 县政府办公室印 '— 2 —' $'\f'"$A1" "$A2" >footer.txt
	run -0 bash -c "'$RPT_BIN/rpt-split' -N -u para footer.txt | cut -f2,7"
	# The first page's footer is text (here an unnumbered heading): no
	# page before it to repeat.
	assert_output "$(printf '%s\n' $'1\ttitle' $'2\taddressee' $'3\tbody' \
	    $'7\tbody' $'11\theading' $'12\tboilerplate' $'13\tbody' $'17\tbody' \
	    $'21\tboilerplate' $'22\tboilerplate' $'23\tbody')"
}

@test "pdftotext -layout: an indented line starts a paragraph; a line that ends a sentence at the width goes on when the next is not indented" {
	run -0 paras 关于2023年工作的报告 '  一、工作' "  $A1" "$A2" "$A3" "$A4" \
	    "  $B1" "$B2" "$B3" "$B4" "  $A1" "$A2" "$A3" "$A4" "$B2" "$B3" "$B4"
	assert_output "$(printf '%s\n' $'1\ttitle' $'2\theading' $'3\tbody' \
	    $'7\tbody' $'11\tbody')"
}

@test "without indents to see, a line that ends a sentence at the width ends its paragraph unless the next is as wide as the page" {
	run -0 paras 关于2023年工作的报告 一、工作 "$A1" "$A2" "$A3" "$A4" "$B1" \
	    "$B2" "$B3" "$B4" "$A1" "$A2" "$A3" "$A4" "$B2" "$B3" "$B4"
	assert_output "$(printf '%s\n' $'1\ttitle' $'2\theading' $'3\tbody' \
	    $'7\tbody' $'11\tbody')"
}

@test "a heading cut over two lines is one heading; a short one is not joined to the paragraph after it" {
	run -0 "$RPT_BIN/rpt-sections" -N "$TESTS/pdf/001_3dec04221fb15ce6.txt"
	assert_line --partial $'heading\t1\t二、\t2\t2\tleadership\t2023年度党政主要负责人履行推进法治建设第一责任人职责，加强法治政府建设的有关情况\t'
	assert_line --partial $'heading\t1\t四、\t4\t4\tplans\t2024年推进法治政府建设的工作思路、目标举措\t'
}

@test "a name that pdftotext cut into its characters joins its office: 国务院总理 / 李 / 强" {
	run -0 "$RPT_BIN/rpt-sections" -N "$TESTS/pdf/gwr-2024-state-council.txt"
	assert_line --index 3 --partial $'author\t\t\t\t\t\t国务院总理 李强'
}
