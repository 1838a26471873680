/*
 * input.c - from a file's bytes to lines of valid UTF-8.
 *
 * A file is read in chunks and never held whole.  The first RPT_SNIFF bytes
 * decide what it is: a ZIP goes to docx.c, which reads a Word file and
 * refuses any other ZIP; another known binary format is refused by its
 * signature (an OLE2 file named by its streams); else UTF-16 or UTF-8 by
 * BOM, else UTF-8 if they are valid UTF-8, else GB18030 if they decode
 * cleanly, else UTF-8 after all (so that the error names the first bad
 * byte).  Text is decoded into one buffer, in which lines are found; CRLF,
 * LF and a lone CR all end a line.  UTF-8 past the head is read straight
 * into that buffer and validated there (read_direct()); what is not valid
 * goes through the raw buffer as the other encodings do.  A Word file's lines come into the
 * same buffer, one per paragraph and line break, with their formatting.
 * The pass that finds a line's end (rpt_line_end()) also counts its
 * characters and looks for debris bytes, which the document model would
 * otherwise do in passes of its own.
 */
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <iconv.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "internal.h"

#define CHUNK		(64 * 1024)

struct rpt_input {
	int		 fd;
	int		 own_fd;	/* opened here, closed here */
	struct rpt_docx	*docx;		/* a Word file: its reader */
	struct rpt_input_opts opts;
	enum rpt_enc	 enc;
	iconv_t		 cd;		/* (iconv_t)-1 for UTF-8 */
	int		 avx2;		/* validate with AVX2 */

	unsigned char	*raw;		/* undecoded bytes [raw_off, raw_len) */
	size_t		 raw_off, raw_len, raw_cap;
	unsigned long long raw_pos;	/* file offset of raw[0] */
	int		 raw_eof;

	struct rpt_buf	 txt;		/* decoded text */
	size_t		 off;		/* start of the current line in txt */
	size_t		 scan;		/* no terminator in txt[off, scan) */
	struct rpt_line_count count;	/* rpt_line_end() on txt[off, scan) */
	int		 skip_lf;	/* last line ended in CR: eat one LF */
	long		 line;		/* number of the current line */
	long		 piece_chars;	/* chars of the current line handed out */

	int		 decoded_all;	/* decoder reached the end of input */
	int		 stopped;	/* decoder stopped at an error */
	size_t		 stop_at;	/* txt offset of the error */
	int		 done;		/* no more lines: end or error */
	int		 warned_replace, warned_long;
	/*
	 * The replacement warning of the head waits until the head is known
	 * not to be binary: a refused file gets one message.
	 */
	int		 in_head, held;
	struct rpt_diag	 held_diag;
	struct rpt_diag	 diag;
};

static const struct rpt_format_info formats[] = {
	[RPT_FMT_NONE] = { "text", "", "", "" },
	[RPT_FMT_DOCX] = { "a Word (DOCX) document", "convert it first",
	    "pandoc -t plain ", "" },
	[RPT_FMT_XLSX] = { "an Excel (XLSX) workbook", "convert it first",
	    "libreoffice --headless --convert-to csv ", "" },
	[RPT_FMT_PPTX] = { "a PowerPoint (PPTX) presentation",
	    "convert it first", "libreoffice --headless --convert-to pdf ",
	    "" },
	[RPT_FMT_ODF] = { "an OpenDocument file", "convert it first",
	    "pandoc -t plain ", "" },
	[RPT_FMT_ZIP] = { "a ZIP archive", "unpack it first", "unzip ", "" },
	[RPT_FMT_PDF] = { "a PDF document", "convert it first", "pdftotext ",
	    " -" },
	[RPT_FMT_OLE2] = { "a legacy Office (OLE2) file", "convert it first",
	    "libreoffice --headless --convert-to docx ", "" },
	[RPT_FMT_RTF] = { "an RTF document", "convert it first",
	    "pandoc -t plain ", "" },
	[RPT_FMT_PNG] = { "a PNG image", "it needs OCR first", "tesseract ",
	    " - -l chi_sim" },
	[RPT_FMT_JPEG] = { "a JPEG image", "it needs OCR first", "tesseract ",
	    " - -l chi_sim" },
	[RPT_FMT_GIF] = { "a GIF image", "it needs OCR first", "tesseract ",
	    " - -l chi_sim" },
	[RPT_FMT_DOC] = { "a Word 97-2003 or WPS document", "convert it first",
	    "libreoffice --headless --convert-to docx ", "" },
	[RPT_FMT_XLS] = { "an Excel 97-2003 workbook", "convert it first",
	    "libreoffice --headless --convert-to csv ", "" },
	[RPT_FMT_PPT] = { "a PowerPoint 97-2003 presentation",
	    "convert it first", "libreoffice --headless --convert-to pdf ",
	    "" },
	[RPT_FMT_ENCRYPTED] = { "an encrypted (password-protected) Office "
	    "document", "save it without a password", "", "" },
};

const struct rpt_format_info *
rpt_format_info(enum rpt_format f)
{
	return &formats[f];
}

static const char *const enc_names[] = {
	[RPT_ENC_AUTO] = "auto",
	[RPT_ENC_UTF8] = "utf-8",
	[RPT_ENC_UTF8_BOM] = "utf-8-bom",
	[RPT_ENC_GB18030] = "gb18030",
	[RPT_ENC_UTF16LE] = "utf-16le",
	[RPT_ENC_UTF16BE] = "utf-16be",
	[RPT_ENC_DOCX] = "docx",
};

int
rpt_enc_parse(const char *name, enum rpt_enc *enc)
{
	size_t i;

	for (i = 0; i < sizeof(enc_names) / sizeof(enc_names[0]); i++)
		if (i != RPT_ENC_UTF8_BOM && i != RPT_ENC_DOCX &&
		    strcmp(name, enc_names[i]) == 0) {
			*enc = (enum rpt_enc)i;
			return 0;
		}
	return -1;
}

const char *
rpt_enc_name(enum rpt_enc enc)
{
	return enc_names[enc];
}

struct rpt_input *
rpt_input_new(void)
{
	struct rpt_input *in;

	if ((in = calloc(1, sizeof(*in))) == NULL)
		return NULL;
	in->fd = -1;
	in->cd = (iconv_t)-1;
	in->raw_cap = RPT_SNIFF + CHUNK;
	if ((in->raw = malloc(in->raw_cap)) == NULL) {
		free(in);
		return NULL;
	}
	return in;
}

void
rpt_input_close(struct rpt_input *in)
{
	if (in->own_fd && in->fd != -1)
		close(in->fd);
	in->fd = -1;
	in->own_fd = 0;
	rpt_docx_free(in->docx);
	in->docx = NULL;
	if (in->cd != (iconv_t)-1)
		iconv_close(in->cd);
	in->cd = (iconv_t)-1;
}

void
rpt_input_free(struct rpt_input *in)
{
	if (in == NULL)
		return;
	rpt_input_close(in);
	free(in->raw);
	rpt_buf_free(&in->txt);
	free(in);
}

enum rpt_enc
rpt_input_enc(const struct rpt_input *in)
{
	return in->enc;
}

const struct rpt_diag *
rpt_input_diag(const struct rpt_input *in)
{
	return &in->diag;
}

/* Read into raw until it holds want bytes or the input ends. */
static int
read_raw(struct rpt_input *in, size_t want)
{
	ssize_t r;

	if (in->raw_off > 0) {
		memmove(in->raw, in->raw + in->raw_off, in->raw_len - in->raw_off);
		in->raw_pos += in->raw_off;
		in->raw_len -= in->raw_off;
		in->raw_off = 0;
	}
	if (want > in->raw_cap)
		want = in->raw_cap;
	while (!in->raw_eof && in->raw_len < want) {
		r = read(in->fd, in->raw + in->raw_len, in->raw_cap - in->raw_len);
		if (r == -1) {
			if (errno == EINTR)
				continue;
			in->diag.status = errno == EISDIR ? RPT_E_ISDIR : RPT_E_SYS;
			in->diag.errnum = errno;
			return -1;
		}
		if (r == 0)
			in->raw_eof = 1;
		in->raw_len += (size_t)r;
	}
	return 0;
}

static int
has(const unsigned char *p, size_t n, const char *needle)
{
	size_t k = strlen(needle);

	return rpt_memmem((const char *)p, n, needle, k) != NULL;
}

static enum rpt_format
sniff_format(const unsigned char *p, size_t n)
{
	static const unsigned char ole2[] = {
		0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1
	};
	static const unsigned char png[] = {
		0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'
	};

	if (n >= 4 && p[0] == 'P' && p[1] == 'K' &&
	    ((p[2] == 3 && p[3] == 4) || (p[2] == 5 && p[3] == 6) ||
	    (p[2] == 7 && p[3] == 8))) {
		if (has(p, n, "word/"))
			return RPT_FMT_DOCX;
		if (has(p, n, "xl/"))
			return RPT_FMT_XLSX;
		if (has(p, n, "ppt/"))
			return RPT_FMT_PPTX;
		if (has(p, n, "application/vnd.oasis.opendocument"))
			return RPT_FMT_ODF;
		return RPT_FMT_ZIP;
	}
	if (n >= 5 && memcmp(p, "%PDF-", 5) == 0)
		return RPT_FMT_PDF;
	if (n >= sizeof(ole2) && memcmp(p, ole2, sizeof(ole2)) == 0)
		return RPT_FMT_OLE2;
	if (n >= 5 && memcmp(p, "{\\rtf", 5) == 0)
		return RPT_FMT_RTF;
	if (n >= sizeof(png) && memcmp(p, png, sizeof(png)) == 0)
		return RPT_FMT_PNG;
	if (n >= 3 && p[0] == 0xff && p[1] == 0xd8 && p[2] == 0xff)
		return RPT_FMT_JPEG;
	if (n >= 6 && (memcmp(p, "GIF87a", 6) == 0 || memcmp(p, "GIF89a", 6) == 0))
		return RPT_FMT_GIF;
	return RPT_FMT_NONE;
}

#ifdef __SSE2__
/*
 * The masks of a 16-byte block for utf8_valid16(): its bytes with bit 7
 * set, its leads E1-EF but ED, and its continuation bytes.
 */
static inline void
utf8_masks16(__m128i x, uint64_t *hi, uint64_t *l, uint64_t *c, int shift)
{
	const __m128i e1 = _mm_set1_epi8((char)0xe1), ed = _mm_set1_epi8((char)0xed);
	const __m128i span = _mm_set1_epi8(0xef - 0xe1), c0 = _mm_set1_epi8((char)0xc0);
	__m128i d;

	*hi |= (uint64_t)(unsigned)_mm_movemask_epi8(x) << shift;
	/* E1-EF but ED: (x - E1) unsigned at most EF - E1. */
	d = _mm_sub_epi8(x, e1);
	*l |= (uint64_t)(unsigned)_mm_movemask_epi8(_mm_andnot_si128(
	    _mm_cmpeq_epi8(x, ed), _mm_cmpeq_epi8(_mm_min_epu8(d, span), d))) <<
	    shift;
	/* 80-BF, signed -128 to -65: below C0 (-64). */
	*c |= (uint64_t)(unsigned)_mm_movemask_epi8(_mm_cmplt_epi8(x, c0)) <<
	    shift;
}

/*
 * Do the masks of a block (at bit shift of the 64-bit masks on) fail the
 * test?  last holds the leads of the block before in its top bits: a
 * lead at 62 owes this block one continuation byte, at 63 two.
 */
static inline int
utf8_bad(uint64_t H, uint64_t L, uint64_t C, uint64_t last, int shift)
{
	uint64_t carry = (last >> 62 & 1) | (last >> 63) * 3;

	return (L | C) != H || C != (L << 1 | L << 2 | carry << shift);
}

#ifdef RPT_HAVE_AVX2
/* utf8_masks16() for 32 bytes. */
static inline RPT_AVX2 void
utf8_masks32(__m256i x, uint64_t *hi, uint64_t *l, uint64_t *c, int shift)
{
	const __m256i e1 = _mm256_set1_epi8((char)0xe1);
	const __m256i ed = _mm256_set1_epi8((char)0xed);
	const __m256i span = _mm256_set1_epi8(0xef - 0xe1);
	const __m256i c0 = _mm256_set1_epi8((char)0xc0);
	__m256i d;

	*hi |= (uint64_t)(uint32_t)_mm256_movemask_epi8(x) << shift;
	d = _mm256_sub_epi8(x, e1);
	*l |= (uint64_t)(uint32_t)_mm256_movemask_epi8(_mm256_andnot_si256(
	    _mm256_cmpeq_epi8(x, ed), _mm256_cmpeq_epi8(_mm256_min_epu8(d,
	    span), d))) << shift;
	*c |= (uint64_t)(uint32_t)_mm256_movemask_epi8(_mm256_cmpgt_epi8(c0,
	    x)) << shift;
}

/*
 * utf8_valid16()'s 64-byte blocks with AVX2, two masks of 32 joined; the
 * same check.  Returns where it stopped, *last the last block's leads,
 * and 1 when a block failed (then *stop is set).
 */
static RPT_AVX2 int
utf8_valid64_avx2(const unsigned char *p, size_t *ip, size_t n,
    size_t *stop, uint64_t *last)
{
	__m256i x0, x1;
	uint64_t H, L, C;
	size_t i;

	for (i = *ip; i + 64 <= n; i += 64) {
		x0 = _mm256_loadu_si256((const __m256i *)(const void *)(p + i));
		x1 = _mm256_loadu_si256((const __m256i *)(const void *)
		    (p + i + 32));
		if (_mm256_movemask_epi8(_mm256_or_si256(x0, x1)) == 0 &&
		    *last >> 62 == 0) {
			*last = 0;
			continue;
		}
		H = L = C = 0;
		utf8_masks32(x0, &H, &L, &C, 0);
		utf8_masks32(x1, &H, &L, &C, 32);
		if (utf8_bad(H, L, C, *last, 0)) {
			*stop = i + 64;
			*ip = i;
			return 1;
		}
		*last = L;
	}
	*ip = i;
	return 0;
}
#endif

/*
 * The SSE2 fast path of utf8_valid(): from i, a character boundary, over
 * whole blocks of ASCII and the three-byte sequences that need no table
 * (leads E1-EC, EE, EF: any two continuation bytes will do), which is
 * nearly all the text of a report.  Per block, as bit masks: every byte
 * with bit 7 set is such a lead or a continuation byte, and the
 * continuation bytes are exactly the two after each lead (those of a lead
 * at the block's last two bytes spill into the next block, whose check
 * sees them).  Blocks are 64 bytes (four masks of 16 joined, or two of
 * 32 with AVX2 when avx2 is set), then 16 for the rest.  Returns the
 * character boundary where the blocks stop, all
 * before it valid, and sets *stop to the end of the block that failed the
 * test (n when none did): the scalar loop takes over up to there.
 */
static size_t
utf8_valid16(const unsigned char *p, size_t i, size_t n, size_t *stop,
    int avx2)
{
#define LOAD16(at) _mm_loadu_si128((const __m128i *)(const void *)(p + (at)))
	__m128i x0, x1, x2, x3;
	uint64_t H, L, C, last = 0;

	*stop = n;
#ifdef RPT_HAVE_AVX2
	if (avx2 && utf8_valid64_avx2(p, &i, n, stop, &last))
		goto back;
#else
	(void)avx2;
#endif
	for (; i + 64 <= n; i += 64) {
		x0 = LOAD16(i);
		x1 = LOAD16(i + 16);
		x2 = LOAD16(i + 32);
		x3 = LOAD16(i + 48);
		/* ASCII, and nothing owed to a lead */
		if (_mm_movemask_epi8(_mm_or_si128(_mm_or_si128(x0, x1),
		    _mm_or_si128(x2, x3))) == 0 && last >> 62 == 0) {
			last = 0;
			continue;
		}
		H = L = C = 0;
		utf8_masks16(x0, &H, &L, &C, 0);
		utf8_masks16(x1, &H, &L, &C, 16);
		utf8_masks16(x2, &H, &L, &C, 32);
		utf8_masks16(x3, &H, &L, &C, 48);
		if (utf8_bad(H, L, C, last, 0)) {
			*stop = i + 64;
			goto back;
		}
		last = L;
	}
	/* The rest 16 bytes a step, in the top lanes of the same masks. */
	for (; i + 16 <= n; i += 16) {
		x0 = LOAD16(i);
		H = L = C = 0;
		utf8_masks16(x0, &H, &L, &C, 48);
		if (utf8_bad(H, L, C, last, 48)) {
			*stop = i + 16;
			break;
		}
		last = L;
	}
#undef LOAD16
back:
	/* Back to the lead of a sequence that runs past the last block. */
	return i - ((last >> 63) ? 1 : (last >> 62 & 1) ? 2 : 0);
}
#endif

/*
 * Length of the valid UTF-8 prefix of p; where it stops short, *bad is as
 * for rpt_utf8_char().  Whole blocks go through utf8_valid16() where SSE2
 * is there; the loop here takes ASCII and the three-byte sequences of Han
 * text without a table walk, and everything else through rpt_utf8_char().
 */
static size_t
utf8_valid(const unsigned char *p, size_t n, size_t *bad, int avx2)
{
	size_t i = 0, k, stop;
	unsigned b;

	*bad = 0;
	for (;;) {
#ifdef __SSE2__
		i = utf8_valid16(p, i, n, &stop, avx2);
#else
		(void)avx2;
		stop = n;
#endif
		while (i < stop) {
			b = p[i];
			if (b < 0x80) {
				i++;
				continue;
			}
			/* E1-EC, EE, EF: any two continuation bytes will do. */
			if (i + 3 <= n && b - 0xe1u <= 0xeu && b != 0xed &&
			    ((p[i + 1] ^ 0x80u) | (p[i + 2] ^ 0x80u)) < 0x40u) {
				i += 3;
				continue;
			}
			if ((k = rpt_utf8_char(p + i, n - i, bad)) == 0)
				return i;
			i += k;
		}
		if (i >= n)
			return i;
	}
}

/* Does p decode as GB18030 without error (a cut-off tail is fine)? */
static int
gb18030_clean(const unsigned char *p, size_t n, int at_eof)
{
	iconv_t cd;
	char out[4096], *ip = (char *)p, *op;
	size_t il = n, ol, r;
	int ok = 1;

	if ((cd = iconv_open("UTF-8", "GB18030")) == (iconv_t)-1)
		return 0;
	while (il > 0) {
		op = out;
		ol = sizeof(out);
		r = iconv(cd, &ip, &il, &op, &ol);
		if (r != (size_t)-1)
			break;
		if (errno == E2BIG)
			continue;
		if (errno == EINVAL && !at_eof)
			break;
		ok = 0;
		break;
	}
	iconv_close(cd);
	return ok;
}

static void
set_invalid(struct rpt_input *in, const unsigned char *p, size_t nbad)
{
	size_t i;

	in->diag.status = RPT_E_INVALID;
	in->diag.nbad = (int)(nbad > sizeof(in->diag.bad) ?
	    sizeof(in->diag.bad) : nbad);
	for (i = 0; i < (size_t)in->diag.nbad; i++)
		in->diag.bad[i] = p[i];
}

static void	locate(const struct rpt_input *, size_t, struct rpt_diag *);

/* Characters in txt[from, to). */
static long
chars_between(const struct rpt_input *in, size_t from, size_t to)
{
	long n = 0;
	size_t i;

	for (i = from; i < to; i++)
		n += ((unsigned char)in->txt.p[i] & 0xc0) != 0x80;
	return n;
}

/*
 * An invalid sequence at raw + raw_off, nbad bytes long, whose text would
 * go at the end of txt: replace it, or stop.  Returns -1 to stop.
 */
static int
invalid(struct rpt_input *in, size_t nbad)
{
	const unsigned char *p = in->raw + in->raw_off;

	if (!in->opts.replace) {
		set_invalid(in, p, nbad);
		in->stopped = 1;
		in->stop_at = in->txt.len;
		return -1;
	}
	if (!in->warned_replace) {
		struct rpt_diag d = in->diag;

		d.status = RPT_E_INVALID;
		d.nbad = (int)(nbad > sizeof(d.bad) ? sizeof(d.bad) : nbad);
		memcpy(d.bad, p, (size_t)d.nbad);
		locate(in, in->txt.len, &d);
		d.enc = in->enc;
		in->warned_replace = 1;
		if (in->in_head) {
			in->held_diag = d;
			in->held = 1;
		} else if (in->opts.warn)
			in->opts.warn(in->opts.warn_ctx, RPT_W_REPLACED, &d);
	}
	if (rpt_buf_append(&in->txt, RPT_UTF8_REPLACEMENT, 3) == -1) {
		in->diag.status = RPT_E_NOMEM;
		return -1;
	}
	in->raw_off += nbad;
	return 0;
}

/* Is the file offset of raw + raw_off past the sniffed head? */
static int
past_head(const struct rpt_input *in, size_t at)
{
	return in->raw_pos + at >= RPT_SNIFF;
}

static int
decode_utf8(struct rpt_input *in)
{
	size_t n, ok, bad, head;
	const unsigned char *p, *z;

	while (in->raw_off < in->raw_len) {
		p = in->raw + in->raw_off;
		n = in->raw_len - in->raw_off;
		ok = utf8_valid(p, n, &bad, in->avx2);
		/* NUL is caught as binary data in the head, as an error after. */
		head = past_head(in, in->raw_off) ? 0 :
		    (size_t)(RPT_SNIFF - (in->raw_pos + in->raw_off));
		if (head < ok && (z = memchr(p + head, 0, ok - head)) != NULL) {
			ok = (size_t)(z - p);
			bad = 1;
		}
		if (rpt_buf_append(&in->txt, (const char *)p, ok) == -1) {
			in->diag.status = RPT_E_NOMEM;
			return -1;
		}
		in->raw_off += ok;
		if (ok == n)
			break;
		if (bad == 0) {
			/* A sequence cut off by the end of what was read. */
			if (!in->raw_eof)
				break;
			bad = n - ok;
		}
		if (invalid(in, bad) == -1)
			return -1;
	}
	return 0;
}

/*
 * Offset of the first NUL code unit in raw[from, to) past the head, or to.
 * In GB18030 a 0x00 byte is always NUL (no trail byte is that low); in
 * UTF-16 units are aligned on raw_off.
 */
static size_t
nul_unit(const struct rpt_input *in, size_t from, size_t to, size_t unit)
{
	const unsigned char *z;
	size_t i = from;

	if (!past_head(in, i)) {
		i += (size_t)(RPT_SNIFF - (in->raw_pos + i));
		i += (i - from) % unit;
	}
	if (unit == 1) {
		if (i < to && (z = memchr(in->raw + i, 0, to - i)) != NULL)
			return (size_t)(z - in->raw);
		return to;
	}
	for (; i + 1 < to; i += 2)
		if (in->raw[i] == 0 && in->raw[i + 1] == 0)
			return i;
	return to;
}

/*
 * The bytes of the sequence iconv refused at raw_off: a GB18030 four-byte
 * sequence that is well formed but names no character (past U+10FFFF, or
 * in the gaps) is one bad sequence, not a bad byte followed by text;
 * anything else is one code unit.
 */
static size_t
bad_unit(const struct rpt_input *in, size_t lim)
{
	const unsigned char *p = in->raw + in->raw_off;

	if (in->enc != RPT_ENC_GB18030)
		return 2;
	if (lim - in->raw_off >= 4 && p[0] >= 0x81 && p[0] <= 0xfe &&
	    p[1] >= 0x30 && p[1] <= 0x39 && p[2] >= 0x81 && p[2] <= 0xfe &&
	    p[3] >= 0x30 && p[3] <= 0x39)
		return 4;
	return 1;
}

static int
decode_iconv(struct rpt_input *in)
{
	size_t unit = in->enc == RPT_ENC_GB18030 ? 1 : 2;
	size_t il, ol, lim, r;
	char *ip, *op;
	int e;

	while (in->raw_off < in->raw_len) {
		if (rpt_buf_reserve(&in->txt, 4 * CHUNK) == -1) {
			in->diag.status = RPT_E_NOMEM;
			return -1;
		}
		lim = nul_unit(in, in->raw_off, in->raw_len, unit);
		if (lim == in->raw_off) {
			/* NUL past the head is an invalid character, as in UTF-8. */
			if (invalid(in, unit) == -1)
				return -1;
			continue;
		}
		ip = (char *)in->raw + in->raw_off;
		il = lim - in->raw_off;
		op = in->txt.p + in->txt.len;
		ol = in->txt.cap - in->txt.len - 1;
		r = iconv(in->cd, &ip, &il, &op, &ol);
		e = errno;
		in->txt.len = (size_t)(op - in->txt.p);
		in->txt.p[in->txt.len] = '\0';
		in->raw_off = (size_t)((unsigned char *)ip - in->raw);
		if (r != (size_t)-1 || e == E2BIG)
			continue;
		if (e == EINVAL && lim == in->raw_len && !in->raw_eof)
			break;		/* cut off: read more */
		if (invalid(in, e == EINVAL && lim == in->raw_len ?
		    in->raw_len - in->raw_off : bad_unit(in, lim)) == -1)
			return -1;
	}
	return 0;
}

/*
 * UTF-8 text past the head, with no more than a character cut off by the
 * last read waiting in raw: read CHUNK bytes straight onto the end of txt
 * and validate them there, which saves copying all of them from raw.
 * What is not valid UTF-8, from its first bad byte (or a character cut
 * off by the end of the read) on, goes back to raw for decode_utf8(),
 * which replaces or stops as for any other text.
 */
static int
read_direct(struct rpt_input *in)
{
	size_t pend = in->raw_len - in->raw_off, n, ok, bad;
	unsigned long long at = in->raw_pos + in->raw_off;
	unsigned char *p;
	const unsigned char *z;
	ssize_t r;

	if (rpt_buf_reserve(&in->txt, pend + CHUNK) == -1) {
		in->diag.status = RPT_E_NOMEM;
		return -1;
	}
	p = (unsigned char *)in->txt.p + in->txt.len;
	memcpy(p, in->raw + in->raw_off, pend);
	/* Whole chunks, as read_raw() reads: a trickle is gathered here. */
	for (n = pend; n < pend + CHUNK && !in->raw_eof; n += (size_t)r) {
		r = read(in->fd, p + n, pend + CHUNK - n);
		if (r == -1) {
			if (errno == EINTR) {
				r = 0;
				continue;
			}
			in->diag.status = RPT_E_SYS;
			in->diag.errnum = errno;
			break;
		}
		if (r == 0)
			in->raw_eof = 1;
	}
	ok = utf8_valid(p, n, &bad, in->avx2);
	/* NUL is an error past the head (in it, the file is binary). */
	if ((z = memchr(p, 0, ok)) != NULL)
		ok = (size_t)(z - p);
	/* The rest waits in raw: less than raw_cap, as pend is below 4. */
	memcpy(in->raw, p + ok, n - ok);
	in->txt.len += ok;
	in->txt.p[in->txt.len] = '\0';
	in->raw_pos = at + ok;
	in->raw_off = 0;
	in->raw_len = n - ok;
	if (in->diag.status != RPT_OK)
		return -1;
	return in->raw_len > 0 ? decode_utf8(in) : 0;
}

/*
 * Decode more text onto txt.  Returns 1 when there may be more, 0 at the
 * end of input, -1 when decoding stopped (in->diag says why).
 */
static int
decode_more(struct rpt_input *in)
{
	int r;

	if (in->docx != NULL)
		return rpt_docx_more(in->docx, &in->txt);
	if (in->cd == (iconv_t)-1 && !in->raw_eof &&
	    in->raw_len - in->raw_off < 4 && past_head(in, in->raw_off))
		r = read_direct(in);
	else if ((in->raw_off == in->raw_len || !in->raw_eof) &&
	    read_raw(in, CHUNK) == -1)
		return -1;
	else if (in->cd == (iconv_t)-1)
		r = decode_utf8(in);
	else
		r = decode_iconv(in);
	if (r == -1)
		return -1;
	return in->raw_eof && in->raw_off == in->raw_len ? 0 : 1;
}

/* Position (line, column) of txt offset at, in the current line. */
static void
locate(const struct rpt_input *in, size_t at, struct rpt_diag *d)
{
	size_t i, start = in->off;
	long line = in->line;

	for (i = in->off; i < at; i++)
		if (in->txt.p[i] == '\n' || (in->txt.p[i] == '\r' &&
		    (i + 1 >= in->txt.len || in->txt.p[i + 1] != '\n'))) {
			line++;
			start = i + 1;
		}
	d->line = line;
	d->col = (start == in->off ? in->piece_chars : 0) +
	    chars_between(in, start, at) + 1;
}

static int	open_input(struct rpt_input *, const char *, int,
		    const struct rpt_input_opts *);

/*
 * Which legacy Office file an OLE2 compound file is, by the names of its
 * streams: they are stored in UTF-16LE in its directory, which may be
 * anywhere in the file, so the file is searched (up to OLE2_SCAN bytes)
 * rather than parsed.  Refused either way; this only picks the message.
 */
#define OLE2_SCAN	(64ULL * 1024 * 1024)

static enum rpt_format
ole2_kind(struct rpt_input *in)
{
	static const struct {
		const char	*name;
		enum rpt_format	 fmt;
	} streams[] = {
		/* The first found wins: an encrypted file holds others too. */
		{ "EncryptedPackage", RPT_FMT_ENCRYPTED },
		{ "WordDocument", RPT_FMT_DOC },
		{ "Workbook", RPT_FMT_XLS },
		{ "PowerPoint Document", RPT_FMT_PPT },
	};
	enum { NS = sizeof(streams) / sizeof(streams[0]), NAME = 40 };
	char pat[NS][NAME];
	size_t plen[NS], i, k, keep = NAME;
	unsigned long long seen = 0;
	enum rpt_format found = RPT_FMT_OLE2;
	size_t best = NS;

	for (i = 0; i < NS; i++) {
		for (k = 0; streams[i].name[k] != '\0'; k++) {
			pat[i][2 * k] = streams[i].name[k];
			pat[i][2 * k + 1] = '\0';
		}
		plen[i] = 2 * k;
	}
	for (;;) {
		for (i = 0; i < best; i++)
			if (rpt_memmem((const char *)in->raw + in->raw_off,
			    in->raw_len - in->raw_off, pat[i], plen[i]) != NULL) {
				best = i;
				found = streams[i].fmt;
			}
		if (best == 0 || in->raw_eof || seen > OLE2_SCAN)
			break;
		/* Keep the last bytes: a name may straddle two reads. */
		if (in->raw_len - in->raw_off > keep) {
			seen += in->raw_len - in->raw_off - keep;
			in->raw_off = in->raw_len - keep;
		}
		if (read_raw(in, in->raw_cap) == -1)
			break;
	}
	memset(&in->diag, 0, sizeof(in->diag));
	return found;
}

int
rpt_input_open(struct rpt_input *in, const char *path,
    const struct rpt_input_opts *opts)
{
	return open_input(in, path, -1, opts);
}

int
rpt_input_open_fd(struct rpt_input *in, int fd,
    const struct rpt_input_opts *opts)
{
	return open_input(in, NULL, fd, opts);
}

/* rpt_input_open() of path, or of fd (taken) when fd is not -1. */
static int
open_input(struct rpt_input *in, const char *path, int fd,
    const struct rpt_input_opts *opts)
{
	struct stat st;
	size_t bom = 0;
	const char *from = NULL;
	const char *nul;
	int r;

	rpt_input_close(in);
	memset(&in->diag, 0, sizeof(in->diag));
	in->opts = *opts;
	in->enc = opts->enc;
#ifdef RPT_HAVE_AVX2
	in->avx2 = !opts->no_avx2 && rpt_have_avx2();
#else
	in->avx2 = 0;
#endif
	in->raw_off = in->raw_len = 0;
	in->raw_pos = 0;
	in->raw_eof = 0;
	in->txt.len = 0;
	in->off = in->scan = 0;
	memset(&in->count, 0, sizeof(in->count));
	in->skip_lf = 0;
	in->line = 1;
	in->piece_chars = 0;
	in->decoded_all = in->stopped = in->done = 0;
	in->warned_replace = in->warned_long = 0;
	in->in_head = in->held = 0;

	if (fd != -1) {
		in->fd = fd;
		in->own_fd = 1;
	} else if (path == NULL)
		in->fd = STDIN_FILENO;
	else {
		if ((in->fd = open(path, O_RDONLY | O_CLOEXEC)) == -1) {
			in->diag.status = RPT_E_SYS;
			in->diag.errnum = errno;
			goto refused;
		}
		in->own_fd = 1;
	}
	if (fstat(in->fd, &st) == 0 && S_ISDIR(st.st_mode)) {
		in->diag.status = RPT_E_ISDIR;
		goto refused;
	}
	if (read_raw(in, RPT_SNIFF) == -1)
		goto refused;

	switch ((in->diag.format = sniff_format(in->raw, in->raw_len))) {
	case RPT_FMT_NONE:
		break;
	case RPT_FMT_DOCX:
	case RPT_FMT_XLSX:
	case RPT_FMT_PPTX:
	case RPT_FMT_ODF:
	case RPT_FMT_ZIP:
		/* A ZIP is a Word file when its content types say so. */
		in->diag.format = RPT_FMT_NONE;
		if (rpt_docx_open(&in->docx, in->fd, in->raw, in->raw_len,
		    &in->diag) == -1)
			goto refused;
		in->enc = in->diag.enc = RPT_ENC_DOCX;
		/* Its first lines now: a document refused at its start yields none. */
		if ((r = rpt_docx_more(in->docx, &in->txt)) == -1)
			goto refused;
		in->decoded_all = r == 0;
		return 0;
	case RPT_FMT_OLE2:
		in->diag.format = ole2_kind(in);
		/* FALLTHROUGH */
	default:
		in->diag.status = RPT_E_FORMAT;
		goto refused;
	}
	if (in->raw_len >= 3 && memcmp(in->raw, RPT_UTF8_BOM, 3) == 0 &&
	    (in->enc == RPT_ENC_AUTO || in->enc == RPT_ENC_UTF8)) {
		in->enc = RPT_ENC_UTF8_BOM;
		bom = 3;
	} else if (in->raw_len >= 2 && in->raw[0] == 0xff && in->raw[1] == 0xfe &&
	    (in->enc == RPT_ENC_AUTO || in->enc == RPT_ENC_UTF16LE)) {
		in->enc = RPT_ENC_UTF16LE;
		bom = 2;
	} else if (in->raw_len >= 2 && in->raw[0] == 0xfe && in->raw[1] == 0xff &&
	    (in->enc == RPT_ENC_AUTO || in->enc == RPT_ENC_UTF16BE)) {
		in->enc = RPT_ENC_UTF16BE;
		bom = 2;
	} else if (in->enc == RPT_ENC_AUTO) {
		/* Only the first RPT_SNIFF bytes decide, however many were read. */
		size_t bad, head = in->raw_len < RPT_SNIFF ? in->raw_len : RPT_SNIFF;
		int whole = in->raw_eof && head == in->raw_len;

		/*
		 * A sequence merely cut off by the end of the head (bad 0) does
		 * not count against UTF-8, even at the end of the file: a UTF-8
		 * file cut inside its last character is reported, not taken
		 * for GB18030 because its bytes happen to decode.
		 */
		in->enc = RPT_ENC_UTF8;
		if (utf8_valid(in->raw, head, &bad, in->avx2) != head &&
		    bad != 0 &&
		    gb18030_clean(in->raw, head, whole))
			in->enc = RPT_ENC_GB18030;
	}
	in->raw_off = bom;
	switch (in->enc) {
	case RPT_ENC_GB18030:
		from = "GB18030";
		break;
	case RPT_ENC_UTF16LE:
		from = "UTF-16LE";
		break;
	case RPT_ENC_UTF16BE:
		from = "UTF-16BE";
		break;
	default:
		break;
	}
	if (from != NULL && (in->cd = iconv_open("UTF-8", from)) == (iconv_t)-1) {
		in->diag.status = RPT_E_SYS;
		in->diag.errnum = errno;
		goto refused;
	}
	in->diag.enc = in->enc;

	/* Decode the head now: NUL bytes in it make the file binary. */
	in->in_head = 1;
	r = in->cd == (iconv_t)-1 ? decode_utf8(in) : decode_iconv(in);
	in->in_head = 0;
	if (r == -1 && in->diag.status != RPT_E_INVALID)
		goto refused;
	if (in->txt.len > 0 &&
	    (nul = memchr(in->txt.p, '\0', in->txt.len)) != NULL) {
		locate(in, (size_t)(nul - in->txt.p), &in->diag);
		in->diag.status = RPT_E_BINARY;
		goto refused;
	}
	if (in->held && in->opts.warn)
		in->opts.warn(in->opts.warn_ctx, RPT_W_REPLACED, &in->held_diag);
	in->held = 0;
	return 0;

refused:
	in->done = 1;
	rpt_input_close(in);
	return -1;
}

/* rpt_line_end() into in->count, with AVX2 where the input may use it. */
static size_t
line_end(struct rpt_input *in, const char *p, size_t n)
{
#ifdef RPT_HAVE_AVX2
	if (in->avx2)
		return rpt_line_end_avx2(p, n, &in->count);
#endif
	return rpt_line_end(p, n, &in->count);
}

/* Hand out txt[off, end) as a line, and move past skip bytes. */
static int
emit(struct rpt_input *in, struct rpt_line *line, size_t end, size_t skip,
    int piece)
{
	line->p = in->txt.p + in->off;
	line->len = end - in->off;
	line->num = in->line;
	line->fmt = 0;
	line->outline = line->lead = 0;
	/* What rpt_line_end() found, if it scanned the line to its end. */
	line->counted = !piece && in->scan == end;
	line->leads = line->counted ? line->len - in->count.cont : 0;
	line->chars = line->counted ? line->leads - in->count.ws : 0;
	line->clean = line->counted && !in->count.debris;
	line->plain = line->counted && !in->count.esc;
	if (in->docx != NULL && in->piece_chars == 0)
		rpt_docx_line_fmt(in->docx, in->line, &line->fmt,
		    &line->outline, &line->lead);
	if (piece)
		in->piece_chars += chars_between(in, in->off, end);
	else {
		in->line++;
		in->piece_chars = 0;
	}
	in->off = end + skip;
	in->scan = in->off;
	memset(&in->count, 0, sizeof(in->count));
	return 1;
}

int
rpt_input_line(struct rpt_input *in, struct rpt_line *line)
{
	size_t end;
	int r;

	if (in->done)
		return in->diag.status == RPT_OK ? 0 : -1;
	for (;;) {
		if (in->skip_lf && in->off < in->txt.len) {
			if (in->txt.p[in->off] == '\n')
				in->off++;
			in->skip_lf = 0;
			in->scan = in->off;
			memset(&in->count, 0, sizeof(in->count));
		}
		if (!in->skip_lf && in->scan < in->txt.len) {
			/* The scan goes on where it stopped for more text. */
			end = in->scan + line_end(in, in->txt.p + in->scan,
			    in->txt.len - in->scan);
			in->scan = end;
			if (end == in->txt.len)
				;	/* no terminator yet */
			else if (end - in->off <= RPT_LINE_MAX) {
				if (in->txt.p[end] == '\n')
					return emit(in, line, end, 1, 0);
				if (end + 1 < in->txt.len)
					return emit(in, line, end,
					    in->txt.p[end + 1] == '\n' ? 2 : 1, 0);
				/* CR at the end of what is decoded: LF may follow. */
				in->skip_lf = 1;
				return emit(in, line, end, 1, 0);
			}
			/* Else the line is too long: cut a piece below. */
		}
		if (in->txt.len - in->off > RPT_LINE_MAX) {
			end = in->off + RPT_LINE_MAX;
			while (((unsigned char)in->txt.p[end] & 0xc0) == 0x80)
				end--;
			if (!in->warned_long) {
				struct rpt_diag d = in->diag;

				d.line = in->line;
				d.col = 0;
				in->warned_long = 1;
				if (in->opts.warn)
					in->opts.warn(in->opts.warn_ctx,
					    RPT_W_LONGLINE, &d);
			}
			return emit(in, line, end, 0, 1);
		}
		if (in->stopped || in->decoded_all) {
			in->done = 1;
			if (in->stopped) {
				locate(in, in->stop_at, &in->diag);
				rpt_input_close(in);
				return -1;
			}
			rpt_input_close(in);
			if (in->txt.len > in->off)
				return emit(in, line, in->txt.len, 0, 0);
			return 0;
		}
		/* Keep only the current line, then decode more. */
		if (in->off > 0) {
			memmove(in->txt.p, in->txt.p + in->off, in->txt.len - in->off);
			in->txt.len -= in->off;
			in->scan -= in->off;
			in->off = 0;
		}
		r = decode_more(in);
		if (r == 0)
			in->decoded_all = 1;
		else if (r == -1) {
			if (in->diag.status != RPT_E_INVALID) {
				/* A read error: the text read so far still counts. */
				in->stopped = 1;
				in->stop_at = in->txt.len;
			}
		}
	}
}
