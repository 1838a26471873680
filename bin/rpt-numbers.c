/*
 * rpt-numbers - one TSV row per quantity mentioned in a report: its value,
 * range, unit, qualifier and kind, where it is, and what it counts.
 */
#include <stdlib.h>
#include <string.h>

#include "cli.h"

enum { OPT_KINDS = 0x200 };

/* The options. */
static int all;
static unsigned kinds;			/* bit per enum rpt_qkind; 0 = default */

/* What the run keeps from one paragraph to the next. */
struct run {
	struct rpt_numbers	*finder;
	struct rpt_buf		 section;	/* the section column */
	struct rpt_buf		 lead;		/* file TAB line */
	struct rpt_buf		 shared;	/* section TAB part, escaped */
	struct rpt_buf		 mid;		/* kind TAB ... qual (middle()) */
};

static const struct option longopts[] = {
	{ "all",	no_argument,		NULL, 'a' },
	{ "kinds",	required_argument,	NULL, OPT_KINDS },
	{ NULL, 0, NULL, 0 }
};

static int
option(int c, const char *arg)
{
	enum rpt_qkind k;
	const char *p, *q;

	switch (c) {
	case 'a':
		all = 1;
		break;
	case OPT_KINDS:
		for (p = arg; *p != '\0'; p = *q ? q + 1 : q) {
			q = p + strcspn(p, ",");
			if (rpt_qkind_parse(p, (size_t)(q - p), &k) == -1)
				return rpt_cli_usage("invalid kind '%.*s' in "
				    "--kinds", (int)(q - p), p);
			kinds |= 1U << k;
		}
		break;
	}
	return 0;
}

static const char *const *
columns(void)
{
	static const char *cols[] = {
		"file", "line", "col", "section", "part", "kind", "value",
		"max", "unit", "qual", "text", "context", "after", NULL
	};

	return cols;
}

static int
doc_begin(const struct rpt_cli_doc *doc)
{
	struct run *run = doc->state;

	if (run->finder == NULL &&
	    (run->finder = rpt_numbers_new(all)) == NULL)
		return -1;
	return 0;
}

/*
 * The kind, value, max, unit and qual columns of q, TAB-separated, into
 * b; -1 on allocation failure.  None needs escaping: they are names,
 * decimals and dates, and units that are words of the lists in numbers.c
 * (or in the text where one of those matched).  One field for the five
 * saves four calls a row.
 */
static int
middle(struct rpt_buf *b, const struct rpt_quantity *q)
{
	const char *f[5];
	size_t len[5], i, total = 4;	/* 4: the TABs */

	f[0] = rpt_qkind_name(q->kind);
	f[1] = q->value;
	f[2] = q->max;
	f[3] = q->unit != NULL ? q->unit : "";
	f[4] = rpt_qual_name(q->qual);
	len[0] = strlen(f[0]);
	len[1] = strlen(f[1]);
	len[2] = strlen(f[2]);
	len[3] = q->unit_len;
	len[4] = strlen(f[4]);
	for (i = 0; i < 5; i++)
		total += len[i];
	b->len = 0;
	if (rpt_buf_reserve(b, total) == -1)
		return -1;
	for (i = 0; i < 5; i++) {
		if (i > 0)
			b->p[b->len++] = '\t';
		memcpy(b->p + b->len, f[i], len[i]);
		b->len += len[i];
	}
	return 0;
}

static int
para(const struct rpt_cli_doc *doc, const struct rpt_para *p)
{
	const struct rpt_quantity *q;
	struct rpt_tsv *out = doc->out;
	struct run *run = doc->state;
	struct rpt_context cx;
	size_t at = 0;
	long i, n, col = 0;

	/* Web remnants are never scanned. */
	if (p->kind == RPT_K_BOILERPLATE)
		return 0;
	/* Found in the folded text; the columns show the text as written. */
	if ((n = rpt_numbers(run->finder, rpt_para_fold(p), p->len,
	    p->marker_len, &q)) == -1)
		return -1;
	if (n == 0)
		return 0;
	if (rpt_path_format(&run->section, p->path, p->depth) == -1)
		return -1;
	/*
	 * The file and line columns, and the section and part columns, are
	 * the same for every mention: each pair goes out as one field.
	 */
	run->lead.len = 0;
	if (rpt_buf_append(&run->lead, doc->name, doc->name_len) == -1 ||
	    rpt_buf_append(&run->lead, "\t", 1) == -1 ||
	    rpt_tsv_number(&run->lead, p->line) == -1)
		return -1;
	run->shared.len = 0;
	if (rpt_tsv_escape(&run->shared, run->section.p, run->section.len) == -1 ||
	    rpt_buf_append(&run->shared, "\t", 1) == -1 ||
	    rpt_tsv_escape(&run->shared, p->part, strlen(p->part)) == -1)
		return -1;
	for (i = 0; i < n; i++) {
		if (kinds != 0 ? !(kinds & (1U << q[i].kind)) :
		    (!all && q[i].kind >= RPT_Q_MARKER))
			continue;
		rpt_tsv_raw(out, run->lead.p, run->lead.len);
		/* The column, counted on from the last mention's. */
		col += (long)rpt_count_leads(p->p + at, q[i].off - at);
		at = q[i].off;
		rpt_tsv_long(out, col + 1);
		rpt_tsv_raw(out, run->shared.p, run->shared.len);
		if (middle(&run->mid, &q[i]) == -1)
			return -1;
		rpt_tsv_raw(out, run->mid.p, run->mid.len);
		rpt_tsv_field(out, p->p + q[i].off, q[i].len);
		rpt_quantity_context(p->p, p->len, &q[i], &cx);
		rpt_tsv_field(out, p->p + cx.before_off, cx.before_len);
		rpt_tsv_field(out, p->p + cx.after_off, cx.after_len);
		rpt_tsv_eol(out);
	}
	return 0;
}

static void
cleanup(void *state)
{
	struct run *run = state;

	rpt_numbers_free(run->finder);
	rpt_buf_free(&run->section);
	rpt_buf_free(&run->lead);
	rpt_buf_free(&run->shared);
	rpt_buf_free(&run->mid);
}

static const struct rpt_cli numbers_cli = {
	.name = "rpt-numbers",
	.synopsis = "[-a] [--kinds=LIST] [OPTION]... [FILE]...",
	.about = "List every quantity in reports: value, unit, qualifier, kind "
	    "and what it counts, one TSV row each.",
	.options_help =
	    "  -a, --all             also the numerals that are no quantities\n"
	    "                        (kind marker, ordinal, name, code, vague)\n"
	    "      --kinds=LIST      only these kinds, comma-separated\n",
	.shortopts = "a",
	.longopts = longopts,
	.option = option,
	.columns = columns,
	.doc_begin = doc_begin,
	.para = para,
	.cleanup = cleanup,
};

int
main(int argc, char *argv[])
{
	struct run run;

	memset(&run, 0, sizeof(run));
	return rpt_cli_main(&numbers_cli, &run, argc, argv);
}
