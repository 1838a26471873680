#!/bin/sh
# make demo: what the rpt filters make of the five sample township reports.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
PATH=$here/../bin:$PATH
cd "$here/corpus"
set -- 000_6b9668183397f94f.txt 001_3dec04221fb15ce6.txt 002_5e0d0e6190e313b8.txt \
    003_31e37ca5113b7cf1.txt 004_4d7abf357b95ea80.txt

# Align TSV columns when column(1) is there; plain TSV otherwise.
table() {
	if command -v column >/dev/null 2>&1; then
		column -t -s "$(printf '\t')"
	else
		cat
	fi
}

# The columns of rpt-stats by name, so that the demo reads like the table.
stats_cols() {
	awk -F'\t' -v want="$1" 'NR == 1 { n = split(want, w, ","); for (i = 1; i <= NF; i++) c[$i] = i }
	{ line = ""; for (i = 1; i <= n; i++) line = line (i > 1 ? "\t" : "") $c[w[i]]; print line }'
}

echo "== One row per report (rpt-stats): what it is, how big, how built, how concrete"
rpt-stats "$@" | stats_cols file,year,title,chars,sents,avg_sent,headings,items,quantities,percents | table
echo
echo "== The parts each report has, with their size in characters, and what it lacks"
rpt-stats "$@" | stats_cols file,parts,missing | table
echo
echo "== The ten units figures come in most, and a clause that says what one counted (rpt-numbers)"
rpt-numbers -N "$@" | awk -F'\t' '$9 != "" { n[$9]++; if ($12 != "" && !($9 in c)) c[$9] = $12 "  " $11 }
	END { for (u in n) print n[u] "\t" u "\t" c[u] }' |
    sort -t "$(printf '\t')" -k1,1nr -k2 | head -10 | table
echo
echo "== The outline of 001 (rpt-sections: level, marker, part, title)"
rpt-sections 001_3dec04221fb15ce6.txt | awk -F'\t' '$3 == "heading" { print $4 "\t" $5 "\t" $8 "\t" $9 }' | table
echo
echo "== Sentences that several reports share (rpt-split -k, grouped by key)"
rpt-split -N -k "$@" |
    awk -F'\t' '{ if (!seen[$10, $1]++) n[$10]++; if (!($10 in t)) t[$10] = $9 }
	END { for (k in n) if (n[k] > 1) print n[k] "\t" t[k] }' |
    sort -t "$(printf '\t')" -k1,1nr -k2 | head -5 | table
