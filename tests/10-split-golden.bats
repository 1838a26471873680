#!/usr/bin/env bats
# rpt-split on the five sample reports, in all three unit modes: the exact
# TSV, checked by hand against the text (tests/golden/split-*.tsv).

setup() {
	load helper
	cd "$TESTS"
}

golden() {
	local unit=$1 doc=$2
	rpt_split -u "$unit" "corpus/$doc.txt" >"$BATS_TEST_TMPDIR/out"
	golden_diff "split-$unit-$doc.tsv"
}

@test "sentence: 000 (spaced date, run-in items)" { golden sentence 000_6b9668183397f94f; }
@test "sentence: 001 (docno, two-line title, bookmark debris, (1) under 二、)" { golden sentence 001_3dec04221fb15ce6; }
@test "sentence: 002" { golden sentence 002_5e0d0e6190e313b8; }
@test "sentence: 003 (half-width brackets, web footer)" { golden sentence 003_31e37ca5113b7cf1; }
@test "sentence: 004 (unmarked shortfalls paragraph)" { golden sentence 004_4d7abf357b95ea80; }
@test "para: 000" { golden para 000_6b9668183397f94f; }
@test "para: 001" { golden para 001_3dec04221fb15ce6; }
@test "para: 002" { golden para 002_5e0d0e6190e313b8; }
@test "para: 003" { golden para 003_31e37ca5113b7cf1; }
@test "para: 004" { golden para 004_4d7abf357b95ea80; }
@test "item: 000" { golden item 000_6b9668183397f94f; }
@test "item: 001" { golden item 001_3dec04221fb15ce6; }
@test "item: 002" { golden item 002_5e0d0e6190e313b8; }
@test "item: 003" { golden item 003_31e37ca5113b7cf1; }
@test "item: 004" { golden item 004_4d7abf357b95ea80; }
