/*
 * check-test - unit tests of the outline builder (lib/outline.c) and of
 * --check (lib/check.c) through the API of rpt.h: small reports read
 * through the document model, and the rows or findings they must give,
 * written one a line as rpt-sections writes them without the file column
 * (fields TAB-separated; a finding's line empty for 0).  The objects are
 * reset between cases, as between the files of one run.
 *
 * Prints "ok N - name" or "not ok N - name" (with what differed) for each
 * case, then "check-test: N passed, M failed"; exits 1 when a case failed.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rpt.h"

struct tcase {
	const char	*name;
	const char	*text;		/* lines ended by \n */
	int		 check;		/* findings, not rows */
	int		 flags;		/* the outline's; stopped for --check */
	const char	*want;
};

static const struct tcase cases[] = {
	{ "outline: items, a sub-heading, a date",
	  "关于2023年度工作情况的报告\n一、主要成效\n"
	  "今年做了很多工作。一是加强学习；二是存在的问题还不少，要明确下一步工作打算。\n"
	  "（一）存在的问题\n正文。\n2023年12月5日\n", 0, RPT_OUTLINE_ITEMS,
	  "1\ttitle\t\t\t\t\t\t关于2023年度工作情况的报告\t15\n"
	  "2\theading\t1\t一、\t1\t1\tachievements\t主要成效\t55\n"
	  "3\titem\t2\t一是\t1\t1.1\tachievements\t加强学习\t7\n"
	  "3\titem\t2\t二是\t2\t1.2\tachievements\t存在的问题还不少，要明确下一步工作打算\t22\n"
	  "4\theading\t2\t（一）\t1\t1.1\tachievements\t存在的问题\t11\n"
	  "6\tdate\t\t\t\t\t\t2023年12月5日\t10\n" },
	{ "outline: without items; a block of web remnants joined",
	  "关于某镇工作情况的报告\n一、甲\n正文。\n三、乙\n正文。\n三、丙\n"
	  "（一）丁\n正文。\n(二)戊\n[bookmark: _GoBack]正文。\n（1）己\n正文。\n"
	  "正文。\n版权所有：某某\n网站标识码：123\n", 0, 0,
	  "1\ttitle\t\t\t\t\t\t关于某镇工作情况的报告\t11\n"
	  "2\theading\t1\t一、\t1\t1\tachievements\t甲\t6\n"
	  "4\theading\t1\t三、\t3\t2\tachievements\t乙\t33\n"
	  "7\theading\t2\t（一）\t1\t2.1\tachievements\t丁\t7\n"
	  "9\theading\t2\t(二)\t2\t2.2\tachievements\t戊\t17\n"
	  "11\theading\t3\t（1）\t1\t2.2.1\tachievements\t己\t10\n"
	  "14\tboilerplate\t\t\t\t\t\t版权所有：某某 / 网站标识码：123\t16\n" },
	{ "check: every code a paragraph can have",
	  "关于某镇工作情况的报告\n一、甲\n正文。\n三、乙\n正文。\n三、丙\n"
	  "（一）丁\n正文。\n(二)戊\n[bookmark: _GoBack]正文。\n（1）己\n正文。\n"
	  "正文。\n版权所有：某某\n网站标识码：123\n", 1, 0,
	  "\tmissing-part\t缺少“存在的问题” / missing problems: no section of its own (profile summary)\n"
	  "\tmissing-part\t缺少“下一步打算” / missing plans: no section of its own (profile summary)\n"
	  "\tno-date\tno date (成文日期) found\n"
	  "4\tnumbering-gap\t三、 where number 2 was expected: numbers are skipped\n"
	  "6\tnumbering-repeat\t三、 repeats or goes back (number 4 was expected): read as body text\n"
	  "9\tmixed-markers\t(二) is written unlike the marker of its level on line 7 (（)\n"
	  "10\tdebris\t1 piece of conversion debris removed, such as [bookmark: _GoBack]\n"
	  "11\tlevel-skip\t（1） at level 3: GB/T 9704 puts （1） at level 4\n"
	  "14\tboilerplate\t2 lines of web-page remnants, from 版权所有：某某\n" },
	{ "check: a part first named by an item is buried there, not later",
	  "关于2023年度工作情况的报告\n一、主要成效\n"
	  "今年做了很多工作。一是加强学习；二是存在的问题还不少，要明确下一步工作打算。\n"
	  "（一）存在的问题\n正文。\n2023年12月5日\n", 1, 0,
	  "\tmissing-part\t缺少“存在的问题” / missing problems: no section of its own (profile summary)\n"
	  "\tmissing-part\t缺少“下一步打算” / missing plans: no section of its own (profile summary)\n"
	  "3\tburied-part\tproblems is mentioned here, inside achievements, but has no section of its own\n"
	  "3\tburied-part\tplans is mentioned here, inside achievements, but has no section of its own\n" },
	{ "check: a level skip told once per parent; partial last of line 0",
	  "一、甲\n（1）乙\n（2）丙\n二、丁\n（1）戊\n", 1, 1,
	  "\tmissing-part\t缺少“存在的问题” / missing problems: no section of its own (profile summary)\n"
	  "\tmissing-part\t缺少“下一步打算” / missing plans: no section of its own (profile summary)\n"
	  "\tno-title\tno title found\n"
	  "\tno-date\tno date (成文日期) found\n"
	  "\tpartial\tread stopped at an error (on standard error): the findings are those of the part before it\n"
	  "2\tlevel-skip\t（1） at level 2: GB/T 9704 puts （1） at level 4\n"
	  "5\tlevel-skip\t（1） at level 2: GB/T 9704 puts （1） at level 4\n" },
};

#define NCASES	(sizeof(cases) / sizeof(cases[0]))

static void
put(struct rpt_buf *b, const char *p, size_t n, int last)
{
	if (rpt_buf_append(b, p, n) == -1 ||
	    rpt_buf_append(b, last ? "\n" : "\t", 1) == -1)
		abort();
}

static void
put_num(struct rpt_buf *b, long v, int last)
{
	char tmp[32];

	snprintf(tmp, sizeof(tmp), "%ld", v);
	put(b, tmp, v > 0 ? strlen(tmp) : 0, last);
}

static void
rows(struct rpt_outline *o, struct rpt_buf *got)
{
	struct rpt_outline_row r;
	const char *kind;

	while (rpt_outline_next(o, &r) == 1) {
		kind = rpt_kind_name(r.kind);
		put_num(got, r.line, 0);
		put(got, kind, strlen(kind), 0);
		put_num(got, r.level, 0);
		put(got, r.marker, r.marker_len, 0);
		put_num(got, r.num, 0);
		put(got, r.path, r.path_len, 0);
		put(got, r.part, r.part_len, 0);
		put(got, r.title, r.title_len, 0);
		put_num(got, r.chars, 1);
	}
}

static void
findings(const struct rpt_check *c, struct rpt_buf *got)
{
	const struct rpt_finding *f;
	const char *code;
	size_t i, n;

	n = rpt_check_findings(c, &f);
	for (i = 0; i < n; i++) {
		code = rpt_finding_name(f[i].code);
		put_num(got, f[i].line, 0);
		put(got, code, strlen(code), 0);
		put(got, f[i].detail, f[i].detail_len, 1);
	}
}

/* Read a case's text through d into o or c; its rows or findings in got. */
static void
run(const struct tcase *t, struct rpt_doc *d, struct rpt_outline *o,
    struct rpt_check *c, struct rpt_buf *got)
{
	struct rpt_line line = { NULL, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 };
	struct rpt_para pa;
	const char *p = t->text, *e;
	int r;

	got->len = 0;
	rpt_doc_reset(d);
	for (line.num = 1; *p != '\0'; line.num++, p = e + 1) {
		e = strchr(p, '\n');
		line.p = p;
		line.len = (size_t)(e - p);
		if (rpt_doc_push(d, &line) == -1)
			abort();
		while ((r = rpt_doc_next(d, &pa)) == 1)
			if (c ? rpt_check_para(c, &pa) : rpt_outline_para(o, &pa))
				abort();
		if (o != NULL)
			rows(o, got);
	}
	rpt_doc_finish(d);
	while ((r = rpt_doc_next(d, &pa)) == 1)
		if (c ? rpt_check_para(c, &pa) : rpt_outline_para(o, &pa))
			abort();
	if (c != NULL) {
		if (rpt_check_finish(c, d, t->flags) == -1)
			abort();
		findings(c, got);
	} else {
		rpt_outline_finish(o);
		rows(o, got);
	}
}

/* A long reason is cut before a character, never inside one. */
static int
long_reason(struct rpt_check *c)
{
	const struct rpt_finding *f;
	struct rpt_buf why = { NULL, 0, 0 };
	int i, ok;

	put(&why, "a", 1, 0);
	for (i = 0; i < 300; i++)
		if (rpt_buf_append(&why, "中", 3) == -1)
			abort();
	ok = rpt_check_refused(c, why.p, why.len) == 0 &&
	    rpt_check_findings(c, &f) == 1 && f[0].code == RPT_F_REFUSED &&
	    f[0].line == 0 && f[0].detail_len == 19 + 2 + 163 * 3 &&
	    memcmp(f[0].detail, "could not be read: a\t中", 24) == 0 &&
	    memcmp(f[0].detail + f[0].detail_len - 3, "中", 3) == 0;
	rpt_buf_free(&why);
	return ok;
}

int
main(void)
{
	struct rpt_buf got = { NULL, 0, 0 };
	struct rpt_outline *o[2];
	struct rpt_check *c;
	struct rpt_doc *d;
	const struct tcase *t;
	size_t i;
	int pass = 0, fail = 0;

	if ((d = rpt_doc_new()) == NULL || (c = rpt_check_new()) == NULL ||
	    (o[0] = rpt_outline_new(0)) == NULL ||
	    (o[1] = rpt_outline_new(RPT_OUTLINE_ITEMS)) == NULL)
		abort();
	printf("1..%zu\n", NCASES + 1);
	for (i = 0; i < NCASES; i++) {
		t = &cases[i];
		if (t->check) {
			rpt_check_reset(c);
			run(t, d, NULL, c, &got);
		} else {
			rpt_outline_reset(o[t->flags != 0]);
			run(t, d, o[t->flags != 0], NULL, &got);
		}
		if (got.len == strlen(t->want) &&
		    memcmp(got.p, t->want, got.len) == 0) {
			printf("ok %zu - %s\n", i + 1, t->name);
			pass++;
		} else {
			printf("not ok %zu - %s\n# want:\n%s# got:\n%.*s", i + 1,
			    t->name, t->want, (int)got.len, got.p);
			fail++;
		}
	}
	if (long_reason(c)) {
		printf("ok %zu - a long reason is cut before a character\n", i + 1);
		pass++;
	} else {
		printf("not ok %zu - a long reason is cut before a character\n",
		    i + 1);
		fail++;
	}
	rpt_check_free(c);
	rpt_outline_free(o[0]);
	rpt_outline_free(o[1]);
	rpt_doc_free(d);
	rpt_buf_free(&got);
	printf("check-test: %d passed, %d failed\n", pass, fail);
	return fail > 0 ? 1 : 0;
}
