/*
 * rpt.h - the API of librpt: what the filters in bin/ and the tests use.
 * What only lib/ itself uses (the paragraph predicates of element.c, the
 * SSE2 helpers, byte-level utilities) is in lib/internal.h.
 *
 * Data flows one way: bytes -> input (decode, refuse, lines) -> doc (paragraph
 * kinds, headings, section paths) -> a filter's own logic (split, ...) -> tsv.
 * Nothing in lib/ prints, exits or keeps global state: errors are returned as
 * values and warnings are handed to a callback owned by the caller.  (The
 * one exception is constant: the indexes of the rules' word lists, built
 * at their first use and never changed after; a flag set with release
 * order says when one is whole, and two threads that build one at once
 * write the same bytes.)
 *
 * Errors, one way: a function that can fail returns -1 (NULL when it
 * returns a pointer) and sets errno, ENOMEM when memory ran out.  What more
 * there is to say is in a diagnostic the caller reads afterwards:
 * rpt_input_diag() for a file, rpt_doc_error() for the model, and the
 * struct rpt_profile_error the caller passes for profiles and patterns.
 *
 * Text is passed as (const char *p, size_t len) and is always valid UTF-8
 * once it has left the input layer.  Every "new" pairs with a "free", and
 * every free accepts NULL.
 */
#ifndef RPT_H
#define RPT_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#define RPT_VERSION	"0.1.0"

/* Longest line handed on: longer lines are cut at a character boundary. */
#define RPT_LINE_MAX	(1024 * 1024)
/* Bytes examined for signatures, BOMs, encoding and NUL bytes. */
#define RPT_SNIFF	(64 * 1024)

/* ---------------------------------------------------------------- chars.c */

/*
 * The characters the rules compare, by name, and one table of the classes
 * they belong to.  A rule asks rpt_char_class(c) & RPT_C_... and names a
 * single character by its RPT_CH_ constant, never by a bare code point.
 */

/* White space and invisible characters (RPT_C_SPACE). */
#define RPT_CH_NEL		0x0085	/* NEXT LINE */
#define RPT_CH_NBSP		0x00a0	/* NO-BREAK SPACE */
#define RPT_CH_OGHAM_SPACE	0x1680	/* OGHAM SPACE MARK */
#define RPT_CH_EN_QUAD		0x2000	/* first of the spaces U+2000-U+200A */
#define RPT_CH_HAIR_SPACE	0x200a	/* last of them */
#define RPT_CH_ZWSP		0x200b	/* ZERO WIDTH SPACE */
#define RPT_CH_ZWNJ		0x200c	/* ZERO WIDTH NON-JOINER */
#define RPT_CH_ZWJ		0x200d	/* ZERO WIDTH JOINER */
#define RPT_CH_LINE_SEP		0x2028	/* LINE SEPARATOR */
#define RPT_CH_PARA_SEP		0x2029	/* PARAGRAPH SEPARATOR */
#define RPT_CH_NNBSP		0x202f	/* NARROW NO-BREAK SPACE */
#define RPT_CH_MMSP		0x205f	/* MEDIUM MATHEMATICAL SPACE */
#define RPT_CH_WORD_JOINER	0x2060	/* WORD JOINER */
#define RPT_CH_IDEO_SPACE	0x3000	/* 　 IDEOGRAPHIC SPACE */
#define RPT_CH_BOM		0xfeff	/* ZERO WIDTH NO-BREAK SPACE, the BOM */
#define RPT_CH_REPLACEMENT	0xfffd	/* REPLACEMENT CHARACTER */
/* Their UTF-8, for the input layer's byte compares. */
#define RPT_UTF8_BOM		"\xef\xbb\xbf"
#define RPT_UTF8_REPLACEMENT	"\xef\xbf\xbd"

/* Punctuation. */
#define RPT_CH_IDEO_COMMA	0x3001	/* 、 */
#define RPT_CH_IDEO_STOP	0x3002	/* 。 */
#define RPT_CH_FW_EXCL		0xff01	/* ！ */
#define RPT_CH_FW_QUESTION	0xff1f	/* ？ */
#define RPT_CH_FW_DOT		0xff0e	/* ． */
#define RPT_CH_FW_COMMA		0xff0c	/* ， */
#define RPT_CH_FW_SEMICOLON	0xff1b	/* ； */
#define RPT_CH_FW_COLON		0xff1a	/* ： */
#define RPT_CH_ELLIPSIS		0x2026	/* … */
#define RPT_CH_MIDDLE_DOT	0x00b7	/* · in foreign names */
#define RPT_CH_KATAKANA_DOT	0x30fb	/* ・ the same, from Japanese input */
#define RPT_CH_BULLET		0x2022	/* • before a web page's list items */
#define RPT_CH_FW_PERCENT	0xff05	/* ％ */
#define RPT_CH_FW_HYPHEN_MINUS	0xff0d	/* － (not an RPT_C_DASH) */

/* Quotation marks and brackets. */
#define RPT_CH_LDQUO		0x201c	/* “ */
#define RPT_CH_RDQUO		0x201d	/* ” */
#define RPT_CH_LDQUO_LOW	0x201e	/* „ */
#define RPT_CH_LSQUO		0x2018	/* ‘ */
#define RPT_CH_RSQUO		0x2019	/* ’ */
#define RPT_CH_LSQUO_LOW	0x201a	/* ‚ */
#define RPT_CH_LCORNER		0x300c	/* 「 */
#define RPT_CH_RCORNER		0x300d	/* 」 */
#define RPT_CH_LWCORNER		0x300e	/* 『 */
#define RPT_CH_RWCORNER		0x300f	/* 』 */
#define RPT_CH_REV_DQUO		0x301d	/* 〝 */
#define RPT_CH_DPRIME_DQUO	0x301e	/* 〞 */
#define RPT_CH_LBOOK		0x300a	/* 《 */
#define RPT_CH_RBOOK		0x300b	/* 》 */
#define RPT_CH_LLENTIC		0x3010	/* 【 */
#define RPT_CH_RLENTIC		0x3011	/* 】 */
#define RPT_CH_LTORTOISE	0x3014	/* 〔 */
#define RPT_CH_RTORTOISE	0x3015	/* 〕 */
#define RPT_CH_FW_LPAREN	0xff08	/* （ */
#define RPT_CH_FW_RPAREN	0xff09	/* ） */
#define RPT_CH_FW_LBRACKET	0xff3b	/* ［ */
#define RPT_CH_FW_RBRACKET	0xff3d	/* ］ */

/* Dashes (RPT_C_DASH). */
#define RPT_CH_HYPHEN		0x2010	/* ‐ */
#define RPT_CH_NB_HYPHEN	0x2011	/* ‑ */
#define RPT_CH_FIGURE_DASH	0x2012	/* ‒ */
#define RPT_CH_EN_DASH		0x2013	/* – */
#define RPT_CH_EM_DASH		0x2014	/* — */
#define RPT_CH_HBAR		0x2015	/* ― */
#define RPT_CH_MINUS		0x2212	/* − */

/* Digits and numerals. */
#define RPT_CH_FW_DIGIT_0	0xff10	/* ０ (to ９ U+FF19) */
#define RPT_CH_FW_DIGIT_9	0xff19	/* ９ */
#define RPT_CH_IDEO_ZERO	0x3007	/* 〇 */
#define RPT_CH_LING		0x96f6	/* 零 */
#define RPT_CH_WHITE_CIRCLE	0x25cb	/* ○ typed for 〇 */
#define RPT_CH_GREEK_OMICRON	0x039f	/* Ο typed for 〇 */
#define RPT_CH_CN_1		0x4e00	/* 一 */
#define RPT_CH_CN_2		0x4e8c	/* 二 */
#define RPT_CH_CN_3		0x4e09	/* 三 */
#define RPT_CH_CN_4		0x56db	/* 四 */
#define RPT_CH_CN_5		0x4e94	/* 五 */
#define RPT_CH_CN_6		0x516d	/* 六 */
#define RPT_CH_CN_7		0x4e03	/* 七 */
#define RPT_CH_CN_8		0x516b	/* 八 */
#define RPT_CH_CN_9		0x4e5d	/* 九 */
#define RPT_CH_LIANG		0x4e24	/* 两 */
#define RPT_CH_LIANG_TRAD	0x5169	/* 兩 */
#define RPT_CH_TEN		0x5341	/* 十 */
#define RPT_CH_HUNDRED		0x767e	/* 百 */
#define RPT_CH_THOUSAND		0x5343	/* 千 */
#define RPT_CH_WAN		0x4e07	/* 万, ten thousand */
#define RPT_CH_WAN_TRAD		0x842c	/* 萬 */
#define RPT_CH_YI		0x4ebf	/* 亿, 10^8 */
#define RPT_CH_YI_TRAD		0x5104	/* 億 */
#define RPT_CH_DIAN		0x70b9	/* 点, the point of 三点五 */
#define RPT_CH_CIRCLED_1	0x2460	/* ① (to ⑳ U+2473) */
#define RPT_CH_CIRCLED_20	0x2473	/* ⑳ */

/* Words the rules look for by their first character. */
#define RPT_CH_DI		0x7b2c	/* 第 of 第一 */
#define RPT_CH_SHOU		0x9996	/* 首 of 首先 */
#define RPT_CH_QI		0x5176	/* 其 of 其次 */
#define RPT_CH_ZAI		0x518d	/* 再 of 再次 */
#define RPT_CH_ZUI		0x6700	/* 最 of 最后 */
#define RPT_CH_NIAN		0x5e74	/* 年 */
/* Words numbers looks for next to a numeral. */
#define RPT_CH_SHI		0x662f	/* 是 of 一是 (an enumerator) */
#define RPT_CH_DA		0x5927	/* 大 of 二十大 (an ordinal) */
#define RPT_CH_JIE		0x5c4a	/* 届 of 十九届 */
#define RPT_CH_ZHONG		0x4e2d	/* 中 of 三中全会 */
#define RPT_CH_QI_PHASE		0x671f	/* 期 of 三期工程 */
#define RPT_CH_SHU		0x6570	/* 数 of 数十 (a vague amount) */
#define RPT_CH_JI		0x51e0	/* 几 of 几百 */
#define RPT_CH_SHANG		0x4e0a	/* 上 of 上百 */
#define RPT_CH_CHENG		0x6210	/* 成 of 成千上万 */
#define RPT_CH_ZHE		0x8fd9	/* 这 of 这一 (a determiner) */
#define RPT_CH_NA		0x90a3	/* 那 of 那一 */
#define RPT_CH_MEI		0x6bcf	/* 每 of 每一 */
#define RPT_CH_LING_OTHER	0x53e6	/* 另 of 另一 */
#define RPT_CH_CI		0x6b64	/* 此 of 此一 */
#define RPT_CH_GAI		0x8be5	/* 该 of 该一 */
#define RPT_CH_FU		0x8d1f	/* 负 of 增长负3.9% (a sign) */
#define RPT_CH_WEI		0x4e3a	/* 为 of 作为一项 (an article) */

/* Blocks. */
#define RPT_CH_CJK_SYMBOLS_FIRST 0x3000	/* CJK Symbols and Punctuation */
#define RPT_CH_CJK_SYMBOLS_LAST	0x303f
#define RPT_CH_FULLWIDTH_FIRST	0xff00	/* Halfwidth and Fullwidth Forms */
#define RPT_CH_FULLWIDTH_LAST	0xffef
#define RPT_CH_HAN_FIRST	0x4e00	/* CJK Unified Ideographs */
#define RPT_CH_HAN_LAST		0x9fff
#define RPT_CH_HAN_A_FIRST	0x3400	/* Extension A */
#define RPT_CH_HAN_A_LAST	0x4dbf
#define RPT_CH_HAN_COMPAT_FIRST	0xf900	/* CJK Compatibility Ideographs */
#define RPT_CH_HAN_COMPAT_LAST	0xfaff
#define RPT_CH_HAN_B_FIRST	0x20000	/* Extensions B to H */
#define RPT_CH_HAN_H_LAST	0x3134f

/*
 * The classes.  A character may be in several (” is RPT_C_CLOSE and
 * RPT_C_DQUOTE); each rule combines the ones it needs and names its
 * exceptions.
 */
#define RPT_C_SPACE	0x00001	/* white space or invisible: rpt_is_space() */
#define RPT_C_STOP	0x00002	/* ends a sentence: 。！？ ! ? */
#define RPT_C_DOT	0x00004	/* a dot that may end one: ． . */
#define RPT_C_SEMICOLON	0x00008	/* ； ; */
#define RPT_C_COLON	0x00010	/* ： : */
#define RPT_C_COMMA	0x00020	/* ， , */
#define RPT_C_IDEO_COMMA 0x00040	/* 、 (the enumeration comma) */
#define RPT_C_ELLIPSIS	0x00080	/* … */
/* The closing marks that may follow a sentence's end, and their openers. */
#define RPT_C_OPEN	0x00100	/* “ ‘ 「 『 （ ( 《 【 */
#define RPT_C_CLOSE	0x00200	/* ” ’ 」 』 ） ) 》 】 */
/* The quotation marks the comparison key folds to " and '. */
#define RPT_C_DQUOTE	0x00400	/* “ ” „ 〝 〞 「 」 */
#define RPT_C_SQUOTE	0x00800	/* ‘ ’ ‚ 『 』 */
#define RPT_C_DASH	0x01000	/* ‐ ‑ ‒ – — ― − (folded to -) */
#define RPT_C_DIGIT	0x02000	/* 0-9 ０-９, with their value */
/* Chinese digits, with their value: 〇 零 ○ 一 二 三 四 五 六 七 八 九. */
#define RPT_C_CN_DIGIT	0x04000
/* 两 兩: 2 in an amount, but never a digit of a year or a marker. */
#define RPT_C_CN_TWO	0x08000
/* The value of a digit's class bits (0 for other characters). */
#define RPT_C_VALUE(f)	((int)((f) >> 28))

/*
 * The table: a page number for each 256 code points of the BMP (0 for the
 * pages without a classified character, whose entries are all 0) and the
 * pages.  Read it through rpt_char_class().
 */
extern const unsigned char rpt_char_page[256];
extern const uint32_t rpt_char_tab[][256];

/* The classes of c (0 for every character outside them). */
static inline uint32_t
rpt_char_class(int32_t c)
{
	if ((uint32_t)c > 0xffff)
		return 0;
	return rpt_char_tab[rpt_char_page[(uint32_t)c >> 8]][c & 0xff];
}

/* ---------------------------------------------------------------- text.c */

/*
 * Decode the character at p (at most n > 0 bytes of valid UTF-8) into *cp
 * and return its length in bytes.  Inline: it is on every hot path.
 */
static inline size_t
rpt_utf8_decode(const char *s, size_t n, int32_t *cp)
{
	const unsigned char *p = (const unsigned char *)s;

	if (p[0] < 0x80 || n < 2) {
		*cp = p[0];
		return 1;
	}
	if (p[0] < 0xe0) {
		*cp = ((int32_t)(p[0] & 0x1f) << 6) | (p[1] & 0x3f);
		return 2;
	}
	if (p[0] < 0xf0 || n < 4) {
		if (n < 3) {
			*cp = p[0];
			return 1;
		}
		*cp = ((int32_t)(p[0] & 0x0f) << 12) |
		    ((int32_t)(p[1] & 0x3f) << 6) | (p[2] & 0x3f);
		return 3;
	}
	*cp = ((int32_t)(p[0] & 0x07) << 18) | ((int32_t)(p[1] & 0x3f) << 12) |
	    ((int32_t)(p[2] & 0x3f) << 6) | (p[3] & 0x3f);
	return 4;
}

/*
 * Decode the character that ends at p + i (i > 0, valid UTF-8) into *cp and
 * return its length in bytes.
 */
static inline size_t
rpt_utf8_prev(const char *p, size_t i, int32_t *cp)
{
	size_t k = 1;

	while (k < i && k < 4 && ((unsigned char)p[i - k] & 0xc0) == 0x80)
		k++;
	rpt_utf8_decode(p + i - k, k, cp);
	return k;
}

/*
 * Is cp white space for rpt?  Unicode White_Space plus the invisible
 * zero-width characters (U+200B-U+200D, U+2060, U+FEFF) that web pages and
 * converters leave behind: none of them is text a reader sees.
 */
static inline int
rpt_is_space(int32_t c)
{
	/* Above U+3000 only U+FEFF is: Han text needs no table look-up. */
	if (c > RPT_CH_IDEO_SPACE)
		return c == RPT_CH_BOM;
	return (rpt_char_class(c) & RPT_C_SPACE) != 0;
}

/* Is cp a CJK ideograph (any Han block, and U+3007 〇)? */
int	rpt_is_han(int32_t cp);

/* Number of CJK ideographs (rpt_is_han) in p. */
size_t	rpt_count_han(const char *p, size_t n);

/* Number of non-white characters in p. */
size_t	rpt_count_chars(const char *p, size_t n);

/* Number of characters in p (bytes that are not 10xxxxxx). */
size_t	rpt_count_leads(const char *p, size_t n);
/*
 * rpt_count_leads() of p[from, to), which may read p[to - 16, to) when it
 * is from 16 on: for counting on from one place in a text to the next,
 * without a loop over the last bytes each time.
 */
size_t	rpt_count_leads_to(const char *p, size_t from, size_t to);

/* Number of bytes of p that are not ASCII (80-FF). */
size_t	rpt_count_high(const char *p, size_t n);

/*
 * Write total / n with one decimal, rounded half up ("12.3"), into buf
 * (at least 48 bytes), exactly and without floating point; "" when n is
 * 0.  Returns buf.
 */
char	*rpt_ratio_format(char *buf, size_t total, size_t n);

/* Nonzero for the bytes that may start a white-space character. */
extern const unsigned char rpt_space_lead[256];

/*
 * Trim rpt white space from both ends of [*p, *p + *n); returns the number
 * of white-space characters removed.
 */
size_t	rpt_trim(const char **p, size_t *n);

/*
 * The value of a Chinese digit (〇 零 ○ 一 to 九, 两 兩), or -1.  Inline:
 * the numeral scanners call it on every character.
 */
static inline int
rpt_cn_digit(int32_t c)
{
	uint32_t f = rpt_char_class(c);

	return f & (RPT_C_CN_DIGIT | RPT_C_CN_TWO) ? RPT_C_VALUE(f) : -1;
}

/*
 * Value of the Chinese numeral at p (一 to 九十九, as heading markers and
 * enumerators write them) in *val; returns its length in bytes, 0 if p does not start with
 * one.  Used for heading markers and enumerators, which never exceed 99.
 */
size_t	rpt_cn_number(const char *p, size_t n, int *val);

/*
 * A growable byte buffer.  The pointer may move on every append; callers
 * keep offsets, not pointers, across appends.
 */
struct rpt_buf {
	char	*p;
	size_t	 len;
	size_t	 cap;
};

/* Make room for n more bytes; returns -1 (errno ENOMEM) on failure. */
int	rpt_buf_reserve(struct rpt_buf *b, size_t n);

/*
 * Append n bytes and keep b NUL-terminated; -1 as for rpt_buf_reserve().
 * Inline: rows are built from many short appends.
 */
static inline int
rpt_buf_append(struct rpt_buf *b, const char *p, size_t n)
{
	if (b->cap - b->len <= n && rpt_buf_reserve(b, n) == -1)
		return -1;
	if (n > 0)
		memcpy(b->p + b->len, p, n);
	b->len += n;
	b->p[b->len] = '\0';
	return 0;
}
void	rpt_buf_free(struct rpt_buf *b);

/*
 * Append to out the comparison key of p: NFKC, all rpt white space removed,
 * quotation marks and dashes folded to one form each, so that the same
 * sentence typed with full-width or half-width punctuation gets one key.
 * Returns -1 on allocation failure.
 */
int	rpt_key(struct rpt_buf *out, const char *p, size_t n);

/* ---------------------------------------------------------------- fold.c */

/*
 * The simplified form of the traditional Chinese character c (發 -> 发,
 * OpenCC's first choice), or c itself.  One code point to one of the same
 * UTF-8 length, and rpt_fold(rpt_fold(c)) == rpt_fold(c), so that text and
 * patterns folded alike match whichever script they were written in.
 */
int32_t	rpt_fold(int32_t c);

/*
 * Copy n bytes of valid UTF-8 from src to dst (which may be src) with
 * every character folded by rpt_fold(); the length never changes, so byte
 * offsets into src hold for dst.  Returns 1 if a character changed, else 0.
 */
int	rpt_fold_utf8(char *dst, const char *src, size_t n);

/* ---------------------------------------------------------------- input.c */

enum rpt_enc {
	RPT_ENC_AUTO,
	RPT_ENC_UTF8,
	RPT_ENC_UTF8_BOM,	/* only as a result of detection */
	RPT_ENC_GB18030,
	RPT_ENC_UTF16LE,
	RPT_ENC_UTF16BE,
	RPT_ENC_DOCX		/* a Word file, read natively (docx.c) */
};

/* Parse an -E argument; returns -1 for an unknown name. */
int	rpt_enc_parse(const char *name, enum rpt_enc *enc);
/* Name of an encoding as rpt writes it: "utf-8", "utf-8-bom", "gb18030"... */
const char *rpt_enc_name(enum rpt_enc enc);

/* Why a file was refused or stopped; RPT_OK while all is well. */
enum rpt_status {
	RPT_OK = 0,
	RPT_E_SYS,		/* open/read failed: errnum says why */
	RPT_E_ISDIR,
	RPT_E_FORMAT,		/* a known binary format: see format */
	RPT_E_BINARY,		/* NUL byte in the first RPT_SNIFF bytes */
	RPT_E_INVALID,		/* undecodable byte(s): see bad[], line, col */
	RPT_E_NOMEM,
	RPT_E_DOCX		/* a Word file that cannot be read: see detail */
};

/* Binary formats recognised by their signature. */
enum rpt_format {
	RPT_FMT_NONE,
	RPT_FMT_DOCX, RPT_FMT_XLSX, RPT_FMT_PPTX, RPT_FMT_ODF, RPT_FMT_ZIP,
	RPT_FMT_PDF, RPT_FMT_OLE2, RPT_FMT_RTF, RPT_FMT_PNG, RPT_FMT_JPEG,
	RPT_FMT_GIF,
	/* Legacy Office files, told apart by their OLE2 stream names. */
	RPT_FMT_DOC, RPT_FMT_XLS, RPT_FMT_PPT, RPT_FMT_ENCRYPTED
};

/*
 * What a format is and how to convert it, for messages such as
 * "a Word (DOCX) document, not text; convert it first, e.g. pandoc -t plain".
 * what: "a Word (DOCX) document"; verb: "convert it first"; cmd_before and
 * cmd_after go around the file name ("pandoc -t plain ", "").
 */
struct rpt_format_info {
	const char	*what;
	const char	*verb;
	const char	*cmd_before;
	const char	*cmd_after;
};
const struct rpt_format_info *rpt_format_info(enum rpt_format f);

/* A diagnostic: the error that stopped a file, or a warning. */
struct rpt_diag {
	enum rpt_status	 status;
	enum rpt_format	 format;
	int		 errnum;	/* RPT_E_SYS */
	long		 line;		/* 1-based; 0 when not known */
	long		 col;		/* 1-based character column; 0 if none */
	unsigned char	 bad[4];	/* RPT_E_INVALID: the offending bytes */
	int		 nbad;
	enum rpt_enc	 enc;		/* encoding in force */
	char		 detail[240];	/* RPT_E_DOCX: what is wrong */
};

enum rpt_warning {
	RPT_W_REPLACED,		/* first invalid sequence replaced by U+FFFD */
	RPT_W_LONGLINE		/* first line cut into RPT_LINE_MAX pieces */
};

/* Called at most once per kind of warning per file. */
typedef void	rpt_warn_fn(void *ctx, enum rpt_warning w, const struct rpt_diag *d);

struct rpt_input_opts {
	enum rpt_enc	 enc;		/* RPT_ENC_AUTO to detect */
	int		 replace;	/* replace invalid sequences by U+FFFD */
	rpt_warn_fn	*warn;		/* may be NULL */
	void		*warn_ctx;
	int		 no_avx2;	/* for tests: SSE2 where AVX2 is there */
};

/* What a Word file's formatting says of a line (struct rpt_line's fmt). */
enum {
	RPT_LF_PARA = 1 << 0,		/* a whole paragraph: never hard-wrapped */
	RPT_LF_OUTLINE = 1 << 1,	/* has an outline level: see outline */
	RPT_LF_LEAD = 1 << 2,		/* opens with a bold lead sentence */
	RPT_LF_TITLE = 1 << 3		/* the Title style, or centred and larger */
};

/* One line of decoded text, without its terminator. */
struct rpt_line {
	const char	*p;		/* valid UTF-8, no NUL, CR or LF */
	size_t		 len;
	long		 num;		/* 1-based input line number */
	/* Formatting (Word files only; 0 for text): */
	unsigned	 fmt;		/* RPT_LF_* */
	int		 outline;	/* 0-based outline level (RPT_LF_OUTLINE) */
	int		 lead;		/* the bold lead ends at its lead-th 。 */
	/* What the input layer found on its way (0 when it did not look): */
	int		 counted;	/* leads and chars are set */
	size_t		 leads;		/* its characters */
	size_t		 chars;		/* its non-white characters */
	int		 clean;		/* no byte that may start debris */
	int		 plain;		/* no byte a TSV field escapes (below
					   0x0E, or \\): written as it is */
};

struct rpt_input;

struct rpt_input *rpt_input_new(void);
void	rpt_input_free(struct rpt_input *in);

/*
 * Start reading a file: path NULL means standard input.  Reads and sniffs
 * the first RPT_SNIFF bytes.  Returns 0, or -1 when the file is refused:
 * rpt_input_diag() says why (its status, errnum for RPT_E_SYS), and a
 * refused file yields no lines.
 */
int	rpt_input_open(struct rpt_input *in, const char *path,
	    const struct rpt_input_opts *opts);
/* The same for an open file descriptor, which is taken (closed at close). */
int	rpt_input_open_fd(struct rpt_input *in, int fd,
	    const struct rpt_input_opts *opts);

/*
 * Next line: returns 1 and fills *line (valid until the next call), 0 at
 * the end of the file, -1 when the file stops on an error (see
 * rpt_input_diag()).  Lines longer than RPT_LINE_MAX come as several
 * pieces with the same line number.
 */
int	rpt_input_line(struct rpt_input *in, struct rpt_line *line);

/* The encoding the file is decoded from (after open). */
enum rpt_enc rpt_input_enc(const struct rpt_input *in);

/* The error that refused or stopped the file. */
const struct rpt_diag *rpt_input_diag(const struct rpt_input *in);

/* Close the file (not standard input); safe to call twice. */
void	rpt_input_close(struct rpt_input *in);

/* ---------------------------------------------------------------- doc.c */

/* What a paragraph is. */
enum rpt_kind {
	RPT_K_BODY,
	RPT_K_HEADING,
	RPT_K_TITLE,		/* may span lines: 关于…的 + 报  告 */
	RPT_K_SUBTITLE,		/* ——2020年5月22日在…会议上 */
	RPT_K_AUTHOR,		/* 国务院总理 李克强 */
	RPT_K_DOCNO,		/* 青龙委文〔2024〕7号 */
	RPT_K_ISSUER,		/* organ lines above the title */
	RPT_K_ADDRESSEE,	/* 县委、县政府： */
	RPT_K_SIGNATURE,	/* organ lines after the body */
	RPT_K_DATE,		/* 成文日期 */
	RPT_K_BOILERPLATE,	/* web remnants */
	RPT_K_ITEM		/* an enumerated item (rpt-sections -i) */
};

/* Name of a kind as written in the kind column. */
const char *rpt_kind_name(enum rpt_kind k);

/* Heading marker families of GB/T 9704, in their usual order. */
enum rpt_family {
	RPT_FAM_NONE,
	RPT_FAM_CN,		/* 一、 一． 一. */
	RPT_FAM_CN_PAREN,	/* （一） (一) */
	RPT_FAM_AR,		/* 1. 1、 1． */
	RPT_FAM_AR_PAREN	/* （1） (1) */
};

#define RPT_DEPTH_MAX	16

/* How a marker's number fits its family (for rpt-sections --check). */
enum rpt_numbering {
	RPT_NUM_OK,
	RPT_NUM_GAP,		/* a heading, but numbers were skipped: 一、 三、 */
	RPT_NUM_REPEAT		/* not a heading: the number repeats or goes back */
};

/* Defined with profile.c's functions below; the model holds one. */
struct rpt_profile;
struct rpt_profile_error;

/* A paragraph of the document model. */
struct rpt_para {
	const char	*p;		/* text, trimmed, debris removed */
	/*
	 * p folded to simplified script for matching (rpt_fold_utf8()), of
	 * the same length so that an offset in one is one in the other; p
	 * itself when nothing folds, and NULL means the same.
	 */
	const char	*fold;
	size_t		 len;
	long		 line;		/* input line it starts on */
	long		 num;		/* 1-based paragraph number */
	enum rpt_kind	 kind;
	int		 joined;	/* continues the element before it */
	/*
	 * A PDF page's furniture (its number, its running header) that a
	 * paragraph went on past: handed out after that paragraph, which
	 * started before it (boilerplate of one line).
	 */
	int		 moved;
	size_t		 chars;		/* use rpt_para_chars() */
	/*
	 * Its text has no byte a TSV field escapes (below 0x0E, or a
	 * backslash), as the input layer saw: rpt_tsv_raw() may write it,
	 * or any part of it.  0 when that is so but not known.
	 */
	int		 plain;
	/*
	 * The element's text: a heading's title (after the marker, up to
	 * the first 。), the joined title or dateline for the first line of
	 * a title or subtitle, else the paragraph's text.
	 */
	const char	*elem;
	size_t		 elem_len;
	/* For headings (family RPT_FAM_NONE for an unnumbered one): */
	enum rpt_family	 family;
	int		 marker_num;	/* value of the marker: （三） is 3 */
	enum rpt_numbering numbering;	/* also set on body with a marker */
	int		 expected;	/* the number that would have fitted */
	int		 debris;	/* debris removed from it (and blank lines before) */
	size_t		 debris_chars;	/* the debris's non-white characters */
	int		 implicit;	/* an unnumbered paragraph's sentence that
					   opens a section of another part */
	int		 unmarked;	/* a heading without a marker: 1 for one
					   of a series (a sentence line or a
					   run-in lead), 2 for a Word file's
					   bold lead */
	struct rpt_profile *profile;	/* the document's, for its required parts */
	size_t		 marker_len;	/* bytes of marker (and space after it) */
	/* Section path of the heading this paragraph is in (or is). */
	int		 depth;		/* 0 before the first heading */
	int		 path[RPT_DEPTH_MAX];
	/*
	 * The canonical part of the report the paragraph is in (its level-1
	 * section's, such as "measures" or "shortfalls+plans"), "preamble"
	 * before the first heading, "" outside the sections.
	 */
	const char	*part;
	/* The same as a set of the profile's parts (0 for "preamble"). */
	uint64_t	 parts;
};

struct rpt_doc;

struct rpt_doc *rpt_doc_new(void);
void	rpt_doc_free(struct rpt_doc *d);

/* chars of a paragraph the model did not need to count. */
#define RPT_CHARS_UNKNOWN	((size_t)-1)

/* The text rules match: p's folded text (struct rpt_para's fold). */
static inline const char *
rpt_para_fold(const struct rpt_para *p)
{
	return p->fold != NULL ? p->fold : p->p;
}

/* The number of non-white characters of a paragraph (counted on demand). */
size_t	rpt_para_chars(const struct rpt_para *p);

/* Forget everything: the next line starts a new document. */
void	rpt_doc_reset(struct rpt_doc *d);

/*
 * Feed one input line: 1 when it is a paragraph, 0 for a blank line, -1 on
 * allocation failure.  Call rpt_doc_next() until it returns 0 after every
 * push: the model holds only a few paragraphs back.
 */
int	rpt_doc_push(struct rpt_doc *d, const struct rpt_line *line);

/* The document has ended (or stopped): what is held back may go. */
void	rpt_doc_finish(struct rpt_doc *d);

/*
 * The profile that names the parts of every document (not owned; it must
 * outlive the model), or NULL to choose a built-in one per document from
 * its title (rpt_profile_auto()).
 */
void	rpt_doc_set_profile(struct rpt_doc *d, struct rpt_profile *p);
/* The profile in use for the current document ("" before its front is read). */
const char *rpt_doc_profile(const struct rpt_doc *d);
/* The year the report is about: from its title, else its first body paragraph. */
int	rpt_doc_year(const struct rpt_doc *d);
/* Why rpt_doc_next() failed with -1 (a profile search), or NULL. */
const struct rpt_profile_error *rpt_doc_error(const struct rpt_doc *d);

/*
 * The next settled paragraph, in document order: 1 and *para filled
 * (valid until the next push or next), 0 when none is ready yet (or,
 * after rpt_doc_finish(), when all have gone), -1 when a profile search
 * failed (rpt_doc_error()) or memory ran out: the document stops there.
 */
int	rpt_doc_next(struct rpt_doc *d, struct rpt_para *para);

/*
 * Write the dotted section path ("2.1") of depth entries of path into
 * out; empty for depth 0.  Returns -1 on allocation failure.
 */
int	rpt_path_format(struct rpt_buf *out, const int *path, int depth);

/*
 * A paragraph's section and part columns, escaped, TAB between (cols),
 * made again only when they change: the paragraphs of a section share
 * them.  Zeroed, it has none yet.
 */
struct rpt_place {
	struct rpt_buf	 cols;		/* section TAB part, escaped */
	struct rpt_buf	 section, part;	/* what cols was made of */
	int		 made;
	int		 depth, path[RPT_DEPTH_MAX];
};

/* Make pl->cols p's: 1 if it changed, 0 if not, -1 on allocation failure. */
int	rpt_place_set(struct rpt_place *pl, const struct rpt_para *p);
void	rpt_place_free(struct rpt_place *pl);

/*
 * Remove conversion debris such as "[bookmark: _GoBack]" from p.  Returns
 * p itself when there is none, else a copy in scratch with *n updated;
 * *count is the number of pieces removed.
 */
const char *rpt_strip_debris(const char *p, size_t *n, struct rpt_buf *scratch,
		    int *count);

/* ---------------------------------------------------------------- split.c */

enum rpt_unit {
	RPT_U_PARA,
	RPT_U_SENTENCE,
	RPT_U_ITEM
};

/* Parse a -u argument; returns -1 for an unknown name. */
int	rpt_unit_parse(const char *name, enum rpt_unit *u);

#define RPT_SPLIT_SEMICOLON	0x1	/* ；and ; end sentences too */
#define RPT_SPLIT_NO_CHARS	0x2	/* leave the spans' chars 0 (faster) */
#define RPT_SPLIT_NO_AVX2	0x4	/* for tests: SSE2 where AVX2 is there */

/* A unit: a trimmed span of its paragraph's text. */
struct rpt_span {
	size_t	off;
	size_t	len;
	size_t	chars;		/* non-white characters in it */
};

struct rpt_splitter;

struct rpt_splitter *rpt_splitter_new(enum rpt_unit unit, int flags);
void	rpt_splitter_free(struct rpt_splitter *s);

/*
 * Cut a paragraph into units.  Returns the number of units (0 only for
 * an all-white paragraph) and points *spans at them (valid until the next
 * call), or -1 on allocation failure.  Units are non-empty, trimmed, in
 * order, and together hold every non-white character of the paragraph.
 */
long	rpt_split(struct rpt_splitter *s, const char *p, size_t n,
		    const struct rpt_span **spans);

/*
 * rpt_split() of a paragraph known to have chars non-white characters
 * (RPT_CHARS_UNKNOWN if not known): most have no white space, and then
 * it need not be looked for.
 */
long	rpt_split_known(struct rpt_splitter *s, const char *p, size_t n,
		    size_t chars, const struct rpt_span **spans);
int	rpt_split_plain(const struct rpt_splitter *s);	/* see split.c */

/*
 * The number of enumerated items in p: the units rpt_split() cuts with
 * RPT_U_ITEM that start with an enumerator.
 */
long	rpt_count_items(const char *p, size_t n);

/*
 * Length of the enumerator (一是, 第一，, 首先，, ①...) at p, 0 if none.
 * Whether it stands where an item may start is the caller's business.
 */
size_t	rpt_enumerator(const char *p, size_t n);

/*
 * What rpt_measure() counts in a paragraph: its ideographs
 * (rpt_count_han()), and with RPT_M_UNITS its sentences and items, as
 * rpt_split() and rpt_count_items() count them without
 * RPT_SPLIT_SEMICOLON (else 0).
 */
struct rpt_measures {
	long	 sents;
	long	 items;
	size_t	 han;
};
#define RPT_M_UNITS	0x1
#define RPT_M_NO_AVX2	0x2	/* for tests: SSE2 where AVX2 is there */

/* Count all of struct rpt_measures in one pass over p. */
void	rpt_measure(const char *p, size_t n, int what, struct rpt_measures *m);

/* ---------------------------------------------------------------- numbers.c */

/* What a numeral is: a quantity's kind, or (for -a) why it is none. */
enum rpt_qkind {
	RPT_Q_COUNT, RPT_Q_PERCENT, RPT_Q_POINTS, RPT_Q_MONEY, RPT_Q_YEAR,
	RPT_Q_DATE, RPT_Q_DURATION, RPT_Q_RATIO, RPT_Q_MULTIPLE,
	/* Not quantities: */
	RPT_Q_MARKER, RPT_Q_ORDINAL, RPT_Q_NAME, RPT_Q_CODE, RPT_Q_VAGUE
};

enum rpt_qual {
	RPT_QUAL_EXACT, RPT_QUAL_OVER, RPT_QUAL_AT_LEAST, RPT_QUAL_AT_MOST,
	RPT_QUAL_APPROX, RPT_QUAL_RANGE
};

/* A mention of a number in a paragraph. */
struct rpt_quantity {
	size_t		 off, len;	/* the span in the paragraph's text */
	enum rpt_qkind	 kind;
	enum rpt_qual	 qual;
	char		 value[48];	/* exact decimal, or ISO 8601 for dates */
	char		 max[48];	/* a range's upper bound, else "" */
	const char	*unit;		/* normalised; not NUL-terminated */
	size_t		 unit_len;
};

const char *rpt_qkind_name(enum rpt_qkind k);
const char *rpt_qual_name(enum rpt_qual q);
/* Parse a kind's name; -1 if unknown. */
int	rpt_qkind_parse(const char *name, size_t n, enum rpt_qkind *k);

struct rpt_numbers;

/* A number finder; with all set it also returns the non-quantities. */
struct rpt_numbers *rpt_numbers_new(int all);
void	rpt_numbers_free(struct rpt_numbers *x);

/*
 * The mentions in the paragraph p from byte skip on (past a heading's
 * marker), in order: returns how many and points *out at them (valid
 * until the next call), or -1 on allocation failure.
 */
long	rpt_numbers(struct rpt_numbers *x, const char *p, size_t n, size_t skip,
	    const struct rpt_quantity **out);
/* For tests: do rpt_numbers()' two scans agree on p (0; -1 no; 1 one only)? */
int	rpt_numbers_check_scan(const struct rpt_numbers *x, const char *p, size_t n);

/* The longest clause before or after a mention, in characters. */
#define RPT_CONTEXT_MAX	30

/*
 * The clause around a mention, as rpt-numbers' context and after columns
 * show it: before is the text from the last clause boundary (，。；：、！？
 * and ASCII , ; : ! ?) up to the mention, after the text from the
 * mention's end up to the next boundary; each is at most RPT_CONTEXT_MAX
 * characters (the ones nearest the mention kept) and trimmed of white
 * space.  Offsets into the paragraph, on character boundaries.
 */
struct rpt_context {
	size_t		 before_off, before_len;
	size_t		 after_off, after_len;
};

/*
 * Fill *c with the clause around q, a mention that rpt_numbers() found in
 * the paragraph p of n bytes (the same p and n it was given: the clause
 * may reach back past skip, into a heading's marker).  Nothing is
 * allocated; the offsets hold as long as p does.
 */
void	rpt_quantity_context(const char *p, size_t n,
	    const struct rpt_quantity *q, struct rpt_context *c);

/* ---------------------------------------------------------------- outline.c */

/*
 * The outline of a document as rpt-sections lists it: one row per element
 * (title, 发文字号, heading, date...), per block of web remnants and, with
 * RPT_OUTLINE_ITEMS, per enumerated item.  A heading's chars cover its
 * whole section, known only when the section ends, so rows are held until
 * they are final and then handed out in the order they were made (that of
 * their lines): memory grows with the rows of the open sections.
 */

#define RPT_OUTLINE_ITEMS	0x1	/* rows for enumerated items (-i) */

/*
 * A row, as rpt-sections prints it.  Its strings are owned by the outline
 * and valid until the next rpt_outline_para(), rpt_outline_reset() or
 * rpt_outline_free(); those a row lacks have length 0 (and its numbers
 * are 0).
 */
struct rpt_outline_row {
	long		 line;		/* input line of its first paragraph */
	enum rpt_kind	 kind;
	int		 level;		/* a heading's depth; an item's, + 1 */
	const char	*marker;	/* a heading's marker, an item's enumerator */
	size_t		 marker_len;
	int		 num;		/* the marker's value; an item's number */
	const char	*path;		/* "2.1"; an item's ends in its number */
	size_t		 path_len;
	const char	*part;		/* rpt_para.part of headings and items */
	size_t		 part_len;
	const char	*title;		/* a block's lines joined by " / " */
	size_t		 title_len;
	long		 chars;		/* a heading's: its whole section's */
	int		 lines;		/* the paragraphs of a block (else 1) */
	size_t		 first_len;	/* bytes of its first line in title */
};

/*
 * An enumerated item (一是…, 第一，…, ①…) of a paragraph, cut by the same
 * code as rpt-split -u item: offsets into the paragraph's text.
 */
struct rpt_outline_item {
	size_t		 off;		/* its enumerator */
	size_t		 marker_len;	/* the enumerator's bytes */
	size_t		 title_len;	/* after it, up to its first 。 or ； */
	size_t		 chars;		/* the item's non-white characters */
};

struct rpt_outline;

/* An outline with RPT_OUTLINE_ flags; NULL (errno ENOMEM) on failure. */
struct rpt_outline *rpt_outline_new(int flags);
void	rpt_outline_free(struct rpt_outline *o);
/* Forget the document (held rows too): the next paragraph starts one. */
void	rpt_outline_reset(struct rpt_outline *o);

/*
 * Feed the next settled paragraph of the document (rpt_doc_next()), which
 * the outline does not keep.  Returns -1 on allocation failure, after
 * which only rpt_outline_reset() and rpt_outline_free() may follow.
 */
int	rpt_outline_para(struct rpt_outline *o, const struct rpt_para *p);

/*
 * The items the last paragraph fed has (with RPT_OUTLINE_ITEMS; body text
 * and headings only): how many, and *items (valid until the next
 * rpt_outline_para()) points at them.
 */
size_t	rpt_outline_items(const struct rpt_outline *o,
	    const struct rpt_outline_item **items);

/* The document has ended: every row held is final. */
void	rpt_outline_finish(struct rpt_outline *o);

/*
 * The next row that is final, in line order: 1 and *row filled, 0 when
 * none is ready.  Rows come in batches (a thousand or more at a time,
 * which is faster than a few after every paragraph), the rest after
 * rpt_outline_finish(); 0 then means all have gone.  Call it until it
 * returns 0 after every paragraph to keep memory small.
 */
int	rpt_outline_next(struct rpt_outline *o, struct rpt_outline_row *row);

/* ---------------------------------------------------------------- check.c */

/*
 * rpt-sections --check: what is wrong with a document's structure, as
 * findings, by the rules of GB/T 9704 and of the document's profile.
 */

/* What a finding is about; rpt_finding_name() gives the code printed. */
enum rpt_finding_code {
	RPT_F_REFUSED,		/* the file could not be read at all */
	RPT_F_PARTIAL,		/* read stopped at an error */
	RPT_F_MISSING_PART,	/* a required part has no section */
	RPT_F_NO_TITLE,
	RPT_F_NO_DATE,
	RPT_F_UNMARKED_PART,	/* a part stated in an unnumbered paragraph */
	RPT_F_DEBRIS,		/* conversion debris removed */
	RPT_F_NUMBERING_GAP,	/* 一、 三、 */
	RPT_F_NUMBERING_REPEAT,	/* a marker read as body text */
	RPT_F_MIXED_MARKERS,	/* 一、 then 二. */
	RPT_F_LEVEL_SKIP,	/* a family below its GB/T 9704 level */
	RPT_F_BURIED_PART,	/* a missing part mentioned in another's section */
	RPT_F_BOILERPLATE,	/* web-page remnants */
	RPT_F_UNMARKED_HEADING,	/* a heading of a series without markers */
	RPT_F_NCODES
};

/* The code as printed ("numbering-gap"), NULL past the last. */
const char *rpt_finding_name(enum rpt_finding_code c);

/* Longest detail text, in bytes: longer ones are cut at a character. */
#define RPT_FINDING_MAX	511

/*
 * A finding.  detail is valid UTF-8 without LF, CR or NUL (a paragraph's
 * TAB may be quoted in it), owned by the check and valid until the next
 * rpt_check_para(), rpt_check_reset() or rpt_check_free().
 */
struct rpt_finding {
	long			 line;	/* 0 for the document as a whole */
	enum rpt_finding_code	 code;
	const char		*detail;
	size_t			 detail_len;
};

struct rpt_check;

/* A checker; NULL (errno ENOMEM) on failure. */
struct rpt_check *rpt_check_new(void);
void	rpt_check_free(struct rpt_check *c);
/* Forget the document: the next paragraph starts one. */
void	rpt_check_reset(struct rpt_check *c);

/* Feed the next settled paragraph; returns -1 on allocation failure. */
int	rpt_check_para(struct rpt_check *c, const struct rpt_para *p);

/*
 * The document d handed out has ended (stopped: its reading stopped at an
 * error, so the findings are those of the part before it).  Returns -1 on
 * allocation failure.
 */
int	rpt_check_finish(struct rpt_check *c, const struct rpt_doc *d,
	    int stopped);

/*
 * The document could not be read (reason: why, as told on standard
 * error): its one finding, in place of any others.  Returns -1 on
 * allocation failure.
 */
int	rpt_check_refused(struct rpt_check *c, const char *reason, size_t len);

/*
 * The findings after rpt_check_finish() or rpt_check_refused(): how many,
 * and *f points at them, in line order (the document's first, then by
 * line, each line's in the order the checks run).
 */
size_t	rpt_check_findings(const struct rpt_check *c,
	    const struct rpt_finding **f);

/* ---------------------------------------------------------------- tsv.c */

struct rpt_tsv;

/* A writer on file descriptor fd with its own buffer. */
struct rpt_tsv *rpt_tsv_new(int fd);
/* Flush and free; returns 0 or -1 with errno like rpt_tsv_flush(). */
int	rpt_tsv_free(struct rpt_tsv *t);

/* One field, escaped: \ as \\, TAB as \t, LF as \n, CR as \r. */
void	rpt_tsv_field(struct rpt_tsv *t, const char *p, size_t n);
/* A field that is already escaped, such as rpt_name_escape()'s result. */
void	rpt_tsv_raw(struct rpt_tsv *t, const char *p, size_t n);
/*
 * Append p escaped as rpt_tsv_field() writes it to b: fields that many
 * rows share are rendered once (joined by TAB) and written with
 * rpt_tsv_raw().  Returns 0, or -1 on allocation failure.
 */
int	rpt_tsv_escape(struct rpt_buf *b, const char *p, size_t n);
/*
 * Might p hold a byte that a field escapes (TAB, LF, CR, backslash)?  0
 * is exact; 1 may also mean another control byte.  A paragraph asked once
 * spares the asking of every field cut from it.
 */
int	rpt_tsv_needs_escape(const char *p, size_t n);
/* Append v as rpt_tsv_long() writes it to b: 0, or -1 as above. */
int	rpt_tsv_number(struct rpt_buf *b, long v);
void	rpt_tsv_long(struct rpt_tsv *t, long v);
/*
 * For rows put together in memory: v in decimal written from q on, as
 * rpt_tsv_long() writes it (room for 20 bytes); returns its end.
 */
char	*rpt_tsv_put_long(char *q, long v);
/*
 * Add one to the decimal number of *len digits at d (0 or more, no
 * sign), in place: a number that goes up by one a row is not written
 * anew each time.  From 9...9, *len grows by one.
 */
void	rpt_count_up(char *d, size_t *len);
/* End the row. */
void	rpt_tsv_eol(struct rpt_tsv *t);
/* The header: names joined by TAB. */
void	rpt_tsv_header(struct rpt_tsv *t, const char *const *names);

/*
 * Write out what is buffered.  Returns 0, or -1 with errno that of the
 * first failed write (EPIPE when the reader went away); after a failure
 * the writer discards everything, and every flush fails the same way.
 */
int	rpt_tsv_flush(struct rpt_tsv *t);
/* The errno of the first failed write, 0 if none. */
int	rpt_tsv_error(const struct rpt_tsv *t);

/*
 * Escape a file name into out for the file column and for messages: like
 * a field, and bytes that are not valid UTF-8 written as \xHH so that the
 * output stays UTF-8.  Returns out->p, NUL-terminated, or NULL on
 * allocation failure.
 */
const char *rpt_name_escape(struct rpt_buf *out, const char *name);

/* ---------------------------------------------------------------- profile.c */

/*
 * Profiles map a heading's title to the canonical parts of a report
 * (measures, shortfalls, plans...).  The text format is described at the
 * top of profile.c; fzzf, gwr and summary are built in.  A profile is made
 * once and used for every heading of every document; it keeps scratch
 * space for matching, so one profile serves one thread at a time.
 */

/* The pcre2_set_match_limit() of every search a profile runs. */
#define RPT_PROFILE_MATCH_LIMIT	1000000
/*
 * PCRE2's match limit holds per start position.  Patterns (a profile's
 * rules, rpt_pattern) also count their steps, one per pattern item tried,
 * against a budget per document: RPT_PATTERN_STEPS, plus
 * RPT_PATTERN_STEPS_BYTE for each byte of text each pattern is given.  A
 * search that would overrun it fails as if it hit the match limit.  The
 * budget starts over with rpt_profile_reset() and rpt_pattern_reset().
 */
#define RPT_PATTERN_STEPS	1000000
#define RPT_PATTERN_STEPS_BYTE	100
/* The pcre2_set_heap_limit() (KiB) when the JIT is not available. */
#define RPT_PROFILE_HEAP_LIMIT	(8 * 1024)
/* Largest profile file read, in bytes: anything larger is not a profile. */
#define RPT_PROFILE_MAX		(1024 * 1024)

/*
 * The parts a profile names are numbered from 0 in the order it first
 * names them, at most RPT_PARTS_MAX of them (a profile with more is
 * refused), so that a set of parts is a bitmask.
 */
#define RPT_PARTS_MAX	64

/*
 * A set of parts that also keeps the order its members came in: a
 * heading's parts in the order its title names them, or the missing
 * parts in #required's order.  Zeroed, it is the empty set.
 */
struct rpt_parts {
	uint64_t	 set;			/* bit i: part i */
	int		 n;
	unsigned char	 list[RPT_PARTS_MAX];	/* the members, in order */
};

/* Add part i (0 <= i < RPT_PARTS_MAX) to s, at the end, unless it is in. */
void	rpt_parts_add(struct rpt_parts *s, int i);

/*
 * What went wrong, for a message such as "FILE:LINE:COL: msg".  line is the
 * profile's 1-based line (0 when the trouble is not on a line: unreadable
 * file, out of memory), col the 1-based character column in it (0 if
 * none).  For a bad pattern, msg holds PCRE2's message and offset PCRE2's
 * byte offset in the pattern.  After a failed rpt_profile_match(), pat and
 * patlen are the rule's pattern as written (owned by the profile).  msg
 * never names the file.
 */
struct rpt_profile_error {
	long		 line;
	long		 col;
	size_t		 offset;
	const char	*pat;
	size_t		 patlen;
	char		 msg[256];
};

/*
 * Make a profile from text (copied), calling it name.  Returns 0 and sets
 * *p, which the caller frees with rpt_profile_free(); or -1 with *p NULL
 * and e filled in (e may be NULL).  A bad profile is the caller's usage
 * error.
 */
int	rpt_profile_parse(const char *name, const char *text, size_t len,
	    struct rpt_profile **p, struct rpt_profile_error *e);
/* A built-in profile by name (fzzf, gwr, summary), like rpt_profile_parse(). */
int	rpt_profile_builtin(const char *name, struct rpt_profile **p,
	    struct rpt_profile_error *e);
/* The i-th built-in profile's name, NULL past the last. */
const char *rpt_profile_builtin_name(size_t i);
/* A profile file (named by its path), like rpt_profile_parse(). */
int	rpt_profile_load(const char *path, struct rpt_profile **p,
	    struct rpt_profile_error *e);
/*
 * What --profile=NAME|FILE means: a built-in when arg is one's name and has
 * no '/' (./gwr is the file), else a file.
 */
int	rpt_profile_open(const char *arg, struct rpt_profile **p,
	    struct rpt_profile_error *e);
void	rpt_profile_free(struct rpt_profile *p);
/* A new document: the profile's step budget starts over. */
void	rpt_profile_reset(struct rpt_profile *p);

/* The name the profile was made with (a built-in's name or a path). */
const char *rpt_profile_name(const struct rpt_profile *p);
/* The profile's text as given, NUL-terminated, for --print-profile. */
const char *rpt_profile_text(const struct rpt_profile *p, size_t *len);
/* The required parts, in #required's order (owned by the profile). */
const struct rpt_parts *rpt_profile_required(const struct rpt_profile *p);

/* The number of parts the profile names. */
int	rpt_profile_nparts(const struct rpt_profile *p);
/* The name of part i ("measures"), "" if there is none such. */
const char *rpt_profile_part(const struct rpt_profile *p, int i);
/* The number of the part named [name, name + n), -1 if none. */
int	rpt_profile_part_find(const struct rpt_profile *p, const char *name,
	    size_t n);
/*
 * The Chinese name of part i for messages (主要举措和成效) and its length
 * in *len, or NULL: the profile's #name, else a built-in profile's for a
 * part of the same name.  NUL-terminated, owned by the profile.
 */
const char *rpt_profile_part_name(const struct rpt_profile *p, int i,
	    size_t *len);
/*
 * Append the names of the parts of s to out in their order, joined by
 * sep ("shortfalls+plans" with '+'), and NUL-terminate out.  Returns -1
 * on allocation failure.
 */
int	rpt_parts_format(const struct rpt_profile *p, const struct rpt_parts *s,
	    char sep, struct rpt_buf *out);

/*
 * Set out to the parts a heading title (valid UTF-8) names, in the order
 * they occur in the title, the #year part first, and return how many;
 * report_year (0 if unknown) turns on the #year rule.
 * Returns -1 when a search failed (a pattern hit the match limit or the
 * step budget: e->line and e->pat name the rule; it is an error for the
 * document being read) or memory ran out (e->line 0, errno ENOMEM).  The profile is not const:
 * it holds the scratch space.
 */
int	rpt_profile_match(struct rpt_profile *p, const char *title,
	    size_t len, int report_year, struct rpt_parts *out,
	    struct rpt_profile_error *e);

/*
 * The part of a level-1 heading no rule matched, given the set of parts
 * seen so far in the document: the last #fallback-after whose SEEN part
 * is in seen, else #fallback, else -1.  Constant time in the document.
 */
int	rpt_profile_fallback(const struct rpt_profile *p, uint64_t seen);

/*
 * The built-in profile for a document: "gwr" when its title says
 * 政府工作报告, "fzzf" when it says 法治政府建设, else "summary".  Only a
 * document without a title (a scraped body) is judged by its addressee
 * (各位代表： means gwr) and its first body paragraph (法治政府建设 means
 * fzzf).  White space is ignored throughout.
 */
const char *rpt_profile_auto(const char *title, size_t tlen,
	    const char *addressee, size_t alen, const char *first_body,
	    size_t blen);

/*
 * Set out to the profile's required parts that are not in have (the set
 * of parts that have a section), in #required's order.
 */
void	rpt_profile_missing(const struct rpt_profile *p, uint64_t have,
	    struct rpt_parts *out);

/*
 * A user's pattern (rpt-stats -e): PCRE2 with PCRE2_UTF | PCRE2_UCP, the
 * JIT where available, and the same match limit per search and step
 * budget (RPT_PATTERN_STEPS) as a profile's rules.  Returns 0 and *pt, or
 * -1 with e->msg (PCRE2's message and the offset) and e->offset.
 */
struct rpt_pattern;
int	rpt_pattern_new(const char *pat, size_t len, struct rpt_pattern **pt,
	    struct rpt_profile_error *e);
void	rpt_pattern_free(struct rpt_pattern *pt);
/* A new document: the pattern's step budget starts over. */
void	rpt_pattern_reset(struct rpt_pattern *pt);
/*
 * The number of non-overlapping matches in p (valid UTF-8; an empty match
 * counts once and the search goes on from the next character), or -1 when
 * a search failed: the match limit or the step budget was hit (e->msg
 * says "match limit exceeded") or memory ran out (errno ENOMEM).
 */
long	rpt_pattern_count(struct rpt_pattern *pt, const char *p, size_t n,
	    struct rpt_profile_error *e);

/* ---------------------------------------------------------------- facts.c */

/*
 * The facts of a document that rpt-stats writes and rpt-sections --check
 * tests, gathered in one pass over its settled paragraphs: what it is
 * (title, 发文字号, issuer, date, year, profile), which of the profile's
 * parts it has and lacks, and how big it and its parts are.  Feed every
 * paragraph rpt_doc_next() hands out, in order, then end the document.
 */

/* The size of a part: its paragraphs' non-white characters. */
struct rpt_part_size {
	const char	*name;		/* as rpt_para.part: "shortfalls+plans" */
	size_t		 name_len;
	size_t		 chars;
};

/*
 * What rpt_facts_end() found.  The text is owned by the rpt_facts and
 * valid until its next para, reset or free; text that was not found is
 * "" (length 0, never NULL).
 */
struct rpt_doc_facts {
	const char	*title;		/* the first title, its lines joined */
	size_t		 title_len;
	const char	*docno;		/* the first 发文字号 */
	size_t		 docno_len;
	/* The issuer lines above the title, else the signature's lines. */
	const char	*issuer;
	size_t		 issuer_len;
	const char	*signature;	/* lines joined by " / " like the issuer's */
	size_t		 signature_len;
	/*
	 * YYYY-MM-DD: the last 成文日期, else the first full date of a
	 * subtitle (——2024年3月5日在…会议上).
	 */
	const char	*date;
	size_t		 date_len;
	int		 year;		/* rpt_doc_year(), 0 when not known */
	const char	*profile;	/* rpt_doc_profile(), owned by the model */
	/*
	 * The profile that named the document's parts (the last paragraph's),
	 * NULL if none did: have and missing are sets of its parts.
	 */
	const struct rpt_profile *parts_profile;
	uint64_t	 have;		/* parts with a level-1 section */
	struct rpt_parts missing;	/* its required parts not in have */
	/* The parts' sizes, in the order the parts first occur. */
	const struct rpt_part_size *sizes;
	size_t		 nsizes;
	size_t		 titles;	/* titles (a multi-line one counts once) */
	size_t		 dates;		/* 成文日期 lines */
	size_t		 paras;		/* headings and body paragraphs */
	size_t		 headings;
	int		 depth;		/* of the deepest heading, 0 if none */
	size_t		 chars;		/* the report's: all but web remnants */
	size_t		 text_chars;	/* its headings' and body paragraphs' */
	size_t		 boilerplate_chars; /* web remnants' and debris' */
};

struct rpt_facts;

/* A new gatherer, or NULL (errno ENOMEM); free it with rpt_facts_free(). */
struct rpt_facts *rpt_facts_new(void);
void	rpt_facts_free(struct rpt_facts *f);
/* Forget the document: the next paragraph starts another.  Keeps memory. */
void	rpt_facts_reset(struct rpt_facts *f);
/*
 * Take in the next paragraph of the document (f keeps copies, never p).
 * Returns 0, or -1 (errno ENOMEM) when memory ran out: the document's facts
 * are then incomplete, and it should stop there.
 */
int	rpt_facts_para(struct rpt_facts *f, const struct rpt_para *p);
/*
 * The document has ended (or stopped): its facts, owned by f, with the year
 * and profile of the model d that handed out the paragraphs.  Cannot fail.
 */
const struct rpt_doc_facts *rpt_facts_end(struct rpt_facts *f,
	    const struct rpt_doc *d);
/*
 * Append the parts' sizes to out as NAME:CHARS joined by ','
 * (preamble:210,measures:5234) and NUL-terminate it.  Returns -1 (errno
 * ENOMEM) on allocation failure.
 */
int	rpt_part_sizes_format(const struct rpt_doc_facts *f, struct rpt_buf *out);
/*
 * Append the missing parts to out, comma-separated in #required's order
 * ("shortfalls,plans"; nothing without a profile), NUL-terminated.
 * Returns -1 on allocation failure.
 */
int	rpt_missing_format(const struct rpt_doc_facts *f, struct rpt_buf *out);

/* ---------------------------------------------------------------- stats.c */

/*
 * How a report's text reads, counted over its paragraphs except web
 * remnants by the code of the filter that lists what is counted.
 */
struct rpt_text_stats {
	size_t	 han;		/* CJK ideographs (rpt_is_han) */
	size_t	 sents;		/* of headings and body, as rpt-split */
	size_t	 items;		/* enumerated items, as rpt-sections -i */
	size_t	 quantities;	/* as rpt-numbers' rows */
	size_t	 percents;	/* of them, RPT_Q_PERCENT */
};

struct rpt_stats;

/*
 * A new counter, or NULL (errno ENOMEM); free it with rpt_stats_free().
 * taken lists the names no pattern may have (the caller's other columns,
 * NULL-terminated; not copied, so it must outlive s) and what says what
 * they are, for messages ("a column of rpt-stats").
 */
struct rpt_stats *rpt_stats_new(const char *const *taken, const char *what);
/* Free the counter and its patterns. */
void	rpt_stats_free(struct rpt_stats *s);
/*
 * Also count the matches of the pattern [pat, pat + plen) (rpt_pattern_new()),
 * named [name, name + nlen): lower-case ASCII letters, digits and _, neither
 * taken nor an earlier pattern's name.  s compiles and keeps a copy of both.
 * Returns 0, or -1 with errno ENOMEM, or EINVAL and e->msg saying what is
 * wrong (e may be NULL).
 */
int	rpt_stats_pattern(struct rpt_stats *s, const char *name, size_t nlen,
	    const char *pat, size_t plen, struct rpt_profile_error *e);
/*
 * Add the patterns of a file (rpt-stats -f): NAME<TAB>PATTERN a line, blank
 * lines and lines starting with # skipped.  Returns 0, or -1 like
 * rpt_stats_pattern() with e->line the line at fault; e->line 0 when the
 * file could not be read (errno says why, e->msg too).  The patterns before
 * the line at fault are kept.
 */
int	rpt_stats_load(struct rpt_stats *s, const char *path,
	    struct rpt_profile_error *e);
/* The taken names, then the patterns', NULL-terminated (owned by s). */
const char *const *rpt_stats_columns(const struct rpt_stats *s);
size_t	rpt_stats_npatterns(const struct rpt_stats *s);
/* Pattern i's name, and its text as given in *text (owned by s). */
const char *rpt_stats_pattern_name(const struct rpt_stats *s, size_t i,
	    const char **text);
/* A new document: the counts are 0 and the patterns' step budgets start over. */
void	rpt_stats_reset(struct rpt_stats *s);
/*
 * Count the next paragraph of the document.  Returns 0, or -1 (errno
 * ENOMEM) when memory ran out.  A pattern that hits the match limit or
 * its step budget stops counting for the document (rpt_stats_matches()).
 */
int	rpt_stats_para(struct rpt_stats *s, const struct rpt_para *p);
/* The counts of the document so far, owned by s. */
const struct rpt_text_stats *rpt_stats_counts(const struct rpt_stats *s);
/* The matches of pattern i in the document so far, -1 when a search failed. */
long	rpt_stats_matches(const struct rpt_stats *s, size_t i);

#endif /* RPT_H */
