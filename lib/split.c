/*
 * split.c - cutting a paragraph into sentences or enumerated items.
 *
 * Sentences end after a run of 。！？!? (or a qualifying dot) and the
 * closing marks that follow it.  Three things keep a terminator from ending
 * a sentence: being inside 《…》, being inside a quoted utterance before its
 * last terminator (书记强调：“要依法办事。要公正执法。”), and being the dot
 * of a marker (一．).  Items start at the enumerators 一是 第一， 首先， ①
 * where they stand at the paragraph start or after 。；;：:，,.
 */
#include <stdlib.h>
#include <string.h>

#include "internal.h"

struct rpt_splitter {
	enum rpt_unit	 unit;
	int		 flags;
	struct rpt_span	*spans;
	size_t		 nspans, cap;
};

int
rpt_unit_parse(const char *name, enum rpt_unit *u)
{
	if (strcmp(name, "para") == 0)
		*u = RPT_U_PARA;
	else if (strcmp(name, "sentence") == 0)
		*u = RPT_U_SENTENCE;
	else if (strcmp(name, "item") == 0)
		*u = RPT_U_ITEM;
	else
		return -1;
	return 0;
}

struct rpt_splitter *
rpt_splitter_new(enum rpt_unit unit, int flags)
{
	struct rpt_splitter *s;

	if ((s = calloc(1, sizeof(*s))) == NULL)
		return NULL;
	s->unit = unit;
	s->flags = flags;
	return s;
}

void
rpt_splitter_free(struct rpt_splitter *s)
{
	if (s == NULL)
		return;
	free(s->spans);
	free(s);
}

/*
 * Add the trimmed span [from, to) of p, if anything is left of it.  ws is
 * the number of white-space characters in [from, to) when the caller
 * counted them on its way, or NO_COUNT.
 */
#define NO_COUNT	((size_t)-1)

static int
add(struct rpt_splitter *s, const char *p, size_t from, size_t to, size_t ws)
{
	const char *q = p + from;
	size_t n = to - from, trimmed;
	struct rpt_span *sp;

	trimmed = rpt_trim(&q, &n);
	if (n == 0)
		return 0;
	if ((sp = rpt_grow(s->spans, &s->cap, s->nspans + 1, sizeof(*sp))) == NULL)
		return -1;
	s->spans = sp;
	sp = &s->spans[s->nspans++];
	sp->off = (size_t)(q - p);
	sp->len = n;
	if (s->flags & RPT_SPLIT_NO_CHARS)
		sp->chars = 0;
	else
		sp->chars = ws == NO_COUNT ? rpt_count_chars(q, n) :
		    rpt_count_leads(q, n) - (ws - trimmed);
	return 0;
}

/* 。！？!? */
static int
is_stop(int32_t c)
{
	return (rpt_char_class(c) & RPT_C_STOP) != 0;
}

/* ”’」』）)》】 */
static int
is_closer(int32_t c)
{
	return (rpt_char_class(c) & RPT_C_CLOSE) != 0;
}

/* 0-9 ０-９ */
static int
is_digit(int32_t c)
{
	return (rpt_char_class(c) & RPT_C_DIGIT) != 0;
}

/* A CJK character for the dot rule: Han, CJK punctuation, full-width forms. */
static int
is_cjk(int32_t c)
{
	return rpt_is_han(c) ||
	    (c >= RPT_CH_CJK_SYMBOLS_FIRST && c <= RPT_CH_CJK_SYMBOLS_LAST) ||
	    (c >= RPT_CH_FULLWIDTH_FIRST && c <= RPT_CH_FULLWIDTH_LAST &&
	    !is_digit(c));
}

/* Character at p + i, or 0 at the end. */
static int32_t
at(const char *p, size_t n, size_t i, size_t *len)
{
	int32_t c = 0;

	*len = i < n ? rpt_utf8_decode(p + i, n - i, &c) : 0;
	return c;
}

/*
 * End of the run of stops that ends just before q (the position of a ”),
 * i.e. where that run starts, or q when the character before q is no stop.
 */
static size_t
stop_run_before(const char *p, size_t q)
{
	size_t i = q, k;
	int32_t c;

	while (i > 0) {
		k = rpt_utf8_prev(p, i, &c);
		if (!is_stop(c))
			break;
		i -= k;
	}
	return i;
}

/*
 * If a well-formed quotation opens at i (“ closed by the next ” with no
 * other “ inside) and is an utterance (its last character is a stop),
 * return where its final run of stops begins; terminators before that do
 * not end sentences.  Otherwise return i.
 */
static size_t
utterance(const char *p, size_t n, size_t i, size_t *next_close)
{
	static const char open[] = "“", close[] = "”";
	const char *c;
	size_t run, q;

	/* The first ” after i; remembered, so that many “ cost one scan. */
	if (*next_close <= i) {
		c = rpt_memmem(p + i + 3, n - i - 3, close, 3);
		*next_close = c ? (size_t)(c - p) : n;
	}
	q = *next_close;
	if (q == n || rpt_memmem(p + i + 3, q - i - 3, open, 3) != NULL)
		return i;
	run = stop_run_before(p, q);
	return run < q ? run : i;
}

/* Length of a 一． or 一. marker at p (its dot ends no sentence), else 0. */
static size_t
cn_dot_marker(const char *p, size_t n)
{
	size_t k;
	int v;

	if ((k = rpt_cn_number(p, n, &v)) == 0)
		return 0;
	if (k + 3 <= n && memcmp(p + k, "．", 3) == 0)
		return k + 3;
	if (k < n && p[k] == '.')
		return k + 1;
	return 0;
}

/*
 * End of a 一． or 一. marker at the sentence that starts at i (after white
 * space), so that its dot ends nothing; i itself if there is none.
 */
static size_t
marker_end(const char *p, size_t n, size_t i)
{
	const char *q = p + i;
	size_t qn = n - i, k;

	rpt_trim(&q, &qn);
	if ((k = cn_dot_marker(q, qn)) == 0)
		return i;
	return (size_t)(q - p) + k;
}

/* Position of the last 》 in p, or 0. */
static size_t
last_book_close(const char *p, size_t n)
{
	size_t i = n;

	/* The last byte of 》 (E3 80 8B) first: a cheap test. */
	while (i >= 3) {
		i--;
		if ((unsigned char)p[i] == 0x8b && i >= 2 &&
		    memcmp(p + i - 2, "》", 3) == 0)
			return i - 2;
	}
	return 0;
}

/*
 * Bytes at which the sentence scanner looks closer: the ASCII terminators
 * and the bytes that may start white space (counted on the way, for the
 * chars column) or “ ” (E2), 。《》 (E3) and the full-width ！？．； (EF).
 * The bulk of Han text is skipped a byte at a time: a stride taken from the
 * data would chain every load to the one before.
 */
static const unsigned char hot[256] = {
	['\t'] = 1, ['\n'] = 1, ['\v'] = 1, ['\f'] = 1, ['\r'] = 1, [' '] = 1,
	['!'] = 1, ['.'] = 1, [';'] = 1, ['?'] = 1,
	[0xc2] = 1, [0xe1] = 1, [0xe2] = 1, [0xe3] = 1, [0xef] = 1,
};

/*
 * Position of the first hot byte at or after i, or n.  With SSE2 (every
 * x86-64) sixteen bytes are compared at a time; elsewhere four table
 * look-ups a step, independent of each other, then one branch.
 */
static size_t
next_hot(const unsigned char *u, size_t i, size_t n)
{
#ifdef __SSE2__
	const __m128i ex = _mm_set1_epi8('!'), dot = _mm_set1_epi8('.');
	const __m128i sc = _mm_set1_epi8(';'), qm = _mm_set1_epi8('?');
	__m128i x, m;
	unsigned bits;

	for (; i + 16 <= n; i += 16) {
		x = _mm_loadu_si128((const __m128i *)(const void *)(u + i));
		/* White space and the lead bytes of “”。《》！？．； ... */
		m = rpt_space_lead16(x);
		/* ... and the ASCII terminators. */
		m = _mm_or_si128(m, _mm_or_si128(_mm_or_si128(
		    _mm_cmpeq_epi8(x, ex), _mm_cmpeq_epi8(x, dot)),
		    _mm_or_si128(_mm_cmpeq_epi8(x, sc), _mm_cmpeq_epi8(x, qm))));
		if ((bits = (unsigned)_mm_movemask_epi8(m)) != 0)
			return i + (size_t)__builtin_ctz(bits);
	}
#else
	while (i + 4 <= n && !(hot[u[i]] | hot[u[i + 1]] |
	    hot[u[i + 2]] | hot[u[i + 3]]))
		i += 4;
#endif
	while (i < n && !hot[u[i]])
		i++;
	return i;
}

/* The character before p + i (0 at the start). */
static int32_t
char_before(const char *p, size_t i)
{
	int32_t c = 0;

	if (i > 0)
		rpt_utf8_prev(p, i, &c);
	return c;
}

/* What the sentence scanner sees at a hot byte. */
enum mark {
	M_NONE, M_SPACE, M_STOP, M_DOT, M_SEMI, M_BOOK_OPEN, M_BOOK_CLOSE,
	M_QUOTE
};

/*
 * Classify the character at u (n > 0 bytes, valid UTF-8) and set *len to
 * its length.  The hot bytes (above) are the lead bytes of every character
 * that is not M_NONE here.
 */
static enum mark
classify(const unsigned char *u, size_t n, size_t *len)
{
	uint32_t f;
	int32_t c;

	*len = rpt_utf8_decode((const char *)u, n, &c);
	f = rpt_char_class(c);
	/* Most are ，、：（ and the like: one test sends them on. */
	if ((f & (RPT_C_SPACE | RPT_C_STOP | RPT_C_DOT | RPT_C_SEMICOLON |
	    RPT_C_OPEN | RPT_C_CLOSE)) == 0)
		return M_NONE;
	if (f & RPT_C_SPACE)
		return M_SPACE;
	if (f & RPT_C_STOP)
		return M_STOP;
	if (f & RPT_C_DOT)
		return M_DOT;
	if (f & RPT_C_SEMICOLON)
		return M_SEMI;
	switch (c) {
	case RPT_CH_LBOOK:
		return M_BOOK_OPEN;
	case RPT_CH_RBOOK:
		return M_BOOK_CLOSE;
	case RPT_CH_LDQUO:
		return M_QUOTE;
	}
	return M_NONE;
}

static int
split_sentences(struct rpt_splitter *s, const char *p, size_t n)
{
	const unsigned char *u = (const unsigned char *)p;
	size_t i = 0, k, start = 0, quiet_until, j, kk;
	size_t next_close = 0, book_end = (size_t)-1, ws = 0;
	int book = 0, end;

	quiet_until = marker_end(p, n, 0);
	for (;;) {
		i = next_hot(u, i, n);
		if (i >= n)
			break;
		end = 0;
		switch (classify(u + i, n - i, &k)) {
		case M_NONE:
			break;
		case M_SPACE:
			ws++;
			break;
		case M_BOOK_OPEN:
			/* Only a 《 that some 》 closes opens a title. */
			if (book_end == (size_t)-1)
				book_end = last_book_close(p, n);
			if (i < book_end)
				book++;
			break;
		case M_BOOK_CLOSE:
			if (book > 0)
				book--;
			break;
		case M_QUOTE:
			j = utterance(p, n, i, &next_close);
			if (j > quiet_until)
				quiet_until = j;
			break;
		case M_STOP:
			end = book == 0 && i >= quiet_until;
			break;
		case M_DOT:
			end = book == 0 && i >= quiet_until &&
			    is_cjk(char_before(p, i)) &&
			    !is_digit(at(p, n, i + k, &kk));
			break;
		case M_SEMI:
			end = book == 0 && i >= quiet_until &&
			    (s->flags & RPT_SPLIT_SEMICOLON);
			break;
		}
		i += k;
		if (!end)
			continue;
		/* Take the rest of the run of stops, then the closing marks. */
		while (i < n && is_stop(at(p, n, i, &kk)))
			i += kk;
		while (i < n && is_closer(at(p, n, i, &kk)))
			i += kk;
		if (add(s, p, start, i, ws) == -1)
			return -1;
		start = i;
		ws = 0;
		if ((j = marker_end(p, n, start)) > quiet_until)
			quiet_until = j;
	}
	return add(s, p, start, n, ws);
}

size_t
rpt_enumerator(const char *p, size_t n)
{
	static const char *const words[] = {
		"首先", "其次", "再次", "最后", NULL
	};
	const char *const *w;
	size_t k;
	int32_t c;
	int v;

	if (n < 3)
		return 0;
	rpt_utf8_decode(p, n, &c);
	if (c >= RPT_CH_CIRCLED_1 && c <= RPT_CH_CIRCLED_20)
		return 3;
	/* Most characters start none: 十, a digit, 第, 首先, 其次, 再次, 最后. */
	if (c != RPT_CH_TEN && rpt_cn_digit(c) <= 0 && c != RPT_CH_DI &&
	    c != RPT_CH_SHOU && c != RPT_CH_QI && c != RPT_CH_ZAI &&
	    c != RPT_CH_ZUI)
		return 0;
	if ((k = rpt_cn_number(p, n, &v)) > 0) {
		if (k + 3 <= n && memcmp(p + k, "是", 3) == 0)
			return k + 3;
		return 0;
	}
	k = 0;
	if (n >= 3 && memcmp(p, "第", 3) == 0 &&
	    (k = rpt_cn_number(p + 3, n - 3, &v)) > 0)
		k += 3;
	else
		for (w = words; *w != NULL; w++)
			if (n >= 6 && memcmp(p, *w, 6) == 0) {
				k = 6;
				break;
			}
	if (k == 0)
		return 0;
	if (k + 3 <= n && memcmp(p + k, "，", 3) == 0)
		return k + 3;
	if (k < n && p[k] == ',')
		return k + 1;
	return 0;
}

/*
 * 。；;：:，, — after these (or at the start) an item may begin.  Of the
 * sentence stops only 。 is one (not ！？!?).  f is c's class.
 */
static int
is_item_lead(int32_t c, uint32_t f)
{
	return c == RPT_CH_IDEO_STOP ||
	    (f & (RPT_C_SEMICOLON | RPT_C_COLON | RPT_C_COMMA)) != 0;
}

/*
 * The stride of split_items() over the characters that are neither white
 * space nor one of is_item_lead()'s: their length by lead byte (as
 * rpt_utf8_decode() takes it with 4 bytes or more left), and 0 for the
 * bytes that may start one of those, which are decoded: TAB to CR, space,
 * ; : , and the leads C2, E1-E3, EF of the others.  0 too, to be safe,
 * where the text would not be valid UTF-8 (80-C1) and for E0 and the
 * 4-byte leads, which are rare.  Han (E4-EE) and most ASCII go straight on.
 */
static const unsigned char item_step[256] = {
	1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 1, 1,	/* 00-0F */
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,	/* 10-1F */
	0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 1, 1,	/* 20-2F */
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 1, 1, 1, 1,	/* 30-3F */
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,	/* 40-4F */
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,	/* 50-5F */
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,	/* 60-6F */
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,	/* 70-7F */
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,	/* 80-8F */
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,	/* 90-9F */
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,	/* A0-AF */
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,	/* B0-BF */
	0, 0, 0, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,	/* C0-CF */
	2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,	/* D0-DF */
	0, 0, 0, 0, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 0,	/* E0-EF */
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,	/* F0-FF */
};

/*
 * Cut p into items, adding them to s; with s NULL, only count the items,
 * the units that start with an enumerator.  Returns -1 on allocation
 * failure.
 */
static long
split_items(struct rpt_splitter *s, const char *p, size_t n)
{
	const unsigned char *u = (const unsigned char *)p;
	size_t i = 0, k, start = 0;
	uint32_t f;
	int32_t c;
	int lead = 1;		/* may an item start at the next character? */
	long items = 0;

	while (i < n) {
		/* A run of characters after which no item starts. */
		if (!lead && n - i >= 4 && (k = item_step[u[i]]) != 0) {
			do
				i += k;
			while (n - i >= 4 && (k = item_step[u[i]]) != 0);
			continue;
		}
		k = rpt_utf8_decode(p + i, n - i, &c);
		f = rpt_char_class(c);
		if (f & RPT_C_SPACE) {
			i += k;
			continue;
		}
		if (lead && rpt_enumerator(p + i, n - i)) {
			items++;
			if (i > start && s != NULL &&
			    add(s, p, start, i, NO_COUNT) == -1)
				return -1;
			start = i;
		}
		lead = is_item_lead(c, f);
		i += k;
	}
	if (s != NULL && add(s, p, start, n, NO_COUNT) == -1)
		return -1;
	return items;
}

long
rpt_count_items(const char *p, size_t n)
{
	return split_items(NULL, p, n);
}

long
rpt_split(struct rpt_splitter *s, const char *p, size_t n,
    const struct rpt_span **spans)
{
	int r;

	s->nspans = 0;
	switch (s->unit) {
	case RPT_U_SENTENCE:
		r = split_sentences(s, p, n);
		break;
	case RPT_U_ITEM:
		r = split_items(s, p, n) == -1 ? -1 : 0;
		break;
	default:
		r = add(s, p, 0, n, NO_COUNT);
		break;
	}
	if (r == -1)
		return -1;
	*spans = s->spans;
	return (long)s->nspans;
}
