/*
 * rpt-sections - one TSV row per structural element of a report: title,
 * 发文字号, issuer, addressee, every heading, signature, date, blocks of
 * web remnants (lib/outline.c); with --check, findings about its structure
 * instead (lib/check.c).  This file holds the options and the output.
 */
#include <stdio.h>
#include <string.h>

#include "cli.h"

enum { OPT_CHECK = 0x200, OPT_PRINT_PROFILE };

/* The options. */
static struct {
	int		 items;		/* -i: a row per enumerated item */
	int		 check;		/* --check: findings, not the outline */
	int		 print_profile;
} opt;

/* The outline or the checker the options call for, made once a run. */
struct run {
	struct rpt_outline *outline;
	struct rpt_check *checker;
};

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
		opt.items = 1;
	else if (c == OPT_CHECK)
		opt.check = 1;
	else if (c == OPT_PRINT_PROFILE)
		opt.print_profile = 1;
	return 0;
}

/* --print-profile: the profile's text, in the format a profile file has. */
static int
begin(void *state, struct rpt_profile *profile)
{
	const char *text;
	size_t len;

	(void)state;
	if (!opt.print_profile)
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

	return opt.check ? check_cols : cols;
}

/* The outline or the checker, made for the first document. */
static int
made(struct run *run)
{
	if (opt.check) {
		if (run->checker == NULL)
			run->checker = rpt_check_new();
		return run->checker == NULL ? -1 : 0;
	}
	if (run->outline == NULL)
		run->outline = rpt_outline_new(opt.items ? RPT_OUTLINE_ITEMS : 0);
	return run->outline == NULL ? -1 : 0;
}

static int
doc_begin(const struct rpt_cli_doc *doc)
{
	struct run *run = doc->state;

	if (made(run) == -1)
		return -1;
	if (opt.check)
		rpt_check_reset(run->checker);
	else
		rpt_outline_reset(run->outline);
	return 0;
}

/* A number, or an empty field for 0. */
static void
write_num(struct rpt_tsv *out, long v)
{
	if (v > 0)
		rpt_tsv_long(out, v);
	else
		rpt_tsv_field(out, "", 0);
}

/* Write the rows of the outline that are final. */
static void
write_rows(const struct rpt_cli_doc *doc)
{
	struct run *run = doc->state;
	struct rpt_tsv *out = doc->out;
	struct rpt_outline_row r;
	const char *kind;

	while (rpt_outline_next(run->outline, &r) == 1) {
		kind = rpt_kind_name(r.kind);
		rpt_tsv_raw(out, doc->name, doc->name_len);
		rpt_tsv_long(out, r.line);
		rpt_tsv_raw(out, kind, strlen(kind));
		write_num(out, r.level);
		rpt_tsv_field(out, r.marker, r.marker_len);
		write_num(out, r.num);
		rpt_tsv_field(out, r.path, r.path_len);
		rpt_tsv_field(out, r.part, r.part_len);
		rpt_tsv_field(out, r.title, r.title_len);
		rpt_tsv_long(out, r.chars);
		rpt_tsv_eol(out);
	}
}

static void
write_findings(const struct rpt_cli_doc *doc)
{
	struct run *run = doc->state;
	struct rpt_tsv *out = doc->out;
	const struct rpt_finding *f;
	const char *code;
	size_t i, n;

	n = rpt_check_findings(run->checker, &f);
	for (i = 0; i < n; i++) {
		code = rpt_finding_name(f[i].code);
		rpt_tsv_raw(out, doc->name, doc->name_len);
		write_num(out, f[i].line);
		rpt_tsv_raw(out, code, strlen(code));
		rpt_tsv_field(out, f[i].detail, f[i].detail_len);
		rpt_tsv_eol(out);
	}
}

static int
para(const struct rpt_cli_doc *doc, const struct rpt_para *p)
{
	struct run *run = doc->state;

	if (opt.check)
		return rpt_check_para(run->checker, p);
	if (rpt_outline_para(run->outline, p) == -1)
		return -1;
	write_rows(doc);
	return 0;
}

static int
refused(const struct rpt_cli_doc *doc, const char *reason)
{
	struct run *run = doc->state;

	if (!opt.check)
		return 0;
	if (made(run) == -1 ||
	    rpt_check_refused(run->checker, reason, strlen(reason)) == -1)
		return -1;
	write_findings(doc);
	return 0;
}

static int
doc_end(const struct rpt_cli_doc *doc)
{
	struct run *run = doc->state;

	if (opt.check) {
		if (rpt_check_finish(run->checker, doc->model,
		    doc->stopped) == -1)
			return -1;
		write_findings(doc);
		return 0;
	}
	rpt_outline_finish(run->outline);
	write_rows(doc);
	return 0;
}

static void
cleanup(void *state)
{
	struct run *run = state;

	rpt_outline_free(run->outline);
	rpt_check_free(run->checker);
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
	struct run run;

	memset(&run, 0, sizeof(run));
	return rpt_cli_main(&sections_cli, &run, argc, argv);
}
