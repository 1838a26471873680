/*
 * rpt-split - one TSV row per paragraph, sentence or enumerated item.
 */
#include <errno.h>
#include <string.h>

#include "cli.h"

enum { OPT_SEMICOLON = 0x200 };

/* The options. */
static enum rpt_unit unit = RPT_U_SENTENCE;
static int with_key;
static int split_flags;

/* What a run keeps from one paragraph to the next. */
struct split {
	struct rpt_splitter	*splitter;
	struct rpt_buf		 section, key;
	struct rpt_buf		 head;		/* file TAB line TAB para */
	/* section TAB part TAB kind, escaped: of the first unit, of the rest */
	struct rpt_buf		 shared, rest;
	long			 units;	/* unit number in the document */
};

static const struct option longopts[] = {
	{ "unit",	required_argument,	NULL, 'u' },
	{ "key",	no_argument,		NULL, 'k' },
	{ "semicolon",	no_argument,		NULL, OPT_SEMICOLON },
	{ NULL, 0, NULL, 0 }
};

static int
option(int c, const char *arg)
{
	switch (c) {
	case 'u':
		if (rpt_unit_parse(arg, &unit) == -1)
			return rpt_cli_usage("invalid unit '%s' (expected para, "
			    "sentence or item)", arg);
		break;
	case 'k':
		with_key = 1;
		break;
	case OPT_SEMICOLON:
		split_flags |= RPT_SPLIT_SEMICOLON;
		break;
	}
	return 0;
}

static const char *const *
columns(void)
{
	static const char *cols[] = {
		"file", "line", "para", "n", "section", "part", "kind",
		"chars", "text", NULL, NULL
	};

	cols[9] = with_key ? "key" : NULL;
	return cols;
}

static int
doc_begin(const struct rpt_cli_doc *doc)
{
	struct split *s = doc->state;

	s->units = 0;
	if (s->splitter == NULL &&
	    (s->splitter = rpt_splitter_new(unit, split_flags)) == NULL)
		return -1;
	return 0;
}

static int
para(const struct rpt_cli_doc *doc, const struct rpt_para *p)
{
	struct split *s = doc->state;
	const struct rpt_span *spans;
	struct rpt_span whole;
	struct rpt_tsv *out = doc->out;
	const char *text, *kind;
	struct rpt_buf *tail;
	long i, n;

	if (unit == RPT_U_PARA) {
		/* The paragraph is the unit, and the model has counted it. */
		whole.off = 0;
		whole.len = p->len;
		whole.chars = rpt_para_chars(p);
		spans = &whole;
		n = 1;
	} else if ((n = rpt_split(s->splitter, p->p, p->len, &spans)) == -1)
		return -1;
	if (rpt_path_format(&s->section, p->path, p->depth) == -1)
		return -1;
	/*
	 * Every unit has the same file, line and para, and the same section,
	 * part and kind (but for a heading's, below): both runs of columns
	 * are rendered once, and each row is written with them around its
	 * unit's number.
	 */
	s->head.len = 0;
	s->shared.len = 0;
	kind = rpt_kind_name(p->kind);
	if (rpt_buf_append(&s->head, doc->name, doc->name_len) == -1 ||
	    rpt_buf_append(&s->head, "\t", 1) == -1 ||
	    rpt_tsv_number(&s->head, p->line) == -1 ||
	    rpt_buf_append(&s->head, "\t", 1) == -1 ||
	    rpt_tsv_number(&s->head, p->num) == -1 ||
	    rpt_tsv_escape(&s->shared, s->section.p, s->section.len) == -1 ||
	    rpt_buf_append(&s->shared, "\t", 1) == -1 ||
	    rpt_tsv_escape(&s->shared, p->part, strlen(p->part)) == -1 ||
	    rpt_buf_append(&s->shared, "\t", 1) == -1)
		return -1;
	/* A heading's first unit is the heading; run-in text is body. */
	s->rest.len = 0;
	if (p->kind == RPT_K_HEADING && n > 1 &&
	    (rpt_buf_append(&s->rest, s->shared.p, s->shared.len) == -1 ||
	    rpt_buf_append(&s->rest, rpt_kind_name(RPT_K_BODY),
	    strlen(rpt_kind_name(RPT_K_BODY))) == -1))
		return -1;
	if (rpt_buf_append(&s->shared, kind, strlen(kind)) == -1)
		return -1;
	for (i = 0; i < n; i++) {
		text = p->p + spans[i].off;
		tail = i > 0 && s->rest.len > 0 ? &s->rest : &s->shared;
		rpt_tsv_raw(out, s->head.p, s->head.len);
		rpt_tsv_long(out, ++s->units);
		rpt_tsv_raw(out, tail->p, tail->len);
		rpt_tsv_long(out, (long)spans[i].chars);
		rpt_tsv_field(out, text, spans[i].len);
		if (with_key) {
			s->key.len = 0;
			if (rpt_key(&s->key, text, spans[i].len) == -1)
				return -1;
			rpt_tsv_field(out, s->key.p, s->key.len);
		}
		rpt_tsv_eol(out);
	}
	return 0;
}

static void
cleanup(void *state)
{
	struct split *s = state;

	rpt_splitter_free(s->splitter);
	rpt_buf_free(&s->section);
	rpt_buf_free(&s->key);
	rpt_buf_free(&s->head);
	rpt_buf_free(&s->shared);
	rpt_buf_free(&s->rest);
}

static const struct rpt_cli split_cli = {
	.name = "rpt-split",
	.synopsis = "[-u para|sentence|item] [-k] [OPTION]... [FILE]...",
	.about = "Cut report text into paragraphs, sentences or enumerated items, "
	    "one TSV row each.",
	.options_help =
	    "  -u, --unit=UNIT       para, sentence (default) or item\n"
	    "  -k, --key             add a key column: the text normalised for\n"
	    "                        comparing sentences across reports\n"
	    "      --semicolon       let ; and ； end sentences too\n",
	.shortopts = "u:k",
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
	struct split s;

	memset(&s, 0, sizeof(s));
	return rpt_cli_main(&split_cli, &s, argc, argv);
}
