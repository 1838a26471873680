/*
 * fuzz.c - helpers of the fuzz targets (see fuzz.h).
 */
#include <sys/stat.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fuzz.h"

void
fuzz_fail(const char *file, int line, const char *what)
{
	fprintf(stderr, "fuzz: %s:%d: invariant failed: %s\n", file, line, what);
	abort();
}

static char	fpath[4096];
static int	ffd = -1;

static void
fuzz_cleanup(void)
{
	if (ffd != -1) {
		close(ffd);
		unlink(fpath);
		ffd = -1;
	}
}

const char *
fuzz_file(const void *p, size_t n)
{
	const char *dir;
	struct stat st;
	size_t done = 0;
	ssize_t r;

	if (ffd == -1) {
		/* Memory, where there is a tmpfs for it. */
		if (stat("/dev/shm", &st) == 0 && S_ISDIR(st.st_mode) &&
		    access("/dev/shm", W_OK) == 0)
			dir = "/dev/shm";
		else if ((dir = getenv("TMPDIR")) == NULL || *dir == '\0')
			dir = "/tmp";
		snprintf(fpath, sizeof(fpath), "%s/rpt-fuzz.XXXXXX", dir);
		if ((ffd = mkstemp(fpath)) == -1) {
			perror(fpath);
			abort();
		}
		atexit(fuzz_cleanup);
	}
	if (ftruncate(ffd, 0) == -1) {
		perror(fpath);
		abort();
	}
	while (done < n) {
		r = pwrite(ffd, (const char *)p + done, n - done, (off_t)done);
		if (r == -1 && errno == EINTR)
			continue;
		if (r <= 0) {
			perror(fpath);
			abort();
		}
		done += (size_t)r;
	}
	return fpath;
}

/* Length of the well-formed character at p, 0 if there is none. */
static size_t
utf8_char(const unsigned char *p, size_t n)
{
	unsigned char lo = 0x80, hi = 0xbf;
	size_t k, i;

	if (p[0] < 0x80)
		return 1;
	if (p[0] >= 0xc2 && p[0] <= 0xdf)
		k = 2;
	else if (p[0] >= 0xe0 && p[0] <= 0xef) {
		k = 3;
		if (p[0] == 0xe0)
			lo = 0xa0;
		else if (p[0] == 0xed)
			hi = 0x9f;
	} else if (p[0] >= 0xf0 && p[0] <= 0xf4) {
		k = 4;
		if (p[0] == 0xf0)
			lo = 0x90;
		else if (p[0] == 0xf4)
			hi = 0x8f;
	} else
		return 0;
	if (n < k || p[1] < lo || p[1] > hi)
		return 0;
	for (i = 2; i < k; i++)
		if (p[i] < 0x80 || p[i] > 0xbf)
			return 0;
	return k;
}

int
fuzz_utf8_valid(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i, k;

	for (i = 0; i < n; i += k)
		if ((k = utf8_char(p + i, n - i)) == 0)
			return 0;
	return 1;
}

void
fuzz_append(struct rpt_buf *b, const void *p, size_t n)
{
	if (rpt_buf_append(b, p, n) == -1) {
		fprintf(stderr, "fuzz: out of memory\n");
		abort();
	}
}

char *
fuzz_copy(const void *p, size_t n)
{
	char *q;

	if ((q = malloc(n > 0 ? n : 1)) == NULL) {
		fprintf(stderr, "fuzz: out of memory\n");
		abort();
	}
	if (n > 0)
		memcpy(q, p, n);
	else
		q[0] = '\0';
	return q;
}

int
fuzz_make_text(struct rpt_buf *out, const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i, k;

	for (i = 0; i < n; i += k) {
		k = utf8_char(p + i, n - i);
		if (k == 0 || p[i] == '\0' || p[i] == '\r' || p[i] == '\n') {
			if (rpt_buf_append(out, "\xef\xbf\xbd", 3) == -1)
				return -1;
			k = 1;
		} else if (rpt_buf_append(out, s + i, k) == -1)
			return -1;
	}
	return 0;
}

void
fuzz_paragraphs(const uint8_t *data, size_t size,
    void (*fn)(const char *p, size_t n))
{
	static struct rpt_buf text;
	size_t i, start;

	/* The lines, each one paragraph. */
	for (i = start = 0; i <= size; i++) {
		if (i < size && data[i] != '\n' && data[i] != '\r')
			continue;
		text.len = 0;
		if (fuzz_make_text(&text, (const char *)data + start,
		    i - start) == -1)
			abort();
		fn(text.p, text.len);
		start = i + 1;
	}
	/* All of them joined into one. */
	text.len = 0;
	for (i = start = 0; i <= size; i++) {
		if (i < size && data[i] != '\n' && data[i] != '\r')
			continue;
		if (fuzz_make_text(&text, (const char *)data + start,
		    i - start) == -1)
			abort();
		start = i + 1;
	}
	fn(text.p, text.len);
}

int
fuzz_nonwhite(struct rpt_buf *out, const char *p, size_t n)
{
	size_t i, k;
	int32_t c;

	for (i = 0; i < n; i += k) {
		k = rpt_utf8_decode(p + i, n - i, &c);
		if (!rpt_is_space(c) && rpt_buf_append(out, p + i, k) == -1)
			return -1;
	}
	return 0;
}

int
fuzz_trimmed(const char *p, size_t n)
{
	int32_t c;

	if (n == 0)
		return 0;
	rpt_utf8_decode(p, n, &c);
	if (rpt_is_space(c))
		return 0;
	rpt_utf8_prev(p, n, &c);
	return !rpt_is_space(c);
}

int
fuzz_plain(const char *p, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if ((unsigned char)p[i] < 0x0e || p[i] == '\\')
			return 0;
	return 1;
}

int
fuzz_boundary(const char *p, size_t n, size_t off)
{
	return off == 0 || off == n ||
	    (off < n && ((unsigned char)p[off] & 0xc0) != 0x80);
}

uint32_t
fuzz_hash(const void *v, size_t n)
{
	const unsigned char *p = v;
	uint32_t h = 2166136261u;
	size_t i;

	for (i = 0; i < n; i++)
		h = (h ^ p[i]) * 16777619u;
	return h;
}
