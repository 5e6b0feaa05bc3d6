/*
 * quotes.c - libFuzzer target for quote extraction: documents from the
 * reader go through a quote_doc with the shipped dictionary, and every
 * record must name bytes of its document.  The first byte picks plain or
 * -z input, whether reported speech (-i) is looked for, TSV or JSON, -b.
 */
#include "fuzz.h"
#include "link.h"
#include "quote.h"

static struct link_dict	*dict;
static struct quote_doc	*qd[2];

static void
emit(const struct quote_rec *r, void *arg)
{
	struct out_field	 f[2];

	(void)arg;
	if (r->end < r->start || r->wend < r->wstart || r->para == 0)
		abort();
	if (r->speakerlen > 0 && r->speaker == NULL)
		abort();
	memset(f, 0, sizeof(f));
	f[0].key = "speaker";
	f[0].kind = OUT_TEXT;
	f[0].s = r->speaker;
	f[0].len = r->speakerlen;
	f[1].key = "quote";
	f[1].kind = OUT_TEXT;
	f[1].s = r->text;
	f[1].len = r->len;
	/* Every byte of the strings must be readable. */
	out_record(r->start, r->end, f, 2);
	out_tsv_str(r->cue, r->cuelen);
	out_tsv_str(r->written, r->writtenlen);
}

static void
begin(void *arg)
{
	quote_doc_begin(arg);
}

static void
para(const struct para *p, void *arg)
{
	quote_doc_para(arg, p);
}

static void
end(void *arg)
{
	quote_doc_end(arg);
}

static const struct fuzz_ops ops = { begin, para, end };

int
LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
	int	 i;

	if (dict == NULL) {
		dict = link_dict_open(NULL);
		qd[0] = quote_doc_new(dict, 0, emit, NULL);
		qd[1] = quote_doc_new(dict, 1, emit, NULL);
	}
	if (size == 0)
		return 0;
	i = (data[0] >> 1) & 1;
	fuzz_docs(data + 1, size - 1, data[0], &ops, qd[i]);
	return 0;
}
