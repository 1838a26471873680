/*
 * fuzz.h - what the fuzz targets of tests/fuzz/ share (fuzz.c).
 *
 * Each target (input.c, doc.c, split.c, numbers.c, profile.c, tsv.c)
 * defines LLVMFuzzerTestOneInput() and uses lib/ only through rpt.h.  It is
 * linked with libFuzzer by make fuzz, and with replay.c by make check, which
 * runs it over every file of its corpus tests/fuzz/corpus/TARGET/.  A target
 * checks invariants, not just "no crash": a violation prints what failed
 * and aborts.
 */
#ifndef FUZZ_H
#define FUZZ_H

#include <stddef.h>
#include <stdint.h>

#include "rpt.h"

int	LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Abort with "fuzz: FILE:LINE: invariant failed: WHAT" unless cond holds. */
#define CHECK(cond) \
	((cond) ? (void)0 : fuzz_fail(__FILE__, __LINE__, #cond))

void	fuzz_fail(const char *file, int line, const char *what)
	    __attribute__((noreturn));

/*
 * The bytes p[0, n) as a file, for rpt_input_open(): its path, valid until
 * the next call.  One file per process, rewritten each time.
 */
const char *fuzz_file(const void *p, size_t n);

/*
 * Is p well-formed UTF-8 (Unicode table 3-7: no overlongs, surrogates or
 * code points past U+10FFFF)?  Written apart from lib/ on purpose.
 */
int	fuzz_utf8_valid(const char *p, size_t n);

/*
 * Append to out the text of p with every ill-formed byte and every NUL, CR
 * and LF replaced by U+FFFD: a paragraph as the input layer could hand
 * it on.  Returns -1 on allocation failure.
 */
int	fuzz_make_text(struct rpt_buf *out, const char *p, size_t n);

/*
 * Hand fn each line of data (lines end at LF or CR) as a paragraph, made
 * text by fuzz_make_text(), and then all the lines joined into one (as the
 * model joins hard-wrapped lines).  The paragraph is valid until fn
 * returns.
 */
void	fuzz_paragraphs(const uint8_t *data, size_t size,
	    void (*fn)(const char *p, size_t n));

/* Append the characters of p that are not rpt white space to out. */
int	fuzz_nonwhite(struct rpt_buf *out, const char *p, size_t n);

/* Does p start and end with a character that is not rpt white space? */
int	fuzz_trimmed(const char *p, size_t n);

/* Has p no byte below 0x0E and no backslash (struct rpt_line's plain)? */
int	fuzz_plain(const char *p, size_t n);

/* Is off a character boundary of p (n bytes)? */
int	fuzz_boundary(const char *p, size_t n, size_t off);

/* A hash of p, to choose variants of a run from the input itself. */
uint32_t fuzz_hash(const void *p, size_t n);

/*
 * A copy of p in a buffer of exactly n bytes (one for n = 0, a NUL), for
 * AddressSanitizer to see a read past the end; free() it.
 */
char	*fuzz_copy(const void *p, size_t n);

/* rpt_buf_append() that aborts when memory runs out. */
void	fuzz_append(struct rpt_buf *b, const void *p, size_t n);

#endif /* FUZZ_H */
