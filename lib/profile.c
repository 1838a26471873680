/*
 * profile.c - profiles: which canonical part of a report (measures,
 * shortfalls, plans...) a heading's title names.
 *
 * A profile is UTF-8 text, one statement per line:
 *
 *	PART<TAB>PATTERN	a rule: a heading whose title matches the
 *				PCRE2 pattern carries PART.  One or more TABs
 *				separate the two; the pattern is the rest of
 *				the line.
 *	#fallback PART		the part of a level-1 heading no rule matches.
 *	#fallback-after SEEN PART
 *				once a SEEN section has occurred, unmatched
 *				level-1 headings are PART instead; of several
 *				such lines, the last whose SEEN has occurred
 *				wins.
 *	#required PART,PART,...	the parts a report must have (rpt-sections
 *				--check reports the missing ones).
 *	#year PART [EXCEPT]	a heading that names the report's own year or
 *				a later one (2024年重点工作 in a 2024 report)
 *				carries PART, unless it also matches the
 *				pattern EXCEPT.
 *	#name PART NAME		the part's name in Chinese, for messages
 *				(rpt-sections --check): NAME is the rest of
 *				the line.  A part without one takes the name
 *				the first built-in profile that has the part
 *				gives it (fzzf, gwr, summary), if any.
 *	# text			a comment: # followed by anything but an
 *				ASCII letter (a letter makes it a directive,
 *				so that a misspelt directive is an error, not
 *				a silent comment).
 *
 * Blank lines are ignored, and so are white space at the end of a line
 * and a UTF-8 byte order mark.  A PART is lower-case ASCII letters,
 * digits and _.  In directives, words are separated by spaces or TABs.
 * #fallback, #required and #year may each be given once, #name once a
 * part.  A profile names at most RPT_PARTS_MAX (64) parts: they are
 * numbered in the order the profile first names them, and a set of parts
 * is a bitmask over those numbers.
 *
 * Matching.  A title is matched with all its white space removed
 * (名 词 解 释 is 名词解释).  Rules are tried in order, and a rule's
 * matches claim the text they cover: a later rule matches only text no
 * earlier rule has claimed.  That is what makes the order of the rules
 * matter: with plans before measures, 工作思路、目标举措 is plans alone,
 * because plans has claimed 目标举措 before measures looks for 举措.  A
 * heading carries every part that matches, once, ordered by where its
 * first match starts in the title (存在的问题及下一步打算 is
 * shortfalls+plans), rules breaking ties.  The #year part, when it
 * applies, comes first: the year usually opens the title, and it is the
 * stronger cue.  A title names a year when it has four digits (2024,
 * full-width ２０２４ or 二〇二四) followed by 年 and not part of a longer
 * number; the caller gives the report's year, and 0 turns the rule off.
 *
 * Patterns are compiled with PCRE2_UTF | PCRE2_UCP (and without \C, which
 * could split a character) and with the JIT where
 * it is available.  Every search runs under RPT_PROFILE_MATCH_LIMIT (and
 * RPT_PROFILE_HEAP_LIMIT for the interpreter), so that a pathological
 * pattern such as (a+)+$ fails quickly with an error instead of hanging.
 * That limit holds per start position, and (?:a|a){1,18}(?!) stays under
 * it at each of a million starts; so every pattern is also compiled with
 * PCRE2_AUTO_CALLOUT, and a callout before each item counts steps against
 * a budget per document: RPT_PATTERN_STEPS, plus RPT_PATTERN_STEPS_BYTE
 * for each byte each pattern is given.  A search that would overrun it
 * fails as one that hit the match limit does.  A plain pattern (plain())
 * is linear by itself and is compiled without the callouts.
 */
#define PCRE2_CODE_UNIT_WIDTH	8

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <pcre2.h>

#include "internal.h"

/* How every pattern is compiled (see above for the callouts). */
#define PATTERN_OPTIONS \
	(PCRE2_UTF | PCRE2_UCP | PCRE2_NEVER_BACKSLASH_C | PCRE2_AUTO_CALLOUT)

/*
 * A plain pattern is literal text, ., ^, $ and character classes, joined
 * by |: no group, quantifier or escape, so it tries each of its
 * alternatives once at each start, in time linear in the text.  It needs
 * no callouts, which would cost a call at every item and keep the JIT
 * from its fast paths (every built-in rule is plain, and most users'
 * words are): it is compiled without them, and takes no steps.
 */
static int
plain(const char *pat, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++) {
		switch (pat[i]) {
		case '\\': case '(': case ')': case '?': case '*': case '+':
		case '{':
			return 0;
		case '[':
			/* A class is plain when it holds no escape or [: */
			if (++i < len && pat[i] == '^')
				i++;
			if (i < len && pat[i] == ']')
				return 0;
			for (; i < len && pat[i] != ']'; i++)
				if (pat[i] == '\\' || pat[i] == '[')
					return 0;
			if (i == len)
				return 0;
			break;
		}
	}
	return 1;
}

/* pcre2_compile() with the options above: callouts unless plain. */
static pcre2_code *
compile_pattern(const char *pat, size_t len, int *code, PCRE2_SIZE *eo)
{
	uint32_t options = PATTERN_OPTIONS;

	if (plain(pat, len))
		options &= ~(uint32_t)PCRE2_AUTO_CALLOUT;
	return pcre2_compile((PCRE2_SPTR)pat, len, options, code, eo, NULL);
}

/* The JIT's stack grows from its default up to this size. */
#define JIT_STACK_MAX	(1024 * 1024)

/*
 * What every search runs with: the match limit (and heap limit for the
 * interpreter), a JIT stack, and room for one match.
 */
struct limits {
	pcre2_match_context	*mctx;
	pcre2_match_data	*md;
	pcre2_jit_stack		*jstack;
	uint64_t		 steps;		/* taken in this document */
	uint64_t		 budget;	/* allowed so far */
};

struct rule {
	int		 part;		/* number, -1 for none */
	long		 line;
	const char	*pat;		/* in text, as written */
	size_t		 patlen;
	pcre2_code	*code;
};

struct after {
	int	seen;
	int	part;
};

/* A stretch of the title claimed by a rule's match. */
struct span {
	size_t	s, e;
};

/* A part that matched, and where its first match starts. */
struct hit {
	size_t	pos;
	int	part;
};

struct rpt_profile {
	char		*name;
	char		*text;		/* as given, for --print-profile */
	size_t		 len;
	char		*work;		/* a copy holding the NUL-ended names */
	struct rule	*rules;
	size_t		 nrules, caprules;
	/* The parts, by number: names NUL-terminated in work. */
	const char	*parts[RPT_PARTS_MAX];
	const char	*zh[RPT_PARTS_MAX];	/* #name's, NUL-terminated */
	long		 zh_line[RPT_PARTS_MAX];
	int		 nparts;
	int		 fallback;		/* -1 for none */
	long		 fallback_line;
	struct after	*after;
	size_t		 nafter, capafter;
	struct rpt_parts required;		/* in #required's order */
	long		 required_line;
	struct rule	 year;		/* code is the exception, may be NULL */
	long		 year_line;
	/* Match state, made once and reused for every title. */
	struct limits	 lim;
	struct rpt_buf	 title;		/* the title without white space */
	struct span	*claims;
	size_t		 nclaims, capclaims;
	struct hit	*hits;
	size_t		 nhits, caphits;
};

/* The built-in profiles, parsed like any file. */
static const struct builtin {
	const char	*name;
	const char	*text;
} builtins[] = {
	{ "fzzf",
"# fzzf: annual reports on building rule-of-law government (法治政府建设年度报告),\n"
"# whose contents are set by 《法治政府建设与责任落实督察工作规定》.\n"
"# Order matters: plans comes before measures so that 工作思路、目标举措 is\n"
"# plans.  Bare 安排 is not a plans cue; 主要安排 is.\n"
"leadership\t第一责任人|主要负责人|述法\n"
"plans\t下一步|下步|下阶段|下一年度|今后|打算|主要安排|计划|思路|目标举措|建议|展望\n"
"# The rectification of last year's problems (问题整改“回头看”, 整改落实情况)\n"
"# is work done: measures, claimed before shortfalls can take 问题.\n"
"measures\t问题整改|整改落实|整改情况\n"
"shortfalls\t不足|问题|差距|短板|原因\n"
"measures\t举措|成效|开展情况|工作情况|做法|成绩|亮点\n"
"# Topical sections (二、法治宣传教育扎实推进) report measures, until the\n"
"# shortfalls; what follows them is other matters.\n"
"#fallback measures\n"
"#fallback-after shortfalls other\n"
"#required measures,shortfalls,leadership,plans\n"
"# The parts' names in messages, as the regulation words them.\n"
"#name measures 主要举措和成效\n"
"#name shortfalls 存在的不足和原因\n"
"#name leadership 党政主要负责人履行推进法治建设第一责任人职责情况\n"
"#name plans 下一年度工作计划\n"
"#name other 其他事项\n" },
	{ "gwr",
"# gwr: government work reports (政府工作报告).\n"
"self\t自身建设\n"
"other\t注释|附件|附录|名词解释\n"
"# A review of a plan period (“十四五”时期工作回顾) is review: this rule\n"
"# claims the whole phrase before plans can take 十四五.\n"
"review\t(“?十[一二三四五六]五”?时期)?(工作)?回顾|过去一年|过去五年|工作总结\n"
"plans\t今年|工作安排|主要工作|重点工作|主要任务|重点任务|目标任务|主要目标|总体要求|部署|计划|主要考虑|十[一二三四五六]五\n"
"# A heading that names the report's year or a later one is plans, unless\n"
"# it looks back.\n"
"#year plans 回顾\n"
"# Topical sections review the past year until the year's targets are\n"
"# set; the topical task sections after them are plans.\n"
"#fallback review\n"
"#fallback-after plans plans\n"
"#required review,plans\n"
"#name review 工作回顾\n"
"#name plans 今年工作安排\n"
"#name self 政府自身建设\n"
"#name other 其他事项\n" },
	{ "summary",
"# summary: work summaries and self-inspection reports (工作总结, 自查报告).\n"
"problems\t问题|不足|差距|短板\n"
"plans\t下一步|下步|打算|思路|计划|安排|建议|努力方向\n"
"achievements\t成绩|成效|做法|开展情况|工作情况|主要工作|亮点\n"
"#fallback achievements\n"
"#fallback-after problems other\n"
"#required achievements,problems,plans\n"
"#name achievements 主要成绩和做法\n"
"#name problems 存在的问题\n"
"#name plans 下一步打算\n"
"#name other 其他事项\n" },
};

#define NBUILTINS	(sizeof(builtins) / sizeof(builtins[0]))

/*
 * Fill in e.  A message cut short by the size of msg is cut at a character
 * boundary, so that it stays UTF-8.
 */
static void __attribute__((format(printf, 4, 5)))
seterr(struct rpt_profile_error *e, long line, long col, const char *fmt, ...)
{
	va_list ap;
	int n;
	size_t k;

	if (e == NULL)
		return;
	e->line = line;
	e->col = col;
	e->offset = 0;
	e->pat = NULL;
	e->patlen = 0;
	va_start(ap, fmt);
	n = vsnprintf(e->msg, sizeof(e->msg), fmt, ap);
	va_end(ap);
	if (n < 0)
		e->msg[0] = '\0';
	else if ((size_t)n >= sizeof(e->msg)) {
		k = sizeof(e->msg) - 1;
		while (k > 0 && ((unsigned char)e->msg[k - 1] & 0xc0) == 0x80)
			k--;
		if (k > 0 && ((unsigned char)e->msg[k - 1] & 0xc0) == 0xc0)
			k--;
		e->msg[k] = '\0';
	}
}

static void
nomem(struct rpt_profile_error *e)
{
	seterr(e, 0, 0, "out of memory");
	errno = ENOMEM;
}

/* PCRE2's text for an error code. */
static void
pcre2_msg(int code, char *buf, size_t size)
{
	if (pcre2_get_error_message(code, (PCRE2_UCHAR *)buf, size) < 0 &&
	    size > 0)
		snprintf(buf, size, "PCRE2 error %d", code);
}

/* The automatic callout: a step, or the match limit error past the budget. */
static int
step(pcre2_callout_block *b, void *data)
{
	struct limits *l = data;

	(void)b;
	if (l->steps >= l->budget)
		return PCRE2_ERROR_MATCHLIMIT;
	l->steps++;
	return 0;
}

/* A new document: nothing taken, the base budget. */
static void
limits_reset(struct limits *l)
{
	l->steps = 0;
	l->budget = RPT_PATTERN_STEPS;
}

/* Text of n bytes for k patterns: its share of steps (saturating). */
static void
limits_credit(struct limits *l, size_t n, size_t k)
{
	uint64_t add = (uint64_t)n * k;

	if (k != 0 && add / k != n)
		add = UINT64_MAX;
	add = add > UINT64_MAX / RPT_PATTERN_STEPS_BYTE ? UINT64_MAX :
	    add * RPT_PATTERN_STEPS_BYTE;
	l->budget = add > UINT64_MAX - l->budget ? UINT64_MAX :
	    l->budget + add;
}

static int
limits_new(struct limits *l, struct rpt_profile_error *e)
{
	if ((l->mctx = pcre2_match_context_create(NULL)) == NULL ||
	    (l->md = pcre2_match_data_create(1, NULL)) == NULL) {
		nomem(e);
		return -1;
	}
	pcre2_set_match_limit(l->mctx, RPT_PROFILE_MATCH_LIMIT);
	pcre2_set_heap_limit(l->mctx, RPT_PROFILE_HEAP_LIMIT);
	pcre2_set_callout(l->mctx, step, l);
	limits_reset(l);
	/*
	 * The JIT's default 32 KiB stack is too small for some reasonable
	 * patterns on long run-in titles; without a stack, the default
	 * serves.
	 */
	if ((l->jstack = pcre2_jit_stack_create(32 * 1024, JIT_STACK_MAX,
	    NULL)) != NULL)
		pcre2_jit_stack_assign(l->mctx, NULL, l->jstack);
	return 0;
}

static void
limits_free(struct limits *l)
{
	pcre2_match_data_free(l->md);
	pcre2_jit_stack_free(l->jstack);
	pcre2_match_context_free(l->mctx);
}

/* Grow an array of n used elements of size sz to hold one more. */
static int
grow(void *pp, size_t *cap, size_t n, size_t sz)
{
	void *q;
	size_t c;

	if (n < *cap)
		return 0;
	c = *cap ? *cap * 2 : 8;
	if (c > ((size_t)-1) / sz || (q = realloc(*(void **)pp, c * sz)) ==
	    NULL) {
		errno = ENOMEM;
		return -1;
	}
	*(void **)pp = q;
	*cap = c;
	return 0;
}

void
rpt_profile_free(struct rpt_profile *p)
{
	size_t i;

	if (p == NULL)
		return;
	for (i = 0; i < p->nrules; i++)
		pcre2_code_free(p->rules[i].code);
	pcre2_code_free(p->year.code);
	limits_free(&p->lim);
	free(p->rules);
	free(p->after);
	free(p->claims);
	free(p->hits);
	rpt_buf_free(&p->title);
	free(p->work);
	free(p->text);
	free(p->name);
	free(p);
}

/* ---------------------------------------------------------------- parsing */

/* The line being parsed: [p, p + len) of work, number line. */
struct pline {
	char	*p;
	size_t	 len;		/* without the trailing blanks */
	size_t	 rawlen;
	long	 line;
};

/* 1-based character column of byte offset off in the line. */
static long
colof(const struct pline *l, size_t off)
{
	return (long)rpt_count_leads(l->p, off) + 1;
}

static int
blank(char c)
{
	return c == ' ' || c == '\t';
}

/* Byte offset of the first byte of [p, p + n) that may not be in a part. */
static size_t
part_bad(const char *p, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (!((p[i] >= 'a' && p[i] <= 'z') ||
		    (p[i] >= '0' && p[i] <= '9') || p[i] == '_'))
			return i;
	return n;
}

/*
 * Check the part name at off (n bytes), NUL-terminate it in place and
 * return its number, numbering it if it is new; -1 on error.  What
 * follows the name in the line must already have been read.
 */
static int
part_take(struct rpt_profile *p, const struct pline *l, size_t off,
    size_t n, struct rpt_profile_error *e)
{
	size_t bad;
	int i;

	if (n == 0) {
		seterr(e, l->line, colof(l, off), "missing part name");
		return -1;
	}
	if ((bad = part_bad(l->p + off, n)) < n) {
		seterr(e, l->line, colof(l, off + bad),
		    "bad part name '%.*s': use lower-case ASCII letters, "
		    "digits and _", (int)n, l->p + off);
		return -1;
	}
	l->p[off + n] = '\0';
	if ((i = rpt_profile_part_find(p, l->p + off, n)) >= 0)
		return i;
	if (p->nparts == RPT_PARTS_MAX) {
		seterr(e, l->line, colof(l, off), "part '%s' is one too many: "
		    "a profile names at most %d parts", l->p + off,
		    RPT_PARTS_MAX);
		return -1;
	}
	p->parts[p->nparts] = l->p + off;
	return p->nparts++;
}

/* The next blank-separated word of the line at or after *off. */
static int
word(const struct pline *l, size_t *off, size_t *start, size_t *n)
{
	size_t i = *off;

	while (i < l->len && blank(l->p[i]))
		i++;
	*start = i;
	while (i < l->len && !blank(l->p[i]))
		i++;
	*n = i - *start;
	*off = i;
	return *n > 0;
}

/*
 * Compile the pattern at off in the line into r.  The pattern is read from
 * text (the untouched copy) so that NULs written into work cannot cut it.
 */
static int
compile(struct rpt_profile *p, const struct pline *l, size_t off,
    struct rule *r, struct rpt_profile_error *e)
{
	char msg[200];
	int code;
	PCRE2_SIZE eo;

	r->line = l->line;
	r->pat = p->text + (size_t)(l->p - p->work) + off;
	r->patlen = l->len - off;
	r->code = compile_pattern(r->pat, r->patlen, &code, &eo);
	if (r->code == NULL) {
		if (code == PCRE2_ERROR_NOMEMORY) {
			nomem(e);
			return -1;
		}
		pcre2_msg(code, msg, sizeof(msg));
		seterr(e, l->line, colof(l, off + eo),
		    "bad pattern: %s (offset %zu in the pattern)", msg,
		    (size_t)eo);
		if (e != NULL)
			e->offset = eo;
		return -1;
	}
	/*
	 * Without the JIT (not built, or no executable memory) PCRE2
	 * interprets; RPT_NO_JIT turns it off for make check-valgrind, as
	 * valgrind cannot follow the code the JIT generates.
	 */
#ifndef RPT_NO_JIT
	(void)pcre2_jit_compile(r->code, PCRE2_JIT_COMPLETE);
#endif
	return 0;
}

static int
parse_rule(struct rpt_profile *p, const struct pline *l,
    struct rpt_profile_error *e)
{
	struct rule r;
	const char *tab;
	size_t plen, off;

	if ((tab = memchr(l->p, '\t', l->len)) == NULL &&
	    memchr(l->p, '\t', l->rawlen) != NULL) {
		seterr(e, l->line, colof(l, l->len) + 1, "empty pattern");
		return -1;
	}
	if (tab == NULL) {
		for (off = 0; off < l->len && l->p[off] != ' '; off++)
			;
		seterr(e, l->line, colof(l, off),
		    "no TAB after the part name: a rule is PART<TAB>PATTERN");
		return -1;
	}
	plen = (size_t)(tab - l->p);
	for (off = plen; off < l->len && l->p[off] == '\t'; off++)
		;
	if (off == l->len) {
		seterr(e, l->line, colof(l, off), "empty pattern");
		return -1;
	}
	memset(&r, 0, sizeof(r));
	if ((r.part = part_take(p, l, 0, plen, e)) == -1 ||
	    compile(p, l, off, &r, e) == -1)
		return -1;
	if (grow(&p->rules, &p->caprules, p->nrules, sizeof(r)) == -1) {
		pcre2_code_free(r.code);
		nomem(e);
		return -1;
	}
	p->rules[p->nrules++] = r;
	return 0;
}

/* A directive that may be given once: was it given before? */
static int
once(long *seen, const struct pline *l, const char *name,
    struct rpt_profile_error *e)
{
	if (*seen) {
		seterr(e, l->line, 1, "#%s given twice (first on line %ld)",
		    name, *seen);
		return -1;
	}
	*seen = l->line;
	return 0;
}

static int
parse_required(struct rpt_profile *p, const struct pline *l, size_t off,
    struct rpt_profile_error *e)
{
	size_t s, t, n;
	int i;

	while (off < l->len && blank(l->p[off]))
		off++;
	if (off == l->len) {
		seterr(e, l->line, colof(l, off),
		    "#required takes parts separated by commas");
		return -1;
	}
	/* Each comma-separated name, blanks around it allowed. */
	for (s = off; s <= l->len; s = t + 1) {
		for (t = s; t < l->len && l->p[t] != ','; t++)
			;
		n = t - s;
		while (n > 0 && blank(l->p[s]))
			s++, n--;
		while (n > 0 && blank(l->p[s + n - 1]))
			n--;
		if (n == 0) {
			seterr(e, l->line, colof(l, s),
			    "missing part name in #required");
			return -1;
		}
		if ((i = part_take(p, l, s, n, e)) == -1)
			return -1;
		rpt_parts_add(&p->required, i);
		if (t == l->len)
			break;
	}
	return 0;
}

/* #name PART NAME: NAME is the rest of the line. */
static int
parse_name(struct rpt_profile *p, const struct pline *l, size_t off,
    struct rpt_profile_error *e)
{
	size_t s, n;
	int i;

	if (!word(l, &off, &s, &n)) {
		seterr(e, l->line, 1, "#name takes a part and its name");
		return -1;
	}
	while (off < l->len && blank(l->p[off]))
		off++;
	if (off == l->len) {
		seterr(e, l->line, colof(l, off), "#name takes a part and "
		    "its name");
		return -1;
	}
	if ((i = part_take(p, l, s, n, e)) == -1)
		return -1;
	if (p->zh_line[i]) {
		seterr(e, l->line, 1, "#name %s given twice (first on line "
		    "%ld)", p->parts[i], p->zh_line[i]);
		return -1;
	}
	p->zh_line[i] = l->line;
	l->p[l->len] = '\0';
	p->zh[i] = l->p + off;
	return 0;
}

static int
parse_directive(struct rpt_profile *p, const struct pline *l,
    struct rpt_profile_error *e)
{
	size_t off = 1, dn, s1, n1, s2, n2, s3, n3;
	const char *d = l->p + 1;
	struct after a;

	while (off < l->len && !blank(l->p[off]))
		off++;
	dn = off - 1;
#define IS(name)	(dn == sizeof(name) - 1 && memcmp(d, name, dn) == 0)
	if (IS("fallback")) {
		if (!word(l, &off, &s1, &n1) || word(l, &off, &s2, &n2)) {
			seterr(e, l->line, 1, "#fallback takes one part");
			return -1;
		}
		if (once(&p->fallback_line, l, "fallback", e) == -1 ||
		    (p->fallback = part_take(p, l, s1, n1, e)) == -1)
			return -1;
	} else if (IS("fallback-after")) {
		if (!word(l, &off, &s1, &n1) || !word(l, &off, &s2, &n2) ||
		    word(l, &off, &s3, &n3)) {
			seterr(e, l->line, 1,
			    "#fallback-after takes two parts: SEEN PART");
			return -1;
		}
		if ((a.seen = part_take(p, l, s1, n1, e)) == -1 ||
		    (a.part = part_take(p, l, s2, n2, e)) == -1)
			return -1;
		if (grow(&p->after, &p->capafter, p->nafter, sizeof(a)) == -1) {
			nomem(e);
			return -1;
		}
		p->after[p->nafter++] = a;
	} else if (IS("required")) {
		if (once(&p->required_line, l, "required", e) == -1 ||
		    parse_required(p, l, off, e) == -1)
			return -1;
	} else if (IS("year")) {
		if (!word(l, &off, &s1, &n1)) {
			seterr(e, l->line, 1,
			    "#year takes a part and an exception pattern");
			return -1;
		}
		while (off < l->len && blank(l->p[off]))
			off++;
		if (once(&p->year_line, l, "year", e) == -1)
			return -1;
		if (off < l->len && compile(p, l, off, &p->year, e) == -1)
			return -1;
		p->year.line = l->line;
		if ((p->year.part = part_take(p, l, s1, n1, e)) == -1)
			return -1;
	} else if (IS("name")) {
		if (parse_name(p, l, off, e) == -1)
			return -1;
	} else {
		seterr(e, l->line, 1, "unknown directive '#%.*s': directives "
		    "are #fallback, #fallback-after, #required, #year and "
		    "#name (write '# ' to start a comment)", (int)dn, d);
		return -1;
	}
#undef IS
	return 0;
}

/* Check that the line is UTF-8 text. */
static int
check_text(const struct pline *l, struct rpt_profile_error *e)
{
	size_t i, k, bad;

	for (i = 0; i < l->len; i += k) {
		if (l->p[i] == '\0') {
			seterr(e, l->line, colof(l, i),
			    "NUL byte: a profile is text");
			return -1;
		}
		if ((k = rpt_utf8_char((const unsigned char *)l->p + i,
		    l->len - i, &bad)) == 0) {
			seterr(e, l->line, colof(l, i),
			    "invalid UTF-8: a profile is UTF-8 text");
			return -1;
		}
	}
	return 0;
}

static int
parse(struct rpt_profile *p, struct rpt_profile_error *e)
{
	struct pline l;
	char *nl, *end = p->work + p->len;
	char *s = p->work;

	if (p->len >= 3 && memcmp(s, RPT_UTF8_BOM, 3) == 0)
		s += 3;
	for (l.line = 1; s < end; s = nl + 1, l.line++) {
		if ((nl = memchr(s, '\n', (size_t)(end - s))) == NULL)
			nl = end;
		l.p = s;
		l.len = l.rawlen = (size_t)(nl - s);
		/* Trailing blanks could never match a title without them. */
		while (l.len > 0 && (blank(s[l.len - 1]) ||
		    s[l.len - 1] == '\r'))
			l.len--;
		if (l.len == 0)
			continue;
		if (check_text(&l, e) == -1)
			return -1;
		if (s[0] == '#') {
			if (l.len > 1 && ((s[1] >= 'a' && s[1] <= 'z') ||
			    (s[1] >= 'A' && s[1] <= 'Z')) &&
			    parse_directive(p, &l, e) == -1)
				return -1;
		} else if (parse_rule(p, &l, e) == -1)
			return -1;
	}
	return limits_new(&p->lim, e);
}

int
rpt_profile_parse(const char *name, const char *text, size_t len,
    struct rpt_profile **pp, struct rpt_profile_error *e)
{
	struct rpt_profile *p;

	*pp = NULL;
	if ((p = calloc(1, sizeof(*p))) == NULL ||
	    (p->name = strdup(name)) == NULL ||
	    (p->text = malloc(len + 1)) == NULL ||
	    (p->work = malloc(len + 1)) == NULL) {
		rpt_profile_free(p);
		nomem(e);
		return -1;
	}
	if (len > 0)
		memcpy(p->text, text, len);
	p->text[len] = '\0';
	memcpy(p->work, p->text, len + 1);
	p->len = len;
	p->fallback = p->year.part = -1;
	if (parse(p, e) == -1) {
		rpt_profile_free(p);
		return -1;
	}
	*pp = p;
	return 0;
}

void
rpt_profile_reset(struct rpt_profile *p)
{
	limits_reset(&p->lim);
}

int
rpt_profile_builtin(const char *name, struct rpt_profile **pp,
    struct rpt_profile_error *e)
{
	size_t i;

	for (i = 0; i < NBUILTINS; i++)
		if (strcmp(name, builtins[i].name) == 0)
			return rpt_profile_parse(name, builtins[i].text,
			    strlen(builtins[i].text), pp, e);
	*pp = NULL;
	seterr(e, 0, 0, "no built-in profile '%s' (there are fzzf, gwr and "
	    "summary)", name);
	return -1;
}

const char *
rpt_profile_builtin_name(size_t i)
{
	return i < NBUILTINS ? builtins[i].name : NULL;
}

/* Load a file; *openerr is the errno of a failed fopen(), else 0. */
static int
load(const char *path, struct rpt_profile **pp, struct rpt_profile_error *e,
    int *openerr)
{
	struct rpt_buf b = { NULL, 0, 0 };
	FILE *f;
	size_t n;
	int r, saved;

	*pp = NULL;
	*openerr = 0;
	if ((f = fopen(path, "r")) == NULL) {
		*openerr = saved = errno;
		seterr(e, 0, 0, "cannot open: %s", strerror(saved));
		errno = saved;
		return -1;
	}
	for (;;) {
		if (rpt_buf_reserve(&b, 65536) == -1) {
			fclose(f);
			rpt_buf_free(&b);
			nomem(e);
			return -1;
		}
		n = fread(b.p + b.len, 1, 65536, f);
		b.len += n;
		if (b.len > RPT_PROFILE_MAX) {
			seterr(e, 0, 0, "larger than %d KiB: is it a profile?",
			    RPT_PROFILE_MAX / 1024);
			fclose(f);
			rpt_buf_free(&b);
			return -1;
		}
		if (n < 65536)
			break;
	}
	if (ferror(f)) {
		saved = errno;
		seterr(e, 0, 0, "cannot read: %s", strerror(saved));
		fclose(f);
		rpt_buf_free(&b);
		errno = saved;
		return -1;
	}
	fclose(f);
	r = rpt_profile_parse(path, b.p != NULL ? b.p : "", b.len, pp, e);
	rpt_buf_free(&b);
	return r;
}

int
rpt_profile_load(const char *path, struct rpt_profile **pp,
    struct rpt_profile_error *e)
{
	int openerr;

	return load(path, pp, e, &openerr);
}

int
rpt_profile_open(const char *arg, struct rpt_profile **pp,
    struct rpt_profile_error *e)
{
	size_t i;
	int openerr;

	if (strchr(arg, '/') == NULL)
		for (i = 0; i < NBUILTINS; i++)
			if (strcmp(arg, builtins[i].name) == 0)
				return rpt_profile_builtin(arg, pp, e);
	if (load(arg, pp, e, &openerr) == -1) {
		/* A bare word that is not a file was meant as a built-in. */
		if (openerr == ENOENT && strchr(arg, '/') == NULL)
			seterr(e, 0, 0, "no such built-in profile or file "
			    "(the built-in profiles are fzzf, gwr and summary)");
		return -1;
	}
	return 0;
}

const char *
rpt_profile_name(const struct rpt_profile *p)
{
	return p->name;
}

const char *
rpt_profile_text(const struct rpt_profile *p, size_t *len)
{
	*len = p->len;
	return p->text;
}

const struct rpt_parts *
rpt_profile_required(const struct rpt_profile *p)
{
	return &p->required;
}

/* ---------------------------------------------------------------- parts */

int
rpt_profile_nparts(const struct rpt_profile *p)
{
	return p->nparts;
}

const char *
rpt_profile_part(const struct rpt_profile *p, int i)
{
	return i >= 0 && i < p->nparts ? p->parts[i] : "";
}

int
rpt_profile_part_find(const struct rpt_profile *p, const char *name,
    size_t n)
{
	int i;

	for (i = 0; i < p->nparts; i++)
		if (strncmp(p->parts[i], name, n) == 0 &&
		    p->parts[i][n] == '\0')
			return i;
	return -1;
}

/*
 * The name a built-in profile's #name gives part, NUL-terminated at the
 * end of its line, or NULL: the texts are scanned, not parsed, so that
 * loading a profile never loads another.
 */
static const char *
builtin_name(const char *part, size_t *len)
{
	const char *t, *q;
	size_t i, n = strlen(part);

	for (i = 0; i < NBUILTINS; i++)
		for (t = builtins[i].text; (t = strstr(t, "\n#name ")) != NULL;
		    t += 7) {
			if (strncmp(t + 7, part, n) != 0 || t[7 + n] != ' ')
				continue;
			t += 8 + n;
			q = strchr(t, '\n');
			*len = (size_t)(q - t);
			return t;
		}
	return NULL;
}

const char *
rpt_profile_part_name(const struct rpt_profile *p, int i, size_t *len)
{
	if (i < 0 || i >= p->nparts)
		return NULL;
	if (p->zh[i] != NULL) {
		*len = strlen(p->zh[i]);
		return p->zh[i];
	}
	return builtin_name(p->parts[i], len);
}

void
rpt_parts_add(struct rpt_parts *s, int i)
{
	if (i < 0 || i >= RPT_PARTS_MAX || (s->set & (UINT64_C(1) << i)))
		return;
	s->set |= UINT64_C(1) << i;
	s->list[s->n++] = (unsigned char)i;
}

int
rpt_parts_format(const struct rpt_profile *p, const struct rpt_parts *s,
    char sep, struct rpt_buf *out)
{
	const char *name;
	int i;

	if (rpt_buf_reserve(out, 1) == -1)
		return -1;
	for (i = 0; i < s->n; i++) {
		name = rpt_profile_part(p, s->list[i]);
		if ((i > 0 && rpt_buf_append(out, &sep, 1) == -1) ||
		    rpt_buf_append(out, name, strlen(name)) == -1)
			return -1;
	}
	out->p[out->len] = '\0';
	return 0;
}

int
rpt_profile_fallback(const struct rpt_profile *p, uint64_t seen)
{
	size_t i = p->nafter;

	while (i-- > 0)
		if (seen & (UINT64_C(1) << p->after[i].seen))
			return p->after[i].part;
	return p->fallback;
}

void
rpt_profile_missing(const struct rpt_profile *p, uint64_t have,
    struct rpt_parts *out)
{
	int i;

	memset(out, 0, sizeof(*out));
	for (i = 0; i < p->required.n; i++)
		if (!(have & (UINT64_C(1) << p->required.list[i])))
			rpt_parts_add(out, p->required.list[i]);
}

/* ---------------------------------------------------------------- matching */

/* Value of a digit as years are written: 2, ２, 二, 〇/零/○ for 0; or -1. */
static int
year_digit(int32_t c)
{
	uint32_t f = rpt_char_class(c);

	/* Not 两 (RPT_C_CN_TWO): it counts, it does not spell a year. */
	return f & (RPT_C_DIGIT | RPT_C_CN_DIGIT) ? RPT_C_VALUE(f) : -1;
}

/*
 * The latest year the title names, 0 if none: four digits (in any of the
 * ways years are written) followed by 年, not part of a longer number.
 */
static int
latest_year(const char *t, size_t n)
{
	size_t i = 0, k;
	int32_t c;
	int d, ndig = 0, val = 0, best = 0;

	while (i < n) {
		k = rpt_utf8_decode(t + i, n - i, &c);
		i += k;
		if ((d = year_digit(c)) >= 0) {
			ndig++;
			val = val * 10 + d;
			if (ndig > 4)
				val = 100000;	/* too long for a year */
			continue;
		}
		if (c == RPT_CH_NIAN && ndig == 4 && val > best)	/* 年 */
			best = val;
		ndig = val = 0;
	}
	return best;
}

/*
 * Search r in the title from byte off; returns 1 with the match in
 * [*s, *e), 0 for none, -1 on an error (filled into e).
 */
static int
search(struct rpt_profile *p, const struct rule *r, size_t off, size_t *s,
    size_t *end, struct rpt_profile_error *e)
{
	PCRE2_SIZE *ov;
	char msg[200];
	int rc;

	/* The title is valid UTF-8, as the caller promised: no check. */
	rc = pcre2_match(r->code, (PCRE2_SPTR)p->title.p, p->title.len, off,
	    PCRE2_NO_UTF_CHECK, p->lim.md, p->lim.mctx);
	if (rc == PCRE2_ERROR_NOMATCH)
		return 0;
	if (rc < 0) {
		if (rc == PCRE2_ERROR_NOMEMORY) {
			nomem(e);
			return -1;
		}
		pcre2_msg(rc, msg, sizeof(msg));
		seterr(e, r->line, 0, "%s", msg);
		if (e != NULL) {
			e->pat = r->pat;
			e->patlen = r->patlen;
		}
		errno = 0;
		return -1;
	}
	/* rc 0: more groups than the ovector holds; group 0 is still set. */
	ov = pcre2_get_ovector_pointer(p->lim.md);
	*s = ov[0];
	*end = ov[1];
	return 1;
}

static size_t
next_char(const struct rpt_buf *t, size_t i)
{
	int32_t c;

	return i < t->len ? i + rpt_utf8_decode(t->p + i, t->len - i, &c) :
	    i + 1;
}

/*
 * Match rule r against the unclaimed text of the title: record where its
 * first such match starts in *first, and claim every such match.  Returns
 * 1 if it matched, 0 if not, -1 on an error.
 */
static int
claim(struct rpt_profile *p, const struct rule *r, size_t *first,
    struct rpt_profile_error *e)
{
	size_t off = 0, s, end, i, nold = p->nclaims;
	int rc, found = 0;

	while (off <= p->title.len) {
		if ((rc = search(p, r, off, &s, &end, e)) <= 0)
			return rc == -1 ? -1 : found;
		for (i = 0; i < nold; i++)
			if (s < p->claims[i].e && p->claims[i].s < end)
				break;
		if (i < nold) {
			/* Overlaps an earlier rule's text: look further on. */
			off = next_char(&p->title, s);
			continue;
		}
		if (!found)
			*first = s;
		found = 1;
		if (grow(&p->claims, &p->capclaims, p->nclaims,
		    sizeof(struct span)) == -1) {
			nomem(e);
			return -1;
		}
		p->claims[p->nclaims].s = s;
		p->claims[p->nclaims++].e = end;
		off = end > s ? end : next_char(&p->title, s);
	}
	return found;
}

int
rpt_profile_match(struct rpt_profile *p, const char *title, size_t len,
    int report_year, struct rpt_parts *out, struct rpt_profile_error *e)
{
	int year_part = -1;
	struct hit h;
	size_t i, j, k, first = 0;
	int32_t c;
	int rc;

	memset(out, 0, sizeof(*out));
	p->title.len = 0;
	if (rpt_buf_reserve(&p->title, len) == -1) {
		nomem(e);
		return -1;
	}
	/*
	 * The runs of bytes that start no white space go in at once; only a
	 * byte that may (rpt_space_lead: never a continuation byte, so the
	 * run ends at a character) is decoded.
	 */
	for (i = 0; i < len; i = j + k) {
		for (j = i; j < len && !rpt_space_lead[(unsigned char)title[j]];
		    j++)
			continue;
		memcpy(p->title.p + p->title.len, title + i, j - i);
		p->title.len += j - i;
		if (j >= len)
			break;
		k = rpt_utf8_decode(title + j, len - j, &c);
		if (!rpt_is_space(c)) {
			memcpy(p->title.p + p->title.len, title + j, k);
			p->title.len += k;
		}
	}
	p->title.p[p->title.len] = '\0';
	limits_credit(&p->lim, p->title.len, p->nrules + 1);

	if (p->year.part >= 0 && report_year > 0 &&
	    latest_year(p->title.p, p->title.len) >= report_year) {
		rc = p->year.code == NULL ? 0 :
		    search(p, &p->year, 0, &i, &j, e);
		if (rc == -1)
			return -1;
		if (rc == 0)
			year_part = p->year.part;
	}

	p->nclaims = p->nhits = 0;
	for (i = 0; i < p->nrules; i++) {
		if ((rc = claim(p, &p->rules[i], &first, e)) == -1)
			return -1;
		if (rc == 0)
			continue;
		if (grow(&p->hits, &p->caphits, p->nhits, sizeof(h)) == -1) {
			nomem(e);
			return -1;
		}
		/* Insert by position; a later rule goes after an equal one. */
		h.pos = first;
		h.part = p->rules[i].part;
		for (j = p->nhits; j > 0 && p->hits[j - 1].pos > first; j--)
			p->hits[j] = p->hits[j - 1];
		p->hits[j] = h;
		p->nhits++;
	}

	/* The #year part first; a part that matched twice, once. */
	rpt_parts_add(out, year_part);
	for (i = 0; i < p->nhits; i++)
		rpt_parts_add(out, p->hits[i].part);
	return out->n;
}

/* ---------------------------------------------------------------- auto */

/*
 * Does h contain the needle nd, white space in h ignored?  The needle has
 * none.  Quadratic, but it only looks at a title, an addressee and one
 * paragraph per document.
 */
static int
has(const char *h, size_t hn, const char *nd)
{
	size_t nn = strlen(nd), i, j, k, m;
	int32_t c;

	for (i = 0; i < hn; i += rpt_utf8_decode(h + i, hn - i, &c)) {
		for (j = i, m = 0; m < nn && j < hn; j += k) {
			k = rpt_utf8_decode(h + j, hn - j, &c);
			if (rpt_is_space(c))
				continue;
			if (k > nn - m || memcmp(h + j, nd + m, k) != 0)
				break;
			m += k;
		}
		if (m == nn)
			return 1;
	}
	return 0;
}

/* Is [p, p + n), white space ignored, exactly the word w? */
static int
is(const char *p, size_t n, const char *w)
{
	size_t i, k, m = 0, wn = strlen(w);
	int32_t c;

	for (i = 0; i < n; i += k) {
		k = rpt_utf8_decode(p + i, n - i, &c);
		if (rpt_is_space(c))
			continue;
		if (k > wn - m || memcmp(p + i, w + m, k) != 0)
			return 0;
		m += k;
	}
	return m == wn;
}

const char *
rpt_profile_auto(const char *title, size_t tlen, const char *addressee,
    size_t alen, const char *body, size_t blen)
{
	if (rpt_count_chars(title, tlen) > 0) {
		if (has(title, tlen, "政府工作报告"))
			return "gwr";
		if (has(title, tlen, "法治政府建设"))
			return "fzzf";
		return "summary";
	}
	if (is(addressee, alen, "各位代表：") || is(addressee, alen, "各位代表:"))
		return "gwr";
	/*
	 * A report without a title that opens on its 法治 work (法治政府建设,
	 * 法治建设领导…) is an annual rule-of-law report.
	 */
	if (has(addressee, alen, "法治政府建设") ||
	    has(body, blen, "法治政府建设") || has(body, blen, "法治建设"))
		return "fzzf";
	return "summary";
}

/* ---------------------------------------------------------------- patterns */

struct rpt_pattern {
	pcre2_code	*code;
	struct limits	 lim;
};

int
rpt_pattern_new(const char *pat, size_t len, struct rpt_pattern **pp,
    struct rpt_profile_error *e)
{
	struct rpt_pattern *pt;
	char msg[200];
	int code;
	PCRE2_SIZE eo;

	*pp = NULL;
	if ((pt = calloc(1, sizeof(*pt))) == NULL) {
		nomem(e);
		return -1;
	}
	pt->code = compile_pattern(pat, len, &code, &eo);
	if (pt->code == NULL) {
		if (code == PCRE2_ERROR_NOMEMORY)
			nomem(e);
		else {
			pcre2_msg(code, msg, sizeof(msg));
			seterr(e, 0, 0, "%s (offset %zu in the pattern)", msg,
			    (size_t)eo);
			if (e != NULL)
				e->offset = eo;
		}
		free(pt);
		return -1;
	}
#ifndef RPT_NO_JIT
	(void)pcre2_jit_compile(pt->code, PCRE2_JIT_COMPLETE);
#endif
	if (limits_new(&pt->lim, e) == -1) {
		rpt_pattern_free(pt);
		return -1;
	}
	*pp = pt;
	return 0;
}

void
rpt_pattern_reset(struct rpt_pattern *pt)
{
	limits_reset(&pt->lim);
}

void
rpt_pattern_free(struct rpt_pattern *pt)
{
	if (pt == NULL)
		return;
	pcre2_code_free(pt->code);
	limits_free(&pt->lim);
	free(pt);
}

long
rpt_pattern_count(struct rpt_pattern *pt, const char *p, size_t n,
    struct rpt_profile_error *e)
{
	PCRE2_SIZE *ov;
	char msg[200];
	size_t off = 0;
	long count = 0;
	int rc;

	limits_credit(&pt->lim, n, 1);
	while (off <= n) {
		rc = pcre2_match(pt->code, (PCRE2_SPTR)p, n, off,
		    PCRE2_NO_UTF_CHECK, pt->lim.md, pt->lim.mctx);
		if (rc == PCRE2_ERROR_NOMATCH)
			break;
		if (rc < 0) {
			if (rc == PCRE2_ERROR_NOMEMORY)
				nomem(e);
			else {
				pcre2_msg(rc, msg, sizeof(msg));
				seterr(e, 0, 0, "%s", msg);
				errno = 0;
			}
			return -1;
		}
		count++;
		ov = pcre2_get_ovector_pointer(pt->lim.md);
		if (ov[1] > ov[0])
			off = ov[1];
		else if (ov[1] < n) {
			/* An empty match: go on from the next character. */
			off = ov[1] + 1;
			while (off < n && ((unsigned char)p[off] & 0xc0) == 0x80)
				off++;
		} else
			break;
	}
	return count;
}
