/*
 * rpt-stats - one TSV row per report: what it is (title, 发文字号, issuer,
 * year, date), how big and how structured, which parts it has and lacks,
 * how many figures it gives, and how often it uses the user's patterns.
 *
 * The facts come from lib/facts.c and the counts from lib/stats.c, made by
 * the same library code as the other filters, so that sents equals the
 * heading and body rows of rpt-split, headings the heading rows of
 * rpt-sections, items its -i item rows, quantities the rows of rpt-numbers.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"

static const char *const fixed_cols[] = {
	"file", "status", "encoding", "profile", "title", "docno", "issuer",
	"year", "date", "chars", "han", "paras", "sents", "avg_sent",
	"headings", "depth", "items", "quantities", "percents", "parts",
	"missing", "boilerplate_chars", NULL
};

/* The options; the patterns are compiled into stats, which counts them. */
static struct {
	int		 long_form;
	struct rpt_stats *stats;
} opt;

/* What a run keeps from one paragraph to the next. */
struct run {
	struct rpt_facts *facts;
	struct rpt_buf	 out;		/* a column's text */
};

static const struct option longopts[] = {
	{ "long",	no_argument,		NULL, 'l' },
	{ "regexp",	required_argument,	NULL, 'e' },
	{ "file",	required_argument,	NULL, 'f' },
	{ NULL, 0, NULL, 0 }
};

/* -l; -e NAME=PATTERN and -f FILE add patterns, which stats compiles. */
static int
option(int c, const char *arg)
{
	struct rpt_profile_error e;
	const char *eq;
	int r;

	if (c == 'l') {
		opt.long_form = 1;
		return 0;
	}
	if (opt.stats == NULL && (opt.stats = rpt_stats_new(fixed_cols,
	    "a column of rpt-stats")) == NULL)
		return rpt_cli_usage("%s", strerror(ENOMEM));
	if (c == 'f')
		r = rpt_stats_load(opt.stats, arg, &e);
	else if ((eq = strchr(arg, '=')) == NULL)
		return rpt_cli_usage("-e wants NAME=PATTERN, not '%s'", arg);
	else
		r = rpt_stats_pattern(opt.stats, arg, (size_t)(eq - arg), eq + 1,
		    strlen(eq + 1), &e);
	if (r == 0 || errno == ENOMEM)
		return r == 0 ? 0 : rpt_cli_usage("%s", strerror(ENOMEM));
	if (c == 'e')
		return rpt_cli_usage("%s", e.msg);
	if (e.line == 0)
		return rpt_cli_usage("%s: %s", arg, e.msg);
	return rpt_cli_usage("%s:%ld: %s", arg, e.line, e.msg);
}

/* The header: the fixed columns, then the patterns' in order. */
static const char *const *
columns(void)
{
	static const char *const long_cols[] = { "file", "key", "value", NULL };

	return opt.long_form ? long_cols : opt.stats != NULL ?
	    rpt_stats_columns(opt.stats) : fixed_cols;
}

static int
doc_begin(const struct rpt_cli_doc *doc)
{
	struct run *run = doc->state;

	if ((opt.stats == NULL && (opt.stats = rpt_stats_new(fixed_cols,
	    "a column of rpt-stats")) == NULL) ||
	    (run->facts == NULL && (run->facts = rpt_facts_new()) == NULL))
		return -1;
	rpt_facts_reset(run->facts);
	rpt_stats_reset(opt.stats);
	return 0;
}

static int
para(const struct rpt_cli_doc *doc, const struct rpt_para *p)
{
	struct run *run = doc->state;

	return rpt_facts_para(run->facts, p) == -1 ||
	    rpt_stats_para(opt.stats, p) == -1 ? -1 : 0;
}

/* One value: a field of the wide row, or a "file key value" line. */
static void
put(const struct rpt_cli_doc *doc, const char *key, const char *v, size_t n)
{
	if (opt.long_form) {
		rpt_tsv_raw(doc->out, doc->name, doc->name_len);
		rpt_tsv_raw(doc->out, key, strlen(key));
		rpt_tsv_field(doc->out, v, n);
		rpt_tsv_eol(doc->out);
	} else
		rpt_tsv_field(doc->out, v, n);
}

/* A number; "" for -1 (not known). */
static void
put_num(const struct rpt_cli_doc *doc, const char *key, long long v)
{
	char buf[32];

	snprintf(buf, sizeof(buf), "%lld", v);
	put(doc, key, buf, v == -1 ? 0 : strlen(buf));
}

/* The row of a document that was read (status ok or partial). */
static int
doc_end(const struct rpt_cli_doc *doc)
{
	struct run *run = doc->state;
	const struct rpt_doc_facts *f = rpt_facts_end(run->facts, doc->model);
	const struct rpt_text_stats *t = rpt_stats_counts(opt.stats);
	const char *status = doc->stopped ? "partial" : "ok";
	const char *enc = rpt_enc_name(doc->enc), *name, *text;
	char avg[48], key[64];
	size_t i;
	int failed = 0;

	if (!opt.long_form)
		rpt_tsv_raw(doc->out, doc->name, doc->name_len);
	put(doc, "status", status, strlen(status));
	put(doc, "encoding", enc, strlen(enc));
	put(doc, "profile", f->profile, strlen(f->profile));
	put(doc, "title", f->title, f->title_len);
	put(doc, "docno", f->docno, f->docno_len);
	put(doc, "issuer", f->issuer, f->issuer_len);
	put_num(doc, "year", f->year > 0 ? f->year : -1);
	put(doc, "date", f->date, f->date_len);
	put_num(doc, "chars", (long long)f->chars);
	put_num(doc, "han", (long long)t->han);
	put_num(doc, "paras", (long long)f->paras);
	put_num(doc, "sents", (long long)t->sents);
	rpt_ratio_format(avg, f->text_chars, t->sents);
	put(doc, "avg_sent", avg, strlen(avg));
	put_num(doc, "headings", (long long)f->headings);
	put_num(doc, "depth", f->depth);
	put_num(doc, "items", (long long)t->items);
	put_num(doc, "quantities", (long long)t->quantities);
	put_num(doc, "percents", (long long)t->percents);
	/* The parts' sizes: a row each in long form. */
	for (i = 0; opt.long_form && i < f->nsizes; i++) {
		snprintf(key, sizeof(key), "part.%.*s", (int)f->sizes[i].name_len,
		    f->sizes[i].name);
		put_num(doc, key, (long long)f->sizes[i].chars);
	}
	run->out.len = 0;
	if (!opt.long_form && rpt_part_sizes_format(f, &run->out) == -1)
		return -1;
	if (!opt.long_form)
		put(doc, "parts", run->out.p, run->out.len);
	run->out.len = 0;
	if (rpt_missing_format(f, &run->out) == -1)
		return -1;
	put(doc, "missing", run->out.p, run->out.len);
	put_num(doc, "boilerplate_chars", (long long)f->boilerplate_chars);
	for (i = 0; i < rpt_stats_npatterns(opt.stats); i++) {
		name = rpt_stats_pattern_name(opt.stats, i, &text);
		put_num(doc, name, rpt_stats_matches(opt.stats, i));
		if (rpt_stats_matches(opt.stats, i) == -1) {
			rpt_cli_error("%s: pattern %s (%s): match limit exceeded, "
			    "not counted", doc->name, name, text);
			failed = 1;
		}
	}
	if (!opt.long_form)
		rpt_tsv_eol(doc->out);
	return failed;
}

/* A refused file still has its row, with status refused. */
static int
refused(const struct rpt_cli_doc *doc, const char *reason)
{
	const char *const *col = columns();

	(void)reason;
	if (!opt.long_form)
		rpt_tsv_raw(doc->out, doc->name, doc->name_len);
	put(doc, "status", "refused", 7);
	for (col += 2; !opt.long_form && *col != NULL; col++)
		rpt_tsv_field(doc->out, "", 0);
	if (!opt.long_form)
		rpt_tsv_eol(doc->out);
	return 0;
}

static void
cleanup(void *state)
{
	struct run *run = state;

	rpt_stats_free(opt.stats);
	rpt_facts_free(run->facts);
	rpt_buf_free(&run->out);
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
	struct run run = { NULL, { NULL, 0, 0 } };

	return rpt_cli_main(&stats_cli, &run, argc, argv);
}
