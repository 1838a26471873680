/*
 * doc.c - the document model: which lines are paragraphs, what each
 * paragraph is (title, 发文字号, organ lines, addressee, heading, body,
 * signature, date, web remnants), and the section path of each.
 *
 * Paragraphs pass through a short queue.  A paragraph is settled only once
 * LOOK paragraphs follow it (or the document ends), so that the front
 * matter can be judged from the first paragraphs together, the tail
 * (signature, date, footers) from the last ones, and an unnumbered heading
 * from what follows it.  The queue holds at most LOOK + 1 paragraphs and
 * QBYTES bytes: memory stays bounded however long the document.
 *
 * Headings carry the GB/T 9704 markers 一、 （一） 1. （1） and the
 * deviations real reports have (half-width brackets, 一． 一. 1、 1．, a
 * space after the marker).  Depth comes from nesting, not from the marker:
 * a marker family that is not open yet becomes a child of the innermost
 * open heading, so （1） directly under 二、 is at depth 2.  A numbered
 * paragraph is a heading only when its number continues its family (greater
 * than the last one, by a small gap at most) or starts a new child family
 * at 1; that keeps 2023. and backwards numbers out.  A short line without
 * punctuation between body paragraphs is an unnumbered heading.
 *
 * Level-1 sections get the parts of the report their headings name, from
 * a profile (profile.c).  Three kinds of paragraph are mended on the way
 * out: hard-wrapped lines are joined (wrap_width(), goes_on(), joined as
 * they are read by join_queued(), and at the front by join_next()), and a
 * whole report flattened into one line, or a paragraph that states parts
 * of its own, is handed out in pieces (flattened(), unmarked()).
 *
 * PDF text: a page's furniture (its number, its running header and
 * footer) leaves the queue as soon as it is known, for a late list from
 * which it is handed out right after the paragraph it stood in
 * (move_late(), late_out()), so that paragraphs go on across page breaks
 * and the rules that look ahead see paragraphs.  A Word file's formatting
 * (struct rpt_line's fmt: outline level, bold lead, title) decides where
 * the text has no marker (place_outline(), settle_oldest()).
 */
#include <stdlib.h>
#include <string.h>

#include "internal.h"

/* Largest step from one heading number to the next in a family. */
#define GAP_MAX		3
/* Largest first number of a family when no heading is open. */
#define FIRST_MAX	3
/* A paragraph is settled once this many paragraphs follow it... */
#define LOOK		16
/* ...or once the queue holds this many bytes. */
#define QBYTES		(2 * 1024 * 1024)
/* Body paragraphs that may name the report's year when its title does not. */
#define YEAR_PARAS	3
/* Percent of the front's bytes that fold in a report in traditional script. */
#define FOLD_SHARE	2
/* Bytes of the first body paragraph that the auto profile looks at. */
#define AUTO_BODY	900
/* A paragraph this long may be a whole report flattened into one line. */
#define FLAT_MIN	2000
/* Page furniture waiting for its paragraph to go out, at most. */
#define LATE_MAX	(4 * (LOOK + 1))
/*
 * Longest paragraph a hard-wrapped line still joins, in bytes: the joins
 * look at the whole paragraph again, so this keeps them linear.
 */
#define JOIN_MAX	(64 * 1024)
/* Largest buffer a queue slot keeps for reuse, in bytes. */
#define SLOT_KEEP	(64 * 1024)
/* Longest unnumbered heading, in characters. */
#define UNNUMBERED_MAX	30
/* Longest lead sentence of a run-in heading without a marker. */
#define LEAD_MAX	20
/* Bytes that hold a lead's 。 at most: 30 characters of 3 bytes, spaces. */
#define LEAD_BYTES	(4 * UNNUMBERED_MAX + 8)
/* Run-in leads in a row that make a series. */
#define LEAD_RUN	3
/* Longest paragraph (in characters) that may be a title, date, organ line... */
#define SHORT_MAX	80
/* Longest line that a block of web remnants absorbs. */
#define BLOCK_MAX	20

/* What a paragraph looks like on its own (element.c), as flags. */
enum {
	F_BODY = 1 << 0,	/* a sentence or more of text */
	F_TERM = 1 << 1,	/* ends with sentence punctuation */
	F_PUNCT = 1 << 2,	/* has sentence punctuation anywhere */
	F_BOILER = 1 << 3,	/* a sure web remnant */
	F_BOILER_WORD = 1 << 4,	/* a web remnant next to others */
	F_DATE = 1 << 5,
	F_DOCNO = 1 << 6,
	F_ORGAN = 1 << 7,
	F_TITLE = 1 << 8,
	F_SUBTITLE = 1 << 9,
	F_AUTHOR = 1 << 10,
	F_OFFICE = 1 << 11,	/* an author's office alone */
	F_NAME = 1 << 12,	/* a person's name alone */
	F_ADDR = 1 << 13,
	F_MARK = 1 << 14,	/* starts with a heading marker */
	F_STOP = 1 << 15,	/* ends a sentence (not with ，、) */
	F_HAN = 1 << 16,	/* has two Han characters or more */
	F_CHROME = 1 << 17,	/* page chrome: never body, a heading or a title */
	F_CRUMB = 1 << 18,	/* a breadcrumb's separator alone: > */
	F_FURNITURE = 1 << 19	/* a PDF page's number, running header or
				   footer */
};

/*
 * Series of headings without markers (series()): standalone sentence
 * headings (加强生态系统保护修复。 over body text) and run-in lead
 * sentences (稳妥有序处置风险隐患。完善…).
 */
enum series {
	S_NONE,
	S_LINE,
	S_LEAD
};

struct open_heading {
	enum rpt_family	fam;
	int		num;
	int		olvl;		/* its Word outline level + 1, or 0 */
};

/* The open headings and the section path. */
struct outline {
	int		 depth;
	struct open_heading open[RPT_DEPTH_MAX];
	int		 path[RPT_DEPTH_MAX];
};

/*
 * Some paragraphs are handed out in pieces.  One that opens implicit
 * sections (an unnumbered paragraph naming the shortfalls and the plans):
 * the sentences before the first cue stay body text, and each sentence with
 * a cue becomes an unnumbered level-1 heading of its own part.  A whole
 * report flattened into one line: it is cut before each heading marker
 * that follows a sentence end and continues the outline.
 */
enum piece_type {
	P_BODY,
	P_IMPLICIT,		/* an unnumbered sentence opening a part */
	P_NUMBERED		/* a heading marker in the middle of a line */
};

struct piece {
	size_t		 off, len;
	enum piece_type	 type;
	struct rpt_parts parts;			/* P_IMPLICIT */
	enum rpt_family	 fam;			/* P_NUMBERED */
	int		 num;
	size_t		 mlen;
};

/* A queued paragraph. */
struct slot {
	struct rpt_buf	 text;
	/*
	 * The text folded to simplified script (rpt_fold_utf8()), which
	 * every rule matches: the same length, so offsets are shared.  Only
	 * when something folded; TEXT(s) is the one to match.
	 */
	struct rpt_buf	 fold;
	int		 folded;
	long		 line;
	long		 num;
	size_t		 chars;		/* RPT_CHARS_UNKNOWN when long_text() */
	size_t		 nleads;	/* characters of text, when the lines */
	size_t		 nchars;	/* said; and non-white ones */
	int		 plain;		/* and no byte a TSV field escapes */
	unsigned	 f;
	enum rpt_kind	 kind;
	int		 settled;	/* kind fixed by the front or the tail */
	int		 full;		/* ensure_some() (1), ensure() (2)
					   has run */
	int		 joined;	/* continues the element before it */
	enum rpt_family	 fam;		/* marker, if F_MARK */
	int		 mnum;
	size_t		 mlen;
	enum rpt_numbering numbering;	/* how the marker's number fits */
	int		 expected;	/* the number that would have fitted */
	int		 debris;	/* pieces of debris removed */
	size_t		 debris_chars;	/* and their non-white characters */
	int		 unmarked;	/* a heading without a marker: 1 of a
					   series, 2 a Word file's bold lead */
	/* Where PDF text has it: the first line of a page, indented. */
	int		 page, indent;
	size_t		 tail;		/* width of its last line, as printed:
					   2 a wide character, 1 an ASCII one */
	int		 joins;		/* lines joined onto its first */
	int		 moved;		/* page furniture a paragraph went past */
	long		 owner;		/* and that paragraph's num */
	/* What a Word file's formatting says (struct rpt_line): */
	unsigned	 lfmt;
	int		 olvl;		/* outline level + 1, 0 for none */
	int		 bold_lead;	/* the bold lead ends at this 。 */
	struct lead {			/* lead(): its first sentence */
		int	 known;
		size_t	 len, chars;	/* 0 if it cannot be a heading's */
		int	 no_runin;	/* but not a run-in lead's */
	}		 lead;
};

struct rpt_doc {
	struct slot	 q[LOOK + 1];
	int		 head, count;
	size_t		 qbytes;
	struct slot	 out;		/* the paragraph handed out */
	int		 finished, front_done, tail_done;
	long		 paras;
	enum rpt_kind	 last;		/* kind of the last paragraph out */
	int		 last_stop;	/* and whether it ended a sentence */
	int		 last_short;	/* or was a short line of its own */
	int		 numbered;	/* a numbered heading has occurred */
	enum series	 series;	/* the series of unmarked headings open */
	int		 leads;		/* a series of leads has occurred */
	int		 paren_used;	/* and one marked （一） */
	int		 min_olvl;	/* highest outline level seen (+ 1), or 0 */
	/*
	 * PDF text: the first two lines of the document, which a running
	 * header repeats after each form feed; whether the line pushed last
	 * was the first of them so repeated; lines indented so far.
	 */
	struct rpt_buf	 page_head[2];
	struct rpt_buf	 body;		/* the first body lines, hard-wrapped */
	struct rpt_buf	 foot;		/* the last line of the page before */
	int		 nomem;		/* memory ran out where none could say */
	/*
	 * Page furniture that a paragraph went on past, out of the queue (so
	 * that the rules that look ahead see paragraphs), to be handed out
	 * right after its owner; out_num is the num of the last paragraph
	 * handed out from the queue.
	 */
	struct slot	*late;
	size_t		 nlate, cap_late;
	long		 out_num;
	int		 heads, head_next;
	long		 indents;
	size_t		 wrap;		/* hard-wrapped at this width, or 0 */
	int		 fold;		/* traditional script in the front */
	struct outline	 o;
	struct rpt_buf	 scratch;	/* text with debris removed */
	struct rpt_buf	 title, subtitle, author;	/* joined elements */
	/*
	 * A page may give its title again (its headline, then the document's
	 * own): the first is the title, the others are kept here, joined.
	 */
	struct rpt_buf	 titles;
	struct later_title {
		long	 num;		/* the paragraph that starts it */
		size_t	 off, len;	/* its text in titles */
	}		 later[LOOK + 1];
	int		 nlater;
	int		 debris;	/* removed, not yet counted */
	size_t		 debris_chars;
	/* Parts: */
	struct rpt_profile *fixed;	/* the user's profile, not owned */
	struct rpt_profile *builtin[3];	/* fzzf, gwr, summary, for auto */
	struct rpt_profile *cur;	/* this document's */
	int		 year;		/* the year the report is about */
	struct rpt_parts parts;		/* the level-1 section's parts */
	struct rpt_buf	 part;		/* the same, '+'-joined */
	uint64_t	 seen;		/* parts seen so far */
	int		 failed;	/* a profile search failed */
	struct rpt_profile_error err;
	/* Paragraphs handed out, and the pieces of the one being handed out. */
	long		 emitted;
	struct rpt_splitter *sentences;
	struct piece	*pieces;
	size_t		 npieces, piece, cap_pieces;
};

#define TEXT(s)	((s)->folded ? (s)->fold.p : (s)->text.p)

#if defined(__GNUC__)
#define NOINLINE	__attribute__((noinline))
#else
#define NOINLINE
#endif

static struct slot *at(struct rpt_doc *, int);
static int	hand_out(struct rpt_doc *, struct rpt_para *);
static void	clear_late(struct rpt_doc *);
static void	reown(struct rpt_doc *, long, long);
static int	move_late(struct rpt_doc *, int, int, long);
static int	late_out(struct rpt_doc *, struct rpt_para *);
static int	fill(struct rpt_doc *, struct rpt_para *);
static int	goes_on(const struct rpt_doc *, const struct slot *,
		    const struct slot *, int);
static int	join_queued(struct rpt_doc *, int);
static int	running_footer(struct rpt_doc *, int);
static int	annex(const struct slot *);
static size_t	pinyin_at(const char *, size_t, size_t);
static void	heading_title(const struct slot *, int, const char **,
		    size_t *);

static const char *const kind_names[] = {
	[RPT_K_BODY] = "body",
	[RPT_K_HEADING] = "heading",
	[RPT_K_TITLE] = "title",
	[RPT_K_SUBTITLE] = "subtitle",
	[RPT_K_AUTHOR] = "author",
	[RPT_K_DOCNO] = "docno",
	[RPT_K_ISSUER] = "issuer",
	[RPT_K_ADDRESSEE] = "addressee",
	[RPT_K_SIGNATURE] = "signature",
	[RPT_K_DATE] = "date",
	[RPT_K_BOILERPLATE] = "boilerplate",
	[RPT_K_ITEM] = "item",
};

const char *
rpt_kind_name(enum rpt_kind k)
{
	return kind_names[k];
}

struct rpt_doc *
rpt_doc_new(void)
{
	struct rpt_doc *d;

	/* A new model is one reset, ready for its first document. */
	if ((d = calloc(1, sizeof(struct rpt_doc))) != NULL)
		rpt_doc_reset(d);
	return d;
}

void
rpt_doc_free(struct rpt_doc *d)
{
	int i;

	if (d == NULL)
		return;
	for (i = 0; i <= LOOK; i++) {
		rpt_buf_free(&d->q[i].text);
		rpt_buf_free(&d->q[i].fold);
	}
	rpt_buf_free(&d->out.text);
	rpt_buf_free(&d->out.fold);
	rpt_buf_free(&d->scratch);
	rpt_buf_free(&d->title);
	rpt_buf_free(&d->titles);
	rpt_buf_free(&d->page_head[0]);
	rpt_buf_free(&d->page_head[1]);
	rpt_buf_free(&d->body);
	rpt_buf_free(&d->foot);
	clear_late(d);
	free(d->late);
	rpt_buf_free(&d->subtitle);
	rpt_buf_free(&d->author);
	rpt_buf_free(&d->part);
	rpt_splitter_free(d->sentences);
	free(d->pieces);
	for (i = 0; i < 3; i++)
		rpt_profile_free(d->builtin[i]);
	free(d);
}

void
rpt_doc_reset(struct rpt_doc *d)
{
	int i;

	d->head = d->count = 0;
	d->qbytes = 0;
	d->finished = d->front_done = d->tail_done = 0;
	d->paras = 0;
	d->last = RPT_K_BODY;
	d->last_stop = 1;
	d->last_short = 0;
	d->numbered = 0;
	d->series = S_NONE;
	d->leads = 0;
	d->paren_used = 0;
	d->min_olvl = 0;
	d->page_head[0].len = d->page_head[1].len = 0;
	d->heads = d->head_next = 0;
	d->indents = 0;
	clear_late(d);
	d->out_num = 0;
	d->foot.len = 0;
	d->nomem = 0;
	d->wrap = 0;
	d->fold = 0;
	/* The outline, open sections and path, as new. */
	memset(&d->o, 0, sizeof(d->o));
	d->title.len = d->subtitle.len = d->author.len = 0;
	d->titles.len = 0;
	d->nlater = 0;
	d->debris = 0;
	d->debris_chars = 0;
	d->cur = d->fixed;
	/* Each document has its own step budget for patterns. */
	if (d->fixed != NULL)
		rpt_profile_reset(d->fixed);
	for (i = 0; i < 3; i++)
		if (d->builtin[i] != NULL)
			rpt_profile_reset(d->builtin[i]);
	d->year = 0;
	d->part.len = 0;
	memset(&d->parts, 0, sizeof(d->parts));
	d->seen = 0;
	d->failed = 0;
	d->emitted = 0;
	d->npieces = d->piece = 0;
}

void
rpt_doc_set_profile(struct rpt_doc *d, struct rpt_profile *p)
{
	d->fixed = p;
}

const char *
rpt_doc_profile(const struct rpt_doc *d)
{
	return d->cur ? rpt_profile_name(d->cur) : "";
}

int
rpt_doc_year(const struct rpt_doc *d)
{
	return d->year;
}

const struct rpt_profile_error *
rpt_doc_error(const struct rpt_doc *d)
{
	return d->failed ? &d->err : NULL;
}

/*
 * The first year named in p: four digits (ASCII or full-width) followed by
 * 年, not part of a longer number; 0 if none.
 */
static int
year_in(const char *p, size_t n)
{
	size_t i, k, j, e;
	uint32_t f;
	int32_t c;
	int y, digits;

	for (i = 0; i < n; i += k) {
		k = rpt_utf8_decode(p + i, n - i, &c);
		if (!(rpt_char_class(c) & RPT_C_DIGIT))
			continue;
		if (i > 0) {
			int32_t b;

			rpt_utf8_prev(p, i, &b);
			if (rpt_char_class(b) & RPT_C_DIGIT)
				continue;
		}
		for (j = i, y = 0, digits = 0; j < n && digits < 5; digits++) {
			k = rpt_utf8_decode(p + j, n - j, &c);
			if (!((f = rpt_char_class(c)) & RPT_C_DIGIT))
				break;
			y = y * 10 + RPT_C_VALUE(f);
			j += k;
		}
		/* 2025 年 too: white space may come between. */
		for (e = j; e < n && rpt_utf8_decode(p + e, n - e, &c) > 0 &&
		    rpt_is_space(c); e += rpt_utf8_decode(p + e, n - e, &c))
			;
		if (digits == 4 && e + 3 <= n && memcmp(p + e, "年", 3) == 0 &&
		    y >= 1900 && y <= 2200)
			return y;
		k = j > i ? j - i : k;
	}
	return 0;
}

/*
 * The year of a report whose title and dateline name none: the first that
 * its first body paragraphs name (2024年，我镇…, 现将我镇2025 年…报告如下),
 * never one of the chrome's (a publication date).  Not for a 政府工作报告
 * (profile gwr), whose first year is the one it looks back on.
 */
static void
body_year(struct rpt_doc *d, int body)
{
	const struct slot *s;
	int i, n;

	if (d->year != 0 || body < 0 ||
	    strcmp(rpt_profile_name(d->cur), "gwr") == 0)
		return;
	for (i = body, n = 0; d->year == 0 && i < d->count && n < YEAR_PARAS;
	    i++) {
		s = at(d, i);
		if (s->settled || !(s->f & F_BODY))
			continue;
		d->year = year_in(s->text.p, s->text.len);
		n++;
	}
}

/*
 * Choose the document's profile and year once its front is known: the
 * user's profile, or a built-in one by its title (else its addressee and
 * first body paragraph).
 */
static int
choose_profile(struct rpt_doc *d, int addressee, int body)
{
	static const char *const names[] = { "fzzf", "gwr", "summary" };
	const struct slot *a = addressee >= 0 ? at(d, addressee) : NULL;
	const struct slot *b = body >= 0 ? at(d, body) : NULL;
	const char *name, *btext;
	size_t blen;
	int i;

	/*
	 * The title's year, else that of a page's other title or of the
	 * dateline, else (body_year()) the first the first body paragraphs
	 * name.
	 */
	d->year = year_in(d->title.p ? d->title.p : "", d->title.len);
	if (d->year == 0)
		d->year = year_in(d->titles.p ? d->titles.p : "",
		    d->titles.len);
	/* A 政府工作报告's dateline: the year it is delivered in. */
	if (d->year == 0)
		d->year = year_in(d->subtitle.p ? d->subtitle.p : "",
		    d->subtitle.len);
	if (d->fixed != NULL) {
		d->cur = d->fixed;
		body_year(d, body);
		return 0;
	}
	/* The start of the first body paragraph: a flattened one is all of it. */
	blen = b ? b->text.len : 0;
	/* Hard-wrapped, its first lines (not joined yet) make that start. */
	if (b != NULL && d->wrap > 0) {
		d->body.len = 0;
		for (i = body; i < d->count && d->body.len < AUTO_BODY; i++)
			if (rpt_buf_append(&d->body, TEXT(at(d, i)),
			    at(d, i)->text.len) == -1)
				return -1;
		blen = d->body.len;
	}
	btext = d->wrap > 0 && b != NULL ? d->body.p : b ? TEXT(b) : "";
	if (blen > AUTO_BODY) {
		blen = AUTO_BODY;
		while (blen > 0 && ((unsigned char)btext[blen] & 0xc0) == 0x80)
			blen--;
	}
	/* The title in simplified script, as every rule matches it. */
	d->scratch.len = 0;
	if (rpt_buf_reserve(&d->scratch, d->title.len) == -1)
		return -1;
	rpt_fold_utf8(d->scratch.p, d->title.p ? d->title.p : "",
	    d->title.len);
	name = rpt_profile_auto(d->scratch.p, d->title.len,
	    a ? TEXT(a) : "", a ? a->text.len : 0, btext, blen);
	/*
	 * A scraped government work report may have lost its title and its
	 * 各位代表： too; it still speaks to the deputies early on.
	 */
	if (d->title.len == 0 && strcmp(name, "summary") == 0)
		for (i = 0; i < d->count; i++)
			if (rpt_memmem(TEXT(at(d, i)), at(d, i)->text.len,
			    "各位代表", 12) != NULL ||
			    rpt_memmem(TEXT(at(d, i)), at(d, i)->text.len,
			    "政府工作报告", 18) != NULL) {
				name = "gwr";
				break;
			}
	for (i = 0; i < 3; i++)
		if (strcmp(name, names[i]) == 0)
			break;
	if (i == 3)
		i = 2;
	if (d->builtin[i] == NULL &&
	    rpt_profile_builtin(names[i], &d->builtin[i], &d->err) == -1) {
		d->failed = 1;
		return -1;
	}
	d->cur = d->builtin[i];
	body_year(d, body);
	return 0;
}

/*
 * The part of a level-1 heading: what its title names, else the
 * profile's fallback for what has been seen.  Subsections inherit it.
 */
static int
level1_part(struct rpt_doc *d, const char *title, size_t len)
{
	d->part.len = 0;
	memset(&d->parts, 0, sizeof(d->parts));
	if (d->cur == NULL)
		return 0;
	if (rpt_profile_match(d->cur, title, len, d->year, &d->parts,
	    &d->err) == -1) {
		d->failed = 1;
		return -1;
	}
	if (d->parts.n == 0)
		rpt_parts_add(&d->parts, rpt_profile_fallback(d->cur, d->seen));
	d->seen |= d->parts.set;
	return rpt_parts_format(d->cur, &d->parts, '+', &d->part);
}

/*
 * Conversion debris: "[bookmark: NAME]" (pandoc's rendering of Word
 * bookmarks such as _GoBack), "[]{#_Toc123 .anchor}", and the pinyin a
 * mirror site puts in brackets after a Han character when it converts a
 * page's script (發(fā)展, 區(qū)): an opening bracket right after a Han
 * character, one to six Latin letters of which one is a vowel with a tone
 * mark, a closing bracket.  Returns the length of the debris at p + i, 0
 * if none.
 */
static size_t
debris_at(const char *p, size_t n, size_t i)
{
	static const char bm[] = "[bookmark: ", an[] = "[]{#";
	const char *end;

	p += i;
	n -= i;
	if (*p != '[')
		return i > 0 ? pinyin_at(p - i, i, n) : 0;
	if (n > sizeof(bm) - 1 && memcmp(p, bm, sizeof(bm) - 1) == 0 &&
	    (end = memchr(p, ']', n)) != NULL)
		return (size_t)(end - p) + 1;
	if (n > sizeof(an) - 1 && memcmp(p, an, sizeof(an) - 1) == 0 &&
	    (end = memchr(p, '}', n)) != NULL)
		return (size_t)(end - p) + 1;
	return 0;
}

/* Is c a vowel with a tone mark (ā á ǎ à … ǖ ǘ ǚ ǜ)? */
static int
toned(int32_t c)
{
	static const int32_t v[] = {
		0x101, 0xe1, 0x1ce, 0xe0, 0x113, 0xe9, 0x11b, 0xe8, 0x12b, 0xed,
		0x1d0, 0xec, 0x14d, 0xf3, 0x1d2, 0xf2, 0x16b, 0xfa, 0x1d4, 0xf9,
		0x1d6, 0x1d8, 0x1da, 0x1dc, 0x144, 0x148, 0x1f9, 0x1e3f
	};
	size_t i;

	for (i = 0; i < sizeof(v) / sizeof(v[0]); i++)
		if (c == v[i])
			return 1;
	return 0;
}

/* The pinyin debris at p + i (an opening bracket) after a Han character. */
static size_t
pinyin_at(const char *p, size_t i, size_t n)
{
	size_t j, k, letters = 0;
	int32_t c;
	int tone = 0;

	rpt_utf8_prev(p, i, &c);
	if (!rpt_is_han(c))
		return 0;
	p += i;
	if ((j = *p == '(' ? 1 : n >= 3 && memcmp(p, "（", 3) == 0 ? 3 : 0) == 0)
		return 0;
	for (; j < n && letters <= 6; j += k) {
		k = rpt_utf8_decode(p + j, n - j, &c);
		if (c == ')' || c == RPT_CH_FW_RPAREN)
			return tone && letters > 0 ? j + k : 0;
		if (toned(c) || c == 0xfc)	/* ü */
			tone |= toned(c);
		else if (c < 'a' || c > 'z')
			return 0;
		letters++;
	}
	return 0;
}

/*
 * May p hold debris: a [, or a byte that leads a toned vowel (C3-C7, E1
 * for ḿ)?  Most lines have none, and Han text never has those bytes.
 */
static int
debris_bytes(const char *p, size_t n)
{
	const unsigned char *u = (const unsigned char *)p;
	size_t i = 0;
#ifdef __SSE2__
	for (; i + 16 <= n; i += 16)
		if (_mm_movemask_epi8(rpt_debris_lead16(_mm_loadu_si128(
		    (const __m128i *)(const void *)(u + i)))) != 0)
			return 1;
#endif
	for (; i < n; i++)
		if (rpt_debris_byte(u[i]))
			return 1;
	return 0;
}

/*
 * Where debris may start: [ for pandoc's, ( and （ for pinyin.  A line that
 * has debris bytes (debris_bytes()) is looked through here, from each
 * candidate on: sixteen bytes a step where SSE2 is there, each [ ( or EF
 * (the lead of （, and of the full-width punctuation Han text is full of)
 * then tried as the loop after it tries every byte.
 */
static const char *
debris_next(const char *q, const char *end)
{
#ifdef __SSE2__
	__m128i x, m;
	unsigned bits;
	int j;

	for (; end - q >= 16; q += 16) {
		x = _mm_loadu_si128((const __m128i *)(const void *)q);
		m = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(x,
		    _mm_set1_epi8('[')), _mm_cmpeq_epi8(x, _mm_set1_epi8('('))),
		    _mm_cmpeq_epi8(x, _mm_set1_epi8((char)0xef)));
		for (bits = (unsigned)_mm_movemask_epi8(m); bits != 0;
		    bits &= bits - 1) {
			j = __builtin_ctz(bits);
			if (q[j] != '\xef' || (end - (q + j) >= 3 &&
			    memcmp(q + j, "（", 3) == 0))
				return q + j;
		}
	}
#endif
	for (; q < end; q++)
		if (*q == '[' || *q == '(' ||
		    (*q == '\xef' && end - q >= 3 && memcmp(q, "（", 3) == 0))
			return q;
	return NULL;
}

const char *
rpt_strip_debris(const char *p, size_t *np, struct rpt_buf *scratch,
    int *count)
{
	const char *q, *end = p + *np, *from;
	size_t k;

	*count = 0;
	if (!debris_bytes(p, *np))
		return p;
	for (q = debris_next(p, end); q != NULL; q = debris_next(q + 1, end))
		if (debris_at(p, *np, (size_t)(q - p)) > 0)
			break;
	if (q == NULL)
		return p;
	scratch->len = 0;
	from = p;
	while (q != NULL && q < end) {
		if ((k = debris_at(p, *np, (size_t)(q - p))) > 0) {
			if (rpt_buf_append(scratch, from, (size_t)(q - from)) == -1)
				return NULL;
			(*count)++;
			from = q + k;
			q = debris_next(from, end);
			continue;
		}
		q = debris_next(q + 1, end);
	}
	if (rpt_buf_append(scratch, from, (size_t)(end - from)) == -1 ||
	    rpt_buf_reserve(scratch, 1) == -1)
		return NULL;
	*np = scratch->len;
	return scratch->p;
}

/* Skip an opening bracket ( or （; returns its length, 0 if none. */
static size_t
open_paren(const char *p, size_t n)
{
	if (n >= 1 && p[0] == '(')
		return 1;
	if (n >= 3 && memcmp(p, "（", 3) == 0)
		return 3;
	return 0;
}

static size_t
close_paren(const char *p, size_t n)
{
	if (n >= 1 && p[0] == ')')
		return 1;
	if (n >= 3 && memcmp(p, "）", 3) == 0)
		return 3;
	return 0;
}

/* Arabic digits, ASCII or full-width; at most six of them. */
static size_t
ar_number(const char *s, size_t n, int *val)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0, digits = 0;
	int v = 0;

	for (;;) {
		if (i < n && p[i] >= '0' && p[i] <= '9') {
			v = v * 10 + (p[i] - '0');
			i++;
		} else if (i + 2 < n && p[i] == 0xef && p[i + 1] == 0xbc &&
		    p[i + 2] >= 0x90 && p[i + 2] <= 0x99) {
			v = v * 10 + (p[i + 2] - 0x90);
			i += 3;
		} else
			break;
		if (++digits > 6)
			return 0;
	}
	*val = v;
	return i;
}

static int
is_digit_at(const char *p, size_t n)
{
	int v;

	return ar_number(p, n, &v) > 0;
}

/* 、 ． or . after a number; returns its length, 0 if none. */
static size_t
number_stop(const char *p, size_t n, int dot_ok)
{
	if (n >= 3 && memcmp(p, "、", 3) == 0)
		return 3;
	if (!dot_ok)
		return 0;
	if (n >= 3 && memcmp(p, "．", 3) == 0)
		return 3;
	if (n >= 1 && p[0] == '.')
		return 1;
	return 0;
}

/*
 * Recognise a heading marker at the start of p.  Returns the marker's
 * length including the white space after it, 0 if there is none.
 */
/*
 * May p open a Chinese numeral (rpt_cn_number(): its first character is
 * 十 or a digit of RPT_C_CN_DIGIT)?  Most paragraphs that open with an E4
 * or E5 lead do not: one decode and a class, not the call.
 */
static int
cn_first(const char *p, size_t n)
{
	int32_t c;

	rpt_utf8_decode(p, n, &c);
	return c == RPT_CH_TEN || (rpt_char_class(c) & RPT_C_CN_DIGIT);
}

static size_t
marker(const char *p, size_t n, enum rpt_family *fam, int *num)
{
	size_t i, k, o;
	const char *rest;
	size_t rn;
	/*
	 * Asked of every paragraph: a Chinese numeral opens with 一 to 九 or
	 * 十 (E4 or E5 leads them all), an Arabic number with an ASCII digit
	 * or a full-width one (EF); other paragraphs need neither call.
	 */
	unsigned char b = n > 0 ? (unsigned char)p[0] : 0;

	if ((o = open_paren(p, n)) > 0) {
		if ((k = rpt_cn_number(p + o, n - o, num)) > 0)
			*fam = RPT_FAM_CN_PAREN;
		else if ((k = ar_number(p + o, n - o, num)) > 0)
			*fam = RPT_FAM_AR_PAREN;
		else
			return 0;
		i = o + k;
		if ((k = close_paren(p + i, n - i)) == 0)
			return 0;
		i += k;
	} else if ((b == 0xe4 || b == 0xe5) && cn_first(p, n) &&
	    (k = rpt_cn_number(p, n, num)) > 0) {
		if ((o = number_stop(p + k, n - k, 1)) == 0)
			return 0;
		*fam = RPT_FAM_CN;
		i = k + o;
	} else if (((b >= '0' && b <= '9') || b == 0xef) &&
	    (k = ar_number(p, n, num)) > 0) {
		if ((o = number_stop(p + k, n - k, 1)) == 0)
			return 0;
		/* 1.3万元 and 12.4宪法宣传周 are numbers, not markers. */
		if (is_digit_at(p + k + o, n - k - o))
			return 0;
		*fam = RPT_FAM_AR;
		i = k + o;
	} else
		return 0;
	rest = p + i;
	rn = n - i;
	rpt_trim(&rest, &rn);
	if (rn == 0)
		return 0;		/* a marker with nothing after it */
	return (size_t)(rest - p);
}

/*
 * Does (fam, num) open a heading in outline o?  Updates o if so; says in
 * *nb and *expected how the number fits its family.
 */
static int
place(struct outline *o, enum rpt_family fam, int num,
    enum rpt_numbering *nb, int *expected)
{
	int i;

	for (i = o->depth - 1; i >= 0; i--)
		if (o->open[i].fam == fam)
			break;
	if (i >= 0) {
		*expected = o->open[i].num + 1;
		if (num <= o->open[i].num) {
			/* 二、 after 二、 or 三、: a repeat, not a heading. */
			*nb = RPT_NUM_REPEAT;
			return 0;
		}
		if (num > o->open[i].num + GAP_MAX)
			return 0;
		if (num > *expected)
			*nb = RPT_NUM_GAP;
		o->open[i].num = num;
		o->open[i].olvl = 0;
		o->path[i]++;
		o->depth = i + 1;
		return 1;
	}
	if (o->depth >= RPT_DEPTH_MAX)
		return 0;
	if (num != 1 && (o->depth > 0 || num < 1 || num > FIRST_MAX))
		return 0;
	o->open[o->depth].fam = fam;
	o->open[o->depth].num = num;
	o->open[o->depth].olvl = 0;
	o->path[o->depth] = 1;
	o->depth++;
	return 1;
}

static int
place_heading(struct rpt_doc *d, struct slot *s)
{
	if (!place(&d->o, s->fam, s->mnum, &s->numbering, &s->expected))
		return 0;
	d->o.open[d->o.depth - 1].olvl = s->olvl;
	return 1;
}

/*
 * The i-th queued paragraph, oldest first.  The rules ask for slots all the
 * time: head <= LOOK and 0 <= i <= LOOK + 1 (i <= count <= LOOK + 1), so
 * head + i < 2 * (LOOK + 1) and one compare wraps it as % (LOOK + 1) did.
 */
static struct slot *
at(struct rpt_doc *d, int i)
{
	int j = d->head + i, w = j - (LOOK + 1);

	/* A conditional move, not a branch: it follows no pattern. */
	return &d->q[w < 0 ? j : w];
}

/* Is the character at u (valid UTF-8, of three bytes) in U+4E00-9FFF? */
static int
common_han(const unsigned char *u)
{
	return u[0] - 0xe5U <= 4U || (u[0] == 0xe4 && u[1] >= 0xb8);
}

static int
has_han(const char *p, size_t n)
{
	const unsigned char *u = (const unsigned char *)p;
	size_t i, k;
	int32_t c;
	int han = 0;

	/*
	 * Most paragraphs open with two common ideographs: no decoding.
	 * (E4-E9 lead three bytes, so the second starts at u + 3.)
	 */
	if (n >= 6 && common_han(u) && common_han(u + 3))
		return 1;
	for (i = 0; i < n && han < 2; i += k) {
		k = rpt_utf8_decode(p + i, n - i, &c);
		/* The common ideographs without a call, the rest with one. */
		han += (c >= RPT_CH_HAN_FIRST && c <= RPT_CH_HAN_LAST) ||
		    rpt_is_han(c);
	}
	return han >= 2;
}

/* Has p more than 2 * SHORT_MAX characters?  Looks no further than that. */
static int
long_text(const char *p, size_t n)
{
	size_t chunk = 8 * SHORT_MAX, seen = 0, k;

	/* At most 4 bytes a character: count leads a chunk at a time. */
	while (n > 0) {
		k = n < chunk ? n : chunk;
		if ((seen += rpt_count_leads(p, k)) > 2 * SHORT_MAX)
			return 1;
		p += k;
		n -= k;
	}
	return 0;
}

/*
 * Is the front in traditional script: do at least FOLD_SHARE percent of
 * its bytes change when folded?  A simplified report with a stray 業 or
 * 萬 is not (its stray characters stay as they are for the rules).
 */
static int
traditional(struct rpt_doc *d)
{
	const struct slot *s;
	size_t total = 0, changed = 0, j;
	int i;

	for (i = 0; i < d->count; i++) {
		s = at(d, i);
		total += s->text.len;
		for (j = 0; s->folded && j < s->text.len; j++)
			changed += s->text.p[j] != s->fold.p[j];
	}
	return changed * 100 >= total * FOLD_SHARE && changed > 0;
}

/*
 * Fold s's text for the rules (see struct slot); -1 when memory ran out.
 * A document is folded while its front is read; after it, only when the
 * front is in traditional script (traditional()): a report in simplified
 * script does not pay for it.
 */
static int
fold_slot(struct rpt_doc *d, struct slot *s)
{
	s->folded = 0;
	if (d->front_done && !d->fold)
		return 0;
	s->fold.len = 0;
	if (rpt_buf_reserve(&s->fold, s->text.len) == -1)
		return -1;
	s->folded = rpt_fold_utf8(s->fold.p, s->text.p, s->text.len);
	return 0;
}

/* The characters of two texts joined, when both are known. */
static size_t
add_chars(size_t a, size_t b)
{
	return a == RPT_CHARS_UNKNOWN || b == RPT_CHARS_UNKNOWN ?
	    RPT_CHARS_UNKNOWN : a + b;
}

/* Features of a paragraph on its own (of its folded text). */
static unsigned
features(struct slot *s)
{
	const char *p = TEXT(s);
	size_t n = s->text.len;
	unsigned f = 0;
	int chrome;

	/*
	 * Exact counts for the lines that may be short; a paragraph of more
	 * than 2 * SHORT_MAX characters is long however much of it is white
	 * space, and is counted only if a filter asks (rpt_para_chars()).
	 * Where its lines were counted on their way in (nleads, nchars: not
	 * folded, no debris taken out), nothing is counted here or there.
	 */
	if (!s->folded && s->nchars != RPT_CHARS_UNKNOWN)
		/* The lines counted both: long_text() without a count. */
		s->chars = s->nleads > 2 * SHORT_MAX ? RPT_CHARS_UNKNOWN :
		    s->nchars;
	else
		s->chars = long_text(p, n) ? RPT_CHARS_UNKNOWN :
		    rpt_count_chars(p, n);
	if ((s->mlen = marker(p, n, &s->fam, &s->mnum)) > 0)
		f |= F_MARK;
	switch (rpt_end_mark(p, n)) {
	case 2:
		f |= F_STOP;
		/* FALLTHROUGH */
	case 1:
		f |= F_TERM;
	}
	if (has_han(p, n))
		f |= F_HAN;
	/*
	 * A PDF page's number: boilerplate wherever it is.  It opens with a
	 * dash (- or E2, EF leads), 第 or a digit: a short Han line need not
	 * be asked.
	 */
	if (n <= 40 && (p[0] == '-' || (unsigned char)p[0] == 0xe2 ||
	    (unsigned char)p[0] == 0xef || (p[0] >= '1' && p[0] <= '9') ||
	    (n >= 3 && memcmp(p, "第", 3) == 0)) && rpt_is_page_number(p, n))
		return f | F_FURNITURE | F_CHROME | F_BOILER;
	/*
	 * Chrome is known on its own, before a title or a heading; a
	 * paragraph that ends in 。 is none (most are: no need to ask).
	 */
	if (!(f & F_MARK) && !(n >= 3 && memcmp(p + n - 3, "。", 3) == 0) &&
	    (chrome = rpt_is_chrome(p, n)) > 0)
		return f | (chrome == 1 ? F_BOILER_WORD : F_CHROME | F_BOILER) |
		    (chrome == 3 ? F_CRUMB : 0) |
		    (rpt_has_punct(p, n) ? F_PUNCT : 0);
	if ((f & F_MARK) || ((f & F_TERM) && s->chars > 15) || s->chars > 60)
		f |= F_BODY;
	/* Everything else is a short line's, and looked at when needed. */
	if (s->chars > SHORT_MAX)
		return f | F_PUNCT;
	/* A final 。 is punctuation: no need to look for the first. */
	if ((n >= 3 && memcmp(p + n - 3, "。", 3) == 0) || rpt_has_punct(p, n))
		f |= F_PUNCT;
	return f;
}

/*
 * The features of a short line as an element (web remnant, date, 发文字号,
 * organs, title...), worked out only for the lines whose place makes them
 * matter: the front, the tail, a candidate unnumbered heading.  In two
 * parts, as each flag is its own rule's: ensure_some() for what
 * unnumbered() asks of a candidate heading (most are never asked more),
 * ensure() for all.  Every reader of the other flags (front(), tail() and
 * what they call) calls ensure() on the lines it reads first.
 */
static void
ensure_some(struct slot *s)
{
	const char *p = TEXT(s);
	size_t n = s->text.len;
	int y, m, day, b;

	if (s->full >= 1)
		return;
	s->full = 1;
	if (s->chars > SHORT_MAX)
		return;
	if ((b = rpt_is_boilerplate(p, n)) == 2)
		s->f |= F_BOILER;
	else if (b == 1)
		s->f |= F_BOILER_WORD;
	if (rpt_parse_date(p, n, &y, &m, &day))
		s->f |= F_DATE;
	if (rpt_is_organ_line(p, n))
		s->f |= F_ORGAN;
	if (rpt_is_addressee(p, n))
		s->f |= F_ADDR;
}

static void
ensure(struct slot *s)
{
	const char *p = TEXT(s);
	size_t n = s->text.len;
	int office;

	if (s->full >= 2)
		return;
	ensure_some(s);
	s->full = 2;
	if (s->chars > SHORT_MAX)
		return;
	if (rpt_is_docno(p, n))
		s->f |= F_DOCNO;
	if (rpt_is_titleish(p, n))
		s->f |= F_TITLE;
	if (rpt_is_subtitle(p, n))
		s->f |= F_SUBTITLE;
	if (rpt_is_author(p, n, &office))
		s->f |= office ? F_OFFICE : F_AUTHOR;
	if (rpt_is_person_name(p, n))
		s->f |= F_NAME;
	/* A Word file's Title style or large centred first lines: a title. */
	if ((s->lfmt & RPT_LF_TITLE) && !(s->f & (F_DATE | F_DOCNO | F_ORGAN |
	    F_ADDR | F_SUBTITLE | F_AUTHOR | F_OFFICE | F_NAME | F_CHROME |
	    F_BOILER)))
		s->f |= F_TITLE;
}

/* ensure() for the queued paragraphs [from, to). */
static void
ensure_range(struct rpt_doc *d, int from, int to)
{
	for (; from < to; from++)
		ensure(at(d, from));
}

/*
 * How a raw line starts, as PDF text shows it: *page when with a form feed
 * (the first line of a page), *indent when its text is indented (two
 * spaces or more, an ideographic space, a TAB).
 */
static void
line_start(const char *p, size_t n, int *page, int *indent)
{
	size_t i = 0, spaces = 0;

	*page = n > 0 && p[0] == '\f';
	i = *page;
	for (; i < n; i++) {
		if (p[i] == ' ')
			spaces++;
		else if (p[i] == '\t')
			spaces += 2;
		else if (i + 3 <= n && memcmp(p + i, "\xe3\x80\x80", 3) == 0) {
			spaces += 2;
			i += 2;
		} else
			break;
	}
	*indent = spaces >= 2 && i < n;
}

/*
 * The width of a line as printed, white space at its ends aside: 1 for an
 * ASCII character, 2 for any other (Han, full-width punctuation), which is
 * what a line cut at a page's width shows; debris counts, as it took room.
 */
static size_t
print_width(const char *p, size_t n)
{
	rpt_trim(&p, &n);
	/*
	 * ASCII counts 1 and any other character 2: twice the characters,
	 * less the ASCII bytes (n less the others), with vector counts.
	 */
	return 2 * rpt_count_leads(p, n) + rpt_count_high(p, n) - n;
}

/*
 * PDF text's running header: the first line of a page (after its form
 * feed) that repeats the document's first line, and the line after it
 * when that repeats the document's second (a header cut in two).  The
 * first two lines are kept to compare.
 */
static int
running_header(struct rpt_doc *d, const struct slot *s)
{
	const struct rpt_buf *h;
	int next = d->head_next;

	d->head_next = 0;
	if (d->heads < 2) {
		if (rpt_buf_append(&d->page_head[d->heads], s->text.p,
		    s->text.len) == -1)
			return -1;
		d->heads++;
		return 0;
	}
	if (!s->page && !next)
		return 0;
	h = &d->page_head[s->page ? 0 : 1];
	if (h->len != s->text.len || memcmp(h->p, s->text.p, h->len) != 0)
		return 0;
	d->head_next = s->page;
	return 1;
}

/*
 * rpt_trim(), the common cases without a call: a line indented with
 * ideographic spaces, blanks or TABs, and that ends with 。, an ideograph
 * or another character that is not white space (ASCII, or of three bytes
 * and decoded here).  rpt_trim() for the rest: what is left may start with
 * other white space (rpt_space_lead), or end with it.
 */
static size_t
trim(const char **p, size_t *n)
{
	const unsigned char *b = (const unsigned char *)*p;
	size_t len = *n, t = 0;

	/* The ideographic spaces, blanks and TABs that indent a line. */
	for (;;) {
		if (len >= 3 && b[0] == 0xe3 && b[1] == 0x80 && b[2] == 0x80) {
			b += 3;
			len -= 3;
		} else if (len > 0 && (b[0] == ' ' || b[0] == '\t')) {
			b++;
			len--;
		} else
			break;
		t++;
	}
	*p = (const char *)b;
	*n = len;
	if (len == 0)
		return t;
	if (rpt_space_lead[b[0]])
		return t + rpt_trim(p, n);
	if (b[len - 1] < 0x80) {
		if (!rpt_space_lead[b[len - 1]])
			return t;
	} else if (len >= 3 && (b[len - 3] & 0xf0) == 0xe0 &&
	    !rpt_is_space((int32_t)((b[len - 3] & 0x0fU) << 12 |
	    (b[len - 2] & 0x3fU) << 6 | (b[len - 1] & 0x3fU))))
		/* (A three-byte lead there leads the last character.) */
		return t;
	return t + rpt_trim(p, n);
}

int
rpt_doc_push(struct rpt_doc *d, const struct rpt_line *line)
{
	const char *p = line->p;
	size_t n = line->len;
	struct slot *s;
	int debris, page, indent, r;
	size_t own, trimmed;

	/* An empty line (most blank lines are) has nothing to take in. */
	if (line->len == 0)
		return 0;
	line_start(line->p, line->len, &page, &indent);
	debris = 0;
	if (!line->clean &&
	    (p = rpt_strip_debris(p, &n, &d->scratch, &debris)) == NULL)
		return -1;
	d->debris += debris;
	own = debris > 0 ? rpt_count_chars(line->p, line->len) -
	    rpt_count_chars(p, n) : 0;
	d->debris_chars += own;
	trimmed = trim(&p, &n);
	if (n == 0)
		return 0;
	/* The caller drains with rpt_doc_next() after every push. */
	s = at(d, d->count);
	s->text.len = 0;
	if (rpt_buf_append(&s->text, p, n) == -1)
		return -1;
	/* What the line counted, less what was trimmed, unless debris went. */
	if (line->counted && debris == 0) {
		s->nleads = line->leads - trimmed;
		s->nchars = line->chars;
	} else
		s->nleads = s->nchars = RPT_CHARS_UNKNOWN;
	/* Removing debris and white space leaves a plain line plain. */
	s->plain = line->plain;
	s->line = line->num;
	s->num = ++d->paras;
	s->kind = RPT_K_BODY;
	s->settled = s->joined = 0;
	s->numbering = RPT_NUM_OK;
	s->expected = 0;
	s->unmarked = 0;
	s->lead.known = 0;
	s->page = page;
	s->indent = indent;
	s->tail = 0;
	s->joins = 0;
	s->moved = 0;
	d->indents += indent;
	s->lfmt = line->fmt;
	s->olvl = (line->fmt & RPT_LF_OUTLINE) && line->outline >= 0 &&
	    line->outline < RPT_DEPTH_MAX ? line->outline + 1 : 0;
	s->bold_lead = (line->fmt & RPT_LF_LEAD) ? line->lead : 0;
	if (s->olvl > 0 && (d->min_olvl == 0 || s->olvl < d->min_olvl))
		d->min_olvl = s->olvl;
	/* Debris on blank lines before it is counted here. */
	s->debris = d->debris;
	s->debris_chars = d->debris_chars;
	d->debris = 0;
	d->debris_chars = 0;
	s->full = 0;
	if (fold_slot(d, s) == -1)
		return -1;
	s->f = features(s);
	/*
	 * (Debris took room on the line as PDF text has it.)  The front's
	 * lines find the width, and only hard-wrapped text looks at it
	 * after that: once the front found none, lines go unmeasured.
	 */
	s->tail = s->chars == RPT_CHARS_UNKNOWN ||
	    (d->front_done && d->wrap == 0) ? RPT_CHARS_UNKNOWN :
	    print_width(line->p, line->len);
	if ((r = running_header(d, s)) == -1)
		return -1;
	if (r)
		s->f |= F_FURNITURE | F_CHROME | F_BOILER;
	d->count++;
	d->qbytes += n;
	/*
	 * Page furniture leaves the queue at once, to come out after the
	 * paragraph before it: the rules that look ahead see past it (a
	 * sentence heading at the foot of a page has its body on the next).
	 * Not too many at once: a file of page numbers alone stays queued.
	 */
	if ((s->f & F_FURNITURE) && d->count >= 2 && d->nlate < LATE_MAX)
		return move_late(d, d->count - 1, d->count,
		    at(d, d->count - 2)->num) == -1 ? -1 : 1;
	/*
	 * Hard-wrapped, once the width is known: the line before this one
	 * joins its paragraph if it goes on it, now that it is known not to
	 * be a page's running footer, so that what is queued are paragraphs
	 * (the rules that look ahead see paragraphs, not lines).  The last
	 * line joins at rpt_doc_finish().
	 */
	if (s->page && d->count >= 3 &&
	    (r = running_footer(d, d->count - 2)) != 0)
		return r == -1 ? -1 : 1;
	if (d->front_done && d->wrap > 0 && d->count >= 3 &&
	    join_queued(d, d->count - 2) == -1)
		return -1;
	return 1;
}

/*
 * Queued line j, when it goes on the paragraph before it (page furniture
 * between them aside, which leaves for the late list), joins that
 * paragraph, which keeps its slot; the slots after j move up.
 */
static int
join_queued(struct rpt_doc *d, int j)
{
	struct slot *p, *s = at(d, j), t;
	int i = j - 1, k;

	while (i >= 1 && (at(d, i)->f & F_FURNITURE))
		i--;
	if (i < 1 || (s->f & F_FURNITURE) ||
	    !goes_on(d, p = at(d, i), s, i < j - 1))
		return 0;
	if (move_late(d, i + 1, j, p->num) == -1)
		return -1;
	j = i + 1;
	s = at(d, j);
	if (rpt_buf_append(&p->text, s->text.p, s->text.len) == -1)
		return -1;
	p->nleads = add_chars(p->nleads, s->nleads);
	p->nchars = add_chars(p->nchars, s->nchars);
	p->plain = p->plain && s->plain;
	p->debris += s->debris;
	p->debris_chars += s->debris_chars;
	p->tail = s->tail;
	p->joins += 1 + s->joins;
	p->full = 0;
	p->lead.known = 0;
	if (fold_slot(d, p) == -1)
		return -1;
	p->f = features(p);
	/* Furniture that waited for the line waits for its paragraph. */
	reown(d, s->num, p->num);
	/*
	 * The line's slot is free again (its bytes are the paragraph's now):
	 * those after it move up, and it goes last, buffers and all.
	 */
	t = *s;
	for (k = j; k < d->count - 1; k++)
		*at(d, k) = *at(d, k + 1);
	*at(d, d->count - 1) = t;
	d->count--;
	return 0;
}

/*
 * PDF text's running footer: the last line of a page (before the line
 * with the next form feed, page numbers aside) that repeats the last line
 * of the page before.  It leaves the queue as page furniture does.
 */
static int
running_footer(struct rpt_doc *d, int j)
{
	struct slot *s = at(d, j);

	if (s->f & F_FURNITURE)
		return 0;
	if (d->foot.len == s->text.len &&
	    memcmp(d->foot.p, s->text.p, s->text.len) == 0) {
		long owner = at(d, j - 1)->num, was = s->num;

		s->f |= F_FURNITURE | F_CHROME | F_BOILER;
		if (move_late(d, j, j + 1, owner) == -1)
			return -1;
		/* The page number after it waited for it: it goes after it. */
		reown(d, was, owner);
		return 1;
	}
	d->foot.len = 0;
	return rpt_buf_append(&d->foot, s->text.p, s->text.len) == -1 ? -1 : 0;
}

void
rpt_doc_finish(struct rpt_doc *d)
{
	d->finished = 1;
	/* The last line, which no line came after to join it. */
	if (d->front_done && d->wrap > 0 && d->count >= 2 &&
	    join_queued(d, d->count - 1) == -1)
		d->nomem = 1;
}

static void
settle(struct slot *s, enum rpt_kind k, int joined)
{
	s->kind = k;
	s->settled = 1;
	s->joined = joined;
}

static int
ascii_alnum(int32_t c)
{
	return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') ||
	    (c >= 'a' && c <= 'z');
}

/*
 * Append s's text to b with the letter-spacing of titles removed: white
 * space stays only between two ASCII letters or digits (报  告 is 报告).
 */
static int
join_spaced(struct rpt_buf *b, const struct slot *s)
{
	const char *p = s->text.p;
	size_t n = s->text.len, i, k, j, kk;
	int32_t c, prev = 0, next;

	for (i = 0; i < n; i += k) {
		k = rpt_utf8_decode(p + i, n - i, &c);
		if (!rpt_is_space(c)) {
			if (rpt_buf_append(b, p + i, k) == -1)
				return -1;
			prev = c;
			continue;
		}
		for (j = i + k, next = 0; j < n; j += kk) {
			kk = rpt_utf8_decode(p + j, n - j, &next);
			if (!rpt_is_space(next))
				break;
			next = 0;
		}
		if (ascii_alnum(prev) && ascii_alnum(next) &&
		    rpt_buf_append(b, " ", 1) == -1)
			return -1;
		k = j - i;
	}
	return 0;
}

/*
 * A block of web remnants: lines marked in [from, to) spread to the short
 * unpunctuated lines next to them that are nothing else.
 */
static void
spread_block(struct rpt_doc *d, int from, int to, unsigned seed)
{
	const unsigned other = F_TITLE | F_SUBTITLE | F_AUTHOR | F_OFFICE |
	    F_ADDR | F_DOCNO | F_ORGAN | F_DATE | F_MARK | F_PUNCT;
	struct slot *s;
	int i, grew = 1, sure = 0;

	for (i = from; i < to; i++)
		sure |= (at(d, i)->f & F_BOILER) != 0;
	if (!sure && !(seed & F_BOILER_WORD))
		return;
	for (i = from; i < to; i++)
		if (at(d, i)->f & seed && !at(d, i)->settled)
			settle(at(d, i), RPT_K_BOILERPLATE, 0);
	/* The item after a breadcrumb's separator line is the breadcrumb's. */
	for (i = from + 1; i < to; i++) {
		s = at(d, i);
		if ((at(d, i - 1)->f & F_CRUMB) && !s->settled &&
		    s->chars <= BLOCK_MAX && !(s->f & (F_PUNCT | F_MARK)))
			settle(s, RPT_K_BOILERPLATE, 0);
	}
	while (grew) {
		grew = 0;
		for (i = from; i < to; i++) {
			s = at(d, i);
			if (s->settled || (s->f & other) || s->chars > BLOCK_MAX)
				continue;
			if ((i > from && at(d, i - 1)->settled &&
			    at(d, i - 1)->kind == RPT_K_BOILERPLATE) ||
			    (i + 1 < to && at(d, i + 1)->settled &&
			    at(d, i + 1)->kind == RPT_K_BOILERPLATE)) {
				settle(s, RPT_K_BOILERPLATE, 0);
				grew = 1;
			}
		}
	}
}

/*
 * Join the lines after element i that continue it; returns the last, or
 * -1 when memory ran out.
 */
static int
join_lines(struct rpt_doc *d, int i, int end, struct rpt_buf *b,
    int (*more)(const struct rpt_buf *, const struct slot *))
{
	struct slot *s;

	while (i + 1 < end) {
		s = at(d, i + 1);
		if (s->settled || !more(b, s))
			break;
		settle(s, at(d, i)->kind, 1);
		if (join_spaced(b, s) == -1)
			return -1;
		i++;
	}
	return i;
}

/* A title goes on while it does not end like one: 关于…情况的 + 报  告. */
static int
title_more(const struct rpt_buf *b, const struct slot *s)
{
	return !rpt_title_complete(b->p, b->len) && s->chars <= 20 &&
	    !(s->f & (F_PUNCT | F_ADDR | F_SUBTITLE | F_AUTHOR | F_OFFICE |
	    F_DATE | F_MARK | F_BOILER));
}

/* A dateline goes on until it says 会议上: ——2026年…第十四届 + 人民代表大会…会议上. */
static int
subtitle_more(const struct rpt_buf *b, const struct slot *s)
{
	static const char tail[] = "上";
	int32_t c = 0;

	if (b->len > 0)
		rpt_utf8_prev(b->p, b->len, &c);
	return b->len >= 3 && memcmp(b->p + b->len - 3, tail, 3) != 0 &&
	    c != RPT_CH_FW_RPAREN && c != ')' && s->chars <= 40 &&
	    !(s->f & (F_PUNCT | F_ADDR | F_AUTHOR | F_OFFICE | F_MARK));
}

static int
name_more(const struct rpt_buf *b, const struct slot *s)
{
	const char *sp;

	if (s->f & F_NAME)
		return 1;
	/*
	 * A name cut into its characters, one a line, as pdftotext cuts 李
	 * 强 at the ideographic space between them: at most three.
	 */
	sp = b->len > 0 ? rpt_memmem(b->p, b->len, " ", 1) : NULL;
	return s->text.len == 3 && (unsigned char)s->text.p[0] >= 0xe4 &&
	    (unsigned char)s->text.p[0] <= 0xe9 && sp != NULL &&
	    b->len - (size_t)(sp - b->p) <= 1 + 2 * 3;
}

/* A paragraph that tells about the wrapping: a line of text. */
static int
sample(const struct slot *s)
{
	return s->chars >= 10 && s->chars <= 2 * SHORT_MAX && !(s->f & F_MARK);
}

/*
 * Is the text hard-wrapped, as a PDF's is (lines cut at a fixed width in
 * mid-sentence, 政府工作报 + 告)?  When most of the first paragraphs end
 * without ending a sentence, at lengths within a fifth of their median,
 * the median is the width; else 0.
 */
static size_t
wrap_width(struct rpt_doc *d)
{
	size_t len[LOOK + 1], w, t;
	int i, j, n = 0, near = 0, open = 0, punct = 0, stops = 0;

	/* A Word file's lines are its paragraphs. */
	if (d->count > 0 && (at(d, 0)->lfmt & RPT_LF_PARA))
		return 0;

	/* Lines of text: not headings, not one-word lines. */
	for (i = 0; i < d->count; i++)
		if (sample(at(d, i)))
			len[n++] = at(d, i)->tail;
	if (n < 8)
		return 0;
	for (i = 1; i < n; i++)	/* insertion sort: at most 17 */
		for (j = i; j > 0 && len[j - 1] > len[j]; j--) {
			t = len[j];
			len[j] = len[j - 1];
			len[j - 1] = t;
		}
	w = len[n / 2];
	for (i = 0; i < d->count; i++) {
		if (!sample(at(d, i)))
			continue;
		t = at(d, i)->tail;
		if (at(d, i)->f & F_STOP)
			stops++;
		else
			open++;
		punct += (at(d, i)->f & F_PUNCT) != 0;
		/* A sentence may end inside a line cut at the width. */
		if (!(at(d, i)->f & F_STOP) && rpt_memmem(at(d, i)->text.p,
		    at(d, i)->text.len, "。", 3) != NULL)
			stops++;
		if (t * 5 >= w * 4 && t * 5 <= w * 6)
			near++;
	}
	/* Prose (punctuated, with some sentence ends) cut at one width. */
	return open * 2 > n && near * 2 > n && punct * 2 > n && stops > 0 ? w : 0;
}

/*
 * Does the oldest paragraph go on in a later line (a hard wrap)?  0 if
 * not, else the place of that line in the queue: the next, or the first
 * after a PDF page's furniture (its number, its running header).
 */
static int
wrapped(struct rpt_doc *d)
{
	int i;

	if (d->wrap == 0 || d->count < 2)
		return 0;
	for (i = 1; i < d->count && (at(d, i)->f & F_FURNITURE); i++)
		continue;
	return i < d->count && goes_on(d, at(d, 0), at(d, i), i > 1) ? i : 0;
}

/*
 * Does paragraph s, hard-wrapped at d->wrap, go on in next (after a page
 * break when paged)?
 */
static int
goes_on(const struct rpt_doc *d, const struct slot *s,
    const struct slot *next, int paged)
{
	/*
	 * Its last line, not the paragraph joined so far, ends at the width.
	 * Where paragraphs start indented, the indent ends them; else a
	 * line that ends a sentence may end one.
	 */
	if (s->settled || (s->f & F_FURNITURE) ||
	    s->tail == RPT_CHARS_UNKNOWN || s->tail * 5 < d->wrap * 4 ||
	    s->text.len > JOIN_MAX)
		return 0;
	/*
	 * Without indents to see, a line that ends a sentence ends its
	 * paragraph, unless the next line is as wide as the page: a
	 * paragraph's first line is indented two characters, so narrower.
	 */
	if ((s->f & F_STOP) && d->indents == 0 &&
	    (next->tail == RPT_CHARS_UNKNOWN || next->tail + 1 < d->wrap))
		return 0;
	/*
	 * A heading's line goes on only when it is full (most are short):
	 * indented two characters as a paragraph's first line is, it is
	 * within one character of the width; and never past a page break,
	 * as a heading is not cut over two pages.
	 */
	if ((s->f & F_MARK) && s->joins == 0 &&
	    (s->tail + 4 + 2 < d->wrap || paged))
		return 0;
	/*
	 * Headings stand alone, and where lines are indented (pdftotext
	 * -layout), an indented line starts a paragraph.
	 */
	return !next->settled && !(next->f & (F_MARK | F_FURNITURE)) &&
	    !(next->indent && d->indents > 0);
}

/*
 * The late furniture that waited for paragraph was waits for owner now
 * (was joined it, or left the queue): the list stays in the order it goes
 * out, by owner, then line.
 */
static void
reown(struct rpt_doc *d, long was, long owner)
{
	struct slot t;
	size_t i, j;

	for (i = 0; i < d->nlate; i++)
		if (d->late[i].owner == was)
			d->late[i].owner = owner;
	for (i = 1; i < d->nlate; i++)
		for (j = i; j > 0 && (d->late[j - 1].owner > d->late[j].owner ||
		    (d->late[j - 1].owner == d->late[j].owner &&
		    d->late[j - 1].line > d->late[j].line)); j--) {
			t = d->late[j - 1];
			d->late[j - 1] = d->late[j];
			d->late[j] = t;
		}
}

/* Let the furniture that has not gone out go. */
static void
clear_late(struct rpt_doc *d)
{
	size_t i;

	for (i = 0; i < d->nlate; i++) {
		rpt_buf_free(&d->late[i].text);
		rpt_buf_free(&d->late[i].fold);
	}
	d->nlate = 0;
}

/*
 * Queued slots [from, to) are page furniture that paragraph owner goes on
 * past: they leave the queue for the late list (their buffers with them),
 * and the slots after them move up.
 */
static int
move_late(struct rpt_doc *d, int from, int to, long owner)
{
	struct slot *l;
	int i, k = to - from;

	if (k <= 0)
		return 0;
	if ((l = rpt_grow(d->late, &d->cap_late, d->nlate + (size_t)k,
	    sizeof(*l))) == NULL)
		return -1;
	d->late = l;
	/*
	 * In the order they go out: by owner, then line (the oldest
	 * paragraph may go past its furniture after later ones went past
	 * theirs).
	 */
	for (i = from; i < to; i++) {
		size_t j = d->nlate;

		while (j > 0 && (d->late[j - 1].owner > owner ||
		    (d->late[j - 1].owner == owner &&
		    d->late[j - 1].line > at(d, i)->line)))
			j--;
		memmove(d->late + j + 1, d->late + j,
		    (d->nlate - j) * sizeof(*d->late));
		d->nlate++;
		l = &d->late[j];
		*l = *at(d, i);
		l->moved = 1;
		l->owner = owner;
		d->qbytes -= l->text.len;
	}
	/* The emptied slots go to the end of the queue, without buffers. */
	for (i = from; i + k < d->count; i++)
		*at(d, i) = *at(d, i + k);
	for (; i < d->count; i++) {
		memset(&at(d, i)->text, 0, sizeof(at(d, i)->text));
		memset(&at(d, i)->fold, 0, sizeof(at(d, i)->fold));
	}
	d->count -= k;
	return 0;
}

/* Join the next paragraph onto the oldest, which takes its slot. */
static int
join_next(struct rpt_doc *d)
{
	struct slot *s = at(d, 0), *next = at(d, 1);
	struct rpt_buf tmp;
	size_t tail = next->tail;

	if (rpt_buf_append(&s->text, next->text.p, next->text.len) == -1)
		return -1;
	tmp = next->text;
	next->text = s->text;
	s->text = tmp;
	next->nleads = add_chars(s->nleads, next->nleads);
	next->nchars = add_chars(s->nchars, next->nchars);
	next->plain = s->plain && next->plain;
	next->line = s->line;
	next->debris += s->debris;
	next->debris_chars += s->debris_chars;
	next->full = 0;
	next->lead.known = 0;
	next->settled = next->joined = 0;
	if (fold_slot(d, next) == -1)
		return -1;
	next->f = features(next);
	next->tail = tail;
	next->joins += 1 + s->joins;
	d->head = (d->head + 1) % (LOOK + 1);
	d->count--;
	return 0;
}

/*
 * Join the title that starts at paragraph i: the document's, or one of a
 * page's later titles.  Returns its last paragraph, -1 when memory ran out.
 */
static int
front_title(struct rpt_doc *d, int i, int end, int first)
{
	struct rpt_buf *b = first ? &d->title : &d->titles;
	struct later_title *t = &d->later[d->nlater];
	size_t off = b->len;

	if (!first) {
		t->num = at(d, i)->num;
		t->off = off;
		d->nlater++;
	}
	if (join_spaced(b, at(d, i)) == -1 ||
	    (i = join_lines(d, i, end, b, title_more)) == -1)
		return -1;
	if (!first)
		t->len = b->len - off;
	return i;
}

/*
 * The front matter, from the queued paragraphs before the first body
 * paragraph: web remnants, 发文字号, organ lines, the title and what goes
 * with it, the addressee.
 */
static int
front(struct rpt_doc *d)
{
	struct slot *s;
	int i, fb, title = -1, first = -1, addr;

	d->front_done = 1;
	d->fold = traditional(d);
	d->wrap = wrap_width(d);
	/*
	 * Hard-wrapped, a line cut at the width is body text, unless it is
	 * an element of the front that happens to be as long (a dateline).
	 */
	for (fb = 0; d->wrap > 0 && fb < d->count; fb++) {
		s = at(d, fb);
		if ((s->f & (F_STOP | F_CHROME | F_MARK | F_BODY)) ||
		    !(s->f & F_HAN) || s->tail == RPT_CHARS_UNKNOWN ||
		    s->tail * 5 < d->wrap * 4 || s->tail * 5 > d->wrap * 6)
			continue;
		ensure(s);
		if (!(s->f & (F_SUBTITLE | F_TITLE | F_DATE | F_DOCNO |
		    F_ORGAN | F_ADDR | F_AUTHOR | F_OFFICE | F_NAME)))
			s->f |= F_BODY;
	}
	for (fb = 0; fb < d->count; fb++)
		if (at(d, fb)->f & F_BODY)
			break;
	ensure_range(d, 0, fb);
	spread_block(d, 0, fb, F_BOILER | F_BOILER_WORD);
	for (i = 0; i < fb; i++) {
		s = at(d, i);
		if (s->settled)
			continue;
		if (s->f & F_DOCNO)
			settle(s, RPT_K_DOCNO, 0);
		else if (s->f & F_DATE)
			settle(s, RPT_K_DATE, 0);
		else if ((s->f & F_TITLE) && !(s->f & F_ADDR) &&
		    !(title >= 0 && (s->f & F_SUBTITLE))) {
			settle(s, RPT_K_TITLE, 0);
			if (title < 0)
				first = i;
			title = i;
			if ((i = front_title(d, i, fb, first == i)) == -1)
				return -1;
		} else if (title >= 0 && (s->f & F_SUBTITLE) && d->subtitle.len == 0) {
			settle(s, RPT_K_SUBTITLE, 0);
			if (join_spaced(&d->subtitle, s) == -1 ||
			    (i = join_lines(d, i, fb, &d->subtitle,
			    subtitle_more)) == -1)
				return -1;
		} else if (title >= 0 && (s->f & (F_AUTHOR | F_OFFICE)) &&
		    d->author.len == 0) {
			settle(s, RPT_K_AUTHOR, 0);
			if (rpt_buf_append(&d->author, s->text.p,
			    s->text.len) == -1)
				return -1;
			if ((s->f & F_OFFICE) &&
			    (rpt_buf_append(&d->author, " ", 1) == -1 ||
			    (i = join_lines(d, i, fb, &d->author,
			    name_more)) == -1))
				return -1;
		} else if (s->f & F_ADDR)
			settle(s, RPT_K_ADDRESSEE, 0);
	}
	/* Organ lines are the issuer when a title comes after them. */
	for (i = 0; i < title; i++) {
		s = at(d, i);
		if (!s->settled && (s->f & F_ORGAN))
			settle(s, RPT_K_ISSUER, 0);
	}
	for (i = 0, addr = -1; i < fb; i++)
		if (at(d, i)->kind == RPT_K_ADDRESSEE && at(d, i)->settled)
			addr = i;
	return choose_profile(d, addr, fb < d->count ? fb : -1);
}

/* The tail, once the document has ended: signature, date, web remnants. */
static void
tail(struct rpt_doc *d)
{
	struct slot *s;
	int i, lb;

	d->tail_done = 1;
	for (lb = d->count - 1; lb >= 0; lb--)
		if (at(d, lb)->f & F_BODY && !at(d, lb)->settled)
			break;
	ensure_range(d, lb + 1, d->count);
	for (i = lb + 1; i < d->count; i++) {
		s = at(d, i);
		if (s->settled || (s->f & (F_BOILER | F_BOILER_WORD)))
			continue;
		if (s->f & F_DATE)
			settle(s, RPT_K_DATE, 0);
		else if (s->f & F_ORGAN)
			settle(s, RPT_K_SIGNATURE, 0);
	}
	spread_block(d, lb + 1, d->count, F_BOILER | F_BOILER_WORD);
}

/* The first heading marker among the queued paragraphs after the oldest. */
static const struct slot *
next_marker(struct rpt_doc *d)
{
	int i;

	for (i = 1; i < d->count; i++)
		if (at(d, i)->f & F_MARK)
			return at(d, i);
	return NULL;
}

/*
 * Does s open mid-sentence, as the rest of a paragraph that a stray line
 * cut (a web page's link on a line of its own: 贯彻《 / 人口与计划生育法 /
 * 》。…, a line of zero-width spaces): with a closing mark, or with a
 * clause of one character (革，加快… after 要全面深化各领域改, 是：…)?
 */
static int
fragment(const struct slot *s)
{
	const char *p = TEXT(s);
	size_t n = s->text.len, i, k;
	int32_t c;
	int chars = 0;

	if (s->f & F_MARK)
		return 0;
	/* Most paragraphs open with two of them (see below): at once. */
	if (n >= 6 && rpt_han_lead((unsigned char)p[0]) &&
	    rpt_han_lead((unsigned char)p[3]))
		return 0;
	for (i = 0; i < n; i += k) {
		/*
		 * A Han character (U+4000-9FFF, by its lead byte) is neither
		 * white space nor a mark: most paragraphs open with two.
		 */
		if (rpt_han_lead((unsigned char)p[i]) && i + 3 <= n) {
			k = 3;
			if (++chars > 1)
				return 0;
			continue;
		}
		k = rpt_utf8_decode(p + i, n - i, &c);
		if (rpt_is_space(c))
			continue;
		if (rpt_char_class(c) & (RPT_C_CLOSE | RPT_C_STOP |
		    RPT_C_SEMICOLON | RPT_C_COLON | RPT_C_COMMA |
		    RPT_C_IDEO_COMMA))
			return 1;
		if (++chars > 1)
			return 0;
	}
	return 0;
}

/*
 * Was p cut short by a stray line: it does not end a sentence, though one
 * ended inside it (因城施策去库存。目前…，要), or it is a number alone
 * (PM / 2.5 / 浓度…)?
 */
static int
cut_short(const struct slot *p)
{
	if (p->text.len == 0 || (p->f & F_STOP))
		return 0;
	if (!(p->f & F_HAN))
		return p->chars <= 8;
	return rpt_memmem(TEXT(p), p->text.len, "。", 3) != NULL;
}

/*
 * Does paragraph i continue the one before it, body text or a lead's
 * paragraph that a stray line cut short (cut_short()), or open
 * mid-sentence (fragment())?
 */
static int
continues(struct rpt_doc *d, int i)
{
	const struct slot *prev;

	if (fragment(at(d, i)))
		return 1;
	if (i > 0) {
		prev = at(d, i - 1);
		return !prev->settled && cut_short(prev);
	}
	/* The paragraph handed out last, while its text is kept. */
	return (d->last == RPT_K_BODY || d->last == RPT_K_HEADING) &&
	    d->out.num + 1 == at(d, 0)->num && cut_short(&d->out);
}

/*
 * Is the oldest paragraph an unnumbered heading: a short line without
 * punctuation, nothing else, between body paragraphs?
 */
static int
unnumbered(struct rpt_doc *d, const struct slot *s)
{
	const struct slot *next;

	if (s->chars > UNNUMBERED_MAX || !(s->f & F_HAN) ||
	    (s->f & (F_PUNCT | F_TERM | F_MARK)))
		return 0;
	/* 一是 alone on its line opens an item. */
	if (rpt_enumerator(TEXT(s), s->text.len) > 0)
		return 0;
	ensure_some((struct slot *)s);
	if (s->f & (F_DATE | F_ORGAN | F_BOILER | F_BOILER_WORD | F_ADDR))
		return 0;
	/*
	 * After a heading, after body text that has come to an end, or after
	 * another short line (附件1, a caption): not in mid-sentence, where
	 * a stray short line is a broken one (PM + 2.5).
	 */
	if (d->last != RPT_K_HEADING && (d->last != RPT_K_BODY ||
	    (!d->last_stop && !d->last_short)))
		return 0;
	/*
	 * Nor after a run-in heading that a stray line cut short ((四)更大
	 * 力度吸引和利用外资。…积极推动加入 / 全面与进步跨太平洋伙伴关系协定).
	 */
	if (d->out.num + 1 == s->num && cut_short(&d->out))
		return 0;
	if (d->paras == 0 || d->count < 2)
		return 0;
	next = at(d, 1);
	/*
	 * Not the start of a sentence that a stray line cut: the text after
	 * it opens mid-sentence (主要目标 / 是：…), or, after another short
	 * line, does not come to an end either (正式明确 / 习近平 / 总书记…“).
	 */
	if (!next->settled && !annex(s) && (fragment(next) ||
	    (d->last != RPT_K_HEADING && d->last_short &&
	    !(next->f & F_STOP))))
		return 0;
	/* 附件1 heads its annex whatever comes next (its title, a list). */
	return !next->settled && ((next->f & F_BODY) || annex(s));
}

static int
family_open(const struct rpt_doc *d, enum rpt_family fam)
{
	int i;

	for (i = 0; i < d->o.depth; i++)
		if (d->o.open[i].fam == fam)
			return 1;
	return 0;
}

/* The heading of back matter (名 词 解 释, 附件2, 注释) is at level 1. */
static int
annex(const struct slot *s)
{
	static const char *const words[] = {
		"附件", "附录", "注释", "名词解释", "说明", NULL
	};
	const char *const *w, *p = TEXT(s), *q;
	size_t n = s->text.len, i, k;
	int32_t c;

	/*
	 * Each word opens with 附, 注, 名 or 说, which its first character
	 * (after white space) must be: most headings are let go here, as
	 * the loop below lets them go at the first character of every word.
	 */
	for (i = 0; i < n; i += k) {
		k = rpt_utf8_decode(p + i, n - i, &c);
		if (!rpt_is_space(c))
			break;
	}
	if (i >= n || (k == 3 && memcmp(p + i, "附", 3) != 0 &&
	    memcmp(p + i, "注", 3) != 0 && memcmp(p + i, "名", 3) != 0 &&
	    memcmp(p + i, "说", 3) != 0))
		return 0;
	/* Each word's characters in turn, white space between them skipped. */
	for (w = words; *w != NULL; w++) {
		for (i = 0, q = *w; *q != '\0' && i < n; i += k) {
			k = rpt_utf8_decode(p + i, n - i, &c);
			if (rpt_is_space(c))
				continue;
			if (strncmp(p + i, q, k) != 0)
				break;
			q += k;
		}
		if (*q == '\0')
			return 1;
	}
	return 0;
}

/* Open an unnumbered heading at level 1, or under the innermost section. */
static void
place_unnumbered(struct rpt_doc *d, const struct slot *s)
{
	const struct slot *m = next_marker(d);
	int top;

	/*
	 * Level 1 before any numbered heading, or when the numbered headings
	 * after it start again at 1: （一） after 2023年工作回顾 restarts a
	 * family that is open, and 一、 is a top-level family anyway.
	 */
	/*
	 * (Not for a member of a series without markers: it is one level
	 * below the section that holds the series, whatever follows.)
	 */
	if (!d->numbered || d->o.depth == 0 || annex(s) || (m != NULL &&
	    !s->unmarked && m->mnum == 1 &&
	    (m->fam == RPT_FAM_CN || family_open(d, m->fam)))) {
		d->o.depth = 1;
		d->o.open[0].fam = RPT_FAM_NONE;
		d->o.open[0].num = 0;
		d->o.open[0].olvl = 0;
		d->o.path[0]++;
		return;
	}
	top = d->o.depth - 1;
	if (d->o.open[top].fam == RPT_FAM_NONE && top > 0) {
		d->o.path[top]++;		/* a sibling of the last one */
		return;
	}
	if (d->o.depth >= RPT_DEPTH_MAX)
		return;
	d->o.open[d->o.depth].fam = RPT_FAM_NONE;
	d->o.open[d->o.depth].num = 0;
	d->o.open[d->o.depth].olvl = 0;
	d->o.path[d->o.depth] = 1;
	d->o.depth++;
}

/*
 * Open a heading that a Word file's outline level makes one (olvl, 1 for
 * the highest).  Its depth follows the outline levels the document uses:
 * a sibling of the open heading of the same level, a child of the nearest
 * open heading of a higher level; when none is open, level 1 for the
 * highest level seen so far, else a child of the innermost section.
 */
static void
place_outline(struct rpt_doc *d, const struct slot *s)
{
	struct outline *o = &d->o;
	int i, sibling = 0;

	for (i = o->depth - 1; i >= 0; i--)
		if (o->open[i].olvl != 0 && o->open[i].olvl <= s->olvl)
			break;
	if (i >= 0 && o->open[i].olvl == s->olvl) {
		o->depth = i;
		sibling = 1;
	} else if (i >= 0)
		o->depth = i + 1;
	else if (s->olvl <= d->min_olvl || o->depth == 0) {
		o->depth = 0;
		sibling = 1;
	}
	if (o->depth >= RPT_DEPTH_MAX)
		return;
	o->open[o->depth].fam = RPT_FAM_NONE;
	o->open[o->depth].num = 0;
	o->open[o->depth].olvl = s->olvl;
	o->path[o->depth] = sibling ? o->path[o->depth] + 1 : 1;
	o->depth++;
}

/* Decide the oldest paragraph's kind and place it in the outline. */
static int
add_piece(struct rpt_doc *d, size_t off, size_t len, enum piece_type type,
    const struct rpt_parts *parts)
{
	struct piece *p;

	if ((p = rpt_grow(d->pieces, &d->cap_pieces, d->npieces + 1,
	    sizeof(*p))) == NULL)
		return -1;
	d->pieces = p;
	p = &d->pieces[d->npieces++];
	p->off = off;
	p->len = len;
	p->type = type;
	p->fam = RPT_FAM_NONE;
	p->num = 0;
	p->mlen = 0;
	if (parts != NULL)
		p->parts = *parts;
	else
		memset(&p->parts, 0, sizeof(p->parts));
	return 0;
}

/*
 * Unmarked parts: an unnumbered body paragraph inside a level-1 section,
 * not directly under its heading, followed directly by （一）, whose
 * sentences name parts other than the section's (…还存在一定的不足…。
 * 下步…努力解决：).  Cut it into pieces; 0 when it is ordinary body.
 */
static int
unmarked(struct rpt_doc *d, const struct slot *s)
{
	const struct slot *next;
	const struct rpt_span *sp;
	struct rpt_parts parts, other;
	const struct rpt_parts *last;
	long n, i;
	int j, cues = 0;
	size_t start = 0;

	d->npieces = d->piece = 0;
	if (d->cur == NULL || d->o.depth < 1 || d->last == RPT_K_HEADING ||
	    d->count < 2)
		return 0;
	/* （一） must start again: the family has had a run before. */
	next = at(d, 1);
	if (!(next->f & F_MARK) || next->fam != RPT_FAM_CN_PAREN ||
	    next->mnum != 1 || !d->paren_used)
		return 0;
	if (d->sentences == NULL &&
	    (d->sentences = rpt_splitter_new(RPT_U_SENTENCE, 0)) == NULL)
		return -1;
	if ((n = rpt_split(d->sentences, TEXT(s), s->text.len, &sp)) <= 0)
		return (int)n;
	for (i = 0; i < n; i++) {
		if (rpt_profile_match(d->cur, TEXT(s) + sp[i].off, sp[i].len,
		    0, &parts, &d->err) == -1) {
			d->failed = 1;
			return -1;
		}
		/* The cues of parts other than the section's. */
		memset(&other, 0, sizeof(other));
		for (j = 0; j < parts.n; j++)
			if (!(d->parts.set & (UINT64_C(1) << parts.list[j])))
				rpt_parts_add(&other, parts.list[j]);
		if (other.n == 0)
			continue;
		/* The same parts again go on in the section they opened. */
		last = cues > 0 ? &d->pieces[d->npieces - 1].parts : NULL;
		if (last != NULL && last->n == other.n &&
		    memcmp(last->list, other.list, (size_t)other.n) == 0)
			continue;
		/* Close what came before, and open a piece at this sentence. */
		if (cues == 0 && sp[i].off > 0 &&
		    add_piece(d, start, sp[i].off - start, P_BODY, NULL) == -1)
			return -1;
		if (cues > 0)
			d->pieces[d->npieces - 1].len = sp[i].off -
			    d->pieces[d->npieces - 1].off;
		if (add_piece(d, sp[i].off, s->text.len - sp[i].off,
		    P_IMPLICIT, &other) == -1)
			return -1;
		cues++;
	}
	if (cues == 0)
		d->npieces = 0;
	return cues > 0;
}

/*
 * The first place from i on where sentence_end() may find one: ! or ?, a
 * lead E3 with third byte 82 (。), or EF with 81, 9A or 9F (！：？); n if
 * none.  Sixteen bytes a step where SSE2 is there.  Those bytes are never
 * continuation bytes, so the place is a character boundary.
 */
static size_t
end_next(const char *s, size_t i, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
#ifdef __SSE2__
	__m128i x, z, m;
	unsigned bits;

	for (; i + 18 <= n; i += 16) {
		x = _mm_loadu_si128((const __m128i *)(const void *)(p + i));
		z = _mm_loadu_si128((const __m128i *)(const void *)(p + i + 2));
		m = _mm_or_si128(_mm_cmpeq_epi8(x, _mm_set1_epi8('!')),
		    _mm_cmpeq_epi8(x, _mm_set1_epi8('?')));
		m = _mm_or_si128(m, _mm_and_si128(_mm_cmpeq_epi8(x,
		    _mm_set1_epi8((char)0xe3)), _mm_cmpeq_epi8(z,
		    _mm_set1_epi8((char)0x82))));
		m = _mm_or_si128(m, _mm_and_si128(_mm_cmpeq_epi8(x,
		    _mm_set1_epi8((char)0xef)), _mm_or_si128(_mm_or_si128(
		    _mm_cmpeq_epi8(z, _mm_set1_epi8((char)0x81)),
		    _mm_cmpeq_epi8(z, _mm_set1_epi8((char)0x9a))),
		    _mm_cmpeq_epi8(z, _mm_set1_epi8((char)0x9f)))));
		if ((bits = (unsigned)_mm_movemask_epi8(m)) != 0)
			return i + (size_t)__builtin_ctz(bits);
	}
#endif
	for (; i < n; i++)
		if (p[i] == '!' || p[i] == '?' || (i + 2 < n &&
		    ((p[i] == 0xe3 && p[i + 2] == 0x82) || (p[i] == 0xef &&
		    (p[i + 2] == 0x81 || p[i + 2] == 0x9a || p[i + 2] == 0x9f)))))
			return i;
	return n;
}

/* Length of a sentence end at p (。！？!?： and closing marks), else 0. */
static size_t
sentence_end(const char *p, size_t n)
{
	size_t k, i;
	int32_t c;

	/* A colon too, the full-width one: 主要做了以下工作：（一）… */
	k = rpt_utf8_decode(p, n, &c);
	if (!(rpt_char_class(c) & RPT_C_STOP) && c != RPT_CH_FW_COLON)
		return 0;
	/*
	 * Then the closing marks ” ） ) 》 】: not ’ 」 』, which RPT_C_CLOSE
	 * (split.c's closers) also holds.
	 */
	for (i = k; i < n; i += k) {
		k = rpt_utf8_decode(p + i, n - i, &c);
		if (!(rpt_char_class(c) & RPT_C_CLOSE) || c == RPT_CH_RSQUO ||
		    c == RPT_CH_RCORNER || c == RPT_CH_RWCORNER)
			break;
	}
	return i;
}

/*
 * A report flattened into one line: cut it before each heading marker that
 * follows a sentence end and continues the outline (simulated on a copy).
 * A heading piece ends at its first 。 or, for a title without one, at the
 * white space that stood for its line end.  0 when nothing was cut.
 */
static int
flattened(struct rpt_doc *d, const struct slot *s)
{
	const char *p = TEXT(s), *q;
	size_t n = s->text.len, i, k, e, mk, end, body = 0, t;
	struct outline sim = d->o;
	enum rpt_numbering nb;
	enum rpt_family fam;
	int num, expected, cuts = 0;
	int32_t c;

	d->npieces = d->piece = 0;
	/* The characters between places where an end may be are passed. */
	for (i = end_next(p, 0, n); i < n; i = end_next(p, i + k, n)) {
		k = rpt_utf8_decode(p + i, n - i, &c);
		if ((e = sentence_end(p + i, n - i)) == 0)
			continue;
		k = e;
		end = i + e;
		while (end < n && (t = rpt_utf8_decode(p + end, n - end, &c)) &&
		    rpt_is_space(c))
			end += t;
		if ((mk = marker(p + end, n - end, &fam, &num)) == 0 ||
		    !place(&sim, fam, num, &nb, &expected))
			continue;
		/* The heading runs to its 。, or to the space after its title. */
		q = rpt_memmem(p + end + mk, n - end - mk, "。", 3);
		t = q ? (size_t)(q - p) + 3 : n;
		for (e = end + mk; e < t; e += rpt_utf8_decode(p + e, t - e, &c)) {
			rpt_utf8_decode(p + e, t - e, &c);
			if (rpt_is_space(c) && e > end + mk + 3)
				break;
		}
		if (body < end && add_piece(d, body, end - body, P_BODY,
		    NULL) == -1)
			return -1;
		if (add_piece(d, end, e - end, P_NUMBERED, NULL) == -1)
			return -1;
		d->pieces[d->npieces - 1].fam = fam;
		d->pieces[d->npieces - 1].num = num;
		d->pieces[d->npieces - 1].mlen = mk;
		body = e;
		k = e - i;
		cuts++;
	}
	if (cuts == 0) {
		d->npieces = 0;
		return 0;
	}
	if (body < n && add_piece(d, body, n - body, P_BODY, NULL) == -1)
		return -1;
	return 1;
}

/*
 * Does p open with the word w of k bytes?  The rules' words are literals:
 * STARTS() gives their length by sizeof, where strlen() was paid each call.
 */
static int
starts_with(const char *p, size_t n, const char *w, size_t k)
{
	/*
	 * The first two bytes first (every word has two or more): most calls
	 * end there, as Han characters share their lead bytes.
	 */
	return n >= k && p[0] == w[0] && p[1] == w[1] &&
	    memcmp(p, w, k) == 0;
}

#define STARTS(p, n, lit)	starts_with((p), (n), (lit), sizeof(lit) - 1)

/* A word of a list, with its length. */
struct word {
	const char	*s;
	size_t		 len;
};

#define WORD(lit)	{ (lit), sizeof(lit) - 1 }

/*
 * Words a sentence that names a topic does not open with: a subject
 * (我们要坚持稳中求进…。 introduces a series), a time, a connective.  The
 * standalone lines of a review may open with 这 (这是…的五年。); leads not.
 */
static const char *const not_lead[] = {
	"这", "我", "今年", "明年", "去年", "过去", "现在", "同时", "此外",
	"要", "必须", "各位", NULL
};
RPT_WORDSET_FITS(not_lead);
static struct rpt_wordset not_lead_all = RPT_WORDSET(not_lead, 0);
/* The same but 这 (the first), which only a lead may not open with. */
static struct rpt_wordset not_lead_rest = RPT_WORDSET(not_lead + 1, 0);

/*
 * Is the sentence p a judgement, X是Y (改革开放是推动发展的制胜法宝, 开放也是
 * 改革): it states a principle, introducing or closing a topic, where a
 * lead names a task?  Not 是 in 特别是, 尤其是, 但是, 还是, 或是, 凡是, 于是,
 * 实事求是, 是否, 是非.
 */
static int
judgement(const char *p, size_t n)
{
	static const struct word before[] = {
		WORD("特别"), WORD("尤其"), WORD("但"), WORD("还"), WORD("或"),
		WORD("凡"), WORD("于"), WORD("求"), { NULL, 0 }
	};
	const struct word *w;
	const char *q;
	size_t i;

	for (i = 3; i + 3 <= n; i += 3) {
		if ((q = rpt_memmem(p + i, n - i, "是", 3)) == NULL)
			return 0;
		i = (size_t)(q - p);
		if (i + 6 <= n && (memcmp(q + 3, "否", 3) == 0 ||
		    memcmp(q + 3, "非", 3) == 0))
			continue;
		for (w = before; w->s != NULL; w++)
			if (w->len <= i &&
			    memcmp(q - w->len, w->s, w->len) == 0)
				break;
		if (w->s == NULL)
			return 1;
	}
	return 0;
}

/* Does p open with 一要, 二要…, an item's enumerator too (一要…。二要…。)? */
static int
yao(const char *p, size_t n)
{
	size_t k;
	int v;

	return (k = rpt_cn_number(p, n, &v)) > 0 && k + 3 <= n &&
	    memcmp(p + k, "要", 3) == 0;
}

/*
 * Is s a lead's item, body text that opens with an item's enumerator
 * (二是…。, 二要…。) and ends a sentence?  (第四，加快经济管理体制改革 on a
 * line of its own heads a part of the report instead.)
 */
static int
item(const struct slot *s)
{
	return (s->f & F_STOP) && (rpt_enumerator(TEXT(s), s->text.len) > 0 ||
	    yao(TEXT(s), s->text.len));
}

/*
 * The end of the run of characters of U+4000-9FFF (the common ideographs)
 * that starts with the one at p + i: the first character from i + 3 on
 * that rpt_han_lead() does not lead, or n.  Sixteen bytes a step where
 * SSE2 is there: the first byte that is neither a continuation byte nor
 * one of E4-E9 (valid UTF-8: it starts a character).
 */
static size_t
han_end(const char *p, size_t i, size_t n)
{
#ifdef __SSE2__
	__m128i x, lead, han;
	unsigned bits;

	for (i += 3; i + 16 <= n; i += 16) {
		x = _mm_loadu_si128((const __m128i *)(const void *)(p + i));
		/* As signed bytes: continuation bytes are below -64 (C0). */
		lead = _mm_cmpgt_epi8(x, _mm_set1_epi8(-65));
		han = _mm_and_si128(_mm_cmpgt_epi8(x, _mm_set1_epi8(-29)),
		    _mm_cmplt_epi8(x, _mm_set1_epi8(-22)));	/* E4-E9 */
		if ((bits = (unsigned)_mm_movemask_epi8(_mm_andnot_si128(han,
		    lead))) != 0)
			return i + (size_t)__builtin_ctz(bits);
	}
	/* The block may have ended inside a character: on to its end. */
	while (i < n && ((unsigned char)p[i] & 0xc0) == 0x80)
		i++;
	while (i < n && rpt_han_lead((unsigned char)p[i]))
		i += 3;
	return i;
#else
	do
		i += 3;
	while (i < n && rpt_han_lead((unsigned char)p[i]));
	return i;
#endif
}

/*
 * The first sentence of s as a heading may have it (slot's lead, worked
 * out once): at most UNNUMBERED_MAX characters of one clause (、 but no ，
 * ； ： inside), ending in 。 within LEAD_BYTES; its length and characters
 * (0 if none), and, for a lead, whether it opens with an item's enumerator
 * (一是, 第一，) or a word of not_lead[] (then it is none), or with what a
 * run-in lead may not open with: a dash (——经济总体回升向好。 is a bullet of
 * a list) or 这.  no_runin means nothing without a lead: every rule asks
 * for len first.
 */
static const struct lead *
lead(struct slot *s)
{
	struct lead *l = &s->lead;
	const char *p = TEXT(s);
	size_t i, k, n = s->text.len, chars = 0;
	uint32_t f;
	int32_t c;

	if (l->known)
		return l;
	memset(l, 0, sizeof(*l));
	l->known = 1;
	/*
	 * The clause first: it stops at the first punctuation, most often a
	 * ， within a few characters, where a search for a 。 went on through
	 * LEAD_BYTES.
	 */
	for (i = 0; i < n && chars <= UNNUMBERED_MAX; i += k) {
		/*
		 * A run of ideographs at once: three bytes each, none a mark
		 * or white space.  A run past UNNUMBERED_MAX ends the loop as
		 * its characters one by one would.
		 */
		if (rpt_han_lead((unsigned char)p[i])) {
			k = han_end(p, i, n) - i;
			chars += k / 3;
			continue;
		}
		k = rpt_utf8_decode(p + i, n - i, &c);
		if (c == RPT_CH_IDEO_STOP)
			break;
		f = rpt_char_class(c);
		/* …，特别是… narrows the clause before it: one topic still. */
		if ((f & RPT_C_COMMA) && (STARTS(p + i + k, n - i - k,
		    "特别是") || STARTS(p + i + k, n - i - k, "尤其是"))) {
			chars++;
			continue;
		}
		if (f & (RPT_C_STOP | RPT_C_DOT | RPT_C_SEMICOLON |
		    RPT_C_COLON | RPT_C_COMMA | RPT_C_ELLIPSIS))
			return l;
		chars += !rpt_is_space(c);
	}
	/*
	 * Its 。 is the first of the text (the loop saw every character
	 * before it), so it is in reach when it ends within LEAD_BYTES.
	 */
	if (i >= n || chars > UNNUMBERED_MAX || chars < 4 ||
	    i + 3 > LEAD_BYTES || rpt_enumerator(p, n) > 0 || yao(p, n) ||
	    rpt_starts_any(p, n, &not_lead_rest))
		return l;
	l->len = i + k;
	l->chars = chars;
	rpt_utf8_decode(p, n, &c);
	l->no_runin = (rpt_char_class(c) & RPT_C_DASH) != 0 ||
	    STARTS(p, n, "这") ||		/* not_lead[0] */
	    judgement(p, i);
	return l;
}

/* Which series paragraph i could belong to by its own text (enum series). */
static enum series
series_kind(struct rpt_doc *d, int i)
{
	struct slot *s = at(d, i);
	const struct slot *next;
	const struct lead *l;

	if (s->settled || (s->f & F_MARK) || !(s->f & F_HAN) ||
	    continues(d, i))
		return S_NONE;
	l = lead(s);
	/*
	 * Once a report has shown its style, leads may be as long as lines.
	 * The paragraph is body text, or the start of one that a stray line
	 * cut (it does not come to an end).
	 */
	if (l->len > 0 && l->len < s->text.len && !l->no_runin &&
	    l->chars <= (d->leads ? UNNUMBERED_MAX : LEAD_MAX) &&
	    (s->f & (F_BODY | F_STOP)) != F_STOP)
		return S_LEAD;
	/* A line of one sentence, with longer body text after it. */
	if (i + 1 >= d->count || l->len != s->text.len)
		return S_NONE;
	next = at(d, i + 1);
	return !next->settled && !(next->f & F_MARK) &&
	    ((next->f & F_BODY) || !(next->f & F_STOP)) &&
	    (next->f & F_PUNCT) && next->chars > s->chars &&
	    series_kind(d, i + 1) != S_LINE ? S_LINE : S_NONE;
}

/* Does the clause p end with a verb of saying (说, 指出, 强调, 表示, 认为)? */
static int
said(const char *p, size_t n)
{
	static const char *const verbs[] = {
		"说", "指出", "强调", "表示", "认为", NULL
	};
	const char *const *w;
	size_t k;

	for (w = verbs; *w != NULL; w++)
		if ((k = strlen(*w)) <= n && memcmp(p + n - k, *w, k) == 0)
			return 1;
	return 0;
}

/*
 * Is paragraph i a standalone sentence of more than one clause (保持国债
 * 投资的必要规模，带动固定资产投资较快增长。 over longer body text)?  Such a
 * line is a member of a series of standalone lines, or the sibling that
 * opens one; it opens one only with LEAD_RUN - 1 siblings (series()).
 */
static int
clauses_line(struct rpt_doc *d, int i)
{
	struct slot *s = at(d, i);
	const struct slot *next;
	const char *p = TEXT(s);
	size_t j, k, n = s->text.len;
	int32_t c;
	uint32_t f;

	if (s->settled || (s->f & (F_MARK | F_STOP | F_HAN)) !=
	    (F_STOP | F_HAN) || s->chars > UNNUMBERED_MAX ||
	    i + 1 >= d->count || lead(s)->len > 0 ||
	    rpt_enumerator(p, n) > 0 || yao(p, n))
		return 0;
	rpt_utf8_decode(p, n, &c);
	if (rpt_char_class(c) & RPT_C_DASH)
		return 0;
	if (rpt_starts_any(p, n, &not_lead_all))
		return 0;
	/* One sentence: its 。 is its end.  Not reported speech (周总理说，…). */
	for (j = 0; j < n; j += k) {
		k = rpt_utf8_decode(p + j, n - j, &c);
		f = rpt_char_class(c);
		if (c == RPT_CH_IDEO_STOP)
			break;
		if (f & (RPT_C_STOP | RPT_C_DOT | RPT_C_SEMICOLON |
		    RPT_C_COLON | RPT_C_ELLIPSIS))
			return 0;
		if ((f & RPT_C_COMMA) && said(p, j))
			return 0;
	}
	for (j += k; j < n; j += k) {
		k = rpt_utf8_decode(p + j, n - j, &c);
		if (!rpt_is_space(c) && !(rpt_char_class(c) & RPT_C_CLOSE))
			return 0;
	}
	/* Not a lead-in: 一年来，我们主要做了以下工作。 / 一是… */
	next = at(d, i + 1);
	return !item(next) && !next->settled &&
	    !(next->f & F_MARK) &&
	    ((next->f & F_BODY) || !(next->f & F_STOP)) &&
	    (next->f & F_PUNCT) && next->chars > s->chars &&
	    series_kind(d, i + 1) != S_LINE;
}

/*
 * Are the leads of a and b parallel, as a report pairs its policies
 * (财政政策要更加积极有效。/ 货币政策要保持稳健中性。): as many characters,
 * and the same two or more in a row at the same place?
 */
static int
parallel(struct slot *a, struct slot *b)
{
	const struct lead *la = lead(a), *lb = lead(b);
	const char *p = TEXT(a), *q = TEXT(b);
	size_t i = 0, j = 0, k, m;
	int32_t c, e;
	int run = 0;

	if (la->len == 0 || la->chars != lb->chars)
		return 0;
	while (i < la->len && j < lb->len) {
		k = rpt_utf8_decode(p + i, la->len - i, &c);
		m = rpt_utf8_decode(q + j, lb->len - j, &e);
		i += k;
		j += m;
		if (c == RPT_CH_IDEO_STOP)
			break;
		run = c == e && !rpt_is_space(c) ? run + 1 : 0;
		if (run >= 2)
			return 1;
	}
	return 0;
}

/*
 * Is paragraph i, no lead, one that a series of leads passes over: the
 * rest of a paragraph that a stray line cut, a lead's item, a judgement
 * (改革开放是推动发展的制胜法宝。) among the topics?
 */
static int
aside(struct rpt_doc *d, int i)
{
	struct slot *s = at(d, i);
	const struct lead *l = lead(s);

	return continues(d, i) || item(s) ||
	    (l->len > 0 && judgement(TEXT(s), l->len - 3));
}

/*
 * Is the oldest paragraph a heading of a series without markers?  A
 * series is open once a member is found with a sibling ahead in the
 * queue: another standalone line before the next numbered heading, or
 * the next LEAD_RUN - 1 paragraphs for leads.  Members of an open series
 * need no sibling ahead; a paragraph without a lead ends a series of
 * leads, a numbered heading either.
 */
static int
series(struct rpt_doc *d, struct slot *s)
{
	enum series k = series_kind(d, 0);
	int i, j, n;

	/*
	 * A line of clauses is a member of an open series of lines, or opens
	 * one with LEAD_RUN - 1 siblings after it.
	 */
	if (k == S_NONE && clauses_line(d, 0)) {
		for (i = 1, n = 1; d->series != S_LINE && n < LEAD_RUN &&
		    i < d->count && !(at(d, i)->f & F_MARK); i++)
			if (series_kind(d, i) == S_LINE || clauses_line(d, i))
				n++;
		if (d->series != S_LINE && n < LEAD_RUN)
			return 0;
		d->series = S_LINE;
		s->unmarked = 1;
		return 1;
	}
	if (k == S_NONE) {
		/*
		 * The rest of a paragraph that a stray line cut goes on, and
		 * so do a lead's items (…。一要… / 二要…) and judgements.
		 */
		if (d->series == S_LEAD && (s->f & F_BODY) && !aside(d, 0))
			d->series = S_NONE;
		return 0;
	}
	if (d->series != k) {
		/*
		 * LEAD_RUN leads in a row; two once the report has shown that
		 * it writes its headings as leads, or when they are parallel.
		 * What a series passes over (aside()) is no paragraph of the
		 * row.
		 */
		if (k == S_LEAD) {
			for (i = 1, n = 1, j = 0; n < (d->leads ? 2 : LEAD_RUN) &&
			    i < d->count; i++)
				if (series_kind(d, i) == S_LEAD)
					j = n++ == 1 ? i : j;
				else if (!aside(d, i))
					break;
			if (n < (d->leads ? 2 : LEAD_RUN) &&
			    (n < 2 || !parallel(s, at(d, j))))
				return 0;
			d->leads = 1;
		} else {
			for (i = 1; i < d->count && !(at(d, i)->f & F_MARK);
			    i++)
				if (series_kind(d, i) == S_LINE ||
				    clauses_line(d, i))
					break;
			if (i >= d->count || (at(d, i)->f & F_MARK))
				return 0;
		}
		d->series = k;
	}
	s->unmarked = 1;
	return 1;
}

static int
settle_oldest(struct rpt_doc *d)
{
	struct slot *s = at(d, 0);
	const char *t;
	size_t len;

	if (s->settled)
		return 0;
	if (s->f & F_CHROME) {
		s->kind = RPT_K_BOILERPLATE;
		return 0;
	}
	if ((s->f & F_MARK) && place_heading(d, s)) {
		s->kind = RPT_K_HEADING;
		d->series = S_NONE;
		d->numbered = 1;
		d->paren_used |= s->fam == RPT_FAM_CN_PAREN;
	} else if (!(s->f & (F_MARK | F_CHROME)) && s->olvl > 0 &&
	    s->chars <= SHORT_MAX) {
		/* A Word file's outline level, where the text has no marker. */
		s->kind = RPT_K_HEADING;
		s->fam = RPT_FAM_NONE;
		s->mnum = 0;
		s->mlen = 0;
		d->series = S_NONE;
		place_outline(d, s);
	} else if (!(s->f & (F_MARK | F_CHROME)) && s->bold_lead > 0 &&
	    s->chars != RPT_CHARS_UNKNOWN) {
		/* A bold lead sentence: a run-in heading without a marker. */
		s->kind = RPT_K_HEADING;
		s->fam = RPT_FAM_NONE;
		s->mnum = 0;
		s->mlen = 0;
		s->unmarked = 2;
		place_unnumbered(d, s);
	} else if (unnumbered(d, s) || series(d, s)) {
		s->kind = RPT_K_HEADING;
		s->fam = RPT_FAM_NONE;
		s->mnum = 0;
		s->mlen = 0;
		place_unnumbered(d, s);
	}
	if (s->kind == RPT_K_HEADING && d->o.depth == 1) {
		heading_title(s, 1, &t, &len);
		return level1_part(d, t, len);
	}
	if (s->kind != RPT_K_BODY)
		return 0;
	if (s->chars == RPT_CHARS_UNKNOWN && (s->nleads != RPT_CHARS_UNKNOWN ?
	    s->nleads : rpt_count_leads(s->text.p, s->text.len)) > FLAT_MIN)
		return flattened(d, s) == -1 ? -1 : 0;
	return unmarked(d, s) == -1 ? -1 : 0;
}

/*
 * A heading's title: after the marker, up to the first 。 of a run-in one;
 * in the folded text when fold is set.
 */
static void
heading_title(const struct slot *s, int fold, const char **t, size_t *len)
{
	const char *stop;
	size_t k;
	int n = s->bold_lead > 1 ? s->bold_lead : 1;

	*t = (fold ? TEXT(s) : s->text.p) + s->mlen;
	*len = s->text.len - s->mlen;
	/* Up to the first 。, or the last of a bold lead of several. */
	for (k = 0; n > 0 && (stop = rpt_memmem(*t + k, *len - k, "。",
	    3)) != NULL; n--)
		k = (size_t)(stop - *t) + 3;
	if (k > 0)
		*len = k - 3;
}

/* The element text of a paragraph: a heading's title, a joined title. */
static void
element(struct rpt_doc *d, struct rpt_para *para, const struct slot *s)
{
	const struct rpt_buf *joined;
	int i;

	para->elem = s->text.p;
	para->elem_len = s->text.len;
	switch (s->kind) {
	case RPT_K_HEADING:
		heading_title(s, 0, &para->elem, &para->elem_len);
		break;
	case RPT_K_DOCNO:
		/* The number without the 签发人 that may follow it. */
		para->elem_len = rpt_docno_len(s->text.p, s->text.len);
		break;
	case RPT_K_TITLE:
	case RPT_K_SUBTITLE:
	case RPT_K_AUTHOR:
		/* The first line stands for the element, joined. */
		joined = s->kind == RPT_K_TITLE ? &d->title :
		    s->kind == RPT_K_SUBTITLE ? &d->subtitle : &d->author;
		if (s->joined)
			break;
		para->elem = joined->p;
		para->elem_len = joined->len;
		for (i = 0; s->kind == RPT_K_TITLE && i < d->nlater; i++)
			if (d->later[i].num == s->num) {
				para->elem = d->titles.p + d->later[i].off;
				para->elem_len = d->later[i].len;
			}
		break;
	default:
		break;
	}
}

/*
 * Hand out the next piece of a paragraph that opens implicit sections: a
 * heading piece opens an unnumbered level-1 section of its own part.
 */
static int
next_piece(struct rpt_doc *d, struct rpt_para *para)
{
	const struct piece *pc = &d->pieces[d->piece++];
	const struct slot *s = &d->out;
	const char *t = s->text.p + pc->off, *q;
	size_t len = pc->len;

	rpt_trim(&t, &len);
	memset(para, 0, sizeof(*para));
	para->p = para->elem = t;
	para->fold = TEXT(s) + (t - s->text.p);
	para->len = para->elem_len = len;
	para->profile = d->cur;
	para->line = s->line;
	para->num = ++d->emitted;
	para->chars = rpt_count_chars(t, len);
	para->plain = s->plain;
	para->kind = RPT_K_BODY;
	para->moved = 0;
	if (d->piece == 1) {
		para->debris = s->debris;
		para->debris_chars = s->debris_chars;
	}
	if (pc->type == P_NUMBERED) {
		enum rpt_numbering nb = RPT_NUM_OK;
		int expected = 0;

		place(&d->o, pc->fam, pc->num, &nb, &expected);
		d->numbered = 1;
		d->paren_used |= pc->fam == RPT_FAM_CN_PAREN;
		para->kind = RPT_K_HEADING;
		para->family = pc->fam;
		para->marker_num = pc->num;
		para->marker_len = pc->mlen - (size_t)(t - (s->text.p + pc->off));
		para->numbering = nb;
		para->expected = expected;
		/* The title: after the marker, without a final 。. */
		para->elem = t + para->marker_len;
		para->elem_len = len - para->marker_len;
		if ((q = rpt_memmem(para->elem, para->elem_len, "。", 3)) != NULL)
			para->elem_len = (size_t)(q - para->elem);
		if (d->o.depth == 1 &&
		    level1_part(d, para->fold + (para->elem - para->p),
		    para->elem_len) == -1)
			return -1;
	} else if (pc->type == P_IMPLICIT) {
		if ((q = rpt_memmem(t, len, "。", 3)) != NULL)
			para->elem_len = (size_t)(q - t);
		para->kind = RPT_K_HEADING;
		para->implicit = 1;
		d->o.depth = 1;
		d->o.open[0].fam = RPT_FAM_NONE;
		d->o.open[0].num = 0;
		d->o.open[0].olvl = 0;
		d->o.path[0]++;
		d->parts = pc->parts;
		d->seen |= pc->parts.set;
		d->part.len = 0;
		if (rpt_parts_format(d->cur, &d->parts, '+', &d->part) == -1)
			return -1;
	}
	d->last = para->kind;
	para->depth = d->o.depth;
	para->part = d->o.depth == 0 ? "preamble" : d->part.p ? d->part.p : "";
	para->parts = d->o.depth == 0 ? 0 : d->parts.set;
	memcpy(para->path, d->o.path, sizeof(para->path));
	if (d->piece == d->npieces)
		d->npieces = d->piece = 0;
	return 1;
}

size_t
rpt_para_chars(const struct rpt_para *p)
{
	return p->chars != RPT_CHARS_UNKNOWN ? p->chars :
	    rpt_count_chars(p->p, p->len);
}

int
rpt_doc_next(struct rpt_doc *d, struct rpt_para *para)
{
	if (d->nomem)
		return -1;
	if (d->piece < d->npieces)
		return next_piece(d, para);
	if (d->nlate > 0 && d->late[0].owner <= d->out_num && !d->failed)
		return late_out(d, para);
	if (d->failed || d->count == 0 ||
	    (!d->finished && d->count <= LOOK && d->qbytes <= QBYTES))
		return d->failed ? -1 : 0;
	return hand_out(d, para);
}

/*
 * rpt_doc_next() once a paragraph is due: settle the oldest and hand it
 * out.  A function of its own, not inlined, so that the calls that find
 * nothing due (every other one: the caller drains after each line) do not
 * pay for all that this saves and restores.
 */
static NOINLINE int
hand_out(struct rpt_doc *d, struct rpt_para *para)
{
	struct rpt_buf tmp, tmpf;
	struct slot *s;
	int i;

	if (!d->front_done && front(d) == -1)
		return -1;
	while ((i = wrapped(d)) > 0) {
		if (move_late(d, 1, i, at(d, 0)->num) == -1 ||
		    join_next(d) == -1)
			return -1;
		if (!d->finished && d->count <= LOOK && d->qbytes <= QBYTES)
			return 0;	/* wait for what follows the joined line */
	}
	if (d->finished && !d->tail_done)
		tail(d);
	if (settle_oldest(d) == -1)
		return -1;
	/*
	 * Hand the oldest out: swap its buffer with the one handed out last,
	 * which the slot reuses, unless it is a big one: a few long lines
	 * must not leave every slot holding a megabyte.
	 */
	s = at(d, 0);
	tmp = d->out.text;
	if (tmp.cap > SLOT_KEEP)
		rpt_buf_free(&tmp);
	tmpf = d->out.fold;
	if (tmpf.cap > SLOT_KEEP)
		rpt_buf_free(&tmpf);
	d->out = *s;
	s->text = tmp;
	s->fold = tmpf;
	d->head = d->head == LOOK ? 0 : d->head + 1;
	d->count--;
	d->qbytes -= d->out.text.len;
	s = &d->out;
	d->out_num = s->num;
	d->last = s->kind;
	d->last_stop = (s->f & F_STOP) != 0;
	d->last_short = s->chars <= UNNUMBERED_MAX && !(s->f & F_PUNCT);

	if (d->npieces > 0)
		return next_piece(d, para);
	return fill(d, para);
}

/*
 * Hand out the first late furniture: boilerplate after its owner, which
 * the rules that weigh the paragraph before do not see (d->last stays).
 */
static int
late_out(struct rpt_doc *d, struct rpt_para *para)
{

	rpt_buf_free(&d->out.text);
	rpt_buf_free(&d->out.fold);
	d->out = d->late[0];
	memmove(d->late, d->late + 1, (d->nlate - 1) * sizeof(*d->late));
	d->nlate--;
	d->out.kind = RPT_K_BOILERPLATE;
	d->out.settled = 1;
	return fill(d, para);
}

/* Fill para from d->out, the paragraph handed out. */
static int
fill(struct rpt_doc *d, struct rpt_para *para)
{
	const struct slot *s = &d->out;
	int mark, inside;

	para->p = s->text.p;
	para->fold = TEXT(s);
	para->len = s->text.len;
	para->line = s->line;
	para->num = ++d->emitted;
	para->kind = s->kind;
	para->joined = s->joined;
	para->moved = s->moved;
	para->chars = s->chars != RPT_CHARS_UNKNOWN ? s->chars : s->nchars;
	para->plain = s->plain;
	/* A marker that repeats its number is kept for the checks. */
	mark = s->kind == RPT_K_HEADING || s->numbering == RPT_NUM_REPEAT;
	para->family = mark ? s->fam : RPT_FAM_NONE;
	para->marker_num = mark ? s->mnum : 0;
	para->marker_len = mark ? s->mlen : 0;
	para->numbering = s->numbering;
	para->expected = s->expected;
	para->debris = s->debris;
	para->debris_chars = s->debris_chars;
	para->implicit = 0;
	para->unmarked = s->unmarked;
	/* Only headings and body text are inside sections and parts. */
	inside = s->kind == RPT_K_HEADING || s->kind == RPT_K_BODY;
	para->depth = inside ? d->o.depth : 0;
	para->parts = 0;
	if (!inside)
		para->part = "";
	else if (d->o.depth == 0)
		para->part = "preamble";
	else {
		para->part = d->part.p ? d->part.p : "";
		para->parts = d->parts.set;
	}
	memcpy(para->path, d->o.path, sizeof(para->path));
	para->profile = d->cur;
	element(d, para, s);
	return 1;
}

int
rpt_path_format(struct rpt_buf *out, const int *path, int depth)
{
	/*
	 * The whole path is written here, then appended once: a filter asks
	 * for it at every section, where an append a number cost more than
	 * its digits.  Ten digits at most a number, and a dot.
	 */
	char tmp[RPT_DEPTH_MAX * 11], digits[10], *q = tmp, *e;
	int i;
	unsigned v;

	out->len = 0;
	if (rpt_buf_reserve(out, 1) == -1)
		return -1;
	out->p[0] = '\0';
	for (i = 0; i < depth; i++) {
		/* (Deeper than a paragraph's path: on in pieces.) */
		if ((size_t)(q - tmp) > sizeof(tmp) - 11) {
			if (rpt_buf_append(out, tmp, (size_t)(q - tmp)) == -1)
				return -1;
			q = tmp;
		}
		if (i > 0)
			*q++ = '.';
		/*
		 * Sections are numbered from 1: most numbers have a digit,
		 * nearly all the others two.
		 */
		if ((v = (unsigned)path[i]) < 10) {
			*q++ = (char)('0' + v);
			continue;
		}
		if (v < 100) {
			*q++ = (char)('0' + v / 10);
			*q++ = (char)('0' + v % 10);
			continue;
		}
		e = digits + sizeof(digits);
		do {
			*--e = (char)('0' + v % 10);
			v /= 10;
		} while (v > 0);
		while (e < digits + sizeof(digits))
			*q++ = *e++;
	}
	return q > tmp ? rpt_buf_append(out, tmp, (size_t)(q - tmp)) : 0;
}

int
rpt_place_set(struct rpt_place *pl, const struct rpt_para *p)
{
	size_t plen = strlen(p->part);

	if (pl->made && p->depth == pl->depth &&
	    memcmp(p->path, pl->path, (size_t)p->depth * sizeof(*p->path)) == 0 &&
	    plen == pl->part.len && memcmp(p->part, pl->part.p, plen) == 0)
		return 0;
	pl->made = 0;
	pl->cols.len = pl->part.len = 0;
	if (rpt_path_format(&pl->section, p->path, p->depth) == -1 ||
	    rpt_tsv_escape(&pl->cols, pl->section.p, pl->section.len) == -1 ||
	    rpt_buf_append(&pl->cols, "\t", 1) == -1 ||
	    rpt_tsv_escape(&pl->cols, p->part, plen) == -1 ||
	    rpt_buf_append(&pl->part, p->part, plen) == -1)
		return -1;
	pl->depth = p->depth;
	memcpy(pl->path, p->path, (size_t)p->depth * sizeof(*p->path));
	pl->made = 1;
	return 1;
}

void
rpt_place_free(struct rpt_place *pl)
{
	rpt_buf_free(&pl->cols);
	rpt_buf_free(&pl->section);
	rpt_buf_free(&pl->part);
}
