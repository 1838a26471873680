/*
 * doc.c - the document model: which lines are paragraphs, which paragraphs
 * are headings, and the section path of each.
 *
 * Headings carry the GB/T 9704 markers 一、 （一） 1. （1） and the
 * deviations real reports have (half-width brackets, 一． 一. 1、 1．, a
 * space after the marker).  Depth comes from nesting, not from the marker:
 * a marker family that is not open yet becomes a child of the innermost
 * open heading, so （1） directly under 二、 is at depth 2.  A numbered
 * paragraph is a heading only when its number continues its family (greater
 * than the last one, by a small gap at most) or starts a new child family
 * at 1; that keeps 2023. and backwards numbers out.
 */
#include <stdlib.h>
#include <string.h>

#include "rpt.h"

/* Largest step from one heading number to the next in a family. */
#define GAP_MAX		3
/* Largest first number of a family when no heading is open. */
#define FIRST_MAX	3

struct open_heading {
	enum rpt_family	fam;
	int		num;
};

struct rpt_doc {
	long		 paras;
	int		 depth;
	struct open_heading open[RPT_DEPTH_MAX];
	int		 path[RPT_DEPTH_MAX];
	struct rpt_buf	 scratch;	/* text with debris removed */
};

const char *
rpt_kind_name(enum rpt_kind k)
{
	return k == RPT_K_HEADING ? "heading" : "body";
}

struct rpt_doc *
rpt_doc_new(void)
{
	return calloc(1, sizeof(struct rpt_doc));
}

void
rpt_doc_free(struct rpt_doc *d)
{
	if (d == NULL)
		return;
	rpt_buf_free(&d->scratch);
	free(d);
}

void
rpt_doc_reset(struct rpt_doc *d)
{
	d->paras = 0;
	d->depth = 0;
}

/*
 * Conversion debris: "[bookmark: NAME]" (pandoc's rendering of Word
 * bookmarks such as _GoBack) and "[]{#_Toc123 .anchor}".  Returns the
 * length of the debris at p, 0 if none.
 */
static size_t
debris_at(const char *p, size_t n)
{
	static const char bm[] = "[bookmark: ", an[] = "[]{#";
	const char *end;

	if (n > sizeof(bm) - 1 && memcmp(p, bm, sizeof(bm) - 1) == 0 &&
	    (end = memchr(p, ']', n)) != NULL)
		return (size_t)(end - p) + 1;
	if (n > sizeof(an) - 1 && memcmp(p, an, sizeof(an) - 1) == 0 &&
	    (end = memchr(p, '}', n)) != NULL)
		return (size_t)(end - p) + 1;
	return 0;
}

const char *
rpt_strip_debris(const char *p, size_t *np, struct rpt_buf *scratch)
{
	const char *q, *end = p + *np, *from;
	size_t k;

	if ((q = memchr(p, '[', *np)) == NULL)
		return p;
	for (; q != NULL; q = memchr(q + 1, '[', (size_t)(end - q - 1)))
		if (debris_at(q, (size_t)(end - q)) > 0)
			break;
	if (q == NULL)
		return p;
	scratch->len = 0;
	from = p;
	while (q != NULL && q < end) {
		if ((k = debris_at(q, (size_t)(end - q))) > 0) {
			if (rpt_buf_append(scratch, from, (size_t)(q - from)) == -1)
				return NULL;
			from = q + k;
			q = from;
			continue;
		}
		q = memchr(q + 1, '[', (size_t)(end - q - 1));
	}
	if (rpt_buf_append(scratch, from, (size_t)(end - from)) == -1 ||
	    rpt_buf_reserve(scratch, 1) == -1)
		return NULL;
	*np = scratch->len;
	return scratch->p;
}

/* Skip an opening bracket ( or （; returns its length, 0 if none. */
static size_t
open_paren(const char *p, size_t n)
{
	if (n >= 1 && p[0] == '(')
		return 1;
	if (n >= 3 && memcmp(p, "\xef\xbc\x88", 3) == 0)	/* （ */
		return 3;
	return 0;
}

static size_t
close_paren(const char *p, size_t n)
{
	if (n >= 1 && p[0] == ')')
		return 1;
	if (n >= 3 && memcmp(p, "\xef\xbc\x89", 3) == 0)	/* ） */
		return 3;
	return 0;
}

/* Arabic digits, ASCII or full-width; at most six of them. */
static size_t
ar_number(const char *s, size_t n, int *val)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0, digits = 0;
	int v = 0;

	for (;;) {
		if (i < n && p[i] >= '0' && p[i] <= '9') {
			v = v * 10 + (p[i] - '0');
			i++;
		} else if (i + 2 < n && p[i] == 0xef && p[i + 1] == 0xbc &&
		    p[i + 2] >= 0x90 && p[i + 2] <= 0x99) {
			v = v * 10 + (p[i + 2] - 0x90);
			i += 3;
		} else
			break;
		if (++digits > 6)
			return 0;
	}
	*val = v;
	return i;
}

static int
is_digit_at(const char *p, size_t n)
{
	int v;

	return ar_number(p, n, &v) > 0;
}

/* 、 ． or . after a number; returns its length, 0 if none. */
static size_t
number_stop(const char *p, size_t n, int dot_ok)
{
	if (n >= 3 && memcmp(p, "\xe3\x80\x81", 3) == 0)	/* 、 */
		return 3;
	if (!dot_ok)
		return 0;
	if (n >= 3 && memcmp(p, "\xef\xbc\x8e", 3) == 0)	/* ． */
		return 3;
	if (n >= 1 && p[0] == '.')
		return 1;
	return 0;
}

/*
 * Recognise a heading marker at the start of p.  Returns the marker's
 * length including the white space after it, 0 if there is none.
 */
static size_t
marker(const char *p, size_t n, enum rpt_family *fam, int *num)
{
	size_t i, k, o;
	const char *rest;
	size_t rn;

	if ((o = open_paren(p, n)) > 0) {
		if ((k = rpt_cn_number(p + o, n - o, num)) > 0)
			*fam = RPT_FAM_CN_PAREN;
		else if ((k = ar_number(p + o, n - o, num)) > 0)
			*fam = RPT_FAM_AR_PAREN;
		else
			return 0;
		i = o + k;
		if ((k = close_paren(p + i, n - i)) == 0)
			return 0;
		i += k;
	} else if ((k = rpt_cn_number(p, n, num)) > 0) {
		if ((o = number_stop(p + k, n - k, 1)) == 0)
			return 0;
		*fam = RPT_FAM_CN;
		i = k + o;
	} else if ((k = ar_number(p, n, num)) > 0) {
		if ((o = number_stop(p + k, n - k, 1)) == 0)
			return 0;
		/* 1.3万元 and 12.4宪法宣传周 are numbers, not markers. */
		if (is_digit_at(p + k + o, n - k - o))
			return 0;
		*fam = RPT_FAM_AR;
		i = k + o;
	} else
		return 0;
	rest = p + i;
	rn = n - i;
	rpt_trim(&rest, &rn);
	if (rn == 0)
		return 0;		/* a marker with nothing after it */
	return (size_t)(rest - p);
}

/* Does (fam, num) open a heading?  Updates the open headings if so. */
static int
place_heading(struct rpt_doc *d, enum rpt_family fam, int num)
{
	int i;

	for (i = d->depth - 1; i >= 0; i--)
		if (d->open[i].fam == fam)
			break;
	if (i >= 0) {
		if (num <= d->open[i].num || num > d->open[i].num + GAP_MAX)
			return 0;
		d->open[i].num = num;
		d->path[i]++;
		d->depth = i + 1;
		return 1;
	}
	if (d->depth >= RPT_DEPTH_MAX)
		return 0;
	if (num != 1 && (d->depth > 0 || num < 1 || num > FIRST_MAX))
		return 0;
	d->open[d->depth].fam = fam;
	d->open[d->depth].num = num;
	d->path[d->depth] = 1;
	d->depth++;
	return 1;
}

int
rpt_doc_line(struct rpt_doc *d, const struct rpt_line *line,
    struct rpt_para *para)
{
	const char *p = line->p;
	size_t n = line->len, mk;
	enum rpt_family fam;
	int num;

	if ((p = rpt_strip_debris(p, &n, &d->scratch)) == NULL)
		return -1;
	rpt_trim(&p, &n);
	if (n == 0)
		return 0;
	para->p = p;
	para->len = n;
	para->line = line->num;
	para->num = ++d->paras;
	para->kind = RPT_K_BODY;
	para->family = RPT_FAM_NONE;
	para->marker_num = 0;
	para->marker_len = 0;
	para->part = "";
	if ((mk = marker(p, n, &fam, &num)) > 0 && place_heading(d, fam, num)) {
		para->kind = RPT_K_HEADING;
		para->family = fam;
		para->marker_num = num;
		para->marker_len = mk;
	}
	para->depth = d->depth;
	memcpy(para->path, d->path, sizeof(para->path));
	return 1;
}

int
rpt_path_format(struct rpt_buf *out, const int *path, int depth)
{
	char tmp[16], *q;
	int i;
	unsigned v;

	out->len = 0;
	if (rpt_buf_reserve(out, 1) == -1)
		return -1;
	out->p[0] = '\0';
	for (i = 0; i < depth; i++) {
		q = tmp + sizeof(tmp);
		v = (unsigned)path[i];
		do {
			*--q = (char)('0' + v % 10);
			v /= 10;
		} while (v > 0);
		if (i > 0)
			*--q = '.';
		if (rpt_buf_append(out, q, (size_t)(tmp + sizeof(tmp) - q)) == -1)
			return -1;
	}
	return 0;
}
