/*
 * tsv-test - rpt_tsv_escape() against a byte-at-a-time escape, for fields
 * of every length up to 200 bytes with one byte that needs an escape (or
 * one just outside that set) at every place: the writer's fast test looks
 * at 64 and 16 bytes at a time and ends on an overlapping block, so every
 * place of every block edge is tried.
 *
 * TAP: one line per check, then "tsv-test: N passed, M failed"; exits 1
 * when a check failed.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../lib/rpt.h"
#include "tap.h"

#define LEN_MAX	200

/* The escape as the man pages give it, one byte at a time. */
static size_t
slow_escape(char *out, const char *p, size_t n)
{
	size_t i, k = 0;

	for (i = 0; i < n; i++) {
		switch (p[i]) {
		case '\t':
			out[k++] = '\\';
			out[k++] = 't';
			break;
		case '\n':
			out[k++] = '\\';
			out[k++] = 'n';
			break;
		case '\r':
			out[k++] = '\\';
			out[k++] = 'r';
			break;
		case '\\':
			out[k++] = '\\';
			out[k++] = '\\';
			break;
		default:
			out[k++] = p[i];
		}
	}
	return k;
}

int
main(void)
{
	/* Bytes that are escaped, that the fast test must send on, and not. */
	static const unsigned char odd[] = {
		'\t', '\n', '\r', '\\', 0x01, 0x0b, 0x0c, 0x0d, 0x0e, '[',
		']', 0x7f, 0x80, 0xdc
	};
	/* Han text (国) with ASCII: the bytes a report is made of. */
	static const char fill[] = "\xe5\x9b\xbd" "a1";
	char field[LEN_MAX], want[2 * LEN_MAX];
	struct rpt_buf got = { NULL, 0, 0 };
	size_t n, at, j, k, wn, bad = 0, tried = 0;
	char what[128];

	for (j = 0; j < sizeof(odd); j++) {
		bad = tried = 0;
		for (n = 0; n <= LEN_MAX; n++) {
			for (at = 0; at <= n; at++) {
				/* at == n: the field without the odd byte. */
				for (k = 0; k < n; k++)
					field[k] = fill[k % (sizeof(fill) - 1)];
				if (at < n)
					field[at] = (char)odd[j];
				wn = slow_escape(want, field, n);
				got.len = 0;
				if (rpt_tsv_escape(&got, field, n) == -1) {
					perror("tsv-test");
					return 2;
				}
				tried++;
				if (got.len != wn || memcmp(got.p, want, wn) != 0)
					bad++;
			}
		}
		snprintf(what, sizeof(what), "byte 0x%02x at every place of "
		    "fields of 0 to %d bytes (%zu fields, %zu wrong)",
		    odd[j], LEN_MAX, tried, bad);
		check(bad == 0, what);
	}
	free(got.p);
	return tap_end("tsv-test");
}
