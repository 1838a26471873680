#!/usr/bin/env bats
# The elements of the document model, one case each: what rpt-sections
# says each line of a made-up report is.

setup() {
	load helper
}

# kinds LINE...: the kind and title of each row of rpt-sections.
kinds() {
	printf '%s\n' "$@" | "$RPT_BIN/rpt-sections" -N | cut -f3,9
}

@test "docno: 〔〕 and the wrong brackets [] () 【】; an ICP footer is none" {
	local b
	for b in '〔2024〕' '[2024]' '(2024)' '【2024】'; do
		run kinds "青龙委文${b}7号" '关于工作情况的报告' '正文第一段很长很长很长很长很长很长很长。'
		assert_line --index 0 "docno	青龙委文${b}7号"
	done
	run kinds '关于工作情况的报告' '正文第一段很长很长很长很长很长很长很长。' '渝ICP备18015756号-1'
	assert_line --index 1 'boilerplate	渝ICP备18015756号-1'
}

@test "date: spaced, plain and Chinese numerals; signature above it" {
	local d
	for d in '2023 年 12 月 5 日' '2023年12月5日' '二〇二三年十二月五日' '２０２３年１２月５日'; do
		run kinds '关于工作情况的报告' '一、工作' '正文第一段很长很长很长很长很长很长很长。' \
		    '中共某某镇委员会 某某镇人民政府' "$d"
		assert_line --index 2 'signature	中共某某镇委员会 某某镇人民政府'
		assert_line --index 3 "date	$d"
	done
}

@test "title over two lines, letter-spacing removed; issuer above it; addressee" {
	run kinds '中共某某镇委员会' '某某镇人民政府' '关于某某镇2023年法治政府建设情况的' '报  告' '县委、县政府：' \
	    '2023年，我镇做了很多工作，取得了一定成效，现报告如下。'
	assert_output "$(printf '%s\n' $'issuer\t中共某某镇委员会' $'issuer\t某某镇人民政府' \
	    $'title\t关于某某镇2023年法治政府建设情况的报告' $'addressee\t县委、县政府：')"
}

@test "government work report: dateline in brackets or over two lines, author over two lines" {
	run kinds '政府工作报告' '——2026年1月26日在某省第十四届' '人民代表大会第五次会议上' '省长' '某　某' '各位代表：' \
	    '现在，我代表省人民政府，向大会报告工作，请予审议。'
	assert_output "$(printf '%s\n' $'title\t政府工作报告' $'subtitle\t——2026年1月26日在某省第十四届人民代表大会第五次会议上' \
	    $'author\t省长 某某' $'addressee\t各位代表：')"
	run kinds '政府工作报告' '（2026年1月27日在某省第十四届人民代表大会第四次会议上）' '省长 某某' '各位代表：' \
	    '现在，我代表省人民政府，向大会报告工作，请予审议。'
	assert_line --index 1 $'subtitle\t（2026年1月27日在某省第十四届人民代表大会第四次会议上）'
	assert_line --index 2 $'author\t省长 某某'
}

@test "web remnants: a block at the top and at the bottom, short lines next to a sure sign" {
	run kinds '下载' '打印' '【字号：' '关于工作情况的报告' '正文第一段很长很长很长很长很长很长很长。' \
	    '热门词汇' '最新政策' '其他网站' '版权所有：某某人民政府'
	assert_output "$(printf '%s\n' $'boilerplate\t下载 / 打印 / 【字号：' $'title\t关于工作情况的报告' \
	    $'boilerplate\t热门词汇 / 最新政策 / 其他网站 / 版权所有：某某人民政府')"
}

@test "a document with 50 000 headings stays under 32 MiB" {
	awk 'BEGIN { print "一、开始"; for (i = 1; i <= 50000; i++) printf "%d.标题%d\n正文。\n", i, i }' \
	    >"$BATS_TEST_TMPDIR/many.txt"
	# ulimit -v caps the address space (ASan needs far more: skip there).
	[ -n "${ASAN_OPTIONS:-}" ] && skip "address-space limit does not apply under ASan"
	[ -n "${RPT_UNDER_VALGRIND:-}" ] && skip "address-space limit does not apply under valgrind"
	run bash -c "ulimit -v 65536; '$RPT_BIN/rpt-sections' -N '$BATS_TEST_TMPDIR/many.txt' | wc -l"
	assert_success
	[ "$output" -eq 50001 ]
}
