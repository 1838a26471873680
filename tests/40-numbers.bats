#!/usr/bin/env bats
# rpt-numbers: accuracy against the hand-made lists of tests/numbers-truth
# (precision and recall >= 0.98, value, unit and qualifier right for >=
# 0.95), golden TSV, and one case per kind, qualifier and non-quantity.

setup() {
	load helper
	cd "$TESTS" || return 1
}

rpt_numbers() { "$RPT_BIN/rpt-numbers" "$@"; }

# rows INPUT...: kind value max unit qual text of each quantity.
rows() {
	printf '%s\n' "$@" | rpt_numbers -N -a | cut -f6-11
}

# accuracy MIN TRUTH...: score rpt-numbers on each excerpt's report against
# its hand-made list; at least MIN found, precision and recall >= 0.98,
# value, unit and qualifier right for >= 0.95 of those found.
accuracy() {
	local min=$1 t b f s tp=0 fp=0 fn=0 ok=0
	shift
	for t in "$@"; do
		b=$(basename "$t" .tsv)
		b=${b%%.L*}
		f=corpus/$b.txt
		[ -f "$f" ] || f=corpus/real/$b.txt
		s=$(rpt_numbers -N "$f" | sh numbers-truth/score.sh "$t")
		# shellcheck disable=SC2086 # the counts, as words
		set -- $s
		tp=$((tp + $1)) fp=$((fp + $2)) fn=$((fn + $3)) ok=$((ok + $6))
	done
	echo "tp=$tp fp=$fp fn=$fn attributes right=$ok"
	[ "$tp" -ge "$min" ]
	[ $((tp * 100)) -ge $(((tp + fp) * 98)) ]
	[ $((tp * 100)) -ge $(((tp + fn) * 98)) ]
	[ $((ok * 100)) -ge $((tp * 95)) ]
}

@test "accuracy on the five sample reports against the hand-made lists" {
	accuracy 130 numbers-truth/0*[0-9a-f].tsv
}

@test "accuracy on the government work report excerpts against the hand-made lists" {
	local t lists=()
	for t in numbers-truth/gwr-*.L*.tsv; do
		case $t in *.non.tsv) ;; *) lists+=("$t") ;; esac
	done
	accuracy 600 "${lists[@]}"
}

@test "golden TSV: the five samples and three government work reports" {
	golden_check numbers-000_6b9668183397f94f.tsv
	golden_check numbers-001_3dec04221fb15ce6.tsv
	golden_check numbers-002_5e0d0e6190e313b8.tsv
	golden_check numbers-003_31e37ca5113b7cf1.tsv
	golden_check numbers-004_4d7abf357b95ea80.tsv
	golden_check numbers-gwr-2024-state-council.tsv
	golden_check numbers-gwr-2024-chengdu.tsv
	golden_check numbers-gwr-2026-guizhou.tsv
}

@test "values are exact decimals with the multipliers applied" {
	run rows '处罚金1.3万元，补助2.01万元，总额1.26万亿元，覆盖5000万人。'
	assert_output "$(printf '%s\n' $'money\t13000\t\t元\texact\t1.3万元' \
	    $'money\t20100\t\t元\texact\t2.01万元' \
	    $'money\t1260000000000\t\t元\texact\t1.26万亿元' \
	    $'count\t50000000\t\t人\texact\t5000万人')"
}

@test "qualifiers before and after" {
	run rows '开展40余次，惠及3000多人，满意率98%以上，每年不少于8次，约200人，5%左右，超过60%。'
	assert_output "$(printf '%s\n' $'count\t40\t\t次\tover\t40余次' $'count\t3000\t\t人\tover\t3000多人' \
	    $'percent\t98\t\t%\tat_least\t98%以上' $'count\t8\t\t次\tat_least\t不少于8次' \
	    $'count\t200\t\t人\tapprox\t约200人' $'percent\t5\t\t%\tapprox\t5%左右' \
	    $'percent\t60\t\t%\tover\t超过60%')"
}

@test "ranges" {
	run rows '引进1-2名人才，开展三至五次，增长5%—8%，2021—2025年规划。'
	assert_output "$(printf '%s\n' $'count\t1\t2\t名\trange\t1-2名' $'count\t3\t5\t次\trange\t三至五次' \
	    $'percent\t5\t8\t%\trange\t5%—8%' $'year\t2021\t2025\t年\trange\t2021—2025年')"
}

@test "percent, points, ratio, multiple, years, dates, durations, zero counts" {
	run rows '百分之九十八，下降0.5个百分点，三分之一，1/3，翻一番，提高1倍。' \
	    '2023法治政府建设，2023年以来，2023年12月5日，二〇二三年十二月五日，9月份，5个月，30天，两年，70周年。' \
	    '零复议、零诉讼，无一起。'
	assert_output "$(printf '%s\n' $'percent\t98\t\t%\texact\t百分之九十八' \
	    $'points\t0.5\t\t百分点\texact\t0.5个百分点' $'ratio\t0.333333\t\t\texact\t三分之一' \
	    $'ratio\t0.333333\t\t\texact\t1/3' $'multiple\t1\t\t番\texact\t一番' $'multiple\t1\t\t倍\texact\t1倍' \
	    $'year\t2023\t\t年\texact\t2023' $'year\t2023\t\t年\tat_least\t2023年以来' \
	    $'date\t2023-12-05\t\t\texact\t2023年12月5日' $'date\t2023-12-05\t\t\texact\t二〇二三年十二月五日' \
	    $'date\t--09\t\t\texact\t9月份' $'duration\t5\t\t个月\texact\t5个月' \
	    $'duration\t30\t\t天\texact\t30天' $'duration\t2\t\t年\texact\t两年' \
	    $'count\t70\t\t周年\texact\t70周年' \
	    $'count\t0\t\t\texact\t零复议' $'count\t0\t\t\texact\t零诉讼' $'count\t0\t\t起\texact\t无一起')"
}

@test "non-quantities: markers, ordinals, names, codes (only with -a)" {
	# shellcheck disable=SC1111 # Chinese quotation marks, as in the reports
	run bash -c "printf '%s\n' '一是学习党的二十大，落实“八五”普法和第一议题，用好H5页面，开展“3·15”活动，三会一课。' | '$RPT_BIN/rpt-numbers' -N | wc -l"
	assert_output 0
	run rows '一是学习党的二十大，落实“八五”普法和第一议题，用好H5页面，开展“3·15”活动，三会一课。'
	assert_output "$(printf '%s\n' $'marker\t\t\t\texact\t一' $'ordinal\t\t\t\texact\t二十' \
	    $'name\t\t\t\texact\t八五' $'ordinal\t\t\t\texact\t一' $'code\t\t\t\texact\tH5' \
	    $'name\t\t\t\texact\t3·15' $'name\t\t\t\texact\t三会一课')"
}

@test "overflow: too many digits or too large a value is a code, never a crash" {
	run rows '123456789012345678901234元，电话13812345678，9999999999999999999999万亿元。'
	assert_success
	assert_output "$(printf '%s\n' $'code\t\t\t\texact\t123456789012345678901234' \
	    $'code\t\t\t\texact\t13812345678' $'code\t\t\t\texact\t9999999999999999999999万亿')"
}

@test "government work report forms: 超, 多万, bare magnitudes, currencies, more measure words" {
	run rows '地区生产总值超2.2万亿元，常住人口2100多万，新增人口100万，外商直接投资22.9亿美元，结对166对，吞吐量突破100万标箱，近四分之三，近千亿元，十大类，超过2019年水平，改造路灯6.6万盏。'
	assert_output "$(printf '%s\n' $'money\t2200000000000\t\t元\tover\t超2.2万亿元' \
	    $'count\t21000000\t\t\tover\t2100多万' $'count\t1000000\t\t\texact\t100万' \
	    $'money\t2290000000\t\t美元\texact\t22.9亿美元' $'count\t166\t\t对\texact\t166对' \
	    $'count\t1000000\t\t标箱\tover\t突破100万标箱' $'ratio\t0.75\t\t\tapprox\t近四分之三' \
	    $'money\t100000000000\t\t元\tapprox\t近千亿元' $'count\t10\t\t大类\texact\t十大类' \
	    $'year\t2019\t\t年\texact\t2019年' $'count\t66000\t\t盏\texact\t6.6万盏')"
}

@test "no quantity: 一 as 'a' or 'this', numerals inside words, phases, plenary sessions, vague amounts" {
	run rows '过去一年，极不平凡的一年，这一首要任务，按照统一部署，四川省，长三角，用一年时间，一年内完成，时隔一年，机场三期工程，举办培训班三期，分两期投放，二十届三中全会，十四届七次全会，数十人，上百人，几亿人，上千万家庭，一批项目，一部门一课题，“新十二月市”，千头万绪，每千人口，建成十个。'
	assert_output "$(printf '%s\n' $'duration\t1\t\t年\texact\t一年' \
	    $'duration\t1\t\t年\texact\t一年' $'duration\t1\t\t年\texact\t一年' \
	    $'ordinal\t\t\t\texact\t三' $'count\t3\t\t期\texact\t三期' $'count\t2\t\t期\texact\t两期' \
	    $'ordinal\t\t\t\texact\t二十' $'ordinal\t\t\t\texact\t三' $'ordinal\t\t\t\texact\t十四' \
	    $'ordinal\t\t\t\texact\t七' $'vague\t\t\t\texact\t数十' $'vague\t\t\t\texact\t上百' \
	    $'vague\t\t\t\texact\t几亿' $'vague\t\t\t\texact\t上千万' $'vague\t\t\t\texact\t一批' \
	    $'name\t\t\t\texact\t一部门一课题' $'name\t\t\t\texact\t十二月' $'count\t10\t\t个\texact\t十个')"
}

@test "上 of 以上 and 之上 ends a word: 以上十项 is ten, not the vague 上十 (a fuzzing finding)" {
	run rows '以上十项措施，增长100%以上十余个，之上十人，上百人。'
	assert_output "$(printf '%s\n' $'count\t10\t\t项\texact\t十项' \
	    $'percent\t100\t\t%\tat_least\t100%以上' $'count\t10\t\t个\tover\t十余个' \
	    $'count\t10\t\t人\texact\t十人' $'vague\t\t\t\texact\t上百')"
}

@test "dates in digits, document numbers, codes with letters, 亿亿亿亿" {
	run rows '2023/12/05，2023-12-05，2023.5.12，2023.12，〔2024〕7号，用好H5页面，G318国道，亿亿亿亿元，一亿亿亿亿元，3.15 2023年。'
	assert_output "$(printf '%s\n' $'date\t2023-12-05\t\t\texact\t2023/12/05' \
	    $'date\t2023-12-05\t\t\texact\t2023-12-05' $'date\t2023-05-12\t\t\texact\t2023.5.12' \
	    $'vague\t\t\t\texact\t2023.12' $'code\t\t\t\texact\t2024' $'code\t\t\t\texact\t7' \
	    $'code\t\t\t\texact\tH5' $'code\t\t\t\texact\tG318' \
	    $'code\t\t\t\texact\t亿亿亿亿' $'code\t\t\t\texact\t一亿亿亿亿' \
	    $'vague\t\t\t\texact\t3.15' $'year\t2023\t\t年\texact\t2023年')"
}

@test "month ranges, bare 亿, 破, 多 after the unit, first quarters, units of measurement, 约 inside words" {
	run rows '1-11月，2023年1—11月，1至3月份，全社会用电量破亿度，建成亿元以上项目，项目签约3543亿元，增长2倍多，一年多来，前三季度，三季度，28.5微克每立方米，31.7微克/立方米，233兆瓦，220千伏，“零亡人”，学前一年免费。'
	assert_output "$(printf '%s\n' $'date\t--01\t--11\t\trange\t1-11月' \
	    $'date\t2023-01\t2023-11\t\trange\t2023年1—11月' $'date\t--01\t--03\t\trange\t1至3月份' \
	    $'count\t100000000\t\t度\tover\t破亿度' $'money\t100000000\t\t元\tat_least\t亿元以上' \
	    $'money\t354300000000\t\t元\texact\t3543亿元' $'multiple\t2\t\t倍\tover\t2倍多' \
	    $'duration\t1\t\t年\tover\t一年多' $'duration\t3\t\t季度\texact\t三季度' \
	    $'count\t28.5\t\t微克每立方米\texact\t28.5微克每立方米' \
	    $'count\t31.7\t\t微克/立方米\texact\t31.7微克/立方米' $'count\t233\t\t兆瓦\texact\t233兆瓦' \
	    $'count\t220\t\t千伏\texact\t220千伏' $'name\t\t\t\texact\t零亡人' \
	    $'duration\t1\t\t年\texact\t一年')"
}

@test "codes 3+X and 12345热线, 百分之 with a qualifier, 余 before 万, a range's multiplier, 一点二六, （一） in text, names that begin before the numeral" {
	run rows '3+X模式，12345热线，超过百分之九十，投资二十余万元，共3-5亿元，三至五万人，5万-10万元，总额一点二六万亿元，工作如下：（一）加强领导，打通最后一公里，落实双随机、一公开，统一部署。'
	assert_output "$(printf '%s\n' $'code\t\t\t\texact\t3+X' $'code\t\t\t\texact\t12345' \
	    $'percent\t90\t\t%\tover\t超过百分之九十' $'money\t200000\t\t元\tover\t二十余万元' \
	    $'money\t300000000\t500000000\t元\trange\t3-5亿元' $'count\t30000\t50000\t人\trange\t三至五万人' \
	    $'money\t50000\t100000\t元\trange\t5万-10万元' $'money\t1260000000000\t\t元\texact\t一点二六万亿元' \
	    $'marker\t\t\t\texact\t一' $'name\t\t\t\texact\t最后一公里' $'name\t\t\t\texact\t双随机、一公开')"
}

@test "Chinese numerals never wrap: digit runs past 20 digits, 10^24 and more are codes" {
	run rows '共九九九九九九九九九九九九九九九九九九九九九人，共二〇二三二〇二三二〇二三二〇二三二〇二三二〇二三个，一亿亿亿亿元。'
	assert_output "$(printf '%s\n' $'code\t\t\t\texact\t九九九九九九九九九九九九九九九九九九九九九' \
	    $'code\t\t\t\texact\t二〇二三二〇二三二〇二三二〇二三二〇二三二〇二三' $'code\t\t\t\texact\t一亿亿亿亿')"
}

@test "破 and 超 ending a verb, 度 only for large amounts, 个多月, 2023/12, a range's multiplier only upwards, codes take no Chinese digit" {
	run rows '打破3项纪录，侦破3起案件，赶超5家，两度获评，破亿度，3个多月，2个多小时，2023/12，8000-1亿元，5G一体化，50多%。'
	assert_output "$(printf '%s\n' $'count\t3\t\t项\texact\t3项' $'count\t3\t\t起\texact\t3起' \
	    $'count\t5\t\t家\texact\t5家' $'vague\t\t\t\texact\t两' $'count\t100000000\t\t度\tover\t破亿度' \
	    $'duration\t3\t\t个月\tover\t3个多月' $'duration\t2\t\t小时\tover\t2个多小时' \
	    $'date\t2023-12\t\t\texact\t2023/12' $'money\t8000\t100000000\t元\trange\t8000-1亿元' \
	    $'code\t\t\t\texact\t5G' $'name\t\t\t\texact\t一体化' $'vague\t\t\t\texact\t50')"
}

@test "--kinds keeps only the kinds asked for; a bad kind is a usage error" {
	run bash -c "'$RPT_BIN/rpt-numbers' -N --kinds=percent corpus/000_6b9668183397f94f.txt | cut -f6,11"
	assert_output $'percent\t100%'
	run "$RPT_BIN/rpt-numbers" --kinds=bogus corpus/000_6b9668183397f94f.txt
	assert_failure 2
	assert_output "$(printf '%s\n' "rpt-numbers: invalid kind 'bogus' in --kinds" "Try 'rpt-numbers --help'.")"
}

@test "context and after: the clause around the mention" {
	run bash -c "printf '%s\n' '2023年，共调解矛盾纠纷34件，组织5名干部参加行政执法资格认证培训。' | '$RPT_BIN/rpt-numbers' -N | cut -f11-13"
	assert_output "$(printf '%s\n' $'2023年\t\t' $'34件\t共调解矛盾纠纷\t' $'5名\t组织\t干部参加行政执法资格认证培训')"
}

@test "the comparison with grep in rpt-numbers(1) holds" {
	local s='引进1-2名专业法律人才，发放资料4000余份，处罚金1.3万元，开展“3·15”宣传，落实党的二十大精神'
	run bash -c "printf '%s\n' '$s' | grep -o '[0-9][0-9.]*' | tr '\n' ' '"
	assert_output '1 2 4000 1.3 3 15 '
	run rows "$s"
	assert_output "$(printf '%s\n' $'count\t1\t2\t名\trange\t1-2名' $'count\t4000\t\t份\tover\t4000余份' \
	    $'money\t13000\t\t元\texact\t1.3万元' $'name\t\t\t\texact\t3·15' $'ordinal\t\t\t\texact\t二十')"
}

@test "Chinese numerals in every form, traditional ones, and spaced old digits" {
	run rows '一万二千三百人，三万五人，两千零五件，三千五百人，三百五人，三亿五人，二〇二三年，三点五万元，十余人，百余人，兩萬人，三千餘份，一億元，7 4 7 7 2 亿元，1,234人，１２３４人。'
	assert_output "$(printf '%s\n' $'count\t12300\t\t人\texact\t一万二千三百人' \
	    $'count\t35000\t\t人\texact\t三万五人' $'count\t2005\t\t件\texact\t两千零五件' \
	    $'count\t3500\t\t人\texact\t三千五百人' $'count\t350\t\t人\texact\t三百五人' \
	    $'count\t350000000\t\t人\texact\t三亿五人' $'year\t2023\t\t年\texact\t二〇二三年' \
	    $'money\t35000\t\t元\texact\t三点五万元' $'count\t10\t\t人\tover\t十余人' \
	    $'count\t100\t\t人\tover\t百余人' $'count\t20000\t\t人\texact\t兩萬人' \
	    $'count\t3000\t\t份\tover\t三千餘份' $'money\t100000000\t\t元\texact\t一億元' \
	    $'money\t7477200000000\t\t元\texact\t7 4 7 7 2 亿元' $'count\t1234\t\t人\texact\t1,234人' \
	    $'count\t1234\t\t人\texact\t１２３４人')"
}
