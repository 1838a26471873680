/*
 * outline.c - fuzz target of the outline builder (rpt_outline_*).
 *
 * The input is read through the document model (paras.h; a built-in
 * profile or auto, chosen by the input's hash) and its paragraphs are fed
 * to outlines; for one input in 64 the document is repeated to make
 * about 1500 paragraphs, so that the rows handed out are dropped in
 * batches:
 *
 *  A. a new outline with items, drained after every paragraph;
 *  B. the same after rpt_outline_reset() in the middle of a document,
 *     drained only at the end: it must hand out the very rows of A;
 *  C. a new outline without items: the rows of A but the items.
 *
 * Every row of A is checked:
 *
 *  - rows come in line order, and their strings are valid UTF-8 without
 *    NUL, CR or LF;
 *  - each heading has exactly one row, in order, with its line, depth as
 *    level (1 to RPT_DEPTH_MAX), marker value, trimmed marker, title,
 *    path and part; its chars are those of the body text and headings up
 *    to the next heading at its level or above;
 *  - items have level depth + 1, numbers 1, 2... within their section,
 *    an enumerator as marker, and as many rows as rpt_count_items()
 *    counts in body text and headings; rpt_outline_items() agrees;
 *  - other rows have no level, number, marker, path or part; their chars
 *    add up to those of the paragraphs that are neither body text nor
 *    headings; a block's title starts with its first line.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "paras.h"

/* Paragraphs fed in a long run, at least: the document repeated. */
#define FEED	1500

struct run {
	struct paras	*ps;
	size_t		 n;		/* paragraphs fed */
	size_t		 nhead;		/* heading rows seen */
	size_t		 nitem;		/* item rows seen */
	long		 line;		/* of the row before */
	long		 other;		/* chars of the other rows */
	int		 item;		/* the number of the last item */
	struct rpt_buf	*rec;		/* the rows, written out */
	struct rpt_buf	*plain;		/* those that are not items */
	int		 items;		/* the outline has items */
	size_t		*heads;		/* the heading paragraphs, in order */
	long		*chars;		/* their sections' chars */
	size_t		 nheads;
};

static int
text_ok(const char *p, size_t n)
{
	return fuzz_utf8_valid(p, n) && memchr(p, '\0', n) == NULL &&
	    memchr(p, '\r', n) == NULL && memchr(p, '\n', n) == NULL;
}

static int
same(const struct rpt_buf *a, const struct rpt_buf *b)
{
	return a->len == b->len &&
	    (a->len == 0 || memcmp(a->p, b->p, a->len) == 0);
}

static void
put(struct rpt_buf *b, const char *p, size_t n)
{
	fuzz_append(b, p, n);
	fuzz_append(b, "\t", 1);
}

static void
put_num(struct rpt_buf *b, long v)
{
	char tmp[32];

	snprintf(tmp, sizeof(tmp), "%ld", v);
	put(b, tmp, strlen(tmp));
}

/* The heading paragraphs and the chars of their sections. */
static void
sections(struct run *rn)
{
	struct rpt_para pa, q;
	size_t i, j;
	long sum;

	rn->nheads = 0;
	for (i = 0; i < rn->n; i++) {
		pa = paras_at(rn->ps, i);
		if (pa.kind != RPT_K_HEADING)
			continue;
		for (sum = 0, j = i; j < rn->n; j++) {
			q = paras_at(rn->ps, j);
			if (j > i && q.kind == RPT_K_HEADING && q.depth <= pa.depth)
				break;
			if (q.kind == RPT_K_HEADING || q.kind == RPT_K_BODY)
				sum += (long)q.chars;
		}
		rn->heads[rn->nheads] = i;
		rn->chars[rn->nheads++] = sum;
	}
}

static void
check_heading(struct run *rn, const struct rpt_outline_row *r)
{
	static struct rpt_buf path;
	struct rpt_para pa;
	const char *mk;
	size_t mlen;

	CHECK(rn->nhead < rn->nheads);
	pa = paras_at(rn->ps, rn->heads[rn->nhead]);
	CHECK(r->line == pa.line);
	CHECK(r->level == pa.depth && r->level >= 1 &&
	    r->level <= RPT_DEPTH_MAX);
	CHECK(r->num == pa.marker_num);
	mk = pa.p;
	mlen = pa.marker_len;
	rpt_trim(&mk, &mlen);
	CHECK(r->marker_len == mlen && memcmp(r->marker, mk, mlen) == 0);
	CHECK(r->title_len == pa.elem_len &&
	    memcmp(r->title, pa.elem, pa.elem_len) == 0);
	CHECK(rpt_path_format(&path, pa.path, pa.depth) == 0);
	CHECK(r->path_len == path.len && memcmp(r->path, path.p, path.len) == 0);
	CHECK(r->part_len == strlen(pa.part) &&
	    memcmp(r->part, pa.part, r->part_len) == 0);
	CHECK(r->chars == rn->chars[rn->nhead]);
	rn->nhead++;
	rn->item = 0;
}

/* Everything of a row, for the comparison of runs. */
static void
record(struct rpt_buf *b, const struct rpt_outline_row *r)
{
	put_num(b, r->line);
	put_num(b, r->kind);
	put_num(b, r->level);
	put(b, r->marker, r->marker_len);
	put_num(b, r->num);
	put(b, r->path, r->path_len);
	put(b, r->part, r->part_len);
	put(b, r->title, r->title_len);
	put_num(b, r->chars);
	put_num(b, r->lines);
	put_num(b, (long)r->first_len);
	fuzz_append(b, "\n", 1);
}

static void
check_row(struct run *rn, const struct rpt_outline_row *r)
{
	CHECK(r->line >= rn->line);
	rn->line = r->line;
	CHECK(text_ok(r->marker, r->marker_len) && text_ok(r->path, r->path_len) &&
	    text_ok(r->part, r->part_len) && text_ok(r->title, r->title_len));
	CHECK(r->chars >= 0 && r->lines >= 1 && r->first_len <= r->title_len);
	if (r->kind == RPT_K_HEADING)
		check_heading(rn, r);
	else if (r->kind == RPT_K_ITEM) {
		CHECK(rn->items);
		CHECK(r->level >= 1 && r->level <= RPT_DEPTH_MAX + 1);
		CHECK(r->num == ++rn->item);
		CHECK(r->marker_len > 0 &&
		    rpt_enumerator(r->marker, r->marker_len) == r->marker_len);
		CHECK(r->path_len > 0);
		rn->nitem++;
	} else {
		CHECK(r->level == 0 && r->num == 0 && r->marker_len == 0 &&
		    r->path_len == 0 && r->part_len == 0);
		if (r->kind == RPT_K_BOILERPLATE)
			CHECK(r->first_len > 0 || r->lines == 1);
		rn->other += r->chars;
	}
	record(rn->rec, r);
	if (r->kind != RPT_K_ITEM)
		record(rn->plain, r);
}

static void
drain(struct rpt_outline *o, struct run *rn)
{
	struct rpt_outline_row r;

	while (rpt_outline_next(o, &r) == 1)
		check_row(rn, &r);
}

/* The items the outline cut from a paragraph. */
static void
check_items(struct rpt_outline *o, const struct rpt_para *pa, int items)
{
	const struct rpt_outline_item *it;
	size_t n, i;

	n = rpt_outline_items(o, &it);
	if (!items || (pa->kind != RPT_K_BODY && pa->kind != RPT_K_HEADING)) {
		CHECK(n == 0);
		return;
	}
	CHECK((long)n == rpt_count_items(pa->p, pa->len));
	for (i = 0; i < n; i++) {
		CHECK(it[i].off < pa->len && it[i].marker_len > 0);
		CHECK(it[i].off + it[i].marker_len + it[i].title_len <= pa->len);
		CHECK(rpt_enumerator(pa->p + it[i].off, pa->len - it[i].off) ==
		    it[i].marker_len);
		CHECK(i == 0 || it[i].off > it[i - 1].off);
	}
}

/*
 * Feed the paragraphs to o; drain it after each (every) or only at the
 * end.  Returns the number of items the paragraphs have.
 */
static long
feed(struct rpt_outline *o, struct run *rn, int items, int every)
{
	struct rpt_para pa;
	long want = 0;
	size_t i;

	rn->items = items;
	rn->nhead = rn->nitem = 0;
	rn->line = 0;
	rn->other = 0;
	rn->item = 0;
	rn->rec->len = rn->plain->len = 0;
	for (i = 0; i < rn->n; i++) {
		pa = paras_at(rn->ps, i);
		CHECK(rpt_outline_para(o, &pa) == 0);
		check_items(o, &pa, items);
		if (pa.kind == RPT_K_BODY || pa.kind == RPT_K_HEADING)
			want += rpt_count_items(pa.p, pa.len);
		else
			rn->other -= (long)pa.chars;
		if (every)
			drain(o, rn);
	}
	rpt_outline_finish(o);
	drain(o, rn);
	CHECK(rpt_outline_next(o, &(struct rpt_outline_row){ 0 }) == 0);
	CHECK(rn->nhead == rn->nheads);
	CHECK(rn->other == 0);
	CHECK(rn->nitem == (items ? (size_t)want : 0));
	return want;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct paras ps;
	static struct rpt_buf rec1, rec2, plain1, plain2;
	struct rpt_outline *o;
	struct rpt_para pa;
	struct run rn;
	size_t i;
	uint32_t h = fuzz_hash(data, size);
	int stopped;

	if (paras_read_by(&ps, data, size, h, &stopped) == -1 || ps.n == 0)
		return 0;
	memset(&rn, 0, sizeof(rn));
	rn.ps = &ps;
	rn.n = (h >> 8) % 64 == 0 ? ps.n * ((FEED + ps.n - 1) / ps.n) : ps.n;
	if ((rn.heads = calloc(rn.n, sizeof(*rn.heads))) == NULL ||
	    (rn.chars = calloc(rn.n, sizeof(*rn.chars))) == NULL)
		abort();
	sections(&rn);

	/* A: new, with items, drained after each paragraph. */
	CHECK((o = rpt_outline_new(RPT_OUTLINE_ITEMS)) != NULL);
	rn.rec = &rec1;
	rn.plain = &plain1;
	feed(o, &rn, 1, 1);
	/* B: reset in the middle of a document, drained at the end. */
	rpt_outline_reset(o);
	for (i = 0; i < ps.n / 2 + 1; i++) {
		pa = paras_at(&ps, i);
		CHECK(rpt_outline_para(o, &pa) == 0);
	}
	rpt_outline_reset(o);
	rn.rec = &rec2;
	rn.plain = &plain2;
	feed(o, &rn, 1, 0);
	CHECK(same(&rec1, &rec2));
	rpt_outline_free(o);
	/* C: without items, the same rows but the items. */
	CHECK((o = rpt_outline_new(0)) != NULL);
	feed(o, &rn, 0, h & 0x10);
	rpt_outline_free(o);
	CHECK(same(&rec2, &plain2) && same(&plain1, &plain2));
	free(rn.heads);
	free(rn.chars);
	return 0;
}
