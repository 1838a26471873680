/*
 * facts.c - what a document is, which parts it has and how big they are,
 * gathered from the paragraphs the document model settles.
 *
 * The model has already decided every paragraph's kind, heading level and
 * part; the rules here only choose among its paragraphs: the first title
 * and 发文字号, the last 成文日期, a part present when it has a level-1
 * section (as rpt-sections --check has always judged it).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

/*
 * The metadata fields of 政府信息公开 pages that stand in for a fact the
 * document does not state: the labels of each, the first found wins.
 */
enum { M_DOCNO, M_DATE, M_MADE, M_ISSUER, M_TITLE, NMETA };
static const char *const meta_labels[NMETA][4] = {
	[M_DOCNO] = { "文号", "备注/文号", "发文字号", NULL },
	[M_DATE] = { "成文日期", NULL },
	[M_MADE] = { "公文生成日期", NULL },
	[M_ISSUER] = { "发布机构", "发文机关", NULL },
	[M_TITLE] = { "标题", NULL },
};

struct rpt_facts {
	struct rpt_doc_facts	 out;
	struct rpt_buf		 title, docno, issuer, signature, names;
	char			 date[16];
	size_t			 date_len;
	int			 have_title;
	/* What the page's metadata fields say, for what the text does not. */
	struct rpt_buf		 meta[NMETA];
	/* The parts' sizes; their names are at name_off[i] in names. */
	struct rpt_part_size	*sizes;
	size_t			*name_off;
	size_t			 nsizes, capsizes, capoff;
	size_t			 last;		/* the part of the paragraph before */
	struct rpt_profile	*profile;	/* the last paragraph's */
	struct rpt_numbers	*finder;	/* for dates in subtitles */
};

struct rpt_facts *
rpt_facts_new(void)
{
	struct rpt_facts *f;

	if ((f = calloc(1, sizeof(*f))) == NULL)
		return NULL;
	rpt_facts_reset(f);
	return f;
}

void
rpt_facts_free(struct rpt_facts *f)
{
	int k;

	if (f == NULL)
		return;
	rpt_buf_free(&f->title);
	rpt_buf_free(&f->docno);
	rpt_buf_free(&f->issuer);
	rpt_buf_free(&f->signature);
	rpt_buf_free(&f->names);
	for (k = 0; k < NMETA; k++)
		rpt_buf_free(&f->meta[k]);
	free(f->sizes);
	free(f->name_off);
	rpt_numbers_free(f->finder);
	free(f);
}

void
rpt_facts_reset(struct rpt_facts *f)
{
	int k;

	memset(&f->out, 0, sizeof(f->out));
	f->title.len = f->docno.len = f->issuer.len = f->signature.len = 0;
	f->names.len = 0;
	for (k = 0; k < NMETA; k++)
		f->meta[k].len = 0;
	f->date_len = 0;
	f->date[0] = '\0';
	f->have_title = 0;
	f->nsizes = f->last = 0;
	f->profile = NULL;
}

/* Append a line of a block (issuer, signature), " / " between lines. */
static int
block_line(struct rpt_buf *b, const char *p, size_t n)
{
	if (b->len > 0 && rpt_buf_append(b, " / ", 3) == -1)
		return -1;
	return rpt_buf_append(b, p, n);
}

/*
 * The date of a 成文日期 line (the last one counts), or of the first full
 * date in a subtitle while there is none yet.
 */
static int
note_date(struct rpt_facts *f, const struct rpt_para *p)
{
	const struct rpt_quantity *q;
	int y, m, d, len;
	long i, n;

	if (p->kind == RPT_K_DATE) {
		f->out.dates++;
		if (rpt_parse_date(p->p, p->len, &y, &m, &d)) {
			len = snprintf(f->date, sizeof(f->date), "%04d-%02d-%02d",
			    y, m, d);
			/* Cut as a longer one always was (a year past 9999). */
			f->date_len = len < 0 ? 0 : (size_t)len <
			    sizeof(f->date) ? (size_t)len : sizeof(f->date) - 1;
		}
		return 0;
	}
	if (f->date_len > 0)
		return 0;
	if (f->finder == NULL && (f->finder = rpt_numbers_new(0)) == NULL)
		return -1;
	if ((n = rpt_numbers(f->finder, p->p, p->len, 0, &q)) == -1)
		return -1;
	for (i = 0; i < n; i++)
		if (q[i].kind == RPT_Q_DATE && strlen(q[i].value) == 10) {
			memcpy(f->date, q[i].value, 10);
			f->date[10] = '\0';
			f->date_len = 10;
			break;
		}
	return 0;
}

/*
 * Keep the metadata fields of a line of chrome (see meta_labels); a date
 * is kept as YYYY-MM-DD, when it is one.
 */
static int
note_meta(struct rpt_facts *f, const struct rpt_para *p)
{
	const struct rpt_quantity *q;
	const char *t = rpt_para_fold(p), *v;
	size_t i, n;
	long j, nq;
	int k;

	for (k = 0; k < NMETA; k++)
		for (i = 0; f->meta[k].len == 0 && meta_labels[k][i] != NULL;
		    i++) {
			if ((n = rpt_chrome_field(t, p->len, meta_labels[k][i],
			    &v)) == 0)
				continue;
			v = p->p + (v - t);
			if (k != M_DATE && k != M_MADE) {
				if (rpt_buf_append(&f->meta[k], v, n) == -1)
					return -1;
				continue;
			}
			if (f->finder == NULL &&
			    (f->finder = rpt_numbers_new(0)) == NULL)
				return -1;
			if ((nq = rpt_numbers(f->finder, v, n, 0, &q)) == -1)
				return -1;
			for (j = 0; j < nq && f->meta[k].len == 0; j++)
				if (q[j].kind == RPT_Q_DATE &&
				    strlen(q[j].value) == 10 &&
				    rpt_buf_append(&f->meta[k], q[j].value,
				    10) == -1)
					return -1;
		}
	return 0;
}

/*
 * Count a paragraph's characters into its part.  A paragraph is mostly in
 * the part of the one before; else the parts are searched, and there are
 * as many as the level-1 sections name different sets of parts: a few.
 */
static int
note_part(struct rpt_facts *f, const struct rpt_para *p, size_t chars)
{
	struct rpt_part_size *ps;
	size_t i, n = strlen(p->part), *off;

	if (n == 0)
		return 0;
	if (f->last < f->nsizes && f->sizes[f->last].name_len == n &&
	    memcmp(f->names.p + f->name_off[f->last], p->part, n) == 0) {
		f->sizes[f->last].chars += chars;
		return 0;
	}
	for (i = f->nsizes; i > 0; i--)
		if (f->sizes[i - 1].name_len == n &&
		    memcmp(f->names.p + f->name_off[i - 1], p->part, n) == 0) {
			f->sizes[i - 1].chars += chars;
			f->last = i - 1;
			return 0;
		}
	if ((ps = rpt_grow(f->sizes, &f->capsizes, f->nsizes + 1,
	    sizeof(*ps))) == NULL)
		return -1;
	f->sizes = ps;
	if ((off = rpt_grow(f->name_off, &f->capoff, f->nsizes + 1,
	    sizeof(*off))) == NULL)
		return -1;
	f->name_off = off;
	off[f->nsizes] = f->names.len;
	if (rpt_buf_append(&f->names, p->part, n) == -1)
		return -1;
	ps = &f->sizes[f->nsizes];
	ps->name = NULL;		/* set at the end: names may move */
	ps->name_len = n;
	ps->chars = chars;
	f->last = f->nsizes++;
	return 0;
}

int
rpt_facts_para(struct rpt_facts *f, const struct rpt_para *p)
{
	size_t chars = rpt_para_chars(p);

	if (p->profile != NULL)
		f->profile = p->profile;
	f->out.boilerplate_chars += p->debris_chars;
	if (p->kind == RPT_K_BOILERPLATE) {
		f->out.boilerplate_chars += chars;
		return note_meta(f, p);
	}
	f->out.chars += chars;
	switch (p->kind) {
	case RPT_K_TITLE:
		/* The title's first line holds the joined title. */
		if (p->joined)
			break;
		f->out.titles++;
		if (!f->have_title) {
			f->have_title = 1;
			if (rpt_buf_append(&f->title, p->elem, p->elem_len) == -1)
				return -1;
		}
		break;
	case RPT_K_DOCNO:
		if (f->docno.len == 0 &&
		    rpt_buf_append(&f->docno, p->elem, p->elem_len) == -1)
			return -1;
		break;
	case RPT_K_ISSUER:
		if (block_line(&f->issuer, p->p, p->len) == -1)
			return -1;
		break;
	case RPT_K_SIGNATURE:
		if (block_line(&f->signature, p->p, p->len) == -1)
			return -1;
		break;
	case RPT_K_DATE:
	case RPT_K_SUBTITLE:
		if (note_date(f, p) == -1)
			return -1;
		break;
	case RPT_K_HEADING:
		f->out.headings++;
		if (p->depth > f->out.depth)
			f->out.depth = p->depth;
		/* A part is present when it has a level-1 section. */
		if (p->depth == 1)
			f->out.have |= p->parts;
		/* FALLTHROUGH */
	case RPT_K_BODY:
		f->out.paras++;
		f->out.text_chars += chars;
		break;
	default:
		break;
	}
	return note_part(f, p, chars);
}

/* The text of b, "" when there is none. */
static const char *
text(const struct rpt_buf *b, size_t *len)
{
	*len = b->len;
	return b->len > 0 ? b->p : "";
}

const struct rpt_doc_facts *
rpt_facts_end(struct rpt_facts *f, const struct rpt_doc *d)
{
	struct rpt_doc_facts *o = &f->out;
	size_t i;
	int k;

	/* The page's metadata for what the document does not say itself. */
	if (f->title.len == 0)
		o->title = text(&f->meta[M_TITLE], &o->title_len);
	else
		o->title = text(&f->title, &o->title_len);
	if (f->docno.len == 0)
		o->docno = text(&f->meta[M_DOCNO], &o->docno_len);
	else
		o->docno = text(&f->docno, &o->docno_len);
	if (f->issuer.len == 0 && f->signature.len == 0)
		o->issuer = text(&f->meta[M_ISSUER], &o->issuer_len);
	else if (f->issuer.len > 0)
		o->issuer = text(&f->issuer, &o->issuer_len);
	else
		o->issuer = text(&f->signature, &o->issuer_len);
	for (k = M_DATE; f->date_len == 0 && k <= M_MADE; k++)
		if (f->meta[k].len > 0) {
			memcpy(f->date, f->meta[k].p, f->meta[k].len);
			f->date[f->meta[k].len] = '\0';
			f->date_len = f->meta[k].len;
		}
	o->signature = text(&f->signature, &o->signature_len);
	o->date = f->date;
	o->date_len = f->date_len;
	o->year = rpt_doc_year(d);
	o->profile = rpt_doc_profile(d);
	o->parts_profile = f->profile;
	memset(&o->missing, 0, sizeof(o->missing));
	if (f->profile != NULL)
		rpt_profile_missing(f->profile, o->have, &o->missing);
	for (i = 0; i < f->nsizes; i++)
		f->sizes[i].name = f->names.p + f->name_off[i];
	o->sizes = f->sizes;
	o->nsizes = f->nsizes;
	return o;
}

int
rpt_part_sizes_format(const struct rpt_doc_facts *f, struct rpt_buf *out)
{
	char num[32];
	size_t i;
	int n;

	for (i = 0; i < f->nsizes; i++) {
		n = snprintf(num, sizeof(num), ":%zu", f->sizes[i].chars);
		if ((i > 0 && rpt_buf_append(out, ",", 1) == -1) ||
		    rpt_buf_append(out, f->sizes[i].name,
		    f->sizes[i].name_len) == -1 ||
		    rpt_buf_append(out, num, (size_t)n) == -1)
			return -1;
	}
	if (rpt_buf_reserve(out, 1) == -1)
		return -1;
	out->p[out->len] = '\0';
	return 0;
}

int
rpt_missing_format(const struct rpt_doc_facts *f, struct rpt_buf *out)
{
	if (f->parts_profile != NULL)
		return rpt_parts_format(f->parts_profile, &f->missing, ',', out);
	if (rpt_buf_reserve(out, 1) == -1)
		return -1;
	out->p[out->len] = '\0';
	return 0;
}
