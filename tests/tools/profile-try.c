/*
 * profile-try - try a profile (lib/profile.c) on heading titles.
 *
 *	profile-try [-p NAME | -f FILE] [-y YEAR] [-l]	titles on stdin
 *	profile-try [-p NAME | -f FILE] -P | -r		print the profile
 *	profile-try -a					auto choice
 *
 * Reads one heading title per line and prints "title<TAB>parts" (parts
 * empty when no rule matches).  With -l the titles are a document's
 * level-1 headings in order: an unmatched one gets the fallback part given
 * the parts seen before it, as the document model assigns them.  -P prints
 * the profile's text, -r its required parts.  With -a, each line is
 * "title<TAB>addressee<TAB>first body paragraph" and the output is the
 * profile rpt_profile_auto() chooses.  The default profile is fzzf; -p
 * takes what --profile takes (rpt_profile_open()), -f a file only.
 *
 * Exit status: 0; 1 when a search fails (a pattern hit the match limit);
 * 2 for a bad profile or bad arguments.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "rpt.h"

static void
usage(void)
{
	fprintf(stderr, "usage: profile-try [-p NAME | -f FILE] [-y YEAR] "
	    "[-l | -P | -r]\n       profile-try -a\n");
	exit(2);
}

/* Field i (0-based) of a TAB-separated line, or an empty one. */
static const char *
field(const char *p, size_t n, int i, size_t *len)
{
	const char *t;

	for (; i > 0; i--) {
		if ((t = memchr(p, '\t', n)) == NULL) {
			*len = 0;
			return "";
		}
		n -= (size_t)(t + 1 - p);
		p = t + 1;
	}
	*len = (t = memchr(p, '\t', n)) != NULL ? (size_t)(t - p) : n;
	return p;
}

int
main(int argc, char *argv[])
{
	struct rpt_profile *p = NULL;
	struct rpt_profile_error e;
	struct rpt_buf parts = { NULL, 0, 0 };
	struct rpt_parts named;
	uint64_t seen = 0;
	const char *name = "fzzf", *file = NULL, *text, *a, *b, *t;
	char *line = NULL;
	size_t cap = 0, len, al, bl, tl;
	ssize_t n;
	long num = 0;
	int c, year = 0, level1 = 0, print = 0, required = 0, autom = 0;
	int r, status = 0;

	while ((c = getopt(argc, argv, "af:lp:Pry:")) != -1)
		switch (c) {
		case 'a': autom = 1; break;
		case 'f': file = optarg; break;
		case 'l': level1 = 1; break;
		case 'p': name = optarg; break;
		case 'P': print = 1; break;
		case 'r': required = 1; break;
		case 'y': year = atoi(optarg); break;
		default: usage();
		}
	if (optind != argc)
		usage();

	if (autom) {
		while ((n = getline(&line, &cap, stdin)) > 0) {
			len = (size_t)n;
			if (line[len - 1] == '\n')
				len--;
			t = field(line, len, 0, &tl);
			a = field(line, len, 1, &al);
			b = field(line, len, 2, &bl);
			printf("%s\n", rpt_profile_auto(t, tl, a, al, b, bl));
		}
		free(line);
		return ferror(stdout) || fclose(stdout) ? 1 : 0;
	}

	r = file != NULL ? rpt_profile_load(file, &p, &e) :
	    rpt_profile_open(name, &p, &e);
	if (r == -1) {
		if (e.line > 0 && e.col > 0)
			fprintf(stderr, "profile-try: %s:%ld:%ld: %s\n",
			    file ? file : name, e.line, e.col, e.msg);
		else if (e.line > 0)
			fprintf(stderr, "profile-try: %s:%ld: %s\n",
			    file ? file : name, e.line, e.msg);
		else
			fprintf(stderr, "profile-try: %s: %s\n",
			    file ? file : name, e.msg);
		return 2;
	}
	if (print) {
		text = rpt_profile_text(p, &len);
		fwrite(text, 1, len, stdout);
	} else if (required) {
		if (rpt_parts_format(p, rpt_profile_required(p), ',',
		    &parts) == -1)
			return 1;
		printf("%s\n", parts.p);
	} else
		while ((n = getline(&line, &cap, stdin)) > 0) {
			num++;
			len = (size_t)n;
			if (line[len - 1] == '\n')
				len--;
			parts.len = 0;
			if (rpt_profile_match(p, line, len, year, &named,
			    &e) == -1) {
				if (e.line == 0) {
					fprintf(stderr, "profile-try: %s\n",
					    e.msg);
					status = 1;
					break;
				}
				fprintf(stderr, "profile-try: title %ld: "
				    "pattern '%.*s' (%s:%ld): %s\n", num,
				    (int)e.patlen, e.pat,
				    rpt_profile_name(p), e.line, e.msg);
				status = 1;
				break;
			}
			if (level1 && named.n == 0)
				rpt_parts_add(&named,
				    rpt_profile_fallback(p, seen));
			if (level1)
				seen |= named.set;
			if (rpt_parts_format(p, &named, '+', &parts) == -1)
				return 1;
			fwrite(line, 1, len, stdout);
			putchar('\t');
			fwrite(parts.p, 1, parts.len, stdout);
			putchar('\n');
		}
	free(line);
	rpt_buf_free(&parts);
	rpt_profile_free(p);
	if (ferror(stdout) || fclose(stdout))
		return 1;
	return status;
}
