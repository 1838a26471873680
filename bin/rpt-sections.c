/*
 * rpt-sections - one TSV row per structural element of a report: title,
 * 发文字号, issuer, addressee, every heading, signature, date, blocks of
 * web remnants.  A heading's chars column covers its whole section, known
 * only when the section ends, so a document's rows (never its text) are
 * held until the document ends: memory grows with the number of headings.
 */
#include <stdarg.h>
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
	size_t		 part, part_len;
	size_t		 title, title_len;
	size_t		 first_len;	/* a block's first line, in title */
	int		 lines;		/* lines of a block */
	long		 chars;
};

static struct row *rows;
static size_t nrows, caprows;
/* Rows written at once when they are final (see flush_rows()). */
#define FLUSH_ROWS	1024
static struct rpt_buf pool, scratch;
/* The open sections: indices of their heading rows, by level - 1. */
static size_t open_rows[RPT_DEPTH_MAX];
static int nopen;
/* The row that a continuation line (title, block) adds to, or -1. */
static long last_elem = -1;

static int with_items;
static struct rpt_splitter *splitter;
static int items;			/* items so far in the section */

enum { OPT_CHECK = 0x200, OPT_PRINT_PROFILE };

static int print_profile;

static int check;			/* --check: findings, not the outline */

/* A finding of --check; line 0 for the document as a whole. */
struct finding {
	long		 line;
	const char	*code;
	size_t		 msg, msg_len;	/* in the pool */
};

static struct finding *finds;
static size_t nfinds, capfinds;
/* Per marker family: the style first seen (its bracket or stop) and line. */
static char style[5][4];
static long style_line[5];
static int mixed_told[5];
/* The parent path under which a level skip was last told, per family. */
static struct rpt_buf skip_told[5];
static size_t titles, dates;
/* Parts with a section of their own, and where others are mentioned. */
static uint64_t have_parts;
struct mention {
	int	 part;			/* of the document's profile */
	long	 line;
	size_t	 under, under_len;	/* the section's part, in the pool */
};
static struct mention *mentions;
static size_t nmentions, capmentions;
static struct rpt_profile *doc_profile;

static const struct option longopts[] = {
	{ "items",	no_argument,		NULL, 'i' },
	{ "check",	no_argument,		NULL, OPT_CHECK },
	{ "print-profile", no_argument,		NULL, OPT_PRINT_PROFILE },
	{ NULL, 0, NULL, 0 }
};

static int
option(int c, const char *arg)
{
	(void)arg;
	if (c == 'i')
		with_items = 1;
	else if (c == OPT_CHECK)
		check = 1;
	else if (c == OPT_PRINT_PROFILE)
		print_profile = 1;
	return 0;
}

/* --print-profile: the profile's text, in the format a profile file has. */
static int
begin(void *state, struct rpt_profile *profile)
{
	const char *text;
	size_t len;

	(void)state;
	if (!print_profile)
		return 0;
	if (profile == NULL)
		return rpt_cli_usage("--print-profile needs --profile=NAME|FILE");
	text = rpt_profile_text(profile, &len);
	fwrite(text, 1, len, stdout);
	return 1;
}

static const char *const *
columns(void)
{
	static const char *cols[] = {
		"file", "line", "kind", "level", "marker", "num", "path",
		"part", "title", "chars", NULL
	};
	static const char *check_cols[] = {
		"file", "line", "code", "message", NULL
	};

	return check ? check_cols : cols;
}

static int
doc_begin(const struct rpt_cli_doc *doc)
{
	(void)doc;
	if ((with_items || check) && splitter == NULL &&
	    (splitter = rpt_splitter_new(RPT_U_ITEM, 0)) == NULL)
		return -1;
	items = 0;
	nrows = 0;
	nfinds = 0;
	titles = dates = 0;
	have_parts = 0;
	nmentions = 0;
	doc_profile = NULL;
	memset(style, 0, sizeof(style));
	memset(mixed_told, 0, sizeof(mixed_told));
	for (int f = 0; f < 5; f++)
		skip_told[f].len = 0;
	pool.len = 0;
	nopen = 0;
	last_elem = -1;
	return 0;
}

/* Put a string in the pool; its offset in *off (and its length in *len). */
static int
intern(const char *p, size_t n, size_t *off)
{
	*off = pool.len;
	return rpt_buf_append(&pool, p, n);
}

static int
intern_len(const char *p, size_t n, size_t *off, size_t *len)
{
	*len = n;
	return intern(p, n, off);
}

/* A row's path (the section's, and an item's number) and part. */
static int
row_place(struct row *r, const struct rpt_para *p, int item)
{
	char num[16];
	int len;

	if (rpt_path_format(&scratch, p->path, p->depth) == -1)
		return -1;
	if (item > 0) {
		len = snprintf(num, sizeof(num), "%s%d", p->depth > 0 ? "." : "",
		    item);
		if (rpt_buf_append(&scratch, num, (size_t)len) == -1)
			return -1;
	}
	if (intern_len(scratch.p, scratch.len, &r->path, &r->path_len) == -1)
		return -1;
	return intern_len(p->part, strlen(p->part), &r->part, &r->part_len);
}

static struct row *
new_row(void)
{
	struct row *r;

	if ((r = rpt_grow(rows, &caprows, nrows + 1, sizeof(*r))) == NULL)
		return NULL;
	rows = r;
	r = &rows[nrows++];
	memset(r, 0, sizeof(*r));
	return r;
}

/* Record a finding; the message is formatted into the pool. */
static int
find(long line, const char *code, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static int
find(long line, const char *code, const char *fmt, ...)
{
	struct finding *f;
	va_list ap;
	char buf[512];
	int n;

	if ((f = rpt_grow(finds, &capfinds, nfinds + 1, sizeof(*f))) == NULL)
		return -1;
	finds = f;
	va_start(ap, fmt);
	n = vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	if (n < 0)
		return -1;
	if ((size_t)n >= sizeof(buf))
		n = sizeof(buf) - 1;
	f = &finds[nfinds++];
	f->line = line;
	f->code = code;
	return intern(buf, (size_t)n, &f->msg) == -1 ? -1 :
	    (f->msg_len = (size_t)n, 0);
}


/*
 * Note the parts a sub-heading or an item names (二是积极履行第一责任人
 * 职责 under measures), for buried-part at the end.
 */
static int
note_mentions(const struct rpt_para *p, const char *t, size_t n)
{
	struct rpt_profile_error e;
	struct rpt_parts named;
	struct mention *m;
	int i;

	if (p->profile == NULL)
		return 0;
	if (rpt_profile_match(p->profile, t, n, 0, &named, &e) <= 0)
		return 0;	/* a failed search is told when it is a heading's */
	for (i = 0; i < named.n; i++) {
		if (p->parts & (UINT64_C(1) << named.list[i]))
			continue;
		if ((m = rpt_grow(mentions, &capmentions, nmentions + 1,
		    sizeof(*m))) == NULL)
			return -1;
		mentions = m;
		m = &mentions[nmentions++];
		m->line = p->line;
		m->part = named.list[i];
		if (intern(p->part, strlen(p->part), &m->under) == -1)
			return -1;
		m->under_len = strlen(p->part);
	}
	return 0;
}

/* missing-part and buried-part: the profile's required parts. */
static int
check_parts(void)
{
	struct rpt_parts missing;
	const char *req, *zh;
	size_t i, zl;
	int j, buried;

	if (doc_profile == NULL)
		return 0;
	rpt_profile_missing(doc_profile, have_parts, &missing);
	for (j = 0; j < missing.n; j++) {
		req = rpt_profile_part(doc_profile, missing.list[j]);
		zh = rpt_profile_part_name(doc_profile, missing.list[j], &zl);
		if (find(0, "missing-part", "%s%.*s%s%s: no section of its own "
		    "(profile %s)", zh ? "缺少“" : "", zh ? (int)zl : 0,
		    zh ? zh : "", zh ? "” / missing " : "missing ", req,
		    rpt_profile_name(doc_profile)) == -1)
			return -1;
		for (i = 0, buried = 0; i < nmentions && !buried; i++) {
			if (mentions[i].part != missing.list[j])
				continue;
			buried = 1;
			if (find(mentions[i].line, "buried-part", "%s is "
			    "mentioned here, inside %.*s, but has no section of "
			    "its own", req, (int)mentions[i].under_len,
			    pool.p + mentions[i].under) == -1)
				return -1;
		}
	}
	return 0;
}

/* The level GB/T 9704 gives each marker family. */
static const int rank[] = {
	[RPT_FAM_CN] = 1, [RPT_FAM_CN_PAREN] = 2, [RPT_FAM_AR] = 3,
	[RPT_FAM_AR_PAREN] = 4
};
static const char *const example[] = {
	[RPT_FAM_CN] = "一、", [RPT_FAM_CN_PAREN] = "（一）",
	[RPT_FAM_AR] = "1.", [RPT_FAM_AR_PAREN] = "（1）"
};

/* The checks a paragraph allows on its own (numbering, markers, debris). */
static int
check_para(const struct rpt_para *p, const char *mk, size_t mlen)
{
	const char *st;
	size_t sl;
	int fam = (int)p->family;

	if (p->profile != NULL)
		doc_profile = p->profile;
	if (p->kind == RPT_K_HEADING && p->depth == 1)
		have_parts |= p->parts;
	if (p->implicit && find(p->line, "unmarked-part", "%s is stated only "
	    "in an unnumbered paragraph, without a heading", p->part) == -1)
		return -1;
	if (p->kind == RPT_K_HEADING && p->depth >= 2 &&
	    note_mentions(p, p->elem, p->elem_len) == -1)
		return -1;
	if (p->debris > 0 && find(p->line, "debris", "%d piece%s of "
	    "conversion debris removed, such as [bookmark: _GoBack]",
	    p->debris, p->debris == 1 ? "" : "s") == -1)
		return -1;
	if (fam == RPT_FAM_NONE)
		return 0;
	if (p->numbering == RPT_NUM_GAP && find(p->line, "numbering-gap",
	    "%.*s where number %d was expected: numbers are skipped",
	    (int)mlen, mk, p->expected) == -1)
		return -1;
	if (p->numbering == RPT_NUM_REPEAT && find(p->line,
	    "numbering-repeat", "%.*s repeats or goes back (number %d was "
	    "expected): read as body text", (int)mlen, mk, p->expected) == -1)
		return -1;
	if (p->kind != RPT_K_HEADING)
		return 0;
	/* The style of a marker: its opening bracket, or its stop. */
	if (fam == RPT_FAM_CN_PAREN || fam == RPT_FAM_AR_PAREN) {
		st = mk;
		sl = (unsigned char)mk[0] < 0x80 ? 1 : 3;
	} else {
		sl = (unsigned char)mk[mlen - 1] < 0x80 ? 1 : 3;
		st = mk + mlen - sl;
	}
	if (style[fam][0] == '\0') {
		memcpy(style[fam], st, sl);
		style_line[fam] = p->line;
	} else if (!mixed_told[fam] && (strlen(style[fam]) != sl ||
	    memcmp(style[fam], st, sl) != 0)) {
		mixed_told[fam] = 1;
		if (find(p->line, "mixed-markers", "%.*s is written unlike the "
		    "marker of its level on line %ld (%s)", (int)mlen, mk,
		    style_line[fam], style[fam]) == -1)
			return -1;
	}
	/* A family below the level GB/T 9704 gives it, told once per parent. */
	if (p->depth < rank[fam]) {
		if (rpt_path_format(&scratch, p->path, p->depth - 1) == -1)
			return -1;
		if (skip_told[fam].len == 0 || skip_told[fam].len - 1 !=
		    scratch.len || memcmp(skip_told[fam].p + 1, scratch.p,
		    scratch.len) != 0) {
			skip_told[fam].len = 0;
			if (rpt_buf_append(&skip_told[fam], "@", 1) == -1 ||
			    rpt_buf_append(&skip_told[fam], scratch.p,
			    scratch.len) == -1)
				return -1;
			if (find(p->line, "level-skip", "%.*s at level %d: GB/T "
			    "9704 puts %s at level %d", (int)mlen, mk, p->depth,
			    example[fam], rank[fam]) == -1)
				return -1;
		}
	}
	return 0;
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
		if (check && note_mentions(p, t + k, tl) == -1)
			return -1;
		if (row_place(r, p, items) == -1)
			return -1;
	}
	return 0;
}

static int
outline_para(const struct rpt_para *p)
{
	const char *mk;
	size_t mlen;
	struct row *r;
	int i;

	if (check) {
		mk = p->p;
		mlen = p->marker_len;
		rpt_trim(&mk, &mlen);
		if (check_para(p, mk, mlen) == -1)
			return -1;
		titles += p->kind == RPT_K_TITLE;
		dates += p->kind == RPT_K_DATE;
	}
	/* Body and headings count towards every open section. */
	if (p->kind == RPT_K_BODY || p->kind == RPT_K_HEADING) {
		if (p->kind == RPT_K_HEADING)
			while (nopen > 0 &&
			    rows[open_rows[nopen - 1]].level >= p->depth)
				nopen--;
		for (i = 0; i < nopen; i++)
			rows[open_rows[i]].chars += (long)rpt_para_chars(p);
		if (p->kind == RPT_K_HEADING)
			items = 0;
		if (p->kind == RPT_K_BODY) {
			last_elem = -1;
			return with_items || check ? item_rows(p) : 0;
		}
	}
	/* A continuation line, or the next line of a block, joins its row. */
	if (last_elem >= 0 && (p->joined || (p->kind == RPT_K_BOILERPLATE &&
	    rows[last_elem].kind == RPT_K_BOILERPLATE))) {
		r = &rows[last_elem];
		r->chars += (long)rpt_para_chars(p);
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
		r->lines++;
		return 0;
	}
	if ((r = new_row()) == NULL)
		return -1;
	r->line = p->line;
	r->kind = p->kind;
	r->chars = (long)rpt_para_chars(p);
	if (intern(p->elem, p->elem_len, &r->title) == -1)
		return -1;
	r->title_len = r->first_len = p->elem_len;
	r->lines = 1;
	if (p->kind == RPT_K_HEADING) {
		r->level = p->depth;
		r->num = p->marker_num;
		mk = p->p;
		mlen = p->marker_len;
		rpt_trim(&mk, &mlen);
		if (intern(mk, mlen, &r->marker) == -1)
			return -1;
		r->marker_len = mlen;
		if (row_place(r, p, 0) == -1)
			return -1;
		if (nopen < RPT_DEPTH_MAX)
			open_rows[nopen++] = nrows - 1;
		last_elem = -1;
		return with_items || check ? item_rows(p) : 0;
	}
	last_elem = (long)(nrows - 1);
	return 0;
}

/* Write one row of the outline. */
static void
write_row(const struct rpt_cli_doc *doc, const struct row *r)
{
	struct rpt_tsv *out = doc->out;
	const char *kind = rpt_kind_name(r->kind);

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
	rpt_tsv_field(out, pool.p + r->part, r->part_len);
	rpt_tsv_field(out, pool.p + r->title, r->title_len);
	rpt_tsv_long(out, r->chars);
	rpt_tsv_eol(out);
}

/* Move a string of a kept row into the new pool. */
static int
keep(struct rpt_buf *to, size_t *off, size_t len)
{
	size_t at = to->len;

	if (rpt_buf_append(to, pool.p + *off, len) == -1)
		return -1;
	*off = at;
	return 0;
}

/*
 * Write the rows that are final, so that a long document is not held in
 * memory: those before the oldest open section (whose chars still grow)
 * and before the row a continuation line may still join; all at the end
 * (final).  The rest move to the front, their strings to a fresh pool.
 * --check keeps every row for its findings.
 */
static int
flush_rows(const struct rpt_cli_doc *doc, int final)
{
	struct rpt_buf to = { NULL, 0, 0 };
	size_t k = nrows, i;
	struct row *r;
	int l;

	if (check)
		return 0;
	if (!final) {
		if (nopen > 0 && open_rows[0] < k)
			k = open_rows[0];
		if (last_elem >= 0 && (size_t)last_elem < k)
			k = (size_t)last_elem;
		/* Not for every paragraph: in batches. */
		if (k < FLUSH_ROWS)
			return 0;
	}
	if (nrows == 0)
		return 0;
	for (i = 0; i < k; i++)
		write_row(doc, &rows[i]);
	if (k < nrows)
		memmove(rows, rows + k, (nrows - k) * sizeof(*rows));
	nrows -= k;
	for (l = 0; l < nopen; l++)
		open_rows[l] -= k;
	if (last_elem >= 0)
		last_elem -= (long)k;
	for (i = 0; i < nrows; i++) {
		r = &rows[i];
		if (keep(&to, &r->marker, r->marker_len) == -1 ||
		    keep(&to, &r->path, r->path_len) == -1 ||
		    keep(&to, &r->part, r->part_len) == -1 ||
		    keep(&to, &r->title, r->title_len) == -1) {
			rpt_buf_free(&to);
			return -1;
		}
	}
	rpt_buf_free(&pool);
	pool = to;
	return 0;
}

static int
para(const struct rpt_cli_doc *doc, const struct rpt_para *p)
{
	if (outline_para(p) == -1)
		return -1;
	return flush_rows(doc, 0);
}

/* Findings in line order, those of the whole document first. */
static int
by_line(const void *a, const void *b)
{
	const struct finding *x = a, *y = b;

	if (x->line != y->line)
		return x->line < y->line ? -1 : 1;
	return x < y ? -1 : x > y;
}

static int
write_findings(const struct rpt_cli_doc *doc)
{
	struct rpt_tsv *out = doc->out;
	struct finding *f;
	size_t i;

	qsort(finds, nfinds, sizeof(*finds), by_line);
	for (i = 0; i < nfinds; i++) {
		f = &finds[i];
		rpt_tsv_raw(out, doc->name, doc->name_len);
		if (f->line > 0)
			rpt_tsv_long(out, f->line);
		else
			rpt_tsv_field(out, "", 0);
		rpt_tsv_raw(out, f->code, strlen(f->code));
		rpt_tsv_field(out, pool.p + f->msg, f->msg_len);
		rpt_tsv_eol(out);
	}
	return 0;
}

/* The checks of the whole document and of its blocks, at its end. */
static int
check_doc(void)
{
	struct row *r;
	size_t i;

	if (check_parts() == -1)
		return -1;
	if (titles == 0 && find(0, "no-title", "no title found") == -1)
		return -1;
	if (dates == 0 && find(0, "no-date", "no date (成文日期) found") == -1)
		return -1;
	for (i = 0; i < nrows; i++) {
		r = &rows[i];
		if (r->kind != RPT_K_BOILERPLATE)
			continue;
		if (find(r->line, "boilerplate", "%d line%s of web-page "
		    "remnants, from %.*s", r->lines, r->lines == 1 ? "" : "s",
		    (int)r->first_len, pool.p + r->title) == -1)
			return -1;
	}
	return 0;
}

static int
refused(const struct rpt_cli_doc *doc, const char *reason)
{
	if (!check)
		return 0;
	nfinds = 0;
	pool.len = 0;
	if (find(0, "refused", "could not be read: %s", reason) == -1)
		return -1;
	return write_findings(doc);
}

static int
doc_end(const struct rpt_cli_doc *doc)
{
	if (check) {
		if (check_doc() == -1 || (doc->stopped && find(0, "partial",
		    "read stopped at an error (on standard error): the "
		    "findings are those of the part before it") == -1))
			return -1;
		return write_findings(doc);
	}

	return flush_rows(doc, 1);
}

static void
cleanup(void *state)
{
	int f;

	(void)state;
	rpt_splitter_free(splitter);
	free(mentions);
	for (f = 0; f < 5; f++)
		rpt_buf_free(&skip_told[f]);
	free(finds);
	free(rows);
	rpt_buf_free(&pool);
	rpt_buf_free(&scratch);
}

static const struct rpt_cli sections_cli = {
	.name = "rpt-sections",
	.synopsis = "[-i] [--check] [OPTION]... [FILE]...",
	.about = "List the structure of reports: title, 发文字号, issuer, "
	    "addressee, headings, signature, date, web remnants, one TSV row each.",
	.options_help =
	    "  -i, --items           add a row for each enumerated item (一是…)\n"
	    "      --check           write findings (file line code message)\n"
	    "                        instead of the outline\n"
	    "      --print-profile   print the --profile given, and exit\n",
	.shortopts = "i",
	.longopts = longopts,
	.option = option,
	.begin = begin,
	.columns = columns,
	.doc_begin = doc_begin,
	.para = para,
	.doc_end = doc_end,
	.refused = refused,
	.cleanup = cleanup,
};

int
main(int argc, char *argv[])
{
	return rpt_cli_main(&sections_cli, NULL, argc, argv);
}
