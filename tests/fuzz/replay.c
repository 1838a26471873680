/*
 * replay.c - main() for a fuzz target without libFuzzer: runs
 * LLVMFuzzerTestOneInput() over every file given, and over every file of
 * every directory given (in name order, dot files skipped), so that make
 * check keeps each corpus input as a regression test.
 *
 *	TARGET [-v] DIR|FILE...
 *
 * Prints "TARGET: N inputs replayed" (-v: each file's name first).  A
 * failing input aborts, after its name is printed on standard error.
 */
#include <sys/stat.h>

#include <dirent.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fuzz.h"

/* Sanitizer runtimes call this before they end the process. */
extern void	__sanitizer_set_death_callback(void (*)(void))
		    __attribute__((weak));

static const char *current;

static void
say_current(void)
{
	if (current != NULL) {
		/* Only async-signal-safe calls: it runs in a signal handler. */
		(void)!write(STDERR_FILENO, "replay: failed on ", 18);
		(void)!write(STDERR_FILENO, current, strlen(current));
		(void)!write(STDERR_FILENO, "\n", 1);
	}
}

static void
on_signal(int sig)
{
	say_current();
	signal(sig, SIG_DFL);
	raise(sig);
}

static int
run_file(const char *path, int verbose)
{
	struct rpt_buf b = { NULL, 0, 0 };
	char chunk[65536], *copy;
	size_t n;
	FILE *f;

	if ((f = fopen(path, "rb")) == NULL) {
		fprintf(stderr, "replay: %s: %s\n", path, strerror(errno));
		return -1;
	}
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		fuzz_append(&b, chunk, n);
	if (ferror(f)) {
		fprintf(stderr, "replay: %s: read error\n", path);
		fclose(f);
		rpt_buf_free(&b);
		return -1;
	}
	fclose(f);
	if (verbose)
		fprintf(stderr, "%s\n", path);
	current = path;
	/* A copy of exactly its size, so that ASan sees a read past it. */
	copy = fuzz_copy(b.p, b.len);
	LLVMFuzzerTestOneInput((const uint8_t *)copy, b.len);
	free(copy);
	current = NULL;
	rpt_buf_free(&b);
	return 0;
}

static int
cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Run every file of dir, in name order; returns the count, -1 on error. */
static long
run_dir(const char *dir, int verbose)
{
	char **names = NULL, **nn, path[4096];
	size_t n = 0, cap = 0, i;
	struct dirent *e;
	struct stat st;
	long count = 0;
	DIR *d;

	if ((d = opendir(dir)) == NULL) {
		fprintf(stderr, "replay: %s: %s\n", dir, strerror(errno));
		return -1;
	}
	while ((e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		if (n == cap) {
			cap = cap ? 2 * cap : 64;
			if ((nn = realloc(names, cap * sizeof(*names))) == NULL)
				goto nomem;
			names = nn;
		}
		if ((names[n] = strdup(e->d_name)) == NULL)
			goto nomem;
		n++;
	}
	closedir(d);
	d = NULL;
	if (n > 0)
		qsort(names, n, sizeof(*names), cmp);
	for (i = 0; i < n; i++) {
		snprintf(path, sizeof(path), "%s/%s", dir, names[i]);
		if (stat(path, &st) == 0 && S_ISREG(st.st_mode)) {
			if (run_file(path, verbose) == -1) {
				count = -1;
				break;
			}
			count++;
		}
	}
	for (i = 0; i < n; i++)
		free(names[i]);
	free(names);
	return count;
nomem:
	fprintf(stderr, "replay: out of memory\n");
	for (i = 0; i < n; i++)
		free(names[i]);
	free(names);
	if (d != NULL)
		closedir(d);
	return -1;
}

int
main(int argc, char *argv[])
{
	const char *name = strrchr(argv[0], '/') ? strrchr(argv[0], '/') + 1 :
	    argv[0];
	struct stat st;
	long total = 0, k;
	int i, verbose = 0;

	/* Under a sanitizer, leave the faults to it: it prints the stack. */
	signal(SIGABRT, on_signal);
	if (__sanitizer_set_death_callback)
		__sanitizer_set_death_callback(say_current);
	else {
		signal(SIGSEGV, on_signal);
		signal(SIGBUS, on_signal);
		signal(SIGFPE, on_signal);
		signal(SIGILL, on_signal);
	}
	if (argc > 1 && strcmp(argv[1], "-v") == 0) {
		verbose = 1;
		argc--;
		argv++;
	}
	if (argc < 2) {
		fprintf(stderr, "usage: %s [-v] DIR|FILE...\n", name);
		return 2;
	}
	for (i = 1; i < argc; i++) {
		if (stat(argv[i], &st) == -1) {
			fprintf(stderr, "replay: %s: %s\n", argv[i], strerror(errno));
			return 1;
		}
		if (S_ISDIR(st.st_mode))
			k = run_dir(argv[i], verbose);
		else
			k = run_file(argv[i], verbose) == -1 ? -1 : 1;
		if (k == -1)
			return 1;
		total += k;
	}
	printf("%s: %ld inputs replayed\n", name, total);
	return 0;
}
