#!/usr/bin/env bats
# rpt in its ecosystem: every filter's output through Miller (and back),
# SQLite, datamash and sort; GNU parallel and xargs -P against one run; the
# cron script of README.md.

bats_require_minimum_version 1.5.0

setup() {
	load helper
	PATH=$RPT_BIN:$PATH
	cd "$BATS_TEST_TMPDIR" || return 1
	# A report whose fields hold a TAB, a backslash, a leading " and a
	# newline-free name with a TAB and a newline in it.
	name=$'odd\tname\nx.txt'
	printf '%s\n' '关于某镇2023年法治政府建设情况的报告' '' \
	    $'"引号开头\t制表符\\反斜杠，共调解纠纷34件，满意率98%以上。' '' \
	    '一、主要举措和成效' '' '发放资料4000余份。' >"$name"
	cp "$CORPUS/000_6b9668183397f94f.txt" plain.txt
}

# Every filter, with its main variants.
commands() {
	printf '%s\n' 'rpt-split' 'rpt-split -u para -k' 'rpt-split -u item' \
	    'rpt-sections' 'rpt-sections -i' 'rpt-sections --check' \
	    'rpt-numbers' 'rpt-numbers -a' 'rpt-stats' 'rpt-stats -l' \
	    'rpt-stats -e fz=法治'
}

@test "Miller: every filter's TSV goes to JSON and back unchanged, and decodes TAB, backslash, quote and newline" {
	local c
	while IFS= read -r c; do
		$c "$name" plain.txt >out.tsv || [ $? -eq 1 ]
		mlr --itsv --ojson cat out.tsv >out.json || fail "mlr cannot read $c"
		mlr --ijson --otsv cat out.json >back.tsv
		cmp out.tsv back.tsv || fail "$c: TSV -> JSON -> TSV changed it"
	done < <(commands)
	# The values themselves, as JSON strings.
	# shellcheck disable=SC2016,SC1010 # Miller's expression and its then
	rpt-split -u para "$name" | mlr --itsv --ojsonl filter '$line == 3' then cut -o -f file,text >got
	assert_equal "$(cat got)" '{"file": "odd\tname\nx.txt", "text": "\"引号开头\t制表符\\反斜杠，共调解纠纷34件，满意率98%以上。"}'
}

@test "SQLite: through Miller's CSV, every filter's output loads with its row and column counts" {
	local c rows cols
	while IFS= read -r c; do
		$c "$name" plain.txt >out.tsv || [ $? -eq 1 ]
		rows=$(($(mlr --itsv --ojsonl cat out.tsv | wc -l)))
		cols=$(head -1 out.tsv | awk -F'\t' '{ print NF }')
		mlr --itsv --ocsv cat out.tsv >out.csv
		run sqlite3 :memory: '.import --csv out.csv t' 'select count(*) from t' \
		    'select count(*) from pragma_table_info("t")'
		assert_success
		assert_output "$(printf '%s\n' "$rows" "$cols")"
	done < <(commands)
	# The field with the quote and the TAB arrives whole.
	rpt-split -u para "$name" | mlr --itsv --ocsv cat >p.csv
	run sqlite3 :memory: '.import --csv p.csv p' 'select text from p where line = 3'
	assert_output $'"引号开头\t制表符\\反斜杠，共调解纠纷34件，满意率98%以上。'
}

@test "datamash --header-in: a grouped sum of value after selecting kinds; sort after the header" {
	run bash -c "rpt-numbers --kinds=count '$CORPUS'/00[04]*.txt | datamash --header-in -s -g 1 count 7 sum 7 | sed 's|.*/||'"
	assert_success
	assert_output "$(printf '%s\n' $'000_6b9668183397f94f.txt\t10\t140' $'004_4d7abf357b95ea80.txt\t18\t11219')"
	run bash -c "rpt-numbers --kinds=count,money '$CORPUS'/*.txt | tail -n +2 | sort -t\$'\\t' -k7,7gr | head -1 | cut -f7,11"
	assert_success
	assert_output $'13000\t1.3万元'
}

@test "GNU parallel --keep-order -X gives the rows of one run; xargs -P, one file per process, the same rows" {
	local files=("$CORPUS"/*.txt "$CORPUS"/real/*.txt) f
	for f in rpt-stats rpt-split rpt-numbers; do
		$f -N "${files[@]}" >one.tsv
		parallel --will-cite --keep-order -X -j2 $f -N ::: "${files[@]}" >par.tsv
		cmp one.tsv par.tsv
		rm -f out.*
		# shellcheck disable=SC2016 # for the inner shell
		printf '%s\0' "${files[@]}" |
		    xargs -0 -P2 -n3 sh -c "$f"' -N "$@" >"$(mktemp out.XXXXXX)"' sh
		cmp <(sort one.tsv) <(cat out.* | sort)
	done
	[ "$(rpt-stats -N "${files[@]}" | wc -l)" -eq "${#files[@]}" ]
}

# The cron script of README.md, as rpt-cron in ./bin.
cron_script() {
	mkdir -p bin
	awk '/^```sh$/ { on = 1; next } /^```$/ { on = 0 } on' "$TESTS/../README.md" >bin/rpt-cron
	chmod +x bin/rpt-cron
	grep -q 'rpt-stats -N' bin/rpt-cron
}

@test "the cron script: new reports only, refused ones included, and a run cut short adds nothing" {
	cron_script
	mkdir shared
	cp "$CORPUS/000_6b9668183397f94f.txt" shared/a.txt
	printf 'PK\003\004' >shared/b.txt
	run -0 bin/rpt-cron shared
	assert_equal "$(cut -f1,2 shared/summary.tsv | sort)" "$(printf '%s\n' $'./a.txt\tok' $'./b.txt\trefused')"
	# Nothing new: nothing added.
	run -0 bin/rpt-cron shared
	[ "$(wc -l <shared/summary.tsv)" -eq 2 ]
	# Two new reports, and an rpt-stats that dies after the first row.
	cp "$CORPUS/001_3dec04221fb15ce6.txt" shared/c.txt
	cp "$CORPUS/002_5e0d0e6190e313b8.txt" shared/d.txt
	mkdir fake
	printf '%s\n' '#!/bin/sh' "\"$RPT_BIN/rpt-stats\" \"\$@\" | head -1" 'kill -9 $$' >fake/rpt-stats
	chmod +x fake/rpt-stats
	run env PATH="$PWD/fake:$PATH" bin/rpt-cron shared
	assert_failure
	[ "$(wc -l <shared/summary.tsv)" -eq 2 ]
	# The next good run does them.
	run -0 bin/rpt-cron shared
	assert_equal "$(cut -f1,2 shared/summary.tsv | sort)" "$(printf '%s\n' $'./a.txt\tok' \
	    $'./b.txt\trefused' $'./c.txt\tok' $'./d.txt\tok')"
	grep -q 'b.txt: not a readable ZIP archive' shared/rpt-cron.log
}
