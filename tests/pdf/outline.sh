#!/bin/sh
# outline.sh BIN: for each PDF text of tests/pdf (pdftotext with and
# without -layout), the differences between the outline rpt-sections BIN
# gives of it and NAME.outline.tsv, the outline of the text it was typeset
# from: kind, level, marker, number, path, part, title and chars of every
# row but page boilerplate, line numbers aside.  No difference prints the
# file name alone.  tests/pdf/known.diff is what it prints today (make
# check compares): each difference there is one the text cannot tell.
set -u
bin=${1:?usage: outline.sh BIN}
cd "$(dirname "$0")" || exit 2
tmp=${TMPDIR:-/tmp}/rpt-pdf-outline.$$
trap 'rm -f "$tmp".got "$tmp".want' EXIT
for f in ./*.txt; do
	case $f in *.autospace.*) continue ;; esac
	n=${f#./}
	n=${n%.txt}
	n=${n%.layout}
	"$bin" -N -i "$f" | cut -f3-10 | grep -v '^boilerplate' >"$tmp.got"
	grep -v '^boilerplate' "$n.outline.tsv" >"$tmp.want"
	echo "== ${f#./}"
	diff "$tmp.got" "$tmp.want"
done
exit 0
