/*
 * numbers-check.h - the check of a mention's value, max and qualifier
 * (struct rpt_quantity, rpt.h) and of its clause, shared by the fuzz target
 * tests/fuzz/numbers.c and the unit tests tests/unit/numbers-test.c.
 *
 * A quantity's value is a plain decimal (no grouping, exponent, leading
 * zero or trailing zero after the point, and a sign only as a leading -
 * before a value other than 0, written so in the text) that strtod() reads
 * whole, or an ISO 8601 date (2023-12-05, 2023-12, --12-05, --12) for a
 * date; max is set exactly for a range, and is a value of the same form.
 * A non-quantity (marker, ordinal, name, code, vague amount) has no value,
 * max or unit, and its qualifier is exact.  The clause around a mention
 * (rpt_quantity_context()) lies on its side of the mention, on character
 * boundaries, with no clause boundary and at most RPT_CONTEXT_MAX
 * characters.
 *
 * Static functions: include it in one source file of a program, after
 * rpt.h's kind and qualifier are known to be in range.
 */
#ifndef NUMBERS_CHECK_H
#define NUMBERS_CHECK_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rpt.h"

/*
 * 0, or digits without a leading zero, then perhaps '.' and digits not
 * ending in 0; a leading - before any of them but 0 (增长-3.5%).
 */
static int
nc_is_decimal(const char *v)
{
	const char *s = v;
	char *end;

	if (*s == '-' && strcmp(s, "-0") != 0)
		s++;
	if (*s == '0')
		s++;
	else if (*s >= '1' && *s <= '9')
		while (*s >= '0' && *s <= '9')
			s++;
	else
		return 0;
	if (*s == '.') {
		s++;
		if (*s < '0' || *s > '9')
			return 0;
		while (*s >= '0' && *s <= '9')
			s++;
		if (s[-1] == '0')
			return 0;
	}
	if (*s != '\0')
		return 0;
	/* It reads back as a number, all of it. */
	strtod(v, &end);
	return *end == '\0';
}

static int
nc_two_digits(const char *s, int lo, int hi)
{
	int v;

	if (s[0] < '0' || s[0] > '9' || s[1] < '0' || s[1] > '9')
		return 0;
	v = (s[0] - '0') * 10 + s[1] - '0';
	return v >= lo && v <= hi;
}

/* 2023-12-05, 2023-12, --12-05, --12. */
static int
nc_is_iso_date(const char *v)
{
	size_t n = strlen(v);

	if (strncmp(v, "--", 2) == 0)
		return (n == 4 && nc_two_digits(v + 2, 1, 12)) ||
		    (n == 7 && nc_two_digits(v + 2, 1, 12) && v[4] == '-' &&
		    nc_two_digits(v + 5, 1, 31));
	if ((n != 7 && n != 10) || !nc_two_digits(v, 0, 99) ||
	    !nc_two_digits(v + 2, 0, 99) || v[4] != '-' ||
	    !nc_two_digits(v + 5, 1, 12))
		return 0;
	return n == 7 || (v[7] == '-' && nc_two_digits(v + 8, 1, 31));
}

/*
 * What is wrong with q's value, max, unit and qualifier for its kind, said
 * in why (size bytes); NULL when nothing is.  q's kind and qualifier must
 * be in range.
 */
static const char *
numbers_check_value(const struct rpt_quantity *q, char *why, size_t size)
{
	int date = q->kind == RPT_Q_DATE;
	const char *form = date ? "ISO 8601 date" : "plain decimal";

	if (q->kind >= RPT_Q_MARKER) {
		if (q->value[0] == '\0' && q->max[0] == '\0' &&
		    q->unit_len == 0 && q->qual == RPT_QUAL_EXACT)
			return NULL;
		snprintf(why, size, "a %s with value '%s', max '%s', a unit "
		    "of %zu bytes and qual %s", rpt_qkind_name(q->kind),
		    q->value, q->max, q->unit_len, rpt_qual_name(q->qual));
		return why;
	}
	if (!(date ? nc_is_iso_date(q->value) : nc_is_decimal(q->value)))
		snprintf(why, size, "value '%s' is no %s", q->value, form);
	else if ((q->qual == RPT_QUAL_RANGE) != (q->max[0] != '\0'))
		snprintf(why, size, "max '%s' with qual %s", q->max,
		    rpt_qual_name(q->qual));
	else if (q->max[0] != '\0' &&
	    !(date ? nc_is_iso_date(q->max) : nc_is_decimal(q->max)))
		snprintf(why, size, "max '%s' is no %s", q->max, form);
	else
		return NULL;
	return why;
}

/*
 * Is c one of the clause boundaries of rpt.h: ，。；：、！？ , ; : ! ?  By
 * name, not by rpt_char_class(): the check must not share the table that
 * rpt_quantity_context() reads.
 */
static int
nc_boundary(int32_t c)
{
	static const int32_t b[] = {
		RPT_CH_FW_COMMA, RPT_CH_IDEO_STOP, RPT_CH_FW_SEMICOLON,
		RPT_CH_FW_COLON, RPT_CH_IDEO_COMMA, RPT_CH_FW_EXCL,
		RPT_CH_FW_QUESTION, ',', ';', ':', '!', '?'
	};
	size_t i;

	for (i = 0; i < sizeof(b) / sizeof(b[0]); i++)
		if (c == b[i])
			return 1;
	return 0;
}

/* Does off fall on a character boundary of the n bytes of p? */
static int
nc_on_char(const char *p, size_t n, size_t off)
{
	return off == n || (off < n && ((unsigned char)p[off] & 0xc0) != 0x80);
}

/*
 * What is wrong with the span [off, off + len) of a clause of the
 * paragraph p of n bytes (name: before or after), or NULL: it lies in
 * [lo, hi), on character boundaries, holds at most RPT_CONTEXT_MAX
 * characters and no clause boundary.
 */
static const char *
nc_clause(const char *p, size_t n, const char *name, size_t off, size_t len,
    size_t lo, size_t hi, char *why, size_t size)
{
	size_t i, k, chars = 0;
	int32_t c;

	if (off < lo || off > hi || len > hi - off) {
		snprintf(why, size, "%s at %zu, %zu bytes, outside [%zu, %zu)",
		    name, off, len, lo, hi);
		return why;
	}
	if (!nc_on_char(p, n, off) || !nc_on_char(p, n, off + len)) {
		snprintf(why, size, "%s at %zu, %zu bytes, cuts a character",
		    name, off, len);
		return why;
	}
	for (i = off; i < off + len; i += k, chars++) {
		k = rpt_utf8_decode(p + i, off + len - i, &c);
		if (nc_boundary(c)) {
			snprintf(why, size, "%s at %zu holds the boundary "
			    "U+%04X", name, off, (unsigned)c);
			return why;
		}
	}
	if (chars > RPT_CONTEXT_MAX) {
		snprintf(why, size, "%s at %zu is %zu characters long", name,
		    off, chars);
		return why;
	}
	return NULL;
}

/*
 * What is wrong with c, rpt_quantity_context() of the mention q of the
 * paragraph p of n bytes, said in why; NULL when nothing is.  The clause
 * before lies before the mention, the one after after it, each as
 * nc_clause() says.  q's span must be inside the paragraph.
 */
static const char *
numbers_check_context(const char *p, size_t n, const struct rpt_quantity *q,
    const struct rpt_context *c, char *why, size_t size)
{
	const char *bad;

	if ((bad = nc_clause(p, n, "context", c->before_off, c->before_len, 0,
	    q->off, why, size)) != NULL)
		return bad;
	return nc_clause(p, n, "after", c->after_off, c->after_len,
	    q->off + q->len, n, why, size);
}

#endif /* NUMBERS_CHECK_H */
