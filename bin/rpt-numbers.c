/*
 * rpt-numbers - one TSV row per quantity mentioned in a report: its value,
 * range, unit, qualifier and kind, where it is, and what it counts.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "cli.h"

enum { OPT_KINDS = 0x200 };

/* Room for the longest name of a kind or a qualifier ("multiple"). */
#define NAME_PAD	16

/* The options. */
static int all;
static unsigned kinds;			/* bit per enum rpt_qkind; 0 = default */

/* What the run keeps from one paragraph to the next. */
struct run {
	struct rpt_numbers	*finder;
	struct rpt_buf		 lead;		/* file TAB line */
	struct rpt_place	 place;		/* section TAB part */
	struct rpt_buf		 rows;		/* a paragraph's rows (row()) */
	/*
	 * The kinds' and qualifiers' names, NUL-padded to NAME_PAD bytes
	 * (row() copies all of them, a constant length, and goes on by the
	 * name's), and their lengths.
	 */
	char			 kname[RPT_Q_VAGUE + 1][NAME_PAD];
	char			 qname[RPT_QUAL_RANGE + 1][NAME_PAD];
	size_t			 klen[RPT_Q_VAGUE + 1];
	size_t			 qlen[RPT_QUAL_RANGE + 1];
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

/* Copy name into pad, NUL-padded (cut to NAME_PAD - 1); its length. */
static size_t
name_pad(char *pad, const char *name)
{
	size_t len = strlen(name);

	if (len >= NAME_PAD)
		len = NAME_PAD - 1;
	memset(pad, 0, NAME_PAD);
	memcpy(pad, name, len);
	return len;
}

static int
doc_begin(const struct rpt_cli_doc *doc)
{
	struct run *run = doc->state;

	int k;

	if (run->finder == NULL) {
		if ((run->finder = rpt_numbers_new(all)) == NULL)
			return -1;
		for (k = 0; k <= RPT_Q_VAGUE; k++)
			run->klen[k] = name_pad(run->kname[k],
			    rpt_qkind_name((enum rpt_qkind)k));
		for (k = 0; k <= RPT_QUAL_RANGE; k++)
			run->qlen[k] = name_pad(run->qname[k],
			    rpt_qual_name((enum rpt_qual)k));
	}
	return 0;
}

/*
 * The length of the value or max column of a quantity, a string in an
 * array of 48 bytes: with SSE2 its NUL is found in the three blocks of 16
 * at once, without a call, its place in the mask counted off (the column
 * is never 48 bytes long, so the mask has a bit set).
 */
static inline size_t
column_len(const char s[48])
{
#if defined(__SSE2__) && defined(__GNUC__)
	const __m128i z = _mm_setzero_si128();
	uint64_t m;

	m = (uint64_t)_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_loadu_si128(
	    (const __m128i *)(const void *)s), z)) |
	    (uint64_t)_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_loadu_si128(
	    (const __m128i *)(const void *)(s + 16)), z)) << 16 |
	    (uint64_t)_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_loadu_si128(
	    (const __m128i *)(const void *)(s + 32)), z)) << 32;
	return (size_t)__builtin_ctzll(m);
#else
	return strlen(s);
#endif
}

/*
 * Append n bytes to b, which has room for them.  Inline, in copies of a
 * constant length that overlap where n is not one (the calls of memcpy()
 * with a length that changes from row to row mispredicted their branches
 * on it: 5% of rpt-numbers' mispredicts).
 */
static inline void
put(struct rpt_buf *b, const char *s, size_t n)
{
	char *d = b->p + b->len;
	size_t i;

	if (n >= 16) {
		for (i = 0; i + 16 < n; i += 16)
			memcpy(d + i, s + i, 16);
		memcpy(d + n - 16, s + n - 16, 16);
	} else if (n >= 8) {
		memcpy(d, s, 8);
		memcpy(d + n - 8, s + n - 8, 8);
	} else if (n >= 4) {
		memcpy(d, s, 4);
		memcpy(d + n - 4, s + n - 4, 4);
	} else if (n > 0) {
		d[0] = s[0];
		d[n / 2] = s[n / 2];
		d[n - 1] = s[n - 1];
	}
	b->len += n;
}

/* A TAB and then a text column, escaped unless the paragraph needs none. */
static inline int
text_field(struct rpt_buf *b, int escape, const char *s, size_t n)
{
	b->p[b->len++] = '\t';
	if (escape)
		return rpt_tsv_escape(b, s, n);
	put(b, s, n);
	return 0;
}

/*
 * One row for the mention q into run->rows, after the rows before it in
 * the paragraph, with its LF: the file and line (run->lead), its column,
 * the section and part (run->place), then the kind, value, max, unit and
 * qual columns, which need no escaping (names, decimals, dates, and units
 * that are words of the lists in numbers.c or the text where one matched),
 * and the text, context and after columns.  -1 on allocation failure.
 */
static int
row(struct run *run, const struct rpt_para *p, const struct rpt_quantity *q,
    unsigned long col, int escape)
{
	struct rpt_buf *b = &run->rows;
	struct rpt_context cx;
	size_t vlen, mlen;

	/* (column_len() reads the 48 bytes of each.) */
	(void)sizeof(char[sizeof(q->value) == 48 && sizeof(q->max) == 48 ?
	    1 : -1]);
	vlen = column_len(q->value);
	mlen = column_len(q->max);
	rpt_quantity_context(p->p, p->len, q, &cx);
	/*
	 * All the room at once: 21 for the column, 13 for the TABs and the
	 * LF, twice the text columns for escapes; and the names, value and
	 * max whole: they are copied whole, a constant length, which needs
	 * no calls nor branches on it, and the row goes on by their lengths.
	 */
	if (rpt_buf_reserve(b, run->lead.len + run->place.cols.len + 2 * NAME_PAD +
	    sizeof(q->value) + sizeof(q->max) + q->unit_len +
	    2 * (q->len + cx.before_len + cx.after_len) + 21 + 13) == -1)
		return -1;
	put(b, run->lead.p, run->lead.len);
	b->p[b->len++] = '\t';
	b->len = (size_t)(rpt_tsv_put_long(b->p + b->len, (long)col) - b->p);
	b->p[b->len++] = '\t';
	put(b, run->place.cols.p, run->place.cols.len);
	b->p[b->len++] = '\t';
	memcpy(b->p + b->len, run->kname[q->kind], NAME_PAD);
	b->len += run->klen[q->kind];
	b->p[b->len++] = '\t';
	memcpy(b->p + b->len, q->value, sizeof(q->value));
	b->len += vlen;
	b->p[b->len++] = '\t';
	memcpy(b->p + b->len, q->max, sizeof(q->max));
	b->len += mlen;
	b->p[b->len++] = '\t';
	if (q->unit_len > 0)
		put(b, q->unit, q->unit_len);
	b->p[b->len++] = '\t';
	memcpy(b->p + b->len, run->qname[q->qual], NAME_PAD);
	b->len += run->qlen[q->qual];
	if (text_field(b, escape, p->p + q->off, q->len) == -1 ||
	    text_field(b, escape, p->p + cx.before_off, cx.before_len) == -1 ||
	    text_field(b, escape, p->p + cx.after_off, cx.after_len) == -1)
		return -1;
	b->p[b->len++] = '\n';
	return 0;
}

static int
para(const struct rpt_cli_doc *doc, const struct rpt_para *p)
{
	const struct rpt_quantity *q;
	struct run *run = doc->state;
	size_t at = 0;
	long i, n;
	unsigned long col = 0;
	int escape = -1;

	/* Web remnants are never scanned. */
	if (p->kind == RPT_K_BOILERPLATE)
		return 0;
	/* Found in the folded text; the columns show the text as written. */
	if ((n = rpt_numbers(run->finder, rpt_para_fold(p), p->len,
	    p->marker_len, &q)) == -1)
		return -1;
	if (n == 0)
		return 0;
	/*
	 * The rows are written into run->rows, and go out at the end with
	 * one call: the file and line columns, and the section and part
	 * columns, are the same for every mention, each pair one string.
	 */
	run->rows.len = 0;
	for (i = 0; i < n; i++) {
		if (kinds != 0 ? !(kinds & (1U << q[i].kind)) :
		    (!all && q[i].kind >= RPT_Q_MARKER))
			continue;
		if (escape == -1) {
			escape = !p->plain &&
			    rpt_tsv_needs_escape(p->p, p->len);
			run->lead.len = 0;
			if (rpt_buf_append(&run->lead, doc->name,
			    doc->name_len) == -1 ||
			    rpt_buf_append(&run->lead, "\t", 1) == -1 ||
			    rpt_tsv_number(&run->lead, p->line) == -1)
				return -1;
			if (rpt_place_set(&run->place, p) == -1)
				return -1;
		}
		/* The column, counted on from the last mention's. */
		col += rpt_count_leads_to(p->p, at, q[i].off);
		at = q[i].off;
		if (row(run, p, &q[i], col + 1, escape) == -1)
			return -1;
	}
	/* The last LF goes as the end of the row (the writer's state). */
	if (run->rows.len > 0) {
		rpt_tsv_raw(doc->out, run->rows.p, run->rows.len - 1);
		rpt_tsv_eol(doc->out);
	}
	return 0;
}

static void
cleanup(void *state)
{
	struct run *run = state;

	rpt_numbers_free(run->finder);
	rpt_buf_free(&run->lead);
	rpt_place_free(&run->place);
	rpt_buf_free(&run->rows);
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
