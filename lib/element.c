/*
 * element.c - what one paragraph looks like on its own: a date, a 发文字号,
 * a line of organ names, a title, a web-page remnant.  These are the
 * features the document model (doc.c) weighs together with a paragraph's
 * place in the document; nothing here looks at neighbours.
 *
 * The rules are written for the genre (GB/T 9704 公文 and the web pages
 * and converters reports pass through), never for one sample file.
 */
#include <string.h>

#include "internal.h"

/* A word of a list, with its length (WORD("报告")): no strlen() a call. */
struct word {
	const char	*s;
	size_t		 len;
};

#define WORD(lit)	{ (lit), sizeof(lit) - 1 }

/* Does p contain the UTF-8 string s? */
static int
has(const char *p, size_t n, const char *s)
{
	return rpt_memmem(p, n, s, strlen(s)) != NULL;
}

/*
 * Has p at most k non-white characters (rpt_count_chars())?  Surely when
 * it has at most k bytes: no count for most short lines.
 */
static int
at_most(const char *p, size_t n, size_t k)
{
	return n <= k || rpt_count_chars(p, n) <= k;
}

/*
 * Inline: most words are literals, whose length and first bytes the
 * compiler then knows.
 */
static inline int
starts(const char *p, size_t n, const char *s)
{
	size_t k;

	/*
	 * The first two bytes first: most calls end there, and the second
	 * byte is what tells apart the Han characters that share a lead.
	 */
	return n > 0 && p[0] == s[0] && (s[1] == '\0' || (n > 1 &&
	    p[1] == s[1])) && n >= (k = strlen(s)) && memcmp(p, s, k) == 0;
}

/*
 * The hash of a place (or a word) of a struct rpt_wordset that starts with
 * the bytes a, b: a place in the 1024 of its index.
 */
static unsigned
wordset_key(const struct rpt_wordset *ws, unsigned char a, unsigned char b)
{
	if (ws->one_ascii && a < 0x80)
		b = 0;
	return ((unsigned)a * 31U + b) & 1023U;
}

/*
 * The index of ws, built once.  Two threads that build it at once write
 * the same bytes; the flag goes up (release) only after them, so a thread
 * that sees it (acquire) sees the whole index.
 */
static const struct rpt_wordindex *
wordset_index(struct rpt_wordset *ws)
{
	struct rpt_wordindex ix;
	unsigned h;
	int i, ready;

#if defined(__GNUC__)
	ready = __atomic_load_n(&ws->ready, __ATOMIC_ACQUIRE);
#else
	ready = ws->ready;
#endif
	if (ready)
		return &ws->ix;
	memset(&ix, 0, sizeof(ix));
	for (i = 0; ws->words[i] != NULL; i++)
		continue;
	/* From the last word back, so that each chain is in list order. */
	while (i-- > 0) {
		h = wordset_key(ws, (unsigned char)ws->words[i][0],
		    (unsigned char)ws->words[i][1]);
		ix.next[i] = ix.first[h];
		ix.first[h] = (unsigned char)(i + 1);
	}
	memcpy(&ws->ix, &ix, sizeof(ix));
#if defined(__GNUC__)
	__atomic_store_n(&ws->ready, 1, __ATOMIC_RELEASE);
#else
	ws->ready = 1;
#endif
	return &ws->ix;
}

/* Does one of the words of ws (its index ix) start at p, n > 1? */
static inline int
word_here(const struct rpt_wordset *ws, const struct rpt_wordindex *ix,
    const char *p, size_t n)
{
	unsigned w;

	for (w = ix->first[wordset_key(ws, (unsigned char)p[0],
	    (unsigned char)p[1])]; w != 0; w = ix->next[w - 1])
		if (starts(p, n, ws->words[w - 1]))
			return 1;
	return 0;
}

/*
 * Does p contain one of the words of ws?  One pass instead of one search
 * per word, through the index.
 */
static int
has_any(const char *p, size_t n, struct rpt_wordset *ws)
{
	/*
	 * No word starts inside a character: from one character to the
	 * next by the length its first byte gives (1 for a continuation
	 * byte, which valid UTF-8 does not start with), without a test.
	 */
	static const unsigned char step[16] = {
		1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 3, 4
	};
	const struct rpt_wordindex *ix = wordset_index(ws);
	size_t i;

	for (i = 0; i + 1 < n; i += step[(unsigned char)p[i] >> 4])
		if (word_here(ws, ix, p + i, n - i))
			return 1;
	return 0;
}

int
rpt_starts_any(const char *p, size_t n, struct rpt_wordset *ws)
{
	return n > 1 && word_here(ws, wordset_index(ws), p, n);
}

static int
ends(const char *p, size_t n, const char *s)
{
	size_t k = strlen(s);

	return n >= k && memcmp(p + n - k, s, k) == 0;
}

/* Skip white space at p; returns the new position. */
static size_t
skip_space(const char *p, size_t n, size_t i)
{
	int32_t c;
	size_t k;

	while (i < n) {
		k = rpt_utf8_decode(p + i, n - i, &c);
		if (!rpt_is_space(c))
			break;
		i += k;
	}
	return i;
}

/*
 * A number at p + *i: ASCII or full-width digits (at most maxd of them), or
 * Chinese numerals.  In years each Chinese digit stands for itself
 * (二〇二三); in months and days they are read as a number (十二, 二十五).
 * Returns the value, or -1.
 */
static int
date_number(const char *p, size_t n, size_t *i, int maxd, int year)
{
	size_t j = *i, k;
	int v = 0, digits = 0, d;
	uint32_t f;
	int32_t c;

	while (j < n && digits < maxd) {
		k = rpt_utf8_decode(p + j, n - j, &c);
		f = rpt_char_class(c);
		if (f & RPT_C_DIGIT)
			d = RPT_C_VALUE(f);
		else if (year && (f & RPT_C_CN_DIGIT))	/* 〇 零 ○ 一 to 九 */
			d = RPT_C_VALUE(f);
		else if (year && (c == RPT_CH_GREEK_OMICRON || c == 'O'))
			d = 0;			/* Ο O typed for 〇 */
		else
			break;
		v = v * 10 + d;
		digits++;
		j += k;
	}
	if (digits > 0) {
		*i = j;
		return v;
	}
	if (year)
		return -1;
	/* 一 to 三十一 for months and days. */
	if ((k = rpt_cn_number(p + j, n - j, &v)) == 0)
		return -1;
	*i = j + k;
	return v;
}

int
rpt_parse_date(const char *p, size_t n, int *y, int *m, int *d)
{
	size_t i = skip_space(p, n, 0);

	*y = date_number(p, n, &i, 4, 1);
	if (*y < 1000)
		return 0;
	i = skip_space(p, n, i);
	if (!starts(p + i, n - i, "年"))
		return 0;
	i = skip_space(p, n, i + 3);
	*m = date_number(p, n, &i, 2, 0);
	if (*m < 1 || *m > 12)
		return 0;
	i = skip_space(p, n, i);
	if (!starts(p + i, n - i, "月"))
		return 0;
	i = skip_space(p, n, i + 3);
	*d = date_number(p, n, &i, 2, 0);
	if (*d < 1 || *d > 31)
		return 0;
	i = skip_space(p, n, i);
	if (!starts(p + i, n - i, "日") && !starts(p + i, n - i, "号"))
		return 0;
	return skip_space(p, n, i + 3) == n;
}

/* Brackets around the year of a 发文字号: 〔〕, and the common wrong ones. */
static int	docno(const char *, size_t);

static const char *const year_open[] = {
	"〔", "［", "[", "（", "(", "【", "〖", NULL
};
static const char *const year_close[] = {
	"〕", "］", "]", "）", ")", "】", "〗", NULL
};

int
rpt_is_docno(const char *p, size_t n)
{
	return rpt_docno_len(p, n) > 0;
}

size_t
rpt_docno_len(const char *p, size_t n)
{
	const char *q;
	size_t len;

	/* 惠委〔2026〕17号 签发人：庄某某: the 签发人 goes with it. */
	if ((q = rpt_memmem(p, n, "签发人", 9)) != NULL && q > p) {
		len = (size_t)(q - p);
		rpt_trim(&p, &len);
		return docno(p, len) ? len : 0;
	}
	return docno(p, n) ? n : 0;
}

static int
docno(const char *p, size_t n)
{
	size_t i, k, j;
	int32_t c;
	int digits, b;

	if (n > 60 || has(p, n, "ICP") || has(p, n, "备") || !ends(p, n, "号"))
		return 0;
	/* Organ code (at least one Han character), then 〔YYYY〕. */
	for (i = 0; i < n; i += k) {
		k = rpt_utf8_decode(p + i, n - i, &c);
		for (b = 0; year_open[b] != NULL; b++)
			if (starts(p + i, n - i, year_open[b]))
				break;
		if (year_open[b] != NULL)
			break;
		if (!rpt_is_han(c))
			return 0;
	}
	if (i == 0 || i >= n)
		return 0;
	j = i + strlen(year_open[b]);
	for (digits = 0; j < n && p[j] >= '0' && p[j] <= '9'; j++)
		digits++;
	if (digits != 4 || !starts(p + j, n - j, year_close[b]))
		return 0;
	j += strlen(year_close[b]);
	/* Serial number, then 号 at the end. */
	for (digits = 0; j < n && p[j] >= '0' && p[j] <= '9'; j++)
		digits++;
	return digits > 0 && j + 3 == n;
}

/*
 * Web-page remnants and buttons.  The first list is matched anywhere in a
 * short line; the second only as the whole line, brackets and colons
 * aside, since such words are common in text.
 */
static const char *const boiler_in[] = {
	"热门词汇", "版权所有", "ICP备", "公网安备", "网站标识码", "打印本页",
	"扫一扫在手机打开", "相关报道", "相关文档", "相关链接", "关闭窗口",
	"Public domain", "public domain", "当前位置", "您的位置", "分享到",
	"字号：", "字号:", "字体：", "字体:", "责任编辑", "主办单位", "技术支持",
	"网站地图", "联系我们", "浏览次数", "阅读次数", "发布时间", "发布日期",
	NULL
};
static struct rpt_wordset boiler_in_set = RPT_WORDSET(boiler_in, 0);
RPT_WORDSET_FITS(boiler_in);
static const struct word boiler_line[] = {
	WORD("下载"), WORD("打印"), WORD("全屏"), WORD("收藏"), WORD("分享"),
	WORD("首页"), WORD("加大"), WORD("还原"), WORD("减小"), WORD("关闭"),
	WORD("返回顶部"), WORD("大"), WORD("中"), WORD("小"), WORD("来源"),
	WORD("编辑"), WORD(">"), WORD("×"), WORD("【"), WORD("】"),
	{ NULL, 0 }
};

int
rpt_is_boilerplate(const char *p, size_t n)
{
	const struct word *w;
	const char *q = p;
	size_t qn = n;

	if (at_most(p, n, 60) && has_any(p, n, &boiler_in_set))
		return 2;
	/* Whole-line words: drop 【】 and a final colon first. */
	if (starts(q, qn, "【")) {
		q += 3;
		qn -= 3;
	}
	if (ends(q, qn, "】"))
		qn -= 3;
	if (ends(q, qn, "："))
		qn -= 3;
	else if (ends(q, qn, ":"))
		qn -= 1;
	rpt_trim(&q, &qn);
	if (qn == 0)
		return n > 0 && at_most(p, n, 2);
	for (w = boiler_line; w->s != NULL; w++)
		if (qn == w->len && memcmp(q, w->s, qn) == 0)
			return 1;
	/* 来源：XX日报 and （来源：XX日报） */
	if ((starts(q, qn, "来源") || starts(q, qn, "（来源") ||
	    starts(q, qn, "(来源")) && at_most(p, n, 30))
		return 1;
	return 0;
}

/*
 * Page chrome: what a web page puts around a report.  Field labels of
 * publication lines and of the metadata rows of 政府信息公开 pages, as
 * they are written (letter-spaced too: 索 引 号), each followed by a colon
 * or closing a bracket ([ 索引号 ]).  A label must start the line or a
 * field: after white space, a bracket or a bar.
 */
static const char *const chrome_fields[] = {
	"发布时间", "发布日期", "发布机构", "发布者", "发布人", "发表时间",
	"发表日期", "更新时间", "更新日期", "录入时间", "日期", "时间",
	"来源", "信息来源", "文章来源", "稿件来源", "作者", "点击数", "点击率",
	"点击量", "浏览次数", "浏览量", "浏览", "阅读次数", "阅读量", "访问量",
	"字号", "字体", "视力保护色", "打印", "关闭", "分享", "朗读", "收藏",
	"索引号", "公文生成日期", "生成日期", "成文日期", "发文日期", "文号",
	"备注/文号", "发文字号", "发文机关", "主题分类", "主题词", "体裁分类",
	"组配分类", "信息分类", "有效性", "生效日期", "废止日期", "信息名称",
	"内容概述", "所属机构", "公开方式", "公开范围", "公开时限", "标题",
	"责任编辑", "编辑", NULL
};
static struct rpt_wordset chrome_fields_set = RPT_WORDSET(chrome_fields, 0);
RPT_WORDSET_FITS(chrome_fields);
/* Words of page widgets, chrome as whole words on a line of chrome. */
static const char *const chrome_widgets[] = {
	"大", "中", "小", "打印", "关闭", "分享", "朗读", "收藏", "视力保护色",
	"默认", "护眼", "关闭窗口", "打印本页", "【", "】", "[", "]", "|", NULL
};
static struct rpt_wordset chrome_widgets_set = RPT_WORDSET(chrome_widgets, 1);
RPT_WORDSET_FITS(chrome_widgets);
/* Signs of chrome anywhere in a line without a sentence in it. */
static const char *const chrome_in[] = {
	"当前位置", "当前的位置", "您的位置", "所在位置", "现在的位置",
	"无障碍", "简体|繁体", "繁体|简体", "相关词条", "热门词条", "上一篇",
	"下一篇", "责任编辑", "网站标识码", "ICP备", "公网安备", "版权所有",
	NULL
};
static struct rpt_wordset chrome_in_set = RPT_WORDSET(chrome_in, 0);
RPT_WORDSET_FITS(chrome_in);

/*
 * Does p hold 。， or ；?  One pass where three searches went: the first byte
 * of each is E3 or EF, which Han text has only in its punctuation.
 */
static int
sentence_marks(const char *p, size_t n)
{
	const unsigned char *u = (const unsigned char *)p;
	size_t i = 0;

#ifdef __SSE2__
	__m128i x;
	unsigned bits;

	for (; i + 16 <= n; i += 16) {
		x = _mm_loadu_si128((const __m128i *)(const void *)(u + i));
		for (bits = (unsigned)_mm_movemask_epi8(_mm_or_si128(
		    _mm_cmpeq_epi8(x, _mm_set1_epi8((char)0xe3)),
		    _mm_cmpeq_epi8(x, _mm_set1_epi8((char)0xef)))); bits != 0;
		    bits &= bits - 1) {
			size_t j = i + (size_t)__builtin_ctz(bits);

			if (j + 3 <= n && (memcmp(p + j, "。", 3) == 0 ||
			    memcmp(p + j, "，", 3) == 0 ||
			    memcmp(p + j, "；", 3) == 0))
				return 1;
		}
	}
#endif
	for (; i + 3 <= n; i++)
		if ((u[i] == 0xe3 || u[i] == 0xef) &&
		    (memcmp(p + i, "。", 3) == 0 || memcmp(p + i, "，", 3) == 0 ||
		    memcmp(p + i, "；", 3) == 0))
			return 1;
	return 0;
}

/* Longest line that a sign of chrome anywhere in it makes chrome. */
#define CHROME_SIGN_MAX	120

/*
 * The end of the word w at p + i when p spells it there, white space
 * allowed between its characters (索 引 号); 0 if it does not.
 */
static size_t
spaced_at(const char *p, size_t n, size_t i, const char *w)
{
	size_t k, wk, wn = strlen(w);
	int32_t c, wc;

	for (; *w != '\0'; w += wk, wn -= wk) {
		if (i >= n)
			return 0;
		wk = rpt_utf8_decode(w, wn, &wc);
		k = rpt_utf8_decode(p + i, n - i, &c);
		if (c != wc)
			return 0;
		i = skip_space(p, n, i + k);
	}
	return i;
}

/* Does a field start after the character c (0 at the start)? */
static int
field_boundary(int32_t c)
{
	return c == 0 || rpt_is_space(c) || c == '[' || c == ']' ||
	    c == '|' || c == RPT_CH_LLENTIC || c == RPT_CH_RLENTIC ||
	    c == RPT_CH_BULLET || c == RPT_CH_FW_LBRACKET ||
	    c == RPT_CH_FW_RBRACKET;
}

/*
 * The end of the field label w at p + i, with its colon or closing
 * bracket; 0 if it is not there.
 */
static size_t
label_at(const char *p, size_t n, size_t i, const char *w)
{
	size_t j, e;

	/*
	 * The first character's three bytes (every label's is Han) rule
	 * out nearly every label: spaced_at() decodes it equal only when
	 * they are.
	 */
	if (w[0] != p[i] || (i + 1 < n && w[1] != p[i + 1]) ||
	    (i + 2 < n && w[2] != p[i + 2]) ||
	    (j = spaced_at(p, n, i, w)) == 0)
		return 0;
	if (j >= n)
		return j;
	if ((e = starts(p + j, n - j, "：") ? 3 : 0) > 0 ||
	    (e = starts(p + j, n - j, "】") ? 3 : 0) > 0 ||
	    p[j] == ':' || p[j] == ']')
		return j + (e ? e : 1);
	return 0;
}

/* The end of the widget word w standing alone at p + i; 0 if it is not. */
static size_t
widget_at(const char *p, size_t n, size_t i, const char *w)
{
	size_t j;
	int32_t c;

	/* So for a widget's: a second byte, if its first has one. */
	if (w[0] != p[i] || ((unsigned char)w[0] >= 0x80 && i + 1 < n &&
	    w[1] != p[i + 1]) || (j = spaced_at(p, n, i, w)) == 0)
		return 0;
	rpt_utf8_prev(p, j, &c);
	/* The word ends there: the end, or white space follows. */
	return j >= n || rpt_is_space(c) || field_boundary(c) ? j : 0;
}

/*
 * The field label at p + i, with its colon or closing bracket: returns
 * the end, 0 if none.  *widget is set for a widget word standing alone.
 * The labels first, then the widgets, each in the order of its list.
 */
static size_t
field_at(const char *p, size_t n, size_t i, int *widget)
{
	const struct rpt_wordindex *fx, *wx;
	const char *const *w;
	size_t j;
	unsigned x;

	*widget = 0;
	/*
	 * Only the words whose first two bytes hash as the place's may be
	 * there (a word matches only where its first two bytes do, as
	 * label_at() and widget_at() ask): most places start none.
	 */
	if (i + 1 < n) {
		fx = wordset_index(&chrome_fields_set);
		for (x = fx->first[wordset_key(&chrome_fields_set,
		    (unsigned char)p[i], (unsigned char)p[i + 1])]; x != 0;
		    x = fx->next[x - 1])
			if ((j = label_at(p, n, i, chrome_fields[x - 1])) > 0)
				return j;
		wx = wordset_index(&chrome_widgets_set);
		for (x = wx->first[wordset_key(&chrome_widgets_set,
		    (unsigned char)p[i], (unsigned char)p[i + 1])]; x != 0;
		    x = wx->next[x - 1]) {
			j = widget_at(p, n, i, chrome_widgets[x - 1]);
			if (j > 0) {
				*widget = 1;
				return j;
			}
		}
		return 0;
	}
	/* The last byte of the line: each word. */
	for (w = chrome_fields; *w != NULL; w++)
		if ((j = label_at(p, n, i, *w)) > 0)
			return j;
	for (w = chrome_widgets; *w != NULL; w++)
		if ((j = widget_at(p, n, i, *w)) > 0) {
			*widget = 1;
			return j;
		}
	return 0;
}

/*
 * Count the fields and widget words of a line, and whether all of it is
 * made of them (a line of widgets: 大 中 小 打印 关闭).
 */
static void
count_fields(const char *p, size_t n, int *fields, int *first, int *only)
{
	size_t i, k, e;
	int32_t c, prev;
	int widget, lone = 1, after = 1;	/* field_boundary(prev) */

	*fields = *first = 0;
	for (i = 0; i < n; i += k) {
		/*
		 * A Han character (U+4000-9FFF) within a word: no white space,
		 * no boundary, and no field starts at it; the byte says so
		 * without decoding it.
		 */
		if (!after && rpt_han_lead((unsigned char)p[i]) && i + 3 <= n) {
			lone = 0;
			k = 3;
			continue;
		}
		k = rpt_utf8_decode(p + i, n - i, &c);
		if (after && !rpt_is_space(c) &&
		    (e = field_at(p, n, i, &widget)) > 0) {
			if (!widget) {
				*first |= *fields == 0 && i <= 4;
				(*fields)++;
			}
			i = e;
			k = 0;
			rpt_utf8_prev(p, i, &prev);
			after = field_boundary(prev);
			continue;
		}
		if (!rpt_is_space(c) && !field_boundary(c))
			lone = 0;
		after = field_boundary(c);
	}
	*only = lone;
}

/*
 * A breadcrumb: 首页 > 政务公开 > …, or its continuation > 政务公开: 1, or
 * 2 for a separator alone on its line (a breadcrumb cut into lines).
 */
static int
breadcrumb(const char *p, size_t n)
{
	const char *const seps[] = { ">", "»", "＞", "›", NULL };
	const char *const *s;
	size_t i;

	if (starts(p, n, "首页") || starts(p, n, "主页") ||
	    starts(p, n, "网站首页")) {
		i = skip_space(p, n, starts(p, n, "网站首页") ? 12 : 6);
		if (i == n)
			return 1;
		for (s = seps; *s != NULL; s++)
			if (starts(p + i, n - i, *s))
				return 1;
	}
	for (s = seps; *s != NULL; s++)
		if (starts(p, n, *s))
			return strlen(*s) == n ? 2 : 1;
	return 0;
}

/* ASCII digits from p[*i]: their value (at most 99999), -1 if none. */
static long
digits_at(const char *p, size_t n, size_t *i)
{
	long v = 0;
	size_t start = *i;

	while (*i < n && p[*i] >= '0' && p[*i] <= '9' && *i - start < 5)
		v = v * 10 + (p[(*i)++] - '0');
	return *i > start ? v : -1;
}

/* Is p[*i] a dash (— - – －), one or two of them?  Moves past them. */
static int
dash_at(const char *p, size_t n, size_t *i)
{
	static const struct word dashes[] = {
		WORD("—"), WORD("－"), WORD("–"), WORD("-"), { NULL, 0 }
	};
	const struct word *d;
	int seen = 0;

	for (;;) {
		for (d = dashes; d->s != NULL; d++)
			if (*i + d->len <= n && p[*i] == d->s[0] &&
			    memcmp(p + *i, d->s, d->len) == 0)
				break;
		if (d->s == NULL || seen == 2)
			return seen;
		*i += d->len;
		seen++;
	}
}

int
rpt_is_page_number(const char *p, size_t n)
{
	size_t i = 0;
	long a, b;

	/* — 1 —, - 1 -, —1— */
	if (dash_at(p, n, &i)) {
		i = skip_space(p, n, i);
		if (digits_at(p, n, &i) < 0)
			return 0;
		i = skip_space(p, n, i);
		return dash_at(p, n, &i) && skip_space(p, n, i) == n;
	}
	/* 第 1 页 共 5 页, 第1页, 第 1 页／共 5 页 */
	if (n >= 3 && memcmp(p, "第", 3) == 0) {
		i = 3;
		i = skip_space(p, n, i);
		if (digits_at(p, n, &i) < 0)
			return 0;
		i = skip_space(p, n, i);
		if (i + 3 > n || memcmp(p + i, "页", 3) != 0)
			return 0;
		i += 3;
		i = skip_space(p, n, i);
		if (i < n && (p[i] == '/' || p[i] == ',')) {
			i++;
			i = skip_space(p, n, i);
		} else if (i + 3 <= n && (memcmp(p + i, "／", 3) == 0 ||
		    memcmp(p + i, "，", 3) == 0)) {
			i += 3;
			i = skip_space(p, n, i);
		}
		if (i == n)
			return 1;
		if (i + 3 > n || memcmp(p + i, "共", 3) != 0)
			return 0;
		i += 3;
		i = skip_space(p, n, i);
		if (digits_at(p, n, &i) < 0)
			return 0;
		i = skip_space(p, n, i);
		return i + 3 == n && memcmp(p + i, "页", 3) == 0;
	}
	/* 1/5, 1 / 5: the page is not past the count. */
	if ((a = digits_at(p, n, &i)) < 1)
		return 0;
	i = skip_space(p, n, i);
	if (i >= n || p[i] != '/')
		return 0;
	i++;
	i = skip_space(p, n, i);
	b = digits_at(p, n, &i);
	return b >= a && i == n;
}

int
rpt_is_chrome(const char *p, size_t n)
{
	size_t chars;
	int fields, first, only, b;

	/* No sentence: no 。, and no ， or ； that go on with one. */
	if (n == 0 || n > 4 * CHROME_MAX || sentence_marks(p, n) ||
	    (chars = rpt_count_chars(p, n)) > CHROME_MAX)
		return 0;
	if (chars <= CHROME_SIGN_MAX && has_any(p, n, &chrome_in_set))
		return 2;
	if ((b = breadcrumb(p, n)) > 0)
		return b == 2 ? 3 : 2;
	/* A site header: a date with its weekday, 星期一. */
	if (has(p, n, "星期") && chars <= 40 && has(p, n, "年"))
		return 2;
	/* 主办：XX市人民政府, not 成功承办全省…会议. */
	if ((starts(p, n, "主办") || starts(p, n, "承办")) &&
	    (has(p, n, "：") || has(p, n, ":")) && chars <= 60)
		return 2;
	count_fields(p, n, &fields, &first, &only);
	if (fields >= 2 || (fields == 1 && first && chars <= 60) ||
	    (only && chars <= 20))
		return 2;
	/* A bulleted value among metadata rows: • 2020-05-07. */
	if (chars <= 40 && !rpt_has_punct(p, n) &&
	    (starts(p, n, "•") || starts(p, n, "●") || starts(p, n, "▪") ||
	    starts(p, n, "- ")))
		return 1;
	return 0;
}

size_t
rpt_chrome_field(const char *p, size_t n, const char *label,
    const char **val)
{
	size_t i, k, j, e, end;
	int32_t c, prev = 0;
	int widget;

	for (i = 0; i < n; i += k) {
		k = rpt_utf8_decode(p + i, n - i, &c);
		if (!field_boundary(prev) || rpt_is_space(c) ||
		    (j = spaced_at(p, n, i, label)) == 0) {
			prev = c;
			continue;
		}
		/* The label, then its colon or closing bracket. */
		if ((e = j < n && (starts(p + j, n - j, "：") ||
		    starts(p + j, n - j, "】")) ? 3 : j < n &&
		    (p[j] == ':' || p[j] == ']') ? 1 : 0) == 0) {
			prev = c;
			continue;
		}
		*val = p + (j = skip_space(p, n, j + e));
		/* The value runs to the next field or the end of the line. */
		for (end = j, prev = 0; end < n; end += k) {
			k = rpt_utf8_decode(p + end, n - end, &c);
			if (field_boundary(prev) && !rpt_is_space(c) &&
			    (c == '[' || c == RPT_CH_LLENTIC ||
			    (field_at(p, n, end, &widget) > 0 && !widget)))
				break;
			prev = c;
		}
		e = end - j;
		rpt_trim(val, &e);
		return e;
	}
	*val = p + n;
	return 0;
}

/* Suffixes of organ names, longest first where one ends another. */
static const struct word organs[] = {
	WORD("委员会"), WORD("人民政府"), WORD("人民代表大会常务委员会"),
	WORD("政府"), WORD("办公室"), WORD("办公厅"), WORD("党委"),
	WORD("党组"), WORD("党工委"), WORD("工委"), WORD("管委会"),
	WORD("管理委员会"), WORD("办事处"), WORD("街道"), WORD("司法局"),
	WORD("局"), WORD("厅"), WORD("委"), WORD("办"), WORD("院"), WORD("部"),
	WORD("处"), WORD("中心"), WORD("所"), { NULL, 0 }
};

/* Does the word [p, p + n) end in an organ suffix? */
static int
organ_word(const char *p, size_t n)
{
	const struct word *o;

	/*
	 * A word has no white space, and at most four bytes a character:
	 * more than eight bytes are three characters or more.
	 */
	if (n <= 8 && rpt_count_chars(p, n) < 3)
		return 0;
	for (o = organs; o->s != NULL; o++)
		if (n >= o->len && p[n - 1] == o->s[o->len - 1] &&
		    memcmp(p + n - o->len, o->s, o->len) == 0)
			return 1;
	return 0;
}

int
rpt_is_organ_line(const char *p, size_t n)
{
	const unsigned char *u = (const unsigned char *)p;
	size_t i = 0, start, k;
	int32_t c;
	int words = 0;

	if (!at_most(p, n, 50))
		return 0;
	/* Organ names separated by white space, all Han. */
	while (i < n) {
		i = skip_space(p, n, i);
		if (i >= n)
			break;
		start = i;
		while (i < n) {
			/* A common ideograph (U+4E00-9FFF) without decoding. */
			if (n - i >= 3 && (u[i] - 0xe5U <= 4U ||
			    (u[i] == 0xe4 && u[i + 1] >= 0xb8))) {
				i += 3;
				continue;
			}
			k = rpt_utf8_decode(p + i, n - i, &c);
			if (rpt_is_space(c))
				break;
			if (!rpt_is_han(c) && c != RPT_CH_FW_LPAREN &&
			    c != RPT_CH_FW_RPAREN && c != '(' && c != ')')
				return 0;
			i += k;
		}
		if (!organ_word(p + start, i - start))
			return 0;
		words++;
	}
	return words > 0;
}

/* 文种 and the words a report's title carries. */
static const char *const title_words[] = {
	"报告", "总结", "汇报", "自查", "工作要点", "计划", "讲话", "报  告",
	NULL
};
static struct rpt_wordset title_words_set = RPT_WORDSET(title_words, 0);
RPT_WORDSET_FITS(title_words);

int
rpt_is_titleish(const char *p, size_t n)
{
	/* A title is a name, not a sentence: no 。；，：. */
	if (!at_most(p, n, 80) || sentence_marks(p, n) ||
	    has(p, n, "：") || memchr(p, ',', n) != NULL)
		return 0;
	if (starts(p, n, "关于"))
		return 1;
	/* A dateline names the report: 2025年1月14日在…会议上…作政府工作报告. */
	if (has(p, n, "会议上"))
		return 0;
	if (has_any(p, n, &title_words_set))
		return 1;
	/* A page's headline: 2025年某县法治政府建设情况. */
	return has(p, n, "法治政府建设") && (ends(p, n, "情况") ||
	    ends(p, n, "年报") || ends(p, n, "工作"));
}

/* Does the joined title already end like a title (…报告, …总结)? */
int
rpt_title_complete(const char *p, size_t n)
{
	static const char *const tails[] = {
		"报告", "总结", "汇报", "要点", "计划", "情况", "讲话", NULL
	};
	const char *const *w;

	for (w = tails; *w != NULL; w++)
		if (ends(p, n, *w))
			return 1;
	return 0;
}

int
rpt_is_subtitle(const char *p, size_t n)
{
	if (!at_most(p, n, 80) || has(p, n, "。"))
		return 0;
	/* ——2026年1月26日在…会议上, perhaps cut after 在广东省第十四届. */
	if ((starts(p, n, "——") || starts(p, n, "――") || starts(p, n, "—") ||
	    starts(p, n, "－－") || starts(p, n, "--")) &&
	    (has(p, n, "会议") || has(p, n, "大会") ||
	    (has(p, n, "年") && has(p, n, "在"))))
		return 1;
	if ((starts(p, n, "（") || starts(p, n, "(")) &&
	    (has(p, n, "会议上") || has(p, n, "大会上")))
		return 1;
	/* The same dateline without its dash: 2026年1月27日在…会议上 */
	return ends(p, n, "会议上") && has(p, n, "年") && has(p, n, "在");
}

/* Offices of those who deliver a 政府工作报告. */
static const char *const offices[] = {
	"总理", "省长", "市长", "州长", "县长", "区长", "盟长", "主席",
	"代理主席", "代省长", "代市长", "代县长", "代理省长", "代理市长", NULL
};

int
rpt_is_author(const char *p, size_t n, int *office_only)
{
	const char *const *o;
	const char *q;
	size_t i, k, nameq;
	int32_t c;

	*office_only = 0;
	if (!at_most(p, n, 20) || has(p, n, "。") || has(p, n, "，"))
		return 0;
	/* Every office ends in 长, 理 or 席: three searches where 14 were. */
	if (!has(p, n, "长") && !has(p, n, "理") && !has(p, n, "席"))
		return 0;
	for (o = offices; *o != NULL; o++) {
		if ((q = rpt_memmem(p, n, *o, strlen(*o))) == NULL)
			continue;
		i = (size_t)(q - p) + strlen(*o);
		if (skip_space(p, n, i) == n) {
			/* 国务院总理 alone: the name is on the next line. */
			*office_only = 1;
			return 1;
		}
		/* Then white space and a name of two to four characters. */
		if ((i = skip_space(p, n, i)) == (size_t)(q - p) + strlen(*o))
			continue;
		for (nameq = 0; i < n; i += k) {
			k = rpt_utf8_decode(p + i, n - i, &c);
			if (rpt_is_space(c))
				continue;
			if (!rpt_is_han(c) && c != RPT_CH_MIDDLE_DOT &&
			    c != RPT_CH_KATAKANA_DOT)
				return 0;
			nameq++;
		}
		return nameq >= 2 && nameq <= 6;
	}
	return 0;
}

int
rpt_is_person_name(const char *p, size_t n)
{
	size_t i, k, chars = 0;
	int32_t c;

	for (i = 0; i < n; i += k) {
		k = rpt_utf8_decode(p + i, n - i, &c);
		if (rpt_is_space(c))
			continue;
		if (!rpt_is_han(c) && c != RPT_CH_MIDDLE_DOT)
			return 0;
		chars++;
	}
	return chars >= 2 && chars <= 4;
}

int
rpt_is_addressee(const char *p, size_t n)
{
	size_t chars = rpt_count_chars(p, n);

	if (chars < 2 || chars > 30 || has(p, n, "。"))
		return 0;
	return ends(p, n, "：") || ends(p, n, ":");
}

int
rpt_ends_sentence(const char *p, size_t n)
{
	return rpt_end_mark(p, n) != 0;
}

int
rpt_end_mark(const char *p, size_t n)
{
	uint32_t f;
	int32_t c;
	size_t k;

	/* Most paragraphs end in 。: it needs no decoding. */
	if (n >= 3 && memcmp(p + n - 3, "。", 3) == 0)
		return 2;
	/* Look through closing marks: （详见附件。） ends a sentence. */
	while (n > 0) {
		k = rpt_utf8_prev(p, n, &c);
		f = rpt_char_class(c);
		if (f & RPT_C_CLOSE) {
			n -= k;
			continue;
		}
		/* 。！？!?；;：:… end a sentence or a lead-in. */
		if (f & (RPT_C_STOP | RPT_C_SEMICOLON | RPT_C_COLON |
		    RPT_C_ELLIPSIS))
			return 2;
		/* ，,、: the sentence goes on. */
		if (f & (RPT_C_COMMA | RPT_C_IDEO_COMMA))
			return 1;
		return 0;
	}
	return 0;
}

/*
 * Is the character at u + j, which starts with one of the bytes
 * rpt_has_punct() looks for, one of its marks?  E3 and EF only lead.
 */
static int
punct_at(const unsigned char *u, size_t j, size_t n)
{
	if (u[j] < 0x80)
		return 1;			/* , ; */
	if (j + 3 > n)
		return 0;
	if (u[j] == 0xe3)			/* 。 */
		return u[j + 1] == 0x80 && u[j + 2] == 0x82;
	/* ！ ， ： ； ？: EF BC 81, 8C, 9A, 9B, 9F. */
	return u[j + 1] == 0xbc && (u[j + 2] == 0x81 || u[j + 2] == 0x8c ||
	    u[j + 2] == 0x9a || u[j + 2] == 0x9b || u[j + 2] == 0x9f);
}

int
rpt_has_punct(const char *p, size_t n)
{
	/* The bytes that start the marks: , ; and the leads E3 and EF. */
	static const unsigned char start[256] = {
		[','] = 1, [';'] = 1, [0xe3] = 1, [0xef] = 1
	};
	const unsigned char *u = (const unsigned char *)p;
	size_t i = 0;

	/*
	 * 。，；：！？ and ASCII , ; — not ASCII : ! ?, which in a short line
	 * are as often a time (10:30), an address or a web page's.  Those
	 * are the characters of classes RPT_C_STOP, RPT_C_SEMICOLON,
	 * RPT_C_COLON and RPT_C_COMMA (chars.c; element-test checks each
	 * character): their first bytes find them, without decoding.
	 */
#ifdef __SSE2__
	__m128i x;
	unsigned bits;
	size_t b;

	for (; i < n && n >= 16; i = b + 16) {
		/* The last block ends at n, over bytes seen: not those. */
		b = i + 16 <= n ? i : n - 16;
		x = _mm_loadu_si128((const __m128i *)(const void *)(u + b));
		bits = (unsigned)_mm_movemask_epi8(_mm_or_si128(
		    _mm_or_si128(_mm_cmpeq_epi8(x, _mm_set1_epi8(',')),
		    _mm_cmpeq_epi8(x, _mm_set1_epi8(';'))),
		    _mm_or_si128(_mm_cmpeq_epi8(x, _mm_set1_epi8((char)0xe3)),
		    _mm_cmpeq_epi8(x, _mm_set1_epi8((char)0xef)))));
		for (bits &= 0xffffU << (i - b); bits != 0; bits &= bits - 1)
			if (punct_at(u, b + (size_t)__builtin_ctz(bits), n))
				return 1;
	}
#endif
	for (; i < n; i++)
		if (start[u[i]] && punct_at(u, i, n))
			return 1;
	return 0;
}
