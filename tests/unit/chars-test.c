/*
 * chars-test - the character-class table (rpt_char_class) against the
 * characters each class is documented to hold in rpt.h: every listed
 * character is in its class, and no other code point is.  Also: the digits'
 * values, the named constants against the characters their comments show,
 * and the byte-level white-space paths of text.c (rpt_count_chars,
 * rpt_trim, rpt_space_lead) against RPT_C_SPACE for every code point.
 *
 * TAP: one line per check, then "chars-test: N passed, M failed"; exits 1
 * when a check failed.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "tap.h"
#include "utf8put.h"



/*
 * The classes and the characters rpt.h says they hold (as UTF-8; white
 * space as code points below).  values: the digits' values in order.
 */
static const struct {
	uint32_t	 flag;
	const char	*name;
	const char	*chars;
	const char	*values;
} classes[] = {
	{ RPT_C_STOP, "RPT_C_STOP", "。！？!?", NULL },
	{ RPT_C_DOT, "RPT_C_DOT", "．.", NULL },
	{ RPT_C_SEMICOLON, "RPT_C_SEMICOLON", "；;", NULL },
	{ RPT_C_COLON, "RPT_C_COLON", "：:", NULL },
	{ RPT_C_COMMA, "RPT_C_COMMA", "，,", NULL },
	{ RPT_C_IDEO_COMMA, "RPT_C_IDEO_COMMA", "、", NULL },
	{ RPT_C_ELLIPSIS, "RPT_C_ELLIPSIS", "…", NULL },
	{ RPT_C_OPEN, "RPT_C_OPEN", "“‘「『（(《【", NULL },
	{ RPT_C_CLOSE, "RPT_C_CLOSE", "”’」』）)》】", NULL },
	{ RPT_C_DQUOTE, "RPT_C_DQUOTE", "“”„〝〞「」", NULL },
	{ RPT_C_SQUOTE, "RPT_C_SQUOTE", "‘’‚『』", NULL },
	{ RPT_C_DASH, "RPT_C_DASH", "‐‑‒–—―−", NULL },
	{ RPT_C_DIGIT, "RPT_C_DIGIT", "0123456789０１２３４５６７８９",
	    "01234567890123456789" },
	{ RPT_C_CN_DIGIT, "RPT_C_CN_DIGIT", "〇零○一二三四五六七八九",
	    "000123456789" },
	{ RPT_C_CN_TWO, "RPT_C_CN_TWO", "两兩", "22" },
};

/* White space: Unicode White_Space and the invisible U+200B-D, 2060, FEFF. */
static const int32_t spaces[] = {
	'\t', '\n', '\v', '\f', '\r', ' ', 0x85, 0xa0, 0x1680,
	0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007,
	0x2008, 0x2009, 0x200a, 0x200b, 0x200c, 0x200d, 0x2028, 0x2029,
	0x202f, 0x205f, 0x2060, 0x3000, 0xfeff,
};

/* The code points tested: the BMP and a few beyond it. */
static int32_t
next_cp(int32_t c)
{
	static const int32_t astral[] = {
		0x10000, 0x1f600, 0x20000, 0x3134f, 0x10ffff, -1
	};
	size_t i;

	if (c + 1 == 0xd800)
		return 0xe000;		/* no surrogates */
	if (c < 0xffff)
		return c + 1;
	for (i = 0; astral[i] != -1; i++)
		if (astral[i] > c)
			return astral[i];
	return -1;
}

/*
 * Class i against its list: every listed character is in it (with its
 * value), and the class has no more members than the list.
 */
static void
check_class(size_t i)
{
	const char *s = classes[i].chars;
	char what[160];
	size_t j, n = strlen(s);
	int32_t c;
	uint32_t f;
	int k, bad = 0, badval = 0, members = 0, listed = 0;

	for (j = 0, k = 0; j < n; k++) {
		j += rpt_utf8_decode(s + j, n - j, &c);
		listed++;
		f = rpt_char_class(c);
		if (!(f & classes[i].flag) && bad++ < 3)
			printf("# U+%04X is not in %s\n", (unsigned)c,
			    classes[i].name);
		if (classes[i].values != NULL &&
		    RPT_C_VALUE(f) != classes[i].values[k] - '0' &&
		    badval++ < 3)
			printf("# U+%04X: value %d, want %c\n", (unsigned)c,
			    RPT_C_VALUE(f), classes[i].values[k]);
	}
	for (c = 0; c != -1; c = next_cp(c))
		members += (rpt_char_class(c) & classes[i].flag) != 0;
	if (members != listed) {
		bad++;
		printf("# %s has %d members, the list %d\n", classes[i].name,
		    members, listed);
	}
	snprintf(what, sizeof(what), "%s holds exactly %s", classes[i].name,
	    classes[i].chars);
	check(bad == 0, what);
	if (classes[i].values != NULL) {
		snprintf(what, sizeof(what), "%s values", classes[i].name);
		check(badval == 0, what);
	}
}

/*
 * RPT_C_SPACE against its list, rpt_is_space(), and the byte-level paths
 * of text.c: a character between two x is trimmed and counted as white
 * space exactly when it is in the class.
 */
static void
check_space(void)
{
	char buf[16];
	const char *q;
	size_t n, k, qn;
	int32_t c;
	int in, bad = 0, badbytes = 0;
	unsigned i;

	for (c = 0; c != -1; c = next_cp(c)) {
		for (in = 0, i = 0; i < sizeof(spaces) / sizeof(spaces[0]); i++)
			in |= spaces[i] == c;
		if (((rpt_char_class(c) & RPT_C_SPACE) != 0) != in ||
		    rpt_is_space(c) != in) {
			if (bad++ < 3)
				printf("# U+%04X: space %d, want %d\n",
				    (unsigned)c, rpt_is_space(c), in);
		}
		k = put(buf, c);
		buf[k] = 'x';
		n = k + 1;
		q = buf;
		qn = k;
		if (rpt_count_chars(buf, n) != (in ? 1u : 2u) ||
		    (rpt_trim(&q, &qn) == 1) != in ||
		    (in && !rpt_space_lead[(unsigned char)buf[0]]))
			badbytes++;
		/* Trimmed from the end too: x, then the character. */
		buf[0] = 'x';
		k = put(buf + 1, c);
		q = buf;
		qn = k + 1;
		if ((rpt_trim(&q, &qn) == 1) != in || qn != (in ? 1 : k + 1)) {
			if (badbytes++ < 3)
				printf("# U+%04X: the byte-level paths say "
				    "otherwise\n", (unsigned)c);
		}
	}
	check(bad == 0, "RPT_C_SPACE and rpt_is_space() hold exactly the "
	    "white space");
	check(badbytes == 0, "rpt_count_chars, rpt_trim and rpt_space_lead "
	    "agree with RPT_C_SPACE");
}

/* The named constants against the characters their comments show. */
static void
check_names(void)
{
	static const struct {
		int32_t		 c;
		const char	*s;
	} names[] = {
		{ RPT_CH_IDEO_SPACE, "　" }, { RPT_CH_IDEO_COMMA, "、" },
		{ RPT_CH_IDEO_STOP, "。" }, { RPT_CH_FW_EXCL, "！" },
		{ RPT_CH_FW_QUESTION, "？" }, { RPT_CH_FW_DOT, "．" },
		{ RPT_CH_FW_COMMA, "，" }, { RPT_CH_FW_SEMICOLON, "；" },
		{ RPT_CH_FW_COLON, "：" }, { RPT_CH_ELLIPSIS, "…" },
		{ RPT_CH_MIDDLE_DOT, "·" }, { RPT_CH_KATAKANA_DOT, "・" },
		{ RPT_CH_LDQUO, "“" }, { RPT_CH_RDQUO, "”" },
		{ RPT_CH_LDQUO_LOW, "„" }, { RPT_CH_LSQUO, "‘" },
		{ RPT_CH_RSQUO, "’" }, { RPT_CH_LSQUO_LOW, "‚" },
		{ RPT_CH_LCORNER, "「" }, { RPT_CH_RCORNER, "」" },
		{ RPT_CH_LWCORNER, "『" }, { RPT_CH_RWCORNER, "』" },
		{ RPT_CH_REV_DQUO, "〝" }, { RPT_CH_DPRIME_DQUO, "〞" },
		{ RPT_CH_LBOOK, "《" }, { RPT_CH_RBOOK, "》" },
		{ RPT_CH_LLENTIC, "【" }, { RPT_CH_RLENTIC, "】" },
		{ RPT_CH_LTORTOISE, "〔" }, { RPT_CH_RTORTOISE, "〕" },
		{ RPT_CH_FW_LPAREN, "（" }, { RPT_CH_FW_RPAREN, "）" },
		{ RPT_CH_HYPHEN, "‐" }, { RPT_CH_NB_HYPHEN, "‑" },
		{ RPT_CH_FIGURE_DASH, "‒" }, { RPT_CH_EN_DASH, "–" },
		{ RPT_CH_EM_DASH, "—" }, { RPT_CH_HBAR, "―" },
		{ RPT_CH_MINUS, "−" }, { RPT_CH_FW_DIGIT_0, "０" },
		{ RPT_CH_FW_DIGIT_9, "９" }, { RPT_CH_IDEO_ZERO, "〇" },
		{ RPT_CH_LING, "零" }, { RPT_CH_WHITE_CIRCLE, "○" },
		{ RPT_CH_GREEK_OMICRON, "Ο" }, { RPT_CH_CN_1, "一" },
		{ RPT_CH_CN_2, "二" }, { RPT_CH_CN_3, "三" },
		{ RPT_CH_CN_4, "四" }, { RPT_CH_CN_5, "五" },
		{ RPT_CH_CN_6, "六" }, { RPT_CH_CN_7, "七" },
		{ RPT_CH_CN_8, "八" }, { RPT_CH_CN_9, "九" },
		{ RPT_CH_LIANG, "两" }, { RPT_CH_LIANG_TRAD, "兩" },
		{ RPT_CH_TEN, "十" }, { RPT_CH_HUNDRED, "百" },
		{ RPT_CH_THOUSAND, "千" }, { RPT_CH_WAN, "万" },
		{ RPT_CH_WAN_TRAD, "萬" }, { RPT_CH_YI, "亿" },
		{ RPT_CH_YI_TRAD, "億" }, { RPT_CH_DIAN, "点" },
		{ RPT_CH_FW_PERCENT, "％" }, { RPT_CH_FW_HYPHEN_MINUS, "－" },
		{ RPT_CH_CIRCLED_1, "①" },
		{ RPT_CH_CIRCLED_20, "⑳" }, { RPT_CH_DI, "第" },
		{ RPT_CH_SHOU, "首" }, { RPT_CH_QI, "其" },
		{ RPT_CH_ZAI, "再" }, { RPT_CH_ZUI, "最" },
		{ RPT_CH_NIAN, "年" }, { RPT_CH_SHI, "是" },
		{ RPT_CH_DA, "大" }, { RPT_CH_JIE, "届" },
		{ RPT_CH_ZHONG, "中" }, { RPT_CH_QI_PHASE, "期" },
		{ RPT_CH_SHU, "数" }, { RPT_CH_JI, "几" },
		{ RPT_CH_SHANG, "上" }, { RPT_CH_CHENG, "成" },
		{ RPT_CH_ZHE, "这" }, { RPT_CH_NA, "那" },
		{ RPT_CH_MEI, "每" }, { RPT_CH_LING_OTHER, "另" },
		{ RPT_CH_CI, "此" }, { RPT_CH_GAI, "该" },
	};
	int32_t c;
	size_t i;
	int bad = 0;

	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		rpt_utf8_decode(names[i].s, strlen(names[i].s), &c);
		if (c != names[i].c) {
			bad++;
			printf("# %s is U+%04X, the constant says U+%04X\n",
			    names[i].s, (unsigned)c, (unsigned)names[i].c);
		}
	}
	rpt_utf8_decode(RPT_UTF8_BOM, 3, &c);
	bad += c != RPT_CH_BOM;
	rpt_utf8_decode(RPT_UTF8_REPLACEMENT, 3, &c);
	bad += c != RPT_CH_REPLACEMENT;
	check(bad == 0, "the RPT_CH_ constants are the characters named");
}

int
main(void)
{
	size_t i, j, zero = 0;

	for (i = 0; i < sizeof(classes) / sizeof(classes[0]); i++)
		check_class(i);
	check_space();
	check_names();
	/* Page 0 stands for every page without an entry: it must stay 0. */
	for (j = 0; j < 256; j++)
		zero |= rpt_char_tab[0][j];
	check(zero == 0, "the empty page is empty");
	check(rpt_char_class(-1) == 0 && rpt_char_class(0x110000) == 0 &&
	    rpt_char_class(0x20000) == 0, "no classes outside the BMP");
	/* What rpt_han_lead() lets the loops step over. */
	for (zero = 0, j = 0x4000; j <= 0x9fff; j++)
		zero |= rpt_char_class((int32_t)j) &
		    ~(uint32_t)(RPT_C_CN_DIGIT | RPT_C_CN_TWO | 0xf0000000U);
	check(zero == 0 && rpt_han_lead(0xe4) && rpt_han_lead(0xe9) &&
	    !rpt_han_lead(0xe3) && !rpt_han_lead(0xea),
	    "U+4000-U+9FFF (leads E4-E9) are in no class but the Chinese digits'");
	/*
	 * doc.c's marker() asks rpt_cn_number() only of text that opens
	 * with an E4 or E5 lead: no other character opens a numeral.
	 */
	for (zero = 0, j = 0; j < 0x110000; j++) {
		char b[8];
		size_t k;
		int v;

		if (j >= 0xd800 && j <= 0xdfff)
			continue;
		k = put(b, (int32_t)j);
		if ((unsigned char)b[0] != 0xe4 && (unsigned char)b[0] != 0xe5 &&
		    rpt_cn_number(b, k, &v) != 0)
			zero++;
	}
	check(zero == 0, "a Chinese numeral opens with an E4 or E5 lead");
	/* rpt_cn_digit() is the Chinese digits' and 两's value. */
	check(rpt_cn_digit(RPT_CH_LIANG) == 2 &&
	    rpt_cn_digit(RPT_CH_LING) == 0 && rpt_cn_digit(RPT_CH_CN_9) == 9 && rpt_cn_digit('9') == -1 &&
	    rpt_cn_digit(RPT_CH_TEN) == -1, "rpt_cn_digit");
	return tap_end("chars-test");
}
