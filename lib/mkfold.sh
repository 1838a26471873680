#!/bin/sh
# mkfold.sh - write the table of lib/fold.c (traditional -> simplified, one
# code point to one) from OpenCC's TSCharacters, to stdout or to the file
# named by $1.  make fold-table puts it into lib/fold.c; the result is
# committed, since the build and CI have no OpenCC.
#
# Kept: entries whose key is one code point and whose first candidate is
# one other code point with a UTF-8 encoding as long as the key's, so that
# folding never moves a byte offset.  A target that is itself a key is
# followed to the end of its chain, so that folding twice changes nothing.
# What is dropped, and why, is counted on stderr.
set -eu

ocd=${OPENCC_TS:-/usr/share/opencc/TSCharacters.ocd2}
command -v opencc_dict >/dev/null 2>&1 || {
	echo "mkfold.sh: opencc_dict not found (apt-get install opencc)" >&2
	exit 1
}
ver=$(dpkg-query -W -f '${Version}' opencc 2>/dev/null || echo unknown)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
opencc_dict -i "$ocd" -o "$tmp/ts.txt" -f ocd2 -t text >/dev/null

# Bytes, not characters: awk's notion of a character depends on the locale.
LC_ALL=C awk -v ver="$ver" -v src="${ocd##*/}" '
BEGIN {
	for (i = 128; i < 256; i++)
		ord[sprintf("%c", i)] = i
}

# The code point of s if s is exactly one UTF-8 character, else -1.
function cp(s,    b, n, c, i) {
	b = substr(s, 1, 1)
	b = b in ord ? ord[b] : 0
	if (b < 128)
		return length(s) == 1 ? b : -1
	n = b >= 240 ? 4 : b >= 224 ? 3 : 2
	if (length(s) != n)
		return -1
	c = b % (n == 4 ? 8 : n == 3 ? 16 : 32)
	for (i = 2; i <= n; i++)
		c = c * 64 + ord[substr(s, i, 1)] % 64
	return c
}

# The length of the UTF-8 encoding of code point c.
function ulen(c) {
	return c < 128 ? 1 : c < 2048 ? 2 : c < 65536 ? 3 : 4
}

{
	tab = index($0, "\t")
	key = substr($0, 1, tab - 1)
	first = substr($0, tab + 1)
	sp = index(first, " ")
	if (sp > 0)
		first = substr(first, 1, sp - 1)
	k = cp(key)
	t = cp(first)
	if (k < 0) {
		drop["key of more than one character"]++
	} else if (t < 0) {
		drop["first candidate of more than one character"]++
	} else if (t == k) {
		drop["first candidate is the key itself"]++
	} else if (length(key) != length(first)) {
		drop["UTF-8 lengths differ"]++
	} else {
		to[k] = t
	}
}

END {
	for (s in to) {
		k = s + 0	# a number: "for in" gives strings
		t = to[k]
		for (n = 0; (t in to) && n < 8; n++)
			t = to[t]
		if ((t in to) || t == k || ulen(t) != ulen(k)) {
			drop["chain with no end of the same length"]++
			gone[k] = 1
		} else if (t != to[k]) {
			chains++
			fin[k] = t
		}
	}
	for (k in fin)
		to[k] = fin[k]
	for (k in gone)
		delete to[k]
	for (d in drop)
		printf("mkfold.sh: dropped %d: %s\n", drop[d], d) > "/dev/stderr"
	printf("mkfold.sh: %d chains followed\n", chains) > "/dev/stderr"

	printf("/* mkfold.sh output: do not edit (make fold-table remakes it). */\n")
	printf("/*\n * Made by lib/mkfold.sh from OpenCC %s, file %s.\n", ver, src)
	pages = 1
	n = 0
	for (c = 0; c < 65536; c++) {
		if (!(c in to))
			continue
		n++
		p = int(c / 256)
		if (!(p in pg))
			pg[p] = pages++
	}
	na = 0
	for (c = 65536; c < 1114112; c++)
		if (c in to)
			astral[na++] = c
	printf(" * %d entries in the BMP on %d pages, %d beyond it.\n */\n",
	    n, pages - 1, na)
	printf("#define FOLD_PAGES\t%d\n#define FOLD_ASTRAL\t%d\n\n",
	    pages, na)

	printf("static const unsigned char fold_page[256] = {")
	i = 0
	for (p = 0; p < 256; p++)
		if (p in pg)
			printf("%s[0x%02x] = %d,", i++ % 5 ? " " : "\n\t",
			    p, pg[p])
	printf("\n};\n\n")

	printf("static const uint16_t fold_tab[FOLD_PAGES][256] = {\n")
	for (p = 0; p < 256; p++) {
		if (!(p in pg))
			continue
		printf("\t[%d] = {", pg[p])
		i = 0
		for (c = p * 256; c < p * 256 + 256; c++)
			if (c in to)
				printf("%s[0x%02x] = 0x%04x,",
				    i++ % 4 ? " " : "\n\t    ", c % 256, to[c])
		printf("\n\t},\n")
	}
	printf("};\n\n")

	printf("/* Sorted by key, for a binary search. */\n")
	printf("static const int32_t fold_astral[FOLD_ASTRAL][2] = {")
	for (i = 0; i < na; i++)
		printf("%s{ 0x%05x, 0x%05x },", i % 3 ? " " : "\n\t",
		    astral[i], to[astral[i]])
	printf("\n};\n")
	printf("/* End of mkfold.sh output. */\n")
}' "$tmp/ts.txt" >"$tmp/out.c"

if [ $# -gt 0 ]; then
	mv "$tmp/out.c" "$1"
else
	cat "$tmp/out.c"
fi
