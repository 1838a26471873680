/*
 * rpt-numbers - one TSV row per quantity mentioned in a report: its value,
 * range, unit, qualifier and kind, where it is, and what it counts.
 */
#include <stdlib.h>
#include <string.h>

#include "cli.h"

enum { OPT_KINDS = 0x200 };

/* Longest context and after, in characters. */
#define CONTEXT_MAX	30

static int all;
static unsigned kinds;			/* bit per enum rpt_qkind; 0 = default */
static struct rpt_numbers *finder;
static struct rpt_buf section;

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
	(void)doc;
	if (finder == NULL && (finder = rpt_numbers_new(all)) == NULL)
		return -1;
	return 0;
}

/* Is c a clause boundary: ，。；：、！？ and ASCII , ; : ! ? */
static int
boundary(int32_t c)
{
	switch (c) {
	case 0xff0c: case 0x3002: case 0xff1b: case 0xff1a: case 0x3001:
	case 0xff01: case 0xff1f: case ',': case ';': case ':': case '!':
	case '?':
		return 1;
	}
	return 0;
}

/*
 * The clause before the mention (from the last boundary, at most
 * CONTEXT_MAX characters, the end nearest the number kept), trimmed.
 */
static void
context(const char *p, size_t off, const char **cp, size_t *cn)
{
	size_t i = off, k, chars = 0;
	int32_t c;

	while (i > 0 && chars < CONTEXT_MAX) {
		k = rpt_utf8_prev(p, i, &c);
		if (boundary(c))
			break;
		i -= k;
		chars++;
	}
	*cp = p + i;
	*cn = off - i;
	rpt_trim(cp, cn);
}

/* The rest of the clause after the mention, at most CONTEXT_MAX characters. */
static void
after(const char *p, size_t n, size_t end, const char **ap, size_t *an)
{
	size_t i = end, k, chars = 0;
	int32_t c;

	while (i < n && chars < CONTEXT_MAX) {
		k = rpt_utf8_decode(p + i, n - i, &c);
		if (boundary(c))
			break;
		i += k;
		chars++;
	}
	*ap = p + end;
	*an = i - end;
	rpt_trim(ap, an);
}

static int
para(const struct rpt_cli_doc *doc, const struct rpt_para *p)
{
	const struct rpt_quantity *q;
	struct rpt_tsv *out = doc->out;
	const char *kind, *qual, *cp, *ap;
	size_t cn, an, at = 0;
	long i, n, col = 0;

	/* Web remnants are never scanned. */
	if (p->kind == RPT_K_BOILERPLATE)
		return 0;
	if ((n = rpt_numbers(finder, p->p, p->len, p->marker_len, &q)) == -1)
		return -1;
	if (n > 0 && rpt_path_format(&section, p->path, p->depth) == -1)
		return -1;
	for (i = 0; i < n; i++) {
		if (kinds != 0 ? !(kinds & (1U << q[i].kind)) :
		    (!all && q[i].kind >= RPT_Q_MARKER))
			continue;
		kind = rpt_qkind_name(q[i].kind);
		qual = rpt_qual_name(q[i].qual);
		rpt_tsv_raw(out, doc->name, doc->name_len);
		rpt_tsv_long(out, p->line);
		/* The column, counted on from the last mention's. */
		col += (long)rpt_count_leads(p->p + at, q[i].off - at);
		at = q[i].off;
		rpt_tsv_long(out, col + 1);
		rpt_tsv_field(out, section.p, section.len);
		rpt_tsv_field(out, p->part, strlen(p->part));
		rpt_tsv_raw(out, kind, strlen(kind));
		rpt_tsv_field(out, q[i].value, strlen(q[i].value));
		rpt_tsv_field(out, q[i].max, strlen(q[i].max));
		rpt_tsv_field(out, q[i].unit ? q[i].unit : "", q[i].unit_len);
		rpt_tsv_raw(out, qual, strlen(qual));
		rpt_tsv_field(out, p->p + q[i].off, q[i].len);
		context(p->p, q[i].off, &cp, &cn);
		rpt_tsv_field(out, cp, cn);
		after(p->p, p->len, q[i].off + q[i].len, &ap, &an);
		rpt_tsv_field(out, ap, an);
		rpt_tsv_eol(out);
	}
	return 0;
}

static void
cleanup(void)
{
	rpt_numbers_free(finder);
	rpt_buf_free(&section);
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
	return rpt_cli_main(&numbers_cli, argc, argv);
}
