/*
 * check.c - fuzz target of rpt-sections --check (rpt_check_*).
 *
 * The input is read through the document model (paras.h; a built-in
 * profile or auto, chosen by the input's hash) and its paragraphs are fed
 * to checkers (for one input in 64 the document repeated to make about
 * 1500 paragraphs):
 *
 *  A. a new checker;
 *  B. the same after rpt_check_reset() in the middle of a document, and
 *     after rpt_check_refused(): it must find the very findings of A;
 *  C. the refusal itself, with a reason cut from the input.
 *
 * Every finding is checked:
 *
 *  - its code is one of rpt_finding_name()'s; its detail is valid UTF-8
 *    without NUL, CR or LF, at most RPT_FINDING_MAX bytes, not empty;
 *  - its line is 0 for those of the document as a whole (missing-part,
 *    no-title, no-date, partial, refused) and a paragraph's otherwise,
 *    within the document; findings come in line order;
 *  - no-title and no-date come exactly when no paragraph is a title or a
 *    date, partial when asked for, last of the document's; debris,
 *    unmarked-part, numbering-gap and numbering-repeat once for each
 *    paragraph that has them, mixed-markers at most once per family,
 *    buried-part at most once per missing part;
 *  - missing-part once for each required part of the profile that no
 *    level-1 heading has.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "paras.h"

/* Paragraphs fed in a long run, at least: the document repeated. */
#define FEED	1500

/* What the paragraphs say the findings must be. */
struct want {
	size_t		 count[RPT_F_NCODES];
	size_t		 titles, dates;
	long		 maxline;
	uint64_t	 have;
	struct rpt_profile *profile;
};

static int
same(const struct rpt_buf *a, const struct rpt_buf *b)
{
	return a->len == b->len &&
	    (a->len == 0 || memcmp(a->p, b->p, a->len) == 0);
}

static int
whole(enum rpt_finding_code c)
{
	return c == RPT_F_MISSING_PART || c == RPT_F_NO_TITLE ||
	    c == RPT_F_NO_DATE || c == RPT_F_PARTIAL || c == RPT_F_REFUSED;
}

/* Check the findings of c against w; write them to rec. */
static void
check_findings(const struct rpt_check *c, const struct want *w, int stopped,
    struct rpt_buf *rec)
{
	const struct rpt_finding *f;
	size_t n, i, count[RPT_F_NCODES];
	struct rpt_parts missing;
	const char *name;
	char tmp[32];
	long line = 0;

	memset(count, 0, sizeof(count));
	rec->len = 0;
	n = rpt_check_findings(c, &f);
	for (i = 0; i < n; i++) {
		CHECK((unsigned)f[i].code < RPT_F_NCODES);
		CHECK((name = rpt_finding_name(f[i].code)) != NULL);
		CHECK(f[i].detail_len > 0 &&
		    f[i].detail_len <= RPT_FINDING_MAX);
		CHECK(fuzz_utf8_valid(f[i].detail, f[i].detail_len));
		CHECK(memchr(f[i].detail, '\0', f[i].detail_len) == NULL &&
		    memchr(f[i].detail, '\n', f[i].detail_len) == NULL &&
		    memchr(f[i].detail, '\r', f[i].detail_len) == NULL);
		CHECK(whole(f[i].code) ? f[i].line == 0 :
		    f[i].line >= 1 && f[i].line <= w->maxline);
		CHECK(f[i].line >= line);
		line = f[i].line;
		if (f[i].code == RPT_F_PARTIAL)
			CHECK(i + 1 == n || f[i + 1].line > 0);
		count[f[i].code]++;
		snprintf(tmp, sizeof(tmp), "%ld\t", f[i].line);
		fuzz_append(rec, tmp, strlen(tmp));
		fuzz_append(rec, name, strlen(name));
		fuzz_append(rec, "\t", 1);
		fuzz_append(rec, f[i].detail, f[i].detail_len);
		fuzz_append(rec, "\n", 1);
	}
	CHECK(rpt_finding_name(RPT_F_NCODES) == NULL);
	CHECK(count[RPT_F_REFUSED] == 0);
	CHECK(count[RPT_F_PARTIAL] == (stopped ? 1 : 0));
	CHECK(count[RPT_F_NO_TITLE] == (w->titles == 0));
	CHECK(count[RPT_F_NO_DATE] == (w->dates == 0));
	CHECK(count[RPT_F_DEBRIS] == w->count[RPT_F_DEBRIS]);
	CHECK(count[RPT_F_UNMARKED_PART] == w->count[RPT_F_UNMARKED_PART]);
	CHECK(count[RPT_F_NUMBERING_GAP] == w->count[RPT_F_NUMBERING_GAP]);
	CHECK(count[RPT_F_NUMBERING_REPEAT] ==
	    w->count[RPT_F_NUMBERING_REPEAT]);
	CHECK(count[RPT_F_MIXED_MARKERS] <= 4);
	memset(&missing, 0, sizeof(missing));
	if (w->profile != NULL)
		rpt_profile_missing(w->profile, w->have, &missing);
	CHECK(count[RPT_F_MISSING_PART] == (size_t)missing.n);
	CHECK(count[RPT_F_BURIED_PART] <= (size_t)missing.n);
}

/*
 * Feed the first n paragraphs (the document repeated) to c and check the
 * findings; they go to rec.
 */
static void
run(struct rpt_check *c, const struct paras *ps, size_t n, int stopped,
    struct rpt_buf *rec)
{
	struct rpt_para pa;
	struct want w;
	size_t i;

	memset(&w, 0, sizeof(w));
	/* The profile's step budget starts over, as with each document. */
	if (ps->list[0].profile != NULL)
		rpt_profile_reset(ps->list[0].profile);
	for (i = 0; i < n; i++) {
		pa = paras_at(ps, i);
		CHECK(rpt_check_para(c, &pa) == 0);
		if (pa.profile != NULL)
			w.profile = pa.profile;
		if (pa.kind == RPT_K_HEADING && pa.depth == 1)
			w.have |= pa.parts;
		w.titles += pa.kind == RPT_K_TITLE;
		w.dates += pa.kind == RPT_K_DATE;
		w.count[RPT_F_DEBRIS] += pa.debris > 0;
		w.count[RPT_F_UNMARKED_PART] += pa.implicit != 0;
		w.count[RPT_F_NUMBERING_GAP] += pa.family != RPT_FAM_NONE &&
		    pa.numbering == RPT_NUM_GAP;
		w.count[RPT_F_NUMBERING_REPEAT] += pa.family != RPT_FAM_NONE &&
		    pa.numbering == RPT_NUM_REPEAT;
		if (pa.line > w.maxline)
			w.maxline = pa.line;
	}
	CHECK(rpt_check_finish(c, ps->doc, stopped) == 0);
	check_findings(c, &w, stopped, rec);
}

/* C: a refusal is one finding, whatever the reason. */
static void
refuse(struct rpt_check *c, const struct paras *ps)
{
	const struct rpt_finding *f;
	const char *reason = ps->list[ps->n - 1].p;
	size_t len = ps->list[ps->n - 1].len;

	CHECK(rpt_check_refused(c, reason, len) == 0);
	CHECK(rpt_check_findings(c, &f) == 1);
	CHECK(f[0].code == RPT_F_REFUSED && f[0].line == 0);
	CHECK(f[0].detail_len <= RPT_FINDING_MAX &&
	    fuzz_utf8_valid(f[0].detail, f[0].detail_len));
	CHECK(f[0].detail_len >= 19 &&
	    memcmp(f[0].detail, "could not be read: ", 19) == 0);
	CHECK(memcmp(f[0].detail + 19, reason, f[0].detail_len - 19) == 0);
	/* A long one is cut before a character, not inside. */
	if (19 + len <= RPT_FINDING_MAX)
		CHECK(f[0].detail_len == 19 + len);
	else
		CHECK(f[0].detail_len > RPT_FINDING_MAX - 4);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct paras ps;
	static struct rpt_buf rec1, rec2;
	struct rpt_check *c;
	size_t i, n;
	uint32_t h = fuzz_hash(data, size);
	int stopped;

	if (paras_read_by(&ps, data, size, h, &stopped) == -1 || ps.n == 0)
		return 0;
	n = (h >> 8) % 64 == 0 ? ps.n * ((FEED + ps.n - 1) / ps.n) : ps.n;
	stopped |= (h & 0x10) != 0;

	/* A: new. */
	CHECK((c = rpt_check_new()) != NULL);
	run(c, &ps, n, stopped, &rec1);
	rpt_check_free(c);
	/* B: reset in the middle of a document and after a refusal. */
	CHECK((c = rpt_check_new()) != NULL);
	for (i = 0; i < ps.n / 2 + 1; i++) {
		struct rpt_para pa = paras_at(&ps, i);

		CHECK(rpt_check_para(c, &pa) == 0);
	}
	rpt_check_reset(c);
	run(c, &ps, n, stopped, &rec2);
	CHECK(same(&rec1, &rec2));
	refuse(c, &ps);
	rpt_check_reset(c);
	run(c, &ps, n, stopped, &rec2);
	CHECK(same(&rec1, &rec2));
	rpt_check_free(c);
	return 0;
}
