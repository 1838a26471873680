/*
 * internal.h - what the modules of librpt share among themselves and
 * nothing outside lib/ uses: the byte-level helpers, the SSE2 fast paths'
 * white-space mask, and element.c's tests of what one paragraph looks
 * like on its own, which doc.c weighs with the paragraph's place in the
 * document.  The filters and the tests use rpt.h alone.
 */
#ifndef RPT_INTERNAL_H
#define RPT_INTERNAL_H

#include "rpt.h"

/* ---------------------------------------------------------------- text.c */

/*
 * Length of the well-formed UTF-8 character at p (n > 0 bytes), or 0 when
 * there is none: then *bad is the length of the maximal ill-formed subpart
 * there (the unit one U+FFFD replaces), or 0 when the character is merely
 * cut off by the end of the buffer.
 */
size_t	rpt_utf8_char(const unsigned char *p, size_t n, size_t *bad);

/* First occurrence of needle [nd, nd + nn) in [h, h + hn), or NULL. */
const char *rpt_memmem(const char *h, size_t hn, const char *nd, size_t nn);

/*
 * Make room in the array p (of *cap elements of size bytes) for n
 * elements, doubling it: returns the array (perhaps moved), or NULL
 * (errno ENOMEM) when p is left as it was.
 */
void	*rpt_grow(void *p, size_t *cap, size_t n, size_t size);

/*
 * A list of the rules' words (NULL-terminated, each of two bytes or more,
 * valid UTF-8, RPT_WORDSET_MAX at most), indexed by a hash of their first
 * two bytes (element.c): a place in a text is tried against the words
 * whose first two bytes hash as its own do, in the order of the list, and
 * against none when no word's do (most places).  The index is built at
 * the first call that asks, not at every call: the lists never change.
 * A word whose first byte is ASCII hashes with 0 for its second when
 * one_ascii is set (element.c's field widgets: [ ] |).
 */
#define RPT_WORDSET_MAX	255

struct rpt_wordset {
	const char *const *words;
	int		 one_ascii;
	int		 ready;
	struct rpt_wordindex {
		/* 1 + the first word of a hash, 1 + the next of the same */
		unsigned char	 first[1024];
		unsigned char	 next[RPT_WORDSET_MAX];
	}		 ix;
};

#define RPT_WORDSET(list, one)	{ (list), (one), 0, { { 0 }, { 0 } } }
/* Fails to compile when list has more words than the index can number. */
#define RPT_WORDSET_FITS(list)	typedef char list##_fits[ \
	sizeof(list) / sizeof((list)[0]) - 1 <= RPT_WORDSET_MAX ? 1 : -1]

/* Does p open with one of the words of ws? */
int	rpt_starts_any(const char *p, size_t n, struct rpt_wordset *ws);

/* What rpt_line_end() finds before the end of a line, added up. */
struct rpt_line_count {
	size_t	cont;		/* continuation bytes */
	size_t	ws;		/* white-space characters */
	int	debris;		/* a byte that may start debris: [, C3-C7, E1 */
	int	esc;		/* a byte a TSV field escapes: below 0E, or \ */
};

/*
 * The end of the line that starts at p: the offset of the first LF or CR
 * in p[0, n), or n when there is none, with what the passes after it
 * would find out, in the same pass: adds to *lc the continuation bytes
 * and white-space characters before the end (so that the line has its
 * length less the first of characters, and less both of non-white ones,
 * as rpt_count_leads() and rpt_count_chars() count them), and says when
 * a byte before the end may start conversion debris (rpt_strip_debris()).
 * p[0, n) is valid UTF-8 that ends on a character boundary.
 */
size_t	rpt_line_end(const char *p, size_t n, struct rpt_line_count *lc);

/*
 * Does the byte b lead a character of U+4000-U+9FFF (E4-E9, three bytes)?
 * Those are ideographs and hexagrams, in no class but RPT_C_CN_DIGIT and
 * RPT_C_CN_TWO (chars-test checks), so that the loops that look for
 * punctuation or white space step over them without decoding.
 */
static inline int
rpt_han_lead(unsigned char b)
{
	return b - 0xe4U <= 5U;
}

/* May the byte b start conversion debris (rpt_strip_debris())? */
static inline int
rpt_debris_byte(unsigned char b)
{
	return b == '[' || (b >= 0xc3 && b <= 0xc7) || b == 0xe1;
}

#ifdef __SSE2__
#include <emmintrin.h>

/*
 * AVX2 where the compiler can make it: a function marked RPT_AVX2 is
 * compiled for it alone (target()), and called only where rpt_have_avx2()
 * says the machine has it, so that the library runs on any x86-64.
 */
#if defined(__x86_64__) && \
    (defined(__clang__) || (defined(__GNUC__) && __GNUC__ >= 5))
#define RPT_HAVE_AVX2
#include <immintrin.h>

#define RPT_AVX2	__attribute__((target("avx2,popcnt")))

static inline int
rpt_have_avx2(void)
{
	return __builtin_cpu_supports("avx2") &&
	    __builtin_cpu_supports("popcnt");
}

/* rpt_line_end() 32 bytes a step, where rpt_have_avx2() says so. */
size_t	rpt_line_end_avx2(const char *p, size_t n, struct rpt_line_count *lc);
#endif

/* The bytes of x that may start conversion debris ([, C3-C7, E1). */
static inline __m128i
rpt_debris_lead16(__m128i x)
{
	__m128i m;

	/* C3-C7: x - C3 at most 4, unsigned. */
	m = _mm_sub_epi8(x, _mm_set1_epi8((char)0xc3));
	m = _mm_cmpeq_epi8(_mm_min_epu8(m, _mm_set1_epi8(4)), m);
	return _mm_or_si128(m, _mm_or_si128(_mm_cmpeq_epi8(x,
	    _mm_set1_epi8((char)0xe1)), _mm_cmpeq_epi8(x, _mm_set1_epi8('['))));
}
/*
 * The bytes of a 16-byte block that may start white space (those of
 * rpt_space_lead), as a compare mask; for the SSE2 fast paths.
 */
static inline __m128i
rpt_space_lead16(__m128i x)
{
	__m128i m;

	m = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(x, _mm_set1_epi8((char)0xe2)),
	    _mm_cmpeq_epi8(x, _mm_set1_epi8((char)0xe3))),
	    _mm_or_si128(_mm_cmpeq_epi8(x, _mm_set1_epi8((char)0xef)),
	    _mm_cmpeq_epi8(x, _mm_set1_epi8((char)0xc2))));
	m = _mm_or_si128(m, _mm_or_si128(_mm_cmpeq_epi8(x,
	    _mm_set1_epi8((char)0xe1)), _mm_cmpeq_epi8(x, _mm_set1_epi8(' '))));
	/* TAB to CR: signed compares are right for 0x00-0x7f. */
	return _mm_or_si128(m, _mm_and_si128(_mm_cmpgt_epi8(x,
	    _mm_set1_epi8('\t' - 1)), _mm_cmplt_epi8(x, _mm_set1_epi8('\r' + 1))));
}
#endif

/* ---------------------------------------------------------------- docx.c */

struct rpt_docx;
/*
 * Start reading a ZIP file: fd (not taken; a pipe is read to its end and
 * spooled), head the bytes already read from it.  Returns 0 for a Word
 * file, else -1 with diag saying why: RPT_E_FORMAT for another kind of ZIP
 * (diag->format), RPT_E_DOCX (diag->detail) for a damaged or hostile one.
 */
int	rpt_docx_open(struct rpt_docx **x, int fd, const unsigned char *head,
	    size_t headlen, struct rpt_diag *diag);
/*
 * Append the next lines of text (one per paragraph and manual line break,
 * each ending in LF) to out: 1 while there may be more, 0 at the end, -1
 * on an error (the diag given to rpt_docx_open() says what).
 */
int	rpt_docx_more(struct rpt_docx *x, struct rpt_buf *out);
/* The formatting of line number line (ascending calls). */
void	rpt_docx_line_fmt(struct rpt_docx *x, long line, unsigned *fmt,
	    int *outline, int *lead);
void	rpt_docx_free(struct rpt_docx *x);

/* ---------------------------------------------------------------- element.c */

/*
 * What one trimmed paragraph looks like on its own; doc.c weighs these
 * with the paragraph's place in the document.
 */

/* Is p a whole-line date (2023年12月5日, 2023 年 12 月 5 日, 二〇二三年十二月五日)? */
int	rpt_parse_date(const char *p, size_t n, int *y, int *m, int *d);
/* Is p a 发文字号 (青龙委文〔2024〕7号, also with [] () 【】 around the year)? */
int	rpt_is_docno(const char *p, size_t n);
/*
 * The length of the 发文字号 that p is, 签发人 and names after it left
 * out (惠委〔2026〕17号 签发人：某某); 0 if p is none.
 */
size_t	rpt_docno_len(const char *p, size_t n);
/*
 * Is p a web-page remnant?  2 for a sure sign anywhere in a short line
 * (版权所有, ICP备, 打印本页…), 1 for a word that is one only as a whole
 * line (下载, 打印, 首页…) and so counts only next to others, 0 if not.
 */
int	rpt_is_boilerplate(const char *p, size_t n);
/*
 * Is p page chrome: a breadcrumb, a site header, a line of publication
 * fields (发布日期：… 来源：… 点击数：) or metadata fields (索引号 发布机构
 * 公文生成日期…), a footer (上一篇, 责任编辑)?  2 if so, 3 for a
 * breadcrumb's separator alone (>, whose next line is an item of it), 1
 * for a bulleted short value that is chrome among other chrome, 0 if not.
 * Lines of at most CHROME_MAX characters without 。.
 */
#define CHROME_MAX	300
int	rpt_is_chrome(const char *p, size_t n);
/*
 * Is p (trimmed) a page number as PDF text has them: — 1 —, - 1 -, —1—,
 * 第 1 页 共 5 页, 第1页, 1/5?
 */
int	rpt_is_page_number(const char *p, size_t n);
/*
 * The value of the field label (文号, 成文日期…) in a line of chrome
 * (文号：X, [ 文号 ]X, • 备注/文号:X, several fields on one line): its
 * length, trimmed, and *val; 0 if the line has no such field or it is
 * empty.
 */
size_t	rpt_chrome_field(const char *p, size_t n, const char *label,
	    const char **val);
/* Is p one or more organ names (中共某某镇委员会 某某镇人民政府)? */
int	rpt_is_organ_line(const char *p, size_t n);
/* Could p be (the first line of) a report's title? */
int	rpt_is_titleish(const char *p, size_t n);
/* Does a (joined) title already end like one (…报告, …总结)? */
int	rpt_title_complete(const char *p, size_t n);
/* Is p the dateline under a 政府工作报告's title (——2020年5月22日在…会议上)? */
int	rpt_is_subtitle(const char *p, size_t n);
/*
 * Is p the speaker of a 政府工作报告 (国务院总理 李克强)?  *office_only is
 * set when the line holds the office alone and the name follows.
 */
int	rpt_is_author(const char *p, size_t n, int *office_only);
/* Is p a person's name alone (李　强)? */
int	rpt_is_person_name(const char *p, size_t n);
/* Is p a 主送机关 line (县委、县政府：)? */
int	rpt_is_addressee(const char *p, size_t n);
/* Does p end with punctuation that ends or continues a sentence? */
int	rpt_ends_sentence(const char *p, size_t n);
/*
 * How p ends, closing marks aside: 2 with 。！？；：… (a sentence or a
 * lead-in is complete), 1 with ，、 (it goes on), 0 otherwise.
 */
int	rpt_end_mark(const char *p, size_t n);
/* Does p contain sentence punctuation anywhere? */
int	rpt_has_punct(const char *p, size_t n);

#endif /* RPT_INTERNAL_H */
