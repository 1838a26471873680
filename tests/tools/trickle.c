/*
 * trickle - copy standard input to standard output in writes of 1, 2, 3,
 * 5, 7, 11 and 13 bytes in turn, yielding after each, so that a filter
 * reading from the pipe sees its input cut at every kind of boundary:
 * inside multi-byte characters, between CR and LF, inside a BOM.
 */
#include <sched.h>
#include <stdio.h>
#include <unistd.h>

int
main(void)
{
	static const size_t steps[] = { 1, 2, 3, 5, 7, 11, 13 };
	char buf[65536];
	size_t n, off, k, s = 0;
	ssize_t w;

	while ((n = fread(buf, 1, sizeof(buf), stdin)) > 0)
		for (off = 0; off < n; off += k) {
			k = steps[s++ % 7];
			if (k > n - off)
				k = n - off;
			if ((w = write(STDOUT_FILENO, buf + off, k)) < 0)
				return 1;
			k = (size_t)w;
			sched_yield();
		}
	return ferror(stdin) ? 1 : 0;
}
