/*
 * tsv-test - rpt_tsv_escape() against a byte-at-a-time escape, for fields
 * of every length up to 200 bytes with one byte that needs an escape (or
 * one just outside that set) at every place: the writer's fast test looks
 * at 64 and 16 bytes at a time and ends on an overlapping block, so every
 * place of every block edge is tried; and rpt_tsv_needs_escape(), which
 * says yes to those bytes and other controls, and no to the rest, at
 * every place.  rpt_tsv_put_long() and
 * rpt_count_up() against printf's decimal.
 *
 * TAP: one line per check, then "tsv-test: N passed, M failed"; exits 1
 * when a check failed.
 */
#include <limits.h>
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
				/* A no is exact; a yes only for escapes and controls. */
				if (rpt_tsv_needs_escape(field, n) !=
				    (at < n && odd[j] < 0x0e) + (at < n && odd[j] == '\\'))
					bad++;
			}
		}
		snprintf(what, sizeof(what), "byte 0x%02x at every place of "
		    "fields of 0 to %d bytes (%zu fields, %zu wrong)",
		    odd[j], LEN_MAX, tried, bad);
		check(bad == 0, what);
	}
	free(got.p);

	{
		static const long vals[] = {
			0, 1, 9, 10, 11, 99, 100, 101, 999, 1000, 123456789,
			-1, -9, -10, -100, -123456789, LONG_MAX, LONG_MIN,
			LONG_MIN + 1
		};
		char buf[32], ref[32], *end;
		size_t i;
		long v;

		bad = 0;
		for (i = 0; i < sizeof(vals) / sizeof(vals[0]); i++) {
			memset(buf, 'x', sizeof(buf));
			end = rpt_tsv_put_long(buf, vals[i]);
			snprintf(ref, sizeof(ref), "%ld", vals[i]);
			if ((size_t)(end - buf) != strlen(ref) ||
			    memcmp(buf, ref, strlen(ref)) != 0 || *end != 'x')
				bad++;
		}
		for (v = -20000; v <= 20000; v++) {
			memset(buf, 'x', sizeof(buf));
			end = rpt_tsv_put_long(buf, v);
			snprintf(ref, sizeof(ref), "%ld", v);
			if ((size_t)(end - buf) != strlen(ref) ||
			    memcmp(buf, ref, strlen(ref)) != 0 || *end != 'x')
				bad++;
		}
		check(bad == 0, "rpt_tsv_put_long() writes what printf %ld does, "
		    "and no more, from -20000 to 20000 and at LONG_MIN and "
		    "LONG_MAX");
	}
	{
		char d[32], ref[32];
		size_t len = 1;
		long v;

		d[0] = '0';
		bad = 0;
		for (v = 1; v <= 1000000; v++) {
			rpt_count_up(d, &len);
			snprintf(ref, sizeof(ref), "%ld", v);
			if (len != strlen(ref) || memcmp(d, ref, len) != 0)
				bad++;
		}
		check(bad == 0, "rpt_count_up() from 0 counts 1 to 1000000 as "
		    "printf writes them, growing a digit at 9, 99, 999...");
	}
	return tap_end("tsv-test");
}
