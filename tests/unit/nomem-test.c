/*
 * nomem-test - every filter's pipeline with memory running out at each of
 * its allocations in turn: input, document model, outline (with items),
 * --check, facts, rpt-stats' counts with a pattern, numbers and the
 * splitter, over a real report.  Each run must either finish or stop with
 * -1 (NULL) and errno ENOMEM at the call that could not allocate, and free
 * all it made (make check-asan finds the leaks); the first run in which no
 * allocation fails must finish.
 *
 * librpt's calls to malloc, calloc and realloc reach the __wrap_ functions
 * below (the Makefile links this test with -Wl,--wrap): the n-th of them
 * fails.
 *
 * TAP: one line per run, then "nomem-test: N passed, M failed"; exits 1
 * when a check failed.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rpt.h"

#define REPORT	"tests/corpus/000_6b9668183397f94f.txt"

void	*__real_malloc(size_t);
void	*__real_calloc(size_t, size_t);
void	*__real_realloc(void *, size_t);
void	*__wrap_malloc(size_t);
void	*__wrap_calloc(size_t, size_t);
void	*__wrap_realloc(void *, size_t);

static long calls, fail_at;	/* fail the fail_at-th call; 0: none */
static int failed;		/* an allocation was made to fail */

static int
fail_now(void)
{
	if (fail_at > 0 && ++calls == fail_at) {
		failed = 1;
		errno = ENOMEM;
		return 1;
	}
	return 0;
}

void *
__wrap_malloc(size_t n)
{
	return fail_now() ? NULL : __real_malloc(n);
}

void *
__wrap_calloc(size_t n, size_t k)
{
	return fail_now() ? NULL : __real_calloc(n, k);
}

void *
__wrap_realloc(void *p, size_t n)
{
	return fail_now() ? NULL : __real_realloc(p, n);
}

/* What a run made, so that one place frees it whatever stopped it. */
struct run {
	struct rpt_input	*in;
	struct rpt_doc		*doc;
	struct rpt_outline	*outline;
	struct rpt_check	*check;
	struct rpt_facts	*facts;
	struct rpt_stats	*stats;
	struct rpt_numbers	*numbers;
	struct rpt_splitter	*split;
};

static const char *const taken[] = { "file", NULL };

static int
make(struct run *r)
{
	struct rpt_profile_error e;

	if ((r->in = rpt_input_new()) == NULL ||
	    (r->doc = rpt_doc_new()) == NULL ||
	    (r->outline = rpt_outline_new(RPT_OUTLINE_ITEMS)) == NULL ||
	    (r->check = rpt_check_new()) == NULL ||
	    (r->facts = rpt_facts_new()) == NULL ||
	    (r->stats = rpt_stats_new(taken, "a column")) == NULL ||
	    (r->numbers = rpt_numbers_new(1)) == NULL ||
	    (r->split = rpt_splitter_new(RPT_U_SENTENCE, 0)) == NULL)
		return -1;
	return rpt_stats_pattern(r->stats, "law", 3, "法治", 6, &e);
}

/* Hand one paragraph to every module; -1 when one could not allocate. */
static int
para(struct run *r, const struct rpt_para *p)
{
	const struct rpt_quantity *q;
	const struct rpt_span *sp;
	struct rpt_outline_row row;

	if (rpt_outline_para(r->outline, p) == -1 ||
	    rpt_check_para(r->check, p) == -1 ||
	    rpt_facts_para(r->facts, p) == -1 ||
	    rpt_stats_para(r->stats, p) == -1 ||
	    rpt_numbers(r->numbers, p->p, p->len, p->marker_len, &q) == -1 ||
	    rpt_split(r->split, p->p, p->len, &sp) == -1)
		return -1;
	while (rpt_outline_next(r->outline, &row) == 1)
		;
	return 0;
}

/* The whole pipeline: 0 when it finished, -1 when it stopped. */
static int
pipeline(struct run *r)
{
	struct rpt_input_opts o = { RPT_ENC_AUTO, 0, NULL, NULL, 0 };
	struct rpt_outline_row row;
	struct rpt_line line = { NULL, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 };
	struct rpt_para p;
	int got, more = 1;

	if (make(r) == -1 || rpt_input_open(r->in, REPORT, &o) == -1)
		return -1;
	while (more) {
		if ((got = rpt_input_line(r->in, &line)) == -1)
			return -1;
		if (got == 0) {
			rpt_doc_finish(r->doc);
			more = 0;
		} else if (rpt_doc_push(r->doc, &line) == -1)
			return -1;
		while ((got = rpt_doc_next(r->doc, &p)) == 1)
			if (para(r, &p) == -1)
				return -1;
		if (got == -1)
			return -1;
	}
	rpt_outline_finish(r->outline);
	while (rpt_outline_next(r->outline, &row) == 1)
		;
	(void)rpt_facts_end(r->facts, r->doc);
	return rpt_check_finish(r->check, r->doc, 0);
}

static void
unmake(struct run *r)
{
	rpt_input_free(r->in);
	rpt_doc_free(r->doc);
	rpt_outline_free(r->outline);
	rpt_check_free(r->check);
	rpt_facts_free(r->facts);
	rpt_stats_free(r->stats);
	rpt_numbers_free(r->numbers);
	rpt_splitter_free(r->split);
}

int
main(void)
{
	struct run r;
	long runs;
	int fail = 0, rc, ok;

	for (fail_at = 1;; fail_at++) {
		calls = 0;
		failed = 0;
		errno = 0;
		memset(&r, 0, sizeof(r));
		rc = pipeline(&r);
		ok = failed ? rc == 0 || errno == ENOMEM : rc == 0;
		unmake(&r);
		if (!ok && fail++ < 10)
			printf("# allocation %ld failed: returned %d, errno %d\n",
			    fail_at, rc, errno);
		if (!failed)
			break;
	}
	runs = fail_at - 1;
	fail_at = 0;	/* what runs at exit (gcov's counts) allocates too */
	printf("1..1\n%s 1 - each of %ld allocations failed in turn: ENOMEM "
	    "or a finished run each time, %d not; then a run finished\n",
	    fail ? "not ok" : "ok", runs, fail);
	printf("nomem-test: %d passed, %d failed\n", !fail, !!fail);
	return fail > 0;
}
