/*
 * doc-test - rpt_path_format() against snprintf(): numbers of one, two
 * and more digits (each its own branch), at every depth up to
 * RPT_DEPTH_MAX, and an empty path.
 *
 * TAP: one line per check, then "doc-test: N passed, M failed"; exits 1
 * when a check failed.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "tap.h"

static void
path(const int *v, int depth, const char *what)
{
	struct rpt_buf out = { NULL, 0, 0 };
	char want[RPT_DEPTH_MAX * 12 + 1];
	size_t w = 0;
	int i;

	want[0] = '\0';
	for (i = 0; i < depth; i++)
		w += (size_t)snprintf(want + w, sizeof(want) - w, "%s%d",
		    i > 0 ? "." : "", v[i]);
	check(rpt_path_format(&out, v, depth) == 0 && out.len == w &&
	    memcmp(out.p, want, w) == 0 && out.p[w] == '\0', what);
	rpt_buf_free(&out);
}

int
main(void)
{
	static const int values[] = {
		1, 9, 10, 42, 99, 100, 101, 999, 1000, 65535, 2147483647
	};
	int v[RPT_DEPTH_MAX] = { 0 }, i, d;
	char what[64];

	path(v, 0, "rpt_path_format() of an empty path");
	for (i = 0; i < (int)(sizeof(values) / sizeof(values[0])); i++) {
		v[0] = values[i];
		snprintf(what, sizeof(what), "rpt_path_format(%d)", values[i]);
		path(v, 1, what);
	}
	/* Every depth, the numbers of each length mixed. */
	for (d = 1; d <= RPT_DEPTH_MAX; d++) {
		for (i = 0; i < d; i++)
			v[i] = values[(i * 7 + d) %
			    (int)(sizeof(values) / sizeof(values[0]))];
		snprintf(what, sizeof(what), "rpt_path_format() at depth %d",
		    d);
		path(v, d, what);
	}
	return tap_end("doc-test");
}
