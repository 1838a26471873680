/*
 * numbers.c - every quantity in a paragraph: value, range, unit, qualifier
 * and kind, and (for rpt-numbers -a) the numerals that are not quantities.
 *
 * A mention is found where a number starts: ASCII or full-width digits,
 * or Chinese numerals.  It is a quantity only when something follows that
 * it quantifies (a measure word, a unit, %, 年, 月...); a qualifier may
 * stand before it (约, 超过, 不少于) or after it (余, 多, 以上, 左右).  Values
 * are computed exactly on decimal digits (1.3万 is 13000, never
 * 12999.999...), and anything that would overflow is a code.
 *
 * rpt_numbers() goes from numeral to numeral (numeral()); at each, take()
 * tries the rules in order, and the first that applies says how much it
 * took and what it found (struct took): first the rules that read the
 * text before a number is read (rule_none ... rule_zero: set phrases,
 * names, words, vague amounts), then, on the number (number(): arabic(),
 * chinese(), multipliers()), those that classify it (rule_date ...
 * rule_quantity: dates, codes, markers, ordinals and names, ratios,
 * ranges and units).  A new rule is a function of that form, put in
 * take() where it must win over the rules after it; a new unit with a
 * kind of its own is a line of unit_words.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

/* Significant digits kept for a value; more is a code, not a quantity. */
#define DIGITS_MAX	20
/* Values of 10^24 or more are codes. */
#define EXP_MAX		24
/* Room for the inner_words and inner_names lists. */
#define INNER_MAX	40
#define INNER_HASH	64		/* a power of two */
/* Code points in the BMP. */
#define NBMP		0x10000
/* Bits of a set of characters (struct cset), a power of two. */
#define CSET_BITS	8192

#define NITEMS(a)	(sizeof(a) / sizeof((a)[0]))

/*
 * For the helpers that are only cheap inline: starts(), where the length
 * of its literal is a constant (gcc left a copy of it out of line, with a
 * call to strlen(), when a change elsewhere moved its inlining limits),
 * and char_before(), a call at nearly every numeral.
 */
#ifdef __GNUC__
#define INLINE	inline __attribute__((always_inline))
#else
#define INLINE	inline
#endif

/* A decimal number: the digits of d, times 10^exp. */
struct dec {
	char	d[DIGITS_MAX + 1];
	int	nd;
	int	exp;
};

/*
 * A set of characters to say at once that a character is in no word of a
 * list: a bit per code point modulo CSET_BITS, so that one may be said to
 * be in it that is not (the look-up after it tells), never the other way.
 * A kilobyte: the twenty sets take 20 KiB, not the 160 KiB of a bit per
 * BMP code point, which missed the L1 cache more (callgrind on 8 MB of
 * text: 1.00M misses, not 1.05M; with 512 bytes a set, the false
 * positives cost 56,000 more mispredicted branches).
 */
struct cset {
	uint64_t	 w[CSET_BITS / 64];
};

static inline int
bit(const struct cset *set, int32_t c)
{
	unsigned h = (unsigned)c & (CSET_BITS - 1);

	return (int)(set->w[h >> 6] >> (h & 63) & 1);
}

static inline void
set_bit(struct cset *set, int32_t c)
{
	unsigned h = (unsigned)c & (CSET_BITS - 1);

	set->w[h >> 6] |= (uint64_t)1 << (h & 63);
}

/*
 * A word list for the lookups made at every numeral and every unit, sorted
 * by key (the first two characters, or the one of a one-character word),
 * longest first within a key: a lookup finds its few candidates by binary
 * search instead of trying every word that starts with 一.
 */
struct wlist {
	const char	**w;
	size_t		 *len;
	size_t		 *klen;		/* bytes of the key */
	size_t		  n;
	/*
	 * The keys, hashed (open addressing, a power of two long): each
	 * says where its run of words in w starts and ends.  A binary search
	 * over w cost 300 instructions a look-up, a dozen of its branches
	 * mispredicted.
	 */
	struct wkey	 *keys;
	size_t		  kmask;
	/*
	 * The characters that a word starts with (first), has second
	 * (second), or is alone (alone).  Most lookups end there.
	 */
	struct cset	  first, second, alone;
};

/* A key of a wlist: its bytes as a number (key_pack()), and its words. */
struct wkey {
	uint64_t	 v;
	uint32_t	 k;		/* bytes of the key; 0: an empty slot */
	uint32_t	 at, end;	/* the words [at, end) of the list */
};

/* The word of rpt_numbers' start for a lead byte (E0-EF) and the next. */
#define START_WORD(lead, second)	(((unsigned)(lead) << 6) + \
	(unsigned)(second) - 0x3800U)

/*
 * A list for word_ends() (word_before() with its words' lengths, taken
 * once): the qualifiers before a number are looked for at every number
 * whose character before ends one, and strlen() of every word of their
 * lists cost more than the compares.
 */
#define ENDS_MAX	32
struct ends {
	const char *const *w;
	uint8_t		 len[ENDS_MAX];
};
/* Fails to compile when list has more words than ENDS_MAX. */
#define ENDS_FITS(list)	typedef char list##_fits[ \
	sizeof(list) / sizeof((list)[0]) - 1 <= ENDS_MAX ? 1 : -1]

struct rpt_numbers {
	struct rpt_quantity *q;
	size_t		 n, cap;
	size_t		 floor;		/* the end of what rules took */
	int		 all;		/* also the non-quantities */
	struct wlist	 names, words, counts, durations, units;
	/* inner_words, inner_names: where the first numeral is, the length. */
	const char	*inner[INNER_MAX];
	size_t		 inner_pre[INNER_MAX], inner_len[INNER_MAX], ninner;
	int		 inner_name[INNER_MAX];
	int32_t		 inner_before[INNER_MAX];	/* its character */
	/*
	 * The words by that character, modulo INNER_HASH: a chain each, in
	 * the lists' order, of indexes plus one (0 ends it).  A walk over
	 * all the words cost 800,000 instructions on 8 MB of text.
	 */
	uint8_t		 inner_head[INNER_HASH], inner_next[INNER_MAX];
	struct cset	 inner_prev;		/* the character before */
	/* The characters that end a qualifier before a number. */
	struct cset	 qual_end;
	/* Those qualifiers' lists (qual_before()) and qual_fill. */
	struct ends	 at_least, at_most, over, approx, not_qual, fill;
	/* The same for the words between a qualifier and it (qual_fill). */
	struct cset	 fill_end;
	/* The first characters of the qualifiers after a unit. */
	struct cset	 post_first;
	/* And of vague_words (一批), tried at every numeral. */
	struct cset	 vague_first;
	/*
	 * A bit per 3-byte character that can start a number (see numeral()),
	 * 64 to a word: the word is indexed by the first two bytes as they
	 * are, (lead << 6) + second - 0x3800 (START_WORD()), the bit by the
	 * third byte's payload.  Only second bytes 80-BF (valid UTF-8) index
	 * bits; the table goes on to EF followed by FF, so that any byte
	 * after a lead stays inside it without a mask.
	 */
	uint64_t	 start[(0x0f << 6) + 0x100];
	/*
	 * The same characters and the ASCII digits as nibble tables for a
	 * vector scan (next_avx2()): a position may start a number when a
	 * bit is set in all six of its bytes' nibbles' entries, in order
	 * byte 0 low, high, byte 1 low, high, byte 2 low, high.  vec says
	 * whether the scan is used: the machine has AVX2 and the tables
	 * take every character of start (numbers_vec_init()).
	 */
	uint8_t		 nib[6][16];
	int		 vec;
};

static const char *const kind_names[] = {
	[RPT_Q_COUNT] = "count", [RPT_Q_PERCENT] = "percent",
	[RPT_Q_POINTS] = "points", [RPT_Q_MONEY] = "money",
	[RPT_Q_YEAR] = "year", [RPT_Q_DATE] = "date",
	[RPT_Q_DURATION] = "duration", [RPT_Q_RATIO] = "ratio",
	[RPT_Q_MULTIPLE] = "multiple", [RPT_Q_MARKER] = "marker",
	[RPT_Q_ORDINAL] = "ordinal", [RPT_Q_NAME] = "name",
	[RPT_Q_CODE] = "code", [RPT_Q_VAGUE] = "vague",
};

static const char *const qual_names[] = {
	[RPT_QUAL_EXACT] = "exact", [RPT_QUAL_OVER] = "over",
	[RPT_QUAL_AT_LEAST] = "at_least", [RPT_QUAL_AT_MOST] = "at_most",
	[RPT_QUAL_APPROX] = "approx", [RPT_QUAL_RANGE] = "range",
};

const char *
rpt_qkind_name(enum rpt_qkind k)
{
	return kind_names[k];
}

const char *
rpt_qual_name(enum rpt_qual q)
{
	return qual_names[q];
}

int
rpt_qkind_parse(const char *name, size_t n, enum rpt_qkind *k)
{
	size_t i;

	for (i = 0; i < sizeof(kind_names) / sizeof(kind_names[0]); i++)
		if (strlen(kind_names[i]) == n && memcmp(kind_names[i], name, n) == 0) {
			*k = (enum rpt_qkind)i;
			return 0;
		}
	return -1;
}


/* ---------------------------------------------------------------- text */

/*
 * Does s start at p?  The rules ask this after every number, and almost
 * always the answer is no at once (s is mostly a literal, its length
 * known).  The second byte is compared first: in Chinese text it tells
 * more than the lead byte (E4 to E9 for most characters), so the test
 * seldom goes on and its branch seldom mispredicts.
 */
static INLINE int
starts(const char *p, size_t n, const char *s)
{
	size_t k = strlen(s);

	if (n < k)
		return 0;
	if (k < 2)
		return k == 0 || p[0] == s[0];
	return p[1] == s[1] && p[0] == s[0] &&
	    (k == 2 || memcmp(p + 2, s + 2, k - 2) == 0);
}

/*
 * Does one of words start at p?  Returns its length, 0 if none.  The
 * first two bytes are compared before anything else: this runs at every
 * numeral of the text against long lists.  Inline: each call has a list
 * of its own, and its own branches predict better than one shared loop.
 */
static inline size_t
word_at(const char *p, size_t n, const char *const *words)
{
	const char *w;
	size_t k;
	uint16_t p2, w2;

	if (n == 0)
		return 0;
	if (n == 1)
		p2 = (unsigned char)p[0];
	else
		memcpy(&p2, p, 2);
	for (; (w = *words) != NULL; words++) {
		/*
		 * The first two bytes with one compare (a word's second is at
		 * worst its NUL): a branch a byte mispredicted on the lead
		 * bytes that most Chinese characters share.  A word of one
		 * byte, whose NUL p need not have, is compared alone; a longer
		 * one's third byte before memcmp().
		 */
		memcpy(&w2, w, 2);
		if ((w2 != p2 && (w[1] != '\0' || w[0] != p[0])) ||
		    (w[1] != '\0' && w[2] != '\0' && (n < 3 || w[2] != p[2])))
			continue;
		if ((k = strlen(w)) <= n && memcmp(p, w, k) == 0)
			return k;
	}
	return 0;
}

/*
 * Does one of words end at p + n (p being the text before)?  Its length.
 * The last bytes are compared first, without a call: they differ for
 * nearly every word (the qualifiers before every number are looked for
 * so), and memcmp() is left the rest of the few that match.
 */
static size_t
word_before(const char *p, size_t n, const char *const *words)
{
	const char *w;
	size_t k;

	for (; (w = *words) != NULL; words++)
		if ((k = strlen(w)) <= n && p[n - 1] == w[k - 1] &&
		    (k < 2 || (p[n - 2] == w[k - 2] &&
		    memcmp(p + n - k, w, k - 2) == 0)))
			return k;
	return 0;
}

/* word_before() with the lengths of e's words known. */
static size_t
word_ends(const char *p, size_t n, const struct ends *e)
{
	const char *w;
	size_t i, k;

	for (i = 0; (w = e->w[i]) != NULL; i++)
		if ((k = e->len[i]) <= n && p[n - 1] == w[k - 1] &&
		    (k < 2 || (p[n - 2] == w[k - 2] &&
		    memcmp(p + n - k, w, k - 2) == 0)))
			return k;
	return 0;
}

/* Make e for list, which ENDS_FITS(). */
static void
ends_make(struct ends *e, const char *const *list)
{
	size_t i;

	e->w = list;
	for (i = 0; list[i] != NULL; i++)
		e->len[i] = (uint8_t)strlen(list[i]);
}

/*
 * rpt_utf8_decode() (n > 0) with an ASCII byte and a 3-byte character, all
 * but a few of a report's, tested first: it tests the byte against 0x80,
 * then against 0xe0 and 0xf0 and the length left at every call, and the
 * rules decode at nearly every numeral.
 */
static inline size_t
decode(const char *p, size_t n, int32_t *c)
{
	const unsigned char *s = (const unsigned char *)p;

	if (s[0] < 0x80) {
		*c = s[0];
		return 1;
	}
	if (s[0] - 0xe0U < 0x10U && n >= 3) {
		*c = (int32_t)((s[0] & 0x0fU) << 12 | (s[1] & 0x3fU) << 6 |
		    (s[2] & 0x3fU));
		return 3;
	}
	return rpt_utf8_decode(p, n, c);
}

static inline int32_t
char_at(const char *p, size_t n, size_t *len)
{
	int32_t c = 0;

	*len = n > 0 ? decode(p, n, &c) : 0;
	return c;
}

/*
 * The character before i > 0 and its length, as rpt_utf8_prev() gives them
 * for valid UTF-8: an ASCII byte or a 3-byte character (nearly all of a
 * report) without its loop over the continuation bytes.  A lead byte
 * E0-EF three back from i can only lead the character that ends at i.
 * The rules ask at nearly every numeral, on text of both kinds, where the
 * loop's end mispredicted.
 */
static INLINE size_t
char_before(const char *p, size_t i, int32_t *ch)
{
	const unsigned char *s = (const unsigned char *)p;

	if (s[i - 1] < 0x80) {
		*ch = s[i - 1];
		return 1;
	}
	if (i >= 3 && s[i - 3] - 0xe0U < 0x10U) {
		*ch = (int32_t)((s[i - 3] & 0x0fU) << 12 |
		    (s[i - 2] & 0x3fU) << 6 | (s[i - 1] & 0x3fU));
		return 3;
	}
	return rpt_utf8_prev(p, i, ch);
}

/* Skip white space (but never a line's worth: at most 2 characters). */
static inline size_t
skip_blank(const char *p, size_t n, size_t i)
{
	size_t k, j = 0;
	int32_t c;

	/*
	 * Asked after every number and unit, where there is mostly none:
	 * the first byte says so (rpt_space_lead) without decoding.
	 */
	if (i >= n || !rpt_space_lead[(unsigned char)p[i]])
		return i;

	while (i < n && j < 2) {
		c = char_at(p + i, n - i, &k);
		if (!rpt_is_space(c))
			break;
		i += k;
		j++;
	}
	return i;
}

/*
 * rpt_is_han(), the main block (U+4E00-9FFF, nearly every ideograph of a
 * report) tested inline: the rules ask of the characters around every
 * numeral, and the call cost more than the test.
 */
static inline int
is_han(int32_t c)
{
	return (uint32_t)(c - RPT_CH_HAN_FIRST) <=
	    RPT_CH_HAN_LAST - RPT_CH_HAN_FIRST || rpt_is_han(c);
}

static int
is_ascii_digit(int32_t c)
{
	return c >= '0' && c <= '9';
}

static int
isalnum_ascii(int32_t c)
{
	return is_ascii_digit(c) || (c >= 'A' && c <= 'Z') ||
	    (c >= 'a' && c <= 'z');
}

/* The value of an ASCII or full-width digit, or -1. */
static int
digit_value(int32_t c)
{
	uint32_t f = rpt_char_class(c);

	return f & RPT_C_DIGIT ? RPT_C_VALUE(f) : -1;
}

/*
 * The Chinese digits are rpt_cn_digit()'s (inline in rpt.h).  The
 * financial forms (壹 贰 叁 肆 伍 陆...) are left out: 队伍, 陆续 and 肆意
 * are words, and reports do not write amounts that way.
 */

/* The Chinese units, which cn_unit() knows. */
static const int32_t cn_units[] = {
	RPT_CH_TEN, RPT_CH_HUNDRED, RPT_CH_THOUSAND, RPT_CH_WAN,
	RPT_CH_WAN_TRAD, RPT_CH_YI, RPT_CH_YI_TRAD
};

/*
 * The units by a hash of the code point: the multiplier puts the seven in
 * seven slots of sixteen (two in one slot would be an -Woverride-init
 * warning); an empty slot holds 0, which is no unit.
 */
#define CN_SLOT(c)	((uint32_t)(c) * 0xcd613e31U >> 28)

static const struct {
	int32_t		 c;
	int		 power;
} cn_unit_slots[16] = {
	[CN_SLOT(RPT_CH_TEN)] = { RPT_CH_TEN, 1 },
	[CN_SLOT(RPT_CH_HUNDRED)] = { RPT_CH_HUNDRED, 2 },
	[CN_SLOT(RPT_CH_THOUSAND)] = { RPT_CH_THOUSAND, 3 },
	[CN_SLOT(RPT_CH_WAN)] = { RPT_CH_WAN, 4 },
	[CN_SLOT(RPT_CH_WAN_TRAD)] = { RPT_CH_WAN_TRAD, 4 },
	[CN_SLOT(RPT_CH_YI)] = { RPT_CH_YI, 8 },
	[CN_SLOT(RPT_CH_YI_TRAD)] = { RPT_CH_YI_TRAD, 8 },
};

/*
 * The power of ten of a Chinese unit (十 百 千 万 亿), or 0: one look-up,
 * where a switch's compares mispredicted on the characters of numerals.
 */
static inline int
cn_unit(int32_t c)
{
	unsigned h = CN_SLOT(c);

	return cn_unit_slots[h].c == c ? cn_unit_slots[h].power : 0;
}

/* ---------------------------------------------------------------- decimals */

static void
dec_zero(struct dec *v)
{
	v->nd = 0;
	v->exp = 0;
	v->d[0] = '\0';
}

/* Append a digit; -1 when there are too many. */
static int
dec_digit(struct dec *v, int digit)
{
	if (v->nd == 0 && digit == 0)
		return 0;		/* no leading zeros */
	if (v->nd >= DIGITS_MAX)
		return -1;
	v->d[v->nd++] = (char)('0' + digit);
	v->d[v->nd] = '\0';
	return 0;
}

/*
 * The integer a Chinese numeral is summed in: 128 bits where the compiler
 * has them (10^24 fits), else 64 (then values past 2^64 are codes).
 */
#ifdef __SIZEOF_INT128__
typedef unsigned __int128 cnum;
#else
typedef uint64_t cnum;
#endif

/*
 * The digit d of a value read from its last: a trailing zero (before any
 * other digit is in tmp) goes to v's exponent, the rest into tmp[*n].
 */
static inline void
last_digit(struct dec *v, char *tmp, int *n, int d)
{
	if (*n == 0 && d == 0)
		v->exp++;
	else
		tmp[(*n)++] = (char)('0' + d);
}

/* v = u, trailing zeros as the exponent; -1 if too many digits remain. */
static int
dec_from_cnum(struct dec *v, cnum u)
{
	char tmp[48];
	uint64_t w;
	int n = 0, i;

	dec_zero(v);
#ifdef __SIZEOF_INT128__
	/*
	 * 128-bit divisions by ten, several multiplies each, only while the
	 * value needs them: nearly every numeral's fits 64 bits.
	 */
	for (; u >> 64 != 0; u /= 10)
		last_digit(v, tmp, &n, (int)(u % 10));
#endif
	for (w = (uint64_t)u; w > 0; w /= 10)
		last_digit(v, tmp, &n, (int)(w % 10));
	if (n > DIGITS_MAX)
		return -1;
	for (i = 0; i < n; i++)
		v->d[i] = tmp[n - 1 - i];
	v->nd = n;
	v->d[n] = '\0';
	return 0;
}

/* log10 of the value, roughly: the position of the leading digit. */
static int
dec_magnitude(const struct dec *v)
{
	return v->nd + v->exp;
}

/* Write v in plain decimal, no exponent, no trailing zeros after the point. */
static void
dec_format(const struct dec *v, char *out, size_t size)
{
	int nd = v->nd, exp = v->exp, i, k = 0, point;

	if (nd == 0) {
		snprintf(out, size, "0");
		return;
	}
	/*
	 * A whole number (exp >= 0, nearly every value) is its digits and
	 * exp zeros: written with copies of constant length, which need
	 * neither calls nor loops whose ends mispredict, when out has room
	 * for them (nd <= DIGITS_MAX; the zeros as far as DIGITS_MAX + 24).
	 */
	if (exp >= 0 && exp <= 24 && size >= DIGITS_MAX + 24 &&
	    (size_t)(nd + exp) < size) {
		memcpy(out, v->d, DIGITS_MAX);
		memset(out + nd, '0', 24);
		out[nd + exp] = '\0';
		return;
	}
	/* Drop trailing zero digits into the exponent. */
	while (nd > 1 && v->d[nd - 1] == '0') {
		nd--;
		exp++;
	}
	point = nd + exp;		/* digits before the point */
	if (point <= 0) {
		k += snprintf(out + k, size - (size_t)k, "0.");
		for (i = 0; i < -point && (size_t)k + 1 < size; i++)
			out[k++] = '0';
		for (i = 0; i < nd && (size_t)k + 1 < size; i++)
			out[k++] = v->d[i];
	} else {
		for (i = 0; i < point && (size_t)k + 1 < size; i++)
			out[k++] = i < nd ? v->d[i] : '0';
		if (point < nd && (size_t)k + 1 < size) {
			out[k++] = '.';
			for (i = point; i < nd && (size_t)k + 1 < size; i++)
				out[k++] = v->d[i];
		}
	}
	out[k] = '\0';
}

/* ---------------------------------------------------------------- numbers */

/*
 * Arabic digits at p + *i: 1234, 1,234 (ASCII commas between groups of
 * three), 1.3, full-width ２０２３, and single spaces between digits as in
 * old typeset text.  Returns 1 and the value, 0 when there is no number,
 * -1 when it is too long to be a quantity (then *i is past it).
 */
static int
arabic(const char *p, size_t n, size_t *i, struct dec *v, int *digits,
    int *has_point)
{
	size_t j = *i, k, kk;
	int32_t c;
	int d, point = 0, frac = 0, over = 0;

	dec_zero(v);
	*digits = 0;
	*has_point = 0;
	while (j < n) {
		/* An ASCII digit, most of them, without decoding. */
		if ((unsigned char)p[j] - (unsigned)'0' < 10U) {
			c = p[j];
			k = 1;
			d = c - '0';
		} else {
			c = char_at(p + j, n - j, &k);
			d = digit_value(c);
		}
		if (d >= 0) {
			if (dec_digit(v, d) == -1)
				over = 1;
			if (point)
				frac++;
			(*digits)++;
			j += k;
			continue;
		}
		/*
		 * 1.3 and 1,234: a separator between digits.  (The character
		 * after it decoded only then: most numbers end at a unit.)
		 */
		if ((rpt_char_class(c) & RPT_C_DOT) && !point && *digits > 0 &&
		    digit_value(char_at(p + j + k, n - j - k, &kk)) >= 0) {
			point = 1;
			*has_point = 1;
			j += k;
			continue;
		}
		if (c == ',' && !point && *digits > 0 &&
		    digit_value(char_at(p + j + k, n - j - k, &kk)) >= 0 &&
		    j + k + 3 <= n && is_ascii_digit(p[j + k + 1]) &&
		    is_ascii_digit(p[j + k + 2]) &&
		    (j + k + 3 == n || !is_ascii_digit(p[j + k + 3]))) {
			j += k;
			continue;
		}
		/*
		 * 7 4 7 7 2: single spaces between single digits, in old
		 * typeset text (not 3.15 2023, two numbers).
		 */
		if (c == ' ' && *digits > 0 && is_ascii_digit(p[j - 1]) &&
		    (j - 1 == *i || p[j - 2] == ' ') && !point &&
		    j + 1 < n && is_ascii_digit(p[j + 1]) &&
		    (j + 2 == n || !is_ascii_digit(p[j + 2]))) {
			j += k;
			continue;
		}
		break;
	}
	if (*digits == 0)
		return 0;
	*i = j;
	if (over || *digits > DIGITS_MAX)
		return -1;
	if (v->nd == 0)
		v->exp = 0;
	else
		v->exp = -frac;
	return 1;
}

/* The end of the run of Chinese digits, units and 点 at p + j. */
static size_t
chinese_end(const char *p, size_t n, size_t j)
{
	size_t k;
	int32_t c;

	while (j < n) {
		c = char_at(p + j, n - j, &k);
		if (rpt_cn_digit(c) < 0 && cn_unit(c) == 0 && c != RPT_CH_DIAN)
			break;
		j += k;
	}
	return j;
}

/* Units that begin with 千, which is then no digit: 三万千瓦. */
static const char *const thousand_units[] = {
	"千瓦", "千米", "千克", "千伏", NULL
};

/* A Chinese numeral being read, left to right. */
struct cnread {
	cnum		 total;	/* what the 万 and 亿 closed */
	cnum		 section;	/* what 十 百 千 closed since */
	cnum		 num;	/* the digits since the last unit */
	int		 any;	/* a digit or unit was read */
	int		 last_unit;	/* the last character was a unit */
	int		 tail_unit;	/* the power of the last unit */
	int		 run;	/* digits in a row */
	int		 only_digits;	/* no unit at all: 二〇二三 */
	int		 point;	/* after 点 */
	struct dec	 frac;	/* the digits after 点 */
};

/* A Chinese digit d; -1 on overflow. */
static int
cn_read_digit(struct cnread *r, int d)
{
	if (r->point) {
		if (dec_digit(&r->frac, d) == -1)
			return -1;
		r->frac.exp--;
	} else {
		/* 二〇二三: digit by digit, as many as Arabic. */
		if (r->run > 0 && !r->last_unit) {
			if (r->run >= DIGITS_MAX ||
			    __builtin_mul_overflow(r->num, 10U, &r->num) ||
			    __builtin_add_overflow(r->num, (cnum)d, &r->num))
				return -1;
		} else
			r->num = (cnum)d;
		r->run++;
		r->last_unit = 0;
	}
	r->any = 1;
	return 0;
}

/* A unit of power u (十 百 千 万 亿); -1 on overflow. */
static int
cn_read_unit(struct cnread *r, int u)
{
	static const unsigned pow10[] = { 1, 10, 100, 1000 };

	r->only_digits = 0;
	if (u >= 4) {
		/* 亿元: a leading 万 or 亿 is one of it. */
		if (r->section == 0 && r->num == 0 && !r->any)
			r->num = 1;
		if (__builtin_add_overflow(r->section, r->num, &r->section))
			return -1;
		if (u == 8) {
			if (__builtin_add_overflow(r->total, r->section,
			    &r->total) || __builtin_mul_overflow(r->total,
			    100000000ULL, &r->total))
				return -1;
		} else if (__builtin_mul_overflow(r->section, 10000ULL,
		    &r->section) || __builtin_add_overflow(r->total,
		    r->section, &r->total))
			return -1;
		r->section = 0;
	} else {
		if (r->num == 0)
			r->num = 1;	/* 十 is 10 */
		if (__builtin_mul_overflow(r->num, pow10[u], &r->num) ||
		    __builtin_add_overflow(r->section, r->num, &r->section))
			return -1;
	}
	r->num = 0;
	r->run = 0;
	r->last_unit = r->tail_unit = u;
	r->any = 1;
	return 0;
}

/* The value of what r read, into v; -1 on overflow. */
static int
cn_read_value(struct cnread *r, struct dec *v)
{
	int e, m;

	/* 三万五, 三千五: a lone digit after a unit is one order below it. */
	if (r->num > 0 && r->tail_unit >= 2 && r->run == 1 && !r->point)
		for (e = 1; e < r->tail_unit; e++)
			r->num *= 10;	/* num < 10, tail_unit <= 8 */
	if (__builtin_add_overflow(r->total, r->section, &r->total) ||
	    __builtin_add_overflow(r->total, r->num, &r->total))
		return -1;
	if (dec_from_cnum(v, r->total) == -1)
		return -1;
	if (r->point && r->frac.nd > 0) {
		/* Append the fraction digits (十点五: 10 with its zero). */
		for (; v->exp > 0; v->exp--)
			if (dec_digit(v, 0) == -1)
				return -1;
		/* 一点零一: the zeros right after 点, which frac left out. */
		for (m = r->frac.nd; m < -r->frac.exp; m++)
			if (dec_digit(v, 0) == -1)
				return -1;
		for (m = 0; m < r->frac.nd; m++)
			if (dec_digit(v, r->frac.d[m] - '0') == -1)
				return -1;
		v->exp = r->frac.exp;
	}
	return 0;
}

/*
 * Chinese numerals at p + *i: 三, 十二, 一万二千三百, 三万五, 两千零五,
 * 二〇二三 (digit by digit), 三点五.  Returns 1 and the value, 0 if none,
 * -1 on overflow (then *i is past the whole run).
 */
static int
chinese(const char *p, size_t n, size_t *i, struct dec *v, int *chars,
    int *digitwise)
{
	struct cnread r;
	size_t j = *i, k, kk;
	int32_t c;
	int d, u;

	/*
	 * Field by field: a memset() of the struct is a rep stos, whose
	 * start-up costs more than the stores, at every Chinese numeral.
	 */
	r.total = r.section = r.num = 0;
	r.any = r.last_unit = r.tail_unit = r.run = r.point = 0;
	dec_zero(&r.frac);
	r.only_digits = 1;
	*chars = 0;
	*digitwise = 0;
	while (j < n) {
		c = char_at(p + j, n - j, &k);
		if ((d = rpt_cn_digit(c)) >= 0) {
			if (cn_read_digit(&r, d) == -1)
				goto over;
		} else if (!r.point && r.any && cn_unit(c) > 0 &&
		    word_at(p + j, n - j, thousand_units) > 0)
			break;		/* 三万千瓦: 千 begins the unit. */
		else if (!r.point && (u = cn_unit(c)) > 0) {
			if (cn_read_unit(&r, u) == -1)
				goto over;
		} else if (!r.point && r.any && c == RPT_CH_DIAN && j + k < n &&
		    rpt_cn_digit(char_at(p + j + k, n - j - k, &kk)) >= 0)
			r.point = 1;	/* 三点五 */
		else
			break;
		(*chars)++;
		j += k;
	}
	if (!r.any)
		return 0;
	if (cn_read_value(&r, v) == -1)
		goto over;
	*i = j;
	*digitwise = r.only_digits && r.run > 1;
	return 1;
over:
	*i = chinese_end(p, n, j);
	return -1;
}

/* ---------------------------------------------------------------- words */

static const char *const pre_over[] = {
	"超过", "突破", "逾", "高于", "多于", "超", "破", NULL
};
static const char *const pre_at_least[] = {
	"不少于", "至少", "不低于", NULL
};
static const char *const pre_at_most[] = {
	"不超过", "不足", "不到", "至多", "不高于", "低于", NULL
};
static const char *const pre_approx[] = {
	"大约", "将近", "约", "近", NULL
};
/* Words that end with 破, 超, 约 or 近 but say nothing of the number. */
static const char *const qual_not[] = {
	"打破", "侦破", "攻破", "识破", "爆破", "看破", "点破", "赶超",
	"签约", "节约", "制约", "预约", "履约", "合约", "公约", "特约", "违约",
	"邀约", "集约", "条约", "契约", "赴约", "隐约", "婚约", "相约", "最近",
	"附近", "邻近", NULL
};
static const char *const post_over[] = { "余", "多", "餘", NULL };
static const char *const post_at_least[] = { "以上", "以来", NULL };
static const char *const post_at_most[] = { "以下", "以内", NULL };
static const char *const post_approx[] = { "左右", "上下", NULL };
/* Said between a qualifier and its number: 至少有10次, 超过了5%. */
static const char *const qual_fill[] = { "了", "有", "为", NULL };
ENDS_FITS(pre_over);
ENDS_FITS(pre_at_least);
ENDS_FITS(pre_at_most);
ENDS_FITS(pre_approx);
ENDS_FITS(qual_not);
ENDS_FITS(qual_fill);
/* "Inclusive", between a number and 以上 or 以下: 50万元（含）以上. */
static const char *const incl_words[] = { "（含）", "(含)", NULL };

/*
 * The units that are a kind of their own, as (word, kind, unit, qualifier):
 * the unit is how the column writes it.  They are tried before 年, the
 * durations and the measure words, and no word here begins another's text
 * that is tried after it (个多月 before the measure word 个).
 */
static const struct unit_word {
	const char	*w;
	size_t		 len;
	enum rpt_qkind	 kind;
	const char	*unit;
	size_t		 unit_len;
	enum rpt_qual	 qual;
} unit_words[] = {
#define UW(w, kind, unit, qual) \
	{ w, sizeof(w) - 1, RPT_Q_ ## kind, unit, sizeof(unit) - 1, \
	    RPT_QUAL_ ## qual }
	UW("%",		PERCENT,	"%",		EXACT),
	UW("％",	PERCENT,	"%",		EXACT),
	UW("个百分点",	POINTS,		"百分点",	EXACT),
	UW("百分点",	POINTS,		"百分点",	EXACT),
	UW("番",	MULTIPLE,	"番",		EXACT),	/* 翻一番 */
	UW("倍",	MULTIPLE,	"倍",		EXACT),
	UW("元",	MONEY,		"元",		EXACT),
	/* Other currencies keep their name: 49亿美元. */
	UW("美元",	MONEY,		"美元",		EXACT),
	UW("港元",	MONEY,		"港元",		EXACT),
	UW("欧元",	MONEY,		"欧元",		EXACT),
	UW("英镑",	MONEY,		"英镑",		EXACT),
	/* 5万人民币: the currency's name is its unit, 元 (not 5万人). */
	UW("人民币",	MONEY,		"元",		EXACT),
	/* 3个多月, 2个多小时: 多 inside the unit. */
	UW("个多月",	DURATION,	"个月",		OVER),
	UW("个多小时",	DURATION,	"小时",		OVER),
#undef UW
};

/* Measure words and units of counts, longest first where one ends another. */
static const char *const count_units[] = {
	"人次", "场次", "家次", "件次", "批次", "户次", "条次",
	"平方公里", "平方米", "立方米", "公顷", "千瓦时", "千瓦", "公里", "千米",
	"亩", "吨", "米", "千克", "公斤", "斤", "周年", "周岁", "岁",
	"件", "次", "场", "名", "人", "份", "个", "起", "项", "台", "期", "家",
	"本", "条", "户", "所", "座", "间", "套", "辆", "支", "批", "类", "种",
	"篇", "部", "册", "张", "幅", "块", "处", "家", "位", "宗", "例", "株",
	"棵", "只", "头", "趟", "轮", "门", "栋", "首", "集", "段", "组", "支",
	"班", "届", "课时", "学时", "层", "片", "床", "辆次", "户", "元", "对",
	"列", "款", "标箱", "大类", "盏", "兆瓦时", "兆瓦", "吉瓦", "千伏", "度",
	"微克每立方米", "微克/立方米", "毫克每升", "毫克/升", NULL
};

/*
 * Dashes and words of a range: 1-2名, 三至五次, 5%—8%; the en dash, the
 * minus sign and a doubled hyphen (20–30人, 1万元--5万元) too.
 */
static const char *const range_marks[] = {
	"——", "—", "－", "--", "-", "–", "−", "～", "~", "至", "到", NULL
};

/*
 * Can a range mark start at p + j?  Its first character says (- ~ — – −
 * － ～ 至 到): this is asked after every number and every unit.  The
 * whole character is compared, as one key, the compares ORed without a
 * branch: a test of the first two bytes let through every fullwidth
 * punctuation mark (EF BC), 分 and 则 (E5 88) and “ ” … (E2 80), and the
 * branch to word_at() mispredicted on them.
 */
static inline int
range_lead(const char *p, size_t n, size_t j)
{
	const unsigned char *b = (const unsigned char *)p + j;
	uint32_t c, k;

	if (j >= n)
		return 0;
	c = b[0];
	/* Short of three bytes, k is c, which equals no 3-byte key. */
	k = n - j >= 3 ? c << 16 | (uint32_t)b[1] << 8 | b[2] : c;
	return (c == '-') | (c == '~') |
	    (k == 0xe28094) | (k == 0xe28093) | (k == 0xe28892) |	/* — – − */
	    (k == 0xefbc8d) | (k == 0xefbd9e) |			/* － ～ */
	    (k == 0xe887b3) | (k == 0xe588b0);			/* 至 到 */
}

/* The range mark at p + j, its length; 0 if none. */
static inline size_t
range_mark(const char *p, size_t n, size_t j)
{
	return range_lead(p, n, j) ? word_at(p + j, n - j, range_marks) : 0;
}

/* After 年 a duration, when the number is small: 3年, 两年. */
static const char *const duration_units[] = {
	"个工作日", "个小时", "个月", "小时", "分钟", "个星期", "星期", "周",
	"天", "日", "年", NULL
};

/* The set phrases with numerals that are names, not quantities. */
static const char *const names[] = {
	"三会一课", "三项制度", "一站式", "一把手", "一村一法律顾问",
	"一村（社区）一法律顾问", "一村(社区)一法律顾问", "两个确立",
	"两个维护", "一庭两所", "一庭三所", "三长", "一带一路", "五位一体",
	"四个全面", "四个意识", "四个自信", "两个大局", "三农", "两新",
	"两重", "一网通办", "一网统管", "一件事", "一次办", "一窗受理",
	"一门式", "一条龙", "一盘棋", "一张网", "一体化", "一揽子", "一线",
	"两不愁三保障", "两学一做", "三严三实", "三个代表", "四风",
	"八项规定", "五险一金", "一岗双责", "一票否决", "一事一议",
	"一案双查", "一法一条例", "一书一码", "一户一档", "一村一档",
	"一人一档", "一企一策", "一事一策", "一点一策", "十件民生实事",
	"一条街", "六个坚持", "六个做到", NULL
};

/* Words that only look numeric. */
static const char *const words[] = {
	"一定", "一些", "一系列", "一切", "一直",
	"一起", "一致", "一道", "一同", "一并", "一律", "一贯", "一般", "一方面",
	"一流", "一体", "一再", "一向", "一旦", "一举", "一心",
	"万一", "一年来", "一时", "一度", "一手", "四川", "三角洲",
	"十分", "万分", "百姓", "千方百计", "万众一心",
	"一马当先", "千家万户", "千头万绪", "一以贯之", "一张蓝图", "一年一度", "三令五申",
	"七上八下", "一五一十", "十全十美", "四面八方", "五湖四海", "九牛一毛",
	"百花齐放", "一目了然", "一针见血", "一鼓作气", "万无一失", "一帆风顺",
	"一清二楚", "三番五次", "一一", "一对一",
	"两岸", "两会", "两委", "两级", "两头", "两手", "两面", "三方", "一方",
	"一边", "一点", "一下", "一样", "一部分", "一次性", "一带", "一把",
	"一路", "一遍", "一轮", "一环", "一角", "一步", "一季度", "二季度",
	"三季度", "四季度", "两位数", "三位数", "四位数", "五位数", "零件",
	"零部件", "零头", "一成不变", "三五成群", NULL
};

/*
 * Words with a numeral inside, not first: 统一部署 is no 一部.  They are
 * looked up at their first numeral, the text before it compared then.
 */
static const char *const inner_words[] = {
	"统一", "进一步", "之一", "唯一", "单一", "同一", "不一", "专一", "划一",
	"如一", "合一", "归一", "接二连三", "不二", "独一无二", "长三角",
	"珠三角", "周一", "周二", "周三", "周四", "周五", "周六", "星期一",
	"星期二", "星期三", "星期四", "星期五", "星期六", NULL
};

/* Set phrases whose numeral is not first: names, like those of names[]. */
static const char *const inner_names[] = {
	"最后一公里", "第一道防线", "双随机、一公开", "双随机一公开",
	"最多跑一次", "普法一条街", NULL
};

/* Amounts that name no number: 一批 (a batch of). */
static const char *const vague_words[] = { "一批", "一大批", NULL };

/* What follows 零 when it is no zero count. */
static const char *const zero_not[] = {
	"星", "散", "售", "件", "部件", "碎", "距离", "钱", "花", "工", "时",
	"点", "下", "容忍", "基础", "起点", "碳", NULL
};

/* Length of the UTF-8 character starting with byte b. */
static size_t
char_len(unsigned char b)
{
	return b < 0x80 ? 1 : b < 0xe0 ? 2 : b < 0xf0 ? 3 : 4;
}

/* The key of w: its first two characters, or one if it has one. */
static size_t
key_len(const char *w, size_t len)
{
	size_t k = char_len((unsigned char)w[0]);

	if (k < len)
		k += char_len((unsigned char)w[k]);
	return k < len ? k : len;
}

/* memcmp() for the few bytes of a key, without a call. */
static inline int
bytecmp(const char *a, const char *b, size_t k)
{
	size_t i;

	for (i = 0; i < k; i++)
		if (a[i] != b[i])
			return (unsigned char)a[i] < (unsigned char)b[i] ? -1 : 1;
	return 0;
}

/* Keys in byte order, a shorter key first when one begins the other. */
static int
keycmp(const char *a, size_t ka, const char *b, size_t kb)
{
	int c = bytecmp(a, b, ka < kb ? ka : kb);

	return c != 0 ? c : ka < kb ? -1 : ka > kb;
}

/* Order: key, then longer words first. */
static int
wcmp(const void *a, const void *b)
{
	const char *x = *(const char *const *)a, *y = *(const char *const *)b;
	size_t lx = strlen(x), ly = strlen(y);
	int c = keycmp(x, key_len(x, lx), y, key_len(y, ly));

	return c != 0 ? c : lx > ly ? -1 : lx < ly;
}

/* The k bytes at p (a key: two characters, at most 8 bytes) as a number. */
static inline uint64_t
key_pack(const char *p, size_t k)
{
	const unsigned char *s = (const unsigned char *)p;
	uint64_t v = 0;
	size_t i;

	/* Two ideographs, the key of most words, without the loop. */
	if (k == 6)
		return (uint64_t)s[0] << 40 | (uint64_t)s[1] << 32 |
		    (uint64_t)s[2] << 24 | (uint64_t)s[3] << 16 |
		    (uint64_t)s[4] << 8 | s[5];
	for (i = 0; i < k; i++)
		v = v << 8 | s[i];
	return v;
}

/* The slot where the search for a key starts. */
static inline size_t
key_slot(const struct wlist *l, uint64_t v, size_t k)
{
	return (size_t)(((v + k) * 0x9e3779b97f4a7c15ULL) >> 40) & l->kmask;
}

/* Hash the runs of words with one key; -1 on allocation failure. */
static int
wlist_hash(struct wlist *l)
{
	size_t i, j, h, runs = 0, size = 8;

	for (i = 0; i < l->n; i++)
		if (i == 0 || keycmp(l->w[i - 1], l->klen[i - 1], l->w[i],
		    l->klen[i]) != 0)
			runs++;
	while (size < 2 * runs)
		size *= 2;
	if ((l->keys = calloc(size, sizeof(*l->keys))) == NULL)
		return -1;
	l->kmask = size - 1;
	for (i = 0; i < l->n; i = j) {
		for (j = i + 1; j < l->n && keycmp(l->w[i], l->klen[i],
		    l->w[j], l->klen[j]) == 0; j++)
			;
		h = key_slot(l, key_pack(l->w[i], l->klen[i]), l->klen[i]);
		while (l->keys[h].k != 0)
			h = (h + 1) & l->kmask;
		l->keys[h].v = key_pack(l->w[i], l->klen[i]);
		l->keys[h].k = (uint32_t)l->klen[i];
		l->keys[h].at = (uint32_t)i;
		l->keys[h].end = (uint32_t)j;
	}
	return 0;
}

static int
wlist_make(struct wlist *l, const char *const *list)
{
	size_t i;

	for (l->n = 0; list[l->n] != NULL; l->n++)
		;
	if ((l->w = malloc(l->n * sizeof(*l->w))) == NULL ||
	    (l->len = malloc(l->n * sizeof(*l->len))) == NULL ||
	    (l->klen = malloc(l->n * sizeof(*l->klen))) == NULL)
		return -1;
	memcpy(l->w, list, l->n * sizeof(*l->w));
	qsort(l->w, l->n, sizeof(*l->w), wcmp);
	memset(&l->first, 0, sizeof(l->first));
	memset(&l->second, 0, sizeof(l->second));
	memset(&l->alone, 0, sizeof(l->alone));
	for (i = 0; i < l->n; i++) {
		int32_t c1 = 0, c2 = 0;
		size_t k;

		l->len[i] = strlen(l->w[i]);
		l->klen[i] = key_len(l->w[i], l->len[i]);
		k = rpt_utf8_decode(l->w[i], l->len[i], &c1);
		set_bit(&l->first, c1);
		if (k < l->len[i]) {
			rpt_utf8_decode(l->w[i] + k, l->len[i] - k, &c2);
			set_bit(&l->second, c2);
		} else
			set_bit(&l->alone, c1);
	}
	return wlist_hash(l);
}

static void
wlist_free(struct wlist *l)
{
	free(l->w);
	free(l->len);
	free(l->klen);
	free(l->keys);
}

/* The longest word of l with the key [p, p + k) at p, its length; 0 if none. */
static size_t
wlist_key(const struct wlist *l, const char *p, size_t n, size_t k)
{
	const struct wkey *e;
	uint64_t v = key_pack(p, k);
	size_t h, i;

	for (h = key_slot(l, v, k); (e = &l->keys[h])->k != 0;
	    h = (h + 1) & l->kmask) {
		if (e->v != v || e->k != k)
			continue;
		for (i = e->at; i < e->end; i++)
			if (l->len[i] <= n &&
			    bytecmp(l->w[i] + k, p + k, l->len[i] - k) == 0)
				return l->len[i];
		return 0;
	}
	return 0;
}

/*
 * wlist_at() with the first character at p known: c1, k1 bytes long (the
 * rules at a numeral have it decoded already).
 */
static size_t
wlist_at_c(const struct wlist *l, const char *p, size_t n, int32_t c1,
    size_t k1)
{
	size_t k2, r;
	int32_t c2;

	if (!bit(&l->first, c1))
		return 0;
	/* Two-character keys first: their words are the longer ones. */
	if (k1 < n && (k2 = k1 + char_len((unsigned char)p[k1])) <= n &&
	    (decode(p + k1, n - k1, &c2), bit(&l->second, c2)) &&
	    (r = wlist_key(l, p, n, k2)) > 0)
		return r;
	return bit(&l->alone, c1) ? wlist_key(l, p, n, k1) : 0;
}

/* The longest word of l at p, its length; 0 if none. */
static size_t
wlist_at(const struct wlist *l, const char *p, size_t n)
{
	size_t k1;
	int32_t c1;

	if (n == 0 || (k1 = char_len((unsigned char)p[0])) > n)
		return 0;
	decode(p, n, &c1);
	return wlist_at_c(l, p, n, c1, k1);
}

/* Mark the last character of each word of list in set. */
static void
last_chars(struct cset *set, const char *const *list)
{
	int32_t c;

	for (; *list != NULL; list++) {
		rpt_utf8_prev(*list, strlen(*list), &c);
		set_bit(set, c);
	}
}

/* Mark the first character of each word of list in set. */
static void
first_chars(struct cset *set, const char *const *list)
{
	int32_t c;

	for (; *list != NULL; list++) {
		rpt_utf8_decode(*list, strlen(*list), &c);
		set_bit(set, c);
	}
}

/* Note where the first numeral of w is, for inner_word(). */
static void
inner_add(struct rpt_numbers *x, const char *w, int name)
{
	size_t pre, k, len = strlen(w);
	int32_t c;
	uint8_t *h;

	if (x->ninner == INNER_MAX)
		return;
	for (pre = 0; pre < len; pre += k) {
		c = 0;
		k = rpt_utf8_decode(w + pre, len - pre, &c);
		if (rpt_cn_digit(c) >= 0 || cn_unit(c) > 0)
			break;
	}
	c = -1;
	if (pre > 0) {
		rpt_utf8_prev(w, pre, &c);
		set_bit(&x->inner_prev, c);
	}
	x->inner_before[x->ninner] = c;
	/* At the end of its chain: the first word of the lists wins. */
	for (h = &x->inner_head[(unsigned)c & (INNER_HASH - 1)]; *h != 0;
	    h = &x->inner_next[*h - 1])
		;
	*h = (uint8_t)(x->ninner + 1);
	x->inner[x->ninner] = w;
	x->inner_len[x->ninner] = len;
	x->inner_pre[x->ninner] = pre;
	x->inner_name[x->ninner++] = name;
}

/* Mark the 3-byte character c (U+0800-U+FFFF) in x->start. */
static void
start_set(struct rpt_numbers *x, int32_t c)
{
	x->start[START_WORD(0xe0 | c >> 12, 0x80 | (c >> 6 & 0x3f))] |=
	    1ULL << (c & 0x3f);
}

/*
 * The characters of start in groups of a vector scan's nibble tables, one
 * bit of nib each (the ASCII digits take bit 0).  A group takes every
 * character whose nibbles are all among its members' own, so it also
 * takes some that are not numerals: these groups were chosen (greedily,
 * by a script, on the bench corpus) so that few common ones are, 1.7% of
 * the positions the scan stops at (坛 缓 勃 卓 亏 剩 most); each is
 * checked against start.  (Arrays, not a list of words: no word of
 * rpt-numbers.1.)
 */
static const char vec_groups[][32] = {
	"○十千四", "〇億", "萬零４６", "一七万三两", "亿二五",
	"百０１２３５７８９", "兩八六九",
};

/* Do x->nib take the 3-byte character b0 b1 b2? */
static int
vec_takes(const struct rpt_numbers *x, unsigned b0, unsigned b1, unsigned b2)
{
	return (x->nib[0][b0 & 15] & x->nib[1][b0 >> 4] &
	    x->nib[2][b1 & 15] & x->nib[3][b1 >> 4] &
	    x->nib[4][b2 & 15] & x->nib[5][b2 >> 4]) != 0;
}

/*
 * Make x->nib from vec_groups and set x->vec when the machine has AVX2
 * and the tables take every character of start, which a new numeral in
 * the rules would otherwise have to be added to vec_groups to keep.
 */
static void
vec_init(struct rpt_numbers *x)
{
	const unsigned char *u;
	unsigned b0, b1, b2, k, bit;
	size_t g;

	for (k = 0; k < 16; k++) {
		if (k <= 9)
			x->nib[0][k] = 1;
		x->nib[2][k] = x->nib[3][k] = x->nib[4][k] =
		    x->nib[5][k] = 1;
	}
	x->nib[1][3] = 1;
	for (g = 0; g < NITEMS(vec_groups); g++) {
		bit = 2U << g;
		for (u = (const unsigned char *)vec_groups[g]; *u != 0; u += 3) {
			x->nib[0][u[0] & 15] |= (uint8_t)bit;
			x->nib[1][u[0] >> 4] |= (uint8_t)bit;
			x->nib[2][u[1] & 15] |= (uint8_t)bit;
			x->nib[3][u[1] >> 4] |= (uint8_t)bit;
			x->nib[4][u[2] & 15] |= (uint8_t)bit;
			x->nib[5][u[2] >> 4] |= (uint8_t)bit;
		}
	}
#ifdef RPT_HAVE_AVX2
	x->vec = rpt_have_avx2();
#else
	x->vec = 0;
#endif
	for (b0 = 0xe0; b0 <= 0xef; b0++)
		for (b1 = 0x80; b1 <= 0xbf; b1++)
			for (b2 = 0x80; b2 <= 0xbf; b2++)
				if ((x->start[START_WORD(b0, b1)] >>
				    (b2 & 0x3f) & 1) && !vec_takes(x, b0, b1, b2))
					x->vec = 0;
}

struct rpt_numbers *
rpt_numbers_new(int all)
{
	struct rpt_numbers *x;
	const char *units[NITEMS(unit_words) + 1];
	size_t m;
	int32_t c;

	if ((x = calloc(1, sizeof(*x))) == NULL)
		return NULL;
	x->all = all;
	/*
	 * Digits are classed characters: only the table's pages hold them.
	 * (numeral() finds the ASCII ones itself; no 2-byte character is
	 * one.)
	 */
	for (c = 0x800; c < NBMP; c++)
		if (rpt_char_page[c >> 8] == 0)
			c |= 0xff;
		else if (digit_value(c) >= 0 || rpt_cn_digit(c) >= 0)
			start_set(x, c);
	for (m = 0; m < sizeof(cn_units) / sizeof(cn_units[0]); m++)
		start_set(x, cn_units[m]);
	vec_init(x);
	for (m = 0; inner_words[m] != NULL; m++)
		inner_add(x, inner_words[m], 0);
	for (m = 0; inner_names[m] != NULL; m++)
		inner_add(x, inner_names[m], 1);
	last_chars(&x->qual_end, pre_over);
	last_chars(&x->qual_end, pre_at_least);
	last_chars(&x->qual_end, pre_at_most);
	last_chars(&x->qual_end, pre_approx);
	last_chars(&x->fill_end, qual_fill);
	ends_make(&x->at_least, pre_at_least);
	ends_make(&x->at_most, pre_at_most);
	ends_make(&x->over, pre_over);
	ends_make(&x->approx, pre_approx);
	ends_make(&x->not_qual, qual_not);
	ends_make(&x->fill, qual_fill);
	first_chars(&x->post_first, incl_words);
	first_chars(&x->post_first, post_at_least);
	first_chars(&x->post_first, post_at_most);
	first_chars(&x->post_first, post_approx);
	first_chars(&x->vague_first, vague_words);
	for (m = 0; m < NITEMS(unit_words); m++)
		units[m] = unit_words[m].w;
	units[m] = NULL;
	if (wlist_make(&x->names, names) == -1 ||
	    wlist_make(&x->words, words) == -1 ||
	    wlist_make(&x->counts, count_units) == -1 ||
	    wlist_make(&x->durations, duration_units) == -1 ||
	    wlist_make(&x->units, units) == -1) {
		rpt_numbers_free(x);
		return NULL;
	}
	return x;
}

void
rpt_numbers_free(struct rpt_numbers *x)
{
	if (x == NULL)
		return;
	wlist_free(&x->names);
	wlist_free(&x->words);
	wlist_free(&x->counts);
	wlist_free(&x->durations);
	wlist_free(&x->units);
	free(x->q);
	free(x);
}

/* ---------------------------------------------------------------- scan */

static int
add(struct rpt_numbers *x, const struct rpt_quantity *q)
{
	struct rpt_quantity *nq;

	/* (rpt_grow() only when full: a call at every mention cost more.) */
	if (x->n >= x->cap) {
		if ((nq = rpt_grow(x->q, &x->cap, x->n + 1,
		    sizeof(*nq))) == NULL)
			return -1;
		x->q = nq;
	}
	x->q[x->n++] = *q;
	if (q->off + q->len > x->floor)
		x->floor = q->off + q->len;
	return 0;
}

/* A non-quantity (for -a); nothing when -a is off. */
static int
skip_as(struct rpt_numbers *x, size_t off, size_t len, enum rpt_qkind kind)
{
	struct rpt_quantity q;

	if (!x->all) {
		if (off + len > x->floor)
			x->floor = off + len;
		return 0;
	}
	memset(&q, 0, sizeof(q));
	q.off = off;
	q.len = len;
	q.kind = kind;
	q.qual = RPT_QUAL_EXACT;
	return add(x, &q);
}

/*
 * Is there a “ or an ASCII " in the 38 bytes before a, where
 * in_short_quote() looks for one?  Most numbers have none near: a look
 * at those bytes (three vector blocks; two memchr() calls near the
 * paragraph's start) costs less than decoding them backwards.
 */
#ifdef __SSE2__
/* The bytes of the block x equal to b, a bit each. */
#define QUOTE_EQ(x, b)	((uint64_t)(unsigned)_mm_movemask_epi8( \
	_mm_cmpeq_epi8((x), _mm_set1_epi8((char)(b)))))
#endif

static int
quote_near(const char *p, size_t a)
{
	const char *s = p + (a > 38 ? a - 38 : 0), *e = p + a, *q;
#ifdef __SSE2__
	/*
	 * Where there are 38 bytes, three blocks of 16 that overlap cover
	 * them, at 0, 6 and 22: a bit per byte for ", E2, 80 and 9C, and a
	 * “ is an E2 whose next bytes are 80 and 9C (the bits shifted in
	 * past the window are zeros, so a “ cut by a is not one).
	 */
	if (a >= 38) {
		__m128i x0 = _mm_loadu_si128((const __m128i *)(const void *)s);
		__m128i x1 = _mm_loadu_si128((const __m128i *)(const void *)
		    (s + 6));
		__m128i x2 = _mm_loadu_si128((const __m128i *)(const void *)
		    (s + 22));
		uint64_t dq, e2, b80, b9c;

		dq = QUOTE_EQ(x0, '"') | QUOTE_EQ(x1, '"') | QUOTE_EQ(x2, '"');
		e2 = QUOTE_EQ(x0, 0xe2) | QUOTE_EQ(x1, 0xe2) << 6 |
		    QUOTE_EQ(x2, 0xe2) << 22;
		b80 = QUOTE_EQ(x0, 0x80) | QUOTE_EQ(x1, 0x80) << 6 |
		    QUOTE_EQ(x2, 0x80) << 22;
		b9c = QUOTE_EQ(x0, 0x9c) | QUOTE_EQ(x1, 0x9c) << 6 |
		    QUOTE_EQ(x2, 0x9c) << 22;
		return dq != 0 || (e2 & b80 >> 1 & b9c >> 2) != 0;
	}
#endif

	if (memchr(s, '"', (size_t)(e - s)) != NULL)
		return 1;
	/* “ is E2 80 9C; E2 also starts ” — … and the other punctuation. */
	for (q = s; (q = memchr(q, 0xe2, (size_t)(e - q))) != NULL; q++)
		if (e - q >= 3 && (unsigned char)q[1] == 0x80 &&
		    (unsigned char)q[2] == 0x9c)
			return 1;
	return 0;
}

/*
 * Is the text at [a, b) inside a short quotation “…” (a name)?  Only “ (or
 * ASCII ") and ”, not every RPT_C_DQUOTE: the closing ” is looked for.
 */
static int
in_short_quote(const char *p, size_t n, size_t a, size_t b)
{
	size_t i, j, k, chars;
	int32_t ch;

	/*
	 * The nearest “ before a with no ” between, within 12 characters:
	 * the characters that end less than 36 bytes before a, so a “ that
	 * counts starts at a - 38 or later.
	 */
	if (!quote_near(p, a))
		return 0;
	for (i = a; i > 0 && a - i < 12 * 3; ) {
		k = char_before(p, i, &ch);
		if (ch == RPT_CH_RDQUO || ch == RPT_CH_IDEO_STOP ||
		    ch == RPT_CH_FW_COMMA)
			return 0;
		if (ch == RPT_CH_LDQUO || ch == '"') {
			/*
			 * Short: the first ” after b comes within 13 non-white
			 * characters of the “ (counted from the “ up to the ”).
			 * The count goes on from b only until it is over, not
			 * over the rest of a long paragraph.
			 */
			i -= k;
			chars = rpt_count_chars(p + i, b - i);
			for (j = b; j < n && chars <= 13; j += k) {
				if (n - j >= 3 && memcmp(p + j, "”", 3) == 0)
					return 1;
				k = decode(p + j, n - j, &ch);
				chars += !rpt_is_space(ch);
			}
			return 0;
		}
		i -= k;
	}
	return 0;
}

/* A small whole number's value, or -1. */
static long
whole(const struct dec *v)
{
	long r = 0;
	int i;

	/* Its digits, then its zeros: at most 9 in all, so r fits. */
	if (v->exp < 0 || dec_magnitude(v) > 9)
		return -1;
	for (i = 0; i < v->nd; i++)
		r = r * 10 + (v->d[i] - '0');
	for (i = 0; i < v->exp; i++)
		r *= 10;
	return r;
}

/* ---------------------------------------------------------------- units */

/* What follows a number: its kind, unit, and a qualifier before the unit. */
struct after {
	enum rpt_qkind	 kind;
	enum rpt_qual	 qual;
	const char	*unit;
	size_t		 unit_len;
};


/*
 * The word of unit_words at p + j into *a: the end of it, 0 if none.  This
 * runs after every number, so x->units (their words) says first whether
 * there is one; no word of them begins another, so the one it found is
 * the only one that fits.
 */
static size_t
unit_word(const struct rpt_numbers *x, const char *p, size_t n, size_t j,
    int32_t c1, size_t k1, struct after *a)
{
	const struct unit_word *u;
	size_t k;

	if ((k = wlist_at_c(&x->units, p + j, n - j, c1, k1)) == 0)
		return 0;
	for (u = unit_words; u < unit_words + NITEMS(unit_words); u++)
		if (u->len == k && bytecmp(p + j, u->w, k) == 0) {
			a->kind = u->kind;
			a->unit = u->unit;
			a->unit_len = u->unit_len;
			a->qual = u->qual;
			return j + k;
		}
	return 0;
}

/* 年 at p + j after v: 2023年 is a year, 3年 and 两年 durations. */
static size_t
unit_year(const char *p, size_t n, size_t j, const struct dec *v,
    int integer_digits, struct after *a)
{
	int mag = dec_magnitude(v);

	a->unit = "年";
	a->unit_len = 3;
	if (integer_digits == 4 && mag == 4 && v->exp >= 0) {
		a->kind = RPT_Q_YEAR;
		return j + (starts(p + j + 3, n - j - 3, "度") ? 6 : 3);
	}
	if (mag <= 3) {
		a->kind = RPT_Q_DURATION;
		return j + 3;
	}
	a->unit = NULL;
	a->unit_len = 0;
	return 0;
}

/*
 * Classify what follows a number at p + i into *a.  Returns the end of
 * the mention, or 0 when nothing that quantifies follows.
 */
static size_t
unit_after(const struct rpt_numbers *x, const char *p, size_t n, size_t i,
    const struct dec *v, int integer_digits, struct after *a)
{
	size_t k, k1, j = skip_blank(p, n, i), end;
	int32_t c1;

	a->qual = RPT_QUAL_EXACT;
	a->unit = NULL;
	a->unit_len = 0;
	/*
	 * The first character, decoded once for the three word lists
	 * (wlist_at() would decode it for each): nothing fits without one.
	 */
	if (j >= n || (k1 = char_len((unsigned char)p[j])) > n - j)
		return 0;
	decode(p + j, n - j, &c1);
	/* 40余次, 3000多人, 十余年: the qualifier before the unit. */
	if ((k = word_at(p + j, n - j, post_over)) > 0 &&
	    !starts(p + j + k, n - j - k, "%") &&
	    !starts(p + j + k, n - j - k, "％") &&
	    (end = unit_after(x, p, n, j + k, v, integer_digits, a)) > 0) {
		a->qual = RPT_QUAL_OVER;
		return end;
	}
	if ((end = unit_word(x, p, n, j, c1, k1, a)) > 0)
		return end;
	if (c1 == 0x5e74)				/* 年 */
		return unit_year(p, n, j, v, integer_digits, a);
	/* 70周年: an anniversary is a count, not a duration. */
	if ((k = wlist_at_c(&x->durations, p + j, n - j, c1, k1)) > 0 &&
	    c1 != 0x65e5 &&				/* 日 */
	    !starts(p + j, n - j, "周年") && !starts(p + j, n - j, "周岁")) {
		a->kind = RPT_Q_DURATION;
		a->unit = p + j;
		a->unit_len = k;
		return j + k;
	}
	/* 度 counts kilowatt-hours (亿度), not times (两度获评). */
	if ((k = wlist_at_c(&x->counts, p + j, n - j, c1, k1)) > 0 &&
	    (k != 3 || c1 != 0x5ea6 ||			/* 度 */
	    dec_magnitude(v) >= 5)) {
		a->kind = RPT_Q_COUNT;
		a->unit = p + j;
		a->unit_len = k;
		return j + k;
	}
	return 0;
}

/* A qualifier written after the unit: 以上, 以下, 左右. */
static size_t
qual_after(const struct rpt_numbers *x, const char *p, size_t n, size_t j,
    enum rpt_qual *q)
{
	size_t k, save = j;
	int32_t c;

	/*
	 * Most quantities have none: the character after says so at once,
	 * without trying every word of the lists.
	 */
	if (j >= n || (decode(p + j, n - j, &c), !bit(&x->post_first, c)))
		return j;

	/*
	 * 50万元（含）以上: "inclusive" said between the unit and 以上 (its
	 * bracket first: many quantities end before a ，, whose first byte
	 * is that of （).
	 */
	if (j < n && (p[j] == '(' || starts(p + j, n - j, "（")) &&
	    (k = word_at(p + j, n - j, incl_words)) > 0) {
		j += k;
		if (word_at(p + j, n - j, post_at_least) == 0 &&
		    word_at(p + j, n - j, post_at_most) == 0)
			return save;
	}
	if ((k = word_at(p + j, n - j, post_at_least)) > 0) {
		*q = RPT_QUAL_AT_LEAST;
		return j + k;
	}
	if ((k = word_at(p + j, n - j, post_at_most)) > 0) {
		*q = RPT_QUAL_AT_MOST;
		return j + k;
	}
	if ((k = word_at(p + j, n - j, post_approx)) > 0) {
		*q = RPT_QUAL_APPROX;
		return j + k;
	}
	return j;
}

/* A qualifier written before the number; its length in *len. */
static enum rpt_qual
qual_before(const struct rpt_numbers *x, const char *p, size_t i,
    size_t *len)
{
	if ((*len = word_ends(p, i, &x->at_least)) > 0)
		return RPT_QUAL_AT_LEAST;
	if ((*len = word_ends(p, i, &x->at_most)) > 0)
		return RPT_QUAL_AT_MOST;
	/* Not the end of a word: 打破, 侦破; 签约, 节约, 最近, 附近. */
	if ((*len = word_ends(p, i, &x->over)) > 0 &&
	    (*len > 3 || word_ends(p, i, &x->not_qual) == 0))
		return RPT_QUAL_OVER;
	if ((*len = word_ends(p, i, &x->approx)) > 0 &&
	    (*len > 3 || word_ends(p, i, &x->not_qual) == 0))
		return RPT_QUAL_APPROX;
	*len = 0;
	return RPT_QUAL_EXACT;
}

/*
 * The qualifier before i, but not out of text a rule took already:
 * 一X一低于一亿元 leaves 低于 to the set phrase.
 */
static enum rpt_qual
qual_behind(const struct rpt_numbers *x, const char *p, size_t i,
    size_t *len)
{
	size_t f = x->floor < i ? x->floor : i, k = 0;
	int32_t c;
	enum rpt_qual b;

	*len = 0;
	if (i == f)
		return RPT_QUAL_EXACT;
	char_before(p + f, i - f, &c);
	/*
	 * 至少有10次, 超过了百分之零点九: a word between, the qualifier before
	 * it.  (No qualifier ends with one of qual_fill's words, so the
	 * qualifier can only be before the word.)
	 */
	if (bit(&x->fill_end, c) &&
	    (k = word_ends(p + f, i - f, &x->fill)) > 0) {
		if (i - k == f)
			return RPT_QUAL_EXACT;
		char_before(p + f, i - k - f, &c);
	}
	/* Most numbers have none: the character before says so at once. */
	if (!bit(&x->qual_end, c))
		return RPT_QUAL_EXACT;
	if ((b = qual_before(x, p + f, i - k - f, len)) != RPT_QUAL_EXACT)
		*len += k;
	return b;
}

/* Does p start with 万 or 亿 (萬, 億)? */
static int
magnitude_at(const char *p, size_t n)
{
	return starts(p, n, "万") || starts(p, n, "亿") || starts(p, n, "萬") ||
	    starts(p, n, "億");
}

/*
 * 万 and 亿 after a number (1.3万, 1.26万亿, 5000万, and 7 4 7 7 2 亿
 * with a space): v times them.
 */
static void
multipliers_at(const char *p, size_t n, size_t *i, struct dec *v,
    int *idigits)
{
	size_t j = *i, k, t;
	int32_t c;

	for (;;) {
		t = skip_blank(p, n, j);
		c = char_at(p + t, n - t, &k);
		if (cn_unit(c) >= 4)		/* 万 萬 亿 億 */
			v->exp += cn_unit(c);
		else
			break;
		j = t + k;
		*idigits = 0;
	}
	*i = j;
}

/*
 * multipliers(), its call made only when the byte after the number is a
 * blank's or the number is followed by 万 or 亿: most numbers have none,
 * and they are asked after every Arabic number.
 */
static inline void
multipliers(const char *p, size_t n, size_t *i, struct dec *v, int *idigits)
{
	if (*i < n && (rpt_space_lead[(unsigned char)p[*i]] ||
	    magnitude_at(p + *i, n - *i)))
		multipliers_at(p, n, i, v, idigits);
}

/* A number (Arabic or Chinese) at p + *i, with 万/亿 after it. */
static int
number(const char *p, size_t n, size_t *i, struct dec *v, int *idigits,
    int *cn)
{
	size_t j = *i, k;
	int32_t c;
	int r, digits, point, chars, digitwise;

	c = char_at(p + j, n - j, &k);
	*cn = 0;
	if (digit_value(c) >= 0) {
		if ((r = arabic(p, n, &j, v, &digits, &point)) != 1) {
			*i = j;
			return r;
		}
		*idigits = point ? 0 : digits;
		multipliers(p, n, &j, v, idigits);
		*i = j;
		return 1;
	}
	if (rpt_cn_digit(c) >= 0 || cn_unit(c) > 0) {
		if ((r = chinese(p, n, &j, v, &chars, &digitwise)) != 1) {
			*i = j;
			return r;
		}
		*cn = 1;
		*idigits = digitwise ? chars : 0;
		/* 三点五万: a decimal takes its multiplier after it. */
		if (v->exp < 0)
			multipliers(p, n, &j, v, idigits);
		*i = j;
		return 1;
	}
	return 0;
}

/*
 * Clear q for a rule to fill in: its value and max empty strings.  Not
 * with memset(): for the struct's size that is a rep stos, whose start-up
 * costs more than these stores, at every quantity.
 */
static inline void
quantity_clear(struct rpt_quantity *q)
{
	q->off = q->len = 0;
	q->kind = RPT_Q_COUNT;
	q->qual = RPT_QUAL_EXACT;
	q->value[0] = q->max[0] = '\0';
	q->unit = NULL;
	q->unit_len = 0;
}

/* Set q's value and max from v (and w), formatted. */
static void
set_value(struct rpt_quantity *q, const struct dec *v, const struct dec *w)
{
	dec_format(v, q->value, sizeof(q->value));
	q->max[0] = '\0';
	if (w != NULL)
		dec_format(w, q->max, sizeof(q->max));
}

/* ---------------------------------------------------------------- dates */

/* 1 or 2 ASCII digits at p + *i, their value; -1 if none. */
static int
small_int(const char *p, size_t n, size_t *i)
{
	size_t j = *i;
	int v = 0;

	while (j < n && j - *i < 3 && is_ascii_digit(p[j]))
		v = v * 10 + (p[j++] - '0');
	if (j == *i || j - *i > 2)
		return -1;
	*i = j;
	return v;
}

/*
 * 2023/12/05, 2023-12-05, 2023.5.12: a date in digits, all three parts
 * there with the same separator.  Returns its end, 0 if none.
 */
static size_t
numeric_date(const char *p, size_t n, size_t i, struct rpt_quantity *q)
{
	size_t j = i + 4;
	int y, m, d;
	char sep;

	if (n - i < 8 || !is_ascii_digit(p[i]) || !is_ascii_digit(p[i + 1]) ||
	    !is_ascii_digit(p[i + 2]) || !is_ascii_digit(p[i + 3]))
		return 0;
	sep = p[j];
	if (sep != '/' && sep != '-' && sep != '.')
		return 0;
	y = atoi(p + i);
	j++;
	if ((m = small_int(p, n, &j)) < 1 || m > 12 || y < 1000 ||
	    (i > 0 && (is_ascii_digit(p[i - 1]) || p[i - 1] == sep)))
		return 0;
	/* 2023/12: a month (with a slash only: 2023.12 is a decimal). */
	if (sep == '/' && (j >= n || (p[j] != sep && !is_ascii_digit(p[j])))) {
		snprintf(q->value, sizeof(q->value), "%04d-%02d", y, m);
		q->max[0] = '\0';
		q->kind = RPT_Q_DATE;
		q->unit = "";
		q->unit_len = 0;
		return j;
	}
	if (j >= n || p[j] != sep)
		return 0;
	j++;
	if ((d = small_int(p, n, &j)) < 1 || d > 31 ||
	    (j < n && (is_ascii_digit(p[j]) || p[j] == sep)))
		return 0;
	snprintf(q->value, sizeof(q->value), "%04d-%02d-%02d", y, m, d);
	q->max[0] = '\0';
	q->kind = RPT_Q_DATE;
	q->unit = "";
	q->unit_len = 0;
	return j;
}

/* The parts of a date read so far; 0 for a part not there. */
struct ymd {
	int	y, m, m2, d, d2;	/* m2, d2: a range's last month, day */
};

/*
 * The day after a month that ends at j: 5日, 5 号, and a range of days
 * (5月20日至22日) into *t.  Returns the end of the date.
 */
static size_t
date_day(const char *p, size_t n, size_t j, struct ymd *t)
{
	size_t save = j, k, u;
	struct dec v, w;
	int idig, cn;

	k = skip_blank(p, n, j);
	if (number(p, n, &k, &v, &idig, &cn) != 1)
		return save;
	u = skip_blank(p, n, k);
	if (starts(p + u, n - u, "日") || starts(p + u, n - u, "号")) {
		t->d = (int)whole(&v);
		if (t->d >= 1 && t->d <= 31)
			save = u + 3;
		else
			t->d = 0;
	}
	/* 5月20日至22日: a range of days. */
	if (t->d > 0 && (k = range_mark(p, n, save)) > 0) {
		k += save;
		if (number(p, n, &k, &w, &idig, &cn) == 1 &&
		    (u = skip_blank(p, n, k)) < n &&
		    starts(p + u, n - u, "日") &&
		    (t->d2 = (int)whole(&w)) > t->d && t->d2 <= 31)
			save = u + 3;
		else
			t->d2 = 0;
	}
	return save;
}

/* Write the date t into q: its value, a range's max, qualifier and kind. */
static void
date_set(const struct ymd *t, struct rpt_quantity *q)
{
	q->max[0] = '\0';
	if (t->m2 != 0) {
		if (t->y > 0) {
			snprintf(q->value, sizeof(q->value), "%04d-%02d", t->y,
			    t->m);
			snprintf(q->max, sizeof(q->max), "%04d-%02d", t->y,
			    t->m2);
		} else {
			snprintf(q->value, sizeof(q->value), "--%02d", t->m);
			snprintf(q->max, sizeof(q->max), "--%02d", t->m2);
		}
	} else {
		if (t->d2 > 0 && t->y > 0)
			snprintf(q->max, sizeof(q->max), "%04d-%02d-%02d", t->y,
			    t->m, t->d2);
		else if (t->d2 > 0)
			snprintf(q->max, sizeof(q->max), "--%02d-%02d", t->m,
			    t->d2);
		if (t->y > 0 && t->d > 0)
			snprintf(q->value, sizeof(q->value), "%04d-%02d-%02d",
			    t->y, t->m, t->d);
		else if (t->y > 0)
			snprintf(q->value, sizeof(q->value), "%04d-%02d", t->y,
			    t->m);
		else if (t->d > 0)
			snprintf(q->value, sizeof(q->value), "--%02d-%02d", t->m,
			    t->d);
		else
			snprintf(q->value, sizeof(q->value), "--%02d", t->m);
	}
	q->qual = t->m2 != 0 || t->d2 > 0 ? RPT_QUAL_RANGE : RPT_QUAL_EXACT;
	q->kind = RPT_Q_DATE;
	q->unit = "";
	q->unit_len = 0;
}

/*
 * A date at p + i: 2023年12月5日, 2023 年 12 月, 12月5日, 5月, 9月份, 三月.
 * The number at i, already read, ends at j: first, with idig integer
 * digits.  Returns the date's end, 0 if none.
 */
static size_t
date_at(const char *p, size_t n, size_t i, size_t j, const struct dec *first,
    int idig, struct rpt_quantity *q)
{
	size_t save, t, k;
	struct dec v = *first, w;
	struct ymd d = { 0, 0, 0, 0, 0 };
	int cn;

	q->qual = RPT_QUAL_EXACT;
	if ((save = numeric_date(p, n, i, q)) > 0)
		return save;
	j = skip_blank(p, n, j);
	if (starts(p + j, n - j, "年") && idig == 4) {
		/* (Not atoi(v.d): 二〇二〇 is 202 times 10.) */
		d.y = (int)whole(&v);
		if (dec_magnitude(&v) != 4 || d.y < 1000)
			return 0;
		j = skip_blank(p, n, j + 3);
		if (number(p, n, &j, &v, &idig, &cn) != 1)
			return 0;
		j = skip_blank(p, n, j);
	}
	/* 1-11月, 2023年1—11月: a range of months. */
	if ((t = range_mark(p, n, j)) > 0) {
		k = j + t;
		if (number(p, n, &k, &w, &idig, &cn) != 1)
			return 0;
		d.m2 = (int)whole(&w);
		j = skip_blank(p, n, k);
	}
	if (!starts(p + j, n - j, "月"))
		return 0;
	d.m = (int)whole(&v);
	if (d.m < 1 || d.m > 12 || (d.m2 != 0 && (d.m2 <= d.m || d.m2 > 12)))
		return 0;
	j += 3;
	if (starts(p + j, n - j, "份"))
		save = j + 3;
	else if (d.m2 == 0)
		save = date_day(p, n, j, &d);
	else
		save = j;
	date_set(&d, q);
	return save;
}

/* ---------------------------------------------------------------- ratios */

/*
 * 零复议 (zero, then two Han characters that are no numeral) and 无一起 /
 * 无一例 (none of a measure word): zero counts.  Sets q and *end.
 */
static int
zero_count(const char *p, size_t n, size_t i, struct rpt_quantity *q,
    size_t *end)
{
	size_t j = i + 3, k;
	int32_t c;
	int han = 0;

	quantity_clear(q);
	q->kind = RPT_Q_COUNT;
	q->qual = RPT_QUAL_EXACT;
	snprintf(q->value, sizeof(q->value), "0");
	/* 无零… says nothing of zero cases. */
	if (i >= 3 && memcmp(p + i - 3, "无", 3) == 0)
		return 0;
	while (j < n && han < 2) {
		c = char_at(p + j, n - j, &k);
		if (!is_han(c) || rpt_cn_digit(c) >= 0 || cn_unit(c) > 0)
			break;
		han++;
		j += k;
	}
	if (han < 2)
		return 0;
	/* Not 零星, 零散, 零售...: a count of incidents, cases, complaints. */
	if (word_at(p + i + 3, n - i - 3, zero_not) > 0)
		return 0;
	q->off = i;
	q->len = j - i;
	q->unit = "";
	*end = j;
	return 1;
}

/* q's value: a / b to 6 decimals, rounded on integers. */
static void
ratio_value(struct rpt_quantity *q, long a, long b)
{
	long long num = (long long)a * 10000000LL / b;
	long long r = (num + 5) / 10;
	size_t len;

	snprintf(q->value, sizeof(q->value), "%lld.%06lld", r / 1000000,
	    r % 1000000);
	/* No trailing zeros, nor a trailing point. */
	len = strlen(q->value);
	while (len > 0 && q->value[len - 1] == '0')
		q->value[--len] = '\0';
	if (len > 0 && q->value[len - 1] == '.')
		q->value[--len] = '\0';
}

/* A slash at p + j, / or ／: its length, 0 if none. */
static size_t
slash_at(const char *p, size_t n, size_t j)
{
	if (j < n && p[j] == '/')
		return 1;
	return starts(p + j, n - j, "／") ? 3 : 0;
}

/*
 * 三分之一 (the denominator first) or 1/3, the number v ending at j being
 * the first: the fraction to 6 decimals.  Returns the end, 0 if none.
 */
static size_t
ratio(const char *p, size_t n, size_t i, size_t j, const struct dec *v,
    struct rpt_quantity *q)
{
	struct dec w;
	long a, b;
	size_t k = j, sl, kk;
	int idig, cn, slash;
	int32_t c;

	/* The slash, ASCII or full-width, between digits (１／３). */
	sl = slash_at(p, n, j);
	slash = sl > 0;
	if (starts(p + j, n - j, "分之"))
		k = j + 6;
	else if (slash && j > i && (char_before(p, j, &c),
	    digit_value(c) >= 0))
		k = j + sl;
	else
		return 0;
	if (number(p, n, &k, &w, &idig, &cn) != 1)
		return 0;
	/* 1/3 but not 2023/12/05. */
	if (slash && ((k < n && (slash_at(p, n, k) > 0 ||
	    digit_value(char_at(p + k, n - k, &kk)) >= 0)) ||
	    (i > 0 && (p[i - 1] == '/' || (i >= 3 &&
	    memcmp(p + i - 3, "／", 3) == 0)))))
		return 0;
	if (slash) {
		a = whole(v);		/* numerator */
		b = whole(&w);
	} else {
		a = whole(&w);
		b = whole(v);
	}
	if (a < 0 || b <= 0 || a > 1000000 || b > 1000000)
		return 0;
	quantity_clear(q);
	q->kind = RPT_Q_RATIO;
	q->qual = RPT_QUAL_EXACT;
	ratio_value(q, a, b);
	q->unit = "";
	q->off = i;
	q->len = k - i;
	return k;
}

/* ---------------------------------------------------------------- classes */

/* Units of time: 一X一Y with these is no name (一个月一次). */
static const char *const time_words[] = {
	"个月", "个小时", "个星期", "个工作日", "年", "月", "周", "天", "日",
	"季度", "小时", "星期", NULL
};

/* Is [p, p + len) a unit of time (一个月一次: a month and a count)? */
static int
time_unit(const char *p, size_t len)
{
	return word_at(p, len, time_words) == len;
}

/*
 * 一村一法律顾问, 一部门一课题, 一庭两所: the set pattern 一X一Y or 一X两Y
 * (X one to three Han characters, Y one to four, none of them a numeral)
 * is a name.  Returns its length, 0 if none.
 */
static size_t
set_phrase(const char *p, size_t n, size_t i)
{
	size_t j = i + 3, k;
	int32_t c;
	int m;

	/* 一是进一步…: an enumerator, not a set phrase. */
	if (!starts(p + i, n - i, "一") || starts(p + j, n - j, "是"))
		return 0;
	for (m = 0;; m++, j += k) {
		if (j >= n)
			return 0;
		c = char_at(p + j, n - j, &k);
		if (c == RPT_CH_CN_1 || c == RPT_CH_LIANG)
			break;
		if (m == 3 || !is_han(c) || rpt_cn_digit(c) >= 0 ||
		    cn_unit(c) > 0)
			return 0;
	}
	/* (一天一天, day after day, is the phrase it was.) */
	if (m == 0 || (time_unit(p + i + 3, j - i - 3) &&
	    !(j + k + (j - i - 3) <= n &&
	    memcmp(p + j + k, p + i + 3, j - i - 3) == 0)))
		return 0;
	for (j += k, m = 0; m < 4 && j < n; m++, j += k) {
		c = char_at(p + j, n - j, &k);
		if (!is_han(c) || rpt_cn_digit(c) >= 0 || cn_unit(c) > 0)
			break;
	}
	return m > 0 ? j - i : 0;
}

/*
 * 数十人, 上百人, 几亿人, 成千上万, 上千万家庭: 数 几 上 成 before 十 百 千
 * 万 亿 make a vague amount.  Returns the length of the numerals from i,
 * 0 if the number is not vague.  (一批 is in vague_words.)
 */
static size_t
vague_amount(const char *p, size_t n, size_t i)
{
	int32_t b = 0, c;
	size_t k;

	c = char_at(p + i, n - i, &k);
	if (i == 0 || cn_unit(c) == 0)
		return 0;
	char_before(p, i, &b);
	/* 成 only in 成千上万, 成百上千: 建成十个, 建成亿元项目 are numbers. */
	if (b != RPT_CH_SHU && b != RPT_CH_JI && b != RPT_CH_SHANG &&
	    (b != RPT_CH_CHENG || !starts(p + i + k, n - i - k, "上")))
		return 0;
	/* 上 of 以上 and 之上 (100%以上十人) ends a word: no 上十. */
	if (b == RPT_CH_SHANG && i >= 6 && (memcmp(p + i - 6, "以", 3) == 0 ||
	    memcmp(p + i - 6, "之", 3) == 0))
		return 0;
	return chinese_end(p, n, i) - i;
}

/*
 * Is the numeral at p + i inside one of inner_words or inner_names?
 * Returns the length of the word from i on, 0 if not; *m is its index.
 */
static size_t
inner_word(const struct rpt_numbers *x, const char *p, size_t n, size_t i,
    size_t *m)
{
	const char *w;
	size_t pre, len;
	int32_t c;
	unsigned h;

	/* Not out of text a rule took already. */
	if (i <= x->floor)
		return 0;
	char_before(p, i, &c);
	if (!bit(&x->inner_prev, c))
		return 0;
	for (h = x->inner_head[(unsigned)c & (INNER_HASH - 1)]; h != 0;
	    h = x->inner_next[h - 1]) {
		*m = h - 1;
		/* The character before first: it tells most words apart. */
		if (x->inner_before[*m] != c)
			continue;
		w = x->inner[*m];
		pre = x->inner_pre[*m];
		len = x->inner_len[*m];
		/* (Each word has text before its numeral: pre > 0.) */
		if (pre > 0 && pre <= i - x->floor && pre < len &&
		    p[i - 1] == w[pre - 1] &&
		    len - pre <= n - i && memcmp(p + i - pre, w, len) == 0)
			return len - pre;
	}
	return 0;
}

/* 这一, 那一, 每一, 另一, 此一, 该一: 一 that means "this" or "every". */
static int
determiner(const char *p, size_t n, size_t i)
{
	size_t k;
	int32_t c = 0;

	if (i == 0 || !starts(p + i, n - i, "一"))
		return 0;
	/* 每一万元 is a number. */
	c = char_at(p + i + 3, n - i - 3, &k);
	if (rpt_cn_digit(c) >= 0 || cn_unit(c) > 0)
		return 0;
	char_before(p, i, &c);
	return c == RPT_CH_ZHE || c == RPT_CH_NA || c == RPT_CH_MEI ||
	    c == RPT_CH_LING_OTHER || c == RPT_CH_CI || c == RPT_CH_GAI;
}

/* What says that 一年 is a span of time: 用一年, 为期一年, 一年内. */
static const char *const span_before[] = {
	"用", "为期", "历时", "经过", "满", "仅", "持续", "连续", "花", "隔",
	"达", "长达", "学前", NULL
};
static const char *const span_after[] = {
	"内", "时间", "期间", "之内", "半", "后", "左右", "多", NULL
};

/*
 * 过去一年, 这一年, 极不平凡的一年: 一年 as "a year", the year being
 * reported on, is no duration unless something says it is a span.
 */
static int
a_year(const struct rpt_numbers *x, const char *p, size_t n, size_t i,
    size_t end)
{
	size_t ql;

	if (end != i + 6 || memcmp(p + i, "一年", 6) != 0)
		return 0;
	/* (一年一次: a span, how often.) */
	if (qual_behind(x, p, i, &ql) != RPT_QUAL_EXACT ||
	    word_before(p, i, span_before) > 0 ||
	    word_at(p + end, n - end, span_after) > 0 ||
	    starts(p + end, n - end, "一"))
		return 0;
	return 1;
}

/* Verbs and words before N期 that make it a count of sessions: 分两期. */
static const char *const phase_not[] = {
	"分", "办", "开", "了", "共", "计", "举", "训", "达", "第", "每", "各",
	"等", "做", "期", "班", NULL
};

/*
 * What follows a Chinese number [i, j) and makes it an ordinal: 二十大,
 * 十九届, 三中全会, 七次全会, and the phases of a project (机场三期工程,
 * 电池四期).  Not 十大类, a count.
 */
static int
ordinal_after(const struct rpt_numbers *x, const char *p, size_t n,
    size_t i, size_t j)
{
	size_t k;
	int32_t c = char_at(p + j, n - j, &k), b = 0;

	if (c == RPT_CH_DA)
		return wlist_at(&x->counts, p + j, n - j) == 0;
	if (c == RPT_CH_JIE || c == RPT_CH_ZHONG)
		return 1;
	if (starts(p + j, n - j, "次全会"))
		return 1;
	if (c == RPT_CH_QI_PHASE && j == i + 3 && !starts(p + i, n - i, "两") &&
	    !starts(p + j, n - j, "期间") && i > 0 &&
	    word_before(p, i, phase_not) == 0) {
		/*
		 * The project's name ends before it: in a Han character, a
		 * digit or capital, or the ” or ） that close it (only those
		 * two of RPT_C_CLOSE: 》 and the others close no such name).
		 */
		char_before(p, i, &b);
		return is_han(b) || b == RPT_CH_RDQUO ||
		    b == RPT_CH_FW_RPAREN || (b >= '0' && b <= '9') ||
		    (b >= 'A' && b <= 'Z');
	}
	return 0;
}

/* The power of ten of the 万 and 亿 that end the text before j: 5亿 is 8. */
static int
trailing_magnitude(const char *p, size_t from, size_t j)
{
	int32_t c;
	int e = 0;

	while (j > from) {
		char_before(p, j, &c);
		if (cn_unit(c) >= 4)		/* 万 萬 亿 億 */
			e += cn_unit(c);
		else if (c != ' ')
			break;
		j -= c == ' ' ? 1 : 3;
	}
	return e;
}

/* Does the number before j end with 万 or 亿 (a magnitude: 2100多万)? */
static int
magnitude_word(const char *p, size_t j)
{
	int32_t c = 0;

	if (j == 0)
		return 0;
	char_before(p, j, &c);
	return cn_unit(c) >= 4;		/* 万 萬 亿 億 */
}

/*
 * A Chinese unit with no digit before it at p + i: 十, 百余人, and 百 or 千
 * before 万 or 亿 and a unit (近千亿元, 千亿斤) are numbers; 百姓, 千万
 * (must), 万人 (per ten thousand), 千人 (每千人口) and 千户 (千户苗寨, a
 * name) are not.
 */
static int
lone_unit_counts(const struct rpt_numbers *x, const char *p, size_t n,
    size_t i, size_t k)
{
	size_t j = i, t;
	struct dec v;
	struct after a;
	int idig, cn;
	int32_t c = char_at(p + i, n - i, &t);

	if (c == RPT_CH_TEN || word_at(p + i + k, n - i - k, post_over) > 0)
		return 1;
	if (c == RPT_CH_YI || c == RPT_CH_YI_TRAD) {	/* 亿元以上, 破亿度 */
		j = i + k;
		v.d[0] = '1';
		v.nd = 1;
		v.exp = 8;
		return unit_after(x, p, n, j, &v, 0, &a) > 0;
	}
	if (c != RPT_CH_HUNDRED && c != RPT_CH_THOUSAND)
		return 0;
	c = char_at(p + i + k, n - i - k, &t);
	if (cn_unit(c) < 4)		/* 万 萬 亿 億 */
		return 0;
	return number(p, n, &j, &v, &idig, &cn) == 1 &&
	    unit_after(x, p, n, j, &v, 0, &a) > 0;
}

/* 亿亿亿亿: three or more 万 or 亿 in a row, a number no report means. */
static size_t
unit_run(const char *p, size_t n, size_t i)
{
	size_t j = i, k;
	int m = 0;

	while (j < n) {
		int32_t c = char_at(p + j, n - j, &k);

		if (cn_unit(c) < 4)	/* 万 萬 亿 億 */
			break;
		j += k;
		m++;
	}
	return m >= 3 ? j - i : 0;
}

/* What stands right before a number and makes it no quantity. */
static enum rpt_qkind
not_before(const char *p, size_t i)
{
	int32_t c = 0;

	if (i == 0)
		return RPT_Q_COUNT;
	char_before(p, i, &c);
	if (c == RPT_CH_DI)
		return RPT_Q_ORDINAL;
	/*
	 * 〔2024〕7号: the brackets of a document number, before and after.
	 * Their own set, not RPT_C_OPEN or RPT_C_CLOSE: those hold “ （ 《
	 * too, which stand before counts.
	 */
	if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
	    c == RPT_CH_LTORTOISE || c == '[' || c == RPT_CH_LLENTIC ||
	    c == RPT_CH_RTORTOISE || c == ']' || c == RPT_CH_RLENTIC)
		return RPT_Q_CODE;
	return RPT_Q_COUNT;		/* nothing to say */
}

/*
 * 两三, 二三十, 十五六, 一万六七千: two adjacent digits of the Chinese
 * numeral [i, j), ascending by one (一二 ... 八九, 两三) or 三五, make an
 * approximate range (概数), the numeral read with the first digit and with
 * the second.  Never in a longer run of digits (一九八九, 二〇二三) nor
 * with a digit after the pair, and not in the names of the five-year
 * plans (十三五, 十四五).  Returns 1 and *lo, *hi, 0 if there is none.
 */
static int
pair_range(const char *p, size_t i, size_t j, struct dec *lo,
    struct dec *hi)
{
	char buf[64];
	size_t a = 0, b = 0, x, k, kp = 0, k1 = 0, k2 = 0, h;
	int32_t c;
	int d, prev = -1, pairs = 0, chars, dw;

	if (j - i > sizeof(buf) - 4 || (j - i == 9 &&
	    (memcmp(p + i, "十三五", 9) == 0 || memcmp(p + i, "十四五", 9) == 0)))
		return 0;
	for (x = i; x < j; prev = d, kp = k, x += k) {
		c = char_at(p + x, j - x, &k);
		if ((d = rpt_cn_digit(c)) < 0) {
			if (c == RPT_CH_DIAN)
				return 0;
			continue;
		}
		if (pairs > 0 && x >= b)
			return 0;	/* a digit after the pair */
		if (prev < 0)
			continue;
		if (pairs++ > 0 || !((d == prev + 1 && prev >= 1) ||
		    (prev == 3 && d == 5)))
			return 0;
		a = x - kp;
		b = x + k;
		k1 = kp;
		k2 = k;
	}
	if (pairs == 0)
		return 0;
	/* The numeral with the first digit alone, then with the second. */
	h = a - i;
	memcpy(buf, p + i, h);
	memcpy(buf + h, p + a, k1);
	memcpy(buf + h + k1, p + b, j - b);
	x = 0;
	if (chinese(buf, h + k1 + (j - b), &x, lo, &chars, &dw) != 1)
		return 0;
	memcpy(buf + h, p + a + k1, k2);
	memcpy(buf + h + k2, p + b, j - b);
	x = 0;
	return chinese(buf, h + k2 + (j - b), &x, hi, &chars, &dw) == 1;
}

/* ---------------------------------------------------------------- rules */

/* The paragraph the rules read, and the numeral they are tried at. */
struct scan {
	const struct rpt_numbers *x;
	const char	*p;
	size_t		 n;
	size_t		 i;	/* where the numeral starts */
	int32_t		 c;	/* its first character */
	size_t		 k;	/* that character's length */
};

/* A number read at the numeral, for the rules tried after it. */
struct num {
	int		 r;	/* number()'s: 1, or -1 when too long */
	size_t		 j;	/* its end */
	struct dec	 v;
	int		 idig;	/* integer digits (2023: 4), 0 if not plain */
	int		 cn;	/* written in Chinese numerals */
	enum rpt_qual	 pend;	/* a qualifier between it and its 万 or 亿 */
	/* unit_after() right after it, once unit_range() has asked: */
	int		 ucached;
	size_t		 uend;
	struct after	 ua;
};

/*
 * What a rule took: the scan goes on at end (rpt_numbers() makes sure it
 * moves on), and what record() keeps.
 */
struct took {
	size_t		 end;
	enum {
		TOOK_NOTHING,		/* nothing to keep: 一定, 这一, 百姓 */
		TOOK_QUANTITY,		/* the mention q */
		TOOK_OTHER		/* a non-quantity for -a: off, len, kind */
	}		 what;
	size_t		 off, len;
	enum rpt_qkind	 kind;
	struct rpt_quantity q;
};

/* The rules end with one of these three: each returns 1, "it applied". */
static int
took_nothing(struct took *t, size_t end)
{
	t->what = TOOK_NOTHING;
	t->end = end;
	return 1;
}

static int
took_other(struct took *t, size_t off, size_t len, enum rpt_qkind kind,
    size_t end)
{
	t->what = TOOK_OTHER;
	t->off = off;
	t->len = len;
	t->kind = kind;
	t->end = end;
	return 1;
}

/* q, filled in by the rule, is the mention. */
static int
took_quantity(struct took *t, size_t end)
{
	t->what = TOOK_QUANTITY;
	t->end = end;
	return 1;
}

/*
 * Take q, its number from i to end, with a qualifier written before it
 * when none came after (超过百分之九十, 近千分之五).
 */
static int
took_qualified(const struct scan *s, struct took *t, size_t i, size_t end)
{
	struct rpt_quantity *q = &t->q;
	size_t ql;

	q->off = i;
	if (q->qual == RPT_QUAL_EXACT) {
		q->qual = qual_behind(s->x, s->p, i, &ql);
		q->off -= ql;
	}
	q->len = end - q->off;
	return took_quantity(t, end);
}

/*
 * The rules tried at a numeral before it is read as a number.  Each
 * returns 1 and fills *t when it applies, else 0.
 */

/* 无一起, 无一例: none. */
static int
rule_none(const struct scan *s, struct took *t)
{
	const char *p = s->p;
	size_t u, i = s->i;

	if (s->c != RPT_CH_CN_1 || i < s->x->floor + 3 ||
	    memcmp(p + i - 3, "无", 3) != 0 ||
	    (u = wlist_at(&s->x->counts, p + i + 3, s->n - i - 3)) == 0)
		return 0;
	quantity_clear(&t->q);
	t->q.kind = RPT_Q_COUNT;
	t->q.qual = RPT_QUAL_EXACT;
	t->q.value[0] = '0';
	t->q.value[1] = '\0';
	t->q.off = i - 3;
	t->q.len = 6 + u;
	t->q.unit = p + i + 3;
	t->q.unit_len = u;
	return took_quantity(t, i + 3 + u);
}

/* 统一部署: the numeral is inside a word that began before. */
static int
rule_inner(const struct scan *s, struct took *t)
{
	size_t u, m;

	if (digit_value(s->c) >= 0 ||
	    (u = inner_word(s->x, s->p, s->n, s->i, &m)) == 0)
		return 0;
	/* 最后一公里: a name, from its first character. */
	if (s->x->inner_name[m])
		return took_other(t, s->i - s->x->inner_pre[m],
		    s->x->inner_len[m], RPT_Q_NAME, s->i + u);
	return took_nothing(t, s->i + u);
}

/* 前三季度: the first quarters, a duration (三季度 is Q3). */
static int
rule_quarters(const struct scan *s, struct took *t)
{
	size_t i = s->i, k = s->k;
	int d = rpt_cn_digit(s->c);

	if (d <= 0 || !starts(s->p + i + k, s->n - i - k, "季度") || i < 3 ||
	    memcmp(s->p + i - 3, "前", 3) != 0)
		return 0;
	quantity_clear(&t->q);
	t->q.kind = RPT_Q_DURATION;
	t->q.qual = RPT_QUAL_EXACT;
	t->q.value[0] = (char)('0' + d);
	t->q.value[1] = '\0';
	t->q.off = i;
	t->q.len = k + 6;
	t->q.unit = s->p + i + k;
	t->q.unit_len = 6;
	return took_quantity(t, i + k + 6);
}

/* The set phrases of names[]: 三会一课, 一网通办. */
static int
rule_name(const struct scan *s, struct took *t)
{
	size_t u;

	if (digit_value(s->c) >= 0 || (u = wlist_at_c(&s->x->names,
	    s->p + s->i, s->n - s->i, s->c, s->k)) == 0)
		return 0;
	return took_other(t, s->i, u, RPT_Q_NAME, s->i + u);
}

/* The words of words[] that only look numeric: 一定, 十分. */
static int
rule_word(const struct scan *s, struct took *t)
{
	const char *p = s->p;
	size_t u, i = s->i, n = s->n, k;

	if (digit_value(s->c) >= 0 ||
	    (u = wlist_at_c(&s->x->words, p + i, n - i, s->c, s->k)) == 0)
		return 0;
	/* (一点二六万亿 is a number.) */
	if (u == 6 && memcmp(p + i, "一点", 6) == 0 &&
	    rpt_cn_digit(char_at(p + i + 6, n - i - 6, &k)) >= 0)
		return 0;
	return took_nothing(t, i + u);
}

/*
 * 十分之三, 千分之五, 万分之三, 亿分之一: a ratio over a power of ten,
 * exact to its last digit (十分 and 万分 are words elsewhere: 十分重要).
 */
static int
rule_power_ratio(const struct scan *s, struct took *t)
{
	struct rpt_quantity *q = &t->q;
	const char *p = s->p;
	size_t i = s->i, n = s->n, j = i + s->k + 6, end;
	struct dec v;
	int u = cn_unit(s->c), idig, cn;

	/* (百分之 is a percent: rule_percent_words.) */
	if (u == 0 || u == 2 ||
	    !starts(p + i + s->k, n - i - s->k, "分之") ||
	    number(p, n, &j, &v, &idig, &cn) != 1 ||
	    dec_magnitude(&v) > EXP_MAX)
		return 0;
	v.exp -= u;
	quantity_clear(q);
	q->kind = RPT_Q_RATIO;
	q->unit = "";
	set_value(q, &v, NULL);
	end = qual_after(s->x, p, n, j, &q->qual);
	return took_qualified(s, t, i, end);
}

/*
 * 一点一个百分点: 一点 and a digit, then a unit, is a decimal (1.1 points),
 * no 一X一Y (一点一滴 is one).
 */
static int
decimal_with_unit(const struct scan *s)
{
	const char *p = s->p;
	size_t n = s->n, j = s->i;
	struct dec v;
	struct after a;
	int idig, cn;

	if (!starts(p + s->i, n - s->i, "一点") ||
	    number(p, n, &j, &v, &idig, &cn) != 1 || v.exp >= 0)
		return 0;
	return unit_after(s->x, p, n, j, &v, idig, &a) > 0;
}

/* 一村一法律顾问: a set pattern of names (set_phrase()). */
static int
rule_set_phrase(const struct scan *s, struct took *t)
{
	size_t u;

	if ((u = set_phrase(s->p, s->n, s->i)) == 0 || decimal_with_unit(s))
		return 0;
	return took_other(t, s->i, u, RPT_Q_NAME, s->i + u);
}

/* 这一, 每一: 一 as "this" or "every". */
static int
rule_determiner(const struct scan *s, struct took *t)
{
	if (!determiner(s->p, s->n, s->i))
		return 0;
	return took_nothing(t, s->i + s->k);
}

/* 数十人, 上百人: a vague amount, from the character before. */
static int
rule_vague_amount(const struct scan *s, struct took *t)
{
	size_t u;

	/* (Its first character, before i, not in text a rule took.) */
	if (digit_value(s->c) >= 0 ||
	    (u = vague_amount(s->p, s->n, s->i)) == 0 ||
	    s->x->floor + 3 > s->i)
		return 0;
	return took_other(t, s->i - 3, u + 3, RPT_Q_VAGUE, s->i + u);
}

/* The words before 一项 that make it an article: 作为一项长期任务. */
static const char *const article_before[] = { "作为", "成为", "是", NULL };
/* The measure words of such an article. */
static const char *const article_words[] = { "项", "个", "条", NULL };

/*
 * 作为一项长期任务来抓, 是一个重要举措, 成为一条新路径: 一项, 一个 and 一条
 * after 作为, 是 or 成为 and before a noun phrase are the article "a", not
 * a count (-a writes them vague: they name no number).  Not 是一个月 (a
 * duration), 是一个多 or 是一项。(counts).
 */
static int
rule_article(const struct scan *s, struct took *t)
{
	const char *p = s->p;
	size_t i = s->i, n = s->n, f = s->x->floor, e, k;
	struct after a;
	struct dec one;
	int32_t c;

	if (s->c != RPT_CH_CN_1 || i < f + 3 ||
	    (char_before(p, i, &c), c != RPT_CH_SHI && c != RPT_CH_WEI) ||
	    word_at(p + i + 3, n - i - 3, article_words) == 0 ||
	    word_before(p + f, i - f, article_before) == 0)
		return 0;
	one.d[0] = '1';
	one.d[1] = '\0';
	one.nd = 1;
	one.exp = 0;
	e = i + 6;
	c = char_at(p + e, n - e, &k);
	if (unit_after(s->x, p, n, i + 3, &one, 0, &a) != e ||
	    a.kind != RPT_Q_COUNT || !is_han(c) || rpt_cn_digit(c) >= 0 ||
	    cn_unit(c) > 0 || word_at(p + e, n - e, post_over) > 0 ||
	    word_at(p + e, n - e, post_at_least) > 0 ||
	    word_at(p + e, n - e, post_at_most) > 0 ||
	    word_at(p + e, n - e, post_approx) > 0)
		return 0;
	return took_other(t, i, e - i, RPT_Q_VAGUE, e);
}

/* 一批, 一大批: amounts that name no number. */
static int
rule_vague_word(const struct scan *s, struct took *t)
{
	size_t u;

	/* (The numeral's first character says no at once, nearly always.) */
	if (!bit(&s->x->vague_first, s->c) ||
	    (u = word_at(s->p + s->i, s->n - s->i, vague_words)) == 0)
		return 0;
	return took_other(t, s->i, u, RPT_Q_VAGUE, s->i + u);
}

/*
 * 百分之三十到四十, 百分之三十至百分之四十: a range of percents written
 * out, the number after the mark ending at j.  Sets q's range and
 * returns its end; j when there is none.
 */
static size_t
percent_range(const struct scan *s, size_t j, struct rpt_quantity *q)
{
	const char *p = s->p;
	size_t n = s->n, t, k;
	struct dec w;
	struct after a;
	int idig, cn;

	if ((t = range_mark(p, n, j)) == 0)
		return j;
	k = j + t;
	if (starts(p + k, n - k, "百分之"))
		k += 9;
	/* Not 百分之三十至2025年: nothing that quantifies after it. */
	if (number(p, n, &k, &w, &idig, &cn) != 1 ||
	    dec_magnitude(&w) > EXP_MAX ||
	    unit_after(s->x, p, n, k, &w, idig, &a) > 0)
		return j;
	q->qual = RPT_QUAL_RANGE;
	dec_format(&w, q->max, sizeof(q->max));
	return k;
}

/* 百分之九十八: a percent written out. */
static int
rule_percent_words(const struct scan *s, struct took *t)
{
	struct rpt_quantity *q = &t->q;
	const char *p = s->p;
	size_t i = s->i, n = s->n, j = i + 9, end;
	struct dec v, w;
	enum rpt_qual rq;
	int idig, cn;

	if (!starts(p + i, n - i, "百分之") ||
	    number(p, n, &j, &v, &idig, &cn) != 1 ||
	    dec_magnitude(&v) > EXP_MAX)
		return 0;
	quantity_clear(q);
	q->kind = RPT_Q_PERCENT;
	q->unit = "%";
	q->unit_len = 1;
	set_value(q, &v, NULL);
	j = percent_range(s, j, q);
	/* (A range keeps its qualifier; 以上 after it stays in the text.) */
	end = qual_after(s->x, p, n, j,
	    q->qual == RPT_QUAL_RANGE ? &rq : &q->qual);
	/* 百分之二三十: an approximate range (pair_range()). */
	if (q->qual != RPT_QUAL_RANGE && cn && pair_range(p, i + 9, j, &v, &w)) {
		set_value(q, &v, &w);
		q->qual = RPT_QUAL_RANGE;
	}
	return took_qualified(s, t, i, end);
}

/* 亿亿亿: a run of 万 and 亿 (unit_run()) is a code. */
static int
rule_unit_run(const struct scan *s, struct took *t)
{
	size_t u;

	/* (Its first character is the numeral's, decoded already.) */
	if (cn_unit(s->c) < 4 || (u = unit_run(s->p, s->n, s->i)) == 0)
		return 0;
	return took_other(t, s->i, u, RPT_Q_CODE, s->i + u);
}

/* 百姓, 千万: a Chinese unit alone that counts nothing. */
static int
rule_lone_unit(const struct scan *s, struct took *t)
{
	if (rpt_cn_digit(s->c) >= 0 || digit_value(s->c) >= 0 ||
	    cn_unit(s->c) == 0 ||
	    lone_unit_counts(s->x, s->p, s->n, s->i, s->k))
		return 0;
	return took_nothing(t, s->i + s->k);
}

/* 零复议, 零诉讼: a zero count of what follows. */
static int
rule_zero(const struct scan *s, struct took *t)
{
	size_t end;

	if (s->c != RPT_CH_LING || !zero_count(s->p, s->n, s->i, &t->q, &end))
		return 0;
	/* “零亡人”: a slogan's name. */
	if (in_short_quote(s->p, s->n, s->i, end))
		return took_other(t, s->i, end - s->i, RPT_Q_NAME, end);
	return took_quantity(t, end);
}

/*
 * The rules tried after the number is read, in order: the last one
 * always applies.  Each returns 1 and fills *t when it applies, else 0.
 */

/*
 * Can date_at() find a date at i, the number ending at j?  Only with
 * numeric_date()'s separator after four characters, or after the number
 * 年 (four digits), a range mark or 月.  Most numbers are none, and this,
 * inline, costs less than the call to find so.
 */
static INLINE int
date_may(const char *p, size_t n, size_t i, size_t j, int idig)
{
	const unsigned char *b;
	uint32_t k;

	if (n - i >= 8 &&
	    (p[i + 4] == '/' || p[i + 4] == '-' || p[i + 4] == '.'))
		return 1;
	j = skip_blank(p, n, j);
	if (range_lead(p, n, j))
		return 1;
	if (n - j < 3)
		return 0;
	/* The character as one key, as range_lead() has it: 月, 年. */
	b = (const unsigned char *)p + j;
	k = (uint32_t)b[0] << 16 | (uint32_t)b[1] << 8 | b[2];
	return k == 0xe69c88 || (idig == 4 && k == 0xe5b9b4);
}

/* Dates first: 2023年12月5日 is one mention. */
static int
rule_date(const struct scan *s, struct num *m, struct took *t)
{
	size_t end, i = s->i;

	/*
	 * Not cleared first, as the other rules clear q: this runs at every
	 * number, and date_at() sets every field of the date it finds (the
	 * rules after this one that keep a quantity clear it themselves).
	 * take() asks first whether the number was read and date_may().
	 */
	if ((end = date_at(s->p, s->n, i, m->j, &m->v, m->idig, &t->q)) == 0)
		return 0;
	/* “新十二月市”: a name. */
	if (in_short_quote(s->p, s->n, i, end))
		return took_other(t, i, end - i, RPT_Q_NAME, end);
	t->q.off = i;
	t->q.len = end - i;
	return took_quantity(t, end);
}

/* Too many digits, or too large: a code. */
static int
rule_too_long(const struct scan *s, struct num *m, struct took *t)
{
	size_t j = m->j;

	if (m->r == 1 && dec_magnitude(&m->v) <= EXP_MAX)
		return 0;
	/* The 万亿 after too many digits go with them. */
	while (j < s->n && magnitude_at(s->p + j, s->n - j))
		j += 3;
	return took_other(t, s->i, j - s->i, RPT_Q_CODE, j);
}

/*
 * 2100多万: a qualifier between the digits and their 万 or 亿.  The
 * number takes both; it is a code only when that makes it too large.
 */
static int
rule_split_magnitude(const struct scan *s, struct num *m, struct took *t)
{
	const char *p = s->p;
	size_t n = s->n, u, e, k;

	if ((u = word_at(p + m->j, n - m->j, post_over)) == 0 ||
	    (e = skip_blank(p, n, m->j + u)) >= n ||
	    cn_unit(char_at(p + e, n - e, &k)) < 4)	/* 万 萬 亿 億 */
		return 0;
	m->j += u;
	multipliers(p, n, &m->j, &m->v, &m->idig);
	m->pend = RPT_QUAL_OVER;
	if (dec_magnitude(&m->v) <= EXP_MAX)
		return 0;
	return took_other(t, s->i, m->j - s->i, RPT_Q_CODE, m->j);
}

/* after_di()'s walk back over the list, once its last byte says it may be. */
static int
di_list(const char *p, size_t i)
{
	size_t k;
	int32_t c;
	int items, digits;

	for (items = 0; i > 0 && items < 8; items++) {
		k = char_before(p, i, &c);
		if (c == RPT_CH_DI)
			return 1;
		if (c != RPT_CH_IDEO_COMMA)
			return 0;
		/* The number before the 、, back to its start. */
		for (i -= k, digits = 0; i > 0; i -= k, digits++) {
			k = char_before(p, i, &c);
			if (digit_value(c) < 0 && rpt_cn_digit(c) < 0 &&
			    cn_unit(c) == 0)
				break;
		}
		if (digits == 0)
			return 0;
	}
	return 0;
}

/*
 * Is the numeral at i in a list after 第: 三 and 四 of 第三、四批, 第3、4、5名
 * (第 applies to every number of the list)?  Looks back over the list,
 * numbers joined by 、, to its 第.  Asked of every number: the byte
 * before it is tested here, inline, and most numbers follow neither
 * (第 ends in 0xac, 、 in 0x81).
 */
static inline int
after_di(const char *p, size_t i)
{
	if (i < 3 || ((unsigned char)p[i - 1] != 0xac &&
	    (unsigned char)p[i - 1] != 0x81))
		return 0;
	return di_list(p, i);
}

/* 一是, 二是: enumerators; 一、 and （一） markers. */
static int
rule_marker(const struct scan *s, struct num *m, struct took *t)
{
	const char *p = s->p;
	size_t i = s->i, k;
	int32_t c;

	if (!m->cn || after_di(p, i))	/* 第三、四批 */
		return 0;
	c = char_at(p + m->j, s->n - m->j, &k);
	if (c != RPT_CH_SHI && c != RPT_CH_IDEO_COMMA &&
	    !((c == RPT_CH_FW_RPAREN || c == ')') && i > 0 &&
	    (p[i - 1] == '(' || (i >= 3 && memcmp(p + i - 3, "（", 3) == 0))))
		return 0;
	return took_other(t, i, m->j - i, RPT_Q_MARKER, m->j);
}

/* Letters and digits mixed (H5, 5G, G318; 3+X; 12345热线): a code. */
static int
code_after(const char *p, size_t n, size_t j, int cn)
{
	size_t k;
	int32_t c = char_at(p + j, n - j, &k);

	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
	    (c == '+' && j + 1 < n && (isalnum_ascii(p[j + 1]))) ||
	    (!cn && starts(p + j, n - j, "热线"));
}

/*
 * 第三 (an ordinal), 〔2024〕7号 and G318 (codes), 二十大 (an ordinal),
 * “十二五” (a name in a short quotation): no quantities.  The name or
 * code takes the rest of its letters and digits with it.
 */
static int
rule_not_quantity(const struct scan *s, struct num *m, struct took *t)
{
	const struct rpt_numbers *x = s->x;
	const char *p = s->p;
	size_t i = s->i, n = s->n, j = m->j, e, k;
	enum rpt_qkind nk = not_before(p, i);
	int32_t c;

	if (code_after(p, n, j, m->cn))
		nk = RPT_Q_CODE;
	if (m->cn && nk == RPT_Q_COUNT && ordinal_after(x, p, n, i, j))
		nk = RPT_Q_ORDINAL;
	if (nk == RPT_Q_COUNT && after_di(p, i))	/* 第三、四批 */
		nk = RPT_Q_ORDINAL;
	if (nk == RPT_Q_COUNT && !in_short_quote(p, n, i, j))
		return 0;
	if (nk == RPT_Q_COUNT)
		nk = RPT_Q_NAME;
	/* Take the rest of the name or code with it: H5, G318. */
	while (j < n) {
		c = char_at(p + j, n - j, &k);
		/* (A code takes no Chinese digit: 5G一体化.) */
		if (!(digit_value(c) >= 0 ||
		    (rpt_cn_digit(c) >= 0 && nk != RPT_Q_CODE) ||
		    (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
		    c == '.' || c == '+' || c == RPT_CH_MIDDLE_DOT))
			break;
		j += k;
	}
	/* A code from the start of its letters, not into the last mention. */
	e = i;
	while (nk == RPT_Q_CODE && e > 0 &&
	    (x->n == 0 || e > x->q[x->n - 1].off + x->q[x->n - 1].len) &&
	    ((p[e - 1] >= 'A' && p[e - 1] <= 'Z') ||
	    (p[e - 1] >= 'a' && p[e - 1] <= 'z')))
		e--;
	return took_other(t, e, j - e, nk, j);
}

/* 三分之一, 1/3: a ratio, the fraction to 6 decimals. */
static int
rule_ratio(const struct scan *s, struct num *m, struct took *t)
{
	size_t end, ql;

	if ((end = ratio(s->p, s->n, s->i, m->j, &m->v, &t->q)) == 0)
		return 0;
	t->q.qual = qual_behind(s->x, s->p, s->i, &ql);
	t->q.off -= ql;
	t->q.len += ql;
	return took_quantity(t, end);
}

/* 5‰, 3‱: per mille and per ten thousand, ratios as 千分之五 is. */
static int
rule_permille(const struct scan *s, struct num *m, struct took *t)
{
	struct rpt_quantity *q = &t->q;
	const char *p = s->p;
	size_t i = s->i, n = s->n, j = m->j, end;
	struct dec v;
	int e;

	if (starts(p + j, n - j, "‰"))
		e = 3;
	else if (starts(p + j, n - j, "‱"))
		e = 4;
	else
		return 0;
	v = m->v;
	v.exp -= e;
	quantity_clear(q);
	q->kind = RPT_Q_RATIO;
	q->unit = "";
	set_value(q, &v, NULL);
	end = qual_after(s->x, p, n, j + 3, &q->qual);
	return took_qualified(s, t, i, end);
}

/* The words before a decade that name its century, and its first year. */
static const struct {
	const char	*w;
	size_t		 len;
	long		 base;
} century_words[] = {
	{ "上个世纪", 12, 1900 }, { "上世纪", 9, 1900 },
	{ "本世纪", 9, 2000 }, { "这个世纪", 12, 2000 }
};

/*
 * 90年代, 上世纪九十年代, 十九世纪四十年代, 20世纪七八十年代: a decade, a
 * year from its first to its last (a range; 七八十年代 1970 to 1989).
 * 世纪 says the century, and without it the decade is the 1900s' (the
 * century reports mean); 1990年代 says it itself.  Not a duration.
 */
static int
rule_decade(const struct scan *s, struct num *m, struct took *t)
{
	struct rpt_quantity *q = &t->q;
	const char *p = s->p;
	size_t i = s->i, n = s->n, j = m->j, off = i, c, f = s->x->floor;
	struct dec lo, hi;
	long base = 1900, a, b;
	int idig, cn, digits = m->idig;

	if (starts(p + j, n - j, "世纪")) {
		if ((a = whole(&m->v)) < 1 || a > 30)
			return 0;
		base = (a - 1) * 100;
		j += 6;
		c = j;
		if (number(p, n, &j, &lo, &idig, &cn) != 1 ||
		    !starts(p + j, n - j, "年代"))
			return 0;
		digits = idig;
		hi = lo;
		if (cn)
			pair_range(p, c, j, &lo, &hi);
	} else if (starts(p + j, n - j, "年代")) {
		lo = hi = m->v;
		if (m->cn)
			pair_range(p, i, j, &lo, &hi);
		for (c = 0; c < NITEMS(century_words); c++)
			if (i >= f + century_words[c].len &&
			    memcmp(p + i - century_words[c].len,
			    century_words[c].w, century_words[c].len) == 0) {
				base = century_words[c].base;
				off = i - century_words[c].len;
				break;
			}
	} else
		return 0;
	a = whole(&lo);
	b = whole(&hi);
	if (digits == 4 && off == i && a == b && a >= 1000 && a % 10 == 0 &&
	    a % 100 != 0 && base == 1900 && j == m->j)
		base = 0;			/* 1990年代 */
	else if (a < 10 || b > 90 || a % 10 != 0 || b % 10 != 0)
		return 0;
	quantity_clear(q);
	q->kind = RPT_Q_YEAR;
	q->qual = RPT_QUAL_RANGE;
	q->unit = "年";
	q->unit_len = 3;
	snprintf(q->value, sizeof(q->value), "%ld", base + a);
	snprintf(q->max, sizeof(q->max), "%ld", base + b + 9);
	q->off = off;
	q->len = j + 6 - off;
	return took_quantity(t, j + 6);
}

/* What follows 成 after a number and makes it a word, not tenths. */
static const char *const tenths_not[] = {
	"成为", "成立", "成员", "成功", "成效", "成果", "成熟", "成本",
	"成就", "成绩", "成交", "成长", "成都", "成年", "成型", "成形",
	"成品", "成套", "成片", "成规模", "成体系", "成网", "成群结队",
	"成不变", NULL
};

/*
 * 九成, 9.5成: 成 after a number above 0 and up to 10 is tenths, a percent
 * ten times it.  Returns the end of 成, 0 if it is none.
 */
static size_t
tenths_at(const char *p, size_t n, size_t j, const struct dec *v)
{
	int mag = dec_magnitude(v), e;

	if (!starts(p + j, n - j, "成") || v->nd == 0 ||
	    word_at(p + j, n - j, tenths_not) > 0)
		return 0;
	if (mag == 2) {			/* 十成: 10 and no more */
		if (v->d[0] != '1')
			return 0;
		for (e = 1; e < v->nd; e++)
			if (v->d[e] != '0')
				return 0;
	} else if (mag > 2)
		return 0;
	return j + 3;
}

/* 九成以上, 约9.5成, 三成多: tenths (tenths_at()), a percent. */
static int
rule_tenths(const struct scan *s, struct num *m, struct took *t)
{
	struct rpt_quantity *q = &t->q;
	const char *p = s->p;
	size_t i = s->i, n = s->n, end;
	struct dec v;

	if ((end = tenths_at(p, n, m->j, &m->v)) == 0)
		return 0;
	v = m->v;
	v.exp++;
	quantity_clear(q);
	q->kind = RPT_Q_PERCENT;
	q->unit = "%";
	q->unit_len = 1;
	set_value(q, &v, NULL);
	if (word_at(p + end, n - end, post_over) > 0) {
		q->qual = RPT_QUAL_OVER;
		end += 3;
	} else
		end = qual_after(s->x, p, n, end, &q->qual);
	return took_qualified(s, t, i, end);
}

/*
 * 两三年, 二三十家, 十五六人, 七八成: adjacent numerals (pair_range()) are
 * an approximate range of what follows.
 */
static int
rule_pair(const struct scan *s, struct num *m, struct took *t)
{
	struct rpt_quantity *q = &t->q;
	const char *p = s->p;
	size_t i = s->i, n = s->n, end;
	struct dec lo, hi;
	struct after a;

	if (!m->cn || !pair_range(p, i, m->j, &lo, &hi))
		return 0;
	if ((end = tenths_at(p, n, m->j, &hi)) > 0) {
		lo.exp++;
		hi.exp++;
		a.kind = RPT_Q_PERCENT;
		a.unit = "%";
		a.unit_len = 1;
	} else if ((end = unit_after(s->x, p, n, m->j, &hi, 0, &a)) == 0)
		return 0;
	quantity_clear(q);
	q->kind = a.kind;
	q->unit = a.unit;
	q->unit_len = a.unit_len;
	q->qual = RPT_QUAL_RANGE;
	set_value(q, &lo, &hi);
	/* (A qualifier after a range stays in it, as rule_quantity's do.) */
	end = qual_after(s->x, p, n, end, &a.qual);
	q->off = i;
	q->len = end - i;
	return took_quantity(t, end);
}

/* The words of a plan's name that a span of years may follow. */
static const char *const plan_words[] = {
	"规划", "纲要", "计划", "方案", "行动", NULL
};

/* A year from 1900 to 2100 written in 4 digits, its value; else -1. */
static long
plain_year(const struct dec *v, int idig, int cn)
{
	long y = whole(v);

	return !cn && idig == 4 && y >= 1900 && y <= 2100 ? y : -1;
}

/*
 * 规划(2021-2025), 纲要（2021—2035）, 行动计划2023-2025: two years joined
 * by a range mark, without 年, in brackets or after a plan's word, are a
 * range of years.
 */
static int
rule_year_range(const struct scan *s, struct num *m, struct took *t)
{
	const char *p = s->p;
	size_t i = s->i, n = s->n, j = m->j, k, e;
	struct dec w;
	struct after a;
	int idig2, cn2, open;
	int32_t c = 0;
	long y1, y2;

	if (m->idig != 4 || m->cn || (k = range_mark(p, n, j)) == 0 ||
	    (y1 = plain_year(&m->v, m->idig, m->cn)) < 0)
		return 0;
	e = j + k;
	if (number(p, n, &e, &w, &idig2, &cn2) != 1 ||
	    (y2 = plain_year(&w, idig2, cn2)) <= y1 ||
	    unit_after(s->x, p, n, e, &w, idig2, &a) > 0)
		return 0;
	if (i > 0)
		char_before(p, i, &c);
	open = c == '(' || c == RPT_CH_FW_LPAREN;
	if (!(open && (starts(p + e, n - e, ")") ||
	    starts(p + e, n - e, "）"))) && word_before(p, i, plan_words) == 0)
		return 0;
	quantity_clear(&t->q);
	t->q.kind = RPT_Q_YEAR;
	t->q.qual = RPT_QUAL_RANGE;
	t->q.unit = "年";
	t->q.unit_len = 3;
	set_value(&t->q, &m->v, &w);
	t->q.off = i;
	t->q.len = e - i;
	return took_quantity(t, e);
}

/*
 * 1万元--5万元, 3人至5人: a range whose first number has the unit of the
 * second after it.  Returns where the second number ends (its value in
 * *w), 0 if there is no such range.
 */
static size_t
unit_range(const struct scan *s, struct num *m, struct dec *w, int *idig2)
{
	const char *p = s->p;
	size_t n = s->n, u, t, j2;
	struct after a, b;
	int cn2;

	/* (Kept in m: rule_quantity() needs it when there is no range.) */
	u = unit_after(s->x, p, n, m->j, &m->v, m->idig, &a);
	m->ucached = 1;
	m->uend = u;
	m->ua = a;
	if (u == 0 || (t = range_mark(p, n, u)) == 0)
		return 0;
	j2 = u + t;
	if (number(p, n, &j2, w, idig2, &cn2) != 1 ||
	    dec_magnitude(w) > EXP_MAX ||
	    unit_after(s->x, p, n, j2, w, *idig2, &b) == 0 ||
	    a.kind != b.kind || a.unit_len != b.unit_len ||
	    memcmp(a.unit, b.unit, a.unit_len) != 0)
		return 0;
	return j2;
}

/*
 * A range after the number at m: 1-2名, 三至五次, 2021—2025年, 5%—8%.
 * Sets q's qualifier and values and the upper end in *w and *idig2 when
 * there is one; returns where the unit is looked for.
 */
static size_t
range_to(const struct scan *s, struct num *m, struct rpt_quantity *q,
    struct dec *w, int *idig2)
{
	const char *p = s->p;
	size_t n = s->n, j = m->j, j1, j2, t;
	struct after a;
	int cn2, e;

	if ((t = range_mark(p, n, j)) > 0) {
		j2 = j + t;
		/* 5%—8%: the first unit may stand before the dash. */
		if (number(p, n, &j2, w, idig2, &cn2) != 1 ||
		    dec_magnitude(w) > EXP_MAX ||
		    unit_after(s->x, p, n, j2, w, *idig2, &a) == 0)
			return j;
		/* 3-5亿元, 三至五万人: 3亿 to 5亿; not 8000-1亿元. */
		if (!magnitude_word(p, j)) {
			e = trailing_magnitude(p, j + t, j2);
			m->v.exp += e;
			if (dec_magnitude(&m->v) > dec_magnitude(w))
				m->v.exp -= e;
		}
	} else if (starts(p + j, n - j, "%") || starts(p + j, n - j, "％")) {
		j1 = j + (p[j] == '%' ? 1 : 3);
		if ((t = range_mark(p, n, j1)) == 0)
			return j;
		j2 = j1 + t;
		if (number(p, n, &j2, w, idig2, &cn2) != 1 ||
		    !(starts(p + j2, n - j2, "%") ||
		    starts(p + j2, n - j2, "％")))
			return j;
	} else if ((j2 = unit_range(s, m, w, idig2)) == 0)
		return j;
	q->qual = RPT_QUAL_RANGE;
	set_value(q, &m->v, w);
	return j2;
}

/*
 * A number with no unit after it that still counts: 人口1500万 (a
 * magnitude counts what it names), 2023法治政府建设 (a year before a
 * noun).  Returns its end, 0 if none.
 */
static size_t
bare_number(const struct scan *s, const struct num *m, struct after *a)
{
	size_t j = m->j, k;

	a->unit = "";
	a->unit_len = 0;
	a->qual = RPT_QUAL_EXACT;
	/* 人民币5万: the currency before the number, money in 元. */
	if (s->i >= s->x->floor + 9 &&
	    memcmp(s->p + s->i - 9, "人民币", 9) == 0) {
		a->kind = RPT_Q_MONEY;
		a->unit = "元";
		a->unit_len = 3;
		return j;
	}
	if (!m->cn && magnitude_word(s->p, j)) {
		a->kind = RPT_Q_COUNT;
		return j;
	}
	if (m->idig == 4 && !m->cn && dec_magnitude(&m->v) == 4 &&
	    m->v.exp >= 0 && atoi(m->v.d) >= 1900 && atoi(m->v.d) <= 2100 &&
	    j < s->n && is_han(char_at(s->p + j, s->n - j, &k))) {
		a->kind = RPT_Q_YEAR;
		a->unit = "年";
		a->unit_len = 3;
		return j;
	}
	return 0;
}

/* 一个半月: 个半 and a unit of time, the unit as 个月 writes it. */
static const struct { const char *w, *unit; } half_units[] = {
	{ "个半月", "个月" }, { "个半小时", "小时" }, { "个半星期", "个星期" },
	{ "个半工作日", "个工作日" }
};

/*
 * Does the 半 of 三吨半 end the amount at i: the end, punctuation or white
 * space, or 的 or 多?  Not before a word (三人半数, 两米半高).
 */
static int
half_ends(const char *p, size_t n, size_t i)
{
	int32_t c;

	if (i >= n)
		return 1;
	decode(p + i, n - i, &c);
	return !is_han(c) || c == 0x7684 /* 的 */ || c == 0x591a /* 多 */;
}

/*
 * 三年半, 一个半月, 一个半小时, 一吨半: half a unit more.  The number v
 * ends at j and its unit (in *a) at end; returns the new end, and adds a
 * half to v.  Not after a decimal.
 */
static size_t
half(const char *p, size_t n, size_t j, size_t end, struct dec *v,
    struct after *a)
{
	size_t u;

	/*
	 * Asked of every quantity, and most have neither 半 after their unit
	 * nor 个 (with which every half_units word starts) after the number.
	 */
	if (!starts(p + end, n - end, "半") && !starts(p + j, n - j, "个"))
		return end;
	/* (Only after 个, a duration's unit or a measure: 一吨半.) */
	if (v->exp < 0 || (a->kind != RPT_Q_DURATION &&
	    a->kind != RPT_Q_COUNT && !starts(p + j, n - j, "个")))
		return end;
	for (u = 0; u < NITEMS(half_units); u++)
		if (starts(p + j, n - j, half_units[u].w))
			break;
	if (u < NITEMS(half_units)) {
		a->kind = RPT_Q_DURATION;
		a->unit = half_units[u].unit;
		a->unit_len = strlen(a->unit);
		end = j + strlen(half_units[u].w);
	} else if (a->kind == RPT_Q_DURATION && end == j + a->unit_len &&
	    starts(p + end, n - end, "半"))
		end += 3;
	else if (a->kind == RPT_Q_COUNT && a->unit_len > 0 &&
	    end == j + a->unit_len && starts(p + end, n - end, "半") &&
	    half_ends(p, n, end + 3))
		end += 3;
	else
		return end;
	/* v + 0.5: its zeros written out, then the 5 after the point. */
	for (; v->nd > 0 && v->exp > 0; v->exp--)
		if (dec_digit(v, 0) == -1)
			return end;
	if (dec_digit(v, 5) == -1)
		return end;
	v->exp = -1;
	return end;
}

/* What makes 负 a sign: 增长负3.9%, 为负2%, 增长率负1.5%. */
static const char *const minus_after[] = { "增长", "为", "率", NULL };

/*
 * The length of a sign right before the number at i: - － − or 负, 0 if
 * none.  A dash after a number, a unit or a closing bracket (6%－6.5%,
 * 3人-5人, 1万(含)-5万元) marks a range, after a letter a code; 负 is a sign only after minus_after (not
 * in 减负15.9亿元, 税负).
 */
static size_t
sign_before(const struct scan *s, size_t i)
{
	const char *p = s->p;
	size_t k, f = s->x->floor;
	int32_t c, b = 0;

	/* The last byte of - － − 负 first: this is asked of every quantity. */
	if (i <= f || i == 0 || (p[i - 1] != '-' &&
	    (unsigned char)p[i - 1] != 0x8d && (unsigned char)p[i - 1] != 0x92 &&
	    (unsigned char)p[i - 1] != 0x9f))
		return 0;
	k = char_before(p, i, &c);
	if (c == RPT_CH_FU)
		return i - k >= f && word_before(p + f, i - k - f,
		    minus_after) > 0 ? k : 0;
	if (c != '-' && c != RPT_CH_FW_HYPHEN_MINUS && c != RPT_CH_MINUS)
		return 0;
	/* The mention before ends at the dash: a range, or 3人-5人. */
	if (i - k == f && f > 0)
		return 0;
	if (i - k > 0) {
		char_before(p, i - k, &b);
		/* 1万(含)-5万元: after a closing bracket it is a range too. */
		if (isalnum_ascii(b) || b == '%' || b == '-' ||
		    digit_value(b) >= 0 || rpt_cn_digit(b) >= 0 || cn_unit(b) > 0 ||
		    (rpt_char_class(b) & (RPT_C_DOT | RPT_C_CLOSE)))
			return 0;
	}
	return k;
}

/*
 * -3.5%, 增长负3.9%: a sign written before the number of q makes its
 * value negative, as written; words (负增长, 下降) never do.  Not for
 * years and dates, nor a value of zero.
 */
static void
signed_value(const struct scan *s, struct rpt_quantity *q)
{
	size_t k, ql;
	enum rpt_qual b;

	if (q->off != s->i || (k = sign_before(s, s->i)) == 0 ||
	    q->kind == RPT_Q_YEAR || q->kind == RPT_Q_DATE ||
	    strcmp(q->value, "0") == 0 ||
	    strlen(q->value) + 2 > sizeof(q->value))
		return;
	memmove(q->value + 1, q->value, strlen(q->value) + 1);
	q->value[0] = '-';
	q->off -= k;
	q->len += k;
	/* 约为-2%: a qualifier before the sign. */
	if (q->qual == RPT_QUAL_EXACT &&
	    (b = qual_behind(s->x, s->p, q->off, &ql), ql > 0)) {
		q->qual = b;
		q->off -= ql;
		q->len += ql;
	}
}

/*
 * The number with its range, unit and qualifiers, a quantity; without a
 * unit, a code (8 digits or more) or a vague amount.
 */
static int
rule_quantity(const struct scan *s, struct num *m, struct took *t)
{
	struct rpt_quantity *q = &t->q;
	const char *p = s->p;
	size_t i = s->i, n = s->n, e, end, ql;
	struct after a;
	struct dec w;
	enum rpt_qual b;
	int idig2 = 0, range;

	quantity_clear(q);
	q->qual = RPT_QUAL_EXACT;
	e = range_to(s, m, q, &w, &idig2);
	range = q->qual == RPT_QUAL_RANGE;
	if (!range && m->ucached && e == m->j) {
		end = m->uend;
		a = m->ua;
	} else
		end = unit_after(s->x, p, n, e, range ? &w : &m->v,
		    range ? idig2 : m->idig, &a);
	if (end == 0 && (end = bare_number(s, m, &a)) == 0)
		return took_other(t, i, m->j - i,
		    m->idig >= 8 ? RPT_Q_CODE : RPT_Q_VAGUE, m->j);
	/* 2倍多, 一年多: 多 after the unit. */
	if ((a.kind == RPT_Q_MULTIPLE || a.kind == RPT_Q_DURATION) &&
	    a.qual == RPT_QUAL_EXACT && !range &&
	    starts(p + end, n - end, "多")) {
		a.qual = RPT_QUAL_OVER;
		end += 3;
	}
	if (!range)
		end = half(p, n, e, end, &m->v, &a);
	if (m->cn && a.kind == RPT_Q_DURATION && a_year(s->x, p, n, i, end))
		return took_nothing(t, end);
	q->kind = a.kind;
	q->unit = a.unit;
	q->unit_len = a.unit_len;
	if (!range) {
		q->qual = a.qual != RPT_QUAL_EXACT ? a.qual : m->pend;
		set_value(q, &m->v, NULL);
	}
	end = qual_after(s->x, p, n, end, range ? &a.qual : &q->qual);
	q->off = i;
	/*
	 * A qualifier before the number belongs to the mention, but not to
	 * a year: 超过2019年水平 compares with the year.
	 */
	if (q->kind != RPT_Q_YEAR && q->qual == RPT_QUAL_EXACT &&
	    (b = qual_behind(s->x, p, i, &ql), ql > 0)) {
		q->qual = b;
		q->off = i - ql;
	}
	q->len = end - q->off;
	signed_value(s, q);
	return took_quantity(t, end);
}

/*
 * Try the rules at the numeral s->i, in order: the first that applies
 * says what is taken.  The order is the table: a rule earlier in it wins
 * (a set phrase before the number in it, a date before a count).  It is
 * written as a chain of calls, not an array of function pointers, so that
 * the compiler can inline the rules' first tests: this runs at every
 * numeral of the text, and the indirect calls cost 5% of rpt-numbers.
 * It stops inlining when take() grows too large, so a rule left out of
 * line has its first test written here as well, before the call (零 for
 * rule_zero, 成 for rule_tenths...): the call at every number cost more
 * than the test, 1% of rpt-numbers.
 */
static void
take(const struct scan *s, struct took *t)
{
	struct num m;

	/* Before the number is read. */
	if (rule_none(s, t) ||			/* 无一起 */
	    rule_inner(s, t) ||			/* 统一, 最后一公里 */
	    rule_quarters(s, t) ||		/* 前三季度 */
	    rule_name(s, t) ||			/* 三会一课 */
	    rule_power_ratio(s, t) ||		/* 千分之五, 十分之三 */
	    rule_word(s, t) ||			/* 一定, 十分 */
	    rule_set_phrase(s, t) ||		/* 一村一法律顾问 */
	    rule_determiner(s, t) ||		/* 这一, 每一 */
	    rule_article(s, t) ||		/* 作为一项任务 */
	    rule_vague_amount(s, t) ||		/* 数十人 */
	    rule_vague_word(s, t) ||		/* 一批 */
	    rule_percent_words(s, t) ||		/* 百分之九十八 */
	    rule_unit_run(s, t) ||		/* 亿亿亿 */
	    rule_lone_unit(s, t) ||		/* 百姓 */
	    (s->c == RPT_CH_LING &&
	    rule_zero(s, t)))			/* 零复议 */
		return;
	m.j = s->i;
	m.pend = RPT_QUAL_EXACT;
	m.ucached = 0;
	if ((m.r = number(s->p, s->n, &m.j, &m.v, &m.idig, &m.cn)) == 0) {
		took_nothing(t, s->i + s->k);
		return;
	}
	/*
	 * After it: the last rule always applies.  q's qualifier is left as
	 * date_at() leaves it when it finds no date.
	 */
	t->q.qual = RPT_QUAL_EXACT;
	if ((m.r == 1 && date_may(s->p, s->n, s->i, m.j, m.idig) &&
	    rule_date(s, &m, t)) ||		/* 2023年12月5日 */
	    rule_too_long(s, &m, t) ||		/* 123456789012345678901 */
	    ((starts(s->p + m.j, s->n - m.j, "多") ||
	    starts(s->p + m.j, s->n - m.j, "余") ||
	    starts(s->p + m.j, s->n - m.j, "餘")) &&
	    rule_split_magnitude(s, &m, t)) ||	/* 2100多万 */
	    (m.cn &&
	    rule_marker(s, &m, t)) ||		/* 一是, 一、, （一） */
	    rule_not_quantity(s, &m, t) ||	/* 第三, G318, 二十大 */
	    ((starts(s->p + m.j, s->n - m.j, "分之") ||
	    slash_at(s->p, s->n, m.j) > 0) &&
	    rule_ratio(s, &m, t)) ||		/* 三分之一, 1/3 */
	    rule_permille(s, &m, t) ||		/* 5‰ */
	    ((starts(s->p + m.j, s->n - m.j, "世纪") ||
	    starts(s->p + m.j, s->n - m.j, "年代")) &&
	    rule_decade(s, &m, t)) ||		/* 90年代, 十九世纪四十年代 */
	    (starts(s->p + m.j, s->n - m.j, "成") &&
	    rule_tenths(s, &m, t)) ||		/* 九成以上 */
	    rule_pair(s, &m, t) ||		/* 两三年, 二三十家 */
	    (m.idig == 4 &&
	    rule_year_range(s, &m, t)))		/* 规划(2021-2025) */
		return;
	rule_quantity(s, &m, t);		/* 1-2名, 3亿元以上, 约5% */
}

/*
 * The offset of the next character from i on that can start a number
 * (a digit, a Chinese digit or unit, 零), or n.  This is the loop every
 * byte of the text goes through, so it decodes only what it must: the
 * text is valid UTF-8 (rpt_input made sure), and no numeral is a 2- or
 * 4-byte character.
 */
static size_t
numeral(const struct rpt_numbers *x, const char *p, size_t n, size_t i)
{
	const unsigned char *s = (const unsigned char *)p, *q, *end;
	unsigned b;

	/*
	 * The 3-byte characters (most of the text) are tested first, each
	 * with one compare of its lead byte; the end of the text is checked
	 * once for them all, by the loop's bound: q < end is i + 3 <= n,
	 * one compare, no sum (a pointer, so that nothing but q steps).
	 */
	if (n - i >= 3) {
		for (q = s + i, end = s + n - 2; q < end; ) {
			b = q[0];
			if (b - 0xe0U < 0x10U) {
				if ((x->start[START_WORD(b, q[1])] >>
				    (q[2] & 0x3fU)) & 1)
					return (size_t)(q - s);
				q += 3;
			} else if (b - '0' < 10U)
				return (size_t)(q - s);
			else
				q += char_len(b);
		}
		i = (size_t)(q - s);
	}
	/* The last byte or two: only an ASCII digit fits there. */
	for (; i < n; i += char_len(s[i]))
		if (s[i] - (unsigned)'0' < 10U)
			return i;
	return n;
}

/*
 * The positions that may start a number in 64 bytes of text, a bit each
 * (see next_start()): base is the first one's offset.
 */
struct cand {
	size_t		 base, end;	/* the positions looked at */
	uint64_t	 m;
};

/*
 * AVX2, where the compiler can make it and the machine has it, finds the
 * positions that may start a number 32 bytes at a time: each of a
 * position's three bytes' nibbles looks up the groups of x->nib that it
 * may belong to (vpshufb), and the position is a candidate when a group
 * is left in all six.  Chosen in rpt_numbers_new() (internal.h's
 * RPT_AVX2 and rpt_have_avx2()).
 */
#ifdef RPT_HAVE_AVX2
#define HAVE_AVX2
#define AVX2		RPT_AVX2

/* The candidates among 32 positions, their bytes a, the next b and c. */
static INLINE AVX2 uint32_t
cand32(__m256i a, __m256i b, __m256i c, const __m256i t[6])
{
	const __m256i lo = _mm256_set1_epi8(0x0f);
	__m256i r;

	r = _mm256_and_si256(
	    _mm256_shuffle_epi8(t[0], _mm256_and_si256(a, lo)),
	    _mm256_shuffle_epi8(t[1],
	    _mm256_and_si256(_mm256_srli_epi16(a, 4), lo)));
	r = _mm256_and_si256(r, _mm256_and_si256(
	    _mm256_shuffle_epi8(t[2], _mm256_and_si256(b, lo)),
	    _mm256_shuffle_epi8(t[3],
	    _mm256_and_si256(_mm256_srli_epi16(b, 4), lo))));
	r = _mm256_and_si256(r, _mm256_and_si256(
	    _mm256_shuffle_epi8(t[4], _mm256_and_si256(c, lo)),
	    _mm256_shuffle_epi8(t[5],
	    _mm256_and_si256(_mm256_srli_epi16(c, 4), lo))));
	return ~(uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(r,
	    _mm256_setzero_si256()));
}

/* The candidates among 32 positions from u, with u[0..33] readable. */
static INLINE AVX2 uint32_t
block32(const unsigned char *u, const __m256i t[6])
{
	return cand32(_mm256_loadu_si256((const void *)u),
	    _mm256_loadu_si256((const void *)(u + 1)),
	    _mm256_loadu_si256((const void *)(u + 2)), t);
}

/*
 * The same for the last 32 bytes of a text, from u: the bytes after them
 * are zeros, shifted in across the lanes (vperm2i128, vpalignr).
 */
static INLINE AVX2 uint32_t
last32(const unsigned char *u, const __m256i t[6])
{
	__m256i a = _mm256_loadu_si256((const void *)u);
	__m256i z = _mm256_permute2x128_si256(a, a, 0x81);

	return cand32(a, _mm256_alignr_epi8(z, a, 1),
	    _mm256_alignr_epi8(z, a, 2), t);
}

/*
 * numeral() with the vector scan: the offset of the next character from i
 * on (i on a character boundary) that can start a number, or n.  *cd
 * keeps the candidates of the last 64 bytes looked at, for the next call
 * (i only grows).  A candidate is a lead byte E0-EF or an ASCII digit,
 * which in valid UTF-8 begins a character, so that any one from i on is
 * one that numeral() would step onto; each 3-byte one is checked against
 * start.  Past n the bytes are taken as zeros, which start nothing; a
 * text of fewer than 64 bytes is left to numeral().
 */
static AVX2 size_t
next_avx2(const struct rpt_numbers *x, struct cand *cd, const char *p,
    size_t n, size_t i)
{
	const unsigned char *s = (const unsigned char *)p;
	__m256i t[6];
	uint64_t m;
	size_t j;

	if (i >= cd->base && i < cd->end) {
		for (m = cd->m & (~0ULL << (i - cd->base)); m != 0;
		    m &= m - 1) {
			j = cd->base + (size_t)__builtin_ctzll(m);
			if (s[j] < 0x80 || (x->start[START_WORD(s[j],
			    s[j + 1])] >> (s[j + 2] & 0x3fU) & 1))
				return j;
		}
		i = cd->end;
	}
	/* (Not a loop: gcc left it one, a dozen instructions a call.) */
#define NIB(k)	_mm256_broadcastsi128_si256(_mm_loadu_si128( \
	(const void *)x->nib[k]))
	t[0] = NIB(0);
	t[1] = NIB(1);
	t[2] = NIB(2);
	t[3] = NIB(3);
	t[4] = NIB(4);
	t[5] = NIB(5);
#undef NIB
	if (n < 64)
		return numeral(x, p, n, i);
	for (; i < n; i = cd->end) {
		cd->base = i;
		cd->end = i + 64;
		if (n - i >= 64 + 2)
			m = (uint64_t)block32(s + i, t) |
			    (uint64_t)block32(s + i + 32, t) << 32;
		else if (n - i > 64) {
			/* 65 bytes: 32 positions now, the last 64 next. */
			m = block32(s + i, t);
			cd->end = i + 32;
		} else {
			/* The last 64 bytes, those before i masked. */
			m = ((uint64_t)block32(s + n - 64, t) |
			    (uint64_t)last32(s + n - 32, t) << 32) &
			    (~0ULL << (i - (n - 64)));
			cd->base = n - 64;
			cd->end = n;
		}
		cd->m = m;
		for (; m != 0; m &= m - 1) {
			j = cd->base + (size_t)__builtin_ctzll(m);
			if (s[j] < 0x80 || (x->start[START_WORD(s[j],
			    s[j + 1])] >> (s[j + 2] & 0x3fU) & 1))
				return j;
		}
	}
	return n;
}
#else
static size_t
next_avx2(const struct rpt_numbers *x, struct cand *cd, const char *p,
    size_t n, size_t i)
{
	(void)cd;
	return numeral(x, p, n, i);
}
#endif /* HAVE_AVX2 */

int
rpt_numbers_check_scan(const struct rpt_numbers *x, const char *p, size_t n)
{
	struct cand cd;
	size_t i, k, want;
	int step;

	if (!x->vec)
		return 1;
	/*
	 * As rpt_numbers() asks, from further on each time: first from the
	 * character after each start found, so that a start missed shows
	 * as a different next one; then one to four characters past it (as
	 * the rules take them).
	 */
	for (step = 0; step < 2; step++) {
		cd.base = cd.end = 0;
		cd.m = 0;
		for (i = 0; ; ) {
			want = numeral(x, p, n, i);
			if (next_avx2(x, &cd, p, n, i) != want)
				return -1;
			if (want >= n)
				break;
			for (i = want, k = step ? want % 4 + 1 : 1;
			    k > 0 && i < n; k--)
				i += char_len((unsigned char)p[i]);
		}
	}
	return 0;
}

/* Record what a rule took: -1 on allocation failure. */
static int
record(struct rpt_numbers *x, const struct took *t)
{
	switch (t->what) {
	case TOOK_QUANTITY:
		return add(x, &t->q);
	case TOOK_OTHER:
		return skip_as(x, t->off, t->len, t->kind);
	default:
		return 0;
	}
}

long
rpt_numbers(struct rpt_numbers *x, const char *p, size_t n, size_t skip,
    const struct rpt_quantity **out)
{
	struct scan s;
	struct took t;
	struct cand cd = { 0, 0, 0 };		/* none yet */
	size_t i = 0, prev = SIZE_MAX;

	x->n = x->floor = 0;
	/*
	 * The text from skip on is all there is: no rule looks back into a
	 * heading's marker, and no mention starts before skip.
	 */
	if (skip > n)
		skip = n;
	s.x = x;
	s.p = p += skip;
	s.n = n -= skip;
	for (;;) {
		/* Every rule takes at least one character: never loop. */
		if (prev != SIZE_MAX && i <= prev)
			i = prev + char_len((unsigned char)p[prev]);
		if ((i = x->vec ? next_avx2(x, &cd, p, n, i) :
		    numeral(x, p, n, i)) >= n)
			break;
		prev = s.i = i;
		s.c = char_at(p + i, n - i, &s.k);
		take(&s, &t);
		if (record(x, &t) == -1)
			return -1;
		i = t.end;
	}
	for (i = 0; i < x->n; i++)
		x->q[i].off += skip;
	*out = x->q;
	return (long)x->n;
}

/* ---------------------------------------------------------------- context */

/*
 * Is c a clause boundary: ，。；：、！？ and ASCII , ; : ! ?  Not the dots
 * (． and . are decimal points too: 1.5), nor ….
 */
static int
boundary(int32_t c)
{
	return (rpt_char_class(c) & (RPT_C_STOP | RPT_C_SEMICOLON |
	    RPT_C_COLON | RPT_C_COMMA | RPT_C_IDEO_COMMA)) != 0;
}

/*
 * Is the 3-byte character at s a clause boundary?  Of them only 、。
 * (U+3001, U+3002) and ！，：；？ (U+FF01-FF1F) are, whose lead bytes are
 * E3 and EF: any other lead says no without decoding (numbers-test checks
 * that every boundary is one of these or ASCII).
 */
static inline int
boundary3(const unsigned char *s)
{
	return (s[0] == 0xe3 || s[0] == 0xef) &&
	    boundary((int32_t)((s[0] & 0x0fU) << 12 | (s[1] & 0x3fU) << 6 |
	    (s[2] & 0x3fU)));
}

/*
 * rpt_trim(), when an end of [*s, *s + *n) may be white space: the first
 * byte may start it (rpt_space_lead), or the last character is neither
 * ASCII nor an ideograph (no white space is).  Most clauses start and
 * end with an ideograph, a digit or a letter.
 */
static inline void
trim(const char **s, size_t *n)
{
	const unsigned char *b = (const unsigned char *)*s;
	size_t len = *n;

	if (len == 0 || (!rpt_space_lead[b[0]] &&
	    ((b[len - 1] < 0x80 && !rpt_space_lead[b[len - 1]]) ||
	    (len >= 3 && rpt_han_lead(b[len - 3])))))
		return;
	rpt_trim(s, n);
}

void
rpt_quantity_context(const char *p, size_t n, const struct rpt_quantity *q,
    struct rpt_context *c)
{
	const unsigned char *b = (const unsigned char *)p;
	const char *s;
	size_t i, k, len, chars, end = q->off + q->len;
	int32_t ch;

	/* Back to the last boundary, the end nearest the number kept. */
	for (i = q->off, chars = 0; i > 0 && chars < RPT_CONTEXT_MAX;
	    chars++) {
		/*
		 * A 3-byte character, most of the text, told by its lead
		 * byte alone (boundary3()): in valid UTF-8 a lead byte
		 * E0-EF three back from i leads the character that ends
		 * at i.
		 */
		if (i >= 3 && b[i - 3] - 0xe0U < 0x10U) {
			if (boundary3(b + i - 3))
				break;
			i -= 3;
			continue;
		}
		k = char_before(p, i, &ch);
		if (boundary(ch))
			break;
		i -= k;
	}
	s = p + i;
	len = q->off - i;
	trim(&s, &len);
	c->before_off = (size_t)(s - p);
	c->before_len = len;
	/* On to the next one. */
	for (i = end, chars = 0; i < n && chars < RPT_CONTEXT_MAX; chars++) {
		/* Here too. */
		if (b[i] - 0xe0U < 0x10U && n - i >= 3) {
			if (boundary3(b + i))
				break;
			i += 3;
			continue;
		}
		k = decode(p + i, n - i, &ch);
		if (boundary(ch))
			break;
		i += k;
	}
	s = p + end;
	len = i - end;
	trim(&s, &len);
	c->after_off = (size_t)(s - p);
	c->after_len = len;
}
