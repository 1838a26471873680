#!/usr/bin/env bats
# Sentence, item and key rules of rpt-split, one case each, beyond what the
# sample reports contain.  texts UNIT INPUT prints the text column.

setup() {
	load helper
}

texts() {
	local unit=$1
	shift
	printf '%s\n' "$@" | rpt_split -N -u "$unit" | cut -f9
}

# expect_units UNIT INPUT UNIT1 UNIT2 ...
expect_units() {
	local unit=$1 input=$2
	shift 2
	run texts "$unit" "$input"
	assert_success
	assert_output "$(printf '%s\n' "$@")"
}

@test "sentence: closing quote stays with its 。" {
	expect_units sentence '他说“好。”大家同意。' '他说“好。”' '大家同意。'
}

@test "sentence: a quoted utterance splits only at its last terminator" {
	expect_units sentence '书记强调：“要依法办事。要公正执法。”会议要求各村照办。' \
	    '书记强调：“要依法办事。要公正执法。”' '会议要求各村照办。'
}

@test "sentence: a quotation that is not an utterance does not hide its 。" {
	expect_units sentence '提出“加强学习。提高能力”的要求。' '提出“加强学习。' '提高能力”的要求。'
}

@test "sentence: reversed quotes still split at 。" {
	expect_units sentence '开展”三长“会商调解机制。运用新时代”枫桥经验“确保矛盾不出基层。' \
	    '开展”三长“会商调解机制。' '运用新时代”枫桥经验“确保矛盾不出基层。'
}

@test "sentence: no end inside 《…》" {
	expect_units sentence '学习《关于加强法治建设。的意见》全文。再学一遍。' \
	    '学习《关于加强法治建设。的意见》全文。' '再学一遍。'
}

@test "sentence: an unclosed 《 does not swallow the paragraph" {
	expect_units sentence '书名号《未闭合。下一句。' '书名号《未闭合。' '下一句。'
}

@test "sentence: decimals and day codes keep their dots" {
	expect_units sentence '处罚金1.3万元。开展“4.15”国家安全教育日活动。' \
	    '处罚金1.3万元。' '开展“4.15”国家安全教育日活动。'
}

@test "sentence: …… ； ： and ， end nothing" {
	expect_units sentence '一是学习……二是宣传；三是执法：四是调解，完毕。' \
	    '一是学习……二是宣传；三是执法：四是调解，完毕。'
}

@test "sentence: --semicolon makes ； and ; end sentences" {
	run bash -c "printf '%s\n' '一是学习；二是宣传; 三是执法。' | '$RPT_BIN/rpt-split' -N --semicolon | cut -f9"
	assert_success
	assert_output "$(printf '%s\n' '一是学习；' '二是宣传;' '三是执法。')"
}

@test "sentence: an ASCII dot after a CJK character ends a sentence" {
	expect_units sentence '完成年度任务.下一步继续努力。' '完成年度任务.' '下一步继续努力。'
}

@test "sentence: ASCII ! and ? end sentences" {
	expect_units sentence '这样做对吗?必须落实!马上行动。' '这样做对吗?' '必须落实!' '马上行动。'
}

@test "sentence: runs of terminators and closing brackets stay together" {
	expect_units sentence '（详见附件。）下一步抓好落实。真的吗？！是的。' \
	    '（详见附件。）' '下一步抓好落实。' '真的吗？！' '是的。'
}

@test "sentence: the dot of a paragraph-initial marker ends nothing" {
	expect_units sentence '1.加强学习。' '1.加强学习。'
	expect_units sentence '一．加强学习。' '一．加强学习。'
	expect_units sentence '一.加强学习。' '一.加强学习。'
}

@test "sentence: a paragraph end always ends a sentence" {
	expect_units sentence $'没有句号的段落\n下一段' '没有句号的段落' '下一段'
}

@test "item: enumerators after 。 (with a space) and after ，" {
	expect_units item '主要做法如下。 一是加强学习。二是强化宣传，三是严格执法。' \
	    '主要做法如下。' '一是加强学习。' '二是强化宣传，' '三是严格执法。'
}

@test "item: 十一是, 第一，, 首先，, and circled numbers" {
	expect_units item '十是甲。十一是乙。' '十是甲。' '十一是乙。'
	expect_units item '要求：第一，学习；第二，落实。' '要求：' '第一，学习；' '第二，落实。'
	expect_units item '首先，学习。其次，落实。再次，检查。最后，总结。' \
	    '首先，学习。' '其次，落实。' '再次，检查。' '最后，总结。'
	expect_units item '任务：①学习；②落实。' '任务：' '①学习；' '②落实。'
}

@test "item: 一是 inside a word is no enumerator" {
	expect_units item '坚持统一是关键，唯一是目标。' '坚持统一是关键，唯一是目标。'
}

@test "item: government work reports' run-in enumeration" {
	expect_units item '做好三方面工作，一是稳增长，二是促改革，三是惠民生。' \
	    '做好三方面工作，' '一是稳增长，' '二是促改革，' '三是惠民生。'
}

@test "kind: a heading's first sentence is the heading, the rest body" {
	run bash -c "printf '%s\n' '（一）加强学习。一是学理论。' | '$RPT_BIN/rpt-split' -N | cut -f5,7,9"
	assert_success
	assert_output "$(printf '1\theading\t（一）加强学习。\n1\tbody\t一是学理论。')"
}

@test "section: depth comes from nesting, not from the marker" {
	run bash -c "printf '%s\n' '一、甲' '（1）乙' '二、丙' '（一）丁' '1.戊' '（1）己' '三、庚' | '$RPT_BIN/rpt-split' -N -u para | cut -f5,9"
	assert_success
	assert_output "$(printf '%s\n' $'1\t一、甲' $'1.1\t（1）乙' $'2\t二、丙' $'2.1\t（一）丁' $'2.1.1\t1.戊' $'2.1.1.1\t（1）己' $'3\t三、庚')"
}

@test "section: numbers that go backwards, 2023. and 1.3万元 are no headings" {
	run bash -c "printf '%s\n' '一、甲' '二、乙' '一、回头看，再看一遍。' '2023.年度工作全部完成。' '1.3万元用于宣传。' '三、丙' | '$RPT_BIN/rpt-split' -N -u para | cut -f5,7"
	assert_success
	assert_output "$(printf '%s\n' $'1\theading' $'2\theading' $'2\tbody' $'2\tbody' $'2\tbody' $'3\theading')"
}

@test "section: a gap in the numbering is still a heading; a report may start at 二、" {
	run bash -c "printf '%s\n' '二、甲' '四、乙' | '$RPT_BIN/rpt-split' -N -u para | cut -f5,7"
	assert_success
	assert_output "$(printf '%s\n' $'1\theading' $'2\theading')"
}

@test "debris: [bookmark: _GoBack] is removed and the heading still found" {
	run bash -c "printf '%s\n' '一、甲' '[bookmark: _GoBack]二、乙[bookmark: x]丙' | '$RPT_BIN/rpt-split' -N -u para | cut -f5,7,8,9"
	assert_success
	assert_output "$(printf '%s\n' $'1\theading\t3\t一、甲' $'2\theading\t4\t二、乙丙')"
}

@test "text is trimmed of white space, U+3000 and NBSP; chars counts the rest" {
	run bash -c "printf '\343\200\200\343\200\200全角 空格\302\240 \n' | '$RPT_BIN/rpt-split' -N | cut -f8,9"
	assert_success
	assert_output "$(printf '4\t全角 空格')"
}

@test "key: NFKC, no white space, one form of punctuation" {
	run bash -c "printf '%s\n' '加强学习，提高能力（试行）。' '加强 学习,提高能力(试行)。' | '$RPT_BIN/rpt-split' -N -k | cut -f10 | uniq | wc -l"
	assert_success
	assert_output 1
	# shellcheck disable=SC1111 # Chinese quotation marks, as in the reports
	run bash -c "printf '%s\n' '“枫桥经验”——ＡＢＣ１２３' | '$RPT_BIN/rpt-split' -N -k | cut -f10"
	assert_output '"枫桥经验"--ABC123'
	run bash -c "printf '%s\n' '「依法」『办事』' | '$RPT_BIN/rpt-split' -N -k | cut -f10"
	assert_output "\"依法\"'办事'"
}
