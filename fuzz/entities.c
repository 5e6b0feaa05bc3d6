/*
 * entities.c - libFuzzer target for entity tagging and linking:
 * documents from the reader go through an ent_finder with the shipped
 * dictionary (the tagger, the dictionary's names, titles, linking), and
 * every mention must be a span of its document with a name.  The first
 * byte picks plain or -z input, TSV or JSON, -b.
 */
#include "ent.h"
#include "fuzz.h"
#include "link.h"

static struct link_dict	*dict;
static struct ent_finder *finder;

static void
emit(const struct ent_mention *m, void *arg)
{
	struct out_field	 f[] = {
		{ "type", OUT_STR, NULL, 0, 0 },
		{ "name", OUT_TEXT, m->name, m->namelen, 0 },
		{ "text", OUT_TEXT, m->text, m->textlen, 0 },
	};

	(void)arg;
	if (m->end <= m->start || m->sentence == 0 ||
	    (unsigned)m->type >= ENT_NTYPES)
		abort();
	if (m->name == NULL || m->namelen == 0 || m->text == NULL ||
	    m->textlen == 0)
		abort();
	f[0].s = ent_type_name(m->type);
	f[0].len = strlen(f[0].s);
	out_record(m->start, m->end, f, 3);
	if (m->title != NULL)
		out_tsv_str(m->title, m->titlelen);
}

static void
begin(void *arg)
{
	ent_doc_begin(arg);
}

static void
para(const struct para *p, void *arg)
{
	ent_para(arg, p);
}

static void
end(void *arg)
{
	ent_doc_end(arg);
}

static const struct fuzz_ops ops = { begin, para, end };

int
LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
	if (dict == NULL) {
		dict = link_dict_open(NULL);
		finder = ent_new(dict, emit, NULL);
	}
	if (size == 0)
		return 0;
	fuzz_docs(data + 1, size - 1, data[0], &ops, finder);
	return 0;
}
