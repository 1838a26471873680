#!/usr/bin/env bats
# rpt-sections: golden outlines of the five sample reports and of three
# government work reports (checked by hand against the texts), the chars
# of a heading against rpt-split, and the example of rpt-sections.1.

bats_require_minimum_version 1.5.0

setup() {
	load helper
	cd "$TESTS" || return 1
}

rpt_sections() { "$RPT_BIN/rpt-sections" "$@"; }

@test "outline: 000 (title with spaces, signature, spaced date)" { golden_check sections-000_6b9668183397f94f.tsv; }
@test "outline: 001 (docno, issuer, two-line title, addressee, (1) under 二、)" { golden_check sections-001_3dec04221fb15ce6.tsv; }
@test "outline: 002" { golden_check sections-002_5e0d0e6190e313b8.tsv; }
@test "outline: 003 (no front matter, web footer block)" { golden_check sections-003_31e37ca5113b7cf1.tsv; }
@test "outline: 004 (issuer on one line)" { golden_check sections-004_4d7abf357b95ea80.tsv; }
@test "outline: 2024 State Council report (subtitle, author on two lines)" { golden_check sections-gwr-2024-state-council.tsv; }
@test "outline: 2024 Chengdu report (unnumbered level-1 headings)" { golden_check sections-gwr-2024-chengdu.tsv; }
@test "outline: 2026 Guizhou report (bracketed dateline)" { golden_check sections-gwr-2026-guizhou.tsv; }
@test "outline: 2024 Weifang report, flattened into one line" { golden_check sections-gwr-2024-weifang.tsv; }
@test "outline: 2024 Chengde report, hard-wrapped like a PDF" { golden_check sections-gwr-2024-chengde.tsv; }

@test "hard wrap: lines cut at one width are joined into paragraphs, past a page number; headings stand alone" {
	# The paragraph of line 21 goes on past the page number of line 27,
	# which comes after it as boilerplate of its own.
	run bash -c "'$RPT_BIN/rpt-split' -N -u para corpus/real/gwr-2024-chengde.txt | head -6 | cut -f2,3,7,8"
	assert_output "$(printf '%s\n' $'1\t1\taddressee\t5' $'3\t2\tbody\t41' $'7\t3\theading\t11' $'9\t4\tbody\t149' $'21\t5\tbody\t291' $'27\t6\tboilerplate\t3')"
	# and nothing else is joined: the samples keep one paragraph per line
	run bash -c "'$RPT_BIN/rpt-split' -N -u para corpus/000_6b9668183397f94f.txt | wc -l"
	assert_output 24
}

# A heading's chars is the sum of rpt-split's paragraph chars in its section.
@test "chars of a heading: its whole section, as rpt-split counts it" {
	local f
	for f in corpus/*.txt corpus/real/*.txt; do
		rpt_sections -N "$f" | awk -F'\t' '$3 == "heading" { print $7 "\t" $10 }' >"$BATS_TEST_TMPDIR/h"
		rpt_split -N -u para "$f" | awk -F'\t' -v h="$BATS_TEST_TMPDIR/h" '
			FILENAME == h { want[$1] = $2; next }
			$7 == "heading" || $7 == "body" {
				for (p in want)
					if ($5 == p || index($5, p ".") == 1)
						got[p] += $8
			}
			END {
				for (p in want)
					if (got[p] != want[p]) {
						print FILENAME ": section " p ": " want[p] " != " got[p]
						bad = 1
					}
				exit bad
			}' "$BATS_TEST_TMPDIR/h" -
	done
}

@test "the example of rpt-sections.1" {
	golden_check man-sections-outline.out
	# The lines the page shows are the first lines of that output.
	awk '/^\$ rpt-sections report.txt/ { on = 1; next } on && /^\\&\.\.\./ { exit } on' \
	    "$TESTS/../man/rpt-sections.1" >"$BATS_TEST_TMPDIR/shown"
	[ "$(wc -l <"$BATS_TEST_TMPDIR/shown")" -ge 5 ]
	head -n "$(wc -l <"$BATS_TEST_TMPDIR/shown")" "$BATS_TEST_TMPDIR/out" |
	    diff -u "$BATS_TEST_TMPDIR/shown" -
}

@test "the level-1 example of rpt-sections.1" {
	golden_check man-sections-level1.out
	awk '/^\$ rpt-sections -N reports/ { on = 1; next } on && /^\\&\.\.\./ { exit } on' \
	    "$TESTS/../man/rpt-sections.1" >"$BATS_TEST_TMPDIR/shown"
	[ "$(wc -l <"$BATS_TEST_TMPDIR/shown")" -eq 4 ]
	head -n 4 "$BATS_TEST_TMPDIR/out" | diff -u "$BATS_TEST_TMPDIR/shown" -
}

@test "rpt-sections shares the contract: header on empty input, refusals, exit 1" {
	run bash -c "printf '' | '$RPT_BIN/rpt-sections'"
	assert_success
	assert_output "$(printf 'file\tline\tkind\tlevel\tmarker\tnum\tpath\tpart\ttitle\tchars')"
	run bash -c "'$RPT_BIN/rpt-sections' -N nosuch.txt corpus/002_5e0d0e6190e313b8.txt 2>&1 >/dev/null"
	assert_failure 1
	assert_output "rpt-sections: nosuch.txt: No such file or directory"
	run "$RPT_BIN/rpt-sections" -V
	assert_line --index 0 "rpt-sections (rpt) 0.1.0"
}

@test "-i: the enumerated items of 000 and 001, numbered within their sections" {
	golden_check sections-items-000_6b9668183397f94f.tsv
	golden_check sections-items-001_3dec04221fb15ce6.tsv
}

@test "-i: the items are exactly the units of rpt-split -u item that start with an enumerator" {
	# Alternations, not brackets: under LC_ALL=C a bracket holds bytes.
	local f cn='一|二|三|四|五|六|七|八|九|十'
	local circled='①|②|③|④|⑤|⑥|⑦|⑧|⑨|⑩|⑪|⑫|⑬|⑭|⑮|⑯|⑰|⑱|⑲|⑳'
	for f in corpus/*.txt corpus/real/*.txt; do
		rpt_sections -N -i "$f" | awk -F'\t' '$3 == "item"' | wc -l >"$BATS_TEST_TMPDIR/a"
		rpt_split -N -u item "$f" | cut -f9 | grep -c -E "^(($cn)+是|第($cn)+(，|,)|(首先|其次|再次|最后)(，|,)|$circled)" >"$BATS_TEST_TMPDIR/b" || :
		diff "$BATS_TEST_TMPDIR/a" "$BATS_TEST_TMPDIR/b" || { echo "$f"; return 1; }
	done
}

@test "--check on each sample report" {
	golden_check check-000_6b9668183397f94f.tsv
	golden_check check-001_3dec04221fb15ce6.tsv
	golden_check check-002_5e0d0e6190e313b8.tsv
	golden_check check-003_31e37ca5113b7cf1.tsv
	golden_check check-004_4d7abf357b95ea80.tsv
}

@test "--check: every code, on a made-up report" {
	printf '%s\n' '关于某镇工作情况的报告' '一、甲' '正文。' '三、乙' '正文。' '三、丙' \
	    '（一）丁' '正文。' '(二)戊' '[bookmark: _GoBack]正文。' '（1）己' '正文。' \
	    '正文。' '版权所有：某某' '网站标识码：123' >"$BATS_TEST_TMPDIR/r.txt"
	run --separate-stderr rpt_sections --check -N "$BATS_TEST_TMPDIR/r.txt" nosuch.txt
	assert_failure 1
	# shellcheck disable=SC2154 # run --separate-stderr sets it
	[ "$stderr" = "rpt-sections: nosuch.txt: No such file or directory" ]
	local f=$BATS_TEST_TMPDIR/r.txt
	assert_output "$(printf '%s\t%s\t%s\t%s\n' \
	    "$f" '' missing-part '缺少“存在的问题” / missing problems: no section of its own (profile summary)' \
	    "$f" '' missing-part '缺少“下一步打算” / missing plans: no section of its own (profile summary)' \
	    "$f" '' no-date 'no date (成文日期) found' \
	    "$f" 4 numbering-gap '三、 where number 2 was expected: numbers are skipped' \
	    "$f" 6 numbering-repeat '三、 repeats or goes back (number 4 was expected): read as body text' \
	    "$f" 9 mixed-markers '(二) is written unlike the marker of its level on line 7 (（)' \
	    "$f" 10 debris '1 piece of conversion debris removed, such as [bookmark: _GoBack]' \
	    "$f" 11 level-skip '（1） at level 3: GB/T 9704 puts （1） at level 4' \
	    "$f" 14 boilerplate '2 lines of web-page remnants, from 版权所有：某某' \
	    nosuch.txt '' refused 'could not be read: No such file or directory')"
}

@test "--check: a file read only in part has a partial finding, and the next file is read" {
	printf '一、工作\n正文。\n\377坏\n' >"$BATS_TEST_TMPDIR/p.txt"
	run --separate-stderr rpt_sections --check -N "$BATS_TEST_TMPDIR/p.txt" corpus/002_5e0d0e6190e313b8.txt
	assert_failure 1
	assert_equal "$stderr" "rpt-sections: $BATS_TEST_TMPDIR/p.txt:3:1: invalid UTF-8 byte 0xff (try -E gb18030, or iconv -f GB18030)"
	assert_equal "$(grep -c partial <<<"$output")" 1
	assert_line "$BATS_TEST_TMPDIR/p.txt		partial	read stopped at an error (on standard error): the findings are those of the part before it"
	assert_line --partial "corpus/002_5e0d0e6190e313b8.txt	"
}

@test "--check: (1) under 一、 is a level skip, told once per parent" {
	run bash -c "printf '%s\n' '一、甲' '（1）乙' '（2）丙' '二、丁' '（1）戊' | '$RPT_BIN/rpt-sections' --check -N | cut -f2- | grep -v missing-part"
	assert_output "$(printf '%s\n' $'\tno-title\tno title found' $'\tno-date\tno date (成文日期) found' \
	    $'2\tlevel-skip\t（1） at level 2: GB/T 9704 puts （1） at level 4' \
	    $'5\tlevel-skip\t（1） at level 2: GB/T 9704 puts （1） at level 4')"
}

@test "--profile=FILE: a custom profile names the parts; --print-profile prints it back" {
	printf '%s\n' '# two parts' 'work	工作|举措' 'issues	问题' '#fallback work' '#required work,issues,plans' >"$BATS_TEST_TMPDIR/p.prof"
	run bash -c "'$RPT_BIN/rpt-sections' -N --profile='$BATS_TEST_TMPDIR/p.prof' corpus/002_5e0d0e6190e313b8.txt | awk -F'\t' '\$4 == 1 { print \$7, \$8 }'"
	assert_success
	assert_output "$(printf '%s\n' '1 work' '2 issues' '3 work')"
	run "$RPT_BIN/rpt-sections" --profile="$BATS_TEST_TMPDIR/p.prof" --print-profile
	assert_success
	assert_output "$(cat "$BATS_TEST_TMPDIR/p.prof")"
	run bash -c "'$RPT_BIN/rpt-sections' -N --check --profile='$BATS_TEST_TMPDIR/p.prof' corpus/002_5e0d0e6190e313b8.txt | cut -f3,4"
	assert_line --index 0 $'missing-part\t缺少“下一年度工作计划” / missing plans: no section of its own (profile '"$BATS_TEST_TMPDIR/p.prof)"
}

@test "#name gives a part its name in --check's messages" {
	printf '%s\n' 'work	工作|举措' 'issues	问题' '#fallback work' '#required work,issues,plans,audit' \
	    '#name plans 明年怎么干' '#name work 做了什么' >"$BATS_TEST_TMPDIR/p.prof"
	run bash -c "'$RPT_BIN/rpt-sections' -N --check --profile='$BATS_TEST_TMPDIR/p.prof' corpus/002_5e0d0e6190e313b8.txt | cut -f3,4 | grep missing-part"
	assert_success
	# plans has its own name; audit has none, here or in a built-in profile
	assert_output "$(printf '%s\n' \
	    $'missing-part\t缺少“明年怎么干” / missing plans: no section of its own (profile '"$BATS_TEST_TMPDIR/p.prof)" \
	    $'missing-part\tmissing audit: no section of its own (profile '"$BATS_TEST_TMPDIR/p.prof)")"
}

@test "--print-profile shows the built-in profiles; it needs --profile" {
	run "$RPT_BIN/rpt-sections" --profile=fzzf --print-profile
	assert_success
	assert_line 'leadership	第一责任人|主要负责人|述法'
	assert_line '#required measures,shortfalls,leadership,plans'
	assert_line '#name plans 下一年度工作计划'
	run "$RPT_BIN/rpt-sections" --profile=gwr --print-profile
	assert_line '#name plans 今年工作安排'
	run "$RPT_BIN/rpt-sections" --print-profile
	assert_failure 2
	assert_output "$(printf '%s\n' 'rpt-sections: --print-profile needs --profile=NAME|FILE' "Try 'rpt-sections --help'.")"
}

@test "a bad profile is a usage error naming its line and column" {
	printf 'measures\t举措\nplans\t(下一步\n' >"$BATS_TEST_TMPDIR/bad.prof"
	run "$RPT_BIN/rpt-sections" --profile="$BATS_TEST_TMPDIR/bad.prof" corpus/002_5e0d0e6190e313b8.txt
	assert_failure 2
	# The column is where PCRE2 found the error: the end of the pattern.
	assert_line --index 0 "rpt-sections: $BATS_TEST_TMPDIR/bad.prof:2:11: bad pattern: missing closing parenthesis (offset 10 in the pattern)"
	printf '#fallbak measures\n' >"$BATS_TEST_TMPDIR/bad2.prof"
	run "$RPT_BIN/rpt-split" --profile="$BATS_TEST_TMPDIR/bad2.prof" corpus/002_5e0d0e6190e313b8.txt
	assert_failure 2
	assert_line --index 0 --regexp "^rpt-split: .*/bad2.prof:1:"
	run "$RPT_BIN/rpt-split" --profile=nosuch corpus/002_5e0d0e6190e313b8.txt
	assert_failure 2
	assert_output "$(printf '%s\n' 'rpt-split: nosuch: no such built-in profile or file (the built-in profiles are fzzf, gwr and summary)' "Try 'rpt-split --help'.")"
}

@test "a pathological pattern hits the match limit: an error for that file, no hang" {
	printf 'slow\t(a+)+$\n' >"$BATS_TEST_TMPDIR/slow.prof"
	{ printf '一、'; head -c 20000 /dev/zero | tr '\0' a; printf 'b\n正文。\n'; } >"$BATS_TEST_TMPDIR/slow.txt"
	run --separate-stderr timeout 10 "$RPT_BIN/rpt-sections" -N --profile="$BATS_TEST_TMPDIR/slow.prof" \
	    "$BATS_TEST_TMPDIR/slow.txt" corpus/002_5e0d0e6190e313b8.txt
	assert_failure 1
	[[ $stderr == *"slow.txt: profile "*"slow.prof, line 1: pattern (a+)+\$: "*"limit"* ]]
	# the next file is still read
	[[ $output == *"corpus/002_5e0d0e6190e313b8.txt"* ]]
}

@test "a profile rule that defeats the per-start match limit ends on the step budget: an error for that file, no hang" {
	local n=1048570
	[ -z "${RPT_UNDER_VALGRIND:-}" ] || n=16378
	printf 'slow\t(?:a|a){1,18}(?!)\n' >"$BATS_TEST_TMPDIR/slow.prof"
	{ printf '一、'; head -c $n /dev/zero | tr '\0' a; printf '\n正文。\n'; } >"$BATS_TEST_TMPDIR/slow.txt"
	run --separate-stderr timeout 60 "$RPT_BIN/rpt-sections" -N --profile="$BATS_TEST_TMPDIR/slow.prof" \
	    "$BATS_TEST_TMPDIR/slow.txt" corpus/002_5e0d0e6190e313b8.txt
	assert_failure 1
	assert_equal "$stderr" "rpt-sections: $BATS_TEST_TMPDIR/slow.txt: profile $BATS_TEST_TMPDIR/slow.prof, line 1: pattern (?:a|a){1,18}(?!): match limit exceeded"
	[[ $output == *"corpus/002_5e0d0e6190e313b8.txt"* ]]
}

@test "one run over many files gives the rows of each file read alone (nothing carries over)" {
	local f
	for t in rpt-sections rpt-split; do
		"$RPT_BIN/$t" -N "$CORPUS"/*.txt "$CORPUS"/real/*.txt >"$BATS_TEST_TMPDIR/all"
		for f in "$CORPUS"/*.txt "$CORPUS"/real/*.txt; do
			"$RPT_BIN/$t" -N "$f"
		done >"$BATS_TEST_TMPDIR/each"
		cmp "$BATS_TEST_TMPDIR/all" "$BATS_TEST_TMPDIR/each"
	done
}
