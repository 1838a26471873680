/*
 * tsv.c - fuzz target of the TSV writer (rpt_tsv_*, rpt_name_escape).
 *
 * The input says what to write:
 *
 *	byte 0		the number of columns, 1 + byte % 8
 *	byte 1		the separator of the fields in the rest
 *	byte 2		how many times to write all the rows, 1 + byte % 4
 *			(so that the output crosses the writer's buffer)
 *	the rest	fields, cut at the separator, taken in order into
 *			rows of that many columns (the last one filled up
 *			with empty fields).  A field that starts with
 *			0x01 is written with rpt_tsv_long(): the value is
 *			the next (at most 8) bytes, little-endian, signed;
 *			with 0x02, it is a file name (the rest up to a NUL),
 *			escaped with rpt_name_escape() and written with
 *			rpt_tsv_raw(); else the field's bytes, with
 *			rpt_tsv_field().
 *
 * First a header row c1 c2... is written.  The output (in a file) must
 * decode back, by Miller's TSV rules (rows end at LF, fields at TAB, and
 * \t \n \r \\ stand for TAB, LF, CR and backslash; no other escape
 * appears), into the header and the fields written; a name field into the
 * name (with \xHH for a byte that is not UTF-8, and the output stays valid
 * UTF-8 there); a number into its decimal.  Every row has the header's
 * number of fields.  The same rows written to /dev/full must fail with
 * ENOSPC, once, and discard the rest.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fuzz.h"

enum ftype { F_FIELD, F_LONG, F_NAME };

struct field {
	enum ftype	 type;
	const char	*p;	/* the field's bytes, or the name */
	size_t		 n;
	long		 v;
};

#define NFIELDS_MAX	(64 * 1024)

static struct field fields[NFIELDS_MAX];

static size_t
parse(const uint8_t *data, size_t size, size_t *ncols, int *reps)
{
	size_t i, start, nf = 0, k;
	unsigned long long u;
	uint8_t sepc;
	struct field *f;

	*ncols = 1 + data[0] % 8;
	sepc = data[1];
	*reps = 1 + data[2] % 4;
	for (i = start = 3; i <= size && nf < NFIELDS_MAX; i++) {
		if (i < size && data[i] != sepc)
			continue;
		f = &fields[nf++];
		f->p = (const char *)data + start;
		f->n = i - start;
		f->type = F_FIELD;
		if (f->n > 0 && data[start] == 1) {
			f->type = F_LONG;
			u = 0;
			for (k = 0; k < 8 && k + 1 < f->n; k++)
				u |= (unsigned long long)data[start + 1 + k] << (8 * k);
			f->v = (long)(long long)u;
		} else if (f->n > 0 && data[start] == 2) {
			f->type = F_NAME;
			f->p++;
			f->n--;
			if (memchr(f->p, '\0', f->n) != NULL)
				f->n = (size_t)((const char *)memchr(f->p, '\0',
				    f->n) - f->p);
		}
		start = i + 1;
	}
	return nf;
}

static int
hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	return -1;
}

/*
 * Decode the field [p, p + n) of the output into out, by Miller's rules
 * (and \xHH too if hex).  Aborts on an escape the writer never writes.
 */
static void
unescape(struct rpt_buf *out, const char *p, size_t n, int hex)
{
	size_t i;
	char c;
	int a, b;

	out->len = 0;
	for (i = 0; i < n; i++) {
		CHECK(p[i] != '\t' && p[i] != '\n');
		/* A raw CR would be taken for a CRLF row end by some readers. */
		CHECK(p[i] != '\r');
		if (p[i] != '\\') {
			fuzz_append(out, p + i, 1);
			continue;
		}
		CHECK(i + 1 < n);
		switch (p[++i]) {
		case 't':
			c = '\t';
			break;
		case 'n':
			c = '\n';
			break;
		case 'r':
			c = '\r';
			break;
		case '\\':
			c = '\\';
			break;
		case 'x':
			CHECK(hex && i + 2 < n);
			a = hexval(p[i + 1]);
			b = hexval(p[i + 2]);
			CHECK(a >= 0 && b >= 0);
			c = (char)(a * 16 + b);
			i += 2;
			break;
		default:
			CHECK(!"an escape the writer never writes");
			c = 0;
		}
		fuzz_append(out, &c, 1);
	}
}

static void
write_rows(struct rpt_tsv *t, size_t nf, size_t ncols, int reps,
    const char *const *header)
{
	static struct rpt_buf name;
	size_t i, j, rows = (nf + ncols - 1) / ncols;
	const char *esc;
	char *z;
	int r;

	rpt_tsv_header(t, header);
	for (r = 0; r < reps; r++)
		for (i = 0; i < rows; i++) {
			for (j = 0; j < ncols; j++) {
				const struct field *f = i * ncols + j < nf ?
				    &fields[i * ncols + j] : NULL;

				if (f == NULL)
					rpt_tsv_field(t, "", 0);
				else if (f->type == F_LONG)
					rpt_tsv_long(t, f->v);
				else if (f->type == F_NAME) {
					/* A C string: it ends at the NUL. */
					if ((z = malloc(f->n + 1)) == NULL)
						abort();
					memcpy(z, f->p, f->n);
					z[f->n] = '\0';
					CHECK((esc = rpt_name_escape(&name,
					    z)) != NULL);
					CHECK(strlen(esc) == name.len);
					rpt_tsv_raw(t, esc, name.len);
					free(z);
				} else
					rpt_tsv_field(t, f->p, f->n);
			}
			rpt_tsv_eol(t);
		}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const names[] = {
		"c1", "c2", "c3", "c4", "c5", "c6", "c7", "c8", NULL
	};
	static struct rpt_buf out, dec;
	static int fd = -1, full = -1;
	const char *header[9];
	struct rpt_tsv *t;
	size_t nf, ncols, i, pos, end, fend, rows, col, row, idx;
	const struct field *f;
	char num[32];
	ssize_t r;
	int reps;

	if (size < 3)
		return 0;
	if (fd == -1) {
		/* The file of fuzz_file(), written here through fd. */
		if ((fd = open(fuzz_file("", 0), O_RDWR)) == -1)
			abort();
		full = open("/dev/full", O_WRONLY);
	}
	nf = parse(data, size, &ncols, &reps);
	for (i = 0; i < ncols; i++)
		header[i] = names[i];
	header[ncols] = NULL;

	if (ftruncate(fd, 0) == -1 || lseek(fd, 0, SEEK_SET) == -1)
		abort();
	if ((t = rpt_tsv_new(fd)) == NULL)
		abort();
	write_rows(t, nf, ncols, reps, header);
	CHECK(rpt_tsv_error(t) == 0);
	CHECK(rpt_tsv_flush(t) == 0);
	CHECK(rpt_tsv_free(t) == 0);

	/* Read it back. */
	out.len = 0;
	if (rpt_buf_reserve(&out, 65536) == -1)
		abort();
	if (lseek(fd, 0, SEEK_SET) == -1)
		abort();
	for (;;) {
		if (rpt_buf_reserve(&out, 65536) == -1)
			abort();
		if ((r = read(fd, out.p + out.len, 65536)) <= 0)
			break;
		out.len += (size_t)r;
	}
	CHECK(r == 0);

	/* Decode: each row, each field. */
	rows = (nf + ncols - 1) / ncols;
	CHECK(out.len > 0 && out.p[out.len - 1] == '\n');
	for (pos = 0, row = 0; pos < out.len; pos = end + 1, row++) {
		end = (size_t)((char *)memchr(out.p + pos, '\n', out.len - pos) -
		    out.p);
		CHECK(row <= rows * (size_t)reps);
		for (col = 0, i = pos; ; i = fend + 1, col++) {
			for (fend = i; fend < end && out.p[fend] != '\t'; fend++)
				;
			CHECK(col < ncols);
			if (row == 0) {
				unescape(&dec, out.p + i, fend - i, 0);
				CHECK(dec.len == strlen(names[col]) &&
				    memcmp(dec.p, names[col], dec.len) == 0);
			} else {
				idx = ((row - 1) % rows) * ncols + col;
				f = idx < nf ? &fields[idx] : NULL;
				unescape(&dec, out.p + i, fend - i,
				    f != NULL && f->type == F_NAME);
				if (f == NULL)
					CHECK(dec.len == 0);
				else if (f->type == F_LONG) {
					snprintf(num, sizeof(num), "%ld", f->v);
					CHECK(dec.len == strlen(num) &&
					    memcmp(dec.p, num, dec.len) == 0);
				} else {
					if (f->type == F_NAME)
						CHECK(fuzz_utf8_valid(out.p + i,
						    fend - i));
					CHECK(dec.len == f->n && (f->n == 0 ||
					    memcmp(dec.p, f->p, f->n) == 0));
				}
			}
			if (fend == end)
				break;
		}
		/* Every row has the header's fields. */
		CHECK(col + 1 == ncols);
	}
	CHECK(row == 1 + rows * (size_t)reps);

	/* To a full device: ENOSPC, remembered, the rest discarded. */
	if (full != -1) {
		if ((t = rpt_tsv_new(full)) == NULL)
			abort();
		write_rows(t, nf, ncols, reps, header);
		errno = 0;
		CHECK(rpt_tsv_flush(t) == -1 && errno == ENOSPC);
		CHECK(rpt_tsv_error(t) == ENOSPC);
		rpt_tsv_eol(t);
		errno = 0;
		CHECK(rpt_tsv_free(t) == -1 && errno == ENOSPC);
	}
	return 0;
}
