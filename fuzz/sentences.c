/*
 * sentences.c - libFuzzer target for sentence splitting: every paragraph
 * the reader hands out goes through the splitter, whose spans must lie
 * inside the paragraph, in order, and be written out like `sentences`
 * does.  The first byte picks plain or -z input, TSV or JSON, -b.
 */
#include "fuzz.h"
#include "sent.h"

static void
para(const struct para *p, void *arg)
{
	struct sent_iter	 it;
	struct out_field	 f;
	size_t			 s, e, last, n;

	(void)arg;
	sent_begin(&it, p->p, p->len);
	last = n = 0;
	while (sent_next(&it, &s, &e)) {
		/* Spans are inside the text, non-empty and in order. */
		if (s < last || e <= s || e > p->len)
			abort();
		/* The white space between sentences is left out. */
		if (doc_isspace((unsigned char)p->p[s]) ||
		    doc_isspace((unsigned char)p->p[e - 1]))
			abort();
		/* Each call must move on, or a caller loops for ever. */
		if (++n > p->len)
			abort();
		last = e;
		f.key = "text";
		f.kind = OUT_TEXT;
		f.s = p->p + s;
		f.len = e - s;
		f.n = 0;
		out_record(p->off + s, p->off + e, &f, 1);
	}
}

static const struct fuzz_ops ops = { NULL, para, NULL };

int
LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
	if (size == 0)
		return 0;
	fuzz_docs(data + 1, size - 1, data[0], &ops, NULL);
	return 0;
}
