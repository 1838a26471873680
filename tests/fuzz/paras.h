/*
 * paras.h - the settled paragraphs of a fuzz input, for the targets of the
 * modules that read them (outline.c, check.c).
 *
 * The input is decoded as the filters decode it (auto-detected, invalid
 * sequences replaced) and read through the document model with the
 * profile given (NULL: auto).  The paragraphs are kept, their text copied,
 * so that a target can feed them again and again, and repeated: copy k of
 * the document has its lines moved on by k times its last line, which
 * makes long documents out of short inputs.  The model is kept too: the
 * paragraphs point at its profiles.
 */

struct paras {
	struct rpt_para	*list;
	size_t		 n, cap;
	long		 maxline;	/* the last line read */
	struct rpt_buf	 text;		/* the paragraphs' strings */
	size_t		(*off)[3];	/* p, elem and part in text */
	struct rpt_doc	*doc;
	struct rpt_input *in;
};

static void
paras_keep(struct paras *ps, const struct rpt_para *pa)
{
	struct rpt_para *q;

	if (ps->n == ps->cap) {
		ps->cap = ps->cap ? 2 * ps->cap : 256;
		if ((ps->list = realloc(ps->list, ps->cap *
		    sizeof(*ps->list))) == NULL ||
		    (ps->off = realloc(ps->off, ps->cap *
		    sizeof(*ps->off))) == NULL)
			abort();
	}
	q = &ps->list[ps->n];
	*q = *pa;
	q->chars = rpt_para_chars(pa);
	ps->off[ps->n][0] = ps->text.len;
	fuzz_append(&ps->text, pa->p, pa->len);
	ps->off[ps->n][1] = ps->text.len;
	fuzz_append(&ps->text, pa->elem, pa->elem_len);
	ps->off[ps->n][2] = ps->text.len;
	fuzz_append(&ps->text, pa->part, strlen(pa->part) + 1);
	ps->n++;
}

/*
 * Read data into ps: 0, or -1 when the input layer refuses it.  *stopped
 * is set when the model stopped early (a profile search failed).
 */
static int
paras_read(struct paras *ps, const uint8_t *data, size_t size,
    struct rpt_profile *profile, int *stopped)
{
	struct rpt_input_opts o = { RPT_ENC_AUTO, 1, NULL, NULL, 0 };
	struct rpt_line line;
	struct rpt_para pa;
	size_t i;
	int r, dr = 0;

	if (ps->in == NULL && ((ps->in = rpt_input_new()) == NULL ||
	    (ps->doc = rpt_doc_new()) == NULL))
		abort();
	ps->n = 0;
	ps->text.len = 0;
	ps->maxline = 0;
	*stopped = 0;
	if (rpt_input_open(ps->in, fuzz_file(data, size), &o) == -1)
		return -1;
	rpt_doc_set_profile(ps->doc, profile);
	rpt_doc_reset(ps->doc);
	while (dr != -1 && (r = rpt_input_line(ps->in, &line)) == 1) {
		ps->maxline = line.num;
		CHECK(rpt_doc_push(ps->doc, &line) != -1);
		while ((dr = rpt_doc_next(ps->doc, &pa)) == 1)
			paras_keep(ps, &pa);
	}
	rpt_input_close(ps->in);
	rpt_doc_finish(ps->doc);
	while (dr != -1 && (dr = rpt_doc_next(ps->doc, &pa)) == 1)
		paras_keep(ps, &pa);
	*stopped = dr == -1;
	for (i = 0; i < ps->n; i++) {
		ps->list[i].p = ps->text.p + ps->off[i][0];
		ps->list[i].elem = ps->text.p + ps->off[i][1];
		ps->list[i].part = ps->text.p + ps->off[i][2];
	}
	return 0;
}

/* Paragraph i of the document repeated: copy i / n, its lines moved on. */
static struct rpt_para
paras_at(const struct paras *ps, size_t i)
{
	struct rpt_para pa = ps->list[i % ps->n];

	pa.line += (long)(i / ps->n) * ps->maxline;
	pa.num += (long)(i / ps->n) * (long)ps->n;
	return pa;
}

/*
 * paras_read() with the profile h picks: one of the three built-ins (made
 * once, kept for every input), or auto for one hash in four.
 */
static int
paras_read_by(struct paras *ps, const uint8_t *data, size_t size,
    uint32_t h, int *stopped)
{
	static struct rpt_profile *builtin[3];
	struct rpt_profile_error e;
	size_t i;

	if (builtin[0] == NULL)
		for (i = 0; i < 3; i++)
			CHECK(rpt_profile_builtin(rpt_profile_builtin_name(i),
			    &builtin[i], &e) == 0);
	return paras_read(ps, data, size, h % 4 < 3 ? builtin[h % 4] : NULL,
	    stopped);
}
