/*
 * cli.h - the driver every rpt filter's main() hands over to.
 *
 * It owns what the filters share (man/rpt.7): the common options, the loop
 * over operands, decoding and the document model, every message about
 * input, the TSV writer and the exit status.  A filter supplies its own
 * options, its columns and what to do with each paragraph.
 */
#ifndef RPT_CLI_H
#define RPT_CLI_H

#include <getopt.h>

#include "rpt.h"

/* Exit status, for all filters. */
#define RPT_EXIT_OK	0	/* success, also when the reader left early */
#define RPT_EXIT_INPUT	1	/* input refused or undecodable; write error */
#define RPT_EXIT_USAGE	2	/* bad options */

/* The document being read, as a filter sees it. */
struct rpt_cli_doc {
	const char	*name;		/* escaped for the file column */
	size_t		 name_len;
	enum rpt_enc	 enc;
	struct rpt_tsv	*out;
	int		 stopped;	/* at doc_end: input stopped at an error */
	const struct rpt_doc *model;	/* for rpt_doc_year(), rpt_doc_profile() */
	void		*state;		/* the filter's, as rpt_cli_main() got it */
};

struct rpt_cli {
	const char		 *name;		/* "rpt-split" */
	const char		 *synopsis;	/* after the name in Usage: */
	const char		 *about;	/* one line: what it does */
	const char		 *options_help;	/* the filter's own options */
	const char		 *shortopts;	/* the filter's own, getopt style */
	const struct option	 *longopts;	/* the filter's own, {0} ended */
	/* One option; returns -1 after rpt_cli_usage() for a bad argument. */
	int			(*option)(int c, const char *arg);
	/*
	 * After the options, before any input, with the profile given by
	 * --profile (NULL for auto): 0 to go on, 1 when the filter has done
	 * all it was asked on stdio's stdout (--print-profile), -1 for a
	 * usage error it has reported with rpt_cli_usage().  May be NULL.
	 */
	int			(*begin)(void *state, struct rpt_profile *profile);
	/* After the options: the header's columns, NULL-terminated. */
	const char *const	*(*columns)(void);
	/* A document starts; returns -1 on allocation failure. */
	int			(*doc_begin)(const struct rpt_cli_doc *doc);
	/* One paragraph of the document model; -1 on allocation failure. */
	int			(*para)(const struct rpt_cli_doc *doc,
				    const struct rpt_para *para);
	/*
	 * The document ends (also after an error that stopped it): 0, 1
	 * when the filter found an error in it that it has reported with
	 * rpt_cli_error() (exit status 1), -1 on allocation failure.
	 */
	int			(*doc_end)(const struct rpt_cli_doc *doc);
	/*
	 * A file was refused (after its message went to stderr): reason is
	 * that message without the file name.  May be NULL.
	 */
	int			(*refused)(const struct rpt_cli_doc *doc,
				    const char *reason);
	/* Free what the filter allocated in state.  May be NULL. */
	void			(*cleanup)(void *state);
};

/* Print "NAME: message" to stderr, for an error in one input. */
void	rpt_cli_error(const char *fmt, ...)
	    __attribute__((format(printf, 1, 2)));

/*
 * Run the filter; returns the exit status.  state is the filter's own,
 * handed to its callbacks (as doc->state, or an argument) and to nothing
 * else, so that a main keeps no file-scope state besides its options.
 */
int	rpt_cli_main(const struct rpt_cli *f, void *state, int argc,
	    char *argv[]);

/*
 * Print "NAME: message" and "Try 'NAME --help'." to stderr; returns -1 so
 * that an option handler can end with "return rpt_cli_usage(...)".
 */
int	rpt_cli_usage(const char *fmt, ...)
	    __attribute__((format(printf, 1, 2)));

#endif /* RPT_CLI_H */
