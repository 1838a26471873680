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
 * flags), rpt_count_items() and rpt_count_han() give.
 */
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"

static struct rpt_splitter *sp[3][4];

static void
split(const char *text, size_t n)
{
	static struct rpt_buf want, got;
	struct rpt_measures ms;
	const struct rpt_span *s;
	size_t prev_end, k;
	long m, i, items;
	int u, f;
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
	rpt_measure(p, n, 0, &ms);
	CHECK(ms.sents == 0 && ms.items == 0 &&
	    ms.han == rpt_count_han(p, n));
	for (u = 0; u < 3; u++)
		for (f = 0; f < 4; f++) {
			m = rpt_split(sp[u][f], p, n, &s);
			CHECK(m >= 0);
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
			for (f = 0; f < 4; f++)
				if ((sp[u][f] = rpt_splitter_new((enum rpt_unit)u,
				    f)) == NULL)
					abort();
	fuzz_paragraphs(data, size, split);
	return 0;
}
