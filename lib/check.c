/*
 * check.c - rpt-sections --check: findings about a document's structure.
 *
 * The document model (doc.c) has read the document; this validator says
 * what in it breaks the rules of GB/T 9704 (the level of each marker
 * family, one style of marker a level, numbers without gaps) and of the
 * document's profile (every required part has a section of its own), and
 * what the model had to mend (debris, web remnants).  Most checks look at
 * one paragraph; those of the whole document run at its end, on the facts
 * facts.c gathers (titles, dates, parts present and missing) and the
 * blocks the outline makes.  Findings are kept until then, and handed out
 * sorted by line.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

/* Marker families: RPT_FAM_NONE to RPT_FAM_AR_PAREN. */
#define NFAM	5

static const char *const names[RPT_F_NCODES] = {
	[RPT_F_REFUSED] = "refused",
	[RPT_F_PARTIAL] = "partial",
	[RPT_F_MISSING_PART] = "missing-part",
	[RPT_F_NO_TITLE] = "no-title",
	[RPT_F_NO_DATE] = "no-date",
	[RPT_F_UNMARKED_PART] = "unmarked-part",
	[RPT_F_DEBRIS] = "debris",
	[RPT_F_NUMBERING_GAP] = "numbering-gap",
	[RPT_F_NUMBERING_REPEAT] = "numbering-repeat",
	[RPT_F_MIXED_MARKERS] = "mixed-markers",
	[RPT_F_LEVEL_SKIP] = "level-skip",
	[RPT_F_BURIED_PART] = "buried-part",
	[RPT_F_BOILERPLATE] = "boilerplate",
	[RPT_F_UNMARKED_HEADING] = "unmarked-heading"
};

/*
 * The order of findings on one line (and of the document's, line 0): a
 * paragraph's own, then the document's at its end, then those of blocks,
 * then partial.
 */
static const int phase[RPT_F_NCODES] = {
	[RPT_F_MISSING_PART] = 1, [RPT_F_BURIED_PART] = 1,
	[RPT_F_NO_TITLE] = 1, [RPT_F_NO_DATE] = 1,
	[RPT_F_BOILERPLATE] = 2, [RPT_F_PARTIAL] = 3
};

/* The level GB/T 9704 gives each marker family, and an example. */
static const int rank[NFAM] = {
	[RPT_FAM_CN] = 1, [RPT_FAM_CN_PAREN] = 2, [RPT_FAM_AR] = 3,
	[RPT_FAM_AR_PAREN] = 4
};
static const char *const example[NFAM] = {
	[RPT_FAM_CN] = "一、", [RPT_FAM_CN_PAREN] = "（一）",
	[RPT_FAM_AR] = "1.", [RPT_FAM_AR_PAREN] = "（1）"
};

/* A finding kept: its detail is an offset into the pool. */
struct find {
	long			 line;
	size_t			 seq;
	enum rpt_finding_code	 code;
	size_t			 off, len;
};

/* A part named under another's section (for buried-part). */
struct mention {
	int		 part;		/* of the document's profile */
	long		 line;
	size_t		 under, under_len;	/* the section's part, in parts */
};

struct rpt_check {
	struct rpt_outline *outline;	/* for items and blocks */
	struct rpt_facts *facts;	/* titles, dates, parts missing */
	struct find	*finds;
	size_t		 nfinds, capfinds;
	struct rpt_finding *out;	/* the findings sorted */
	size_t		 nout, capout;
	struct rpt_buf	 pool;		/* the details */
	struct rpt_buf	 parts;		/* the mentions' parts */
	struct rpt_buf	 scratch;
	/* Per marker family: the style first seen (bracket or stop), where. */
	char		 style[NFAM][4];
	long		 style_line[NFAM];
	int		 mixed_told[NFAM];
	/* The parent path under which a level skip was last told. */
	struct rpt_buf	 skip_told[NFAM];
	struct mention	*mentions;
	size_t		 nmentions, capmentions;
};

const char *
rpt_finding_name(enum rpt_finding_code c)
{
	return (unsigned)c < RPT_F_NCODES ? names[c] : NULL;
}

struct rpt_check *
rpt_check_new(void)
{
	struct rpt_check *c;

	if ((c = calloc(1, sizeof(*c))) == NULL)
		return NULL;
	if ((c->outline = rpt_outline_new(RPT_OUTLINE_ITEMS)) == NULL ||
	    (c->facts = rpt_facts_new()) == NULL) {
		rpt_check_free(c);
		errno = ENOMEM;
		return NULL;
	}
	return c;
}

void
rpt_check_free(struct rpt_check *c)
{
	int f;

	if (c == NULL)
		return;
	rpt_outline_free(c->outline);
	rpt_facts_free(c->facts);
	free(c->finds);
	free(c->out);
	free(c->mentions);
	rpt_buf_free(&c->pool);
	rpt_buf_free(&c->parts);
	rpt_buf_free(&c->scratch);
	for (f = 0; f < NFAM; f++)
		rpt_buf_free(&c->skip_told[f]);
	free(c);
}

void
rpt_check_reset(struct rpt_check *c)
{
	int f;

	rpt_outline_reset(c->outline);
	rpt_facts_reset(c->facts);
	c->nfinds = c->nout = c->nmentions = 0;
	c->pool.len = c->parts.len = 0;
	memset(c->style, 0, sizeof(c->style));
	memset(c->style_line, 0, sizeof(c->style_line));
	memset(c->mixed_told, 0, sizeof(c->mixed_told));
	for (f = 0; f < NFAM; f++)
		c->skip_told[f].len = 0;
}

/* Record a finding, its detail formatted into the pool. */
static int
find(struct rpt_check *c, long line, enum rpt_finding_code code,
    const char *fmt, ...) __attribute__((format(printf, 4, 5)));

static int
find(struct rpt_check *c, long line, enum rpt_finding_code code,
    const char *fmt, ...)
{
	struct find *f;
	va_list ap;
	size_t at = c->pool.len, n;
	int k;

	if ((f = rpt_grow(c->finds, &c->capfinds, c->nfinds + 1,
	    sizeof(*f))) == NULL)
		return -1;
	c->finds = f;
	if (rpt_buf_reserve(&c->pool, RPT_FINDING_MAX + 1) == -1)
		return -1;
	va_start(ap, fmt);
	k = vsnprintf(c->pool.p + at, RPT_FINDING_MAX + 1, fmt, ap);
	va_end(ap);
	if (k < 0)
		return -1;
	if ((n = (size_t)k) > RPT_FINDING_MAX) {
		/* Again in full, to cut it before a character, not inside. */
		if (rpt_buf_reserve(&c->pool, n + 1) == -1)
			return -1;
		va_start(ap, fmt);
		vsnprintf(c->pool.p + at, n + 1, fmt, ap);
		va_end(ap);
		n = RPT_FINDING_MAX;
		while (n > 0 && ((unsigned char)c->pool.p[at + n] & 0xc0) == 0x80)
			n--;
	}
	c->pool.len += n;
	f = &c->finds[c->nfinds];
	f->line = line;
	f->seq = c->nfinds++;
	f->code = code;
	f->off = at;
	f->len = n;
	return 0;
}

/*
 * Note the parts a sub-heading or an item names (二是积极履行第一责任人
 * 职责 under measures), for buried-part at the end.
 */
static int
note_mentions(struct rpt_check *c, const struct rpt_para *p, const char *t,
    size_t n)
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
		if ((m = rpt_grow(c->mentions, &c->capmentions,
		    c->nmentions + 1, sizeof(*m))) == NULL)
			return -1;
		c->mentions = m;
		m = &c->mentions[c->nmentions++];
		m->line = p->line;
		m->part = named.list[i];
		m->under = c->parts.len;
		m->under_len = strlen(p->part);
		if (rpt_buf_append(&c->parts, p->part, m->under_len) == -1)
			return -1;
	}
	return 0;
}

/* missing-part and buried-part: the profile's required parts. */
static int
check_parts(struct rpt_check *c, const struct rpt_doc_facts *f)
{
	const struct mention *m;
	const char *req, *zh;
	size_t i, zl;
	int j, part;

	for (j = 0; j < f->missing.n; j++) {
		part = f->missing.list[j];
		req = rpt_profile_part(f->parts_profile, part);
		zh = rpt_profile_part_name(f->parts_profile, part, &zl);
		if (find(c, 0, RPT_F_MISSING_PART, "%s%.*s%s%s: no section of "
		    "its own (profile %s)", zh ? "缺少“" : "", zh ? (int)zl : 0,
		    zh ? zh : "", zh ? "” / missing " : "missing ", req,
		    rpt_profile_name(f->parts_profile)) == -1)
			return -1;
		/* Where it is first mentioned. */
		for (i = 0; i < c->nmentions; i++) {
			m = &c->mentions[i];
			if (m->part != part)
				continue;
			if (find(c, m->line, RPT_F_BURIED_PART, "%s is mentioned "
			    "here, inside %.*s, but has no section of its own",
			    req, (int)m->under_len, c->parts.p + m->under) == -1)
				return -1;
			break;
		}
	}
	return 0;
}

/*
 * mixed-markers: the style of a heading's marker (its opening bracket,
 * or its stop) unlike the first of its family's.
 */
static int
check_style(struct rpt_check *c, const struct rpt_para *p, const char *mk,
    size_t mlen)
{
	int fam = (int)p->family;
	const char *st;
	size_t sl;

	if (fam == RPT_FAM_CN_PAREN || fam == RPT_FAM_AR_PAREN) {
		st = mk;
		sl = (unsigned char)mk[0] < 0x80 ? 1 : 3;
	} else {
		sl = (unsigned char)mk[mlen - 1] < 0x80 ? 1 : 3;
		st = mk + mlen - sl;
	}
	if (c->style[fam][0] == '\0') {
		memcpy(c->style[fam], st, sl);
		c->style_line[fam] = p->line;
	} else if (!c->mixed_told[fam] && (strlen(c->style[fam]) != sl ||
	    memcmp(c->style[fam], st, sl) != 0)) {
		c->mixed_told[fam] = 1;
		return find(c, p->line, RPT_F_MIXED_MARKERS, "%.*s is written "
		    "unlike the marker of its level on line %ld (%s)", (int)mlen,
		    mk, c->style_line[fam], c->style[fam]);
	}
	return 0;
}

/*
 * level-skip: a family below the level GB/T 9704 gives it, told once per
 * parent section.
 */
static int
check_level(struct rpt_check *c, const struct rpt_para *p, const char *mk,
    size_t mlen)
{
	int fam = (int)p->family;
	struct rpt_buf *told = &c->skip_told[fam], *path = &c->scratch;

	if (p->depth >= rank[fam])
		return 0;
	if (rpt_path_format(path, p->path, p->depth - 1) == -1)
		return -1;
	/* told holds "@" and the path, so that it is never empty. */
	if (told->len > 0 && told->len - 1 == path->len &&
	    memcmp(told->p + 1, path->p, path->len) == 0)
		return 0;
	told->len = 0;
	if (rpt_buf_append(told, "@", 1) == -1 ||
	    rpt_buf_append(told, path->p, path->len) == -1)
		return -1;
	return find(c, p->line, RPT_F_LEVEL_SKIP, "%.*s at level %d: GB/T 9704 "
	    "puts %s at level %d", (int)mlen, mk, p->depth, example[fam],
	    rank[fam]);
}

/* The checks a paragraph allows on its own (numbering, markers, debris). */
static int
check_para(struct rpt_check *c, const struct rpt_para *p)
{
	const char *mk = p->p;
	size_t mlen = p->marker_len;

	rpt_trim(&mk, &mlen);
	if (p->implicit && find(c, p->line, RPT_F_UNMARKED_PART, "%s is stated "
	    "only in an unnumbered paragraph, without a heading", p->part) == -1)
		return -1;
	if (p->unmarked && find(c, p->line, RPT_F_UNMARKED_HEADING, "%.*s is "
	    "read as a heading at level %d: %s", (int)p->elem_len, p->elem,
	    p->depth, p->unmarked == 2 ? "a bold lead sentence without a "
	    "marker" : "one of a series of sentences without markers") == -1)
		return -1;
	if (p->kind == RPT_K_HEADING && p->depth >= 2 &&
	    note_mentions(c, p, p->elem, p->elem_len) == -1)
		return -1;
	if (p->debris > 0 && find(c, p->line, RPT_F_DEBRIS, "%d piece%s of "
	    "conversion debris removed, such as [bookmark: _GoBack]",
	    p->debris, p->debris == 1 ? "" : "s") == -1)
		return -1;
	if (p->family == RPT_FAM_NONE)
		return 0;
	if (p->numbering == RPT_NUM_GAP && find(c, p->line,
	    RPT_F_NUMBERING_GAP, "%.*s where number %d was expected: numbers "
	    "are skipped", (int)mlen, mk, p->expected) == -1)
		return -1;
	if (p->numbering == RPT_NUM_REPEAT && find(c, p->line,
	    RPT_F_NUMBERING_REPEAT, "%.*s repeats or goes back (number %d was "
	    "expected): read as body text", (int)mlen, mk, p->expected) == -1)
		return -1;
	if (p->kind != RPT_K_HEADING)
		return 0;
	if (check_style(c, p, mk, mlen) == -1)
		return -1;
	return check_level(c, p, mk, mlen);
}

/* boilerplate: the blocks of web remnants, as the outline has them. */
static int
check_blocks(struct rpt_check *c)
{
	struct rpt_outline_row r;

	while (rpt_outline_next(c->outline, &r) == 1) {
		if (r.kind != RPT_K_BOILERPLATE)
			continue;
		if (find(c, r.line, RPT_F_BOILERPLATE, "%d line%s of web-page "
		    "remnants, from %.*s", r.lines, r.lines == 1 ? "" : "s",
		    (int)r.first_len, r.title) == -1)
			return -1;
	}
	return 0;
}

int
rpt_check_para(struct rpt_check *c, const struct rpt_para *p)
{
	const struct rpt_outline_item *it;
	size_t i, n;

	if (rpt_facts_para(c->facts, p) == -1 || check_para(c, p) == -1 ||
	    rpt_outline_para(c->outline, p) == -1)
		return -1;
	/* Its items may name parts too. */
	n = rpt_outline_items(c->outline, &it);
	for (i = 0; i < n; i++)
		if (note_mentions(c, p, p->p + it[i].off + it[i].marker_len,
		    it[i].title_len) == -1)
			return -1;
	return check_blocks(c);
}

/* Findings by line, and on one line by phase and then as they came. */
static int
by_line(const void *a, const void *b)
{
	const struct find *x = a, *y = b;

	if (x->line != y->line)
		return x->line < y->line ? -1 : 1;
	if (phase[x->code] != phase[y->code])
		return phase[x->code] < phase[y->code] ? -1 : 1;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

/* Sort the findings and point their details into the pool. */
static int
settle(struct rpt_check *c)
{
	struct rpt_finding *o;
	size_t i;

	if (c->nfinds > c->capout) {
		if ((o = rpt_grow(c->out, &c->capout, c->nfinds,
		    sizeof(*o))) == NULL)
			return -1;
		c->out = o;
	}
	o = c->out;
	/* Without findings there may be no array: qsort() wants one. */
	if (c->nfinds > 0)
		qsort(c->finds, c->nfinds, sizeof(*c->finds), by_line);
	for (i = 0; i < c->nfinds; i++) {
		o[i].line = c->finds[i].line;
		o[i].code = c->finds[i].code;
		o[i].detail = c->pool.p + c->finds[i].off;
		o[i].detail_len = c->finds[i].len;
	}
	c->nout = c->nfinds;
	return 0;
}

int
rpt_check_finish(struct rpt_check *c, const struct rpt_doc *d, int stopped)
{
	const struct rpt_doc_facts *f;

	rpt_outline_finish(c->outline);
	if (check_blocks(c) == -1)
		return -1;
	f = rpt_facts_end(c->facts, d);
	if (check_parts(c, f) == -1)
		return -1;
	if (f->titles == 0 &&
	    find(c, 0, RPT_F_NO_TITLE, "no title found") == -1)
		return -1;
	if (f->dates == 0 &&
	    find(c, 0, RPT_F_NO_DATE, "no date (成文日期) found") == -1)
		return -1;
	if (stopped && find(c, 0, RPT_F_PARTIAL, "read stopped at an error (on "
	    "standard error): the findings are those of the part before it") ==
	    -1)
		return -1;
	return settle(c);
}

int
rpt_check_refused(struct rpt_check *c, const char *reason, size_t len)
{
	rpt_check_reset(c);
	if (find(c, 0, RPT_F_REFUSED, "could not be read: %.*s", (int)len,
	    reason) == -1)
		return -1;
	return settle(c);
}

size_t
rpt_check_findings(const struct rpt_check *c, const struct rpt_finding **f)
{
	*f = c->out;
	return c->nout;
}
