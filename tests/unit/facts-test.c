/*
 * facts-test - rpt_facts_* and rpt_stats_* on small documents read through
 * the document model, and the rules of the patterns' names and files.
 *
 * Prints "facts-test: N passed, M failed"; exits 1 when a case failed.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "rpt.h"

static int pass, fail;

#define T(cond)	test((cond), #cond, __LINE__)

static void
test(int ok, const char *what, int line)
{
	if (ok)
		pass++;
	else if (fail++ < 20)
		printf("FAIL line %d: %s\n", line, what);
}

/* Is [p, p + n) the string s? */
static int
is(const char *p, size_t n, const char *s)
{
	return p != NULL && strlen(s) == n && memcmp(p, s, n) == 0;
}

/* Read text (lines ended by \n) into f and s through the model d. */
static const struct rpt_doc_facts *
read_doc(struct rpt_doc *d, struct rpt_facts *f, struct rpt_stats *s,
    const char *text)
{
	struct rpt_line line = { NULL, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 };
	struct rpt_para pa;
	const char *nl;
	long num = 0;

	rpt_doc_reset(d);
	rpt_facts_reset(f);
	rpt_stats_reset(s);
	for (; (nl = strchr(text, '\n')) != NULL; text = nl + 1) {
		line.p = text;
		line.len = (size_t)(nl - text);
		line.num = ++num;
		T(rpt_doc_push(d, &line) >= 0);
		while (rpt_doc_next(d, &pa) == 1)
			T(rpt_facts_para(f, &pa) == 0 && rpt_stats_para(s, &pa) == 0);
	}
	rpt_doc_finish(d);
	while (rpt_doc_next(d, &pa) == 1)
		T(rpt_facts_para(f, &pa) == 0 && rpt_stats_para(s, &pa) == 0);
	return rpt_facts_end(f, d);
}

static const char report[] =
    "中共青龙镇委员会\n青龙镇人民政府\n\n青龙委文〔2024〕7号\n\n"
    "青龙镇关于2023年度法治政府建设\n工作情况的报告\n\n县委、县政府：\n"
    "2023年，我镇坚持依法行政，现将有关情况报告如下。\n"
    "一、主要举措和成效\n"
    "（一）加强组织领导。一是健全制度，二是压实责任。全年开展培训12次，"
    "覆盖率达100%。\n"
    "二、存在的不足\n法治宣传形式不够丰富。\n\n"
    "中共青龙镇委员会\n2024年1月5日\n版权所有：青龙镇人民政府\n";

/* A 政府工作报告: the date of its subtitle, no issuer but a signature. */
static const char gwr[] =
    "政府工作报告\n——2024年3月5日在第十四届全国人民代表大会第二次会议上\n"
    "国务院总理 李强\n各位代表：\n一、2023年工作回顾\n过去一年成绩来之不易。\n"
    "二、2024年政府工作任务\n我们要着力扩大国内需求。\n国务院\n";

static void
facts(void)
{
	struct rpt_doc *d = rpt_doc_new();
	struct rpt_facts *f = rpt_facts_new(), *g = rpt_facts_new();
	struct rpt_stats *s = rpt_stats_new(NULL, "");
	const struct rpt_doc_facts *x;
	const struct rpt_text_stats *t;
	struct rpt_buf b = { NULL, 0, 0 };

	T(d != NULL && f != NULL && g != NULL && s != NULL);
	T(rpt_stats_pattern(s, "fz", 2, "法治", strlen("法治"), NULL) == 0);
	x = read_doc(d, f, s, report);
	t = rpt_stats_counts(s);
	T(is(x->title, x->title_len, "工作情况的报告") && x->titles == 1);
	T(is(x->docno, x->docno_len, "青龙委文〔2024〕7号"));
	T(is(x->issuer, x->issuer_len, "中共青龙镇委员会 / 青龙镇人民政府"));
	T(is(x->signature, x->signature_len, "中共青龙镇委员会"));
	T(is(x->date, x->date_len, "2024-01-05") && x->dates == 1);
	T(x->year == 2023 && strcmp(x->profile, "summary") == 0);
	T(x->chars == 171 && x->boilerplate_chars == 12);
	T(x->paras == 6 && x->headings == 3 && x->depth == 2);
	T(t->han == 129 && t->sents == 8 && t->items == 2);
	T(t->quantities == 5 && t->percents == 1);
	T(rpt_stats_matches(s, 0) == 2 && rpt_stats_matches(s, 1) == -1);
	T(rpt_part_sizes_format(x, &b) == 0 &&
	    strcmp(b.p, "preamble:43,achievements:52,problems:18") == 0);
	T(x->parts_profile != NULL && x->missing.n == 1);
	b.len = 0;
	T(rpt_parts_format(x->parts_profile, &x->missing, ',', &b) == 0 &&
	    strcmp(b.p, "plans") == 0);

	/* Another document, then the same: a reset f is a new one (g). */
	x = read_doc(d, f, s, gwr);
	T(is(x->date, x->date_len, "2024-03-05") && x->dates == 0);
	T(x->docno_len == 0 && x->docno != NULL);
	T(is(x->issuer, x->issuer_len, "国务院") && x->issuer == x->signature);
	/* The year it is delivered in (its dateline), not the one reviewed. */
	T(strcmp(x->profile, "gwr") == 0 && x->year == 2024);
	T(x->have != 0 && x->nsizes == 2 && x->missing.n == 0);
	x = read_doc(d, f, s, report);
	b.len = 0;
	T(rpt_part_sizes_format(x, &b) == 0 &&
	    strcmp(b.p, "preamble:43,achievements:52,problems:18") == 0);
	T(is(x->date, x->date_len, "2024-01-05") && x->chars == 171);
	T(rpt_stats_matches(s, 0) == 2);
	x = read_doc(d, g, s, report);
	T(x->chars == 171 && x->missing.n == 1 && x->titles == 1);

	/* An empty document: nothing, and text that is "" not NULL. */
	x = read_doc(d, f, s, "");
	T(x->title != NULL && x->title_len == 0 && x->date_len == 0);
	T(x->nsizes == 0 && x->have == 0 && x->missing.n == 0);
	T(x->parts_profile == NULL && x->chars == 0);
	b.len = 0;
	T(rpt_part_sizes_format(x, &b) == 0 && b.p != NULL && b.p[0] == '\0');

	rpt_buf_free(&b);
	rpt_stats_free(s);
	rpt_facts_free(f);
	rpt_facts_free(g);
	rpt_doc_free(d);
}

static void
patterns(void)
{
	static const char *const taken[] = { "file", "chars", NULL };
	char path[] = "/tmp/facts-test.XXXXXX";
	struct rpt_profile_error e;
	struct rpt_stats *s = rpt_stats_new(taken, "a column");
	const char *text;
	FILE *fp;
	int fd;

	T(s != NULL && rpt_stats_npatterns(s) == 0);
	T(rpt_stats_columns(s)[0] == taken[0] && rpt_stats_columns(s)[2] == NULL);
	T(rpt_stats_pattern(s, "a_1", 3, "x", 1, &e) == 0);
	T(rpt_stats_pattern(s, "A", 1, "x", 1, &e) == -1 && errno == EINVAL &&
	    strcmp(e.msg, "invalid pattern name 'A' (lower-case ASCII letters, "
	    "digits and _)") == 0);
	T(rpt_stats_pattern(s, "", 0, "x", 1, &e) == -1 && errno == EINVAL);
	T(rpt_stats_pattern(s, "chars", 5, "x", 1, &e) == -1 &&
	    strcmp(e.msg, "pattern name 'chars' is a column") == 0);
	T(rpt_stats_pattern(s, "a_1", 3, "y", 1, &e) == -1 &&
	    strcmp(e.msg, "pattern name 'a_1' given twice") == 0);
	T(rpt_stats_pattern(s, "b", 1, "(", 1, &e) == -1 && errno == EINVAL &&
	    strncmp(e.msg, "bad pattern b: ", 15) == 0 && e.line == 0);
	T(rpt_stats_npatterns(s) == 1);

	/* A file: comments, blank lines, CRLF; an error names its line. */
	if ((fd = mkstemp(path)) == -1 || (fp = fdopen(fd, "w")) == NULL) {
		T(!"a temporary file");
		rpt_stats_free(s);
		return;
	}
	fputs("# patterns\n\nb\tfoo|bar\r\nc\t[0-9]+\nd no tab\ne\tx\n", fp);
	fclose(fp);
	T(rpt_stats_load(s, path, &e) == -1 && e.line == 5 &&
	    strcmp(e.msg, "expected NAME<TAB>PATTERN") == 0);
	T(rpt_stats_npatterns(s) == 3);
	T(strcmp(rpt_stats_pattern_name(s, 1, &text), "b") == 0 &&
	    strcmp(text, "foo|bar") == 0);
	T(strcmp(rpt_stats_columns(s)[4], "c") == 0 &&
	    rpt_stats_columns(s)[5] == NULL);
	unlink(path);
	T(rpt_stats_load(s, path, &e) == -1 && errno == ENOENT && e.line == 0 &&
	    strcmp(e.msg, strerror(ENOENT)) == 0);
	rpt_stats_free(s);
	rpt_stats_free(NULL);
	rpt_facts_free(NULL);
}

int
main(void)
{
	facts();
	patterns();
	printf("facts-test: %d passed, %d failed\n", pass, fail);
	return fail > 0;
}
