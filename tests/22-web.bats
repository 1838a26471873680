#!/usr/bin/env bats
# The head of a report as a web page gives it (issue 12): page chrome,
# titles given twice or split, issuers, addressees, 发文字号, a page's
# metadata, and reports in traditional script.

setup() {
	load helper
}

# kinds LINE...: the kind and title of each row of rpt-sections.
kinds() {
	printf '%s\n' "$@" | "$RPT_BIN/rpt-sections" -N | cut -f3,9
}

body='2025年，我镇坚持以习近平法治思想为指导，扎实推进法治政府建设，现将有关情况报告如下。'

@test "golden: rpt-sections -i and rpt-stats on the 30 web report heads of tests/corpus/web" {
	golden_check sections-web.tsv
	golden_check stats-web.tsv
}

@test "the hand-made truth of 12 web heads: head elements, headings, levels, parts and items all found" {
	run sh "$TESTS/sections-truth/score.sh" -s "$TESTS/sections-truth" "$RPT_BIN/rpt-sections" 'fzzf-*'
	assert_success
	assert_line 'head      tp 46 fp 0 fn 0  P 1.000 R 1.000'
	assert_line 'headings  tp 28 fp 0 fn 0  P 1.000 R 1.000'
	assert_line 'levels    28/28 1.000'
	assert_line 'parts     28/28 1.000'
}

@test "chrome: breadcrumbs, publication and metadata fields, widgets, footers are boilerplate, never title or heading" {
	local l
	for l in '您当前的位置:首页>政务公开>法治政府建设年度报告' '当前位置：首页 > 政务公开' \
	    '首页 > 专题专栏 > 法治政府建设年度报告' '> 陇西动态 > 政务公告' \
	    '发布日期：2026-01-09 来源：司法局 点击数：12' '时间:2026-01-09 15:22' \
	    '日期 : 2026-01-15  文章来源 : 司法局  字号 : [  ] 视力保护色:' \
	    '[ 索引号 ]11500229711623327X/2021-00118 [ 发文字号 ] [ 发布机构 ]城口县人民政府' \
	    '• 索 引 号:QZ07902-0101-2026-00001' '• 备注/文号:南委柳工〔2025〕100号' \
	    '朗读' '大 中 小' '主办：某某县人民政府办公室' '上一篇：关于印发某某的通知' \
	    '2026年1月5日 星期一' '发表时间：'; do
		run kinds "$l" '某某镇2025年法治政府建设情况报告' "$body"
		assert_line --index 0 "boilerplate	$l"
		assert_line --index 1 'title	某某镇2025年法治政府建设情况报告'
	done
}

@test "chrome words inside report text are text: 承办, 来源, 时间" {
	run kinds '关于2025年法治政府建设情况的报告' "$body" '一、成功承办全省法治政府建设现场推进会议' \
	    '资金来源：县级财政，时间：全年，共投入经费30万元用于法治宣传阵地建设。'
	assert_line --index 1 'heading	成功承办全省法治政府建设现场推进会议'
	assert_equal "${#lines[@]}" 2
}

@test "a page's headline, then the document's own title split over organ line and 关于…的报告: titles and issuer" {
	run kinds '当前位置：首页 > 政务公开' '息县人民政府关于2021年法治政府建设情况的报告' \
	    '时间:2022-03-07 来源:息县人民政府' '息县人民政府' '关于2021年法治政府建设情况的报告' "$body" \
	    '一、主要举措和成效'
	assert_output "$(printf '%s\n' $'boilerplate\t当前位置：首页 > 政务公开' \
	    $'title\t息县人民政府关于2021年法治政府建设情况的报告' \
	    $'boilerplate\t时间:2022-03-07 来源:息县人民政府' $'issuer\t息县人民政府' \
	    $'title\t关于2021年法治政府建设情况的报告' $'heading\t主要举措和成效')"
	run sh -c "printf '%s\n' '当前位置：首页' '息县人民政府关于2021年法治政府建设情况的报告' '息县人民政府' \
	    '关于2021年法治政府建设情况的报告' '$body' | '$RPT_BIN/rpt-stats' -N | cut -f5,7,8"
	assert_output $'息县人民政府关于2021年法治政府建设情况的报告\t息县人民政府\t2021'
}

@test "docno: on a line of its own after chrome, with 签发人; the docno column leaves 签发人 out" {
	run kinds '朗读' '惠委〔2026〕17号 签发人:庄某某 黄某某' '中共惠安县委 惠安县人民政府' \
	    '关于2025年度法治政府建设工作情况的报告' '中共泉州市委、泉州市人民政府:' "$body"
	assert_output "$(printf '%s\n' $'boilerplate\t朗读' $'docno\t惠委〔2026〕17号' \
	    $'issuer\t中共惠安县委 惠安县人民政府' $'title\t关于2025年度法治政府建设工作情况的报告' \
	    $'addressee\t中共泉州市委、泉州市人民政府:')"
}

@test "rpt-stats: docno, date, issuer and title from a page's metadata when the text has none" {
	run sh -c "printf '%s\n' '• 索 引 号:QZ07902-0101-2026-00001' '• 备注/文号:南委柳工〔2025〕100号' \
	    '• 发布机构:中共南安市委柳城街道工作委员会' '• 公文生成日期:2026-01-09' '标题：柳城街道2025年法治政府建设情况报告' \
	    '$body' '一、主要举措和成效' | '$RPT_BIN/rpt-stats' -N | cut -f5-9"
	assert_output $'柳城街道2025年法治政府建设情况报告\t南委柳工〔2025〕100号\t中共南安市委柳城街道工作委员会\t2025\t2026-01-09'
	# 成文日期 before 公文生成日期; the text's own facts before the metadata's.
	run sh -c "printf '%s\n' '公文生成日期：2026-01-09' '成文日期：2025-12-30' '文号：某政〔2025〕1号' \
	    '某政发〔2025〕9号' '某镇2025年法治政府建设情况报告' '$body' | '$RPT_BIN/rpt-stats' -N | cut -f6,9"
	assert_output $'某政发〔2025〕9号\t2025-12-30'
}

@test "year: from the first body paragraphs, 2025 年 with a space, never a page's publication date" {
	run sh -c "printf '%s\n' '发布日期：2026-01-05' '某街道法治政府建设情况报告' \
	    '2025 年，我街道扎实推进法治政府建设，取得了明显成效，现将有关情况报告如下。' | '$RPT_BIN/rpt-stats' -N | cut -f8"
	assert_output 2025
	run sh -c "printf '%s\n' '来源：某某日报 时间：2026-01-05' '某街道法治政府建设情况报告' \
	    '今年以来，我街道扎实推进法治政府建设工作，取得了明显成效，现报告如下。' \
	    '现将我街道2024年法治政府建设情况报告如下。' | '$RPT_BIN/rpt-stats' -N | cut -f8"
	assert_output 2024
}

@test "traditional script: the same rows as the simplified report, text as written (seeds 000 and 003)" {
	local f
	for f in 000_6b9668183397f94f 003_31e37ca5113b7cf1; do
		run diff <("$RPT_BIN/rpt-sections" -i -N "$TESTS/corpus/$f.txt" | cut -f2-8,10) \
		    <("$RPT_BIN/rpt-sections" -i -N "$TESTS/corpus/trad/$f.t.txt" | cut -f2-8,10)
		assert_success
		run diff <("$RPT_BIN/rpt-numbers" -N "$TESTS/corpus/$f.txt" | cut -f2-10) \
		    <("$RPT_BIN/rpt-numbers" -N "$TESTS/corpus/trad/$f.t.txt" | cut -f2-10)
		assert_success
		# All but title and issuer, which stay as written.
		run diff <("$RPT_BIN/rpt-stats" -N "$TESTS/corpus/$f.txt" | cut -f2-4,6,8-) \
		    <("$RPT_BIN/rpt-stats" -N "$TESTS/corpus/trad/$f.t.txt" | cut -f2-4,6,8-)
		assert_success
	done
	run sh -c "'$RPT_BIN/rpt-stats' -N '$TESTS/corpus/trad/000_6b9668183397f94f.t.txt' | cut -f4,5"
	assert_output $'fzzf\t左拔鎮2023年度法治政府建設工作自查報告'
}

@test "pinyin debris of a mirror site (發(fā)展) is removed and reported by --check; mojibake stays text" {
	run sh -c "printf '%s\n' '關於2025年法治政府建設情況的報告' \
	    '2025年,我區(qū)堅持發(fā)展,保障?,F(xiàn)將有關情況報告如下。' | '$RPT_BIN/rpt-split' -N -u para | cut -f9"
	assert_line --index 1 '2025年,我區堅持發展,保障?,F(xiàn)將有關情況報告如下。'
	run sh -c "printf '%s\n' '關於2025年法治政府建設情況的報告' \
	    '2025年,我區(qū)堅持發(fā)展,保障?,F(xiàn)將有關情況報告如下。' | '$RPT_BIN/rpt-sections' --check -N | grep debris"
	assert_output $'-\t2\tdebris\t2 pieces of conversion debris removed, such as [bookmark: _GoBack]'
}

@test "traditional script: a simplified report is folded only when its front is traditional (rpt(7))" {
	local head=(关于2025年法治政府建设情况的报告 "$body" 一、主要举措和成效 "$body" "$body" "$body" "$body" "$body"
	    "$body" "$body" "$body" "$body" "$body" "$body" "$body" "$body" "$body" "$body")
	# After a simplified front, 存在的問題 is matched as written: no shortfalls.
	run sh -c "printf '%s\n' \"\$@\" '二、存在的問題' | '$RPT_BIN/rpt-sections' -N | cut -f3,8,9 | tail -1" sh "${head[@]}"
	assert_output $'heading\tmeasures\t存在的問題'
	# The same heading after a traditional front is shortfalls.
	local t='2025年，我鎮堅持以習近平法治思想為指導，紮實推進法治政府建設，現將有關情況報告如下。'
	run sh -c "printf '%s\n' 關於2025年法治政府建設情況的報告 \"\$@\" '二、存在的問題' | '$RPT_BIN/rpt-sections' -N | cut -f3,8,9 | tail -1" \
	    sh "$t" 一、主要舉措和成效 "$t" "$t" "$t" "$t" "$t" "$t" "$t" "$t" "$t" "$t" "$t" "$t" "$t" "$t" "$t"
	assert_output $'heading\tshortfalls\t存在的問題'
}
