/*
 * quotes - print every quotation with the person who said it.
 */
#include <string.h>

#include "link.h"
#include "opt.h"
#include "out.h"
#include "quote.h"
#include "run.h"
#include "util.h"

struct quotes {
	const char		*dict_path;	/* -d */
	int			 iflag;		/* -i: reported speech too */
	int			 threads;	/* --threads, 0 when not given */
	struct quote_doc	*qd;
};

static const struct opt opts[] = {
	{ 'd', "dictionary", required_argument, "FILE",
	    "add names and aliases: lines TYPE<TAB>NAME[<TAB>ALIAS...]" },
	{ 'i', "indirect", no_argument, NULL,
	    "print reported speech without quote marks too" },
	OPT_THREADS_OPT,
	{ 0, NULL, 0, NULL, NULL }
};

static int
set(void *ctx, int id, const char *arg)
{
	struct quotes	*c = ctx;

	switch (id) {
	case 'd':
		c->dict_path = arg;
		return 1;
	case 'i':
		c->iflag = 1;
		return 1;
	case OPT_THREADS:
		return (c->threads = opt_threads(arg)) > 0;
	}
	return 0;
}

static const struct opt_prog prog = {
	"quotes",
	"[-bHhijVz] [-d file] [--line-buffered] [--threads n] [file ...]",
	"Print every quotation as SPEAKER and QUOTE.",
	opts, set
};

static void
field(struct out_field *f, const char *key, enum out_kind kind,
    const char *s, size_t len, long long n)
{
	f->key = key;
	f->kind = kind;
	f->s = s;
	f->len = len;
	f->n = n;
}

static void
emit(const struct quote_rec *r, void *arg)
{
	struct out_field f[8];
	const char	*k;

	(void)arg;
	k = quote_kind_name(r->kind);
	field(&f[0], "speaker", OUT_TEXT, r->speaker, r->speakerlen, 0);
	field(&f[1], "quote", OUT_TEXT, r->text, r->len, 0);
	field(&f[2], "kind", OUT_STR, k, strlen(k), 0);
	field(&f[3], "cue", OUT_TEXT, r->cue, r->cuelen, 0);
	field(&f[4], "speaker_text", OUT_TEXT, r->written, r->writtenlen, 0);
	field(&f[5], "speaker_start", OUT_INT, NULL, 0,
	    r->writtenlen ? (long long)r->wstart : -1);
	field(&f[6], "speaker_end", OUT_INT, NULL, 0,
	    r->writtenlen ? (long long)r->wend : -1);
	field(&f[7], "paragraph", OUT_INT, NULL, 0, (long long)r->para);
	/* TSV keeps its two columns; JSON has every field. */
	out_record(r->start, r->end, f, opt_common.json ? 8 : 2);
}

static void
doc_begin(void *ctx, const struct doc *d)
{
	struct quotes	*c = ctx;

	(void)d;
	quote_doc_begin(c->qd);
}

/*
 * Quote marks, sentences, tokens and word classes are found in a reader
 * thread ahead of the rest (lib/run.c).
 */
static void *
prep_new(void)
{
	return quote_prep_new();
}

static void
prep_free(void *pp)
{
	quote_prep_free(pp);
}

static void
prep_clear(void *pp)
{
	quote_prep_clear(pp);
}

static void
prep_para(void *pp, const struct para *p)
{
	quote_prep_para(pp, p);
}

static void
prep_share(void *pp, unsigned share)
{
	quote_prep_share(pp, share);
}

static void
para_prepared(void *ctx, const struct para *p, void *pp, size_t k)
{
	struct quotes	*c = ctx;

	quote_doc_para_prepared(c->qd, p, pp, k);
}

static void
doc_end(void *ctx, const struct doc *d)
{
	struct quotes	*c = ctx;

	(void)d;
	quote_doc_end(c->qd);
}

static const struct run_split ops = {
	prep_new, prep_free, prep_clear, prep_para, prep_share,
	doc_begin, para_prepared, doc_end
};

int
main(int argc, char *argv[])
{
	struct quotes		 c = { NULL, 0, 0, NULL };
	struct link_dict	*dict;
	int			 i, status;

	i = opt_parse(&prog, argc, argv, &c);
	dict = link_dict_open(c.dict_path);
	c.qd = quote_doc_new(dict, c.iflag, emit, NULL);
	status = run_operands_split(argc - i, argv + i, &ops, &c, c.threads);
	quote_doc_free(c.qd);
	link_dict_close(dict);
	nu_exit(status);
}
