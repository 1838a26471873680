/*
 * docx.c - fuzz target of the Word reader (lib/docx.c through rpt_input_*
 * and the document model).
 *
 * The input is either a whole file (when it starts with PK, a ZIP's own
 * bytes: the ZIP reader is fuzzed) or the XML of up to three parts
 * separated by NUL bytes, word/document.xml, word/styles.xml and
 * word/numbering.xml, which are put in a ZIP with the content types and
 * relationships of a Word file (the XML parser and the numbering are
 * fuzzed).  Every run checks: the file is read or refused, never anything
 * else; a refusal or a stop says why; every line is valid UTF-8 without
 * NUL, CR or LF, numbered one after the other, with only the formatting
 * flags of a Word file (RPT_LF_PARA always) and an outline level of 0-8;
 * the document model takes every line and hands out paragraphs with a
 * section path no deeper than RPT_DEPTH_MAX.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <zip.h>

#include "fuzz.h"

static const char types[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
    "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/"
    "content-types\"><Default Extension=\"xml\" ContentType=\"application/"
    "xml\"/><Override PartName=\"/word/document.xml\" ContentType=\""
    "application/vnd.openxmlformats-officedocument.wordprocessingml."
    "document.main+xml\"/></Types>";

static char zpath[4096];

static void
cleanup(void)
{
	if (zpath[0] != '\0')
		unlink(zpath);
}

/* A ZIP of the parts, stored: its path. */
static const char *
make_zip(const char *const *part, const size_t *len, int nparts)
{
	static const char *const names[] = {
		"word/document.xml", "word/styles.xml", "word/numbering.xml"
	};
	zip_source_t *src;
	zip_t *z;
	int i, err;

	if (zpath[0] == '\0') {
		const char *dir = access("/dev/shm", W_OK) == 0 ? "/dev/shm" :
		    "/tmp";
		int fd;

		snprintf(zpath, sizeof(zpath), "%s/rpt-fuzz-docx.XXXXXX", dir);
		if ((fd = mkstemp(zpath)) == -1) {
			perror(zpath);
			abort();
		}
		close(fd);
		atexit(cleanup);
	}
	if ((z = zip_open(zpath, ZIP_CREATE | ZIP_TRUNCATE, &err)) == NULL)
		abort();
	src = zip_source_buffer(z, types, sizeof(types) - 1, 0);
	CHECK(src != NULL && zip_file_add(z, "[Content_Types].xml", src, 0) >= 0);
	for (i = 0; i < nparts; i++) {
		zip_int64_t k;

		src = zip_source_buffer(z, part[i], len[i], 0);
		CHECK(src != NULL && (k = zip_file_add(z, names[i], src, 0)) >= 0);
		zip_set_file_compression(z, (zip_uint64_t)k, ZIP_CM_STORE, 0);
	}
	CHECK(zip_close(z) == 0);
	return zpath;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct rpt_input *in;
	static struct rpt_doc *doc;
	struct rpt_input_opts o = { RPT_ENC_AUTO, 0, NULL, NULL, 0 };
	struct rpt_line line = { NULL, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 };
	struct rpt_para para;
	const struct rpt_diag *d;
	const char *part[3], *path, *p = (const char *)data, *nul;
	size_t len[3], rest = size;
	long num = 0;
	int n = 0, r, dr;

	if (in == NULL && ((in = rpt_input_new()) == NULL ||
	    (doc = rpt_doc_new()) == NULL))
		abort();
	if (size >= 2 && p[0] == 'P' && p[1] == 'K')
		path = fuzz_file(data, size);
	else {
		while (n < 3) {
			nul = memchr(p, '\0', rest);
			part[n] = p;
			len[n] = nul != NULL ? (size_t)(nul - p) : rest;
			n++;
			if (nul == NULL)
				break;
			rest -= len[n - 1] + 1;
			p = nul + 1;
		}
		path = make_zip(part, len, n);
	}
	r = rpt_input_open(in, path, &o);
	d = rpt_input_diag(in);
	if (r == -1) {
		CHECK(d->status == RPT_E_FORMAT || d->status == RPT_E_DOCX ||
		    d->status == RPT_E_BINARY || d->status == RPT_E_INVALID);
		if (d->status == RPT_E_DOCX)
			CHECK(d->detail[0] != '\0');
		CHECK(rpt_input_line(in, &line) == -1);
		return 0;
	}
	rpt_doc_reset(doc);
	while ((r = rpt_input_line(in, &line)) == 1) {
		CHECK(line.len == 0 || fuzz_utf8_valid(line.p, line.len));
		CHECK(line.len == 0 || (memchr(line.p, '\0', line.len) == NULL &&
		    memchr(line.p, '\r', line.len) == NULL &&
		    memchr(line.p, '\n', line.len) == NULL));
		CHECK(line.num == num + 1 || line.num == num);
		num = line.num;
		if (rpt_input_enc(in) == RPT_ENC_DOCX) {
			CHECK(line.fmt & RPT_LF_PARA);
			CHECK((line.fmt & ~(unsigned)(RPT_LF_PARA |
			    RPT_LF_OUTLINE | RPT_LF_LEAD | RPT_LF_TITLE)) == 0);
			CHECK(!(line.fmt & RPT_LF_OUTLINE) ||
			    (line.outline >= 0 && line.outline <= 8));
			CHECK(line.lead >= 0 && (line.lead > 0) ==
			    ((line.fmt & RPT_LF_LEAD) != 0));
		}
		CHECK(rpt_doc_push(doc, &line) != -1);
		while ((dr = rpt_doc_next(doc, &para)) == 1)
			CHECK(para.depth >= 0 && para.depth <= RPT_DEPTH_MAX);
		CHECK(dr == 0);
	}
	rpt_doc_finish(doc);
	while ((dr = rpt_doc_next(doc, &para)) == 1)
		CHECK(para.depth >= 0 && para.depth <= RPT_DEPTH_MAX);
	CHECK(dr == 0);
	if (r == -1)
		CHECK((d->status == RPT_E_DOCX && d->detail[0] != '\0') ||
		    d->status == RPT_E_INVALID || d->status == RPT_E_SYS);
	else
		CHECK(r == 0);
	rpt_input_close(in);
	return 0;
}
