/*
 * rpt-split - one TSV row per paragraph, sentence or enumerated item.
 */
#include <errno.h>
#include <string.h>

#include "cli.h"

enum { OPT_SEMICOLON = 0x200 };

/* Room for the digits of a size_t, with some to spare. */
#define UNITS_MAX	24

/* The options. */
static enum rpt_unit unit = RPT_U_SENTENCE;
static int with_key;
static int split_flags;

/* What a run keeps from one paragraph to the next. */
struct split {
	struct rpt_splitter	*splitter;
	struct rpt_buf		 key;
	size_t			 name_len;	/* of file TAB in row, 0 for none */
	/*
	 * section TAB part TAB kind, escaped: of the first unit, and of the
	 * rest of a heading's; with the place and kind they were rendered
	 * from, so that the paragraphs of a section share them.
	 */
	struct rpt_buf		 shared, rest;
	int			 have_shared;
	struct rpt_place	 place;
	enum rpt_kind		 kind;
	/*
	 * The unit number in the document, in decimal: counted up in place,
	 * a digit a step, for it goes up by one a row.
	 */
	char			 units[UNITS_MAX];
	size_t			 units_len;
	/* The columns before the text: file TAB, then the rest per row. */
	struct rpt_buf		 row;
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

	s->units[0] = '0';
	s->units_len = 1;
	s->name_len = 0;
	if (s->splitter == NULL &&
	    (s->splitter = rpt_splitter_new(unit, split_flags)) == NULL)
		return -1;
	return 0;
}

/* Append the name of kind k to b. */
static int
append_kind(struct rpt_buf *b, enum rpt_kind k)
{
	const char *name = rpt_kind_name(k);

	return rpt_buf_append(b, name, strlen(name));
}

/*
 * Render section TAB part TAB kind of p into shared, and with the kind
 * body into rest for a heading's run-in text; unless they say it already.
 */
static int
render_shared(struct split *s, const struct rpt_para *p)
{
	int changed;

	if ((changed = rpt_place_set(&s->place, p)) == -1)
		return -1;
	if (!changed && s->have_shared && s->kind == p->kind)
		return 0;
	s->have_shared = 0;
	s->shared.len = s->rest.len = 0;
	if (rpt_buf_append(&s->shared, s->place.cols.p,
	    s->place.cols.len) == -1 ||
	    rpt_buf_append(&s->shared, "\t", 1) == -1 ||
	    (p->kind == RPT_K_HEADING &&
	    (rpt_buf_append(&s->rest, s->shared.p, s->shared.len) == -1 ||
	    append_kind(&s->rest, RPT_K_BODY) == -1)) ||
	    append_kind(&s->shared, p->kind) == -1)
		return -1;
	s->kind = p->kind;
	s->have_shared = 1;
	return 0;
}

static int
para(const struct rpt_cli_doc *doc, const struct rpt_para *p)
{
	struct split *s = doc->state;
	const struct rpt_span *spans;
	struct rpt_span whole;
	int plain = 0, inrow;
	struct rpt_tsv *out = doc->out;
	const char *text;
	struct rpt_buf *tail;
	size_t fixed;
	long i, n;
	char *q;

	if (unit == RPT_U_PARA) {
		/* The paragraph is the unit, and the model has counted it. */
		whole.off = 0;
		whole.len = p->len;
		whole.chars = rpt_para_chars(p);
		spans = &whole;
		n = 1;
		plain = p->plain;
	} else {
		/* p->chars, not rpt_para_chars(): the count only if it is known. */
		if ((n = rpt_split_known(s->splitter, p->p, p->len, p->chars,
		    &spans)) == -1)
			return -1;
		/* Text with nothing to escape is written as it is. */
		plain = p->plain || rpt_split_plain(s->splitter);
	}
	/*
	 * Every unit has the same file, line and para, and the same section,
	 * part and kind (but for a heading's, below): both runs of columns
	 * are rendered once, and each row is written with them around its
	 * unit's number.
	 */
	if (render_shared(s, p) == -1)
		return -1;
	/* A sentence's or an item's plain text goes out with its row. */
	inrow = plain && unit != RPT_U_PARA;
	/*
	 * A row's columns before the text are put together in row and
	 * written with one call: the file once per document, line and para
	 * once per paragraph, the rest per row.  The unit number is counted
	 * up where it stands in row (copying it there after each count would
	 * load what was just stored, and wait for it).
	 */
	if (s->name_len == 0) {
		s->row.len = 0;
		if (rpt_buf_append(&s->row, doc->name, doc->name_len) == -1 ||
		    rpt_buf_append(&s->row, "\t", 1) == -1)
			return -1;
		s->name_len = s->row.len;
	}
	/*
	 * Room for three numbers and the unit number, TABs, the tail, and
	 * the text when it is plain (then copied after them).
	 */
	s->row.len = s->name_len;
	if (rpt_buf_reserve(&s->row, 4 * UNITS_MAX + 8 +
	    (s->shared.len > s->rest.len ? s->shared.len : s->rest.len) +
	    (inrow ? p->len : 0)) == -1)
		return -1;
	q = rpt_tsv_put_long(s->row.p + s->name_len, p->line);
	*q++ = '\t';
	q = rpt_tsv_put_long(q, p->num);
	*q++ = '\t';
	fixed = (size_t)(q - s->row.p);
	memcpy(s->row.p + fixed, s->units, UNITS_MAX);
	for (i = 0; i < n; i++) {
		text = p->p + spans[i].off;
		/* A heading's first unit is the heading; run-in text is body. */
		tail = i > 0 && p->kind == RPT_K_HEADING ? &s->rest : &s->shared;
		rpt_count_up(s->row.p + fixed, &s->units_len);
		q = s->row.p + fixed + s->units_len;
		*q++ = '\t';
		memcpy(q, tail->p, tail->len);
		q += tail->len;
		*q++ = '\t';
		q = rpt_tsv_put_long(q, (long)spans[i].chars);
		if (inrow) {
			/* One call for the row: the text is short. */
			*q++ = '\t';
			memcpy(q, text, spans[i].len);
			q += spans[i].len;
			rpt_tsv_raw(out, s->row.p, (size_t)(q - s->row.p));
		} else {
			rpt_tsv_raw(out, s->row.p, (size_t)(q - s->row.p));
			(plain ? rpt_tsv_raw : rpt_tsv_field)(out, text,
			    spans[i].len);
		}
		if (with_key) {
			s->key.len = 0;
			if (rpt_key(&s->key, text, spans[i].len) == -1)
				return -1;
			rpt_tsv_field(out, s->key.p, s->key.len);
		}
		rpt_tsv_eol(out);
	}
	memcpy(s->units, s->row.p + fixed, UNITS_MAX);
	return 0;
}

static void
cleanup(void *state)
{
	struct split *s = state;

	rpt_splitter_free(s->splitter);
	rpt_buf_free(&s->key);
	rpt_buf_free(&s->shared);
	rpt_buf_free(&s->rest);
	rpt_place_free(&s->place);
	rpt_buf_free(&s->row);
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
