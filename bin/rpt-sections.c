/*
 * rpt-sections - one TSV row per structural element of a report: title,
 * 发文字号, issuer, addressee, every heading, signature, date, blocks of
 * web remnants.  A heading's chars column covers its whole section, known
 * only when the section ends, so a document's rows (never its text) are
 * held until the document ends: memory grows with the number of headings.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

/* A row held back: strings are offsets into the pool. */
struct row {
	long		 line;
	enum rpt_kind	 kind;
	int		 level;		/* headings: depth; else 0 */
	size_t		 marker, marker_len;
	int		 num;
	size_t		 path, path_len;
	size_t		 title, title_len;
	long		 chars;
};

static struct row *rows;
static size_t nrows, caprows;
static struct rpt_buf pool, scratch;
/* The open sections: indices of their heading rows, by level - 1. */
static size_t open_rows[RPT_DEPTH_MAX];
static int nopen;
/* The row that a continuation line (title, block) adds to, or -1. */
static long last_elem = -1;

static int with_items;
static struct rpt_splitter *splitter;
static int items;			/* items so far in the section */

static const struct option longopts[] = {
	{ "items",	no_argument,		NULL, 'i' },
	{ NULL, 0, NULL, 0 }
};

static int
option(int c, const char *arg)
{
	(void)arg;
	if (c == 'i')
		with_items = 1;
	return 0;
}

static const char *const *
columns(void)
{
	static const char *cols[] = {
		"file", "line", "kind", "level", "marker", "num", "path",
		"part", "title", "chars", NULL
	};

	return cols;
}

static int
doc_begin(const struct rpt_cli_doc *doc)
{
	(void)doc;
	if (with_items && splitter == NULL &&
	    (splitter = rpt_splitter_new(RPT_U_ITEM, 0)) == NULL)
		return -1;
	items = 0;
	nrows = 0;
	pool.len = 0;
	nopen = 0;
	last_elem = -1;
	return 0;
}

/* Put a string in the pool; its offset in *off. */
static int
intern(const char *p, size_t n, size_t *off)
{
	*off = pool.len;
	return rpt_buf_append(&pool, p, n);
}

static struct row *
new_row(void)
{
	struct row *r;

	if (nrows == caprows) {
		size_t cap = caprows ? 2 * caprows : 256;

		if ((r = realloc(rows, cap * sizeof(*r))) == NULL)
			return NULL;
		rows = r;
		caprows = cap;
	}
	r = &rows[nrows++];
	memset(r, 0, sizeof(*r));
	return r;
}

/*
 * Rows for the enumerated items of a paragraph (一是…, 第一，…, ①…), cut
 * by the same code as rpt-split -u item; numbered within their section.
 */
static int
item_rows(const struct rpt_para *p)
{
	const struct rpt_span *spans;
	const char *t, *stop;
	size_t k, tl;
	long i, n;
	struct row *r;
	char num[16];
	int len;

	if ((n = rpt_split(splitter, p->p, p->len, &spans)) == -1)
		return -1;
	for (i = 0; i < n; i++) {
		t = p->p + spans[i].off;
		if ((k = rpt_enumerator(t, spans[i].len)) == 0)
			continue;
		if ((r = new_row()) == NULL)
			return -1;
		r->line = p->line;
		r->kind = RPT_K_ITEM;
		r->level = p->depth + 1;
		r->num = ++items;
		r->chars = (long)spans[i].chars;
		if (intern(t, k, &r->marker) == -1)
			return -1;
		r->marker_len = k;
		/* The title: after the enumerator, up to its first 。 or ；. */
		tl = spans[i].len - k;
		if ((stop = rpt_memmem(t + k, tl, "。", 3)) != NULL)
			tl = (size_t)(stop - t - k);
		if ((stop = rpt_memmem(t + k, tl, "；", 3)) != NULL)
			tl = (size_t)(stop - t - k);
		if (intern(t + k, tl, &r->title) == -1)
			return -1;
		r->title_len = tl;
		if (rpt_path_format(&scratch, p->path, p->depth) == -1)
			return -1;
		len = snprintf(num, sizeof(num), "%s%d", p->depth > 0 ? "." : "",
		    items);
		if (rpt_buf_append(&scratch, num, (size_t)len) == -1 ||
		    intern(scratch.p, scratch.len, &r->path) == -1)
			return -1;
		r->path_len = scratch.len;
	}
	return 0;
}

static int
para(const struct rpt_cli_doc *doc, const struct rpt_para *p)
{
	const char *mk;
	size_t mlen;
	struct row *r;
	int i;

	(void)doc;
	/* Body and headings count towards every open section. */
	if (p->kind == RPT_K_BODY || p->kind == RPT_K_HEADING) {
		if (p->kind == RPT_K_HEADING)
			while (nopen > 0 &&
			    rows[open_rows[nopen - 1]].level >= p->depth)
				nopen--;
		for (i = 0; i < nopen; i++)
			rows[open_rows[i]].chars += (long)p->chars;
		if (p->kind == RPT_K_HEADING)
			items = 0;
		if (p->kind == RPT_K_BODY) {
			last_elem = -1;
			return with_items ? item_rows(p) : 0;
		}
	}
	/* A continuation line, or the next line of a block, joins its row. */
	if (last_elem >= 0 && (p->joined || (p->kind == RPT_K_BOILERPLATE &&
	    rows[last_elem].kind == RPT_K_BOILERPLATE))) {
		r = &rows[last_elem];
		r->chars += (long)p->chars;
		if (p->joined)
			return 0;
		/* Block lines are listed in the title, separated by " / ". */
		if (pool.len != r->title + r->title_len) {
			/* Something came after it: move the title to the end. */
			scratch.len = 0;
			if (rpt_buf_append(&scratch, pool.p + r->title,
			    r->title_len) == -1 ||
			    intern(scratch.p, scratch.len, &r->title) == -1)
				return -1;
		}
		if (rpt_buf_append(&pool, " / ", 3) == -1 ||
		    rpt_buf_append(&pool, p->elem, p->elem_len) == -1)
			return -1;
		r->title_len = pool.len - r->title;
		return 0;
	}
	if ((r = new_row()) == NULL)
		return -1;
	r->line = p->line;
	r->kind = p->kind;
	r->chars = (long)p->chars;
	if (intern(p->elem, p->elem_len, &r->title) == -1)
		return -1;
	r->title_len = p->elem_len;
	if (p->kind == RPT_K_HEADING) {
		r->level = p->depth;
		r->num = p->marker_num;
		mk = p->p;
		mlen = p->marker_len;
		rpt_trim(&mk, &mlen);
		if (intern(mk, mlen, &r->marker) == -1)
			return -1;
		r->marker_len = mlen;
		if (rpt_path_format(&scratch, p->path, p->depth) == -1 ||
		    intern(scratch.p, scratch.len, &r->path) == -1)
			return -1;
		r->path_len = scratch.len;
		if (nopen < RPT_DEPTH_MAX)
			open_rows[nopen++] = nrows - 1;
		last_elem = -1;
		return with_items ? item_rows(p) : 0;
	}
	last_elem = (long)(nrows - 1);
	return 0;
}

static int
doc_end(const struct rpt_cli_doc *doc)
{
	struct rpt_tsv *out = doc->out;
	const char *kind;
	struct row *r;
	size_t i;

	for (i = 0; i < nrows; i++) {
		r = &rows[i];
		kind = rpt_kind_name(r->kind);
		rpt_tsv_raw(out, doc->name, doc->name_len);
		rpt_tsv_long(out, r->line);
		rpt_tsv_raw(out, kind, strlen(kind));
		if (r->level > 0)
			rpt_tsv_long(out, r->level);
		else
			rpt_tsv_field(out, "", 0);
		rpt_tsv_field(out, pool.p + r->marker, r->marker_len);
		if (r->num > 0)
			rpt_tsv_long(out, r->num);
		else
			rpt_tsv_field(out, "", 0);
		rpt_tsv_field(out, pool.p + r->path, r->path_len);
		rpt_tsv_field(out, "", 0);		/* part */
		rpt_tsv_field(out, pool.p + r->title, r->title_len);
		rpt_tsv_long(out, r->chars);
		rpt_tsv_eol(out);
	}
	return 0;
}

static void
cleanup(void)
{
	rpt_splitter_free(splitter);
	free(rows);
	rpt_buf_free(&pool);
	rpt_buf_free(&scratch);
}

static const struct rpt_cli sections_cli = {
	.name = "rpt-sections",
	.synopsis = "[-i] [OPTION]... [FILE]...",
	.about = "List the structure of reports: title, 发文字号, issuer, "
	    "addressee, headings, signature, date, web remnants, one TSV row each.",
	.options_help =
	    "  -i, --items           add a row for each enumerated item (一是…)\n",
	.shortopts = "i",
	.longopts = longopts,
	.option = option,
	.columns = columns,
	.doc_begin = doc_begin,
	.para = para,
	.doc_end = doc_end,
	.cleanup = cleanup,
};

int
main(int argc, char *argv[])
{
	return rpt_cli_main(&sections_cli, argc, argv);
}
