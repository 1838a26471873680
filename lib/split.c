/*
 * split.c - cutting a paragraph into sentences or enumerated items.
 *
 * Sentences end after a run of 。！？!? (or a qualifying dot) and the
 * closing marks that follow it.  Three things keep a terminator from ending
 * a sentence: being inside 《…》, being inside a quoted utterance before its
 * last terminator (书记强调：“要依法办事。要公正执法。”), and being the dot
 * of a marker (一．).  Items start at the enumerators 一是 第一， 首先， ①
 * where they stand at the paragraph start or after 。；;：:，,.
 *
 * Both scanners run in one pass over the text, which finds the characters
 * they look at 64 bytes at a time and counts, for rpt-stats, the
 * paragraph's ideographs and characters on the way (rpt_measure()).
 */
#include <stdlib.h>
#include <string.h>

#include "internal.h"

/*
 * The scanner's code is inlined into each pass, where what it wants is a
 * constant (the masks a pass does not want cost nothing), and so are the
 * tests it makes at every mark.
 */
#ifdef __GNUC__
#define INLINE	inline __attribute__((always_inline))
#else
#define INLINE	inline
#endif

struct rpt_splitter {
	enum rpt_unit	 unit;
	int		 flags;
	struct rpt_span	*spans;
	size_t		 nspans, cap;
	int		 plain;		/* see rpt_split_plain() */
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

/* The first character from i on that is not white space (n if none). */
static INLINE size_t
skip_space(const char *p, size_t n, size_t i)
{
	size_t k;
	int32_t c;

	/* Most characters cannot start white space: no decoding. */
	while (i < n && rpt_space_lead[(unsigned char)p[i]]) {
		k = rpt_utf8_decode(p + i, n - i, &c);
		if (!rpt_is_space(c))
			break;
		i += k;
	}
	return i;
}

/*
 * Add the span [from, to) of p less the white space it starts with, if
 * anything is left of it; it ends with none.  chars is the number of
 * non-white characters in [from, to) when the caller counted them on its
 * way, or NO_COUNT.
 */
#define NO_COUNT	((size_t)-1)

/* Room for one more span; -1 on no memory. */
static int
grow_spans(struct rpt_splitter *s)
{
	struct rpt_span *sp;

	if ((sp = rpt_grow(s->spans, &s->cap, s->nspans + 1,
	    sizeof(*sp))) == NULL)
		return -1;
	s->spans = sp;
	return 0;
}

/* Inline: it runs for every sentence, and mostly has no more to do. */
static INLINE int
add_trimmed(struct rpt_splitter *s, const char *p, size_t from, size_t to,
    size_t chars)
{
	struct rpt_span *sp;

	if ((from = skip_space(p, to, from)) == to)
		return 0;
	if (s->nspans == s->cap && grow_spans(s) == -1)
		return -1;
	sp = &s->spans[s->nspans++];
	sp->off = from;
	sp->len = to - from;
	if (s->flags & RPT_SPLIT_NO_CHARS)
		sp->chars = 0;
	else
		sp->chars = chars == NO_COUNT ? rpt_count_chars(p + from,
		    to - from) : chars;
	return 0;
}

/* add_trimmed() for a span that may end with white space too. */
static int
add(struct rpt_splitter *s, const char *p, size_t from, size_t to,
    size_t chars)
{
	size_t k;
	int32_t c;

	while (to > from) {
		k = rpt_utf8_prev(p + from, to - from, &c);
		if (!rpt_is_space(c))
			break;
		to -= k;
	}
	return add_trimmed(s, p, from, to, chars);
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

/* The first “ or ” in p from i on, or n. */
static size_t
next_quote(const char *p, size_t n, size_t i)
{
	const unsigned char *u = (const unsigned char *)p, *q;

	/* Both are E2 80 9C and E2 80 9D. */
	while (i + 3 <= n && (q = memchr(u + i, 0xe2, n - i - 2)) != NULL) {
		i = (size_t)(q - u);
		if (q[1] == 0x80 && (q[2] == 0x9c || q[2] == 0x9d))
			return i;
		i++;
	}
	return n;
}

/*
 * If a well-formed quotation opens at i (“ closed by the next ” with no
 * other “ inside) and is an utterance (its last character is a stop),
 * return where its final run of stops begins; terminators before that do
 * not end sentences.  Otherwise return i.  Each “ looks no further than
 * the next quotation mark, so that many cost one scan.
 */
static size_t
utterance(const char *p, size_t n, size_t i)
{
	size_t q = next_quote(p, n, i + 3), run;

	if (q == n || (unsigned char)p[q + 2] == 0x9c)
		return i;
	run = stop_run_before(p, q);
	return run < q ? run : i;
}

/*
 * 一 to 九 and 十 by their low bytes, which differ: one load and a compare
 * tell them, where rpt_char_class() would take two dependent loads; it
 * runs after every sentence (marker_end()).
 */
#define NUMERAL(c)	[(c) & 0xff] = (c)
static const int32_t numerals[256] = {
	NUMERAL(RPT_CH_CN_1), NUMERAL(RPT_CH_CN_2), NUMERAL(RPT_CH_CN_3),
	NUMERAL(RPT_CH_CN_4), NUMERAL(RPT_CH_CN_5), NUMERAL(RPT_CH_CN_6),
	NUMERAL(RPT_CH_CN_7), NUMERAL(RPT_CH_CN_8), NUMERAL(RPT_CH_CN_9),
	NUMERAL(RPT_CH_TEN),
};
#undef NUMERAL

/*
 * Can c start a Chinese numeral (rpt_cn_number()): 一 to 九, 十?  Those
 * are the characters of class RPT_C_CN_DIGIT with a value, and 十.
 */
static INLINE int
numeral_start(int32_t c)
{
	return numerals[c & 0xff] == c;
}

/*
 * The low bytes of the ideographs that start enumerators: 一 to 十, 第,
 * 首, 其, 再 and 最 (which shares 一's).  Few other characters have one,
 * so that most after a comma are turned away by this one load.
 */
static const unsigned char enumerator_low[256] = {
	[RPT_CH_CN_1 & 0xff] = 1, [RPT_CH_CN_2 & 0xff] = 1,
	[RPT_CH_CN_3 & 0xff] = 1, [RPT_CH_CN_4 & 0xff] = 1,
	[RPT_CH_CN_5 & 0xff] = 1, [RPT_CH_CN_6 & 0xff] = 1,
	[RPT_CH_CN_7 & 0xff] = 1, [RPT_CH_CN_8 & 0xff] = 1,
	[RPT_CH_CN_9 & 0xff] = 1, [RPT_CH_TEN & 0xff] = 1,
	[RPT_CH_DI & 0xff] = 1, [RPT_CH_SHOU & 0xff] = 1,
	[RPT_CH_QI & 0xff] = 1, [RPT_CH_ZAI & 0xff] = 1,
};

/* Can c start an enumerator: ①-⑳, a numeral, 第, 首先, 其次, 再次, 最后? */
static INLINE int
enumerator_start(int32_t c)
{
	return (c >= RPT_CH_CIRCLED_1 && c <= RPT_CH_CIRCLED_20) ||
	    (enumerator_low[c & 0xff] && (numeral_start(c) ||
	    c == RPT_CH_DI || c == RPT_CH_SHOU || c == RPT_CH_QI ||
	    c == RPT_CH_ZAI || c == RPT_CH_ZUI));
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
static INLINE size_t
marker_end(const char *p, size_t n, size_t i)
{
	size_t j = skip_space(p, n, i), k;
	int32_t c;

	/* Most sentences start with no numeral: no more to do. */
	if (j >= n || (rpt_utf8_decode(p + j, n - j, &c), !numeral_start(c)) ||
	    (k = cn_dot_marker(p + j, n - j)) == 0)
		return i;
	return j + k;
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

/* The character before p + i (0 at the start). */
static int32_t
char_before(const char *p, size_t i)
{
	int32_t c = 0;

	if (i > 0)
		rpt_utf8_prev(p, i, &c);
	return c;
}

/* What the sentence scanner sees at a mark. */
enum mark {
	M_NONE, M_STOP, M_DOT, M_SEMI, M_BOOK_OPEN, M_BOOK_CLOSE, M_QUOTE
};

/*
 * The marks by their one byte (ASCII) or their last byte: the last bytes
 * of 。《》 (E3 80 xx), “ (E2 80 9C) and ！？．； (EF BC xx) all differ,
 * and is_mark() lets through no other character.
 */
static const unsigned char marks[256] = {
	['!'] = M_STOP, ['?'] = M_STOP, ['.'] = M_DOT, [';'] = M_SEMI,
	[0x82] = M_STOP, [0x81] = M_STOP, [0x9f] = M_STOP,	/* 。！？ */
	[0x8e] = M_DOT, [0x9b] = M_SEMI,			/* ．； */
	[0x8a] = M_BOOK_OPEN, [0x8b] = M_BOOK_CLOSE,		/* 《》 */
	[0x9c] = M_QUOTE,					/* “ */
};

/*
 * Is c (of class f) a sentence mark: 。！？!?．.；;《》“?  The tests are
 * or-ed, not branched on: the scanners ask at every ，。 alike.
 */
static INLINE int
is_mark(int32_t c, uint32_t f)
{
	return ((f & (RPT_C_STOP | RPT_C_DOT | RPT_C_SEMICOLON)) != 0) |
	    (c == RPT_CH_LBOOK) | (c == RPT_CH_RBOOK) | (c == RPT_CH_LDQUO);
}

/* Is c (of class f) an item lead: 。；;：:，,? */
static INLINE int
is_lead(int32_t c, uint32_t f)
{
	return (c == RPT_CH_IDEO_STOP) |
	    ((f & (RPT_C_SEMICOLON | RPT_C_COLON | RPT_C_COMMA)) != 0);
}

/*
 * The scanners see a paragraph 64 bytes at a time.  A chunk gives a bit
 * mask of the characters that may matter, by their first byte, so that
 * the Han text between them costs the chunk's compares and nothing more;
 * and it adds to the paragraph's counts, which rpt-stats takes from the
 * same pass.  The masks of up to BATCH chunks are made ahead of the
 * scanners by a loop that does nothing else (fill()): its vector
 * constants stay in registers, not spilled around the scanners' code, and
 * it is made for the widest vectors the machine has (AVX2, else SSE2).
 */
#define CHUNK		64
#define BATCH		32

struct chunk {
	/*
	 * The characters that may be a sentence mark (。！？!?．.；;《》“),
	 * an item lead (。；;：:，,) or white space, as the pass wants: by
	 * their first byte, which they share with ，、”— and the like.
	 */
	uint64_t	 hot;
	uint64_t	 cont;		/* continuation bytes (10xxxxxx) */
	size_t		 ncont;		/* and their number */
};

/* What a pass wants of the chunks. */
#define B_STOP		0x1
#define B_LEAD		0x2
#define B_SPACE		0x4
#define B_CONT		0x8
#define B_HAN		0x10	/* count the ideographs */
#define B_ESC		0x20	/* look for \\, and TAB LF CR with B_SPACE */

/* The number of bits set in x. */
static unsigned
popcount64(uint64_t x)
{
	x -= (x >> 1) & 0x5555555555555555ULL;
	x = (x & 0x3333333333333333ULL) + ((x >> 2) & 0x3333333333333333ULL);
	x = (x + (x >> 4)) & 0x0f0f0f0f0f0f0f0fULL;
	return (unsigned)((x * 0x0101010101010101ULL) >> 56);
}

#ifdef __SSE2__
/*
 * The ideographs beyond the BMP that start at the F0 bytes of the block
 * at u (bits; n bytes of text from u), one by one: they are rare.
 */
static size_t
han4(const unsigned char *u, size_t n, uint32_t bits)
{
	size_t j, han = 0;
	int32_t c;

	for (; bits != 0; bits &= bits - 1) {
		j = (size_t)__builtin_ctz(bits);
		if (j < n) {
			rpt_utf8_decode((const char *)u + j, n - j, &c);
			han += rpt_is_han(c) != 0;
		}
	}
	return han;
}

#define EQ(v, b)	_mm_cmpeq_epi8((v), _mm_set1_epi8((char)(b)))
#define OR(a, b)	_mm_or_si128((a), (b))
#define AND(a, b)	_mm_and_si128((a), (b))
#define BITS(v, b)	_mm_or_si128((v), _mm_set1_epi8((char)(b)))

/*
 * The ideographs that start in x (y and z the bytes one and two on), as
 * rpt_count_han() finds them: E5-E9 always start one; E4 before B7
 * (U+4DC0-U+4DFF are hexagrams); E3 from 90 (U+3400) on, and E3 80 87
 * (〇); EF with A4 to AB (U+F900-U+FAFF).  The 4-byte ones are the
 * caller's.
 */
static inline __m128i
han16(__m128i x, __m128i y, __m128i z)
{
	__m128i d, m;

	d = _mm_sub_epi8(x, _mm_set1_epi8((char)0xe5));
	m = _mm_cmpeq_epi8(_mm_min_epu8(d, _mm_set1_epi8(4)), d);
	m = OR(m, _mm_andnot_si128(EQ(y, 0xb7), EQ(x, 0xe4)));
	m = OR(m, AND(EQ(x, 0xe3), OR(_mm_cmpeq_epi8(_mm_max_epu8(y,
	    _mm_set1_epi8((char)0x90)), y), AND(EQ(y, 0x80), EQ(z, 0x87)))));
	d = _mm_sub_epi8(y, _mm_set1_epi8((char)0xa4));
	return OR(m, AND(EQ(x, 0xef), _mm_cmpeq_epi8(_mm_min_epu8(d,
	    _mm_set1_epi8(7)), d)));
}

/*
 * The masks of the 16 bytes at u (n bytes of text from u, of which 18 may
 * be read) in m[] (hot, cont), and its ideographs: per byte lane in *h16
 * (taken from it), in *han beyond the BMP.
 */
static INLINE void
block16(const unsigned char *u, size_t n, int want, unsigned m[2],
    __m128i *h16, size_t *han)
{
	const __m128i x = _mm_loadu_si128((const void *)u);
	__m128i y, z, v, d, e3, ef;
	uint32_t bits;

	if (want & (B_STOP | B_LEAD | B_SPACE | B_ESC)) {
		/*
		 * E3 and EF: 。《》 and ，：；！？．, U+3000 and U+FEFF; but
		 * not the commonest others, 、 (E3 80 81) and, when no item
		 * leads are wanted, ， (EF BC 8C).
		 */
		z = _mm_loadu_si128((const void *)(u + 2));
		e3 = EQ(x, 0xe3);
		ef = EQ(x, 0xef);
		v = OR(_mm_andnot_si128(EQ(z, 0x81), e3), (want & B_LEAD) ? ef :
		    _mm_andnot_si128(EQ(z, 0x8c), ef));
		/* E2: “ and U+2000-U+206F, but not ” (E2 80 9D) */
		if (want & (B_STOP | B_SPACE))
			v = OR(v, _mm_andnot_si128(EQ(z, 0x9d), EQ(x, 0xe2)));
		/* !. and ;? (3B and 3F: 3F with bit 2 set) */
		if (want & B_STOP)
			v = OR(v, OR(OR(EQ(x, '!'), EQ(x, '.')),
			    EQ(BITS(x, 4), '?')));
		/* , and :; (3A and 3B: 3B with bit 0 set) */
		if (want & B_LEAD)
			v = OR(v, OR(EQ(x, ','), EQ(BITS(x, 1), ';')));
		if (want & B_ESC)
			v = OR(v, EQ(x, '\\'));
		/* 01-20 (TAB to CR and space among them), C2, E1 */
		if (want & B_SPACE) {
			d = _mm_sub_epi8(x, _mm_set1_epi8(1));
			v = OR(v, _mm_cmpeq_epi8(_mm_min_epu8(d,
			    _mm_set1_epi8(0x1f)), d));
			v = OR(v, OR(EQ(x, 0xc2), EQ(x, 0xe1)));
		}
		m[0] = (unsigned)_mm_movemask_epi8(v);
	}
	if (want & B_CONT)
		/* 80-BF are below C0 as signed bytes. */
		m[1] = (unsigned)_mm_movemask_epi8(_mm_cmplt_epi8(x,
		    _mm_set1_epi8((char)0xc0)));
	if (want & B_HAN) {
		y = _mm_loadu_si128((const void *)(u + 1));
		z = _mm_loadu_si128((const void *)(u + 2));
		*h16 = _mm_sub_epi8(*h16, han16(x, y, z));
		/* The ideographs beyond the BMP, one by one. */
		if ((bits = (uint32_t)_mm_movemask_epi8(EQ(x, 0xf0))) != 0)
			*han += han4(u, n, bits);
	}
}

/*
 * The masks of the nch chunks at u into ch (n bytes of text from u, of
 * which each chunk's CHUNK + 2 may be read), and their ideographs added
 * to *han.  At most BATCH chunks, whose counts a byte lane holds.  The
 * four blocks of a chunk are written out, for a loop of four would end
 * in a mispredicted branch.
 */
static INLINE void
fill_sse2(const unsigned char *u, size_t n, size_t nch, int want,
    struct chunk *ch, size_t *han)
{
	__m128i h16 = _mm_setzero_si128(), s;
	size_t k;

	for (k = 0; k < nch; k++, u += CHUNK, n = n > CHUNK ? n - CHUNK : 0) {
		unsigned m0[2] = { 0, 0 }, m1[2] = { 0, 0 };
		unsigned m2[2] = { 0, 0 }, m3[2] = { 0, 0 };

		block16(u, n, want, m0, &h16, han);
		block16(u + 16, n > 16 ? n - 16 : 0, want, m1, &h16, han);
		block16(u + 32, n > 32 ? n - 32 : 0, want, m2, &h16, han);
		block16(u + 48, n > 48 ? n - 48 : 0, want, m3, &h16, han);
		ch[k].hot = (uint64_t)m0[0] | (uint64_t)m1[0] << 16 |
		    (uint64_t)m2[0] << 32 | (uint64_t)m3[0] << 48;
		ch[k].cont = (uint64_t)m0[1] | (uint64_t)m1[1] << 16 |
		    (uint64_t)m2[1] << 32 | (uint64_t)m3[1] << 48;
		ch[k].ncont = (want & B_CONT) ? popcount64(ch[k].cont) : 0;
	}
	if (want & B_HAN) {
		s = _mm_sad_epu8(h16, _mm_setzero_si128());
		*han += (size_t)_mm_cvtsi128_si32(s) +
		    (size_t)_mm_cvtsi128_si32(_mm_srli_si128(s, 8));
	}
}
#undef EQ
#undef OR
#undef AND
#undef BITS

/*
 * AVX2, where the compiler can make it and the machine has it, does the
 * same 32 bytes at a time: the code above, twice as wide, chosen when the
 * scan starts (internal.h's RPT_AVX2 and rpt_have_avx2()).
 */
#ifdef RPT_HAVE_AVX2
#define HAVE_AVX2
#define AVX2		RPT_AVX2

/*
 * The vector of 32 bytes b.  Hidden from the compiler (by an empty asm),
 * which would otherwise make each anew where it is used, three
 * instructions each, rather than keep it in a register or load it.
 */
static INLINE AVX2 __m256i
k32(char b)
{
	__m256i v = _mm256_set1_epi8(b);

	__asm__("" : "+x"(v));
	return v;
}

#define EQ(v, b)	_mm256_cmpeq_epi8((v), k32((char)(b)))
#define OR(a, b)	_mm256_or_si256((a), (b))
#define AND(a, b)	_mm256_and_si256((a), (b))
#define ANDNOT(a, b)	_mm256_andnot_si256((a), (b))
#define BITS(v, b)	_mm256_or_si256((v), k32((char)(b)))
/* Bytes of v from lo to lo + k - 1 (k < 128): one signed compare. */
#define RANGE(v, lo, k)	_mm256_cmpgt_epi8(k32((char)(-128 + (k))), \
	_mm256_sub_epi8((v), k32((char)((lo) - 128))))

/* han16() for 32 bytes. */
static INLINE AVX2 __m256i
han32(__m256i x, __m256i y, __m256i z)
{
	__m256i m;

	/* E4-E9, less E4 B7 */
	m = ANDNOT(AND(EQ(x, 0xe4), EQ(y, 0xb7)), RANGE(x, 0xe4, 6));
	m = OR(m, AND(EQ(x, 0xe3), OR(_mm256_cmpeq_epi8(_mm256_max_epu8(y,
	    k32((char)0x90)), y), AND(EQ(y, 0x80), EQ(z, 0x87)))));
	return OR(m, AND(EQ(x, 0xef), RANGE(y, 0xa4, 8)));
}

/* block16() for 32 bytes. */
static INLINE AVX2 void
block32(const unsigned char *u, size_t n, int want, uint32_t m[2],
    __m256i *h32, size_t *han)
{
	const __m256i x = _mm256_loadu_si256((const void *)u);
	__m256i y, z, v, ef;
	uint32_t bits;

	if (want & (B_STOP | B_LEAD | B_SPACE | B_ESC)) {
		z = _mm256_loadu_si256((const void *)(u + 2));
		ef = EQ(x, 0xef);
		v = OR(ANDNOT(EQ(z, 0x81), EQ(x, 0xe3)), (want & B_LEAD) ? ef :
		    ANDNOT(EQ(z, 0x8c), ef));
		if (want & (B_STOP | B_SPACE))
			v = OR(v, ANDNOT(EQ(z, 0x9d), EQ(x, 0xe2)));
		if (want & B_STOP)
			v = OR(v, OR(OR(EQ(x, '!'), EQ(x, '.')),
			    EQ(BITS(x, 4), '?')));
		if (want & B_LEAD)
			v = OR(v, OR(EQ(x, ','), EQ(BITS(x, 1), ';')));
		if (want & B_ESC)
			v = OR(v, EQ(x, '\\'));
		if (want & B_SPACE)
			v = OR(v, OR(RANGE(x, 0x01, 0x20),
			    OR(EQ(x, 0xc2), EQ(x, 0xe1))));
		m[0] = (uint32_t)_mm256_movemask_epi8(v);
	}
	if (want & B_CONT)
		m[1] = (uint32_t)_mm256_movemask_epi8(_mm256_cmpgt_epi8(
		    k32((char)0xc0), x));
	if (want & B_HAN) {
		y = _mm256_loadu_si256((const void *)(u + 1));
		z = _mm256_loadu_si256((const void *)(u + 2));
		*h32 = _mm256_sub_epi8(*h32, han32(x, y, z));
		if ((bits = (uint32_t)_mm256_movemask_epi8(EQ(x, 0xf0))) != 0)
			*han += han4(u, n, bits);
	}
}

/*
 * fill_sse2() with AVX2.  The ideographs are counted in a loop of their
 * own: with the marks' constants as well, more than the sixteen vector
 * registers would be live.
 */
static INLINE AVX2 void
fill_avx2(const unsigned char *u, size_t n, size_t nch, int want,
    struct chunk *ch, size_t *han)
{
	__m256i h32 = _mm256_setzero_si256(), s;
	const unsigned char *v = u;
	size_t k, vn = n;

	for (k = 0; k < nch; k++, u += CHUNK, n = n > CHUNK ? n - CHUNK : 0) {
		uint32_t m0[2] = { 0, 0 }, m1[2] = { 0, 0 };

		block32(u, n, want & ~B_HAN, m0, &h32, han);
		block32(u + 32, n > 32 ? n - 32 : 0, want & ~B_HAN, m1, &h32,
		    han);
		ch[k].hot = (uint64_t)m0[0] | (uint64_t)m1[0] << 32;
		ch[k].cont = (uint64_t)m0[1] | (uint64_t)m1[1] << 32;
		ch[k].ncont = (want & B_CONT) ?
		    (size_t)__builtin_popcountll(ch[k].cont) : 0;
	}
	if (!(want & B_HAN))
		return;
	for (k = 0; k < nch; k++, v += CHUNK, vn = vn > CHUNK ? vn - CHUNK : 0) {
		block32(v, vn, B_HAN, NULL, &h32, han);
		block32(v + 32, vn > 32 ? vn - 32 : 0, B_HAN, NULL, &h32, han);
	}
	s = _mm256_sad_epu8(h32, _mm256_setzero_si256());
	*han += (size_t)_mm256_extract_epi64(s, 0) +
	    (size_t)_mm256_extract_epi64(s, 1) +
	    (size_t)_mm256_extract_epi64(s, 2) +
	    (size_t)_mm256_extract_epi64(s, 3);
}
#undef EQ
#undef OR
#undef AND
#undef ANDNOT
#undef BITS
#undef RANGE

/* fill_avx2() made for each pass that the scanners make. */
#define FILL_AVX2(name, want)						\
static AVX2 void							\
name(const unsigned char *u, size_t n, size_t nch, struct chunk *ch,	\
    size_t *han)							\
{									\
	fill_avx2(u, n, nch, (want), ch, han);				\
}
FILL_AVX2(fill_avx2_stop, B_STOP)
FILL_AVX2(fill_avx2_stop_cont, B_STOP | B_CONT | B_ESC)
FILL_AVX2(fill_avx2_stop_space, B_STOP | B_SPACE | B_CONT | B_ESC)
FILL_AVX2(fill_avx2_lead, B_LEAD)
FILL_AVX2(fill_avx2_lead_space, B_LEAD | B_SPACE | B_CONT | B_ESC)
FILL_AVX2(fill_avx2_units, B_HAN | B_STOP | B_LEAD)
FILL_AVX2(fill_avx2_han, B_HAN)
#undef FILL_AVX2
#endif /* HAVE_AVX2 */
#else
/* The masks of the chunk of CHUNK bytes at u (n bytes of text from u). */
static void
chunk(const unsigned char *u, size_t n, int want, struct chunk *ch,
    size_t *han)
{
	size_t j, k;
	uint32_t f;
	int32_t c;

	ch->hot = ch->cont = 0;
	for (j = 0; j < CHUNK && j < n; j++)
		if ((want & B_CONT) && (u[j] & 0xc0) == 0x80)
			ch->cont |= (uint64_t)1 << j;
	ch->ncont = popcount64(ch->cont);
	for (j = 0; j < CHUNK && j < n; j += k) {
		/* The end of a character that started in the chunk before. */
		if ((u[j] & 0xc0) == 0x80) {
			k = 1;
			continue;
		}
		k = rpt_utf8_decode((const char *)u + j, n - j, &c);
		f = rpt_char_class(c);
		if (((want & B_STOP) && is_mark(c, f)) ||
		    ((want & B_LEAD) && is_lead(c, f)) ||
		    ((want & B_SPACE) && (f & RPT_C_SPACE)) ||
		    ((want & B_ESC) && c == '\\'))
			ch->hot |= (uint64_t)1 << j;
		if (want & B_HAN)
			*han += rpt_is_han(c) != 0;
	}
}
#endif

/*
 * The masks of the nch (at most BATCH) chunks at u into ch (n bytes of
 * text from u, of which each chunk's CHUNK + 2 may be read), and their
 * ideographs added to *han; with AVX2 if avx2.
 */
static INLINE void
fill(const unsigned char *u, size_t n, size_t nch, int want,
    struct chunk *ch, size_t *han, int avx2)
{
#ifdef HAVE_AVX2
	if (avx2)
		switch (want) {
		case B_STOP:
			fill_avx2_stop(u, n, nch, ch, han);
			return;
		case B_STOP | B_CONT | B_ESC:
			fill_avx2_stop_cont(u, n, nch, ch, han);
			return;
		case B_STOP | B_SPACE | B_CONT | B_ESC:
			fill_avx2_stop_space(u, n, nch, ch, han);
			return;
		case B_LEAD:
			fill_avx2_lead(u, n, nch, ch, han);
			return;
		case B_LEAD | B_SPACE | B_CONT | B_ESC:
			fill_avx2_lead_space(u, n, nch, ch, han);
			return;
		case B_HAN | B_STOP | B_LEAD:
			fill_avx2_units(u, n, nch, ch, han);
			return;
		case B_HAN:
			fill_avx2_han(u, n, nch, ch, han);
			return;
		}
#else
	(void)avx2;
#endif
#ifdef __SSE2__
	fill_sse2(u, n, nch, want, ch, han);
#else
	for (; nch > 0; nch--, u += CHUNK, n = n > CHUNK ? n - CHUNK : 0)
		chunk(u, n, want, ch++, han);
#endif
}

/* The state of the sentence scanner. */
struct sentences {
	int		 semicolon;	/* ；; end sentences */
	size_t		 next;		/* the first byte not yet seen */
	size_t		 start;		/* of the sentence */
	size_t		 cont;		/* continuation bytes before start */
	size_t		 quiet_until;	/* terminators before it end none */
	size_t		 book_end;	/* where the last 》 is, once needed */
	size_t		 ws;		/* white-space characters since start */
	int		 book;		/* open 《 */
	long		 count;
};

/* The state of the item scanner. */
struct items {
	size_t		 start;		/* of the item */
	size_t		 cont;		/* continuation bytes before start */
	size_t		 seen;		/* white space before it is counted */
	size_t		 ws;		/* white-space characters since start */
	long		 count;
};

/*
 * A pass over a paragraph: the scanners it feeds, the spans one of them
 * makes (or none, to count), and the counts.
 */
struct scan {
	const char	*p;
	size_t		 n;
	struct rpt_splitter *s;
	int		 chars;		/* count the spans' characters */
	struct sentences st;
	struct items	 it;
	/* The chunk being visited, at b, with cont continuation bytes before. */
	size_t		 b, cont;
	uint64_t	 cont_mask;
	size_t		 space;		/* white space, when no spans are made */
	int		 esc;		/* B_ESC saw a byte to escape */
	size_t		 han;		/* B_HAN: the ideographs */
	int		 avx2;		/* fill() with AVX2 */
};

static void
scan_init(struct scan *sc, const char *p, size_t n, struct rpt_splitter *s,
    int no_avx2)
{
	/*
	 * Field by field, not memset(), which GCC makes a rep stos: slow to
	 * start, and it runs for every paragraph.
	 */
	static const struct sentences st0;
	static const struct items it0;

	sc->p = p;
	sc->n = n;
	sc->s = s;
	sc->chars = s != NULL && !(s->flags & RPT_SPLIT_NO_CHARS);
	sc->st = st0;
	sc->it = it0;
	sc->b = sc->cont = sc->space = 0;
	sc->esc = 0;
	sc->han = 0;
#ifdef HAVE_AVX2
	sc->avx2 = !no_avx2 && rpt_have_avx2();
#else
	(void)no_avx2;
	sc->avx2 = 0;
#endif
	sc->cont_mask = 0;
}

/* The continuation bytes before i, which is in the chunk being visited. */
static INLINE size_t
cont_before(const struct scan *sc, size_t i)
{
	return sc->cont + popcount64(sc->cont_mask &
	    (((uint64_t)1 << (i - sc->b)) - 1));
}

/*
 * Add the span [from, to) with cont continuation bytes before to, and ws
 * white-space characters in it; white_end if it may end with some.
 */
static int
add_span(struct scan *sc, size_t from, size_t cont_from, size_t to,
    size_t cont_to, size_t ws, int white_end)
{
	size_t chars = sc->chars ? (to - from) - (cont_to - cont_from) - ws :
	    NO_COUNT;

	return white_end ? add(sc->s, sc->p, from, to, chars) :
	    add_trimmed(sc->s, sc->p, from, to, chars);
}

static void
sentences_init(struct scan *sc, int flags)
{
	sc->st.semicolon = (flags & RPT_SPLIT_SEMICOLON) != 0;
	sc->st.book_end = (size_t)-1;
	sc->st.quiet_until = marker_end(sc->p, sc->n, 0);
}

/* The sentence mark at p + i; -1 on no memory. */
static int
sentence_mark(struct scan *sc, size_t i)
{
	struct sentences *st = &sc->st;
	const char *p = sc->p;
	const unsigned char *u = (const unsigned char *)p;
	size_t n = sc->n, k = u[i] < 0x80 ? 1 : 3, j, kk, cont = 0;
	int end = 0, m = marks[u[i + k - 1]];

	/*
	 * Most marks are stops: they are told apart first by a branch of
	 * their own, which is better predicted than the switch's jump.
	 */
	if (m == M_STOP)
		end = st->book == 0 && i >= st->quiet_until;
	else switch (m) {
	case M_BOOK_OPEN:
		/* Only a 《 that some 》 closes opens a title. */
		if (st->book_end == (size_t)-1)
			st->book_end = last_book_close(p, n);
		if (i < st->book_end)
			st->book++;
		break;
	case M_BOOK_CLOSE:
		if (st->book > 0)
			st->book--;
		break;
	case M_QUOTE:
		j = utterance(p, n, i);
		if (j > st->quiet_until)
			st->quiet_until = j;
		break;
	case M_DOT:
		end = st->book == 0 && i >= st->quiet_until &&
		    is_cjk(char_before(p, i)) &&
		    !is_digit(at(p, n, i + k, &kk));
		break;
	case M_SEMI:
		end = st->book == 0 && i >= st->quiet_until && st->semicolon;
		break;
	}
	if (!end)
		return 0;
	if (sc->chars)
		cont = cont_before(sc, i) + k - 1;
	/*
	 * Take the rest of the run of stops, then the closing marks; mostly
	 * there are none, and an ideograph says so without decoding.
	 */
	i += k;
	if (i < n && !rpt_han_lead(u[i])) {
		for (; i < n && is_stop(at(p, n, i, &kk)); i += kk)
			cont += kk - 1;
		for (; i < n && is_closer(at(p, n, i, &kk)); i += kk)
			cont += kk - 1;
	}
	/* It ends with a terminator or a closing mark: no white space. */
	if (sc->s != NULL && add_span(sc, st->start, st->cont, i, cont,
	    st->ws, 0) == -1)
		return -1;
	/* A terminator is text: the sentence is never empty. */
	st->count++;
	st->next = st->start = i;
	st->cont = cont;
	st->ws = 0;
	if ((j = marker_end(p, n, i)) > st->quiet_until)
		st->quiet_until = j;
	return 0;
}

/*
 * An item starts at i, with cont continuation bytes before i: take the one
 * before it.  -1 on no memory.
 */
static int
item_start(struct scan *sc, size_t i, size_t cont)
{
	struct items *it = &sc->it;

	it->count++;
	if (sc->s != NULL && i > it->start &&
	    add_span(sc, it->start, it->cont, i, cont, it->ws, 1) == -1)
		return -1;
	it->start = i;
	it->cont = cont;
	it->ws = 0;
	return 0;
}

/*
 * An item may start at the first non-white character from i on (with
 * cont continuation bytes before i): after a lead (。；;：:，,) or at the
 * paragraph's start.  -1 on no memory.  Inline: it runs at every comma,
 * and after most of them tests one character.
 */
static INLINE int
item_at(struct scan *sc, size_t i, size_t cont)
{
	struct items *it = &sc->it;
	const char *p = sc->p;
	size_t n = sc->n, k;
	int32_t c;

	while (i < n && rpt_space_lead[(unsigned char)p[i]]) {
		k = rpt_utf8_decode(p + i, n - i, &c);
		if (!rpt_is_space(c))
			break;
		i += k;
		cont += k - 1;
		it->ws++;
	}
	it->seen = i;
	/*
	 * Mostly an ideograph follows, whose code point's low byte, taken
	 * from its bytes without decoding, turns it away.
	 */
	if (i + 2 < n && rpt_han_lead((unsigned char)p[i]) &&
	    !enumerator_low[((unsigned char)p[i + 1] & 3) << 6 |
	    ((unsigned char)p[i + 2] & 0x3f)])
		return 0;
	if (i >= n || (rpt_utf8_decode(p + i, n - i, &c),
	    !enumerator_start(c)) || rpt_enumerator(p + i, n - i) == 0)
		return 0;
	return item_start(sc, i, cont);
}

/* Count the white space at i for the sentence or item it is in, or the paragraph. */
static void
count_space(struct scan *sc, size_t i, int want)
{
	if (sc->s == NULL)
		sc->space++;
	else if (want & B_STOP)
		sc->st.ws++;
	else if (i >= sc->it.seen)	/* else item_at() counted it */
		sc->it.ws++;
}

/*
 * What visit() sees in a character the chunk marks: a sentence mark, an
 * item lead, white space.  Found by its bytes, not by rpt_utf8_decode()
 * and rpt_char_class(), whose branches and two dependent loads cost more
 * at every ，。: an ASCII character by itself, a three-byte one by its
 * last byte, which the marks, leads and spaces of three bytes do not
 * share; the entry holds the whole character (its bytes from the first,
 * in the low bits up) to tell it from the others with that last byte.
 */
#define H_MARK		0x1	/* is_mark() */
#define H_LEAD		0x2	/* is_lead() */
#define H_SPACE		0x4	/* rpt_is_space() */
#define H_ESC		0x8	/* a byte TSV escapes: \\ TAB LF CR */

struct hot_char {
	uint32_t	 bytes;
	unsigned char	 what;
};

#define LAST3(c)	(0x80 | ((c) & 0x3f))
#define UTF8_3(c)	((uint32_t)(0xe0 | (c) >> 12) | \
	(uint32_t)(0x80 | ((c) >> 6 & 0x3f)) << 8 | (uint32_t)LAST3(c) << 16)
#define HOT1(b, w)	[b] = { (b), (w) }
#define HOT3(c, w)	[LAST3(c)] = { UTF8_3(c), (w) }

static const struct hot_char hot_chars[256] = {
	HOT1('!', H_MARK), HOT1('?', H_MARK), HOT1('.', H_MARK),
	HOT1(';', H_MARK | H_LEAD), HOT1(':', H_LEAD), HOT1(',', H_LEAD),
	HOT1('\t', H_SPACE | H_ESC), HOT1('\n', H_SPACE | H_ESC),
	HOT1('\v', H_SPACE), HOT1('\f', H_SPACE),
	HOT1('\r', H_SPACE | H_ESC), HOT1(' ', H_SPACE), HOT1('\\', H_ESC),
	HOT3(RPT_CH_IDEO_STOP, H_MARK | H_LEAD),
	HOT3(RPT_CH_FW_EXCL, H_MARK), HOT3(RPT_CH_FW_QUESTION, H_MARK),
	HOT3(RPT_CH_FW_DOT, H_MARK), HOT3(RPT_CH_FW_SEMICOLON, H_MARK | H_LEAD),
	HOT3(RPT_CH_FW_COLON, H_LEAD), HOT3(RPT_CH_FW_COMMA, H_LEAD),
	HOT3(RPT_CH_LBOOK, H_MARK), HOT3(RPT_CH_RBOOK, H_MARK),
	HOT3(RPT_CH_LDQUO, H_MARK),
	HOT3(RPT_CH_IDEO_SPACE, H_SPACE), HOT3(RPT_CH_BOM, H_SPACE),
};

#undef LAST3
#undef UTF8_3
#undef HOT1
#undef HOT3

/*
 * What the character at u is (H_), if it is in hot_chars[]; u[1] to
 * u[3] are read whatever it is, and without a branch.
 */
static INLINE unsigned
hot_what(const unsigned char *u)
{
	uint32_t wide, w;
	const struct hot_char *h;

#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	/* One load, not three: u[3] may be read too. */
	memcpy(&w, u, sizeof(w));
	wide = (w & 0x80) != 0;
	w &= 0xff | (0xffff00 & -wide);
	h = &hot_chars[w >> (16 * wide)];
#else
	wide = u[0] >= 0x80;
	w = ((uint32_t)u[0] | (uint32_t)u[1] << 8 | (uint32_t)u[2] << 16) &
	    (0xff | (0xffff00 & -wide));
	h = &hot_chars[u[2 * wide]];
#endif
	return h->bytes == w ? h->what : 0;
}

/*
 * Is the character at p + i, not in hot_chars[], white space?  The rest
 * of it starts with C2, E1 or E2 (U+0085, U+00A0, U+1680, U+2000 on).
 */
static INLINE int
other_space(const struct scan *sc, size_t i)
{
	unsigned char b = (unsigned char)sc->p[i];
	int32_t c;

	if (b != 0xc2 && b != 0xe1 && b != 0xe2)
		return 0;
	rpt_utf8_decode(sc->p + i, sc->n - i, &c);
	return rpt_is_space(c);
}

/*
 * The characters of the chunk at b that may matter, in order: the ones
 * that do go to the scanners.  u is the chunk's bytes, of which CHUNK + 3
 * may be read (hot_what()).  -1 on no memory.
 */
static INLINE int
visit(struct scan *sc, size_t b, const unsigned char *u,
    const struct chunk *ch, int want)
{
	uint64_t bits;
	unsigned what;
	size_t i, j;

	sc->b = b;
	sc->cont_mask = ch->cont;
	for (bits = ch->hot; bits != 0; bits &= bits - 1) {
		j = (size_t)__builtin_ctzll(bits);
		i = b + j;
		what = hot_what(u + j);
		if (want & B_ESC)
			sc->esc |= what & H_ESC;
		if ((want & B_SPACE) && ((what & H_SPACE) ||
		    (what == 0 && other_space(sc, i)))) {
			count_space(sc, i, want);
			continue;
		}
		if ((want & B_STOP) && (what & H_MARK) && i >= sc->st.next &&
		    sentence_mark(sc, i) == -1)
			return -1;
		/* The leads are ASCII or of three bytes. */
		if ((want & B_LEAD) && (what & H_LEAD) && item_at(sc, i +
		    (u[j] < 0x80 ? 1 : 3), sc->chars ? cont_before(sc, i) +
		    (u[j] < 0x80 ? 0 : 2) : 0) == -1)
			return -1;
	}
	sc->cont += ch->ncont;
	return 0;
}

/* One pass over the paragraph for what want (B_) asks; -1 on no memory. */
static INLINE int
scan(struct scan *sc, int want)
{
	const unsigned char *u = (const unsigned char *)sc->p;
	size_t n = sc->n, b = 0, k, j, nch;
	/* Zeroed by its initialiser, not memset(): see scan_init(). */
	unsigned char pad[2 * CHUNK + 16] = { 0 };
	struct chunk ch[BATCH];
	int r = 0;

	/*
	 * The chunks that can be read in place (CHUNK + 3 bytes each, for
	 * fill() and hot_what()), BATCH at a time.
	 */
	for (nch = n >= 3 ? (n - 3) / CHUNK : 0; nch > 0; nch -= k) {
		k = nch < BATCH ? nch : BATCH;
		fill(u + b, n - b, k, want, ch, &sc->han, sc->avx2);
		for (j = 0; j < k; j++, b += CHUNK)
			if (visit(sc, b, u + b, &ch[j], want) == -1)
				return -1;
	}
	/* The rest from a copy, padded with NUL, which matches nothing. */
	if (b < n) {
		memcpy(pad, u + b, n - b);
		k = (n - b + CHUNK - 1) / CHUNK;
		fill(pad, n - b, k, want, ch, &sc->han, sc->avx2);
		for (j = 0; j < k; j++, b += CHUNK)
			if (visit(sc, b, pad + j * CHUNK, &ch[j], want) == -1)
				return -1;
	}
	/* The last sentence or item, which nothing ended. */
	if (sc->s != NULL)
		r = (want & B_STOP) ? add_span(sc, sc->st.start, sc->st.cont, n,
		    sc->cont, sc->st.ws, 1) : add_span(sc, sc->it.start,
		    sc->it.cont, n, sc->cont, sc->it.ws, 1);
	else if (want & B_STOP)
		sc->st.count += skip_space(sc->p, n, sc->st.start) < n;
	return r;
}

/*
 * Cut p into sentences.  chars is the number of its non-white characters,
 * or RPT_CHARS_UNKNOWN.
 */
static int
split_sentences(struct rpt_splitter *s, const char *p, size_t n,
    size_t chars)
{
	struct scan sc;

	scan_init(&sc, p, n, s, s->flags & RPT_SPLIT_NO_AVX2);
	sentences_init(&sc, s->flags);
	/* Each call a pass of its own, made for what it wants. */
	if (!sc.chars)
		return scan(&sc, B_STOP);
	/*
	 * A paragraph with as many characters as non-white ones has no white
	 * space to count: a pass that does not look for it makes its spans.
	 * The others, a few, take both passes.
	 */
	if (chars != RPT_CHARS_UNKNOWN) {
		if (scan(&sc, B_STOP | B_CONT | B_ESC) == -1)
			return -1;
		/* No white space: no TAB, LF or CR either. */
		if (n - sc.cont == chars) {
			s->plain = !sc.esc;
			return 0;
		}
		s->nspans = 0;
		scan_init(&sc, p, n, s, s->flags & RPT_SPLIT_NO_AVX2);
		sentences_init(&sc, s->flags);
	}
	if (scan(&sc, B_STOP | B_SPACE | B_CONT | B_ESC) == -1)
		return -1;
	s->plain = !sc.esc;
	return 0;
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
	/* Most characters start none. */
	if (!enumerator_start(c))
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

/* Cut p into items, the units that start with an enumerator. */
static int
split_items(struct rpt_splitter *s, const char *p, size_t n)
{
	struct scan sc;

	scan_init(&sc, p, n, s, s->flags & RPT_SPLIT_NO_AVX2);
	if (item_at(&sc, 0, 0) == -1)
		return -1;
	if (!sc.chars)
		return scan(&sc, B_LEAD);
	if (scan(&sc, B_LEAD | B_SPACE | B_CONT | B_ESC) == -1)
		return -1;
	s->plain = !sc.esc;
	return 0;
}

long
rpt_count_items(const char *p, size_t n)
{
	struct scan sc;

	/* Nothing is allocated when only counting. */
	scan_init(&sc, p, n, NULL, 0);
	item_at(&sc, 0, 0);
	scan(&sc, B_LEAD);
	return sc.it.count;
}

void
rpt_measure(const char *p, size_t n, int what, struct rpt_measures *m)
{
	struct scan sc;

	scan_init(&sc, p, n, NULL, what & RPT_M_NO_AVX2);
	/* A pass made for each, as split_sentences() has. */
	if (what & RPT_M_UNITS) {
		sentences_init(&sc, 0);
		item_at(&sc, 0, 0);
		scan(&sc, B_HAN | B_STOP | B_LEAD);
	} else
		scan(&sc, B_HAN);
	m->sents = sc.st.count;
	m->items = sc.it.count;
	m->han = sc.han;
}

long
rpt_split(struct rpt_splitter *s, const char *p, size_t n,
    const struct rpt_span **spans)
{
	return rpt_split_known(s, p, n, RPT_CHARS_UNKNOWN, spans);
}

long
rpt_split_known(struct rpt_splitter *s, const char *p, size_t n,
    size_t chars, const struct rpt_span **spans)
{
	int r;

	s->nspans = 0;
	s->plain = 0;
	switch (s->unit) {
	case RPT_U_SENTENCE:
		r = split_sentences(s, p, n, chars);
		break;
	case RPT_U_ITEM:
		r = split_items(s, p, n);
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

/*
 * Did the last rpt_split() see that its paragraph has no byte that TSV
 * escapes (\\ TAB LF CR), so that its units can be written as they are?
 * 0 when it does not know (RPT_SPLIT_NO_CHARS, RPT_U_PARA): the scan
 * that counts the units' characters looks for them on its way.
 */
int
rpt_split_plain(const struct rpt_splitter *s)
{
	return s->plain;
}
