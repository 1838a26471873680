/*
 * tsv.c - the TSV writer.  Fields are escaped as in linear TSV and Miller:
 * backslash, TAB, LF and CR become \\, \t, \n and \r; nothing else is
 * escaped or quoted.  Output goes straight to a file descriptor through one
 * buffer; the first failed write is remembered and everything after it is
 * discarded, so that the caller can report it once and stop.
 */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "internal.h"

#define TSV_BUF		(128 * 1024)

struct rpt_tsv {
	int	 fd;
	int	 err;		/* errno of the first failed write */
	int	 bol;		/* at the beginning of a row */
	size_t	 len;
	char	 buf[TSV_BUF];
};

struct rpt_tsv *
rpt_tsv_new(int fd)
{
	struct rpt_tsv *t;

	if ((t = malloc(sizeof(*t))) == NULL)
		return NULL;
	t->fd = fd;
	t->err = 0;
	t->bol = 1;
	t->len = 0;
	return t;
}

int
rpt_tsv_flush(struct rpt_tsv *t)
{
	size_t done = 0;
	ssize_t r;

	while (!t->err && done < t->len) {
		r = write(t->fd, t->buf + done, t->len - done);
		if (r == -1) {
			if (errno == EINTR)
				continue;
			t->err = errno;
			break;
		}
		done += (size_t)r;
	}
	t->len = 0;
	if (t->err) {
		errno = t->err;
		return -1;
	}
	return 0;
}

int
rpt_tsv_error(const struct rpt_tsv *t)
{
	return t->err;
}

int
rpt_tsv_free(struct rpt_tsv *t)
{
	int r, err;

	if (t == NULL)
		return 0;
	r = rpt_tsv_flush(t);
	err = errno;
	free(t);
	errno = err;
	return r;
}

/* The slow path of put(): the buffer fills up on the way. */
static void
put_long(struct rpt_tsv *t, const char *p, size_t n)
{
	size_t k;

	while (n > 0) {
		if (t->len == TSV_BUF)
			rpt_tsv_flush(t);
		k = TSV_BUF - t->len;
		if (k > n)
			k = n;
		memcpy(t->buf + t->len, p, k);
		t->len += k;
		p += k;
		n -= k;
	}
}

static inline void
put(struct rpt_tsv *t, const char *p, size_t n)
{
	if (n <= TSV_BUF - t->len) {
		memcpy(t->buf + t->len, p, n);
		t->len += n;
	} else
		put_long(t, p, n);
}

static void
putc_(struct rpt_tsv *t, char c)
{
	if (t->len == TSV_BUF)
		rpt_tsv_flush(t);
	t->buf[t->len++] = c;
}

static void
sep(struct rpt_tsv *t)
{
	if (!t->bol)
		putc_(t, '\t');
	t->bol = 0;
}

/*
 * Eight bytes a step (64 with SSE2): a byte below 0x0E (TAB, LF, CR and
 * other controls) or a backslash sends the field to the exact loop.
 */
int
rpt_tsv_needs_escape(const char *p, size_t n)
{
	const uint64_t ones = 0x0101010101010101ULL, hi = ones << 7;
	size_t i = 0;
	uint64_t w, b;
#ifdef __SSE2__
	/*
	 * Sixteen a step: x at most 0x0D (unsigned), or a backslash; four
	 * blocks at a time and one test, as paragraphs are long.
	 */
#define ESC16(x) _mm_or_si128(_mm_cmpeq_epi8(_mm_min_epu8((x), top), (x)), \
	    _mm_cmpeq_epi8((x), bs))
#define LOAD16(at) _mm_loadu_si128((const __m128i *)(const void *)(p + (at)))
	const __m128i top = _mm_set1_epi8(0x0d), bs = _mm_set1_epi8('\\');
	__m128i v0, v1, v2, v3;

	for (; i + 64 <= n; i += 64) {
		v0 = LOAD16(i);
		v1 = LOAD16(i + 16);
		v2 = LOAD16(i + 32);
		v3 = LOAD16(i + 48);
		if (_mm_movemask_epi8(_mm_or_si128(_mm_or_si128(ESC16(v0),
		    ESC16(v1)), _mm_or_si128(ESC16(v2), ESC16(v3)))) != 0)
			return 1;
	}
	if (n >= 16) {
		/* The last block overlaps the one before it: no tail loop. */
		for (; i + 16 < n; i += 16) {
			v0 = LOAD16(i);
			if (_mm_movemask_epi8(ESC16(v0)) != 0)
				return 1;
		}
		v0 = LOAD16(n - 16);
		return _mm_movemask_epi8(ESC16(v0)) != 0;
	}
#undef LOAD16
#undef ESC16
#endif
	for (; i + 8 <= n; i += 8) {
		memcpy(&w, p + i, 8);
		b = w ^ (ones * '\\');
		if ((((w - ones * 0x0e) & ~w) | ((b - ones) & ~b)) & hi)
			return 1;
	}
	for (; i < n; i++)
		if ((unsigned char)p[i] < 0x0e || p[i] == '\\')
			return 1;
	return 0;
}

/* The escape for c, or 0 when c stands for itself. */
static char
escape(unsigned char c)
{
	switch (c) {
	case '\\':
		return '\\';
	case '\t':
		return 't';
	case '\n':
		return 'n';
	case '\r':
		return 'r';
	}
	return 0;
}

void
rpt_tsv_field(struct rpt_tsv *t, const char *p, size_t n)
{
	size_t i, start = 0;
	char e;

	sep(t);
	if (n == 0)
		return;
	/* Most fields need no escape: say so quickly, then copy them whole. */
	if (!rpt_tsv_needs_escape(p, n)) {
		put(t, p, n);
		return;
	}
	for (i = 0; i < n; i++) {
		/* Only four bytes need escaping, all of them below 0x5d. */
		if ((unsigned char)p[i] > '\\' || (e = escape((unsigned char)p[i])) == 0)
			continue;
		put(t, p + start, i - start);
		putc_(t, '\\');
		putc_(t, e);
		start = i + 1;
	}
	put(t, p + start, n - start);
}

int
rpt_tsv_escape(struct rpt_buf *b, const char *p, size_t n)
{
	size_t i, start = 0;
	char x[2];

	if (!rpt_tsv_needs_escape(p, n))
		return rpt_buf_append(b, p, n);
	x[0] = '\\';
	for (i = 0; i < n; i++) {
		if ((unsigned char)p[i] > '\\' ||
		    (x[1] = escape((unsigned char)p[i])) == 0)
			continue;
		if (rpt_buf_append(b, p + start, i - start) == -1 ||
		    rpt_buf_append(b, x, 2) == -1)
			return -1;
		start = i + 1;
	}
	return rpt_buf_append(b, p + start, n - start);
}

/* Escape a name into b (NUL-terminated); -1 on allocation failure. */
static int
name_escape(struct rpt_buf *b, const char *s, size_t n)
{
	static const char hex[] = "0123456789abcdef";
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0, k, bad;
	char e, x[4];

	while (i < n) {
		k = rpt_utf8_char(p + i, n - i, &bad);
		if (k == 0) {
			x[0] = '\\';
			x[1] = 'x';
			x[2] = hex[p[i] >> 4];
			x[3] = hex[p[i] & 0xf];
			if (rpt_buf_append(b, x, 4) == -1)
				return -1;
			i++;
		} else if (k == 1 && (e = escape(p[i])) != 0) {
			x[0] = '\\';
			x[1] = e;
			if (rpt_buf_append(b, x, 2) == -1)
				return -1;
			i++;
		} else {
			if (rpt_buf_append(b, s + i, k) == -1)
				return -1;
			i += k;
		}
	}
	return rpt_buf_reserve(b, 1);
}

void
rpt_tsv_raw(struct rpt_tsv *t, const char *p, size_t n)
{
	sep(t);
	put(t, p, n);
}

const char *
rpt_name_escape(struct rpt_buf *out, const char *name)
{
	out->len = 0;
	if (name_escape(out, name, strlen(name)) == -1)
		return NULL;
	out->p[out->len] = '\0';
	return out->p;
}

/* The decimal digits of 0 to 99, two each. */
static const char pairs[] =
    "00010203040506070809101112131415161718192021222324"
    "25262728293031323334353637383940414243444546474849"
    "50515253545556575859606162636465666768697071727374"
    "75767778798081828384858687888990919293949596979899";

/*
 * Write v in decimal backwards, ending at end, two digits a step: returns
 * where it starts.
 */
static char *
digits_back(char *end, long v)
{
	unsigned long u = v < 0 ? 0UL - (unsigned long)v : (unsigned long)v;
	char *q = end;

	for (; u >= 100; u /= 100) {
		q -= 2;
		memcpy(q, pairs + 2 * (u % 100), 2);
	}
	if (u >= 10) {
		q -= 2;
		memcpy(q, pairs + 2 * u, 2);
	} else
		*--q = (char)('0' + u);
	if (v < 0)
		*--q = '-';
	return q;
}

int
rpt_tsv_number(struct rpt_buf *b, long v)
{
	char digits[24], *q = digits_back(digits + sizeof(digits), v);

	return rpt_buf_append(b, q, (size_t)(digits + sizeof(digits) - q));
}

/* The bytes of v in decimal, its sign included. */
static size_t
dec_len(long v)
{
	unsigned long x = v < 0 ? 0UL - (unsigned long)v : (unsigned long)v;
	size_t k = (size_t)(v < 0);

	for (;; x /= 100) {
		if (x < 10)
			return k + 1;
		k += 2;
		if (x < 100)
			return k;
	}
}

void
rpt_tsv_long(struct rpt_tsv *t, long v)
{
	size_t k = dec_len(v) + (size_t)!t->bol;
	char *q;

	if (TSV_BUF - t->len < k)
		rpt_tsv_flush(t);
	/* Write the digits backwards straight into the buffer. */
	q = digits_back(t->buf + t->len + k, v);
	if (!t->bol)
		*--q = '\t';
	t->bol = 0;
	t->len += k;
}

char *
rpt_tsv_put_long(char *q, long v)
{
	/* Most are counts of characters: below 1000, without a loop. */
	if (v >= 0 && v < 10) {
		*q = (char)('0' + v);
		return q + 1;
	}
	if (v >= 0 && v < 100) {
		memcpy(q, pairs + 2 * v, 2);
		return q + 2;
	}
	if (v >= 0 && v < 1000) {
		*q = (char)('0' + v / 100);
		memcpy(q + 1, pairs + 2 * (v % 100), 2);
		return q + 3;
	}
	q += dec_len(v);
	digits_back(q, v);
	return q;
}

void
rpt_count_up(char *d, size_t *len)
{
	size_t i = *len;

	while (i > 0 && d[i - 1] == '9')
		d[--i] = '0';
	if (i > 0)
		d[i - 1]++;
	else {
		/* 9...9 became 0...0: one more digit. */
		d[0] = '1';
		d[(*len)++] = '0';
	}
}

void
rpt_tsv_eol(struct rpt_tsv *t)
{
	putc_(t, '\n');
	t->bol = 1;
}

void
rpt_tsv_header(struct rpt_tsv *t, const char *const *names)
{
	for (; *names != NULL; names++)
		rpt_tsv_field(t, *names, strlen(*names));
	rpt_tsv_eol(t);
}
