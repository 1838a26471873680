/*
 * lines - the lines rpt's input layer reads from a file, as they are: one
 * per line on standard output, each ending in LF.  With -f, what a Word
 * file's formatting says of them instead, one row per flag: LINE TAB
 * title | outline=N | lead (the format of tests/docx's NAME.fmt files).
 * Exit 1, with the reason on standard error, when the file is refused or
 * stops.
 */
#include <stdio.h>
#include <string.h>

#include "rpt.h"

int
main(int argc, char *argv[])
{
	struct rpt_input_opts o = { RPT_ENC_AUTO, 0, NULL, NULL, 0 };
	struct rpt_input *in;
	struct rpt_line line;
	const struct rpt_diag *d;
	int fmt = argc > 2 && strcmp(argv[1], "-f") == 0, r;

	if (argc != 2 + fmt) {
		fprintf(stderr, "usage: lines [-f] FILE\n");
		return 2;
	}
	if ((in = rpt_input_new()) == NULL)
		return 1;
	if (rpt_input_open(in, argv[1 + fmt], &o) == -1)
		goto err;
	while ((r = rpt_input_line(in, &line)) == 1) {
		if (!fmt) {
			fwrite(line.p, 1, line.len, stdout);
			putchar('\n');
			continue;
		}
		if (line.fmt & RPT_LF_TITLE)
			printf("%ld\ttitle\n", line.num);
		if (line.fmt & RPT_LF_OUTLINE)
			printf("%ld\toutline=%d\n", line.num, line.outline);
		if (line.fmt & RPT_LF_LEAD)
			printf("%ld\tlead\n", line.num);
	}
	if (r == 0) {
		rpt_input_free(in);
		return 0;
	}
err:
	d = rpt_input_diag(in);
	fprintf(stderr, "lines: %s: status %d, format %d: %s\n", argv[1 + fmt],
	    (int)d->status, (int)d->format, d->detail);
	rpt_input_free(in);
	return 1;
}
