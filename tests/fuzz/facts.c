/*
 * facts.c - fuzz target of a document's facts and counts (rpt_facts_*,
 * rpt_stats_*).
 *
 * The input is a file: it is decoded (auto-detected, invalid sequences
 * replaced), its lines pushed into a document model, and every settled
 * paragraph fed to a facts gatherer and a counter with three patterns.
 * The document is read three times: with new objects; after a reset, by
 * objects that have just read the first half of it (which must give the
 * very same facts and counts); and with a built-in profile set.  What is
 * checked, against a count of its own over the same paragraphs:
 *
 *  - the text facts are never NULL, are valid UTF-8, and a title, 发文字号
 *    or date is found exactly when a paragraph of its kind was; the issuer
 *    is the signature when there are no issuer lines; the date is
 *    YYYY-MM-DD;
 *  - titles, dates, paras, headings and depth are the paragraphs' own;
 *    chars and boilerplate_chars together are every paragraph's
 *    characters and debris; text_chars those of headings and body;
 *  - the parts' sizes have distinct non-empty names, each a paragraph's
 *    part, and add up to at most text_chars, which is at most chars;
 *    rpt_part_sizes_format() writes them as NAME:CHARS joined by ',';
 *  - have is the union of the parts of level-1 headings; missing is the
 *    profile's required parts not in have, in #required's order, so that
 *    missing and have are disjoint and missing is within the required
 *    parts; without a profile both are empty;
 *  - the counts: han at most chars, percents at most quantities, and
 *    every pattern counted (none fails on a few KiB).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"

static const char *const taken[] = { "file", "chars", NULL };
static const char *const pats[][2] = {
	{ "fz", "法治" }, { "num", "[0-9]+" }, { "empty", "x*" }
};
#define NPATS	(sizeof(pats) / sizeof(pats[0]))

/* What the paragraphs say, counted here. */
struct want {
	size_t		 titles, title_paras, docnos, issuers, signatures;
	size_t		 dates, subtitles, paras, headings, chars, text_chars;
	size_t		 other;		/* all characters, debris included */
	int		 depth;
	uint64_t	 have;
	struct rpt_buf	 parts;		/* every paragraph's part, NUL-ended */
};

static void
feed(struct rpt_facts *f, struct rpt_stats *s, struct want *w,
    const struct rpt_para *p)
{
	size_t chars = rpt_para_chars(p);

	CHECK(rpt_facts_para(f, p) == 0);
	CHECK(rpt_stats_para(s, p) == 0);
	if (w == NULL)
		return;
	w->other += chars + p->debris_chars;
	if (p->kind == RPT_K_BOILERPLATE)
		return;
	w->chars += chars;
	w->title_paras += p->kind == RPT_K_TITLE;
	w->titles += p->kind == RPT_K_TITLE && !p->joined;
	w->docnos += p->kind == RPT_K_DOCNO;
	w->issuers += p->kind == RPT_K_ISSUER;
	w->signatures += p->kind == RPT_K_SIGNATURE;
	w->dates += p->kind == RPT_K_DATE;
	w->subtitles += p->kind == RPT_K_SUBTITLE;
	if (p->kind == RPT_K_HEADING || p->kind == RPT_K_BODY) {
		w->paras++;
		w->text_chars += chars;
	}
	if (p->kind == RPT_K_HEADING) {
		w->headings++;
		if (p->depth > w->depth)
			w->depth = p->depth;
		if (p->depth == 1)
			w->have |= p->parts;
	}
	fuzz_append(&w->parts, p->part, strlen(p->part) + 1);
}

/* Read the lines [0, n) of the input into d, f and s. */
static void
run(struct rpt_doc *d, struct rpt_facts *f, struct rpt_stats *s,
    struct want *w, const struct rpt_buf *text, const size_t *off,
    const size_t *len, size_t n)
{
	struct rpt_line line = { NULL, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 };
	struct rpt_para pa;
	char *copy;
	size_t i;

	rpt_doc_reset(d);
	rpt_facts_reset(f);
	rpt_stats_reset(s);
	for (i = 0; i < n; i++) {
		copy = fuzz_copy(text->p + off[i], len[i]);
		line.p = copy;
		line.len = len[i];
		line.num = (long)i + 1;
		CHECK(rpt_doc_push(d, &line) >= 0);
		while (rpt_doc_next(d, &pa) == 1)
			feed(f, s, w, &pa);
		free(copy);
	}
	rpt_doc_finish(d);
	while (rpt_doc_next(d, &pa) == 1)
		feed(f, s, w, &pa);
	CHECK(rpt_doc_error(d) == NULL);
}

static int
text_ok(const char *p, size_t n)
{
	return p != NULL && fuzz_utf8_valid(p, n) && memchr(p, '\0', n) == NULL;
}

/* Is the part [p, p + n) one of the NUL-ended names in parts? */
static int
part_seen(const struct rpt_buf *parts, const char *p, size_t n)
{
	size_t i, k;

	for (i = 0; i < parts->len; i += k + 1) {
		k = strlen(parts->p + i);
		if (k == n && memcmp(parts->p + i, p, n) == 0)
			return 1;
	}
	return 0;
}

static void
check(const struct rpt_doc_facts *x, const struct rpt_text_stats *t,
    const struct rpt_stats *s, const struct rpt_doc *d, const struct want *w)
{
	const struct rpt_parts *req;
	struct rpt_buf b = { NULL, 0, 0 };
	uint64_t set = 0;
	size_t i, j, sum = 0;
	int k;

	CHECK(text_ok(x->title, x->title_len) && text_ok(x->docno, x->docno_len));
	CHECK(text_ok(x->issuer, x->issuer_len));
	CHECK(text_ok(x->signature, x->signature_len));
	CHECK(text_ok(x->date, x->date_len) && x->profile != NULL);
	CHECK((x->title_len > 0) == (w->titles > 0) && x->titles == w->titles);
	CHECK((x->docno_len > 0) == (w->docnos > 0));
	CHECK((x->signature_len > 0) == (w->signatures > 0));
	CHECK((x->issuer_len > 0) == (w->issuers + w->signatures > 0));
	if (w->issuers == 0)
		CHECK(x->issuer_len == x->signature_len && (x->issuer_len == 0 ||
		    memcmp(x->issuer, x->signature, x->issuer_len) == 0));
	CHECK(x->date_len == 0 || x->date_len == 10);
	if (x->date_len > 0)
		CHECK(w->dates + w->subtitles > 0 && x->date[4] == '-' &&
		    x->date[7] == '-' && strspn(x->date, "0123456789-") == 10);
	CHECK(x->year == rpt_doc_year(d));
	CHECK(strcmp(x->profile, rpt_doc_profile(d)) == 0);
	CHECK(x->dates == w->dates && x->paras == w->paras);
	CHECK(x->headings == w->headings && x->depth == w->depth);
	CHECK(x->chars == w->chars && x->text_chars == w->text_chars);
	CHECK(x->chars + x->boilerplate_chars == w->other);
	CHECK(x->text_chars <= x->chars);

	for (i = 0; i < x->nsizes; i++) {
		CHECK(x->sizes[i].name != NULL && x->sizes[i].name_len > 0);
		CHECK(part_seen(&w->parts, x->sizes[i].name,
		    x->sizes[i].name_len));
		for (j = 0; j < i; j++)
			CHECK(x->sizes[j].name_len != x->sizes[i].name_len ||
			    memcmp(x->sizes[j].name, x->sizes[i].name,
			    x->sizes[i].name_len) != 0);
		sum += x->sizes[i].chars;
	}
	CHECK(sum <= x->text_chars);
	CHECK(rpt_part_sizes_format(x, &b) == 0);
	CHECK(b.p != NULL && strlen(b.p) == b.len);
	for (i = 0, j = 0; i < x->nsizes; i++) {
		CHECK(j + x->sizes[i].name_len < b.len + 1 &&
		    memcmp(b.p + j, x->sizes[i].name, x->sizes[i].name_len) == 0 &&
		    b.p[j + x->sizes[i].name_len] == ':');
		j += x->sizes[i].name_len + 1;
		CHECK((size_t)strtoull(b.p + j, NULL, 10) == x->sizes[i].chars);
		j += strspn(b.p + j, "0123456789");
		CHECK(b.p[j] == (i + 1 < x->nsizes ? ',' : '\0'));
		j++;
	}
	rpt_buf_free(&b);

	CHECK(x->have == w->have && (x->have & x->missing.set) == 0);
	CHECK(x->missing.n >= 0 && x->missing.n <= RPT_PARTS_MAX);
	if (x->parts_profile == NULL) {
		CHECK(x->have == 0 && x->missing.n == 0 && x->missing.set == 0);
	} else {
		k = rpt_profile_nparts(x->parts_profile);
		CHECK(k == 64 || (x->have >> k) == 0);
		req = rpt_profile_required(x->parts_profile);
		for (j = 0, i = 0; i < (size_t)req->n; i++) {
			if (x->have & (UINT64_C(1) << req->list[i]))
				continue;
			/* The next missing part is this required one. */
			CHECK((int)j < x->missing.n &&
			    x->missing.list[j] == req->list[i]);
			j++;
		}
		CHECK((int)j == x->missing.n);
	}
	for (k = 0; k < x->missing.n; k++)
		set |= UINT64_C(1) << x->missing.list[k];
	CHECK(set == x->missing.set);

	CHECK(t->han <= x->chars && t->percents <= t->quantities);
	CHECK(rpt_stats_npatterns(s) == NPATS);
	for (i = 0; i < NPATS; i++)
		CHECK(rpt_stats_matches(s, i) >= 0);
	CHECK(rpt_stats_matches(s, NPATS) == -1);
}

/* Everything the objects say, for the comparison of runs. */
static void
record(struct rpt_buf *r, const struct rpt_doc_facts *x,
    const struct rpt_text_stats *t, const struct rpt_stats *s)
{
	char num[512];
	size_t i;

	r->len = 0;
	fuzz_append(r, x->title, x->title_len);
	fuzz_append(r, "\t", 1);
	fuzz_append(r, x->docno, x->docno_len);
	fuzz_append(r, "\t", 1);
	fuzz_append(r, x->issuer, x->issuer_len);
	fuzz_append(r, "\t", 1);
	fuzz_append(r, x->signature, x->signature_len);
	fuzz_append(r, "\t", 1);
	fuzz_append(r, x->date, x->date_len);
	snprintf(num, sizeof(num), "\t%d %s %p %llx %llx %d %zu %zu %zu %zu "
	    "%d %zu %zu %zu|%zu %zu %zu %zu %zu|", x->year, x->profile,
	    (const void *)x->parts_profile, (unsigned long long)x->have,
	    (unsigned long long)x->missing.set, x->missing.n, x->titles,
	    x->dates, x->paras, x->headings, x->depth, x->chars, x->text_chars,
	    x->boilerplate_chars, t->han, t->sents, t->items, t->quantities,
	    t->percents);
	fuzz_append(r, num, strlen(num));
	for (i = 0; i < x->nsizes; i++) {
		fuzz_append(r, x->sizes[i].name, x->sizes[i].name_len);
		snprintf(num, sizeof(num), ":%zu,", x->sizes[i].chars);
		fuzz_append(r, num, strlen(num));
	}
	for (i = 0; i < NPATS; i++) {
		snprintf(num, sizeof(num), " %ld", rpt_stats_matches(s, i));
		fuzz_append(r, num, strlen(num));
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct rpt_input *in;
	static struct rpt_doc *d;
	static struct rpt_profile *builtin[3];
	static struct rpt_buf text, rec1, rec2;
	static size_t *off, *len, cap;
	struct rpt_input_opts o = { RPT_ENC_AUTO, 1, NULL, NULL, 0 };
	struct rpt_profile_error e;
	const struct rpt_doc_facts *x;
	struct rpt_facts *f;
	struct rpt_stats *s;
	struct rpt_line line = { NULL, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 };
	struct want w;
	size_t n = 0, i;
	int r;

	if (in == NULL) {
		CHECK((in = rpt_input_new()) != NULL && (d = rpt_doc_new()) != NULL);
		for (i = 0; i < 3; i++)
			CHECK(rpt_profile_builtin(rpt_profile_builtin_name(i),
			    &builtin[i], &e) == 0);
	}
	text.len = 0;
	if (rpt_input_open(in, fuzz_file(data, size), &o) == -1)
		return 0;
	while ((r = rpt_input_line(in, &line)) == 1) {
		if (n == cap) {
			cap = cap ? 2 * cap : 256;
			if ((off = realloc(off, cap * sizeof(*off))) == NULL ||
			    (len = realloc(len, cap * sizeof(*len))) == NULL)
				abort();
		}
		off[n] = text.len;
		len[n++] = line.len;
		fuzz_append(&text, line.p, line.len);
	}
	CHECK(r == 0);
	rpt_input_close(in);

	CHECK((f = rpt_facts_new()) != NULL);
	CHECK((s = rpt_stats_new(taken, "taken")) != NULL);
	for (i = 0; i < NPATS; i++)
		CHECK(rpt_stats_pattern(s, pats[i][0], strlen(pats[i][0]),
		    pats[i][1], strlen(pats[i][1]), &e) == 0);
	CHECK(rpt_stats_pattern(s, "chars", 5, "x", 1, &e) == -1);
	CHECK(rpt_stats_pattern(s, "fz", 2, "x", 1, &e) == -1);
	CHECK(rpt_stats_columns(s)[2] != NULL &&
	    strcmp(rpt_stats_columns(s)[2], "fz") == 0);

	rpt_doc_set_profile(d, NULL);
	memset(&w, 0, sizeof(w));
	run(d, f, s, &w, &text, off, len, n);
	x = rpt_facts_end(f, d);
	check(x, rpt_stats_counts(s), s, d, &w);
	record(&rec1, x, rpt_stats_counts(s), s);

	/* Half the document, then all of it after a reset: the same. */
	run(d, f, s, NULL, &text, off, len, n / 2);
	(void)rpt_facts_end(f, d);
	run(d, f, s, NULL, &text, off, len, n);
	record(&rec2, rpt_facts_end(f, d), rpt_stats_counts(s), s);
	CHECK(rec1.len == rec2.len && memcmp(rec1.p, rec2.p, rec1.len) == 0);

	rpt_doc_set_profile(d, builtin[fuzz_hash(data, size) % 3]);
	rpt_buf_free(&w.parts);
	memset(&w, 0, sizeof(w));
	run(d, f, s, &w, &text, off, len, n);
	check(rpt_facts_end(f, d), rpt_stats_counts(s), s, d, &w);
	rpt_buf_free(&w.parts);
	rpt_facts_free(f);
	rpt_stats_free(s);
	return 0;
}
