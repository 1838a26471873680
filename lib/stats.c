/*
 * stats.c - how a report's text reads: its ideographs, sentences, items,
 * quantities and the matches of a user's patterns.
 *
 * These are not facts the document model knows (facts.c) but measures of
 * the text, each made by the code of the filter that lists what it counts:
 * sentences as rpt-split cuts them, items as rpt-sections -i, quantities as
 * rpt-numbers.  They are kept apart from the facts because they need a
 * splitter, a number finder and PCRE2, which rpt-sections --check does not.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

struct pattern {
	char			*text;		/* as given */
	struct rpt_pattern	*re;
	long			 count;		/* in the current document */
	int			 failed;	/* a search failed in it */
};

struct rpt_stats {
	struct rpt_text_stats	 out;
	struct rpt_numbers	*finder;
	struct pattern		*pats;
	size_t			 npats, cappats;
	/* The taken names, then the patterns' (owned), then NULL. */
	const char		**cols;
	size_t			 ntaken, capcols;
	const char		*taken_what;
};

struct rpt_stats *
rpt_stats_new(const char *const *taken, const char *what)
{
	struct rpt_stats *s;
	size_t n;

	if ((s = calloc(1, sizeof(*s))) == NULL)
		return NULL;
	for (n = 0; taken != NULL && taken[n] != NULL; n++)
		;
	if ((s->cols = rpt_grow(NULL, &s->capcols, n + 1,
	    sizeof(*s->cols))) == NULL) {
		free(s);
		return NULL;
	}
	if (n > 0)
		memcpy(s->cols, taken, n * sizeof(*s->cols));
	s->cols[n] = NULL;
	s->ntaken = n;
	s->taken_what = what;
	if ((s->finder = rpt_numbers_new(0)) == NULL) {
		rpt_stats_free(s);
		errno = ENOMEM;
		return NULL;
	}
	return s;
}

void
rpt_stats_free(struct rpt_stats *s)
{
	size_t i;

	if (s == NULL)
		return;
	for (i = 0; i < s->npats; i++) {
		rpt_pattern_free(s->pats[i].re);
		free(s->pats[i].text);
		free((char *)s->cols[s->ntaken + i]);
	}
	free(s->pats);
	free(s->cols);
	rpt_numbers_free(s->finder);
	free(s);
}

/* Say what is wrong in e (errno EINVAL); returns -1. */
static int
bad(struct rpt_profile_error *e, long line, const char *fmt, ...)
{
	va_list ap;

	if (e != NULL) {
		memset(e, 0, sizeof(*e));
		e->line = line;
		va_start(ap, fmt);
		vsnprintf(e->msg, sizeof(e->msg), fmt, ap);
		va_end(ap);
	}
	errno = EINVAL;
	return -1;
}

/* rpt_stats_pattern() for line (0 for none) of a pattern file. */
static int
add(struct rpt_stats *s, const char *name, size_t nlen, const char *pat,
    size_t plen, long line, struct rpt_profile_error *e)
{
	struct rpt_profile_error pe;
	struct pattern *pt;
	const char **cols;
	size_t i, k = s->ntaken + s->npats;

	for (i = 0; i < nlen; i++)
		if (!((name[i] >= 'a' && name[i] <= 'z') ||
		    (name[i] >= '0' && name[i] <= '9') || name[i] == '_'))
			break;
	if (nlen == 0 || i < nlen)
		return bad(e, line, "invalid pattern name '%.*s' (lower-case "
		    "ASCII letters, digits and _)", (int)nlen, name);
	for (i = 0; i < k; i++)
		if (strncmp(s->cols[i], name, nlen) == 0 &&
		    s->cols[i][nlen] == '\0')
			return i < s->ntaken ? bad(e, line, "pattern name '%.*s' "
			    "is %s", (int)nlen, name, s->taken_what) :
			    bad(e, line, "pattern name '%.*s' given twice",
			    (int)nlen, name);
	if ((pt = rpt_grow(s->pats, &s->cappats, s->npats + 1,
	    sizeof(*pt))) == NULL)
		goto nomem;
	s->pats = pt;
	if ((cols = rpt_grow(s->cols, &s->capcols, k + 2,
	    sizeof(*cols))) == NULL)
		goto nomem;
	s->cols = cols;
	pt = &s->pats[s->npats];
	memset(pt, 0, sizeof(*pt));
	errno = 0;
	if (rpt_pattern_new(pat, plen, &pt->re, &pe) == -1) {
		if (errno == ENOMEM)
			goto nomem;
		/* PCRE2's message, after the pattern's name. */
		return bad(e, line, "bad pattern %.*s: %s", (int)nlen, name,
		    pe.msg);
	}
	if ((pt->text = strndup(pat, plen)) == NULL ||
	    (cols[k] = strndup(name, nlen)) == NULL) {
		rpt_pattern_free(pt->re);
		free(pt->text);
		goto nomem;
	}
	cols[k + 1] = NULL;
	s->npats++;
	return 0;
nomem:
	if (e != NULL) {
		memset(e, 0, sizeof(*e));
		snprintf(e->msg, sizeof(e->msg), "%s", strerror(ENOMEM));
	}
	errno = ENOMEM;
	return -1;
}

int
rpt_stats_pattern(struct rpt_stats *s, const char *name, size_t nlen,
    const char *pat, size_t plen, struct rpt_profile_error *e)
{
	return add(s, name, nlen, pat, plen, 0, e);
}

/* Say in e why the file could not be read, keeping errno; returns -1. */
static int
unreadable(struct rpt_profile_error *e)
{
	int saved = errno;

	bad(e, 0, "%s", strerror(saved));
	errno = saved;
	return -1;
}

int
rpt_stats_load(struct rpt_stats *s, const char *path,
    struct rpt_profile_error *e)
{
	char *line = NULL, *tab;
	size_t cap = 0;
	ssize_t n;
	long num = 0;
	FILE *fp;
	int r = 0, saved;

	if ((fp = fopen(path, "r")) == NULL)
		return unreadable(e);
	while (r == 0 && (n = getline(&line, &cap, fp)) != -1) {
		num++;
		while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'))
			line[--n] = '\0';
		if (n == 0 || line[0] == '#')
			continue;
		if ((tab = memchr(line, '\t', (size_t)n)) == NULL)
			r = bad(e, num, "expected NAME<TAB>PATTERN");
		else
			r = add(s, line, (size_t)(tab - line), tab + 1,
			    (size_t)(line + n - tab - 1), num, e);
	}
	if (r == 0 && ferror(fp))
		r = unreadable(e);
	saved = errno;
	free(line);
	fclose(fp);
	errno = saved;
	return r;
}

const char *const *
rpt_stats_columns(const struct rpt_stats *s)
{
	return s->cols;
}

size_t
rpt_stats_npatterns(const struct rpt_stats *s)
{
	return s->npats;
}

const char *
rpt_stats_pattern_name(const struct rpt_stats *s, size_t i, const char **text)
{
	*text = s->pats[i].text;
	return s->cols[s->ntaken + i];
}

void
rpt_stats_reset(struct rpt_stats *s)
{
	size_t i;

	memset(&s->out, 0, sizeof(s->out));
	for (i = 0; i < s->npats; i++) {
		s->pats[i].count = s->pats[i].failed = 0;
		rpt_pattern_reset(s->pats[i].re);
	}
}

/* The matches of the patterns in p; a pattern that fails stops counting. */
static int
count_patterns(struct rpt_stats *s, const char *p, size_t n)
{
	struct rpt_profile_error e;
	struct pattern *pt;
	long k;

	for (pt = s->pats; pt < s->pats + s->npats; pt++) {
		if (pt->failed)
			continue;
		if ((k = rpt_pattern_count(pt->re, p, n, &e)) == -1) {
			if (errno == ENOMEM)
				return -1;
			pt->failed = 1;
			continue;
		}
		pt->count += k;
	}
	return 0;
}

int
rpt_stats_para(struct rpt_stats *s, const struct rpt_para *p)
{
	const struct rpt_quantity *q;
	struct rpt_measures m;
	long i, n;

	/* Web remnants are not the report's. */
	if (p->kind == RPT_K_BOILERPLATE)
		return 0;
	/*
	 * One pass over the text for its counts: the ideographs, and the
	 * sentences and items (as rpt-sections -i: also in a heading's
	 * run-in text) of the text proper.
	 */
	rpt_measure(p->p, p->len, p->kind == RPT_K_HEADING ||
	    p->kind == RPT_K_BODY ? RPT_M_UNITS : 0, &m);
	s->out.han += m.han;
	s->out.sents += (size_t)m.sents;
	s->out.items += (size_t)m.items;
	if ((n = rpt_numbers(s->finder, rpt_para_fold(p), p->len,
	    p->marker_len, &q)) == -1)
		return -1;
	for (i = 0; i < n; i++) {
		s->out.quantities += q[i].kind < RPT_Q_MARKER;
		s->out.percents += q[i].kind == RPT_Q_PERCENT;
	}
	return count_patterns(s, p->p, p->len);
}

const struct rpt_text_stats *
rpt_stats_counts(const struct rpt_stats *s)
{
	return &s->out;
}

long
rpt_stats_matches(const struct rpt_stats *s, size_t i)
{
	if (i >= s->npats || s->pats[i].failed)
		return -1;
	return s->pats[i].count;
}
