/*
 * split.c - fuzz target of the sentence and item splitter (rpt_split,
 * rpt_count_items, rpt_enumerator).
 *
 * The input is text: it is made valid UTF-8 (ill-formed bytes, NUL, CR and
 * LF become U+FFFD, so that every line is a paragraph the model could hand
 * on), and each of its lines is split, and so are all its lines joined
 * into one (as the model joins hard-wrapped lines), in every unit mode
 * (para, sentence, item) with and without RPT_SPLIT_SEMICOLON and
 * RPT_SPLIT_NO_CHARS, from a buffer of exactly the paragraph's length.
 * Every split must keep the lossless property of rpt.h: its units are
 * non-empty, trimmed, inside the paragraph, in order without overlap, cut
 * at character boundaries, and together hold every non-white character of
 * the paragraph; there are none only for an all-white paragraph; chars is
 * each unit's number of non-white characters (0 with NO_CHARS); para mode
 * gives one unit; rpt_count_items() is the number of item units that
 * start with an enumerator (rpt_enumerator()), whose length fits the unit;
 * rpt_measure() gives, in its one pass, what rpt_split() (sentences, no
 * flags), rpt_count_items() and rpt_count_han() give.  rpt_split_known(),
 * told the paragraph's non-white characters, cuts the same units as
 * rpt_split(); and rpt_split_plain() says, after either, whether the
 * paragraph has a byte that TSV escapes (\\ TAB LF CR) whenever the
 * units' characters are counted (sentences and items without NO_CHARS),
 * and never says it has none when it has.  The scanners' AVX2 and SSE2
 * paths (RPT_SPLIT_NO_AVX2, RPT_M_NO_AVX2) give the same, where the
 * machine has AVX2; the scalar one is make check-scalar's.
 */
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"

/* Per unit, and per flags: SEMICOLON, NO_CHARS, NO_AVX2. */
#define FLAGS	8
static struct rpt_splitter *sp[3][FLAGS];

/* Has p a byte that rpt_tsv_field() escapes? */
static int
has_escape(const char *p, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (p[i] == '\\' || p[i] == '\t' || p[i] == '\n' || p[i] == '\r')
			return 1;
	return 0;
}

/*
 * What rpt_split_plain() must say after a split of p by a splitter of
 * unit u and flags f: 1 or 0; -1 where it does not look, and says 0.
 */
static int
plain_want(int u, int f, const char *p, size_t n)
{
	if (has_escape(p, n))
		return 0;
	return u == RPT_U_PARA || (f & RPT_SPLIT_NO_CHARS) ? -1 : 1;
}

static void
split(const char *text, size_t n)
{
	static struct rpt_buf want, got;
	static struct rpt_span *copy;
	static size_t cap;
	struct rpt_measures ms;
	const struct rpt_span *s, *ks, *avx2[FLAGS];
	size_t prev_end, k, nonwhite;
	long m, km, i, items, navx2[FLAGS];
	struct rpt_measures ms2;
	int u, f, pw;
	char *p;

	p = fuzz_copy(text, n);
	want.len = 0;
	if (fuzz_nonwhite(&want, p, n) == -1)
		abort();
	items = rpt_count_items(p, n);
	CHECK(items >= 0);
	/* rpt_measure()'s one pass counts what the separate calls count. */
	rpt_measure(p, n, RPT_M_UNITS, &ms);
	CHECK(ms.items == items && ms.han == rpt_count_han(p, n));
	rpt_measure(p, n, RPT_M_UNITS | RPT_M_NO_AVX2, &ms2);
	CHECK(ms2.sents == ms.sents && ms2.items == ms.items &&
	    ms2.han == ms.han);
	rpt_measure(p, n, 0, &ms);
	CHECK(ms.sents == 0 && ms.items == 0 &&
	    ms.han == rpt_count_han(p, n));
	rpt_measure(p, n, RPT_M_NO_AVX2, &ms2);
	CHECK(ms2.sents == 0 && ms2.items == 0 && ms2.han == ms.han);
	for (u = 0; u < 3; u++)
		for (f = 0; f < FLAGS; f++) {
			m = rpt_split(sp[u][f], p, n, &s);
			CHECK(m >= 0);
			pw = plain_want(u, f, p, n);
			CHECK(rpt_split_plain(sp[u][f]) == (pw == 1));
			/*
			 * The same told the count, which takes the pass that
			 * does not look for white space when there is none.
			 */
			if ((size_t)m >= cap) {
				cap = (size_t)m + 16;
				if ((copy = realloc(copy, cap *
				    sizeof(*copy))) == NULL)
					abort();
			}
			if (m > 0)
				memcpy(copy, s, (size_t)m * sizeof(*s));
			nonwhite = rpt_count_chars(p, n);
			km = rpt_split_known(sp[u][f], p, n, nonwhite, &ks);
			CHECK(km == m && (m == 0 ||
			    memcmp(ks, copy, (size_t)m * sizeof(*ks)) == 0));
			CHECK(rpt_split_plain(sp[u][f]) == (pw == 1));
			s = copy;
			/*
			 * The splitters without NO_AVX2 come first: the units
			 * of f's AVX2 pass stay in sp[u][f] for f | NO_AVX2's.
			 */
			if (f & RPT_SPLIT_NO_AVX2)
				CHECK(navx2[f & ~RPT_SPLIT_NO_AVX2] == m && (m == 0 ||
				    memcmp(avx2[f & ~RPT_SPLIT_NO_AVX2], s,
				    (size_t)m * sizeof(*s)) == 0));
			else {
				avx2[f] = ks;
				navx2[f] = m;
			}
			if (u == RPT_U_SENTENCE && f == 0) {
				rpt_measure(p, n, RPT_M_UNITS, &ms);
				CHECK(ms.sents == m);
			}
			CHECK((m == 0) == (want.len == 0));
			if (u == RPT_U_PARA)
				CHECK(m == (want.len > 0));
			got.len = 0;
			prev_end = 0;
			k = 0;
			for (i = 0; i < m; i++) {
				CHECK(s[i].len > 0 && s[i].off >= prev_end &&
				    s[i].off <= n && s[i].len <= n - s[i].off);
				CHECK(fuzz_boundary(p, n, s[i].off) &&
				    fuzz_boundary(p, n, s[i].off + s[i].len));
				CHECK(fuzz_trimmed(p + s[i].off, s[i].len));
				CHECK(s[i].chars == ((f & RPT_SPLIT_NO_CHARS) ? 0 :
				    rpt_count_chars(p + s[i].off, s[i].len)));
				prev_end = s[i].off + s[i].len;
				if (fuzz_nonwhite(&got, p + s[i].off, s[i].len) == -1)
					abort();
				if (u == RPT_U_ITEM) {
					size_t e = rpt_enumerator(p + s[i].off,
					    s[i].len);

					CHECK(e <= s[i].len);
					k += e > 0;
				}
			}
			CHECK(got.len == want.len &&
			    (want.len == 0 || memcmp(got.p, want.p, want.len) == 0));
			if (u == RPT_U_ITEM)
				CHECK((long)k == items);
		}
	free(p);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	int u, f;

	if (sp[0][0] == NULL)
		for (u = 0; u < 3; u++)
			for (f = 0; f < FLAGS; f++)
				if ((sp[u][f] = rpt_splitter_new((enum rpt_unit)u,
				    f)) == NULL)
					abort();
	fuzz_paragraphs(data, size, split);
	return 0;
}
