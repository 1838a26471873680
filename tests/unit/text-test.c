/*
 * text-test - rpt_count_han() (which has an SSE2 fast path) against a
 * plain count with rpt_is_han(), on strings made of the code points at the
 * edges of every Han block and of the byte patterns the fast path tests,
 * at every alignment and length.
 *
 * Prints "text-test: N passed, M failed"; exits 1 when a case failed.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rpt.h"
#include "utf8put.h"


static size_t
naive(const char *p, size_t n)
{
	size_t i = 0, count = 0;
	int32_t c;

	while (i < n) {
		i += rpt_utf8_decode(p + i, n - i, &c);
		count += rpt_is_han(c) != 0;
	}
	return count;
}

int
main(void)
{
	static const int32_t edge[] = {
		'a', ' ', 0xe9, 0x7ff, 0x3000, 0x3002, 0x3006, 0x3007, 0x3008,
		0x33ff, 0x3400, 0x3401, 0x3fff, 0x4000, 0x4db5, 0x4dbf,
		0x4dc0, 0x4dff, 0x4e00, 0x4e01, 0x4fff, 0x5000, 0x9fa5,
		0x9fff, 0xa000, 0xf8ff, 0xf900, 0xfaff, 0xfb00, 0xff0c,
		0xff10, 0xfffd, 0x10000, 0x1f600, 0x1ffff, 0x20000, 0x2a6d6,
		0x3134f, 0x31350, 0x10ffff,
	};
	enum { NEDGE = sizeof(edge) / sizeof(edge[0]) };
	static char buf[NEDGE * 4 * 64 + 64];
	size_t len, k, want, got;
	int pass = 0, fail = 0, round, off, i;
	unsigned seed = 1;

	for (round = 0; round < 2000; round++) {
		/* A pseudo-random sequence of edge code points. */
		off = round % 16;
		memset(buf, 'x', (size_t)off);
		len = (size_t)off;
		for (i = 0; i < 1 + round % 200; i++) {
			seed = seed * 1103515245U + 12345U;
			len += put(buf + len, edge[(seed >> 16) % NEDGE]);
		}
		/* Every prefix length that ends on a character boundary. */
		for (k = (size_t)off; k <= len; k++) {
			if (k < len && ((unsigned char)buf[k] & 0xc0) == 0x80)
				continue;
			want = naive(buf + off, k - (size_t)off);
			got = rpt_count_han(buf + off, k - (size_t)off);
			if (want == got)
				pass++;
			else {
				if (fail++ < 5)
					printf("FAIL round %d, %zu bytes: %zu Han, "
					    "rpt_count_han says %zu\n", round,
					    k - (size_t)off, want, got);
			}
		}
	}
	printf("text-test: %d passed, %d failed\n", pass, fail);
	return fail > 0;
}
