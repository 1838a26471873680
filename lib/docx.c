/*
 * docx.c - Word (WordprocessingML) files read natively: the text of the
 * body in document order, one line per paragraph, with Word's automatic
 * numbering written before each paragraph's text as the page shows it, and
 * what the formatting says of each line (outline level, a bold lead
 * sentence, the title) for the document model.
 *
 * libzip reads the archive.  Its directory is at its end, so standard input
 * that cannot seek is spooled to an unlinked temporary file first.  expat
 * parses styles.xml and numbering.xml (small) whole into tables, then
 * document.xml as a stream: rpt_docx_more() inflates CHUNK bytes and parses
 * them, and the paragraphs that end in them come out as lines.  Memory
 * stays bounded by the tables, one paragraph and expat's buffers.
 *
 * Hostile files: a part is refused once it inflates past PART_MAX bytes or,
 * past RATIO_FLOOR bytes, at more than RATIO_MAX times its compressed size
 * (whatever the directory claims); a DTD is refused, so no entity is ever
 * expanded; elements nest DEPTH_MAX deep at most; style and numbering
 * chains are followed CHAIN_MAX links at most, so a loop is cut.
 */
#include <sys/stat.h>

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include <expat.h>
#include <utf8proc.h>
#include <zip.h>

#include "internal.h"

#define CHUNK		(64 * 1024)
#define PART_MAX	(256UL * 1024 * 1024)
#define RATIO_MAX	200
#define RATIO_FLOOR	(256 * 1024)
#define DEPTH_MAX	512
#define CHAIN_MAX	16
#define LEVELS		9
/* Paragraphs nested in paragraphs (text boxes) kept apart, at most. */
#define NEST_MAX	8
/* A paragraph's text is written out once it holds this many bytes. */
#define PARA_FLUSH	(256 * 1024)
/* Fields nested in fields, tracked. */
#define FIELD_MAX	16
/* Longest lvlText kept, in bytes. */
#define LVLTEXT_MAX	64
/* Longest number a level's counter renders to, in bytes (MMMDCCCLXXXVIII). */
#define MARKER_NUM	32
/* Font size (half-points) when the document sets none: 10 pt. */
#define SZ_DEFAULT	20
/* Entries of styles.xml and numbering.xml kept, at most. */
#define TABLE_MAX	65536

/* The separator of namespace URI and local name in expat's names. */
#define NSSEP		'\x01'

static const char *const w_ns[] = {
	"http://schemas.openxmlformats.org/wordprocessingml/2006/main",
	"http://purl.oclc.org/ooxml/wordprocessingml/main",
	NULL
};
static const char mc_ns[] =
    "http://schemas.openxmlformats.org/markup-compatibility/2006";

/* Content types of a WordprocessingML main document. */
static const char *const main_types[] = {
	"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
	"application/vnd.ms-word.document.macroEnabled.main+xml",
	"application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
	"application/vnd.ms-word.template.macroEnabledTemplate.main+xml",
	NULL
};

enum numfmt {
	NF_DECIMAL, NF_DECIMAL_ZERO, NF_FULLWIDTH, NF_CIRCLE, NF_CN_COUNT,
	NF_CN_THOUSAND, NF_CN_LEGAL, NF_IDEO_DIGITAL, NF_IDEO_TRAD,
	NF_UPPER_LETTER, NF_LOWER_LETTER, NF_UPPER_ROMAN, NF_LOWER_ROMAN,
	NF_PAREN, NF_FULLSTOP, NF_BULLET, NF_NONE
};

static const struct {
	const char	*name;
	enum numfmt	 fmt;
} numfmts[] = {
	{ "decimal", NF_DECIMAL },
	{ "decimalZero", NF_DECIMAL_ZERO },
	{ "decimalFullWidth", NF_FULLWIDTH },
	{ "decimalFullWidth2", NF_FULLWIDTH },
	{ "decimalEnclosedCircle", NF_CIRCLE },
	{ "decimalEnclosedCircleChinese", NF_CIRCLE },
	{ "decimalEnclosedParen", NF_PAREN },
	{ "decimalEnclosedFullstop", NF_FULLSTOP },
	{ "chineseCounting", NF_CN_COUNT },
	{ "japaneseCounting", NF_CN_COUNT },
	{ "taiwaneseCounting", NF_CN_COUNT },
	{ "chineseCountingThousand", NF_CN_THOUSAND },
	{ "taiwaneseCountingThousand", NF_CN_THOUSAND },
	{ "chineseLegalSimplified", NF_CN_LEGAL },
	{ "ideographDigital", NF_IDEO_DIGITAL },
	{ "taiwaneseDigital", NF_IDEO_DIGITAL },
	{ "ideographTraditional", NF_IDEO_TRAD },
	{ "upperLetter", NF_UPPER_LETTER },
	{ "lowerLetter", NF_LOWER_LETTER },
	{ "upperRoman", NF_UPPER_ROMAN },
	{ "lowerRoman", NF_LOWER_ROMAN },
	{ "bullet", NF_BULLET },
	{ "none", NF_NONE },
};

enum suff { SUFF_TAB, SUFF_SPACE, SUFF_NOTHING };

/* A level of a numbering definition. */
struct lvl {
	int		 set;		/* defined here (else inherited) */
	int		 start;
	enum numfmt	 fmt;
	int		 lgl;		/* isLgl: every %N in decimal */
	int		 restart;	/* lvlRestart; -1 when not given */
	enum suff	 suff;
	char		 text[LVLTEXT_MAX];
	int		 has_text;
};

/* Counters: what each level is at, and whether it has been used. */
struct counters {
	int		 val[LEVELS];
	int		 used[LEVELS];
};

struct abstract {
	int		 id;
	struct lvl	 lvl[LEVELS];
	char		*num_style;	/* numStyleLink: the numbering is a style's */
	struct counters	 c;
};

struct num {
	int		 id;
	int		 abs_id;
	struct lvl	 over[LEVELS];	/* lvlOverride's w:lvl */
	int		 start_over[LEVELS];	/* -1 when none */
	int		 started[LEVELS];	/* start_over applied */
	struct counters	 c;		/* when it has no abstractNum */
};

struct style {
	char		*id;
	char		*based;
	int		 para;		/* a paragraph style (else character...) */
	int		 deflt;		/* w:default="1" */
	int		 num_id, ilvl;	/* -1 when not set */
	int		 olvl;		/* -1 when not set */
	int		 bold;		/* -1 when not set */
	int		 sz;		/* 0 when not set */
	int		 center;	/* -1 when not set */
	int		 title;		/* named Title */
	int		 heading;	/* named heading N: N, else 0 */
	/* The same resolved through basedOn (resolve()). */
	int		 e_num_id, e_ilvl, e_olvl, e_bold, e_sz, e_center;
};

/* A paragraph being read. */
struct para {
	struct rpt_buf	 text;
	int		 style;		/* index in styles, -1 for none */
	int		 num_id, ilvl, olvl, center;
	int		 in_ppr;
	int		 counted;	/* its number taken: marker written */
	int		 flushed;	/* part of its text already went out */
	int		 lead_open;	/* only bold text so far */
	size_t		 lead_from;	/* where the lead may start: past the marker */
	size_t		 bold_end;	/* end of the leading bold text */
	int		 plain_after;	/* non-bold text after it */
	int		 broken;	/* a line break inside */
	int		 sz;		/* largest font size of its runs */
	int		 any;		/* it has text other than white space */
};

struct run {
	int		 bold, sz, style;	/* -1 / 0 / -1 when not set */
};

/* What formatting says of a line. */
struct linefmt {
	long		 line;
	unsigned	 flags;
	int		 outline;
	int		 lead;
};

enum doc_state { D_TYPES, D_STYLES, D_NUMBERING, D_DOCUMENT };

struct rpt_docx {
	zip_t		*zip;
	struct rpt_diag	*diag;
	const char	*part;		/* name of the part being parsed */

	struct style	*styles;
	size_t		 nstyles, cap_styles;
	int		 default_para;	/* the default paragraph style */
	int		 doc_bold, doc_sz;	/* docDefaults */
	int		 base_sz;	/* the default paragraph style's size */
	struct abstract	*abs;
	size_t		 nabs, cap_abs;
	struct num	*nums;
	size_t		 nnums, cap_nums;

	/* The streamed document. */
	char		 doc_name[256];
	zip_file_t	*zf;
	zip_uint64_t	 comp, inflated;
	XML_Parser	 xp;
	int		 doc_done;
	char		*chunk;

	/* [Content_Types].xml: the main document part, or what the ZIP is. */
	char		*types_doc;
	enum rpt_format	 types_kind;

	/* Parser state. */
	enum doc_state	 state;
	int		 depth;
	int		 skip;		/* skipping below this depth (0: not) */
	int		 failed;
	/* styles.xml / numbering.xml */
	int		 cur_style, cur_abs, cur_num, cur_lvl, in_rpr_default;
	int		 in_style_ppr, in_style_rpr, in_lvl_override;
	/* document.xml */
	int		 in_body, in_t, in_rpr;
	struct para	 paras[NEST_MAX];
	int		 np;		/* paragraphs open (beyond NEST_MAX: merged) */
	int		 nested_extra;	/* w:p opened past NEST_MAX */
	struct run	 run;
	int		 in_run;
	int		 field[FIELD_MAX];	/* 1 while in a field's code */
	int		 nfield;
	int		 in_code;	/* fields in their code: no text */
	int		 ac_chosen[DEPTH_MAX / 8];	/* per mc:AlternateContent */
	int		 nac;
	int		 title_phase;	/* 1 until a body paragraph ends it */
	int		 tables;	/* w:tbl open */

	/* Output. */
	struct rpt_buf	*out;
	long		 lines;		/* lines written out */
	struct linefmt	*fmts;
	size_t		 fmt_head, nfmts, cap_fmts;
};

/* ------------------------------------------------------------ helpers */

static void
fail(struct rpt_docx *x, enum rpt_status st, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void
fail(struct rpt_docx *x, enum rpt_status st, const char *fmt, ...)
{
	va_list ap;

	if (x->failed)
		return;
	x->failed = 1;
	x->diag->status = st;
	va_start(ap, fmt);
	vsnprintf(x->diag->detail, sizeof(x->diag->detail), fmt, ap);
	va_end(ap);
	if (x->xp != NULL)
		XML_StopParser(x->xp, XML_FALSE);
}

static int
nomem(struct rpt_docx *x)
{
	if (!x->failed) {
		x->failed = 1;
		x->diag->status = RPT_E_NOMEM;
		if (x->xp != NULL)
			XML_StopParser(x->xp, XML_FALSE);
	}
	return -1;
}

/* The local name of a WordprocessingML name, or NULL for another namespace. */
static const char *
wname(const char *name)
{
	const char *sep = strchr(name, NSSEP);
	const char *const *ns;

	if (sep == NULL)
		return NULL;
	for (ns = w_ns; *ns != NULL; ns++)
		if (strlen(*ns) == (size_t)(sep - name) &&
		    memcmp(name, *ns, (size_t)(sep - name)) == 0)
			return sep + 1;
	return NULL;
}

static int
is_mc(const char *name, const char *local)
{
	size_t k = sizeof(mc_ns) - 1;

	return strncmp(name, mc_ns, k) == 0 && name[k] == NSSEP &&
	    strcmp(name + k + 1, local) == 0;
}

/* The value of the w: attribute local (w:val), or NULL. */
static const char *
wattr(const char **atts, const char *local)
{
	const char *l;

	for (; atts[0] != NULL; atts += 2)
		if ((l = wname(atts[0])) != NULL && strcmp(l, local) == 0)
			return atts[1];
	return NULL;
}

static int
atoi_def(const char *s, int def)
{
	char *end;
	long v;

	if (s == NULL)
		return def;
	errno = 0;
	v = strtol(s, &end, 10);
	if (end == s || errno != 0 || v < -1000000 || v > 1000000)
		return def;
	return (int)v;
}

/* w:b, w:center...: on unless w:val says 0, false or off. */
static int
on_off(const char **atts)
{
	const char *v = wattr(atts, "val");

	return v == NULL || !(strcmp(v, "0") == 0 || strcmp(v, "false") == 0 ||
	    strcmp(v, "off") == 0);
}

static char *
dup_str(struct rpt_docx *x, const char *s)
{
	char *d = strdup(s);

	if (d == NULL)
		nomem(x);
	return d;
}

/* ------------------------------------------------------------ parts */

/*
 * Read some of an open part: refuse it past PART_MAX or RATIO_MAX.  Returns
 * bytes read, 0 at its end, -1 on error (diag set).
 */
static zip_int64_t
part_read(struct rpt_docx *x, zip_file_t *zf, const char *name,
    zip_uint64_t comp, zip_uint64_t *total, char *buf, size_t n)
{
	zip_int64_t r = zip_fread(zf, buf, n);

	if (r < 0) {
		fail(x, RPT_E_DOCX, "%s: %s", name, zip_file_strerror(zf));
		return -1;
	}
	*total += (zip_uint64_t)r;
	if (*total > PART_MAX) {
		fail(x, RPT_E_DOCX, "%s inflates past %lu MiB: refused (a ZIP "
		    "bomb?)", name, PART_MAX >> 20);
		return -1;
	}
	if (*total > RATIO_FLOOR && *total / RATIO_MAX > comp) {
		fail(x, RPT_E_DOCX, "%s inflates more than %d times its "
		    "size: refused (a ZIP bomb?)", name, RATIO_MAX);
		return -1;
	}
	return r;
}

/* Open a part by name: NULL (no diag) when the archive has none. */
static zip_file_t *
part_open(struct rpt_docx *x, const char *name, zip_uint64_t *comp)
{
	zip_stat_t st;
	zip_file_t *zf;

	zip_stat_init(&st);
	if (zip_stat(x->zip, name, 0, &st) == -1)
		return NULL;
	*comp = (st.valid & ZIP_STAT_COMP_SIZE) ? st.comp_size : 0;
	/* What the directory says first; part_read() counts what comes. */
	if ((st.valid & ZIP_STAT_SIZE) && st.size > PART_MAX) {
		fail(x, RPT_E_DOCX, "%s inflates past %lu MiB: refused (a ZIP "
		    "bomb?)", name, PART_MAX >> 20);
		return NULL;
	}
	if ((st.valid & ZIP_STAT_SIZE) && st.size > RATIO_FLOOR &&
	    st.size / RATIO_MAX > *comp) {
		fail(x, RPT_E_DOCX, "%s inflates more than %d times its "
		    "size: refused (a ZIP bomb?)", name, RATIO_MAX);
		return NULL;
	}
	if ((zf = zip_fopen(x->zip, name, 0)) == NULL)
		fail(x, RPT_E_DOCX, "%s: %s", name, zip_strerror(x->zip));
	return zf;
}

static void	start_el(void *, const char *, const char **);
static void	types_start(struct rpt_docx *, const char *, const char **);
static void	end_el(void *, const char *);
static void	chars(void *, const char *, int);

static void XMLCALL
doctype(void *ctx, const char *name, const char *sysid, const char *pubid,
    int internal)
{
	struct rpt_docx *x = ctx;

	(void)name;
	(void)sysid;
	(void)pubid;
	(void)internal;
	fail(x, RPT_E_DOCX, "%s has a DTD (<!DOCTYPE>), which Word never "
	    "writes: refused", x->part);
}

static XML_Parser
parser_new(struct rpt_docx *x)
{
	XML_Parser p = XML_ParserCreateNS("UTF-8", NSSEP);

	if (p == NULL)
		return NULL;
	XML_SetUserData(p, x);
	XML_SetElementHandler(p, start_el, end_el);
	XML_SetCharacterDataHandler(p, chars);
	XML_SetDoctypeDeclHandler(p, doctype, NULL);
	/* External entities are never loaded (no handler is set). */
	return p;
}

/* Feed len bytes (final at the end) to the parser; -1 on error. */
static int
parse(struct rpt_docx *x, XML_Parser p, const char *buf, size_t len,
    int final)
{
	if (XML_Parse(p, buf, (int)len, final) != XML_STATUS_ERROR &&
	    !x->failed)
		return 0;
	if (!x->failed)
		fail(x, RPT_E_DOCX, "%s, XML line %lu, column %lu: %s", x->part,
		    (unsigned long)XML_GetCurrentLineNumber(p),
		    (unsigned long)XML_GetCurrentColumnNumber(p) + 1,
		    XML_ErrorString(XML_GetErrorCode(p)));
	return -1;
}

/* Parse a whole small part (styles, numbering); a missing part is none. */
static int
parse_part(struct rpt_docx *x, const char *name, enum doc_state state)
{
	zip_uint64_t comp = 0, total = 0;
	zip_file_t *zf;
	zip_int64_t r;
	XML_Parser p;
	int ret = 0;

	if ((zf = part_open(x, name, &comp)) == NULL)
		return x->failed ? -1 : 0;
	if ((p = parser_new(x)) == NULL) {
		zip_fclose(zf);
		return nomem(x);
	}
	x->xp = p;
	x->part = name;
	x->state = state;
	x->depth = x->skip = 0;
	for (;;) {
		r = part_read(x, zf, name, comp, &total, x->chunk, CHUNK);
		if (r < 0 || parse(x, p, x->chunk, (size_t)r, r == 0) == -1) {
			ret = -1;
			break;
		}
		if (r == 0)
			break;
	}
	XML_ParserFree(p);
	x->xp = NULL;
	zip_fclose(zf);
	return ret;
}

/* ------------------------------------------------------------ tables */

static int
style_cmp(const void *a, const void *b)
{
	return strcmp(((const struct style *)a)->id,
	    ((const struct style *)b)->id);
}

static int
style_find(const struct rpt_docx *x, const char *id)
{
	struct style key, *s;

	if (id == NULL || x->nstyles == 0)
		return -1;
	key.id = (char *)id;
	s = bsearch(&key, x->styles, x->nstyles, sizeof(*s), style_cmp);
	return s == NULL ? -1 : (int)(s - x->styles);
}

/* Each style's properties through its basedOn chain (CHAIN_MAX links). */
static void
resolve(struct rpt_docx *x)
{
	size_t i;
	int j, k, hop;

	if (x->nstyles > 0)
		qsort(x->styles, x->nstyles, sizeof(*x->styles), style_cmp);
	x->default_para = -1;
	for (i = 0; i < x->nstyles; i++) {
		struct style *s = &x->styles[i];

		if (s->para && s->deflt && x->default_para < 0)
			x->default_para = (int)i;
		s->e_num_id = s->e_ilvl = s->e_olvl = s->e_bold = -1;
		s->e_center = -1;
		s->e_sz = 0;
		for (j = (int)i, hop = 0; j >= 0 && hop < CHAIN_MAX; hop++) {
			const struct style *b = &x->styles[j];

			if (s->e_num_id < 0 && b->num_id >= 0)
				s->e_num_id = b->num_id;
			if (s->e_ilvl < 0 && b->ilvl >= 0)
				s->e_ilvl = b->ilvl;
			if (s->e_olvl < 0 && b->olvl >= 0)
				s->e_olvl = b->olvl;
			if (s->e_olvl < 0 && b->heading > 0)
				s->e_olvl = b->heading - 1;
			if (s->e_bold < 0 && b->bold >= 0)
				s->e_bold = b->bold;
			if (s->e_sz == 0 && b->sz > 0)
				s->e_sz = b->sz;
			if (s->e_center < 0 && b->center >= 0)
				s->e_center = b->center;
			k = style_find(x, b->based);
			j = k == j ? -1 : k;
		}
	}
	x->base_sz = x->default_para >= 0 &&
	    x->styles[x->default_para].e_sz > 0 ?
	    x->styles[x->default_para].e_sz : x->doc_sz > 0 ? x->doc_sz :
	    SZ_DEFAULT;
}

static struct abstract *
abs_find(struct rpt_docx *x, int id)
{
	size_t i;

	for (i = 0; i < x->nabs; i++)
		if (x->abs[i].id == id)
			return &x->abs[i];
	return NULL;
}

static struct num *
num_find(struct rpt_docx *x, int id)
{
	size_t i;

	for (i = 0; i < x->nnums; i++)
		if (x->nums[i].id == id)
			return &x->nums[i];
	return NULL;
}

/*
 * The numbering definition of num: its abstractNum, through numStyleLink
 * (an abstractNum that is a style's numbering: that style's num's), CHAIN_MAX
 * links at most.
 */
static struct abstract *
num_abstract(struct rpt_docx *x, const struct num *n)
{
	struct abstract *a = abs_find(x, n->abs_id);
	const struct num *m;
	int hop, s;

	for (hop = 0; a != NULL && a->num_style != NULL && hop < CHAIN_MAX;
	    hop++) {
		if ((s = style_find(x, a->num_style)) < 0 ||
		    x->styles[s].e_num_id < 0 ||
		    (m = num_find(x, x->styles[s].e_num_id)) == NULL)
			break;
		a = abs_find(x, m->abs_id);
	}
	return a;
}

static void
lvl_init(struct lvl *l)
{
	memset(l, 0, sizeof(*l));
	l->start = 1;
	l->restart = -1;
}

/* ------------------------------------------------------------ numbers */

static void
put(struct rpt_buf *b, const char *s)
{
	(void)rpt_buf_append(b, s, strlen(s));
}

/*
 * cp in UTF-8 into u: its length, 0 for what text may not hold (control
 * characters but TAB, surrogates, past Unicode).
 */
static size_t
enc_cp(long cp, char u[4])
{
	utf8proc_ssize_t k;

	if ((cp < 0x20 && cp != '\t') || cp == 0x7f || cp > 0x10ffff ||
	    (cp >= 0xd800 && cp <= 0xdfff))
		return 0;
	k = utf8proc_encode_char((utf8proc_int32_t)cp, (utf8proc_uint8_t *)u);
	return k > 0 ? (size_t)k : 0;
}

static void
put_cp(struct rpt_buf *b, long cp)
{
	char u[4];
	size_t k;

	if ((k = enc_cp(cp, u)) > 0)
		(void)rpt_buf_append(b, u, k);
}

static void
put_decimal(struct rpt_buf *b, int v)
{
	char s[16];

	snprintf(s, sizeof(s), "%d", v);
	put(b, s);
}

static const char *const cn_digit[] = {
	"〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"
};
static const char *const cn_legal[] = {
	"零", "壹", "贰", "叁", "肆", "伍", "陆", "柒", "捌", "玖"
};

/* 1-9999 with 十 百 千 (and 零 for the gaps): chineseCountingThousand. */
static void
put_cn_thousand(struct rpt_buf *b, int v, const char *const *digit,
    const char *const *unit)
{
	int d[4], i, zero = 0, any = 0;

	d[0] = v / 1000;
	d[1] = v / 100 % 10;
	d[2] = v / 10 % 10;
	d[3] = v % 10;
	for (i = 0; i < 4; i++) {
		if (d[i] == 0) {
			zero = any;
			continue;
		}
		if (zero)
			put(b, digit == cn_digit ? "零" : digit[0]);
		zero = 0;
		/* 十一, not 一十一, at the start. */
		if (!(i == 2 && d[i] == 1 && !any))
			put(b, digit[d[i]]);
		if (i < 3)
			put(b, unit[i]);
		any = 1;
	}
}

static void
roman(struct rpt_buf *b, int v, int upper)
{
	static const int val[] = { 1000, 900, 500, 400, 100, 90, 50, 40, 10,
	    9, 5, 4, 1 };
	static const char *const sym[] = { "M", "CM", "D", "CD", "C", "XC",
	    "L", "XL", "X", "IX", "V", "IV", "I" };
	char s[64], *q = s;
	size_t i, k;

	for (i = 0; i < sizeof(val) / sizeof(val[0]); i++)
		while (v >= val[i] && q + 3 < s + sizeof(s)) {
			for (k = 0; sym[i][k] != '\0'; k++)
				*q++ = upper ? sym[i][k] : (char)(sym[i][k] | 0x20);
			v -= val[i];
		}
	*q = '\0';
	put(b, s);
}

/* A level's counter as Word shows it in numFmt f. */
static void
put_number(struct rpt_buf *b, enum numfmt f, int v)
{
	static const char *const units[] = { "千", "百", "十" };
	static const char *const legal_units[] = { "仟", "佰", "拾" };
	static const char *const trad[] = {
		"甲", "乙", "丙", "丁", "戊", "己", "庚", "辛", "壬", "癸"
	};
	char s[16];
	int i, n;

	switch (f) {
	case NF_BULLET:
	case NF_NONE:
		return;
	case NF_DECIMAL_ZERO:
		snprintf(s, sizeof(s), v >= 0 && v < 10 ? "0%d" : "%d", v);
		put(b, s);
		return;
	case NF_FULLWIDTH:
		if (v < 0)
			break;
		n = snprintf(s, sizeof(s), "%d", v);
		for (i = 0; i < n; i++)
			put_cp(b, 0xff10 + (s[i] - '0'));
		return;
	case NF_CIRCLE:
		if (v >= 1 && v <= 20) {
			put_cp(b, 0x2460 + v - 1);
			return;
		}
		break;
	case NF_PAREN:
		if (v >= 1 && v <= 20) {
			put_cp(b, 0x2474 + v - 1);
			return;
		}
		break;
	case NF_FULLSTOP:
		if (v >= 1 && v <= 20) {
			put_cp(b, 0x2488 + v - 1);
			return;
		}
		break;
	case NF_CN_COUNT:
		/* Word: 十, 十一, 二十一 up to 99, then digit by digit. */
		if (v < 0)
			break;
		if (v >= 10 && v < 100) {
			if (v >= 20)
				put(b, cn_digit[v / 10]);
			put(b, "十");
			if (v % 10 != 0)
				put(b, cn_digit[v % 10]);
			return;
		}
		/* FALLTHROUGH */
	case NF_IDEO_DIGITAL:
		if (v < 0)
			break;
		n = snprintf(s, sizeof(s), "%d", v);
		for (i = 0; i < n; i++)
			put(b, cn_digit[s[i] - '0']);
		return;
	case NF_CN_THOUSAND:
		if (v == 0)
			put(b, cn_digit[0]);
		else if (v > 0 && v < 10000)
			put_cn_thousand(b, v, cn_digit, units);
		else
			break;
		return;
	case NF_CN_LEGAL:
		if (v == 0)
			put(b, cn_legal[0]);
		else if (v > 0 && v < 10000)
			put_cn_thousand(b, v, cn_legal, legal_units);
		else
			break;
		return;
	case NF_IDEO_TRAD:
		if (v >= 1 && v <= 10) {
			put(b, trad[v - 1]);
			return;
		}
		break;
	case NF_UPPER_LETTER:
	case NF_LOWER_LETTER:
		/* A … Z, AA … ZZ, AAA …: the letter repeated. */
		if (v >= 1 && v <= 26 * 8) {
			for (i = 0; i <= (v - 1) / 26; i++)
				put_cp(b, (f == NF_UPPER_LETTER ? 'A' : 'a') +
				    (v - 1) % 26);
			return;
		}
		break;
	case NF_UPPER_ROMAN:
	case NF_LOWER_ROMAN:
		if (v >= 1 && v < 4000) {
			roman(b, v, f == NF_UPPER_ROMAN);
			return;
		}
		break;
	case NF_DECIMAL:
		break;
	}
	put_decimal(b, v);
}

static enum numfmt
numfmt_parse(const char *s)
{
	size_t i;

	for (i = 0; s != NULL && i < sizeof(numfmts) / sizeof(numfmts[0]); i++)
		if (strcmp(s, numfmts[i].name) == 0)
			return numfmts[i].fmt;
	return NF_DECIMAL;
}

/* The definition of level l of num n: the num's override, else the abstract's. */
static const struct lvl *
level(const struct num *n, const struct abstract *a, int l)
{
	static const struct lvl none = { 0, 1, NF_DECIMAL, 0, -1, SUFF_TAB,
	    "", 0 };

	if (n->over[l].set)
		return &n->over[l];
	if (a != NULL && a->lvl[l].set)
		return &a->lvl[l];
	return &none;
}

/*
 * Take paragraph's number at level l of num numid and write its marker
 * (lvlText with each %N rendered, then the suffix) onto b.  Counters are
 * the abstract definition's, shared by every num that uses it, as Word
 * and LibreOffice share them: a num's startOverride sets the shared
 * counter once, at the num's first paragraph of that level.
 */
static void
marker(struct rpt_docx *x, struct rpt_buf *b, int numid, int l)
{
	struct num *n;
	struct abstract *a;
	struct counters *c;
	const struct lvl *lv, *lk;
	const char *t;
	int m, r, k;

	if (numid <= 0 || l < 0 || l >= LEVELS ||
	    (n = num_find(x, numid)) == NULL)
		return;
	a = num_abstract(x, n);
	c = a == NULL ? &n->c : &a->c;
	lv = level(n, a, l);
	/* A level the definition does not have shows nothing. */
	if (!lv->set)
		return;
	if (n->start_over[l] >= 0 && !n->started[l]) {
		c->val[l] = n->start_over[l];
		n->started[l] = 1;
	} else if (!c->used[l])
		c->val[l] = lv->start;
	else
		c->val[l]++;
	c->used[l] = 1;
	for (m = l + 1; m < LEVELS; m++) {
		r = level(n, a, m)->restart;
		if (r < 0 || (r > 0 && l + 1 <= r))
			c->used[m] = 0;
	}
	if (lv->fmt == NF_BULLET)
		return;
	t = lv->has_text ? lv->text : "";
	for (; *t != '\0'; t++) {
		if (t[0] == '%' && t[1] >= '1' && t[1] <= '9') {
			k = t[1] - '1';
			lk = level(n, a, k);
			put_number(b, lv->lgl ? NF_DECIMAL : lk->fmt,
			    c->used[k] ? c->val[k] : (n->start_over[k] >= 0 ?
			    n->start_over[k] : lk->start));
			t++;
		} else
			(void)rpt_buf_append(b, t, 1);
	}
	if (lv->suff == SUFF_TAB)
		put(b, "\t");
	else if (lv->suff == SUFF_SPACE)
		put(b, " ");
}

/* ------------------------------------------------------------ output */

static int
fmt_add(struct rpt_docx *x, long line, unsigned flags, int outline,
    int lead)
{
	struct linefmt *f;

	if (x->fmt_head > 0 && x->fmt_head == x->nfmts)
		x->fmt_head = x->nfmts = 0;
	if ((f = rpt_grow(x->fmts, &x->cap_fmts, x->nfmts + 1,
	    sizeof(*f))) == NULL)
		return nomem(x);
	x->fmts = f;
	f += x->nfmts++;
	f->line = line;
	f->flags = flags;
	f->outline = outline;
	f->lead = lead;
	return 0;
}

void
rpt_docx_line_fmt(struct rpt_docx *x, long line, unsigned *flags,
    int *outline, int *lead)
{
	const struct linefmt *f;

	*flags = RPT_LF_PARA;
	*outline = *lead = 0;
	while (x->fmt_head < x->nfmts && x->fmts[x->fmt_head].line < line)
		x->fmt_head++;
	if (x->fmt_head < x->nfmts && x->fmts[x->fmt_head].line == line) {
		f = &x->fmts[x->fmt_head++];
		*flags |= f->flags;
		*outline = f->outline;
		*lead = f->lead;
	}
}

/* Write text out, counting its lines; line ends inside count too. */
static void
emit(struct rpt_docx *x, const char *p, size_t n)
{
	const char *q = p, *end = p + n;

	if (rpt_buf_append(x->out, p, n) == -1) {
		nomem(x);
		return;
	}
	while ((q = memchr(q, '\n', (size_t)(end - q))) != NULL) {
		x->lines++;
		q++;
	}
}

static struct para *
cur_para(struct rpt_docx *x)
{
	return x->np > 0 ? &x->paras[x->np - 1] : NULL;
}

static int
para_style(const struct rpt_docx *x, const struct para *p)
{
	return p->style >= 0 ? p->style : x->default_para;
}

/* Write the paragraph's marker first, once: its number is taken here. */
static void
count_para(struct rpt_docx *x, struct para *p)
{
	const struct style *s;
	int numid = p->num_id, ilvl = p->ilvl, st = para_style(x, p);
	struct rpt_buf m = { NULL, 0, 0 };

	if (p->counted)
		return;
	p->counted = 1;
	s = st >= 0 ? &x->styles[st] : NULL;
	if (numid < 0 && s != NULL)
		numid = s->e_num_id;
	if (ilvl < 0)
		ilvl = s != NULL && s->e_ilvl >= 0 ? s->e_ilvl : 0;
	if (numid <= 0)
		return;
	/*
	 * Room for any marker first (lvlText is LVLTEXT_MAX bytes, each %N
	 * a number of MARKER_NUM bytes at most), so that writing one, which
	 * does not check, cannot fail.
	 */
	if (rpt_buf_reserve(&m, LVLTEXT_MAX * MARKER_NUM) == -1) {
		nomem(x);
		return;
	}
	marker(x, &m, numid, ilvl);
	if (m.len > 0 && rpt_buf_append(&p->text, m.p, m.len) == -1)
		nomem(x);
	rpt_buf_free(&m);
	/* The lead is looked for after the marker. */
	p->lead_from = p->bold_end = p->text.len;
}

/* Text of a run onto the paragraph, with what the bold lead needs. */
static void
add_text(struct rpt_docx *x, const char *s, size_t n, int is_text)
{
	struct para *p = cur_para(x);
	size_t i, from;
	int bold, st, white = 1;

	if (p == NULL)
		return;
	count_para(x, p);
	from = p->text.len;
	if (rpt_buf_append(&p->text, s, n) == -1) {
		nomem(x);
		return;
	}
	/* A line end inside text is a space: lines are paragraphs and breaks. */
	for (i = from; i < p->text.len; i++)
		if (p->text.p[i] == '\n' || p->text.p[i] == '\r')
			p->text.p[i] = ' ';
	for (i = 0; i < n && white; i++)
		white = s[i] == ' ' || s[i] == '\t';
	if (!is_text || white) {
		if (p->lead_open && p->bold_end == from)
			p->bold_end = p->text.len;
		return;
	}
	p->any = 1;
	st = para_style(x, p);
	bold = x->run.bold;
	if (bold < 0 && x->run.style >= 0)
		bold = x->styles[x->run.style].e_bold;
	if (bold < 0 && st >= 0)
		bold = x->styles[st].e_bold;
	if (bold < 0)
		bold = x->doc_bold;
	if (x->run.sz > p->sz)
		p->sz = x->run.sz;
	else if (x->run.sz == 0) {
		int sz = x->run.style >= 0 ? x->styles[x->run.style].e_sz : 0;

		if (sz == 0 && st >= 0)
			sz = x->styles[st].e_sz;
		if (sz == 0)
			sz = x->doc_sz;
		if (sz > p->sz)
			p->sz = sz;
	}
	if (p->lead_open && bold > 0 && !p->broken)
		p->bold_end = p->text.len;
	else if (p->lead_open) {
		p->lead_open = 0;
		p->plain_after = p->bold_end > p->lead_from && !p->broken;
	}
	/* A giant paragraph goes out in pieces (no formatting for it). */
	if (p->text.len >= PARA_FLUSH) {
		emit(x, p->text.p, p->text.len);
		p->text.len = 0;
		p->flushed = 1;
		p->lead_open = 0;
		p->bold_end = 0;
	}
}

/* Does the bold lead text[from, end) end in 。 (white space aside)?  Its 。s. */
static int
lead_stops(const char *t, size_t from, size_t end)
{
	int stops = 0;
	size_t i;

	while (end > from && (t[end - 1] == ' ' || t[end - 1] == '\t'))
		end--;
	if (end - from < 3 || memcmp(t + end - 3, "。", 3) != 0)
		return 0;
	for (i = from; i + 3 <= end; i++)
		if (memcmp(t + i, "。", 3) == 0)
			stops++;
	return stops;
}

static void
end_para(struct rpt_docx *x)
{
	struct para *p = cur_para(x);
	const struct style *s;
	unsigned flags = 0;
	int st, olvl, lead = 0, larger;

	if (p == NULL)
		return;
	count_para(x, p);
	st = para_style(x, p);
	s = st >= 0 ? &x->styles[st] : NULL;
	olvl = p->olvl >= 0 ? p->olvl : s != NULL ? s->e_olvl : -1;
	if (olvl >= 0 && olvl < LEVELS)
		flags |= RPT_LF_OUTLINE;
	/* The lead: bold text after the marker, ending in 。, then plain text. */
	if (p->plain_after && !p->flushed &&
	    (lead = lead_stops(p->text.p, p->lead_from, p->bold_end)) > 0)
		flags |= RPT_LF_LEAD;
	/*
	 * The title: the Title style, or the first paragraph with text if it
	 * is centred in a larger size than the default paragraph style's (the
	 * model joins a title's second line from its text).
	 */
	larger = p->sz > x->base_sz;
	if (s != NULL && s->title)
		flags |= RPT_LF_TITLE;
	else if (x->title_phase && x->np == 1 && x->tables == 0 && p->any) {
		int center = p->center >= 0 ? p->center :
		    s != NULL && s->e_center >= 0 ? s->e_center : 0;

		if (center && larger)
			flags |= RPT_LF_TITLE;
	}
	if (p->any && x->np == 1 && x->tables == 0)
		x->title_phase = 0;
	if (flags != 0 && !p->flushed &&
	    fmt_add(x, x->lines + 1, flags, olvl, lead) == -1)
		return;
	if (rpt_buf_append(&p->text, "\n", 1) == -1) {
		nomem(x);
		return;
	}
	emit(x, p->text.p, p->text.len);
	rpt_buf_free(&p->text);
	x->np--;
}

static void
begin_para(struct rpt_docx *x)
{
	struct para *p;

	/*
	 * A paragraph in a paragraph (a text box's) is kept apart and goes
	 * out first; past NEST_MAX deep, its text joins the innermost one's.
	 */
	if (x->np >= NEST_MAX) {
		x->nested_extra++;
		return;
	}
	p = &x->paras[x->np++];
	memset(p, 0, sizeof(*p));
	p->style = p->num_id = p->ilvl = p->olvl = p->center = -1;
	p->lead_open = 1;
}

/* ------------------------------------------------------------ handlers */

/* No run properties: text outside a run (or before its w:rPr) has none. */
static void
run_reset(struct rpt_docx *x)
{
	x->run.bold = -1;
	x->run.sz = 0;
	x->run.style = -1;
}

static void
skip_from_here(struct rpt_docx *x)
{
	x->skip = x->depth;
}

static void
styles_start(struct rpt_docx *x, const char *l, const char **atts)
{
	struct style *s;
	const char *v;

	if (strcmp(l, "style") == 0) {
		if (x->nstyles >= TABLE_MAX) {
			skip_from_here(x);
			return;
		}
		if ((s = rpt_grow(x->styles, &x->cap_styles, x->nstyles + 1,
		    sizeof(*s))) == NULL) {
			nomem(x);
			return;
		}
		x->styles = s;
		s += x->nstyles;
		memset(s, 0, sizeof(*s));
		s->num_id = s->ilvl = s->olvl = s->bold = s->center = -1;
		v = wattr(atts, "styleId");
		if ((s->id = dup_str(x, v != NULL ? v : "")) == NULL)
			return;
		v = wattr(atts, "type");
		s->para = v == NULL || strcmp(v, "paragraph") == 0;
		v = wattr(atts, "default");
		s->deflt = v != NULL && (strcmp(v, "1") == 0 ||
		    strcmp(v, "true") == 0 || strcmp(v, "on") == 0);
		x->cur_style = (int)x->nstyles++;
		return;
	}
	if (strcmp(l, "rPrDefault") == 0) {
		x->in_rpr_default = 1;
		return;
	}
	if (x->in_rpr_default) {
		if (strcmp(l, "b") == 0)
			x->doc_bold = on_off(atts);
		else if (strcmp(l, "sz") == 0)
			x->doc_sz = atoi_def(wattr(atts, "val"), 0);
		return;
	}
	if (x->cur_style < 0)
		return;
	s = &x->styles[x->cur_style];
	v = wattr(atts, "val");
	if (strcmp(l, "pPrChange") == 0 || strcmp(l, "rPrChange") == 0 ||
	    strcmp(l, "tblPr") == 0 || strcmp(l, "tblStylePr") == 0)
		skip_from_here(x);
	else if (strcmp(l, "name") == 0 && v != NULL) {
		s->title = strcasecmp(v, "Title") == 0;
		if (strncasecmp(v, "heading ", 8) == 0 && v[8] >= '1' &&
		    v[8] <= '9' && v[9] == '\0')
			s->heading = v[8] - '0';
	} else if (strcmp(l, "basedOn") == 0 && v != NULL) {
		free(s->based);
		s->based = dup_str(x, v);
	} else if (strcmp(l, "pPr") == 0)
		x->in_style_ppr = 1;
	else if (strcmp(l, "rPr") == 0)
		x->in_style_rpr = 1;
	else if (x->in_style_ppr && strcmp(l, "numId") == 0)
		s->num_id = atoi_def(v, -1);
	else if (x->in_style_ppr && strcmp(l, "ilvl") == 0)
		s->ilvl = atoi_def(v, -1);
	else if (x->in_style_ppr && strcmp(l, "outlineLvl") == 0)
		s->olvl = atoi_def(v, -1);
	else if (x->in_style_ppr && strcmp(l, "jc") == 0 && v != NULL)
		s->center = strcmp(v, "center") == 0;
	else if (x->in_style_rpr && strcmp(l, "b") == 0)
		s->bold = on_off(atts);
	else if (x->in_style_rpr && strcmp(l, "sz") == 0)
		s->sz = atoi_def(v, 0);
}

static void
styles_end(struct rpt_docx *x, const char *l)
{
	if (strcmp(l, "style") == 0)
		x->cur_style = -1;
	else if (strcmp(l, "rPrDefault") == 0)
		x->in_rpr_default = 0;
	else if (strcmp(l, "pPr") == 0)
		x->in_style_ppr = 0;
	else if (strcmp(l, "rPr") == 0)
		x->in_style_rpr = 0;
}

static struct lvl *
cur_lvl(struct rpt_docx *x)
{
	if (x->cur_lvl < 0)
		return NULL;
	if (x->cur_num >= 0)
		return &x->nums[x->cur_num].over[x->cur_lvl];
	if (x->cur_abs >= 0)
		return &x->abs[x->cur_abs].lvl[x->cur_lvl];
	return NULL;
}

static void
numbering_start(struct rpt_docx *x, const char *l, const char **atts)
{
	const char *v = wattr(atts, "val");
	struct lvl *lv;
	int k;

	if (strcmp(l, "abstractNum") == 0) {
		struct abstract *a;

		if (x->nabs >= TABLE_MAX) {
			skip_from_here(x);
			return;
		}
		if ((a = rpt_grow(x->abs, &x->cap_abs, x->nabs + 1,
		    sizeof(*a))) == NULL) {
			nomem(x);
			return;
		}
		x->abs = a;
		a += x->nabs;
		memset(a, 0, sizeof(*a));
		a->id = atoi_def(wattr(atts, "abstractNumId"), -1);
		for (k = 0; k < LEVELS; k++)
			lvl_init(&a->lvl[k]);
		x->cur_abs = (int)x->nabs++;
		return;
	}
	if (strcmp(l, "num") == 0) {
		struct num *n;

		if (x->nnums >= TABLE_MAX) {
			skip_from_here(x);
			return;
		}
		if ((n = rpt_grow(x->nums, &x->cap_nums, x->nnums + 1,
		    sizeof(*n))) == NULL) {
			nomem(x);
			return;
		}
		x->nums = n;
		n += x->nnums;
		memset(n, 0, sizeof(*n));
		n->id = atoi_def(wattr(atts, "numId"), -1);
		n->abs_id = -1;
		for (k = 0; k < LEVELS; k++) {
			lvl_init(&n->over[k]);
			n->start_over[k] = -1;
		}
		x->cur_num = (int)x->nnums++;
		return;
	}
	if (x->cur_abs >= 0 && strcmp(l, "numStyleLink") == 0 && v != NULL) {
		free(x->abs[x->cur_abs].num_style);
		x->abs[x->cur_abs].num_style = dup_str(x, v);
		return;
	}
	if (x->cur_num >= 0 && strcmp(l, "abstractNumId") == 0) {
		x->nums[x->cur_num].abs_id = atoi_def(v, -1);
		return;
	}
	if (x->cur_num >= 0 && strcmp(l, "lvlOverride") == 0) {
		k = atoi_def(wattr(atts, "ilvl"), -1);
		x->in_lvl_override = k >= 0 && k < LEVELS ? k + 1 : 0;
		return;
	}
	if (x->cur_num >= 0 && x->in_lvl_override &&
	    strcmp(l, "startOverride") == 0) {
		x->nums[x->cur_num].start_over[x->in_lvl_override - 1] =
		    atoi_def(v, 0);
		return;
	}
	if (strcmp(l, "lvl") == 0) {
		k = atoi_def(wattr(atts, "ilvl"), -1);
		if (x->cur_num >= 0 && x->in_lvl_override)
			k = x->in_lvl_override - 1;
		x->cur_lvl = k >= 0 && k < LEVELS ? k : -1;
		if ((lv = cur_lvl(x)) != NULL)
			lv->set = 1;
		return;
	}
	if ((lv = cur_lvl(x)) == NULL)
		return;
	if (strcmp(l, "start") == 0)
		lv->start = atoi_def(v, 1);
	else if (strcmp(l, "numFmt") == 0)
		lv->fmt = numfmt_parse(v);
	else if (strcmp(l, "lvlText") == 0 && v != NULL) {
		snprintf(lv->text, sizeof(lv->text), "%s", v);
		lv->has_text = 1;
	} else if (strcmp(l, "isLgl") == 0)
		lv->lgl = on_off(atts);
	else if (strcmp(l, "lvlRestart") == 0)
		lv->restart = atoi_def(v, -1);
	else if (strcmp(l, "suff") == 0 && v != NULL)
		lv->suff = strcmp(v, "space") == 0 ? SUFF_SPACE :
		    strcmp(v, "nothing") == 0 ? SUFF_NOTHING : SUFF_TAB;
	else if (strcmp(l, "pPr") == 0 || strcmp(l, "rPr") == 0)
		skip_from_here(x);
}

static void
numbering_end(struct rpt_docx *x, const char *l)
{
	if (strcmp(l, "abstractNum") == 0)
		x->cur_abs = -1;
	else if (strcmp(l, "num") == 0)
		x->cur_num = -1;
	else if (strcmp(l, "lvlOverride") == 0)
		x->in_lvl_override = 0;
	else if (strcmp(l, "lvl") == 0)
		x->cur_lvl = -1;
}

static void
document_start(struct rpt_docx *x, const char *name, const char *l,
    const char **atts)
{
	struct para *p = cur_para(x);
	const char *v;
	long cp;

	if (l == NULL) {
		/* mc:AlternateContent: its first mc:Choice only. */
		if (is_mc(name, "AlternateContent")) {
			if (x->nac < (int)(sizeof(x->ac_chosen) /
			    sizeof(x->ac_chosen[0])))
				x->ac_chosen[x->nac] = 0;
			x->nac++;
		} else if (is_mc(name, "Choice")) {
			int i = x->nac - 1;

			if (i < 0 || i >= (int)(sizeof(x->ac_chosen) /
			    sizeof(x->ac_chosen[0])) || x->ac_chosen[i])
				skip_from_here(x);
			else
				x->ac_chosen[i] = 1;
		} else if (is_mc(name, "Fallback"))
			skip_from_here(x);
		return;
	}
	if (strcmp(l, "body") == 0) {
		x->in_body = 1;
		return;
	}
	if (!x->in_body)
		return;
	switch (l[0]) {
	case 'b':
		if (strcmp(l, "b") == 0 && x->in_rpr)
			x->run.bold = on_off(atts);
		else if (strcmp(l, "br") == 0 && p != NULL) {
			count_para(x, p);
			if (rpt_buf_append(&p->text, "\n", 1) == -1)
				nomem(x);
			p->broken = 1;
			if (p->lead_open)
				p->lead_open = 0;
		}
		return;
	case 'c':
		if (strcmp(l, "cr") == 0 && p != NULL) {
			count_para(x, p);
			if (rpt_buf_append(&p->text, "\n", 1) == -1)
				nomem(x);
			p->broken = 1;
			p->lead_open = 0;
		}
		return;
	case 'd':
		/* Deleted text of tracked changes. */
		if (strcmp(l, "del") == 0 || strcmp(l, "delText") == 0)
			skip_from_here(x);
		return;
	case 'f':
		if (strcmp(l, "fldChar") == 0 && (v = wattr(atts,
		    "fldCharType")) != NULL) {
			/*
			 * A field's code runs from begin to separate, its
			 * result from there to end; a field nested in another's
			 * code is code, result and all.
			 */
			if (strcmp(v, "begin") == 0) {
				if (x->nfield < FIELD_MAX) {
					x->field[x->nfield] = 1;
					x->in_code++;
				}
				x->nfield++;
			} else if (strcmp(v, "separate") == 0) {
				if (x->nfield > 0 && x->nfield <= FIELD_MAX &&
				    x->field[x->nfield - 1]) {
					x->field[x->nfield - 1] = 0;
					x->in_code--;
				}
			} else if (strcmp(v, "end") == 0 && x->nfield > 0) {
				if (x->nfield <= FIELD_MAX &&
				    x->field[x->nfield - 1])
					x->in_code--;
				x->nfield--;
			}
		}
		return;
	case 'i':
		if (strcmp(l, "instrText") == 0)
			skip_from_here(x);
		else if (strcmp(l, "ilvl") == 0 && p != NULL && p->in_ppr)
			p->ilvl = atoi_def(wattr(atts, "val"), -1);
		return;
	case 'j':
		if (strcmp(l, "jc") == 0 && p != NULL && p->in_ppr &&
		    (v = wattr(atts, "val")) != NULL)
			p->center = strcmp(v, "center") == 0;
		return;
	case 'm':
		if (strcmp(l, "moveFrom") == 0)
			skip_from_here(x);
		return;
	case 'n':
		if (strcmp(l, "numId") == 0 && p != NULL && p->in_ppr)
			p->num_id = atoi_def(wattr(atts, "val"), -1);
		else if (strcmp(l, "noBreakHyphen") == 0)
			add_text(x, "\xe2\x80\x91", 3, 1);
		return;
	case 'o':
		if (strcmp(l, "outlineLvl") == 0 && p != NULL && p->in_ppr)
			p->olvl = atoi_def(wattr(atts, "val"), -1);
		return;
	case 'p':
		if (strcmp(l, "p") == 0)
			begin_para(x);
		else if (strcmp(l, "pPr") == 0 && p != NULL && !x->in_run)
			p->in_ppr = 1;
		else if (strcmp(l, "pStyle") == 0 && p != NULL && p->in_ppr)
			p->style = style_find(x, wattr(atts, "val"));
		else if (strcmp(l, "pPrChange") == 0)
			skip_from_here(x);
		else if (strcmp(l, "ptab") == 0 && x->in_run)
			add_text(x, "\t", 1, 0);
		return;
	case 'r':
		if (strcmp(l, "r") == 0) {
			x->in_run = 1;
			run_reset(x);
		} else if (strcmp(l, "rPr") == 0 && x->in_run)
			x->in_rpr = 1;
		else if (strcmp(l, "rStyle") == 0 && x->in_rpr)
			x->run.style = style_find(x, wattr(atts, "val"));
		else if (strcmp(l, "rPrChange") == 0)
			skip_from_here(x);
		return;
	case 's':
		if (strcmp(l, "sym") == 0 && (v = wattr(atts, "char")) != NULL) {
			char u[4];
			size_t k;

			/* A symbol font's F0xx is the character 00xx. */
			cp = strtol(v, NULL, 16);
			if (cp >= 0xf000 && cp <= 0xf0ff)
				cp -= 0xf000;
			if ((k = enc_cp(cp, u)) > 0)
				add_text(x, u, k, 1);
		} else if (strcmp(l, "sz") == 0 && x->in_rpr)
			x->run.sz = atoi_def(wattr(atts, "val"), 0);
		return;
	case 't':
		if (strcmp(l, "t") == 0)
			x->in_t = 1;
		else if (strcmp(l, "tab") == 0 && x->in_run)
			add_text(x, "\t", 1, 0);
		else if (strcmp(l, "tbl") == 0)
			x->tables++;
		return;
	default:
		return;
	}
}

static void
document_end(struct rpt_docx *x, const char *name, const char *l)
{
	struct para *p = cur_para(x);

	if (l == NULL) {
		if (is_mc(name, "AlternateContent") && x->nac > 0)
			x->nac--;
		return;
	}
	if (strcmp(l, "p") == 0) {
		if (x->nested_extra > 0) {
			x->nested_extra--;
			if (p != NULL && rpt_buf_append(&p->text, "\n", 1) == -1)
				nomem(x);
		} else
			end_para(x);
	} else if (strcmp(l, "pPr") == 0 && p != NULL)
		p->in_ppr = 0;
	else if (strcmp(l, "r") == 0) {
		x->in_run = 0;
		run_reset(x);
	}
	else if (strcmp(l, "rPr") == 0)
		x->in_rpr = 0;
	else if (strcmp(l, "t") == 0)
		x->in_t = 0;
	else if (strcmp(l, "tbl") == 0 && x->tables > 0)
		x->tables--;
	else if (strcmp(l, "body") == 0)
		x->in_body = 0;
}

static void XMLCALL
start_el(void *ctx, const char *name, const char **atts)
{
	struct rpt_docx *x = ctx;
	const char *l;

	if (x->failed)
		return;
	if (++x->depth > DEPTH_MAX) {
		fail(x, RPT_E_DOCX, "%s has elements nested deeper than %d: "
		    "refused", x->part, DEPTH_MAX);
		return;
	}
	if (x->skip > 0)
		return;
	l = wname(name);
	switch (x->state) {
	case D_TYPES:
		types_start(x, name, atts);
		break;
	case D_STYLES:
		if (l != NULL)
			styles_start(x, l, atts);
		break;
	case D_NUMBERING:
		if (l != NULL)
			numbering_start(x, l, atts);
		break;
	case D_DOCUMENT:
		document_start(x, name, l, atts);
		break;
	}
}

static void XMLCALL
end_el(void *ctx, const char *name)
{
	struct rpt_docx *x = ctx;
	const char *l;

	if (x->failed)
		return;
	if (x->skip > 0) {
		if (x->depth-- == x->skip)
			x->skip = 0;
		return;
	}
	x->depth--;
	l = wname(name);
	switch (x->state) {
	case D_TYPES:
		break;
	case D_STYLES:
		if (l != NULL)
			styles_end(x, l);
		break;
	case D_NUMBERING:
		if (l != NULL)
			numbering_end(x, l);
		break;
	case D_DOCUMENT:
		document_end(x, name, l);
		break;
	}
}

static void XMLCALL
chars(void *ctx, const char *s, int len)
{
	struct rpt_docx *x = ctx;

	if (x->failed || x->skip > 0 || !x->in_t || x->state != D_DOCUMENT ||
	    x->in_code > 0)
		return;
	add_text(x, s, (size_t)len, 1);
}

/* ------------------------------------------------------------ opening */

/*
 * [Content_Types].xml: the part whose content type is a WordprocessingML
 * main document, else what the archive is (an Excel or PowerPoint file,
 * or some other ZIP).
 */
static void
types_start(struct rpt_docx *x, const char *name, const char **atts)
{
	const char *l = strchr(name, NSSEP), *ct = NULL, *part = NULL;
	const char *const *m;

	l = l != NULL ? l + 1 : name;
	if (strcmp(l, "Override") != 0)
		return;
	for (; atts[0] != NULL; atts += 2)
		if (strcmp(atts[0], "ContentType") == 0)
			ct = atts[1];
		else if (strcmp(atts[0], "PartName") == 0)
			part = atts[1];
	if (ct == NULL || part == NULL)
		return;
	for (m = main_types; *m != NULL; m++)
		if (strcmp(ct, *m) == 0 && x->types_doc == NULL) {
			/* Part names are absolute: /word/document.xml. */
			x->types_doc = dup_str(x, part[0] == '/' ? part + 1 :
			    part);
			x->types_kind = RPT_FMT_DOCX;
			return;
		}
	if (x->types_kind == RPT_FMT_ZIP &&
	    strstr(ct, "spreadsheetml.sheet.main") != NULL)
		x->types_kind = RPT_FMT_XLSX;
	else if (x->types_kind == RPT_FMT_ZIP &&
	    strstr(ct, "presentationml.presentation.main") != NULL)
		x->types_kind = RPT_FMT_PPTX;
}

/* A ZIP's directory is at its end: a pipe is spooled to a temporary file. */
static int
seekable_fd(struct rpt_docx *x, int fd, const unsigned char *head,
    size_t headlen)
{
	struct stat st;
	const char *dir;
	char path[4096];
	unsigned char buf[CHUNK];
	ssize_t r;
	int t;

	if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) &&
	    lseek(fd, 0, SEEK_SET) == 0)
		return dup(fd);
	if ((dir = getenv("TMPDIR")) == NULL || *dir == '\0')
		dir = "/tmp";
	snprintf(path, sizeof(path), "%s/rpt-docx-XXXXXX", dir);
	if ((t = mkstemp(path)) == -1) {
		fail(x, RPT_E_DOCX, "a ZIP read from a pipe is spooled to a "
		    "temporary file first: %s: %s (set TMPDIR)", dir,
		    strerror(errno));
		return -1;
	}
	unlink(path);
	if (write(t, head, headlen) != (ssize_t)headlen)
		goto err;
	for (;;) {
		r = read(fd, buf, sizeof(buf));
		if (r == -1 && errno == EINTR)
			continue;
		if (r == -1)
			goto err;
		if (r == 0)
			break;
		if (write(t, buf, (size_t)r) != r)
			goto err;
	}
	if (lseek(t, 0, SEEK_SET) == 0)
		return t;
err:
	fail(x, RPT_E_DOCX, "a ZIP read from a pipe is spooled to a temporary "
	    "file first: %s: %s (set TMPDIR)", dir, strerror(errno != 0 ?
	    errno : EIO));
	close(t);
	return -1;
}

void
rpt_docx_free(struct rpt_docx *x)
{
	size_t i;
	int k;

	if (x == NULL)
		return;
	if (x->xp != NULL)
		XML_ParserFree(x->xp);
	if (x->zf != NULL)
		zip_fclose(x->zf);
	if (x->zip != NULL)
		zip_discard(x->zip);
	for (i = 0; i < x->nstyles; i++) {
		free(x->styles[i].id);
		free(x->styles[i].based);
	}
	free(x->styles);
	for (i = 0; i < x->nabs; i++)
		free(x->abs[i].num_style);
	free(x->abs);
	free(x->nums);
	for (k = 0; k < NEST_MAX; k++)
		rpt_buf_free(&x->paras[k].text);
	free(x->fmts);
	free(x->types_doc);
	free(x->chunk);
	free(x);
}

/* Where a relationship of type suffix points from word/_rels (or def). */
static void
part_name(const char *doc, const char *file, char *out, size_t size)
{
	const char *slash = strrchr(doc, '/');
	int dirlen = slash != NULL ? (int)(slash - doc + 1) : 0;

	snprintf(out, size, "%.*s%s", dirlen, doc, file);
}

int
rpt_docx_open(struct rpt_docx **xp, int fd, const unsigned char *head,
    size_t headlen, struct rpt_diag *diag)
{
	struct rpt_docx *x;
	char name[300];
	int zfd, ze = 0;

	*xp = NULL;
	if ((x = calloc(1, sizeof(*x))) == NULL ||
	    (x->chunk = malloc(CHUNK)) == NULL) {
		free(x);
		diag->status = RPT_E_NOMEM;
		return -1;
	}
	x->diag = diag;
	x->cur_style = x->cur_abs = x->cur_num = x->cur_lvl = -1;
	x->default_para = -1;
	x->doc_bold = 0;
	x->title_phase = 1;
	run_reset(x);
	if ((zfd = seekable_fd(x, fd, head, headlen)) == -1)
		goto refused;
	if ((x->zip = zip_fdopen(zfd, 0, &ze)) == NULL) {
		zip_error_t e;

		close(zfd);
		zip_error_init_with_code(&e, ze);
		fail(x, RPT_E_DOCX, "not a readable ZIP archive (%s): a "
		    "truncated or damaged file?", zip_error_strerror(&e));
		zip_error_fini(&e);
		goto refused;
	}
	x->types_kind = RPT_FMT_ZIP;
	if (parse_part(x, "[Content_Types].xml", D_TYPES) == -1)
		goto refused;
	if (x->types_kind != RPT_FMT_DOCX) {
		diag->status = RPT_E_FORMAT;
		diag->format = x->types_kind;
		/* An OpenDocument file says so in its mimetype entry. */
		if (x->types_kind == RPT_FMT_ZIP &&
		    zip_name_locate(x->zip, "mimetype", 0) >= 0 &&
		    zip_name_locate(x->zip, "content.xml", 0) >= 0)
			diag->format = RPT_FMT_ODF;
		goto refused;
	}
	snprintf(x->doc_name, sizeof(x->doc_name), "%s", x->types_doc);
	if (zip_name_locate(x->zip, x->doc_name, 0) < 0) {
		fail(x, RPT_E_DOCX, "a Word document without its %s: a damaged "
		    "file?", x->doc_name);
		goto refused;
	}
	/* Styles and numbering first: the document's paragraphs use them. */
	part_name(x->doc_name, "styles.xml", name, sizeof(name));
	if (parse_part(x, name, D_STYLES) == -1)
		goto refused;
	resolve(x);
	part_name(x->doc_name, "numbering.xml", name, sizeof(name));
	if (parse_part(x, name, D_NUMBERING) == -1)
		goto refused;
	if ((x->zf = part_open(x, x->doc_name, &x->comp)) == NULL) {
		if (!x->failed)
			fail(x, RPT_E_DOCX, "%s cannot be read", x->doc_name);
		goto refused;
	}
	if ((x->xp = parser_new(x)) == NULL) {
		nomem(x);
		goto refused;
	}
	x->part = x->doc_name;
	x->state = D_DOCUMENT;
	x->depth = x->skip = 0;
	*xp = x;
	return 0;
refused:
	rpt_docx_free(x);
	return -1;
}

int
rpt_docx_more(struct rpt_docx *x, struct rpt_buf *out)
{
	zip_int64_t r;
	size_t before = out->len;

	if (x->failed)
		return -1;
	x->out = out;
	while (!x->doc_done && out->len == before) {
		r = part_read(x, x->zf, x->doc_name, x->comp, &x->inflated,
		    x->chunk, CHUNK);
		if (r < 0)
			return -1;
		if (parse(x, x->xp, x->chunk, (size_t)r, r == 0) == -1)
			return -1;
		if (r == 0)
			x->doc_done = 1;
	}
	if (x->failed)
		return -1;
	/* Paragraphs still open at the end (a document cut short): out. */
	if (x->doc_done)
		while (x->np > 0)
			end_para(x);
	return x->doc_done ? 0 : 1;
}
