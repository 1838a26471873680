#!/usr/bin/env bats
# rpt-stats: golden rows, agreement with the other filters on every report
# in tests/, refused and partial files, patterns and their errors.

bats_require_minimum_version 1.5.0

setup() {
	load helper
	cd "$TESTS" || return 1
}

rpt() { local f=$1; shift; "$RPT_BIN/$f" "$@"; }

# col NAME: the column NAME of rpt-stats -N output on stdin, by position.
col() {
	local i
	i=$(rpt rpt-stats /dev/null | head -1 | tr '\t' '\n' | grep -nx "$1" | cut -d: -f1)
	cut -f"$i"
}

@test "golden TSV: the five samples and three government work reports" {
	golden_check stats.tsv
}

@test "golden long form (-l): one row per metric, each part its own key" {
	golden_check stats-long-001_3dec04221fb15ce6.tsv
}

@test "the counts agree with rpt-split, rpt-sections and rpt-numbers on every report in tests/" {
	local f n=0 s
	for f in corpus/*.txt corpus/real/*.txt; do
		s=$(rpt rpt-stats -N "$f")
		[ "$(cut -f2 <<<"$s")" = ok ]
		# paras and sents: rpt-split's units of kind heading or body
		[ "$(col paras <<<"$s")" = "$(rpt rpt-split -N -u para "$f" |
		    awk -F'\t' '$7 == "heading" || $7 == "body"' | wc -l)" ]
		[ "$(col sents <<<"$s")" = "$(rpt rpt-split -N "$f" |
		    awk -F'\t' '$7 == "heading" || $7 == "body"' | wc -l)" ]
		# avg_sent: their mean length, one decimal
		[ "$(col avg_sent <<<"$s")" = "$(rpt rpt-split -N "$f" |
		    awk -F'\t' '$7 == "heading" || $7 == "body" { c += $8; n++ }
		    END { if (n) printf "%.1f", c / n }')" ]
		# headings and depth: rpt-sections' heading rows
		[ "$(col headings <<<"$s")" = "$(rpt rpt-sections -N "$f" |
		    awk -F'\t' '$3 == "heading"' | wc -l)" ]
		[ "$(col depth <<<"$s")" = "$(rpt rpt-sections -N "$f" |
		    awk -F'\t' '$3 == "heading" && $4 > d { d = $4 } END { print d + 0 }')" ]
		# items: rpt-sections -i item rows
		[ "$(col items <<<"$s")" = "$(rpt rpt-sections -N -i "$f" |
		    awk -F'\t' '$3 == "item"' | wc -l)" ]
		# quantities and percents: rpt-numbers' rows
		[ "$(col quantities <<<"$s")" = "$(rpt rpt-numbers -N "$f" | wc -l)" ]
		[ "$(col percents <<<"$s")" = "$(rpt rpt-numbers -N --kinds=percent "$f" | wc -l)" ]
		# missing: rpt-sections --check's missing-part findings
		[ "$(col missing <<<"$s")" = "$(rpt rpt-sections -N --check "$f" |
		    awk -F'\t' '$3 == "missing-part"' |
		    sed 's/.*missing \([a-z_+]*\):.*/\1/' | paste -sd, -)" ]
		n=$((n + 1))
	done
	[ "$n" -ge 14 ]
}

@test "a refused file has its row, status refused; a partial one says so; exit 1" {
	printf 'PK\003\004xxxx' >"$BATS_TEST_TMPDIR/a.docx"
	printf '标题报告\n\n法治法治，第一段。\n\n\377坏\n' >"$BATS_TEST_TMPDIR/bad.txt"
	cd "$BATS_TEST_TMPDIR" || return 1
	run -1 --separate-stderr rpt rpt-stats -N -e fz=法治 a.docx bad.txt
	assert_equal "$(printf '%s\n' "$output" | cut -f1-4,10-13,22-23)" \
	    "$(printf '%s\n' $'a.docx\trefused\t\t\t\t\t\t\t\t' \
	    $'bad.txt\tpartial\tutf-8\tsummary\t13\t11\t1\t1\t0\t2')"
	[ "$(printf '%s\n' "$output" | awk -F'\t' '{ print NF }' | sort -u)" = 23 ]
	# shellcheck disable=SC2154 # run --separate-stderr sets it
	assert_equal "$stderr" "$(printf '%s\n' \
	    'rpt-stats: a.docx: not a readable ZIP archive (Not a zip archive): a truncated or damaged file?' \
	    'rpt-stats: bad.txt:5:1: invalid UTF-8 byte 0xff (try -E gb18030, or iconv -f GB18030)')"
}

@test "the header is the same whatever the profile; patterns add columns in order" {
	local h
	h=$(rpt rpt-stats /dev/null | head -1)
	[ "$h" = "$(rpt rpt-stats --profile=gwr /dev/null | head -1)" ]
	[ "$h" = $'file\tstatus\tencoding\tprofile\ttitle\tdocno\tissuer\tyear\tdate\tchars\than\tparas\tsents\tavg_sent\theadings\tdepth\titems\tquantities\tpercents\tparts\tmissing\tboilerplate_chars' ]
	[ "$(rpt rpt-stats -e b=x -e a=y /dev/null | head -1)" = "$h"$'\tb\ta' ]
}

@test "-e counts matches in the report proper, not in web remnants; -f reads NAME<TAB>PATTERN" {
	printf '%s\n' '关于某镇2023年法治政府建设情况的报告' '' \
	    '坚持枫桥经验，发展枫桥经验。学习习近平法治思想。' '' \
	    '版权所有 枫桥经验 ICP备12345号' >"$BATS_TEST_TMPDIR/r.txt"
	printf '%s\n' '# tracked phrases' '' $'fengqiao\t枫桥经验' \
	    $'xi\t习近平(新时代中国特色社会主义思想|法治思想)' >"$BATS_TEST_TMPDIR/p.tsv"
	run rpt rpt-stats -N -f "$BATS_TEST_TMPDIR/p.tsv" -e empty='(?=经验)' \
	    "$BATS_TEST_TMPDIR/r.txt"
	assert_success
	assert_equal "$(cut -f23- <<<"$output")" $'2\t1\t2'
}

@test "pattern errors: bad names and bad patterns are usage errors (exit 2)" {
	run -2 rpt rpt-stats -e Fz=x
	assert_output "$(printf '%s\n' "rpt-stats: invalid pattern name 'Fz' (lower-case ASCII letters, digits and _)" "Try 'rpt-stats --help'.")"
	run -2 rpt rpt-stats -e 'fz=(a'
	assert_output "$(printf '%s\n' "rpt-stats: bad pattern fz: missing closing parenthesis (offset 2 in the pattern)" "Try 'rpt-stats --help'.")"
	run -2 rpt rpt-stats -e chars=a
	assert_output "$(printf '%s\n' "rpt-stats: pattern name 'chars' is a column of rpt-stats" "Try 'rpt-stats --help'.")"
	run -2 rpt rpt-stats -e a=1 -e a=2
	assert_output "$(printf '%s\n' "rpt-stats: pattern name 'a' given twice" "Try 'rpt-stats --help'.")"
	run -2 rpt rpt-stats -e abc
	assert_output "$(printf '%s\n' "rpt-stats: -e wants NAME=PATTERN, not 'abc'" "Try 'rpt-stats --help'.")"
	printf '%s\n' $'ok\tx' 'no tab here' >"$BATS_TEST_TMPDIR/p.tsv"
	run -2 rpt rpt-stats -f "$BATS_TEST_TMPDIR/p.tsv"
	assert_output "$(printf '%s\n' "rpt-stats: $BATS_TEST_TMPDIR/p.tsv:2: expected NAME<TAB>PATTERN" "Try 'rpt-stats --help'.")"
}

@test "catastrophic patterns over a 1 MiB line end on the step budget, each file with its own: one error per file and pattern" {
	local n=1048575
	# (valgrind interprets, some 100 times slower: a shorter line)
	[ -z "${RPT_UNDER_VALGRIND:-}" ] || n=16383
	{ head -c $n /dev/zero | tr '\0' a; printf 'b\n'; } >"$BATS_TEST_TMPDIR/a.txt"
	cp "$BATS_TEST_TMPDIR/a.txt" "$BATS_TEST_TMPDIR/b.txt"
	run -1 --separate-stderr timeout 60 "$RPT_BIN/rpt-stats" -N -e 'bad=(a+)+$' \
	    -e 'worse=(?:a|a){1,18}(?!)' -e good=b "$BATS_TEST_TMPDIR/a.txt" "$BATS_TEST_TMPDIR/b.txt"
	assert_equal "$(cut -f1,2,23- <<<"$output")" \
	    "$(printf '%s\tok\t\t\t1\n' "$BATS_TEST_TMPDIR/a.txt" "$BATS_TEST_TMPDIR/b.txt")"
	assert_equal "$stderr" "$(for f in a b; do
		printf 'rpt-stats: %s: pattern %s: match limit exceeded, not counted\n' \
		    "$BATS_TEST_TMPDIR/$f.txt" 'bad ((a+)+$)' "$BATS_TEST_TMPDIR/$f.txt" 'worse ((?:a|a){1,18}(?!))'
	done)"
}

@test "the step budget starts over with each file: a file after one that spent it all is counted" {
	{ head -c 100000 /dev/zero | tr '\0' a; printf 'b\n'; } >"$BATS_TEST_TMPDIR/a.txt"
	printf 'aaaaaaaaaaaab。\n' >"$BATS_TEST_TMPDIR/small.txt"
	run -1 --separate-stderr timeout 60 "$RPT_BIN/rpt-stats" -N -e 'worse=(?:a|a){1,18}(?!)|b' \
	    "$BATS_TEST_TMPDIR/a.txt" "$BATS_TEST_TMPDIR/small.txt"
	assert_equal "$(cut -f1,23 <<<"$output")" \
	    "$(printf '%s\t\n%s\t1' "$BATS_TEST_TMPDIR/a.txt" "$BATS_TEST_TMPDIR/small.txt")"
	assert_equal "$stderr" "rpt-stats: $BATS_TEST_TMPDIR/a.txt: pattern worse ((?:a|a){1,18}(?!)|b): match limit exceeded, not counted"
}

@test "a pattern that scans every sentence stays within the step budget on every report" {
	run --separate-stderr "$RPT_BIN/rpt-stats" -N -e 'scan=[^。]*法治' -e 'lazy=.*?。' "$CORPUS"/*.txt "$CORPUS"/real/*.txt
	assert_success
	assert_equal "$stderr" ""
	# every report has sentences, and the counts are numbers
	run awk -F'\t' '$24 < 1 || $23 !~ /^[0-9]+$/' <<<"$output"
	assert_output ""
}

@test "a plain pattern (no callouts) counts what the same pattern in a group (with them) counts" {
	run --separate-stderr "$RPT_BIN/rpt-stats" -N -e 'plain=改革|[一二]是|法治.|^关于' \
	    -e 'grouped=(?:改革|[一二]是|法治.|^关于)' "$CORPUS"/*.txt "$CORPUS"/real/*.txt
	assert_success
	assert_equal "$stderr" ""
	run awk -F'\t' '$23 != $24 || $23 == 0' <<<"$output"
	assert_output ""
}

@test "a pattern that hits the match limit is an error for that file, quickly; the row stays" {
	awk 'BEGIN { s = ""; for (i = 0; i < 100000; i++) s = s "a"; print s "b" }' \
	    >"$BATS_TEST_TMPDIR/a.txt"
	run -1 --separate-stderr timeout 10 "$RPT_BIN/rpt-stats" -N -e 'bad=(a+)+$' \
	    -e good=b "$BATS_TEST_TMPDIR/a.txt"
	assert_equal "$(cut -f2,23- <<<"$output")" $'ok\t\t1'
	assert_equal "$stderr" "rpt-stats: $BATS_TEST_TMPDIR/a.txt: pattern bad ((a+)+\$): match limit exceeded, not counted"
}
