#!/usr/bin/env bats
# rpt-split on the five sample reports, in all three unit modes: the exact
# TSV, checked by hand against the text (tests/golden/split-*.tsv; the
# commands are in tests/golden/CASES).

setup() {
	load helper
}

@test "sentence: 000 (spaced date, run-in items)" { golden_check split-sentence-000_6b9668183397f94f.tsv; }
@test "sentence: 001 (docno, two-line title, bookmark debris, (1) under 二、)" { golden_check split-sentence-001_3dec04221fb15ce6.tsv; }
@test "sentence: 002" { golden_check split-sentence-002_5e0d0e6190e313b8.tsv; }
@test "sentence: 003 (half-width brackets, web footer)" { golden_check split-sentence-003_31e37ca5113b7cf1.tsv; }
@test "sentence: 004 (unmarked shortfalls paragraph)" { golden_check split-sentence-004_4d7abf357b95ea80.tsv; }
@test "para: 000" { golden_check split-para-000_6b9668183397f94f.tsv; }
@test "para: 001" { golden_check split-para-001_3dec04221fb15ce6.tsv; }
@test "para: 002" { golden_check split-para-002_5e0d0e6190e313b8.tsv; }
@test "para: 003" { golden_check split-para-003_31e37ca5113b7cf1.tsv; }
@test "para: 004" { golden_check split-para-004_4d7abf357b95ea80.tsv; }
@test "item: 000" { golden_check split-item-000_6b9668183397f94f.tsv; }
@test "item: 001" { golden_check split-item-001_3dec04221fb15ce6.tsv; }
@test "item: 002" { golden_check split-item-002_5e0d0e6190e313b8.tsv; }
@test "item: 003" { golden_check split-item-003_31e37ca5113b7cf1.tsv; }
@test "item: 004" { golden_check split-item-004_4d7abf357b95ea80.tsv; }
