/*
 * text-test - rpt_count_han(), rpt_count_leads(), rpt_count_chars() and
 * rpt_count_high() (which have SSE2 fast paths) against plain counts (of
 * rpt_is_han(), of the bytes that are not continuation bytes, of the
 * characters that are not rpt_is_space(), of the bytes 80-FF), on strings
 * made of the code points at the edges of every Han block, the white-space
 * characters and their neighbours, and the byte patterns the fast paths
 * test, at every alignment and length; rpt_line_end() against the same
 * counts up to the first LF or CR; and rpt_memmem() against a plain
 * search.  The edges include …, ① and the other characters that send a
 * block of rpt_count_chars() to its exact test.
 *
 * Prints "text-test: N passed, M failed"; exits 1 when a case failed.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "utf8put.h"


static size_t
naive(const char *p, size_t n)
{
	size_t i = 0, count = 0;
	int32_t c;

	while (i < n) {
		i += rpt_utf8_decode(p + i, n - i, &c);
		count += rpt_is_han(c) != 0;
	}
	return count;
}

static size_t
naive_leads(const char *p, size_t n)
{
	size_t i, count = 0;

	for (i = 0; i < n; i++)
		count += ((unsigned char)p[i] & 0xc0) != 0x80;
	return count;
}

static size_t
naive_chars(const char *p, size_t n)
{
	size_t i = 0, count = 0;
	int32_t c;

	while (i < n) {
		i += rpt_utf8_decode(p + i, n - i, &c);
		count += !rpt_is_space(c);
	}
	return count;
}

static size_t
naive_high(const char *p, size_t n)
{
	size_t i, count = 0;

	for (i = 0; i < n; i++)
		count += (unsigned char)p[i] >= 0x80;
	return count;
}

/*
 * rpt_line_end() on p[0, n) against the plain counts of the text before
 * the first LF or CR; and rpt_line_end_avx2() where the machine has AVX2.
 */
static void
line_cases(const char *p, size_t n, int round, int *pass, int *fail)
{
	static const struct {
		const char	*name;
		size_t		(*fn)(const char *, size_t,
				    struct rpt_line_count *);
	} scans[] = {
		{ "rpt_line_end", rpt_line_end },
#ifdef RPT_HAVE_AVX2
		{ "rpt_line_end_avx2", rpt_line_end_avx2 },
#endif
	};
	struct rpt_line_count lc;
	size_t end, i, k;
	int debris = 0, esc = 0;

	for (end = 0; end < n && p[end] != '\n' && p[end] != '\r'; end++)
		;
	for (i = 0; i < end; i++) {
		debris |= rpt_debris_byte((unsigned char)p[i]);
		esc |= (unsigned char)p[i] < 0x0e || p[i] == '\\';
	}
	for (k = 0; k < sizeof(scans) / sizeof(scans[0]); k++) {
#ifdef RPT_HAVE_AVX2
		if (k > 0 && !rpt_have_avx2())
			break;
#endif
		memset(&lc, 0, sizeof(lc));
		if (scans[k].fn(p, n, &lc) == end &&
		    lc.cont == end - naive_leads(p, end) &&
		    lc.ws == naive_leads(p, end) - naive_chars(p, end) &&
		    lc.debris == debris && lc.esc == esc)
			(*pass)++;
		else if ((*fail)++ < 5)
			printf("FAIL %s round %d, %zu bytes: end %zu, "
			    "cont %zu, ws %zu, debris %d, esc %d\n",
			    scans[k].name, round, n, end,
			    end - naive_leads(p, end),
			    naive_leads(p, end) - naive_chars(p, end), debris,
			    esc);
	}
}

static const char *
naive_memmem(const char *h, size_t hn, const char *nd, size_t nn)
{
	size_t i;

	for (i = 0; i + nn <= hn; i++)
		if (memcmp(h + i, nd, nn) == 0)
			return h + i;
	return nn == 0 ? h : NULL;
}

/*
 * rpt_memmem() (sixteen starts a step where SSE2 is there) against a plain
 * search: haystacks of the needles' bytes and their near misses (E3 80 81
 * for 。, E3 xx 82), a needle at every place or none, every length.
 */
static void
memmem_cases(int *pass, int *fail)
{
	static const char *const needles[] = {
		"。", "签发人", "是", " ", "ab", "a", "[]{#", NULL
	};
	static const char *const parts[] = {
		"。", "、", "\xe3\x81\x82", "签发", "人", "是", "a", "b", " ",
		"{#", "[]", "x", "\xe3", "\x82",
	};
	enum { NPARTS = sizeof(parts) / sizeof(parts[0]) };
	char h[256];
	const char *const *nd;
	const char *want, *got;
	size_t hn, nn, k, off;
	unsigned seed = 7;
	int round;

	for (nd = needles; *nd != NULL; nd++) {
		nn = strlen(*nd);
		for (round = 0; round < 3000; round++) {
			off = (size_t)round % 16;
			memset(h, 'x', off);
			hn = off;
			while (hn < off + (size_t)round % 90) {
				seed = seed * 1103515245U + 12345U;
				k = strlen(parts[(seed >> 16) % NPARTS]);
				memcpy(h + hn, parts[(seed >> 16) % NPARTS], k);
				hn += k;
			}
			want = naive_memmem(h + off, hn - off, *nd, nn);
			got = rpt_memmem(h + off, hn - off, *nd, nn);
			if (want == got)
				(*pass)++;
			else if ((*fail)++ < 5)
				printf("FAIL rpt_memmem round %d, needle %s: at %td, "
				    "not %td\n", round, *nd, want ? want - h : -1,
				    got ? got - h : -1);
		}
	}
}

/* Each counter with its plain count, what it counts and its name. */
static const struct count {
	size_t		(*naive)(const char *, size_t);
	size_t		(*fast)(const char *, size_t);
	const char	*what, *name;
} counts[] = {
	{ naive_leads, rpt_count_leads, "leads", "rpt_count_leads" },
	{ naive_chars, rpt_count_chars, "non-white", "rpt_count_chars" },
	{ naive_high, rpt_count_high, "high", "rpt_count_high" },
	{ naive, rpt_count_han, "Han", "rpt_count_han" },
};
#define NCOUNTS	(sizeof(counts) / sizeof(counts[0]))

int
main(void)
{
	static const int32_t edge[] = {
		'a', ' ', 0xe9, 0x7ff, 0x3000, 0x3002, 0x3006, 0x3007, 0x3008,
		0x33ff, 0x3400, 0x3401, 0x3fff, 0x4000, 0x4db5, 0x4dbf,
		0x4dc0, 0x4dff, 0x4e00, 0x4e01, 0x4fff, 0x5000, 0x9fa5,
		0x9fff, 0xa000, 0xf8ff, 0xf900, 0xfaff, 0xfb00, 0xff0c,
		0xff10, 0xfffd, 0x10000, 0x1f600, 0x1ffff, 0x20000, 0x2a6d6,
		0x3134f, 0x31350, 0x10ffff,
		/* White space and its neighbours. */
		'\t', '\n', '\r', 0x01, 0x08, 0x0b, 0x0c, 0x0e, 0x1f, '\\',
		0x84, 0x85,
		0x86, 0x9f, 0xa0, 0xa1, 0x167f, 0x1680, 0x1681, 0x1fff, 0x2000,
		0x2005, 0x200d, 0x200e, 0x2014, 0x201c, 0x2027, 0x2028, 0x2029,
		0x202a, 0x202e, 0x202f, 0x2030, 0x205e, 0x205f, 0x2060, 0x2061,
		0x2026, 0x2460, 0x2469, 0x2103, 0x2122, 0x1680, 0xfebf, 0x3080,
		'[', 0xc3, 0xe1, 0x1e3f, 0x101, 0xbf, 0xc0, 0x1ff, 0x200,
		0x2080, 0x3001, 0x3002, 0x3040, 0xfeff, 0xfefe, 0xfebf, 0xff0c,
	};
	enum { NEDGE = sizeof(edge) / sizeof(edge[0]) };
	static char buf[NEDGE * 4 * 64 + 64];
	size_t len, k, want, got;
	const struct count *c;
	int pass = 0, fail = 0, round, off, i;
	unsigned seed = 1;

	for (round = 0; round < 2000; round++) {
		/* A pseudo-random sequence of edge code points. */
		off = round % 16;
		memset(buf, 'x', (size_t)off);
		len = (size_t)off;
		for (i = 0; i < 1 + round % 200; i++) {
			seed = seed * 1103515245U + 12345U;
			len += put(buf + len, edge[(seed >> 16) % NEDGE]);
		}
		/* Every prefix length that ends on a character boundary. */
		for (k = (size_t)off; k <= len; k++) {
			if (k < len && ((unsigned char)buf[k] & 0xc0) == 0x80)
				continue;
			for (c = counts; c < counts + NCOUNTS; c++) {
				want = c->naive(buf + off, k - (size_t)off);
				got = c->fast(buf + off, k - (size_t)off);
				if (want == got)
					pass++;
				else if (fail++ < 5)
					printf("FAIL round %d, %zu bytes: %zu %s, "
					    "%s says %zu\n", round,
					    k - (size_t)off, want, c->what,
					    c->name, got);
			}
			line_cases(buf + off, k - (size_t)off, round, &pass,
			    &fail);
		}
		/*
		 * rpt_count_leads_to() from every place to every place on
		 * (it may read back 16 bytes from its end, inside buf).
		 */
		for (k = 0; k <= len && round % 10 == 0; k++)
			for (want = k; want <= len; want++) {
				if (rpt_count_leads_to(buf, k, want) ==
				    naive_leads(buf + k, want - k))
					pass++;
				else if (fail++ < 5)
					printf("FAIL round %d: rpt_count_leads_to "
					    "%zu to %zu\n", round, k, want);
			}
	}
	memmem_cases(&pass, &fail);
	printf("text-test: %d passed, %d failed\n", pass, fail);
	return fail > 0;
}
