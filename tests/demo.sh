#!/bin/sh
# make demo: what the rpt filters make of the five sample township reports.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
PATH=$here/../bin:$PATH
cd "$here/corpus"
reports="000_6b9668183397f94f.txt 001_3dec04221fb15ce6.txt 002_5e0d0e6190e313b8.txt 003_31e37ca5113b7cf1.txt 004_4d7abf357b95ea80.txt"

# Align TSV columns when column(1) is there; plain TSV otherwise.
table() {
	if command -v column >/dev/null 2>&1; then
		column -t -s "$(printf '\t')"
	else
		cat
	fi
}

echo "== The outline of 001: its heading rows (section, text)"
rpt-split 001_3dec04221fb15ce6.txt |
    awk -F'\t' 'NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; next }
	$c["kind"] == "heading" { print $c["section"] "\t" $c["text"] }' | table
echo
echo "== Per report: paragraphs, sentences, enumerated items, headings"
{
	printf 'file\tparas\tsentences\titems\theadings\n'
	for f in $reports; do
		p=$(rpt-split -N -u para "$f" | wc -l)
		s=$(rpt-split -N "$f" | wc -l)
		i=$(rpt-split -N -u item "$f" | wc -l)
		h=$(rpt-split -N -u para "$f" | awk -F'\t' '$7 == "heading"' | wc -l)
		printf '%s\t%s\t%s\t%s\t%s\n' "$f" $p $s $i $h
	done
} | table
echo
echo "== Sentences that several reports share (rpt-split -k, grouped by key)"
rpt-split -N -k $reports |
    awk -F'\t' '{ if (!seen[$10, $1]++) n[$10]++; if (!($10 in t)) t[$10] = $9 }
	END { for (k in n) if (n[k] > 1) print n[k] "\t" t[k] }' |
    sort -t "$(printf '\t')" -k1,1nr -k2 | head -5 | table
echo
echo "== Short sentences of 000, as rpt-split writes them"
rpt-split 000_6b9668183397f94f.txt | awk -F'\t' 'NR == 1 || ($8 < 20 && n++ < 6)' | table
echo
echo "== Which reports lack a required part (rpt-sections --check)"
rpt-sections --check -N $reports | awk -F'\t' '$3 == "missing-part" || $3 == "buried-part" || $3 == "unmarked-part" { print $1 "\t" $2 "\t" $3 "\t" $4 }' | table
echo
echo "== The figures of 000 and what they count (rpt-numbers)"
rpt-numbers 000_6b9668183397f94f.txt | cut -f2,6,7,9,10,11,12 | table
