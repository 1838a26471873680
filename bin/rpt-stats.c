/*
 * rpt-stats - one TSV row per report: what it is (title, 发文字号, issuer,
 * year, date), how big and how structured, which parts it has and lacks,
 * how many figures it gives, and how often it uses the user's patterns.
 *
 * Every count is made by the same library code as the other filters, so
 * that sents equals the heading and body rows of rpt-split, headings the
 * heading rows of rpt-sections, items its -i item rows, quantities the
 * rows of rpt-numbers.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

/* A user's pattern: -e NAME=PATTERN or a line of -f FILE. */
struct pattern {
	char			*name;
	char			*text;		/* as given, for messages */
	struct rpt_pattern	*re;
	long			 count;		/* in the current document */
	int			 failed;	/* a search failed in it */
};

static int long_form;
static struct pattern *pats;
static size_t npats, cappats;
static const char **cols;		/* the header with the patterns */

static struct rpt_splitter *sentences;
static struct rpt_numbers *finder;
static struct rpt_facts *facts;

/* The document being read. */
static struct {
	struct rpt_buf	 missing, out;
	size_t		 han, sents, items, quantities, percents;
} d;

static const char *const fixed_cols[] = {
	"file", "status", "encoding", "profile", "title", "docno", "issuer",
	"year", "date", "chars", "han", "paras", "sents", "avg_sent",
	"headings", "depth", "items", "quantities", "percents", "parts",
	"missing", "boilerplate_chars", NULL
};
#define NFIXED	(sizeof(fixed_cols) / sizeof(fixed_cols[0]) - 1)

static const struct option longopts[] = {
	{ "long",	no_argument,		NULL, 'l' },
	{ "regexp",	required_argument,	NULL, 'e' },
	{ "file",	required_argument,	NULL, 'f' },
	{ NULL, 0, NULL, 0 }
};

/* ---------------------------------------------------------------- patterns */

/* Is [p, p + n) a column name: lower-case ASCII letters, digits and _? */
static int
good_name(const char *p, size_t n)
{
	size_t i;

	if (n == 0)
		return 0;
	for (i = 0; i < n; i++)
		if (!((p[i] >= 'a' && p[i] <= 'z') ||
		    (p[i] >= '0' && p[i] <= '9') || p[i] == '_'))
			return 0;
	return 1;
}

/*
 * Add the pattern NAME=PATTERN (sep is the '=' or TAB between them); where
 * is "" for -e, "FILE:LINE: " for -f.  A usage error when bad.
 */
static int
add_pattern(const char *p, size_t n, const char *sep, const char *where)
{
	struct rpt_profile_error e;
	struct pattern *pt;
	const char **header;
	size_t k = (size_t)(sep - p), i;

	if (!good_name(p, k))
		return rpt_cli_usage("%sinvalid pattern name '%.*s' (lower-case "
		    "ASCII letters, digits and _)", where, (int)k, p);
	for (i = 0; i < NFIXED; i++)
		if (strlen(fixed_cols[i]) == k &&
		    memcmp(fixed_cols[i], p, k) == 0)
			return rpt_cli_usage("%spattern name '%.*s' is a "
			    "column of rpt-stats", where, (int)k, p);
	for (i = 0; i < npats; i++)
		if (strlen(pats[i].name) == k && memcmp(pats[i].name, p, k) == 0)
			return rpt_cli_usage("%spattern name '%.*s' given twice",
			    where, (int)k, p);
	if ((pt = rpt_grow(pats, &cappats, npats + 1, sizeof(*pt))) == NULL)
		goto nomem;
	pats = pt;
	pt = &pats[npats];
	memset(pt, 0, sizeof(*pt));
	if ((pt->name = strndup(p, k)) == NULL ||
	    (pt->text = strndup(sep + 1, n - k - 1)) == NULL) {
		free(pt->name);
		goto nomem;
	}
	if (rpt_pattern_new(pt->text, n - k - 1, &pt->re, &e) == -1) {
		free(pt->name);
		free(pt->text);
		if (errno == ENOMEM)
			goto nomem;
		return rpt_cli_usage("%sbad pattern %.*s: %s", where, (int)k, p,
		    e.msg);
	}
	npats++;
	/* The header: the fixed columns, then the patterns in order. */
	if ((header = realloc(cols, (NFIXED + npats + 1) * sizeof(*cols))) ==
	    NULL)
		goto nomem;
	cols = header;
	memcpy(cols, fixed_cols, NFIXED * sizeof(*cols));
	for (i = 0; i < npats; i++)
		cols[NFIXED + i] = pats[i].name;
	cols[NFIXED + npats] = NULL;
	return 0;
nomem:
	return rpt_cli_usage("%s", strerror(ENOMEM));
}

/* -f FILE: NAME<TAB>PATTERN per line; blank lines and # comments skipped. */
static int
pattern_file(const char *path)
{
	char where[4096 + 32], *line = NULL, *tab;
	size_t cap = 0;
	ssize_t n;
	long num = 0;
	FILE *fp;
	int r = 0;

	if ((fp = fopen(path, "r")) == NULL)
		return rpt_cli_usage("%s: %s", path, strerror(errno));
	while (r == 0 && (n = getline(&line, &cap, fp)) != -1) {
		num++;
		while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'))
			line[--n] = '\0';
		if (n == 0 || line[0] == '#')
			continue;
		snprintf(where, sizeof(where), "%s:%ld: ", path, num);
		if ((tab = memchr(line, '\t', (size_t)n)) == NULL)
			r = rpt_cli_usage("%sexpected NAME<TAB>PATTERN", where);
		else
			r = add_pattern(line, (size_t)n, tab, where);
	}
	if (r == 0 && ferror(fp))
		r = rpt_cli_usage("%s: %s", path, strerror(errno));
	free(line);
	fclose(fp);
	return r;
}

static int
option(int c, const char *arg)
{
	const char *eq;

	switch (c) {
	case 'l':
		long_form = 1;
		break;
	case 'e':
		if ((eq = strchr(arg, '=')) == NULL)
			return rpt_cli_usage("-e wants NAME=PATTERN, not '%s'",
			    arg);
		return add_pattern(arg, strlen(arg), eq, "");
	case 'f':
		return pattern_file(arg);
	}
	return 0;
}

static const char *const *
columns(void)
{
	static const char *const long_cols[] = { "file", "key", "value", NULL };

	if (long_form)
		return long_cols;
	return cols != NULL ? cols : fixed_cols;
}

/* ---------------------------------------------------------------- a document */

static int
doc_begin(const struct rpt_cli_doc *doc)
{
	size_t i;

	(void)doc;
	/* Only the number of sentences is needed: their chars are the paragraph's. */
	if ((sentences == NULL && (sentences = rpt_splitter_new(RPT_U_SENTENCE,
	    RPT_SPLIT_NO_CHARS)) == NULL) ||
	    (finder == NULL && (finder = rpt_numbers_new(0)) == NULL) ||
	    (facts == NULL && (facts = rpt_facts_new()) == NULL))
		return -1;
	rpt_facts_reset(facts);
	d.han = d.sents = d.items = d.quantities = d.percents = 0;
	for (i = 0; i < npats; i++) {
		pats[i].count = pats[i].failed = 0;
		rpt_pattern_reset(pats[i].re);
	}
	return 0;
}

/* Sentences, items, quantities and pattern matches of the report proper. */
static int
count_text(const struct rpt_para *p)
{
	struct rpt_profile_error e;
	const struct rpt_quantity *q;
	const struct rpt_span *spans;
	long i, n;
	size_t k;

	if (p->kind == RPT_K_HEADING || p->kind == RPT_K_BODY) {
		if ((n = rpt_split(sentences, p->p, p->len, &spans)) == -1)
			return -1;
		d.sents += (size_t)n;
		/* Items, as rpt-sections -i: also in a heading's run-in text. */
		d.items += (size_t)rpt_count_items(p->p, p->len);
	}
	if ((n = rpt_numbers(finder, p->p, p->len, p->marker_len, &q)) == -1)
		return -1;
	for (i = 0; i < n; i++) {
		d.quantities += q[i].kind < RPT_Q_MARKER;
		d.percents += q[i].kind == RPT_Q_PERCENT;
	}
	for (k = 0; k < npats; k++) {
		if (pats[k].failed)
			continue;
		if ((n = rpt_pattern_count(pats[k].re, p->p, p->len, &e)) == -1) {
			if (errno == ENOMEM)
				return -1;
			pats[k].failed = 1;
			continue;
		}
		pats[k].count += n;
	}
	return 0;
}

static int
para(const struct rpt_cli_doc *doc, const struct rpt_para *p)
{
	(void)doc;
	if (rpt_facts_para(facts, p) == -1)
		return -1;
	if (p->kind == RPT_K_BOILERPLATE)
		return 0;
	d.han += rpt_count_han(p->p, p->len);
	return count_text(p);
}

/* ---------------------------------------------------------------- the row */

/* One value: a field of the wide row, or a "file key value" line. */
static void
put(const struct rpt_cli_doc *doc, const char *key, const char *v, size_t n)
{
	if (long_form) {
		rpt_tsv_raw(doc->out, doc->name, doc->name_len);
		rpt_tsv_raw(doc->out, key, strlen(key));
		rpt_tsv_field(doc->out, v, n);
		rpt_tsv_eol(doc->out);
	} else
		rpt_tsv_field(doc->out, v, n);
}

static void
put_str(const struct rpt_cli_doc *doc, const char *key, const char *v)
{
	put(doc, key, v, strlen(v));
}

static void
put_num(const struct rpt_cli_doc *doc, const char *key, size_t v)
{
	char buf[32];

	snprintf(buf, sizeof(buf), "%zu", v);
	put_str(doc, key, buf);
}

/* The parts column: preamble:210,measures:5234,... */
static int
parts_text(struct rpt_buf *b, const struct rpt_doc_facts *f)
{
	char num[32];
	size_t i;

	b->len = 0;
	for (i = 0; i < f->nsizes; i++) {
		snprintf(num, sizeof(num), ":%zu", f->sizes[i].chars);
		if ((i > 0 && rpt_buf_append(b, ",", 1) == -1) ||
		    rpt_buf_append(b, f->sizes[i].name,
		    f->sizes[i].name_len) == -1 ||
		    rpt_buf_append(b, num, strlen(num)) == -1)
			return -1;
	}
	return 0;
}

/* The row of a document that was read (status ok or partial). */
static int
doc_end(const struct rpt_cli_doc *doc)
{
	const struct rpt_doc_facts *f = rpt_facts_end(facts, doc->model);
	char key[64], avg[32];
	size_t i;
	int failed = 0;

	if (!long_form)
		rpt_tsv_raw(doc->out, doc->name, doc->name_len);
	put_str(doc, "status", doc->stopped ? "partial" : "ok");
	put_str(doc, "encoding", rpt_enc_name(doc->enc));
	put_str(doc, "profile", f->profile);
	put(doc, "title", f->title, f->title_len);
	put(doc, "docno", f->docno, f->docno_len);
	put(doc, "issuer", f->issuer, f->issuer_len);
	if (f->year > 0)
		put_num(doc, "year", (size_t)f->year);
	else
		put_str(doc, "year", "");
	put(doc, "date", f->date, f->date_len);
	put_num(doc, "chars", f->chars);
	put_num(doc, "han", d.han);
	put_num(doc, "paras", f->paras);
	put_num(doc, "sents", d.sents);
	/* One decimal, rounded half up, without floating point. */
	if (d.sents > 0) {
		size_t t = (f->text_chars * 10 + d.sents / 2) / d.sents;

		snprintf(avg, sizeof(avg), "%zu.%zu", t / 10, t % 10);
	} else
		avg[0] = '\0';
	put_str(doc, "avg_sent", avg);
	put_num(doc, "headings", f->headings);
	put_num(doc, "depth", (size_t)f->depth);
	put_num(doc, "items", d.items);
	put_num(doc, "quantities", d.quantities);
	put_num(doc, "percents", d.percents);
	if (long_form) {
		for (i = 0; i < f->nsizes; i++) {
			snprintf(key, sizeof(key), "part.%.*s",
			    (int)f->sizes[i].name_len, f->sizes[i].name);
			put_num(doc, key, f->sizes[i].chars);
		}
	} else {
		if (parts_text(&d.out, f) == -1)
			return -1;
		put(doc, "parts", d.out.p, d.out.len);
	}
	d.missing.len = 0;
	if (f->parts_profile != NULL && rpt_parts_format(f->parts_profile,
	    &f->missing, ',', &d.missing) == -1)
		return -1;
	put(doc, "missing", d.missing.p, d.missing.len);
	put_num(doc, "boilerplate_chars", f->boilerplate_chars);
	for (i = 0; i < npats; i++) {
		if (pats[i].failed) {
			rpt_cli_error("%s: pattern %s (%s): match limit exceeded, "
			    "not counted", doc->name, pats[i].name,
			    pats[i].text);
			put_str(doc, pats[i].name, "");
			failed = 1;
		} else
			put_num(doc, pats[i].name, (size_t)pats[i].count);
	}
	if (!long_form)
		rpt_tsv_eol(doc->out);
	return failed;
}

/* A refused file still has its row, with status refused. */
static int
refused(const struct rpt_cli_doc *doc, const char *reason)
{
	size_t i;

	(void)reason;
	if (long_form) {
		put_str(doc, "status", "refused");
		return 0;
	}
	rpt_tsv_raw(doc->out, doc->name, doc->name_len);
	rpt_tsv_raw(doc->out, "refused", 7);
	for (i = 2; i < NFIXED + npats; i++)
		rpt_tsv_field(doc->out, "", 0);
	rpt_tsv_eol(doc->out);
	return 0;
}

static void
cleanup(void)
{
	size_t i;

	for (i = 0; i < npats; i++) {
		rpt_pattern_free(pats[i].re);
		free(pats[i].name);
		free(pats[i].text);
	}
	free(pats);
	free(cols);
	rpt_facts_free(facts);
	rpt_buf_free(&d.missing);
	rpt_buf_free(&d.out);
	rpt_splitter_free(sentences);
	rpt_numbers_free(finder);
}

static const struct rpt_cli stats_cli = {
	.name = "rpt-stats",
	.synopsis = "[-l] [-e NAME=PATTERN]... [-f FILE] [OPTION]... [FILE]...",
	.about = "Describe each report in one TSV row: title, issuer, year, "
	    "size, structure, parts present and missing, figures, patterns.",
	.options_help =
	    "  -l, --long            one row per document and metric: file key value\n"
	    "  -e, --regexp=NAME=PATTERN\n"
	    "                        a column NAME counting matches of the PCRE2\n"
	    "                        PATTERN in the report (repeatable)\n"
	    "  -f, --file=FILE       patterns from FILE, one NAME<TAB>PATTERN a line\n",
	.shortopts = "le:f:",
	.longopts = longopts,
	.option = option,
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
	return rpt_cli_main(&stats_cli, argc, argv);
}
