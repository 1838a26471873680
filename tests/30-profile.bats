#!/usr/bin/env bats
# Profiles (lib/profile.c), through tests/tools/profile-try: the rules of
# the built-in profiles case by case, the year rule, fallbacks, the auto
# choice, custom profile files, every kind of bad profile with its exact
# message, and a pathological pattern that must hit the match limit
# quickly instead of hanging.

setup() {
	load helper
	: "${RPT_TOOLS:?RPT_TOOLS must name the directory of the test tools}"
	T=$BATS_TEST_TMPDIR
	cd "$T" || return 1
}

try() { "$RPT_TOOLS/profile-try" "$@"; }

# parts TRY-ARGS -- TITLE...: the parts column for each title.
parts() {
	local args=()
	while [ "$1" != -- ]; do
		args+=("$1")
		shift
	done
	shift
	printf '%s\n' "$@" | try "${args[@]}" | cut -f2
}

# expect_parts TRY-ARGS -- TITLE PARTS [TITLE PARTS]...
expect_parts() {
	local args=() titles=() want=()
	while [ "$1" != -- ]; do
		args+=("$1")
		shift
	done
	shift
	while [ $# -gt 0 ]; do
		titles+=("$1")
		want+=("$2")
		shift 2
	done
	run parts "${args[@]}" -- "${titles[@]}"
	assert_success
	assert_output "$(printf '%s\n' "${want[@]}")"
}

# run_try ARGS...: stdout in $T/out, stderr in $T/err, status in $status.
run_try() {
	status=0
	try "$@" >"$T/out" 2>"$T/err" <"${STDIN:-/dev/null}" || status=$?
}

# expect_bad FILE-CONTENT (printf format) MESSAGE: the profile is refused
# with exit 2 and exactly this message.
expect_bad() {
	# shellcheck disable=SC2059 # $1 is a printf format
	printf "$1" >"$T/bad.prof"
	run_try -f bad.prof
	[ "$status" -eq 2 ] || { echo "exit status $status, expected 2"; return 1; }
	[ ! -s "$T/out" ]
	printf '%s\n' "profile-try: $2" >"$T/expected-err"
	diff -u "$T/expected-err" "$T/err"
}

# ---- fzzf ------------------------------------------------------------------

@test "fzzf: the rule order cases of the issue" {
	expect_parts -p fzzf -- \
	    '工作思路、目标举措' plans \
	    '存在的问题及下一步打算' shortfalls+plans \
	    '党政主要负责人履行推进法治建设第一责任人职责' leadership \
	    '安排' '' \
	    '主要安排' plans \
	    '2023年法治政府建设主要举措和成效' measures \
	    '存在的不足和原因' shortfalls \
	    '法治宣传教育扎实推进' ''
}

@test "fzzf: an earlier rule's text is claimed, the rest still matches" {
	# plans claims 目标举措, but the first 举措 is measures' own.
	expect_parts -p fzzf -- \
	    '主要举措和目标举措' measures+plans \
	    '目标举措和主要举措' plans+measures
}

@test "fzzf: titles match with all white space removed" {
	expect_parts -p fzzf -- \
	    '下 一 步 打 算' plans \
	    '存在的　问题' shortfalls \
	    $'下一\xe2\x80\x8b步' plans \
	    $'\xc2\xa0打算\v' plans
}

# ---- gwr -------------------------------------------------------------------

@test "gwr: white space inside a cue" {
	expect_parts -p gwr -- '名 词 解 释' other '名　词　解　释' other
}

@test "gwr: the year rule" {
	expect_parts -p gwr -y 2024 -- \
	    '2024年重点工作' plans \
	    '2023年工作回顾' review \
	    '2024年工作回顾' review \
	    '2025年经济社会发展' plans \
	    '二〇二四年经济社会发展' plans \
	    '２０２４年经济社会发展' plans \
	    '2023年经济社会发展' '' \
	    '12024年经济社会发展' ''
}

@test "gwr: the year rule is off when the report's year is unknown" {
	expect_parts -p gwr -- '2024年经济社会发展' '' '2024年重点工作' plans
}

@test "gwr: the other rules" {
	expect_parts -p gwr -y 2024 -- \
	    '政府自身建设' self \
	    '附件' other \
	    '过去五年工作回顾' review \
	    '“十四五”时期主要目标任务' plans \
	    '对今年政府工作的建议' plans \
	    '2023年工作回顾和2024年工作安排' review+plans
}

# ---- summary ---------------------------------------------------------------

@test "summary: its rules, where bare 安排 is a plans cue" {
	expect_parts -p summary -- \
	    '主要工作开展情况' achievements \
	    '存在的问题和不足' problems \
	    '下一步工作安排' plans \
	    '安排' plans \
	    '今后的努力方向' plans
}

# ---- ordering, duplicates, the year part first -----------------------------

@test "parts are ordered by where they match, ties by rule, each once" {
	printf 'a\tx\nb\ty\na\tz\nc\tx|q\n#year d\n' >p.prof
	expect_parts -f p.prof -y 2024 -- \
	    'yx' b+a \
	    'xyz' a+b \
	    'zy' a+b \
	    'q' c \
	    'qx' c+a \
	    '2024年y' d+b \
	    '2024年yx' d+b+a \
	    '' ''
}

@test "the year part comes first and is not repeated" {
	printf 'a\tx\nb\t年\n#year b\n' >p.prof
	expect_parts -f p.prof -y 2024 -- \
	    'x2024年' b+a \
	    '2023年x' b+a
}

# ---- fallbacks -------------------------------------------------------------

@test "fzzf: measures until the shortfalls, other after them" {
	expect_parts -p fzzf -l -- \
	    '主要举措和成效' measures \
	    '法治宣传教育扎实推进' measures \
	    '存在的不足和原因' shortfalls \
	    '下一步打算' plans \
	    '其他事项' other
}

@test "fzzf: a heading that carries shortfalls among others counts as seen" {
	expect_parts -p fzzf -l -- \
	    '存在的问题及下一步打算' shortfalls+plans \
	    '其他事项' other
}

@test "gwr: review until plans, then plans" {
	expect_parts -p gwr -y 2024 -l -- \
	    '民生改善取得新成效' review \
	    '2024年主要目标任务' plans \
	    '着力推进产业立市' plans \
	    '切实加强政府自身建设' self \
	    '名词解释' other
}

@test "summary: achievements until the problems, other after them" {
	expect_parts -p summary -l -- \
	    '扎实推进依法行政' achievements \
	    '存在的问题' problems \
	    '其他' other
}

@test "fallback-after: the last line whose part has been seen wins" {
	printf '#fallback f\n#fallback-after a x\n#fallback-after b y\na\ta\nb\tb\n' >p.prof
	expect_parts -f p.prof -l -- '?' f 'a' a '?' x 'b' b '?' y
	expect_parts -f p.prof -l -- 'b' b '?' y 'a' a '?' y
}

@test "no #fallback: an unmatched heading has no part" {
	printf 'a\ta\n' >p.prof
	expect_parts -f p.prof -l -- '?' '' 'a' a '?' ''
}

# ---- required parts and the profile text -----------------------------------

@test "required parts of the built-in profiles" {
	run try -p fzzf -r
	assert_output measures,shortfalls,leadership,plans
	run try -p gwr -r
	assert_output review,plans
	run try -p summary -r
	assert_output achievements,problems,plans
}

@test "#required: blanks around the commas are dropped; none gives empty" {
	printf '#required  a , b,c \n' >p.prof
	run try -f p.prof -r
	assert_success
	assert_output a,b,c
	printf 'a\tb\n' >p.prof
	run try -f p.prof -r
	assert_success
	assert_output ''
}

@test "a built-in profile printed is a profile file that matches the same" {
	titles=('工作思路、目标举措' '存在的问题及下一步打算' '安排' '名 词 解 释'
	    '2024年工作回顾' '2024年经济社会发展' '主要工作' '十三五')
	for p in fzzf gwr summary; do
		try -p "$p" -P >"$p.prof"
		grep -q "^#required " "$p.prof"
		printf '%s\n' "${titles[@]}" | try -p "$p" -y 2024 -l >a
		printf '%s\n' "${titles[@]}" | try -f "$p.prof" -y 2024 -l >b
		diff -u a b
	done
}

@test "a profile file is printed byte for byte" {
	printf '\357\273\277# mine\r\n\na\t\tx  \r\n#fallback   a\n' >p.prof
	try -f p.prof -P >out
	cmp p.prof out
}

# ---- custom profile files --------------------------------------------------

@test "a custom profile: comments, blank lines, CRLF, BOM, TABs, blanks" {
	printf '\357\273\277# a custom profile\r\n\r\n#\n## heading\n#!x\n' >p.prof
	printf '   \t\nlaw\t\t法治|依法 \t\r\nplans\t(?:下一|明)年\n' >>p.prof
	printf '#fallback   other\t\n#required law ,plans\n' >>p.prof
	expect_parts -f p.prof -l -- \
	    '依法行政' law \
	    '明 年 计 划' plans \
	    '法治建设和下一年安排' law+plans \
	    '其他' other
	run try -f p.prof -r
	assert_output law,plans
}

@test "patterns are UTF-8 with Unicode properties" {
	printf 'han\t^\\p{Han}{2}$\nnum\t^\\d+$\none\t^.$\n' >p.prof
	expect_parts -f p.prof -- '法治' han '２０' num '法' one 'ab' ''
}

@test "-p takes a file too; ./NAME is always a file" {
	printf 'mine\tx\n' >gwr
	expect_parts -p ./gwr -- x mine
	expect_parts -p gwr -- 附件 other
	mkdir sub
	printf 'sub\tx\n' >sub/p
	expect_parts -p sub/p -- x sub
}

# ---- bad profiles ----------------------------------------------------------

@test "bad profile: unknown directive" {
	expect_bad '# ok\n#fallbak measures\n' \
	    "bad.prof:2:1: unknown directive '#fallbak': directives are #fallback, #fallback-after, #required, #year and #name (write '# ' to start a comment)"
	expect_bad '#Fallback measures\n' \
	    "bad.prof:1:1: unknown directive '#Fallback': directives are #fallback, #fallback-after, #required, #year and #name (write '# ' to start a comment)"
}

@test "bad profile: no TAB between part and pattern" {
	expect_bad 'plans\t下一步\nplans 打算\n' \
	    'bad.prof:2:6: no TAB after the part name: a rule is PART<TAB>PATTERN'
	expect_bad 'plans\n' \
	    'bad.prof:1:6: no TAB after the part name: a rule is PART<TAB>PATTERN'
}

@test "bad profile: empty pattern" {
	expect_bad 'plans\t \t\n' 'bad.prof:1:7: empty pattern'
}

@test "bad profile: bad part names" {
	expect_bad 'Plans\tx\n' \
	    "bad.prof:1:1: bad part name 'Plans': use lower-case ASCII letters, digits and _"
	expect_bad '计划\tx\n' \
	    "bad.prof:1:1: bad part name '计划': use lower-case ASCII letters, digits and _"
	expect_bad 'next-year\tx\n' \
	    "bad.prof:1:5: bad part name 'next-year': use lower-case ASCII letters, digits and _"
	expect_bad '\tx\n' 'bad.prof:1:1: missing part name'
	expect_bad '#fallback Other\n' \
	    "bad.prof:1:11: bad part name 'Other': use lower-case ASCII letters, digits and _"
	expect_bad '#fallback-after a B\n' \
	    "bad.prof:1:19: bad part name 'B': use lower-case ASCII letters, digits and _"
	expect_bad '#required a,B\n' \
	    "bad.prof:1:13: bad part name 'B': use lower-case ASCII letters, digits and _"
	expect_bad '#required a,,b\n' 'bad.prof:1:13: missing part name in #required'
	expect_bad '#year 计划 x\n' \
	    "bad.prof:1:7: bad part name '计划': use lower-case ASCII letters, digits and _"
}

@test "bad profile: bad patterns, with PCRE2's message and offset" {
	expect_bad '# rules\nplans\t下一步|(打算\n' \
	    'bad.prof:2:14: bad pattern: missing closing parenthesis (offset 17 in the pattern)'
	expect_bad 'a\t\t[z-a]\n' \
	    'bad.prof:1:7: bad pattern: range out of order in character class (offset 3 in the pattern)'
	expect_bad 'a\tx{2,1}\n' \
	    'bad.prof:1:8: bad pattern: numbers out of order in {} quantifier (offset 5 in the pattern)'
	expect_bad '#year plans 回顾(\n' \
	    'bad.prof:1:16: bad pattern: missing closing parenthesis (offset 7 in the pattern)'
}

@test "bad profile: directives with the wrong arguments" {
	expect_bad '#fallback\n' 'bad.prof:1:1: #fallback takes one part'
	expect_bad '#fallback a b\n' 'bad.prof:1:1: #fallback takes one part'
	expect_bad '#fallback-after a\n' \
	    'bad.prof:1:1: #fallback-after takes two parts: SEEN PART'
	expect_bad '#required\n' \
	    'bad.prof:1:10: #required takes parts separated by commas'
	expect_bad '#year\n' \
	    'bad.prof:1:1: #year takes a part and an exception pattern'
}

@test "bad profile: a directive given twice" {
	expect_bad '#fallback a\n\n#fallback b\n' \
	    'bad.prof:3:1: #fallback given twice (first on line 1)'
	expect_bad '#required a\n#required b\n' \
	    'bad.prof:2:1: #required given twice (first on line 1)'
	expect_bad '#year a\n#year b\n' \
	    'bad.prof:2:1: #year given twice (first on line 1)'
}

@test "bad profile: not UTF-8 text" {
	expect_bad 'a\tx\nplans\t\272\363\n' \
	    'bad.prof:2:7: invalid UTF-8: a profile is UTF-8 text'
	expect_bad 'a\tx\000y\n' 'bad.prof:1:4: NUL byte: a profile is text'
}

@test "bad profile: unreadable, missing, a directory, too large, unknown name" {
	run_try -f nosuch
	[ "$status" -eq 2 ]
	assert_equal "$(cat err)" 'profile-try: nosuch: cannot open: No such file or directory'
	run_try -f .
	[ "$status" -eq 2 ]
	assert_equal "$(cat err)" 'profile-try: .: cannot read: Is a directory'
	head -c 1048577 /dev/zero | tr '\0' '#' >big
	run_try -f big
	[ "$status" -eq 2 ]
	assert_equal "$(cat err)" 'profile-try: big: larger than 1024 KiB: is it a profile?'
	run_try -p fzf
	[ "$status" -eq 2 ]
	assert_equal "$(cat err)" 'profile-try: fzf: no such built-in profile or file (the built-in profiles are fzzf, gwr and summary)'
	if [ "$(id -u)" -ne 0 ]; then
		printf 'a\tb\n' >locked
		chmod 000 locked
		run_try -f locked
		[ "$status" -eq 2 ]
		assert_equal "$(cat err)" 'profile-try: locked: cannot open: Permission denied'
	fi
}

@test "an empty profile, and one of comments only, match nothing" {
	: >p.prof
	expect_parts -f p.prof -l -- '下一步打算' ''
	printf '# nothing\n\n' >p.prof
	expect_parts -f p.prof -l -- '下一步打算' ''
}

# ---- the match limit -------------------------------------------------------

@test "a pathological pattern hits the match limit quickly, not a hang" {
	printf '# catastrophic backtracking\nslow\t(a+)+$\n' >p.prof
	{ echo ok; head -c 20000 /dev/zero | tr '\0' a; echo '!'; } >titles
	status=0
	timeout 10 "$RPT_TOOLS/profile-try" -f p.prof <titles >out 2>err ||
	    status=$?
	[ "$status" -eq 1 ]
	printf 'ok\t\n' | diff -u - out
	assert_equal "$(cat err)" "profile-try: title 2: pattern '(a+)+\$' (p.prof:2): match limit exceeded"
}

@test "a pathological #year exception hits the match limit too" {
	printf '#year plans (a+)+$\n' >p.prof
	{ printf '2024年'; head -c 20000 /dev/zero | tr '\0' a; echo '!'; } >titles
	status=0
	timeout 10 "$RPT_TOOLS/profile-try" -f p.prof -y 2024 <titles >out \
	    2>err || status=$?
	[ "$status" -eq 1 ]
	assert_equal "$(cat err)" "profile-try: title 1: pattern '(a+)+\$' (p.prof:1): match limit exceeded"
}

@test "a long title with ordinary patterns is fine" {
	{ head -c 1000000 /dev/zero | tr '\0' a; echo '下一步'; } >titles
	status=0
	timeout 10 "$RPT_TOOLS/profile-try" -p fzzf <titles | cut -f2 >out ||
	    status=$?
	[ "$status" -eq 0 ]
	assert_equal "$(cat out)" plans
}

# ---- the auto choice -------------------------------------------------------

@test "auto: by title, else by addressee and first body paragraph" {
	tab=$'\t'
	run bash -c "printf '%s\n' \
	    '2024年政府工作报告$tab$tab' \
	    '政 府 工 作 报 告$tab$tab' \
	    '关于2023年法治政府建设情况的报告${tab}县委：$tab' \
	    '2023年工作总结${tab}各位代表：${tab}法治政府建设' \
	    '关于2023年工作的报告${tab}${tab}' \
	    '${tab}各位代表：${tab}' \
	    '${tab}各位代表:${tab}' \
	    '${tab} 各 位 代 表 ： ${tab}2023年法治政府建设' \
	    '${tab}县委、县政府：${tab}2023年，我县全面推进法治政府建设。' \
	    '${tab}依法治县办：${tab}' \
	    '${tab}关于法治政府建设：${tab}' \
	    '${tab}各位代表和同志们：${tab}' \
	    ' ${tab}${tab}' | '$RPT_TOOLS/profile-try' -a"
	assert_success
	assert_output "$(printf '%s\n' gwr gwr fzzf summary summary gwr gwr gwr \
	    fzzf summary fzzf summary summary)"
}

# ---- #name and the number of parts ------------------------------------------

@test "bad profile: #name needs a part and a name, once a part" {
	expect_bad '#name\n' "bad.prof:1:1: #name takes a part and its name"
	expect_bad '#name plans\n' "bad.prof:1:12: #name takes a part and its name"
	expect_bad '#name plans   \n' "bad.prof:1:12: #name takes a part and its name"
	expect_bad '#name Plans 计划\n' \
	    "bad.prof:1:7: bad part name 'Plans': use lower-case ASCII letters, digits and _"
	expect_bad 'plans\t计划\n#name plans 工作计划\n\n#name plans 计划\n' \
	    "bad.prof:4:1: #name plans given twice (first on line 2)"
}

@test "a profile names at most 64 parts: 64 load, the 65th is refused" {
	local i
	for i in $(seq 0 63); do printf 'p%d\tx%dx\n' "$i" "$i"; done >"$T/64.prof"
	printf '%s\n' x63x x0x 'x7x x5x' x64x >"$T/titles"
	STDIN=$T/titles run_try -f 64.prof
	[ "$status" -eq 0 ]
	printf '%s\n' $'x63x\tp63' $'x0x\tp0' $'x7x x5x\tp7+p5' $'x64x\t' | diff -u - "$T/out"
	# A #name, #required or #fallback that names a 65th part counts too.
	cp "$T/64.prof" "$T/bad.prof"
	printf '#required p0,p64\n' >>"$T/bad.prof"
	run_try -f bad.prof
	[ "$status" -eq 2 ]
	echo "profile-try: bad.prof:65:14: part 'p64' is one too many: a profile names at most 64 parts" |
	    diff -u - "$T/err"
}
