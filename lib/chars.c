/*
 * chars.c - the character-class table: code point -> RPT_C_ classes.
 *
 * Two levels, so that a look-up is two loads and no branch on the
 * character: rpt_char_page maps the top byte of a BMP code point to a page
 * of 256 entries; every page without a classified character maps to page
 * 0, which is all 0.  The pages hold ASCII and Latin-1, the General
 * Punctuation and CJK Symbols blocks, the full-width forms and the few
 * Han characters that are Chinese digits: about 13 KiB in all.
 *
 * Each entry is written once, with every class of its character, by
 * E(code point, classes); a character on a page that has no number here
 * does not compile (PAGE() gives an index past the table).
 */
#include <stdint.h>

#include "internal.h"

enum {
	PG_NONE, PG_00, PG_16, PG_20, PG_22, PG_25, PG_30, PG_4E, PG_51,
	PG_56, PG_96, PG_FE, PG_FF, PG_COUNT
};

#define PAGE(c)	(((c) >> 8) == 0x00 ? PG_00 : ((c) >> 8) == 0x16 ? PG_16 : \
	((c) >> 8) == 0x20 ? PG_20 : ((c) >> 8) == 0x22 ? PG_22 : \
	((c) >> 8) == 0x25 ? PG_25 : ((c) >> 8) == 0x30 ? PG_30 : \
	((c) >> 8) == 0x4e ? PG_4E : ((c) >> 8) == 0x51 ? PG_51 : \
	((c) >> 8) == 0x56 ? PG_56 : ((c) >> 8) == 0x96 ? PG_96 : \
	((c) >> 8) == 0xfe ? PG_FE : ((c) >> 8) == 0xff ? PG_FF : PG_COUNT)

#define E(c, f)		[PAGE(c)][(c) & 0xff] = (f)
/* A digit: its class and its value. */
#define V(v)		((uint32_t)(v) << 28)
#define DIGIT(c, v)	E(c, RPT_C_DIGIT | V(v))
#define CN(c, v)	E(c, RPT_C_CN_DIGIT | V(v))
#define FW(k)		DIGIT(RPT_CH_FW_DIGIT_0 + (k), k)

const unsigned char rpt_char_page[256] = {
	[0x00] = PG_00, [0x16] = PG_16, [0x20] = PG_20, [0x22] = PG_22,
	[0x25] = PG_25, [0x30] = PG_30, [0x4e] = PG_4E, [0x51] = PG_51,
	[0x56] = PG_56, [0x96] = PG_96, [0xfe] = PG_FE, [0xff] = PG_FF,
};

const uint32_t rpt_char_tab[PG_COUNT][256] = {
	/* White space: Unicode White_Space and the invisible ones. */
	E('\t', RPT_C_SPACE), E('\n', RPT_C_SPACE), E('\v', RPT_C_SPACE),
	E('\f', RPT_C_SPACE), E('\r', RPT_C_SPACE), E(' ', RPT_C_SPACE),
	E(RPT_CH_NEL, RPT_C_SPACE), E(RPT_CH_NBSP, RPT_C_SPACE),
	E(RPT_CH_OGHAM_SPACE, RPT_C_SPACE),
	E(RPT_CH_EN_QUAD, RPT_C_SPACE), E(RPT_CH_EN_QUAD + 1, RPT_C_SPACE),
	E(RPT_CH_EN_QUAD + 2, RPT_C_SPACE), E(RPT_CH_EN_QUAD + 3, RPT_C_SPACE),
	E(RPT_CH_EN_QUAD + 4, RPT_C_SPACE), E(RPT_CH_EN_QUAD + 5, RPT_C_SPACE),
	E(RPT_CH_EN_QUAD + 6, RPT_C_SPACE), E(RPT_CH_EN_QUAD + 7, RPT_C_SPACE),
	E(RPT_CH_EN_QUAD + 8, RPT_C_SPACE), E(RPT_CH_EN_QUAD + 9, RPT_C_SPACE),
	E(RPT_CH_HAIR_SPACE, RPT_C_SPACE),
	E(RPT_CH_ZWSP, RPT_C_SPACE), E(RPT_CH_ZWNJ, RPT_C_SPACE),
	E(RPT_CH_ZWJ, RPT_C_SPACE), E(RPT_CH_LINE_SEP, RPT_C_SPACE),
	E(RPT_CH_PARA_SEP, RPT_C_SPACE), E(RPT_CH_NNBSP, RPT_C_SPACE),
	E(RPT_CH_MMSP, RPT_C_SPACE), E(RPT_CH_WORD_JOINER, RPT_C_SPACE),
	E(RPT_CH_IDEO_SPACE, RPT_C_SPACE), E(RPT_CH_BOM, RPT_C_SPACE),

	/* Sentence punctuation. */
	E(RPT_CH_IDEO_STOP, RPT_C_STOP), E(RPT_CH_FW_EXCL, RPT_C_STOP),
	E(RPT_CH_FW_QUESTION, RPT_C_STOP), E('!', RPT_C_STOP),
	E('?', RPT_C_STOP),
	E(RPT_CH_FW_DOT, RPT_C_DOT), E('.', RPT_C_DOT),
	E(RPT_CH_FW_SEMICOLON, RPT_C_SEMICOLON), E(';', RPT_C_SEMICOLON),
	E(RPT_CH_FW_COLON, RPT_C_COLON), E(':', RPT_C_COLON),
	E(RPT_CH_FW_COMMA, RPT_C_COMMA), E(',', RPT_C_COMMA),
	E(RPT_CH_IDEO_COMMA, RPT_C_IDEO_COMMA),
	E(RPT_CH_ELLIPSIS, RPT_C_ELLIPSIS),

	/* Quotation marks and brackets. */
	E(RPT_CH_LDQUO, RPT_C_OPEN | RPT_C_DQUOTE),
	E(RPT_CH_RDQUO, RPT_C_CLOSE | RPT_C_DQUOTE),
	E(RPT_CH_LDQUO_LOW, RPT_C_DQUOTE),
	E(RPT_CH_LSQUO, RPT_C_OPEN | RPT_C_SQUOTE),
	E(RPT_CH_RSQUO, RPT_C_CLOSE | RPT_C_SQUOTE),
	E(RPT_CH_LSQUO_LOW, RPT_C_SQUOTE),
	E(RPT_CH_LCORNER, RPT_C_OPEN | RPT_C_DQUOTE),
	E(RPT_CH_RCORNER, RPT_C_CLOSE | RPT_C_DQUOTE),
	E(RPT_CH_LWCORNER, RPT_C_OPEN | RPT_C_SQUOTE),
	E(RPT_CH_RWCORNER, RPT_C_CLOSE | RPT_C_SQUOTE),
	E(RPT_CH_REV_DQUO, RPT_C_DQUOTE), E(RPT_CH_DPRIME_DQUO, RPT_C_DQUOTE),
	E(RPT_CH_FW_LPAREN, RPT_C_OPEN), E(RPT_CH_FW_RPAREN, RPT_C_CLOSE),
	E('(', RPT_C_OPEN), E(')', RPT_C_CLOSE),
	E(RPT_CH_LBOOK, RPT_C_OPEN), E(RPT_CH_RBOOK, RPT_C_CLOSE),
	E(RPT_CH_LLENTIC, RPT_C_OPEN), E(RPT_CH_RLENTIC, RPT_C_CLOSE),

	/* Dashes. */
	E(RPT_CH_HYPHEN, RPT_C_DASH), E(RPT_CH_NB_HYPHEN, RPT_C_DASH),
	E(RPT_CH_FIGURE_DASH, RPT_C_DASH), E(RPT_CH_EN_DASH, RPT_C_DASH),
	E(RPT_CH_EM_DASH, RPT_C_DASH), E(RPT_CH_HBAR, RPT_C_DASH),
	E(RPT_CH_MINUS, RPT_C_DASH),

	/* Digits. */
	DIGIT('0', 0), DIGIT('1', 1), DIGIT('2', 2), DIGIT('3', 3),
	DIGIT('4', 4), DIGIT('5', 5), DIGIT('6', 6), DIGIT('7', 7),
	DIGIT('8', 8), DIGIT('9', 9),
	FW(0), FW(1), FW(2), FW(3), FW(4), FW(5), FW(6), FW(7), FW(8), FW(9),
	CN(RPT_CH_IDEO_ZERO, 0), CN(RPT_CH_LING, 0), CN(RPT_CH_WHITE_CIRCLE, 0),
	CN(RPT_CH_CN_1, 1), CN(RPT_CH_CN_2, 2), CN(RPT_CH_CN_3, 3),
	CN(RPT_CH_CN_4, 4), CN(RPT_CH_CN_5, 5), CN(RPT_CH_CN_6, 6),
	CN(RPT_CH_CN_7, 7), CN(RPT_CH_CN_8, 8), CN(RPT_CH_CN_9, 9),
	E(RPT_CH_LIANG, RPT_C_CN_TWO | V(2)),
	E(RPT_CH_LIANG_TRAD, RPT_C_CN_TWO | V(2)),
};
