/*
 * text.c - character helpers on valid UTF-8, growable buffers, and the
 * comparison key.  The hot paths (decode, white space, counting) are written
 * by hand; utf8proc is used only where Unicode tables are really needed (the
 * NFKC of the key).
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "internal.h"

size_t
rpt_utf8_char(const unsigned char *p, size_t n, size_t *bad)
{
	unsigned char b = p[0], lo = 0x80, hi = 0xbf;
	size_t need, k;

	*bad = 0;
	if (b < 0x80)
		return 1;
	if (b >= 0xc2 && b <= 0xdf)
		need = 1;
	else if (b >= 0xe0 && b <= 0xef) {
		need = 2;
		if (b == 0xe0)
			lo = 0xa0;
		else if (b == 0xed)
			hi = 0x9f;
	} else if (b >= 0xf0 && b <= 0xf4) {
		need = 3;
		if (b == 0xf0)
			lo = 0x90;
		else if (b == 0xf4)
			hi = 0x8f;
	} else {
		*bad = 1;
		return 0;
	}
	for (k = 1; k <= need; k++) {
		if (k >= n)
			return 0;		/* cut off: need more bytes */
		if (p[k] < lo || p[k] > hi) {
			*bad = k;
			return 0;
		}
		lo = 0x80;
		hi = 0xbf;
	}
	return need + 1;
}

int
rpt_is_han(int32_t c)
{
	return (c >= RPT_CH_HAN_FIRST && c <= RPT_CH_HAN_LAST) ||
	    (c >= RPT_CH_HAN_A_FIRST && c <= RPT_CH_HAN_A_LAST) ||
	    (c >= RPT_CH_HAN_COMPAT_FIRST && c <= RPT_CH_HAN_COMPAT_LAST) ||
	    (c >= RPT_CH_HAN_B_FIRST && c <= RPT_CH_HAN_H_LAST) ||
	    c == RPT_CH_IDEO_ZERO;
}

/* Is the 3-byte character at p (valid UTF-8) a CJK ideograph? */
static inline int
han3(const unsigned char *p)
{
	unsigned cp = (p[0] & 0x0fU) << 12 | (p[1] & 0x3fU) << 6 |
	    (p[2] & 0x3fU);

	return (cp >= RPT_CH_HAN_FIRST && cp <= RPT_CH_HAN_LAST) ||
	    (cp >= RPT_CH_HAN_A_FIRST && cp <= RPT_CH_HAN_A_LAST) ||
	    (cp >= RPT_CH_HAN_COMPAT_FIRST && cp <= RPT_CH_HAN_COMPAT_LAST) ||
	    cp == RPT_CH_IDEO_ZERO;
}

#ifdef __SSE2__
/* The sum of the 16 byte lanes of acc (counts of up to 255 each). */
static inline size_t
han_lanes(__m128i acc)
{
	__m128i s = _mm_sad_epu8(acc, _mm_setzero_si128());

	return (size_t)_mm_cvtsi128_si32(s) +
	    (size_t)_mm_cvtsi128_si32(_mm_srli_si128(s, 8));
}
#endif

size_t
rpt_count_han(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0, count = 0;
	int32_t c;
#ifdef __SSE2__
	/*
	 * Sixteen bytes at a time, with the two bytes after each: a lead E5
	 * to E9 always starts an ideograph (U+5000-U+9FFF); E4 does but
	 * before B7 (U+4DC0-U+4DFF are hexagrams); E3 from 90 (U+3400) on;
	 * EF with A4 to AB (U+F900-U+FAFF).  〇 (E3 80 87) and the 4-byte
	 * leads F0 are decoded one by one.  Continuation bytes are never
	 * leads, so block edges do not matter.
	 */
	const __m128i e5 = _mm_set1_epi8((char)0xe5), four = _mm_set1_epi8(4);
	const __m128i seven = _mm_set1_epi8(7), a4 = _mm_set1_epi8((char)0xa4);
	const __m128i x90 = _mm_set1_epi8((char)0x90);
	__m128i x, y, z, d, m, acc = _mm_setzero_si128();
	unsigned bits, blocks = 0;

	for (; i + 18 <= n; i += 16) {
		x = _mm_loadu_si128((const __m128i *)(const void *)(p + i));
		y = _mm_loadu_si128((const __m128i *)(const void *)(p + i + 1));
		z = _mm_loadu_si128((const __m128i *)(const void *)(p + i + 2));
		/* Each match subtracts -1, adding 1 to its lane. */
		d = _mm_sub_epi8(x, e5);
		m = _mm_cmpeq_epi8(_mm_min_epu8(d, four), d);
		m = _mm_or_si128(m, _mm_andnot_si128(
		    _mm_cmpeq_epi8(y, _mm_set1_epi8((char)0xb7)),
		    _mm_cmpeq_epi8(x, _mm_set1_epi8((char)0xe4))));
		m = _mm_or_si128(m, _mm_and_si128(
		    _mm_cmpeq_epi8(x, _mm_set1_epi8((char)0xe3)),
		    _mm_cmpeq_epi8(_mm_max_epu8(y, x90), y)));
		d = _mm_sub_epi8(y, a4);
		m = _mm_or_si128(m, _mm_and_si128(
		    _mm_cmpeq_epi8(x, _mm_set1_epi8((char)0xef)),
		    _mm_cmpeq_epi8(_mm_min_epu8(d, seven), d)));
		acc = _mm_sub_epi8(acc, m);
		if (++blocks == 255) {
			count += han_lanes(acc);
			acc = _mm_setzero_si128();
			blocks = 0;
		}
		/* 〇 and the 4-byte characters. */
		m = _mm_or_si128(_mm_cmpeq_epi8(x, _mm_set1_epi8((char)0xf0)),
		    _mm_and_si128(_mm_cmpeq_epi8(x, _mm_set1_epi8((char)0xe3)),
		    _mm_and_si128(_mm_cmpeq_epi8(y, _mm_set1_epi8((char)0x80)),
		    _mm_cmpeq_epi8(z, _mm_set1_epi8((char)0x87)))));
		for (bits = (unsigned)_mm_movemask_epi8(m); bits != 0;
		    bits &= bits - 1) {
			size_t j = i + (size_t)__builtin_ctz(bits);

			rpt_utf8_decode(s + j, n - j, &c);
			count += rpt_is_han(c) != 0;
		}
	}
	count += han_lanes(acc);
	/* Finish the character the last block began. */
	while (i > 0 && i < n && (p[i] & 0xc0) == 0x80)
		i++;
#endif
	while (i < n) {
		if (p[i] < 0xe0) {
			/* ASCII, a 2-byte lead or (never first) a continuation. */
			i += p[i] < 0xc0 ? 1 : 2;
		} else if (p[i] < 0xf0 && n - i >= 3) {
			/* Nearly all Han is here: decoded on the spot. */
			count += han3(p + i);
			i += 3;
		} else {
			i += rpt_utf8_decode(s + i, n - i, &c);
			count += rpt_is_han(c) != 0;
		}
	}
	return count;
}

/*
 * Bytes that may start a white-space character: ASCII white space, C2
 * (U+0085, U+00A0), E1 (U+1680), E2 (the U+2000 block), E3 (U+3000) and
 * EF (U+FEFF).
 */
const unsigned char rpt_space_lead[256] = {
	['\t'] = 1, ['\n'] = 1, ['\v'] = 1, ['\f'] = 1, ['\r'] = 1, [' '] = 1,
	[0xc2] = 1, [0xe1] = 1, [0xe2] = 1, [0xe3] = 1, [0xef] = 1,
};

char *
rpt_ratio_format(char *buf, size_t total, size_t n)
{
	size_t a;

	buf[0] = '\0';
	if (n > 0) {
		a = (total * 10 + n / 2) / n;
		snprintf(buf, 48, "%zu.%zu", a / 10, a % 10);
	}
	return buf;
}

size_t
rpt_count_leads(const char *p, size_t n)
{
	const uint64_t hi = 0x8080808080808080ULL;
	const uint64_t ones = 0x0101010101010101ULL;
	size_t i = 0, cont = 0;
	uint64_t w;

#ifdef __SSE2__
	/*
	 * Sixteen bytes a step: a continuation byte (80-BF) is below C0 as a
	 * signed byte, and each one subtracts -1 from its lane, which holds
	 * up to 255 blocks' counts.
	 */
	const __m128i c0 = _mm_set1_epi8((char)0xc0);
	__m128i x, acc;
	unsigned blocks;

	while (i + 16 <= n) {
		acc = _mm_setzero_si128();
		for (blocks = 0; blocks < 255 && i + 16 <= n; blocks++, i += 16) {
			x = _mm_loadu_si128((const __m128i *)(const void *)(p + i));
			acc = _mm_sub_epi8(acc, _mm_cmplt_epi8(x, c0));
		}
		cont += han_lanes(acc);
	}
#endif
	/* A continuation byte is 10xxxxxx: bit 7 set and bit 6 clear. */
	for (; i + 8 <= n; i += 8) {
		memcpy(&w, p + i, 8);
		w = (w & ~(w << 1) & hi) >> 7;
		cont += (size_t)((w * ones) >> 56);
	}
	for (; i < n; i++)
		cont += ((unsigned char)p[i] & 0xc0) == 0x80;
	return n - cont;
}

size_t
rpt_count_leads_to(const char *p, size_t from, size_t to)
{
#ifdef __SSE2__
	/*
	 * 16 zeros, then 16 ones: the 16 bytes from last + k keep the last
	 * k bytes of a block (16 - k zeros, then k ones).
	 */
	static const unsigned char last[32] = {
		0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
		1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1
	};
	const __m128i c0 = _mm_set1_epi8((char)0xc0), one = _mm_set1_epi8(1);
	const __m128i zero = _mm_setzero_si128();
	__m128i x, acc = zero;
	uint64_t sum[2];
	size_t i = from;

	if (to < 16)
		return rpt_count_leads(p + from, to - from);
	/*
	 * A continuation byte (80-BF) is below C0 as a signed byte: a 1 in
	 * its lane, summed into two 64-bit lanes by psadbw.  The last bytes
	 * are the 16 that end at to, those counted already masked off: no
	 * loop over them, whose end a branch would mispredict.
	 */
	for (; i + 16 <= to; i += 16) {
		x = _mm_loadu_si128((const __m128i *)(const void *)(p + i));
		acc = _mm_add_epi64(acc, _mm_sad_epu8(_mm_and_si128(
		    _mm_cmplt_epi8(x, c0), one), zero));
	}
	x = _mm_loadu_si128((const __m128i *)(const void *)(p + to - 16));
	acc = _mm_add_epi64(acc, _mm_sad_epu8(_mm_and_si128(_mm_and_si128(
	    _mm_cmplt_epi8(x, c0), one), _mm_loadu_si128((const __m128i *)
	    (const void *)(last + (to - i)))), zero));
	_mm_storeu_si128((__m128i *)(void *)sum, acc);
	return to - from - (size_t)(sum[0] + sum[1]);
#else
	return rpt_count_leads(p + from, to - from);
#endif
}

/*
 * Is the character at p (n bytes left, lead byte already known to be in
 * rpt_space_lead and above 0x7f) white space?  Byte compares only: this
 * runs on every 、，“ of the text.  The bytes are those of RPT_C_SPACE's
 * characters; chars-test checks that the two agree.
 */
static int
space_seq(const unsigned char *p, size_t n)
{
	if (n < 2)
		return 0;
	switch (p[0]) {
	case 0xc2:		/* U+0085, U+00A0 */
		return p[1] == 0x85 || p[1] == 0xa0;
	case 0xe3:		/* U+3000 */
		return n >= 3 && p[1] == 0x80 && p[2] == 0x80;
	case 0xef:		/* U+FEFF */
		return n >= 3 && p[1] == 0xbb && p[2] == 0xbf;
	case 0xe1:		/* U+1680 */
		return n >= 3 && p[1] == 0x9a && p[2] == 0x80;
	case 0xe2:		/* U+2000-200D, 2028, 2029, 202F, 205F, 2060 */
		if (n < 3)
			return 0;
		if (p[1] == 0x80)
			return p[2] <= 0x8d || p[2] == 0xa8 || p[2] == 0xa9 ||
			    p[2] == 0xaf;
		return p[1] == 0x81 && (p[2] == 0x9f || p[2] == 0xa0);
	}
	return 0;
}

#ifdef __SSE2__
#define EQ8(v, b)	_mm_cmpeq_epi8((v), _mm_set1_epi8((char)(b)))

/*
 * The white-space characters that start in the 16-byte block x, y and z
 * being the blocks one and two bytes on: a compare mask on their first
 * bytes, exact (space_seq()'s sequences), so that 、。，“ cost nothing.
 */
static inline __m128i
space16(__m128i x, __m128i y, __m128i z)
{
	__m128i m, t;

	/* TAB to CR (signed compares are right for 0x00-0x7f), and space. */
	m = _mm_or_si128(EQ8(x, ' '), _mm_and_si128(_mm_cmpgt_epi8(x,
	    _mm_set1_epi8('\t' - 1)), _mm_cmplt_epi8(x, _mm_set1_epi8('\r' + 1))));
	/* C2 85, C2 A0 */
	m = _mm_or_si128(m, _mm_and_si128(EQ8(x, 0xc2),
	    _mm_or_si128(EQ8(y, 0x85), EQ8(y, 0xa0))));
	/* E3 80 80, EF BB BF, E1 9A 80 */
	m = _mm_or_si128(m, _mm_and_si128(_mm_and_si128(EQ8(x, 0xe3),
	    EQ8(y, 0x80)), EQ8(z, 0x80)));
	m = _mm_or_si128(m, _mm_and_si128(_mm_and_si128(EQ8(x, 0xef),
	    EQ8(y, 0xbb)), EQ8(z, 0xbf)));
	m = _mm_or_si128(m, _mm_and_si128(_mm_and_si128(EQ8(x, 0xe1),
	    EQ8(y, 0x9a)), EQ8(z, 0x80)));
	/* E2 80 with 80-8D (z at most 8D), A8, A9, AF; E2 81 9F, E2 81 A0 */
	t = _mm_or_si128(_mm_cmpeq_epi8(_mm_min_epu8(z,
	    _mm_set1_epi8((char)0x8d)), z), _mm_or_si128(_mm_or_si128(
	    EQ8(z, 0xa8), EQ8(z, 0xa9)), EQ8(z, 0xaf)));
	t = _mm_or_si128(_mm_and_si128(EQ8(y, 0x80), t), _mm_and_si128(
	    EQ8(y, 0x81), _mm_or_si128(EQ8(z, 0x9f), EQ8(z, 0xa0))));
	return _mm_or_si128(m, _mm_and_si128(EQ8(x, 0xe2), t));
}

/*
 * A superset of space16() from the first and third bytes alone, with a
 * third of its operations: a byte up to space, C2, E1 or E3 before 80,
 * EF before BF, E2 before 80-8D or 9F-AF.  None of the common characters
 * of Chinese text passes it (、。《》 are E3 80 81-8D, “”—… E2 80 9C, 9D,
 * 94 and A6: … does, and ① E2 91 A0; the rest of the block is then
 * tested exactly).
 */
static inline __m128i
maybe_space16(__m128i x, __m128i z)
{
	__m128i m, t;

	m = _mm_cmpeq_epi8(_mm_min_epu8(x, _mm_set1_epi8(' ')), x);
	m = _mm_or_si128(m, EQ8(x, 0xc2));
	/* E1 | 2 and E3 | 2 are both E3. */
	m = _mm_or_si128(m, _mm_and_si128(EQ8(_mm_or_si128(x,
	    _mm_set1_epi8(2)), 0xe3), EQ8(z, 0x80)));
	m = _mm_or_si128(m, _mm_and_si128(EQ8(x, 0xef), EQ8(z, 0xbf)));
	t = _mm_sub_epi8(z, _mm_set1_epi8((char)0x9f));
	t = _mm_or_si128(_mm_cmpeq_epi8(_mm_min_epu8(z,
	    _mm_set1_epi8((char)0x8d)), z), _mm_cmpeq_epi8(_mm_min_epu8(t,
	    _mm_set1_epi8(0x10)), t));
	return _mm_or_si128(m, _mm_and_si128(EQ8(x, 0xe2), t));
}
#undef EQ8
#endif

size_t
rpt_count_chars(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0, drop = 0;
#ifdef __SSE2__
	/*
	 * Sixteen bytes at a time with the two after them.  A byte is not
	 * counted when it is a continuation byte (below C0 as a signed byte)
	 * or starts a white-space character, never both: each such byte
	 * subtracts -1 from its lane, which holds up to 255 blocks' counts.
	 * Continuation bytes never start a character, so the tail loop can
	 * take over at any byte.
	 */
	const __m128i c0 = _mm_set1_epi8((char)0xc0);
	__m128i x, y, z, m, acc;
	unsigned blocks;

	while (i + 18 <= n) {
		acc = _mm_setzero_si128();
		for (blocks = 0; blocks < 255 && i + 18 <= n; blocks++, i += 16) {
			x = _mm_loadu_si128((const __m128i *)(const void *)(p + i));
			y = _mm_loadu_si128((const __m128i *)(const void *)(p + i + 1));
			z = _mm_loadu_si128((const __m128i *)(const void *)(p + i + 2));
			m = _mm_cmplt_epi8(x, c0);
			if (_mm_movemask_epi8(maybe_space16(x, z)) != 0)
				m = _mm_or_si128(m, space16(x, y, z));
			acc = _mm_sub_epi8(acc, m);
		}
		drop += han_lanes(acc);
	}
#endif
	for (; i < n; i++) {
		if ((p[i] & 0xc0) == 0x80)
			drop++;
		else if (rpt_space_lead[p[i]])
			drop += p[i] < 0x80 ? 1 : (size_t)space_seq(p + i, n - i);
	}
	return n - drop;
}

/* The bits set in v < 2^16 (without a call to libgcc's popcount). */
static inline size_t
pop16(unsigned v)
{
	v -= v >> 1 & 0x5555;
	v = (v & 0x3333) + (v >> 2 & 0x3333);
	v = (v + (v >> 4)) & 0x0f0f;
	return (v + (v >> 8)) & 0x1f;
}

size_t
rpt_line_end(const char *s, size_t n, struct rpt_line_count *lc)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0, cont = 0, ws = 0;
	int dirty = 0, esc = 0;
#ifdef __SSE2__
	/*
	 * rpt_count_chars()'s blocks, each also tested for the end of the
	 * line, for debris bytes and for bytes a TSV field escapes, with
	 * continuation bytes and white space in lanes of their own: the
	 * block that holds the end counts only the bytes before it, from
	 * its bit masks.  Control bytes are below space, and looked for only
	 * where maybe_space16() says so.
	 */
	const __m128i c0 = _mm_set1_epi8((char)0xc0);
	const __m128i lf = _mm_set1_epi8('\n'), cr = _mm_set1_epi8('\r');
	const __m128i bs = _mm_set1_epi8('\\'), top = _mm_set1_epi8(0x0d);
	__m128i x, y, z, c, w, cacc, wacc, dm, em;
	unsigned blocks, eol, before, low;

	while (i + 18 <= n) {
		cacc = wacc = dm = em = _mm_setzero_si128();
		for (blocks = 0; blocks < 255 && i + 18 <= n; blocks++, i += 16) {
			x = _mm_loadu_si128((const __m128i *)(const void *)(p + i));
			y = _mm_loadu_si128((const __m128i *)(const void *)(p + i + 1));
			z = _mm_loadu_si128((const __m128i *)(const void *)(p + i + 2));
			c = _mm_cmplt_epi8(x, c0);
			/* LF and CR are below space: maybe_space16() has them. */
			w = _mm_setzero_si128();
			eol = low = 0;
			if (_mm_movemask_epi8(maybe_space16(x, z)) != 0) {
				w = space16(x, y, z);
				eol = (unsigned)_mm_movemask_epi8(_mm_or_si128(
				    _mm_cmpeq_epi8(x, lf), _mm_cmpeq_epi8(x, cr)));
				low = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(
				    _mm_min_epu8(x, top), x));
			}
			if (eol != 0) {
				before = (1U << __builtin_ctz(eol)) - 1;
				lc->cont += cont + han_lanes(cacc) + pop16(
				    (unsigned)_mm_movemask_epi8(c) & before);
				lc->ws += ws + han_lanes(wacc) + pop16(
				    (unsigned)_mm_movemask_epi8(w) & before);
				lc->debris |= dirty ||
				    _mm_movemask_epi8(dm) != 0 ||
				    ((unsigned)_mm_movemask_epi8(
				    rpt_debris_lead16(x)) & before) != 0;
				lc->esc |= esc || _mm_movemask_epi8(em) != 0 ||
				    ((low | (unsigned)_mm_movemask_epi8(
				    _mm_cmpeq_epi8(x, bs))) & before) != 0;
				return i + (size_t)__builtin_ctz(eol);
			}
			esc |= low != 0;
			cacc = _mm_sub_epi8(cacc, c);
			wacc = _mm_sub_epi8(wacc, w);
			dm = _mm_or_si128(dm, rpt_debris_lead16(x));
			em = _mm_or_si128(em, _mm_cmpeq_epi8(x, bs));
		}
		cont += han_lanes(cacc);
		ws += han_lanes(wacc);
		dirty |= _mm_movemask_epi8(dm) != 0;
		esc |= _mm_movemask_epi8(em) != 0;
	}
#endif
	for (; i < n && p[i] != '\n' && p[i] != '\r'; i++) {
		dirty |= rpt_debris_byte(p[i]);
		esc |= p[i] < 0x0e || p[i] == '\\';
		if ((p[i] & 0xc0) == 0x80)
			cont++;
		else if (rpt_space_lead[p[i]])
			ws += p[i] < 0x80 ? 1 : (size_t)space_seq(p + i, n - i);
	}
	lc->cont += cont;
	lc->ws += ws;
	lc->debris |= dirty;
	lc->esc |= esc;
	return i;
}

#ifdef RPT_HAVE_AVX2
#define EQ32(v, b)	_mm256_cmpeq_epi8((v), _mm256_set1_epi8((char)(b)))

/* space16() on 32 bytes. */
static inline RPT_AVX2 __m256i
space32(__m256i x, __m256i y, __m256i z)
{
	__m256i m, t;

	m = _mm256_or_si256(EQ32(x, ' '), _mm256_and_si256(_mm256_cmpgt_epi8(x,
	    _mm256_set1_epi8('\t' - 1)), _mm256_cmpgt_epi8(_mm256_set1_epi8(
	    '\r' + 1), x)));
	m = _mm256_or_si256(m, _mm256_and_si256(EQ32(x, 0xc2),
	    _mm256_or_si256(EQ32(y, 0x85), EQ32(y, 0xa0))));
	m = _mm256_or_si256(m, _mm256_and_si256(_mm256_and_si256(EQ32(x, 0xe3),
	    EQ32(y, 0x80)), EQ32(z, 0x80)));
	m = _mm256_or_si256(m, _mm256_and_si256(_mm256_and_si256(EQ32(x, 0xef),
	    EQ32(y, 0xbb)), EQ32(z, 0xbf)));
	m = _mm256_or_si256(m, _mm256_and_si256(_mm256_and_si256(EQ32(x, 0xe1),
	    EQ32(y, 0x9a)), EQ32(z, 0x80)));
	t = _mm256_or_si256(_mm256_cmpeq_epi8(_mm256_min_epu8(z,
	    _mm256_set1_epi8((char)0x8d)), z), _mm256_or_si256(_mm256_or_si256(
	    EQ32(z, 0xa8), EQ32(z, 0xa9)), EQ32(z, 0xaf)));
	t = _mm256_or_si256(_mm256_and_si256(EQ32(y, 0x80), t),
	    _mm256_and_si256(EQ32(y, 0x81), _mm256_or_si256(EQ32(z, 0x9f),
	    EQ32(z, 0xa0))));
	return _mm256_or_si256(m, _mm256_and_si256(EQ32(x, 0xe2), t));
}

/* maybe_space16() on 32 bytes. */
static inline RPT_AVX2 __m256i
maybe_space32(__m256i x, __m256i z)
{
	__m256i m, t;

	m = _mm256_cmpeq_epi8(_mm256_min_epu8(x, _mm256_set1_epi8(' ')), x);
	m = _mm256_or_si256(m, EQ32(x, 0xc2));
	m = _mm256_or_si256(m, _mm256_and_si256(EQ32(_mm256_or_si256(x,
	    _mm256_set1_epi8(2)), 0xe3), EQ32(z, 0x80)));
	m = _mm256_or_si256(m, _mm256_and_si256(EQ32(x, 0xef), EQ32(z, 0xbf)));
	t = _mm256_sub_epi8(z, _mm256_set1_epi8((char)0x9f));
	t = _mm256_or_si256(_mm256_cmpeq_epi8(_mm256_min_epu8(z,
	    _mm256_set1_epi8((char)0x8d)), z), _mm256_cmpeq_epi8(
	    _mm256_min_epu8(t, _mm256_set1_epi8(0x10)), t));
	return _mm256_or_si256(m, _mm256_and_si256(EQ32(x, 0xe2), t));
}

/* rpt_debris_lead16() on 32 bytes. */
static inline RPT_AVX2 __m256i
debris32(__m256i x)
{
	__m256i m;

	m = _mm256_sub_epi8(x, _mm256_set1_epi8((char)0xc3));
	m = _mm256_cmpeq_epi8(_mm256_min_epu8(m, _mm256_set1_epi8(4)), m);
	return _mm256_or_si256(m, _mm256_or_si256(EQ32(x, 0xe1), EQ32(x, '[')));
}

/* The sum of the 32 byte lanes of acc. */
static inline RPT_AVX2 size_t
lanes32(__m256i acc)
{
	__m256i s = _mm256_sad_epu8(acc, _mm256_setzero_si256());
	__m128i h = _mm_add_epi64(_mm256_castsi256_si128(s),
	    _mm256_extracti128_si256(s, 1));

	return (size_t)_mm_cvtsi128_si64(h) +
	    (size_t)_mm_cvtsi128_si64(_mm_unpackhi_epi64(h, h));
}

size_t RPT_AVX2
rpt_line_end_avx2(const char *s, size_t n, struct rpt_line_count *lc)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0, cont = 0, ws = 0;
	int dirty = 0, esc = 0;
	const __m256i c0 = _mm256_set1_epi8((char)0xc0);
	const __m256i bs = _mm256_set1_epi8('\\'), top = _mm256_set1_epi8(0x0d);
	__m256i x, y, z, c, w, cacc, wacc, dm, em;
	unsigned blocks, eol, before, low;
	struct rpt_line_count rest = { 0, 0, 0, 0 };
	size_t k;

	while (i + 34 <= n) {
		cacc = wacc = dm = em = _mm256_setzero_si256();
		for (blocks = 0; blocks < 255 && i + 34 <= n; blocks++, i += 32) {
			x = _mm256_loadu_si256((const void *)(p + i));
			y = _mm256_loadu_si256((const void *)(p + i + 1));
			z = _mm256_loadu_si256((const void *)(p + i + 2));
			c = _mm256_cmpgt_epi8(c0, x);
			w = _mm256_setzero_si256();
			eol = low = 0;
			if (!_mm256_testz_si256(maybe_space32(x, z),
			    maybe_space32(x, z))) {
				w = space32(x, y, z);
				eol = (unsigned)_mm256_movemask_epi8(
				    _mm256_or_si256(EQ32(x, '\n'),
				    EQ32(x, '\r')));
				low = (unsigned)_mm256_movemask_epi8(
				    _mm256_cmpeq_epi8(_mm256_min_epu8(x, top),
				    x));
			}
			if (eol != 0) {
				before = eol & (0U - eol);
				before = before - 1;
				lc->cont += cont + lanes32(cacc) + (size_t)
				    __builtin_popcount((unsigned)
				    _mm256_movemask_epi8(c) & before);
				lc->ws += ws + lanes32(wacc) + (size_t)
				    __builtin_popcount((unsigned)
				    _mm256_movemask_epi8(w) & before);
				lc->debris |= dirty ||
				    !_mm256_testz_si256(dm, dm) ||
				    ((unsigned)_mm256_movemask_epi8(
				    debris32(x)) & before) != 0;
				lc->esc |= esc || !_mm256_testz_si256(em, em) ||
				    ((low | (unsigned)_mm256_movemask_epi8(
				    _mm256_cmpeq_epi8(x, bs))) & before) != 0;
				return i + (size_t)__builtin_ctz(eol);
			}
			esc |= low != 0;
			cacc = _mm256_sub_epi8(cacc, c);
			wacc = _mm256_sub_epi8(wacc, w);
			dm = _mm256_or_si256(dm, debris32(x));
			em = _mm256_or_si256(em, _mm256_cmpeq_epi8(x, bs));
		}
		cont += lanes32(cacc);
		ws += lanes32(wacc);
		dirty |= !_mm256_testz_si256(dm, dm);
		esc |= !_mm256_testz_si256(em, em);
	}
	/* The last bytes: rpt_line_end(), from a character's start. */
	k = rpt_line_end(s + i, n - i, &rest);
	lc->cont += cont + rest.cont;
	lc->ws += ws + rest.ws;
	lc->debris |= dirty || rest.debris;
	lc->esc |= esc || rest.esc;
	return i + k;
}
#undef EQ32
#endif

size_t
rpt_count_high(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0, high = 0;
#ifdef __SSE2__
	/* Bytes 80-FF are negative: each subtracts -1 from its lane. */
	const __m128i zero = _mm_setzero_si128();
	__m128i x, acc;
	unsigned blocks;

	while (i + 16 <= n) {
		acc = zero;
		for (blocks = 0; blocks < 255 && i + 16 <= n; blocks++, i += 16) {
			x = _mm_loadu_si128((const __m128i *)(const void *)(p + i));
			acc = _mm_sub_epi8(acc, _mm_cmplt_epi8(x, zero));
		}
		high += han_lanes(acc);
	}
#endif
	for (; i < n; i++)
		high += p[i] >= 0x80;
	return high;
}

/*
 * Length of the white-space character ending at s + n (n > 0, valid
 * UTF-8), 0 if none: byte compares only, as in space_seq().  A last byte
 * above 7F ends a C2 sequence when C2 is just before it (C2 is never a
 * continuation byte), else a three-byte one when a lead E0-EF is two
 * before it; no four-byte character is white space.
 */
static size_t
space_before(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	unsigned char b = p[n - 1];

	if (b < 0x80)
		return rpt_space_lead[b];
	if (n >= 2 && p[n - 2] == 0xc2)
		return (size_t)space_seq(p + n - 2, 2) * 2;
	if (n >= 3 && p[n - 3] >= 0xe0 && p[n - 3] < 0xf0)
		return (size_t)space_seq(p + n - 3, 3) * 3;
	return 0;
}

size_t
rpt_trim(const char **sp, size_t *np)
{
	const char *s = *sp;
	size_t n = *np, k, trimmed = 0;
	int32_t c;

	while (n > 0) {
		/* Most characters cannot start white space: no decoding. */
		if (!rpt_space_lead[(unsigned char)s[0]])
			break;
		k = rpt_utf8_decode(s, n, &c);
		if (!rpt_is_space(c))
			break;
		s += k;
		n -= k;
		trimmed++;
	}
	while (n > 0 && (k = space_before(s, n)) > 0) {
		n -= k;
		trimmed++;
	}
	*sp = s;
	*np = n;
	return trimmed;
}

/*
 * A digit of a marker or an enumerator: 两 is a count, never a marker, and
 * ○ is only typed for the 〇 of a year.
 */
static int
cn_digit(int32_t c)
{
	uint32_t f = rpt_char_class(c);

	return (f & RPT_C_CN_DIGIT) && c != RPT_CH_WHITE_CIRCLE ?
	    RPT_C_VALUE(f) : -1;
}

size_t
rpt_cn_number(const char *s, size_t n, int *val)
{
	size_t i = 0, k;
	int32_t c;
	int d, tens = -1, v = -1;

	/* 十, 十X, X十, X十Y, or a single digit X (零 alone is not a number). */
	if (n == 0)
		return 0;
	k = rpt_utf8_decode(s, n, &c);
	if (c == RPT_CH_TEN) {
		tens = 1;
		i = k;
	} else if ((d = cn_digit(c)) > 0) {
		v = d;
		i = k;
		if (i < n) {
			k = rpt_utf8_decode(s + i, n - i, &c);
			if (c == RPT_CH_TEN) {
				tens = d;
				v = -1;
				i += k;
			}
		}
	} else
		return 0;
	if (tens > 0) {
		v = tens * 10;
		if (i < n) {
			k = rpt_utf8_decode(s + i, n - i, &c);
			if ((d = cn_digit(c)) > 0) {
				v += d;
				i += k;
			}
		}
	}
	*val = v;
	return i;
}

#ifdef __SSE2__
/*
 * rpt_memmem() for at least 16 starts, sixteen a step: those where the
 * needle's first and last bytes are in place, and then the bytes between.
 * The needles are UTF-8 words (。 is E3 80 82), whose first byte alone is
 * in every other character of Chinese text, but the pair is rare.  The
 * last block overlaps the one before it, so there is no tail loop.
 */
static const char *
memmem16(const char *h, size_t hn, const char *nd, size_t nn)
{
	const __m128i first = _mm_set1_epi8(nd[0]), last = _mm_set1_epi8(nd[nn - 1]);
	const size_t starts = hn - nn + 1;
	__m128i a, b;
	unsigned bits;
	size_t i = 0, j;

	for (;;) {
		a = _mm_loadu_si128((const __m128i *)(const void *)(h + i));
		b = _mm_loadu_si128((const __m128i *)(const void *)(h + i +
		    nn - 1));
		bits = (unsigned)_mm_movemask_epi8(_mm_and_si128(
		    _mm_cmpeq_epi8(a, first), _mm_cmpeq_epi8(b, last)));
		for (; bits != 0; bits &= bits - 1) {
			j = i + (size_t)__builtin_ctz(bits);
			if (nn <= 2 || memcmp(h + j + 1, nd + 1, nn - 2) == 0)
				return h + j;
		}
		if (i + 16 == starts)
			return NULL;
		i = i + 32 <= starts ? i + 16 : starts - 16;
	}
}
#endif

const char *
rpt_memmem(const char *h, size_t hn, const char *nd, size_t nn)
{
	const char *p, *end;

	if (nn == 0)
		return h;
	if (hn < nn)
		return NULL;
#ifdef __SSE2__
	if (hn - nn + 1 >= 16)
		return memmem16(h, hn, nd, nn);
#endif
	/* Fewer than 16 starts (or no SSE2): the same test, a byte a step. */
	end = h + hn - nn + 1;
	for (p = h; p < end; p++)
		if (p[0] == nd[0] && p[nn - 1] == nd[nn - 1] &&
		    memcmp(p + 1, nd + 1, nn > 2 ? nn - 2 : 0) == 0)
			return p;
	return NULL;
}

void *
rpt_grow(void *p, size_t *cap, size_t n, size_t size)
{
	size_t c = *cap ? *cap : 16;

	if (n <= *cap)
		return p;
	while (c < n) {
		if (c > ((size_t)-1) / 2 / size) {
			errno = ENOMEM;
			return NULL;
		}
		c *= 2;
	}
	if ((p = realloc(p, c * size)) != NULL)
		*cap = c;
	return p;
}

int
rpt_buf_reserve(struct rpt_buf *b, size_t n)
{
	size_t cap;
	char *p;

	if (b->cap - b->len > n)
		return 0;
	cap = b->cap ? b->cap : 256;
	while (cap - b->len <= n) {
		if (cap > ((size_t)-1) / 2) {
			errno = ENOMEM;
			return -1;
		}
		cap *= 2;
	}
	if ((p = realloc(b->p, cap)) == NULL)
		return -1;
	b->p = p;
	b->cap = cap;
	return 0;
}


void
rpt_buf_free(struct rpt_buf *b)
{
	free(b->p);
	b->p = NULL;
	b->len = b->cap = 0;
}

/* The one form each family of quotes and dashes is folded to. */
static int32_t
key_fold(int32_t c)
{
	uint32_t f = rpt_char_class(c);

	if (f & RPT_C_DQUOTE)
		return '"';
	if (f & RPT_C_SQUOTE)
		return '\'';
	if (f & RPT_C_DASH)
		return '-';
	return c;
}

int
rpt_key(struct rpt_buf *out, const char *p, size_t n)
{
	utf8proc_uint8_t *nf = NULL;
	utf8proc_ssize_t len;
	utf8proc_int32_t c;
	size_t i, k;
	char enc[4];

	len = utf8proc_map((const utf8proc_uint8_t *)p, (utf8proc_ssize_t)n,
	    &nf, UTF8PROC_COMPAT | UTF8PROC_COMPOSE | UTF8PROC_STABLE);
	if (len < 0) {
		free(nf);
		errno = ENOMEM;
		return -1;
	}
	if (rpt_buf_reserve(out, (size_t)len) == -1) {
		free(nf);
		return -1;
	}
	for (i = 0; i < (size_t)len; i += k) {
		k = rpt_utf8_decode((const char *)nf + i, (size_t)len - i, &c);
		if (rpt_is_space(c))
			continue;
		c = key_fold(c);
		if (rpt_buf_append(out, enc,
		    (size_t)utf8proc_encode_char(c, (utf8proc_uint8_t *)enc)))
			goto fail;
	}
	free(nf);
	return 0;
fail:
	free(nf);
	return -1;
}
