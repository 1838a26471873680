/*
 * outline.c - the rows of rpt-sections: one per element, per block of web
 * remnants and per enumerated item, in line order.
 *
 * A heading's chars column covers its whole section, known only when the
 * section ends, so rows (never the text) are held until they are final:
 * those before the oldest open section and before the row a continuation
 * line may still join.  Their strings live in a pool as offsets, because
 * the pool moves as it grows; the rows handed out are dropped, in batches,
 * when the next paragraph comes.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

/*
 * Rows are handed out in batches of at least this many (and all at the
 * end), and dropped from the front when the next paragraph comes: a few
 * rows after every paragraph made rpt-sections 3-5% slower on a file of
 * 200 000 headings.
 */
#define BATCH	1024

/* A row held: its strings are offsets into the pool. */
struct row {
	long		 line;
	enum rpt_kind	 kind;
	int		 level;
	int		 num;
	int		 lines;
	long		 chars;
	size_t		 marker, marker_len;
	size_t		 path, path_len;
	size_t		 part, part_len;
	size_t		 title, title_len;
	size_t		 first_len;
};

struct rpt_outline {
	int		 flags;
	struct rpt_splitter *splitter;	/* RPT_OUTLINE_ITEMS */
	struct row	*rows;
	size_t		 nrows, caprows;
	size_t		 head;		/* rows before it were handed out */
	size_t		 avail;		/* rows before it may be handed out */
	struct rpt_buf	 pool, spare, scratch;
	/* The open sections: their heading rows, by level - 1. */
	size_t		 open[RPT_DEPTH_MAX];
	int		 nopen;
	long		 last;		/* the row a continuation joins, or -1 */
	int		 items;		/* items so far in the section */
	struct rpt_outline_item *its;	/* the last paragraph's */
	size_t		 nits, capits;
};

struct rpt_outline *
rpt_outline_new(int flags)
{
	struct rpt_outline *o;

	if ((o = calloc(1, sizeof(*o))) == NULL)
		return NULL;
	o->flags = flags;
	/* The pools are never NULL: a string of length 0 points into one. */
	if (((flags & RPT_OUTLINE_ITEMS) &&
	    (o->splitter = rpt_splitter_new(RPT_U_ITEM, 0)) == NULL) ||
	    rpt_buf_reserve(&o->pool, 1) == -1 ||
	    rpt_buf_reserve(&o->spare, 1) == -1) {
		rpt_outline_free(o);
		errno = ENOMEM;
		return NULL;
	}
	rpt_outline_reset(o);
	return o;
}

void
rpt_outline_free(struct rpt_outline *o)
{
	if (o == NULL)
		return;
	rpt_splitter_free(o->splitter);
	free(o->rows);
	free(o->its);
	rpt_buf_free(&o->pool);
	rpt_buf_free(&o->spare);
	rpt_buf_free(&o->scratch);
	free(o);
}

void
rpt_outline_reset(struct rpt_outline *o)
{
	o->nrows = o->head = o->avail = 0;
	o->pool.len = 0;
	o->nopen = 0;
	o->last = -1;
	o->items = 0;
	o->nits = 0;
}

/* Put a string in the pool: its offset in *off and its length in *len. */
static int
intern(struct rpt_outline *o, const char *p, size_t n, size_t *off,
    size_t *len)
{
	*off = o->pool.len;
	*len = n;
	return rpt_buf_append(&o->pool, p, n);
}

static struct row *
new_row(struct rpt_outline *o, const struct rpt_para *p, enum rpt_kind kind)
{
	struct row *r;

	if ((r = rpt_grow(o->rows, &o->caprows, o->nrows + 1,
	    sizeof(*r))) == NULL)
		return NULL;
	o->rows = r;
	r = &o->rows[o->nrows++];
	memset(r, 0, sizeof(*r));
	r->line = p->line;
	r->kind = kind;
	r->lines = 1;
	return r;
}

/* A row's path (the section's, and an item's number) and part. */
static int
place(struct rpt_outline *o, struct row *r, const struct rpt_para *p,
    int item)
{
	char num[16];
	int len;

	if (rpt_path_format(&o->scratch, p->path, p->depth) == -1)
		return -1;
	if (item > 0) {
		len = snprintf(num, sizeof(num), "%s%d", p->depth > 0 ? "." : "",
		    item);
		if (rpt_buf_append(&o->scratch, num, (size_t)len) == -1)
			return -1;
	}
	if (intern(o, o->scratch.p, o->scratch.len, &r->path,
	    &r->path_len) == -1)
		return -1;
	return intern(o, p->part, strlen(p->part), &r->part, &r->part_len);
}

/* Cut the items of a paragraph into o->its. */
static int
cut_items(struct rpt_outline *o, const struct rpt_para *p)
{
	const struct rpt_span *spans;
	struct rpt_outline_item *it;
	const char *t, *stop;
	size_t k, tl;
	long i, n;

	if ((n = rpt_split(o->splitter, p->p, p->len, &spans)) == -1)
		return -1;
	for (i = 0; i < n; i++) {
		t = p->p + spans[i].off;
		if ((k = rpt_enumerator(t, spans[i].len)) == 0)
			continue;
		/* The title: after the enumerator, up to its first 。 or ；. */
		tl = spans[i].len - k;
		if ((stop = rpt_memmem(t + k, tl, "。", 3)) != NULL)
			tl = (size_t)(stop - t - k);
		if ((stop = rpt_memmem(t + k, tl, "；", 3)) != NULL)
			tl = (size_t)(stop - t - k);
		if ((it = rpt_grow(o->its, &o->capits, o->nits + 1,
		    sizeof(*it))) == NULL)
			return -1;
		o->its = it;
		it = &o->its[o->nits++];
		it->off = spans[i].off;
		it->marker_len = k;
		it->title_len = tl;
		it->chars = spans[i].chars;
	}
	return 0;
}

/* Rows for the items of body text or a heading, numbered in the section. */
static int
item_rows(struct rpt_outline *o, const struct rpt_para *p)
{
	const struct rpt_outline_item *it;
	struct row *r;
	size_t i;

	if (!(o->flags & RPT_OUTLINE_ITEMS))
		return 0;
	if (cut_items(o, p) == -1)
		return -1;
	for (i = 0; i < o->nits; i++) {
		it = &o->its[i];
		if ((r = new_row(o, p, RPT_K_ITEM)) == NULL)
			return -1;
		r->level = p->depth + 1;
		r->num = ++o->items;
		r->chars = (long)it->chars;
		if (intern(o, p->p + it->off, it->marker_len, &r->marker,
		    &r->marker_len) == -1 ||
		    intern(o, p->p + it->off + it->marker_len, it->title_len,
		    &r->title, &r->title_len) == -1 ||
		    place(o, r, p, o->items) == -1)
			return -1;
		r->first_len = r->title_len;
	}
	return 0;
}

/*
 * Body text and headings count towards every open section; a heading
 * first closes those at its level and below.
 */
static void
count_sections(struct rpt_outline *o, const struct rpt_para *p)
{
	long chars;
	int i;

	if (p->kind == RPT_K_HEADING) {
		while (o->nopen > 0 &&
		    o->rows[o->open[o->nopen - 1]].level >= p->depth)
			o->nopen--;
		o->items = 0;
	}
	/* Counted only when needed: the model may not have counted them. */
	if (o->nopen == 0)
		return;
	chars = (long)rpt_para_chars(p);
	for (i = 0; i < o->nopen; i++)
		o->rows[o->open[i]].chars += chars;
}

/*
 * A continuation line joins its row; the next line of a block is listed
 * in its title after " / ".
 */
static int
join_row(struct rpt_outline *o, const struct rpt_para *p)
{
	struct row *r = &o->rows[o->last];
	struct rpt_buf *pool = &o->pool;

	r->chars += (long)rpt_para_chars(p);
	if (p->joined)
		return 0;
	if (pool->len != r->title + r->title_len) {
		/* Something came after it: move the title to the end. */
		o->scratch.len = 0;
		if (rpt_buf_append(&o->scratch, pool->p + r->title,
		    r->title_len) == -1 ||
		    intern(o, o->scratch.p, o->scratch.len, &r->title,
		    &r->title_len) == -1)
			return -1;
	}
	if (rpt_buf_append(pool, " / ", 3) == -1 ||
	    rpt_buf_append(pool, p->elem, p->elem_len) == -1)
		return -1;
	r->title_len = pool->len - r->title;
	r->lines++;
	return 0;
}

/* A heading's row, which stays open until its section ends. */
static int
heading_row(struct rpt_outline *o, const struct rpt_para *p, struct row *r)
{
	const char *mk = p->p;
	size_t mlen = p->marker_len;

	r->level = p->depth;
	r->num = p->marker_num;
	rpt_trim(&mk, &mlen);
	if (intern(o, mk, mlen, &r->marker, &r->marker_len) == -1 ||
	    place(o, r, p, 0) == -1)
		return -1;
	if (o->nopen < RPT_DEPTH_MAX)
		o->open[o->nopen++] = o->nrows - 1;
	o->last = -1;
	return item_rows(o, p);
}

/* Move a string of a row kept into the pool to. */
static int
keep(const struct rpt_outline *o, struct rpt_buf *to, size_t *off, size_t len)
{
	size_t at = to->len;

	if (rpt_buf_append(to, o->pool.p + *off, len) == -1)
		return -1;
	*off = at;
	return 0;
}

/*
 * Drop the rows handed out, in batches so that a long document is not
 * held in memory: the rest move to the front, their strings to a fresh
 * pool.
 */
static int
drop_rows(struct rpt_outline *o)
{
	struct rpt_buf to;
	struct row *r;
	size_t k = o->head, i;
	int l;

	if (k < BATCH)
		return 0;
	memmove(o->rows, o->rows + k, (o->nrows - k) * sizeof(*o->rows));
	o->nrows -= k;
	o->head = o->avail = 0;
	for (l = 0; l < o->nopen; l++)
		o->open[l] -= k;
	if (o->last >= 0)
		o->last -= (long)k;
	to = o->spare;
	to.len = 0;
	for (i = 0; i < o->nrows; i++) {
		r = &o->rows[i];
		if (keep(o, &to, &r->marker, r->marker_len) == -1 ||
		    keep(o, &to, &r->path, r->path_len) == -1 ||
		    keep(o, &to, &r->part, r->part_len) == -1 ||
		    keep(o, &to, &r->title, r->title_len) == -1) {
			o->spare = to;
			return -1;
		}
	}
	o->spare = o->pool;
	o->pool = to;
	return 0;
}

/* The rows of a paragraph. */
static int
add_para(struct rpt_outline *o, const struct rpt_para *p)
{
	struct row *r;

	if (p->kind == RPT_K_BODY || p->kind == RPT_K_HEADING)
		count_sections(o, p);
	if (p->kind == RPT_K_BODY) {
		o->last = -1;
		return item_rows(o, p);
	}
	if (o->last >= 0 && (p->joined || (p->kind == RPT_K_BOILERPLATE &&
	    o->rows[o->last].kind == RPT_K_BOILERPLATE)))
		return join_row(o, p);
	if ((r = new_row(o, p, p->kind)) == NULL)
		return -1;
	r->chars = (long)rpt_para_chars(p);
	if (intern(o, p->elem, p->elem_len, &r->title, &r->title_len) == -1)
		return -1;
	r->first_len = p->elem_len;
	if (p->kind == RPT_K_HEADING)
		return heading_row(o, p, r);
	o->last = (long)(o->nrows - 1);
	return 0;
}

int
rpt_outline_para(struct rpt_outline *o, const struct rpt_para *p)
{
	size_t k;

	o->nits = 0;
	if (drop_rows(o) == -1 || add_para(o, p) == -1)
		return -1;
	/*
	 * The rows that are final: those before the oldest open section
	 * (whose chars still grow) and before the row a continuation line
	 * may still join; handed out when there are a batch of them.
	 */
	k = o->nrows;
	if (o->nopen > 0 && o->open[0] < k)
		k = o->open[0];
	if (o->last >= 0 && (size_t)o->last < k)
		k = (size_t)o->last;
	if (k - o->head >= BATCH)
		o->avail = k;
	return 0;
}

size_t
rpt_outline_items(const struct rpt_outline *o,
    const struct rpt_outline_item **items)
{
	*items = o->its;
	return o->nits;
}

void
rpt_outline_finish(struct rpt_outline *o)
{
	o->avail = o->nrows;
}

int
rpt_outline_next(struct rpt_outline *o, struct rpt_outline_row *row)
{
	const struct row *r;

	if (o->head >= o->avail)
		return 0;
	r = &o->rows[o->head++];
	row->line = r->line;
	row->kind = r->kind;
	row->level = r->level;
	row->marker = o->pool.p + r->marker;
	row->marker_len = r->marker_len;
	row->num = r->num;
	row->path = o->pool.p + r->path;
	row->path_len = r->path_len;
	row->part = o->pool.p + r->part;
	row->part_len = r->part_len;
	row->title = o->pool.p + r->title;
	row->title_len = r->title_len;
	row->chars = r->chars;
	row->lines = r->lines;
	row->first_len = r->first_len;
	return 1;
}
