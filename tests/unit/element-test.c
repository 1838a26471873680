/*
 * element-test - element.c's byte-level fast paths against what they
 * stand for: rpt_has_punct() against the character classes (chars.c) for
 * every code point, at every place of a block and past one; and the word
 * lists that has_any() and field_at() index, through rpt_is_chrome(),
 * rpt_is_boilerplate(), rpt_is_titleish() and rpt_chrome_field(), on lines
 * whose answer the rules give (each word of a list in the middle of a
 * line, after the words that share its first bytes).
 *
 * TAP: one line per check, then "element-test: N passed, M failed"; exits
 * 1 when a check failed.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "tap.h"
#include "utf8put.h"

/* What rpt_has_punct() says it looks for, by class. */
static int
punct_ref(int32_t c)
{
	return (rpt_char_class(c) & (RPT_C_STOP | RPT_C_SEMICOLON |
	    RPT_C_COLON | RPT_C_COMMA)) && c != ':' && c != '!' && c != '?';
}

/*
 * Every code point, alone and at each offset of a line of ideographs and
 * ASCII long enough for the 16-byte blocks and the last, overlapping one.
 */
static void
has_punct_all(void)
{
	char b[128];
	size_t k, pre, len;
	int32_t c;
	int bad = 0, badpos = 0;

	for (c = 1; c <= 0x10ffff; c++) {
		if (c >= 0xd800 && c <= 0xdfff)
			continue;
		k = put(b, c);
		if (rpt_has_punct(b, k) != punct_ref(c)) {
			if (bad++ < 5)
				printf("# U+%04X alone\n", (unsigned)c);
		}
	}
	check(bad == 0, "rpt_has_punct() of each code point alone");
	/* 。 ， ！ ； and ASCII ones at each offset, and none. */
	{
		static const int32_t marks[] = {
			0x3002, 0xff0c, 0xff01, 0xff1b, 0xff1a, 0xff1f, ',',
			';', ':', '!', '?', 0x3001, 0xe3, 0x3000, 0xfeff, 0
		};
		const int32_t *m;

		for (m = marks; *m != 0; m++)
			for (pre = 0; pre < 40; pre++) {
				for (len = 0; len < pre; len++)
					b[len] = len % 4 == 3 ? 'a' : 'x';
				/* Ideographs after: 政 (E6 94 BF). */
				len = pre + put(b + pre, *m);
				len += put(b + len, 0x653f);
				len += put(b + len, 0x653f);
				if (rpt_has_punct(b, len) != punct_ref(*m)) {
					if (badpos++ < 5)
						printf("# U+%04X at %zu\n",
						    (unsigned)*m, pre);
				}
				/* And last, the line cut just after it. */
				len = pre + put(b + pre, *m);
				if (rpt_has_punct(b, len) != punct_ref(*m))
					badpos++;
				/* Cut inside it: no mark. */
				if (len - pre == 3 &&
				    rpt_has_punct(b, len - 1) != 0)
					badpos++;
			}
	}
	check(badpos == 0, "rpt_has_punct() at each place of a line");
}

struct line {
	const char	*text;
	int		 want;
};

static void
lines(const char *name, int (*f)(const char *, size_t),
    const struct line *l)
{
	char what[256];

	for (; l->text != NULL; l++) {
		snprintf(what, sizeof(what), "%s(%s) = %d", name, l->text,
		    l->want);
		check(f(l->text, strlen(l->text)) == l->want, what);
	}
}

static void
chrome(void)
{
	static const struct line chrome_lines[] = {
		/* Signs anywhere (chrome_in), among words sharing bytes. */
		{ "您现在的位置：首页", 2 },
		{ "首页 当前位置 政务公开", 2 },
		{ "上一篇 下一篇", 2 },
		{ "粤ICP备12345678号", 2 },
		{ "网站标识码4400000000", 2 },
		{ "简体|繁体 无障碍", 2 },
		{ "当前的 位置", 0 },
		/* Fields and widgets at a field's start. */
		{ "发布时间：2024-01-02 来源：市政府", 2 },
		{ "[ 索 引 号 ] 123", 2 },
		{ "发布日期：2024-01-02", 2 },
		{ "时间:2024-01-02 浏览次数:12", 2 },
		{ "备注/文号：无 主题分类：其他", 2 },
		{ "大 中 小", 2 },
		{ "【大】【中】【小】", 0 },
		{ "【 大 】 【 中 】", 2 },
		{ "打印 关闭", 2 },
		{ "| 打印本页 | 关闭窗口 |", 2 },
		{ "视力保护色 默认 护眼", 2 },
		{ "大力发展 中小企业", 0 },
		{ "发布会", 0 },
		{ "时间", 2 },
		{ "来源", 2 },
		{ "x时间：2024", 0 },
		{ "编辑：张三", 2 },
		{ "责任编辑：李四", 2 },
		{ "一、总体要求", 0 },
		{ "加强生态系统保护修复", 0 },
		{ "• 2020-05-07", 1 },
		{ "首页 > 政务公开", 2 },
		{ ">", 3 },
		{ "今天是2024年1月2日 星期二", 2 },
		{ "主办：某市人民政府", 2 },
		{ "继续推进改革，扩大开放", 0 },
		{ NULL, 0 }
	};
	static const struct line boiler_lines[] = {
		{ "版权所有：某市人民政府", 2 },
		{ "扫一扫在手机打开当前页", 2 },
		{ "字号：大 中 小", 2 },
		{ "Public domain", 2 },
		{ "打印", 1 },
		{ "【关闭】", 1 },
		{ "来源：人民日报", 1 },
		{ "版权", 0 },
		{ "推进高质量发展", 0 },
		{ NULL, 0 }
	};
	static const struct line title_lines[] = {
		{ "某市2024年政府工作报告", 1 },
		{ "某区2024年工作总结", 1 },
		{ "2025年工作要点", 1 },
		{ "某县政府工作报  告", 1 },
		{ "关于某事的通知", 1 },
		{ "某局工作", 0 },
		{ NULL, 0 }
	};
	const char *v, *t = "发布时间：2024-01-02 来源：市政府 浏览次数：5";
	size_t n;

	lines("rpt_is_chrome", rpt_is_chrome, chrome_lines);
	lines("rpt_is_boilerplate", rpt_is_boilerplate, boiler_lines);
	lines("rpt_is_titleish", rpt_is_titleish, title_lines);
	n = rpt_chrome_field(t, strlen(t), "来源", &v);
	check(n == strlen("市政府") && memcmp(v, "市政府", n) == 0,
	    "rpt_chrome_field(来源) up to the next field");
	n = rpt_chrome_field(t, strlen(t), "发布时间", &v);
	check(n == strlen("2024-01-02") && memcmp(v, "2024-01-02", n) == 0,
	    "rpt_chrome_field(发布时间)");
}

int
main(void)
{
	has_punct_all();
	chrome();
	return tap_end("element-test");
}
