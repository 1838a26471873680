/*
 * profile.c - fuzz target of the profile parser (rpt_profile_parse, then
 * rpt_profile_match, _fallback, _missing, rpt_parts_format) and of user
 * patterns (rpt_pattern_new, rpt_pattern_count).
 *
 * The input is a profile's text, parsed as is.  A text that is not valid
 * UTF-8, or has a NUL, must be refused.  A refusal has no profile and a
 * well-formed error: a non-empty UTF-8 message that does not name the
 * profile, a line within the text (0 only when the trouble is on no line),
 * a column only with a line.  A profile keeps its name and text as given;
 * its required parts are a comma-separated list of part names; matching a
 * few fixed titles and the first lines of the input (made valid UTF-8),
 * with and without a report year, gives that many distinct part names
 * joined by '+', or fails only on the match limit, naming the rule and its
 * pattern within the text; a fallback is a part name or empty; the missing
 * parts are required parts not had.  The first line is also a user
 * pattern, counted over the same titles.
 */
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"

/* Never in a message: a message is UTF-8, the name is not. */
#define NAME	"\xff\xfeprofile"

static const char *const titles[] = {
	"",
	"   ",
	"一、2023年度推进法治政府建设的主要举措和成效",
	"二、党政主要负责人履行推进法治建设第一责任人职责情况",
	"三、存在的不足和原因",
	"四、2024年工作打算",
	"（一）存在的问题及下一步打算",
	"2024年重点工作",
	"二〇二五年 工作 安排",
	"名 词 解 释",
	"附件1",
	"ａｂｃ abc ABC 123 １２３",
	NULL
};

/* Is [p, p + n) one or more part names joined by sep? */
static int
names_ok(const char *p, size_t n, char sep)
{
	size_t i, len = 0;

	if (n == 0)
		return 0;
	for (i = 0; i <= n; i++) {
		if (i == n || p[i] == sep) {
			if (len == 0)
				return 0;
			len = 0;
			continue;
		}
		if (!((p[i] >= 'a' && p[i] <= 'z') ||
		    (p[i] >= '0' && p[i] <= '9') || p[i] == '_'))
			return 0;
		len++;
	}
	return 1;
}

/* Does the '+'-joined list name a part twice? */
/* A set of parts: each member once, below n, its bit set, no other bit. */
static int
parts_ok(const struct rpt_parts *s, int n)
{
	uint64_t set = 0;
	int i;

	if (s->n < 0 || s->n > n || n > RPT_PARTS_MAX)
		return 0;
	for (i = 0; i < s->n; i++) {
		if (s->list[i] >= n || (set & (UINT64_C(1) << s->list[i])))
			return 0;
		set |= UINT64_C(1) << s->list[i];
	}
	return set == s->set;
}

static int
has_twice(const char *p, size_t n)
{
	size_t i, j, a, alen, b, blen;

	for (a = 0; a < n; a = i + 1) {
		for (i = a; i < n && p[i] != '+'; i++)
			;
		alen = i - a;
		for (b = i + 1; b < n; b = j + 1) {
			for (j = b; j < n && p[j] != '+'; j++)
				;
			blen = j - b;
			if (alen == blen && memcmp(p + a, p + b, alen) == 0)
				return 1;
		}
	}
	return 0;
}

static void
check_error(const struct rpt_profile_error *e, long lines)
{
	size_t n = strnlen(e->msg, sizeof(e->msg));

	CHECK(n > 0 && n < sizeof(e->msg));
	CHECK(fuzz_utf8_valid(e->msg, n));
	CHECK(strstr(e->msg, NAME) == NULL);
	CHECK(e->line >= 0 && e->line <= lines);
	CHECK(e->col >= 0 && (e->col == 0 || e->line > 0));
}

static void
match(struct rpt_profile *p, const char *text, size_t len, long lines,
    const char *t, size_t tn, struct rpt_pattern *pt)
{
	static struct rpt_buf out;
	struct rpt_profile_error e;
	struct rpt_parts named, miss;
	const struct rpt_parts *req;
	size_t k;
	long c;
	int year, r, fb, i, j;

	for (year = 0; year <= 2024; year += 2024) {
		out.len = 0;
		memset(&e, 0, sizeof(e));
		r = rpt_profile_match(p, t, tn, year, &named, &e);
		if (r == -1) {
			/*
			 * A search failed (the match limit, or an error such
			 * as \C splitting a character): a rule is named, its
			 * pattern in the profile's own copy of the text.
			 */
			const char *own;
			size_t ownlen;

			check_error(&e, lines);
			CHECK(e.line >= 1);
			own = rpt_profile_text(p, &ownlen);
			CHECK(e.pat != NULL && e.pat >= own &&
			    e.patlen <= ownlen && e.pat + e.patlen <= own + ownlen);
			(void)text;
			(void)len;
			continue;
		}
		CHECK(r >= 0 && r == named.n && r <= rpt_profile_nparts(p));
		CHECK(parts_ok(&named, rpt_profile_nparts(p)));
		CHECK(rpt_parts_format(p, &named, '+', &out) == 0);
		CHECK(out.p != NULL && out.p[out.len] == '\0');
		CHECK(strlen(out.p) == out.len);
		if (r == 0)
			CHECK(out.len == 0);
		else {
			CHECK(names_ok(out.p, out.len, '+'));
			CHECK(!has_twice(out.p, out.len));
			for (k = 0, c = 1; k < out.len; k++)
				c += out.p[k] == '+';
			CHECK(c == r);
		}
		/* What is seen so far, then the fallback and missing parts. */
		fb = rpt_profile_fallback(p, named.set);
		CHECK(fb >= -1 && fb < rpt_profile_nparts(p));
		req = rpt_profile_required(p);
		CHECK(req != NULL && parts_ok(req, rpt_profile_nparts(p)));
		rpt_profile_missing(p, named.set, &miss);
		CHECK(parts_ok(&miss, rpt_profile_nparts(p)));
		/* missing is required less what was seen, in required's order */
		for (i = 0, j = 0; i < req->n; i++)
			if (!(named.set & (UINT64_C(1) << req->list[i])))
				CHECK(j < miss.n && miss.list[j++] == req->list[i]);
		CHECK(j == miss.n);
		for (i = 0; i < rpt_profile_nparts(p); i++) {
			const char *name = rpt_profile_part(p, i);

			CHECK(names_ok(name, strlen(name), '+'));
			CHECK(rpt_profile_part_find(p, name, strlen(name)) == i);
		}
	}
	if (pt != NULL) {
		memset(&e, 0, sizeof(e));
		c = rpt_pattern_count(pt, t, tn, &e);
		if (c == -1) {
			check_error(&e, 0);
		} else
			CHECK(c >= 0 && (size_t)c <= tn + 1);
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct rpt_buf line;
	const char *text = (const char *)data, *got;
	struct rpt_profile_error e;
	struct rpt_profile *p = NULL;
	struct rpt_pattern *pt = NULL;
	size_t i, start, len;
	long lines = 1;
	int r, nt;

	for (i = 0; i < size; i++)
		lines += data[i] == '\n';
	memset(&e, 0, sizeof(e));
	r = rpt_profile_parse(NAME, text, size, &p, &e);
	if (!fuzz_utf8_valid(text, size) || memchr(text, '\0', size) != NULL)
		CHECK(r == -1);
	if (r == -1) {
		CHECK(p == NULL);
		check_error(&e, lines);
		CHECK(e.offset <= size);
		return 0;
	}
	CHECK(r == 0 && p != NULL);
	CHECK(strcmp(rpt_profile_name(p), NAME) == 0);
	got = rpt_profile_text(p, &len);
	CHECK(len == size && got[len] == '\0' &&
	    (size == 0 || memcmp(got, text, size) == 0));
	CHECK(parts_ok(rpt_profile_required(p), rpt_profile_nparts(p)));

	/* The first line as a user pattern. */
	for (i = 0; i < size && data[i] != '\n'; i++)
		;
	memset(&e, 0, sizeof(e));
	if (rpt_pattern_new(text, i, &pt, &e) == -1) {
		CHECK(pt == NULL);
		check_error(&e, 0);
	}

	for (nt = 0; titles[nt] != NULL; nt++)
		match(p, got, len, lines, titles[nt], strlen(titles[nt]), pt);
	/* The first lines of the text, as titles. */
	for (i = start = 0, nt = 0; i <= size && nt < 4; i++) {
		if (i < size && data[i] != '\n')
			continue;
		line.len = 0;
		if (fuzz_make_text(&line, text + start, i - start) == -1)
			abort();
		match(p, got, len, lines, line.p ? line.p : "", line.len, pt);
		start = i + 1;
		nt++;
	}
	rpt_pattern_free(pt);
	rpt_profile_free(p);
	return 0;
}
