/*
 * fold-test - rpt_fold() on the traditional characters of report titles
 * and headings, and on text that must not change; the table's promises
 * over every code point (same UTF-8 length, folding twice is folding
 * once); rpt_fold_utf8() copying and in place.
 *
 * TAP: one line per check, then "fold-test: N passed, M failed"; exits 1
 * when a check failed.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rpt.h"
#include "tap.h"
#include "utf8put.h"


/* Pairs of characters: traditional, then its simplified form. */
static const char pairs[] =
    "發发區区國国會会號号機机構构報报說说責责書书記记務务設设領领"
    "習习貫贯徹彻條条項项個个萬万億亿兩两處处後后裡里關关於于";

/* Characters that must stay as they are. */
static const char kept[] = "法治政府建设年度报告A1。〔";

static void
check_pairs(void)
{
	size_t i = 0, n = strlen(pairs);
	int32_t t, s;
	int bad = 0;

	while (i < n) {
		i += rpt_utf8_decode(pairs + i, n - i, &t);
		i += rpt_utf8_decode(pairs + i, n - i, &s);
		if (rpt_fold(t) != s && bad++ < 3)
			printf("# U+%04X folds to U+%04X, want U+%04X\n",
			    (unsigned)t, (unsigned)rpt_fold(t), (unsigned)s);
		if (rpt_fold(s) != s && bad++ < 3)
			printf("# U+%04X changes\n", (unsigned)s);
	}
	check(bad == 0, "traditional folds to simplified, simplified stays");
}

static void
check_kept(void)
{
	size_t i = 0, n = strlen(kept);
	int32_t c;
	int bad = 0;

	while (i < n) {
		i += rpt_utf8_decode(kept + i, n - i, &c);
		bad += rpt_fold(c) != c;
	}
	check(bad == 0, "simplified, ASCII and punctuation unchanged");
}

/*
 * Over every code point: the target has the key's UTF-8 length and folds
 * to itself; nothing below U+0800 folds (rpt_fold_utf8 skips those bytes).
 */
static void
check_all(void)
{
	char a[4], b[4];
	int32_t c, f;
	int badlen = 0, twice = 0, low = 0, entries = 0;

	for (c = 0; c <= 0x10ffff; c++) {
		if (c == 0xd800)
			c = 0xe000;
		f = rpt_fold(c);
		if (f == c)
			continue;
		entries++;
		low += c < 0x800;
		if (put(a, c) != put(b, f) && badlen++ < 3)
			printf("# U+%04X -> U+%04X changes length\n",
			    (unsigned)c, (unsigned)f);
		if (rpt_fold(f) != f && twice++ < 3)
			printf("# U+%04X -> U+%04X -> U+%04X\n", (unsigned)c,
			    (unsigned)f, (unsigned)rpt_fold(f));
	}
	printf("# %d code points fold\n", entries);
	check(entries > 3000, "the table is there");
	check(badlen == 0, "every entry keeps its UTF-8 length");
	check(twice == 0, "folding is idempotent");
	check(low == 0, "nothing below U+0800 folds");
	check(rpt_fold(-1) == -1 && rpt_fold(0x110000) == 0x110000,
	    "out of range unchanged");
}

/* rpt_fold_utf8, which looks 3-byte characters up itself, agrees. */
static void
check_agree(void)
{
	char b[5];
	size_t k;
	int32_t c, d;
	int bad = 0;

	for (c = 0; c <= 0x10ffff; c++) {
		if (c == 0xd800)
			c = 0xe000;
		k = put(b + 1, c);
		b[0] = 'a';
		rpt_fold_utf8(b, b, k + 1);
		rpt_utf8_decode(b + 1, k, &d);
		if ((b[0] != 'a' || d != rpt_fold(c)) && bad++ < 3)
			printf("# U+%04X: rpt_fold_utf8 gives U+%04X\n",
			    (unsigned)c, (unsigned)d);
	}
	check(bad == 0, "rpt_fold_utf8 agrees with rpt_fold everywhere");
}

static void
check_utf8(void)
{
	const char *t = "司法部關於2021年法治政府建設年度情況的報告";
	const char *s = "司法部关于2021年法治政府建设年度情况的报告";
	char buf[128];
	size_t n = strlen(t);

	check(strlen(s) == n, "folded title has the same byte length");
	memset(buf, 'x', sizeof(buf));
	check(rpt_fold_utf8(buf, t, n) == 1 && memcmp(buf, s, n) == 0 &&
	    buf[n] == 'x', "rpt_fold_utf8 folds the title, returns 1");
	check(rpt_fold_utf8(buf, s, strlen(s)) == 0 &&
	    memcmp(buf, s, n) == 0, "simplified text: 0, copied as is");
	memcpy(buf, t, n);
	check(rpt_fold_utf8(buf, buf, n) == 1 && memcmp(buf, s, n) == 0,
	    "in place");
	check(rpt_fold_utf8(buf, buf, n) == 0, "in place again: 0");
	check(rpt_fold_utf8(buf, "", 0) == 0, "empty");
	/* Beyond the BMP: 𩀨 -> 𫕚, 4 bytes each, between ASCII. */
	memcpy(buf, "a\xf0\xa9\x80\xa8z", 6);
	check(rpt_fold_utf8(buf, buf, 6) == 1 &&
	    memcmp(buf, "a\xf0\xab\x95\x9az", 6) == 0, "4-byte characters");
}

int
main(void)
{
	check_pairs();
	check_kept();
	check_all();
	check_agree();
	check_utf8();
	return tap_end("fold-test");
}
