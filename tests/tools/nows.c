/*
 * nows - copy standard input to standard output without rpt's white space
 * (rpt_is_space), for the lossless property of rpt-split.  With -u, TSV
 * escapes (\\ \t \n \r) are undone first.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rpt.h"

int
main(int argc, char *argv[])
{
	struct rpt_buf in = { NULL, 0, 0 };
	char chunk[65536];
	size_t n, i, k;
	int32_t c;
	int unescape = argc > 1 && strcmp(argv[1], "-u") == 0;

	while ((n = fread(chunk, 1, sizeof(chunk), stdin)) > 0)
		if (rpt_buf_append(&in, chunk, n) == -1)
			return 1;
	for (i = 0; i < in.len; i += k) {
		if (unescape && in.p[i] == '\\' && i + 1 < in.len) {
			k = 2;
			switch (in.p[i + 1]) {
			case 't': c = '\t'; break;
			case 'n': c = '\n'; break;
			case 'r': c = '\r'; break;
			default: c = in.p[i + 1]; break;
			}
			if (!rpt_is_space(c))
				putchar(c);
			continue;
		}
		k = rpt_utf8_decode(in.p + i, in.len - i, &c);
		if (!rpt_is_space(c))
			fwrite(in.p + i, 1, k, stdout);
	}
	rpt_buf_free(&in);
	return ferror(stdout) || fclose(stdout) ? 1 : 0;
}
