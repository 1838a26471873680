/*
 * input.c - fuzz target of the input decoder (rpt_input_*).
 *
 * The input is a file's bytes.  It is decoded with every encoding option
 * (auto-detection, utf-8, gb18030, utf-16le, utf-16be), each with or
 * without replace as a hash of the input says, and once more behind a filler that puts it across the
 * end of the RPT_SNIFF bytes that decide what a file is, or (as the hash
 * says) across the end of the reader's first read, 2 x RPT_SNIFF bytes,
 * after which valid UTF-8 is read straight into the decoded text.  Where
 * the machine has AVX2, UTF-8 is validated with it or (as the hash says)
 * with SSE2.  Every run checks:
 * the file is refused only as a known format or as binary, and then
 * yields no line; the detected encoding fits the option; every line is
 * valid UTF-8 without NUL, CR or LF, numbered one after the other, and
 * what it says it counted (leads, chars, clean, plain) is so; with
 * replace, decoding never stops; without it, it stops only on an invalid
 * sequence, with a well-formed diagnostic; a warning comes at most once.
 *
 * When the input is valid UTF-8 without NUL, the decoder must be lossless:
 * its lines are the input's, cut at CRLF, CR and LF (a leading BOM
 * dropped), read as UTF-8 (given and detected, also behind the filler), as
 * UTF-16 (little- or big-endian, with a BOM or not, as the hash says; given
 * and detected) and as GB18030 (encoded with iconv where iconv round-trips
 * the text; given and detected).
 */
#include <errno.h>
#include <iconv.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"

static const enum rpt_enc encs[] = {
	RPT_ENC_AUTO, RPT_ENC_UTF8, RPT_ENC_GB18030, RPT_ENC_UTF16LE,
	RPT_ENC_UTF16BE
};
#define NENCS	(sizeof(encs) / sizeof(encs[0]))

struct warned {
	int	n[2];
	int	replace;
};

static void
warn(void *ctx, enum rpt_warning w, const struct rpt_diag *d)
{
	struct warned *x = ctx;

	CHECK(w == RPT_W_REPLACED || w == RPT_W_LONGLINE);
	CHECK(d != NULL);
	CHECK(++x->n[w] == 1);
	if (w == RPT_W_REPLACED) {
		CHECK(x->replace);
		CHECK(d->status == RPT_E_INVALID);
		CHECK(d->nbad >= 1 && d->nbad <= 4);
		CHECK(d->line >= 1 && d->col >= 1);
	}
}

static struct rpt_input *in;

/* Has p no byte that may start conversion debris ([, C3-C7, E1)? */
static int
line_clean(const char *p, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (p[i] == '[' || ((unsigned char)p[i] >= 0xc3 &&
		    (unsigned char)p[i] <= 0xc7) || (unsigned char)p[i] == 0xe1)
			return 0;
	return 1;
}

/*
 * Validate with SSE2 where the machine has AVX2, as the input's hash
 * says: both paths must pass every check.
 */
static int no_avx2;

/*
 * Decode the file p[0, n) with enc and replace, checking as it goes;
 * append each line and a LF to out.  Returns the status of the open, and
 * in *last what rpt_input_line() returned last (1 if refused).
 */
static enum rpt_status
decode(const void *p, size_t n, enum rpt_enc enc, int replace,
    struct rpt_buf *out, int *last)
{
	struct warned w = { { 0, 0 }, replace };
	struct rpt_input_opts o = { enc, replace, warn, &w, no_avx2 };
	const struct rpt_diag *d;
	struct rpt_line line;
	enum rpt_status st;
	enum rpt_enc got;
	long num = 0;
	int r;

	r = rpt_input_open(in, fuzz_file(p, n), &o);
	d = rpt_input_diag(in);
	CHECK(r == 0 || r == -1);
	st = r == 0 ? RPT_OK : d->status;
	/* A refused file has its reason; after a good open, diag may
	 * already hold an error to come. */
	CHECK(r == 0 || st != RPT_OK);
	*last = 1;
	if (st != RPT_OK) {
		CHECK(st == RPT_E_FORMAT || st == RPT_E_BINARY ||
		    st == RPT_E_DOCX);
		if (st == RPT_E_FORMAT)
			CHECK(d->format != RPT_FMT_NONE &&
			    rpt_format_info(d->format)->what != NULL);
		else if (st == RPT_E_DOCX)
			/* A ZIP that is not a readable Word file says why. */
			CHECK(d->detail[0] != '\0');
		else
			CHECK(d->line >= 1 && d->col >= 1);
		CHECK(rpt_input_line(in, &line) == -1);
		CHECK(rpt_input_line(in, &line) == -1);
		rpt_input_close(in);
		return st;
	}
	got = rpt_input_enc(in);
	CHECK(got == d->enc);
	switch (got == RPT_ENC_DOCX ? RPT_ENC_DOCX : enc) {
	case RPT_ENC_DOCX:
		/* A Word file, whatever encoding was asked for. */
		break;
	case RPT_ENC_AUTO:
		CHECK(got != RPT_ENC_AUTO && got <= RPT_ENC_UTF16BE);
		break;
	case RPT_ENC_UTF8:
		CHECK(got == RPT_ENC_UTF8 || got == RPT_ENC_UTF8_BOM);
		break;
	default:
		CHECK(got == enc);
	}
	CHECK(rpt_enc_name(got) != NULL);
	while ((r = rpt_input_line(in, &line)) == 1) {
		CHECK(line.p != NULL || line.len == 0);
		CHECK(line.len <= RPT_LINE_MAX);
		CHECK(line.len == 0 || fuzz_utf8_valid(line.p, line.len));
		CHECK(line.len == 0 || (memchr(line.p, '\0', line.len) == NULL &&
		    memchr(line.p, '\r', line.len) == NULL &&
		    memchr(line.p, '\n', line.len) == NULL));
		/* What the input layer counted on its way is right. */
		CHECK(!line.counted ||
		    (line.leads == rpt_count_leads(line.p, line.len) &&
		    line.chars == rpt_count_chars(line.p, line.len)));
		CHECK(!line.clean || line_clean(line.p, line.len));
		CHECK(line.plain == (line.counted &&
		    fuzz_plain(line.p, line.len)));
		/* No line is longer than RPT_LINE_MAX here: no pieces. */
		CHECK(line.num == num + 1);
		num = line.num;
		if (out != NULL) {
			if (line.len > 0)
				fuzz_append(out, line.p, line.len);
			fuzz_append(out, "\n", 1);
		}
	}
	CHECK(r == 0 || r == -1);
	if (r == -1 && got == RPT_ENC_DOCX)
		/* A Word file stops on a damaged part, and says why. */
		CHECK(d->status == RPT_E_DOCX && d->detail[0] != '\0');
	else if (r == -1) {
		/* A regular file: only an invalid sequence stops it. */
		CHECK(!replace);
		CHECK(d->status == RPT_E_INVALID);
		CHECK(d->nbad >= 1 && d->nbad <= 4);
		CHECK(d->line > num && d->col >= 1);
	} else
		CHECK(d->status == RPT_OK);
	CHECK(rpt_input_line(in, &line) == r);
	CHECK(w.n[RPT_W_LONGLINE] == 0);
	rpt_input_close(in);
	rpt_input_close(in);
	*last = r;
	return st;
}

/* The lines of the text p (valid UTF-8, its BOM dropped), each with a LF. */
static void
expected(struct rpt_buf *out, const char *p, size_t n)
{
	size_t i, start;

	if (n >= 3 && memcmp(p, "\xef\xbb\xbf", 3) == 0) {
		p += 3;
		n -= 3;
	}
	for (i = start = 0; i < n; i++) {
		if (p[i] != '\n' && p[i] != '\r')
			continue;
		fuzz_append(out, p + start, i - start);
		fuzz_append(out, "\n", 1);
		if (p[i] == '\r' && i + 1 < n && p[i + 1] == '\n')
			i++;
		start = i + 1;
	}
	if (start < n) {
		fuzz_append(out, p + start, n - start);
		fuzz_append(out, "\n", 1);
	}
}

/* p (valid UTF-8) as UTF-16, little- or big-endian, with a BOM or not. */
static void
utf16(struct rpt_buf *out, const char *p, size_t n, int be, int bom)
{
	unsigned char u[4];
	size_t i, k;
	int32_t c;
	unsigned hi, lo;

	if (bom) {
		u[0] = be ? 0xfe : 0xff;
		u[1] = be ? 0xff : 0xfe;
		fuzz_append(out, u, 2);
	}
	for (i = 0; i < n; i += k) {
		k = rpt_utf8_decode(p + i, n - i, &c);
		if (c < 0x10000) {
			hi = (unsigned)c;
			u[0] = (unsigned char)(be ? hi >> 8 : hi & 0xff);
			u[1] = (unsigned char)(be ? hi & 0xff : hi >> 8);
			fuzz_append(out, u, 2);
			continue;
		}
		hi = 0xd800 + (((unsigned)c - 0x10000) >> 10);
		lo = 0xdc00 + (((unsigned)c - 0x10000) & 0x3ff);
		u[0] = (unsigned char)(be ? hi >> 8 : hi & 0xff);
		u[1] = (unsigned char)(be ? hi & 0xff : hi >> 8);
		u[2] = (unsigned char)(be ? lo >> 8 : lo & 0xff);
		u[3] = (unsigned char)(be ? lo & 0xff : lo >> 8);
		fuzz_append(out, u, 4);
	}
}

/* Convert p with cd into out; -1 if iconv refuses any of it. */
static int
convert(iconv_t cd, struct rpt_buf *out, const char *p, size_t n)
{
	char *ip = (char *)p, *op;
	size_t il = n, ol;

	iconv(cd, NULL, NULL, NULL, NULL);
	out->len = 0;
	if (rpt_buf_reserve(out, 4 * n + 16) == -1)
		abort();
	op = out->p;
	ol = out->cap;
	if (iconv(cd, &ip, &il, &op, &ol) == (size_t)-1 ||
	    iconv(cd, NULL, NULL, &op, &ol) == (size_t)-1)
		return -1;
	out->len = (size_t)(op - out->p);
	return 0;
}

/*
 * Decode the file p[0, n) with enc (and replace and not) and check that
 * its lines are want.  A file that starts like a binary format may be
 * refused as one.
 */
static void
lossless(const void *p, size_t n, enum rpt_enc enc, int replace,
    const struct rpt_buf *want, struct rpt_buf *got)
{
	enum rpt_status st;
	int last;

	got->len = 0;
	st = decode(p, n, enc, replace, got, &last);
	if (st == RPT_E_FORMAT || st == RPT_E_DOCX)
		return;
	CHECK(st == RPT_OK);
	CHECK(last == 0);
	CHECK(got->len == want->len &&
	    (want->len == 0 || memcmp(got->p, want->p, want->len) == 0));
}

/*
 * The ASCII filler in encoding e (UTF-8 for all but the UTF-16 ones): x
 * with a line end every 64 characters, 2 x RPT_SNIFF bytes, made once.
 */
static const char *
filler(enum rpt_enc e)
{
	static struct rpt_buf f[3];
	struct rpt_buf *b;
	size_t i;
	int k = e == RPT_ENC_UTF16LE ? 1 : e == RPT_ENC_UTF16BE ? 2 : 0;

	b = &f[k];
	if (b->len == 0) {
		for (i = 0; i < 2 * RPT_SNIFF; i += k ? 2 : 1)
			if (k == 0)
				fuzz_append(b, i % 64 == 63 ? "\n" : "x", 1);
			else
				fuzz_append(b, k == 1 ?
				    (i % 128 == 126 ? "\n\0" : "x\0") :
				    (i % 128 == 126 ? "\0\n" : "\0x"), 2);
	}
	return b->p;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static iconv_t to_gb = (iconv_t)-1, from_gb = (iconv_t)-1;
	static struct rpt_buf want, got, enc, back, big;
	const char *p = (const char *)data;
	uint32_t h = fuzz_hash(data, size);
	size_t i, fill;
	int replace, last, valid, be, bom;
	enum rpt_enc e;
	enum rpt_status st;

	if (in == NULL && (in = rpt_input_new()) == NULL)
		abort();
	if (to_gb == (iconv_t)-1) {
		to_gb = iconv_open("GB18030", "UTF-8");
		from_gb = iconv_open("UTF-8", "GB18030");
		CHECK(to_gb != (iconv_t)-1 && from_gb != (iconv_t)-1);
	}

	no_avx2 = (h >> 29) & 1;
	/* Every option, with replace or without (as the hash says). */
	for (i = 0; i < NENCS; i++)
		decode(data, size, encs[i], (h >> (16 + i)) & 1, NULL, &last);

	/* Across the end of the sniffed head, in one option (ASCII filler). */
	e = encs[h % NENCS];
	replace = (h >> 8) & 1;
	fill = ((h >> 27) & 1 ? 2 : 1) * RPT_SNIFF - 1 - (h >> 9) % 300;
	if (e == RPT_ENC_UTF16LE || e == RPT_ENC_UTF16BE)
		fill &= ~(size_t)1;
	big.len = 0;
	fuzz_append(&big, filler(e), fill);
	fuzz_append(&big, data, size);
	decode(big.p, big.len, e, replace, NULL, &last);

	valid = fuzz_utf8_valid(p, size) && memchr(p, '\0', size) == NULL;
	if (!valid)
		return 0;

	/* Valid UTF-8: every decoding of it is lossless. */
	want.len = 0;
	expected(&want, p, size);
	replace = (h >> 24) & 1;
	lossless(data, size, RPT_ENC_UTF8, replace, &want, &got);
	lossless(data, size, RPT_ENC_AUTO, !replace, &want, &got);
	if (e == RPT_ENC_AUTO || e == RPT_ENC_UTF8) {
		back.len = 0;
		expected(&back, big.p, big.len);
		lossless(big.p, big.len, e, replace, &back, &got);
	}
	/* A leading U+FEFF would be read as a BOM. */
	if (size >= 3 && memcmp(p, "\xef\xbb\xbf", 3) == 0)
		return 0;
	/* UTF-16, one byte order, with a BOM or not. */
	be = (h >> 25) & 1;
	bom = (h >> 26) & 1;
	enc.len = 0;
	utf16(&enc, p, size, be, bom);
	lossless(enc.p, enc.len, be ? RPT_ENC_UTF16BE : RPT_ENC_UTF16LE,
	    replace, &want, &got);
	if (bom)
		lossless(enc.p, enc.len, RPT_ENC_AUTO, !replace, &want, &got);
	/* GB18030, where iconv itself gives the text back. */
	if (convert(to_gb, &enc, p, size) == 0 &&
	    convert(from_gb, &back, enc.p, enc.len) == 0 &&
	    back.len == size && memcmp(back.p, p, size) == 0) {
		lossless(enc.p, enc.len, RPT_ENC_GB18030, replace, &want, &got);
		got.len = 0;
		st = decode(enc.p, enc.len, RPT_ENC_AUTO, !replace, &got,
		    &last);
		if (st == RPT_OK && rpt_input_enc(in) == RPT_ENC_GB18030) {
			CHECK(last == 0);
			CHECK(got.len == want.len && (want.len == 0 ||
			    memcmp(got.p, want.p, want.len) == 0));
		}
	}
	return 0;
}
