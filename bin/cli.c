/*
 * cli.c - the shared driver of the rpt filters: options, operands,
 * messages, exit status.  Messages go to stderr as one line each, prefixed
 * with the filter's own name, so that a cron log says which filter spoke
 * however it was invoked.
 */
#include <sys/wait.h>

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <fnmatch.h>
#include <limits.h>
#include <signal.h>
#include <spawn.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <utf8proc.h>

#include "cli.h"

static const struct rpt_cli *filter;
static void *filter_state;

extern char **environ;

/* --pre COMMAND, and the --pre-glob patterns that select its operands. */
static const char *pre;
static const char **pre_globs;
static size_t npre_globs;

static const char common_help[] =
"  -N, --no-header       do not write the header line\n"
"  -E, --encoding=ENC    input encoding: auto (default), utf-8, gb18030,\n"
"                        utf-16le, utf-16be\n"
"      --invalid=MODE    undecodable input: error (default: the file stops\n"
"                        there, exit 1) or replace (U+FFFD, warn once)\n"
"      --label=NAME      name standard input NAME in the file column\n"
"      --profile=P       the parts of a report: fzzf, gwr, summary or a\n"
"                        profile FILE; default auto (by each title)\n"
"      --pre=COMMAND     read each FILE through COMMAND FILE (no shell; the\n"
"                        file on its standard input), as rg --pre does\n"
"      --pre-glob=GLOB   only for FILEs whose base name matches GLOB\n"
"                        (repeatable)\n"
"  -h, --help            show this help and exit\n"
"  -V, --version         show the version and exit\n";

enum {
	OPT_INVALID = 0x100,
	OPT_LABEL,
	OPT_PROFILE,
	OPT_PRE,
	OPT_PRE_GLOB
};

static const struct option common_long[] = {
	{ "no-header",	no_argument,		NULL, 'N' },
	{ "encoding",	required_argument,	NULL, 'E' },
	{ "invalid",	required_argument,	NULL, OPT_INVALID },
	{ "label",	required_argument,	NULL, OPT_LABEL },
	{ "profile",	required_argument,	NULL, OPT_PROFILE },
	{ "pre",	required_argument,	NULL, OPT_PRE },
	{ "pre-glob",	required_argument,	NULL, OPT_PRE_GLOB },
	{ "help",	no_argument,		NULL, 'h' },
	{ "version",	no_argument,		NULL, 'V' },
};

static void
vmsg(const char *fmt, va_list ap)
{
	fprintf(stderr, "%s: ", filter->name);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
}

static void
msg(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vmsg(fmt, ap);
	va_end(ap);
}

void
rpt_cli_error(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vmsg(fmt, ap);
	va_end(ap);
}

int
rpt_cli_usage(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vmsg(fmt, ap);
	va_end(ap);
	fprintf(stderr, "Try '%s --help'.\n", filter->name);
	return -1;
}

static void
usage(void)
{
	printf("Usage: %s %s\n%s\n\n", filter->name, filter->synopsis,
	    filter->about);
	printf("With no FILE, or when FILE is -, read standard input.  Each FILE is\n"
	    "a document; output is TSV with a header line (see rpt(7)).\n\n");
	printf("Options:\n%s%s", filter->options_help, common_help);
	printf("\nExit status: 0 success, 1 some input refused or undecodable or\n"
	    "output failed, 2 usage error.\n");
}

static void
version(void)
{
	char pcre[64];

	if (pcre2_config(PCRE2_CONFIG_VERSION, pcre) < 0)
		strcpy(pcre, "unknown");
	printf("%s (rpt) %s\nutf8proc %s\nPCRE2 %s\n", filter->name, RPT_VERSION,
	    utf8proc_version(), pcre);
}

/* Close stdio's stdout (help, version); a write error is exit 1. */
static int
stdout_close(void)
{
	if (fflush(stdout) == 0 && !ferror(stdout) && fclose(stdout) == 0)
		return RPT_EXIT_OK;
	if (errno == EPIPE)
		return RPT_EXIT_OK;	/* the reader left: not an error */
	msg("write error: %s", strerror(errno));
	return RPT_EXIT_INPUT;
}

/* "0xb1" or "0xe4 0xb8" */
static const char *
bytes(const struct rpt_diag *d, char *buf, size_t size)
{
	size_t k = 0;
	int i;

	buf[0] = '\0';
	for (i = 0; i < d->nbad && k + 6 < size; i++)
		k += (size_t)snprintf(buf + k, size - k, "%s0x%02x",
		    i ? " " : "", d->bad[i]);
	return buf;
}

static const char *
enc_label(enum rpt_enc enc)
{
	switch (enc) {
	case RPT_ENC_GB18030:
		return "GB18030";
	case RPT_ENC_UTF16LE:
	case RPT_ENC_UTF16BE:
		return "UTF-16";
	default:
		return "UTF-8";
	}
}

/* What an invalid sequence is called, and what to try. */
static void
invalid_text(const struct rpt_diag *d, char *buf, size_t size)
{
	char b[32];

	if (d->nbad == 1 && d->bad[0] == 0)
		snprintf(buf, size, "NUL byte in text");
	else
		snprintf(buf, size, "invalid %s %s %s", enc_label(d->enc),
		    d->nbad == 1 ? "byte" : "sequence", bytes(d, b, sizeof(b)));
}

/*
 * The message for a refused or stopped file, without the file name in
 * front: "No such file or directory", "12:5: invalid UTF-8 byte 0xb1 (…)".
 * name is still needed for the conversion hint.
 */
static void
reason(const char *name, const struct rpt_diag *d, char *buf, size_t size)
{
	const struct rpt_format_info *fi;
	char text[96];

	buf[0] = '\0';
	switch (d->status) {
	case RPT_E_SYS:
		if (d->line > 0)
			snprintf(buf, size, "%ld: read error: %s", d->line,
			    strerror(d->errnum));
		else
			snprintf(buf, size, "%s", strerror(d->errnum));
		break;
	case RPT_E_ISDIR:
		snprintf(buf, size, "%s", strerror(EISDIR));
		break;
	case RPT_E_FORMAT:
		fi = rpt_format_info(d->format);
		if (*fi->cmd_before == '\0' && *fi->cmd_after == '\0')
			snprintf(buf, size, "%s, not text; %s", fi->what,
			    fi->verb);
		else
			snprintf(buf, size, "%s, not text; %s, e.g. %s%s%s",
			    fi->what, fi->verb, fi->cmd_before, name,
			    fi->cmd_after);
		break;
	case RPT_E_DOCX:
		if (d->line > 0)
			snprintf(buf, size, "%ld: %s", d->line, d->detail);
		else
			snprintf(buf, size, "%s", d->detail);
		break;
	case RPT_E_BINARY:
		snprintf(buf, size, "binary data (NUL byte at line %ld, column "
		    "%ld), not text", d->line, d->col);
		break;
	case RPT_E_INVALID:
		invalid_text(d, text, sizeof(text));
		snprintf(buf, size, "%ld:%ld: %s (%s)", d->line, d->col, text,
		    d->nbad == 1 && d->bad[0] == 0 ?
		    "binary data? --invalid=replace reads past it" :
		    d->enc == RPT_ENC_UTF8 || d->enc == RPT_ENC_UTF8_BOM ?
		    "try -E gb18030, or iconv -f GB18030" :
		    "check the encoding given with -E");
		break;
	case RPT_E_NOMEM:
		snprintf(buf, size, "%s", strerror(ENOMEM));
		break;
	case RPT_OK:
		break;
	}
}

/* Say why a file was refused or stopped. */
static void
report(const char *name, const struct rpt_diag *d, char *buf, size_t size)
{
	reason(name, d, buf, size);
	/* "FILE:12:5: …" for a place in the file, else "FILE: …". */
	msg("%s%s%s", name, isdigit((unsigned char)buf[0]) ? ":" : ": ", buf);
}

static void
warn_cb(void *ctx, enum rpt_warning w, const struct rpt_diag *d)
{
	const char *name = ctx;
	char text[96];

	switch (w) {
	case RPT_W_REPLACED:
		invalid_text(d, text, sizeof(text));
		msg("%s:%ld:%ld: warning: %s replaced by U+FFFD (and any others "
		    "in this file)", name, d->line, d->col, text);
		break;
	case RPT_W_LONGLINE:
		msg("%s:%ld: warning: line longer than 1 MiB cut into 1 MiB "
		    "pieces", name, d->line);
		break;
	}
}

/* A profile that cannot be used: a usage error naming file, line, column. */
static void
bad_profile(const char *arg, const struct rpt_profile_error *e)
{
	struct rpt_buf b = { NULL, 0, 0 };
	const char *name = rpt_name_escape(&b, arg);

	if (name == NULL)
		name = arg;
	if (e->line > 0 && e->col > 0)
		rpt_cli_usage("%s:%ld:%ld: %s", name, e->line, e->col, e->msg);
	else if (e->line > 0)
		rpt_cli_usage("%s:%ld: %s", name, e->line, e->msg);
	else
		rpt_cli_usage("%s: %s", name, e->msg);
	rpt_buf_free(&b);
}

/*
 * Say what is wrong with an option getopt_long refused: arg is the word it
 * stopped at.  A long option may be unknown, ambiguous, or given a value it
 * does not take; a short one is unknown.
 */
static void
bad_option(const char *arg, const struct option *lo)
{
	const char *name = NULL, *exact = NULL;
	size_t len;
	int matches = 0;

	if (strncmp(arg, "--", 2) != 0) {
		rpt_cli_usage("unknown option '-%c'", optopt);
		return;
	}
	len = strcspn(arg + 2, "=");
	for (; lo->name != NULL; lo++)
		if (strncmp(lo->name, arg + 2, len) == 0) {
			if (lo->name[len] == '\0') {
				exact = lo->name;
				break;
			}
			matches++;
			name = lo->name;
		}
	if (exact != NULL)
		name = exact;
	if (exact == NULL && matches == 0)
		rpt_cli_usage("unknown option '%.*s'", (int)len + 2, arg);
	else if (exact == NULL && matches > 1)
		rpt_cli_usage("ambiguous option '%.*s'", (int)len + 2, arg);
	else
		rpt_cli_usage("option '--%s' doesn't allow an argument", name);
}

/* Merge the common options with the filter's own for getopt_long. */
static int
options(struct option **lo, char **so)
{
	size_t nf = 0, nc = sizeof(common_long) / sizeof(common_long[0]);
	size_t len;

	while (filter->longopts[nf].name != NULL)
		nf++;
	if ((*lo = calloc(nf + nc + 1, sizeof(**lo))) == NULL)
		return -1;
	memcpy(*lo, filter->longopts, nf * sizeof(**lo));
	memcpy(*lo + nf, common_long, sizeof(common_long));
	len = strlen(filter->shortopts);
	if ((*so = malloc(len + 8)) == NULL)
		return -1;
	memcpy(*so, ":NE:hV", 6);
	memcpy(*so + 6, filter->shortopts, len + 1);
	return 0;
}

/* Does --pre apply to path: none of --pre-glob given, or its base name matches one? */
static int
pre_selects(const char *path)
{
	const char *base = strrchr(path, '/');
	size_t i;

	if (pre == NULL)
		return 0;
	base = base != NULL ? base + 1 : path;
	if (npre_globs == 0)
		return 1;
	for (i = 0; i < npre_globs; i++)
		if (fnmatch(pre_globs[i], base, 0) == 0)
			return 1;
	return 0;
}

/*
 * Start --pre's COMMAND with path as its only argument and the file on its
 * standard input, without a shell: the read end of its standard output,
 * or -1 with the reason in why.  Its standard error is ours.
 */
static int
pre_start(const char *path, pid_t *pid, char *why, size_t size)
{
	posix_spawn_file_actions_t fa;
	char *argv[3];
	int p[2], fd, e;

	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) == -1) {
		snprintf(why, size, "%s", strerror(errno));
		return -1;
	}
	if (pipe(p) == -1) {
		snprintf(why, size, "%s", strerror(errno));
		close(fd);
		return -1;
	}
	(void)fcntl(p[0], F_SETFD, FD_CLOEXEC);
	(void)fcntl(p[1], F_SETFD, FD_CLOEXEC);
	argv[0] = (char *)pre;
	argv[1] = (char *)path;
	argv[2] = NULL;
	if ((e = posix_spawn_file_actions_init(&fa)) == 0) {
		if ((e = posix_spawn_file_actions_adddup2(&fa, fd, 0)) == 0 &&
		    (e = posix_spawn_file_actions_adddup2(&fa, p[1], 1)) == 0)
			e = posix_spawnp(pid, pre, &fa, NULL, argv, environ);
		posix_spawn_file_actions_destroy(&fa);
	}
	close(fd);
	close(p[1]);
	if (e != 0) {
		close(p[0]);
		snprintf(why, size, "--pre %s: cannot run it: %s", pre,
		    strerror(e));
		return -1;
	}
	return p[0];
}

/*
 * Wait for --pre's COMMAND: 0 when it exited with status 0, else -1 with
 * why; a SIGPIPE is no failure of its own when early says that we stopped
 * reading first.
 */
static int
pre_wait(pid_t pid, int early, char *why, size_t size)
{
	int st;

	while (waitpid(pid, &st, 0) == -1)
		if (errno != EINTR) {
			snprintf(why, size, "--pre %s: %s", pre, strerror(errno));
			return -1;
		}
	if (WIFEXITED(st) && WEXITSTATUS(st) == 0)
		return 0;
	if (WIFSIGNALED(st) && WTERMSIG(st) == SIGPIPE && early)
		return 0;
	if (WIFEXITED(st))
		snprintf(why, size, "--pre %s exited with status %d", pre,
		    WEXITSTATUS(st));
	else
		snprintf(why, size, "--pre %s was killed by signal %d", pre,
		    WIFSIGNALED(st) ? WTERMSIG(st) : 0);
	return -1;
}

/* Read one operand through the document model into the filter. */
static int
run_file(struct rpt_input *in, struct rpt_doc *doc, const char *path,
    const char *label, const struct rpt_input_opts *base,
    struct rpt_tsv *out, struct rpt_buf *namebuf)
{
	struct rpt_input_opts opts = *base;
	struct rpt_cli_doc cd;
	struct rpt_line line;
	struct rpt_para para;
	const char *name;
	char why[PATH_MAX + 256];
	pid_t pid = 0;
	int fd, r, dr = 0, status = RPT_EXIT_OK;

	if ((name = rpt_name_escape(namebuf, path ? path : label)) == NULL) {
		msg("%s", strerror(ENOMEM));
		return -1;
	}
	opts.warn = warn_cb;
	opts.warn_ctx = (void *)name;
	cd.name = name;
	cd.name_len = namebuf->len;
	cd.out = out;
	cd.stopped = 0;
	cd.model = doc;
	cd.state = filter_state;
	cd.enc = RPT_ENC_AUTO;
	/* --pre: the operand is read through its converter. */
	if (path != NULL && pre_selects(path)) {
		if ((fd = pre_start(path, &pid, why, sizeof(why))) == -1) {
			msg("%s: %s", name, why);
			goto refused;
		}
		r = rpt_input_open_fd(in, fd, &opts);
	} else
		r = rpt_input_open(in, path, &opts);
	if (r == -1) {
		report(name, rpt_input_diag(in), why, sizeof(why));
		if (pid > 0 && pre_wait(pid, 1, why, sizeof(why)) == -1)
			msg("%s: %s", name, why);
		goto refused;
	}
	cd.enc = rpt_input_enc(in);
	r = rpt_input_line(in, &line);
	/* A converter that failed and wrote nothing: the file is refused. */
	if (pid > 0 && r == 0) {
		rpt_input_close(in);
		r = pre_wait(pid, 0, why, sizeof(why));
		pid = 0;
		if (r == -1) {
			msg("%s: %s", name, why);
			goto refused;
		}
	}
	rpt_doc_reset(doc);
	if (filter->doc_begin && filter->doc_begin(&cd) == -1)
		goto nomem;
	for (; r == 1; r = rpt_input_line(in, &line)) {
		if (rpt_doc_push(doc, &line) == -1)
			goto nomem;
		while ((dr = rpt_doc_next(doc, &para)) == 1)
			if (filter->para(&cd, &para) == -1)
				goto nomem;
		if (dr == -1 || rpt_tsv_error(out))
			break;
	}
	/* What was read before an error still counts. */
	rpt_doc_finish(doc);
	while (dr != -1 && !rpt_tsv_error(out) &&
	    (dr = rpt_doc_next(doc, &para)) == 1)
		if (filter->para(&cd, &para) == -1)
			goto nomem;
	if (dr == -1) {
		const struct rpt_profile_error *e = rpt_doc_error(doc);

		if (e == NULL)
			goto nomem;
		/* A profile search hit its limit: an error for this file. */
		msg("%s: profile %s, line %ld: pattern %.*s: %s", name,
		    rpt_doc_profile(doc), e->line, (int)e->patlen,
		    e->pat ? e->pat : "", e->msg);
		status = RPT_EXIT_INPUT;
		cd.stopped = 1;
	}
	if (r == -1) {
		report(name, rpt_input_diag(in), why, sizeof(why));
		status = RPT_EXIT_INPUT;
		cd.stopped = 1;
	}
	/* The converter's own status: a failure stops the file there. */
	if (pid > 0) {
		rpt_input_close(in);
		if (pre_wait(pid, r != 0, why, sizeof(why)) == -1) {
			msg("%s: %s", name, why);
			status = RPT_EXIT_INPUT;
			cd.stopped = 1;
		}
		pid = 0;
	}
	if (filter->doc_end && (r = filter->doc_end(&cd)) != 0) {
		if (r == -1)
			goto nomem;
		status = RPT_EXIT_INPUT;
	}
	rpt_input_close(in);
	return status;
refused:
	if (filter->refused && filter->refused(&cd, why) == -1)
		goto nomem;
	return RPT_EXIT_INPUT;
nomem:
	msg("%s: %s", name, strerror(ENOMEM));
	rpt_input_close(in);
	if (pid > 0)
		(void)pre_wait(pid, 1, why, sizeof(why));
	return -1;
}

int
rpt_cli_main(const struct rpt_cli *f, void *state, int argc, char *argv[])
{
	struct rpt_input_opts iopts = { RPT_ENC_AUTO, 0, NULL, NULL, 0 };
	struct rpt_buf namebuf = { NULL, 0, 0 };
	struct option *lo = NULL;
	struct rpt_input *in = NULL;
	struct rpt_doc *doc = NULL;
	struct rpt_tsv *out = NULL;
	const char *label = "-", *path;
	struct rpt_profile *profile = NULL;
	struct rpt_profile_error perr;
	char *so = NULL;
	int c, i, header = 1, status = RPT_EXIT_OK, r, err;

	filter = f;
	filter_state = state;
	if (options(&lo, &so) == -1) {
		msg("%s", strerror(ENOMEM));
		return RPT_EXIT_INPUT;
	}
	opterr = 0;
	while ((c = getopt_long(argc, argv, so, lo, NULL)) != -1) {
		switch (c) {
		case 'h':
			usage();
			status = stdout_close();
			goto done;
		case 'V':
			version();
			status = stdout_close();
			goto done;
		case 'N':
			header = 0;
			break;
		case 'E':
			if (rpt_enc_parse(optarg, &iopts.enc) == -1) {
				rpt_cli_usage("invalid encoding '%s' (expected auto, "
				    "utf-8, gb18030, utf-16le or utf-16be)", optarg);
				goto usage;
			}
			break;
		case OPT_INVALID:
			if (strcmp(optarg, "error") == 0)
				iopts.replace = 0;
			else if (strcmp(optarg, "replace") == 0)
				iopts.replace = 1;
			else {
				rpt_cli_usage("invalid --invalid mode '%s' (expected "
				    "error or replace)", optarg);
				goto usage;
			}
			break;
		case OPT_LABEL:
			label = optarg;
			break;
		case OPT_PRE:
			pre = *optarg != '\0' ? optarg : NULL;
			break;
		case OPT_PRE_GLOB: {
			const char **g = realloc(pre_globs, (npre_globs + 1) *
			    sizeof(*g));

			if (g == NULL) {
				msg("%s", strerror(ENOMEM));
				status = RPT_EXIT_INPUT;
				goto done;
			}
			pre_globs = g;
			pre_globs[npre_globs++] = optarg;
			break;
		}
		case OPT_PROFILE:
			rpt_profile_free(profile);
			profile = NULL;
			if (strcmp(optarg, "auto") != 0 &&
			    rpt_profile_open(optarg, &profile, &perr) == -1) {
				bad_profile(optarg, &perr);
				goto usage;
			}
			break;
		case ':':
			if (strncmp(argv[optind - 1], "--", 2) == 0)
				rpt_cli_usage("option '%.*s' needs an argument",
				    (int)strcspn(argv[optind - 1], "="),
				    argv[optind - 1]);
			else
				rpt_cli_usage("option '-%c' needs an argument",
				    optopt);
			goto usage;
		case '?':
			bad_option(argv[optind - 1], lo);
			goto usage;
		default:
			if (f->option(c, optarg) == -1)
				goto usage;
			break;
		}
	}

	if (npre_globs > 0 && pre == NULL) {
		rpt_cli_usage("--pre-glob needs --pre");
		goto usage;
	}
	in = rpt_input_new();
	doc = rpt_doc_new();
	if (doc != NULL)
		rpt_doc_set_profile(doc, profile);
	if (f->begin != NULL) {
		switch (f->begin(state, profile)) {
		case -1:
			goto usage;
		case 1:
			status = stdout_close();
			goto done;
		}
	}
	out = rpt_tsv_new(STDOUT_FILENO);
	if (in == NULL || doc == NULL || out == NULL) {
		msg("%s", strerror(ENOMEM));
		status = RPT_EXIT_INPUT;
		goto done;
	}
	if (header)
		rpt_tsv_header(out, f->columns());
	for (i = optind; i < argc || i == optind; i++) {
		path = i < argc ? argv[i] : "-";
		r = run_file(in, doc, strcmp(path, "-") == 0 ? NULL : path,
		    label, &iopts, out, &namebuf);
		if (r == -1) {
			status = RPT_EXIT_INPUT;
			break;
		}
		if (r != RPT_EXIT_OK)
			status = r;
		if (rpt_tsv_error(out))
			break;
	}
	/* Output is checked at the end too: a full disk is an error. */
	err = rpt_tsv_flush(out) == -1 ? errno : 0;
	if (err == 0 && close(STDOUT_FILENO) == -1 && errno != EBADF)
		err = errno;
	if (err != 0 && err != EPIPE) {
		msg("write error: %s", strerror(err));
		status = RPT_EXIT_INPUT;
	}
	goto done;
usage:
	status = RPT_EXIT_USAGE;
done:
	rpt_tsv_free(out);
	rpt_doc_free(doc);
	rpt_profile_free(profile);
	rpt_input_free(in);
	rpt_buf_free(&namebuf);
	free(pre_globs);
	free(lo);
	free(so);
	if (f->cleanup)
		f->cleanup(state);
	return status;
}
