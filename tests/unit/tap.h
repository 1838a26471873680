/*
 * tap.h - the TAP lines of the unit tests that check one thing at a time:
 * check() prints "ok N - what" or "not ok N - what" and counts, and
 * tap_end() prints the plan and "NAME: N passed, M failed" and returns the
 * exit status.  Included by one test program each.
 */

static int pass, fail, num;

static void
check(int ok, const char *what)
{
	num++;
	if (ok)
		pass++;
	else
		fail++;
	printf("%s %d - %s\n", ok ? "ok" : "not ok", num, what);
}

static int
tap_end(const char *name)
{
	printf("1..%d\n", num);
	printf("%s: %d passed, %d failed\n", name, pass, fail);
	return fail > 0;
}
