#!/usr/bin/env bats
# Headings without markers (issue 13): series of standalone sentence
# headings and of run-in lead sentences, their levels, and what is none.

setup() {
	load helper
}

# rows LINE...: kind, level and title of rpt-sections' rows for a report
# made of the lines given, after a title and a first numbered heading.
rows() {
	printf '%s\n' '某省政府工作报告' '一、今年的主要任务' "$@" |
	    "$RPT_BIN/rpt-sections" -N | cut -f3,4,9
}

long='着力推动各项工作落地见效，完善工作机制，强化要素保障，确保取得实实在在的成效，让人民群众有更多获得感。'

@test "standalone sentence headings: two or more lines of one sentence over body text are headings one level down" {
	run rows '（一）推动绿色发展' '加强生态系统保护修复。' "$long" '深入打好蓝天碧水净土保卫战。' "$long" "$long"
	assert_output "$(printf '%s\n' $'title\t\t某省政府工作报告' $'heading\t1\t今年的主要任务' \
	    $'heading\t2\t推动绿色发展' $'heading\t3\t加强生态系统保护修复' \
	    $'heading\t3\t深入打好蓝天碧水净土保卫战')"
}

@test "standalone sentence: a lone one, one with a comma, one opening with 一是 or 我们 are body" {
	run rows '（一）推动绿色发展' '加强生态系统保护修复。' "$long" "$long"
	refute_output --partial '加强生态系统保护修复'
	run rows '（一）推动绿色发展' '加强保护，推动修复。' "$long" '深入打好保卫战，巩固成果。' "$long"
	refute_output --partial '加强保护'
	run rows '（一）推动绿色发展' '一是加强生态系统保护修复。' "$long" '二是深入打好蓝天碧水净土保卫战。' "$long"
	refute_output --partial '加强生态系统'
	run rows '（一）推动绿色发展' '我们必须降低建设的成本。' "$long" '我们必须缩减行政管理费。' "$long"
	refute_output --partial '我们必须'
	# 这 may open a line of a review, not a lead.
	run rows '（一）回顾' '这是经济实力大幅跃升的五年。' "$long" '这是改革开放全面深化的五年。' "$long"
	assert_line --index 3 $'heading	3	这是经济实力大幅跃升的五年'
}

@test "run-in leads: three paragraphs in a row that open with a short topic sentence are headings" {
	run rows '（一）防范化解重点领域风险' "稳妥有序处置风险隐患。$long" "健全风险防控长效机制。$long" \
	    "加强重点领域安全能力建设。$long" "$long"
	assert_output "$(printf '%s\n' $'title\t\t某省政府工作报告' $'heading\t1\t今年的主要任务' \
	    $'heading\t2\t防范化解重点领域风险' $'heading\t3\t稳妥有序处置风险隐患' \
	    $'heading\t3\t健全风险防控长效机制' $'heading\t3\t加强重点领域安全能力建设')"
}

@test "run-in leads: two in a row, a dash, a subject, an enumerator or a long first sentence are no series" {
	run rows '（一）防范化解重点领域风险' "稳妥有序处置风险隐患。$long" "健全风险防控长效机制。$long" "$long"
	refute_output --partial '风险隐患'
	run rows '（一）经济运行' "——经济总体回升向好。$long" "——现代化产业体系建设取得重要进展。$long" \
	    "——民生保障有力有效。$long"
	refute_output --partial '回升向好'
	run rows '（一）经济运行' "我们要坚持稳中求进。$long" "要坚持守正创新。$long" "这是极不平凡的一年。$long"
	assert_equal "${#lines[@]}" 3
	run rows '（一）经济运行' "一是稳妥有序处置风险隐患。$long" "二是健全风险防控长效机制。$long" \
	    "三是加强重点领域安全能力建设。$long"
	assert_equal "${#lines[@]}" 3
}

@test "run-in leads: two in a row are a series when they are parallel" {
	run rows '（一）宏观政策' "财政政策要更加积极有效。$long" "货币政策要保持稳健中性。$long" "$long"
	assert_line --index 3 $'heading\t3\t财政政策要更加积极有效'
	assert_line --index 4 $'heading\t3\t货币政策要保持稳健中性'
	# Not of different lengths, nor without two characters in common in place.
	run rows '（一）宏观政策' "财政政策要更加积极有效。$long" "货币政策要保持稳健中性和灵活。$long" "$long"
	assert_equal "${#lines[@]}" 3
	run rows '（一）宏观政策' "稳妥有序处置风险隐患。$long" "健全风险防控长效机制。$long" "$long"
	assert_equal "${#lines[@]}" 3
}

@test "run-in leads: once the report has had a series, two in a row and leads of up to 30 characters are" {
	run rows '（一）防范化解重点领域风险' "稳妥有序处置风险隐患。$long" "健全风险防控长效机制。$long" \
	    "加强重点领域安全能力建设。$long" '（二）扩大国内需求' "促进消费稳定增长。$long" \
	    "加快促进重点产业、重点产品、重点集群、重点企业跨越式发展。$long" '（三）深化改革'
	assert_line --index 7 $'heading\t3\t促进消费稳定增长'
	assert_line --index 8 $'heading\t3\t加快促进重点产业、重点产品、重点集群、重点企业跨越式发展'
}

@test "run-in leads: the rest of a paragraph that a stray line cut neither joins nor ends a series" {
	# A line of zero-width spaces, a number on a line of its own (PM / 2.5 / 浓度).
	run rows '（一）防范化解重点领域风险' "稳妥有序处置风险隐患。完善处置机制，要" $'\u200b' \
	    "支持地方化解存量风险。$long" "健全风险防控长效机制。$long" "加强大气污染防治。改善空气质量，以PM" '2.5' \
	    "浓度持续下降为主线。$long" "加强重点领域安全能力建设。$long"
	assert_output "$(printf '%s\n' $'title\t\t某省政府工作报告' $'heading\t1\t今年的主要任务' \
	    $'heading\t2\t防范化解重点领域风险' $'heading\t3\t稳妥有序处置风险隐患' \
	    $'heading\t3\t健全风险防控长效机制' $'heading\t3\t加强大气污染防治' \
	    $'heading\t3\t加强重点领域安全能力建设')"
}

@test "run-in leads: a line that does not end a sentence, with none inside, cuts nothing" {
	run rows '第一，竭力厚植比较优势，加快融入全省经济文化体系' "增强现代交通枢纽辐射力。$long" \
	    "增强改革开放合作驱动力。$long" "打造文旅融合新地标。$long"
	assert_line --index 2 $'heading\t2\t增强现代交通枢纽辐射力'
	assert_equal "${#lines[@]}" 5
}

@test "run-in leads: 一要, 二要 open items, not leads" {
	run rows '（一）坚决反对奢侈浪费' "一要倡导艰苦创业。$long" "二要努力节省开支。$long" "三要严肃财经纪律。$long"
	assert_equal "${#lines[@]}" 3
}

@test "run-in leads: a lead's items (二是…。, 二要…。) neither end a series nor break its row" {
	run rows '（一）实施好宏观经济政策' "继续实施稳健的货币政策。一是保持货币信贷合理增长。$long" \
	    "二是优化信贷结构。$long" "三是积极扩大直接融资。$long" "积极扩大居民消费需求。$long" \
	    "一要加强环境保护。$long" "二要积极发展循环经济。$long" "加快发展服务业。$long"
	assert_line --index 3 $'heading\t3\t继续实施稳健的货币政策'
	assert_line --index 4 $'heading\t3\t积极扩大居民消费需求'
	assert_line --index 5 $'heading\t3\t加快发展服务业'
	assert_equal "${#lines[@]}" 6
}

@test "run-in leads: …，特别是… narrows its clause, and the lead is one topic still" {
	run rows '（一）增加居民收入' "继续实行积极的就业政策。$long" "增加城乡居民收入，特别是低收入者收入。$long" \
	    "推进收入分配制度改革。$long"
	assert_line --index 4 $'heading\t3\t增加城乡居民收入，特别是低收入者收入'
	assert_equal "${#lines[@]}" 6
}

@test "run-in leads: a judgement (X是Y。) is no lead, and a series passes over it" {
	run rows '（一）推动产业升级' "改革开放是推动发展的制胜法宝。$long" "推动产业结构迈向中高端。$long" \
	    "新兴产业和新兴业态是竞争高地。$long" "以体制创新推动科技创新。$long" "抓好农业特别是粮食生产。$long"
	assert_output "$(printf '%s\n' $'title\t\t某省政府工作报告' $'heading\t1\t今年的主要任务' \
	    $'heading\t2\t推动产业升级' $'heading\t3\t推动产业结构迈向中高端' \
	    $'heading\t3\t以体制创新推动科技创新' $'heading\t3\t抓好农业特别是粮食生产')"
}

@test "standalone sentence headings: in a series, or three in a row, a line may have clauses" {
	run rows '（一）扩大内需' '认真做好对外贸易工作。' "$long" '继续积极利用外资，优化外商投资结构。' "$long" \
	    '保持国债投资的必要规模，带动固定资产投资较快增长。' "$long"
	assert_line --index 3 $'heading\t3\t认真做好对外贸易工作'
	assert_line --index 4 $'heading\t3\t继续积极利用外资，优化外商投资结构'
	assert_line --index 5 $'heading\t3\t保持国债投资的必要规模，带动固定资产投资较快增长'
	# Three lines of clauses in a row are a series too; two are not (above).
	run rows '（一）扩大内需' '保持国债投资的必要规模，带动固定资产投资较快增长。' "$long" \
	    '努力做好财税工作，保持税制稳定。' "$long" '继续实行稳健的货币政策，加强金融监管。' "$long"
	assert_line --index 3 $'heading\t3\t保持国债投资的必要规模，带动固定资产投资较快增长'
	assert_equal "${#lines[@]}" 6
	# Not a lead-in to items, nor reported speech.
	run rows '（一）扩大内需' '认真做好对外贸易工作。' "$long" '一年来，我们主要做了以下工作。' "一是$long"
	assert_equal "${#lines[@]}" 3
	run rows '（一）扩大内需' '认真做好对外贸易工作。' "$long" '周总理说，当前的国际形势很好。' "$long"
	assert_equal "${#lines[@]}" 3
}

@test "standalone sentence headings: the body after one may be cut by a stray line" {
	run rows '（一）推动绿色发展' '推动科技进步和创新。' '坚持计划生育的基本国策，贯彻《' '人口与计划生育法' \
	    "》。$long" '加强精神文明建设。' "$long"
	assert_line --index 3 $'heading\t3\t推动科技进步和创新'
	assert_line --index 4 $'heading\t3\t加强精神文明建设'
	assert_equal "${#lines[@]}" 5
}

@test "unnumbered headings: not a short line that the next paragraph continues mid-sentence" {
	# 主要目标 / 是：…, 要全面深化各领域改 / 革，…, a cut book title / 》…
	run rows "$long" '主要目标' "是：$long"
	assert_equal "${#lines[@]}" 2
	run rows '（一）深化改革' '要全面深化各领域改' "革，$long"
	assert_equal "${#lines[@]}" 3
	run rows "$long" '认真贯彻落实国务院《' '关于鼓励支持和引导非公有制经济发展的若干意见' "》，$long"
	assert_equal "${#lines[@]}" 2
	# After another short line, the next paragraph must come to an end.
	run rows "$long" '党的十八届六中全会' '正式明确' '习近平' '总书记的核心地位，体现了党和人民的根本利益，“' \
	    '十三五' '”实现了良好开局。'
	assert_equal "${#lines[@]}" 2
	# Nor after a run-in heading that a stray line cut short.
	run rows '（一）更大力度吸引和利用外资。扩大市场准入，积极推动加入' '全面与进步跨太平洋伙伴关系协定' \
	    "（CPTPP）等高标准经贸协议。$long"
	assert_equal "${#lines[@]}" 3
	# An annex heading and a caption's line still are.
	run rows "$long" '附件1' '2026年十件民生实事' "$long"
	assert_line --index 2 $'heading\t1\t附件1'
}

@test "--check: each heading without a marker is an unmarked-heading finding" {
	run sh -c "printf '%s\n' '某省政府工作报告' '一、今年的主要任务' '加强生态系统保护修复。' '$long' \
	    '深入打好蓝天碧水净土保卫战。' '$long' | '$RPT_BIN/rpt-sections' --check -N | grep unmarked-heading"
	assert_output "$(printf '%s\n' \
	    $'-\t3\tunmarked-heading\t加强生态系统保护修复 is read as a heading at level 2: one of a series of sentences without markers' \
	    $'-\t5\tunmarked-heading\t深入打好蓝天碧水净土保卫战 is read as a heading at level 2: one of a series of sentences without markers')"
}

@test "rpt-split and rpt-stats: a lead is a heading there too" {
	run sh -c "printf '%s\n' '某省政府工作报告' '一、今年的主要任务' '稳妥有序处置风险隐患。$long' \
	    '健全风险防控长效机制。$long' '加强重点领域安全能力建设。$long' | '$RPT_BIN/rpt-split' -N -u para | cut -f2,5,7"
	assert_line --index 2 $'3\t1.1\theading'
	run sh -c "printf '%s\n' '某省政府工作报告' '一、今年的主要任务' '稳妥有序处置风险隐患。$long' \
	    '健全风险防控长效机制。$long' '加强重点领域安全能力建设。$long' | '$RPT_BIN/rpt-stats' -N | cut -f15,16"
	assert_output $'4\t2'
}

@test "the hand-made truth of four government work reports: headings found, unmarked ones included" {
	run sh "$TESTS/sections-truth/score.sh" -s "$TESTS/sections-truth" "$RPT_BIN/rpt-sections" 'gwr-*'
	assert_success
	assert_line 'headings  tp 249 fp 0 fn 6  P 1.000 R 0.976'
	assert_line 'marked    R 1.000 (76/76)   unmarked R 0.966 (173/179)'
}
