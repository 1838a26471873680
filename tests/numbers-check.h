/*
 * numbers-check.h - the check of a mention's value, max and qualifier
 * (struct rpt_quantity, rpt.h), shared by the fuzz target
 * tests/fuzz/numbers.c and the unit tests tests/unit/numbers-test.c.
 *
 * A quantity's value is a plain decimal (no sign, grouping, exponent,
 * leading zero or trailing zero after the point) that strtod() reads
 * whole, or an ISO 8601 date (2023-12-05, 2023-12, --12-05, --12) for a
 * date; max is set exactly for a range, and is a value of the same form.
 * A non-quantity (marker, ordinal, name, code, vague amount) has no value,
 * max or unit, and its qualifier is exact.
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

/* 0, or digits without a leading zero, then perhaps '.' and digits not ending in 0. */
static int
nc_is_decimal(const char *v)
{
	const char *s = v;
	char *end;

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

#endif /* NUMBERS_CHECK_H */
